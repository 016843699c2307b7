#!/bin/sh
# The HTML output in a real browser: a few testdata pages rendered as HTML
# documents (--metadata, with images and links) are opened in headless
# Chromium, and the DOM it built must hold the same headings, paragraphs,
# items, cells and code blocks, in the same order, as the HTML winnow wrote
# (a browser rebuilds what is badly nested: a <p> in a <p>, a block in a
# table, an item outside a list), plus a few named ones.  Skipped, counted
# neither way, where chromium is not installed ($CHROMIUM names another).
# Needs python3 (tests/html_check.py reads both sides).
W=${WINNOW:-build/winnow}
R="$(dirname "$W")/tests/unit_html"
PY=$(command -v python3)
passed=0
failed=0
ok() {
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $1"
		[ -s "$T/why" ] && sed 's/^/    /' "$T/why" | head -n 12
	fi
	: >"$T/why"
}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
if [ -z "$CHROMIUM" ] || [ ! -x "$CHROMIUM" ] || [ -z "$PY" ]; then
	echo "skipped: chromium or python3 not installed"
	echo "0 passed, 0 failed"
	exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
: >"$T/why"
chrome() { # chrome ARGS...: headless, offline, no profile left behind
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking --disable-component-update \
		--disable-sync --user-data-dir="$T/profile" "$@" 2>"$T/chrome.err"
}

for page in docs-api-c blog-lists product-backpack news-figure ar-tahlia-shamsia; do
	"$R" -f html --metadata --images --links --captions -u "https://example.org/$page" \
		"testdata/$page.html" >"$T/$page.html"
	ok "$page: rendered as an HTML document" $?
	chrome --dump-dom "file://$T/$page.html" >"$T/$page.dom.html"
	rc=$?
	[ $rc -eq 0 ] && grep -q '</html>' "$T/$page.dom.html"
	ok "$page: chromium opens it (exit $rc)" $?
	"$PY" tests/html_check.py outline "$T/$page.html" >"$T/$page.ours"
	"$PY" tests/html_check.py outline "$T/$page.dom.html" >"$T/$page.dom"
	[ -s "$T/$page.ours" ] && diff -u "$T/$page.ours" "$T/$page.dom" >"$T/why"
	ok "$page: the browser's DOM has the blocks winnow wrote" $?
	! grep -qi '<script\|<style\|<iframe\|<form\| on[a-z]*=' "$T/$page.dom.html"
	ok "$page: nothing active reached the browser" $?
done

# What the pages say, by name: the API reference's sections, its table
# and code; the list page's nested items; the product's specs table; the
# Arabic page's language and direction.
dom=$T/docs-api-c.dom
for want in "h2: Synopsis" "h2: Description" "h2: Parameters" "h2: Return value" \
	"h2: Example" "h2: Notes" "th: Parameter" "td: tq_queue *" \
	"li: TQ_EFULL: the queue is full and TQ_NONBLOCK was given." \
	"pre: #include <tinyq/queue.h> int tq_push(tq_queue *q, const void *item, size_t size, unsigned flags);"; do
	grep -qxF "$want" "$dom" || echo "missing: $want" >>"$T/why"
done
rc=0
[ -s "$T/why" ] && rc=1
ok "docs-api-c: headings, table cells, items and code in the DOM" $rc
grep -q '<code class="language-c">' "$T/docs-api-c.dom.html"
ok "docs-api-c: the code blocks say their language" $?
grep -q '<title>tq_push()</title>' "$T/docs-api-c.dom.html"
ok "docs-api-c: the document has the page's title" $?
grep -qxF "li: Check how many hours of daylight you will have." "$T/blog-lists.dom" &&
	grep -q '<ol>' "$T/blog-lists.dom.html" && grep -q '<li>Choose the route and the season.' "$T/blog-lists.dom.html"
ok "blog-lists: an ordered list with nested items" $?
[ "$(grep -c '^th: \|^td: ' "$T/product-backpack.dom")" -ge 8 ]
ok "product-backpack: the specs table's cells" $?
grep -q '<html lang="ar" dir="rtl">' "$T/ar-tahlia-shamsia.dom.html"
ok "ar-tahlia-shamsia: the document's language and direction" $?
echo "$passed passed, $failed failed"
