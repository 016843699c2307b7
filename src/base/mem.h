/*
 * mem.h -- allocation for the whole library: the out-of-memory policy
 * (winnow.h: print and abort), growable arrays, and the per-document arena
 * from which a document's memory comes and is freed at once.
 */
#ifndef WINNOW_BASE_MEM_H
#define WINNOW_BASE_MEM_H

#include <stddef.h>

/* Prints "winnow: out of memory" and aborts: the one handler. */
_Noreturn void wn__oom(void);
/* malloc and realloc that never return NULL (they call wn__oom). */
void *wn__xmalloc(size_t n);
void *wn__xrealloc(void *p, size_t n);

/* Makes room for `need` elements of `size` bytes in the malloc'd array p
 * holding *cap of them: doubles *cap (from `first`) until it fits and
 * returns the array, moved perhaps.  The one growth rule of the library;
 * WN__GROW is the usual way to call it. */
void *wn__grow(void *p, size_t *cap, size_t need, size_t size, size_t first);
#define WN__GROW(p, cap, need, first) ((p) = wn__grow((p), &(cap), (need), sizeof *(p), (first)))

/* The arena: small allocations come from 64 KiB chunks, large ones and
 * growable arrays (wn__arena_grow) from blocks of their own on a list; all
 * of it is freed by wn__arena_free, nothing before. */
typedef struct wn__arena_chunk wn__arena_chunk;
typedef struct wn__arena_big wn__arena_big;
typedef struct wn__arena {
	wn__arena_chunk *head;
	wn__arena_big *big;
	size_t total; /* bytes handed out, for limits and the benchmark */
} wn__arena;

void wn__arena_init(wn__arena *a);
/* n bytes, 16-byte aligned and zeroed, valid until wn__arena_free. */
void *wn__arena_alloc(wn__arena *a, size_t n);
/* The same, not zeroed. */
void *wn__arena_alloc_raw(wn__arena *a, size_t n);
/* s[0..n) and a NUL, in the arena. */
char *wn__arena_strndup(wn__arena *a, const char *s, size_t n);
/* wn__grow for an array owned by the arena: p is NULL or what an earlier
 * call returned.  The new room is not zeroed. */
void *wn__arena_grow(wn__arena *a, void *p, size_t *cap, size_t need, size_t size, size_t first);
#define WN__ARENA_GROW(a, p, cap, need, first) \
	((p) = wn__arena_grow((a), (p), &(cap), (need), sizeof *(p), (first)))
void wn__arena_free(wn__arena *a);

/* A pool for an allocator handed to a library that frees as it goes
 * (gumbo: the parse tree's nodes and strings, and the buffers it grows by
 * moving).  Blocks come from an arena, each 8-byte aligned behind an
 * 8-byte header that holds its size class: 8-byte steps to 256 bytes, then
 * four steps to each power of two to 64 KiB (at most a quarter wasted);
 * a freed block goes on its class's list and is handed out again.  Larger
 * blocks are malloc'd on a list of their own and freed when given back (a
 * text node of megabytes grows by moving).  No bookkeeping beyond that,
 * and no walk to free: all of it goes at once. */
enum { WN__POOL_CLASSES = 64 };
typedef struct wn__pool {
	wn__arena arena;
	unsigned char *at, *end; /* the chunk small blocks are cut from */
	void *freed[WN__POOL_CLASSES];
	struct wn__pool_big *big; /* the blocks past the classes */
} wn__pool;

void wn__pool_init(wn__pool *p);
/* n bytes, 8-byte aligned, not zeroed, valid until given back. */
void *wn__pool_alloc(wn__pool *p, size_t n);
/* Gives q (NULL, or what wn__pool_alloc returned) back for reuse. */
void wn__pool_give(wn__pool *p, void *q);
/* Frees all of the pool's blocks, given back or not. */
void wn__pool_free(wn__pool *p);

#endif
