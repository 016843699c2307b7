/*
 * guard.c -- the last step of the input stage: one scan over the markup
 * before gumbo parses it, for two reasons.
 *
 * Limits.  gumbo scans its open-element, active-formatting and attribute
 * lists linearly, and each element costs it about 500 bytes; so, from an
 * estimate of gumbo's open elements (the HTML spec's tree construction,
 * simplified), start tags nested far beyond max_depth, deep or piled-up
 * unclosed formatting elements, attributes beyond 64 in a tag and elements
 * past a million are cut out of the markup.  Their text is kept, their
 * structure is not, and a note says so.
 *
 * Skipping.  Half the bytes of a page are scripts, style sheets and SVG
 * images, which gumbo tokenizes character by character and the stages then
 * throw away.  Their bodies are cut before the parse, with the bodies of
 * comments, templates and noscript fallbacks, whenever the tree gumbo
 * builds is the same but for what they held -- and not even the number of
 * nodes changes (metadata counts a line's nodes, removed ones too): a
 * script keeps one character of its text, an SVG image, a template or a
 * noscript one empty element for each node it had.  What a stage reads
 * stays whole: JSON-LD scripts (metadata), and any template, noscript or
 * SVG holding a <meta>, <link>, <title>, heading or JSON-LD.  A body is
 * cut only while the estimate is exact where it matters -- whether the
 * current node is foreign (SVG, MathML), inside a template or a select, in
 * the head or the body -- and the first construct it cannot follow (an end
 * tag in foreign content that falls back to the HTML rules, a pop the
 * estimate makes and gumbo may not) ends the skipping for the rest of the
 * page.  A <frameset> anywhere undoes all of it, since the text and
 * elements skipped decide whether gumbo honours one ("frameset-ok").
 * Attributes no stage reads go the same way: data-* and aria-* but those
 * read (data-lang, data-language, aria-controls, aria-hidden, aria-label),
 * the image sources (src, srcset, data-src, data-srcset) unless images are
 * kept, a few never read (sizes, loading, tabindex ...), and style attributes but
 * a tag's first when it hides its element or holds a character reference
 * (clean.c reads only that, as gumbo decodes it; gumbo keeps a name's
 * first, so the later ones are never read).  Not on formatting elements,
 * which gumbo tells apart by their attributes, nor on <html> and <body>,
 * whose repeats add to the first.  A fifth of what gumbo would parse on a
 * typical page.
 * --annotate writes style sheets, SVG and attributes back: they stay for it.
 *
 * Mending.  One change is made to the tree, since gumbo reads noscripts as
 * markup and browsers that run scripts as text: a raw text element left
 * open inside a noscript ("<iframe ... />") ends with it, where gumbo's
 * would take the rest of the page for its text.  d->mended counts them.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/tags.h"
#include "base/utf8.h"
#include "input/input.h"
#include "input/lex.h"
#include "tuning.h"

enum { NS_HTML, NS_SVG, NS_MATH };

/* One open element of the estimate. */
typedef struct entry {
	uint16_t tag;     /* GumboTag */
	uint16_t afe_at;  /* open formatting elements when it was pushed */
	uint8_t ns;       /* NS_* */
	uint8_t name_len; /* GUMBO_TAG_UNKNOWN: the name's length, 0 if longer than 255 */
	size_t name_at;   /* ... and where it is in the input */
} entry;

/* Bytes [from, to) of the input that gumbo does not get, and what it
 * gets instead: reps times unit[0..unit_len). */
typedef struct cut {
	size_t from, to;
	int skip; /* a body skipped, undone for a frameset; else a limit's cut */
	const char *unit;
	size_t unit_len, reps;
} cut;

/* A body being skipped whose end is not known yet: an SVG image, a
 * template, a noscript. */
typedef struct region {
	int open;
	size_t from;  /* where the body starts */
	size_t level; /* the element's index in the estimate (for a template,
	               * the depth of templates it makes) */
	int in_head;  /* noscript: read in the head ("in head noscript") */
	size_t nodes; /* the guard's count of nodes when it started */
} region;

/* A tag as the scan read it. */
typedef struct tag {
	int t;             /* GumboTag */
	size_t start, end; /* its '<', and after its '>' */
	size_t name, name_len;
	int selfclose;
	int ld_json;    /* type="application/ld+json ...": metadata reads it */
	int font_attrs; /* color, face or size: a <font> that ends SVG */
} tag;

typedef struct guard {
	const char *s;
	size_t n;
	cut *cuts;
	size_t n_cuts, cap_cuts;
	entry *st; /* open elements (estimate) */
	size_t sp, cap;
	uint32_t count[GUMBO_TAG_LAST + 1];   /* open per tag */
	uint32_t dropped[GUMBO_TAG_LAST + 1]; /* open but cut, per tag */
	uint32_t afe[GUMBO_TAG_LAST + 1];     /* unclosed formatting, per tag */
	uint32_t afe_total;
	size_t elements; /* start tags let through */
	size_t cut_deep, cut_fmt, cut_attrs, cut_many;
	size_t mended; /* raw text elements ended with their noscript */

	int skip;        /* bodies may be skipped at all */
	int keep_style;  /* --annotate: style sheets and SVG are written back */
	int images;      /* opt.images: the renderers read image sources */
	int uncertain;   /* the estimate may differ from gumbo's: skip no more */
	int frameset;    /* a <frameset>: every skip is undone */
	int in_body;     /* gumbo has made the <body> (never set too early) */
	int legit;       /* the pops under way are ones gumbo makes too */
	size_t foreign;  /* open SVG and MathML elements */
	size_t tdepth;   /* open templates (HTML) */
	size_t n_select; /* open selects (HTML) */
	region svg, tmpl, nos;
	/* The nodes of gumbo's tree (as the flat DOM has them: no comments)
	 * so far, exact inside a body being skipped: a skipped body leaves as
	 * many, since metadata counts a line's nodes, removed ones too. */
	size_t nodes;
	int text_open; /* the last node is text that more text would join */
	/* open_past_noscript: where the next </noscript> is (once known),
	 * and per raw text tag, a noscript end before which it has none */
	int nos_known;
	size_t nos_close;
	size_t no_end_till[GUMBO_TAG_LAST + 1];
} guard;

