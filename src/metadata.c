/*
 * metadata.c -- the metadata stage: what the page says about itself (title,
 * author, dates, site, description, language, URL, image, tags and
 * categories) into d->meta, and the byline and date lines inside the content
 * marked WN_NF_META so that the body does not repeat them.
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
 * JSON-LD is read with jansson; a script that does not parse is skipped.
 * Nesting is walked with an explicit stack, at most META_LD_DEPTH deep.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "internal.h"

/* ---- thresholds ---- */
/* Byline and date lines are short: longer elements are never marked
 * WN_NF_META, whatever their class says. */
#define META_LINE_MAX 120
/* A byline element's text, as Readability.js's isValidByline (< 100). */
#define META_BYLINE_MAX 100
/* "By Jane Doe" without a byline class counts only this many characters
 * of text after the h1 (or the start of the body): near the top. */
#define META_TOP_CHARS 1500
/* More byline (or date) lines than this outside comments: a listing,
 * whose teasers' bylines are their text, not the page's metadata. */
#define META_LISTING 3
/* A name has at most this many words ("Bruno Henrique Zecchin Rodrigues"). */
#define META_NAME_WORDS 6
/* A byline or date line is a few elements: larger subtrees are not read
 * as one (which also keeps the stage linear on deeply nested pages). */
#define META_LINE_NODES 64
/* How deep JSON-LD is walked for objects and @id targets. */
#define META_LD_DEPTH 32
/* At most this many JSON-LD objects are read per page (a @graph of a
 * few dozen is usual): @id lookups stay cheap. */
#define META_LD_OBJECTS 4096
/* Readability.js takes JSON-LD's headline over its name when only the
 * headline is this similar to the <title> (its textSimilarity). */
#define META_TITLE_SIMILAR 0.75
/* Titles compared word by word are cut at this many bytes. */
#define META_TITLE_MAX 1024
/* Values longer than this are not metadata (a whole article in a
 * description tag is cut here, at a character boundary). */
#define META_VALUE_MAX 4096
/* At most this many tags or categories. */
#define META_LIST_MAX 64

/* ---- the <meta> tags, keys normalised: lower case, '.' -> ':' ---- */
typedef struct mentry {
	char *key;
	const char *val;
	int prop; /* from property= (RDFa, as OpenGraph means it), not name= */
} mentry;

typedef struct ld_obj {
	json_t *o;
	int kind; /* LD_ARTICLE, LD_PAGE, LD_SITE, LD_OTHER */
} ld_obj;

enum { LD_OTHER = 0, LD_ARTICLE, LD_PAGE, LD_SITE };

typedef struct mctx {
	wn_doc *d;
	wn_arena *a; /* working memory */
	mentry *metas;
	size_t n_metas, cap_metas;
	json_t **roots; /* parsed JSON-LD scripts, freed at the end */
	size_t n_roots, cap_roots;
	ld_obj *objs; /* typed objects in document order */
	size_t n_objs, cap_objs;
	json_t *article, *page, *site;
	const char *lang, *canonical, *image_src;
	const char *h1;    /* text of the first h1 */
	int n_h1;
	int32_t h1_node;   /* the first h1's node, or -1 */
	int32_t *chars;    /* characters of text in each node's subtree */
} mctx;

