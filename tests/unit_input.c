/*
 * unit_input.c -- the input stage (src/input.c): charset detection, each
 * rule and their order, WHATWG labels, the <meta> prescan, UTF-16 with and
 * without byte order mark, invalid bytes; and the Unicode hygiene of the
 * rendered text (src/unicode.c).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "doc.h"
#include "base/unicode.h"
#include "base/utf8.h"
#include "input/input.h"

/* The decoded input and the "charset: ..." note of one decoding. */
static char got[4096];
static char note[512];

static void decode_opt(const char *in, size_t len, const char *encoding, const char *content_type)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.encoding = encoding;
	o.content_type = content_type;
	wn__doc d;
	wn__doc_init(&d, &o);
	got[0] = note[0] = 0;
	wn__input_decode(&d, in, len);
	{
		size_t n = d.html_len < sizeof got - 1 ? d.html_len : sizeof got - 1;
		memcpy(got, d.html, n);
		got[n] = 0;
		if (strlen(got) != n || d.html[d.html_len] != 0)
			strcpy(got, "(NUL inside or not terminated)");
	}
	for (size_t i = 0; i < d.notes.n; i++) /* the last one says which */
		if (!strncmp(d.notes.msg[i], "charset: ", 9))
			snprintf(note, sizeof note, "%s", d.notes.msg[i] + 9);
	wn__doc_free(&d);
}

static void decode(const char *in)
{
	decode_opt(in, strlen(in), NULL, NULL);
}

#define FFFD "\xEF\xBF\xBD"

/* ---- each rule ---- */

TEST(bom_utf8)
{
	decode("\xEF\xBB\xBF<p>caf\xC3\xA9");
	CHECK_STR(got, "<p>caf\xC3\xA9");
	CHECK_STR(note, "UTF-8 (from the byte order mark)");
}

TEST(bom_utf16le)
{
	decode_opt("\xFF\xFE<\0p\0>\0\xE9\0", 10, NULL, NULL);
	CHECK_STR(got, "<p>\xC3\xA9");
	CHECK_STR(note, "UTF-16LE (from the byte order mark)");
}

TEST(bom_utf16be)
{
	decode_opt("\xFE\xFF\0<\0p\0>\x30\x42", 10, NULL, NULL);
	CHECK_STR(got, "<p>\xE3\x81\x82"); /* あ */
	CHECK_STR(note, "UTF-16BE (from the byte order mark)");
}

TEST(bom_beats_everything)
{
	decode_opt("\xEF\xBB\xBF<meta charset=koi8-r>\xC3\xA9", 26, "shift_jis",
	           "text/html; charset=euc-kr");
	CHECK_STR(got, "<meta charset=koi8-r>\xC3\xA9");
	CHECK(strstr(note, "byte order mark") != NULL);
}

TEST(encoding_option_beats_declarations)
{
	const char *page = "<meta charset=shift_jis><p>caf\xE9";
	decode_opt(page, strlen(page), "latin1", "text/html; charset=utf-8");
	CHECK_STR(got, "<meta charset=shift_jis><p>caf\xC3\xA9");
	CHECK_STR(note, "windows-1252 (from the encoding option)");
}

TEST(unknown_encoding_option_is_ignored)
{
	const char *page = "<meta charset=koi8-r><p>\xC1";
	decode_opt(page, strlen(page), "no-such-thing", NULL);
	CHECK_STR(got, "<meta charset=koi8-r><p>\xD0\xB0"); /* а */
	CHECK_STR(note, "KOI8-R (from <meta charset>)");
}

TEST(content_type_beats_meta)
{
	const char *page = "<meta charset=windows-1251><p>\xC1";
	decode_opt(page, strlen(page), NULL, "text/html; charset=\"KOI8-R\"");
	CHECK_STR(got, "<meta charset=windows-1251><p>\xD0\xB0");
	CHECK_STR(note, "KOI8-R (from Content-Type)");
	decode_opt(page, strlen(page), NULL, "text/html");
	CHECK_STR(note, "windows-1251 (from <meta charset>)");
	decode_opt(page, strlen(page), NULL, "text/html;charset=koi8-r;q=1");
	CHECK_STR(note, "KOI8-R (from Content-Type)");
}

TEST(meta_charset_forms)
{
	decode("<meta charset=\"shift_jis\"><p>\x82\xA0");
	CHECK_STR(note, "Shift_JIS (from <meta charset>)");
	CHECK(strstr(got, "\xE3\x81\x82") != NULL);
	decode("<META CHARSET='SHIFT_JIS'>\x82\xA0");
	CHECK_STR(note, "Shift_JIS (from <meta charset>)");
	/* the value is "shift_jis/", not a label */
	decode("<meta charset=shift_jis/>\x82\xA0");
	CHECK(strncmp(note, "Shift_JIS", 9) != 0);
	decode("<meta  foo=bar\tcharset = shift_jis >\x82\xA0");
	CHECK_STR(note, "Shift_JIS (from <meta charset>)");
	decode("<meta/charset=euc-jp>\xA4\xA2");
	CHECK_STR(note, "EUC-JP (from <meta charset>)");
}