static void add_repl(guard *g, size_t from, size_t to, int skip, const char *unit, size_t unit_len,
                     size_t reps)
{
	if (from >= to)
		return;
	WN__GROW(g->cuts, g->cap_cuts, g->n_cuts + 1, 64);
	g->cuts[g->n_cuts++] = (cut){from, to, skip, unit, unit_len, reps};
}

static void add_cut(guard *g, size_t from, size_t to, int skip)
{
	add_repl(g, from, to, skip, NULL, 0, 0);
}

static void guard_drop(guard *g, size_t from, size_t to)
{
	add_cut(g, from, to, 0);
}

static int skip_ok(const guard *g)
{
	return g->skip && !g->uncertain;
}

/* From here on the estimate may be wrong: bodies whose end is not known
 * yet are kept, and nothing more is skipped. */
static void set_uncertain(guard *g)
{
	g->uncertain = 1;
	g->svg.open = g->tmpl.open = g->nos.open = 0;
}

static void region_open(guard *g, region *r, size_t from, size_t level, int in_head)
{
	*r = (region){1, from, level, in_head, g->nodes};
}

/* The body of r ends at to: it goes, with as many elements in its place
 * as it made nodes, each of them unit (one that cannot change what is
 * around it where the body stood). */
static void region_commit(guard *g, region *r, size_t to, const char *unit)
{
	if (r->open)
		add_repl(g, r->from, to, 1, unit, strlen(unit), g->nodes - r->nodes);
	r->open = 0;
}

/* A node of gumbo's tree: an element, or text that does not join the
 * text before it. */
static void count_element(guard *g)
{
	g->nodes++;
	g->text_open = 0;
}

static void count_text(guard *g)
{
	if (!g->text_open)
		g->nodes++;
	g->text_open = 1;
}

/* A tag cut for a limit.  A block-level one, or a <br>, leaves a line
 * break, so that the words on either side stay apart ("<p>a</p><p>b</p>"
 * is not "ab"): white space, which costs gumbo no element. */
static void limit_cut(guard *g, const tag *tk)
{
	if (wn__tag_is(tk->t, WN__TC_BLOCK) || tk->t == GUMBO_TAG_BR) {
		add_repl(g, tk->start, tk->end, 0, "\n", 1, 1);
		count_text(g);
	} else {
		guard_drop(g, tk->start, tk->end);
	}
}

static const entry *top(const guard *g)
{
	return g->sp ? &g->st[g->sp - 1] : NULL;
}

static void guard_pop(guard *g)
{
	const entry *e = &g->st[--g->sp];
	int t = e->tag;
	g->count[t]--;
	if (e->ns != NS_HTML)
		g->foreign--;
	else if (t == GUMBO_TAG_TEMPLATE)
		g->tdepth--;
	else if (t == GUMBO_TAG_SELECT)
		g->n_select--;
	/* gumbo pops foreign elements, templates and selects by rules of
	 * their own: another pop of the estimate's may be none of gumbo's */
	if (!g->legit && (e->ns != NS_HTML || t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_SELECT))
		set_uncertain(g);
	if ((g->svg.open && g->sp == g->svg.level) || (g->nos.open && g->sp == g->nos.level))
		set_uncertain(g); /* closed before its end tag */
	if (wn__tag_is(t, WN__TC_MARKER) && g->afe_total > e->afe_at)
		g->afe_total = e->afe_at;
	/* What was cut lay inside the element at the cut depth. */
	if (g->sp + 1 == g->cap)
		memset(g->dropped, 0, sizeof g->dropped);
}

/* Pops down to and with the element at index k, as gumbo does. */
static void legit_pop_to(guard *g, size_t k)
{
	g->legit = 1;
	while (g->sp > k)
		guard_pop(g);
	g->legit = 0;
}

static void guard_pop_to(guard *g, int t)
{
	while (g->sp && g->count[t]) {
		int top_tag = g->st[g->sp - 1].tag;
		guard_pop(g);
		if (top_tag == t)
			break;
	}
}

/* The nearest open HTML element of tag t, or SIZE_MAX. */
static size_t find_html(const guard *g, int t)
{
	for (size_t k = g->sp; k > 0; k--)
		if (g->st[k - 1].tag == t && g->st[k - 1].ns == NS_HTML)
			return k - 1;
	return SIZE_MAX;
}

/* Closes the nearest open element of one of tags a, b (or a alone), looked
 * for among the top elements down to a `stop` element. */
static void guard_close_near(guard *g, int a, int b, int stop1, int stop2)
{
	if (!g->count[a] && (b < 0 || !g->count[b]))
		return;
	for (size_t k = g->sp; k > 0 && g->sp - k < WN__GUARD_SEARCH; k--) {
		int t = g->st[k - 1].tag;
		if (t == stop1 || t == stop2)
			return;
		if (t == a || t == b) {
			while (g->sp >= k)
				guard_pop(g);
			return;
		}
	}
}

/* An attribute's name and value as written, for the few the scan reads. */
/* Is s[0..k) name, ASCII case folded? */
static int name_is(const char *s, size_t k, const char *name)
{
	return k == strlen(name) && wn__ascii_ieq(s, name, k);
}

