/*
 * article.c -- the article mode of selection, today's for articles and
 * documentation.  The article is the element whose subtree
 * has the largest summed block weight (a maximum-subtree form of the
 * "common ancestor that gathers the most good text": running text adds,
 * menus and link lists subtract).  Siblings that are nearly as good join it
 * (Readability.js's sibling step); inside it, subtrees that sum to
 * boilerplate, link lists and blocks under strong boilerplate evidence are
 * dropped.  When no subtree holds enough good text the page has no clear
 * article and the densest blocks of the best subtree are given.
 */
#include <string.h>
#include <strings.h>

#include "base/tags.h"
#include "select/select.h"
#include "tuning.h"

/* A sibling of the article joins it when its own text is nearly as good
 * (Readability.js's sibling step), or when it holds a table or list that
 * is not navigation (a product's specifications beside its description):
 * those are neutral in the sums, so they are judged by their links. */
static int good_sibling(const wn__doc *d, const float *sum, int32_t r, int32_t best)
{
	const wn__node *x = &d->nodes[r];
	const wn__tune *t = wn__sel_tune(d);
	if (x->kind != WN__NODE_ELEMENT)
		return 0;
	if (sum[r] >= t->sibling_share * sum[best] && sum[r] > 0)
		return 1;
	if (sum[r] < 0 || d->node_hint[r] - d->node_hint[best] <= t->drop_hint)
		return 0;
	int32_t chars = 0, links = 0, structured = 0, prose = 0;
	int32_t k0 = wn__sel_first_block(d, r);
	for (int32_t k = k0; k0 >= 0 && k < d->n_blocks && d->blocks[k].first < x->end; k++) {
		const wn__block *b = &d->blocks[k];
		chars += b->chars;
		links += b->link_chars;
		if (b->kind == WN__BK_CELL || b->kind == WN__BK_LIST_ITEM)
			structured += b->chars;
		if (b->kind == WN__BK_PARA && b->good >= t->strong_goodness)
			prose += b->chars;
	}
	/* Readability.js's rule for a sibling paragraph: one of running text
	 * with few links is the article's (its introduction beside the table
	 * or list that scored best) */
	if (x->tag == GUMBO_TAG_P && prose == chars && chars >= WN__SIBLING_PARA_CHARS &&
	    links <= WN__SIBLING_PARA_LINKS * chars)
		return 1;
	return chars > 0 && links <= t->max_link_share * chars &&
	       structured >= WN__SIBLING_STRUCTURED * chars;
}

/* After the article's last block of running text: a heading introduces
 * nothing of the article ("Who is online", "Share this"), and a weak line
 * with links is the page's ("Privacy | Contact", caught in by an unclosed
 * tag).  boilerpipe looks for such end-of-article markers too. */
static void trim_tail(wn__doc *d)
{
	int text_after = 0;
	double strong = wn__sel_tune(d)->strong_goodness;
	for (int32_t k = d->n_blocks - 1; k >= 0; k--) {
		wn__block *b = &d->blocks[k];
		if (!b->keep)
			continue;
		if (b->good >= strong)
			break;
		if ((b->kind == WN__BK_HEADING && !text_after) ||
		    (b->kind == WN__BK_PARA && b->link_chars > 0 && b->good < 0)) {
			b->keep = 0;
			b->reason = WN__WHY_TAIL;
		} else if (b->kind != WN__BK_HEADING) {
			text_after = 1;
		}
	}
}

/* Sums block weights over subtrees into sum[] and returns the best
 * block-level element: the one with the largest sum, among near-equals the
 * deepest (the last in document order that holds the others). */
