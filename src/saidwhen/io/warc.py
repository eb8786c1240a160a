"""WARC files (plain or gzipped): one article per HTML or text response record.

Only ``response`` records are read; requests, metadata and revisits are not
articles. A record cut short (a truncated download) becomes a
:class:`~saidwhen.errors.MalformedRecordError` and the records before it are
kept.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from saidwhen.errors import EncodingError, InputError, MalformedRecordError, MissingDateError
from saidwhen.io.pagedate import outlet_from_url
from saidwhen.model import Article

__all__ = ["read_warc"]

_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)
_TEXTUAL = ("text/html", "application/xhtml", "text/plain")


def _warc_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _decode(payload: bytes, content_type: str, where: str) -> str:
    m = _CHARSET.search(content_type)
    for charset in (m.group(1) if m else None, "utf-8"):
        if charset:
            try:
                return payload.decode(charset)
            except (LookupError, UnicodeDecodeError):
                continue
    raise EncodingError(where, "payload is neither its declared charset nor UTF-8")


def _record(rec: Any, payload: bytes, truncated: bool, where: str, date: dt.date | None) -> Article:
    from saidwhen.io.html import read_html
    from saidwhen.io.readers import read_text_article

    if truncated:
        raise MalformedRecordError(where, "truncated WARC record (the file ends inside it)")
    url = rec.rec_headers.get_header("WARC-Target-URI")
    capture = _warc_date(rec.rec_headers.get_header("WARC-Date"))
    ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else None) or ""
    text = _decode(payload, ctype, where)
    if "text/plain" in ctype.lower():
        try:
            art = read_text_article(text, where, date)
        except MissingDateError:
            if capture is None:
                raise
            art = replace(read_text_article(text, where, capture), date_source="")
        return replace(
            art,
            id=url or where,
            url=url,
            outlet=outlet_from_url(url),
            date_source=art.date_source or "capture date (WARC-Date)",
        )
    # A crawl date is a late bound of the publication date: better than none.
    return read_html(text, where, date, url=url, fallback_date=capture)


_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d+)")


def _plain_cut(buf: bytes) -> int | None:
    """Where uncompressed WARC records stop being whole (by Content-Length), or None."""
    pos, n = 0, len(buf)
    while True:
        while pos < n and buf[pos] in b"\r\n":
            pos += 1
        if pos >= n:
            return None
        head_end = buf.find(b"\r\n\r\n", pos)
        length = _CONTENT_LENGTH.search(buf, pos, head_end) if head_end != -1 else None
        if length is None or not buf.startswith(b"WARC/", pos):
            return pos
        end = head_end + 4 + int(length.group(1))
        if end > n:
            return pos
        pos = end


def _truncation(data: bytes) -> int | None:
    """The offset where a cut-off WARC file stops being whole, or None when it is whole."""
    if data[:2] != b"\x1f\x8b":
        return _plain_cut(data)
    pos = 0
    while pos < len(data):
        if not data[pos:].strip(b"\x00\r\n "):
            return None
        member = zlib.decompressobj(31)
        try:
            body = member.decompress(data[pos:])
        except zlib.error:
            return pos
        if not member.eof or _plain_cut(body) is not None:
            return pos
        pos = len(data) - len(member.unused_data)
    return None


def read_warc(
    data: bytes, source: str, date: dt.date | None = None
) -> Iterator[Article | InputError]:
    """Every article in a WARC file; failures (per record) as data."""
    from warcio.archiveiterator import ArchiveIterator

    cut = _truncation(data)
    if cut is not None:
        # warcio reads a cut-off record as if it were whole: read only the whole ones
        yield from read_warc(data[:cut], source, date) if cut else iter(())
        yield MalformedRecordError(
            f"{source}@{cut}", "truncated WARC record (the file ends inside it)"
        )
        return
    stream = io.BytesIO(data)
    it = ArchiveIterator(stream)
    offset = 0
    seen = 0
    try:
        for rec in it:
            seen += 1
            if rec.rec_type is None:
                yield MalformedRecordError(
                    f"{source}@{it.offset}", "not a WARC record (no WARC-Type header)"
                )
                return
            if rec.rec_type != "response":
                continue
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
            if not any(t in ctype.lower() for t in _TEXTUAL):
                continue
            # read before asking for the offset: warcio skips the rest of the record for it
            payload = rec.content_stream().read()
            truncated = bool(getattr(rec.raw_stream, "limit", 0))
            offset = it.get_record_offset()
            try:
                yield _record(rec, payload, truncated, f"{source}@{offset}", date)
            except InputError as err:
                yield err
        end = it.offset
    except Exception as err:  # warcio raises many types on broken input
        at = getattr(it, "offset", offset)
        yield MalformedRecordError(
            f"{source}@{at}", f"truncated or corrupt WARC record ({type(err).__name__}: {err})"
        )
        return
    if not seen:
        yield MalformedRecordError(source, "no WARC record found (not a WARC file, or truncated)")
    elif data[end:].strip():
        yield MalformedRecordError(
            f"{source}@{end}", "truncated WARC record at the end of the file"
        )
