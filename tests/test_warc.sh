#!/bin/sh
# WARC input: files built here from testdata pages (WARC and HTTP headers
# written with printf, lengths counted with wc -c), plain and gzip'd one
# member per record.  Each HTML response gives one JSON line equal to
# `winnow -f json` of the page alone (less url and warc_* keys); other
# records are passed over; chunked and gzip'd bodies are undone; the HTTP
# charset is used; truncated and corrupt records are reported and skipped.
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
size() { echo $(($(wc -c <"$1"))); }

# http FILE BODY STATUS CONTENT-TYPE [EXTRA-HEADER]: an HTTP response
http() {
	printf 'HTTP/1.1 %s\r\nContent-Type: %s\r\n' "$3" "$4"
	[ -n "$5" ] && printf '%s\r\n' "$5"
	printf '\r\n'
	cat "$2"
}
# record N TYPE URI BLOCK [VERSION]: a WARC record, written to $T/rN
record() {
	uri=$3
	[ "${5:-1.1}" = 1.0 ] && uri="<$uri>"
	{
		printf 'WARC/%s\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n' "${5:-1.1}" "$2" "$uri"
		printf 'WARC-Date: 2024-05-0%sT10:00:00Z\r\n' "$(($1 % 10))"
		printf 'WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n' "$1"
		case $2 in
		response) printf 'Content-Type: application/http; msgtype=response\r\n' ;;
		request) printf 'Content-Type: application/http; msgtype=request\r\n' ;;
		*) printf 'Content-Type: application/warc-fields\r\n' ;;
		esac
		printf 'Content-Length: %s\r\n\r\n' "$(size "$4")"
		cat "$4"
		printf '\r\n\r\n'
	} >"$T/r$1"
}
# chunked FILE: the file in RFC 7230 chunks of 1000 bytes
chunked() {
	n=$(size "$1")
	o=0
	while [ $o -lt $n ]; do
		k=$((n - o < 1000 ? n - o : 1000))
		printf '%x\r\n' $k
		tail -c +$((o + 1)) "$1" | head -c $k
		printf '\r\n'
		o=$((o + k))
	done
	printf '0\r\n\r\n'
}
# norm: the JSON line without the keys that name the record
norm() {
	sed -e 's/"url":"[^"]*",//' -e 's/"url":null,//' -e 's/"canonical_url":"[^"]*",//' \
		-e 's/"warc_record_id":"[^"]*",//' -e 's/"warc_date":"[^"]*",//'
}

D=testdata
printf 'software: winnow tests\r\nformat: WARC File Format 1.1\r\n' >"$T/info"
record 1 warcinfo "" "$T/info"
http "$T/h" $D/news-kaspersky.html '200 OK' 'text/html; charset=utf-8' >"$T/b2"
record 2 response https://a.example/kaspersky "$T/b2"
printf 'GET /kaspersky HTTP/1.1\r\nHost: a.example\r\n\r\n' >"$T/b3"
record 3 request https://a.example/kaspersky "$T/b3"
printf '\211PNG\r\n\032\n-not-really-an-image-' >"$T/png"
http "$T/h" "$T/png" '200 OK' 'image/png' >"$T/b4"
record 4 response https://a.example/logo.png "$T/b4"
chunked $D/blog-toc.html >"$T/toc.chunked"
http "$T/h" "$T/toc.chunked" '200 OK' 'text/html' 'Transfer-Encoding: chunked' >"$T/b5"
record 5 response https://a.example/toc "$T/b5"
gzip -9nc $D/docs-faq.html >"$T/faq.gz"
http "$T/h" "$T/faq.gz" '200 OK' 'application/xhtml+xml' 'Content-Encoding: gzip' >"$T/b6"
record 6 response https://a.example/faq "$T/b6"
http "$T/h" $D/forum-generic.html '404 Not Found' 'text/html' >"$T/b7"
record 7 response https://a.example/missing "$T/b7"
gzip -9nc $D/news-figure.html >"$T/fig.gz"
chunked "$T/fig.gz" >"$T/fig.gz.chunked"
http "$T/h" "$T/fig.gz.chunked" '200 OK' 'text/html' \
	"$(printf 'Transfer-Encoding: chunked\r\nContent-Encoding: gzip')" >"$T/b8"
record 8 response https://a.example/figure "$T/b8" 1.0
http "$T/h" $D/charset/ru.koi8-r.undeclared.html '200 OK' 'text/html; charset=koi8-r' >"$T/b9"
record 9 response https://a.example/ru "$T/b9"
RECS="1 2 3 4 5 6 7 8 9"

for r in $RECS; do cat "$T/r$r"; done >"$T/all.warc"
for r in $RECS; do gzip -9nc "$T/r$r"; done >"$T/all.warc.gz"

# What each HTML record must give: the page alone.
{
	"$W" -f json -u https://a.example/kaspersky $D/news-kaspersky.html
	"$W" -f json -u https://a.example/toc $D/blog-toc.html
	"$W" -f json -u https://a.example/faq $D/docs-faq.html
	"$W" -f json -u https://a.example/figure $D/news-figure.html
	"$W" -f json -u https://a.example/ru --content-type 'text/html; charset=koi8-r' \
		$D/charset/ru.koi8-r.undeclared.html
} | norm >"$T/want"

"$W" "$T/all.warc" >"$T/plain" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] && norm <"$T/plain" | cmp -s - "$T/want"
ok "plain WARC: each HTML response as the page alone gives it" $?

