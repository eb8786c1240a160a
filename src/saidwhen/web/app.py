"""The web API over a quote bank: query parameters in, JSON-ready payloads out.

Everything here is plain functions of a read-only connection and the query
string, so the HTTP layer (:mod:`saidwhen.web.server`) stays thin, and each
HTML page renders exactly the payload of its JSON twin. The queries are in
:mod:`saidwhen.store.pages`; this module checks parameters and pages.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

from saidwhen.errors import BadParameter, StoreError
from saidwhen.store import has_topics, quote_occurrences, speakers
from saidwhen.store.migrations import SCHEMA_VERSION
from saidwhen.store.pages import article_page, most_quoted, person_page, search_page
from saidwhen.store.search import Filters, statements_only

__all__ = [
    "MAX_LIMIT",
    "MAX_OFFSET",
    "MAX_PARAM",
    "PAGE_SIZE",
    "BadParameter",
    "api_article",
    "api_home",
    "api_person",
    "api_quote",
    "api_search",
    "api_speakers",
    "check_bank",
    "open_readonly",
    "search_filters",
]

MAX_LIMIT = 100  # quotes per page
MAX_OFFSET = 10_000  # a page deep in the results costs a walk to it: keep it bounded
MAX_PARAM = 1_000  # characters in a parameter: no name or query is longer
PAGE_SIZE = 20  # quotes per HTML page
MAX_ID = 2**63 - 1  # SQLite's integers


def open_readonly(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """A read-only connection (SQLite ``mode=ro``): it can never write or take a write lock."""
    p = Path(path).resolve()
    uri = f"file:{url_quote(p.as_posix())}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10.0)
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as err:
        raise StoreError(f"cannot open {p} read-only: {err}") from err
    try:
        conn.execute("PRAGMA user_version").fetchone()
    except sqlite3.OperationalError as err:
        # read-only media (READONLY, IOERR, CANTOPEN): no WAL index can be made beside
        # the file, and nobody can be writing it, so it is read as it is
        if err.sqlite_errorcode & 0xFF in (8, 10, 14):
            conn.close()
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
            conn.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError:
        pass  # not a database: the caller's first query says so
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
    if len(value) > MAX_PARAM:
        raise BadParameter(name, f"longer than {MAX_PARAM} characters ({len(value)})")
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


def _flag(params: Mapping[str, str], name: str, default: bool = False) -> bool:
    """``1``/``true``/``yes``/``on`` or ``0``/``false``/``no``/``off`` (absent: ``default``)."""
    value = (_text(params, name) or str(int(default))).lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise BadParameter(name, f"{value!r} is not 1 or 0")


# -- endpoints -----------------------------------------------------------------------


def search_filters(params: Mapping[str, str]) -> Filters:
    """The filters of a search from its query string (400 on a bad value)."""
    date_from = _date(params, "from")
    date_to = _date(params, "to")
    if date_from and date_to and date_from > date_to:
        raise BadParameter("from", f"{date_from} is after to ({date_to})")
    person = _int(params, "person", 0, 1, MAX_ID) or None
    return Filters(
        text=_text(params, "text"),
        speaker=_text(params, "speaker"),
        person=person,
        date_from=date_from,
        date_to=date_to,
        outlet=_text(params, "outlet"),
        topics=_flag(params, "topics"),
    )


def _query(f: Filters, limit: int, offset: int) -> dict[str, Any]:
    return {
        "text": f.text,
        "speaker": f.speaker,
        "person": f.person,
        "from": f.date_from,
        "to": f.date_to,
        "outlet": f.outlet,
        "topics": f.topics,
        "limit": limit,
        "offset": offset,
    }


def api_search(conn: sqlite3.Connection, params: Mapping[str, str]) -> dict[str, Any]:
    """``/api/search``: one page of quotes matching the filters, newest first, with the
    total, whether there is more, and with ``facets=1`` the facets (speakers, outlets,
    years said; they cost more than the page, so only the search page asks).

    Statements only unless ``topics=1``: a topic record names what was talked
    about ("addressed her critics"), which a reader looking for what people
    said does not want by default. ``person=ID`` keeps one person's quotes
    (``speaker=`` takes a name, meaning everyone it may name).
    """
    f = search_filters(params)
    limit = _int(params, "limit", PAGE_SIZE, 1, MAX_LIMIT)
    offset = _int(params, "offset", 0, 0, MAX_OFFSET)
    page = search_page(conn, f, limit=limit, offset=offset, facets=_flag(params, "facets"))
    return {
        "query": _query(f, limit, offset),
        "total": page["total"],
        "total_exact": page["total_exact"],
        "results": page["results"],
        "more": _more(page, offset, limit),
        "facets": page["facets"],
        "facets_sampled": page["facets_sampled"],
    }


def _more(page: dict[str, Any], offset: int, limit: int) -> bool:
    """Whether a next page has quotes (above the count cap: when this one is full)."""
    if page["total_exact"]:
        return bool(page["total"] > offset + limit)
    return len(page["results"]) == limit


def api_home(conn: sqlite3.Connection) -> dict[str, Any]:
    """What the search page shows before a search: the people quoted most."""
    return {"people": most_quoted(conn)}


def api_person(
    conn: sqlite3.Connection, pid: int, params: Mapping[str, str]
) -> dict[str, Any] | None:
    """``/api/people/ID``: a person (names, counts, timeline by the month said) and one
    page of their quotes, searched with ``text``; None when there is no such person."""
    if pid > MAX_ID:
        return None
    person = person_page(conn, pid)
    if person is None:
        return None
    text = _text(params, "text")
    topics = _flag(params, "topics")
    limit = _int(params, "limit", PAGE_SIZE, 1, MAX_LIMIT)
    offset = _int(params, "offset", 0, 0, MAX_OFFSET)
    f = Filters(text=text, person=pid, topics=topics)
    page = search_page(conn, f, limit=limit, offset=offset, facets=False)
    person["query"] = _query(f, limit, offset)
    person["total"] = page["total"]
    person["total_exact"] = page["total_exact"]
    person["quotes"] = page["results"]
    person["more"] = _more(page, offset, limit)
    return person


def api_article(conn: sqlite3.Connection, aid: int) -> dict[str, Any] | None:
    """``/api/articles/ID``: an article, its text when kept, and its quotes in order;
    None when there is no such article."""
    return None if aid > MAX_ID else article_page(conn, aid)


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
    if quote_id > MAX_ID:
        return None
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
