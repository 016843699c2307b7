/*
 * dom.c -- parses with gumbo and copies the tree into wn__doc.nodes, one
 * array in document order (see doc.h), with a loop and an explicit stack
 * so that a page nested 100,000 deep costs no C stack.
 */
#include <stdlib.h>
#include <string.h>

#include "base/tags.h"
#include "stages.h"

/* gumbo's tree lives in the document's parse pool (base/mem.h): gumbo
 * makes an allocation or more per node, attribute and string (30 per KiB
 * of page), and the pool's free lists and one free of the whole cost less
 * than malloc's bookkeeping and gumbo's walk of the tree to free it (a
 * tenth of all instructions before).  Out of memory follows winnow.h's
 * policy. */
static void *gumbo_alloc(void *ud, size_t n)
{
	return wn__pool_alloc(ud, n);
}

static void gumbo_free(void *ud, void *p)
{
	wn__pool_give(ud, p);
}

/* Flags a node passes on to its subtree. */
enum { INHERITED = WN__NF_IN_LINK | WN__NF_IN_ANCHOR | WN__NF_IN_PRE };

/* What an element starts for its subtree: a link (away from the page or
 * within it: headings linking to themselves, tables of contents,
 * footnotes) or preformatted text. */
static uint16_t starts(GumboNode *g)
{
	int tag = g->v.element.tag;
	uint16_t fl = wn__tag_is(tag, WN__TC_PRE) ? WN__NF_IN_PRE : 0;
	if (tag == GUMBO_TAG_A) {
		wn__node tmp = {.g = g, .kind = WN__NODE_ELEMENT};
		const char *href = wn__attr(&tmp, "href");
		if (href)
			fl |= href[0] == '#' ? WN__NF_IN_ANCHOR : WN__NF_IN_LINK;
	}
	return fl;
}

/* Past max_depth, an inline element has no node of its own, and a
 * block-level one a node under the ancestor at max_depth that holds its
 * text up to the next block-level element inside it (a segment): the text
 * stays flat, and each block-level element still starts and ends a block
 * (blocks.c) and a line (the renderers). */
typedef struct frame {
	GumboNode *g;
	int32_t index;  /* our node, or a segment's; once a segment is closed
	                 * by one inside it, the ancestor at max_depth */
	unsigned child; /* next gumbo child to visit */
	uint16_t flags; /* the INHERITED flags for the children */
	size_t seg;     /* the frame whose index the children go under: this
	                 * one, or for an inline element past max_depth, the
	                 * one its parent's go under */
} frame;

/* Pushes f on the copy's explicit stack. */
static void push(frame **stack, size_t *cap, size_t *sp, frame f)
{
	WN__GROW(*stack, *cap, *sp + 1, 64);
	(*stack)[(*sp)++] = f;
}

