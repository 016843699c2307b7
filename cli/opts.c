/*
 * opts.c -- the options of the winnow command (opts.h).
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "opts.h"
#include "pool.h"
#include "support.h"

void cli_config_init(cli_config *c)
{
	memset(c, 0, sizeof *c);
	wn_options_init(&c->opt, sizeof c->opt);
}

static const char *format_name(wn_format f)
{
	switch (f) {
	case WN_FORMAT_TEXT: return "-f text";
	case WN_FORMAT_MARKDOWN: return "-f markdown";
	case WN_FORMAT_JSON: return "-f json";
	case WN_FORMAT_EXPLAIN: return "--explain";
	case WN_FORMAT_EXPLAIN_TSV: return "--explain=tsv";
	case WN_FORMAT_ANNOTATE: return "--annotate";
	case WN_FORMAT_HTML: return "-f html";
	case WN_FORMAT_COUNT: break;
	}
	return "?";
}

/* One output format per run: a second, different one is refused rather
 * than the last one winning. */
static int set_format(cli_config *c, wn_format f)
{
	const char *name = format_name(f);
	if (c->format_by[0] && c->opt.format != f) {
		fprintf(stderr,
		        "winnow: %s and %s cannot be used together: they ask "
		        "for different outputs\n",
		        c->format_by, name);
		return -1;
	}
	c->opt.format = f;
	snprintf(c->format_by, sizeof c->format_by, "%s", name);
	return 0;
}