static int32_t find_best(const wn__doc *d, float *sum)
{
	int32_t nn = d->n_nodes;
	memset(sum, 0, (size_t)nn * sizeof *sum);
	for (int32_t k = 0; k < d->n_blocks; k++)
		sum[d->blocks[k].container] += d->blocks[k].score;
	for (int32_t i = nn - 1; i > 0; i--)
		sum[d->nodes[i].parent] += sum[i];

	/* Only block-level elements: a block's weight is counted at its
	 * container, so an inline element's sum misses the text it holds. */
	int32_t best = 0;
	for (int32_t i = 1; i < nn; i++)
		if ((d->nodes[i].flags & WN__NF_BLOCK) && sum[i] > sum[best])
			best = i;
	float top = sum[best];
	for (int32_t i = best + 1; i < d->nodes[best].end; i++)
		if ((d->nodes[i].flags & WN__NF_BLOCK) &&
		    sum[i] >= top - WN__ROOT_TIE * (top > 0 ? top : -top))
			best = i;

	/* A table or list is part of an article, rarely all of it: climb to
	 * the element that holds it with its introduction, unless that one
	 * adds too much that is not article. */
	while (d->nodes[best].parent > 0 && wn__tag_is(d->nodes[best].tag, WN__TC_TABLE_PART))
		best = d->nodes[best].parent;
	if (d->nodes[best].parent > 0 &&
	    (d->nodes[best].tag == GUMBO_TAG_TABLE || wn__tag_is(d->nodes[best].tag, WN__TC_LIST)) &&
	    sum[d->nodes[best].parent] >= WN__CLIMB_SHARE * sum[best])
		best = d->nodes[best].parent;
	return best;
}

/* Per subtree, what a listing of teasers is made of: headings, headings
 * that link away, text, and text that is teaser summaries.  Summed bottom
 * up once, so that any subtree can be asked in O(1). */
struct wn__teaser_counts {
	int32_t headings, linked, text, teasers;
};
typedef wn__teaser_counts teaser_counts;

static teaser_counts *count_teasers(wn__doc *d)
{
	teaser_counts *c = wn__arena_alloc(&d->arena, (size_t)d->n_nodes * sizeof *c);
	for (int32_t k = 0; k < d->n_blocks; k++) {
		const wn__block *b = &d->blocks[k];
		teaser_counts *x = &c[b->container];
		if (b->hint <= WN__DROP_HINT)
			continue; /* a "related" panel's headlines do not count */
		if (b->kind == WN__BK_HEADING) {
			x->headings++;
			x->linked += b->link_chars >= WN__TEASER_LINK_SHARE * b->chars;
		} else if (b->link_chars < WN__MAX_LINK_SHARE * b->chars) {
			x->text += b->eff;
			if (b->teaser)
				x->teasers += b->eff;
		}
	}
	for (int32_t i = d->n_nodes - 1; i > 0; i--) {
		teaser_counts *p = &c[d->nodes[i].parent];
		p->headings += c[i].headings;
		p->linked += c[i].linked;
		p->text += c[i].text;
		p->teasers += c[i].teasers;
	}
	return c;
}

/* A listing: several headings that link away (each teaser's headline),
 * more of them than of other headings, and most of the text their
 * summaries.  An article's headings lead nowhere; an article followed by
 * "more from this section" is still an article, and that section is a
 * listing of its own inside it. */
static int is_listing(const teaser_counts *c)
{
	return c->linked >= WN__LISTING_HEADLINES &&
	       c->linked >= WN__LISTING_LINKED_SHARE * c->headings &&
	       c->teasers >= WN__LISTING_TEASER_SHARE * c->text;
}

/* A best subtree that is one block, with no sibling good enough to join
 * it and a small share of the page's text, is a page's intro (a
 * category's description over its grid of recipe cards, a landing
 * page's lead), not its article. */
static int lone_block(const wn__doc *d)
{
	int32_t a = d->article, body = d->body > 0 ? d->body : 0, parent = d->nodes[a].parent;
	if (wn__sel_blocks_before(d, d->nodes[a].end) - wn__sel_blocks_before(d, a) > 1 ||
	    d->node_chars[a] >= WN__LONE_BLOCK_SHARE * d->node_chars[body] || parent < 0)
		return 0;
	for (int32_t r = parent + 1; r < d->nodes[parent].end; r = d->nodes[r].end)
		if (r != a && good_sibling(d, d->node_sum, r, a))
			return 0;
	return 1;
}

/* Whether the page names its author and its date: somebody wrote it, on
 * a day.  A portal's front page of teasers does neither. */
static int signed_page(const wn__doc *d)
{
	return d->meta.author && *d->meta.author && d->meta.date && *d->meta.date;
}

