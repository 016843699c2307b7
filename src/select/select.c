/*
 * select.c -- the selection stage: runs the mode for the page's kind and
 * marks the kept nodes for the renderers.  An article's running text is
 * found by the article mode; every other kind, and an article page whose
 * article is not clear (unless the caller says it is an article), is read
 * from its main region.
 */
#include "select/select.h"

void wn__select(wn__doc *d)
{
	if (d->kind == WN_KIND_ARTICLE && (d->has_article || d->opt->kind))
		wn__select_article(d);
	else if (d->kind == WN_KIND_FORUM)
		wn__select_posts(d);
	else if (d->kind == WN_KIND_PRODUCT)
		wn__select_product(d);
	else
		wn__select_region(d);
	wn__sel_mark_kept(d);
}
