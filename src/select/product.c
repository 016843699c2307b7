/*
 * product.c -- the product mode of selection: the page's main region as
 * the region mode reads it (name, price, options, bullets, description,
 * specifications), less the other products it shows (a grid of priced
 * cards: "related", "you may also like") and its review stream (dated
 * posts of running text), after NOTES-page-kinds.md's "products".
 */
#include "select/select.h"
#include "tuning.h"

/* Drops every kept block under a member of the group of parent p whose
 * members have shape s, for the reason why. */
static void drop_group(wn__doc *d, int32_t p, uint32_t s, int why)
{
	for (int32_t m = p + 1; m < d->nodes[p].end; m = d->nodes[m].end) {
		if (d->nodes[m].kind != WN__NODE_ELEMENT || wn__shape(d, m) != s)
			continue;
		for (int32_t k = 0; k < d->n_blocks; k++) {
			wn__block *b = &d->blocks[k];
			if (b->keep && b->first > m && b->first < d->nodes[m].end) {
				b->keep = 0;
				b->reason = (uint8_t)why;
			}
		}
	}
}

/* The h1, and the first price within a few blocks after it. */
static void keep_name_and_price(wn__doc *d)
{
	int32_t h1 = -1;
	for (int32_t k = 0; k < d->n_blocks && h1 < 0; k++) {
		const wn__block *b = &d->blocks[k];
		if (b->kind == WN__BK_HEADING && b->level == 1 &&
		    !wn__sel_in_removed(d, b->first, 0))
			h1 = k;
	}
	if (h1 < 0)
		return;
	wn__sel_keep(d, &d->blocks[h1], WN__WHY_ARTICLE);
	for (int32_t k = h1 + 1; k < d->n_blocks && k <= h1 + WN__PRODUCT_PRICE_NEAR; k++) {
		wn__block *b = &d->blocks[k];
		if (d->tally[b->container].prices && b->eff <= WN__PRICE_MAX_CHARS &&
		    !wn__sel_in_removed(d, b->first, 0)) {
			wn__sel_keep(d, b, WN__WHY_ARTICLE);
			break;
		}
	}
}

void wn__select_product(wn__doc *d)
{
	if (d->has_article) {
		/* a description of running text: the article mode finds it
		 * with its bullets and specifications */
		wn__note(&d->notes, "kind %s: the product's name, price and description",
		         wn_kind_name((wn_kind)d->kind));
		wn__select_article(d);
		keep_name_and_price(d);
		return;
	}
	wn__select_region(d);
	wn__note(&d->notes, "kind %s: less other products and reviews",
	         wn_kind_name((wn_kind)d->kind));
	/* the priced group is another products' grid unless it holds the
	 * product's own name */
	if (d->records >= 0 && d->tally[d->records].prices >= WN__PRODUCT_GRID &&
	    !d->tally[d->records].h1)
		drop_group(d, d->records, d->records_shape, WN__WHY_TEASER);
	if (d->posts >= 0 && !d->tally[d->posts].h1)
		drop_group(d, d->posts, d->posts_shape, WN__WHY_META);
	d->has_kept = 0;
	for (int32_t k = 0; k < d->n_blocks && !d->has_kept; k++)
		d->has_kept = d->blocks[k].keep;
}
