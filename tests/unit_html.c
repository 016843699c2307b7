/*
 * unit_html.c -- the HTML output (WN_FORMAT_HTML, json_html): fragments
 * are put in an article page and rendered; the checks are on what a
 * browser would be handed: the elements and attributes that may appear,
 * escaping, URLs, the document around the fragment.
 *
 * Run with arguments it is a small renderer for the shell tests (the
 * command's -f html is wired apart from the library):
 *   unit_html [-f text|markdown|html|json] [--links] [--images]
 *             [--captions] [--metadata] [--markdown] [--html] [-u URL]
 *             [--max-output N] FILE
 * prints the output for FILE; exit status 0, or 1 for no content.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "winnow.h"

static const char PROSE[] =
	"<p>The river runs past the old mill, where the miller kept his "
	"accounts in a ledger bound with leather. Every spring the water rose, "
	"and every autumn it fell again, as it had done for centuries.</p>"
	"<p>Visitors came from the town to watch the wheel turn, and some of "
	"them stayed for the bread, which was famous across the valley. The "
	"miller's daughter sold it from a cart by the gate.</p>";
static const char PROSE_END[] = "<p>In the archive of the parish there is a drawing of the mill, made "
				"by a travelling painter, who noted the date, the weather, and the "
				"name of the dog that slept by the door.</p>";

typedef struct opts {
	int links, images, captions, metadata, json_html;
	wn_format format;
	const char *url;
	size_t max_output;
} opts;

/* The fragment between the prose, inside an article page, rendered as HTML
 * unless o says otherwise; the caller frees it. */
static char *render(const char *frag, opts o)
{
	wn_options opt;
	wn_result *r = NULL;
	wn_options_init(&opt, sizeof opt);
	opt.format = o.format ? o.format : WN_FORMAT_HTML;
	opt.links = o.links;
	opt.images = o.images;
	opt.captions = o.captions;
	opt.metadata = o.metadata;
	opt.json_html = o.json_html;
	opt.url = o.url;
	opt.max_output = o.max_output;
	size_t n = strlen(frag) + sizeof PROSE + sizeof PROSE_END + 400;
	char *html = malloc(n);
	snprintf(html, n,
	         "<html lang=\"en-GB\"><head><title>The mill &amp; the river"
	         "</title><meta name=\"author\" content=\"Ann &quot;Q&quot; Lee\">"
	         "<meta name=\"description\" content=\"A mill &lt;by&gt; a river.\">"
	         "<link rel=\"canonical\" href=\"https://mill.example/story\">"
	         "</head><body><article>%s%s%s</article></body></html>",
	         PROSE, frag, PROSE_END);
	wn_extract(html, strlen(html), &opt, &r);
	char *out = strdup(r ? wn_result_output(r, NULL) : "");
	wn_result_free(r);
	free(html);
	return out;
}

static char *h(const char *frag)
{
	return render(frag, (opts){0});
}

#define CHECK_NOT(hay, needle)                                                                    \
	do {                                                                                      \
		if (strstr((hay), (needle))) {                                                    \
			fprintf(stderr, "  %s:%d: unwanted \"%s\" in:\n%s\n", __FILE__, __LINE__, \
			        (needle), (hay));                                                 \
			harness_cur_failed = 1;                                                   \
		}                                                                                 \
	} while (0)

/* The output between the prose's paragraphs (cut off in out). */
static const char *tail(char *out)
{
	char *p = strstr(out, "by the gate.</p>\n"), *e = strstr(out, "<p>In the archive");
	if (e)
		*e = 0;
	return p ? p + strlen("by the gate.</p>\n") : out;
}

