/*
 * render_md.c -- the kept content as CommonMark with GFM pipe tables.
 * Walks like render_text.c (same breaks, spaces and kept-content rules) and
 * adds the Markdown: line prefixes for quotes and list items from a stack
 * of frames, emphasis and link markers written lazily (only around
 * written text, closed at paragraph ends and reopened after), fenced code,
 * pipe tables, and escapes so that the text reads back as the same text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "base/tags.h"
#include "base/url.h"
#include "base/utf8.h"
#include "render/render.h"

/* Quotes and lists deeper than this add no further prefix, so a page
 * nested 100,000 deep does not make lines of 200,000 characters. */
enum { MAX_NEST = 32 };
/* A table whose cell holds block content longer than this (or that holds
 * another table, or has one column) lays out a page: its cells are given
 * as paragraphs.  Otherwise it is data, given as a pipe table. */
enum { LAYOUT_CELL_CHARS = 200 };
/* Tables of more columns are laid out as paragraphs: colspan can make a
 * few cells thousands of columns wide. */
enum { MAX_TABLE_COLUMNS = 64 };

enum { F_QUOTE, F_LIST, F_ITEM, F_INERT };
typedef struct frame {
	int32_t node;
	uint8_t kind, ordered, pending; /* pending: item marker not yet written */
	char delim;                     /* list: '-', '*', '.' or ')' */
	int32_t next;                   /* list: next number */
	size_t len0, item_end;          /* list: output length at its start,
	                                   and after its last item */
	char mark[16];                  /* item: "- ", "12. " */
} frame;

enum { K_EM, K_STRONG, K_DEL, K_LINK, K_COUNT };
static const char *const OPEN[K_COUNT] = {"*", "**", "~~", "["};
enum { I_PENDING, I_OPEN, I_OFF };
typedef struct inl {
	int32_t node;
	uint8_t kind, state, active;
	size_t pos;      /* where the opener was written */
	const char *url; /* link: destination, formatted */
} inl;

typedef struct mstate {
	const wn__doc *d;
	wn__buf *o;
	size_t start;   /* where this document's output begins in o */
	wn__arena arena; /* link and image destinations */
	int breaks;     /* line breaks owed before the next content (0-2) */
	int hard;       /* ... and they come from <br> */
	int space;      /* a space owed before the next content */
	int fresh;      /* an item began and wrote nothing yet: no breaks */
	int bol;        /* at the start of a line's content (for escapes) */
	int numstart;   /* only digits since it (for "1." escapes) */
	int32_t last;   /* last code point on the line, 0 at its start */
	frame *fr;      /* quotes, lists, items; the first nreal give prefixes */
	size_t nfr, nreal, capfr, low; /* low: least depth since the last line */
	inl *in;        /* emphasis and link elements entered */
	size_t nin, capin;
	int32_t act[K_COUNT]; /* indices in `in` of the markers in use */
	int nact, ibase, want; /* ibase: first usable in a table; want: some pending */
	size_t lc_pos, lc_end, lc_open; /* the last closer, for merging */
	int lc_kind;
	int32_t lc_last;
	size_t code_end;   /* where the last code span ended */
	const char *lead;  /* heading marker owed */
	int32_t hnode, tnode, cell; /* the heading, pipe table, cell being written */
	int32_t fig;       /* a subtree entered for its images only */
	size_t fig_len;    /* the output's length when it was entered */
	int ncols, col, rows, cellfresh;
	size_t ladj_len, ladj_depth; /* where the last list ended */
	char ladj_delim;
} mstate;

static int is_ws(int32_t c) { return c == 0 || wn__is_space_cp(c); }

static int is_punct(int32_t c)
{
	if (c < 128)
		return c > 32 && c < 127 && !(c >= '0' && c <= '9') &&
		       !((c | 32) >= 'a' && (c | 32) <= 'z');
	utf8proc_category_t k = utf8proc_category(c);
	return k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO;
}

static void put(mstate *s, const char *p) { wn__buf_puts(s->o, p); }

