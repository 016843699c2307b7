/*
 * input.h -- the input stage: from the caller's bytes to the UTF-8 that
 * gumbo parses.  The driver runs them in this order: sniff, decode, guard.
 */
#ifndef WINNOW_INPUT_H
#define WINNOW_INPUT_H

#include <stddef.h>

#include "doc.h"

/* sniff.c: 1 if in[0..len) is binary data (an executable, an archive, an
 * image ...), not a page in any text encoding. */
int wn__input_is_binary(const char *in, size_t len);

/* decode.c: detects the charset of in[0..len) and sets d->html and
 * d->html_len to the page as valid UTF-8 (in itself when it already is,
 * else a copy in d->arena).  Cannot fail. */
void wn__input_decode(wn__doc *d, const char *in, size_t len);

/* guard.c: cuts from d->html the tags that would make gumbo quadratic or
 * huge (a copy in d->arena when it cuts), keeping their text. */
void wn__guard(wn__doc *d);

#endif
