/*
 * walk.c -- the folder walk (walk.h).  Entries of a folder are pushed
 * sorted backwards, so that popped from the stack's top they come out in
 * byte order: a sorted depth-first walk without recursion.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support.h"
#include "walk.h"

typedef struct entry {
	char *path;
	int dir;
} entry;

static int by_path(const void *x, const void *y)
{
	return strcmp(((const entry *)x)->path, ((const entry *)y)->path);
}

static void sort_backwards(entry *pushed, size_t n)
{
	qsort(pushed, n, sizeof *pushed, by_path);
	for (size_t a = 0, b = n; a + 1 < b; a++, b--) {
		entry t = pushed[a];
		pushed[a] = pushed[b - 1];
		pushed[b - 1] = t;
	}
}

typedef struct seen {
	dev_t dev;
	ino_t ino;
} seen;

void cli_walk_tree(const char *root, const cli_walk *w)
{
	size_t sp = 0, cap = 0, nseen = 0, capseen = 0, rootlen = strlen(root);
	entry *stack = cli_grow(NULL, &cap, 64, sizeof *stack);
	seen *seen_dirs = NULL;
	stack[sp++] = (entry){cli_xstrdup(root), 1};
	while (sp) {
		entry e = stack[--sp];
		if (!e.dir) {
			const char *rel = e.path + rootlen, *name = strrchr(e.path, '/');
			while (*rel == '/')
				rel++;
			w->file(w->ctx, e.path, rel, name ? name + 1 : e.path);
			free(e.path);
			continue;
		}
		struct stat st;
		DIR *dir = NULL;
		int again = 0, err = 0;
		if (w->follow_links) {
			if (stat(e.path, &st)) {
				err = errno;
			} else {
				for (size_t k = 0; k < nseen && !again; k++)
					again = seen_dirs[k].dev == st.st_dev &&
					        seen_dirs[k].ino == st.st_ino;
				if (!again) {
					seen_dirs = cli_grow(
						seen_dirs, &capseen, nseen + 1, sizeof *seen_dirs);
					seen_dirs[nseen++] = (seen){st.st_dev, st.st_ino};
				}
			}
		}
		if (!again && !err && !(dir = opendir(e.path)))
			err = errno;
		if (!dir) {
			if (!again)
				w->error(w->ctx, e.path, err);
			free(e.path);
			continue;
		}
		size_t first = sp, n = strlen(e.path);
		const struct dirent *de;
		while ((de = readdir(dir))) {
			if (de->d_name[0] == '.')
				continue;
			char *sub = cli_xmalloc(n + strlen(de->d_name) + 2);
			sprintf(sub, "%s%s%s", e.path, n && e.path[n - 1] == '/' ? "" : "/",
			        de->d_name);
			int ok, isdir;
			if (w->follow_links) {
				ok = !stat(sub, &st);
				isdir = ok && S_ISDIR(st.st_mode);
			} else {
				ok = !lstat(sub, &st);
				isdir = ok && S_ISDIR(st.st_mode);
				if (ok && S_ISLNK(st.st_mode)) /* to a file only */
					ok = !stat(sub, &st) && S_ISREG(st.st_mode);
			}
			if (isdir && w->skip && st.st_dev == w->skip_dev && st.st_ino == w->skip_ino)
				isdir = 0, ok = 0;
			if (!isdir && !(ok && S_ISREG(st.st_mode))) {
				free(sub);
				continue;
			}
			stack = cli_grow(stack, &cap, sp + 1, sizeof *stack);
			stack[sp++] = (entry){sub, isdir};
		}
		closedir(dir);
		free(e.path);
		sort_backwards(stack + first, sp - first);
	}
	free(stack);
	free(seen_dirs);
}
