/*
 * diff.c -- unified diffs of expected and actual output for
 * `winnow check`.  Lines are compared with E. W. Myers' greedy O(ND)
 * algorithm ("An O(ND) Difference Algorithm and Its Variations",
 * Algorithmica 1(2), 1986, section 2), after the common prefix and suffix
 * are set aside.  Its trace costs O(D^2) memory, so past MAX_D differences
 * (or a work budget) the middle is given as removed then added whole:
 * still a correct diff, only not the shortest.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "support.h"

enum {
	CONTEXT = 3,  /* lines of context around changes */
	MAX_D = 2000, /* trace of at most MAX_D^2/2 ints: 8 MB */
};
#define MAX_WORK 200000000LL /* snake steps before giving up on minimality */

typedef struct line {
	const char *s;
	size_t n; /* bytes, without the newline */
	uint64_t h;
	int nl; /* ends with a newline (only the last line may not) */
} line;

static line *split(const char *s, size_t len, size_t *count)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n';
	if (len && s[len - 1] != '\n')
		n++;
	line *v = cli_xmalloc(n * sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < len; k++) {
		const char *e = memchr(s + i, '\n', len - i);
		size_t end = e ? (size_t)(e - s) : len;
		uint64_t h = 1469598103934665603ULL; /* FNV-1a */
		for (size_t j = i; j < end; j++)
			h = (h ^ (unsigned char)s[j]) * 1099511628211ULL;
		v[k] = (line){s + i, end - i, h, e != NULL};
		i = e ? end + 1 : len;
	}
	*count = n;
	return v;
}

static int same(const line *x, const line *y)
{
	return x->h == y->h && x->n == y->n && x->nl == y->nl && !memcmp(x->s, y->s, x->n);
}

/* The edit script of a[0..n) -> b[0..m) into ops, as '=', '-', '+'; returns
 * its length.  ops must hold n + m. */
static size_t myers(const line *a, size_t n, const line *b, size_t m, char *ops)
{
	size_t maxd = n + m < MAX_D ? n + m : MAX_D;
	int32_t *vbuf = cli_xmalloc((2 * maxd + 3) * sizeof *vbuf);
	int32_t *v = vbuf + maxd + 1; /* v[k] for k = -maxd-1 .. maxd+1 */
	int32_t *trace = cli_xmalloc(((maxd + 1) * (maxd + 2) / 2) * sizeof *trace);
	long long work = 0;
	size_t found = SIZE_MAX, len = 0;
	v[1] = 0;
	for (size_t d = 0; d <= maxd && found == SIZE_MAX && work < MAX_WORK; d++) {
		int32_t id = (int32_t)d;
		for (int32_t k = -id; k <= id; k += 2) {
			int32_t x = (k == -id || (k != id && v[k - 1] < v[k + 1])) ? v[k + 1]
			                                                           : v[k - 1] + 1;
			int32_t y = x - k, x0 = x;
			while ((size_t)x < n && (size_t)y < m && same(&a[x], &b[y])) {
				x++;
				y++;
			}
			work += x - x0 + 1;
			v[k] = x;
			if ((size_t)x >= n && (size_t)y >= m) {
				found = d;
				break;
			}
		}
		/* v of this d, for going back: k = -d, -d+2, ..., d */
		int32_t *t = trace + d * (d + 1) / 2;
		for (int32_t k = -id; k <= id; k += 2)
			t[(k + id) / 2] = v[k];
	}
	if (found == SIZE_MAX) {
		memset(ops, '-', n);
		memset(ops + n, '+', m);
		len = n + m;
	} else {
		/* Back from (n, m): each D-path is a (D-1)-path, one insertion
		 * or deletion, then a snake of equal lines.  Ops come out in
		 * reverse. */
		int32_t x = (int32_t)n, y = (int32_t)m;
		for (size_t d = found; d > 0; d--) {
			int32_t id = (int32_t)d, k = x - y;
			const int32_t *t = trace + (d - 1) * d / 2;
#define PREV(kk) t[((kk) + id - 1) / 2]
			int down = k == -id || (k != id && PREV(k - 1) < PREV(k + 1));
			int32_t pk = down ? k + 1 : k - 1;
			int32_t px = PREV(pk), py = px - pk;
#undef PREV
			int32_t sx = down ? px : px + 1; /* where the snake starts */
			for (; x > sx; x--, y--)
				ops[len++] = '=';
			ops[len++] = down ? '+' : '-';
			x = px;
			y = py;
		}
		for (; x > 0; x--)
			ops[len++] = '=';
		for (size_t i = 0; i < len / 2; i++) {
			char c = ops[i];
			ops[i] = ops[len - 1 - i];
			ops[len - 1 - i] = c;
		}
	}
	free(vbuf);
	free(trace);
	return len;
}

