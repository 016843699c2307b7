/*
 * unit_metadata.c -- the metadata stage and its output through the public
 * API: each source, which source wins when they disagree, broken and
 * absent metadata, date formats, byline removal from the body, the JSON
 * object (parsed back with jansson) and the YAML / text headers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "harness.h"
#include "winnow.h"

/* The last result, freed by the next call (and at the end). */
static wn_result *last;

static wn_result *extract(const char *html, wn_format fmt, const char *url)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.format = fmt;
	o.url = url;
	wn_result_free(last);
	last = NULL;
	wn_status st = wn_extract(html, strlen(html), &o, &last);
	if (st != WN_OK && st != WN_NO_CONTENT)
		fprintf(stderr, "  wn_extract: %s\n", wn_status_string(st));
	return last;
}

static const wn_metadata *meta(const char *html)
{
	return wn_result_metadata(extract(html, WN_FORMAT_TEXT, NULL));
}

static const char *body(const char *html)
{
	return wn_result_output(extract(html, WN_FORMAT_TEXT, NULL), NULL);
}

/* An article body long enough to be the page's content. */
#define PARAS                                                                 \
	"<p>The council met on Tuesday evening to discuss the plans for the " \
	"new footbridge, which would link the two halves of the park across " \
	"the river for the first time since the old bridge was closed.</p>"   \
	"<p>Several residents spoke in favour, saying that the walk around "  \
	"by the road bridge took too long, especially for older people and "  \
	"for parents with young children, and that the path was unsafe.</p>"  \
	"<p>Others worried about the cost, which the engineers put at just "  \
	"under two million, and asked whether the money might be better "     \
	"spent on repairing the paths that the park already has.</p>"

#define PAGE(head, bodyhtml)                                                                \
	"<!DOCTYPE html><html><head><meta charset=\"utf-8\">" head "</head><body>" bodyhtml \
	"</body></html>"

#define ARTICLE(extra) "<article><h1>Footbridge plan goes to council</h1>" extra PARAS "</article>"

/* ---- JSON-LD ---- */

TEST(jsonld_article)
{
	const wn_metadata *m = meta(PAGE(
		"<script type=\"application/ld+json\">"
		"{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
		"\"headline\":\"Footbridge plan goes to council\","
		"\"author\":{\"@type\":\"Person\",\"name\":\" Mira Holt \"},"
		"\"publisher\":{\"@type\":\"Organization\",\"name\":\"Park Gazette\"},"
		"\"datePublished\":\"2021-03-02T18:30:00Z\","
		"\"dateModified\":\"2021-03-03\","
		"\"description\":\"Residents split over the cost.\","
		"\"image\":[\"https://img.example/a.jpg\",\"https://img.example/b.jpg\"],"
		"\"keywords\":\"bridges, parks,  council\","
		"\"articleSection\":[\"Local\",\"Politics\"]}"
		"</script>",
		ARTICLE("")));
	CHECK_STR(m->title, "Footbridge plan goes to council");
	CHECK_STR(m->author, "Mira Holt");
	CHECK_STR(m->sitename, "Park Gazette");
	CHECK_STR(m->date, "2021-03-02T18:30:00Z");
	CHECK_STR(m->modified, "2021-03-03");
	CHECK_STR(m->description, "Residents split over the cost.");
	CHECK_STR(m->image, "https://img.example/a.jpg");
	CHECK(m->n_tags == 3);
	if (m->n_tags == 3) {
		CHECK_STR(m->tags[0], "bridges");
		CHECK_STR(m->tags[2], "council");
	}
	CHECK(m->n_categories == 2);
	if (m->n_categories == 2)
		CHECK_STR(m->categories[1], "Politics");
}

TEST(jsonld_graph_and_ids)
{
	const wn_metadata *m = meta(PAGE(
		"<script type=\"application/ld+json\">"
		"{\"@context\":\"https://schema.org\",\"@graph\":["
		"{\"@type\":\"WebSite\",\"@id\":\"#site\",\"name\":\"Site Name\"},"
		"{\"@type\":\"Organization\",\"@id\":\"#org\",\"name\":\"Park Gazette Ltd\"},"
		"{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Mira Holt\"},"
		"{\"@type\":\"WebPage\",\"@id\":\"#page\",\"name\":\"Page name\"},"
		"{\"@type\":[\"Thing\",\"BlogPosting\"],\"headline\":\"Graph headline\","
		"\"author\":[{\"@id\":\"#p1\"},\"Jon Reyes\",{\"name\":\"Mira Holt\"}],"
		"\"publisher\":{\"@id\":\"#org\"},"
		"\"image\":{\"@type\":\"ImageObject\",\"url\":\"/img/lead.jpg\"}}"
		"]}</script>",
		ARTICLE("")));
	CHECK_STR(m->title, "Graph headline");
	CHECK_STR(m->author, "Mira Holt, Jon Reyes"); /* each name once */
	CHECK_STR(m->sitename, "Park Gazette Ltd");
	CHECK_STR(m->image, "/img/lead.jpg");
}

TEST(jsonld_array_top_level_and_cdata)
{
	const wn_metadata *m = meta(PAGE(
		"<script type=\"application/ld+json\">//<![CDATA[\n"
		"[{\"@type\":\"BreadcrumbList\",\"name\":\"Crumbs\"},"
		"{\"@type\":\"Article\",\"name\":\"Array article\","
		"\"author\":{\"@type\":\"Person\",\"name\":\"Ana Lind\"}}]\n//]]></script>",
		ARTICLE("")));
	CHECK_STR(m->title, "Array article");
	CHECK_STR(m->author, "Ana Lind");
}

TEST(jsonld_broken_is_skipped)
{
	const wn_metadata *m = meta(PAGE(
		"<script type=\"application/ld+json\">{\"@type\":\"Article\","
		"\"headline\":\"Broken\",}</script>"
		"<script type=\"application/ld+json\">{\"@type\": [</script>"
		"<script type=\"application/ld+json\"></script>"
		"<meta property=\"og:title\" content=\"From OpenGraph\">",
		ARTICLE("")));
	CHECK_STR(m->title, "From OpenGraph");
	CHECK(m->author == NULL);
}

/* Line breaks and tabs printed raw into a string (a description pasted
 * with its paragraphs) are read as spaces, not as broken JSON. */
TEST(jsonld_raw_line_breaks_in_strings)
{
	const wn_metadata *m = meta(PAGE(
		"<script type=\"application/ld+json\">{\n\t\"@type\": \"DiscussionForumPosting\",\n"
		"\t\"headline\": \"Raw breaks\",\n"
		"\t\"description\": \"First line.\n\nSecond\tline.\",\n"
		"\t\"datePublished\": \"2024-02-21 13:00:00\",\n"
		"\t\"author\": {\"@type\": \"Person\", \"name\": \"Lee Park\"}\n}</script>",
		ARTICLE("")));
	CHECK_STR(m->author, "Lee Park");
	CHECK(m->date != NULL && !strncmp(m->date, "2024-02-21", 10));
	CHECK_STR(m->description, "First line. Second line.");
}

TEST(jsonld_nesting_is_bounded)
{
	/* An article 40 levels down is past the walk's 32; a page nested
	 * much deeper than that must neither crash nor be slow. */
	char *html = malloc(1 << 20);
	size_t o = 0;
	o += (size_t)sprintf(html + o, "<html><head><script type=\"application/ld+json\">");
	for (int k = 0; k < 40; k++)
		o += (size_t)sprintf(html + o, "[");
	o += (size_t)sprintf(html + o, "{\"@type\":\"Article\",\"headline\":\"Deep\"}");
	for (int k = 0; k < 40; k++)
		o += (size_t)sprintf(html + o, "]");
	o += (size_t)sprintf(html + o, "</script><script type=\"application/ld+json\">");
	for (int k = 0; k < 100000; k++)
		html[o++] = '[';
	o += (size_t)sprintf(html + o, "</script><title>Shallow title words here</title>"
	                               "</head><body>" PARAS "</body></html>");
	html[o] = 0;
	const wn_metadata *m = meta(html);
	CHECK_STR(m->title, "Shallow title words here");
	free(html);
}

TEST(jsonld_name_or_headline)
{
	/* Readability.js's rule: a site that puts its own name in "name"
	 * gets its headline used when only that resembles the <title>. */
	const wn_metadata *m = meta(PAGE(
		"<title>Footbridge plan goes to council - Park Gazette</title>"
		"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
		"\"name\":\"Park Gazette\",\"headline\":\"Footbridge plan goes to council\"}"
		"</script>",
		ARTICLE("")));
	CHECK_STR(m->title, "Footbridge plan goes to council");
}

/* ---- which source wins ---- */

