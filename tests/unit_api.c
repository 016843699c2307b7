/*
 * unit_api.c -- the public interface's contracts: options that grow
 * without breaking callers (their size field), one meaning of 0 for every
 * limit, the truncation flag, the version numbers.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "winnow.h"

static const char PAGE[] =
	"<html><body><article><p>The harbour authority said on Tuesday that the "
	"new breakwater, finished after three years of work, had held through "
	"the winter storms without damage.</p><p>Engineers will inspect it again "
	"in the spring, when the fishing fleet returns.</p></article></body></html>";

static wn_status run(const wn_options *o, char *out, size_t cap)
{
	wn_result *r = NULL;
	wn_status st = wn_extract(PAGE, sizeof PAGE - 1, o, &r);
	out[0] = 0;
	if (r) {
		snprintf(out, cap, "%s", wn_result_output(r, NULL));
		wn_result_free(r);
	}
	return st;
}

TEST(init_fills_only_the_callers_size)
{
	unsigned char big[sizeof(wn_options) + 32];
	memset(big, 0xAB, sizeof big);
	wn_options_init((wn_options *)big, sizeof(wn_options));
	CHECK(big[sizeof(wn_options)] == 0xAB); /* nothing written past it */
	const wn_options *o = (const wn_options *)big;
	CHECK(o->size == sizeof(wn_options));
	CHECK(o->format == WN_FORMAT_TEXT && o->max_depth == WN_DEFAULT_MAX_DEPTH);
	/* a caller with a larger (newer) struct: the rest zeroed */
	memset(big, 0xAB, sizeof big);
	wn_options_init((wn_options *)big, sizeof big);
	CHECK(((wn_options *)big)->size == sizeof big);
	CHECK(big[sizeof big - 1] == 0);
	wn_options_init(NULL, sizeof(wn_options)); /* no crash */
}

TEST(extract_checks_the_size)
{
	char out[1024];
	wn_options o;
	wn_options_init(&o, sizeof o);
	CHECK(run(&o, out, sizeof out) == WN_OK && strstr(out, "breakwater"));
	o.size = sizeof(size_t); /* smaller than any layout there was */
	CHECK(run(&o, out, sizeof out) == WN_EINVAL);
	/* a newer caller that leaves the newer fields at 0 is served */
	unsigned char big[sizeof(wn_options) + 16];
	wn_options_init((wn_options *)big, sizeof big);
	CHECK(run((wn_options *)big, out, sizeof out) == WN_OK);
	/* ... and one that sets a field this library does not know is not */
	big[sizeof big - 1] = 1;
	CHECK(run((wn_options *)big, out, sizeof out) == WN_EINVAL);
	CHECK(run(NULL, out, sizeof out) == WN_OK && strstr(out, "breakwater"));
	wn_options_init(&o, sizeof o);
	o.format = WN_FORMAT_COUNT;
	CHECK(run(&o, out, sizeof out) == WN_EINVAL);
}

TEST(zero_means_the_default)
{
	char want[1024], got[1024];
	wn_options o;
	wn_options_init(&o, sizeof o);
	CHECK(run(&o, want, sizeof want) == WN_OK);
	memset(&o, 0, sizeof o);
	o.size = sizeof o; /* every limit 0 */
	CHECK(run(&o, got, sizeof got) == WN_OK);
	CHECK_STR(got, want);
	o.max_depth = 4000000000u; /* clamped, not refused */
	CHECK(run(&o, got, sizeof got) == WN_OK);
	CHECK_STR(got, want);
}

TEST(truncation_is_flagged)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	wn_result *r = NULL;
	CHECK(wn_extract(PAGE, sizeof PAGE - 1, &o, &r) == WN_OK);
	CHECK(!wn_result_truncated(r));
	wn_result_free(r);
	o.max_output = 40;
	o.format = WN_FORMAT_JSON;
	CHECK(wn_extract(PAGE, sizeof PAGE - 1, &o, &r) == WN_OK);
	CHECK(wn_result_truncated(r));
	CHECK(strstr(wn_result_output(r, NULL), "\"truncated\":true") != NULL);
	wn_result_free(r);
	o.max_output = 0;
	CHECK(wn_extract(PAGE, sizeof PAGE - 1, &o, &r) == WN_OK);
	CHECK(!wn_result_truncated(r));
	CHECK(strstr(wn_result_output(r, NULL), "truncated") == NULL);
	wn_result_free(r);
	CHECK(!wn_result_truncated(NULL));
}

/* The labels wn_options.encoding reads, as the command and the module
 * check them before they pass one. */
TEST(encoding_labels_known_and_not)
{
	CHECK(wn_encoding_known("utf-8"));
	CHECK(wn_encoding_known("Shift_JIS"));
	CHECK(wn_encoding_known(" latin1 "));
	CHECK(!wn_encoding_known("nonsense"));
	CHECK(!wn_encoding_known(""));
	CHECK(!wn_encoding_known(NULL));
}

TEST(versions)
{
	CHECK(wn_version_number() == WN_VERSION_NUMBER);
	char v[32];
	snprintf(v, sizeof v, "%d.%d.%d", WN_VERSION_MAJOR, WN_VERSION_MINOR, WN_VERSION_PATCH);
	CHECK_STR(wn_version(), v);
	CHECK_STR(WN_VERSION, v);
}

int main(void)
{
	RUN(init_fills_only_the_callers_size);
	RUN(extract_checks_the_size);
	RUN(zero_means_the_default);
	RUN(truncation_is_flagged);
	RUN(encoding_labels_known_and_not);
	RUN(versions);
	return harness_done();
}
