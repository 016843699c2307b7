/*
 * doc.c -- a document's life in the pipeline.
 */
#include <string.h>

#include "doc.h"

void wn__doc_init(wn__doc *d, const wn_options *o)
{
	memset(d, 0, sizeof *d);
	wn__arena_init(&d->arena);
	wn__arena_init(&d->keep);
	wn__pool_init(&d->parse);
	d->notes.arena = &d->keep;
	d->opt = o;
	d->article = -1;
}

void wn__doc_free(wn__doc *d)
{
	wn__arena_free(&d->arena);
	wn__arena_free(&d->keep);
	d->nodes = NULL;
	d->blocks = NULL;
}
