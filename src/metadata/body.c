/*
 * metadata_body.c -- the metadata in the page's body: microdata itemprop
 * (headline, author/name, datePublished ...), <time datetime>, rel=author
 * links, byline and date lines (Readability.js's byline check, and "By
 * Jane Doe" or a date alone near the top), their marking WN__NF_META so
 * that the body does not repeat them, and the first paragraph as the
 * excerpt (Readability.js's, for a page with no description).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/tags.h"
#include "metadata/meta.h"


/* A subtree small enough to be one line: few nodes, little text. */
static int small(const wn__meta_ctx *c, int32_t i, int32_t max_chars)
{
	return c->d->nodes[i].end - i <= WN__META_LINE_NODES && c->chars[i] > 0 &&
	       c->chars[i] < max_chars;
}

/* Is the text of node i a date, perhaps after a label?  Its ISO form in
 * iso.  Without a digit in the subtree it is not, text unread. */
static int only_date(wn__meta_ctx *c, int32_t i, char *iso)
{
	return (c->bits[i] & WN__META_DIGIT) && wn__meta_date_only(wn__meta_text(c, i), iso);
}

/* Does a line open with a date, after at most a label ("Published
 * August 7, 2023 by Jane Doe", "Posted on 4 May 2021 | News", "February
 * 4, 2025 - 11 minutes")?  Its ISO form in iso. */
static int text_opens_with_date(const char *t, char *iso)
{
	const char *at = wn__date_find(t, strlen(t), iso);
	if (!at || (size_t)(at - t) > WN__META_DATE_LABEL)
		return 0;
	for (const char *p = t; p < at; p++)
		if (*p >= '0' && *p <= '9')
			return 0;
	return 1;
}

/* The same of node i's line; without a digit in the subtree, unread. */
static int opens_with_date(wn__meta_ctx *c, int32_t i, char *iso)
{
	return (c->bits[i] & WN__META_DIGIT) && text_opens_with_date(wn__meta_text(c, i), iso);
}

/* Does the text of node i begin with a byline word? */
static int opens_by(wn__meta_ctx *c, int32_t i)
{
	return wn__meta_may_open_by(c, i) && wn__meta_by_word(wn__meta_text(c, i));
}

/* In a table cell or a list item: a date there with nothing saying it
 * is the page's is a row's or an item's (a schedule, a changelog). */
static int in_cell(const wn__doc *d, int32_t i)
{
	for (int up = 0; i > 0 && up < 4; i = d->nodes[i].parent, up++) {
		int tag = d->nodes[i].tag;
		if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH || tag == GUMBO_TAG_LI ||
		    tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT)
			return 1;
	}
	return 0;
}

/* Is node i's line a change's date ("Updated May 4, 2021", or a <time>
 * in such a line)?  Then its date is the modification's. */
static int updated_line(wn__meta_ctx *c, int32_t i)
{
	const wn__doc *d = c->d;
	if (wn__meta_update_label(wn__meta_text(c, i)))
		return 1;
	int32_t p = d->nodes[i].parent;
	if (d->nodes[i].tag != GUMBO_TAG_TIME || p <= 0 || !small(c, p, WN__META_LINE_MAX))
		return 0;
	const char *cls = wn__attr(&d->nodes[i], "class");
	const char *ip = wn__attr(&d->nodes[i], "itemprop");
	return wn__meta_update_label(wn__meta_text(c, p)) || (ip && strstr(ip, "dateModified")) ||
	       (cls && (strstr(cls, "updated") || strstr(cls, "modified")));
}

/* Does node i's text open with a word that says its date is the post's
 * or its change's ("Posted on the 15/12/2025 at 19:00 by", "Last updated:
 * November 13, 2025"), the date close after it?  Its ISO form in iso.
 * Not "Reviewed" nor "Edited": a customer's review, a forum post's edit. */
static int labelled_date(wn__meta_ctx *c, int32_t i, char *iso)
{
	static const char *const LABEL[] = {
		"posted",
		"published",
		"publi\xc3\xa9",
		"ver\xc3\xb6"
		"ffentlicht",
		"publicado",
		"pubblicato",
		"updated",
		"last updated",
		"last modified",
		"aktualisiert",
		"zuletzt aktualisiert",
		"mis \xc3\xa0 jour",
		"actualizado",
		"aggiornato",
		"atualizado",
		NULL,
	};
	const char *t = wn__meta_text(c, i);
	int label = 0;
	for (const char *const *w = LABEL; !label && *w; w++) {
		size_t l = strlen(*w);
		label = !strncasecmp(t, *w, l) && !isalpha((unsigned char)t[l]);
	}
	if (!label)
		return 0;
	const char *at = wn__date_find(t, strlen(t), iso);
	return at && at - t <= WN__META_DATE_LABEL;
}

/* Keeps iso as the page's date in *field, or as the first change's in
 * *updated when the line says it is one; the first of each stays. */
