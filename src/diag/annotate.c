/*
 * annotate.c -- --annotate: the page serialised back to HTML from the flat
 * DOM, made inert and offline (no scripts, event handlers, javascript: URLs,
 * frames, plug-ins, refreshes, external stylesheets or image loads, and a
 * Content-Security-Policy behind that), each block's container outlined by
 * its decision with the score and rule in a tooltip, and a fixed legend
 * with the page's totals.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/tags.h"
#include "diag/diag.h"

enum { MARK_NONE = 0, MARK_DROP, MARK_KEEP, MARK_HEADING };
enum { TIP_BLOCKS = 8 }; /* blocks listed per tooltip */

static const char *const COLOR[] = {
	[MARK_DROP] = "#d1242f",
	[MARK_KEEP] = "#1a7f37",
	[MARK_HEADING] = "#0969da",
};
static const char *const MARK_NAME[] = {
	[MARK_DROP] = "drop",
	[MARK_KEEP] = "keep",
	[MARK_HEADING] = "keep",
};

/* The first thing in <head>: our encoding, since the bytes written are
 * UTF-8 whatever the page declared, and a policy that lets nothing run and
 * nothing load from the network (images neither: the page is to render
 * offline, and without telling its trackers), only inline styles and
 * data: URLs. */
static const char HEAD_START[] =
	"<meta charset=\"utf-8\">"
	"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	"img-src data:; style-src 'unsafe-inline'; font-src data:; "
	"form-action 'none'; base-uri 'none'\">";

static void put_escaped(wn__buf *out, const char *s, int attr)
{
	const char *run = s;
	for (; *s; s++) {
		const char *rep;
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = attr ? "&quot;" : NULL; break;
		default: rep = NULL;
		}
		if (!rep)
			continue;
		wn__buf_put(out, run, (size_t)(s - run));
		wn__buf_puts(out, rep);
		run = s + 1;
	}
	wn__buf_put(out, run, (size_t)(s - run));
}

/* Raw text (<style>) is written as it is, except that nothing in it may
 * close the element early: "</style" becomes "<\/style", the same in CSS. */
static void put_raw(wn__buf *out, const char *s, const char *tag)
{
	size_t n = strlen(tag);
	for (const char *p = s; *p; p++) {
		if (p[0] == '<' && p[1] == '/' && !strncasecmp(p + 2, tag, n)) {
			wn__buf_put(out, s, (size_t)(p - s));
			wn__buf_puts(out, "<\\/");
			s = p + 2;
		}
	}
	wn__buf_puts(out, s);
}


static int is_raw_text(const wn__node *x)
{
	if (x->g->v.element.tag_namespace != GUMBO_NAMESPACE_HTML)
		return 0;
	return x->tag == GUMBO_TAG_STYLE || x->tag == GUMBO_TAG_XMP ||
	       x->tag == GUMBO_TAG_NOEMBED || x->tag == GUMBO_TAG_NOFRAMES;
}

/* Elements that run, load or navigate by themselves go with their subtree. */
static int is_dropped(const wn__node *x, const char *name)
{
	switch (x->tag) {
	case GUMBO_TAG_SCRIPT:
	case GUMBO_TAG_NOSCRIPT:
	case GUMBO_TAG_IFRAME:
	case GUMBO_TAG_FRAME:
	case GUMBO_TAG_FRAMESET:
	case GUMBO_TAG_OBJECT:
	case GUMBO_TAG_EMBED:
	case GUMBO_TAG_APPLET:
	case GUMBO_TAG_PARAM:
	case GUMBO_TAG_BASE:
	case GUMBO_TAG_LINK:
	case GUMBO_TAG_TEMPLATE: return 1;
	case GUMBO_TAG_META:
		/* refresh, and any encoding the page declared: ours is UTF-8 */
		return wn__attr(x, "http-equiv") || wn__attr(x, "charset");
	default: break;
	}
	/* SVG animation can set an href to a javascript: URL. */
	return x->g->v.element.tag_namespace == GUMBO_NAMESPACE_SVG && name &&
	       (!strncmp(name, "animate", 7) || !strcmp(name, "set"));
}

