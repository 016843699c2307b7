/*
 * cli_jsonl.c -- `winnow --jsonl`: JSON Lines (jsonlines.org: one UTF-8
 * JSON value per line, RFC 8259) in and out.  Each input line is an object
 * with "html" and optionally "url" and "content_type"; each output line is
 * the extraction's JSON object with the line's other keys, as written,
 * before it.  One line in, one line out, in order, whatever -j is: the
 * stream contract of Hadoop Streaming and Spark's RDD.pipe.  Also the
 * output line builder that the WARC mode shares.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"

static void oom(void)
{
	fputs("winnow: out of memory\n", stderr);
	abort();
}

/* ---- JSON text ---- */

/* The length of the valid UTF-8 sequence at s[0..n), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t k;
	unsigned min, cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		k = 2, min = 0x80, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		k = 3, min = 0x800, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		k = 4, min = 0x10000, cp = c & 0x07;
	else
		return 0;
	if (k > n)
		return 0;
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return k;
}

void cli_buf_json(cli_buf *b, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	cli_buf_put(b, "\"", 1);
	for (size_t i = 0; i < n;) {
		size_t run = i;
		while (run < n && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '"' &&
		       s[run] != '\\')
			run++;
		cli_buf_put(b, s + i, run - i);
		i = run;
		if (i == n)
			break;
		unsigned c = s[i];
		char esc[8];
		if (c == '"' || c == '\\') {
			esc[0] = '\\', esc[1] = (char)c;
			cli_buf_put(b, esc, 2);
			i++;
		} else if (c < 0x20) {
			static const char named[] = "btn\0fr"; /* \b \t \n \f \r */
			if (c >= 8 && c <= 13 && named[c - 8])
				snprintf(esc, sizeof esc, "\\%c", named[c - 8]);
			else
				snprintf(esc, sizeof esc, "\\u%04x", c);
			cli_buf_puts(b, esc);
			i++;
		} else {
			size_t k = utf8_len(s + i, n - i);
			if (k)
				cli_buf_put(b, s + i, k);
			else
				cli_buf_puts(b, "\xef\xbf\xbd");
			i += k ? k : 1;
		}
	}
	cli_buf_put(b, "\"", 1);
}

/* One member of an object as written: the key with its quotes, the value. */
typedef struct member {
	const char *k, *v;
	size_t kn, vn;
} member;

static size_t skip_ws(const char *s, size_t i, size_t n)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* s[i] is '"': the index after the closing quote. */
static size_t skip_string(const char *s, size_t i, size_t n)
{
	for (i++; i < n && s[i] != '"'; i++)
		if (s[i] == '\\')
			i++;
	return i < n ? i + 1 : n;
}

static size_t skip_value(const char *s, size_t i, size_t n)
{
	if (i < n && s[i] == '"')
		return skip_string(s, i, n);
	if (i < n && (s[i] == '{' || s[i] == '[')) {
		size_t depth = 0;
		while (i < n) {
			if (s[i] == '"') {
				i = skip_string(s, i, n);
				continue;
			}
			if (s[i] == '{' || s[i] == '[')
				depth++;
			else if ((s[i] == '}' || s[i] == ']') && --depth == 0)
				return i + 1;
			i++;
		}
		return n;
	}
	while (i < n && !strchr(",}] \t\r\n", s[i]))
		i++;
	return i;
}

/* The members of the JSON object s[0..n), which jansson has found valid,
 * into *v (grown as needed); returns their number. */
static size_t scan_members(const char *s, size_t n, member **v, size_t *cap)
{
	size_t i = skip_ws(s, 0, n), count = 0;
	if (i == n || s[i] != '{')
		return 0;
	for (i = skip_ws(s, i + 1, n); i < n && s[i] == '"';) {
		member m;
		m.k = s + i;
		i = skip_string(s, i, n);
		m.kn = (size_t)(s + i - m.k);
		i = skip_ws(s, i, n);
		if (i == n || s[i] != ':')
			break;
		i = skip_ws(s, i + 1, n);
		m.v = s + i;
		i = skip_value(s, i, n);
		m.vn = (size_t)(s + i - m.v);
		if (count == *cap) {
			*cap = *cap ? 2 * *cap : 16;
			member *nv = realloc(*v, *cap * sizeof *nv);
			if (!nv)
				oom();
			*v = nv;
		}
		(*v)[count++] = m;
		i = skip_ws(s, i, n);
		if (i < n && s[i] == ',')
			i = skip_ws(s, i + 1, n);
	}
	return count;
}

/* The string a JSON string literal stands for, malloc'd; NULL if raw is
 * not a string. */
