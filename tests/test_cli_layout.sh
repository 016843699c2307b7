#!/bin/sh
# The command's house rules (issue 9): cli/ includes nothing of the
# library but its public header winnow.h; its files form no circle (each
# file with its header is one node; the mode files batch.c, check.c and
# stream.c are the node of modes.h); only main.c dispatches to the modes;
# and the command links only the public library.
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
bad=
for f in cli/*.c cli/*.h; do
	for h in $(sed -n 's/^#include "\(.*\)"/\1/p' "$f"); do
		[ "$h" = winnow.h ] || [ -f "cli/$h" ] || bad="$bad $f:$h"
	done
done
[ -z "$bad" ]
ok "cli/ includes only its own headers and winnow.h" $? "$bad"

node() {
	n=$(basename "$1")
	n=${n%.*}
	case $n in batch | check | stream) n=modes ;; esac
	echo "$n"
}
edges=$(for f in cli/*.c cli/*.h; do
	a=$(node "$f")
	for h in $(sed -n 's/^#include "\(.*\)"/\1/p' "$f"); do
		[ "$h" = winnow.h ] && continue
		b=$(node "$h")
		[ "$a" = "$b" ] || echo "$a $b"
	done
done)
loops=$(echo "$edges" | tsort 2>&1 >/dev/null)
[ -z "$loops" ]
ok "no circle among cli/'s files" $? "$loops"

up=$(grep -l '#include "modes.h"' cli/*.c cli/*.h | grep -v -e cli/main.c -e cli/batch.c -e cli/check.c -e cli/stream.c)
[ -z "$up" ]
ok "only main.c calls into the modes" $? "$up"

# The command's objects refer to no library symbol outside winnow.h.
B=$(dirname "$W")
priv=$(nm -u "$B"/cli/*.o 2>/dev/null | awk '$1 == "U" && $2 ~ /^wn__/ {print $2}' | sort -u)
[ -d "$B/cli" ] && [ -z "$priv" ]
ok "the command uses no internal wn__ function of the library" $? "$priv"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
