/*
 * bench.c -- winnow's throughput against a bare gumbo parse of the same
 * pages, in the same run: both read the pages from memory, so the ratio
 * says what winnow's stages cost on top of parsing.
 *
 *   build/bench [-r ROUNDS] FILE...
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gumbo.h>

#include "winnow.h"

typedef struct page {
	char *data;
	size_t len;
} page;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int load(const char *path, page *p)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t cap = 1 << 16, n = 0, k;
	char *buf = malloc(cap);
	while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	if (!buf)
		return -1;
	p->data = buf;
	p->len = n;
	return 0;
}

/* The bare parse: what any gumbo-based extractor pays at least.  With
 * quiet set, parse errors are not recorded, as winnow itself asks. */
static void parse_only(const page *p, int quiet)
{
	GumboOptions o = kGumboDefaultOptions;
	if (quiet)
		o.max_errors = 0;
	GumboOutput *out = gumbo_parse_with_options(&o, p->data, p->len);
	gumbo_destroy_output(&o, out);
}

static void extract(const page *p, wn_format fmt)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.format = fmt;
	wn_result *r = NULL;
	wn_extract(p->data, p->len, &o, &r);
	wn_result_free(r);
}

int main(int argc, char **argv)
{
	int rounds = 3, first = 1;
	if (argc > 2 && !strcmp(argv[1], "-r")) {
		rounds = atoi(argv[2]);
		first = 3;
	}
	int n = argc - first;
	if (n <= 0 || rounds <= 0) {
		fputs("usage: bench [-r ROUNDS] FILE...\n", stderr);
		return 2;
	}
	page *pages = calloc((size_t)n, sizeof *pages);
	double bytes = 0;
	int m = 0;
	for (int i = 0; i < n; i++)
		if (load(argv[first + i], &pages[m]) == 0)
			bytes += (double)pages[m++].len;
	if (!m) {
		fputs("bench: no readable pages\n", stderr);
		return 1;
	}

	/* Interleave the rounds so that both see the same machine state. */
	double t_gumbo = 0, t_quiet = 0, t_text = 0, t_md = 0;
	for (int r = 0; r < rounds; r++) {
		double tq = now();
		for (int i = 0; i < m; i++)
			parse_only(&pages[i], 1);
		double t0 = now();
		for (int i = 0; i < m; i++)
			parse_only(&pages[i], 0);
		double t1 = now();
		for (int i = 0; i < m; i++)
			extract(&pages[i], WN_FORMAT_TEXT);
		double t2 = now();
		for (int i = 0; i < m; i++)
			extract(&pages[i], WN_FORMAT_MARKDOWN);
		double t3 = now();
		t_quiet += t0 - tq;
		t_gumbo += t1 - t0;
		t_text += t2 - t1;
		t_md += t3 - t2;
	}
	double docs = (double)m * rounds, mb = bytes * rounds / 1e6;
	printf("pages: %d (%.1f MB), rounds: %d, one thread\n", m, bytes / 1e6, rounds);
	printf("%-22s %9.1f docs/s %7.2f MB/s\n", "gumbo parse only", docs / t_gumbo, mb / t_gumbo);
	printf("%-22s %9.1f docs/s %7.2f MB/s\n", "gumbo, errors not kept", docs / t_quiet,
	       mb / t_quiet);
	printf("%-22s %9.1f docs/s %7.2f MB/s  ratio to gumbo %.2fx\n", "winnow text",
	       docs / t_text, mb / t_text, t_gumbo / t_text);
	printf("%-22s %9.1f docs/s %7.2f MB/s  ratio to gumbo %.2fx\n", "winnow markdown",
	       docs / t_md, mb / t_md, t_gumbo / t_md);
	for (int i = 0; i < m; i++)
		free(pages[i].data);
	free(pages);
	return 0;
}
