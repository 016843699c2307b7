/*
 * buf.h -- a growable byte buffer, always NUL-terminated once it holds
 * anything (data is NULL before the first write).
 */
#ifndef WINNOW_BASE_BUF_H
#define WINNOW_BASE_BUF_H

#include <stddef.h>

typedef struct wn__buf {
	char *data;
	size_t len, cap;
} wn__buf;

/* Room for extra more bytes and the NUL. */
void wn__buf_grow(wn__buf *b, size_t extra);
void wn__buf_put(wn__buf *b, const char *s, size_t n);
void wn__buf_puts(wn__buf *b, const char *s);
void wn__buf_putc(wn__buf *b, char c);
void wn__buf_printf(wn__buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void wn__buf_free(wn__buf *b);

#endif