/* On a signed page whose best subtree a is a listing of teasers, the
 * article sits beside the portal's stream of other stories, whose
 * summaries together outweigh a short article: it is the best subtree of
 * a outside the listings in it, if that is article enough (Readability.js
 * finds it so, scoring each paragraph's parent, not the stream whole).
 * Else a. */
static int32_t beside_listing(const wn__doc *d, int32_t a)
{
	int32_t alt = -1;
	for (int32_t i = a + 1; i < d->nodes[a].end; i++) {
		const wn__node *x = &d->nodes[i];
		if (is_listing(&d->teasers[i]))
			i = x->end - 1;
		else if ((x->flags & WN__NF_BLOCK) && (alt < 0 || d->node_sum[i] > d->node_sum[alt]))
			alt = i;
	}
	return alt >= 0 && d->node_sum[alt] >= WN__MIN_ARTICLE ? alt : a;
}

void wn__select_judge(wn__doc *d)
{
	d->node_sum = wn__arena_alloc(&d->arena, (size_t)d->n_nodes * sizeof *d->node_sum);
	d->teasers = count_teasers(d);
	d->article = find_best(d, d->node_sum);
	if (signed_page(d) && is_listing(&d->teasers[d->article]))
		d->article = beside_listing(d, d->article);
	d->has_article = d->node_sum[d->article] >= WN__MIN_ARTICLE &&
	                 !is_listing(&d->teasers[d->article]) && !lone_block(d);
}

/* Whether element i, inside root r of the article, goes with its whole
 * subtree: a byline or date line, an aside, a listing inside an article,
 * or a subtree that sums to boilerplate (rows, cells and list items are
 * judged one block at a time instead, and so is all of a data table,
 * in_data: its linked names sum below zero).  Returns the reason, or 0. */
static int drops_subtree(const wn__doc *d, int32_t i, int in_data)
{
	const wn__node *x = &d->nodes[i];
	if (x->flags & WN__NF_META)
		return WN__WHY_META;
	if ((x->flags & WN__NF_DROP) || wn__tag_is(x->tag, WN__TC_ASIDE) ||
	    (d->has_article && is_listing(&d->teasers[i])) ||
	    ((x->flags & WN__NF_BLOCK) && !in_data &&
	     !wn__tag_is(x->tag, WN__TC_TABLE_PART | WN__TC_CELL | WN__TC_LIST_ITEM) &&
	     d->node_sum[i] < wn__sel_tune(d)->prune_sum))
		return WN__WHY_PRUNED;
	return 0;
}

/* The verdict on one block of a kept root whose evidence is base: why it
 * is dropped, or why_kept.  In a data table (in_data) a cell is not judged
 * by its links. */
static int verdict(const wn__doc *d, const wn__block *b, int base, int why_kept, int in_data)
{
	const wn__tune *t = wn__sel_tune(d);
	double links = b->chars ? (double)b->link_chars / b->chars : 0;
	int rel = d->node_hint[b->container] - base;
	if (!(in_data && b->kind == WN__BK_CELL) && links > wn__sel_link_limit(d, b) &&
	    (d->has_article || b->kind != WN__BK_HEADING))
		return WN__WHY_LINKS;
	if (d->has_article && b->teaser && b->kind == WN__BK_LIST_ITEM && b->good < t->strong_goodness)
		return WN__WHY_TEASER;
	if (d->has_article && rel <= t->drop_hint && b->good < t->strong_goodness)
		return WN__WHY_HINT;
	if (b->kind == WN__BK_CAPTION && !d->opt->captions)
		return WN__WHY_CAPTION;
	if (b->kind == WN__BK_PARA &&
	    b->good < (d->has_article ? t->weak_goodness : WN__WEAK_GOODNESS_LISTING))
		return WN__WHY_WEAK;
	if (wn__sel_is_title(d, b) || (!d->has_kept && b->kind == WN__BK_HEADING && b->level == 1))
		return WN__WHY_TITLE; /* the headline is metadata */
	return why_kept;
}

/* Whether table i is a data table of the article: it has header cells and
 * is not mostly links (a navigation box of linked names has them too).
 * Its rows are read whole, as Readability.js keeps data tables: a row's
 * name is often a link (a film, a release, a player) and a cell that
 * says "Remake of <a>...</a>" is that row's, not a menu. */
