#!/usr/bin/env python3
"""Checks of winnow's HTML output, for tests/test_html.sh.

  html_check.py words FILE.html FILE.txt
      the HTML's text (tags as a browser parts words: block elements and
      <br> part them, inline ones do not; character references decoded)
      has exactly the words of the text output, in the same order; a code
      block's language (<code class="language-X">) may be the word the
      text output has there (the block's label in the page) or none
  html_check.py structure FILE.html
      only the elements and attributes winnow writes, properly nested:
      no block inside text or inline elements, items in their lists,
      cells in rows, no script or data URLs, one closing newline
  html_check.py outline FILE.html
      prints the headings, paragraphs, items, cells and code blocks, one
      per line as "tag: text" as each ends (inner ones first), for
      comparison with a browser's DOM
  html_check.py batch
      reads checks from standard input, one a line: LABEL, a tab, then
      "words FILE.html FILE.txt" or "structure FILE.html" (tab-separated);
      prints FAIL LABEL and the differences for each that fails, then
      "N passed, N failed"

Exit status 0 when the check passes, 1 with the differences on stdout.
"""
import contextlib
import difflib
import html.parser
import io
import sys

INLINE = set("a em strong b i del s sub sup mark q cite abbr code".split())
VOID = set("br img meta link".split())
BLOCK = set("p h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre table caption "
            "thead tbody tfoot tr th td figure figcaption section article".split())
DOCUMENT = set("html head body title".split())
# Elements that hold text only: no block may open inside them.
PHRASE = set("p h1 h2 h3 h4 h5 h6 dt caption figcaption th td pre".split()) | INLINE
ATTRS = {
    "a": {"href"}, "img": {"src", "alt"}, "abbr": {"title"}, "ol": {"start"},
    "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}, "code": {"class"},
    "html": {"lang", "dir"}, "meta": {"charset", "name", "content"},
    "link": {"rel", "href"},
}
PARENT = {"li": ("ul", "ol"), "dt": ("dl",), "dd": ("dl",), "tr": ("thead", "tbody", "tfoot"),
          "td": ("tr",), "th": ("tr",), "thead": ("table",), "tbody": ("table",),
          "tfoot": ("table",), "caption": ("table",), "figcaption": ("figure",)}
# Where bare text may not stand.
NO_TEXT = set("ul ol dl table thead tbody tfoot tr blockquote".split())
OUTLINE = set("h1 h2 h3 h4 h5 h6 p li dt dd th td pre figcaption caption".split())


class Reader(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words, self.stack, self.errors, self.outline = [], [], [], []
        self.texts = []  # the outlined elements being read: tag, depth, text

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.words.append("\0title")
        if tag in BLOCK or tag in DOCUMENT or tag == "br":
            self.words.append(" ")
        if tag not in INLINE | VOID | BLOCK | DOCUMENT:
            self.errors.append("element <%s>" % tag)
        for name, value in attrs:
            value = value or ""
            if name not in ATTRS.get(tag, ()):
                self.errors.append("attribute %s on <%s>" % (name, tag))
            if name == "class" and not value.startswith("language-"):
                self.errors.append("class %r" % value)
            if name in ("href", "src") and "".join(value.split()).lower().startswith(
                    ("javascript:", "vbscript:", "data:")):
                self.errors.append("URL %r" % value)
        if tag in BLOCK and any(t in PHRASE for t in self.stack):
            self.errors.append("<%s> inside %s" % (tag, "/".join(self.stack)))
        if tag in INLINE and tag in self.stack:
            self.errors.append("<%s> inside <%s>" % (tag, tag))
        if tag in PARENT and (not self.stack or self.stack[-1] not in PARENT[tag]):
            self.errors.append("<%s> in %s" % (tag, "/".join(self.stack[-2:]) or "nothing"))
        if tag in OUTLINE:
            self.texts.append((tag, len(self.stack), []))
        cls = dict(attrs).get("class") or ""
        if tag == "code" and cls.startswith("language-"):
            self.words.append(("info", cls[9:]))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self.words.append("\0")
        if tag in BLOCK or tag in DOCUMENT:
            self.words.append(" ")
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes %s" % (tag, "/".join(self.stack[-3:])))
            return
        self.stack.pop()
        if self.texts and self.texts[-1][1] == len(self.stack):
            t = self.texts.pop()
            self.outline.append("%s: %s" % (t[0], " ".join("".join(t[2]).split())))

    def handle_data(self, data):
        self.words.append(data)
        for t in self.texts:
            t[2].append(data)
        if data.strip() and (not self.stack or self.stack[-1] in NO_TEXT):
            self.errors.append("bare text in %s: %r" % (
                self.stack[-1] if self.stack else "the fragment", data.strip()[:30]))
        elif data.strip() and not any(t in BLOCK or t == "title" for t in self.stack):
            self.errors.append("text outside any block: %r" % data.strip()[:30])


def read(path):
    with open(path, encoding="utf-8") as f:
        src = f.read()
    r = Reader()
    r.feed(src)
    r.close()
    return src, r


def body_words(r):
    """The words of the text, the <title> left out; a code block's
    language (class language-X) as a tuple of words that may be left out."""
    out, skip, text = [], False, []
    for w in r.words:
        if isinstance(w, tuple):
            out.extend("".join(text).split())
            text = []
            out.append(tuple(w[1].split()))
        elif w == "\0title":
            skip = True
        elif w == "\0":
            skip = False
        elif not skip:
            text.append(w)
    return out + "".join(text).split()


def same_words(want, got):
    """Whether got is want, where a code block's language in got may say
    the words want has there (its label in the page) or be passed over;
    passed over when the word after it fits too."""
    i, k = 0, 0
    while k < len(got):
        g = got[k]
        if isinstance(g, tuple):
            n = len(g)
            fits = [w.lower() for w in want[i:i + n]] == [w.lower() for w in g]
            after = got[k + 1] if k + 1 < len(got) else None
            if fits and not (i < len(want) and after == want[i]):
                i += n
            k += 1
            continue
        if i >= len(want) or want[i] != g:
            return False
        i, k = i + 1, k + 1
    return i == len(want)


def main(argv):
    if len(argv) == 2 and argv[1] == "batch":
        passed = failed = 0
        for line in sys.stdin:
            label, *check = line.rstrip("\n").split("\t")
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                rc = main(["html_check.py"] + check)
            if rc == 0:
                passed += 1
            else:
                failed += 1
                print("FAIL " + label)
                print("".join("    " + l + "\n" for l in out.getvalue().splitlines()[:12]), end="")
        print("%d passed, %d failed" % (passed, failed))
        return 0
    if len(argv) == 4 and argv[1] == "words":
        _, r = read(argv[2])
        with open(argv[3], encoding="utf-8") as f:
            want = f.read().split()
        got = body_words(r)
        if not same_words(want, got):
            got = [w if isinstance(w, str) else "[language: %s]" % " ".join(w) for w in got]
            diff = difflib.unified_diff(want, got, "text output", "HTML output", lineterm="", n=2)
            print("\n".join(list(diff)[:30]))
            return 1
        return 0
    if len(argv) == 3 and argv[1] == "structure":
        src, r = read(argv[2])
        errors = r.errors
        if r.stack and not errors:
            errors.append("left open: " + "/".join(r.stack))
        if src and (not src.endswith("\n") or src.endswith("\n\n")):
            errors.append("does not end with exactly one newline")
        if errors:
            print("\n".join(sorted(set(errors))[:20]))
            return 1
        return 0
    if len(argv) == 3 and argv[1] == "outline":
        _, r = read(argv[2])
        print("\n".join(r.outline))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