TEST(title_order)
{
	const wn_metadata *m = meta(PAGE(
		"<title>Title element text here</title>"
		"<meta name=\"twitter:title\" content=\"Twitter title\">"
		"<meta property=\"og:title\" content=\"OpenGraph title\">"
		"<meta name=\"DC.title\" content=\"Dublin Core title\">",
		ARTICLE("")));
	CHECK_STR(m->title, "Dublin Core title");
	m = meta(PAGE("<title>Title element text here</title>"
	              "<meta name=\"twitter:title\" content=\"Twitter title\">"
	              "<meta property=\"og:title\" content=\"OpenGraph title\">",
	              ARTICLE("")));
	CHECK_STR(m->title, "OpenGraph title");
	m = meta(PAGE("<title>Title element text here</title>"
	              "<meta name=\"twitter:title\" content=\"Twitter title\">",
	              ARTICLE("")));
	CHECK_STR(m->title, "Twitter title");
	/* property= is OpenGraph's form and wins over a name= copy */
	m = meta(PAGE("<meta name=\"og:title\" content=\"By name\">"
	              "<meta property=\"og:title\" content=\"By property\">",
	              ARTICLE("")));
	CHECK_STR(m->title, "By property");
}

TEST(title_suffix)
{
	/* the site's name goes, from <title> and from og:title */
	const wn_metadata *m = meta(PAGE(
		"<title>Footbridge plan goes to council | Park Gazette</title>"
		"<meta property=\"og:site_name\" content=\"Park Gazette\">",
		ARTICLE("")));
	CHECK_STR(m->title, "Footbridge plan goes to council");
	m = meta(PAGE("<meta property=\"og:title\" content=\"Plan for bridge - Park Gazette\">"
	              "<meta property=\"og:site_name\" content=\"Park Gazette\">",
	              ARTICLE("")));
	CHECK_STR(m->title, "Plan for bridge");
	/* " :: Site" when what stays is the h1 */
	m = meta(PAGE("<title>Footbridge plan goes to council :: Gazette</title>", ARTICLE("")));
	CHECK_STR(m->title, "Footbridge plan goes to council");
	/* a separator inside the headline stays when nothing says it is
	 * the site's: Readability.js's rule keeps short titles whole */
	m = meta(PAGE("<title>Mozilla - Wiki</title>", ARTICLE("")));
	CHECK_STR(m->title, "Mozilla - Wiki");
	/* no <title>: the single h1 */
	m = meta(PAGE("", ARTICLE("")));
	CHECK_STR(m->title, "Footbridge plan goes to council");
}

/* The parts of a title that name the site go, whichever source says
 * the site's name; what is left is the page's own headline. */
TEST(title_site_parts)
{
	/* the site's name with a word more ("REI Co-op" for "REI") */
	const wn_metadata *m = meta(PAGE("<title>Trail running shoes for wet days | REI Co-op</title>"
	                                 "<meta property=\"og:site_name\" content=\"REI\">",
	                                 ""));
	CHECK_STR(m->title, "Trail running shoes for wet days");
	/* a few of the site name's words */
	m = meta(PAGE("<title>Online Tuition and Financing | Liberty University</title>"
	              "<meta property=\"og:site_name\" content=\"Liberty University Online\">",
	              ""));
	CHECK_STR(m->title, "Online Tuition and Financing");
	/* the page's host, written as one word or as a host name */
	m = meta(PAGE("<title>Quiet mechanical keyboard with hot-swap switches | Newegg</title>"
	              "<link rel=\"canonical\" href=\"https://www.newegg.com/p/N82E1\">",
	              ""));
	CHECK_STR(m->title, "Quiet mechanical keyboard with hot-swap switches");
	m = meta(PAGE(
		"<title>Quiet mechanical keyboard with hot-swap switches | Newegg.com</title>", ""));
	CHECK_STR(m->title, "Quiet mechanical keyboard with hot-swap switches");
	m = meta(PAGE("<title>Leadfeeder | State of SEO in 2026: Trends and Predictions</title>"
	              "<meta property=\"og:url\" content=\"https://www.leadfeeder.com/blog/seo/\">",
	              ""));
	CHECK_STR(m->title, "State of SEO in 2026: Trends and Predictions");
	/* a site name that holds a separator itself goes whole */
	m = meta(PAGE("<title>The Beginner's Guide to Gym Equipment - Urge Fitness | Gyms Near Me</title>"
	              "<meta property=\"og:site_name\" content=\"Urge Fitness | Gyms Near Me\">",
	              ""));
	CHECK_STR(m->title, "The Beginner's Guide to Gym Equipment");
	/* the headline's own colon and the site's name inside it stay */
	m = meta(PAGE("<meta property=\"og:title\" content=\"Corti introduces GIM: a method for reading models\">"
	              "<meta property=\"og:site_name\" content=\"Corti\">",
	              ""));
	CHECK_STR(m->title, "Corti introduces GIM: a method for reading models");
	/* a home page's title is the site's own */
	m = meta(PAGE("<meta property=\"og:title\" content=\"Figma: The Collaborative Interface Design Tool\">"
	              "<meta property=\"og:site_name\" content=\"Figma\">"
	              "<link rel=\"canonical\" href=\"https://www.figma.com/\">",
	              ""));
	CHECK_STR(m->title, "Figma: The Collaborative Interface Design Tool");
	/* so is a title that is the site's name */
	m = meta(PAGE(
		"<title>Yahoo News - Latest News &amp; Headlines</title>"
		"<meta name=\"application-name\" content=\"Yahoo News - Latest News &amp; Headlines\">",
		""));
	CHECK_STR(m->title, "Yahoo News - Latest News & Headlines");
}

/* The h1 is the headline when the title holds it with more around it;
 * an h1 that is the title's last part is the site's logo. */
TEST(title_from_h1)
{
	const wn_metadata *m = meta(
		PAGE("<title>Best Residential Movers in NYC 2025 | Top 19 Companies</title>",
	             "<h1>Best Residential Movers in NYC 2025</h1>" PARAS));
	CHECK_STR(m->title, "Best Residential Movers in NYC 2025");
	/* og:title too, and the h1 may come after a logo's */
	m = meta(PAGE(
		"<meta property=\"og:title\" content=\"Event Management Process: 7 Steps | Opinion\">",
		"<h1>Acme</h1><h1>Event Management Process: 7 Steps</h1>" PARAS));
	CHECK_STR(m->title, "Event Management Process: 7 Steps");
	m = meta(PAGE("<title>A Beginner's Guide to Skincare \xe2\x80\x93 The Southerner</title>",
	              "<header><h1>The Southerner</h1></header>" PARAS));
	CHECK_STR(m->title, "A Beginner's Guide to Skincare");
	/* an h1 that differs from the title does not replace it */
	m = meta(PAGE("<title>Fitness trends 2025: nine things to watch</title>",
	              "<h1>Nine fitness trends to keep an eye on</h1>" PARAS));
	CHECK_STR(m->title, "Fitness trends 2025: nine things to watch");
	/* a title that holds the h1 with words around it and no separator */
	m = meta(PAGE("<title>Average Cost of Online College [2025]: Yearly Tuition + Fees</title>",
	              "<h1>Average Cost of Online College</h1>" PARAS));
	CHECK_STR(m->title, "Average Cost of Online College");
	m = meta(PAGE("<title>The Fold-and-Cut Problem (Erik Demaine)</title>",
	              "<h1>The Fold-and-Cut Problem</h1>" PARAS));
	CHECK_STR(m->title, "The Fold-and-Cut Problem");
	/* but a short h1 is a section's name that the title completes */
	m = meta(PAGE("<title>Residential Electrician Coupons</title>", "<h1>Coupons</h1>" PARAS));
	CHECK_STR(m->title, "Residential Electrician Coupons");
	m = meta(PAGE("<title>Mountain Bike Trails Near Houston Texas</title>",
	              "<h1>Bike Trails</h1>" PARAS));
	CHECK_STR(m->title, "Mountain Bike Trails Near Houston Texas");
}

/* A title's short last " | " part names the site, a section or a
 * tagline; an h1 that goes on from the title's words is the headline the
 * title cut short. */
