/*
 * opts.h -- the options of the winnow command, parsed in one place for the
 * command line (main.c) and for the NAME.options files of `winnow check`.
 */
#ifndef WINNOW_CLI_OPTS_H
#define WINNOW_CLI_OPTS_H

#include "winnow.h"

typedef struct cli_config {
	wn_options opt;
	int verbose;
	const char *output_dir; /* -O: one output file per input */
	int recursive;          /* -r: pages found in folders */
	int jobs;               /* -j: worker threads; 0: one per CPU */
	int jsonl;              /* --jsonl: JSON Lines in and out */
	int warc;               /* --warc: WARC files in, JSON Lines out */
	/* What was given, for the conflicts and the warnings: the option
	 * that chose the format ("-f json", "--explain" ...), and the
	 * options that are not extraction options at all. */
	char format_by[24];
	int max_output_given;
	const char *not_extraction; /* the first of -O -r -j -v --jsonl --warc */
} cli_config;

/* What a command line asks for besides extracting. */
enum { CLI_RUN = 0, CLI_HELP, CLI_VERSION };

/* Sets c to the defaults. */
void cli_config_init(cli_config *c);

/* Parses the options of the main command (-f, --links, -u, --max-*, ...)
 * into c.  prog is the name getopt's messages start with ("winnow", or
 * the options file).  Returns the index in argv of the first argument
 * that is not an option, argv being permuted as by getopt_long, or -1 on
 * a usage error, said on stderr.  *action is CLI_HELP or CLI_VERSION when
 * -h or -V was met, at which point parsing stopped.  Uses getopt: one
 * thread at a time. */
int cli_parse_options(cli_config *c, const char *prog, int argc, char **argv, int *action);

/* Warns on stderr of each option given that does nothing in the mode
 * chosen (stream: --jsonl or --warc). */
void cli_warn_unused(const cli_config *c, int stream);

#endif