TEST(blocks_are_their_elements)
{
	char *m = h(
		"<h2>Section</h2><div>Bare text in a div.</div>"
		"<blockquote>Quoted<p>and a paragraph.</p></blockquote>"
		"<ul><li>one<ol start=\"3\"><li>three</li></ol></li><li>two</li></ul>"
		"<section><h3>Sub</h3><p>Deep <em>and</em> <strong>strong</strong>.</p></section>");
	CHECK_STR(tail(m), "<h2>Section</h2>\n<p>Bare text in a div.</p>\n"
	                   "<blockquote>\n<p>Quoted</p>\n<p>and a paragraph.</p>\n</blockquote>\n"
	                   "<ul>\n<li>one\n<ol start=\"3\">\n<li>three</li>\n</ol>\n</li>\n"
	                   "<li>two</li>\n</ul>\n"
	                   "<h3>Sub</h3>\n<p>Deep <em>and</em> <strong>strong</strong>.</p>\n");
	CHECK(m[0] == '<' && !strstr(m, "\n\n"));
	free(m);
}

TEST(inline_elements_are_kept_and_never_hold_blocks)
{
	char *m = h("<p>H<sub>2</sub>O, x<sup>2</sup>, <mark>m</mark>, <q>q</q>, "
	            "<cite>c</cite>, <abbr title=\"World &amp; Web\">WWW</abbr>, "
	            "<del>d</del><s>s</s><strike>k</strike>, <kbd>ls</kbd>, "
	            "<b>b<b>bb</b></b>, <span class=\"x\">plain</span>.</p>"
	            "<div><em>one<div>two</div>three</em></div>");
	CHECK_HAS(m, "<p>H<sub>2</sub>O, x<sup>2</sup>, <mark>m</mark>, <q>q</q>, "
	             "<cite>c</cite>, <abbr title=\"World &amp; Web\">WWW</abbr>, "
	             "<del>d</del><s>s</s><s>k</s>, <code>ls</code>, <b>bbb</b>, plain.</p>");
	/* the emphasis closes around the block and reopens after it */
	CHECK_HAS(m, "<p><em>one</em></p>\n<p><em>two</em></p>\n<p><em>three</em></p>\n");
	free(m);
}

TEST(tables_keep_their_structure_and_spans)
{
	char *m = h("<table><thead><tr><th>Name</th><th>Value</th></tr></thead>"
	            "<tr><td colspan=\"2\">wide</td></tr>"
	            "<tr><td rowspan=\"2\">a</td><td></td></tr><tr><td>c</td></tr>"
	            "<tr><td colspan=\"x\" rowspan=\"two\">d</td><td rowspan=\" 0\">e</td>"
	            "</tr></table>");
	CHECK_HAS(m, "<table>\n<thead>\n<tr>\n<th>Name</th>\n<th>Value</th>\n</tr>\n</thead>\n"
	             "<tbody>\n<tr>\n<td colspan=\"2\">wide</td>\n</tr>\n"
	             "<tr>\n<td rowspan=\"2\">a</td>\n<td></td>\n</tr>\n"
	             "<tr>\n<td>c</td>\n</tr>\n"
	             "<tr>\n<td>d</td>\n<td rowspan=\"0\">e</td>\n</tr>\n</tbody>\n</table>\n");
	free(m);
	/* a table laying out the page gives its cells' text as paragraphs */
	m = h("<table><tr><td><p>Left column with a paragraph of its own.</p>"
	      "<p>And another one.</p></td><td><table><tr><td>x</td><td>y</td></tr></table>"
	      "</td></tr></table>");
	CHECK_HAS(m, "<p>Left column with a paragraph of its own.</p>\n<p>And another one.</p>\n"
	             "<table>\n<tbody>\n<tr>\n<td>x</td>\n<td>y</td>\n</tr>\n</tbody>\n</table>\n");
	free(m);
}

