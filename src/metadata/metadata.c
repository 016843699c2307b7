/*
 * metadata.c -- the metadata stage: what the page says about itself (title,
 * author, dates, site, description, language, URL, image, tags and
 * categories) into d->meta, and the byline and date lines inside the content
 * marked WN__NF_META so that the body does not repeat them.
 *
 * Order of trust: for each field the first source below that has it wins.
 *   1. JSON-LD: the first schema.org Article-like object (Article,
 *      NewsArticle, BlogPosting ..., in arrays and @graph, @id references
 *      followed).  The publisher's name is the site name.
 *   2. Dublin Core <meta> (dc.*, dcterms.*): pages that write it mean it,
 *      so for title, author and description it comes before OpenGraph
 *      (after Readability.js's getArticleMetadata).
 *   3. OpenGraph (og:*) and article:*.
 *   4. Other <meta name>: title, author, description, keywords, twitter:*,
 *      parsely-*, sailthru.*, citation_*, date names.  For the author a
 *      plain <meta name=author> comes before article:author, which is
 *      often a profile URL (those are skipped).
 *   5. A JSON-LD WebPage object (its name, description, dates, image).
 *   6. Microdata itemprop (headline, author/name, datePublished ...).
 *   7. <time datetime> in the page, then a date line's text (by its
 *      class, else a date alone on its line near the top).
 *   8. rel=author link text, then a byline element (class byline/author,
 *      or "By Jane Doe" near the top).
 *   9. <title>, its " | Site" part cut, then the page's single h1.
 *  Title: whichever source gave it, the parts at its ends that name the
 *  site go, and an h1 that the title (or <title>) holds with more around
 *  it is the headline (headline.c).
 *  Author: after these, a Q&A page's question (JSON-LD mainEntity, the
 *  microdata of its mainEntity item, <noscript> included), the page's
 *  microdata in <head>, byline lines ("Written by" / name, "<date> by
 *  <name>", "<date> · <name>"), a link to an author's page, and on a
 *  discussion its first poster.  Each value is made into names
 *  (byline.c's author field), joined by ", "; a publisher given as the
 *  author (an Organization, the site's name) gives way to a person the
 *  byline names.  The marking keeps reading the names as it always did
 *  (marking_names), so that the body does not change with the field.
 *  Date: after these, a Q&A page's question, JSON-LD of other types (not
 *  inside a Product), <meta> keys that say publication date in other
 *  words, the page's microdata in <head>, a dateline with more than the
 *  date in it, a date alone above the h1 (these two not on listings),
 *  the line under the h1 or under the byline's name opening with a date,
 *  a link near the top whose text is a date (a post's permalink), the
 *  byline element's line opening with a date or holding one between
 *  separators.
 *  Description: when no source has one, the first paragraph of the
 *  article (Readability.js's excerpt).  URL: rel=canonical, og:url, the url
 *  option.  Language: <html lang>, Content-Language, dc.language,
 *  og:locale.  Nothing is made up: a field no source has stays NULL.
 *
 * This file merges the sources into d->meta, one function per field; the
 * sources are read by jsonld.c (1, 5), tags.c (2-4, language, URL), body.c
 * with byline.c (6-8, the marking, the excerpt) and title.c (9), dates by
 * date.c, the headline by headline.c; common.c holds what they share.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "base/url.h"
#include "metadata/meta.h"
#include "tuning.h"


static const char *keep_str(wn__meta_ctx *c, const char *s)
{
	return s ? wn__meta_keep(c, s, strlen(s)) : NULL;
}

/* An author as a page wrote it, less a leading "By " (some put their
 * byline's words in <meta name=author>). */
static void offer_author(wn__meta_ctx *c, const char **field, const char *v)
{
	if (*field || !v)
		return;
	while (wn__meta_is_space((unsigned char)*v))
		v++;
	size_t b = wn__meta_by_word(v); /* only "By", "Written by": "Von" is a name too */
	if (b && v[b] && b >= 3 && !strncasecmp(v + b - 3 - (v[b - 2] == ':'), "by", 2))
		v += b;
	*field = keep_str(c, v);
}

