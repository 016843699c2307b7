/*
 * unit_extract.c -- unit tests of the extraction stages: cleaning, class/id
 * evidence, blocks, selection and the plain-text renderer.  Stages are
 * driven through internal.h where a test needs to look inside, and through
 * wn_extract() where the behaviour is the output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "doc.h"
#include "input/input.h"
#include "stages.h"
#include "tuning.h"

/* Three paragraphs of running text: enough for any container holding them
 * to be the article. */
#define PROSE                                                                    \
	"<p>The river rose through the night, and by morning the lower fields "  \
	"were under water, which the farmers had expected since the autumn "     \
	"rains began in earnest.</p>"                                            \
	"<p>Volunteers filled sandbags at the village hall, while the council "  \
	"sent pumps, blankets and a van of hot food, and the school opened its " \
	"doors to the families from the lane.</p>"                               \
	"<p>By the afternoon the water had stopped rising, and the older "       \
	"residents said it was the worst flood since the winter of 1947, when "  \
	"the bridge was carried away.</p>"

static wn_result *run(const char *html, wn_format fmt)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.format = fmt;
	wn_result *r = NULL;
	wn_extract(html, strlen(html), &o, &r);
	return r;
}

/* A page read as the given kind, which must succeed; the caller frees it. */
static wn_result *run_as(const char *html, wn_kind kind)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.kind = kind;
	wn_result *r = NULL;
	CHECK(wn_extract(html, strlen(html), &o, &r) == WN_OK);
	return r;
}

/* The text output of a page, owned by a static slot until the next call. */
static const char *text_of(const char *html)
{
	static wn_result *last;
	wn_result_free(last);
	last = run(html, WN_FORMAT_TEXT);
	return last ? wn_result_output(last, NULL) : "(null result)";
}

/* Runs the stages up to blocks/selection on a document, for tests that
 * look at nodes and blocks.  Free with doc_free(). */
static wn__doc *doc_of(const char *html, int upto_select)
{
	static wn_options o;
	wn_options_init(&o, sizeof o);
	wn__doc *d = calloc(1, sizeof *d);
	wn__doc_init(d, &o);
	wn__input_decode(d, html, strlen(html));
	wn__guard(d);
	wn__dom_build(d);
	wn__clean(d);
	wn__blocks(d);
	wn__score(d);
	if (upto_select) {
		wn__select_judge(d);
		wn__kind(d);
		if (!d->has_article)
			wn__score_listing(d);
		wn__select(d);
	}
	return d;
}

static void doc_free(wn__doc *d)
{
	wn__dom_free(d);
	wn__doc_free(d);
	free(d);
}

static const wn__node *by_id(const wn__doc *d, const char *id)
{
	for (int32_t i = 0; i < d->n_nodes; i++) {
		const char *v = wn__attr(&d->nodes[i], "id");
		if (v && !strcmp(v, id))
			return &d->nodes[i];
	}
	return NULL;
}

static int contains(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle) != NULL;
}

/* ---- text renderer ---- */

TEST(text_inline_elements_neither_break_nor_glue)
{
	const char *t = text_of("<article>" PROSE "<p>The mayor said foo <b>bar</b> baz<i>qux</i> and "
	                        "<a href='/x'>a link</a>, and thanked everyone who came "
	                        "out to help.</p></article>");
	CHECK(contains(t, "said foo bar bazqux and a link, and thanked"));
}

TEST(text_blocks_are_paragraphs_split_by_one_blank_line)
{
	const char *t = text_of("<article>" PROSE "</article>");
	CHECK(contains(t, "in earnest.\n\nVolunteers"));
	CHECK(!contains(t, "\n\n\n"));
	size_t n = strlen(t);
	CHECK(n > 0 && t[n - 1] == '\n' && t[n - 2] != '\n');
}

TEST(text_whitespace_collapses_as_a_browser_does)
{
	const char *t = text_of("<article>" PROSE
	                        "<p>  spaced \n\t out&nbsp;&nbsp;text  </p></article>");
	CHECK(contains(t, "\n\nspaced out text\n"));
}

TEST(text_br_is_a_line_break)
{
	const char *t = text_of("<article>" PROSE "<p>line one<br>line two</p></article>");
	CHECK(contains(t, "line one\nline two"));
}

TEST(text_list_items_one_per_line)
{
	const char *t = text_of(
		"<article>" PROSE "<ul><li>first item</li><li>second item<ul><li>nested "
		"item</li></ul></li></ul><p>After the list, a "
		"sentence.</p></article>");
	CHECK(contains(t, "\n\nfirst item\nsecond item\nnested item\n\nAfter the list"));
}

TEST(text_table_rows_one_per_line_cells_by_tab)
{
	const char *t = text_of(
		"<article>" PROSE "<table><thead><tr><th>Name</th><th>Size</th></tr></thead>"
		"<tbody><tr><td>alpha</td><td>1</td></tr>"
		"<tr><td></td><td>2</td></tr></tbody></table></article>");
	CHECK(contains(t, "Name\tSize\nalpha\t1\n\t2"));
}

TEST(text_cells_keep_words_apart_on_one_line)
{
	const char *t = text_of(
		"<article>" PROSE "<table><tr><td>versions<br>Added</td><td>one</td></tr>"
		"<tr><td><div>x</div><div>y</div></td><td>two</td></tr>"
		"</table></article>");
	CHECK(contains(t, "versions Added\tone\nx y\ttwo"));
}

TEST(text_pre_keeps_whitespace_and_drops_leading_newline)
{
	const char *t = text_of("<article>" PROSE "<pre>\nint main(void)\n{\n    return 0;\n}\n</pre>"
	                        "<p>After the code, a sentence.</p></article>");
	CHECK(contains(t, "\n\nint main(void)\n{\n    return 0;\n}\n\nAfter the code"));
}

TEST(text_layout_cells_are_paragraphs)
{
	const char *t = text_of("<table><tr><td><a href='/'>Home</a></td><td>" PROSE
	                        "</td></tr></table>");
	CHECK(contains(t, "in earnest.\n\nVolunteers"));
	CHECK(!contains(t, "\t"));
}

TEST(text_entities_are_decoded)
{
	const char *t = text_of("<article>" PROSE "<p>Fish &amp; chips &mdash; "
	                        "&#8220;quoted&#8221;</p></article>");
	CHECK(contains(t, "Fish & chips \xe2\x80\x94 \xe2\x80\x9cquoted\xe2\x80\x9d"));
}

/* ---- cleaning ---- */

TEST(clean_drops_what_is_never_content)
{
	const char *t = text_of(
		"<article>" PROSE "<script>var secret = 1;</script><style>p{}</style>"
		"<p hidden>hidden attr</p><p aria-hidden='true'>aria</p>"
		"<p style='display: none'>inline none</p>"
		"<noscript>enable js</noscript>"
		"<form><input value='typed'><button>Send it</button></form>"
		"</article>");
	CHECK(!contains(t, "secret"));
	CHECK(!contains(t, "p{}"));
	CHECK(!contains(t, "hidden attr"));
	CHECK(!contains(t, "aria"));
	CHECK(!contains(t, "inline none"));
	CHECK(!contains(t, "enable js"));
	CHECK(!contains(t, "Send it"));
	CHECK(contains(t, "Volunteers"));
}

