"""Ingest on this machine: a pool of worker processes runs the works of :mod:`.base`.

Each worker reads its works (HTML turned into text there), extracts, and
sends the records back; the parent only writes them. The workers are forked
from a server process that has loaded spaCy and the pipeline once
(:mod:`._preload`; spawned afresh where there is no fork server). With one
worker everything runs in this process.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Unpack

from saidwhen.engine.base import (
    IngestOptions,
    IngestSummary,
    Options,
    Progress,
    Result,
    extract_batch,
    run_ingest,
    run_work,
)
from saidwhen.engine.inputs import BATCH, Work

__all__ = ["BATCH", "IngestSummary", "LocalRunner", "Progress", "extract_batch", "ingest"]


def _die_with_parent(ingest: int) -> None:
    """End this worker when the ingest process dies (``kill -9`` leaves no orphans).

    The worker's parent is the ingest process (spawned) or the fork server,
    which exits when the ingest process does; either way the worker ends with it.
    """
    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG, Linux
    except (OSError, AttributeError):
        pass

    def watch() -> None:  # elsewhere: notice the parent is gone within a second
        while os.getppid() == parent and _alive(ingest):
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process took the number
        return False
    return True


def _context(model: str | None) -> BaseContext:
    """Workers forked from a server that loaded the pipeline (Linux), else spawned."""
    # macOS has a fork server too, but forking after numpy's Accelerate has started is unsafe
    if not sys.platform.startswith("linux") or "forkserver" not in get_all_start_methods():
        return get_context("spawn")
    ctx = get_context("forkserver")
    if model is None:  # another pipeline: each worker loads its own
        # (the server starts with the first pool of this process; later calls do nothing)
        ctx.set_forkserver_preload(["saidwhen.engine._preload"])
    return ctx


def _init_worker(model: str | None, parent: int | None = None) -> None:
    os.environ["OMP_NUM_THREADS"] = "1"
    # the parent handles Ctrl-C; a worker must not die half-way through a reply
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent is not None:
        _die_with_parent(parent)
    from saidwhen.nlp import MODEL_NAME, load_nlp

    load_nlp(model or MODEL_NAME)


class LocalRunner:
    """``workers`` processes (each watching this one: see :func:`_die_with_parent`), or this
    process."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1

    def map(self, works: Iterable[Work], opts: Options) -> Iterator[Result]:
        if self.workers <= 1:
            os.environ.setdefault("OMP_NUM_THREADS", "1")
            for w in works:
                yield run_work(w, opts)
            return
        # read by numpy's BLAS when the fork server (or a spawned worker) imports it
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=_context(opts.model),
            initializer=_init_worker,
            initargs=(opts.model, os.getpid()),
        )
        inflight: deque[Future[Result]] = deque()
        try:
            for w in works:
                inflight.append(pool.submit(run_work, w, opts))
                while len(inflight) > self.workers * 2:
                    yield inflight.popleft().result()
            while inflight:
                yield inflight.popleft().result()
        except BaseException:
            # Ctrl-C (or an error): stop the workers now rather than let each finish its
            # work, whose records would not be stored anyway (waiting took 9-24 s)
            _terminate(pool)
            raise
        finally:
            for fut in inflight:
                fut.cancel()
            pool.shutdown(wait=True, cancel_futures=True)


def _terminate(pool: ProcessPoolExecutor) -> None:
    # the executor has no public way to stop its workers before Python 3.14
    workers = list((getattr(pool, "_processes", None) or {}).values())
    for proc in workers:
        proc.terminate()
    for proc in workers:
        proc.join(timeout=5)
    # A worker stopped half-way through sending a result leaves the pool's manager
    # thread waiting for the rest of it, and shutdown() waiting on that thread for
    # ever (a Ctrl-C that hung the ingest). The parent holds a writing end of the
    # results pipe too: closed, with the workers gone, the read ends instead.
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        writer.close()


def ingest(
    paths: Sequence[str | Path],
    db: str | Path | None,
    *,
    workers: int | None = None,
    **options: Unpack[IngestOptions],
) -> IngestSummary:
    """Read, extract and store every article in ``paths`` (or ``items``); see :mod:`.base`.

    With ``out`` (a directory), write Parquet shards there instead of a bank.
    """
    return run_ingest(LocalRunner(workers), paths, db, **options)