void wn__dom_build(wn__doc *d)
{
	GumboOptions go = kGumboDefaultOptions;
	go.allocator = gumbo_alloc;
	go.deallocator = gumbo_free;
	go.userdata = &d->parse;
	go.max_errors = 0; /* we never read parse errors; do not keep them */
	d->gumbo = gumbo_parse_with_options(&go, d->html, d->html_len);

	size_t cap = 0, n = 0;
	wn__node *nodes = NULL;
	WN__ARENA_GROW(&d->arena, nodes, cap, 1, 1024);
	size_t scap = 0, sp = 0;
	frame *stack = NULL;

	/* node 0: the document */
	nodes[0] = (wn__node){.g = d->gumbo->document,
	                      .parent = -1,
	                      .block = -1,
	                      .tag = GUMBO_TAG_UNKNOWN,
	                      .kind = WN__NODE_ELEMENT};
	n = 1;
	push(&stack, &scap, &sp, (frame){d->gumbo->document, 0, 0, 0, 0});
	unsigned max_depth = d->opt->max_depth; /* at most WN_MAX_DEPTH */
	size_t flattened = 0;

	while (sp) {
		frame *f = &stack[sp - 1];
		const GumboVector *kids = f->g->type == GUMBO_NODE_DOCUMENT
		                                  ? &f->g->v.document.children
		                                  : &f->g->v.element.children;
		if (f->child >= kids->length) {
			if (f->seg == sp - 1)
				nodes[f->index].end = (int32_t)n;
			sp--;
			continue;
		}
		GumboNode *g = kids->data[f->child++];
		uint8_t kind;
		switch (g->type) {
		case GUMBO_NODE_ELEMENT:
		case GUMBO_NODE_TEMPLATE: kind = WN__NODE_ELEMENT; break;
		case GUMBO_NODE_TEXT:
		case GUMBO_NODE_CDATA: kind = WN__NODE_TEXT; break;
		case GUMBO_NODE_WHITESPACE: kind = WN__NODE_WHITESPACE; break;
		default: continue; /* comments */
		}
		size_t seg = f->seg;
		int32_t parent = stack[seg].index;
		uint16_t inherited = f->flags;
		if (kind == WN__NODE_ELEMENT && nodes[parent].depth >= max_depth &&
		    !wn__tag_is(g->v.element.tag, WN__TC_VOID | WN__TC_RAWTEXT)) {
			/* Too deep: its children become the children of the
			 * ancestor at max_depth (or of a segment under it), so
			 * that their text stays where it was (winnow.h,
			 * max_depth).  A void element, with no children, keeps
			 * its node: a <br> its line break; so does one of raw
			 * text, whose one child is its text: a script's code or
			 * a style sheet stays out of the page's text, and a
			 * JSON-LD script is there for the metadata. */
			int t = g->v.element.tag;
			/* the rest of what clean.c removes whatever it holds (a
			 * template's markup, a control's options, an SVG's
			 * labels) goes here, with its subtree; a <noscript> and
			 * a <button> can be read, and the head holds the
			 * metadata (max_depth 1): they flatten */
			if (wn__tag_is(t, WN__TC_REMOVED) && t != GUMBO_TAG_NOSCRIPT &&
			    t != GUMBO_TAG_BUTTON && t != GUMBO_TAG_HEAD)
				continue;
			flattened++;
			if (!wn__tag_is(t, WN__TC_BLOCK) || t == GUMBO_TAG_HEAD ||
			    t == GUMBO_TAG_BODY) { /* (max_depth 1 or 2) */
				push(&stack, &scap, &sp,
				     (frame){g, -1, 0, inherited | starts(g), seg});
				continue;
			}
			int32_t top = nodes[parent].depth > max_depth ? nodes[parent].parent : parent;
			if (parent != top) {
				/* the segment it is in ends here (and goes if it
				 * holds nothing: the empty rows and cells of nested
				 * tables would still take their columns); the rest
				 * of that element's text goes under the ancestor */
				if (n == (size_t)parent + 1)
					n--;
				else
					nodes[parent].end = (int32_t)n;
				stack[seg].index = top;
				parent = top;
			}
		}
		if (n == cap && cap > (size_t)INT32_MAX / 2)
			break; /* cannot index more; the rest is not read */
		WN__ARENA_GROW(&d->arena, nodes, cap, n + 1, 1024);
		wn__node *x = &nodes[n];
		const wn__node *p = &nodes[parent];
		*x = (wn__node){.g = g,
		                .parent = parent,
		                .end = (int32_t)n + 1,
		                .block = -1,
		                .kind = kind,
		                .tag = GUMBO_TAG_UNKNOWN};
		x->depth = p->depth == UINT16_MAX ? UINT16_MAX : p->depth + 1;
		x->flags = inherited;
		if (kind == WN__NODE_ELEMENT) {
			x->tag = (uint16_t)g->v.element.tag;
			if (wn__tag_is(x->tag, WN__TC_BLOCK))
				x->flags |= WN__NF_BLOCK;
			x->flags |= starts(g);
			if (x->tag == GUMBO_TAG_BODY && !d->body)
				d->body = (int32_t)n;
			push(&stack, &scap, &sp, (frame){g, (int32_t)n, 0, x->flags & INHERITED, sp});
		}
		n++;
	}
	while (sp--) /* only after an early stop */
		if (stack[sp].seg == sp)
			nodes[stack[sp].index].end = (int32_t)n;
	free(stack);
	/* children come after their parent: one backward pass marks every
	 * inline ancestor of a block up to the nearest block */
	for (size_t i = n; i-- > 1;) {
		wn__node *p = &nodes[nodes[i].parent];
		if ((nodes[i].flags & (WN__NF_BLOCK | WN__NF_BOX)) && p->kind == WN__NODE_ELEMENT &&
		    !(p->flags & WN__NF_BLOCK) && p->tag != GUMBO_TAG_BODY &&
		    p->tag != GUMBO_TAG_HTML)
			p->flags |= WN__NF_BOX;
	}
	d->nodes = nodes;
	d->n_nodes = (int32_t)n;
	if (flattened)
		wn__note(&d->notes,
		         "limit: %zu elements nested deeper than %u read "
		         "as part of their ancestor (max_depth)",
		         flattened, max_depth);
}

void wn__dom_free(wn__doc *d)
{
	wn__pool_free(&d->parse);
	d->gumbo = NULL;
}
