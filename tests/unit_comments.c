/*
 * unit_comments.c -- the comments option through the public interface:
 * each comment's author, date and text from the section under an article,
 * none from a forum thread or with the option off, the body without
 * them, and the comment section after the body in text and Markdown.
 * Also the favor option's range.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "winnow.h"

/* An article, then a section of comments as a news site writes one: no
 * class names that say "comment", only its heading and its structure. */
static const char NEWS[] =
	"<html><head><title>Ferry fares to rise in May</title></head><body>"
	"<main><article><h1>Ferry fares to rise in May</h1>"
	"<p>Fares on the island ferry will rise by six per cent from the first "
	"of May, the operator said on Monday, blaming the cost of fuel and a "
	"shortage of crew that has cancelled dozens of sailings this winter.</p>"
	"<p>Season tickets bought before the end of April will be honoured at "
	"the old price, and children under five will still travel free on every "
	"route, the company said in a statement to passengers.</p>"
	"<p>Islanders' groups said the rise would hit commuters hardest and asked "
	"the council to step in with a discount for residents.</p></article>"
	"<section class=\"talk\"><h2>Reader comments (2)</h2><ol>"
	"<li class=\"talk-item\"><div class=\"talk-head\"><b class=\"talk-name\">"
	"Morag</b> <span>3 April 2023, 09:12</span></div><p>Six per cent on top "
	"of last year's rise is too much for those of us who cross every day.</p>"
	"<a href=\"#r1\">Reply</a></li>"
	"<li class=\"talk-item\"><div class=\"talk-head\"><b class=\"talk-name\">"
	"Ian &amp; Sue</b> <span>3 April 2023, 11:40</span></div><p>Fuel has gone "
	"up for everyone, the operator is hardly alone in this one.</p>"
	"<a href=\"#r2\">Reply</a></li>"
	"</ol></section></main></body></html>";

static wn_result *extract(const char *page, int comments, wn_format f)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.comments = comments;
	o.format = f;
	wn_result *r = NULL;
	wn_status st = wn_extract(page, strlen(page), &o, &r);
	CHECK(st == WN_OK);
	return r;
}

TEST(comments_have_author_date_and_text)
{
	wn_result *r = extract(NEWS, 1, WN_FORMAT_TEXT);
	size_t n = 99;
	const wn_comment *c = wn_result_comments(r, &n);
	CHECK(n == 2);
	if (n == 2) {
		CHECK_STR(c[0].author, "Morag");
		CHECK(c[0].date && !strncmp(c[0].date, "2023-04-03", 10));
		CHECK_STR(c[0].text, "Six per cent on top of last year's rise is too much "
		                     "for those of us who cross every day.");
		CHECK_STR(c[1].author, "Ian & Sue");
		CHECK(c[1].date && !strncmp(c[1].date, "2023-04-03T11:40", 16));
		CHECK(c[1].text && !strstr(c[1].text, "Reply"));
	}
	wn_result_free(r);
}

TEST(comments_follow_the_body_not_inside_it)
{
	wn_result *r = extract(NEWS, 1, WN_FORMAT_TEXT);
	const char *out = wn_result_output(r, NULL);
	const char *head = strstr(out, "\n\nComments\n\nMorag, 2023-04-03");
	const char *body = strstr(out, "Islanders' groups");
	CHECK(head && body && body < head);
	/* once only: the body no longer holds what the section holds */
	const char *first = strstr(out, "Six per cent");
	CHECK(first && first > head && !strstr(first + 1, "Six per cent"));
	wn_result_free(r);

	r = extract(NEWS, 1, WN_FORMAT_MARKDOWN);
	out = wn_result_output(r, NULL);
	CHECK(strstr(out, "\n\n## Comments\n\n**Morag**, 2023-04-03") != NULL);
	CHECK(strstr(out, "**Ian \\& Sue**") != NULL); /* escaped as Markdown */
	wn_result_free(r);
}

TEST(off_by_default)
{
	wn_result *r = extract(NEWS, 0, WN_FORMAT_TEXT);
	size_t n = 99;
	CHECK(wn_result_comments(r, &n) == NULL && n == 0);
	CHECK(!strstr(wn_result_output(r, NULL), "\nComments\n"));
	wn_result_free(r);
	n = 99;
	CHECK(wn_result_comments(NULL, &n) == NULL && n == 0);
}

