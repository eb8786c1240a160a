"""Extraction results as Parquet shards, written by the workers: the schema and its round trip.

An output directory holds one file per work in each table, and a completion
marker per work, written last (a killed run leaves no marker, and the next
run redoes that work, overwriting its files)::

    OUT/articles/<work>.parquet   one row per article
    OUT/quotes/<work>.parquet     one row per quote occurrence (speaker, cue, dates)
    OUT/people/<work>.parquet     one row per person named in an article
    OUT/timexes/<work>.parquet    one row per temporal expression
    OUT/events/<work>.parquet     one row per dated event
    OUT/failures/<work>.parquet   inputs that could not be read or extracted
    OUT/_done/<work>.json         the marker: the work's place in the run and its counts
    OUT/merged/quotes.parquet     after the merge: one row per quote, across articles
    OUT/merged/people.parquet     after the merge: one row per speaker name

Rows of a work are tied together by ``work`` and ``seq`` (the article's
place in the work); quotes keep their place ``i`` in the article. Every
column of :data:`SCHEMAS` is documented in the README ("On a cluster: Ray, Parquet shards").
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from saidwhen.errors import InputError, StoreError
from saidwhen.model import ArticleRecord, DateRange, Event, Person, Quote, Span, Speaker, Timex
from saidwhen.store.db import WriteStats, _said
from saidwhen.store.merge import normalise, text_hash

if TYPE_CHECKING:
    from saidwhen.engine.base import Result
    from saidwhen.engine.inputs import Work

__all__ = ["SCHEMAS", "TABLES", "done_works", "iter_works", "write_failures", "write_shard"]

TABLES = ("articles", "quotes", "people", "timexes", "events", "failures")


def _pa() -> Any:
    try:
        import pyarrow as pa
    except ImportError:
        raise StoreError("Parquet output needs pyarrow: pip install 'saidwhen[parquet]'") from None
    return pa


def schemas() -> dict[str, Any]:
    """The Arrow schema of each table (built on first use: pyarrow is optional)."""
    pa = _pa()
    s, i32, i64, b = pa.string(), pa.int32(), pa.int64(), pa.bool_()
    head = [("work", s), ("seq", i32)]
    span = pa.struct([("text", s), ("start", i32), ("end", i32)])
    speaker = pa.struct([("name", s), ("mention", s), ("start", i32), ("end", i32), ("type", s)])
    return {
        "articles": pa.schema(
            [*head, ("key", s), ("content_hash", s), ("id", s), ("date", s), ("title", s),
             ("url", s), ("outlet", s), ("source", s), ("n_quotes", i32), ("text", s)]
        ),
        "quotes": pa.schema(
            [*head, ("i", i32), ("qhash", i64), ("said", s), ("text", s), ("start", i32),
             ("end", i32), ("kind", s), ("speaker", s), ("mention", s), ("mention_start", i32),
             ("mention_end", i32), ("speaker_type", s), ("cue", s), ("cue_start", i32),
             ("cue_end", i32),
             ("channel", s), ("when", s), ("when_start", s), ("when_end", s), ("when_basis", s),
             ("has_range", b), ("repeat_of", i32), ("continues", i32), ("topic", b),
             ("article_date", s), ("reported_by", speaker),
             ("reported_cue", span)]
        ),
        "people": pa.schema(
            [*head, ("name", s), ("gender", s), ("descriptors", pa.list_(s)),
             ("mentions", pa.list_(span)), ("aliases", pa.list_(s)), ("type", s)]
        ),
        "timexes": pa.schema(
            [*head, ("text", s), ("start", i32), ("end", i32), ("type", s), ("value", s),
             ("date", s), ("has_range", b), ("range_start", s), ("range_end", s),
             ("granularity", s), ("anchor", s)]
        ),
        "events": pa.schema(
            [*head, ("actor", s), ("predicate", span), ("text", s), ("when", s), ("has_range", b),
             ("range_start", s), ("range_end", s), ("timex", i32)]
        ),
        "failures": pa.schema(
            [("work", s), ("source", s), ("line", i32), ("code", s), ("reason", s)]
        ),
    }  # fmt: skip


SCHEMAS = schemas


def _fs(out: str) -> tuple[Any, str]:
    """The filesystem and root of an output directory (a local path or a URI)."""
    from pyarrow import fs

    if "://" in out:
        filesys, root = fs.FileSystem.from_uri(out)
        return filesys, str(root)
    return fs.LocalFileSystem(), out


def _span(x: Span) -> dict[str, Any]:
    return {"text": x.text, "start": x.start, "end": x.end}


def _rows(work: Work, res: Result) -> dict[str, list[dict[str, Any]]]:
    t: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    seq = 0
    for rec, (key, chash) in zip(res.records, res.keys, strict=True):
        if not isinstance(rec, ArticleRecord):
            continue
        head = {"work": work.id, "seq": seq}
        seq += 1
        date = rec.date.isoformat()
        t["articles"].append(
            {**head, "key": key, "content_hash": chash, "id": rec.id, "date": date,
             "title": rec.title, "url": rec.url, "outlet": rec.outlet, "source": rec.source,
             "n_quotes": len(rec.quotes), "text": rec.text}
        )  # fmt: skip
        for i, q in enumerate(rec.quotes):
            sp, cue, r = q.speaker, q.cue, q.when_range
            t["quotes"].append(
                {**head, "i": i, "qhash": text_hash(normalise(q.text)), "said": _said(q, date),
                 "text": q.text, "start": q.start, "end": q.end, "kind": q.kind,
                 "speaker": sp.name if sp else None, "mention": sp.mention if sp else None,
                 "mention_start": sp.start if sp else None, "mention_end": sp.end if sp else None,
                 "speaker_type": sp.type if sp else None,
                 "cue": cue.text if cue else None, "cue_start": cue.start if cue else None,
                 "cue_end": cue.end if cue else None, "channel": q.channel, "when": q.when,
                 "when_start": r.start if r else None, "when_end": r.end if r else None,
                 "when_basis": q.when_basis, "has_range": r is not None,
                 "repeat_of": q.repeat_of, "continues": q.continues, "topic": q.topic,
                 "article_date": date,
                 "reported_by": q.reported_by.to_dict() if q.reported_by else None,
                 "reported_cue": q.reported_cue.to_dict() if q.reported_cue else None}
            )  # fmt: skip
        for p in rec.people:
            t["people"].append(
                {**head, "name": p.name, "gender": p.gender, "descriptors": list(p.descriptors),
                 "mentions": [_span(m) for m in p.mentions], "aliases": list(p.aliases),
                 "type": p.type}
            )  # fmt: skip
        for x in rec.timexes:
            r = x.date_range
            t["timexes"].append(
                {**head, "text": x.text, "start": x.start, "end": x.end, "type": x.type,
                 "value": x.value, "date": x.date, "has_range": r is not None,
                 "range_start": r.start if r else None, "range_end": r.end if r else None,
                 "granularity": x.granularity, "anchor": x.anchor}
            )  # fmt: skip
        for e in rec.events:
            r = e.when_range
            t["events"].append(
                {**head, "actor": e.actor, "predicate": _span(e.predicate), "text": e.text,
                 "when": e.when, "has_range": r is not None,
                 "range_start": r.start if r else None, "range_end": r.end if r else None,
                 "timex": e.timex}
            )  # fmt: skip
    fails = list(res.failures) + [r for r in res.records if isinstance(r, InputError)]
    t["failures"] = [_failure_row(work.id, f) for f in fails]
    return t


def _failure_row(work: str, f: InputError) -> dict[str, Any]:
    return {"work": work, "source": f.source, "line": f.line, "code": f.code, "reason": f.reason}


def write_shard(out: str, work: Work, res: Result) -> WriteStats:
    """Write one work's tables, then its marker; returns what was written."""
    import pyarrow.parquet as pq

    pa, sch = _pa(), schemas()
    filesys, root = _fs(out)
    rows = _rows(work, res)
    for name in TABLES:
        filesys.create_dir(f"{root}/{name}", recursive=True)
        table = pa.Table.from_pylist(rows[name], schema=sch[name])
        pq.write_table(table, f"{root}/{name}/{work.id}.parquet", filesystem=filesys)
    stats = WriteStats(articles=len(rows["articles"]), occurrences=len(rows["quotes"]))
    marker = {
        "work": work.id,
        "order": list(work.order),
        "articles": stats.articles,
        "occurrences": stats.occurrences,
        "failures": len(rows["failures"]),
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    filesys.create_dir(f"{root}/_done", recursive=True)
    with filesys.open_output_stream(f"{root}/_done/{work.id}.json") as f:
        f.write(json.dumps(marker).encode())
    return stats


def write_failures(out: str, failures: Iterable[InputError]) -> None:
    """Failures found by the parent (bad items given in memory), as their own file."""
    import pyarrow.parquet as pq

    parent = [_failure_row("", f) for f in failures]
    if not parent:
        return
    filesys, root = _fs(out)
    filesys.create_dir(f"{root}/failures", recursive=True)
    table = _pa().Table.from_pylist(parent, schema=schemas()["failures"])
    pq.write_table(table, f"{root}/failures/parent.parquet", filesystem=filesys)


def markers(out: str) -> list[dict[str, Any]]:
    """Every completion marker in ``out``, in the order of the run that wrote them."""
    from pyarrow import fs

    filesys, root = _fs(out)
    info = filesys.get_file_info(fs.FileSelector(f"{root}/_done", allow_not_found=True))
    found = []
    for i in info:
        if i.path.endswith(".json"):
            with filesys.open_input_stream(i.path) as f:
                found.append(json.loads(f.read()))
    return sorted(found, key=lambda m: (m["order"][0], m["order"][1]))


def done_works(out: str) -> set[str]:
    return {m["work"] for m in markers(out)}


def _read(out: str, name: str, work: str) -> list[dict[str, Any]]:
    """One work's table; a column added to the schema since it was written reads as null."""
    import pyarrow.parquet as pq

    filesys, root = _fs(out)
    table = pq.read_table(f"{root}/{name}/{work}.parquet", filesystem=filesys)
    for f in schemas()[name]:
        if f.name not in table.column_names:
            table = table.append_column(f, _pa().nulls(len(table), f.type))
    rows: list[dict[str, Any]] = table.to_pylist()
    return rows


def _range(row: dict[str, Any], a: str, b: str) -> DateRange | None:
    return DateRange(row[a], row[b]) if row["has_range"] else None


def _by_seq(rows: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r["seq"], []).append(r)
    return out


def read_work_records(
    out: str, work: str
) -> tuple[list[ArticleRecord], list[tuple[str, str]], list[InputError]]:
    """One work's records as the extractor made them, their keys, and its failures."""
    quotes = _by_seq(_read(out, "quotes", work))
    people = _by_seq(_read(out, "people", work))
    timexes = _by_seq(_read(out, "timexes", work))
    events = _by_seq(_read(out, "events", work))
    records, keys = [], []
    for a in _read(out, "articles", work):
        s = a["seq"]
        qs = tuple(
            Quote(
                text=q["text"], start=q["start"], end=q["end"], kind=q["kind"],
                speaker=Speaker(q["speaker"], q["mention"], q["mention_start"], q["mention_end"],
                                q["speaker_type"])
                if q["mention"] is not None else None,
                cue=Span(q["cue"], q["cue_start"], q["cue_end"]) if q["cue"] is not None else None,
                channel=q["channel"], when=q["when"],
                when_range=_range(q, "when_start", "when_end"), when_basis=q["when_basis"],
                repeat_of=q["repeat_of"], continues=q["continues"], topic=q["topic"],
                reported_by=Speaker(**by) if (by := q.get("reported_by")) else None,
                reported_cue=Span(**rc) if (rc := q.get("reported_cue")) else None,
            )
            for q in sorted(quotes.get(s, []), key=lambda q: q["i"])
        )  # fmt: skip
        ps = tuple(
            Person(
                p["name"],
                tuple(Span(m["text"], m["start"], m["end"]) for m in p["mentions"]),
                tuple(p["descriptors"]),
                p["gender"],
                tuple(p["aliases"] or ()),
                p["type"] or "person",
            )
            for p in people.get(s, [])
        )
        ts = tuple(
            Timex(
                t["text"], t["start"], t["end"], t["type"], t["value"], t["date"],
                _range(t, "range_start", "range_end"), t["granularity"], t["anchor"],
            )
            for t in timexes.get(s, [])
        )  # fmt: skip
        es = tuple(
            Event(
                e["actor"],
                Span(e["predicate"]["text"], e["predicate"]["start"], e["predicate"]["end"]),
                e["text"], e["when"], _range(e, "range_start", "range_end"), e["timex"],
            )
            for e in events.get(s, [])
        )  # fmt: skip
        records.append(
            ArticleRecord(
                id=a["id"], date=dt.date.fromisoformat(a["date"]), title=a["title"],
                url=a["url"], outlet=a["outlet"], quotes=qs, people=ps, timexes=ts, events=es,
                source=a["source"], text=a["text"],
            )
        )  # fmt: skip
        keys.append((a["key"], a["content_hash"]))
    fails = [_failure(f) for f in _read(out, "failures", work)]
    return records, keys, fails


def _failure(row: dict[str, Any]) -> InputError:
    err = InputError(row["source"], row["reason"], row["line"])
    err.code = row["code"]  # the code of the class it was raised as
    return err


def iter_works(
    out: str,
) -> Iterator[tuple[list[ArticleRecord], list[tuple[str, str]], list[InputError]]]:
    """Every finished work's records, in the order of the run (the order a local run writes)."""
    for m in markers(out):
        yield read_work_records(out, m["work"])


def parent_failures(out: str) -> list[InputError]:
    import pyarrow.parquet as pq
    from pyarrow import fs

    filesys, root = _fs(out)
    path = f"{root}/failures/parent.parquet"
    if filesys.get_file_info(path).type != fs.FileType.File:
        return []
    return [_failure(r) for r in pq.read_table(path, filesystem=filesys).to_pylist()]
