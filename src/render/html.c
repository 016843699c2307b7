/*
 * html.c -- the kept content as clean HTML (Readability.js's main output,
 * trafilatura's --html): the blocks of the text output, written with
 * structural and inline elements only.  What the page's elements become:
 *
 *   p h1-h6 ul ol li dl dt dd blockquote pre, and a data table's table
 *   caption thead tbody tfoot tr th td            -> themselves
 *   em strong b i del s sub sup mark q cite abbr code -> themselves
 *   strike -> s; tt kbd samp -> code; listing xmp plaintext -> pre
 *   a (with links), img figure figcaption (with images) -> themselves
 *   everything else (div, section, span, font, layout tables ...) -> only
 *   its content
 *
 * Attributes: href, src, alt, title (abbr), start (ol), colspan and
 * rowspan, and a class language-X on a code block's <code> (the HTML
 * spec's convention for the language of code); no other.
 *
 * Elements are written lazily: one opens when content is written inside
 * it, so that nothing empty is written.  Inline elements never hold
 * blocks: they close where a block starts or ends and reopen inside the
 * next block (as the Markdown renderer's markers do, and as a browser
 * reconstructs formatting elements).  Bare text where only blocks may
 * stand gets an implicit <p> (<li> in a list, <dd> in a dl), and items
 * outside a list an implicit list.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/tags.h"
#include "base/url.h"
#include "base/utf8.h"
#include "render/core.h"
#include "render/render.h"

/* What an output element may hold. */
enum {
	C_FLOW,   /* blocks; bare text in an implicit <p>: the fragment, blockquote */
	C_TIGHT,  /* blocks, and bare text until a block ended in it: li, dd, figure */
	C_PHRASE, /* text only; blocks in it add a space: p, h1-h6, dt, th, td ... */
	C_LIST,   /* items; anything else in an implicit <li>: ul, ol */
	C_DL,     /* dt and dd; anything else in an implicit <dd> */
	C_TABLE,  /* rows, cells: table, thead, tbody, tfoot, tr */
	C_INLINE, /* text and inline elements: em, a, code ... */
};

typedef struct hel {
	int32_t node;      /* the page's element; -1 for an implicit one */
	const char *tag;   /* the output element's name (static) */
	const char *attrs; /* its attributes, " name=\"value\"...", or "" */
	uint8_t kind;      /* C_* */
	uint8_t open;      /* its start tag is written */
	uint8_t blocks;    /* C_TIGHT: a block ended in it after content */
	uint8_t owned;     /* an implicit wrapper of what is above it: 1 left with
	                    * that element, 2 by the code that pushed it */
	size_t len0;       /* the output's length after its start tag */
} hel;

/* Inline elements open at once: one of each name, so nesting stays flat
 * (<b><b> is one <b>) and closing and reopening them is cheap. */
#define MAX_INLINE 24

typedef struct hstate {
	const wn__doc *d;
	wn__buf *o;
	size_t start;    /* where this document's output begins in o */
	wn__arena arena; /* attribute strings */
	hel *st;         /* st[0] is the fragment itself, always open */
	size_t n, cap;
	size_t ib;               /* the innermost block entry of st */
	size_t pending;          /* the lowest block entry not open (n if none) */
	int32_t inl[MAX_INLINE]; /* indices in st of the inline entries */
	int ninl;
	int dirty;       /* elements entered or left since the last content */
	wn__owed ow;     /* a space owed before the next content (ow.space) */
	int brs;         /* <br> owed before the next content (at most 2) */
	int bstart;      /* the last thing written was a block's tag */
	int32_t table;   /* the data table being written, or -1 */
	int32_t fig;     /* a subtree entered for its images only, or -1 */
	size_t fig_len;  /* the output's length when it was entered */
	size_t fig_ib;   /* the innermost block then */
	int fig_bound;   /* a boundary in it, owed if an image is written */
	int32_t last_cp; /* the last character of text written, 0 after a tag */
	uint8_t *labels; /* blocks that label code blocks (not written) */
} hstate;

/* ---- escaping ---- */

