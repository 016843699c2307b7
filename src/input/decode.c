/*
 * decode.c -- the input decoding stage: whatever bytes come in, what leaves
 * is valid UTF-8 without NUL bytes, ready for gumbo.  The encoding is
 * charset.c's choice; conversion is iconv with one descriptor per
 * document, but for windows-1252 and x-user-defined, decoded here.
 * Invalid sequences become U+FFFD (WHATWG's decoders), NULs are dropped.
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/unicode.h"
#include "base/utf8.h"
#include "input/charset.h"
#include "input/input.h"

/* Makes in[0..len) valid UTF-8 without NULs: as it is when it already is,
 * else a copy in the arena with U+FFFD for each maximal invalid subpart
 * (WHATWG's UTF-8 decoder). */
static void utf8_sanitize(wn__doc *d, const char *in, size_t len, const char **out_p, size_t *out_len)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = wn__utf8_valid_prefix(s, len, 0);
	if (i == len) {
		*out_p = in;
		*out_len = len;
		return;
	}
	/* Worst case every byte becomes the 3-byte U+FFFD. */
	if (len > (SIZE_MAX - 1) / 3)
		wn__oom();
	char *out = wn__arena_alloc_raw(
		&d->arena, len * 3 + 1); /* the worst case: untouched pages cost nothing */
	size_t o = i, bad = 0, nul = 0;
	memcpy(out, in, o);
	while (i < len) {
		size_t k = wn__utf8_valid_len(s + i, len - i);
		if (k) {
			memcpy(out + o, s + i, k);
			o += k;
			i += k;
		} else if (s[i] == 0) {
			nul++;
			i++;
		} else {
			/* One U+FFFD per maximal subpart: a lead byte with the
			 * continuation bytes that fit it so far. */
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			bad++;
			unsigned c = s[i++];
			size_t need = c >= 0xC2 && c <= 0xDF   ? 1
			              : c >= 0xE0 && c <= 0xEF ? 2
			              : c >= 0xF0 && c <= 0xF4 ? 3
			                                       : 0;
			unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
			unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
			for (size_t t = 0; t < need && i < len; t++) {
				if (s[i] < (t ? 0x80 : lo) || s[i] > (t ? 0xBF : hi))
					break;
				i++;
			}
		}
	}
	out[o] = 0;
	*out_p = out;
	*out_len = o;
	if (bad)
		wn__note(&d->notes, "input: %zu invalid UTF-8 sequence%s replaced by U+FFFD", bad,
		         bad == 1 ? "" : "s");
	if (nul)
		wn__note(&d->notes, "input: %zu NUL byte%s dropped", nul, nul == 1 ? "" : "s");
}

/* ---- decoders ---- */

