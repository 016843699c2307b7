/*
 * fuzz_jsonl.c -- libFuzzer harness for the JSON Lines reader of the
 * command (cli/jsonl_read.c) and the output line (cli/jsonline.c): lines
 * cut from a stream read in pieces, each parsed as a request, extracted,
 * and written as the output line.  The first byte picks --max-bytes and
 * the size of the reads.  Beyond the sanitizers it checks the stream
 * contract: one output line per line read, each one JSON object on one
 * line, with "error" and "line" exactly when the line could not be used,
 * and the line's "url" given back as it was.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jsonl_read.h"
#include "jsonline.h"
#include "fuzz_input.h"

static void check_line(const cli_buf *out, int error, const char *url)
{
	if (!out->len || out->data[out->len - 1] != '\n' || memchr(out->data, '\n', out->len - 1))
		fail("an output line is not one line");
	json_error_t e;
	json_t *o = json_loadb(out->data, out->len - 1, JSON_ALLOW_NUL, &e);
	if (!json_is_object(o)) {
		fprintf(stderr, "%s\n%.*s\n", e.text, (int)out->len, out->data);
		fail("an output line is not a JSON object");
	}
	if (!json_object_get(o, "error") != !error || !json_object_get(o, "line") != !error)
		fail("\"error\" and \"line\" exactly for a line that cannot be used");
	if (url && !error) {
		json_t *u = json_object_get(o, "url");
		if (!json_is_string(u) || strcmp(json_string_value(u), url))
			fail("the line's url is not given back");
	}
	json_decref(o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t steps[4] = {1 << 16, 1, 5, 1000};
	static jl_reader L;
	uint8_t a = size ? data[0] : 0;
	mem m = {data + (size ? 1 : 0), size ? size - 1 : 0, 0, steps[a >> 1 & 3]};
	wn_options opt;
	wn_options_init(&opt, sizeof opt);
	opt.format = WN_FORMAT_JSON;
	opt.json_markdown = a >> 3 & 1;
	opt.max_output = a & 0x10 ? 64 : 0;
	jl_init(&L, mem_read, &m, a & 1 ? 300 : 1 << 20);
	char *line;
	size_t len;
	while (jl_next(&L, &line, &len)) {
		cli_buf out = {0};
		if (!line) {
			cli_json_line(&out, NULL, 0, NULL, "line too long", L.lineno);
			check_line(&out, 1, NULL);
			free(out.data);
			continue;
		}
		if (jl_blank(line, len)) {
			free(line);
			continue;
		}
		jl_request q;
		if (jl_parse(line, len, &q)) {
			if (!q.error)
				fail("a line refused without a reason");
			cli_json_line(&out, q.rec.len ? q.rec.data : NULL, q.rec.len, NULL, q.error,
			              L.lineno);
			check_line(&out, 1, NULL);
		} else {
			wn_options o = opt;
			o.url = q.url;
			o.content_type = q.content_type;
			wn_result *r = NULL;
			wn_status st = wn_extract(q.html, q.html_len, &o, &r);
			int used = st == WN_OK || st == WN_NO_CONTENT;
			cli_json_line(&out, q.rec.data, q.rec.len, used ? r : NULL,
			              used ? NULL : wn_status_string(st), L.lineno);
			check_line(&out, !used, used ? q.url : NULL);
			wn_result_free(r);
		}
		jl_request_free(&q);
		free(line);
		free(out.data);
	}
	return 0;
}
