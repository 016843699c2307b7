/*
 * guard.c -- the last step of the input stage: protects gumbo from inputs
 * that make it quadratic or huge.  gumbo scans its open-element,
 * active-formatting and attribute lists linearly, and each element costs it
 * about 500 bytes; so, from an estimate of gumbo's open elements (the HTML
 * spec's tree construction, simplified), start tags nested far beyond
 * max_depth, deep or piled-up unclosed formatting elements, attributes
 * beyond 64 in a tag and elements past a million are cut out of the
 * markup.  Their text is kept, their structure is not, and a note says so.
 */
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "input/input.h"
#include "tuning.h"
#include "base/tags.h"


typedef struct guard {
	const char *s;
	size_t n, flushed; /* bytes before flushed are written or dropped */
	wn__buf out;
	int changed;
	uint16_t *stack;   /* open elements (estimate), GumboTag each */
	uint16_t *afe_at;  /* open formatting elements when each was pushed */
	size_t sp, cap;
	uint32_t count[GUMBO_TAG_LAST + 1];   /* open per tag */
	uint32_t dropped[GUMBO_TAG_LAST + 1]; /* open but cut, per tag */
	uint32_t afe[GUMBO_TAG_LAST + 1];     /* unclosed formatting, per tag */
	uint32_t afe_total;
	size_t elements;   /* start tags let through */
	size_t cut_deep, cut_fmt, cut_attrs, cut_many;
} guard;

static void guard_drop(guard *g, size_t from, size_t to)
{
	if (!g->changed) {
		g->changed = 1;
		wn__buf_grow(&g->out, g->n);
	}
	wn__buf_put(&g->out, g->s + g->flushed, from - g->flushed);
	g->flushed = to;
}








static void guard_pop(guard *g)
{
	int t = g->stack[--g->sp];
	g->count[t]--;
	if (wn__tag_is(t, WN__TC_MARKER) && g->afe_total > g->afe_at[g->sp])
		g->afe_total = g->afe_at[g->sp];
	/* What was cut lay inside the element at the cut depth. */
	if (g->sp + 1 == g->cap)
		memset(g->dropped, 0, sizeof g->dropped);
}

static void guard_pop_to(guard *g, int t)
{
	while (g->sp && g->count[t]) {
		int top = g->stack[g->sp - 1];
		guard_pop(g);
		if (top == t)
			break;
	}
}

/* Closes the nearest open element of one of tags a, b (or a alone), looked
 * for among the top elements down to a `stop` element. */
static void guard_close_near(guard *g, int a, int b, int stop1, int stop2)
{
	if (!g->count[a] && (b < 0 || !g->count[b]))
		return;
	for (size_t k = g->sp; k > 0 && g->sp - k < WN__GUARD_SEARCH; k--) {
		int t = g->stack[k - 1];
		if (t == stop1 || t == stop2)
			return;
		if (t == a || t == b) {
			while (g->sp >= k)
				guard_pop(g);
			return;
		}
	}
}

/* Skips a tag's attributes from i; cuts those past WN__GUARD_ATTRS.  Returns
 * the position after '>', or SIZE_MAX for a tag cut by the end of input;
 * *selfclose for "/>". */
