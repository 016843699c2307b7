/*
 * charset.c -- which character encoding the input is in, chosen as the
 * WHATWG Encoding Standard and the HTML spec's "determining the character
 * encoding" do: byte order mark, then the caller's encoding (which
 * overrides the rest), then the Content-Type charset, then the <meta>
 * prescan; with nothing declared, valid UTF-8 stays UTF-8, else uchardet
 * guesses, else windows-1252.  Labels are WHATWG's.  Two departures, for
 * scraped pages: UTF-16 without a byte order mark is recognised by its NUL
 * bytes, and bytes that are valid UTF-8 all through are read as UTF-8
 * whatever legacy charset a <meta> or Content-Type declares.
 */
#include <stdlib.h>
#include <string.h>

#include <uchardet.h>

#include "base/utf8.h"
#include "input/charset.h"
#include "tuning.h"

/* ---- WHATWG labels ---- */

/* Encoding names as WHATWG has them, and what iconv calls them.  Where
 * WHATWG's decoder is a superset of the label's namesake (gb2312 -> gb18030,
 * shift_jis -> Microsoft's CP932, euc-kr -> CP949, big5 -> Big5-HKSCS) iconv
 * gets the superset, as browsers decode. */


static const struct {
	const char *name, *iconv;
} encodings[WN__E_COUNT] = {
	[WN__E_UTF8] = {"UTF-8", "UTF-8"},
	[WN__E_UTF16LE] = {"UTF-16LE", "UTF-16LE"},
	[WN__E_UTF16BE] = {"UTF-16BE", "UTF-16BE"},
	[WN__E_1252] = {"windows-1252", NULL},
	[WN__E_USERDEF] = {"x-user-defined", NULL},
	[WN__E_REPLACEMENT] = {"replacement", NULL},
	[WN__E_IBM866] = {"IBM866", "CP866"},
	[WN__E_8859_2] = {"ISO-8859-2", "ISO-8859-2"},
	[WN__E_8859_3] = {"ISO-8859-3", "ISO-8859-3"},
	[WN__E_8859_4] = {"ISO-8859-4", "ISO-8859-4"},
	[WN__E_8859_5] = {"ISO-8859-5", "ISO-8859-5"},
	[WN__E_8859_6] = {"ISO-8859-6", "ISO-8859-6"},
	[WN__E_8859_7] = {"ISO-8859-7", "ISO-8859-7"},
	[WN__E_8859_8] = {"ISO-8859-8", "ISO-8859-8"},
	[WN__E_8859_8I] = {"ISO-8859-8-I", "ISO-8859-8"},
	[WN__E_8859_10] = {"ISO-8859-10", "ISO-8859-10"},
	[WN__E_8859_13] = {"ISO-8859-13", "ISO-8859-13"},
	[WN__E_8859_14] = {"ISO-8859-14", "ISO-8859-14"},
	[WN__E_8859_15] = {"ISO-8859-15", "ISO-8859-15"},
	[WN__E_8859_16] = {"ISO-8859-16", "ISO-8859-16"},
	[WN__E_KOI8R] = {"KOI8-R", "KOI8-R"},
	[WN__E_KOI8U] = {"KOI8-U", "KOI8-U"},
	[WN__E_MAC] = {"macintosh", "MACINTOSH"},
	[WN__E_874] = {"windows-874", "CP874"},
	[WN__E_1250] = {"windows-1250", "CP1250"},
	[WN__E_1251] = {"windows-1251", "CP1251"},
	[WN__E_1253] = {"windows-1253", "CP1253"},
	[WN__E_1254] = {"windows-1254", "CP1254"},
	[WN__E_1255] = {"windows-1255", "CP1255"},
	[WN__E_1256] = {"windows-1256", "CP1256"},
	[WN__E_1257] = {"windows-1257", "CP1257"},
	[WN__E_1258] = {"windows-1258", "CP1258"},
	[WN__E_MACCYR] = {"x-mac-cyrillic", "MAC-CYRILLIC"},
	[WN__E_GBK] = {"GBK", "GB18030"},
	[WN__E_GB18030] = {"gb18030", "GB18030"},
	[WN__E_BIG5] = {"Big5", "BIG5-HKSCS"},
	[WN__E_EUCJP] = {"EUC-JP", "EUC-JP"},
	[WN__E_ISO2022JP] = {"ISO-2022-JP", "ISO-2022-JP"},
	[WN__E_SJIS] = {"Shift_JIS", "CP932"},
	[WN__E_EUCKR] = {"EUC-KR", "CP949"},
};

