/*
 * region.c -- the region mode of selection: for a page without a clear
 * article (cards, records, posts, stacked sections), the text of its main
 * region (the <main> landmark, else <body>) less the page's chrome: nav,
 * aside, footer, a header without the page's h1, forms, landmark roles of
 * chrome, subtrees named as boilerplate, and menus (runs of links).
 * NOTES-page-kinds.md measured this "region first" remedy on the pages
 * that fall back today.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/tags.h"
#include "select/select.h"
#include "tuning.h"

/* Landmark roles of the page's chrome (WAI-ARIA). */
static int chrome_role(const char *r)
{
	static const char *const ROLES[] = {
		"navigation",  "banner", "contentinfo", "complementary", "search", "dialog",
		"alertdialog", "menu",   "menubar",     "toolbar",       NULL,
	};
	for (const char *const *k = ROLES; r && *k; k++)
		if (!strcasecmp(r, *k))
			return 1;
	return 0;
}

/* Whether element x is a main landmark: <main>, or role="main". */
static int main_landmark(const wn__node *x)
{
	const char *role = x->tag == GUMBO_TAG_MAIN ? NULL : wn__attr(x, "role");
	return x->tag == GUMBO_TAG_MAIN || (role && !strcasecmp(role, "main"));
}

/* How many elements of the page carry each element's class attribute, as
 * written: a class on many elements is the page's vocabulary for a unit
 * (a page builder's "widget", a "card"), not the name of a boilerplate
 * panel, which a page has once or twice.  An open-addressing table of
 * the class strings, counted once per page. */
/* A class attribute less its tokens with digits (generated ids such as
 * "element-35fa27c4"), in the arena: elements of one kind share it. */
static const char *vocabulary_key(wn__doc *d, const char *cls)
{
	size_t n = strlen(cls), o = 0;
	char *key = wn__arena_alloc(&d->arena, n + 1);
	for (const char *e, *p = wn__token(cls, &e); p; p = wn__token(e, &e)) {
		int digit = 0;
		for (const char *q = p; q < e; q++)
			digit |= *q >= '0' && *q <= '9';
		if (!digit) {
			if (o)
				key[o++] = ' ';
			memcpy(key + o, p, (size_t)(e - p));
			o += (size_t)(e - p);
		}
	}
	key[o] = 0;
	return key;
}

static uint16_t *class_counts(wn__doc *d)
{
	size_t n = 64;
	while (n < 2 * (size_t)d->n_nodes)
		n *= 2;
	/* the table lives as long as this function: off the arena, whose
	 * memory stays until the page is done */
	const char **key = wn__xmalloc(n * sizeof *key);
	uint32_t *cnt = wn__xmalloc(n * sizeof *cnt);
	int32_t *slot = wn__xmalloc((size_t)d->n_nodes * sizeof *slot);
	memset(key, 0, n * sizeof *key);
	memset(cnt, 0, n * sizeof *cnt);
	uint16_t *out = wn__arena_alloc(&d->arena, (size_t)d->n_nodes * sizeof *out);
	for (int32_t i = 0; i < d->n_nodes; i++) {
		slot[i] = -1;
		const char *cls = d->nodes[i].kind == WN__NODE_ELEMENT
		                          ? wn__attr(&d->nodes[i], "class")
		                          : NULL;
		if (!cls || !*cls)
			continue;
		const char *norm = vocabulary_key(d, cls);
		uint32_t h = 2166136261u; /* FNV-1a */
		for (const char *p = norm; *p; p++)
			h = (h ^ (unsigned char)*p) * 16777619u;
		size_t k = h & (n - 1);
		while (key[k] && strcmp(key[k], norm))
			k = (k + 1) & (n - 1);
		key[k] = norm;
		cnt[k]++;
		slot[i] = (int32_t)k;
	}
	for (int32_t i = 0; i < d->n_nodes; i++)
		out[i] = slot[i] < 0 ? 0 : (uint16_t)(cnt[slot[i]] > 65535 ? 65535 : cnt[slot[i]]);
	free(key);
	free(cnt);
	free(slot);
	return out;
}

