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

/* date.c: a date as pages write it ("2017-12-04T10:00:00+01:00",
 * "4 December 2017", "Dec 4, 2017", "04.12.2017", "2017年12月4日") in ISO
 * 8601, written to iso[WN__DATE_MAX].  parse reads one at the start of s and
 * returns the bytes it read (0: no date); find looks anywhere in s and
 * returns where the first date starts, or NULL. */
#define WN__DATE_MAX 32
size_t wn__date_parse(const char *s, size_t n, char *iso);
const char *wn__date_find(const char *s, size_t n, char *iso);

/* common.c: whether text t names a comment section, as a heading over it
 * says ("Comments", "5 comments:", "Reader comments (3)", "Kommentare")
 * once digits and punctuation are set aside, or as a count opening a line
 * ("3 comments  Sort by best", the head of an embedded thread). */
int wn__comment_heading(const char *t);

#endif
