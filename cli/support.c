/*
 * support.c -- the bottom layer of the winnow command (support.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "support.h"

/* ---- memory ---- */

void cli_oom(void)
{
	fputs("winnow: out of memory\n", stderr);
	abort();
}

void *cli_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		cli_oom();
	return p;
}

void *cli_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		cli_oom();
	return p;
}

void *cli_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		cli_oom();
	return p;
}

char *cli_xstrndup(const char *s, size_t n)
{
	char *d = cli_xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

char *cli_xstrdup(const char *s)
{
	return cli_xstrndup(s, strlen(s));
}

char *cli_concat(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *s = cli_xmalloc(na + nb + 1);
	memcpy(s, a, na);
	memcpy(s + na, b, nb + 1);
	return s;
}

void *cli_grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t c = *cap ? *cap : 16;
	while (c < need) {
		if (c > SIZE_MAX / 2 / size)
			cli_oom();
		c *= 2;
	}
	*cap = c;
	return cli_xrealloc(p, c * size);
}

/* ---- byte buffer ---- */

void cli_buf_put(cli_buf *b, const void *s, size_t n)
{
	if (b->cap - b->len <= n) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap - b->len <= n) {
			if (cap > SIZE_MAX / 2)
				cli_oom();
			cap *= 2;
		}
		b->data = cli_xrealloc(b->data, cap);
		b->cap = cap;
	}
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = 0;
}

void cli_buf_puts(cli_buf *b, const char *s)
{
	cli_buf_put(b, s, strlen(s));
}

void cli_buf_printf(cli_buf *b, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof line) {
		cli_buf_put(b, line, (size_t)n);
		return;
	}
	char *big = cli_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	cli_buf_put(b, big, (size_t)n);
	free(big);
}

/* The length of the valid UTF-8 sequence at s[0..n), or 0 (RFC 3629). */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t k;
	unsigned min, cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		k = 2, min = 0x80, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		k = 3, min = 0x800, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		k = 4, min = 0x10000, cp = c & 0x07;
	else
		return 0;
	if (k > n)
		return 0;
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return k;
}

void cli_buf_json(cli_buf *b, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	cli_buf_put(b, "\"", 1);
	for (size_t i = 0; i < n;) {
		size_t run = i;
		while (run < n && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '"' && s[run] != '\\')
			run++;
		cli_buf_put(b, s + i, run - i);
		i = run;
		if (i == n)
			break;
		unsigned c = s[i];
		char esc[8];
		if (c == '"' || c == '\\') {
			esc[0] = '\\', esc[1] = (char)c;
			cli_buf_put(b, esc, 2);
			i++;
		} else if (c < 0x20) {
			static const char named[] = "btn\0fr"; /* \b \t \n \f \r */
			if (c >= 8 && c <= 13 && named[c - 8])
				snprintf(esc, sizeof esc, "\\%c", named[c - 8]);
			else
				snprintf(esc, sizeof esc, "\\u%04x", c);
			cli_buf_puts(b, esc);
			i++;
		} else {
			size_t k = utf8_len(s + i, n - i);
			if (k)
				cli_buf_put(b, s + i, k);
			else
				cli_buf_puts(b, "\xef\xbf\xbd");
			i += k ? k : 1;
		}
	}
	cli_buf_put(b, "\"", 1);
}

const char *cli_strerror(int err, char *buf, size_t size)
{
	if (strerror_r(err, buf, size))
		snprintf(buf, size, "error %d", err);
	return buf;
}

/* ---- sizes ---- */

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
	case 'k':
	case 'K':
		shift = 10;
		end++;
		break;
	case 'm':
	case 'M':
		shift = 20;
		end++;
		break;
	case 'g':
	case 'G':
		shift = 30;
		end++;
		break;
	default: return -1;
	}
	if (*end || v > (SIZE_MAX >> shift))
		return -1;
	*out = (size_t)(v << shift);
	return 0;
}

/* ---- inputs ---- */

/* The first bytes of standard input, read by cli_stdin_peek() and given
 * back to the first cli_input_open("-"). */
static cli_input stdin_head;

size_t cli_stdin_peek(const unsigned char **head)
{
	stdin_head.fd = 0;
	cli_input_peek(&stdin_head);
	*head = stdin_head.head;
	return stdin_head.head_len;
}

int cli_input_open(cli_input *in, const char *path)
{
	memset(in, 0, sizeof *in);
	if (!strcmp(path, "-")) {
		*in = stdin_head;
		in->fd = 0;
		stdin_head.head_len = stdin_head.head_pos = 0;
		return 0;
	}
	in->fd = open(path, O_RDONLY);
	return in->fd < 0 ? errno : 0;
}