static int name_in(const char *s, size_t k, const char *const *names)
{
	for (; *names; names++)
		if (name_is(s, k, *names))
			return 1;
	return 0;
}

/* Is the attribute [name, name_end) = [val, val_end) one no stage reads
 * (see the top)?  style_seen: the tag had a style attribute before.  A
 * stage that reads a new attribute of these kinds names it here. */
static int unread_attr(const guard *g, size_t name, size_t name_end, size_t val, size_t val_end,
                       int style_seen)
{
	static const char *const IMAGE[] = {"src", "srcset", "data-src", "data-srcset", NULL};
	static const char *const READ[] = {
		"data-lang", "data-language", "aria-controls", "aria-hidden", "aria-label", NULL};
	static const char *const NEVER[] = {"sizes",         "imagesrcset", "loading", "decoding",
	                                    "fetchpriority", "tabindex",    "target",  NULL};
	const char *s = g->s, *at = s + name;
	size_t k = name_end - name;
	if (name_in(at, k, IMAGE)) /* render/pick.c, with images only */
		return !g->images;
	if (k > 5 && (wn__ascii_ieq(at, "data-", 5) || wn__ascii_ieq(at, "aria-", 5)))
		return !name_in(at, k, READ);
	if (name_in(at, k, NEVER))
		return 1;
	/* a NUL is U+FFFD to gumbo, the end of the text to wn__style_hides */
	if (name_is(at, k, "style"))
		return style_seen ||
		       (!memchr(s + val, '&', val_end - val) && !memchr(s + val, 0, val_end - val) &&
		        !wn__style_hides(s + val, val_end - val));
	return 0;
}

static void read_attr(const guard *g, tag *tk, size_t name, size_t name_end, size_t val, size_t val_end)
{
	const char *s = g->s;
	size_t k = name_end - name;
	if (k == 4 && wn__ascii_ieq(s + name, "type", 4)) {
		if (tk->ld_json >= 0)
			return; /* the first one counts, as in gumbo */
		/* metadata reads the value as gumbo decodes it: one with a
		 * character reference is taken for JSON-LD, and stays */
		size_t l = val_end - val;
		tk->ld_json = (l >= 19 && wn__ascii_ieq(s + val, "application/ld+json", 19)) ||
		              memchr(s + val, '&', l) != NULL;
	} else if ((k == 5 && wn__ascii_ieq(s + name, "color", 5)) ||
	           (k == 4 &&
	            (wn__ascii_ieq(s + name, "face", 4) || wn__ascii_ieq(s + name, "size", 4)))) {
		tk->font_attrs = 1;
	}
}

/* Skips a tag's attributes from i; cuts those past WN__GUARD_ATTRS.  Returns
 * the position after '>', or SIZE_MAX for a tag cut by the end of input;
 * sets tk->selfclose for "/>". */
static size_t guard_attrs(guard *g, size_t i, tag *tk)
{
	const char *s = g->s;
	size_t n = g->n, count = 0;
	/* gumbo compares formatting elements' attributes (Noah's Ark), and a
	 * second <html> or <body> adds to the first the attributes it lacks:
	 * theirs stay */
	int style_seen = 0, keeps_all = wn__tag_is(tk->t, WN__TC_FORMATTING) ||
	                                tk->t == GUMBO_TAG_HTML || tk->t == GUMBO_TAG_BODY;
	tk->selfclose = 0;
	tk->ld_json = -1;
	tk->font_attrs = 0;
	for (;;) {
		while (i < n && (wn__is_html_space((unsigned char)s[i]) || s[i] == '/')) {
			if (s[i] == '/' && i + 1 < n && s[i + 1] == '>')
				tk->selfclose = 1;
			i++;
		}
		if (i >= n)
			return SIZE_MAX;
		if (s[i] == '>') {
			if (tk->ld_json < 0)
				tk->ld_json = 0;
			return i + 1;
		}
		size_t start = i;
		i++; /* the first character may be anything, even '=' */
		while (i < n && !wn__is_html_space((unsigned char)s[i]) && s[i] != '/' &&
		       s[i] != '>' && s[i] != '=')
			i++;
		size_t name_end = i, val = i, val_end = i;
		size_t j = i;
		while (j < n && wn__is_html_space((unsigned char)s[j]))
			j++;
		if (j < n && s[j] == '=') {
			j++;
			while (j < n && wn__is_html_space((unsigned char)s[j]))
				j++;
			if (j < n && (s[j] == '"' || s[j] == '\'')) {
				const char *e = memchr(s + j + 1, s[j], n - j - 1);
				if (!e)
					return SIZE_MAX;
				val = j + 1;
				val_end = (size_t)(e - s);
				i = val_end + 1;
			} else {
				val = j;
				while (j < n && !wn__is_html_space((unsigned char)s[j]) && s[j] != '>')
					j++;
				i = val_end = j;
			}
		}
		int style = name_end - start == 5 && wn__ascii_ieq(s + start, "style", 5);
		/* a cut takes the slashes before the name with it: "/x>" cut
		 * to "/>" would close the element */
		size_t from = start;
		while (s[from - 1] == '/')
			from--;
		if (++count > WN__GUARD_ATTRS && i < n) {
			guard_drop(g, from, i);
			g->cut_attrs++;
		} else if (skip_ok(g) && !g->keep_style && !keeps_all &&
		           unread_attr(g, start, name_end, val, val_end, style_seen)) {
			add_cut(g, from, i, 1);
		} else {
			read_attr(g, tk, start, name_end, val, val_end);
		}
		style_seen |= style;
	}
}