/* Sets *field to v (kept) unless it is set already. */
static void offer(wn__meta_ctx *c, const char **field, const char *v)
{
	if (!*field && v)
		*field = keep_str(c, v);
}

/* ref made absolute against base, when there is one (RFC 3986). */
static const char *resolve(wn__meta_ctx *c, const char *base, const char *ref)
{
	if (!ref)
		return NULL;
	while (wn__meta_is_space((unsigned char)*ref))
		ref++;
	if (!*ref || !strncasecmp(ref, "data:", 5) || !strncasecmp(ref, "javascript:", 11))
		return NULL;
	return wn__url_resolve(&c->d->keep, base, ref);
}

/* The ISO form of the first candidate that is a date. */
static void offer_date(wn__meta_ctx *c, const char **field, const char *v)
{
	char iso[WN__DATE_MAX];
	if (*field || !v)
		return;
	if (wn__date_parse(v, strlen(v), iso))
		*field = wn__arena_strndup(&c->d->keep, iso, strlen(iso));
}

/* ---- the stage ---- */

/* Characters of text in each subtree, and which subtrees hold a digit. */
static void count_chars(wn__meta_ctx *c)
{
	wn__doc *d = c->d;
	c->chars = wn__arena_alloc(c->a, (size_t)d->n_nodes * sizeof *c->chars);
	for (int32_t i = 0; i < d->n_nodes; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->kind != WN__NODE_TEXT)
			continue;
		const char *s = x->g->v.text.text;
		int32_t n = 0;
		/* characters less spaces: bytes that start a character, none
		 * of ' ' and '\t'..'\r' */
		for (const unsigned char *p = (const unsigned char *)s; *p; p++)
			n += *p > ' ' ? (*p & 0xC0) != 0x80 : *p != ' ' && (*p < '\t' || *p > '\r');
		c->chars[i] = n;
		if (strpbrk(s, "0123456789"))
			c->bits[i] |= WN__META_DIGIT;
	}
	for (int32_t i = d->n_nodes - 1; i > 0; i--)
		if (!(d->nodes[i].flags & WN__NF_REMOVED)) {
			c->chars[d->nodes[i].parent] += c->chars[i];
			c->bits[d->nodes[i].parent] |= c->bits[i] & WN__META_DIGIT;
		}
}

/* The <title>, white space collapsed: the title tag's reading below, and
 * selection's test for a headline repeating it. */
static void read_doc_title(wn__doc *d)
{
	wn__buf t = {0};
	for (int32_t i = 0; i < d->n_nodes; i++)
		if (d->nodes[i].tag == GUMBO_TAG_TITLE) {
			wn__subtree_text(d, i, &t);
			break;
		}
	d->title = wn__arena_strndup(&d->arena, t.data ? t.data : "", t.len);
	wn__buf_free(&t);
}

/* Each field below takes the first source that has it, in the order of
 * trust at the top of this file. */

static void read_sitename(wn__meta_ctx *c, wn_metadata *m)
{
	if (c->article)
		offer(c, &m->sitename, wn__meta_ld_name(c, c->article, "publisher"));
	offer(c, &m->sitename, wn__meta_get(c, "og:site_name"));
	if (c->site)
		offer(c, &m->sitename, wn__meta_ld_str(c->site, "name"));
	offer(c, &m->sitename, wn__meta_get(c, "application-name"));
	offer(c, &m->sitename, wn__meta_get(c, "dc:publisher"));
}

/* Every name the page gives its site, and its host: what titles lose
 * and what an author that is the publisher says. */
