/*
 * product.c -- the product mode of selection: the page's main region as
 * the region mode reads it (name, price, options, bullets, description,
 * specifications), less the other products it shows (a grid of priced
 * cards: "related", "you may also like") and its review stream (dated
 * posts of running text), after NOTES-page-kinds.md's "products".
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "select/select.h"
#include "tuning.h"

static int is_card(const wn__doc *d, int32_t i);

/* Drops every kept block under a member of the group of parent p whose
 * members have shape s, for the reason why: the blocks are in document
 * order, so each member's are one run, found by halving.  Of a grid of
 * other products, only its cards and members of a card's size go: a
 * longer member that is no card is the product's own panel beside its
 * buy options. */
static void drop_group(wn__doc *d, int32_t p, uint32_t s, int why)
{
	for (int32_t m = p + 1; m < d->nodes[p].end; m = d->nodes[m].end) {
		if (d->nodes[m].kind != WN__NODE_ELEMENT || wn__shape(d, m) != s)
			continue;
		if (why == WN__WHY_TEASER && !is_card(d, m) &&
		    d->tally[m].chars > WN__PRODUCT_CARD_MAX)
			continue;
		for (int32_t k = wn__sel_blocks_before(d, m + 1);
		     k < d->n_blocks && d->blocks[k].first < d->nodes[m].end; k++) {
			wn__block *b = &d->blocks[k];
			if (b->keep) {
				b->keep = 0;
				b->reason = (uint8_t)why;
			}
		}
	}
}

/* Other products: every group of alike siblings (one parent, one key) of
 * which at least WN__PRODUCT_GRID are cards, a short title with a price,
 * none holding the product's name (h1).  A page may show several such
 * strips ("viewed also", "similar", "from this seller"), in the article
 * or around it; a bulk-price table has prices but neither links nor
 * headings.  A strip is the page's own when the h1 is the heading just
 * above it: a collection's cards under its name (a page taken for a
 * product).  And the customers' reviews: a group of at least
 * WN__PRODUCT_REVIEWS alike by shape (a stream's items share their
 * classes; a page's columns, each with a date, do not). */
typedef struct pgroup {
	int32_t parent;
	uint32_t key;
	int32_t n, cards, reviews;
	int state; /* 0 not yet seen in the second pass, 1 dropped, 2 kept */
} pgroup;

/* A customer's review: running text under a date line ("Reviewed in
 * Canada on 3 May 2025", "2 weeks ago"). */
static int is_review(const wn__doc *d, int32_t i)
{
	const wn__tally *t = &d->tally[i];
	return (t->dates || t->times) && t->prose && !t->h1;
}

static int is_card(const wn__doc *d, int32_t i)
{
	const wn__tally *t = &d->tally[i];
	return t->prices && (t->links || t->headings) && !t->h1 && t->chars <= WN__PRODUCT_CARD_MAX;
}

/* Whether the nearest heading before element i is the page's h1. */
static int under_h1(const wn__doc *d, int32_t i)
{
	int32_t k = wn__sel_first_block(d, i);
	if (k < 0)
		return 0;
	while (--k >= 0)
		if (d->blocks[k].kind == WN__BK_HEADING &&
		    !wn__sel_in_removed(d, d->blocks[k].first, 0))
			return d->blocks[k].level == 1;
	return 0;
}

