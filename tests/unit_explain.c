/*
 * unit_explain.c -- --explain (aligned and TSV): one line per block, the
 * columns agreeing with each other and with the extracted text, DOM paths;
 * and --annotate: safe, well-formed HTML with outlines and a legend.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "winnow.h"

#define PARA(w)                                                                  \
	"<p>The " w " paragraph is running text of the article, long enough to " \
	"count: it has commas, full stops and several sentences. Readers "       \
	"would call it content, and so should winnow. Another sentence "         \
	"follows here, with a clause or two; then the paragraph ends.</p>\n"

static const char PAGE[] =
	"<!DOCTYPE html><html><head><title>Test page</title></head><body>\n"
	"<nav class=\"menu\"><ul><li><a href=\"/a\">Alpha link</a></li>"
	"<li><a href=\"/b\">Beta link</a></li><li><a href=\"/c\">Gamma link</a>"
	"</li></ul></nav>\n"
	"<div id=\"main\" class=\"content wide extra\"><article>\n"
	"<h2>Section heading here</h2>\n" PARA("first") PARA("second") PARA("third")
		PARA("fourth") "</article></div>\n"
			       "<footer class=\"footer\"><p>Copyright footer text 2024</p></footer>\n"
			       "</body></html>\n";
enum { PAGE_BLOCKS = 9 };

static char *run(const char *html, wn_format f, int *has_article)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.format = f;
	wn_result *r = NULL;
	wn_status st = wn_extract(html, strlen(html), &o, &r);
	if (st != WN_OK && st != WN_NO_CONTENT)
		return NULL;
	size_t n;
	const char *s = wn_result_output(r, &n);
	char *copy = malloc(n + 1);
	memcpy(copy, s, n + 1);
	if (has_article)
		*has_article = wn_result_has_article(r);
	wn_result_free(r);
	return copy;
}

/* Splits s into lines in place; returns how many (the last '\n' ends the
 * last line). */
static int lines(char *s, char **v, int max)
{
	int n = 0;
	while (*s && n < max) {
		v[n++] = s;
		char *e = strchr(s, '\n');
		if (!e)
			break;
		*e = 0;
		s = e + 1;
	}
	return n;
}

/* Splits a TSV row in place; returns the number of fields. */
static int fields(char *s, char **v, int max)
{
	int n = 0;
	v[n++] = s;
	for (; *s; s++)
		if (*s == '\t') {
			*s = 0;
			if (n < max)
				v[n++] = s + 1;
			else
				return max + 1;
		}
	return n;
}

static int kept_rule(const char *rule)
{
	return !strcmp(rule, "in the article") || !strcmp(rule, "in a sibling of the article") ||
	       !strcmp(rule, "densest text (no clear article)") ||
	       !strcmp(rule, "in the page's main region");
}

enum {
	F_BLOCK,
	F_DECISION,
	F_SCORE,
	F_GOOD,
	F_CHARS,
	F_WORDS,
	F_LINKS,
	F_PUNCT,
	F_HINT,
	F_RULE,
	F_TEXT,
	F_PATH,
	N_FIELDS
};

TEST(one_line_per_block)
{
	char *tsv = run(PAGE, WN_FORMAT_EXPLAIN_TSV, NULL);
	char *txt = run(PAGE, WN_FORMAT_EXPLAIN, NULL);
	CHECK(tsv && txt);
	if (!tsv || !txt)
		return;
	char *tl[64], *xl[64];
	int nt = lines(tsv, tl, 64), nx = lines(txt, xl, 64);
	CHECK(nt == PAGE_BLOCKS + 1); /* header + blocks */
	CHECK(nx == PAGE_BLOCKS + 4); /* header + blocks + summary + kind + cues */
	CHECK_STR(tl[0], "block\tdecision\tscore\tgoodness\tchars\twords\t"
	                 "link_share\tpunct\thint\trule\ttext\tpath");
	CHECK(!strncmp(xl[0], "    #  DECISION", 15));
	CHECK(!strncmp(xl[nx - 3], "# ", 2));
	CHECK(!strncmp(xl[nx - 2], "# kind: article (", 17));
	CHECK(!strncmp(xl[nx - 1], "# cues: byline ", 15));
	free(tsv);
	free(txt);
}

