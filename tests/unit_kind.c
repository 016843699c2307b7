/*
 * unit_kind.c -- unit tests of the page-kind stage (kind.c) and of record
 * detection (select/records.c): small pages built the way pages of each
 * kind are built on the web, and the kind, the records and the region's
 * reading of them that they must give.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "doc.h"
#include "input/input.h"
#include "metadata/metadata.h"
#include "select/select.h"
#include "stages.h"

/* A growable page text for the generated pages. */
typedef struct page {
	char *p;
	size_t n, cap;
} page;

static void add(page *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(page *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (b->n + (size_t)k + 1 > b->cap) {
		b->cap = (b->n + (size_t)k + 1) * 2;
		b->p = realloc(b->p, b->cap);
		if (!b->p)
			abort();
	}
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)k + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)k;
}

#define SENTENCE                                                                  \
	"The council met on Tuesday to discuss the new bridge, and after a long " \
	"debate it agreed that the work would start in the spring, when the "     \
	"river is low and the roads are quiet. "

static const char *const HEAD = "<!doctype html><html><head><title>Page</title></head><body>"
				"<header><nav><ul><li><a href=/>Home</a></li>"
				"<li><a href=/a>About</a></li><li><a href=/b>Blog</a></li>"
				"<li><a href=/c>Contact</a></li></ul></nav></header>";
static const char *const FOOT = "<footer><p>&copy; 2024 Example Ltd. All rights reserved."
				"</p></footer></body></html>";

/* The kind the library gives the page (kind option `forced`), and its
 * confidence through *conf. */
static wn_kind kind_of(const char *html, wn_kind forced, double *conf)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.kind = forced;
	wn_result *r = NULL;
	wn_extract(html, strlen(html), &o, &r);
	wn_kind k = r ? wn_result_kind(r) : WN_KIND_AUTO;
	if (conf)
		*conf = r ? wn_result_kind_confidence(r) : -1;
	wn_result_free(r);
	return k;
}

/* The kind of a generated page, which it frees. */
static wn_kind kind_freeing(char *p)
{
	wn_kind k = kind_of(p, WN_KIND_AUTO, NULL);
	free(p);
	return k;
}

/* The text output of a page, malloc'd. */
static char *text_of(const char *html)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	wn_result *r = NULL;
	wn_extract(html, strlen(html), &o, &r);
	char *t = strdup(r ? wn_result_output(r, NULL) : "");
	wn_result_free(r);
	return t;
}

static char *article_page(void)
{
	page b = {0};
	add(&b,
	    "%s<main><article><h1>The new bridge</h1><time datetime=2024-03-02>2 March "
	    "2024</time>",
	    HEAD);
	for (int k = 0; k < 6; k++)
		add(&b, "<p>%s%s</p>", SENTENCE, SENTENCE);
	add(&b, "</article></main>%s", FOOT);
	return b.p;
}

/* A thread: posts of one shape, each with its author, a time and a
 * paragraph of running text; the first one long. */
static char *thread_page(int long_first)
{
	page b = {0};
	add(&b, "%s<main><h1>Which saw for a beginner?</h1><div class=thread>", HEAD);
	for (int k = 0; k < 5; k++) {
		add(&b,
		    "<div class=post><div class=who><a href=/u/%d>user%d</a></div>"
		    "<time datetime=2024-01-0%d>%d Jan 2024</time><div class=body><p>%s</p>",
		    k, k, k + 1, k + 1, SENTENCE);
		for (int j = 0; long_first && !k && j < 8; j++)
			add(&b, "<p>%s%s</p>", SENTENCE, SENTENCE);
		add(&b, "</div></div>");
	}
	add(&b, "</div></main>%s", FOOT);
	return b.p;
}

/* A board that titles every post: each post under a heading of its own,
 * the reply's subject ("Re: ...") when replies is set, else a title of
 * its own, linked, as a blog archive's dated teasers have. */
