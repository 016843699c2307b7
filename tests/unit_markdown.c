/*
 * unit_markdown.c -- the Markdown renderer and URL resolution: fragments
 * are put in an article page, rendered, checked as text, and read back with
 * cmark-gfm (when installed) to check the structure and that the words are
 * those of the plain-text output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "base/url.h"
#include "winnow.h"

/* The fragment goes between these, inside the article. */
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
	int links, images, text;
	const char *url;
} opts;

/* The fragment inside an article page, rendered; the caller frees it. */
static char *render(const char *frag, opts o)
{
	wn_options opt;
	wn_result *r = NULL;
	wn_options_init(&opt, sizeof opt);
	opt.format = o.text ? WN_FORMAT_TEXT : WN_FORMAT_MARKDOWN;
	opt.links = o.links;
	opt.images = o.images;
	opt.url = o.url;
	size_t n = strlen(frag) + sizeof PROSE + sizeof PROSE_END + 200;
	char *html = malloc(n);
	snprintf(html, n,
	         "<html><head><title>Mill</title></head><body><article>"
	         "%s%s%s</article></body></html>",
	         PROSE, frag, PROSE_END);
	wn_extract(html, strlen(html), &opt, &r);
	char *out = strdup(r ? wn_result_output(r, NULL) : "");
	wn_result_free(r);
	free(html);
	return out;
}

static char *md(const char *frag)
{
	return render(frag, (opts){0});
}

static int have_cmark(void)
{
	static int have = -1;
	if (have < 0)
		have = system("command -v cmark-gfm >/dev/null 2>&1") == 0;
	return have;
}

/* The Markdown as HTML by cmark-gfm, or NULL when it is missing. */
static char *cmark(const char *markdown)
{
	if (!have_cmark())
		return NULL;
	char path[] = "/tmp/winnow-md-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	FILE *f = fdopen(fd, "w");
	fputs(markdown, f);
	fclose(f);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "cmark-gfm -e table -e strikethrough %s", path);
	FILE *p = popen(cmd, "r");
	size_t cap = 4096, len = 0, k;
	char *html = malloc(cap);
	while (p && (k = fread(html + len, 1, cap - len - 1, p)) > 0)
		if ((len += k) + 1 == cap)
			html = realloc(html, cap *= 2);
	html[len] = 0;
	if (p)
		pclose(p);
	unlink(path);
	return html;
}

static int skipped_noted;

/* Checks that the HTML of the Markdown of frag contains each string in
 * want (NULL-terminated) and none in unwanted. */
static void check_html(const char *markdown, const char *const *want, const char *const *unwanted)
{
	char *html = cmark(markdown);
	if (!html) {
		if (!skipped_noted++)
			printf("skipped: cmark-gfm not installed\n");
		return;
	}
	for (; want && *want; want++)
		if (!strstr(html, *want)) {
			fprintf(stderr, "  want in HTML: %s\n%s\n", *want, html);
			CHECK(!"HTML lacks an expected part");
		}
	for (; unwanted && *unwanted; unwanted++)
		if (strstr(html, *unwanted)) {
			fprintf(stderr, "  unwanted in HTML: %s\n%s\n", *unwanted, html);
			CHECK(!"HTML has an unexpected part");
		}
	free(html);
}

/* The words of HTML text: tags dropped, the entities cmark writes decoded. */
static void html_words(const char *h, char *out)
{
	static const char *const ent[][2] = {
		{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}};
	int space = 1;
	while (*h) {
		if (*h == '<') {
			const char *t = h + 1 + (h[1] == '/');
			size_t n = strspn(t, "abcdefghijklmnopqrstuvwxyz");
			char name[16] = " ";
			if (n < sizeof name - 2) {
				memcpy(name + 1, t, n);
				name[n + 1] = ' ';
				name[n + 2] = 0;
			}
			int inl = n && n < sizeof name - 2 &&
			          strstr(" a em strong code del img ", name);
			while (*h && *h != '>')
				h++;
			h += *h == '>';
			if (!inl && !space) /* inline elements part no words */
				*out++ = ' ', space = 1;
			continue;
		}
		size_t k = 0;
		for (; k < 4 && strncmp(h, ent[k][0], strlen(ent[k][0])); k++)
			;
		char c = k < 4 ? ent[k][1][0] : *h;
		h += k < 4 ? strlen(ent[k][0]) : 1;
		if (strchr(" \t\n", c)) {
			if (!space)
				*out++ = ' ', space = 1;
		} else {
			*out++ = c, space = 0;
		}
	}
	*out = 0;
}

