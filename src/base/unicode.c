/*
 * unicode.c -- Unicode hygiene of the rendered text, in one pass: invalid
 * sequences become U+FFFD, the text is put in NFC, control and format
 * characters no reader wants are dropped, exotic spaces become spaces.
 * Dropping an invisible character must not glue or split words: a space
 * or line left doubled by a drop is taken out again.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "base/mem.h"
#include "base/unicode.h"
#include "base/utf8.h"

/* What happens to one code point. */
enum { KEEP, DROP, SPACE, NEWLINE };

static int classify(int32_t cp)
{
	if (cp < 0x80) {
		if (cp == '\t' || cp == '\n')
			return KEEP;
		return cp < 0x20 || cp == 0x7F ? DROP : KEEP;
	}
	switch (cp) {
	case 0x200C:
	case 0x200D: /* ZWNJ, ZWJ: scripts and emoji need them */
	case 0x200E:
	case 0x200F:
	case 0x061C: /* LRM, RLM, ALM: bidi text */ return KEEP;
	case 0x2028:
	case 0x2029: return NEWLINE;
	}
	if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
		return DROP; /* noncharacters */
	if (cp >= 0xE0020 && cp <= 0xE007F)
		return KEEP; /* tag characters of emoji flag sequences */
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_CC: /* C1 controls */
	case UTF8PROC_CATEGORY_CF: /* soft hyphen, ZWSP, BOM, bidi overrides ... */ return DROP;
	case UTF8PROC_CATEGORY_ZS: return SPACE;
	default: return KEEP;
	}
}

/* A code point before which NFC may be cut: a starter that never combines
 * with what precedes it (UAX #15: the starters that compose as a second
 * character are spacing vowel signs, category Mc, and Hangul jamo). */
static int stable_start(int32_t cp)
{
	if (cp < 0x80)
		return 1;
	if (cp >= 0x1100 && cp <= 0x11FF)
		return 0;
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	return p->combining_class == 0 && p->category != UTF8PROC_CATEGORY_MN &&
	       p->category != UTF8PROC_CATEGORY_MC && p->category != UTF8PROC_CATEGORY_ME;
}

/* True if a segment holding this code point may change under NFC: it is
 * excluded from composition (NFC_Quick_Check No), or it may combine with
 * what precedes it (Maybe: marks, spacing vowel signs, jamo).  A segment
 * of code points that all pass is already NFC. */
static int nfc_quick_no(int32_t cp)
{
	if (cp < 0x300)
		return 0;
	if (cp >= 0x1100 && cp <= 0x11FF)
		return 1;
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	if (p->combining_class != 0 || p->category == UTF8PROC_CATEGORY_MC ||
	    p->category == UTF8PROC_CATEGORY_MN)
		return 1;
	if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0)
		return 0;
	/* and, by Unicode's stability policy forever, the few whose
	 * decomposition is a singleton that decomposes further */
	if (p->comp_exclusion || (cp >= 0x1F70 && cp <= 0x1FFF) || cp == 0x212B)
		return 1;
	/* singleton decompositions are excluded from composition too */
	utf8proc_int32_t dec[4];
	int last = 0;
	return utf8proc_decompose_char(cp, dec, 4, UTF8PROC_DECOMPOSE, &last) == 1;
}

typedef struct cstate {
	wn__buf *b;
	size_t from;
	int dropped;    /* something dropped on the current line */
	int any_drop;   /* something dropped at all */
	int skip_space; /* a drop left a space: the next space is one too many */
} cstate;

static int last_char(const cstate *c)
{
	return c->b->len > c->from ? c->b->data[c->b->len - 1] : '\n';
}

/* Appends one code point of the cleaned text. */
static void emit(cstate *c, int32_t cp, const char *s, size_t k)
{
	if (cp == ' ') {
		int last = last_char(c);
		if (c->skip_space && (last == ' ' || last == '\n' || last == '\t'))
			return;
		c->skip_space = 0;
		wn__buf_put(c->b, s, k);
		return;
	}
	c->skip_space = 0;
	if (cp == '\n' && c->dropped) {
		/* A line that only held dropped characters goes, and a space
		 * a drop left at its end too. */
		if (last_char(c) == '\n')
			return;
		while (c->b->len > c->from && c->b->data[c->b->len - 1] == ' ')
			c->b->len--;
		c->dropped = 0;
		wn__buf_put(c->b, s, k);
		return;
	}
	wn__buf_put(c->b, s, k);
}

/* Appends the NFC form of seg[0..n), already free of dropped characters. */
static void put_nfc(cstate *c, const char *seg, size_t n, int changes)
{
	if (!changes) {
		wn__buf_put(c->b, seg, n);
		return;
	}
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)seg, (utf8proc_ssize_t)n, &nfc,
	                                  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (m < 0)
		wn__buf_put(c->b, seg, n);
	else
		wn__buf_put(c->b, (const char *)nfc, (size_t)m);
	free(nfc);
}