/* Every label of the WHATWG Encoding Standard, sorted for bsearch.
 * The last entries are not WHATWG labels but names uchardet gives. */
static const struct label {
	const char *label;
	int enc;
} labels[] = {
	{"866", WN__E_IBM866},
	{"ansi_x3.4-1968", WN__E_1252},
	{"arabic", WN__E_8859_6},
	{"ascii", WN__E_1252},
	{"asmo-708", WN__E_8859_6},
	{"big5", WN__E_BIG5},
	{"big5-hkscs", WN__E_BIG5},
	{"chinese", WN__E_GBK},
	{"cn-big5", WN__E_BIG5},
	{"cp1250", WN__E_1250},
	{"cp1251", WN__E_1251},
	{"cp1252", WN__E_1252},
	{"cp1253", WN__E_1253},
	{"cp1254", WN__E_1254},
	{"cp1255", WN__E_1255},
	{"cp1256", WN__E_1256},
	{"cp1257", WN__E_1257},
	{"cp1258", WN__E_1258},
	{"cp819", WN__E_1252},
	{"cp866", WN__E_IBM866},
	{"csbig5", WN__E_BIG5},
	{"cseuckr", WN__E_EUCKR},
	{"cseucpkdfmtjapanese", WN__E_EUCJP},
	{"csgb2312", WN__E_GBK},
	{"csibm866", WN__E_IBM866},
	{"csiso2022jp", WN__E_ISO2022JP},
	{"csiso2022kr", WN__E_REPLACEMENT},
	{"csiso58gb231280", WN__E_GBK},
	{"csiso88596e", WN__E_8859_6},
	{"csiso88596i", WN__E_8859_6},
	{"csiso88598e", WN__E_8859_8},
	{"csiso88598i", WN__E_8859_8I},
	{"csisolatin1", WN__E_1252},
	{"csisolatin2", WN__E_8859_2},
	{"csisolatin3", WN__E_8859_3},
	{"csisolatin4", WN__E_8859_4},
	{"csisolatin5", WN__E_1254},
	{"csisolatin6", WN__E_8859_10},
	{"csisolatin9", WN__E_8859_15},
	{"csisolatinarabic", WN__E_8859_6},
	{"csisolatincyrillic", WN__E_8859_5},
	{"csisolatingreek", WN__E_8859_7},
	{"csisolatinhebrew", WN__E_8859_8},
	{"cskoi8r", WN__E_KOI8R},
	{"csksc56011987", WN__E_EUCKR},
	{"csmacintosh", WN__E_MAC},
	{"csshiftjis", WN__E_SJIS},
	{"csunicode", WN__E_UTF16LE},
	{"cyrillic", WN__E_8859_5},
	{"dos-874", WN__E_874},
	{"ecma-114", WN__E_8859_6},
	{"ecma-118", WN__E_8859_7},
	{"elot_928", WN__E_8859_7},
	{"euc-jp", WN__E_EUCJP},
	{"euc-kr", WN__E_EUCKR},
	{"gb18030", WN__E_GB18030},
	{"gb2312", WN__E_GBK},
	{"gb_2312", WN__E_GBK},
	{"gb_2312-80", WN__E_GBK},
	{"gbk", WN__E_GBK},
	{"greek", WN__E_8859_7},
	{"greek8", WN__E_8859_7},
	{"hebrew", WN__E_8859_8},
	{"hz-gb-2312", WN__E_REPLACEMENT},
	{"ibm819", WN__E_1252},
	{"ibm866", WN__E_IBM866},
	{"iso-10646-ucs-2", WN__E_UTF16LE},
	{"iso-2022-cn", WN__E_REPLACEMENT},
	{"iso-2022-cn-ext", WN__E_REPLACEMENT},
	{"iso-2022-jp", WN__E_ISO2022JP},
	{"iso-2022-kr", WN__E_REPLACEMENT},
	{"iso-8859-1", WN__E_1252},
	{"iso-8859-10", WN__E_8859_10},
	{"iso-8859-11", WN__E_874},
	{"iso-8859-13", WN__E_8859_13},
	{"iso-8859-14", WN__E_8859_14},
	{"iso-8859-15", WN__E_8859_15},
	{"iso-8859-16", WN__E_8859_16},
	{"iso-8859-2", WN__E_8859_2},
	{"iso-8859-3", WN__E_8859_3},
	{"iso-8859-4", WN__E_8859_4},
	{"iso-8859-5", WN__E_8859_5},
	{"iso-8859-6", WN__E_8859_6},
	{"iso-8859-6-e", WN__E_8859_6},
	{"iso-8859-6-i", WN__E_8859_6},
	{"iso-8859-7", WN__E_8859_7},
	{"iso-8859-8", WN__E_8859_8},
	{"iso-8859-8-e", WN__E_8859_8},
	{"iso-8859-8-i", WN__E_8859_8I},
	{"iso-8859-9", WN__E_1254},
	{"iso-ir-100", WN__E_1252},
	{"iso-ir-101", WN__E_8859_2},
	{"iso-ir-109", WN__E_8859_3},
	{"iso-ir-110", WN__E_8859_4},
	{"iso-ir-126", WN__E_8859_7},
	{"iso-ir-127", WN__E_8859_6},
	{"iso-ir-138", WN__E_8859_8},
	{"iso-ir-144", WN__E_8859_5},
	{"iso-ir-148", WN__E_1254},
	{"iso-ir-149", WN__E_EUCKR},
	{"iso-ir-157", WN__E_8859_10},
	{"iso-ir-58", WN__E_GBK},
	{"iso8859-1", WN__E_1252},
	{"iso8859-10", WN__E_8859_10},
	{"iso8859-11", WN__E_874},
	{"iso8859-13", WN__E_8859_13},
	{"iso8859-14", WN__E_8859_14},
	{"iso8859-15", WN__E_8859_15},
	{"iso8859-2", WN__E_8859_2},
	{"iso8859-3", WN__E_8859_3},
	{"iso8859-4", WN__E_8859_4},
	{"iso8859-5", WN__E_8859_5},
	{"iso8859-6", WN__E_8859_6},
	{"iso8859-7", WN__E_8859_7},
	{"iso8859-8", WN__E_8859_8},
	{"iso8859-9", WN__E_1254},
	{"iso88591", WN__E_1252},
	{"iso885910", WN__E_8859_10},
	{"iso885911", WN__E_874},
	{"iso885913", WN__E_8859_13},
	{"iso885914", WN__E_8859_14},
	{"iso885915", WN__E_8859_15},
	{"iso88592", WN__E_8859_2},
	{"iso88593", WN__E_8859_3},
	{"iso88594", WN__E_8859_4},
	{"iso88595", WN__E_8859_5},
	{"iso88596", WN__E_8859_6},
	{"iso88597", WN__E_8859_7},
	{"iso88598", WN__E_8859_8},
	{"iso88599", WN__E_1254},
	{"iso_8859-1", WN__E_1252},
	{"iso_8859-15", WN__E_8859_15},
	{"iso_8859-1:1987", WN__E_1252},
	{"iso_8859-2", WN__E_8859_2},
	{"iso_8859-2:1987", WN__E_8859_2},
	{"iso_8859-3", WN__E_8859_3},
	{"iso_8859-3:1988", WN__E_8859_3},
	{"iso_8859-4", WN__E_8859_4},
	{"iso_8859-4:1988", WN__E_8859_4},
	{"iso_8859-5", WN__E_8859_5},
	{"iso_8859-5:1988", WN__E_8859_5},
	{"iso_8859-6", WN__E_8859_6},
	{"iso_8859-6:1987", WN__E_8859_6},
	{"iso_8859-7", WN__E_8859_7},
	{"iso_8859-7:1987", WN__E_8859_7},
	{"iso_8859-8", WN__E_8859_8},
	{"iso_8859-8:1988", WN__E_8859_8},
	{"iso_8859-9", WN__E_1254},
	{"iso_8859-9:1989", WN__E_1254},
	{"koi", WN__E_KOI8R},
	{"koi8", WN__E_KOI8R},
	{"koi8-r", WN__E_KOI8R},
	{"koi8-ru", WN__E_KOI8U},
	{"koi8-u", WN__E_KOI8U},
	{"koi8_r", WN__E_KOI8R},
	{"korean", WN__E_EUCKR},
	{"ks_c_5601-1987", WN__E_EUCKR},
	{"ks_c_5601-1989", WN__E_EUCKR},
	{"ksc5601", WN__E_EUCKR},
	{"ksc_5601", WN__E_EUCKR},
	{"l1", WN__E_1252},
	{"l2", WN__E_8859_2},
	{"l3", WN__E_8859_3},
	{"l4", WN__E_8859_4},
	{"l5", WN__E_1254},
	{"l6", WN__E_8859_10},
	{"l9", WN__E_8859_15},
	{"latin1", WN__E_1252},
	{"latin2", WN__E_8859_2},
	{"latin3", WN__E_8859_3},
	{"latin4", WN__E_8859_4},
	{"latin5", WN__E_1254},
	{"latin6", WN__E_8859_10},
	{"logical", WN__E_8859_8I},
	{"mac", WN__E_MAC},
	{"macintosh", WN__E_MAC},
	{"ms932", WN__E_SJIS},
	{"ms_kanji", WN__E_SJIS},
	{"replacement", WN__E_REPLACEMENT},
	{"shift-jis", WN__E_SJIS},
	{"shift_jis", WN__E_SJIS},
	{"sjis", WN__E_SJIS},
	{"sun_eu_greek", WN__E_8859_7},
	{"tis-620", WN__E_874},
	{"ucs-2", WN__E_UTF16LE},
	{"unicode", WN__E_UTF16LE},
	{"unicode-1-1-utf-8", WN__E_UTF8},
	{"unicode11utf8", WN__E_UTF8},
	{"unicode20utf8", WN__E_UTF8},
	{"unicodefeff", WN__E_UTF16LE},
	{"unicodefffe", WN__E_UTF16BE},
	{"us-ascii", WN__E_1252},
	{"utf-16", WN__E_UTF16LE},
	{"utf-16be", WN__E_UTF16BE},
	{"utf-16le", WN__E_UTF16LE},
	{"utf-8", WN__E_UTF8},
	{"utf8", WN__E_UTF8},
	{"visual", WN__E_8859_8},
	{"windows-1250", WN__E_1250},
	{"windows-1251", WN__E_1251},
	{"windows-1252", WN__E_1252},
	{"windows-1253", WN__E_1253},
	{"windows-1254", WN__E_1254},
	{"windows-1255", WN__E_1255},
	{"windows-1256", WN__E_1256},
	{"windows-1257", WN__E_1257},
	{"windows-1258", WN__E_1258},
	{"windows-31j", WN__E_SJIS},
	{"windows-874", WN__E_874},
	{"windows-949", WN__E_EUCKR},
	{"x-cp1250", WN__E_1250},
	{"x-cp1251", WN__E_1251},
	{"x-cp1252", WN__E_1252},
	{"x-cp1253", WN__E_1253},
	{"x-cp1254", WN__E_1254},
	{"x-cp1255", WN__E_1255},
	{"x-cp1256", WN__E_1256},
	{"x-cp1257", WN__E_1257},
	{"x-cp1258", WN__E_1258},
	{"x-euc-jp", WN__E_EUCJP},
	{"x-gbk", WN__E_GBK},
	{"x-mac-cyrillic", WN__E_MACCYR},
	{"x-mac-roman", WN__E_MAC},
	{"x-mac-ukrainian", WN__E_MACCYR},
	{"x-sjis", WN__E_SJIS},
	{"x-unicode20utf8", WN__E_UTF8},
	{"x-user-defined", WN__E_USERDEF},
	{"x-x-big5", WN__E_BIG5},
};

