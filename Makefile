# winnow -- plain Makefile.  `make` builds build/winnow and build/libwinnow.a.
CC      ?= cc
CFLAGS  ?= -O2 -g
WFLAGS  := -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L
PKGS    := gumbo libutf8proc jansson uchardet
DEPCFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
DEPLIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lgumbo -lutf8proc -ljansson -luchardet)
PREFIX  ?= /usr/local
DESTDIR ?=
B       := build

LIB_SRC := src/util.c src/input.c src/dom.c src/clean.c src/blocks.c \
           src/score.c src/select.c src/render_text.c src/render_md.c \
           src/metadata.c src/render_json.c src/explain.c src/annotate.c \
           src/winnow.c
LIB_OBJ := $(LIB_SRC:src/%.c=$(B)/obj/%.o)
HDRS    := src/winnow.h src/internal.h src/tuning.h src/cli.h

all: $(B)/winnow $(B)/libwinnow.a

$(B)/obj/%.o: src/%.c $(HDRS) | $(B)/obj
	$(CC) $(WFLAGS) $(CFLAGS) $(DEPCFLAGS) -c $< -o $@

$(B)/libwinnow.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

CLI_OBJ := $(B)/obj/main.o $(B)/obj/cli_check.o

$(B)/winnow: $(CLI_OBJ) $(B)/libwinnow.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(DEPLIBS)

$(B)/obj:
	mkdir -p $@

TEST_SRC := $(wildcard tests/unit_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(B)/tests/%)

$(B)/tests/%: tests/%.c tests/harness.h $(B)/libwinnow.a | $(B)/tests
	$(CC) $(WFLAGS) $(CFLAGS) -Isrc $(DEPCFLAGS) $< $(B)/libwinnow.a $(DEPLIBS) -o $@

$(B)/tests:
	mkdir -p $@

# Every unit test program and the golden pages; the last line is the total.
test: all $(TEST_BIN)
	@sh tests/run.sh $(B)

# The tests again, built with AddressSanitizer and UndefinedBehaviorSanitizer.
SAN := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
asan:
	$(MAKE) B=build/asan CFLAGS="$(SAN)" LDFLAGS="$(SAN)" test

clean:
	rm -rf $(B)

.PHONY: all clean test asan
