/*
 * metadata_byline.c -- what makes a byline or a date line: class, id,
 * itemprop and rel evidence (Readability.js's byline pattern and its
 * unlikely candidates), the words that open a byline ("By", "Von",
 * "Text:"), a byline's text made into names, and a text that is a date
 * and nothing more.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "metadata/meta.h"


static int lower(int ch) /* tolower in the C locale, inline */
{
	return ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch;
}

/* ---- class, id and text evidence for byline and date lines ---- */

/* The attributes the evidence is read from, as wn__attr has them (the
 * first of each name, in any case), in one pass over the element's. */
typedef struct attrs {
	const char *cls, *id, *itemprop, *rel, *role;
} attrs;

static void get_attrs(const wn__node *x, attrs *a)
{
	memset(a, 0, sizeof *a);
	if (x->kind != WN__NODE_ELEMENT || !x->g ||
	    (x->g->type != GUMBO_NODE_ELEMENT && x->g->type != GUMBO_NODE_TEMPLATE))
		return;
	const GumboVector *v = &x->g->v.element.attributes;
	for (unsigned k = 0; k < v->length; k++) {
		const GumboAttribute *at = v->data[k];
		const char *n = at->name, **slot = NULL;
		switch (n[0] | 0x20) {
		case 'c': slot = !strcasecmp(n, "class") ? &a->cls : NULL; break;
		case 'i':
			slot = !strcasecmp(n, "id")         ? &a->id
			       : !strcasecmp(n, "itemprop") ? &a->itemprop
			                                    : NULL;
			break;
		case 'r':
			slot = !strcasecmp(n, "rel")    ? &a->rel
			       : !strcasecmp(n, "role") ? &a->role
			                                : NULL;
			break;
		default: break;
		}
		if (slot && !*slot)
			*slot = at->value;
	}
}

/* class, id, itemprop and rel of an element, lower case, each followed
 * by a space, in buf; returns where the id ends: buf cut there is the
 * class and id alone. */
static size_t attrs_text(const attrs *a, char *buf, size_t cap)
{
	const char *v[] = {a->cls, a->id, a->itemprop, a->rel};
	size_t o = 0, id_end = 0;
	for (size_t k = 0; k < 4; k++) {
		for (const char *s = v[k]; s && *s && o + 2 < cap; s++)
			buf[o++] = (char)lower((unsigned char)*s);
		if (k == 1)
			id_end = o;
		if (o + 1 < cap)
			buf[o++] = ' ';
	}
	buf[o] = 0;
	return id_end;
}

static int starts(const char *p, const char *w)
{
	while (*w && *p == *w)
		p++, w++;
	return !*w;
}

static int token_end(int ch)
{
	return ch == 0 || ch == ' ' || ch == '-' || ch == '_';
}

/* A date word at p, a whole token: not "update" in "updates". */
static int date_word_at(const char *buf, const char *p)
{
	static const char *const DATE_WORDS[] = {
		"date",    "time",     "timestamp", "pubdate",      "published", "posted",
		"updated", "dateline", "datetime",  "publish-date", "post-date",
	};
	if (p != buf && !token_end((unsigned char)p[-1]))
		return 0;
	for (size_t k = 0; k < sizeof DATE_WORDS / sizeof *DATE_WORDS; k++) {
		const char *w = DATE_WORDS[k], *e = p;
		while (*w && *e == *w)
			e++, w++;
		if (!*w && token_end((unsigned char)*e))
			return 1;
	}
	return 0;
}

/* Does the token at p say what its element has ("has-comments",
 * "no-replies": a post with comments), not what it is? */
static int state_word_at(const char *buf, const char *p)
{
	static const char *const STATE[] = {"has-", "has_", "no-", "no_", "with-", "with_"};
	for (size_t k = 0; k < sizeof STATE / sizeof *STATE; k++) {
		size_t l = strlen(STATE[k]);
		if ((size_t)(p - buf) < l)
			continue;
		const char *w = p - l;
		if (!strncmp(w, STATE[k], l) && (w == buf || w[-1] == ' '))
			return 1;
	}
	return 0;
}