TEST(title_tail_and_longer_h1)
{
	const wn_metadata *m = meta(PAGE(
		"<meta property=\"og:title\" content=\"Composting Guide for Small Balconies | Leafline Studio\">",
		"<h1>Welcome</h1>" PARAS));
	CHECK_STR(m->title, "Composting Guide for Small Balconies");
	/* a long last part is the headline's own */
	m = meta(PAGE(
		"<meta property=\"og:title\" content=\"Seed swaps | How our town started a library of seeds\">",
		"<h1>Welcome</h1>" PARAS));
	CHECK_STR(m->title, "Seed swaps | How our town started a library of seeds");
	/* Readability.js's reading of <title> cut a part already */
	m = meta(PAGE("<title>Rooftop garden notes for the spring | Diary | Fern Hollow</title>",
	              "<h1>Welcome</h1>" PARAS));
	CHECK_STR(m->title, "Rooftop garden notes for the spring | Diary");
	m = meta(PAGE(
		"<meta property=\"og:title\" content=\"Drip Irrigation Basics: 9 Tips &amp; Fixes\">",
		"<h1>Drip Irrigation Basics: 9 Tips &amp; Fixes for Dry Summers</h1>" PARAS));
	CHECK_STR(m->title, "Drip Irrigation Basics: 9 Tips & Fixes for Dry Summers");
	m = meta(PAGE("<title>Why the canal bridge was closed in 2024...</title>",
	              "<h1>Why the canal bridge was closed in 2024 and what comes next</h1>" PARAS));
	CHECK_STR(m->title, "Why the canal bridge was closed in 2024 and what comes next");
	/* what the h1 adds is a site's: the title stays */
	m = meta(PAGE("<title>Pruning old roses in the winter</title>",
	              "<h1>Pruning old roses in the winter - Hedgerow</h1>" PARAS));
	CHECK_STR(m->title, "Pruning old roses in the winter");
	m = meta(PAGE("<title>Pruning old roses in the winter</title>",
	              "<h1>Pruning old roses in the winter (hedgerow.org) 42</h1>" PARAS));
	CHECK_STR(m->title, "Pruning old roses in the winter");
}

/* The title of a page whose og:title is og and whose h1 says nothing. */
static const char *og_title(const char *og)
{
	char page[4096];
	snprintf(page, sizeof page,
	         PAGE("<meta property=\"og:title\" content=\"%s\">", "<h1>Welcome</h1>" PARAS), og);
	return meta(page)->title;
}

/* Marks around a title are not its words: a Markdown heading's "##", a
 * star, a bullet, empty brackets; an ellipsis (a title cut short), a
 * pictograph, French spacing's "?" and punctuation inside stay. */
TEST(title_marks)
{
	CHECK_STR(og_title("## Binding Agents for Martian Concrete"),
	          "Binding Agents for Martian Concrete");
	CHECK_STR(og_title("Home Gym Must Haves For Every Budget \xe2\x8b\x86"),
	          "Home Gym Must Haves For Every Budget");
	CHECK_STR(og_title("Decorating Clips, Clear, 40-Clips ()"),
	          "Decorating Clips, Clear, 40-Clips");
	CHECK_STR(og_title("Wrong refresh rate after the update ..."),
	          "Wrong refresh rate after the update ...");
	CHECK_STR(og_title("The Integer Overflow Crashing Servers \xf0\x9f\x92\xa5"),
	          "The Integer Overflow Crashing Servers \xf0\x9f\x92\xa5");
	CHECK_STR(og_title("\xe2\x80\xa2 C++ and C# - a comparison (2025) --"),
	          "C++ and C# - a comparison (2025)");
	/* French sets a space before ? ! : ; */
	CHECK_STR(og_title("Faut-il tailler les rosiers en hiver ?"),
	          "Faut-il tailler les rosiers en hiver ?");
	/* a title of marks alone stays as it is */
	CHECK_STR(og_title("?!"), "?!");
}

TEST(author_order)
{
	const wn_metadata *m = meta(PAGE(
		"<meta property=\"article:author\" content=\"https://social.example/mira\">"
		"<meta name=\"author\" content=\"Meta Author\">",
		ARTICLE("<p class=\"byline\">By Byline Person</p>")));
	CHECK_STR(m->author, "Meta Author");
	m = meta(PAGE("<meta property=\"article:author\" content=\"https://social.example/mira\">",
	              ARTICLE("<p class=\"byline\">By Byline Person</p>")));
	CHECK_STR(m->author, "Byline Person"); /* a profile URL is no name */
	m = meta(PAGE("<meta property=\"article:author\" content=\"Ana Lind\">"
	              "<meta property=\"article:author\" content=\"Jon Reyes\">",
	              ARTICLE("")));
	CHECK_STR(m->author, "Ana Lind, Jon Reyes");
	m = meta(PAGE("<meta name=\"author\" content=\"By Ana Lind\">", ARTICLE("")));
	CHECK_STR(m->author, "Ana Lind");
	m = meta(PAGE("<meta name=\"author\" content=\"Von Trier\">", ARTICLE("")));
	CHECK_STR(m->author, "Von Trier"); /* a name, not "Von ..." */
}

TEST(author_from_text)
{
	const wn_metadata *m = meta(
		PAGE("", ARTICLE("<div class=\"byline\">By <a href=\"/p/ml\">Mira Holt</a>"
	                         "<span>4 Dec 2017</span></div>")));
	CHECK_STR(m->author, "Mira Holt");
	m = meta(PAGE("", ARTICLE("<p><a rel=\"author\" href=\"/p\">Jon Reyes</a></p>")));
	CHECK_STR(m->author, "Jon Reyes");
	/* "By ..." with no class, near the top */
	m = meta(PAGE("", ARTICLE("<p>By Ana Lind and Jon Reyes</p>")));
	CHECK_STR(m->author, "Ana Lind and Jon Reyes");
	/* a date line in a byline box is no author */
	m = meta(PAGE("", ARTICLE("<div class=\"author-meta\">Last updated: May 3, 2020</div>")));
	CHECK(m->author == NULL);
	/* a sentence that starts with "By" is no byline */
	m = meta(PAGE("", ARTICLE("<p>By the end of the evening no vote had been taken.</p>")));
	CHECK(m->author == NULL);
}

/* The author field holds names: what bylines put around them goes. */
TEST(author_names_only)
{
	static const struct {
		const char *in, *want;
	} CASES[] = {
		{"Recipe by PJ Hamel", "PJ Hamel"},
		{"This post was written by Danielle Padula", "Danielle Padula"},
		{"Authors: Julie Weisenhorn and Natalie Hoidal",
	         "Julie Weisenhorn and Natalie Hoidal"},
		{"Read more about The Upwork Team", "The Upwork Team"},
		{"Matthew Richardson \xe2\x8b\x85 Review Editor \xe2\x8b\x85", "Matthew Richardson"},
		{"Shelby Loos, DVM . Reviewed by Molly Price, DVM", "Shelby Loos, DVM"},
		{"Brett Cruz , Privacy and Digital Security Expert", "Brett Cruz"},
		{"FlowGuard EMEA on 04-ago-2021 5:11:10", "FlowGuard EMEA"},
		{"David Jackson - FullStack Editorial Team", "David Jackson"},
		{"& Meaghan Weeden \xc2\xbb", "Meaghan Weeden"},
		{"Dylan Bailey, MS, RD", "Dylan Bailey, MS, RD"}, /* credentials stay */
	};
	for (size_t k = 0; k < sizeof CASES / sizeof *CASES; k++) {
		char html[2048];
		snprintf(html, sizeof html,
		         "<!DOCTYPE html><html><head><meta name=\"author\" content=\"%s\">"
		         "</head><body>" PARAS "</body></html>",
		         CASES[k].in);
		CHECK_STR(meta(html)->author, CASES[k].want);
	}
	/* the site after a comma, and texts that are no names */
	const wn_metadata *m = meta(PAGE(
		"<meta name=\"author\" content=\"Manoj Jain, The Commercial Appeal\">"
		"<meta property=\"og:site_name\" content=\"The Commercial Appeal\">",
		PARAS));
	CHECK_STR(m->author, "Manoj Jain");
	static const char *const NOT[] = {
		"page.head.extra.author", "262588213843476", "Dec 23",
		"View more posts",        "Topic Author",
	};
	for (size_t k = 0; k < sizeof NOT / sizeof *NOT; k++) {
		char html[2048];
		snprintf(html, sizeof html,
		         "<!DOCTYPE html><html><head><meta name=\"author\" content=\"%s\">"
		         "</head><body>" PARAS "</body></html>",
		         NOT[k]);
		m = meta(html);
		CHECK(m->author == NULL);
		if (m->author)
			fprintf(stderr, "  %s -> %s\n", NOT[k], m->author);
	}
	/* a date line in a byline box before the name */
	m = meta(PAGE(
		"", "<h1>Composition techniques</h1><div class=\"author-date\"><time>May 28</time>"
		    "<div>Written By <a href=\"/blog?a=1\">Isabella Tabacchi</a></div></div>" PARAS));
	CHECK_STR(m->author, "Isabella Tabacchi");
}

/* A publisher given as the author gives way to the person the page's
 * byline names. */