TEST(clean_keeps_formulas_hidden_for_accessibility)
{
	/* Wikipedia's markup: MathML hidden for screen readers, and an image
	 * hidden from them; the formula must not vanish from the text. */
	const char *t = text_of(
		"<article>" PROSE "<p>The group is denoted by <span style='display: none'>"
		"<math alttext='G'><mi>G</mi></math></span>"
		"<img aria-hidden='true' alt='G' src='g.svg'>, and its "
		"order by the same letter in bold, as is usual.</p></article>");
	CHECK(contains(t, "denoted by G, and its order"));
}

TEST(clean_hints_match_whole_words_not_substrings)
{
	wn__doc *d = doc_of(
		"<div id='a' class='main-nav'>x</div>"
		"<div id='b' class='canvas-wrap'>x</div>"
		"<div id='c' class='ad-slot'>x</div>"
		"<div id='d' class='header-logo'>x</div>"
		"<div id='e' class='post-content'>x</div>"
		"<div class='x' id='sharing-with-a-single-developer'>"
		"<span id='f'>x</span></div>",
		0);
	CHECK(by_id(d, "a")->hint < 0);  /* nav at a word start */
	CHECK(by_id(d, "b")->hint == 0); /* "nav" inside "canvas" */
	CHECK(by_id(d, "c")->hint < 0);  /* "ad" as a whole word */
	CHECK(by_id(d, "d")->hint < 0 && by_id(d, "d")->hint > WN__HINT_BAD);
	CHECK(by_id(d, "e")->hint > 0);
	/* an id made of many words is a heading's anchor, not a role */
	const wn__node *f = by_id(d, "f");
	CHECK(d->nodes[f->parent].hint == 0);
	doc_free(d);
}

TEST(clean_roles_and_tags_are_evidence)
{
	wn__doc *d = doc_of("<nav id='n'>x</nav><div id='r' role='navigation'>x</div>"
	                    "<main id='m'>x</main><aside id='s'>x</aside>",
	                    0);
	CHECK(by_id(d, "n")->hint < 0);
	CHECK(by_id(d, "r")->hint < 0);
	CHECK(by_id(d, "m")->hint > 0);
	CHECK(by_id(d, "s")->hint < 0);
	doc_free(d);
}

/* ---- blocks ---- */

TEST(blocks_split_at_block_elements_not_inline_ones)
{
	wn__doc *d = doc_of("<div>one <b>two</b> <a href='/x'>three</a><p>four</p>five</div>", 0);
	CHECK(d->n_blocks == 3);
	if (d->n_blocks == 3) {
		CHECK(d->blocks[0].words == 3);
		CHECK(d->blocks[0].link_chars == 5);
		CHECK(d->blocks[0].tags == 2);
		CHECK(d->blocks[1].chars == 4);
		CHECK(d->blocks[2].chars == 4);
	}
	doc_free(d);
}

TEST(blocks_count_cjk_characters_as_words)
{
	/* 5 CJK characters, one Latin word, one full stop */
	wn__doc *d = doc_of("<p>\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe6\x96\x87 "
	                    "Tokyo\xe3\x80\x82</p>",
	                    0);
	CHECK(d->n_blocks == 1);
	if (d->n_blocks == 1) {
		CHECK(d->blocks[0].cjk == 5);
		CHECK(d->blocks[0].words == 6);
		CHECK(d->blocks[0].sentences == 1);
		CHECK(d->blocks[0].eff > d->blocks[0].chars);
	}
	doc_free(d);
}

TEST(blocks_kind_follows_the_container)
{
	wn__doc *d = doc_of("<h2>Head</h2><ul><li>item</li></ul><table><tr><td>cell</td>"
	                    "</tr></table><pre>code</pre><blockquote><p>said</p></blockquote>"
	                    "<figure><figcaption>cap</figcaption></figure>",
	                    0);
	CHECK(d->n_blocks == 6);
	if (d->n_blocks == 6) {
		CHECK(d->blocks[0].kind == WN__BK_HEADING && d->blocks[0].level == 2);
		CHECK(d->blocks[1].kind == WN__BK_LIST_ITEM);
		CHECK(d->blocks[2].kind == WN__BK_CELL);
		CHECK(d->blocks[3].kind == WN__BK_PRE);
		CHECK(d->blocks[4].kind == WN__BK_QUOTE);
		CHECK(d->blocks[5].kind == WN__BK_CAPTION);
	}
	doc_free(d);
}

/* ---- scoring and selection ---- */

TEST(score_running_text_beats_links_and_labels)
{
	wn__doc *d = doc_of("<ul><li><a href='/a'>Home</a></li></ul><p>Posted by Sam</p>" PROSE, 0);
	CHECK(d->n_blocks == 5);
	if (d->n_blocks == 5) {
		CHECK(d->blocks[0].good < 0);                   /* a menu link */
		CHECK(d->blocks[1].good < d->blocks[2].good);   /* a label */
		CHECK(d->blocks[2].good > WN__STRONG_GOODNESS); /* running text */
	}
	doc_free(d);
}

/* Ids run together (a shop's scrambled "Sponsored" label) are long but
 * no words: their length does not make them running text, while a German
 * paragraph of long compounds, and Thai written without spaces, are. */
TEST(score_long_runs_without_words_are_not_text)
{
	wn__doc *d = doc_of(
		"<div><p>Sf2f260c3-bf1f-466a-b856-6f031758a086p16207f0d-5442-4472-ad51-"
		"162a45a841c3U58304ab9-e401-4091-b773-e7e337a260ad 49b6f0970-183c-"
		"42bd-adfd-fa9ba7274fa7o618e27c5-5975-4f3c-8b91-067da6caa345</p>"
		"<p>Donaudampfschifffahrtsgesellschaftskapitaene und "
		"Rindfleischetikettierungsueberwachungsaufgaben beschaeftigen "
		"die Verwaltungsgerichte seit Jahrzehnten immer wieder</p>"
		"<p>\xe0\xb8\xa0\xe0\xb8\xb2\xe0\xb8\xa9\xe0\xb8\xb2\xe0\xb9\x84"
		"\xe0\xb8\x97\xe0\xb8\xa2\xe0\xb9\x80\xe0\xb8\x82\xe0\xb8\xb5"
		"\xe0\xb8\xa2\xe0\xb8\x99\xe0\xb8\x95\xe0\xb8\xb4\xe0\xb8\x94"
		"\xe0\xb8\x81\xe0\xb8\xb1\xe0\xb8\x99\xe0\xb9\x82\xe0\xb8\x94"
		"\xe0\xb8\xa2\xe0\xb9\x84\xe0\xb8\xa1\xe0\xb9\x88\xe0\xb9\x80"
		"\xe0\xb8\xa7\xe0\xb9\x89\xe0\xb8\x99\xe0\xb8\xa7\xe0\xb8\xa3"
		"\xe0\xb8\xa3\xe0\xb8\x84</p></div>",
		0);
	CHECK(d->n_blocks == 3);
	if (d->n_blocks == 3) {
		CHECK(d->blocks[0].chars > WN__LONG && d->blocks[0].good < 0);
		CHECK(d->blocks[1].good > 0.3);
		CHECK(d->blocks[2].cjk > 0 && d->blocks[2].good > 0);
	}
	doc_free(d);
}

