/*
 * markdown.c -- the kept content as CommonMark with GFM pipe tables.  The
 * shared render core walks the kept content; this file turns blocks into
 * Markdown: headings, quotes and lists (their line prefixes from a stack of
 * frames), fenced code, and the walk's enter and leave.  Output, inline
 * constructs and tables are in md_out.c, md_inline.c and md_table.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/tags.h"
#include "render/md.h"
#include "render/render.h"
#include "tuning.h"

static void put_text_char(void *ctx, const char *t, size_t i, size_t len, int32_t c, int k)
{
	wn__md_state *s = ctx;
	wn__md_flush(s, c);
	wn__md_put_char(s, t, i, len, c, k);
}

static void code_block(wn__md_state *s, int32_t node)
{
	wn__buf b = {0};
	wn__render_gather(s->d, node, 1, &b);
	while (b.len && strchr(" \t\r\n", b.data[b.len - 1]))
		b.data[--b.len] = 0;
	if (b.len) {
		char info[33], fence[64];
		size_t f = wn__md_longest_run(b.data, '`') + 1;
		f = f < 3 ? 3 : f < sizeof fence ? f : sizeof fence - 1;
		memset(fence, '`', f);
		fence[f] = 0;
		wn__render_code_lang(s->d, node, info, sizeof info);
		wn__md_owe(s, 2);
		wn__md_flush(s, 0);
		wn__md_put(s, fence);
		wn__md_put(s, info);
		for (char *l = b.data, *e; l; l = e ? e + 1 : NULL) {
			e = strchr(l, '\n');
			wn__md_put(s, "\n");
			wn__md_prefix(s, l == e || !*l, s->nfr);
			wn__buf_put(s->o, l, e ? (size_t)(e - l) : strlen(l));
		}
		wn__md_put(s, "\n");
		wn__md_prefix(s, 0, s->nfr);
		wn__md_put(s, fence);
		wn__md_owe(s, 2);
	}
	wn__buf_free(&b);
}

static wn__md_frame *push_frame(wn__md_state *s, int32_t node, int kind)
{
	WN__GROW(s->fr, s->capfr, s->nfr + 1, 16);
	if (s->cell >= 0 || s->hnode >= 0 || s->fig >= 0 || s->nfr >= WN__MD_MAX_NEST ||
	    s->nfr > s->nreal)
		kind = WN__MD_F_INERT;
	wn__md_frame *f = &s->fr[s->nfr++];
	*f = (wn__md_frame){.node = node, .kind = (uint8_t)kind};
	if (kind != WN__MD_F_INERT)
		s->nreal = s->nfr;
	return f;
}


static void enter_list(wn__md_state *s, int32_t i)
{
	const wn__node *x = &s->d->nodes[i];
	wn__md_frame *top = s->nfr ? &s->fr[s->nfr - 1] : NULL;
	int in_item = top && top->kind == WN__MD_F_ITEM;
	if (in_item && top->pending && top->mark[0] == ':' && s->nfr == s->nreal) {
		/* ": - a" is no list: the definition's ":" stands alone. */
		wn__md_flush(s, 0);
		if (s->o->len && s->o->data[s->o->len - 1] == ' ')
			s->o->data[--s->o->len] = 0;
		s->fresh = 0;
		top = &s->fr[s->nfr - 1];
	}
	int adjacent = s->o->len == s->ladj_len && s->nfr == s->ladj_depth;
	wn__md_frame *f = push_frame(s, i, WN__MD_F_LIST);
	f->ordered = x->tag == GUMBO_TAG_OL;
	f->len0 = s->o->len;
	f->item_end = SIZE_MAX;
	f->next = 1;
	const char *st = wn__attr(x, "start");
	if (f->ordered && st) {
		long v = strtol(st, NULL, 10);
		f->next = v < 0 ? 0 : v > 999999999 ? 999999999 : (int32_t)v;
	}
	/* A list right after a list of its kind needs another delimiter, or
	 * the two are read as one. */
	char a = s->ladj_delim;
	f->delim = f->ordered ? '.' : '-';
	if (adjacent && (a == '.' || a == ')') == f->ordered)
		f->delim = a == '.' ? ')' : a == ')' ? '.' : a == '-' ? '*' : '-';
	if (x->tag == GUMBO_TAG_DL) {
		f->delim = ':'; /* its items are definitions (enter_item) */
		f->dt_at = SIZE_MAX;
	}
	/* Only a bullet list or one starting at 1 may follow text unparted. */
	wn__md_owe(s, in_item && !(f->ordered && f->next != 1) ? 1 : 2);
}