/* Per subtree: blocks, their characters, link characters, h1s. */
typedef struct counts {
	int32_t blocks, chars, links, h1;
	int32_t prose;       /* blocks of running text */
	int32_t prose_chars; /* their characters */
	int32_t link_blocks; /* blocks with a link */
	int32_t main;        /* main landmarks */
	int32_t th;          /* header cells */
	int32_t checks;      /* checkboxes and radio buttons */
	int32_t controls;    /* controls a user fills in or presses */
	int32_t talks;       /* dated lists, or alike siblings, named for a
	                      * conversation */
} counts;

static counts *count(wn__doc *d)
{
	counts *c = wn__arena_alloc(&d->arena, (size_t)d->n_nodes * sizeof *c);
	for (int32_t k = 0; k < d->n_blocks; k++) {
		const wn__block *b = &d->blocks[k];
		counts *x = &c[b->container];
		x->blocks++;
		x->chars += b->chars;
		x->links += b->link_chars;
		x->h1 += b->kind == WN__BK_HEADING && b->level == 1;
		x->prose += b->good >= WN__STRONG_GOODNESS;
		x->prose_chars += b->good >= WN__STRONG_GOODNESS ? b->chars : 0;
		x->link_blocks += b->link_chars > 0;
	}
	for (int32_t i = d->n_nodes - 1; i > 0; i--) {
		const wn__node *x = &d->nodes[i];
		if (x->kind == WN__NODE_ELEMENT) {
			c[i].main += main_landmark(x);
			c[i].th += x->tag == GUMBO_TAG_TH;
			if (x->tag == GUMBO_TAG_INPUT) {
				const char *t = wn__attr(x, "type");
				c[i].checks += t && (!strcasecmp(t, "checkbox") ||
				                     !strcasecmp(t, "radio"));
				c[i].controls += !t || strcasecmp(t, "hidden");
			}
			c[i].controls += x->tag == GUMBO_TAG_TEXTAREA ||
			                 x->tag == GUMBO_TAG_SELECT || x->tag == GUMBO_TAG_BUTTON;
			if ((x->flags & WN__NF_CONVO) && d->mode == WN_KIND_FORUM) {
				int32_t j = x->end,
					end = x->parent >= 0 ? d->nodes[x->parent].end : 0;
				while (j < end && d->nodes[j].kind != WN__NODE_ELEMENT)
					j = d->nodes[j].end;
				int list = x->tag == GUMBO_TAG_UL || x->tag == GUMBO_TAG_OL;
				c[i].talks += (list && (d->tally[i].times || d->tally[i].dates)) ||
				              (j < end && (d->nodes[j].flags & WN__NF_CONVO) &&
				               wn__shape(d, j) == wn__shape(d, i));
			}
		}
		counts *p = &c[x->parent];
		p->blocks += c[i].blocks;
		p->chars += c[i].chars;
		p->links += c[i].links;
		p->h1 += c[i].h1;
		p->prose += c[i].prose;
		p->prose_chars += c[i].prose_chars;
		p->link_blocks += c[i].link_blocks;
		p->main += c[i].main;
		p->th += c[i].th;
		p->checks += c[i].checks;
		p->controls += c[i].controls;
		p->talks += c[i].talks;
	}
	return c;
}

/* The main landmark holding the most text, when it holds enough of the
 * page's; else the body. */
static int32_t region_root(const wn__doc *d)
{
	int32_t body = d->body > 0 ? d->body : 0, best = -1;
	for (int32_t i = 1; i < d->n_nodes; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->flags & WN__NF_REMOVED) {
			i = x->end - 1;
			continue;
		}
		if (x->kind != WN__NODE_ELEMENT)
			continue;
		if (main_landmark(x) && (best < 0 || d->node_chars[i] > d->node_chars[best]))
			best = i;
	}
	if (best >= 0 && d->node_chars[best] >= WN__REGION_MAIN_SHARE * d->node_chars[body])
		return best;
	return body;
}