TEST(columns_agree)
{
	int has_article = -1;
	char *tsv = run(PAGE, WN_FORMAT_EXPLAIN_TSV, &has_article);
	char *txt = run(PAGE, WN_FORMAT_EXPLAIN, NULL);
	char *text = run(PAGE, WN_FORMAT_TEXT, NULL);
	CHECK(tsv && txt && text);
	if (!tsv || !txt || !text)
		return;
	char *tl[64], *xl[64];
	int nt = lines(tsv, tl, 64), nx = lines(txt, xl, 64);
	int kept = 0, dropped = 0;
	for (int i = 1; i < nt && i < nx - 1; i++) {
		char *f[N_FIELDS + 1];
		int nf = fields(tl[i], f, N_FIELDS);
		CHECK(nf == N_FIELDS);
		if (nf != N_FIELDS)
			continue;
		CHECK(atoi(f[F_BLOCK]) == i - 1);
		int keep = !strcmp(f[F_DECISION], "keep");
		CHECK(keep || !strcmp(f[F_DECISION], "drop"));
		/* The rule says the same as the decision. */
		CHECK(keep == kept_rule(f[F_RULE]));
		/* The aligned line has the same decision and rule. */
		char want[32];
		snprintf(want, sizeof want, "%5d  %s", i - 1, keep ? "KEEP" : "drop");
		CHECK(!strncmp(xl[i], want, strlen(want)));
		CHECK(strstr(xl[i], f[F_RULE]) != NULL);
		CHECK(strstr(xl[i], f[F_PATH]) != NULL);
		/* Kept text is in the output, dropped text is not. */
		CHECK(!strstr(f[F_TEXT], "\xE2\x80\xA6") || strlen(f[F_TEXT]) > 30);
		char start[24];
		snprintf(start, sizeof start, "%.20s", f[F_TEXT]);
		CHECK(keep == (strstr(text, start) != NULL));
		kept += keep;
		dropped += !keep;
		CHECK(atoi(f[F_CHARS]) > 0);
		double links = atof(f[F_LINKS]);
		CHECK(links >= 0 && links <= 1);
		if (strstr(f[F_TEXT], "link"))
			CHECK(links > 0.99 && !keep);
		if (strstr(f[F_TEXT], "paragraph"))
			CHECK(keep && atoi(f[F_PUNCT]) >= 5 && atoi(f[F_WORDS]) > 30);
	}
	CHECK(kept == 5); /* the heading and four paragraphs */
	char want[128];
	snprintf(want, sizeof want, "# %d blocks kept, %d dropped;", kept, dropped);
	CHECK(!strncmp(xl[nx - 3], want, strlen(want)));
	CHECK(has_article == 1 && strstr(xl[nx - 3], "has_article: yes"));
	free(tsv);
	free(txt);
	free(text);
}

TEST(paths)
{
	char *tsv = run(PAGE, WN_FORMAT_EXPLAIN_TSV, NULL);
	CHECK(tsv != NULL);
	if (!tsv)
		return;
	CHECK(strstr(tsv, "\tbody>div#main.content.wide>article>p\n") != NULL);
	CHECK(strstr(tsv, "\tbody>div#main.content.wide>article>h2\n") != NULL);
	CHECK(strstr(tsv, "\tbody>nav.menu>ul>li\n") != NULL);
	free(tsv);

	/* 40 levels deep: "...>" and the nearest 12 levels. */
	char page[4096] = "<body>";
	for (int i = 0; i < 40; i++)
		strcat(page, "<div class=\"d\">");
	strcat(page, "<p>Deep text.</p></body>");
	char *deep = run(page, WN_FORMAT_EXPLAIN_TSV, NULL);
	CHECK(deep != NULL);
	if (!deep)
		return;
	CHECK(strstr(deep, "\t...>div.d>div.d>div.d>div.d>div.d>div.d>div.d>div.d>"
	                   "div.d>div.d>div.d>p\n") != NULL);
	free(deep);
}

