"""The quote merge over Parquet shards: one row per quote across articles, and the speakers.

The same steps as the SQLite writer, as a map-reduce over ``P`` hash partitions:

1. *map* (a task per group of shard files): the distinct normalised forms,
   their word shingles sent to the partition of the shingle; speaker names
   counted;
2. *reduce* (a task per partition): forms sharing a shingle that pass
   :func:`~saidwhen.store.merge.is_near_duplicate` are pairs; the driver
   joins the pairs (union-find; pairs are few), each group named by its
   smallest hash, so nothing depends on the order of the shards;
3. *map*: each occurrence sent to the partition of its group;
4. *reduce*: one row per quote: the longest form in characters (ties: the
   first in sorted order), first and last dates, speakers by count (ties:
   by name), topic while every occurrence is one, who passes it on while
   no occurrence gives it first hand; each task writes its part of
   ``merged/quotes``.

Speakers' names go through :class:`~saidwhen.store.speakers.PersonRegistry`
in sorted order (longest names first), so "Obama" joins "Barack Obama"
whatever arrived first. ``engine="ray"`` runs the tasks on a Ray cluster
(plain tasks: Ray Data's group-bys cost tens of seconds each on a small
cluster); ``engine="local"`` runs the same functions in this process.
"""

from __future__ import annotations

import time
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from saidwhen.store.merge import MIN_NEAR_WORDS, SHINGLE, is_near_duplicate, normalise
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
    members: dict[int, list[str]] = {}
    for n, pid in to_person.items():
        members.setdefault(pid, []).append(n)
    canon: dict[str, str] = {}
    rows = []
    for pid in sorted(members):
        aliases = sorted(members[pid])
        # the name: the longest alias (most words, then sorted order)
        display = min(aliases, key=lambda a: (-len(a.split()), a))
        for a in aliases:
            canon[a] = display
        rows.append(
            {"name": display, "aliases": aliases, "n_occurrences": sum(names[a] for a in aliases)}
        )
    return canon, sorted(rows, key=lambda r: r["name"])


def _quote(rows: list[dict[str, Any]], canon: dict[str, str]) -> dict[str, Any]:
    """Step 4, one group: every occurrence of one quote."""
    forms = sorted({r["text"] for r in rows})
    text = min(forms, key=lambda f: (-len(f), f))
    kinds = Counter(r["kind"] for r in rows)
    speakers = Counter(canon.get(r["speaker"], r["speaker"]) for r in rows if r["speaker"])
    ranked = sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0]))
    said = sorted(r["said"] for r in rows)
    # as the bank's search: reported by someone only while no article has it first hand
    # a speaker recounting their own words has them on the record
    reporters = Counter(r["reported_by"] if r["reported_by"] != r["speaker"] else None
                        for r in rows)  # fmt: skip
    reporter = None
    if None not in reporters:
        reporter = min(reporters, key=lambda n: (-reporters[n], n))
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
        "reported_by": reporter,
        "forms": forms[:_FORMS],
    }


# An occurrence as the stages pass it: (work, seq, qhash, said, text, kind, speaker, topic,
# reported_by: the reporter's name, or its mention when unresolved)
Occ = tuple[str, int, int, str, str, str, str | None, bool, str | None]
_COLUMNS = ["work", "seq", "qhash", "said", "text", "kind", "speaker", "topic", "reported_by"]


def _occurrences(out: str, files: list[str]) -> list[Occ]:
    import pyarrow.parquet as pq

    from saidwhen.engine.shards import _fs

    filesys, _root = _fs(out)
    rows: list[Occ] = []
    for path in files:  # ParquetFile: no pyarrow.dataset (and pandas) to import
        with filesys.open_input_file(path) as src:
            f = pq.ParquetFile(src)
            names = set(f.schema_arrow.names)  # shards older than reported_by lack it
            cols = f.read(columns=[c for c in _COLUMNS if c in names]).to_pydict()
        n = len(cols["work"])
        by = cols.get("reported_by", [None] * n)
        cols["reported_by"] = [b and (b["name"] or b["mention"]) for b in by]
        rows.extend(zip(*(cols[c] for c in _COLUMNS), strict=True))
    return rows