/* A definition (<dd>) is a paragraph of its own after its term, marked
 * ": " with its further lines indented under it (the definition lists of
 * PHP Markdown Extra and pandoc; CommonMark reads plain paragraphs):
 *
 *     Term
 *
 *     : Definition
 *
 *       Its second paragraph.
 *
 * A definition whose term was not kept is a paragraph without the mark.
 */
static void enter_item(wn__md_state *s, int32_t i)
{
	wn__md_frame *l = s->nfr ? &s->fr[s->nfr - 1] : NULL;
	int dd = s->d->nodes[i].tag == GUMBO_TAG_DD;
	if (l && l->kind != WN__MD_F_LIST)
		l = NULL;
	if (dd)
		wn__md_owe(s, 2); /* ": a" then ": b" would be one paragraph */
	else if (l && s->o->len != l->len0 && s->o->len == l->item_end)
		s->ow.breaks = 1, s->hard = 0; /* right after an item: tight */
	else if (l && s->o->len != l->len0)
		wn__md_owe(s, 2); /* after other content in the list */
	else
		wn__md_owe(s, 1);
	wn__md_frame *f = push_frame(s, i, WN__MD_F_ITEM);
	if (l) /* the list's frame, where the stack may have moved to */
		l = &s->fr[s->nfr - 2];
	if (f->kind == WN__MD_F_INERT)
		return;
	if (dd && l && l->delim == ':' && l->dt_at != SIZE_MAX) {
		l->termed = s->o->len > l->dt_at;
		l->dt_at = SIZE_MAX;
	}
	if (dd && !(l && l->delim == ':' && l->termed)) {
		f->flat = 1; /* no term before it: a paragraph of its own */
	} else if (dd) {
		snprintf(f->mark, sizeof f->mark, ": ");
		/* CommonMark sees no container in a definition: indented once
		 * it is a paragraph, indented twice (four spaces) code. */
		for (size_t k = 0; k + 1 < s->nfr; k++)
			f->flat |= s->fr[k].kind == WN__MD_F_ITEM && s->fr[k].mark[0] == ':';
	} else if (l && l->ordered)
		snprintf(f->mark, sizeof f->mark, "%d%c ", (int)l->next++, l->delim);
	else
		snprintf(f->mark, sizeof f->mark, "%c ", l && l->delim != ':' ? l->delim : '-');
	f->pending = 1;
	s->fresh = 1;
}

static void pop_frame(wn__md_state *s, int32_t i)
{
	if (!s->nfr || s->fr[s->nfr - 1].node != i)
		return;
	wn__md_frame *f = &s->fr[--s->nfr];
	if (f->kind == WN__MD_F_ITEM) {
		s->fresh = 0; /* an item that wrote nothing holds nothing back */
		if (s->nfr && s->fr[s->nfr - 1].kind == WN__MD_F_LIST)
			s->fr[s->nfr - 1].item_end = s->o->len;
	}
	if (s->nreal > s->nfr)
		s->nreal = s->nfr;
	if (s->low > s->nfr)
		s->low = s->nfr;
	if (f->kind == WN__MD_F_LIST) {
		s->ladj_len = s->o->len;
		s->ladj_depth = s->nfr;
		s->ladj_delim = f->delim;
	}
}

static void leave_heading(wn__md_state *s)
{
	/* "## C #" would lose its "#" as a closing sequence. */
	wn__buf *o = s->o;
	size_t k = o->len;
	while (k > s->start && o->data[k - 1] == '#')
		k--;
	if (!s->lead && k < o->len && k > s->start && o->data[k - 1] == ' ') {
		wn__buf_putc(o, 0);
		memmove(o->data + k + 1, o->data + k, o->len - k - 1);
		o->data[k] = '\\';
	}
	s->lead = NULL;
	s->hnode = -1;
	wn__md_owe(s, 2);
}

static const char *const HEAD[6] = {"# ", "## ", "### ", "#### ", "##### ", "###### "};

/* A term of the definition list on top begins (or, not kept, is passed
 * over): its definitions are marked only when it wrote something. */