TEST(code_blocks_are_verbatim)
{
	char *m = h("<pre><code class=\"language-c\">if (a &lt; b &amp;&amp; c)\n"
	            "    return \"x\";\n</code></pre><pre>\n\nstarts blank</pre>"
	            "<pre>\n\n\nthree newlines, the first two dropped</pre>"
	            "<h3>Run <pre>make  test</pre></h3>");
	CHECK_HAS(m, "<pre><code class=\"language-c\">if (a &lt; b &amp;&amp; c)\n"
	             "    return \"x\";</code></pre>\n");
	/* the parser drops a newline after <pre>, and the renderers (text and
	 * Markdown alike) one more; then a newline left needs another */
	CHECK_HAS(m, "<pre>starts blank</pre>\n");
	CHECK_HAS(m, "<pre>\n\nthree newlines, the first two dropped</pre>\n");
	CHECK_HAS(m, "<h3>Run <code>make test</code></h3>\n");
	free(m);
}

/* The language from the page's conventions and from a label, which is
 * then not written as a paragraph (as in Markdown). */
TEST(code_languages_and_labels)
{
	char *m = h("<div class=\"highlight-python notranslate\"><div class=\"highlight\">"
	            "<pre>x = 1</pre></div></div>"
	            "<div class=\"code-example\"><div class=\"example-header\">"
	            "<span>js</span></div><pre class=\"brush: js notranslate\"><code>let y;"
	            "</code></pre></div>");
	CHECK_STR(tail(m), "<pre><code class=\"language-python\">x = 1</code></pre>\n"
	                   "<pre><code class=\"language-js\">let y;</code></pre>\n");
	free(m);
}

/* Images without src: srcset's largest candidate, <picture>'s source. */
TEST(responsive_images)
{
	char *m = render("<p><img srcset=\"s.jpg 480w, l.jpg 1200w\" alt=\"W\"></p>"
	                 "<picture><source srcset=\"p.webp 1x, p2.webp 2x\"><img alt=\"P\">"
	                 "</picture>",
	                 (opts){.images = 1, .url = "https://ex.org/a/"});
	CHECK_STR(tail(m), "<p><img src=\"https://ex.org/a/l.jpg\" alt=\"W\"></p>\n"
	                   "<p><img src=\"https://ex.org/a/p2.webp\" alt=\"P\"></p>\n");
	free(m);
}

TEST(nothing_active_or_styled_survives)
{
	char *m = render(
		"<p onclick=\"steal()\" style=\"color:red\" class=\"lead\" id=\"p1\">"
		"The miller wrote that visitors should click <a href=\"/x\" "
		"onmouseover=\"steal()\" target=\"_blank\" class=\"btn\">here</a> "
		"<img src=\"i.png\" onerror=\"steal()\" width=\"9\" alt=\"pic\"> "
		"for the prices, which changed every season.</p>"
		"<script>steal()</script><style>p{}</style><iframe src=\"/f\">"
		"</iframe><form action=\"/s\"><input name=\"q\"><button>Go</button>"
		"</form><object data=\"x.swf\"></object>"
		"<p><font color=\"red\" face=\"x\">Red</font> <u>line</u></p>",
		(opts){.links = 1, .images = 1});
	CHECK_HAS(m, "<p>The miller wrote that visitors should click <a href=\"/x\">here</a> "
	             "<img src=\"i.png\" alt=\"pic\"> for the prices, which changed every "
	             "season.</p>\n<p>Red line</p>\n");
	static const char *const bad[] = {
		" on",  "style", "class",  " id=",   "target", "width", "script", "iframe",
		"form", "input", "button", "object", "font",   "<u>",   "steal"};
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++)
		CHECK_NOT(tail(m), bad[k]);
	free(m);
}

