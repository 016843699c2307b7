/*
 * pick.c -- what the renderers read from the page beyond its kept text:
 * a subtree's text gathered at once (code), which images go with the
 * content and where they are, whether a table is data or lays out the
 * page, a code block's language.  Shared so that Markdown and HTML make
 * the same choices.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/mem.h"
#include "base/tags.h"
#include "render/core.h"
#include "tuning.h"

static void put_space(wn__buf *b)
{
	if (!b->len || b->data[b->len - 1] != ' ')
		wn__buf_putc(b, ' ');
}

/* A block starts or ends inside <pre>: a line of its own.  White space
 * alone before it on its line (source indentation between the blocks) is
 * no line. */
static void block_in_pre(wn__buf *b)
{
	size_t k = b->len;
	while (k && (b->data[k - 1] == ' ' || b->data[k - 1] == '\t'))
		k--;
	if (!k || b->data[k - 1] == '\n')
		b->len = k;
	else
		wn__buf_putc(b, '\n');
	wn__buf_put(b, "", 0);
}

/* The kept text of a subtree: verbatim for <pre> (its first newline
 * dropped, <br> a newline, a block inside it a line of its own, as a
 * browser shows it), else with white space collapsed. */
void wn__render_gather(const wn__doc *d, int32_t root, int pre, wn__buf *b)
{
	wn__walk w;
	int32_t i;
	int leave, first = 1;
	wn__walk_init(&w, d, root, WN__NF_REMOVED | WN__NF_DROP);
	while (wn__walk_next(&w, &i, &leave)) {
		const wn__node *x = &d->nodes[i];
		if (x->kind == WN__NODE_ELEMENT) {
			if (!pre && !leave && i != root && !(x->flags & WN__NF_KEEP)) {
				wn__walk_skip(&w);
				continue;
			}
			if (pre && !leave && x->tag == GUMBO_TAG_BR)
				wn__buf_putc(b, '\n');
			else if (pre && i != root && (x->flags & WN__NF_BLOCK))
				block_in_pre(b); /* code viewers: a <div> a line */
			else if (!pre && ((x->flags & WN__NF_BLOCK) || x->tag == GUMBO_TAG_BR))
				put_space(b);
			continue;
		}
		/* In <pre> even white space before the first text counts. */
		if (!wn__render_is_kept(d, x) && !(pre && x->kind == WN__NODE_WHITESPACE))
			continue;
		const char *t = x->g->v.text.text;
		if (pre && first && x->parent == root && t[0] == '\n')
			t++;
		first = 0;
		for (; *t; t++)
			if (pre || !strchr(" \t\n\r\f", *t))
				wn__buf_putc(b, *t);
			else
				put_space(b);
	}
	wn__walk_free(&w);
	wn__buf_put(b, "", 0);
}

/* Images are not text, so selection does not mark them: one is kept when
 * its nearest block ancestor holds kept content, when it is in a <figure>
 * whose parent does, or when only blocks without text (<p><img></p>)
 * part it from kept content inside the article. */
int wn__render_image_is_kept(const wn__doc *d, int32_t i)
{
	int near = 1, textless = 1;
	int32_t a = d->article;
	for (int n = 0; i > 0 && n < 64; n++) {
		const wn__node *x = &d->nodes[i = d->nodes[i].parent];
		if (x->tag == GUMBO_TAG_FIGURE && x->parent >= 0 &&
		    (d->nodes[x->parent].flags & WN__NF_KEEP))
			return 1;
		if (!(x->flags & WN__NF_BLOCK))
			continue;
		if (x->flags & WN__NF_KEEP)
			return near || (textless && a >= 0 && i >= a && i < d->nodes[a].end);
		near = 0;
		textless &= d->node_chars[i] == 0;
	}
	return 0;
}

