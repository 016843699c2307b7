/*
 * metadata_jsonld.c -- JSON-LD, read with jansson: every object of the
 * page's <script type="application/ld+json"> blocks (in arrays and @graph,
 * in document order), the first schema.org Article-like one (Readability.js's
 * jsonLdArticleTypes), WebPage and WebSite, and their values with @id
 * references followed.  A script that does not parse is skipped; nesting is
 * walked with an explicit stack, at most WN__META_LD_DEPTH deep.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "metadata/meta.h"


enum { LD_OTHER = 0, LD_ARTICLE, LD_PAGE, LD_SITE };

typedef struct ld_obj {
	json_t *o;
	int kind; /* LD_ARTICLE, LD_PAGE, LD_SITE, LD_OTHER */
	int top;  /* a script's own object (in its array or @graph), not one
	           * inside another (a Product's video) */
} ld_obj;

struct wn__meta_ld {
	json_t **roots; /* parsed scripts, freed at the end */
	size_t n_roots, cap_roots;
	ld_obj *objs; /* typed objects in document order */
	size_t n_objs, cap_objs;
};

/* The script's text, with the <!-- / CDATA wrappers some pages put
 * around it taken off. */
static void script_text(const wn__node *x, wn__buf *b)
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
		while (s < e && wn__meta_is_space((unsigned char)*s))
			s++;
		while (e > s && wn__meta_is_space((unsigned char)e[-1]))
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
		"Article",
		"AdvertiserContentArticle",
		"NewsArticle",
		"AnalysisNewsArticle",
		"AskPublicNewsArticle",
		"BackgroundNewsArticle",
		"OpinionNewsArticle",
		"ReportageNewsArticle",
		"ReviewNewsArticle",
		"Report",
		"SatiricalArticle",
		"ScholarlyArticle",
		"MedicalScholarlyArticle",
		"SocialMediaPosting",
		"BlogPosting",
		"LiveBlogPosting",
		"DiscussionForumPosting",
		"TechArticle",
		"APIReference",
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

unsigned wn__meta_schema_of(const char *t)
{
	static const struct {
		const char *type;
		unsigned bit;
	} MAP[] = {
		{"DiscussionForumPosting", WN__SCHEMA_FORUM},
		{"QAPage", WN__SCHEMA_FORUM},
		{"Product", WN__SCHEMA_PRODUCT},
		{"ProductGroup", WN__SCHEMA_PRODUCT},
		{"IndividualProduct", WN__SCHEMA_PRODUCT},
		{"Car", WN__SCHEMA_PRODUCT},
		{"ItemList", WN__SCHEMA_LIST},
		{"CollectionPage", WN__SCHEMA_LIST},
		{"SearchResultsPage", WN__SCHEMA_LIST},
		{"OfferCatalog", WN__SCHEMA_LIST},
		{"TechArticle", WN__SCHEMA_DOCS},
		{"APIReference", WN__SCHEMA_DOCS},
		{"SoftwareSourceCode", WN__SCHEMA_DOCS},
		{"Service", WN__SCHEMA_SERVICE},
		{"LocalBusiness", WN__SCHEMA_SERVICE},
		{"ProfessionalService", WN__SCHEMA_SERVICE},
		{"JobPosting", WN__SCHEMA_JOB},
	};
	t = bare_type(t);
	for (size_t k = 0; k < sizeof MAP / sizeof *MAP; k++)
		if (!strcmp(t, MAP[k].type))
			return MAP[k].bit;
	return type_kind(t) == LD_ARTICLE ? WN__SCHEMA_ARTICLE : 0;
}

