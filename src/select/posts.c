/*
 * posts.c -- the posts mode of selection, for forum threads and Q&A
 * pages: the region mode's reading of the page, then in each post the
 * lines of the forum's template taken out: user panels ("Posts: 1,234",
 * "Joined: March 2019"), action bars (Quote, Reply, Report, "6 Likes")
 * and signatures.  What marks them is that they repeat from post to post
 * once their numbers are set aside, while a post's own words do not; the
 * first short line of a post (its author) and its date lines stay, as
 * the notes' "threads" remedy keeps author, date and votes.
 */
#include <string.h>

#include "metadata/metadata.h"
#include "select/select.h"
#include "tuning.h"

/* A block's text with numbers folded to one '#' and spaces collapsed,
 * hashed (FNV-1a): "Posts: 4032" and "Posts: 65703" are one line; a short
 * "label: value" line is its label ("Location: Leeds", "Location: Hull"),
 * and *label says so when the label is words, not a time's "10:". */
static uint32_t line_shape(const wn__doc *d, const wn__block *b, int *label)
{
	uint32_t h = 2166136261u;
	int prev = 0, n = 0, digit = 0;
	*label = 0;
	int labelled = b->eff <= WN__POST_LABEL_LINE;
	for (int32_t t = b->first; t <= b->last; t++) {
		const wn__node *x = &d->nodes[t];
		if (x->kind == WN__NODE_ELEMENT || x->block != (int32_t)(b - d->blocks))
			continue;
		for (const unsigned char *p = (const unsigned char *)x->g->v.text.text; *p; p++) {
			int c = *p >= '0' && *p <= '9'                    ? '#'
			        : *p == ' ' || (*p >= '\t' && *p <= '\r') ? ' '
			                                                  : *p;
			/* "1,305" and "9.870" are one number, as "41" is */
			if ((c == ',' || c == '.') && prev == '#' && p[1] >= '0' && p[1] <= '9')
				c = '#';
			if ((c == '#' || c == ' ') && c == prev)
				continue;
			h = (h ^ (uint32_t)c) * 16777619u;
			prev = c;
			digit |= c == '#';
			if (c == ':' && labelled && n <= WN__POST_LABEL) {
				*label = !digit;
				return h;
			}
			n++;
		}
	}
	return h;
}

/* Whether block b itself gives a calendar date ("Mar 27, 2019 at 3:52",
 * "2024-08-03"), not a span ("every 3 years"). */
static int gives_date(const wn__doc *d, const wn__block *b)
{
	char buf[4 * WN__DATE_LINE_MAX + 8], iso[WN__DATE_MAX];
	size_t o = 0;
	for (int32_t t = b->first; t <= b->last && o + 1 < sizeof buf; t++) {
		const wn__node *x = &d->nodes[t];
		if (x->kind == WN__NODE_ELEMENT || x->block != (int32_t)(b - d->blocks))
			continue;
		size_t n = strlen(x->g->v.text.text);
		if (n > sizeof buf - 1 - o)
			n = sizeof buf - 1 - o;
		memcpy(buf + o, x->g->v.text.text, n);
		o += n;
	}
	buf[o] = 0;
	return wn__date_find(buf, o, iso) != NULL;
}

/* The tag and class of the posts group's members (wn__shape_skin), or 0. */
static uint32_t posts_skin(const wn__doc *d)
{
	const wn__node *p = &d->nodes[d->posts];
	for (int32_t c = d->posts + 1; c < p->end; c = d->nodes[c].end)
		if (d->nodes[c].kind == WN__NODE_ELEMENT && wn__shape(d, c) == d->posts_shape)
			return wn__shape_skin(d, c);
	return 0;
}

/* The member of the posts group that block b lies in, or -1: a child of
 * the group's parent of its shape, or of its tag and class (a post whose
 * first child differs: the thread's first one, without the microdata
 * <meta> the replies open with). */
static int32_t post_of(const wn__doc *d, const wn__block *b, uint32_t skin)
{
	for (int32_t i = b->container; i > d->posts; i = d->nodes[i].parent)
		if (d->nodes[i].parent == d->posts) {
			int alike = wn__shape(d, i) == d->posts_shape ||
			            (skin && wn__shape_skin(d, i) == skin);
			return alike ? i : -1;
		}
	return -1;
}

/* Whether block b lies, inside its post, in an element named for
 * boilerplate ("signature", "share", "toolbar"): one holding no date or
 * time (a reply nested in the post has them) and a small part of the
 * post's text (a post wholly in such an element is still a post). */
static int in_named_chrome(const wn__doc *d, const wn__block *b, int32_t member)
{
	const wn__tally *t = d->tally;
	for (int32_t i = b->container; i > member; i = d->nodes[i].parent)
		if (d->nodes[i].hint <= WN__HINT_BAD && !t[i].times && !t[i].dates &&
		    t[i].chars < WN__POST_CHROME_SHARE * t[member].chars)
			return 1;
	return 0;
}

/* Whether block b lies in a blockquote below element top. */
static int in_quote(const wn__doc *d, const wn__block *b, int32_t top)
{
	for (int32_t i = b->container; i > top; i = d->nodes[i].parent)
		if (d->nodes[i].tag == GUMBO_TAG_BLOCKQUOTE)
			return 1;
	return 0;
}

typedef struct line {
	uint32_t shape;
	int32_t posts, last_post; /* posts it is in, and the last one counted */
	int32_t own, last_own;    /* ... outside the posts' quotes */
} line;

