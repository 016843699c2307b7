#!/bin/sh
# The Markdown output, rendered by a real CommonMark renderer (cmark-gfm
# with the GFM table extension), must carry the same words, in the same
# order, as the plain-text output: no word lost or added by escaping,
# emphasis, tables or code fences.  One check per testdata page.  A code
# fence's info string (cmark-gfm's class="language-X") may say a word the
# text output has there -- a code block's label, "js" above MDN's
# examples, is the fence's language in Markdown -- or not (a language
# the markup named), so its words may match or be passed over.
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
# match TEXT_WORDS MD_WORDS: the Markdown's words are the text's, where
# those between WNINFOOPEN and WNINFOCLOSE (an info string) may be left
# out; it prefers leaving them out when the word after them fits too.
match() {
	LC_ALL=C awk -v T="$1" '
	BEGIN { while ((getline w < T) > 0) t[++nt] = w }
	{ m[++nm] = $0 }
	END {
		i = 1; ok = 1
		for (k = 1; k <= nm && ok; k++) {
			if (m[k] == "WNINFOOPEN") {
				g = 0
				for (e = k + 1; e <= nm && m[e] != "WNINFOCLOSE"; e++)
					grp[++g] = m[e]
				fits = 1
				for (j = 1; j <= g; j++)
					if (tolower(grp[j]) != tolower(t[i + j - 1])) fits = 0
				if (fits && !(e + 1 <= nm && m[e + 1] == t[i])) i += g
				k = e
				continue
			}
			if (m[k] != t[i]) { ok = 0; print "at text word " i ": text has \"" t[i] "\", Markdown \"" m[k] "\"" }
			i++
		}
		if (ok && i != nt + 1) { ok = 0; print "Markdown ends at text word " i " of " nt }
		exit !ok
	}'
}
passed=0
failed=0
for html in testdata/*.html; do
	case $html in *.expected.html) continue ;; esac # an expected output
	name=$(basename "$html")
	"$W" "$html" >"$tmp/text" 2>/dev/null
	"$W" -f markdown "$html" >"$tmp/md" 2>/dev/null
	# HTML, not cmark's plain text, which numbers ordered lists; tags and
	# entities are not words.
	cmark-gfm -e table "$tmp/md" |
		sed -e 's/<code class="language-\([^"]*\)">/ WNINFOOPEN \1 WNINFOCLOSE /g' \
			-e 's/<[^>]*>/ /g' \
			-e 's/&amp;/\&/g' -e 's/&[a-z]*;/ /g' -e 's/&#[0-9]*;/ /g' |
		words >"$tmp/from-md"
	words <"$tmp/text" >"$tmp/from-text"
	if match "$tmp/from-text" <"$tmp/from-md" >"$tmp/why"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $name: rendered Markdown words differ from the text output"
		head -n 3 "$tmp/why"
	fi
done
echo "$passed passed, $failed failed"
