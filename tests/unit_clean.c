/*
 * unit_clean.c -- cleaning's class/id evidence: the one-pass lookup of
 * the hint words must find exactly what a strstr of each word in the
 * lower-cased class and id text finds (the reference below), at the token
 * boundaries each word's mode asks.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "doc.h"
#include "input/input.h"
#include "stages.h"
#include "tuning.h"

/* ---- the reference: a strstr per word ---- */

static int sep(char c)
{
	return c == ' ' || c == '-' || c == '_' || c == 0;
}

static int word_in(const char *hay, const char *w, int mode)
{
	size_t n = strlen(w);
	for (const char *p = strstr(hay, w); p; p = strstr(p + 1, w)) {
		if (mode == 0)
			return 1;
		if (p != hay && !sep(p[-1]))
			continue;
		if (mode == 1 || sep(p[n]))
			return 1;
	}
	return 0;
}

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
	for (; *s && o < cap - 2; s++)
		buf[o++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
	if (o < cap - 1)
		buf[o++] = ' ';
	buf[o] = 0;
	return o;
}

static int reference_hint(const char *cls, const char *id)
{
	char buf[512];
	size_t o = put_lower(buf, 0, sizeof buf, cls, 0);
	o = put_lower(buf, o, sizeof buf, id, 1);
	if (!o)
		return 0;
	int good = 0, bad = 0, mode, weight;
	const char *w;
	for (size_t k = 0; (w = wn__clean_hint(k, &mode, &weight)) != NULL; k++)
		if (word_in(buf, w, mode)) {
			if (weight > good)
				good = weight;
			if (weight < bad)
				bad = weight;
		}
	return bad ? bad + good / WN__HINT_GOOD_BESIDE_BAD : good;
}

/* ---- the pipeline up to cleaning ---- */

/* Reads html into d, up to and including cleaning; wn__dom_free and
 * wn__doc_free undo it. */
static void clean_page(wn__doc *d, wn_options *o, const char *html)
{
	wn_options_init(o, sizeof *o);
	wn__doc_init(d, o);
	wn__input_decode(d, html, strlen(html));
	wn__guard(d);
	wn__dom_build(d);
	wn__clean(d);
}

static int hint_of(const char *html)
{
	wn_options o;
	wn__doc d;
	clean_page(&d, &o, html);
	int h = INT32_MIN;
	for (int32_t i = 0; i < d.n_nodes; i++)
		if (d.nodes[i].tag == GUMBO_TAG_SPAN)
			h = d.nodes[i].hint;
	wn__dom_free(&d);
	wn__doc_free(&d);
	return h;
}

/* The hint of the page's first element of no HTML tag (a custom one). */
static int custom_hint_of(const char *html)
{
	wn_options o;
	wn__doc d;
	clean_page(&d, &o, html);
	int h = INT32_MIN;
	for (int32_t i = 1; i < d.n_nodes && h == INT32_MIN; i++)
		if (d.nodes[i].kind == WN__NODE_ELEMENT && d.nodes[i].tag == GUMBO_TAG_UNKNOWN)
			h = d.nodes[i].hint;
	wn__dom_free(&d);
	wn__doc_free(&d);
	return h;
}

/* Whether an element of the tag is read: neither it nor an element above
 * it is removed. */
static int tag_read(const char *html, int tag)
{
	wn_options o;
	wn__doc d;
	clean_page(&d, &o, html);
	int read = 0;
	for (int32_t i = 0; i < d.n_nodes; i++) {
		if (d.nodes[i].kind != WN__NODE_ELEMENT || d.nodes[i].tag != tag)
			continue;
		read = 1;
		for (int32_t a = i; a > 0; a = d.nodes[a].parent)
			if (d.nodes[a].flags & WN__NF_REMOVED)
				read = 0;
	}
	wn__dom_free(&d);
	wn__doc_free(&d);
	return read;
}

TEST(collapsed_answers_of_a_disclosure_widget_are_not_hidden_chrome)
{
	/* an FAQ: items of one shape, each a toggle and its collapsed answer */
	CHECK(hint_of("<div class=faq>"
	              "<div class=item><button><h3>Is it open?</h3></button>"
	              "<div class='answer hidden'>Yes, every day.</div></div>"
	              "<div class=item><button><h3>Is there parking?</h3></button>"
	              "<span class='answer hidden'>Behind the hall.</span></div>"
	              "</div>") == 0);
	/* one item alone is a modal beside its button */
	CHECK(hint_of("<div class=box><p>Sign up</p>"
	              "<span class='answer hidden'>Our newsletter, weekly.</span></div>") ==
	      WN__HINT_BAD);
	CHECK(hint_of("<div class=faq>"
	              "<div class=item><p>Q</p><div>A</div></div>"
	              "<div class=item><p>Q</p><span class='hidden'></span></div>"
	              "</div>") == WN__HINT_BAD); /* nothing to disclose */
	/* the toggle comes first: hidden text before its label is no answer */
	CHECK(hint_of("<div class=faq>"
	              "<div class=item><div class=hidden>A</div><p>Q</p></div>"
	              "<div class=item><span class=hidden>A</span><p>Q</p></div>"
	              "</div>") == WN__HINT_BAD);
}

