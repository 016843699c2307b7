/*
 * note.c -- the notes of one document.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/note.h"

void wn__note(wn__notes *n, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n->n == n->cap) {
		/* In the arena: the old array stays there until it is freed
		 * with the rest, as notes are few. */
		size_t cap = n->cap ? n->cap * 2 : 8;
		const char **m = wn__arena_alloc(n->arena, cap * sizeof *m);
		if (n->n)
			memcpy(m, n->msg, n->n * sizeof *m);
		n->msg = m;
		n->cap = cap;
	}
	n->msg[n->n++] = wn__arena_strndup(n->arena, tmp, strlen(tmp));
}