static char *titled_posts_page(int replies)
{
	page b = {0};
	add(&b, "%s<main><h1>Which saw for a beginner?</h1><div class=thread>", HEAD);
	for (int k = 0; k < 5; k++) {
		if (replies)
			add(&b, "<div class=post><h3>%sWhich saw for a beginner?</h3>",
			    k ? "Re: " : "");
		else
			add(&b,
			    "<div class=post><h3><a href=/p/%d>Notes from the workshop, part %d</a>"
			    "</h3>",
			    k, k);
		add(&b,
		    "<div class=who><a href=/u/%d>user%d</a></div><time datetime=2024-01-0%d>"
		    "%d Jan 2024</time><div class=body><p>%s</p></div></div>",
		    k, k, k + 1, k + 1, SENTENCE);
	}
	add(&b, "</div></main>%s", FOOT);
	return b.p;
}

/* A shop's category: a grid of cards, each one link holding the title,
 * a rating and the price; the first and last of a row with a class more. */
static char *grid_page(int cards)
{
	page b = {0};
	add(&b, "%s<main><h1>Green tea</h1><p>Showing 1-%d of 40 results</p><ul class=products>",
	    HEAD, cards);
	for (int k = 0; k < cards; k++)
		add(&b,
		    "<li class=\"product%s\"><a href=/p/%d><h2>Tea number %d</h2>"
		    "<div class=rating>Rated 4.%d out of 5</div><div class=price>&pound;%d.50</div>"
		    "</a><button>Add to basket</button></li>",
		    k % 4 == 0   ? " first"
		    : k % 4 == 3 ? " last"
		                 : "",
		    k, k, k % 10, 5 + k);
	add(&b, "</ul></main>%s", FOOT);
	return b.p;
}

/* A grid whose cards are each one link around a heading and an inline
 * price, no element of their own between them and the grid. */
static char *link_card_grid_page(void)
{
	page b = {0};
	add(&b, "%s<main><h1>Enamel cookware</h1><p>%s</p><div class=grid>", HEAD, SENTENCE);
	for (int k = 0; k < 8; k++)
		add(&b,
		    "<a class=card href=/p/%d><h2>Casserole %d</h2><span>&pound;1%d9.00</span></a>",
		    k, k, k);
	add(&b, "</div><h2>Choosing a pot</h2><p>%s%s</p><p>%s</p></main>%s", SENTENCE, SENTENCE,
	    SENTENCE, FOOT);
	return b.p;
}

static char *product_page(void)
{
	page b = {0};
	add(&b,
	    "%s<main><div class=buybox><h1>Ridgeline 28L Daypack</h1><p class=price>$119.95</p>"
	    "<form action=/cart/add><button type=submit>Add to cart</button></form></div>"
	    "<div class=description><p>%s</p><ul><li>28 litres</li><li>Mesh back panel</li>"
	    "</ul></div></main>%s",
	    HEAD, SENTENCE, FOOT);
	return b.p;
}

static char *docs_page(void)
{
	page b = {0};
	add(&b, "%s<main><h1>tq_push()</h1><p>Copies an item onto the tail of a queue.</p>", HEAD);
	for (int k = 0; k < 3; k++)
		add(&b,
		    "<h2>Example %d</h2><pre><code>#include &lt;tinyq.h&gt;\nint main(void)\n{\n"
		    "\ttq_queue *q = tq_open(\"jobs\", %d);\n\tif (!q)\n\t\treturn 1;\n"
		    "\ttq_push(q, \"hello\", 5);\n\ttq_close(q);\n\treturn 0;\n}\n</code></pre>",
		    k, k);
	add(&b, "</main>%s", FOOT);
	return b.p;
}

/* A job board: entries with a linked title and their fields. */
static char *listing_page(void)
{
	page b = {0};
	add(&b, "%s<main><h1>Jobs</h1><ul class=jobs>", HEAD);
	for (int k = 0; k < 10; k++)
		add(&b,
		    "<li class=job><h2><a href=/j/%d>Data Engineer %d</a></h2>"
		    "<span class=where>Leeds</span></li>",
		    k, k);
	add(&b, "</ul></main>%s", FOOT);
	return b.p;
}

