/*
 * warc_read.c -- the WARC reader (warc_read.h): WARC 1.0 and 1.1 (ISO
 * 28500:2009 and 28500:2017 / the IIPC WARC 1.1 specification), plain or
 * gzip-compressed (RFC 1952, usually one gzip member per record), read as
 * a stream.  A record from a gzip member is given only once its member has
 * ended well (its CRC checked), so a corrupt member is reported instead.
 * The HTTP message (RFC 7230) of a response: chunked transfer coding (RFC
 * 7230 4.1) and gzip/deflate content coding are undone.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "warc_read.h"

enum { CHUNK = 1 << 16, MAX_LINE = 1 << 16, MAX_HEADER = 1 << 18 };

/* ---- the byte stream: plain, or gzip members one after another ---- */

typedef struct src {
	cli_read_fn read;
	void *ctx;
	int gz, in_member, eof, error; /* error: a reason in why */
	int rerr;                      /* the errno of a failed read */
	z_stream z;
	unsigned char in[CHUNK], out[CHUNK];
	size_t pos, len;      /* out[pos..len) not read yet */
	long long read_bytes; /* bytes read from the stream */
	long long member;     /* offset of the gzip member being inflated */
	long long out_member; /* the member out[] came from */
	char why[160];
} src;

/* The offset that names the record starting at the next byte. */
static long long src_offset(const src *s)
{
	return s->gz ? s->out_member : s->read_bytes - (long long)(s->len - s->pos);
}

/* Up to n bytes, as many as there are (as fread gives them). */
static size_t read_in(src *s, unsigned char *buf, size_t n)
{
	size_t k = 0;
	while (k < n && !s->rerr) {
		ssize_t got = s->read(s->ctx, buf + k, n - k);
		if (got < 0)
			s->rerr = errno ? errno : EIO;
		if (got <= 0)
			break;
		k += (size_t)got;
	}
	s->read_bytes += (long long)k;
	return k;
}

/* Refills out[]: 1 when there are bytes, 0 at the end, -1 on an error. */
static int fill(src *s)
{
	s->pos = s->len = 0;
	if (s->eof || s->error)
		return s->error ? -1 : 0;
	if (!s->gz) {
		s->len = read_in(s, s->out, CHUNK);
		if (s->len)
			return 1;
		s->eof = 1;
		if (s->rerr) {
			cli_strerror(s->rerr, s->why, sizeof s->why);
			s->error = 1;
			return -1;
		}
		return 0;
	}
	for (;;) {
		if (!s->z.avail_in) {
			s->z.next_in = s->in;
			s->z.avail_in = (uInt)read_in(s, s->in, CHUNK);
			if (!s->z.avail_in) {
				s->eof = 1;
				if (!s->in_member)
					return 0;
				snprintf(s->why, sizeof s->why,
				         "truncated: the file ends inside a gzip member");
				s->error = 1;
				return -1;
			}
		}
		if (!s->in_member) {
			s->member = s->read_bytes - s->z.avail_in;
			s->in_member = 1;
		}
		s->z.next_out = s->out;
		s->z.avail_out = CHUNK;
		int rc = inflate(&s->z, Z_NO_FLUSH);
		size_t got = CHUNK - s->z.avail_out;
		if (rc == Z_STREAM_END) {
			inflateReset(&s->z);
			s->in_member = 0;
		} else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			snprintf(s->why, sizeof s->why, "corrupt gzip data (%s)",
			         s->z.msg ? s->z.msg : "zlib error");
			s->error = 1;
			return -1;
		}
		if (got) {
			s->len = got;
			s->out_member = s->member;
			return 1;
		}
	}
}

