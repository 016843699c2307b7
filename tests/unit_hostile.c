/*
 * unit_hostile.c -- hostile inputs through the public API: each must end
 * with WN_OK, WN_NO_CONTENT or WN_EINPUT and sensible output (valid UTF-8,
 * bounded, the text it should hold), never a crash or a hang.  The limits
 * (max_depth, max_blocks, max_output) are tested here too, and each bug the
 * fuzzer found has its regression test at the end.  Timing is not tested
 * here: bench/scaling.sh does that.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "utf8_check.h"
#include "winnow.h"

/* The last extraction: status, output and whether a note contained a word. */
static wn_status st;
static char *out;
static size_t out_len;
static char notes[4096];

static void run_opt(const char *html, size_t len, const wn_options *o)
{
	wn_result *r = NULL;
	free(out);
	out = NULL;
	out_len = 0;
	notes[0] = 0;
	st = wn_extract(html, len, o, &r);
	CHECK(st == WN_OK || st == WN_NO_CONTENT || st == WN_EINPUT || st == WN_ENOTHTML);
	CHECK((r != NULL) == (st != WN_EINPUT && st != WN_ENOTHTML));
	if (!r)
		return;
	const char *s = wn_result_output(r, &out_len);
	CHECK(s != NULL && strlen(s) == out_len);
	CHECK(valid_utf8(s, out_len));
	CHECK(out_len == 0 || s[out_len - 1] == '\n');
	out = malloc(out_len + 1);
	memcpy(out, s, out_len + 1);
	for (size_t i = 0; i < wn_result_message_count(r); i++) {
		const char *m = wn_result_message(r, i);
		CHECK(valid_utf8(m, strlen(m)));
		if (strlen(notes) + strlen(m) + 2 < sizeof notes) {
			strcat(notes, m);
			strcat(notes, "\n");
		}
	}
	wn_result_free(r);
}

static void run_fmt(const char *html, size_t len, wn_format f)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.format = f;
	run_opt(html, len, &o);
}

static void run(const char *html, size_t len)
{
	run_fmt(html, len, WN_FORMAT_TEXT);
}

/* Every format over the same input. */
static void run_all(const char *html, size_t len)
{
	for (int f = WN_FORMAT_TEXT; f <= WN_FORMAT_ANNOTATE; f++)
		run_fmt(html, len, (wn_format)f);
}

/* A paragraph that reads as an article, so that the page has content. */
#define PARA                                                                    \
	"<p>The harbour authority said on Tuesday that the new ferry "          \
	"terminal would open in the spring, after two years of delays caused "  \
	"by storms, a shortage of steel and a long dispute over the design of " \
	"the roof, which residents had called too tall for the old quay.</p>"
#define WORDS "new ferry terminal would open in the spring"

static char *page_with(const char *head, const char *tail, char *middle, size_t mid_len, size_t *len)
{
	size_t h = strlen(head), t = strlen(tail);
	char *p = malloc(h + mid_len + t + 1);
	memcpy(p, head, h);
	memcpy(p + h, middle, mid_len);
	memcpy(p + h + mid_len, tail, t + 1);
	*len = h + mid_len + t;
	return p;
}

