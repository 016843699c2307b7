/*
 * shape.c -- the structure of the page that the kind stage and the
 * selection modes read: per-subtree tallies (text, links, running text,
 * headings, code, prices, times), and the shape of an element, a
 * signature under which repeated units (cards, records, posts, sections)
 * are alike: its tag, its class tokens less generated ones, and the tag of
 * its first child element (after the notes' "records" remedy).
 */
#include <string.h>
#include <strings.h>

#include "base/tags.h"
#include "base/utf8.h"
#include "metadata/metadata.h"
#include "stages.h"
#include "tuning.h"

static uint32_t fnv(uint32_t h, const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		h = (h ^ (unsigned char)s[k]) * 16777619u;
	return h;
}

/* Class tokens with a digit are generated ("element-35fa27c4", "col-6"
 * counts too: the grid's width is no part of what the unit is). */
static uint32_t class_shape(uint32_t h, const char *cls)
{
	for (const char *p = cls; p && *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
			p++;
		const char *e = p;
		int digit = 0;
		while (*e && *e != ' ' && *e != '\t' && *e != '\n' && *e != '\r' && *e != '\f')
			digit |= *e >= '0' && *e <= '9', e++;
		if (e > p && !digit)
			h = fnv(fnv(h, " ", 1), p, (size_t)(e - p));
		p = e;
	}
	return h;
}

/* An element's tag and class tokens less generated ones, or 0 when it
 * has no such token: a bare tag is no unit's signature. */
uint32_t wn__shape_skin(const wn__doc *d, int32_t i)
{
	const wn__node *x = &d->nodes[i];
	char buf[64];
	const char *name = wn__tag_name(x, buf, sizeof buf);
	uint32_t h = fnv(2166136261u, name ? name : "?", name ? strlen(name) : 1);
	uint32_t c = class_shape(h, wn__attr(x, "class"));
	return c == h ? 0 : c ? c : 1;
}

uint32_t wn__shape(const wn__doc *d, int32_t i)
{
	const wn__node *x = &d->nodes[i];
	char buf[64];
	const char *name = wn__tag_name(x, buf, sizeof buf);
	uint32_t h = fnv(2166136261u, name ? name : "?", name ? strlen(name) : 1);
	h = class_shape(h, wn__attr(x, "class"));
	for (int32_t c = i + 1; c < x->end; c = d->nodes[c].end)
		if (d->nodes[c].kind == WN__NODE_ELEMENT) {
			uint16_t t = d->nodes[c].tag;
			h = fnv(h, (const char *)&t, sizeof t);
			break;
		}
	return h ? h : 1;
}

/* A price: a short text with a currency sign (or code) next to a digit. */
static int is_currency(int32_t cp)
{
	return cp == '$' || cp == 0x20AC || cp == 0xA3 || cp == 0xA5 ||
	       (cp >= 0x20A0 && cp <= 0x20C0) || cp == 0x0E3F;
}

int wn__is_price(const char *s, size_t n)
{
	int32_t prev = 0; /* the last code point that is not a space */
	int after_sign = 0;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		i += (size_t)wn__utf8_next(s + i, n - i, &cp);
		if (wn__is_space_cp(cp))
			continue;
		int digit = cp >= '0' && cp <= '9';
		if (is_currency(cp)) {
			if (prev >= '0' && prev <= '9')
				return 1; /* "19,99 €" */
			after_sign = 1;
		} else if (digit && after_sign) {
			return 1; /* "$19.99", "€ 12" */
		} else if (!digit) {
			after_sign = 0;
		}
		prev = cp;
	}
	/* ISO codes beside an amount: "1,999 USD", "EUR 49" */
	int has_digit = 0;
	for (size_t i = 0; i < n; i++)
		has_digit |= s[i] >= '0' && s[i] <= '9';
	for (size_t i = 0; has_digit && i + 3 <= n; i++)
		if (!memcmp(s + i, "USD", 3) || !memcmp(s + i, "EUR", 3) || !memcmp(s + i, "GBP", 3))
			return 1;
	return 0;
}

/* A relative time as forums and feeds write them: "3 hours ago", "2d",
 * "5 min". */
static int is_relative_time(const char *s)
{
	static const char *const UNITS[] = {
		"sec",  "min", "hour", "hr", "day", "week", "wk", "month", "mo",
		"year", "yr",  "h",    "d",  "w",   "m",    "y",  NULL,
	};
	for (const char *p = s; *p; p++) {
		if (!(*p >= '0' && *p <= '9') || (p > s && p[-1] >= '0' && p[-1] <= '9'))
			continue;
		const char *u = p;
		while (*u >= '0' && *u <= '9')
			u++;
		while (*u == ' ')
			u++;
		for (const char *const *k = UNITS; *k; k++) {
			size_t n = strlen(*k);
			if (strncmp(u, *k, n))
				continue;
			const char *e = u + n;
			while ((*e >= 'a' && *e <= 'z'))
				e++; /* "hours", "mins" */
			if (n == 1 ? !*e || *e == ' ' || (*e >= '\t' && *e <= '\r') || *e == ',' ||
			                     *e == '.'
			           : 1)
				if (n > 1 || !((*(u + 1) >= 'a' && *(u + 1) <= 'z')))
					return 1;
		}
	}
	return 0;
}

