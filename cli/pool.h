/*
 * pool.h -- the ordered worker pool every mode of the winnow command runs
 * its inputs through: items are submitted in order, worked on in threads,
 * and emitted in the order of submission.
 */
#ifndef WINNOW_CLI_POOL_H
#define WINNOW_CLI_POOL_H

/* -j's range.  The default, in every mode, is one thread per online CPU. */
enum { CLI_MAX_JOBS = 256 };

/* The threads for -j N (jobs > 0), else one per online CPU, at most
 * CLI_MAX_JOBS. */
int cli_pool_jobs(int jobs);

/* The main thread submits items in order, work(ctx, item) runs on them in
 * `jobs` threads, and emit(ctx, item) is called in the main thread in the
 * order of submission.  At most a fixed window of items (4 per thread) is
 * in flight: submit waits, emitting the finished ones, until there is
 * room.  With jobs < 2 there are no threads: submit runs work and emit at
 * once. */
typedef struct cli_pool cli_pool;
typedef void (*cli_pool_fn)(void *ctx, void *item);
cli_pool *cli_pool_new(int jobs, cli_pool_fn work, cli_pool_fn emit, void *ctx);
void cli_pool_submit(cli_pool *p, void *item);
/* Waits for every submitted item and emits it. */
void cli_pool_drain(cli_pool *p);
/* Drains, stops the threads and frees p. */
void cli_pool_free(cli_pool *p);

#endif
