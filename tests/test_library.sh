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

# The version and the ABI number, as the header gives them.
V=$(sed -n 's/^#define WN_VERSION "\(.*\)"/\1/p' src/winnow.h)
A=$(sed -n 's/^#define WN_ABI_VERSION \([0-9]*\)/\1/p' src/winnow.h)
R=$T/root
make -s B="$B" install PREFIX=/usr DESTDIR="$R" >"$T/err" 2>&1
rc=$?
L=$R/usr/lib
[ $rc -eq 0 ] && [ -f "$R/usr/include/winnow.h" ] && [ -f "$L/libwinnow.a" ] &&
	[ -f "$L/libwinnow.so.$V" ] && [ "$(readlink "$L/libwinnow.so.$A")" = "libwinnow.so.$V" ] &&
	[ "$(readlink "$L/libwinnow.so")" = "libwinnow.so.$A" ] && [ -f "$L/pkgconfig/winnow.pc" ] &&
	[ -f "$R/usr/share/man/man1/winnow.1" ] && [ -x "$R/usr/bin/winnow" ] &&
	grep -qx 'prefix=/usr' "$L/pkgconfig/winnow.pc"
ok "make install: header, both libraries and links, winnow.pc, man page" $?

LC_ALL=C objdump -p "$L/libwinnow.so.$V" 2>/dev/null | grep -q "SONAME *libwinnow.so.$A\$"
ok "the shared library's soname is libwinnow.so.$A (WN_ABI_VERSION)" $?

# Only the public functions are exported: every defined dynamic symbol is
# a wn_ name the header declares, and the header declares no function the
# library lacks.
nm -D --defined-only "$L/libwinnow.so.$V" | awk '$2 ~ /^[TDBR]$/ {print $3}' | sort >"$T/exported"
grep -oE '^WN_EXPORT [^(]*\(' src/winnow.h | sed -E 's/.*[ *]([a-z_0-9]+)\($/\1/' | sort >"$T/declared"
[ -s "$T/exported" ] && cmp -s "$T/exported" "$T/declared" ||
	{ diff "$T/declared" "$T/exported" >"$T/err"; false; }
ok "libwinnow.so exports exactly the functions winnow.h declares" $?

awk -v m="<!-- example -->" '$0 == m {on = 1; next}
	on && /^```/ {n++; if (n == 2) exit; next} on && n == 1' README.md >"$T/example.c"
[ -s "$T/example.c" ] && grep -q 'wn_extract' "$T/example.c"
ok "README.md has the example between its markers" $?

pc() {
	PKG_CONFIG_SYSROOT_DIR=$R PKG_CONFIG_PATH=$L/pkgconfig pkg-config "$@" winnow
}
# shellcheck disable=SC2046
$CC $SAN -o "$T/example" "$T/example.c" $(pc --cflags) $(pc --libs) >"$T/err" 2>&1 &&
	LC_ALL=C objdump -p "$T/example" 2>/dev/null | grep -q "NEEDED *libwinnow.so.$A\$"
ok "the example builds against the installed shared library (pkg-config)" $?

# The static build: libwinnow.a by path, its dependencies from --static.
# shellcheck disable=SC2046
$CC $SAN -o "$T/example-static" "$T/example.c" $(pc --cflags) "$L/libwinnow.a" \
	$(pc --static --libs | sed 's/-lwinnow//') >"$T/err" 2>&1 &&
	! LC_ALL=C objdump -p "$T/example-static" 2>/dev/null | grep -q 'NEEDED *libwinnow'
ok "the example builds against the installed static library" $?

# The header is C++ too: a program in C++ compiles against the installed
# header and runs against the installed library.
if command -v c++ >/dev/null 2>&1; then
	cat >"$T/cxx.cc" <<'EOF'
#include <winnow.h>
#include <cstring>
int main() {
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.format = WN_FORMAT_MARKDOWN;
	wn_result *r = nullptr;
	const char page[] = "<p>A paragraph that is long enough, with commas, and a full stop.</p>";
	wn_status s = wn_extract(page, std::strlen(page), &o, &r);
	bool ok = s == WN_OK && r != nullptr && wn_version_number() == WN_VERSION_NUMBER &&
	          std::strstr(wn_result_output(r, nullptr), "full stop.") != nullptr;
	wn_result_free(r);
	return ok ? 0 : 1;
}
EOF
	# shellcheck disable=SC2046
	c++ $SAN -std=c++11 -Wall -Wextra -Werror -o "$T/cxx" "$T/cxx.cc" $(pc --cflags) $(pc --libs) >"$T/err" 2>&1 &&
		LD_LIBRARY_PATH=$L "$T/cxx" >"$T/err" 2>&1
	ok "winnow.h compiles as C++ and the program runs against the library" $?
else
	echo "skipped: no C++ compiler for the header test"
fi

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
