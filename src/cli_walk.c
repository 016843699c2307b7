/*
 * cli_walk.c -- what the folder walks of `winnow check` and `winnow -r`
 * share: the order of a sorted depth-first walk kept on an explicit stack.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int by_path(const void *x, const void *y)
{
	return strcmp(((const cli_entry *)x)->path, ((const cli_entry *)y)->path);
}

void cli_walk_sort(cli_entry *pushed, size_t n)
{
	/* Sorted backwards, so that the smallest name is taken first. */
	qsort(pushed, n, sizeof *pushed, by_path);
	for (size_t a = 0, b = n; a + 1 < b; a++, b--) {
		cli_entry t = pushed[a];
		pushed[a] = pushed[b - 1];
		pushed[b - 1] = t;
	}
}