TEST(text_and_attributes_are_escaped)
{
	char *m = render("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; AT&amp;T "
	                 "\"quoted\" 'single'</p>"
	                 "<p>The ledger, which the parish keeps, lists the <a "
	                 "href=\"/q?a=1&amp;b=&quot;2&quot;\">amp</a> prices of bread and flour "
	                 "<img src=\"/i.png?x=&lt;y&gt;\" alt=\"a &quot;b&quot; &lt;c&gt; &amp; d\">"
	                 "for every year of the last century.</p>",
	                 (opts){.links = 1, .images = 1});
	CHECK_HAS(m, "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; AT&amp;T "
	             "\"quoted\" 'single'</p>\n");
	CHECK_HAS(m, "<a href=\"/q?a=1&amp;b=&quot;2&quot;\">amp</a>");
	CHECK_HAS(m, "<img src=\"/i.png?x=&lt;y&gt;\" alt=\"a &quot;b&quot; &lt;c&gt; &amp; d\">");
	free(m);
	/* A combining long solidus cannot fuse with a tag's '>' (NFC would
	 * make it U+226F); after an escaped '>' it is the composed sign, as
	 * in the text output. */
	m = h("<p><b>x</b>\xcc\xb8 and a&gt;\xcc\xb8"
	      "b</p>");
	CHECK_HAS(m, "<p><b>x</b>&#x338; and a\xe2\x89\xaf"
	             "b</p>");
	free(m);
}

TEST(urls_are_absolute_with_the_url_option)
{
	static const char F[] = "<p>The painter's notes, which the parish keeps with care, "
				"are described in <a href=\"../x?a=1\">relative</a>, "
				"<a href=\"https://abs.example/p\">absolute</a>, "
				"<a href=\"#top\">anchor</a> and "
				"<img src=\"pic.png\" alt=\"P\"> terms, at length.</p>";
	char *m = render(F, (opts){.links = 1, .images = 1, .url = "https://ex.org/a/b/c.html"});
	CHECK_HAS(m, "are described in <a href=\"https://ex.org/a/x?a=1\">relative</a>, "
	             "<a href=\"https://abs.example/p\">absolute</a>, anchor and "
	             "<img src=\"https://ex.org/a/b/pic.png\" alt=\"P\"> terms, at length.</p>");
	free(m);
	m = render(F, (opts){.links = 1, .images = 1});
	CHECK_HAS(m, "<a href=\"../x?a=1\">relative</a>");
	CHECK_HAS(m, "<img src=\"pic.png\" alt=\"P\">");
	free(m);
}

TEST(script_and_data_urls_are_never_written)
{
	static const char F[] =
		"<p>The parish lists, in its own careful order, these links: "
		"<a href=\"javascript:alert(1)\">one</a>, "
		"<a href=\" JavaScript:alert(1)\">two</a>, "
		"<a href=\"java&#9;script:alert(1)\">three</a>, "
		"<a href=\"java&#10;script:alert(1)\">four</a>, "
		"<a href=\"vbscript:msgbox(1)\">five</a>, "
		"<a href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">six</a>, "
		"<a href=\"mailto:a@b.example\">mail</a>, and nothing more, for now.</p>"
		"<p><img src=\"data:image/gif;base64,R0lGOD\" alt=\"placeholder\">"
		"<img src=\"data:image/gif;base64,R0lGOD\" data-src=\"lazy.jpg\" alt=\"lazy\">"
		"<img src=\"javascript:alert(1)\" alt=\"js\"></p>";
	for (int k = 0; k < 2; k++) {
		char *m = render(
			F, (opts){.links = 1, .images = 1, .url = k ? "https://ex.org/a/" : NULL});
		CHECK_HAS(m,
		          "these links: one, two, three, four, five, six, "
		          "<a href=\"mailto:a@b.example\">mail</a>, and nothing more, for now.</p>");
		CHECK_HAS(m, "lazy.jpg\" alt=\"lazy\">");
		CHECK_NOT(m, "script:");
		CHECK_NOT(m, "data:");
		CHECK_NOT(m, "placeholder");
		free(m);
	}
}

