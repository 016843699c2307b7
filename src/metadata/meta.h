/*
 * metadata.h -- what the metadata files (metadata*.c) share, and nothing
 * else includes: the stage's working state and the helpers between its
 * sources.  The stage's entry point, wn__metadata, is in internal.h.
 */
#ifndef WINNOW_METADATA_META_H
#define WINNOW_METADATA_META_H

#include "base/utf8.h"
#include "metadata/metadata.h"
#include "tuning.h"

#define WN__META_DIGIT 0x80 /* wn__meta_ctx.bits: a digit in the subtree's text */

struct json_t;
typedef struct wn__meta_tags wn__meta_tags; /* metadata_tags.c: the <meta> tags */
typedef struct wn__meta_ld wn__meta_ld;     /* metadata_jsonld.c: parsed scripts */

/* headline.c: what names the site, for cutting it from titles
 * and telling the publisher from a person among authors */
typedef struct wn__meta_site {
	const char *name[WN__META_SITE_NAMES]; /* og:site_name, publisher ... */
	size_t n;
	const char *host; /* the page's host, lower case, less "www." */
	int home;         /* the URL is the host's home page */
} wn__meta_site;

/* The stage's state, on wn__metadata's stack. */
typedef struct wn__meta_ctx {
	wn__doc *d;
	wn__arena *a; /* working memory */
	wn__meta_tags *tags;
	wn__meta_ld *ld;
	struct json_t *article, *page, *site; /* the first JSON-LD object of each kind */
	const char *lang, *canonical, *image_src;
	const char *h1; /* text of the first h1 */
	int n_h1;
	const char *h1s[WN__META_H1S]; /* the first visible h1s' text */
	int n_h1s;
	int32_t h1_node;           /* the first h1's node, or -1 */
	int32_t *chars;            /* characters of text in each node's subtree */
	const char **text;         /* each node's wn__meta_text once read, or NULL */
	uint8_t *bits;             /* per node: WN__META_DIGIT, metadata_byline.c's evidence */
	const char *marking_names; /* the names body.c's marking looks for */
	wn__meta_site site_names;  /* what names the site */
	wn__buf buf;               /* scratch for subtree text */
} wn__meta_ctx;

typedef struct wn__meta_list { /* tags or categories, in d->keep */
	const char **v;
	size_t n;
} wn__meta_list;

typedef struct wn__meta_found { /* what metadata_body.c finds in the body */
	const char *headline, *author, *published, *modified; /* microdata */
	const char *time_attr;    /* first <time datetime> of the page */
	const char *date_line;    /* ISO date of the first date line */
	const char *date_text;    /* ISO date of a date alone near the top */
	const char *rel_author;   /* text of the first rel=author link */
	const char *byline;       /* text of the first byline element */
	const char *by_text;      /* "By Jane Doe" near the top */
	const char *item_author;  /* microdata author for the field, as written */
	int32_t byline_node;      /* byline's element (0: none) */
	const char *author_link;  /* a link to an author's page, its text */
	const char *text_byline;  /* a name from a byline line's text */
	const char *head_by;      /* a byline line's name above the h1 */
	const char *late_by;      /* "Written by Jane Doe" past the top (a box) */
	const char *poster;       /* the first poster's name after the h1 */
	int n_posters;            /* posters' names after the h1 */
	const char *line_date;    /* ISO date of a dateline with more in it */
	int line_date_lead;       /* ... between the h1 and any other heading */
	int heading_seen;         /* an h2-h6 after the h1 was met */
	const char *head_date;    /* ISO date of a date alone above the h1 */
	const char *lead_date;    /* ISO date opening the line under the h1 */
	const char *name_date;    /* ISO date opening the line under a name */
	const char *link_date;    /* ISO date of a link's text near the top */
	const char *byline_date;  /* ISO date in the byline element's line */
	const char *updated;      /* ISO date of the first "Updated ..." line */
	const char *updated_time; /* datetime of a <time> labelled so */
	const char *pub_time;     /* datetime of the first <time pubdate> */
	int n_datelines;          /* date elements (class, <time>) with digits */
	const char *late_date;    /* ISO date of the first line opening with a date label */
} wn__meta_found;

/* date.c: is s[0..n) a day of a month and nothing more ("Dec 23", "4.
 * Mai"): a date without its year, which is no name */
int wn__date_month_day(const char *s, size_t n);