static int label_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct label *)elem)->label);
}


/* WHATWG "get an encoding": ASCII whitespace trimmed, ASCII case-folded. */
int wn__charset_get(const char *s, size_t n)
{
	char key[32];
	while (n && wn__is_html_space((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && wn__is_html_space((unsigned char)s[n - 1]))
		n--;
	if (n == 0 || n >= sizeof key)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		key[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	key[n] = 0;
	const struct label *l = bsearch(
		key, labels, sizeof labels / sizeof *labels, sizeof *labels, label_cmp);
	return l ? l->enc : -1;
}

/* ---- the charset parameter (HTML spec "extract a character encoding
 * from a meta element", which also serves Content-Type values) ---- */


static int charset_param(const char *s, size_t n)
{
	size_t i = 0;
	for (;;) {
		while (i + 7 <= n && !wn__ascii_ieq(s + i, "charset", 7))
			i++;
		if (i + 7 > n)
			return -1;
		i += 7;
		while (i < n && wn__is_html_space((unsigned char)s[i]))
			i++;
		if (i < n && s[i] == '=')
			break;
	}
	i++;
	while (i < n && wn__is_html_space((unsigned char)s[i]))
		i++;
	if (i >= n)
		return -1;
	if (s[i] == '"' || s[i] == '\'') {
		const char *end = memchr(s + i + 1, s[i], n - i - 1);
		if (!end)
			return -1;
		return wn__charset_get(s + i + 1, (size_t)(end - (s + i + 1)));
	}
	size_t j = i;
	while (j < n && !wn__is_html_space((unsigned char)s[j]) && s[j] != ';')
		j++;
	return wn__charset_get(s + i, j - i);
}

/* ---- the <meta> prescan: HTML spec, "prescan a byte stream to
 * determine its encoding" ---- */

typedef struct pattr {
	size_t name, name_len, value, value_len; /* offsets into the bytes */
	char lname[16];                          /* the name, lowercased */
} pattr;

/* "Get an attribute": 0 when there is none (at '>' or the end). */
static int prescan_attr(const unsigned char *s, size_t n, size_t *pos, pattr *a)
{
	size_t i = *pos;
	while (i < n && (wn__is_html_space(s[i]) || s[i] == '/'))
		i++;
	if (i >= n || s[i] == '>') {
		*pos = i;
		return 0;
	}
	memset(a, 0, sizeof *a);
	a->name = i;
	size_t ln = 0;
	for (;; i++) {
		if (i >= n) {
			*pos = i;
			return 0;
		}
		unsigned char c = s[i];
		if (c == '=' && i > a->name)
			break;
		if (wn__is_html_space(c) || c == '/' || c == '>') {
			a->name_len = i - a->name;
			while (i < n && wn__is_html_space(s[i]))
				i++;
			if (i >= n || s[i] != '=') {
				*pos = i;
				a->value = i;
				return 1;
			}
			break;
		}
		if (ln < sizeof a->lname - 1)
			a->lname[ln++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	if (!a->name_len)
		a->name_len = i - a->name;
	i++; /* '=' */
	while (i < n && wn__is_html_space(s[i]))
		i++;
	if (i >= n) {
		*pos = i;
		return 0;
	}
	if (s[i] == '"' || s[i] == '\'') {
		unsigned char q = s[i++];
		a->value = i;
		while (i < n && s[i] != q)
			i++;
		if (i >= n) {
			*pos = i;
			return 0;
		}
		a->value_len = i - a->value;
		*pos = i + 1;
		return 1;
	}
	a->value = i;
	while (i < n && !wn__is_html_space(s[i]) && s[i] != '>')
		i++;
	a->value_len = i - a->value;
	*pos = i;
	return 1;
}

/* Returns a WN__E_* value and sets *from to the declaring tag, or -1
 * when nothing is declared. */
static int prescan(const unsigned char *s, size_t n, int late, const char **from)
{
	static const char *const hows[2][2] = {
		{"<meta charset>", "<meta http-equiv>"},
		{"<meta charset> after the first 1024 bytes",
	         "<meta http-equiv> after the first 1024 bytes"},
	};
	size_t i = 0;
	pattr a;
	while (i < n) {
		if (s[i] != '<') {
			i++;
			continue;
		}
		if (n - i >= 4 && !memcmp(s + i, "<!--", 4)) {
			/* the "--" of "<!--" may be the one of "-->" */
			const unsigned char *p = s + i + 2;
			size_t left = n - (i + 2);
			const unsigned char *e = NULL;
			while (left >= 3 && (e = memchr(p, '-', left - 2))) {
				if (e[1] == '-' && e[2] == '>')
					break;
				left -= (size_t)(e - p) + 1;
				p = e + 1;
				e = NULL;
			}
			if (!e)
				return -1;
			i = (size_t)(e - s) + 3;
			continue;
		}
		if (n - i >= 6 && wn__ascii_ieq((const char *)s + i + 1, "meta", 4) &&
		    (wn__is_html_space(s[i + 5]) || s[i + 5] == '/')) {
			i += 6;
			int got_pragma = 0, need_pragma = -1, charset = -1;
			int seen_he = 0, seen_content = 0, seen_charset = 0;
			while (prescan_attr(s, n, &i, &a)) {
				const char *v = (const char *)s + a.value;
				if (!strcmp(a.lname, "http-equiv") && a.name_len == 10) {
					if (seen_he++)
						continue;
					if (a.value_len == 12 && wn__ascii_ieq(v, "content-type", 12))
						got_pragma = 1;
				} else if (!strcmp(a.lname, "content") && a.name_len == 7) {
					if (seen_content++)
						continue;
					if (charset < 0) {
						int e = charset_param(v, a.value_len);
						if (e >= 0) {
							charset = e;
							need_pragma = 1;
						}
					}
				} else if (!strcmp(a.lname, "charset") && a.name_len == 7) {
					if (seen_charset++)
						continue;
					charset = wn__charset_get(v, a.value_len);
					need_pragma = 0;
				}
			}
			if (need_pragma < 0 || (need_pragma == 1 && !got_pragma) || charset < 0)
				continue;
			*from = hows[late][need_pragma];
			/* A page read as ASCII-compatible bytes cannot be UTF-16. */
			if (charset == WN__E_UTF16LE || charset == WN__E_UTF16BE)
				return WN__E_UTF8;
			if (charset == WN__E_USERDEF)
				return WN__E_1252;
			return charset;
		}
		int letter = i + 1 < n && (((s[i + 1] | 32) >= 'a' && (s[i + 1] | 32) <= 'z'));
		int end_letter = i + 2 < n && s[i + 1] == '/' &&
		                 ((s[i + 2] | 32) >= 'a' && (s[i + 2] | 32) <= 'z');
		if (letter || end_letter) {
			i++;
			while (i < n && !wn__is_html_space(s[i]) && s[i] != '>')
				i++;
			while (prescan_attr(s, n, &i, &a))
				;
			continue;
		}
		if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '/' || s[i + 1] == '?')) {
			const unsigned char *e = memchr(s + i, '>', n - i);
			if (!e)
				return -1;
			i = (size_t)(e - s) + 1;
			continue;
		}
		i++;
	}
	return -1;
}

const char *wn__charset_name(int enc)
{
	return encodings[enc].name;
}

const char *wn__charset_iconv(int enc)
{
	return encodings[enc].iconv;
}

/* ---- detection without a declaration ---- */

static int has_high(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] >= 0x80)
			return 1;
	return 0;
}

/* UTF-8 with a few damaged bytes is not another charset: in legacy
 * single- and double-byte text valid multi-byte UTF-8 sequences are rare. */
static int mostly_utf8(const unsigned char *s, size_t len)
{
	size_t good = 0, bad = 0;
	for (size_t i = 0; i < len;) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = wn__utf8_valid_len(s + i, len - i);
		if (k) {
			good++;
			i += k;
		} else {
			bad++;
			i++;
		}
	}
	return good >= 4 && good >= 8 * bad;
}