/* The words of plain text, white space collapsed. */
static void text_words(const char *t, char *out)
{
	int space = 1;
	for (; *t; t++)
		if (strchr(" \t\n", *t)) {
			if (!space)
				*out++ = ' ', space = 1;
		} else {
			*out++ = *t, space = 0;
		}
	*out = 0;
}

/* The Markdown, read back, says the words of the plain-text output. */
static void check_words(const char *frag)
{
	char *m = md(frag), *t = render(frag, (opts){.text = 1});
	char *html = cmark(m);
	if (html) {
		char *a = malloc(strlen(html) + 2), *b = malloc(strlen(t) + 2);
		html_words(html, a);
		text_words(t, b);
		size_t n = strlen(a);
		if (n && a[n - 1] == ' ')
			a[n - 1] = 0;
		n = strlen(b);
		if (n && b[n - 1] == ' ')
			b[n - 1] = 0;
		CHECK_STR(a, b);
		free(a);
		free(b);
		free(html);
	}
	free(m);
	free(t);
}

#define LIST(...) ((const char *const[]){__VA_ARGS__, NULL})

static const char F_HEADINGS[] = "<h2>Section title</h2><p>Body text.</p>"
				 "<h3>Using C #</h3><h4>Line<br>break</h4>";
static const char F_LISTS[] = "<ul><li>one<ul><li>inner one</li><li>inner two</li></ul></li>"
			      "<li>two</li></ul><ol start=\"3\"><li>three</li><li>four</li></ol>";
static const char F_QUOTE[] = "<blockquote><p>Quote one.</p><p>Quote two.</p>"
			      "<ul><li>alpha</li><li>beta</li></ul>"
			      "<blockquote><p>Deeper.</p></blockquote></blockquote>";
static const char F_PRE[] = "<pre><code class=\"language-c\">int f(void)\n{\n    return 1;\n}\n"
			    "</code></pre><pre>x = ```\n\ty</pre>";
static const char F_CODE[] = "<p>Run <code>a`b</code> and <kbd>ls</kbd> now.</p>";
static const char F_EMPH[] = "<p>x<b> bold </b>y and <em>it</em> and <i> </i>gap and "
			     "<del>gone</del> and <b>Note:</b>Text.</p>";
static const char F_TABLE[] = "<table><tr><th>Name</th><th>Value</th></tr>"
			      "<tr><td colspan=\"2\">wide | cell</td></tr>"
			      "<tr><td>a</td><td>b</td></tr></table>";
static const char F_LINKS[] = "<p>The painter left notes, which the parish keeps with care. See "
			      "<a href=\"https://abs.example/p\">absolute</a>, "
			      "<a href=\"../x?a=1\">relative</a>, <a href=\"/my page\">spaced</a> "
			      "and <a href=\"javascript:void(0)\">scripted</a>.</p>";
static const char F_IMAGES[] =
	"<p><img src=\"pic.png\" alt=\"A pic\"></p>"
	"<p><img src=\"data:image/gif;base64,R0\" data-src=\"lazy.jpg\" alt=\"Lazy\"></p>"
	"<figure><img src=\"fig.png\" alt=\"Fig\"></figure>";
static const char F_ESCAPES[] =
	"<p>*not emphasis*</p><p># not a heading</p><p>1. not a list</p>"
	"<p>- not an item</p><p>a_b_c and _x_</p><p>&lt;div&gt; as text</p>"
	"<p>[x](y) as text</p><p>&amp;amp; as text</p><p>back\\slash\\* and ~~no~~</p>";

TEST(headings)
{
	char *m = md(F_HEADINGS);
	CHECK_HAS(m, "## Section title\n\nBody text.\n\n### Using C \\#\n\n#### Line break\n");
	check_html(m, LIST("<h2>Section title</h2>", "<h3>Using C #</h3>", "<h4>Line break</h4>"),
	           NULL);
	free(m);
	check_words(F_HEADINGS);
}

