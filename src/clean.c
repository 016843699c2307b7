/*
 * clean.c -- the cleaning stage.  Marks subtrees that are never content
 * (WN__NF_REMOVED) and records class/id/role evidence on each element
 * (wn__node.hint): evidence, not verdicts -- scoring weighs it with the
 * text itself.  Word lists after Readability.js's unlikely/positive/negative
 * class patterns and boilerpipe's observations, written anew and extended.
 */
#include <stdio.h>
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

/* The attributes cleaning reads, in one pass over the element's.  gumbo
 * writes the names of HTML elements' attributes in lower case (and of
 * foreign ones too, but for a few camelCase SVG and MathML names, none of
 * these), and keeps the first of two of a name: a plain compare finds
 * what wn__attr finds. */
typedef struct attrs {
	const char *cls, *id, *role, *itemprop, *style, *hidden, *aria_hidden;
} attrs;

static void read_attrs(const wn__node *x, attrs *a)
{
	memset(a, 0, sizeof *a);
	const GumboVector *v = &x->g->v.element.attributes;
	for (unsigned k = 0; k < v->length; k++) {
		const GumboAttribute *at = v->data[k];
		const char *n = at->name, **slot = NULL;
		switch (n[0]) {
		case 'a': slot = !strcmp(n, "aria-hidden") ? &a->aria_hidden : NULL; break;
		case 'c': slot = !strcmp(n, "class") ? &a->cls : NULL; break;
		case 'h': slot = !strcmp(n, "hidden") ? &a->hidden : NULL; break;
		case 'i':
			slot = !strcmp(n, "id")         ? &a->id
			       : !strcmp(n, "itemprop") ? &a->itemprop
			                                : NULL;
			break;
		case 'r': slot = !strcmp(n, "role") ? &a->role : NULL; break;
		case 's': slot = !strcmp(n, "style") ? &a->style : NULL; break;
		default: break;
		}
		if (slot && !*slot)
			*slot = at->value;
	}
}

static int is_hidden(const attrs *a)
{
	return a->hidden || (a->aria_hidden && !strcasecmp(a->aria_hidden, "true")) ||
	       (a->style && wn__style_hides(a->style, strlen(a->style)));
}

/* One word of evidence, matched in the lower-cased class and id text.
 * ANY: anywhere (long, specific words: "sidebar" in "leftsidebar");
 * START: at the start of a token, tokens split at space, '-' and '_'
 * ("nav" in "navbar", "main-nav", not in "canvas"); WHOLE: a whole token
 * ("ad" in "ad-slot", not in "header" or "adobe"). */
enum { ANY, START, WHOLE };
typedef struct hint_word {
	const char *word;
	size_t len;
	int mode;
	int weight;
} hint_word;

/* By the letter they start with, so that each place of the text is tried
 * against the few words its letter starts (a unit test checks that each
 * word is under its letter, lower case). */
