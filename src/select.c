/*
 * select.c -- picks the content.  The article is the element whose subtree
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

#include "doc.h"
#include "tuning.h"

/* Whether a heading repeats the page's title: the <title> is the heading,
 * or the heading with the site's name before or after it ("Site - Head",
 * "Head | Site"). */
static int heading_is_title(const wn_doc *d, const wn_block *b)
{
	if (!d->title[0] || b->kind != WN_BK_HEADING)
		return 0;
	wn_buf t = {0};
	wn__subtree_text(d, b->container, &t);
	size_t tl = strlen(d->title);
	int same = 0;
	if (t.len > 0 && t.len <= tl) {
		const char *end = d->title + tl - t.len;
		same = (!strncasecmp(d->title, t.data, t.len) &&
		        (d->title[t.len] == 0 || d->title[t.len] == ' ')) ||
		       (!strcasecmp(end, t.data) && end > d->title && end[-1] == ' ');
	}
	wn__buf_free(&t);
	return same;
}

const char *wn__why_string(int why)
{
	static const char *const names[WN_WHY_COUNT] = {
		[WN_WHY_OUTSIDE] = "outside the article",
		[WN_WHY_ARTICLE] = "in the article",
		[WN_WHY_SIBLING] = "in a sibling of the article",
		[WN_WHY_FALLBACK] = "densest text (no clear article)",
		[WN_WHY_LINKS] = "mostly links",
		[WN_WHY_TEASER] = "a teaser of another page",
		[WN_WHY_HINT] = "under a boilerplate class/id/role",
		[WN_WHY_PRUNED] = "in a subtree that sums to boilerplate",
		[WN_WHY_CAPTION] = "a figure caption",
		[WN_WHY_TITLE] = "repeats the page title",
		[WN_WHY_META] = "a byline or date line",
		[WN_WHY_WEAK] = "too little text of its own",
		[WN_WHY_TAIL] = "a heading or link line after the article's end",
	};
	return why >= 0 && why < WN_WHY_COUNT ? names[why] : "?";
}

static void keep_block(wn_doc *d, wn_block *b, int why)
{
	b->keep = 1;
	b->reason = (uint8_t)why;
	d->has_kept = 1;
}

/* Marks the nodes of kept blocks WN_NF_KEEP, for the renderers: each run's
 * own inline elements, then its ancestors up to the first one already
 * marked, so each node is marked once over all blocks. */
static void mark_kept(wn_doc *d)
{
	d->has_kept = 0;
	for (int32_t k = 0; k < d->n_blocks; k++) {
		const wn_block *b = &d->blocks[k];
		if (!b->keep)
			continue;
		d->has_kept = 1;
		for (int32_t i = b->first; i <= b->last; i++)
			d->nodes[i].flags |= WN_NF_KEEP;
		for (int32_t i = d->nodes[b->first].parent;
		     i >= 0 && !(d->nodes[i].flags & WN_NF_KEEP); i = d->nodes[i].parent)
			d->nodes[i].flags |= WN_NF_KEEP;
	}
}

/* Rows, cells and list items belong to their table or list: they are
 * judged one block at a time, never pruned whole. */
static int unit_of_structure(int tag)
{
	return tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH ||
	       tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_THEAD ||
	       tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DT ||
	       tag == GUMBO_TAG_DD;
}

static int is_table_part(int tag)
{
	return tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_THEAD ||
	       tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_TR;
}

static int is_list_or_table(int tag)
{
	return tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_UL ||
	       tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL;
}

/* Asides and navigation inside the article are by their HTML meaning not
 * its text (trafilatura drops them too); pull quotes repeat the text. */
static int aside_tag(int tag)
{
	return tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_NAV;
}

/* A sibling of the article joins it when its own text is nearly as good
 * (Readability.js's sibling step), or when it holds a table or list that
 * is not navigation (a product's specifications beside its description):
 * those are neutral in the sums, so they are judged by their links. */
static int good_sibling(const wn_doc *d, const float *sum, int32_t r, int32_t best)
{
	const wn_node *x = &d->nodes[r];
	if (x->kind != WN_NODE_ELEMENT)
		return 0;
	if (sum[r] >= WN_SIBLING_SHARE * sum[best] && sum[r] > 0)
		return 1;
	if (sum[r] < 0 || d->node_hint[r] - d->node_hint[best] <= WN_DROP_HINT)
		return 0;
	/* Blocks are in document order: find the first inside r by halving. */
	int32_t lo = 0, hi = d->n_blocks;
	while (lo < hi) {
		int32_t mid = lo + (hi - lo) / 2;
		if (d->blocks[mid].first <= r)
			lo = mid + 1;
		else
			hi = mid;
	}
	int32_t chars = 0, links = 0, structured = 0;
	for (int32_t k = lo; k < d->n_blocks && d->blocks[k].first < x->end; k++) {
		const wn_block *b = &d->blocks[k];
		chars += b->chars;
		links += b->link_chars;
		if (b->kind == WN_BK_CELL || b->kind == WN_BK_LIST_ITEM)
			structured += b->chars;
	}
	return chars > 0 && links <= WN_MAX_LINK_SHARE * chars &&
	       structured >= WN_SIBLING_STRUCTURED * chars;
}