/* The HTML spec's integration points, where foreign content holds HTML:
 * an SVG foreignObject, desc or title, a MathML text element (for start
 * tags but mglyph and malignmark).  annotation-xml is one or not by its
 * encoding, which the estimate does not keep: it ends the skipping. */
static int integration(guard *g, const entry *e, int t)
{
	if (e->ns == NS_SVG)
		return e->tag == GUMBO_TAG_FOREIGNOBJECT || e->tag == GUMBO_TAG_DESC ||
		       e->tag == GUMBO_TAG_TITLE;
	if (e->tag >= GUMBO_TAG_MI && e->tag <= GUMBO_TAG_MTEXT)
		return t != GUMBO_TAG_MGLYPH && t != GUMBO_TAG_MALIGNMARK;
	if (e->tag == GUMBO_TAG_ANNOTATION_XML) {
		if (t == GUMBO_TAG_SVG)
			return 1;
		set_uncertain(g);
	}
	return 0;
}

/* Whether a start tag goes by the HTML rules (else: foreign content). */
static int start_is_html(guard *g, int t)
{
	const entry *e = top(g);
	return !e || e->ns == NS_HTML || integration(g, e, t);
}

static void push(guard *g, const tag *tk, int ns)
{
	int t = tk->t;
	entry *e = &g->st[g->sp++];
	e->tag = (uint16_t)t;
	e->afe_at = (uint16_t)(g->afe_total < UINT16_MAX ? g->afe_total : UINT16_MAX);
	e->ns = (uint8_t)ns;
	e->name_at = tk->name;
	e->name_len = (uint8_t)(tk->name_len <= 255 ? tk->name_len : 0);
	g->count[t]++;
	if (ns != NS_HTML)
		g->foreign++;
	else if (t == GUMBO_TAG_TEMPLATE)
		g->tdepth++;
	else if (t == GUMBO_TAG_SELECT)
		g->n_select++;
}

/* Whether an open foreign element has the end tag's name.  gumbo compares
 * the element's name as written with all the end tag holds between "</"
 * and ">" (so "</g >" closes no <g>), in any case. */
static int same_name(const guard *g, const entry *e, const tag *tk)
{
	size_t k = tk->end - tk->start - 3;
	return e->name_len && e->name_len == k &&
	       !strncasecmp(g->s + e->name_at, g->s + tk->start + 2, k);
}

/* ---- what the skipped bodies may hold ---- */

/* What stands for each node of a skipped body: an element with nothing
 * to it, self-closing in SVG; a <br> in a template (reconstructing no
 * formatting: a template's are its own); a <meta> without content in a
 * noscript (allowed in the head's "in head noscript"; metadata reads none
 * without content). */
#define SVG_NODE "<g/>"
#define TEMPLATE_NODE "<br>"
#define NOSCRIPT_NODE "<meta>"

/* A start tag inside an SVG image being skipped: HTML inside it (an
 * integration point), what a stage reads even in a removed subtree
 * (block elements count for layout and selection, <link> and JSON-LD for
 * metadata) keep the image whole. */
static int svg_keeps(const tag *tk)
{
	switch (tk->t) {
	case GUMBO_TAG_FOREIGNOBJECT:
	case GUMBO_TAG_DESC:
	case GUMBO_TAG_TITLE:
	case GUMBO_TAG_LINK:
	case GUMBO_TAG_HTML:
	case GUMBO_TAG_META: return 1;
	case GUMBO_TAG_SCRIPT: return tk->ld_json;
	default: return wn__tag_is(tk->t, WN__TC_BLOCK | WN__TC_STRUCTURE | WN__TC_HEADING);
	}
}

/* A start tag inside a template being skipped: metadata reads <meta>,
 * <link>, <title>, headings and JSON-LD anywhere, and table cells count
 * the paragraphs and structure inside them; and what does not stay
 * inside. */
static int template_keeps(const tag *tk)
{
	switch (tk->t) {
	case GUMBO_TAG_META:
	case GUMBO_TAG_LINK:
	case GUMBO_TAG_TITLE:
	case GUMBO_TAG_P: return 1;
	case GUMBO_TAG_SCRIPT: return tk->ld_json;
	case GUMBO_TAG_TEMPLATE: return 0;
	/* gumbo ignores these there, or they close elements they did not
	 * open (implied end tags, the adoption agency), or their first newline
	 * goes: the nodes they make are not the tags' */
	case GUMBO_TAG_HEAD:
	case GUMBO_TAG_FRAME:
	case GUMBO_TAG_COL:
	case GUMBO_TAG_COLGROUP:
	case GUMBO_TAG_A:
	case GUMBO_TAG_NOBR:
	case GUMBO_TAG_BUTTON:
	case GUMBO_TAG_RB:
	case GUMBO_TAG_RT:
	case GUMBO_TAG_RP:
	case GUMBO_TAG_RTC:
	case GUMBO_TAG_OPTION:
	case GUMBO_TAG_OPTGROUP:
	case GUMBO_TAG_SELECT:
	case GUMBO_TAG_ISINDEX:
	case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_LISTING:
	case GUMBO_TAG_PLAINTEXT:
	case GUMBO_TAG_XMP: return 1;
	default:
		/* a cell or an <object> left open puts a marker in the list of
		 * active formatting elements that the template's end leaves
		 * there: formatting after it is not reopened */
		return wn__tag_is(tk->t, WN__TC_STRUCTURE | WN__TC_HEADING | WN__TC_MARKER |
		                                 WN__TC_TABLE_PART | WN__TC_LIST_ITEM);
	}
}

/* A start tag inside a noscript being skipped.  Only what cannot close an
 * element outside it or leave it (in the head, "in head noscript" sends
 * all else to the body) and what no stage reads. */
