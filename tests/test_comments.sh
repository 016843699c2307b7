#!/bin/sh
# The comments option and the favor option through the command (issue 12,
# parts 2 and 3): the comment section after the body and never in it,
# none on forum threads, nothing changed without the options, the two
# favor modes exclusive and each leaning its way over the test pages.
W=${WINNOW:-build/winnow}
passed=0
failed=0
ok() {
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $1"
		[ -n "$3" ] && echo "$3" | sed 's/^/    | /'
	fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The comments follow the body, under their heading, and the body no
# longer holds them (the page's default output mixes them in).
p=testdata/news-reader-comments.html
"$W" "$p" >"$tmp/plain.txt"
"$W" --comments "$p" >"$tmp/with.txt"
grep -q 'harbourside_jo' "$tmp/plain.txt"
ok "the page's default output has its comments in the body (the case the option is for)" $?
sed '/^Comments$/,$d' "$tmp/with.txt" >"$tmp/body.txt"
! grep -q 'harbourside_jo\|About time' "$tmp/body.txt" &&
	grep -q '^harbourside_jo, 2023-03-14' "$tmp/with.txt"
ok "--comments: the comments after the body, none inside it" $? "$(head -c 600 "$tmp/with.txt")"

# Forum threads: the posts are the content.
bad=
for f in testdata/forum-*.html; do
	case $f in *.expected.html) continue ;; esac
	kind=$("$W" -f json "$f" | sed -n 's/.*"kind":"\([a-z]*\)".*/\1/p')
	[ "$kind" = forum ] || continue
	"$W" --comments "$f" | grep -q '^Comments$' && bad="$bad $f"
	"$W" --comments -f json "$f" | grep -q '"comments":\[\]' || bad="$bad $f(json)"
	[ "$("$W" --comments "$f")" = "$("$W" "$f")" ] || bad="$bad $f(body)"
done
[ -z "$bad" ]
ok "--comments on forum threads: no comments, the posts as they were" $? "$bad"

# Pages without a comment section give what they gave.
bad=
for f in testdata/*.html; do
	case $f in *.expected.html) continue ;; esac
	"$W" --comments -f json "$f" 2>/dev/null | grep -q '"comments":\[\]' || continue
	[ "$("$W" --comments "$f" 2>/dev/null)" = "$("$W" "$f" 2>/dev/null)" ] || bad="$bad $f"
done
[ -z "$bad" ]
ok "--comments on a page without comments changes nothing" $? "$bad"

"$W" --comments --explain testdata/blog-wp-comments.html >/dev/null 2>"$tmp/err"
grep -q -- '--comments does nothing with --explain' "$tmp/err"
ok "--comments with --explain says it does nothing there" $? "$(cat "$tmp/err")"

"$W" --precision --recall testdata/blog-wp-comments.html >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] && grep -q 'opposite ways' "$tmp/err"
ok "--precision with --recall is refused" $? "exit $rc: $(cat "$tmp/err")"

# Over all the test pages, precision keeps fewer words and recall more.
d=0 p=0 r=0 moved=0
for f in testdata/*.html; do
	case $f in *.expected.html) continue ;; esac
	a=$("$W" "$f" 2>/dev/null | wc -w)
	b=$("$W" --precision "$f" 2>/dev/null | wc -w)
	c=$("$W" --recall "$f" 2>/dev/null | wc -w)
	d=$((d + a)) p=$((p + b)) r=$((r + c))
	[ "$a" -ne "$b" ] || [ "$a" -ne "$c" ] && moved=$((moved + 1))
done
[ "$p" -lt "$d" ] && [ "$d" -lt "$r" ] && [ "$moved" -gt 0 ]
ok "--precision keeps fewer words over the test pages, --recall more" $? \
	"precision $p, default $d, recall $r words; $moved pages moved"

echo "$passed passed, $failed failed"