static ssize_t read_fd(int fd, void *buf, size_t n)
{
	ssize_t k;
	do
		k = read(fd, buf, n);
	while (k < 0 && errno == EINTR);
	return k;
}

ssize_t cli_input_read(cli_input *in, void *buf, size_t n)
{
	if (in->head_pos < in->head_len) {
		size_t k = in->head_len - in->head_pos;
		if (k > n)
			k = n;
		memcpy(buf, in->head + in->head_pos, k);
		in->head_pos += k;
		return (ssize_t)k;
	}
	return read_fd(in->fd, buf, n);
}

size_t cli_input_peek(cli_input *in)
{
	while (in->head_len < sizeof in->head) {
		ssize_t k = read_fd(in->fd, in->head + in->head_len, sizeof in->head - in->head_len);
		if (k <= 0)
			break; /* an error comes again at the next read */
		in->head_len += (size_t)k;
	}
	return in->head_len;
}

void cli_input_close(cli_input *in)
{
	if (in->fd > 0)
		close(in->fd);
	in->fd = -1;
}

int cli_read_all(cli_input *in, size_t limit, char **data, size_t *len)
{
	struct stat st;
	/* A file over the limit is refused before it is read. */
	if (!fstat(in->fd, &st) && S_ISREG(st.st_mode) && st.st_size >= 0 &&
	    (unsigned long long)st.st_size > limit)
		return EFBIG;
	if (!fstat(in->fd, &st) && S_ISDIR(st.st_mode))
		return EISDIR;
	size_t cap = 1 << 16, n = 0;
	char *buf = cli_xmalloc(cap);
	for (;;) {
		if (n == cap) {
			if (cap > limit) {
				free(buf);
				return EFBIG;
			}
			buf = cli_xrealloc(buf, cap * 2);
			cap *= 2;
		}
		ssize_t k = cli_input_read(in, buf + n, cap - n);
		if (k < 0) {
			int e = errno ? errno : EIO;
			free(buf);
			return e;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	if (n > limit) {
		free(buf);
		return EFBIG;
	}
	*data = buf;
	*len = n;
	return 0;
}

int cli_read_file(const char *path, size_t limit, char **data, size_t *len)
{
	cli_input in;
	int err = cli_input_open(&in, path);
	if (err)
		return err;
	err = cli_read_all(&in, limit, data, len);
	cli_input_close(&in);
	return err;
}

/* ---- atomic files ---- */

/* The temporary files open now, for the signal handler: a slot per
 * writer (the main thread and at most CLI_MAX_JOBS workers). */
enum { TEMP_SLOTS = 272 };
static char *_Atomic temp_slots[TEMP_SLOTS];

struct cli_afile {
	FILE *f;
	char *path, *tmp;
	int slot, err;
};

static int temp_register(char *tmp)
{
	for (int i = 0; i < TEMP_SLOTS; i++) {
		char *none = NULL;
		if (atomic_compare_exchange_strong(&temp_slots[i], &none, tmp))
			return i;
	}
	return -1; /* more writers than slots: cannot happen, not fatal */
}

static void temp_unregister(int slot)
{
	if (slot >= 0)
		atomic_store(&temp_slots[slot], NULL);
}

static void on_signal(int sig)
{
	for (int i = 0; i < TEMP_SLOTS; i++) {
		char *tmp = atomic_load(&temp_slots[i]);
		if (tmp)
			unlink(tmp);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

void cli_signals_init(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		struct sigaction old;
		/* A signal ignored by the caller (nohup, a shell's &) stays so. */
		if (!sigaction(sigs[i], NULL, &old) && old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
}

int cli_make_parents(const char *path)
{
	char *s = cli_xstrdup(path);
	int err = 0;
	for (char *p = strchr(s + 1, '/'); p && !err; p = strchr(p + 1, '/')) {
		*p = 0;
		if (mkdir(s, 0777) && errno != EEXIST)
			err = errno;
		*p = '/';
	}
	free(s);
	return err;
}

cli_afile *cli_afile_open(const char *path, int *err)
{
	static atomic_uint counter;
	size_t n = strlen(path) + 48;
	char *tmp = cli_xmalloc(n);
	int fd = -1, made = 0, slot = -1;
	*err = 0;
	/* PATH.tmp.PID.N: unique among processes and threads; O_EXCL makes
	 * sure no other file is taken over.  The name is registered for the
	 * signal handler before the file exists, so that it is never left. */
	for (int tries = 0; fd < 0 && tries < 100; tries++) {
		temp_unregister(slot);
		snprintf(tmp, n, "%s.tmp.%ld.%u", path, (long)getpid(), atomic_fetch_add(&counter, 1));
		slot = temp_register(tmp);
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0)
			break;
		if (errno == ENOENT && !made) {
			made = 1;
			if ((*err = cli_make_parents(path)))
				break;
			continue;
		}
		if (errno != EEXIST) {
			*err = errno;
			break;
		}
	}
	if (fd < 0) {
		temp_unregister(slot);
		if (!*err)
			*err = EEXIST;
		free(tmp);
		return NULL;
	}
	cli_afile *a = cli_xcalloc(1, sizeof *a);
	a->tmp = tmp;
	a->slot = slot;
	a->path = cli_xstrdup(path);
	a->f = fdopen(fd, "wb");
	if (!a->f) {
		*err = errno;
		close(fd);
		cli_afile_abort(a);
		return NULL;
	}
	return a;
}

void cli_afile_write(cli_afile *a, const void *p, size_t n)
{
	errno = 0;
	if (n && fwrite(p, 1, n, a->f) != n && !a->err)
		a->err = errno ? errno : EIO;
}

FILE *cli_afile_stream(cli_afile *a)
{
	return a->f;
}

static void afile_free(cli_afile *a)
{
	temp_unregister(a->slot);
	free(a->tmp);
	free(a->path);
	free(a);
}

int cli_afile_commit(cli_afile *a)
{
	int err = a->err;
	errno = 0;
	if (ferror(a->f) && !err)
		err = EIO;
	if (fflush(a->f) && !err)
		err = errno ? errno : EIO;
	if (ferror(a->f) && !err)
		err = EIO;
	if (fclose(a->f) && !err)
		err = errno ? errno : EIO;
	a->f = NULL;
	if (!err && rename(a->tmp, a->path))
		err = errno;
	if (err)
		unlink(a->tmp);
	/* Unregistered after the rename: a signal in between finds no file. */
	afile_free(a);
	return err;
}

void cli_afile_abort(cli_afile *a)
{
	if (a->f)
		fclose(a->f);
	unlink(a->tmp);
	afile_free(a);
}

int cli_write_file(const char *path, const char *data, size_t len)
{
	int err;
	cli_afile *a = cli_afile_open(path, &err);
	if (!a)
		return err;
	cli_afile_write(a, data, len);
	return cli_afile_commit(a);
}

/* ---- getopt ---- */

void cli_getopt_reset(void)
{
#ifdef __GLIBC__
	optind = 0; /* glibc needs 0 to forget a half-read option cluster */
#else
	optind = 1;
#endif
}

/* ---- standard output ---- */

static int out_err; /* the first failed write to standard output */

void cli_stdio_init(void)
{
	for (int fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		int k = open("/dev/null", fd ? O_RDONLY : O_WRONLY);
		if (k >= 0 && k != fd)
			close(k);
	}
}

void cli_out_write(FILE *f, const void *p, size_t n)
{
	errno = 0;
	if (n && fwrite(p, 1, n, f) != n && f == stdout && !out_err)
		out_err = errno ? errno : EIO;
}

void cli_out_flush(void)
{
	errno = 0;
	if (fflush(stdout) && !out_err)
		out_err = errno ? errno : EIO;
}

int cli_out_close(const char *prog)
{
	int err = out_err;
	errno = 0;
	if (fflush(stdout) && !err)
		err = errno ? errno : EIO;
	if (ferror(stdout) && !err)
		err = EIO;
	errno = 0;
	if (fclose(stdout) && !err)
		err = errno ? errno : EIO;
	if (err) {
		char e[128];
		fprintf(stderr, "%s: cannot write to standard output: %s\n", prog,
		        cli_strerror(err, e, sizeof e));
	}
	return err;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the -v summary ---- */

void cli_stats_start(cli_stats *s)
{
	memset(s, 0, sizeof *s);
	s->start = now();
}

void cli_stats_add(cli_stats *s, int rc, size_t bytes)
{
	s->n++;
	s->bytes += (double)bytes;
	if (rc == EXIT_CONTENT)
		s->ok++;
	else if (rc == EXIT_NOCONTENT)
		s->nocontent++;
	else
		s->failed++;
}

void cli_stats_print(const cli_stats *s, const char *unit)
{
	double t = now() - s->start;
	double rate = t > 0 ? (double)s->n / t : 0, mb = t > 0 ? s->bytes / 1e6 / t : 0;
	fprintf(stderr, "winnow: %zu %s, %zu ok, %zu no content, %zu failed", s->n, unit, s->ok,
	        s->nocontent, s->failed);
	if (s->skipped)
		fprintf(stderr, ", %zu skipped", s->skipped);
	fprintf(stderr, ", %.2f s, %.1f docs/s, %.1f MB/s\n", t, rate, mb);
}
