/*
 * unit_mem.c -- the arena and the parse pool (base/mem.c): what they hand
 * out is aligned, as large as asked, apart from every other live block,
 * and a block given back to the pool is handed out again for its class.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "base/mem.h"

TEST(arena_alloc_is_zeroed_and_aligned)
{
	wn__arena a;
	wn__arena_init(&a);
	for (size_t n = 0; n < 40000; n += 997) {
		unsigned char *p = wn__arena_alloc(&a, n);
		CHECK((uintptr_t)p % 16 == 0);
		size_t zero = 0;
		while (zero < n && !p[zero])
			zero++;
		CHECK(zero == n);
		memset(p, 0xab, n);
	}
	wn__arena_free(&a);
}

/* Every size from 0 past the largest class, each block filled with its
 * own byte: a block cut too small, or two blocks that overlap, shows as a
 * byte of another's pattern. */
TEST(pool_blocks_are_whole_and_apart)
{
	enum { N = 600 };
	wn__pool p;
	wn__pool_init(&p);
	unsigned char *blk[N];
	size_t len[N];
	for (int i = 0; i < N; i++) {
		len[i] = i < 300 ? (size_t)i : (size_t)(i - 300) * 251 + 257;
		blk[i] = wn__pool_alloc(&p, len[i]);
		CHECK((uintptr_t)blk[i] % 8 == 0);
		memset(blk[i], i & 0xff, len[i]);
	}
	int bad = 0;
	for (int i = 0; i < N; i++)
		for (size_t k = 0; k < len[i]; k++)
			bad += blk[i][k] != (i & 0xff);
	CHECK(bad == 0);
	wn__pool_free(&p);
}

/* A block given back is what the next request of its class gets (a
 * buffer grown by moving reuses the old copies), and only of its class. */
TEST(pool_reuses_a_block_given_back)
{
	wn__pool p;
	wn__pool_init(&p);
	void *a = wn__pool_alloc(&p, 100);
	void *b = wn__pool_alloc(&p, 3000);
	wn__pool_give(&p, a);
	wn__pool_give(&p, b);
	wn__pool_give(&p, NULL);
	CHECK(wn__pool_alloc(&p, 50) != a);   /* another class */
	CHECK(wn__pool_alloc(&p, 97) == a);   /* 97..104: a's class */
	CHECK(wn__pool_alloc(&p, 100) != a);  /* taken */
	CHECK(wn__pool_alloc(&p, 2900) == b); /* 2817..3072 */
	/* past the largest class a block is malloc'd, whole, and freed when
	 * given back (ASan reports a leak or a double free) */
	unsigned char *big[3];
	for (int k = 0; k < 3; k++) {
		big[k] = wn__pool_alloc(&p, 100000 + k);
		CHECK((uintptr_t)big[k] % 8 == 0);
		memset(big[k], k + 1, 100000 + k);
	}
	wn__pool_give(&p, big[1]); /* from the middle of the list */
	CHECK(big[0][99999] == 1 && big[2][100001] == 3);
	wn__pool_give(&p, big[2]);
	CHECK(p.big != NULL); /* big[0] */
	wn__pool_give(&p, big[0]);
	CHECK(p.big == NULL);                /* all freed, none kept for the end */
	big[0] = wn__pool_alloc(&p, 200000); /* this one freed with the pool */
	wn__pool_free(&p);
	/* the pool is empty and usable again after wn__pool_free */
	CHECK(wn__pool_alloc(&p, 10) != NULL);
	wn__pool_free(&p);
}

int main(void)
{
	RUN(arena_alloc_is_zeroed_and_aligned);
	RUN(pool_blocks_are_whole_and_apart);
	RUN(pool_reuses_a_block_given_back);
	return harness_done();
}
