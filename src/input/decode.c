/*
 * input.c -- the input decoding stage: whatever bytes come in, what leaves
 * is valid UTF-8 without NUL bytes, ready for gumbo.
 *
 * The charset is chosen as the WHATWG Encoding Standard and the HTML spec's
 * "determining the character encoding" do: byte order mark, then the
 * caller's encoding (which overrides the rest), then the Content-Type
 * charset, then the <meta> prescan; with nothing declared, valid UTF-8
 * stays UTF-8, else uchardet guesses, else windows-1252.  Labels are
 * WHATWG's; conversion is iconv with one descriptor per document.  Invalid
 * sequences become U+FFFD, NULs are dropped.  Two departures, for scraped
 * pages: UTF-16 without a byte order mark is recognised by its NUL bytes,
 * and bytes that are valid UTF-8 all through are read as UTF-8 whatever
 * legacy charset a <meta> or Content-Type declares.
 *
 * Last, guard.c protects gumbo from inputs that make it quadratic or huge.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include <uchardet.h>

#include "base/utf8.h"
#include "input/input.h"

/* ---- WHATWG labels ---- */

/* Encoding names as WHATWG has them, and what iconv calls them.  Where
 * WHATWG's decoder is a superset of the label's namesake (gb2312 -> gb18030,
 * shift_jis -> Microsoft's CP932, euc-kr -> CP949, big5 -> Big5-HKSCS) iconv
 * gets the superset, as browsers decode. */
enum {
	E_UTF8, E_UTF16LE, E_UTF16BE, E_1252, E_USERDEF, E_REPLACEMENT,
	E_IBM866, E_8859_2, E_8859_3, E_8859_4, E_8859_5, E_8859_6, E_8859_7,
	E_8859_8, E_8859_8I, E_8859_10, E_8859_13, E_8859_14, E_8859_15,
	E_8859_16, E_KOI8R, E_KOI8U, E_MAC, E_874, E_1250, E_1251, E_1253,
	E_1254, E_1255, E_1256, E_1257, E_1258, E_MACCYR, E_GBK, E_GB18030,
	E_BIG5, E_EUCJP, E_ISO2022JP, E_SJIS, E_EUCKR, E_COUNT
};

static const struct {
	const char *name, *iconv;
} encodings[E_COUNT] = {
	[E_UTF8] = {"UTF-8", "UTF-8"},
	[E_UTF16LE] = {"UTF-16LE", "UTF-16LE"},
	[E_UTF16BE] = {"UTF-16BE", "UTF-16BE"},
	[E_1252] = {"windows-1252", NULL},
	[E_USERDEF] = {"x-user-defined", NULL},
	[E_REPLACEMENT] = {"replacement", NULL},
	[E_IBM866] = {"IBM866", "CP866"},
	[E_8859_2] = {"ISO-8859-2", "ISO-8859-2"},
	[E_8859_3] = {"ISO-8859-3", "ISO-8859-3"},
	[E_8859_4] = {"ISO-8859-4", "ISO-8859-4"},
	[E_8859_5] = {"ISO-8859-5", "ISO-8859-5"},
	[E_8859_6] = {"ISO-8859-6", "ISO-8859-6"},
	[E_8859_7] = {"ISO-8859-7", "ISO-8859-7"},
	[E_8859_8] = {"ISO-8859-8", "ISO-8859-8"},
	[E_8859_8I] = {"ISO-8859-8-I", "ISO-8859-8"},
	[E_8859_10] = {"ISO-8859-10", "ISO-8859-10"},
	[E_8859_13] = {"ISO-8859-13", "ISO-8859-13"},
	[E_8859_14] = {"ISO-8859-14", "ISO-8859-14"},
	[E_8859_15] = {"ISO-8859-15", "ISO-8859-15"},
	[E_8859_16] = {"ISO-8859-16", "ISO-8859-16"},
	[E_KOI8R] = {"KOI8-R", "KOI8-R"},
	[E_KOI8U] = {"KOI8-U", "KOI8-U"},
	[E_MAC] = {"macintosh", "MACINTOSH"},
	[E_874] = {"windows-874", "CP874"},
	[E_1250] = {"windows-1250", "CP1250"},
	[E_1251] = {"windows-1251", "CP1251"},
	[E_1253] = {"windows-1253", "CP1253"},
	[E_1254] = {"windows-1254", "CP1254"},
	[E_1255] = {"windows-1255", "CP1255"},
	[E_1256] = {"windows-1256", "CP1256"},
	[E_1257] = {"windows-1257", "CP1257"},
	[E_1258] = {"windows-1258", "CP1258"},
	[E_MACCYR] = {"x-mac-cyrillic", "MAC-CYRILLIC"},
	[E_GBK] = {"GBK", "GB18030"},
	[E_GB18030] = {"gb18030", "GB18030"},
	[E_BIG5] = {"Big5", "BIG5-HKSCS"},
	[E_EUCJP] = {"EUC-JP", "EUC-JP"},
	[E_ISO2022JP] = {"ISO-2022-JP", "ISO-2022-JP"},
	[E_SJIS] = {"Shift_JIS", "CP932"},
	[E_EUCKR] = {"EUC-KR", "CP949"},
};