TEST(lists)
{
	char *m = md(F_LISTS);
	CHECK_HAS(m, "- one\n  - inner one\n  - inner two\n- two\n");
	CHECK_HAS(m, "3. three\n4. four\n");
	check_html(m, LIST("<ol start=\"3\">", "<li>one\n<ul>", "<li>inner two</li>"),
	           LIST("<li>\n<p>"));
	free(m);
	check_words(F_LISTS);
	/* An ordered list from 3 cannot interrupt an item's text. */
	m = md("<ul><li>top<ol start=\"3\"><li>sub</li></ol></li></ul>");
	check_html(m, LIST("<ol start=\"3\">\n<li>sub</li>"), NULL);
	free(m);
	/* Two lists in a row stay two lists. */
	m = md("<ul><li>a</li></ul><ul><li>b</li></ul>");
	check_html(m, LIST("<li>a</li>\n</ul>\n<ul>\n<li>b</li>"), NULL);
	free(m);
}

TEST(blockquote)
{
	char *m = md(F_QUOTE);
	CHECK_HAS(m, "> Quote one.\n>\n> Quote two.\n>\n> - alpha\n> - beta\n>\n> > Deeper.\n");
	check_html(m,
	           LIST("<blockquote>\n<p>Quote one.</p>\n<p>Quote two.</p>\n<ul>", "<li>beta</li>",
	                "<blockquote>\n<p>Deeper.</p>"),
	           NULL);
	free(m);
	check_words(F_QUOTE);
}

TEST(pre)
{
	char *m = md(F_PRE);
	CHECK_HAS(m, "```c\nint f(void)\n{\n    return 1;\n}\n```\n");
	CHECK_HAS(m, "````\nx = ```\n\ty\n````\n");
	check_html(m,
	           LIST("<code class=\"language-c\">int f(void)\n{\n    return 1;\n}\n</code>",
	                "<code>x = ```\n\ty\n</code>"),
	           NULL);
	free(m);
	/* Code viewers that put each line in a block of its own (Stripe's
	 * docs: <div> per line inside <pre>): a line each, as shown. */
	m = md("<pre><code><div><span>{</span></div><div>  \"id\": 1,</div>"
	       "<div>  \"ok\": true</div><div>}</div></code></pre>");
	CHECK_HAS(m, "```\n{\n  \"id\": 1,\n  \"ok\": true\n}\n```\n");
	free(m);
	/* indentation of the source between such blocks is no line */
	m = md("<pre><div>if x:</div>    <div>    y()</div></pre>");
	CHECK_HAS(m, "```\nif x:\n    y()\n```\n");
	free(m);
	check_words(F_PRE);
}

/* A fence's info string from every common convention; words that say
 * "no language" give none. */
TEST(fence_languages)
{
	static const char *const cases[][2] = {
		{"<pre class=\"language-rust ignore\"><code>let x;</code></pre>", "rust"},
		{"<pre class=\"highlight\"><code class=\"lang-py\">x = 1</code></pre>", "py"},
		{"<pre class=\"brush: js; gutter: false\">let x;</pre>", "js"},
		{"<pre class=\"brush:php\">$x;</pre>", "php"},
		{"<div class=\"highlight highlight-source-shell\"><pre>ls -l</pre></div>", "shell"},
		{"<div class=\"highlight-python notranslate\"><div class=\"highlight\">"
	         "<pre>x = 1</pre></div></div>",
	         "python"},
		{"<div class=\"language-yaml highlighter-rouge\"><div class=\"highlight\">"
	         "<pre class=\"highlight\"><code>a: 1</code></pre></div></div>",
	         "yaml"},
		{"<pre lang=\"ruby\"><code>puts 1</code></pre>", "ruby"},
		{"<pre><code data-lang=\"toml\">a = 1</code></pre>", "toml"},
		{"<div class=\"gatsby-highlight\" data-language=\"sql\"><pre class=\"x\">"
	         "<code>SELECT 1;</code></pre></div>",
	         "sql"},
		{"<div class=\"sourceCode\"><pre class=\"sourceCode haskell\"><code>main = 1</code>"
	         "</pre></div>",
	         "haskell"},
		{"<div class=\"mw-highlight mw-highlight-lang-ini\"><pre>a=1</pre></div>", "ini"},
		{"<pre><code class=\"lang-auto\">plain</code></pre>", ""},
		{"<pre class=\"language-none\">plain</pre>", ""},
		{"<div class=\"highlight-block\"><pre>plain</pre></div>", ""},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		char *m = md(cases[k][0]), want[64];
		snprintf(want, sizeof want, "\n\n```%s\n", cases[k][1]);
		CHECK_HAS(m, want);
		free(m);
	}
	/* A wrapper holding more than the code says nothing of it: an
	 * article's lang-en is the page's language. */
	char *m = md("<div class=\"lang-en\"><p>A paragraph of the wrapper, long enough to "
	             "be text of its own.</p><pre>x = 1</pre></div>");
	CHECK_HAS(m, "\n\n```\nx = 1\n```\n");
	free(m);
}

