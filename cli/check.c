/*
 * check.c -- `winnow check`: saved pages against the output they are
 * expected to give (NAME.expected.txt, .md, .json, .html beside NAME.html, each
 * in its format, with the flags in NAME.options), a unified diff for each
 * difference, and --update to accept the current output.  Pages can be
 * checked in -j threads; reports come out in the serial order.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diff.h"
#include "modes.h"
#include "pool.h"
#include "support.h"
#include "walk.h"

enum { DIFF_LINES = 40, N_FORMATS = 4 };

static const struct format {
	const char *ext, *name, *flag;
	wn_format format;
} FORMATS[N_FORMATS] = {
	{".expected.txt", "text", "-f text", WN_FORMAT_TEXT},
	{".expected.md", "markdown", "-f markdown", WN_FORMAT_MARKDOWN},
	{".expected.json", "json", "-f json", WN_FORMAT_JSON},
	{".expected.html", "html", "-f html", WN_FORMAT_HTML},
};

static const char USAGE[] =
	"Usage: winnow check [--update] [--allow-empty] [--full-diff] [-j N] [-v] PATH...\n"
	"Check saved pages against the output they are expected to give.  A PATH\n"
	"is a page (NAME.html) or a folder, searched recursively for pages with\n"
	"expected files beside them: NAME.expected.txt (checked as text),\n"
	"NAME.expected.md (markdown), NAME.expected.json (json),\n"
	"NAME.expected.html (html).  NAME.options,\n"
	"when present, holds the flags to extract NAME.html with, as on the\n"
	"winnow command line (e.g. --links -u https://example.com/a); the format\n"
	"comes from the expected file's name.\n"
	"\n"
	"Options:\n"
	"      --update      write the current output as the expected files (a page\n"
	"                    that has none gets NAME.expected.txt, in a folder too)\n"
	"      --allow-empty with --update, record an empty extraction (refused\n"
	"                    without it: an empty expected file passes forever)\n"
	"      --full-diff   show whole diffs (default: the first 40 lines)\n"
	"  -j, --jobs N      check N pages at a time (default: one per CPU)\n"
	"  -v, --verbose     show each page's options and the notes winnow made\n"
	"  -h, --help        show this help and exit\n"
	"\n"
	"Prints PASS or FAIL for each page, a diff from the expected to the actual\n"
	"output for each failure, and last 'N passed, N failed'.\n"
	"Exit status: 0 all pages passed; 1 some page failed; 2 usage error;\n"
	"3 the report could not be written.\n";

typedef struct page {
	char *path;         /* the page */
	char *base;         /* NAME: the path without ".html" */
	char *shown;        /* the name it is reported by */
	int named;          /* given on the command line, not found in a folder */
	int has[N_FORMATS]; /* which expected files there are (or will be) */
	cli_config cfg;     /* from NAME.options */
	char *flags;        /* NAME.options as read, for the diff header */
	char *optbuf;       /* the strings cfg points into */
	char **optv;
	char *error;  /* a reason to fail without extracting */
	char *report; /* what to print for it */
	size_t report_len;
	int failed, written;
} page;

typedef struct check {
	int update, allow_empty, full_diff, verbose, jobs;
	page *pages;
	size_t n, cap;
	size_t passed, failed, written; /* counted as the reports are printed */
} check;

static int ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), k = strlen(end);
	return n >= k && !strcmp(s + n - k, end);
}

static int is_file(const char *path)
{
	struct stat st;
	return !stat(path, &st) && S_ISREG(st.st_mode);
}

static int has_expected(const char *base)
{
	for (int f = 0; f < N_FORMATS; f++) {
		char *e = cli_concat(base, FORMATS[f].ext);
		int yes = is_file(e);
		free(e);
		if (yes)
			return 1;
	}
	return 0;
}

static page *add_page(check *ck, const char *path, const char *base, const char *shown, int named)
{
	ck->pages = cli_grow(ck->pages, &ck->cap, ck->n + 1, sizeof *ck->pages);
	page *p = &ck->pages[ck->n++];
	memset(p, 0, sizeof *p);
	p->path = cli_xstrdup(path);
	p->base = cli_xstrdup(base);
	p->shown = cli_xstrdup(shown);
	p->named = named;
	return p;
}

