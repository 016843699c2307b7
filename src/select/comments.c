/*
 * comments.c -- the comment section under an article (the comments
 * option), read apart from the body: each comment's author, date and
 * text.  trafilatura finds comments by a separate pass over containers
 * named for them; here the name is only where to look, and what makes a
 * section of comments is its structure: after the start of the content,
 * repeated units that each carry a date (or a time) and text of their own.
 * The units are the elements of one shape (shape.c) that most often hold
 * both, or, where a platform writes a comment as a run of siblings (a
 * <dt> author, a <dd> text, a <dd> date), the period of its children's
 * shapes.  A thread's posts are its content (posts mode): a forum page
 * has no comments.
 */
#include <string.h>
#include <strings.h>

#include "base/tags.h"
#include "base/unicode.h"
#include "metadata/metadata.h"
#include "select/select.h"
#include "tuning.h"

/* Words that name a comment section in a class, id or aria-label (all
 * lower case, found anywhere: "commentlist", "comments-area",
 * "article-discussion"). */
static const char *const SECTION_WORDS[] = {"comment", "discuss", NULL};

/* Lines that are a comment's author and say so ("Rob said...", "Sue
 * says:"): the saying goes, the name stays. */
static const char *const SAID[] = {
	" said...",
	" said:",
	" said",
	" says:",
	" says",
	" wrote:",
	" wrote",
	" schreibt:",
	" a \xc3\xa9"
	"crit :",
	" a \xc3\xa9"
	"crit:",
	NULL,
};

static int contains_word(const char *s, const char *const *words)
{
	char buf[256];
	size_t n = 0;
	for (; s && *s && n < sizeof buf - 1; s++)
		buf[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
	buf[n] = 0;
	for (const char *const *w = words; *w; w++)
		if (strstr(buf, *w))
			return 1;
	return 0;
}

/* A block's text, white space collapsed and trimmed, appended to b. */
static void block_text(const wn__doc *d, int32_t k, wn__buf *b)
{
	const wn__block *bk = &d->blocks[k];
	int space = 0, any = 0;
	for (int32_t t = bk->first; t <= bk->last; t++) {
		const wn__node *x = &d->nodes[t];
		if (x->kind == WN__NODE_ELEMENT || x->block != k)
			continue;
		for (const char *p = x->g->v.text.text; *p; p++) {
			if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
				space = 1;
				continue;
			}
			if (space && any)
				wn__buf_putc(b, ' ');
			wn__buf_putc(b, *p);
			space = 0;
			any = 1;
		}
	}
}

/* Whether element i names itself a comment section, or opens with a
 * heading or a count line that does ("3 comments" over an embedded
 * widget's thread, whatever the widget calls its elements). */
static int names_section(const wn__doc *d, int32_t i)
{
	const wn__node *x = &d->nodes[i];
	if (contains_word(wn__attr(x, "class"), SECTION_WORDS) ||
	    contains_word(wn__attr(x, "id"), SECTION_WORDS) ||
	    contains_word(wn__attr(x, "aria-label"), SECTION_WORDS))
		return 1;
	int32_t k = wn__sel_first_block(d, i);
	if (k < 0 || d->blocks[k].eff > WN__COMMENT_HEADING_MAX)
		return 0;
	wn__buf t = {0};
	block_text(d, k, &t);
	int yes = t.data && wn__comment_heading(t.data);
	wn__buf_free(&t);
	return yes;
}

/* A short line that is, or holds, a date: "12 February 2023 at 11:32",
 * "3 days ago". */
static int date_line(const wn__doc *d, int32_t k, char *iso)
{
	const wn__block *b = &d->blocks[k];
	if (b->eff > WN__DATE_LINE_MAX || b->kind == WN__BK_HEADING)
		return 0;
	wn__buf t = {0};
	block_text(d, k, &t);
	const char *at = t.data ? wn__date_find(t.data, t.len, iso) : NULL;
	wn__buf_free(&t);
	if (at)
		return 1;
	iso[0] = 0;
	const wn__tally *c = &d->tally[b->container];
	return c->dates > 0 && c->blocks == 1; /* a relative time */
}