static void drop_groups(wn__doc *d, int reviews)
{
	/* one group at most per element with text; the tables live as long
	 * as this function: off the arena, whose memory stays until the page
	 * is done */
	size_t elements = 0;
	for (int32_t i = 1; i < d->n_nodes; i++)
		elements += d->nodes[i].kind == WN__NODE_ELEMENT && d->tally[i].chars;
	size_t cap = 64;
	while (cap < 2 * elements)
		cap *= 2;
	pgroup *g = wn__xmalloc(cap * sizeof *g);
	memset(g, 0, cap * sizeof *g);
	uint32_t *key = wn__xmalloc((size_t)d->n_nodes * sizeof *key);
	int32_t *in = wn__xmalloc((size_t)d->n_nodes * sizeof *in);
	for (int pass = 0; pass < 2; pass++)
		for (int32_t i = 1; i < d->n_nodes; i++) {
			const wn__node *x = &d->nodes[i];
			if (!pass)
				in[i] = 0;
			if (x->kind != WN__NODE_ELEMENT || !d->tally[i].chars || x->parent < 0)
				continue;
			if (!pass)
				key[i] = reviews ? wn__shape(d, i) : wn__sel_sibling_key(d, i);
			size_t k = (key[i] ^ (uint32_t)x->parent * 2246822519u) & (cap - 1);
			while (g[k].n && (g[k].parent != x->parent || g[k].key != key[i]))
				k = (k + 1) & (cap - 1);
			if (!pass) {
				g[k].parent = x->parent;
				g[k].key = key[i];
				g[k].n++;
				g[k].cards += is_card(d, i);
				g[k].reviews += is_review(d, i);
				continue;
			}
			if ((reviews ? g[k].reviews < WN__PRODUCT_REVIEWS || 2 * g[k].reviews < g[k].n
			             : g[k].cards < WN__PRODUCT_GRID || 2 * g[k].cards < g[k].n) ||
			    d->tally[i].h1)
				continue;
			if (!g[k].state)
				g[k].state = !reviews && under_h1(d, i) ? 2 : 1;
			if (g[k].state == 1)
				in[i] = x->end;
		}
	int32_t end = 0;
	for (int32_t i = 1; i < d->n_nodes; i++) {
		if (in[i] > end)
			end = in[i];
		in[i] = i < end;
	}
	/* ... with the heading that names the strip ("Similar items") */
	int32_t last = -1;
	for (int32_t k = 0; k < d->n_blocks; k++) {
		wn__block *b = &d->blocks[k];
		if (!b->keep)
			continue;
		if (!in[b->first]) {
			last = k;
			continue;
		}
		b->keep = 0;
		b->reason = WN__WHY_TEASER;
		if (last >= 0 && d->blocks[last].kind == WN__BK_HEADING && d->blocks[last].level > 1) {
			d->blocks[last].keep = 0;
			d->blocks[last].reason = WN__WHY_TEASER;
		}
		last = -1;
	}
	free(g);
	free(key);
	free(in);
}

/* Blocks of tokens, not words: bare image URLs, hashes and ids that a
 * shop's template prints into its fields ("cat_thumb_Red:
 * https://cdn.../red_thumb.jpg"), which no reader is shown as text. */
static void drop_tokens(wn__doc *d)
{
	for (int32_t k = 0; k < d->n_blocks; k++) {
		wn__block *b = &d->blocks[k];
		if (!b->keep || b->cjk || !b->words || b->chars <= WN__WORD_MAX * b->words)
			continue;
		b->keep = 0;
		b->reason = WN__WHY_WEAK;
		/* ... with the label just before it, the field's name */
		wn__block *l = k ? &d->blocks[k - 1] : NULL;
		if (l && l->keep && l->kind != WN__BK_HEADING && l->words <= WN__PRODUCT_LABEL_WORDS) {
			l->keep = 0;
			l->reason = WN__WHY_WEAK;
		}
	}
}

/* The h1 and its buy box, or the first price within a few blocks after
 * it. */
