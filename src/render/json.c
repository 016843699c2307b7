/*
 * render_json.c -- the metadata as output: one JSON object per page (keys
 * in a fixed order, one line, for JSON Lines readers) written with
 * jansson, and the header that --metadata puts before a text or Markdown
 * body (YAML front matter, or "Title: ..." lines).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "base/utf8.h"
#include "render/render.h"

/* A JSON string of s[0..n): jansson takes valid UTF-8 only, so anything
 * else (which the stages should never hand over) becomes U+FFFD. */
static json_t *jstring(const char *s, size_t n)
{
	json_t *j = json_stringn(s, n);
	if (j)
		return j;
	wn__buf b = {0};
	for (size_t i = 0; i < n;) {
		int32_t cp;
		int k = wn__utf8_next(s + i, n - i, &cp);
		if (cp == 0xFFFD)
			wn__buf_puts(&b, "\xef\xbf\xbd");
		else
			wn__buf_put(&b, s + i, (size_t)k);
		i += (size_t)k;
	}
	j = json_stringn(b.data ? b.data : "", b.len);
	wn__buf_free(&b);
	if (!j)
		wn__oom(); /* valid UTF-8 now: only malloc can fail */
	return j;
}

static json_t *jopt(const char *s)
{
	return s ? jstring(s, strlen(s)) : json_null();
}

static json_t *jlist(const char *const *v, size_t n)
{
	json_t *a = json_array();
	for (size_t k = 0; k < n; k++)
		json_array_append_new(a, jopt(v[k]));
	return a;
}

const char *wn__render_source(const wn__doc *d)
{
	static const char *const SOURCES[] = {
		[WN__SRC_DOM] = "dom",
		[WN__SRC_NOSCRIPT] = "noscript",
		[WN__SRC_HIDDEN] = "hidden",
		[WN__SRC_JSONLD] = "json-ld",
		[WN__SRC_META] = "meta-description",
	};
	return SOURCES[d->source];
}

void wn__render_json(const wn__doc *d, const char *body, size_t body_len, const char *html,
                     size_t html_len, wn__buf *out)
{
	const wn_metadata *m = &d->meta;
	json_t *o = json_object();
	json_object_set_new(o, "title", jopt(m->title));
	json_object_set_new(o, "author", jopt(m->author));
	json_object_set_new(o, "date", jopt(m->date));
	json_object_set_new(o, "modified", jopt(m->modified));
	json_object_set_new(o, "sitename", jopt(m->sitename));
	json_object_set_new(o, "description", jopt(m->description));
	json_object_set_new(o, "language", jopt(m->language));
	json_object_set_new(o, "url", jopt(m->url));
	json_object_set_new(o, "image", jopt(m->image));
	json_object_set_new(o, "tags", jlist(m->tags, m->n_tags));
	json_object_set_new(o, "categories", jlist(m->categories, m->n_categories));
	json_object_set_new(o, "kind", json_string(wn_kind_name((wn_kind)d->kind)));
	json_object_set_new(o, "kind_confidence",
	                    json_real((double)(int)(d->kind_confidence * 100 + 0.5) / 100));
	json_object_set_new(o, "source", json_string(wn__render_source(d)));
	json_object_set_new(o, d->opt->json_markdown ? "markdown" : "text", jstring(body, body_len));
	if (html) /* only when asked, so that other objects stay as they were */
		json_object_set_new(o, "html", jstring(html, html_len));
	if (d->opt->comments) { /* only when asked, as "html" */
		json_t *a = json_array();
		for (size_t k = 0; k < d->n_comments; k++) {
			const wn_comment *c = &d->comments[k];
			json_t *e = json_object();
			json_object_set_new(e, "author", jopt(c->author));
			json_object_set_new(e, "date", jopt(c->date));
			json_object_set_new(e, "text", jopt(c->text));
			json_array_append_new(a, e);
		}
		json_object_set_new(o, "comments", a);
	}
	if (d->truncated) /* only when cut, so that other objects stay as they were */
		json_object_set_new(o, "truncated", json_true());
	/* Compact: one object per line, as JSON Lines readers want. */
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3));
	json_decref(o);
	if (!s)
		wn__oom(); /* jansson fails only when malloc does */
	wn__buf_puts(out, s);
	wn__buf_putc(out, '\n');
	free(s);
}

