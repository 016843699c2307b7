/*
 * mem.c -- the out-of-memory policy, growable arrays and the arena.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

_Noreturn void wn__oom(void)
{
	fputs("winnow: out of memory\n", stderr);
	abort();
}

void *wn__xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		wn__oom();
	return p;
}

void *wn__xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		wn__oom();
	return q;
}

/* The capacity that holds need elements of size bytes, doubling from cap
 * (or first); an overflow is out of memory. */
static size_t grown(size_t cap, size_t need, size_t size, size_t first)
{
	if (!cap)
		cap = first ? first : 1;
	while (cap < need) {
		if (cap > SIZE_MAX / 2)
			wn__oom();
		cap *= 2;
	}
	if (cap > SIZE_MAX / size)
		wn__oom();
	return cap;
}

void *wn__grow(void *p, size_t *cap, size_t need, size_t size, size_t first)
{
	if (p && need <= *cap)
		return p;
	*cap = grown(p ? *cap : 0, need, size, first);
	return wn__xrealloc(p, *cap * size);
}

/* ---- arena ---- */

struct wn__arena_chunk {
	wn__arena_chunk *next;
	size_t used, size;
	_Alignas(16) unsigned char data[];
};

/* A growable array of the arena: on a doubly linked list, so that a
 * realloc can move it. */
struct wn__arena_big {
	wn__arena_big *next, *prev;
	_Alignas(16) unsigned char data[];
};

enum { ARENA_CHUNK = 64 * 1024 };

void wn__arena_init(wn__arena *a)
{
	a->head = NULL;
	a->big = NULL;
	a->total = 0;
}

void *wn__arena_alloc_raw(wn__arena *a, size_t n)
{
	if (n > SIZE_MAX - 15)
		wn__oom();
	n = (n + 15) & ~(size_t)15;
	wn__arena_chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		/* Large requests get a chunk of their own, placed behind the
		 * current one so its free space is not wasted. */
		size_t size = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
		if (size > SIZE_MAX - sizeof *c)
			wn__oom();
		wn__arena_chunk *nc = wn__xmalloc(sizeof *nc + size);
		nc->used = 0;
		nc->size = size;
		if (c && size != ARENA_CHUNK) {
			nc->next = c->next;
			c->next = nc;
		} else {
			nc->next = c;
			a->head = nc;
		}
		c = nc;
	}
	void *p = c->data + c->used;
	c->used += n;
	a->total += n;
	return p;
}

void *wn__arena_alloc(wn__arena *a, size_t n)
{
	return memset(wn__arena_alloc_raw(a, n), 0, n);
}

char *wn__arena_strndup(wn__arena *a, const char *s, size_t n)
{
	char *p = wn__arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

void *wn__arena_grow(wn__arena *a, void *p, size_t *cap, size_t need, size_t size, size_t first)
{
	if (p && need <= *cap)
		return p;
	size_t old = p ? *cap : 0;
	*cap = grown(old, need, size, first);
	if (*cap * size > SIZE_MAX - sizeof(wn__arena_big))
		wn__oom();
	wn__arena_big *b = p ? (wn__arena_big *)((unsigned char *)p - offsetof(wn__arena_big, data))
	                     : NULL;
	b = wn__xrealloc(b, sizeof *b + *cap * size);
	if (!p) {
		b->prev = NULL;
		b->next = a->big;
	}
	if (b->next)
		b->next->prev = b;
	if (b->prev)
		b->prev->next = b;
	else
		a->big = b;
	a->total += (*cap - old) * size;
	return b->data;
}

void wn__arena_free(wn__arena *a)
{
	for (wn__arena_chunk *c = a->head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	for (wn__arena_big *b = a->big, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	wn__arena_init(a);
}

/* ---- pool ---- */

enum {
	POOL_SMALL = 256,     /* 8-byte classes up to here: 0..31 */
	POOL_MAX = 64 * 1024, /* quarter-octave classes up to here: 32..63 */
	POOL_CUT = 4 * 1024,  /* blocks up to here are cut from the pool's chunk */
	POOL_CHUNK = 64 * 1024,
	POOL_BIG = 0xff, /* the class of a block past POOL_MAX: malloc'd */
	POOL_HEAD = 8
};

/* What comes before a block past POOL_MAX, and its header. */
typedef struct wn__pool_big {
	struct wn__pool_big *prev, *next;
} pool_big;

/* The class of an n-byte request, and the size it gets. */
static unsigned pool_class(size_t n, size_t *size)
{
	if (n <= POOL_SMALL) {
		size_t c = n ? (n - 1) / 8 : 0;
		*size = (c + 1) * 8;
		return (unsigned)c;
	}
	if (n > POOL_MAX) {
		*size = n;
		return POOL_BIG;
	}
	unsigned k = 0; /* the highest bit of n - 1: 8..15 */
	for (size_t m = n - 1; m > 1; m >>= 1)
		k++;
	size_t base = (size_t)1 << k, step = base / 4, i = (n - 1 - base) / step;
	*size = base + (i + 1) * step;
	return 32 + (k - 8) * 4 + (unsigned)i;
}

void wn__pool_init(wn__pool *p)
{
	memset(p, 0, sizeof *p);
	wn__arena_init(&p->arena);
}

void *wn__pool_alloc(wn__pool *p, size_t n)
{
	size_t size;
	unsigned c = pool_class(n, &size);
	unsigned char *b;
	if (c != POOL_BIG && p->freed[c]) {
		b = p->freed[c];
		memcpy(&p->freed[c], b, sizeof(void *));
		return b;
	}
	if (size > SIZE_MAX - POOL_HEAD - sizeof(pool_big))
		wn__oom();
	if (c == POOL_BIG) {
		pool_big *g = wn__xmalloc(sizeof *g + POOL_HEAD + size);
		g->prev = NULL;
		g->next = p->big;
		if (g->next)
			g->next->prev = g;
		p->big = g;
		b = (unsigned char *)(g + 1);
	} else if (size <= POOL_CUT) {
		if ((size_t)(p->end - p->at) < POOL_HEAD + size) {
			p->at = wn__arena_alloc_raw(&p->arena, POOL_CHUNK);
			p->end = p->at + POOL_CHUNK;
		}
		b = p->at;
		p->at += POOL_HEAD + size;
	} else {
		b = wn__arena_alloc_raw(&p->arena, POOL_HEAD + size);
	}
	uint64_t head = c;
	memcpy(b, &head, sizeof head);
	return b + POOL_HEAD;
}

void wn__pool_give(wn__pool *p, void *q)
{
	if (!q)
		return;
	unsigned char *b = q;
	uint64_t head;
	memcpy(&head, b - POOL_HEAD, sizeof head);
	if (head == POOL_BIG) {
		pool_big *g = (pool_big *)(b - POOL_HEAD) - 1;
		if (g->prev)
			g->prev->next = g->next;
		else
			p->big = g->next;
		if (g->next)
			g->next->prev = g->prev;
		free(g);
		return;
	}
	memcpy(b, &p->freed[head], sizeof(void *));
	p->freed[head] = b;
}

void wn__pool_free(wn__pool *p)
{
	for (pool_big *g = p->big, *next; g; g = next) {
		next = g->next;
		free(g);
	}
	wn__arena_free(&p->arena);
	wn__pool_init(p);
}
