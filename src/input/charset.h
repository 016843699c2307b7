/*
 * charset.h -- the input's character encoding, chosen as the WHATWG
 * Encoding Standard and the HTML spec's "determining the character
 * encoding" do (charset.c); shared by the input stage's files.
 */
#ifndef WINNOW_INPUT_CHARSET_H
#define WINNOW_INPUT_CHARSET_H

#include <stddef.h>

#include "doc.h"

/* The encodings WHATWG's labels name. */
enum {
	WN__E_UTF8,
	WN__E_UTF16LE,
	WN__E_UTF16BE,
	WN__E_1252,
	WN__E_USERDEF,
	WN__E_REPLACEMENT,
	WN__E_IBM866,
	WN__E_8859_2,
	WN__E_8859_3,
	WN__E_8859_4,
	WN__E_8859_5,
	WN__E_8859_6,
	WN__E_8859_7,
	WN__E_8859_8,
	WN__E_8859_8I,
	WN__E_8859_10,
	WN__E_8859_13,
	WN__E_8859_14,
	WN__E_8859_15,
	WN__E_8859_16,
	WN__E_KOI8R,
	WN__E_KOI8U,
	WN__E_MAC,
	WN__E_874,
	WN__E_1250,
	WN__E_1251,
	WN__E_1253,
	WN__E_1254,
	WN__E_1255,
	WN__E_1256,
	WN__E_1257,
	WN__E_1258,
	WN__E_MACCYR,
	WN__E_GBK,
	WN__E_GB18030,
	WN__E_BIG5,
	WN__E_EUCJP,
	WN__E_ISO2022JP,
	WN__E_SJIS,
	WN__E_EUCKR,
	WN__E_COUNT
};

/* What was chosen, and why: from a declaration ("Content-Type", "<meta
 * charset>"), or how it was found otherwise ("valid UTF-8"). */
typedef struct wn__charset {
	int enc;          /* WN__E_* */
	size_t bom;       /* bytes of byte order mark before the text */
	const char *from; /* the declaration it came from, or NULL */
	const char *how;  /* else how it was found */
} wn__charset;

/* Chooses the encoding of in[0..len); notes what it ignored and what it
 * overrode (an unknown encoding option, a legacy declaration on bytes that
 * are UTF-8). */
wn__charset wn__charset_detect(wn__doc *d, const char *in, size_t len);
/* WHATWG "get an encoding" for the label s[0..n): WN__E_* or -1. */
int wn__charset_get(const char *s, size_t n);
/* The encoding's WHATWG name, and iconv's name for it (NULL when winnow
 * decodes it itself). */
const char *wn__charset_name(int enc);
const char *wn__charset_iconv(int enc);
/* UTF-16 without a byte order mark, by its NUL bytes: WN__E_UTF16LE,
 * WN__E_UTF16BE, or -1. */
int wn__charset_utf16(const unsigned char *s, size_t len);

#endif
