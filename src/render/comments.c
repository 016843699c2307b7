/*
 * comments.c -- the comment section (the comments option) after the
 * body, in text, Markdown or HTML: a "Comments" heading, then each
 * comment's author and date on a line of their own and its paragraphs.
 * JSON gives them as a list instead (json.c).
 */
#include <string.h>

#include "render/core.h"
#include "render/render.h"

/* A name on a line of f: as it is in text, escaped in HTML, and in
 * Markdown as wn__render_plain escapes it (without its newline). */
static void inline_text(const char *s, wn_format f, wn__buf *out)
{
	if (f == WN_FORMAT_HTML) {
		for (const char *p = s; *p; p++)
			wn__render_html_char(out, *p);
		return;
	}
	if (f != WN_FORMAT_MARKDOWN) {
		wn__buf_puts(out, s);
		return;
	}
	size_t start = out->len;
	wn__render_plain(s, f, out);
	while (out->len > start && out->data[out->len - 1] == '\n')
		out->len--;
}

void wn__render_comments(const wn__doc *d, wn_format f, wn__buf *out)
{
	if (!d->n_comments)
		return;
	int html = f == WN_FORMAT_HTML, md = f == WN_FORMAT_MARKDOWN;
	wn__buf_puts(out, html ? "<section>\n<h2>Comments</h2>\n"
	                  : md ? "\n## Comments\n"
	                       : "\nComments\n");
	for (size_t k = 0; k < d->n_comments; k++) {
		const wn_comment *c = &d->comments[k];
		wn__buf_puts(out, html ? "<article>\n" : "\n");
		if (c->author || c->date) {
			if (html)
				wn__buf_puts(out, "<p>");
			if (c->author) {
				wn__buf_puts(out, html ? "<strong>" : md ? "**" : "");
				inline_text(c->author, f, out);
				wn__buf_puts(out, html ? "</strong>" : md ? "**" : "");
			}
			if (c->author && c->date)
				wn__buf_puts(out, ", ");
			if (c->date)
				wn__buf_puts(out, c->date); /* ISO 8601: nothing to escape */
			wn__buf_puts(out, html ? "</p>\n" : md ? "\n\n" : "\n");
		}
		wn__render_plain(c->text, f, out);
		if (html)
			wn__buf_puts(out, "</article>\n");
	}
	if (html)
		wn__buf_puts(out, "</section>\n");
}
