/*
 * metadata_tags.c -- what the page's tags say: <meta> by name= and
 * property= (OpenGraph, article:*, Twitter, Dublin Core, citation_*,
 * parsely-*, sailthru.*, http-equiv Content-Language), <link rel=canonical>
 * and rel=image_src, <html lang>, and language tags put in BCP 47 case.
 * One walk over the page collects them (and the JSON-LD scripts and the
 * first h1) for the lookups of metadata.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "metadata/meta.h"

/* A <meta> tag, its key normalised: lower case, '.' -> ':'. */
typedef struct mentry {
	char *key;
	const char *val;
	int prop;     /* from property= (RDFa, as OpenGraph means it), not name= */
	int32_t next; /* the next tag of the same key, or -1 */
} mentry;

/* The tags in document order, and a hash of their keys: some sixty keys
 * are looked up, on pages with up to hundreds of tags. */
struct wn__meta_tags {
	mentry *v;
	size_t n, cap;
	int32_t *head; /* per slot: the first tag of a key, or -1 */
	size_t mask;   /* slots - 1, a power of two - 1 */
};

static size_t hash(const char *s)
{
	size_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot of key: where its chain starts, or the empty one it would. */
static size_t slot_of(const wn__meta_tags *t, const char *key)
{
	size_t k = hash(key) & t->mask;
	while (t->head[k] >= 0 && strcmp(t->v[t->head[k]].key, key))
		k = (k + 1) & t->mask;
	return k;
}

/* Chains the tags of each key, in document order (built backwards). */
static void index_tags(wn__meta_ctx *c)
{
	wn__meta_tags *t = c->tags;
	size_t n = 16;
	while (n < 2 * t->n)
		n *= 2;
	t->head = wn__arena_alloc(c->a, n * sizeof *t->head);
	t->mask = n - 1;
	for (size_t k = 0; k < n; k++)
		t->head[k] = -1;
	for (size_t i = t->n; i-- > 0;) {
		size_t k = slot_of(t, t->v[i].key);
		t->v[i].next = t->head[k];
		t->head[k] = (int32_t)i;
	}
}

/* The first tag of key, or -1. */
static int32_t first(const wn__meta_ctx *c, const char *key)
{
	return c->tags->head[slot_of(c->tags, key)];
}

static int looks_like_url(const char *s)
{
	return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8) ||
	       !strncmp(s, "//", 2) || !strncasecmp(s, "www.", 4);
}

static void add_meta(wn__meta_ctx *c, const char *key, size_t n, const char *val, int prop)
{
	wn__meta_tags *t = c->tags;
	if (!n || !val)
		return;
	WN__ARENA_GROW(c->a, t->v, t->cap, t->n + 1, 64);
	char *k = wn__arena_strndup(c->a, key, n);
	for (char *p = k; *p; p++)
		*p = *p == '.' ? ':' : (char)tolower((unsigned char)*p);
	/* "og:article:author" is article:author written with a prefix */
	if (!strncmp(k, "og:article:", 11))
		k += 3;
	t->v[t->n++] = (mentry){k, val, prop, -1};
}

static void collect_meta(wn__meta_ctx *c, const wn__node *x, int in_head)
{
	const char *content = wn__attr(x, "content");
	if (!content)
		return;
	/* microdata of the page itself, in <head> ("itemprop:author"); in
	 * the body an itemprop belongs to some item, which body.c weighs */
	const char *ip = in_head ? wn__attr(x, "itemprop") : NULL;
	if (ip) {
		char k[64];
		int n = snprintf(k, sizeof k, "itemprop:%s", ip);
		if (n > 0 && (size_t)n < sizeof k)
			add_meta(c, k, (size_t)n, content, 0);
	}
	/* property is a space-separated list (RDFa); name is one name. */
	const char *prop = wn__attr(x, "property");
	for (const char *p = prop; p && *p;) {
		while (*p && wn__meta_is_space((unsigned char)*p))
			p++;
		const char *e = p;
		while (*e && !wn__meta_is_space((unsigned char)*e))
			e++;
		add_meta(c, p, (size_t)(e - p), content, 1);
		p = e;
	}
	const char *name = wn__attr(x, "name");
	if (name) {
		while (wn__meta_is_space((unsigned char)*name))
			name++;
		size_t n = strlen(name);
		while (n && wn__meta_is_space((unsigned char)name[n - 1]))
			n--;
		add_meta(c, name, n, content, 0);
	}
	const char *eq = wn__attr(x, "http-equiv");
	if (eq && !strcasecmp(eq, "content-language"))
		add_meta(c, "http-equiv:content-language", 27, content, 0);
}

