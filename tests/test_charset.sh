#!/bin/sh
# Charset pages: every testdata/charset/LANG.CHARSET[.undeclared].html must
# give the same text (with its metadata) as LANG.utf-8.html, and say on -v
# which charset it was read in.  Pages: tests/make_charset_pages.py.
W=${WINNOW:-build/winnow}
D=testdata/charset
passed=0
failed=0
ref=$(mktemp)
got=$(mktemp)
trap 'rm -f "$ref" "$got"' EXIT
for page in "$D"/*.html; do
	name=$(basename "$page" .html)
	lang=${name%%.*}
	case $name in *.utf-8) continue ;; esac
	"$W" -f text --metadata "$D/$lang.utf-8.html" >"$ref" 2>/dev/null
	"$W" -v -f text --metadata "$page" >"$got" 2>"$got.err"
	note=$(grep -o 'charset: .*' "$got.err" | head -n 1)
	rm -f "$got.err"
	if [ -s "$ref" ] && cmp -s "$ref" "$got"; then
		passed=$((passed + 1))
		echo "  PASS $name ($note)"
	else
		failed=$((failed + 1))
		echo "FAIL $name ($note)"
		diff "$ref" "$got" | head -n 6
	fi
done
echo "$passed passed, $failed failed"
