/*
 * fuzz_input.h -- what the stream harnesses (fuzz_warc.c, fuzz_jsonl.c)
 * share: the invariant failure, and the fuzzer's bytes as a reader that
 * gives them in pieces of at most `step` bytes, as a pipe does.
 */
#ifndef WINNOW_FUZZ_INPUT_H
#define WINNOW_FUZZ_INPUT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

static void fail(const char *why)
{
	fprintf(stderr, "invariant: %s\n", why);
	abort();
}

typedef struct mem {
	const uint8_t *p;
	size_t n, pos, step;
} mem;

static ssize_t mem_read(void *ctx, void *buf, size_t n)
{
	mem *m = ctx;
	size_t k = m->n - m->pos;
	if (k > n)
		k = n;
	if (k > m->step)
		k = m->step;
	memcpy(buf, m->p + m->pos, k);
	m->pos += k;
	return (ssize_t)k;
}

#endif
