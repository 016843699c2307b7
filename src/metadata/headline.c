/*
 * headline.c -- the page's own headline from its title-like sources: the
 * parts of a title that name the site cut ("Headline | Site", "Site:
 * Headline", "Headline - Site | Tagline"), and the page's h1 taken when it
 * is what the title says with more around it.
 *
 * A title is split at the separators pages put between a headline and
 * their site's name (" | ", " - ", " – ", " — ", " · ", " • ", " :: ",
 * " / ", " » ", ": " ...).  A part at either end goes when it names the
 * site: it is one of the site's names (og:site_name, the publisher, the
 * application name, twitter:site), contains one with a word or two more
 * ("REI Co-op" for "REI"), is a few of its words ("Liberty University" of
 * "Liberty University Online"), or is the page's host ("Newegg" on
 * newegg.com, "bcbs.com").  Words compare as letters and digits, case
 * folded, so that "AgencyAnalytics" is "Agency Analytics".
 */
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "metadata/meta.h"

/* ---- keys: letters and digits, case folded ---- */

/* s[0..n)'s words as one key: letters and digits (Unicode's L and N),
 * lower case, every other character dropped, into b (NUL-terminated). */
static void key(wn__buf *b, const char *s, size_t n)
{
	b->len = 0;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		int k = wn__utf8_next(s + i, n - i, &cp);
		i += (size_t)k;
		if (cp < 0x80) {
			if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z'))
				wn__buf_putc(b, (char)cp);
			else if (cp >= 'A' && cp <= 'Z')
				wn__buf_putc(b, (char)(cp + 32));
			continue;
		}
		utf8proc_category_t cat = utf8proc_category(cp);
		if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_NO ||
		    (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME))
			continue; /* not a letter or a digit */
		utf8proc_uint8_t u[4];
		utf8proc_ssize_t l = utf8proc_encode_char(utf8proc_tolower(cp), u);
		wn__buf_put(b, (const char *)u, (size_t)l);
	}
	wn__buf_putc(b, 0);
	b->len--;
}

/* A word list: each word's key, in one buffer, NUL after each. */
typedef struct words {
	wn__buf b;
	size_t n;
} words;

static int word_char(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	utf8proc_category_t cat = utf8proc_category(cp);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
}

static void split_words(words *w, wn__buf *tmp, const char *s, size_t n)
{
	w->b.len = 0;
	w->n = 0;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		int k = wn__utf8_next(s + i, n - i, &cp);
		if (!word_char(cp)) {
			i += (size_t)k;
			continue;
		}
		size_t j = i;
		while (j < n) {
			int l = wn__utf8_next(s + j, n - j, &cp);
			if (!word_char(cp))
				break;
			j += (size_t)l;
		}
		key(tmp, s + i, j - i);
		if (tmp->len) {
			wn__buf_put(&w->b, tmp->data, tmp->len + 1);
			w->n++;
		}
		i = j;
	}
}

/* Is every word of a one of b's? */
static int subset(const words *a, const words *b)
{
	const char *p = a->b.data;
	for (size_t i = 0; i < a->n; i++, p += strlen(p) + 1) {
		const char *q = b->b.data;
		size_t j = 0;
		for (; j < b->n; j++, q += strlen(q) + 1)
			if (!strcmp(p, q))
				break;
		if (j == b->n)
			return 0;
	}
	return 1;
}

/* ---- what names the site ---- */

void wn__meta_site_add(wn__meta_ctx *c, wn__meta_site *st, const char *name)
{
	(void)c;
	if (!name || st->n >= WN__META_SITE_NAMES)
		return;
	while (*name == '@' || wn__meta_is_space((unsigned char)*name))
		name++; /* twitter:site "@newegg" */
	if (!*name)
		return;
	for (size_t k = 0; k < st->n; k++)
		if (!strcasecmp(st->name[k], name))
			return;
	st->name[st->n++] = name;
}

/* The host's labels that name the site: "www.news.example.co.uk" ->
 * "news", "example", and all of them as one ("newsexamplecouk"). */
