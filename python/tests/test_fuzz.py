"""The fuzz corpus through the module: the fuzzer's seeds (fuzz/seeds.sh:
testdata pages behind option bytes, read as fuzz/fuzz_winnow.c reads them),
the corpus a fuzzing run left in build/fuzz-corpus if there is one, and
testdata pages mutated deterministically.  Each runs in a child process
(replay.py), so that a crash fails the test and names its input."""

import glob
import os
import subprocess
import sys

import pytest

from conftest import CHARSET_PAGES, PAGES, ROOT, WINNOW

HERE = os.path.dirname(os.path.abspath(__file__))


def replay(tmp_path, *args):
    progress = tmp_path / "progress"
    r = subprocess.run([sys.executable, os.path.join(HERE, "replay.py"), str(progress), *args],
                       capture_output=True, text=True, timeout=900)
    last = progress.read_text() if progress.exists() else "(none)"
    assert r.returncode == 0, "exit %d on %s%s%s" % (r.returncode, last, r.stdout[-2000:],
                                                    r.stderr[-2000:])
    n = int(r.stdout.split()[-2])
    return n


def test_fuzz_seeds(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    subprocess.run(["sh", os.path.join(ROOT, "fuzz", "seeds.sh"), os.path.join(ROOT, "testdata"),
                    str(seeds)], check=True)
    files = sorted(str(p) for p in seeds.iterdir())
    assert len(files) >= 6 * len(PAGES)
    assert replay(tmp_path, "seeds", *files) == 2 * len(files)


def test_fuzz_corpus_of_an_earlier_run(tmp_path):
    corpus = sorted(glob.glob(os.path.join(os.path.dirname(WINNOW), "fuzz-corpus", "*")))[:3000]
    if not corpus:
        pytest.skip("no fuzz corpus (make fuzz-run leaves one in build/fuzz-corpus)")
    assert replay(tmp_path, "seeds", *corpus) == 2 * len(corpus)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_mutated_pages(tmp_path, seed):
    pages = PAGES + CHARSET_PAGES
    assert replay(tmp_path, "mutate", str(seed), *pages) == 8 * len(pages)