static unsigned obj_schema(json_t *o)
{
	json_t *t = json_object_get(o, "@type");
	unsigned bits = 0;
	if (json_is_string(t))
		bits = wn__meta_schema_of(json_string_value(t));
	size_t k;
	json_t *v;
	if (json_is_array(t))
		json_array_foreach(t, k, v) if (json_is_string(v))
			bits |= wn__meta_schema_of(json_string_value(v));
	return bits;
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
		json_array_foreach(t, k, v)
		{
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

static void add_obj(wn__meta_ctx *c, json_t *o, int top)
{
	wn__meta_ld *ld = c->ld;
	WN__ARENA_GROW(c->a, ld->objs, ld->cap_objs, ld->n_objs + 1, 16);
	ld->objs[ld->n_objs++] = (ld_obj){o, obj_kind(o), top};
	c->d->schema |= obj_schema(o);
}

/* Every object of a parsed script, in document order, each once, down to
 * WN__META_LD_DEPTH and up to WN__META_LD_OBJECTS: the candidates for the article
 * and the targets of @id references. */
static void walk_ld(wn__meta_ctx *c, json_t *root)
{
	typedef struct {
		json_t *v;
		int depth, top;
	} item;
	size_t cap = 0, sp = 0, ncap = 0;
	item *st = NULL;
	json_t **kids = NULL;
	int *kid_top = NULL;
	size_t tcap = 0;
	WN__GROW(st, cap, 1, 64);
	st[sp++] = (item){root, 0, 1};
	while (sp && c->ld->n_objs < WN__META_LD_OBJECTS) {
		item it = st[--sp];
		if (it.depth >= WN__META_LD_DEPTH)
			continue;
		size_t nk = 0, k;
		const char *key;
		json_t *v;
		if (json_is_object(it.v))
			add_obj(c, it.v, it.top);
		/* the containers inside, pushed in reverse so that they come
		 * off the stack in order */
		if (json_is_object(it.v)) {
			json_object_foreach(it.v, key, v)
			{
				if (!json_is_object(v) && !json_is_array(v))
					continue;
				WN__GROW(kids, ncap, nk + 1, 16);
				WN__GROW(kid_top, tcap, nk + 1, 16);
				kid_top[nk] = it.top && !strcmp(key, "@graph");
				kids[nk++] = v;
			}
		} else {
			json_array_foreach(it.v, k, v)
			{
				if (!json_is_object(v) && !json_is_array(v))
					continue;
				WN__GROW(kids, ncap, nk + 1, 16);
				WN__GROW(kid_top, tcap, nk + 1, 16);
				kid_top[nk] = it.top;
				kids[nk++] = v;
			}
		}
		while (nk) {
			WN__GROW(st, cap, sp + 1, 64);
			nk--;
			st[sp++] = (item){kids[nk], it.depth + 1, kid_top[nk]};
		}
	}
	free(kid_top);
	free(kids);
	free(st);
}

/* Whether s[0..n) holds a control character (a line break, a tab). */
static int holds_control(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			return 1;
	return 0;
}

void wn__meta_ld_script(wn__meta_ctx *c, const wn__node *x)
{
	wn__buf b = {0};
	script_text(x, &b);
	size_t n = b.len;
	const char *s = strip_wrappers(b.data ? b.data : "", &n);
	json_error_t err;
	json_t *root = n ? json_loadb(s, n, JSON_DISABLE_EOF_CHECK, &err) : NULL;
	if (!root && n && holds_control(s, n)) {
		/* Pages print a description's line breaks and tabs into a string
		 * unescaped, which JSON forbids; outside strings they are white
		 * space, so read as spaces everywhere the script parses as its
		 * author meant. */
		char *t = b.data + (s - b.data); /* s lies in b, ours to change */
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)t[i] < 0x20)
				t[i] = ' ';
		root = json_loadb(t, n, JSON_DISABLE_EOF_CHECK, &err);
	}
	wn__buf_free(&b);
	if (!root)
		return; /* broken JSON-LD: skipped */
	if (!c->ld)
		c->ld = wn__arena_alloc(c->a, sizeof *c->ld);
	wn__meta_ld *ld = c->ld;
	WN__GROW(ld->roots, ld->cap_roots, ld->n_roots + 1, 8);
	ld->roots[ld->n_roots++] = root;
	walk_ld(c, root);
}

void wn__meta_ld_pick(wn__meta_ctx *c)
{
	for (size_t k = 0; c->ld && k < c->ld->n_objs; k++) {
		ld_obj *o = &c->ld->objs[k];
		if (o->kind == LD_ARTICLE && !c->article)
			c->article = o->o;
		if (o->kind == LD_PAGE && !c->page)
			c->page = o->o;
		if (o->kind == LD_SITE && !c->site)
			c->site = o->o;
	}
}

void wn__meta_ld_free(wn__meta_ctx *c)
{
	if (!c->ld)
		return;
	for (size_t k = 0; k < c->ld->n_roots; k++)
		json_decref(c->ld->roots[k]);
	free(c->ld->roots);
	c->ld = NULL;
	c->article = c->page = c->site = NULL;
}

/* An object that only says {"@id": ...} stands for the object of that
 * @id elsewhere in the page's JSON-LD. */