/* metadata.c: ASCII white space, '\v' too */
int wn__meta_is_space(int c);
/* metadata.c: s[0..n) unescaped, collapsed and cut, in d->keep; NULL if empty */
const char *wn__meta_keep(wn__meta_ctx *c, const char *s, size_t n);
/* common.c: a page's data text (articleBody) with its lines, in d->keep */
const char *wn__meta_keep_text(wn__meta_ctx *c, const char *s);
/* metadata.c: is tok one of the space-separated words of list (any case)? */
int wn__meta_has_token(const char *list, const char *tok);
/* metadata.c: node i's subtree text as wn__subtree_text has it (kept per node) */
const char *wn__meta_text(wn__meta_ctx *c, int32_t i);
/* metadata.c: the same with block boundaries '\n', other element ones ' ' */
const char *wn__meta_text_lines(wn__meta_ctx *c, int32_t i);
/* common.c: the first of those lines (a link's name over its role's line) */
const char *wn__meta_first_line(wn__meta_ctx *c, int32_t i);
/* metadata.c: adds s[0..n) to a list, trimmed and kept, each once */
void wn__meta_list_add(wn__meta_ctx *c, wn__meta_list *l, const char *s, size_t n);
/* metadata.c: adds the comma- or semicolon-separated words of s */
void wn__meta_list_split(wn__meta_ctx *c, wn__meta_list *l, const char *s);

/* metadata_tags.c: one walk for <html lang>, <meta>, <link>, JSON-LD, the h1 */
void wn__meta_collect(wn__meta_ctx *c);
/* metadata_tags.c: a <meta> value by normalised key ("og:title", "dc:creator") */
const char *wn__meta_get(const wn__meta_ctx *c, const char *key);
/* tags.c: twitter:dataN whose twitter:labelN is one of labels (NULL-ended) */
const char *wn__meta_card_value(const wn__meta_ctx *c, const char *const *labels);
/* metadata_tags.c: every value of a key, joined by "; " */
const char *wn__meta_get_all(wn__meta_ctx *c, const char *key);
/* tags.c: the first <meta> whose key says publication date in words no
 * list foresees ("w-published-date"), or NULL */
const char *wn__meta_get_pubdate(const wn__meta_ctx *c);
/* metadata_tags.c: every value of a key split into l */
void wn__meta_get_list(wn__meta_ctx *c, wn__meta_list *l, const char *key);
/* metadata_tags.c: a language tag in BCP 47 case (d->keep), or NULL */
const char *wn__meta_bcp47(wn__meta_ctx *c, const char *s);

/* jsonld.c: the WN__SCHEMA_* evidence of a schema.org type ("Product",
 * "https://schema.org/QAPage"), 0 if none */
unsigned wn__meta_schema_of(const char *type);
/* metadata_jsonld.c: parses one <script type=application/ld+json> */
void wn__meta_ld_script(wn__meta_ctx *c, const wn__node *x);
/* metadata_jsonld.c: sets c->article, page and site from what was parsed */
void wn__meta_ld_pick(wn__meta_ctx *c);
/* metadata_jsonld.c: frees the parsed scripts */
void wn__meta_ld_free(wn__meta_ctx *c);
/* metadata_jsonld.c: o's key as a string (an array's first) */
const char *wn__meta_ld_str(struct json_t *o, const char *key);
/* metadata_jsonld.c: o's key as a name: a string, or an object's "name" */
const char *wn__meta_ld_name(const wn__meta_ctx *c, struct json_t *o, const char *key);
/* metadata_jsonld.c: o's key as names, each once, joined by "; " into b */
void wn__meta_ld_names(const wn__meta_ctx *c, struct json_t *o, const char *key, wn__buf *b);
/* jsonld.c: is o's key (its first) an Organization, not a Person? */
int wn__meta_ld_is_org(const wn__meta_ctx *c, struct json_t *o, const char *key);
/* jsonld.c: key of the first JSON-LD object of any type whose dates are
 * the page's (not a review's, a comment's, an image's ...), or NULL */
const char *wn__meta_ld_any(const wn__meta_ctx *c, const char *key);
/* jsonld.c: o's mainEntity object (a QAPage's Question), or NULL */
struct json_t *wn__meta_ld_main_entity(const wn__meta_ctx *c, struct json_t *o);
/* metadata_jsonld.c: o's key as an image URL */
const char *wn__meta_ld_image(const wn__meta_ctx *c, struct json_t *o, const char *key);
/* metadata_jsonld.c: o's key (keywords, articleSection) into l */
void wn__meta_ld_list(wn__meta_ctx *c, wn__meta_list *l, struct json_t *o, const char *key);

/* metadata_title.c: the title from <title> (getArticleTitle), or NULL */
const char *wn__meta_title_tag(wn__meta_ctx *c, const char *sitename, const char *og);
/* metadata_title.c: Readability.js's textSimilarity of a and b, 0..1 */
double wn__meta_similarity(wn__meta_ctx *c, const char *a, const char *b);

