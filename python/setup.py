"""Builds winnow._winnow from the project's own C sources (../src), so that
the package needs nothing installed but the -dev packages of the library's
dependencies (gumbo, utf8proc, jansson, uchardet).  The metadata is in
pyproject.toml; this file adds what it cannot say: the version, read from
src/winnow.h, and the extension with its sources and flags."""

import os
import re
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(os.path.dirname(HERE), "src")
PKGS = ["gumbo", "libutf8proc", "jansson", "uchardet"]

if not os.path.isfile(os.path.join(SRC, "winnow.h")):
    sys.exit("winnow: %s/winnow.h not found: build the package from a checkout "
             "of winnow (pip install ./python at its top)" % SRC)


def version():
    with open(os.path.join(SRC, "winnow.h"), encoding="utf-8") as f:
        m = re.search(r'^#define WN_VERSION "([^"]+)"', f.read(), re.M)
    return m.group(1)


def library_sources():
    """Every .c file of the library: all of src/ and its folders but the
    command's files (src/main.c, src/cli_*.c, wherever they still are)."""
    found = []
    for root, dirs, files in os.walk(SRC):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".c") or name == "main.c" or name.startswith("cli_"):
                continue
            found.append(os.path.join(root, name))
    return found


def library_headers():
    return [os.path.join(root, name) for root, _, files in os.walk(SRC)
            for name in files if name.endswith(".h")]


def pkg_config(flag):
    try:
        out = subprocess.run(["pkg-config", flag] + PKGS, check=True,
                             capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return shlex.split(out)


cflags = pkg_config("--cflags") or []
libs = pkg_config("--libs")
if libs is None:
    libs = ["-lgumbo", "-lutf8proc", "-ljansson", "-luchardet"]

link_args = [a for a in libs if not a.startswith("-l")]
if sys.platform.startswith("linux"):
    # Only PyInit__winnow leaves the module: the library's wn_ functions
    # stay inside, so that another libwinnow in the process cannot stand
    # in for them.
    link_args.append("-Wl,--version-script=" + os.path.join(HERE, "winnow", "exports.map"))


class parallel_build_ext(build_ext):
    """Compiles the library's files in parallel (setuptools compiles one
    extension's sources one by one): --parallel N, or WINNOW_BUILD_JOBS,
    else one per CPU."""

    def build_extension(self, ext):
        jobs = self.parallel if isinstance(self.parallel, int) and self.parallel > 0 else None
        jobs = jobs or int(os.environ.get("WINNOW_BUILD_JOBS", "0") or 0) or os.cpu_count() or 1
        compile_one = self.compiler.compile

        def compile_all(sources, *args, **kwargs):
            with ThreadPoolExecutor(jobs) as pool:
                done = pool.map(lambda s: compile_one([s], *args, **kwargs), sources)
                return [obj for objs in done for obj in objs]

        self.compiler.compile = compile_all
        try:
            super().build_extension(ext)
        finally:
            self.compiler.compile = compile_one


ext = Extension(
    "winnow._winnow",
    sources=[os.path.join(HERE, "winnow", "_winnow.c")] + library_sources(),
    depends=library_headers() + [os.path.join(HERE, "winnow", "exports.map")],
    include_dirs=[SRC],
    libraries=[a[2:] for a in libs if a.startswith("-l")],
    extra_compile_args=["-std=c11", "-fvisibility=hidden", "-D_POSIX_C_SOURCE=200809L",
                        "-Wall", "-Wextra"] + cflags,
    extra_link_args=link_args,
)

setup(version=version(), ext_modules=[ext], cmdclass={"build_ext": parallel_build_ext})