/* &name; &#123; &#x1F; -- what CommonMark would read as an entity. */
static int entity_at(const char *t, size_t n)
{
	size_t i = 0, k = 0;
	if (i < n && t[i] == '#')
		i++;
	if (i == 1 && i < n && (t[i] | 32) == 'x')
		i++;
	while (i < n && k < 32 && (((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z') ||
	                           (t[i] >= '0' && t[i] <= '9')))
		i++, k++;
	return k && i < n && t[i] == ';';
}

static void write_prefix(mstate *s, int blank, size_t upto)
{
	size_t n = upto < s->nreal ? upto : s->nreal;
	if (blank)
		while (n && s->fr[n - 1].kind != F_QUOTE)
			n--;
	for (size_t k = 0; k < n; k++) {
		frame *f = &s->fr[k];
		if (f->kind == F_QUOTE) {
			put(s, blank && k == n - 1 ? ">" : "> ");
		} else if (f->kind == F_ITEM && !blank && f->pending) {
			put(s, f->mark);
			f->pending = 0;
		} else if (f->kind == F_ITEM) {
			wn__buf_printf(s->o, "%*s", (int)strlen(f->mark), "");
		}
	}
	if (!blank)
		s->bol = 1, s->last = 0, s->numstart = 0;
}

static void put_closer(mstate *s, const inl *e)
{
	if (e->kind == K_LINK) {
		put(s, "](");
		put(s, e->url);
		put(s, ")");
		s->last = ')';
	} else {
		put(s, OPEN[e->kind]);
		/* cmark-gfm opens no "*" before punctuation right after "~~". */
		s->last = e->kind == K_DEL ? 'a' : '*';
	}
}

/* At a paragraph end: close the markers in use; they reopen at the next
 * text, as Markdown emphasis and links cannot span blocks. */
static void close_inlines(mstate *s)
{
	for (int k = s->nact - 1; k >= s->ibase; k--) {
		inl *e = &s->in[s->act[k]];
		if (e->state == I_OPEN) {
			put_closer(s, e);
			e->state = I_PENDING;
			s->want = 1;
		}
	}
}

/* Opens the pending markers before text starting with c.  An opener
 * followed by punctuation after a letter cannot open in CommonMark, and
 * after punctuation it could close as well: then the text goes plain.  An
 * opener right after a closer of its kind would make "****": the two spans
 * merge instead. */
static void open_inlines(mstate *s, int32_t c)
{
	for (int k = s->ibase; k < s->nact; k++) {
		inl *e = &s->in[s->act[k]];
		if (e->state != I_PENDING)
			continue;
		if (e->kind != K_LINK && s->o->len == s->lc_end && e->kind == s->lc_kind) {
			s->o->len = s->lc_pos;
			s->o->data[s->o->len] = 0;
			e->pos = s->lc_open;
			e->state = I_OPEN;
			s->last = s->lc_last;
			s->lc_end = SIZE_MAX;
			continue;
		}
		int32_t next = c; /* what follows: c, or another opener */
		for (int j = k + 1; j < s->nact; j++)
			if (s->in[s->act[j]].state == I_PENDING)
				next = '*';
		if (e->kind != K_LINK && is_punct(next) && !is_ws(s->last)) {
			e->state = I_OFF;
			continue;
		}
		/* bol stays: the text after is escaped as at a line start, in
		 * case the opener is taken out again (pop_inline). */
		e->pos = s->o->len;
		put(s, OPEN[e->kind]);
		e->state = I_OPEN;
		s->last = '*';
	}
	s->want = 0;
}

/* Writes what is owed before content starting with c (0: no markers). */
static void flush(mstate *s, int32_t c)
{
	if (!s->breaks && !s->space && !s->lead && !s->cellfresh &&
	    !(s->want && c) && s->o->len != s->start)
		return;
	frame *top = s->nfr && s->nfr == s->nreal ? &s->fr[s->nfr - 1] : NULL;
	if (top && top->kind == F_LIST && s->cell < 0 && (s->tnode < 0 || !s->rows)) {
		/* Text in a list but in no item (a dt, or bad HTML) must not
		 * continue the item before it. */
		s->breaks += s->breaks == 1;
	}
	if (s->cell >= 0) {
		if (s->cellfresh || s->space) {
			put(s, " ");
			s->last = ' ';
		}
	} else if (s->o->len == s->start) {
		write_prefix(s, 0, s->nfr);
	} else if (s->breaks) {
		close_inlines(s);
		put(s, s->breaks == 1 && s->hard ? "\\\n" : "\n");
		if (s->breaks > 1) {
			write_prefix(s, 1, s->low);
			put(s, "\n");
		}
		write_prefix(s, 0, s->nfr);
	} else if (s->space) {
		put(s, " ");
		s->last = ' ';
	}
	s->breaks = s->hard = s->space = s->fresh = s->cellfresh = 0;
	s->low = s->nfr;
	if (s->lead) {
		put(s, s->lead);
		s->lead = NULL;
	}
	if (c && s->want)
		open_inlines(s, c);
}

static void owe(mstate *s, int n)
{
	if (s->fig >= 0 && s->cell < 0)
		return; /* see image() */
	if (s->cell >= 0 || s->hnode >= 0)
		s->space = 1; /* cells and headings stay on one line */
	else if (!s->fresh)
		s->breaks = n > s->breaks ? n : s->breaks, s->hard = 0;
}

static void put_char(mstate *s, const char *t, size_t i, size_t len,
                     int32_t c, int k)
{
	int esc = 0;
	size_t j = i + (size_t)k;
	int32_t next = 0;
	if (j < len)
		wn__utf8_next(t + j, len - j, &next);
	switch (c) {
	case '\\': /* a marker may follow */
		esc = is_ws(next) || is_punct(next);
		break;
	case '*': case '`': case '[': case ']': case '|': case '~': esc = 1; break;
	case '_':
		esc = is_ws(s->last) || is_punct(s->last) || is_ws(next) ||
		      is_punct(next);
		break;
	case '<':
		esc = !next || next == '/' || next == '!' || next == '?' ||
		      ((next | 32) >= 'a' && (next | 32) <= 'z');
		break;
	case '>': case '#': case '+': case '-': case '=': esc = s->bol; break;
	case '.': case ')': esc = s->numstart; break;
	case '&': esc = entity_at(t + j, len - j); break;
	}
	s->numstart = c >= '0' && c <= '9' && (s->bol || s->numstart);
	if (esc)
		put(s, "\\");
	wn__buf_put(s->o, t + i, (size_t)k);
	s->last = c;
	s->bol = 0;
}

static void put_text(mstate *s, const char *t)
{
	size_t len = strlen(t);
	for (size_t i = 0; i < len;) {
		int32_t c;
		int k = wn__utf8_next(t + i, len - i, &c);
		if (wn__is_space_cp(c)) {
			s->space = 1;
		} else {
			flush(s, c);
			put_char(s, t, i, len, c, k);
		}
		i += (size_t)k;
	}
}

/* Text written inside one construct (alt text, math): collapsed, escaped. */
static void put_plain(mstate *s, const char *t)
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
				put(s, " ");
			space = 0, any = 1;
			put_char(s, t, i, len, c, k);
		}
		i += (size_t)k;
	}
}

