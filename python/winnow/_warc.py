"""The WARC reader of `winnow --warc` (the command's cli_warc.c and the line
builder of cli_jsonl.c), in Python over the C extension, for winnow.dask:
one WARC or WARC.gz file in, the JSON lines the command prints for it out,
byte for byte, and its messages about bad records word for word.

WARC 1.0 and 1.1 (ISO 28500), plain or gzip'd (RFC 1952, usually one member
per record), read as a stream.  Each `response` record whose HTTP message
(RFC 7230) is a 2xx HTML page gives one line: "url" (WARC-Target-URI),
"warc_record_id", "warc_date", then the members of the library's JSON
object, spliced from its text (so escaping is the library's), with the
page's canonical URL as "canonical_url" when it differs from "url".

The reading follows cli_warc.c step by step (its buffer sizes, its order of
checks, its recovery at the next gzip member after corrupt data) because
which records are given, and which are reported, depends on those details.
"""

import re
import zlib

from . import _winnow

CHUNK = 1 << 16
MAX_LINE = 1 << 16
MAX_HEADER = 1 << 18
_ULLONG_MAX = (1 << 64) - 1
_HTML_TYPES = (b"text/html", b"application/xhtml+xml")


# ---- JSON text, as cli_jsonl.c writes and scans it ----

def _utf8_len(s, i):
    """The length of the valid UTF-8 sequence at s[i:], or 0."""
    c = s[i]
    if c < 0x80:
        return 1
    if 0xC2 <= c <= 0xDF:
        k, lo, cp = 2, 0x80, c & 0x1F
    elif 0xE0 <= c <= 0xEF:
        k, lo, cp = 3, 0x800, c & 0x0F
    elif 0xF0 <= c <= 0xF4:
        k, lo, cp = 4, 0x10000, c & 0x07
    else:
        return 0
    if i + k > len(s):
        return 0
    for j in range(i + 1, i + k):
        if s[j] & 0xC0 != 0x80:
            return 0
        cp = cp << 6 | (s[j] & 0x3F)
    if cp < lo or cp > 0x10FFFF or 0xD800 <= cp <= 0xDFFF:
        return 0
    return k


_PLAIN = re.compile(rb"[\x20-\x21\x23-\x5b\x5d-\x7f]+")
_NAMED = {8: b"\\b", 9: b"\\t", 10: b"\\n", 12: b"\\f", 13: b"\\r"}


def json_string(s):
    """s (bytes) as a JSON string literal: '"' and '\\' escaped, control
    characters as \\b \\t \\n \\f \\r or \\u00XX, every byte that does not
    start a valid UTF-8 sequence as U+FFFD (cli_buf_json)."""
    out = bytearray(b'"')
    i, n = 0, len(s)
    while i < n:
        m = _PLAIN.match(s, i)
        if m:
            out += m.group()
            i = m.end()
            continue
        c = s[i]
        if c in (0x22, 0x5C):
            out += b"\\" + bytes((c,))
            i += 1
        elif c < 0x20:
            out += _NAMED.get(c) or b"\\u%04x" % c
            i += 1
        else:
            k = _utf8_len(s, i)
            out += s[i:i + k] if k else b"\xef\xbf\xbd"
            i += k or 1
    out += b'"'
    return bytes(out)


_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_WS = b" \t\n\r"