typedef struct emit {
	FILE *f;
	size_t lines, max;
} emit;

/* Counts every line of the diff, writes those within the limit. */
static int room(emit *e)
{
	e->lines++;
	return !e->max || e->lines <= e->max;
}

static void put_line(emit *e, char sign, const line *l)
{
	if (room(e)) {
		fputc(sign, e->f);
		fwrite(l->s, 1, l->n, e->f);
		fputc('\n', e->f);
	}
	if (!l->nl && room(e))
		fputs("\\ No newline at end of file\n", e->f);
}

static void put_range(FILE *f, char sign, size_t start, size_t count)
{
	if (count == 1)
		fprintf(f, "%c%zu", sign, start + 1);
	else
		fprintf(f, "%c%zu,%zu", sign, count ? start + 1 : start, count);
}

size_t cli_diff(FILE *f, const char *a, size_t alen, const char *b, size_t blen, const char *name_a,
                const char *name_b, size_t max_lines)
{
	if (alen == blen && !memcmp(a, b, alen))
		return 0;
	size_t na, nb;
	line *la = split(a, alen, &na), *lb = split(b, blen, &nb);
	size_t pre = 0, suf = 0;
	while (pre < na && pre < nb && same(&la[pre], &lb[pre]))
		pre++;
	while (suf < na - pre && suf < nb - pre && same(&la[na - 1 - suf], &lb[nb - 1 - suf]))
		suf++;
	size_t total = na + nb;
	char *ops = cli_xmalloc(total);
	memset(ops, '=', pre);
	size_t nops = pre + myers(la + pre, na - pre - suf, lb + pre, nb - pre - suf, ops + pre);
	memset(ops + nops, '=', suf);
	nops += suf;

	/* Removals before additions within each run of changes. */
	for (size_t i = 0; i < nops;) {
		size_t j = i, minus = 0;
		while (j < nops && ops[j] != '=')
			minus += ops[j++] == '-';
		for (size_t k = i; k < j; k++)
			ops[k] = k - i < minus ? '-' : '+';
		i = j > i ? j : i + 1;
	}

	emit e = {f, 0, max_lines};
	if (room(&e))
		fprintf(f, "--- %s\n", name_a);
	if (room(&e))
		fprintf(f, "+++ %s\n", name_b);
	size_t i = 0, ia = 0, ib = 0, done = 0; /* done: ops already shown */
	for (;;) {
		while (i < nops && ops[i] == '=') {
			i++;
			ia++;
			ib++;
		}
		if (i == nops)
			break;
		size_t back = i - done < CONTEXT ? i - done : CONTEXT;
		size_t hs = i - back, ha = ia - back, hb = ib - back;
		/* The hunk ends CONTEXT equal lines after its last change that
		 * is not followed by more than 2*CONTEXT equal lines. */
		size_t j = i, he;
		for (;;) {
			while (j < nops && ops[j] != '=')
				j++;
			size_t r = 0;
			while (j + r < nops && ops[j + r] == '=')
				r++;
			if (j + r == nops || r > 2 * CONTEXT) {
				he = j + (r < CONTEXT ? r : CONTEXT);
				break;
			}
			j += r;
		}
		size_t ca = 0, cb = 0;
		for (size_t k = hs; k < he; k++) {
			ca += ops[k] != '+';
			cb += ops[k] != '-';
		}
		if (room(&e)) {
			fputs("@@ ", f);
			put_range(f, '-', ha, ca);
			fputc(' ', f);
			put_range(f, '+', hb, cb);
			fputs(" @@\n", f);
		}
		size_t xa = ha, xb = hb;
		for (size_t k = hs; k < he; k++) {
			if (ops[k] == '=') {
				put_line(&e, ' ', &la[xa++]);
				xb++;
			} else if (ops[k] == '-') {
				put_line(&e, '-', &la[xa++]);
			} else {
				put_line(&e, '+', &lb[xb++]);
			}
		}
		i = done = he;
		ia = xa;
		ib = xb;
	}
	if (max_lines && e.lines > max_lines)
		fprintf(f, "[... %zu more diff lines]\n", e.lines - max_lines);
	free(ops);
	free(la);
	free(lb);
	return e.lines;
}