static int noscript_allows(const region *r, const tag *tk)
{
	switch (tk->t) {
	case GUMBO_TAG_STYLE:
	case GUMBO_TAG_NOFRAMES:
	case GUMBO_TAG_BASEFONT:
	case GUMBO_TAG_BGSOUND: return 1;
	case GUMBO_TAG_SCRIPT: return !r->in_head && !tk->ld_json;
	case GUMBO_TAG_IMG:
	case GUMBO_TAG_BR:
	case GUMBO_TAG_WBR:
	case GUMBO_TAG_SOURCE:
	case GUMBO_TAG_IFRAME: return !r->in_head;
	default: return 0;
	}
}

/* Start tags in the head that leave gumbo there: any other (outside a
 * template) makes the body. */
static int head_tag(int t)
{
	switch (t) {
	case GUMBO_TAG_HTML:
	case GUMBO_TAG_HEAD:
	case GUMBO_TAG_BASE:
	case GUMBO_TAG_BASEFONT:
	case GUMBO_TAG_BGSOUND:
	case GUMBO_TAG_LINK:
	case GUMBO_TAG_META:
	case GUMBO_TAG_TITLE:
	case GUMBO_TAG_NOSCRIPT:
	case GUMBO_TAG_NOFRAMES:
	case GUMBO_TAG_STYLE:
	case GUMBO_TAG_SCRIPT:
	case GUMBO_TAG_TEMPLATE:
	case GUMBO_TAG_FRAMESET: return 1;
	default: return 0;
	}
}

/* In a select, gumbo ignores start tags but these (and their text). */
static int select_allows(int t)
{
	switch (t) {
	case GUMBO_TAG_OPTION:
	case GUMBO_TAG_OPTGROUP:
	case GUMBO_TAG_SCRIPT:
	case GUMBO_TAG_SELECT:
	case GUMBO_TAG_INPUT:
	case GUMBO_TAG_KEYGEN:
	case GUMBO_TAG_TEXTAREA: return 1;
	default: return 0;
	}
}

/* Text between tags, s[from..to). */
static void guard_text(guard *g, size_t from, size_t to)
{
	const char *s = g->s;
	/* in HTML content gumbo drops NULs (in foreign content they are
	 * U+FFFD) */
	size_t k = from;
	if (!(g->sp && g->st[g->sp - 1].ns != NS_HTML))
		while (k < to && !s[k])
			k++;
	if (k == to)
		return;
	count_text(g);
	if (g->in_body && !(g->nos.open && g->nos.in_head))
		return;
	for (; k < to; k++)
		if (!wn__is_html_space((unsigned char)s[k]) && s[k]) {
			if (!g->tdepth)
				g->in_body = 1;
			if (g->nos.open && g->nos.in_head)
				g->nos.open = 0; /* it leaves the noscript for the body */
			return;
		}
}

/* ---- tags ---- */

/* Where the text of raw text element t, from i, ends (its end tag), or n
 * when it does not before n. */
static size_t rawtext_end(const guard *g, int t, size_t i, size_t n)
{
	if (t == GUMBO_TAG_PLAINTEXT)
		return n;
	if (t == GUMBO_TAG_SCRIPT)
		return wn__lex_script_end(g->s, n, i);
	const char *name = gumbo_normalized_tagname((GumboTag)t);
	return wn__lex_rawtext_end(g->s, n, i, name, strlen(name));
}

/* A raw text element inside a noscript whose end tag comes after the
 * noscript's: "<noscript><iframe src=... /></noscript>", a tag manager's
 * fallback written as if it closed itself.  A browser that runs scripts
 * reads the noscript as text, which ends at </noscript>; gumbo reads it as
 * markup, and the element's text would run on to its end tag, often the
 * rest of the page.  Each scan stops at the next </noscript>, which is
 * looked up once for all the tags before it, and a tag found without an
 * end there is not looked for again before it: linear on any input. */
static int open_past_noscript(guard *g, const tag *tk)
{
	if (!g->count[GUMBO_TAG_NOSCRIPT])
		return 0;
	if (!g->nos_known || g->nos_close < tk->end) {
		g->nos_close = wn__lex_rawtext_end(g->s, g->n, tk->end, "noscript", 8);
		g->nos_known = 1;
	}
	size_t close = g->nos_close;
	if (close >= g->n)
		return 0; /* the noscript runs to the end: so would a browser's */
	if (g->no_end_till[tk->t] == close)
		return 1;
	if (rawtext_end(g, tk->t, tk->end, close) < close)
		return 0;
	g->no_end_till[tk->t] = close;
	return 1;
}

/* A raw text element's body from i (after its start tag) and its end tag:
 * skipped when no stage reads it.  Returns where the scan goes on. */
static size_t guard_rawtext(guard *g, const tag *tk, size_t i)
{
	const char *s = g->s;
	size_t n = g->n;
	int t = tk->t;
	size_t k = strlen(gumbo_normalized_tagname((GumboTag)t));
	size_t end = rawtext_end(g, t, i, n);
	count_element(g);
	if (end > i)
		g->nodes++; /* its text */
	if (skip_ok(g) && end > i &&
	    ((t == GUMBO_TAG_SCRIPT && !tk->ld_json) || (t == GUMBO_TAG_STYLE && !g->keep_style))) {
		/* one character stays, so that its text node does; the first
		 * that is not white space, so that it is a text node still */
		size_t k = i;
		while (k < end && wn__is_html_space((unsigned char)s[k]))
			k++;
		if (k == end)
			k = i;
		size_t l = 1;
		while (k + l < end && ((unsigned char)s[k + l] & 0xC0) == 0x80)
			l++;
		add_repl(g, i, end, 1, s + k, l, 1);
	}
	if (end >= n)
		return n;
	/* Its end tag, which gumbo takes in the "text" insertion mode. */
	tag et = {0};
	size_t e = guard_attrs(g, end + 2 + k, &et);
	g->text_open = 0;
	return e == SIZE_MAX ? n : e;
}