int wn__render_colspan(const wn__node *x)
{
	const char *v = wn__attr(x, "colspan");
	long n = v ? strtol(v, NULL, 10) : 1;
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/* Layout or data (see WN__MD_LAYOUT_CELL_CHARS); counts the columns of data. */
int wn__render_is_layout_table(const wn__doc *d, int32_t t, int *ncols)
{
	int32_t cell = -1;
	*ncols = 0;
	for (int32_t j = t + 1; j < d->nodes[t].end; j++) {
		const wn__node *x = &d->nodes[j];
		if ((x->flags & (WN__NF_REMOVED | WN__NF_DROP)) || x->kind != WN__NODE_ELEMENT) {
			j = x->end - 1;
			continue;
		}
		if (x->tag == GUMBO_TAG_TABLE)
			return 1;
		if (x->tag == GUMBO_TAG_TR && (x->flags & WN__NF_KEEP)) {
			int n = 0;
			for (int32_t c = j + 1; c < x->end; c = d->nodes[c].end)
				if (wn__tag_is(d->nodes[c].tag, WN__TC_CELL))
					n += wn__render_colspan(&d->nodes[c]);
			if (n > *ncols)
				*ncols = n;
		} else if (wn__tag_is(x->tag, WN__TC_CELL)) {
			cell = j;
		} else if ((x->flags & WN__NF_BLOCK) && cell >= 0 && j < d->nodes[cell].end &&
		           d->node_chars[cell] > WN__MD_LAYOUT_CELL_CHARS) {
			return 1;
		}
	}
	/* Wider than any reader can take in as a pipe table: paragraphs, and
	 * no padding of every row to thousands of empty cells (colspan). */
	return *ncols < 2 || *ncols > WN__MD_MAX_TABLE_COLUMNS;
}

/* ---- a code block's language ----
 * From every common convention (of highlighters and site generators):
 * class language-X or lang-X (Prism, highlight.js, CommonMark renderers),
 * brush: X (SyntaxHighlighter), highlight-source-X (GitHub),
 * mw-highlight-lang-X (MediaWiki), "sourceCode X" (pandoc), attributes
 * data-lang, data-language and lang -- on the <pre>, on its <code>, or on
 * a wrapper holding nothing but the code (highlight-X: Sphinx; Rouge and
 * Hugo put language-X there), nearest first. */

/* Values that say there is no language. */
static int no_language(const char *v, size_t n)
{
	static const char *const none[] = {"none", "auto", "default", "nohighlight", "no-highlight"};
	for (size_t k = 0; k < sizeof none / sizeof *none; k++)
		if (strlen(none[k]) == n && !strncasecmp(v, none[k], n))
			return 1;
	return 0;
}

/* Copies the value at v (up to white space, ';' or ',') into out[cap];
 * returns whether it names a language. */
static int take(const char *v, char *out, size_t cap)
{
	size_t n = 0, o = 0;
	while (v[n] && !strchr(" \t\n\r\f;,", v[n]))
		n++;
	if (!n || n >= cap || no_language(v, n))
		return 0;
	for (size_t k = 0; k < n; k++)
		if (!strchr("`~<>\"'", v[k]))
			out[o++] = v[k];
	out[o] = 0;
	return o > 0;
}

/* The language a class attribute names; wrapper: on an element around
 * the <pre> (where highlight-X is read too). */
static int lang_in_class(const char *c, int wrapper, char *out, size_t cap)
{
	static const char *const prefix[] = {
		"language-", "lang-", "highlight-source-", "mw-highlight-lang-"};
	int pandoc = 0;
	for (const char *t = c; t && *t;) {
		while (*t && strchr(" \t\n\r\f", *t))
			t++;
		size_t n = strcspn(t, " \t\n\r\f");
		for (size_t k = 0; k < sizeof prefix / sizeof *prefix; k++) {
			size_t m = strlen(prefix[k]);
			if (n > m && !strncmp(t, prefix[k], m) && take(t + m, out, cap))
				return 1;
		}
		if (!strncmp(t, "brush:", 6)) {
			const char *v = t + 6;
			while (*v == ' ')
				v++;
			if (take(v, out, cap))
				return 1;
		}
		/* highlight-X names the language, unless X is a part of the
		 * highlighter's own layout */
		if (wrapper && n > 10 && !strncmp(t, "highlight-", 10) &&
		    strncmp(t + 10, "source-", 7)) {
			static const char *const layout[] = {
				"block", "wrapper", "container", "code", "lines",
				"line",  "box",     "content",   "text"};
			int is_layout = 0;
			for (size_t k = 0; k < sizeof layout / sizeof *layout; k++)
				is_layout |= n - 10 == strlen(layout[k]) &&
				             !strncmp(t + 10, layout[k], n - 10);
			if (!is_layout && take(t + 10, out, cap))
				return 1;
		}
		pandoc |= n == 10 && !strncmp(t, "sourceCode", 10);
		t += n;
	}
	if (pandoc) /* class="sourceCode python" */
		for (const char *t = c; *t;) {
			while (*t && strchr(" \t\n\r\f", *t))
				t++;
			size_t n = strcspn(t, " \t\n\r\f");
			if (n && strncmp(t, "sourceCode", 10) && take(t, out, cap))
				return 1;
			t += n;
		}
	return 0;
}

static int lang_of_element(const wn__node *x, int wrapper, char *out, size_t cap)
{
	const char *v;
	if (lang_in_class(wn__attr(x, "class"), wrapper, out, cap))
		return 1;
	/* the guard cuts data-* attributes but these and data-src(set)
	 * (input/guard.c): a new one read here is named there too */
	if ((v = wn__attr(x, "data-lang")) && take(v, out, cap))
		return 1;
	if ((v = wn__attr(x, "data-language")) && take(v, out, cap))
		return 1;
	/* lang on a wrapper is the page's human language */
	return !wrapper && (v = wn__attr(x, "lang")) && take(v, out, cap);
}

/* The language the markup gives: the <pre>, its <code>, then wrappers
 * around them that hold no other text (a label at most). */
static void lang_of_markup(const wn__doc *d, int32_t pre, char *out, size_t cap)
{
	int32_t code = pre + 1;
	out[0] = 0;
	while (code < d->nodes[pre].end && d->nodes[code].kind != WN__NODE_ELEMENT)
		code = d->nodes[code].end;
	if (lang_of_element(&d->nodes[pre], 0, out, cap) ||
	    (code < d->nodes[pre].end && d->nodes[code].tag == GUMBO_TAG_CODE &&
	     lang_of_element(&d->nodes[code], 0, out, cap)))
		return;
	int32_t a = d->nodes[pre].parent;
	for (int k = 0; k < WN__CODE_WRAPPER_LEVELS && a > 0; k++, a = d->nodes[a].parent) {
		if (d->node_chars[a] > d->node_chars[pre] + WN__CODE_LABEL_CHARS)
			break;
		if (lang_of_element(&d->nodes[a], 1, out, cap))
			return;
	}
	out[0] = 0;
}

/* The block just before code block pre that labels it, kept or not: in a
 * wrapper that holds only the two, one word that names a language (MDN's
 * "js" in div.example-header, "Python" in a code header); -1 if there is
 * none.  When lang is not empty, the label must name that language. */
static int32_t label_of(const wn__doc *d, int32_t pre, const char *lang, char *word, size_t cap)
{
	int32_t k = -1;
	for (int32_t j = pre + 1; j < d->nodes[pre].end && k < 0; j++)
		if (d->nodes[j].kind != WN__NODE_ELEMENT && d->nodes[j].block >= 0)
			k = d->nodes[j].block;
	if (k <= 0)
		return -1;
	const wn__block *b = &d->blocks[k - 1];
	if (b->kind == WN__BK_HEADING || b->kind == WN__BK_CELL || b->kind == WN__BK_LIST_ITEM ||
	    b->eff > WN__CODE_LABEL_CHARS)
		return -1;
	/* one word: letters first, then letters, digits, + # - (C++, C#,
	 * Objective-C); a file name (main.py) is content, not a label */
	size_t n = 0;
	int ended = 0; /* white space after the word */
	for (int32_t j = b->first; j <= b->last; j++) {
		const wn__node *x = &d->nodes[j];
		if (x->kind == WN__NODE_ELEMENT || x->block != k - 1)
			continue;
		for (const char *t = x->g->v.text.text; *t; t++) {
			char c = *t;
			if (strchr(" \t\n\r\f", c)) {
				ended = n > 0;
				continue;
			}
			int letter = (c | 32) >= 'a' && (c | 32) <= 'z';
			if (ended || n + 1 >= cap ||
			    !(letter || (n && (strchr("+#-", c) || (c >= '0' && c <= '9')))))
				return -1;
			word[n++] = (char)(letter ? c | 32 : c);
		}
	}
	word[n] = 0;
	if (!n || (lang[0] && strcasecmp(word, lang)))
		return -1;
	/* the wrapper: holds the label and the code and nothing else */
	int32_t a = d->nodes[pre].parent;
	for (int lv = 0; lv < WN__CODE_WRAPPER_LEVELS && a > 0; lv++, a = d->nodes[a].parent)
		if (b->first > a && b->first < d->nodes[a].end)
			return d->node_chars[a] <= d->node_chars[pre] + b->eff ? k - 1 : -1;
	return -1;
}

void wn__render_code_lang(const wn__doc *d, int32_t pre, char *out, size_t cap)
{
	char word[WN__CODE_LABEL_CHARS + 1];
	lang_of_markup(d, pre, out, cap);
	if (!out[0] && label_of(d, pre, "", word, sizeof word) >= 0 && strlen(word) < cap)
		strcpy(out, word);
}

uint8_t *wn__render_code_labels(const wn__doc *d)
{
	uint8_t *marks = NULL;
	for (int32_t i = 0; i < d->n_nodes; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->flags & (WN__NF_REMOVED | WN__NF_DROP)) {
			i = x->end - 1;
			continue;
		}
		if (x->kind != WN__NODE_ELEMENT || !wn__tag_is(x->tag, WN__TC_PRE) ||
		    !(x->flags & WN__NF_KEEP))
			continue;
		char lang[33], word[WN__CODE_LABEL_CHARS + 1];
		lang_of_markup(d, i, lang, sizeof lang);
		int32_t k = label_of(d, i, lang, word, sizeof word);
		if (k >= 0 && d->blocks[k].keep) {
			if (!marks) {
				marks = wn__xmalloc((size_t)d->n_blocks);
				memset(marks, 0, (size_t)d->n_blocks);
			}
			marks[k] = 1;
		}
		i = x->end - 1;
	}
	return marks;
}

