/*
 * harness.h -- a tiny dependency-free unit test harness.
 *
 *   TEST(name) { CHECK(x == 1); CHECK_STR(got, "want"); }
 *   int main(void) { RUN(name); return harness_done(); }
 *
 * harness_done() prints "N passed, N failed" and returns 1 if any failed.
 * A test passes when none of its checks fails.
 */
#ifndef WINNOW_HARNESS_H
#define WINNOW_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_passed, harness_failed, harness_cur_failed;

#define TEST(name) static void test_##name(void)

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "  %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
			harness_cur_failed = 1;                                                    \
		}                                                                                  \
	} while (0)

#define CHECK_STR(got, want)                                                                 \
	do {                                                                                 \
		const char *g_ = (got), *w_ = (want);                                        \
		if (!g_ || strcmp(g_, w_)) {                                                 \
			fprintf(stderr, "  %s:%d: %s\n    got:  \"%s\"\n    want: \"%s\"\n", \
			        __FILE__, __LINE__, #got, g_ ? g_ : "(null)", w_);           \
			harness_cur_failed = 1;                                              \
		}                                                                            \
	} while (0)

/* hay contains needle; on failure both are shown */
#define CHECK_HAS(hay, needle)                                                                   \
	do {                                                                                     \
		if (!strstr((hay), (needle))) {                                                  \
			fprintf(stderr, "  %s:%d: missing \"%s\" in:\n%s\n", __FILE__, __LINE__, \
			        (needle), (hay));                                                \
			harness_cur_failed = 1;                                                  \
		}                                                                                \
	} while (0)

#define RUN(name)                                            \
	do {                                                 \
		harness_cur_failed = 0;                      \
		test_##name();                               \
		if (harness_cur_failed) {                    \
			harness_failed++;                    \
			fprintf(stderr, "FAIL %s\n", #name); \
		} else {                                     \
			harness_passed++;                    \
		}                                            \
	} while (0)

static inline int harness_done(void)
{
	printf("%d passed, %d failed\n", harness_passed, harness_failed);
	return harness_failed != 0;
}

#endif