static void date_or_update(wn__meta_ctx *c, int32_t i, const char **field, const char **updated,
                           const char *iso)
{
	const char **to = updated_line(c, i) ? updated : field;
	if (!*to)
		*to = wn__arena_strndup(c->a, iso, strlen(iso));
}

/* ---- microdata ---- */

/* The item an itemprop belongs to is of a type whose author or date is
 * not the page's (a comment, a review, an answer). */
static int foreign_item(const wn__meta_ctx *c, int32_t i)
{
	int up = 0; /* an item's properties sit near it: bounded climb */
	for (int32_t p = c->d->nodes[i].parent; p > 0 && up < WN__META_LINE_NODES;
	     p = c->d->nodes[p].parent, up++) {
		const wn__node *x = &c->d->nodes[p];
		if (!wn__attr(x, "itemscope"))
			continue;
		const char *t = wn__attr(x, "itemtype");
		return t && (strstr(t, "Comment") || strstr(t, "Review") || strstr(t, "Answer") ||
		             strstr(t, "Question") || strstr(t, "Product") || strstr(t, "Offer") ||
		             strstr(t, "Event"));
	}
	return 0;
}

/* The same for the author field, which also reads the page's main
 * Question (a Q&A page's: itemprop mainEntity) as the page's own. */
static int foreign_item_for_field(const wn__meta_ctx *c, int32_t i)
{
	int up = 0;
	for (int32_t p = c->d->nodes[i].parent; p > 0 && up < WN__META_LINE_NODES;
	     p = c->d->nodes[p].parent, up++) {
		const wn__node *x = &c->d->nodes[p];
		if (!wn__attr(x, "itemscope"))
			continue;
		const char *ip = wn__attr(x, "itemprop");
		if (ip && wn__meta_has_token(ip, "mainEntity"))
			return 0;
		return foreign_item(c, i);
	}
	return 0;
}

/* An itemprop's value: content=, datetime=, or the element's text. */
static const char *item_value(wn__meta_ctx *c, int32_t i)
{
	const wn__node *x = &c->d->nodes[i];
	const char *v = wn__attr(x, "content");
	if (!v)
		v = wn__attr(x, "datetime");
	if (!v && small(c, i, WN__META_VALUE_MAX))
		v = wn__meta_text(c, i);
	return v;
}

/* Microdata for the author field: the first author of the page's own
 * items, <noscript> ones included (pages give there what a reader
 * without scripts sees), as the text of its name or of itself. */
static void field_microdata(wn__meta_ctx *c, wn__meta_found *f, int32_t i)
{
	const wn__doc *d = c->d;
	const wn__node *x = &d->nodes[i];
	const char *ip = wn__attr(x, "itemprop");
	if (!ip || f->item_author || !wn__meta_has_token(ip, "author") ||
	    x->end - i > WN__META_LINE_NODES || foreign_item_for_field(c, i))
		return;
	const char *v = wn__attr(x, "content");
	for (int32_t k = i + 1; !v && k < x->end; k++) {
		const char *kp = wn__attr(&d->nodes[k], "itemprop");
		if (kp && wn__meta_has_token(kp, "name"))
			v = item_value(c, k);
	}
	if (!v && small(c, i, WN__META_BYLINE_MAX))
		v = wn__meta_text_lines(c, i);
	f->item_author = v;
}

/* Does a link's href lead to an author's page ("/author/jane-doe",
 * "/authors/jane", "?author=12")? */
static int author_href(const char *href)
{
	static const char *const SEG[] = {
		"/author/",       "/authors/", "/writer/", "/writers/", "/contributor/",
		"/contributors/", "/byline/",  "?author=", "&author=",  NULL,
	};
	if (!href)
		return 0;
	for (const char *const *k = SEG; *k; k++)
		if (strstr(href, *k))
			return 1;
	return 0;
}

/* Does the class say username ("username", "user-name", "user_name", in
 * any case)?  One pass: this is asked of every element of a page. */
static int says_username(const char *cls)
{
	for (const char *p = cls; (p = strpbrk(p, "uU")); p++) {
		if (strncasecmp(p, "user", 4))
			continue;
		const char *q = p + 4;
		if (*q == '-' || *q == '_')
			q++;
		if (!strncasecmp(q, "name", 4))
			return 1;
	}
	return 0;
}

/* A poster's name on a discussion page: a link to a member's profile
 * ("/members/jane.123/", "/u/jane") or an element whose class says
 * username. */
static int poster_name(const wn__node *x)
{
	static const char *const HREF[] = {
		"/members/", "/member/", "/users/", "/user/", "/u/", "/profile/", "/people/", NULL,
	};
	/* the account's own pages are no member's ("/user/login") */
	static const char *const ACCOUNT[] = {
		"login",  "log-in",  "signin", "sign-in", "logout",   "log-out",  "register",
		"signup", "sign-up", "join",   "account", "settings", "password", NULL,
	};
	const char *href = x->tag == GUMBO_TAG_A ? wn__attr(x, "href") : NULL;
	for (const char *const *k = HREF; href && *k; k++) {
		const char *p = strstr(href, *k);
		if (!p)
			continue;
		p += strlen(*k);
		for (const char *const *a = ACCOUNT; *a; a++)
			if (!strncasecmp(p, *a, strlen(*a)))
				return 0;
		return 1;
	}
	const char *cls = wn__attr(x, "class");
	return cls && says_username(cls);
}

