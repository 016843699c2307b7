#!/bin/sh
# The Markdown output, rendered by a real CommonMark renderer (cmark-gfm
# with the GFM table extension), must carry the same words, in the same
# order, as the plain-text output: no word lost or added by escaping,
# emphasis, tables or code fences.  One check per testdata page.
W=${WINNOW:-build/winnow}
if ! command -v cmark-gfm >/dev/null 2>&1; then
	echo "skipped: cmark-gfm not installed (Debian package cmark-gfm)"
	echo "0 passed, 0 failed"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Words: runs of ASCII letters and digits or of non-ASCII bytes (UTF-8).
words() { LC_ALL=C tr -cs 'A-Za-z0-9\200-\377' '\n' | sed '/^$/d'; }
passed=0
failed=0
for html in testdata/*.html; do
	name=$(basename "$html")
	"$W" "$html" >"$tmp/text" 2>/dev/null
	"$W" -f markdown "$html" >"$tmp/md" 2>/dev/null
	# HTML, not cmark's plain text, which numbers ordered lists; tags and
	# entities are not words.
	cmark-gfm -e table "$tmp/md" | sed -e 's/<[^>]*>/ /g' \
		-e 's/&amp;/\&/g' -e 's/&[a-z]*;/ /g' -e 's/&#[0-9]*;/ /g' |
		words >"$tmp/from-md"
	words <"$tmp/text" >"$tmp/from-text"
	if cmp -s "$tmp/from-text" "$tmp/from-md"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $name: rendered Markdown words differ from the text output"
		diff "$tmp/from-text" "$tmp/from-md" | head -n 10
	fi
done
echo "$passed passed, $failed failed"