static void enter_term(wn__md_state *s, int kept)
{
	wn__md_frame *l = s->nfr ? &s->fr[s->nfr - 1] : NULL;
	if (!l || l->kind != WN__MD_F_LIST || l->delim != ':')
		return;
	l->dt_at = kept ? s->o->len : SIZE_MAX;
	if (!kept)
		l->termed = 0;
}

static void enter(wn__md_state *s, wn__walk *w, int32_t i)
{
	const wn__doc *d = s->d;
	const wn__node *x = &d->nodes[i];
	int tag = x->tag, images = d->opt->images;
	if (!(x->flags & WN__NF_KEEP)) {
		if (tag == GUMBO_TAG_IMG) {
			if (images && wn__render_image_is_kept(d, i))
				wn__md_image(s, x);
			return;
		}
		/* Entered for their images only: their text is not kept, and
		 * they part nothing unless an image is written. */
		if (images && s->fig < 0 && (x->flags & WN__NF_BLOCK) && x->parent >= 0 &&
		    (tag == GUMBO_TAG_FIGURE || !d->node_chars[i]) &&
		    (d->nodes[x->parent].flags & WN__NF_KEEP)) {
			s->fig = i;
			s->fig_len = s->o->len;
		} else if (s->fig < 0 &&
		           (!images || (x->flags & WN__NF_BLOCK) || tag == GUMBO_TAG_CODE ||
		            tag == GUMBO_TAG_MATH || tag == GUMBO_TAG_BR)) {
			if (tag == GUMBO_TAG_DT)
				enter_term(s, 0);
			if (s->tnode >= 0 && s->cell < 0 && wn__tag_is(tag, WN__TC_CELL))
				for (int k = wn__render_colspan(x); k > 0; k--, s->col++)
					wn__md_put(s, " |");
			wn__walk_skip(w);
			return;
		}
	}
	switch (tag) {
	case GUMBO_TAG_BR:
		if (s->cell >= 0 || s->hnode >= 0)
			s->ow.space = 1;
		else if (!s->fresh && s->fig < 0)
			s->ow.breaks = s->ow.breaks ? 2 : 1, s->hard = 1;
		return;
	case GUMBO_TAG_IMG:
		if (images)
			wn__md_image(s, x);
		return;
	case GUMBO_TAG_EM:
	case GUMBO_TAG_I: wn__md_push_inline(s, i, WN__MD_K_EM, NULL); return;
	case GUMBO_TAG_STRONG:
	case GUMBO_TAG_B: wn__md_push_inline(s, i, WN__MD_K_STRONG, NULL); return;
	case GUMBO_TAG_DEL:
	case GUMBO_TAG_S:
	case GUMBO_TAG_STRIKE: wn__md_push_inline(s, i, WN__MD_K_DEL, NULL); return;
	case GUMBO_TAG_A: {
		const char *h = d->opt->links ? wn__render_link_target(x) : NULL;
		if (h && wn__render_url_is_safe(h))
			wn__md_push_inline(s, i, WN__MD_K_LINK, wn__md_format_url(s, h));
		return;
	}
	case GUMBO_TAG_CODE:
	case GUMBO_TAG_KBD:
	case GUMBO_TAG_SAMP:
	case GUMBO_TAG_TT:
		wn__md_code_span(s, i);
		wn__walk_skip(w);
		return;
	case GUMBO_TAG_PRE:
	case GUMBO_TAG_LISTING:
	case GUMBO_TAG_XMP:
	case GUMBO_TAG_PLAINTEXT:
		if (s->cell >= 0 || s->hnode >= 0)
			wn__md_code_span(s, i);
		else
			code_block(s, i);
		wn__walk_skip(w);
		return;
	case GUMBO_TAG_MATH:
		if (wn__md_math(s, x))
			wn__walk_skip(w);
		return;
	case GUMBO_TAG_H1:
	case GUMBO_TAG_H2:
	case GUMBO_TAG_H3:
	case GUMBO_TAG_H4:
	case GUMBO_TAG_H5:
	case GUMBO_TAG_H6:
		wn__md_owe(s, 2);
		if (s->cell < 0 && s->hnode < 0 && s->fig < 0) {
			s->hnode = i;
			s->lead = HEAD[tag - GUMBO_TAG_H1];
		}
		return;
	case GUMBO_TAG_BLOCKQUOTE:
		wn__md_owe(s, 2);
		push_frame(s, i, WN__MD_F_QUOTE);
		return;
	case GUMBO_TAG_LI:
	case GUMBO_TAG_DD: enter_item(s, i); return;
	case GUMBO_TAG_DT: enter_term(s, 1); break;
	case GUMBO_TAG_TABLE:
		if (s->tnode < 0 && s->cell < 0 && s->hnode < 0 &&
		    !wn__render_is_layout_table(d, i, &s->ncols)) {
			wn__md_close_inlines(s); /* the markers cannot span the table */
			wn__md_owe(s, 2);
			s->tnode = i;
			s->rows = 0;
			s->ibase = s->nact;
			return;
		}
		break;
	case GUMBO_TAG_TR:
		if (s->tnode >= 0 && s->cell < 0) {
			wn__md_enter_row(s);
			return;
		}
		break;
	case GUMBO_TAG_TD:
	case GUMBO_TAG_TH:
		if (s->tnode >= 0 && s->cell < 0) {
			s->cell = i;
			s->cellfresh = 1;
			s->ow.space = 0;
			return;
		}
		break;
	case GUMBO_TAG_THEAD:
	case GUMBO_TAG_TBODY:
	case GUMBO_TAG_TFOOT:
		if (s->tnode >= 0)
			return;
		break;
	}
	if (wn__tag_is(tag, WN__TC_LIST))
		enter_list(s, i);
	else if (x->flags & WN__NF_BLOCK)
		wn__md_owe(s, 2);
}

