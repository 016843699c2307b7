/*
 * stages.h -- the entry points of the pipeline's stages, in the order the
 * driver (winnow.c) runs them; the driver is the only caller of each.
 * Stages of several files have their own header: input/input.h,
 * metadata/metadata.h, render/render.h, diag/diag.h.
 */
#ifndef WINNOW_STAGES_H
#define WINNOW_STAGES_H

#include "doc.h"

/* dom.c: parses d->html with gumbo and flattens the tree into d->nodes
 * (in d->arena).  wn__dom_free frees gumbo's tree. */
void wn__dom_build(wn__doc *d);
void wn__dom_free(wn__doc *d);
/* clean.c: marks never-content subtrees WN__NF_REMOVED, table cells that
 * lay out the page WN__NF_LAYOUT, and records class/id/role evidence. */
void wn__clean(wn__doc *d);
/* blocks.c: splits the cleaned DOM into blocks and measures each. */
void wn__blocks(wn__doc *d);
/* score.c: gives every block its goodness and weight.  wn__score_listing
 * scores them again for a page without an article, where teasers are the
 * content. */
void wn__score(wn__doc *d);
void wn__score_listing(wn__doc *d);
/* score.c: how much block b reads like running text by its own words
 * alone (length, punctuation, links; no class names, no neighbours). */
double wn__text_goodness(const wn__block *b);
/* select.c: wn__select_judge finds the best subtree and says whether it
 * is a clear article (d->has_article); wn__select then picks the content
 * blocks and marks nodes KEEP and DROP for the renderers. */
void wn__select_judge(wn__doc *d);
void wn__select(wn__doc *d);
/* kind.c: decides the page's kind (d->kind, d->kind_confidence) from its
 * structure; after the judge, whose verdict is part of the evidence. */
void wn__kind(wn__doc *d);

#endif
