/*
 * stream.c -- the stream modes of the winnow command: `--jsonl` (JSON
 * Lines in and out, one line in, one line out, in order, whatever -j is:
 * the stream contract of Hadoop Streaming and Spark's RDD.pipe) and
 * `--warc` (each HTML response record of WARC files gives one JSON line:
 * "url" (WARC-Target-URI), "warc_record_id", "warc_date", then the
 * extraction).  One loop for both: inputs in turn, their items through the
 * ordered pool, each output line written in order to standard output or,
 * with -O, to DIR/NAME.jsonl.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "jsonl_read.h"
#include "jsonline.h"
#include "modes.h"
#include "pool.h"
#include "support.h"
#include "warc_read.h"

/* One line (--jsonl) or one record (--warc). */
typedef struct item {
	char *line; /* --jsonl: the line, NULL when over --max-bytes */
	size_t len, lineno;
	warc_record rec; /* --warc */
	const char *file;
	cli_buf out, msg;
	size_t bytes;
	int rc; /* EXIT_*, or -1: not an HTML page (passed over) */
} item;

typedef struct stream {
	const cli_config *c;
	cli_pool *pool;
	cli_stats stats;
	cli_afile *af; /* -O: the output file of the input being read */
	cli_input in;
	int failed; /* --warc: a record was reported */
} stream;

static void put(stream *S, const void *p, size_t n)
{
	if (S->af)
		cli_afile_write(S->af, p, n);
	else
		cli_out_write(stdout, p, n);
}

static void flush_out(stream *S)
{
	if (S->af)
		fflush(cli_afile_stream(S->af)); /* an error stays in ferror */
	else
		cli_out_flush();
}

/* ---- --jsonl ---- */

/* A cut is said on stderr too: "truncated": true is easy to miss. */
static void say_cut(const stream *S, item *it, const wn_result *r)
{
	if (!wn_result_truncated(r))
		return;
	size_t max = S->c->opt.max_output ? S->c->opt.max_output : WN_DEFAULT_MAX_OUTPUT;
	if (S->c->jsonl)
		cli_buf_printf(&it->msg, "winnow: %s: line %zu: ", it->file, it->lineno);
	else
		cli_buf_printf(&it->msg, "winnow: %s: record at offset %lld: ", it->file, it->rec.off);
	cli_buf_printf(&it->msg, "output cut at %zu bytes (--max-output)\n", max);
}

static void jsonl_fail(item *it, const char *rec, size_t rlen, const char *why)
{
	cli_json_line(&it->out, rec, rlen, NULL, why, it->lineno);
	it->rc = EXIT_INPUT;
}

static void jsonl_work(void *ctx, void *arg)
{
	const stream *S = ctx;
	item *it = arg;
	char why[256];
	if (!it->line) {
		snprintf(why, sizeof why, "line longer than --max-bytes (%zu bytes)",
		         S->c->opt.max_bytes);
		jsonl_fail(it, NULL, 0, why);
		return;
	}
	jl_request q;
	int bad = jl_parse(it->line, it->len, &q);
	free(it->line);
	it->line = NULL;
	if (bad) {
		jsonl_fail(it, q.rec.len ? q.rec.data : NULL, q.rec.len, q.error);
		jl_request_free(&q);
		return;
	}
	wn_options opt = S->c->opt;
	opt.url = q.url;
	opt.content_type = q.content_type;
	wn_result *r = NULL;
	wn_status st = wn_extract(q.html, q.html_len, &opt, &r);
	if (st == WN_OK || st == WN_NO_CONTENT) {
		cli_json_line(&it->out, q.rec.data, q.rec.len, r, NULL, it->lineno);
		it->rc = st == WN_OK ? EXIT_CONTENT : EXIT_NOCONTENT;
		say_cut(S, it, r);
	} else if (st == WN_EINPUT) {
		snprintf(why, sizeof why, "\"html\" larger than --max-bytes (%zu bytes)",
		         opt.max_bytes);
		jsonl_fail(it, q.rec.data, q.rec.len, why);
	} else {
		jsonl_fail(it, q.rec.data, q.rec.len, wn_status_string(st));
	}
	wn_result_free(r);
	jl_request_free(&q);
}

