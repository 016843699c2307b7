/*
 * replay.c -- runs a fuzz target's function over files, without libFuzzer:
 * `make test` replays the committed corpus (fuzz/corpus/TARGET/) with the
 * normal compiler, and under ASan and UBSan with `make asan`.  Usage:
 * replay FILE-OR-FOLDER...; the last line is "N passed, 0 failed" (a
 * failed invariant aborts).
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t runs;

static void run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(1);
	}
	size_t cap = 1 << 16, n = 0, k;
	uint8_t *buf = malloc(cap);
	while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0)
		if ((n += k) == cap)
			buf = realloc(buf, cap *= 2);
	fclose(f);
	if (!buf) {
		fputs("replay: out of memory\n", stderr);
		exit(1);
	}
	/* A copy of exactly n bytes, so that ASan sees a read past the end. */
	uint8_t *exact = malloc(n ? n : 1);
	memcpy(exact, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput(exact, n);
	free(exact);
	runs++;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st)) {
			perror(argv[i]);
			return 1;
		}
		if (!S_ISDIR(st.st_mode)) {
			run_file(argv[i]);
			continue;
		}
		DIR *d = opendir(argv[i]);
		struct dirent *e;
		char **names = NULL;
		size_t n = 0;
		while (d && (e = readdir(d)))
			if (e->d_name[0] != '.') {
				names = realloc(names, (n + 1) * sizeof *names);
				names[n] = malloc(strlen(argv[i]) + strlen(e->d_name) + 2);
				sprintf(names[n++], "%s/%s", argv[i], e->d_name);
			}
		if (d)
			closedir(d);
		qsort(names, n, sizeof *names, by_name);
		for (size_t k = 0; k < n; k++) {
			run_file(names[k]);
			free(names[k]);
		}
		free(names);
	}
	printf("%zu passed, 0 failed\n", runs);
	return 0;
}
