/* explain.c -- placeholder until --explain lands. */
#include "internal.h"

void wn__render_explain(const wn_doc *d, int tsv, wn_buf *out)
{
	(void)tsv;
	for (int32_t k = 0; k < d->n_blocks; k++)
		wn__buf_printf(out, "%s %.1f %s\n", d->blocks[k].keep ? "KEEP" : "drop",
		               d->blocks[k].score, wn__why_string(d->blocks[k].reason));
}