static void keep_name_and_price(wn__doc *d)
{
	int32_t h1 = -1;
	for (int32_t k = 0; k < d->n_blocks && h1 < 0; k++) {
		const wn__block *b = &d->blocks[k];
		if (b->kind == WN__BK_HEADING && b->level == 1 && !wn__sel_in_removed(d, b->first, 0))
			h1 = k;
	}
	if (h1 < 0)
		return;
	wn__sel_keep(d, &d->blocks[h1], WN__WHY_ARTICLE);
	/* the buy box: the largest element around the name that holds a
	 * price, while it is a part of the page, not the article's container
	 * and not two copies of the box (one per screen size): the product's
	 * column, with name, brand, prices, rating, variants, availability,
	 * bullets and the tabs of description and specifications that sit
	 * under them; the smallest would be the name and price alone.  Its
	 * parts named as boilerplate (a share bar, a review form's modal)
	 * are left out as the region mode leaves them: wcxb-dev's products
	 * +0.0009, 10 pages up, 2 down by 0.02 at most */
	int32_t body = d->body > 0 ? d->body : 0, box = -1;
	for (int32_t a = d->nodes[d->blocks[h1].container].parent; a > body; a = d->nodes[a].parent) {
		if (d->tally[a].chars > WN__PRODUCT_BUYBOX_SHARE * d->tally[body].chars ||
		    (d->article >= a && d->article < d->nodes[a].end) || d->tally[a].h1 > 1)
			break;
		if (d->tally[a].prices)
			box = a;
	}
	if (box >= 0) {
		int32_t a = box;
		for (int32_t k = 0; k < d->n_blocks; k++) {
			wn__block *b = &d->blocks[k];
			if (b->first > a && b->first < d->nodes[a].end && !b->keep &&
			    !wn__sel_in_removed(d, b->first, a) &&
			    b->link_chars < WN__MENU_LINK_SHARE * b->chars &&
			    d->node_hint[b->container] - d->node_hint[a] > WN__DROP_HINT &&
			    !(b->kind == WN__BK_CAPTION && !d->opt->captions))
				wn__sel_keep(d, b, WN__WHY_ARTICLE);
		}
		return;
	}
	for (int32_t k = h1 + 1; k < d->n_blocks && k <= h1 + WN__PRODUCT_PRICE_NEAR; k++) {
		wn__block *b = &d->blocks[k];
		if (d->tally[b->container].prices && b->eff <= WN__PRICE_MAX_CHARS &&
		    !wn__sel_in_removed(d, b->first, 0)) {
			wn__sel_keep(d, b, WN__WHY_ARTICLE);
			break;
		}
	}
}

/* The characters of every kept block. */
static int64_t kept_chars(const wn__doc *d)
{
	int64_t n = 0;
	for (int32_t k = 0; k < d->n_blocks; k++)
		n += d->blocks[k].keep ? d->blocks[k].chars : 0;
	return n;
}

/* The product's description as the article mode reads it, with the name
 * and its buy box. */
static void read_description(wn__doc *d)
{
	/* a description of running text: the article mode finds it with its
	 * bullets and specifications */
	wn__note(&d->notes, "%s mode: the product's description, name and buy box",
	         wn_kind_name((wn_kind)d->mode));
	wn__select_article(d);
	keep_name_and_price(d);
}

/* The page's main region less the grid and the review group kind.c
 * found. */
static void read_region(wn__doc *d)
{
	wn__select_region(d);
	wn__note(&d->notes, "%s mode: then less other products and reviews",
	         wn_kind_name((wn_kind)d->mode));
	/* the priced group is another products' grid unless it holds the
	 * product's own name */
	if (d->records >= 0 && d->tally[d->records].prices >= WN__PRODUCT_GRID &&
	    !d->tally[d->records].h1)
		drop_group(d, d->records, d->records_shape, WN__WHY_TEASER);
	if (d->posts >= 0 && !d->tally[d->posts].h1)
		drop_group(d, d->posts, d->posts_shape, WN__WHY_META);
}

/* Whether class token t[0..n) hides its element: a utility class
 * ("hidden", "d-none", "sr-only"), bare or behind a short namespace
 * ("u-hidden", "is-display-none").  A token that names a width
 * ("hidden-xs", "md:hidden", "hide-on-mobile") hides one copy of a part
 * shown at the other widths, and "overflow-hidden" clips, not hides. */