static size_t guard_attrs(guard *g, size_t i, int *selfclose)
{
	const char *s = g->s;
	size_t n = g->n, count = 0;
	*selfclose = 0;
	for (;;) {
		while (i < n && (wn__is_html_space((unsigned char)s[i]) || s[i] == '/')) {
			if (s[i] == '/' && i + 1 < n && s[i + 1] == '>')
				*selfclose = 1;
			i++;
		}
		if (i >= n)
			return SIZE_MAX;
		if (s[i] == '>')
			return i + 1;
		size_t start = i;
		i++; /* the first character may be anything, even '=' */
		while (i < n && !wn__is_html_space((unsigned char)s[i]) && s[i] != '/' &&
		       s[i] != '>' && s[i] != '=')
			i++;
		size_t j = i;
		while (j < n && wn__is_html_space((unsigned char)s[j]))
			j++;
		if (j < n && s[j] == '=') {
			j++;
			while (j < n && wn__is_html_space((unsigned char)s[j]))
				j++;
			if (j < n && (s[j] == '"' || s[j] == '\'')) {
				const char *e = memchr(s + j + 1, s[j], n - j - 1);
				if (!e)
					return SIZE_MAX;
				i = (size_t)(e - s) + 1;
			} else {
				while (j < n && !wn__is_html_space((unsigned char)s[j]) && s[j] != '>')
					j++;
				i = j;
			}
		}
		if (++count > WN__GUARD_ATTRS && i < n) {
			guard_drop(g, start, i);
			g->cut_attrs++;
		}
	}
}


/* The position of "</name" ending a raw text element, or n. */
static size_t rawtext_end(const char *s, size_t n, size_t i, int t)
{
	if (t == GUMBO_TAG_PLAINTEXT)
		return n;
	const char *name = gumbo_normalized_tagname((GumboTag)t);
	size_t k = strlen(name);
	while (i < n) {
		const char *p = memchr(s + i, '<', n - i);
		if (!p)
			return n;
		i = (size_t)(p - s);
		if (i + 2 + k <= n && s[i + 1] == '/' &&
		    wn__ascii_ieq(s + i + 2, name, k) &&
		    (i + 2 + k == n || wn__is_html_space((unsigned char)s[i + 2 + k]) ||
		     s[i + 2 + k] == '>' || s[i + 2 + k] == '/'))
			return i;
		i++;
	}
	return n;
}

static void guard_start(guard *g, int t, size_t tag_start, size_t tag_end,
                        int selfclose)
{
	int foreign = (g->count[GUMBO_TAG_SVG] || g->count[GUMBO_TAG_MATH]) &&
	              !(g->sp && wn__tag_is(g->stack[g->sp - 1], WN__TC_INTEGRATION));
	if (wn__tag_is(t, WN__TC_RAWTEXT) && !foreign)
		return; /* never cut: cut, their text would be read as markup */
	if (g->elements >= WN__GUARD_ELEMENTS) {
		guard_drop(g, tag_start, tag_end);
		if (!wn__tag_is(t, WN__TC_VOID))
			g->dropped[t]++;
		g->cut_many++;
		return;
	}
	g->elements++;
	if (wn__tag_is(t, WN__TC_VOID))
		return;
	if (foreign && selfclose)
		return; /* foreign content: really self-closing */
	if (foreign && wn__tag_is(t, WN__TC_BREAKS_OUT))
		while (g->sp && (g->count[GUMBO_TAG_SVG] || g->count[GUMBO_TAG_MATH]) &&
		       !wn__tag_is(g->stack[g->sp - 1], WN__TC_INTEGRATION))
			guard_pop(g);
	switch (t) {
	case GUMBO_TAG_LI:
		guard_close_near(g, GUMBO_TAG_LI, -1, GUMBO_TAG_UL, GUMBO_TAG_OL);
		break;
	case GUMBO_TAG_DT:
	case GUMBO_TAG_DD:
		guard_close_near(g, GUMBO_TAG_DT, GUMBO_TAG_DD, GUMBO_TAG_DL, -1);
		break;
	case GUMBO_TAG_TR:
		guard_close_near(g, GUMBO_TAG_TR, -1, GUMBO_TAG_TABLE, -1);
		break;
	case GUMBO_TAG_TD:
	case GUMBO_TAG_TH:
		guard_close_near(g, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_TR,
		                 GUMBO_TAG_TABLE);
		break;
	case GUMBO_TAG_TBODY:
	case GUMBO_TAG_THEAD:
	case GUMBO_TAG_TFOOT:
		guard_close_near(g, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TABLE, -1);
		guard_close_near(g, GUMBO_TAG_TFOOT, -1, GUMBO_TAG_TABLE, -1);
		break;
	case GUMBO_TAG_OPTION:
	case GUMBO_TAG_OPTGROUP:
		guard_close_near(g, GUMBO_TAG_OPTION, -1, GUMBO_TAG_SELECT, -1);
		if (t == GUMBO_TAG_OPTGROUP)
			guard_close_near(g, GUMBO_TAG_OPTGROUP, -1, GUMBO_TAG_SELECT, -1);
		break;
	}
	if (wn__tag_is(t, WN__TC_CLOSES_P))
		guard_close_near(g, GUMBO_TAG_P, -1, GUMBO_TAG_TABLE, GUMBO_TAG_BUTTON);
	if (wn__tag_is(t, WN__TC_HEADING) && g->sp && wn__tag_is(g->stack[g->sp - 1], WN__TC_HEADING))
		guard_pop(g);

	int fmt = wn__tag_is(t, WN__TC_FORMATTING);
	/* An <a> closes the active one, so at most one is ever active. */
	int afe_grows = fmt && !(t == GUMBO_TAG_A && g->afe[t]);
	int low = (afe_grows || g->afe_total) && g->sp >= WN__GUARD_FORMAT_DEPTH;
	if (g->sp >= g->cap || low ||
	    (afe_grows && g->afe_total >= WN__GUARD_FORMAT)) {
		guard_drop(g, tag_start, tag_end);
		g->dropped[t]++;
		if (g->sp >= g->cap)
			g->cut_deep++;
		else
			g->cut_fmt++; /* for formatting elements, see the enum */
		return;
	}
	g->afe_at[g->sp] = (uint16_t)(g->afe_total < UINT16_MAX ? g->afe_total
	                                                        : UINT16_MAX);
	g->stack[g->sp++] = (uint16_t)t;
	g->count[t]++;
	if (afe_grows) {
		g->afe[t]++;
		g->afe_total++;
	}
}

