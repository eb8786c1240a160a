"""Inputs as work: the parent lists files and cuts them into pieces, workers read them.

A :class:`Work` is one task: a few small files, one big file, or a run of
lines of a JSONL file (cut at line ends, so each piece holds whole
records and knows its first line number). The parent never decodes an
article: it lists names and sizes, and only scans a local JSONL file for its
line ends. Paths are local, or URIs that pyarrow reads (``s3://``, ``gs://``,
``hdfs://``).

Works come out in one order (files sorted by name, pieces by offset), so
every engine hands the same articles to the writer in the same order,
whatever order the inputs were given in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from saidwhen.errors import InputError
from saidwhen.model import Article

__all__ = ["BATCH", "PIECE_BYTES", "Part", "Work", "chunk_items", "plan", "read_work"]

BATCH = 32  # articles per task: big enough to amortise the hand-over, small to resume
PIECE_BYTES = 192 * 1024  # a JSONL piece: about 32 news articles
_JSONL = (".jsonl", ".ndjson")


@dataclass(frozen=True, slots=True)
class Part:
    """A file, or the bytes ``[start, end)`` of one whose first line there is ``line``."""

    path: str
    start: int = 0
    end: int = -1  # -1: to the end of the file
    line: int = 1


@dataclass(frozen=True, slots=True)
class Work:
    """One task for a worker; ``id`` names it (and its completion marker) across runs."""

    id: str
    parts: tuple[Part, ...] = ()
    articles: tuple[Article, ...] = ()  # items given in memory instead of files
    n: int = 0  # articles expected, for progress (0: unknown)
    order: tuple[str, int] = ("", 0)  # where it sits in the run: its first file and offset


def is_uri(path: str) -> bool:
    return "://" in path


def filesystem(uri: str) -> tuple[Any, str]:
    """A pyarrow filesystem and the path inside it."""
    try:
        from pyarrow import fs
    except ImportError:
        raise InputError(
            uri, "reading URIs needs pyarrow: pip install 'saidwhen[parquet]'"
        ) from None
    try:
        filesys, inner = fs.FileSystem.from_uri(uri)
    except Exception as err:  # pyarrow raises several kinds for a bad URI
        raise InputError(uri, f"cannot open: {err}") from None
    return filesys, str(inner)


def list_files(paths: Iterable[str | Path]) -> list[tuple[str, int]]:
    """Every file under ``paths`` with its size (-1: unknown), sorted, each once."""
    from saidwhen.io.readers import iter_files

    found: dict[str, int] = {}
    for p in map(str, paths):
        if is_uri(p):
            found.update(_list_uri(p))
            continue
        for f in iter_files([p]):
            try:
                found[str(f)] = f.stat().st_size
            except OSError:
                found[str(f)] = -1  # the worker reports why it cannot read it
    return sorted(found.items())


def _list_uri(uri: str) -> dict[str, int]:
    from pyarrow import fs

    filesys, root = filesystem(uri)
    info = filesys.get_file_info(root)
    if info.type == fs.FileType.File:
        return {uri: info.size}
    if info.type != fs.FileType.Directory:
        return {uri: -1}
    prefix = uri.rstrip("/")
    out = {}
    for i in filesys.get_file_info(fs.FileSelector(root, recursive=True)):
        rel = i.path[len(root.rstrip("/")) :].lstrip("/")
        if i.type == fs.FileType.File and not any(s.startswith(".") for s in rel.split("/")):
            out[f"{prefix}/{rel}"] = i.size
    return out


def _work(parts: list[Part], n: int) -> Work:
    ident = "\n".join(f"{p.path}\x1f{p.start}\x1f{p.end}" for p in parts)
    wid = hashlib.sha1(ident.encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return Work(wid, tuple(parts), n=n, order=(parts[0].path, parts[0].start))


def plan(paths: Iterable[str | Path], piece: int = PIECE_BYTES) -> Iterator[Work]:
    """The works of a run, in their order: small files grouped, local JSONL files cut.

    A JSONL file is cut into pieces of ``piece`` bytes or :data:`BATCH` records
    (its line ends are the only bytes the parent looks at); a JSONL file
    behind a URI is one work.
    """
    group: list[Part] = []
    size = n = 0
    for path, nbytes in list_files(paths):
        jsonl = path.lower().endswith(_JSONL)
        if jsonl and not is_uri(path):
            if group:
                yield _work(group, n)
                group, size, n = [], 0, 0
            yield from (_work([p], k) for p, k in _jsonl_pieces(path, piece))
            continue
        group.append(Part(path))
        size += max(nbytes, 0)
        n += 1
        if size >= piece or n >= BATCH:
            yield _work(group, n)
            group, size, n = [], 0, 0
    if group:
        yield _work(group, n)


def _jsonl_pieces(path: str, piece: int) -> Iterator[tuple[Part, int]]:
    """Pieces of about ``piece`` bytes ending at a line end, with their first line and count."""
    start, line, pos, lines, records = 0, 1, 0, 0, 0
    try:
        with open(path, "rb") as f:
            for raw in f:
                pos += len(raw)
                lines += 1
                records += bool(raw.strip())
                if pos - start >= piece or records >= BATCH:
                    yield Part(path, start, pos, line), records
                    start, line, lines, records = pos, line + lines, 0, 0
    except OSError:
        yield Part(path), 1
        return
    if pos > start:
        yield Part(path, start, pos, line), records


def chunk_items(
    items: Iterable[Article | InputError], failures: list[InputError], size: int = BATCH
) -> Iterator[Work]:
    """Works of articles given in memory; input errors among them go to ``failures``."""
    chunk: list[Article] = []
    k = 0
    for item in items:
        if isinstance(item, InputError):
            failures.append(item)
            continue
        chunk.append(item)
        if len(chunk) == size:
            yield Work(f"items-{k:08d}", articles=tuple(chunk), n=len(chunk), order=("", k))
            chunk, k = [], k + 1
    if chunk:
        yield Work(f"items-{k:08d}", articles=tuple(chunk), n=len(chunk), order=("", k))


def _too_big(part: Part) -> InputError | None:
    """A whole file over the readers' size limit, in a format that cannot stream (as read_paths)."""
    from saidwhen.io.readers import MAX_TEXT_FILE_BYTES, _too_large, guess_format

    if part.end >= 0 or is_uri(part.path):
        return None
    try:
        size = os.stat(part.path).st_size
        if size <= MAX_TEXT_FILE_BYTES:
            return None
        with open(part.path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return None  # reported by the read
    if guess_format(part.path, head) in ("jsonl", "warc"):
        return None
    return _too_large(part.path, size, "bytes")


def _read_part(part: Part) -> bytes:
    if is_uri(part.path):
        filesys, inner = filesystem(part.path)
        with filesys.open_input_file(inner) as f:
            if part.end < 0:
                return bytes(f.readall())
            return bytes(f.read_at(part.end - part.start, part.start))
    with open(part.path, "rb") as f:
        if part.end < 0:
            return f.read()
        f.seek(part.start)
        return f.read(part.end - part.start)


def read_work(work: Work, date: dt.date | None = None) -> Iterator[Article | InputError]:
    """The articles of one work (read here, in the worker), failures as data."""
    from saidwhen.io.readers import read_bytes

    yield from work.articles
    for part in work.parts:
        if (big := _too_big(part)) is not None:
            yield big
            continue
        try:
            data = _read_part(part)
        except OSError as err:
            yield InputError(part.path, f"cannot read: {err.strerror or err}")
            continue
        except InputError as err:
            yield err
            continue
        if part.end < 0:
            yield from read_bytes(data, part.path, date)
        else:
            yield from read_bytes(data, part.path, date, fmt="jsonl", first_line=part.line)