void wn__meta_collect(wn__meta_ctx *c)
{
	wn__doc *d = c->d;
	int32_t hidden_end = -1; /* h1s in hidden subtrees do not count */
	int32_t head_end = -1;
	c->tags = wn__arena_alloc(c->a, sizeof *c->tags);
	for (int32_t i = 0; i < d->n_nodes; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->kind != WN__NODE_ELEMENT)
			continue;
		/* <head> is "removed" too, but only hidden text is hidden */
		if (i >= hidden_end && (x->flags & WN__NF_REMOVED) && x->tag != GUMBO_TAG_HEAD)
			hidden_end = x->end;
		const char *v;
		switch (x->tag) {
		case GUMBO_TAG_HTML:
			if (!c->lang && (v = wn__attr(x, "lang")) != NULL)
				c->lang = v;
			break;
		case GUMBO_TAG_HEAD:
			if (head_end < 0)
				head_end = x->end;
			break;
		case GUMBO_TAG_META: collect_meta(c, x, i < head_end); break;
		case GUMBO_TAG_LINK:
			v = wn__attr(x, "rel");
			if (v && wn__meta_has_token(v, "canonical") && !c->canonical)
				c->canonical = wn__attr(x, "href");
			if (v && wn__meta_has_token(v, "image_src") && !c->image_src)
				c->image_src = wn__attr(x, "href");
			break;
		case GUMBO_TAG_SCRIPT:
			v = wn__attr(x, "type");
			if (v && !strncasecmp(v, "application/ld+json", 19))
				wn__meta_ld_script(c, x);
			break;
		case GUMBO_TAG_H1:
			if (i < hidden_end)
				break;
			if (!c->n_h1++) {
				c->h1 = wn__meta_text(c, i);
				c->h1_node = i;
			}
			if (c->n_h1s < WN__META_H1S && c->chars[i])
				c->h1s[c->n_h1s++] = wn__meta_text(c, i);
			break;
		default: break;
		}
	}
	index_tags(c);
	wn__meta_ld_pick(c);
}

/* The value of a meta key: the first from property=, else the first from
 * name= (Readability.js lets the later one win; for one key both forms
 * appear on pages that copy tags, and property is what OpenGraph means). */
