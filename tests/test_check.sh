#!/bin/sh
# `winnow check` on pages copied to a temporary folder: a broken expected
# file fails with a diff showing the change, --update accepts the output,
# a page without expected file named directly is reported, NAME.options is
# honoured, each expected format is checked, -j keeps the serial order.
W=${WINNOW:-build/winnow}
passed=0
failed=0
ok() { # ok NAME: the last command's outcome, tested by the caller with $?
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $1"
		[ -f "$T/out" ] && sed 's/^/    | /' "$T/out" | head -n 30
	fi
}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir "$T/pages"
cp testdata/news-kaspersky.html testdata/news-figure.html "$T/pages/"
cp testdata/blog-comments.html "$T/pages/no-expected.html"
P=$T/pages

# --update on a page named directly that has no expected file: writes it.
"$W" check --update "$P/news-kaspersky.html" >"$T/out" 2>"$T/err"
rc=$?
"$W" "$P/news-kaspersky.html" >"$T/want" 2>/dev/null
[ $rc -eq 0 ] && cmp -s "$P/news-kaspersky.expected.txt" "$T/want"
ok "--update writes NAME.expected.txt for a page without one" $?

# The folder passes; the page without expected file in it is passed over.
"$W" check "$P" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] && grep -qx '  PASS news-kaspersky.html' "$T/out" &&
	! grep -q no-expected "$T/out" && [ "$(tail -n 1 "$T/out")" = "1 passed, 0 failed" ]
ok "a folder of good pages passes" $?

# A deliberately broken expected file: exit 1, and the diff shows the change.
first=$(head -n 1 "$T/want")
{ echo "$first CHANGED"; tail -n +2 "$T/want"; } >"$P/news-kaspersky.expected.txt"
"$W" check "$P" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 1 ] && grep -qx '  FAIL news-kaspersky.html (text)' "$T/out" &&
	grep -q '^@@ -1' "$T/out" && grep -qxF -- "-$first CHANGED" "$T/out" &&
	grep -qxF -- "+$first" "$T/out" && [ "$(tail -n 1 "$T/out")" = "0 passed, 1 failed" ]
ok "a broken expected file fails with a diff of the change" $?

# Naming the expected file checks its page.
"$W" check "$P/news-kaspersky.expected.txt" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && grep -q "FAIL $P/news-kaspersky.html (text)" "$T/out"
ok "an expected file named directly checks its page" $?

# --update accepts the current output; the page passes again.
"$W" check --update "$P" >"$T/out" 2>"$T/err"
rc=$?
grep -q 'UPDATE news-kaspersky.html (text: changed)' "$T/out" &&
	"$W" check "$P" >"$T/out" 2>"$T/err" && [ $rc -eq 0 ] &&
	cmp -s "$P/news-kaspersky.expected.txt" "$T/want"
ok "--update fixes a broken expected file" $?
# ... and gives the folder's page without expected file one (issue 11).
[ -s "$P/no-expected.expected.txt" ]
ok "--update on a folder writes the expected file of a new page" $?
rm -f "$P/no-expected.expected.txt"

# A page without expected file named directly is an error, not a pass.
"$W" check "$P/no-expected.html" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && grep -q "FAIL $P/no-expected.html (no expected file" "$T/out" &&
	[ "$(tail -n 1 "$T/out")" = "0 passed, 1 failed" ]
ok "a page named directly without expected file fails" $?
"$W" check "$P/missing.html" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && grep -q "FAIL $P/missing.html (cannot read" "$T/out"
ok "a missing page fails" $?

