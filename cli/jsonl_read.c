/*
 * jsonl_read.c -- the JSON Lines reader (jsonl_read.h): jsonlines.org, one
 * UTF-8 JSON value per line (RFC 8259), parsed with jansson.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jsonl_read.h"
#include "jsonline.h"

void jl_init(jl_reader *L, cli_read_fn read, void *ctx, size_t limit)
{
	L->read = read;
	L->ctx = ctx;
	L->limit = limit;
	L->lineno = 0;
	L->err = L->eof = 0;
	L->pos = L->len = 0;
}

static void fill(jl_reader *L)
{
	ssize_t k = L->read(L->ctx, L->buf, sizeof L->buf);
	if (k <= 0) {
		L->eof = 1;
		L->err = k < 0 ? (errno ? errno : EIO) : 0;
		k = 0;
	}
	L->pos = 0;
	L->len = (size_t)k;
}

int jl_next(jl_reader *L, char **line, size_t *len)
{
	char *s = NULL;
	size_t n = 0, cap = 0;
	int any = 0, over = 0;
	for (;;) {
		if (L->pos == L->len) {
			if (L->eof)
				break;
			fill(L);
			if (L->eof)
				break;
		}
		any = 1;
		char *start = L->buf + L->pos;
		char *nl = memchr(start, '\n', L->len - L->pos);
		size_t k = nl ? (size_t)(nl - start) : L->len - L->pos;
		if (!over && n + k > L->limit) {
			over = 1;
			free(s);
			s = NULL;
		}
		if (!over) {
			if (n + k + 1 > cap) {
				cap = cap ? cap : 256;
				while (n + k + 1 > cap)
					cap *= 2;
				s = cli_xrealloc(s, cap);
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
		if (!s)
			s = cli_xmalloc(1);
		if (n && s[n - 1] == '\r')
			n--;
		s[n] = 0;
	}
	*line = s;
	*len = n;
	return 1;
}

int jl_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(" \t\r\f\v", s[i]))
			return 0;
	return 1;
}

/* The line's object less "html" (and "content_type"). */
static void strip_html(const char *line, size_t len, cli_buf *rec)
{
	cli_member *m = NULL;
	size_t cap = 0, n = cli_members(line, len, &m, &cap);
	int first = 1;
	cli_buf_put(rec, "{", 1);
	for (size_t i = 0; i < n; i++)
		if (!cli_member_is(&m[i], "html") && !cli_member_is(&m[i], "content_type"))
			cli_member_put(rec, &first, NULL, &m[i]);
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

int jl_parse(const char *line, size_t len, jl_request *q)
{
	memset(q, 0, sizeof *q);
	json_error_t e;
	json_t *o = json_loadb(line, len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &e);
	json_t *html = o ? json_object_get(o, "html") : NULL;
	q->json = o;
	if (!o) {
		snprintf(q->why, sizeof q->why, "not JSON: %s (column %d)", e.text, e.column);
		q->error = q->why;
		return -1;
	}
	if (!json_is_object(o)) {
		q->error = "not a JSON object";
		return -1;
	}
	strip_html(line, len, &q->rec);
	if (!html)
		q->error = "no \"html\" key";
	else if (!json_is_string(html))
		q->error = "\"html\" is not a string";
	else if (string_opt(o, "url", &q->url))
		q->error = "\"url\" is not a string";
	else if (string_opt(o, "content_type", &q->content_type))
		q->error = "\"content_type\" is not a string";
	if (q->error)
		return -1;
	q->html = json_string_value(html);
	q->html_len = json_string_length(html);
	return 0;
}

void jl_request_free(jl_request *q)
{
	json_decref(q->json);
	free(q->rec.data);
	memset(q, 0, sizeof *q);
}
