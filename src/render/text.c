/*
 * render_text.c -- the kept content as plain text: paragraphs split by a
 * blank line, list items and table rows one per line (cells split by a
 * tab), <br> a line break, white space collapsed as a browser does except
 * in <pre>, inline elements joined without breaking or gluing words.
 */
#include <string.h>

#include "base/tags.h"
#include "base/utf8.h"
#include "render/render.h"

typedef struct tstate {
	wn__buf *out;
	size_t start;   /* where this document's output begins in out */
	int breaks;     /* line breaks owed before the next text (0-2) */
	int space;      /* a space owed before the next text */
	int tab;        /* cell separators owed */
	int col;        /* cells seen in the current row */
	int list, cell; /* depth inside list items and table cells */
} tstate;

static void owe_break(tstate *s, int n)
{
	if (s->cell) { /* a cell stays on one line */
		s->space = 1;
		return;
	}
	if (s->list && n > 1)
		n = 1;
	if (n > s->breaks)
		s->breaks = n;
}

static void flush(tstate *s)
{
	wn__buf *o = s->out;
	int at_start = o->len == s->start;
	if (!at_start && s->breaks) {
		/* Newlines already written (the end of a <pre>) count. */
		int have = 0;
		while (have < s->breaks && o->len - have > s->start &&
		       o->data[o->len - 1 - have] == '\n')
			have++;
		for (int k = have; k < s->breaks; k++)
			wn__buf_putc(o, '\n');
		s->space = 0;
	}
	s->breaks = 0;
	for (; s->tab > 0; s->tab--) {
		wn__buf_putc(o, '\t');
		s->space = 0;
	}
	at_start = o->len == s->start || o->data[o->len - 1] == '\n' ||
	           o->data[o->len - 1] == '\t';
	if (s->space && !at_start)
		wn__buf_putc(o, ' ');
	s->space = 0;
}

static void put_text(tstate *s, const char *t, int pre)
{
	size_t len = strlen(t);
	if (pre) {
		if (!len)
			return;
		flush(s);
		wn__buf_put(s->out, t, len);
		return;
	}
	for (size_t i = 0; i < len;) {
		int32_t cp;
		int k = wn__utf8_next(t + i, len - i, &cp);
		if (wn__is_space_cp(cp)) {
			s->space = 1;
		} else {
			flush(s);
			wn__buf_put(s->out, t + i, (size_t)k);
		}
		i += (size_t)k;
	}
}


void wn__render_text(const wn__doc *d, wn__buf *out)
{
	tstate s = {.out = out, .start = out->len};
	wn__walk w;
	int32_t i;
	int leave;
	int pre_start = -1; /* node index of the <pre> just entered */
	wn__walk_init(&w, d, 0, WN__NF_REMOVED | WN__NF_DROP);
	while (wn__walk_next(&w, &i, &leave)) {
		const wn__node *x = &d->nodes[i];
		if (x->kind != WN__NODE_ELEMENT) {
			if (x->block < 0 || !d->blocks[x->block].keep)
				continue;
			const char *t = x->g->v.text.text;
			int pre = (x->flags & WN__NF_IN_PRE) != 0;
			/* HTML drops one newline right after <pre>. */
			if (pre && x->parent == pre_start && t[0] == '\n')
				t++;
			pre_start = -1;
			put_text(&s, t, pre);
			continue;
		}
		int tag = x->tag;
		if (!leave && !(x->flags & WN__NF_KEEP)) {
			/* An empty cell still takes its column. */
			if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && !s.cell &&
			    !(x->flags & WN__NF_LAYOUT) && s.col++ > 0)
				s.tab++;
			wn__walk_skip(&w);
			continue;
		}
		if (tag == GUMBO_TAG_BR) {
			if (leave)
				continue;
			if (s.cell) /* a cell stays on one line */
				s.space = 1;
			else
				s.breaks = s.breaks < 2 ? s.breaks + 1 : 2;
			continue;
		}
		if (tag == GUMBO_TAG_PRE && !leave)
			pre_start = i;
		if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) &&
		    !(x->flags & WN__NF_LAYOUT)) {
			if (!leave) {
				if (!s.cell && s.col++ > 0)
					s.tab++;
				s.cell++;
			} else {
				s.cell--;
			}
			continue;
		}
		if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_THEAD ||
		    tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT) {
			if (!s.cell) {
				owe_break(&s, 1);
				s.tab = s.col = 0;
			}
			continue;
		}
		if (wn__tag_is(tag, WN__TC_LIST_ITEM)) {
			owe_break(&s, 1);
			s.list += leave ? -1 : 1;
			continue;
		}
		if (x->flags & WN__NF_LAYOUT)
			s.tab = 0; /* a layout cell is no column */
		if (x->flags & WN__NF_BLOCK)
			owe_break(&s, 2);
	}
	wn__walk_free(&w);
	/* Close with exactly one newline. */
	while (out->len > s.start && (out->data[out->len - 1] == '\n' ||
	                              out->data[out->len - 1] == ' ' ||
	                              out->data[out->len - 1] == '\t'))
		out->data[--out->len] = 0;
	if (out->len > s.start)
		wn__buf_putc(out, '\n');
}
