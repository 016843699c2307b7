/*
 * support.h -- the bottom layer of the winnow command: memory, a byte
 * buffer, JSON strings, reading inputs, sizes, atomic files, getopt and
 * standard output.  Nothing here knows the modes or the library.
 */
#ifndef WINNOW_CLI_SUPPORT_H
#define WINNOW_CLI_SUPPORT_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* Exit codes, documented in --help, the man page and the README. */
enum {
	EXIT_CONTENT = 0,   /* content written for every input */
	EXIT_NOCONTENT = 1, /* some input had no content */
	EXIT_USAGE = 2,     /* a bad command line */
	EXIT_INPUT = 3,     /* an input could not be read or used, or the
	                     * output could not be written */
};

/* The one out-of-memory handler: "winnow: out of memory", then abort()
 * (the library does the same). */
void cli_oom(void);
void *cli_xmalloc(size_t n);
void *cli_xcalloc(size_t n, size_t size);
void *cli_xrealloc(void *p, size_t n);
char *cli_xstrdup(const char *s);
char *cli_xstrndup(const char *s, size_t n);
/* a and b joined, in a new string. */
char *cli_concat(const char *a, const char *b);
/* The capacity to grow an array of *cap elements of size bytes to hold
 * need: doubles (from 16), aborting on overflow.  Returns p regrown. */
void *cli_grow(void *p, size_t *cap, size_t need, size_t size);

/* A growable byte buffer, always NUL-terminated once written to. */
typedef struct cli_buf {
	char *data;
	size_t len, cap;
} cli_buf;
void cli_buf_put(cli_buf *b, const void *s, size_t n);
void cli_buf_puts(cli_buf *b, const char *s);
void cli_buf_printf(cli_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s[0..n) as a JSON string literal (RFC 8259); invalid UTF-8 becomes
 * U+FFFD. */
void cli_buf_json(cli_buf *b, const char *s, size_t n);

/* The message of errno value err (thread-safe strerror). */
const char *cli_strerror(int err, char *buf, size_t size);

/* "64M" -> 67108864; suffixes k, M, G.  0 on success, -1 if not a size. */
int cli_parse_size(const char *s, size_t *out);

/* Where a reader's bytes come from: like read(2), up to n bytes into buf,
 * their count, 0 at the end, -1 with errno set on an error. */
typedef ssize_t (*cli_read_fn)(void *ctx, void *buf, size_t n);

/* An input: a file descriptor, with bytes already read from it put back
 * in front (the sniffing of standard input reads its first bytes). */
typedef struct cli_input {
	int fd;
	unsigned char head[512];
	size_t head_len, head_pos;
} cli_input;
/* Opens path ("-": standard input) for reading; 0 or an errno value. */
int cli_input_open(cli_input *in, const char *path);
/* Reads up to n bytes: their count, 0 at the end, -1 with errno set. */
ssize_t cli_input_read(cli_input *in, void *buf, size_t n);
/* The first bytes (up to sizeof in->head), read and put back; their count. */
size_t cli_input_peek(cli_input *in);
void cli_input_close(cli_input *in);
/* The first bytes of standard input (at most 512), to sniff it: they are
 * read once and given back to the next cli_input_open("-"). */
size_t cli_stdin_peek(const unsigned char **head);

/* Reads all of in into a new malloc'd buffer (the caller frees *data), up
 * to limit bytes; a regular file larger than limit is refused before it
 * is read.  0 on success, else an errno value (EFBIG over limit). */
int cli_read_all(cli_input *in, size_t limit, char **data, size_t *len);
/* The same for a path ("-": standard input). */
int cli_read_file(const char *path, size_t limit, char **data, size_t *len);

/*
 * Atomic files: written under a unique temporary name beside path, then
 * renamed over it, so that path holds the whole output or nothing new.
 * The temporary file is removed on failure, and on SIGINT and SIGTERM
 * (cli_signals_init()).  Missing folders of path are created.
 */
typedef struct cli_afile cli_afile;
/* Opens a temporary file for path; NULL with *err set on failure. */
cli_afile *cli_afile_open(const char *path, int *err);
FILE *cli_afile_stream(cli_afile *a);
/* Writes to it; the first failure is kept for cli_afile_commit(). */
void cli_afile_write(cli_afile *a, const void *p, size_t n);
/* Closes and renames it over its path: 0 or an errno value (the write
 * error that came first).  Frees a. */
int cli_afile_commit(cli_afile *a);
/* Closes and removes it; frees a. */
void cli_afile_abort(cli_afile *a);
/* data[0..len) as path, atomically: 0 or an errno value. */
int cli_write_file(const char *path, const char *data, size_t len);
/* Creates the folders of path up to its last '/': 0 or an errno value. */
int cli_make_parents(const char *path);
/* Installs the handlers that remove the temporary files on SIGINT and
 * SIGTERM before dying of the signal. */
void cli_signals_init(void);

/* getopt keeps its place in globals: start afresh for another argv. */
void cli_getopt_reset(void);

/* Standard output, checked: makes sure file descriptors 0-2 are open (a
 * closed one is opened on /dev/null the wrong way round, so that a write
 * to a closed standard output fails instead of landing in a file opened
 * later).  Call first. */
void cli_stdio_init(void);
/* Writes to f; a failure is remembered (cli_out_close() reports it). */
void cli_out_write(FILE *f, const void *p, size_t n);
/* Flushes standard output, remembering a failure as cli_out_write does. */
void cli_out_flush(void);
/* Flushes and closes standard output: 0, or the errno value of the first
 * write that failed, said on stderr as "PROG: cannot write to standard
 * output: REASON".  */
int cli_out_close(const char *prog);

/* Counts and timing for the -v summary line of batches and streams. */
typedef struct cli_stats {
	size_t n, ok, nocontent, failed, skipped;
	double bytes, start;
} cli_stats;
void cli_stats_start(cli_stats *s);
/* Counts one input by its exit status (EXIT_CONTENT ...) and size. */
void cli_stats_add(cli_stats *s, int rc, size_t bytes);
/* "winnow: N UNIT, N ok, N no content, N failed[, N skipped], S s,
 * D docs/s, M MB/s" on stderr. */
void cli_stats_print(const cli_stats *s, const char *unit);

#endif
