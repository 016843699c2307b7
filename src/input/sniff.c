/*
 * sniff.c -- is the input text at all?  A page is refused as binary data
 * when it starts with the signature of a binary format (an executable, an
 * archive, a compressed stream, an image, a PDF) or when its first bytes
 * hold many of the bytes no text uses.  The byte classes and the length
 * looked at are the WHATWG MIME Sniffing standard's ("binary data byte",
 * "resource header", section 7.2); its rule there is any such byte, ours a
 * share of them, because scraped pages do carry a stray NUL now and then,
 * and none for a page that starts like markup.
 */
#include <string.h>

#include "base/utf8.h"
#include "input/charset.h"
#include "input/input.h"
#include "tuning.h"

/* 0x00-0x08, 0x0B, 0x0E-0x1A, 0x1C-0x1F: not tab, LF, FF, CR or ESC. */
static int binary_byte(unsigned char c)
{
	return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1A) || (c >= 0x1C && c <= 0x1F);
}

typedef struct magic {
	size_t at;
	const char *bytes;
	size_t n;
} magic;

#define M(at, s)                    \
	{                           \
		at, s, sizeof s - 1 \
	}
static const magic MAGIC[] = {
	M(0, "\x7F"
             "ELF"),      /* executables and libraries */
	M(0, "\x1F\x8B"), /* gzip (a .warc.gz read as a page) */
	M(0, "BZh"),
	M(0, "\xFD"
             "7zXZ"),
	M(0, "\x28\xB5\x2F\xFD"), /* bzip2, xz, zstd */
	M(0, "PK\x03\x04"),
	M(0, "7z\xBC\xAF\x27\x1C"), /* zip, 7z */
	M(0, "%PDF-"),
	M(0, "\x89PNG\r\n\x1A\n"),
	M(0, "\xFF\xD8\xFF"),
	M(0, "GIF87a"),
	M(0, "GIF89a"),
	M(8, "WEBP"),
	M(4, "ftyp"),
	M(0, "\0asm"),
	M(0, "\xCF\xFA\xED\xFE"),
	M(0, "OggS"),
};
#undef M

/* Whether s[0..n) starts like markup, after white space: '<' and a tag's
 * name, "!" (a doctype, a comment) or "?".  Binary data starts with a
 * signature of its own or with anything; a page with a NUL now and then
 * in a script, or a UTF-16 string there, starts with "<!doctype html>". */
static int starts_markup(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n && wn__is_html_space(s[i]))
		i++;
	if (i + 1 >= n || s[i] != '<')
		return 0;
	unsigned char c = s[i + 1];
	return ((c | 32) >= 'a' && (c | 32) <= 'z') || c == '!' || c == '?';
}

int wn__input_is_binary(const char *in, size_t len)
{
	const unsigned char *s = (const unsigned char *)in;
	/* Byte order marks say text, and so does UTF-16 without one (NULs
	 * in every other byte, as the decoder sniffs it). */
	if ((len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) ||
	    (len >= 2 && (!memcmp(s, "\xFF\xFE", 2) || !memcmp(s, "\xFE\xFF", 2))))
		return 0;
	for (size_t k = 0; k < sizeof MAGIC / sizeof *MAGIC; k++)
		if (len >= MAGIC[k].at + MAGIC[k].n &&
		    !memcmp(s + MAGIC[k].at, MAGIC[k].bytes, MAGIC[k].n))
			return 1;
	if (wn__charset_utf16(s, len) >= 0 || starts_markup(s, len))
		return 0;
	size_t n = len < WN__SNIFF_HEADER ? len : WN__SNIFF_HEADER;
	size_t bin = 0;
	for (size_t i = 0; i < n; i++)
		bin += binary_byte(s[i]);
	return bin * WN__SNIFF_BINARY_SHARE > n;
}
