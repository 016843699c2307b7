/*
 * core.c -- the renderers' shared walk, white space and closing.
 */
#include <string.h>

#include "base/utf8.h"
#include "render/core.h"

int wn__render_is_kept(const wn__doc *d, const wn__node *x)
{
	return x->block >= 0 && d->blocks[x->block].keep;
}

void wn__render_walk(const wn__doc *d, const wn__render_ops *ops, void *ctx)
{
	wn__walk w;
	int32_t i;
	int leave;
	wn__walk_init(&w, d, 0, WN__NF_REMOVED | WN__NF_DROP);
	while (wn__walk_next(&w, &i, &leave)) {
		const wn__node *x = &d->nodes[i];
		if (x->kind != WN__NODE_ELEMENT) {
			if (wn__render_is_kept(d, x))
				ops->text(ctx, i, x->g->v.text.text);
		} else if (leave) {
			ops->leave(ctx, i);
		} else {
			ops->enter(ctx, &w, i);
		}
	}
	wn__walk_free(&w);
}

void wn__render_collapse(const char *t, wn__owed *o, wn__put_char put, void *ctx)
{
	size_t len = strlen(t);
	for (size_t i = 0; i < len;) {
		int32_t cp;
		int k = wn__utf8_next(t + i, len - i, &cp);
		if (wn__is_space_cp(cp))
			o->space = 1;
		else
			put(ctx, t, i, len, cp, k);
		i += (size_t)k;
	}
}

void wn__render_html_char(wn__buf *out, char c)
{
	if (c == '&')
		wn__buf_puts(out, "&amp;");
	else if (c == '<')
		wn__buf_puts(out, "&lt;");
	else if (c == '>')
		wn__buf_puts(out, "&gt;");
	else
		wn__buf_putc(out, c);
}

void wn__render_close(wn__buf *out, size_t start)
{
	while (out->len > start &&
	       (out->data[out->len - 1] == '\n' || out->data[out->len - 1] == ' ' ||
	        out->data[out->len - 1] == '\t'))
		out->data[--out->len] = 0;
	if (out->len > start)
		wn__buf_putc(out, '\n');
}
