/*
 * select.c -- the selection stage: runs the mode for the page's kind and
 * marks the kept nodes for the renderers.  An article's running text is
 * found by the article mode; every other kind, and an article page whose
 * article is not clear (unless the caller says it is an article), is read
 * from its main region.
 */
#include <string.h>
#include <strings.h>

#include "select/select.h"
#include "tuning.h"

/* Whether the page is read by the article mode. */
static int article_mode(const wn__doc *d)
{
	return d->mode == WN_KIND_ARTICLE && (d->has_article || d->opt->kind);
}

/* Whether precision drops kept block b, and why. */
static int too_weak(const wn__block *b, const wn__tune *t)
{
	double links = b->chars ? (double)b->link_chars / b->chars : 0;
	if (b->kind != WN__BK_HEADING && links > t->kept_link_share)
		return WN__WHY_LINKS;
	if ((b->kind == WN__BK_PARA || b->kind == WN__BK_OTHER) && b->good < t->kept_goodness)
		return WN__WHY_WEAK;
	return 0;
}

/* The favor option's last word over any mode (balanced: it has none).
 * Precision: a kept paragraph too weak, or a kept block too much
 * link, goes; not on listings and collections, whose entries are short
 * linked lines by design (the reason score.c rates them again).
 * Recall moves the modes' own thresholds (favor.c) and has nothing to
 * add here: bringing back dropped blocks that read as running text, on
 * pages read by their region, cost seven times the recall it gave
 * (wcxb-dev: -0.0176 precision for +0.0025).  Precision leaves nothing
 * where the mode found something only when the driver's recovery has
 * another reading of the page (hidden wrappers or <noscript> to show,
 * the page's own data). */
static void favor(wn__doc *d)
{
	if (d->opt->favor != WN_FAVOR_PRECISION)
		return;
	const wn__tune *t = wn__sel_tune(d);
	int entries = d->mode == WN_KIND_LISTING || d->mode == WN_KIND_COLLECTION;
	int survive = d->data_text || d->data_about ||
	              (!d->recover &&
	               (d->noscript_text > 0 || d->hidden_text >= WN__RECOVER_HIDDEN_BYTES ||
	                d->hidden_parts >= WN__RECOVER_PARTS_BYTES));
	for (int32_t k = 0; k < d->n_blocks && !survive; k++)
		survive = d->blocks[k].keep && !too_weak(&d->blocks[k], t);
	if (entries || !survive)
		return;
	for (int32_t k = 0; k < d->n_blocks; k++) {
		wn__block *b = &d->blocks[k];
		int why = b->keep ? too_weak(b, t) : 0;
		if (why) {
			b->keep = 0;
			b->reason = (uint8_t)why;
		}
	}
}

/* Does text t name JavaScript (a notice that the page needs it)? */
static int names_js(const char *t)
{
	for (; (t = strpbrk(t, "jJ")) != NULL; t++)
		if (!strncasecmp(t, "javascript", 10))
			return 1;
	return 0;
}

/* A page that its script fills leaves its chrome behind: a few short
 * headings or links and no sentence or figure ("Help", "Browse by
 * Category"), or a short notice, a sentence, asking for JavaScript (not
 * a heading that names it: a book's title).  That is no content: it goes,
 * so that the driver's recovery reads what else the page has (its
 * noscript, its data, its description), or the page says it has none. */
static int chrome_left(const wn__doc *d)
{
	int32_t words = 0, dropped = 0;
	int labels = 1, js = 0;
	for (int32_t k = 0; k < d->n_blocks; k++) {
		const wn__block *b = &d->blocks[k];
		if (!b->keep) {
			dropped += b->words;
			continue;
		}
		words += b->words;
		if (b->sentences || b->words > WN__LEFT_LABEL_WORDS ||
		    (b->kind != WN__BK_HEADING && 2 * b->link_chars < b->chars))
			labels = 0; /* a line of text, not a heading's or a link's */
		int notice = b->sentences && b->kind != WN__BK_HEADING;
		for (int32_t i = b->first; i <= b->last; i++) {
			if (d->nodes[i].kind != WN__NODE_TEXT)
				continue;
			const char *t = d->nodes[i].g->v.text.text;
			if (strpbrk(t, "0123456789"))
				labels = 0;
			js = js || (notice && names_js(t));
		}
		if (words > WN__LEFT_NOTICE_WORDS)
			return 0;
	}
	/* labels are chrome where the page had more text, and dropped it */
	labels = labels && words <= WN__LEFT_LABELS_WORDS && dropped > words;
	return words > 0 && (labels || js);
}

/* Whether a dropped block says nothing about its section: left out by
 * an option (captions, comments given apart) or read as metadata. */
static int neutral(const wn__block *b)
{
	return b->reason == WN__WHY_CAPTION || b->reason == WN__WHY_COMMENT ||
	       b->reason == WN__WHY_META || b->reason == WN__WHY_TITLE;
}

/* Kept headings after the last kept text, over text that was dropped
 * ("See also" over a dropped link list), introduce nothing and go: the
 * article mode's tail rule, for the modes that read a page's text.  Not
 * on a page of records, whose last cards may be titles whose fields went,
 * nor on a page that kept nothing else (its heading is its content). */
static void drop_empty_tail(wn__doc *d)
{
	if (d->mode == WN_KIND_COLLECTION || d->mode == WN_KIND_LISTING || d->mode == WN_KIND_PRODUCT)
		return;
	int32_t last = d->n_blocks - 1;
	while (last >= 0 && !(d->blocks[last].keep && d->blocks[last].kind != WN__BK_HEADING))
		last--;
	if (last < 0)
		return;
	int seen = 0;
	for (int32_t k = d->n_blocks - 1; k > last; k--) {
		wn__block *b = &d->blocks[k];
		if (b->kind != WN__BK_HEADING) {
			seen |= !neutral(b);
		} else if (b->keep && seen) {
			b->keep = 0;
			b->reason = WN__WHY_EMPTY;
		}
	}
}

void wn__select(wn__doc *d)
{
	if (article_mode(d)) {
		wn__select_article(d);
		if (d->opt->kind == WN_KIND_AUTO && wn__sel_cut_to_a_section(d)) {
			wn__note(&d->notes, "selection: the article holds little of the page's "
			                    "text: one of its sections");
			wn__sel_unselect(d);
			wn__select_region(d);
		}
	} else if (d->mode == WN_KIND_FORUM)
		wn__select_posts(d);
	else if (d->mode == WN_KIND_PRODUCT)
		wn__select_product(d);
	else
		wn__select_region(d);
	favor(d);
	if (d->opt->comments)
		wn__select_comments(d);
	wn__select_drop_repeats(d);
	wn__select_drop_tickers(d);
	drop_empty_tail(d);
	if (chrome_left(d)) {
		for (int32_t k = 0; k < d->n_blocks; k++)
			if (d->blocks[k].keep) {
				d->blocks[k].keep = 0;
				d->blocks[k].reason = WN__WHY_LEFT;
			}
		wn__note(&d->notes, "selection: what it kept was only labels or a notice "
		                    "asking for JavaScript: no content");
	}
	wn__sel_mark_kept(d);
}
