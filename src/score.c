/*
 * score.c -- gives every block a goodness (-1..1, how much it looks like
 * running text) and a weight (goodness times length) for selection.
 * Features after boilerpipe (length, link density) and jusText (length
 * classes, link share), plus punctuation and class/id evidence as in
 * Readability.js; see tuning.h for the numbers and their reasons.
 */
#include "internal.h"
#include "tuning.h"

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void wn__score(wn_doc *d)
{
	int32_t nn = d->n_nodes;
	int32_t *chars = wn__arena_alloc(&d->arena, (size_t)nn * sizeof *chars);
	int32_t *hint = wn__arena_alloc(&d->arena, (size_t)nn * sizeof *hint);
	d->node_chars = chars;
	d->node_hint = hint;

	for (int32_t k = 0; k < d->n_blocks; k++) {
		wn_block *b = &d->blocks[k];
		b->eff = b->chars + (WN_CJK_CHAR_WEIGHT - 1) * b->cjk;
		chars[b->container] += b->eff;
	}
	/* Children come after their parent: a reverse pass sums subtrees. */
	for (int32_t i = nn - 1; i > 0; i--)
		if (d->nodes[i].parent >= 0)
			chars[d->nodes[i].parent] += chars[i];

	/* Evidence summed top-down, skipping wrappers of most of the page. */
	double total = chars[0] > 0 ? chars[0] : 1;
	for (int32_t i = 1; i < nn; i++) {
		const wn_node *x = &d->nodes[i];
		int h = hint[x->parent];
		if (x->hint && chars[i] <= WN_HINT_MAX_SHARE * total)
			h += x->hint;
		hint[i] = h;
	}

	for (int32_t k = 0; k < d->n_blocks; k++) {
		wn_block *b = &d->blocks[k];
		double eff = b->eff;
		double len = clamp((eff - WN_SHORT) / (WN_LONG - WN_SHORT), 0, 1);
		double punct = clamp((b->punct + b->sentences) * WN_PUNCT_EVERY /
		                         (eff > 1 ? eff : 1), 0, 1);
		double links = b->chars ? (double)b->link_chars / b->chars : 0;
		b->hint = (int32_t)clamp(hint[b->container], -WN_HINT_CLAMP, WN_HINT_CLAMP);
		double g = WN_G_BASE + WN_G_LEN_W * len + WN_G_PUNCT_W * punct -
		           WN_G_LINK_W * links + WN_HINT_WEIGHT * b->hint;
		/* Headings and code are not running text, yet belong with the
		 * text around them: neutral for finding the article. */
		if ((b->kind == WN_BK_HEADING || b->kind == WN_BK_PRE) && g < 0 &&
		    links < WN_MAX_LINK_SHARE)
			g = 0;
		b->good = (float)clamp(g, -1, 1);
		b->score = (float)(b->good * eff);
	}
}