static int is_kept_text(const wn__doc *d, const wn__node *x)
{
	return x->block >= 0 && d->blocks[x->block].keep;
}

static void put_space(wn__buf *b)
{
	if (!b->len || b->data[b->len - 1] != ' ')
		wn__buf_putc(b, ' ');
}

/* The kept text of a subtree: verbatim for <pre> (its first newline
 * dropped, <br> a newline), else with white space collapsed. */
static void gather(const wn__doc *d, int32_t root, int pre, wn__buf *b)
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
			else if (!pre && ((x->flags & WN__NF_BLOCK) || x->tag == GUMBO_TAG_BR))
				put_space(b);
			continue;
		}
		/* In <pre> even white space before the first text counts. */
		if (!is_kept_text(d, x) && !(pre && x->kind == WN__NODE_WHITESPACE))
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

static size_t longest_run(const char *t, char c)
{
	size_t best = 0, run = 0;
	for (; *t; t++) {
		run = *t == c ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return best;
}

static void code_span(mstate *s, int32_t node)
{
	wn__buf b = {0};
	gather(s->d, node, 0, &b);
	char *t = b.data;
	size_t n = b.len;
	if (n && t[0] == ' ')
		s->space = 1, t++, n--;
	int trail = n && t[n - 1] == ' ';
	n -= (size_t)trail;
	t[n] = 0;
	if (n)
		flush(s, '`');
	if (n && s->o->len == s->code_end) {
		/* Right after another code span the fences would join. */
		put_plain(s, t);
	} else if (n) {
		size_t f = longest_run(t, '`') + 1;
		for (size_t k = 0; k < f; k++)
			put(s, "`");
		int pad = t[0] == '`' || t[n - 1] == '`';
		if (pad)
			put(s, " ");
		for (; *t; t++) { /* a pipe ends a cell even in code */
			if (*t == '|' && s->cell >= 0)
				put(s, "\\");
			wn__buf_putc(s->o, *t);
		}
		if (pad)
			put(s, " ");
		for (size_t k = 0; k < f; k++)
			put(s, "`");
		s->last = '`';
		s->bol = 0;
		s->code_end = s->o->len;
	}
	if (trail)
		s->space = 1;
	wn__buf_free(&b);
}

/* The info string: a language-xxx or lang-xxx class on <pre> or on the
 * <code> it starts with. */
static void lang_of(const wn__doc *d, int32_t pre, char *out, size_t cap)
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

static void code_block(mstate *s, int32_t node)
{
	wn__buf b = {0};
	gather(s->d, node, 1, &b);
	while (b.len && strchr(" \t\r\n", b.data[b.len - 1]))
		b.data[--b.len] = 0;
	if (b.len) {
		char info[33], fence[64];
		size_t f = longest_run(b.data, '`') + 1;
		f = f < 3 ? 3 : f < sizeof fence ? f : sizeof fence - 1;
		memset(fence, '`', f);
		fence[f] = 0;
		lang_of(s->d, node, info, sizeof info);
		owe(s, 2);
		flush(s, 0);
		put(s, fence);
		put(s, info);
		for (char *l = b.data, *e; l; l = e ? e + 1 : NULL) {
			e = strchr(l, '\n');
			put(s, "\n");
			write_prefix(s, l == e || !*l, s->nfr);
			wn__buf_put(s->o, l, e ? (size_t)(e - l) : strlen(l));
		}
		put(s, "\n");
		write_prefix(s, 0, s->nfr);
		put(s, fence);
		owe(s, 2);
	}
	wn__buf_free(&b);
}

/* A destination: <...> around spaces and parentheses; characters that
 * would end or change it percent-encoded or escaped. */
static const char *format_url(mstate *s, const char *raw)
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
		else if (c == '\\' || (c == '&' && entity_at(p + 1, strlen(p + 1))))
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

static void push_inline(mstate *s, int32_t node, int kind, const char *url)
{
	if (s->nin == s->capin) {
		s->capin = s->capin ? 2 * s->capin : 16;
		s->in = wn__xrealloc(s->in, s->capin * sizeof *s->in);
	}
	inl *e = &s->in[s->nin];
	*e = (inl){.node = node, .kind = (uint8_t)kind, .url = url};
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

/* Images are not text, so selection does not mark them: one is kept when
 * its nearest block ancestor holds kept content, when it is in a <figure>
 * whose parent does, or when only blocks without text (<p><img></p>)
 * part it from kept content inside the article. */
static int image_is_kept(const wn__doc *d, int32_t i)
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
		         ((x->flags & WN__NF_KEEP) || image_is_kept(d, j)))
			return '*';
		else if (x->kind == WN__NODE_ELEMENT && !(x->flags & WN__NF_KEEP))
			j = x->end;
		else if ((x->flags & WN__NF_BLOCK) || x->tag == GUMBO_TAG_BR)
			return '\n';
		else if (x->tag == GUMBO_TAG_CODE)
			return '`';
		else if (x->kind == WN__NODE_ELEMENT || !is_kept_text(d, x))
			j++;
		else if (!x->g->v.text.text[0])
			j++;
		else
			return wn__utf8_next(x->g->v.text.text,
			                     strlen(x->g->v.text.text), &c), c;
	}
	return '\n';
}