/* A code block's label -- a word naming the language, just before the
 * code in a wrapper that holds only the two (MDN's example header, a
 * "Python" bar) -- is the fence's info string, not a paragraph. */
TEST(fence_labels)
{
	char *m = md("<div class=\"code-example\"><div class=\"example-header\">"
	             "<span class=\"language-name\">css</span></div>"
	             "<pre class=\"brush: css notranslate\"><code>a { b: c; }</code></pre></div>"
	             "<div class=\"code-block\"><div class=\"code-label\">Python</div>"
	             "<pre><code>print(1)</code></pre></div>");
	CHECK_HAS(m, "by the gate.\n\n```css\na { b: c; }\n```\n\n```python\nprint(1)\n```\n");
	free(m);
	/* not a label: a file name, a word that is not the language, a
	 * label beside other text */
	m = md("<div class=\"listing\"><p class=\"filename\">main.py</p><pre>x = 1</pre></div>"
	       "<div><span>Shell</span><pre class=\"language-python\">y = 2</pre></div>"
	       "<div><p>Run this, which the miller wrote down in his own hand:</p>"
	       "<p>Bash</p><pre>z</pre></div>");
	CHECK_HAS(m, "main.py\n\n```\nx = 1\n```\n\nShell\n\n```python\ny = 2\n```\n");
	CHECK_HAS(m, "Bash\n\n```\nz\n```\n");
	free(m);
}

TEST(inline_code)
{
	char *m = md(F_CODE);
	CHECK_HAS(m, "Run ``a`b`` and `ls` now.");
	check_html(m, LIST("<code>a`b</code>", "<code>ls</code>"), NULL);
	free(m);
	check_words(F_CODE);
}

TEST(emphasis)
{
	char *m = md(F_EMPH);
	CHECK_HAS(m, "x **bold** y and *it* and gap and ~~gone~~ and Note:Text.");
	check_html(m, LIST("x <strong>bold</strong> y", "<em>it</em>"), LIST("**"));
	free(m);
	check_words(F_EMPH);
	m = md("<p><b>one</b><b>two</b> and <i>a<b>b</b>c</i></p>");
	CHECK_HAS(m, "**onetwo** and *a**b**c*");
	free(m);
}

TEST(table)
{
	char *m = md(F_TABLE);
	CHECK_HAS(m, "| Name | Value |\n| --- | --- |\n| wide \\| cell | |\n| a | b |\n");
	check_html(m, LIST("<table>", "<th>Name</th>", "<td>wide | cell</td>"), NULL);
	free(m);
	check_words(F_TABLE);
	/* A table that lays out the page gives paragraphs. */
	m = md("<table><tr><td><table><tr><td>inner cell</td><td>x</td></tr></table>"
	       "</td><td>outer</td></tr></table>");
	CHECK_HAS(m, "\n\n| inner cell | x |\n| --- | --- |\n\nouter\n");
	free(m);
}