TEST(meta_http_equiv)
{
	decode("<meta http-equiv=\"Content-Type\" content=\"text/html; "
	       "charset=euc-jp\">\xA4\xA2");
	CHECK_STR(note, "EUC-JP (from <meta http-equiv>)");
	CHECK(strstr(got, "\xE3\x81\x82") != NULL);
	/* attributes in any order, quotes inside content */
	decode("<meta content='text/html;charset=\"euc-jp\"' "
	       "http-equiv=content-type>\xA4\xA2");
	CHECK_STR(note, "EUC-JP (from <meta http-equiv>)");
	/* content without the pragma, or the pragma without a charset */
	decode("<meta content=\"text/html; charset=euc-jp\">caf\xC3\xA9");
	CHECK_STR(note, "UTF-8 (valid UTF-8)");
	decode("<meta http-equiv=\"refresh\" content=\"0; charset=euc-jp\">"
	       "caf\xC3\xA9");
	CHECK_STR(note, "UTF-8 (valid UTF-8)");
	/* charset= followed by spaces */
	decode("<meta http-equiv=content-type content=\"text/html; charset = "
	       "koi8-r\">\xC1");
	CHECK_STR(note, "KOI8-R (from <meta http-equiv>)");
}

TEST(meta_first_charset_wins)
{
	decode("<meta charset=koi8-r><meta charset=windows-1251>\xC1");
	CHECK_STR(note, "KOI8-R (from <meta charset>)");
	/* the charset attribute of the same element beats content */
	decode("<meta http-equiv=content-type content=\"text/html; "
	       "charset=windows-1251\" charset=koi8-r>\xC1");
	CHECK_STR(note, "KOI8-R (from <meta charset>)");
	/* a duplicate attribute is ignored */
	decode("<meta charset=koi8-r charset=windows-1251>\xC1");
	CHECK_STR(note, "KOI8-R (from <meta charset>)");
}

TEST(meta_prescan_skips_comments_and_attributes)
{
	decode("<!-- <meta charset=koi8-r> --><meta charset=windows-1251>\xC1");
	CHECK_STR(note, "windows-1251 (from <meta charset>)");
	/* "<!-->" is a whole comment */
	decode("<!--><meta charset=koi8-r>\xC1");
	CHECK_STR(note, "KOI8-R (from <meta charset>)");
	/* a <meta> inside another tag's attribute value is not one */
	decode("<div title=\"<meta charset=koi8-r>\"><meta charset=windows-1251>\xC1");
	CHECK_STR(note, "windows-1251 (from <meta charset>)");
	/* nor one inside <!DOCTYPE ...> or a processing instruction */
	decode("<?xml <meta charset=koi8-r> ?><meta charset=windows-1251>\xC1");
	CHECK_STR(note, "windows-1251 (from <meta charset>)");
	/* <metadata> is not <meta> */
	decode("<metadata charset=koi8-r><meta charset=windows-1251>\xC1");
	CHECK_STR(note, "windows-1251 (from <meta charset>)");
	/* an unclosed comment hides the rest */
	decode("<!-- <meta charset=koi8-r>caf\xC3\xA9");
	CHECK_STR(note, "UTF-8 (valid UTF-8)");
}

TEST(meta_prescan_edge_cases)
{
	/* cut by the end of input: no crash, nothing declared */
	const char *cuts[] = {
		"<meta charset=\"koi8",
		"<meta charset=",
		"<meta ",
		"<meta",
		"<!--",
		"<",
		"<meta http-equiv=content-type content=\"charset=koi8-r",
		"</",
		"<a b='",
	};
	for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
		decode(cuts[i]);
		CHECK_STR(note, "UTF-8 (valid UTF-8)");
	}
	decode("<meta charset=\"\">caf\xC3\xA9");
	CHECK_STR(note, "UTF-8 (valid UTF-8)");
	decode("<meta charset=\"bogus-charset\">caf\xC3\xA9");
	CHECK_STR(note, "UTF-8 (valid UTF-8)");
}

TEST(meta_utf16_means_utf8)
{
	decode("<meta charset=utf-16><p>caf\xC3\xA9");
	CHECK_STR(note, "UTF-8 (from <meta charset>)");
	CHECK_STR(got, "<meta charset=utf-16><p>caf\xC3\xA9");
	decode("<meta charset=utf-16be>x");
	CHECK_STR(note, "UTF-8 (from <meta charset>)");
	/* and x-user-defined means windows-1252 */
	decode("<meta charset=x-user-defined>\x80");
	CHECK_STR(note, "windows-1252 (from <meta charset>)");
	CHECK_STR(got, "<meta charset=x-user-defined>\xE2\x82\xAC");
}

