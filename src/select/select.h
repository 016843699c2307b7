/*
 * select.h -- what the files of the selection stage share.  The stage
 * picks the content blocks: select.c runs the mode for the page's kind,
 * each mode a file of its own; common.c holds what they share.
 */
#ifndef WINNOW_SELECT_H
#define WINNOW_SELECT_H

#include "stages.h"

/* ---- common.c ---- */
/* Whether heading block b repeats the page's <title> (the headline is
 * metadata). */
int wn__sel_is_title(const wn__doc *d, const wn__block *b);
/* Keeps block b for the reason why (WN__WHY_*). */
void wn__sel_keep(wn__doc *d, wn__block *b, int why);
/* Marks the nodes of kept blocks WN__NF_KEEP for the renderers, and sets
 * d->has_kept. */
void wn__sel_mark_kept(wn__doc *d);
/* The share of b's text that may be link text before b is navigation. */
double wn__sel_link_limit(const wn__doc *d, const wn__block *b);
/* Whether node i lies in a subtree marked DROP below root. */
int wn__sel_in_dropped(const wn__doc *d, int32_t i, int32_t root);
/* Whether node i lies in a subtree removed by cleaning, below root. */
int wn__sel_in_removed(const wn__doc *d, int32_t i, int32_t root);
/* The number of blocks that start before node i (blocks are in document
 * order: found by halving). */
int32_t wn__sel_blocks_before(const wn__doc *d, int32_t i);
/* The first block inside element i, or -1. */
int32_t wn__sel_first_block(const wn__doc *d, int32_t i);
/* Whether the selection kept under WN__CUT_SHARE of the characters of the
 * page's running text (blocks of WN__CUT_GOODNESS or more, under no hint
 * as bad as WN__DROP_HINT), or under WN__CUT_HEADINGS of its section
 * headings: one section of a page of stacked sections. */
int wn__sel_cut_to_a_section(const wn__doc *d);
/* Undoes a mode's selection, for another to run. */
void wn__sel_unselect(wn__doc *d);
/* A key by which siblings are alike: element i's tag and its first
 * child's (never 0).  Looser than wn__shape: the members of one group of
 * records or cards differ in class ("first", "active", "on-sale"). */
uint32_t wn__sel_sibling_key(const wn__doc *d, int32_t i);

/* ---- records.c ---- */
enum { WN__REC_MEMBER = 1, WN__REC_LIST = 2 };
/* Per node (in the arena): WN__REC_MEMBER for a record, WN__REC_LIST for
 * the element whose children they are. */
uint8_t *wn__sel_records(wn__doc *d);
/* Drops the kept lines that (nearly) every record of a list says alike,
 * word for word: its controls and labels ("Quick Shop", "Compare"), unless
 * the favor option keeps them; and a kept block that says again the kept
 * block before it in the same record (a card's title given by its
 * picture's link, its hidden heading and its visible one). */
void wn__sel_drop_record_lines(wn__doc *d, const uint8_t *rec);

/* ---- favor.c ---- */
/* The thresholds the favor option moves (tuning.h gives each its
 * reason), for the mode of d's options. */
typedef struct wn__tune {
	double sibling_share;        /* WN__SIBLING_SHARE */
	double prune_sum;            /* WN__PRUNE_SUM */
	double max_link_share;       /* WN__MAX_LINK_SHARE */
	double max_link_share_prose; /* WN__MAX_LINK_SHARE_PROSE */
	double drop_hint;            /* WN__DROP_HINT */
	double weak_goodness;        /* WN__WEAK_GOODNESS */
	double strong_goodness;      /* WN__STRONG_GOODNESS */
	double kept_goodness;        /* WN__KEPT_GOODNESS */
	double kept_link_share;      /* WN__KEPT_LINK_SHARE */
	int link_lines;     /* WN__LINK_LINES: the region mode drops lines of short links */
	int template_lines; /* WN__TEMPLATE_LINES: records drop the lines every record repeats */
} wn__tune;
const wn__tune *wn__sel_tune(const wn__doc *d);
/* select.c: the last pass of every mode, before the kept nodes are
 * marked: the comments option's and the favor option's. */
void wn__select_comments(wn__doc *d);
/* repeats.c: a block's text hashed, runs of white space read as one. */
uint64_t wn__sel_block_hash(const wn__doc *d, const wn__block *b);
/* ... drops a run of kept blocks that repeats an earlier kept run
 * word for word (WN__WHY_REPEAT). */
void wn__select_drop_repeats(wn__doc *d);
/* ... and a single kept block of min_chars or more that says an earlier
 * kept block again (the product mode's copies of a paragraph); quotes,
 * cells, code and list items repeat by right. */
void wn__select_drop_copies(wn__doc *d, int32_t min_chars);
/* ... and a kept block that is one short phrase over and over, a ticker
 * (wn__block.ticker, set by score.c; WN__WHY_TICKER). */
void wn__select_drop_tickers(wn__doc *d);

/* ---- the modes ---- */
/* article.c: the article and its good siblings, boilerplate inside them
 * dropped; for a page without a clear article, its densest text. */
void wn__select_article(wn__doc *d);
/* region.c: a page's main region less its chrome and menus. */
void wn__select_region(wn__doc *d);
/* product.c: a product's name, price and description. */
void wn__select_product(wn__doc *d);
/* posts.c: a thread's posts, each with its author and date. */
void wn__select_posts(wn__doc *d);

#endif
