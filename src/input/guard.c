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

#include "input/input.h"

enum {
	GUARD_SLACK = 64,   /* the guard's depth is an estimate: let dom.c cut */
	GUARD_ATTRS = 64,   /* gumbo checks each attribute against the others */
	GUARD_FORMAT = 32,  /* unclosed <b>, <font> ...: gumbo clones them */
	/* While formatting elements are open, gumbo looks for the last one in
	 * the open-element stack at each character of text: the stack is kept
	 * this low then, so that text costs at most this much per byte. */
	GUARD_FORMAT_DEPTH = 64,
	/* gumbo takes about 500 bytes per element with its text node: past
	 * this many, tags are cut so that memory stays near 0.5 GB */
	GUARD_ELEMENTS = 1000000,
	GUARD_SEARCH = 16,  /* how far down implied end tags are looked for */
};

typedef struct guard {
	const char *s;
	size_t n, flushed; /* bytes before flushed are written or dropped */
	wn_buf out;
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

static int is_void(int t)
{
	switch (t) {
	case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT:
	case GUMBO_TAG_BGSOUND: case GUMBO_TAG_BR: case GUMBO_TAG_COL:
	case GUMBO_TAG_EMBED: case GUMBO_TAG_HR: case GUMBO_TAG_IMAGE:
	case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN:
	case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_PARAM:
	case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR:
	case GUMBO_TAG_FRAME:  case GUMBO_TAG_MENUITEM:
		return 1;
	}
	return 0;
}

static int is_formatting(int t)
{
	switch (t) {
	case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG:
	case GUMBO_TAG_CODE: case GUMBO_TAG_EM: case GUMBO_TAG_FONT:
	case GUMBO_TAG_I: case GUMBO_TAG_NOBR: case GUMBO_TAG_S:
	case GUMBO_TAG_SMALL: case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG:
	case GUMBO_TAG_TT: case GUMBO_TAG_U:
		return 1;
	}
	return 0;
}

/* Elements whose end clears the formatting elements opened inside. */
static int is_marker(int t)
{
	return t == GUMBO_TAG_TD || t == GUMBO_TAG_TH || t == GUMBO_TAG_CAPTION ||
	       t == GUMBO_TAG_APPLET || t == GUMBO_TAG_OBJECT ||
	       t == GUMBO_TAG_MARQUEE || t == GUMBO_TAG_TEMPLATE ||
	       t == GUMBO_TAG_TABLE || t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML;
}

/* Start tags that close an open <p> (HTML spec, "in body"). */
static int closes_p(int t)
{
	switch (t) {
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS:
	case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
	case GUMBO_TAG_DL: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
	case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER:
	case GUMBO_TAG_HGROUP: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU:
	case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
	case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL:
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
	case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_FORM:
	case GUMBO_TAG_TABLE: case GUMBO_TAG_HR: case GUMBO_TAG_XMP:
	case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
	case GUMBO_TAG_PLAINTEXT:
		return 1;
	}
	return 0;
}

static int is_heading(int t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }

/* HTML start tags that end SVG and MathML content (HTML spec, "parsing
 * tokens in foreign content"); <font> only with some attributes, left out. */
static int breaks_out(int t)
{
	switch (t) {
	case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_BLOCKQUOTE:
	case GUMBO_TAG_BODY: case GUMBO_TAG_BR: case GUMBO_TAG_CENTER:
	case GUMBO_TAG_CODE: case GUMBO_TAG_DD: case GUMBO_TAG_DIV:
	case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_EM:
	case GUMBO_TAG_EMBED: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
	case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
	case GUMBO_TAG_H6: case GUMBO_TAG_HEAD: case GUMBO_TAG_HR:
	case GUMBO_TAG_I: case GUMBO_TAG_IMG: case GUMBO_TAG_LI:
	case GUMBO_TAG_LISTING: case GUMBO_TAG_MENU: case GUMBO_TAG_META:
	case GUMBO_TAG_NOBR: case GUMBO_TAG_OL: case GUMBO_TAG_P:
	case GUMBO_TAG_PRE: case GUMBO_TAG_RUBY: case GUMBO_TAG_S:
	case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRONG:
	case GUMBO_TAG_STRIKE: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP:
	case GUMBO_TAG_TABLE: case GUMBO_TAG_TT: case GUMBO_TAG_U:
	case GUMBO_TAG_UL: case GUMBO_TAG_VAR:
		return 1;
	}
	return 0;
}

/* Integration points: inside them, content is HTML again. */
static int is_integration_point(int t)
{
	return t == GUMBO_TAG_FOREIGNOBJECT || t == GUMBO_TAG_DESC ||
	       t == GUMBO_TAG_TITLE || t == GUMBO_TAG_MI || t == GUMBO_TAG_MO ||
	       t == GUMBO_TAG_MN || t == GUMBO_TAG_MS || t == GUMBO_TAG_MTEXT ||
	       t == GUMBO_TAG_ANNOTATION_XML;
}

static void guard_pop(guard *g)
{
	int t = g->stack[--g->sp];
	g->count[t]--;
	if (is_marker(t) && g->afe_total > g->afe_at[g->sp])
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
	for (size_t k = g->sp; k > 0 && g->sp - k < GUARD_SEARCH; k--) {
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

/* Skips a tag's attributes from i; cuts those past GUARD_ATTRS.  Returns
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
		if (++count > GUARD_ATTRS && i < n) {
			guard_drop(g, start, i);
			g->cut_attrs++;
		}
	}
}

/* Raw text elements: their content is not markup (HTML spec, tokenizer). */
static int is_rawtext(int t)
{
	return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE ||
	       t == GUMBO_TAG_XMP || t == GUMBO_TAG_IFRAME ||
	       t == GUMBO_TAG_NOEMBED || t == GUMBO_TAG_NOFRAMES ||
	       t == GUMBO_TAG_TEXTAREA || t == GUMBO_TAG_TITLE ||
	       t == GUMBO_TAG_PLAINTEXT;
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
	              !(g->sp && is_integration_point(g->stack[g->sp - 1]));
	if (is_rawtext(t) && !foreign)
		return; /* never cut: cut, their text would be read as markup */
	if (g->elements >= GUARD_ELEMENTS) {
		guard_drop(g, tag_start, tag_end);
		if (!is_void(t))
			g->dropped[t]++;
		g->cut_many++;
		return;
	}
	g->elements++;
	if (is_void(t))
		return;
	if (foreign && selfclose)
		return; /* foreign content: really self-closing */
	if (foreign && breaks_out(t))
		while (g->sp && (g->count[GUMBO_TAG_SVG] || g->count[GUMBO_TAG_MATH]) &&
		       !is_integration_point(g->stack[g->sp - 1]))
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
	if (closes_p(t))
		guard_close_near(g, GUMBO_TAG_P, -1, GUMBO_TAG_TABLE, GUMBO_TAG_BUTTON);
	if (is_heading(t) && g->sp && is_heading(g->stack[g->sp - 1]))
		guard_pop(g);

	int fmt = is_formatting(t);
	/* An <a> closes the active one, so at most one is ever active. */
	int afe_grows = fmt && !(t == GUMBO_TAG_A && g->afe[t]);
	int low = (afe_grows || g->afe_total) && g->sp >= GUARD_FORMAT_DEPTH;
	if (g->sp >= g->cap || low ||
	    (afe_grows && g->afe_total >= GUARD_FORMAT)) {
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
void wn__guard(wn_doc *d)
{
	const char **html = &d->html;
	size_t *len = &d->html_len;
	guard *g = wn__xmalloc(sizeof *g);
	memset(g, 0, sizeof *g);
	g->s = *html;
	g->n = *len;
	unsigned max_depth = d->opt->max_depth; /* at most WN_MAX_DEPTH */
	g->cap = (size_t)max_depth + GUARD_SLACK;
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
		              !(g->sp && is_integration_point(g->stack[g->sp - 1]));
		guard_start(g, t, start, tag_end, selfclose);
		if (is_rawtext(t) && !foreign)
			i = rawtext_end(s, n, i, t);
	}
	if (g->changed) {
		wn__buf_put(&g->out, s + g->flushed, n - g->flushed);
		*html = wn__arena_strndup(&d->arena, g->out.data, g->out.len);
		*len = g->out.len;
		if (g->cut_deep)
			wn__note(d, "limit: %zu tags nested deeper than about %zu "
			            "elements ignored, their text kept (max_depth)",
			         g->cut_deep, g->cap);
		if (g->cut_fmt)
			wn__note(d, "limit: %zu tags ignored, their text kept: more than %d "
			            "unclosed formatting elements, or nested deeper than %d "
			            "inside one", g->cut_fmt, GUARD_FORMAT, GUARD_FORMAT_DEPTH);
		if (g->cut_many)
			wn__note(d, "limit: %zu tags past the first %d elements ignored, "
			            "their text kept", g->cut_many, GUARD_ELEMENTS);
		if (g->cut_attrs)
			wn__note(d, "limit: %zu attributes beyond %d in one tag ignored",
			         g->cut_attrs, GUARD_ATTRS);
	}
	wn__buf_free(&g->out);
	free(g->stack);
	free(g->afe_at);
	free(g);
}