static void pop_inline(mstate *s, int32_t node)
{
	if (!s->nin || s->in[s->nin - 1].node != node)
		return;
	inl *e = &s->in[--s->nin];
	if (!e->active)
		return;
	s->nact--;
	if (e->state != I_OPEN)
		return;
	if (e->kind != K_LINK && is_punct(s->last)) {
		int32_t c = peek_next(s->d, node);
		if (!is_ws(c) && !is_punct(c)) { /* cannot close: go plain */
			size_t n = strlen(OPEN[e->kind]);
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
	put_closer(s, e);
	s->lc_end = e->kind == K_LINK ? SIZE_MAX : s->o->len;
}

static void image(mstate *s, const wn__node *x)
{
	const char *src = wn__attr(x, "src"), *alt = wn__attr(x, "alt");
	if (!src || !*src || !strncasecmp(src, "data:", 5))
		src = wn__attr(x, "data-src");
	if (!src || !*src || !strncasecmp(src, "data:", 5))
		return;
	const char *u = format_url(s, src);
	if (s->fig >= 0 && s->cell < 0 && s->hnode < 0 && !s->fresh)
		s->breaks = 2; /* in a block of its own */
	flush(s, '!');
	put(s, "![");
	put_plain(s, alt ? alt : "");
	put(s, "](");
	put(s, u);
	put(s, ")");
	s->last = ')';
}

/* MathML with an alttext gives it as $...$ (else its text is given). */
static int math(mstate *s, const wn__node *x)
{
	const char *alt = wn__attr(x, "alttext");
	if (!alt || !*alt)
		return 0;
	flush(s, '$');
	put(s, "$");
	put_plain(s, alt);
	put(s, "$");
	s->last = '$';
	return 1;
}

static frame *push_frame(mstate *s, int32_t node, int kind)
{
	if (s->nfr == s->capfr) {
		s->capfr = s->capfr ? 2 * s->capfr : 16;
		s->fr = wn__xrealloc(s->fr, s->capfr * sizeof *s->fr);
	}
	if (s->cell >= 0 || s->hnode >= 0 || s->fig >= 0 || s->nfr >= MAX_NEST ||
	    s->nfr > s->nreal)
		kind = F_INERT;
	frame *f = &s->fr[s->nfr++];
	*f = (frame){.node = node, .kind = (uint8_t)kind};
	if (kind != F_INERT)
		s->nreal = s->nfr;
	return f;
}


static void enter_list(mstate *s, int32_t i)
{
	const wn__node *x = &s->d->nodes[i];
	frame *top = s->nfr ? &s->fr[s->nfr - 1] : NULL;
	int in_item = top && top->kind == F_ITEM;
	int adjacent = s->o->len == s->ladj_len && s->nfr == s->ladj_depth;
	frame *f = push_frame(s, i, F_LIST);
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
	/* Only a bullet list or one starting at 1 may follow text unparted. */
	owe(s, in_item && !(f->ordered && f->next != 1) ? 1 : 2);
}

static void enter_item(mstate *s, int32_t i)
{
	frame *l = s->nfr ? &s->fr[s->nfr - 1] : NULL;
	if (l && l->kind != F_LIST)
		l = NULL;
	if (l && s->o->len != l->len0 && s->o->len == l->item_end)
		s->breaks = 1, s->hard = 0; /* right after an item: tight */
	else if (l && s->o->len != l->len0)
		owe(s, 2); /* after other content in the list */
	else
		owe(s, 1);
	frame *f = push_frame(s, i, F_ITEM);
	if (f->kind == F_INERT)
		return;
	if (l && l->ordered)
		snprintf(f->mark, sizeof f->mark, "%d%c ", (int)l->next++, l->delim);
	else
		snprintf(f->mark, sizeof f->mark, "%c ", l ? l->delim : '-');
	f->pending = 1;
	s->fresh = 1;
}

static void pop_frame(mstate *s, int32_t i)
{
	if (!s->nfr || s->fr[s->nfr - 1].node != i)
		return;
	frame *f = &s->fr[--s->nfr];
	if (f->kind == F_ITEM) {
		s->fresh = 0; /* an item that wrote nothing holds nothing back */
		if (s->nfr && s->fr[s->nfr - 1].kind == F_LIST)
			s->fr[s->nfr - 1].item_end = s->o->len;
	}
	if (s->nreal > s->nfr)
		s->nreal = s->nfr;
	if (s->low > s->nfr)
		s->low = s->nfr;
	if (f->kind == F_LIST) {
		s->ladj_len = s->o->len;
		s->ladj_depth = s->nfr;
		s->ladj_delim = f->delim;
	}
}

static int colspan(const wn__node *x)
{
	const char *v = wn__attr(x, "colspan");
	long n = v ? strtol(v, NULL, 10) : 1;
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}


/* Layout or data (see LAYOUT_CELL_CHARS); counts the columns of data. */
static int is_layout_table(const wn__doc *d, int32_t t, int *ncols)
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
					n += colspan(&d->nodes[c]);
			if (n > *ncols)
				*ncols = n;
		} else if (wn__tag_is(x->tag, WN__TC_CELL)) {
			cell = j;
		} else if ((x->flags & WN__NF_BLOCK) && cell >= 0 && j < d->nodes[cell].end &&
		           d->node_chars[cell] > LAYOUT_CELL_CHARS) {
			return 1;
		}
	}
	/* Wider than any reader can take in as a pipe table: paragraphs, and
	 * no padding of every row to thousands of empty cells (colspan). */
	return *ncols < 2 || *ncols > MAX_TABLE_COLUMNS;
}