def _skip_ws(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def _skip_string(s, i):
    m = _STRING.match(s, i)
    return m.end() if m else len(s)


def _skip_value(s, i):
    n = len(s)
    if i < n and s[i] == 0x22:
        return _skip_string(s, i)
    if i < n and s[i] in b"{[":
        depth = 0
        while i < n:
            c = s[i]
            if c == 0x22:
                i = _skip_string(s, i)
                continue
            if c in b"{[":
                depth += 1
            elif c in b"}]":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return n
    while i < n and s[i] not in b",}] \t\r\n":
        i += 1
    return i


def scan_members(s):
    """The members of the JSON object s as written: [(key with its quotes,
    value)] (scan_members)."""
    members = []
    i = _skip_ws(s, 0)
    n = len(s)
    if i == n or s[i] != 0x7B:
        return members
    i = _skip_ws(s, i + 1)
    while i < n and s[i] == 0x22:
        k0 = i
        i = _skip_string(s, i)
        key = s[k0:i]
        i = _skip_ws(s, i)
        if i == n or s[i] != 0x3A:
            break
        i = _skip_ws(s, i + 1)
        v0 = i
        i = _skip_value(s, i)
        members.append((key, s[v0:i]))
        i = _skip_ws(s, i)
        if i < n and s[i] == 0x2C:
            i = _skip_ws(s, i + 1)
    return members


def _compact(v):
    """v without the white space outside its strings (put_compact)."""
    if not any(c in v for c in (b" ", b"\t", b"\r", b"\n")):
        return v
    out = bytearray()
    i, n = 0, len(v)
    while i < n:
        if v[i] == 0x22:
            e = _skip_string(v, i)
            out += v[i:e]
            i = e
        elif v[i] in _WS:
            i += 1
        else:
            out.append(v[i])
            i += 1
    return bytes(out)


def _string_of(raw):
    """The bytes a JSON string literal stands for (NUL-ended, as the C
    string it is there); None if raw is not a string."""
    if len(raw) < 2 or raw[0] != 0x22:
        return None
    if b"\\" not in raw:
        return raw[1:-1]
    import json
    try:
        s = json.loads(raw.decode("utf-8"))
    except ValueError:
        return None
    return s.encode("utf-8", "surrogatepass").split(b"\0", 1)[0]


def _key_is(key, name):
    if b"\\" not in key:
        return key[1:-1] == name
    return _string_of(key) == name


def json_line(rec, out, canonical):
    """One output line (cli_json_line): the record's members rec [(key,
    value)], then those of the library's JSON text out, with canonical (the
    page's metadata URL, bytes or None) deciding "canonical_url"."""
    lm = scan_members(out) if out else []
    names = [k[1:-1] for k, _ in lm if len(k) - 2 < 64]
    parts = []
    has_url = False
    url = None
    for k, v in rec:
        if _key_is(k, b"html") or _key_is(k, b"content_type"):
            continue
        clash = False
        if _key_is(k, b"url") and not has_url:
            has_url = True
            url = _string_of(v)
        else:
            clash = any(_key_is(k, name) for name in names)
        parts.append((b'"input_' + k[1:] if clash else k) + b":" + _compact(v))
    for k, v in lm:
        if has_url and _key_is(k, b"url"):
            if canonical is None or (url is not None and canonical == url):
                continue
            parts.append(b'"canonical_url":' + _compact(v))
            continue
        parts.append(k + b":" + _compact(v))
    return b"{" + b",".join(parts) + b"}\n"


# ---- the byte stream: plain, or gzip members one after another ----

def _zlib_why(e):
    m = re.match(r"Error -?\d+ while decompressing data: (.*)", str(e), re.S)
    return m.group(1) if m else "zlib error"


def _error_at(d, data):
    """Where in data the decompressor d stops with an error: the index
    after the last byte it read, as zlib's next_in says in C."""
    for i in range(len(data)):
        try:
            d.decompress(data[i:i + 1])
        except zlib.error:
            return i + 1
        if d.eof:
            break
    return len(data)


class _Src:
    def __init__(self, f):
        self.f = f
        self.gz = False
        self.in_member = False
        self.eof = False
        self.error = False
        self.why = ""
        self.zin = b""  # compressed bytes not yet inflated (next_in, avail_in)
        self.d = None
        self.out = b""  # out[pos:] not read yet
        self.pos = 0
        self.read = 0  # bytes read from the file
        self.member = 0  # offset of the gzip member being inflated
        self.out_member = 0  # the member out came from

    def offset(self):
        """The offset that names the record starting at the next byte."""
        if self.gz:
            return self.out_member
        return self.read - (len(self.out) - self.pos)

    def read_in(self, n):
        try:
            b = self.f.read(n)
        except OSError as e:
            self.why = e.strerror or str(e)
            self.error = True
            return b""
        self.read += len(b)
        return b

    def fill(self):
        """Refills out: 1 when there are bytes, 0 at the end, -1 on an error."""
        self.out = b""
        self.pos = 0
        if self.eof or self.error:
            return -1 if self.error else 0
        if not self.gz:
            self.out = self.read_in(CHUNK)
            if self.out:
                return 1
            self.eof = True
            return -1 if self.error else 0
        while True:
            if not self.zin:
                self.zin = self.read_in(CHUNK)
                if not self.zin:
                    self.eof = True
                    if self.error:
                        return -1
                    if not self.in_member:
                        return 0
                    self.why = "truncated: the file ends inside a gzip member"
                    self.error = True
                    return -1
            if not self.in_member:
                self.member = self.read - len(self.zin)
                self.in_member = True
                self.d = zlib.decompressobj(16 + 15)
            before = self.d.copy()
            try:
                got = self.d.decompress(self.zin, CHUNK)
            except zlib.error as e:
                self.why = "corrupt gzip data (%s)" % _zlib_why(e)
                self.error = True
                self.zin = self.zin[_error_at(before, self.zin):]
                return -1
            if self.d.eof:
                self.zin = self.d.unused_data
                self.in_member = False
            else:
                self.zin = self.d.unconsumed_tail
            if got:
                self.out = got
                self.out_member = self.member
                return 1

    def resync(self):
        """After corrupt gzip data: on to the next member header (1f 8b 08)."""
        self.error = False
        self.out = b""
        self.pos = 0
        self.in_member = False
        buf = self.zin
        while True:
            i = buf.find(b"\x1f\x8b\x08")
            if i >= 0:
                self.zin = buf[i:]
                return
            keep = buf[-2:]  # a header may straddle the refill
            more = self.read_in(CHUNK - len(keep))
            buf = keep + more
            if not more:
                self.zin = b""
                self.eof = True
                return

    def line(self, limit):
        """(1, a line without its "\\r\\n" or "\\n", cut at limit bytes: the
        rest is the next line), (0, b"") at the end, (-1, ...) on an error."""
        buf = bytearray()
        seen = 0
        while True:
            if self.pos == len(self.out):
                rc = self.fill()
                if rc <= 0:
                    return (-1 if rc < 0 else seen), bytes(buf)
            seen = 1
            nl = self.out.find(b"\n", self.pos)
            k = (nl if nl >= 0 else len(self.out)) - self.pos
            if len(buf) + k > limit:
                k = limit - len(buf)
                nl = -1
            buf += self.out[self.pos:self.pos + k]
            self.pos += k + (nl >= 0)
            if nl >= 0 or len(buf) == limit:
                break
        if buf and buf[-1] == 0x0D:
            del buf[-1]
        return 1, bytes(buf)

    def readn(self, n, keep):
        """n bytes (kept when keep): (how many there were, the bytes), or
        (-1, ...) on an error."""
        parts = []
        done = 0
        while done < n:
            if self.pos == len(self.out):
                rc = self.fill()
                if rc <= 0:
                    return (-1 if rc < 0 else done), b"".join(parts)
            k = min(len(self.out) - self.pos, n - done)
            if keep:
                parts.append(self.out[self.pos:self.pos + k])
            self.pos += k
            done += k
        return done, b"".join(parts)


# ---- headers and HTTP ----

def header(h, name):
    """The value of header name in the "Name: value" lines h, trimmed; the
    last one when there are several; None if none."""
    k = len(name)
    low = name.lower()
    found = None
    for line in h.split(b"\n"):
        if len(line) <= k or line[k] != 0x3A or line[:k].lower() != low:
            continue
        v = line[k + 1:].lstrip(b" \t").rstrip(b" \t\r")
        found = v.split(b"\0", 1)[0]  # a C string
    return found


def _media_is(v, types):
    n = len(v)
    for j, c in enumerate(v):
        if c in b"; \t":
            n = j
            break
    return v[:n].lower() in types


def _has_token(v, token):
    """Whether the comma-separated list v has token (case-insensitive)."""
    i, n = 0, len(v)
    while i < n:
        while i < n and v[i] in b" \t,":
            i += 1
        j = i
        while j < n and v[j] not in b",; \t":
            j += 1
        if v[i:j].lower() == token:
            return True
        while i < n and v[i] != 0x2C:
            i += 1
    return False


_HEX = b"0123456789abcdefABCDEF"


def _strtoull16(b, i):
    """strtoull(b + i, &end, 16): (value, end, overflow); end is i when
    there are no digits."""
    n = len(b)
    j = i
    while j < n and b[j] in b" \t\n\v\f\r":
        j += 1
    neg = False
    if j < n and b[j] in b"+-":
        neg = b[j] == 0x2D
        j += 1
    if j + 2 < n and b[j] == 0x30 and b[j + 1] in b"xX" and b[j + 2] in _HEX:
        j += 2
    start = j
    while j < n and b[j] in _HEX:
        j += 1
    if j == start:
        return 0, i, False
    v = int(b[start:j], 16)
    if v > _ULLONG_MAX:
        return _ULLONG_MAX, j, True
    return (-v) % (1 << 64) if neg else v, j, False


def _dechunk(b):
    """Chunked transfer coding (RFC 7230 4.1) undone in the bytearray b;
    returns the new length, or None if b does not start with a chunk.  A
    body cut short keeps what it has."""
    n = len(b)
    i = o = 0
    first = True
    while i < n:
        size, end, over = _strtoull16(b, i)
        if end == i or over or (b[end] if end < n else 0) not in b";\r\n \t\0":
            return None if first else o
        nl = b.find(b"\n", end)
        if nl < 0 or size == 0:
            break
        first = False
        i = nl + 1
        size = min(size, n - i)
        b[o:o + size] = b[i:i + size]
        o += size
        i += size
        if i < n and b[i] == 0x0D:
            i += 1
        if i < n and b[i] == 0x0A:
            i += 1
    return o


def _inflate_all(data, limit, raw):
    """gzip, zlib or raw deflate data inflated, at most limit bytes:
    (bytes, None), or (None, why)."""
    d = zlib.decompressobj(-15 if raw else 32 + 15)
    try:
        out = d.decompress(data, limit)
    except zlib.error:
        return None, "the body's gzip/deflate coding is corrupt"
    if not d.eof and len(out) >= limit:
        return None, "decoded body larger than --max-bytes"
    return out, None  # a stream cut short keeps what it gave


# After "HTTP/": the version (all of [0-9.], never given back: an atomic
# group), white space, then at most three characters of a number.
_STATUS = re.compile(rb"(?=([0-9.]+))\1\s*([+-][0-9]{1,2}|[0-9]{1,3})")


def _status(b):
    """sscanf(b + 5, "%*[0-9.] %3d") on the status line, or None."""
    m = _STATUS.match(b, 5)
    return int(m.group(2)) if m else None


# ---- the records ----

class _Item:
    __slots__ = ("off", "block", "rec", "uri", "msg")

    def __init__(self, off):
        self.off = off
        self.block = None
        self.rec = None
        self.uri = None
        self.msg = None


class Reader:
    """Reads one WARC file f (named name in messages) and writes the JSON
    lines of its HTML responses with write(bytes); messages about bad
    records go to say(str)."""

    def __init__(self, f, name, options, write, say):
        self.s = _Src(f)
        self.name = name
        self.options = dict(options)
        self.max_bytes = self.options.get("max_bytes") or _winnow.DEFAULT_MAX_BYTES
        self.write = write
        self.tell = say
        self.pending = None  # read, but its gzip member not yet checked
        self.stop = False

    # -- the items, in order --

    def say(self, it, why):
        it.msg = "winnow: %s: record at offset %d: %s" % (self.name, it.off, why)

    def submit(self, it):
        if it.block is not None:
            self.work(it)
        if it.msg is not None:
            self.tell(it.msg)

    def flush_pending(self):
        if self.pending is not None:
            self.submit(self.pending)
        self.pending = None

    def report(self, off, why):
        self.flush_pending()
        it = _Item(off)
        self.say(it, why)
        self.submit(it)

    def read_error(self, off):
        s = self.s
        if s.gz and not s.eof:
            if self.pending is not None and self.pending.off == s.member:
                self.pending.block = None
                self.say(self.pending, s.why)  # its member failed the check
                self.flush_pending()
            else:
                self.report(s.member, s.why)
            s.resync()
            return
        self.report(off, s.why)
        self.stop = True

    # -- one record's HTTP message --

    def work(self, it):
        b = it.block
        it.block = None
        n = len(b)
        i = b.find(b"\n\n")
        j = b.find(b"\n\r\n")
        end = min(x for x in (i, j, n) if x >= 0)
        status = _status(b) if n >= 12 and b.startswith(b"HTTP/") else None
        if status is None:
            self.say(it, "no HTTP status line in the response record")
            return
        if end < n:
            hlen = end + 1
            body_at = end + (3 if b[end + 1] == 0x0D else 2)
        else:
            hlen = body_at = n
        head = b[:hlen]
        ctype = header(head, b"Content-Type")
        blen = n - body_at
        if status < 200 or status > 299 or not blen:
            return
        if ctype is not None:
            if not _media_is(ctype, _HTML_TYPES):
                return
        elif blen < 5 or b[body_at:body_at + 5].lower() not in (b"<!doc", b"<html"):
            return
        body = b[body_at:]
        te = header(head, b"Transfer-Encoding")
        if te is not None and _has_token(te, b"chunked"):
            buf = bytearray(body)
            k = _dechunk(buf)
            if k is not None:
                body = bytes(buf[:k])
        ce = header(head, b"Content-Encoding")
        gz = ce is not None and (_has_token(ce, b"gzip") or _has_token(ce, b"x-gzip"))
        deflate = ce is not None and _has_token(ce, b"deflate")
        why = None
        # Some WARC writers store the decoded body and keep the header.
        if gz and body[:2] == b"\x1f\x8b":
            decoded, why = _inflate_all(body, self.max_bytes, False)
            body = decoded
        elif deflate and body:
            decoded, why = _inflate_all(body, self.max_bytes, False)
            if decoded is None:
                decoded, why = _inflate_all(body, self.max_bytes, True)
            body = decoded
        elif ce and not gz and not deflate and ce.lower() != b"identity":
            self.say(it, "Content-Encoding '%s' is not supported"
                     % ce[:100].decode("utf-8", "backslashreplace"))
            return
        if why:
            self.say(it, why)
            return
        st, out, canonical = _winnow._extract_raw(body, it.uri, ctype, self.options)
        if st in (_winnow.OK, _winnow.NO_CONTENT):
            self.write(json_line(it.rec, out, canonical))
        elif st == _winnow.EINPUT:
            self.say(it, "page larger than --max-bytes")
        else:
            self.say(it, _winnow._status_string(st))

    # -- reading --

    def record_keys(self, it, h):
        """The record keys of the output line: url, warc_record_id, warc_date."""
        rec = []
        for name, key in ((b"WARC-Target-URI", b'"url"'), (b"WARC-Record-ID", b'"warc_record_id"'),
                          (b"WARC-Date", b'"warc_date"')):
            v = header(h, name)
            if v is None:
                continue
            if key == b'"url"':
                if len(v) >= 2 and v[:1] == b"<" and v[-1:] == b">":  # WARC 1.0
                    v = v[1:-1]
                it.uri = v
            rec.append((key, json_string(v)))
        it.rec = rec

    def read_record(self, off):
        """One record after its WARC/1.x line: 0, or -1 when the reading failed."""
        s = self.s
        hb = bytearray()
        while True:
            rc, line = s.line(MAX_LINE)
            if rc <= 0 or not line:
                break
            if len(hb) + len(line) > MAX_HEADER:
                self.report(off, "WARC header longer than 256 KiB")
                return 0  # the next record is looked for
            if line[0] in b" \t" and hb:
                hb[-1] = 0x20  # a folded line
            hb += line
            hb += b"\n"
        if rc < 0:
            return -1
        if rc == 0:
            self.report(off, "truncated: the file ends inside the WARC header")
            self.stop = True
            return 0
        h = bytes(hb)
        typ = header(h, b"WARC-Type")
        clen = header(h, b"Content-Length")
        ctype = header(h, b"Content-Type")
        seg = header(h, b"WARC-Segment-Number")
        ok = clen is not None and clen[:1].isdigit() and clen.isdigit()
        length = min(int(clen), _ULLONG_MAX) if ok else 0
        want = (ok and typ is not None and typ.lower() == b"response"
                and (ctype is None or _media_is(ctype, (b"application/http",)))
                and (seg is None or seg == b"1"))
        if not ok:
            self.report(off, "no valid Content-Length in the WARC header")
            return 0
        if want and length > self.max_bytes:
            self.report(off, "record larger than --max-bytes (%d bytes)" % length)
            want = False
        it = None
        if want:
            it = _Item(off)
            self.record_keys(it, h)
        got, data = s.readn(length, it is not None)
        if 0 <= got < length:
            why = "truncated: the file ends inside the record (%d of %d bytes)" % (got, length)
            if it is not None:
                self.say(it, why)
                self.flush_pending()
                self.submit(it)
            else:
                self.report(off, why)
            self.stop = True
            return 0
        if got < 0:
            if it is None:
                return -1
            self.say(it, s.why)
            self.flush_pending()
            if s.gz and not s.eof:
                s.resync()
            else:
                self.stop = True
            self.submit(it)
            return 0
        if it is not None:
            it.block = data
            self.flush_pending()
            self.pending = it
            if not s.gz:
                self.flush_pending()
        return 0

    def run(self):
        s = self.s
        have = False
        off = 0
        line = b""
        k = s.read_in(CHUNK)
        if len(k) >= 2 and k[0] == 0x1F and k[1] == 0x8B:
            s.gz = True
            s.zin = k
        else:
            s.out = k
        while not self.stop:
            rc = 1
            if not have:
                if s.pos == len(s.out):
                    rc = s.fill()
                    if rc <= 0:
                        if rc < 0:
                            self.read_error(s.offset())
                        if rc == 0 or s.eof:
                            break
                        continue
                off = s.offset()
                rc, line = s.line(MAX_LINE)
                if rc <= 0:
                    if rc < 0:
                        self.read_error(off)
                    if rc == 0:
                        break
                    continue
                if not line:
                    continue
            have = False
            self.flush_pending()  # the member before has ended well
            if not line.startswith(b"WARC/1."):
                self.report(off, "no WARC/1.0 or WARC/1.1 line where a record starts")
                while not have and not self.stop:
                    if s.pos == len(s.out):
                        rc = s.fill()
                        if rc <= 0:
                            break
                    off = s.offset()
                    rc, line = s.line(MAX_LINE)
                    if rc <= 0:
                        break
                    have = line.startswith(b"WARC/1.")
                if rc < 0:
                    self.read_error(off)
                elif rc == 0:
                    break
                continue
            if self.read_record(off) < 0:
                self.read_error(off)
        self.flush_pending()


def output_name(path):
    """NAME.jsonl for a WARC file NAME.warc.gz, NAME.warc or NAME.gz (the
    command's -O naming)."""
    import os
    base = os.path.basename(path)
    for ext in (".warc.gz", ".warc", ".gz"):
        if len(base) > len(ext) and base.endswith(ext):
            base = base[:-len(ext)]
            break
    return base + ".jsonl"
