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

void *wn__arena_alloc(wn__arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	wn__arena_chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		/* Large requests get a chunk of their own, placed behind the
		 * current one so its free space is not wasted. */
		size_t size = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
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
	memset(p, 0, n);
	return p;
}

char *wn__arena_strndup(wn__arena *a, const char *s, size_t n)
{
	char *p = wn__arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

void *wn__arena_grow(wn__arena *a, void *p, size_t *cap, size_t need,
                     size_t size, size_t first)
{
	if (p && need <= *cap)
		return p;
	size_t old = p ? *cap : 0;
	*cap = grown(old, need, size, first);
	if (*cap * size > SIZE_MAX - sizeof(wn__arena_big))
		wn__oom();
	wn__arena_big *b = p ? (wn__arena_big *)((unsigned char *)p -
	                                         offsetof(wn__arena_big, data))
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
