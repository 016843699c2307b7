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
 *  Description: when no source has one, the first paragraph of the
 *  article (Readability.js's excerpt).  URL: rel=canonical, og:url, the url
 *  option.  Language: <html lang>, Content-Language, dc.language,
 *  og:locale.  Nothing is made up: a field no source has stays NULL.
 *
 * This file merges the sources into d->meta and holds the helpers the
 * others share; the sources are read by metadata_jsonld.c (1, 5),
 * metadata_tags.c (2-4, language, URL), metadata_body.c with
 * metadata_byline.c (6-8, the marking, the excerpt) and metadata_title.c
 * (9), dates by metadata_date.c.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "base/url.h"
#include "metadata/meta.h"

/* Readability.js takes JSON-LD's headline over its name when only the
 * headline is this similar to the <title> (its textSimilarity). */
#define META_TITLE_SIMILAR 0.75

/* ---- small string helpers ---- */

int wn__meta_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* White space as wn__is_space_cp has it, for ASCII. */
static int ascii_space(int ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
}

/* Appends a UTF-8 encoding of cp. */
static void put_cp(wn__buf *b, int32_t cp)
{
	char u[4];
	int n;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	wn__buf_put(b, u, (size_t)n);
}

/* Character references left in a value after the parser's pass: many
 * sites escape their meta content twice (after Readability.js's
 * unescapeHtmlEntities: the five named ones and numeric ones). */
static void unescape(wn__buf *out, const char *s, size_t n)
{
	static const struct { const char *name; char c; } NAMED[] = {
		{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'},
		{"apos;", '\''},
	};
	for (size_t i = 0; i < n;) {
		const char *amp = memchr(s + i, '&', n - i);
		if (amp != s + i) {
			size_t run = amp ? (size_t)(amp - (s + i)) : n - i;
			wn__buf_put(out, s + i, run);
			i += run;
			continue;
		}
		int done = 0;
		for (size_t k = 0; k < sizeof NAMED / sizeof *NAMED && !done; k++) {
			size_t l = strlen(NAMED[k].name);
			if (i + 1 + l <= n && !memcmp(s + i + 1, NAMED[k].name, l)) {
				wn__buf_putc(out, NAMED[k].c);
				i += 1 + l;
				done = 1;
			}
		}
		if (!done && i + 2 < n && s[i + 1] == '#') {
			size_t j = i + 2;
			int hex = s[j] == 'x' || s[j] == 'X';
			if (hex)
				j++;
			size_t start = j;
			unsigned long v = 0;
			for (; j < n; j++) {
				int ch = (unsigned char)s[j];
				unsigned dg;
				if (isdigit(ch))
					dg = (unsigned)(ch - '0');
				else if (hex && isxdigit(ch))
					dg = (unsigned)(tolower(ch) - 'a' + 10);
				else
					break;
				if (v <= 0x10FFFF) /* larger is U+FFFD anyway */
					v = v * (hex ? 16 : 10) + dg;
			}
			if (j > start && j < n && s[j] == ';') {
				if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
					v = 0xFFFD;
				put_cp(out, (int32_t)v);
				i = j + 1;
				done = 1;
			}
		}
		if (!done)
			wn__buf_putc(out, s[i++]);
	}
}

/* A value as the result keeps it: references unescaped, white space
 * collapsed and trimmed, cut at WN__META_VALUE_MAX; NULL when empty. */
const char *wn__meta_keep(wn__meta_ctx *c, const char *s, size_t n)
{
	if (!s)
		return NULL;
	wn__buf u = {0};
	unescape(&u, s, n);
	/* never longer than u: written in place */
	char *o = u.data;
	size_t len = 0;
	int space = 1;
	for (size_t i = 0; i < u.len;) {
		int32_t cp = (unsigned char)u.data[i];
		int k = 1;
		if (cp >= 0x80)
			k = wn__utf8_next(u.data + i, u.len - i, &cp);
		if (cp < 0x80 ? ascii_space(cp) : wn__is_space_cp(cp)) {
			if (!space)
				o[len++] = ' ';
			space = 1;
		} else if (cp >= 0x20 || cp == 0xFFFD) {
			if (len + (size_t)k > WN__META_VALUE_MAX)
				break;
			memmove(o + len, u.data + i, (size_t)k);
			len += (size_t)k;
			space = 0;
		}
		i += (size_t)k;
	}
	while (len && o[len - 1] == ' ')
		len--;
	const char *r = len ? wn__arena_strndup(&c->d->keep, o, len) : NULL;
	wn__buf_free(&u);
	return r;
}

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

/* ---- the text of a subtree ---- */

/* What an element's start or end puts between the words around it:
 * 0 nothing, 1 a space, 2 a line break. */
static int boundary(const wn__node *x, int lines)
{
	if (x->kind != WN__NODE_ELEMENT)
		return 0;
	if ((x->flags & WN__NF_BLOCK) || x->tag == GUMBO_TAG_BR)
		return lines ? 2 : 1;
	return lines;
}

/* Appends a text node's words, each run of white space (as
 * wn__is_space_cp says) and each pending boundary one separator, none
 * before the first word.  ASCII goes by runs, the rest by code point;
 * the output is never longer than the text and one separator. */
static void put_words(wn__buf *b, const char *s, int *pending)
{
	size_t n = strlen(s);
	wn__buf_grow(b, n + 1);
	char *o = b->data + b->len;
	for (size_t k = 0; k < n;) {
		int ch = (unsigned char)s[k];
		size_t l = 1;
		if (ascii_space(ch)) {
			if (!*pending)
				*pending = 1;
			k += strspn(s + k, " \t\n\r\f"); /* indentation is most of it */
			continue;
		}
		if (ch < 0x80) {
			while (k + l < n && (unsigned char)s[k + l] < 0x80 &&
			       !ascii_space((unsigned char)s[k + l]))
				l++;
		} else {
			int32_t cp;
			l = (size_t)wn__utf8_next(s + k, n - k, &cp);
			if (wn__is_space_cp(cp)) {
				if (!*pending)
					*pending = 1;
				k += l;
				continue;
			}
		}
		if (*pending && o != b->data)
			*o++ = *pending == 2 ? '\n' : ' ';
		*pending = 0;
		memcpy(o, s + k, l);
		o += l;
		k += l;
	}
	b->len = (size_t)(o - b->data);
	b->data[b->len] = 0;
}

/* The text of root's subtree, removed subtrees skipped, white space
 * collapsed (as wn__subtree_text): block and <br> boundaries are a
 * space, or with lines a line break and other element boundaries a
 * space.  One loop over the flat nodes, no stack: the elements that end
 * between two nodes are the last node's ancestors that end before the
 * next. */
static const char *subtree_text(wn__meta_ctx *c, int32_t root, int lines)
{
	const wn__node *nodes = c->d->nodes;
	wn__buf *b = &c->buf;
	int pending = 0;
	int32_t last = root;
	b->len = 0;
	for (int32_t i = root; i < nodes[root].end; i++) {
		const wn__node *x = &nodes[i];
		if (x->flags & WN__NF_REMOVED) {
			i = x->end - 1;
			continue;
		}
		for (int32_t p = last; p != root && nodes[p].end <= i;
		     p = nodes[p].parent)
			if (boundary(&nodes[p], lines) > pending)
				pending = boundary(&nodes[p], lines);
		last = i;
		if (x->kind == WN__NODE_ELEMENT) {
			if (boundary(x, lines) > pending)
				pending = boundary(x, lines);
			continue;
		}
		put_words(b, x->g->v.text.text, &pending);
	}
	return wn__arena_strndup(c->a, b->data ? b->data : "", b->len);
}

/* Read again and again (an h1, a line by scan and by marking): kept per
 * node. */
const char *wn__meta_text(wn__meta_ctx *c, int32_t i)
{
	if (!c->text[i])
		c->text[i] = subtree_text(c, i, 0);
	return c->text[i];
}

const char *wn__meta_text_lines(wn__meta_ctx *c, int32_t i)
{
	return subtree_text(c, i, 1);
}

int wn__meta_has_token(const char *list, const char *tok)
{
	size_t n = strlen(tok);
	for (const char *p = list; p && *p;) {
		while (*p && wn__meta_is_space((unsigned char)*p))
			p++;
		const char *e = p;
		while (*e && !wn__meta_is_space((unsigned char)*e))
			e++;
		if ((size_t)(e - p) == n && !strncasecmp(p, tok, n))
			return 1;
		p = e;
	}
	return 0;
}

/* ref made absolute against base, when there is one (RFC 3986). */
static const char *resolve(wn__meta_ctx *c, const char *base, const char *ref)
{
	if (!ref)
		return NULL;
	while (wn__meta_is_space((unsigned char)*ref))
		ref++;
	if (!*ref || !strncasecmp(ref, "data:", 5) ||
	    !strncasecmp(ref, "javascript:", 11))
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

/* ---- lists: tags and categories ---- */

void wn__meta_list_add(wn__meta_ctx *c, wn__meta_list *l, const char *s, size_t n)
{
	while (n && wn__meta_is_space((unsigned char)*s))
		s++, n--;
	while (n && wn__meta_is_space((unsigned char)s[n - 1]))
		n--;
	if (!n || l->n >= WN__META_LIST_MAX)
		return;
	const char *v = wn__meta_keep(c, s, n);
	if (!v)
		return;
	for (size_t k = 0; k < l->n; k++)
		if (!strcasecmp(l->v[k], v))
			return;
	if (!l->v)
		l->v = wn__arena_alloc(&c->d->keep, WN__META_LIST_MAX * sizeof *l->v);
	l->v[l->n++] = v;
}

/* Comma-separated words ("keywords" content), split after references
 * are unescaped ("&quot;" holds a ';'). */
void wn__meta_list_split(wn__meta_ctx *c, wn__meta_list *l, const char *s)
{
	wn__buf u = {0};
	if (!s)
		return;
	unescape(&u, s, strlen(s));
	for (const char *p = u.data; p && *p;) {
		size_t n = strcspn(p, ",;");
		wn__meta_list_add(c, l, p, n);
		p += n;
		if (*p)
			p++;
	}
	wn__buf_free(&u);
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
			n += *p > ' ' ? (*p & 0xC0) != 0x80
			              : *p != ' ' && (*p < '\t' || *p > '\r');
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
static void read_title(wn__doc *d)
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

void wn__metadata(wn__doc *d)
{
	wn__meta_ctx c;
	memset(&c, 0, sizeof c);
	c.d = d;
	c.a = &d->arena;
	c.h1_node = -1;
	wn_metadata *m = &d->meta;
	memset(m, 0, sizeof *m);
	read_title(d);
	if (!d->nodes || !d->n_nodes)
		return;
	c.text = wn__arena_alloc(c.a, (size_t)d->n_nodes * sizeof *c.text);
	c.bits = wn__arena_alloc(c.a, (size_t)d->n_nodes);
	count_chars(&c);
	wn__meta_collect(&c);
	wn__meta_found f;
	memset(&f, 0, sizeof f);
	wn__meta_scan_body(&c, &f);
	struct json_t *art = c.article, *page = c.page;
	wn__buf b = {0};

	/* site name */
	if (art)
		offer(&c, &m->sitename, wn__meta_ld_name(&c, art, "publisher"));
	offer(&c, &m->sitename, wn__meta_get(&c, "og:site_name"));
	if (c.site)
		offer(&c, &m->sitename, wn__meta_ld_str(c.site, "name"));
	offer(&c, &m->sitename, wn__meta_get(&c, "application-name"));
	offer(&c, &m->sitename, wn__meta_get(&c, "dc:publisher"));

	/* title */
	const char *og_title = wn__meta_get(&c, "og:title");
	if (art) {
		const char *name = wn__meta_ld_str(art, "name");
		const char *head = wn__meta_ld_str(art, "headline");
		if (name && head && strcmp(name, head)) {
			/* Readability.js: some sites put their own name in
			 * "name"; the headline wins when it, and only it, is
			 * like the page's title. */
			const char *tt = wn__meta_title_tag(&c, m->sitename, og_title);
			tt = tt ? tt : "";
			int hm = wn__meta_similarity(&c, head, tt) > META_TITLE_SIMILAR;
			int nm = wn__meta_similarity(&c, name, tt) > META_TITLE_SIMILAR;
			offer(&c, &m->title, hm && !nm ? head : name);
		}
		offer(&c, &m->title, name);
		offer(&c, &m->title, head);
	}
	static const char *const TITLE_KEYS[] = {
		"dc:title", "dcterms:title", "og:title", "title", "twitter:title",
		"parsely-title", "sailthru:title", "citation_title", NULL,
	};
	for (const char *const *k = TITLE_KEYS; *k; k++)
		offer(&c, &m->title, wn__meta_get(&c, *k));
	if (page) {
		offer(&c, &m->title, wn__meta_ld_str(page, "headline"));
		offer(&c, &m->title, wn__meta_ld_str(page, "name"));
	}
	offer(&c, &m->title, f.headline);
	offer(&c, &m->title, wn__meta_title_tag(&c, m->sitename, og_title));
	/* "Headline | Site" in og:title too: the site's name goes */
	m->title = wn__meta_strip_site(&c, m->title, m->sitename);

	/* author */
	if (art) {
		wn__meta_ld_names(&c, art, "author", &b);
		if (b.len)
			offer_author(&c, &m->author, b.data);
	}
	static const char *const AUTHOR_KEYS[] = {
		"dc:creator", "dcterms:creator", "author", "parsely-author",
		"article:author", "sailthru:author", "citation_author", NULL,
	};
	for (const char *const *k = AUTHOR_KEYS; *k; k++)
		offer_author(&c, &m->author, wn__meta_get_all(&c, *k));
	if (page) {
		b.len = 0;
		wn__meta_ld_names(&c, page, "author", &b);
		if (b.len)
			offer_author(&c, &m->author, b.data);
	}
	offer(&c, &m->author, f.author);
	if (f.rel_author)
		offer(&c, &m->author, wn__meta_clean_byline(&c, f.rel_author));
	if (f.byline)
		offer(&c, &m->author, wn__meta_clean_byline(&c, f.byline));
	offer(&c, &m->author, f.by_text);

	/* dates */
	if (art)
		offer_date(&c, &m->date, wn__meta_ld_str(art, "datePublished"));
	static const char *const DATE_KEYS[] = {
		"article:published_time", "parsely-pub-date", "article:published",
		"og:published_time", "dc:date:issued", "dcterms:issued",
		"dcterms:created", "dc:date", "dcterms:date",
		"citation_publication_date", "citation_date",
		"citation_online_date", "sailthru:date", "pubdate", "publishdate",
		"publish-date", "publish_date", "publication_date", "date",
		"datepublished", NULL,
	};
	for (const char *const *k = DATE_KEYS; *k; k++)
		offer_date(&c, &m->date, wn__meta_get(&c, *k));
	if (page)
		offer_date(&c, &m->date, wn__meta_ld_str(page, "datePublished"));
	if (art)
		offer_date(&c, &m->date, wn__meta_ld_str(art, "dateCreated"));
	offer_date(&c, &m->date, f.published);
	offer_date(&c, &m->date, f.time_attr);
	offer(&c, &m->date, f.date_line);
	offer(&c, &m->date, f.date_text);

	if (art)
		offer_date(&c, &m->modified, wn__meta_ld_str(art, "dateModified"));
	static const char *const MOD_KEYS[] = {
		"article:modified_time", "og:updated_time", "dcterms:modified",
		"dc:date:modified", "last-modified", "lastmod", NULL,
	};
	for (const char *const *k = MOD_KEYS; *k; k++)
		offer_date(&c, &m->modified, wn__meta_get(&c, *k));
	if (page)
		offer_date(&c, &m->modified, wn__meta_ld_str(page, "dateModified"));
	offer_date(&c, &m->modified, f.modified);

	/* description */
	if (art)
		offer(&c, &m->description, wn__meta_ld_str(art, "description"));
	static const char *const DESC_KEYS[] = {
		"dc:description", "dcterms:description", "og:description",
		"description", "twitter:description", "sailthru:description",
		NULL,
	};
	for (const char *const *k = DESC_KEYS; *k; k++)
		offer(&c, &m->description, wn__meta_get(&c, *k));
	if (page)
		offer(&c, &m->description, wn__meta_ld_str(page, "description"));

	/* language */
	static const char *const LANG_KEYS[] = {
		"http-equiv:content-language", "language", "dc:language",
		"dcterms:language", "og:locale", NULL,
	};
	m->language = wn__meta_bcp47(&c, c.lang);
	for (const char *const *k = LANG_KEYS; *k && !m->language; k++)
		m->language = wn__meta_bcp47(&c, wn__meta_get(&c, *k));
	if (!m->language && art)
		m->language = wn__meta_bcp47(&c, wn__meta_ld_str(art, "inLanguage"));

	/* url and image, absolute against the url option */
	const char *base = d->opt->url;
	m->url = resolve(&c, base, c.canonical);
	if (!m->url)
		m->url = resolve(&c, base, wn__meta_get(&c, "og:url"));
	if (!m->url && base)
		m->url = keep_str(&c, base);
	if (!base && m->url && strstr(m->url, "://"))
		base = m->url;
	if (art)
		m->image = resolve(&c, base, wn__meta_ld_image(&c, art, "image"));
	static const char *const IMAGE_KEYS[] = {
		"og:image", "og:image:url", "og:image:secure_url", "twitter:image",
		"twitter:image:src", "parsely-image-url", "sailthru:image:full",
		NULL,
	};
	for (const char *const *k = IMAGE_KEYS; *k && !m->image; k++)
		m->image = resolve(&c, base, wn__meta_get(&c, *k));
	if (!m->image)
		m->image = resolve(&c, base, c.image_src);
	if (!m->image && page)
		m->image = resolve(&c, base, wn__meta_ld_image(&c, page, "image"));

	/* tags and categories: the first source that has any */
	wn__meta_list tags = {0}, cats = {0};
	if (art)
		wn__meta_ld_list(&c, &tags, art, "keywords");
	static const char *const TAG_KEYS[] = {
		"article:tag", "parsely-tags", "sailthru:tags", "news_keywords",
		"keywords", NULL,
	};
	for (const char *const *k = TAG_KEYS; *k && !tags.n; k++)
		wn__meta_get_list(&c, &tags, *k);
	if (art)
		wn__meta_ld_list(&c, &cats, art, "articleSection");
	if (!cats.n)
		wn__meta_get_list(&c, &cats, "article:section");
	if (!cats.n)
		wn__meta_get_list(&c, &cats, "parsely-section");
	m->tags = tags.v;
	m->n_tags = tags.n;
	m->categories = cats.v;
	m->n_categories = cats.n;

	wn__buf_free(&b);
	wn__meta_ld_free(&c);

	wn__meta_mark_lines(&c);
	/* after the marking, so that a byline is not the excerpt */
	if (!m->description)
		offer(&c, &m->description, wn__meta_excerpt(&c));
	wn__buf_free(&c.buf);
}
