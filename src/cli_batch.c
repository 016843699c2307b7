/*
 * cli_batch.c -- the winnow command over many pages: the FILEs named (or
 * standard input), folders walked with -r, -O to write one output file per
 * input, and -j worker threads whose results come out in the order of a
 * serial run.  Also the ordered pool, the -v summary and the byte buffer
 * that the JSON Lines and WARC modes share.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli.h"

static void oom(void)
{
	fputs("winnow: out of memory\n", stderr);
	abort();
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

/* ---- byte buffer ---- */

void cli_buf_put(cli_buf *b, const void *s, size_t n)
{
	if (b->cap - b->len <= n) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap - b->len <= n)
			cap *= 2;
		b->data = xrealloc(b->data, cap);
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = 0;
}

void cli_buf_puts(cli_buf *b, const char *s)
{
	cli_buf_put(b, s, strlen(s));
}

/* Appends a printf-style message. */
static void buf_printf(cli_buf *b, const char *fmt, const char *name, const char *what)
{
	char line[1024];
	int n = snprintf(line, sizeof line, fmt, name, what);
	if (n > 0)
		cli_buf_put(b, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

/* ---- jobs, summary ---- */

int cli_jobs(const cli_config *c)
{
	if (c->jobs > 0)
		return c->jobs;
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > CLI_MAX_JOBS ? CLI_MAX_JOBS : (int)n;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_stats_start(cli_stats *s)
{
	memset(s, 0, sizeof *s);
	s->start = now();
}

void cli_stats_print(const cli_stats *s, const char *unit)
{
	double t = now() - s->start;
	double rate = t > 0 ? (double)s->n / t : 0, mb = t > 0 ? s->bytes / 1e6 / t : 0;
	fprintf(stderr, "winnow: %zu %s, %zu ok, %zu no content, %zu failed", s->n, unit,
	        s->ok, s->nocontent, s->failed);
	if (s->skipped)
		fprintf(stderr, ", %zu skipped", s->skipped);
	fprintf(stderr, ", %.2f s, %.1f docs/s, %.1f MB/s\n", t, rate, mb);
}

/* ---- the ordered pool ---- */

struct cli_pool {
	cli_pool_fn work, emit;
	void *ctx;
	size_t nthreads, window;
	void **slot; /* ring of window items, indexed by seq % window */
	unsigned char *done;
	size_t head, next, tail; /* emitted < head <= next (taken) <= tail */
	int closing;
	pthread_mutex_t mu;
	pthread_cond_t work_cv, done_cv;
	pthread_t *tid;
};

static void *pool_worker(void *arg)
{
	cli_pool *p = arg;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->next == p->tail && !p->closing)
			pthread_cond_wait(&p->work_cv, &p->mu);
		if (p->next == p->tail)
			break;
		size_t i = p->next++ % p->window;
		void *item = p->slot[i];
		pthread_mutex_unlock(&p->mu);
		p->work(p->ctx, item);
		pthread_mutex_lock(&p->mu);
		p->done[i] = 1;
		pthread_cond_signal(&p->done_cv);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

cli_pool *cli_pool_new(int jobs, cli_pool_fn work, cli_pool_fn emit, void *ctx)
{
#ifdef __GLIBC__
	/* Buffers of 256 KiB and more (pages, lines, DOM arrays) straight
	 * from mmap and back on free: glibc would otherwise raise this
	 * threshold to the largest block freed, and the heap, fragmented by
	 * documents of all sizes, would keep growing over a long stream. */
	mallopt(M_MMAP_THRESHOLD, 256 << 10);
#endif
	cli_pool *p = xmalloc(sizeof *p);
	memset(p, 0, sizeof *p);
	p->work = work;
	p->emit = emit;
	p->ctx = ctx;
	if (jobs < 2)
		return p;
	p->window = 4 * (size_t)jobs;
	p->slot = xmalloc(p->window * sizeof *p->slot);
	p->done = xmalloc(p->window);
	p->tid = xmalloc((size_t)jobs * sizeof *p->tid);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work_cv, NULL);
	pthread_cond_init(&p->done_cv, NULL);
	for (int t = 0; t < jobs; t++) {
		if (pthread_create(&p->tid[t], NULL, pool_worker, p))
			break; /* the threads started do all the work */
		p->nthreads++;
	}
	return p;
}

/* Emits the finished items at the head, with p->mu held, waiting for the
 * head to finish until fewer than `room` items are in flight. */
static void pool_emit(cli_pool *p, size_t room)
{
	while (p->head < p->tail) {
		size_t i = p->head % p->window;
		if (!p->done[i]) {
			if (p->tail - p->head < room)
				return;
			pthread_cond_wait(&p->done_cv, &p->mu);
			continue;
		}
		void *item = p->slot[i];
		p->done[i] = 0;
		p->head++;
		pthread_mutex_unlock(&p->mu);
		p->emit(p->ctx, item);
		pthread_mutex_lock(&p->mu);
	}
}

void cli_pool_submit(cli_pool *p, void *item)
{
	if (!p->nthreads) {
		p->work(p->ctx, item);
		p->emit(p->ctx, item);
		return;
	}
	pthread_mutex_lock(&p->mu);
	pool_emit(p, p->window);
	size_t i = p->tail++ % p->window;
	p->slot[i] = item;
	p->done[i] = 0;
	pthread_cond_signal(&p->work_cv);
	pthread_mutex_unlock(&p->mu);
}

void cli_pool_drain(cli_pool *p)
{
	if (!p->nthreads)
		return;
	pthread_mutex_lock(&p->mu);
	pool_emit(p, 1);
	pthread_mutex_unlock(&p->mu);
}

void cli_pool_free(cli_pool *p)
{
	if (!p)
		return;
	if (p->window) {
		cli_pool_drain(p);
		pthread_mutex_lock(&p->mu);
		p->closing = 1;
		pthread_cond_broadcast(&p->work_cv);
		pthread_mutex_unlock(&p->mu);
		for (size_t t = 0; t < p->nthreads; t++)
			pthread_join(p->tid[t], NULL);
		pthread_mutex_destroy(&p->mu);
		pthread_cond_destroy(&p->work_cv);
		pthread_cond_destroy(&p->done_cv);
	}
	free(p->slot);
	free(p->done);
	free(p->tid);
	free(p);
}

/* ---- batch ---- */

typedef struct item {
	char *path;        /* what to read; "-" for standard input */
	char *name;        /* how it is named in messages and headers */
	char *out;         /* -O: the output file */
	char *error;       /* a reason to fail without reading */
	cli_buf text, msg; /* the output (without -O), the stderr lines */
	size_t bytes;
	int rc;
} item;

typedef struct batch {
	const cli_config *c;
	cli_pool *pool;
	cli_stats stats;
	int header, first, worst;
	const char *ext;
	/* output names taken, to refuse a second input with the same one */
	char **names;
	size_t nnames, capnames;
	dev_t out_dev;
	ino_t out_ino;
	int has_out;
} batch;

static const char *format_ext(wn_format f)
{
	switch (f) {
	case WN_FORMAT_TEXT: return ".txt";
	case WN_FORMAT_MARKDOWN: return ".md";
	case WN_FORMAT_JSON: return ".json";
	case WN_FORMAT_EXPLAIN: return ".explain.txt";
	case WN_FORMAT_EXPLAIN_TSV: return ".explain.tsv";
	case WN_FORMAT_ANNOTATE: return ".annotated.html";
	case WN_FORMAT_HTML: return ".html";
	case WN_FORMAT_COUNT: break;
	}
	return ".out";
}

static int is_page_name(const char *s)
{
	size_t n = strlen(s);
	return (n > 5 && !strcasecmp(s + n - 5, ".html")) ||
	       (n > 4 && !strcasecmp(s + n - 4, ".htm"));
}

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

/* Adds name to the set of output names: 0 if it is new, 1 if taken. */
static int take_name(batch *b, const char *name)
{
	if (2 * (b->nnames + 1) > b->capnames) {
		size_t cap = b->capnames ? 2 * b->capnames : 1024;
		char **v = xmalloc(cap * sizeof *v);
		memset(v, 0, cap * sizeof *v);
		for (size_t i = 0; i < b->capnames; i++) {
			if (!b->names[i])
				continue;
			size_t k = hash(b->names[i]) & (cap - 1);
			while (v[k])
				k = (k + 1) & (cap - 1);
			v[k] = b->names[i];
		}
		free(b->names);
		b->names = v;
		b->capnames = cap;
	}
	size_t k = hash(name) & (b->capnames - 1);
	for (; b->names[k]; k = (k + 1) & (b->capnames - 1))
		if (!strcmp(b->names[k], name))
			return 1;
	b->names[k] = xstrdup(name);
	b->nnames++;
	return 0;
}

/* DIR/REL with REL's .html or .htm replaced by the format's extension. */
static char *out_name(const batch *b, const char *rel)
{
	size_t n = strlen(rel);
	if (is_page_name(rel))
		n -= rel[n - 1] == 'l' || rel[n - 1] == 'L' ? 5 : 4;
	const char *dir = b->c->output_dir;
	size_t dn = strlen(dir);
	char *s = xmalloc(dn + n + strlen(b->ext) + 2);
	sprintf(s, "%s%s%.*s%s", dir, dn && dir[dn - 1] == '/' ? "" : "/", (int)n, rel,
	        b->ext);
	return s;
}

static void submit(batch *b, const char *path, const char *rel, const char *error)
{
	item *it = xmalloc(sizeof *it);
	memset(it, 0, sizeof *it);
	it->path = xstrdup(path);
	it->name = xstrdup(strcmp(path, "-") ? path : "(standard input)");
	if (error) {
		it->error = xstrdup(error);
	} else if (b->c->output_dir) {
		it->out = out_name(b, rel);
		if (take_name(b, it->out)) {
			size_t n = strlen(it->out) + 128;
			it->error = xmalloc(n);
			snprintf(it->error, n,
			         "%s is the output of an earlier input too "
			         "(-r on their folder keeps the folder structure)",
			         it->out);
		}
	}
	cli_pool_submit(b->pool, it);
}

/* Creates the folders of path up to its last '/'; 0 or an errno value. */
static int make_parents(const char *path)
{
	char *s = xstrdup(path);
	int err = 0;
	for (char *p = strchr(s + 1, '/'); p && !err; p = strchr(p + 1, '/')) {
		*p = 0;
		if (mkdir(s, 0777) && errno != EEXIST)
			err = errno;
		*p = '/';
	}
	free(s);
	return err;
}

static int write_file(const char *path, const char *data, size_t len)
{
	size_t n = strlen(path) + 5;
	char *tmp = xmalloc(n);
	snprintf(tmp, n, "%s.tmp", path);
	FILE *f = fopen(tmp, "wb");
	int err = 0;
	if (!f && errno == ENOENT && !(err = make_parents(path)))
		f = fopen(tmp, "wb");
	if (!f) {
		err = err ? err : errno;
	} else {
		if (len && fwrite(data, 1, len, f) != len)
			err = errno ? errno : EIO;
		if (fclose(f) && !err)
			err = errno ? errno : EIO;
		if (!err && rename(tmp, path))
			err = errno;
		if (err)
			remove(tmp);
	}
	free(tmp);
	return err;
}

static void say(item *it, const char *what)
{
	buf_printf(&it->msg, "winnow: %s: %s\n", it->name, what);
}

static void say_errno(item *it, const char *fmt, int err)
{
	char e[256], line[512];
	if (strerror_r(err, e, sizeof e))
		snprintf(e, sizeof e, "error %d", err);
	snprintf(line, sizeof line, fmt, e);
	say(it, line);
}

/* Reads and extracts one page; runs in any thread. */
static void work(void *ctx, void *arg)
{
	const batch *b = ctx;
	const cli_config *c = b->c;
	item *it = arg;
	it->rc = EXIT_INPUT;
	if (it->error) {
		say(it, it->error);
		return;
	}
	int std = !strcmp(it->path, "-");
	FILE *f = std ? stdin : fopen(it->path, "rb");
	char *data = NULL;
	size_t len = 0;
	int err = f ? cli_read_all(f, c->opt.max_bytes, &data, &len) : errno;
	if (f && !std)
		fclose(f);
	if (err == EFBIG) {
		char why[96];
		snprintf(why, sizeof why, "larger than --max-bytes (%zu bytes)",
		         c->opt.max_bytes);
		say(it, why);
		return;
	}
	if (err) {
		say_errno(it,
		          err == EISDIR && !c->recursive
		              ? "%s (-r reads the pages in a folder)"
		              : "%s",
		          err);
		return;
	}
	it->bytes = len;
	wn_result *r = NULL;
	wn_status st = wn_extract(data, len, &c->opt, &r);
	free(data);
	if (st != WN_OK && st != WN_NO_CONTENT) {
		say(it, wn_status_string(st));
		return;
	}
	size_t n;
	const char *text = wn_result_output(r, &n);
	if (it->out) {
		err = write_file(it->out, text, n);
		if (err) {
			char fmt[512];
			snprintf(fmt, sizeof fmt, "cannot write %.400s: %%s", it->out);
			say_errno(it, fmt, err);
			wn_result_free(r);
			return;
		}
	} else {
		cli_buf_put(&it->text, text, n);
	}
	if (c->verbose) {
		for (size_t i = 0; i < wn_result_message_count(r); i++)
			say(it, wn_result_message(r, i));
		if (st == WN_NO_CONTENT)
			say(it, "no content found");
	}
	wn_result_free(r);
	it->rc = st == WN_OK ? EXIT_CONTENT : EXIT_NOCONTENT;
}

/* Writes one page's results, in the serial order; main thread. */
static void emit(void *ctx, void *arg)
{
	batch *b = ctx;
	item *it = arg;
	if (it->rc != EXIT_INPUT && !it->out) {
		if (b->header) {
			printf("%s==> %s <==\n", b->first ? "" : "\n", it->name);
			b->first = 0;
		}
		fwrite(it->text.data ? it->text.data : "", 1, it->text.len, stdout);
	}
	if (it->msg.len) {
		fflush(stdout);
		fwrite(it->msg.data, 1, it->msg.len, stderr);
	}
	b->stats.n++;
	b->stats.bytes += (double)it->bytes;
	if (it->rc == EXIT_CONTENT)
		b->stats.ok++;
	else if (it->rc == EXIT_NOCONTENT)
		b->stats.nocontent++;
	else
		b->stats.failed++;
	if (it->rc == EXIT_INPUT ||
	    (it->rc == EXIT_NOCONTENT && b->worst == EXIT_CONTENT))
		b->worst = it->rc;
	free(it->path);
	free(it->name);
	free(it->out);
	free(it->error);
	free(it->text.data);
	free(it->msg.data);
	free(it);
}


/* Submits the pages (*.html, *.htm) under root in sorted depth-first order,
 * walking with an explicit stack.  Hidden entries are passed over, and so
 * are links to folders (no loops) and the -O folder. */
static void walk(batch *b, const char *root)
{
	size_t sp = 0, cap = 64, rootlen = strlen(root);
	cli_entry *stack = xmalloc(cap * sizeof *stack);
	stack[sp++] = (cli_entry){xstrdup(root), 1};
	while (sp) {
		cli_entry e = stack[--sp];
		if (!e.dir) {
			const char *rel = e.path + rootlen;
			while (*rel == '/')
				rel++;
			submit(b, e.path, rel, NULL);
			free(e.path);
			continue;
		}
		DIR *dir = opendir(e.path);
		if (!dir) {
			char why[300];
			snprintf(why, sizeof why, "cannot read the folder: %s",
			         strerror(errno));
			submit(b, e.path, NULL, why);
			free(e.path);
			continue;
		}
		size_t first = sp;
		const struct dirent *de;
		while ((de = readdir(dir))) {
			if (de->d_name[0] == '.')
				continue;
			size_t n = strlen(e.path);
			char *sub = xmalloc(n + strlen(de->d_name) + 2);
			sprintf(sub, "%s%s%s", e.path,
			        n && e.path[n - 1] == '/' ? "" : "/", de->d_name);
			struct stat st;
			int ok = !lstat(sub, &st), isdir = ok && S_ISDIR(st.st_mode);
			if (ok && S_ISLNK(st.st_mode))
				ok = !stat(sub, &st) && S_ISREG(st.st_mode);
			if (isdir && b->has_out && st.st_dev == b->out_dev &&
			    st.st_ino == b->out_ino)
				isdir = 0, ok = 0;
			if (!isdir &&
			    !(ok && S_ISREG(st.st_mode) && is_page_name(de->d_name))) {
				free(sub);
				continue;
			}
			if (sp == cap)
				stack = xrealloc(stack, (cap *= 2) * sizeof *stack);
			stack[sp++] = (cli_entry){sub, isdir};
		}
		closedir(dir);
		free(e.path);
		cli_walk_sort(stack + first, sp - first);
	}
	free(stack);
}

int cli_batch_main(const cli_config *c, int nargs, char **args)
{
	static char *const std_in[] = {"-", NULL};
	batch b = {.c = c, .first = 1, .worst = EXIT_CONTENT};
	b.ext = format_ext(c->opt.format);
	if (nargs == 0) {
		args = (char **)std_in;
		nargs = 1;
	}
	if (c->output_dir) {
		struct stat st;
		int err = make_parents(c->output_dir);
		if (!err && mkdir(c->output_dir, 0777) && errno != EEXIST)
			err = errno;
		if (!err && stat(c->output_dir, &st))
			err = errno;
		if (!err && !S_ISDIR(st.st_mode))
			err = ENOTDIR;
		if (err) {
			fprintf(stderr, "winnow: %s: %s\n", c->output_dir, strerror(err));
			return EXIT_INPUT;
		}
		b.out_dev = st.st_dev;
		b.out_ino = st.st_ino;
		b.has_out = 1;
	}
	int jobs = cli_jobs(c);
	if (!c->recursive && jobs > nargs)
		jobs = nargs;
	b.header = !c->output_dir && (nargs > 1 || c->recursive);
	cli_stats_start(&b.stats);
	b.pool = cli_pool_new(jobs, work, emit, &b);
	for (int i = 0; i < nargs; i++) {
		struct stat st;
		const char *base = strrchr(args[i], '/');
		if (c->recursive && !stat(args[i], &st) && S_ISDIR(st.st_mode))
			walk(&b, args[i]);
		else
			submit(&b, args[i], base ? base + 1 : args[i], NULL);
	}
	cli_pool_free(b.pool);
	if (c->verbose && (c->output_dir || c->recursive || c->jobs))
		cli_stats_print(&b.stats, b.stats.n == 1 ? "file" : "files");
	for (size_t i = 0; i < b.capnames; i++)
		free(b.names[i]);
	free(b.names);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "winnow: write error: %s\n", strerror(errno));
		return EXIT_INPUT;
	}
	return b.worst;
}
