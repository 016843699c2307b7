/*
 * kind.c -- the page-kind stage: article, forum, product, collection,
 * listing, documentation or service, decided from the page's structure
 * (NOTES-page-kinds.md, "kind first, then mode"): how much of it is
 * running text and where, repeated units and what they carry (prices,
 * times, linked titles, prose), prices and buy controls near the
 * headline, code, stacked sections with headings; schema.org types and
 * og:type as soft evidence.  Never the URL.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/tags.h"
#include "stages.h"
#include "tuning.h"

/* What the members of a group carry: how many of them hold a link, a
 * price, a time or a date, running text, a heading; their text. */
typedef struct gstats {
	int32_t n, linked, priced, timed, prosy, headed, replied, chars;
} gstats;

/* One group of alike siblings: the children of parent with one shape. */
typedef struct group {
	int32_t parent;
	uint32_t shape;
	int32_t n, chars;
	int32_t first; /* the first member */
	/* members holding a heading, a link, running text: counted as the
	 * group is made (reading a group's members on their own would read a
	 * parent's children once per shape among them: quadratic on a parent
	 * of many small groups) */
	int32_t headed, linked, prosy;
	gstats all; /* every element child of that shape from the first member
	             * on, empty or removed ones too (group_stats) */
} group;

/* The groups of alike element siblings, in an open-addressing table
 * keyed by parent and shape; the caller frees it (it is the largest table
 * of the pipeline, and needed only here). */
/* The slot of the group of parent and shape in the table g of cap slots:
 * the group's, or the empty one where it would go. */
static size_t group_slot(const group *g, size_t cap, int32_t parent, uint32_t s)
{
	size_t k = (s ^ (uint32_t)parent * 2654435761u) & (cap - 1);
	while (g[k].n && (g[k].parent != parent || g[k].shape != s))
		k = (k + 1) & (cap - 1);
	return k;
}

static group *find_groups(wn__doc *d, size_t *cap_out)
{
	size_t cap = 64;
	while (cap < 2 * (size_t)d->n_nodes)
		cap *= 2;
	group *g = wn__xmalloc(cap * sizeof *g);
	memset(g, 0, cap * sizeof *g);
	const wn__tally *t = d->tally;
	for (int32_t i = 1; i < d->n_nodes; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->kind != WN__NODE_ELEMENT)
			continue;
		int member = !(x->flags & WN__NF_REMOVED) && t[i].chars;
		uint32_t s = wn__shape(d, i);
		size_t k = group_slot(g, cap, x->parent, s);
		if (!g[k].n && member) {
			g[k].parent = x->parent;
			g[k].shape = s;
			g[k].first = i;
		}
		if (g[k].n || member) {
			gstats *a = &g[k].all;
			a->n++;
			a->chars += t[i].chars;
			a->linked += t[i].links > 0;
			a->priced += t[i].prices > 0;
			a->timed += t[i].times > 0 || t[i].dates > 0;
			a->prosy += t[i].prose > 0;
			a->headed += t[i].headings > 0;
			a->replied += t[i].replies > 0;
		}
		if (x->flags & WN__NF_REMOVED)
			i = x->end - 1;
		if (!member)
			continue;
		g[k].n++;
		g[k].chars += t[i].chars;
		g[k].headed += t[i].headings > 0;
		g[k].linked += t[i].links > 0;
		g[k].prosy += t[i].prose > 0;
	}
	*cap_out = cap;
	return g;
}

/* A control's label of n bytes folded into low (cap bytes): lower-cased,
 * runs of white space made one space.  0 when it does not fit: a label is
 * short, and longer text is a card that is one link, not a button. */
static int fold(const char *s, size_t n, char *low, size_t cap)
{
	size_t m = 0;
	if (!n || n >= cap)
		return 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char ch = (unsigned char)s[k];
		if (ch == '\n' || ch == '\t' || ch == '\r')
			ch = ' ';
		if (ch == ' ' && (!m || low[m - 1] == ' '))
			continue;
		low[m++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
	}
	low[m] = 0;
	return 1;
}

/* Whether a folded label holds one of words. */
static int says(const char *low, const char *const *words)
{
	for (const char *const *w = words; *w; w++)
		if (strstr(low, *w))
			return 1;
	return 0;
}