static json_t *deref(const wn__meta_ctx *c, json_t *o)
{
	if (!json_is_object(o))
		return o;
	json_t *id = json_object_get(o, "@id");
	if (!json_is_string(id) || json_object_size(o) > 2)
		return o;
	for (size_t k = 0; k < c->ld->n_objs; k++) {
		json_t *t = c->ld->objs[k].o;
		if (t != o && json_object_size(t) > 1 && json_equal(json_object_get(t, "@id"), id))
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
static const char *jname(const wn__meta_ctx *c, json_t *v)
{
	if (json_is_string(v))
		return json_string_value(v);
	v = deref(c, v);
	return json_is_object(v) ? jstr(v, "name") : NULL;
}

const char *wn__meta_ld_str(json_t *o, const char *key)
{
	return jstr(o, key);
}

const char *wn__meta_ld_name(const wn__meta_ctx *c, json_t *o, const char *key)
{
	return jname(c, json_object_get(o, key));
}

/* Names joined by "; ": a string, an object's name, or an array of
 * these (at most WN__META_LIST_MAX); each name once. */
void wn__meta_ld_names(const wn__meta_ctx *c, json_t *o, const char *key, wn__buf *b)
{
	const char *seen[WN__META_LIST_MAX];
	size_t len[WN__META_LIST_MAX], n_seen = 0;
	json_t *v = json_object_get(o, key);
	size_t n = json_is_array(v) ? json_array_size(v) : 1;
	for (size_t k = 0; k < n && k < WN__META_LIST_MAX; k++) {
		const char *s = jname(c, json_is_array(v) ? json_array_get(v, k) : v);
		if (!s)
			continue;
		while (wn__meta_is_space((unsigned char)*s))
			s++;
		size_t l = strlen(s);
		while (l && wn__meta_is_space((unsigned char)s[l - 1]))
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
const char *wn__meta_ld_image(const wn__meta_ctx *c, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
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

/* keywords and articleSection: a comma-separated string or an array. */
void wn__meta_ld_list(wn__meta_ctx *c, wn__meta_list *l, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (json_is_string(v)) {
		wn__meta_list_split(c, l, json_string_value(v));
	} else if (json_is_array(v)) {
		size_t k;
		json_t *it;
		json_array_foreach(v, k, it) if (json_is_string(it)) wn__meta_list_add(
			c, l, json_string_value(it), strlen(json_string_value(it)));
	}
}

/* Is o's key (an author) an Organization rather than a Person: its first
 * object's @type says so? */
int wn__meta_ld_is_org(const wn__meta_ctx *c, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (json_is_array(v))
		v = json_array_get(v, 0);
	v = deref(c, v);
	if (!json_is_object(v))
		return 0;
	json_t *t = json_object_get(v, "@type");
	if (json_is_array(t))
		t = json_array_get(t, 0);
	if (!json_is_string(t))
		return 0;
	const char *b = bare_type(json_string_value(t));
	return !strcmp(b, "Organization") || !strcmp(b, "NewsMediaOrganization") ||
	       !strcmp(b, "Corporation") || !strcmp(b, "LocalBusiness");
}

/* The thing a page is about: its "mainEntity" (a QAPage's Question, a
 * ProfilePage's Person), or NULL. */
json_t *wn__meta_ld_main_entity(const wn__meta_ctx *c, json_t *o)
{
	json_t *v = json_object_get(o, "mainEntity");
	if (json_is_array(v))
		v = json_array_get(v, 0);
	v = deref(c, v);
	return json_is_object(v) ? v : NULL;
}

/* A date the page's JSON-LD gives under key in an object of any type but
 * those whose dates are not the page's (a review, a comment, an answer,
 * an image, an offer, an event): the first of the scripts' own objects,
 * not of one inside another (a Product's video); none on a page whose
 * JSON-LD is about a Product.  NULL when there is none. */
const char *wn__meta_ld_any(const wn__meta_ctx *c, const char *key)
{
	static const char *const OTHER[] = {
		"Review",       "Comment",        "Answer",          "ImageObject",
		"Offer",        "AggregateOffer", "Event",           "Person",
		"Organization", "Rating",         "AggregateRating", NULL,
	};
	for (size_t k = 0; c->ld && k < c->ld->n_objs; k++) {
		json_t *t = json_object_get(c->ld->objs[k].o, "@type");
		if (c->ld->objs[k].top && json_is_string(t) &&
		    !strcmp(bare_type(json_string_value(t)), "Product"))
			return NULL;
	}
	for (size_t k = 0; c->ld && k < c->ld->n_objs; k++) {
		json_t *o = c->ld->objs[k].o;
		const char *v = c->ld->objs[k].top ? jstr(o, key) : NULL;
		if (!v)
			continue;
		json_t *t = json_object_get(o, "@type");
		if (json_is_array(t))
			t = json_array_get(t, 0);
		const char *b = json_is_string(t) ? bare_type(json_string_value(t)) : "";
		int other = 0;
		for (const char *const *x = OTHER; *x && !other; x++)
			other = !strcmp(b, *x);
		if (!other)
			return v;
	}
	return NULL;
}
