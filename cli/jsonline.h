/*
 * jsonline.h -- JSON objects as they were written (their members, without
 * parsing their values), and the output line of the stream modes.
 */
#ifndef WINNOW_CLI_JSONLINE_H
#define WINNOW_CLI_JSONLINE_H

#include <stddef.h>

#include "support.h"
#include "winnow.h"

/* One member of an object as written: the key with its quotes, the value. */
typedef struct cli_member {
	const char *k, *v;
	size_t kn, vn;
} cli_member;

/* The members of the JSON object s[0..n), which must be valid JSON (the
 * caller has parsed it), into *v (grown as needed); returns their number. */
size_t cli_members(const char *s, size_t n, cli_member **v, size_t *cap);
/* Whether m's key, unescaped, is name. */
int cli_member_is(const cli_member *m, const char *name);
/* The string a JSON string literal stands for, malloc'd; NULL if raw is
 * not a string. */
char *cli_json_string_of(const char *raw, size_t n);
/* Appends m (its key prefixed by prefix, when not NULL) to an object
 * being written, without the white space outside its strings. */
void cli_member_put(cli_buf *b, int *first, const char *prefix, const cli_member *m);

/*
 * One output line of the stream modes: '{', the members of the JSON object
 * rec[0..rlen) (the record's own keys, as written, compact; "html" and
 * "content_type" left out), then those of r's JSON output, '}' and a
 * newline.  A record key the extraction also has is renamed "input_KEY",
 * except "url": the record's url stays and the extraction's url, the
 * page's canonical URL, is given as "canonical_url" when it differs.  With
 * r NULL, "error": error and "line": line are written after the record's
 * members instead.  rec may be NULL.
 */
void cli_json_line(cli_buf *b, const char *rec, size_t rlen, const wn_result *r, const char *error,
                   size_t line);

#endif