static void fail_page(check *ck, const char *shown, const char *why)
{
	page *p = add_page(ck, shown, shown, shown, 1);
	p->error = cli_xstrdup(why);
}

/* A file named on the command line: the page, or one of its expected or
 * options files (so that a glob of all of a folder's files works). */
static void add_named(check *ck, const char *arg)
{
	static const char *const suffixes[] = {
		".expected.txt", ".expected.md", ".expected.json", ".expected.html",
		".options",      ".html",        ".htm",
	};
	char *base = cli_xstrdup(arg), *path;
	size_t k = 0, n = sizeof suffixes / sizeof *suffixes;
	while (k < n && !ends_with(arg, suffixes[k]))
		k++;
	if (k < n)
		base[strlen(arg) - strlen(suffixes[k])] = 0;
	path = k < n - 2 ? cli_concat(base, ".html") : cli_xstrdup(arg);
	add_page(ck, path, base, path, 1);
	free(path);
	free(base);
}


/* A folder's walk: the pages in it, and whether any was found. */
typedef struct folder {
	check *ck;
	size_t found;
} folder;

static void folder_file(void *ctx, const char *path, const char *rel, const char *name)
{
	folder *fo = ctx;
	(void)name;
	/* an expected HTML output is not a page */
	if (!ends_with(path, ".html") || ends_with(path, ".expected.html"))
		return;
	char *base = cli_xstrdup(path);
	base[strlen(base) - 5] = 0;
	/* --update: every page, so that a folder of new pages gets its
	 * expected files. */
	if (fo->ck->update || has_expected(base)) {
		add_page(fo->ck, path, base, rel, 0);
		fo->found++;
	}
	free(base);
}

static void folder_error(void *ctx, const char *path, int err)
{
	folder *fo = ctx;
	char e[256], why[300];
	snprintf(why, sizeof why, "cannot read the folder: %s", cli_strerror(err, e, sizeof e));
	fail_page(fo->ck, path, why);
}

/* Every NAME.html under root that has an expected file, in sorted order;
 * links to folders are followed, each folder read once. */
static void add_folder(check *ck, const char *root)
{
	folder fo = {ck, 0};
	cli_walk w = {.follow_links = 1, .file = folder_file, .error = folder_error, .ctx = &fo};
	cli_walk_tree(root, &w);
	if (!fo.found)
		fail_page(ck, root,
		          ck->update ? "no pages (NAME.html) in it"
		                     : "no pages with expected files in it "
		                       "(NAME.html beside NAME.expected.txt, "
		                       ".md or .json)");
}

typedef struct key {
	const char *path;
	size_t index;
} key;

static int by_key(const void *x, const void *y)
{
	const key *a = x, *b = y;
	int c = strcmp(a->path, b->path);
	return c ? c : (a->index > b->index) - (a->index < b->index);
}

static void free_page(page *p)
{
	free(p->path);
	free(p->base);
	free(p->shown);
	free(p->flags);
	free(p->optbuf);
	free(p->optv);
	free(p->error);
	free(p->report);
}

/* A page reached twice (named and in a folder, or by two of its files) is
 * checked once, where it came first. */
static void dedupe(check *ck)
{
	if (ck->n < 2)
		return;
	key *keys = cli_xmalloc(ck->n * sizeof *keys);
	char *dup = cli_xcalloc(ck->n, 1);
	for (size_t i = 0; i < ck->n; i++)
		keys[i] = (key){ck->pages[i].path, i};
	qsort(keys, ck->n, sizeof *keys, by_key);
	for (size_t i = 1; i < ck->n; i++)
		if (!strcmp(keys[i].path, keys[i - 1].path))
			dup[keys[i].index] = 1;
	size_t m = 0;
	for (size_t i = 0; i < ck->n; i++) {
		if (dup[i])
			free_page(&ck->pages[i]);
		else
			ck->pages[m++] = ck->pages[i];
	}
	ck->n = m;
	free(keys);
	free(dup);
}

