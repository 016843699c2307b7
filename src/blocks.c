/*
 * blocks.c -- splits the cleaned DOM into blocks, the units that are
 * scored: maximal runs of inline content between block-level boundaries
 * (boilerpipe's text blocks), and measures each.
 */
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "stages.h"
#include "tuning.h"

static int is_comma(int32_t c)
{
	return c == ',' || c == ';' || c == ':' || c == 0x3001 || c == 0xFF0C || c == 0x060C ||
	       c == 0xFF1B;
}

static int is_stop(int32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F ||
	       c == 0x061F || c == 0x0964;
}

static void measure(wn__block *b, const char *s, int in_link, int *prev_space)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		int32_t cp;
		i += (size_t)wn__utf8_next(s + i, len - i, &cp);
		if (wn__is_space_cp(cp)) {
			*prev_space = 1;
			continue;
		}
		b->chars++;
		if (in_link) {
			b->link_chars++;
			if (!b->lead_done)
				b->lead_link++;
		} else {
			b->lead_done = 1;
		}
		if (wn__is_cjk_cp(cp)) {
			b->words++;
			b->cjk++;
			*prev_space = 1; /* the next Latin run is a new word */
		} else {
			if (*prev_space)
				b->words++;
			*prev_space = 0;
		}
		if (is_comma(cp))
			b->punct++;
		else if (is_stop(cp))
			b->sentences++;
	}
}

static uint8_t kind_of(int tag, int in_pre, int in_caption, int in_quote, int in_cell)
{
	if (in_pre)
		return WN__BK_PRE;
	if (in_caption)
		return WN__BK_CAPTION;
	if (in_cell && tag == GUMBO_TAG_P)
		return WN__BK_CELL;
	switch (tag) {
	case GUMBO_TAG_H1:
	case GUMBO_TAG_H2:
	case GUMBO_TAG_H3:
	case GUMBO_TAG_H4:
	case GUMBO_TAG_H5:
	case GUMBO_TAG_H6: return WN__BK_HEADING;
	case GUMBO_TAG_LI:
	case GUMBO_TAG_DT:
	case GUMBO_TAG_DD: return WN__BK_LIST_ITEM;
	case GUMBO_TAG_TD:
	case GUMBO_TAG_TH: return WN__BK_CELL;
	default: return in_quote ? WN__BK_QUOTE : WN__BK_PARA;
	}
}

void wn__blocks(wn__doc *d)
{
	size_t cap = 0;
	wn__block *blocks = NULL;
	WN__ARENA_GROW(&d->arena, blocks, cap, 1, 256);
	int32_t n = 0, open = -1;
	size_t ccap = 0, csp = 0;
	int32_t *containers = NULL;
	WN__GROW(containers, ccap, 1, 64);
	int limited = 0, in_cell = 0, in_pre = 0, in_caption = 0, in_quote = 0, prev_space = 1;

	wn__walk w;
	int32_t i;
	int leave;
	wn__walk_init(&w, d, 0, WN__NF_REMOVED);
	containers[csp++] = 0;
	while (wn__walk_next(&w, &i, &leave)) {
		wn__node *x = &d->nodes[i];
		if (x->kind == WN__NODE_ELEMENT) {
			int sign = leave ? -1 : 1;
			if (x->flags & WN__NF_IN_PRE && !(d->nodes[x->parent].flags & WN__NF_IN_PRE))
				in_pre += sign;
			if (x->tag == GUMBO_TAG_FIGCAPTION)
				in_caption += sign;
			if (x->tag == GUMBO_TAG_BLOCKQUOTE)
				in_quote += sign;
			if ((x->tag == GUMBO_TAG_TD || x->tag == GUMBO_TAG_TH) &&
			    !(x->flags & WN__NF_LAYOUT))
				in_cell += sign;
			if (x->flags & WN__NF_BLOCK) {
				open = -1;
				if (!leave) {
					WN__GROW(containers, ccap, csp + 1, 64);
					containers[csp++] = i;
				} else if (csp > 1) {
					csp--;
				}
			} else if (!leave && open >= 0) {
				blocks[open].tags++;
			}
			continue;
		}
		if (open < 0) {
			if (x->kind == WN__NODE_WHITESPACE)
				continue;
			if ((size_t)n >= d->opt->max_blocks) {
				limited = 1;
				continue; /* noted below */
			}
			WN__ARENA_GROW(&d->arena, blocks, cap, (size_t)n + 1, 256);
			int32_t c = containers[csp - 1];
			blocks[n] = (wn__block){
				.container = c,
				.first = i,
				.last = i,
				.depth = x->depth,
				.kind = kind_of(d->nodes[c].tag, in_pre > 0, in_caption > 0,
			                        in_quote > 0, in_cell > 0)};
			if (blocks[n].kind == WN__BK_HEADING)
				blocks[n].level = (uint8_t)(d->nodes[c].tag - GUMBO_TAG_H1 + 1);
			open = n++;
			prev_space = 1;
		}
		x->block = open;
		blocks[open].last = i;
		/* A heading that links to its own anchor is no link; a table
		 * of contents is a list of links all the same. */
		int link = (x->flags & WN__NF_IN_LINK) ||
		           ((x->flags & WN__NF_IN_ANCHOR) && blocks[open].kind != WN__BK_HEADING);
		measure(&blocks[open], x->g->v.text.text, link, &prev_space);
	}
	wn__walk_free(&w);
	free(containers);

	/* Runs of white space only are not blocks: drop them and renumber. */
	int32_t m = 0;
	for (int32_t k = 0; k < n; k++) {
		if (blocks[k].chars == 0) {
			for (int32_t t = blocks[k].first; t <= blocks[k].last; t++)
				if (d->nodes[t].block == k)
					d->nodes[t].block = -1;
			continue;
		}
		if (m != k) {
			blocks[m] = blocks[k];
			for (int32_t t = blocks[m].first; t <= blocks[m].last; t++)
				if (d->nodes[t].block == k)
					d->nodes[t].block = m;
		}
		m++;
	}
	if (limited)
		wn__note(&d->notes,
		         "limit: only the first %zu blocks of the page were read "
		         "(max_blocks)",
		         d->opt->max_blocks);
	d->blocks = blocks;
	d->n_blocks = m;
}
