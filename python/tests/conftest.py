"""Shared by the module's tests: where the checkout, the command and the
test pages are, and the count that tests/test_python.sh turns into make
test's "N passed, N failed" line."""

import glob
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WINNOW = os.path.abspath(os.environ.get("WINNOW") or os.path.join(ROOT, "build", "winnow"))
# the pages, not the expected HTML outputs beside them
PAGES = sorted(p for p in glob.glob(os.path.join(ROOT, "testdata", "*.html"))
               if not p.endswith(".expected.html"))
CHARSET_PAGES = sorted(glob.glob(os.path.join(ROOT, "testdata", "charset", "*.html")))
# The command's environment: under make asan the module's sanitizer runtime
# is preloaded into Python, and the command carries its own (maybe clang's,
# which refuses to start beside gcc's).
COMMAND_ENV = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}


def run_winnow(*args, input=None, check=True):
    """The command's stdout (bytes), run from the checkout."""
    r = subprocess.run([WINNOW, *args], input=input, capture_output=True, cwd=ROOT,
                       env=COMMAND_ENV)
    if check and r.returncode not in (0, 1):
        raise AssertionError("winnow %s: exit %d: %s" % (" ".join(args), r.returncode,
                                                       r.stderr.decode(errors="replace")))
    return r.stdout


def page_id(path):
    return os.path.relpath(path, os.path.join(ROOT, "testdata"))


@pytest.fixture(scope="session")
def winnow_cmd():
    if not os.access(WINNOW, os.X_OK):
        pytest.fail("%s is not built (make)" % WINNOW)
    return WINNOW


def pytest_terminal_summary(terminalreporter):
    path = os.environ.get("WINNOW_PYTEST_COUNTS")
    if not path:
        return
    stats = terminalreporter.stats
    passed = len(stats.get("passed", []))
    failed = len(stats.get("failed", [])) + len(stats.get("error", []))
    with open(path, "w") as f:
        f.write("%d %d\n" % (passed, failed))