/* NAME.options: the flags, split on white space; lines starting with '#'
 * are comments.  Parsed with the main command's parser. */
static void read_options(page *p)
{
	char *path = cli_concat(p->base, ".options");
	wn_options_init(&p->cfg.opt, sizeof p->cfg.opt);
	char *data;
	size_t len;
	int err = cli_read_file(path, 1 << 20, &data, &len);
	if (err == ENOENT) {
		free(path);
		return;
	}
	if (err) {
		char why[300];
		snprintf(why, sizeof why, "%s: %s", path, strerror(err));
		p->error = cli_xstrdup(why);
		free(path);
		return;
	}
	/* Tokens NUL-terminated in place; argv[0] names the file for the
	 * messages of getopt. */
	char *buf = cli_xmalloc(len + 1);
	size_t o = 0, argc = 1, cap = 8;
	char **argv = cli_xmalloc(cap * sizeof *argv);
	argv[0] = path;
	for (size_t i = 0; i < len;) {
		if (data[i] == '#' && (i == 0 || data[i - 1] == '\n')) {
			while (i < len && data[i] != '\n')
				i++;
			continue;
		}
		if (strchr(" \t\r\n\f\v", data[i]) || !data[i]) {
			i++;
			continue;
		}
		if (argc + 1 >= cap)
			argv = cli_grow(argv, &cap, argc + 2, sizeof *argv);
		argv[argc++] = buf + o;
		while (i < len && data[i] && !strchr(" \t\r\n\f\v", data[i]))
			buf[o++] = data[i++];
		buf[o++] = 0;
	}
	argv[argc] = NULL;
	free(data);

	/* The flags as one line, for the diff header. */
	size_t flen = 0;
	for (size_t k = 1; k < argc; k++)
		flen += strlen(argv[k]) + 1;
	p->flags = cli_xmalloc(flen + 1);
	p->flags[0] = 0;
	for (size_t k = 1, at = 0; k < argc; k++)
		at += (size_t)sprintf(p->flags + at, " %s", argv[k]);

	int action, args = cli_parse_options(&p->cfg, path, (int)argc, argv, &action);
	char why[400];
	why[0] = 0;
	if (args < 0)
		snprintf(why, sizeof why, "%s: bad options", path);
	else if (action != CLI_RUN)
		snprintf(why, sizeof why, "%s: -h and -V are not extraction options", path);
	else if ((size_t)args < argc)
		snprintf(why, sizeof why, "%s: '%.100s' is not an option", path, argv[args]);
	else if (p->cfg.format_by[0])
		snprintf(why, sizeof why,
		         "%s: %s does nothing here: the format comes "
		         "from the expected file's name",
		         path, p->cfg.format_by);
	else if (p->cfg.not_extraction)
		snprintf(why, sizeof why, "%s: %s is not an extraction option", path,
		         p->cfg.not_extraction);
	if (why[0])
		p->error = cli_xstrdup(why);
	p->optbuf = buf;
	p->optv = argv;
	argv[0] = NULL; /* path is freed below */
	free(path);
}

/* Everything that can be decided before extracting, in the main thread
 * (option parsing uses getopt's globals). */
static void prepare(check *ck, page *p)
{
	if (p->error)
		return;
	struct stat st;
	int bad = stat(p->path, &st);
	if (bad || !S_ISREG(st.st_mode)) {
		char why[300];
		snprintf(why, sizeof why, "cannot read the page: %s",
		         bad ? strerror(errno) : "not a regular file");
		p->error = cli_xstrdup(why);
		return;
	}
	int any = 0;
	for (int f = 0; f < N_FORMATS; f++) {
		char *e = cli_concat(p->base, FORMATS[f].ext);
		p->has[f] = is_file(e);
		any |= p->has[f];
		free(e);
	}
	if (!any && ck->update) {
		p->has[0] = 1; /* created as text */
	} else if (!any) {
		char why[300];
		snprintf(why, sizeof why,
		         "no expected file: make %s.expected.txt "
		         "(or .md, .html, .json), or run with --update",
		         p->base);
		p->error = cli_xstrdup(why);
		return;
	}
	read_options(p);
}

