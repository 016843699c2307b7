/*
 * md_table.c -- GFM pipe tables: whether a table is data (a pipe table) or
 * lays out the page (its cells as paragraphs), and its rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/tags.h"
#include "base/utf8.h"
#include "render/md.h"
#include "tuning.h"

int wn__md_colspan(const wn__node *x)
{
	const char *v = wn__attr(x, "colspan");
	long n = v ? strtol(v, NULL, 10) : 1;
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}


/* Layout or data (see WN__MD_LAYOUT_CELL_CHARS); counts the columns of data. */
int wn__md_is_layout_table(const wn__doc *d, int32_t t, int *ncols)
{
	int32_t cell = -1;
	*ncols = 0;
	for (int32_t j = t + 1; j < d->nodes[t].end; j++) {
		const wn__node *x = &d->nodes[j];
		if ((x->flags & (WN__NF_REMOVED | WN__NF_DROP)) || x->kind != WN__NODE_ELEMENT) {
			j = x->end - 1;
			continue;
		}
		if (x->tag == GUMBO_TAG_TABLE)
			return 1;
		if (x->tag == GUMBO_TAG_TR && (x->flags & WN__NF_KEEP)) {
			int n = 0;
			for (int32_t c = j + 1; c < x->end; c = d->nodes[c].end)
				if (wn__tag_is(d->nodes[c].tag, WN__TC_CELL))
					n += wn__md_colspan(&d->nodes[c]);
			if (n > *ncols)
				*ncols = n;
		} else if (wn__tag_is(x->tag, WN__TC_CELL)) {
			cell = j;
		} else if ((x->flags & WN__NF_BLOCK) && cell >= 0 && j < d->nodes[cell].end &&
		           d->node_chars[cell] > WN__MD_LAYOUT_CELL_CHARS) {
			return 1;
		}
	}
	/* Wider than any reader can take in as a pipe table: paragraphs, and
	 * no padding of every row to thousands of empty cells (colspan). */
	return *ncols < 2 || *ncols > WN__MD_MAX_TABLE_COLUMNS;
}

void wn__md_enter_row(wn__md_state *s)
{
	if (s->rows)
		s->ow.breaks = 1, s->hard = 0;
	else
		wn__md_owe(s, 2);
	wn__md_flush(s, 0);
	wn__md_put(s, "|");
	s->col = s->bol = s->numstart = 0;
}

void wn__md_leave_row(wn__md_state *s)
{
	for (; s->col < s->ncols; s->col++)
		wn__md_put(s, " |");
	if (!s->rows++) {
		wn__md_put(s, "\n");
		wn__md_prefix(s, 0, s->nfr);
		wn__md_put(s, "|");
		for (int k = 0; k < s->ncols; k++)
			wn__md_put(s, " --- |");
	}
	s->last = 0;
}