/* javascript: and vbscript: URLs, as a browser reads them: leading
 * controls and spaces skipped, tabs and newlines inside ignored. */
static int is_script_url(const char *v)
{
	static const char *const schemes[] = {"javascript:", "vbscript:"};
	while (*v && (unsigned char)*v <= ' ')
		v++;
	for (size_t s = 0; s < sizeof schemes / sizeof *schemes; s++) {
		const char *p = v, *q = schemes[s];
		for (; *p && *q; p++) {
			if (*p == '\t' || *p == '\n' || *p == '\r')
				continue;
			char ch = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
			if (ch != *q)
				break;
			q++;
		}
		if (!*q)
			return 1;
	}
	return 0;
}

/* Attributes that load something by themselves (images, media, SVG
 * references out of the page).  The policy would block the loads, but
 * each as an error in the console: they are renamed instead.  data: URLs
 * load nothing and stay. */
static int loads(const wn__node *x, const char *name, const GumboAttribute *at)
{
	static const char *const names[] = {
		"src", "srcset", "poster", "background", "lowsrc", "dynsrc", "imagesrcset",
	};
	const char *v = at->value;
	while (*v && (unsigned char)*v <= ' ')
		v++;
	if (!strncasecmp(v, "data:", 5))
		return 0;
	if (at->attr_namespace == GUMBO_ATTR_NAMESPACE_NONE)
		for (size_t k = 0; k < sizeof names / sizeof *names; k++)
			if (!strcasecmp(at->name, names[k]))
				return 1;
	return x->g->v.element.tag_namespace == GUMBO_NAMESPACE_SVG &&
	       !strcasecmp(at->name, "href") && *v != '#' && strcmp(name, "a");
}

static int is_attr_name(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || strchr("\"'<>=/`", *s) || (unsigned char)*s == 0x7F)
			return 0;
	return 1;
}

typedef struct marks {
	uint8_t *mark; /* per node: MARK_* of the container */
	int32_t *head; /* per node: its first block as container, or -1 */
	int32_t *next; /* per block: the next block of the same container */
	int32_t kept;
	long long kept_chars;
} marks;

static void put_tooltip(const wn__doc *d, const marks *m, int32_t i, wn__buf *out)
{
	int n = 0;
	for (int32_t k = m->head[i]; k >= 0; k = m->next[k], n++) {
		if (n == TIP_BLOCKS) {
			int more = 0;
			for (; k >= 0; k = m->next[k])
				more++;
			wn__buf_printf(out, "&#10;... and %d more blocks", more);
			break;
		}
		const wn__block *b = &d->blocks[k];
		double links = b->chars ? (double)b->link_chars / b->chars : 0;
		wn__buf_printf(out,
		               "%sblock %d: %s, score %.1f, goodness %.2f, "
		               "%d chars, links %d%%, hint %d: %s",
		               n ? "&#10;" : "", (int)k, b->keep ? "KEEP" : "drop", b->score,
		               b->good, (int)b->chars, (int)(links * 100 + 0.5), (int)b->hint,
		               wn__why_string(b->reason));
	}
}

/* The start tag, its attributes made safe; a block container also gets
 * its outline, tooltip and data-winnow attributes. */
