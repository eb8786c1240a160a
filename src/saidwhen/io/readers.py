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
    TooLargeError,
)
from saidwhen.io.pagedate import outlet_from_url
from saidwhen.model import Article

__all__ = [
    "decode",
    "iter_files",
    "parse_date",
    "read_bytes",
    "read_paths",
    "read_text_article",
    "without_surrogates",
]

# The longest article read (characters). Extraction is proportional to the length
# (about 6 s per 100,000 characters on one core, benchmarks/bench_limits.py) and
# a longer text is not a news article; a bigger file of another format than JSONL
# or WARC is refused before it is read.
MAX_ARTICLE_CHARS = 2_000_000
MAX_TEXT_FILE_BYTES = 4 * MAX_ARTICLE_CHARS + 65_536

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


_SURROGATE = re.compile("[\ud800-\udfff]")
_BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")


def _utf16(data: bytes) -> str | None:
    """The text of UTF-16 data (with a byte-order mark, or ASCII-heavy without one), else None."""
    if data[:2] in _BOMS_UTF16:
        enc = "utf-16"
    else:
        head = data[:4096]
        even, odd = head[0::2].count(0), head[1::2].count(0)
        # ASCII in UTF-16: every other byte is NUL, and only those
        if len(head) < 4 or max(even, odd) < len(head) // 4 or min(even, odd) * 20 > max(even, odd):
            return None
        enc = "utf-16-le" if odd > even else "utf-16-be"
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


def decode(data: bytes, source: str) -> str:
    """Text from UTF-8 (or UTF-16) bytes, or a clear error for empty, binary and other input."""
    if not data.strip():
        raise EmptyInputError(source, "empty input")
    if b"\x00" in data[:8192] or data[:2] in _BOMS_UTF16:
        text = _utf16(data)
        if text is not None:
            return without_surrogates(text.removeprefix("\ufeff"))
        raise BinaryInputError(source, "binary data (NUL bytes), not text")
    nul = data.find(b"\x00")
    if nul != -1:  # past the sniffed head: a text with binary data in it
        line = data.count(b"\n", 0, nul) + 1
        raise BinaryInputError(source, f"a NUL byte at offset {nul}: binary data, not text", line)
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


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (a JSON escape such as ``\\ud800``) made U+FFFD.

    Such a character cannot be encoded, printed or stored; one for one keeps offsets.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def read_text_article(text: str, source: str, date: dt.date | None = None) -> Article:
    """A dated text: a first line ``date YYYY-MM-DD`` or an explicit ``date``.

    An explicit ``date`` (``--date``) wins over the header, as for every
    input kind. Offsets stay into the whole text, header included.
    """
    text = without_surrogates(text)
    header = _DATE_HEADER.match(text)
    body_start = 0
    how = "--date"
    if header:
        body_start = header.end()
        if date is None:
            date, how = parse_date(header.group(1), source, 1), "date line"
    if date is None:
        raise MissingDateError(
            source, "no date: give a first line 'date YYYY-MM-DD' or --date YYYY-MM-DD", 1
        )
    if not text[body_start:].strip():
        raise EmptyInputError(source, "no article text after the date line")
    return Article(
        text=text,
        date=date,
        id=Path(source).stem,
        source=source,
        body_start=body_start,
        date_source=how,
    )


# The optional text fields of a JSONL record; anything but a string (or null) is refused,
# since the bank stores them as text and the output promises strings.
_TEXT_FIELDS = ("title", "url", "outlet")


def _record_fields(obj: dict[str, object]) -> str | None:
    """Why a record's fields have the wrong types, or None when they are right."""
    for name in _TEXT_FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return f"field {name!r} must be a string, not {type(value).__name__}"
    ident = obj.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, str | int)):
        return f"field 'id' must be a string or an integer, not {type(ident).__name__}"
    date = obj.get("date")
    if date is not None and not isinstance(date, str):
        return f"field 'date' must be a string (YYYY-MM-DD), not {type(date).__name__}"
    return None


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
        if body is not None and not isinstance(body, str):
            yield MalformedRecordError(
                source, f"field 'text' must be a string, not {type(body).__name__}", lineno
            )
            continue
        if not body or not body.strip():
            yield EmptyInputError(source, "no 'text' in the record", lineno)
            continue
        wrong = _record_fields(obj)
        if wrong:
            yield MalformedRecordError(source, wrong, lineno)
            continue
        if "\x00" in body:
            col = body.index("\x00")
            yield BinaryInputError(source, f"a NUL character in 'text' at {col}: not text", lineno)
            continue
        # --date wins over the record's own date, as for every input kind
        raw_date = date.isoformat() if date else obj.get("date")
        if not raw_date:
            yield MissingDateError(source, "no 'date' in the record and no --date given", lineno)
            continue
        try:
            art_date = parse_date(raw_date, source, lineno)
        except InputError as err:
            yield err
            continue
        ident = obj.get("id")
        url = _optional_text(obj, "url")
        yield Article(
            text=without_surrogates(body),
            date=art_date,
            id=without_surrogates(str(ident))
            if ident is not None and ident != ""
            else f"{Path(source).stem}-{lineno}",
            title=_optional_text(obj, "title"),
            url=url,
            outlet=_optional_text(obj, "outlet") or outlet_from_url(url),
            source=f"{source}:{lineno}",
            date_source="--date" if date else "record 'date'",
        )


def _optional_text(obj: dict[str, object], name: str) -> str | None:
    value = obj.get(name)
    return without_surrogates(value) if isinstance(value, str) else None


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
    for item in _read_bytes(data, source, date, fmt, first_line):
        if isinstance(item, Article) and len(item.text) > MAX_ARTICLE_CHARS:
            yield _too_large(item.source or source, len(item.text))
        else:
            yield item


def _too_large(source: str, size: int, unit: str = "characters") -> TooLargeError:
    line = None
    if ":" in source and source.rsplit(":", 1)[1].isdigit():  # a JSONL line
        source, num = source.rsplit(":", 1)
        line = int(num)
    return TooLargeError(
        source,
        f"{size:,} {unit}, over the limit of {MAX_ARTICLE_CHARS:,} characters per article "
        "(split it into articles)",
        line,
    )


def _read_bytes(
    data: bytes, source: str, date: dt.date | None, fmt: str | None, first_line: int = 1
) -> Iterator[Article | InputError]:
    fmt = fmt or guess_format(source, data)
    try:
        if fmt == "warc":
            from saidwhen.io.warc import read_warc

            yield from read_warc(data, source, date)
            return
        if fmt != "jsonl" and len(data) > MAX_TEXT_FILE_BYTES:
            raise _too_large(source, len(data), "bytes")
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
            size = path.stat().st_size
            if size > MAX_TEXT_FILE_BYTES:  # not read whole unless its format allows
                with path.open("rb") as f:
                    head = f.read(4096)
                if guess_format(source, head) not in ("jsonl", "warc"):
                    yield _too_large(source, size, "bytes")
                    continue
            data = path.read_bytes()
        except OSError as err:
            yield InputError(source, f"cannot read: {err.strerror or err}")
            continue
        yield from read_bytes(data, source, date)