/* ---- small string helpers ---- */

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* Appends a UTF-8 encoding of cp. */
static void put_cp(wn_buf *b, int32_t cp)
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
static void unescape(wn_buf *out, const char *s, size_t n)
{
	static const struct { const char *name; char c; } NAMED[] = {
		{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'},
		{"apos;", '\''},
	};
	for (size_t i = 0; i < n;) {
		if (s[i] != '&') {
			wn__buf_putc(out, s[i++]);
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
 * collapsed and trimmed, cut at META_VALUE_MAX; NULL when empty. */
static const char *keep_value(mctx *c, const char *s, size_t n)
{
	if (!s)
		return NULL;
	wn_buf u = {0}, b = {0};
	unescape(&u, s, n);
	int space = 1;
	for (size_t i = 0; i < u.len;) {
		int32_t cp;
		int k = wn__utf8_next(u.data + i, u.len - i, &cp);
		if (wn__is_space_cp(cp)) {
			if (!space)
				wn__buf_putc(&b, ' ');
			space = 1;
		} else if (cp >= 0x20 || cp == 0xFFFD) {
			if (b.len + (size_t)k > META_VALUE_MAX)
				break;
			wn__buf_put(&b, u.data + i, (size_t)k);
			space = 0;
		}
		i += (size_t)k;
	}
	while (b.len && b.data[b.len - 1] == ' ')
		b.len--;
	const char *r = b.len ? wn__arena_strndup(&c->d->keep, b.data, b.len) : NULL;
	wn__buf_free(&u);
	wn__buf_free(&b);
	return r;
}

static const char *keep_str(mctx *c, const char *s)
{
	return s ? keep_value(c, s, strlen(s)) : NULL;
}

static size_t by_word(const char *s);

/* An author as a page wrote it, less a leading "By " (some put their
 * byline's words in <meta name=author>). */
static void offer_author(mctx *c, const char **field, const char *v)
{
	if (*field || !v)
		return;
	while (is_space((unsigned char)*v))
		v++;
	size_t b = by_word(v); /* only "By", "Written by": "Von" is a name too */
	if (b && v[b] && b >= 3 && !strncasecmp(v + b - 3 - (v[b - 2] == ':'), "by", 2))
		v += b;
	*field = keep_str(c, v);
}

/* Sets *field to v (kept) unless it is set already. */
static void offer(mctx *c, const char **field, const char *v)
{
	if (!*field && v)
		*field = keep_str(c, v);
}

/* The text of a node's subtree, collapsed, in the working arena. */
static const char *node_text(mctx *c, int32_t i)
{
	wn_buf b = {0};
	wn__subtree_text(c->d, i, &b);
	const char *r = wn__arena_strndup(c->a, b.data ? b.data : "", b.len);
	wn__buf_free(&b);
	return r;
}

/* The text of a node's subtree for reading a byline: element boundaries
 * count as spaces ("by <b>Jane</b><span>4 Dec</span>" is not "Jane4 Dec")
 * and block boundaries as line breaks. */
static const char *node_text_lines(mctx *c, int32_t root)
{
	wn_buf b = {0};
	wn_walk w;
	int32_t i;
	int leave, pending = 0; /* 0 none, 1 space, 2 line break */
	wn__walk_init(&w, c->d, root, WN_NF_REMOVED);
	while (wn__walk_next(&w, &i, &leave)) {
		const wn_node *x = &c->d->nodes[i];
		if (x->kind == WN_NODE_ELEMENT) {
			int brk = (x->flags & WN_NF_BLOCK) || x->tag == GUMBO_TAG_BR ? 2 : 1;
			if (brk > pending)
				pending = brk;
			continue;
		}
		const char *s = x->g->v.text.text;
		size_t n = strlen(s);
		for (size_t k = 0; k < n;) {
			int32_t cp;
			int l = wn__utf8_next(s + k, n - k, &cp);
			if (wn__is_space_cp(cp)) {
				if (!pending)
					pending = 1;
			} else {
				if (pending && b.len)
					wn__buf_putc(&b, pending == 2 ? '\n' : ' ');
				pending = 0;
				wn__buf_put(&b, s + k, (size_t)l);
			}
			k += (size_t)l;
		}
	}
	wn__walk_free(&w);
	const char *r = wn__arena_strndup(c->a, b.data ? b.data : "", b.len);
	wn__buf_free(&b);
	return r;
}

static int has_token(const char *list, const char *tok)
{
	size_t n = strlen(tok);
	for (const char *p = list; p && *p;) {
		while (*p && is_space((unsigned char)*p))
			p++;
		const char *e = p;
		while (*e && !is_space((unsigned char)*e))
			e++;
		if ((size_t)(e - p) == n && !strncasecmp(p, tok, n))
			return 1;
		p = e;
	}
	return 0;
}

/* strcasestr, which C11 and POSIX lack (ASCII case only). */
static const char *find_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return hay;
	return NULL;
}

static int looks_like_url(const char *s)
{
	return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8) ||
	       !strncmp(s, "//", 2) || !strncasecmp(s, "www.", 4);
}

/* ---- collecting: <meta>, <link>, <html lang>, h1, JSON-LD scripts ---- */

static void add_meta(mctx *c, const char *key, size_t n, const char *val, int prop)
{
	if (!n || !val)
		return;
	if (c->n_metas == c->cap_metas) {
		size_t cap = c->cap_metas ? c->cap_metas * 2 : 64;
		mentry *m = wn__arena_alloc(c->a, cap * sizeof *m);
		if (c->n_metas)
			memcpy(m, c->metas, c->n_metas * sizeof *m);
		c->metas = m;
		c->cap_metas = cap;
	}
	char *k = wn__arena_strndup(c->a, key, n);
	for (char *p = k; *p; p++)
		*p = *p == '.' ? ':' : (char)tolower((unsigned char)*p);
	/* "og:article:author" is article:author written with a prefix */
	if (!strncmp(k, "og:article:", 11))
		k += 3;
	c->metas[c->n_metas++] = (mentry){k, val, prop};
}

static void collect_meta(mctx *c, const wn_node *x)
{
	const char *content = wn__attr(x, "content");
	if (!content)
		return;
	/* property is a space-separated list (RDFa); name is one name. */
	const char *prop = wn__attr(x, "property");
	for (const char *p = prop; p && *p;) {
		while (*p && is_space((unsigned char)*p))
			p++;
		const char *e = p;
		while (*e && !is_space((unsigned char)*e))
			e++;
		add_meta(c, p, (size_t)(e - p), content, 1);
		p = e;
	}
	const char *name = wn__attr(x, "name");
	if (name) {
		while (is_space((unsigned char)*name))
			name++;
		size_t n = strlen(name);
		while (n && is_space((unsigned char)name[n - 1]))
			n--;
		add_meta(c, name, n, content, 0);
	}
	const char *eq = wn__attr(x, "http-equiv");
	if (eq && !strcasecmp(eq, "content-language"))
		add_meta(c, "http-equiv:content-language", 27, content, 0);
}

/* The value of a meta key: the first from property=, else the first from
 * name= (Readability.js lets the later one win; for one key both forms
 * appear on pages that copy tags, and property is what OpenGraph means). */
static const char *mget(const mctx *c, const char *key)
{
	const char *byname = NULL;
	for (size_t i = 0; i < c->n_metas; i++) {
		const mentry *m = &c->metas[i];
		if (strcmp(m->key, key))
			continue;
		const char *v = m->val;
		while (is_space((unsigned char)*v))
			v++;
		if (!*v)
			continue;
		if (m->prop)
			return v;
		if (!byname)
			byname = v;
	}
	return byname;
}

/* The JSON-LD script's text, with the <!-- / CDATA wrappers some pages
 * put around it taken off. */
static void script_text(const wn_node *x, wn_buf *b)
{
	const GumboVector *kids = &x->g->v.element.children;
	for (unsigned k = 0; k < kids->length; k++) {
		const GumboNode *g = kids->data[k];
		if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_CDATA ||
		    g->type == GUMBO_NODE_WHITESPACE)
			wn__buf_puts(b, g->v.text.text);
	}
}

static const char *strip_wrappers(const char *s, size_t *n)
{
	static const char *const HEAD[] = {"<!--", "//<![CDATA[", "<![CDATA["};
	static const char *const TAIL[] = {"-->", "//]]>", "]]>"};
	const char *e = s + *n;
	for (int again = 1; again;) {
		again = 0;
		while (s < e && is_space((unsigned char)*s))
			s++;
		while (e > s && is_space((unsigned char)e[-1]))
			e--;
		for (size_t k = 0; k < 3; k++) {
			size_t l = strlen(HEAD[k]);
			if ((size_t)(e - s) >= l && !memcmp(s, HEAD[k], l)) {
				s += l;
				again = 1;
			}
			l = strlen(TAIL[k]);
			if ((size_t)(e - s) >= l && !memcmp(e - l, TAIL[k], l)) {
				e -= l;
				again = 1;
			}
		}
	}
	*n = (size_t)(e - s);
	return s;
}

/* ---- JSON-LD ---- */

/* "http://schema.org/NewsArticle" or "schema:NewsArticle" -> "NewsArticle" */
static const char *bare_type(const char *t)
{
	const char *slash = strrchr(t, '/');
	if (slash)
		t = slash + 1;
	const char *colon = strrchr(t, ':');
	return colon ? colon + 1 : t;
}

static int type_kind(const char *t)
{
	/* schema.org's CreativeWork > Article family, as Readability.js's
	 * jsonLdArticleTypes. */
	static const char *const ARTICLE[] = {
		"Article", "AdvertiserContentArticle", "NewsArticle",
		"AnalysisNewsArticle", "AskPublicNewsArticle",
		"BackgroundNewsArticle", "OpinionNewsArticle",
		"ReportageNewsArticle", "ReviewNewsArticle", "Report",
		"SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
		"SocialMediaPosting", "BlogPosting", "LiveBlogPosting",
		"DiscussionForumPosting", "TechArticle", "APIReference",
	};
	t = bare_type(t);
	for (size_t k = 0; k < sizeof ARTICLE / sizeof *ARTICLE; k++)
		if (!strcmp(t, ARTICLE[k]))
			return LD_ARTICLE;
	size_t n = strlen(t);
	if (n >= 4 && !strcmp(t + n - 4, "Page"))
		return LD_PAGE; /* WebPage, ItemPage, AboutPage, FAQPage ... */
	if (!strcmp(t, "WebSite"))
		return LD_SITE;
	return LD_OTHER;
}

static int obj_kind(json_t *o)
{
	json_t *t = json_object_get(o, "@type");
	int best = LD_OTHER;
	if (json_is_string(t))
		return type_kind(json_string_value(t));
	if (json_is_array(t)) {
		size_t k;
		json_t *v;
		json_array_foreach(t, k, v) {
			if (!json_is_string(v))
				continue;
			int kind = type_kind(json_string_value(v));
			if (kind == LD_ARTICLE)
				return kind;
			if (kind != LD_OTHER && best == LD_OTHER)
				best = kind;
		}
	}
	return best;
}

static void add_obj(mctx *c, json_t *o)
{
	if (c->n_objs == c->cap_objs) {
		size_t cap = c->cap_objs ? c->cap_objs * 2 : 16;
		ld_obj *m = wn__arena_alloc(c->a, cap * sizeof *m);
		if (c->n_objs)
			memcpy(m, c->objs, c->n_objs * sizeof *m);
		c->objs = m;
		c->cap_objs = cap;
	}
	c->objs[c->n_objs++] = (ld_obj){o, obj_kind(o)};
}

/* Every object of a parsed script, in document order, each once, down to
 * META_LD_DEPTH and up to META_LD_OBJECTS: the candidates for the article
 * and the targets of @id references. */
static void walk_ld(mctx *c, json_t *root)
{
	typedef struct { json_t *v; int depth; } item;
	size_t cap = 64, sp = 0, ncap = 16;
	item *st = wn__xmalloc(cap * sizeof *st);
	json_t **kids = wn__xmalloc(ncap * sizeof *kids);
	st[sp++] = (item){root, 0};
	while (sp && c->n_objs < META_LD_OBJECTS) {
		item it = st[--sp];
		if (it.depth >= META_LD_DEPTH)
			continue;
		size_t nk = 0, k;
		const char *key;
		json_t *v;
		if (json_is_object(it.v))
			add_obj(c, it.v);
		/* the containers inside, pushed in reverse so that they come
		 * off the stack in order */
		if (json_is_object(it.v)) {
			json_object_foreach(it.v, key, v) {
				if (!json_is_object(v) && !json_is_array(v))
					continue;
				if (nk == ncap)
					kids = wn__xrealloc(kids, (ncap *= 2) * sizeof *kids);
				kids[nk++] = v;
			}
		} else {
			json_array_foreach(it.v, k, v) {
				if (!json_is_object(v) && !json_is_array(v))
					continue;
				if (nk == ncap)
					kids = wn__xrealloc(kids, (ncap *= 2) * sizeof *kids);
				kids[nk++] = v;
			}
		}
		while (nk) {
			if (sp == cap)
				st = wn__xrealloc(st, (cap *= 2) * sizeof *st);
			st[sp++] = (item){kids[--nk], it.depth + 1};
		}
	}
	free(kids);
	free(st);
}

static void collect_ld(mctx *c, const wn_node *x)
{
	wn_buf b = {0};
	script_text(x, &b);
	size_t n = b.len;
	const char *s = strip_wrappers(b.data ? b.data : "", &n);
	json_error_t err;
	json_t *root = n ? json_loadb(s, n, JSON_DISABLE_EOF_CHECK, &err) : NULL;
	wn__buf_free(&b);
	if (!root)
		return; /* broken JSON-LD: skipped */
	if (c->n_roots == c->cap_roots) {
		c->cap_roots = c->cap_roots ? c->cap_roots * 2 : 8;
		c->roots = wn__xrealloc(c->roots, c->cap_roots * sizeof *c->roots);
	}
	c->roots[c->n_roots++] = root;
	walk_ld(c, root);
}

/* An object that only says {"@id": ...} stands for the object of that
 * @id elsewhere in the page's JSON-LD. */
static json_t *deref(const mctx *c, json_t *o)
{
	if (!json_is_object(o))
		return o;
	json_t *id = json_object_get(o, "@id");
	if (!json_is_string(id) || json_object_size(o) > 2)
		return o;
	for (size_t k = 0; k < c->n_objs; k++) {
		json_t *t = c->objs[k].o;
		if (t != o && json_object_size(t) > 1 &&
		    json_equal(json_object_get(t, "@id"), id))
			return t;
	}
	return o;
}

static const char *jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (json_is_array(v))
		v = json_array_get(v, 0);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A name: a string, or an object's "name". */
static const char *jname(const mctx *c, json_t *v)
{
	if (json_is_string(v))
		return json_string_value(v);
	v = deref(c, v);
	return json_is_object(v) ? jstr(v, "name") : NULL;
}

/* Names joined by "; ": a string, an object's name, or an array of
 * these (at most META_LIST_MAX); each name once. */
static void jnames(const mctx *c, json_t *v, wn_buf *b)
{
	const char *seen[META_LIST_MAX];
	size_t len[META_LIST_MAX], n_seen = 0;
	size_t n = json_is_array(v) ? json_array_size(v) : 1;
	for (size_t k = 0; k < n && k < META_LIST_MAX; k++) {
		const char *s = jname(c, json_is_array(v) ? json_array_get(v, k) : v);
		if (!s)
			continue;
		while (is_space((unsigned char)*s))
			s++;
		size_t l = strlen(s);
		while (l && is_space((unsigned char)s[l - 1]))
			l--;
		int dup = !l;
		for (size_t j = 0; j < n_seen && !dup; j++)
			dup = len[j] == l && !memcmp(seen[j], s, l);
		if (dup)
			continue;
		seen[n_seen] = s;
		len[n_seen++] = l;
		if (b->len)
			wn__buf_puts(b, "; ");
		wn__buf_put(b, s, l);
	}
}

/* An image: a URL string, an ImageObject's url or contentUrl, or the
 * first of an array. */
static const char *jimage(const mctx *c, json_t *v)
{
	for (int k = 0; k < 4 && v; k++) {
		if (json_is_array(v))
			v = json_array_get(v, 0);
		if (json_is_string(v))
			return json_string_value(v);
		v = deref(c, v);
		if (!json_is_object(v))
			return NULL;
		json_t *u = json_object_get(v, "url");
		v = u ? u : json_object_get(v, "contentUrl");
	}
	return NULL;
}

/* ---- token similarity, as Readability.js's textSimilarity: the share
 * of b's words (runs of ASCII letters and digits, lower case) that are
 * also in a, weighted by length. ---- */
static int next_token(const char **p, char *tok, size_t cap)
{
	const char *s = *p;
	while (*s && !(isalnum((unsigned char)*s) || *s == '_'))
		s++;
	size_t n = 0;
	while (isalnum((unsigned char)*s) || *s == '_') {
		if (n + 1 < cap)
			tok[n++] = (char)tolower((unsigned char)*s);
		s++;
	}
	tok[n] = 0;
	*p = s;
	return n > 0;
}

static int has_word(const char *text, const char *w)
{
	char tok[128];
	const char *p = text;
	while (next_token(&p, tok, sizeof tok))
		if (!strcmp(tok, w))
			return 1;
	return 0;
}

static double similarity(mctx *c, const char *a, const char *b)
{
	char tok[128];
	/* titles are short: longer text is cut, so that this stays cheap */
	a = wn__arena_strndup(c->a, a, strnlen(a, META_TITLE_MAX));
	b = wn__arena_strndup(c->a, b, strnlen(b, META_TITLE_MAX));
	const char *p = b;
	size_t all = 0, uniq = 0, n_all = 0, n_uniq = 0;
	if (!next_token(&p, tok, sizeof tok))
		return 0;
	p = a;
	if (!next_token(&p, tok, sizeof tok))
		return 0;
	for (p = b; next_token(&p, tok, sizeof tok);) {
		all += strlen(tok);
		n_all++;
		if (!has_word(a, tok)) {
			uniq += strlen(tok);
			n_uniq++;
		}
	}
	/* lengths of the words joined by single spaces */
	double la = (double)(all + n_all - 1);
	double lu = n_uniq ? (double)(uniq + n_uniq - 1) : 0;
	return 1 - lu / la;
}

/* ---- <title>, after Readability.js's getArticleTitle ---- */

static int word_count(const char *s)
{
	int n = 1; /* as JavaScript's split(/\s+/).length */
	for (const char *p = s; *p; p++)
		if (is_space((unsigned char)*p) &&
		    (p == s || !is_space((unsigned char)p[-1])))
			n++;
	return n;
}

/* Separators between a headline and the site's name, as " | ": the
 * first eight are Readability.js's, 5..8 its "hierarchical" ones. */
enum { SEP_HIER_FIRST = 5, SEP_READABILITY = 8 };

static int is_sep_at(const char *s, size_t *len)
{
	static const char *const SEPS[] = {"|", "-", "\xe2\x80\x93", "\xe2\x80\x94",
	                                   "\\", "/", ">", "\xc2\xbb", "::",
	                                   "\xc2\xb7"};
	if (*s != ' ')
		return 0;
	for (size_t k = 0; k < sizeof SEPS / sizeof *SEPS; k++) {
		size_t l = strlen(SEPS[k]);
		if (!strncmp(s + 1, SEPS[k], l) && s[1 + l] == ' ') {
			*len = l + 2;
			return (int)k + 1;
		}
	}
	return 0;
}

static int same_text(const char *a, size_t n, const char *b)
{
	return b && strlen(b) == n && !strncasecmp(a, b, n);
}

static const char *title_from_tag(mctx *c, const char *sitename, const char *og)
{
	const char *orig = c->d->title;
	size_t n = strlen(orig);
	if (!n)
		return c->n_h1 == 1 ? c->h1 : NULL;

	/* The last " | Site" part goes when what stays is the h1 or the
	 * og:title, or what goes is the site's name. */
	size_t last = 0, last_len = 0, rlast = 0, rseps = 0;
	int any = 0, hier = 0;
	for (size_t i = 0; i < n; i++) {
		size_t l;
		int k = is_sep_at(orig + i, &l);
		if (!k)
			continue;
		any = 1;
		last = i;
		last_len = l;
		if (k <= SEP_READABILITY) {
			rseps++;
			rlast = i;
			if (k >= SEP_HIER_FIRST)
				hier = 1;
		}
	}
	if (any) {
		const char *suffix = orig + last + last_len;
		if (same_text(orig, last, c->h1) || same_text(orig, last, og) ||
		    (sitename && !strcasecmp(suffix, sitename)))
			return wn__arena_strndup(c->a, orig, last);
	}

	/* Otherwise Readability.js's rule. */
	char *cur;
	if (rseps) {
		cur = wn__arena_strndup(c->a, orig, rlast);
		if (word_count(cur) < 3) {
			/* the first part goes instead, up to the first
			 * separator character */
			const char *p = orig;
			size_t l = 0;
			for (; *p; p++) {
				if (strchr("|-\\/>", *p)) {
					l = 1;
					break;
				}
				if (!strncmp(p, "\xe2\x80\x93", 3) ||
				    !strncmp(p, "\xe2\x80\x94", 3)) {
					l = 3;
					break;
				}
				if (!strncmp(p, "\xc2\xbb", 2)) {
					l = 2;
					break;
				}
			}
			cur = wn__arena_strndup(c->a, p + l, strlen(p + l));
		}
	} else if (strstr(orig, ": ")) {
		/* A heading holding exactly the title keeps it whole. */
		int match = 0;
		for (int32_t i = 0; i < c->d->n_nodes && !match; i++) {
			const wn_node *x = &c->d->nodes[i];
			if (x->tag == GUMBO_TAG_H1 || x->tag == GUMBO_TAG_H2)
				match = !strcmp(node_text(c, i), orig);
		}
		cur = (char *)orig;
		if (!match) {
			const char *lc = strrchr(orig, ':'), *fc = strchr(orig, ':');
			cur = wn__arena_strndup(c->a, lc + 1, strlen(lc + 1));
			if (word_count(cur) < 3) {
				cur = wn__arena_strndup(c->a, fc + 1, strlen(fc + 1));
			} else {
				char *head = wn__arena_strndup(c->a, orig, (size_t)(fc - orig));
				if (word_count(head) > 5)
					cur = (char *)orig;
			}
		}
	} else {
		cur = (char *)orig;
		size_t cps = 0;
		for (const char *p = orig; *p; p++)
			cps += ((unsigned char)*p & 0xC0) != 0x80;
		if ((cps > 150 || cps < 15) && c->n_h1 == 1)
			cur = (char *)c->h1;
	}
	while (is_space((unsigned char)*cur))
		cur++;
	int wc = word_count(cur);
	/* Four words or fewer: the whole title, unless a hierarchical
	 * separator cut exactly one part of one word. */
	if (wc <= 4 && (!hier || wc != word_count(orig) - 2 * (int)rseps - 1))
		return orig;
	return cur;
}

/* A title that still carries " | Site": the site part goes only when it
 * is the site's name.  t is kept (d->keep), and so is the result. */
static const char *strip_site(mctx *c, const char *t, const char *sitename)
{
	if (!t || !sitename)
		return t;
	size_t n = strlen(t), l;
	for (size_t i = n; i-- > 0;)
		if (is_sep_at(t + i, &l)) {
			if (i && !strcasecmp(t + i + l, sitename))
				return wn__arena_strndup(&c->d->keep, t, i);
			break;
		}
	return t;
}

/* ---- class, id and text evidence for byline and date lines ---- */

/* A subtree small enough to be one line: few nodes, little text. */
static int small(const mctx *c, int32_t i, int32_t max_chars)
{
	return c->d->nodes[i].end - i <= META_LINE_NODES && c->chars[i] > 0 &&
	       c->chars[i] < max_chars;
}

/* class and id of an element, lower case, in buf. */
static void class_id_text(const wn_node *x, char *buf, size_t cap)
{
	const char *cls = wn__attr(x, "class"), *id = wn__attr(x, "id");
	size_t o = 0;
	for (const char *s = cls; s && *s && o + 2 < cap; s++)
		buf[o++] = (char)tolower((unsigned char)*s);
	buf[o++] = ' ';
	for (const char *s = id; s && *s && o + 2 < cap; s++)
		buf[o++] = (char)tolower((unsigned char)*s);
	buf[o] = 0;
}

/* class, id, itemprop and rel of an element, lower case, in buf. */
static void attrs_text(const wn_node *x, char *buf, size_t cap)
{
	static const char *const NAMES[] = {"class", "id", "itemprop", "rel"};
	size_t o = 0;
	for (size_t k = 0; k < 4; k++) {
		const char *s = wn__attr(x, NAMES[k]);
		for (; s && *s && o + 2 < cap; s++)
			buf[o++] = (char)tolower((unsigned char)*s);
		if (o + 1 < cap)
			buf[o++] = ' ';
	}
	buf[o] = 0;
}

static int token_in(const char *hay, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = strstr(hay, w); p; p = strstr(p + 1, w)) {
		int before = p == hay || strchr(" -_", p[-1]);
		char e = p[n];
		if (before && (e == 0 || e == ' ' || e == '-' || e == '_'))
			return 1;
	}
	return 0;
}

