/*
 * common.c -- what the metadata stage's readers share: values cleaned as
 * the result keeps them (references unescaped, white space collapsed,
 * cut), subtree text kept per node, tokens, and lists.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gumbo.h>

#include "base/unicode.h"
#include "metadata/meta.h"
#include "metadata/metadata.h"
/* ---- small string helpers ---- */

int wn__meta_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
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

static void *gumbo_alloc(void *ud, size_t n)
{
	(void)ud;
	return wn__xmalloc(n);
}

static void gumbo_free(void *ud, void *p)
{
	(void)ud;
	free(p);
}

/* A named reference HTML knows beyond the five below ("&bull;",
 * "&eacute;", "&nbsp;": 2,231 of them): s[0..n) is a name and ';', what
 * follows an '&'.  gumbo, which has the table, decodes it as it would in
 * a <title>; returns 0 when it is no reference (the text stays as it was). */
static int named_reference(wn__buf *out, const char *s, size_t n)
{
	char src[48] = "<title>&";
	if (n + 9 > sizeof src)
		return 0;
	memcpy(src + 8, s, n);
	GumboOptions go = kGumboDefaultOptions;
	go.allocator = gumbo_alloc;
	go.deallocator = gumbo_free;
	go.max_errors = 0;
	GumboOutput *g = gumbo_parse_with_options(&go, src, n + 8);
	/* html > head > title > text */
	const GumboNode *head =
		g->root->v.element.children.length ? g->root->v.element.children.data[0] : NULL;
	const GumboNode *t = head && head->type == GUMBO_NODE_ELEMENT && head->v.element.children.length
	                             ? head->v.element.children.data[0]
	                             : NULL;
	const GumboNode *x = t && t->type == GUMBO_NODE_ELEMENT && t->v.element.children.length == 1
	                             ? t->v.element.children.data[0]
	                             : NULL;
	int ok = x && (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_WHITESPACE) &&
	         strcmp(x->v.text.text, src + 7) != 0;
	if (ok)
		wn__buf_puts(out, x->v.text.text);
	gumbo_destroy_output(&go, g);
	return ok;
}

/* The character reference that s[0..n) opens (what follows an '&'),
 * decoded into out: its length up to and with the ';', or 0 when there is
 * none.  The five named ones and numeric ones as Readability.js's
 * unescapeHtmlEntities does, every other name by gumbo's table. */
static size_t reference(wn__buf *out, const char *s, size_t n)
{
	static const struct {
		const char *name;
		char c;
	} NAMED[] = {
		{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''},
	};
	for (size_t k = 0; k < sizeof NAMED / sizeof *NAMED; k++) {
		size_t l = strlen(NAMED[k].name);
		if (l <= n && !memcmp(s, NAMED[k].name, l)) {
			wn__buf_putc(out, NAMED[k].c);
			return l;
		}
	}
	if (n > 1 && s[0] == '#') {
		size_t j = 1;
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
		if (j == start || j >= n || s[j] != ';')
			return 0;
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			v = 0xFFFD;
		put_cp(out, (int32_t)v);
		return j + 1;
	}
	if (n && isalpha((unsigned char)s[0])) {
		size_t j = 1;
		while (j < n && j < 39 && isalnum((unsigned char)s[j]))
			j++;
		if (j < n && s[j] == ';' && named_reference(out, s, j + 1))
			return j + 1;
	}
	return 0;
}

/* Character references left in a value after the parser's pass: many
 * sites escape their meta content twice, so each is decoded once more.
 * An "&amp;" that opens another reference ("&amp;#8230;") was escaped
 * twice before that: a JSON-LD string, which no parser unescaped. */
static void unescape(wn__buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		const char *amp = memchr(s + i, '&', n - i);
		if (amp != s + i) {
			size_t run = amp ? (size_t)(amp - (s + i)) : n - i;
			wn__buf_put(out, s + i, run);
			i += run;
			continue;
		}
		size_t l = 0;
		if (n - i > 5 && !memcmp(s + i + 1, "amp;", 4) &&
		    (l = reference(out, s + i + 5, n - i - 5)) > 0)
			i += 5 + l;
		else if ((l = reference(out, s + i + 1, n - i - 1)) > 0)
			i += 1 + l;
		else
			wn__buf_putc(out, s[i++]);
	}
}