TEST(valid_utf8_beats_a_legacy_declaration)
{
	/* pages stored as UTF-8 that kept their old declaration */
	decode("<meta charset=gb2312><p>\xE4\xB8\xAD\xE6\x96\x87");
	CHECK_STR(note, "UTF-8 (valid UTF-8, not the declared charset)");
	CHECK_STR(got, "<meta charset=gb2312><p>\xE4\xB8\xAD\xE6\x96\x87");
	const char *page = "<p>caf\xC3\xA9";
	decode_opt(page, strlen(page), NULL, "text/html; charset=ISO-8859-1");
	CHECK_STR(note, "UTF-8 (valid UTF-8, not the declared charset)");
	/* but not over the encoding option, nor for ASCII-only pages */
	decode_opt(page, strlen(page), "latin1", NULL);
	CHECK_STR(note, "windows-1252 (from the encoding option)");
	decode("<meta charset=koi8-r><p>plain");
	CHECK_STR(note, "KOI8-R (from <meta charset>)");
}

TEST(meta_after_1024_bytes)
{
	char page[3000];
	memset(page, ' ', sizeof page);
	memcpy(page, "<title>x</title>", 16);
	const char *m = "<meta charset=koi8-r>\xC1";
	memcpy(page + 2000, m, strlen(m) + 1);
	decode(page);
	CHECK_STR(note, "KOI8-R (from <meta charset> after the first 1024 bytes)");
}

TEST(undeclared)
{
	decode("<p>caf\xC3\xA9 cr\xC3\xA8me");
	CHECK_STR(note, "UTF-8 (valid UTF-8)");
	decode("<p>plain ascii");
	CHECK_STR(note, "UTF-8 (valid UTF-8)");
	/* legacy bytes: uchardet or the default, windows-1252 both */
	decode("<p>Le caf\xE9 de la gare a rouvert ses portes apr\xE8s des "
	       "ann\xE9\x65s de travaux, \xE0 la grande joie des habitu\xE9s.");
	CHECK(strstr(got, "caf\xC3\xA9") != NULL);
	CHECK(strstr(got, "apr\xC3\xA8s") != NULL);
	CHECK(strstr(note, "windows-1252") == note);
}

TEST(mostly_utf8_is_utf8)
{
	char page[600] = "<p>";
	for (int i = 0; i < 40; i++)
		strcat(page, "\xC3\xA9t\xC3\xA9 ");
	strcat(page, "\xFF end");
	decode(page);
	CHECK_STR(note, "UTF-8 (mostly valid UTF-8)");
	CHECK(strstr(got, FFFD " end") != NULL);
}

/* ---- labels ---- */

static void check_label_n(const char *label, const char *bytes, size_t len, const char *want,
                          const char *name)
{
	decode_opt(bytes, len, label, NULL);
	if (strcmp(got, want) || strncmp(note, name, strlen(name))) {
		fprintf(stderr, "  label '%s': got \"%s\" (%s)\n", label, got, note);
		harness_cur_failed = 1;
	}
}

static void check_label(const char *label, const char *bytes, const char *want, const char *name)
{
	check_label_n(label, bytes, strlen(bytes), want, name);
}

TEST(labels_windows_1252)
{
	const char *l[] = {"latin1",    "ISO-8859-1", "iso_8859-1:1987", "ascii",
	                   "us-ascii",  "l1",         "cp1252",          "windows-1252",
	                   " Latin1\t", "x-cp1252",   "cp819",           "ansi_x3.4-1968"};
	for (size_t i = 0; i < sizeof l / sizeof *l; i++)
		check_label(l[i], "\x80\xE9\x81", "\xE2\x82\xAC\xC3\xA9\xC2\x81", "windows-1252");
}

TEST(labels_cjk)
{
	/* 中 in GBK is D6 D0 */
	const char *gbk[] = {
		"gb2312", "GBK", "x-gbk", "chinese", "csgb2312", "gb_2312-80", "iso-ir-58"};
	for (size_t i = 0; i < sizeof gbk / sizeof *gbk; i++)
		check_label(gbk[i], "\xD6\xD0", "\xE4\xB8\xAD", "GBK");
	check_label("gb18030", "\x81\x30\x81\x30", "\xC2\x80", "gb18030");
	/* あ in Shift_JIS is 82 A0; NEC row 13 (①, 87 40) is CP932 only */
	const char *sj[] = {"shift_jis", "sjis",       "ms_kanji", "windows-31j",
	                    "x-sjis",    "csshiftjis", "ms932",    "shift-jis"};
	for (size_t i = 0; i < sizeof sj / sizeof *sj; i++)
		check_label(sj[i], "\x82\xA0\x87\x40", "\xE3\x81\x82\xE2\x91\xA0", "Shift_JIS");
	check_label("euc-jp", "\xA4\xA2", "\xE3\x81\x82", "EUC-JP");
	check_label("iso-2022-jp", "\x1B$B$\"\x1B(B", "\xE3\x81\x82", "ISO-2022-JP");
	/* 똠 (8C 63) is in CP949 but not in KS X 1001 */
	const char *kr[] = {"euc-kr", "korean", "ks_c_5601-1987", "windows-949"};
	for (size_t i = 0; i < sizeof kr / sizeof *kr; i++)
		check_label(kr[i], "\xB0\xA1\x8C\x63", "\xEA\xB0\x80\xEB\x98\xA0", "EUC-KR");
	/* 中 in Big5 is A4 A4 */
	const char *b5[] = {"big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5"};
	for (size_t i = 0; i < sizeof b5 / sizeof *b5; i++)
		check_label(b5[i], "\xA4\xA4", "\xE4\xB8\xAD", "Big5");
}

