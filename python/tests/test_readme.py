"""The README's Python install command and its examples, read from between
their markers (so the README cannot drift) and run as written: the install
into a fresh HOME, the examples with the Python it installed into."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import PAGES, ROOT, run_winnow
import warcs

README = os.path.join(ROOT, "README.md")


def readme_block(marker):
    """The first fenced block after the line <!-- marker --> (as
    .ci/run and tests/test_library.sh read theirs)."""
    lines = open(README, encoding="utf-8").read().split("\n")
    i = lines.index("<!-- %s -->" % marker)
    out, fences = [], 0
    for line in lines[i + 1:]:
        if line.startswith("```"):
            fences += 1
            if fences == 2:
                break
            continue
        if fences == 1:
            out.append(line)
    assert out, "README.md has no block after <!-- %s -->" % marker
    return "\n".join(out) + "\n"


def clean_env(home):
    # nothing of the test run's: its module path, nor a sanitizer runtime
    drop = ("PYTHON", "PIP_", "VIRTUAL_ENV", "LD_PRELOAD", "ASAN_OPTIONS")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    # "python3" in the README is the Python running these tests (Debian's).
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    env["HOME"] = str(home)
    return env


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    try:
        import ensurepip  # noqa: F401  (python3-venv)
    except ImportError:
        pytest.skip("no python3-venv")
    home = tmp_path_factory.mktemp("home")
    cmd = readme_block("python-install")
    assert "pip install" in cmd
    r = subprocess.run(["sh", "-e", "-c", cmd], cwd=ROOT, env=clean_env(home),
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, "the README's install command failed:\n%s\n%s" % (r.stdout[-3000:],
                                                                                r.stderr[-3000:])
    python = home / ".venvs" / "winnow" / "bin" / "python"
    assert python.exists()
    return home, str(python)


def test_the_install_command_installs_the_package(venv):
    home, python = venv
    r = subprocess.run([python, "-c", "import winnow, winnow.dask; print(winnow.__file__); "
                        "print(winnow.__version__)"], cwd=ROOT, env=clean_env(home),
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    where, version = r.stdout.split()
    assert where.startswith(str(home)), "winnow was imported from %s, not the venv" % where
    assert version == run_winnow("--version").decode().split()[1]


def test_the_python_example(venv, tmp_path):
    home, python = venv
    example = tmp_path / "example.py"
    example.write_text(readme_block("python-example"))
    r = subprocess.run([python, str(example)], cwd=ROOT, env=clean_env(home),
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    page = os.path.join("testdata", "news-kaspersky.html")
    title = json.loads(run_winnow("-f", "json", "-u", "https://news.example.com/uk/kaspersky", page))["title"]
    text = run_winnow(page).decode()
    empty = sum(run_winnow("-f", "markdown", "--links", p) == b"" for p in PAGES)
    assert r.stdout == "%s\n%s\n%d pages, %d without content\n" % (title, text[:72], len(PAGES), empty)


def test_the_dask_example(venv, tmp_path):
    pytest.importorskip("distributed")
    home, python = venv
    (tmp_path / "crawl").mkdir()
    shards = []
    for k in range(3):
        p = tmp_path / "crawl" / ("part-%d.warc.gz" % k)
        warcs.write_warc(p, warcs.shard_records(PAGES[k::3], first=1000 * k))
        shards.append(p)
    example = tmp_path / "cluster.py"
    example.write_text(readme_block("dask-example"))
    r = subprocess.run([python, str(example)], cwd=tmp_path, env=clean_env(home),
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.split() == [os.path.join("extracted", "part-%d.jsonl" % k) for k in range(3)]
    for k, p in enumerate(shards):
        got = (tmp_path / "extracted" / ("part-%d.jsonl" % k)).read_bytes()
        assert got == run_winnow("--warc", str(p))
        assert got.count(b"\n") == len(PAGES[k::3])
    shutil.rmtree(tmp_path / "extracted")
