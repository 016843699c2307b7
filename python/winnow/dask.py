"""winnow on a Dask cluster: WARC files in, one JSON Lines file out for each.

    from dask.distributed import Client
    import winnow.dask

    client = Client("tcp://scheduler:8786")   # or a LocalCluster
    outputs = winnow.dask.extract_warcs(paths, "extracted/")

Needs dask.distributed (Debian: python3-distributed) on the client and the
workers, and the winnow package on the workers.  The files must be where
the workers can read them, and out_dir where they can write (a shared file
system, or one machine's LocalCluster).
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from . import _warc, _winnow

if TYPE_CHECKING:
    import distributed

Path = str | bytes | os.PathLike

__all__ = ["extract_warcs", "extract_warc"]

log = logging.getLogger("winnow.dask")


def extract_warc(path: Path, out_path: Path, *, name: str | None = None,
                 **options: Any) -> list[str]:
    """Extracts one WARC (or WARC.gz) file into the JSON Lines file out_path,
    with exactly the lines `winnow --warc FILE` prints; returns the messages
    the command would print on stderr about bad records, in order ("winnow:
    NAME: record at offset N: reason", NAME being name, else path).  The
    task extract_warcs() runs on a worker; also usable without Dask.

    out_path is written whole or not at all (a temporary file beside it,
    then a rename), so a task that is run again by Dask after a worker was
    lost leaves no half-written file.  OSError when path cannot be read or
    out_path cannot be written; ValueError when out_path is path."""
    _check(options, "extract_warc")
    path = os.fsdecode(path)
    out_path = os.fsdecode(out_path)
    out_dir = os.path.dirname(out_path) or "."
    os.makedirs(out_dir, exist_ok=True)
    if os.path.exists(out_path) and os.path.samefile(path, out_path):
        raise ValueError("%s: the output would overwrite the input" % out_path)
    messages = []
    with open(path, "rb") as f:
        # A new name of our own (mkstemp's mode would be 0600, not the
        # umask's), beside the output so that the rename stays on its disk.
        tmp = os.path.join(out_dir, ".%s.%s.tmp" % (os.path.basename(out_path), uuid.uuid4().hex))
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(fd, "wb") as out:
                _warc.Reader(f, path if name is None else name, options, out.write,
                             messages.append).run()
            os.replace(tmp, out_path)
        except BaseException:
            os.unlink(tmp)
            raise
    return messages


def extract_warcs(paths: Iterable[Path], out_dir: Path, *,
                  client: distributed.Client | None = None, **options: Any) -> list[str]:
    """Extracts WARC (or WARC.gz) files on a dask.distributed cluster: one
    task per file, on the cluster of client (default: the current client,
    distributed.get_client()).  Each FILE gives out_dir/NAME.jsonl (NAME:
    FILE's name less .warc.gz, .warc or .gz; out_dir is made if need be)
    with exactly the lines
    `winnow --warc FILE` prints; returns these paths, in the order of paths.

    options are those of winnow.extract_json() (format='markdown' for the
    body as Markdown, links, images, captions, encoding, max_bytes ...)
    but url and content_type, which come from each record.

    Messages about bad records (truncated, corrupt, too large) are logged
    as warnings on the logger "winnow.dask", in the order of paths, worded
    as the command words them.  Retries are Dask's: a task whose worker is
    lost is run again elsewhere (distributed.scheduler.allowed-failures).
    When a file cannot be read the others are still done, and the first
    such error, in the order of paths, is raised once all are."""
    _check(options, "extract_warcs")
    from distributed import get_client, wait

    if client is None:
        client = get_client()
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError("extract_warcs(): paths must be a list of paths, not one path")
    paths = [os.fsdecode(p) for p in paths]
    out_dir = os.fsdecode(out_dir)
    outputs = [os.path.join(out_dir, _warc.output_name(p)) for p in paths]
    seen = {}
    for p, o in zip(paths, outputs):
        if o in seen:
            raise ValueError("extract_warcs(): %s and %s would both write %s"
                             % (seen[o], p, o))
        seen[o] = p
    # Absolute paths for the workers, whose working folder may not be ours.
    futures = [client.submit(_task, os.path.abspath(p), os.path.abspath(o), p, options,
                             pure=False)
               for p, o in zip(paths, outputs)]
    wait(futures)
    for messages in client.gather(futures):
        for m in messages:
            log.warning("%s", m)
    return outputs


def _task(path, out_path, name, options):
    # The options as one argument: none of their names can meet one of
    # client.submit()'s own.
    return extract_warc(path, out_path, name=name, **options)


def _check(options, fn):
    """TypeError or ValueError now, on the client, for bad options."""
    for key in ("url", "content_type"):
        if key in options:
            raise TypeError("%s(): %s comes from each WARC record" % (fn, key))
    _winnow._check_options(options, True)
