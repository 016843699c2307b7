# winnow -- plain Makefile.  `make` builds build/winnow, build/libwinnow.a,
# build/libwinnow.so (with its soname links) and build/winnow.pc.
CC      ?= cc
CFLAGS  ?= -O2 -g
WFLAGS  := -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L
PKGS    := gumbo libutf8proc jansson uchardet
DEPCFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
DEPLIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lgumbo -lutf8proc -ljansson -luchardet)
PREFIX  ?= /usr/local
DESTDIR ?=
B       := build
ZLIB_CFLAGS := $(shell pkg-config --cflags zlib 2>/dev/null)
ZLIB_LIBS   := $(shell pkg-config --libs zlib 2>/dev/null || echo -lz)
VERSION := $(shell sed -n 's/^\#define WN_VERSION "\(.*\)"/\1/p' src/winnow.h)
# The soname's number is the ABI's: it changes when a program built
# against an older winnow.h could no longer run with this library.
ABI     := $(shell sed -n 's/^\#define WN_ABI_VERSION \([0-9]*\)/\1/p' src/winnow.h)
SONAME  := libwinnow.so.$(ABI)

# The library: its stages in src/, one file each, and in sub-folders where
# a stage has several (base/ is the support layer under all of them).
LIB_DIRS := src src/base src/input src/metadata src/render src/diag src/select
LIB_SRC := $(foreach d,$(LIB_DIRS),$(wildcard $(d)/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(B)/obj/%.o)
HDRS    := $(foreach d,$(LIB_DIRS),$(wildcard $(d)/*.h))
# Only the public wn_ functions are exported (winnow.h's WN_EXPORT).
LIBFLAGS := -Isrc -fvisibility=hidden

all: $(B)/winnow $(B)/libwinnow.a $(B)/libwinnow.so $(B)/winnow.pc

$(B)/obj/%.o: src/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WFLAGS) $(CFLAGS) $(LIBFLAGS) $(DEPCFLAGS) -c $< -o $@

# The shared library's objects, position-independent, apart from the
# static ones.
PIC_OBJ := $(LIB_SRC:src/%.c=$(B)/pic/%.o)
$(B)/pic/%.o: src/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WFLAGS) $(CFLAGS) $(LIBFLAGS) -fPIC $(DEPCFLAGS) -c $< -o $@

$(B)/libwinnow.so: $(PIC_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) \
		-o $(B)/libwinnow.so.$(VERSION) $^ $(DEPLIBS)
	ln -sf libwinnow.so.$(VERSION) $(B)/$(SONAME)
	ln -sf $(SONAME) $@

# pkg-config's description; `make install` writes it again for its PREFIX.
PC_SED = -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|'
$(B)/winnow.pc: winnow.pc.in src/winnow.h
	@mkdir -p $(@D)
	sed $(PC_SED) winnow.pc.in > $@

$(B)/libwinnow.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

# The command: its own folder, on the public header alone (-Isrc is for
# winnow.h; tests/test_cli_layout.sh checks that nothing else of src/ is
# included), linked with the public library only.
CLI_SRC  := $(wildcard cli/*.c)
CLI_HDRS := $(wildcard cli/*.h)
CLI_OBJ  := $(CLI_SRC:cli/%.c=$(B)/cli/%.o)
CLIFLAGS := -Isrc $(DEPCFLAGS) $(ZLIB_CFLAGS)

$(B)/cli/%.o: cli/%.c $(CLI_HDRS) src/winnow.h
	@mkdir -p $(@D)
	$(CC) $(WFLAGS) $(CFLAGS) $(CLIFLAGS) -c $< -o $@

$(B)/winnow: $(CLI_OBJ) $(B)/libwinnow.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(DEPLIBS) $(ZLIB_LIBS) -lpthread

TEST_SRC := $(wildcard tests/unit_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(B)/tests/%)
# The pathological inputs, one extraction per run with its arguments: not a
# unit_ program (tests/run.sh runs those bare), run by
# tests/test_pathological.sh, natively and under valgrind's callgrind.
PATHO_BIN := $(B)/tests/pathological
# The fuzz targets' committed corpus, replayed (see Fuzzing below).
REPLAY_BIN := $(addprefix $(B)/tests/replay_,winnow warc jsonl)

$(B)/tests/%: tests/%.c tests/harness.h tests/utf8_check.h $(HDRS) $(B)/libwinnow.a | $(B)/tests
	$(CC) $(WFLAGS) $(CFLAGS) -Isrc $(DEPCFLAGS) $< $(B)/libwinnow.a $(DEPLIBS) -o $@

$(B)/tests:
	mkdir -p $@

# Every unit test program, the golden pages and the tests/test_*.sh
# checks; the last line is the total.
test: all $(TEST_BIN) $(PATHO_BIN) $(REPLAY_BIN)
	@sh tests/run.sh $(B)

# The tests again, built with AddressSanitizer and UndefinedBehaviorSanitizer.
# clang when installed: its UndefinedBehaviorSanitizer checks more than
# gcc's (pointer arithmetic on NULL, even NULL + 0, which the fuzzer found).
SAN := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
SAN_CC ?= $(shell command -v clang >/dev/null 2>&1 && echo clang || echo $(CC))
asan:
	$(MAKE) B=build/asan CC=$(SAN_CC) CFLAGS="$(SAN)" LDFLAGS="$(SAN)" test

# The Python module (python/) for the tests and make bench: setuptools
# builds it from the library's sources into $(B)/python (users install it
# with pip: README, "From Python").  Debian's python3 first, which has the
# python3-* packages the tests use.
PYTHON  ?= $(shell command -v /usr/bin/python3 || command -v python3)
PY_CFLAGS ?= -Werror
PY_LDFLAGS ?=
PY_HAVE  = $(PYTHON) -c 'import os, sysconfig, sys; \
	sys.exit(not os.path.isfile(os.path.join(sysconfig.get_paths()["include"], "Python.h")))'
python:
	cd python && CFLAGS="$(PY_CFLAGS)" LDFLAGS="$(PY_LDFLAGS)" $(PYTHON) setup.py -q build -j 2 \
		--build-base "$(abspath $(B))/python-build" --build-lib "$(abspath $(B))/python"

# Throughput against a bare gumbo parse of the same pages, in one run
# (bench/bench.c): testdata/, and the shared corpora when they are there
# (CORPORA; wcxb-dev's pages are unpacked once into $(B)/corpus).  Then the
# scaling check on pathological inputs and the Python module's figures.
# `make bench-scale` times the batch, JSON Lines and WARC modes
# (bench/scale.sh).
CORPORA ?= ../shared/corpora
WCXB_GZ := $(wildcard $(CORPORA)/wcxb-dev/html/*.html.gz)
WCXB    := $(WCXB_GZ:$(CORPORA)/wcxb-dev/html/%.html.gz=$(B)/corpus/wcxb-dev/%.html)
READABILITY := $(wildcard $(CORPORA)/readability/*/source.html)
SCRAPINGHUB := $(wildcard $(CORPORA)/scrapinghub-dev/html/*.html)
TESTDATA_PAGES := $(filter-out %.expected.html,$(wildcard testdata/*.html))
BENCH_SETS := --set testdata $(TESTDATA_PAGES)
ifneq ($(strip $(READABILITY)$(SCRAPINGHUB)$(WCXB)),)
BENCH_SETS += --total corpora
endif
ifneq ($(strip $(READABILITY)),)
BENCH_SETS += --set readability $(READABILITY)
endif
ifneq ($(strip $(SCRAPINGHUB)),)
BENCH_SETS += --set scrapinghub-dev $(SCRAPINGHUB)
endif
ifneq ($(strip $(WCXB)),)
BENCH_SETS += --set wcxb-dev $(WCXB)
endif
BENCH_PAGES ?= $(or $(strip $(READABILITY) $(SCRAPINGHUB)),$(TESTDATA_PAGES))

$(B)/corpus/wcxb-dev/%.html: $(CORPORA)/wcxb-dev/html/%.html.gz
	@mkdir -p $(@D)
	@gzip -dc $< > $@

$(B)/bench: bench/bench.c $(B)/libwinnow.a
	$(CC) $(WFLAGS) $(CFLAGS) -Isrc $(DEPCFLAGS) $< $(B)/libwinnow.a $(DEPLIBS) -lpthread -o $@

bench: $(B)/bench $(B)/winnow $(WCXB)
	@$(B)/bench -r 3 -j 2 --winnow $(B)/winnow $(BENCH_SETS)
	@SCALING_STEPS=3 sh bench/scaling.sh $(B)/winnow
	@if [ -n "$(PYTHON)" ] && $(PY_HAVE) 2>/dev/null; then \
		$(MAKE) -s python && PYTHONPATH=$(B)/python $(PYTHON) python/tools/bench.py $(B)/winnow $(BENCH_PAGES); \
	else echo "python: skipped (no python3 with Python.h: python3-dev)"; fi

bench-scale: $(B)/bench $(B)/winnow
	sh bench/scale.sh $(B)/winnow $(B)/bench

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
	        $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/man/man1 \
	        $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 755 $(B)/winnow $(DESTDIR)$(PREFIX)/bin/winnow
	install -m 644 $(B)/libwinnow.a $(DESTDIR)$(PREFIX)/lib/libwinnow.a
	install -m 755 $(B)/libwinnow.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libwinnow.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(PREFIX)/lib/libwinnow.so
	sed $(PC_SED) winnow.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/winnow.pc
	install -m 644 src/winnow.h $(DESTDIR)$(PREFIX)/include/winnow.h
	install -m 644 doc/winnow.1 $(DESTDIR)$(PREFIX)/share/man/man1/winnow.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/winnow $(DESTDIR)$(PREFIX)/lib/libwinnow.a \
	      $(DESTDIR)$(PREFIX)/lib/libwinnow.so $(DESTDIR)$(PREFIX)/lib/$(SONAME) \
	      $(DESTDIR)$(PREFIX)/lib/libwinnow.so.$(VERSION) \
	      $(DESTDIR)$(PREFIX)/lib/pkgconfig/winnow.pc \
	      $(DESTDIR)$(PREFIX)/include/winnow.h \
	      $(DESTDIR)$(PREFIX)/share/man/man1/winnow.1

# clang-format with the project's .clang-format, in place.
format:
	clang-format -i $(LIB_SRC) $(HDRS) $(CLI_SRC) $(CLI_HDRS) tests/*.c tests/*.h bench/*.c $(wildcard fuzz/*.c)

clean:
	rm -rf $(B)

.PHONY: all clean test asan bench bench-scale install uninstall format python

# Fuzzing (clang with libFuzzer): one target per parser of untrusted input,
# fuzz/fuzz_TARGET.c -- winnow (the library: HTML in any encoding), warc
# (the command's WARC, gzip and HTTP reader), jsonl (its JSON Lines reader
# and output line).  `make fuzz` builds $(B)/fuzz_TARGET with ASan and
# UBSan; `make fuzz-run FUZZ_SECONDS=N` fuzzes them one after another, N
# seconds in all (split evenly), from the committed corpus fuzz/corpus/
# TARGET/ (which `make test` replays) and, for winnow, seeds made from
# testdata/.  Findings are written as $(B)/fuzz-TARGET-crash-* and so on;
# add each, once fixed, to fuzz/corpus/TARGET/.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_ARGS    ?=
FUZZ_FLAGS   := -g -O1 -fsanitize=fuzzer,address,undefined \
                -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_TARGETS := winnow warc jsonl
# What each target needs of the command besides the library.
FUZZ_CLI_winnow :=
FUZZ_CLI_warc   := cli/warc_read.c cli/support.c
FUZZ_CLI_jsonl  := cli/jsonl_read.c cli/jsonline.c cli/support.c
FUZZ_EACH    = $(shell n=$$(( $(FUZZ_SECONDS) / 3 )); [ $$n -gt 0 ] && echo $$n || echo 1)

fuzz: $(FUZZ_TARGETS:%=$(B)/fuzz_%)

$(B)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_input.h $(LIB_SRC) $(HDRS) $(CLI_SRC) $(CLI_HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(WFLAGS) $(FUZZ_FLAGS) -Isrc -Icli $(DEPCFLAGS) $(ZLIB_CFLAGS) $< \
		$(FUZZ_CLI_$*) $(LIB_SRC) $(DEPLIBS) $(ZLIB_LIBS) -o $@

# The corpus replayed with the normal compiler (and the sanitizers of
# `make asan`), by tests/test_fuzz_corpus.sh.
$(B)/tests/replay_%: fuzz/fuzz_%.c fuzz/fuzz_input.h fuzz/replay.c $(B)/libwinnow.a $(CLI_SRC) $(CLI_HDRS) | $(B)/tests
	$(CC) $(WFLAGS) $(CFLAGS) -Isrc -Icli $(DEPCFLAGS) $(ZLIB_CFLAGS) $< fuzz/replay.c \
		$(FUZZ_CLI_$*) $(B)/libwinnow.a $(DEPLIBS) $(ZLIB_LIBS) $(LDFLAGS) -o $@

fuzz-run: fuzz
	rm -rf $(B)/fuzz-seeds && mkdir -p $(B)/fuzz-seeds
	sh fuzz/seeds.sh testdata $(B)/fuzz-seeds
	for t in $(FUZZ_TARGETS); do \
		mkdir -p $(B)/fuzz-corpus-$$t; \
		seeds=fuzz/corpus/$$t; [ $$t = winnow ] && seeds="$$seeds $(B)/fuzz-seeds"; \
		dict=; [ -f fuzz/$$t.dict ] && dict=-dict=fuzz/$$t.dict; \
		echo "fuzz-run: $$t for $(FUZZ_EACH) s"; \
		$(B)/fuzz_$$t -max_total_time=$(FUZZ_EACH) -max_len=65536 \
			-timeout=20 -rss_limit_mb=2048 $$dict \
			-artifact_prefix=$(B)/fuzz-$$t- -print_final_stats=1 $(FUZZ_ARGS) \
			$(B)/fuzz-corpus-$$t $$seeds || exit 1; \
	done

.PHONY: fuzz fuzz-run
