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
	WN__ARENA_GROW(n->arena, n->msg, n->cap, n->n + 1, 8);
	n->msg[n->n++] = wn__arena_strndup(n->arena, tmp, strlen(tmp));
}