/* A comment as found: its nodes lo..hi-1 (a subtree, or a run of
 * siblings), less the comments nested in it. */
typedef struct item {
	int32_t lo, hi;
	int run; /* a run of siblings, not one element */
} item;

/* Per element of the section: whether it holds a date and running text
 * of its own, as tally does for every subtree. */
static int holds_date(const wn__doc *d, int32_t i)
{
	return d->tally[i].times + d->tally[i].dates > 0;
}

/* Blocks of a comment's own words in each subtree of section s (index
 * i - s): at least WN__SHORT characters, less than half links, and not a
 * date line.  Shorter than running text: "Rosemary is my favourite too." */
static int32_t *count_texts(wn__doc *d, int32_t s)
{
	int32_t end = d->nodes[s].end;
	int32_t *t = wn__arena_alloc(&d->arena, (size_t)(end - s) * sizeof *t);
	int32_t k = wn__sel_first_block(d, s);
	for (; k >= 0 && k < d->n_blocks && d->blocks[k].first < end; k++) {
		const wn__block *b = &d->blocks[k];
		if (b->eff >= WN__SHORT && 2 * b->link_chars < b->chars && b->kind != WN__BK_HEADING &&
		    (b->eff > WN__DATE_LINE_MAX || !d->tally[b->container].dates))
			t[b->container - s]++;
	}
	for (int32_t i = end - 1; i > s; i--)
		t[d->nodes[i].parent - s] += t[i - s];
	return t;
}

/* A sibling's tag and class tokens without digits: looser than
 * wn__shape, which also counts the first child ("<dt><a>Rob</a>" and
 * "<dt>Anonymous" are one unit's part). */
static uint32_t loose_shape(const wn__doc *d, int32_t i)
{
	const wn__node *x = &d->nodes[i];
	uint32_t h = 2166136261u ^ x->tag;
	const char *cls = wn__attr(x, "class");
	for (const char *p = cls; p && *p;) {
		while (*p == ' ')
			p++;
		const char *e = p;
		int digit = 0;
		while (*e && *e != ' ')
			digit |= *e >= '0' && *e <= '9', e++;
		for (const char *q = p; !digit && q < e; q++)
			h = (h ^ (unsigned char)*q) * 16777619u;
		h = (h ^ ' ') * 16777619u;
		p = e;
	}
	return h;
}

typedef struct slot {
	uint32_t shape;
	int32_t both, first;
} slot;

/* The units of section s: the shape whose members most often hold both a
 * date and running text (among equals the one met first, the outer
 * unit), each member an item; else runs of children repeating a period
 * of 2 to 4 shapes.  Returns the number of items (in the arena). */