static void put_start_tag(const wn__doc *d, const marks *m, int32_t i, const char *name, wn__buf *out)
{
	const wn__node *x = &d->nodes[i];
	int mk = m->mark[i];
	const char *style = NULL;
	wn__buf_printf(out, "<%s", name);
	const GumboVector *attrs = &x->g->v.element.attributes;
	for (unsigned a = 0; a < attrs->length; a++) {
		const GumboAttribute *at = attrs->data[a];
		const char *an = at->name;
		/* on* are event handlers; "open" is <details>'s state */
		if (!is_attr_name(an) || (!strncasecmp(an, "on", 2) && strcasecmp(an, "open")) ||
		    !strcasecmp(an, "manifest") || !strcasecmp(an, "srcdoc") ||
		    !strncasecmp(an, "data-winnow", 11) || is_script_url(at->value))
			continue;
		if (mk && !strcasecmp(an, "title"))
			continue;
		if (mk && !strcasecmp(an, "style")) {
			style = at->value;
			continue;
		}
		wn__buf_putc(out, ' ');
		if (loads(x, name, at))
			wn__buf_puts(out, "data-winnow-"); /* kept, but inert */
		else if (at->attr_namespace == GUMBO_ATTR_NAMESPACE_XLINK)
			wn__buf_puts(out, "xlink:");
		else if (at->attr_namespace == GUMBO_ATTR_NAMESPACE_XML)
			wn__buf_puts(out, "xml:");
		else if (at->attr_namespace == GUMBO_ATTR_NAMESPACE_XMLNS && strcmp(an, "xmlns"))
			wn__buf_puts(out, "xmlns:");
		wn__buf_puts(out, an);
		wn__buf_puts(out, "=\"");
		put_escaped(out, at->value, 1);
		wn__buf_putc(out, '"');
	}
	if (mk) {
		float score = 0;
		int32_t first = m->head[i], rule = first;
		for (int32_t k = first; k >= 0; k = m->next[k]) {
			score += d->blocks[k].score;
			if (d->blocks[k].keep && !d->blocks[rule].keep)
				rule = k;
		}
		wn__buf_printf(out, " data-winnow=\"%s\"", MARK_NAME[mk]);
		if (mk == MARK_HEADING)
			wn__buf_puts(out, " data-winnow-kind=\"heading\"");
		wn__buf_printf(out, " data-winnow-score=\"%.1f\" data-winnow-rule=\"%s\"", score,
		               wn__why_string(d->blocks[rule].reason));
		wn__buf_puts(out, " title=\"");
		put_tooltip(d, m, i, out);
		wn__buf_puts(out, "\" style=\"");
		if (style) {
			put_escaped(out, style, 1);
			wn__buf_putc(out, ';');
		}
		wn__buf_printf(out,
		               "outline:2px solid %s !important;"
		               "outline-offset:-2px !important\"",
		               COLOR[mk]);
	}
	if (i == d->article)
		wn__buf_puts(out, " data-winnow-article=\"\"");
	wn__buf_putc(out, '>');
}

static void put_legend(const wn__doc *d, const marks *m, wn__buf *out)
{
	static const char box[] =
		"position:fixed !important;right:12px !important;bottom:12px !important;"
		"z-index:2147483647 !important;display:block !important;"
		"background:#fff !important;color:#111 !important;"
		"font:13px/1.5 system-ui,sans-serif !important;"
		"border:1px solid #888 !important;border-radius:6px !important;"
		"padding:8px 12px !important;margin:0 !important;"
		"box-shadow:0 2px 10px rgba(0,0,0,.3) !important;"
		"text-align:left !important;max-width:340px !important";
	static const char key[] = "display:inline-block;margin:2px 6px 0 0;"
				  "padding:0 4px;outline:2px solid %s;"
				  "outline-offset:-2px;color:%s";
	wn__buf_printf(out,
	               "<div id=\"winnow-legend\" data-winnow=\"legend\" "
	               "style=\"%s\">",
	               box);
	wn__buf_puts(out, "<div style=\"font-weight:bold\">winnow --annotate</div>");
	wn__buf_printf(out,
	               "<div data-winnow-total=\"blocks\">%d blocks kept, "
	               "%d dropped</div>",
	               (int)m->kept, (int)(d->n_blocks - m->kept));
	wn__buf_printf(out,
	               "<div data-winnow-total=\"chars\">%lld characters "
	               "kept</div>",
	               m->kept_chars);
	wn__buf_printf(out,
	               "<div data-winnow-total=\"article\">has_article: %s; "
	               "kind: %s</div>",
	               d->has_article ? "yes" : "no", wn_kind_name((wn_kind)d->kind));
	wn__buf_puts(out, "<div>");
	static const char *const label[] = {
		[MARK_KEEP] = "kept",
		[MARK_DROP] = "dropped",
		[MARK_HEADING] = "heading of kept content",
	};
	for (int mk = MARK_DROP; mk <= MARK_HEADING; mk++) {
		wn__buf_puts(out, "<span style=\"");
		wn__buf_printf(out, key, COLOR[mk], COLOR[mk]);
		wn__buf_printf(out, "\">%s</span>", label[mk]);
	}
	wn__buf_puts(out, "</div><div style=\"color:#555\">hover an outline for "
	                  "its score and rule</div></div>");
}