/* The words of a control that buys ("Add to cart", "In den Warenkorb"),
 * lower-cased, in the languages the benchmark's pages are written in and
 * a few more.  Buying is what a product page is for, whatever its
 * markup. */
static const char *const BUY_WORDS[] = {
	"add to cart",
	"add to bag",
	"add to basket",
	"add to trolley",
	"buy now",
	"buy it now",
	"add to order",
	"in den warenkorb",
	"in den einkaufswagen",
	"jetzt kaufen",
	"ajouter au panier",
	"añadir al carrito",
	"agregar al carrito",
	"añadir a la cesta",
	"aggiungi al carrello",
	"adicionar ao carrinho",
	"in winkelwagen",
	"dodaj do koszyka",
	"lägg i varukorgen",
	"カートに入れる",
	"加入购物车",
	"장바구니",
	"в корзину",
	NULL,
};

/* The words of a control that asks the reader to get in touch or to start
 * ("Get a quote", "Book a demo", "Learn more"): what a service's page is
 * for, as buying is a product page's.  A job board's "Apply now" is not
 * among them: it is each record's, not the page's. */
static const char *const CALL_WORDS[] = {
	"contact us",
	"get in touch",
	"get a quote",
	"request a quote",
	"free quote",
	"book now",
	"book a ",
	"schedule a",
	"get started",
	"free consultation",
	"request a demo",
	"call us",
	"call now",
	"call today",
	"start free",
	"free trial",
	"learn more",
	"talk to",
	"let's talk",
	"kontaktieren sie uns",
	"angebot anfordern",
	"contactez-nous",
	"demander un devis",
	"contáctanos",
	"solicitar presupuesto",
	NULL,
};

/* The page's controls: in *buy whether one buys (a button, a submit input
 * or a link saying so, or a form that posts to a cart), in *calls how many
 * links and buttons call to act (CALL_WORDS).  Removed parts count: a
 * service's calls sit in its header and its banners as much as in its
 * text. */
static void read_controls(const wn__doc *d, int *buy, int32_t *calls)
{
	wn__buf b = {0};
	char low[64];
	*buy = 0;
	*calls = 0;
	for (int32_t i = 1; i < d->n_nodes; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->kind != WN__NODE_ELEMENT)
			continue;
		if (x->tag == GUMBO_TAG_BUTTON || x->tag == GUMBO_TAG_A) {
			b.len = 0;
			for (int32_t j = i + 1; j < x->end && b.len < sizeof low; j++)
				if (d->nodes[j].kind == WN__NODE_TEXT)
					wn__buf_puts(&b, d->nodes[j].g->v.text.text);
			if (!fold(b.data, b.len, low, sizeof low))
				continue;
			*buy |= says(low, BUY_WORDS);
			*calls += says(low, CALL_WORDS);
		} else if (x->tag == GUMBO_TAG_INPUT && !*buy) {
			const char *v = wn__attr(x, "value");
			*buy = v && fold(v, strlen(v), low, sizeof low) && says(low, BUY_WORDS);
		} else if (x->tag == GUMBO_TAG_FORM && !*buy) {
			const char *a = wn__attr(x, "action");
			*buy = a && (strstr(a, "/cart") || strstr(a, "basket"));
		}
	}
	wn__buf_free(&b);
}

static gstats group_stats(const group *g)
{
	gstats s = {0};
	return g ? g->all : s;
}

/* How many cues of a landing page (a service's page) a page shows: nobody
 * signs or dates it, its text comes in short pieces under many headings,
 * in several groups of feature cards and in sections.  Being undated is
 * required (classify): a pitch is kept up, not published on a day. */
static int landing_cues(const wn__cues *c)
{
	return !c->author + c->undated + (c->short_share >= WN__KIND_SHORT_SHARE) +
	       (c->heading_share >= WN__KIND_HEADING_SHARE) +
	       (c->features >= WN__KIND_FEATURE_GROUPS) + (c->sections >= WN__KIND_SECTION_ELEMENTS);
}