static void enter_row(mstate *s)
{
	if (s->rows)
		s->breaks = 1, s->hard = 0;
	else
		owe(s, 2);
	flush(s, 0);
	put(s, "|");
	s->col = s->bol = s->numstart = 0;
}

static void leave_row(mstate *s)
{
	for (; s->col < s->ncols; s->col++)
		put(s, " |");
	if (!s->rows++) {
		put(s, "\n");
		write_prefix(s, 0, s->nfr);
		put(s, "|");
		for (int k = 0; k < s->ncols; k++)
			put(s, " --- |");
	}
	s->last = 0;
}

static void leave_heading(mstate *s)
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
	owe(s, 2);
}

static const char *const HEAD[6] = {"# ", "## ", "### ", "#### ", "##### ",
                                    "###### "};

static void enter(mstate *s, wn__walk *w, int32_t i)
{
	const wn__doc *d = s->d;
	const wn__node *x = &d->nodes[i];
	int tag = x->tag, images = d->opt->images;
	if (!(x->flags & WN__NF_KEEP)) {
		if (tag == GUMBO_TAG_IMG) {
			if (images && image_is_kept(d, i))
				image(s, x);
			return;
		}
		/* Entered for their images only: their text is not kept, and
		 * they part nothing unless an image is written. */
		if (images && s->fig < 0 && (x->flags & WN__NF_BLOCK) && x->parent >= 0 &&
		    (tag == GUMBO_TAG_FIGURE || !d->node_chars[i]) &&
		    (d->nodes[x->parent].flags & WN__NF_KEEP)) {
			s->fig = i;
			s->fig_len = s->o->len;
		} else if (s->fig < 0 && (!images || (x->flags & WN__NF_BLOCK) ||
		                        tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_MATH ||
		                        tag == GUMBO_TAG_BR)) {
			if (s->tnode >= 0 && s->cell < 0 && wn__tag_is(tag, WN__TC_CELL))
				for (int k = colspan(x); k > 0; k--, s->col++)
					put(s, " |");
			wn__walk_skip(w);
			return;
		}
	}
	switch (tag) {
	case GUMBO_TAG_BR:
		if (s->cell >= 0 || s->hnode >= 0)
			s->space = 1;
		else if (!s->fresh && s->fig < 0)
			s->breaks = s->breaks ? 2 : 1, s->hard = 1;
		return;
	case GUMBO_TAG_IMG:
		if (images)
			image(s, x);
		return;
	case GUMBO_TAG_EM: case GUMBO_TAG_I:
		push_inline(s, i, K_EM, NULL);
		return;
	case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
		push_inline(s, i, K_STRONG, NULL);
		return;
	case GUMBO_TAG_DEL: case GUMBO_TAG_S: case GUMBO_TAG_STRIKE:
		push_inline(s, i, K_DEL, NULL);
		return;
	case GUMBO_TAG_A: {
		const char *h = wn__attr(x, "href");
		while (h && (*h == ' ' || (*h >= '\t' && *h <= '\r')))
			h++;
		/* In-page anchors lead nowhere once the page is gone. */
		if (d->opt->links && h && *h && *h != '#' &&
		    strncasecmp(h, "javascript:", 11))
			push_inline(s, i, K_LINK, format_url(s, h));
		return;
	}
	case GUMBO_TAG_CODE: case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP:
	case GUMBO_TAG_TT:
		code_span(s, i);
		wn__walk_skip(w);
		return;
	case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP:
	case GUMBO_TAG_PLAINTEXT:
		if (s->cell >= 0 || s->hnode >= 0)
			code_span(s, i);
		else
			code_block(s, i);
		wn__walk_skip(w);
		return;
	case GUMBO_TAG_MATH:
		if (math(s, x))
			wn__walk_skip(w);
		return;
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
		owe(s, 2);
		if (s->cell < 0 && s->hnode < 0 && s->fig < 0) {
			s->hnode = i;
			s->lead = HEAD[tag - GUMBO_TAG_H1];
		}
		return;
	case GUMBO_TAG_BLOCKQUOTE:
		owe(s, 2);
		push_frame(s, i, F_QUOTE);
		return;
	case GUMBO_TAG_LI: case GUMBO_TAG_DD:
		enter_item(s, i);
		return;
	case GUMBO_TAG_TABLE:
		if (s->tnode < 0 && s->cell < 0 && s->hnode < 0 &&
		    !is_layout_table(d, i, &s->ncols)) {
			close_inlines(s); /* the markers cannot span the table */
			owe(s, 2);
			s->tnode = i;
			s->rows = 0;
			s->ibase = s->nact;
			return;
		}
		break;
	case GUMBO_TAG_TR:
		if (s->tnode >= 0 && s->cell < 0) {
			enter_row(s);
			return;
		}
		break;
	case GUMBO_TAG_TD: case GUMBO_TAG_TH:
		if (s->tnode >= 0 && s->cell < 0) {
			s->cell = i;
			s->cellfresh = 1;
			s->space = 0;
			return;
		}
		break;
	case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
		if (s->tnode >= 0)
			return;
		break;
	}
	if (wn__tag_is(tag, WN__TC_LIST))
		enter_list(s, i);
	else if (x->flags & WN__NF_BLOCK)
		owe(s, 2);
}

