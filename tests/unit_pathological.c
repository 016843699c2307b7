/*
 * unit_pathological.c -- inputs built to make a parser or a stage go
 * quadratic (after cmark's pathological tests): deep nesting, many
 * attributes, entities, comments, tiny elements and the like, each at two
 * sizes, one twice the other.  The test is the growth, not a wall time:
 * the CPU time of the larger must stay under 3 times that of the smaller
 * (linear gives 2; quadratic 4).  Each size is timed as the best of three
 * runs, and a case is measured again (up to three times) before it fails,
 * since the machine is shared.  Public API only.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "winnow.h"

typedef struct buf {
	char *p;
	size_t n, cap;
} buf;

static void put(buf *b, const char *s)
{
	size_t k = strlen(s);
	if (b->n + k + 1 > b->cap) {
		b->cap = (b->n + k + 1) * 2;
		b->p = realloc(b->p, b->cap);
		if (!b->p)
			abort();
	}
	memcpy(b->p + b->n, s, k + 1);
	b->n += k;
}

/* The class word of group g, in letters: a, b, ... z, ba, bb ... */
static void group_word(char *w, size_t cap, size_t g)
{
	size_t k = 0;
	do
		w[k++] = (char)('a' + g % 26), g /= 26;
	while (g && k < cap - 1);
	w[k] = 0;
}

/* The page of case `what` with n repetitions. */
static buf page(const char *what, size_t n)
{
	buf b = {0};
	char tmp[256];
	put(&b, "<html><body><article>");
	if (!strcmp(what, "nesting")) {
		for (size_t i = 0; i < n; i++)
			put(&b, "<div>");
		put(&b, "<p>At the bottom, a sentence of text.</p>");
	} else if (!strcmp(what, "attributes")) {
		for (size_t i = 0; i < n / 100; i++) {
			put(&b, "<p");
			for (int k = 0; k < 100; k++) {
				snprintf(tmp, sizeof tmp, " data-a%d=\"v%d\"", k, k);
				put(&b, tmp);
			}
			put(&b, ">Text with attributes, and a full stop.</p>");
		}
	} else if (!strcmp(what, "entities")) {
		put(&b, "<p>");
		for (size_t i = 0; i < n; i++)
			put(&b, i % 3 == 0 ? "&amp;" : i % 3 == 1 ? "&#x41;" : "&nosuch;");
		put(&b, "</p>");
	} else if (!strcmp(what, "comments")) {
		for (size_t i = 0; i < n; i++)
			put(&b, "<!-- a comment --><p>x</p>");
	} else if (!strcmp(what, "tiny elements")) {
		for (size_t i = 0; i < n; i++)
			put(&b, "<p>x</p>");
	} else if (!strcmp(what, "unclosed formatting")) {
		for (size_t i = 0; i < n; i++)
			put(&b, i % 2 ? "<b>word " : "<i><a href=#>link ");
	} else if (!strcmp(what, "hidden panels")) {
		/* each an empty toggle and a class-hidden panel holding the
		 * next: the text is at the bottom, under all of them */
		for (size_t i = 0; i < n; i++)
			put(&b, "<div class=item><i></i><div class='answer hidden'>");
		put(&b, "<p>At the bottom, a sentence of text.</p>");
	} else if (!strcmp(what, "hidden panels late")) {
		/* an FAQ of n questions side by side, each a toggle and a
		 * class-hidden answer, after as many other elements: a look
		 * at the panel's siblings from the first one for the pattern
		 * to repeat would cross all of those for every panel */
		for (size_t i = 0; i < n; i++)
			put(&b, "<span>x</span>");
		for (size_t i = 0; i < n; i++)
			put(&b,
			    "<div class=item><button>A question?</button>"
			    "<div class='answer hidden'><p>An answer, with words.</p></div></div>");
	} else if (!strcmp(what, "small groups")) {
		/* one parent of n children in groups of three alike (a class
		 * word of letters each): reading the groups one by one would
		 * read the parent's children once per group */
		for (size_t i = 0; i < n; i++) {
			char w[16];
			group_word(w, sizeof w, i / 3);
			snprintf(tmp, sizeof tmp, "<div class=%s><h3>t</h3><p>x</p></div>", w);
			put(&b, tmp);
		}
	} else if (!strcmp(what, "small prose groups")) {
		/* the same, the first member holding running text: every
		 * group is looked at as a thread's posts */
		for (size_t i = 0; i < n; i++) {
			char w[16];
			group_word(w, sizeof w, i / 3);
			snprintf(tmp, sizeof tmp, "<div class=%s><h3>t</h3><p>%s</p></div>", w,
			         i ? "This is a sentence of running text, with a comma, and a full "
			             "stop at its end."
			           : "This is a sentence of running text that goes on for a while, "
			             "as prose does, and it says something; then it ends. This is a "
			             "sentence of running text, with a comma, and a full stop at its "
			             "end.");
			put(&b, tmp);
		}
	} else if (!strcmp(what, "small priced groups")) {
		/* pairs of alike priced children under one priced parent: each
		 * pair is a candidate grid of the kind stage */
		for (size_t i = 0; i < n; i++) {
			char w[16];
			group_word(w, sizeof w, i / 2);
			snprintf(tmp, sizeof tmp, "<p class=%s>$%zu.00 a thing</p>", w, i % 90 + 10);
			put(&b, tmp);
		}
	} else if (!strcmp(what, "repeated sections")) {
		for (size_t i = 0; i < n; i++)
			put(&b, "<section><p>The same first paragraph, of some length, again.</p>"
			        "<p>The same second paragraph, which follows it, again.</p>"
			        "<p>The same third paragraph, which ends the section.</p></section>");
	} else if (!strcmp(what, "table cells")) {
		put(&b, "<table>");
		for (size_t i = 0; i < n; i++)
			put(&b, i % 50 ? "<td>c" : "<tr><td colspan=64>c");
		put(&b, "</table>");
	}
	put(&b, "</article></body></html>");
	return b;
}

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The best of three extractions, in seconds; -1 if one failed. */
static double best(const buf *b, wn_format format)
{
	double t = 1e9;
	for (int run = 0; run < 3; run++) {
		wn_options o;
		wn_options_init(&o, sizeof o);
		o.format = format;
		wn_result *r = NULL;
		double t0 = cpu_now();
		wn_status st = wn_extract(b->p, b->n, &o, &r);
		double dt = cpu_now() - t0;
		wn_result_free(r);
		if (st != WN_OK && st != WN_NO_CONTENT)
			return -1;
		if (dt < t)
			t = dt;
	}
	return t;
}