/* repeat(s, n): s n times, malloc'd */
static char *repeat(const char *s, size_t n, size_t *len)
{
	size_t k = strlen(s);
	char *p = malloc(k * n + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(p + i * k, s, k);
	p[k * n] = 0;
	*len = k * n;
	return p;
}

/* ---- the list of issue 4 ---- */

TEST(empty)
{
	run_all("", 0);
	run("", 0);
	CHECK(st == WN_NO_CONTENT);
	CHECK(out_len == 0);
	wn_result *r;
	CHECK(wn_extract(NULL, 0, NULL, &r) == WN_NO_CONTENT);
	CHECK(wn_result_output(r, NULL)[0] == 0);
	wn_result_free(r);
	CHECK(wn_extract(NULL, 5, NULL, &r) == WN_EINVAL && r == NULL);
}

TEST(only_whitespace)
{
	const char *ws = " \t\r\n\f   \n\n  \xC2\xA0 \xE3\x80\x80 ";
	run_all(ws, strlen(ws));
	run(ws, strlen(ws));
	CHECK(st == WN_NO_CONTENT && out_len == 0);
	run("<html><body>   <p> </p><div>\n</div></body></html>", 48);
	CHECK(st == WN_NO_CONTENT && out_len == 0);
}

TEST(binary)
{
	size_t n = 1 << 20;
	char *b = malloc(n);
	uint32_t x = 12345; /* fixed seed */
	for (size_t i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		b[i] = (char)(x >> 16);
	}
	/* random bytes are no page in any encoding: refused */
	run(b, n);
	CHECK(st == WN_ENOTHTML);
	/* random bytes without the control bytes no text has go through
	 * every stage, and so do they declared in a multi-byte charset */
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)b[i] < 0x20)
			b[i] = (char)(b[i] + 0x20);
	run_all(b, n);
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.encoding = "shift_jis";
	run_opt(b, n, &o);
	CHECK(st != WN_ENOTHTML);
	o.encoding = "utf-16be";
	run_opt(b, n, &o);
	free(b);
}

TEST(nul_bytes)
{
	const char html[] = "<html><body>\0<p>The harbour\0 authority\0\0 said on "
			    "Tuesday that the new ferry terminal would open in "
			    "the spring, after two years of delays caused by "
			    "storms.</p>\0</body></html>";
	run_all(html, sizeof html - 1);
	run(html, sizeof html - 1);
	CHECK(out && strstr(out, "The harbour authority said") != NULL);
	CHECK(strstr(notes, "NUL") != NULL);
}

TEST(unclosed_comment_and_script)
{
	const char *c = "<html><body>" PARA "<!-- never closed <p>hidden words</p>";
	run_all(c, strlen(c));
	run(c, strlen(c));
	CHECK(out && strstr(out, WORDS) && !strstr(out, "hidden"));
	const char *s = "<html><body>" PARA "<script>var x = '<p>not text</p>';";
	run_all(s, strlen(s));
	run(s, strlen(s));
	CHECK(out && strstr(out, WORDS) && !strstr(out, "not text"));
	const char *t = "<html><body>" PARA "<style>p { color: red } </p>";
	run(t, strlen(t));
	CHECK(out && strstr(out, WORDS) && !strstr(out, "color"));
	const char *u = "<html><body>" PARA "<textarea><p>inside";
	run(u, strlen(u));
	CHECK(st != WN_EINPUT);
	const char *v = "<html><body>" PARA "<div class=\"unclosed attribute";
	run(v, strlen(v));
	CHECK(out && strstr(out, WORDS));
}

/* <html><body> head, open n times, a paragraph, close n times */
static void deep_after(const char *head, const char *open, const char *close, size_t n)
{
	size_t a, b, h = strlen(head);
	char *o = repeat(open, n, &a), *c = repeat(close, n, &b);
	size_t len = 12 + h + a + strlen(PARA) + b;
	char *p = malloc(len + 1);
	memcpy(p, "<html><body>", 12);
	memcpy(p + 12, head, h);
	memcpy(p + 12 + h, o, a);
	memcpy(p + 12 + h + a, PARA, strlen(PARA));
	memcpy(p + 12 + h + a + strlen(PARA), c, b + 1);
	run(p, len);
	if (!out || !strstr(out, WORDS))
		fprintf(stderr, "  deep %s x %zu: text lost\n", open, n);
	CHECK(out && strstr(out, WORDS));
	CHECK(strstr(notes, "limit:") != NULL);
	run_fmt(p, len, WN_FORMAT_MARKDOWN);
	CHECK(out && strstr(out, WORDS));
	free(o);
	free(c);
	free(p);
}

static void deep(const char *open, const char *close, size_t n)
{
	deep_after("", open, close, n);
}

