/*
 * node.c -- reading the flat DOM: attributes, tag names, the iterative
 * walk over a subtree, and a subtree's text.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/utf8.h"
#include "doc.h"

const char *wn__token(const char *p, const char **end)
{
	while (p && (*p == ' ' || *p == '\t' || *p == '\n'))
		p++;
	if (!p || !*p)
		return NULL;
	const char *e = p;
	while (*e && *e != ' ' && *e != '\t' && *e != '\n')
		e++;
	*end = e;
	return p;
}

int32_t wn__next_of_tag(const wn__doc *d, int32_t i, int32_t c, int *budget)
{
	int32_t p = d->nodes[i].parent;
	for (c = c < 0 ? p + 1 : d->nodes[c].end; c<d->nodes[p].end && * budget> 0;
	     c = d->nodes[c].end) {
		const wn__node *y = &d->nodes[c];
		if (c == i || y->kind != WN__NODE_ELEMENT)
			continue;
		--*budget;
		if (y->tag == d->nodes[i].tag)
			return c;
	}
	return -1;
}

const char *wn__attr(const wn__node *n, const char *name)
{
	/* node 0 is the document: an "element" to our walks, none to gumbo */
	if (n->kind != WN__NODE_ELEMENT || !n->g ||
	    (n->g->type != GUMBO_NODE_ELEMENT && n->g->type != GUMBO_NODE_TEMPLATE))
		return NULL;
	const GumboVector *attrs = &n->g->v.element.attributes;
	for (unsigned i = 0; i < attrs->length; i++) {
		const GumboAttribute *a = attrs->data[i];
		if (!strcasecmp(a->name, name))
			return a->value;
	}
	return NULL;
}

int wn__style_hides(const char *s, size_t n)
{
	/* lower case, white space out, as far as 255 characters */
	char buf[256];
	size_t o = 0;
	for (size_t i = 0; i < n && s[i] && o < sizeof buf - 1; i++) {
		char c = s[i];
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			continue;
		buf[o++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	buf[o] = 0;
	return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

const char *wn__tag_name(const wn__node *x, char *buf, size_t cap)
{
	if (x->tag != GUMBO_TAG_UNKNOWN)
		return gumbo_normalized_tagname((GumboTag)x->tag);
	if (x->kind != WN__NODE_ELEMENT || !x->g ||
	    (x->g->type != GUMBO_NODE_ELEMENT && x->g->type != GUMBO_NODE_TEMPLATE))
		return NULL; /* text, or node 0, the document */
	GumboStringPiece t = x->g->v.element.original_tag;
	if (t.length < 3 || t.data[0] != '<')
		return NULL;
	gumbo_tag_from_original_text(&t);
	if (!t.length || t.length >= cap)
		return NULL;
	for (size_t k = 0; k < t.length; k++) {
		char ch = t.data[k];
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (!((ch >= 'a' && ch <= 'z') || (k && ((ch >= '0' && ch <= '9') || ch == '-' ||
		                                         ch == '_' || ch == '.' || ch == ':'))))
			return NULL;
		buf[k] = ch;
	}
	buf[t.length] = 0;
	return buf;
}

/* Appends text, collapsing runs of white space to one space; *space says
 * whether the text so far ends in a space (or is empty). */
static void put_collapsed(wn__buf *b, const char *s, int *space)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		int32_t cp;
		int k = wn__utf8_next(s + i, len - i, &cp);
		if (wn__is_space_cp(cp)) {
			if (!*space)
				wn__buf_putc(b, ' ');
			*space = 1;
		} else {
			wn__buf_put(b, s + i, (size_t)k);
			*space = 0;
		}
		i += (size_t)k;
	}
}

void wn__walk_init(wn__walk *w, const wn__doc *d, int32_t root, uint16_t skip)
{
	*w = (wn__walk){.d = d, .i = root, .stop = d->nodes[root].end, .skip = skip};
}

int wn__walk_next(wn__walk *w, int32_t *node, int *leave)
{
	const wn__node *nodes = w->d->nodes;
	for (;;) {
		if (w->sp && nodes[w->stack[w->sp - 1]].end <= w->i) {
			*node = w->stack[--w->sp];
			*leave = 1;
			return 1;
		}
		if (w->i >= w->stop)
			return 0;
		int32_t i = w->i;
		const wn__node *x = &nodes[i];
		if (x->flags & w->skip) {
			w->i = x->end;
			continue;
		}
		w->i++;
		if (x->kind == WN__NODE_ELEMENT) {
			WN__GROW(w->stack, w->cap, w->sp + 1, 64);
			w->stack[w->sp++] = i;
		}
		*node = i;
		*leave = 0;
		return 1;
	}
}

void wn__walk_skip(wn__walk *w)
{
	int32_t i = w->stack[--w->sp];
	w->i = w->d->nodes[i].end;
}

void wn__walk_free(wn__walk *w)
{
	free(w->stack);
	w->stack = NULL;
}

void wn__subtree_text(const wn__doc *d, int32_t root, wn__buf *buf)
{
	int space = 1;
	size_t start = buf->len;
	wn__walk w;
	int32_t i;
	int leave;
	wn__walk_init(&w, d, root, WN__NF_REMOVED);
	while (wn__walk_next(&w, &i, &leave)) {
		const wn__node *x = &d->nodes[i];
		if (x->kind == WN__NODE_ELEMENT) {
			if (i != root && ((x->flags & WN__NF_BLOCK) || x->tag == GUMBO_TAG_BR) &&
			    !space) {
				wn__buf_putc(buf, ' ');
				space = 1;
			}
			continue;
		}
		put_collapsed(buf, x->g->v.text.text, &space);
	}
	wn__walk_free(&w);
	if (buf->len > start && buf->data[buf->len - 1] == ' ')
		buf->data[--buf->len] = 0;
	if (!buf->data)
		wn__buf_grow(buf, 0);
}