const char *wn__meta_get(const wn__meta_ctx *c, const char *key)
{
	const char *byname = NULL;
	for (int32_t i = first(c, key); i >= 0; i = c->tags->v[i].next) {
		const mentry *m = &c->tags->v[i];
		const char *v = m->val;
		while (wn__meta_is_space((unsigned char)*v))
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

/* A summary card's labelled value: twitter:dataN under a twitter:labelN
 * that is one of labels ("Written by" / "Nawaz Dhandala", as SEO plugins
 * write the author of a post), else NULL. */
const char *wn__meta_card_value(const wn__meta_ctx *c, const char *const *labels)
{
	char key[32];
	for (int n = 1; n <= WN__META_CARD_LABELS; n++) {
		snprintf(key, sizeof key, "twitter:label%d", n);
		const char *l = wn__meta_get(c, key);
		if (!l)
			break;
		for (const char *const *w = labels; *w; w++)
			if (!strcasecmp(l, *w)) {
				snprintf(key, sizeof key, "twitter:data%d", n);
				return wn__meta_get(c, key);
			}
	}
	return NULL;
}

/* Every value of a meta key, joined by "; " (article:author, one tag per
 * author). */
const char *wn__meta_get_all(wn__meta_ctx *c, const char *key)
{
	const wn__meta_tags *t = c->tags;
	const char *seen[WN__META_LIST_MAX];
	size_t n_seen = 0, tried = 0;
	int prop = 0; /* as wn__meta_get: property= entries over name= ones */
	int32_t head = first(c, key);
	for (int32_t i = head; i >= 0 && !prop; i = t->v[i].next)
		prop = t->v[i].prop;
	wn__buf b = {0};
	for (int32_t i = head; i >= 0 && n_seen < WN__META_LIST_MAX && tried < 4 * WN__META_LIST_MAX;
	     i = t->v[i].next) {
		const mentry *m = &t->v[i];
		if (m->prop != prop)
			continue;
		tried++;
		const char *v = m->val;
		while (wn__meta_is_space((unsigned char)*v))
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

void wn__meta_get_list(wn__meta_ctx *c, wn__meta_list *l, const char *key)
{
	for (int32_t i = first(c, key); i >= 0; i = c->tags->v[i].next)
		wn__meta_list_split(c, l, c->tags->v[i].val);
}

/* BCP 47 case: "en-us" -> "en-US", "pt_BR" -> "pt-BR", "zh-hant-tw" ->
 * "zh-Hant-TW".  NULL when it is not a language tag. */
const char *wn__meta_bcp47(wn__meta_ctx *c, const char *s)
{
	char out[64];
	size_t o = 0;
	if (!s)
		return NULL;
	while (wn__meta_is_space((unsigned char)*s))
		s++;
	for (int part = 0;
	     *s && *s != ',' && *s != ';' && *s != '.' && !wn__meta_is_space((unsigned char)*s);
	     part++) {
		size_t n = 0;
		while (isalnum((unsigned char)s[n]))
			n++;
		if (!n || n > 8 || o + n + 2 > sizeof out)
			return NULL;
		if (part == 0 && (n < 2 || n > 3) && strncasecmp(s, "x", n) && strncasecmp(s, "i", n))
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
		         !wn__meta_is_space((unsigned char)*s))
			return NULL;
	}
	if (!o)
		return NULL;
	for (size_t k = 0; k < o; k++)
		if (isdigit((unsigned char)out[k]) && k < 2)
			return NULL;
	return wn__arena_strndup(&c->d->keep, out, o);
}

/* A <meta> key that names a publication date in a way no list above
 * foresees ("w-published-date", "published-date", "Publish Date"): one
 * of its words says published, issued or created and one says date or
 * time; none says modified, updated or expires. */
static int pubdate_key(const char *k)
{
	static const char *const PUB[] = {
		"published", "publish", "pub",      "publication", "issued",
		"created",   "release", "released", "posted",      NULL,
	};
	static const char *const WHEN[] = {"date", "time", "datetime", "on", "at", NULL};
	static const char *const NOT[] = {
		"modified", "updated", "update", "last",   "expires", "expiry",
		"end",      "start",   "event",  "review", NULL,
	};
	int pub = 0, when = 0;
	for (const char *p = k; *p;) {
		size_t n = strcspn(p, ":-_. ");
		for (const char *const *w = NOT; *w; w++)
			if (strlen(*w) == n && !strncmp(p, *w, n))
				return 0;
		for (const char *const *w = PUB; *w; w++)
			pub |= strlen(*w) == n && !strncmp(p, *w, n);
		for (const char *const *w = WHEN; *w; w++)
			when |= strlen(*w) == n && !strncmp(p, *w, n);
		/* "publishdate", "pubdate" as one word */
		if (n > 4 && !strncmp(p + n - 4, "date", 4) &&
		    (!strncmp(p, "pub", 3) || !strncmp(p, "creat", 5)))
			pub = when = 1;
		p += n;
		p += strspn(p, ":-_. ");
	}
	return pub && when;
}

const char *wn__meta_get_pubdate(const wn__meta_ctx *c)
{
	char iso[WN__DATE_MAX];
	for (size_t i = 0; i < c->tags->n; i++) {
		const mentry *m = &c->tags->v[i];
		if (pubdate_key(m->key) && wn__date_parse(m->val, strlen(m->val), iso))
			return m->val;
	}
	return NULL;
}