/* Text and attribute values: & < > and, in attributes, the quote.  A
 * combining long solidus (U+0338) right after a tag's '>' would fuse with
 * it under NFC (wn__text_clean) into U+226F and break the tag: it is
 * written as a reference there, and after an escaped < or > it takes its
 * composed form directly, as NFC gives it in the text output. */
static void put_escaped(hstate *s, const char *t, size_t n, int attr)
{
	wn__buf *o = s->o;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		int k = wn__utf8_next(t + i, n - i, &cp);
		if (cp == 0x338 && (s->last_cp == '<' || s->last_cp == '>') && o->len >= 4 &&
		    o->data[o->len - 1] == ';') {
			o->len -= 4; /* "&lt;" or "&gt;" */
			wn__buf_puts(o, s->last_cp == '<' ? "\xe2\x89\xae" : "\xe2\x89\xaf");
			cp = 0;
		} else if (cp == 0x338 &&
		           (!o->len || o->data[o->len - 1] == '>' || o->data[o->len - 1] == '"')) {
			wn__buf_puts(o, "&#x338;");
		} else {
			switch (cp) {
			case '&': wn__buf_puts(o, "&amp;"); break;
			case '<': wn__buf_puts(o, "&lt;"); break;
			case '>': wn__buf_puts(o, "&gt;"); break;
			case '"':
				if (attr) {
					wn__buf_puts(o, "&quot;");
					break;
				}
				/* fall through */
			default: wn__buf_put(o, t + i, (size_t)k);
			}
		}
		s->last_cp = cp;
		i += (size_t)k;
	}
}

static void put_attr(hstate *s, wn__buf *b, const char *name, const char *v)
{
	wn__buf *o = s->o;
	int32_t last = s->last_cp;
	s->o = b;
	wn__buf_printf(b, " %s=\"", name);
	put_escaped(s, v, strlen(v), 1);
	wn__buf_putc(b, '"');
	s->o = o;
	s->last_cp = last;
}

/* ---- the stack of output elements ---- */

static int is_block(const hel *e)
{
	return e->kind != C_INLINE;
}

static int container_kind(int kind)
{
	return kind == C_FLOW || kind == C_LIST || kind == C_DL || kind == C_TABLE;
}

static void put_start(hstate *s, hel *e)
{
	wn__buf *o = s->o;
	if (is_block(e) && o->len > s->start && o->data[o->len - 1] != '\n')
		wn__buf_putc(o, '\n');
	wn__buf_printf(o, "<%s%s>", e->tag, e->attrs);
	if (is_block(e) && container_kind(e->kind))
		wn__buf_putc(o, '\n');
	e->open = 1;
	e->len0 = o->len;
	s->bstart = is_block(e);
	s->last_cp = 0;
}

static void put_end(hstate *s, hel *e)
{
	wn__buf *o = s->o;
	if (is_block(e) && container_kind(e->kind) && o->len && o->data[o->len - 1] != '\n')
		wn__buf_putc(o, '\n');
	wn__buf_printf(o, "</%s>", e->tag);
	if (is_block(e)) {
		wn__buf_putc(o, '\n');
		s->bstart = 1;
	}
	e->open = 0;
	s->last_cp = 0;
}

/* Something was written inside e since it opened. */
static int has_content(const hstate *s, const hel *e)
{
	return e->open && s->o->len > e->len0;
}

/* Closes the inline elements written (they reopen at the next text). */
static void close_inlines(hstate *s)
{
	for (int k = s->ninl - 1; k >= 0; k--)
		if (s->st[s->inl[k]].open)
			put_end(s, &s->st[s->inl[k]]);
}

static void set_ib(hstate *s)
{
	size_t k = s->n - 1;
	while (k > 0 && !is_block(&s->st[k]))
		k--;
	s->ib = k;
}

static hel *push(hstate *s, int32_t node, const char *tag, int kind, const char *attrs)
{
	WN__GROW(s->st, s->cap, s->n + 1, 32);
	hel *e = &s->st[s->n];
	*e = (hel){.node = node, .tag = tag, .kind = (uint8_t)kind, .attrs = attrs};
	if (kind == C_INLINE) {
		s->inl[s->ninl++] = (int32_t)s->n;
	} else {
		s->ib = s->n;
		if (s->pending > s->n)
			s->pending = s->n;
	}
	s->n++;
	return e;
}

