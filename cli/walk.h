/*
 * walk.h -- the one folder walk of the winnow command (check and -r):
 * sorted, depth first, on an explicit stack, with a policy for links.
 */
#ifndef WINNOW_CLI_WALK_H
#define WINNOW_CLI_WALK_H

#include <sys/types.h>

typedef struct cli_walk {
	/* 1: links to folders are followed, and a folder reached twice (a
	 * link loop) is read once (check); 0: links to folders are passed
	 * over, so there are no loops (-r).  Links to files are followed. */
	int follow_links;
	/* A folder never read (-r: the -O folder), when skip is set. */
	int skip;
	dev_t skip_dev;
	ino_t skip_ino;
	/* Each regular file, in byte order of the paths: path as found,
	 * rel below the root, name its last component. */
	void (*file)(void *ctx, const char *path, const char *rel, const char *name);
	/* A folder that cannot be read, with the errno value. */
	void (*error)(void *ctx, const char *path, int err);
	void *ctx;
} cli_walk;

/* Walks the folder root; hidden entries (names starting with '.') are
 * passed over. */
void cli_walk_tree(const char *root, const cli_walk *w);

#endif