static void read_site_names(wn__meta_ctx *c, const wn_metadata *m)
{
	wn__meta_site *st = &c->site_names;
	wn__meta_site_add(c, st, m->sitename);
	wn__meta_site_add(c, st, wn__meta_get(c, "og:site_name"));
	if (c->article)
		wn__meta_site_add(c, st, wn__meta_ld_name(c, c->article, "publisher"));
	if (c->site)
		wn__meta_site_add(c, st, wn__meta_ld_str(c->site, "name"));
	wn__meta_site_add(c, st, wn__meta_get(c, "application-name"));
	wn__meta_site_add(c, st, wn__meta_get(c, "dc:publisher"));
	wn__meta_site_host(c, st, c->d->opt->url);
	wn__meta_site_host(c, st, c->canonical);
	wn__meta_site_host(c, st, wn__meta_get(c, "og:url"));
}

/* After the site name, which the title loses. */
static void read_title(wn__meta_ctx *c, const wn__meta_found *f, wn_metadata *m)
{
	const char *og_title = wn__meta_get(c, "og:title");
	if (c->article) {
		const char *name = wn__meta_ld_str(c->article, "name");
		const char *head = wn__meta_ld_str(c->article, "headline");
		if (name && head && strcmp(name, head)) {
			/* Readability.js: some sites put their own name in
			 * "name"; the headline wins when it, and only it, is
			 * like the page's title. */
			const char *tt = wn__meta_title_tag(c, m->sitename, og_title);
			tt = tt ? tt : "";
			int hm = wn__meta_similarity(c, head, tt) > WN__META_TITLE_SIMILAR;
			int nm = wn__meta_similarity(c, name, tt) > WN__META_TITLE_SIMILAR;
			offer(c, &m->title, hm && !nm ? head : name);
		}
		offer(c, &m->title, name);
		offer(c, &m->title, head);
	}
	static const char *const KEYS[] = {
		"dc:title",      "dcterms:title",  "og:title",       "title", "twitter:title",
		"parsely-title", "sailthru:title", "citation_title", NULL,
	};
	for (const char *const *k = KEYS; *k; k++)
		offer(c, &m->title, wn__meta_get(c, *k));
	if (c->page) {
		offer(c, &m->title, wn__meta_ld_str(c->page, "headline"));
		offer(c, &m->title, wn__meta_ld_str(c->page, "name"));
	}
	offer(c, &m->title, f->headline);
	/* Readability.js's reading of <title> cuts one part at most: when
	 * it cut one, no short last part goes after it */
	int cut = 0;
	if (!m->title) {
		offer(c, &m->title, wn__meta_title_tag(c, m->sitename, og_title));
		cut = m->title && strcmp(m->title, c->d->title);
	}
	/* "Headline | Site" in og:title too: the site's name goes, and the
	 * h1 that the title holds with more around it is the headline */
	m->title = wn__meta_headline(c, &c->site_names, m->title, cut);
}

/* JSON-LD's authors as one "; "-joined value. */
static void offer_ld_authors(wn__meta_ctx *c, struct json_t *o, const char **field)
{
	wn__buf b = {0};
	wn__meta_ld_names(c, o, "author", &b);
	if (b.len)
		offer_author(c, field, b.data);
	wn__buf_free(&b);
}

/* The names the marking looks for in the body's "By ..." lines: the
 * author sources as bylines were always cleaned, joined by "; ".  The
 * body's text depends on them, so they stay as they were while the
 * author field below is refined further. */
static const char *marking_names(wn__meta_ctx *c, const wn__meta_found *f)
{
	const char *v = NULL;
	if (c->article)
		offer_ld_authors(c, c->article, &v);
	static const char *const KEYS[] = {
		"dc:creator",     "dcterms:creator", "author",          "parsely-author",
		"article:author", "sailthru:author", "citation_author", NULL,
	};
	for (const char *const *k = KEYS; *k; k++)
		offer_author(c, &v, wn__meta_get_all(c, *k));
	if (c->page)
		offer_ld_authors(c, c->page, &v);
	offer(c, &v, f->author);
	if (f->rel_author)
		offer(c, &v, wn__meta_clean_byline(c, f->rel_author));
	if (f->byline)
		offer(c, &v, wn__meta_clean_byline(c, f->byline));
	offer(c, &v, f->by_text);
	return v;
}