/* Every label of the WHATWG Encoding Standard, sorted for bsearch.
 * The last entries are not WHATWG labels but names uchardet gives. */
static const struct label {
	const char *label;
	int enc;
} labels[] = {
	{"866", E_IBM866},
	{"ansi_x3.4-1968", E_1252},
	{"arabic", E_8859_6},
	{"ascii", E_1252},
	{"asmo-708", E_8859_6},
	{"big5", E_BIG5},
	{"big5-hkscs", E_BIG5},
	{"chinese", E_GBK},
	{"cn-big5", E_BIG5},
	{"cp1250", E_1250},
	{"cp1251", E_1251},
	{"cp1252", E_1252},
	{"cp1253", E_1253},
	{"cp1254", E_1254},
	{"cp1255", E_1255},
	{"cp1256", E_1256},
	{"cp1257", E_1257},
	{"cp1258", E_1258},
	{"cp819", E_1252},
	{"cp866", E_IBM866},
	{"csbig5", E_BIG5},
	{"cseuckr", E_EUCKR},
	{"cseucpkdfmtjapanese", E_EUCJP},
	{"csgb2312", E_GBK},
	{"csibm866", E_IBM866},
	{"csiso2022jp", E_ISO2022JP},
	{"csiso2022kr", E_REPLACEMENT},
	{"csiso58gb231280", E_GBK},
	{"csiso88596e", E_8859_6},
	{"csiso88596i", E_8859_6},
	{"csiso88598e", E_8859_8},
	{"csiso88598i", E_8859_8I},
	{"csisolatin1", E_1252},
	{"csisolatin2", E_8859_2},
	{"csisolatin3", E_8859_3},
	{"csisolatin4", E_8859_4},
	{"csisolatin5", E_1254},
	{"csisolatin6", E_8859_10},
	{"csisolatin9", E_8859_15},
	{"csisolatinarabic", E_8859_6},
	{"csisolatincyrillic", E_8859_5},
	{"csisolatingreek", E_8859_7},
	{"csisolatinhebrew", E_8859_8},
	{"cskoi8r", E_KOI8R},
	{"csksc56011987", E_EUCKR},
	{"csmacintosh", E_MAC},
	{"csshiftjis", E_SJIS},
	{"csunicode", E_UTF16LE},
	{"cyrillic", E_8859_5},
	{"dos-874", E_874},
	{"ecma-114", E_8859_6},
	{"ecma-118", E_8859_7},
	{"elot_928", E_8859_7},
	{"euc-jp", E_EUCJP},
	{"euc-kr", E_EUCKR},
	{"gb18030", E_GB18030},
	{"gb2312", E_GBK},
	{"gb_2312", E_GBK},
	{"gb_2312-80", E_GBK},
	{"gbk", E_GBK},
	{"greek", E_8859_7},
	{"greek8", E_8859_7},
	{"hebrew", E_8859_8},
	{"hz-gb-2312", E_REPLACEMENT},
	{"ibm819", E_1252},
	{"ibm866", E_IBM866},
	{"iso-10646-ucs-2", E_UTF16LE},
	{"iso-2022-cn", E_REPLACEMENT},
	{"iso-2022-cn-ext", E_REPLACEMENT},
	{"iso-2022-jp", E_ISO2022JP},
	{"iso-2022-kr", E_REPLACEMENT},
	{"iso-8859-1", E_1252},
	{"iso-8859-10", E_8859_10},
	{"iso-8859-11", E_874},
	{"iso-8859-13", E_8859_13},
	{"iso-8859-14", E_8859_14},
	{"iso-8859-15", E_8859_15},
	{"iso-8859-16", E_8859_16},
	{"iso-8859-2", E_8859_2},
	{"iso-8859-3", E_8859_3},
	{"iso-8859-4", E_8859_4},
	{"iso-8859-5", E_8859_5},
	{"iso-8859-6", E_8859_6},
	{"iso-8859-6-e", E_8859_6},
	{"iso-8859-6-i", E_8859_6},
	{"iso-8859-7", E_8859_7},
	{"iso-8859-8", E_8859_8},
	{"iso-8859-8-e", E_8859_8},
	{"iso-8859-8-i", E_8859_8I},
	{"iso-8859-9", E_1254},
	{"iso-ir-100", E_1252},
	{"iso-ir-101", E_8859_2},
	{"iso-ir-109", E_8859_3},
	{"iso-ir-110", E_8859_4},
	{"iso-ir-126", E_8859_7},
	{"iso-ir-127", E_8859_6},
	{"iso-ir-138", E_8859_8},
	{"iso-ir-144", E_8859_5},
	{"iso-ir-148", E_1254},
	{"iso-ir-149", E_EUCKR},
	{"iso-ir-157", E_8859_10},
	{"iso-ir-58", E_GBK},
	{"iso8859-1", E_1252},
	{"iso8859-10", E_8859_10},
	{"iso8859-11", E_874},
	{"iso8859-13", E_8859_13},
	{"iso8859-14", E_8859_14},
	{"iso8859-15", E_8859_15},
	{"iso8859-2", E_8859_2},
	{"iso8859-3", E_8859_3},
	{"iso8859-4", E_8859_4},
	{"iso8859-5", E_8859_5},
	{"iso8859-6", E_8859_6},
	{"iso8859-7", E_8859_7},
	{"iso8859-8", E_8859_8},
	{"iso8859-9", E_1254},
	{"iso88591", E_1252},
	{"iso885910", E_8859_10},
	{"iso885911", E_874},
	{"iso885913", E_8859_13},
	{"iso885914", E_8859_14},
	{"iso885915", E_8859_15},
	{"iso88592", E_8859_2},
	{"iso88593", E_8859_3},
	{"iso88594", E_8859_4},
	{"iso88595", E_8859_5},
	{"iso88596", E_8859_6},
	{"iso88597", E_8859_7},
	{"iso88598", E_8859_8},
	{"iso88599", E_1254},
	{"iso_8859-1", E_1252},
	{"iso_8859-15", E_8859_15},
	{"iso_8859-1:1987", E_1252},
	{"iso_8859-2", E_8859_2},
	{"iso_8859-2:1987", E_8859_2},
	{"iso_8859-3", E_8859_3},
	{"iso_8859-3:1988", E_8859_3},
	{"iso_8859-4", E_8859_4},
	{"iso_8859-4:1988", E_8859_4},
	{"iso_8859-5", E_8859_5},
	{"iso_8859-5:1988", E_8859_5},
	{"iso_8859-6", E_8859_6},
	{"iso_8859-6:1987", E_8859_6},
	{"iso_8859-7", E_8859_7},
	{"iso_8859-7:1987", E_8859_7},
	{"iso_8859-8", E_8859_8},
	{"iso_8859-8:1988", E_8859_8},
	{"iso_8859-9", E_1254},
	{"iso_8859-9:1989", E_1254},
	{"koi", E_KOI8R},
	{"koi8", E_KOI8R},
	{"koi8-r", E_KOI8R},
	{"koi8-ru", E_KOI8U},
	{"koi8-u", E_KOI8U},
	{"koi8_r", E_KOI8R},
	{"korean", E_EUCKR},
	{"ks_c_5601-1987", E_EUCKR},
	{"ks_c_5601-1989", E_EUCKR},
	{"ksc5601", E_EUCKR},
	{"ksc_5601", E_EUCKR},
	{"l1", E_1252},
	{"l2", E_8859_2},
	{"l3", E_8859_3},
	{"l4", E_8859_4},
	{"l5", E_1254},
	{"l6", E_8859_10},
	{"l9", E_8859_15},
	{"latin1", E_1252},
	{"latin2", E_8859_2},
	{"latin3", E_8859_3},
	{"latin4", E_8859_4},
	{"latin5", E_1254},
	{"latin6", E_8859_10},
	{"logical", E_8859_8I},
	{"mac", E_MAC},
	{"macintosh", E_MAC},
	{"ms932", E_SJIS},
	{"ms_kanji", E_SJIS},
	{"replacement", E_REPLACEMENT},
	{"shift-jis", E_SJIS},
	{"shift_jis", E_SJIS},
	{"sjis", E_SJIS},
	{"sun_eu_greek", E_8859_7},
	{"tis-620", E_874},
	{"ucs-2", E_UTF16LE},
	{"unicode", E_UTF16LE},
	{"unicode-1-1-utf-8", E_UTF8},
	{"unicode11utf8", E_UTF8},
	{"unicode20utf8", E_UTF8},
	{"unicodefeff", E_UTF16LE},
	{"unicodefffe", E_UTF16BE},
	{"us-ascii", E_1252},
	{"utf-16", E_UTF16LE},
	{"utf-16be", E_UTF16BE},
	{"utf-16le", E_UTF16LE},
	{"utf-8", E_UTF8},
	{"utf8", E_UTF8},
	{"visual", E_8859_8},
	{"windows-1250", E_1250},
	{"windows-1251", E_1251},
	{"windows-1252", E_1252},
	{"windows-1253", E_1253},
	{"windows-1254", E_1254},
	{"windows-1255", E_1255},
	{"windows-1256", E_1256},
	{"windows-1257", E_1257},
	{"windows-1258", E_1258},
	{"windows-31j", E_SJIS},
	{"windows-874", E_874},
	{"windows-949", E_EUCKR},
	{"x-cp1250", E_1250},
	{"x-cp1251", E_1251},
	{"x-cp1252", E_1252},
	{"x-cp1253", E_1253},
	{"x-cp1254", E_1254},
	{"x-cp1255", E_1255},
	{"x-cp1256", E_1256},
	{"x-cp1257", E_1257},
	{"x-cp1258", E_1258},
	{"x-euc-jp", E_EUCJP},
	{"x-gbk", E_GBK},
	{"x-mac-cyrillic", E_MACCYR},
	{"x-mac-roman", E_MAC},
	{"x-mac-ukrainian", E_MACCYR},
	{"x-sjis", E_SJIS},
	{"x-unicode20utf8", E_UTF8},
	{"x-user-defined", E_USERDEF},
	{"x-x-big5", E_BIG5},
};