/* A tutorial: the docs page's code, under a byline and a date. */
static char *tutorial_page(void)
{
	page b = {0};
	add(&b,
	    "<!doctype html><html><head><title>Page</title><meta name=author content=\"Jo Bloggs\">"
	    "<meta property=article:published_time content=2024-03-02T10:00:00Z></head><body>"
	    "<main><h1>Queues in C, a tutorial</h1>");
	for (int k = 0; k < 3; k++)
		add(&b,
		    "<h2>Step %d</h2><p>%s</p><pre><code>#include &lt;tinyq.h&gt;\nint main(void)\n"
		    "{\n\ttq_queue *q = tq_open(\"jobs\", %d);\n\tif (!q)\n\t\treturn 1;\n"
		    "\ttq_push(q, \"hello\", 5);\n\ttq_close(q);\n\treturn 0;\n}\n</code></pre>",
		    k, SENTENCE, k);
	add(&b, "</main>%s", FOOT);
	return b.p;
}

/* A service's landing page: a hero with its pitch, sections of feature
 * cards (a heading and a blurb each, no links), pricing and contact;
 * nobody signs or dates it. */
static char *landing_page(void)
{
	page b = {0};
	add(&b,
	    "%s<main><section><h1>Bookkeeping for small firms</h1><p>%s%s%s%s</p><p>%s%s%s%s</p>"
	    "<a href=/quote>Get a quote</a></section>",
	    HEAD, SENTENCE, SENTENCE, SENTENCE, SENTENCE, SENTENCE, SENTENCE, SENTENCE, SENTENCE);
	for (int s = 0; s < 3; s++) {
		add(&b, "<section><h2>What we do, part %d</h2><div class=cards>", s);
		for (int c = 0; c < 4; c++)
			add(&b,
			    "<div class=card><h3>Payroll and filings %d</h3>"
			    "<p>Monthly runs, payslips and filings.</p></div>",
			    c);
		add(&b, "</div></section>");
	}
	add(&b,
	    "<section><h2>Pricing</h2><p>From 49 a month</p></section><section><h2>Talk to us</h2>"
	    "<p>Call 0113 496 0000</p></section></main>%s",
	    FOOT);
	return b.p;
}

/* A page of a firm's services with no clear article: cards of a heading
 * and a blurb, not linked, then short sections. */
static char *services_page(void)
{
	page b = {0};
	add(&b, "%s<main><h1>Our services</h1><div class=grid>", HEAD);
	for (int c = 0; c < 6; c++)
		add(&b, "<div class=card><h3>Service %d</h3><p>Short blurb about it.</p></div>", c);
	add(&b,
	    "</div><h2>Why us</h2><p>Fast and friendly.</p><h2>Contact</h2><p>Call us today.</p>"
	    "</main>%s",
	    FOOT);
	return b.p;
}

/* ---- the kind stage ---- */

TEST(kind_article_is_running_text)
{
	char *p = article_page();
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_ARTICLE);
	free(p);
}

TEST(kind_forum_is_repeated_posts_with_author_and_time)
{
	char *p = thread_page(0);
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_FORUM);
	free(p);
}

TEST(kind_a_thread_with_one_long_post_is_still_a_thread)
{
	/* the longest run of text lies inside a post: no article beside
	 * the posts */
	char *p = thread_page(1);
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_FORUM);
	free(p);
}

TEST(kind_posts_titled_with_the_subject_they_answer_are_a_thread)
{
	/* every post has a heading, as every teaser of an archive has; the
	 * headings that answer ("Re: ...") make them posts */
	char *p = titled_posts_page(1);
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_FORUM);
	free(p);
	p = titled_posts_page(0);
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) != WN_KIND_FORUM);
	free(p);
}

TEST(kind_collection_is_a_grid_of_priced_cards)
{
	char *p = grid_page(12);
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_COLLECTION);
	free(p);
}