/* clang-format off */
#define GOOD WN__HINT_GOOD
#define BAD WN__HINT_BAD
#define W(word, mode, weight) {word, sizeof word - 1, mode, weight}
static const hint_word HINTS_A[] = {
	W("ad", WHOLE, BAD), W("ads", WHOLE, BAD), W("advert", ANY, BAD),
	W("article", ANY, GOOD), W("author", ANY, BAD / 2)
};
static const hint_word HINTS_B[] = {
	W("back-to-top", ANY, BAD), W("back2top", ANY, BAD), W("backtotop", ANY, BAD),
	W("banner", ANY, BAD), W("blog", START, GOOD / 2), W("body", START, GOOD / 2),
	W("breadcrumb", ANY, BAD), W("byline", ANY, BAD)
};
static const hint_word HINTS_C[] = {
	W("caption", ANY, BAD / 2), W("combx", ANY, BAD), W("comment", ANY, BAD),
	W("consent", ANY, BAD), W("contact", START, BAD / 2), W("content", ANY, GOOD / 2),
	W("cookie", ANY, BAD), W("copyright", ANY, BAD)
};
static const hint_word HINTS_D[] = {
	W("delivery", ANY, BAD / 2), W("disclaimer", ANY, BAD), W("donate", START, BAD)
};
static const hint_word HINTS_E[] = {
	W("entry", START, GOOD)
};
static const hint_word HINTS_F[] = {
	W("fineprint", ANY, BAD), W("follow", START, BAD), W("footer", ANY, BAD)
};
static const hint_word HINTS_G[] = {
	W("gdpr", ANY, BAD)
};
static const hint_word HINTS_H[] = {
	W("h-entry", WHOLE, GOOD), W("header", ANY, BAD / 2), W("hentry", WHOLE, GOOD),
	W("hidden", WHOLE, BAD)
};
static const hint_word HINTS_L[] = {
	W("login", ANY, BAD)
};
static const hint_word HINTS_M[] = {
	W("main", START, GOOD / 2), W("masthead", ANY, BAD), W("menu", START, BAD),
	W("meta", WHOLE, BAD), W("modal", START, BAD), W("most-read", ANY, BAD),
	W("mostread", ANY, BAD)
};
static const hint_word HINTS_N[] = {
	W("nav", START, BAD), W("newsletter", ANY, BAD)
};
static const hint_word HINTS_O[] = {
	W("outbrain", ANY, BAD), W("overlay", ANY, BAD)
};
static const hint_word HINTS_P[] = {
	W("page", WHOLE, GOOD / 2), W("pager", WHOLE, BAD), W("pagination", ANY, BAD),
	W("paywall", ANY, BAD), W("popular", ANY, BAD), W("popup", ANY, BAD),
	W("post", START, GOOD), W("print", WHOLE, BAD), W("profile", ANY, BAD),
	W("promo", START, BAD), W("prose", START, GOOD)
};
static const hint_word HINTS_R[] = {
	W("recommend", ANY, BAD), W("related", ANY, BAD), W("reply", START, BAD / 2),
	W("reviews", START, BAD), W("rss", WHOLE, BAD)
};
static const hint_word HINTS_S[] = {
	W("share", START, BAD), W("sharing", ANY, BAD), W("shipping", ANY, BAD / 2),
	W("shoutbox", ANY, BAD), W("sidebar", ANY, BAD), W("signature", ANY, BAD),
	W("signin", ANY, BAD), W("signup", ANY, BAD), W("skip", START, BAD),
	W("skyscraper", ANY, BAD), W("social", ANY, BAD), W("sponsor", ANY, BAD),
	W("sr-only", ANY, BAD), W("story", START, GOOD), W("subscri", ANY, BAD)
};
static const hint_word HINTS_T[] = {
	W("taboola", ANY, BAD), W("tag-list", ANY, BAD), W("tags", WHOLE, BAD),
	W("teaser", ANY, BAD), W("text", START, GOOD / 2), W("toolbar", ANY, BAD),
	W("trending", ANY, BAD)
};
static const hint_word HINTS_U[] = {
	W("user-info", ANY, BAD), W("userinfo", ANY, BAD)
};
static const hint_word HINTS_V[] = {
	W("visually-hidden", ANY, BAD)
};
static const hint_word HINTS_W[] = {
	W("widget", ANY, BAD)
};
#undef W
#undef GOOD
#undef BAD
#define L(x) {x, sizeof x / sizeof *x}
static const struct {
	const hint_word *w;
	size_t n;
} HINTS['z' - 'a' + 1] = {
	['a' - 'a'] = L(HINTS_A), ['b' - 'a'] = L(HINTS_B), ['c' - 'a'] = L(HINTS_C),
	['d' - 'a'] = L(HINTS_D), ['e' - 'a'] = L(HINTS_E), ['f' - 'a'] = L(HINTS_F),
	['g' - 'a'] = L(HINTS_G), ['h' - 'a'] = L(HINTS_H), ['l' - 'a'] = L(HINTS_L),
	['m' - 'a'] = L(HINTS_M), ['n' - 'a'] = L(HINTS_N), ['o' - 'a'] = L(HINTS_O),
	['p' - 'a'] = L(HINTS_P), ['r' - 'a'] = L(HINTS_R), ['s' - 'a'] = L(HINTS_S),
	['t' - 'a'] = L(HINTS_T), ['u' - 'a'] = L(HINTS_U), ['v' - 'a'] = L(HINTS_V),
	['w' - 'a'] = L(HINTS_W),
};
#undef L
/* clang-format on */

