/*
 * score.c -- gives every block a goodness (-1..1, how much it looks like
 * running text) and a weight (goodness times length) for selection.
 * Features after boilerpipe (length, link density) and jusText (length
 * classes, link share), plus punctuation and class/id evidence as in
 * Readability.js; see tuning.h for the numbers and their reasons.
 */
#include "stages.h"
#include "tuning.h"

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* A teaser: the short summary of another page, under or after its linked
 * headline.  Either one block that starts with a headline-long link and
 * goes on with text, or a short block right after a block that is all
 * link.  Listings, "related" and "most read" panels are made of these;
 * articles are not. */
/* Whether headline h and summary b make one unit of their own: the
 * smallest element holding both holds little else.  A paragraph of an
 * article that follows a "related" box embedded in it shares only the
 * whole article body with that box's headline. */
static int one_unit(const wn__doc *d, const wn__block *h, const wn__block *b)
{
	int32_t a = b->container;
	while (a > 0 && h->first < a)
		a = d->nodes[a].parent;
	return d->node_chars[a] <= h->eff + b->eff + 2 * WN__TEASER_MAX_BETWEEN;
}

static int is_teaser(const wn__doc *d, int32_t k)
{
	const wn__block *b = &d->blocks[k];
	if (b->eff > WN__TEASER_MAX || b->kind == WN__BK_HEADING || b->kind == WN__BK_PRE ||
	    b->kind == WN__BK_CELL)
		return 0;
	if (b->lead_link >= WN__TEASER_MIN_LINK && b->chars - b->link_chars >= WN__SHORT)
		return WN__TEASER_LEAD;
	if (b->link_chars)
		return 0;
	/* Look back over at most one short line (a date, a byline) for the
	 * linked headline. */
	for (int32_t j = k - 1; j >= 0 && j >= k - 2; j--) {
		const wn__block *p = &d->blocks[j];
		if (p->link_chars >= WN__TEASER_MIN_LINK &&
		    p->link_chars >= WN__TEASER_LINK_SHARE * p->chars)
			return !one_unit(d, p, b)          ? 0
			       : p->kind == WN__BK_HEADING ? WN__TEASER_UNDER_HEADLINE
			       : j == k - 1                ? WN__TEASER_AFTER_LINK
			                                   : 0;
		if (p->eff > WN__TEASER_MAX_BETWEEN)
			break;
	}
	return 0;
}

static int neutral_kind(int kind)
{
	return kind == WN__BK_HEADING || kind == WN__BK_PRE || kind == WN__BK_LIST_ITEM ||
	       kind == WN__BK_CELL;
}

/* How much b's length says it is running text, 0..1 (see WN__WORD_MAX). */
static double length_credit(const wn__block *b)
{
	int32_t spaced = b->chars - b->cjk, words = b->words - b->cjk;
	if (words > 0 && spaced > WN__WORD_MAX * words)
		return 0;
	return clamp((b->eff - WN__SHORT) / (double)(WN__LONG - WN__SHORT), 0, 1);
}

double wn__text_goodness(const wn__block *b)
{
	double eff = b->eff;
	double len = length_credit(b);
	double punct = clamp((b->punct + b->sentences) * WN__PUNCT_EVERY / (eff > 1 ? eff : 1), 0, 1) *
	               clamp(eff / WN__PUNCT_EVERY, 0, 1);
	double links = b->chars ? (double)b->link_chars / b->chars : 0;
	return WN__G_BASE + WN__G_LEN_W * len + WN__G_PUNCT_W * punct - WN__G_LINK_W * links;
}