/* Is t a count ("1 Fictions", "8 Posts": a member's figures, which link
 * to the profile too), a number and a word, not a name? */
static int is_count(const char *t)
{
	const char *p = t;
	while (isdigit((unsigned char)*p) || *p == ',' || *p == '.')
		p++;
	return p > t && *p == ' ';
}

/* Is node i's text one run, a single text node ("Jane Doe", not the
 * links "Thread Tools" and "Display Modes" side by side)? */
static int one_text(const wn__meta_ctx *c, int32_t i)
{
	int runs = 0;
	for (int32_t k = i; k < c->d->nodes[i].end && runs < 2; k++)
		runs += c->d->nodes[k].kind == WN__NODE_TEXT && c->chars[k];
	return runs == 1;
}

/* The line after node i's, when it opens with a date: a byline box's
 * date under the name ("Jane Doe" then "April 8, 2024 · 8 min read").
 * The next element with text that is one line, entered when larger. */
static const char *date_after(wn__meta_ctx *c, int32_t i)
{
	const wn__doc *d = c->d;
	char iso[WN__DATE_MAX];
	for (int32_t k = d->nodes[i].end; k < d->n_nodes; k++) {
		const wn__node *x = &d->nodes[k];
		if (x->flags & WN__NF_REMOVED) {
			k = x->end - 1;
			continue;
		}
		if (x->kind != WN__NODE_ELEMENT || !c->chars[k] || !small(c, k, WN__META_LINE_MAX))
			continue;
		if (!opens_with_date(c, k, iso) || updated_line(c, k) || in_cell(d, k))
			return NULL;
		return wn__arena_strndup(c->a, iso, strlen(iso));
	}
	return NULL;
}

/* Bylines for the author field, past what the marking reads: a link to
 * an author's page whose text is a name, and near the top a line that
 * is "Written by" then the name, "<date> by <name>", or a date and a
 * name between separators ("Dec 19, 2025 · Jane Doe"). */
static void field_bylines(wn__meta_ctx *c, wn__meta_found *f, int32_t i, int after_top, int near_top)
{
	const wn__node *x = &c->d->nodes[i];
	if (!f->author_link && x->tag == GUMBO_TAG_A && small(c, i, WN__META_BYLINE_MAX) &&
	    author_href(wn__attr(x, "href"))) {
		/* the name's line: a role may follow on a line of its own
		 * ("Harry Rabinowitz" / "Tech Reporter" in one link) */
		const char *t = wn__meta_first_line(c, i);
		if (wn__meta_looks_like_names(t))
			f->author_link = t;
	}
	if (after_top && poster_name(x) && small(c, i, WN__META_NAME_MAX)) {
		const char *t = wn__meta_text(c, i);
		int words = 1;
		for (const char *p = t; *p; p++)
			words += *p == ' ';
		if (words <= 3 && !is_count(t) && f->n_posters++ == 0)
			f->poster = t;
	}
	if (!f->text_byline && near_top && (x->flags & WN__NF_BLOCK) &&
	    small(c, i, WN__META_LINE_MAX) && !in_cell(c->d, i))
		f->text_byline = wn__meta_field_byline(c, wn__meta_text_lines(c, i));
	/* a name alone on its line near the top, the date under it */
	if (!f->name_date && near_top && small(c, i, WN__META_NAME_MAX) && !in_cell(c->d, i) &&
	    one_text(c, i) && wn__meta_person_name(wn__meta_text(c, i)))
		f->name_date = date_after(c, i);
	/* a dateline that holds more than the date: "By Jane Doe - Mar 27,
	 * 2024", "Published: 2025.12.17 | 5 min", a post's header */
	char iso[WN__DATE_MAX];
	if ((c->bits[i] & WN__META_DIGIT) && wn__meta_says_line(c, i) &&
	    !wn__meta_says_byline(c, i) && small(c, i, WN__META_LINE_MAX)) {
		f->n_datelines++;
	}
	if ((!f->line_date || !f->updated) && near_top && (c->bits[i] & WN__META_DIGIT) &&
	    small(c, i, WN__META_LINE_MAX) && !in_cell(c->d, i) &&
	    (wn__meta_says_line(c, i) ||
	     ((x->flags & WN__NF_BLOCK) && wn__meta_dated_line(wn__meta_text(c, i))))) {
		const char *t = wn__meta_text(c, i);
		if (wn__date_find(t, strlen(t), iso))
			date_or_update(c, i, &f->line_date, &f->updated, iso);
	}
}