TEST(author_person_over_publisher)
{
	const wn_metadata *m = meta(PAGE(
		"<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"Footbridge plan\","
		"\"author\":{\"@type\":\"Organization\",\"name\":\"Park Gazette Media\"}}</script>",
		ARTICLE("<p class=\"byline\">By <a href=\"/staff/mh\">Mira Holt</a></p>")));
	CHECK_STR(m->author, "Mira Holt");
	m = meta(PAGE("<meta name=\"author\" content=\"Park Gazette\">"
	              "<meta property=\"og:site_name\" content=\"Park Gazette\">",
	              ARTICLE("<p>By Mira Holt</p>")));
	CHECK_STR(m->author, "Mira Holt");
	/* with no person named the publisher stays */
	m = meta(PAGE("<meta name=\"author\" content=\"Park Gazette\">"
	              "<meta property=\"og:site_name\" content=\"Park Gazette\">",
	              ARTICLE("")));
	CHECK_STR(m->author, "Park Gazette");
}

/* Where else pages name their authors. */
TEST(author_more_sources)
{
	/* microdata in <noscript> (what a reader without scripts sees) */
	const wn_metadata *m = meta(PAGE(
		"",
		"<h1>4o Update Broken</h1><noscript><div itemscope "
		"itemtype=\"http://schema.org/DiscussionForumPosting\"><span itemprop=\"author\" itemscope "
		"itemtype=\"http://schema.org/Person\"><span itemprop=\"name\">DaleJack</span></span>"
		"<div itemprop=\"text\">" PARAS "</div></div></noscript>"));
	CHECK_STR(m->author, "DaleJack");
	/* a Q&A page's question, in microdata and in JSON-LD */
	m = meta(PAGE(
		"",
		"<div itemprop=\"mainEntity\" itemscope itemtype=\"https://schema.org/Question\">"
		"<h1 itemprop=\"name\">How do I undo a commit?</h1>" PARAS
		"<div itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\">"
		"<a href=\"/users/1/vader\">Vader</a><meta itemprop=\"name\" content=\"Vader\"></div></div>"));
	CHECK_STR(m->author, "Vader");
	m = meta(PAGE("<script type=\"application/ld+json\">{\"@type\":\"QAPage\",\"mainEntity\":"
	              "{\"@type\":\"Question\",\"name\":\"Stuck on start\",\"author\":{\"@type\":\"Person\","
	              "\"name\":\"raoul\"}}}</script>",
	              PARAS));
	CHECK_STR(m->author, "raoul");
	/* a summary card's "Written by" label and its value */
	m = meta(PAGE("<meta name=\"twitter:label1\" content=\"Written by\">"
	              "<meta name=\"twitter:data1\" content=\"Nawaz Dhandala\">"
	              "<meta name=\"twitter:label2\" content=\"Est. reading time\">"
	              "<meta name=\"twitter:data2\" content=\"9 minutes\">",
	              PARAS));
	CHECK_STR(m->author, "Nawaz Dhandala");
	m = meta(PAGE("<meta name=\"twitter:label1\" content=\"Est. reading time\">"
	              "<meta name=\"twitter:data1\" content=\"9 minutes\">",
	              PARAS));
	CHECK(m->author == NULL);
	/* the page's own microdata in <head> */
	m = meta(PAGE("<meta itemprop=\"author\" content=\"Paige Brunton\">", PARAS));
	CHECK_STR(m->author, "Paige Brunton");
	/* a link to an author's page */
	m = meta(PAGE("", "<h1>Cloud servers</h1><div><a href=\"/blog/authors/emmanuel-oyibo\">"
	                  "Emmanuel Oyibo</a></div>" PARAS));
	CHECK_STR(m->author, "Emmanuel Oyibo");
	/* the link holds the name's line and the role's: the name */
	m = meta(PAGE("", "<h1>Cloud servers</h1><div><a href=\"/author/harry-rabinowitz\">"
	                  "<p>Harry Rabinowitz</p><p>Tech Reporter</p></a></div>" PARAS));
	CHECK_STR(m->author, "Harry Rabinowitz");
	m = meta(PAGE(
		"", "<h1>Cloud servers</h1><div class=\"post-authors\"><a href=\"/in/joakim\">"
		    "<div>Joakim Edin</div><div>Research &amp; Development</div></a></div>" PARAS));
	CHECK_STR(m->author, "Joakim Edin");
	/* byline lines: the label on its line, a date before "by", a date
	 * and the name between separators */
	m = meta(PAGE("", "<h1>Plan</h1><div><p>Written by</p><p>Edzel Tabing</p></div>" PARAS));
	CHECK_STR(m->author, "Edzel Tabing");
	m = meta(PAGE("", "<h1>Plan</h1><div>Published August 7, 2023 by Nicole Burke</div>" PARAS));
	CHECK_STR(m->author, "Nicole Burke");
	m = meta(PAGE("", "<h1>Plan</h1><p>Aaron Ricadela | Senior Writer | July 2, 2025</p>" PARAS));
	CHECK_STR(m->author, "Aaron Ricadela");
	/* a discussion: the first of its posters */
	m = meta(PAGE(
		"",
		"<h1>Best first telescope?</h1>"
		"<div class=\"post\"><a class=\"username\" href=\"/members/sam.12/\">SamuelMIz</a>" PARAS
		"</div>"
		"<div class=\"post\"><a class=\"username\" href=\"/members/rid.13/\">ridwan123</a><p>Get a dob.</p></div>"));
	CHECK_STR(m->author, "SamuelMIz");
	/* the account's own links in the masthead are no poster */
	m = meta(PAGE(
		"",
		"<h1>Best first telescope?</h1><div><a href=\"/user/login\">Log In</a> "
		"<a href=\"/user/register\">Sign Up</a></div>"
		"<div class=\"post\"><a href=\"/user/sam\">SamuelMIz</a>" PARAS "</div>"
		"<div class=\"post\"><a href=\"/user/rid\">ridwan123</a><p>Get a dob.</p></div>"));
	CHECK_STR(m->author, "SamuelMIz");
	/* a byline's links before its byline word are no author's */
	m = meta(PAGE(
		"",
		"<h1>Release 7.1</h1><p class=\"author\"><a href=\"#p5\">Post</a> "
		"<span>by <strong><a href=\"/people/galitsyn\">Galitsyn</a></strong></span></p>" PARAS));
	CHECK_STR(m->author, "Galitsyn");
	/* a member's counts link to the profile too, and are no name */
	m = meta(PAGE(
		"",
		"<h1>Best first telescope?</h1>"
		"<div class=\"post\"><a href=\"/profile/12/fictions\"><strong>1</strong> Fictions</a> "
		"<a href=\"/profile/12/posts\">8 Posts</a> <a href=\"/profile/12\">SamuelMIz</a>" PARAS
		"</div>"
		"<div class=\"post\"><a href=\"/profile/13\">ridwan123</a><p>Get a dob.</p></div>"));
	CHECK_STR(m->author, "SamuelMIz");
	/* one profile link is no discussion */
	m = meta(PAGE("", "<h1>Best first telescope?</h1><a href=\"/members/sam.12/\">Sam</a>" PARAS));
	CHECK(m->author == NULL);
	/* an author's box past the top: "Written by" and the name, on one
	 * line or the name in the next element; not a box's heading */
	m = meta(PAGE("", ARTICLE("") "<div class=\"bio\"><h3>Written by Cassie Horton</h3>"
	                              "<p>Cassie Horton is a finance writer.</p></div>"));
	CHECK_STR(m->author, "Cassie Horton");
	m = meta(PAGE("", ARTICLE("") "<div><h2>Article by</h2><div>Matti Heikki</div></div>"));
	CHECK_STR(m->author, "Matti Heikki");
	m = meta(PAGE("", ARTICLE("") "<div><h2>Written by</h2><div>Recent Posts</div></div>"));
	CHECK(m->author == NULL);
	/* quotes and marks around a name; a poster's class in any case */
	m = meta(PAGE("<meta name=\"author\" content=\"&quot;Dana Kim&quot;\">", PARAS));
	CHECK_STR(m->author, "Dana Kim");
	m = meta(PAGE("<meta name=\"author\" content=\"Mae Weeden \xe2\x97\x8f\">", PARAS));
	CHECK_STR(m->author, "Mae Weeden");
	m = meta(PAGE(
		"",
		"<h1>Types of threads</h1><article><div class=\"PostUser\"><h3 class=\"PostUser-name\">antonj</h3></div>" PARAS
		"</article><article><div class=\"PostUser\"><h3 class=\"PostUser-name\">toby</h3></div><p>Great post.</p></article>"));
	CHECK_STR(m->author, "antonj");
	/* a role after a comma, in words no name has */
	m = meta(PAGE("<meta name=\"author\" content=\"Dani Padula, Head of Marketing and Community\">",
	              PARAS));
	CHECK_STR(m->author, "Dani Padula");
	m = meta(PAGE("<meta name=\"author\" content=\"Jo Doe, DVM\">", PARAS));
	CHECK_STR(m->author, "Jo Doe, DVM");
	/* a byline line above the h1, in its box */
	m = meta(PAGE("", "<div><div><span>Published August 7, 2023</span> <span>by Nicola Burke</span></div>"
	                  "<h1>Footbridge plan goes to council</h1></div>" PARAS));
	CHECK_STR(m->author, "Nicola Burke");
}

