"""winnow.extract() and extract_json() against the command: the same bytes
for every testdata page in every format and with the options that change
the output; str and bytes input; bad arguments and unusable input; the GIL
released; several threads."""

import ast
import concurrent.futures
import inspect
import json
import os
import re
import sys
import threading
import warnings

import pytest

import winnow
from winnow import _winnow
from conftest import CHARSET_PAGES, COMMAND_ENV, PAGES, ROOT, page_id, run_winnow

URL = "https://www.example.com/news/2024/05/page.html"

# (command-line flags, keyword arguments): the same options both ways.
COMBOS = [
    ([], {}),
    (["-f", "markdown"], {"format": "markdown"}),
    (["-f", "json"], {"format": "json"}),
    (["-f", "markdown", "--links", "--images", "--captions", "-u", URL],
     {"format": "markdown", "links": True, "images": True, "captions": True, "url": URL}),
    (["--metadata", "--captions"], {"metadata": True, "captions": True}),
    (["-f", "markdown", "--metadata", "-u", URL], {"format": "markdown", "metadata": True, "url": URL}),
    (["-f", "json", "--markdown", "--links", "-u", URL],
     {"format": "json", "markdown": True, "links": True, "url": URL}),
    (["--explain"], {"format": "explain"}),
    (["--explain=tsv"], {"format": "explain-tsv"}),
    (["--annotate"], {"format": "annotate"}),
    (["-f", "html", "--links", "--images", "-u", URL],
     {"format": "html", "links": True, "images": True, "url": URL}),
    (["-f", "json", "--html"], {"format": "json", "html": True}),
    (["-f", "markdown", "--max-depth", "8", "--max-blocks", "40"],
     {"format": "markdown", "max_depth": 8, "max_blocks": 40}),
]


def read(path):
    with open(path, "rb") as f:
        return f.read()


@pytest.mark.parametrize("path", PAGES + CHARSET_PAGES, ids=page_id)
def test_same_output_as_the_command(path, winnow_cmd):
    html = read(path)
    differ = []
    for flags, kw in COMBOS:
        want = run_winnow(*flags, path)
        got = winnow.extract(html, **kw).encode("utf-8")
        if got != want:
            differ.append(" ".join(flags) or "(no flags)")
    assert not differ, "differs from the command with: " + "; ".join(differ)


@pytest.mark.parametrize("path", PAGES + CHARSET_PAGES, ids=page_id)
def test_extract_json_is_the_commands_object(path, winnow_cmd):
    html = read(path)
    assert winnow.extract_json(html) == json.loads(run_winnow("-f", "json", path))
    md = json.loads(run_winnow("-f", "json", "--markdown", "--links", "-u", URL, path))
    assert winnow.extract_json(html, format="markdown", links=True, url=URL) == md
    assert winnow.extract_json(html, markdown=True, links=True, url=URL) == md
    assert "markdown" in md and "text" not in md


def test_options_given_in_the_pages_options_files(winnow_cmd):
    """The NAME.options files of testdata (what winnow check uses)."""
    flag_kw = {"--metadata": ("metadata", True), "--links": ("links", True),
               "--images": ("images", True), "--captions": ("captions", True),
               "--comments": ("comments", True)}
    seen = 0
    for opt in sorted(p for p in os.listdir(os.path.join(ROOT, "testdata")) if p.endswith(".options")):
        flags = open(os.path.join(ROOT, "testdata", opt)).read().split()
        kw, rest = {}, list(flags)
        while rest:
            f = rest.pop(0)
            if f == "--kind" and rest:
                kw["kind"] = rest.pop(0)
                continue
            assert f in flag_kw, "a flag the test does not know: %s" % flags
            kw.update([flag_kw[f]])
        page = os.path.join(ROOT, "testdata", opt[:-len(".options")] + ".html")
        for fmt in ("text", "markdown", "json"):
            want = run_winnow("-f", fmt, *flags, page)
            assert winnow.extract(read(page), format=fmt, **kw).encode() == want, (opt, fmt)
            seen += 1
    assert seen


# ---- str and bytes ----

@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_str_gives_what_its_utf8_bytes_give(path):
    html = read(path)
    text = html.decode("utf-8")
    for fmt in ("text", "markdown", "json"):
        assert winnow.extract(text, format=fmt) == winnow.extract(html, format=fmt)
    assert winnow.extract(bytearray(html)) == winnow.extract(memoryview(html)) == winnow.extract(html)