def _shingle_keys(toks: list[str]) -> set[int]:
    # crc32: quick and the same in every process; a collision only adds a pair to check
    if len(toks) < SHINGLE:
        return {zlib.crc32(" ".join(toks).encode())}
    return {zlib.crc32(" ".join(toks[i : i + SHINGLE]).encode()) for i in range(len(toks) - 3)}


def map_forms(
    out: str, files: list[str], parts: int
) -> tuple[list[list[tuple[int, int, str]]], Counter[str], int]:
    """Step 1: (shingle, qhash, normalised form) per partition of the shingle; names; forms."""
    forms: dict[int, str] = {}
    names: Counter[str] = Counter()
    for o in _occurrences(out, files):
        if o[2] not in forms:
            forms[o[2]] = o[4]
        if o[6]:
            names[o[6]] += 1
    buckets: list[list[tuple[int, int, str]]] = [[] for _ in range(parts)]
    for h, text in forms.items():
        norm = normalise(text)
        toks = norm.split()
        if len(toks) >= MIN_NEAR_WORDS:
            for sh in _shingle_keys(toks):
                buckets[sh % parts].append((sh, h, norm))
    return buckets, names, len(forms)


def reduce_pairs(*buckets: list[tuple[int, int, str]]) -> set[tuple[int, int]]:
    """Step 2: near-duplicate pairs among the forms that share a shingle."""
    by: dict[int, dict[int, str]] = {}
    for b in buckets:
        for sh, h, norm in b:
            by.setdefault(sh, {})[h] = norm
    pairs: set[tuple[int, int]] = set()
    for group in by.values():
        if len(group) < 2:
            continue
        hs = sorted(group)[:_CANDIDATES]
        toks = {h: group[h].split() for h in hs}
        for i, a in enumerate(hs):
            for b2 in hs[i + 1 :]:
                if (a, b2) not in pairs and is_near_duplicate(toks[a], toks[b2]):
                    pairs.add((a, b2))
    return pairs


def map_occurrences(
    out: str, files: list[str], cluster: dict[int, int], parts: int
) -> list[list[Occ]]:
    """Step 3: each occurrence, renamed to its group, in the partition of the group."""
    buckets: list[list[Occ]] = [[] for _ in range(parts)]
    for o in _occurrences(out, files):
        c = cluster.get(o[2], o[2])
        buckets[c % parts].append((o[0], o[1], c, *o[3:]))
    return buckets


def reduce_quotes(out: str, k: int, canon: dict[str, str], *buckets: list[Occ]) -> int:
    """Step 4: one row per quote of this partition, written as ``merged/quotes/part-K``."""
    keys = ("work", "seq", "cluster", "said", "text", "kind", "speaker", "topic", "reported_by")
    groups: dict[int, list[dict[str, Any]]] = {}
    for b in buckets:
        for o in b:
            groups.setdefault(o[2], []).append(dict(zip(keys, o, strict=True)))
    rows = [_quote(g, canon) for _, g in sorted(groups.items())]
    _write(out, "quotes", rows, f"part-{k:05d}")
    return len(rows)


def _shard_files(out: str, per_task: int) -> list[list[str]]:
    from pyarrow import fs

    from saidwhen.engine.shards import _fs

    filesys, root = _fs(out)
    info = filesys.get_file_info(fs.FileSelector(f"{root}/quotes", allow_not_found=True))
    files = sorted(i.path for i in info if i.path.endswith(".parquet"))
    return [files[i : i + per_task] for i in range(0, len(files), per_task)] or [[]]


def merge(
    out: str, engine: str = "local", address: str | None = None, parts: int | None = None
) -> MergeSummary:
    """Merge the quotes of the Parquet directory ``out`` into ``out/merged``."""
    started = time.perf_counter()
    s = MergeSummary()
    _clear(out, "quotes")
    if engine == "ray":
        _merge_ray(out, s, address, parts)
    else:
        p = parts or 1
        tasks = _shard_files(out, 64)
        firsts = [map_forms(out, f, p) for f in tasks]
        s.forms = sum(n for _, _, n in firsts)
        pairs = set().union(*(reduce_pairs(*(b[k] for b, _, _ in firsts)) for k in range(p)))
        canon, people = people_of(sum((c for _, c, _ in firsts), Counter()))
        cluster = _clusters(sorted(pairs))
        seconds = [map_occurrences(out, f, cluster, p) for f in tasks]
        s.occurrences = sum(len(b) for bs in seconds for b in bs)
        s.quotes = sum(reduce_quotes(out, k, canon, *(bs[k] for bs in seconds)) for k in range(p))
        s.near_pairs = len(pairs)
        _write(out, "people", people, "part-00000")
        s.people = len(people)
    s.seconds = time.perf_counter() - started
    return s