TEST(microdata)
{
	const wn_metadata *m = meta(PAGE(
		"", "<article itemscope itemtype=\"https://schema.org/Article\">"
		    "<h1 itemprop=\"headline\">Microdata headline</h1>"
		    "<div itemprop=\"comment\" itemscope itemtype=\"https://schema.org/Comment\">"
		    "<span itemprop=\"author\">A Commenter</span>"
		    "<time itemprop=\"datePublished\" datetime=\"2001-01-01\">then</time></div>"
		    "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">"
		    "<span itemprop=\"name\">Mira Holt</span>, staff writer</span>"
		    "<meta itemprop=\"datePublished\" content=\"2020-02-29\">" PARAS "</article>"));
	CHECK_STR(m->title, "Microdata headline");
	CHECK_STR(m->author, "Mira Holt");
	CHECK_STR(m->date, "2020-02-29");
}

TEST(dates_from_sources)
{
	const wn_metadata *m = meta(PAGE(
		"<meta property=\"article:published_time\" content=\"2019-05-20T14:00:00Z\">"
		"<meta name=\"parsely-pub-date\" content=\"2018-01-01\">",
		ARTICLE("")));
	CHECK_STR(m->date, "2019-05-20T14:00:00Z");
	/* a value that is no date is passed over, not copied */
	m = meta(PAGE("<meta property=\"article:published_time\" content=\"yesterday\">"
	              "<meta name=\"DC.date\" content=\"2018-01-01\">",
	              ARTICLE("")));
	CHECK_STR(m->date, "2018-01-01");
	/* <time datetime> in the page */
	m = meta(PAGE(
		"", ARTICLE("<p><time datetime=\"2017-12-04T10:00:00+01:00\">4 Dec</time></p>")));
	CHECK_STR(m->date, "2017-12-04T10:00:00+01:00");
	/* date lines: a zone's name or "Uhr" after the time is no text */
	m = meta(PAGE("", ARTICLE("<p>Dec 4, 2017 7:11 AM PST</p>")));
	CHECK_STR(m->date, "2017-12-04T07:11:00");
	CHECK(strstr(wn_result_output(last, NULL), "PST") == NULL);
	m = meta(PAGE("", ARTICLE("<p>4. Dezember 2017, 10:30 Uhr</p>")));
	CHECK(strstr(wn_result_output(last, NULL), "Uhr") == NULL);
	/* a date line's text */
	m = meta(PAGE("", ARTICLE("<div class=\"post-date\">Published: 4 December 2017</div>")));
	CHECK_STR(m->date, "2017-12-04");
}

static const char *date_of(const char *value)
{
	static char html[1024];
	snprintf(html, sizeof html,
	         "<html><head><meta name=\"date\" content=\"%s\"></head><body>" PARAS "</body></html>",
	         value);
	const char *d = meta(html)->date;
	return d ? d : "(null)";
}

/* Where else pages date themselves; and what is not the page's date. */
TEST(dates_more_sources)
{
	/* JSON-LD of another type, a Q&A page's question */
	const wn_metadata *m = meta(PAGE(
		"<script type=\"application/ld+json\">{\"@type\":\"Recipe\","
		"\"name\":\"Bread\",\"datePublished\":\"2022-07-13\"}</script>",
		PARAS));
	CHECK_STR(m->date, "2022-07-13");
	m = meta(PAGE(
		"<script type=\"application/ld+json\">{\"@type\":\"QAPage\",\"mainEntity\":"
		"{\"@type\":\"Question\",\"name\":\"Q\",\"dateCreated\":\"2024-05-03T08:00:00Z\"}}</script>",
		PARAS));
	CHECK_STR(m->date, "2024-05-03T08:00:00Z");
	/* a product's video is no date of the page */
	m = meta(PAGE("<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Mug\","
	              "\"subjectOf\":{\"@type\":\"VideoObject\",\"uploadDate\":\"2024-11-26\","
	              "\"datePublished\":\"2024-11-26\"}}</script>",
	              PARAS));
	CHECK(m->date == NULL);
	/* keys no list names, and the page's microdata in <head> */
	m = meta(PAGE("<meta name=\"w-published-date\" content=\"2025-05-27T06:03:43Z\">", PARAS));
	CHECK_STR(m->date, "2025-05-27T06:03:43Z");
	m = meta(PAGE("<meta name=\"last-modified-date\" content=\"2025-05-27\">", PARAS));
	CHECK(m->date == NULL);
	m = meta(PAGE(
		"<meta itemprop=\"datePublished\" content=\"2019-05-28T17:12:55+0200\">", PARAS));
	CHECK_STR(m->date, "2019-05-28T17:12:55+02:00");
	/* datelines with more than the date, a date above the h1 */
	m = meta(PAGE("", "<h1>Plan</h1><p>The council's plan, in short.</p>"
	                  "<div>By <a href=\"/team/vo\">Vahid Osman</a> - Mar 27, 2024</div>" PARAS));
	CHECK_STR(m->date, "2024-03-27");
	m = meta(PAGE(
		"",
		"<h1>Plan</h1><p><span>Essay - Published: 2025.12.17 | </span><span>6 min</span></p>" PARAS));
	CHECK_STR(m->date, "2025-12-17");
	m = meta(PAGE("", "<div><div>Dec 12, 2025</div><h1>Plan</h1></div>" PARAS));
	CHECK_STR(m->date, "2025-12-12");
	/* a listing's teasers' dates are theirs */
	m = meta(PAGE(
		"", "<h1>Latest</h1>"
		    "<div><h2>One</h2><p class=\"date\">Mar 7, 2026 | 4 min read</p></div>"
		    "<div><h2>Two</h2><p class=\"date\">Mar 6, 2026 | 3 min read</p></div>"
		    "<div><h2>Three</h2><p class=\"date\">Mar 5, 2026 | 9 min read</p></div>"
		    "<div><h2>Four</h2><p class=\"date\">Mar 4, 2026 | 2 min read</p></div>" PARAS));
	CHECK(m->date == NULL);
}

