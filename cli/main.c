/*
 * main.c -- the winnow command: a filter from HTML pages to their main
 * content.  Parses the command line and hands it to a mode: check.c, the
 * batch of pages (batch.c) or the streams (stream.c).  The command uses
 * only the library's public header, winnow.h.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "modes.h"
#include "support.h"
#include "warc_read.h"
#include "winnow.h"

static const char USAGE[] =
	"Usage: winnow [OPTIONS] [FILE...]\n"
	"       winnow check [--update] [--allow-empty] [--full-diff] [-j N] [-v] PATH...\n"
	"Print the main content of each HTML page (FILE, or standard input when\n"
	"there is none or FILE is -), without navigation, teasers, share bars,\n"
	"comments and footers.\n"
	"\n"
	"Options:\n"
	"  -f, --format FORMAT   text (default), markdown, html or json\n"
	"      --metadata        text and markdown: the title, author, date ...\n"
	"                        before the body (markdown: YAML front matter;\n"
	"                        html: a whole document with them in its head)\n"
	"      --markdown        json: the body as Markdown (\"markdown\" key)\n"
	"      --html            json: also the body as HTML (\"html\" key)\n"
	"      --links           markdown, html: keep hyperlinks\n"
	"      --images          markdown, html: keep images\n"
	"      --captions        keep figure captions (default: dropped)\n"
	"      --comments        also the page's comment section, after the body\n"
	"                        under a Comments heading (json: \"comments\", a\n"
	"                        list of author, date and text); never in the body\n"
	"      --precision       leave out more that may be boilerplate\n"
	"      --recall          keep more that may be content (default: neither,\n"
	"                        the best balance measured; see the README)\n"
	"  -u, --url URL         the page's address, to make links absolute\n"
	"      --kind KIND       read the page as this kind: article, forum,\n"
	"                        product, collection, listing, documentation,\n"
	"                        service, or auto (default: decided from the page)\n"
	"      --max-bytes N     refuse inputs larger than N bytes (default 64 MiB;\n"
	"                        suffixes k, M, G; every limit is at least 1)\n"
	"      --encoding NAME   the input's character encoding, overriding any\n"
	"                        the page declares (a WHATWG label: shift_jis,\n"
	"                        latin1 ...; an unknown one is a usage error)\n"
	"      --content-type V  the HTTP Content-Type the page came with\n"
	"      --max-depth N     read elements nested deeper than N as flat\n"
	"                        (default 512, at most 65534)\n"
	"      --max-blocks N    read at most N blocks of text (default 1000000)\n"
	"      --max-output N    cut the body at N bytes (default 64 MiB); a cut\n"
	"                        is said on stderr\n"
	"      --explain[=tsv]   instead of the content, one line per block: its\n"
	"                        score, features, and why it was kept or dropped\n"
	"      --annotate        instead of the content, the page as HTML with\n"
	"                        kept blocks outlined green, dropped ones red\n"
	"  -O, --output-dir DIR  write one file per input into DIR: NAME.txt, .md,\n"
	"                        .html or .json (folder structure kept with -r),\n"
	"                        each whole or not at all\n"
	"  -r, --recursive       read the pages in folders and their subfolders:\n"
	"                        *.html, *.htm, *.xhtml, *.shtml, and files without\n"
	"                        an extension whose first bytes are HTML\n"
	"  -j, --jobs N          extract N pages at a time (default, here and in\n"
	"                        check: one per CPU, at most 256);\n"
	"                        the output is the same as with -j 1\n"
	"      --jsonl           JSON Lines in and out: each line an object with\n"
	"                        \"html\" (and \"url\", \"content_type\", any other\n"
	"                        keys, passed through), each output line its JSON\n"
	"      --warc            read WARC files (also found by name or content):\n"
	"                        one JSON line per HTML response record\n"
	"  -v, --verbose         say on stderr how each page was decided\n"
	"                        (with -O, -r, -j, --jsonl or --warc: a summary)\n"
	"  -h, --help            show this help and exit\n"
	"  -V, --version         show the version and exit\n"
	"\n"
	"With several files each output is preceded by a line '==> FILE <=='.\n"
	"--jsonl and --warc write one JSON object per line (see the README).\n"
	"An option that does nothing in the mode chosen is warned about; options\n"
	"asking for different outputs (--explain -f json) are a usage error.\n"
	"\n"
	"Exit status: 0 content written; 1 no content found in some input (said\n"
	"on stderr); 2 usage error; 3 an input could not be read or used (it is\n"
	"named on stderr), or the output could not be written.\n"
	"--jsonl: 0 even when lines gave error objects; --warc: 3 when a record\n"
	"was truncated or corrupt.\n";

/* 1 if path is a WARC file by its name or its first bytes. */
static int is_warc(const char *path)
{
	if (warc_name(path))
		return 1;
	if (!strcmp(path, "-"))
		return 0;
	/* Only a regular file can be read twice, or even opened twice: a
	 * named pipe opened here and closed would pair with its writer and
	 * leave it writing to no one (winnow <(curl ...) would lose the
	 * page, or wait for a writer that has gone). */
	struct stat st;
	if (stat(path, &st) || !S_ISREG(st.st_mode))
		return 0;
	cli_input in;
	if (cli_input_open(&in, path))
		return 0;
	int yes = !fstat(in.fd, &st) && S_ISREG(st.st_mode) &&
	          warc_sniff(in.head, cli_input_peek(&in));
	cli_input_close(&in);
	return yes;
}