static int label_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct label *)elem)->label);
}


/* WHATWG "get an encoding": ASCII whitespace trimmed, ASCII case-folded.
 * Returns an E_* value or -1. */
static int get_encoding(const char *s, size_t n)
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
	const struct label *l = bsearch(key, labels, sizeof labels / sizeof *labels,
	                                sizeof *labels, label_cmp);
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
		return get_encoding(s + i + 1, (size_t)(end - (s + i + 1)));
	}
	size_t j = i;
	while (j < n && !wn__is_html_space((unsigned char)s[j]) && s[j] != ';')
		j++;
	return get_encoding(s + i, j - i);
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

/* Returns an E_* value and sets *how, or -1 when nothing is declared. */
static int prescan(const unsigned char *s, size_t n, int late, const char **how)
{
	static const char *const hows[2][2] = {
		{"from <meta charset>", "from <meta http-equiv>"},
		{"from <meta charset> after the first 1024 bytes",
		 "from <meta http-equiv> after the first 1024 bytes"},
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
					charset = get_encoding(v, a.value_len);
					need_pragma = 0;
				}
			}
			if (need_pragma < 0 || (need_pragma == 1 && !got_pragma) ||
			    charset < 0)
				continue;
			*how = hows[late][need_pragma];
			/* A page read as ASCII-compatible bytes cannot be UTF-16. */
			if (charset == E_UTF16LE || charset == E_UTF16BE)
				return E_UTF8;
			if (charset == E_USERDEF)
				return E_1252;
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