TEST(labels_other)
{
	check_label("koi8-r", "\xC1", "\xD0\xB0", "KOI8-R");
	check_label("koi8-u", "\xA4", "\xD1\x94", "KOI8-U");
	check_label("cp1251", "\xE0", "\xD0\xB0", "windows-1251");
	check_label("latin2", "\xB9", "\xC5\xA1", "ISO-8859-2");
	check_label("iso-8859-9", "\xFD", "\xC4\xB1", "windows-1254");
	check_label("latin5", "\xFD", "\xC4\xB1", "windows-1254");
	check_label("iso-8859-8-i", "\xE0", "\xD7\x90", "ISO-8859-8-I");
	check_label("ibm866", "\xA0", "\xD0\xB0", "IBM866");
	check_label("mac", "\x8E", "\xC3\xA9", "macintosh");
	check_label("tis-620", "\xA1", "\xE0\xB8\x81", "windows-874");
	check_label("x-user-defined", "a\x80\xFF", "a\xEF\x9E\x80\xEF\x9F\xBF", "x-user-defined");
	check_label_n("utf-16", "a\0b\0", 4, "ab", "UTF-16LE");
	check_label_n("unicodefffe", "\0a\0b", 4, "ab", "UTF-16BE");
	check_label("unicode-1-1-utf-8", "\xC3\xA9", "\xC3\xA9", "UTF-8");
	/* WHATWG's replacement encoding: nothing is decoded */
	check_label("iso-2022-kr", "<p>hello", FFFD, "replacement");
	check_label("hz-gb-2312", "<p>hello", FFFD, "replacement");
}

/* ---- UTF-16 without byte order mark ---- */

static size_t utf16(const char *ascii, int be, char *out)
{
	size_t n = 0;
	for (const char *p = ascii; *p; p++) {
		out[n++] = be ? 0 : *p;
		out[n++] = be ? *p : 0;
	}
	return n;
}

TEST(utf16_without_bom)
{
	char buf[512];
	const char *page = "<html><body><p>Hello world, this is UTF-16.</p>";
	size_t n = utf16(page, 0, buf);
	decode_opt(buf, n, NULL, NULL);
	CHECK_STR(got, page);
	CHECK_STR(note, "UTF-16LE (from NUL bytes: UTF-16 without byte order mark)");
	n = utf16(page, 1, buf);
	decode_opt(buf, n, NULL, NULL);
	CHECK_STR(got, page);
	CHECK(strncmp(note, "UTF-16BE", 8) == 0);
	/* leading white space, in either order */
	const char *spaced = " \n\t<html><body><p>Hello world, this is UTF-16.</p>";
	n = utf16(spaced, 0, buf);
	decode_opt(buf, n, NULL, NULL);
	CHECK_STR(got, spaced);
	CHECK(strncmp(note, "UTF-16LE", 8) == 0);
	n = utf16(spaced, 1, buf);
	decode_opt(buf, n, NULL, NULL);
	CHECK_STR(got, spaced);
	CHECK(strncmp(note, "UTF-16BE", 8) == 0);
	/* a few NULs in an ASCII page are not UTF-16 */
	decode_opt("<p>abc\0def ghi jkl</p>", 22, NULL, NULL);
	CHECK_STR(got, "<p>abcdef ghi jkl</p>");
	CHECK_STR(note, "UTF-8 (valid UTF-8)");
}

/* An ASCII page with a UTF-16 string (a NUL in every other byte) in a
 * script of its first 4 KB: not UTF-16, which starts "<\0" or "\0<", and
 * not binary data.  Its NULs go as in any UTF-8 page. */
static size_t nul_page(char *buf, const char *start, size_t pairs)
{
	size_t n = (size_t)sprintf(buf, "%s<html><head><title>T</title><script>var blob='", start);
	for (size_t i = 0; i < pairs; i++) {
		buf[n++] = 'A';
		buf[n++] = 0;
	}
	n += (size_t)sprintf(buf + n, "';</script></head><body><article><p>The harbour "
	                              "authority said on Tuesday that the new ferry terminal "
	                              "would open in the spring, and that fares would stay the "
	                              "same.</p></article></body></html>");
	return n;
}

