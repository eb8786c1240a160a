"""Ingest on this machine: workers parse and extract, the parent alone writes.

The steps are those of every engine:

1. read the inputs into articles (failures kept as data);
2. drop the articles the bank already holds (a re-run resumes);
3. parse and extract in worker processes, each loading spaCy once;
4. write the records in batches, one transaction each, in this process.

A batch is all or nothing, so a run killed at any moment leaves whole
articles only; the next run skips them and finishes the rest.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from saidwhen.errors import InputError
from saidwhen.model import Article, ArticleRecord
from saidwhen.store.db import Store, WriteStats, key_of_article

__all__ = ["IngestSummary", "Progress", "extract_batch", "ingest", "plan_batches"]

BATCH = 32  # articles per worker task: big enough to amortise pickling, small to resume


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did; ``failures`` are the inputs skipped, with the reason."""

    read: int = 0
    already: int = 0  # stored by an earlier run
    stats: WriteStats = field(default_factory=WriteStats)
    failures: list[InputError] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False

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


# A progress callback: (articles done, articles expected or None).
Progress = Callable[[int, int | None], None]


def _die_with_parent(parent: int) -> None:
    """End this worker when the ingest process dies (``kill -9`` leaves no orphans)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG, Linux
    except (OSError, AttributeError):
        pass

    def watch() -> None:  # elsewhere: notice the parent is gone within a second
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _init_worker(model: str | None, parent: int | None = None) -> None:
    os.environ["OMP_NUM_THREADS"] = "1"
    # the parent handles Ctrl-C; a worker must not die half-way through a reply
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent is not None:
        _die_with_parent(parent)
    from saidwhen.nlp import MODEL_NAME, load_nlp

    load_nlp(model or MODEL_NAME)


def extract_batch(
    articles: Sequence[Article], keep_text: bool = False, model: str | None = None
) -> list[ArticleRecord | InputError]:
    """Parse and extract one batch; an article that breaks the extractor becomes a failure."""
    from saidwhen.nlp import MODEL_NAME, load_nlp
    from saidwhen.pipeline import extract_or_fail

    return list(extract_or_fail(articles, load_nlp(model or MODEL_NAME), keep_text=keep_text))


def plan_batches(
    items: Iterable[Article | InputError], store: Store, summary: IngestSummary, size: int = BATCH
) -> Iterator[tuple[list[Article], list[tuple[str, str]]]]:
    """Steps 1 and 2: batches of articles not stored yet, with their keys."""
    pending: list[tuple[Article, tuple[str, str]]] = []

    def flush() -> Iterator[tuple[list[Article], list[tuple[str, str]]]]:
        known = store.known(k for _, (k, _h) in pending)
        fresh = [(a, k) for a, k in pending if k[0] not in known]
        summary.already += len(pending) - len(fresh)
        pending.clear()
        # the same article twice in one run (a file given twice) is stored once
        unique = list({k: (a, k) for a, k in fresh}.values())
        for i in range(0, len(unique), size):
            chunk = unique[i : i + size]
            if chunk:
                yield [a for a, _ in chunk], [k for _, k in chunk]

    for item in items:
        if isinstance(item, InputError):
            summary.failures.append(item)
            continue
        summary.read += 1
        pending.append((item, key_of_article(item)))
        if len(pending) >= size * 8:
            yield from flush()
    yield from flush()


def count_inputs(paths: Iterable[str | Path]) -> int:
    """A quick estimate of the articles to come (JSONL lines, one per other file)."""
    from saidwhen.io.readers import iter_files

    total = 0
    for p in iter_files(paths):
        if p.suffix.lower() in (".jsonl", ".ndjson"):
            try:
                with p.open("rb") as f:
                    total += sum(1 for line in f if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def ingest(
    paths: Sequence[str | Path],
    db: str | Path,
    *,
    workers: int | None = None,
    date: dt.date | None = None,
    keep_text: bool = False,
    model: str | None = None,
    progress: Progress | None = None,
    items: Iterable[Article | InputError] | None = None,
) -> IngestSummary:
    """Read, extract and store every article in ``paths`` (or ``items``); see the module doc."""
    from saidwhen.io.readers import read_paths

    summary = IngestSummary()
    started = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    source = items if items is not None else read_paths(paths, date)
    total = count_inputs(paths) if progress and items is None else None
    with Store(db) as store:
        try:
            batches = plan_batches(source, store, summary)
            store_results(store, _run(batches, workers, keep_text, model), summary, progress, total)
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            store.add_failures(summary.failures)
            summary.seconds = time.perf_counter() - started
    return summary


def store_results(
    store: Store,
    results: Iterable[tuple[list[ArticleRecord | InputError], list[tuple[str, str]]]],
    summary: IngestSummary,
    progress: Progress | None,
    total: int | None,
) -> None:
    """Step 4, the same for every engine: write each batch's records, keep its failures."""
    done = 0
    for records, keys in results:
        good = [(r, k) for r, k in zip(records, keys, strict=True) if isinstance(r, ArticleRecord)]
        summary.failures.extend(r for r in records if isinstance(r, InputError))
        if good:
            summary.stats.add(store.add([r for r, _ in good], [k for _, k in good]))
        done += len(records)
        if progress:
            progress(done + summary.already, total)


def _run(
    batches: Iterator[tuple[list[Article], list[tuple[str, str]]]],
    workers: int,
    keep_text: bool,
    model: str | None,
) -> Iterator[tuple[list[ArticleRecord | InputError], list[tuple[str, str]]]]:
    """Step 3: records of each batch, in order; in this process when ``workers`` is 1."""
    if workers <= 1:
        _init_worker_env()
        for arts, keys in batches:
            yield extract_batch(arts, keep_text, model), keys
        return
    pool = ProcessPoolExecutor(
        max_workers=workers,
        # spawned, so each worker is a child of this process and can watch it
        mp_context=get_context("spawn"),
        initializer=_init_worker,
        initargs=(model, os.getpid()),
    )
    inflight: deque[tuple[Future[list[ArticleRecord | InputError]], list[tuple[str, str]]]] = (
        deque()
    )
    try:
        for arts, keys in batches:
            inflight.append((pool.submit(extract_batch, arts, keep_text, model), keys))
            while len(inflight) > workers * 2:
                fut, k = inflight.popleft()
                yield fut.result(), k
        while inflight:
            fut, k = inflight.popleft()
            yield fut.result(), k
    except BaseException:
        # Ctrl-C (or an error): stop the workers now rather than let each finish its
        # batch, whose records would not be stored anyway (waiting took 9-24 s)
        _terminate(pool)
        raise
    finally:
        for fut, _ in inflight:
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _terminate(pool: ProcessPoolExecutor) -> None:
    # the executor has no public way to stop its workers before Python 3.14
    workers = list((getattr(pool, "_processes", None) or {}).values())
    for proc in workers:
        proc.terminate()
    for proc in workers:
        proc.join(timeout=5)


def _init_worker_env() -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