TEST(links)
{
	char *m = render(F_LINKS, (opts){.links = 1, .url = "https://ex.org/a/b/c.html"});
	CHECK_HAS(m, "See [absolute](https://abs.example/p), "
	             "[relative](https://ex.org/a/x?a=1), "
	             "[spaced](<https://ex.org/my page>) and scripted.");
	check_html(m,
	           LIST("<a href=\"https://ex.org/a/x?a=1\">relative</a>",
	                "<a href=\"https://ex.org/my%20page\">spaced</a>"),
	           NULL);
	free(m);
	m = render(F_LINKS, (opts){.links = 1});
	CHECK_HAS(m, "[relative](../x?a=1)");
	free(m);
	/* however a script URL is spelt, it is not a link */
	m = render("<p>The painter's notes, which the parish keeps with care, say "
	           "<a href=\"java&#9;script:alert(1)\">tab</a>, <a href=\" JavaScript:x\">case"
	           "</a>, <a href=\"vbscript:x\">vb</a> and <a href=\"data:text/html,x\">data</a>."
	           "</p>",
	           (opts){.links = 1, .url = "https://ex.org/a/"});
	CHECK_HAS(m, "say tab, case, vb and data.");
	CHECK(!strstr(m, "]("));
	free(m);
	m = md(F_LINKS);
	CHECK_HAS(m, "See absolute, relative, spaced and scripted.");
	free(m);
}

/* srcset without src (the largest candidate), lazy data-srcset behind a
 * data: placeholder, <picture>'s sources. */
TEST(responsive_images)
{
	char *m = render(
		"<p><img srcset=\"s.jpg 480w, m.jpg 800w, l.jpg 1200w, x.jpg 900w\" "
		"alt=\"Widths\"></p>"
		"<p><img srcset=\"a.png, b.png 2x, c.png 1.5x\" alt=\"Densities\"></p>"
		"<p><img src=\"data:image/gif;base64,R0\" data-srcset=\"https://cdn.example/"
		"w_300,h_200/p.jpg 300w, https://cdn.example/w_600,h_400/p.jpg 600w\" "
		"alt=\"Lazy\"></p>"
		"<picture><source type=\"image/avif\" srcset=\"p.avif 1x, p2.avif 2x\">"
		"<source srcset=\"p.webp\"><img alt=\"Picture\"></picture>"
		"<p><img src=\"kept.jpg\" srcset=\"big.jpg 2000w\" alt=\"Src\"></p>",
		(opts){.images = 1});
	CHECK_HAS(m, "![Widths](l.jpg)\n\n![Densities](b.png)\n\n"
	             "![Lazy](https://cdn.example/w_600,h_400/p.jpg)\n\n![Picture](p2.avif)\n\n"
	             "![Src](kept.jpg)\n");
	free(m);
}

TEST(images)
{
	char *m = render(F_IMAGES, (opts){.images = 1, .url = "https://ex.org/a/b/c.html"});
	CHECK_HAS(m, "\n\n![A pic](https://ex.org/a/b/pic.png)\n\n"
	             "![Lazy](https://ex.org/a/b/lazy.jpg)\n\n"
	             "![Fig](https://ex.org/a/b/fig.png)\n");
	check_html(m, LIST("<p><img src=\"https://ex.org/a/b/pic.png\" alt=\"A pic\" /></p>"), NULL);
	free(m);
	m = md(F_IMAGES);
	CHECK(!strstr(m, "!["));
	free(m);
}

TEST(escaping)
{
	char *m = md(F_ESCAPES);
	CHECK_HAS(m, "\\*not emphasis\\*\n\n\\# not a heading\n\n1\\. not a list\n\n"
	             "\\- not an item\n\na_b_c and \\_x\\_\n\n\\<div> as text\n\n"
	             "\\[x\\](y) as text\n\n\\&amp; as text\n\n");
	check_html(m,
	           LIST("<p>*not emphasis*</p>", "<p># not a heading</p>", "<p>1. not a list</p>",
	                "<p>- not an item</p>", "<p>a_b_c and _x_</p>",
	                "<p>&lt;div&gt; as text</p>", "<p>[x](y) as text</p>",
	                "<p>&amp;amp; as text</p>", "<p>back\\slash\\* and ~~no~~</p>"),
	           LIST("<em>", "<h1>", "<ol>", "<ul>", "<div>", "<a "));
	free(m);
	check_words(F_ESCAPES);
}