static char *string_of(const char *raw, size_t n)
{
	if (n < 2 || raw[0] != '"')
		return NULL;
	if (!memchr(raw, '\\', n)) {
		char *s = malloc(n - 1);
		if (!s)
			oom();
		memcpy(s, raw + 1, n - 2);
		s[n - 2] = 0;
		return s;
	}
	json_t *j = json_loadb(raw, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	char *s = j && json_is_string(j) ? strdup(json_string_value(j)) : NULL;
	json_decref(j);
	return s;
}

static int key_is(const member *m, const char *name)
{
	size_t len = strlen(name);
	if (!memchr(m->k, '\\', m->kn))
		return m->kn == len + 2 && !memcmp(m->k + 1, name, len);
	char *k = string_of(m->k, m->kn);
	int yes = k && !strcmp(k, name);
	free(k);
	return yes;
}

/* Appends a value without the white space outside its strings. */
static void put_compact(cli_buf *b, const char *v, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (v[i] == '"') {
			size_t e = skip_string(v, i, n);
			cli_buf_put(b, v + i, e - i);
			i = e;
		} else if (v[i] == ' ' || v[i] == '\t' || v[i] == '\r' || v[i] == '\n') {
			i++;
		} else {
			cli_buf_put(b, v + i, 1);
			i++;
		}
	}
}

static void put_member(cli_buf *b, int *first, const char *prefix, const member *m)
{
	if (!*first)
		cli_buf_put(b, ",", 1);
	*first = 0;
	if (prefix) {
		cli_buf_put(b, "\"", 1);
		cli_buf_puts(b, prefix);
		cli_buf_put(b, m->k + 1, m->kn - 1);
	} else {
		cli_buf_put(b, m->k, m->kn);
	}
	cli_buf_put(b, ":", 1);
	put_compact(b, m->v, m->vn);
}

void cli_json_line(cli_buf *b, const char *rec, size_t rlen, const wn_result *r,
                   const char *error, size_t line)
{
	member *rm = NULL, *lm = NULL;
	size_t rcap = 0, lcap = 0, nr = 0, nl = 0, olen = 0;
	const char *out = r ? wn_result_output(r, &olen) : NULL;
	if (rec)
		nr = scan_members(rec, rlen, &rm, &rcap);
	if (out)
		nl = scan_members(out, olen, &lm, &lcap);
	int first = 1, has_url = 0;
	char *url = NULL;
	cli_buf_put(b, "{", 1);
	for (size_t i = 0; i < nr; i++) {
		const member *m = &rm[i];
		if (key_is(m, "html") || key_is(m, "content_type"))
			continue;
		int clash = 0;
		if (key_is(m, "url") && !has_url) {
			has_url = 1;
			url = string_of(m->v, m->vn);
		} else if (r) {
			for (size_t k = 0; k < nl && !clash; k++) {
				char name[64];
				if (lm[k].kn - 2 < sizeof name) {
					memcpy(name, lm[k].k + 1, lm[k].kn - 2);
					name[lm[k].kn - 2] = 0;
					clash = key_is(m, name);
				}
			}
		} else {
			clash = key_is(m, "error") || key_is(m, "line");
		}
		put_member(b, &first, clash ? "input_" : NULL, m);
	}
	for (size_t k = 0; k < nl; k++) {
		const member *m = &lm[k];
		if (has_url && key_is(m, "url")) {
			const char *canon = wn_result_metadata(r)->url;
			if (!canon || (url && !strcmp(canon, url)))
				continue;
			member cm = {"\"canonical_url\"", m->v, 15, m->vn};
			put_member(b, &first, NULL, &cm);
			continue;
		}
		put_member(b, &first, NULL, m);
	}
	if (!r) {
		char num[32];
		cli_buf_puts(b, first ? "\"error\":" : ",\"error\":");
		cli_buf_json(b, error ? error : "", error ? strlen(error) : 0);
		snprintf(num, sizeof num, ",\"line\":%zu", line);
		cli_buf_puts(b, num);
	}
	cli_buf_put(b, "}\n", 2);
	free(url);
	free(rm);
	free(lm);
}

/* ---- -O in the stream modes ---- */

FILE *cli_stream_output(const char *dir, const char *input, const char *const *exts)
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
	char *path = malloc(dn + n + 8);
	if (!path)
		oom();
	sprintf(path, "%s%s%.*s.jsonl", dir, dn && dir[dn - 1] == '/' ? "" : "/", (int)n,
	        base);
	struct stat in, out;
	FILE *f = NULL;
	if (mkdir(dir, 0777) && errno != EEXIST)
		fprintf(stderr, "winnow: %s: %s\n", dir, strerror(errno));
	else if (!stat(input, &in) && !stat(path, &out) && in.st_dev == out.st_dev &&
	         in.st_ino == out.st_ino)
		fprintf(stderr, "winnow: %s: the output would overwrite the input\n",
		        path);
	else if (!(f = fopen(path, "wb")))
		fprintf(stderr, "winnow: %s: %s\n", path, strerror(errno));
	free(path);
	return f;
}