static size_t find_items(wn__doc *d, int32_t s, item **out)
{
	int32_t end = d->nodes[s].end;
	size_t cap = 64;
	while (cap < 2 * (size_t)(end - s))
		cap *= 2;
	slot *tab = wn__arena_alloc(&d->arena, cap * sizeof *tab);
	const slot *best = NULL;
	const int32_t *txt = count_texts(d, s);
	for (int32_t i = s + 1; i < end; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->flags & WN__NF_REMOVED) {
			i = x->end - 1;
			continue;
		}
		if (x->kind != WN__NODE_ELEMENT || !holds_date(d, i) || !txt[i - s])
			continue;
		uint32_t h = wn__shape(d, i);
		size_t k = h & (cap - 1);
		while (tab[k].shape && tab[k].shape != h)
			k = (k + 1) & (cap - 1);
		if (!tab[k].shape)
			tab[k].shape = h, tab[k].first = i;
		tab[k].both++;
		if (!best || tab[k].both > best->both ||
		    (tab[k].both == best->both && tab[k].first < best->first))
			best = &tab[k];
	}
	size_t n = 0;
	item *it = NULL;
	if (best && best->both >= 2) {
		size_t cap_it = 0;
		for (int32_t i = best->first; i < end; i++) {
			const wn__node *x = &d->nodes[i];
			if (x->flags & WN__NF_REMOVED) {
				i = x->end - 1;
				continue;
			}
			/* every member, the short comments too */
			if (x->kind == WN__NODE_ELEMENT && d->tally[i].blocks &&
			    wn__shape(d, i) == best->shape) {
				WN__ARENA_GROW(&d->arena, it, cap_it, n + 1, 16);
				it[n++] = (item){i, x->end, 0};
			}
		}
		*out = it;
		return n;
	}
	/* runs of siblings: the first element whose children repeat */
	int32_t *kids = wn__arena_alloc(&d->arena, (size_t)(end - s) * sizeof *kids);
	uint32_t *shapes = wn__arena_alloc(&d->arena, (size_t)(end - s) * sizeof *shapes);
	for (int32_t p = s; p < end; p++) {
		const wn__node *x = &d->nodes[p];
		if (x->flags & WN__NF_REMOVED) {
			p = x->end - 1;
			continue;
		}
		if (x->kind != WN__NODE_ELEMENT || !holds_date(d, p) || !txt[p - s])
			continue;
		int32_t m = 0;
		for (int32_t c = p + 1; c < x->end; c = d->nodes[c].end)
			if (d->nodes[c].kind == WN__NODE_ELEMENT &&
			    !(d->nodes[c].flags & WN__NF_REMOVED)) {
				kids[m] = c;
				shapes[m++] = loose_shape(d, c);
			}
		for (int32_t per = 2; per <= 4; per++) {
			if (m < 2 * per || m % per)
				continue;
			int32_t j = per;
			while (j < m && shapes[j] == shapes[j - per])
				j++;
			if (j < m)
				continue;
			int32_t runs = 0;
			it = wn__arena_alloc(&d->arena, (size_t)(m / per) * sizeof *it);
			for (int32_t r = 0; r < m; r += per) {
				int date = 0, text = 0;
				for (int32_t q = r; q < r + per; q++)
					date |= holds_date(d, kids[q]), text |= txt[kids[q] - s] > 0;
				if (date && text)
					runs++;
				it[n++] = (item){kids[r], d->nodes[kids[r + per - 1]].end, 1};
			}
			if (runs >= 2) {
				*out = it;
				return n;
			}
			n = 0;
		}
	}
	if (best) { /* one comment */
		it = wn__arena_alloc(&d->arena, sizeof *it);
		it[0] = (item){best->first, d->nodes[best->first].end, 0};
		*out = it;
		return 1;
	}
	return 0;
}

/* Whether element x's class names an author's name ("comment-author",
 * "fn", "username"), not a text ("user-content"). */
static int author_class(const wn__node *x)
{
	static const char *const YES[] = {"author", "name", "user", "nick", NULL};
	static const char *const NO[] = {"content", "text", "body", "message", "avatar", NULL};
	const char *cls = wn__attr(x, "class");
	if (!cls)
		return 0;
	char buf[256];
	size_t n = 0;
	for (const char *p = cls; *p && n < sizeof buf - 2; p++)
		buf[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	buf[n++] = ' ';
	buf[n] = 0;
	if (strstr(buf, "fn ") == buf || strstr(buf, " fn "))
		return 1;
	return contains_word(buf, YES) && !contains_word(buf, NO);
}

/* Text of element i, collapsed, when it is short enough for a name (in
 * bytes: four per character at most). */
static int short_text(const wn__doc *d, int32_t i, wn__buf *t)
{
	t->len = 0;
	wn__subtree_text(d, i, t);
	return t->len > 0 && t->len <= 4 * WN__POST_AUTHOR_CHARS;
}

/* A name without its "said...", trimmed and cleaned as the outputs are
 * (NFC, no control characters); NULL if nothing is left. */
static const char *clean_name(wn__doc *d, const char *s, size_t n)
{
	while (n && (s[0] == ' '))
		s++, n--;
	if (n > 3 && !strncasecmp(s, "by ", 3))
		s += 3, n -= 3;
	for (const char *const *w = SAID; *w; w++) {
		size_t k = strlen(*w);
		if (n > k && !strncasecmp(s + n - k, *w, k)) {
			n -= k;
			break;
		}
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == ':'))
		n--;
	if (!n)
		return NULL;
	wn__buf b = {0};
	wn__buf_put(&b, s, n);
	wn__text_clean(&b, 0);
	const char *r = b.len ? wn__arena_strndup(&d->keep, b.data, b.len) : NULL;
	wn__buf_free(&b);
	return r;
}