/* headline.c: adds a name of the site (each once) */
void wn__meta_site_add(wn__meta_ctx *c, wn__meta_site *st, const char *name);
/* headline.c: the page's host from its absolute URL */
void wn__meta_site_host(wn__meta_ctx *c, wn__meta_site *st, const char *url);
/* headline.c: does s name the site (one of its names, or its host)? */
int wn__meta_names_site(const wn__meta_site *st, const char *s);
/* headline.c: the same, as a whole only: one of its names, its host */
int wn__meta_names_site_strict(const wn__meta_site *st, const char *s);
/* headline.c: t less the parts at its ends that name the site (kept) */
const char *wn__meta_cut_site(wn__meta_ctx *c, const wn__meta_site *st, const char *t);
/* headline.c: the headline: title's site parts cut, its short last " | "
 * part unless cut says a part went already, or the h1 that the title
 * holds with more around it or that goes on from it, less the marks at
 * its ends ("## ", " â") (kept) */
const char *wn__meta_headline(wn__meta_ctx *c, const wn__meta_site *st, const char *title, int cut);

/* metadata_byline.c: does element i's class, id, rel or itemprop say byline? */
int wn__meta_says_byline(wn__meta_ctx *c, int32_t i);
/* metadata_byline.c: does element i's class, id, itemprop or rel say date? */
int wn__meta_says_date(wn__meta_ctx *c, int32_t i);
/* metadata_byline.c: either of these, or a <time> */
int wn__meta_says_line(wn__meta_ctx *c, int32_t i);
/* metadata_byline.c: is element i a comment or reply box? */
int wn__meta_comment_box(wn__meta_ctx *c, int32_t i);
/* metadata_byline.c: is x one of Readability.js's unlikely candidates? */
int wn__meta_unlikely(const wn__node *x);
/* metadata_byline.c: length of a byline word at s ("By ", "Von: "), or 0 */
size_t wn__meta_by_word(const char *s);
/* metadata_byline.c: 0 when node i's text cannot open with a byline word */
int wn__meta_may_open_by(wn__meta_ctx *c, int32_t i);
/* metadata_byline.c: does s look like a person's name or names? */
int wn__meta_looks_like_names(const char *s);
/* metadata_byline.c: a byline's text made into names (kept), or NULL */
const char *wn__meta_clean_byline(wn__meta_ctx *c, const char *t);
/* byline.c: an author value made into names for the field: each of its
 * "; "-separated names less labels ("Written by", "Authors:"), roles,
 * dates and site names after it, joined by ", "; NULL if none is left */
const char *wn__meta_author_field(wn__meta_ctx *c, const char *v);
/* byline.c: the name a byline line's text gives ("Written by\nJane",
 * "Published May 4, 2021 by Jane", "May 4, 2021 · Jane Doe"), or NULL */
const char *wn__meta_field_byline(wn__meta_ctx *c, const char *t);
/* byline.c: the names a byline element gives: its links to people when
 * it has any, else its text cleaned (kept), or NULL */
const char *wn__meta_byline_names(wn__meta_ctx *c, int32_t node, const char *text);
/* byline.c: is s one person's name as a byline line gives it (two to
 * four capitalised words, no role, digit or furniture word)? */
int wn__meta_person_name(const char *s);
/* byline.c: is s a byline word alone ("Written by", "Author:")? */
int wn__meta_only_by_word(const char *s);
/* byline.c: does the line t say it is dated ("Published: ...", "Posted
 * on ...", "By ...")? */
int wn__meta_dated_line(const char *t);
/* byline.c: does t open with a label that says the date after it is a
 * change, not the publication ("Updated", "Last modified on")? */
int wn__meta_update_label(const char *t);
/* metadata_byline.c: is t a date and nothing more?  Its ISO form in iso */
int wn__meta_date_only(const char *t, char *iso);

/* metadata_body.c: one walk over the body for microdata, <time> and bylines */
void wn__meta_scan_body(wn__meta_ctx *c, wn__meta_found *f);
/* body.c: the date in the line under the author's name, or NULL */
const char *wn__meta_date_by_author(wn__meta_ctx *c, const char *author);
/* metadata_body.c: marks the body's byline and date lines WN__NF_META */
void wn__meta_mark_lines(wn__meta_ctx *c);
/* metadata_body.c: the article's first paragraph (the excerpt), or NULL */
const char *wn__meta_excerpt(wn__meta_ctx *c);

#endif /* WINNOW_METADATA_META_H */