/* Readability.js's byline pattern on class and id, rel=author and
 * itemprop author. */
static int says_byline(const wn_node *x)
{
	char buf[512];
	const char *rel = wn__attr(x, "rel"), *ip = wn__attr(x, "itemprop");
	if ((rel && has_token(rel, "author")) || (ip && strstr(ip, "author")))
		return 1;
	class_id_text(x, buf, sizeof buf);
	if (strstr(buf, "byline") || strstr(buf, "dateline") ||
	    strstr(buf, "writtenby") || strstr(buf, "p-author"))
		return 1;
	for (const char *p = strstr(buf, "author"); p; p = strstr(p + 1, "author"))
		if (strncmp(p + 6, "it", 2)) /* not "authority" */
			return 1;
	return 0;
}

/* A date line by its class, id, itemprop or rel. */
static int says_date(const wn_node *x)
{
	static const char *const DATE_WORDS[] = {
		"date", "time", "timestamp", "pubdate", "published", "posted",
		"updated", "dateline", "datetime", "publish-date", "post-date",
	};
	char buf[512];
	attrs_text(x, buf, sizeof buf);
	for (size_t k = 0; k < sizeof DATE_WORDS / sizeof *DATE_WORDS; k++)
		if (token_in(buf, DATE_WORDS[k]))
			return 1;
	return strstr(buf, "datepublished") || strstr(buf, "datemodified") ||
	       strstr(buf, "datecreated");
}

