#!/bin/sh
# The fuzz targets' committed corpus (fuzz/corpus/TARGET/: seeds, and the
# inputs that found bugs), replayed through each target's function built
# with the normal compiler (build/tests/replay_TARGET): a failed invariant
# or a sanitizer report (make asan) aborts, and counts as failed.
B=$(dirname "${WINNOW:-build/winnow}")
passed=0
failed=0
for t in winnow warc jsonl; do
	r=$B/tests/replay_$t
	if [ ! -x "$r" ] || [ ! -d "fuzz/corpus/$t" ]; then
		echo "FAIL $t: no replay program or no corpus"
		failed=$((failed + 1))
		continue
	fi
	if out=$("$r" "fuzz/corpus/$t" 2>&1); then
		n=$(echo "$out" | tail -n 1 | sed -n 's/^\([0-9]*\) passed.*/\1/p')
		echo "  $t: ${n:-0} inputs"
		passed=$((passed + 1))
	else
		echo "FAIL $t"
		echo "$out" | tail -n 15 | sed 's/^/    | /'
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
