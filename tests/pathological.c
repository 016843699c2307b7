/*
 * pathological.c -- inputs built to make a parser or a stage go quadratic
 * (after cmark's pathological tests): deep nesting, many attributes,
 * entities, comments, tiny elements and the like.
 *
 *   pathological CASE N text|markdown   extracts case CASE at N repetitions
 *   pathological list                   prints each case and its N
 *
 * One extraction, once: the exit status is 0 when wn_extract() says WN_OK
 * or WN_NO_CONTENT and, for a case with text at the bottom, that text is
 * in the output; 1 otherwise (and why, on stderr); 2 for a usage error.
 * tests/test_pathological.sh runs every case at its N natively (under the
 * sanitizers in make asan), then under valgrind's callgrind at N and 2N:
 * the instructions executed in wn_extract() must grow less than 2.5 times
 * (linear gives 2; quadratic 4).  Not a unit_ program: tests/run.sh runs
 * those with no arguments.  Public API only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	} else if (!strcmp(what, "tiny_elements")) {
		for (size_t i = 0; i < n; i++)
			put(&b, "<p>x</p>");
	} else if (!strcmp(what, "unclosed_formatting")) {
		for (size_t i = 0; i < n; i++)
			put(&b, i % 2 ? "<b>word " : "<i><a href=#>link ");
	} else if (!strcmp(what, "hidden_panels")) {
		/* each an empty toggle and a class-hidden panel holding the
		 * next: the text is at the bottom, under all of them */
		for (size_t i = 0; i < n; i++)
			put(&b, "<div class=item><i></i><div class='answer hidden'>");
		put(&b, "<p>At the bottom, a sentence of text.</p>");
	} else if (!strcmp(what, "hidden_panels_late")) {
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
	} else if (!strcmp(what, "small_groups")) {
		/* one parent of n children in groups of three alike (a class
		 * word of letters each): reading the groups one by one would
		 * read the parent's children once per group */
		for (size_t i = 0; i < n; i++) {
			char w[16];
			group_word(w, sizeof w, i / 3);
			snprintf(tmp, sizeof tmp, "<div class=%s><h3>t</h3><p>x</p></div>", w);
			put(&b, tmp);
		}
	} else if (!strcmp(what, "small_prose_groups")) {
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
	} else if (!strcmp(what, "small_priced_groups")) {
		/* pairs of alike priced children under one priced parent: each
		 * pair is a candidate grid of the kind stage */
		for (size_t i = 0; i < n; i++) {
			char w[16];
			group_word(w, sizeof w, i / 2);
			snprintf(tmp, sizeof tmp, "<p class=%s>$%zu.00 a thing</p>", w, i % 90 + 10);
			put(&b, tmp);
		}
	} else if (!strcmp(what, "repeated_sections")) {
		for (size_t i = 0; i < n; i++)
			put(&b, "<section><p>The same first paragraph, of some length, again.</p>"
			        "<p>The same second paragraph, which follows it, again.</p>"
			        "<p>The same third paragraph, which ends the section.</p></section>");
	} else if (!strcmp(what, "table_cells")) {
		put(&b, "<table>");
		for (size_t i = 0; i < n; i++)
			put(&b, i % 50 ? "<td>c" : "<tr><td colspan=64>c");
		put(&b, "</table>");
	}
	put(&b, "</article></body></html>");
	return b;
}

/* The cases: each one's name, its N for tests/test_pathological.sh, and the
 * text at its bottom that must come out (NULL: none to look for).  Each N
 * keeps the count under callgrind short (tens of millions of instructions)
 * and is large enough for a quadratic stage to show: the quadratic code
 * this repository once had for the group and FAQ-panel cases, put back,
 * gives x2.7-3.2 at these N (more at larger ones).  Nesting and hidden
 * panels cost more per level down to the depth limit (--max-depth) than
 * past it: a fixed cost, which holds their ratio well under 2. */
static const struct {
	const char *name;
	size_t n;
	const char *bottom;
} cases[] = {
	{"nesting", 16000, "At the bottom, a sentence of text."},
	{"attributes", 10000, NULL},
	{"entities", 2000, NULL},
	{"comments", 1000, NULL},
	{"tiny_elements", 1000, NULL},
	{"unclosed_formatting", 4000, NULL},
	{"table_cells", 2000, NULL},
	{"hidden_panels", 4000, "At the bottom, a sentence of text."},
	{"hidden_panels_late", 500, NULL},
	{"small_groups", 800, NULL},
	{"small_prose_groups", 800, NULL},
	{"small_priced_groups", 800, NULL},
	{"repeated_sections", 250, NULL},
};
#define NCASES (sizeof cases / sizeof cases[0])

static int usage(void)
{
	fprintf(stderr, "usage: pathological CASE N text|markdown\n"
	                "       pathological list\n");
	return 2;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "list")) {
		for (size_t i = 0; i < NCASES; i++)
			printf("%s %zu\n", cases[i].name, cases[i].n);
		return 0;
	}
	if (argc != 4)
		return usage();
	size_t c = 0;
	while (c < NCASES && strcmp(cases[c].name, argv[1]))
		c++;
	char *end;
	unsigned long long n = strtoull(argv[2], &end, 10);
	if (c == NCASES || *argv[2] < '0' || *argv[2] > '9' || *end || n > 100000000)
		return usage();
	wn_options o;
	wn_options_init(&o, sizeof o);
	if (!strcmp(argv[3], "text"))
		o.format = WN_FORMAT_TEXT;
	else if (!strcmp(argv[3], "markdown"))
		o.format = WN_FORMAT_MARKDOWN;
	else
		return usage();

	buf b = page(cases[c].name, (size_t)n);
	wn_result *r = NULL;
	wn_status st = wn_extract(b.p, b.n, &o, &r);
	int ok = st == WN_OK || st == WN_NO_CONTENT;
	if (!ok)
		fprintf(stderr, "%s %llu %s: %s\n", argv[1], n, argv[3], wn_status_string(st));
	const char *out = r ? wn_result_output(r, NULL) : "";
	if (ok && cases[c].bottom && !strstr(out, cases[c].bottom)) {
		fprintf(stderr, "%s %llu %s: \"%s\" is not in the output\n", argv[1], n, argv[3],
		        cases[c].bottom);
		ok = 0;
	}
	wn_result_free(r);
	free(b.p);
	return ok ? 0 : 1;
}