/* The kind of a page (NOTES-page-kinds.md's structures), in order of how
 * specific the evidence is: posts and forum types, code, priced cards,
 * products, listing types, then article against service and listing by
 * how much running text there is per heading and whether the page's
 * records are linked titles.  Confidence: how many pieces of evidence
 * agree. */
static int classify_structure(const wn__evidence *f, const wn__cues *c, double *confidence)
{
	int s_article = (f->schema & (WN__SCHEMA_ARTICLE | WN__SCHEMA_OG_ARTICLE)) != 0;
	/* a byline and a date: somebody wrote it, on a day (on a page of
	 * dated posts they are a post's: a question's, a thread's) */
	int signed_ = c->author && c->date && f->posts < WN__KIND_SIGNED_POSTS &&
	              f->posts_share < WN__KIND_POSTS_SHARE;
	/* posts that are the page's content, not comments under an article
	 * (whose body is outside them and larger) or reviews of a product */
	int thread = f->posts >= WN__KIND_POSTS && f->posts_share >= WN__KIND_POSTS_SHARE &&
	             f->article_prose < f->posts_share && f->article_run < WN__KIND_ARTICLE_RUN &&
	             !(f->schema & WN__SCHEMA_PRODUCT);
	if ((f->schema & WN__SCHEMA_FORUM) || thread) {
		*confidence = (f->schema & WN__SCHEMA_FORUM) && thread ? 0.95 : 0.8;
		return WN_KIND_FORUM;
	}
	/* code on a signed and dated page is a tutorial, a post about code:
	 * reference pages are kept up, not signed; nor do they show a date,
	 * whatever type their template declares */
	int code = f->code >= WN__KIND_CODE_STRONG ||
	           (f->code >= WN__KIND_CODE && (!s_article || !c->shows_date));
	if ((f->schema & WN__SCHEMA_DOCS) || (code && !signed_)) {
		*confidence = f->code >= WN__KIND_CODE_STRONG ? 0.9 : 0.7;
		return WN_KIND_DOCUMENTATION;
	}
	int grid = f->priced >= WN__KIND_GRID ||
	           (f->priced >= WN__KIND_GRID_SMALL && f->priced_share >= WN__KIND_GRID_SHARE);
	/* a product page with its "you may also like" grid is a product;
	 * more so when it declares a product and no list of them: the grid
	 * is its related strip or its variants unless it is most of the
	 * page */
	double related = f->schema & WN__SCHEMA_LIST ? WN__KIND_PRODUCT_GRID_SHARE
	                                             : WN__KIND_PRODUCT_ALONE_SHARE;
	/* a signed and dated page's priced cards are a buying guide's picks,
	 * not a shop's grid */
	if (grid && !signed_ &&
	    !((f->schema & WN__SCHEMA_PRODUCT) && f->buy && f->priced_share < related)) {
		*confidence = f->priced >= WN__KIND_GRID ? 0.9 : 0.7;
		return WN_KIND_COLLECTION;
	}
	/* a signed page that declares an Article beside a Product reviews it
	 * (og:type alone is a template's default and does not count) */
	int review = signed_ && (f->schema & WN__SCHEMA_ARTICLE);
	/* a Product declared on a page with nothing to buy, whose largest
	 * group is cards that each carry a heading and a link: a category's
	 * tiles, each leading to a product or a range of them (a product
	 * page sells, and its related strip is smaller than its own text) */
	if ((f->schema & WN__SCHEMA_PRODUCT) && !f->buy && !s_article &&
	    f->group >= WN__KIND_TILES && f->group_linked >= WN__KIND_TILES_LINKED &&
	    f->group_headed >= WN__KIND_TILES_HEADED && f->group_share >= WN__KIND_TILES_SHARE) {
		*confidence = 0.6;
		return WN_KIND_COLLECTION;
	}
	if (((f->schema & WN__SCHEMA_PRODUCT) && !review) || (f->buy && !s_article)) {
		*confidence = (f->schema & WN__SCHEMA_PRODUCT) && f->buy ? 0.9 : 0.7;
		return WN_KIND_PRODUCT;
	}
	if ((f->schema & (WN__SCHEMA_LIST | WN__SCHEMA_JOB)) && !s_article) {
		*confidence = 0.7;
		return WN_KIND_LISTING;
	}
	int thin = f->prose_per_heading < WN__KIND_THIN_TEXT;
	if (s_article) {
		*confidence = thin ? 0.6 : 0.9;
		if (thin && !f->article && f->group_linked >= WN__KIND_LINKED_RECORDS)
			return WN_KIND_LISTING;
		return WN_KIND_ARTICLE;
	}
	if (f->prose_per_heading < WN__KIND_SECTION_TEXT && f->headings >= WN__KIND_SECTIONS &&
	    f->run < WN__KIND_ARTICLE_RUN) {
		*confidence = 0.6;
		if (!f->article && f->group >= 3) {
			if (f->priced_share >= WN__KIND_GRID_SHARE / 2)
				return WN_KIND_COLLECTION;
			/* cards with headings that are not links are a
			 * service's features; a listing's titles link */
			if (c->features > 0 && f->group_linked < WN__KIND_LINKED_RECORDS)
				return WN_KIND_SERVICE;
			return WN_KIND_LISTING;
		}
		return f->article ? WN_KIND_SERVICE : WN_KIND_ARTICLE;
	}
	if (f->group_linked >= WN__KIND_ALL_LINKED && f->group_share >= WN__KIND_RECORDS_SHARE) {
		*confidence = 0.6;
		return WN_KIND_LISTING;
	}
	*confidence = f->prose >= 0.5 ? 0.9 : 0.7;
	return WN_KIND_ARTICLE;
}

