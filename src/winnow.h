/*
 * winnow.h -- the public interface of libwinnow, which removes boilerplate
 * (navigation, teasers, share bars, comments, footers ...) from an HTML page
 * and gives back its main content as plain text or Markdown.
 *
 * Naming rule: every public function starts with `wn_`, every public
 * constant, enum value and macro with `WN_`, every public type with `wn_`.
 * Names starting with `wn__` (two underscores) are internal and may change.
 *
 * Pipeline: bytes -> input decoding to UTF-8 -> gumbo DOM -> cleaning ->
 * blocks -> scoring -> selection -> rendering.  One call, wn_extract(), runs
 * all of it.
 *
 * Errors: every function that can fail returns a wn_status; WN_OK (0) means
 * success.  Nothing is printed by the library: notes for the user (such as
 * "no clear article, densest text given") are kept in the result and read
 * with wn_result_message().
 *
 * Memory: each document's working memory comes from one arena that is freed
 * as a whole when the result is freed.  Out of memory: libwinnow cannot
 * recover from a failed allocation (gumbo, which it builds on, cannot
 * either), so on one it writes "winnow: out of memory" to stderr and calls
 * abort().  Memory use is bounded by the input size (see max_bytes), so a
 * caller bounds memory by bounding input.
 *
 * Threads: there is no global mutable state.  Different documents may be
 * extracted in parallel threads; one wn_result must not be used by two
 * threads at once without the caller's own locking.
 */
#ifndef WINNOW_H
#define WINNOW_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WN_VERSION "0.1.0"

/* Status codes.  The CLI's exit codes are built on these. */
typedef enum wn_status {
	WN_OK = 0,         /* content was found and rendered */
	WN_NO_CONTENT = 1, /* the page has no text worth giving back */
	WN_EINVAL = 2,     /* a bad argument (NULL pointer, unknown format) */
	WN_EINPUT = 3,     /* the input could not be used (too large, ...) */
} wn_status;

/* Output formats. */
typedef enum wn_format {
	WN_FORMAT_TEXT = 0,     /* plain UTF-8 text, paragraphs split by blank lines */
	WN_FORMAT_MARKDOWN = 1, /* CommonMark with GFM tables */
	WN_FORMAT_JSON = 2,     /* one JSON object: metadata and the body */
	WN_FORMAT_EXPLAIN = 3,  /* one line per block: score, features, decision */
	WN_FORMAT_EXPLAIN_TSV = 4, /* the same as tab-separated values */
	WN_FORMAT_ANNOTATE = 5, /* the page as HTML, blocks outlined by decision */
} wn_format;

/*
 * Options for one extraction.  Always initialise with wn_default_options()
 * and then change fields, so that fields added later get their defaults.
 * The options are only read during wn_extract(); strings are not kept.
 */
typedef struct wn_options {
	/* Output format.  Default: WN_FORMAT_TEXT. */
	wn_format format;
	/* Markdown: keep hyperlinks as [text](url).  Default: 0 (text only). */
	int links;
	/* Markdown: keep images as ![alt](src).  Default: 0 (dropped). */
	int images;
	/* Keep figure captions (<figcaption>) with the content.  Default: 0,
	 * as the article benchmark's gold standard counts captions out;
	 * readers' views (Readability.js) keep them. */
	int captions;
	/* The page's own URL, used to make link and image URLs absolute.
	 * Default: NULL (URLs are given as written in the page). */
	const char *url;
	/* Text and Markdown: put the metadata before the body (text: "Title:"
	 * lines and a blank line; Markdown: YAML front matter).  Default: 0. */
	int metadata;
	/* JSON: give the body as Markdown in "markdown" instead of plain
	 * text in "text".  Default: 0. */
	int json_markdown;
	/* Character encoding of the input, overriding every other source
	 * (a WHATWG label such as "shift_jis" or "latin1").  Default: NULL
	 * (detected: BOM, content_type, <meta charset>, then guessed). */
	const char *encoding;
	/* The HTTP Content-Type header the page came with, for its charset
	 * parameter.  Default: NULL. */
	const char *content_type;
	/* Inputs larger than this many bytes are refused with WN_EINPUT.
	 * Default: WN_DEFAULT_MAX_BYTES (64 MiB). */
	size_t max_bytes;
	/* Elements nested deeper than this are read as if they were at this
	 * depth's element (their text is kept, their structure flattened).
	 * Default: WN_DEFAULT_MAX_DEPTH. */
	unsigned max_depth;
	/* Blocks beyond this many are not read.  Default: WN_DEFAULT_MAX_BLOCKS. */
	size_t max_blocks;
	/* Output is cut at this many bytes (at a character boundary, with a
	 * note).  Default: WN_DEFAULT_MAX_OUTPUT. */
	size_t max_output;
} wn_options;

