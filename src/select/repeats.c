/*
 * repeats.c -- the last pass of selection: an element whose kept text the
 * kept text above it already holds, block for block and word for word, is
 * a copy of the page's own text, not more of it.  Pages render a section
 * twice for two screen widths and hide one with a style sheet winnow does
 * not read, clone a carousel's slides so that it can loop, or keep a print
 * copy of the article: a reader sees each once.  The first copy stays.
 * A ticker repeats one phrase inside one block, to scroll it without a
 * gap (score.c finds it, and rates it as chrome): the block goes.
 */
#include <stdlib.h>
#include <string.h>

#include "select/select.h"
#include "tuning.h"

/* FNV-1a over the block's text, runs of white space read as one space
 * and white space at its ends as none, so that re-indented copies match
 * ("Title" in a link, "\n  Title\n" in a heading). */
uint64_t wn__sel_block_hash(const wn__doc *d, const wn__block *b)
{
	uint64_t h = 14695981039346656037u;
	int space = 0, any = 0;
	int32_t self = (int32_t)(b - d->blocks);
	for (int32_t i = b->first; i <= b->last; i++) {
		if (d->nodes[i].kind != WN__NODE_TEXT || d->nodes[i].block != self)
			continue;
		for (const unsigned char *p = (const unsigned char *)d->nodes[i].g->v.text.text; *p;
		     p++) {
			if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
				space = 1;
				continue;
			}
			if (space && any)
				h = (h ^ ' ') * 1099511628211u;
			space = 0, any = 1;
			h = (h ^ *p) * 1099511628211u;
		}
		space = 1;
	}
	return h ? h : 1;
}

void wn__select_drop_copies(wn__doc *d, int32_t min_chars)
{
	int32_t n = 0;
	for (int32_t k = 0; k < d->n_blocks; k++)
		n += d->blocks[k].keep;
	size_t cap = 16;
	while (cap < 2 * (size_t)n)
		cap *= 2;
	uint64_t *seen = wn__xmalloc(cap * sizeof *seen);
	memset(seen, 0, cap * sizeof *seen);
	for (int32_t k = 0; k < d->n_blocks; k++) {
		wn__block *b = &d->blocks[k];
		/* list items repeat by right too: the tiers of a pricing
		 * table share their features */
		if (!b->keep || b->chars < min_chars || wn__block_repeats_by_right(b) ||
		    b->kind == WN__BK_LIST_ITEM)
			continue;
		uint64_t h = wn__sel_block_hash(d, b);
		size_t s = (size_t)h & (cap - 1);
		while (seen[s] && seen[s] != h)
			s = (s + 1) & (cap - 1);
		if (!seen[s]) {
			seen[s] = h;
			continue;
		}
		b->keep = 0;
		b->reason = WN__WHY_REPEAT;
	}
	free(seen);
}

void wn__select_drop_repeats(wn__doc *d)
{
	int32_t n = 0;
	for (int32_t k = 0; k < d->n_blocks; k++)
		n += d->blocks[k].keep;
	/* a manual's reference says a shared parameter's name and meaning
	 * under every call that takes it: there a copy is a whole section */
	int docs = d->mode == WN_KIND_DOCUMENTATION;
	int32_t run = docs ? WN__REPEAT_DOC_RUN : WN__REPEAT_RUN;
	int32_t least = docs ? WN__REPEAT_DOC_CHARS : WN__REPEAT_CHARS;
	if (n < 2 * run)
		return;
	/* prefix sums over the blocks (pre[k], cnt[k] ... cover the blocks
	 * before k): a polynomial hash of the kept blocks' hashes, so that
	 * any element's kept text hashes in O(1) (Karp-Rabin), their number,
	 * characters, and the blocks that repeat by right */
	uint64_t *pre = wn__arena_alloc_raw(&d->arena, (size_t)(d->n_blocks + 1) * sizeof *pre);
	uint64_t *pw = wn__arena_alloc_raw(&d->arena, (size_t)(n + 1) * sizeof *pw);
	int32_t *cnt = wn__arena_alloc_raw(&d->arena, (size_t)(d->n_blocks + 1) * sizeof *cnt);
	int64_t *chars = wn__arena_alloc_raw(&d->arena, (size_t)(d->n_blocks + 1) * sizeof *chars);
	int32_t *whole = wn__arena_alloc_raw(&d->arena, (size_t)(d->n_blocks + 1) * sizeof *whole);
	/* short list items, which do not count towards a run */
	int32_t *items = wn__arena_alloc_raw(&d->arena, (size_t)(d->n_blocks + 1) * sizeof *items);
	const uint64_t P = 1099511628211u;
	pre[0] = 0, cnt[0] = 0, chars[0] = 0, whole[0] = 0, items[0] = 0;
	pw[0] = 1;
	for (int32_t c = 1; c <= n; c++)
		pw[c] = pw[c - 1] * P; /* P to the c */
	for (int32_t k = 0; k < d->n_blocks; k++) {
		const wn__block *b = &d->blocks[k];
		int in = b->keep != 0;
		pre[k + 1] = in ? pre[k] * P + wn__sel_block_hash(d, b) : pre[k];
		cnt[k + 1] = cnt[k] + in;
		chars[k + 1] = chars[k] + (in ? b->chars : 0);
		whole[k + 1] = whole[k] + (in && wn__block_repeats_by_right(b));
		items[k + 1] = items[k] + (in && b->kind == WN__BK_LIST_ITEM &&
		                           b->chars < WN__REPEAT_ITEM_CHARS);
	}
	size_t cap = 16;
	while (cap < 4 * (size_t)n)
		cap *= 2;
	uint64_t *key = wn__arena_alloc(&d->arena, cap * sizeof *key);
	int32_t *until = wn__arena_alloc_raw(&d->arena, cap * sizeof *until);
	int32_t dropped = 0;
	for (int32_t i = 1; i < d->n_nodes; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->kind != WN__NODE_ELEMENT || x->end <= i + 1)
			continue;
		int32_t lo = wn__sel_blocks_before(d, i + 1), hi = wn__sel_blocks_before(d, x->end);
		int32_t m = cnt[hi] - cnt[lo];
		if (m - (items[hi] - items[lo]) < run || chars[hi] - chars[lo] < least ||
		    whole[hi] - whole[lo])
			continue;
		/* the hash of the kept blocks lo..hi-1, with their number */
		uint64_t h = pre[hi] - pre[lo] * pw[m];
		h = (h ^ (uint64_t)m) * P;
		h = h ? h : 1;
		size_t s = (size_t)h & (cap - 1);
		while (key[s] && key[s] != h)
			s = (s + 1) & (cap - 1);
		if (!key[s]) {
			key[s] = h;
			until[s] = hi;
			continue;
		}
		if (until[s] > lo)
			continue; /* the same blocks, under a wrapper */
		for (int32_t j = lo; j < hi; j++) {
			wn__block *b = &d->blocks[j];
			if (b->keep) {
				b->keep = 0;
				b->reason = WN__WHY_REPEAT;
				dropped++;
			}
		}
		i = x->end - 1;
	}
	if (dropped)
		wn__note(&d->notes, "selection: %d blocks repeat text kept above them", (int)dropped);
}

void wn__select_drop_tickers(wn__doc *d)
{
	for (int32_t k = 0; k < d->n_blocks; k++) {
		wn__block *b = &d->blocks[k];
		if (b->keep && b->ticker) {
			b->keep = 0;
			b->reason = WN__WHY_TICKER;
		}
	}
}
