/*
 * md.h -- what the Markdown renderer's files share: its state and the
 * functions between them.  md_out.c writes (what is owed, markers,
 * escapes), md_inline.c the inline constructs, md_table.c pipe tables,
 * markdown.c the blocks and the walk; each uses only the ones before it.
 */
#ifndef WINNOW_RENDER_MD_H
#define WINNOW_RENDER_MD_H

#include "doc.h"
#include "render/core.h"

/* A frame: a quote, list or item entered, for line prefixes. */
enum { WN__MD_F_QUOTE, WN__MD_F_LIST, WN__MD_F_ITEM, WN__MD_F_INERT };
typedef struct wn__md_frame {
	int32_t node;
	uint8_t kind, ordered, pending; /* pending: item marker not yet written */
	uint8_t flat;                   /* item: its further lines not indented */
	char delim;                     /* list: '-', '*', '.' or ')' */
	int32_t next;                   /* list: next number */
	size_t len0, item_end;          /* list: output length at its start,
	                                   and after its last item */
	size_t dt_at;                   /* dl: output length at its last term's
	                                   start, SIZE_MAX after a definition */
	uint8_t termed;                 /* dl: its last term was written */
	char mark[16];                  /* item: "- ", "12. " */
} wn__md_frame;

enum { WN__MD_K_EM, WN__MD_K_STRONG, WN__MD_K_DEL, WN__MD_K_LINK, WN__MD_K_COUNT };
enum { WN__MD_I_PENDING, WN__MD_I_OPEN, WN__MD_I_OFF };
typedef struct wn__md_inl {
	int32_t node;
	uint8_t kind, state, active;
	size_t pos;      /* where the opener was written */
	const char *url; /* link: destination, formatted */
} wn__md_inl;

typedef struct wn__md_state {
	const wn__doc *d;
	wn__buf *o;
	size_t start;                  /* where this document's output begins in o */
	wn__arena arena;               /* link and image destinations */
	wn__owed ow;                   /* white space owed before the next content */
	int hard;                      /* the line breaks owed come from <br> */
	int fresh;                     /* an item began and wrote nothing yet: no breaks */
	int bol;                       /* at the start of a line's content (for escapes) */
	int numstart;                  /* only digits since it (for "1." escapes) */
	int32_t last;                  /* last code point on the line, 0 at its start */
	wn__md_frame *fr;              /* quotes, lists, items; the first nreal give prefixes */
	size_t nfr, nreal, capfr, low; /* low: least depth since the last line */
	wn__md_inl *in;                /* emphasis and link elements entered */
	size_t nin, capin;
	int32_t act[WN__MD_K_COUNT];    /* indices in `in` of the markers in use */
	int nact, ibase, want;          /* ibase: first usable in a table; want: some pending */
	size_t lc_pos, lc_end, lc_open; /* the last closer, for merging */
	int lc_kind;
	int32_t lc_last;
	size_t code_end;            /* where the last code span ended */
	const char *lead;           /* heading marker owed */
	int32_t hnode, tnode, cell; /* the heading, pipe table, cell being written */
	int32_t fig;                /* a subtree entered for its images only */
	size_t fig_len;             /* the output's length when it was entered */
	int ncols, col, rows, cellfresh;
	size_t ladj_len, ladj_depth; /* where the last list ended */
	uint8_t *labels;             /* blocks that label code blocks (not written) */
	char ladj_delim;
} wn__md_state;

/* The opening marker of each inline kind ("[" for a link). */
extern const char *const wn__md_open[WN__MD_K_COUNT];

/* ---- md_out.c ---- */
int wn__md_is_ws(int32_t c);
int wn__md_is_punct(int32_t c);
void wn__md_put(wn__md_state *s, const char *p);
/* Would CommonMark read t[0..n) (after an '&') as an entity? */
int wn__md_entity_at(const char *t, size_t n);
/* The prefixes of the first upto frames; blank: for a blank line. */
void wn__md_prefix(wn__md_state *s, int blank, size_t upto);
void wn__md_put_closer(wn__md_state *s, const wn__md_inl *e);
/* At a paragraph end: closes the markers in use (they reopen later). */
void wn__md_close_inlines(wn__md_state *s);
/* Writes what is owed before content starting with c (0: no markers). */
void wn__md_flush(wn__md_state *s, int32_t c);
/* Owes n line breaks (1 a new line, 2 a blank line). */
void wn__md_owe(wn__md_state *s, int n);
/* Writes code point c (k bytes at t[i] of t[0..len)), escaped. */
void wn__md_put_char(wn__md_state *s, const char *t, size_t i, size_t len, int32_t c, int k);
/* Text written inside one construct (alt text, math): collapsed, escaped. */
void wn__md_put_plain(wn__md_state *s, const char *t);

/* ---- md_inline.c ---- */
size_t wn__md_longest_run(const char *t, char c);
void wn__md_code_span(wn__md_state *s, int32_t node);
const char *wn__md_format_url(wn__md_state *s, const char *raw);
void wn__md_push_inline(wn__md_state *s, int32_t node, int kind, const char *url);
void wn__md_pop_inline(wn__md_state *s, int32_t node);
void wn__md_image(wn__md_state *s, const wn__node *x);
int wn__md_math(wn__md_state *s, const wn__node *x);

/* ---- md_table.c ---- */
void wn__md_enter_row(wn__md_state *s);
void wn__md_leave_row(wn__md_state *s);

#endif