/* Text a page's data carries (a JSON-LD articleBody), kept for recovery:
 * references unescaped, tags some pages leave in it taken out, spaces
 * collapsed, lines kept (a blank line between paragraphs); NULL when
 * empty. */
const char *wn__meta_keep_text(wn__meta_ctx *c, const char *s)
{
	wn__buf u = {0}, o = {0};
	unescape(&u, s, strlen(s));
	if (u.len && wn__text_twice_sure(u.data, u.len))
		wn__text_mend_twice(u.data, &u.len);
	int space = 0, lines = 0;
	for (size_t i = 0; i < u.len; i++) {
		unsigned char ch = (unsigned char)u.data[i];
		if (ch == '<' && i + 1 < u.len &&
		    (isalpha((unsigned char)u.data[i + 1]) || u.data[i + 1] == '/')) {
			const char *e = memchr(u.data + i, '>', u.len - i);
			if (e) {
				i = (size_t)(e - u.data);
				space = 1;
				continue;
			}
		}
		if (ch == '\n') {
			lines++;
		} else if (ascii_space(ch)) {
			space = 1;
		} else if (ch >= 0x20) {
			if (o.len && lines)
				wn__buf_puts(&o, lines > 1 ? "\n\n" : "\n");
			else if (o.len && space)
				wn__buf_putc(&o, ' ');
			wn__buf_putc(&o, (char)ch);
			space = lines = 0;
		}
	}
	const char *r = o.len ? wn__arena_strndup(&c->d->keep, o.data, o.len) : NULL;
	wn__buf_free(&u);
	wn__buf_free(&o);
	return r;
}

/* A value as the result keeps it: references unescaped, white space
 * collapsed and trimmed, cut at WN__META_VALUE_MAX; NULL when empty. */
const char *wn__meta_keep(wn__meta_ctx *c, const char *s, size_t n)
{
	if (!s)
		return NULL;
	wn__buf u = {0};
	unescape(&u, s, n);
	if (!u.data)
		return NULL;
	if (wn__text_twice_sure(u.data, u.len))
		wn__text_mend_twice(u.data, &u.len);
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
		for (int32_t p = last; p != root && nodes[p].end <= i; p = nodes[p].parent)
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

const char *wn__meta_first_line(wn__meta_ctx *c, int32_t i)
{
	const char *t = subtree_text(c, i, 1);
	size_t n = strcspn(t, "\n");
	return t[n] ? wn__arena_strndup(c->a, t, n) : t;
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

/* ---- comment sections ---- */

/* Headings over a comment section, digits and punctuation aside ("5
 * comments:", "Reader comments (3)", "4 Responses"). */
static const char *const HEADING_WORDS[] = {
	"comments",
	"comment",
	"responses",
	"response",
	"replies",
	"reader comments",
	"reactions",
	"discussion",
	"kommentare",
	"commentaires",
	"comentarios",
	"commenti",
	"reacties",
	"\xd0\xba\xd0\xbe\xd0\xbc\xd0\xbc\xd0\xb5\xd0\xbd\xd1\x82\xd0\xb0\xd1\x80\xd0\xb8\xd0\xb8", /* комментарии */
	NULL,
};

int wn__comment_heading(const char *t)
{
	int count = *t >= '0' && *t <= '9';
	char buf[128];
	size_t n = 0;
	for (; *t && n < sizeof buf - 1; t++) {
		unsigned char c = (unsigned char)*t;
		if ((c >= '0' && c <= '9') || c == '(' || c == ')' || c == ':' || c == '.' ||
		    c == '[' || c == ']')
			continue;
		buf[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	buf[n] = 0;
	char *s = buf;
	while (*s == ' ')
		s++;
	while (n > 0 && buf[n - 1] == ' ')
		buf[--n] = 0;
	for (const char *const *w = HEADING_WORDS; *w; w++) {
		size_t k = strlen(*w);
		if (!strcmp(s, *w) || (count && !strncmp(s, *w, k) && s[k] == ' '))
			return 1;
	}
	return 0;
}