/* The largest candidate of a srcset (HTML's "parse a srcset attribute",
 * without its error cases): the one with the largest width (w) or, if
 * none says a width, density (x); among equals, and with no descriptors,
 * the first.  Returned as a copy in the arena, or NULL if there is none. */
static const char *srcset_best(wn__arena *a, const char *v)
{
	const char *best = NULL;
	size_t best_n = 0;
	double best_w = -1, best_x = -1;
	while (v && *v) {
		while (*v && (strchr(" \t\n\r\f", *v) || *v == ','))
			v++;
		const char *u = v;
		while (*v && !strchr(" \t\n\r\f", *v))
			v++;
		size_t n = (size_t)(v - u);
		int descriptors = 1;
		while (n && u[n - 1] == ',')
			n--, descriptors = 0;
		double w = -1, x = -1;
		if (descriptors) { /* up to the next comma outside parentheses */
			int paren = 0;
			while (*v && (paren || *v != ',')) {
				while (*v && strchr(" \t\n\r\f", *v))
					v++;
				/* a number (digits, a fraction) and w or x */
				const char *e = v;
				double d = 0, f = 1;
				for (; *e >= '0' && *e <= '9'; e++)
					d = d * 10 + (*e - '0');
				if (*e == '.')
					for (e++; *e >= '0' && *e <= '9'; e++)
						d += (*e - '0') * (f /= 10);
				if (e > v && (*e == 'w' || *e == 'x') &&
				    (!e[1] || strchr(" \t\n\r\f,", e[1]))) {
					*(*e == 'w' ? &w : &x) = d;
					v = e + 1;
					continue;
				}
				while (*v && (paren || (*v != ',' && !strchr(" \t\n\r\f", *v)))) {
					paren += *v == '(' ? 1 : *v == ')' && paren ? -1 : 0;
					v++;
				}
			}
		}
		if (!n || !strncasecmp(u, "data:", 5))
			continue;
		if (x < 0 && w < 0)
			x = 1;
		if (!best || (w >= 0 ? w > best_w : best_w < 0 && x > best_x)) {
			best = u, best_n = n;
			best_w = w, best_x = x;
		}
	}
	return best ? wn__arena_strndup(a, best, best_n) : NULL;
}