static void say_errno(FILE *out, const page *p, const char *what, int err)
{
	char msg[200];
	if (strerror_r(err, msg, sizeof msg))
		snprintf(msg, sizeof msg, "error %d", err);
	fprintf(out, "  FAIL %s (%s: %s)\n", p->shown, what, msg);
}

/* Checks (or updates) one page; writes its report into p->report.  Safe
 * to run in any thread: it touches only p and files of its own. */
static void run_page(void *ctx, void *arg)
{
	const check *ck = ctx;
	page *p = arg;
	FILE *out = open_memstream(&p->report, &p->report_len);
	if (!out)
		cli_oom();
	char *html = NULL;
	size_t len = 0;
	int lines = 0; /* FAIL and UPDATE lines written */
	if (p->error) {
		fprintf(out, "  FAIL %s (%s)\n", p->shown, p->error);
		p->failed = 1;
		goto done;
	}
	int err = cli_read_file(p->path, p->cfg.opt.max_bytes, &html, &len);
	if (err) {
		if (err == EFBIG)
			fprintf(out, "  FAIL %s (larger than --max-bytes)\n", p->shown);
		else
			say_errno(out, p, "cannot read the page", err);
		p->failed = 1;
		goto done;
	}
	if (ck->verbose)
		fprintf(out, "    %s: options:%s\n", p->shown,
		        p->flags && *p->flags ? p->flags : " (none)");

	for (int k = 0; k < N_FORMATS; k++) {
		if (!p->has[k])
			continue;
		const struct format *fm = &FORMATS[k];
		wn_options o = p->cfg.opt;
		o.format = fm->format;
		wn_result *r = NULL;
		wn_status st = wn_extract(html, len, &o, &r);
		if (st != WN_OK && st != WN_NO_CONTENT) {
			fprintf(out, "  FAIL %s (%s: %s)\n", p->shown, fm->name, wn_status_string(st));
			p->failed = 1;
			lines++;
			continue;
		}
		size_t glen;
		const char *got = wn_result_output(r, &glen);
		char *exp_path = cli_concat(p->base, fm->ext);
		char *exp = NULL;
		size_t elen = 0;
		err = cli_read_file(exp_path, (size_t)-1, &exp, &elen);
		if (err == ENOENT && ck->update)
			err = 0;
		int equal = exp && elen == glen && !memcmp(exp, got, glen);
		/* "+++ page.html (winnow --links -f markdown)": how to get it */
		size_t nlen = strlen(p->path) + strlen(fm->flag) +
		              (p->flags ? strlen(p->flags) : 0) + 16;
		char *actual = cli_xmalloc(nlen);
		snprintf(actual, nlen, "%s (winnow%s %s)", p->path, p->flags ? p->flags : "",
		         fm->flag);
		if (err) {
			say_errno(out, p, fm->name, err);
			p->failed = 1;
			lines++;
		} else if (ck->update && !equal && (st == WN_NO_CONTENT || !glen) && !ck->allow_empty) {
			fprintf(out,
			        "  FAIL %s (%s: no content found; --allow-empty "
			        "records it)\n",
			        p->shown, fm->name);
			p->failed = 1;
			lines++;
		} else if (ck->update && !equal) {
			err = cli_write_file(exp_path, got, glen);
			if (err) {
				say_errno(out, p, "cannot write the expected file", err);
				p->failed = 1;
			} else {
				fprintf(out, "  UPDATE %s (%s: %s%s)\n", p->shown, fm->name,
				        exp ? "changed" : "new",
				        st == WN_NO_CONTENT || !glen ? ", empty" : "");
				p->written++;
				if (ck->verbose)
					cli_diff(out, exp ? exp : "", elen, got, glen, exp_path,
					         actual, ck->full_diff ? 0 : DIFF_LINES);
			}
			lines++;
		} else if (!equal) {
			fprintf(out, "  FAIL %s (%s)\n", p->shown, fm->name);
			size_t n = cli_diff(out, exp, elen, got, glen, exp_path, actual,
			                    ck->full_diff ? 0 : DIFF_LINES);
			if (!ck->full_diff && n > DIFF_LINES)
				fputs("    (winnow check --full-diff shows the whole diff)\n", out);
			p->failed = 1;
			lines++;
		}
		if (ck->verbose)
			for (size_t m = 0; m < wn_result_message_count(r); m++)
				fprintf(out, "    %s (%s): %s\n", p->shown, fm->name,
				        wn_result_message(r, m));
		free(actual);
		free(exp);
		free(exp_path);
		wn_result_free(r);
	}
	if (!lines)
		fprintf(out, "  PASS %s\n", p->shown);
done:
	free(html);
	if (fclose(out))
		cli_oom();
}