TEST(links_and_images_only_when_asked)
{
	static const char F[] = "<p>The mill has a <a href=\"/x\">page of its own</a> and "
				"<img src=\"pic.png\" alt=\"P\"> a picture, which the "
				"painter made in the spring of that year.</p>"
				"<figure><img src=\"fig.png\" alt=\"F\">"
				"<figcaption>The caption of the figure.</figcaption></figure>";
	char *m = h(F);
	CHECK_HAS(m, "<p>The mill has a page of its own and a picture, which");
	CHECK_NOT(m, "<a");
	CHECK_NOT(m, "<img");
	CHECK_NOT(m, "figure");
	CHECK_NOT(m, "caption");
	free(m);
	m = render(F, (opts){.images = 1});
	CHECK_HAS(m, "<p>The mill has a page of its own and <img src=\"pic.png\" alt=\"P\"> a "
	             "picture, which the painter made in the spring of that year.</p>\n"
	             "<figure><img src=\"fig.png\" alt=\"F\"></figure>\n");
	CHECK_NOT(m, "<a");
	free(m);
	m = render(F, (opts){.images = 1, .captions = 1});
	CHECK_HAS(m, "<figure><img src=\"fig.png\" alt=\"F\">\n"
	             "<figcaption>The caption of the figure.</figcaption>\n</figure>\n");
	free(m);
	/* captions without images: the caption's text as a paragraph */
	m = render(F, (opts){.captions = 1});
	CHECK_HAS(m, "<p>The caption of the figure.</p>\n");
	CHECK_NOT(m, "<img");
	free(m);
}

TEST(line_breaks)
{
	char *m = h("<div>First line<br>second line<br><br>next paragraph<br><br><br>"
	            "and the last</div><p><br>Leading break<br></p>");
	CHECK_HAS(m, "<p>First line<br>second line</p>\n<p>next paragraph</p>\n"
	             "<p>and the last</p>\n<p>Leading break</p>\n");
	free(m);
}

TEST(items_and_text_where_they_cannot_stand)
{
	char *m = h("<div><li>loose item</li></div>"
	            "<ul><li>in</li><div>div in a list</div><p>para in a list</p></ul>"
	            "<dl><dt>Term</dt><dd>Definition</dd><li>item in a dl</li></dl>");
	CHECK_HAS(m, "<ul>\n<li>loose item</li>\n</ul>\n");
	CHECK_HAS(m, "<ul>\n<li>in</li>\n<li>div in a list</li>\n<li>\n<p>para in a list</p>\n"
	             "</li>\n</ul>\n");
	CHECK_HAS(m, "<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n<dd>\n<ul>\n"
	             "<li>item in a dl</li>\n</ul>\n</dd>\n</dl>\n");
	free(m);
	m = h("<ul><dt>A term in a list, which the painter noted down.</dt>"
	      "<pre>code in a list</pre></ul>");
	CHECK_HAS(m, "<ul>\n<li>\n<dl>\n<dt>A term in a list, which the painter noted down."
	             "</dt>\n</dl>\n</li>\n<li>\n<pre>code in a list</pre>\n</li>\n</ul>\n");
	free(m);
}

TEST(metadata_makes_a_document)
{
	char *m = render("<p dir=\"auto\">Tail.</p>", (opts){.metadata = 1});
	const char *head = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
			   "<meta charset=\"utf-8\">\n<title>The mill &amp; the river</title>\n"
			   "<meta name=\"author\" content=\"Ann &quot;Q&quot; Lee\">\n"
			   "<meta name=\"description\" content=\"A mill &lt;by&gt; a river.\">\n"
			   "<link rel=\"canonical\" href=\"https://mill.example/story\">\n"
			   "</head>\n<body>\n<p>The river runs";
	CHECK(!strncmp(m, head, strlen(head)));
	if (strncmp(m, head, strlen(head)))
		fprintf(stderr, "%s\n", m);
	size_t n = strlen(m);
	CHECK(n > 21 && !strcmp(m + n - 21, "</p>\n</body>\n</html>\n"));
	free(m);
	/* without it, a fragment */
	m = h("");
	CHECK(!strncmp(m, "<p>The river runs", 17));
	CHECK_NOT(m, "<html");
	free(m);
}