TEST(select_keeps_the_article_and_drops_the_page_around_it)
{
	const char *t = text_of(
		"<html><head><title>Flood | Gazette</title></head><body>"
		"<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
		"<li><a href='/sport'>Sport</a></li></ul></nav>"
		"<div class='content'><h1>Flood</h1>" PROSE
		"<div class='share-bar'><a href='/s1'>Share on Facebook</a> "
		"<a href='/s2'>Share on X</a></div></div>"
		"<aside class='sidebar'><h3>Most read</h3><ul>"
		"<li><a href='/1'>Council approves the new budget for the coming year</a></li>"
		"<li><a href='/2'>Local team wins the cup after a dramatic final</a></li>"
		"</ul></aside><footer><p>Copyright 2024 The Gazette. All rights reserved.</p>"
		"</footer></body></html>");
	CHECK(contains(t, "The river rose"));
	CHECK(contains(t, "carried away."));
	CHECK(!contains(t, "Home"));
	CHECK(!contains(t, "Share on"));
	CHECK(!contains(t, "Most read"));
	CHECK(!contains(t, "Council approves"));
	CHECK(!contains(t, "Copyright"));
	CHECK(!contains(t, "Flood\n")); /* the headline is the title */
}

TEST(select_drops_comments_beside_the_post)
{
	const char *t = text_of(
		"<div class='post'><div class='entry-content'>" PROSE "</div>"
		"<div id='comments' class='comments-area'><ol>"
		"<li class='comment'><p>What a story, thank you for writing it up so "
		"clearly, I remember the flood of 1947 well and this brought it back.</p></li>"
		"<li class='comment'><p>My grandmother told me about the bridge many "
		"times, and how the whole village came out to help the families.</p></li>"
		"</ol></div></div>");
	CHECK(contains(t, "The river rose"));
	CHECK(!contains(t, "What a story"));
	CHECK(!contains(t, "grandmother"));
}

TEST(select_drops_teaser_lists_inside_the_article)
{
	const char *t = text_of(
		"<article>" PROSE "<ul>"
		"<li><a href='/a'>Bridge to reopen in spring after repairs</a> The county "
		"says the work is on schedule and the road will open in March.</li>"
		"<li><a href='/b'>School extension approved by the council</a> Four new "
		"classrooms will be built over the summer holidays this year.</li>"
		"</ul></article>");
	CHECK(contains(t, "The river rose"));
	CHECK(!contains(t, "Bridge to reopen"));
	CHECK(!contains(t, "School extension"));
}

/* In a clear article, a list item whose link is a sentence is a point
 * the article makes, its source linked (a newsletter of changes); a
 * menu's items, names without punctuation, still go. */
TEST(select_article_keeps_a_linked_sentence_in_its_list)
{
	const char *t = text_of(
		"<article>" PROSE "<ul>"
		"<li><a href='/bug/1'>Thanks to the volunteers, the pumps now run through the "
		"night.</a></li>"
		"<li>The council kept the school open for the families from the lane, and the "
		"van of hot food came twice a day until the water went down.</li>"
		"<li><a href='/review'>Here is our year in review, with every number!</a></li>"
		"<li>The bridge on the old road will be rebuilt in stone, the engineers said, "
		"and it will stand a foot higher than the one the water took.</li>"
		"</ul>" PROSE "<ul><li><a href='/'>Home page</a></li><li><a href='/a'>Archive "
		"of issues</a></li><li><a href='/s'>Subscribe by mail</a></li></ul></article>");
	CHECK(contains(t, "pumps now run through the night"));
	CHECK(contains(t, "year in review"));
	CHECK(contains(t, "van of hot food"));
	CHECK(!contains(t, "Archive of issues") && !contains(t, "Subscribe by mail"));
}

/* A data table's rows are read whole: a row's name is often a link, and
 * a cell such as "Remake of <a>...</a>" is the row's, not a menu.  A
 * table of linked names under header cells (a navigation box) is still
 * links. */
TEST(select_article_reads_a_data_table_whole)
{
	const char *t = text_of(
		"<article>" PROSE "<table><caption>Films with time loops</caption>"
		"<thead><tr><th>Film</th><th>Year</th><th>Description</th></tr></thead><tbody>"
		"<tr><th scope='row'><i><a href='/wiki/Lantern'>The Lantern Keeper</a></i></th>"
		"<td>1964</td><td>A keeper relives the night of the storm until he lights the "
		"lamp in time for the ferry.</td></tr>"
		"<tr><th scope='row'><i><a href='/wiki/Harbour'>Harbour Lights Again</a></i></th>"
		"<td>1967</td><td>Remake of <i><a href='/wiki/Lantern'>The Lantern "
		"Keeper</a></i></td></tr>"
		"<tr><th scope='row'><i><a href='/wiki/Tuesday'>Every Tuesday</a></i></th>"
		"<td>1971</td><td>A clerk wakes on the same Tuesday and learns the names of "
		"everyone in the office.</td></tr>"
		"</tbody></table>" PROSE
		"<table><tr><th>Films</th><td><a href='/a'>Archive of reels</a> "
		"<a href='/b'>Box office lists</a> <a href='/c'>Cinemas by town</a></td></tr>"
		"<tr><th>People</th><td><a href='/d'>Directors by decade</a> "
		"<a href='/e'>Editors guild</a></td></tr></table></article>");
	CHECK(contains(t, "The Lantern Keeper"));
	CHECK(contains(t, "Harbour Lights Again"));
	CHECK(contains(t, "Remake of The Lantern Keeper"));
	CHECK(contains(t, "same Tuesday"));
	CHECK(!contains(t, "Box office lists") && !contains(t, "Directors by decade"));
}

/* Readability.js's sibling rule: a paragraph of running text with few
 * links beside the table that scored best is the article's introduction. */
TEST(select_article_takes_a_sibling_paragraph_of_prose)
{
	char page[16384] = "<html><body><div id='content'><p>This list of films with time "
			   "loops names the films in which a character, or a town, lives the "
			   "same day over and over. A time loop is a plot device, and some of "
			   "the films, though not all, are comedies.</p><table><thead><tr>"
			   "<th>Film</th><th>Year</th><th>Description</th></tr></thead><tbody>";
	for (int i = 0; i < 18; i++) {
		char row[512];
		snprintf(row, sizeof row,
		         "<tr><td>Film number %d</td><td>19%02d</td><td>A woman relives the "
		         "winter of %d, and each time she tries, in vain, to stop the fire at "
		         "the mill, until the day she lets it burn.</td></tr>",
		         i, 50 + i, 1900 + i);
		strcat(page, row);
	}
	strcat(page, "</tbody></table><h2>See also</h2><ul>");
	for (int i = 0; i < 20; i++) {
		char li[128];
		snprintf(li, sizeof li, "<li><a href='/l%d'>List of films number %d</a></li>", i, i);
		strcat(page, li);
	}
	strcat(page, "</ul></div></body></html>");
	const char *t = text_of(page);
	CHECK(contains(t, "Film number 17"));
	CHECK(contains(t, "This list of films with time loops"));
	CHECK(!contains(t, "List of films number 3"));
}