/* ---- UTF-8 ---- */

/* Length of the valid UTF-8 sequence at s, or 0 if it is not one.
 * Follows the well-formed byte sequences table of Unicode 15, ch. 3. */
static size_t utf8_valid_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80)
		return c ? 1 : 0;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	size_t need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (n < need)
		return 0;
	unsigned lo = 0x80, hi = 0xBF;
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < need; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return need;
}

/* Length of the prefix of s that is valid UTF-8, without NULs unless
 * nul_ok (for detection, where NULs say nothing about the charset). */
static size_t utf8_prefix(const unsigned char *s, size_t len, int nul_ok)
{
	size_t i = 0;
	while (i < len) {
		if (s[i] < 0x80 && (s[i] || nul_ok)) {
			i++;
			continue;
		}
		size_t k = utf8_valid_len(s + i, len - i);
		if (!k)
			break;
		i += k;
	}
	return i;
}

/* Makes in[0..len) valid UTF-8 without NULs: as it is when it already is,
 * else a copy in the arena with U+FFFD for each maximal invalid subpart
 * (WHATWG's UTF-8 decoder). */
static void utf8_sanitize(wn__doc *d, const char *in, size_t len,
                          const char **out_p, size_t *out_len)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = utf8_prefix(s, len, 0);
	if (i == len) {
		*out_p = in;
		*out_len = len;
		return;
	}
	/* Worst case every byte becomes the 3-byte U+FFFD. */
	if (len > (SIZE_MAX - 1) / 3)
		wn__oom();
	char *out = wn__arena_alloc(&d->arena, len * 3 + 1);
	size_t o = i, bad = 0, nul = 0;
	memcpy(out, in, o);
	while (i < len) {
		size_t k = utf8_valid_len(s + i, len - i);
		if (k) {
			memcpy(out + o, s + i, k);
			o += k;
			i += k;
		} else if (s[i] == 0) {
			nul++;
			i++;
		} else {
			/* One U+FFFD per maximal subpart: a lead byte with the
			 * continuation bytes that fit it so far. */
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			bad++;
			unsigned c = s[i++];
			size_t need = c >= 0xC2 && c <= 0xDF ? 1
			              : c >= 0xE0 && c <= 0xEF ? 2
			              : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
			unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
			unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
			for (size_t t = 0; t < need && i < len; t++) {
				if (s[i] < (t ? 0x80 : lo) || s[i] > (t ? 0xBF : hi))
					break;
				i++;
			}
		}
	}
	out[o] = 0;
	*out_p = out;
	*out_len = o;
	if (bad)
		wn__note(&d->notes, "input: %zu invalid UTF-8 sequence%s replaced by U+FFFD",
		         bad, bad == 1 ? "" : "s");
	if (nul)
		wn__note(&d->notes, "input: %zu NUL byte%s dropped", nul, nul == 1 ? "" : "s");
}