TEST(json_html_member)
{
	char *j = render("<p>Tail &amp; end.</p>", (opts){.format = WN_FORMAT_JSON, .json_html = 1});
	char *f = h("<p>Tail &amp; end.</p>");
	CHECK_HAS(j, "\"text\":\"The river runs");
	CHECK_HAS(j, "by the door.\\n\",\"html\":\"<p>The river runs");
	CHECK_HAS(j, "<p>Tail &amp; end.</p>\\n<p>In the archive");
	CHECK_HAS(j, "by the door.</p>\\n\"}");
	/* the member is the HTML output, as a JSON string */
	const char *v = strstr(j, "\"html\":\"");
	size_t k = 0;
	int same = v != NULL;
	for (v = v ? v + 8 : ""; same && *v && *v != '"'; v++, k++) {
		char c = *v;
		if (c == '\\') {
			v++;
			c = *v == 'n' ? '\n' : *v;
		}
		same = f[k] == c;
	}
	CHECK(same && f[k] == 0);
	/* without the option, the JSON of before: no "html" member */
	char *plain = render("<p>Tail &amp; end.</p>", (opts){.format = WN_FORMAT_JSON});
	CHECK_NOT(plain, "\"html\"");
	char *cut = strstr(j, ",\"html\":");
	if (cut) {
		strcpy(cut, "}\n");
		CHECK_STR(j, plain);
	}
	free(plain);
	free(j);
	free(f);
}

TEST(output_shape_and_no_content)
{
	char *m = h("");
	size_t n = strlen(m);
	CHECK(n > 0 && m[n - 1] == '\n' && m[n - 2] != '\n');
	free(m);
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.format = WN_FORMAT_HTML;
	wn_result *r = NULL;
	CHECK(wn_extract("<html><body> </body></html>", 27, &o, &r) == WN_NO_CONTENT);
	CHECK_STR(wn_result_output(r, NULL), "");
	wn_result_free(r);
	o.metadata = 1; /* no document around nothing */
	CHECK(wn_extract("<html><body> </body></html>", 27, &o, &r) == WN_NO_CONTENT);
	CHECK_STR(wn_result_output(r, NULL), "");
	wn_result_free(r);
}

TEST(max_output_cuts_outside_tags)
{
	/* Every cut length: the output never ends inside a tag or a
	 * character reference. */
	for (size_t max = 1; max < 420; max++) {
		char *m = render("<p>Tail &amp; <em>end</em>.</p>", (opts){.max_output = max});
		size_t n = strlen(m);
		CHECK(n <= max);
		int in_tag = 0, in_ref = 0;
		for (size_t k = 0; k < n; k++) {
			if (m[k] == '<')
				in_tag = 1;
			else if (m[k] == '>')
				in_tag = 0;
			else if (m[k] == '&')
				in_ref = 1;
			else if (m[k] == ';')
				in_ref = 0;
		}
		CHECK(!in_tag && !in_ref);
		if (in_tag || in_ref) {
			fprintf(stderr, "  cut at %zu: %s\n", max, m);
			free(m);
			break;
		}
		CHECK(!n || m[n - 1] == '\n');
		free(m);
	}
}

/* An older caller, whose options end before json_html, is served. */
TEST(older_options_layout)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.format = WN_FORMAT_JSON;
	o.size = offsetof(wn_options, json_html);
	wn_result *r = NULL;
	CHECK(wn_extract("<p>Some words of a short page.</p>", 34, &o, &r) == WN_OK);
	CHECK(r && !strstr(wn_result_output(r, NULL), "\"html\""));
	wn_result_free(r);
}

/* Nesting far deeper than any real page costs neither C stack nor time
 * quadratic in the depth. */
