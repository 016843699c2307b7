/*
 * utf8_check.h -- the tests' own oracle for "the output is valid UTF-8
 * without NUL bytes" (Unicode 15, table 3-7), independent of the library's
 * decoder so that a bug there cannot hide itself.  Used by
 * tests/unit_hostile.c and fuzz/fuzz_winnow.c.
 */
#ifndef WINNOW_UTF8_CHECK_H
#define WINNOW_UTF8_CHECK_H

#include <stddef.h>

static inline int valid_utf8(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	for (size_t i = 0; i < n;) {
		unsigned c = s[i];
		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t k = c >= 0xC2 && c <= 0xDF   ? 2
		           : c >= 0xE0 && c <= 0xEF ? 3
		           : c >= 0xF0 && c <= 0xF4 ? 4
		                                    : 0;
		if (!k || i + k > n)
			return 0;
		unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
		unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (size_t j = 2; j < k; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return 0;
		i += k;
	}
	return 1;
}

#endif
