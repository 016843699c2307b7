/*
 * fuzz_winnow.c -- libFuzzer harness for the whole pipeline (`make fuzz`,
 * `make fuzz-run`).  The first two bytes pick the options, the rest is the
 * page.  Beyond the sanitizers it checks what winnow.h promises: a status
 * in range, a result exactly when the status says so, output that is
 * valid UTF-8 without NULs, ending with one newline unless empty.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "winnow.h"
#include "../tests/utf8_check.h"

static void check_str(const char *what, const char *s)
{
	if (s && !valid_utf8(s, strlen(s))) {
		fprintf(stderr, "invariant: %s is not valid UTF-8\n", what);
		abort();
	}
}

static void fail(const char *why)
{
	fprintf(stderr, "invariant: %s\n", why);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const encodings[8] = {
		NULL,     NULL,  "shift_jis",      "utf-16be",
		"latin1", "gbk", "x-user-defined", "no-such-charset",
	};
	static const char *const types[4] = {
		NULL,
		"text/html; charset=euc-kr",
		"text/html",
		"text/html;charset=\"utf-16\"",
	};
	uint8_t a = size > 0 ? data[0] : 0, b = size > 1 ? data[1] : 0;
	size_t skip = size < 2 ? size : 2;
	wn_options o;
	wn_options_init(&o, sizeof o);
	/* 0-6: each format; 7: JSON with the body as HTML too */
	o.format = (a & 7) == 7 ? WN_FORMAT_JSON : (wn_format)(a & 7);
	o.json_html = (a & 7) == 7;
	o.links = a >> 3 & 1;
	o.images = a >> 4 & 1;
	o.captions = a >> 5 & 1;
	o.metadata = a >> 6 & 1;
	o.json_markdown = a >> 7 & 1;
	if (b & 1)
		o.url = "https://example.com/dir/page.html?q=1#top";
	o.encoding = encodings[b >> 1 & 7];
	o.content_type = types[b >> 4 & 3];
	if (b & 0x40) { /* small limits, to reach the code that enforces them */
		o.max_depth = 6;
		o.max_blocks = 12;
		o.max_output = 200;
	}
	if (b & 0x80)
		o.max_bytes = 1000;

	wn_result *r = (wn_result *)1;
	wn_status st = wn_extract((const char *)data + skip, size - skip, &o, &r);
	int refused = st == WN_EINPUT || st == WN_ENOTHTML;
	if (st != WN_OK && st != WN_NO_CONTENT && !refused)
		fail("status out of range");
	if (refused != (r == NULL))
		fail("result present exactly when the status is OK or NO_CONTENT");
	if (st == WN_EINPUT && !(b & 0x80))
		fail("WN_EINPUT below max_bytes");
	if (!r)
		return 0;
	size_t n;
	const char *out = wn_result_output(r, &n);
	if (!out || strlen(out) != n)
		fail("output has a NUL inside or a wrong length");
	if (!valid_utf8(out, n))
		fail("output is not valid UTF-8");
	if (n && out[n - 1] != '\n')
		fail("output does not end with a newline");
	if (st == WN_NO_CONTENT && n && (o.format <= WN_FORMAT_MARKDOWN || o.format == WN_FORMAT_HTML))
		fail("no content, yet output");
	for (size_t i = 0; i < wn_result_message_count(r); i++)
		check_str("a message", wn_result_message(r, i));
	const wn_metadata *m = wn_result_metadata(r);
	if (!m)
		fail("no metadata");
	check_str("title", m->title);
	check_str("author", m->author);
	check_str("date", m->date);
	check_str("modified", m->modified);
	check_str("sitename", m->sitename);
	check_str("description", m->description);
	check_str("language", m->language);
	check_str("url", m->url);
	check_str("image", m->image);
	for (size_t i = 0; i < m->n_tags; i++)
		check_str("a tag", m->tags[i]);
	for (size_t i = 0; i < m->n_categories; i++)
		check_str("a category", m->categories[i]);
	wn_result_free(r);
	return 0;
}