/* Removes entry k (a block: the inline entries above it move down). */
static void remove_at(hstate *s, size_t k)
{
	if (s->st[k].open)
		put_end(s, &s->st[k]);
	memmove(&s->st[k], &s->st[k + 1], (s->n - k - 1) * sizeof *s->st);
	s->n--;
	for (int j = 0; j < s->ninl; j++)
		if ((size_t)s->inl[j] > k)
			s->inl[j]--;
	if (s->pending > k)
		s->pending--;
	set_ib(s);
}

static void pop(hstate *s)
{
	hel *e = &s->st[s->n - 1];
	if (e->kind == C_INLINE) {
		if (e->open)
			put_end(s, e);
		s->ninl--;
		s->n--;
		return;
	}
	if (e->open) {
		close_inlines(s);
		put_end(s, e);
	}
	s->n--;
	if (s->pending > s->n)
		s->pending = s->n;
	set_ib(s);
}

/* Where a block starts or ends: inline elements close, an implicit
 * wrapper ends, and a loose item (C_TIGHT) that held text holds blocks
 * from now on. */
static void boundary_at(hstate *s, size_t ib)
{
	close_inlines(s);
	hel *c = &s->st[ib];
	if (c->node < 0 && !c->owned && ib > 0) {
		remove_at(s, ib);
		c = &s->st[ib - 1];
		while (!is_block(c))
			c--;
	}
	if (c->kind == C_TIGHT && has_content(s, c))
		c->blocks = 1;
	s->ow.space = 0;
	s->brs = 0;
}

/* In a subtree entered for its images, blocks part nothing unless an
 * image is written (the text output does not see them). */
static void boundary(hstate *s)
{
	if (s->fig >= 0)
		s->fig_bound = 1;
	else
		boundary_at(s, s->ib);
}

/* The implicit wrapper that bare content needs in the innermost block. */
static const char *wrapper_for(const hel *c)
{
	switch (c->kind) {
	case C_FLOW: return "p";
	case C_TIGHT: return c->blocks ? "p" : NULL;
	case C_LIST: return "li";
	case C_DL: return "dd";
	default: return NULL;
	}
}

/* Opens what is owed before content: the pending blocks, a wrapper, the
 * line breaks, a space, and the inline elements. */
static void flush(hstate *s)
{
	if (s->dirty) {
		const char *w = wrapper_for(&s->st[s->ib]);
		if (w) {
			/* Right above the block, below its pending inline
			 * elements (none is open here: a boundary closed them). */
			size_t at = s->ib + 1;
			WN__GROW(s->st, s->cap, s->n + 1, 32);
			memmove(&s->st[at + 1], &s->st[at], (s->n - at) * sizeof *s->st);
			s->st[at] = (hel){.node = -1, .tag = w, .kind = C_PHRASE, .attrs = ""};
			s->n++;
			for (int j = 0; j < s->ninl; j++)
				if ((size_t)s->inl[j] >= at)
					s->inl[j]++;
			s->ib = at;
			if (s->pending > at)
				s->pending = at;
		}
		if (s->pending < s->n) {
			close_inlines(s);
			for (size_t k = s->pending; k < s->n; k++)
				if (is_block(&s->st[k]) && !s->st[k].open)
					put_start(s, &s->st[k]);
			s->pending = s->n;
		}
	}
	if (s->brs) {
		for (; s->brs > 0; s->brs--)
			wn__buf_puts(s->o, "<br>");
		s->ow.space = 0;
		s->last_cp = 0;
	}
	if (s->ow.space && !s->bstart) {
		wn__buf_putc(s->o, ' ');
		s->last_cp = ' ';
	}
	s->ow.space = 0;
	if (s->dirty) {
		for (int k = 0; k < s->ninl; k++)
			if (!s->st[s->inl[k]].open)
				put_start(s, &s->st[s->inl[k]]);
		s->dirty = 0;
	}
	s->bstart = 0;
}

/* ---- content ---- */

static void put_char(void *ctx, const char *t, size_t i, size_t len, int32_t cp, int k)
{
	hstate *s = ctx;
	(void)len, (void)cp;
	flush(s);
	put_escaped(s, t + i, (size_t)k, 0);
}

