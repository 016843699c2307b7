#!/bin/sh
# Makes the seed part of the committed fuzz corpus, fuzz/corpus/TARGET/,
# from small hand-written inputs and a few testdata pages (the inputs that
# found bugs are added beside them by hand, named after the bug).  Each
# seed starts with the target's option byte (see fuzz/fuzz_TARGET.c).
# Usage: sh fuzz/make_corpus.sh   (from the top folder; rewrites seed-*)
set -e
LC_ALL=C
export LC_ALL
C=fuzz/corpus
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p $C/winnow $C/warc $C/jsonl
rm -f $C/*/seed-*
size() { echo $(($(wc -c <"$1"))); }
# seed TARGET NAME OPTION-BYTE FILE
seed() { { printf "$3"; cat "$4"; } >"$C/$1/seed-$2"; }

# ---- winnow: small pages of each kind, in several option settings ----
printf '<p>Short.</p>' >"$T/tiny"
printf '<html><head><meta charset="shift_jis"><title>T</title></head><body><article><p>\203e\203X\203g\201B</p></article></body></html>' >"$T/sjis"
printf '\377\376<\000p\000>\000H\000i\000' >"$T/utf16"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000>\000' >"$T/elf"
awk 'BEGIN { for (i = 0; i < 200; i++) printf "<div>"; print "<p>deep, with a sentence.</p>" }' >"$T/deep"
awk 'BEGIN { printf "<p"; for (i = 0; i < 100; i++) printf " a%d=x", i; print ">attrs, and a sentence.</p>" }' >"$T/attrs"
printf '<table><tr><td colspan=99>a<td>b</table><pre>\tcode</pre><ul><li>x<li>y</ul>' >"$T/blocks"
for f in tiny sjis utf16 elf deep attrs blocks; do
	seed winnow "$f-text" '\000\000' "$T/$f"
	seed winnow "$f-json" '\202\001' "$T/$f"
done
seed winnow news-md '\011\001' testdata/news-figure.html
seed winnow meta-json '\302\000' testdata/meta-news-graph.html
seed winnow limits '\001\100' testdata/blog-lists.html

# ---- warc: records of every kind, plain, gzip'd, cut and damaged ----
page=testdata/meta-none.html
http() { # FILE BODY STATUS TYPE [HEADER]
	printf 'HTTP/1.1 %s\r\nContent-Type: %s\r\n' "$3" "$4" >"$1"
	[ -z "$5" ] || printf '%s\r\n' "$5" >>"$1"
	printf '\r\n' >>"$1"
	cat "$2" >>"$1"
}
record() { # OUT TYPE URI BLOCK [VERSION]
	{
		printf 'WARC/%s\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n' "${5:-1.1}" "$2" "$3"
		printf 'WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\n' "$(basename "$1")"
		printf 'Content-Type: application/http; msgtype=response\r\n'
		printf 'Content-Length: %s\r\n\r\n' "$(size "$4")"
		cat "$4"
		printf '\r\n\r\n'
	} >"$1"
}
printf 'software: seed\r\n' >"$T/info"
record "$T/r1" warcinfo "" "$T/info"
http "$T/b2" $page '200 OK' 'text/html; charset=utf-8'
record "$T/r2" response https://a.example/a "$T/b2"
awk 'BEGIN { printf "1a\r\n<p>A chunked page, with a\r\n"; printf "12\r\n sentence or two.\r\n0\r\n\r\n" }' >"$T/chunks"
http "$T/b3" "$T/chunks" '200 OK' 'text/html' 'Transfer-Encoding: chunked'
record "$T/r3" response https://a.example/c "$T/b3"
gzip -9nc $page >"$T/page.gz"
http "$T/b4" "$T/page.gz" '200 OK' 'application/xhtml+xml' 'Content-Encoding: gzip'
record "$T/r4" response '<https://a.example/g>' "$T/b4" 1.0
printf '<p>deflated, with a sentence.</p>' | gzip -9nc | tail -c +11 | head -c -8 >"$T/raw"
http "$T/b5" "$T/raw" '200 OK' 'text/html' 'Content-Encoding: deflate'
record "$T/r5" response https://a.example/d "$T/b5"
http "$T/b6" $page '404 Not Found' 'text/html'
record "$T/r6" response https://a.example/404 "$T/b6"
printf '\211PNG\r\n\032\n' >"$T/png"
http "$T/b7" "$T/png" '200 OK' 'image/png'
record "$T/r7" response https://a.example/i.png "$T/b7"
printf 'GET / HTTP/1.1\r\nHost: a.example\r\n\r\n' >"$T/b8"
record "$T/r8" request https://a.example/ "$T/b8"
cat "$T/r1" "$T/r2" "$T/r3" "$T/r4" "$T/r5" "$T/r6" "$T/r7" "$T/r8" >"$T/all.warc"
for r in 1 2 3 4 5 6 7 8; do gzip -9nc "$T/r$r"; done >"$T/all.warc.gz"
gzip -9nc "$T/all.warc" >"$T/one-member.warc.gz"
seed warc plain '\000' "$T/all.warc"
seed warc plain-bytewise '\002' "$T/all.warc"
seed warc plain-small-max '\001' "$T/all.warc"
seed warc gzip '\000' "$T/all.warc.gz"
seed warc gzip-odd-reads '\004' "$T/all.warc.gz"
seed warc one-member '\006' "$T/one-member.warc.gz"
head -c $(($(size "$T/all.warc") - 300)) "$T/all.warc" >"$T/cut"
seed warc plain-cut '\000' "$T/cut"
head -c $(($(size "$T/all.warc.gz") - 200)) "$T/all.warc.gz" >"$T/cutgz"
seed warc gzip-cut '\000' "$T/cutgz"
{ gzip -9nc "$T/r2" | head -c 60; printf 'CORRUPTCORRUPT'; gzip -9nc "$T/r2" | tail -c +75; gzip -9nc "$T/r3"; } >"$T/corrupt"
seed warc gzip-corrupt '\000' "$T/corrupt"
sed 's/^Content-Length: .*/Content-Length: lots/' "$T/r2" >"$T/badlen"
cat "$T/r3" >>"$T/badlen"
seed warc bad-length '\000' "$T/badlen"
{ printf 'garbage before\r\n'; cat "$T/r2"; printf 'WARC-Type: folded\r\n  header\r\n'; } >"$T/garbage"
seed warc garbage '\000' "$T/garbage"

