/*
 * diag.h -- diagnostics: why each block was kept or dropped, as lines
 * (--explain) or as the page with its blocks outlined (--annotate).  They
 * read the decisions selection recorded (wn__block.reason); selection does
 * not know them.
 */
#ifndef WINNOW_DIAG_H
#define WINNOW_DIAG_H

#include "doc.h"

/* why.c: a short English phrase for a WN__WHY_* reason. */
const char *wn__why_string(int why);
/* explain.c: one line per block with its features and decision; tsv: as
 * tab-separated values. */
void wn__render_explain(const wn__doc *d, int tsv, wn__buf *out);
/* annotate.c: the page as HTML with blocks outlined by decision. */
void wn__render_annotate(const wn__doc *d, wn__buf *out);

#endif