def declared(path):
    """The codec of a testdata/charset page that declares its charset."""
    name = os.path.basename(path)
    if "undeclared" in name:
        return None
    return name.split(".")[1].replace("_", "-")


@pytest.mark.parametrize("path", [p for p in CHARSET_PAGES if declared(p)], ids=page_id)
def test_legacy_charset_bytes_and_their_text(path):
    """Bytes in a legacy charset are decoded by the library as the page
    declares; the same page as str (decoded by Python) gives the same."""
    html = read(path)
    codec = declared(path)
    text = html.decode(codec)
    assert winnow.extract(text) == winnow.extract(html)
    assert winnow.extract_json(text) == winnow.extract_json(html)
    # and the bytes read as the charset the option names, overriding the page
    assert winnow.extract(html, encoding=codec) == winnow.extract(html)


PARA = ("<p>The cooperative bakery in the old town opens its doors at six, and the queue "
        "for the rye loaves reaches the corner by seven, every day of the week.</p>")


def test_a_str_is_not_read_again_as_its_meta_charset():
    """A str is decoded text: its <meta charset> and a content_type charset
    must not make its UTF-8 be read as another charset.  (A lone surrogate
    makes its UTF-8 invalid, which would otherwise let the declaration win.)"""
    page = ('<html><head><meta charset="windows-1252"></head><body>%s'
            "<p>Caf\u00e9 cr\u00e8me, \u00e0 la carte, na\u00efve \u2014 and a stray \udc80 too, "
            "in a sentence long enough to be content.</p></body></html>" % PARA)
    out = winnow.extract(page)
    assert "Caf\u00e9 cr\u00e8me, \u00e0 la carte, na\u00efve \u2014" in out
    # the lone surrogate is invalid input: replaced, as an invalid byte is
    assert "\udc80" not in out and "\ufffd" in out
    ct = winnow.extract(page, content_type="text/html; charset=koi8-r")
    assert "Caf\u00e9 cr\u00e8me" in ct
    # while the same bytes, invalid UTF-8 for the surrogate, follow what
    # they declare: windows-1252 makes "Caf\u00c3\u00a9 ... \u00e2\u20ac\u201d" of them,
    # which the input stage, sure of it by the dash, decodes once more
    raw = page.encode("utf-8", "surrogatepass")
    out = winnow.extract(raw)
    assert "Caf\u00c3\u00a9" not in out
    assert "Caf\u00e9 cr\u00e8me, \u00e0 la carte, na\u00efve \u2014" in out
    assert "Caf\u00e9" not in winnow.extract(raw, content_type="text/html; charset=koi8-r")


def test_no_content_is_an_empty_string():
    for page in (b"", b"<html><body></body></html>", "<p>   </p>", b"<script>var shown = 0;</script><style>p {}</style>"):
        assert winnow.extract(page) == ""
        assert winnow.extract(page, format="markdown") == ""
        obj = winnow.extract_json(page)
        assert obj["text"] == "" and obj["title"] is None and obj["tags"] == []


# ---- errors ----

def test_bad_arguments():
    page = "<p>x</p>"
    type_errors = [
        lambda: winnow.extract(3),
        lambda: winnow.extract(None),
        lambda: winnow.extract(["<p>"]),
        lambda: winnow.extract(),
        lambda: winnow.extract(page, "text"),
        lambda: winnow.extract(page, fmt="text"),
        lambda: winnow.extract(page, format=1),
        lambda: winnow.extract(page, links=1),
        lambda: winnow.extract(page, metadata="yes"),
        lambda: winnow.extract(page, url=b"https://a.example/"),
        lambda: winnow.extract(page, encoding=5),
        lambda: winnow.extract(page, max_bytes="64M"),
        lambda: winnow.extract(page, max_depth=True),
        lambda: winnow.extract(page, max_output=2.5),
        lambda: winnow.extract_json(page, html="x"),
    ]
    for i, call in enumerate(type_errors):
        with pytest.raises(TypeError):
            call()
            pytest.fail("no TypeError from call %d" % i)
    value_errors = [
        lambda: winnow.extract(page, format="xml"),
        lambda: winnow.extract(page, format="TEXT"),
        lambda: winnow.extract_json(page, format="json"),
        lambda: winnow.extract_json(page, format="explain"),
        lambda: winnow.extract(page, max_bytes=0),
        lambda: winnow.extract(page, max_blocks=-1),
        lambda: winnow.extract(page, max_output=2 ** 64),
        lambda: winnow.extract(page, max_depth=65535),
        lambda: winnow.extract(page, url="https://a.example/\0"),
        lambda: winnow.extract(page, url="https://a.example/\ud800"),
        lambda: winnow.extract(page, encoding="latin1"),  # a str has no encoding
    ]
    for i, call in enumerate(value_errors):
        with pytest.raises(ValueError):
            call()
            pytest.fail("no ValueError from call %d" % i)
    # the bounds themselves are accepted
    winnow.extract(page, max_depth=65534, max_bytes=1 << 40, max_blocks=1, max_output=2 ** 63)
    with pytest.warns(winnow.TruncatedWarning):
        winnow.extract(page, max_depth=1, max_bytes=len(page.encode()), max_output=1)