static int data_table(const wn__doc *d, int32_t i)
{
	const wn__node *n = d->nodes;
	int th = 0;
	/* its own header cells only: its rows, straight or in its sections
	 * (reading the whole subtree would read nested layout tables once
	 * per table around them) */
	for (int32_t c = i + 1; c < n[i].end && !th; c = n[c].end) {
		int32_t from = c + 1, to = n[c].end;
		if (n[c].tag == GUMBO_TAG_TR)
			from = c, to = c + 1;
		else if (n[c].tag != GUMBO_TAG_THEAD && n[c].tag != GUMBO_TAG_TBODY &&
		         n[c].tag != GUMBO_TAG_TFOOT)
			continue;
		for (int32_t r = from; r < to && !th; r = n[r].end)
			if (n[r].tag == GUMBO_TAG_TR)
				for (int32_t k = r + 1; k < n[r].end && !th; k = n[k].end)
					th = n[k].tag == GUMBO_TAG_TH;
	}
	const wn__tally *t = &d->tally[i];
	return th && t->chars > 0 && t->links <= wn__sel_tune(d)->max_link_share * t->chars;
}

/* Judges every block under root r, dropping whole subtrees first. */
static void select_root(wn__doc *d, int32_t r, int why_kept)
{
	int base = d->node_hint[r];
	int why_dropped = WN__WHY_OUTSIDE; /* for whole dropped subtrees */
	int32_t dropped_end = -1, data_end = -1;
	for (int32_t i = r; i < d->nodes[r].end; i++) {
		wn__node *x = &d->nodes[i];
		if (x->flags & WN__NF_REMOVED) {
			i = x->end - 1;
			continue;
		}
		if (x->kind == WN__NODE_ELEMENT) {
			if (x->tag == GUMBO_TAG_TABLE && i >= data_end && data_table(d, i))
				data_end = x->end;
			int why = i >= dropped_end && i != r ? drops_subtree(d, i, i < data_end) : 0;
			if (why) {
				why_dropped = why;
				x->flags |= WN__NF_DROP;
				dropped_end = x->end;
			}
			continue;
		}
		if (x->block < 0)
			continue;
		wn__block *b = &d->blocks[x->block];
		if (b->keep || b->first != i)
			continue;
		int why = i < dropped_end ? why_dropped : verdict(d, b, base, why_kept, i < data_end);
		if (why == why_kept)
			wn__sel_keep(d, b, why_kept);
		else
			b->reason = (uint8_t)why;
	}
}

void wn__select_article(wn__doc *d)
{
	if (!d->has_article) {
		/* A listing or home page: scored again with teasers as its
		 * content (the driver did), its best subtree is found anew. */
		d->article = find_best(d, d->node_sum);
		wn__note(&d->notes, "no clear article: reading the page's densest text");
	}
	int32_t best = d->article;

	/* Roots: the article and its good siblings. */
	int32_t parent = d->nodes[best].parent;
	int32_t lo = best, hi = d->nodes[best].end;
	if (parent >= 0) {
		lo = parent + 1;
		hi = d->nodes[parent].end;
	}
	for (int32_t r = lo; r < hi; r = d->nodes[r].end)
		if (r == best || good_sibling(d, d->node_sum, r, best))
			select_root(d, r,
			            !d->has_article ? WN__WHY_FALLBACK
			            : r == best     ? WN__WHY_ARTICLE
			                            : WN__WHY_SIBLING);

	if (d->has_article)
		trim_tail(d);

	/* A page too small or too plain for any rule above (a fragment, a
	 * list of links) still gives its text rather than nothing: every
	 * block that is not a caption or the title, in the best subtree, or in
	 * the whole page when that one holds none. */
	for (int pass = 0; pass < 2 && !d->has_kept; pass++) {
		int32_t root = pass == 0 ? best : 0;
		for (int32_t k = 0; k < d->n_blocks; k++) {
			wn__block *b = &d->blocks[k];
			if (b->first < root || b->first >= d->nodes[root].end ||
			    (b->kind == WN__BK_CAPTION && !d->opt->captions) ||
			    wn__sel_is_title(d, b) || wn__sel_in_dropped(d, b->first, root))
				continue;
			wn__sel_keep(d, b, WN__WHY_FALLBACK);
		}
	}
}