void wn__meta_site_host(wn__meta_ctx *c, wn__meta_site *st, const char *url)
{
	if (!url || st->host)
		return;
	const char *p = strstr(url, "://");
	if (!p)
		return;
	p += 3;
	size_t n = strcspn(p, "/:?#");
	if (!n || n > 253)
		return;
	char *h = wn__arena_strndup(c->a, p, n);
	for (char *q = h; *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q += 32;
	if (!strncmp(h, "www.", 4))
		h += 4;
	st->host = h;
	/* nothing after the host but "/" or an index page: the home page */
	const char *path = p + n;
	if (*path == ':')
		path += strcspn(path, "/?#");
	st->home = !*path || !strcmp(path, "/") || !strncmp(path, "/?", 2) ||
	           !strncmp(path, "/#", 2) || !strncmp(path, "/index.", 7);
}

/* Is part[0..n) the host, or one of its labels but the top-level ones? */
static int names_host(const wn__meta_site *st, const char *k)
{
	const char *h = st->host;
	if (!h || !*k)
		return 0;
	/* labels: the last is the top level domain; a country's ("uk") has
	 * its second level before it ("co", "com", "org") */
	const char *lab[16];
	size_t len[16], nl = 0;
	for (const char *p = h; *p && nl < 16;) {
		size_t l = strcspn(p, ".");
		lab[nl] = p;
		len[nl++] = l;
		p += l;
		if (*p)
			p++;
	}
	size_t top = nl ? nl - 1 : 0;
	if (top && len[top] == 2 && len[top - 1] <= 3)
		top--;
	size_t kl = strlen(k);
	for (size_t i = 0; i < top; i++)
		if (len[i] == kl && !memcmp(lab[i], k, kl))
			return 1;
	/* the whole host, dots dropped: "bcbs.com", "Bold.org" */
	size_t o = 0;
	for (const char *p = h; *p; p++) {
		if (*p == '.' || *p == '-')
			continue;
		if (o >= kl || k[o] != *p)
			return 0;
		o++;
	}
	return o == kl;
}

/* Is part[0..n) a host name by itself ("Newegg.com", "WRAL.com")?  A
 * name, a dot, and a top-level domain of two to four letters ("Node.js"
 * is a program). */
static int host_name(const char *part, size_t n)
{
	while (n && part[n - 1] == ' ')
		n--;
	const char *dot = NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)part[i];
		if (ch == '.')
			dot = part + i;
		else if (!(ch == '-' || (ch >= '0' && ch <= '9') ||
		           ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')))
			return 0;
	}
	if (!dot || dot == part)
		return 0;
	size_t tl = (size_t)(part + n - dot - 1);
	for (size_t i = 1; i <= tl; i++)
		if (((dot[i] | 0x20) < 'a' || (dot[i] | 0x20) > 'z'))
			return 0;
	return tl >= 2 && tl <= 4 && strncasecmp(dot + 1, "js", tl);
}

/* Does part[0..n) name the site?  strict: only as a whole (a part that
 * holds separators itself: "Urge Fitness | Affordable Gyms"). */
static int site_like(const wn__meta_site *st, const char *part, size_t n, int strict)
{
	wn__buf k = {0}, tmp = {0};
	words wp = {{0}, 0}, ws = {{0}, 0};
	int yes = 0;
	key(&k, part, n);
	if (!k.len)
		goto done;
	yes = names_host(st, k.data) || host_name(part, n);
	split_words(&wp, &tmp, part, n);
	for (size_t i = 0; i < st->n && !yes; i++) {
		const char *s = st->name[i];
		wn__buf sk = {0};
		key(&sk, s, strlen(s));
		yes = sk.len && !strcmp(sk.data, k.data);
		wn__buf_free(&sk);
		if (yes || strict)
			continue;
		split_words(&ws, &tmp, s, strlen(s));
		if (!ws.n)
			continue;
		/* the name with a word or two more ("REI Co-op"), or some of
		 * its words ("Liberty University" of "... Online") */
		yes = (subset(&ws, &wp) && wp.n <= ws.n + WN__META_SITE_EXTRA) ||
		      (subset(&wp, &ws) && k.len >= 3);
	}
done:
	wn__buf_free(&k);
	wn__buf_free(&tmp);
	wn__buf_free(&wp.b);
	wn__buf_free(&ws.b);
	return yes;
}

int wn__meta_names_site(const wn__meta_site *st, const char *s)
{
	return s && site_like(st, s, strlen(s), 0);
}

int wn__meta_names_site_strict(const wn__meta_site *st, const char *s)
{
	return s && site_like(st, s, strlen(s), 1);
}

/* ---- separators ---- */

typedef struct sep {
	size_t at, len; /* the separator is t[at..at+len) */
	int colon;      /* "Site: Headline": only ever a site's */
} sep;

/* The separators of t, at most max. */
static size_t find_seps(const char *t, sep *out, size_t max)
{
	static const char *const SEPS[] = {
		"|",
		"-",
		"\xe2\x80\x93",
		"\xe2\x80\x94",
		"\xc2\xb7",
		"\xe2\x80\xa2",
		"::",
		"/",
		"\\",
		"\xc2\xbb",
		"\xc2\xab",
		"\xe2\x80\xba",
		"\xe2\x80\xb9",
		"~",
		"\xef\xbd\x9c", /* fullwidth | */
	};
	size_t n = 0;
	for (size_t i = 0; t[i] && n < max; i++) {
		if (t[i] == ':' && i && t[i - 1] != ' ' && t[i + 1] == ' ') {
			out[n++] = (sep){i, 2, 1};
			continue;
		}
		if (t[i] != ' ')
			continue;
		for (size_t k = 0; k < sizeof SEPS / sizeof *SEPS; k++) {
			size_t l = strlen(SEPS[k]);
			if (!strncmp(t + i + 1, SEPS[k], l) && t[i + 1 + l] == ' ') {
				out[n++] = (sep){i, l + 2, 0};
				i += l;
				break;
			}
		}
	}
	return n;
}

/* Has s[0..n) a letter or digit? */
static int has_word(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		int32_t cp;
		i += (size_t)wn__utf8_next(s + i, n - i, &cp);
		if (word_char(cp))
			return 1;
	}
	return 0;
}