/* JSON-LD's authors as one "; "-joined value, as written. */
static const char *ld_authors(wn__meta_ctx *c, struct json_t *o)
{
	wn__buf b = {0};
	wn__meta_ld_names(c, o, "author", &b);
	const char *r = b.len ? wn__arena_strndup(c->a, b.data, b.len) : NULL;
	wn__buf_free(&b);
	return r;
}

enum { TAGS, BYLINE, LAST };
typedef struct author_src {
	const char *v;
	int org;  /* JSON-LD says it is an Organization */
	int from; /* TAGS: what the page says of itself; BYLINE: its text;
	           * LAST: only when nothing else names anyone */
} author_src;

/* The author field: the first source that gives a name, in the order of
 * trust.  A publisher given as the author (an Organization, or a name
 * of the site) gives way to a person that the page's own byline names. */
static void read_author(wn__meta_ctx *c, const wn__meta_found *f, wn_metadata *m)
{
	author_src src[24]; /* one per source below (22) */
	size_t n = 0;
	c->marking_names = marking_names(c, f);
	if (c->article)
		src[n++] = (author_src){ld_authors(c, c->article),
		                        wn__meta_ld_is_org(c, c->article, "author"), TAGS};
	static const char *const KEYS[] = {
		"dc:creator",     "dcterms:creator", "author",          "parsely-author",
		"article:author", "sailthru:author", "citation_author", NULL,
	};
	for (const char *const *k = KEYS; *k; k++)
		src[n++] = (author_src){wn__meta_get_all(c, *k), 0, TAGS};
	if (c->page) {
		src[n++] = (author_src){
			ld_authors(c, c->page), wn__meta_ld_is_org(c, c->page, "author"), TAGS};
		/* a Q&A page's question: its asker */
		struct json_t *q = wn__meta_ld_main_entity(c, c->page);
		if (q)
			src[n++] = (author_src){ld_authors(c, q), 0, TAGS};
	}
	static const char *const WRITTEN_BY[] = {"written by", "author", "by", NULL};
	src[n++] = (author_src){wn__meta_card_value(c, WRITTEN_BY), 0, TAGS};
	src[n++] = (author_src){f->author, 0, BYLINE};
	src[n++] = (author_src){f->item_author, 0, BYLINE};
	src[n++] = (author_src){wn__meta_get_all(c, "itemprop:author"), 0, TAGS};
	if (f->rel_author)
		src[n++] = (author_src){wn__meta_clean_byline(c, f->rel_author), 0, BYLINE};
	if (f->byline)
		src[n++] = (author_src){
			wn__meta_byline_names(c, f->byline_node, f->byline), 0, BYLINE};
	src[n++] = (author_src){f->by_text, 0, BYLINE};
	src[n++] = (author_src){f->text_byline, 0, BYLINE};
	src[n++] = (author_src){f->head_by, 0, BYLINE};
	src[n++] = (author_src){f->author_link, 0, BYLINE};
	src[n++] = (author_src){f->late_by, 0, BYLINE};
	/* a discussion: the first poster started it */
	if (f->n_posters >= WN__META_POSTERS)
		src[n++] = (author_src){f->poster, 0, LAST};

	const char *best = NULL;
	for (size_t k = 0; k < n; k++) {
		const char *v = wn__meta_author_field(c, src[k].v ? keep_str(c, src[k].v) : NULL);
		if (!v)
			continue;
		if (!best) {
			best = v;
			if (!src[k].org && !wn__meta_names_site_strict(&c->site_names, v))
				break;
		} else if (src[k].from == BYLINE && wn__meta_looks_like_names(v) &&
		           !wn__meta_names_site(&c->site_names, v)) {
			best = v;
			break;
		}
	}
	m->author = best;
}

