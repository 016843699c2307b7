/*
 * cli.h -- what the parts of the winnow command share (not the library:
 * the command uses only winnow.h).
 */
#ifndef WINNOW_CLI_H
#define WINNOW_CLI_H

#include <stdio.h>

#include "winnow.h"

/* Exit codes, documented in --help, the man page and the README. */
enum { EXIT_CONTENT = 0, EXIT_NOCONTENT = 1, EXIT_USAGE = 2, EXIT_INPUT = 3 };

typedef struct cli_config {
	wn_options opt;
	int verbose;
} cli_config;

/* "64M" -> 67108864; suffixes k, M, G.  0 on success, -1 if not a size. */
int cli_parse_size(const char *s, size_t *out);

/* Reads all of f into a new malloc'd buffer (the caller frees *data), up
 * to limit bytes.  0 on success, else an errno value (EFBIG over limit). */
int cli_read_all(FILE *f, size_t limit, char **data, size_t *len);

/* `winnow check ...` (cli_check.c); argv[0] is "check". */
int cli_check_main(int argc, char **argv);

#endif