/* A signed article beside a portal's stream of other stories, whose
 * summaries together outweigh it: the article is the best part outside
 * the stream, not the stream. */
TEST(select_article_beside_a_stream_of_teasers)
{
	char page[16384] =
		"<html><head><meta property='og:type' content='article'>"
		"<meta name='author' content='Ada Reporter'>"
		"<meta property='article:published_time' content='2024-03-01T10:00:00Z'>"
		"</head><body><div id='main'><section><h1>Floods reach the valley</h1>" PROSE PROSE
		"</section><div class='stream'><ul>";
	for (int i = 0; i < 12; i++) {
		char li[640];
		snprintf(li, sizeof li,
		         "<li class='story-card'><h3><a href='/story/%d'>Story number %d from the "
		         "wire</a></h3><p>A summary of story %d, in which a town council debates the "
		         "price of bus fares, the state of the roads and the new library. The mayor "
		         "says, again, that the budget will balance by the spring, and the "
		         "opposition, for its part, says that it will not, not this year.</p></li>",
		         i, i, i);
		strcat(page, li);
	}
	strcat(page, "</ul></div></div></body></html>");
	const char *t = text_of(page);
	CHECK(contains(t, "The river rose through the night"));
	CHECK(contains(t, "Volunteers filled sandbags"));
	CHECK(!contains(t, "Story number 3 from the wire"));
	CHECK(!contains(t, "A summary of story 5"));
}

TEST(select_listing_page_gives_teasers_and_says_so)
{
	char page[4096] = "<html><body><nav><a href='/'>Home</a></nav><main>";
	for (int i = 0; i < 4; i++) {
		char item[512];
		snprintf(item, sizeof item,
		         "<div class='card'><h2><a href='/story-%d'>Headline number %d "
		         "about the valley</a></h2><p>A short summary of story %d, with "
		         "enough words to read as a sentence.</p></div>",
		         i, i, i);
		strcat(page, item);
	}
	strcat(page, "</main></body></html>");
	wn_result *r = run(page, WN_FORMAT_TEXT);
	CHECK(r != NULL);
	if (!r)
		return;
	const char *t = wn_result_output(r, NULL);
	CHECK(contains(t, "Headline number 0 about the valley"));
	CHECK(contains(t, "A short summary of story 3"));
	CHECK(!contains(t, "Home"));
	CHECK(!wn_result_has_article(r));
	int said = 0;
	for (size_t i = 0; i < wn_result_message_count(r); i++)
		said |= contains(wn_result_message(r, i), "no clear article");
	CHECK(said);
	wn_result_free(r);
}

/* A landmark of chrome (a mega-menu's <nav>, a page-wide <aside>, the
 * page's <footer>, role=complementary) is chrome on a page read by its
 * region however much text it holds: here more than the page's own. */
TEST(select_region_landmarks_are_chrome_whatever_their_size)
{
	static const char *const OPEN[] = {
		"<nav>", "<aside>", "<footer>", "<div role=\"complementary\">"};
	static const char *const CLOSE[] = {"</nav>", "</aside>", "</footer>", "</div>"};
	for (size_t k = 0; k < sizeof OPEN / sizeof *OPEN; k++) {
		char page[4096];
		snprintf(page, sizeof page,
		         "<html><body>%s"
		         "<p>Our offices in the north take calls from eight in the morning, and "
		         "the branches in the south open later, at ten, on every weekday.</p>"
		         "<p>The helpdesk answers letters within a week, and urgent questions "
		         "by telephone the same day, unless it is a public holiday.</p>"
		         "<p>Parking is free for visitors at every branch, though spaces near "
		         "the entrance are kept for those who need them most.</p>%s"
		         "<section><h1>Plans for every team</h1><p>Start with two seats, "
		         "grow to two hundred, and pay by the month.</p></section>"
		         "</body></html>",
		         OPEN[k], CLOSE[k]);
		wn_result *r = run_as(page, WN_KIND_SERVICE);
		const char *out = r ? wn_result_output(r, NULL) : "";
		CHECK(contains(out, "Plans for every team") && contains(out, "pay by the month"));
		CHECK(!contains(out, "helpdesk"));
		wn_result_free(r);
	}
}

/* <main> is not sectioning content (HTML's outline): a footer in it,
 * outside any article or section, is the page's own, as where a
 * script-built page wraps everything in <main>; a section's footer is
 * the section's.  Both carry a utility class that offsets the tag's
 * hint, so the landmark alone decides. */
TEST(select_region_a_footer_in_main_is_the_pages)
{
	static const char *const PAGE =
		"<html><body><main><h1>Stories this week</h1>"
		"<div><h2><a href=/a>Why the tide tables changed</a></h2><p>by Ana Ruiz, "
		"4 min read</p></div>"
		"<div><h2><a href=/b>A harbour rebuilt in a summer</a></h2><p>by Tom Lee, "
		"6 min read</p></div>"
		"<div><h2><a href=/c>The last ferry of the season</a></h2><p>by Eva Moss, "
		"3 min read</p></div>"
		"<section><h2>Our readers</h2><p>Letters arrive from every port.</p>"
		"<footer class=text-sm><p>Write to the letters desk.</p></footer></section>"
		"<footer class=text-sm><p>(c) 2026 Harbour Weekly. All rights reserved.</p>"
		"<div><span>Careers</span></div><div><span>Cookies</span></div>"
		"<div><span>Sitemap</span></div><div><span>Shareholders</span></div>"
		"</footer></main></body></html>";
	wn_result *r = run_as(PAGE, WN_KIND_LISTING);
	const char *out = r ? wn_result_output(r, NULL) : "";
	CHECK(contains(out, "harbour rebuilt") && contains(out, "letters desk"));
	CHECK(!contains(out, "Shareholders") && !contains(out, "All rights reserved"));
	wn_result_free(r);
}