/* After corrupt gzip data: on to the next gzip member header (1f 8b 08). */
static void resync_gz(src *s)
{
	s->error = 0;
	s->pos = s->len = 0;
	s->in_member = 0;
	inflateReset(&s->z);
	for (;;) {
		unsigned char *p = s->z.next_in, *end = p + s->z.avail_in;
		for (; p + 2 < end; p++)
			if (p[0] == 0x1f && p[1] == 0x8b && p[2] == 8) {
				s->z.avail_in = (uInt)(end - p);
				s->z.next_in = p;
				return;
			}
		/* keep the last two bytes: a header may straddle the refill */
		size_t keep = (size_t)(end - p);
		memmove(s->in, p, keep);
		size_t k = read_in(s, s->in + keep, CHUNK - keep);
		s->z.next_in = s->in;
		s->z.avail_in = (uInt)(keep + k);
		if (!k) {
			s->z.avail_in = 0;
			s->eof = 1;
			return;
		}
	}
}

/* A line into b, without its "\r\n" or "\n", cut at max bytes (the rest
 * is left for the next call).  1, or 0 at the end, or -1 on an error. */
static int src_line(src *s, cli_buf *b, size_t max)
{
	int any = 0;
	b->len = 0;
	for (;;) {
		if (s->pos == s->len) {
			int rc = fill(s);
			if (rc <= 0)
				return rc < 0 ? -1 : any;
		}
		any = 1;
		unsigned char *start = s->out + s->pos;
		unsigned char *nl = memchr(start, '\n', s->len - s->pos);
		size_t k = nl ? (size_t)(nl - start) : s->len - s->pos;
		if (b->len + k > max)
			k = max - b->len, nl = NULL;
		cli_buf_put(b, start, k);
		s->pos += k + (nl != NULL);
		if (nl || b->len == max)
			break;
	}
	if (b->len && b->data[b->len - 1] == '\r')
		b->data[--b->len] = 0;
	return 1;
}

/* Reads n bytes into dst (or passes them over, dst NULL); returns how many
 * there were, or -1 on an error. */
static long long src_read(src *s, char *dst, unsigned long long n)
{
	unsigned long long done = 0;
	while (done < n) {
		if (s->pos == s->len) {
			int rc = fill(s);
			if (rc <= 0)
				return rc < 0 ? -1 : (long long)done;
		}
		size_t k = s->len - s->pos;
		if (k > n - done)
			k = (size_t)(n - done);
		if (dst)
			memcpy(dst + done, s->out + s->pos, k);
		s->pos += k;
		done += k;
	}
	return (long long)done;
}

/* ---- headers ---- */

/* The value of header `name` in the "Name: value" lines h[0..n), trimmed,
 * into a new string; the last one when there are several.  NULL if none. */
