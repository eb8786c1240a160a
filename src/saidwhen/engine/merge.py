"""The quote merge over Parquet shards: one row per quote across articles, and the speakers.

The same three steps as the SQLite writer, as group-bys that scale out:

1. *forms*: the distinct normalised forms (group by ``qhash``);
2. *near duplicates*: forms long enough share word shingles (group by
   shingle); the pairs that pass :func:`~saidwhen.store.merge.is_near_duplicate`
   join (union-find over the pairs, which are few), each group named by its
   smallest hash, so the result does not depend on the order of the shards;
3. *quotes*: occurrences grouped by that name: the longest form (ties: the
   first in sorted order), first and last dates, speakers by count (ties: by
   name), topic while every occurrence is one.

Speakers' names go through :class:`~saidwhen.store.speakers.PersonRegistry`
in sorted order (longest names first), so "Obama" joins "Barack Obama"
whatever arrived first. ``engine="ray"`` runs steps 1-3 as Ray Data
group-bys on the cluster; ``engine="local"`` runs them in this process.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from saidwhen.store.merge import MIN_NEAR_WORDS, is_near_duplicate, normalise, shingles
from saidwhen.store.speakers import PersonRegistry, looks_like_name

__all__ = ["MergeSummary", "merge"]

_CANDIDATES = 64  # per shingle, as in the writer: a very common run of words is no evidence
_FORMS = 20  # raw forms kept per merged quote


@dataclass(slots=True)
class MergeSummary:
    occurrences: int = 0
    forms: int = 0
    quotes: int = 0
    near_pairs: int = 0
    people: int = 0
    seconds: float = 0.0


def _form(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Step 1, one group: a normalised form and its words."""
    return {"qhash": rows[0]["qhash"], "norm": normalise(rows[0]["text"])}


def _shingle_rows(form: dict[str, Any]) -> list[dict[str, Any]]:
    toks = form["norm"].split()
    if len(toks) < MIN_NEAR_WORDS:
        return []
    return [{"shingle": s, "qhash": form["qhash"], "norm": form["norm"]} for s in shingles(toks)]


def _pairs(rows: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Step 2, one shingle: the near-duplicate pairs among the forms sharing it."""
    rows = sorted(rows, key=lambda r: r["qhash"])[:_CANDIDATES]
    out = []
    for i, a in enumerate(rows):
        wa = a["norm"].split()
        for b in rows[i + 1 :]:
            if is_near_duplicate(wa, b["norm"].split()):
                out.append((a["qhash"], b["qhash"]))
    return out


def _clusters(pairs: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Union-find: each hash in a pair -> the smallest hash of its group."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def people_of(names: Counter[str]) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Speaker names -> the person's name, and one row per person; the same in any order."""
    reg = PersonRegistry()
    to_person: dict[str, int] = {}
    # longest first: a full name sets up the person a bare surname then joins
    for name in sorted(names, key=lambda n: (-len(n.split()), n)):
        entry = reg.resolve(name) if looks_like_name(name) else reg.resolve_group(name)
        if entry is not None:
            to_person[name] = entry.id
    by_id = {e.id: e for e in reg}
    canon: dict[str, str] = {}
    rows = []
    for e in sorted(by_id.values(), key=lambda e: e.id):
        aliases = sorted(n for n, pid in to_person.items() if pid == e.id)
        # the name: the longest alias without titles, ties by sorted order
        display = min(aliases, key=lambda a: (-len(a.split()), a)) if aliases else e.name
        for a in aliases:
            canon[a] = display
        rows.append(
            {"name": display, "aliases": aliases, "n_occurrences": sum(names[a] for a in aliases)}
        )
    return canon, sorted(rows, key=lambda r: r["name"])


def _quote(rows: list[dict[str, Any]], canon: dict[str, str]) -> dict[str, Any]:
    """Step 3, one group: every occurrence of one quote."""
    forms = sorted({r["text"] for r in rows})
    text = min(forms, key=lambda f: (-len(normalise(f).split()), -len(f), f))
    kinds = Counter(r["kind"] for r in rows)
    speakers = Counter(canon.get(r["speaker"], r["speaker"]) for r in rows if r["speaker"])
    ranked = sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0]))
    said = sorted(r["said"] for r in rows)
    return {
        "quote": rows[0]["cluster"],
        "text": text,
        "kind": min(kinds, key=lambda k: (-kinds[k], k)),
        "first_seen": said[0],
        "last_seen": said[-1],
        "n_occurrences": len(rows),
        "n_articles": len({(r["work"], r["seq"]) for r in rows}),
        "speaker": ranked[0][0] if ranked else None,
        "n_speakers": len(ranked),
        "speakers": [{"name": n, "count": c} for n, c in ranked],
        "topic": all(r["topic"] for r in rows),
        "forms": forms[:_FORMS],
    }


_COLUMNS = ["work", "seq", "qhash", "said", "text", "kind", "speaker", "topic"]


def merge(out: str, engine: str = "local", address: str | None = None) -> MergeSummary:
    """Merge the quotes of the Parquet directory ``out`` into ``out/merged``."""
    started = time.perf_counter()
    summary = MergeSummary()
    if engine == "ray":
        _merge_ray(out, summary, address)
    else:
        quotes, people = _merge_local(out, summary)
        _write(out, "quotes", quotes)
        _write(out, "people", people)
        summary.quotes, summary.people = len(quotes), len(people)
    summary.seconds = time.perf_counter() - started
    return summary