void wn__select_posts(wn__doc *d)
{
	wn__select_region(d);
	if (d->posts < 0)
		return;
	wn__note(&d->notes,
	         "%s mode: then in each post its author, date and text, "
	         "less the lines every post repeats (panels, signatures, action bars)",
	         wn_kind_name((wn_kind)d->mode));
	/* the posts each block is in, and the blocks' shapes in a table */
	int32_t n = d->n_blocks;
	int32_t *post = wn__arena_alloc(&d->arena, (size_t)(n ? n : 1) * sizeof *post);
	uint32_t *shape = wn__arena_alloc(&d->arena, (size_t)(n ? n : 1) * sizeof *shape);
	int *label = wn__arena_alloc(&d->arena, (size_t)(n ? n : 1) * sizeof *label);
	size_t cap = 64;
	while (cap < 2 * (size_t)n)
		cap *= 2;
	line *tab = wn__arena_alloc(&d->arena, cap * sizeof *tab);
	int32_t members = 0, last = -1;
	uint32_t skin = posts_skin(d);
	for (int32_t k = 0; k < n; k++) {
		const wn__block *b = &d->blocks[k];
		post[k] = post_of(d, b, skin);
		if (post[k] < 0 || !b->keep)
			continue;
		if (post[k] != last)
			members++, last = post[k];
		shape[k] = line_shape(d, b, &label[k]) | 1;
		size_t s = shape[k] & (cap - 1);
		while (tab[s].shape && tab[s].shape != shape[k])
			s = (s + 1) & (cap - 1);
		tab[s].shape = shape[k];
		if (tab[s].last_post != post[k] + 1) {
			tab[s].posts++;
			tab[s].last_post = post[k] + 1;
		}
		/* a quote repeats another post's lines: those are not the
		 * forum's template for that */
		if (tab[s].last_own != post[k] + 1 && !in_quote(d, b, post[k])) {
			tab[s].own++;
			tab[s].last_own = post[k] + 1;
		}
	}
	int32_t repeat = members >= 2 * WN__POST_TEMPLATE ? WN__POST_TEMPLATE : 2;
	last = -1;
	int author = 0, texted = 0;
	int32_t term = -1; /* the last <dt> the template took */
	for (int32_t k = 0; k < n; k++) {
		wn__block *b = &d->blocks[k];
		if (post[k] < 0 || !b->keep)
			continue;
		if (post[k] != last)
			author = 0, texted = 0, last = post[k];
		size_t s = shape[k] & (cap - 1);
		while (tab[s].shape != shape[k])
			s = (s + 1) & (cap - 1);
		int32_t in = in_quote(d, b, post[k]) ? tab[s].posts : tab[s].own;
		/* a <dd> after a <dt> the template took is that label's
		 * value ("Joined" / "Jun 29, 2016"): the panel's too, whether
		 * a date or a number some other user shares */
		int value = d->nodes[b->container].tag == GUMBO_TAG_DD && term == k - 1;
		int date = d->tally[b->container].dates && b->eff <= WN__DATE_LINE_MAX && !label[k];
		int first_short = !author && b->eff <= WN__POST_AUTHOR_CHARS;
		if (first_short)
			author = 1;
		/* in (nearly) every post: the template, whatever its place;
		 * in several: the template, unless the post's date or the
		 * name of an author who posted more than once.  A date under
		 * a label that several posts repeat is a user panel's field
		 * ("Joined: Mar 2019"), the user's and not the post's */
		int everywhere = in >= repeat && in >= WN__POST_EVERYWHERE * members;
		/* a post's date heads it, by its author; a date after its
		 * text is an edit notice or a user card's ("answered Mar 27,
		 * 2019") */
		int late = date && texted && !in_quote(d, b, post[k]) && gives_date(d, b);
		if (b->eff > WN__DATE_LINE_MAX)
			texted = 1;
		if ((!date && (everywhere || (in >= repeat && !first_short))) || value || late ||
		    in_named_chrome(d, b, post[k])) {
			b->keep = 0;
			b->reason = WN__WHY_META;
			if (d->nodes[b->container].tag == GUMBO_TAG_DT)
				term = k;
		}
	}
	/* a quote of an earlier post gives its text a second time: a line in
	 * a blockquote that some line outside the quotes already gave goes */
	uint64_t *seen = wn__arena_alloc(&d->arena, cap * sizeof *seen);
	for (int32_t k = 0; k < n; k++) {
		wn__block *b = &d->blocks[k];
		if (!b->keep || b->first < d->posts || b->first >= d->nodes[d->posts].end)
			continue;
		uint64_t h = wn__sel_block_hash(d, b);
		size_t q = h & (cap - 1);
		while (seen[q] && seen[q] != h)
			q = (q + 1) & (cap - 1);
		if (!in_quote(d, b, d->posts))
			seen[q] = h;
		else if (seen[q]) {
			b->keep = 0;
			b->reason = WN__WHY_REPEAT;
		}
	}
	/* a thread ends with its last post: what follows the posts is the
	 * reply box, other threads, the pager, a consent dialog; before them,
	 * a line that is mostly one link is another thread's title ("latest
	 * topics", "similar threads") */
	int32_t end = d->nodes[d->posts].end;
	for (int32_t k = 0; k < n; k++) {
		wn__block *b = &d->blocks[k];
		if (b->keep && b->first >= end) {
			b->keep = 0;
			b->reason = WN__WHY_OUTSIDE;
			continue;
		}
		if (post[k] < 0 && b->keep && b->kind != WN__BK_HEADING && b->kind != WN__BK_CELL &&
		    b->link_chars >= WN__MENU_LINK_SHARE * b->chars) {
			b->keep = 0;
			b->reason = WN__WHY_LINKS;
		}
	}
	d->has_kept = 0;
	for (int32_t k = 0; k < n && !d->has_kept; k++)
		d->has_kept = d->blocks[k].keep;
}
