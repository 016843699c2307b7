/*
 * lex.h -- the HTML tokenizer's rules the guard's scan follows (WHATWG
 * HTML, "Tokenization"): where a comment, a raw text body and a script
 * body end.  Positions are byte offsets into s[0..n).
 */
#ifndef WINNOW_INPUT_LEX_H
#define WINNOW_INPUT_LEX_H

#include <stddef.h>

/* A comment starting at s[i] = "<!--": returns the position after it (n
 * when the input ends inside it) and sets *body_end to where its text
 * ends ("-->", "--!>" or the end of the input). */
size_t wn__lex_comment(const char *s, size_t n, size_t i, size_t *body_end);

/* The body of a RAWTEXT or RCDATA element (style, title, textarea ...)
 * from i: the position of the end tag "</name" that closes it, or n.
 * name is lower case, k bytes. */
size_t wn__lex_rawtext_end(const char *s, size_t n, size_t i, const char *name, size_t k);

/* The body of a script from i, through the script data states and their
 * escapes ("<!--" then "<script>" inside a script does not end at the next
 * "</script>"): the position of the "</script" that ends it, or n. */
size_t wn__lex_script_end(const char *s, size_t n, size_t i);

#endif