/* Constructs that once came back as other words. */
TEST(tricky)
{
	static const char *const frags[] = {
		"<p>Codes <code>a`</code><code>b</code> and <code>c</code><i><code>d</code></i>.</p>",
		"<ol><li>one</li><code><p>stray text</p></code><li>two</li></ol>",
		"<p>Slash <em> \\ </em>then <del>x</del><em>=</em> and (<em>\"q\"</em>).</p>",
		"<p><b>2) &gt; ]</b>foo and <b>x.</b><i>y</i></p>",
		"<ul><li><br></li><li>x</li></ul><p>after</p>",
		"<p>Line one<br>- two<br>3. three<br>=== four</p>",
	};
	for (size_t k = 0; k < sizeof frags / sizeof *frags; k++)
		check_words(frags[k]);
	char *m = md(frags[5]);
	CHECK_HAS(m, "Line one\\\n\\- two\\\n3\\. three\\\n\\=== four\n");
	free(m);
}

/* A definition list: each term a line, each definition a paragraph of
 * its own after it, marked ": " and indented under the mark (PHP
 * Markdown Extra's and pandoc's syntax, plain paragraphs to CommonMark),
 * not a one-item bullet list per definition. */
TEST(definition_lists)
{
	char *m = md("<dl><dt>Term</dt><dd>one</dd><dd>two</dd><dt>Other <code>x</code></dt>"
	             "<dd>three, which the parish keeps.<ul><li>alpha</li><li>beta</li></ul></dd>"
	             "<dd><ul><li>gamma</li><li>delta</li></ul></dd><dd>- dash</dd></dl>");
	CHECK_HAS(m, "\n\nTerm\n\n: one\n\n: two\n\nOther `x`\n\n"
	             ": three, which the parish keeps.\n  - alpha\n  - beta\n\n"
	             ":\n  - gamma\n  - delta\n\n: \\- dash\n\n");
	check_html(m,
	           LIST("<p>Term</p>\n<p>: one</p>\n<p>: two</p>\n<p>Other <code>x</code></p>",
	                "<p>: three, which the parish keeps.</p>\n<ul>\n<li>alpha</li>",
	                "<p>:</p>\n<ul>\n<li>gamma</li>\n<li>delta</li>\n</ul>", "<p>: - dash</p>"),
	           LIST("<li>one</li>", "<li>two</li>"));
	free(m);
	/* terms dropped (links only): their definitions are plain paragraphs */
	m = md("<dl><dt><a href=\"/x\">ClusterIP</a></dt><dd>Exposes the service on an "
	       "address inside the cluster, which the miller never needed.</dd>"
	       "<dt><a href=\"/y\">NodePort</a></dt><dd>Exposes it on a port of each node, "
	       "as the parish wanted.</dd></dl>");
	CHECK_HAS(m, "by the gate.\n\nExposes the service on an address inside the cluster, "
	             "which the miller never needed.\n\nExposes it on a port of each node, as the "
	             "parish wanted.\n\n");
	free(m);
}

TEST(math)
{
	char *m = md("<p>Area <math alttext=\"\\pi r_1^2\"><mi>x</mi></math> and "
	             "<math><mi>z</mi><mo>+</mo><mn>1</mn></math>.</p>");
	CHECK_HAS(m, "Area $\\pi r_1^2$ and z+1.");
	free(m);
}

TEST(shape)
{
	char *m = md(F_QUOTE);
	size_t n = strlen(m);
	CHECK(n > 0 && m[0] != '\n' && m[n - 1] == '\n' && (n < 2 || m[n - 2] != '\n'));
	CHECK(!strstr(m, " \n"));
	free(m);
	m = md("");
	CHECK(strstr(m, "\n\n\n") == NULL);
	free(m);
}

/* Nesting far deeper than any real page costs neither C stack nor lines
 * of quadratic length.  (gumbo itself is slow on deep block nesting, so
 * blocks nest less deep here than inline elements.) */
TEST(deep)
{
	static const struct {
		const char *open;
		int n;
	} cases[] = {
		{"<span>", 100000}, {"<b>", 20000}, {"<div><blockquote>", 3000}, {"<ul><li>", 3000}};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		size_t step = strlen(cases[k].open), n = 0;
		char *f = malloc((size_t)cases[k].n * step + 64);
		for (int i = 0; i < cases[k].n; i++, n += step)
			memcpy(f + n, cases[k].open, step);
		strcpy(f + n, "deep text, with words.");
		char *m = md(f);
		CHECK_HAS(m, "deep text, with words.");
		CHECK(strlen(m) < 2000);
		free(m);
		free(f);
	}
}

