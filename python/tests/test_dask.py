"""winnow.dask: WARC files to JSON Lines, byte for byte what `winnow --warc`
prints, on a LocalCluster of two worker processes; and the WARC reader
alone (extract_warc) against the command on well-formed, large, and
damaged files, messages included."""

import gzip
import logging
import os
import random
import subprocess
import sys

import pytest

import winnow.dask
from winnow import _warc
from conftest import COMMAND_ENV, PAGES, ROOT, WINNOW
import warcs


def command(path, *flags):
    r = subprocess.run([WINNOW, "--warc", *flags, path], capture_output=True, env=COMMAND_ENV)
    return r.stdout, r.stderr.decode("utf-8", "backslashreplace").splitlines()


def big_page():
    """A page of about 400 KB: records and bodies over many 64 KiB reads."""
    with open(os.path.join(ROOT, "testdata", "news-kaspersky.html"), "rb") as f:
        page = f.read()
    head, _, rest = page.partition(b"<p>")
    paras = b"<p>" + rest.rpartition(b"</p>")[0] + b"</p>"
    return head + paras * max(1, 400_000 // len(paras)) + b"</article></body></html>"


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    """Four gzip'd shards and one plain WARC made of the testdata pages."""
    d = tmp_path_factory.mktemp("crawl")
    big = d / "big.html"
    big.write_bytes(big_page())
    paths = []
    for k in range(4):
        p = d / ("shard-%d.warc.gz" % k)
        pages = PAGES[k::4] + ([str(big)] if k == 1 else [])
        warcs.write_warc(p, warcs.shard_records(pages, first=1000 * k))
        paths.append(str(p))
    p = d / "plain.warc"
    warcs.write_warc(p, warcs.shard_records(PAGES[::3], first=9000), gz=False)
    paths.append(str(p))
    return paths


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        with distributed.Client(cluster) as c:
            yield c


def test_two_worker_processes_give_what_the_command_gives(shards, client, tmp_path):
    out = tmp_path / "extracted"
    got = winnow.dask.extract_warcs(shards, str(out), client=client)
    names = [os.path.basename(p).split(".")[0] + ".jsonl" for p in shards]
    assert got == [str(out / n) for n in names]
    lines = 0
    for warc, jsonl in zip(shards, got):
        want, msgs = command(warc)
        assert msgs == []
        with open(jsonl, "rb") as f:
            assert f.read() == want, warc
        lines += want.count(b"\n")
    assert lines >= len(PAGES) + len(PAGES[::3])
    # both workers did some of it
    who = client.run(lambda: os.getpid())
    assert len(set(who.values())) == 2


def test_options_and_the_default_client(shards, client, tmp_path):
    """format='markdown' and links as -f markdown --links; client=None is
    the current client."""
    got = winnow.dask.extract_warcs(shards[:2], tmp_path, format="markdown", links=True)
    for warc, jsonl in zip(shards[:2], got):
        with open(jsonl, "rb") as f:
            assert f.read() == command(warc, "-f", "markdown", "--links")[0]
    assert b'"markdown":' in open(got[0], "rb").read()


def test_damaged_shards_give_the_commands_lines_and_messages(shards, client, tmp_path, caplog):
    data = bytearray(open(shards[0], "rb").read())
    data[len(data) // 3] ^= 0x55
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data[:len(data) * 4 // 5]))
    with caplog.at_level(logging.WARNING, logger="winnow.dask"):
        got = winnow.dask.extract_warcs([str(bad), shards[2]], tmp_path / "out", client=client)
    want, msgs = command(str(bad))
    assert len(msgs) >= 2  # the flipped byte and the cut
    assert open(got[0], "rb").read() == want
    assert [r.getMessage() for r in caplog.records if r.name == "winnow.dask"] == msgs


def test_bad_calls(shards, client, tmp_path):
    with pytest.raises(TypeError):
        winnow.dask.extract_warcs(shards, tmp_path, client=client, url="https://a.example/")
    with pytest.raises(TypeError):
        winnow.dask.extract_warcs(shards, tmp_path, client=client, content_type="text/html")
    with pytest.raises(TypeError):
        winnow.dask.extract_warcs(shards, tmp_path, client=client, linkz=True)
    with pytest.raises(TypeError):
        winnow.dask.extract_warcs(shards[0], tmp_path, client=client)
    with pytest.raises(ValueError):
        winnow.dask.extract_warcs(shards, tmp_path, client=client, format="json")
    other = tmp_path / "other"
    other.mkdir()
    twin = other / os.path.basename(shards[0])
    twin.write_bytes(open(shards[0], "rb").read())
    with pytest.raises(ValueError, match="both write"):
        winnow.dask.extract_warcs([shards[0], str(twin)], tmp_path, client=client)


def test_an_unreadable_file_is_raised_after_the_others_are_done(shards, client, tmp_path):
    missing = str(tmp_path / "missing.warc.gz")
    with pytest.raises(FileNotFoundError):
        winnow.dask.extract_warcs([shards[0], missing, shards[2]], tmp_path / "o", client=client)
    assert os.path.isfile(tmp_path / "o" / "shard-0.jsonl")
    assert os.path.isfile(tmp_path / "o" / "shard-2.jsonl")
    assert not [n for n in os.listdir(tmp_path / "o") if n.startswith(".")]  # no temporary left


def test_without_a_client():
    """In a process with no client, get_client()'s ValueError."""
    pytest.importorskip("distributed")
    code = ("import winnow.dask\n"
            "try:\n    winnow.dask.extract_warcs([], 'out')\n"
            "except ValueError as e:\n    print('ValueError', e)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.startswith("ValueError"), r.stdout + r.stderr


# ---- the reader alone ----

def reader(path, **options):
    lines, msgs = [], []
    with open(path, "rb") as f:
        _warc.Reader(f, path, options, lines.append, msgs.append).run()
    return b"".join(lines), msgs


def test_extract_warc_without_dask(shards, tmp_path):
    out = tmp_path / "x" / "shard-1.jsonl"
    assert winnow.dask.extract_warc(shards[1], out) == []
    assert out.read_bytes() == command(shards[1])[0]
    with pytest.raises(ValueError, match="overwrite"):
        winnow.dask.extract_warc(shards[1], shards[1])
    with pytest.raises(TypeError):
        winnow.dask.extract_warc(shards[1], out, url="https://a.example/")
    # the file's mode is the umask's, as the command's output is
    old = os.umask(0o027)
    try:
        winnow.dask.extract_warc(shards[1], tmp_path / "m.jsonl")
    finally:
        os.umask(old)
    assert os.stat(tmp_path / "m.jsonl").st_mode & 0o777 == 0o640
    assert sorted(os.listdir(tmp_path)) == ["m.jsonl", "x"]


def test_odd_records(tmp_path):
    """Keys that need escaping, URIs that are not UTF-8, a canonical URL
    other than the record's, record keys missing, HTTP/2, headers folded."""
    body = open(os.path.join(ROOT, "testdata", "meta-news-graph.html"), "rb").read()
    recs = [
        warcs.record("response", 'https://a.example/q?x="1"\\\tz', warcs.http(body), 1),
        warcs.record("response", "https://a.example/caf\xe9", warcs.http(body), 2).replace(
            "caf\xe9".encode(), b"caf\xe9\xff\x80"),
        warcs.record("response", None, warcs.http(body), 3),
        warcs.record("response", "https://a.example/h2", b"HTTP/2 200\r\ncontent-type: TEXT/HTML\r\n\r\n" + body, 4),
        warcs.record("response", "https://a.example/fold", warcs.http(body), 5,
                     extra=["WARC-Payload-Digest: sha1:AAAA", "  BBBB"]),
        warcs.record("response", "https://a.example/seg", warcs.http(body), 6, extra=["WARC-Segment-Number: 2"]),
        warcs.record("Response", "https://a.example/case", warcs.http(body), 7,
                     ctype="Application/HTTP;msgtype=response"),
        warcs.record("response", "https://a.example/br", warcs.http(body, extra=["Content-Encoding: br"]), 8),
    ]
    for gz in (True, False):
        p = str(tmp_path / ("odd.warc" + (".gz" if gz else "")))
        warcs.write_warc(p, recs, gz)
        want, msgs = command(p)
        assert reader(p) == (want, msgs)
        assert want.count(b"\n") == 6 and len(msgs) == 1
    assert b'"canonical_url":' in want and b'\\"1\\"\\\\\\tz' in want


def damage(rng, data):
    kind = rng.randrange(6)
    data = bytearray(data)
    i = rng.randrange(len(data))
    if kind == 0:
        del data[i:]
    elif kind == 1:
        for _ in range(rng.randrange(1, 4)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    elif kind == 2:
        data[i:i] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40)))
    elif kind == 3:
        j = min(len(data), i + rng.randrange(1, 3000))
        data[i:j] = bytes(j - i)
    elif kind == 4:
        del data[i:min(len(data), i + rng.randrange(1, 3000))]
    else:
        data += b"\0" * rng.randrange(1, 600)
    return bytes(data)


@pytest.mark.parametrize("gz", [True, False], ids=["gzip", "plain"])
def test_damaged_files_read_as_the_command_reads_them(tmp_path, gz):
    """Cut, flipped, inserted, zeroed and removed bytes: the same lines and
    the same messages (offsets included) as the command."""
    rng = random.Random(13 if gz else 14)
    recs = warcs.shard_records(PAGES[:14])
    clean = b"".join(gzip.compress(r, mtime=0) if gz else r for r in recs)
    reported = 0
    for k in range(40):
        p = str(tmp_path / ("d%d.warc%s" % (k, ".gz" if gz else "")))
        with open(p, "wb") as f:
            f.write(damage(rng, clean))
        want = command(p)
        assert reader(p) == want, "damaged file %d differs" % k
        reported += bool(want[1])
    # the damage was seen in most files (how many depends on which pages
    # sort first in testdata: 24 of 40 with the comment pages added)
    assert reported > 20
