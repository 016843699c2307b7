/*
 * dom.c -- parses with gumbo and copies the tree into wn_doc.nodes, one
 * array in document order (see internal.h), with a loop and an explicit
 * stack so that a page nested 100,000 deep costs no C stack.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc.h"

/* gumbo gets our allocator so that out of memory follows winnow.h's policy
 * instead of a NULL dereference inside the parser. */
static void *gumbo_alloc(void *ud, size_t n)
{
	(void)ud;
	return wn__xmalloc(n);
}

static void gumbo_free(void *ud, void *p)
{
	(void)ud;
	free(p);
}

int wn__is_block_tag(int tag)
{
	switch (tag) {
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER:
	case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
	case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
	case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
	case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
	case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
	case GUMBO_TAG_HTML: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN:
	case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
	case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
	case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
	case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
	case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION:
	case GUMBO_TAG_UL: case GUMBO_TAG_LEGEND: case GUMBO_TAG_HEAD:
	case GUMBO_TAG_TITLE: case GUMBO_TAG_OPTION: case GUMBO_TAG_SELECT:
	case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
	case GUMBO_TAG_IFRAME: case GUMBO_TAG_CANVAS: case GUMBO_TAG_LISTING:
	case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
		return 1;
	default:
		return 0;
	}
}