/* The HTML rules of a start tag (estimate) and their bookkeeping. */
static size_t guard_start_html(guard *g, const tag *tk)
{
	int t = tk->t;
	if (g->n_select && !select_allows(t) && !g->uncertain)
		set_uncertain(g); /* ignored there, and its raw text is markup */
	if (g->tmpl.open && template_keeps(tk))
		g->tmpl.open = 0;
	if (g->nos.open && !noscript_allows(&g->nos, tk))
		g->nos.open = 0;
	if (wn__tag_is(t, WN__TC_RAWTEXT) && open_past_noscript(g, tk)) {
		guard_drop(g, tk->start, tk->end); /* it ends with the noscript */
		g->mended++;
		return tk->end;
	}
	if (wn__tag_is(t, WN__TC_RAWTEXT)) { /* never cut: their text would be markup */
		if (!g->tdepth && !head_tag(t))
			g->in_body = 1;
		return guard_rawtext(g, tk, tk->end);
	}
	if (g->elements >= WN__GUARD_ELEMENTS) {
		limit_cut(g, tk);
		if (!wn__tag_is(t, WN__TC_VOID))
			g->dropped[t]++;
		g->cut_many++;
		return tk->end;
	}
	g->elements++;
	if (!g->tdepth && !head_tag(t))
		g->in_body = 1;
	if (wn__tag_is(t, WN__TC_VOID) ||
	    ((t == GUMBO_TAG_SVG || t == GUMBO_TAG_MATH) && tk->selfclose)) {
		count_element(g); /* foreign elements are really self-closing */
		return tk->end;
	}
	switch (t) {
	case GUMBO_TAG_LI: guard_close_near(g, GUMBO_TAG_LI, -1, GUMBO_TAG_UL, GUMBO_TAG_OL); break;
	case GUMBO_TAG_DT:
	case GUMBO_TAG_DD: guard_close_near(g, GUMBO_TAG_DT, GUMBO_TAG_DD, GUMBO_TAG_DL, -1); break;
	case GUMBO_TAG_TR: guard_close_near(g, GUMBO_TAG_TR, -1, GUMBO_TAG_TABLE, -1); break;
	case GUMBO_TAG_TD:
	case GUMBO_TAG_TH:
		guard_close_near(g, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_TR, GUMBO_TAG_TABLE);
		break;
	case GUMBO_TAG_TBODY:
	case GUMBO_TAG_THEAD:
	case GUMBO_TAG_TFOOT:
		guard_close_near(g, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TABLE, -1);
		guard_close_near(g, GUMBO_TAG_TFOOT, -1, GUMBO_TAG_TABLE, -1);
		break;
	case GUMBO_TAG_OPTION:
	case GUMBO_TAG_OPTGROUP:
		guard_close_near(g, GUMBO_TAG_OPTION, -1, GUMBO_TAG_SELECT, -1);
		if (t == GUMBO_TAG_OPTGROUP)
			guard_close_near(g, GUMBO_TAG_OPTGROUP, -1, GUMBO_TAG_SELECT, -1);
		break;
	}
	if (wn__tag_is(t, WN__TC_CLOSES_P))
		guard_close_near(g, GUMBO_TAG_P, -1, GUMBO_TAG_TABLE, GUMBO_TAG_BUTTON);
	if (wn__tag_is(t, WN__TC_HEADING) && g->sp && wn__tag_is(g->st[g->sp - 1].tag, WN__TC_HEADING))
		guard_pop(g);

	int fmt = wn__tag_is(t, WN__TC_FORMATTING);
	/* An <a> closes the active one, so at most one is ever active. */
	int afe_grows = fmt && !(t == GUMBO_TAG_A && g->afe[t]);
	int low = (afe_grows || g->afe_total) && g->sp >= WN__GUARD_FORMAT_DEPTH;
	if (g->sp >= g->cap || low || (afe_grows && g->afe_total >= WN__GUARD_FORMAT)) {
		limit_cut(g, tk);
		g->dropped[t]++;
		if (g->sp >= g->cap)
			g->cut_deep++;
		else
			g->cut_fmt++; /* for formatting elements, see the enum */
		return tk->end;
	}
	int outside = !g->foreign && !g->n_select && skip_ok(g);
	int ns = t == GUMBO_TAG_SVG ? NS_SVG : t == GUMBO_TAG_MATH ? NS_MATH : NS_HTML;
	/* HTML inside foreign content: whether the current node is foreign
	 * (which decides how the markup after it reads) would rest on the
	 * estimate's HTML rules, which are not gumbo's */
	if (ns == NS_HTML && g->foreign)
		set_uncertain(g);
	push(g, tk, ns);
	count_element(g);
	if (afe_grows) {
		g->afe[t]++;
		g->afe_total++;
	}
	if (t == GUMBO_TAG_SVG && outside && !g->keep_style && !g->svg.open)
		region_open(g, &g->svg, tk->end, g->sp - 1, 0);
	if (t == GUMBO_TAG_TEMPLATE && outside && g->in_body && !g->tmpl.open && !g->nos.open)
		region_open(g, &g->tmpl, tk->end, g->tdepth, 0);
	if (t == GUMBO_TAG_NOSCRIPT) {
		if (outside && !g->tdepth && !g->tmpl.open && !g->nos.open)
			region_open(g, &g->nos, tk->end, g->sp - 1, !g->in_body);
	}
	return tk->end;
}

/* A start tag: foreign content's rules or the HTML ones.  Returns where
 * the scan goes on. */
