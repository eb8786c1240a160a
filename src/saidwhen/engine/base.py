"""The steps every engine shares; an engine supplies only how works run (:class:`Runner`).

1. plan the works: list the input files and cut them into pieces (the parent
   reads no article; see :mod:`saidwhen.engine.inputs`);
2. in a worker, for each work: read it (HTML turned into text there), drop
   the articles the bank already holds, parse and extract;
3. in the parent, in the planned order: write each work's records into the
   SQLite bank in one transaction; or, with ``out``, the worker itself writes
   them as Parquet shards and a completion marker, and only counts come back.

A work is all or nothing (one transaction, or one marker written last), so
a run killed at any moment leaves whole works only; the next run skips them.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypedDict, Unpack

from saidwhen.engine.inputs import Work, chunk_items, plan, read_work
from saidwhen.errors import InputError
from saidwhen.model import Article, ArticleRecord
from saidwhen.store.db import Store, WriteStats, key_of_article

__all__ = [
    "IngestOptions",
    "IngestSummary",
    "Options",
    "Progress",
    "Result",
    "Runner",
    "extract_batch",
    "run_ingest",
    "run_work",
]

# A progress callback: (articles done, articles expected or None).
Progress = Callable[[int, int | None], None]


class IngestOptions(TypedDict, total=False):
    """The options every engine's ``ingest`` takes, besides ``paths``, ``db`` and its own.

    date: the date of articles that carry none; keep_text: store the texts;
    model: another spaCy pipeline; progress: called as articles are done;
    items: articles (or read errors) instead of ``paths``; out: a directory for
    Parquet shards instead of a bank.
    """

    date: dt.date | None
    keep_text: bool
    model: str | None
    progress: Progress | None
    items: Iterable[Article | InputError] | None
    out: str | Path | None


@dataclass(frozen=True, slots=True)
class Options:
    """What a worker needs to run a work; sent along with every task."""

    date: dt.date | None = None
    keep_text: bool = False
    model: str | None = None
    db: str | None = None  # the bank, read-only in workers: skip what it holds
    out: str | None = None  # a Parquet directory: the worker writes the shards itself


@dataclass(slots=True)
class Result:
    """A work done: records for the writer (none with ``out``), and counts."""

    work: str
    read: int = 0
    already: int = 0
    records: list[ArticleRecord | InputError] = field(default_factory=list)
    keys: list[tuple[str, str]] = field(default_factory=list)
    failures: list[InputError] = field(default_factory=list)
    stats: WriteStats = field(default_factory=WriteStats)  # what a worker wrote itself


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did; ``failures`` are the inputs skipped, with the reason."""

    read: int = 0
    already: int = 0  # stored by an earlier run
    stats: WriteStats = field(default_factory=WriteStats)
    failures: list[InputError] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False
    works: int = 0  # tasks run (not counting those an earlier run finished)
    works_done_before: int = 0

    def to_dict(self) -> dict[str, Any]:
        s = self.stats
        return {
            "read": self.read,
            "stored": s.articles,
            "already_stored": self.already + s.skipped,
            "failed": len(self.failures),
            "occurrences": s.occurrences,
            "new_quotes": s.new_quotes,
            "merged_exact": s.merged_exact,
            "merged_near": s.merged_near,
            "seconds": round(self.seconds, 2),
            "interrupted": self.interrupted,
        }


class Runner(Protocol):
    """How an engine runs works: each result comes back in the order of ``works``."""

    def map(self, works: Iterable[Work], opts: Options) -> Iterator[Result]: ...


def extract_batch(
    articles: Sequence[Article], keep_text: bool = False, model: str | None = None
) -> list[ArticleRecord | InputError]:
    """Parse and extract one batch; an article that breaks the extractor becomes a failure."""
    from saidwhen.nlp import MODEL_NAME, load_nlp
    from saidwhen.pipeline import extract_or_fail

    return list(extract_or_fail(articles, load_nlp(model or MODEL_NAME), keep_text=keep_text))


