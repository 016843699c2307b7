/*
 * md_out.c -- the Markdown renderer's output: what is owed before the next
 * content (line breaks with the prefixes of quotes and list items, spaces),
 * emphasis and link markers written lazily (only around written text,
 * closed at paragraph ends and reopened after), and escapes so that the
 * text reads back as the same text.
 */
#include <utf8proc.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/tags.h"
#include "base/utf8.h"
#include "render/md.h"
#include "tuning.h"

const char *const wn__md_open[WN__MD_K_COUNT] = {"*", "**", "~~", "["};


int wn__md_is_ws(int32_t c)
{
	return c == 0 || wn__is_space_cp(c);
}

int wn__md_is_punct(int32_t c)
{
	if (c < 128)
		return c > 32 && c < 127 && !(c >= '0' && c <= '9') &&
		       !((c | 32) >= 'a' && (c | 32) <= 'z');
	utf8proc_category_t k = utf8proc_category(c);
	return k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO;
}

void wn__md_put(wn__md_state *s, const char *p)
{
	wn__buf_puts(s->o, p);
}

/* &name; &#123; &#x1F; -- what CommonMark would read as an entity. */
int wn__md_entity_at(const char *t, size_t n)
{
	size_t i = 0, k = 0;
	if (i < n && t[i] == '#')
		i++;
	if (i == 1 && i < n && (t[i] | 32) == 'x')
		i++;
	while (i < n && k < 32 &&
	       (((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z') || (t[i] >= '0' && t[i] <= '9')))
		i++, k++;
	return k && i < n && t[i] == ';';
}

void wn__md_prefix(wn__md_state *s, int blank, size_t upto)
{
	size_t n = upto < s->nreal ? upto : s->nreal;
	if (blank)
		while (n && s->fr[n - 1].kind != WN__MD_F_QUOTE)
			n--;
	for (size_t k = 0; k < n; k++) {
		wn__md_frame *f = &s->fr[k];
		if (f->kind == WN__MD_F_QUOTE) {
			wn__md_put(s, blank && k == n - 1 ? ">" : "> ");
		} else if (f->kind == WN__MD_F_ITEM && !blank && f->pending) {
			wn__md_put(s, f->mark);
			f->pending = 0;
		} else if (f->kind == WN__MD_F_ITEM && !f->flat) {
			wn__buf_printf(s->o, "%*s", (int)strlen(f->mark), "");
		}
	}
	if (!blank)
		s->bol = 1, s->last = 0, s->numstart = 0;
}

void wn__md_put_closer(wn__md_state *s, const wn__md_inl *e)
{
	if (e->kind == WN__MD_K_LINK) {
		wn__md_put(s, "](");
		wn__md_put(s, e->url);
		wn__md_put(s, ")");
		s->last = ')';
	} else {
		wn__md_put(s, wn__md_open[e->kind]);
		/* cmark-gfm opens no "*" before punctuation right after "~~". */
		s->last = e->kind == WN__MD_K_DEL ? 'a' : '*';
	}
}

/* At a paragraph end: close the markers in use; they reopen at the next
 * text, as Markdown emphasis and links cannot span blocks. */
void wn__md_close_inlines(wn__md_state *s)
{
	for (int k = s->nact - 1; k >= s->ibase; k--) {
		wn__md_inl *e = &s->in[s->act[k]];
		if (e->state == WN__MD_I_OPEN) {
			wn__md_put_closer(s, e);
			e->state = WN__MD_I_PENDING;
			s->want = 1;
		}
	}
}

/* Opens the pending markers before text starting with c.  An opener
 * followed by punctuation after a letter cannot open in CommonMark, and
 * after punctuation it could close as well: then the text goes plain.  An
 * opener right after a closer of its kind would make "****": the two spans
 * merge instead. */
static void open_inlines(wn__md_state *s, int32_t c)
{
	for (int k = s->ibase; k < s->nact; k++) {
		wn__md_inl *e = &s->in[s->act[k]];
		if (e->state != WN__MD_I_PENDING)
			continue;
		if (e->kind != WN__MD_K_LINK && s->o->len == s->lc_end && e->kind == s->lc_kind) {
			s->o->len = s->lc_pos;
			s->o->data[s->o->len] = 0;
			e->pos = s->lc_open;
			e->state = WN__MD_I_OPEN;
			s->last = s->lc_last;
			s->lc_end = SIZE_MAX;
			continue;
		}
		int32_t next = c; /* what follows: c, or another opener */
		for (int j = k + 1; j < s->nact; j++)
			if (s->in[s->act[j]].state == WN__MD_I_PENDING)
				next = '*';
		if (e->kind != WN__MD_K_LINK && wn__md_is_punct(next) && !wn__md_is_ws(s->last)) {
			e->state = WN__MD_I_OFF;
			continue;
		}
		/* bol stays: the text after is escaped as at a line start, in
		 * case the opener is taken out again (pop_inline). */
		e->pos = s->o->len;
		wn__md_put(s, wn__md_open[e->kind]);
		e->state = WN__MD_I_OPEN;
		s->last = '*';
	}
	s->want = 0;
}

/* Writes what is owed before content starting with c (0: no markers). */
void wn__md_flush(wn__md_state *s, int32_t c)
{
	if (!s->ow.breaks && !s->ow.space && !s->lead && !s->cellfresh && !(s->want && c) &&
	    s->o->len != s->start)
		return;
	wn__md_frame *top = s->nfr && s->nfr == s->nreal ? &s->fr[s->nfr - 1] : NULL;
	if (top && top->kind == WN__MD_F_LIST && s->cell < 0 && (s->tnode < 0 || !s->rows)) {
		/* Text in a list but in no item (a dt, or bad HTML) must not
		 * continue the item before it. */
		s->ow.breaks += s->ow.breaks == 1;
	}
	if (s->cell >= 0) {
		if (s->cellfresh || s->ow.space) {
			wn__md_put(s, " ");
			s->last = ' ';
		}
	} else if (s->o->len == s->start) {
		wn__md_prefix(s, 0, s->nfr);
	} else if (s->ow.breaks) {
		wn__md_close_inlines(s);
		wn__md_put(s, s->ow.breaks == 1 && s->hard ? "\\\n" : "\n");
		if (s->ow.breaks > 1) {
			wn__md_prefix(s, 1, s->low);
			wn__md_put(s, "\n");
		}
		wn__md_prefix(s, 0, s->nfr);
	} else if (s->ow.space) {
		wn__md_put(s, " ");
		s->last = ' ';
	}
	s->ow.breaks = s->hard = s->ow.space = s->fresh = s->cellfresh = 0;
	s->low = s->nfr;
	if (s->lead) {
		wn__md_put(s, s->lead);
		s->lead = NULL;
	}
	if (c && s->want)
		open_inlines(s, c);
}

void wn__md_owe(wn__md_state *s, int n)
{
	if (s->fig >= 0 && s->cell < 0)
		return; /* see wn__md_image() */
	if (s->cell >= 0 || s->hnode >= 0)
		s->ow.space = 1; /* cells and headings stay on one line */
	else if (!s->fresh)
		s->ow.breaks = n > s->ow.breaks ? n : s->ow.breaks, s->hard = 0;
}

void wn__md_put_char(wn__md_state *s, const char *t, size_t i, size_t len, int32_t c, int k)
{
	int esc = 0;
	size_t j = i + (size_t)k;
	int32_t next = 0;
	if (j < len)
		wn__utf8_next(t + j, len - j, &next);
	switch (c) {
	case '\\': /* a marker may follow */
		esc = wn__md_is_ws(next) || wn__md_is_punct(next);
		break;
	case '*':
	case '`':
	case '[':
	case ']':
	case '|':
	case '~': esc = 1; break;
	case '_':
		esc = wn__md_is_ws(s->last) || wn__md_is_punct(s->last) || wn__md_is_ws(next) ||
		      wn__md_is_punct(next);
		break;
	case '<':
		esc = !next || next == '/' || next == '!' || next == '?' ||
		      ((next | 32) >= 'a' && (next | 32) <= 'z');
		break;
	case '>':
	case '#':
	case '+':
	case '-':
	case '=': esc = s->bol; break;
	case '.':
	case ')': esc = s->numstart; break;
	case '&': esc = wn__md_entity_at(t + j, len - j); break;
	}
	s->numstart = c >= '0' && c <= '9' && (s->bol || s->numstart);
	if (esc)
		wn__md_put(s, "\\");
	wn__buf_put(s->o, t + i, (size_t)k);
	s->last = c;
	s->bol = 0;
}

/* Text written inside one construct (alt text, math): collapsed, escaped. */
void wn__md_put_plain(wn__md_state *s, const char *t)
{
	size_t len = strlen(t);
	int space = 0, any = 0;
	s->bol = 0;
	for (size_t i = 0; i < len;) {
		int32_t c;
		int k = wn__utf8_next(t + i, len - i, &c);
		if (wn__is_space_cp(c)) {
			space = any;
		} else {
			if (space)
				wn__md_put(s, " ");
			space = 0, any = 1;
			wn__md_put_char(s, t, i, len, c, k);
		}
		i += (size_t)k;
	}
}