static void read_date(wn__meta_ctx *c, const wn__meta_found *f, wn_metadata *m)
{
	/* a <time pubdate> says so in the page's own markup */
	offer_date(c, &m->date, f->pub_time);
	if (c->article)
		offer_date(c, &m->date, wn__meta_ld_str(c->article, "datePublished"));
	static const char *const KEYS[] = {
		"article:published_time",
		"parsely-pub-date",
		"article:published",
		"og:published_time",
		"dc:date:issued",
		"dcterms:issued",
		"dcterms:created",
		"dc:date",
		"dcterms:date",
		"citation_publication_date",
		"citation_date",
		"citation_online_date",
		"sailthru:date",
		"pubdate",
		"publishdate",
		"publish-date",
		"publish_date",
		"publication_date",
		"date",
		"datepublished",
		"published",
		NULL,
	};
	for (const char *const *k = KEYS; *k; k++)
		offer_date(c, &m->date, wn__meta_get(c, *k));
	if (c->page)
		offer_date(c, &m->date, wn__meta_ld_str(c->page, "datePublished"));
	if (c->article)
		offer_date(c, &m->date, wn__meta_ld_str(c->article, "dateCreated"));
	offer_date(c, &m->date, f->published);
	offer_date(c, &m->date, f->time_attr);
	offer(c, &m->date, f->date_line);
	offer(c, &m->date, f->date_text);
	/* what the page says in fewer words: a Q&A page's question, JSON-LD
	 * of other types (a video's upload), keys no list names, its own
	 * microdata in <head>; in the text datelines with more than the
	 * date in them unless the page is a listing (many datelines: its
	 * teasers') and the line comes after a teaser's heading; a date just
	 * above the headline or opening the line under it */
	if (c->page) {
		struct json_t *q = wn__meta_ld_main_entity(c, c->page);
		if (q) {
			offer_date(c, &m->date, wn__meta_ld_str(q, "datePublished"));
			offer_date(c, &m->date, wn__meta_ld_str(q, "dateCreated"));
		}
	}
	offer_date(c, &m->date, wn__meta_ld_any(c, "datePublished"));
	offer_date(c, &m->date, wn__meta_get_pubdate(c));
	offer_date(c, &m->date, wn__meta_get(c, "itemprop:datepublished"));
	if (f->n_datelines <= WN__META_LISTING || f->line_date_lead)
		offer(c, &m->date, f->line_date);
	offer(c, &m->date, f->head_date);
	offer(c, &m->date, f->lead_date);
	offer(c, &m->date, f->name_date);
	offer(c, &m->date, f->link_date);
	offer(c, &m->date, f->byline_date);
	if (!m->date) /* kept like the others: the scan's strings go with the doc */
		offer(c, &m->date, wn__meta_date_by_author(c, m->author));
}

static void read_modified(wn__meta_ctx *c, const wn__meta_found *f, wn_metadata *m)
{
	if (c->article)
		offer_date(c, &m->modified, wn__meta_ld_str(c->article, "dateModified"));
	static const char *const KEYS[] = {
		"article:modified_time",
		"og:updated_time",
		"dcterms:modified",
		"dc:date:modified",
		"last-modified",
		"lastmod",
		NULL,
	};
	for (const char *const *k = KEYS; *k; k++)
		offer_date(c, &m->modified, wn__meta_get(c, *k));
	if (c->page)
		offer_date(c, &m->modified, wn__meta_ld_str(c->page, "dateModified"));
	offer_date(c, &m->modified, f->modified);
	offer_date(c, &m->modified, f->updated_time);
	offer(c, &m->modified, f->updated);
}

static int same_day(const char *a, const char *b)
{
	return a && b && strlen(a) >= 10 && strlen(b) >= 10 && !strncmp(a, b, 10);
}

/* a and b the same day with month and day swapped: "09.10.2024" read
 * as 9 October where the hidden date is September 10 */
