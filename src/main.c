/*
 * main.c -- the winnow command: a filter from HTML pages to their main
 * content.  Uses only the public header.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "winnow.h"

static const char USAGE[] =
	"Usage: winnow [OPTIONS] [FILE...]\n"
	"       winnow check [--update] [--full-diff] PATH...\n"
	"Print the main content of each HTML page (FILE, or standard input when\n"
	"there is none or FILE is -), without navigation, teasers, share bars,\n"
	"comments and footers.\n"
	"\n"
	"Options:\n"
	"  -f, --format FORMAT   text (default), markdown or json\n"
	"      --metadata        text and markdown: the title, author, date ...\n"
	"                        before the body (markdown: YAML front matter)\n"
	"      --markdown        json: the body as Markdown (\"markdown\" key)\n"
	"      --links           markdown: keep hyperlinks as [text](url)\n"
	"      --images          markdown: keep images as ![alt](src)\n"
	"      --captions        keep figure captions (default: dropped)\n"
	"  -u, --url URL         the page's address, to make links absolute\n"
	"      --max-bytes N     refuse inputs larger than N bytes (default 64 MiB;\n"
	"                        suffixes k, M, G)\n"
	"      --encoding NAME   the input's character encoding, overriding any\n"
	"                        the page declares (e.g. shift_jis, latin1)\n"
	"      --content-type V  the HTTP Content-Type the page came with\n"
	"      --max-depth N     read elements nested deeper than N as flat\n"
	"                        (default 512)\n"
	"      --max-blocks N    read at most N blocks of text (default 1000000)\n"
	"      --max-output N    cut the output at N bytes (default 64 MiB)\n"
	"      --explain[=tsv]   instead of the content, one line per block: its\n"
	"                        score, features, and why it was kept or dropped\n"
	"      --annotate        instead of the content, the page as HTML with\n"
	"                        kept blocks outlined green, dropped ones red\n"
	"  -v, --verbose         say on stderr how each page was decided\n"
	"  -h, --help            show this help and exit\n"
	"  -V, --version         show the version and exit\n"
	"\n"
	"With several files each output is preceded by a line '==> FILE <=='.\n"
	"\n"
	"Exit status: 0 content written; 1 no content found (in some input);\n"
	"2 usage error; 3 an input could not be read (it is named on stderr).\n";

int cli_parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *s == '-')
		return -1;
	unsigned shift = 0;
	switch (*end) {
	case 0: break;
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	default: return -1;
	}
	if (*end || v > (SIZE_MAX >> shift))
		return -1;
	*out = (size_t)(v << shift);
	return 0;
}

/* Reads all of f, up to limit bytes; returns 0, or errno, or EFBIG. */
int cli_read_all(FILE *f, size_t limit, char **data, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	if (!buf)
		return ENOMEM;
	for (;;) {
		if (n == cap) {
			if (cap > limit) {
				free(buf);
				return EFBIG;
			}
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				return ENOMEM;
			}
			buf = nb;
			cap *= 2;
		}
		size_t k = fread(buf + n, 1, cap - n, f);
		n += k;
		if (k == 0) {
			if (ferror(f)) {
				int e = errno ? errno : EIO;
				free(buf);
				return e;
			}
			break;
		}
	}
	if (n > limit) {
		free(buf);
		return EFBIG;
	}
	*data = buf;
	*len = n;
	return 0;
}

static int run_one(const cli_config *c, const char *path, int header, int *first)
{
	const char *name = strcmp(path, "-") ? path : "(standard input)";
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char *data = NULL;
	size_t len = 0;
	int err = f ? cli_read_all(f, c->opt.max_bytes, &data, &len) : errno;
	if (f && f != stdin)
		fclose(f);
	if (err) {
		if (err == EFBIG)
			fprintf(stderr, "winnow: %s: larger than --max-bytes (%zu bytes)\n",
			        name, c->opt.max_bytes);
		else
			fprintf(stderr, "winnow: %s: %s\n", name, strerror(err));
		return EXIT_INPUT;
	}

	wn_result *r = NULL;
	wn_status st = wn_extract(data, len, &c->opt, &r);
	free(data);
	if (st != WN_OK && st != WN_NO_CONTENT) {
		fprintf(stderr, "winnow: %s: %s\n", name, wn_status_string(st));
		return EXIT_INPUT;
	}
	if (header) {
		printf("%s==> %s <==\n", *first ? "" : "\n", name);
		*first = 0;
	}
	size_t n;
	const char *text = wn_result_output(r, &n);
	fwrite(text, 1, n, stdout);
	if (c->verbose) {
		for (size_t i = 0; i < wn_result_message_count(r); i++)
			fprintf(stderr, "winnow: %s: %s\n", name, wn_result_message(r, i));
		if (st == WN_NO_CONTENT)
			fprintf(stderr, "winnow: %s: no content found\n", name);
	}
	wn_result_free(r);
	return st == WN_OK ? EXIT_CONTENT : EXIT_NOCONTENT;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "check"))
		return cli_check_main(argc - 1, argv + 1);
	cli_config c = {0};
	wn_default_options(&c.opt);
	int action, args = cli_parse_options(&c, argc, argv, &action);
	if (args < 0) {
		fputs("Try 'winnow --help' for more information.\n", stderr);
		return EXIT_USAGE;
	}
	if (action == CLI_HELP) {
		fputs(USAGE, stdout);
		return EXIT_CONTENT;
	}
	if (action == CLI_VERSION) {
		printf("winnow %s\n", wn_version());
		return EXIT_CONTENT;
	}

	int nfiles = argc - args, first = 1, worst = EXIT_CONTENT;
	if (nfiles == 0)
		return run_one(&c, "-", 0, &first);
	for (int i = args; i < argc; i++) {
		int rc = run_one(&c, argv[i], nfiles > 1, &first);
		if (rc == EXIT_INPUT || (rc == EXIT_NOCONTENT && worst == EXIT_CONTENT))
			worst = rc;
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, "winnow: write error: %s\n", strerror(errno));
		return EXIT_INPUT;
	}
	return worst;
}
