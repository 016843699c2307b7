/*
 * internal.h -- what the stages of libwinnow share: the arena, the growable
 * buffer, the flat DOM, the blocks and the tuning table.  Not installed.
 */
#ifndef WINNOW_INTERNAL_H
#define WINNOW_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <gumbo.h>

#include "winnow.h"

/* ---- out of memory (the policy is in winnow.h) ---- */
_Noreturn void wn__oom(void);
void *wn__xmalloc(size_t n);
void *wn__xrealloc(void *p, size_t n);

/* ---- arena: per-document memory, freed at once ---- */
typedef struct wn_arena_chunk wn_arena_chunk;
typedef struct wn_arena {
	wn_arena_chunk *head;
	size_t total; /* bytes handed out, for limits and the benchmark */
} wn_arena;

void wn__arena_init(wn_arena *a);
void *wn__arena_alloc(wn_arena *a, size_t n);  /* 16-byte aligned, zeroed */
char *wn__arena_strndup(wn_arena *a, const char *s, size_t n);
void wn__arena_free(wn_arena *a);

/* ---- growable byte buffer, always NUL-terminated ---- */
typedef struct wn_buf {
	char *data;
	size_t len, cap;
} wn_buf;

void wn__buf_grow(wn_buf *b, size_t extra);
void wn__buf_put(wn_buf *b, const char *s, size_t n);
void wn__buf_puts(wn_buf *b, const char *s);
void wn__buf_putc(wn_buf *b, char c);
void wn__buf_printf(wn_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void wn__buf_free(wn_buf *b);

/* ---- the flat DOM ----
 * gumbo's tree copied into one array in document (pre-)order, so that the
 * subtree of node i is exactly nodes i+1 .. end-1: every stage walks it with
 * loops, never recursion, however deep the page nests. */
enum {
	WN_NODE_ELEMENT = 0,
	WN_NODE_TEXT = 1,       /* text and CDATA */
	WN_NODE_WHITESPACE = 2, /* text of spaces only */
};

enum {
	WN_NF_REMOVED = 1 << 0, /* never content: script, hidden ... (whole subtree) */
	WN_NF_BLOCK = 1 << 1,   /* block-level element: breaks lines */
	WN_NF_IN_LINK = 1 << 2, /* inside an <a href> */
	WN_NF_IN_PRE = 1 << 3,  /* inside <pre> (whitespace kept) */
	WN_NF_KEEP = 1 << 4,    /* selection: holds kept content */
	WN_NF_DROP = 1 << 5,    /* selection: rendered without this subtree */
	WN_NF_META = 1 << 6,    /* a byline or date line: metadata, not body */
	WN_NF_LAYOUT = 1 << 7,  /* a table cell holding paragraphs, headings,
	                         * lists or tables: page layout, not data */
	WN_NF_IN_ANCHOR = 1 << 8, /* inside an <a href="#..."> (within the page) */
};

typedef struct wn_node {
	GumboNode *g;   /* the gumbo node, for tag, attributes and text */
	int32_t parent; /* index, -1 for the root */
	int32_t end;    /* one past the last node of the subtree */
	int32_t block;  /* text nodes: their block's index, else -1 */
	uint16_t depth;  /* clamped at UINT16_MAX */
	uint16_t tag;    /* GumboTag, GUMBO_TAG_UNKNOWN for text */
	uint8_t kind;    /* WN_NODE_* */
	uint16_t flags;  /* WN_NF_* */
	int16_t hint;    /* class/id/role evidence of this element alone */
} wn_node;

/* Why a block was kept or dropped (select.c sets it; --explain prints it). */
enum {
	WN_WHY_OUTSIDE = 0, /* dropped: outside the article */
	WN_WHY_ARTICLE,     /* kept: inside the article */
	WN_WHY_SIBLING,     /* kept: in a sibling as good as the article */
	WN_WHY_FALLBACK,    /* kept: densest text of a page with no article */
	WN_WHY_LINKS,       /* dropped: mostly link text */
	WN_WHY_TEASER,      /* dropped: a teaser of another page */
	WN_WHY_HINT,        /* dropped: under boilerplate class/id/role */
	WN_WHY_PRUNED,      /* dropped: in a subtree that sums to boilerplate */
	WN_WHY_CAPTION,     /* dropped: a figure caption */
	WN_WHY_TITLE,       /* dropped: repeats the page title */
	WN_WHY_META,        /* dropped: a byline or date line (metadata) */
	WN_WHY_WEAK,        /* dropped: too little running text */
	WN_WHY_TAIL,        /* dropped: a heading after the article's end */
	WN_WHY_COUNT
};
const char *wn__why_string(int why);

/* ---- blocks: the units that are scored ---- */
enum {
	WN_BK_PARA = 0,
	WN_BK_HEADING,
	WN_BK_LIST_ITEM,
	WN_BK_CELL,
	WN_BK_PRE,
	WN_BK_QUOTE,
	WN_BK_CAPTION,
	WN_BK_OTHER,
};

typedef struct wn_block {
	int32_t container; /* nearest block-level ancestor element */
	int32_t first, last; /* first and last text node of the run */
	int32_t chars;      /* characters, spaces excluded */
	int32_t words;      /* words; CJK characters count one each */
	int32_t cjk;        /* characters of scripts written without spaces */
	int32_t link_chars; /* characters inside links */
	int32_t lead_link;  /* link characters before the first non-link one */
	int32_t punct;      /* , ; : and sentence ends */
	int32_t sentences;  /* . ! ? and CJK full stops */
	int32_t tags;       /* inline elements inside the run */
	int32_t hint;       /* class/id evidence of ancestors (score.c) */
	uint16_t depth;
	uint8_t kind;       /* WN_BK_* */
	uint8_t level;      /* heading level 1-6 */
	int32_t eff;        /* effective characters (see tuning.h) */
	float good;         /* goodness, -1..1: how much like running text */
	float score;        /* weight in selection: goodness times eff */
	uint8_t keep;
	uint8_t lead_done;  /* blocks.c: past the leading link */
	uint8_t teaser;     /* score.c: WN_TEASER_*, 0 if not a teaser */
	uint8_t reason;     /* WN_WHY_*: why kept or dropped */
} wn_block;

/* Teasers: summaries of other pages (score.c is_teaser) */
enum {
	WN_TEASER_LEAD = 1,       /* the block starts with its headline link */
	WN_TEASER_UNDER_HEADLINE, /* a short block under a linked heading */
	WN_TEASER_AFTER_LINK,     /* a short block after a block of one link */
};

/* ---- one document in the pipeline ---- */
typedef struct wn_doc {
	wn_arena arena; /* working memory, freed when the pipeline ends */
	wn_arena keep;  /* what the result keeps: metadata strings, notes */
	const wn_options *opt;
	GumboOutput *gumbo;
	const char *html; /* UTF-8 input as given to gumbo */
	size_t html_len;

	wn_node *nodes;
	int32_t n_nodes;
	int32_t body; /* index of <body>, or 0 */

	wn_block *blocks;
	int32_t n_blocks;
	int32_t *node_chars; /* effective characters in each node's subtree */
	int32_t *node_hint;  /* summed evidence from the root down to each node */

	const char *title; /* <title> text, collapsed (arena), or "" */
	wn_metadata meta;  /* metadata.c; strings in keep */
	int has_article;   /* selection found a clear article */
	int has_kept;      /* selection kept at least one block */
	int truncated;     /* the output was cut at max_output */
	int32_t article;   /* the chosen content root, or -1 */

	/* notes for the user, see wn_result_message() */
	const char **msgs;
	size_t n_msgs, cap_msgs;
} wn_doc;

void wn__note(wn_doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---- the stages, in pipeline order; each returns a wn_status ---- */
/* dom.c: parses with gumbo and flattens into d->nodes; wn__dom_free frees
 * what is not in the arena: gumbo's tree, the nodes and the blocks */
wn_status wn__dom_build(wn_doc *d);
void wn__dom_free(wn_doc *d);
/* clean.c: marks never-content subtrees, computes class/id hints */
void wn__clean(wn_doc *d);
/* blocks.c: splits into blocks and measures each */
void wn__blocks(wn_doc *d);
/* score.c: scores every block; again for a page with no article, where
 * teasers are the content (select.c calls it) */
void wn__score(wn_doc *d);
void wn__score_listing(wn_doc *d);
/* select.c: picks the content blocks and marks nodes KEEP/DROP */
void wn__select(wn_doc *d);
/* render_text.c, render_md.c: append the kept content to out */
void wn__render_text(const wn_doc *d, wn_buf *out);
void wn__render_markdown(const wn_doc *d, wn_buf *out);
/* metadata.c: reads the page's metadata into d->meta (strings in d->keep)
 * and marks byline and date lines that sit in the content WN_NF_META. */
void wn__metadata(wn_doc *d);
/* metadata_date.c: a date as pages write it ("2017-12-04T10:00:00+01:00",
 * "4 December 2017", "Dec 4, 2017", "04.12.2017", "2017年12月4日") in ISO
 * 8601, written to iso[WN_DATE_MAX].  parse reads one at the start of s and
 * returns the bytes it read (0: no date); find looks anywhere in s and
 * returns where the first date starts, or NULL. */
#define WN_DATE_MAX 32
size_t wn__date_parse(const char *s, size_t n, char *iso);
const char *wn__date_find(const char *s, size_t n, char *iso);

/* render_json.c: the JSON object of d->meta with the rendered body */
void wn__render_json(const wn_doc *d, const char *body, size_t body_len,
                     wn_buf *out);
/* render_json.c: metadata before the body (--metadata): YAML front matter
 * for Markdown, "Title: ..." lines and a blank line for text */
void wn__render_meta_header(const wn_doc *d, wn_buf *out);
/* explain.c: one line per block with its features and decision */
void wn__render_explain(const wn_doc *d, int tsv, wn_buf *out);
/* annotate.c: the page as HTML with blocks outlined by decision */
void wn__render_annotate(const wn_doc *d, wn_buf *out);

/* ---- helpers shared by stages ---- */
const char *wn__attr(const wn_node *n, const char *name); /* NULL if absent */
/* An element's tag name: gumbo's for known tags, else the name as written
 * (custom elements, <annotation>), lower-cased into buf[cap]; NULL if it
 * has none usable.  The string is static or buf. */
const char *wn__tag_name(const wn_node *x, char *buf, size_t cap);
int wn__is_block_tag(int tag);
/* Decodes one UTF-8 sequence at s (len > 0 bytes left); returns its length
 * and stores the code point (U+FFFD for an invalid sequence) in *cp. */
int wn__utf8_next(const char *s, size_t len, int32_t *cp);
int wn__is_space_cp(int32_t cp);
int wn__is_cjk_cp(int32_t cp);
/* The HTML spec's ASCII white space (space, tab, LF, FF, CR). */
int wn__is_html_space(unsigned char c);
/* Whether a[0..n) equals lower[0..n) ignoring ASCII case; lower must be
 * lower-case. */
int wn__ascii_ieq(const char *a, const char *lower, size_t n);

/* An iterative walk over the subtree of one node: each element is seen
 * twice, entering (leave = 0) and after its subtree (leave = 1); text
 * nodes once.  Subtrees of nodes with any of `skip` flags are passed over.
 *   wn_walk w; wn__walk_init(&w, d, root, WN_NF_REMOVED);
 *   while (wn__walk_next(&w, &i, &leave)) ...;  wn__walk_free(&w); */
typedef struct wn_walk {
	const wn_doc *d;
	int32_t *stack;
	size_t sp, cap;
	int32_t i, stop;
	uint16_t skip;
} wn_walk;
void wn__walk_init(wn_walk *w, const wn_doc *d, int32_t root, uint16_t skip);
int wn__walk_next(wn_walk *w, int32_t *node, int *leave);
/* After entering an element: pass over its subtree (no leave event). */
void wn__walk_skip(wn_walk *w);
void wn__walk_free(wn_walk *w);

/* Iterates the text of the subtree of node i into buf, whitespace collapsed,
 * skipping removed nodes (used for titles, headings and comparisons). */
void wn__subtree_text(const wn_doc *d, int32_t i, wn_buf *buf);
char *wn__url_resolve(wn_arena *a, const char *base, const char *ref);

/* input.c / unicode.c */
/* Unicode hygiene of rendered text from out->data + from to the end, in
 * place: NFC, U+FFFD for invalid sequences, unwanted control and format
 * characters dropped (tab, newline, ZWJ, ZWNJ kept), spaces of category
 * Zs made ' ', U+2028/2029 made '\n'. */
void wn__text_clean(wn_buf *out, size_t from);

#endif /* WINNOW_INTERNAL_H */