/* Without a main landmark, a page of records is read from the ancestor of
 * its records that holds them and what belongs with them (the heading,
 * the count, the pager): climbing from the list stops where what the
 * parent adds is mostly links, or mostly blocks that are links (the menus,
 * the category tree, the footer's columns of a page built of divs
 * alone). */
static int32_t records_root(wn__doc *d, const counts *c, const uint8_t *rec, int32_t body)
{
	/* the largest record list outside the page's landmarks of chrome */
	int32_t r = -1;
	int32_t *n = wn__arena_alloc(&d->arena, (size_t)d->n_nodes * sizeof *n);
	for (int32_t i = body + 1; i < d->nodes[body].end; i++) {
		const wn__node *x = &d->nodes[i];
		if ((x->flags & WN__NF_REMOVED) || x->tag == GUMBO_TAG_NAV ||
		    x->tag == GUMBO_TAG_ASIDE || x->tag == GUMBO_TAG_HEADER ||
		    x->tag == GUMBO_TAG_FOOTER || chrome_role(wn__attr(x, "role"))) {
			i = x->end - 1;
			continue;
		}
		if (rec[i] & WN__REC_MEMBER)
			n[x->parent]++;
	}
	for (int32_t i = body + 1; i < d->nodes[body].end; i++)
		if ((rec[i] & WN__REC_LIST) && n[i] && (r < 0 || c[i].chars > c[r].chars))
			r = i;
	/* a list of the page's wrappers holds the real one: the innermost
	 * list that holds most of the text of the one around it (two
	 * siblings cannot both hold most, so the first found is the one) */
	for (int32_t i = r + 1; r >= 0 && i < d->nodes[r].end; i++)
		if ((rec[i] & WN__REC_LIST) && n[i] &&
		    c[i].chars >= WN__REGION_RECORDS_INNER * c[r].chars)
			r = i;
	if (r < 0 || c[r].chars < WN__REGION_RECORDS_SHARE * c[body].chars)
		return body;
	while (r != body && d->nodes[r].parent >= body) {
		int32_t p = d->nodes[r].parent;
		int32_t add = c[p].chars - c[r].chars, links = c[p].links - c[r].links;
		int32_t blocks = c[p].blocks - c[r].blocks;
		int32_t linked = c[p].link_blocks - c[r].link_blocks;
		if ((add >= WN__REGION_CHROME_CHARS && links >= WN__REGION_CHROME_LINKS * add) ||
		    (blocks >= WN__MENU_BLOCKS && linked >= WN__REGION_CHROME_LINKED * blocks))
			break;
		r = p;
	}
	return r;
}

/* A collection's heading (its h1, often with a line or a paragraph about
 * what it holds) is part of it: the records' root climbs to the lowest
 * ancestor that holds the page's first h1 too, and menus and filters on
 * the way are dropped as chrome.  No further than below the body: an h1
 * that only the body holds with the records is the site's banner's. */
static int32_t with_heading(const wn__doc *d, const counts *c, int32_t root, int32_t body)
{
	int32_t h = -1;
	for (int32_t i = body; i < d->nodes[body].end && h < 0; i++) {
		if (d->nodes[i].flags & WN__NF_REMOVED)
			i = d->nodes[i].end - 1;
		else if (d->nodes[i].tag == GUMBO_TAG_H1 && c[i].h1)
			h = i;
	}
	int32_t a = root;
	while (h >= 0 && a != body && (h < a || h >= d->nodes[a].end))
		a = d->nodes[a].parent;
	return h >= 0 && a != body ? a : root;
}

/* A header or footer is the page's banner or content info only outside
 * sectioning content (HTML's outline): inside an article, a section, an
 * aside or a nav it is that part's own.  <main> is not sectioning
 * content, and pages built by scripts wrap their whole page, header and
 * sitemap footer too, in it (WAI-ARIA's mapping, which also scopes by
 * main, kept those footers: measured on wcxb-dev, 4 pages up, none
 * down). */
