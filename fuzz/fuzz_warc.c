/*
 * fuzz_warc.c -- libFuzzer harness for the WARC reader of the command
 * (cli/warc_read.c): the gzip member stream, the record headers, the HTTP
 * response, chunked transfer coding and gzip/deflate content coding.  The
 * first byte picks --max-bytes and how the stream is cut into reads (as a
 * pipe gives it), the rest is the file.  Beyond the sanitizers it checks
 * what warc_read.h promises: records in file order, a record or a reason
 * (never both), blocks within --max-bytes and NUL-terminated, record keys
 * that are one JSON object, a decoded body within --max-bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "warc_read.h"
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t steps[4] = {1 << 16, 1, 7, 4093};
	uint8_t a = size ? data[0] : 0;
	size_t max = a & 1 ? 512 : 1 << 20;
	mem m = {data + (size ? 1 : 0), size ? size - 1 : 0, 0, steps[a >> 1 & 3]};
	warc_reader *R = warc_open(mem_read, &m, max);
	warc_record r;
	long long last = -1;
	while (warc_next(R, &r)) {
		if (r.off < 0 || (long long)(size_t)r.off > (long long)size)
			fail("offset outside the file");
		if (r.off < last && r.block)
			fail("records out of order");
		last = r.off;
		if (!r.block == !r.why)
			fail("a record has a block or a reason, never both");
		if (r.why && !*r.why)
			fail("an empty reason");
		if (r.block) {
			if (r.blen > max)
				fail("a block over max_bytes");
			if (r.block[r.blen])
				fail("a block not NUL-terminated");
			json_t *k = json_loadb(r.keys.data, r.keys.len, 0, NULL);
			if (!json_is_object(k))
				fail("record keys are not one JSON object");
			json_decref(k);
			warc_page pg;
			int kind = warc_http(r.block, r.blen, max, &pg);
			if (kind == WARC_PAGE && (!pg.body || pg.len > (pg.decoded ? max : r.blen)))
				fail("a page body out of bounds");
			if (kind == WARC_BAD && !pg.why[0])
				fail("a bad response without a reason");
			warc_page_free(&pg);
		}
		warc_record_free(&r);
	}
	if (warc_bytes_read(R) != (long long)m.n)
		fail("the stream was not read to its end");
	warc_close(R);
	return 0;
}
