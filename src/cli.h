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
	/* Crawler scale (cli_batch.c, cli_jsonl.c, cli_warc.c). */
	const char *output_dir; /* -O: one output file per input */
	int recursive;          /* -r: pages found in folders */
	int jobs;               /* -j: worker threads; 0: one per CPU */
	int jsonl;              /* --jsonl: JSON Lines in and out */
	int warc;               /* --warc: WARC files in, JSON Lines out */
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

/* ---- crawler scale: batches, JSON Lines, WARC ---- */

enum { CLI_MAX_JOBS = 256 };

/* The worker threads c asks for: -j N, else one per online CPU. */
int cli_jobs(const cli_config *c);

/* An ordered pool (cli_batch.c): the main thread submits items in order,
 * work(ctx, item) runs on them in `jobs` threads, and emit(ctx, item) is
 * called in the main thread in the order of submission.  At most a fixed
 * window of items (4 per thread) is in flight: submit waits, emitting the
 * finished ones, until there is room.  With jobs < 2 there are no threads:
 * submit runs work and emit at once. */
typedef struct cli_pool cli_pool;
typedef void (*cli_pool_fn)(void *ctx, void *item);
cli_pool *cli_pool_new(int jobs, cli_pool_fn work, cli_pool_fn emit, void *ctx);
void cli_pool_submit(cli_pool *p, void *item);
/* Waits for every submitted item and emits it. */
void cli_pool_drain(cli_pool *p);
/* Drains, stops the threads and frees p. */
void cli_pool_free(cli_pool *p);

/* Counts and timing for the -v summary line. */
typedef struct cli_stats {
	size_t n, ok, nocontent, failed, skipped;
	double bytes, start;
} cli_stats;
void cli_stats_start(cli_stats *s);
/* "winnow: N UNIT, N ok, N no content, N failed, S s, D docs/s, M MB/s" */
void cli_stats_print(const cli_stats *s, const char *unit);

/* A growable byte buffer; aborts when out of memory. */
typedef struct cli_buf {
	char *data;
	size_t len, cap;
} cli_buf;
void cli_buf_put(cli_buf *b, const void *s, size_t n);
void cli_buf_puts(cli_buf *b, const char *s);
/* s[0..n) as a JSON string literal; invalid UTF-8 becomes U+FFFD. */
void cli_buf_json(cli_buf *b, const char *s, size_t n);

/*
 * One output line of the stream modes (cli_jsonl.c): '{', the members of
 * the JSON object rec[0..rlen) (the record's own keys, as written, compact;
 * "html" and "content_type" left out), then those of r's JSON output, '}'
 * and a newline.  A record key the extraction also has is renamed
 * "input_KEY", except "url": the record's url stays and the extraction's
 * url, the page's canonical URL, is given as "canonical_url" when it
 * differs.  With r NULL, "error": error and "line": line are written after
 * the record's members instead.  rec may be NULL.
 */
void cli_json_line(cli_buf *b, const char *rec, size_t rlen, const wn_result *r,
                   const char *error, size_t line);

/* -O in the stream modes: opens DIR/NAME.jsonl for writing, NAME being the
 * input's file name less the first of exts (a NULL-ended list) it ends
 * with.  NULL, said on stderr, when it cannot or would be the input. */
FILE *cli_stream_output(const char *dir, const char *input, const char *const *exts);

/* Batch mode: FILEs (or standard input), -O, -r, -j (cli_batch.c). */
int cli_batch_main(const cli_config *c, int nargs, char **args);
/* --jsonl (cli_jsonl.c). */
int cli_jsonl_main(const cli_config *c, int nargs, char **args);
/* --warc (cli_warc.c). */
int cli_warc_main(const cli_config *c, int nargs, char **args);
/* 1 if path is a WARC file by its name (.warc, .warc.gz) or its first
 * bytes ("WARC/1.", or gzip whose data starts so). */
int cli_is_warc(const char *path);

/* Folder walks (cli_check.c, cli_batch.c) keep an explicit stack of these:
 * a path (malloc'd) and whether it is a folder. */
typedef struct cli_entry {
	char *path;
	int dir;
} cli_entry;

/* Sorts the n entries just pushed for one folder so that, popped from the
 * stack's top, they come out in byte order of their paths: a sorted
 * depth-first walk without recursion (cli_walk.c). */
void cli_walk_sort(cli_entry *pushed, size_t n);

#endif