static char *header(const char *h, size_t n, const char *name)
{
	size_t k = strlen(name);
	char *found = NULL;
	for (size_t i = 0; i < n;) {
		const char *line = h + i, *nl = memchr(line, '\n', n - i);
		size_t len = nl ? (size_t)(nl - line) : n - i;
		i += len + 1;
		if (len <= k || line[k] != ':' || strncasecmp(line, name, k))
			continue;
		const char *v = line + k + 1, *e = line + len;
		while (v < e && (*v == ' ' || *v == '\t'))
			v++;
		while (e > v && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		free(found);
		found = cli_xstrndup(v, (size_t)(e - v));
	}
	return found;
}

/* Whether media type v (before its parameters) is one of list's. */
static int media_is(const char *v, const char *const *list)
{
	size_t n = strcspn(v, "; \t");
	for (; *list; list++)
		if (strlen(*list) == n && !strncasecmp(v, *list, n))
			return 1;
	return 0;
}

/* Whether the comma-separated list v has token (case-insensitive). */
static int has_token(const char *v, const char *token)
{
	size_t k = strlen(token);
	for (const char *p = v; *p;) {
		p += strspn(p, " \t,");
		size_t n = strcspn(p, ",; \t");
		if (n == k && !strncasecmp(p, token, k))
			return 1;
		p += strcspn(p, ",");
	}
	return 0;
}

/* ---- the records, in file order ---- */

typedef struct qitem {
	warc_record r;
	struct qitem *next;
} qitem;

struct warc_reader {
	src s;
	size_t max_bytes, skipped;
	qitem *head, *tail; /* given out next */
	qitem *pending;     /* read, but its gzip member not yet checked */
	cli_buf line, hb;
	long long off;
	int started, have, stop, done;
};

static qitem *new_item(long long off)
{
	qitem *q = cli_xcalloc(1, sizeof *q);
	q->r.off = off;
	return q;
}

static void push(warc_reader *R, qitem *q)
{
	if (R->tail)
		R->tail->next = q;
	else
		R->head = q;
	R->tail = q;
}

/* The record becomes a problem. */
static void fail_item(qitem *q, const char *why)
{
	free(q->r.block);
	q->r.block = NULL;
	free(q->r.why);
	q->r.why = cli_xstrdup(why);
}

static void flush_pending(warc_reader *R)
{
	if (R->pending)
		push(R, R->pending);
	R->pending = NULL;
}

/* A problem met while reading, in order with the records. */
static void report(warc_reader *R, long long off, const char *why)
{
	flush_pending(R);
	qitem *q = new_item(off);
	q->r.why = cli_xstrdup(why);
	push(R, q);
}

/* After fill() failed: corrupt gzip data is reported and the reading goes
 * on at the next member; anything else ends the file. */
static void read_error(warc_reader *R, long long off)
{
	src *s = &R->s;
	if (s->gz && !s->eof) {
		if (R->pending && R->pending->r.off == s->member) {
			fail_item(R->pending, s->why); /* its member failed the check */
			flush_pending(R);
		} else {
			report(R, s->member, s->why);
		}
		resync_gz(s);
		return;
	}
	report(R, off, s->why);
	R->stop = 1;
}

/* The record keys of the output line: url, warc_record_id, warc_date. */
static void record_keys(warc_record *r, const char *h, size_t n)
{
	static const char *const keys[][2] = {
		{"WARC-Target-URI", "url"},
		{"WARC-Record-ID", "warc_record_id"},
		{"WARC-Date", "warc_date"},
	};
	cli_buf_put(&r->keys, "{", 1);
	for (size_t k = 0; k < 3; k++) {
		char *v = header(h, n, keys[k][0]);
		if (!v)
			continue;
		size_t len = strlen(v);
		char *p = v;
		if (k == 0 && len >= 2 && v[0] == '<' && v[len - 1] == '>') /* WARC 1.0 */
			p++, len -= 2, p[len] = 0;
		if (r->keys.len > 1)
			cli_buf_put(&r->keys, ",", 1);
		cli_buf_put(&r->keys, "\"", 1);
		cli_buf_puts(&r->keys, keys[k][1]);
		cli_buf_put(&r->keys, "\":", 2);
		cli_buf_json(&r->keys, p, len);
		if (k == 0)
			r->uri = cli_xstrdup(p);
		free(v);
	}
	cli_buf_put(&r->keys, "}", 1);
}

/* One record, its first line in R->line; 0, or -1 when the reading
 * failed. */
static int read_record(warc_reader *R, long long off)
{
	static const char *const http[] = {"application/http", NULL};
	src *s = &R->s;
	cli_buf *line = &R->line, *hb = &R->hb;
	char msg[160];
	int rc;
	hb->len = 0;
	while ((rc = src_line(s, line, MAX_LINE)) > 0 && line->len) {
		if (hb->len + line->len > MAX_HEADER) {
			report(R, off, "WARC header longer than 256 KiB");
			return 0; /* the next record is looked for */
		}
		if ((line->data[0] == ' ' || line->data[0] == '\t') && hb->len)
			hb->data[hb->len - 1] = ' '; /* a folded line */
		cli_buf_put(hb, line->data, line->len);
		cli_buf_put(hb, "\n", 1);
	}
	if (rc < 0)
		return -1;
	if (rc == 0) {
		report(R, off, "truncated: the file ends inside the WARC header");
		R->stop = 1;
		return 0;
	}
	char *type = header(hb->data, hb->len, "WARC-Type");
	char *clen = header(hb->data, hb->len, "Content-Length");
	char *ctype = header(hb->data, hb->len, "Content-Type");
	char *seg = header(hb->data, hb->len, "WARC-Segment-Number");
	char *end = NULL;
	unsigned long long len = clen ? strtoull(clen, &end, 10) : 0;
	int ok = clen && *clen >= '0' && *clen <= '9' && end && !*end;
	int want = ok && type && !strcasecmp(type, "response") &&
	           (!ctype || media_is(ctype, http)) && (!seg || !strcmp(seg, "1"));
	free(type);
	free(clen);
	free(ctype);
	free(seg);
	if (!ok) {
		report(R, off, "no valid Content-Length in the WARC header");
		return 0;
	}
	if (want && len > R->max_bytes) {
		snprintf(msg, sizeof msg, "record larger than --max-bytes (%llu bytes)", len);
		report(R, off, msg);
		want = 0;
	}
	qitem *it = NULL;
	if (want) {
		it = new_item(off);
		it->r.block = cli_xmalloc((size_t)len + 1);
		it->r.blen = (size_t)len;
		it->r.block[len] = 0; /* for sscanf and strtoull */
		record_keys(&it->r, hb->data, hb->len);
	} else {
		R->skipped++;
	}
	long long got = src_read(s, it ? it->r.block : NULL, len);
	if (got >= 0 && (unsigned long long)got < len) {
		snprintf(msg, sizeof msg,
		         "truncated: the file ends inside the record "
		         "(%lld of %llu bytes)",
		         got, len);
		if (it) {
			fail_item(it, msg);
			flush_pending(R);
			push(R, it);
		} else {
			report(R, off, msg);
		}
		R->stop = 1;
		return 0;
	}
	if (got < 0) {
		if (it) {
			fail_item(it, s->why);
			flush_pending(R);
			if (s->gz && !s->eof)
				resync_gz(s);
			else
				R->stop = 1;
			push(R, it);
		}
		return it ? 0 : -1;
	}
	if (it) {
		flush_pending(R);
		R->pending = it;
		if (!s->gz)
			flush_pending(R);
	}
	return 0;
}

warc_reader *warc_open(cli_read_fn read, void *ctx, size_t max_bytes)
{
	warc_reader *R = cli_xcalloc(1, sizeof *R);
	R->s.read = read;
	R->s.ctx = ctx;
	R->max_bytes = max_bytes;
	return R;
}

/* The first bytes say whether the stream is gzip'd. */
static void start(warc_reader *R)
{
	src *s = &R->s;
	size_t k = read_in(s, s->in, CHUNK);
	R->started = 1;
	if (k >= 2 && s->in[0] == 0x1f && s->in[1] == 0x8b) {
		s->gz = 1;
		if (inflateInit2(&s->z, 15 + 16) != Z_OK)
			cli_oom();
		s->z.next_in = s->in;
		s->z.avail_in = (uInt)k;
	} else {
		memcpy(s->out, s->in, k);
		s->len = k;
	}
}

/* One turn of the reading: a record, a problem, or lines passed over.
 * Returns 0 when the stream is done. */
static int step(warc_reader *R)
{
	src *s = &R->s;
	cli_buf *line = &R->line;
	int rc = 1;
	if (R->stop)
		return 0;
	if (!R->have) {
		if (s->pos == s->len && (rc = fill(s)) <= 0) {
			if (rc < 0)
				read_error(R, src_offset(s));
			return !(rc == 0 || s->eof);
		}
		R->off = src_offset(s);
		rc = src_line(s, line, MAX_LINE);
		if (rc <= 0) {
			if (rc < 0)
				read_error(R, R->off);
			return rc != 0;
		}
		if (!line->len)
			return 1;
	}
	R->have = 0;
	flush_pending(R); /* the member before has ended well */
	if (strncmp(line->data, "WARC/1.", 7)) {
		report(R, R->off, "no WARC/1.0 or WARC/1.1 line where a record starts");
		while (!R->have && !R->stop) {
			if (s->pos == s->len && (rc = fill(s)) <= 0)
				break;
			R->off = src_offset(s);
			if ((rc = src_line(s, line, MAX_LINE)) <= 0)
				break;
			R->have = !strncmp(line->data, "WARC/1.", 7);
		}
		if (rc < 0)
			read_error(R, R->off);
		else if (rc == 0)
			return 0;
		return 1;
	}
	if (read_record(R, R->off) < 0)
		read_error(R, R->off);
	return 1;
}

int warc_next(warc_reader *R, warc_record *r)
{
	if (!R->started)
		start(R);
	while (!R->head && !R->done) {
		if (!step(R)) {
			flush_pending(R);
			R->done = 1;
		}
	}
	qitem *q = R->head;
	if (!q)
		return 0;
	R->head = q->next;
	if (!R->head)
		R->tail = NULL;
	*r = q->r;
	free(q);
	return 1;
}

long long warc_bytes_read(const warc_reader *R)
{
	return R->s.read_bytes;
}

size_t warc_skipped(const warc_reader *R)
{
	return R->skipped;
}

void warc_record_free(warc_record *r)
{
	free(r->block);
	free(r->keys.data);
	free(r->uri);
	free(r->why);
	memset(r, 0, sizeof *r);
}

void warc_close(warc_reader *R)
{
	if (!R)
		return;
	for (qitem *q = R->head, *next; q; q = next) {
		next = q->next;
		warc_record_free(&q->r);
		free(q);
	}
	if (R->pending) {
		warc_record_free(&R->pending->r);
		free(R->pending);
	}
	if (R->s.gz)
		inflateEnd(&R->s.z);
	free(R->line.data);
	free(R->hb.data);
	free(R);
}

int warc_name(const char *path)
{
	size_t n = strlen(path);
	return (n > 5 && !strcasecmp(path + n - 5, ".warc")) ||
	       (n > 8 && !strcasecmp(path + n - 8, ".warc.gz"));
}

int warc_sniff(const unsigned char *head, size_t k)
{
	unsigned char data[8];
	if (k >= 7 && !memcmp(head, "WARC/1.", 7))
		return 1;
	if (k < 2 || head[0] != 0x1f || head[1] != 0x8b)
		return 0;
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 15 + 16) != Z_OK)
		return 0;
	z.next_in = (unsigned char *)head;
	z.avail_in = (uInt)k;
	z.next_out = data;
	z.avail_out = sizeof data;
	inflate(&z, Z_NO_FLUSH);
	int yes = z.avail_out <= 1 && !memcmp(data, "WARC/1.", 7);
	inflateEnd(&z);
	return yes;
}

