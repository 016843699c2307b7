/*
 * url.h -- URL references resolved against a base (RFC 3986, section 5.2).
 */
#ifndef WINNOW_BASE_URL_H
#define WINNOW_BASE_URL_H

#include "base/mem.h"

/* ref resolved against base, in the arena; ref itself (copied) when base
 * is NULL or not absolute, or ref is already absolute. */
char *wn__url_resolve(wn__arena *a, const char *base, const char *ref);

#endif
