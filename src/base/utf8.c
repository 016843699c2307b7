/*
 * utf8.c -- UTF-8 decoding and the character classes every stage uses:
 * white space, scripts written without spaces, and the HTML spec's ASCII.
 */
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "base/utf8.h"

int wn__utf8_next(const char *s, size_t len, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n = utf8proc_iterate(
		(const utf8proc_uint8_t *)s, len > 4 ? 4 : (utf8proc_ssize_t)len, &c);
	if (n <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return (int)n;
}

int wn__is_space_cp(int32_t cp)
{
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0)
		return 1;
	if (cp < 0x80)
		return 0;
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

/* Scripts written without spaces between words: a character is a word. */
int wn__is_cjk_cp(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) || /* kana */
	       (cp >= 0x3400 && cp <= 0x4DBF) || /* CJK ext A */
	       (cp >= 0x4E00 && cp <= 0x9FFF) || /* CJK unified */
	       (cp >= 0xF900 && cp <= 0xFAFF) || /* compatibility */
	       (cp >= 0x0E00 && cp <= 0x0E7F) || /* Thai */
	       (cp >= 0x20000 && cp <= 0x2FA1F); /* ext B.. */
}

/* ---- ASCII, as the HTML spec reads markup ---- */

int wn__is_html_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

int wn__ascii_ieq(const char *a, const char *lower, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i];
		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (x != (unsigned char)lower[i])
			return 0;
	}
	return 1;
}

/* ---- validity ---- */

/* Length of the valid UTF-8 sequence at s, or 0 if it is not one.
 * Follows the well-formed byte sequences table of Unicode 15, ch. 3. */
size_t wn__utf8_valid_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80)
		return c ? 1 : 0;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	size_t need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (n < need)
		return 0;
	unsigned lo = 0x80, hi = 0xBF;
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < need; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return need;
}

/* Length of the prefix of s that is valid UTF-8, without NULs unless
 * nul_ok (for detection, where NULs say nothing about the charset). */
size_t wn__utf8_valid_prefix(const unsigned char *s, size_t len, int nul_ok)
{
	const uint64_t HIGH = 0x8080808080808080u, ONES = 0x0101010101010101u;
	size_t i = 0;
	while (i < len) {
		/* eight ASCII bytes at a time (and no NUL among them unless
		 * nul_ok: the zero-byte test of Hacker's Delight, 6-1) */
		if (len - i >= 8) {
			uint64_t v;
			memcpy(&v, s + i, 8);
			if (!(v & HIGH) && (nul_ok || !((v - ONES) & ~v & HIGH))) {
				i += 8;
				continue;
			}
		}
		if (s[i] < 0x80 && (s[i] || nul_ok)) {
			i++;
			continue;
		}
		size_t k = wn__utf8_valid_len(s + i, len - i);
		if (!k)
			break;
		i += k;
	}
	return i;
}

/* WHATWG index-windows-1252 for 0x80..0x9F (the rest is Latin-1). */
const uint16_t wn__cp1252_hi[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
	0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
	0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};
