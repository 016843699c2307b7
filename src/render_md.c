/* render_md.c -- placeholder until the Markdown renderer lands. */
#include "internal.h"

void wn__render_markdown(const wn_doc *d, wn_buf *out)
{
	wn__render_text(d, out);
}
