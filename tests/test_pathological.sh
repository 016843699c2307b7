#!/bin/sh
# The pathological inputs of tests/pathological.c (deep nesting, many
# attributes, entities, table cells ...) must cost linear work.  The work
# is counted, not timed: valgrind's callgrind counts the instructions
# executed inside wn_extract() for each case and format at N and at 2N
# repetitions (N from `pathological list`), and the count at 2N must be
# under 2.5 times the count at N.  Linear work gives 2 (less where a fixed
# cost weighs), quadratic 4.  The counts are exact, the same on a busy
# machine as on an idle one, so the bound needs no room for noise; it is
# under 3 because at N this small a quadratic stage gives less than 4: the
# quadratic group and FAQ-panel code this repository once had, put back,
# gives x2.7-3.2.  First, without valgrind, every case is extracted once at
# N in each format: its status must be WN_OK or WN_NO_CONTENT and text at
# its bottom must come out.  Under make asan that runs every input under
# the sanitizers, and the counting, which valgrind cannot do for a
# sanitizer build, is skipped; without valgrind it says "skipped".  The
# counting runs two programs at a time.
B=$(dirname "${WINNOW:-build/winnow}")
P=$B/tests/pathological
MAX=2.5
passed=0
failed=0
if [ ! -x "$P" ] || ! cases=$("$P" list) || [ -z "$cases" ]; then
	echo "FAIL no $P, or it lists no case"
	echo "0 passed, 1 failed"
	exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

echo "each case extracts, at N:"
: >"$T/checks"
echo "$cases" | while read -r c n; do
	for f in text markdown; do
		if "$P" "$c" "$n" "$f" >"$T/out" 2>&1; then
			echo pass >>"$T/checks"
		else
			echo "FAIL $c $n $f: exit $?"
			sed 's/^/    | /' "$T/out" | tail -n 15
			echo fail >>"$T/checks"
		fi
	done
done
passed=$(grep -c pass "$T/checks")
failed=$(grep -c fail "$T/checks")
echo "  $passed of $((passed + failed))"

# A sanitizer build: make asan's build directory, or a program with ASan in
# it (nm shows its __asan_init, linked in or to be loaded).
san=
case $B in *asan*) san=1 ;; esac
nm "$P" 2>/dev/null | grep -q ' __asan_init$' && san=1
if [ -n "$san" ]; then
	echo "counting skipped: a sanitizer build, which valgrind cannot run"
	echo "$passed passed, $failed failed"
	exit 0
fi
if ! command -v valgrind >/dev/null 2>&1; then
	echo "skipped: valgrind not installed (Debian package valgrind)"
	echo "$passed passed, $failed failed"
	exit 0
fi

# The program without its debugging information, which callgrind needs not
# (it finds wn_extract in the symbol table) and valgrind 3.19 cannot read
# when clang wrote it (DWARF 5): "Possibly corrupted debuginfo file".
objcopy --strip-debug "$P" "$T/pathological" 2>/dev/null || cp "$P" "$T/pathological"
# One program per case, format and size, two at a time: each leaves its
# output with callgrind's report in $T/CASE.FORMAT.SIZE, its exit status
# in $T/CASE.FORMAT.SIZE.rc.
# shellcheck disable=SC2016
echo "$cases" | while read -r c n; do
	for f in text markdown; do
		echo "$c $n $f" "$c $((2 * n)) $f"
	done
done | xargs -n 3 -P 2 sh -c '
	valgrind --tool=callgrind --toggle-collect=wn_extract --callgrind-out-file=/dev/null \
		"$0" "$2" "$3" "$4" >"$1/$2.$4.$3" 2>&1
	echo $? >"$1/$2.$4.$3.rc"' "$T/pathological" "$T"
# The instructions a program counted; nothing if it failed.
count() {
	[ "$(cat "$T/$1.rc" 2>/dev/null)" = 0 ] &&
		sed -n 's/^==[0-9]*== Collected : \([0-9][0-9]*\)$/\1/p' "$T/$1"
}
echo "instructions executed in wn_extract(), at N and 2N (less than x$MAX):"
echo "$cases" | {
	while read -r c n; do
		for f in text markdown; do
			a=$(count "$c.$f.$n")
			b=$(count "$c.$f.$((2 * n))")
			if [ -z "$a" ] || [ -z "$b" ] || [ "$a" -eq 0 ]; then
				failed=$((failed + 1))
				echo "FAIL $c $f: no count at N=$n or 2N"
				for m in "$n" $((2 * n)); do
					echo "    $m: exit $(cat "$T/$c.$f.$m.rc" 2>/dev/null)"
					grep -v '^==[0-9]*==' "$T/$c.$f.$m" 2>/dev/null |
						sed 's/^/    | /' | tail -n 5
				done
				continue
			fi
			r=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }')
			line=$(printf '%-20s %-8s %6s %11s %6s %11s  x%s' "$c" "$f" "$n" "$a" \
				$((2 * n)) "$b" "$r")
			if awk -v a="$a" -v b="$b" -v m="$MAX" 'BEGIN { exit !(b < m * a) }'; then
				passed=$((passed + 1))
				echo "  $line"
			else
				failed=$((failed + 1))
				echo "FAIL $line: not linear"
			fi
		done
	done
	echo "$passed passed, $failed failed"
}