/* The page's kind, and in *mode the kind whose mode reads it: the kind
 * its structure reads as.  The two part where what a page is and how its
 * text is laid out disagree: a pitch written as one running text is a
 * service page that the article mode reads best. */
static int classify(const wn__evidence *f, const wn__cues *c, double *confidence, int *mode)
{
	int k = classify_structure(f, c, confidence);
	*mode = k;
	/* code is a manual's (an FAQ's), never a pitch's */
	if (k == WN_KIND_ARTICLE && c->undated && landing_cues(c) >= WN__KIND_LANDING_CUES &&
	    f->code < WN__KIND_CODE) {
		*confidence = 0.6;
		*mode = WN_KIND_SERVICE;
		return WN_KIND_SERVICE;
	}
	/* a pitch whose text runs on, dated or not (a template dates every
	 * page it serves): a service page, read as the article it reads as */
	if (k == WN_KIND_ARTICLE && !c->author && c->heading_share >= WN__KIND_PITCH_HEADINGS &&
	    c->features >= WN__KIND_PITCH_FEATURES && f->code < WN__KIND_CODE)
		return WN_KIND_SERVICE;
	/* sections of short text with a clear article, under a byline and a
	 * date on the page: somebody wrote it on a day, an article in
	 * sections (a listicle, a guide) that the service mode reads best */
	if (k == WN_KIND_SERVICE && f->article && c->author && c->shows_date)
		return WN_KIND_ARTICLE;
	if (k != WN_KIND_ARTICLE)
		return k;
	/* no clear article, little text per heading and records that all
	 * link: an index of entries, read as the page it reads as */
	if (!f->article && f->prose_per_heading < WN__KIND_SECTION_TEXT &&
	    f->group_linked >= WN__KIND_ALL_LINKED)
		return WN_KIND_LISTING;
	/* code among many links on a page that declares no article: a
	 * manual's page inside its navigation */
	if (!(f->schema & WN__SCHEMA_ARTICLE) && f->code >= WN__KIND_DOCS_CODE &&
	    f->links >= WN__KIND_DOCS_LINKS)
		return WN_KIND_DOCUMENTATION;
	/* unsigned, undated by its metadata, its text in short blurbs: the
	 * features of a landing page */
	if (!c->author && !c->date && c->short_share >= WN__KIND_BLURB_SHARE)
		return WN_KIND_SERVICE;
	/* undated by its metadata, and it asks the reader again and again to
	 * get in touch or to start: a service's pitch (an article's calls are
	 * a sidebar's one or two) */
	if (!c->date && c->calls >= WN__KIND_CALLS)
		return WN_KIND_SERVICE;
	return k;
}

/* The cues of d (wn__cues), read off its blocks, its groups of alike
 * siblings and its metadata. */
