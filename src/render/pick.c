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

#include "base/tags.h"
#include "render/core.h"
#include "tuning.h"

static void put_space(wn__buf *b)
{
	if (!b->len || b->data[b->len - 1] != ' ')
		wn__buf_putc(b, ' ');
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
			else if (pre && i != root && (x->flags & WN__NF_BLOCK) && b->len &&
			         b->data[b->len - 1] != '\n')
				wn__buf_putc(b, '\n'); /* code viewers: a <div> a line */
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

/* The info string: a language-xxx or lang-xxx class on <pre> or on the
 * <code> it starts with. */
void wn__render_code_lang(const wn__doc *d, int32_t pre, char *out, size_t cap)
{
	int32_t code = pre + 1;
	while (code < d->nodes[pre].end && d->nodes[code].kind != WN__NODE_ELEMENT)
		code = d->nodes[code].end;
	const char *c = wn__attr(&d->nodes[pre], "class"), *p = NULL;
	if (code < d->nodes[pre].end && d->nodes[code].tag == GUMBO_TAG_CODE && !c)
		c = wn__attr(&d->nodes[code], "class");
	for (const char *q = c; q && *q && !p; q++)
		if (q == c || q[-1] == ' ')
			p = !strncmp(q, "language-", 9) ? q + 9
			    : !strncmp(q, "lang-", 5)   ? q + 5 : NULL;
	size_t o = 0;
	for (; p && *p && *p != ' ' && o + 1 < cap; p++)
		if (!strchr("`~ \t\n", *p))
			out[o++] = *p;
	out[o] = 0;
}

/* An image's source as written: src, else the lazy-loading data-src
 * (data: URLs are placeholders, never the image). */
const char *wn__render_image_src(const wn__doc *d, int32_t i)
{
	const wn__node *x = &d->nodes[i];
	const char *src = wn__attr(x, "src");
	if (!src || !*src || !strncasecmp(src, "data:", 5))
		src = wn__attr(x, "data-src");
	if (!src || !*src || !strncasecmp(src, "data:", 5))
		return NULL;
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
	return strcmp(scheme, "javascript") && strcmp(scheme, "vbscript") &&
	       strcmp(scheme, "data");
}
