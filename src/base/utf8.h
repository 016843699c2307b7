/*
 * utf8.h -- UTF-8 decoding and character classes.
 */
#ifndef WINNOW_BASE_UTF8_H
#define WINNOW_BASE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one UTF-8 sequence at s (len > 0 bytes left); returns its length
 * and stores the code point (U+FFFD for an invalid sequence) in *cp. */
int wn__utf8_next(const char *s, size_t len, int32_t *cp);
/* White space as a reader sees it: ASCII space, tab, CR, LF, FF, NBSP and
 * Unicode's separators (Zs, Zl, Zp). */
int wn__is_space_cp(int32_t cp);
/* Scripts written without spaces between words (CJK, kana, Thai): each
 * character counts as a word. */
int wn__is_cjk_cp(int32_t cp);
/* The HTML spec's ASCII white space (space, tab, LF, FF, CR). */
int wn__is_html_space(unsigned char c);
/* Whether a[0..n) equals lower[0..n) ignoring ASCII case; lower must be
 * lower-case. */
int wn__ascii_ieq(const char *a, const char *lower, size_t n);

/* Length of the valid UTF-8 sequence at s[0..n), or 0 if it is not one
 * (Unicode's table of well-formed byte sequences; NUL is not one). */
size_t wn__utf8_valid_len(const unsigned char *s, size_t n);
/* Length of the prefix of s[0..len) that is valid UTF-8, NULs allowed only
 * when nul_ok (detection, where NULs say nothing about the charset). */
size_t wn__utf8_valid_prefix(const unsigned char *s, size_t len, int nul_ok);

/* WHATWG's index-windows-1252 for the bytes 0x80..0x9F (the rest of the
 * encoding is Latin-1). */
extern const uint16_t wn__cp1252_hi[32];

#endif