TEST(kind_collection_of_cards_that_are_links)
{
	/* the price is counted by its card, not by the grid around it */
	char *p = link_card_grid_page();
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_COLLECTION);
	free(p);
}

TEST(kind_product_is_a_price_and_a_buy_control)
{
	char *p = product_page();
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_PRODUCT);
	free(p);
}

TEST(kind_documentation_is_code)
{
	char *p = docs_page();
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_DOCUMENTATION);
	free(p);
}

TEST(kind_listing_is_linked_titled_records)
{
	char *p = listing_page();
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_LISTING);
	free(p);
}

TEST(kind_code_under_a_byline_and_a_date_is_an_article)
{
	/* a tutorial is signed and dated; reference pages are not */
	char *p = tutorial_page();
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_ARTICLE);
	free(p);
}

TEST(kind_service_is_unsigned_sections_of_feature_cards)
{
	/* its hero's pitch is a long run of text, as an article's body */
	char *p = landing_page();
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_SERVICE);
	free(p);
}

TEST(kind_a_dated_pitch_is_a_service_read_as_its_running_text)
{
	/* a template dates every page it serves: the pitch is still one */
	char *p = landing_page();
	const char *at = strstr(p, "<body>");
	page b = {0};
	add(&b, "%.*s<meta property=\"article:modified_time\" content=\"2024-05-01T10:00:00Z\">%s",
	    (int)(at - p), p, at);
	CHECK(kind_of(b.p, WN_KIND_AUTO, NULL) == WN_KIND_SERVICE);
	char *t = text_of(b.p);
	CHECK(strstr(t, "The council met on Tuesday") != NULL);
	free(t);
	free(b.p);
	free(p);
}

/* A guide in sections of short text, each under a heading, with a byline
 * and the day it was written. */
static char *signed_guide_page(void)
{
	page b = {0};
	add(&b, "<!doctype html><html><head><title>Guide</title><meta name=author content=\"Ann Lee\">"
	        "</head><body><main><article><h1>Ten ways to save on heating</h1>"
	        "<p>By Ann Lee, <time datetime=2024-01-09>9 January 2024</time></p>");
	for (int s = 0; s < 12; s++)
		add(&b, "<h2>Way number %d</h2><p>%s</p>", s,
		    s % 2 ? "Turn it down at night." : SENTENCE);
	add(&b, "</article></main>%s", FOOT);
	return b.p;
}

TEST(kind_a_signed_and_dated_guide_in_sections_is_an_article)
{
	char *p = signed_guide_page();
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_ARTICLE);
	char *t = text_of(p);
	CHECK(strstr(t, "Way number 11") != NULL);
	free(t);
	free(p);
}

/* A tradesman's page: running text between calls to act, calls buttons
 * of its own (n pairs of "Get a free quote" and "Learn more"), nobody's
 * byline and no date. */
static char *calling_page(int n)
{
	page b = {0};
	add(&b, "%s<main><h1>Roof repairs in your town</h1>", HEAD);
	for (int k = 0; k < 4; k++) {
		add(&b, "<p>%s%s</p>", SENTENCE, SENTENCE);
		if (k < n)
			add(&b, "<p><a class=button href=/quote>Get a free quote</a> "
			        "<a class=button href=/more>Learn more</a></p>");
	}
	add(&b, "</main>%s", FOOT);
	return b.p;
}

TEST(kind_an_undated_page_that_keeps_calling_to_act_is_a_service)
{
	char *p = calling_page(4);
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_SERVICE);
	/* read as the running text it is */
	char *t = text_of(p);
	CHECK(strstr(t, "The council met on Tuesday") != NULL);
	free(t);
	free(p);
	/* a call or two is an article's sidebar */
	CHECK(kind_freeing(calling_page(1)) == WN_KIND_ARTICLE);
}

/* Running text between lists of short selling points; signed by author
 * when it is not NULL. */
