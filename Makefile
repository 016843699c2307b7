# winnow -- plain Makefile.  `make` builds build/winnow and build/libwinnow.a.
CC      ?= cc
CFLAGS  ?= -O2 -g
WFLAGS  := -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L
PKGS    := gumbo libutf8proc
DEPCFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
DEPLIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lgumbo -lutf8proc)
PREFIX  ?= /usr/local
DESTDIR ?=
B       := build

LIB_SRC := src/util.c src/input.c src/dom.c src/clean.c src/blocks.c \
           src/score.c src/select.c src/render_text.c src/render_md.c \
           src/winnow.c
LIB_OBJ := $(LIB_SRC:src/%.c=$(B)/obj/%.o)
HDRS    := src/winnow.h src/internal.h src/tuning.h

all: $(B)/winnow $(B)/libwinnow.a

$(B)/obj/%.o: src/%.c $(HDRS) | $(B)/obj
	$(CC) $(WFLAGS) $(CFLAGS) $(DEPCFLAGS) -c $< -o $@

$(B)/libwinnow.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(B)/winnow: $(B)/obj/main.o $(B)/libwinnow.a
	$(CC) $(CFLAGS) -o $@ $^ $(DEPLIBS)

$(B)/obj:
	mkdir -p $@

clean:
	rm -rf $(B)

.PHONY: all clean
