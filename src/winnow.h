/*
 * winnow.h -- the public interface of libwinnow, which removes boilerplate
 * (navigation, teasers, share bars, comments, footers ...) from an HTML page
 * and gives back its main content as plain text, Markdown, clean HTML or
 * JSON (with its metadata).
 *
 * Naming rule: every public function and type starts with `wn_`, every
 * public constant, enum value and macro with `WN_`.  Inside the library,
 * functions and types start with `wn__` and constants and macros with
 * `WN__` (two underscores); none of them is exported from the shared
 * library, and none is installed.
 *
 * Pipeline: bytes -> input decoding to UTF-8 -> gumbo DOM -> cleaning ->
 * blocks -> scoring -> selection -> rendering.  One call, wn_extract(), runs
 * all of it.
 *
 * Errors: every function that can fail returns a wn_status; WN_OK (0) means
 * success.  Nothing is printed by the library: notes for the user (such as
 * "kind listing: giving the page's main region ...") are kept in the result and read
 * with wn_result_message().
 *
 * Memory: what one extraction allocates is freed when wn_extract()
 * returns, except the result, which holds only what its accessors give out
 * and is freed by wn_result_free().  Out of memory: libwinnow cannot
 * recover from a failed allocation (gumbo, which it builds on, cannot
 * either), so on one it writes "winnow: out of memory" to stderr and calls
 * abort().  Memory use is bounded by the input size (see max_bytes), so a
 * caller bounds memory by bounding input.
 *
 * ABI: wn_options carries its own size (set by wn_options_init()), so a
 * program built against an older header runs with a newer library, whose
 * new fields then take their defaults; and a newer program runs with an
 * older library as long as it leaves the fields that library does not know
 * at their defaults (wn_extract() refuses with WN_EINVAL otherwise).  New
 * fields are only ever added at the end, and 0 is the default of each.
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

/* The library's version: MAJOR.MINOR.PATCH, and as one number for #if
 * (MAJOR * 10000 + MINOR * 100 + PATCH).  wn_version_number() is the
 * version of the library a program runs with. */
#define WN_VERSION_MAJOR 0
#define WN_VERSION_MINOR 2
#define WN_VERSION_PATCH 0
#define WN_VERSION "0.2.0"
#define WN_VERSION_NUMBER (WN_VERSION_MAJOR * 10000 + WN_VERSION_MINOR * 100 + WN_VERSION_PATCH)
/* The ABI's number, the shared library's soname (libwinnow.so.1): it
 * changes only when a program built against an older winnow.h can no
 * longer run with this library.  Growing wn_options does not change it. */
#define WN_ABI_VERSION 1

/* What the shared library exports: the functions declared here, and
 * nothing else (the library is built with -fvisibility=hidden). */
#if defined(__GNUC__)
#define WN_EXPORT __attribute__((visibility("default")))
#else
#define WN_EXPORT
#endif

/* Status codes.  The CLI's exit codes are built on these. */
typedef enum wn_status {
	WN_OK = 0,         /* content was found and rendered */
	WN_NO_CONTENT = 1, /* the page has no text worth giving back */
	WN_EINVAL = 2,     /* a bad argument (NULL pointer, unknown format) */
	WN_EINPUT = 3,     /* the input could not be used: over max_bytes */
	WN_ENOTHTML = 4,   /* the input is binary data (an executable, an
	                    * archive, an image ...), not a page */
} wn_status;

/* Output formats. */
typedef enum wn_format {
	WN_FORMAT_TEXT = 0,        /* plain UTF-8 text, paragraphs split by blank lines */
	WN_FORMAT_MARKDOWN = 1,    /* CommonMark with GFM tables */
	WN_FORMAT_JSON = 2,        /* one JSON object: metadata and the body */
	WN_FORMAT_EXPLAIN = 3,     /* one line per block: score, features, decision */
	WN_FORMAT_EXPLAIN_TSV = 4, /* the same as tab-separated values */
	WN_FORMAT_ANNOTATE = 5,    /* the page as HTML, blocks outlined by decision */
	WN_FORMAT_HTML = 6,        /* the content as clean HTML: a fragment, or a
	                         * whole document with the metadata option */
	WN_FORMAT_COUNT            /* the number of formats: not a format */
} wn_format;