static void guard_end(guard *g, int t, size_t tag_start, size_t tag_end)
{
	if (g->dropped[t]) {
		g->dropped[t]--;
		guard_drop(g, tag_start, tag_end);
		return;
	}
	if (g->afe[t]) {
		g->afe[t]--;
		if (g->afe_total)
			g->afe_total--;
	}
	if (g->count[t])
		guard_pop_to(g, t);
}

/* Cuts what would make gumbo slow; the result is in *out when changed. */
void wn__guard(wn__doc *d)
{
	const char **html = &d->html;
	size_t *len = &d->html_len;
	guard *g = wn__xmalloc(sizeof *g);
	memset(g, 0, sizeof *g);
	g->s = *html;
	g->n = *len;
	unsigned max_depth = d->opt->max_depth; /* at most WN_MAX_DEPTH */
	g->cap = (size_t)max_depth + WN__GUARD_SLACK;
	g->stack = wn__xmalloc(g->cap * sizeof *g->stack);
	g->afe_at = wn__xmalloc(g->cap * sizeof *g->afe_at);
	const char *s = g->s;
	size_t n = g->n, i = 0;
	while (i < n) {
		const char *p = memchr(s + i, '<', n - i);
		if (!p)
			break;
		i = (size_t)(p - s);
		size_t start = i;
		if (i + 1 >= n)
			break;
		unsigned char c = (unsigned char)s[i + 1];
		if (c == '!') {
			if (i + 4 <= n && !memcmp(s + i, "<!--", 4)) {
				/* "<!-->" and "<!--->" end at once (HTML tokenizer) */
				size_t j = i + 4;
				if (j < n && s[j] == '>') {
					i = j + 1;
					continue;
				}
				if (j + 1 < n && s[j] == '-' && s[j + 1] == '>') {
					i = j + 2;
					continue;
				}
				for (;;) {
					const char *e = memchr(s + j, '-', n - j);
					if (!e || (size_t)(e - s) + 2 >= n) {
						j = n;
						break;
					}
					j = (size_t)(e - s);
					if (s[j + 1] == '-' &&
					    (s[j + 2] == '>' ||
					     (s[j + 2] == '!' && j + 3 < n && s[j + 3] == '>'))) {
						j += s[j + 2] == '>' ? 3 : 4;
						break;
					}
					j++;
				}
				i = j;
				continue;
			}
			if (i + 9 <= n && !memcmp(s + i, "<![CDATA[", 9) &&
			    (g->count[GUMBO_TAG_SVG] || g->count[GUMBO_TAG_MATH])) {
				size_t j = i + 9;
				for (;;) {
					const char *e = memchr(s + j, ']', n - j);
					if (!e || (size_t)(e - s) + 2 >= n) {
						j = n;
						break;
					}
					j = (size_t)(e - s);
					if (s[j + 1] == ']' && s[j + 2] == '>') {
						j += 3;
						break;
					}
					j++;
				}
				i = j;
				continue;
			}
		}
		int end = c == '/';
		size_t name = i + 1 + (size_t)end;
		unsigned char c0 = name < n ? (unsigned char)s[name] : 0;
		if (!((c0 | 32) >= 'a' && (c0 | 32) <= 'z')) {
			if (c == '!' || c == '?' || end) { /* bogus comment, doctype */
				const char *e = memchr(s + i, '>', n - i);
				i = e ? (size_t)(e - s) + 1 : n;
			} else {
				i++;
			}
			continue;
		}
		size_t j = name;
		while (j < n && !wn__is_html_space((unsigned char)s[j]) && s[j] != '/' && s[j] != '>')
			j++;
		int t = j - name < 32 ? (int)gumbo_tagn_enum(s + name, (unsigned)(j - name))
		                      : GUMBO_TAG_UNKNOWN;
		int selfclose;
		size_t tag_end = guard_attrs(g, j, &selfclose);
		if (tag_end == SIZE_MAX)
			break; /* a tag cut by the end of input: gumbo drops it */
		i = tag_end;
		if (end) {
			guard_end(g, t, start, tag_end);
			continue;
		}
		/* In SVG and MathML, <style>, <title> ... hold markup. */
		int foreign = (g->count[GUMBO_TAG_SVG] || g->count[GUMBO_TAG_MATH]) &&
		              !(g->sp && wn__tag_is(g->stack[g->sp - 1], WN__TC_INTEGRATION));
		guard_start(g, t, start, tag_end, selfclose);
		if (wn__tag_is(t, WN__TC_RAWTEXT) && !foreign)
			i = rawtext_end(s, n, i, t);
	}
	if (g->changed) {
		wn__buf_put(&g->out, s + g->flushed, n - g->flushed);
		*html = wn__arena_strndup(&d->arena, g->out.data, g->out.len);
		*len = g->out.len;
		if (g->cut_deep)
			wn__note(&d->notes, "limit: %zu tags nested deeper than about %zu "
			            "elements ignored, their text kept (max_depth)",
			         g->cut_deep, g->cap);
		if (g->cut_fmt)
			wn__note(&d->notes, "limit: %zu tags ignored, their text kept: more than %d "
			            "unclosed formatting elements, or nested deeper than %d "
			            "inside one", g->cut_fmt, WN__GUARD_FORMAT, WN__GUARD_FORMAT_DEPTH);
		if (g->cut_many)
			wn__note(&d->notes, "limit: %zu tags past the first %d elements ignored, "
			            "their text kept", g->cut_many, WN__GUARD_ELEMENTS);
		if (g->cut_attrs)
			wn__note(&d->notes, "limit: %zu attributes beyond %d in one tag ignored",
			         g->cut_attrs, WN__GUARD_ATTRS);
	}
	wn__buf_free(&g->out);
	free(g->stack);
	free(g->afe_at);
	free(g);
}