TEST(nuls_in_a_script_are_not_utf16)
{
	static char buf[8192];
	static const char *const starts[] = {"<!doctype html>", "", "\n<!-- x -->"};
	for (size_t k = 0; k < 3; k++) {
		for (size_t pairs = 200; pairs <= 1200; pairs += 1000) {
			size_t n = nul_page(buf, starts[k], pairs);
			decode_opt(buf, n, NULL, NULL);
			CHECK_STR(note, "UTF-8 (valid UTF-8)");
			CHECK(strstr(got, "var blob='AAAA") && strstr(got, "<article><p>The harbour"));
			CHECK(!wn__input_is_binary(buf, n));
			wn_result *r = NULL;
			CHECK(wn_extract(buf, n, NULL, &r) == WN_OK);
			const char *s = r ? wn_result_output(r, NULL) : NULL;
			if (!s || !strstr(s, "new ferry terminal would open"))
				fprintf(stderr, "  start \"%s\", %zu pairs: \"%.80s\"\n", starts[k],
				        pairs, s ? s : "(refused)");
			CHECK(s && strstr(s, "new ferry terminal would open"));
			wn_result_free(r);
		}
	}
}

/* ---- invalid bytes ---- */

static void decode_utf8(const char *in)
{
	decode_opt(in, strlen(in), "utf-8", NULL);
}

TEST(invalid_utf8)
{
	/* WHATWG's UTF-8 decoder: one U+FFFD per maximal subpart */
	decode_utf8("a\xC0\xAF"
	            "b"); /* overlong: two bad bytes */
	CHECK_STR(got, "a" FFFD FFFD "b");
	decode_utf8("a\xE2\x82"); /* cut: one maximal subpart */
	CHECK_STR(got, "a" FFFD);
	decode_utf8("a\xED\xA0\x80z"); /* a surrogate */
	CHECK_STR(got, "a" FFFD FFFD FFFD "z");
	decode_utf8("a\xF4\x90\x80\x80z"); /* past U+10FFFF */
	CHECK_STR(got, "a" FFFD FFFD FFFD FFFD "z");
	decode_utf8("\xF0\x9F\x98\x80\xF0\x9F\x98"); /* emoji, then a cut one */
	CHECK_STR(got, "\xF0\x9F\x98\x80" FFFD);
	decode_utf8("\xE2\x82\xAC\x80\x80z"); /* stray continuation bytes */
	CHECK_STR(got, "\xE2\x82\xAC" FFFD FFFD "z");
	decode_opt("<meta charset=utf-8>a\0b", 23, NULL, NULL);
	CHECK_STR(got, "<meta charset=utf-8>ab");
}

TEST(invalid_legacy)
{
	/* Shift_JIS: a lead byte before an ASCII byte, a lone lead at the end */
	decode_opt("\x81 a\x82", 4, "shift_jis", NULL);
	CHECK_STR(got, FFFD " a" FFFD);
	/* EUC-KR: an undefined pair */
	decode_opt("x\xFF\xFFy", 4, "euc-kr", NULL);
	CHECK(strstr(got, FFFD) != NULL);
	CHECK(got[0] == 'x' && got[strlen(got) - 1] == 'y');
	/* UTF-16: an unpaired surrogate, an odd byte at the end */
	decode_opt("a\0\x00\xD8"
	           "b\0c",
	           7, "utf-16le", NULL);
	CHECK_STR(got, "a" FFFD "b" FFFD);
	/* NUL in UTF-16 text is dropped too */
	decode_opt("a\0\0\0b\0", 6, "utf-16le", NULL);
	CHECK_STR(got, "ab");
	/* an 8-bit charset with holes: ISO-8859-3 has no A5 */
	decode_opt("a\xA5z", 3, "iso-8859-3", NULL);
	CHECK_STR(got, "a" FFFD "z");
}

TEST(invalid_everywhere)
{
	/* 2 MB where every sequence is invalid in the declared charset: one
	 * U+FFFD each, in linear time (bench/scaling.sh measures it) */
	size_t n = 2 << 20;
	char *buf = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)(i & 1 ? 0x20 : 0x81);
	buf[n] = 0;
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.encoding = "shift_jis";
	wn_result *r;
	wn_status st = wn_extract(buf, n, &o, &r);
	CHECK(st == WN_OK || st == WN_NO_CONTENT);
	size_t len;
	const char *s = wn_result_output(r, &len);
	CHECK(len > n && !strncmp(s, FFFD " " FFFD, 7));
	wn_result_free(r);
	free(buf);
}

/* ---- the guard against gumbo's quadratic cases ---- */

TEST(guard_keeps_normal_pages)
{
	/* 2000 unclosed <li><p>, <tr><td>, <option> and <dd>, and a 40-deep
	 * nesting repeated: gumbo closes them implicitly, so the guard must not
	 * count them as nesting and cut anything */
	wn__buf b = {0};
	wn__buf_puts(&b, "<body><ul>");
	for (int i = 0; i < 2000; i++)
		wn__buf_puts(&b, "<li><p>item <b>bold</b> <a href=x>link</a>");
	wn__buf_puts(&b, "</ul><table>");
	for (int i = 0; i < 2000; i++)
		wn__buf_puts(&b, "<tr><td>x<td>y");
	wn__buf_puts(&b, "</table><select>");
	for (int i = 0; i < 2000; i++)
		wn__buf_puts(&b, "<option>o");
	wn__buf_puts(&b, "</select><dl>");
	for (int i = 0; i < 2000; i++)
		wn__buf_puts(&b, "<dt>t<dd>d<p>p");
	wn__buf_puts(&b, "</dl>");
	for (int i = 0; i < 2000; i++) {
		for (int k = 0; k < 40; k++)
			wn__buf_puts(&b, "<div><span>");
		wn__buf_puts(&b, "<br><img alt=x><input>text");
		for (int k = 0; k < 40; k++)
			wn__buf_puts(&b, "</span></div>");
	}
	wn__doc d;
	wn_options o;
	wn_options_init(&o, sizeof o);
	wn__doc_init(&d, &o);
	wn__input_decode(&d, b.data, b.len);
	wn__guard(&d);
	CHECK(d.html_len == b.len); /* nothing cut */
	for (size_t i = 0; i < d.notes.n; i++)
		CHECK(strncmp(d.notes.msg[i], "limit:", 6) != 0);
	wn__doc_free(&d);
	wn__buf_free(&b);
}