static void text(void *ctx, int32_t i, const char *t)
{
	hstate *s = ctx;
	int32_t k = s->d->nodes[i].block;
	if (s->labels && k >= 0 && s->labels[k])
		return; /* the code's class says it */
	wn__render_collapse(t, &s->ow, put_char, s);
}

/* A URL of the page, absolute with the url option, or NULL when it must
 * not be written (see wn__render_url_is_safe). */
static const char *url_of(hstate *s, const char *raw)
{
	const char *u = wn__url_resolve(&s->arena, s->d->opt->url, raw);
	return *u && wn__render_url_is_safe(u) ? u : NULL;
}

static void image(hstate *s, int32_t i)
{
	const wn__node *x = &s->d->nodes[i];
	const char *raw = wn__render_image_src(s->d, i, &s->arena), *alt = wn__attr(x, "alt");
	const char *u = raw ? url_of(s, raw) : NULL;
	if (!u)
		return;
	wn__buf a = {0}, b = {0};
	put_attr(s, &a, "src", u);
	if (alt) { /* white space collapsed */
		for (const char *p = alt; *p; p++)
			if (!strchr(" \t\n\r\f", *p))
				wn__buf_putc(&b, *p);
			else if (b.len && b.data[b.len - 1] != ' ')
				wn__buf_putc(&b, ' ');
		while (b.len && b.data[b.len - 1] == ' ')
			b.len--;
		wn__buf_put(&b, "", 0);
		put_attr(s, &a, "alt", b.data);
	}
	if (s->fig >= 0 && s->fig_bound) {
		s->fig_bound = 0;
		boundary_at(s, s->fig_ib);
	}
	flush(s);
	wn__buf_puts(s->o, "<img");
	wn__buf_put(s->o, a.data, a.len);
	wn__buf_puts(s->o, ">");
	s->last_cp = 0;
	wn__buf_free(&a);
	wn__buf_free(&b);
}

/* A code block as <pre> (with <code> when the page had one or says the
 * language), its text verbatim. */
static void code_block(hstate *s, int32_t i)
{
	const wn__doc *d = s->d;
	wn__buf b = {0};
	wn__render_gather(d, i, 1, &b);
	while (b.len && strchr(" \t\r\n", b.data[b.len - 1]))
		b.data[--b.len] = 0;
	if (b.len) {
		char lang[33];
		wn__render_code_lang(d, i, lang, sizeof lang);
		int32_t c = i + 1;
		while (c < d->nodes[i].end && d->nodes[c].kind == WN__NODE_WHITESPACE)
			c++;
		int code = lang[0] || (c < d->nodes[i].end && d->nodes[c].tag == GUMBO_TAG_CODE);
		push(s, i, "pre", C_PHRASE, "");
		s->dirty = 1;
		flush(s);
		if (code) {
			wn__buf_puts(s->o, "<code");
			if (lang[0]) {
				wn__buf a = {0};
				char cls[48];
				strcpy(cls, "language-");
				strcat(cls, lang);
				put_attr(s, &a, "class", cls);
				wn__buf_put(s->o, a.data, a.len);
				wn__buf_free(&a);
			}
			wn__buf_puts(s->o, ">");
		} else if (b.data[0] == '\n') {
			wn__buf_putc(s->o, '\n'); /* HTML drops a newline after <pre> */
		}
		s->last_cp = 0;
		put_escaped(s, b.data, b.len, 0);
		if (code)
			wn__buf_puts(s->o, "</code>");
		pop(s);
	}
	wn__buf_free(&b);
}

/* A code block where only text may stand (a heading, a cell): inline code. */
static void code_span(hstate *s, int32_t i)
{
	wn__buf b = {0};
	wn__render_gather(s->d, i, 0, &b);
	char *t = b.data;
	size_t n = b.len;
	if (n && t[0] == ' ')
		s->ow.space = 1, t++, n--;
	int trail = n && t[n - 1] == ' ';
	n -= (size_t)trail;
	if (n) {
		flush(s);
		wn__buf_puts(s->o, "<code>");
		s->last_cp = 0;
		put_escaped(s, t, n, 0);
		wn__buf_puts(s->o, "</code>");
		s->last_cp = 0;
	}
	if (trail)
		s->ow.space = 1;
	wn__buf_free(&b);
}