const char *wn__meta_cut_site(wn__meta_ctx *c, const wn__meta_site *st, const char *t)
{
	if (!t)
		return NULL;
	sep s[WN__META_TITLE_SEPS];
	size_t from = 0, to = strlen(t);
	/* a home page's title is the site's own; a title that is the
	 * site's name as a whole has nothing else to keep */
	if (st->home || site_like(st, t, to, 1))
		return t;
	size_t n = find_seps(t, s, WN__META_TITLE_SEPS);
	size_t lo = 0, hi = n; /* separators still inside [from, to) */
	/* Suffixes: the longest one that names the site as a whole
	 * ("- Urge Fitness | Affordable Gyms"), then again. */
	for (int again = 1; again && lo < hi;) {
		again = 0;
		for (size_t k = lo; k < hi; k++) {
			size_t a = s[k].at + s[k].len;
			if (!s[k].colon && s[k].at > from && has_word(t + from, s[k].at - from) &&
			    site_like(st, t + a, to - a, k + 1 < hi)) {
				to = s[k].at;
				hi = k;
				again = 1;
				break;
			}
		}
	}
	/* Prefixes: "Site | Headline", "Site: Headline". */
	for (int again = 1; again && lo < hi;) {
		again = 0;
		for (size_t k = hi; k-- > lo;) {
			size_t a = s[k].at + s[k].len;
			if (a < to && has_word(t + a, to - a) &&
			    site_like(st, t + from, s[k].at - from, 1)) {
				from = a;
				lo = k + 1;
				again = 1;
				break;
			}
		}
	}
	if (from == 0 && to == strlen(t))
		return t;
	return wn__meta_keep(c, t + from, to - from);
}

/* ---- the h1 ---- */

static int same_key(const char *a, size_t an, const char *b, size_t bn)
{
	wn__buf ka = {0}, kb = {0};
	key(&ka, a, an);
	key(&kb, b, bn);
	int r = ka.len && ka.len == kb.len && !memcmp(ka.data, kb.data, ka.len);
	wn__buf_free(&ka);
	wn__buf_free(&kb);
	return r;
}

/* Where t's part that h is ends (a separator follows it): t is "h |
 * more"; 0 when it is not. */
static size_t head_part(const char *t, const char *h)
{
	sep s[WN__META_TITLE_SEPS];
	size_t n = find_seps(t, s, WN__META_TITLE_SEPS);
	for (size_t k = 0; k < n; k++)
		if (same_key(t, s[k].at, h, strlen(h)))
			return s[k].at;
	return 0;
}

/* Are h's words a run of t's, with the share of t that makes h the
 * headline and t its dressing (WN__META_H1_HELD_*)? */
static int held_in(const char *h, const char *t)
{
	words hw = {0}, tw = {0};
	wn__buf tmp = {0};
	split_words(&hw, &tmp, h, strlen(h));
	split_words(&tw, &tmp, t, strlen(t));
	int r = 0;
	if (hw.n >= WN__META_H1_HELD_WORDS && hw.n < tw.n &&
	    hw.n * 100 >= tw.n * WN__META_H1_HELD_SHARE) {
		/* the keys are NUL-separated: h's run is a substring of t's
		 * that starts at a word */
		const char *at = tw.b.data, *end = tw.b.data + tw.b.len;
		for (; at < end && !r; at += strlen(at) + 1)
			r = (size_t)(end - at) >= hw.b.len && !memcmp(at, hw.b.data, hw.b.len);
	}
	wn__buf_free(&hw.b);
	wn__buf_free(&tw.b);
	wn__buf_free(&tmp);
	return r;
}