TEST(deep_nesting)
{
	deep("<div>", "</div>", 100000);
	deep("<div>", "", 100000);
	deep("<span>", "</span>", 100000);
	deep("<b>", "</b>", 100000);
	deep("<a href=x>", "</a>", 100000);
	deep("<ul><li>", "</li></ul>", 50000);
	deep("<table><tr><td>", "</td></tr></table>", 30000);
	deep("<blockquote><section>", "", 50000);
	deep("<svg><g>", "", 50000);
	deep("<font color=red><p>", "", 50000);
	deep("<b id=1><i id=2><u id=3>", "", 30000);
	/* <style> inside SVG holds markup, not text: the guard goes on */
	deep_after("<svg><style>", "<div>", "</div>", 100000);
	deep_after("<math><mtext><style>x</style></mtext>", "<div>", "", 100000);
	deep("<math><mi><div>", "", 30000);
}

/* Under the sanitizers (make asan) the biggest inputs are made smaller,
 * to keep the run short; the code paths are the same. */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

TEST(huge_text_node)
{
	/* 100 MB in one text node, built in memory */
	size_t n = (size_t)(SANITIZED ? 16 : 100) << 20;
	const char *head = "<html><body><p>", *tail = "</p></body></html>";
	char *mid = malloc(n);
	static const char words[] = "lorem ipsum dolor sit amet, consectetur. ";
	for (size_t i = 0; i < n; i++)
		mid[i] = words[i % (sizeof words - 1)];
	size_t len;
	char *p = page_with(head, tail, mid, n, &len);
	free(mid);
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.max_bytes = (size_t)128 << 20;
	run_opt(p, len, &o);
	CHECK(st == WN_OK);
	CHECK(out_len > 0 && out_len <= WN_DEFAULT_MAX_OUTPUT);
	CHECK(SANITIZED || strstr(notes, "max_output") != NULL);
	CHECK(out && !strncmp(out, "lorem ipsum dolor", 17));
	/* too large for a smaller max_bytes */
	wn_result *r;
	o.max_bytes = len - 1;
	CHECK(wn_extract(p, len, &o, &r) == WN_EINPUT && r == NULL);
	free(p);
}

TEST(million_attributes)
{
	{
		size_t n = 1000000, len = 0;
		char *p = malloc(n * 12 + 1024);
		len += (size_t)sprintf(p, "<html><body><p");
		for (size_t i = 0; i < n; i++)
			len += (size_t)sprintf(p + len, " a%zu=x", i);
		len += (size_t)sprintf(p + len, ">%s</p>%s</body></html>",
		                       "The harbour authority said on Tuesday that the "
		                       "new ferry terminal would open in the spring.",
		                       PARA);
		run(p, len);
		CHECK(out && strstr(out, WORDS));
		CHECK(strstr(notes, "attributes") != NULL);
		/* the same attribute a million times */
		len = (size_t)sprintf(p, "<html><body><div");
		for (size_t i = 0; i < n; i++)
			len += (size_t)sprintf(p + len, " class=x");
		len += (size_t)sprintf(p + len, ">%s</div></body></html>", PARA);
		run(p, len);
		CHECK(out && strstr(out, WORDS));
		free(p);
	}
}

TEST(million_elements)
{
	/* 1.2 million small elements: past 1,000,000 the tags are cut (gumbo
	 * keeps about 500 bytes per element), the text stays */
	if (SANITIZED)
		return; /* 0.6 GB; three times that under AddressSanitizer */
	size_t n;
	char *ps = repeat("<p>x y</p>", 1200000, &n);
	size_t len;
	char *p = page_with("<html><body>", "<p>last words</p></body></html>", ps, n, &len);
	run(p, len);
	CHECK(st == WN_OK || st == WN_NO_CONTENT);
	CHECK(strstr(notes, "elements ignored") || strstr(notes, "past the first"));
	/* the paragraphs cut stay apart (limits_keep_blocks_apart) */
	CHECK(out && strstr(out, "x y x y") && !strstr(out, "yx") && !strstr(out, "ylast"));
	free(ps);
	free(p);
}