/* The line shape of block k (digits folded), for lines every comment
 * repeats ("Reply", "Like 12"). */
static uint32_t line_hash(const wn__doc *d, int32_t k)
{
	wn__buf t = {0};
	block_text(d, k, &t);
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < t.len; i++) {
		unsigned char c = (unsigned char)t.data[i];
		if (c >= '0' && c <= '9')
			continue;
		h = (h ^ c) * 16777619u;
	}
	wn__buf_free(&t);
	return h | 1;
}

/* The comments' template lines: short lines found in at least two
 * comments and in at least half of them. */
typedef struct tline {
	uint32_t h;
	int32_t items, last;
} tline;

static int is_template(const tline *tab, size_t cap, uint32_t h, size_t n_items)
{
	size_t k = h & (cap - 1);
	while (tab[k].h && tab[k].h != h)
		k = (k + 1) & (cap - 1);
	return tab[k].h == h && tab[k].items >= 2 && 2 * (size_t)tab[k].items >= n_items;
}

/* Whether block k is an action link ("Reply", "Share", "Report"). */
static int action_line(const wn__block *b)
{
	return b->eff <= WN__POST_AUTHOR_CHARS && 2 * b->link_chars >= b->chars;
}

/* Reads the items it[0..n) (in document order) into d->comments. */
static void read_items(wn__doc *d, const item *it, size_t n)
{
	int32_t lo = it[0].lo, hi = it[0].hi;
	for (size_t j = 1; j < n; j++)
		if (it[j].hi > hi)
			hi = it[j].hi;
	/* start[i - lo]: the item starting at node i, plus one */
	int32_t *start = wn__arena_alloc(&d->arena, (size_t)(hi - lo) * sizeof *start);
	for (size_t j = 0; j < n; j++)
		start[it[j].lo - lo] = (int32_t)j + 1;
	/* owner[k - k0]: the innermost item holding block k, or -1, by one
	 * sweep with a stack of the items open (items nest, never cross) */
	int32_t k0 = wn__sel_first_block(d, lo), kn = 0;
	if (k0 < 0)
		return;
	while (k0 + kn < d->n_blocks && d->blocks[k0 + kn].first < hi)
		kn++;
	int32_t *owner = wn__arena_alloc(&d->arena, (size_t)kn * sizeof *owner);
	int32_t *stack = wn__arena_alloc(&d->arena, n * sizeof *stack);
	size_t sp = 0, next = 0;
	int32_t *count = wn__arena_alloc(&d->arena, (n + 1) * sizeof *count);
	for (int32_t k = 0; k < kn; k++) {
		int32_t f = d->blocks[k0 + k].first;
		while (next < n && it[next].lo <= f) {
			while (sp && it[stack[sp - 1]].hi <= it[next].lo)
				sp--;
			stack[sp++] = (int32_t)next++;
		}
		while (sp && it[stack[sp - 1]].hi <= f)
			sp--;
		owner[k] = sp ? stack[sp - 1] : -1;
		if (owner[k] >= 0)
			count[owner[k] + 1]++;
	}
	/* each item's blocks, in order (a counting sort by owner) */
	for (size_t j = 0; j < n; j++)
		count[j + 1] += count[j];
	int32_t *own = wn__arena_alloc(&d->arena, (size_t)(kn ? kn : 1) * sizeof *own);
	int32_t *fill = wn__arena_alloc(&d->arena, (n + 1) * sizeof *fill);
	memcpy(fill, count, (n + 1) * sizeof *fill);
	for (int32_t k = 0; k < kn; k++)
		if (owner[k] >= 0)
			own[fill[owner[k]]++] = k0 + k;

	/* template lines: short lines, counted once per item */
	size_t cap = 64;
	while (cap < 4 * (size_t)kn)
		cap *= 2;
	tline *tab = wn__arena_alloc(&d->arena, cap * sizeof *tab);
	for (size_t j = 0; j < n; j++)
		for (int32_t q = count[j]; q < count[j + 1]; q++) {
			if (d->blocks[own[q]].eff > WN__POST_AUTHOR_CHARS)
				continue;
			uint32_t h = line_hash(d, own[q]);
			size_t s = h & (cap - 1);
			while (tab[s].h && tab[s].h != h)
				s = (s + 1) & (cap - 1);
			tab[s].h = h;
			if (tab[s].last != (int32_t)j + 1)
				tab[s].items++, tab[s].last = (int32_t)j + 1;
		}

	WN__ARENA_GROW(&d->keep, d->comments, d->comments_cap, d->n_comments + n, 16);
	wn__buf text = {0}, name = {0};
	for (size_t j = 0; j < n; j++) {
		if (d->n_comments >= WN_MAX_COMMENTS) {
			wn__note(&d->notes, "limit: comments after the first %d left out",
			         WN_MAX_COMMENTS);
			break;
		}
		/* author and date elements among its own nodes: lo..hi less
		 * the items nested in it (and less the item's own element,
		 * whose class names the comment, not its parts) */
		int32_t author = -1, date_el = -1, apri = 9;
		char iso[WN__DATE_MAX] = "";
		for (int32_t i = it[j].lo; i < it[j].hi; i++) {
			const wn__node *x = &d->nodes[i];
			if (i > it[j].lo && start[i - lo]) {
				i = it[start[i - lo] - 1].hi - 1;
				continue;
			}
			if (x->flags & WN__NF_REMOVED) {
				i = x->end - 1;
				continue;
			}
			if (x->kind != WN__NODE_ELEMENT || (i == it[j].lo && !it[j].run))
				continue;
			const char *ip = wn__attr(x, "itemprop");
			int pri = ip && (strstr(ip, "author") || strstr(ip, "creator")) ? 1
			          : author_class(x)                                     ? 2
			          : x->tag == GUMBO_TAG_CITE                            ? 3
			                                                                : 9;
			if (pri < apri && short_text(d, i, &name))
				author = i, apri = pri;
			const char *dt = wn__attr(x, "datetime");
			const char *ti = wn__attr(x, "title");
			char got[WN__DATE_MAX];
			if (!iso[0] && dt && wn__date_parse(dt, strlen(dt), got))
				memcpy(iso, got, sizeof iso), date_el = i;
			else if (!iso[0] && ti && wn__date_find(ti, strlen(ti), got))
				memcpy(iso, got, sizeof iso), date_el = i;
		}
		/* its text: its own blocks but the author's, the date's,
		 * date lines, action links and template lines */
		text.len = 0;
		int32_t first_line = -1;
		int texts = 0;
		for (int32_t q = count[j]; q < count[j + 1]; q++) {
			int32_t k = own[q];
			const wn__block *b = &d->blocks[k];
			int32_t f = b->first;
			/* a date line, perhaps the author's ("jo 14 March 2023") */
			char got[WN__DATE_MAX];
			int dated = date_line(d, k, got);
			if (dated && !iso[0] && got[0])
				memcpy(iso, got, sizeof iso);
			if (dated || (author >= 0 && f >= author && f < d->nodes[author].end) ||
			    (date_el >= 0 && f >= date_el && f < d->nodes[date_el].end))
				continue;
			if (action_line(b) || (b->eff <= WN__POST_AUTHOR_CHARS && n >= 2 &&
			                       is_template(tab, cap, line_hash(d, k), n)))
				continue;
			if (author < 0 && first_line < 0 && !texts &&
			    b->eff <= WN__POST_AUTHOR_CHARS && b->kind != WN__BK_HEADING) {
				first_line = k; /* the author, when text follows */
				continue;
			}
			if (text.len)
				wn__buf_puts(&text, "\n\n");
			block_text(d, k, &text);
			texts++;
		}
		const char *who = NULL;
		if (author >= 0) {
			short_text(d, author, &name);
			who = clean_name(d, name.data, name.len);
		} else if (first_line >= 0 && texts) {
			name.len = 0;
			block_text(d, first_line, &name);
			who = clean_name(d, name.data, name.len);
		} else if (first_line >= 0) {
			block_text(d, first_line, &text); /* the comment is one short line */
		}
		wn__text_clean(&text, 0);
		while (text.len && (text.data[text.len - 1] == '\n' || text.data[text.len - 1] == ' '))
			text.len--;
		if (!text.len)
			continue;
		wn_comment *c = &d->comments[d->n_comments++];
		c->author = who;
		c->date = iso[0] ? wn__arena_strndup(&d->keep, iso, strlen(iso)) : NULL;
		c->text = wn__arena_strndup(&d->keep, text.data, text.len);
	}
	wn__buf_free(&text);
	wn__buf_free(&name);
}

