/*
 * cli_opts.c -- the extraction options of the winnow command, parsed in
 * one place for the command line (main.c) and for the NAME.options files
 * of `winnow check` (cli_check.c), and the options of the batch and
 * stream modes (-O, -r, -j, --jsonl, --warc).
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cli_parse_options(cli_config *c, int argc, char **argv, int *action)
{
	enum {
		OPT_LINKS = 256, OPT_IMAGES, OPT_CAPTIONS, OPT_MAX_BYTES, OPT_METADATA,
		OPT_MARKDOWN, OPT_ENCODING, OPT_CONTENT_TYPE, OPT_MAX_DEPTH,
		OPT_MAX_BLOCKS, OPT_MAX_OUTPUT, OPT_EXPLAIN, OPT_ANNOTATE,
		OPT_JSONL, OPT_WARC,
	};
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"links", no_argument, NULL, OPT_LINKS},
		{"images", no_argument, NULL, OPT_IMAGES},
		{"captions", no_argument, NULL, OPT_CAPTIONS},
		{"url", required_argument, NULL, 'u'},
		{"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
		{"max-depth", required_argument, NULL, OPT_MAX_DEPTH},
		{"max-blocks", required_argument, NULL, OPT_MAX_BLOCKS},
		{"max-output", required_argument, NULL, OPT_MAX_OUTPUT},
		{"metadata", no_argument, NULL, OPT_METADATA},
		{"markdown", no_argument, NULL, OPT_MARKDOWN},
		{"encoding", required_argument, NULL, OPT_ENCODING},
		{"content-type", required_argument, NULL, OPT_CONTENT_TYPE},
		{"explain", optional_argument, NULL, OPT_EXPLAIN},
		{"annotate", no_argument, NULL, OPT_ANNOTATE},
		{"output-dir", required_argument, NULL, 'O'},
		{"recursive", no_argument, NULL, 'r'},
		{"jobs", required_argument, NULL, 'j'},
		{"jsonl", no_argument, NULL, OPT_JSONL},
		{"warc", no_argument, NULL, OPT_WARC},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	size_t n;
	int ch;
	*action = CLI_RUN;
	/* getopt keeps its place in globals: start afresh for each argv
	 * (glibc needs 0 to forget a half-read option cluster). */
#ifdef __GLIBC__
	optind = 0;
#else
	optind = 1;
#endif
	while ((ch = getopt_long(argc, argv, "f:u:vhVO:rj:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (!strcmp(optarg, "text"))
				c->opt.format = WN_FORMAT_TEXT;
			else if (!strcmp(optarg, "markdown") || !strcmp(optarg, "md"))
				c->opt.format = WN_FORMAT_MARKDOWN;
			else if (!strcmp(optarg, "json"))
				c->opt.format = WN_FORMAT_JSON;
			else {
				fprintf(stderr,
				        "winnow: unknown format '%s' (use text, markdown or json)\n",
				        optarg);
				return -1;
			}
			break;
		case OPT_LINKS: c->opt.links = 1; break;
		case OPT_IMAGES: c->opt.images = 1; break;
		case OPT_CAPTIONS: c->opt.captions = 1; break;
		case 'u': c->opt.url = optarg; break;
		case OPT_MAX_BYTES:
			if (cli_parse_size(optarg, &c->opt.max_bytes) || !c->opt.max_bytes) {
				fprintf(stderr, "winnow: --max-bytes: '%s' is not a size\n", optarg);
				return -1;
			}
			break;
		case OPT_MAX_DEPTH:
			if (cli_parse_size(optarg, &n) || !n || n > UINT16_MAX) {
				fprintf(stderr, "winnow: --max-depth: '%s' is not a depth "
				                "from 1 to 65535\n", optarg);
				return -1;
			}
			c->opt.max_depth = (unsigned)n;
			break;
		case OPT_MAX_BLOCKS:
		case OPT_MAX_OUTPUT:
			if (cli_parse_size(optarg, &n) || !n) {
				fprintf(stderr, "winnow: --%s: '%s' is not a positive number\n",
				        ch == OPT_MAX_BLOCKS ? "max-blocks" : "max-output", optarg);
				return -1;
			}
			*(ch == OPT_MAX_BLOCKS ? &c->opt.max_blocks : &c->opt.max_output) = n;
			break;
		case OPT_METADATA: c->opt.metadata = 1; break;
		case OPT_MARKDOWN: c->opt.json_markdown = 1; break;
		case OPT_ENCODING: c->opt.encoding = optarg; break;
		case OPT_CONTENT_TYPE: c->opt.content_type = optarg; break;
		case OPT_EXPLAIN:
			if (optarg && strcmp(optarg, "tsv") && strcmp(optarg, "text")) {
				fprintf(stderr, "winnow: --explain: use --explain or --explain=tsv\n");
				return -1;
			}
			c->opt.format = optarg && !strcmp(optarg, "tsv") ? WN_FORMAT_EXPLAIN_TSV
			                                                 : WN_FORMAT_EXPLAIN;
			break;
		case OPT_ANNOTATE: c->opt.format = WN_FORMAT_ANNOTATE; break;
		case 'O': c->output_dir = optarg; break;
		case 'r': c->recursive = 1; break;
		case 'j':
			if (cli_parse_size(optarg, &n) || !n || n > CLI_MAX_JOBS) {
				fprintf(stderr, "winnow: -j: '%s' is not a number from 1 "
				                "to %d\n", optarg, CLI_MAX_JOBS);
				return -1;
			}
			c->jobs = (int)n;
			break;
		case OPT_JSONL: c->jsonl = 1; break;
		case OPT_WARC: c->warc = 1; break;
		case 'v': c->verbose = 1; break;
		case 'h': *action = CLI_HELP; return optind;
		case 'V': *action = CLI_VERSION; return optind;
		default:
			return -1;
		}
	}
	return optind;
}
