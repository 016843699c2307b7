#!/bin/sh
# Runs every test program and the golden pages; the last line it prints is
# the total "N passed, N failed".  Usage: tests/run.sh BUILD_DIR
B=${1:-build}
passed=0
failed=0
tally() { # reads a runner's output, adds its closing "N passed, N failed"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
	if [ -z "$line" ]; then
		echo "  no result line: counted as 1 failed"
		failed=$((failed + 1))
		return
	fi
	p=${line%% passed*}
	f=${line#*, }
	f=${f%% failed*}
	passed=$((passed + p))
	failed=$((failed + f))
}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for t in "$B"/tests/unit_*; do
	[ -x "$t" ] || continue
	echo "== $(basename "$t")"
	"$t" >"$out" 2>&1
	rc=$?
	grep -v -E '^[0-9]+ passed, [0-9]+ failed' "$out"
	tally "$out"
	[ $rc -eq 0 ] || [ -n "$(grep -E ' [1-9][0-9]* failed' "$out")" ] ||
		{ echo "  exit $rc"; failed=$((failed + 1)); }
done
for s in tests/test_*.sh; do
	[ -f "$s" ] || continue
	echo "== $(basename "$s")"
	WINNOW="$B/winnow" sh "$s" >"$out" 2>&1
	grep -v -E '^[0-9]+ passed, [0-9]+ failed' "$out"
	tally "$out"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
