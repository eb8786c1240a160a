"""The web API over a quote bank: requests in, (status, JSON-ready payload) out.

Everything here is plain functions of a read-only connection and the query
string, so the HTTP layer (:mod:`saidwhen.web.server`) stays thin. Searching
is :func:`saidwhen.store.search`; this module only checks parameters, pages
and adds what a results list shows (cue, channel, when, how many carry it).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

from saidwhen.errors import StoreError
from saidwhen.store import has_topics, quote_occurrences, search, speakers
from saidwhen.store.migrations import SCHEMA_VERSION
from saidwhen.store.search import statements_only

__all__ = [
    "MAX_LIMIT",
    "MAX_OFFSET",
    "BadParameter",
    "api_quote",
    "api_search",
    "api_speakers",
    "check_bank",
    "open_readonly",
]

MAX_LIMIT = 100  # quotes per page
MAX_OFFSET = 10_000  # paging re-runs the search up to offset + limit: keep it bounded


class BadParameter(ValueError):
    """A query parameter that cannot be used; answered with HTTP 400 naming it."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


def open_readonly(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """A read-only connection (SQLite ``mode=ro``): it can never write or take a write lock."""
    p = Path(path).resolve()
    uri = f"file:{url_quote(p.as_posix())}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10.0)
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as err:
        raise StoreError(f"cannot open {p} read-only: {err}") from err
    return conn


def check_bank(path: str | os.PathLike[str]) -> None:
    """Raise :class:`StoreError` naming ``path`` unless it is a readable saidwhen bank."""
    p = Path(path)
    if not p.exists():
        raise StoreError(f"no quote bank at {p} (run 'saidwhen ingest --db {p}' first)")
    if not p.is_file():
        raise StoreError(f"{p} is not a file")
    if not os.access(p, os.R_OK):
        raise StoreError(f"{p} is not readable")
    conn = open_readonly(p)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        has_quotes = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'quotes'"
        ).fetchone()
    except sqlite3.Error as err:
        raise StoreError(f"{p}: not a saidwhen database ({err})") from err
    finally:
        conn.close()
    if not has_quotes or version < 1:
        raise StoreError(f"{p}: not a saidwhen database (no quotes table)")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{p} has schema {version}, newer than this saidwhen ({SCHEMA_VERSION}); "
            "upgrade saidwhen"
        )


# -- parameters ----------------------------------------------------------------------


def _text(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name, "").strip()
    return value or None


def _date(params: Mapping[str, str], name: str) -> str | None:
    value = _text(params, name)
    if value is None:
        return None
    try:
        # the bank's dates are ISO days; fromisoformat alone would also take "20210302"
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadParameter(name, f"{value!r} is not a date (YYYY-MM-DD)") from None