/* Each answer in c->bits, with EV_KNOWN once they are. */
enum { EV_BYLINE = 1, EV_DATE = 2, EV_COMMENT = 4, EV_KNOWN = 8 };

/* What an element's attributes say, read in one pass:
 *  - a byline: Readability.js's byline pattern on class and id,
 *    rel=author, itemprop author;
 *  - a date line: a date word in class, id, itemprop or rel;
 *  - a comment or reply box (bylines there are the commenters'). */
static int evidence_of(const attrs *a)
{
	char buf[512];
	int ev = 0;
	if (!a->cls && !a->id && !a->itemprop && !a->rel)
		return 0;
	if ((a->rel && wn__meta_has_token(a->rel, "author")) ||
	    (a->itemprop && strstr(a->itemprop, "author")))
		ev |= EV_BYLINE;
	/* the byline words count in class and id only: up to id_end */
	const char *id_end = buf + attrs_text(a, buf, sizeof buf);
	int boxed = a->cls || a->id;
	for (const char *p = buf; *p; p++) {
		switch (*p) {
		case 'a':
			if (p + 6 <= id_end && starts(p, "author") &&
			    !starts(p + 6, "it")) /* not "authority" */
				ev |= EV_BYLINE;
			break;
		case 'b':
			if (p + 6 <= id_end && starts(p, "byline"))
				ev |= EV_BYLINE;
			break;
		case 'c':
			if (boxed && starts(p, "comment") && !state_word_at(buf, p))
				ev |= EV_COMMENT;
			break;
		case 'd':
			if (p + 8 <= id_end && starts(p, "dateline"))
				ev |= EV_BYLINE;
			if (date_word_at(buf, p) ||
			    (starts(p, "date") &&
			     (starts(p + 4, "published") || starts(p + 4, "modified") ||
			      starts(p + 4, "created"))))
				ev |= EV_DATE;
			break;
		case 'p':
			if (p + 8 <= id_end && starts(p, "p-author"))
				ev |= EV_BYLINE;
			if (date_word_at(buf, p))
				ev |= EV_DATE;
			break;
		case 'r':
			if (boxed && starts(p, "replies") && !state_word_at(buf, p))
				ev |= EV_COMMENT;
			break;
		case 't':
		case 'u':
			if (date_word_at(buf, p))
				ev |= EV_DATE;
			break;
		case 'w':
			if (p + 9 <= id_end && starts(p, "writtenby"))
				ev |= EV_BYLINE;
			break;
		default: break;
		}
	}
	return ev;
}

/* The scan and the marking ask of the same elements: asked once. */
static int evidence(wn__meta_ctx *c, int32_t i, int what)
{
	uint8_t *e = &c->bits[i];
	if (!(*e & EV_KNOWN)) {
		attrs a;
		get_attrs(&c->d->nodes[i], &a);
		*e |= (uint8_t)(evidence_of(&a) | EV_KNOWN);
	}
	return (*e & what) != 0;
}

int wn__meta_says_byline(wn__meta_ctx *c, int32_t i)
{
	return evidence(c, i, EV_BYLINE);
}

int wn__meta_says_date(wn__meta_ctx *c, int32_t i)
{
	return evidence(c, i, EV_DATE);
}

/* A byline or date line by its attributes, or a <time>. */
int wn__meta_says_line(wn__meta_ctx *c, int32_t i)
{
	return c->d->nodes[i].tag == GUMBO_TAG_TIME || evidence(c, i, EV_BYLINE | EV_DATE);
}

int wn__meta_comment_box(wn__meta_ctx *c, int32_t i)
{
	return evidence(c, i, EV_COMMENT);
}

/* Readability.js's unlikely candidates (class/id and role): subtrees
 * where no byline or date of the article is looked for. */
