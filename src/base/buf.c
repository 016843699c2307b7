/*
 * buf.c -- the growable byte buffer.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/mem.h"


void wn__buf_grow(wn__buf *b, size_t extra)
{
	if (b->cap - b->len > extra)
		return;
	if (extra >= SIZE_MAX - b->len)
		wn__oom();
	WN__GROW(b->data, b->cap, b->len + extra + 1, 256);
	b->data[b->len] = 0; /* "always NUL-terminated", a new buffer too */
}

void wn__buf_put(wn__buf *b, const char *s, size_t n)
{
	wn__buf_grow(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = 0;
}

void wn__buf_puts(wn__buf *b, const char *s)
{
	wn__buf_put(b, s, strlen(s));
}

void wn__buf_putc(wn__buf *b, char c)
{
	wn__buf_put(b, &c, 1);
}

void wn__buf_printf(wn__buf *b, const char *fmt, ...)
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

void wn__buf_free(wn__buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