/* Kinds of page.  Each has a selection mode of its own: an article's
 * running text; a forum thread's posts; a product's name, price, options,
 * description and specifications; a collection's (shop grid's) cards; a
 * listing's records (jobs, events, archive entries); documentation's
 * prose, code and tables; a service or landing page's stacked sections. */
typedef enum wn_kind {
	WN_KIND_AUTO = 0, /* as an option: decide from the page (the default) */
	WN_KIND_ARTICLE,
	WN_KIND_FORUM,
	WN_KIND_PRODUCT,
	WN_KIND_COLLECTION,
	WN_KIND_LISTING,
	WN_KIND_DOCUMENTATION,
	WN_KIND_SERVICE,
	WN_KIND_COUNT /* the number of kinds: not a kind */
} wn_kind;

/* Which way extraction leans where the evidence is weak (trafilatura's
 * favor_precision and favor_recall): the thresholds of selection move
 * together, so that PRECISION leaves out more that may be boilerplate
 * (fewer siblings of the article, more link lines, weak lines and weakly
 * named panels dropped) and RECALL keeps more that may be content.  The
 * README gives the measured effect on each corpus. */
typedef enum wn_favor {
	WN_FAVOR_BALANCED = 0, /* the default: the best F1 measured */
	WN_FAVOR_PRECISION = 1,
	WN_FAVOR_RECALL = 2,
	WN_FAVOR_COUNT /* the number of modes: not a mode */
} wn_favor;

/*
 * Options for one extraction.  Always initialise with
 *     wn_options opt;
 *     wn_options_init(&opt, sizeof opt);
 * and then change fields.  The options are only read during wn_extract(),
 * which normalises them once: 0 in any field means its default, and limits
 * are clamped to what the library can do.  Strings are not kept.
 */
typedef struct wn_options {
	/* sizeof(wn_options) as the caller was compiled: set by
	 * wn_options_init(), checked by wn_extract(). */
	size_t size;
	/* Output format.  Default: WN_FORMAT_TEXT. */
	wn_format format;
	/* Markdown and HTML: keep hyperlinks ([text](url), <a href>).
	 * Default: 0 (their text only). */
	int links;
	/* Markdown and HTML: keep images (![alt](src), <img> and <figure>).
	 * Default: 0 (dropped). */
	int images;
	/* Keep figure captions (<figcaption>) with the content.  Default: 0,
	 * as the article benchmark's gold standard counts captions out;
	 * readers' views (Readability.js) keep them. */
	int captions;
	/* The page's own URL, used to make link and image URLs absolute.
	 * Default: NULL (URLs are given as written in the page). */
	const char *url;
	/* Text and Markdown: put the metadata before the body (text: "Title:"
	 * lines and a blank line; Markdown: YAML front matter).  HTML: a whole
	 * document (<!DOCTYPE html>, a <head> with <title> and <meta> tags)
	 * around the body instead of a fragment.  Default: 0. */
	int metadata;
	/* JSON: give the body as Markdown in "markdown" instead of plain
	 * text in "text".  Default: 0. */
	int json_markdown;
	/* Character encoding of the input, overriding every other source
	 * (a WHATWG label such as "shift_jis" or "latin1").  A label the
	 * library does not know is ignored, with a message in the result
	 * ("charset: unknown encoding ... ignored"), not refused.  Default:
	 * NULL (detected: BOM, content_type, <meta charset>, then guessed). */
	const char *encoding;
	/* The HTTP Content-Type header the page came with, for its charset
	 * parameter.  Default: NULL. */
	const char *content_type;
	/* Limits.  0 means the default in each; every limit that is hit
	 * adds a message to the result (wn_result_message()). */
	/* Inputs larger than this many bytes are refused with WN_EINPUT.
	 * Default: WN_DEFAULT_MAX_BYTES (64 MiB). */
	size_t max_bytes;
	/* Elements nested deeper than this are read as if they were at this
	 * depth's element (their text is kept, their structure flattened;
	 * a block-level one still ends a block; a script, a style sheet, a
	 * form control or a template there is left out, as anywhere).
	 * Default: WN_DEFAULT_MAX_DEPTH; at most WN_MAX_DEPTH. */
	unsigned max_depth;
	/* Blocks beyond this many are not read.  Default: WN_DEFAULT_MAX_BLOCKS. */
	size_t max_blocks;
	/* The body (with the comments after it) is cut at this many bytes
	 * (at a character boundary; HTML also outside tags and character
	 * references, its open elements left for the reader to close).  The
	 * metadata, the HTML document around the body and JSON's other keys
	 * are not counted: JSON's "text" (or "markdown") and "html" are each
	 * cut at it.  Default: WN_DEFAULT_MAX_OUTPUT. */
	size_t max_output;
	/* ---- added after the first published layout (0.2) ---- */
	/* The page's kind, forced; WN_KIND_AUTO (0, the default) decides it
	 * from the page's structure. */
	wn_kind kind;
	/* JSON: also give the body as an HTML fragment in "html" (after
	 * "text", or "markdown" with json_markdown).  Default: 0. */
	int json_html;
	/* Also extract the page's comment section (blog and news comments
	 * under the article), each comment's author, date and text, read
	 * with wn_result_comments().  They never join the body: text and
	 * Markdown give them after it under a "Comments" heading, HTML in a
	 * <section> after it, JSON in "comments".  The body then leaves out
	 * whatever lies in the comment section.  On a forum thread the posts
	 * are the content and no comments are given.  Default: 0 (none; the
	 * outputs are what they were without the option). */
	int comments;
	/* Precision or recall first (wn_favor).  Default: WN_FAVOR_BALANCED. */
	wn_favor favor;
} wn_options;

