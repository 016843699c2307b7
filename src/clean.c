/*
 * clean.c -- the cleaning stage.  Marks subtrees that are never content
 * (WN__NF_REMOVED) and records class/id/role evidence on each element
 * (wn__node.hint): evidence, not verdicts -- scoring weighs it with the
 * text itself.  Word lists after Readability.js's unlikely/positive/negative
 * class patterns and boilerpipe's observations, written anew and extended.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "base/tags.h"
#include "stages.h"
#include "tuning.h"


/* Elements gumbo has no tag for, by name: MathML's <annotation> holds the
 * formula's TeX source, which is not what the page shows. */
static int unknown_named(const wn__node *x, const char *name)
{
	char buf[32];
	const char *t = x->tag == GUMBO_TAG_UNKNOWN ? wn__tag_name(x, buf, sizeof buf) : NULL;
	return t && !strcmp(t, name);
}

/* Inline style that hides: display:none or visibility:hidden. */
static int style_hides(const char *st)
{
	char buf[256];
	size_t o = 0;
	for (const char *p = st; *p && o < sizeof buf - 1; p++)
		if (!isspace((unsigned char)*p))
			buf[o++] = (char)tolower((unsigned char)*p);
	buf[o] = 0;
	return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

static int is_hidden(const wn__node *x)
{
	if (wn__attr(x, "hidden"))
		return 1;
	const char *v = wn__attr(x, "aria-hidden");
	if (v && !strcasecmp(v, "true"))
		return 1;
	v = wn__attr(x, "style");
	return v && style_hides(v);
}

/* One word of evidence, matched in the lower-cased class and id text.
 * ANY: anywhere (long, specific words: "sidebar" in "leftsidebar");
 * START: at the start of a token, tokens split at space, '-' and '_'
 * ("nav" in "navbar", "main-nav", not in "canvas"); WHOLE: a whole token
 * ("ad" in "ad-slot", not in "header" or "adobe"). */
enum { ANY, START, WHOLE };
typedef struct hint_word {
	const char *word;
	int mode;
	int weight;
} hint_word;

#define GOOD WN__HINT_GOOD
#define BAD WN__HINT_BAD
static const hint_word HINTS[] = {
	/* content */
	{"article", ANY, GOOD}, {"body", START, GOOD / 2},
	{"content", ANY, GOOD / 2}, {"entry", START, GOOD},
	{"hentry", WHOLE, GOOD}, {"h-entry", WHOLE, GOOD},
	{"main", START, GOOD / 2}, {"post", START, GOOD},
	{"story", START, GOOD}, {"text", START, GOOD / 2},
	{"prose", START, GOOD}, {"blog", START, GOOD / 2},
	{"page", WHOLE, GOOD / 2},
	/* boilerplate */
	{"nav", START, BAD}, {"menu", START, BAD}, {"footer", ANY, BAD},
	{"sidebar", ANY, BAD}, {"share", START, BAD}, {"sharing", ANY, BAD},
	{"social", ANY, BAD}, {"related", ANY, BAD}, {"comment", ANY, BAD},
	{"disqus", ANY, BAD}, {"promo", START, BAD}, {"ad", WHOLE, BAD},
	{"ads", WHOLE, BAD}, {"advert", ANY, BAD}, {"sponsor", ANY, BAD},
	{"cookie", ANY, BAD}, {"consent", ANY, BAD}, {"gdpr", ANY, BAD},
	{"banner", ANY, BAD}, {"breadcrumb", ANY, BAD},
	{"newsletter", ANY, BAD}, {"subscri", ANY, BAD}, {"signup", ANY, BAD},
	{"login", ANY, BAD}, {"signin", ANY, BAD}, {"widget", ANY, BAD},
	{"popup", ANY, BAD}, {"modal", START, BAD}, {"masthead", ANY, BAD},
	{"header", ANY, BAD / 2}, {"outbrain", ANY, BAD},
	{"taboola", ANY, BAD}, {"popular", ANY, BAD}, {"trending", ANY, BAD},
	{"mostread", ANY, BAD}, {"most-read", ANY, BAD},
	{"recommend", ANY, BAD}, {"teaser", ANY, BAD},
	{"pagination", ANY, BAD}, {"pager", WHOLE, BAD},
	{"toolbar", ANY, BAD}, {"tags", WHOLE, BAD}, {"tag-list", ANY, BAD},
	{"meta", WHOLE, BAD}, {"byline", ANY, BAD}, {"author", ANY, BAD / 2},
	{"skip", START, BAD}, {"hidden", WHOLE, BAD}, {"sr-only", ANY, BAD},
	{"visually-hidden", ANY, BAD}, {"shoutbox", ANY, BAD},
	{"combx", ANY, BAD}, {"skyscraper", ANY, BAD}, {"rss", WHOLE, BAD},
	{"print", WHOLE, BAD}, {"caption", ANY, BAD / 2},
	{"copyright", ANY, BAD}, {"contact", START, BAD / 2},
	{"follow", START, BAD}, {"donate", START, BAD}, {"paywall", ANY, BAD},
	{"overlay", ANY, BAD}, {"reply", START, BAD / 2},
	{"signature", ANY, BAD}, {"profile", ANY, BAD}, {"userinfo", ANY, BAD},
	{"user-info", ANY, BAD}, {"back2top", ANY, BAD}, {"backtotop", ANY, BAD},
	{"back-to-top", ANY, BAD}, {"reviews", START, BAD},
	{"shipping", ANY, BAD / 2}, {"delivery", ANY, BAD / 2},
};
#undef GOOD
#undef BAD

static int sep(char c) { return c == ' ' || c == '-' || c == '_' || c == 0; }

static int word_in(const char *hay, const hint_word *w)
{
	size_t n = strlen(w->word);
	for (const char *p = strstr(hay, w->word); p; p = strstr(p + 1, w->word)) {
		if (w->mode == ANY)
			return 1;
		if (p != hay && !sep(p[-1]))
			continue;
		if (w->mode == START || sep(p[n]))
			return 1;
	}
	return 0;
}

/* Appends s lower-cased; an id made of many words is an anchor generated
 * from a heading ("sharing-with-a-single-developer"), not a role name, and
 * is left out. */
static size_t put_lower(char *buf, size_t o, size_t cap, const char *s, int is_id)
{
	if (!s)
		return o;
	if (is_id) {
		int words = 1;
		for (const char *p = s; *p; p++)
			words += *p == '-' || *p == '_';
		if (words > WN__HINT_MAX_ID_WORDS)
			return o;
	}
	for (; *s && o < cap - 2; s++)
		buf[o++] = (char)tolower((unsigned char)*s);
	if (o < cap - 1)
		buf[o++] = ' ';
	buf[o] = 0;
	return o;
}

static int class_id_hint(const wn__node *x)
{
	const char *cls = wn__attr(x, "class"), *id = wn__attr(x, "id");
	if (!cls && !id)
		return 0;
	char buf[512];
	size_t o = put_lower(buf, 0, sizeof buf, cls, 0);
	o = put_lower(buf, o, sizeof buf, id, 1);
	if (!o)
		return 0;
	int good = 0, bad = 0;
	for (size_t k = 0; k < sizeof HINTS / sizeof *HINTS; k++)
		if (word_in(buf, &HINTS[k])) {
			if (HINTS[k].weight > good)
				good = HINTS[k].weight;
			if (HINTS[k].weight < bad)
				bad = HINTS[k].weight;
		}
	/* The strongest word of each side counts once: "post-comments" is
	 * a comment box, "main-nav" navigation. */
	return bad ? bad + good / WN__HINT_GOOD_BESIDE_BAD : good;
}

static int role_hint(const wn__node *x)
{
	const char *r = wn__attr(x, "role");
	if (!r)
		return 0;
	if (!strcasecmp(r, "main") || !strcasecmp(r, "article"))
		return WN__HINT_GOOD;
	if (!strcasecmp(r, "navigation") || !strcasecmp(r, "banner") ||
	    !strcasecmp(r, "contentinfo") || !strcasecmp(r, "complementary") ||
	    !strcasecmp(r, "search") || !strcasecmp(r, "menu") ||
	    !strcasecmp(r, "menubar") || !strcasecmp(r, "dialog") ||
	    !strcasecmp(r, "alert") || !strcasecmp(r, "tablist") ||
	    !strcasecmp(r, "toolbar"))
		return WN__HINT_BAD;
	return 0;
}

static int tag_hint(int tag)
{
	switch (tag) {
	case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
		return WN__HINT_GOOD;
	case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER:
		return WN__HINT_BAD;
	case GUMBO_TAG_HEADER: case GUMBO_TAG_FORM:
		return WN__HINT_BAD / 2;
	default:
		return 0;
	}
}

/* Formulas are often MathML hidden from sight beside an image hidden from
 * screen readers (Wikipedia): a hidden element whose first child is <math>
 * is the formula's text and stays (the notes' "formulas not silently
 * dropped"). */
static int holds_math(const wn__doc *d, int32_t i)
{
	for (int32_t j = i + 1; j < d->nodes[i].end; j++) {
		const wn__node *c = &d->nodes[j];
		if (c->kind == WN__NODE_WHITESPACE)
			continue;
		return c->kind == WN__NODE_ELEMENT && c->tag == GUMBO_TAG_MATH;
	}
	return 0;
}

/* Cells that hold paragraph-level structure lay out a page: their content
 * renders as paragraphs, not as one row of a data table.  One <p> is not
 * structure: documentation generators wrap every cell's text in one. */
static void mark_layout_cells(wn__doc *d)
{
	int32_t n = d->n_nodes;
	/* per node: 0, 1 or 2 = more than one <p>, or other structure */
	uint8_t *holds = wn__arena_alloc(&d->arena, (size_t)(n ? n : 1));
	for (int32_t i = n - 1; i > 0; i--) {
		wn__node *x = &d->nodes[i];
		unsigned h = holds[i] + (x->tag == GUMBO_TAG_P) +
		             2 * wn__tag_is(x->tag, WN__TC_STRUCTURE) + holds[x->parent];
		holds[x->parent] = (uint8_t)(h < 2 ? h : 2);
		if (holds[i] >= 2 && wn__tag_is(x->tag, WN__TC_CELL))
			x->flags |= WN__NF_LAYOUT;
	}
}

/* Bytes of text in the subtree of node i. */
static size_t text_bytes(const wn__doc *d, int32_t i)
{
	size_t n = 0;
	for (int32_t j = i + 1; j < d->nodes[i].end; j++)
		if (d->nodes[j].kind == WN__NODE_TEXT)
			n += strlen(d->nodes[j].g->v.text.text);
	return n;
}

/* Whether element x, which cleaning would remove, is read in this pass:
 * a recovery pass reads what a browser without scripts shows (noscript
 * content, which gumbo parses as markup) or what a script would show (a
 * hidden wrapper of most of the page).  The first pass counts both, so
 * that the driver knows whether a recovery pass can find anything. */
static int recovered(wn__doc *d, int32_t i, int hidden)
{
	const wn__node *x = &d->nodes[i];
	if (x->tag == GUMBO_TAG_NOSCRIPT) {
		size_t n = text_bytes(d, i);
		d->noscript_text += n;
		return (d->recover & WN__RECOVER_NOSCRIPT) && n;
	}
	if (!hidden || x->tag == GUMBO_TAG_TEMPLATE)
		return 0;
	size_t n = text_bytes(d, i);
	if (n > d->hidden_text)
		d->hidden_text = n;
	return (d->recover & WN__RECOVER_HIDDEN) && n >= WN__RECOVER_HIDDEN_BYTES;
}

void wn__clean(wn__doc *d)
{
	mark_layout_cells(d);
	for (int32_t i = 0; i < d->n_nodes; i++) {
		wn__node *x = &d->nodes[i];
		if (x->kind != WN__NODE_ELEMENT || i == 0)
			continue;
		int hidden = is_hidden(x) && !holds_math(d, i);
		if ((wn__tag_is(x->tag, WN__TC_REMOVED) || hidden ||
		     unknown_named(x, "annotation")) &&
		    !recovered(d, i, hidden)) {
			x->flags |= WN__NF_REMOVED;
			i = x->end - 1; /* its subtree is gone */
			continue;
		}
		int h = tag_hint(x->tag) + class_id_hint(x) + role_hint(x);
		const char *ip = wn__attr(x, "itemprop");
		if (ip && (strstr(ip, "articleBody") || strstr(ip, "text")))
			h += WN__HINT_GOOD;
		if (h > INT16_MAX)
			h = INT16_MAX;
		if (h < INT16_MIN)
			h = INT16_MIN;
		x->hint = (int16_t)h;
	}
}
