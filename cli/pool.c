/*
 * pool.c -- the ordered worker pool (pool.h): a ring of in-flight items,
 * taken by the workers in order, emitted by the main thread in order.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "pool.h"
#include "support.h"

int cli_pool_jobs(int jobs)
{
	if (jobs > 0)
		return jobs;
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > CLI_MAX_JOBS ? CLI_MAX_JOBS : (int)n;
}

struct cli_pool {
	cli_pool_fn work, emit;
	void *ctx;
	size_t nthreads, window;
	void **slot; /* ring of window items, indexed by seq % window */
	unsigned char *done;
	size_t head, next, tail; /* emitted < head <= next (taken) <= tail */
	int closing;
	pthread_mutex_t mu;
	pthread_cond_t work_cv, done_cv;
	pthread_t *tid;
};

static void *pool_worker(void *arg)
{
	cli_pool *p = arg;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->next == p->tail && !p->closing)
			pthread_cond_wait(&p->work_cv, &p->mu);
		if (p->next == p->tail)
			break;
		size_t i = p->next++ % p->window;
		void *item = p->slot[i];
		pthread_mutex_unlock(&p->mu);
		p->work(p->ctx, item);
		pthread_mutex_lock(&p->mu);
		p->done[i] = 1;
		pthread_cond_signal(&p->done_cv);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

cli_pool *cli_pool_new(int jobs, cli_pool_fn work, cli_pool_fn emit, void *ctx)
{
#ifdef __GLIBC__
	/* Buffers of 256 KiB and more (pages, lines, DOM arrays) straight
	 * from mmap and back on free: glibc would otherwise raise this
	 * threshold to the largest block freed, and the heap, fragmented by
	 * documents of all sizes, would keep growing over a long stream. */
	mallopt(M_MMAP_THRESHOLD, 256 << 10);
#endif
	cli_pool *p = cli_xcalloc(1, sizeof *p);
	p->work = work;
	p->emit = emit;
	p->ctx = ctx;
	if (jobs < 2)
		return p;
	p->window = 4 * (size_t)jobs;
	p->slot = cli_xmalloc(p->window * sizeof *p->slot);
	p->done = cli_xmalloc(p->window);
	p->tid = cli_xmalloc((size_t)jobs * sizeof *p->tid);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work_cv, NULL);
	pthread_cond_init(&p->done_cv, NULL);
	for (int t = 0; t < jobs; t++) {
		if (pthread_create(&p->tid[t], NULL, pool_worker, p))
			break; /* the threads started do all the work */
		p->nthreads++;
	}
	return p;
}

/* Emits the finished items at the head, with p->mu held, waiting for the
 * head to finish until fewer than `room` items are in flight. */
static void pool_emit(cli_pool *p, size_t room)
{
	while (p->head < p->tail) {
		size_t i = p->head % p->window;
		if (!p->done[i]) {
			if (p->tail - p->head < room)
				return;
			pthread_cond_wait(&p->done_cv, &p->mu);
			continue;
		}
		void *item = p->slot[i];
		p->done[i] = 0;
		p->head++;
		pthread_mutex_unlock(&p->mu);
		p->emit(p->ctx, item);
		pthread_mutex_lock(&p->mu);
	}
}

void cli_pool_submit(cli_pool *p, void *item)
{
	if (!p->nthreads) {
		p->work(p->ctx, item);
		p->emit(p->ctx, item);
		return;
	}
	pthread_mutex_lock(&p->mu);
	pool_emit(p, p->window);
	size_t i = p->tail++ % p->window;
	p->slot[i] = item;
	p->done[i] = 0;
	pthread_cond_signal(&p->work_cv);
	pthread_mutex_unlock(&p->mu);
}

void cli_pool_drain(cli_pool *p)
{
	if (!p->nthreads)
		return;
	pthread_mutex_lock(&p->mu);
	pool_emit(p, 1);
	pthread_mutex_unlock(&p->mu);
}

void cli_pool_free(cli_pool *p)
{
	if (!p)
		return;
	if (p->window) {
		cli_pool_drain(p);
		pthread_mutex_lock(&p->mu);
		p->closing = 1;
		pthread_cond_broadcast(&p->work_cv);
		pthread_mutex_unlock(&p->mu);
		for (size_t t = 0; t < p->nthreads; t++)
			pthread_join(p->tid[t], NULL);
		pthread_mutex_destroy(&p->mu);
		pthread_cond_destroy(&p->work_cv);
		pthread_cond_destroy(&p->done_cv);
	}
	free(p->slot);
	free(p->done);
	free(p->tid);
	free(p);
}