#define WN_DEFAULT_MAX_BYTES ((size_t)64 << 20)
#define WN_DEFAULT_MAX_DEPTH 512u
#define WN_DEFAULT_MAX_BLOCKS ((size_t)1000000)
#define WN_DEFAULT_MAX_OUTPUT ((size_t)64 << 20)

/* Fills *opt with the defaults documented above. */
void wn_default_options(wn_options *opt);

/* The result of one extraction: opaque; read it with the accessors below
 * and free it with wn_result_free(). */
typedef struct wn_result wn_result;

/*
 * Extracts the main content of the HTML page in html[0..len).  The bytes
 * need not be NUL-terminated and need not be valid UTF-8 (invalid sequences
 * become U+FFFD).  opt may be NULL for the defaults.
 *
 * On return *out holds a new result, owned by the caller and freed with
 * wn_result_free(), whenever the status is WN_OK or WN_NO_CONTENT (then its
 * output is empty); on any other status *out is set to NULL.
 */
wn_status wn_extract(const char *html, size_t len, const wn_options *opt,
                     wn_result **out);

/* The rendered content, NUL-terminated UTF-8, owned by the result (valid
 * until wn_result_free()).  *len, when len is not NULL, gets its length.
 * The output ends with one newline unless it is empty. */
const char *wn_result_output(const wn_result *r, size_t *len);

/* 1 if the page had a clear main article, 0 if winnow fell back to the
 * page's densest text (listing and home pages) or found nothing. */
int wn_result_has_article(const wn_result *r);

/* Notes about the extraction for a human (a fallback taken, input bytes
 * replaced, a limit hit).  Index from 0 to wn_result_message_count()-1;
 * strings are owned by the result. */
size_t wn_result_message_count(const wn_result *r);
const char *wn_result_message(const wn_result *r, size_t i);

/*
 * What the page says about itself (issue: metadata).  Every string is UTF-8,
 * owned by the result, and NULL when the page does not say; nothing is made
 * up.  Arrays have their count beside them.
 */
typedef struct wn_metadata {
	const char *title;       /* the headline, without " | Site name" */
	const char *author;      /* names, several joined by "; " */
	const char *date;        /* first publication, ISO 8601 */
	const char *modified;    /* last modification, ISO 8601 */
	const char *sitename;
	const char *description;
	const char *language;    /* BCP 47, e.g. "en", "pt-BR" */
	const char *url;         /* canonical URL, else the url option */
	const char *image;       /* lead image URL */
	const char *const *tags;
	size_t n_tags;
	const char *const *categories;
	size_t n_categories;
} wn_metadata;

/* The page's metadata, owned by the result.  Never NULL for a result. */
const wn_metadata *wn_result_metadata(const wn_result *r);

/* Frees the result and everything it owns.  NULL is allowed. */
void wn_result_free(wn_result *r);

/* A static English description of a status, e.g. "no content found". */
const char *wn_status_string(wn_status s);

/* The library's version string, WN_VERSION at build time. */
const char *wn_version(void);

#ifdef __cplusplus
}
#endif
#endif /* WINNOW_H */
