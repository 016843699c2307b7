/*
 * batch.c -- the winnow command over pages: the FILEs named (or standard
 * input), folders walked with -r, -O to write one output file per input,
 * and -j worker threads whose results come out in the order of a serial
 * run.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "modes.h"
#include "pool.h"
#include "support.h"
#include "walk.h"

typedef struct item {
	char *path;        /* what to read; "-" for standard input */
	int passed_over;   /* -r -v: a file that is not a page, named */
	char *name;        /* how it is named in messages and headers */
	char *out;         /* -O: the output file */
	char *error;       /* a reason to fail without reading */
	cli_buf text, msg; /* the output (without -O), the stderr lines */
	size_t bytes;
	int rc;
} item;

struct file_id {
	dev_t dev;
	ino_t ino;
};

typedef struct batch {
	const cli_config *c;
	cli_pool *pool;
	cli_stats stats;
	int header, first, worst;
	const char *ext;
	/* output names taken, to refuse a second input with the same one */
	char **names;
	size_t nnames, capnames;
	/* -O: the files of every input, sorted, found before any is read, so
	 * that no output replaces an input not yet read (a.htm gives a.html) */
	struct file_id *inputs;
	size_t ninputs, capinputs;
	size_t passed_over; /* -r: files that are not pages */
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

/* The length of the page extension s ends with, or 0. */
static size_t page_ext(const char *s)
{
	static const char *const exts[] = {".xhtml", ".shtml", ".html", ".htm"};
	size_t n = strlen(s);
	for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
		size_t k = strlen(exts[i]);
		if (n > k && !strcasecmp(s + n - k, exts[i]))
			return k;
	}
	return 0;
}

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a */
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