static int hiding_token(const char *t, size_t n)
{
	static const char *const WORDS[] = {
		"hidden",
		"hide",
		"invisible",
		"d-none",
		"display-none",
		"sr-only",
		"visually-hidden",
		"visuallyhidden",
		"screen-reader-only",
		NULL};
	for (const char *const *w = WORDS; *w; w++) {
		size_t m = strlen(*w);
		if (n < m || strncasecmp(t + n - m, *w, m))
			continue;
		if (n == m)
			return 1;
		/* a namespace: a few letters and a dash ("u-", "is-") */
		if (t[n - m - 1] == '-' && n - m - 1 <= WN__PRODUCT_HIDE_PREFIX) {
			int letters = 1;
			for (size_t k = 0; k + 1 < n - m; k++)
				letters &= (t[k] >= 'a' && t[k] <= 'z') ||
				           (t[k] >= 'A' && t[k] <= 'Z');
			if (letters)
				return 1;
		}
	}
	return 0;
}

/* Whether class token t[0..n) shows its element at some width or state
 * ("md:flex", "d-lg-block"): beside a hiding one, the element is one
 * screen's copy, shown there. */
static int showing_token(const char *t, size_t n)
{
	static const char *const SHOWN[] = {
		"block",       "flex",  "grid",     "inline", "inline-block",
		"inline-flex", "table", "contents", NULL};
	const char *v = NULL;
	for (size_t k = n; k > 0 && !v; k--)
		if (t[k - 1] == ':')
			v = t + k;
	if (!v && n > 2 && !strncasecmp(t, "d-", 2))
		for (size_t k = 2; k < n && !v; k++)
			if (t[k] == '-')
				v = t + k + 1;
	if (!v)
		return 0;
	size_t m = (size_t)(t + n - v);
	for (const char *const *w = SHOWN; *w; w++)
		if (strlen(*w) == m && !strncasecmp(v, *w, m))
			return 1;
	return 0;
}

/* Whether class attribute cls hides its element at every width; the
 * other tokens, in order, are hashed into *rest. */
static int hiding_class(const char *cls, uint32_t *rest)
{
	int hides = 0, shows = 0;
	uint32_t h = 2166136261u; /* FNV-1a */
	for (const char *e, *p = wn__token(cls, &e); p; p = wn__token(e, &e)) {
		size_t n = (size_t)(e - p);
		if (hiding_token(p, n)) {
			hides = 1;
		} else {
			shows |= showing_token(p, n);
			for (const char *q = p; q <= e; q++)
				h = (h ^ (unsigned char)(q < e ? *q : ' ')) * 16777619u;
		}
	}
	*rest = h;
	return hides && !shows;
}

/* Whether hidden element i is a folded item of a list whose other items
 * show (an FAQ's answers past the first few, a carousel's slides, a
 * tab set's panes): a sibling of its tag and its other classes is shown. */
static int folded_item(const wn__doc *d, int32_t i, uint32_t rest)
{
	int budget = WN__DISCLOSURE_SCAN;
	uint32_t r;
	for (int32_t c = -1; (c = wn__next_of_tag(d, i, c, &budget)) >= 0;)
		if (!hiding_class(wn__attr(&d->nodes[c], "class"), &r) && r == rest)
			return 1;
	return 0;
}

/* A tooltip: text shown while the pointer rests on a term (WAI-ARIA's
 * role, or a class token or an element's name that starts with the
 * word: "tooltip__content", <tool-tip>). */
