/*
 * input.c -- the input decoding stage: whatever bytes come in, what leaves
 * is valid UTF-8 without NUL bytes, ready for gumbo.  Invalid sequences
 * become U+FFFD (as the WHATWG "decode" algorithm does), NULs are dropped.
 */
#include <string.h>

#include "internal.h"

/* Length of the valid UTF-8 sequence at s, or 0 if it is not one.
 * Follows the well-formed byte sequences table of Unicode 15, ch. 3. */
static size_t utf8_valid_len(const unsigned char *s, size_t n)
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

wn_status wn__input_decode(wn_doc *d, const char *in, size_t len)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0;
	/* A UTF-8 byte order mark is not text. */
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		i = 3;
	size_t start = i;
	while (i < len) {
		if (s[i] >= 0x01 && s[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_valid_len(s + i, len - i);
		if (!k)
			break;
		i += k;
	}
	if (i == len) { /* the common case: valid as it is, no copy */
		d->html = in + start;
		d->html_len = len - start;
		return WN_OK;
	}

	/* Worst case every byte becomes the 3-byte U+FFFD. */
	if (len > (SIZE_MAX - 1) / 3)
		return WN_EINPUT;
	char *out = wn__arena_alloc(&d->arena, len * 3 + 1);
	size_t o = i - start, bad = 0, nul = 0;
	memcpy(out, in + start, o);
	while (i < len) {
		size_t k = utf8_valid_len(s + i, len - i);
		if (k) {
			memcpy(out + o, s + i, k);
			o += k;
			i += k;
		} else if (s[i] == 0) {
			nul++;
			i++;
		} else {
			/* One U+FFFD per maximal invalid subpart: skip the
			 * continuation bytes that follow a bad lead byte. */
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			do {
				bad++;
				i++;
			} while (i < len && (s[i] & 0xC0) == 0x80);
		}
	}
	out[o] = 0;
	d->html = out;
	d->html_len = o;
	if (bad)
		wn__note(d, "input: %zu invalid UTF-8 byte%s replaced by U+FFFD",
		         bad, bad == 1 ? "" : "s");
	if (nul)
		wn__note(d, "input: %zu NUL byte%s dropped", nul, nul == 1 ? "" : "s");
	return WN_OK;
}
