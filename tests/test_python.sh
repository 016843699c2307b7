#!/bin/sh
# The Python module (python/): built from the library's sources into
# BUILD/python (make python), then its pytest suite (python/tests) against
# the command: every testdata page in every format, str and bytes, errors,
# the fuzz corpus replayed, WARC shards on a two-worker Dask cluster, and the
# README's install command and examples.  Needs Debian's python3 with
# python3-dev and python3-pytest (python3-distributed for the Dask tests);
# without them it says skipped and counts nothing.
W=${WINNOW:-build/winnow}
B=$(dirname "$W")
PY=${PYTHON:-$(command -v /usr/bin/python3 || command -v python3)}
if [ -z "$PY" ]; then
	echo "skipped: no python3"
	echo "0 passed, 0 failed"
	exit 0
fi
# shellcheck disable=SC2016
if ! "$PY" -c 'import os, sysconfig, pytest
assert os.path.isfile(os.path.join(sysconfig.get_paths()["include"], "Python.h"))' 2>/dev/null; then
	echo "skipped: $PY lacks pytest or Python.h (python3-pytest, python3-dev)"
	echo "0 passed, 0 failed"
	exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# Under make asan the module is built with the sanitizers too, by Python's
# own compiler (make asan may use clang, whose shared objects do not carry
# the sanitizer runtimes), and Python runs with that ASan runtime loaded
# first (its leak report is of Python's own allocations: off).
SAN=
PRELOAD=
PYCC=
case $B in *asan*)
	SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
	PYCC=$("$PY" -c 'import sysconfig; print(sysconfig.get_config_var("CC").split()[0])')
	PRELOAD=$("$PYCC" -print-file-name=libasan.so)
	if [ ! -f "$PRELOAD" ]; then
		echo "FAIL no ASan runtime for the module ($PYCC -print-file-name=libasan.so)"
		echo "0 passed, 1 failed"
		exit 1
	fi
	;;
esac
if ! make -s B="$B" ${PYCC:+CC="$PYCC"} PYTHON="$PY" PY_CFLAGS="-Werror ${SAN:+-O1 $SAN}" PY_LDFLAGS="$SAN" python \
	>"$T/build" 2>&1; then
	echo "FAIL make python"
	sed 's/^/    | /' "$T/build" | tail -n 30
	echo "0 passed, 1 failed"
	exit 1
fi
# A crash or a hang of pytest itself leaves no counts: one failure.
LD_PRELOAD=${PRELOAD:-$LD_PRELOAD} ASAN_OPTIONS=${PRELOAD:+detect_leaks=0} \
	PYTHONPATH="$B/python" WINNOW="$W" WINNOW_PYTEST_COUNTS="$T/counts" PYTHONDONTWRITEBYTECODE=1 \
	timeout 1800 "$PY" -m pytest -q -rs --tb=short -p no:cacheprovider python/tests >"$T/out" 2>&1
rc=$?
grep -v -E "^[0-9]+ passed, [0-9]+ failed" "$T/out"
if [ -s "$T/counts" ]; then
	read -r p f <"$T/counts"
	[ "$rc" -eq 0 ] || [ "$f" -gt 0 ] || { echo "  pytest exit $rc"; f=$((f + 1)); }
else
	echo "  pytest gave no result (exit $rc)"
	p=0
	f=1
fi
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
