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

/* What a command line asks for besides extracting (cli_parse_options). */
enum { CLI_RUN = 0, CLI_HELP, CLI_VERSION };

/* Parses the options of the main command (-f, --links, -u, --max-*, ...)
 * into c, whose c->opt the caller has set to the defaults (cli_opts.c).
 * Returns the index in argv of the first argument that is not an option,
 * argv being permuted as by getopt_long, or -1 on a usage error, said on
 * stderr.  *action is CLI_HELP or CLI_VERSION when -h or -V was met, at
 * which point parsing stopped.  Uses getopt: one thread at a time. */
int cli_parse_options(cli_config *c, int argc, char **argv, int *action);

/* Writes to f the unified diff (three lines of context) that turns the
 * lines of a[0..alen) into those of b[0..blen), headed by "--- name_a"
 * and "+++ name_b" (cli_diff.c).  When max_lines is not 0, at most that
 * many lines are written, then a line saying how many were left out.
 * Returns the number of lines the whole diff has: 0 if a and b are equal. */
size_t cli_diff(FILE *f, const char *a, size_t alen, const char *b, size_t blen,
                const char *name_a, const char *name_b, size_t max_lines);

#endif