/* Whether the code units of s[0..n) (big-endian when be) start like
 * markup: white space, then '<'. */
static int utf16_starts_markup(const unsigned char *s, size_t n, int be)
{
	for (size_t i = 0; i + 1 < n; i += 2) {
		unsigned hi = s[i + !be], lo = s[i + be];
		if (hi || !wn__is_html_space((unsigned char)lo))
			return !hi && lo == '<';
	}
	return 0;
}

/* Whether nearly every code unit of s[0..n) (big-endian when be) is an
 * ASCII character of text (a printable one or white space), the first
 * one too: a fragment of plain text, in UTF-16. */
static int utf16_reads_as_text(const unsigned char *s, size_t n, int be)
{
	size_t text = 0;
	for (size_t i = 0; i + 1 < n; i += 2) {
		unsigned hi = s[i + !be], lo = s[i + be];
		int ok = !hi && (lo >= 0x20 || lo == '\t' || lo == '\n' || lo == '\r') && lo != 0x7F;
		if (!i && !ok)
			return 0;
		text += ok;
	}
	return text >= WN__UTF16_TEXT_SHARE * (double)(n / 2);
}

/* UTF-16 without a byte order mark: HTML is mostly ASCII, so one byte of
 * nearly every pair is zero.  Looks at the first 4 KB, which must start
 * like markup in that byte order ("<\0" or "\0<" after white space), or
 * be nearly all ASCII text in that order from its first unit: an ASCII
 * page holding a UTF-16 string in a script has as many NULs, but it
 * starts with an ASCII "<!" or "<h", which is no such unit. */