static size_t put_cp(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	o[0] = (char)(0xE0 | cp >> 12);
	o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
	o[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* windows-1252 (base/utf8.c's WHATWG table for 0x80..0x9F, the rest
 * Latin-1) is decoded here rather than by iconv, whose CP1252 refuses the
 * five unassigned bytes that WHATWG maps to C1 controls. */
static char *decode_single(wn__doc *d, const unsigned char *s, size_t len, int enc, size_t *out_len)
{
	if (len > (SIZE_MAX - 1) / 3)
		wn__oom();
	char *out = wn__arena_alloc_raw(
		&d->arena, len * 3 + 1); /* the worst case: untouched pages cost nothing */
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned c = s[i];
		uint32_t cp = c;
		if (c >= 0x80) {
			if (enc == WN__E_USERDEF)
				cp = 0xF780 + c - 0x80;
			else if (c < 0xA0)
				cp = wn__cp1252_hi[c - 0x80];
		}
		o += put_cp(out + o, cp);
	}
	out[o] = 0;
	*out_len = o;
	return out;
}

/* Converts with iconv; on an invalid or unmappable sequence emits U+FFFD
 * and skips one code unit, so any input converts in linear time.  Returns
 * NULL when iconv does not know the encoding. */
static char *decode_iconv(wn__doc *d, const char *in, size_t len, int enc, size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", wn__charset_iconv(enc));
	if (cd == (iconv_t)-1)
		return NULL;
	size_t unit = enc == WN__E_UTF16LE || enc == WN__E_UTF16BE ? 2 : 1;
	wn__buf b = {0};
	wn__buf_grow(&b, len + len / 2 + 64);
	char *ip = (char *)in;
	size_t left = len, bad = 0;
	while (left) {
		/* Input in bounded windows: the cost of one call must not
		 * grow with what is left (AddressSanitizer checks the whole
		 * range on each call, and a call comes per invalid byte). */
		enum { WINDOW = 4096 };
		size_t win = left < WINDOW ? left : WINDOW, wleft = win;
		char *op = b.data + b.len;
		size_t room = b.cap - b.len - 1;
		size_t r = iconv(cd, &ip, &wleft, &op, &room);
		b.len = (size_t)(op - b.data);
		left -= win - wleft;
		if (r != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			wn__buf_grow(&b, b.cap);
			continue;
		}
		if (errno == EINVAL && left > wleft && win - wleft > 0)
			continue; /* a sequence cut by the window, not the input */
		/* EILSEQ, or EINVAL: a sequence cut by the end of input */
		wn__buf_grow(&b, 8);
		memcpy(b.data + b.len, "\xEF\xBF\xBD", 3);
		b.len += 3;
		bad++;
		size_t k = left < unit ? left : unit;
		ip += k;
		left -= k;
	}
	for (;;) { /* the final shift state of stateful encodings */
		char *op = b.data + b.len;
		size_t room = b.cap - b.len - 1;
		size_t r = iconv(cd, NULL, NULL, &op, &room);
		b.len = (size_t)(op - b.data);
		if (r == (size_t)-1 && errno == E2BIG) {
			wn__buf_grow(&b, 64);
			continue;
		}
		break;
	}
	iconv_close(cd);
	char *out = wn__arena_strndup(&d->arena, b.data, b.len);
	*out_len = b.len;
	wn__buf_free(&b);
	if (bad)
		wn__note(&d->notes, "input: %zu byte sequence%s invalid in %s replaced by U+FFFD",
		         bad, bad == 1 ? "" : "s", wn__charset_name(enc));
	return out;
}

/* ---- the stage ---- */

void wn__input_decode(wn__doc *d, const char *in, size_t len)
{
	wn__charset cs = wn__charset_detect(d, in, len);
	int enc = cs.enc;
	in += cs.bom;
	len -= cs.bom;
	const unsigned char *s = (const unsigned char *)in;
	const char *html;
	size_t n;
	char *conv = NULL;
	if (enc == WN__E_UTF8) {
		html = in;
		n = len;
	} else if (enc == WN__E_1252 || enc == WN__E_USERDEF) {
		html = conv = decode_single(d, s, len, enc, &n);
	} else if (enc == WN__E_REPLACEMENT) {
		/* WHATWG: these encodings are not decoded at all */
		html = conv = wn__arena_strndup(&d->arena, len ? "\xEF\xBF\xBD" : "", len ? 3 : 0);
		n = strlen(conv);
	} else {
		html = conv = decode_iconv(d, in, len, enc, &n);
		if (!conv) {
			wn__note(&d->notes, "charset: %s not supported here, read as windows-1252",
			         wn__charset_name(enc));
			enc = WN__E_1252;
			html = conv = decode_single(d, s, len, enc, &n);
		}
	}
	if (cs.from)
		wn__note(&d->notes, "charset: %s (from %s)", wn__charset_name(enc), cs.from);
	else
		wn__note(&d->notes, "charset: %s (%s)", wn__charset_name(enc), cs.how);
	utf8_sanitize(d, html, n, &d->html, &d->html_len);
	if (wn__text_twice_sure(d->html, d->html_len)) {
		char *m = wn__arena_strndup(&d->arena, d->html, d->html_len);
		size_t k = wn__text_mend_twice(m, &d->html_len);
		d->html = m;
		wn__note(&d->notes, "input: %zu character%s encoded in UTF-8 twice decoded once more",
		         k, k == 1 ? "" : "s");
	}
}