TEST(json_lists_them_only_when_asked)
{
	wn_result *r = extract(NEWS, 1, WN_FORMAT_JSON);
	const char *out = wn_result_output(r, NULL);
	CHECK(strstr(out, "\"comments\":[{\"author\":\"Morag\",\"date\":\"2023-04-03") != NULL);
	CHECK(!strstr(out, "\"text\":\"Fares on the island ferry will rise by six per cent "
	                   "from the first of May, the operator said on Monday, blaming "
	                   "the cost of fuel and a shortage of crew that has cancelled "
	                   "dozens of sailings this winter.\\n\\nSeason tickets bought "
	                   "before the end of April will be honoured at the old price, "
	                   "and children under five will still travel free on every "
	                   "route, the company said in a statement to passengers.\\n\\n"
	                   "Islanders' groups said the rise would hit commuters hardest "
	                   "and asked the council to step in with a discount for "
	                   "residents.\\n\\nMorag"));
	wn_result_free(r);
	r = extract(NEWS, 0, WN_FORMAT_JSON);
	CHECK(!strstr(wn_result_output(r, NULL), "\"comments\""));
	wn_result_free(r);
}

/* A forum thread: its posts, each with author, date and text, are the
 * content, not comments. */
TEST(none_on_a_thread)
{
	char page[8192];
	size_t o = (size_t)snprintf(
		page, sizeof page,
		"<html><head><title>Best way to store seed potatoes?</title></head>"
		"<body><h1>Best way to store seed potatoes?</h1><div id=\"comments\">");
	static const char *const WHO[] = {"spudlover", "gardener_al", "Jen W", "mike.h"};
	static const char *const SAID[] = {
		"I keep mine in egg boxes in a cool shed, out of the light, and check "
		"them every week or so for any that have gone soft.",
		"A paper sack in the garage works for me, as long as the frost cannot "
		"get at them. Never use plastic bags, they sweat and rot.",
		"Chit them on a windowsill from February onwards; before that, a dark "
		"cupboard in a spare room has always been fine in our house.",
		"Whatever you do, keep them away from apples. The gas they give off "
		"makes the tubers sprout far too early in the season.",
	};
	for (int k = 0; k < 4; k++)
		o += (size_t)snprintf(page + o, sizeof page - o,
		                      "<div class=\"post\"><span class=\"author\">%s</span> "
		                      "<time datetime=\"2023-02-0%dT10:00:00Z\">%d Feb 2023</time>"
		                      "<p>%s</p></div>",
		                      WHO[k], k + 1, k + 1, SAID[k]);
	snprintf(page + o, sizeof page - o, "</div></body></html>");
	wn_options opt;
	wn_options_init(&opt, sizeof opt);
	opt.comments = 1;
	opt.kind = WN_KIND_FORUM;
	wn_result *r = NULL;
	CHECK(wn_extract(page, strlen(page), &opt, &r) == WN_OK);
	size_t n = 99;
	wn_result_comments(r, &n);
	CHECK(n == 0);
	CHECK(strstr(wn_result_output(r, NULL), "egg boxes") != NULL);
	wn_result_free(r);
}

TEST(favor_out_of_range_is_refused)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	CHECK(o.favor == WN_FAVOR_BALANCED && o.comments == 0);
	o.favor = WN_FAVOR_COUNT;
	wn_result *r = NULL;
	CHECK(wn_extract(NEWS, strlen(NEWS), &o, &r) == WN_EINVAL && r == NULL);
	o.favor = WN_FAVOR_PRECISION;
	CHECK(wn_extract(NEWS, strlen(NEWS), &o, &r) == WN_OK);
	wn_result_free(r);
}

int main(void)
{
	RUN(comments_have_author_date_and_text);
	RUN(comments_follow_the_body_not_inside_it);
	RUN(off_by_default);
	RUN(json_lists_them_only_when_asked);
	RUN(none_on_a_thread);
	RUN(favor_out_of_range_is_refused);
	return harness_done();
}
