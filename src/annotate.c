/* annotate.c -- placeholder until --annotate lands. */
#include "internal.h"

void wn__render_annotate(const wn_doc *d, wn_buf *out)
{
	wn__buf_put(out, d->html, d->html_len);
}