/* Case `what` at n and 2n repetitions: the ratio of their times. */
static int linear(const char *what, size_t n, wn_format format)
{
	buf small = page(what, n), large = page(what, 2 * n);
	double ratio = 0, ts = 0, tl = 0;
	for (int attempt = 0; attempt < 3; attempt++) {
		ts = best(&small, format);
		tl = best(&large, format);
		if (ts < 0 || tl < 0)
			break;
		/* below a millisecond, the clock's grain decides: count it as 1 ms */
		ratio = tl / (ts > 1e-3 ? ts : 1e-3);
		if (ratio < 3)
			break;
	}
	printf("  %-20s %-8s %7zu KB %8.2f ms, %7zu KB %8.2f ms: x%.2f\n", what,
	       format == WN_FORMAT_MARKDOWN ? "markdown" : "text", small.n >> 10, ts * 1e3,
	       large.n >> 10, tl * 1e3, ratio);
	free(small.p);
	free(large.p);
	return ts >= 0 && tl >= 0 && ratio < 3;
}

#define CASE(name, what, n)                                 \
	TEST(name)                                          \
	{                                                   \
		CHECK(linear(what, n, WN_FORMAT_TEXT));     \
		CHECK(linear(what, n, WN_FORMAT_MARKDOWN)); \
	}

CASE(nesting, "nesting", 40000)
CASE(attributes, "attributes", 20000)
CASE(entities, "entities", 60000)
CASE(comments, "comments", 20000)
CASE(tiny_elements, "tiny elements", 20000)
CASE(unclosed_formatting, "unclosed formatting", 20000)
CASE(table_cells, "table cells", 40000)
CASE(hidden_panels, "hidden panels", 10000)
CASE(hidden_panels_late, "hidden panels late", 5000)
CASE(small_groups, "small groups", 6000)
CASE(small_prose_groups, "small prose groups", 6000)
CASE(small_priced_groups, "small priced groups", 6000)
CASE(repeated_sections, "repeated sections", 5000)

int main(void)
{
	RUN(nesting);
	RUN(attributes);
	RUN(entities);
	RUN(comments);
	RUN(tiny_elements);
	RUN(unclosed_formatting);
	RUN(table_cells);
	RUN(hidden_panels);
	RUN(hidden_panels_late);
	RUN(small_groups);
	RUN(small_prose_groups);
	RUN(small_priced_groups);
	RUN(repeated_sections);
	return harness_done();
}