TEST(dates_updated_and_lead)
{
	/* the line under the h1 that opens with a date */
	const wn_metadata *m = meta(
		PAGE("", "<h1>Plan</h1><p>Dec 26, 2025 \xe2\x80\xa2 Jane Doe in News</p>" PARAS));
	CHECK_STR(m->date, "2025-12-26");
	m = meta(PAGE("", "<h1>Plan</h1><p>Aaron Smith | Senior Writer | July 2, 2025</p>" PARAS));
	CHECK_STR(m->date, "2025-07-02");
	m = meta(PAGE(
		"",
		"<h1>Plan</h1><p>Councillors Ann Brown and Tom Gray | on the July 2, 2025 vote</p>" PARAS));
	CHECK(m->date == NULL);
	/* "Updated ..." is the change, the other date the publication */
	m = meta(PAGE(
		"", "<h1>Plan</h1><p>Published: Mar 2, 2021</p><p>Updated: May 4, 2021</p>" PARAS));
	CHECK_STR(m->date, "2021-03-02");
	CHECK_STR(m->modified, "2021-05-04");
	m = meta(PAGE("", "<h1>Plan</h1><p>Last updated <time datetime=\"2021-05-04\">May 4</time></p>"
	                  "<p>Posted <time datetime=\"2021-03-02\">March 2</time></p>" PARAS));
	CHECK_STR(m->date, "2021-03-02");
	CHECK_STR(m->modified, "2021-05-04");
	/* above the h1: a line that opens with a date, after a label */
	m = meta(PAGE(
		"",
		"<div><div>Published August 7, 2023 <span>by Jane Doe</span></div><h1>Plan</h1></div>" PARAS));
	CHECK_STR(m->date, "2023-08-07");
	m = meta(PAGE("", "<div><p>February 4, 2025 - 11 minutes</p><h1>Plan</h1></div>" PARAS));
	CHECK_STR(m->date, "2025-02-04");
	/* the article's dateline before any teaser's heading is the page's,
	 * however many teasers follow */
	m = meta(PAGE(
		"", "<h1>Plan</h1><div>By <a href=\"/team/vo\">Vahid Osman</a> - Mar 27, 2024</div>" PARAS
		    "<div><h2>One</h2><p class=\"date\">Mar 7, 2026 | 4 min read</p></div>"
		    "<div><h2>Two</h2><p class=\"date\">Mar 6, 2026 | 3 min read</p></div>"
		    "<div><h2>Three</h2><p class=\"date\">Mar 5, 2026 | 9 min read</p></div>"
		    "<div><h2>Four</h2><p class=\"date\">Mar 4, 2026 | 2 min read</p></div>"));
	CHECK_STR(m->date, "2024-03-27");
	/* a change's date alone is the date the page is known by, in the
	 * text or in <meta> */
	m = meta(PAGE("<meta property=\"article:modified_time\" content=\"2023-06-12T10:39:42+00:00\">",
	              PARAS));
	CHECK_STR(m->date, "2023-06-12T10:39:42+00:00");
	m = meta(PAGE("<meta name=\"published\" content=\"July 17, 2025\">", PARAS));
	CHECK_STR(m->date, "2025-07-17");
	m = meta(PAGE("", "<h1>Plan</h1><p>Updated May 4, 2021</p>" PARAS));
	CHECK_STR(m->date, "2021-05-04");
	CHECK_STR(m->modified, "2021-05-04");
	/* the date shown by the headline over a hidden one of another day,
	 * unless it is the hidden change's day */
	m = meta(PAGE("<meta property=\"article:published_time\" content=\"2024-07-05T14:20:08Z\">",
	              "<h1>Plan</h1><p>March 1, 2024 \xe2\x80\xa2 Jane Doe</p>" PARAS));
	CHECK_STR(m->date, "2024-03-01");
	m = meta(PAGE("<meta property=\"article:published_time\" content=\"2024-07-05T14:20:08Z\">",
	              "<div><p>March 1, 2024</p><h1>Plan</h1></div>" PARAS));
	CHECK_STR(m->date, "2024-03-01");
	/* HTML5's <time pubdate> is the publication's, over hidden dates;
	 * a comment's is not */
	m = meta(PAGE(
		"<meta property=\"article:published_time\" content=\"2024-07-05T14:20:08Z\">",
		"<h1>Plan</h1>" PARAS "<h2>Next steps</h2>" PARAS
		"<div class=\"comments\"><p>Nice <time pubdate datetime=\"2024-09-01\">Sep 1</time></p></div>"
		"<div>Published <time pubdate datetime=\"2024-03-01\">March 1, 2024</time></div>"));
	CHECK_STR(m->date, "2024-03-01");
	/* the site's header above the headline shows the day's date */
	m = meta(PAGE(
		"",
		"<header><a href=\"/\">Ledger</a><p class=\"todays-date\">Friday, December 19, 2025</p></header>"
		"<h1>Plan</h1><div class=\"byline\">By Jane Doe</div><div>12.12.2025</div>" PARAS));
	CHECK_STR(m->date, "2025-12-12");
	/* a line under the h1 opening with a <time>: its datetime says the
	 * day its text leaves open */
	m = meta(PAGE(
		"<meta property=\"article:published_time\" content=\"2024-07-05T14:20:08Z\">",
		"<h1>Plan</h1><div><time datetime=\"2017-03-01T12:00:00Z\">03/01/2017</time> by Jane Doe</div>" PARAS));
	CHECK_STR(m->date, "2017-03-01T12:00:00Z");
	m = meta(PAGE("<meta property=\"article:published_time\" content=\"2024-07-05T14:20:08Z\">"
	              "<meta property=\"article:modified_time\" content=\"2024-09-01T10:00:00Z\">",
	              "<h1>Plan</h1><p>September 1, 2024 \xe2\x80\xa2 Jane Doe</p>" PARAS));
	CHECK_STR(m->date, "2024-07-05T14:20:08Z");
	/* the dateline before any other heading, not an "Updated" one nor
	 * the hidden day with month and day swapped */
	m = meta(PAGE("<meta property=\"article:published_time\" content=\"2024-07-05T14:20:08Z\">",
	              "<h1>Plan</h1><p>The council's plan, in short.</p>"
	              "<div>By <a href=\"/team/vo\">Vahid Osman</a> - Mar 27, 2024</div>" PARAS));
	CHECK_STR(m->date, "2024-03-27");
	m = meta(PAGE(
		"<meta property=\"article:published_time\" content=\"2024-07-05T14:20:08Z\">"
		"<meta property=\"article:modified_time\" content=\"2024-08-01T10:00:00Z\">",
		"<h1>Plan</h1><p>The council's plan, in short.</p>"
		"<div>By <a href=\"/team/vo\">Vahid Osman</a><p>Updated Mar 27, 2024</p></div>" PARAS));
	CHECK_STR(m->date, "2024-07-05T14:20:08Z");
	m = meta(PAGE("<meta property=\"article:published_time\" content=\"2024-09-10T14:20:08Z\">",
	              "<h1>Plan</h1><p>09.10.2024 \xe2\x80\xa2 Jane Doe</p>" PARAS));
	CHECK_STR(m->date, "2024-09-10T14:20:08Z");
	/* no other date: a line under the post that opens with a date label */
	m = meta(PAGE("",
	              "<h1>Plan</h1>" PARAS PARAS PARAS PARAS PARAS PARAS
	              "<div>Posted on the 15/12/2025 at 19:00 by <a href=\"/u/gg\">@gg</a></div>"));
	CHECK_STR(m->date, "2025-12-15T19:00:00");
	m = meta(PAGE("", "<h1>Plan</h1>" PARAS PARAS PARAS PARAS PARAS PARAS
	                  "<p>Last updated: November 13, 2025</p>"));
	CHECK_STR(m->date, "2025-11-13");
	/* a sentence with a date far into it is not such a line */
	m = meta(PAGE("", "<h1>Plan</h1>" PARAS PARAS PARAS PARAS PARAS PARAS
	                  "<p>Posted to the council's residents' list on May 4, 2021</p>"));
	CHECK(m->date == NULL);
	/* nor a customer's review under a product */
	m = meta(PAGE("", "<h1>Plan</h1>" PARAS PARAS PARAS PARAS PARAS PARAS
	                  "<p>Reviewed in Germany on 1 January 2026</p>"));
	CHECK(m->date == NULL);
}

/* Where posts and bylines keep their dates. */
TEST(dates_of_posts)
{
	/* a post's class that says it has comments is no comment box */
	const wn_metadata *m = meta(PAGE(
		"", "<article class=\"post has-comments\"><h1>Plan</h1>"
		    "<p><time datetime=\"2024-03-11\">March 11</time></p>" PARAS "</article>"));
	CHECK_STR(m->date, "2024-03-11");
	m = meta(PAGE("", "<h1>Plan</h1>" PARAS "<div class=\"comments\">"
	                  "<p><time datetime=\"2024-04-01\">April 1</time></p><p>Nice.</p></div>"));
	CHECK(m->date == NULL);
	/* a thread whose posts, the first one too, are in a "replies" box
	 * holding most of the page: the first post's time is the page's */
	m = meta(PAGE(
		"", "<h1>Catering tips</h1><div id=\"topicRepliesContainer\"><article>" PARAS
		    "<div><time datetime=\"2005-07-10T00:57:00\">7/9/05</time></div></article><article>"
		    "<p>Good idea, thanks.</p><time datetime=\"2005-07-11T08:00:00\">7/11/05</time>"
		    "</article></div>"));
	CHECK_STR(m->date, "2005-07-10T00:57:00");
	/* the byline's box opening with the date, above the h1 too */
	m = meta(PAGE("", "<div class=\"post-head\"><div class=\"dateAndAuthor\"><span>Dec 17, 2025</span>"
	                  "<span>Julian Arni</span></div>" PARAS "<h1>Plan</h1></div>" PARAS));
	CHECK_STR(m->date, "2025-12-17");
	/* a post's permalink whose text is its date */
	m = meta(PAGE("", "<h1>Thread</h1><div><h2><span>#1</span> <a href=\"/t?p=1#p1\">2025-11-01 "
	                  "15:14:37</a></h2>" PARAS "</div>"));
	CHECK_STR(m->date, "2025-11-01T15:14:37");
	/* the line under the author's name, anywhere; under a name alone on
	 * its line near the top (not a row of links) */
	m = meta(PAGE(
		"<meta name=\"author\" content=\"Jane Doe\">",
		"<h1>Plan</h1>" PARAS PARAS PARAS PARAS
		"<div><p>Written by <a href=\"/team/jane\">Jane Doe</a></p><p>April 8, 2024</p></div>"));
	CHECK_STR(m->date, "2024-04-08");
	m = meta(PAGE("", "<h1>Plan</h1><p>Elliot Raba</p><div><p><span>23.07.2025</span>"
	                  "<span> \xc2\xb7 </span><span>6 min read</span></p></div>" PARAS));
	CHECK_STR(m->date, "2025-07-23");
	m = meta(PAGE(
		"",
		"<h1>Plan</h1><table><tr><td><a href=\"#t\">Thread Tools</a></td>"
		"<td><a href=\"#d\">Display Modes</a></td></tr></table><p>Mar 30, 2025 | Link</p>" PARAS));
	CHECK(m->date == NULL);
}

