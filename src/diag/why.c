/*
 * why.c -- the reasons selection gives for each block, in words.
 */
#include "diag/diag.h"

const char *wn__why_string(int why)
{
	static const char *const names[WN__WHY_COUNT] = {
		[WN__WHY_OUTSIDE] = "outside the article",
		[WN__WHY_ARTICLE] = "in the article",
		[WN__WHY_SIBLING] = "in a sibling of the article",
		[WN__WHY_FALLBACK] = "densest text (no clear article)",
		[WN__WHY_LINKS] = "mostly links",
		[WN__WHY_TEASER] = "a teaser of another page",
		[WN__WHY_HINT] = "under a boilerplate class/id/role",
		[WN__WHY_PRUNED] = "in a subtree that sums to boilerplate",
		[WN__WHY_CAPTION] = "a figure caption",
		[WN__WHY_TITLE] = "repeats the page title",
		[WN__WHY_META] = "a byline or date line",
		[WN__WHY_WEAK] = "too little text of its own",
		[WN__WHY_TAIL] = "a heading or link line after the article's end",
		[WN__WHY_REGION] = "in the page's main region",
		[WN__WHY_CHROME] = "in the page's chrome (menu, nav, aside, form)",
		[WN__WHY_COMMENT] = "in the comment section (given apart)",
		[WN__WHY_LEFT] = "all that was kept: labels or a JavaScript notice, no content",
		[WN__WHY_REPEAT] = "repeats text kept above it, word for word",
		[WN__WHY_EMPTY] = "a heading whose section was all dropped",
		[WN__WHY_TICKER] = "one short phrase over and over (a ticker)",
	};
	return why >= 0 && why < WN__WHY_COUNT ? names[why] : "?";
}