/* ---- reading lines ---- */

typedef struct lines {
	int fd, err;
	char buf[1 << 16];
	size_t pos, len, lineno;
	int eof;
} lines;

typedef struct jsonl {
	const cli_config *c;
	cli_pool *pool;
	cli_stats stats;
	FILE *out;
	int write_error;
} jsonl;

/* Fills L->buf.  When no input is ready, the lines in flight are finished
 * and written first, so that a caller that writes a line and waits for
 * its answer gets it. */
static void fill(lines *L, jsonl *J)
{
	struct pollfd pfd = {L->fd, POLLIN, 0};
	if (poll(&pfd, 1, 0) == 0) {
		cli_pool_drain(J->pool);
		fflush(J->out);
	}
	ssize_t k;
	do
		k = read(L->fd, L->buf, sizeof L->buf);
	while (k < 0 && errno == EINTR);
	if (k <= 0) {
		L->eof = 1;
		L->err = k < 0 ? errno : 0;
		k = 0;
	}
	L->pos = 0;
	L->len = (size_t)k;
}

/* The next line, without its "\n" (or "\r\n"), in a new buffer *line;
 * *line is NULL when the line is longer than limit (it is read past).
 * Returns 0 at the end of the input. */
static int next_line(lines *L, jsonl *J, size_t limit, char **line, size_t *len)
{
	char *s = NULL;
	size_t n = 0, cap = 0;
	int any = 0, over = 0;
	for (;;) {
		if (L->pos == L->len) {
			if (L->eof)
				break;
			fill(L, J);
			if (L->eof)
				break;
		}
		any = 1;
		char *start = L->buf + L->pos;
		char *nl = memchr(start, '\n', L->len - L->pos);
		size_t k = nl ? (size_t)(nl - start) : L->len - L->pos;
		if (!over && n + k > limit) {
			over = 1;
			free(s);
			s = NULL;
		}
		if (!over) {
			if (n + k + 1 > cap) {
				cap = cap ? cap : 256;
				while (n + k + 1 > cap)
					cap *= 2;
				char *ns = realloc(s, cap);
				if (!ns)
					oom();
				s = ns;
			}
			memcpy(s + n, start, k);
		}
		n += k;
		L->pos += k + (nl != NULL);
		if (nl)
			break;
	}
	if (!any)
		return 0;
	L->lineno++;
	if (!over) {
		if (!s && !(s = malloc(1)))
			oom();
		if (n && s[n - 1] == '\r')
			n--;
		s[n] = 0;
	}
	*line = s;
	*len = n;
	return 1;
}

/* ---- one line ---- */

typedef struct jitem {
	char *line;
	size_t len, lineno;
	cli_buf out;
	int rc;
} jitem;

static void fail(jitem *it, const char *rec, size_t rlen, const char *why)
{
	cli_json_line(&it->out, rec, rlen, NULL, why, it->lineno);
	it->rc = EXIT_INPUT;
}

/* The line's object less "html" (and "content_type"), so that the line
 * can be freed before the page is extracted. */
static void strip_html(const char *line, size_t len, cli_buf *rec)
{
	member *m = NULL;
	size_t cap = 0, n = scan_members(line, len, &m, &cap);
	int first = 1;
	cli_buf_put(rec, "{", 1);
	for (size_t i = 0; i < n; i++)
		if (!key_is(&m[i], "html") && !key_is(&m[i], "content_type"))
			put_member(rec, &first, NULL, &m[i]);
	cli_buf_put(rec, "}", 1);
	free(m);
}

/* A JSON value as a string option: NULL when absent or null; -1 when it
 * is something else. */
static int string_opt(json_t *o, const char *key, const char **out)
{
	json_t *v = json_object_get(o, key);
	*out = json_is_string(v) ? json_string_value(v) : NULL;
	return v && !json_is_null(v) && !json_is_string(v) ? -1 : 0;
}