/* A byline or date line by its attributes, or a <time>. */
static int says_meta_line(const wn_node *x)
{
	return x->tag == GUMBO_TAG_TIME || says_byline(x) || says_date(x);
}

/* In a table cell or a list item: a date there with nothing saying it
 * is the page's is a row's or an item's (a schedule, a changelog). */
static int in_cell(const wn_doc *d, int32_t i)
{
	for (int up = 0; i > 0 && up < 4; i = d->nodes[i].parent, up++) {
		int tag = d->nodes[i].tag;
		if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH ||
		    tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD ||
		    tag == GUMBO_TAG_DT)
			return 1;
	}
	return 0;
}

/* Readability.js's unlikely candidates (class/id and role): subtrees
 * where no byline or date of the article is looked for. */
static int unlikely(const wn_node *x)
{
	static const char *const BAD[] = {
		"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment",
		"community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
		"header", "legends", "menu", "related", "remark", "replies", "rss",
		"shoutbox", "sidebar", "skyscraper", "social", "sponsor",
		"supplemental", "ad-break", "agegate", "pagination", "pager",
		"popup", "yom-remote",
	};
	static const char *const MAYBE[] = {
		"and", "article", "body", "column", "content", "main", "mathjax",
		"shadow",
	};
	static const char *const ROLES[] = {
		"menu", "menubar", "complementary", "navigation", "alert",
		"alertdialog", "dialog",
	};
	const char *role = wn__attr(x, "role");
	for (size_t k = 0; role && k < sizeof ROLES / sizeof *ROLES; k++)
		if (!strcasecmp(role, ROLES[k]))
			return 1;
	if (x->tag == GUMBO_TAG_BODY || x->tag == GUMBO_TAG_A)
		return 0;
	char buf[512];
	if (!wn__attr(x, "class") && !wn__attr(x, "id"))
		return 0;
	class_id_text(x, buf, sizeof buf);
	int bad = 0;
	for (size_t k = 0; k < sizeof BAD / sizeof *BAD && !bad; k++)
		bad = strstr(buf, BAD[k]) != NULL;
	for (size_t k = 0; bad && k < sizeof MAYBE / sizeof *MAYBE; k++)
		if (strstr(buf, MAYBE[k]))
			bad = 0;
	return bad;
}

/* A comment or reply box: bylines there are the commenters'. */
static int comment_box(const wn_node *x)
{
	char buf[512];
	if (!wn__attr(x, "class") && !wn__attr(x, "id"))
		return 0;
	attrs_text(x, buf, sizeof buf);
	return strstr(buf, "comment") || strstr(buf, "disqus") ||
	       strstr(buf, "replies");
}

/* The words that open a byline ("By Jane Doe"), lower case.  CASED ones
 * only in lower case, as names begin with them ("Di Stefano"); COLON
 * ones only before a colon ("Text: Jane Doe", not "Text messages"). */
enum { BY_CASED = 1, BY_COLON = 2 };
static const struct by_word_t {
	const char *w;
	int flags;
} BY_WORDS[] = {
	{"written by", 0}, {"posted by", 0}, {"published by", 0},
	{"story by", 0}, {"words by", 0}, {"text by", 0}, {"reporting by", 0},
	{"by", 0}, {"von", 0}, {"par", 0}, {"por", 0}, {"door", 0},
	{"di", BY_CASED}, {"av", BY_CASED}, {"af", BY_CASED},
	{"autor", BY_COLON}, {"author", BY_COLON}, {"auteur", BY_COLON},
	{"text", BY_COLON}, {"texto", BY_COLON}, {NULL, 0},
};

/* Past the marks some bylines open with ("// By", "— By", "· By"). */
static const char *skip_marks(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '/' || *s == '-' || *s == '|' || *s == '*')
			s++;
		else if (!strncmp(s, "\xe2\x80\x94", 3) || !strncmp(s, "\xe2\x80\x93", 3) ||
		         !strncmp(s, "\xe2\x80\xa2", 3))
			s += 3; /* em dash, en dash, bullet */
		else if (!strncmp(s, "\xc2\xb7", 2))
			s += 2; /* middle dot */
		else
			return s;
	}
}

/* Length of the byline word at s ("By ", "Von ", "Author: "), or 0;
 * marks before it count with it. */
static size_t by_word(const char *s)
{
	const char *s0 = s;
	s = skip_marks(s);
	for (const struct by_word_t *w = BY_WORDS; w->w; w++) {
		size_t l = strlen(w->w);
		if ((w->flags & BY_CASED) ? strncmp(s, w->w, l)
		                          : strncasecmp(s, w->w, l))
			continue;
		if (s[l] == ':' && s[l + 1] == ' ')
			return (size_t)(s - s0) + l + 2;
		if (s[l] == ':' || (s[l] == ' ' && !(w->flags & BY_COLON)))
			return (size_t)(s - s0) + l + 1;
	}
	return 0;
}