/* ---- the --metadata header ---- */

/* A YAML double-quoted scalar: backslash and quote escaped, control
 * characters and the characters YAML 1.1 reads as line breaks (U+0085,
 * U+2028, U+2029) as escapes, so that a value stays on its line. */
static void yaml_quoted(wn__buf *out, const char *s)
{
	size_t n = strlen(s);
	wn__buf_putc(out, '"');
	for (size_t i = 0; i < n;) {
		int32_t cp;
		int k = wn__utf8_next(s + i, n - i, &cp);
		switch (cp) {
		case '"': wn__buf_puts(out, "\\\""); break;
		case '\\': wn__buf_puts(out, "\\\\"); break;
		case '\n': wn__buf_puts(out, "\\n"); break;
		case '\t': wn__buf_puts(out, "\\t"); break;
		case '\r': wn__buf_puts(out, "\\r"); break;
		case 0x85: wn__buf_puts(out, "\\N"); break;
		case 0x2028: wn__buf_puts(out, "\\L"); break;
		case 0x2029: wn__buf_puts(out, "\\P"); break;
		default:
			if (cp < 0x20 || cp == 0x7F)
				wn__buf_printf(out, "\\x%02x", (unsigned)cp);
			else if (cp == 0xFEFF)
				wn__buf_puts(out, "\\uFEFF");
			else
				wn__buf_put(out, s + i, (size_t)k);
		}
		i += (size_t)k;
	}
	wn__buf_putc(out, '"');
}

/* A value on one line for the plain text header. */
static void text_value(wn__buf *out, const char *s)
{
	for (; *s; s++)
		wn__buf_putc(out, *s == '\n' || *s == '\r' || *s == '\t' ? ' ' : *s);
}

typedef struct field {
	const char *yaml, *text; /* key in YAML, label in text */
	const char *value;
} field;

void wn__render_meta_header(const wn__doc *d, wn__buf *out)
{
	const wn_metadata *m = &d->meta;
	const field F[] = {
		{"title", "Title", m->title},
		{"author", "Author", m->author},
		{"date", "Date", m->date},
		{"modified", "Modified", m->modified},
		{"sitename", "Site", m->sitename},
		{"description", "Description", m->description},
		{"language", "Language", m->language},
		{"url", "URL", m->url},
		{"image", "Image", m->image},
	};
	const struct {
		const char *yaml, *text;
		const char *const *v;
		size_t n;
	} L[] = {
		{"tags", "Tags", m->tags, m->n_tags},
		{"categories", "Categories", m->categories, m->n_categories},
	};
	int yaml = d->opt->format == WN_FORMAT_MARKDOWN;
	size_t start = out->len;

	if (yaml)
		wn__buf_puts(out, "---\n");
	for (size_t k = 0; k < sizeof F / sizeof *F; k++) {
		if (!F[k].value)
			continue;
		if (yaml) {
			wn__buf_printf(out, "%s: ", F[k].yaml);
			yaml_quoted(out, F[k].value);
		} else {
			wn__buf_printf(out, "%s: ", F[k].text);
			text_value(out, F[k].value);
		}
		wn__buf_putc(out, '\n');
	}
	wn__buf_printf(out, "%s: %s\n", yaml ? "kind" : "Kind", wn_kind_name((wn_kind)d->kind));
	for (size_t k = 0; k < sizeof L / sizeof *L; k++) {
		if (!L[k].n)
			continue;
		wn__buf_printf(out, "%s:", yaml ? L[k].yaml : L[k].text);
		for (size_t i = 0; i < L[k].n; i++) {
			if (yaml) {
				wn__buf_puts(out, "\n  - ");
				yaml_quoted(out, L[k].v[i]);
			} else {
				wn__buf_puts(out, i ? ", " : " ");
				text_value(out, L[k].v[i]);
			}
		}
		wn__buf_putc(out, '\n');
	}
	if (yaml) {
		wn__buf_puts(out, "---\n\n");
	} else if (out->len > start) {
		wn__buf_putc(out, '\n');
	}
}