TEST(huge_colspan)
{
	const char *t = "<html><body>" PARA "<table><tr><th colspan=1000000>Head</th>"
			"<th rowspan=1000000 colspan=99999999999999999999>H2</th></tr>"
			"<tr><td colspan=1000000 rowspan=1000000>cell one</td><td>two</td></tr>"
			"<tr><td colspan=-5>neg</td><td colspan=0x10>hex</td></tr>"
			"</table>" PARA "</body></html>";
	for (int f = WN_FORMAT_TEXT; f <= WN_FORMAT_ANNOTATE; f++) {
		run_fmt(t, strlen(t), (wn_format)f);
		if (out_len > 100000)
			fprintf(stderr, "  colspan: format %d gave %zu bytes\n", f, out_len);
		CHECK(out_len < 100000);
	}
	run_fmt(t, strlen(t), WN_FORMAT_MARKDOWN);
	CHECK(out && strstr(out, WORDS));
	run_fmt(t, strlen(t), WN_FORMAT_TEXT);
	CHECK(out && strstr(out, WORDS));
}

TEST(entity_floods)
{
	const char *ents[] = {"&amp;",  "&#x41;",   "&#65;",
	                      "&notin", "&nbsp;",   "&#99999999999999999999;",
	                      "&#0;",   "&#xD800;", "&",
	                      "&#",     "&#x;",     "&CounterClockwiseContourIntegral;"};
	for (size_t k = 0; k < sizeof ents / sizeof *ents; k++) {
		size_t n;
		char *e = repeat(ents[k], 2000000 / strlen(ents[k]) + 1, &n);
		size_t len;
		char *p = page_with("<html><body>" PARA "<p>", "</p></body></html>", e, n, &len);
		run(p, len); /* the flood is the page's text now */
		CHECK(st == WN_OK && out_len > 0);
		/* in an attribute too */
		free(p);
		p = page_with("<html><body><p title=\"", "\">x</p>" PARA "</body></html>", e, n, &len);
		run(p, len);
		CHECK(out && strstr(out, WORDS));
		free(p);
		free(e);
	}
}

TEST(invalid_utf8_everywhere)
{
	/* every other byte invalid, in tags, attributes and text */
	const char *src = "<html><head><title>T\xFFitle</title></head><body>"
			  "<p cla\xFEss=\"a\xC0\">"
			  "The harbour authority said on "
			  "Tuesday that the new ferry terminal would open in the "
			  "spring.</p></body></html>";
	size_t n = strlen(src);
	char *p = malloc(2 * n);
	for (size_t i = 0; i < n; i++) {
		p[2 * i] = src[i];
		p[2 * i + 1] = (char)(0x80 | (i * 37 & 0x7F));
	}
	run_all(p, 2 * n);
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.encoding = "utf-8";
	run_opt(p, 2 * n, &o);
	CHECK(strstr(notes, "U+FFFD") != NULL);
	free(p);
	/* every single byte value, as UTF-8 */
	char all[256 * 4];
	for (int i = 0; i < 256; i++)
		for (int k = 0; k < 4; k++)
			all[i * 4 + k] = (char)(k == 0   ? i
			                        : k == 1 ? 0x80 + (i & 63)
			                        : k == 2 ? 'x'
			                                 : ' ');
	run_all(all, sizeof all);
	run_opt(all, sizeof all, &o);
}

/* A page, and a fragment that starts with its text (a snippet saved
 * from an editor), in UTF-16 without a byte order mark: both are read,
 * not refused as binary data. */
TEST(utf16_without_bom)
{
	static const char *const SRC[] = {
		"<html><body>" PARA "</body></html>", "Saved from the editor: " PARA};
	for (size_t k = 0; k < sizeof SRC / sizeof *SRC; k++) {
		size_t n = strlen(SRC[k]);
		char *p = malloc(2 * n);
		for (int be = 0; be < 2; be++) {
			for (size_t i = 0; i < n; i++) {
				p[2 * i + be] = SRC[k][i];
				p[2 * i + !be] = 0;
			}
			run(p, 2 * n);
			CHECK(st == WN_OK && out && strstr(out, WORDS));
			/* and an odd length */
			run(p, 2 * n - 1);
			CHECK(out && strstr(out, WORDS));
		}
		free(p);
	}
}

