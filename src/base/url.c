/*
 * url.c -- resolves a URL reference against a base URL as RFC 3986
 * section 5.2 describes (parse, merge, remove dot segments), with loops
 * only.  Used by the Markdown renderer for links and images.
 */
#include <string.h>

#include "base/buf.h"
#include "base/url.h"

typedef struct part {
	const char *s;
	size_t n;
	int has; /* defined, even if empty ("?" has an empty query) */
} part;

typedef struct url {
	part scheme, auth, path, query, frag;
} url;

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Splits s as the regular expression of RFC 3986 appendix B does. */
static void parse(const char *s, size_t n, url *u)
{
	size_t i = 0;
	memset(u, 0, sizeof *u);
	if (n && is_alpha(s[0])) {
		size_t k = 1;
		while (k < n && (is_alpha(s[k]) || (s[k] >= '0' && s[k] <= '9') || s[k] == '+' ||
		                 s[k] == '-' || s[k] == '.'))
			k++;
		if (k < n && s[k] == ':') {
			u->scheme = (part){s, k, 1};
			i = k + 1;
		}
	}
	if (n - i >= 2 && s[i] == '/' && s[i + 1] == '/') {
		size_t k = i + 2;
		while (k < n && s[k] != '/' && s[k] != '?' && s[k] != '#')
			k++;
		u->auth = (part){s + i + 2, k - i - 2, 1};
		i = k;
	}
	size_t k = i;
	while (k < n && s[k] != '?' && s[k] != '#')
		k++;
	u->path = (part){s + i, k - i, 1};
	i = k;
	if (i < n && s[i] == '?') {
		k = i + 1;
		while (k < n && s[k] != '#')
			k++;
		u->query = (part){s + i + 1, k - i - 1, 1};
		i = k;
	}
	if (i < n && s[i] == '#')
		u->frag = (part){s + i + 1, n - i - 1, 1};
}

static int starts(const char *p, const char *end, const char *pre)
{
	size_t n = strlen(pre);
	return (size_t)(end - p) >= n && !memcmp(p, pre, n);
}

static int equals(const char *p, const char *end, const char *s)
{
	return (size_t)(end - p) == strlen(s) && !memcmp(p, s, (size_t)(end - p));
}

/* RFC 3986 5.2.4 on the n bytes at in (which it may overwrite), into out. */
static void remove_dots(char *in, size_t n, wn__buf *out)
{
	char *p = in, *end = in + n;
	size_t floor = out->len; /* out already holds scheme and authority */
	while (p < end) {
		if (starts(p, end, "../")) {
			p += 3;
		} else if (starts(p, end, "./")) {
			p += 2;
		} else if (starts(p, end, "/./")) {
			p += 2;
		} else if (equals(p, end, "/.")) {
			p += 1;
			*p = '/';
		} else if (starts(p, end, "/../") || equals(p, end, "/..")) {
			p += 2;
			if (p[1] == '/')
				p++;
			else
				*p = '/';
			while (out->len > floor && out->data[out->len - 1] != '/')
				out->len--;
			if (out->len > floor)
				out->len--;
		} else if (equals(p, end, ".") || equals(p, end, "..")) {
			p = end;
		} else {
			char *q = p + 1;
			while (q < end && *q != '/')
				q++;
			wn__buf_put(out, p, (size_t)(q - p));
			p = q;
		}
	}
	wn__buf_put(out, "", 0);
}

static void put_part(wn__buf *b, const char *pre, part p)
{
	if (!p.has)
		return;
	wn__buf_puts(b, pre);
	wn__buf_put(b, p.s, p.n);
}

char *wn__url_resolve(wn__arena *a, const char *base, const char *ref)
{
	/* Browsers ignore spaces around an attribute's URL and tabs and
	 * newlines inside it. */
	wn__buf r = {0}, path = {0}, out = {0};
	while (*ref == ' ' || (*ref >= '\t' && *ref <= '\r'))
		ref++;
	for (const char *p = ref; *p; p++)
		if (*p != '\t' && *p != '\n' && *p != '\r')
			wn__buf_putc(&r, *p);
	while (r.len && (r.data[r.len - 1] == ' ' || r.data[r.len - 1] == '\f'))
		r.len--;
	wn__buf_put(&r, "", 0);

	url R, B, T;
	parse(r.data, r.len, &R);
	if (base && *base)
		parse(base, strlen(base), &B);
	if (!base || !*base || !B.scheme.has) {
		char *s = wn__arena_strndup(a, r.data, r.len);
		wn__buf_free(&r);
		return s;
	}
	memset(&T, 0, sizeof T);
	T.frag = R.frag;
	if (R.scheme.has || R.auth.has) {
		T.scheme = R.scheme.has ? R.scheme : B.scheme;
		T.auth = R.auth;
		T.query = R.query;
		wn__buf_put(&path, R.path.s, R.path.n);
	} else {
		T.scheme = B.scheme;
		T.auth = B.auth;
		if (!R.path.n) {
			wn__buf_put(&path, B.path.s, B.path.n);
			T.query = R.query.has ? R.query : B.query;
		} else {
			if (R.path.s[0] != '/') { /* merge, 5.2.3 */
				if (B.auth.has && !B.path.n) {
					wn__buf_putc(&path, '/');
				} else {
					size_t k = B.path.n;
					while (k && B.path.s[k - 1] != '/')
						k--;
					wn__buf_put(&path, B.path.s, k);
				}
			}
			wn__buf_put(&path, R.path.s, R.path.n);
			T.query = R.query;
		}
	}
	wn__buf_put(&out, T.scheme.s, T.scheme.n);
	wn__buf_putc(&out, ':');
	put_part(&out, "//", T.auth);
	wn__buf_put(&path, "", 0);
	remove_dots(path.data, path.len, &out);
	put_part(&out, "?", T.query);
	put_part(&out, "#", T.frag);
	char *s = wn__arena_strndup(a, out.data, out.len);
	wn__buf_free(&r);
	wn__buf_free(&path);
	wn__buf_free(&out);
	return s;
}