static int page_scoped(const wn__doc *d, int32_t i)
{
	for (int32_t a = d->nodes[i].parent; a > 0; a = d->nodes[a].parent) {
		int t = d->nodes[a].tag;
		if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_ASIDE ||
		    t == GUMBO_TAG_NAV)
			return 0;
	}
	return 1;
}

/* Whether element i is a landmark of chrome: navigation, a complementary
 * part, the page's banner or content info (by tag or by role).  Such a
 * landmark is chrome however much text it holds: a mega-menu or a
 * sitemap footer can hold more than a landing page's own copy. */
static int landmark(const wn__doc *d, int32_t i)
{
	const wn__node *x = &d->nodes[i];
	if (x->tag == GUMBO_TAG_NAV || x->tag == GUMBO_TAG_ASIDE)
		return 1;
	if ((x->tag == GUMBO_TAG_FOOTER || x->tag == GUMBO_TAG_HEADER) && page_scoped(d, i))
		return 1;
	return chrome_role(wn__attr(x, "role"));
}

/* Whether element i, an aside or a part named as boilerplate, is a
 * drawer of a product's own column: a panel of running text (the
 * description, the details) that a button of the buy box slides in, in
 * an <aside> or a "sheet", "modal", "drawer".  It is one when the
 * nearest element around it that holds the page's h1 holds a price and
 * is no larger than a buy box: the product's column, not the page. */
static int product_drawer(const wn__doc *d, const counts *c, int32_t i)
{
	const wn__node *x = &d->nodes[i];
	if (d->mode != WN_KIND_PRODUCT || !c[i].prose || (x->tag != GUMBO_TAG_ASIDE && x->hint >= 0))
		return 0;
	int32_t body = d->body > 0 ? d->body : 0;
	for (int32_t a = x->parent; a > body; a = d->nodes[a].parent)
		if (d->tally[a].h1)
			return d->tally[a].h1 == 1 && d->tally[a].prices &&
			       d->tally[a].chars <= WN__PRODUCT_BUYBOX_SHARE * d->tally[body].chars;
	return 0;
}

/* Whether element i (below the region's root) is the page's chrome.
 * Nothing that holds the page's h1 or its main landmark is, nor, unless
 * it is a landmark, what holds most of the region ("content-sidebar-wrap"
 * holds both columns); names and forms do not beat running text (a page
 * builder calls every block a "widget", forum software wraps the posts in
 * a form); nor is a product's drawer. */
static int is_chrome(const wn__doc *d, const counts *c, const uint16_t *classes, const uint8_t *rec,
                     int in_record, int in_data, int32_t base, int32_t i)
{
	const wn__node *x = &d->nodes[i];
	if (c[i].h1 || c[i].main)
		return 0;
	if (product_drawer(d, c, i))
		return 0;
	if (landmark(d, i))
		return 1;
	if (c[i].chars > WN__CHROME_MAX_SHARE * c[d->article].chars)
		return 0;
	/* records and their list are content, whatever their links; in a
	 * record only its controls are not.  What holds the page's records
	 * is not chrome by its name or its links either: a shop wraps its
	 * grid in "filters and pagination", and cards of short linked names
	 * read as a menu. */
	/* a form is chrome by what a user does with it (search, log in,
	 * subscribe); one with no control to fill in or press is a wrapper,
	 * as a board's edit-in-place form around each post's text */
	if (x->tag == GUMBO_TAG_FORM && !c[i].prose && c[i].controls)
		return 1;
	/* a shop's or a listing's filters are fieldsets of checkboxes ("Size:
	 * XS S M L", "Brand"), wherever the form around them is; on a product
	 * page a fieldset is its variants, which are content */
	if (x->tag == GUMBO_TAG_FIELDSET && !c[i].prose &&
	    (d->mode == WN_KIND_COLLECTION || d->mode == WN_KIND_LISTING))
		return 1;
	int holds = d->records > i && d->records < x->end && (rec[d->records] & WN__REC_LIST);
	if (c[i].prose || rec[i] || in_record || holds)
		return 0;
	/* ... and outside the records, a part of checkboxes or radio
	 * buttons without prose is filters too, in a fieldset or not */
	if (c[i].checks >= WN__FILTER_CHECKS &&
	    (d->mode == WN_KIND_COLLECTION || d->mode == WN_KIND_LISTING))
		return 1;
	/* a service page's hero banner and its promo blocks are what it
	 * says */
	int pitch = d->mode == WN_KIND_SERVICE && (x->flags & WN__NF_PITCH);
	if (x->hint < 0 && !pitch && d->node_hint[i] - base <= wn__sel_tune(d)->drop_hint &&
	    classes[i] < WN__CLASS_VOCABULARY)
		return 1;
	/* A menu: several blocks of short links.  Longer links are the
	 * titles of a listing's records; the rows of a table with header
	 * cells are its data (linked names in a table of winners). */
	return !in_data && (x->flags & WN__NF_BLOCK) && c[i].blocks >= WN__MENU_BLOCKS &&
	       c[i].links >= WN__MENU_LINK_SHARE * c[i].chars &&
	       c[i].links < WN__MENU_ITEM_CHARS * c[i].link_blocks;
}