static size_t guard_start(guard *g, const tag *tk)
{
	int t = tk->t;
	if (t == GUMBO_TAG_FRAMESET)
		g->frameset = 1; /* in any context: the estimate may be wrong there */
	if (!start_is_html(g, t)) {
		if (wn__tag_is(t, WN__TC_BREAKS_OUT) || (t == GUMBO_TAG_FONT && tk->font_attrs)) {
			/* HTML ends foreign content: its elements are popped
			 * (the SVG image being skipped with them), and the tag
			 * is read as HTML */
			if (g->svg.open && g->svg.level < g->sp)
				region_commit(g, &g->svg, tk->start, SVG_NODE);
			g->legit = 1;
			while (g->sp && g->st[g->sp - 1].ns != NS_HTML &&
			       !integration(g, &g->st[g->sp - 1], GUMBO_TAG_LAST))
				guard_pop(g);
			g->legit = 0;
			return guard_start_html(g, tk);
		}
		if (g->svg.open && svg_keeps(tk))
			g->svg.open = 0;
		if (g->tmpl.open && template_keeps(tk))
			g->tmpl.open = 0;
		if (g->elements >= WN__GUARD_ELEMENTS) {
			limit_cut(g, tk);
			if (!tk->selfclose)
				g->dropped[t]++;
			g->cut_many++;
			return tk->end;
		}
		g->elements++;
		if (tk->selfclose) {
			count_element(g);
			return tk->end;
		}
		if (g->sp >= g->cap) {
			limit_cut(g, tk);
			g->dropped[t]++;
			g->cut_deep++;
			return tk->end;
		}
		push(g, tk, top(g)->ns);
		count_element(g);
		return tk->end;
	}
	return guard_start_html(g, tk);
}

static void guard_end(guard *g, const tag *tk)
{
	int t = tk->t;
	if (g->dropped[t]) {
		g->dropped[t]--;
		limit_cut(g, tk);
		return;
	}
	g->text_open = 0; /* in a body being skipped, each end tag closes one */
	const entry *e = top(g);
	if (e && e->ns != NS_HTML) {
		/* Foreign content: the nearest foreign element of that name is
		 * closed; when none is, the HTML rules take the tag, which the
		 * estimate does not follow exactly. */
		for (size_t k = g->sp; k > 0 && g->st[k - 1].ns != NS_HTML; k--)
			if (same_name(g, &g->st[k - 1], tk)) {
				if (g->svg.open && k - 1 == g->svg.level)
					region_commit(g, &g->svg, tk->start, SVG_NODE);
				legit_pop_to(g, k - 1);
				return;
			}
		set_uncertain(g);
	}
	if (!g->tdepth && (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML || t == GUMBO_TAG_BR))
		g->in_body = 1;
	if (t == GUMBO_TAG_NOSCRIPT) {
		if (g->nos.open && g->sp && g->sp - 1 == g->nos.level)
			region_commit(g, &g->nos, tk->start, NOSCRIPT_NODE);
	}
	g->nos.open = 0; /* any other end tag inside it may close what is outside */
	/* In a template, one that does not close the current node may close
	 * others, make one ("</p>") or run the adoption agency: its nodes are
	 * not known. */
	if (t != GUMBO_TAG_TEMPLATE && !(e && e->tag == t && e->ns == NS_HTML))
		g->tmpl.open = 0;
	if (g->afe[t]) {
		g->afe[t]--;
		if (g->afe_total)
			g->afe_total--;
	}
	if (t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_SELECT) {
		/* gumbo closes the nearest one (or ignores the tag) */
		size_t k = find_html(g, t);
		if (k == SIZE_MAX)
			return;
		if (t == GUMBO_TAG_TEMPLATE && g->tmpl.open && g->tdepth == g->tmpl.level)
			region_commit(g, &g->tmpl, tk->start, TEMPLATE_NODE);
		legit_pop_to(g, k);
		return;
	}
	if (g->count[t])
		guard_pop_to(g, t);
}

static int cut_before(const cut *a, const cut *b)
{
	return a->from < b->from || (a->from == b->from && a->to > b->to);
}

/* The input less the cuts (and with their replacements), in the arena. */
static void guard_finish(guard *g, wn__doc *d)
{
	size_t m = 0, sorted = 1;
	for (size_t k = 0; k < g->n_cuts; k++) {
		if (g->frameset && g->cuts[k].skip)
			continue;
		if (m && cut_before(&g->cuts[k], &g->cuts[m - 1]))
			sorted = 0;
		g->cuts[m++] = g->cuts[k];
	}
	if (!m)
		return;
	if (!sorted) {
		/* a region's body is cut when it ends, after the cuts inside it:
		 * nearly sorted, so by insertion */
		for (size_t k = 1; k < m; k++) {
			cut c = g->cuts[k];
			size_t j = k;
			for (; j > 0 && cut_before(&c, &g->cuts[j - 1]); j--)
				g->cuts[j] = g->cuts[j - 1];
			g->cuts[j] = c;
		}
	}
	/* Cuts inside an earlier one are part of it. */
	size_t kept = 0, pos = 0;
	for (size_t k = 0; k < m; k++) {
		cut *c = &g->cuts[k];
		if (c->from < pos) {
			c->to = 0; /* inside the one before */
			continue;
		}
		kept += c->from - pos + c->unit_len * c->reps;
		if (c->skip)
			d->skipped += c->to - c->from;
		pos = c->to;
	}
	kept += g->n - pos;
	char *out = wn__arena_alloc_raw(&d->arena, kept + 1);
	size_t o = 0;
	pos = 0;
	for (size_t k = 0; k < m; k++) {
		const cut *c = &g->cuts[k];
		if (!c->to)
			continue;
		memcpy(out + o, g->s + pos, c->from - pos);
		o += c->from - pos;
		for (size_t r = 0; r < c->reps; r++, o += c->unit_len)
			memcpy(out + o, c->unit, c->unit_len);
		pos = c->to;
	}
	memcpy(out + o, g->s + pos, g->n - pos);
	o += g->n - pos;
	out[o] = 0;
	d->html = out;
	d->html_len = o;
}