TEST(date_formats)
{
	CHECK_STR(date_of("2017-12-04"), "2017-12-04");
	CHECK_STR(date_of("2017-12-04T10:00:00+01:00"), "2017-12-04T10:00:00+01:00");
	CHECK_STR(date_of("2017-12-04T10:00+0100"), "2017-12-04T10:00:00+01:00");
	CHECK_STR(date_of("2017-12-04 10:00:00.000000"), "2017-12-04T10:00:00");
	CHECK_STR(date_of("2017-12-04T10:00:00.123Z"), "2017-12-04T10:00:00Z");
	CHECK_STR(date_of("20171204"), "2017-12-04");
	CHECK_STR(date_of("2023 Jan 7"), "2023-01-07"); /* NLM's citation style */
	CHECK_STR(date_of("2017/12/04"), "2017-12-04");
	CHECK_STR(date_of("4 December 2017"), "2017-12-04");
	CHECK_STR(date_of("Dec 4, 2017"), "2017-12-04");
	CHECK_STR(date_of("Dec. 4th, 2017"), "2017-12-04");
	CHECK_STR(date_of("Monday, December 4, 2017 3:46 PM"), "2017-12-04T15:46:00");
	CHECK_STR(date_of("Mon, 04 Dec 2017 10:00:00 GMT"), "2017-12-04T10:00:00Z");
	CHECK_STR(date_of("04.12.2017"), "2017-12-04");
	CHECK_STR(date_of("4. Dezember 2017"), "2017-12-04");
	CHECK_STR(date_of("4. März 2017"), "2017-03-04");
	CHECK_STR(date_of("4 décembre 2017"), "2017-12-04");
	CHECK_STR(date_of("1er août 2017"), "2017-08-01");
	CHECK_STR(date_of("4 de diciembre de 2017"), "2017-12-04");
	CHECK_STR(date_of("04-Dec-2017"), "2017-12-04");
	CHECK_STR(date_of("04-dic-2017 5:11:10"), "2017-12-04T05:11:10");
	CHECK_STR(date_of("2017年12月4日"), "2017-12-04");
	CHECK_STR(date_of("2017年12月4日 10時30分"), "2017-12-04T10:30:00");
	CHECK_STR(date_of("2017년 12월 4일"), "2017-12-04");
	CHECK_STR(date_of("13/12/2017"), "2017-12-13");
	CHECK_STR(date_of("12/13/2017"), "2017-12-13");
	/* not dates, or not sure which */
	CHECK_STR(date_of("04/05/2017"), "(null)");
	CHECK_STR(date_of("31.02.2017"), "(null)");
	CHECK_STR(date_of("2017-13-01"), "(null)");
	CHECK_STR(date_of("Decembers 4, 2017"), "(null)");
	CHECK_STR(date_of("04-Dec 2017"), "(null)");
	CHECK_STR(date_of("12345678901"), "(null)");
	CHECK_STR(date_of(""), "(null)");
}

TEST(language)
{
	const wn_metadata *m = meta("<html lang=\"en-us\"><body>" PARAS "</body></html>");
	CHECK_STR(m->language, "en-US");
	m = meta("<html lang=\"pt_BR\"><body>" PARAS "</body></html>");
	CHECK_STR(m->language, "pt-BR");
	m = meta("<html lang=\"ZH-hant-tw\"><body>" PARAS "</body></html>");
	CHECK_STR(m->language, "zh-Hant-TW");
	m = meta("<html lang=\"english\"><head><meta property=\"og:locale\" content=\"fr_FR\">"
	         "</head><body>" PARAS "</body></html>");
	CHECK_STR(m->language, "fr-FR"); /* "english" is no tag: the next source */
	m = meta("<html><head><meta http-equiv=\"Content-Language\" content=\"de, en\">"
	         "</head><body>" PARAS "</body></html>");
	CHECK_STR(m->language, "de");
}

TEST(url_and_image)
{
	wn_result *r = extract(PAGE("<link rel=\"canonical\" href=\"/news/bridge\">"
	                            "<meta property=\"og:url\" content=\"https://x.example/og\">"
	                            "<meta property=\"og:image\" content=\"img/a.jpg\">",
	                            ARTICLE("")),
	                       WN_FORMAT_TEXT, "https://gazette.example/news/other?x=1");
	const wn_metadata *m = wn_result_metadata(r);
	CHECK_STR(m->url, "https://gazette.example/news/bridge");
	CHECK_STR(m->image, "https://gazette.example/news/img/a.jpg");
	m = meta(PAGE("<meta property=\"og:url\" content=\"https://x.example/og\">"
	              "<meta property=\"og:image\" content=\"/i.jpg\">",
	              ARTICLE("")));
	CHECK_STR(m->url, "https://x.example/og");
	CHECK_STR(m->image, "https://x.example/i.jpg"); /* against the page's URL */
	r = extract(PAGE("", ARTICLE("")), WN_FORMAT_TEXT, "https://gazette.example/a");
	CHECK_STR(wn_result_metadata(r)->url, "https://gazette.example/a");
}

TEST(no_metadata)
{
	const wn_metadata *m = meta("<html><body><div>" PARAS "</div></body></html>");
	CHECK(m->title == NULL);
	CHECK(m->author == NULL);
	CHECK(m->date == NULL);
	CHECK(m->modified == NULL);
	CHECK(m->sitename == NULL);
	CHECK(m->language == NULL);
	CHECK(m->url == NULL);
	CHECK(m->image == NULL);
	CHECK(m->n_tags == 0 && m->n_categories == 0);
	/* Readability.js's excerpt: the first paragraph when nothing says */
	CHECK(m->description && !strncmp(m->description, "The council met", 15));
	/* a date line is no summary: the paragraph after it is */
	m = meta(PAGE("", "<article><div><p>Published February 11, 2025 \xc2\xb7 6 min read</p>"
	                  "<h1>Footbridge plan goes to council</h1></div>" PARAS "</article>"));
	CHECK(m->description && !strncmp(m->description, "The council met", 15));
	/* an empty page, and no input at all */
	m = meta("");
	CHECK(m->title == NULL && m->description == NULL);
	m = meta("<html><head><title></title><meta name=\"author\" content=\"  \"></head></html>");
	CHECK(m->title == NULL && m->author == NULL);
}

TEST(entities_in_values)
{
	/* escaped twice in the page: unescaped once more */
	const wn_metadata *m = meta(PAGE(
		"<meta property=\"og:title\" content=\"Tom &amp;amp; Jerry &amp;#8211; &amp;#x1F600; &amp;#xg;\">"
		"<meta name=\"keywords\" content=\"a &amp;quot;b&amp;quot;, c\">",
		ARTICLE("")));
	CHECK_STR(m->title, "Tom & Jerry \xe2\x80\x93 \xf0\x9f\x98\x80 &#xg;");
	CHECK(m->n_tags == 2);
	if (m->n_tags == 2)
		CHECK_STR(m->tags[0], "a \"b\"");
	/* every named reference HTML has, not only the five XML ones */
	m = meta(PAGE("<title>Healthy Eating Plate &amp;bull; Caf&amp;eacute; Notes</title>", ""));
	CHECK_STR(m->title, "Healthy Eating Plate \xe2\x80\xa2 Caf\xc3\xa9 Notes");
	m = meta(PAGE(
		"<meta property=\"og:title\" content=\"A &amp;lt;/title&amp;gt; &amp;hellip; B\">",
		""));
	CHECK_STR(m->title, "A </title> \xe2\x80\xa6 B");
	/* JSON is not unescaped by the parser: a JSON-LD string escaped
	 * twice holds "&amp;#8230;", which is one character */
	m = meta(PAGE("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
	              "\"headline\": \"And finally&amp;#8230; trouble &amp;amp; strife "
	              "&amp;hellip; AT&amp;T\"}</script>",
	              ""));
	CHECK_STR(m->title, "And finally\xe2\x80\xa6 trouble & strife \xe2\x80\xa6 AT&T");
}

/* ---- bylines and date lines leave the body ---- */

TEST(byline_leaves_body)
{
	const char *t = body(PAGE(
		"<meta name=\"author\" content=\"Mira Holt\">",
		ARTICLE("<p>By Mira Holt</p><p>Published 4 December 2017</p>"
	                "<div class=\"meta\"><span class=\"author\">Mira Holt</span> | "
	                "<time datetime=\"2017-12-04\">Dec 4</time></div>")));
	CHECK(strstr(t, "The council met") != NULL);
	CHECK(strstr(t, "Mira Holt") == NULL);
	CHECK(strstr(t, "December 2017") == NULL);
	CHECK(strstr(t, "Dec 4") == NULL);
}