/* ---- decoders ---- */

static size_t put_cp(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	o[0] = (char)(0xE0 | cp >> 12);
	o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
	o[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* WHATWG index-windows-1252 for 0x80..0x9F; the rest is Latin-1.  Done
 * here rather than by iconv, whose CP1252 refuses the five unassigned
 * bytes that WHATWG maps to C1 controls. */
static const uint16_t cp1252_hi[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static char *decode_single(wn__doc *d, const unsigned char *s, size_t len,
                           int enc, size_t *out_len)
{
	if (len > (SIZE_MAX - 1) / 3)
		wn__oom();
	char *out = wn__arena_alloc(&d->arena, len * 3 + 1);
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned c = s[i];
		uint32_t cp = c;
		if (c >= 0x80) {
			if (enc == E_USERDEF)
				cp = 0xF780 + c - 0x80;
			else if (c < 0xA0)
				cp = cp1252_hi[c - 0x80];
		}
		o += put_cp(out + o, cp);
	}
	out[o] = 0;
	*out_len = o;
	return out;
}

/* Converts with iconv; on an invalid or unmappable sequence emits U+FFFD
 * and skips one code unit, so any input converts in linear time.  Returns
 * NULL when iconv does not know the encoding. */
static char *decode_iconv(wn__doc *d, const char *in, size_t len, int enc,
                          size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", encodings[enc].iconv);
	if (cd == (iconv_t)-1)
		return NULL;
	size_t unit = enc == E_UTF16LE || enc == E_UTF16BE ? 2 : 1;
	wn__buf b = {0};
	wn__buf_grow(&b, len + len / 2 + 64);
	char *ip = (char *)in;
	size_t left = len, bad = 0;
	while (left) {
		/* Input in bounded windows: the cost of one call must not
		 * grow with what is left (AddressSanitizer checks the whole
		 * range on each call, and a call comes per invalid byte). */
		enum { WINDOW = 4096 };
		size_t win = left < WINDOW ? left : WINDOW, wleft = win;
		char *op = b.data + b.len;
		size_t room = b.cap - b.len - 1;
		size_t r = iconv(cd, &ip, &wleft, &op, &room);
		b.len = (size_t)(op - b.data);
		left -= win - wleft;
		if (r != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			wn__buf_grow(&b, b.cap);
			continue;
		}
		if (errno == EINVAL && left > wleft && win - wleft > 0)
			continue; /* a sequence cut by the window, not the input */
		/* EILSEQ, or EINVAL: a sequence cut by the end of input */
		wn__buf_grow(&b, 8);
		memcpy(b.data + b.len, "\xEF\xBF\xBD", 3);
		b.len += 3;
		bad++;
		size_t k = left < unit ? left : unit;
		ip += k;
		left -= k;
	}
	for (;;) { /* the final shift state of stateful encodings */
		char *op = b.data + b.len;
		size_t room = b.cap - b.len - 1;
		size_t r = iconv(cd, NULL, NULL, &op, &room);
		b.len = (size_t)(op - b.data);
		if (r == (size_t)-1 && errno == E2BIG) {
			wn__buf_grow(&b, 64);
			continue;
		}
		break;
	}
	iconv_close(cd);
	char *out = wn__arena_strndup(&d->arena, b.data, b.len);
	*out_len = b.len;
	wn__buf_free(&b);
	if (bad)
		wn__note(&d->notes, "input: %zu byte sequence%s invalid in %s replaced by U+FFFD",
		         bad, bad == 1 ? "" : "s", encodings[enc].name);
	return out;
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
		size_t k = utf8_valid_len(s + i, len - i);
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

/* UTF-16 without a byte order mark: HTML is mostly ASCII, so one byte of
 * nearly every pair is zero.  Looks at the first 4 KB. */
static int sniff_utf16(const unsigned char *s, size_t len)
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
	if (odd * 10 >= pairs * 4 && even * 20 < pairs)
		return E_UTF16LE;
	if (even * 10 >= pairs * 4 && odd * 20 < pairs)
		return E_UTF16BE;
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
	int enc = name ? get_encoding(name, strlen(name)) : -1;
	/* uchardet names outside WHATWG's labels */
	if (enc < 0 && name) {
		if (!strcmp(name, "MAC-CYRILLIC"))
			enc = E_MACCYR;
		else if (!strcmp(name, "EUC-TW") || !strcmp(name, "UHC"))
			enc = !strcmp(name, "UHC") ? E_EUCKR : E_BIG5;
	}
	uchardet_delete(ud);
	if (enc == E_REPLACEMENT)
		return -1; /* a 7-bit encoding cannot explain non-ASCII bytes */
	return enc;
}

/* ---- the stage ---- */

void wn__input_decode(wn__doc *d, const char *in, size_t len)
{
	const unsigned char *s = (const unsigned char *)in;
	const char *how = NULL;
	int enc = -1;

	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		enc = E_UTF8;
		in += 3;
		len -= 3;
	} else if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		enc = E_UTF16LE;
		in += 2;
		len -= 2;
	} else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		enc = E_UTF16BE;
		in += 2;
		len -= 2;
	}
	s = (const unsigned char *)in;
	if (enc >= 0)
		how = "from the byte order mark";

	if (enc < 0 && d->opt->encoding) {
		enc = get_encoding(d->opt->encoding, strlen(d->opt->encoding));
		if (enc >= 0)
			how = "from the encoding option";
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
	if (enc < 0 && (enc = sniff_utf16(s, len)) >= 0)
		how = "from NUL bytes: UTF-16 without byte order mark";
	int declared = enc < 0;
	if (enc < 0 && d->opt->content_type) {
		const char *ct = d->opt->content_type;
		enc = charset_param(ct, strlen(ct));
		if (enc >= 0)
			how = "from Content-Type";
	}
	if (enc < 0)
		enc = prescan(s, len < 1024 ? len : 1024, 0, &how);
	/* Past the first 1024 bytes a <meta> is still honoured, as browsers
	 * do when the parser meets it ("change the encoding"). */
	if (enc < 0 && len > 1024)
		enc = prescan(s, len < 65536 ? len : 65536, 1, &how);
	/* Unlike a browser, trust valid UTF-8 over a declared legacy charset:
	 * scraped pages are often stored as UTF-8 with their old <meta> kept,
	 * and legacy text that happens to be valid multi-byte UTF-8 all
	 * through does not occur. */
	if (declared && enc >= 0 && enc != E_UTF8 && enc != E_UTF16LE &&
	    enc != E_UTF16BE && has_high(s, len) && utf8_prefix(s, len, 1) == len) {
		wn__note(&d->notes, "charset: %s declared (%s), but the bytes are UTF-8",
		         encodings[enc].name, how + 5);
		enc = E_UTF8;
		how = "valid UTF-8, not the declared charset";
	}
	if (enc < 0 && utf8_prefix(s, len, 1) == len) {
		enc = E_UTF8;
		how = "valid UTF-8";
	}
	if (enc < 0 && mostly_utf8(s, len)) {
		enc = E_UTF8;
		how = "mostly valid UTF-8";
	}
	if (enc < 0 && (enc = guess(s, len)) >= 0)
		how = "guessed by uchardet";
	if (enc < 0) {
		enc = E_1252;
		how = "nothing declared or recognised: the default";
	}

	const char *html;
	size_t n;
	char *conv = NULL;
	if (enc == E_UTF8) {
		html = in;
		n = len;
	} else if (enc == E_1252 || enc == E_USERDEF) {
		html = conv = decode_single(d, s, len, enc, &n);
	} else if (enc == E_REPLACEMENT) {
		/* WHATWG: these encodings are not decoded at all */
		html = conv = wn__arena_strndup(&d->arena, len ? "\xEF\xBF\xBD" : "",
		                                len ? 3 : 0);
		n = strlen(conv);
	} else {
		html = conv = decode_iconv(d, in, len, enc, &n);
		if (!conv) {
			wn__note(&d->notes, "charset: %s not supported here, read as windows-1252",
			         encodings[enc].name);
			enc = E_1252;
			html = conv = decode_single(d, s, len, enc, &n);
		}
	}
	wn__note(&d->notes, "charset: %s (%s)", encodings[enc].name, how);
	utf8_sanitize(d, html, n, &d->html, &d->html_len);
}