static int swapped_day(const char *a, const char *b)
{
	return strlen(a) >= 10 && strlen(b) >= 10 && !strncmp(a, b, 4) &&
	       !strncmp(a + 5, b + 8, 2) && !strncmp(a + 8, b + 5, 2);
}

/* The date a page shows by its headline is the one its readers take
 * for its date: alone just above the h1 or opening the line under it,
 * else the dateline before any other heading ("By Jane Doe - Mar 27,
 * 2024").  Where a hidden date (<meta>, JSON-LD) names another day, the
 * shown one is the page's.  Not when it is the day of the hidden last
 * change or of an "Updated" line (the line may give the change, the
 * publication stays), nor when it may be the hidden day read with its
 * month and day swapped. */
static void shown_date(wn__meta_ctx *c, const wn__meta_found *f, wn_metadata *m)
{
	const char *v = f->head_date ? f->head_date : f->lead_date;
	if (!v && f->line_date_lead)
		v = f->line_date;
	if (!v || !m->date || strlen(v) < 10 || strlen(m->date) < 10 || same_day(v, m->date))
		return;
	if (same_day(v, m->modified) || same_day(v, f->updated) || swapped_day(v, m->date))
		return;
	m->date = keep_str(c, v);
}

/* From the page's own words only; the excerpt comes after the marking. */
static void read_description(wn__meta_ctx *c, wn_metadata *m)
{
	if (c->article)
		offer(c, &m->description, wn__meta_ld_str(c->article, "description"));
	static const char *const KEYS[] = {
		"dc:description",
		"dcterms:description",
		"og:description",
		"description",
		"twitter:description",
		"sailthru:description",
		NULL,
	};
	for (const char *const *k = KEYS; *k; k++)
		offer(c, &m->description, wn__meta_get(c, *k));
	if (c->page)
		offer(c, &m->description, wn__meta_ld_str(c->page, "description"));
}

static void read_language(wn__meta_ctx *c, wn_metadata *m)
{
	static const char *const KEYS[] = {
		"http-equiv:content-language",
		"language",
		"dc:language",
		"dcterms:language",
		"og:locale",
		NULL,
	};
	m->language = wn__meta_bcp47(c, c->lang);
	for (const char *const *k = KEYS; *k && !m->language; k++)
		m->language = wn__meta_bcp47(c, wn__meta_get(c, *k));
	if (!m->language && c->article)
		m->language = wn__meta_bcp47(c, wn__meta_ld_str(c->article, "inLanguage"));
}

/* The URL and the image, absolute against the url option, else against
 * the page's own absolute URL. */
static void read_url_and_image(wn__meta_ctx *c, wn_metadata *m)
{
	const char *base = c->d->opt->url;
	m->url = resolve(c, base, c->canonical);
	if (!m->url)
		m->url = resolve(c, base, wn__meta_get(c, "og:url"));
	if (!m->url && base)
		m->url = keep_str(c, base);
	if (!base && m->url && strstr(m->url, "://"))
		base = m->url;
	if (c->article)
		m->image = resolve(c, base, wn__meta_ld_image(c, c->article, "image"));
	static const char *const KEYS[] = {
		"og:image",          "og:image:url",      "og:image:secure_url", "twitter:image",
		"twitter:image:src", "parsely-image-url", "sailthru:image:full", NULL,
	};
	for (const char *const *k = KEYS; *k && !m->image; k++)
		m->image = resolve(c, base, wn__meta_get(c, *k));
	if (!m->image)
		m->image = resolve(c, base, c->image_src);
	if (!m->image && c->page)
		m->image = resolve(c, base, wn__meta_ld_image(c, c->page, "image"));
}

/* What the page says it is, besides JSON-LD (jsonld.c): microdata
 * itemtype and og:type. */