/* Characters the body keeps inside section s, and in all. */
static int32_t kept_in(const wn__doc *d, int32_t s, int32_t *all)
{
	int32_t in = 0;
	*all = 0;
	for (int32_t k = 0; k < d->n_blocks; k++) {
		const wn__block *b = &d->blocks[k];
		if (!b->keep)
			continue;
		*all += b->eff;
		in += b->first >= s && b->first < d->nodes[s].end ? b->eff : 0;
	}
	return in;
}

void wn__select_comments(wn__doc *d)
{
	/* a thread, or a page that says it is one (a Q&A page): its posts
	 * and their comments are the content */
	if (d->mode == WN_KIND_FORUM || (d->schema & WN__SCHEMA_FORUM) || !d->tally)
		return;
	int32_t from = d->article > 0 ? d->article : 0;
	int tries = 0;
	for (int32_t s = from + 1; s < d->n_nodes; s++) {
		const wn__node *x = &d->nodes[s];
		if (x->flags & WN__NF_REMOVED) {
			s = x->end - 1;
			continue;
		}
		if (x->kind != WN__NODE_ELEMENT || !holds_date(d, s) || d->tally[s].blocks < 2)
			continue;
		/* named for comments, or on an article the group of posts
		 * the kind stage found (shops' reviews and listings' dated
		 * entries are groups of posts too, and not comments) */
		int named = names_section(d, s);
		if (!named && (s != d->posts || d->mode != WN_KIND_ARTICLE))
			continue;
		if (tries++ >= WN__COMMENT_TRIES)
			break;
		item *it = NULL;
		size_t n = find_items(d, s, &it);
		if (!n || (!named && n < 2))
			continue;
		/* a section holding more of what the body keeps than the rest
		 * of it is the page's content (answers, reviews) */
		int32_t all, in = kept_in(d, s, &all);
		if (2 * in > all)
			continue;
		size_t before = d->n_comments;
		read_items(d, it, n);
		/* a group found by its structure alone is comments when most of
		 * its units have both an author and a date (not teasers of other
		 * pages, not product cards) */
		size_t both = 0;
		for (size_t j = before; j < d->n_comments; j++)
			both += d->comments[j].author && d->comments[j].date;
		if (!named && (both < 2 || 2 * both < d->n_comments - before))
			d->n_comments = before;
		if (d->n_comments == before)
			continue;
		for (int32_t k = 0; k < d->n_blocks; k++) {
			wn__block *b = &d->blocks[k];
			if (b->keep && b->first >= s && b->first < x->end) {
				b->keep = 0;
				b->reason = WN__WHY_COMMENT;
			}
		}
		s = x->end - 1;
	}
}