static int word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Whether block b's words (runs of letters and digits, ASCII case
 * folded) are one phrase of at most WN__TICKER_WORDS words said
 * WN__TICKER_TIMES times or more, and nothing else, in as many text
 * nodes at least (a marquee's copies are elements); a last phrase cut
 * short still counts.  Read as a stream: each period still possible is
 * checked against the words one period back, and running text rules out
 * every period within a few words. */
static int ticker(const wn__doc *d, const wn__block *b)
{
	enum { W = WN__TICKER_WORDS };
	uint32_t ring[W];
	int open[W + 1], left = W;
	for (int per = 1; per <= W; per++)
		open[per] = 1;
	int32_t n = 0, runs = 0;
	int32_t self = (int32_t)(b - d->blocks);
	for (int32_t i = b->first; i <= b->last && left; i++) {
		if (d->nodes[i].kind != WN__NODE_TEXT || d->nodes[i].block != self)
			continue;
		const unsigned char *p = (const unsigned char *)d->nodes[i].g->v.text.text;
		int32_t before = n;
		while (*p && left) {
			while (*p && !word_byte(*p))
				p++;
			if (!*p)
				break;
			uint32_t h = 2166136261u;
			for (; word_byte(*p); p++)
				h = (h ^ (uint32_t)(*p >= 'A' && *p <= 'Z' ? *p | 0x20 : *p)) *
				    16777619u;
			for (int per = 1; per <= W; per++)
				if (open[per] && n >= per && ring[(n - per) % W] != h)
					open[per] = 0, left--;
			ring[n % W] = h;
			n++;
		}
		runs += n > before;
	}
	/* each copy is an element of its own: one text said over and over
	 * is a page's text, however dull */
	if (runs < WN__TICKER_TIMES)
		return 0;
	for (int per = 1; per <= W; per++)
		if (open[per] && n >= per * WN__TICKER_TIMES)
			return 1;
	return 0;
}

/* Goodness and weight of one block.  In listing mode (a page with no
 * article) the teasers are the content: linked headlines are headlines,
 * and class names such as "teaser" or "card" are no evidence against. */
static void rate(wn__block *b, int listing)
{
	double eff = b->eff;
	double len = length_credit(b);
	/* Punctuation is a rate; on a few characters ("Posts: 3") it says
	 * nothing, so its credit grows with the length. */
	double punct = clamp((b->punct + b->sentences) * WN__PUNCT_EVERY / (eff > 1 ? eff : 1), 0, 1) *
	               clamp(eff / WN__PUNCT_EVERY, 0, 1);
	double links = b->chars ? (double)b->link_chars / b->chars : 0;
	if (listing && b->kind == WN__BK_HEADING)
		links = 0;
	double g = WN__G_BASE + WN__G_LEN_W * len + WN__G_PUNCT_W * punct - WN__G_LINK_W * links;
	if (!listing) {
		g += WN__HINT_WEIGHT * b->hint;
		if (b->teaser)
			g -= WN__TEASER_PENALTY;
	}
	/* Headings, code, list items and table cells are not running text,
	 * yet belong with the text around them: short ones without links
	 * (features, specs) are neutral for finding the article; menus are
	 * lists of links and stay negative. */
	if (neutral_kind(b->kind) && g < 0 && links < WN__MAX_LINK_SHARE && b->hint > WN__DROP_HINT)
		g = 0;
	if (b->ticker)
		g = -1; /* chrome, however long: it must not outweigh the article */
	b->good = (float)clamp(g, -1, 1);
	b->score = (float)(b->good * eff);
}

void wn__score(wn__doc *d)
{
	int32_t nn = d->n_nodes;
	int32_t *chars = wn__arena_alloc(&d->arena, (size_t)nn * sizeof *chars);
	int32_t *hint = wn__arena_alloc(&d->arena, (size_t)nn * sizeof *hint);
	d->node_chars = chars;
	d->node_hint = hint;

	for (int32_t k = 0; k < d->n_blocks; k++) {
		wn__block *b = &d->blocks[k];
		b->eff = b->chars + (WN__CJK_CHAR_WEIGHT - 1) * b->cjk;
		chars[b->container] += b->eff;
	}
	/* Children come after their parent: a reverse pass sums subtrees. */
	for (int32_t i = nn - 1; i > 0; i--)
		if (d->nodes[i].parent >= 0)
			chars[d->nodes[i].parent] += chars[i];

	/* Evidence summed top-down, skipping wrappers of most of the page. */
	double total = chars[0] > 0 ? chars[0] : 1;
	for (int32_t i = 1; i < nn; i++) {
		const wn__node *x = &d->nodes[i];
		int h = hint[x->parent];
		if (x->hint && chars[i] <= WN__HINT_MAX_SHARE * total)
			h += x->hint;
		hint[i] = h;
	}

	for (int32_t k = 0; k < d->n_blocks; k++) {
		wn__block *b = &d->blocks[k];
		b->teaser = is_teaser(d, k);
		b->ticker = b->words >= WN__TICKER_TIMES && !wn__block_repeats_by_right(b) &&
		            ticker(d, b);
		b->hint = (int32_t)clamp(hint[b->container], WN__HINT_CLAMP_BAD, WN__HINT_CLAMP_GOOD);
		rate(b, 0);
	}
}

void wn__score_listing(wn__doc *d)
{
	for (int32_t k = 0; k < d->n_blocks; k++)
		rate(&d->blocks[k], 1);
}
