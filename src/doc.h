/*
 * doc.h -- the document model every stage of libwinnow works on: the flat
 * DOM (gumbo's tree as one array), the blocks of text that are scored, and
 * the per-document state, with the helpers that read them (node.c).  The
 * stages' entry points are in stages.h; the support layer is base/.
 * Not installed.
 */
#ifndef WINNOW_DOC_H
#define WINNOW_DOC_H

#include <stddef.h>
#include <stdint.h>

#include <gumbo.h>

#include "base/buf.h"
#include "base/mem.h"
#include "base/note.h"
#include "winnow.h"

/* ---- the flat DOM ----
 * gumbo's tree copied into one array in document (pre-)order, so that the
 * subtree of node i is exactly nodes i+1 .. end-1: every stage walks it with
 * loops, never recursion, however deep the page nests. */
enum {
	WN__NODE_ELEMENT = 0,
	WN__NODE_TEXT = 1,       /* text and CDATA */
	WN__NODE_WHITESPACE = 2, /* text of spaces only */
};

enum {
	WN__NF_REMOVED = 1 << 0,   /* never content: script, hidden ... (whole subtree) */
	WN__NF_BLOCK = 1 << 1,     /* block-level element: breaks lines */
	WN__NF_IN_LINK = 1 << 2,   /* inside an <a href> */
	WN__NF_IN_PRE = 1 << 3,    /* inside <pre> (whitespace kept) */
	WN__NF_KEEP = 1 << 4,      /* selection: holds kept content */
	WN__NF_DROP = 1 << 5,      /* selection: rendered without this subtree */
	WN__NF_META = 1 << 6,      /* a byline or date line: metadata, not body */
	WN__NF_LAYOUT = 1 << 7,    /* a table cell holding paragraphs, headings,
	                         * lists or tables: page layout, not data */
	WN__NF_IN_ANCHOR = 1 << 8, /* inside an <a href="#..."> (within the page) */
	WN__NF_BOX = 1 << 9,       /* an inline element holding block-level ones (a
	                         * link around a whole card): the tallies count
	                         * the text directly in it as its own */
	WN__NF_PITCH = 1 << 10,    /* its name's only bad words are a landing
	                         * page's parts: "banner", "promo" (clean.c) */
	WN__NF_CONVO = 1 << 11,    /* ... or a conversation's: "comment", "reply" */
};

typedef struct wn__node {
	GumboNode *g;   /* the gumbo node, for tag, attributes and text */
	int32_t parent; /* index, -1 for the root */
	int32_t end;    /* one past the last node of the subtree */
	int32_t block;  /* text nodes: their block's index, else -1 */
	uint16_t depth; /* clamped at UINT16_MAX */
	uint16_t tag;   /* GumboTag, GUMBO_TAG_UNKNOWN for text */
	uint8_t kind;   /* WN__NODE_* */
	uint16_t flags; /* WN__NF_* */
	int16_t hint;   /* class/id/role evidence of this element alone */
} wn__node;

/* Why a block was kept or dropped (select.c sets it; --explain prints it). */
enum {
	WN__WHY_OUTSIDE = 0, /* dropped: outside the article */
	WN__WHY_ARTICLE,     /* kept: inside the article */
	WN__WHY_SIBLING,     /* kept: in a sibling as good as the article */
	WN__WHY_FALLBACK,    /* kept: densest text of a page with no article */
	WN__WHY_LINKS,       /* dropped: mostly link text */
	WN__WHY_TEASER,      /* dropped: a teaser of another page */
	WN__WHY_HINT,        /* dropped: under boilerplate class/id/role */
	WN__WHY_PRUNED,      /* dropped: in a subtree that sums to boilerplate */
	WN__WHY_CAPTION,     /* dropped: a figure caption */
	WN__WHY_TITLE,       /* dropped: repeats the page title */
	WN__WHY_META,        /* dropped: a byline or date line (metadata) */
	WN__WHY_WEAK,        /* dropped: too little running text */
	WN__WHY_TAIL,        /* dropped: a heading after the article's end */
	WN__WHY_REGION,      /* kept: in the page's main region (region mode) */
	WN__WHY_CHROME,      /* dropped: in the page's chrome (region mode) */
	WN__WHY_COMMENT,     /* dropped: in the comment section (comments option) */
	WN__WHY_LEFT,        /* dropped: only labels or a JavaScript notice were kept */
	WN__WHY_REPEAT,      /* dropped: repeats a run of text kept above it */
	WN__WHY_EMPTY,       /* dropped: a heading whose section was all dropped */
	WN__WHY_TICKER,      /* dropped: one short phrase over and over */
	WN__WHY_COUNT
};
const char *wn__why_string(int why);