/* Prints a page's report, in the serial order; main thread. */
static void print_page(void *ctx, void *arg)
{
	check *ck = ctx;
	page *p = arg;
	cli_out_write(stdout, p->report, p->report_len);
	cli_out_flush();
	free(p->report);
	p->report = NULL;
	if (p->failed)
		ck->failed++;
	else
		ck->passed++;
	ck->written += (size_t)p->written;
}

static int check_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"update", no_argument, NULL, 'U'},
		{"allow-empty", no_argument, NULL, 'E'},
		{"full-diff", no_argument, NULL, 'F'},
		{"jobs", required_argument, NULL, 'j'},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	check ck = {0};
	size_t n;
	int ch;
	cli_getopt_reset();
	while ((ch = getopt_long(argc, argv, "j:vh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'U': ck.update = 1; break;
		case 'E': ck.allow_empty = 1; break;
		case 'F': ck.full_diff = 1; break;
		case 'v': ck.verbose = 1; break;
		case 'j':
			if (cli_parse_size(optarg, &n) || !n || n > CLI_MAX_JOBS) {
				fprintf(stderr,
				        "winnow check: -j: '%s' is not a number "
				        "from 1 to %d\n",
				        optarg, CLI_MAX_JOBS);
				return EXIT_USAGE;
			}
			ck.jobs = (int)n;
			break;
		case 'h':
			fputs(USAGE, stdout);
			return cli_out_close("winnow check") ? EXIT_INPUT : EXIT_CONTENT;
		default:
			fputs("Try 'winnow check --help' for more information.\n", stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fputs("winnow check: no PATH given\n"
		      "Try 'winnow check --help' for more information.\n",
		      stderr);
		return EXIT_USAGE;
	}

	for (int i = optind; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st)) {
			char e[256], why[300];
			snprintf(why, sizeof why, "cannot read: %s", cli_strerror(errno, e, sizeof e));
			fail_page(&ck, argv[i], why);
		} else if (S_ISDIR(st.st_mode)) {
			add_folder(&ck, argv[i]);
		} else {
			add_named(&ck, argv[i]);
		}
	}
	dedupe(&ck);
	for (size_t i = 0; i < ck.n; i++)
		prepare(&ck, &ck.pages[i]);

	size_t jobs = (size_t)cli_pool_jobs(ck.jobs);
	cli_pool *pool = cli_pool_new(jobs < ck.n ? (int)jobs : (int)ck.n, run_page, print_page, &ck);
	for (size_t i = 0; i < ck.n; i++)
		cli_pool_submit(pool, &ck.pages[i]);
	cli_pool_free(pool);
	size_t passed = ck.passed, failed = ck.failed, written = ck.written;
	cli_buf tail = {0};
	if (ck.update)
		cli_buf_printf(
			&tail, "%zu expected file%s written\n", written, written == 1 ? "" : "s");
	cli_buf_printf(&tail, "%zu passed, %zu failed\n", passed, failed);
	cli_out_write(stdout, tail.data, tail.len);
	free(tail.data);
	for (size_t i = 0; i < ck.n; i++)
		free_page(&ck.pages[i]);
	free(ck.pages);
	if (cli_out_close("winnow check"))
		return EXIT_INPUT;
	return failed ? 1 : 0;
}

int cli_check_main(int argc, char **argv)
{
	/* getopt names argv[0] in its messages */
	char prog[] = "winnow check", *saved = argv[0];
	argv[0] = prog;
	int rc = check_main(argc, argv);
	argv[0] = saved;
	return rc;
}