/* Is node i's text a name of the author field ("Jane Doe", "Written
 * by Jane Doe")?  The whole field or its first name. */
static int author_line(wn__meta_ctx *c, int32_t i, const char *author)
{
	const char *t = wn__meta_text(c, i);
	t += wn__meta_by_word(t);
	size_t n = strlen(t), first = strcspn(author, ",");
	while (n && wn__meta_is_space((unsigned char)t[n - 1]))
		n--;
	return n && (!strncasecmp(t, author, n) ? !author[n]
	                                        : n == first && !strncasecmp(t, author, first));
}

/* The date under the author's name anywhere in the page but its
 * comments and margins, or NULL. */
const char *wn__meta_date_by_author(wn__meta_ctx *c, const char *author)
{
	const wn__doc *d = c->d;
	int32_t root = d->body;
	if (!author || root <= 0)
		return NULL;
	for (int32_t i = root + 1; i < d->nodes[root].end; i++) {
		const wn__node *x = &d->nodes[i];
		if ((x->flags & WN__NF_REMOVED) ||
		    (x->kind == WN__NODE_ELEMENT &&
		     (wn__meta_comment_box(c, i) || x->tag == GUMBO_TAG_NAV ||
		      x->tag == GUMBO_TAG_ASIDE || x->tag == GUMBO_TAG_FOOTER))) {
			i = x->end - 1;
			continue;
		}
		if (x->kind == WN__NODE_ELEMENT && small(c, i, WN__META_BYLINE_MAX) &&
		    author_line(c, i, author))
			return date_after(c, i);
	}
	return NULL;
}

/* Is a part of t between separators a date alone ("Jane Doe | Senior
 * Writer | July 2, 2025")?  Its ISO form in iso. */
static int date_part(wn__meta_ctx *c, const char *t, char *iso)
{
	static const char *const SEPS[] = {
		" | ", " \xc2\xb7 ", " \xe2\x80\xa2 ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", NULL,
	};
	for (const char *p = t; *p;) {
		const char *next = NULL;
		size_t skip = 0;
		for (const char *const *k = SEPS; *k; k++) {
			const char *q = strstr(p, *k);
			if (q && (!next || q < next)) {
				next = q;
				skip = strlen(*k);
			}
		}
		if (!next)
			return p != t && wn__meta_date_only(p, iso);
		if (p != t && wn__meta_date_only(wn__arena_strndup(c->a, p, (size_t)(next - p)), iso))
			return 1;
		p = next + skip;
	}
	return 0;
}

/* Does node i's line open with a <time> whose datetime says the day
 * ("<time datetime=2017-03-01>03/01/2017</time> by Jane Doe": text that
 * is no date to read alone)?  Then its date into iso. */
static int time_opens(wn__meta_ctx *c, int32_t i, char *iso)
{
	const wn__doc *d = c->d;
	for (int32_t k = i; k < d->nodes[i].end && k < i + WN__META_LINE_NODES; k++) {
		if (d->nodes[k].tag != GUMBO_TAG_TIME)
			continue;
		const char *dt = wn__attr(&d->nodes[k], "datetime");
		const char *lt = wn__meta_text(c, i), *tt = wn__meta_text(c, k);
		const char *at = *tt ? strstr(lt, tt) : NULL;
		if (!dt || !at || (size_t)(at - lt) > WN__META_DATE_LABEL)
			return 0;
		for (const char *p = lt; p < at; p++)
			if (*p >= '0' && *p <= '9')
				return 0;
		return wn__date_parse(dt, strlen(dt), iso) > 0;
	}
	return 0;
}

/* The line right under the h1, when it opens with a date ("Dec 26, 2025
 * • Jane Doe in News", "17.05.2021") or has one between separators: the
 * first element after the h1 that has text. */
static const char *date_under_h1(wn__meta_ctx *c)
{
	const wn__doc *d = c->d;
	char iso[WN__DATE_MAX];
	int32_t h = c->h1_node;
	if (h <= 0)
		return NULL;
	for (int32_t i = d->nodes[h].end; i < d->n_nodes; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->flags & WN__NF_REMOVED) {
			i = x->end - 1;
			continue;
		}
		if (x->kind != WN__NODE_ELEMENT || !c->chars[i])
			continue;
		if (!small(c, i, WN__META_LINE_MAX) || !(c->bits[i] & WN__META_DIGIT))
			return NULL;
		/* a teaser's heading and date ("<h2>One</h2> Mar 7, 2026")
		 * are no line under the headline */
		for (int32_t k = i; k < x->end && k < i + WN__META_LINE_NODES; k++)
			if (d->nodes[k].tag >= GUMBO_TAG_H1 && d->nodes[k].tag <= GUMBO_TAG_H6)
				return NULL;
		if (updated_line(c, i))
			return NULL;
		if (opens_with_date(c, i, iso) || date_part(c, wn__meta_text(c, i), iso) ||
		    time_opens(c, i, iso))
			return wn__arena_strndup(c->a, iso, strlen(iso));
		return NULL;
	}
	return NULL;
}