static char *blurbs_page(const char *author)
{
	page b = {0};
	add(&b, "<!doctype html><html><head><title>Page</title>");
	if (author)
		add(&b, "<meta name=author content=\"%s\">", author);
	add(&b, "</head><body><main><h1>Roof repairs in your town</h1>");
	for (int k = 0; k < 3; k++)
		add(&b,
		    "<p>%s%s</p><ul><li>Free survey within a week</li>"
		    "<li>Fixed price, agreed first</li><li>Ten-year guarantee on all work</li>"
		    "<li>Insured and accredited</li></ul>",
		    SENTENCE, SENTENCE);
	add(&b, "</main>%s", FOOT);
	return b.p;
}

TEST(kind_an_unsigned_undated_page_of_short_blurbs_is_a_service)
{
	CHECK(kind_freeing(blurbs_page(NULL)) == WN_KIND_SERVICE);
	/* somebody's byline makes it an article that lists points */
	CHECK(kind_freeing(blurbs_page("Ann Lee")) == WN_KIND_ARTICLE);
}

/* An archive: one line of text and a list of linked titles, a
 * paragraph about the site below it; with prose, paragraphs of running
 * text above the list. */
static char *archive_page(int prose)
{
	page b = {0};
	add(&b, "%s<main><h1>Archive</h1>", HEAD);
	for (int k = 0; k < prose; k++)
		add(&b, "<p>%s%s%s</p>", SENTENCE, SENTENCE, SENTENCE);
	add(&b, "<p>Everything we have written, newest first.</p><ul class=posts>");
	for (int k = 0; k < 12; k++)
		add(&b, "<li><a href=/p/%d>The bridge works, part %d</a></li>", k, k);
	add(&b, "</ul><div class=about><p>%s</p></div></main>%s", SENTENCE, FOOT);
	return b.p;
}

TEST(kind_a_page_of_linked_entries_without_an_article_is_a_listing)
{
	CHECK(kind_freeing(archive_page(0)) == WN_KIND_LISTING);
	/* with an article's text above them the links are its own */
	CHECK(kind_freeing(archive_page(3)) == WN_KIND_ARTICLE);
}

/* A manual's page: a sidebar tree of thirty chapters, a few paragraphs
 * and one short command; declared an Article when article is set. */
static char *manual_page(int article)
{
	page b = {0};
	add(&b, "<!doctype html><html><head><title>Page</title>");
	if (article)
		add(&b, "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
		        "\"@type\":\"Article\",\"headline\":\"Installing the agent\"}</script>");
	add(&b, "</head><body><div class=wrap><aside class=toc><ul>");
	for (int k = 0; k < 30; k++)
		add(&b, "<li><a href=/docs/%d>Configuring the bridge sensors, chapter %d</a></li>",
		    k, k);
	add(&b,
	    "</ul></aside><main><h1>Installing the agent</h1><p>%s%s</p><p>%s Run it once:</p>"
	    "<pre><code>agent --init --yes</code></pre><p>%s%s</p></main></div>%s",
	    SENTENCE, SENTENCE, SENTENCE, SENTENCE, SENTENCE, FOOT);
	return b.p;
}

TEST(kind_a_little_code_inside_a_tree_of_links_is_documentation)
{
	CHECK(kind_freeing(manual_page(0)) == WN_KIND_DOCUMENTATION);
	/* a page that declares an article is a post with a snippet */
	CHECK(kind_freeing(manual_page(1)) == WN_KIND_ARTICLE);
}

TEST(kind_cards_with_headings_not_links_are_a_service_not_a_listing)
{
	char *p = services_page();
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_SERVICE);
	free(p);
	/* the listing's entries are linked titles */
	p = listing_page();
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_LISTING);
	free(p);
}

/* A buying guide: a signed and dated article whose picks each show a
 * price, laid out as cards like a shop's grid. */