# NAME.options is honoured: --captions keeps figure captions.
"$W" "$P/news-figure.html" >"$T/plain" 2>/dev/null
"$W" --captions "$P/news-figure.html" >"$T/captions" 2>/dev/null
! cmp -s "$T/plain" "$T/captions"
ok "precondition: --captions changes news-figure's text" $?
echo "--captions" >"$P/news-figure.options"
cp "$T/captions" "$P/news-figure.expected.txt"
"$W" check "$P/news-figure.html" >"$T/out" 2>"$T/err"
ok "the flags in NAME.options are used" $?
mv "$P/news-figure.options" "$T/saved.options"
"$W" check "$P/news-figure.html" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && grep -q '^+++ .*news-figure.html (winnow -f text)' "$T/out"
ok "without NAME.options the same page fails" $?
mv "$T/saved.options" "$P/news-figure.options"
"$W" check -v "$P/news-figure.html" >"$T/out" 2>"$T/err"
grep -q 'options: --captions' "$T/out"
ok "-v shows the options of a page" $?
echo "--no-such-flag" >"$P/news-figure.options"
"$W" check "$P/news-figure.html" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && grep -q 'news-figure.options: bad options' "$T/out"
ok "a bad options file fails its page" $?
echo "--captions" >"$P/news-figure.options"

# Each expected file in its own format: markdown and json.
: >"$P/news-kaspersky.expected.md"
: >"$P/news-kaspersky.expected.json"
"$W" check --update "$P/news-kaspersky.html" >"$T/out" 2>"$T/err"
"$W" -f markdown "$P/news-kaspersky.html" >"$T/md" 2>/dev/null
"$W" -f json "$P/news-kaspersky.html" >"$T/json" 2>/dev/null
cmp -s "$P/news-kaspersky.expected.md" "$T/md" &&
	cmp -s "$P/news-kaspersky.expected.json" "$T/json" &&
	[ "$(head -c 1 "$T/json")" = "{" ] && "$W" check "$P" >"$T/out" 2>"$T/err"
ok "markdown and json expected files are written and checked" $?
sed 's/"/<q>/' "$T/json" >"$P/news-kaspersky.expected.json"
"$W" check "$P" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && grep -qx '  FAIL news-kaspersky.html (json)' "$T/out" &&
	! grep -q 'FAIL news-kaspersky.html (text)' "$T/out" &&
	! grep -q 'FAIL news-kaspersky.html (markdown)' "$T/out"
ok "a json difference is reported as json" $?
cp "$T/json" "$P/news-kaspersky.expected.json"

# Long diffs are cut unless --full-diff.
seq 1 200 >"$P/news-kaspersky.expected.txt"
"$W" check "$P" >"$T/out" 2>"$T/err"
grep -q 'more diff lines' "$T/out" && grep -q -- '--full-diff' "$T/out" &&
	[ "$(grep -c '^-[0-9]' "$T/out")" -lt 40 ]
ok "a long diff is cut" $?
"$W" check --full-diff "$P" >"$T/out" 2>"$T/err"
! grep -q 'more diff lines' "$T/out" && [ "$(grep -c '^-[0-9]' "$T/out")" -eq 200 ]
ok "--full-diff shows all of it" $?
cp "$T/want" "$P/news-kaspersky.expected.txt"

# Threads: the same report, in the same order.
mkdir "$P/sub"
for f in news-byline news-paywall news-related blog-toc; do
	cp "testdata/$f.html" "$P/sub/"
	"$W" "$P/sub/$f.html" >"$P/sub/$f.expected.txt" 2>/dev/null
done
echo "changed" >>"$P/sub/news-paywall.expected.txt"
"$W" check "$P" >"$T/serial" 2>"$T/err"
"$W" check -j 3 "$P" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && cmp -s "$T/serial" "$T/out" &&
	[ "$(grep '^  [A-Z]' "$T/out" | sed 's/ (.*//')" = "$(printf '  PASS news-figure.html\n  PASS news-kaspersky.html\n  PASS sub/blog-toc.html\n  PASS sub/news-byline.html\n  FAIL sub/news-paywall.html\n  PASS sub/news-related.html')" ]
ok "-j 3 reports as serial, in sorted order" $?

# Usage errors exit 2.
"$W" check >"$T/out" 2>"$T/err"
[ $? -eq 2 ]
ok "no PATH is a usage error" $?
"$W" check -j 0 "$P" >"$T/out" 2>"$T/err"
[ $? -eq 2 ]
ok "-j 0 is a usage error" $?

echo "$passed passed, $failed failed"
