/*
 * metadata_title.c -- the title from <title>: the " | Site" part cut when
 * what stays is the h1 or og:title, or what goes is the site's name, else
 * after Readability.js's getArticleTitle; and its textSimilarity, with
 * which a JSON-LD headline is weighed against its name.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "metadata/meta.h"


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

double wn__meta_similarity(wn__meta_ctx *c, const char *a, const char *b)
{
	char tok[128];
	/* titles are short: longer text is cut, so that this stays cheap */
	a = wn__arena_strndup(c->a, a, strnlen(a, WN__META_TITLE_MAX));
	b = wn__arena_strndup(c->a, b, strnlen(b, WN__META_TITLE_MAX));
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
		if (wn__meta_is_space((unsigned char)*p) &&
		    (p == s || !wn__meta_is_space((unsigned char)p[-1])))
			n++;
	return n;
}

/* Separators between a headline and the site's name, as " | ": the
 * first eight are Readability.js's, 5..8 its "hierarchical" ones. */
enum { SEP_HIER_FIRST = 5, SEP_READABILITY = 8 };

static int is_sep_at(const char *s, size_t *len)
{
	static const char *const SEPS[] = {"|", "-", "\xe2\x80\x93", "\xe2\x80\x94", "\\",
	                                   "/", ">", "\xc2\xbb",     "::",           "\xc2\xb7"};
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

const char *wn__meta_title_tag(wn__meta_ctx *c, const char *sitename, const char *og)
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
				if (!strncmp(p, "\xe2\x80\x93", 3) || !strncmp(p, "\xe2\x80\x94", 3)) {
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
			const wn__node *x = &c->d->nodes[i];
			if (x->tag == GUMBO_TAG_H1 || x->tag == GUMBO_TAG_H2)
				match = !strcmp(wn__meta_text(c, i), orig);
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
	while (wn__meta_is_space((unsigned char)*cur))
		cur++;
	int wc = word_count(cur);
	/* Four words or fewer: the whole title, unless a hierarchical
	 * separator cut exactly one part of one word. */
	if (wc <= 4 && (!hier || wc != word_count(orig) - 2 * (int)rseps - 1))
		return orig;
	return cur;
}
