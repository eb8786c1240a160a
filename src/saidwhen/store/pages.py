"""What the web pages show, read from the quote bank: a page of search results with
its total and facets, a person, an article with its quotes.

Like :mod:`saidwhen.store.search`, every function takes a connection and
returns plain dicts, ready for JSON; the web layer only renders them.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from typing import Any

from saidwhen.store.search import (
    Conditions,
    Filters,
    conditions,
    fts_query,
    has_folded_words,
    has_topics,
    quote_row,
    reported_columns,
    reported_fields,
)

__all__ = [
    "COMMON_WORDS",
    "COUNT_CAP",
    "FACET_SAMPLE",
    "article_page",
    "most_quoted",
    "person_page",
    "search_page",
]

# A search lists its matching quotes up to COUNT_CAP: below it the total is exact and
# the page is cut from that list; above it the total is a lower bound ("more than"),
# and the page comes from a walk over the quotes from the newest that stops when the
# page is full. Words in more than COMMON_WORDS quotes are tested quote by quote on
# that walk rather than listed (a word in most quotes would cost a pass over the bank).
COUNT_CAP = 2_000
COMMON_WORDS = 20_000
# Facets count the newest this many results (or, above the cap, this many of them).
FACET_SAMPLE = 1_000
FACET_ROWS = 8  # values shown per facet
_EMPTY_FACETS: dict[str, list[dict[str, Any]]] = {"speakers": [], "outlets": [], "years": []}
_ROW = (
    "SELECT q.id, q.text, q.kind, q.first_seen, q.n_speakers, p.name, {topic}, q.speaker_id"
    " FROM quotes q LEFT JOIN people p ON p.id = q.speaker_id"
)
_ORDER = " ORDER BY q.first_seen DESC, q.id DESC"


def _where(c: Conditions) -> tuple[str, list[Any]]:
    """`` WHERE ...`` over quotes ``q`` for conditions ``c``, with its arguments."""
    where = list(c.quote)
    if c.occ:
        occ = " AND ".join(c.occ)
        where.append(f"EXISTS (SELECT 1 FROM occurrences o WHERE o.quote_id = q.id AND {occ})")
    return (" WHERE " + " AND ".join(where) if where else ""), c.quote_args + c.occ_args


def _list(conn: sqlite3.Connection, c: Conditions) -> list[int]:
    """Ids of up to COUNT_CAP + 1 matching quotes, each found from the cheapest side."""
    cap = COUNT_CAP + 1
    if c.occ and not c.quote:  # dates or an outlet alone: from the occurrences' indexes
        sql = f"SELECT DISTINCT o.quote_id FROM occurrences o WHERE {' AND '.join(c.occ)}"
        return [i for (i,) in conn.execute(f"{sql} LIMIT ?", [*c.occ_args, cap])]
    where, args = _where(c)
    return [i for (i,) in conn.execute(f"SELECT q.id FROM quotes q{where} LIMIT ?", [*args, cap])]


def search_page(
    conn: sqlite3.Connection,
    f: Filters,
    *,
    limit: int = 20,
    offset: int = 0,
    facets: bool = True,
) -> dict[str, Any]:
    """One page of the quotes matching ``f``, newest first, with the total and facets.

    ``total`` is exact up to :data:`COUNT_CAP`; above it ``total_exact`` is
    false and ``total`` a lower bound. Each result carries what its card shows
    (see :func:`_context`): the article it first appeared in (within the
    filters), its cue and date said, and how many articles and outlets carry
    it. ``facets`` counts speakers, outlets and years said among the results
    (the newest :data:`FACET_SAMPLE`, or a sample of that size above the cap;
    ``facets_sampled`` says when not all results were counted).
    """
    match = fts_query(f.text, folded=has_folded_words(conn)) if f.text else None
    common = match is not None and _fts_hits(conn, match) > COMMON_WORDS
    c = conditions(conn, f, probe_text=common)
    per_quote = conditions(conn, f, probe_text=True, probe_outlet=True)
    if c is None or per_quote is None:
        return {
            "total": 0,
            "total_exact": True,
            "results": [],
            "facets": _EMPTY_FACETS,
            "facets_sampled": False,
        }
    topic = "q.topic" if has_topics(conn) else "0"
    alone = common and len(c.quote) <= 2 and not c.occ and not f.speaker and f.person is None
    walk_by_date = False
    if common and not alone:
        # a common word and other filters: list what the others allow, then test the words
        # on those; when both are broad, walk the quotes by date, testing each
        others = conditions(conn, dataclasses.replace(f, text=None))
        assert others is not None
        ids = _list(conn, others)
        if len(ids) <= COUNT_CAP:
            ids = [
                i
                for (i,) in conn.execute(
                    "SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM quotes_fts"
                    " WHERE quotes_fts MATCH ? AND rowid = value)",
                    (json.dumps(ids), match),
                )
            ]
            common = False  # listed: the total is exact
        else:
            ids, walk_by_date = [], True
    elif common:  # a common word alone: its first hits stand for the rest
        rest = " AND ".join(c.quote[:-1]) or "1"  # the topic flag; the words come last
        ids = [
            i
            for (i,) in conn.execute(
                "SELECT q.id FROM quotes q WHERE q.id IN (SELECT rowid FROM quotes_fts"
                f" WHERE quotes_fts MATCH ? LIMIT ?) AND {rest} LIMIT ?",
                (match, 2 * COUNT_CAP, COUNT_CAP + 1),
            )
        ]
    else:
        ids = _list(conn, c)
    exact = not common and len(ids) <= COUNT_CAP
    if exact:
        rows = conn.execute(
            _ROW.format(topic=topic) + " WHERE q.id IN (SELECT value FROM json_each(?))"
            f"{_ORDER} LIMIT ? OFFSET ?",
            (json.dumps(ids), limit, offset),
        ).fetchall()
    else:  # too many to list: walk the quotes from the newest, testing each
        where, args = _where(c)
        # by the date index, or SQLite would test every quote of a broad filter, then sort
        index = " INDEXED BY quotes_first_seen" if walk_by_date else ""
        rows = conn.execute(
            _ROW.format(topic=topic).replace("FROM quotes q", f"FROM quotes q{index}")
            + where
            + f"{_ORDER} LIMIT ? OFFSET ?",
            [*args, limit, offset],
        ).fetchall()
    occ = " AND ".join(per_quote.occ) or "1"
    results = []
    for r in rows:
        out = quote_row(conn, r[:7])
        out["speaker_id"] = r[7]
        out.update(_context(conn, r[0], occ, per_quote.occ_args))
        results.append(out)
    total = len(ids) if exact else max(len(ids), offset + len(rows) + (len(rows) == limit))
    page: dict[str, Any] = {"total": total, "total_exact": exact, "results": results}
    page["facets"] = _EMPTY_FACETS
    page["facets_sampled"] = not exact or len(ids) > FACET_SAMPLE
    sample = ids or [r[0] for r in rows]
    if facets and sample:
        page["facets"] = _facets(conn, sample, exact, occ, per_quote.occ_args)
    return page


def _fts_hits(conn: sqlite3.Connection, match: str) -> int:
    """Quotes with these words, counted up to COMMON_WORDS + 1."""
    return int(
        conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?)",
            (match, COMMON_WORDS + 1),
        ).fetchone()[0]
    )


def _context(conn: sqlite3.Connection, qid: int, occ: str, occ_args: list[Any]) -> dict[str, Any]:
    """The quote's first occurrence within the filters (its article, cue, date said),
    and how many articles and outlets carry it."""
    articles, outlets = conn.execute(
        "SELECT count(DISTINCT o.article_id), count(DISTINCT a.outlet) FROM occurrences o"
        " JOIN articles a ON a.id = o.article_id WHERE o.quote_id = ?",
        (qid,),
    ).fetchone()
    first = conn.execute(
        "SELECT o.id, o.article_id, a.title, a.outlet, a.date, a.ext_id, o.cue, o.channel,"
        " o.said, o.when_, o.when_basis FROM occurrences o JOIN articles a ON a.id = o.article_id"
        f" WHERE o.quote_id = ? AND {occ} ORDER BY o.said, o.id LIMIT 1",
        [qid, *occ_args],
    ).fetchone()
    keys = (
        *("occurrence", "article_id", "title", "outlet", "published", "article", "cue"),
        *("channel", "said", "when", "when_basis"),
    )
    out = dict(zip(keys, first or (None,) * len(keys), strict=True))
    out["articles"] = articles
    out["n_outlets"] = outlets
    return out


def _facets(
    conn: sqlite3.Connection, ids: list[int], exact: bool, occ: str, occ_args: list[Any]
) -> dict[str, list[dict[str, Any]]]:
    if len(ids) > FACET_SAMPLE:
        if exact:  # the newest of them
            ids = [
                i
                for (i,) in conn.execute(
                    "SELECT q.id FROM quotes q WHERE q.id IN (SELECT value FROM json_each(?))"
                    " ORDER BY q.first_seen DESC, q.id DESC LIMIT ?",
                    (json.dumps(ids), FACET_SAMPLE),
                )
            ]
        else:  # a sample, as found
            ids = ids[:FACET_SAMPLE]
    hits = json.dumps(ids)
    speakers = [
        {"id": pid, "name": name, "count": n}
        for pid, name, n in conn.execute(
            "SELECT s.person_id, p.name, count(*) AS n FROM quote_speakers s"
            " JOIN people p ON p.id = s.person_id"
            " WHERE s.quote_id IN (SELECT value FROM json_each(?))"
            " GROUP BY s.person_id ORDER BY n DESC, p.name LIMIT ?",
            (hits, FACET_ROWS),
        )
    ]
    # outlets and years: of the occurrences that match the filters, one count per quote
    outlets: dict[str, set[int]] = {}
    years: dict[str, set[int]] = {}
    for qid, outlet, year in conn.execute(
        "SELECT o.quote_id, a.outlet, substr(o.said, 1, 4) FROM occurrences o"
        " JOIN articles a ON a.id = o.article_id"
        f" WHERE o.quote_id IN (SELECT value FROM json_each(?)) AND {occ}",
        [hits, *occ_args],
    ):
        if outlet is not None:
            outlets.setdefault(outlet, set()).add(qid)
        years.setdefault(year, set()).add(qid)
    top = sorted(outlets.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:FACET_ROWS]
    return {
        "speakers": speakers,
        "outlets": [{"name": name, "count": len(q)} for name, q in top],
        "years": [
            {"year": int(y), "count": len(q)}
            for y, q in sorted(years.items(), reverse=True)
            if y.isdigit()
        ],
    }


def most_quoted(conn: sqlite3.Connection, limit: int = 12) -> list[dict[str, Any]]:
    """The people quoted most often (every occurrence counts), for the landing page."""
    return [
        {"id": i, "name": n, "occurrences": c, "descriptors": json.loads(d)[:2]}
        for i, n, c, d in conn.execute(
            "SELECT id, name, n_occurrences, descriptors FROM people WHERE n_occurrences > 0"
            " ORDER BY n_occurrences DESC LIMIT ?",
            (limit,),
        )
    ]


def person_page(conn: sqlite3.Connection, pid: int) -> dict[str, Any] | None:
    """A person: names, counts, date span and the timeline of their statements by the
    month they were said, direct and reported apart; None when there is no such person."""
    row = conn.execute(
        "SELECT id, name, descriptors, aliases, n_occurrences FROM people WHERE id = ?", (pid,)
    ).fetchone()
    if row is None:
        return None
    _, name, descriptors, aliases, n_occ = row
    topic = "o.topic = 0" if has_topics(conn) else "1"
    # each figure from the occurrences' speaker index alone (schema 3)
    theirs = f"FROM occurrences o WHERE o.speaker_id = ? AND {topic}"
    statements, articles, first, last = conn.execute(
        "SELECT count(DISTINCT o.quote_id), count(DISTINCT o.article_id), min(o.said),"
        f" max(o.said) {theirs}",
        (pid,),
    ).fetchone()
    (outlets,) = conn.execute(
        "SELECT count(DISTINCT a.outlet) FROM articles a WHERE a.id IN"
        f" (SELECT o.article_id {theirs})",
        (pid,),
    ).fetchone()
    months: dict[str, dict[str, int]] = {}
    for month, kind, n in conn.execute(
        "SELECT substr(o.said, 1, 7) AS m,"
        " CASE o.kind WHEN 'indirect' THEN 'reported' ELSE 'direct' END AS k,"
        f" count(DISTINCT o.quote_id) {theirs} GROUP BY m, k ORDER BY m",
        (pid,),
    ):
        months.setdefault(month, {"direct": 0, "reported": 0})[kind] = n
    return {
        "id": pid,
        "name": name,
        "descriptors": json.loads(descriptors),
        "aliases": [a for a in json.loads(aliases) if a != name],
        "statements": statements,
        "occurrences": n_occ,
        "articles": articles,
        "outlets": outlets,
        "first_said": first,
        "last_said": last,
        "timeline": [{"month": m, **c} for m, c in months.items()],
    }


def article_page(conn: sqlite3.Connection, aid: int) -> dict[str, Any] | None:
    """An article with its quotes in order (speaker, cue, when, offsets) and its text when
    the bank keeps it (``ingest --keep-text``); None when there is no such article."""
    row = conn.execute(
        "SELECT id, ext_id, url, title, outlet, date, source, text FROM articles WHERE id = ?",
        (aid,),
    ).fetchone()
    if row is None:
        return None
    _, ext_id, url, title, outlet, date, source, text = row
    topic = "o.topic" if has_topics(conn) else "0"
    cols = (
        *("occurrence", "quote", "start", "end", "kind", "text", "speaker_id", "speaker"),
        *("mention", "cue", "cue_start", "channel", "said", "when", "when_basis", "topic"),
    )
    quotes = []
    for r in conn.execute(
        "SELECT o.id, o.quote_id, o.start, o.end, o.kind, coalesce(o.text, q.text),"
        " o.speaker_id, p.name, o.mention, o.cue, o.cue_start, o.channel, o.said, o.when_,"
        f" o.when_basis, {topic}, {reported_columns(conn, 'o')} FROM occurrences o"
        " JOIN quotes q ON q.id = o.quote_id"
        " LEFT JOIN people p ON p.id = o.speaker_id WHERE o.article_id = ?"
        " ORDER BY o.start, o.id",
        (aid,),
    ):
        q = dict(zip(cols, r[: len(cols)], strict=True))
        q["topic"] = bool(q["topic"])
        q.update(reported_fields(r[len(cols) :]))
        quotes.append(q)
    return {
        "id": aid,
        "article": ext_id,
        "url": url,
        "title": title,
        "outlet": outlet,
        "date": date,
        "source": source,
        "text": text,
        "quotes": quotes,
    }