static void read_schema(wn__meta_ctx *c)
{
	wn__doc *d = c->d;
	for (int32_t i = 0; i < d->n_nodes; i++) {
		const wn__node *x = &d->nodes[i];
		const char *t = x->kind == WN__NODE_ELEMENT ? wn__attr(x, "itemtype") : NULL;
		if (t)
			d->schema |= wn__meta_schema_of(t);
	}
	const char *og = wn__meta_get(c, "og:type");
	if (og && (!strcasecmp(og, "product") || !strncasecmp(og, "product.", 8) ||
	           !strcasecmp(og, "og:product")))
		d->schema |= WN__SCHEMA_PRODUCT;
	if (og && !strcasecmp(og, "article"))
		d->schema |= WN__SCHEMA_OG_ARTICLE;
}

/* The page's own data as text, for recovery when its markup holds none:
 * the article's body in JSON-LD, and a description (before the excerpt,
 * which comes from the body). */
static void read_data(wn__meta_ctx *c, const wn_metadata *m)
{
	if (c->article) {
		const char *b = wn__meta_ld_str(c->article, "articleBody");
		if (!b)
			b = wn__meta_ld_str(c->article, "text");
		c->d->data_text = b ? wn__meta_keep_text(c, b) : NULL;
	}
	c->d->data_about = m->description;
}

/* Tags and categories: the first source that has any. */
static void read_lists(wn__meta_ctx *c, wn_metadata *m)
{
	wn__meta_list tags = {0}, cats = {0};
	if (c->article)
		wn__meta_ld_list(c, &tags, c->article, "keywords");
	static const char *const KEYS[] = {
		"article:tag", "parsely-tags", "sailthru:tags", "news_keywords", "keywords", NULL,
	};
	for (const char *const *k = KEYS; *k && !tags.n; k++)
		wn__meta_get_list(c, &tags, *k);
	if (c->article)
		wn__meta_ld_list(c, &cats, c->article, "articleSection");
	if (!cats.n)
		wn__meta_get_list(c, &cats, "article:section");
	if (!cats.n)
		wn__meta_get_list(c, &cats, "parsely-section");
	m->tags = tags.v;
	m->n_tags = tags.n;
	m->categories = cats.v;
	m->n_categories = cats.n;
}

void wn__metadata(wn__doc *d)
{
	wn__meta_ctx c;
	memset(&c, 0, sizeof c);
	c.d = d;
	c.a = &d->arena;
	c.h1_node = -1;
	wn_metadata *m = &d->meta;
	memset(m, 0, sizeof *m);
	read_doc_title(d);
	if (!d->nodes || !d->n_nodes)
		return;
	c.text = wn__arena_alloc(c.a, (size_t)d->n_nodes * sizeof *c.text);
	c.bits = wn__arena_alloc(c.a, (size_t)d->n_nodes);
	count_chars(&c);
	wn__meta_collect(&c);
	wn__meta_found f;
	memset(&f, 0, sizeof f);
	wn__meta_scan_body(&c, &f);

	read_sitename(&c, m);
	read_site_names(&c, m);
	read_title(&c, &f, m);
	read_author(&c, &f, m);
	read_date(&c, &f, m);
	read_modified(&c, &f, m);
	/* a page that gives only its last change's date ("Updated May 4,
	 * 2021", article:modified_time): that is the date it is known by
	 * (trafilatura's default) */
	if (!m->date)
		m->date = m->modified;
	/* none in the page's data nor near its top: a line anywhere in its
	 * text that opens with a date label ("Posted on April 13, 2023" under
	 * the post) */
	offer(&c, &m->date, f.late_date);
	shown_date(&c, &f, m);
	read_description(&c, m);
	read_language(&c, m);
	read_url_and_image(&c, m);
	read_lists(&c, m);
	read_schema(&c);
	read_data(&c, m);
	wn__meta_ld_free(&c);

	wn__meta_mark_lines(&c);
	/* after the marking, so that a byline is not the excerpt */
	if (!m->description)
		offer(&c, &m->description, wn__meta_excerpt(&c));
	wn__buf_free(&c.buf);
}
