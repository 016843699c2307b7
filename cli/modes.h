/*
 * modes.h -- the modes of the winnow command, which main.c dispatches to.
 * Each takes the parsed configuration and the arguments that are not
 * options, and returns the exit status.
 */
#ifndef WINNOW_CLI_MODES_H
#define WINNOW_CLI_MODES_H

#include "opts.h"

/* FILEs (or standard input), -O, -r, -j (batch.c). */
int cli_batch_main(const cli_config *c, int nargs, char **args);
/* --jsonl and --warc (stream.c). */
int cli_stream_main(const cli_config *c, int nargs, char **args);
/* `winnow check ...` (check.c); argv[0] is "check". */
int cli_check_main(int argc, char **argv);

#endif