/* Where t's last part that h is starts after a separator: t is "more |
 * h"; then the separator's position, else 0. */
static size_t tail_part(const char *t, const char *h)
{
	sep s[WN__META_TITLE_SEPS];
	size_t n = find_seps(t, s, WN__META_TITLE_SEPS), tl = strlen(t);
	for (size_t k = n; k-- > 0;) {
		size_t a = s[k].at + s[k].len;
		if (!s[k].colon && same_key(t + a, tl - a, h, strlen(h)))
			return s[k].at;
	}
	return 0;
}

/* ---- a short last part, an h1 that goes on ---- */

/* Words of s[0..n) as white space parts them, those with a letter or
 * digit ("(855) 742-4174" is two). */
static size_t loose_words(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n;) {
		while (i < n && wn__meta_is_space((unsigned char)s[i]))
			i++;
		size_t j = i;
		while (j < n && !wn__meta_is_space((unsigned char)s[j]))
			j++;
		w += j > i && has_word(s + i, j - i);
		i = j;
	}
	return w;
}

/* Is s[0..n) a pipe separator and a short part after it, up to the
 * end: " | Freshworks", " | Patient Education"? */
static int short_pipe_tail(const char *s, size_t n)
{
	return n > 3 && !strncmp(s, " | ", 3) && !memchr(s + 3, '|', n - 3) &&
	       loose_words(s + 3, n - 3) <= WN__META_TAIL_WORDS;
}

/* "Headline | Site Name": t less its last " | " part when that is
 * WN__META_TAIL_WORDS words or fewer, else t. */
static const char *cut_pipe_tail(wn__meta_ctx *c, const char *t)
{
	const char *bar = strstr(t, " | ");
	if (!bar)
		return t;
	for (const char *p; (p = strstr(bar + 1, " | ")) != NULL;)
		bar = p;
	if (!has_word(t, (size_t)(bar - t)) || !short_pipe_tail(bar, strlen(bar)))
		return t;
	return wn__meta_keep(c, t, (size_t)(bar - t));
}

/* Is s (to its end), what an h1 has after the title's words, a site's:
 * a separator and a short part (" - Artlyst"), or a host's name
 * ("(example.com) 87", a link aggregator's line)? */
static int short_tail_at(const char *s)
{
	sep sp[1];
	size_t n = strlen(s);
	if (find_seps(s, sp, 1) == 1 && sp[0].at == 0 && !sp[0].colon &&
	    loose_words(s + sp[0].len, n - sp[0].len) <= WN__META_TAIL_WORDS)
		return 1;
	for (size_t i = 0; i < n;) {
		while (i < n && (wn__meta_is_space((unsigned char)s[i]) || s[i] == '('))
			i++;
		size_t j = i;
		while (j < n && !wn__meta_is_space((unsigned char)s[j]) && s[j] != ')')
			j++;
		if (j > i && host_name(s + i, j - i))
			return 1;
		while (j < n && !wn__meta_is_space((unsigned char)s[j]))
			j++;
		i = j;
	}
	return 0;
}

/* Is t's word list the start of h's, h going on with more words that are
 * not a site's ("Plumbing Maintenance Tips: 11 Best Practices" of the h1
 * "... to Prevent Issues")?  Titles are cut for search results; the h1
 * says it whole. */
static int goes_on(const char *t, const char *h)
{
	words tw = {0}, hw = {0};
	wn__buf tmp = {0};
	size_t tl = strlen(t), hl = strlen(h);
	split_words(&tw, &tmp, t, tl);
	split_words(&hw, &tmp, h, hl);
	int r = 0;
	if (tw.n && hw.n > tw.n && hw.n <= tw.n + WN__META_H1_MORE && hw.b.len > tw.b.len &&
	    !memcmp(tw.b.data, hw.b.data, tw.b.len)) {
		/* where h's tw.n-th word ends: the rest is what h adds */
		size_t i = 0, w = 0;
		while (i < hl && w < tw.n) {
			int32_t cp;
			int k = wn__utf8_next(h + i, hl - i, &cp);
			if (!word_char(cp)) {
				i += (size_t)k;
				continue;
			}
			while (i < hl && (k = wn__utf8_next(h + i, hl - i, &cp), word_char(cp)))
				i += (size_t)k;
			w++;
		}
		r = !short_tail_at(h + i);
	}
	wn__buf_free(&tw.b);
	wn__buf_free(&hw.b);
	wn__buf_free(&tmp);
	return r;
}

