#!/bin/sh
# --annotate in a real browser: an annotated testdata page rendered by
# headless Chromium, whose DOM must have the outlines and the legend; a
# screenshot is left beside the binary (build/annotate.png) for people to
# look at.  Skipped, counted neither way, where chromium is not installed
# ($CHROMIUM, if set, names the browser to use).
W=${WINNOW:-build/winnow}
PAGE=testdata/news-kaspersky.html
passed=0
failed=0
ok() {
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $1"
	fi
}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
if [ -z "$CHROMIUM" ] || [ ! -x "$CHROMIUM" ]; then
	echo "skipped: chromium not installed"
	echo "0 passed, 0 failed"
	exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
chrome() { # chrome ARGS...: headless, offline, no profile left behind
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$T/profile" "$@" 2>"$T/chrome.err"
}

"$W" --annotate "$PAGE" >"$T/page.html"
ok "winnow --annotate $PAGE" $?
chrome --dump-dom "file://$T/page.html" >"$T/dom.html"
rc=$?
[ $rc -eq 0 ] && grep -q '</html>' "$T/dom.html"
ok "chromium opens the annotated page (exit $rc)" $?
# The DOM as the browser built it: outlines of both kinds and the legend.
grep -q 'data-winnow="keep"[^>]*outline:2px solid #1a7f37' "$T/dom.html"
ok "kept blocks are outlined green" $?
grep -q 'data-winnow="drop"[^>]*outline:2px solid #d1242f' "$T/dom.html"
ok "dropped blocks are outlined red" $?
grep -q 'title="block [0-9]*: KEEP, score' "$T/dom.html"
ok "blocks have their score and rule in a tooltip" $?
grep -q '<div id="winnow-legend" data-winnow="legend" style="position:fixed' "$T/dom.html" &&
	grep -q '[0-9]* blocks kept, [0-9]* dropped' "$T/dom.html"
ok "the legend is there with the totals" $?
! grep -qi '<script' "$T/dom.html"
ok "no script reached the browser" $?
# The kept blocks are the ones winnow's text output has.
kept=$("$W" --explain=tsv "$PAGE" | grep -c '	keep	')
legend=$(sed -n 's/.*>\([0-9]*\) blocks kept,.*/\1/p' "$T/dom.html")
[ "$kept" = "$legend" ]
ok "the legend counts the kept blocks ($legend of $kept)" $?

shot="$(dirname "$W")/annotate.png"
case $shot in /*) abs=$shot ;; *) abs=$(pwd)/$shot ;; esac
rm -f "$shot"
chrome --screenshot="$abs" --window-size=1280,2000 "file://$T/page.html" \
	>/dev/null
[ -s "$shot" ]
ok "screenshot saved as $shot" $?
[ -s "$shot" ] && echo "  screenshot: $shot"

echo "$passed passed, $failed failed"