/* Cuts what would make gumbo slow, and what it would parse for nothing. */
void wn__guard(wn__doc *d)
{
	guard *g = wn__xmalloc(sizeof *g);
	memset(g, 0, sizeof *g);
	g->s = d->html;
	g->n = d->html_len;
	g->skip = !d->keep_markup;
	g->keep_style = d->opt->format == WN_FORMAT_ANNOTATE;
	g->images = d->opt->images;
	unsigned max_depth = d->opt->max_depth; /* at most WN_MAX_DEPTH */
	g->cap = (size_t)max_depth + WN__GUARD_SLACK;
	g->st = wn__xmalloc(g->cap * sizeof *g->st);
	const char *s = g->s;
	size_t n = g->n, i = 0;
	while (i < n) {
		const char *p = memchr(s + i, '<', n - i);
		if (!p) {
			guard_text(g, i, n);
			break;
		}
		size_t at = (size_t)(p - s);
		if (at > i)
			guard_text(g, i, at);
		i = at;
		size_t start = i;
		if (i + 1 >= n) {
			guard_text(g, i, n); /* a '<' at the end is text */
			break;
		}
		unsigned char c = (unsigned char)s[i + 1];
		if (c == '!') {
			if (i + 4 <= n && !memcmp(s + i, "<!--", 4)) {
				size_t body_end;
				i = wn__lex_comment(s, n, i, &body_end);
				if (skip_ok(g))
					add_cut(g, start + 4, body_end, 1);
				g->text_open = 0; /* a comment node between */
				continue;
			}
			/* CDATA sections are read only in foreign content */
			if (i + 9 <= n && !memcmp(s + i, "<![CDATA[", 9) && g->sp &&
			    g->st[g->sp - 1].ns != NS_HTML) {
				size_t j = i + 9, text_end;
				for (;;) {
					const char *e = memchr(s + j, ']', n - j);
					if (!e || (size_t)(e - s) + 2 >= n) {
						j = text_end = n;
						break;
					}
					j = (size_t)(e - s);
					if (s[j + 1] == ']' && s[j + 2] == '>') {
						text_end = j;
						j += 3;
						break;
					}
					j++;
				}
				if (text_end > i + 9)
					count_text(g); /* its text joins the text around it */
				i = j;
				continue;
			}
		}
		int end = c == '/';
		size_t name = i + 1 + (size_t)end;
		unsigned char c0 = name < n ? (unsigned char)s[name] : 0;
		if (!((c0 | 32) >= 'a' && (c0 | 32) <= 'z')) {
			if (c == '!' || c == '?' || end) { /* bogus comment, doctype */
				const char *e = memchr(s + i, '>', n - i);
				/* gumbo ignores a DOCTYPE there, and "</>"; a bogus
				 * comment is a comment node */
				if (!(end && c0 == '>') && !(c == '!' && i + 9 <= n &&
				                             wn__ascii_ieq(s + i + 2, "doctype", 7)))
					g->text_open = 0;
				i = e ? (size_t)(e - s) + 1 : n;
			} else {
				guard_text(g, i, i + 1); /* a '<' that opens no tag */
				i++;
			}
			continue;
		}
		size_t j = name;
		while (j < n && !wn__is_html_space((unsigned char)s[j]) && s[j] != '/' && s[j] != '>')
			j++;
		tag tk = {0};
		tk.t = j - name < 32 ? (int)gumbo_tagn_enum(s + name, (unsigned)(j - name))
		                     : GUMBO_TAG_UNKNOWN;
		tk.start = start;
		tk.name = name;
		tk.name_len = j - name;
		size_t tag_end = guard_attrs(g, j, &tk);
		if (tag_end == SIZE_MAX)
			break; /* a tag cut by the end of input: gumbo drops it */
		tk.end = tag_end;
		if (end) {
			guard_end(g, &tk);
			i = tag_end;
		} else {
			i = guard_start(g, &tk);
		}
	}
	/* bodies still open at the end of the input stay */
	g->svg.open = g->tmpl.open = g->nos.open = 0;
	guard_finish(g, d);
	if (g->cut_deep)
		wn__note(&d->notes,
		         "limit: %zu tags nested deeper than about %zu "
		         "elements ignored, their text kept (max_depth)",
		         g->cut_deep, g->cap);
	if (g->cut_fmt)
		wn__note(&d->notes,
		         "limit: %zu tags ignored, their text kept: more than %d "
		         "unclosed formatting elements, or nested deeper than %d "
		         "inside one",
		         g->cut_fmt, WN__GUARD_FORMAT, WN__GUARD_FORMAT_DEPTH);
	if (g->cut_many)
		wn__note(&d->notes,
		         "limit: %zu tags past the first %d elements ignored, "
		         "their text kept",
		         g->cut_many, WN__GUARD_ELEMENTS);
	d->mended = g->mended;
	if (g->mended)
		wn__note(&d->notes,
		         "input: %zu raw text elements (an <iframe ... />) left "
		         "open inside a <noscript> end with it, as in a browser",
		         g->mended);
	if (g->cut_attrs)
		wn__note(&d->notes, "limit: %zu attributes beyond %d in one tag ignored",
		         g->cut_attrs, WN__GUARD_ATTRS);
	free(g->cuts);
	free(g->st);
	free(g);
}