int cli_parse_options(cli_config *c, const char *prog, int argc, char **argv, int *action)
{
	enum {
		OPT_LINKS = 256,
		OPT_IMAGES,
		OPT_CAPTIONS,
		OPT_MAX_BYTES,
		OPT_METADATA,
		OPT_MARKDOWN,
		OPT_HTML,
		OPT_ENCODING,
		OPT_CONTENT_TYPE,
		OPT_MAX_DEPTH,
		OPT_MAX_BLOCKS,
		OPT_MAX_OUTPUT,
		OPT_EXPLAIN,
		OPT_ANNOTATE,
		OPT_JSONL,
		OPT_WARC,
		OPT_KIND,
		OPT_COMMENTS,
		OPT_PRECISION,
		OPT_RECALL,
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
		{"html", no_argument, NULL, OPT_HTML},
		{"encoding", required_argument, NULL, OPT_ENCODING},
		{"content-type", required_argument, NULL, OPT_CONTENT_TYPE},
		{"explain", optional_argument, NULL, OPT_EXPLAIN},
		{"annotate", no_argument, NULL, OPT_ANNOTATE},
		{"output-dir", required_argument, NULL, 'O'},
		{"recursive", no_argument, NULL, 'r'},
		{"jobs", required_argument, NULL, 'j'},
		{"jsonl", no_argument, NULL, OPT_JSONL},
		{"warc", no_argument, NULL, OPT_WARC},
		{"kind", required_argument, NULL, OPT_KIND},
		{"comments", no_argument, NULL, OPT_COMMENTS},
		{"precision", no_argument, NULL, OPT_PRECISION},
		{"recall", no_argument, NULL, OPT_RECALL},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	size_t n;
	int ch, rc = 0;
	*action = CLI_RUN;
	/* getopt's messages begin with argv[0]: the command's name, not the
	 * path it was run by. */
	char *saved = argv[0], name[256];
	snprintf(name, sizeof name, "%s", prog);
	argv[0] = name;
	cli_getopt_reset();
	while (!rc && (ch = getopt_long(argc, argv, "f:u:vhVO:rj:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (!strcmp(optarg, "text"))
				rc = set_format(c, WN_FORMAT_TEXT);
			else if (!strcmp(optarg, "markdown") || !strcmp(optarg, "md"))
				rc = set_format(c, WN_FORMAT_MARKDOWN);
			else if (!strcmp(optarg, "json"))
				rc = set_format(c, WN_FORMAT_JSON);
			else if (!strcmp(optarg, "html"))
				rc = set_format(c, WN_FORMAT_HTML);
			else {
				fprintf(stderr,
				        "winnow: unknown format '%s' (use text, markdown, html or json)\n",
				        optarg);
				rc = -1;
			}
			break;
		case OPT_LINKS: c->opt.links = 1; break;
		case OPT_IMAGES: c->opt.images = 1; break;
		case OPT_CAPTIONS: c->opt.captions = 1; break;
		case 'u': c->opt.url = optarg; break;
		/* 0 is refused for every limit: the library reads 0 as "the
		 * default", which is not what a user writing 0 means. */
		case OPT_MAX_BYTES:
			if (cli_parse_size(optarg, &c->opt.max_bytes) || !c->opt.max_bytes) {
				fprintf(stderr,
				        "winnow: --max-bytes: '%s' is not a size "
				        "from 1 byte\n",
				        optarg);
				rc = -1;
			}
			break;
		case OPT_MAX_DEPTH:
			if (cli_parse_size(optarg, &n) || !n || n > WN_MAX_DEPTH) {
				fprintf(stderr,
				        "winnow: --max-depth: '%s' is not a depth "
				        "from 1 to %u\n",
				        optarg, WN_MAX_DEPTH);
				rc = -1;
				break;
			}
			c->opt.max_depth = (unsigned)n;
			break;
		case OPT_MAX_BLOCKS:
		case OPT_MAX_OUTPUT:
			if (cli_parse_size(optarg, &n) || !n) {
				fprintf(stderr, "winnow: --%s: '%s' is not a number from 1\n",
				        ch == OPT_MAX_BLOCKS ? "max-blocks" : "max-output", optarg);
				rc = -1;
				break;
			}
			*(ch == OPT_MAX_BLOCKS ? &c->opt.max_blocks : &c->opt.max_output) = n;
			c->max_output_given |= ch == OPT_MAX_OUTPUT;
			break;
		case OPT_METADATA: c->opt.metadata = 1; break;
		case OPT_MARKDOWN: c->opt.json_markdown = 1; break;
		case OPT_HTML: c->opt.json_html = 1; break;
		case OPT_ENCODING:
			if (!wn_encoding_known(optarg)) {
				fprintf(stderr,
				        "winnow: --encoding: unknown encoding '%s' (use "
				        "a WHATWG label such as utf-8, windows-1252, "
				        "shift_jis)\n",
				        optarg);
				rc = -1;
			}
			c->opt.encoding = optarg;
			break;
		case OPT_CONTENT_TYPE: c->opt.content_type = optarg; break;
		case OPT_KIND: {
			int k = wn_kind_from_name(optarg);
			if (k < 0) {
				fprintf(stderr,
				        "winnow: --kind: unknown kind '%s' (use auto, "
				        "article, forum, product, collection, listing, "
				        "documentation or service)\n",
				        optarg);
				rc = -1;
				break;
			}
			c->opt.kind = (wn_kind)k;
			break;
		}
		case OPT_COMMENTS: c->opt.comments = 1; break;
		case OPT_PRECISION:
		case OPT_RECALL: {
			wn_favor f = ch == OPT_PRECISION ? WN_FAVOR_PRECISION : WN_FAVOR_RECALL;
			if (c->opt.favor != WN_FAVOR_BALANCED && c->opt.favor != f) {
				fprintf(stderr, "winnow: --precision and --recall pull "
				                "opposite ways: give one\n");
				rc = -1;
				break;
			}
			c->opt.favor = f;
			break;
		}
		case OPT_EXPLAIN:
			if (optarg && strcmp(optarg, "tsv") && strcmp(optarg, "text")) {
				fprintf(stderr, "winnow: --explain: use --explain or --explain=tsv\n");
				rc = -1;
				break;
			}
			rc = set_format(c, optarg && !strcmp(optarg, "tsv") ? WN_FORMAT_EXPLAIN_TSV
			                                                    : WN_FORMAT_EXPLAIN);
			break;
		case OPT_ANNOTATE: rc = set_format(c, WN_FORMAT_ANNOTATE); break;
		case 'O':
			c->output_dir = optarg;
			c->not_extraction = "-O";
			break;
		case 'r':
			c->recursive = 1;
			c->not_extraction = "-r";
			break;
		case 'j':
			if (cli_parse_size(optarg, &n) || !n || n > CLI_MAX_JOBS) {
				fprintf(stderr,
				        "winnow: -j: '%s' is not a number from 1 "
				        "to %d\n",
				        optarg, CLI_MAX_JOBS);
				rc = -1;
				break;
			}
			c->jobs = (int)n;
			c->not_extraction = "-j";
			break;
		case OPT_JSONL:
			c->jsonl = 1;
			c->not_extraction = "--jsonl";
			break;
		case OPT_WARC:
			c->warc = 1;
			c->not_extraction = "--warc";
			break;
		case 'v':
			c->verbose = 1;
			c->not_extraction = "-v";
			break;
		case 'h': *action = CLI_HELP; goto out;
		case 'V': *action = CLI_VERSION; goto out;
		default: rc = -1; break;
		}
	}
out:
	argv[0] = saved;
	return rc ? -1 : optind;
}

static void unused(const char *opt, const char *mode, const char *why)
{
	fprintf(stderr, "winnow: %s does nothing with %s: %s\n", opt, mode, why);
}

void cli_warn_unused(const cli_config *c, int stream)
{
	const wn_options *o = &c->opt;
	const char *mode = stream ? (c->jsonl ? "--jsonl" : "--warc") : format_name(o->format);
	int markdown = o->format == WN_FORMAT_MARKDOWN || o->format == WN_FORMAT_HTML ||
	               (o->format == WN_FORMAT_JSON && (o->json_markdown || o->json_html));
	int content = o->format <= WN_FORMAT_JSON || o->format == WN_FORMAT_HTML;
	static const char md[] = "it applies to Markdown and HTML (-f markdown, -f html, "
				 "or -f json with --markdown or --html)";
	if (o->links && !markdown)
		unused("--links", mode, md);
	if (o->images && !markdown)
		unused("--images", mode, md);
	if (o->json_markdown && o->format != WN_FORMAT_JSON)
		unused("--markdown", mode, "it gives JSON's body as Markdown (-f json)");
	if (o->json_html && o->format != WN_FORMAT_JSON)
		unused("--html", mode, "it adds JSON's body as HTML (-f json)");
	if (o->metadata && o->format == WN_FORMAT_JSON)
		unused("--metadata", mode, "JSON always has the metadata");
	else if (o->metadata && !content)
		unused("--metadata", mode, "it applies to text, Markdown and HTML");
	if (o->comments && !content)
		unused("--comments", mode, "it applies to text, Markdown, HTML and JSON");
	if (c->max_output_given && !content)
		unused("--max-output", mode, "it cuts text, Markdown, HTML and JSON only");
	if (stream && o->url)
		unused("--url", mode,
		       c->jsonl ? "each line's \"url\" is used"
		                : "each record's WARC-Target-URI is used");
	if (stream && o->content_type)
		unused("--content-type", mode,
		       c->jsonl ? "each line's \"content_type\" is used"
		                : "each record's HTTP Content-Type is used");
}