#define WN_DEFAULT_MAX_BYTES ((size_t)64 << 20)
#define WN_DEFAULT_MAX_DEPTH 512u
#define WN_MAX_DEPTH 65534u
#define WN_DEFAULT_MAX_BLOCKS ((size_t)1000000)
#define WN_DEFAULT_MAX_OUTPUT ((size_t)64 << 20)

/* Fills opt[0..size) with the defaults documented above and sets
 * opt->size; size is sizeof(wn_options) as the caller knows it (pass
 * `sizeof opt`).  A size too small to hold the size field is ignored. */
WN_EXPORT void wn_options_init(wn_options *opt, size_t size);

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
 * output is empty); on any other status *out is set to NULL.  WN_EINVAL:
 * out is NULL, html is NULL with len > 0, opt->size is not one this
 * library knows, a field beyond what it knows is not 0, or the format,
 * kind or favor is not one of wn_format, wn_kind or wn_favor.  WN_EINPUT:
 * len is over max_bytes.  WN_ENOTHTML: the bytes are binary data, not text
 * in any encoding.
 */
WN_EXPORT wn_status wn_extract(const char *html, size_t len, const wn_options *opt, wn_result **out);

/* The rendered content, NUL-terminated UTF-8, owned by the result (valid
 * until wn_result_free()).  *len, when len is not NULL, gets its length.
 * The output ends with one newline unless it is empty. */
WN_EXPORT const char *wn_result_output(const wn_result *r, size_t *len);

/* 1 if the page had a clear main article, 0 if it had none (listings,
 * shop grids, home pages: the mode of the page's kind read it, see
 * wn_result_kind()) or nothing was found. */
WN_EXPORT int wn_result_has_article(const wn_result *r);

/* 1 if the output was cut at max_output (JSON then says "truncated":
 * true), else 0. */
WN_EXPORT int wn_result_truncated(const wn_result *r);

/* The page's kind (never WN_KIND_AUTO: the forced one, or the one
 * decided), and how sure the decision is, 0..1 (1 when forced). */
WN_EXPORT wn_kind wn_result_kind(const wn_result *r);
WN_EXPORT double wn_result_kind_confidence(const wn_result *r);
/* A kind's name: "article", "forum", "product", "collection", "listing",
 * "documentation", "service" ("auto" for WN_KIND_AUTO); NULL for a value
 * that is no kind.  Static. */
WN_EXPORT const char *wn_kind_name(wn_kind k);
/* The kind of that name (any case), or -1. */
WN_EXPORT int wn_kind_from_name(const char *name);
/* 1 when the library reads an input in the encoding of that label (a
 * WHATWG label such as "shift_jis" or "latin1", any case, spaces around it
 * allowed), else 0; NULL gives 0.  wn_options.encoding ignores a label
 * this refuses. */