def _merge_ray(out: str, s: MergeSummary, address: str | None, parts: int | None) -> None:
    from saidwhen.engine.ray import start_ray

    ray = start_ray(address)
    cpus = int(ray.cluster_resources().get("CPU", 1))
    p = parts or max(1, cpus)
    tasks = _shard_files(out, 16)
    forms = ray.remote(num_returns=3)(map_forms)
    firsts = [forms.remote(out, f, p) for f in tasks]
    # each map task's buckets as one object; a reduce task takes partition k of each
    buckets = [b for b, _, _ in firsts]
    pick = ray.remote(lambda bs, k: bs[k])
    pair_refs = [
        ray.remote(reduce_pairs).remote(*(pick.remote(b, k) for b in buckets)) for k in range(p)
    ]
    names = ray.get([c for _, c, _ in firsts])
    s.forms = sum(ray.get([n for _, _, n in firsts]))
    pairs: set[tuple[int, int]] = set().union(*ray.get(pair_refs))
    canon, people = people_of(sum(names, Counter()))
    cluster_ref = ray.put(_clusters(sorted(pairs)))
    canon_ref = ray.put(canon)
    occ = ray.remote(map_occurrences)
    seconds = [occ.remote(out, f, cluster_ref, p) for f in tasks]
    reduce = ray.remote(reduce_quotes)
    done = [
        reduce.remote(out, k, canon_ref, *(pick.remote(b, k) for b in seconds)) for k in range(p)
    ]
    s.quotes = sum(ray.get(done))
    s.occurrences = sum(ray.get([ray.remote(lambda bs: sum(map(len, bs))).remote(b)
                                 for b in seconds]))  # fmt: skip
    s.near_pairs = len(pairs)
    _write(out, "people", people, "part-00000")
    s.people = len(people)


def merged_schema(name: str) -> Any:
    """The schema of ``merged/quotes`` or ``merged/people``."""
    import pyarrow as pa

    s = pa.string()
    qschema = pa.schema(
        [("quote", pa.int64()), ("text", s), ("kind", s), ("first_seen", s), ("last_seen", s),
         ("n_occurrences", pa.int32()), ("n_articles", pa.int32()), ("speaker", s),
         ("n_speakers", pa.int32()),
         ("speakers", pa.list_(pa.struct([("name", s), ("count", pa.int32())]))),
         ("topic", pa.bool_()), ("forms", pa.list_(s)), ("reported_by", s)]
    )  # fmt: skip
    pschema = pa.schema([("name", s), ("aliases", pa.list_(s)), ("n_occurrences", pa.int32())])
    return qschema if name == "quotes" else pschema


def _clear(out: str, name: str) -> None:
    from saidwhen.engine.shards import _fs

    filesys, root = _fs(out)
    filesys.delete_dir_contents(f"{root}/merged/{name}", missing_dir_ok=True)


def _write(out: str, name: str, rows: list[dict[str, Any]], part: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from saidwhen.engine.shards import _fs

    filesys, root = _fs(out)
    filesys.create_dir(f"{root}/merged/{name}", recursive=True)
    table = pa.Table.from_pylist(rows, schema=merged_schema(name))
    pq.write_table(table, f"{root}/merged/{name}/{part}.parquet", filesystem=filesys)


def read_merged(out: str, name: str) -> list[dict[str, Any]]:
    """The merged quotes or people, sorted (quotes by first date and text, people by name)."""
    import pyarrow.parquet as pq
    from pyarrow import fs

    from saidwhen.engine.shards import _fs

    filesys, root = _fs(out)
    rows: list[dict[str, Any]] = []
    for i in filesys.get_file_info(fs.FileSelector(f"{root}/merged/{name}")):
        if i.path.endswith(".parquet"):
            with filesys.open_input_file(i.path) as src:
                rows.extend(pq.ParquetFile(src).read().to_pylist())
    if name == "quotes":
        return sorted(rows, key=lambda q: (q["first_seen"], q["text"]))
    return sorted(rows, key=lambda p: p["name"])