static wn__cues read_cues(const wn__doc *d, const group *g, size_t cap)
{
	wn__cues c = {0};
	const wn__tally *t = d->tally;
	int32_t body = d->body > 0 ? d->body : 0;
	double total = t[body].chars > 0 ? t[body].chars : 1;
	c.author = d->meta.author && *d->meta.author;
	c.date = d->meta.date && *d->meta.date;
	c.shows_date = t[body].times || t[body].dates;
	c.undated = !c.date && !c.shows_date;
	int32_t short_chars = 0, heading_chars = 0;
	for (int32_t k = 0; k < d->n_blocks; k++) {
		const wn__block *b = &d->blocks[k];
		if (b->kind == WN__BK_HEADING)
			heading_chars += b->eff;
		if (b->eff < WN__KIND_SHORT_BLOCK && !b->link_chars)
			short_chars += b->eff;
	}
	c.short_share = short_chars / total;
	c.heading_share = heading_chars / total;
	for (size_t k = 0; k < cap; k++)
		if (g[k].n >= 3 && g[k].headed >= WN__KIND_FEATURE_HEADED * g[k].n &&
		    g[k].linked < WN__KIND_FEATURE_LINKED * g[k].n)
			c.features++;
	for (int32_t i = body; i < d->n_nodes; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->flags & WN__NF_REMOVED)
			i = x->end - 1;
		else if (x->kind == WN__NODE_ELEMENT && x->tag == GUMBO_TAG_SECTION && t[i].headings)
			c.sections++;
	}
	return c;
}