static char *buying_guide_page(void)
{
	page b = {0};
	add(&b,
	    "<!doctype html><html><head><title>Page</title><meta name=author content=\"Jo Bloggs\">"
	    "<meta property=article:published_time content=2024-03-02T10:00:00Z></head><body>"
	    "<main><h1>The best kettles of 2024</h1><p>%s%s</p><div class=picks>",
	    SENTENCE, SENTENCE);
	for (int k = 0; k < 12; k++)
		add(&b,
		    "<div class=pick><h2>Kettle %d</h2><p class=price>&pound;%d.99</p><p>%s%s</p>"
		    "</div>",
		    k, 20 + k, SENTENCE, SENTENCE);
	add(&b, "</div></main>%s", FOOT);
	return b.p;
}

TEST(kind_a_signed_page_of_priced_picks_is_an_article)
{
	char *p = buying_guide_page();
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_ARTICLE);
	free(p);
}

TEST(kind_a_signed_review_declaring_article_and_product_is_an_article)
{
	/* the Product is what the review is about; unsigned, it is a
	 * product page */
	const char *ld = "<script type=\"application/ld+json\">[{\"@type\":\"Review\"},"
			 "{\"@type\":\"Article\"},{\"@type\":\"Product\",\"name\":\"Pack\"}]"
			 "</script>";
	page b = {0};
	add(&b,
	    "<!doctype html><html><head><title>Page</title><meta name=author content=\"Jo Bloggs\">"
	    "<meta property=article:published_time content=2024-03-02T10:00:00Z>%s</head><body>"
	    "<main><h1>Ridgeline 28L, reviewed</h1><p>%s%s</p><p>%s%s</p></main>%s",
	    ld, SENTENCE, SENTENCE, SENTENCE, SENTENCE, FOOT);
	CHECK(kind_of(b.p, WN_KIND_AUTO, NULL) == WN_KIND_ARTICLE);
	free(b.p);
	page u = {0};
	add(&u, "%s%s<main><h1>Ridgeline 28L</h1><p>%s%s</p><p>%s%s</p></main>%s", HEAD, ld,
	    SENTENCE, SENTENCE, SENTENCE, SENTENCE, FOOT);
	CHECK(kind_of(u.p, WN_KIND_AUTO, NULL) == WN_KIND_PRODUCT);
	free(u.p);
}

TEST(kind_schema_type_is_evidence)
{
	/* a page with little structure of its own, declared a product */
	page b = {0};
	add(&b,
	    "%s<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Pack\"}"
	    "</script><main><h1>Pack</h1><p>%s</p></main>%s",
	    HEAD, SENTENCE, FOOT);
	CHECK(kind_of(b.p, WN_KIND_AUTO, NULL) == WN_KIND_PRODUCT);
	free(b.p);
}

/* A page that declares a Product (a template's default, or one of its
 * tiles') and has nothing to buy: a category's tiles, each a heading that
 * links to a range, with no price shown; with a buy control beside them
 * it is a product page and the tiles are its related strip. */
static char *tiles_page(int buy)
{
	page b = {0};
	add(&b,
	    "%s<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Kettle\"}"
	    "</script><main><h1>Kettles</h1><p>%s</p>%s<div class=tiles>",
	    HEAD, SENTENCE, buy ? "<form><button type=submit>Add to cart</button></form>" : "");
	for (int k = 0; k < 8; k++)
		add(&b,
		    "<div class=tile><a href=/c/%d><h3>Kettle range %d</h3></a>"
		    "<p>Stovetop and electric kettles, %d models</p></div>",
		    k, k, 10 + k);
	add(&b, "</div></main>%s", FOOT);
	return b.p;
}

TEST(kind_a_declared_product_with_nothing_to_buy_and_linked_tiles_is_a_collection)
{
	CHECK(kind_freeing(tiles_page(0)) == WN_KIND_COLLECTION);
	CHECK(kind_freeing(tiles_page(1)) == WN_KIND_PRODUCT);
}

TEST(kind_forced_is_kept_with_full_confidence)
{
	char *p = article_page();
	double conf = 0;
	CHECK(kind_of(p, WN_KIND_LISTING, &conf) == WN_KIND_LISTING);
	CHECK(conf == 1.0);
	CHECK(kind_of(p, WN_KIND_AUTO, &conf) == WN_KIND_ARTICLE);
	CHECK(conf > 0 && conf < 1.0);
	free(p);
}