static void leave(wn__md_state *s, int32_t i)
{
	const wn__node *x = &s->d->nodes[i];
	int tag = x->tag;
	if (s->nin && s->in[s->nin - 1].node == i) {
		wn__md_pop_inline(s, i);
	} else if (i == s->hnode) {
		leave_heading(s);
	} else if (i == s->cell) {
		for (int k = wn__render_colspan(x); k > 0; k--, s->col++)
			wn__md_put(s, " |");
		s->cell = -1;
		s->cellfresh = s->ow.space = 0;
	} else if (tag == GUMBO_TAG_TR && s->tnode >= 0 && s->cell < 0) {
		wn__md_leave_row(s);
	} else if (i == s->tnode) {
		s->tnode = -1;
		s->ibase = 0;
		s->want = 1;
		wn__md_owe(s, 2);
	} else if (s->nfr && s->fr[s->nfr - 1].node == i) {
		int item = s->fr[s->nfr - 1].kind == WN__MD_F_ITEM;
		pop_frame(s, i);
		wn__md_owe(s, item ? 1 : 2);
	} else if ((x->flags & WN__NF_BLOCK) &&
	           !(s->tnode >= 0 &&
	             (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT))) {
		wn__md_owe(s, 2);
	}
	if (i == s->fig) {
		s->fig = -1;
		if (s->o->len != s->fig_len)
			wn__md_owe(s, 2);
	}
}

static void md_enter(void *ctx, wn__walk *w, int32_t i)
{
	enter(ctx, w, i);
}

static void md_leave(void *ctx, int32_t i)
{
	leave(ctx, i);
}

static void md_text(void *ctx, int32_t i, const char *t)
{
	wn__md_state *s = ctx;
	int32_t k = s->d->nodes[i].block;
	if (s->labels && k >= 0 && s->labels[k])
		return; /* the fence's info string says it */
	wn__render_collapse(t, &s->ow, put_text_char, s);
}

void wn__render_markdown(const wn__doc *d, wn__buf *out)
{
	static const wn__render_ops ops = {md_enter, md_leave, md_text};
	wn__md_state s = {
		.d = d,
		.o = out,
		.start = out->len,
		.hnode = -1,
		.tnode = -1,
		.cell = -1,
		.fig = -1,
		.lc_end = SIZE_MAX,
		.ladj_len = SIZE_MAX,
		.code_end = SIZE_MAX};
	wn__arena_init(&s.arena);
	s.labels = wn__render_code_labels(d);
	wn__render_walk(d, &ops, &s);
	wn__render_close(out, s.start);
	free(s.labels);
	free(s.fr);
	free(s.in);
	wn__arena_free(&s.arena);
}