static void leave(mstate *s, int32_t i)
{
	const wn__node *x = &s->d->nodes[i];
	int tag = x->tag;
	if (s->nin && s->in[s->nin - 1].node == i) {
		pop_inline(s, i);
	} else if (i == s->hnode) {
		leave_heading(s);
	} else if (i == s->cell) {
		for (int k = colspan(x); k > 0; k--, s->col++)
			put(s, " |");
		s->cell = -1;
		s->cellfresh = s->space = 0;
	} else if (tag == GUMBO_TAG_TR && s->tnode >= 0 && s->cell < 0) {
		leave_row(s);
	} else if (i == s->tnode) {
		s->tnode = -1;
		s->ibase = 0;
		s->want = 1;
		owe(s, 2);
	} else if (s->nfr && s->fr[s->nfr - 1].node == i) {
		int item = s->fr[s->nfr - 1].kind == F_ITEM;
		pop_frame(s, i);
		owe(s, item ? 1 : 2);
	} else if ((x->flags & WN__NF_BLOCK) && !(s->tnode >= 0 &&
	           (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY ||
	            tag == GUMBO_TAG_TFOOT))) {
		owe(s, 2);
	}
	if (i == s->fig) {
		s->fig = -1;
		if (s->o->len != s->fig_len)
			owe(s, 2);
	}
}

void wn__render_markdown(const wn__doc *d, wn__buf *out)
{
	mstate s = {.d = d, .o = out, .start = out->len, .hnode = -1, .tnode = -1,
	            .cell = -1, .fig = -1, .lc_end = SIZE_MAX, .ladj_len = SIZE_MAX,
	            .code_end = SIZE_MAX};
	wn__arena_init(&s.arena);
	wn__walk w;
	int32_t i;
	int lv;
	wn__walk_init(&w, d, 0, WN__NF_REMOVED | WN__NF_DROP);
	while (wn__walk_next(&w, &i, &lv)) {
		const wn__node *x = &d->nodes[i];
		if (x->kind != WN__NODE_ELEMENT) {
			if (is_kept_text(d, x))
				put_text(&s, x->g->v.text.text);
		} else if (lv) {
			leave(&s, i);
		} else {
			enter(&s, &w, i);
		}
	}
	wn__walk_free(&w);
	while (out->len > s.start && (out->data[out->len - 1] == '\n' ||
	                              out->data[out->len - 1] == ' '))
		out->data[--out->len] = 0;
	if (out->len > s.start)
		wn__buf_putc(out, '\n');
	free(s.fr);
	free(s.in);
	wn__arena_free(&s.arena);
}