/* An item of a list folded away beside shown items of its shape (the
 * templates past the first few behind "Show all") is content; a copy
 * for other screens or for screen readers, or an item of no shape, is
 * not. */
TEST(a_folded_item_beside_shown_ones_of_its_class_is_read)
{
	CHECK(hint_of("<div><span class=card>One</span><span class=card>Two</span>"
	              "<span class='card hidden'>Three</span></div>") == 0);
	CHECK(hint_of("<div><span class=card>One</span>"
	              "<span class='card is-hidden'>Two</span></div>") == 0);
	/* the shown one must be of its tag and show */
	CHECK(hint_of("<div><p class=card>One</p><span class='card hidden'>Two</span></div>") ==
	      WN__HINT_BAD);
	CHECK(hint_of("<div><span class='card hidden'>One</span>"
	              "<span class='card hidden'>Two</span></div>") == WN__HINT_BAD);
	/* a copy for other screens, readers or browsers */
	CHECK(hint_of("<div><span class=card>One</span>"
	              "<span class='card hidden-mobile'>One</span></div>") == WN__HINT_BAD);
	CHECK(hint_of("<div><span class=card>One</span>"
	              "<span class='card no-js-hidden'>One</span></div>") == WN__HINT_BAD);
	/* "hidden" alone names no item: a span of no class is no shown copy */
	CHECK(hint_of("<div><span>One</span><span class=hidden>Two</span></div>") == WN__HINT_BAD);
}

TEST(a_button_that_holds_or_is_a_heading_titles_a_section)
{
	CHECK(tag_read("<div><button type=button><h3>How often?</h3></button></div>", GUMBO_TAG_H3));
	CHECK(tag_read(
		"<div><h3><button type=button>How often?</button></h3></div>", GUMBO_TAG_BUTTON));
	/* a button without a heading is a control */
	CHECK(!tag_read("<div><button type=button><span>Menu</span></button></div>", GUMBO_TAG_SPAN));
	CHECK(tag_read("<div><button type=button><span>Menu</span></button><span>x</span></div>",
	               GUMBO_TAG_SPAN));
}

TEST(a_hidden_panel_a_toggle_controls_is_read)
{
	/* the guard keeps aria-controls for cleaning to read */
	CHECK(tag_read("<div><button aria-controls='specs' aria-expanded=false>Specs</button>"
	               "<div id=specs style='display:none'><table><tr><td>Weight 2 kg</td></tr>"
	               "</table></div></div>",
	               GUMBO_TAG_TABLE));
	/* a collapsing wrapper carries the style, the panel within it the id */
	CHECK(tag_read("<div><button aria-controls='specs'>Specs</button>"
	               "<div class=collapse style='display:none'><style>.a{}</style>"
	               "<div id=specs><table><tr><td>Weight 2 kg</td></tr></table></div>"
	               "</div></div>",
	               GUMBO_TAG_TABLE));
	CHECK(!tag_read("<div><button aria-controls='specs'>Specs</button>"
	                "<div style='display:none'><p>Other</p>"
	                "<div id=specs><table><tr><td>Weight 2 kg</td></tr></table></div>"
	                "</div></div>",
	                GUMBO_TAG_TABLE));
	CHECK(!tag_read("<div><button aria-controls='other'>Specs</button>"
	                "<div id=specs style='display:none'><table><tr><td>Weight 2 kg</td></tr>"
	                "</table></div></div>",
	                GUMBO_TAG_TABLE));
}