/* Whether a heading's text is a reply's subject: the prefix mail and
 * threads put before the subject answered ("Re: ...", RFC 5322 section
 * 3.6.5; "AW:", "SV:", "Antw:", "Odp:" and "回复:" where a mail program
 * translates it).  A thread's posts each carry one; an archive's teasers
 * carry their own titles. */
static int is_reply_subject(const char *s)
{
	static const char *const PREFIXES[] = {
		"re", "aw", "sv", "antw", "odp", "\xe5\x9b\x9e\xe5\xa4\x8d" /* 回复 */, NULL,
	};
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	for (const char *const *p = PREFIXES; *p; p++) {
		size_t n = strlen(*p);
		if (strncasecmp(s, *p, n))
			continue;
		const char *e = s + n;
		while (*e == ' ')
			e++;
		/* "Re:", "Re :", "回复：" (a full-width colon) */
		if (*e == ':' || !strncmp(e, "\xef\xbc\x9a", 3))
			return 1;
	}
	return 0;
}

/* A block's text, joined, for the short tests above (at most cap bytes). */
static size_t block_text(const wn__doc *d, const wn__block *b, char *buf, size_t cap)
{
	size_t o = 0;
	for (int32_t t = b->first; t <= b->last && o + 1 < cap; t++) {
		const wn__node *x = &d->nodes[t];
		if (x->kind == WN__NODE_ELEMENT || x->block != (int32_t)(b - d->blocks))
			continue;
		const char *s = x->g->v.text.text;
		size_t n = strlen(s);
		if (n > cap - 1 - o)
			n = cap - 1 - o;
		memcpy(buf + o, s, n);
		o += n;
	}
	buf[o] = 0;
	return o;
}

/* The element whose tally counts block b: its container, or the inline
 * box between them (a card that is one link around a heading and a price
 * is the card, not the grid around it).  The walk is bounded: past
 * WN__BOX_WALK inline levels the container counts it. */
static int32_t owner(const wn__doc *d, const wn__block *b)
{
	int32_t i = d->nodes[b->first].parent;
	for (int n = 0; i > b->container && n < WN__BOX_WALK; n++, i = d->nodes[i].parent)
		if (d->nodes[i].flags & WN__NF_BOX)
			return i;
	return b->container;
}

wn__tally *wn__tally_build(wn__doc *d)
{
	wn__tally *t = wn__arena_alloc(&d->arena, (size_t)d->n_nodes * sizeof *t);
	for (int32_t k = 0; k < d->n_blocks; k++) {
		const wn__block *b = &d->blocks[k];
		wn__tally *x = &t[owner(d, b)];
		x->blocks++;
		x->chars += b->eff;
		x->links += b->link_chars;
		x->link_blocks += b->link_chars > 0;
		x->prose += wn__text_goodness(b) >= WN__STRONG_GOODNESS ? b->eff : 0;
		x->headings += b->kind == WN__BK_HEADING;
		x->h1 += b->kind == WN__BK_HEADING && b->level == 1;
		if (b->kind == WN__BK_HEADING) {
			char buf[32];
			block_text(d, b, buf, sizeof buf);
			x->replies += is_reply_subject(buf);
		}
		x->code += b->kind == WN__BK_PRE ? b->eff : 0;
		if (b->eff <= WN__DATE_LINE_MAX && b->kind != WN__BK_HEADING) {
			char buf[4 * WN__DATE_LINE_MAX + 8], iso[WN__DATE_MAX];
			size_t n = block_text(d, b, buf, sizeof buf);
			if (b->eff <= WN__PRICE_MAX_CHARS)
				x->prices += wn__is_price(buf, n);
			x->dates += wn__date_find(buf, n, iso) != NULL || is_relative_time(buf);
		}
	}
	for (int32_t i = d->n_nodes - 1; i > 0; i--) {
		const wn__node *x = &d->nodes[i];
		wn__tally *p = &t[x->parent];
		if (x->tag == GUMBO_TAG_TIME && !(x->flags & WN__NF_REMOVED))
			t[i].times++;
		p->blocks += t[i].blocks;
		p->chars += t[i].chars;
		p->links += t[i].links;
		p->link_blocks += t[i].link_blocks;
		p->prose += t[i].prose;
		p->headings += t[i].headings;
		p->h1 += t[i].h1;
		p->code += t[i].code;
		p->prices += t[i].prices;
		p->times += t[i].times;
		p->dates += t[i].dates;
		p->replies += t[i].replies;
	}
	return t;
}