/* Reads the input for the JSON Lines reader.  When no input is ready,
 * the lines in flight are finished and written first, so that a caller
 * that writes a line and waits for its answer gets it. */
static ssize_t jsonl_read(void *ctx, void *buf, size_t n)
{
	stream *S = ctx;
	struct pollfd pfd = {S->in.fd, POLLIN, 0};
	if (poll(&pfd, 1, 0) == 0) {
		cli_pool_drain(S->pool);
		flush_out(S);
	}
	return cli_input_read(&S->in, buf, n);
}

static void jsonl_file(stream *S, const char *name)
{
	static jl_reader L; /* 64 KiB: not on the stack */
	char *line;
	size_t len;
	jl_init(&L, jsonl_read, S, S->c->opt.max_bytes);
	while (jl_next(&L, &line, &len)) {
		if (line && jl_blank(line, len)) {
			free(line);
			continue;
		}
		item *it = cli_xcalloc(1, sizeof *it);
		it->line = line;
		it->len = it->bytes = len;
		it->lineno = L.lineno;
		it->file = name;
		cli_pool_submit(S->pool, it);
	}
	if (L.err) {
		char e[256];
		fprintf(stderr, "winnow: %s: %s\n", name, cli_strerror(L.err, e, sizeof e));
		S->failed = 1;
	}
}

/* ---- --warc ---- */

static void warc_say(item *it, const char *why)
{
	cli_buf_printf(
		&it->msg, "winnow: %s: record at offset %lld: %s\n", it->file, it->rec.off, why);
	it->rc = EXIT_INPUT;
}

static void warc_work(void *ctx, void *arg)
{
	const stream *S = ctx;
	item *it = arg;
	if (it->rec.why) {
		warc_say(it, it->rec.why);
		return;
	}
	warc_page pg;
	int kind = warc_http(it->rec.block, it->rec.blen, S->c->opt.max_bytes, &pg);
	if (kind == WARC_NOT_PAGE) {
		it->rc = -1;
	} else if (kind == WARC_BAD) {
		warc_say(it, pg.why);
	} else {
		wn_options opt = S->c->opt;
		opt.url = it->rec.uri;
		opt.content_type = pg.ctype;
		wn_result *r = NULL;
		wn_status st = wn_extract(pg.body, pg.len, &opt, &r);
		if (st == WN_OK || st == WN_NO_CONTENT) {
			cli_json_line(&it->out, it->rec.keys.data, it->rec.keys.len, r, NULL, 0);
			it->rc = st == WN_OK ? EXIT_CONTENT : EXIT_NOCONTENT;
			say_cut(S, it, r);
		} else {
			warc_say(it, st == WN_EINPUT ? "page larger than --max-bytes"
			                             : wn_status_string(st));
		}
		wn_result_free(r);
	}
	warc_page_free(&pg);
	free(it->rec.block);
	it->rec.block = NULL;
}

static ssize_t warc_read(void *ctx, void *buf, size_t n)
{
	stream *S = ctx;
	return cli_input_read(&S->in, buf, n);
}

static void warc_file(stream *S, const char *name)
{
	warc_reader *R = warc_open(warc_read, S, S->c->opt.max_bytes);
	warc_record rec;
	while (warc_next(R, &rec)) {
		item *it = cli_xcalloc(1, sizeof *it);
		it->rec = rec;
		it->file = name;
		cli_pool_submit(S->pool, it);
	}
	S->stats.bytes += (double)warc_bytes_read(R);
	S->stats.skipped += warc_skipped(R);
	warc_close(R);
}

/* ---- the loop ---- */

