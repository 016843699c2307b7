/*
 * diff.h -- unified diffs for `winnow check`.
 */
#ifndef WINNOW_CLI_DIFF_H
#define WINNOW_CLI_DIFF_H

#include <stddef.h>
#include <stdio.h>

/* Writes to f the unified diff (three lines of context) that turns the
 * lines of a[0..alen) into those of b[0..blen), headed by "--- name_a"
 * and "+++ name_b".  When max_lines is not 0, at most that many lines are
 * written, then a line saying how many were left out.  Returns the number
 * of lines the whole diff has: 0 if a and b are equal. */
size_t cli_diff(FILE *f, const char *a, size_t alen, const char *b, size_t blen, const char *name_a,
                const char *name_b, size_t max_lines);

#endif