/* ---- elements ---- */

static const char *HEADINGS[6] = {"h1", "h2", "h3", "h4", "h5", "h6"};

/* What element x becomes inside the innermost block c: its output name
 * and kind, or NULL for none (its content only). */
static const char *map(hstate *s, int32_t i, const hel *c, int *kind)
{
	const wn__doc *d = s->d;
	const wn__node *x = &d->nodes[i];
	*kind = C_INLINE;
	switch (x->tag) {
	case GUMBO_TAG_EM: return "em";
	case GUMBO_TAG_STRONG: return "strong";
	case GUMBO_TAG_B: return "b";
	case GUMBO_TAG_I: return "i";
	case GUMBO_TAG_DEL: return "del";
	case GUMBO_TAG_S:
	case GUMBO_TAG_STRIKE: return "s";
	case GUMBO_TAG_SUB: return "sub";
	case GUMBO_TAG_SUP: return "sup";
	case GUMBO_TAG_MARK: return "mark";
	case GUMBO_TAG_Q: return "q";
	case GUMBO_TAG_CITE: return "cite";
	case GUMBO_TAG_ABBR: return "abbr";
	case GUMBO_TAG_CODE:
	case GUMBO_TAG_TT:
	case GUMBO_TAG_KBD:
	case GUMBO_TAG_SAMP: return "code";
	case GUMBO_TAG_A: return "a";
	default: break;
	}
	if (!(x->flags & WN__NF_BLOCK))
		return NULL;
	int phrase = c->kind == C_PHRASE && c->node >= 0;
	if (phrase)
		return NULL; /* a block inside text: a space */
	if (c->kind == C_TABLE && !wn__tag_is(x->tag, WN__TC_CELL | WN__TC_TABLE_PART) &&
	    x->tag != GUMBO_TAG_CAPTION)
		return NULL; /* (the parser moves other blocks out of tables) */
	*kind = C_PHRASE;
	switch (x->tag) {
	case GUMBO_TAG_P: return "p";
	case GUMBO_TAG_H1:
	case GUMBO_TAG_H2:
	case GUMBO_TAG_H3:
	case GUMBO_TAG_H4:
	case GUMBO_TAG_H5:
	case GUMBO_TAG_H6: return HEADINGS[x->tag - GUMBO_TAG_H1];
	case GUMBO_TAG_DT: return "dt";
	case GUMBO_TAG_LI: *kind = C_TIGHT; return "li";
	case GUMBO_TAG_DD: *kind = C_TIGHT; return "dd";
	case GUMBO_TAG_BLOCKQUOTE: *kind = C_FLOW; return "blockquote";
	case GUMBO_TAG_UL:
	case GUMBO_TAG_MENU:
	case GUMBO_TAG_DIR: *kind = C_LIST; return "ul";
	case GUMBO_TAG_OL: *kind = C_LIST; return "ol";
	case GUMBO_TAG_DL: *kind = C_DL; return "dl";
	case GUMBO_TAG_FIGURE: *kind = C_TIGHT; return d->opt->images ? "figure" : NULL;
	case GUMBO_TAG_FIGCAPTION:
		return !strcmp(c->tag ? c->tag : "", "figure") ? "figcaption" : "p";
	case GUMBO_TAG_TABLE: {
		int ncols;
		if (s->table >= 0 || wn__render_is_layout_table(d, i, &ncols))
			return NULL;
		*kind = C_TABLE;
		return "table";
	}
	case GUMBO_TAG_CAPTION: return s->table >= 0 && c->node == s->table ? "caption" : "p";
	case GUMBO_TAG_THEAD:
	case GUMBO_TAG_TBODY:
	case GUMBO_TAG_TFOOT:
	case GUMBO_TAG_TR:
		*kind = C_TABLE;
		return s->table >= 0 && c->kind == C_TABLE
		               ? gumbo_normalized_tagname((GumboTag)x->tag)
		               : NULL;
	case GUMBO_TAG_TD: return s->table >= 0 && c->kind == C_TABLE ? "td" : NULL;
	case GUMBO_TAG_TH: return s->table >= 0 && c->kind == C_TABLE ? "th" : NULL;
	default: return NULL;
	}
}

