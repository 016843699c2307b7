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

/* Text encoded in UTF-8 twice -- UTF-8 read as windows-1252 or Latin-1 and
 * written as UTF-8 again: "itâ€™s" for "it’s", "cafÃ©" -- decoded once
 * more, as ftfy does.  wn__text_twice_sure says whether valid UTF-8
 * s[0..n) holds a sequence that no text holds (after a lead byte's letter,
 * a C1 control or windows-1252's punctuation); only then does
 * wn__text_mend_twice mend s[0..*n) in place, the Latin-1-only sequences
 * too, and return how many characters it mended (*n shrinks). */
int wn__text_twice_sure(const char *s, size_t n);
size_t wn__text_mend_twice(char *s, size_t *n);

#endif