/* The markup as the guard cuts it, in a wn__buf. */
static void guard_cut(const char *html, size_t len, wn__buf *out)
{
	wn__doc d;
	wn_options o;
	wn_options_init(&o, sizeof o);
	wn__doc_init(&d, &o);
	wn__input_decode(&d, html, len);
	wn__guard(&d);
	out->len = 0;
	wn__buf_put(out, d.html, d.html_len);
	wn__doc_free(&d);
}

TEST(guard_cuts_leave_blocks_apart)
{
	/* a block-level tag cut for a limit leaves a line break, so that the
	 * words of two paragraphs do not run together */
	wn__buf b = {0}, cut = {0};
	wn__buf_puts(&b, "<body>");
	for (int i = 0; i < 700; i++)
		wn__buf_puts(&b, "<div>");
	wn__buf_puts(&b, "<p>Para0</p><p>Para1</p><span>in</span><br>line");
	/* (a void element, never nested, is not cut for depth: the <br> stays) */
	guard_cut(b.data, b.len, &cut);
	CHECK(cut.data && strstr(cut.data, "\nPara0\n\nPara1\nin<br>line"));
	/* past the element limit */
	b.len = 0;
	wn__buf_puts(&b, "<body>");
	char tmp[64];
	for (int i = 0; i < 1000010; i++) {
		snprintf(tmp, sizeof tmp, "<p>w%d x</p>", i);
		wn__buf_puts(&b, tmp);
	}
	guard_cut(b.data, b.len, &cut);
	CHECK(cut.data && strstr(cut.data, "<p>w999998 x</p>\nw999999 x\n\nw1000000 x\n"));
	wn__buf_free(&b);
	wn__buf_free(&cut);
}

/* ---- binary data is not a page ---- */

TEST(binary_input_is_refused)
{
	static const char elf[] = "\x7f"
				  "ELF\x02\x01\x01\0\0\0<p>text</p>";
	static const char gz[] = "\x1f\x8b\x08\0\0\0\0\0";
	CHECK(wn__input_is_binary(elf, sizeof elf - 1));
	CHECK(wn__input_is_binary(gz, sizeof gz - 1));
	CHECK(wn__input_is_binary("%PDF-1.7\n", 9));
	/* control bytes all through: binary */
	char junk[2000];
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (char)(i * 7 % 256);
	CHECK(wn__input_is_binary(junk, sizeof junk));
	wn_result *r = NULL;
	CHECK(wn_extract(junk, sizeof junk, NULL, &r) == WN_ENOTHTML && r == NULL);
	CHECK_STR(wn_status_string(WN_ENOTHTML), "not HTML: binary data");
	/* text: pages, a stray NUL, UTF-16 without a byte order mark */
	static const char page[] = "<html><body>\0<p>The harbour\0 authority said.</p>";
	CHECK(!wn__input_is_binary(page, sizeof page - 1));
	CHECK(!wn__input_is_binary("", 0));
	static const char u16[] = "<\0p\0>\0H\0i\0 \0t\0h\0e\0r\0e\0<\0/\0p\0>\0";
	CHECK(!wn__input_is_binary(u16, sizeof u16 - 1));
	CHECK(!wn__input_is_binary("\xff\xfe<\0p\0>\0", 8));
	CHECK(!wn__input_is_binary("\x1b$B\x46\x7c\x4b\x5c\x1b(B", 10)); /* ISO-2022-JP */
	/* junk after white space, or after a '<' that opens no markup */
	junk[0] = ' ';
	CHECK(wn__input_is_binary(junk, sizeof junk));
	junk[0] = '<';
	junk[1] = 0;
	CHECK(wn__input_is_binary(junk, sizeof junk));
}

/* ---- Unicode hygiene ---- */

static char cleaned[4096];

static const char *clean(const char *s)
{
	wn__buf b = {0};
	wn__buf_puts(&b, s);
	wn__text_clean(&b, 0);
	snprintf(cleaned, sizeof cleaned, "%s", b.data ? b.data : "");
	wn__buf_free(&b);
	return cleaned;
}