int wn__meta_unlikely(const wn__node *x)
{
	static const char *const BAD[] = {
		"-ad-",      "ai2html",    "banner",     "breadcrumbs", "combx",   "comment",
		"community", "cover-wrap", "extra",      "footer",      "gdpr",    "header",
		"legends",   "menu",       "related",    "remark",      "replies", "rss",
		"shoutbox",  "sidebar",    "skyscraper", "social",      "sponsor", "supplemental",
		"ad-break",  "agegate",    "pagination", "pager",       "popup",   "yom-remote",
	};
	static const char *const MAYBE[] = {
		"and", "article", "body", "column", "content", "main", "mathjax", "shadow",
	};
	static const char *const ROLES[] = {
		"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
	};
	attrs a;
	get_attrs(x, &a);
	for (size_t k = 0; a.role && k < sizeof ROLES / sizeof *ROLES; k++)
		if (!strcasecmp(a.role, ROLES[k]))
			return 1;
	if (x->tag == GUMBO_TAG_BODY || x->tag == GUMBO_TAG_A)
		return 0;
	char buf[512];
	if (!a.cls && !a.id)
		return 0;
	buf[attrs_text(&a, buf, sizeof buf)] = 0; /* class and id */
	int bad = 0;
	for (size_t k = 0; k < sizeof BAD / sizeof *BAD && !bad; k++)
		bad = strstr(buf, BAD[k]) != NULL;
	for (size_t k = 0; bad && k < sizeof MAYBE / sizeof *MAYBE; k++)
		if (strstr(buf, MAYBE[k]))
			bad = 0;
	return bad;
}

/* ---- a byline's words ---- */

/* strcasestr, which C11 and POSIX lack (ASCII case only). */
static const char *find_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	int first = lower((unsigned char)*needle);
	for (; *hay; hay++)
		if (lower((unsigned char)*hay) == first && !strncasecmp(hay, needle, n))
			return hay;
	return NULL;
}

/* The words that open a byline ("By Jane Doe"), lower case.  CASED ones
 * only in lower case, as names begin with them ("Di Stefano"); COLON
 * ones only before a colon ("Text: Jane Doe", not "Text messages"). */