static void emit(void *ctx, void *arg)
{
	stream *S = ctx;
	item *it = arg;
	put(S, it->out.data, it->out.len);
	if (it->msg.len) {
		flush_out(S);
		fwrite(it->msg.data, 1, it->msg.len, stderr);
	}
	if (it->rc == -1)
		S->stats.skipped++;
	else
		cli_stats_add(&S->stats, it->rc, it->bytes);
	if (it->rc == EXIT_INPUT && S->c->warc)
		S->failed = 1;
	free(it->line);
	warc_record_free(&it->rec);
	free(it->out.data);
	free(it->msg.data);
	free(it);
}

/* -O: DIR/NAME.jsonl, NAME being the input's file name less the first of
 * exts it ends with; NULL, said on stderr, when it cannot be written or
 * would be the input. */
static cli_afile *stream_output(const char *dir, const char *input, const char *const *exts)
{
	const char *base = strrchr(input, '/');
	base = base ? base + 1 : input;
	size_t n = strlen(base), dn = strlen(dir);
	for (; *exts; exts++) {
		size_t k = strlen(*exts);
		if (n > k && !strcmp(base + n - k, *exts)) {
			n -= k;
			break;
		}
	}
	char *path = cli_xmalloc(dn + n + 8), e[256];
	sprintf(path, "%s%s%.*s.jsonl", dir, dn && dir[dn - 1] == '/' ? "" : "/", (int)n, base);
	struct stat in, out;
	cli_afile *af = NULL;
	int err = 0;
	if (mkdir(dir, 0777) && errno != EEXIST)
		fprintf(stderr, "winnow: -O %s: %s\n", dir, cli_strerror(errno, e, sizeof e));
	else if (!stat(input, &in) && !stat(path, &out) && in.st_dev == out.st_dev &&
	         in.st_ino == out.st_ino)
		fprintf(stderr, "winnow: %s: the output would overwrite the input\n", path);
	else if (!(af = cli_afile_open(path, &err)))
		fprintf(stderr, "winnow: -O: cannot write %s: %s\n", path,
		        cli_strerror(err, e, sizeof e));
	free(path);
	return af;
}

int cli_stream_main(const cli_config *c, int nargs, char **args)
{
	static const char *const jsonl_exts[] = {".jsonl", ".ndjson", ".json", NULL};
	static const char *const warc_exts[] = {".warc.gz", ".warc", ".gz", NULL};
	static char *const std_in[] = {"-", NULL};
	stream S = {.c = c};
	int rc = EXIT_CONTENT;
	if (nargs == 0) {
		args = (char **)std_in;
		nargs = 1;
	}
	cli_stats_start(&S.stats);
	S.pool = cli_pool_new(cli_pool_jobs(c->jobs), c->jsonl ? jsonl_work : warc_work, emit, &S);
	for (int i = 0; i < nargs; i++) {
		int std = !strcmp(args[i], "-");
		const char *name = std ? "(standard input)" : args[i];
		int err = cli_input_open(&S.in, args[i]);
		if (err) {
			char e[256];
			fprintf(stderr, "winnow: %s: %s\n", name, cli_strerror(err, e, sizeof e));
			rc = EXIT_INPUT;
			continue;
		}
		if (c->output_dir && !(S.af = stream_output(c->output_dir, args[i],
		                                            c->jsonl ? jsonl_exts : warc_exts))) {
			cli_input_close(&S.in);
			rc = EXIT_INPUT;
			continue;
		}
		if (c->jsonl)
			jsonl_file(&S, name);
		else
			warc_file(&S, name);
		cli_input_close(&S.in);
		if (c->jsonl && S.failed)
			rc = EXIT_INPUT, S.failed = 0;
		if (S.af) {
			cli_pool_drain(S.pool);
			err = cli_afile_commit(S.af);
			S.af = NULL;
			if (err) {
				char e[256];
				fprintf(stderr, "winnow: %s: cannot write its output: %s\n", name,
				        cli_strerror(err, e, sizeof e));
				rc = EXIT_INPUT;
			}
		}
	}
	cli_pool_free(S.pool);
	if (c->verbose)
		cli_stats_print(&S.stats, c->jsonl ? "lines" : "HTML records");
	if (cli_out_close("winnow"))
		return EXIT_INPUT;
	return S.failed ? EXIT_INPUT : rc;
}
