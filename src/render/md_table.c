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
