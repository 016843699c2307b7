/*
 * bench.c -- winnow's throughput against a bare gumbo parse of the same
 * pages, in the same run.  For each set of pages: the pages are read into
 * memory, then ROUNDS rounds each time a bare gumbo parse (errors not
 * kept, as winnow asks gumbo for), winnow's text output on one thread and
 * on THREADS threads; the medians of the rounds are printed.  With
 * --winnow, the command is also run over a batch of 1,000 of the set's
 * files in turn (one worker, then THREADS), for its peak RSS.  --total
 * NAME adds a row for the sets after it taken together.
 *
 *   build/bench [-r ROUNDS] [-j THREADS] [--winnow PATH]
 *               [--set NAME] FILE... [--total NAME] [--set NAME FILE...]...
 */
#define _DEFAULT_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gumbo.h>

#include "winnow.h"

typedef struct page {
	char *data;
	size_t len;
} page;

typedef struct set {
	const char *name;
	char **files;
	int n_files;
	page *pages;
	int n;
	double bytes;
	int in_total;  /* counted in the --total row */
	double *t;     /* per round: gumbo, one thread, THREADS (seconds) */
	double c[2];   /* CPU seconds of the thread, gumbo and winnow, summed */
	double rss[2]; /* the command's peak RSS over 1,000 files, -j 1 and -jN */
} set;

static double now(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
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
		if (n == cap) {
			char *b = realloc(buf, cap *= 2);
			if (!b)
				free(buf);
			buf = b;
		}
	}
	fclose(f);
	if (!buf)
		return -1;
	p->data = buf;
	p->len = n;
	return 0;
}

/* The bare parse: what any gumbo-based extractor pays at least. */
static void parse_only(const page *p)
{
	GumboOptions o = kGumboDefaultOptions;
	o.max_errors = 0;
	GumboOutput *out = gumbo_parse_with_options(&o, p->data, p->len);
	gumbo_destroy_output(&o, out);
}

static void extract(const page *p)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	wn_result *r = NULL;
	wn_extract(p->data, p->len, &o, &r);
	wn_result_free(r);
}

/* Worker threads take the next page until none is left. */
typedef struct pool {
	const set *s;
	int next;
	pthread_mutex_t lock;
} pool;

static void *worker(void *arg)
{
	pool *pl = arg;
	for (;;) {
		pthread_mutex_lock(&pl->lock);
		int i = pl->next++;
		pthread_mutex_unlock(&pl->lock);
		if (i >= pl->s->n)
			return NULL;
		extract(&pl->s->pages[i]);
	}
}

/* Seconds of wall time for winnow over the set on `threads` threads. */
static double run_threads(const set *s, int threads)
{
	pool pl = {s, 0, PTHREAD_MUTEX_INITIALIZER};
	pthread_t t[64];
	if (threads > 64)
		threads = 64;
	double t0 = now(CLOCK_MONOTONIC);
	for (int k = 0; k < threads; k++)
		pthread_create(&t[k], NULL, worker, &pl);
	for (int k = 0; k < threads; k++)
		pthread_join(t[k], NULL);
	return now(CLOCK_MONOTONIC) - t0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Runs the command on files, output discarded: its peak RSS in MB, or -1. */
static double peak_rss(const char *winnow, int threads, char **files, int n)
{
	char jobs[16];
	snprintf(jobs, sizeof jobs, "%d", threads);
	char **argv = calloc((size_t)n + 6, sizeof *argv);
	if (!argv)
		return -1;
	int a = 0;
	argv[a++] = (char *)winnow;
	argv[a++] = "-j";
	argv[a++] = jobs;
	argv[a++] = "-f";
	argv[a++] = "text";
	for (int i = 0; i < n; i++)
		argv[a++] = files[i];
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr))
			_exit(127);
		execv(winnow, argv);
		_exit(127);
	}
	free(argv);
	int st;
	struct rusage ru;
	if (pid < 0 || wait4(pid, &st, 0, &ru) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) > 3)
		return -1;
	return (double)ru.ru_maxrss / 1024;
}

typedef struct result {
	double gumbo, w1, w2;  /* MB/s, medians */
	double ratio, speedup; /* medians of each round's */
	double cpu_ratio;      /* the ratio in CPU time of the thread */
	double batch1, batch2; /* peak RSS, MB */
} result;