def merged_schema(name: str) -> Any:
    """The schema of ``merged/quotes`` or ``merged/people``."""
    import pyarrow as pa

    s = pa.string()
    qschema = pa.schema(
        [("quote", pa.int64()), ("text", s), ("kind", s), ("first_seen", s), ("last_seen", s),
         ("n_occurrences", pa.int32()), ("n_articles", pa.int32()), ("speaker", s),
         ("n_speakers", pa.int32()),
         ("speakers", pa.list_(pa.struct([("name", s), ("count", pa.int32())]))),
         ("topic", pa.bool_()), ("forms", pa.list_(s))]
    )  # fmt: skip
    pschema = pa.schema([("name", s), ("aliases", pa.list_(s)), ("n_occurrences", pa.int32())])
    return qschema if name == "quotes" else pschema


def _write(out: str, name: str, rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from saidwhen.engine.shards import _fs

    filesys, root = _fs(out)
    filesys.delete_dir_contents(f"{root}/merged/{name}", missing_dir_ok=True)
    filesys.create_dir(f"{root}/merged/{name}", recursive=True)
    table = pa.Table.from_pylist(rows, schema=merged_schema(name))
    pq.write_table(table, f"{root}/merged/{name}/part-0.parquet", filesystem=filesys)


def read_merged(out: str, name: str) -> list[dict[str, Any]]:
    """The merged quotes or people, sorted (quotes by first date and text, people by name)."""
    import pyarrow.dataset as ds

    from saidwhen.engine.shards import _fs

    filesys, root = _fs(out)
    data = ds.dataset(f"{root}/merged/{name}", filesystem=filesys, schema=merged_schema(name))
    rows: list[dict[str, Any]] = data.to_table().to_pylist()
    if name == "quotes":
        return sorted(rows, key=lambda q: (q["first_seen"], q["text"]))
    return sorted(rows, key=lambda p: p["name"])


def _read_occurrences(out: str) -> Any:
    import pyarrow.dataset as ds

    from saidwhen.engine.shards import _fs, schemas

    filesys, root = _fs(out)
    data = ds.dataset(f"{root}/quotes", filesystem=filesys, schema=schemas()["quotes"])
    return data.to_table(columns=_COLUMNS)


def _merge_local(out: str, s: MergeSummary) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows = _read_occurrences(out).to_pylist()
    s.occurrences = len(rows)
    groups: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(r["qhash"], []).append(r)
    forms = [_form(g) for g in groups.values()]
    s.forms = len(forms)
    by_shingle: dict[int, list[dict[str, Any]]] = {}
    for f in forms:
        for sh in _shingle_rows(f):
            by_shingle.setdefault(sh["shingle"], []).append(sh)
    pairs = {p for g in by_shingle.values() if len(g) > 1 for p in _pairs(g)}
    s.near_pairs = len(pairs)
    cluster = _clusters(pairs)
    canon, people = people_of(Counter(r["speaker"] for r in rows if r["speaker"]))
    merged: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        r["cluster"] = cluster.get(r["qhash"], r["qhash"])
        merged.setdefault(r["cluster"], []).append(r)
    return [_quote(g, canon) for g in merged.values()], people


def _merge_ray(out: str, s: MergeSummary, address: str | None) -> None:
    import pyarrow as pa

    from saidwhen.engine.ray import start_ray
    from saidwhen.engine.shards import _fs

    ray = start_ray(address)
    filesys, root = _fs(out)
    occ = ray.data.read_parquet(f"{root}/quotes", filesystem=filesys).select_columns(_COLUMNS)
    occ = occ.materialize()  # read once, used by three group-bys
    s.occurrences = occ.count()

    def forms(batch: pa.Table) -> pa.Table:
        return pa.Table.from_pylist([_form(batch.to_pylist())])

    def pairs(batch: pa.Table) -> pa.Table:
        found = _pairs(batch.to_pylist())
        return pa.table({"a": [a for a, _ in found], "b": [b for _, b in found]}, pa.schema(
            [("a", pa.int64()), ("b", pa.int64())]))  # fmt: skip

    fds = occ.groupby("qhash").map_groups(forms, batch_format="pyarrow").materialize()
    s.forms = fds.count()
    sh = fds.flat_map(_shingle_rows)
    found = sh.groupby("shingle").map_groups(pairs, batch_format="pyarrow").take_all()
    s.near_pairs = len({(r["a"], r["b"]) for r in found})
    cluster = _clusters((r["a"], r["b"]) for r in found)
    names = occ.groupby("speaker").count().take_all()
    canon, people = people_of(Counter({r["speaker"]: r["count()"] for r in names if r["speaker"]}))

    def label(batch: pa.Table) -> pa.Table:
        q = batch.column("qhash").to_pylist()
        return batch.append_column("cluster", pa.array([cluster.get(h, h) for h in q], pa.int64()))

    def quote(batch: pa.Table) -> pa.Table:
        return pa.Table.from_pylist([_quote(batch.to_pylist(), canon)], merged_schema("quotes"))

    merged = (
        occ.map_batches(label, batch_format="pyarrow")
        .groupby("cluster")
        .map_groups(quote, batch_format="pyarrow")
        .materialize()
    )
    filesys.delete_dir_contents(f"{root}/merged/quotes", missing_dir_ok=True)
    merged.write_parquet(f"{root}/merged/quotes", filesystem=filesys)
    _write(out, "people", people)
    s.quotes, s.people = merged.count(), len(people)