static int occurrences(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; p && (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* A shop's card says its title in its picture's link, in a heading the
 * style sheet hides and in the one it shows: a reader sees it once.  Two
 * cards of the same title are two products, and both stay. */
TEST(select_records_say_a_card_title_once)
{
	char page[8192] = "<html><body><main><h1>Coffee</h1><ul>";
	static const char *const NAME[] = {"Dark Roast", "Gift Card", "Gift Card", "Decaf Blend"};
	for (int k = 0; k < 4; k++) {
		char card[1024];
		snprintf(card, sizeof card,
		         "<li><div><a href=/p%d><span>%s</span></a><h3>%s</h3></div>"
		         "<div><h3><a href=/p%d>%s</a></h3><p>Regular price $%d.99</p></div></li>",
		         k, NAME[k], NAME[k], k, NAME[k], 12 + k);
		strcat(page, card);
	}
	strcat(page, "</ul></main></body></html>");
	wn_result *r = run_as(page, WN_KIND_COLLECTION);
	const char *out = r ? wn_result_output(r, NULL) : "";
	CHECK(occurrences(out, "Dark Roast") == 1 && occurrences(out, "Decaf Blend") == 1);
	CHECK(occurrences(out, "Gift Card") == 2);
	CHECK(contains(out, "$14.99") && contains(out, "$15.99"));
	wn_result_free(r);
}

/* A card's button can be a heading ("View Details" in an h4 over the
 * picture): said alike by every card, it is the list's template as a
 * plain line would be, while the cards' own headings stay. */
TEST(select_records_drop_a_heading_every_card_says)
{
	char page[8192] = "<html><body><main><h1>Socks</h1><div>";
	static const char *const NAME[] = {"Navy Icon Socks", "Grey Icon Socks", "Tan Icon Socks",
	                                   "Red Crew Socks", "Boyd Socks"};
	for (int k = 0; k < 5; k++) {
		char card[1024];
		snprintf(card, sizeof card,
		         "<div class=card><a href=/p%d><div><h4>View Details</h4></div>"
		         "<h3>%s</h3><p>$%d</p></a></div>",
		         k, NAME[k], 12 + k);
		strcat(page, card);
	}
	strcat(page, "</div></main></body></html>");
	wn_result *r = run_as(page, WN_KIND_COLLECTION);
	const char *out = r ? wn_result_output(r, NULL) : "";
	CHECK(contains(out, "Navy Icon Socks") && contains(out, "Boyd Socks") && contains(out, "$16"));
	CHECK(!contains(out, "View Details"));
	wn_result_free(r);
}

/* A service page's hero "banner" and its "promo" blocks are what it
 * says; on an article such names still mark boilerplate beside the
 * story, and a part named for boilerplate besides ("promo-sidebar") is
 * chrome on a service page too. */
TEST(select_service_keeps_its_banner_and_promo_blocks)
{
	static const char *const PAGE =
		"<html><body><main>"
		"<div class=\"hero-banner\"><p>Bookkeeping that closes your month in a day, "
		"with a named accountant who answers the same afternoon.</p></div>"
		"<section><h1>Plans for every team</h1><p>Start with two seats, grow to two "
		"hundred, and pay by the month without a contract.</p></section>"
		"<div class=\"promo-block\"><h2>Payroll included</h2><p>Payslips, pensions "
		"and filings are run for you every month at no extra cost.</p></div>"
		"<div class=\"promo-sidebar\"><p>Read our latest guide to the new tax "
		"year and what it changes for small firms.</p></div>"
		"</main></body></html>";
	wn_result *r = run_as(PAGE, WN_KIND_SERVICE);
	const char *out = r ? wn_result_output(r, NULL) : "";
	CHECK(contains(out, "closes your month") && contains(out, "Payroll included") &&
	      contains(out, "Payslips"));
	CHECK(!contains(out, "latest guide"));
	wn_result_free(r);
}

/* A form is chrome for what a user does with it; a board that wraps each
 * post's text in an edit-in-place form (a hidden field, no control) keeps
 * the post, short as it is, and a search form beside it still goes. */
TEST(select_region_a_form_without_controls_is_a_wrapper)
{
	char page[8192];
	size_t n = (size_t)snprintf(page, sizeof page,
	                            "<html><body><main><h1>Grown in the lab</h1>"
	                            "<form action=/search><input name=q><button>Search</button>"
	                            "<p>Search this board</p></form><div class=thread>");
	static const char *const POSTS[] = {"Finally some good news.", "Seconded, this is big.",
	                                    "They said so forty years ago.", "Mice again, I see."};
	for (int k = 0; k < 4; k++)
		n += (size_t)snprintf(
			page + n, sizeof page - n,
			"<div class=post><a href=/u/%d>user%d</a> <time>%d hours ago</time>"
			"<form action=/edit><input type=hidden name=id value=%d>"
			"<div class=body><p>%s</p></div></form></div>",
			k, k, k + 1, k, POSTS[k]);
	snprintf(page + n, sizeof page - n, "</div></main></body></html>");
	wn_result *r = run_as(page, WN_KIND_FORUM);
	const char *out = r ? wn_result_output(r, NULL) : "";
	CHECK(contains(out, "Finally some good news.") && contains(out, "Mice again, I see."));
	CHECK(!contains(out, "Search this board"));
	wn_result_free(r);
}

/* On a listing, an entry's linked title is content, but a line of forty
 * short links (a language picker) is a menu. */
TEST(select_listing_keeps_titles_drops_a_picker_of_many_links)
{
	char page[8192];
	size_t n = (size_t)snprintf(page, sizeof page,
	                            "<html><body><main><h1>Open roles</h1>"
	                            "<div class=picker>");
	for (int k = 0; k < 40; k++)
		n += (size_t)snprintf(page + n, sizeof page - n, "<a href=/l/%d>Lang%d</a> ", k, k);
	snprintf(page + n, sizeof page - n,
	         "</div><ul>"
	         "<li><a href=/j/1>Data Engineer</a><p>Leeds, full time</p></li>"
	         "<li><a href=/j/2>Site Reliability Engineer</a><p>Remote, contract</p></li>"
	         "<li><a href=/j/3>Product Designer</a><p>Bristol, part time</p></li>"
	         "</ul></main></body></html>");
	wn_result *r = run_as(page, WN_KIND_LISTING);
	const char *out = r ? wn_result_output(r, NULL) : "";
	CHECK(contains(out, "Data Engineer") && contains(out, "Product Designer"));
	CHECK(!contains(out, "Lang17"));
	wn_result_free(r);
}

TEST(select_small_page_still_gives_its_text)
{
	CHECK_STR(text_of("<p>Test</p>"), "Test\n");
	CHECK_STR(text_of("<a href='/a'>abc</a> <a href='/b'>def</a>"), "abc def\n");
}

/* A carousel clones its slides, a heading and a line each, so that it
 * can loop: a reader sees each slide once.  Pricing tiers share their
 * short features, and each tier keeps them. */
TEST(select_drops_a_cloned_slide_but_not_a_tier_s_features)
{
	char page[8192];
	size_t o = (size_t)snprintf(page, sizeof page, "<body><article>%s<div class=slides>", PROSE);
	static const char *const SLIDE[] = {
		"Colour that lasts", "A screen for the sun", "Power for the day"};
	for (int copy = 0; copy < 2; copy++)
		for (int k = 0; k < 3; k++)
			o += (size_t)snprintf(
				page + o, sizeof page - o,
				"<div class=slide><h3>%s</h3><p>Slide %d of three, "
				"with a line of its own about the tablet, what it "
				"is good for and where it goes with you on a trip.</p></div>",
				SLIDE[k], k + 1);
	o += (size_t)snprintf(page + o, sizeof page - o, "</div>");
	static const char *const TIER[] = {"Basic", "Team", "Business"};
	for (int k = 0; k < 3; k++)
		o += (size_t)snprintf(
			page + o, sizeof page - o,
			"<div class=tier><h3>%s</h3><ul>"
			"<li>Unlimited projects and boards for every member</li>"
			"<li>Email support on every working day of the year</li>"
			"<li>Daily backups kept for thirty days, and restored</li>"
			"</ul></div>",
			TIER[k]);
	snprintf(page + o, sizeof page - o, "</article></body>");
	const char *t = text_of(page);
	CHECK(occurrences(t, "A screen for the sun") == 1 && occurrences(t, "Slide 2 of three") == 1);
	CHECK(occurrences(t, "Daily backups kept") == 3 && contains(t, "Business"));
}

/* An API reference gives a shared parameter, its name and its meaning,
 * under every call that takes it: on a manual's page each stays. */
TEST(select_docs_keep_a_parameter_under_each_call)
{
	char page[4096];
	size_t o = (size_t)snprintf(page, sizeof page, "<html><body><main><h1>Charges</h1>");
	static const char *const CALL[] = {"Create a charge", "Update a charge"};
	for (int k = 0; k < 2; k++)
		o += (size_t)snprintf(
			page + o, sizeof page - o,
			"<section><h2>%s</h2><p>Call %d of the reference, with the "
			"parameters it takes listed below.</p><div><h3>metadata</h3>"
			"<p>Set of key-value pairs that you can attach to an object, "
			"to store more about it in a structured format, and read it back "
			"later with the object itself.</p></div>"
			"<pre><code>curl https://api.example.com/v1/charges/%d</code>"
			"</pre></section>",
			CALL[k], k + 1, k);
	snprintf(page + o, sizeof page - o, "</main></body></html>");
	wn_result *r = run_as(page, WN_KIND_DOCUMENTATION);
	const char *out = r ? wn_result_output(r, NULL) : "";
	CHECK(occurrences(out, "Set of key-value pairs") == 2);
	wn_result_free(r);
}

/* A category page's description is one paragraph over its grid of
 * cards (a title and a rating each, all links): the paragraph is the
 * page's intro, not an article to give alone.  A paragraph that a
 * sibling as good joins is an article's start. */
static wn__doc *intro_page(const char *beside)
{
	char page[16384];
	size_t o = (size_t)snprintf(
		page, sizeof page,
		"<body><div id=page><div class=intro><p>I love a meal with crunch, and "
		"these recipes deliver: perfectly cooked chicken, the crispiest vegetables, "
		"and quick snacks for the evenings when there is no time to cook, all made "
		"in the air fryer on the counter, and most of them in under half an hour "
		"from start to finish. Start with the wings, which everyone asks for "
		"again, then try the tofu, which converts those who say they do not like "
		"tofu, and finish with the fries.</p>%s</div>",
		beside);
	for (int k = 0; k < 30; k++)
		o += (size_t)snprintf(page + o, sizeof page - o,
		                      "<div class=card><a href=/r%d>Recipe number %d, crisp and "
		                      "quick</a><a href=/r%d#reviews>%d reviews / 4.%d "
		                      "average</a></div>",
		                      k, k, k, 10 + k, k % 10);
	snprintf(page + o, sizeof page - o, "</div></body>");
	return doc_of(page, 0);
}

TEST(select_a_lone_intro_paragraph_is_no_article)
{
	wn__doc *d = intro_page("");
	wn__select_judge(d);
	CHECK(d->nodes[d->article].tag == GUMBO_TAG_P);
	CHECK(!d->has_article);
	doc_free(d);
	/* here the intro's box holds the links to share it too, so that the
	 * paragraph is the best subtree still, and its sibling joins it */
	char beside[4096];
	size_t o = (size_t)snprintf(
		beside, sizeof beside,
		"<p>The wings are the place to begin: everyone asks for "
		"them again, and the tofu converts those who say they do "
		"not like tofu, while the fries go with everything on "
		"this page, and the salmon is done in ten minutes.</p>");
	for (int k = 0; k < 24; k++)
		o += (size_t)snprintf(beside + o, sizeof beside - o,
		                      "<div><a href=/share%d>Share this page %d</a></div>", k, k);
	d = intro_page(beside);
	wn__select_judge(d);
	CHECK(d->has_article);
	doc_free(d);
}

/* A ticker repeats one short phrase, each copy an element, so that it
 * can scroll without a gap: a reader sees the phrase, not a paragraph of
 * it.  Verse and chants that repeat a line a few times stay. */
TEST(select_drops_a_ticker_of_one_phrase_over_and_over)
{
	char page[4096];
	size_t o = (size_t)snprintf(page, sizeof page, "<body><article>%s<div class=marquee>", PROSE);
	for (int k = 0; k < WN__TICKER_TIMES; k++)
		o += (size_t)snprintf(page + o, sizeof page - o, "<span>Book now *</span>");
	snprintf(page + o, sizeof page - o,
	         "</div><p>Row, row, row your boat, gently down "
	         "the stream; merrily, merrily, merrily, merrily, life is but a dream.</p>"
	         "</article></body>");
	const char *t = text_of(page);
	CHECK(contains(t, "Volunteers filled sandbags"));
	CHECK(!contains(t, "Book now"));
	CHECK(contains(t, "merrily, merrily, merrily, merrily"));
	/* fewer times is a line of text */
	o = (size_t)snprintf(page, sizeof page, "<body><article>%s<div class=marquee>", PROSE);
	for (int k = 0; k < WN__TICKER_TIMES - 1; k++)
		o += (size_t)snprintf(page + o, sizeof page - o, "<span>Book now *</span>");
	snprintf(page + o, sizeof page - o, "</div></article></body>");
	CHECK(contains(text_of(page), "Book now *Book now"));
	/* one text said over and over, not copies of an element, is text */
	o = (size_t)snprintf(page, sizeof page, "<body><article>%s<p>", PROSE);
	for (int k = 0; k < 2 * WN__TICKER_TIMES; k++)
		o += (size_t)snprintf(page + o, sizeof page - o, "lorem ipsum dolor ");
	snprintf(page + o, sizeof page - o, "</p></article></body>");
	CHECK(contains(text_of(page), "lorem ipsum dolor lorem"));
	/* copies followed by more text are not a ticker, however many */
	o = (size_t)snprintf(page, sizeof page, "<body><article>%s<p>", PROSE);
	for (int k = 0; k < 100; k++) /* 200 words of copies, then a sentence */
		o += (size_t)snprintf(page + o, sizeof page - o, "<span>Book now *</span>");
	snprintf(page + o, sizeof page - o,
	         "<span>and then the council met again.</span></p>"
	         "</article></body>");
	CHECK(contains(text_of(page), "the council met again"));
}

/* A ticker long enough to outweigh the article beside it is no
 * candidate for the article: it is chrome before the article is chosen,
 * not dropped after, which left the page with nothing. */
TEST(select_a_long_ticker_does_not_win_the_article)
{
	size_t cap = 200000, o = 0;
	char *page = malloc(cap);
	CHECK(page != NULL);
	if (!page)
		return;
	o += (size_t)snprintf(page + o, cap - o, "<body><div class=marquee>");
	for (int k = 0; k < 2000; k++)
		o += (size_t)snprintf(page + o, cap - o, "<span>Breaking: markets rally.</span> ");
	snprintf(page + o, cap - o, "</div><article>%s</article></body>", PROSE);
	const char *t = text_of(page);
	CHECK(contains(t, "Volunteers filled sandbags"));
	CHECK(!contains(t, "markets rally"));
	free(page);
}

/* The guard skips a noscript's text before the parse; a page that yields
 * almost nothing is read again whole, so that recovery still finds it. */
TEST(recovery_reads_noscript_text_the_guard_skipped)
{
	const char *t = text_of(
		"<body><div id=app>Loading</div><noscript>"
		"The river rose through the night, and by morning "
		"the lower fields were under water, which the "
		"farmers had expected since the autumn rains began "
		"in earnest.  Volunteers filled sandbags at the "
		"village hall, while the council sent pumps."
		"</noscript>");
	CHECK(contains(t, "Loading"));
	CHECK(contains(t, "Volunteers filled sandbags"));
}

/* A page its script fills leaves only its chrome's labels, or a notice
 * asking for JavaScript: that is no content, and recovery reads the
 * page's description instead, or there is none. */
#define SHOP_FOOTER                                                                 \
	"<footer><dl><dt><h5>Help</h5></dt><dd><a href=/h>Help Centre</a>, "        \
	"<a href=/d>Disputes and Reports</a>, <a href=/r>Returns and Refunds</a>, " \
	"<a href=/c>Contact us</a></dd></dl><dl><dt><h5>Browse by Category</h5>"    \
	"</dt><dd><a href=/a>Home and Garden</a>, <a href=/b>Phones and "           \
	"Accessories</a>, <a href=/e>Consumer Electronics</a></dd></dl></footer>"
TEST(select_chrome_left_by_a_script_is_no_content)
{
	wn_result *r = run("<head><meta name=description content=\"Walnut desks, made "
	                   "to order.\"></head><body><div id=app></div>" SHOP_FOOTER,
	                   WN_FORMAT_TEXT);
	CHECK_STR(wn_result_output(r, NULL), "Walnut desks, made to order.\n");
	wn_result_free(r);
	static const char *const NONE[] = {
		"<body><div id=app></div>" SHOP_FOOTER,
		"<body><noscript>You need to enable JavaScript to run this app.</noscript>"
		"<div id=root></div>",
	};
	for (size_t k = 0; k < sizeof NONE / sizeof *NONE; k++) {
		wn_options o;
		wn_options_init(&o, sizeof o);
		r = NULL;
		CHECK(wn_extract(NONE[k], strlen(NONE[k]), &o, &r) == WN_NO_CONTENT);
		CHECK_STR(wn_result_output(r, NULL), "");
		wn_result_free(r);
	}
	/* a grid's names and prices are content, and so is a page of links
	 * and nothing else */
	CHECK(contains(text_of("<body><div id=app><h3><a href=/p/1>Walnut Desk</a></h3>"
	                       "<p>$599</p></div>" SHOP_FOOTER),
	               "Walnut Desk"));
	CHECK_STR(text_of("<a href='javascript:'><p>abc</p><p>def</p> ghi</a>"),
	          "abc\n\ndef\n\nghi\n");
	/* a heading that names JavaScript is no notice asking for it */
	CHECK(contains(text_of("<body><main><h1>JavaScript: The Good Parts</h1><p>Paperback, "
	                       "by Douglas Crockford.</p></main>" SHOP_FOOTER),
	               "JavaScript: The Good Parts"));
}

/* A streamed page: its content in a hidden wrapper at the body's top
 * that a script shows, the visible part only its menus. */
TEST(recovery_reads_a_streamed_wrapper_beside_visible_chrome)
{
	char page[32768] = "<body><div><ul>";
	for (int k = 0; k < 30; k++)
		strcat(page, "<li><a href=/p>Product and platform</a></li>");
	strcat(page, "</ul></div><div hidden id=\"S:0\"><h1>Tuning slow queries</h1>");
	for (int k = 0; k < 32; k++)
		strcat(page, PROSE);
	strcat(page, "</div><script>reveal('S:0')</script>");
	const char *t = text_of(page);
	CHECK(contains(t, "worst flood since the winter of 1947"));
	CHECK(!contains(t, "Product and platform"));
	/* a small streamed part under content already shown is not read */
	CHECK(!contains(text_of("<body><main><h1>Flood</h1>" PROSE PROSE "</main>"
	                        "<div hidden id=S:1><p>Customers also bought these twelve "
	                        "other umbrellas and boots.</p></div>"),
	                "umbrellas"));
}

/* A page streamed in parts (React's segments): each section a small
 * hidden element at the body's top, moved into place by a script.  Shown
 * when the page gave almost nothing; a dialog hidden by its style is not
 * one of them. */
TEST(recovery_shows_a_page_streamed_in_small_parts)
{
	char page[8192] = "<body><main><template id=B:0></template><template id=B:1>"
			  "</template></main><footer><p>(c) Cloudworks 2026</p></footer>"
			  "<div style=\"display:none\"><p>Access denied: you need an "
			  "account with this store to see the page you asked for.</p></div>";
	static const char *const parts[] = {
		"<h1>Deploy in minutes</h1><p>Connect a repository and every push is "
		"built, tested and released behind a preview link, with no servers to "
		"keep and no pipeline to write.</p>",
		"<h2>Databases that scale</h2><p>Managed Postgres with daily backups, "
		"point-in-time recovery and read replicas in every region, sized from a "
		"hobby project to a fleet.</p>",
		"<h2>Previews for every change</h2><p>Each pull request gets its own "
		"copy of the whole stack, seeded with data, so reviewers try a change "
		"before it merges.</p>",
		"<h2>Pricing that stays simple</h2><p>Pay for what runs, by the second, "
		"with a free tier for side projects and limits you set so that a bill "
		"never surprises you.</p>",
		"<h2>Support from engineers</h2><p>Questions go to the people who run "
		"the platform, who answer within the hour on weekdays and stay with a "
		"problem until it is solved.</p>",
		"<h2>Start today</h2><p>Sign up with an email address, bring a project "
		"you already have, and see it live on its own address before your "
		"coffee has gone cold.</p>",
	};
	for (int k = 0; k < 6; k++) {
		char part[640];
		snprintf(part, sizeof part,
		         "<div hidden id=S:%d>%s<p>Part %d of the tour ends "
		         "here, with a link to the guide that covers it step by step.</p></div>"
		         "<script>$RC('B:%d','S:%d')</script>",
		         k, parts[k], k + 1, k, k);
		strcat(page, part);
	}
	const char *t = text_of(page);
	CHECK(contains(t, "Managed Postgres with daily backups"));
	CHECK(contains(t, "a bill never surprises you"));
	CHECK(!contains(t, "Access denied"));
	/* beside a large wrapper that gives the page, they are its panels */
	char big[16384] = "<body><div hidden id=S:0><h1>Tuning slow queries</h1>";
	for (int k = 0; k < 8; k++)
		strcat(big, PROSE);
	strcat(big, "</div><div hidden id=S:1><p>Customers also bought these twelve other "
	            "umbrellas, boots and coats for the winter ahead of us all.</p></div>");
	t = text_of(big);
	CHECK(contains(t, "worst flood since the winter of 1947"));
	CHECK(!contains(t, "umbrellas"));
}

/* The article mode gives way to the region's reading when its article
 * keeps little of the page's text (testdata/service-feature-stack: a
 * landing page cut to one section): an article beside a section of
 * teasers and a long comment hinted as one keeps nearly all the text
 * that counts, and stays an article. */
TEST(select_keeps_an_article_that_holds_the_page_s_text)
{
	const char *t = text_of(
		"<body><article><h1>Flood</h1>" PROSE PROSE "</article><section><h2>More"
		"</h2><p>Read the other stories from the valley that the paper ran "
		"this winter: the farmer who lost a herd, the bridge that held, "
		"and the school that fed the lane for a week.</p></section>"
		"<ul class=menu><li><a href=/a>News</a></li><li><a href=/b>Sport"
		"</a></li><li><a href=/c>Weather</a></li><li><a href=/d>Valley"
		"</a></li><li><a href=/e>Letters</a></li><li><a href=/f>Archive"
		"</a></li></ul><div class=comments><p>I was there that "
		"night, and the water came up the lane faster than anyone in the "
		"village had thought it could, so we carried the chickens upstairs "
		"and waited for the boats that came at dawn, when the rain had "
		"stopped at last and the valley lay under a grey lake.</p>"
		"<p>We lost the barn and the orchard, but nobody in our row was "
		"hurt, and the school fed us for a week while the houses dried out, "
		"which I will not forget as long as I live in this valley.</p>"
		"</div></body>");
	CHECK(contains(t, "worst flood since the winter of 1947"));
	CHECK(!contains(t, "other stories from the valley"));
	CHECK(!contains(t, "carried the chickens upstairs"));
}

/* Tabs (WAI-ARIA): a panel not shown is one click away, content; a
 * hidden menu is not. */
TEST(clean_keeps_hidden_tab_panels)
{
	const char *t = text_of(
		"<body><main><h1>Plans</h1><div role=tablist><button role=tab>"
		"Monthly</button><button role=tab>Yearly</button></div>"
		"<div role=tabpanel>" PROSE "</div><div role=tabpanel hidden>"
		"<p>Paid yearly, the plan costs two months less, and the "
		"price holds for as long as you keep it.</p></div>"
		"<ul hidden><li><a href=/x>Sign in to your account</a></li></ul></main>");
	CHECK(contains(t, "worst flood since the winter of 1947"));
	CHECK(contains(t, "Paid yearly, the plan costs two months less"));
	CHECK(!contains(t, "Sign in to your account"));
}

TEST(select_title_heading_leaves_however_framed)
{
	const char *t = text_of("<title>Gazette - The Flood of the Year</title>"
	                        "<article><h1>The Flood of the Year</h1>" PROSE
	                        "<h2>Aftermath</h2>" PROSE "</article>");
	CHECK(!contains(t, "The Flood of the Year"));
	CHECK(contains(t, "Aftermath"));
}

TEST(extract_empty_and_blank_input_is_no_content)
{
	wn_result *r = NULL;
	wn_options o;
	wn_options_init(&o, sizeof o);
	CHECK(wn_extract("", 0, &o, &r) == WN_NO_CONTENT);
	CHECK(r != NULL && wn_result_output(r, NULL)[0] == 0);
	wn_result_free(r);
	r = NULL;
	CHECK(wn_extract("  \n\t ", 5, NULL, &r) == WN_NO_CONTENT);
	wn_result_free(r);
	CHECK(wn_extract("x", 1, NULL, NULL) == WN_EINVAL);
	/* only characters no reader sees: no content either */
	const char *zw = "<p>\xe2\x80\x8b\xe2\x80\x8b</p>";
	r = NULL;
	CHECK(wn_extract(zw, strlen(zw), NULL, &r) == WN_NO_CONTENT);
	CHECK(r != NULL && wn_result_output(r, NULL)[0] == 0);
	wn_result_free(r);
}

TEST(extract_refuses_input_over_max_bytes)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.max_bytes = 4;
	wn_result *r = (wn_result *)&o; /* must be reset to NULL */
	CHECK(wn_extract("<p>too long</p>", 15, &o, &r) == WN_EINPUT);
	CHECK(r == NULL);
}

int main(void)
{
	RUN(text_inline_elements_neither_break_nor_glue);
	RUN(text_blocks_are_paragraphs_split_by_one_blank_line);
	RUN(text_whitespace_collapses_as_a_browser_does);
	RUN(text_br_is_a_line_break);
	RUN(text_list_items_one_per_line);
	RUN(text_table_rows_one_per_line_cells_by_tab);
	RUN(text_cells_keep_words_apart_on_one_line);
	RUN(text_pre_keeps_whitespace_and_drops_leading_newline);
	RUN(text_layout_cells_are_paragraphs);
	RUN(text_entities_are_decoded);
	RUN(clean_drops_what_is_never_content);
	RUN(clean_keeps_formulas_hidden_for_accessibility);
	RUN(clean_hints_match_whole_words_not_substrings);
	RUN(clean_roles_and_tags_are_evidence);
	RUN(blocks_split_at_block_elements_not_inline_ones);
	RUN(blocks_count_cjk_characters_as_words);
	RUN(blocks_kind_follows_the_container);
	RUN(score_running_text_beats_links_and_labels);
	RUN(score_long_runs_without_words_are_not_text);
	RUN(select_keeps_the_article_and_drops_the_page_around_it);
	RUN(select_drops_comments_beside_the_post);
	RUN(select_drops_teaser_lists_inside_the_article);
	RUN(select_article_keeps_a_linked_sentence_in_its_list);
	RUN(select_article_reads_a_data_table_whole);
	RUN(select_article_takes_a_sibling_paragraph_of_prose);
	RUN(select_article_beside_a_stream_of_teasers);
	RUN(select_listing_page_gives_teasers_and_says_so);
	RUN(select_region_landmarks_are_chrome_whatever_their_size);
	RUN(select_region_a_footer_in_main_is_the_pages);
	RUN(select_records_say_a_card_title_once);
	RUN(select_records_drop_a_heading_every_card_says);
	RUN(select_drops_a_cloned_slide_but_not_a_tier_s_features);
	RUN(select_a_lone_intro_paragraph_is_no_article);
	RUN(select_docs_keep_a_parameter_under_each_call);
	RUN(select_service_keeps_its_banner_and_promo_blocks);
	RUN(select_region_a_form_without_controls_is_a_wrapper);
	RUN(select_listing_keeps_titles_drops_a_picker_of_many_links);
	RUN(select_small_page_still_gives_its_text);
	RUN(select_drops_a_ticker_of_one_phrase_over_and_over);
	RUN(select_a_long_ticker_does_not_win_the_article);
	RUN(recovery_reads_noscript_text_the_guard_skipped);
	RUN(select_chrome_left_by_a_script_is_no_content);
	RUN(clean_keeps_hidden_tab_panels);
	RUN(recovery_reads_a_streamed_wrapper_beside_visible_chrome);
	RUN(recovery_shows_a_page_streamed_in_small_parts);
	RUN(select_keeps_an_article_that_holds_the_page_s_text);
	RUN(select_title_heading_leaves_however_framed);
	RUN(extract_empty_and_blank_input_is_no_content);
	RUN(extract_refuses_input_over_max_bytes);
	text_of("");
	return harness_done();
}
