#!/bin/sh
# scaling.sh -- doubles each pathological input a few times and prints the
# CPU time of each size and its ratio to the size before.  Linear time
# means ratios near 2.  On a busy machine single ratios jitter, so each
# input is judged by its mean ratio per doubling (the geometric mean, from
# the first size that takes 0.05 s or more to the last): above 2.2 it is
# marked SLOW.  Also prints
# the peak memory, and the exit status, which must be 0, 1 or 3.
#
#   sh bench/scaling.sh [WINNOW] [DOUBLINGS]   (or SCALING_STEPS=N; default 4)
#
# Inputs: deep nesting, one huge text node, many attributes on one tag,
# many cells with a huge colspan/rowspan, an entity flood, random bytes.
W=${1:-build/winnow}
STEPS=${2:-${SCALING_STEPS:-4}}
LC_ALL=C
export LC_ALL
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
slow=""

# gen KIND N FILE: writes input KIND at size N
gen() {
	awk -v kind="$1" -v n="$2" 'BEGIN {
		p = "<p>The harbour authority said on Tuesday that the new ferry " \
		    "terminal would open in the spring, after long delays.</p>"
		printf "<html><body>"
		if (kind == "deep") {
			for (i = 0; i < n; i++) printf "<div><span>"
			printf "%s", p
			for (i = 0; i < n; i++) printf "</span></div>"
		} else if (kind == "text") {
			printf "<p>"
			for (i = 0; i < n; i++) printf "lorem ipsum dolor sit amet, consectetur. "
			printf "</p>"
		} else if (kind == "attrs") {
			printf "<p"
			for (i = 0; i < n; i++) printf " a%d=x", i
			printf ">%s</p>", "attributes"
			printf "%s", p
		} else if (kind == "colspan") {
			printf "%s<table>", p
			for (i = 0; i < n; i++)
				printf "<tr><td colspan=1000000 rowspan=1000000>cell %d</td><td>x</td></tr>", i
			printf "</table>"
		} else if (kind == "entities") {
			printf "%s<p>", p
			for (i = 0; i < n; i++) printf "&amp;&lt;&#x41;&eacute;&notin"
			printf "</p>"
		} else if (kind == "binary") {
			srand(42)
			for (i = 0; i < n; i++) printf "%c", int(rand() * 255) + 1
		}
	}' >"$3"
}

# measure FILE ARGS...: prints "seconds kilobytes status", best of three runs
measure() {
	f=$1
	shift
	best=""
	for _ in 1 2 3; do
		if [ -x /usr/bin/time ]; then
			/usr/bin/time -f "%U %S %M" -o "$TMP/time" "$W" "$@" "$f" \
				>/dev/null 2>"$TMP/err"
			rc=$?
			# the last line: time puts "Command exited with non-zero
			# status N" before it
			t=$(tail -n 1 "$TMP/time" | awk '{ printf "%.3f %d", $1 + $2, $3 }')
		else
			s=$(date +%s.%N)
			"$W" "$@" "$f" >/dev/null 2>"$TMP/err"
			rc=$?
			e=$(date +%s.%N)
			t=$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f 0", e - s }')
		fi
		sec=${t%% *}
		if [ -z "$best" ] || awk -v a="$sec" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
			best=$t
		fi
	done
	echo "$best $rc"
}

run_kind() {
	kind=$1
	n=$2
	shift 2
	prev=""
	first=""
	k=0
	printf '\n%-9s %10s %9s %9s %8s %7s %4s\n' "$kind" "size" "bytes" "seconds" "ratio" "MB" "exit"
	i=0
	while [ $i -le "$STEPS" ]; do
		gen "$kind" "$n" "$TMP/in.html"
		bytes=$(wc -c <"$TMP/in.html")
		# shellcheck disable=SC2046 # three words wanted
		set -- $(measure "$TMP/in.html" --max-bytes 1G "$@") "$@"
		sec=$1 kb=$2 rc=$3
		shift 3
		ratio="-"
		flag=""
		[ -n "$prev" ] &&
			ratio=$(awk -v a="$sec" -v b="$prev" 'BEGIN { printf "%.2f", (b > 0.005 ? a / b : 0) }')
		# the mean starts at the first time long enough to measure
		if [ -n "$first" ]; then
			k=$((k + 1))
		elif awk -v a="$sec" 'BEGIN { exit !(a >= 0.05) }'; then
			first=$sec
			k=0
		fi
		case $rc in 0|1|3) ;; *) flag=" EXIT"; slow="$slow $kind@$n:exit$rc" ;; esac
		printf '%-9s %10s %9s %9s %8s %7s %4s%s\n' "" "$n" "$bytes" "$sec" "$ratio" \
			"$((kb / 1024))" "$rc" "$flag"
		prev=$sec
		n=$((n * 2))
		i=$((i + 1))
	done
	mean=$(awk -v a="$prev" -v b="${first:-0}" -v k="${k:-0}" \
		'BEGIN { if (b > 0 && k > 0) printf "%.2f", (a / b) ^ (1 / k); else printf "-" }')
	flag=""
	if [ "$mean" != "-" ] && awk -v m="$mean" 'BEGIN { exit !(m > 2.2) }'; then
		flag=" SLOW"
		slow="$slow $kind($mean)"
	fi
	printf '%-9s mean ratio per doubling: %s%s\n' "" "$mean" "$flag"
}

echo "scaling: $W, $STEPS doublings per input (CPU seconds, best of 3)"
run_kind deep 200000
run_kind text 50000
run_kind attrs 500000
run_kind colspan 12500
run_kind colspan 12500 -f markdown
run_kind entities 50000
run_kind binary 1000000
echo
if [ -n "$slow" ]; then
	echo "scaling: above 2.2x per doubling on the mean (or a bad exit):$slow"
else
	echo "scaling: every input within 2.2x per doubling on the mean"
fi