TEST(deep)
{
	static const struct {
		const char *open;
		int n;
	} cases[] = {{"<span>", 100000},
	             {"<b><i>", 20000},
	             {"<em>x", 20000},
	             {"<div><blockquote>y", 3000},
	             {"<ul><li>z", 3000}};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		size_t step = strlen(cases[k].open), n = 0;
		char *f = malloc((size_t)cases[k].n * step + 64);
		for (int i = 0; i < cases[k].n; i++, n += step)
			memcpy(f + n, cases[k].open, step);
		strcpy(f + n, "deep text, with words.");
		clock_t t0 = clock();
		char *m = h(f);
		CHECK_HAS(m, "deep text, with words.");
		CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 20);
		free(m);
		free(f);
	}
}

/* ---- the renderer for the shell tests ---- */

static int tool(int argc, char **argv)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.format = WN_FORMAT_HTML;
	const char *path = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-f") && i + 1 < argc) {
			a = argv[++i];
			o.format = !strcmp(a, "text")       ? WN_FORMAT_TEXT
			           : !strcmp(a, "markdown") ? WN_FORMAT_MARKDOWN
			           : !strcmp(a, "json")     ? WN_FORMAT_JSON
			                                    : WN_FORMAT_HTML;
		} else if (!strcmp(a, "--links")) {
			o.links = 1;
		} else if (!strcmp(a, "--images")) {
			o.images = 1;
		} else if (!strcmp(a, "--captions")) {
			o.captions = 1;
		} else if (!strcmp(a, "--metadata")) {
			o.metadata = 1;
		} else if (!strcmp(a, "--markdown")) {
			o.json_markdown = 1;
		} else if (!strcmp(a, "--html")) {
			o.json_html = 1;
		} else if (!strcmp(a, "--comments")) {
			o.comments = 1;
		} else if (!strcmp(a, "-u") && i + 1 < argc) {
			o.url = argv[++i];
		} else if (!strcmp(a, "--max-output") && i + 1 < argc) {
			o.max_output = (size_t)strtoull(argv[++i], NULL, 10);
		} else {
			path = a;
		}
	}
	FILE *f = path ? fopen(path, "rb") : NULL;
	if (!f) {
		fprintf(stderr, "unit_html: cannot read %s\n", path ? path : "(no file)");
		return 2;
	}
	size_t cap = 1 << 16, n = 0, k;
	char *b = malloc(cap);
	while ((k = fread(b + n, 1, cap - n, f)) > 0)
		if ((n += k) == cap)
			b = realloc(b, cap *= 2);
	fclose(f);
	wn_result *r = NULL;
	wn_status st = wn_extract(b, n, &o, &r);
	free(b);
	if (st != WN_OK && st != WN_NO_CONTENT) {
		fprintf(stderr, "unit_html: %s: %s\n", path, wn_status_string(st));
		return 2;
	}
	size_t len;
	const char *out = wn_result_output(r, &len);
	fwrite(out, 1, len, stdout);
	wn_result_free(r);
	return st == WN_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		return tool(argc, argv);
	RUN(blocks_are_their_elements);
	RUN(inline_elements_are_kept_and_never_hold_blocks);
	RUN(tables_keep_their_structure_and_spans);
	RUN(code_blocks_are_verbatim);
	RUN(code_languages_and_labels);
	RUN(responsive_images);
	RUN(nothing_active_or_styled_survives);
	RUN(text_and_attributes_are_escaped);
	RUN(urls_are_absolute_with_the_url_option);
	RUN(script_and_data_urls_are_never_written);
	RUN(links_and_images_only_when_asked);
	RUN(line_breaks);
	RUN(items_and_text_where_they_cannot_stand);
	RUN(metadata_makes_a_document);
	RUN(json_html_member);
	RUN(output_shape_and_no_content);
	RUN(max_output_cuts_outside_tags);
	RUN(older_options_layout);
	RUN(deep);
	return harness_done();
}