static void build_marks(const wn__doc *d, marks *m)
{
	size_t nn = (size_t)d->n_nodes, nb = (size_t)d->n_blocks;
	m->mark = wn__xmalloc(nn);
	memset(m->mark, MARK_NONE, nn);
	m->head = wn__xmalloc(nn * sizeof *m->head);
	for (size_t i = 0; i < nn; i++)
		m->head[i] = -1;
	m->next = wn__xmalloc((nb ? nb : 1) * sizeof *m->next);
	m->kept = 0;
	m->kept_chars = 0;
	/* Backwards, so that each container lists its blocks in order. */
	for (int32_t k = d->n_blocks - 1; k >= 0; k--) {
		const wn__block *b = &d->blocks[k];
		int32_t c = b->container;
		m->next[k] = m->head[c];
		m->head[c] = k;
		if (b->keep) {
			m->kept++;
			m->kept_chars += b->chars;
		}
	}
	/* Green if any text kept there is not a heading, blue if only
	 * headings are, red if nothing is. */
	for (int32_t k = 0; k < d->n_blocks; k++) {
		const wn__block *b = &d->blocks[k];
		uint8_t *mk = &m->mark[b->container];
		if (b->container <= 0)
			continue;
		if (!b->keep) {
			if (*mk == MARK_NONE)
				*mk = MARK_DROP;
		} else if (b->kind == WN__BK_HEADING) {
			if (*mk != MARK_KEEP)
				*mk = MARK_HEADING;
		} else {
			*mk = MARK_KEEP;
		}
	}
}

void wn__render_annotate(const wn__doc *d, wn__buf *out)
{
	marks m;
	build_marks(d, &m);
	wn__buf_puts(out, "<!DOCTYPE html>\n");
	int legend = 0, raw = 0;
	const char *raw_tag = "";
	char buf[64];
	wn__walk w;
	int32_t i;
	int leave;
	wn__walk_init(&w, d, 0, 0);
	while (wn__walk_next(&w, &i, &leave)) {
		const wn__node *x = &d->nodes[i];
		if (i == 0)
			continue;
		if (x->kind != WN__NODE_ELEMENT) {
			if (raw)
				put_raw(out, x->g->v.text.text, raw_tag);
			else
				put_escaped(out, x->g->v.text.text, 0);
			continue;
		}
		const char *name = wn__tag_name(x, buf, sizeof buf);
		if (x->tag == GUMBO_TAG_PLAINTEXT)
			name = "pre"; /* <plaintext> could never be closed */
		else if (!name)
			name = "span";
		if (leave) {
			if (x->tag == GUMBO_TAG_BODY || (x->tag == GUMBO_TAG_HTML && !legend)) {
				put_legend(d, &m, out);
				legend = 1;
			}
			raw = 0;
			if (!wn__tag_is(x->tag, WN__TC_VOID))
				wn__buf_printf(out, "</%s>", name);
			continue;
		}
		if (is_dropped(x, name)) {
			wn__walk_skip(&w);
			continue;
		}
		put_start_tag(d, &m, i, name, out);
		if (x->tag == GUMBO_TAG_HEAD)
			wn__buf_puts(out, HEAD_START);
		/* The parser drops a newline right after these start tags. */
		if (x->tag == GUMBO_TAG_PRE || x->tag == GUMBO_TAG_TEXTAREA ||
		    x->tag == GUMBO_TAG_LISTING || x->tag == GUMBO_TAG_PLAINTEXT)
			wn__buf_putc(out, '\n');
		if (is_raw_text(x)) {
			raw = 1;
			raw_tag = name;
		}
	}
	wn__walk_free(&w);
	if (!legend)
		put_legend(d, &m, out);
	wn__buf_putc(out, '\n');
	free(m.mark);
	free(m.head);
	free(m.next);
}