static void work(void *ctx, void *arg)
{
	const jsonl *J = ctx;
	jitem *it = arg;
	char why[256];
	if (!it->line) {
		snprintf(why, sizeof why, "line longer than --max-bytes (%zu bytes)",
		         J->c->opt.max_bytes);
		fail(it, NULL, 0, why);
		return;
	}
	json_error_t e;
	json_t *o = json_loadb(it->line, it->len, JSON_ALLOW_NUL, &e);
	wn_options opt = J->c->opt;
	json_t *html = o ? json_object_get(o, "html") : NULL;
	const char *line = it->line;
	size_t len = it->len;
	if (!o) {
		snprintf(why, sizeof why, "not JSON: %s (column %d)", e.text, e.column);
		fail(it, NULL, 0, why);
	} else if (!json_is_object(o)) {
		fail(it, NULL, 0, "not a JSON object");
	} else if (!html) {
		fail(it, line, len, "no \"html\" key");
	} else if (!json_is_string(html)) {
		fail(it, line, len, "\"html\" is not a string");
	} else if (string_opt(o, "url", &opt.url)) {
		fail(it, line, len, "\"url\" is not a string");
	} else if (string_opt(o, "content_type", &opt.content_type)) {
		fail(it, line, len, "\"content_type\" is not a string");
	} else {
		cli_buf rec = {0};
		strip_html(line, len, &rec);
		free(it->line);
		it->line = NULL;
		wn_result *r = NULL;
		wn_status st = wn_extract(json_string_value(html),
		                          json_string_length(html), &opt, &r);
		if (st == WN_OK || st == WN_NO_CONTENT) {
			cli_json_line(&it->out, rec.data, rec.len, r, NULL, it->lineno);
			it->rc = st == WN_OK ? EXIT_CONTENT : EXIT_NOCONTENT;
		} else if (st == WN_EINPUT) {
			snprintf(why, sizeof why,
			         "\"html\" larger than --max-bytes (%zu bytes)",
			         opt.max_bytes);
			fail(it, rec.data, rec.len, why);
		} else {
			fail(it, rec.data, rec.len, wn_status_string(st));
		}
		wn_result_free(r);
		free(rec.data);
	}
	json_decref(o);
	free(it->line);
	it->line = NULL;
}

static void emit(void *ctx, void *arg)
{
	jsonl *J = ctx;
	jitem *it = arg;
	if (fwrite(it->out.data, 1, it->out.len, J->out) != it->out.len)
		J->write_error = 1;
	J->stats.n++;
	J->stats.bytes += (double)it->len;
	if (it->rc == EXIT_CONTENT)
		J->stats.ok++;
	else if (it->rc == EXIT_NOCONTENT)
		J->stats.nocontent++;
	else
		J->stats.failed++;
	free(it->line);
	free(it->out.data);
	free(it);
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(" \t\r\f\v", s[i]))
			return 0;
	return 1;
}

int cli_jsonl_main(const cli_config *c, int nargs, char **args)
{
	static const char *const exts[] = {".jsonl", ".ndjson", ".json", NULL};
	static char *const std_in[] = {"-", NULL};
	jsonl J = {.c = c, .out = stdout};
	int rc = EXIT_CONTENT;
	if (nargs == 0) {
		args = (char **)std_in;
		nargs = 1;
	}
	lines *L = malloc(sizeof *L);
	if (!L)
		oom();
	cli_stats_start(&J.stats);
	J.pool = cli_pool_new(cli_jobs(c), work, emit, &J);
	for (int i = 0; i < nargs; i++) {
		int std = !strcmp(args[i], "-");
		const char *name = std ? "(standard input)" : args[i];
		memset(L, 0, sizeof *L);
		L->fd = std ? 0 : open(args[i], O_RDONLY);
		if (L->fd < 0) {
			fprintf(stderr, "winnow: %s: %s\n", name, strerror(errno));
			rc = EXIT_INPUT;
			continue;
		}
		if (c->output_dir &&
		    !(J.out = cli_stream_output(c->output_dir, args[i], exts))) {
			close(L->fd);
			rc = EXIT_INPUT;
			continue;
		}
		char *line;
		size_t len;
		while (next_line(L, &J, c->opt.max_bytes, &line, &len)) {
			if (line && blank(line, len)) {
				free(line);
				continue;
			}
			jitem *it = calloc(1, sizeof *it);
			if (!it)
				oom();
			it->line = line;
			it->len = len;
			it->lineno = L->lineno;
			cli_pool_submit(J.pool, it);
		}
		if (L->err) {
			fprintf(stderr, "winnow: %s: %s\n", name, strerror(L->err));
			rc = EXIT_INPUT;
		}
		if (!std)
			close(L->fd);
		if (c->output_dir) {
			cli_pool_drain(J.pool);
			if (fclose(J.out) || J.write_error) {
				fprintf(stderr, "winnow: %s: write error\n", name);
				rc = EXIT_INPUT;
			}
			J.out = stdout;
			J.write_error = 0;
		}
	}
	cli_pool_free(J.pool);
	free(L);
	if (c->verbose)
		cli_stats_print(&J.stats, "lines");
	if (fflush(stdout) != 0 || J.write_error) {
		fprintf(stderr, "winnow: write error: %s\n", strerror(errno));
		return EXIT_INPUT;
	}
	return rc;
}