def test_unknown_encoding_is_refused():
    """A label the library does not know is a ValueError naming it, as the
    command's --encoding refuses it (exit 2), not silently ignored."""
    page = open(os.path.join(ROOT, "testdata", "news-kaspersky.html"), "rb").read()
    for call in (winnow.extract, winnow.extract_json):
        with pytest.raises(ValueError, match="unknown encoding 'nonsense'"):
            call(page, encoding="nonsense")
    with pytest.raises(ValueError, match="unknown encoding 'nonsense'"):
        _winnow._check_options({"encoding": "nonsense"}, False)  # winnow.dask, before any page
    with pytest.raises(ValueError, match="unknown encoding"):
        _winnow._extract_raw(page, None, None, {"encoding": "no-such-charset"})
    # WHATWG labels, in any case, and uchardet's names are known
    for label in ("utf-8", "Windows-1252", "latin1", "shift_jis", "x-user-defined"):
        assert winnow.extract(page, encoding=label)


def test_input_that_cannot_be_used():
    assert issubclass(winnow.InputError, ValueError)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    elf = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 2000
    for data in (png, elf, bytes(4096)):
        with pytest.raises(winnow.InputError, match="binary"):
            winnow.extract(data)
        with pytest.raises(winnow.InputError):
            winnow.extract_json(data)
    page = read(PAGES[0])
    with pytest.raises(winnow.InputError, match=r"\(%d bytes\).*max_bytes \(100 bytes\)" % len(page)):
        winnow.extract(page, max_bytes=100)
    assert winnow.extract(page, max_bytes=len(page)) == winnow.extract(page)


def test_cut_output_says_so(winnow_cmd):
    path = os.path.join(ROOT, "testdata", "news-kaspersky.html")
    html = read(path)
    with pytest.warns(winnow.TruncatedWarning, match="max_output"):
        out = winnow.extract(html, max_output=300)
    assert out.encode() == run_winnow("--max-output", "300", path)
    assert 0 < len(out.encode()) <= 300
    with pytest.warns(winnow.TruncatedWarning):
        obj = winnow.extract_json(html, max_output=300)
    assert obj["truncated"] is True
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(winnow.TruncatedWarning):
            winnow.extract(html, max_output=300)
        winnow.extract(html)  # no warning when nothing is cut


# ---- the interface ----

def test_version_is_the_librarys(winnow_cmd):
    assert re.fullmatch(r"\d+\.\d+\.\d+", winnow.__version__)
    assert run_winnow("--version").decode().split() == ["winnow", winnow.__version__]
    header = open(os.path.join(ROOT, "src", "winnow.h")).read()
    assert '#define WN_VERSION "%s"' % winnow.__version__ in header


def stub_signatures():
    tree = ast.parse(open(os.path.join(ROOT, "python", "winnow", "_winnow.pyi")).read())
    return {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}


@pytest.mark.parametrize("name", ["extract", "extract_json"])
def test_signature_docstring_and_stub_agree_with_the_option_table(name):
    """A new option in _winnow.c's table must be in the docstring's
    signature and in the stub too."""
    fn = getattr(winnow, name)
    sig = inspect.signature(fn)
    params = list(sig.parameters.values())
    assert params[0].name == "page" and params[0].kind is inspect.Parameter.POSITIONAL_ONLY
    kw = [p.name for p in params[1:]]
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params[1:])
    assert tuple(kw) == _winnow.OPTIONS
    stub = stub_signatures()[name]
    assert [a.arg for a in stub.args.posonlyargs] == ["page"]
    assert [a.arg for a in stub.args.kwonlyargs] == kw
    for option in kw[1:]:
        assert option in fn.__doc__, "%s is not documented in %s's docstring" % (option, name)
    # the defaults the signature shows are the library's: passing them changes nothing
    page = read(PAGES[0])
    defaults = {p.name: p.default for p in params[1:]}
    assert fn(page, **defaults) == fn(page)