/* Adds name to the set of output names: 0 if it is new, 1 if taken. */
static int take_name(batch *b, const char *name)
{
	if (2 * (b->nnames + 1) > b->capnames) {
		size_t cap = b->capnames ? 2 * b->capnames : 1024;
		char **v = cli_xcalloc(cap, sizeof *v);
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
	b->names[k] = cli_xstrdup(name);
	b->nnames++;
	return 0;
}

/* DIR/REL with REL's page extension replaced by the format's. */
static char *out_name(const batch *b, const char *rel)
{
	size_t n = strlen(rel) - page_ext(rel);
	const char *dir = b->c->output_dir;
	size_t dn = strlen(dir);
	char *s = cli_xmalloc(dn + n + strlen(b->ext) + 2);
	sprintf(s, "%s%s%.*s%s", dir, dn && dir[dn - 1] == '/' ? "" : "/", (int)n, rel, b->ext);
	return s;
}

static int by_id(const void *x, const void *y)
{
	const struct file_id *a = x, *b = y;
	if (a->dev != b->dev)
		return a->dev < b->dev ? -1 : 1;
	return a->ino < b->ino ? -1 : a->ino > b->ino;
}

static void add_input(batch *b, const struct stat *st)
{
	b->inputs = cli_grow(b->inputs, &b->capinputs, b->ninputs + 1, sizeof *b->inputs);
	b->inputs[b->ninputs++] = (struct file_id){st->st_dev, st->st_ino};
}

/* Why the output out of the input path must not be written: NULL, or the
 * reason (to free), when out is already that file or another input.  An
 * input that cannot be read is left to say so. */
static char *overwrites(const batch *b, const char *path, const char *out)
{
	struct stat in, o;
	if (stat(path, &in) || stat(out, &o))
		return NULL;
	if (in.st_dev == o.st_dev && in.st_ino == o.st_ino)
		return cli_xstrdup("the output would overwrite the input");
	struct file_id id = {o.st_dev, o.st_ino};
	if (!bsearch(&id, b->inputs, b->ninputs, sizeof id, by_id))
		return NULL;
	cli_buf e = {0};
	cli_buf_printf(&e, "the output would overwrite the input %s", out);
	return e.data;
}

static void submit(batch *b, const char *path, const char *rel, const char *error)
{
	item *it = cli_xcalloc(1, sizeof *it);
	it->path = cli_xstrdup(path);
	it->name = cli_xstrdup(strcmp(path, "-") ? path : "(standard input)");
	if (error) {
		it->error = cli_xstrdup(error);
	} else if (b->c->output_dir) {
		it->out = out_name(b, rel);
		/* refused before its name is taken: it writes nothing */
		it->error = overwrites(b, path, it->out);
		if (!it->error && take_name(b, it->out)) {
			cli_buf e = {0};
			cli_buf_printf(&e,
			               "%s is the output of an earlier input too "
			               "(-r on their folder keeps the folder structure)",
			               it->out);
			it->error = e.data;
		}
	}
	cli_pool_submit(b->pool, it);
}

static void say(item *it, const char *what)
{
	cli_buf_printf(&it->msg, "winnow: %s: %s\n", it->name, what);
}

static void say_errno(item *it, const char *what, int err, const char *hint)
{
	char e[256];
	cli_buf_printf(&it->msg, "winnow: %s: %s%s%s\n", it->name, what ? what : "",
	               cli_strerror(err, e, sizeof e), hint ? hint : "");
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
	if (it->passed_over) {
		say(it, "passed over: not an HTML page");
		it->rc = EXIT_CONTENT;
		return;
	}
	char *data = NULL;
	size_t len = 0;
	int err = cli_read_file(it->path, c->opt.max_bytes, &data, &len);
	if (err == EFBIG) {
		cli_buf_printf(&it->msg, "winnow: %s: larger than --max-bytes (%zu bytes)\n",
		               it->name, c->opt.max_bytes);
		return;
	}
	if (err) {
		say_errno(it, NULL, err,
		          err == EISDIR && !c->recursive ? " (-r reads the pages in a folder)" : NULL);
		return;
	}
	it->bytes = len;
	wn_result *r = NULL;
	wn_status st = wn_extract(data, len, &c->opt, &r);
	int gz = len >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b;
	free(data);
	if (st == WN_ENOTHTML && gz) {
		say(it, "not HTML: binary data (gzip-compressed: gunzip it first)");
		return;
	}
	if (st != WN_OK && st != WN_NO_CONTENT) {
		say(it, wn_status_string(st));
		return;
	}
	size_t n;
	const char *text = wn_result_output(r, &n);
	if (it->out) {
		err = cli_write_file(it->out, text, n);
		if (err) {
			cli_buf what = {0};
			cli_buf_printf(&what, "cannot write %s: ", it->out);
			say_errno(it, what.data, err, NULL);
			free(what.data);
			wn_result_free(r);
			return;
		}
	} else {
		cli_buf_put(&it->text, text, n);
	}
	if (c->verbose) {
		cli_buf_printf(&it->msg, "winnow: %s: kind: %s (%s %.2f)\n", it->name,
		               wn_kind_name(wn_result_kind(r)),
		               c->opt.kind ? "forced," : "confidence", wn_result_kind_confidence(r));
		for (size_t i = 0; i < wn_result_message_count(r); i++)
			say(it, wn_result_message(r, i));
	}
	/* Said always: a cut, and an empty result (exit 1). */
	if (wn_result_truncated(r))
		cli_buf_printf(&it->msg, "winnow: %s: output cut at %zu bytes (--max-output)\n",
		               it->name,
		               c->opt.max_output ? c->opt.max_output : WN_DEFAULT_MAX_OUTPUT);
	if (st == WN_NO_CONTENT)
		say(it, "no content found");
	wn_result_free(r);
	it->rc = st == WN_OK ? EXIT_CONTENT : EXIT_NOCONTENT;
}

/* Writes one page's results, in the serial order; main thread. */
static void emit(void *ctx, void *arg)
{
	batch *b = ctx;
	item *it = arg;
	if (it->rc != EXIT_INPUT && !it->out && !it->passed_over) {
		if (b->header) {
			cli_buf h = {0};
			cli_buf_printf(&h, "%s==> %s <==\n", b->first ? "" : "\n", it->name);
			cli_out_write(stdout, h.data, h.len);
			free(h.data);
			b->first = 0;
		}
		cli_out_write(stdout, it->text.data, it->text.len);
	}
	if (it->msg.len) {
		cli_out_flush();
		fwrite(it->msg.data, 1, it->msg.len, stderr);
	}
	if (it->passed_over)
		b->stats.skipped++;
	else
		cli_stats_add(&b->stats, it->rc, it->bytes);
	if (it->rc == EXIT_INPUT || (it->rc == EXIT_NOCONTENT && b->worst == EXIT_CONTENT))
		b->worst = it->rc;
	free(it->path);
	free(it->name);
	free(it->out);
	free(it->error);
	free(it->text.data);
	free(it->msg.data);
	free(it);
}

/* Whether the file's first bytes are an HTML page's: the WHATWG MIME
 * Sniffing Standard's patterns for text/html (section 7.1, "identifying a
 * resource with an unknown MIME type"): after white space, one of these
 * tags, case-insensitive, followed by a space or '>' (but for "<!--"). */
static int sniffs_html(const char *path)
{
	static const char *const tags[] = {
		"<!DOCTYPE HTML", "<HTML", "<HEAD",  "<SCRIPT", "<IFRAME", "<H1",   "<DIV", "<FONT",
		"<TABLE",         "<A",    "<STYLE", "<TITLE",  "<B",      "<BODY", "<BR",  "<P",
		"<!--",
	};
	cli_input in;
	if (cli_input_open(&in, path))
		return 0;
	size_t n = cli_input_peek(&in), i = 0;
	cli_input_close(&in);
	const unsigned char *s = in.head;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		i = 3; /* a UTF-8 byte order mark */
	while (i < n && strchr("\t\n\f\r ", s[i]) && s[i])
		i++;
	for (size_t t = 0; t < sizeof tags / sizeof *tags; t++) {
		size_t k = strlen(tags[t]);
		if (n - i > k && !strncasecmp((const char *)s + i, tags[t], k) &&
		    (s[i + k] == ' ' || s[i + k] == '>' || !strcmp(tags[t], "<!--")))
			return 1;
	}
	return 0;
}

/* -r: the pages found in a folder: by their name (.html, .htm, .xhtml,
 * .shtml), or, without an extension (as `wget -m` saves pages), by their
 * first bytes.  The others are counted, and named with -v. */
static void walk_file(void *ctx, const char *path, const char *rel, const char *name)
{
	batch *b = ctx;
	if (page_ext(name) || (!strchr(name, '.') && sniffs_html(path))) {
		submit(b, path, rel, NULL);
		return;
	}
	b->passed_over++;
	if (b->c->verbose) {
		item *it = cli_xcalloc(1, sizeof *it);
		it->path = cli_xstrdup(path);
		it->name = cli_xstrdup(path);
		it->passed_over = 1;
		cli_pool_submit(b->pool, it);
	}
}

/* -r -O, before the walk that reads: the pages walk_file would submit that
 * can be named as an output (any with a page extension; an extensionless
 * one only by a link: outputs have an extension), so not sniffed. */
static void find_input(void *ctx, const char *path, const char *rel, const char *name)
{
	struct stat st;
	(void)rel;
	if ((page_ext(name) || !strchr(name, '.')) && !stat(path, &st))
		add_input(ctx, &st);
}

static void find_error(void *ctx, const char *path, int err)
{
	(void)ctx, (void)path, (void)err;
}

static void walk_error(void *ctx, const char *path, int err)
{
	char e[256], why[300];
	snprintf(why, sizeof why, "cannot read the folder: %s", cli_strerror(err, e, sizeof e));
	submit(ctx, path, NULL, why);
}

int cli_batch_main(const cli_config *c, int nargs, char **args)
{
	static char *const std_in[] = {"-", NULL};
	batch b = {.c = c, .first = 1, .worst = EXIT_CONTENT};
	cli_walk w = {.follow_links = 0, .file = walk_file, .error = walk_error, .ctx = &b};
	b.ext = format_ext(c->opt.format);
	if (nargs == 0) {
		args = (char **)std_in;
		nargs = 1;
	}
	if (c->output_dir) {
		struct stat st;
		int err = cli_make_parents(c->output_dir);
		if (!err && mkdir(c->output_dir, 0777) && errno != EEXIST)
			err = errno;
		if (!err && stat(c->output_dir, &st))
			err = errno;
		if (!err && !S_ISDIR(st.st_mode))
			err = ENOTDIR;
		if (err) {
			char e[256];
			fprintf(stderr, "winnow: -O %s: %s\n", c->output_dir,
			        cli_strerror(err, e, sizeof e));
			return EXIT_INPUT;
		}
		w.skip = 1;
		w.skip_dev = st.st_dev;
		w.skip_ino = st.st_ino;
		cli_walk find = w;
		find.file = find_input;
		find.error = find_error;
		for (int i = 0; i < nargs; i++) {
			if (!strcmp(args[i], "-") || stat(args[i], &st))
				continue;
			if (c->recursive && S_ISDIR(st.st_mode))
				cli_walk_tree(args[i], &find);
			else
				add_input(&b, &st);
		}
		if (b.ninputs)
			qsort(b.inputs, b.ninputs, sizeof *b.inputs, by_id);
	}
	int jobs = cli_pool_jobs(c->jobs);
	if (!c->recursive && jobs > nargs)
		jobs = nargs;
	b.header = !c->output_dir && (nargs > 1 || c->recursive);
	cli_stats_start(&b.stats);
	b.pool = cli_pool_new(jobs, work, emit, &b);
	for (int i = 0; i < nargs; i++) {
		struct stat st;
		const char *base = strrchr(args[i], '/');
		if (c->recursive && !stat(args[i], &st) && S_ISDIR(st.st_mode))
			cli_walk_tree(args[i], &w);
		else
			submit(&b, args[i], base ? base + 1 : args[i], NULL);
	}
	cli_pool_free(b.pool);
	if (b.passed_over)
		fprintf(stderr,
		        "winnow: -r: %zu file%s passed over, not HTML by name or "
		        "content (-v names them)\n",
		        b.passed_over, b.passed_over == 1 ? "" : "s");
	if (c->verbose && (c->output_dir || c->recursive || c->jobs))
		cli_stats_print(&b.stats, b.stats.n == 1 ? "file" : "files");
	for (size_t i = 0; i < b.capnames; i++)
		free(b.names[i]);
	free(b.names);
	free(b.inputs);
	if (cli_out_close("winnow"))
		return EXIT_INPUT;
	return b.worst;
}