def _int(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    value = _text(params, name)
    if value is None:
        return default
    try:
        n = int(value)
    except ValueError:
        raise BadParameter(name, f"{value!r} is not a whole number") from None
    if not low <= n <= high:
        raise BadParameter(name, f"{n} is out of range ({low} to {high})")
    return n


def _flag(params: Mapping[str, str], name: str) -> bool:
    """``1``/``true``/``yes``/``on`` or ``0``/``false``/``no``/``off`` (absent: false)."""
    value = (_text(params, name) or "0").lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise BadParameter(name, f"{value!r} is not 1 or 0")


# -- endpoints -----------------------------------------------------------------------


def api_search(conn: sqlite3.Connection, params: Mapping[str, str]) -> dict[str, Any]:
    """``/api/search``: one page of :func:`saidwhen.store.search`, each quote with its details.

    The store's search has no offset, so a page is the tail of a search for
    ``offset + limit + 1`` quotes (the extra one tells whether there is more).
    Statements only unless ``topics=1``: a topic record names what was talked
    about ("addressed her critics"), which a reader looking for what people
    said does not want by default.
    """
    text = _text(params, "text")
    speaker = _text(params, "speaker")
    outlet = _text(params, "outlet")
    date_from = _date(params, "from")
    date_to = _date(params, "to")
    if date_from and date_to and date_from > date_to:
        raise BadParameter("from", f"{date_from} is after to ({date_to})")
    limit = _int(params, "limit", 20, 1, MAX_LIMIT)
    offset = _int(params, "offset", 0, 0, MAX_OFFSET)
    topics = _flag(params, "topics")
    rows = search(
        conn,
        text,
        speaker=speaker,
        date_from=date_from,
        date_to=date_to,
        outlet=outlet,
        topics=topics,
        limit=offset + limit + 1,
    )
    page = rows[offset : offset + limit]
    for row in page:
        row.update(_details(conn, row["id"]))
    return {
        "query": {
            "text": text,
            "speaker": speaker,
            "from": date_from,
            "to": date_to,
            "outlet": outlet,
            "topics": topics,
            "limit": limit,
            "offset": offset,
        },
        "results": page,
        "more": len(rows) > offset + limit,
    }


def _details(conn: sqlite3.Connection, quote_id: int) -> dict[str, Any]:
    """What a result shows beyond the search row: the earliest occurrence's cue,
    channel and date, and how many articles and outlets carry the quote."""
    articles, outlets = conn.execute(
        "SELECT count(DISTINCT o.article_id), count(DISTINCT a.outlet) FROM occurrences o"
        " JOIN articles a ON a.id = o.article_id WHERE o.quote_id = ?",
        (quote_id,),
    ).fetchone()
    first = conn.execute(
        "SELECT cue, channel, said, when_, when_basis FROM occurrences"
        " WHERE quote_id = ? ORDER BY said, id LIMIT 1",
        (quote_id,),
    ).fetchone()
    cue, channel, said, when, basis = first or (None, None, None, None, None)
    return {
        "cue": cue,
        "channel": channel,
        "said": said,
        "when": when,
        "when_basis": basis,
        "articles": articles,
        "n_outlets": outlets,
    }


def api_speakers(conn: sqlite3.Connection, params: Mapping[str, str]) -> dict[str, Any]:
    """``/api/speakers``: people by number of quotes; with ``prefix``, those whose
    name (or a name they were seen under) has a word starting with it."""
    prefix = _text(params, "prefix")
    limit = _int(params, "limit", 20, 1, MAX_LIMIT)
    if prefix is None:
        return {"prefix": None, "speakers": speakers(conn, limit)}
    # speakers() has no filter; the same ranking over the matching people only
    esc = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute(
        "SELECT p.id, p.name, count(*) AS quotes FROM quote_speakers s"
        " JOIN people p ON p.id = s.person_id"
        " WHERE (p.name LIKE ?1 ESCAPE '\\' OR p.name LIKE ?2 ESCAPE '\\'"
        " OR p.aliases LIKE ?3 ESCAPE '\\' OR p.aliases LIKE ?2 ESCAPE '\\')"
        f" AND {statements_only(conn)}"
        " GROUP BY p.id ORDER BY quotes DESC, p.n_occurrences DESC, p.name LIMIT ?4",
        (f"{esc}%", f"% {esc}%", f'%"{esc}%', limit),
    )
    return {
        "prefix": prefix,
        "speakers": [{"id": i, "name": n, "quotes": q} for i, n, q in rows],
    }


def api_quote(conn: sqlite3.Connection, quote_id: int) -> dict[str, Any] | None:
    """``/api/quotes/<id>``: one quote with every occurrence (article, outlet, url,
    date, offsets, cue, speaker mention), or None when there is no such quote."""
    topic = "q.topic" if has_topics(conn) else "0"
    row = conn.execute(
        f"SELECT q.id, q.text, q.kind, q.first_seen, q.n_speakers, p.name, {topic} FROM quotes q"
        " LEFT JOIN people p ON p.id = q.speaker_id WHERE q.id = ?",
        (quote_id,),
    ).fetchone()
    if row is None:
        return None
    qid, text, kind, first_seen, n_speakers, name, is_topic = row
    occ = quote_occurrences(conn, qid)
    return {
        "id": qid,
        "text": text,
        "kind": kind,
        "speaker": name,
        "first_seen": first_seen,
        "last_seen": max((o["said"] for o in occ), default=None),
        "conflict": n_speakers > 1,
        "topic": bool(is_topic),
        "outlets": sorted({o["outlet"] for o in occ if o["outlet"]}),
        "occurrences": occ,
    }