def test_package_files():
    import winnow.dask  # noqa: F401  importable without a cluster
    pkg = os.path.dirname(winnow.__file__)
    assert os.path.isfile(os.path.join(pkg, "py.typed"))
    assert os.path.isfile(os.path.join(pkg, "_winnow.pyi"))
    for fn in (winnow.extract, winnow.extract_json, winnow.dask.extract_warcs,
               winnow.dask.extract_warc):
        assert fn.__doc__ and len(fn.__doc__) > 200


# ---- threads ----

def test_the_gil_is_released_during_extraction():
    """With a switch interval far longer than the test, the main thread can
    only run while the worker is inside extract() if extract() let go of
    the GIL: the worker never blocks otherwise."""
    big = read(os.path.join(ROOT, "testdata", "news-kaspersky.html")) * 60
    started = threading.Event()
    state = {"done": False}

    def work():
        started.set()
        winnow.extract(big)
        state["done"] = True

    old = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    try:
        t = threading.Thread(target=work)
        t.start()
        started.wait()
        ran_during = not state["done"]
        t.join()
    finally:
        sys.setswitchinterval(old)
    assert ran_during


def test_threads_give_what_one_thread_gives():
    pages = [read(p) for p in PAGES + CHARSET_PAGES]
    one = [winnow.extract(p, format="markdown") for p in pages]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        many = list(pool.map(lambda p: winnow.extract(p, format="markdown"), pages * 3))
    assert many == one * 3


def test_mutated_pages_give_what_the_command_gives(tmp_path, winnow_cmd):
    """Broken pages (replay.py's mutations) too: the same bytes, or
    InputError where the command refuses the input (exit 3)."""
    import random
    import subprocess

    import replay

    rng = random.Random(5)
    compared = refused = 0
    for path in PAGES[::4]:
        for k, page in enumerate(replay.mutations(rng, read(path))):
            f = tmp_path / ("m%d.html" % k)
            f.write_bytes(page)
            for fmt in ("text", "markdown", "json"):
                r = subprocess.run([winnow_cmd, "-f", fmt, str(f)], capture_output=True,
                                   env=COMMAND_ENV)
                if r.returncode == 3:
                    with pytest.raises(winnow.InputError):
                        winnow.extract(page, format=fmt)
                    refused += 1
                    continue
                assert winnow.extract(page, format=fmt).encode() == r.stdout, (path, k, fmt)
                compared += 1
    assert compared > 100 and refused > 0


def test_kind_option():
    page = "<html><body><article><p>" + "A sentence of running text, with a comma. " * 30 + "</p></article></body></html>"
    auto = winnow.extract_json(page)
    assert auto["kind"] == "article"
    forced = winnow.extract_json(page, kind="forum")
    assert forced["kind"] == "forum" and forced["kind_confidence"] == 1
    assert winnow.extract(page, kind="auto") == winnow.extract(page)
    with pytest.raises(ValueError):
        winnow.extract(page, kind="blog")
    with pytest.raises(TypeError):
        winnow.extract(page, kind=3)


def test_comments_option():
    page = open(os.path.join(ROOT, "testdata", "blog-wp-comments.html"), "rb").read()
    plain = winnow.extract_json(page)
    assert "comments" not in plain
    got = winnow.extract_json(page, comments=True)
    assert [c["author"] for c in got["comments"]] == ["Dan Whitlock", "Priya", "Helen M"]
    assert got["comments"][0]["date"].startswith("2023-04-03")
    assert "\nComments\n" in winnow.extract(page, comments=True)
    assert winnow.extract(page, comments=False) == winnow.extract(page)
    with pytest.raises(TypeError):
        winnow.extract(page, comments=1)


def test_favor_option():
    page = open(os.path.join(ROOT, "testdata", "blog-wp-comments.html"), "rb").read()
    assert winnow.extract(page, favor="balanced") == winnow.extract(page)
    for mode in ("precision", "recall"):
        assert winnow.extract(page, favor=mode)
    with pytest.raises(ValueError):
        winnow.extract(page, favor="both")
    with pytest.raises(TypeError):
        winnow.extract(page, favor=True)
