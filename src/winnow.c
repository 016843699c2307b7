/*
 * winnow.c -- the driver: normalises the options, runs the stages in order
 * over one document and hands out the result.  The only file that knows
 * the order of the stages:
 *
 *   sniff -> decode -> guard -> dom -> clean -> metadata -> blocks -> score
 *   -> judge -> (score again as a listing) -> select -> render
 *
 * metadata runs before selection because it marks byline and date lines
 * in the content and reads the <title> that selection compares headings
 * with.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/unicode.h"
#include "diag/diag.h"
#include "input/input.h"
#include "metadata/metadata.h"
#include "render/render.h"
#include "stages.h"
#include "tuning.h"

struct wn_result {
	wn__arena keep; /* the document's keep arena: metadata and notes */
	wn__buf output;
	int has_article;
	int truncated;
	const char *source; /* static */
	wn_kind kind;
	double kind_confidence;
	wn_metadata meta;
	const wn_comment *comments;
	size_t n_comments;
	const char **msgs;
	size_t n_msgs;
};

/* The first published layout of wn_options (0.2): no caller can know less
 * than this. */
#define OPTIONS_V1_SIZE (offsetof(wn_options, max_output) + sizeof(size_t))

void wn_options_init(wn_options *opt, size_t size)
{
	if (!opt || size < sizeof opt->size)
		return;
	wn_options d;
	memset(&d, 0, sizeof d);
	d.format = WN_FORMAT_TEXT;
	d.max_bytes = WN_DEFAULT_MAX_BYTES;
	d.max_depth = WN_DEFAULT_MAX_DEPTH;
	d.max_blocks = WN_DEFAULT_MAX_BLOCKS;
	d.max_output = WN_DEFAULT_MAX_OUTPUT;
	/* A caller compiled against a newer header gets zeros (the
	 * defaults) in the fields this library does not know. */
	memset(opt, 0, size);
	memcpy(opt, &d, size < sizeof d ? size : sizeof d);
	opt->size = size;
}

/* The caller's options as this library's layout, each field in its
 * documented range: the one place where defaults and clamps are applied
 * (winnow.h, wn_options). */
static wn_status normalise(const wn_options *in, wn_options *o)
{
	wn_options_init(o, sizeof *o);
	if (!in)
		return WN_OK;
	if (in->size < OPTIONS_V1_SIZE)
		return WN_EINVAL;
	for (size_t k = sizeof *o; k < in->size; k++)
		if (((const unsigned char *)in)[k])
			return WN_EINVAL; /* a newer field set: cannot honour it */
	memcpy(o, in, in->size < sizeof *o ? in->size : sizeof *o);
	o->size = sizeof *o;
	if ((unsigned)o->format >= WN_FORMAT_COUNT || (unsigned)o->kind >= WN_KIND_COUNT)
		return WN_EINVAL;
	o->links = !!o->links;
	o->images = !!o->images;
	o->captions = !!o->captions;
	o->metadata = !!o->metadata;
	o->json_markdown = !!o->json_markdown;
	o->json_html = !!o->json_html;
	o->comments = !!o->comments;
	if ((unsigned)o->favor >= WN_FAVOR_COUNT)
		return WN_EINVAL;
	if (!o->max_bytes)
		o->max_bytes = WN_DEFAULT_MAX_BYTES;
	if (!o->max_depth)
		o->max_depth = WN_DEFAULT_MAX_DEPTH;
	if (o->max_depth > WN_MAX_DEPTH)
		o->max_depth = WN_MAX_DEPTH;
	if (!o->max_blocks)
		o->max_blocks = WN_DEFAULT_MAX_BLOCKS;
	if (!o->max_output)
		o->max_output = WN_DEFAULT_MAX_OUTPUT;
	return WN_OK;
}

/* The result takes the keep arena and the output buffer from the doc. */
static wn_result *result_from(wn__doc *d, wn__buf *out)
{
	wn_result *r = wn__xmalloc(sizeof *r);
	r->keep = d->keep;
	wn__arena_init(&d->keep);
	r->output = *out;
	*out = (wn__buf){0};
	if (!r->output.data)
		wn__buf_grow(&r->output, 0);
	r->has_article = d->has_article;
	r->source = wn__render_source(d);
	r->kind = (wn_kind)d->kind;
	r->kind_confidence = d->kind_confidence;
	r->truncated = d->truncated;
	r->meta = d->meta;
	r->comments = d->n_comments ? d->comments : NULL;
	r->n_comments = d->n_comments;
	r->msgs = d->notes.msg;
	r->n_msgs = d->notes.n;
	return r;
}

/* Cuts the output at max bytes, at a character boundary (and HTML outside
 * its tags), with a note. */
static void limit_output(wn__doc *d, wn__buf *b, int html)
{
	size_t max = d->opt->max_output;
	if (b->len <= max)
		return;
	size_t n = max - 1; /* room for the closing newline; max >= 1 */
	if (html)
		n = wn__render_html_cut(b->data, b->len, n);
	while (n > 0 && ((unsigned char)b->data[n] & 0xC0) == 0x80)
		n--;
	while (n > 0 && (b->data[n - 1] == '\n' || b->data[n - 1] == ' '))
		n--;
	if (n > 0)
		b->data[n++] = '\n'; /* winnow.h: output ends with one newline */
	b->len = n;
	b->data[n] = 0;
	d->truncated = 1;
	wn__note(&d->notes, "limit: output cut at %zu bytes (max_output)", max);
}