int wn__charset_utf16(const unsigned char *s, size_t len)
{
	size_t n = len < 4096 ? len : 4096;
	n &= ~(size_t)1;
	if (n < 8)
		return -1;
	size_t even = 0, odd = 0;
	for (size_t i = 0; i < n; i += 2) {
		even += s[i] == 0;
		odd += s[i + 1] == 0;
	}
	size_t pairs = n / 2;
	if (odd * 10 >= pairs * 4 && even * 20 < pairs &&
	    (utf16_starts_markup(s, n, 0) || utf16_reads_as_text(s, n, 0)))
		return WN__E_UTF16LE;
	if (even * 10 >= pairs * 4 && odd * 20 < pairs &&
	    (utf16_starts_markup(s, n, 1) || utf16_reads_as_text(s, n, 1)))
		return WN__E_UTF16BE;
	return -1;
}

/* uchardet's guess from the text between tags that holds non-ASCII bytes
 * (markup only dilutes its statistics), at most 1 MB of it. */
static int guess(const unsigned char *s, size_t len)
{
	enum { MAX_FEED = 1 << 20 };
	uchardet_t ud = uchardet_new();
	if (!ud)
		return -1;
	size_t fed = 0, i = 0;
	while (i < len && fed < MAX_FEED) {
		if (s[i] == '<') {
			const unsigned char *e = memchr(s + i, '>', len - i);
			i = e ? (size_t)(e - s) + 1 : len;
			continue;
		}
		size_t j = i, high = 0;
		while (j < len && s[j] != '<') {
			high |= s[j] & 0x80;
			j++;
		}
		if (high) {
			size_t k = j - i;
			if (k > MAX_FEED - fed)
				k = MAX_FEED - fed;
			uchardet_handle_data(ud, (const char *)s + i, k);
			uchardet_handle_data(ud, "\n", 1);
			fed += k + 1;
		}
		i = j;
	}
	uchardet_data_end(ud);
	const char *name = uchardet_get_charset(ud);
	int enc = name ? wn__charset_get(name, strlen(name)) : -1;
	/* uchardet names outside WHATWG's labels */
	if (enc < 0 && name) {
		if (!strcmp(name, "MAC-CYRILLIC"))
			enc = WN__E_MACCYR;
		else if (!strcmp(name, "EUC-TW") || !strcmp(name, "UHC"))
			enc = !strcmp(name, "UHC") ? WN__E_EUCKR : WN__E_BIG5;
	}
	uchardet_delete(ud);
	if (enc == WN__E_REPLACEMENT)
		return -1; /* a 7-bit encoding cannot explain non-ASCII bytes */
	return enc;
}

