/*
 * note.h -- notes for the user (a fallback taken, bytes replaced, a limit
 * hit), kept in an arena in the order they were made; the result hands
 * them out with wn_result_message().  The bottom layer: every stage may
 * note, none needs to know who reads the notes.
 */
#ifndef WINNOW_BASE_NOTE_H
#define WINNOW_BASE_NOTE_H

#include <stddef.h>

#include "base/mem.h"

typedef struct wn__notes {
	wn__arena *arena; /* where the strings live: the result's arena */
	const char **msg;
	size_t n, cap;
} wn__notes;

/* Adds a note, printf-style, cut at 511 bytes. */
void wn__note(wn__notes *n, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