/* The kept content as text, Markdown or HTML (a format), cleaned and
 * within max_output. */
static void render_body(wn__doc *d, wn_format f, wn__buf *body)
{
	if (d->source == WN__SRC_JSONLD || d->source == WN__SRC_META)
		wn__render_plain(d->source == WN__SRC_JSONLD ? d->data_text : d->data_about, f, body);
	else if (f == WN_FORMAT_MARKDOWN)
		wn__render_markdown(d, body);
	else if (f == WN_FORMAT_HTML)
		wn__render_html(d, body);
	else
		wn__render_text(d, body);
	/* the comment section after the body, cut with it at max_output;
	 * JSON gives it apart (its body is text or Markdown here) */
	if (d->opt->comments && d->opt->format != WN_FORMAT_JSON && body->len)
		wn__render_comments(d, f, body);
	/* text encoded twice often comes as references ("&acirc;&euro;&trade;"),
	 * which the input stage does not see */
	if (body->len && wn__text_twice_sure(body->data, body->len))
		wn__text_mend_twice(body->data, &body->len);
	wn__text_clean(body, 0);
	limit_output(d, body, f == WN_FORMAT_HTML);
	if (!body->len)
		d->has_kept = 0; /* all it kept were characters no reader sees */
}

static void render(wn__doc *d, wn__buf *out)
{
	const wn_options *o = d->opt;
	wn__buf body = {0}, html = {0};
	switch (o->format) {
	case WN_FORMAT_EXPLAIN:
	case WN_FORMAT_EXPLAIN_TSV:
		wn__render_explain(d, o->format == WN_FORMAT_EXPLAIN_TSV, out);
		return;
	case WN_FORMAT_ANNOTATE: wn__render_annotate(d, out); return;
	case WN_FORMAT_JSON:
		render_body(d, o->json_markdown ? WN_FORMAT_MARKDOWN : WN_FORMAT_TEXT, &body);
		if (o->json_html && d->has_kept)
			render_body(d, WN_FORMAT_HTML, &html);
		wn__render_json(d, body.data ? body.data : "", body.len,
		                o->json_html ? (html.data ? html.data : "") : NULL, html.len, out);
		break;
	case WN_FORMAT_HTML:
		render_body(d, WN_FORMAT_HTML, &body);
		if (o->metadata && body.len)
			wn__render_html_document(d, body.data, body.len, out);
		else if (body.len)
			wn__buf_put(out, body.data, body.len);
		break;
	case WN_FORMAT_MARKDOWN:
	case WN_FORMAT_TEXT:
		render_body(d, o->format, &body);
		if (o->metadata && body.len)
			wn__render_meta_header(d, out);
		if (body.len)
			wn__buf_put(out, body.data, body.len);
		break;
	case WN_FORMAT_COUNT: /* normalise() refused it */ break;
	}
	wn__buf_free(&body);
	wn__buf_free(&html);
}

/* The stages, from the caller's bytes to the kept content. */
static void extract(wn__doc *d, const char *html, size_t len)
{
	wn__input_decode(d, html, len);
	wn__guard(d);
	wn__dom_build(d);
	wn__clean(d);
	wn__metadata(d);
	wn__blocks(d);
	wn__score(d);
	wn__select_judge(d);
	wn__kind(d);
	if (!d->has_article)
		wn__score_listing(d); /* a listing: its teasers are the content */
	wn__select(d);
}

/* Effective characters of the kept blocks. */
static size_t kept_total(const wn__doc *d)
{
	size_t n = 0;
	for (int32_t k = 0; k < d->n_blocks; k++)
		if (d->blocks[k].keep)
			n += (size_t)d->blocks[k].eff;
	return n;
}

/* The page read again from the sources in `from` (WN__RECOVER_*): it
 * replaces *d when it keeps more than *kept, which it updates. */
static void reread(wn__doc *d, const char *html, size_t len, unsigned from, size_t *kept)
{
	wn__doc r;
	wn__doc_init(&r, d->opt);
	r.recover = from;
	r.keep_markup = 1; /* the noscripts are read, and counted whole */
	extract(&r, html, len);
	size_t got = kept_total(&r);
	if (got <= *kept) {
		wn__dom_free(&r);
		wn__doc_free(&r);
		return;
	}
	/* which one it was: noscript when the page had text there and
	 * reading it alone gives as much */
	r.source = (from & WN__RECOVER_NOSCRIPT) && r.noscript_text > *kept
	                   ? WN__SRC_NOSCRIPT
	                   : WN__SRC_HIDDEN;
	wn__dom_free(d);
	wn__doc_free(d);
	*d = r;
	d->notes.arena = &d->keep;
	*kept = got;
}

