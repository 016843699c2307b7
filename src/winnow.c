/*
 * winnow.c -- the pipeline: runs the stages in order over one document and
 * hands out the result.  The only file that knows the order of the stages.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct wn_result {
	wn_buf output;
	int has_article;
	char **msgs;
	size_t n_msgs;
};

void wn_default_options(wn_options *opt)
{
	memset(opt, 0, sizeof *opt);
	opt->format = WN_FORMAT_TEXT;
	opt->max_bytes = WN_DEFAULT_MAX_BYTES;
}

void wn__note(wn_doc *d, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (d->n_msgs == d->cap_msgs) {
		size_t cap = d->cap_msgs ? d->cap_msgs * 2 : 8;
		const char **m = wn__arena_alloc(&d->arena, cap * sizeof *m);
		if (d->n_msgs)
			memcpy(m, d->msgs, d->n_msgs * sizeof *m);
		d->msgs = m;
		d->cap_msgs = cap;
	}
	d->msgs[d->n_msgs++] = wn__arena_strndup(&d->arena, tmp, strlen(tmp));
}

static wn_result *result_from(const wn_doc *d, wn_buf *out)
{
	wn_result *r = wn__xmalloc(sizeof *r);
	r->output = *out;
	r->has_article = d->has_article;
	r->n_msgs = d->n_msgs;
	r->msgs = wn__xmalloc((d->n_msgs ? d->n_msgs : 1) * sizeof *r->msgs);
	for (size_t i = 0; i < d->n_msgs; i++) {
		size_t n = strlen(d->msgs[i]);
		r->msgs[i] = wn__xmalloc(n + 1);
		memcpy(r->msgs[i], d->msgs[i], n + 1);
	}
	if (!r->output.data)
		wn__buf_grow(&r->output, 0);
	return r;
}

wn_status wn_extract(const char *html, size_t len, const wn_options *opt,
                     wn_result **out)
{
	wn_options defaults;
	wn_status st = WN_OK;
	wn_buf buf = {0};
	wn_doc d;

	if (!out)
		return WN_EINVAL;
	*out = NULL;
	if (!html && len)
		return WN_EINVAL;
	if (!opt) {
		wn_default_options(&defaults);
		opt = &defaults;
	}
	if (opt->format != WN_FORMAT_TEXT && opt->format != WN_FORMAT_MARKDOWN)
		return WN_EINVAL;
	if (len > opt->max_bytes)
		return WN_EINPUT;

	memset(&d, 0, sizeof d);
	wn__arena_init(&d.arena);
	d.opt = opt;
	d.article = -1;

	st = wn__input_decode(&d, html ? html : "", len);
	if (st != WN_OK)
		goto done;
	st = wn__dom_build(&d);
	if (st != WN_OK)
		goto done;
	wn__clean(&d);
	wn__blocks(&d);
	wn__score(&d);
	wn__select(&d);
	if (opt->format == WN_FORMAT_MARKDOWN)
		wn__render_markdown(&d, &buf);
	else
		wn__render_text(&d, &buf);
	if (buf.len == 0) {
		d.has_article = 0;
		st = WN_NO_CONTENT;
	}
	*out = result_from(&d, &buf);
	buf = (wn_buf){0};
done:
	wn__buf_free(&buf);
	wn__dom_free(&d);
	wn__arena_free(&d.arena);
	return st;
}

const char *wn_result_output(const wn_result *r, size_t *len)
{
	if (len)
		*len = r ? r->output.len : 0;
	return r ? r->output.data : "";
}

int wn_result_has_article(const wn_result *r) { return r && r->has_article; }

size_t wn_result_message_count(const wn_result *r) { return r ? r->n_msgs : 0; }

const char *wn_result_message(const wn_result *r, size_t i)
{
	return r && i < r->n_msgs ? r->msgs[i] : NULL;
}

void wn_result_free(wn_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_msgs; i++)
		free(r->msgs[i]);
	free(r->msgs);
	wn__buf_free(&r->output);
	free(r);
}

const char *wn_status_string(wn_status s)
{
	switch (s) {
	case WN_OK: return "ok";
	case WN_NO_CONTENT: return "no content found";
	case WN_EINVAL: return "invalid argument";
	case WN_EINPUT: return "input cannot be used";
	}
	return "unknown status";
}

const char *wn_version(void) { return WN_VERSION; }