void wn__text_clean(wn__buf *out, size_t from)
{
	/* UAX #15 stream-safe text: at most 30 non-starters in a row.  Cut
	 * there too, so utf8proc's reordering stays cheap. */
	enum { MAX_NONSTARTERS = 30 };
	if (!out->data || out->len <= from)
		return;
	size_t len = out->len - from;
	char *src = wn__xmalloc(len + 1);
	memcpy(src, out->data + from, len);
	out->len = from;
	out->data[from] = 0;

	cstate c = {.b = out, .from = from};
	wn__buf seg = {0}; /* the NFC segment being gathered */
	int changes = 0, nonstarters = 0;
	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t k;
		unsigned char ch = (unsigned char)src[i];
		if (ch >= 0x20 && ch < 0x7F) {
			cp = ch;
			k = 1;
		} else {
			k = (size_t)wn__utf8_next(src + i, len - i, &cp);
		}
		const char *s = src + i;
		i += k;
		int what = classify(cp);
		if (what == DROP) {
			c.dropped = c.any_drop = 1;
			c.skip_space = 1;
			continue;
		}
		if (what == SPACE || what == NEWLINE || cp < 0x80 || stable_start(cp) ||
		    nonstarters >= MAX_NONSTARTERS) {
			/* a segment ends before this code point */
			if (seg.len) {
				put_nfc(&c, seg.data, seg.len, changes);
				seg.len = 0;
			}
			changes = 0;
			nonstarters = 0;
		}
		if (what == SPACE) {
			emit(&c, ' ', " ", 1);
			continue;
		}
		if (what == NEWLINE) {
			emit(&c, '\n', "\n", 1);
			continue;
		}
		if (cp < 0x80) {
			/* ASCII is NFC; it stays pending only for a mark to
			 * follow (e + U+0301 is é). */
			if (i < len && (unsigned char)src[i] >= 0x80 && cp != '\n' && cp != ' ' &&
			    cp != '\t') {
				c.skip_space = 0;
				wn__buf_put(&seg, s, k);
			} else {
				emit(&c, cp, s, k);
			}
			continue;
		}
		if (cp == 0xFFFD && k == 1)
			s = "\xEF\xBF\xBD", k = 3; /* an invalid byte */
		c.skip_space = 0;
		wn__buf_put(&seg, s, k);
		if (nfc_quick_no(cp))
			changes = 1;
		if (!stable_start(cp))
			nonstarters++;
	}
	if (seg.len)
		put_nfc(&c, seg.data, seg.len, changes);
	wn__buf_free(&seg);
	free(src);

	/* A drop may have left blank lines or spaces at the end. */
	if (c.any_drop) {
		int nl = out->len > from && out->data[out->len - 1] == '\n';
		while (out->len > from &&
		       (out->data[out->len - 1] == '\n' || out->data[out->len - 1] == ' '))
			out->len--;
		if (out->len > from && nl)
			out->data[out->len++] = '\n';
		out->data[out->len] = 0;
	}
}

/* ---- text encoded twice (ftfy: Speer, "ftfy: fixes text for you") ---- */

/* The byte that code point cp stands for in UTF-8 read as windows-1252 or
 * Latin-1, or -1; *sure set for the C1 controls and windows-1252's
 * punctuation, which no text has beside a lead byte's letter. */
static int twice_byte(int32_t cp, int *sure)
{
	if (cp >= 0xA0 && cp <= 0xFF)
		return (int)cp;
	if (cp >= 0x80 && cp < 0xA0) {
		*sure = 1;
		return (int)cp;
	}
	for (int k = 0; cp >= 0x100 && k < 32; k++)
		if (wn__cp1252_hi[k] == cp) {
			*sure = 1;
			return 0x80 + k;
		}
	return -1;
}

/* A character encoded twice at s[i..n): the letter of its lead byte
 * (U+00C2..U+00F4, in UTF-8 0xC3 0x82..0xB4) and the characters of its
 * continuation bytes.  Returns the bytes it takes there, or 0; its UTF-8
 * goes to u[0..*ulen). */
static size_t twice_at(const char *s, size_t n, size_t i, unsigned char *u, size_t *ulen, int *sure)
{
	int32_t cp;
	size_t j = i + (size_t)wn__utf8_next(s + i, n - i, &cp);
	if (cp < 0xC2 || cp > 0xF4)
		return 0;
	size_t need = cp < 0xE0 ? 1 : cp < 0xF0 ? 2 : 3;
	u[0] = (unsigned char)cp;
	*sure = 0;
	for (size_t m = 1; m <= need; m++) {
		int32_t c;
		if (j >= n)
			return 0;
		j += (size_t)wn__utf8_next(s + j, n - j, &c);
		int b = twice_byte(c, sure);
		if (b < 0x80 || b > 0xBF)
			return 0;
		u[m] = (unsigned char)b;
	}
	if (wn__utf8_valid_len(u, need + 1) != need + 1)
		return 0;
	*ulen = need + 1;
	return j - i;
}

int wn__text_twice_sure(const char *s, size_t n)
{
	unsigned char u[4];
	size_t ul;
	int sure;
	for (size_t i = 0; i < n;) {
		const char *p = memchr(s + i, 0xC3, n - i);
		if (!p)
			return 0;
		i = (size_t)(p - s);
		size_t k = twice_at(s, n, i, u, &ul, &sure);
		if (k && sure)
			return 1;
		i += k ? k : 1;
	}
	return 0;
}

size_t wn__text_mend_twice(char *s, size_t *n)
{
	unsigned char u[4];
	size_t ul, o = 0, mended = 0, len = *n;
	int sure;
	/* o never passes i: written in place */
	for (size_t i = 0; i < len;) {
		const char *p = memchr(s + i, 0xC3, len - i);
		size_t at = p ? (size_t)(p - s) : len;
		memmove(s + o, s + i, at - i);
		o += at - i;
		i = at;
		if (i >= len)
			break;
		size_t k = twice_at(s, len, i, u, &ul, &sure);
		if (k) {
			memcpy(s + o, u, ul);
			o += ul;
			i += k;
			mended++;
		} else {
			s[o++] = s[i++];
		}
	}
	if (o < len)
		s[o] = 0;
	*n = o;
	return mended;
}
