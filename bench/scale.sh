#!/bin/sh
# scale.sh -- winnow at crawler scale, beside a bare gumbo parse of the same
# pages: docs/s and MB/s with one worker and with -j (all CPUs); peak RSS of
# a JSON Lines stream of 1,000 and of 10,000 records (it must stay flat);
# the read speed of a WARC.gz built from the pages, and whether each of its
# records gives what the page alone gives.
#
#   sh bench/scale.sh [WINNOW] [BENCH] [PAGE...]
#
# Pages: the corpora in ../shared/corpora when present, else testdata/.
# SCALE_ROUNDS (default 3) runs of each timing, the best kept.  Peak RSS
# and times come from wait4() in a small helper compiled here (no
# /usr/bin/time needed).
W=${1:-build/winnow}
BENCH=${2:-build/bench}
[ $# -gt 2 ] && shift 2 || set --
ROUNDS=${SCALE_ROUNDS:-3}
LC_ALL=C
export LC_ALL
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

if [ $# -eq 0 ]; then
	set -- ../shared/corpora/readability/*/source.html ../shared/corpora/scrapinghub-dev/html/*.html
	[ -f "$1" ] || set -- testdata/*.html
fi
for p in "$@"; do [ -f "$p" ] && printf '%s\n' "$p"; done >"$T/pages"
NPAGES=$(wc -l <"$T/pages")
BYTES=$(cat $(cat "$T/pages") | wc -c)
CPUS=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)

# run OUT CMD...: runs CMD, writes "seconds maxrss_kb status" to OUT.
cat >"$T/run.c" <<'EOF'
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
int main(int argc, char **argv)
{
	struct timespec a, b;
	struct rusage ru;
	int st = 0;
	if (argc < 3)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &a);
	pid_t p = fork();
	if (p == 0) {
		execvp(argv[2], argv + 2);
		_exit(127);
	}
	wait4(p, &st, 0, &ru);
	clock_gettime(CLOCK_MONOTONIC, &b);
	FILE *f = fopen(argv[1], "w");
	if (!f)
		return 2;
	fprintf(f, "%.4f %ld %d\n", (double)(b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9,
	        ru.ru_maxrss, WIFEXITED(st) ? WEXITSTATUS(st) : 128);
	return fclose(f) != 0;
}
EOF
${CC:-cc} -O2 -o "$T/run" "$T/run.c" || exit 1

# best OUT CMD...: the fastest of ROUNDS runs ("seconds maxrss status").
best() {
	out=$1
	shift
	: >"$out.all"
	i=0
	while [ $i -lt "$ROUNDS" ]; do
		"$T/run" "$out.one" "$@"
		cat "$out.one" >>"$out.all"
		i=$((i + 1))
	done
	sort -n "$out.all" | head -n 1 >"$out"
}

rate() { # rate SECONDS DOCS BYTES: "D docs/s M MB/s"
	awk -v s="$1" -v d="$2" -v b="$3" 'BEGIN { printf "%9.1f docs/s %7.2f MB/s", d / s, b / 1e6 / s }'
}

echo "scale: $NPAGES pages ($(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB), $CPUS CPUs, best of $ROUNDS; load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"

# ---- pages: gumbo alone, winnow -j 1, winnow -j CPUS ----
if [ -x "$BENCH" ]; then
	# bench's row: set pages MB | gumbo-MB/s ...
	"$BENCH" -r 1 --set pages $(cat "$T/pages") | awk '$1 == "pages" && $4 == "|" {
		printf "gumbo parse, 1 thread   %9.1f docs/s %7.2f MB/s\n", $2 * $5 / $3, $5 }'
fi
best "$T/j1" "$W" -j 1 -f text $(cat "$T/pages") >/dev/null 2>&1
s1=$(cut -d' ' -f1 "$T/j1")
echo "winnow -j 1             $(rate "$s1" "$NPAGES" "$BYTES")"
best "$T/jn" "$W" -j "$CPUS" -f text $(cat "$T/pages") >/dev/null 2>&1
sn=$(cut -d' ' -f1 "$T/jn")
echo "winnow -j $CPUS             $(rate "$sn" "$NPAGES" "$BYTES")  $(awk -v a="$s1" -v b="$sn" 'BEGIN { printf "%.2fx -j 1", a / b }')"

# ---- JSON Lines: peak RSS at 1,000 and 10,000 records ----
# Each page once as a JSON string (invalid UTF-8 and control characters
# other than tab, CR and LF dropped: JSON wants them escaped or valid).
while read -r p; do
	iconv -c -f UTF-8 -t UTF-8 "$p" 2>/dev/null | tr -d '\000-\010\013\014\016-\037' |
		sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e 's/\r/\\r/g' |
		awk 'BEGIN { ORS = "" } { if (NR > 1) print "\\n"; print }'
	echo
done <"$T/pages" >"$T/escaped"
stream() { # stream N: N records, the pages in turn
	awk -v n="$1" 'NR == FNR { page[m++] = $0; next }
	END { for (i = 1; i <= n; i++)
		printf "{\"id\":%d,\"url\":\"https://corpus.example/%d\",\"html\":\"%s\"}\n", i, i, page[i % m] }' \
		"$T/escaped" /dev/null
}
for n in 1000 10000; do
	stream $n >"$T/in.jsonl"
	"$T/run" "$T/rss$n" "$W" --jsonl -j "$CPUS" "$T/in.jsonl" >"$T/out.jsonl"
	lines=$(wc -l <"$T/out.jsonl")
	sed -n 's/^{"id":\([0-9]*\),.*/\1/p' "$T/out.jsonl" >"$T/ids"
	order=$(seq 1 $n | cmp -s - "$T/ids" && echo "in order" || echo "OUT OF ORDER")
	set -- $(cat "$T/rss$n")
	mb=$(wc -c <"$T/in.jsonl")
	printf 'jsonl %5d records      %s  peak RSS %6.1f MB, %d lines out (%s)\n' "$n" \
		"$(rate "$1" "$n" "$mb")" "$(awk -v k="$2" 'BEGIN { print k / 1024 }')" "$lines" "$order"
done
awk -v a="$(cut -d' ' -f2 "$T/rss1000")" -v b="$(cut -d' ' -f2 "$T/rss10000")" \
	'BEGIN { printf "jsonl peak RSS 10,000 / 1,000 records: %.2f (flat within 10%%: %s)\n", b / a, (b <= a * 1.1 ? "yes" : "NO") }'
rm -f "$T/in.jsonl" "$T/out.jsonl"

# ---- WARC.gz: read speed, and each record against its page alone ----
i=0
while read -r p; do
	i=$((i + 1))
	len=$(($(wc -c <"$p")))
	printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %s\r\n\r\n' "$len" >"$T/h"
	blen=$(($(wc -c <"$T/h") + len))
	{
		printf 'WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://corpus.example/%d\r\n' $i
		printf 'WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:%d>\r\n' $i
		printf 'Content-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n' $blen
		cat "$T/h" "$p"
		printf '\r\n\r\n'
	} | gzip -6n
done <"$T/pages" >"$T/corpus.warc.gz"
gz=$(wc -c <"$T/corpus.warc.gz")
raw=$(gzip -dc "$T/corpus.warc.gz" | wc -c)
best "$T/w1" "$W" -j 1 "$T/corpus.warc.gz" >/dev/null 2>&1
best "$T/wn" "$W" -j "$CPUS" "$T/corpus.warc.gz" >/dev/null 2>&1
for j in 1 n; do
	s=$(cut -d' ' -f1 "$T/w$j")
	printf 'warc.gz -j %-3s          %s  (%.1f MB/s of WARC.gz)\n' "$([ $j = 1 ] && echo 1 || echo "$CPUS")" \
		"$(rate "$s" "$NPAGES" "$raw")" "$(awk -v s="$s" -v g="$gz" 'BEGIN { print g / 1e6 / s }')"
done
"$T/run" "$T/wr" "$W" -j 1 --max-bytes 1 "$T/corpus.warc.gz" >/dev/null 2>&1 # every record refused unread
printf 'warc.gz reading alone   %s  (gunzip and record parsing, no extraction)\n' \
	"$(rate "$(cut -d' ' -f1 "$T/wr")" "$NPAGES" "$raw")" 2>/dev/null

norm() {
	sed -e 's/"url":"[^"]*",//' -e 's/"url":null,//' -e 's/"canonical_url":"[^"]*",//' \
		-e 's/"warc_record_id":"[^"]*",//' -e 's/"warc_date":"[^"]*",//'
}
"$W" -j "$CPUS" "$T/corpus.warc.gz" 2>/dev/null | norm >"$T/warc.json"
i=0
while read -r p; do
	i=$((i + 1))
	"$W" -f json -u "https://corpus.example/$i" "$p" 2>/dev/null
done <"$T/pages" | norm >"$T/pages.json"
n1=$(wc -l <"$T/warc.json")
n2=$(wc -l <"$T/pages.json")
differ=$(paste -d '\n' "$T/warc.json" "$T/pages.json" | awk 'NR % 2 { a = $0; next } $0 != a { d++ } END { print d + 0 }')
echo "warc.gz vs pages alone: $n1 records, $n2 pages compared, $differ differ"
