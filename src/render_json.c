/* render_json.c -- placeholder until JSON output lands. */
#include "internal.h"

void wn__render_json(const wn_doc *d, const char *body, size_t body_len,
                     wn_buf *out)
{
	(void)d;
	(void)body_len;
	wn__buf_puts(out, "{\"text\": null}\n");
	(void)body;
}

void wn__render_meta_header(const wn_doc *d, wn_buf *out)
{
	(void)d;
	(void)out;
}