/* Whether the word s[0..n) is a mark, not a word: only punctuation and
 * symbols of the kinds that set text off ("##", "â", "â¢", "()", "|", "--");
 * not a pictograph, not an ellipsis (the title was cut), not French
 * spacing's "?", "!", ":" or ";". */
static int mark_word(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		int32_t cp;
		i += (size_t)wn__utf8_next(s + i, n - i, &cp);
		if (cp < 0x80 && strchr(".?!:;", (int)cp))
			return 0;
		switch (utf8proc_category(cp)) {
		case UTF8PROC_CATEGORY_PC:
		case UTF8PROC_CATEGORY_PD:
		case UTF8PROC_CATEGORY_PS:
		case UTF8PROC_CATEGORY_PE:
		case UTF8PROC_CATEGORY_PO:
		case UTF8PROC_CATEGORY_SM:
		case UTF8PROC_CATEGORY_SK:
			if (cp == 0x2026) /* ... */
				return 0;
			break;
		default: return 0;
		}
	}
	return n > 0;
}

/* The title less the marks at its ends (a Markdown heading's "## ", a
 * star after it); a title of marks alone stays.  Its words are
 * separated by single spaces (wn__meta_keep). */
static const char *unmarked(wn__meta_ctx *c, const char *t)
{
	if (!t)
		return t;
	size_t b = 0, e = strlen(t);
	for (;;) {
		const char *sp = memchr(t + b, ' ', e - b);
		if (!sp || !mark_word(t + b, (size_t)(sp - (t + b))))
			break;
		b = (size_t)(sp - t) + 1;
	}
	while (e > b) {
		size_t w = e;
		while (w > b && t[w - 1] != ' ')
			w--;
		if (w == b || !mark_word(t + w, e - w))
			break;
		e = w - 1;
	}
	return b == 0 && e == strlen(t) ? t : wn__meta_keep(c, t + b, e - b);
}

static const char *headline(wn__meta_ctx *c, const wn__meta_site *st, const char *title, int cut)
{
	const char *tt = wn__meta_cut_site(c, st, wn__meta_keep(c, c->d->title, strlen(c->d->title)));
	const char *mt = wn__meta_cut_site(c, st, title);
	const char *h[WN__META_H1S];
	size_t n = 0;
	for (int k = 0; k < c->n_h1s; k++) {
		const char *v = wn__meta_cut_site(
			c, st, wn__meta_keep(c, c->h1s[k], strlen(c->h1s[k])));
		if (v)
			h[n++] = v;
	}
	if (!mt)
		return mt;
	if (!cut)
		mt = cut_pipe_tail(c, mt);
	/* the h1 says what the title says: the title's form stays */
	for (size_t k = 0; k < n; k++)
		if (same_key(h[k], strlen(h[k]), mt, strlen(mt)))
			return mt;
	/* "H1 | more": the h1 */
	for (size_t k = 0; k < n; k++) {
		size_t at = head_part(mt, h[k]);
		if (at)
			return wn__meta_keep(c, mt, at);
		if (tt && (at = head_part(tt, h[k])) != 0)
			return wn__meta_keep(c, tt, at);
	}
	/* "Headline | H1": an h1 that is the title's last part names the
	 * site (a logo's h1) */
	for (size_t k = 0; k < n; k++) {
		size_t at = tail_part(mt, h[k]);
		if (at)
			return wn__meta_keep(c, mt, at);
	}
	/* "Average Cost of Online College [2025]: Yearly Tuition + Fees"
	 * around its h1, without a separator to cut at */
	for (size_t k = 0; k < n; k++)
		if (held_in(h[k], mt))
			return h[k];
	/* "Best High School Tutors in 2025" of the h1 "..., Reviewed by a
	 * Student": the h1 */
	for (size_t k = 0; k < n; k++)
		if (goes_on(mt, h[k]))
			return h[k];
	return mt;
}

/* The headline, marks around it gone. */
const char *wn__meta_headline(wn__meta_ctx *c, const wn__meta_site *st, const char *title, int cut)
{
	return unmarked(c, headline(c, st, title, cut));
}
