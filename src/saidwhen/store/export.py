"""The quote bank out: JSON lines (one quote a line) or a Parquet table (one occurrence a row)."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from saidwhen.errors import StoreError
from saidwhen.store.search import export_quotes, has_topics, reported_columns

__all__ = ["write_jsonl", "write_parquet"]

_PARQUET_BATCH = 50_000


def write_jsonl(conn: sqlite3.Connection, output: str | Path | None) -> int:
    """Each quote with its speakers and occurrences, one JSON object a line; returns the count."""
    out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    n = 0
    try:
        for q in export_quotes(conn):
            out.write(json.dumps(q, ensure_ascii=False) + "\n")
            n += 1
    finally:
        if output:
            out.close()
    return n


_OCC_SQL = (  # {topic}: o.topic, or 0 on a bank older than the flag; {reported} alike
    "SELECT q.id, q.text, sp.name, q.first_seen,"
    " (SELECT max(said) FROM occurrences l WHERE l.quote_id = q.id), q.n_speakers > 1,"
    " a.ext_id, a.url, a.outlet, a.date, o.start, o.end, o.kind, coalesce(o.text, q.text),"
    " p.name, o.mention, o.cue, o.channel, o.said, {topic}, {reported}"
    " FROM occurrences o JOIN quotes q ON q.id = o.quote_id"
    " JOIN articles a ON a.id = o.article_id"
    " LEFT JOIN people p ON p.id = o.speaker_id LEFT JOIN people sp ON sp.id = q.speaker_id"
    " ORDER BY o.quote_id, o.id"
)
_OCC_COLUMNS = (
    "quote_id", "quote", "quote_speaker", "first_seen", "last_seen", "conflict",
    "article", "url", "outlet", "article_date", "start", "end", "kind", "text",
    "speaker", "mention", "cue", "channel", "said", "topic",
    # who passes the words on ("prosecutors say he told ..."): null when no one does
    "reported_by", "reported_mention", "reported_start", "reported_end", "reported_type",
    "reported_cue", "reported_cue_start",
)  # fmt: skip


def write_parquet(conn: sqlite3.Connection, output: str | Path) -> int:
    """One row per occurrence, with its quote's canonical text; returns the number of quotes."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise StoreError("Parquet export needs pyarrow: pip install 'saidwhen[parquet]'") from None
    sql = _OCC_SQL.replace("{topic}", "o.topic" if has_topics(conn) else "0")
    cur = conn.execute(sql.replace("{reported}", reported_columns(conn, "o")))
    writer: Any = None
    typed = {
        c: pa.int64() if c.endswith(("_start", "_end")) else pa.string()
        for c in _OCC_COLUMNS
        if c.startswith("reported_")
    }
    try:
        while rows := cur.fetchmany(_PARQUET_BATCH):
            cols = {c: [r[i] for r in rows] for i, c in enumerate(_OCC_COLUMNS)}
            cols["conflict"] = [bool(v) for v in cols["conflict"]]
            cols["topic"] = [bool(v) for v in cols["topic"]]
            # typed: mostly null, so a first batch without any would infer the null type
            table = pa.table(
                {c: pa.array(v, typed[c]) if c in typed else v for c, v in cols.items()}
            )
            if writer is None:
                writer = pq.ParquetWriter(str(output), table.schema)
            writer.write_table(table)
        if writer is None:  # an empty bank still gets a valid, empty file
            pq.write_table(pa.table({c: pa.array([], pa.string()) for c in _OCC_COLUMNS}), output)
    finally:
        if writer is not None:
            writer.close()
    return int(conn.execute("SELECT count(*) FROM quotes").fetchone()[0])
