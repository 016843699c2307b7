#!/bin/sh
# Golden pages: testdata/NAME.html against NAME.expected.txt / .md, with
# the flags in NAME.options if present.  Prints a diff for each failure.
W=${WINNOW:-build/winnow}
passed=0
failed=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for html in testdata/*.html; do
	base=${html%.html}
	opts=""
	[ -f "$base.options" ] && opts=$(cat "$base.options")
	for ext in txt md; do
		exp="$base.expected.$ext"
		[ -f "$exp" ] || continue
		fmt=text
		[ $ext = md ] && fmt=markdown
		# shellcheck disable=SC2086
		"$W" -f $fmt $opts "$html" >"$tmp" 2>/dev/null
		if cmp -s "$tmp" "$exp"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			echo "FAIL $(basename "$html") ($fmt)"
			diff -u "$exp" "$tmp" | head -n 20
		fi
	done
done
echo "$passed passed, $failed failed"