/* The attributes of output element tag for x, in the arena ("" if none). */
static const char *attrs_of(hstate *s, const wn__node *x, const char *tag)
{
	wn__buf b = {0};
	const char *v;
	if (!strcmp(tag, "abbr") && (v = wn__attr(x, "title")) && *v) {
		put_attr(s, &b, "title", v);
	} else if (!strcmp(tag, "ol") && (v = wn__attr(x, "start"))) {
		long n = strtol(v, NULL, 10);
		if (n != 1)
			wn__buf_printf(&b, " start=\"%ld\"",
			               n < -999999999  ? -999999999
			               : n > 999999999 ? 999999999
			                               : n);
	} else if (!strcmp(tag, "td") || !strcmp(tag, "th")) {
		static const char *const span[2] = {"colspan", "rowspan"};
		for (int k = 0; k < 2; k++)
			if ((v = wn__attr(x, span[k]))) {
				/* HTML's rules for non-negative integers; its limits:
				 * colspan 1-1000, rowspan 0-65534 (what cannot be
				 * read is 1, as a browser reads it) */
				while (*v == ' ' || (*v >= '\t' && *v <= '\r'))
					v++;
				long n = *v >= '0' && *v <= '9' ? strtol(v, NULL, 10) : 1;
				long hi = k ? 65534 : 1000;
				if (n != 1 && n >= !k)
					wn__buf_printf(&b, " %s=\"%ld\"", span[k], n > hi ? hi : n);
			}
	}
	const char *r = b.len ? wn__arena_strndup(&s->arena, b.data, b.len) : "";
	wn__buf_free(&b);
	return r;
}

/* Items outside their list get one (<ul>, <dl>); anything else in a list
 * gets an item (<li>, <dd>) -- an <li> in a <dl> both, a <dd> and a <ul>.
 * The wrappers are left with the element (owned: 1) or by the caller
 * (owned: 2). */
static void wrap_for(hstate *s, const char *tag, int owned)
{
	int item = !strcmp(tag, "li"), term = !strcmp(tag, "dt") || !strcmp(tag, "dd");
	for (int k = 0; k < 3; k++) {
		int kind = s->st[s->ib].kind;
		if (kind == C_LIST && !item)
			push(s, -1, "li", C_TIGHT, "")->owned = (uint8_t)owned;
		else if (kind == C_DL && !term)
			push(s, -1, "dd", C_TIGHT, "")->owned = (uint8_t)owned;
		else if (kind != C_LIST && item)
			push(s, -1, "ul", C_LIST, "")->owned = (uint8_t)owned;
		else if (kind != C_DL && term)
			push(s, -1, "dl", C_DL, "")->owned = (uint8_t)owned;
		else
			break;
	}
}

/* Whether an inline element of this name is already in use (one of each). */
static int inline_in_use(const hstate *s, const char *tag)
{
	for (int k = 0; k < s->ninl; k++)
		if (!strcmp(s->st[s->inl[k]].tag, tag))
			return 1;
	return s->ninl >= MAX_INLINE;
}

static void enter_element(hstate *s, int32_t i)
{
	const wn__doc *d = s->d;
	const wn__node *x = &d->nodes[i];
	hel *c = &s->st[s->ib];
	int kind;
	const char *tag = map(s, i, c, &kind);
	if (tag && kind == C_INLINE) {
		const char *href = NULL;
		if (!strcmp(tag, "a")) {
			href = d->opt->links ? wn__render_link_target(x) : NULL;
			if (!href || !(href = url_of(s, href)))
				return;
		}
		if (inline_in_use(s, tag))
			return;
		const char *attrs = attrs_of(s, x, tag);
		if (href) {
			wn__buf b = {0};
			put_attr(s, &b, "href", href);
			attrs = wn__arena_strndup(&s->arena, b.data, b.len);
			wn__buf_free(&b);
		}
		push(s, i, tag, C_INLINE, attrs);
		return;
	}
	if (!(x->flags & WN__NF_BLOCK))
		return;
	if (c->kind == C_PHRASE && c->node >= 0) {
		s->ow.space = 1; /* a block inside text */
		return;
	}
	boundary(s);
	if (!tag)
		return;
	wrap_for(s, tag, 1);
	if (!strcmp(tag, "table"))
		s->table = i;
	push(s, i, tag, kind, attrs_of(s, x, tag));
}

