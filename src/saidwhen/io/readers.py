"""Turn files (dated text, JSONL, HTML, WARC) into articles, failures into data."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from saidwhen.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    MalformedRecordError,
    MissingDateError,
)
from saidwhen.model import Article

__all__ = ["decode", "iter_files", "parse_date", "read_bytes", "read_paths", "read_text_article"]

# "date 2020-10-28" on the first line, possibly followed by the article itself.
_DATE_HEADER = re.compile(r"\A[ \t\ufeff]*date[ \t:]+(\d{4}-\d{2}-\d{2})\b[ \t]*\r?\n?", re.I)
_SUFFIXES_JSONL = {".jsonl", ".ndjson"}
_SUFFIXES_HTML = {".html", ".htm", ".xhtml"}
_SUFFIXES_WARC = {".warc", ".gz"}  # .warc.gz


def parse_date(value: str, source: str, line: int | None = None) -> dt.date:
    """An ISO date (``YYYY-MM-DD``, or the date part of a timestamp)."""
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise MissingDateError(source, f"not a date: {value!r} (want YYYY-MM-DD)", line) from None


def decode(data: bytes, source: str) -> str:
    """UTF-8 text from bytes, or a clear error for empty, binary and non-UTF-8 input."""
    if not data.strip():
        raise EmptyInputError(source, "empty input")
    if b"\x00" in data[:8192]:
        raise BinaryInputError(source, "binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise EncodingError(
            source,
            f"not UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}; "
            "convert it first (e.g. iconv -f cp1252 -t utf-8)",
            line,
        ) from None


def read_text_article(text: str, source: str, date: dt.date | None = None) -> Article:
    """A dated text: a first line ``date YYYY-MM-DD`` or an explicit ``date``.

    A header wins over ``date``, since it belongs to the article. Offsets
    stay into the whole text, header included.
    """
    header = _DATE_HEADER.match(text)
    body_start = 0
    if header:
        date = parse_date(header.group(1), source, 1)
        body_start = header.end()
    if date is None:
        raise MissingDateError(
            source, "no date: give a first line 'date YYYY-MM-DD' or --date YYYY-MM-DD", 1
        )
    if not text[body_start:].strip():
        raise EmptyInputError(source, "no article text after the date line")
    return Article(text=text, date=date, id=Path(source).stem, source=source, body_start=body_start)


def _read_jsonl(
    text: str, source: str, date: dt.date | None, first_line: int = 1
) -> Iterator[Article | InputError]:
    for lineno, line in enumerate(text.splitlines(), start=first_line):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield MalformedRecordError(
                source, f"malformed JSON ({err.msg}, column {err.colno})", lineno
            )
            continue
        if not isinstance(obj, dict):
            yield MalformedRecordError(source, "a JSONL line must be an object", lineno)
            continue
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            yield EmptyInputError(source, "no 'text' in the record", lineno)
            continue
        raw_date = obj.get("date") or (date.isoformat() if date else None)
        if not raw_date:
            yield MissingDateError(source, "no 'date' in the record and no --date given", lineno)
            continue
        try:
            art_date = parse_date(raw_date, source, lineno)
        except InputError as err:
            yield err
            continue
        yield Article(
            text=body,
            date=art_date,
            id=str(obj.get("id") or f"{Path(source).stem}-{lineno}"),
            title=obj.get("title"),
            url=obj.get("url"),
            outlet=obj.get("outlet"),
            source=f"{source}:{lineno}",
        )


def read_bytes(
    data: bytes,
    source: str,
    date: dt.date | None = None,
    fmt: str | None = None,
    first_line: int = 1,
) -> Iterator[Article | InputError]:
    """Every article in one input; ``fmt`` is text, jsonl, html or warc (else guessed).

    ``first_line`` numbers the lines of a JSONL piece that starts further down its file.
    """
    fmt = fmt or guess_format(source, data)
    try:
        if fmt == "warc":
            from saidwhen.io.warc import read_warc

            yield from read_warc(data, source, date)
            return
        text = decode(data, source)
        if fmt == "jsonl":
            yield from _read_jsonl(text, source, date, first_line)
        elif fmt == "html":
            from saidwhen.io.html import read_html

            yield read_html(text, source, date)
        else:
            yield read_text_article(text, source, date)
    except InputError as err:
        yield err


def guess_format(source: str, data: bytes) -> str:
    name = source.lower()
    suffix = Path(name).suffix
    if suffix in _SUFFIXES_JSONL:
        return "jsonl"
    if suffix in _SUFFIXES_HTML:
        return "html"
    if name.endswith((".warc", ".warc.gz")) or data[:4] == b"WARC":
        return "warc"
    head = data[:512].lstrip()
    if head[:1] == b"{":
        return "jsonl"
    if head[:1] == b"<" and re.match(rb"<(!doctype html|html|head|body)", head[:20], re.I):
        return "html"
    return "text"


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files in ``paths``, directories walked recursively in name order; hidden ones skipped."""
    for p in map(Path, paths):
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and not any(
                    part.startswith(".") for part in child.parts[len(p.parts) :]
                ):
                    yield child
        else:
            yield p


def read_paths(
    paths: Iterable[str | Path], date: dt.date | None = None, stdin: bytes | None = None
) -> Iterator[Article | InputError]:
    """Every article in files and directories (``-`` is standard input)."""
    for path in iter_files(paths):
        source = str(path)
        if source == "-":
            yield from read_bytes(stdin or b"", "<stdin>", date)
            continue
        try:
            data = path.read_bytes()
        except OSError as err:
            yield InputError(source, f"cannot read: {err.strerror or err}")
            continue
        yield from read_bytes(data, source, date)