/* The rounds of a set, their times kept in s->t. */
static void time_set(set *s, int rounds, int threads)
{
	s->t = calloc((size_t)rounds * 3, sizeof *s->t);
	for (int k = 0; k < rounds; k++) {
		/* interleaved, so that all three see the same machine */
		double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_THREAD_CPUTIME_ID);
		for (int i = 0; i < s->n; i++)
			parse_only(&s->pages[i]);
		double t1 = now(CLOCK_MONOTONIC), c1 = now(CLOCK_THREAD_CPUTIME_ID);
		for (int i = 0; i < s->n; i++)
			extract(&s->pages[i]);
		double t2 = now(CLOCK_MONOTONIC), c2 = now(CLOCK_THREAD_CPUTIME_ID);
		s->t[3 * k] = t1 - t0;
		s->t[3 * k + 1] = t2 - t1;
		s->t[3 * k + 2] = run_threads(s, threads);
		s->c[0] += c1 - c0;
		s->c[1] += c2 - c1;
	}
}

/* Medians of the rounds of sets[0..n) taken together. */
static void summarise(set *const *sets, int n, int rounds, result *r)
{
	double *v = calloc((size_t)rounds * 5, sizeof *v);
	double *g = v, *w1 = v + rounds, *w2 = w1 + rounds, *ratio = w2 + rounds;
	double *speedup = ratio + rounds, bytes = 0, c0 = 0, c1 = 0;
	for (int j = 0; j < n; j++) {
		bytes += sets[j]->bytes;
		c0 += sets[j]->c[0];
		c1 += sets[j]->c[1];
	}
	for (int k = 0; k < rounds; k++) {
		double t[3] = {0, 0, 0};
		for (int j = 0; j < n; j++)
			for (int x = 0; x < 3; x++)
				t[x] += sets[j]->t[3 * k + x];
		g[k] = bytes / 1e6 / t[0];
		w1[k] = bytes / 1e6 / t[1];
		w2[k] = bytes / 1e6 / t[2];
		ratio[k] = t[0] / t[1];
		speedup[k] = t[1] / t[2];
	}
	r->gumbo = median(g, rounds);
	r->w1 = median(w1, rounds);
	r->w2 = median(w2, rounds);
	r->ratio = median(ratio, rounds);
	r->speedup = median(speedup, rounds);
	r->cpu_ratio = c1 > 0 ? c0 / c1 : 0;
	r->batch1 = r->batch2 = -1;
	free(v);
}

/* The command's peak RSS over 1,000 of files[0..n), spread over them or
 * in turn.  Run while this process is small: a child's peak RSS counts
 * what it had before exec. */
static void batch_rss(const char *winnow, int threads, char **files, int n, double *rss)
{
	rss[0] = rss[1] = -1;
	char **batch = malloc(1000 * sizeof *batch);
	if (!winnow || !n || !batch) {
		free(batch);
		return;
	}
	for (int i = 0; i < 1000; i++)
		batch[i] = files[n >= 1000 ? (int)((long)i * n / 1000) : i % n];
	rss[0] = peak_rss(winnow, 1, batch, 1000);
	rss[1] = peak_rss(winnow, threads, batch, 1000);
	free(batch);
}

static void print_row(const char *name, int pages, double bytes, const result *r)
{
	printf("%-16s %5d %7.1f | %7.2f %7.2f %6.2fx %7.2fx | %7.2f %6.2fx |", name, pages,
	       bytes / 1e6, r->gumbo, r->w1, r->ratio, r->cpu_ratio, r->w2, r->speedup);
	for (int k = 0; k < 2; k++) {
		double mb = k ? r->batch2 : r->batch1;
		if (mb < 0)
			printf(" %8s", "-");
		else
			printf(" %8.1f", mb);
	}
	putchar('\n');
	fflush(stdout);
}

