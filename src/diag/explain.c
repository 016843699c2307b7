/*
 * explain.c -- --explain: one line per block in document order with its
 * features, where it sits in the page, the start of its text and the rule
 * that kept or dropped it; aligned columns for a terminal, or TSV for tools.
 */
#include <string.h>

#include <utf8proc.h>

#include "base/utf8.h"
#include "diag/diag.h"

enum {
	TEXT_COLS = 40,   /* display columns of text shown per block */
	PATH_LEVELS = 12, /* deeper paths show "...>" and the last levels */
	NAME_COLS = 32,   /* per id or class in a path */
	PATH_CLASSES = 2, /* classes shown per path level */
};

/* Appends text clipped to a number of display columns: white space
 * collapsed, and characters that could drive a terminal (controls, bidi
 * overrides) shown as spaces, since the text comes from any web page. */
typedef struct clip {
	wn__buf *out;
	int width, max; /* display columns used and allowed */
	int space;      /* a space is owed before the next character */
	int full;       /* text was left out */
} clip;

static int unsafe_cp(int32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
	       (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

static void clip_put(clip *c, const char *s, size_t n)
{
	for (size_t i = 0; i < n && !c->full;) {
		int32_t cp;
		int k = wn__utf8_next(s + i, n - i, &cp);
		const char *p = s + i;
		i += (size_t)k;
		if (wn__is_space_cp(cp) || unsafe_cp(cp)) {
			c->space = c->width > 0;
			continue;
		}
		int w = utf8proc_charwidth(cp);
		if (w < 0)
			w = 0;
		if (c->width + c->space + w > c->max) {
			c->full = 1;
			break;
		}
		if (c->space)
			wn__buf_putc(c->out, ' ');
		if (cp == 0xFFFD)
			wn__buf_puts(c->out, "\xEF\xBF\xBD");
		else
			wn__buf_put(c->out, p, (size_t)k);
		c->width += c->space + w;
		c->space = 0;
	}
}

static void put_level(const wn__doc *d, int32_t i, wn__buf *out)
{
	const wn__node *x = &d->nodes[i];
	char name[64];
	const char *tag = wn__tag_name(x, name, sizeof name);
	wn__buf_puts(out, tag ? tag : "?");
	const char *id = wn__attr(x, "id");
	if (id && *id) {
		clip c = {.out = out, .max = NAME_COLS};
		wn__buf_putc(out, '#');
		clip_put(&c, id, strlen(id));
	}
	const char *cls = wn__attr(x, "class");
	for (int n = 0; cls && *cls && n < PATH_CLASSES;) {
		size_t skip = strspn(cls, " \t\n\f\r");
		size_t len = strcspn(cls + skip, " \t\n\f\r");
		if (len) {
			clip c = {.out = out, .max = NAME_COLS};
			wn__buf_putc(out, '.');
			clip_put(&c, cls + skip, len);
			n++;
		}
		cls += skip + len;
	}
}

/* body>div#main.content>article>p: the element's ancestors from <body>
 * (or <html> when outside it), the nearest PATH_LEVELS of them at most. */
static void put_path(const wn__doc *d, int32_t i, wn__buf *out)
{
	if (i <= 0) {
		wn__buf_puts(out, "(document)");
		return;
	}
	int32_t chain[PATH_LEVELS];
	int n = 0;
	for (int32_t k = i; k > 0 && n < PATH_LEVELS; k = d->nodes[k].parent) {
		chain[n++] = k;
		if (d->nodes[k].tag == GUMBO_TAG_BODY || d->nodes[k].tag == GUMBO_TAG_HTML)
			break;
	}
	int32_t top = chain[n - 1], up = d->nodes[top].parent;
	if (d->nodes[top].tag != GUMBO_TAG_BODY && up > 0 && d->nodes[up].tag != GUMBO_TAG_HTML)
		wn__buf_puts(out, "...>");
	while (n--) {
		put_level(d, chain[n], out);
		if (n)
			wn__buf_putc(out, '>');
	}
}

/* The start of block k's text; returns its width in display columns. */
static int put_text(const wn__doc *d, int32_t k, wn__buf *out)
{
	const wn__block *b = &d->blocks[k];
	clip c = {.out = out, .max = TEXT_COLS - 1};
	for (int32_t i = b->first; i <= b->last && !c.full; i++) {
		const wn__node *x = &d->nodes[i];
		if (x->kind != WN__NODE_ELEMENT && x->block == k)
			clip_put(&c, x->g->v.text.text, strlen(x->g->v.text.text));
	}
	if (c.full) {
		wn__buf_puts(out, "\xE2\x80\xA6"); /* ellipsis */
		c.width++;
	}
	return c.width;
}

static void pad(wn__buf *out, int n)
{
	while (n-- > 0)
		wn__buf_putc(out, ' ');
}

void wn__render_explain(const wn__doc *d, int tsv, wn__buf *out)
{
	int rule_w = 4;
	for (int r = 0; r < WN__WHY_COUNT; r++) {
		int len = (int)strlen(wn__why_string(r));
		if (len > rule_w)
			rule_w = len;
	}
	if (tsv)
		wn__buf_puts(out, "block\tdecision\tscore\tgoodness\tchars\twords\t"
		                  "link_share\tpunct\thint\trule\ttext\tpath\n");
	else
		wn__buf_printf(out,
		               "%5s  %-8s  %8s  %5s  %6s  %5s  %5s  %5s  %4s  "
		               "%-*s  %-*s  %s\n",
		               "#", "DECISION", "SCORE", "GOOD", "CHARS", "WORDS", "LINK%", "PUNCT",
		               "HINT", rule_w, "RULE", TEXT_COLS, "TEXT", "PATH");

	int32_t kept = 0;
	long long kept_chars = 0;
	for (int32_t k = 0; k < d->n_blocks; k++) {
		const wn__block *b = &d->blocks[k];
		double links = b->chars ? (double)b->link_chars / b->chars : 0;
		const char *rule = wn__why_string(b->reason);
		if (b->keep) {
			kept++;
			kept_chars += b->chars;
		}
		if (tsv) {
			wn__buf_printf(out, "%d\t%s\t%.2f\t%.3f\t%d\t%d\t%.3f\t%d\t%d\t%s\t",
			               (int)k, b->keep ? "keep" : "drop", b->score, b->good,
			               (int)b->chars, (int)b->words, links,
			               (int)(b->punct + b->sentences), (int)b->hint, rule);
			put_text(d, k, out);
			wn__buf_putc(out, '\t');
		} else {
			wn__buf_printf(out,
			               "%5d  %-8s  %8.1f  %5.2f  %6d  %5d  %4d%%  %5d  "
			               "%4d  %-*s  ",
			               (int)k, b->keep ? "KEEP" : "drop", b->score, b->good,
			               (int)b->chars, (int)b->words, (int)(links * 100 + 0.5),
			               (int)(b->punct + b->sentences), (int)b->hint, rule_w, rule);
			pad(out, TEXT_COLS - put_text(d, k, out));
			wn__buf_puts(out, "  ");
		}
		put_path(d, b->container, out);
		wn__buf_putc(out, '\n');
	}
	if (tsv)
		return;
	wn__buf_printf(out,
	               "# %d blocks kept, %d dropped; %lld characters kept; "
	               "article: ",
	               (int)kept, (int)(d->n_blocks - kept), kept_chars);
	if (d->article >= 0)
		put_path(d, d->article, out);
	else
		wn__buf_puts(out, "(none)");
	wn__buf_printf(out, "; has_article: %s\n", d->has_article ? "yes" : "no");
	const wn__evidence *e = &d->evidence;
	wn__buf_printf(
		out,
		"# kind: %s (%.2f%s%s%s); running text %.2f, links %.2f, "
		"code %.2f, text per heading %.0f, longest run %d, posts %d "
		"(%.2f, article outside %.2f), "
		"priced cards %d (%.2f), records %d (linked %.2f, headed %.2f, "
		"%.2f), buy control %s, schema 0x%x, text %d, headings %d, clear article %s\n",
		wn_kind_name((wn_kind)d->kind), d->kind_confidence, d->opt->kind ? ", forced" : "",
		d->mode != d->kind ? ", read as " : "",
		d->mode != d->kind ? wn_kind_name((wn_kind)d->mode) : "", e->prose, e->links,
		e->code, e->prose_per_heading, (int)e->run, (int)e->posts, e->posts_share,
		e->article_prose, (int)e->priced, e->priced_share, (int)e->group, e->group_linked,
		e->group_headed, e->group_share, e->buy ? "yes" : "no", e->schema, (int)e->text,
		(int)e->headings, e->article ? "yes" : "no");
	const wn__cues *c = &e->cues;
	wn__buf_printf(
		out,
		"# cues: byline %s, date %s, no date anywhere %s; short unlinked text "
		"%.2f, headings %.3f, feature groups %d, sections %d, calls to act %d\n",
		c->author ? "yes" : "no", c->date ? "yes" : "no", c->undated ? "yes" : "no",
		c->short_share, c->heading_share, (int)c->features, (int)c->sections, (int)c->calls);
}
