/*
 * records.c -- the records of a page read by its region: runs of alike
 * siblings (a shop's cards, a listing's entries, a table's rows) that each
 * carry fields, a title with a price, a rating, a date or a line of text
 * beside it.  A menu's items are single links; a record's are several
 * blocks.  Siblings are alike by tag and their first child's tag: the
 * classes of one grid's cards differ ("first", "last", "on-sale").
 * After NOTES-page-kinds.md, "records": found by signature, kept as units.
 * What every record says alike (its buttons) and what one record says
 * twice in a row (its title, over its picture and under it) go.
 */
#include "select/select.h"
#include "tuning.h"

typedef struct rgroup {
	int32_t parent;
	uint32_t key;
	int32_t n, fielded;
} rgroup;

/* A member with fields: several blocks (a table's row is one block, its
 * cells the fields), one of them a heading, a price, a date or text that
 * is not a link. */
static int fielded(const wn__doc *d, int32_t i)
{
	const wn__tally *t = &d->tally[i];
	int cells = 0;
	if (d->nodes[i].tag == GUMBO_TAG_TR)
		for (int32_t c = i + 1; c < d->nodes[i].end; c = d->nodes[c].end)
			cells += d->nodes[c].kind == WN__NODE_ELEMENT && d->node_chars[c] > 0;
	return (t->blocks >= 2 || cells >= 2) && (t->headings || t->prices || t->times || t->dates ||
	                                          t->chars - t->links >= WN__RECORD_TEXT);
}

static rgroup *slot(rgroup *g, size_t cap, int32_t parent, uint32_t key)
{
	size_t k = (key ^ (uint32_t)parent * 2246822519u) & (cap - 1);
	while (g[k].n && (g[k].parent != parent || g[k].key != key))
		k = (k + 1) & (cap - 1);
	return &g[k];
}

uint8_t *wn__sel_records(wn__doc *d)
{
	size_t cap = 64;
	while (cap < 2 * (size_t)d->n_nodes)
		cap *= 2;
	rgroup *g = wn__arena_alloc(&d->arena, cap * sizeof *g);
	uint8_t *rec = wn__arena_alloc(&d->arena, (size_t)d->n_nodes);
	for (int pass = 0; pass < 2; pass++)
		for (int32_t i = 1; i < d->n_nodes; i++) {
			const wn__node *x = &d->nodes[i];
			if (x->flags & WN__NF_REMOVED) {
				i = x->end - 1;
				continue;
			}
			if (x->kind != WN__NODE_ELEMENT || !d->tally[i].chars)
				continue;
			uint32_t key = wn__sel_sibling_key(d, i);
			rgroup *s = slot(g, cap, x->parent, key);
			if (!pass) {
				s->parent = x->parent;
				s->key = key;
				s->n++;
				s->fielded += fielded(d, i);
			} else if (s->n >= WN__RECORD_MIN && s->fielded >= WN__RECORD_FIELDED * s->n) {
				rec[i] = WN__REC_MEMBER;
				rec[x->parent] |= WN__REC_LIST;
			}
		}
	return rec;
}

typedef struct tline {
	uint64_t hash;
	int32_t members, last; /* records it is in, the last counted */
} tline;

/* Lines that nearly every record of a list says word for word are its
 * template: a card's buttons and screen-reader labels ("Quick Shop",
 * "Compare", "Unit price per", "Star"), a heading too ("View Details"
 * in an h4 over the picture); what a record says of itself
 * differs from record to record (a title, a price, a date).  As the
 * posts mode takes a forum's template out of its posts, but without
 * setting numbers aside: a price is a record's own.  member[i] is the
 * record node i is in (-1 outside any), count[p] the records that are
 * p's children. */
static void drop_template(wn__doc *d, const int32_t *member, const int32_t *count)
{
	int32_t n = 0;
	for (int32_t k = 0; k < d->n_blocks; k++)
		n += d->blocks[k].keep && member[d->blocks[k].container] >= 0;
	size_t cap = 16;
	while (cap < 2 * (size_t)n)
		cap *= 2;
	tline *tab = wn__arena_alloc(&d->arena, cap * sizeof *tab);
	uint64_t *hash = wn__arena_alloc(&d->arena, (size_t)(d->n_blocks + 1) * sizeof *hash);
	for (int pass = 0; pass < 2; pass++)
		for (int32_t k = 0; k < d->n_blocks; k++) {
			wn__block *b = &d->blocks[k];
			int32_t m = member[b->container];
			if (!b->keep || m < 0 || b->chars > WN__RECORD_TEMPLATE_CHARS)
				continue;
			int32_t list = d->nodes[m].parent;
			if (!pass)
				hash[k] = (wn__sel_block_hash(d, b) ^
				           ((uint64_t)list * 0x9E3779B97F4A7C15u)) |
				          1;
			size_t s = (size_t)hash[k] & (cap - 1);
			while (tab[s].hash && tab[s].hash != hash[k])
				s = (s + 1) & (cap - 1);
			if (!pass) {
				tab[s].hash = hash[k];
				if (tab[s].last != m + 1)
					tab[s].members++, tab[s].last = m + 1;
			} else if (count[list] >= WN__RECORD_TEMPLATE_MIN &&
			           tab[s].members >= WN__RECORD_TEMPLATE_SHARE * count[list]) {
				b->keep = 0;
				b->reason = WN__WHY_META;
			}
		}
}

/* A kept block that says again, word for word, a kept block before it
 * in the same record is a copy: a shop's card gives its title in its
 * picture's link, in a heading the style sheet hides and in the shown
 * one, with a badge or a vendor line between.  Two records of one title
 * are two products, and both stay. */
static void drop_copies(wn__doc *d, const int32_t *member)
{
	int32_t last_member = -1, n = 0;
	uint64_t seen[WN__RECORD_COPY_LINES];
	for (int32_t k = 0; k < d->n_blocks; k++) {
		wn__block *b = &d->blocks[k];
		int32_t m = member[b->container];
		if (!b->keep || m < 0)
			continue;
		uint64_t h = wn__sel_block_hash(d, b);
		if (m != last_member)
			last_member = m, n = 0;
		int copy = 0;
		for (int32_t j = 0; j < n && !copy; j++)
			copy = seen[j] == h;
		if (copy) {
			b->keep = 0;
			b->reason = WN__WHY_REPEAT;
			continue;
		}
		if (n < WN__RECORD_COPY_LINES)
			seen[n++] = h;
		else
			seen[n - 1] = h;
	}
}

void wn__sel_drop_record_lines(wn__doc *d, const uint8_t *rec)
{
	int32_t *member = wn__arena_alloc(&d->arena, (size_t)d->n_nodes * sizeof *member);
	int32_t *count = wn__arena_alloc(&d->arena, (size_t)d->n_nodes * sizeof *count);
	member[0] = -1;
	for (int32_t i = 1; i < d->n_nodes; i++) {
		int32_t p = d->nodes[i].parent;
		member[i] = (rec[i] & WN__REC_MEMBER) ? i : member[p];
		count[p] += (rec[i] & WN__REC_MEMBER) != 0;
	}
	if (wn__sel_tune(d)->template_lines)
		drop_template(d, member, count);
	drop_copies(d, member);
}