void wn__kind(wn__doc *d)
{
	d->tally = wn__tally_build(d);
	size_t cap;
	group *g = find_groups(d, &cap);
	const wn__tally *t = d->tally;
	int32_t body = d->body > 0 ? d->body : 0;
	double total = t[body].chars > 0 ? t[body].chars : 1;
	/* the largest group of three or more; the one with most priced
	 * members; the one with most members holding both running text and
	 * a time (posts) */
	const group *best = NULL, *pg = NULL, *tg = NULL, *rg = NULL, *dg = NULL;
	int32_t pbest = 0, tbest = 0, rbest = 0, dbest = 0;
	for (size_t k = 0; k < cap; k++) {
		if (g[k].n < 2)
			continue;
		if (g[k].n >= 3 && (!best || g[k].chars > best->chars))
			best = &g[k];
		const wn__tally *p = &t[g[k].parent];
		if (p->prices >= 3 && p->prices > pbest) {
			gstats s = group_stats(&g[k]);
			if (s.priced >= 3 && s.priced > pbest)
				pg = &g[k], pbest = s.priced;
		}
		/* the posts: of the groups whose members hold a time and
		 * running text, the one with most text (the answers, not the
		 * comments under one of them) */
		if (p->times + p->dates >= 2 && p->prose > 0 && g[k].chars > tbest) {
			gstats s = group_stats(&g[k]);
			int32_t both = s.timed < s.prosy ? s.timed : s.prosy;
			if (both >= 2)
				tg = &g[k], tbest = g[k].chars;
		}
		/* of the groups whose members each hold running text, the one
		 * with most text: a forum's posts where no time is in the HTML
		 * (a script writes "3 days ago") */
		if (g[k].prosy >= WN__KIND_POSTS && 2 * g[k].prosy >= g[k].n &&
		    2 * g[k].headed < g[k].n && g[k].chars > rbest)
			rg = &g[k], rbest = g[k].chars;
		/* of the groups whose members each hold a time, the one with
		 * most text: a thread of short replies, none running text (a
		 * list of other threads is their linked titles) */
		if (p->times + p->dates >= WN__KIND_POSTS && g[k].n >= WN__KIND_POSTS &&
		    g[k].chars > dbest && p->links < WN__KIND_REPLIES_LINKED * p->chars) {
			gstats s = group_stats(&g[k]);
			if (s.timed >= WN__KIND_POSTS && 2 * s.timed >= s.n)
				dg = &g[k], dbest = g[k].chars;
		}
	}
	gstats bs = group_stats(best), ps = group_stats(pg), ts = group_stats(tg);
	wn__evidence f = {0};
	f.text = t[body].chars;
	f.prose = t[body].prose / total;
	f.links = t[body].links / total;
	f.code = t[body].code / total;
	f.prose_per_heading = (double)t[body].prose / (t[body].headings + 1);
	f.headings = t[body].headings;
	/* the longest run of paragraphs of running text, in characters, on
	 * the page and outside the posts (an article's own body, beside its
	 * comments; a long post is no article) */
	int32_t run = 0, run_out = 0, outside = 0;
	int32_t pfrom = tg ? tg->parent : 0, pto = tg ? d->nodes[tg->parent].end : 0;
	for (int32_t k = 0; k < d->n_blocks; k++) {
		const wn__block *b = &d->blocks[k];
		int in_posts = b->first >= pfrom && b->first < pto;
		if (b->kind == WN__BK_PARA && wn__text_goodness(b) >= WN__STRONG_GOODNESS) {
			run += b->eff;
			run_out = in_posts ? 0 : run_out + b->eff;
		} else if (b->kind != WN__BK_PARA || b->eff > WN__SHORT) {
			run = run_out = 0;
		}
		if (run > f.run)
			f.run = run;
		if (run_out > outside)
			outside = run_out;
	}
	f.posts = ts.timed < ts.prosy ? ts.timed : ts.prosy;
	/* members that each have a heading are a listing's entries (a blog
	 * archive's dated teasers), not a thread's posts -- unless the
	 * headings are replies' subjects ("Re: ..."): a board that titles
	 * every post */
	if (2 * ts.headed >= ts.n && 2 * ts.replied < ts.headed)
		f.posts = 0;
	f.posts_share = ts.chars / total;
	{
		/* an article with comments: its body is outside the posts */
		int32_t a = d->article;
		int inside = tg && a >= tg->parent && a < d->nodes[tg->parent].end;
		f.article_prose = inside ? 0 : t[a].prose / total;
		f.article_run = inside ? 0 : outside;
	}
	f.priced = ps.priced;
	f.priced_share = ps.chars / total;
	f.group = bs.n;
	f.group_linked = bs.n ? (double)bs.linked / bs.n : 0;
	f.group_headed = bs.n ? (double)bs.headed / bs.n : 0;
	f.group_share = bs.chars / total;
	f.article = d->has_article;
	f.schema = d->schema;
	d->posts = tg ? tg->parent : -1;
	d->posts_shape = tg ? tg->shape : 0;
	d->records = pg ? pg->parent : best ? best->parent : -1;
	d->records_shape = pg ? pg->shape : best ? best->shape : 0;
	int32_t rparent = rg ? rg->parent : -1;
	uint32_t rshape = rg ? rg->shape : 0;
	if (!rg && dg)
		rparent = dg->parent, rshape = dg->shape;
	f.cues = read_cues(d, g, cap);
	read_controls(d, &f.buy, &f.cues.calls);
	free(g);
	if (d->opt->kind != WN_KIND_AUTO) {
		d->kind = d->mode = d->opt->kind;
		d->kind_confidence = 1;
	} else {
		d->kind = classify(&f, &f.cues, &d->kind_confidence, &d->mode);
	}
	/* a thread by its schema.org types (or as asked) that shows no
	 * times: its posts are the group of running texts; one of short
	 * replies: the group of dated members */
	if (!tg && rparent >= 0 && d->mode == WN_KIND_FORUM) {
		d->posts = rparent;
		d->posts_shape = rshape;
	}
	d->evidence = f;
}

/* The kinds' names, for the public wn_kind_name() and wn_kind_from_name():
 * here, with the stage that decides kinds, so that the stages after it and
 * the renderers read them without calling up into the driver. */
static const char *const KINDS[WN_KIND_COUNT] = {
	"auto", "article", "forum", "product", "collection", "listing", "documentation", "service",
};

const char *wn_kind_name(wn_kind k)
{
	return (unsigned)k < WN_KIND_COUNT ? KINDS[k] : NULL;
}

int wn_kind_from_name(const char *name)
{
	for (int k = 0; name && k < WN_KIND_COUNT; k++)
		if (!strcasecmp(name, KINDS[k]))
			return k;
	return -1;
}
