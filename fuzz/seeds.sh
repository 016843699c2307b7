#!/bin/sh
# Seeds for the fuzzer: every page under DIR, each behind a few choices of
# the two option bytes (see fuzz_winnow.c; the last three: HTML with links,
# images and a URL, an HTML document under small limits, JSON with HTML).
# Usage: seeds.sh DIR OUTDIR
dir=$1
out=$2
i=0
find -L "$dir" -type f \( -name '*.html' -o -name '*.htm' \) | sort | while read -r f; do
	i=$((i + 1))
	# shellcheck disable=SC2059 # the option bytes are octal escapes
	for opts in '\000\000' '\001\001' '\002\040' '\213\100' '\005\000' '\003\000' \
		'\036\001' '\106\100' '\007\000'; do
		{ printf "$opts"; cat "$f"; } > "$out/seed-$i-$(printf "$opts" | od -An -tx1 | tr -d ' \n')"
	done
done