def _known(db: str | None, keys: list[str]) -> set[str]:
    """Which keys the bank holds, from a reader of its own (closed at once: an open reader
    would keep the writer from folding its log back into the file)."""
    if not db or not keys or not Path(db).exists():
        return set()
    from saidwhen.store.db import connect

    conn = connect(db, readonly=True)
    found: set[str] = set()
    try:
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT key FROM articles WHERE key IN ({marks})"
            found.update(k for (k,) in conn.execute(sql, chunk))
    finally:
        conn.close()
    return found


def run_work(work: Work, opts: Options) -> Result:
    """Step 2 (and 3 with ``out``), in a worker: read, skip what is stored, extract."""
    res = Result(work.id)
    arts: list[Article] = []
    for item in read_work(work, opts.date):
        if isinstance(item, InputError):
            res.failures.append(item)
        else:
            arts.append(item)
    res.read = len(arts)
    keyed = [(a, key_of_article(a)) for a in arts]
    known = _known(opts.db, [k for _, (k, _h) in keyed])
    # the same article twice in one work (a line repeated) is extracted once
    fresh = list({k: (a, k) for a, k in keyed if k[0] not in known}.values())
    res.already = len(arts) - len(fresh)
    res.keys = [k for _, k in fresh]
    res.records = extract_batch([a for a, _ in fresh], opts.keep_text, opts.model)
    if opts.out is not None:
        from saidwhen.engine.shards import write_shard

        res.stats = write_shard(opts.out, work, res)
        res.failures.extend(r for r in res.records if isinstance(r, InputError))
        res.records, res.keys = [], []
    return res


def run_ingest(
    runner: Runner,
    paths: Sequence[str | Path],
    db: str | Path | None,
    **options: Unpack[IngestOptions],
) -> IngestSummary:
    """The skeleton: plan, run the works with ``runner``, write (``db``) or collect (``out``)."""
    date, keep_text = options.get("date"), options.get("keep_text", False)
    model, progress = options.get("model"), options.get("progress")
    items, out = options.get("items"), options.get("out")
    summary = IngestSummary()
    started = time.perf_counter()
    if out is not None:
        from saidwhen.engine.shards import done_works, write_failures

        works = _planned(paths, items, summary)
        parent_failures = list(summary.failures)  # the workers write their own
        done = done_works(str(out))
        summary.works_done_before = sum(w.id in done for w in works)
        todo = [w for w in works if w.id not in done]
        opts = Options(date, keep_text, model, None, str(out))
        try:
            _collect(runner.map(todo, opts), summary, None, progress, _total(todo, progress))
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            write_failures(str(out), parent_failures)
            summary.seconds = time.perf_counter() - started
        return summary
    assert db is not None, "an ingest writes to a bank (db) or to Parquet (out)"
    with Store(db) as store:
        try:
            works = _planned(paths, items, summary)
            opts = Options(date, keep_text, model, str(db), None)
            _collect(runner.map(works, opts), summary, store, progress, _total(works, progress))
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            store.add_failures(summary.failures)
            summary.seconds = time.perf_counter() - started
    return summary


def _planned(
    paths: Sequence[str | Path], items: Iterable[Article | InputError] | None, s: IngestSummary
) -> list[Work]:
    # names and offsets only: a million files is a few hundred MB less than their text
    return list(plan(paths) if items is None else chunk_items(items, s.failures))


def _total(works: list[Work], progress: Progress | None) -> int | None:
    return sum(w.n for w in works) if progress else None


def _collect(
    results: Iterable[Result],
    summary: IngestSummary,
    store: Store | None,
    progress: Progress | None,
    total: int | None,
) -> None:
    """Step 3 in the parent: write each work's records (or add up what workers wrote)."""
    done = 0
    for res in results:
        summary.works += 1
        summary.read += res.read
        summary.already += res.already
        summary.failures.extend(res.failures)
        summary.stats.add(res.stats)
        good = [
            (r, k)
            for r, k in zip(res.records, res.keys, strict=True)
            if isinstance(r, ArticleRecord)
        ]
        summary.failures.extend(r for r in res.records if isinstance(r, InputError))
        if good and store is not None:
            summary.stats.add(store.add([r for r, _ in good], [k for _, k in good]))
        done += res.read + len(res.failures)
        if progress:
            progress(done, total)