/* An empty cell of a data table's row still takes its columns. */
static void empty_cell(hstate *s, int32_t i)
{
	const wn__node *x = &s->d->nodes[i];
	const char *tag = x->tag == GUMBO_TAG_TH ? "th" : "td";
	push(s, i, tag, C_PHRASE, attrs_of(s, x, tag));
	s->dirty = 1;
	flush(s);
	pop(s);
	s->dirty = 1;
}

static void enter(void *ctx, wn__walk *w, int32_t i)
{
	hstate *s = ctx;
	const wn__doc *d = s->d;
	const wn__node *x = &d->nodes[i];
	int tag = x->tag, images = d->opt->images;
	s->dirty = 1;
	if (!(x->flags & WN__NF_KEEP)) {
		/* As in the Markdown renderer: images are not text, so their
		 * elements are entered for them alone. */
		if (tag == GUMBO_TAG_IMG) {
			if (images && wn__render_image_is_kept(d, i))
				image(s, i);
			return;
		}
		if (images && s->fig < 0 && (x->flags & WN__NF_BLOCK) && x->parent >= 0 &&
		    (tag == GUMBO_TAG_FIGURE || !d->node_chars[i]) &&
		    (d->nodes[x->parent].flags & WN__NF_KEEP)) {
			s->fig = i;
			s->fig_len = s->o->len;
			s->fig_ib = s->ib;
			s->fig_bound = 1;
		} else if (s->fig < 0 &&
		           (!images || (x->flags & WN__NF_BLOCK) || tag == GUMBO_TAG_CODE ||
		            tag == GUMBO_TAG_MATH || tag == GUMBO_TAG_BR)) {
			if (s->table >= 0 && wn__tag_is(tag, WN__TC_CELL) &&
			    !strcmp(s->st[s->ib].tag ? s->st[s->ib].tag : "", "tr"))
				empty_cell(s, i);
			wn__walk_skip(w);
			return;
		}
		if (tag == GUMBO_TAG_BR)
			return;
	}
	switch (tag) {
	case GUMBO_TAG_BR: {
		hel *c = &s->st[s->ib];
		if (!has_content(s, c) || wrapper_for(c))
			return; /* nothing to break yet: the next text starts a block */
		if (++s->brs >= 2 && s->ib > 0 && c->node < 0 && !c->owned && !strcmp(c->tag, "p")) {
			boundary(s); /* <br><br> in bare text parts paragraphs */
			s->dirty = 1;
		} else if (s->brs > 2) {
			s->brs = 2;
		}
		return;
	}
	case GUMBO_TAG_IMG:
		if (images)
			image(s, i);
		return;
	case GUMBO_TAG_PRE:
	case GUMBO_TAG_LISTING:
	case GUMBO_TAG_XMP:
	case GUMBO_TAG_PLAINTEXT: {
		hel *c = &s->st[s->ib];
		if ((c->kind == C_PHRASE && c->node >= 0) || c->kind == C_TABLE) {
			code_span(s, i);
		} else {
			boundary(s);
			wrap_for(s, "pre", 2);
			code_block(s, i);
			while (s->n > 1 && s->st[s->n - 1].owned == 2)
				pop(s);
			boundary(s);
		}
		wn__walk_skip(w);
		return;
	}
	default: enter_element(s, i);
	}
}

static void leave(void *ctx, int32_t i)
{
	hstate *s = ctx;
	const wn__node *x = &s->d->nodes[i];
	s->dirty = 1;
	int part = 1; /* whether the element parts what is around it */
	if (i == s->fig) {
		s->fig = -1;
		part = s->o->len != s->fig_len; /* only if it gave an image */
	}
	const hel *top = &s->st[s->n - 1];
	if ((x->flags & WN__NF_BLOCK) && s->n > 1 && top->node < 0 && !top->owned && part)
		boundary(s); /* an implicit <p> in the element ends with it */
	if (s->n > 1 && s->st[s->n - 1].node == i) {
		int block = is_block(&s->st[s->n - 1]);
		pop(s);
		while (s->n > 1 && s->st[s->n - 1].owned == 1)
			pop(s);
		if (block && part)
			boundary(s);
	} else if ((x->flags & WN__NF_BLOCK) && part) {
		hel *c = &s->st[s->ib];
		if (c->kind == C_PHRASE && c->node >= 0)
			s->ow.space = 1;
		else
			boundary(s);
	}
	if (i == s->table)
		s->table = -1;
}