/* A date alone on its line just before the h1, in the headline's box
 * ("Dec 12, 2025" above the title): the first such, or NULL. */
static const char *date_above_h1(wn__meta_ctx *c, wn__meta_found *f)
{
	const wn__doc *d = c->d;
	char iso[WN__DATE_MAX];
	int32_t h = c->h1_node, box = h;
	for (int up = 0; box > 0 && up < WN__META_HEAD_BOX; up++)
		box = d->nodes[box].parent;
	if (h <= 0 || box <= 0)
		return NULL;
	for (int32_t i = box; i < h; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->flags & WN__NF_REMOVED) {
			i = x->end - 1;
			continue;
		}
		if (x->kind != WN__NODE_ELEMENT || !(x->flags & WN__NF_BLOCK) ||
		    !small(c, i, WN__META_LINE_MAX) || x->end > h)
			continue;
		/* "Published August 7, 2023 by Jane Doe" above the title */
		if (!f->head_by)
			f->head_by = wn__meta_field_byline(c, wn__meta_text_lines(c, i));
		if (opens_with_date(c, i, iso) && !updated_line(c, i))
			return wn__arena_strndup(c->a, iso, strlen(iso));
	}
	return NULL;
}

/* Whether element i opens with a count of comments that is no link ("3
 * comments" over a thread, not "5 Comments" linking to it from the
 * article's head): its first text, within WN__META_COUNT_SCAN nodes. */
static int opens_with_count(wn__meta_ctx *c, int32_t i)
{
	const wn__doc *d = c->d;
	int32_t end = d->nodes[i].end;
	if (end > i + 1 + WN__META_COUNT_SCAN)
		end = i + 1 + WN__META_COUNT_SCAN;
	for (int32_t j = i + 1; j < end; j++) {
		const wn__node *x = &d->nodes[j];
		if (x->kind != WN__NODE_TEXT)
			continue;
		const char *t = x->g->v.text.text;
		while (*t == ' ' || *t == '\n' || *t == '\t')
			t++;
		return *t >= '0' && *t <= '9' && !(x->flags & WN__NF_IN_LINK) &&
		       wn__comment_heading(t);
	}
	return 0;
}

/* One walk over the body for microdata, <time>, rel=author and bylines.
 * Bylines are not looked for in unlikely subtrees, as in Readability.js
 * (microdata is: its itemscope says whose it is). */