/* Words that may stand lower-case inside a name or between names. */
static int name_particle(const char *w, size_t n)
{
	static const char *const P[] = {
		"de", "van", "von", "der", "den", "da", "di", "du", "la", "le",
		"del", "dos", "das", "do", "bin", "al", "y", "e", "and", "und",
		"et", "&", "ten", "ter", "zu", NULL,
	};
	for (const char *const *p = P; *p; p++)
		if (strlen(*p) == n && !strncmp(w, *p, n))
			return 1;
	return 0;
}

/* A person's name or names: 1..META_NAME_WORDS words, each capitalised
 * (or a particle such as "de", "and"). */
static int looks_like_names(const char *s)
{
	int words = 0;
	for (const char *p = s; *p;) {
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		const char *e = p;
		while (*e && *e != ' ' && *e != ',')
			e++;
		int32_t cp;
		wn__utf8_next(p, (size_t)(e - p), &cp);
		int upper = cp < 0x80 ? isupper((int)cp) != 0 : cp != 0xFFFD;
		if (!upper && !name_particle(p, (size_t)(e - p)))
			return 0;
		if (++words > META_NAME_WORDS)
			return 0;
		p = e;
	}
	return words > 0;
}

static int date_only(const char *t, char *iso);

/* Is s[0..n) a byline word alone ("By", "Von:")? */
static int only_by_word(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == ':'))
		n--;
	for (const struct by_word_t *w = BY_WORDS; w->w; w++)
		if (strlen(w->w) == n && !strncasecmp(s, w->w, n))
			return 1;
	return 0;
}

/* A byline's text made into names: "By Jane Doe | December 4, 2017" ->
 * "Jane Doe"; of several lines the first (a title, "Games Editor", may
 * follow).  NULL when nothing like a name is left, or it is a date line. */
