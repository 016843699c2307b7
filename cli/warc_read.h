/*
 * warc_read.h -- the WARC reader of `winnow --warc`: records read from a
 * byte stream, plain or gzip-compressed, and the HTTP response in a record
 * undone (chunked transfer coding, gzip or deflate content coding).
 * Untrusted input: the fuzz target fuzz/fuzz_warc.c drives it alone.
 */
#ifndef WINNOW_CLI_WARC_READ_H
#define WINNOW_CLI_WARC_READ_H

#include <stddef.h>

#include "support.h"

/* What the reader gives, in file order: an HTML response record, or a
 * problem met at an offset (a truncated or corrupt record, a damaged
 * header ...).  The caller frees it with warc_record_free(). */
typedef struct warc_record {
	long long off; /* of the record; of its gzip member when compressed */
	char *block;   /* the record block, an HTTP response (NUL after it) */
	size_t blen;
	cli_buf keys; /* {"url":...,"warc_record_id":...,"warc_date":...} */
	char *uri;    /* WARC-Target-URI, or NULL */
	char *why;    /* a problem: block is NULL */
} warc_record;
void warc_record_free(warc_record *r);

typedef struct warc_reader warc_reader;
/* A reader of the stream that read gives; records over max_bytes are
 * reported and passed over unread. */
warc_reader *warc_open(cli_read_fn read, void *ctx, size_t max_bytes);
/* The next record or problem into *r: 1, or 0 at the end. */
int warc_next(warc_reader *R, warc_record *r);
/* The bytes read from the stream, and the records passed over (not
 * responses, other segments). */
long long warc_bytes_read(const warc_reader *R);
size_t warc_skipped(const warc_reader *R);
void warc_close(warc_reader *R);

/* 1 if head[0..n), a file's first bytes, starts a WARC file: "WARC/1.",
 * or gzip whose data starts so. */
int warc_sniff(const unsigned char *head, size_t n);
/* 1 if the path is named like a WARC file (.warc, .warc.gz). */
int warc_name(const char *path);

/* The page in a response record. */
enum { WARC_PAGE, WARC_NOT_PAGE, WARC_BAD };
typedef struct warc_page {
	const char *body; /* the page: in the block, or in decoded */
	size_t len;
	char *ctype;   /* the HTTP Content-Type, or NULL */
	char *decoded; /* the body after its content coding, or NULL */
	char why[192]; /* WARC_BAD: the reason */
} warc_page;
/* Reads the HTTP response block[0..n) (changed in place: chunks joined):
 * WARC_PAGE (a 2xx HTML page), WARC_NOT_PAGE (another status or type), or
 * WARC_BAD.  The decoded body is at most max_bytes. */
int warc_http(char *block, size_t n, size_t max_bytes, warc_page *pg);
void warc_page_free(warc_page *pg);

#endif