int wn__clean_hints_check(void)
{
	for (size_t c = 0; c < sizeof HINTS / sizeof *HINTS; c++)
		for (size_t k = 0; k < HINTS[c].n; k++) {
			const hint_word *w = &HINTS[c].w[k];
			if (w->len != strlen(w->word) || w->len < 2 || w->word[0] != (char)('a' + c))
				return 0;
			for (size_t i = 0; i < w->len; i++)
				if (w->word[i] >= 'A' && w->word[i] <= 'Z')
					return 0;
		}
	return 1;
}

const char *wn__clean_hint(size_t k, int *mode, int *weight)
{
	for (size_t c = 0; c < sizeof HINTS / sizeof *HINTS; c++) {
		if (k < HINTS[c].n) {
			*mode = HINTS[c].w[k].mode;
			*weight = HINTS[c].w[k].weight;
			return HINTS[c].w[k].word;
		}
		k -= HINTS[c].n;
	}
	return NULL;
}

static int sep(char c)
{
	return c == ' ' || c == '-' || c == '_' || c == 0;
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
	for (; *s && o < cap - 2; s++) {
		char c = *s;
		buf[o++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	if (o < cap - 1)
		buf[o++] = ' ';
	buf[o] = 0;
	return o;
}

/* Whether the word at buf[p] follows, in its token, the name of a part of
 * an element ("label-hidden", "title_hidden"): "hidden" then says that
 * the part is not shown, not the element, as a form field's or a body
 * field's class says of its label. */
static int part_named(const char *buf, size_t p)
{
	static const char *const parts[] = {"label", "title", "caption", "icon", "heading"};
	if (p < 2 || (buf[p - 1] != '-' && buf[p - 1] != '_'))
		return 0;
	size_t e = p - 1; /* the part's name ends before e */
	while (e > 0 && (buf[e - 1] == '-' || buf[e - 1] == '_'))
		e--;
	for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
		size_t n = strlen(parts[k]);
		if (e >= n && !memcmp(buf + e - n, parts[k], n) && (e == n || sep(buf[e - n - 1])))
			return 1;
	}
	return 0;
}

/* Words that name a landing page's own parts as much as boilerplate: its
 * hero "banner", its "promo" blocks.  An element whose only bad words are
 * these is marked (WN__NF_PITCH) for the modes that read such pages. */
static int pitch_word(const char *w)
{
	return !strcmp(w, "banner") || !strcmp(w, "promo");
}

/* ... and a conversation's: "comment", "reply" name a thread's posts as
 * well as the comments under an article (the forum mode reads them). */
static int convo_word(const char *w)
{
	return !strcmp(w, "comment") || !strcmp(w, "reply");
}

/* Every word found at every place of the text, each place tried against
 * the words its letter starts: the words that are there are those that
 * strstr would find (and at the token boundaries their modes ask). */
static int class_id_hint(const attrs *a, int skip_hidden, int unit_widget, int *pitch, int *convo)
{
	if (pitch)
		*pitch = 0;
	if (convo)
		*convo = 0;
	if (!a->cls && !a->id)
		return 0;
	char buf[512];
	size_t o = put_lower(buf, 0, sizeof buf, a->cls, 0);
	o = put_lower(buf, o, sizeof buf, a->id, 1);
	int good = 0, bad = 0, other_bad = 0, other_talk = 0;
	for (size_t p = 0; p < o; p++) {
		unsigned char c = (unsigned char)buf[p];
		if (c < 'a' || c > 'z' || !HINTS[c - 'a'].n)
			continue; /* no word starts there (and w is NULL) */
		const hint_word *w = HINTS[c - 'a'].w, *end = w + HINTS[c - 'a'].n;
		for (; w < end; w++) {
			/* most fail at the second letter; the text ends in a NUL */
			size_t i = 1;
			while (i < w->len && buf[p + i] == w->word[i])
				i++;
			if (i < w->len)
				continue;
			if (w->mode != ANY && p && !sep(buf[p - 1]))
				continue;
			if (w->mode == WHOLE && !sep(buf[p + w->len]))
				continue;
			if (w->word[0] == 'h' && !strcmp(w->word, "hidden") &&
			    (skip_hidden || part_named(buf, p)))
				continue;
			if (w->word[0] == 'w' && unit_widget && !strcmp(w->word, "widget"))
				continue;
			if (w->weight > good)
				good = w->weight;
			if (w->weight < bad)
				bad = w->weight;
			if (w->weight < 0 && !pitch_word(w->word))
				other_bad = 1;
			if (w->weight < 0 && !convo_word(w->word))
				other_talk = 1;
		}
	}
	if (pitch)
		*pitch = bad < 0 && !other_bad;
	if (convo)
		*convo = bad < 0 && !other_talk;
	/* The strongest word of each side counts once: "post-comments" is
	 * a comment box, "main-nav" navigation. */
	return bad ? bad + good / WN__HINT_GOOD_BESIDE_BAD : good;
}

static int role_hint(const char *r)
{
	if (!r)
		return 0;
	if (!strcasecmp(r, "main") || !strcasecmp(r, "article"))
		return WN__HINT_GOOD;
	if (!strcasecmp(r, "navigation") || !strcasecmp(r, "banner") ||
	    !strcasecmp(r, "contentinfo") || !strcasecmp(r, "complementary") ||
	    !strcasecmp(r, "search") || !strcasecmp(r, "menu") || !strcasecmp(r, "menubar") ||
	    !strcasecmp(r, "dialog") || !strcasecmp(r, "alert") || !strcasecmp(r, "tablist") ||
	    !strcasecmp(r, "toolbar"))
		return WN__HINT_BAD;
	return 0;
}

static int tag_hint(int tag)
{
	switch (tag) {
	case GUMBO_TAG_ARTICLE:
	case GUMBO_TAG_MAIN: return WN__HINT_GOOD;
	case GUMBO_TAG_NAV:
	case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_FOOTER: return WN__HINT_BAD;
	case GUMBO_TAG_HEADER:
	case GUMBO_TAG_FORM: return WN__HINT_BAD / 2;
	default: return 0;
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

/* Whether i's subtree holds text outside a <pre>: more than a code
 * sample's other form (npm, yarn, pnpm), which says the shown one again. */
static int text_outside_code(const wn__doc *d, int32_t i)
{
	for (int32_t j = i + 1; j < d->nodes[i].end; j++) {
		const wn__node *x = &d->nodes[j];
		if (x->kind == WN__NODE_ELEMENT && x->tag == GUMBO_TAG_PRE)
			j = x->end - 1;
		else if (x->kind == WN__NODE_TEXT)
			return 1;
	}
	return 0;
}

/* WAI-ARIA's tabs: a panel not shown is one click away, the page's own
 * content (a product's details, a service's plans), unless it is only a
 * code sample's other form. */
static int shown_tab(const wn__doc *d, int32_t i, const attrs *a)
{
	return a->role && !strcasecmp(a->role, "tabpanel") && text_outside_code(d, i);
}

/* Whether element c is shown by its own attributes. */
static int shown(const wn__node *c)
{
	attrs a;
	read_attrs(c, &a);
	return !is_hidden(&a);
}

/* A panel hidden by a style beside a shown sibling of its tag and class
 * is a script's tab set or carousel (tabs without ARIA: one pane
 * display:block, the others display:none): the page's own content one
 * click away, as a tabpanel is.  A menu's or a dialog's panels are
 * chrome, and their words or role say so. */
static int sibling_panel(const wn__doc *d, int32_t i, const attrs *a, int unit_widget)
{
	if (!a->style || a->hidden || a->aria_hidden || !wn__style_hides(a->style, strlen(a->style)))
		return 0;
	if (!a->cls || !*a->cls || class_id_hint(a, 1, unit_widget, NULL, NULL) < 0 ||
	    role_hint(a->role) < 0 || !text_outside_code(d, i))
		return 0;
	int budget = WN__DISCLOSURE_SCAN;
	for (int32_t c = -1; (c = wn__next_of_tag(d, i, c, &budget)) >= 0;) {
		const char *yc = wn__attr(&d->nodes[c], "class");
		if (yc && !strcmp(yc, a->cls) && shown(&d->nodes[c]))
			return 1;
	}
	return 0;
}

/* The ids that the page's toggles say they control (aria-controls, a
 * list of ids): an open-addressing set of their hashes. */
typedef struct id_set {
	uint32_t *h;
	size_t cap;
} id_set;

static uint32_t id_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t k = 0; k < n; k++)
		h = (h ^ (unsigned char)s[k]) * 16777619u;
	return h ? h : 1;
}

/* The slot of hash h in s: its own, or the empty one where it goes. */
static size_t id_slot(const id_set *s, uint32_t h)
{
	size_t k = h & (s->cap - 1);
	while (s->h[k] && s->h[k] != h)
		k = (k + 1) & (s->cap - 1);
	return k;
}

static id_set controlled_ids(wn__doc *d)
{
	id_set s = {NULL, 0};
	/* the values, in one look at each element's attributes */
	const char **v = NULL;
	size_t n = 0, cap = 0;
	for (int32_t i = 1; i < d->n_nodes; i++) {
		const char *a = d->nodes[i].kind == WN__NODE_ELEMENT
		                        ? wn__attr(&d->nodes[i], "aria-controls")
		                        : NULL;
		if (a) {
			WN__ARENA_GROW(&d->arena, v, cap, n + 1, 16);
			v[n++] = a;
		}
	}
	if (!n)
		return s;
	/* at least one slot per id: a list holds one id a word */
	size_t ids = 0;
	for (size_t k = 0; k < n; k++)
		for (const char *p = v[k]; *p; p++)
			ids += (p == v[k] || p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n') &&
			       *p != ' ' && *p != '\t' && *p != '\n';
	s.cap = 16;
	while (s.cap < 2 * ids)
		s.cap *= 2;
	s.h = wn__arena_alloc(&d->arena, s.cap * sizeof *s.h);
	for (size_t k = 0; k < n; k++)
		for (const char *e, *p = wn__token(v[k], &e); p; p = wn__token(e, &e)) {
			uint32_t h = id_hash(p, (size_t)(e - p));
			s.h[id_slot(&s, h)] = h;
		}
	return s;
}

static int controlled_id(const id_set *s, const char *id)
{
	if (!id || !*id)
		return 0;
	uint32_t h = id_hash(id, strlen(id));
	return s->h[id_slot(s, h)] == h;
}

/* A hidden panel that a toggle on the page says it controls (WAI-ARIA's
 * disclosure and accordion patterns: <button aria-controls="spec">) is one
 * click away, the page's own content, when it holds text outside code.
 * (The set keeps the ids' hashes: a collision shows one hidden panel.)
 * The panel may sit in a collapsing wrapper that carries the hiding style
 * (a collapsing wrapper: the wrapper animates, the panel has the id):
 * the wrapper's first element, <style> aside, is then the panel. */
static int controlled_panel(const wn__doc *d, int32_t i, const attrs *a, const id_set *s)
{
	if (!s->cap)
		return 0;
	int named = controlled_id(s, a->id);
	for (int32_t c = i + 1; !named && c < d->nodes[i].end; c = d->nodes[c].end) {
		const wn__node *y = &d->nodes[c];
		if (y->kind != WN__NODE_ELEMENT || y->tag == GUMBO_TAG_STYLE)
			continue;
		named = controlled_id(s, wn__attr(y, "id"));
		break;
	}
	return named && text_outside_code(d, i);
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
static int recovered(wn__doc *d, int32_t i, int hidden, int by_attribute)
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
	int32_t up = x->parent;
	int top = up == d->body || (up > 0 && d->nodes[up].parent == d->body);
	if (top && n > d->hidden_wrap)
		d->hidden_wrap = n;
	/* the parts a page is streamed in are hidden by the attribute; a
	 * modal or a notice waiting for its script, by a style or a class */
	if (top && by_attribute) {
		d->hidden_parts += n;
		if (n && (d->recover & WN__RECOVER_PARTS))
			return 1;
	}
	return (d->recover & WN__RECOVER_HIDDEN) && n >= WN__RECOVER_HIDDEN_BYTES;
}

/* Whether the first WN__DISCLOSURE_SCAN nodes of i's subtree hold text:
 * bounded, so that nested hidden elements stay linear. */
static int opens_with_text(const wn__doc *d, int32_t i)
{
	int32_t end = d->nodes[i].end;
	if (end > i + 1 + WN__DISCLOSURE_SCAN)
		end = i + 1 + WN__DISCLOSURE_SCAN;
	for (int32_t j = i + 1; j < end; j++)
		if (d->nodes[j].kind == WN__NODE_TEXT)
			return 1;
	return 0;
}

/* A disclosure widget's panel, collapsed until its toggle is clicked: the
 * element follows a sibling that holds text (the question, the toggle)
 * and the item holding both repeats beside items of its shape (an FAQ's
 * questions, an accordion's sections).  WAI-ARIA's accordion pattern; the
 * panel is the page's own text one click away.  Each scan is bounded. */
static int collapsed_panel(const wn__doc *d, int32_t i)
{
	int32_t p = d->nodes[i].parent;
	if (p <= 0 || d->nodes[p].parent <= 0 || !opens_with_text(d, i))
		return 0;
	int toggle = 0, seen = 0;
	for (int32_t c = p + 1; c < i && !toggle && seen++ < WN__DISCLOSURE_SCAN; c = d->nodes[c].end)
		toggle = d->nodes[c].kind == WN__NODE_ELEMENT && opens_with_text(d, c);
	if (!toggle)
		return 0;
	int32_t g = d->nodes[p].parent;
	uint32_t s = wn__shape(d, p);
	int same = 0;
	seen = 0;
	for (int32_t c = g + 1;
	     c < d->nodes[g].end && same < WN__DISCLOSURE_ITEMS && seen++ < WN__DISCLOSURE_SCAN;
	     c = d->nodes[c].end)
		same += d->nodes[c].kind == WN__NODE_ELEMENT && wn__shape(d, c) == s;
	return same >= WN__DISCLOSURE_ITEMS;
}

/* The hash of class attribute cls less its tokens that hold "hidden";
 * *hides says whether one hides outright ("hidden", "is-hidden"), *kept
 * how many others it has.  A token that says when or from whom it hides
 * ("hidden-mobile", "visually-hidden", "no-js-hidden") marks a copy for
 * other screens or readers, and *hides is then -1. */
static uint32_t shown_classes(const char *cls, int *hides, int *kept)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	*hides = 0;
	*kept = 0;
	for (const char *e, *p = wn__token(cls, &e); p; p = wn__token(e, &e)) {
		const char *at = NULL;
		for (const char *q = p; q + 6 <= e && !at; q++)
			at = strncmp(q, "hidden", 6) ? NULL : q;
		if (at) {
			int outright = at + 6 == e &&
			               (at == p || (at - p <= WN__FOLD_STATE_PREFIX + 1 &&
			                            (at[-1] == '-' || at[-1] == '_')));
			if (*hides >= 0)
				*hides = outright ? 1 : -1;
		}
		*kept += !at;
		for (const char *q = p; !at && q <= e; q++)
			h = (h ^ (unsigned char)(q < e ? *q : ' ')) * 16777619u;
	}
	return h;
}

/* A folded item of a list whose other items show (an FAQ's answers past
 * the first few behind "Show more", a carousel's slides): a sibling of its
 * tag and its classes but the hiding one is shown.  Each scan is bounded. */
static int folded_item(const wn__doc *d, int32_t i, const char *cls)
{
	int hides, other, kept, other_kept;
	uint32_t key = shown_classes(cls, &hides, &kept);
	/* with no class but the hiding one it names no item: an element of
	 * no class beside it is no shown copy of it */
	if (hides <= 0 || !kept)
		return 0;
	int budget = WN__DISCLOSURE_SCAN;
	for (int32_t c = -1; (c = wn__next_of_tag(d, i, c, &budget)) >= 0;)
		if (shown_classes(wn__attr(&d->nodes[c], "class"), &other, &other_kept) == key &&
		    !other)
			return 1;
	return 0;
}

/* A button that is, or holds, a heading titles a collapsible section
 * (WAI-ARIA's accordion pattern: <h3><button>Question</button></h3>). */
static int heading_button(const wn__doc *d, int32_t i)
{
	int32_t p = d->nodes[i].parent;
	if (p > 0 && wn__tag_is(d->nodes[p].tag, WN__TC_HEADING))
		return 1;
	for (int32_t j = i + 1; j < d->nodes[i].end; j++)
		if (d->nodes[j].kind == WN__NODE_ELEMENT &&
		    wn__tag_is(d->nodes[j].tag, WN__TC_HEADING))
			return 1;
	return 0;
}

/* How many elements hold word w in their class or id, as the hints read
 * them (lower case, long ids left out), counted up to cap. */
static int32_t elements_named(const wn__doc *d, const char *w, int32_t cap)
{
	char buf[512];
	int32_t n = 0;
	for (int32_t i = 1; i < d->n_nodes && n < cap; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->kind != WN__NODE_ELEMENT)
			continue;
		attrs a;
		read_attrs(x, &a);
		size_t o = put_lower(buf, 0, sizeof buf, a.cls, 0);
		o = put_lower(buf, o, sizeof buf, a.id, 1);
		n += o && strstr(buf, w) != NULL;
	}
	return n;
}