TEST(unicode_nfc)
{
	CHECK_STR(clean("cafe\xCC\x81\n"), "caf\xC3\xA9\n");              /* e + U+0301 */
	CHECK_STR(clean("\xE2\x84\xAB\n"), "\xC3\x85\n");                 /* Angstrom */
	CHECK_STR(clean("\xE1\x84\x80\xE1\x85\xA1\n"), "\xEA\xB0\x80\n"); /* jamo */
	CHECK_STR(clean("\xE1\xBD\xB1\n"), "\xCE\xAC\n");                 /* U+1F71 */
	/* canonical order of marks: U+0316 (220) before U+0301 (230) */
	CHECK_STR(clean("a\xCC\x81\xCC\x96\n"), "\xC3\xA1\xCC\x96\n");
	/* already NFC text passes as it is */
	const char *ok = "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E caf\xC3\xA9 "
			 "\xD0\xBC\xD0\xB8\xD1\x80 \xF0\x9F\x98\x80\n";
	CHECK_STR(clean(ok), ok);
}

TEST(unicode_drops)
{
	CHECK_STR(clean("a\xE2\x80\x8B"
	                "b\n"),
	          "ab\n"); /* ZWSP */
	CHECK_STR(clean("inter\xC2\xAD"
	                "national\n"),
	          "international\n"); /* SHY */
	CHECK_STR(clean("a\xEF\xBB\xBF"
	                "b\n"),
	          "ab\n"); /* BOM */
	CHECK_STR(clean("a\xE2\x80\xAE"
	                "b\xE2\x80\xAC\n"),
	          "ab\n"); /* RLO PDF */
	CHECK_STR(clean("a\xC2\x85"
	                "b\x01\x7F"
	                "c\r\n"),
	          "abc\n"); /* controls */
	CHECK_STR(clean("a\xEF\xB7\x90"
	                "b\n"),
	          "ab\n"); /* U+FDD0 */
	/* kept: tab, newline, ZWJ, ZWNJ, bidi marks, emoji tag sequences */
	const char *keep = "a\tb\n\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB "
			   "\xD9\x85\xE2\x80\x8C\xD9\x8A \xE2\x80\x8F"
			   "x\n";
	CHECK_STR(clean(keep), keep);
}

TEST(unicode_spaces)
{
	CHECK_STR(clean("a\xC2\xA0"
	                "b\n"),
	          "a b\n"); /* NBSP */
	CHECK_STR(clean("a\xE3\x80\x80"
	                "b\n"),
	          "a b\n"); /* ideographic */
	CHECK_STR(clean("a\xE2\x80\xAF"
	                "b\xE2\x80\x89"
	                "c\n"),
	          "a b c\n");
	CHECK_STR(clean("a\xE2\x80\xA8"
	                "b\n"),
	          "a\nb\n"); /* U+2028 */
}

TEST(unicode_no_glue_no_split)
{
	/* a drop between two spaces leaves one space */
	CHECK_STR(clean("a \xE2\x80\x8B b\n"), "a b\n");
	/* a line of dropped characters goes with its newline */
	CHECK_STR(clean("A\n\n\xE2\x80\x8B\n\nB\n"), "A\n\nB\n");
	CHECK_STR(clean("\xE2\x80\x8B\n\nA\n"), "A\n");
	CHECK_STR(clean("A\n\n\xC2\xAD\n"), "A\n");
	/* a drop at a line's end leaves no trailing space */
	CHECK_STR(clean("a \xE2\x80\x8B\nb\n"), "a\nb\n");
	/* all dropped: empty */
	CHECK_STR(clean("\xE2\x80\x8B\n"), "");
	/* blank lines without drops stay (code blocks) */
	CHECK_STR(clean("a\n\n\n\nb\n"), "a\n\n\n\nb\n");
}

TEST(unicode_invalid_and_offset)
{
	CHECK_STR(clean("a\xFF"
	                "b\n"),
	          "a" FFFD "b\n");
	wn__buf b = {0};
	wn__buf_puts(&b, "head\xC2\xA0|body\xC2\xA0x\n");
	wn__text_clean(&b, 7);
	CHECK_STR(b.data, "head\xC2\xA0|body x\n");
	wn__buf_free(&b);
}

TEST(unicode_marks_flood_is_linear)
{
	/* 400,000 alternating marks on one base: stream-safe cuts keep the
	 * canonical reordering from going quadratic */
	size_t n = 400000;
	wn__buf b = {0};
	wn__buf_putc(&b, 'a');
	for (size_t i = 0; i < n; i++)
		wn__buf_puts(&b, i & 1 ? "\xCC\x96" : "\xCC\x81");
	wn__buf_putc(&b, '\n');
	clock_t t = clock();
	wn__text_clean(&b, 0);
	CHECK((double)(clock() - t) / CLOCKS_PER_SEC < 20);
	CHECK(b.len > n); /* nothing lost */
	wn__buf_free(&b);
}

/* The valid prefix ends at the first byte that is not UTF-8 (or a NUL
 * when NULs are refused), wherever it falls among the eight-byte words
 * read at once. */