/* ---- blocks: the units that are scored ---- */
enum {
	WN__BK_PARA = 0,
	WN__BK_HEADING,
	WN__BK_LIST_ITEM,
	WN__BK_CELL,
	WN__BK_PRE,
	WN__BK_QUOTE,
	WN__BK_CAPTION,
	WN__BK_OTHER,
};

typedef struct wn__block {
	int32_t container;   /* nearest block-level ancestor element */
	int32_t first, last; /* first and last text node of the run */
	int32_t chars;       /* characters, spaces excluded */
	int32_t words;       /* words; CJK characters count one each */
	int32_t cjk;         /* characters of scripts written without spaces */
	int32_t link_chars;  /* characters inside links */
	int32_t lead_link;   /* link characters before the first non-link one */
	int32_t punct;       /* , ; : and sentence ends */
	int32_t sentences;   /* . ! ? and CJK full stops */
	int32_t tags;        /* inline elements inside the run */
	int32_t hint;        /* class/id evidence of ancestors (score.c) */
	uint16_t depth;
	uint8_t kind;  /* WN__BK_* */
	uint8_t level; /* heading level 1-6 */
	int32_t eff;   /* effective characters (see tuning.h) */
	float good;    /* goodness, -1..1: how much like running text */
	float score;   /* weight in selection: goodness times eff */
	uint8_t keep;
	uint8_t lead_done; /* blocks.c: past the leading link */
	uint8_t teaser;    /* score.c: WN__TEASER_*, 0 if not a teaser */
	uint8_t ticker;    /* score.c: one short phrase over and over */
	uint8_t reason;    /* WN__WHY_*: why kept or dropped */
} wn__block;

/* Quoted, tabular and code text repeats by right: a reply quotes the post
 * it answers, a table's rows repeat their values, posts paste the same
 * error (score.c's ticker test, select/repeats.c's copies). */
static inline int wn__block_repeats_by_right(const wn__block *b)
{
	return b->kind == WN__BK_QUOTE || b->kind == WN__BK_CELL || b->kind == WN__BK_PRE;
}

/* Teasers: summaries of other pages (score.c is_teaser) */
enum {
	WN__TEASER_LEAD = 1,       /* the block starts with its headline link */
	WN__TEASER_UNDER_HEADLINE, /* a short block under a linked heading */
	WN__TEASER_AFTER_LINK,     /* a short block after a block of one link */
};

typedef struct wn__teaser_counts wn__teaser_counts; /* select.c */

/* What the page's own data says it is (schema.org types in JSON-LD and
 * microdata, og:type): soft evidence for the page kind (metadata sets it,
 * kind.c weighs it). */
enum {
	WN__SCHEMA_ARTICLE = 1 << 0,    /* Article, NewsArticle, BlogPosting ... */
	WN__SCHEMA_FORUM = 1 << 1,      /* DiscussionForumPosting, QAPage, Question */
	WN__SCHEMA_PRODUCT = 1 << 2,    /* Product, ProductGroup, Offer */
	WN__SCHEMA_LIST = 1 << 3,       /* ItemList, CollectionPage, SearchResultsPage */
	WN__SCHEMA_DOCS = 1 << 4,       /* TechArticle, APIReference, SoftwareSourceCode */
	WN__SCHEMA_SERVICE = 1 << 5,    /* Service, LocalBusiness, Organization only */
	WN__SCHEMA_JOB = 1 << 6,        /* JobPosting */
	WN__SCHEMA_OG_ARTICLE = 1 << 7, /* og:type "article" alone */
};

/* What the kind classifier read (kind.c; --explain prints it), as shares
 * of the page's text where it can, so that a page's size does not decide. */
/* What the kind stage reads beside the structure: whether the page is
 * signed, and how much of it is made like a landing page (kind.c). */
typedef struct wn__cues {
	int author, date;     /* the metadata has a byline, a publication date */
	int undated;          /* no date anywhere: metadata, <time>, date lines */
	int shows_date;       /* a <time> or a date line in the body */
	double short_share;   /* text in short blocks without links */
	double heading_share; /* text in headings */
	int32_t features;     /* groups of alike units with headings, not links */
	int32_t sections;     /* <section> elements that hold a heading */
	int32_t calls;        /* links and buttons that call to act (kind.c) */
} wn__cues;

