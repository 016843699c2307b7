/*
 * util.c -- the arena, the growable buffer, UTF-8 helpers and the
 * out-of-memory policy shared by every stage.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "doc.h"

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

/* ---- arena ---- */

struct wn_arena_chunk {
	wn_arena_chunk *next;
	size_t used, size;
	_Alignas(16) unsigned char data[];
};

enum { ARENA_CHUNK = 64 * 1024 };

void wn__arena_init(wn_arena *a)
{
	a->head = NULL;
	a->total = 0;
}

void *wn__arena_alloc(wn_arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	wn_arena_chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		/* Large requests get a chunk of their own, placed behind the
		 * current one so its free space is not wasted. */
		size_t size = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
		wn_arena_chunk *nc = wn__xmalloc(sizeof *nc + size);
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

char *wn__arena_strndup(wn_arena *a, const char *s, size_t n)
{
	char *p = wn__arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

void wn__arena_free(wn_arena *a)
{
	wn_arena_chunk *c = a->head;
	while (c) {
		wn_arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->total = 0;
}

/* ---- buffer ---- */

void wn__buf_grow(wn_buf *b, size_t extra)
{
	if (b->cap - b->len > extra)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len <= extra) {
		if (cap > SIZE_MAX / 2)
			wn__oom();
		cap *= 2;
	}
	b->data = wn__xrealloc(b->data, cap);
	b->data[b->len] = 0; /* "always NUL-terminated", a new buffer too */
	b->cap = cap;
}

void wn__buf_put(wn_buf *b, const char *s, size_t n)
{
	wn__buf_grow(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = 0;
}

void wn__buf_puts(wn_buf *b, const char *s) { wn__buf_put(b, s, strlen(s)); }

void wn__buf_putc(wn_buf *b, char c) { wn__buf_put(b, &c, 1); }

void wn__buf_printf(wn_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	wn__buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void wn__buf_free(wn_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* ---- UTF-8 ---- */

int wn__utf8_next(const char *s, size_t len, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
	                                      len > 4 ? 4 : (utf8proc_ssize_t)len, &c);
	if (n <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return (int)n;
}

int wn__is_space_cp(int32_t cp)
{
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
	    cp == 0xA0)
		return 1;
	if (cp < 0x80)
		return 0;
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
	       c == UTF8PROC_CATEGORY_ZP;
}

/* Scripts written without spaces between words: a character is a word. */
int wn__is_cjk_cp(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) ||   /* kana */
	       (cp >= 0x3400 && cp <= 0x4DBF) ||   /* CJK ext A */
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* CJK unified */
	       (cp >= 0xF900 && cp <= 0xFAFF) ||   /* compatibility */
	       (cp >= 0x0E00 && cp <= 0x0E7F) ||   /* Thai */
	       (cp >= 0x20000 && cp <= 0x2FA1F);   /* ext B.. */
}

/* ---- ASCII, as the HTML spec reads markup ---- */

int wn__is_html_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

int wn__ascii_ieq(const char *a, const char *lower, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i];
		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (x != (unsigned char)lower[i])
			return 0;
	}
	return 1;
}
