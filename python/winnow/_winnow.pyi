# Type stub of the C extension (_winnow.c).  The keyword arguments are those
# of _winnow.c's OPTIONS table, in its order (tests/test_module.py checks).
from typing import Any, Literal

Html = str | bytes | bytearray | memoryview

__version__: str
OPTIONS: tuple[str, ...]
DEFAULT_MAX_BYTES: int
OK: int
NO_CONTENT: int
EINPUT: int
ENOTHTML: int

class InputError(ValueError):
    """The input cannot be used: larger than max_bytes, or binary data."""

class TruncatedWarning(UserWarning):
    """The output was cut at max_output."""

Kind = Literal[
    "auto", "article", "forum", "product", "collection", "listing", "documentation", "service"
]
Favor = Literal["balanced", "precision", "recall"]

def extract(
    page: Html,
    /,
    *,
    format: Literal["text", "markdown", "html", "json", "explain", "explain-tsv", "annotate"] = "text",
    url: str | None = None,
    links: bool = False,
    images: bool = False,
    captions: bool = False,
    metadata: bool = False,
    markdown: bool = False,
    html: bool = False,
    encoding: str | None = None,
    content_type: str | None = None,
    max_bytes: int | None = None,
    max_depth: int | None = None,
    max_blocks: int | None = None,
    max_output: int | None = None,
    kind: Kind = "auto",
    comments: bool = False,
    favor: Favor = "balanced",
) -> str: ...
def extract_json(
    page: Html,
    /,
    *,
    format: Literal["text", "markdown"] = "text",
    url: str | None = None,
    links: bool = False,
    images: bool = False,
    captions: bool = False,
    metadata: bool = False,
    markdown: bool = False,
    html: bool = False,
    encoding: str | None = None,
    content_type: str | None = None,
    max_bytes: int | None = None,
    max_depth: int | None = None,
    max_blocks: int | None = None,
    max_output: int | None = None,
    kind: Kind = "auto",
    comments: bool = False,
    favor: Favor = "balanced",
) -> dict[str, Any]: ...
def _extract_raw(
    html: bytes, url: bytes | None, content_type: bytes | None, options: dict[str, Any], /
) -> tuple[int, bytes | None, bytes | None]: ...
def _check_options(options: dict[str, Any], json: bool, /) -> None: ...
def _status_string(status: int, /) -> str: ...