typedef struct wn__evidence {
	double prose, links, code; /* shares of the body's text */
	double prose_per_heading;  /* running text per heading */
	int32_t headings;
	int32_t run;          /* the longest run of running text */
	int32_t posts;        /* members of the posts group with both a
	                             * time and running text */
	double posts_share;   /* the posts group's share of the text */
	double article_prose; /* running text of the best subtree outside
	                             * the posts, as a share of the text */
	int32_t article_run;  /* the longest run outside the posts */
	int32_t priced;       /* members of the priced group with a price */
	double priced_share;  /* the priced group's share of the text */
	int32_t group;        /* members of the largest group */
	double group_linked, group_headed, group_share;
	int32_t text;
	int buy, article;
	unsigned schema;
	wn__cues cues;
} wn__evidence;

/* Where the content came from (recovery, winnow.c). */
enum {
	WN__SRC_DOM = 0,  /* the page as parsed */
	WN__SRC_NOSCRIPT, /* <noscript> content read as markup */
	WN__SRC_HIDDEN,   /* wrappers hidden until a script runs, shown */
	WN__SRC_JSONLD,   /* JSON-LD articleBody, text or description */
	WN__SRC_META,     /* the meta description */
};
/* What a first pass over the page may recover from (clean.c counts). */
enum {
	WN__RECOVER_NOSCRIPT = 1 << 0, /* read <noscript> as markup */
	WN__RECOVER_HIDDEN = 1 << 1,   /* show large hidden wrappers */
	WN__RECOVER_PARTS = 1 << 2,    /* ... and every hidden part at the body's top */
};

/* What a subtree holds (shape.c): blocks, effective characters, link
 * characters, blocks with a link, characters of running text, headings,
 * h1s, characters of code, prices, <time> elements, date lines. */
typedef struct wn__tally {
	int32_t blocks, chars, links, link_blocks, prose;
	int32_t headings, h1, code, prices, times;
	int32_t dates;   /* short blocks that are or hold a date ("2 days ago") */
	int32_t replies; /* headings that answer another's ("Re: ...") */
} wn__tally;

/* ---- one document in the pipeline ----
 * Memory: everything a stage allocates for the document comes from
 * d->arena, freed when the extraction ends, or from d->keep, which the
 * result takes over; gumbo's tree lives in d->parse, freed with them
 * (wn__dom_free).  The short-lived stacks of one walk are malloc'd and
 * freed by that walk. */
typedef struct wn__doc {
	wn__arena arena; /* working memory, freed when the pipeline ends */
	wn__arena keep;  /* what the result keeps: metadata strings, notes */
	const wn_options *opt;
	wn__pool parse; /* gumbo's tree (dom.c), freed by wn__dom_free */
	GumboOutput *gumbo;
	const char *html; /* UTF-8 input as given to gumbo */
	size_t html_len;
	/* input/guard.c skips the bodies no stage reads (scripts, style
	 * sheets, SVG, templates, noscripts: see there); the bytes it skipped,
	 * which the driver asks before it counts what recovery decides by. */
	size_t skipped;
	size_t mended;   /* guard.c: raw text elements left open in a noscript,
	                * ended with it */
	int keep_markup; /* the guard skips no body (tests compare with it) */

	wn__node *nodes;
	int32_t n_nodes;
	int32_t body; /* index of <body>, or 0 */

	wn__block *blocks;
	int32_t n_blocks;
	int32_t *node_chars;        /* score.c: effective characters in each subtree */
	int32_t *node_hint;         /* score.c: evidence summed from the root down */
	float *node_sum;            /* select.c: block weights summed over each subtree */
	wn__tally *tally;           /* kind.c: what each subtree holds */
	wn__teaser_counts *teasers; /* select.c: teaser counts of each subtree */

	const char *title;                   /* <title> text, collapsed (arena), or "" */
	wn_metadata meta;                    /* metadata.c; strings in keep */
	unsigned schema;                     /* metadata: WN__SCHEMA_* the page declares */
	const char *data_text;               /* metadata: JSON-LD articleBody or text (keep) */
	const char *data_about;              /* metadata: JSON-LD or meta description (keep) */
	unsigned recover;                    /* this pass reads WN__RECOVER_* sources */
	int source;                          /* winnow.c: WN__SRC_* of the content */
	int kind;                            /* kind.c: a wn_kind, never WN_KIND_AUTO */
	int mode;                            /* kind.c: the wn_kind whose mode reads the
	                                      * page: its kind, or the kind its
	                                      * structure reads as (kind.c, classify) */
	wn__evidence evidence;               /* kind.c: what it was decided from */
	int32_t posts, records;              /* kind.c: parents of the posts and the
	                                 * records groups, or -1 */
	uint32_t posts_shape, records_shape; /* ... and their members' shape */
	double kind_confidence;              /* kind.c: 0..1 */
	size_t noscript_text;                /* clean.c: text bytes inside <noscript> */
	size_t hidden_text;                  /* clean.c: text bytes of the largest hidden subtree */
	size_t hidden_wrap;                  /* clean.c: ... of the largest one at the body's top
	                         * (a streaming container, a wrapper shown by script) */
	size_t hidden_parts;                 /* clean.c: ... of all those there hidden by the
	                         * attribute (the parts a page is streamed in) */
	int has_article;                     /* selection found a clear article */
	int has_kept;                        /* selection kept at least one block */
	int truncated;                       /* the output was cut at max_output */
	int32_t article;                     /* the chosen content root, or -1 */

	wn__notes notes;      /* for the user, see wn_result_message(); in keep */
	wn_comment *comments; /* select/comments.c: in keep (comments option) */
	size_t n_comments, comments_cap;
} wn__doc;