TEST(kind_names_round_trip)
{
	for (int k = 0; k < WN_KIND_COUNT; k++)
		CHECK(wn_kind_from_name(wn_kind_name((wn_kind)k)) == k);
	CHECK(wn_kind_from_name("recipe") < 0);
}

/* ---- records ---- */

/* Runs the stages to the kind of the page and gives its records marks. */
static wn__doc *doc_of(const char *html, wn_options *o)
{
	wn_options_init(o, sizeof *o);
	wn__doc *d = calloc(1, sizeof *d);
	wn__doc_init(d, o);
	wn__input_decode(d, html, strlen(html));
	wn__guard(d);
	wn__dom_build(d);
	wn__clean(d);
	wn__metadata(d);
	wn__blocks(d);
	wn__score(d);
	wn__select_judge(d);
	wn__kind(d);
	return d;
}

static void doc_free(wn__doc *d)
{
	wn__dom_free(d);
	wn__doc_free(d);
	free(d);
}

/* How many elements with tag name `tag` carry mark `m`. */
static int marked(const wn__doc *d, const uint8_t *rec, GumboTag tag, int m)
{
	int n = 0;
	for (int32_t i = 0; i < d->n_nodes; i++)
		n += d->nodes[i].kind == WN__NODE_ELEMENT && d->nodes[i].tag == tag && (rec[i] & m);
	return n;
}

TEST(records_cards_of_a_grid_are_one_list_whatever_their_classes)
{
	char *p = grid_page(12);
	wn_options o;
	wn__doc *d = doc_of(p, &o);
	uint8_t *rec = wn__sel_records(d);
	CHECK(marked(d, rec, GUMBO_TAG_LI, WN__REC_MEMBER) == 12);
	CHECK(marked(d, rec, GUMBO_TAG_UL, WN__REC_LIST) == 1);
	doc_free(d);
	free(p);
}

TEST(records_a_menu_of_single_links_is_none)
{
	char *p = grid_page(12);
	wn_options o;
	wn__doc *d = doc_of(p, &o);
	uint8_t *rec = wn__sel_records(d);
	/* the header's menu: four items, each one link */
	for (int32_t i = 0; i < d->n_nodes; i++)
		if (d->nodes[i].tag == GUMBO_TAG_NAV)
			for (int32_t j = i; j < d->nodes[i].end; j++)
				CHECK(!rec[j]);
	doc_free(d);
	free(p);
}

TEST(records_two_alike_boxes_are_a_pair_not_a_list)
{
	char *p = grid_page(2);
	wn_options o;
	wn__doc *d = doc_of(p, &o);
	uint8_t *rec = wn__sel_records(d);
	CHECK(marked(d, rec, GUMBO_TAG_LI, WN__REC_MEMBER) == 0);
	doc_free(d);
	free(p);
}

TEST(records_keep_their_linked_fields_in_the_region)
{
	/* each card is one link: its rating and price are link lines, which
	 * the region drops outside records */
	char *p = grid_page(12);
	char *t = text_of(p);
	CHECK(strstr(t, "Tea number 0") && strstr(t, "Tea number 11"));
	CHECK(strstr(t, "Rated 4.3 out of 5"));
	CHECK(strstr(t, "\xc2\xa3"
	                "16.50"));
	CHECK(!strstr(t, "About"));      /* the menu */
	CHECK(!strstr(t, "All rights")); /* the footer */
	free(t);
	free(p);
}

/* A shop built of divs alone: no landmark, a category tree beside the
 * grid, cards whose fields are each a link, in one wrapper. */