/* Recovery before giving up (NOTES-page-kinds.md): a page that yielded
 * almost nothing is read again as a browser without scripts shows it
 * (<noscript> as markup) or as its script would (large hidden wrappers
 * shown, then every part of a page streamed in parts); failing that, its
 * own data gives the text: JSON-LD's articleBody, then its description or
 * the meta description.  The pass that keeps more wins; *d is the
 * document to render on return. */
static void recover(wn__doc *d, const char *html, size_t len)
{
	size_t kept = kept_total(d);
	/* a wrapper at the body's top that holds far more text than was
	 * kept is the page its script shows (React's streamed <div hidden>):
	 * read it even when the chrome around it gave something */
	if (kept >= WN__RECOVER_MIN_CHARS && (d->hidden_wrap < WN__RECOVER_WRAP_BYTES ||
	                                      d->hidden_wrap < WN__RECOVER_WRAP_OVER * kept))
		return;
	unsigned from = (d->noscript_text > kept ? WN__RECOVER_NOSCRIPT : 0) |
	                (d->hidden_text >= WN__RECOVER_HIDDEN_BYTES ? WN__RECOVER_HIDDEN : 0);
	if (from)
		reread(d, html, len, from, &kept);
	/* the small parts only when the large ones left the page empty:
	 * beside a large wrapper, they are its dialogs and panels */
	if (kept < WN__RECOVER_MIN_CHARS && d->hidden_parts >= WN__RECOVER_PARTS_BYTES)
		reread(d, html, len, from | WN__RECOVER_HIDDEN | WN__RECOVER_PARTS, &kept);
	if (kept >= WN__RECOVER_MIN_CHARS)
		return;
	const char *data = d->data_text && strlen(d->data_text) > kept ? d->data_text : NULL;
	if (data || (!kept && d->data_about)) {
		d->source = data ? WN__SRC_JSONLD : WN__SRC_META;
		d->has_kept = 1;
		d->has_article = 0;
	}
}

wn_status wn_extract(const char *html, size_t len, const wn_options *opt, wn_result **out)
{
	wn_options o;
	wn_status st;
	wn__buf buf = {0};
	wn__doc d;

	if (!out)
		return WN_EINVAL;
	*out = NULL;
	if (!html && len)
		return WN_EINVAL;
	st = normalise(opt, &o);
	if (st != WN_OK)
		return st;
	if (len > o.max_bytes)
		return WN_EINPUT;
	if (html && wn__input_is_binary(html, len))
		return WN_ENOTHTML;
	if (!html)
		html = "";

	wn__doc_init(&d, &o);
	extract(&d, html, len);
	if (d.skipped && kept_total(&d) < WN__RECOVER_MIN_CHARS) {
		/* What recovery decides by, the text inside noscripts and
		 * hidden subtrees, counts scripts and noscripts the guard
		 * skipped: the page is read again whole, which gives the same
		 * content with the counts. */
		wn__doc w;
		wn__doc_init(&w, &o);
		w.keep_markup = 1;
		extract(&w, html, len);
		wn__dom_free(&d);
		wn__doc_free(&d);
		d = w;
		d.notes.arena = &d.keep;
	}
	recover(&d, html, len);
	if (d.source != WN__SRC_DOM)
		wn__note(&d.notes,
		         "recovery: the page's markup held almost nothing: "
		         "content read from %s",
		         wn__render_source(&d));
	render(&d, &buf);
	if (!d.has_kept) {
		d.has_article = 0;
		st = WN_NO_CONTENT;
	}
	*out = result_from(&d, &buf);
	wn__buf_free(&buf);
	wn__dom_free(&d);
	wn__doc_free(&d);
	return st;
}

const char *wn_result_output(const wn_result *r, size_t *len)
{
	if (len)
		*len = r ? r->output.len : 0;
	return r ? r->output.data : "";
}

int wn_result_has_article(const wn_result *r)
{
	return r && r->has_article;
}

const wn_metadata *wn_result_metadata(const wn_result *r)
{
	static const wn_metadata none;
	return r ? &r->meta : &none;
}

const wn_comment *wn_result_comments(const wn_result *r, size_t *n)
{
	if (n)
		*n = r ? r->n_comments : 0;
	return r ? r->comments : NULL;
}

int wn_result_truncated(const wn_result *r)
{
	return r && r->truncated;
}

const char *wn_result_source(const wn_result *r)
{
	return r ? r->source : "dom";
}

wn_kind wn_result_kind(const wn_result *r)
{
	return r ? r->kind : WN_KIND_ARTICLE;
}

double wn_result_kind_confidence(const wn_result *r)
{
	return r ? r->kind_confidence : 0;
}

size_t wn_result_message_count(const wn_result *r)
{
	return r ? r->n_msgs : 0;
}

const char *wn_result_message(const wn_result *r, size_t i)
{
	return r && i < r->n_msgs ? r->msgs[i] : NULL;
}

void wn_result_free(wn_result *r)
{
	if (!r)
		return;
	wn__arena_free(&r->keep);
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
	case WN_ENOTHTML: return "not HTML: binary data";
	}
	return "unknown status";
}

const char *wn_version(void)
{
	return WN_VERSION;
}

int wn_version_number(void)
{
	return WN_VERSION_NUMBER;
}
