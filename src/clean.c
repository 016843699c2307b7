/*
 * clean.c -- the cleaning stage.  Marks subtrees that are never content
 * (WN_NF_REMOVED) and records class/id/role evidence on each element
 * (wn_node.hint): evidence, not verdicts -- scoring weighs it with the
 * text itself.  Word lists after Readability.js's unlikely/positive/negative
 * class patterns and boilerpipe's observations, written anew and extended.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "tuning.h"

static int removed_tag(int tag)
{
	switch (tag) {
	case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
	case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG:
	case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
	case GUMBO_TAG_CANVAS: case GUMBO_TAG_APPLET: case GUMBO_TAG_BUTTON:
	case GUMBO_TAG_INPUT: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST: case GUMBO_TAG_KEYGEN:
	case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP:
	case GUMBO_TAG_FRAMESET: case GUMBO_TAG_FRAME: case GUMBO_TAG_NOFRAMES:
	case GUMBO_TAG_ANNOTATION_XML:
		return 1;
	default:
		return 0;
	}
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

static int is_hidden(const wn_node *x)
{
	if (wn__attr(x, "hidden"))
		return 1;
	const char *v = wn__attr(x, "aria-hidden");
	if (v && !strcasecmp(v, "true"))
		return 1;
	v = wn__attr(x, "style");
	return v && style_hides(v);
}

/* One word of evidence.  Patterns match anywhere in the lower-cased class
 * and id text, except WHOLE ones, which must be a whole token (between
 * start/end, space, '-' or '_'): "ad" must not match "header". */
enum { SUB = 0, WHOLE = 1 };
typedef struct hint_word {
	const char *word;
	int mode;
	int weight;
} hint_word;

static const hint_word HINTS[] = {
	/* content */
	{"article", SUB, WN_HINT_GOOD}, {"body", SUB, WN_HINT_GOOD / 2},
	{"content", SUB, WN_HINT_GOOD / 2}, {"entry", SUB, WN_HINT_GOOD},
	{"hentry", SUB, WN_HINT_GOOD}, {"main", SUB, WN_HINT_GOOD / 2},
	{"post", WHOLE, WN_HINT_GOOD}, {"story", SUB, WN_HINT_GOOD},
	{"text", SUB, WN_HINT_GOOD / 2}, {"prose", SUB, WN_HINT_GOOD},
	{"blog", SUB, WN_HINT_GOOD / 2}, {"page", WHOLE, WN_HINT_GOOD / 2},
	{"articlebody", SUB, WN_HINT_GOOD},
	/* boilerplate */
	{"nav", SUB, WN_HINT_BAD}, {"menu", SUB, WN_HINT_BAD},
	{"footer", SUB, WN_HINT_BAD}, {"sidebar", SUB, WN_HINT_BAD},
	{"share", SUB, WN_HINT_BAD}, {"sharing", SUB, WN_HINT_BAD},
	{"social", SUB, WN_HINT_BAD}, {"related", SUB, WN_HINT_BAD},
	{"comment", SUB, WN_HINT_BAD}, {"disqus", SUB, WN_HINT_BAD},
	{"promo", SUB, WN_HINT_BAD}, {"ad", WHOLE, WN_HINT_BAD},
	{"ads", WHOLE, WN_HINT_BAD}, {"advert", SUB, WN_HINT_BAD},
	{"sponsor", SUB, WN_HINT_BAD}, {"cookie", SUB, WN_HINT_BAD},
	{"consent", SUB, WN_HINT_BAD}, {"gdpr", SUB, WN_HINT_BAD},
	{"banner", SUB, WN_HINT_BAD}, {"breadcrumb", SUB, WN_HINT_BAD},
	{"newsletter", SUB, WN_HINT_BAD}, {"subscribe", SUB, WN_HINT_BAD},
	{"signup", SUB, WN_HINT_BAD}, {"login", SUB, WN_HINT_BAD},
	{"signin", SUB, WN_HINT_BAD}, {"widget", SUB, WN_HINT_BAD},
	{"popup", SUB, WN_HINT_BAD}, {"modal", SUB, WN_HINT_BAD},
	{"masthead", SUB, WN_HINT_BAD}, {"header", SUB, WN_HINT_BAD / 2},
	{"outbrain", SUB, WN_HINT_BAD}, {"taboola", SUB, WN_HINT_BAD},
	{"popular", SUB, WN_HINT_BAD}, {"trending", SUB, WN_HINT_BAD},
	{"most-read", SUB, WN_HINT_BAD}, {"mostread", SUB, WN_HINT_BAD},
	{"recommend", SUB, WN_HINT_BAD}, {"teaser", SUB, WN_HINT_BAD},
	{"pagination", SUB, WN_HINT_BAD}, {"pager", SUB, WN_HINT_BAD},
	{"toolbar", SUB, WN_HINT_BAD}, {"tags", WHOLE, WN_HINT_BAD},
	{"meta", WHOLE, WN_HINT_BAD}, {"byline", SUB, WN_HINT_BAD},
	{"author", SUB, WN_HINT_BAD / 2}, {"skip", SUB, WN_HINT_BAD},
	{"hidden", WHOLE, WN_HINT_BAD}, {"sr-only", SUB, WN_HINT_BAD},
	{"visually-hidden", SUB, WN_HINT_BAD}, {"shoutbox", SUB, WN_HINT_BAD},
	{"combx", SUB, WN_HINT_BAD}, {"skyscraper", SUB, WN_HINT_BAD},
	{"rss", WHOLE, WN_HINT_BAD}, {"print", WHOLE, WN_HINT_BAD},
	{"caption", SUB, WN_HINT_BAD / 2}, {"copyright", SUB, WN_HINT_BAD},
	{"contact", SUB, WN_HINT_BAD / 2}, {"follow", SUB, WN_HINT_BAD},
	{"donate", SUB, WN_HINT_BAD}, {"paywall", SUB, WN_HINT_BAD},
	{"overlay", SUB, WN_HINT_BAD}, {"reply", SUB, WN_HINT_BAD / 2},
};