int main(int argc, char **argv)
{
	int rounds = 3, threads = 2, in_total = 0;
	const char *winnow = NULL, *total = NULL;
	set *sets = calloc((size_t)argc + 1, sizeof *sets);
	int n_sets = 0;
	for (int a = 1; a < argc; a++) {
		if (!strcmp(argv[a], "-r") && a + 1 < argc) {
			rounds = atoi(argv[++a]);
		} else if (!strcmp(argv[a], "-j") && a + 1 < argc) {
			threads = atoi(argv[++a]);
		} else if (!strcmp(argv[a], "--winnow") && a + 1 < argc) {
			winnow = argv[++a];
		} else if (!strcmp(argv[a], "--total") && a + 1 < argc) {
			total = argv[++a];
			in_total = 1;
		} else if (!strcmp(argv[a], "--set") && a + 1 < argc) {
			sets[n_sets].in_total = in_total;
			sets[n_sets++].name = argv[++a];
		} else {
			if (!n_sets)
				sets[n_sets++].name = "pages";
			set *s = &sets[n_sets - 1];
			if (!s->files)
				s->files = calloc((size_t)argc, sizeof *s->files);
			s->files[s->n_files++] = argv[a];
		}
	}
	if (rounds <= 0 || threads <= 0 || !n_sets) {
		fputs("usage: bench [-r ROUNDS] [-j THREADS] [--winnow PATH] "
		      "[--set NAME] FILE... [--total NAME] [--set NAME FILE...]...\n",
		      stderr);
		return 2;
	}
	char load_avg[64] = "?";
	FILE *la = fopen("/proc/loadavg", "r");
	if (la) {
		if (!fgets(load_avg, sizeof load_avg, la))
			strcpy(load_avg, "?");
		fclose(la);
	}
	load_avg[strcspn(load_avg, "\n")] = 0;
	printf("bench: medians of %d rounds; winnow's text output against a bare gumbo parse "
	       "(errors not kept, as winnow asks it); load %s\n",
	       rounds, load_avg);
	printf("%-16s %5s %7s | %-32s | %-15s | %s\n", "", "", "", "one thread, MB/s", "threads",
	       "peak RSS, MB");
	printf("%-16s %5s %7s | %7s %7s %7s %8s | %7s %7s | %8s %8s\n", "set", "pages", "MB",
	       "gumbo", "winnow", "ratio", "(cpu)", "winnow", "speedup", "1000 -j1", "1000 -jN");
	set **in = calloc((size_t)n_sets + 1, sizeof *in);
	int n_in = 0, pages_in = 0, files_in = 0;
	double bytes_in = 0, total_rss[2];
	for (int k = 0; k < n_sets; k++) {
		batch_rss(winnow, threads, sets[k].files, sets[k].n_files, sets[k].rss);
		if (sets[k].in_total)
			files_in += sets[k].n_files;
	}
	char **all = malloc(((size_t)files_in + 1) * sizeof *all);
	files_in = 0;
	for (int k = 0; k < n_sets; k++)
		for (int i = 0; sets[k].in_total && i < sets[k].n_files; i++)
			all[files_in++] = sets[k].files[i];
	batch_rss(total ? winnow : NULL, threads, all, files_in, total_rss);
	free(all);
	for (int k = 0; k < n_sets; k++) {
		set *s = &sets[k];
		s->pages = calloc((size_t)s->n_files + 1, sizeof *s->pages);
		for (int i = 0; i < s->n_files; i++)
			if (load(s->files[i], &s->pages[s->n]) == 0)
				s->bytes += (double)s->pages[s->n++].len;
		if (!s->n) {
			printf("%-16s no readable pages\n", s->name);
			continue;
		}
		result r;
		time_set(s, rounds, threads);
		summarise(&s, 1, rounds, &r);
		r.batch1 = s->rss[0];
		r.batch2 = s->rss[1];
		print_row(s->name, s->n, s->bytes, &r);
		for (int i = 0; i < s->n; i++)
			free(s->pages[i].data);
		free(s->pages);
		if (s->in_total) {
			in[n_in++] = s;
			pages_in += s->n;
			bytes_in += s->bytes;
		}
	}
	if (total && n_in) {
		result r;
		summarise(in, n_in, rounds, &r);
		r.batch1 = total_rss[0];
		r.batch2 = total_rss[1];
		print_row(total, pages_in, bytes_in, &r);
	}
	printf("ratio: winnow's throughput over gumbo's on one thread, in wall time and, "
	       "(cpu), in the thread's CPU time, which other load disturbs less; speedup: "
	       "%d threads (-jN) over one, in the same round; peak RSS: the command over "
	       "1,000 of the set's files, spread over them or in turn.\n",
	       threads);
	for (int k = 0; k < n_sets; k++) {
		free(sets[k].files);
		free(sets[k].t);
	}
	free(in);
	free(sets);
	return 0;
}