/* shape.c: the signature under which repeated units are alike (tag,
 * class tokens without digits, first child's tag), never 0; the same
 * without the first child (0 for an element with no class); whether
 * s[0..n) reads as a price; and the tallies of every subtree (in the
 * arena). */
uint32_t wn__shape(const wn__doc *d, int32_t i);
uint32_t wn__shape_skin(const wn__doc *d, int32_t i);
int wn__is_price(const char *s, size_t n);
wn__tally *wn__tally_build(wn__doc *d);

/* doc.c: a document's life: its arenas and notes set up for the options
 * o (normalised; kept by pointer), and everything freed but gumbo's tree
 * (wn__dom_free) and what the result took over. */
void wn__doc_init(wn__doc *d, const wn_options *o);
void wn__doc_free(wn__doc *d);

/* ---- reading the flat DOM (node.c) ---- */
/* An element's attribute by its name (lower-case, as gumbo gives names);
 * NULL if absent or n is not an element. */
const char *wn__attr(const wn__node *n, const char *name);
/* The next token of a white-space separated list at p (a class, a list
 * of ids): its start, its end in *end; NULL when none is left. */
const char *wn__token(const char *p, const char **end);
/* The next element sibling of element i that has its tag, after sibling c
 * (-1: from the first); -1 when none is left or *budget element siblings
 * have been looked at, which it counts down: a scan beside an element
 * stays bounded on a parent of thousands of children. */
int32_t wn__next_of_tag(const wn__doc *d, int32_t i, int32_t c, int *budget);
/* Whether an inline style s[0..n) hides its element: display:none or
 * visibility:hidden (in any case, white space aside, within its first 255
 * characters).  Cleaning asks it, and the guard, which keeps only the
 * style attributes that do. */
int wn__style_hides(const char *s, size_t n);
/* An element's tag name: gumbo's for known tags, else the name as written
 * (custom elements, <annotation>), lower-cased into buf[cap]; NULL if it
 * has none usable.  The string is static or buf. */
const char *wn__tag_name(const wn__node *x, char *buf, size_t cap);

/* An iterative walk over the subtree of one node: each element is seen
 * twice, entering (leave = 0) and after its subtree (leave = 1); text
 * nodes once.  Subtrees of nodes with any of `skip` flags are passed over.
 *   wn__walk w; wn__walk_init(&w, d, root, WN__NF_REMOVED);
 *   while (wn__walk_next(&w, &i, &leave)) ...;  wn__walk_free(&w); */
typedef struct wn__walk {
	const wn__doc *d;
	int32_t *stack;
	size_t sp, cap;
	int32_t i, stop;
	uint16_t skip;
} wn__walk;
void wn__walk_init(wn__walk *w, const wn__doc *d, int32_t root, uint16_t skip);
int wn__walk_next(wn__walk *w, int32_t *node, int *leave);
/* After entering an element: pass over its subtree (no leave event). */
void wn__walk_skip(wn__walk *w);
void wn__walk_free(wn__walk *w);

/* Iterates the text of the subtree of node i into buf, whitespace collapsed,
 * skipping removed nodes (used for titles, headings and comparisons). */
void wn__subtree_text(const wn__doc *d, int32_t i, wn__buf *buf);

#endif /* WINNOW_DOC_H */
