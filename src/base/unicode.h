/*
 * unicode.h -- Unicode hygiene of rendered text.
 */
#ifndef WINNOW_BASE_UNICODE_H
#define WINNOW_BASE_UNICODE_H

#include <stddef.h>

#include "base/buf.h"

/* Cleans out->data + from to the end, in place: NFC, U+FFFD for invalid
 * sequences, unwanted control and format characters dropped (tab,
 * newline, ZWJ, ZWNJ kept), spaces of category Zs made ' ', U+2028/2029
 * made '\n'. */
void wn__text_clean(wn__buf *out, size_t from);

#endif
