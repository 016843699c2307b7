"""winnow: the main content of scraped HTML pages, without their navigation,
teasers, share bars, comments and footers, as text, Markdown or JSON.

    import winnow

    with open("page.html", "rb") as f:
        page = f.read()
    text = winnow.extract(page)                               # as `winnow page.html`
    md = winnow.extract(page, format="markdown", links=True)  # `-f markdown --links`
    doc = winnow.extract_json(page, url="https://example.org/a")  # `-f json -u URL`, a dict

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