/* After the article's last block of running text: a heading introduces
 * nothing of the article ("Who is online", "Share this"), and a weak line
 * with links is the page's ("Privacy | Contact", caught in by an unclosed
 * tag).  boilerpipe looks for such end-of-article markers too. */
static void trim_tail(wn_doc *d)
{
	int text_after = 0;
	for (int32_t k = d->n_blocks - 1; k >= 0; k--) {
		wn_block *b = &d->blocks[k];
		if (!b->keep)
			continue;
		if (b->good >= WN_STRONG_GOODNESS)
			break;
		if ((b->kind == WN_BK_HEADING && !text_after) ||
		    (b->kind == WN_BK_PARA && b->link_chars > 0 && b->good < 0)) {
			b->keep = 0;
			b->reason = WN_WHY_TAIL;
		} else if (b->kind != WN_BK_HEADING) {
			text_after = 1;
		}
	}
}

/* How much of a block may be link text before it is navigation: more for
 * a sentence that links its subjects ("The suspect, <a>Michael Webb</a>,
 * was <a>convicted</a>") than for a line of links. */
static double link_limit(const wn_block *b)
{
	return b->sentences + b->punct >= 2 && b->eff >= WN_LONG / 2
	               ? WN_MAX_LINK_SHARE_PROSE
	               : WN_MAX_LINK_SHARE;
}

/* Whether node i lies in a subtree marked DROP below root. */
static int in_dropped(const wn_doc *d, int32_t i, int32_t root)
{
	for (; i > root; i = d->nodes[i].parent)
		if (d->nodes[i].flags & WN_NF_DROP)
			return 1;
	return 0;
}

/* Sums block weights over subtrees into sum[] and returns the best
 * block-level element: the one with the largest sum, among near-equals the
 * deepest (the last in document order that holds the others). */
static int32_t find_best(const wn_doc *d, float *sum)
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
		if ((d->nodes[i].flags & WN_NF_BLOCK) && sum[i] > sum[best])
			best = i;
	float top = sum[best];
	for (int32_t i = best + 1; i < d->nodes[best].end; i++)
		if ((d->nodes[i].flags & WN_NF_BLOCK) &&
		    sum[i] >= top - WN_ROOT_TIE * (top > 0 ? top : -top))
			best = i;

	/* A table or list is part of an article, rarely all of it: climb to
	 * the element that holds it with its introduction, unless that one
	 * adds too much that is not article. */
	while (d->nodes[best].parent > 0 && is_table_part(d->nodes[best].tag))
		best = d->nodes[best].parent;
	if (d->nodes[best].parent > 0 && is_list_or_table(d->nodes[best].tag) &&
	    sum[d->nodes[best].parent] >= WN_CLIMB_SHARE * sum[best])
		best = d->nodes[best].parent;
	return best;
}

/* Per subtree, what a listing of teasers is made of: headings, headings
 * that link away, text, and text that is teaser summaries.  Summed bottom
 * up once, so that any subtree can be asked in O(1). */
typedef struct teaser_counts {
	int32_t headings, linked, text, teasers;
} teaser_counts;