/* A line of short links ("Log in · Sign up", "Read more »", "Post
 * Reply"): navigation, except on a service page, whose calls to action
 * ("Get started", "Book a demo") are part of what it says, and on a
 * listing, whose entries' titles are short links ("Data Engineer"),
 * unless the line holds far more links than a title or a call to action. */
static int link_line(const wn__doc *d, const wn__block *b)
{
	int own = d->mode == WN_KIND_SERVICE || d->mode == WN_KIND_LISTING;
	if ((own && b->tags <= WN__LINK_LINE_ITEMS) || b->kind == WN__BK_HEADING ||
	    !b->link_chars || !wn__sel_tune(d)->link_lines)
		return 0;
	return b->link_chars >= WN__MENU_LINK_SHARE * b->chars &&
	       b->link_chars < WN__MENU_ITEM_CHARS * (b->tags + 1);
}

/* Whether element i is text for screen readers only, by the names style
 * sheets give it ("sr-only", "visually-hidden", "screen-reader-text"):
 * a card's unseen labels ("Regular price", "Sale price", "Unit price
 * per"), a hidden copy of the site's menu.  Inline, such a phrase can be
 * the spoken form of a part hidden from screen readers beside it (a
 * price drawn in aria-hidden markup, which cleaning removed): then it is
 * the only copy of what the page shows, and stays. */
static int screen_reader_only(const wn__doc *d, int32_t i)
{
	static const char *const NAMES[] = {
		"sr-only",
		"visually-hidden",
		"visuallyhidden",
		"screen-reader-text",
		"screen-reader-only",
		NULL,
	};
	const wn__node *x = &d->nodes[i];
	int named = 0;
	for (const char *e, *p = wn__token(wn__attr(x, "class"), &e); p && !named;
	     p = wn__token(e, &e))
		for (const char *const *k = NAMES; *k; k++)
			named |= strlen(*k) == (size_t)(e - p) &&
			         !strncasecmp(p, *k, (size_t)(e - p));
	if (!named || (x->flags & WN__NF_BLOCK))
		return named;
	int32_t p = x->parent;
	for (int32_t k = p + 1; k < d->nodes[p].end; k = d->nodes[k].end) {
		const char *h = d->nodes[k].kind == WN__NODE_ELEMENT
		                        ? wn__attr(&d->nodes[k], "aria-hidden")
		                        : NULL;
		if (h && !strcasecmp(h, "true"))
			return 0;
	}
	return 1;
}

/* Whether element i, on a thread that says so in its schema.org types,
 * is its posts' list, what holds it, one of its posts or a part of post
 * member that holds no list of such parts: the parts that forum software
 * names "comment" and "reply".  A list of them in a post is the comments
 * under it (a Q&A answer's), which the thread's own are not. */