TEST(a_hidden_pane_beside_a_shown_one_of_its_class_is_a_tab)
{
	/* a script's tab set: one pane shown, the others display:none */
	CHECK(tag_read("<div class=panes><div class=pane style='display:block'><p>Overview</p></div>"
	               "<div class=pane style='display:none'><table><tr><td>Weight 2 kg</td></tr>"
	               "</table></div></div>",
	               GUMBO_TAG_TABLE));
	CHECK(tag_read("<div class=panes><div class=pane><p>Overview</p></div>"
	               "<div class=pane style='display:none'><table><tr><td>Weight 2 kg</td></tr>"
	               "</table></div></div>",
	               GUMBO_TAG_TABLE));
	/* a class-less box beside a class-less one: a dialog waiting for its script */
	CHECK(!tag_read("<div><div><p>Products</p></div>"
	                "<div style='display:none'><table><tr><td>Call us</td></tr></table></div>"
	                "</div>",
	                GUMBO_TAG_TABLE));
	/* a menu's panels are chrome; so is a pane only aria-hidden */
	CHECK(!tag_read("<div><div class=menu-panel><p>Shop</p></div>"
	                "<div class=menu-panel style='display:none'><table><tr><td>Tents</td></tr>"
	                "</table></div></div>",
	                GUMBO_TAG_TABLE));
	CHECK(!tag_read("<div><div class=slide><p>One</p></div>"
	                "<div class=slide aria-hidden=true style='display:none'><table><tr><td>Two"
	                "</td></tr></table></div></div>",
	                GUMBO_TAG_TABLE));
	/* another class, or every pane hidden: no shown tab to be beside */
	CHECK(!tag_read("<div><div class=pane><p>Overview</p></div>"
	                "<div class='pane other' style='display:none'><table><tr><td>x</td></tr>"
	                "</table></div></div>",
	                GUMBO_TAG_TABLE));
	CHECK(!tag_read("<div><div class=pane style='display:none'><p>Overview</p></div>"
	                "<div class=pane style='display:none'><table><tr><td>x</td></tr>"
	                "</table></div></div>",
	                GUMBO_TAG_TABLE));
}

TEST(words_under_their_letter_lower_case)
{
	CHECK(wn__clean_hints_check());
	int mode, weight;
	CHECK(wn__clean_hint(0, &mode, &weight) != NULL);
}

TEST(modes_at_token_boundaries)
{
	CHECK(hint_of("<span class='main-nav'>x</span>") < 0);
	CHECK(hint_of("<span class='canvas'>x</span>") == 0); /* nav, not at a start */
	CHECK(hint_of("<span class='ad-slot'>x</span>") == WN__HINT_BAD);
	CHECK(hint_of("<span class='header'>x</span>") == WN__HINT_BAD / 2);
	CHECK(hint_of("<span class='leftsidebar'>x</span>") == WN__HINT_BAD); /* anywhere */
	CHECK(hint_of("<span class='x h-entry'>x</span>") == WN__HINT_GOOD);
	CHECK(hint_of("<span class='ARTICLE'>x</span>") == WN__HINT_GOOD);
	/* an id of many words is an anchor, not a role */
	CHECK(hint_of("<span id='sharing-with-a-developer'>x</span>") == 0);
	CHECK(hint_of("<span id='sharing'>x</span>") == WN__HINT_BAD);
}

/* A product's or an offer's fine print (the terms behind an asterisk,
 * the disclaimers under a price) is not what the page says. */
TEST(fine_print_is_named_as_boilerplate)
{
	CHECK(hint_of("<span class='pricing-disclaimer'>x</span>") == WN__HINT_BAD);
	CHECK(hint_of("<span class='offer fine-print'>x</span>") == WN__HINT_BAD);
	CHECK(hint_of("<span class='finePrint'>x</span>") == WN__HINT_BAD);
}

TEST(hidden_after_a_part_s_name_hides_the_part)
{
	CHECK(hint_of("<span class='hidden'>x</span>") == WN__HINT_BAD);
	CHECK(hint_of("<span class='is-hidden'>x</span>") == WN__HINT_BAD);
	/* a body field whose label is not shown: the field is the article */
	CHECK(hint_of("<span class='field field-name-body field-label-hidden'>x</span>") ==
	      hint_of("<span class='field field-name-body'>x</span>"));
	CHECK(hint_of("<span class='field field--label-hidden'>x</span>") == 0);
	CHECK(hint_of("<span class='card title_hidden'>x</span>") == 0);
	CHECK(hint_of("<span class='with-icon-hidden'>x</span>") == 0);
	/* a part's name inside another word is not the part */
	CHECK(hint_of("<span class='sublabel-hidden'>x</span>") == WN__HINT_BAD);
	/* the part's "hidden" goes, the element's own words stay */
	CHECK(hint_of("<span class='sidebar label-hidden'>x</span>") == WN__HINT_BAD);
	CHECK(hint_of("<span class='label-hidden hidden'>x</span>") == WN__HINT_BAD);
}