void wn__meta_scan_body(wn__meta_ctx *c, wn__meta_found *f)
{
	wn__doc *d = c->d;
	int32_t root = d->body ? d->body : 0;
	/* Text counted after the h1 (or from the top), for "near the top". */
	int32_t top_from = c->h1_node >= 0 ? c->h1_node : root;
	int32_t seen = 0, skip_end = -1, side_end = -1, nos_end = -1, label = 0;
	int32_t mast_end = -1;
	char iso[WN__DATE_MAX];
	for (int32_t i = root; i < d->nodes[root].end; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->flags & WN__NF_REMOVED) {
			if (x->tag == GUMBO_TAG_NOSCRIPT && i >= nos_end)
				nos_end = x->end; /* read for the author field only */
			else
				i = x->end - 1;
			continue;
		}
		if (x->kind == WN__NODE_ELEMENT)
			field_microdata(c, f, i);
		if (i < nos_end)
			continue;
		if (x->kind == WN__NODE_TEXT && i > top_from)
			seen += c->chars[i];
		if (x->kind != WN__NODE_ELEMENT)
			continue;
		const char *ip = wn__attr(x, "itemprop");
		if (ip && !foreign_item(c, i)) {
			if (!f->headline && wn__meta_has_token(ip, "headline"))
				f->headline = item_value(c, i);
			if (!f->published && wn__meta_has_token(ip, "datePublished"))
				f->published = item_value(c, i);
			if (!f->modified && wn__meta_has_token(ip, "dateModified"))
				f->modified = item_value(c, i);
			if (!f->author && wn__meta_has_token(ip, "author") &&
			    x->end - i <= WN__META_LINE_NODES) {
				/* the name inside a Person item, else the text */
				const char *v = wn__attr(x, "content");
				for (int32_t k = i + 1; !v && k < x->end; k++) {
					const char *kp = wn__attr(&d->nodes[k], "itemprop");
					if (kp && wn__meta_has_token(kp, "name"))
						v = item_value(c, k);
				}
				if (!v && small(c, i, WN__META_BYLINE_MAX))
					v = wn__meta_text_lines(c, i);
				if (v)
					f->author = wn__meta_clean_byline(c, v);
			}
		}
		/* Readability.js skips its unlikely candidates, but its
		 * bylines come from headers ("site_header", "entry-header")
		 * all the same (its later passes keep them): here only
		 * comments are passed over.  A "replies" box that holds most
		 * of the page's text is a thread's posts, the first of them
		 * the page's own, not comments under it.  An embedded thread
		 * may name nothing: its count line says what it is. */
		if (i >= skip_end && i != root &&
		    (wn__meta_comment_box(c, i) || opens_with_count(c, i)) &&
		    100 * (int64_t)c->chars[i] <= WN__META_THREAD_SHARE * (int64_t)c->chars[root])
			skip_end = x->end;
		if (i < skip_end)
			continue;
		if (i >= side_end && (x->tag == GUMBO_TAG_NAV || x->tag == GUMBO_TAG_ASIDE ||
		                      x->tag == GUMBO_TAG_FOOTER))
			side_end = x->end;
		/* the site's header above the headline: its date is the day's
		 * ("Friday, December 19, 2025" by the logo), not the page's */
		if (i >= mast_end && x->tag == GUMBO_TAG_HEADER && c->h1_node >= x->end)
			mast_end = x->end;
		if (i > top_from && x->tag >= GUMBO_TAG_H2 && x->tag <= GUMBO_TAG_H6)
			f->heading_seen = 1;
		if (i >= side_end) {
			const char *had = f->line_date;
			field_bylines(
				c, f, i, i > top_from, i > top_from && seen < WN__META_TOP_CHARS);
			if (!had && f->line_date && !f->heading_seen)
				f->line_date_lead = 1;
		}
		/* HTML5's pubdate: the time its article was published (not
		 * in comments, passed over above) */
		if (x->tag == GUMBO_TAG_TIME && !f->pub_time && i >= side_end &&
		    wn__attr(x, "pubdate") && !updated_line(c, i))
			f->pub_time = wn__attr(x, "datetime");
		/* the first <time> of the page's text, not of its margins */
		if (x->tag == GUMBO_TAG_TIME && !f->time_attr && i >= side_end) {
			if (!updated_line(c, i))
				f->time_attr = wn__attr(x, "datetime");
			else if (!f->updated_time)
				f->updated_time = wn__attr(x, "datetime");
		}
		if (x->tag == GUMBO_TAG_A && !f->rel_author) {
			const char *rel = wn__attr(x, "rel");
			if (rel && wn__meta_has_token(rel, "author") &&
			    small(c, i, WN__META_BYLINE_MAX))
				f->rel_author = wn__meta_text_lines(c, i);
		}
		if (!f->byline && small(c, i, WN__META_BYLINE_MAX) && wn__meta_says_byline(c, i)) {
			/* Readability.js: an [itemprop~=name] inside names
			 * more precisely */
			int32_t name = i;
			for (int32_t k = i + 1; k < x->end; k++) {
				const char *kp = wn__attr(&d->nodes[k], "itemprop");
				if (kp && strstr(kp, "name")) {
					name = k;
					break;
				}
			}
			f->byline = wn__meta_text_lines(c, name);
			f->byline_node = name;
			/* "Dec 17, 2025 Jane Doe" in the byline's box, its
			 * elements apart */
			const char *lines = wn__meta_text_lines(c, i);
			if ((c->bits[i] & WN__META_DIGIT) && !updated_line(c, i) &&
			    (text_opens_with_date(lines, iso) || date_part(c, lines, iso)))
				f->byline_date = wn__arena_strndup(c->a, iso, strlen(iso));
		}
		if ((!f->date_line || !f->updated) && i >= mast_end &&
		    small(c, i, WN__META_LINE_MAX) && (c->bits[i] & WN__META_DIGIT) &&
		    wn__meta_says_line(c, i) && only_date(c, i, iso))
			date_or_update(c, i, &f->date_line, &f->updated, iso);
		if ((!f->date_text || !f->updated) && (x->flags & WN__NF_BLOCK) && i > top_from &&
		    seen < WN__META_TOP_CHARS && small(c, i, WN__META_LINE_MAX) && !in_cell(d, i) &&
		    only_date(c, i, iso))
			date_or_update(c, i, &f->date_text, &f->updated, iso);
		/* a link whose text is a date near the top: a post's permalink */
		if (!f->link_date && x->tag == GUMBO_TAG_A && i > top_from &&
		    seen < WN__META_TOP_CHARS && small(c, i, WN__META_LINE_MAX) && !in_cell(d, i) &&
		    only_date(c, i, iso) && !updated_line(c, i))
			f->link_date = wn__arena_strndup(c->a, iso, strlen(iso));
		/* anywhere in the page's text: a post's dated line at its end */
		if (!f->late_date && i >= side_end && small(c, i, WN__META_LINE_MAX) &&
		    (c->bits[i] & WN__META_DIGIT) && labelled_date(c, i, iso))
			f->late_date = wn__arena_strndup(c->a, iso, strlen(iso));
		if ((!f->by_text || !f->late_by) && (x->flags & WN__NF_BLOCK) && i > top_from &&
		    small(c, i, WN__META_BYLINE_MAX) && wn__meta_may_open_by(c, i)) {
			const char *t = wn__meta_text_lines(c, i);
			size_t b = wn__meta_by_word(t);
			if (b && b <= 12) {
				const char *name = wn__meta_clean_byline(c, t);
				if (name && wn__meta_looks_like_names(name)) {
					if (seen < WN__META_TOP_CHARS && !f->by_text)
						f->by_text = name;
					else if (!f->late_by && wn__meta_person_name(name))
						f->late_by = name; /* an author's box */
				}
			} else if (!f->late_by && wn__meta_only_by_word(t)) {
				label = x->end; /* "Written by", the name next */
			}
		} else if (label && i >= label && !f->late_by && (x->flags & WN__NF_BLOCK) &&
		           c->chars[i]) {
			const char *t = wn__meta_text_lines(c, i);
			if (small(c, i, WN__META_NAME_MAX) && wn__meta_person_name(t))
				f->late_by = t;
			label = 0;
		}
	}
	f->head_date = date_above_h1(c, f);
	f->lead_date = date_under_h1(c);
}

