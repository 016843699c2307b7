/*
 * jsonline.c -- JSON objects as written, and the output line of the
 * stream modes (jsonline.h).  Record keys are copied as they were written
 * (numbers keep their digits), so the members are found by scanning, after
 * jansson has said the text is valid JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jsonline.h"

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
size_t cli_members(const char *s, size_t n, cli_member **v, size_t *cap)
{
	size_t i = skip_ws(s, 0, n), count = 0;
	if (i == n || s[i] != '{')
		return 0;
	for (i = skip_ws(s, i + 1, n); i < n && s[i] == '"';) {
		cli_member m;
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
			*v = cli_xrealloc(*v, *cap * sizeof **v);
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
char *cli_json_string_of(const char *raw, size_t n)
{
	if (n < 2 || raw[0] != '"')
		return NULL;
	if (!memchr(raw, '\\', n)) {
		return cli_xstrndup(raw + 1, n - 2);
	}
	json_t *j = json_loadb(raw, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	char *s = j && json_is_string(j) ? cli_xstrdup(json_string_value(j)) : NULL;
	json_decref(j);
	return s;
}

int cli_member_is(const cli_member *m, const char *name)
{
	size_t len = strlen(name);
	if (!memchr(m->k, '\\', m->kn))
		return m->kn == len + 2 && !memcmp(m->k + 1, name, len);
	char *k = cli_json_string_of(m->k, m->kn);
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

void cli_member_put(cli_buf *b, int *first, const char *prefix, const cli_member *m)
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

void cli_json_line(cli_buf *b, const char *rec, size_t rlen, const wn_result *r, const char *error,
                   size_t line)
{
	cli_member *rm = NULL, *lm = NULL;
	size_t rcap = 0, lcap = 0, nr = 0, nl = 0, olen = 0;
	const char *out = r ? wn_result_output(r, &olen) : NULL;
	if (rec)
		nr = cli_members(rec, rlen, &rm, &rcap);
	if (out)
		nl = cli_members(out, olen, &lm, &lcap);
	int first = 1, has_url = 0;
	char *url = NULL;
	cli_buf_put(b, "{", 1);
	for (size_t i = 0; i < nr; i++) {
		const cli_member *m = &rm[i];
		if (cli_member_is(m, "html") || cli_member_is(m, "content_type"))
			continue;
		int clash = 0;
		if (cli_member_is(m, "url") && !has_url) {
			has_url = 1;
			url = cli_json_string_of(m->v, m->vn);
		} else if (r) {
			/* "error" and "line" are what a line that cannot be used
			 * gets: a good line must not seem to have them. */
			clash = cli_member_is(m, "error") || cli_member_is(m, "line");
			for (size_t k = 0; k < nl && !clash; k++) {
				char name[64];
				if (lm[k].kn - 2 < sizeof name) {
					memcpy(name, lm[k].k + 1, lm[k].kn - 2);
					name[lm[k].kn - 2] = 0;
					clash = cli_member_is(m, name);
				}
			}
		} else {
			clash = cli_member_is(m, "error") || cli_member_is(m, "line");
		}
		cli_member_put(b, &first, clash ? "input_" : NULL, m);
	}
	for (size_t k = 0; k < nl; k++) {
		const cli_member *m = &lm[k];
		if (has_url && cli_member_is(m, "url")) {
			const char *canon = wn_result_metadata(r)->url;
			if (!canon || (url && !strcmp(canon, url)))
				continue;
			cli_member cm = {"\"canonical_url\"", m->v, 15, m->vn};
			cli_member_put(b, &first, NULL, &cm);
			continue;
		}
		cli_member_put(b, &first, NULL, m);
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