TEST(a_custom_element_s_name_reads_as_its_class)
{
	/* web components name what they are: "site-footer", "app-sidebar" */
	CHECK(custom_hint_of("<site-footer><p>x</p></site-footer>") == WN__HINT_BAD);
	CHECK(custom_hint_of("<app-sidebar class='wide'><p>x</p></app-sidebar>") ==
	      hint_of("<span class='app-sidebar wide'>x</span>"));
	CHECK(custom_hint_of("<article-body><p>x</p></article-body>") > 0);
	/* a name without a hyphen is no custom element's: not read */
	CHECK(custom_hint_of("<footerish><p>x</p></footerish>") == 0);
}

/* The hint of a span named as a page builder names its blocks, after n
 * blocks named so. */
static int builder_hint(int n)
{
	char page[8192];
	size_t o = 0;
	for (int k = 0; k < n; k++)
		o += (size_t)snprintf(
			page + o, sizeof page - o,
			"<div class=\"builder-widget-container\"><p>Block %d</p></div>", k);
	snprintf(page + o, sizeof page - o, "<span class=\"builder-widget-wrap\">The story</span>");
	return hint_of(page);
}

/* "widget" names a panel (a sidebar's, a vendor's embed) where a page has
 * a few; where it names every block (a page builder's vocabulary) it
 * says nothing of any one of them. */
TEST(widget_is_a_panel_only_where_few_elements_are_named_so)
{
	CHECK(hint_of("<div class=\"widget-area\">"
	              "<span class=\"widget recent\">Recent posts</span></div>") < 0);
	/* the span is the last of WN__HINT_UNIT_NAMES elements so named */
	CHECK(builder_hint(WN__HINT_UNIT_NAMES - 1) == 0);
	/* one fewer, and the word counts again */
	CHECK(builder_hint(WN__HINT_UNIT_NAMES - 2) < 0);
}

/* Random class and id values made of the words, their pieces, separators
 * and case, against the reference. */
TEST(lookup_matches_strstr)
{
	static const char *const PIECES[] = {
		"nav",        "ad",          "ads",  "main",     "post",
		"comment",    "side",        "bar",  "sidebar",  "h-entry",
		"hentry",     "back-to-top", "most", "read",     "-",
		"_",          " ",           "  ",   "x",        "Nav",
		"AD",         "content",     "text", "page",     "pager",
		"pagination", "tag",         "tags", "tag-list", "share",
		"sharing",    "print",       "meta", "entry",    "e",
		"header",     "footer",      "body", "blog",     "prose",
		"story",      "skip",        "rss",  "1",        "visually-hidden",
		"sr-only",    "user",        "info", "-info",    "hidden",
		"é",
	};
	const size_t np = sizeof PIECES / sizeof *PIECES;
	uint64_t st = 7;
	char cls[700], id[100], html[1000];
	for (int k = 0; k < 20000; k++) {
		size_t o = 0;
		/* sometimes longer than the 512 bytes the text is cut at */
		int n = (int)((st >> 33) % (k % 50 ? 8 : 120));
		for (int i = 0; i < n && o < sizeof cls - 20; i++) {
			st = st * 6364136223846793005ULL + 1442695040888963407ULL;
			const char *p = PIECES[(st >> 33) % np];
			memcpy(cls + o, p, strlen(p));
			o += strlen(p);
		}
		cls[o] = 0;
		st = st * 6364136223846793005ULL + 1442695040888963407ULL;
		const char *a = PIECES[(st >> 33) % np], *b = PIECES[(st >> 40) % np];
		snprintf(id, sizeof id, "%s%s", a, b);
		int with_id = (int)((st >> 20) & 1);
		snprintf(html, sizeof html, "<span class=\"%s\"%s%s%s>x</span>", cls,
		         with_id ? " id=\"" : "", with_id ? id : "", with_id ? "\"" : "");
		int want = reference_hint(cls, with_id ? id : NULL);
		int got = hint_of(html);
		if (got != want) {
			fprintf(stderr, "  %s: hint %d, reference %d\n", html, got, want);
			CHECK(got == want);
			break;
		}
	}
}

int main(void)
{
	RUN(words_under_their_letter_lower_case);
	RUN(collapsed_answers_of_a_disclosure_widget_are_not_hidden_chrome);
	RUN(a_folded_item_beside_shown_ones_of_its_class_is_read);
	RUN(a_button_that_holds_or_is_a_heading_titles_a_section);
	RUN(a_hidden_panel_a_toggle_controls_is_read);
	RUN(a_hidden_pane_beside_a_shown_one_of_its_class_is_a_tab);
	RUN(modes_at_token_boundaries);
	RUN(fine_print_is_named_as_boilerplate);
	RUN(hidden_after_a_part_s_name_hides_the_part);
	RUN(a_custom_element_s_name_reads_as_its_class);
	RUN(widget_is_a_panel_only_where_few_elements_are_named_so);
	RUN(lookup_matches_strstr);
	return harness_done();
}