/* ---- the limits ---- */

TEST(max_depth)
{
	const char *html = "<html><body><div><div><div><div><div><section>"
			   "<p>The harbour authority said on <a href=/x><b>"
			   "Tuesday</b></a> that the new ferry terminal would open "
			   "in the spring.</p><pre>  code\n  kept</pre>"
			   "</section></div></div></div></div></div></body></html>";
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.max_depth = 4;
	run_opt(html, strlen(html), &o);
	CHECK(out && strstr(out, "authority said on Tuesday that"));
	CHECK(strstr(notes, "max_depth") != NULL);
	o.max_depth = 1;
	run_opt(html, strlen(html), &o);
	CHECK(out && strstr(out, "authority said on Tuesday that"));
	/* markdown: the link flattened into the ancestor is still a link */
	o.max_depth = 5;
	o.format = WN_FORMAT_MARKDOWN;
	o.links = 1;
	run_opt(html, strlen(html), &o);
	CHECK(out && strstr(out, "Tuesday"));
	wn_options_init(&o, sizeof o);
	run_opt(html, strlen(html), &o);
	CHECK(!strstr(notes, "max_depth"));
	/* what is never text stays out past max_depth too: a script's code,
	 * a style sheet, a form control's value, a template's markup */
	const char *code = "<html><body><div><div><div><div><div><p>The ferry leaves at "
			   "nine from the north pier, and returns by noon.</p>"
			   "<script>var tracker = initTracker();</script><style>.x{color:red}"
			   "</style><textarea>Type here</textarea><template><p>Hidden row</p>"
			   "</template><select><option>Pick a date</option></select>"
			   "</div></div></div></div></div></body></html>";
	o.max_depth = 4;
	run_opt(code, strlen(code), &o);
	CHECK(out && strstr(out, "north pier"));
	CHECK(out && !strstr(out, "initTracker") && !strstr(out, "color:red") &&
	      !strstr(out, "Type here") && !strstr(out, "Hidden row") && !strstr(out, "Pick a date"));
	/* ... while the metadata still reads a JSON-LD script there, and the
	 * head's title when max_depth leaves no room for the head */
	const char *meta = "<html><head><title>Ferry news</title></head><body><div><div><div>"
			   "<div><div><p>The ferry leaves at nine from the north pier, and "
			   "returns by noon.</p><script type=application/ld+json>"
			   "{\"@type\":\"NewsArticle\",\"author\":{\"name\":\"Ana Ruiz\"}}"
			   "</script></div></div></div></div></div></body></html>";
	o.format = WN_FORMAT_JSON;
	run_opt(meta, strlen(meta), &o);
	CHECK(out && strstr(out, "Ana Ruiz") && strstr(out, "north pier"));
	CHECK(out && !strstr(out, "NewsArticle"));
	o.max_depth = 1;
	run_opt(meta, strlen(meta), &o);
	CHECK(out && strstr(out, "Ferry news") && strstr(out, "north pier"));
}

/* Past each structural limit the text of separate block elements stays
 * apart: the guard's cut of tags nested too deep (or too deep under
 * formatting), and the flattening past max_depth. */
static void check_apart(const char *what)
{
	if (!out || strstr(out, "Para0Para1") || !strstr(out, "Para1") ||
	    (!strstr(out, "Para0 ") && !strstr(out, "Para0\n")))
		fprintf(stderr, "  %s: Para0 and Para1 not apart in \"%.200s\"\n", what,
		        out ? out : "(null)");
	CHECK(out && !strstr(out, "Para0Para1") && strstr(out, "Para1"));
	CHECK(out && (strstr(out, "Para0 ") || strstr(out, "Para0\n")));
	CHECK(out && !strstr(out, "onetwo"));
}