/* The first paragraph of the article (Readability.js's excerpt when a
 * page has no description): the first paragraph inside
 * [itemprop=articleBody], else <article>, else <main>, else the body,
 * not in a removed, unlikely or byline subtree. */
const char *wn__meta_excerpt(wn__meta_ctx *c)
{
	wn__doc *d = c->d;
	int32_t root = -1, rank = 4;
	for (int32_t i = d->body; i > 0 && i < d->nodes[d->body].end && rank > 1; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->flags & WN__NF_REMOVED) {
			i = x->end - 1;
			continue;
		}
		if (x->kind != WN__NODE_ELEMENT || !c->chars[i])
			continue;
		const char *ip = wn__attr(x, "itemprop");
		int r = ip && wn__meta_has_token(ip, "articleBody") ? 1
		        : x->tag == GUMBO_TAG_ARTICLE               ? 2
		        : x->tag == GUMBO_TAG_MAIN                  ? 3
		                                                    : 4;
		if (r < rank) {
			root = i;
			rank = r;
		}
	}
	if (root < 0)
		root = d->body;
	if (root <= 0)
		return NULL;
	/* A paragraph as Readability.js sees one: a <p>, or a <div> with no
	 * block inside (which it turns into a <p>). */
	int32_t end = d->nodes[root].end;
	uint8_t *has_block = wn__arena_alloc(c->a, (size_t)(end - root));
	for (int32_t i = end - 1; i > root; i--) {
		const wn__node *x = &d->nodes[i];
		if (!(x->flags & WN__NF_REMOVED) && (has_block[i - root] || (x->flags & WN__NF_BLOCK)))
			has_block[x->parent - root] = 1;
	}
	for (int32_t i = root; i < end; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->kind != WN__NODE_ELEMENT)
			continue;
		if ((x->flags & (WN__NF_REMOVED | WN__NF_META)) ||
		    (i != root && wn__meta_unlikely(x))) {
			i = x->end - 1;
			continue;
		}
		char iso[WN__DATE_MAX];
		if (c->chars[i] &&
		    (x->tag == GUMBO_TAG_P || (x->tag == GUMBO_TAG_DIV && !has_block[i - root]))) {
			/* a date line ("Published May 4, 2021 · 6 min read")
			 * sums nothing up */
			if (small(c, i, WN__META_LINE_MAX) && opens_with_date(c, i, iso))
				continue;
			return wn__meta_text(c, i);
		}
	}
	return NULL;
}

/* ---- marking byline and date lines in the content ---- */


/* A heading in the subtree: the line would take a title with it.  A
 * heading that is itself a byline or dateline (<h3 class="dateline">)
 * is one, unless it is an h1. */
static int holds_heading(wn__meta_ctx *c, int32_t i)
{
	const wn__doc *d = c->d;
	const wn__node *x = &d->nodes[i];
	if (wn__tag_is(x->tag, WN__TC_HEADING) &&
	    (x->tag == GUMBO_TAG_H1 || !wn__meta_says_line(c, i)))
		return 1;
	for (int32_t k = i + 1; k < x->end; k++)
		if (wn__tag_is(d->nodes[k].tag, WN__TC_HEADING))
			return 1;
	return 0;
}

/* Does the text of node i begin with a byline word and hold one of the
 * names? */
static int byline_of(wn__meta_ctx *c, int32_t i, const char *authors)
{
	if (!authors || !wn__meta_may_open_by(c, i))
		return 0;
	const char *t = wn__meta_text(c, i);
	size_t b = wn__meta_by_word(t);
	if (!b)
		return 0;
	for (const char *p = authors; *p;) {
		size_t n = strcspn(p, ";");
		if (n >= 3) {
			for (const char *q = t + b; *q; q++)
				if (!strncasecmp(q, p, n))
					return 1;
		}
		p += n;
		while (*p == ';' || *p == ' ')
			p++;
	}
	return 0;
}

