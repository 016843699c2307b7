/*
 * text.c -- the kept content as plain text: paragraphs split by a blank
 * line, list items and table rows one per line (cells split by a tab),
 * <br> a line break, white space collapsed as a browser does except in
 * <pre>, inline elements joined without breaking or gluing words.
 */
#include <string.h>

#include "base/tags.h"
#include "render/core.h"
#include "render/render.h"

typedef struct tstate {
	const wn__doc *d;
	wn__buf *out;
	size_t start; /* where this document's output begins in out */
	wn__owed ow;
	int tab;           /* cell separators owed */
	int col;           /* cells seen in the current row */
	int list, cell;    /* depth inside list items and table cells */
	int32_t pre_start; /* node index of the <pre> just entered, or -1 */
} tstate;

static void owe_break(tstate *s, int n)
{
	if (s->cell) { /* a cell stays on one line */
		s->ow.space = 1;
		return;
	}
	if (s->list && n > 1)
		n = 1;
	wn__owe_breaks(&s->ow, n);
}

static void flush(tstate *s)
{
	wn__buf *o = s->out;
	int at_start = o->len == s->start;
	if (!at_start && s->ow.breaks) {
		/* Newlines already written (the end of a <pre>) count. */
		int have = 0;
		while (have < s->ow.breaks && o->len - have > s->start &&
		       o->data[o->len - 1 - have] == '\n')
			have++;
		for (int k = have; k < s->ow.breaks; k++)
			wn__buf_putc(o, '\n');
		s->ow.space = 0;
	}
	s->ow.breaks = 0;
	for (; s->tab > 0; s->tab--) {
		wn__buf_putc(o, '\t');
		s->ow.space = 0;
	}
	at_start = o->len == s->start || o->data[o->len - 1] == '\n' || o->data[o->len - 1] == '\t';
	if (s->ow.space && !at_start)
		wn__buf_putc(o, ' ');
	s->ow.space = 0;
}

static void put_char(void *ctx, const char *t, size_t i, size_t len, int32_t cp, int k)
{
	tstate *s = ctx;
	(void)len, (void)cp;
	flush(s);
	wn__buf_put(s->out, t + i, (size_t)k);
}

static void text(void *ctx, int32_t i, const char *t)
{
	tstate *s = ctx;
	const wn__node *x = &s->d->nodes[i];
	int pre = (x->flags & WN__NF_IN_PRE) != 0;
	/* HTML drops one newline right after <pre>. */
	if (pre && x->parent == s->pre_start && t[0] == '\n')
		t++;
	s->pre_start = -1;
	if (!pre) {
		wn__render_collapse(t, &s->ow, put_char, s);
	} else if (*t) {
		flush(s);
		wn__buf_puts(s->out, t);
	}
}

static void enter_or_leave(tstate *s, wn__walk *w, int32_t i, int leave)
{
	const wn__node *x = &s->d->nodes[i];
	int tag = x->tag;
	int cell = wn__tag_is(tag, WN__TC_CELL) && !(x->flags & WN__NF_LAYOUT);
	if (!leave && !(x->flags & WN__NF_KEEP)) {
		/* An empty cell still takes its column. */
		if (cell && !s->cell && s->col++ > 0)
			s->tab++;
		wn__walk_skip(w);
		return;
	}
	if (tag == GUMBO_TAG_BR) {
		if (leave)
			return;
		if (s->cell) /* a cell stays on one line */
			s->ow.space = 1;
		else
			s->ow.breaks = s->ow.breaks < 2 ? s->ow.breaks + 1 : 2;
		return;
	}
	if (tag == GUMBO_TAG_PRE && !leave)
		s->pre_start = i;
	if (cell) {
		if (!leave) {
			if (!s->cell && s->col++ > 0)
				s->tab++;
			s->cell++;
		} else {
			s->cell--;
		}
		return;
	}
	if (wn__tag_is(tag, WN__TC_TABLE_PART)) {
		if (!s->cell) {
			owe_break(s, 1);
			s->tab = s->col = 0;
		}
		return;
	}
	if (wn__tag_is(tag, WN__TC_LIST_ITEM)) {
		owe_break(s, 1);
		s->list += leave ? -1 : 1;
		return;
	}
	if (x->flags & WN__NF_LAYOUT)
		s->tab = 0; /* a layout cell is no column */
	if (x->flags & WN__NF_BLOCK)
		owe_break(s, 2);
}

static void enter(void *ctx, wn__walk *w, int32_t i)
{
	enter_or_leave(ctx, w, i, 0);
}

static void leave(void *ctx, int32_t i)
{
	enter_or_leave(ctx, NULL, i, 1);
}

void wn__render_text(const wn__doc *d, wn__buf *out)
{
	static const wn__render_ops ops = {enter, leave, text};
	tstate s = {.d = d, .out = out, .start = out->len, .pre_start = -1};
	wn__render_walk(d, &ops, &s);
	wn__render_close(out, s.start);
}

void wn__render_plain(const char *text, wn_format f, wn__buf *out)
{
	size_t start = out->len;
	int markdown = f == WN_FORMAT_MARKDOWN, html = f == WN_FORMAT_HTML;
	int bol = 1, digits = 0; /* at a line's start; digits since it */
	int open = 0;            /* HTML: inside a <p> */
	for (const char *p = text ? text : ""; *p; p++) {
		if (html) {
			/* paragraphs at blank lines, a line break within one */
			if (*p == '\n') {
				if (open && p[1] == '\n') {
					wn__buf_puts(out, "</p>\n");
					open = 0;
				} else if (open && p[1]) {
					wn__buf_puts(out, "<br>\n");
				}
				continue;
			}
			if (!open)
				wn__buf_puts(out, "<p>");
			open = 1;
			wn__render_html_char(out, *p);
			continue;
		}
		/* Markdown: what would read as markup is escaped; at a line's
		 * start also the block markers, and the "." of "1." lists. */
		if (markdown && (strchr("\\`*_[]<>|~&", *p) || (bol && strchr("#+-=", *p)) ||
		                 (digits && strchr(".)", *p))))
			wn__buf_putc(out, '\\');
		digits = (bol || digits) && *p >= '0' && *p <= '9';
		wn__buf_putc(out, *p);
		bol = *p == '\n';
	}
	if (open)
		wn__buf_puts(out, "</p>");
	wn__render_close(out, start);
}