# ---- jsonl: lines good and bad ----
esc() { sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e 's/\r//' "$1" | awk 'BEGIN { ORS = "" } { if (NR > 1) print "\\n"; print }'; }
{
	printf '{"id":1,"url":"https://a.example/x","html":"%s","meta":{"n":0.1,"k":[true,null]}}\n' "$(esc $page)"
	printf '{"html":"<p>caf\\u00e9 \\u00e9t\\u00e9, a sentence.</p>","content_type":"text/html; charset=iso-8859-1","title":"mine"}\r\n'
	printf '\n   \n'
	printf '{"id":3,"oops":\n'
	printf '[1,2,3]\n'
	printf '{"id":4,"url":"https://a.example/4"}\n'
	printf '{"id":5,"html":[1,2]}\n'
	printf '{"id":6,"html":"<p>x</p>","url":7}\n'
	printf '{"id":7,"html":"<p>x</p>","content_type":false}\n'
	printf '{"error":"mine","line":0,"html":"<p>A line with its own error key, and a sentence.</p>"}\n'
	printf '{"url":"https://a.example/1","url":"https://a.example/2","html":"<link rel=canonical href=/c><p>Two urls, and a sentence.</p>"}\n'
	printf '{"html":"nul \\u0000 inside","\\u0068tml":"escaped key"}\n'
	printf '{"id":99999999999999999999999,"html":"<p>x</p>"}\n'
	printf '{ "spaced" : [ 1 , { "a" : "b c" } ] , "html" : "<p>spaced, and a sentence.</p>" }\n'
	printf '{"html":"<p>no newline at the end</p>"}'
} >"$T/lines"
seed jsonl lines '\000' "$T/lines"
seed jsonl lines-bytewise '\002' "$T/lines"
seed jsonl lines-short-max '\001' "$T/lines"
seed jsonl lines-markdown-cut '\030' "$T/lines"