"$W" -j 4 "$T/all.warc.gz" >"$T/gz" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] && cmp -s "$T/plain" "$T/gz"
ok "gzip per record (-j 4): the same lines" $?

"$W" -j 1 "$T/all.warc.gz" >"$T/gz1" 2>"$T/err"
cmp -s "$T/gz1" "$T/gz"
ok "-j 1 and -j 4 byte-identical" $?

cut -d, -f1-3 "$T/plain" >"$T/keys"
cat >"$T/want-keys" <<'EOF'
{"url":"https://a.example/kaspersky","warc_record_id":"<urn:uuid:00000000-0000-0000-0000-000000000002>","warc_date":"2024-05-02T10:00:00Z"
{"url":"https://a.example/toc","warc_record_id":"<urn:uuid:00000000-0000-0000-0000-000000000005>","warc_date":"2024-05-05T10:00:00Z"
{"url":"https://a.example/faq","warc_record_id":"<urn:uuid:00000000-0000-0000-0000-000000000006>","warc_date":"2024-05-06T10:00:00Z"
{"url":"https://a.example/figure","warc_record_id":"<urn:uuid:00000000-0000-0000-0000-000000000008>","warc_date":"2024-05-08T10:00:00Z"
{"url":"https://a.example/ru","warc_record_id":"<urn:uuid:00000000-0000-0000-0000-000000000009>","warc_date":"2024-05-09T10:00:00Z"
EOF
cmp -s "$T/keys" "$T/want-keys"
ok "url, warc_record_id, warc_date first (WARC 1.0 <uri> unwrapped)" $?

# Found by content, under any name; standard input with --warc; -v counts.
cp "$T/all.warc.gz" "$T/crawl.bin"
"$W" "$T/crawl.bin" 2>"$T/err" | cmp -s - "$T/plain" &&
	"$W" --warc -v <"$T/all.warc" 2>"$T/err" | cmp -s - "$T/plain" &&
	grep -Eq '^winnow: 5 HTML records, 5 ok, 0 no content, 0 failed, 4 skipped, ' "$T/err"
ok "recognised by its first bytes; --warc on standard input; -v" $?

# Truncated: the records before the cut come out, the cut one is reported
# with its offset, exit 3.  Plain and gzip'd.
off=0
for r in 1 2 3 4 5; do off=$((off + $(size "$T/r$r"))); done
head -c $((off + 500)) "$T/all.warc" >"$T/cut.warc"
"$W" "$T/cut.warc" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 3 ] && [ "$(wc -l <"$T/out")" -eq 2 ] &&
	grep -q "cut.warc: record at offset $off: truncated" "$T/err"
ok "plain, truncated: reported with its offset, the records before given" $?

goff=0
for r in 1 2 3 4 5; do goff=$((goff + $(gzip -9nc "$T/r$r" | wc -c))); done
head -c $((goff + 300)) "$T/all.warc.gz" >"$T/cut.warc.gz"
"$W" "$T/cut.warc.gz" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 3 ] && [ "$(wc -l <"$T/out")" -eq 2 ] &&
	grep -q "cut.warc.gz: record at offset $goff: truncated" "$T/err"
ok "gzip, truncated: reported with its member's offset" $?

# A corrupt gzip member (record 5's, bytes overwritten): reported, and the
# records after it still come out.
g5=$(gzip -9nc "$T/r5" | wc -c)
g4=0
for r in 1 2 3 4; do g4=$((g4 + $(gzip -9nc "$T/r$r" | wc -c))); done
{
	for r in 1 2 3 4; do gzip -9nc "$T/r$r"; done
	gzip -9nc "$T/r5" | head -c 100
	printf 'CORRUPTCORRUPTCORRUPTCORRUPTCORRUPTCORRUPT'
	gzip -9nc "$T/r5" | tail -c +143
	for r in 6 7 8 9; do gzip -9nc "$T/r$r"; done
} >"$T/bad.warc.gz"
"$W" "$T/bad.warc.gz" >"$T/out" 2>"$T/err"
rc=$?
grep -v '"url":"https://a.example/toc"' "$T/plain" >"$T/want-bad"
[ $rc -eq 3 ] && cmp -s "$T/out" "$T/want-bad" &&
	grep -q "bad.warc.gz: record at offset $g4: corrupt gzip data" "$T/err" &&
	[ "$(wc -l <"$T/err")" -eq 1 ] && [ "$g5" -gt 143 ]
ok "a corrupt gzip member: reported, the later records given" $?

# A record whose header is damaged: reported, the next record found.
{
	cat "$T/r2"
	sed 's/^Content-Length: .*/Content-Length: lots/' "$T/r5"
	cat "$T/r6"
} >"$T/hdr.warc"
"$W" "$T/hdr.warc" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 3 ] && [ "$(wc -l <"$T/out")" -eq 2 ] &&
	grep -q "hdr.warc: record at offset $(size "$T/r2"): no valid Content-Length" "$T/err"
ok "a damaged WARC header: reported, the next record found" $?

# --max-bytes caps a record.
"$W" --max-bytes 8k "$T/all.warc" >"$T/out" 2>"$T/err"
[ $? -eq 3 ] && grep -q "larger than --max-bytes" "$T/err" && [ -s "$T/out" ]
ok "a record over --max-bytes is reported and passed over" $?

# -O: one NAME.jsonl per WARC file.
"$W" -O "$T/o" "$T/all.warc.gz" 2>"$T/err" && cmp -s "$T/o/all.jsonl" "$T/plain"
ok "-O writes NAME.jsonl" $?

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
