/*
 * core.h -- what the renderers share (after cmark's render.c): the walk
 * over the kept content with selection's rules, the white space owed
 * between pieces of output, white space collapsed as a browser does, and
 * the closing newline.  A renderer supplies what an element, a text and a
 * character become in its format.
 */
#ifndef WINNOW_RENDER_CORE_H
#define WINNOW_RENDER_CORE_H

#include "doc.h"

typedef struct wn__render_ops {
	/* An element of the kept content's walk, entered: it may call
	 * wn__walk_skip(w) to pass over the subtree.  Elements selection did
	 * not mark WN__NF_KEEP come here too (a renderer may want their
	 * images or their column). */
	void (*enter)(void *ctx, wn__walk *w, int32_t i);
	/* ... and left (not after a skip). */
	void (*leave)(void *ctx, int32_t i);
	/* A text node of a kept block. */
	void (*text)(void *ctx, int32_t i, const char *text);
} wn__render_ops;

/* Walks the whole document but the subtrees removed by cleaning or
 * dropped by selection, calling ops in document order. */
void wn__render_walk(const wn__doc *d, const wn__render_ops *ops, void *ctx);
/* Whether text node x belongs to a kept block. */
int wn__render_is_kept(const wn__doc *d, const wn__node *x);

/* The white space owed before the next content. */
typedef struct wn__owed {
	int breaks; /* line breaks: 1 a new line, 2 a blank line */
	int space;  /* a space */
} wn__owed;

static inline void wn__owe_breaks(wn__owed *o, int n)
{
	if (n > o->breaks)
		o->breaks = n;
}

/* For each character of t that is not white space, put(ctx, t, i, len,
 * cp, k): code point cp of k bytes at t[i], t being len bytes long; each
 * run of white space sets o->space instead. */
typedef void (*wn__put_char)(void *ctx, const char *t, size_t i, size_t len, int32_t cp, int k);
void wn__render_collapse(const char *t, wn__owed *o, wn__put_char put, void *ctx);

/* Ends what was written to out since start with exactly one newline, or
 * with nothing when only white space was. */
void wn__render_close(wn__buf *out, size_t start);

/* c into out as HTML text: & < > as references (the plain renderings of
 * recovered text and of comments in -f html). */
void wn__render_html_char(wn__buf *out, char c);

/* ---- pick.c: what the renderers read from the page beyond its text ---- */
/* The kept text of root's subtree into b: verbatim for <pre> (its first
 * newline dropped, <br> a newline), else white space collapsed. */
void wn__render_gather(const wn__doc *d, int32_t root, int pre, wn__buf *b);
/* Whether image i goes with the kept content (images are not text, so
 * selection does not mark them). */
int wn__render_image_is_kept(const wn__doc *d, int32_t i);
/* A cell's colspan, 1 to 64. */
int wn__render_colspan(const wn__node *x);
/* Whether table t lays out the page (its cells are paragraphs) rather
 * than holding data; *ncols gets the data columns. */
int wn__render_is_layout_table(const wn__doc *d, int32_t t, int *ncols);
/* The language of the code block pre, as a fence's info string, into
 * out[cap] ("" if it says none): from the markup's conventions, else
 * from the block that labels it (see wn__render_code_labels). */
void wn__render_code_lang(const wn__doc *d, int32_t pre, char *out, size_t cap);
/* The kept blocks that only label a code block with its language (a "js"
 * above MDN's examples), marked in an array of d->n_blocks (malloc'd, the
 * caller frees it), or NULL if there are none: Markdown and HTML write the
 * language as the block's info string or class instead. */
uint8_t *wn__render_code_labels(const wn__doc *d);
/* Image i's source as written in the page: src, else data-src (lazy
 * loading), else the largest candidate of srcset, data-srcset, or those
 * of a <picture>'s first <source>; data: URLs (placeholders) never.  NULL
 * when it has none; copies come from arena a. */
const char *wn__render_image_src(const wn__doc *d, int32_t i, wn__arena *a);
/* Link x's href as written (spaces before it skipped), or NULL when it
 * leads nowhere: none, empty, or within the page ("#..."). */
const char *wn__render_link_target(const wn__node *x);
/* 0 for a URL that runs script or holds data (javascript:, vbscript:,
 * data:, however spelt), which no output writes. */
int wn__render_url_is_safe(const char *u);

#endif
