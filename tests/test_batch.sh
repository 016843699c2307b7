#!/bin/sh
# Batch mode: -O writes one file per input, the same with -j 1 and -j 4;
# -r finds pages in nested folders and keeps their structure; a missing or
# unreadable input is named on stderr, the others are still written, and
# the exit status is 3; several files on stdout keep their order with -j.
W=${WINNOW:-build/winnow}
passed=0
failed=0
ok() { # ok NAME STATUS
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $1"
		[ -f "$T/err" ] && sed 's/^/    | /' "$T/err" | head -n 20
	fi
}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
PAGES=$(ls testdata/*.html | grep -v "\.expected\.html$") # not the expected outputs

# -O with one thread and with four: byte-identical files, one per page.
"$W" -j 1 -O "$T/o1" $PAGES >"$T/out" 2>"$T/err"
rc1=$?
"$W" -j 4 -O "$T/o4" $PAGES >"$T/out" 2>"$T/err"
rc4=$?
n=$(echo "$PAGES" | wc -l)
[ "$rc1" = "$rc4" ] && diff -r "$T/o1" "$T/o4" >/dev/null && [ ! -s "$T/out" ] &&
	[ "$(ls "$T/o1" | wc -l)" -eq "$n" ]
ok "-O: -j 1 and -j 4 write the same $n files" $?

# Each file is what the page alone gives, named NAME.txt.
"$W" testdata/news-kaspersky.html >"$T/want" 2>/dev/null
cmp -s "$T/want" "$T/o1/news-kaspersky.txt"
ok "-O: NAME.html gives NAME.txt, the page's output" $?

# The extension follows the format.
"$W" -f json -O "$T/oj" testdata/news-kaspersky.html testdata/blog-toc.html 2>"$T/err" &&
	"$W" -f json testdata/blog-toc.html | cmp -s - "$T/oj/blog-toc.json" &&
	"$W" -f markdown -O "$T/om" testdata/news-kaspersky.html 2>"$T/err" &&
	[ -f "$T/om/news-kaspersky.md" ]
ok "-O: .json and .md by format" $?

# -r: nested folders, sorted, structure kept; hidden folders and other
# files passed over; a link back up the tree is not followed.
mkdir -p "$T/site/a/b" "$T/site/.git" "$T/site/z"
cp testdata/news-figure.html "$T/site/"
cp testdata/blog-toc.html "$T/site/a/"
cp testdata/docs-faq.html "$T/site/a/b/faq.htm"
cp testdata/forum-generic.html "$T/site/.git/hidden.html"
cp testdata/README.md "$T/site/z/notes.md"
ln -s .. "$T/site/a/b/up"
"$W" -r -j 3 -O "$T/or" "$T/site" >"$T/out" 2>"$T/err"
rc=$?
(cd "$T/or" && find . -type f | sort) >"$T/list"
printf './a/b/faq.txt\n./a/blog-toc.txt\n./news-figure.txt\n' >"$T/want"
[ $rc -eq 0 ] && cmp -s "$T/list" "$T/want" &&
	"$W" testdata/docs-faq.html | cmp -s - "$T/or/a/b/faq.txt"
ok "-r -O: nested pages found, folder structure kept" $?

# -r without -O: headers in sorted walk order, the same with -j 1 and -j 4.
"$W" -r -j 1 "$T/site" >"$T/s1" 2>"$T/err"
"$W" -r -j 4 "$T/site" >"$T/s4" 2>>"$T/err"
grep '^==> ' "$T/s1" >"$T/h"
printf '==> %s <==\n' "$T/site/a/b/faq.htm" "$T/site/a/blog-toc.html" \
	"$T/site/news-figure.html" >"$T/want"
cmp -s "$T/s1" "$T/s4" && cmp -s "$T/h" "$T/want"
ok "-r: headers in sorted order, -j 4 the same as -j 1" $?

# Several files on stdout: -j 4 gives what a serial run gives.
"$W" -j 1 $PAGES >"$T/s1" 2>/dev/null
"$W" -j 4 $PAGES >"$T/s4" 2>/dev/null
cmp -s "$T/s1" "$T/s4" && [ "$(grep -c '^==> ' "$T/s4")" -eq "$n" ]
ok "stdout: -j 4 in input order, byte for byte" $?

# A bad input among good ones: named with its reason, the others written,
# exit 3.  A folder without -r and an unreadable file count as bad too.
mkdir "$T/adir"
cp testdata/blog-toc.html "$T/locked.html"
chmod 000 "$T/locked.html"
locked_bad=1
cat "$T/locked.html" >/dev/null 2>&1 && locked_bad=0 # root reads anyway
"$W" -j 4 -O "$T/ob" testdata/news-kaspersky.html "$T/missing.html" "$T/adir" \
	"$T/locked.html" testdata/blog-comments.html >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 3 ] && grep -q "missing.html: No such file or directory" "$T/err" &&
	grep -q "adir: Is a directory" "$T/err" &&
	{ [ $locked_bad -eq 0 ] || grep -q "locked.html: Permission denied" "$T/err"; } &&
	[ -s "$T/ob/news-kaspersky.txt" ] && [ -s "$T/ob/blog-comments.txt" ] &&
	[ ! -e "$T/ob/missing.txt" ]
ok "a bad input is named, the others are written, exit 3" $?

# Two inputs with one output name: the second is refused, not overwritten.
mkdir -p "$T/x" "$T/y"
cp testdata/news-figure.html "$T/x/page.html"
cp testdata/blog-toc.html "$T/y/page.html"
"$W" -O "$T/oc" "$T/x/page.html" "$T/y/page.html" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 3 ] && grep -q "y/page.html: .*page.txt is the output of an earlier input" "$T/err" &&
	"$W" "$T/x/page.html" | cmp -s - "$T/oc/page.txt"
ok "-O: a second input with the same output name is refused" $?

# An output that would be an input (-f html into the page's own folder) is
# refused by name, the input kept, the other inputs still written, exit 3;
# also when it is another input's (a.htm gives a.html) and with -r.
mkdir -p "$T/self/r"
cp testdata/news-figure.html "$T/self/page.html"
cp testdata/news-figure.html "$T/self/a.html"
cp testdata/blog-toc.html "$T/self/a.htm"
cp testdata/news-figure.html "$T/self/r/b.html"
cp testdata/blog-toc.html "$T/self/r/b.htm"
cp testdata/blog-toc.html "$T/self/r/c.shtml"
Wabs=$(cd "$(dirname "$W")" && pwd)/$(basename "$W")
(cd "$T/self" && "$Wabs" -O . -f html page.html "$T/self/a.htm" a.html \
	r/c.shtml) >"$T/out" 2>"$T/err"
rc=$?
(cd "$T/self/r" && "$Wabs" -r -j 2 -O . -f html .) >"$T/out" 2>>"$T/err"
rc2=$?
[ $rc -eq 3 ] && [ $rc2 -eq 3 ] &&
	grep -qx "winnow: page.html: the output would overwrite the input" "$T/err" &&
	grep -qx "winnow: a.html: the output would overwrite the input" "$T/err" &&
	grep -qx "winnow: $T/self/a.htm: the output would overwrite the input ./a.html" "$T/err" &&
	grep -qx "winnow: ./b.htm: the output would overwrite the input ./b.html" "$T/err" &&
	grep -qx "winnow: ./b.html: the output would overwrite the input" "$T/err" &&
	cmp -s testdata/news-figure.html "$T/self/page.html" &&
	cmp -s testdata/news-figure.html "$T/self/a.html" &&
	cmp -s testdata/news-figure.html "$T/self/r/b.html" &&
	"$W" -f html testdata/blog-toc.html | cmp -s - "$T/self/c.html"
ok "-O: an output that would overwrite an input is refused" $?

# No content: exit 1, the (empty) file still written.
printf '<html><body></body></html>' >"$T/empty.html"
"$W" -O "$T/oe" "$T/empty.html" testdata/news-figure.html 2>"$T/err"
rc=$?
[ $rc -eq 1 ] && [ -f "$T/oe/empty.txt" ] && [ ! -s "$T/oe/empty.txt" ]
ok "no content: exit 1, an empty output file" $?

# -v: one summary line with the counts and the rates.
"$W" -v -j 2 -O "$T/ov" testdata/news-kaspersky.html "$T/empty.html" \
	"$T/missing.html" >/dev/null 2>"$T/err"
grep -Eq '^winnow: 3 files, 1 ok, 1 no content, 1 failed, [0-9.]+ s, [0-9.]+ docs/s, [0-9.]+ MB/s$' "$T/err"
ok "-v: the summary line" $?

# -O and standard input do not go together; -j wants a number.
"$W" -O "$T/os" - <testdata/news-figure.html >/dev/null 2>"$T/err"
rc1=$?
"$W" -j 0 testdata/news-figure.html >/dev/null 2>&1
rc2=$?
[ $rc1 -eq 2 ] && [ $rc2 -eq 2 ]
ok "usage errors: -O with standard input, -j 0" $?

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