static char *nested_paras(const char *head, const char *open, size_t n, size_t *len)
{
	size_t a;
	char *o = repeat(open, n, &a);
	const char *tail = "<p>Para0</p><p>Para1</p><p>Para2</p><ul><li>one</li>"
			   "<li>two</li></ul></body></html>";
	size_t h = strlen(head), t = strlen(tail);
	char *p = malloc(12 + h + a + t + 1);
	memcpy(p, "<html><body>", 12);
	memcpy(p + 12, head, h);
	memcpy(p + 12 + h, o, a);
	memcpy(p + 12 + h + a, tail, t + 1);
	*len = 12 + h + a + t;
	free(o);
	return p;
}

TEST(limits_keep_blocks_apart)
{
	size_t len;
	char *p = nested_paras("", "<div>", 600, &len); /* past the guard's cut */
	run(p, len);
	check_apart("600 divs");
	CHECK(strstr(notes, "max_depth") != NULL);
	run_fmt(p, len, WN_FORMAT_MARKDOWN);
	check_apart("600 divs, markdown");
	free(p);
	p = nested_paras("", "<div>", 530, &len); /* flattened past max_depth */
	run(p, len);
	check_apart("530 divs");
	CHECK(out && strstr(out, "Para0\n"));
	CHECK(strstr(notes, "max_depth") != NULL);
	free(p);
	p = nested_paras("<b>", "<div>", 100, &len); /* deep under formatting */
	run(p, len);
	check_apart("100 divs under <b>");
	CHECK(strstr(notes, "unclosed formatting") != NULL);
	free(p);
	/* a small max_depth, and text around the flattened blocks */
	const char *small = "<html><body><div><div><div><div><span>Lead<p>Para0</p>"
			    "<p>Para1</p>tail<br>end</span><ul><li>one</li><li>two"
			    "</li></ul></div></div></div></div></body></html>";
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.max_depth = 4;
	run_opt(small, strlen(small), &o);
	check_apart("max_depth 4");
	CHECK(out && !strstr(out, "LeadPara0") && !strstr(out, "Para1tail") &&
	      !strstr(out, "tailend"));
	/* 4096 figures with their captions around an article: past the
	 * guard's cut the captions and the article share one block, but as
	 * words, with sentences: the product mode keeps it (glued into one
	 * word "capcap...The" it was no running text) */
	size_t n;
	char *figs = repeat("<figure><figcaption>cap</figcaption>", 4096, &n);
	p = page_with("<html><body>", "<article>" PARA PARA PARA "</article></body></html>", figs,
	              n, &len);
	wn_options_init(&o, sizeof o);
	o.kind = WN_KIND_PRODUCT;
	run_opt(p, len, &o);
	CHECK(st == WN_OK && out && strstr(out, WORDS));
	CHECK(out && !strstr(out, "capcap"));
	free(figs);
	free(p);
}

TEST(max_blocks)
{
	size_t n;
	char *paras = repeat(PARA, 100, &n);
	size_t len;
	char *p = page_with("<html><body><article>", "</article></body></html>", paras, n, &len);
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.max_blocks = 10;
	run_opt(p, len, &o);
	CHECK(strstr(notes, "max_blocks") != NULL);
	size_t count = 0;
	for (const char *s = out; s && (s = strstr(s, WORDS)); s++)
		count++;
	CHECK(count > 0 && count <= 10);
	free(paras);
	free(p);
}

TEST(max_output)
{
	size_t n;
	char *paras = repeat("<p>caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC and more "
	                     "words in a sentence, with commas.</p>",
	                     2000, &n);
	size_t len;
	char *p = page_with("<html><body><article>", "</article></body></html>", paras, n, &len);
	for (size_t max = 1; max < 300; max += 7) {
		wn_options o;
		wn_options_init(&o, sizeof o);
		o.max_output = max;
		for (int f = WN_FORMAT_TEXT; f <= WN_FORMAT_MARKDOWN; f++) {
			o.format = (wn_format)f;
			run_opt(p, len, &o);
			CHECK(out_len <= max);
			CHECK(strstr(notes, "max_output") != NULL);
		}
	}
	free(paras);
	free(p);
}

