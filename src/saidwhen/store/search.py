"""Reading the quote bank: search, people by quotes, export, counts.

Every function takes a connection (see :func:`saidwhen.store.db.connect`)
and returns plain dicts, ready for JSON.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from saidwhen.normalise import normalise
from saidwhen.store.speakers import first_names_match, split_name

__all__ = [
    "Conditions",
    "Filters",
    "conditions",
    "counts",
    "export_quotes",
    "find_people",
    "fts_query",
    "has_folded_words",
    "has_reported",
    "has_topics",
    "quote_occurrences",
    "quote_reporter",
    "quote_row",
    "reported_columns",
    "reported_fields",
    "search",
    "speakers",
    "statements_only",
]


def fts_query(text: str, *, folded: bool = True) -> str | None:
    """Every word of ``text`` must appear (quoted, so FTS5 syntax in the input is inert).

    Each chunk becomes a quoted phrase that FTS5 tokenizes as it did the quotes,
    so both sides agree on what a word is: ``taxes" OR (near`` asks for the
    words taxes, or and near. ``folded`` (a bank of schema 5 on, see
    :func:`has_folded_words`): the index holds each quote's words as
    :func:`~saidwhen.normalise.normalise` gives them, so each chunk is
    normalised alike and a search finds every form the bank merged ("SS" the
    quote stored as "ß", "dont" the one stored as "don't").
    """
    if folded:
        chunks = [w for w in map(normalise, text.split()) if w]
    else:  # an older bank indexes the text itself
        # FTS5's unicode61 counts characters beyond the BMP as word characters
        chunks = [c for c in text.split() if any(ch.isalnum() or ord(ch) > 0xFFFF for ch in c)]
    return " ".join('"' + c.replace('"', '""') + '"' for c in chunks) or None


def has_folded_words(conn: sqlite3.Connection) -> bool:
    """Whether the bank's text index holds normalised words (schema 5): a reader never
    upgrades a bank, so an older one is searched by its text as it was indexed."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0]) >= 5


def has_topics(conn: sqlite3.Connection) -> bool:
    """Whether the bank has the topic flags (schema 2). A reader never upgrades a bank,
    so on an older one every record counts as a statement."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0]) >= 2


def _topic(conn: sqlite3.Connection, alias: str) -> str:
    """The SQL of a row's topic flag, 0 on a bank older than the flag."""
    return f"{alias}.topic" if has_topics(conn) else "0"