static int thread_part(const wn__doc *d, const counts *c, int32_t member, int32_t i)
{
	int32_t p = d->posts;
	if (d->mode != WN_KIND_FORUM || p < 0 || !(d->schema & WN__SCHEMA_FORUM))
		return 0;
	if (i <= p)
		return p < d->nodes[i].end;
	if (d->nodes[i].parent == p)
		return 1;
	return member >= 0 && i < d->nodes[member].end && !c[i].talks;
}

/* Reads the part of the page under top (the region's root, or a part
 * beside it) less its chrome: its blocks are kept. */
static void read_part(wn__doc *d, const counts *c, const uint16_t *classes, const uint8_t *rec,
                      int32_t *base, int32_t root, int32_t top)
{
	base[top] = d->node_hint[top == root ? top : d->nodes[top].parent];
	/* on a page of records the unseen labels repeat in every record */
	int unseen = d->mode == WN_KIND_COLLECTION || d->mode == WN_KIND_LISTING;
	int32_t dropped_end = -1, record_end = -1, data_end = -1, member = -1;
	/* an unseen label inside a line goes, not the line: the line is
	 * decided at its first text outside the label */
	int32_t unseen_end = -1, deferred = -1;
	for (int32_t i = top; i < d->nodes[top].end; i++) {
		wn__node *x = &d->nodes[i];
		if (x->flags & WN__NF_REMOVED) {
			i = x->end - 1;
			continue;
		}
		if (x->kind == WN__NODE_ELEMENT) {
			if (i != top) {
				int32_t p = x->parent;
				int head = c[p].h1 && c[p].h1 == c[root].h1 &&
				           c[p].chars <= WN__CHROME_MAX_SHARE * c[root].chars;
				base[i] = head && d->node_hint[p] < base[p] ? d->node_hint[p]
				                                            : base[p];
				/* on a thread, "comment" and "reply" name its posts:
				 * no evidence against them or their parts */
				if (p == d->posts)
					member = i;
				if ((x->flags & WN__NF_CONVO) && thread_part(d, c, member, i))
					base[i] += d->node_hint[i] - d->node_hint[p];
			}
			if ((rec[i] & WN__REC_MEMBER) && x->end > record_end)
				record_end = x->end;
			if (x->tag == GUMBO_TAG_TABLE && c[i].th && x->end > data_end)
				data_end = x->end;
			/* beside the region, prose does not beat a bad name: a
			 * cookie banner's or a dialog's text is prose too */
			int named = top != root && d->node_hint[i] < base[i];
			int spoken = i != root && i >= dropped_end && unseen &&
			             screen_reader_only(d, i);
			if (spoken && !(x->flags & WN__NF_BLOCK)) {
				x->flags |= WN__NF_DROP;
				unseen_end = x->end > unseen_end ? x->end : unseen_end;
			} else if (i != root && i >= dropped_end &&
			           (named || spoken ||
			            is_chrome(d, c, classes, rec, i < record_end, i < data_end,
			                      base[i], i))) {
				x->flags |= WN__NF_DROP;
				dropped_end = x->end;
			}
			continue;
		}
		if (x->block < 0)
			continue;
		wn__block *b = &d->blocks[x->block];
		if (b->keep || (b->first != i && x->block != deferred))
			continue;
		if (i < unseen_end && i >= dropped_end) {
			deferred = x->block;
			continue;
		}
		deferred = -1;
		if (i < dropped_end)
			b->reason = WN__WHY_CHROME;
		else if (b->kind == WN__BK_CAPTION && !d->opt->captions)
			b->reason = WN__WHY_CAPTION;
		else if (i >= record_end && i >= data_end && link_line(d, b))
			b->reason = WN__WHY_LINKS;
		else
			wn__sel_keep(d, b, WN__WHY_REGION);
	}
}

/* A shop's or a listing's own text about what it lists (the category's
 * description, its buying guide, its FAQ) often stands after the main
 * landmark, beside it in the body: the parts beside the region's root
 * and its ancestors that are mostly running text, and not chrome, are
 * read too. */