static char *div_shop_page(void)
{
	page b = {0};
	add(&b, "<!doctype html><html><head><title>Wallets</title></head><body>"
	        "<div class=top><div class=bar><a href=/help>Help</a> | <a href=/q>Request a "
	        "quote</a> | <a href=/bom>BOM tool</a></div></div><div class=row><div class=left>"
	        "<h3>Categories</h3>");
	for (int k = 0; k < 7; k++)
		add(&b, "<div class=cat><a href=/c/%d>Category %d</a> (%d)</div>", k, k, 100 + k);
	add(&b, "</div><div class=main><h1>Wallets</h1><p>24 products</p><div class=grid>");
	/* the colours differ from card to card: a line every card says
	 * alike is the grid's template (records.c), not a field */
	static const char *const colour[] = {"Matte olive", "Slate grey", "Sand"};
	for (int k = 0; k < 12; k++)
		add(&b,
		    "<div class=card><div class=info><div><a href=/p/%d>Wallet %d</a></div>"
		    "<div><a href=/p/%d>%s</a></div><div><a href=/p/%d>Aluminium</a></div>"
		    "<div><a href=/p/%d>$%d</a></div></div></div>",
		    k, k, k, colour[k % 3], k, k, 70 + k);
	add(&b, "</div></div></div><div class=foot><p>&copy; 2024 Example Ltd.</p></div>"
	        "</body></html>");
	return b.p;
}

TEST(records_are_read_with_what_belongs_with_them_on_a_page_of_divs)
{
	char *p = div_shop_page();
	CHECK(kind_of(p, WN_KIND_AUTO, NULL) == WN_KIND_COLLECTION);
	char *t = text_of(p);
	CHECK(strstr(t, "Wallets") && strstr(t, "24 products"));
	/* a record's fields, links in one wrapper, are no menu */
	CHECK(strstr(t, "Wallet 0") && strstr(t, "Wallet 11") && strstr(t, "Matte olive"));
	CHECK(strstr(t, "$81"));
	/* the climb from the grid stops at the category tree and the bar */
	CHECK(!strstr(t, "Category 3"));
	CHECK(!strstr(t, "Request a quote"));
	free(t);
	free(p);
}

int main(void)
{
	RUN(kind_article_is_running_text);
	RUN(kind_forum_is_repeated_posts_with_author_and_time);
	RUN(kind_a_thread_with_one_long_post_is_still_a_thread);
	RUN(kind_posts_titled_with_the_subject_they_answer_are_a_thread);
	RUN(kind_collection_is_a_grid_of_priced_cards);
	RUN(kind_collection_of_cards_that_are_links);
	RUN(kind_product_is_a_price_and_a_buy_control);
	RUN(kind_documentation_is_code);
	RUN(kind_listing_is_linked_titled_records);
	RUN(kind_code_under_a_byline_and_a_date_is_an_article);
	RUN(kind_service_is_unsigned_sections_of_feature_cards);
	RUN(kind_a_dated_pitch_is_a_service_read_as_its_running_text);
	RUN(kind_a_signed_and_dated_guide_in_sections_is_an_article);
	RUN(kind_an_undated_page_that_keeps_calling_to_act_is_a_service);
	RUN(kind_an_unsigned_undated_page_of_short_blurbs_is_a_service);
	RUN(kind_a_page_of_linked_entries_without_an_article_is_a_listing);
	RUN(kind_a_little_code_inside_a_tree_of_links_is_documentation);
	RUN(kind_cards_with_headings_not_links_are_a_service_not_a_listing);
	RUN(kind_a_signed_page_of_priced_picks_is_an_article);
	RUN(kind_a_signed_review_declaring_article_and_product_is_an_article);
	RUN(kind_schema_type_is_evidence);
	RUN(kind_a_declared_product_with_nothing_to_buy_and_linked_tiles_is_a_collection);
	RUN(kind_forced_is_kept_with_full_confidence);
	RUN(kind_names_round_trip);
	RUN(records_cards_of_a_grid_are_one_list_whatever_their_classes);
	RUN(records_a_menu_of_single_links_is_none);
	RUN(records_two_alike_boxes_are_a_pair_not_a_list);
	RUN(records_keep_their_linked_fields_in_the_region);
	RUN(records_are_read_with_what_belongs_with_them_on_a_page_of_divs);
	return harness_done();
}
