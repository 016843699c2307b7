"""winnow: the main content of scraped HTML pages, without their navigation,
teasers, share bars, comments and footers, as text, Markdown or JSON.

    >>> import winnow
    >>> winnow.extract(b"<html>...</html>")                  # text, as `winnow page.html`
    >>> winnow.extract(page, format="markdown", links=True)  # `winnow -f markdown --links`
    >>> winnow.extract_json(page, url="https://example.org/a")  # `winnow -f json -u ...`

A C extension over libwinnow, the library the winnow command is built on:
the same options give the same output.  The GIL is released while a page is
extracted, so a thread pool extracts pages in parallel.  winnow.dask runs
WARC files on a Dask cluster.
"""

from ._winnow import (
    InputError,
    TruncatedWarning,
    __version__,
    extract,
    extract_json,
)

__all__ = ["extract", "extract_json", "InputError", "TruncatedWarning", "__version__"]
