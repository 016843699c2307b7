/*
 * common.c -- what the selection modes share: keeping a block, marking
 * the kept nodes for the renderers, and the tests every mode applies (a
 * heading that repeats the page title, how many links a block may hold).
 */
#include <string.h>
#include <strings.h>

#include "select/select.h"
#include "tuning.h"

/* Whether a heading repeats the page's title: the <title> is the heading,
 * or the heading with the site's name before or after it ("Site - Head",
 * "Head | Site"). */
int wn__sel_is_title(const wn__doc *d, const wn__block *b)
{
	if (!d->title[0] || b->kind != WN__BK_HEADING)
		return 0;
	wn__buf t = {0};
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

void wn__sel_keep(wn__doc *d, wn__block *b, int why)
{
	b->keep = 1;
	b->reason = (uint8_t)why;
	d->has_kept = 1;
}

/* Marks the nodes of kept blocks WN__NF_KEEP, for the renderers: each run's
 * own inline elements, then its ancestors up to the first one already
 * marked, so each node is marked once over all blocks. */
void wn__sel_mark_kept(wn__doc *d)
{
	d->has_kept = 0;
	for (int32_t k = 0; k < d->n_blocks; k++) {
		const wn__block *b = &d->blocks[k];
		if (!b->keep)
			continue;
		d->has_kept = 1;
		for (int32_t i = b->first; i <= b->last; i++)
			d->nodes[i].flags |= WN__NF_KEEP;
		for (int32_t i = d->nodes[b->first].parent;
		     i >= 0 && !(d->nodes[i].flags & WN__NF_KEEP); i = d->nodes[i].parent)
			d->nodes[i].flags |= WN__NF_KEEP;
	}
}





/* How much of a block may be link text before it is navigation: more for
 * a sentence that links its subjects ("The suspect, <a>Michael Webb</a>,
 * was <a>convicted</a>") than for a line of links.  All of it for a list
 * item of a clear article whose link is a sentence ("Thanks to Ana,
 * logins can now be imported"; "Here's our year in review!"): a point the
 * article makes, linked to its source, as a changelog or a newsletter
 * lists them; a menu's items and a related list's are names and
 * headlines, short or without punctuation, and teasers go by their own
 * rule.  Readability.js keeps such lists with the article's node. */
double wn__sel_link_limit(const wn__doc *d, const wn__block *b)
{
	const wn__tune *t = wn__sel_tune(d);
	if (d->has_article && b->kind == WN__BK_LIST_ITEM && !b->teaser &&
	    b->words >= WN__LINKED_POINT_WORDS && b->sentences + b->punct > 0)
		return 1;
	return b->sentences + b->punct >= WN__PROSE_MIN_PUNCT && b->eff >= WN__PROSE_MIN_SHARE * WN__LONG
	               ? t->max_link_share_prose
	               : t->max_link_share;
}

/* Whether node i lies in a subtree marked DROP below root. */
int wn__sel_in_dropped(const wn__doc *d, int32_t i, int32_t root)
{
	for (; i > root; i = d->nodes[i].parent)
		if (d->nodes[i].flags & WN__NF_DROP)
			return 1;
	return 0;
}

int wn__sel_in_removed(const wn__doc *d, int32_t i, int32_t root)
{
	for (; i > root; i = d->nodes[i].parent)
		if (d->nodes[i].flags & WN__NF_REMOVED)
			return 1;
	return 0;
}

int32_t wn__sel_blocks_before(const wn__doc *d, int32_t i)
{
	int32_t lo = 0, hi = d->n_blocks;
	while (lo < hi) {
		int32_t mid = lo + (hi - lo) / 2;
		if (d->blocks[mid].first < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int32_t wn__sel_first_block(const wn__doc *d, int32_t i)
{
	int32_t k = wn__sel_blocks_before(d, i + 1);
	return k < d->n_blocks && d->blocks[k].first < d->nodes[i].end ? k : -1;
}

/* Whether the selection kept under WN__CUT_HEADINGS of the page's section
 * headings: headings, not links and not under boilerplate names, that
 * introduce a line of text of their own (a feature's blurb, an answer).
 * A landing page's sections are short pieces under headings, too short
 * to count as running text: the article found among them is the one
 * section with prose (the "about us"), and keeps few of their headings,
 * where an article keeps its own, and a page's teaser groups are headed
 * by links or head only links. */
static int cut_to_sections(const wn__doc *d)
{
	int32_t all = 0, kept = 0, pending = -1;
	for (int32_t k = 0; k < d->n_blocks; k++) {
		const wn__block *b = &d->blocks[k];
		int own = b->hint > WN__DROP_HINT && 2 * b->link_chars < b->chars;
		if (b->kind == WN__BK_HEADING) {
			pending = own ? k : -1;
		} else if (pending >= 0 && own && b->chars >= WN__CUT_HEADING_TEXT) {
			const wn__block *h = &d->blocks[pending];
			all++;
			kept += h->keep || h->reason == WN__WHY_TITLE;
			pending = -1;
		}
	}
	return all >= WN__CUT_HEADINGS_MIN && kept < WN__CUT_HEADINGS * all;
}

int wn__sel_cut_to_a_section(const wn__doc *d)
{
	int64_t kept = 0, all = 0;
	for (int32_t k = 0; k < d->n_blocks; k++) {
		const wn__block *b = &d->blocks[k];
		if (b->good < WN__CUT_GOODNESS || b->hint <= WN__DROP_HINT)
			continue;
		if (b->teaser && !b->keep)
			continue; /* another story's summary, not a section */
		all += b->chars;
		kept += b->keep ? b->chars : 0;
	}
	return (all > 0 && kept < WN__CUT_SHARE * (double)all) || cut_to_sections(d);
}

void wn__sel_unselect(wn__doc *d)
{
	for (int32_t k = 0; k < d->n_blocks; k++) {
		d->blocks[k].keep = 0;
		d->blocks[k].reason = 0;
	}
	for (int32_t i = 0; i < d->n_nodes; i++)
		d->nodes[i].flags &= (uint16_t)~WN__NF_DROP;
	d->has_kept = 0;
}

uint32_t wn__sel_sibling_key(const wn__doc *d, int32_t i)
{
	const wn__node *x = &d->nodes[i];
	uint32_t k = (uint32_t)x->tag * 2654435761u + 1;
	for (int32_t c = i + 1; c < x->end; c = d->nodes[c].end)
		if (d->nodes[c].kind == WN__NODE_ELEMENT) {
			k ^= ((uint32_t)d->nodes[c].tag + 0x9e37u) * 40503u;
			break;
		}
	return k ? k : 1;
}