def has_reported(conn: sqlite3.Connection) -> bool:
    """Whether the bank keeps who passes words on (schema 6); on an older one no occurrence
    is reported by anyone."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0]) >= 6


# An occurrence's words passed on by someone other than its speaker (a speaker who recounts
# their own words, "he said he told them ...", has them on the record): that someone.
_BY_OTHER = (
    "CASE WHEN o.reported_mention IS NOT NULL"
    " AND (o.reported_by IS NULL OR o.reported_by IS NOT p.name)"
    " THEN coalesce(o.reported_by, o.reported_mention) END"
)


def quote_reporter(conn: sqlite3.Connection, quote_id: int) -> str | None:
    """Who passes the quote on, when no occurrence gives it first hand: the most frequent
    reporter other than the speaker (ties: by name). None when any article has the speaker
    on the record: the words are then theirs, whoever else also relayed them."""
    if not has_reported(conn):
        return None
    rows = conn.execute(
        f"SELECT {_BY_OTHER} AS r, count(*) AS n FROM occurrences o"
        " LEFT JOIN people p ON p.id = o.speaker_id WHERE o.quote_id = ?"
        " GROUP BY r ORDER BY n DESC, r",
        (quote_id,),
    ).fetchall()
    if any(r is None for r, _ in rows):
        return None
    return str(rows[0][0]) if rows else None


def find_people(conn: sqlite3.Connection, name: str) -> list[int]:
    """Ids of the people ``name`` may mean ("Teigen": every Teigen; "Chrissy Teigen": her)."""
    parts = split_name(name)
    ids: list[int] = []
    if parts is not None:
        for pid, first in conn.execute(
            "SELECT id, first FROM people WHERE surname = ?", (parts.surname,)
        ):
            if parts.first is None or first is None or first_names_match(first, parts.first):
                ids.append(pid)
    if not ids:
        # the name's own % and _ are letters here, not LIKE's wildcards
        escaped = name.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        like = f"%{escaped}%"
        ids = [
            pid
            for (pid,) in conn.execute(
                "SELECT id FROM people WHERE name LIKE ?1 ESCAPE '\\'"
                " OR aliases LIKE ?1 ESCAPE '\\' LIMIT 100",
                (like,),
            )
        ]
    return ids


@dataclass(frozen=True, slots=True)
class Filters:
    """What a search asks for; every filter given must hold (None: no filter).

    ``speaker`` is a name, meaning every person it may name (see
    :func:`find_people`); ``person`` is one person by id (a link from a page).
    Dates filter when a quote was said (each occurrence's date), ``outlet``
    keeps quotes carried by that outlet; both hold for the same occurrence.
    """

    text: str | None = None
    speaker: str | None = None
    person: int | None = None
    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    topics: bool = False


@dataclass(slots=True)
class Conditions:
    """SQL for :class:`Filters`: on the quote (alias ``q``) and on an occurrence (``o``)."""

    quote: list[str]
    quote_args: list[Any]
    occ: list[str]
    occ_args: list[Any]


def conditions(
    conn: sqlite3.Connection, f: Filters, *, probe_text: bool = False, probe_outlet: bool = False
) -> Conditions | None:
    """The filters as SQL conditions; None when no quote can match (an unknown speaker).

    ``probe_text`` tests the words quote by quote (for a walk over the quotes
    by date) instead of listing every quote that has them, costly for a word
    in most quotes; ``probe_outlet`` tests the outlet occurrence by occurrence
    instead of listing its articles, for a condition run once per quote.
    """
    c = Conditions([], [], [], [])
    ids = find_people(conn, f.speaker) if f.speaker else []
    if f.speaker and not ids:
        return None
    if f.person is not None:
        ids = [f.person] if not f.speaker or f.person in ids else []
        if not ids:
            return None
    if ids:
        marks = ",".join("?" * len(ids))
        c.quote.append(
            f"q.id IN (SELECT quote_id FROM quote_speakers WHERE person_id IN ({marks}))"
        )
        c.quote_args.extend(ids)
    if f.date_from:
        c.occ.append("o.said >= ?")
        c.occ_args.append(f.date_from)
    if f.date_to:
        c.occ.append("o.said <= ?")
        c.occ_args.append(f.date_to)
    if f.outlet and probe_outlet:
        c.occ.append("(SELECT outlet FROM articles WHERE id = o.article_id) = ?")
        c.occ_args.append(f.outlet)
    elif f.outlet:
        c.occ.append("o.article_id IN (SELECT id FROM articles WHERE outlet = ?)")
        c.occ_args.append(f.outlet)
    if not f.topics and has_topics(conn):
        if c.occ:  # the occurrence in range must itself be a statement
            c.occ.append("o.topic = 0")
        else:  # a quote is a topic only while every occurrence is one
            c.quote.append("q.topic = 0")
    if f.text and (match := fts_query(f.text, folded=has_folded_words(conn))):
        # last: SQLite tests the cheap conditions first, and a probe only where they hold
        if probe_text:
            c.quote.append(
                "EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = q.id)"
            )
        else:
            c.quote.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        c.quote_args.append(match)
    return c


def search(
    conn: sqlite3.Connection,
    text: str | None = None,
    *,
    speaker: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    outlet: str | None = None,
    topics: bool = False,
    limit: int = 20,
) -> list[dict[str, Any]]:
    """Quotes matching every filter given, most recent first.

    Dates filter when a quote was said (each occurrence's date); ``outlet``
    keeps quotes carried by that outlet. With dates or an outlet only, "most
    recent" is the latest occurrence in range; otherwise the first seen.

    Statements only unless ``topics``: a topic record (reported speech that
    names what was talked about, "addressed her critics") is left out, and
    with dates or an outlet the occurrence in range must be a statement.
    """
    f = Filters(text, speaker, None, date_from, date_to, outlet, topics)
    c = conditions(conn, f)
    if c is None:
        return []
    where, args = c.quote, c.quote_args + c.occ_args
    occ = c.occ
    if occ and not where:
        # dates (or an outlet) alone: walk the occurrences from the newest, stop at ``limit``
        ids = _recent_quotes(conn, " AND ".join(occ), args, limit)
        if not ids:
            return []
        where.append(f"q.id IN ({','.join('?' * len(ids))})")
        args = ids
    elif occ:
        where.append(
            f"EXISTS (SELECT 1 FROM occurrences o WHERE o.quote_id = q.id AND {' AND '.join(occ)})"
        )
    sql = (
        "SELECT q.id, q.text, q.kind, q.first_seen, q.n_speakers,"
        f" p.name, {_topic(conn, 'q')} FROM quotes q LEFT JOIN people p ON p.id = q.speaker_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY q.first_seen DESC, q.id DESC LIMIT ?"
    )
    args.append(limit)
    rows = conn.execute(sql, args).fetchall()
    return [quote_row(conn, r) for r in rows]


def _recent_quotes(conn: sqlite3.Connection, cond: str, args: list[Any], limit: int) -> list[int]:
    ids: dict[int, None] = {}
    cur = conn.execute(
        f"SELECT o.quote_id FROM occurrences o WHERE {cond} ORDER BY o.said DESC", args
    )
    for (qid,) in cur:
        ids[qid] = None
        if len(ids) >= limit:
            break
    cur.close()
    return list(ids)


def quote_row(conn: sqlite3.Connection, row: tuple[Any, ...]) -> dict[str, Any]:
    """A quote as search results show it, from (id, text, kind, first seen, number of
    speakers, speaker name, topic flag)."""
    qid, text, kind, first, n_speakers, name, topic = row
    # counted here, from the (quote, date) index, rather than kept up to date on every write
    n, last = conn.execute(
        "SELECT count(*), max(said) FROM occurrences WHERE quote_id = ?", (qid,)
    ).fetchone()
    out: dict[str, Any] = {
        "id": qid,
        "text": text,
        "kind": kind,
        "speaker": name,
        "reported_by": quote_reporter(conn, qid),
        "first_seen": first,
        "last_seen": last,
        "occurrences": n,
        "conflict": n_speakers > 1,
        "topic": bool(topic),
    }
    if n_speakers > 1:
        out["speakers"] = [
            {"name": nm, "occurrences": c}
            for nm, c in conn.execute(
                "SELECT p.name, count(*) AS n FROM occurrences o"
                " JOIN people p ON p.id = o.speaker_id WHERE o.quote_id = ?"
                " GROUP BY o.speaker_id ORDER BY n DESC, p.name",
                (qid,),
            )
        ]
    out["outlets"] = [
        o
        for (o,) in conn.execute(
            "SELECT DISTINCT a.outlet FROM occurrences o JOIN articles a ON a.id = o.article_id"
            " WHERE o.quote_id = ? AND a.outlet IS NOT NULL LIMIT 10",
            (qid,),
        )
    ]
    return out


def quote_occurrences(conn: sqlite3.Connection, quote_id: int) -> list[dict[str, Any]]:
    """Every place a quote appeared: article, outlet, date, offsets, cue, speaker mention."""
    cols = (
        "article",
        "url",
        "outlet",
        "date",
        "start",
        "end",
        "kind",
        "text",
        "mention",
        "cue",
        "channel",
        "said",
        "when",
        "speaker",
        "topic",
    )
    rows = conn.execute(
        "SELECT a.ext_id, a.url, a.outlet, a.date, o.start, o.end, o.kind,"
        " coalesce(o.text, q.text), o.mention,"
        f" o.cue, o.channel, o.said, o.when_, p.name, {_topic(conn, 'o')},"
        f" {reported_columns(conn, 'o')} FROM occurrences o"
        " JOIN articles a ON a.id = o.article_id LEFT JOIN people p ON p.id = o.speaker_id"
        " JOIN quotes q ON q.id = o.quote_id WHERE o.quote_id = ? ORDER BY o.said, o.id",
        (quote_id,),
    )
    out = []
    for r in rows:
        o = dict(zip(cols, r[: len(cols)], strict=True))
        o["topic"] = bool(o["topic"])
        o.update(reported_fields(r[len(cols) :]))
        out.append(o)
    return out


_REPORTED = (
    "reported_by", "reported_mention", "reported_start", "reported_end", "reported_type",
    "reported_cue", "reported_cue_start",
)  # fmt: skip


def reported_columns(conn: sqlite3.Connection, alias: str) -> str:
    """The SQL of an occurrence's reported_by columns (NULLs on a bank older than them)."""
    if has_reported(conn):
        return ", ".join(f"{alias}.{c}" for c in _REPORTED)
    return ", ".join(["NULL"] * len(_REPORTED))


def reported_fields(values: Sequence[Any]) -> dict[str, Any]:
    """``reported_by`` (name, mention, offsets, type) and ``reported_cue`` (text, offsets) of
    an occurrence, from the values :func:`reported_columns` selects; None when not reported."""
    name, mention, start, end, typ, cue, cue_start = values
    return {
        "reported_by": None
        if mention is None
        else {"name": name, "mention": mention, "start": start, "end": end, "type": typ},
        "reported_cue": None
        if cue is None
        else {"text": cue, "start": cue_start, "end": cue_start + len(cue)},
    }


def statements_only(conn: sqlite3.Connection, alias: str = "s") -> str:
    """A condition on a ``quote_speakers`` row: its quote is a statement (see :func:`search`)."""
    if not has_topics(conn):
        return "1"
    return f"{alias}.quote_id IN (SELECT id FROM quotes WHERE topic = 0)"


def speakers(conn: sqlite3.Connection, limit: int = 50) -> list[dict[str, Any]]:
    """People by the number of distinct statements attributed to them (topics left out,
    as :func:`search` does by default)."""
    rows = conn.execute(
        "SELECT p.id, p.name, p.aliases, p.descriptors, count(*) AS quotes, p.n_occurrences"
        " FROM quote_speakers s JOIN people p ON p.id = s.person_id"
        f" WHERE {statements_only(conn)}"
        " GROUP BY p.id ORDER BY quotes DESC, p.n_occurrences DESC, p.name LIMIT ?",
        (limit,),
    )
    return [
        {
            "id": i,
            "name": n,
            "quotes": q,
            "occurrences": o,
            "aliases": json.loads(a),
            "descriptors": json.loads(d),
        }
        for i, n, a, d, q, o in rows
    ]


def export_quotes(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every quote with its speakers and occurrences, one dict each."""
    cur = conn.execute(
        "SELECT q.id, q.text, q.kind, q.first_seen, q.n_speakers,"
        f" p.name, {_topic(conn, 'q')} FROM quotes q LEFT JOIN people p ON p.id = q.speaker_id"
        " ORDER BY q.id"
    )
    for row in cur:
        out = quote_row(conn, row)
        out["occurrences"] = quote_occurrences(conn, row[0])
        yield out


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows of each table; people without the surname-only entries that stand for one
    of them (schema 4)."""
    tables = ("articles", "quotes", "occurrences", "people", "timexes", "events", "failures")
    out = {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}
    if int(conn.execute("PRAGMA user_version").fetchone()[0]) >= 4:
        sql = "SELECT count(*) FROM people WHERE same_as IS NULL"
        out["people"] = int(conn.execute(sql).fetchone()[0])
    return out
