/*
 * tags.h -- one table of tag classes: for each gumbo tag, the sets it
 * belongs to, as bit flags (after gumbo's own tag sets).  Every stage asks
 * it; none keeps a list of tags of its own.
 */
#ifndef WINNOW_BASE_TAGS_H
#define WINNOW_BASE_TAGS_H

#include <stdint.h>

#include <gumbo.h>

enum {
	/* block-level: starts and ends a line (dom.c, renderers) */
	WN__TC_BLOCK = 1u << 0,
	/* white space kept as written */
	WN__TC_PRE = 1u << 1,
	/* paragraph-level structure: a table cell holding it lays out a page (dom.c) */
	WN__TC_STRUCTURE = 1u << 2,
	/* never content: scripts, styles, embedded media, form controls (clean.c) */
	WN__TC_REMOVED = 1u << 3,
	/* h1 to h6 */
	WN__TC_HEADING = 1u << 4,
	/* a list: its children are items */
	WN__TC_LIST = 1u << 5,
	/* an item of a list */
	WN__TC_LIST_ITEM = 1u << 6,
	/* a table cell */
	WN__TC_CELL = 1u << 7,
	/* a row or row group of a table */
	WN__TC_TABLE_PART = 1u << 8,
	/* beside the content by its HTML meaning: aside, nav */
	WN__TC_ASIDE = 1u << 9,
	/* void: no end tag, no content (HTML spec) */
	WN__TC_VOID = 1u << 10,
	/* formatting elements, reopened by the parser (HTML spec) */
	WN__TC_FORMATTING = 1u << 11,
	/* scope markers: their end clears the formatting elements opened inside (HTML spec) */
	WN__TC_MARKER = 1u << 12,
	/* start tags that close an open p (HTML spec, "in body") */
	WN__TC_CLOSES_P = 1u << 13,
	/* HTML start tags that end SVG and MathML content (HTML spec, "parsing tokens in foreign content"; font, which does so only with some attributes, left out) */
	WN__TC_BREAKS_OUT = 1u << 14,
	/* integration points: inside them foreign content is HTML again (HTML spec) */
	WN__TC_INTEGRATION = 1u << 15,
	/* raw text and RCDATA: their content is not markup (HTML tokenizer) */
	WN__TC_RAWTEXT = 1u << 16,
};

extern const uint32_t wn__tag_classes[GUMBO_TAG_LAST + 1];

/* Whether tag (a GumboTag, GUMBO_TAG_UNKNOWN for text) is in any of the
 * classes of the mask cls. */
static inline int wn__tag_is(int tag, uint32_t cls)
{
	return tag >= 0 && tag <= GUMBO_TAG_LAST && (wn__tag_classes[tag] & cls);
}

#endif