void wn__render_html(const wn__doc *d, wn__buf *out)
{
	static const wn__render_ops ops = {enter, leave, text};
	hstate s = {.d = d, .o = out, .start = out->len, .table = -1, .fig = -1, .bstart = 1};
	wn__arena_init(&s.arena);
	hel *root = push(&s, -1, NULL, C_FLOW, "");
	root->open = 1;
	root->len0 = s.start;
	s.pending = s.n;
	s.labels = wn__render_code_labels(d);
	wn__render_walk(d, &ops, &s);
	while (s.n > 1)
		pop(&s);
	wn__render_close(out, s.start);
	free(s.labels);
	free(s.st);
	wn__arena_free(&s.arena);
}

/* ---- the document around the fragment, and cutting ---- */

static void meta_tag(hstate *s, const char *key, const char *name, const char *v)
{
	if (!v || !*v)
		return;
	wn__buf_printf(s->o, "<meta %s=\"%s\"", key, name);
	put_attr(s, s->o, "content", v);
	wn__buf_puts(s->o, ">\n");
}

/* A language tag or a direction as an attribute: letters, digits and
 * hyphens only, or nothing. */
static void put_token_attr(hstate *s, const char *name, const char *v)
{
	size_t n = v ? strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
	             : 0;
	if (n && !v[n] && n < 64)
		wn__buf_printf(s->o, " %s=\"%s\"", name, v);
}

void wn__render_html_document(const wn__doc *d, const char *body, size_t len, wn__buf *out)
{
	const wn_metadata *m = &d->meta;
	hstate s = {.d = d, .o = out};
	wn__arena_init(&s.arena);
	wn__buf_puts(out, "<!DOCTYPE html>\n<html");
	put_token_attr(&s, "lang", m->language);
	/* The page's writing direction, where it says (rtl scripts). */
	const char *dir = wn__attr(&d->nodes[d->body], "dir");
	for (int32_t k = d->body; !dir && k > 0; k = d->nodes[k].parent)
		dir = wn__attr(&d->nodes[d->nodes[k].parent], "dir");
	if (dir && (!strcasecmp(dir, "rtl") || !strcasecmp(dir, "ltr")))
		put_token_attr(&s, "dir", !strcasecmp(dir, "rtl") ? "rtl" : "ltr");
	wn__buf_puts(out, ">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	if (m->title)
		put_escaped(&s, m->title, strlen(m->title), 0);
	wn__buf_puts(out, "</title>\n");
	meta_tag(&s, "name", "author", m->author);
	meta_tag(&s, "name", "date", m->date);
	meta_tag(&s, "name", "description", m->description);
	const char *u = m->url ? url_of(&s, m->url) : NULL;
	if (u) {
		wn__buf_puts(out, "<link rel=\"canonical\"");
		put_attr(&s, out, "href", u);
		wn__buf_puts(out, ">\n");
	}
	wn__buf_puts(out, "</head>\n<body>\n");
	wn__buf_put(out, body, len);
	wn__buf_puts(out, "</body>\n</html>\n");
	wn__arena_free(&s.arena);
}

size_t wn__render_html_cut(const char *html, size_t n, size_t max)
{
	if (n <= max)
		return n;
	size_t k = max;
	/* Out of a tag cut in two (values hold no raw < or >) ... */
	for (size_t j = k; j > 0; j--)
		if (html[j - 1] == '>' || html[j - 1] == '<') {
			if (html[j - 1] == '<')
				k = j - 1;
			break;
		}
	/* ... and of a character reference ("&amp;", "&#x338;"). */
	for (size_t j = k; j > 0 && k - j < 8; j--)
		if (html[j - 1] == ';' || html[j - 1] == '&') {
			if (html[j - 1] == '&')
				k = j - 1;
			break;
		}
	return k;
}