void wn__clean(wn__doc *d)
{
	mark_layout_cells(d);
	id_set controls = controlled_ids(d);
	int unit_widget = elements_named(d, "widget", WN__HINT_UNIT_NAMES) >= WN__HINT_UNIT_NAMES;
	for (int32_t i = 1; i < d->n_nodes; i++) {
		wn__node *x = &d->nodes[i];
		if (x->kind != WN__NODE_ELEMENT)
			continue;
		attrs a;
		read_attrs(x, &a);
		int hidden = is_hidden(&a) && !holds_math(d, i) && !shown_tab(d, i, &a) &&
		             !controlled_panel(d, i, &a, &controls) &&
		             !sibling_panel(d, i, &a, unit_widget);
		int removed = wn__tag_is(x->tag, WN__TC_REMOVED) &&
		              !(x->tag == GUMBO_TAG_BUTTON && heading_button(d, i));
		if ((removed || hidden || unknown_named(x, "annotation")) &&
		    !recovered(d, i, hidden, a.hidden != NULL)) {
			x->flags |= WN__NF_REMOVED;
			i = x->end - 1; /* its subtree is gone */
			continue;
		}
		int skip_hidden = a.cls && strstr(a.cls, "hidden") &&
		                  (collapsed_panel(d, i) || folded_item(d, i, a.cls));
		/* a custom element's name says what it is as a class would
		 * ("site-footer", "app-sidebar"): it is read with the class */
		char named[256];
		if (x->tag == GUMBO_TAG_UNKNOWN && wn__tag_name(x, named, 64) && strchr(named, '-')) {
			size_t n = strlen(named);
			snprintf(named + n, sizeof named - n, " %s", a.cls ? a.cls : "");
			a.cls = named;
		}
		int pitch, convo, tag = tag_hint(x->tag), role = role_hint(a.role);
		int h = tag + class_id_hint(&a, skip_hidden, unit_widget, &pitch, &convo) + role;
		if (pitch && tag >= 0 && role >= 0)
			x->flags |= WN__NF_PITCH;
		if (convo && tag >= 0 && role >= 0)
			x->flags |= WN__NF_CONVO;
		if (a.itemprop && (strstr(a.itemprop, "articleBody") || strstr(a.itemprop, "text")))
			h += WN__HINT_GOOD;
		if (h > INT16_MAX)
			h = INT16_MAX;
		if (h < INT16_MIN)
			h = INT16_MIN;
		x->hint = (int16_t)h;
	}
}