/* A usable URL attribute: present, not empty, not a data: placeholder. */
static const char *real(const char *v)
{
	return v && *v && strncasecmp(v, "data:", 5) ? v : NULL;
}

const char *wn__render_image_src(const wn__doc *d, int32_t i, wn__arena *a)
{
	const wn__node *x = &d->nodes[i];
	const char *src = real(wn__attr(x, "src"));
	if (!src)
		src = real(wn__attr(x, "data-src"));
	if (!src)
		src = srcset_best(a, wn__attr(x, "srcset"));
	if (!src)
		src = srcset_best(a, wn__attr(x, "data-srcset"));
	/* <picture><source srcset ...><img></picture>: the first source */
	char buf[16];
	int32_t p = x->parent;
	const char *pn = p >= 0 ? wn__tag_name(&d->nodes[p], buf, sizeof buf) : NULL;
	if (!src && pn && !strcmp(pn, "picture"))
		for (int32_t c = p + 1; c < d->nodes[p].end && !src; c = d->nodes[c].end)
			if (d->nodes[c].tag == GUMBO_TAG_SOURCE) {
				src = srcset_best(a, wn__attr(&d->nodes[c], "srcset"));
				if (!src)
					src = srcset_best(a, wn__attr(&d->nodes[c], "data-srcset"));
			}
	return src;
}

const char *wn__render_link_target(const wn__node *x)
{
	const char *h = wn__attr(x, "href");
	while (h && (*h == ' ' || (*h >= '\t' && *h <= '\r')))
		h++;
	/* In-page anchors lead nowhere once the page is gone. */
	return h && *h && *h != '#' ? h : NULL;
}

/* A URL as a browser reads it: C0 controls and spaces around it go, tabs
 * and newlines inside it too (WHATWG URL), so "java\tscript:" is
 * javascript: -- and scripts and inline data are never written. */
int wn__render_url_is_safe(const char *u)
{
	char scheme[16];
	size_t n = 0;
	while (*u && (unsigned char)*u <= ' ')
		u++;
	for (; *u && *u != ':' && n < sizeof scheme - 1; u++)
		if (*u != '\t' && *u != '\n' && *u != '\r')
			scheme[n++] = (char)(*u | 32);
	scheme[n] = 0;
	if (*u != ':')
		return 1;
	return strcmp(scheme, "javascript") && strcmp(scheme, "vbscript") && strcmp(scheme, "data");
}