static int tooltip(const wn__node *x)
{
	const char *r = wn__attr(x, "role");
	if (r && !strcasecmp(r, "tooltip"))
		return 1;
	char buf[32];
	const char *t = x->tag == GUMBO_TAG_UNKNOWN ? wn__tag_name(x, buf, sizeof buf) : NULL;
	if (t && (!strncasecmp(t, "tooltip", 7) || !strncasecmp(t, "tool-tip", 8)))
		return 1;
	const char *cls = wn__attr(x, "class");
	for (const char *p = cls; p && *p; p++)
		if ((p == cls || p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n') &&
		    (!strncasecmp(p, "tooltip", 7) || !strncasecmp(p, "tool-tip", 8)))
			return 1;
	return 0;
}

/* Kept blocks under a tooltip or an element a utility class hides:
 * a template's field dump, a stock alert a script shows.  Such an element
 * inside a block that shows more (a screen reader's "Current price:"
 * before the price) is left out of it.  What holds the product's name is
 * no hidden part: a wrapper a script shows, or the page's own copy for
 * another width. */
static void drop_class_hidden(wn__doc *d)
{
	int32_t end = -1;
	int32_t *until = wn__xmalloc((size_t)d->n_nodes * sizeof *until);
	for (int32_t i = 0; i < d->n_nodes; i++) {
		wn__node *x = &d->nodes[i];
		uint32_t rest;
		if (i >= end && x->kind == WN__NODE_ELEMENT && x->parent >= 0 && !d->tally[i].h1 &&
		    (tooltip(x) ||
		     (hiding_class(wn__attr(x, "class"), &rest) && !folded_item(d, i, rest)))) {
			end = x->end;
			x->flags |= WN__NF_DROP;
		}
		until[i] = i < end ? end : -1;
	}
	for (int32_t k = 0; k < d->n_blocks; k++) {
		wn__block *b = &d->blocks[k];
		if (b->keep && until[b->first] > b->last) {
			b->keep = 0;
			b->reason = WN__WHY_HINT;
		}
	}
	free(until);
}

/* What no reading of a product page keeps: token dumps, other products'
 * strips, the customers' reviews, copies of its own paragraphs. */
static void drop_others(wn__doc *d)
{
	drop_tokens(d);
	drop_class_hidden(d);
	drop_groups(d, 0);
	drop_groups(d, 1);
	/* a product page prints its description, notes and bullets once
	 * per screen size, in the buy box and again in a tab: a reader sees
	 * each once */
	wn__select_drop_copies(d, WN__PRODUCT_COPY_CHARS);
}

void wn__select_product(wn__doc *d)
{
	if (!d->has_article) {
		read_region(d);
		drop_others(d);
	} else {
		int32_t best = d->article; /* the region mode moves it */
		read_description(d);
		int sections = d->opt->kind == WN_KIND_AUTO && wn__sel_cut_to_a_section(d);
		int64_t description = sections ? kept_chars(d) : 0;
		if (sections) {
			/* a maker's page of feature sections: the description is
			 * one of them */
			wn__note(&d->notes, "%s mode: the description holds little of the page's text",
			         wn_kind_name((wn_kind)d->mode));
			wn__sel_unselect(d);
			read_region(d);
		}
		drop_others(d);
		if (description > 0 && kept_chars(d) > WN__PRODUCT_REGION_GROWTH * description) {
			/* ... unless the region is the whole page */
			wn__sel_unselect(d);
			d->article = best;
			read_description(d);
			drop_others(d);
		} else if (!sections) {
			/* a description that is one part of the product's
			 * column (the text alone, the specifications alone):
			 * the region, less the other products and reviews,
			 * holds several times as much; the whole page, far
			 * more */
			int64_t own = kept_chars(d);
			size_t notes = d->notes.n;
			wn__note(&d->notes,
			         "%s mode: the region holds twice the description's text or more",
			         wn_kind_name((wn_kind)d->mode));
			wn__sel_unselect(d);
			read_region(d);
			drop_others(d);
			int64_t region = kept_chars(d);
			if (region < WN__PRODUCT_REGION_MORE * own ||
			    region > WN__PRODUCT_REGION_GROWTH * own) {
				wn__sel_unselect(d);
				d->article = best;
				read_description(d);
				drop_others(d);
				d->notes.n = notes; /* the first reading's */
			}
		}
	}
	d->has_kept = 0;
	for (int32_t k = 0; k < d->n_blocks && !d->has_kept; k++)
		d->has_kept = d->blocks[k].keep;
}
