#!/bin/sh
# --jsonl, driven the way Hadoop Streaming and Spark's RDD.pipe drive a
# mapper: a large input (3,000 lines built from the testdata pages) fed in
# chunks that cut lines in two, one output line per input line, in order
# (the "id" key passed through), bad lines as error objects, -j 1 and -j 4
# byte-identical; and a caller that waits for each answer gets it.
W=${WINNOW:-build/winnow}
passed=0
failed=0
ok() { # ok NAME STATUS
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $1"
		[ -f "$T/err" ] && sed 's/^/    | /' "$T/err" | head -n 20
	fi
}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
LC_ALL=C
export LC_ALL

# esc FILE: the file as the inside of a JSON string (the pages are UTF-8;
# sed, as awk's gsub treats backslashes differently from one awk to another).
esc() {
	tr -d '\000-\010\013\014\016-\037' <"$1" |
		sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e 's/\r/\\r/g' |
		awk 'BEGIN { ORS = "" } { if (NR > 1) print "\\n"; print }'
}
PAGES="news-kaspersky blog-toc docs-faq forum-generic news-figure listing-news-home
de-waermenetz ja-washi-kobo docs-api-c blog-wordpress"
for p in $PAGES; do
	esc "testdata/$p.html"
	echo
done >"$T/escaped"

# 3,000 lines: id, url, html and a pass-through object; every 300th line is
# bad in one of three ways.
N=3000
awk -v n=$N 'NR == FNR { page[m++] = $0; next }
END {
	for (i = 1; i <= n; i++) {
		k = i % m
		if (i % 300 == 0)
			print "{\"id\":" i ",\"oops\":"
		else if (i % 300 == 100)
			print "{\"id\":" i ",\"url\":\"https://t.example/" i "\"}"
		else if (i % 300 == 200)
			print "{\"id\":" i ",\"html\":[1,2]}"
		else
			printf "{\"id\":%d,\"url\":\"https://t.example/%d\",\"html\":\"%s\",\"meta\":{\"n\":0.1,\"k\":[true,null]}}\n", i, i, page[k]
	}
}' "$T/escaped" /dev/null >"$T/in.jsonl"

# Fed in ~200 kB chunks (lines cut in two), with pauses, like a pipe.
split -b 200000 "$T/in.jsonl" "$T/chunk."
feed() {
	for c in "$T"/chunk.*; do
		cat "$c"
		sleep 0.05
	done
}
feed | "$W" --jsonl -j 4 >"$T/o4" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] && [ "$(wc -l <"$T/o4")" -eq $N ]
ok "as many output lines as input lines ($N)" $?

sed -e 's/^{"id":\([0-9]*\),.*/\1/' -e 's/^{"error":.*,"line":\([0-9]*\)}$/\1/' "$T/o4" >"$T/ids"
seq 1 $N | cmp -s - "$T/ids"
ok "output in input order (id passed through)" $?

"$W" --jsonl -j 1 <"$T/in.jsonl" >"$T/o1" 2>"$T/err"
cmp -s "$T/o1" "$T/o4"
ok "-j 1 and -j 4 byte-identical" $?

[ "$(grep -c '"error":' "$T/o4")" -eq 30 ] &&
	grep -q '^{"error":"not JSON: .*","line":300}$' "$T/o4" &&
	grep -q '^{"id":100,"url":"https://t.example/100","error":"no \\"html\\" key","line":100}$' "$T/o4" &&
	grep -q '^{"id":200,"error":"\\"html\\" is not a string","line":200}$' "$T/o4"
ok "bad lines give error objects with their line number" $?

# A good line: the pass-through keys first, as written, then the object
# `winnow -f json -u URL` gives for the page, less its "url", which is the
# line's own (the page has no canonical URL of its own).
line=$(sed -n 2p "$T/o4")
"$W" -f json -u https://t.example/2 testdata/docs-faq.html |
	sed 's|"url":"https://t.example/2",||' >"$T/want"
prefix='{"id":2,"url":"https://t.example/2","meta":{"n":0.1,"k":[true,null]},'
case $line in "$prefix"*) ;; *) false ;; esac &&
	printf '%s\n' "{${line#"$prefix"}" | cmp -s - "$T/want"
ok "a line is the page's JSON object after the pass-through keys" $?

# Clashing keys are renamed; content_type sets the charset; blank lines are
# passed over.
printf '{"title":"mine","content_type":"text/html; charset=iso-8859-1","html":"<p>caf\\u00e9 \\u00e9t\\u00e9 au march\\u00e9 le matin.</p>"}\n\n  \n{"html":"<p>x</p>"}\n' |
	"$W" --jsonl >"$T/out" 2>"$T/err"
[ "$(wc -l <"$T/out")" -eq 2 ] && grep -q '^{"input_title":"mine","title":null,' "$T/out"
ok "a clashing key becomes input_KEY; blank lines give nothing" $?

# A caller that writes one line and waits for its answer gets it before
# writing the next (no deadlock on buffered output).
{
	echo '{"id":"first","html":"<p>One paragraph of text here.</p>"}'
	sleep 3
	echo '{"id":"second","html":"<p>Two.</p>"}'
} | "$W" --jsonl -j 2 >"$T/out" 2>"$T/err" &
pid=$!
i=0
while [ $i -lt 25 ] && ! grep -q '"first"' "$T/out" 2>/dev/null; do
	sleep 0.1
	i=$((i + 1))
done
grep -q '"first"' "$T/out" && ! grep -q '"second"' "$T/out"
r=$?
wait $pid
[ $r -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 2 ]
ok "each answer comes while the caller waits" $?

# Files as arguments; a missing one is named and gives exit 3.
head -n 10 "$T/in.jsonl" >"$T/ten.jsonl"
"$W" --jsonl "$T/ten.jsonl" "$T/missing.jsonl" "$T/ten.jsonl" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 3 ] && grep -q "missing.jsonl: No such file" "$T/err" &&
	[ "$(wc -l <"$T/out")" -eq 20 ]
ok "a missing input file: named, exit 3, the others still read" $?

# A line over --max-bytes is an error object; the next line is read.
{
	printf '{"id":1,"html":"'
	awk 'BEGIN { for (i = 0; i < 3000; i++) printf "<p>long line</p>" }'
	printf '"}\n{"id":2,"html":"<p>short</p>"}\n'
} | "$W" --jsonl --max-bytes 10k >"$T/out" 2>"$T/err"
[ "$(wc -l <"$T/out")" -eq 2 ] &&
	grep -q '^{"error":"line longer than --max-bytes (10240 bytes)","line":1}$' "$T/out" &&
	grep -q '^{"id":2,' "$T/out"
ok "a line longer than --max-bytes is an error object" $?

# Found by fuzzing (fuzz/corpus/jsonl/bug-*): a good line with its own
# "error" key must not look like an error line; a line whose keys repeat
# is ambiguous ("url" twice: which one?) and is refused.
printf '{"error":"mine","line":0,"html":"<p>A line with its own error key, and a sentence.</p>"}\n' |
	"$W" --jsonl >"$T/out" 2>"$T/err"
grep -q '^{"input_error":"mine","input_line":0,"title":' "$T/out" && ! grep -q '"error"' "$T/out"
ok "a good line's own \"error\" and \"line\" keys become input_error, input_line" $?
printf '{"url":"https://a.example/1","url":"https://a.example/2","html":"<p>x</p>"}\n' |
	"$W" --jsonl >"$T/out" 2>"$T/err"
grep -q '^{"error":"not JSON: duplicate object key near .*","line":1}$' "$T/out"
ok "a line with a key twice is an error object" $?

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
