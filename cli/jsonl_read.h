/*
 * jsonl_read.h -- the JSON Lines reader of `winnow --jsonl`: lines cut
 * from a byte stream, and each line read as a request (its "html", "url",
 * "content_type" and the keys passed through).  Untrusted input: the
 * fuzz target fuzz/fuzz_jsonl.c drives it alone.
 */
#ifndef WINNOW_CLI_JSONL_READ_H
#define WINNOW_CLI_JSONL_READ_H

#include <stddef.h>

#include "support.h"

typedef struct jl_reader {
	cli_read_fn read;
	void *ctx;
	size_t limit;  /* longer lines are not kept (--max-bytes) */
	size_t lineno; /* of the line last given */
	int err;       /* the errno value that ended the input, or 0 */
	int eof;
	size_t pos, len;
	char buf[1 << 16];
} jl_reader;

void jl_init(jl_reader *L, cli_read_fn read, void *ctx, size_t limit);
/* The next line, without its "\n" (or "\r\n"), in a new buffer *line that
 * the caller frees; *line is NULL when the line is longer than the limit
 * (it is read past).  Returns 0 at the end of the input. */
int jl_next(jl_reader *L, char **line, size_t *len);
/* 1 if s[0..n) is empty or only white space (such lines give nothing). */
int jl_blank(const char *s, size_t n);

/* One line read as a request. */
typedef struct jl_request {
	const char *html; /* the page, in the parsed line (html_len bytes) */
	size_t html_len;
	const char *url, *content_type; /* NULL when absent or null */
	/* The line's object less "html" and "content_type", compact; empty
	 * when the line is not an object. */
	cli_buf rec;
	/* Why the line cannot be used, or NULL. */
	const char *error;
	char why[256];
	void *json; /* the parsed line, which the strings above are in */
} jl_request;

/* Reads line[0..len) into q: 0, or -1 with q->error set (q->rec then
 * holds the line's keys when it is an object).  The line may be freed
 * afterwards; q is freed with jl_request_free(). */
int jl_parse(const char *line, size_t len, jl_request *q);
void jl_request_free(jl_request *q);

#endif