static const char *clean_byline(mctx *c, const char *t)
{
	static const char *const TAIL[] = {
		" on", " am", " le", " el", " il", " op", " updated", " published",
		" posted", " at", " um", " |", " -", " \xe2\x80\x94", " \xe2\x80\x93",
		",", " \xc2\xb7", " \xe2\x80\xa2", ":", NULL,
	};
	static const char *const CUT[] = {
		" | ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", " - ", " \xc2\xb7 ",
		" \xe2\x80\xa2 ", " edited by ", " photographs by ", " photos by ",
		" illustrations by ", "\n",
	};
	char iso[WN_DATE_MAX];
	for (;;) {
		while (*t == ' ' || *t == '\n')
			t++;
		size_t line = strcspn(t, "\n");
		if (!t[line] || !only_by_word(t, line))
			break;
		t += line;
	}
	t += by_word(t);
	while (*t == ' ' || *t == ':')
		t++;
	size_t n = strcspn(t, "\n");
	char *line = wn__arena_strndup(c->a, t, n);
	if (date_only(line, iso))
		return NULL;
	t = line;
	const char *date = wn__date_find(t, n, iso);
	if (date)
		n = (size_t)(date - t);
	/* cut at the first separator between the name and the rest */
	for (size_t k = 0; k < sizeof CUT / sizeof *CUT; k++) {
		const char *p = find_ci(t, CUT[k]);
		if (p && (size_t)(p - t) < n)
			n = (size_t)(p - t);
	}
	for (int again = 1; again && n;) {
		again = 0;
		while (n && (t[n - 1] == ' ' || t[n - 1] == ',' || t[n - 1] == '|'))
			n--, again = 1;
		for (const char *const *w = TAIL; *w; w++) {
			size_t l = strlen(*w);
			if (n >= l && !strncasecmp(t + n - l, *w, l)) {
				n -= l;
				again = 1;
			}
		}
	}
	if (!n || n >= META_BYLINE_MAX)
		return NULL;
	int letters = 0;
	for (size_t i = 0; i < n; i++)
		letters += isalpha((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80;
	if (!letters || isdigit((unsigned char)t[0]))
		return NULL;
	return keep_value(c, t, n);
}

/* A text that is a date and nothing more, perhaps after a label
 * ("Published", "Updated on", "Veröffentlicht am", "Publié le"). */
static int date_only(const char *t, char *iso)
{
	static const char *const LABEL[] = {
		"published", "updated", "posted", "last", "modified", "on",
		"veröffentlicht", "aktualisiert", "am", "stand", "publié",
		"publiée", "mis", "à", "jour", "le", "publicado", "actualizado",
		"el", "date", "datum", "fecha", NULL,
	};
	for (;;) {
		while (*t == ' ' || *t == ':')
			t++;
		int hit = 0;
		for (const char *const *w = LABEL; *w && !hit; w++) {
			size_t l = strlen(*w);
			if (!strncasecmp(t, *w, l) &&
			    (t[l] == ' ' || t[l] == ':')) {
				t += l;
				hit = 1;
			}
		}
		if (!hit)
			break;
	}
	size_t n = strlen(t);
	size_t k = wn__date_parse(t, n, iso);
	if (!k)
		return 0;
	/* after it only punctuation, "Uhr", or a zone's name ("PST") */
	for (t += k; *t; t++) {
		if (*t == ' ' && !strncasecmp(t + 1, "uhr", 3) && !isalpha((unsigned char)t[4])) {
			t += 3;
			continue;
		}
		if (*t == ' ' && isupper((unsigned char)t[1])) {
			size_t u = 1;
			while (u < 6 && isupper((unsigned char)t[u]))
				u++;
			if (u >= 3 && !isalnum((unsigned char)t[u]) && (unsigned char)t[u] < 0x80) {
				t += u - 1;
				continue;
			}
		}
		if (isalnum((unsigned char)*t) || (unsigned char)*t >= 0x80)
			return 0;
	}
	return 1;
}

/* ---- collecting ---- */

static void count_chars(mctx *c)
{
	wn_doc *d = c->d;
	c->chars = wn__arena_alloc(c->a, (size_t)d->n_nodes * sizeof *c->chars);
	for (int32_t i = 0; i < d->n_nodes; i++) {
		const wn_node *x = &d->nodes[i];
		if (x->kind != WN_NODE_TEXT)
			continue;
		const char *s = x->g->v.text.text;
		int32_t n = 0;
		for (const char *p = s; *p; p++)
			n += ((unsigned char)*p & 0xC0) != 0x80 &&
			     !is_space((unsigned char)*p);
		c->chars[i] = n;
	}
	for (int32_t i = d->n_nodes - 1; i > 0; i--)
		if (!(d->nodes[i].flags & WN_NF_REMOVED))
			c->chars[d->nodes[i].parent] += c->chars[i];
}

static void collect(mctx *c)
{
	wn_doc *d = c->d;
	int32_t hidden_end = -1; /* h1s in hidden subtrees do not count */
	for (int32_t i = 0; i < d->n_nodes; i++) {
		const wn_node *x = &d->nodes[i];
		if (x->kind != WN_NODE_ELEMENT)
			continue;
		/* <head> is "removed" too, but only hidden text is hidden */
		if (i >= hidden_end && (x->flags & WN_NF_REMOVED) &&
		    x->tag != GUMBO_TAG_HEAD)
			hidden_end = x->end;
		const char *v;
		switch (x->tag) {
		case GUMBO_TAG_HTML:
			if (!c->lang && (v = wn__attr(x, "lang")) != NULL)
				c->lang = v;
			break;
		case GUMBO_TAG_META:
			collect_meta(c, x);
			break;
		case GUMBO_TAG_LINK:
			v = wn__attr(x, "rel");
			if (v && has_token(v, "canonical") && !c->canonical)
				c->canonical = wn__attr(x, "href");
			if (v && has_token(v, "image_src") && !c->image_src)
				c->image_src = wn__attr(x, "href");
			break;
		case GUMBO_TAG_SCRIPT:
			v = wn__attr(x, "type");
			if (v && !strncasecmp(v, "application/ld+json", 19))
				collect_ld(c, x);
			break;
		case GUMBO_TAG_H1:
			if (i < hidden_end)
				break;
			if (!c->n_h1++) {
				c->h1 = node_text(c, i);
				c->h1_node = i;
			}
			break;
		default:
			break;
		}
	}
	for (size_t k = 0; k < c->n_objs; k++) {
		ld_obj *o = &c->objs[k];
		if (o->kind == LD_ARTICLE && !c->article)
			c->article = o->o;
		if (o->kind == LD_PAGE && !c->page)
			c->page = o->o;
		if (o->kind == LD_SITE && !c->site)
			c->site = o->o;
	}
}

/* ---- microdata ---- */

/* The item an itemprop belongs to is of a type whose author or date is
 * not the page's (a comment, a review, an answer). */
static int foreign_item(const mctx *c, int32_t i)
{
	int up = 0; /* an item's properties sit near it: bounded climb */
	for (int32_t p = c->d->nodes[i].parent; p > 0 && up < META_LINE_NODES;
	     p = c->d->nodes[p].parent, up++) {
		const wn_node *x = &c->d->nodes[p];
		if (!wn__attr(x, "itemscope"))
			continue;
		const char *t = wn__attr(x, "itemtype");
		return t && (strstr(t, "Comment") || strstr(t, "Review") ||
		             strstr(t, "Answer") || strstr(t, "Question") ||
		             strstr(t, "Product") || strstr(t, "Offer") ||
		             strstr(t, "Event"));
	}
	return 0;
}

/* An itemprop's value: content=, datetime=, or the element's text. */
static const char *item_value(mctx *c, int32_t i)
{
	const wn_node *x = &c->d->nodes[i];
	const char *v = wn__attr(x, "content");
	if (!v)
		v = wn__attr(x, "datetime");
	if (!v && small(c, i, META_VALUE_MAX))
		v = node_text(c, i);
	return v;
}

typedef struct found {
	const char *headline, *author, *published, *modified;
	const char *time_attr;  /* first <time datetime> of the page */
	const char *date_line;  /* ISO date of the first date line */
	const char *date_text;  /* ISO date of a date alone near the top */
	const char *rel_author; /* text of the first rel=author link */
	const char *byline;     /* text of the first byline element */
	const char *by_text;    /* "By Jane Doe" near the top */
} found;

/* One walk over the body for microdata, <time>, rel=author and bylines.
 * Bylines are not looked for in unlikely subtrees, as in Readability.js
 * (microdata is: its itemscope says whose it is). */
static void scan_body(mctx *c, found *f)
{
	wn_doc *d = c->d;
	int32_t root = d->body ? d->body : 0;
	/* Text counted after the h1 (or from the top), for "near the top". */
	int32_t top_from = c->h1_node >= 0 ? c->h1_node : root;
	int32_t seen = 0, skip_end = -1, side_end = -1;
	char iso[WN_DATE_MAX];
	for (int32_t i = root; i < d->nodes[root].end; i++) {
		const wn_node *x = &d->nodes[i];
		if (x->flags & WN_NF_REMOVED) {
			i = x->end - 1;
			continue;
		}
		if (x->kind == WN_NODE_TEXT && i > top_from)
			seen += c->chars[i];
		if (x->kind != WN_NODE_ELEMENT)
			continue;
		const char *ip = wn__attr(x, "itemprop");
		if (ip && !foreign_item(c, i)) {
			if (!f->headline && has_token(ip, "headline"))
				f->headline = item_value(c, i);
			if (!f->published && has_token(ip, "datePublished"))
				f->published = item_value(c, i);
			if (!f->modified && has_token(ip, "dateModified"))
				f->modified = item_value(c, i);
			if (!f->author && has_token(ip, "author") &&
			    x->end - i <= META_LINE_NODES) {
				/* the name inside a Person item, else the text */
				const char *v = wn__attr(x, "content");
				for (int32_t k = i + 1; !v && k < x->end; k++) {
					const char *kp = wn__attr(&d->nodes[k], "itemprop");
					if (kp && has_token(kp, "name"))
						v = item_value(c, k);
				}
				if (!v && small(c, i, META_BYLINE_MAX))
					v = node_text_lines(c, i);
				if (v)
					f->author = clean_byline(c, v);
			}
		}
		/* Readability.js skips its unlikely candidates, but its
		 * bylines come from headers ("site_header", "entry-header")
		 * all the same (its later passes keep them): here only
		 * comments are passed over. */
		if (i >= skip_end && i != root && comment_box(x))
			skip_end = x->end;
		if (i < skip_end)
			continue;
		if (i >= side_end && (x->tag == GUMBO_TAG_NAV ||
		                      x->tag == GUMBO_TAG_ASIDE ||
		                      x->tag == GUMBO_TAG_FOOTER))
			side_end = x->end;
		/* the first <time> of the page's text, not of its margins */
		if (x->tag == GUMBO_TAG_TIME && !f->time_attr && i >= side_end)
			f->time_attr = wn__attr(x, "datetime");
		if (x->tag == GUMBO_TAG_A && !f->rel_author) {
			const char *rel = wn__attr(x, "rel");
			if (rel && has_token(rel, "author") &&
			    small(c, i, META_BYLINE_MAX))
				f->rel_author = node_text_lines(c, i);
		}
		if (!f->byline && says_byline(x) && small(c, i, META_BYLINE_MAX)) {
			/* Readability.js: an [itemprop~=name] inside names
			 * more precisely */
			int32_t name = i;
			for (int32_t k = i + 1; k < x->end; k++) {
				const char *kp = wn__attr(&d->nodes[k], "itemprop");
				if (kp && strstr(kp, "name")) {
					name = k;
					break;
				}
			}
			f->byline = node_text_lines(c, name);
		}
		if (!f->date_line && says_meta_line(x) && small(c, i, META_LINE_MAX) &&
		    date_only(node_text(c, i), iso))
			f->date_line = wn__arena_strndup(c->a, iso, strlen(iso));
		if (!f->date_text && (x->flags & WN_NF_BLOCK) && i > top_from &&
		    seen < META_TOP_CHARS && small(c, i, META_LINE_MAX) &&
		    !in_cell(d, i) && date_only(node_text(c, i), iso))
			f->date_text = wn__arena_strndup(c->a, iso, strlen(iso));
		if (!f->by_text && (x->flags & WN_NF_BLOCK) && i > top_from &&
		    seen < META_TOP_CHARS && small(c, i, META_BYLINE_MAX)) {
			const char *t = node_text_lines(c, i);
			size_t b = by_word(t);
			if (b && b <= 12) {
				const char *name = clean_byline(c, t);
				if (name && looks_like_names(name))
					f->by_text = name;
			}
		}
	}
}

/* The first paragraph of the article (Readability.js's excerpt when a
 * page has no description): the first paragraph inside
 * [itemprop=articleBody], else <article>, else <main>, else the body,
 * not in a removed, unlikely or byline subtree. */
static const char *first_paragraph(mctx *c)
{
	wn_doc *d = c->d;
	int32_t root = -1, rank = 4;
	for (int32_t i = d->body; i > 0 && i < d->nodes[d->body].end && rank > 1; i++) {
		const wn_node *x = &d->nodes[i];
		if (x->flags & WN_NF_REMOVED) {
			i = x->end - 1;
			continue;
		}
		if (x->kind != WN_NODE_ELEMENT || !c->chars[i])
			continue;
		const char *ip = wn__attr(x, "itemprop");
		int r = ip && has_token(ip, "articleBody") ? 1
		        : x->tag == GUMBO_TAG_ARTICLE      ? 2
		        : x->tag == GUMBO_TAG_MAIN         ? 3
		                                           : 4;
		if (r < rank) {
			root = i;
			rank = r;
		}
	}
	if (root < 0)
		root = d->body;
	if (root <= 0)
		return NULL;
	/* A paragraph as Readability.js sees one: a <p>, or a <div> with no
	 * block inside (which it turns into a <p>). */
	int32_t end = d->nodes[root].end;
	uint8_t *has_block = wn__arena_alloc(c->a, (size_t)(end - root));
	for (int32_t i = end - 1; i > root; i--) {
		const wn_node *x = &d->nodes[i];
		if (!(x->flags & WN_NF_REMOVED) &&
		    (has_block[i - root] || (x->flags & WN_NF_BLOCK)))
			has_block[x->parent - root] = 1;
	}
	for (int32_t i = root; i < end; i++) {
		const wn_node *x = &d->nodes[i];
		if (x->kind != WN_NODE_ELEMENT)
			continue;
		if ((x->flags & (WN_NF_REMOVED | WN_NF_META)) ||
		    (i != root && unlikely(x))) {
			i = x->end - 1;
			continue;
		}
		if (c->chars[i] && (x->tag == GUMBO_TAG_P ||
		                    (x->tag == GUMBO_TAG_DIV && !has_block[i - root])))
			return node_text(c, i);
	}
	return NULL;
}

/* ---- normalising ---- */

/* BCP 47 case: "en-us" -> "en-US", "pt_BR" -> "pt-BR", "zh-hant-tw" ->
 * "zh-Hant-TW".  NULL when it is not a language tag. */
static const char *bcp47(mctx *c, const char *s)
{
	char out[64];
	size_t o = 0;
	if (!s)
		return NULL;
	while (is_space((unsigned char)*s))
		s++;
	for (int part = 0; *s && *s != ',' && *s != ';' && *s != '.' &&
	                   !is_space((unsigned char)*s); part++) {
		size_t n = 0;
		while (isalnum((unsigned char)s[n]))
			n++;
		if (!n || n > 8 || o + n + 2 > sizeof out)
			return NULL;
		if (part == 0 && (n < 2 || n > 3) && strncasecmp(s, "x", n) &&
		    strncasecmp(s, "i", n))
			return NULL;
		if (part)
			out[o++] = '-';
		for (size_t k = 0; k < n; k++) {
			int ch = (unsigned char)s[k];
			if (part && n == 2)
				ch = toupper(ch);
			else if (part && n == 4)
				ch = k ? tolower(ch) : toupper(ch);
			else
				ch = tolower(ch);
			out[o++] = (char)ch;
		}
		s += n;
		if (*s == '-' || *s == '_')
			s++;
		else if (*s && *s != ',' && *s != ';' && *s != '.' &&
		         !is_space((unsigned char)*s))
			return NULL;
	}
	if (!o)
		return NULL;
	for (size_t k = 0; k < o; k++)
		if (isdigit((unsigned char)out[k]) && k < 2)
			return NULL;
	return wn__arena_strndup(&c->d->keep, out, o);
}

/* ref made absolute against base, when there is one (RFC 3986). */
static const char *resolve(mctx *c, const char *base, const char *ref)
{
	if (!ref)
		return NULL;
	while (is_space((unsigned char)*ref))
		ref++;
	if (!*ref || !strncasecmp(ref, "data:", 5) ||
	    !strncasecmp(ref, "javascript:", 11))
		return NULL;
	return wn__url_resolve(&c->d->keep, base, ref);
}

/* The ISO form of the first candidate that is a date. */
static void offer_date(mctx *c, const char **field, const char *v)
{
	char iso[WN_DATE_MAX];
	if (*field || !v)
		return;
	if (wn__date_parse(v, strlen(v), iso))
		*field = wn__arena_strndup(&c->d->keep, iso, strlen(iso));
}

/* Every value of a meta key, joined by "; " (article:author, one tag per
 * author). */
static const char *mget_all(mctx *c, const char *key)
{
	const char *seen[META_LIST_MAX];
	size_t n_seen = 0, tried = 0;
	int prop = 0; /* as mget: property= entries over name= ones */
	for (size_t i = 0; i < c->n_metas && !prop; i++)
		prop = c->metas[i].prop && !strcmp(c->metas[i].key, key);
	wn_buf b = {0};
	for (size_t i = 0; i < c->n_metas && n_seen < META_LIST_MAX &&
	                   tried < 4 * META_LIST_MAX; i++) {
		const mentry *m = &c->metas[i];
		if (strcmp(m->key, key) || m->prop != prop)
			continue;
		tried++;
		const char *v = m->val;
		while (is_space((unsigned char)*v))
			v++;
		int dup = !*v || looks_like_url(v);
		for (size_t k = 0; k < n_seen && !dup; k++)
			dup = !strcmp(seen[k], v);
		if (dup)
			continue;
		seen[n_seen++] = v;
		if (b.len)
			wn__buf_puts(&b, "; ");
		wn__buf_puts(&b, v);
	}
	const char *r = b.len ? wn__arena_strndup(c->a, b.data, b.len) : NULL;
	wn__buf_free(&b);
	return r;
}

/* ---- lists: tags and categories ---- */

typedef struct list {
	const char **v;
	size_t n;
} list;

static void list_add(mctx *c, list *l, const char *s, size_t n)
{
	while (n && is_space((unsigned char)*s))
		s++, n--;
	while (n && is_space((unsigned char)s[n - 1]))
		n--;
	if (!n || l->n >= META_LIST_MAX)
		return;
	const char *v = keep_value(c, s, n);
	if (!v)
		return;
	for (size_t k = 0; k < l->n; k++)
		if (!strcasecmp(l->v[k], v))
			return;
	if (!l->v)
		l->v = wn__arena_alloc(&c->d->keep, META_LIST_MAX * sizeof *l->v);
	l->v[l->n++] = v;
}

/* Comma-separated words ("keywords" content), split after references
 * are unescaped ("&quot;" holds a ';'). */
static void list_split(mctx *c, list *l, const char *s)
{
	wn_buf u = {0};
	if (!s)
		return;
	unescape(&u, s, strlen(s));
	for (const char *p = u.data; p && *p;) {
		size_t n = strcspn(p, ",;");
		list_add(c, l, p, n);
		p += n;
		if (*p)
			p++;
	}
	wn__buf_free(&u);
}

static void list_json(mctx *c, list *l, json_t *v)
{
	if (json_is_string(v)) {
		list_split(c, l, json_string_value(v));
	} else if (json_is_array(v)) {
		size_t k;
		json_t *it;
		json_array_foreach(v, k, it)
			if (json_is_string(it))
				list_add(c, l, json_string_value(it),
				         strlen(json_string_value(it)));
	}
}

static void list_metas(mctx *c, list *l, const char *key)
{
	for (size_t i = 0; i < c->n_metas; i++)
		if (!strcmp(c->metas[i].key, key))
			list_split(c, l, c->metas[i].val);
}

/* ---- marking byline and date lines in the content ---- */

static int is_heading(int tag)
{
	return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

/* A heading in the subtree: the line would take a title with it.  A
 * heading that is itself a byline or dateline (<h3 class="dateline">)
 * is one, unless it is an h1. */
static int holds_heading(const wn_doc *d, int32_t i)
{
	const wn_node *x = &d->nodes[i];
	if (is_heading(x->tag) && (x->tag == GUMBO_TAG_H1 || !says_meta_line(x)))
		return 1;
	for (int32_t k = i + 1; k < x->end; k++)
		if (is_heading(d->nodes[k].tag))
			return 1;
	return 0;
}

/* Does the text begin with a byline word and hold one of the names? */
static int byline_of(const char *t, const char *authors)
{
	size_t b = by_word(t);
	if (!b || !authors)
		return 0;
	for (const char *p = authors; *p;) {
		size_t n = strcspn(p, ";");
		if (n >= 3) {
			for (const char *q = t + b; *q; q++)
				if (!strncasecmp(q, p, n))
					return 1;
		}
		p += n;
		while (*p == ';' || *p == ' ')
			p++;
	}
	return 0;
}

/* Characters of a subtree inside byline, author and date elements. */
static int32_t meta_chars(const mctx *c, int32_t root)
{
	const wn_doc *d = c->d;
	int32_t n = 0;
	for (int32_t k = root + 1; k < d->nodes[root].end; k++) {
		const wn_node *x = &d->nodes[k];
		if (x->kind != WN_NODE_ELEMENT || (x->flags & WN_NF_REMOVED)) {
			if (x->kind == WN_NODE_ELEMENT)
				k = x->end - 1;
			continue;
		}
		if (says_meta_line(x)) {
			n += c->chars[k];
			k = x->end - 1;
		}
	}
	return n;
}

/* The line to mark for a meta element: itself if it is a block.  For an
 * inline one, its block when the block is short and is a byline or date
 * line as a whole (mostly such elements, "By ..." or a date: not "(help
 * by adding to it) <span class=date>2018</span>"), else the inline run
 * when it stands alone in its block (no text of the block around it). */
static int32_t meta_target(mctx *c, int32_t i)
{
	const wn_doc *d = c->d;
	char iso[WN_DATE_MAX];
	int32_t top = i;
	while (!(d->nodes[top].flags & WN_NF_BLOCK) && d->nodes[top].parent > 0 &&
	       !(d->nodes[d->nodes[top].parent].flags & WN_NF_BLOCK))
		top = d->nodes[top].parent;
	if (d->nodes[top].flags & WN_NF_BLOCK)
		return top;
	int32_t block = d->nodes[top].parent;
	if (block <= 0)
		return -1;
	if (small(c, block, META_LINE_MAX + 1) && block != d->body &&
	    !holds_heading(d, block)) {
		const char *t = node_text(c, block);
		if (2 * meta_chars(c, block) >= c->chars[block] || by_word(t) ||
		    date_only(t, iso))
			return block;
	}
	for (int32_t k = block + 1; k < d->nodes[block].end; k = d->nodes[k].end) {
		const wn_node *s = &d->nodes[k];
		if (k == top || (s->flags & WN_NF_BLOCK) || !c->chars[k] ||
		    (s->flags & WN_NF_REMOVED))
			continue;
		return -1;
	}
	return top;
}

#ifndef META_MARK
#define META_MARK 1 /* 0: measure the body without this stage's marking */
#endif

enum { LINE_NAMED, LINE_BYLINE, LINE_DATE };

typedef struct line {
	int32_t node;
	uint8_t kind, in_comment;
} line;

/* Marks the byline and date lines of the body WN_NF_META.  Where the page
 * has more than META_LISTING of them outside comments, they are the
 * teasers' of a listing, not the page's: then only a byline naming the
 * page's author is marked (comment headers always are). */
static void mark_lines(mctx *c)
{
	wn_doc *d = c->d;
	int32_t root = d->body;
	char iso[WN_DATE_MAX];
	if (!META_MARK || root <= 0)
		return;
	line *lines = NULL;
	size_t n = 0, cap = 0;
	int32_t comment_end = -1;
	int count[3] = {0, 0, 0};
	for (int32_t i = root + 1; i < d->nodes[root].end; i++) {
		wn_node *x = &d->nodes[i];
		if (x->flags & WN_NF_REMOVED) {
			i = x->end - 1;
			continue;
		}
		if (x->kind != WN_NODE_ELEMENT)
			continue;
		if (i >= comment_end && comment_box(x))
			comment_end = x->end;
		if (!small(c, i, META_LINE_MAX + 1))
			continue;
		int kind = -1;
		const char *t = NULL;
		if (says_meta_line(x)) {
			t = node_text(c, i);
			kind = !says_byline(x)                ? LINE_DATE
			       : byline_of(t, d->meta.author) ? LINE_NAMED
			                                      : LINE_BYLINE;
		} else if (x->flags & WN_NF_BLOCK) {
			t = node_text(c, i);
			kind = byline_of(t, d->meta.author) ? LINE_NAMED
			       : date_only(t, iso)          ? LINE_DATE
			                                    : -1;
		}
		if (kind < 0)
			continue;
		int32_t target = meta_target(c, i);
		int plain = kind == LINE_DATE && !says_date(x) && !says_byline(x);
		if (target < 0 || !small(c, target, META_LINE_MAX + 1) ||
		    holds_heading(d, target) || (plain && in_cell(d, target))) {
			i = x->end - 1; /* nor anything inside it */
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			lines = wn__xrealloc(lines, cap * sizeof *lines);
		}
		int in_comment = i < comment_end;
		lines[n++] = (line){target, (uint8_t)kind, (uint8_t)in_comment};
		if (!in_comment)
			count[kind]++;
		i = d->nodes[target].end - 1;
	}
	for (size_t k = 0; k < n; k++) {
		const line *l = &lines[k];
		if (!l->in_comment && l->kind != LINE_NAMED &&
		    count[l->kind] > META_LISTING)
			continue;
		d->nodes[l->node].flags |= WN_NF_META;
	}
	free(lines);
}

/* ---- the stage ---- */

void wn__metadata(wn_doc *d)
{
	mctx c;
	memset(&c, 0, sizeof c);
	c.d = d;
	c.a = &d->arena;
	c.h1_node = -1;
	wn_metadata *m = &d->meta;
	memset(m, 0, sizeof *m);
	if (!d->nodes || !d->n_nodes)
		return;
	count_chars(&c);
	collect(&c);
	found f;
	memset(&f, 0, sizeof f);
	scan_body(&c, &f);
	json_t *art = c.article, *page = c.page;
	wn_buf b = {0};

	/* site name */
	if (art)
		offer(&c, &m->sitename, jname(&c, json_object_get(art, "publisher")));
	offer(&c, &m->sitename, mget(&c, "og:site_name"));
	if (c.site)
		offer(&c, &m->sitename, jstr(c.site, "name"));
	offer(&c, &m->sitename, mget(&c, "application-name"));
	offer(&c, &m->sitename, mget(&c, "dc:publisher"));

	/* title */
	const char *og_title = mget(&c, "og:title");
	if (art) {
		const char *name = jstr(art, "name"), *head = jstr(art, "headline");
		if (name && head && strcmp(name, head)) {
			/* Readability.js: some sites put their own name in
			 * "name"; the headline wins when it, and only it, is
			 * like the page's title. */
			const char *tt = title_from_tag(&c, m->sitename, og_title);
			tt = tt ? tt : "";
			int hm = similarity(&c, head, tt) > META_TITLE_SIMILAR;
			int nm = similarity(&c, name, tt) > META_TITLE_SIMILAR;
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
		offer(&c, &m->title, mget(&c, *k));
	if (page) {
		offer(&c, &m->title, jstr(page, "headline"));
		offer(&c, &m->title, jstr(page, "name"));
	}
	offer(&c, &m->title, f.headline);
	offer(&c, &m->title, title_from_tag(&c, m->sitename, og_title));
	/* "Headline | Site" in og:title too: the site's name goes */
	m->title = strip_site(&c, m->title, m->sitename);

	/* author */
	if (art) {
		jnames(&c, json_object_get(art, "author"), &b);
		if (b.len)
			offer_author(&c, &m->author, b.data);
	}
	static const char *const AUTHOR_KEYS[] = {
		"dc:creator", "dcterms:creator", "author", "parsely-author",
		"article:author", "sailthru:author", "citation_author", NULL,
	};
	for (const char *const *k = AUTHOR_KEYS; *k; k++)
		offer_author(&c, &m->author, mget_all(&c, *k));
	if (page) {
		b.len = 0;
		jnames(&c, json_object_get(page, "author"), &b);
		if (b.len)
			offer_author(&c, &m->author, b.data);
	}
	offer(&c, &m->author, f.author);
	if (f.rel_author)
		offer(&c, &m->author, clean_byline(&c, f.rel_author));
	if (f.byline)
		offer(&c, &m->author, clean_byline(&c, f.byline));
	offer(&c, &m->author, f.by_text);

	/* dates */
	if (art)
		offer_date(&c, &m->date, jstr(art, "datePublished"));
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
		offer_date(&c, &m->date, mget(&c, *k));
	if (page)
		offer_date(&c, &m->date, jstr(page, "datePublished"));
	if (art)
		offer_date(&c, &m->date, jstr(art, "dateCreated"));
	offer_date(&c, &m->date, f.published);
	offer_date(&c, &m->date, f.time_attr);
	offer(&c, &m->date, f.date_line);
	offer(&c, &m->date, f.date_text);

	if (art)
		offer_date(&c, &m->modified, jstr(art, "dateModified"));
	static const char *const MOD_KEYS[] = {
		"article:modified_time", "og:updated_time", "dcterms:modified",
		"dc:date:modified", "last-modified", "lastmod", NULL,
	};
	for (const char *const *k = MOD_KEYS; *k; k++)
		offer_date(&c, &m->modified, mget(&c, *k));
	if (page)
		offer_date(&c, &m->modified, jstr(page, "dateModified"));
	offer_date(&c, &m->modified, f.modified);

	/* description */
	if (art)
		offer(&c, &m->description, jstr(art, "description"));
	static const char *const DESC_KEYS[] = {
		"dc:description", "dcterms:description", "og:description",
		"description", "twitter:description", "sailthru:description",
		NULL,
	};
	for (const char *const *k = DESC_KEYS; *k; k++)
		offer(&c, &m->description, mget(&c, *k));
	if (page)
		offer(&c, &m->description, jstr(page, "description"));

	/* language */
	static const char *const LANG_KEYS[] = {
		"http-equiv:content-language", "language", "dc:language",
		"dcterms:language", "og:locale", NULL,
	};
	m->language = bcp47(&c, c.lang);
	for (const char *const *k = LANG_KEYS; *k && !m->language; k++)
		m->language = bcp47(&c, mget(&c, *k));
	if (!m->language && art)
		m->language = bcp47(&c, jstr(art, "inLanguage"));

	/* url and image, absolute against the url option */
	const char *base = d->opt->url;
	m->url = resolve(&c, base, c.canonical);
	if (!m->url)
		m->url = resolve(&c, base, mget(&c, "og:url"));
	if (!m->url && base)
		m->url = keep_str(&c, base);
	if (!base && m->url && strstr(m->url, "://"))
		base = m->url;
	if (art)
		m->image = resolve(&c, base, jimage(&c, json_object_get(art, "image")));
	static const char *const IMAGE_KEYS[] = {
		"og:image", "og:image:url", "og:image:secure_url", "twitter:image",
		"twitter:image:src", "parsely-image-url", "sailthru:image:full",
		NULL,
	};
	for (const char *const *k = IMAGE_KEYS; *k && !m->image; k++)
		m->image = resolve(&c, base, mget(&c, *k));
	if (!m->image)
		m->image = resolve(&c, base, c.image_src);
	if (!m->image && page)
		m->image = resolve(&c, base, jimage(&c, json_object_get(page, "image")));

	/* tags and categories: the first source that has any */
	list tags = {0}, cats = {0};
	if (art)
		list_json(&c, &tags, json_object_get(art, "keywords"));
	static const char *const TAG_KEYS[] = {
		"article:tag", "parsely-tags", "sailthru:tags", "news_keywords",
		"keywords", NULL,
	};
	for (const char *const *k = TAG_KEYS; *k && !tags.n; k++)
		list_metas(&c, &tags, *k);
	if (art)
		list_json(&c, &cats, json_object_get(art, "articleSection"));
	if (!cats.n)
		list_metas(&c, &cats, "article:section");
	if (!cats.n)
		list_metas(&c, &cats, "parsely-section");
	m->tags = tags.v;
	m->n_tags = tags.n;
	m->categories = cats.v;
	m->n_categories = cats.n;

	wn__buf_free(&b);
	for (size_t k = 0; k < c.n_roots; k++)
		json_decref(c.roots[k]);
	free(c.roots);

	mark_lines(&c);
	/* after the marking, so that a byline is not the excerpt */
	if (!m->description)
		offer(&c, &m->description, first_paragraph(&c));
}
