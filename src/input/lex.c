/*
 * lex.c -- the HTML tokenizer's rules the guard's scan follows: comment,
 * raw text and script data states (WHATWG HTML, "Tokenization", states
 * 13.2.5.2-3, 13.2.5.4 ff. and 13.2.5.43 ff.), followed exactly because a
 * body ended one byte too early or too late turns text into markup.
 */
#include <string.h>

#include "base/utf8.h"
#include "input/lex.h"

static int alpha(unsigned char c)
{
	return (c | 32) >= 'a' && (c | 32) <= 'z';
}

/* After a tag name: white space, '/' or '>' end it. */
static int name_end(unsigned char c)
{
	return wn__is_html_space(c) || c == '/' || c == '>';
}

/* "</name" at s[i] followed by the end of the name: the appropriate end
 * tag.  At the end of the input "</name" is text, not a tag. */
static int end_tag_at(const char *s, size_t n, size_t i, const char *name, size_t k)
{
	return i + 2 + k < n && s[i + 1] == '/' && wn__ascii_ieq(s + i + 2, name, k) &&
	       name_end((unsigned char)s[i + 2 + k]);
}

size_t wn__lex_comment(const char *s, size_t n, size_t i, size_t *body_end)
{
	size_t j = i + 4;
	*body_end = j;
	/* "<!-->" and "<!--->" end at once (comment start and start dash) */
	if (j < n && s[j] == '>')
		return j + 1;
	if (j + 1 < n && s[j] == '-' && s[j + 1] == '>')
		return j + 2;
	for (;;) {
		const char *e = memchr(s + j, '-', n - j);
		if (!e || (size_t)(e - s) + 2 >= n) {
			*body_end = n;
			return n;
		}
		j = (size_t)(e - s);
		/* comment end "-->", or comment end bang "--!>" */
		if (s[j + 1] == '-' &&
		    (s[j + 2] == '>' || (s[j + 2] == '!' && j + 3 < n && s[j + 3] == '>'))) {
			*body_end = j;
			return j + (s[j + 2] == '>' ? 3 : 4);
		}
		j++;
	}
}

size_t wn__lex_rawtext_end(const char *s, size_t n, size_t i, const char *name, size_t k)
{
	while (i < n) {
		const char *p = memchr(s + i, '<', n - i);
		if (!p)
			return n;
		i = (size_t)(p - s);
		if (end_tag_at(s, n, i, name, k))
			return i;
		i++;
	}
	return n;
}

size_t wn__lex_script_end(const char *s, size_t n, size_t i)
{
	/* DATA: script data; ESCAPED: after "<!--" (the script data escaped
	 * states); DOUBLE: after "<!--" and then "<script" (double escaped),
	 * where "</script>" goes back to ESCAPED instead of ending. */
	enum { DATA, ESCAPED, DOUBLE } st = DATA;
	int dashes = 0; /* '-' just read in the escaped states, at most 2 */
	while (i < n) {
		if (st == DATA) {
			const char *p = memchr(s + i, '<', n - i);
			if (!p)
				return n;
			i = (size_t)(p - s);
			if (end_tag_at(s, n, i, "script", 6))
				return i;
			if (i + 3 < n && s[i + 1] == '!' && s[i + 2] == '-' && s[i + 3] == '-') {
				st = ESCAPED; /* escape start, start dash: escaped dash dash */
				dashes = 2;
				i += 4;
				continue;
			}
			i++;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		if (c == '-') {
			if (dashes < 2)
				dashes++;
			i++;
			continue;
		}
		if (c == '>' && dashes == 2) { /* "-->": back to script data */
			st = DATA;
			dashes = 0;
			i++;
			continue;
		}
		dashes = 0;
		if (c != '<') {
			i++;
			continue;
		}
		if (st == ESCAPED) {
			if (end_tag_at(s, n, i, "script", 6))
				return i;
			if (i + 1 < n && alpha((unsigned char)s[i + 1])) {
				/* double escape start: "<script" and the end of the name */
				size_t j = i + 1;
				while (j < n && alpha((unsigned char)s[j]))
					j++;
				if (j < n && j - i - 1 == 6 && wn__ascii_ieq(s + i + 1, "script", 6) &&
				    name_end((unsigned char)s[j])) {
					st = DOUBLE;
					j++;
				}
				i = j;
				continue;
			}
			i++;
			continue;
		}
		/* DOUBLE: "</script" and the end of the name is the double
		 * escape end */
		if (i + 1 < n && s[i + 1] == '/') {
			size_t j = i + 2;
			while (j < n && alpha((unsigned char)s[j]))
				j++;
			if (j < n && j - i - 2 == 6 && wn__ascii_ieq(s + i + 2, "script", 6) &&
			    name_end((unsigned char)s[j])) {
				st = ESCAPED;
				j++;
			}
			i = j;
			continue;
		}
		i++;
	}
	return n;
}