/* Characters of a subtree inside byline, author and date elements. */
static int32_t meta_chars(wn__meta_ctx *c, int32_t root)
{
	const wn__doc *d = c->d;
	int32_t n = 0;
	for (int32_t k = root + 1; k < d->nodes[root].end; k++) {
		const wn__node *x = &d->nodes[k];
		if (x->kind != WN__NODE_ELEMENT || (x->flags & WN__NF_REMOVED)) {
			if (x->kind == WN__NODE_ELEMENT)
				k = x->end - 1;
			continue;
		}
		if (wn__meta_says_line(c, k)) {
			n += c->chars[k];
			k = x->end - 1;
		}
	}
	return n;
}

/* The line to mark for a meta element: itself if it is a block.  For an
 * inline one, its block when the block is short and is a byline or date
 * line as a whole (mostly such elements, "By ..." or a date: not "(help
 * by adding to it) <span class=date>2018</span>"), else the inline run
 * when it stands alone in its block (no text of the block around it). */
static int32_t meta_target(wn__meta_ctx *c, int32_t i)
{
	const wn__doc *d = c->d;
	char iso[WN__DATE_MAX];
	int32_t top = i;
	while (!(d->nodes[top].flags & WN__NF_BLOCK) && d->nodes[top].parent > 0 &&
	       !(d->nodes[d->nodes[top].parent].flags & WN__NF_BLOCK))
		top = d->nodes[top].parent;
	if (d->nodes[top].flags & WN__NF_BLOCK)
		return top;
	int32_t block = d->nodes[top].parent;
	if (block <= 0)
		return -1;
	if (small(c, block, WN__META_LINE_MAX + 1) && block != d->body && !holds_heading(c, block)) {
		if (2 * meta_chars(c, block) >= c->chars[block] || opens_by(c, block) ||
		    only_date(c, block, iso))
			return block;
	}
	for (int32_t k = block + 1; k < d->nodes[block].end; k = d->nodes[k].end) {
		const wn__node *s = &d->nodes[k];
		if (k == top || (s->flags & WN__NF_BLOCK) || !c->chars[k] ||
		    (s->flags & WN__NF_REMOVED))
			continue;
		return -1;
	}
	return top;
}

enum { LINE_NAMED, LINE_BYLINE, LINE_DATE };

typedef struct line {
	int32_t node;
	uint8_t kind, in_comment;
} line;

/* Marks the byline and date lines of the body WN__NF_META.  Where the page
 * has more than WN__META_LISTING of them outside comments, they are the
 * teasers' of a listing, not the page's: then only a byline naming the
 * page's author is marked (comment headers always are). */
void wn__meta_mark_lines(wn__meta_ctx *c)
{
	wn__doc *d = c->d;
	int32_t root = d->body;
	char iso[WN__DATE_MAX];
	if (root <= 0)
		return;
	line *lines = NULL;
	size_t n = 0, cap = 0;
	int32_t comment_end = -1;
	int count[3] = {0, 0, 0};
	for (int32_t i = root + 1; i < d->nodes[root].end; i++) {
		wn__node *x = &d->nodes[i];
		if (x->flags & WN__NF_REMOVED) {
			i = x->end - 1;
			continue;
		}
		if (x->kind != WN__NODE_ELEMENT)
			continue;
		if (i >= comment_end && wn__meta_comment_box(c, i))
			comment_end = x->end;
		if (!small(c, i, WN__META_LINE_MAX + 1))
			continue;
		int kind = -1;
		if (wn__meta_says_line(c, i)) {
			kind = !wn__meta_says_byline(c, i)         ? LINE_DATE
			       : byline_of(c, i, c->marking_names) ? LINE_NAMED
			                                           : LINE_BYLINE;
		} else if (x->flags & WN__NF_BLOCK) {
			kind = byline_of(c, i, c->marking_names) ? LINE_NAMED
			       : only_date(c, i, iso)            ? LINE_DATE
			                                         : -1;
		}
		if (kind < 0)
			continue;
		int32_t target = meta_target(c, i);
		int plain = kind == LINE_DATE && !wn__meta_says_date(c, i) &&
		            !wn__meta_says_byline(c, i);
		if (target < 0 || !small(c, target, WN__META_LINE_MAX + 1) ||
		    holds_heading(c, target) || (plain && in_cell(d, target))) {
			i = x->end - 1; /* nor anything inside it */
			continue;
		}
		WN__GROW(lines, cap, n + 1, 16);
		int in_comment = i < comment_end;
		lines[n++] = (line){target, (uint8_t)kind, (uint8_t)in_comment};
		if (!in_comment)
			count[kind]++;
		i = d->nodes[target].end - 1;
	}
	for (size_t k = 0; k < n; k++) {
		const line *l = &lines[k];
		if (!l->in_comment && l->kind != LINE_NAMED && count[l->kind] > WN__META_LISTING)
			continue;
		d->nodes[l->node].flags |= WN__NF_META;
	}
	free(lines);
}