enum { BY_CASED = 1, BY_COLON = 2 };
static const struct by_word_t {
	const char *w;
	int flags;
} BY_WORDS[] = {
	{"written by", 0},
	{"posted by", 0},
	{"published by", 0},
	{"story by", 0},
	{"words by", 0},
	{"text by", 0},
	{"reporting by", 0},
	{"article by", 0},
	{"by", 0},
	{"von", 0},
	{"par", 0},
	{"por", 0},
	{"door", 0},
	{"di", BY_CASED},
	{"av", BY_CASED},
	{"af", BY_CASED},
	{"autor", BY_COLON},
	{"author", BY_COLON},
	{"auteur", BY_COLON},
	{"text", BY_COLON},
	{"texto", BY_COLON},
	{NULL, 0},
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
size_t wn__meta_by_word(const char *s)
{
	const char *s0 = s;
	s = skip_marks(s);
	int first = lower((unsigned char)*s);
	for (const struct by_word_t *w = BY_WORDS; w->w; w++) {
		if (w->w[0] != first)
			continue;
		size_t l = strlen(w->w);
		if ((w->flags & BY_CASED) ? strncmp(s, w->w, l) : strncasecmp(s, w->w, l))
			continue;
		if (s[l] == ':' && s[l + 1] == ' ')
			return (size_t)(s - s0) + l + 2;
		if (s[l] == ':' || (s[l] == ' ' && !(w->flags & BY_COLON)))
			return (size_t)(s - s0) + l + 1;
	}
	return 0;
}

/* Could the text of node i open with a byline word?  Only when its first
 * run of letters past white space and marks is a byline word's first word
 * (or the start of one, when the run may go on in the next text node):
 * most lines do not, and this is known without their text. */
int wn__meta_may_open_by(wn__meta_ctx *c, int32_t i)
{
	const wn__node *nodes = c->d->nodes;
	for (int32_t k = i; k < nodes[i].end; k++) {
		const wn__node *x = &nodes[k];
		if (x->flags & WN__NF_REMOVED) {
			k = x->end - 1;
			continue;
		}
		if (x->kind == WN__NODE_ELEMENT)
			continue;
		for (const char *p = x->g->v.text.text; *p;) {
			const char *q = skip_marks(p + strspn(p, " \t\n\r\f"));
			if (q != p) {
				p = q;
				continue;
			}
			if ((unsigned char)*p >= 0x80) {
				int32_t cp;
				int l = wn__utf8_next(p, strnlen(p, 4), &cp);
				if (!wn__is_space_cp(cp))
					return 0;
				p += l;
				continue;
			}
			size_t r = 0;
			while (lower((unsigned char)p[r]) >= 'a' && lower((unsigned char)p[r]) <= 'z')
				r++;
			int open = !p[r]; /* the word may go on in the next node */
			for (const struct by_word_t *w = BY_WORDS; w->w; w++)
				if (w->w[0] == lower((unsigned char)*p) &&
				    !strncasecmp(p, w->w, r) && (open || w->w[r] == ' ' || !w->w[r]))
					return 1;
			return 0;
		}
	}
	return 0;
}

/* Words that may stand lower-case inside a name or between names. */
static int name_particle(const char *w, size_t n)
{
	static const char *const P[] = {
		"de",  "van", "von", "der", "den", "da",  "di", "du", "la",
		"le",  "del", "dos", "das", "do",  "bin", "al", "y",  "e",
		"and", "und", "et",  "&",   "ten", "ter", "zu", NULL,
	};
	for (const char *const *p = P; *p; p++)
		if (strlen(*p) == n && !strncmp(w, *p, n))
			return 1;
	return 0;
}

/* A person's name or names: 1..WN__META_NAME_WORDS words, each capitalised
 * (or a particle such as "de", "and"). */
int wn__meta_looks_like_names(const char *s)
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
		if (++words > WN__META_NAME_WORDS)
			return 0;
		p = e;
	}
	return words > 0;
}

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
const char *wn__meta_clean_byline(wn__meta_ctx *c, const char *t)
{
	static const char *const TAIL[] = {
		" on",
		" am",
		" le",
		" el",
		" il",
		" op",
		" updated",
		" published",
		" posted",
		" at",
		" um",
		" |",
		" -",
		" \xe2\x80\x94",
		" \xe2\x80\x93",
		",",
		" \xc2\xb7",
		" \xe2\x80\xa2",
		":",
		NULL,
	};
	static const char *const CUT[] = {
		" | ",
		" \xe2\x80\x94 ",
		" \xe2\x80\x93 ",
		" - ",
		" \xc2\xb7 ",
		" \xe2\x80\xa2 ",
		" edited by ",
		" photographs by ",
		" photos by ",
		" illustrations by ",
		"\n",
	};
	char iso[WN__DATE_MAX];
	for (;;) {
		while (*t == ' ' || *t == '\n')
			t++;
		size_t line = strcspn(t, "\n");
		if (!t[line] || !only_by_word(t, line))
			break;
		t += line;
	}
	t += wn__meta_by_word(t);
	while (*t == ' ' || *t == ':')
		t++;
	size_t n = strcspn(t, "\n");
	char *line = wn__arena_strndup(c->a, t, n);
	if (wn__meta_date_only(line, iso))
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
	if (!n || n >= WN__META_BYLINE_MAX)
		return NULL;
	int letters = 0;
	for (size_t i = 0; i < n; i++)
		letters += isalpha((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80;
	if (!letters || isdigit((unsigned char)t[0]))
		return NULL;
	return wn__meta_keep(c, t, n);
}

/* A text that is a date and nothing more, perhaps after a label
 * ("Published", "Updated on", "Veröffentlicht am", "Publié le"). */
int wn__meta_date_only(const char *t, char *iso)
{
	static const char *const LABEL[] = {
		"published", "updated",        "posted",       "last", "modified",
		"on",        "veröffentlicht", "aktualisiert", "am",   "stand",
		"publié",    "publiée",        "mis",          "à",    "jour",
		"le",        "publicado",      "actualizado",  "el",   "date",
		"datum",     "fecha",          NULL,
	};
	if (!strpbrk(t, "0123456789"))
		return 0; /* every date has digits: most lines go here */
	for (;;) {
		while (*t == ' ' || *t == ':')
			t++;
		int hit = 0, first = lower((unsigned char)*t);
		for (const char *const *w = LABEL; *w && !hit; w++) {
			if ((unsigned char)**w != first)
				continue;
			size_t l = strlen(*w);
			if (!strncasecmp(t, *w, l) && (t[l] == ' ' || t[l] == ':')) {
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

/* ---- the author field: names and nothing else ---- */

/* Words that say what a person does, written after the name in bylines
 * whose name and role sit in elements side by side ("Jane Doe Senior
 * Editor", "Jane Doe Founder at Acme"). */
static int role_word(const char *w, size_t n)
{
	static const char *const ROLE[] = {
		"founder",  "co-founder", "cofounder",     "editor",     "writer",
		"reviewer", "reporter",   "correspondent", "columnist",  "contributor",
		"former",   "senior",     "lead",          "chief",      "deputy",
		"staff",    "expert",     "specialist",    "journalist", NULL,
	};
	for (const char *const *r = ROLE; *r; r++)
		if (strlen(*r) == n && !strncasecmp(w, *r, n))
			return 1;
	return 0;
}

/* A site's user interface around a name, never a name: "View all posts
 * by", "Read more about". */
static size_t ui_prefix(const char *s)
{
	static const char *const UI[] = {
		"view all posts by ", "view all articles by ", "view more posts by ",
		"all posts by ",      "more posts by ",        "posts by ",
		"articles by ",       "read more about ",      "more about ",
		"more from ",         "about the author ",     NULL,
	};
	for (const char *const *u = UI; *u; u++)
		if (!strncasecmp(s, *u, strlen(*u)))
			return strlen(*u);
	return 0;
}

/* Texts that stand where a name should and are none. */
static int not_a_name(const char *s, size_t n)
{
	static const char *const NOT[] = {
		"author",         "the author",   "topic author",
		"follow author",  "post author",  "view more posts",
		"view all posts", "read more",    "sign in",
		"log in",         "login",        "follow",
		"subscribe",      "share",        "admin",
		"full bio",       "bio",          "more",
		"profile",        "view profile", NULL,
	};
	for (const char *const *w = NOT; *w; w++)
		if (strlen(*w) == n && !strncasecmp(s, *w, n))
			return 1;
	int letters = 0, spaces = 0, dots = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		letters += isalpha(ch) || ch >= 0x80;
		spaces += ch == ' ';
		dots += ch == '.';
	}
	/* no letters ("262588213843476"), a template's key left in
	 * ("page.head.extra.author", "{{ author }}"), or a date without its
	 * year */
	char *t = strndup(s, n);
	int key = t && ((!spaces && dots >= 2 && find_ci(t, "author")) || strstr(t, "{{") ||
	                strstr(t, "}}"));
	free(t);
	return !letters || key || wn__date_month_day(s, n);
}

/* Trims marks bylines put around names ("& Jane Doe", "Jane Doe »"). */
static void trim_marks(const char **s, size_t *n)
{
	static const char *const MARKS[] = {
		" ",
		"&",
		"*",
		"|",
		"-",
		",",
		":",
		";",
		">",
		"\xc2\xbb",
		"\xc2\xab",
		"\xc2\xb7",
		"\xe2\x80\xa2",
		"\xe2\x8b\x85",
		"\xe2\x80\x93",
		"\xe2\x80\x94",
		"\xe2\x80\xa6",
		"\"",
		"\xe2\x80\x9c",
		"\xe2\x80\x9d", /* quotes */
		"\xe2\x97\x8f",
		NULL, /* black circle */
	};
	for (int again = 1; again && *n;) {
		again = 0;
		for (const char *const *m = MARKS; *m; m++) {
			size_t l = strlen(*m);
			if (*n >= l && !memcmp(*s, *m, l)) {
				*s += l, *n -= l, again = 1;
			}
			if (*n >= l && !memcmp(*s + *n - l, *m, l)) {
				*n -= l, again = 1;
			}
		}
	}
}

/* One name of an author value, made into the name alone in b (nothing
 * appended when none is left). */
static void field_name(wn__meta_ctx *c, wn__buf *b, const char *s, size_t n)
{
	static const char *const CUT[] = {
		" \xe2\x8b\x85 ",
		" \xc2\xb7 ",
		" \xe2\x80\xa2 ",
		" | ",
		" . ",
		" , ",
		" reviewed by ",
		" medically reviewed by ",
		" fact checked by ",
		" edited by ",
		" updated by ",
		NULL,
	};
	static const char *const DASH[] = {
		" - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", ", ", NULL,
	};
	char iso[WN__DATE_MAX];
	trim_marks(&s, &n);
	/* labels: "Authors:", "Written by:", and a word or few before "by"
	 * ("Guide by", "This post was written by") */
	for (int again = 1; again && n;) {
		again = 0;
		size_t u = ui_prefix(s);
		if (u && u < n) {
			s += u, n -= u, again = 1;
		}
		size_t colon = 0;
		while (colon < n && colon < 24 && s[colon] != ':')
			colon++;
		if (colon < n && s[colon] == ':' && colon < 24) {
			const char *lab = s;
			int label = 0;
			/* "Author", "Authors", "Autor", "Written by", "Posted by" */
			for (const char *p = lab; p < lab + colon; p++)
				if ((p == lab || p[-1] == ' ') &&
				    (!strncasecmp(p, "aut", 3) || !strncasecmp(p, "writ", 4) ||
				     !strncasecmp(p, "by", 2) || !strncasecmp(p, "post", 4)))
					label = 1;
			if (label) {
				s += colon + 1, n -= colon + 1, again = 1;
				trim_marks(&s, &n);
			}
		}
		int words = 1;
		for (size_t i = 0; i + 4 <= n && i < 60 && words <= 5; i++) {
			if (strchr(",.|;:()", s[i]))
				break; /* "Jane Doe, DVM. Reviewed by": a name before */
			if (s[i] != ' ')
				continue;
			if (!strncasecmp(s + i, " by ", 4) && i + 4 < n) {
				s += i + 4, n -= i + 4, again = 1;
				break;
			}
			words++;
		}
		if (n > 3 && !strncasecmp(s, "by ", 3)) {
			s += 3, n -= 3, again = 1;
		}
		trim_marks(&s, &n);
	}
	/* what follows the name: a role, a date, the site */
	char *t = wn__arena_strndup(c->a, s, n);
	for (const char *const *k = CUT; *k; k++) {
		const char *p = find_ci(t, *k);
		if (p && p > t)
			t[p - t] = 0;
	}
	for (const char *const *k = DASH; *k; k++) {
		const char *p = find_ci(t, *k);
		if (!p || p == t)
			continue;
		const char *rest = p + strlen(*k);
		int role = wn__meta_names_site_strict(&c->site_names, rest);
		for (const char *w = rest; *w && !role && **k != ',';) {
			size_t l = strcspn(w, " ,&");
			role = role_word(w, l) || (l >= 6 && !strncasecmp(w, "editor", 6)) ||
			       (l == 4 && !strncasecmp(w, "team", 4));
			w += l;
			w += strspn(w, " ,&");
		}
		/* "Jane Doe, Head of Marketing": after a comma, words in lower
		 * case that are no particles say what the person does */
		if (**k == ',' && !role && strchr(rest, ' ') && !wn__meta_looks_like_names(rest))
			role = 1;
		if (role)
			t[p - t] = 0;
	}
	/* " on 4 May 2021", "3/4/2025" */
	const char *date = wn__date_find(t, strlen(t), iso);
	if (date && date > t)
		t[date - t] = 0;
	for (char *p = t; (p = strstr(p, " on ")) != NULL; p++)
		if (isdigit((unsigned char)p[4]) || !p[4]) { /* the date cut above */
			*p = 0;
			break;
		}
	n = strlen(t);
	if (wn__date_month_day(t, n))
		return;
	while (n && (isdigit((unsigned char)t[n - 1]) || t[n - 1] == '/' || t[n - 1] == '.' ||
	             t[n - 1] == '-'))
		n--; /* a numeric date the parser leaves, "3/4/2025" */
	if (n < strlen(t) && n && t[n - 1] != ' ')
		n = strlen(t); /* digits of the name itself ("Daniel3") */
	/* "Jane Doe Founder at Acme": a role word after two name words,
	 * unless the whole is the site's name ("Luxury Travel Expert") */
	int words = 0;
	t[n] = 0;
	for (size_t i = wn__meta_names_site(&c->site_names, t) ? n : 0; i < n;) {
		size_t l = strcspn(t + i, " ");
		if (l > n - i)
			l = n - i;
		if (words >= 2 && role_word(t + i, l) && isupper((unsigned char)t[i])) {
			n = i;
			break;
		}
		words++;
		i += l;
		while (i < n && t[i] == ' ')
			i++;
	}
	const char *v = t;
	trim_marks(&v, &n);
	if (!n || not_a_name(v, n))
		return;
	if (b->len)
		wn__buf_puts(b, ", ");
	wn__buf_put(b, v, n);
}

const char *wn__meta_author_field(wn__meta_ctx *c, const char *v)
{
	if (!v)
		return NULL;
	wn__buf b = {0};
	for (const char *p = v; *p;) {
		size_t n = strcspn(p, ";");
		field_name(c, &b, p, n);
		p += n;
		if (*p)
			p++;
	}
	const char *r = b.len ? wn__meta_keep(c, b.data, b.len) : NULL;
	wn__buf_free(&b);
	return r;
}

const char *wn__meta_byline_names(wn__meta_ctx *c, int32_t node, const char *text)
{
	const wn__doc *d = c->d;
	wn__buf b = {0};
	/* the byline's links whose text is a name: an author's page; those
	 * before its byline word are not ("Post by <a>jane</a>") */
	for (int32_t k = node; node > 0 && k < d->nodes[node].end; k++) {
		const wn__node *x = &d->nodes[k];
		if (x->flags & WN__NF_REMOVED) {
			k = x->end - 1;
			continue;
		}
		if (x->kind == WN__NODE_TEXT) {
			const char *t = x->g->v.text.text;
			while (wn__meta_is_space((unsigned char)*t))
				t++;
			size_t n = strlen(t);
			while (n && wn__meta_is_space((unsigned char)t[n - 1]))
				n--;
			if (wn__meta_by_word(t) || only_by_word(t, n))
				b.len = 0;
			continue;
		}
		if (x->tag != GUMBO_TAG_A || !c->chars[k])
			continue;
		const char *t = wn__meta_first_line(c, k); /* a role may follow */
		size_t n = strlen(t);
		if (n < WN__META_BYLINE_MAX && wn__meta_looks_like_names(t) && !not_a_name(t, n) &&
		    !wn__meta_names_site(&c->site_names, t) && !wn__meta_by_word(t)) {
			if (b.len)
				wn__buf_puts(&b, "; ");
			wn__buf_puts(&b, t);
		}
		k = x->end - 1;
	}
	const char *r = NULL;
	if (b.len)
		r = wn__arena_strndup(c->a, b.data, b.len);
	wn__buf_free(&b);
	if (r)
		return r;
	/* its text: a line that opens with a byline word over one that is a
	 * date ("May 28\nWritten By Jane Doe") */
	if (!text)
		return NULL;
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		if (wn__meta_by_word(p) && wn__meta_by_word(p) < n)
			return wn__meta_clean_byline(c, wn__arena_strndup(c->a, p, n));
		p += n;
		if (*p)
			p++;
	}
	return wn__meta_clean_byline(c, text);
}

/* A person's name as a byline line gives it: two to four words, each
 * capitalised or a particle, none a role or a word of the page's
 * furniture ("5 min read", "Share"). */
static int person_part(const char *s, size_t n)
{
	static const char *const NOT[] = {
		"read",     "min",    "mins",    "minute",    "minutes", "comments",
		"comment",  "share",  "updated", "published", "posted",  "views",
		"edited",   "recent", "related", "latest",    "popular", "posts",
		"articles", "more",   "follow",  "subscribe", NULL,
	};
	char *t = strndup(s, n);
	if (!t)
		wn__oom();
	int words = 0, ok = wn__meta_looks_like_names(t) && !strpbrk(t, "0123456789");
	for (const char *w = t; ok && *w;) {
		size_t l = strcspn(w, " ");
		words++;
		ok = !role_word(w, l);
		for (const char *const *k = NOT; ok && *k; k++)
			ok = !(strlen(*k) == l && !strncasecmp(w, *k, l));
		w += l;
		w += strspn(w, " ");
	}
	free(t);
	return ok && words >= 2 && words <= 4;
}

int wn__meta_only_by_word(const char *s)
{
	return s && only_by_word(s, strlen(s));
}

int wn__meta_person_name(const char *s)
{
	return s && person_part(s, strlen(s));
}

const char *wn__meta_field_byline(wn__meta_ctx *c, const char *t)
{
	static const char *const SEPS[] = {
		" \xc2\xb7 ",     " | ", " \xe2\x80\xa2 ", " \xe2\x80\x94 ",
		" \xe2\x80\x93 ", " - ", " \xe2\x8b\x85 ", NULL,
	};
	char iso[WN__DATE_MAX];
	int after_by = 0;
	if (!t || !strpbrk(t, " "))
		return NULL;
	for (const char *p = t; *p;) {
		size_t n = strcspn(p, "\n");
		const char *line = wn__arena_strndup(c->a, p, n);
		p += n;
		if (*p)
			p++;
		/* "Written by" on its line, the name on the next */
		if (after_by && person_part(line, n))
			return line;
		after_by = only_by_word(line, n);
		/* "Published May 4, 2021 by Jane Doe", "Updated 2 days ago by" */
		const char *by = find_ci(line, " by ");
		if (by && strpbrk(wn__arena_strndup(c->a, line, (size_t)(by - line)), "0123456789")) {
			const char *name = by + 4;
			size_t l = strlen(name);
			for (const char *const *k = SEPS; *k; k++) {
				const char *q = strstr(name, *k);
				if (q && (size_t)(q - name) < l)
					l = (size_t)(q - name);
			}
			while (l && strchr(" .,;", name[l - 1]))
				l--;
			if (person_part(name, l))
				return wn__arena_strndup(c->a, name, l);
		}
		/* a date and a name between separators */
		if (!wn__date_find(line, n, iso))
			continue;
		for (const char *q = line; *q;) {
			size_t l = strlen(q), skip = 0;
			for (const char *const *k = SEPS; *k; k++) {
				const char *r = strstr(q, *k);
				if (r && (size_t)(r - q) < l) {
					l = (size_t)(r - q);
					skip = strlen(*k);
				}
			}
			const char *part = q;
			size_t pl = l;
			while (pl && *part == ' ')
				part++, pl--;
			if (person_part(part, pl))
				return wn__arena_strndup(c->a, part, pl);
			q += l + skip;
			if (!skip)
				break;
		}
	}
	return NULL;
}

int wn__meta_dated_line(const char *t)
{
	static const char *const LABEL[] = {
		"published", "posted",         "updated",   "last updated", "written",
		"publié",    "veröffentlicht", "publicado", "pubblicato",   NULL,
	};
	if (wn__meta_by_word(t))
		return 1;
	for (const char *p = t; *p; p++) {
		if (p != t && isalpha((unsigned char)p[-1]))
			continue;
		for (const char *const *w = LABEL; *w; w++)
			if (!strncasecmp(p, *w, strlen(*w)))
				return 1;
	}
	return 0;
}

int wn__meta_update_label(const char *t)
{
	static const char *const LABEL[] = {
		"updated",      "last updated",         "last modified",
		"modified",     "last edited",          "edited",
		"revised",      "last reviewed",        "reviewed",
		"aktualisiert", "zuletzt aktualisiert", "mis \xc3\xa0 jour",
		"actualizado",  "aggiornato",           "atualizado",
		NULL,
	};
	t = skip_marks(t);
	for (const char *const *w = LABEL; *w; w++) {
		size_t l = strlen(*w);
		if (!strncasecmp(t, *w, l) && !isalpha((unsigned char)t[l]))
			return 1;
	}
	return 0;
}
