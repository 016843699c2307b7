"""WARC files for the tests, made here from testdata pages: records of
every kind the reader meets (HTML responses plain, chunked, gzip'd and
deflated, other media, redirects and errors, requests, warcinfo and
metadata, WARC 1.0 and 1.1), one gzip member per record or plain."""

import gzip
import hashlib
import os
import zlib


def http(body, status="200 OK", ctype="text/html; charset=utf-8", extra=()):
    head = ["HTTP/1.1 " + status]
    if ctype is not None:
        head.append("Content-Type: " + ctype)
    head.extend(extra)
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def chunked(body, size=1000):
    out = b""
    for i in range(0, len(body), size):
        part = body[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def record(kind, uri, block, n, version="1.1", ctype=None, extra=()):
    """One WARC record (bytes)."""
    if ctype is None:
        ctype = {"response": "application/http; msgtype=response",
                 "request": "application/http; msgtype=request"}.get(kind, "application/warc-fields")
    if version == "1.0" and uri:
        uri = "<" + uri + ">"
    head = ["WARC/" + version, "WARC-Type: " + kind]
    if uri is not None:
        head.append("WARC-Target-URI: " + uri)
    head += ["WARC-Date: 2024-05-%02dT10:00:00Z" % (n % 28 + 1),
             "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>" % n,
             "Content-Type: " + ctype]
    head.extend(extra)
    head.append("Content-Length: %d" % len(block))
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def shard_records(pages, first=0):
    """The records of one shard: each page (a path) as an HTML response,
    in turn plain, chunked, gzip'd, deflated, WARC 1.0, without an HTTP
    Content-Type; and around them records that give no line."""
    recs = [record("warcinfo", None, b"software: winnow tests\r\nformat: WARC File Format 1.1\r\n",
                   first)]
    n = first
    for i, path in enumerate(pages):
        with open(path, "rb") as f:
            body = f.read()
        name = os.path.basename(path)[:-5]
        uri = "https://site%d.example/%s" % (i % 3, name)
        n += 1
        way = i % 7
        if way == 0:
            block = http(body)
        elif way == 1:
            block = http(chunked(body), extra=["Transfer-Encoding: chunked"])
        elif way == 2:
            block = http(gzip.compress(body, mtime=0), extra=["Content-Encoding: gzip"])
        elif way == 3:
            block = http(zlib.compress(body), extra=["Content-Encoding: deflate"])
        elif way == 4:
            block = http(body, ctype=None) if body[:5].lower() in (b"<!doc", b"<html") else http(body)
        elif way == 5:
            block = http(body, ctype="text/html")  # charset left to the page
        else:
            block = http(body, status="200 OK", ctype="application/xhtml+xml; charset=utf-8")
        recs.append(record("response", uri, block, n, version="1.0" if way == 4 else "1.1"))
        if i % 4 == 0:
            n += 1
            recs.append(record("request", uri, b"GET /%s HTTP/1.1\r\nHost: x\r\n\r\n" % name.encode(), n))
        if i % 5 == 0:
            n += 1
            recs.append(record("response", uri + ".png",
                               http(b"\x89PNG\r\n\x1a\n-not-really-", ctype="image/png"), n))
            n += 1
            recs.append(record("response", uri + "/old", http(b"", status="301 Moved",
                                                                extra=["Location: /new"]), n))
            n += 1
            recs.append(record("response", uri + "/gone", http(b"<html>gone</html>", status="404 Not Found"), n))
            n += 1
            recs.append(record("metadata", uri, b"via: test\r\n", n))
    return recs


def write_warc(path, records, gz=True):
    """records into path: one gzip member per record, or plain."""
    with open(path, "wb") as f:
        for r in records:
            f.write(gzip.compress(r, mtime=0) if gz else r)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()