TEST(max_bytes)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.max_bytes = 10;
	wn_result *r;
	CHECK(wn_extract("<p>0123456789</p>", 17, &o, &r) == WN_EINPUT && !r);
	CHECK(wn_extract("<p>x</p>", 8, &o, &r) != WN_EINPUT);
	wn_result_free(r);
}

TEST(colspan_table_width)
{
	/* Each cell's colspan is clamped (render_md.c: 64), but a row of many
	 * wide cells still makes the table thousands of columns wide, and every
	 * row of a Markdown table is padded to the full width: output grows as
	 * rows x columns.  35 kB of input must not give megabytes. */
	{
		size_t cap = 64 << 10, len = 0;
		char *p = malloc(cap);
		len += (size_t)snprintf(p, cap, "<html><body>%s<table><tr>", PARA);
		for (int i = 0; i < 500; i++)
			len += (size_t)snprintf(p + len, cap - len, "<td colspan=64>h</td>");
		len += (size_t)snprintf(p + len, cap - len, "</tr>");
		for (int i = 0; i < 500; i++)
			len += (size_t)snprintf(
				p + len, cap - len, "<tr><td>data, words</td><td>x</td></tr>");
		len += (size_t)snprintf(p + len, cap - len, "</table>%s</body></html>", PARA);
		for (int f = WN_FORMAT_TEXT; f <= WN_FORMAT_JSON; f++) {
			run_fmt(p, len, (wn_format)f);
			if (out_len > 1 << 20)
				fprintf(stderr,
				        "  table width: format %d gave %zu bytes "
				        "from %zu\n",
				        f, out_len, len);
			CHECK(out_len < 1 << 20);
		}
		free(p);
	}
}

/* ---- regressions: what the fuzzer found ---- */

TEST(fuzz_empty_output_is_terminated)
{
	/* util.c: a buffer grown from nothing had no NUL (strlen overran) */
	wn_result *r;
	wn_extract("", 0, NULL, &r);
	size_t n = 99;
	const char *s = wn_result_output(r, &n);
	CHECK(n == 0 && s[0] == 0);
	wn_result_free(r);
}

TEST(fuzz_long_class_and_id)
{
	/* clean.c put_lower and metadata.c attrs_text wrote past a 512-byte
	 * stack buffer when class and id together were longer */
	size_t n;
	char *cls = repeat("comment-box ", 100, &n);
	char html[8192];
	snprintf(html, sizeof html,
	         "<html><body><div class=\"%s\" id=\"%s\" "
	         "itemprop=\"%s\" rel=\"%s\">" PARA "</div></body></html>",
	         cls, cls, cls, cls);
	html[sizeof html - 1] = 0;
	run_all(html, strlen(html));
	free(cls);
}

TEST(fuzz_output_cut_ends_with_newline)
{
	/* winnow.c limit_output cut the closing newline off */
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.max_output = 50;
	const char *html = "<html><body>" PARA PARA "</body></html>";
	run_opt(html, strlen(html), &o);
	CHECK(out_len > 0 && out_len <= 50 && out[out_len - 1] == '\n');
}

int main(void)
{
	RUN(empty);
	RUN(only_whitespace);
	RUN(binary);
	RUN(nul_bytes);
	RUN(unclosed_comment_and_script);
	RUN(deep_nesting);
	RUN(huge_text_node);
	RUN(million_attributes);
	RUN(million_elements);
	RUN(huge_colspan);
	RUN(colspan_table_width);
	RUN(entity_floods);
	RUN(invalid_utf8_everywhere);
	RUN(utf16_without_bom);
	RUN(max_depth);
	RUN(limits_keep_blocks_apart);
	RUN(max_blocks);
	RUN(max_output);
	RUN(max_bytes);
	RUN(fuzz_empty_output_is_terminated);
	RUN(fuzz_long_class_and_id);
	RUN(fuzz_output_cut_ends_with_newline);
	free(out);
	return harness_done();
}