const char *wn__attr(const wn_node *n, const char *name)
{
	/* node 0 is the document: an "element" to our walks, none to gumbo */
	if (n->kind != WN_NODE_ELEMENT || !n->g ||
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

const char *wn__tag_name(const wn_node *x, char *buf, size_t cap)
{
	if (x->tag != GUMBO_TAG_UNKNOWN)
		return gumbo_normalized_tagname((GumboTag)x->tag);
	if (x->kind != WN_NODE_ELEMENT || !x->g ||
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
		if (!((ch >= 'a' && ch <= 'z') || (k && ((ch >= '0' && ch <= '9') ||
		                                         ch == '-' || ch == '_' ||
		                                         ch == '.' || ch == ':'))))
			return NULL;
		buf[k] = ch;
	}
	buf[t.length] = 0;
	return buf;
}

static int is_pre_tag(int tag)
{
	return tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING ||
	       tag == GUMBO_TAG_XMP || tag == GUMBO_TAG_PLAINTEXT ||
	       tag == GUMBO_TAG_TEXTAREA;
}

static int is_structure_tag(int tag)
{
	switch (tag) {
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_UL:
	case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_ARTICLE:
	case GUMBO_TAG_SECTION:
		return 1;
	default:
		return 0;
	}
}

/* Flags a node passes on to its subtree. */
enum { INHERITED = WN_NF_IN_LINK | WN_NF_IN_ANCHOR | WN_NF_IN_PRE };

/* What an element starts for its subtree: a link (away from the page or
 * within it: headings linking to themselves, tables of contents,
 * footnotes) or preformatted text. */
static uint16_t starts(GumboNode *g)
{
	int tag = g->v.element.tag;
	uint16_t fl = is_pre_tag(tag) ? WN_NF_IN_PRE : 0;
	if (tag == GUMBO_TAG_A) {
		wn_node tmp = {.g = g, .kind = WN_NODE_ELEMENT};
		const char *href = wn__attr(&tmp, "href");
		if (href)
			fl |= href[0] == '#' ? WN_NF_IN_ANCHOR : WN_NF_IN_LINK;
	}
	return fl;
}

typedef struct frame {
	GumboNode *g;
	int32_t index;  /* our node; for an element past max_depth its ancestor's */
	unsigned child; /* next gumbo child to visit */
	uint16_t flags; /* the INHERITED flags for the children */
} frame;

wn_status wn__dom_build(wn_doc *d)
{
	GumboOptions go = kGumboDefaultOptions;
	go.allocator = gumbo_alloc;
	go.deallocator = gumbo_free;
	go.max_errors = 0; /* we never read parse errors; do not keep them */
	d->gumbo = gumbo_parse_with_options(&go, d->html, d->html_len);

	size_t cap = 1024, n = 0;
	wn_node *nodes = wn__xmalloc(cap * sizeof *nodes);
	size_t scap = 64, sp = 0;
	frame *stack = wn__xmalloc(scap * sizeof *stack);

	/* node 0: the document */
	nodes[0] = (wn_node){.g = d->gumbo->document, .parent = -1, .block = -1,
	                     .tag = GUMBO_TAG_UNKNOWN, .kind = WN_NODE_ELEMENT};
	n = 1;
	stack[sp++] = (frame){d->gumbo->document, 0, 0, 0};
	unsigned max_depth = d->opt->max_depth; /* at most WN_MAX_DEPTH */
	size_t flattened = 0;

	while (sp) {
		frame *f = &stack[sp - 1];
		const GumboVector *kids = f->g->type == GUMBO_NODE_DOCUMENT
		                                  ? &f->g->v.document.children
		                                  : &f->g->v.element.children;
		if (f->child >= kids->length) {
			nodes[f->index].end = (int32_t)n;
			sp--;
			continue;
		}
		GumboNode *g = kids->data[f->child++];
		uint8_t kind;
		switch (g->type) {
		case GUMBO_NODE_ELEMENT:
		case GUMBO_NODE_TEMPLATE:
			kind = WN_NODE_ELEMENT;
			break;
		case GUMBO_NODE_TEXT:
		case GUMBO_NODE_CDATA:
			kind = WN_NODE_TEXT;
			break;
		case GUMBO_NODE_WHITESPACE:
			kind = WN_NODE_WHITESPACE;
			break;
		default:
			continue; /* comments */
		}
		const wn_node *p = &nodes[f->index];
		if (kind == WN_NODE_ELEMENT && p->depth >= max_depth) {
			/* Too deep: no node of its own; its children become the
			 * children of the ancestor at max_depth, so their text
			 * stays where it was (winnow.h, max_depth). */
			uint16_t fl = f->flags | starts(g);
			if (sp == scap) {
				scap *= 2;
				stack = wn__xrealloc(stack, scap * sizeof *stack);
				f = &stack[sp - 1];
			}
			stack[sp++] = (frame){g, f->index, 0, fl};
			flattened++;
			continue;
		}
		if (n == cap) {
			if (cap > (size_t)INT32_MAX / 2)
				break; /* cannot index more; the rest is not read */
			cap *= 2;
			nodes = wn__xrealloc(nodes, cap * sizeof *nodes);
			p = &nodes[f->index];
		}
		wn_node *x = &nodes[n];
		*x = (wn_node){.g = g, .parent = f->index, .end = (int32_t)n + 1,
		               .block = -1, .kind = kind,
		               .tag = GUMBO_TAG_UNKNOWN};
		x->depth = p->depth == UINT16_MAX ? UINT16_MAX : p->depth + 1;
		x->flags = f->flags;
		if (kind == WN_NODE_ELEMENT) {
			x->tag = (uint16_t)g->v.element.tag;
			if (wn__is_block_tag(x->tag))
				x->flags |= WN_NF_BLOCK;
			x->flags |= starts(g);
			if (x->tag == GUMBO_TAG_BODY && !d->body)
				d->body = (int32_t)n;
			if (sp == scap) {
				scap *= 2;
				stack = wn__xrealloc(stack, scap * sizeof *stack);
				f = &stack[sp - 1];
			}
			stack[sp++] = (frame){g, (int32_t)n, 0, x->flags & INHERITED};
		}
		n++;
	}
	while (sp) /* only after an early stop */
		nodes[stack[--sp].index].end = (int32_t)n;
	free(stack);
	d->nodes = nodes;
	d->n_nodes = (int32_t)n;
	if (flattened)
		wn__note(d, "limit: %zu elements nested deeper than %u read as part "
		            "of their ancestor (max_depth)", flattened, max_depth);

	/* Cells that hold paragraph-level structure lay out a page: their
	 * content renders as paragraphs, not as one row of a data table.  One
	 * <p> is not structure: documentation generators wrap every cell's
	 * text in one. */
	uint8_t *holds = wn__xmalloc(n ? n : 1);
	memset(holds, 0, n ? n : 1);
	for (int32_t i = (int32_t)n - 1; i > 0; i--) {
		wn_node *x = &nodes[i];
		/* holds: 0, 1 or 2 = more than one <p> or other structure */
		unsigned h = holds[i] + (x->tag == GUMBO_TAG_P) +
		             2 * is_structure_tag(x->tag) + holds[x->parent];
		holds[x->parent] = (uint8_t)(h < 2 ? h : 2);
		if (holds[i] >= 2 && (x->tag == GUMBO_TAG_TD || x->tag == GUMBO_TAG_TH))
			x->flags |= WN_NF_LAYOUT;
	}
	free(holds);

	/* The <title>, whitespace collapsed, for dropping a repeated headline. */
	wn_buf t = {0};
	for (int32_t i = 0; i < d->n_nodes; i++)
		if (d->nodes[i].tag == GUMBO_TAG_TITLE) {
			wn__subtree_text(d, i, &t);
			break;
		}
	d->title = wn__arena_strndup(&d->arena, t.data ? t.data : "", t.len);
	wn__buf_free(&t);
	return WN_OK;
}

void wn__dom_free(wn_doc *d)
{
	if (d->gumbo) {
		GumboOptions go = kGumboDefaultOptions;
		go.allocator = gumbo_alloc;
		go.deallocator = gumbo_free;
		gumbo_destroy_output(&go, d->gumbo);
		d->gumbo = NULL;
	}
	free(d->nodes);
	d->nodes = NULL;
	free(d->blocks); /* blocks.c grows it with realloc */
	d->blocks = NULL;
}

/* Appends text, collapsing runs of white space to one space; *space says
 * whether the text so far ends in a space (or is empty). */
static void put_collapsed(wn_buf *b, const char *s, int *space)
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

void wn__walk_init(wn_walk *w, const wn_doc *d, int32_t root, uint16_t skip)
{
	*w = (wn_walk){.d = d, .i = root, .stop = d->nodes[root].end, .skip = skip};
}

int wn__walk_next(wn_walk *w, int32_t *node, int *leave)
{
	const wn_node *nodes = w->d->nodes;
	for (;;) {
		if (w->sp && nodes[w->stack[w->sp - 1]].end <= w->i) {
			*node = w->stack[--w->sp];
			*leave = 1;
			return 1;
		}
		if (w->i >= w->stop)
			return 0;
		int32_t i = w->i;
		const wn_node *x = &nodes[i];
		if (x->flags & w->skip) {
			w->i = x->end;
			continue;
		}
		w->i++;
		if (x->kind == WN_NODE_ELEMENT) {
			if (w->sp == w->cap) {
				w->cap = w->cap ? w->cap * 2 : 64;
				w->stack = wn__xrealloc(w->stack, w->cap * sizeof *w->stack);
			}
			w->stack[w->sp++] = i;
		}
		*node = i;
		*leave = 0;
		return 1;
	}
}

void wn__walk_skip(wn_walk *w)
{
	int32_t i = w->stack[--w->sp];
	w->i = w->d->nodes[i].end;
}

void wn__walk_free(wn_walk *w)
{
	free(w->stack);
	w->stack = NULL;
}

void wn__subtree_text(const wn_doc *d, int32_t root, wn_buf *buf)
{
	int space = 1;
	size_t start = buf->len;
	wn_walk w;
	int32_t i;
	int leave;
	wn__walk_init(&w, d, root, WN_NF_REMOVED);
	while (wn__walk_next(&w, &i, &leave)) {
		const wn_node *x = &d->nodes[i];
		if (x->kind == WN_NODE_ELEMENT) {
			if (i != root &&
			    ((x->flags & WN_NF_BLOCK) || x->tag == GUMBO_TAG_BR) &&
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