/* RFC 3986 section 5.4. */
TEST(url_resolve)
{
	static const char *const cases[][2] = {
		{"g:h", "g:h"},
		{"g", "http://a/b/c/g"},
		{"./g", "http://a/b/c/g"},
		{"g/", "http://a/b/c/g/"},
		{"/g", "http://a/g"},
		{"//g", "http://g"},
		{"?y", "http://a/b/c/d;p?y"},
		{"g?y", "http://a/b/c/g?y"},
		{"#s", "http://a/b/c/d;p?q#s"},
		{"g#s", "http://a/b/c/g#s"},
		{"g?y#s", "http://a/b/c/g?y#s"},
		{";x", "http://a/b/c/;x"},
		{"g;x", "http://a/b/c/g;x"},
		{"g;x?y#s", "http://a/b/c/g;x?y#s"},
		{"", "http://a/b/c/d;p?q"},
		{".", "http://a/b/c/"},
		{"./", "http://a/b/c/"},
		{"..", "http://a/b/"},
		{"../", "http://a/b/"},
		{"../g", "http://a/b/g"},
		{"../..", "http://a/"},
		{"../../", "http://a/"},
		{"../../g", "http://a/g"},
		{"../../../g", "http://a/g"},
		{"../../../../g", "http://a/g"},
		{"/./g", "http://a/g"},
		{"/../g", "http://a/g"},
		{"g.", "http://a/b/c/g."},
		{".g", "http://a/b/c/.g"},
		{"g..", "http://a/b/c/g.."},
		{"..g", "http://a/b/c/..g"},
		{"./../g", "http://a/b/g"},
		{"./g/.", "http://a/b/c/g/"},
		{"g/./h", "http://a/b/c/g/h"},
		{"g/../h", "http://a/b/c/h"},
		{"g;x=1/./y", "http://a/b/c/g;x=1/y"},
		{"g;x=1/../y", "http://a/b/c/y"},
		{"g?y/./x", "http://a/b/c/g?y/./x"},
		{"g?y/../x", "http://a/b/c/g?y/../x"},
		{"g#s/./x", "http://a/b/c/g#s/./x"},
		{"g#s/../x", "http://a/b/c/g#s/../x"},
		{"http:g", "http:g"},
		{" \tg\n ", "http://a/b/c/g"},
	};
	wn__arena a;
	wn__arena_init(&a);
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
		CHECK_STR(wn__url_resolve(&a, "http://a/b/c/d;p?q", cases[k][0]), cases[k][1]);
	CHECK_STR(wn__url_resolve(&a, "https://ex.org", "x"), "https://ex.org/x");
	CHECK_STR(wn__url_resolve(&a, NULL, "../x"), "../x");
	CHECK_STR(wn__url_resolve(&a, "not a url", "x"), "x");
	wn__arena_free(&a);
}

/* Items nested past the renderer's first frame stack (16 frames, two per
 * level): the stack grows under an item that refers to its list (found
 * by ASan, make asan, in a mutated listing page). */
TEST(items_past_the_frame_stack)
{
	char frag[2048] = "<blockquote>";
	for (int k = 0; k < 12; k++)
		strcat(frag, "<ul><li>level item text here");
	for (int k = 0; k < 12; k++)
		strcat(frag, "</li></ul>");
	strcat(frag, "</blockquote>");
	char *out = md(frag);
	CHECK(out && strstr(out, "- level item text here") != NULL);
	free(out);
}

int main(void)
{
	RUN(items_past_the_frame_stack);
	RUN(headings);
	RUN(lists);
	RUN(blockquote);
	RUN(pre);
	RUN(fence_languages);
	RUN(fence_labels);
	RUN(inline_code);
	RUN(emphasis);
	RUN(table);
	RUN(links);
	RUN(responsive_images);
	RUN(images);
	RUN(escaping);
	RUN(tricky);
	RUN(definition_lists);
	RUN(math);
	RUN(shape);
	RUN(deep);
	RUN(url_resolve);
	return harness_done();
}
