/*
 * render.h -- the renderers' entry points: each appends the kept content
 * (nodes marked by selection) of d to out in one format.
 */
#ifndef WINNOW_RENDER_H
#define WINNOW_RENDER_H

#include "doc.h"

/* text.c: plain text, paragraphs split by a blank line. */
void wn__render_text(const wn__doc *d, wn__buf *out);
/* markdown.c: CommonMark with GFM pipe tables. */
void wn__render_markdown(const wn__doc *d, wn__buf *out);
/* text.c: a text that is not markup (the page's data, read in recovery)
 * as the body: as it is for text, escaped for Markdown, paragraphs for HTML. */
void wn__render_plain(const char *text, wn_format f, wn__buf *out);
/* json.c: where the content came from, as wn_result_source() says. */
const char *wn__render_source(const wn__doc *d);
/* html.c: an HTML fragment of structural and inline elements only. */
void wn__render_html(const wn__doc *d, wn__buf *out);
/* html.c: the fragment body[0..len) as a document with d's metadata in
 * its head (the metadata option). */
void wn__render_html_document(const wn__doc *d, const char *body, size_t len, wn__buf *out);
/* html.c: where HTML of n bytes may be cut at or before max bytes: not
 * inside a tag or a character reference. */
size_t wn__render_html_cut(const char *html, size_t n, size_t max);
/* json.c: the JSON object of d->meta with the rendered body[0..body_len)
 * and, when html is not NULL, the body as HTML (json_html). */
void wn__render_json(const wn__doc *d, const char *body, size_t body_len, const char *html,
                     size_t html_len, wn__buf *out);
/* comments.c: the comment section in format f (text, Markdown or HTML)
 * under a "Comments" heading, to go after the body; nothing when the page
 * has none. */
void wn__render_comments(const wn__doc *d, wn_format f, wn__buf *out);
/* json.c: metadata before the body (--metadata): YAML front matter for
 * Markdown, "Title: ..." lines and a blank line for text. */
void wn__render_meta_header(const wn__doc *d, wn__buf *out);

#endif