static void read_outside(wn__doc *d, const counts *c, const uint16_t *classes, const uint8_t *rec,
                         int32_t *base, int32_t root, int32_t body)
{
	for (int32_t a = root; a != body && a > 0; a = d->nodes[a].parent) {
		int32_t p = d->nodes[a].parent;
		for (int32_t i = p + 1; i < d->nodes[p].end; i = d->nodes[i].end) {
			const wn__node *x = &d->nodes[i];
			if (i == a || x->kind != WN__NODE_ELEMENT || (x->flags & WN__NF_REMOVED) ||
			    !c[i].prose || c[i].prose_chars < WN__REGION_OUTSIDE_PROSE * c[i].chars)
				continue;
			base[i] = d->node_hint[p];
			if (d->node_hint[i] < base[i] ||
			    is_chrome(d, c, classes, rec, 0, 0, base[i], i))
				continue;
			read_part(d, c, classes, rec, base, root, i);
		}
	}
}

void wn__select_region(wn__doc *d)
{
	wn__note(&d->notes,
	         "%s%s mode: reading the page's main region less its "
	         "menus and chrome",
	         d->has_article ? "" : "no clear article; ", wn_kind_name((wn_kind)d->mode));
	counts *c = count(d);
	uint16_t *classes = class_counts(d);
	/* records are the content of a collection, a listing, a service
	 * page made of cards; on a thread or a product page they are the user
	 * panels, "latest threads" and "you may also like", and beside a
	 * service page's own text the teasers of other pages */
	int records = d->mode == WN_KIND_COLLECTION || d->mode == WN_KIND_LISTING ||
	              (d->mode == WN_KIND_SERVICE && !d->has_article);
	uint8_t *rec = records ? wn__sel_records(d) : wn__arena_alloc(&d->arena, (size_t)d->n_nodes);
	int32_t root = region_root(d);
	int32_t body = d->body > 0 ? d->body : 0;
	if (records && root == body)
		root = records_root(d, c, rec, body);
	if (d->mode == WN_KIND_COLLECTION && root != body && !c[root].h1)
		root = with_heading(d, c, root, body);
	d->article = root;
	/* names are read from the region's root down, and below the part
	 * that holds the page's h1 (a part: not most of the region) from
	 * there: its own name ("collection-header") says nothing against
	 * its parts ("collection-header__description") */
	int32_t *base = wn__arena_alloc(&d->arena, (size_t)d->n_nodes * sizeof *base);
	read_part(d, c, classes, rec, base, root, root);
	if (records && root != body)
		read_outside(d, c, classes, rec, base, root, body);
	if (records)
		wn__sel_drop_record_lines(d, rec);
	/* A page too small or too plain for the rules above (a fragment, a
	 * list of links) still gives its region's text rather than nothing,
	 * less its landmarks of chrome: a page that is only its menus and
	 * footer has no content, and the driver's recovery reads what else
	 * it has (its noscript, its data, its description). */
	for (int32_t k = 0; k < d->n_blocks && !d->has_kept; k++)
		if (d->blocks[k].first >= root && d->blocks[k].first < d->nodes[root].end)
			d->has_kept = -1; /* some block to give */
	if (d->has_kept == -1) {
		d->has_kept = 0;
		int32_t chrome_end = -1;
		for (int32_t i = root; i < d->nodes[root].end; i++) {
			wn__node *x = &d->nodes[i];
			if (i >= chrome_end && i != root && x->kind == WN__NODE_ELEMENT &&
			    !c[i].h1 && !c[i].main && landmark(d, i))
				chrome_end = x->end;
			if (i >= chrome_end)
				x->flags &= (uint16_t)~WN__NF_DROP;
			if (x->kind == WN__NODE_ELEMENT || x->block < 0 || i < chrome_end)
				continue;
			wn__block *b = &d->blocks[x->block];
			if (b->first == i && !(b->kind == WN__BK_CAPTION && !d->opt->captions) &&
			    !wn__sel_in_removed(d, b->first, root))
				wn__sel_keep(d, b, WN__WHY_REGION);
		}
	}
}