TEST(body_text_stays)
{
	/* a sentence starting with "By", a sentence holding a date, a long
	 * author box, a date inside a sentence: all body text */
	const char *t = body(PAGE(
		"<meta name=\"author\" content=\"Mira Holt\">",
		ARTICLE("<p>By the end of the evening no vote had been taken, and the "
	                "chair said the council would return to it next month.</p>"
	                "<p>The last bridge here opened on 4 December 1957 and closed "
	                "in the floods of 1998, after which it was never repaired.</p>"
	                "<p>Work could begin on <time datetime=\"2022-04-01\">1 April</time>"
	                " if the plans are approved, the engineers said at the meeting.</p>")));
	CHECK(strstr(t, "By the end of the evening") != NULL);
	CHECK(strstr(t, "4 December 1957") != NULL);
	CHECK(strstr(t, "Work could begin on 1 April") != NULL);
	/* dates in a table or a list are its rows' and items' */
	t = body(PAGE("", ARTICLE("<table><tr><th>Stage</th><th>When</th></tr>"
	                          "<tr><td>Survey</td><td><time>4 May 2022</time></td></tr>"
	                          "<tr><td>Building</td><td>1 June 2023</td></tr></table>")));
	CHECK(strstr(t, "4 May 2022") != NULL);
	CHECK(strstr(t, "1 June 2023") != NULL);
}

TEST(listing_dates_stay)
{
	/* more than a few date lines: a listing's teasers, not the page's */
	const char *t = body(PAGE(
		"",
		"<main><h1>Latest</h1>"
		"<div><h2>First story</h2><p><time datetime=\"2017-12-01\">1 December 2017</time></p>" PARAS
		"</div>"
		"<div><h2>Second story</h2><p><time datetime=\"2017-12-02\">2 December 2017</time></p>" PARAS
		"</div>"
		"<div><h2>Third story</h2><p><time datetime=\"2017-12-03\">3 December 2017</time></p>" PARAS
		"</div>"
		"<div><h2>Fourth story</h2><p><time datetime=\"2017-12-04\">4 December 2017</time></p>" PARAS
		"</div>"
		"</main>"));
	CHECK(strstr(t, "2 December 2017") != NULL);
}

/* ---- output ---- */

static json_t *json_of(const char *html, int markdown)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.format = WN_FORMAT_JSON;
	o.json_markdown = markdown;
	wn_result_free(last);
	last = NULL;
	wn_extract(html, strlen(html), &o, &last);
	size_t len;
	const char *s = wn_result_output(last, &len);
	json_error_t err;
	json_t *j = json_loadb(s, len, 0, &err);
	if (!j)
		fprintf(stderr, "  bad JSON (%s): %.200s\n", err.text, s);
	CHECK(len > 0 && s[len - 1] == '\n');
	CHECK(memchr(s, '\n', len) == s + len - 1); /* one line */
	return j;
}

TEST(json_object)
{
	static const char *const KEYS[] = {
		"title",           "author", "date",  "modified", "sitename",   "description",
		"language",        "url",    "image", "tags",     "categories", "kind",
		"kind_confidence", "source", "text",
	};
	json_t *j = json_of(PAGE("<title>Footbridge \"plan\" goes to C:\\council</title>"
	                         "<meta name=\"keywords\" content=\"x, y\">",
	                         ARTICLE("")),
	                    0);
	CHECK(json_is_object(j));
	size_t k = 0;
	const char *key;
	json_t *v;
	json_object_foreach(j, key, v)
	{
		CHECK(k < 15 && !strcmp(key, KEYS[k]));
		k++;
	}
	CHECK(k == 15);
	CHECK_STR(json_string_value(json_object_get(j, "kind")), "article");
	CHECK_STR(json_string_value(json_object_get(j, "source")), "dom");
	CHECK(json_is_number(json_object_get(j, "kind_confidence")));
	CHECK_STR(json_string_value(json_object_get(j, "title")),
	          "Footbridge \"plan\" goes to C:\\council");
	CHECK(json_is_null(json_object_get(j, "author")));
	CHECK(json_array_size(json_object_get(j, "tags")) == 2);
	CHECK(json_is_array(json_object_get(j, "categories")));
	CHECK(strstr(json_string_value(json_object_get(j, "text")), "The council met"));
	json_decref(j);

	j = json_of(PAGE("", ARTICLE("<h2>Costs</h2>")), 1);
	CHECK(json_object_get(j, "text") == NULL);
	CHECK(strstr(json_string_value(json_object_get(j, "markdown")), "## Costs"));
	json_decref(j);
}

TEST(json_valid_utf8)
{
	/* bytes that are not UTF-8, control characters and a NUL: the
	 * output is still one valid JSON object */
	static const char html[] =
		"<html><head><title>Caf\xe9 \x01 news</title></head><body><p>Bad \xff\xfe bytes "
		"and \x7f here, then more text to make a paragraph long enough.</p>"
		"<p>Zero \0 byte.</p></body></html>";
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.format = WN_FORMAT_JSON;
	wn_result_free(last);
	last = NULL;
	wn_extract(html, sizeof html - 1, &o, &last);
	size_t len;
	const char *s = wn_result_output(last, &len);
	json_error_t err;
	json_t *j = json_loadb(s, len, 0, &err);
	CHECK(j != NULL);
	json_decref(j);
}

TEST(yaml_header)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.format = WN_FORMAT_MARKDOWN;
	o.metadata = 1;
	const char *html = PAGE(
		"<title>Quote \" and back\\slash: yes | Gazette</title>"
		"<meta property=\"og:site_name\" content=\"Gazette\">"
		"<meta name=\"author\" content=\"Mira Holt\">"
		"<meta name=\"keywords\" content=\"a: b, #c\">"
		"<meta name=\"description\" content=\"Line one&#10;line two\">",
		ARTICLE(""));
	wn_result_free(last);
	last = NULL;
	wn_extract(html, strlen(html), &o, &last);
	const char *s = wn_result_output(last, NULL);
	const char *want =
		"---\n"
		"title: \"Quote \\\" and back\\\\slash: yes\"\n"
		"author: \"Mira Holt\"\n"
		"sitename: \"Gazette\"\n"
		"description: \"Line one line two\"\n"
		"kind: article\n"
		"tags:\n"
		"  - \"a: b\"\n"
		"  - \"#c\"\n"
		"---\n"
		"\n";
	CHECK(!strncmp(s, want, strlen(want)));
	if (strncmp(s, want, strlen(want)))
		fprintf(stderr, "  got: %.300s\n", s);
	CHECK(strstr(s, "The council met") != NULL);
}

TEST(text_header)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.metadata = 1;
	const char *html = PAGE("<meta name=\"author\" content=\"Mira Holt\">"
	                        "<meta property=\"article:tag\" content=\"bridges\">"
	                        "<meta property=\"article:tag\" content=\"parks\">",
	                        ARTICLE(""));
	wn_result_free(last);
	last = NULL;
	wn_extract(html, strlen(html), &o, &last);
	const char *s = wn_result_output(last, NULL);
	const char *want = "Title: Footbridge plan goes to council\n"
			   "Author: Mira Holt\n";
	CHECK(!strncmp(s, want, strlen(want)));
	CHECK(strstr(s, "\nTags: bridges, parks\n\nThe council met") != NULL);
	/* no metadata flag: no header */
	CHECK(!strncmp(body(html), "The council met", 15));
}

int main(void)
{
	RUN(jsonld_article);
	RUN(jsonld_graph_and_ids);
	RUN(jsonld_array_top_level_and_cdata);
	RUN(jsonld_broken_is_skipped);
	RUN(jsonld_raw_line_breaks_in_strings);
	RUN(jsonld_nesting_is_bounded);
	RUN(jsonld_name_or_headline);
	RUN(title_order);
	RUN(title_suffix);
	RUN(title_site_parts);
	RUN(title_from_h1);
	RUN(title_tail_and_longer_h1);
	RUN(title_marks);
	RUN(author_order);
	RUN(author_from_text);
	RUN(author_names_only);
	RUN(author_person_over_publisher);
	RUN(author_more_sources);
	RUN(microdata);
	RUN(dates_from_sources);
	RUN(date_formats);
	RUN(dates_more_sources);
	RUN(dates_updated_and_lead);
	RUN(dates_of_posts);
	RUN(language);
	RUN(url_and_image);
	RUN(no_metadata);
	RUN(entities_in_values);
	RUN(byline_leaves_body);
	RUN(body_text_stays);
	RUN(listing_dates_stay);
	RUN(json_object);
	RUN(json_valid_utf8);
	RUN(yaml_header);
	RUN(text_header);
	wn_result_free(last);
	return harness_done();
}