static int token_at(const char *hay, const char *p, size_t n)
{
	int before = p == hay || p[-1] == ' ' || p[-1] == '-' || p[-1] == '_';
	char c = p[n];
	return before && (c == 0 || c == ' ' || c == '-' || c == '_');
}

static int word_in(const char *hay, const hint_word *w)
{
	size_t n = strlen(w->word);
	for (const char *p = strstr(hay, w->word); p; p = strstr(p + 1, w->word))
		if (w->mode == SUB || token_at(hay, p, n))
			return 1;
	return 0;
}

static int class_id_hint(const wn_node *x)
{
	const char *cls = wn__attr(x, "class"), *id = wn__attr(x, "id");
	if (!cls && !id)
		return 0;
	char buf[512];
	size_t o = 0;
	for (int k = 0; k < 2; k++) {
		const char *s = k ? id : cls;
		for (; s && *s && o < sizeof buf - 2; s++)
			buf[o++] = (char)tolower((unsigned char)*s);
		buf[o++] = ' ';
	}
	buf[o] = 0;
	int good = 0, bad = 0;
	for (size_t k = 0; k < sizeof HINTS / sizeof *HINTS; k++)
		if (word_in(buf, &HINTS[k])) {
			if (HINTS[k].weight > 0 && HINTS[k].weight > good)
				good = HINTS[k].weight;
			if (HINTS[k].weight < 0 && HINTS[k].weight < bad)
				bad = HINTS[k].weight;
		}
	/* The strongest word of each side counts once: "post-comments" is
	 * a comment box, "main-nav" navigation. */
	return bad ? bad + good / 4 : good;
}

static int role_hint(const wn_node *x)
{
	const char *r = wn__attr(x, "role");
	if (!r)
		return 0;
	if (!strcasecmp(r, "main") || !strcasecmp(r, "article"))
		return WN_HINT_GOOD;
	if (!strcasecmp(r, "navigation") || !strcasecmp(r, "banner") ||
	    !strcasecmp(r, "contentinfo") || !strcasecmp(r, "complementary") ||
	    !strcasecmp(r, "search") || !strcasecmp(r, "menu") ||
	    !strcasecmp(r, "menubar") || !strcasecmp(r, "dialog") ||
	    !strcasecmp(r, "alert"))
		return WN_HINT_BAD;
	return 0;
}

static int tag_hint(int tag)
{
	switch (tag) {
	case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
		return WN_HINT_GOOD;
	case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER:
		return WN_HINT_BAD;
	case GUMBO_TAG_HEADER: case GUMBO_TAG_FORM:
		return WN_HINT_BAD / 2;
	default:
		return 0;
	}
}

void wn__clean(wn_doc *d)
{
	for (int32_t i = 0; i < d->n_nodes; i++) {
		wn_node *x = &d->nodes[i];
		if (x->kind != WN_NODE_ELEMENT || i == 0)
			continue;
		if (removed_tag(x->tag) || is_hidden(x)) {
			x->flags |= WN_NF_REMOVED;
			i = x->end - 1; /* its subtree is gone */
			continue;
		}
		int h = tag_hint(x->tag) + class_id_hint(x) + role_hint(x);
		const char *ip = wn__attr(x, "itemprop");
		if (ip && (strstr(ip, "articleBody") || strstr(ip, "text")))
			h += WN_HINT_GOOD;
		if (h > INT16_MAX)
			h = INT16_MAX;
		if (h < INT16_MIN)
			h = INT16_MIN;
		x->hint = (int16_t)h;
	}
}