/* ---- the HTTP response in a record ---- */

/* Chunked transfer coding (RFC 7230 4.1) undone in place; returns the new
 * length, or (size_t)-1 if b does not start with a chunk.  A body cut short
 * keeps what it has. */
static size_t dechunk(char *b, size_t n)
{
	size_t i = 0, o = 0;
	int first = 1;
	while (i < n) {
		char *end;
		errno = 0;
		unsigned long long size = strtoull(b + i, &end, 16);
		if (end == b + i || errno || !strchr(";\r\n \t", *end))
			return first ? (size_t)-1 : o;
		const char *nl = memchr(end, '\n', n - (size_t)(end - b));
		if (!nl || size == 0)
			break;
		first = 0;
		i = (size_t)(nl - b) + 1;
		if (size > n - i)
			size = n - i;
		memmove(b + o, b + i, (size_t)size);
		o += (size_t)size;
		i += (size_t)size;
		if (i < n && b[i] == '\r')
			i++;
		if (i < n && b[i] == '\n')
			i++;
	}
	return o;
}

/* gzip, zlib or raw deflate data inflated into a new buffer of at most max
 * bytes; NULL with *why set if it is not. */
static char *inflate_all(const char *in, size_t n, size_t max, int raw, size_t *len, const char **why)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, raw ? -15 : 15 + 32) != Z_OK)
		cli_oom();
	/* a guess at the size, never over max: a small body under a small
	 * --max-bytes still stops at max */
	size_t cap = n < max / 4 ? n * 4 + 1024 : max, o = 0;
	if (cap > max)
		cap = max;
	char *out = cli_xmalloc(cap);
	z.next_in = (unsigned char *)in;
	z.avail_in = n > UINT_MAX ? UINT_MAX : (uInt)n;
	int rc;
	*why = NULL;
	for (;;) {
		if (o == cap) {
			if (cap >= max) {
				*why = "decoded body larger than --max-bytes";
				break;
			}
			cap = cap * 2 > max ? max : cap * 2;
			out = cli_xrealloc(out, cap);
		}
		z.next_out = (unsigned char *)out + o;
		z.avail_out = (uInt)(cap - o > UINT_MAX ? UINT_MAX : cap - o);
		rc = inflate(&z, Z_NO_FLUSH);
		o = (size_t)((char *)z.next_out - out);
		if (rc == Z_STREAM_END)
			break;
		if (rc == Z_BUF_ERROR && z.avail_out)
			break; /* input cut short: keep what it gave */
		if (rc != Z_OK) {
			*why = "the body's gzip/deflate coding is corrupt";
			break;
		}
	}
	inflateEnd(&z);
	if (*why) {
		free(out);
		return NULL;
	}
	*len = o;
	return out;
}

