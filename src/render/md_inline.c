/*
 * md_inline.c -- the Markdown renderer's inline constructs: code spans,
 * links, images, MathML, and the kept text of a subtree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/tags.h"
#include "base/utf8.h"
#include "render/md.h"
#include "tuning.h"
#include "base/url.h"
#include "render/core.h"

size_t wn__md_longest_run(const char *t, char c)
{
	size_t best = 0, run = 0;
	for (; *t; t++) {
		run = *t == c ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return best;
}

void wn__md_code_span(wn__md_state *s, int32_t node)
{
	wn__buf b = {0};
	wn__render_gather(s->d, node, 0, &b);
	char *t = b.data;
	size_t n = b.len;
	if (n && t[0] == ' ')
		s->ow.space = 1, t++, n--;
	int trail = n && t[n - 1] == ' ';
	n -= (size_t)trail;
	t[n] = 0;
	if (n)
		wn__md_flush(s, '`');
	if (n && s->o->len == s->code_end) {
		/* Right after another code span the fences would join. */
		wn__md_put_plain(s, t);
	} else if (n) {
		size_t f = wn__md_longest_run(t, '`') + 1;
		for (size_t k = 0; k < f; k++)
			wn__md_put(s, "`");
		int pad = t[0] == '`' || t[n - 1] == '`';
		if (pad)
			wn__md_put(s, " ");
		for (; *t; t++) { /* a pipe ends a cell even in code */
			if (*t == '|' && s->cell >= 0)
				wn__md_put(s, "\\");
			wn__buf_putc(s->o, *t);
		}
		if (pad)
			wn__md_put(s, " ");
		for (size_t k = 0; k < f; k++)
			wn__md_put(s, "`");
		s->last = '`';
		s->bol = 0;
		s->code_end = s->o->len;
	}
	if (trail)
		s->ow.space = 1;
	wn__buf_free(&b);
}

/* A destination: <...> around spaces and parentheses; characters that
 * would end or change it percent-encoded or escaped. */
const char *wn__md_format_url(wn__md_state *s, const char *raw)
{
	const char *u = wn__url_resolve(&s->arena, s->d->opt->url, raw);
	wn__buf b = {0};
	int angle = !*u || strpbrk(u, " ()") != NULL;
	if (angle)
		wn__buf_putc(&b, '<');
	for (const char *p = u; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 32 || c == '<' || c == '>' || c == '|' || c == 127)
			wn__buf_printf(&b, "%%%02X", c);
		else if (c == '\\' || (c == '&' && wn__md_entity_at(p + 1, strlen(p + 1))))
			wn__buf_printf(&b, "\\%c", c);
		else
			wn__buf_putc(&b, (char)c);
	}
	if (angle)
		wn__buf_putc(&b, '>');
	const char *r = wn__arena_strndup(&s->arena, b.data, b.len);
	wn__buf_free(&b);
	return r;
}

void wn__md_push_inline(wn__md_state *s, int32_t node, int kind, const char *url)
{
	WN__GROW(s->in, s->capin, s->nin + 1, 16);
	wn__md_inl *e = &s->in[s->nin];
	*e = (wn__md_inl){.node = node, .kind = (uint8_t)kind, .url = url};
	/* One marker of a kind at a time: <b> in <b> adds nothing. */
	e->active = 1;
	for (int k = 0; k < s->nact; k++)
		if (s->in[s->act[k]].kind == kind)
			e->active = 0;
	if (e->active) {
		s->act[s->nact++] = (int32_t)s->nin;
		s->want = 1;
	}
	s->nin++;
}

/* The next character after node's subtree, for CommonMark's flanking rule
 * ('\n' at the end of its block, '*' for a following construct). */
static int32_t peek_next(const wn__doc *d, int32_t node)
{
	int32_t blk = d->nodes[node].parent;
	for (int n = 0; n < 64 && blk > 0 && !(d->nodes[blk].flags & WN__NF_BLOCK); n++)
		blk = d->nodes[blk].parent;
	int32_t j = d->nodes[node].end, stop = blk >= 0 ? d->nodes[blk].end : j;
	for (int n = 0; n < 64 && j < stop; n++) {
		const wn__node *x = &d->nodes[j];
		int32_t c = 0;
		if (x->flags & (WN__NF_REMOVED | WN__NF_DROP))
			j = x->end;
		else if (x->tag == GUMBO_TAG_IMG && d->opt->images &&
		         ((x->flags & WN__NF_KEEP) || wn__render_image_is_kept(d, j)))
			return '*';
		else if (x->kind == WN__NODE_ELEMENT && !(x->flags & WN__NF_KEEP))
			j = x->end;
		else if ((x->flags & WN__NF_BLOCK) || x->tag == GUMBO_TAG_BR)
			return '\n';
		else if (x->tag == GUMBO_TAG_CODE)
			return '`';
		else if (x->kind == WN__NODE_ELEMENT || !wn__render_is_kept(d, x))
			j++;
		else if (!x->g->v.text.text[0])
			j++;
		else
			return wn__utf8_next(x->g->v.text.text, strlen(x->g->v.text.text), &c), c;
	}
	return '\n';
}

void wn__md_pop_inline(wn__md_state *s, int32_t node)
{
	if (!s->nin || s->in[s->nin - 1].node != node)
		return;
	wn__md_inl *e = &s->in[--s->nin];
	if (!e->active)
		return;
	s->nact--;
	if (e->state != WN__MD_I_OPEN)
		return;
	if (e->kind != WN__MD_K_LINK && wn__md_is_punct(s->last)) {
		int32_t c = peek_next(s->d, node);
		if (!wn__md_is_ws(c) && !wn__md_is_punct(c)) { /* cannot close: go plain */
			size_t n = strlen(wn__md_open[e->kind]);
			memmove(s->o->data + e->pos, s->o->data + e->pos + n,
			        s->o->len - e->pos - n + 1);
			s->o->len -= n;
			s->lc_end = SIZE_MAX;
			if (s->code_end != SIZE_MAX && s->code_end > e->pos)
				s->code_end -= n;
			if (s->fig >= 0 && s->fig_len > e->pos)
				s->fig_len -= n;
			return;
		}
	}
	s->lc_pos = s->o->len;
	s->lc_open = e->pos;
	s->lc_last = s->last;
	s->lc_kind = e->kind;
	wn__md_put_closer(s, e);
	s->lc_end = e->kind == WN__MD_K_LINK ? SIZE_MAX : s->o->len;
}

void wn__md_image(wn__md_state *s, const wn__node *x)
{
	const char *src = wn__render_image_src(s->d, (int32_t)(x - s->d->nodes), &s->arena);
	const char *alt = wn__attr(x, "alt");
	if (!src || !wn__render_url_is_safe(src))
		return;
	const char *u = wn__md_format_url(s, src);
	if (s->fig >= 0 && s->cell < 0 && s->hnode < 0 && !s->fresh)
		s->ow.breaks = 2; /* in a block of its own */
	wn__md_flush(s, '!');
	wn__md_put(s, "![");
	wn__md_put_plain(s, alt ? alt : "");
	wn__md_put(s, "](");
	wn__md_put(s, u);
	wn__md_put(s, ")");
	s->last = ')';
}

/* MathML with an alttext gives it as $...$ (else its text is given). */
int wn__md_math(wn__md_state *s, const wn__node *x)
{
	const char *alt = wn__attr(x, "alttext");
	if (!alt || !*alt)
		return 0;
	wn__md_flush(s, '$');
	wn__md_put(s, "$");
	wn__md_put_plain(s, alt);
	wn__md_put(s, "$");
	s->last = '$';
	return 1;
}
