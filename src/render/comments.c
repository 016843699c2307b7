/*
 * comments.c -- the comment section (the comments option) after the
 * body, in text, Markdown or HTML: a "Comments" heading, then each
 * comment's author and date on a line of their own and its paragraphs.
 * JSON gives them as a list instead (json.c).
 */
#include <string.h>

#include "render/render.h"

/* s as a line of f: escaped for Markdown and HTML, without the closing
 * newline wn__render_plain gives. */
static void inline_text(const char *s, wn_format f, wn__buf *out)
{
	if (f == WN_FORMAT_TEXT) {
		wn__buf_puts(out, s);
		return;
	}
	wn__buf t = {0};
	wn__render_plain(s, f == WN_FORMAT_HTML ? WN_FORMAT_MARKDOWN : f, &t);
	if (f == WN_FORMAT_HTML) { /* HTML: escaped by hand, a name has no markup */
		t.len = 0;
		for (const char *p = s; *p; p++)
			if (*p == '&')
				wn__buf_puts(&t, "&amp;");
			else if (*p == '<')
				wn__buf_puts(&t, "&lt;");
			else if (*p == '>')
				wn__buf_puts(&t, "&gt;");
			else
				wn__buf_putc(&t, *p);
	}
	while (t.len && t.data[t.len - 1] == '\n')
		t.len--;
	if (t.len)
		wn__buf_put(out, t.data, t.len);
	wn__buf_free(&t);
}

void wn__render_comments(const wn__doc *d, wn_format f, wn__buf *out)
{
	if (!d->n_comments)
		return;
	int html = f == WN_FORMAT_HTML, md = f == WN_FORMAT_MARKDOWN;
	wn__buf_puts(out, html ? "<section>\n<h2>Comments</h2>\n"
	                  : md ? "\n## Comments\n" : "\nComments\n");
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
