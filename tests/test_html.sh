#!/bin/sh
# The HTML output on every testdata page, through the library (the unit_html
# program renders): its text carries exactly the words of the text output
# (the same kept blocks), and it holds only the elements and attributes
# winnow writes, properly nested -- plainly, and with links, images,
# captions and absolute URLs, and as a whole document (metadata).  Pages
# with a NAME.expected.html are compared with it (flags in NAME.options).
# Needs python3 (its html.parser); skipped with a word without it.
W=${WINNOW:-build/winnow}
R="$(dirname "$W")/tests/unit_html"
PY=$(command -v python3)
if [ -z "$PY" ]; then
	echo "skipped: python3 not installed"
	echo "0 passed, 0 failed"
	exit 0
fi
if [ ! -x "$R" ]; then
	echo "FAIL $R not built"
	echo "0 passed, 1 failed"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
T="$(printf '\t')"
: >"$tmp/checks"
n=0
for html in testdata/*.html; do
	case $html in *.expected.html) continue ;; esac # an expected output
	name=$(basename "$html" .html)
	set -- "" "--links --images --captions -u https://example.org/a/b.html"
	# the page's own options too (the comment section after the body),
	# but --metadata, whose text header no HTML fragment has
	o=$(cat "testdata/$name.options" 2>/dev/null)
	case $o in "" | *--metadata*) ;; *) set -- "$@" "$o" ;; esac
	for flags in "$@"; do
		n=$((n + 1))
		# shellcheck disable=SC2086
		"$R" -f html $flags "$html" >"$tmp/$n.html"
		# shellcheck disable=SC2086
		"$R" -f text $flags "$html" >"$tmp/$n.txt"
		f=${flags:-no flags}
		echo "$name.html [$f]: words of the HTML and the text output${T}words${T}$tmp/$n.html${T}$tmp/$n.txt" >>"$tmp/checks"
		echo "$name.html [$f]: HTML structure${T}structure${T}$tmp/$n.html" >>"$tmp/checks"
	done
	n=$((n + 1))
	"$R" -f html --metadata --images "$html" >"$tmp/$n.html"
	if [ -s "$tmp/$n.html" ]; then
		echo "$name.html [--metadata]: HTML document${T}structure${T}$tmp/$n.html" >>"$tmp/checks"
	fi
done
"$PY" tests/html_check.py batch <"$tmp/checks" >"$tmp/report"
grep -v -E '^[0-9]+ passed, [0-9]+ failed' "$tmp/report"
line=$(tail -n 1 "$tmp/report")
passed=${line%% passed*}
failed=${line#*, }
failed=${failed%% failed*}
ok() {
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $1"
		sed 's/^/    /' "$tmp/why" | head -n 12
	fi
}
# Documents start as one: the doctype, then the charset first in <head>.
for doc in "$tmp"/*.html; do
	head -n 4 "$doc" | tr '\n' ' ' | grep -q '^<!DOCTYPE html> <html[^>]*> <head> <meta charset="utf-8"> ' || continue
	found=1
done
[ -n "$found" ]
echo "no document starts with the doctype, <head> and the charset" >"$tmp/why"
ok "--metadata writes HTML documents" $?
for exp in testdata/*.expected.html; do
	[ -f "$exp" ] || continue
	name=$(basename "$exp" .expected.html)
	flags=$(grep -v '^#' "testdata/$name.options" 2>/dev/null | tr '\n' ' ')
	# shellcheck disable=SC2086
	"$R" -f html $flags "testdata/$name.html" >"$tmp/out.html"
	diff -u "$exp" "$tmp/out.html" >"$tmp/why" 2>&1
	ok "$name.html: differs from $name.expected.html" $?
done
echo "$passed passed, $failed failed"