static teaser_counts *count_teasers(wn_doc *d)
{
	teaser_counts *c = wn__arena_alloc(&d->arena, (size_t)d->n_nodes * sizeof *c);
	for (int32_t k = 0; k < d->n_blocks; k++) {
		const wn_block *b = &d->blocks[k];
		teaser_counts *x = &c[b->container];
		if (b->hint <= WN_DROP_HINT)
			continue; /* a "related" panel's headlines do not count */
		if (b->kind == WN_BK_HEADING) {
			x->headings++;
			x->linked += b->link_chars >= WN_TEASER_LINK_SHARE * b->chars;
		} else if (b->link_chars < WN_MAX_LINK_SHARE * b->chars) {
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
	return c->linked >= WN_LISTING_HEADLINES && 2 * c->linked >= c->headings &&
	       c->teasers >= WN_LISTING_TEASER_SHARE * c->text;
}

void wn__select(wn_doc *d)
{
	float *sum = wn__arena_alloc(&d->arena, (size_t)d->n_nodes * sizeof *sum);
	int32_t best = find_best(d, sum);
	teaser_counts *tc = count_teasers(d);
	d->has_article = sum[best] >= WN_MIN_ARTICLE && !is_listing(&tc[best]);
	if (!d->has_article) {
		/* A listing or home page: its teasers are its content. */
		wn__score_listing(d);
		best = find_best(d, sum);
		wn__note(d, "no clear article: giving the page's densest text");
	}

	d->article = best;

	/* Roots: the article and its good siblings. */
	int32_t parent = d->nodes[best].parent;
	int32_t lo = best, hi = d->nodes[best].end;
	if (parent >= 0) {
		lo = parent + 1;
		hi = d->nodes[parent].end;
	}
	for (int32_t r = lo; r < hi; r = d->nodes[r].end) {
		if (r != best && !good_sibling(d, sum, r, best))
			continue;
		int base = d->node_hint[r];
		int why_kept = !d->has_article ? WN_WHY_FALLBACK
		               : r == best     ? WN_WHY_ARTICLE
		                               : WN_WHY_SIBLING;
		int why_dropped = WN_WHY_OUTSIDE; /* for whole dropped subtrees */
		int32_t dropped_end = -1;
		for (int32_t i = r; i < d->nodes[r].end; i++) {
			wn_node *x = &d->nodes[i];
			if (x->flags & WN_NF_REMOVED) {
				i = x->end - 1;
				continue;
			}
			if (i >= dropped_end)
				why_dropped = WN_WHY_OUTSIDE;
			if (x->kind == WN_NODE_ELEMENT) {
				if (i >= dropped_end && i != r &&
				    ((x->flags & (WN_NF_META | WN_NF_DROP)) || aside_tag(x->tag) ||
				     (d->has_article && is_listing(&tc[i])) ||
				     ((x->flags & WN_NF_BLOCK) && !unit_of_structure(x->tag) &&
				      sum[i] < WN_PRUNE_SUM))) {
					why_dropped = (x->flags & WN_NF_META) ? WN_WHY_META
					                                      : WN_WHY_PRUNED;
					x->flags |= WN_NF_DROP;
					dropped_end = x->end;
				}
				continue;
			}
			if (x->block < 0)
				continue;
			wn_block *b = &d->blocks[x->block];
			if (b->keep || b->first != i)
				continue;
			double links = b->chars ? (double)b->link_chars / b->chars : 0;
			int rel = d->node_hint[b->container] - base;
			if (i < dropped_end)
				b->reason = (uint8_t)why_dropped;
			else if (links > link_limit(b) &&
			         (d->has_article || b->kind != WN_BK_HEADING))
				b->reason = WN_WHY_LINKS;
			else if (d->has_article && b->teaser && b->kind == WN_BK_LIST_ITEM &&
			         b->good < WN_STRONG_GOODNESS)
				b->reason = WN_WHY_TEASER;
			else if (d->has_article && rel <= WN_DROP_HINT &&
			         b->good < WN_STRONG_GOODNESS)
				b->reason = WN_WHY_HINT;
			else if (b->kind == WN_BK_CAPTION && !d->opt->captions)
				b->reason = WN_WHY_CAPTION;
			else if (b->kind == WN_BK_PARA &&
			         b->good < (d->has_article ? WN_WEAK_GOODNESS : 0))
				b->reason = WN_WHY_WEAK;
			else if (heading_is_title(d, b) ||
			         (!d->has_kept && b->kind == WN_BK_HEADING && b->level == 1))
				b->reason = WN_WHY_TITLE; /* the headline is metadata */
			else
				keep_block(d, b, why_kept);
		}
	}

	if (d->has_article)
		trim_tail(d);

	/* A page too small or too plain for any rule above (a fragment, a
	 * list of links) still gives its text rather than nothing: every
	 * block that is not a caption or the title, in the best subtree, or in
	 * the whole page when that one holds none. */
	for (int pass = 0; pass < 2 && !d->has_kept; pass++) {
		int32_t root = pass == 0 ? best : 0;
		for (int32_t k = 0; k < d->n_blocks; k++) {
			wn_block *b = &d->blocks[k];
			if (b->first < root || b->first >= d->nodes[root].end ||
			    (b->kind == WN_BK_CAPTION && !d->opt->captions) ||
			    heading_is_title(d, b) || in_dropped(d, b->first, root))
				continue;
			keep_block(d, b, WN_WHY_FALLBACK);
		}
	}
	mark_kept(d);
}
