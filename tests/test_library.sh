#!/bin/sh
# The C library as a user gets it: `make install` into a temporary DESTDIR,
# then the README's example (read from README.md between its
# <!-- example --> marker and the end of the code block, so the README
# cannot drift) built with pkg-config against the installed shared library
# and, again, statically; both must print what `winnow -f markdown` prints.
W=${WINNOW:-build/winnow}
B=$(dirname "$W")
CC=${CC:-cc}
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
# A sanitizer build's library needs its runtime in the program too.
SAN=
case $B in *asan*) SAN="-fsanitize=address,undefined" ;; esac

R=$T/root
make -s B="$B" install PREFIX=/usr DESTDIR="$R" >"$T/err" 2>&1
rc=$?
L=$R/usr/lib
[ $rc -eq 0 ] && [ -f "$R/usr/include/winnow.h" ] && [ -f "$L/libwinnow.a" ] &&
	[ -f "$L/libwinnow.so.0.1.0" ] && [ "$(readlink "$L/libwinnow.so.0")" = libwinnow.so.0.1.0 ] &&
	[ "$(readlink "$L/libwinnow.so")" = libwinnow.so.0 ] && [ -f "$L/pkgconfig/winnow.pc" ] &&
	[ -f "$R/usr/share/man/man1/winnow.1" ] && [ -x "$R/usr/bin/winnow" ] &&
	grep -qx 'prefix=/usr' "$L/pkgconfig/winnow.pc"
ok "make install: header, both libraries and links, winnow.pc, man page" $?

LC_ALL=C objdump -p "$L/libwinnow.so.0.1.0" 2>/dev/null | grep -q 'SONAME *libwinnow.so.0$' ||
	LC_ALL=C readelf -d "$L/libwinnow.so.0.1.0" 2>/dev/null | grep -q 'SONAME.*\[libwinnow.so.0\]'
ok "the shared library's soname is libwinnow.so.0" $?

awk -v m="<!-- example -->" '$0 == m {on = 1; next}
	on && /^```/ {n++; if (n == 2) exit; next} on && n == 1' README.md >"$T/example.c"
[ -s "$T/example.c" ] && grep -q 'wn_extract' "$T/example.c"
ok "README.md has the example between its markers" $?

pc() {
	PKG_CONFIG_SYSROOT_DIR=$R PKG_CONFIG_PATH=$L/pkgconfig pkg-config "$@" winnow
}
# shellcheck disable=SC2046
$CC $SAN -o "$T/example" "$T/example.c" $(pc --cflags) $(pc --libs) >"$T/err" 2>&1 &&
	LC_ALL=C objdump -p "$T/example" 2>/dev/null | grep -q 'NEEDED *libwinnow.so.0$'
ok "the example builds against the installed shared library (pkg-config)" $?

# The static build: libwinnow.a by path, its dependencies from --static.
# shellcheck disable=SC2046
$CC $SAN -o "$T/example-static" "$T/example.c" $(pc --cflags) "$L/libwinnow.a" \
	$(pc --static --libs | sed 's/-lwinnow//') >"$T/err" 2>&1 &&
	! LC_ALL=C objdump -p "$T/example-static" 2>/dev/null | grep -q 'NEEDED *libwinnow'
ok "the example builds against the installed static library" $?

same=0
for p in news-kaspersky blog-lists docs-api-c ja-washi-kobo listing-news-home; do
	"$W" -f markdown "testdata/$p.html" >"$T/want" 2>/dev/null
	LD_LIBRARY_PATH=$L "$T/example" <"testdata/$p.html" >"$T/got" 2>"$T/err" &&
		cmp -s "$T/got" "$T/want" &&
		"$T/example-static" <"testdata/$p.html" >"$T/got" 2>"$T/err" &&
		cmp -s "$T/got" "$T/want" || same=1
done
[ $same -eq 0 ]
ok "the example prints what winnow -f markdown prints (shared and static)" $?

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