TEST(utf8_valid_prefix_stops_at_each_place)
{
	unsigned char s[40];
	for (size_t at = 0; at < 24; at++) {
		memset(s, 'a', sizeof s);
		s[at] = 0;
		CHECK(wn__utf8_valid_prefix(s, sizeof s, 0) == at);
		CHECK(wn__utf8_valid_prefix(s, sizeof s, 1) == sizeof s);
		s[at] = 0xff;
		CHECK(wn__utf8_valid_prefix(s, sizeof s, 1) == at);
		/* a two-byte character there is valid, its half is not */
		s[at] = 0xc3;
		s[at + 1] = 0xa9;
		CHECK(wn__utf8_valid_prefix(s, sizeof s, 0) == sizeof s);
		CHECK(wn__utf8_valid_prefix(s, at + 1, 0) == at);
	}
}

/* Text encoded in UTF-8 twice: read as windows-1252 ("\xc3\xa2\xe2\x82\xac\xe2\x84\xa2") or
 * Latin-1 (C1 controls), mended when a sure sequence is on the page, the
 * Latin-1-only ones then too; text that merely looks like one stays. */
TEST(text_encoded_twice_is_decoded_once_more)
{
	/* it’s, “quoted”, café, €9 (read as windows-1252) */
	decode("<p>it\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s \xc3\xa2\xe2\x82\xac\xc5\x93quoted\xc3\xa2\xe2\x82\xac\xc2\x9d "
	       "caf\xc3\x83\xc2\xa9 \xc3\xa2\xe2\x80\x9a\xc2\xac"
	       "9");
	CHECK_STR(got, "<p>it\xe2\x80\x99s \xe2\x80\x9cquoted\xe2\x80\x9d caf\xc3\xa9 \xe2\x82\xac"
	               "9");
	/* read as Latin-1: the C1 controls */
	decode("<p>let\xc3\xa2\xc2\x80\xc2\x99s go");
	CHECK_STR(got, "<p>let\xe2\x80\x99s go");
	/* Latin-1 letters alone are no proof: "\xc3\x83\xc2\xa9" stays on a page without one */
	decode("<p>caf\xc3\x83\xc2\xa9 and \xc3\x82\xc2\xb0"
	       "C");
	CHECK_STR(got, "<p>caf\xc3\x83\xc2\xa9 and \xc3\x82\xc2\xb0"
	               "C");
	/* a lead's letter before a character no byte stands for, or at the end */
	decode("<p>\xc3\xa2\xe2\x82\xac\xe2\x84\xa2 \xc3\xa2x \xc3\xa2\xe2\x82\xac");
	CHECK_STR(got, "<p>\xe2\x80\x99 \xc3\xa2x \xc3\xa2\xe2\x82\xac");
	/* and as references, which reach the body's text only after the parse */
	wn_options o;
	wn_options_init(&o, sizeof o);
	wn_result *r = NULL;
	const char *page = "<title>It&acirc;&euro;&trade;s here</title><article><p>The shop "
			   "isn&acirc;&euro;&trade;t open on Sundays, and the caf&Atilde;&copy; "
			   "next door closes at noon, so plan the morning around the market.</p>"
			   "</article>";
	CHECK(wn_extract(page, strlen(page), &o, &r) == WN_OK);
	const char *t = wn_result_output(r, NULL);
	CHECK(strstr(t, "isn\xe2\x80\x99t open") && strstr(t, "caf\xc3\xa9 next"));
	CHECK_STR(wn_result_metadata(r)->title, "It\xe2\x80\x99s here");
	wn_result_free(r);
}

int main(void)
{
	RUN(bom_utf8);
	RUN(bom_utf16le);
	RUN(bom_utf16be);
	RUN(bom_beats_everything);
	RUN(encoding_option_beats_declarations);
	RUN(unknown_encoding_option_is_ignored);
	RUN(content_type_beats_meta);
	RUN(meta_charset_forms);
	RUN(meta_http_equiv);
	RUN(meta_first_charset_wins);
	RUN(meta_prescan_skips_comments_and_attributes);
	RUN(meta_prescan_edge_cases);
	RUN(meta_utf16_means_utf8);
	RUN(valid_utf8_beats_a_legacy_declaration);
	RUN(meta_after_1024_bytes);
	RUN(undeclared);
	RUN(mostly_utf8_is_utf8);
	RUN(labels_windows_1252);
	RUN(labels_cjk);
	RUN(labels_other);
	RUN(utf16_without_bom);
	RUN(nuls_in_a_script_are_not_utf16);
	RUN(invalid_utf8);
	RUN(invalid_legacy);
	RUN(invalid_everywhere);
	RUN(guard_keeps_normal_pages);
	RUN(guard_cuts_leave_blocks_apart);
	RUN(binary_input_is_refused);
	RUN(unicode_nfc);
	RUN(unicode_drops);
	RUN(unicode_spaces);
	RUN(unicode_no_glue_no_split);
	RUN(unicode_invalid_and_offset);
	RUN(unicode_marks_flood_is_linear);
	RUN(utf8_valid_prefix_stops_at_each_place);
	RUN(text_encoded_twice_is_decoded_once_more);
	return harness_done();
}