int warc_http(char *b, size_t n, size_t max_bytes, warc_page *pg)
{
	static const char *const html_types[] = {"text/html", "application/xhtml+xml", NULL};
	char *te = NULL, *ce = NULL;
	int result = WARC_BAD;
	size_t blen;
	memset(pg, 0, sizeof *pg);
	/* Status line and headers, up to the first empty line. */
	char *end = NULL;
	for (size_t i = 0; i + 1 < n && !end; i++)
		if (b[i] == '\n' &&
		    (b[i + 1] == '\n' || (b[i + 1] == '\r' && i + 2 < n && b[i + 2] == '\n')))
			end = b + i + 1;
	int status = 0;
	if (n < 12 || strncmp(b, "HTTP/", 5) || sscanf(b + 5, "%*[0-9.] %3d", &status) != 1) {
		snprintf(pg->why, sizeof pg->why, "no HTTP status line in the response record");
		goto done;
	}
	size_t hlen = end ? (size_t)(end - b) : n;
	char *body = end ? end + (*end == '\r' ? 2 : 1) : b + n;
	blen = (size_t)(b + n - body);
	pg->ctype = header(b, hlen, "Content-Type");
	if (status < 200 || status > 299 || !blen ||
	    (pg->ctype ? !media_is(pg->ctype, html_types)
	               : blen < 5 || (strncasecmp(body, "<!doc", 5) && strncasecmp(body, "<html", 5)))) {
		result = WARC_NOT_PAGE;
		goto done;
	}
	te = header(b, hlen, "Transfer-Encoding");
	if (te && has_token(te, "chunked")) {
		size_t k = dechunk(body, blen);
		if (k != (size_t)-1)
			blen = k;
	}
	ce = header(b, hlen, "Content-Encoding");
	const char *why = NULL;
	int gz = ce && (has_token(ce, "gzip") || has_token(ce, "x-gzip"));
	int deflate = ce && has_token(ce, "deflate");
	/* Some WARC writers store the decoded body and keep the header. */
	if (gz && blen >= 2 && (unsigned char)body[0] == 0x1f && (unsigned char)body[1] == 0x8b)
		pg->decoded = inflate_all(body, blen, max_bytes, 0, &blen, &why);
	else if (deflate && blen) {
		pg->decoded = inflate_all(body, blen, max_bytes, 0, &blen, &why);
		if (!pg->decoded)
			pg->decoded = inflate_all(body, blen, max_bytes, 1, &blen, &why);
	} else if (ce && !gz && !deflate && strcasecmp(ce, "identity") && *ce) {
		snprintf(pg->why, sizeof pg->why, "Content-Encoding '%.100s' is not supported", ce);
		goto done;
	}
	if (why) {
		snprintf(pg->why, sizeof pg->why, "%s", why);
		goto done;
	}
	pg->body = pg->decoded ? pg->decoded : body;
	pg->len = blen;
	result = WARC_PAGE;
done:
	free(te);
	free(ce);
	return result;
}

void warc_page_free(warc_page *pg)
{
	free(pg->ctype);
	free(pg->decoded);
	pg->ctype = pg->decoded = NULL;
}