WN_EXPORT int wn_encoding_known(const char *label);

/* Where the content came from: "dom" (the page as parsed), or, when the
 * page's markup held almost nothing, "noscript" (what a browser without
 * scripts shows), "hidden" (wrappers a script would show), "json-ld" (the
 * page's articleBody or text) or "meta-description".  A static string. */
WN_EXPORT const char *wn_result_source(const wn_result *r);

/* Notes about the extraction for a human (a fallback taken, input bytes
 * replaced, a limit hit).  Index from 0 to wn_result_message_count()-1;
 * strings are owned by the result. */
WN_EXPORT size_t wn_result_message_count(const wn_result *r);
WN_EXPORT const char *wn_result_message(const wn_result *r, size_t i);

/*
 * What the page says about itself (issue: metadata).  Every string is UTF-8,
 * owned by the result, and NULL when the page does not say; nothing is made
 * up: every value is the page's own words, character references decoded.
 * Arrays have their count beside them.
 *
 *  title        the page's own headline: its JSON-LD, OpenGraph or <title>
 *               less the parts that name the site ("... | Newegg",
 *               "Site: ..."), or the h1 when the title holds it with more
 *               around it.  A home page keeps its title whole.
 *  author       the names of the people who wrote it (JSON-LD, <meta>,
 *               microdata, the byline, a discussion's first poster),
 *               without "By", roles, dates or the site's name; several are
 *               joined by ", ".  A publisher given as the author gives way
 *               to the person the page's byline names.
 *  date         first publication (JSON-LD of any type but a product's,
 *               <meta>, microdata, <time>, a dateline), ISO 8601; a page
 *               that gives only its last change's date is dated by it.
 *  modified     the last change (dateModified, article:modified_time, an
 *               "Updated ..." line).
 *  description  the page's own summary (JSON-LD, <meta name=description>,
 *               og:description ...), else the article's first paragraph
 *               (not a date line), as Readability.js's excerpt.
 */
typedef struct wn_metadata {
	const char *title;    /* the headline, without " | Site name" */
	const char *author;   /* names, several joined by ", " */
	const char *date;     /* first publication, ISO 8601 */
	const char *modified; /* last modification, ISO 8601 */
	const char *sitename;
	const char *description; /* the page's summary, else its first paragraph */
	const char *language;    /* BCP 47, e.g. "en", "pt-BR" */
	const char *url;         /* canonical URL, else the url option */
	const char *image;       /* lead image URL */
	const char *const *tags;
	size_t n_tags;
	const char *const *categories;
	size_t n_categories;
} wn_metadata;

/* The page's metadata, owned by the result.  Never NULL for a result. */
WN_EXPORT const wn_metadata *wn_result_metadata(const wn_result *r);

/* One comment of the page's comment section (the comments option). */
typedef struct wn_comment {
	const char *author; /* its author's name as the page gives it, or NULL */
	const char *date;   /* when it was written, ISO 8601, or NULL when the
	                     * page gives none that can be read ("2 days ago") */
	const char *text;   /* its text, paragraphs split by a blank line;
	                     * never NULL or empty */
} wn_comment;

/* The comments, in page order (replies after what they answer), as an
 * array of *n (n may be NULL), owned by the result like its output.
 * NULL with *n = 0 when the comments option was off or the page has no
 * comment section.  At most WN_MAX_COMMENTS are given (a note says when
 * more were cut).  wn_comment never changes its layout: later versions
 * add accessors instead of fields. */
WN_EXPORT const wn_comment *wn_result_comments(const wn_result *r, size_t *n);
#define WN_MAX_COMMENTS 10000

/* Frees the result and everything it owns.  NULL is allowed. */
WN_EXPORT void wn_result_free(wn_result *r);

/* A static English description of a status, e.g. "no content found". */
WN_EXPORT const char *wn_status_string(wn_status s);

/* The library's version string, WN_VERSION when it was built (static). */
WN_EXPORT const char *wn_version(void);
/* The same as a number, WN_VERSION_NUMBER when it was built. */
WN_EXPORT int wn_version_number(void);

#ifdef __cplusplus
}
#endif
#endif /* WINNOW_H */