TEST(text_is_cleaned)
{
	/* Tabs, newlines and terminal escapes in the page's text. */
	static const char page[] = "<body><article><p>Tab\there,\nnew line; and \x1b[31mred\x1b[0m "
				   "escape. A sentence, two, three. More text, to make a paragraph "
				   "that counts as content. Yet more words follow here, and more, "
				   "and more.</p></article></body>";
	char *tsv = run(page, WN_FORMAT_EXPLAIN_TSV, NULL);
	char *txt = run(page, WN_FORMAT_EXPLAIN, NULL);
	CHECK(tsv && txt);
	if (!tsv || !txt)
		return;
	CHECK(strchr(tsv, '\x1b') == NULL && strchr(txt, '\x1b') == NULL);
	char *tl[8];
	int nt = lines(tsv, tl, 8);
	CHECK(nt == 2);
	char *f[N_FIELDS + 1];
	CHECK(nt == 2 && fields(tl[1], f, N_FIELDS) == N_FIELDS);
	CHECK(nt == 2 && !strncmp(f[F_TEXT], "Tab here, new line; and ", 24));
	free(tsv);
	free(txt);
}

TEST(empty_page)
{
	char *txt = run("<p></p>", WN_FORMAT_EXPLAIN, NULL);
	CHECK(txt != NULL);
	if (!txt)
		return;
	char *xl[8];
	int n = lines(txt, xl, 8);
	CHECK(n == 4);
	CHECK(n == 4 && !strncmp(xl[1], "# 0 blocks kept, 0 dropped;", 27));
	CHECK(n == 4 && strstr(xl[1], "has_article: no"));
	CHECK(n == 4 && !strncmp(xl[2], "# kind: ", 8));
	CHECK(n == 4 && !strncmp(xl[3], "# cues: ", 8));
	free(txt);
}

static const char UNSAFE[] =
	"<html><head><title>a &lt; b</title>"
	"<meta charset=\"iso-8859-1\"><meta http-equiv=\"refresh\" content=\"0;url=x\">"
	"<base href=\"http://evil.example/\"><link rel=\"stylesheet\" href=\"x.css\">"
	"<style>p > a { color: red }</style><script>alert(1)</script></head>"
	"<body onload=\"alert(2)\"><div id=\"main\">"
	"<h1 title=\"Old &quot;title&quot;\">Heading of the story</h1>" PARA("first") PARA(
		"second") "<p style=\"color:blue\">Text with <a href=\" java\tscript:alert(3)\">a"
			  " bad link</a>, an <img src=\"a.png\" alt=\"x\" onerror=\"alert(4)\">"
			  " image, a<br>break and a &lt;tag&gt; &amp; more, as in any paragraph of"
			  " running text that goes on long enough to be kept by winnow.</p>"
			  "<iframe src=\"http://x.example/\"></iframe><object data=\"x.swf\"></object>"
			  "<embed src=\"x.swf\"><noscript><img src=\"t.gif\"></noscript>"
			  "<details open><summary>More</summary>x</details>"
			  "<img src=\"data:image/gif;base64,R0lGODlh\">"
			  "<svg><a xlink:href=\"javascript:alert(5)\"><text>t</text></a>"
			  "<use href=\"i.svg#a\"/><use href=\"#b\"/>"
			  "<set attributeName=\"href\" to=\"javascript:alert(6)\"/></svg>"
			  "</div><ul class=\"share\"><li><a href=\"/s\">Share this</a></li></ul>"
			  "</body></html>";