int main(int argc, char **argv)
{
	cli_stdio_init();
	cli_signals_init();
	if (argc > 1 && !strcmp(argv[1], "check"))
		return cli_check_main(argc - 1, argv + 1);
	cli_config c;
	cli_config_init(&c);
	int action, args = cli_parse_options(&c, "winnow", argc, argv, &action);
	if (args < 0) {
		fputs("Try 'winnow --help' for more information.\n", stderr);
		return EXIT_USAGE;
	}
	if (action == CLI_HELP || action == CLI_VERSION) {
		if (action == CLI_HELP) /* through the layer that remembers
		                         * the first failure's errno: the help
		                         * is longer than stdio's buffer */
			cli_out_write(stdout, USAGE, strlen(USAGE));
		else
			printf("winnow %s\n", wn_version());
		return cli_out_close("winnow") ? EXIT_INPUT : EXIT_CONTENT;
	}

	int nargs = argc - args, nwarc = 0;
	char **rest = argv + args;
	for (int i = 0; c.output_dir && i <= nargs; i++)
		if (i == nargs ? !nargs : !strcmp(rest[i], "-")) {
			fputs("winnow: -O writes one file per FILE: standard input "
			      "has no name to give it\n",
			      stderr);
			return EXIT_USAGE;
		}
	for (int i = 0; i < nargs && !c.jsonl && !c.warc; i++)
		nwarc += is_warc(rest[i]);
	/* Standard input alone is sniffed as files are: a WARC file, plain
	 * or gzip'd, is read as one. */
	if (!c.jsonl && !c.warc && (!nargs || (nargs == 1 && !strcmp(rest[0], "-")))) {
		const unsigned char *head;
		size_t k = cli_stdin_peek(&head);
		nwarc = warc_sniff(head, k) ? nargs ? 1 : -1 : 0;
	}
	if (nwarc > 0 && nwarc < nargs) {
		fputs("winnow: WARC files and pages cannot be mixed in one run\n", stderr);
		return EXIT_USAGE;
	}
	c.warc |= nwarc != 0;
	if (c.jsonl || c.warc) {
		/* The stream modes write JSON objects; -f markdown means their
		 * body as Markdown, -f html their body also as HTML. */
		if (c.jsonl && c.warc) {
			fputs("winnow: --jsonl and --warc cannot be used together\n", stderr);
			return EXIT_USAGE;
		}
		if ((c.opt.format > WN_FORMAT_JSON && c.opt.format != WN_FORMAT_HTML) || c.recursive) {
			fprintf(stderr,
			        "winnow: %s writes JSON Lines: --explain, "
			        "--annotate and -r do not apply\n",
			        c.jsonl ? "--jsonl" : "--warc");
			return EXIT_USAGE;
		}
		c.opt.json_markdown |= c.opt.format == WN_FORMAT_MARKDOWN;
		c.opt.json_html |= c.opt.format == WN_FORMAT_HTML;
		c.opt.format = WN_FORMAT_JSON;
		cli_warn_unused(&c, 1);
		return cli_stream_main(&c, nargs, rest);
	}
	cli_warn_unused(&c, 0);
	return cli_batch_main(&c, nargs, rest);
}
