/*
 * metadata.h -- the metadata stage's entry point (its files share
 * metadata/meta.h among themselves).
 */
#ifndef WINNOW_METADATA_H
#define WINNOW_METADATA_H

#include "doc.h"

/* Reads what the page says about itself into d->meta (strings in d->keep)
 * and d->title, and marks the byline and date lines that sit in the
 * content WN__NF_META.  Selection depends on both, so it runs before. */
void wn__metadata(wn__doc *d);

#endif