TEST(annotate_is_safe)
{
	char *h = run(UNSAFE, WN_FORMAT_ANNOTATE, NULL);
	CHECK(h != NULL);
	if (!h)
		return;
	CHECK(!strncmp(h, "<!DOCTYPE html>\n", 16));
	static const char *const gone[] = {
		"<script",    "alert",  "onload",    "onerror", "javascript", "<iframe",
		"<object",    "<embed", "<noscript", "<base",   "<link",      "refresh",
		"iso-8859-1", "<set",   "</br>",     "</img>",  "</meta>",
	};
	for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
		if (strstr(h, gone[i])) {
			fprintf(stderr, "  annotate output has %s\n", gone[i]);
			CHECK(!"unsafe markup left");
		}
	/* Policy and encoding first in <head>; inline style kept raw. */
	CHECK(strstr(h, "<head><meta charset=\"utf-8\"><meta http-equiv="
	                "\"Content-Security-Policy\" content=\"default-src 'none';"));
	CHECK(strstr(h, "<style>p > a { color: red }</style>") != NULL);
	/* Text and attribute values escaped. */
	CHECK(strstr(h, "<title>a &lt; b</title>") != NULL);
	CHECK(strstr(h, "a &lt;tag&gt; &amp; more") != NULL);
	/* Nothing loads: image sources renamed, data: URLs kept. */
	CHECK(strstr(h, "<img data-winnow-src=\"a.png\" alt=\"x\">") != NULL);
	CHECK(strstr(h, "<img src=\"data:image/gif;base64,R0lGODlh\">") != NULL);
	CHECK(strstr(h, "<use data-winnow-href=\"i.svg#a\"></use>") != NULL);
	CHECK(strstr(h, "<use href=\"#b\"></use>") != NULL);
	CHECK(strstr(h, "<br>break") != NULL);
	CHECK(strstr(h, "<details open=\"\"") != NULL);
	CHECK(strstr(h, "xlink:href") == NULL);
	CHECK(strstr(h, "Old &quot;title") == NULL); /* replaced by the tooltip */
	free(h);
}

TEST(annotate_marks_blocks)
{
	char *h = run(UNSAFE, WN_FORMAT_ANNOTATE, NULL);
	CHECK(h != NULL);
	if (!h)
		return;
	CHECK(strstr(h, "data-winnow=\"keep\"") != NULL);
	CHECK(strstr(h, "data-winnow=\"drop\"") != NULL);
	CHECK(strstr(h, "<h1 data-winnow=\"keep\" data-winnow-kind=\"heading\"") ||
	      strstr(h, "<h1 data-winnow=\"drop\" data-winnow-score=\"0.0\" "
	                "data-winnow-rule=\"repeats the page title\""));
	CHECK(strstr(h, "outline:2px solid #1a7f37 !important") != NULL);
	CHECK(strstr(h, "outline:2px solid #d1242f !important") != NULL);
	/* The page's own style is kept before the outline. */
	CHECK(strstr(h, "style=\"color:blue;outline:2px solid #1a7f37") != NULL);
	CHECK(strstr(h, "title=\"block ") != NULL);
	CHECK(strstr(h, "data-winnow-rule=\"in the article\"") != NULL);
	/* The legend, inside <body>, with the totals. */
	char *legend = strstr(h, "<div id=\"winnow-legend\" data-winnow=\"legend\"");
	CHECK(legend != NULL);
	CHECK(legend && strstr(legend, "blocks kept,") && strstr(legend, "characters kept"));
	CHECK(legend && strstr(legend, "has_article: yes"));
	CHECK(legend && strstr(legend, "</body>"));
	free(h);
}

int main(void)
{
	RUN(one_line_per_block);
	RUN(columns_agree);
	RUN(paths);
	RUN(text_is_cleaned);
	RUN(empty_page);
	RUN(annotate_is_safe);
	RUN(annotate_marks_blocks);
	return harness_done();
}
