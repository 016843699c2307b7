"""Replays inputs through the module and checks what it promises: a str
that is '' or ends with one newline and has no NUL, JSON that parses, and
no exception but InputError (for binary data, or over max_bytes) and the
ValueError of an unknown encoding.  Run as a program (by test_fuzz.py) so
that a crash names its input:

    python replay.py PROGRESS_FILE seeds FILE...   # fuzz seeds: 2 option bytes, then the page
    python replay.py PROGRESS_FILE mutate SEED PAGE...  # pages mutated deterministically

Prints "N inputs" at the end; PROGRESS_FILE holds the input being run."""

import json
import random
import sys
import warnings

import winnow

FORMATS = ["text", "markdown", "json", "explain", "explain-tsv", "annotate"]
ENCODINGS = [None, None, "shift_jis", "utf-16be", "latin1", "gbk", "x-user-defined", "no-such-charset"]
TYPES = [None, "text/html; charset=euc-kr", "text/html", 'text/html;charset="utf-16"']


def harness_options(a, b):
    """The options fuzz/fuzz_winnow.c picks from its first two bytes."""
    kw = {"format": FORMATS[(a & 7) % 6], "links": bool(a >> 3 & 1), "images": bool(a >> 4 & 1),
          "captions": bool(a >> 5 & 1), "metadata": bool(a >> 6 & 1), "markdown": bool(a >> 7 & 1),
          "encoding": ENCODINGS[b >> 1 & 7], "content_type": TYPES[b >> 4 & 3]}
    if b & 1:
        kw["url"] = "https://example.com/dir/page.html?q=1#top"
    if b & 0x40:
        kw.update(max_depth=6, max_blocks=12, max_output=200)
    if b & 0x80:
        kw["max_bytes"] = 1000
    return kw


def check(html, kw):
    if kw["encoding"] == "no-such-charset":  # the library ignores it, the module refuses it
        try:
            winnow.extract(html, **kw)
        except ValueError as e:
            if "unknown encoding" not in str(e):
                raise
            return
        raise AssertionError("no ValueError for encoding='no-such-charset'")
    try:
        out = winnow.extract(html, **kw)
    except winnow.InputError as e:
        size = len(html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html)
        over = "max_bytes" in kw and size > kw["max_bytes"]
        if not (over or "binary" in str(e)):
            raise AssertionError("InputError for no reason: %s" % e)
        return
    assert isinstance(out, str)
    assert "\0" not in out, "a NUL in the output"
    assert out == "" or out.endswith("\n"), "output does not end with a newline"
    out.encode("utf-8")  # no lone surrogates
    if kw["format"] == "json":
        obj = json.loads(out)
        assert isinstance(obj, dict) and ("markdown" if kw["markdown"] else "text") in obj


def inputs_from_seeds(paths):
    for p in paths:
        with open(p, "rb") as f:
            data = f.read()
        a = data[0] if len(data) > 0 else 0
        b = data[1] if len(data) > 1 else 0
        kw = harness_options(a, b)
        yield p, data[2:], kw
        # and as text, which has no encoding of its own
        kw = dict(kw, encoding=None)
        yield p + " (as str)", data[2:].decode("utf-8", "surrogateescape"), kw


def mutations(rng, page):
    n = len(page)
    yield page[:rng.randrange(n + 1)]
    b = bytearray(page)
    for _ in range(rng.randrange(1, 30)):
        b[rng.randrange(n)] = rng.randrange(256)
    yield bytes(b)
    i = rng.randrange(n + 1)
    yield page[:i] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 2000))) + page[i:]
    i = rng.randrange(n + 1)
    tag = rng.choice([b"<div>", b"<b>", b"<table><tr><td>", b"<ul><li>", b"<p>", b"<a href=x>", b"<svg>"])
    yield page[:i] + tag * rng.randrange(100, 3000) + page[i:]
    i = rng.randrange(n + 1)
    yield page[:i] + b"<p " + b" ".join(b"a%d=x" % k for k in range(rng.randrange(50, 400))) + b">" + page[i:]
    yield page.replace(b"<", b"\0<", rng.randrange(1, 200))
    yield bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000)))
    yield page[i:] + page[:i]


def inputs_from_pages(seed, paths):
    rng = random.Random(seed)
    for p in paths:
        with open(p, "rb") as f:
            page = f.read()
        for k, m in enumerate(mutations(rng, page)):
            kw = harness_options(rng.randrange(256), rng.randrange(256))
            yield "%s mutation %d" % (p, k), m, kw


def main():
    progress, kind = sys.argv[1], sys.argv[2]
    if kind == "seeds":
        inputs = inputs_from_seeds(sys.argv[3:])
    else:
        inputs = inputs_from_pages(int(sys.argv[3]), sys.argv[4:])
    warnings.simplefilter("ignore", winnow.TruncatedWarning)
    n = 0
    for name, html, kw in inputs:
        with open(progress, "w") as f:
            f.write("%s %r\n" % (name, kw))
        try:
            check(html, kw)
        except Exception as e:
            print("FAIL %s %r: %s: %s" % (name, kw, type(e).__name__, e))
            return 1
        n += 1
    print("%d inputs" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