/* ---- the choice ---- */

wn__charset wn__charset_detect(wn__doc *d, const char *in, size_t len)
{
	const unsigned char *s = (const unsigned char *)in;
	const char *how = NULL, *from = NULL;
	size_t bom = 0;
	int enc = -1;

	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		enc = WN__E_UTF8;
		bom = 3;
	} else if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		enc = WN__E_UTF16LE;
		bom = 2;
	} else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		enc = WN__E_UTF16BE;
		bom = 2;
	}
	s += bom;
	len -= bom;
	if (enc >= 0)
		from = "the byte order mark";

	if (enc < 0 && d->opt->encoding) {
		enc = wn__charset_get(d->opt->encoding, strlen(d->opt->encoding));
		if (enc >= 0)
			from = "the encoding option";
		else {
			char shown[48]; /* the caller's bytes, made printable ASCII */
			size_t k = 0;
			for (const char *e = d->opt->encoding; *e && k < sizeof shown - 1; e++)
				shown[k++] = *e >= 0x20 && *e < 0x7F ? *e : '?';
			shown[k] = 0;
			wn__note(&d->notes, "charset: unknown encoding '%s' ignored", shown);
		}
	}
	/* Before any declaration: a declaration inside UTF-16 cannot be read
	 * by the ASCII-compatible prescan, and NUL patterns do not lie. */
	if (enc < 0 && (enc = wn__charset_utf16(s, len)) >= 0)
		from = "NUL bytes: UTF-16 without byte order mark";
	int declared = enc < 0;
	if (enc < 0 && d->opt->content_type) {
		const char *ct = d->opt->content_type;
		enc = charset_param(ct, strlen(ct));
		if (enc >= 0)
			from = "Content-Type";
	}
	if (enc < 0)
		enc = prescan(s, len < 1024 ? len : 1024, 0, &from);
	/* Past the first 1024 bytes a <meta> is still honoured, as browsers
	 * do when the parser meets it ("change the encoding"). */
	if (enc < 0 && len > 1024)
		enc = prescan(s, len < 65536 ? len : 65536, 1, &from);
	/* Unlike a browser, trust valid UTF-8 over a declared legacy charset:
	 * scraped pages are often stored as UTF-8 with their old <meta> kept,
	 * and legacy text that happens to be valid multi-byte UTF-8 all
	 * through does not occur. */
	if (declared && enc >= 0 && enc != WN__E_UTF8 && enc != WN__E_UTF16LE &&
	    enc != WN__E_UTF16BE && has_high(s, len) && wn__utf8_valid_prefix(s, len, 1) == len) {
		wn__note(&d->notes, "charset: %s declared (%s), but the bytes are UTF-8",
		         encodings[enc].name, from);
		enc = WN__E_UTF8;
		from = NULL;
		how = "valid UTF-8, not the declared charset";
	}
	if (enc < 0 && wn__utf8_valid_prefix(s, len, 1) == len) {
		enc = WN__E_UTF8;
		how = "valid UTF-8";
	}
	if (enc < 0 && mostly_utf8(s, len)) {
		enc = WN__E_UTF8;
		how = "mostly valid UTF-8";
	}
	if (enc < 0 && (enc = guess(s, len)) >= 0)
		how = "guessed by uchardet";
	if (enc < 0) {
		enc = WN__E_1252;
		how = "nothing declared or recognised: the default";
	}
	return (wn__charset){enc, bom, from, from ? NULL : how};
}

int wn_encoding_known(const char *label)
{
	return label && wn__charset_get(label, strlen(label)) >= 0;
}
