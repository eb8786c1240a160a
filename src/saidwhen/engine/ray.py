"""Ingest on a Ray cluster: the works of :mod:`.base` run by Ray Data on an actor pool.

The driver lists the input files (local paths, or URIs pyarrow reads) and
hands Ray the works, which hold names and offsets only; each actor loads
spaCy once, then reads its works on its own node (HTML turned into text
there) and extracts. With ``db`` the records come back, in the planned
order, to the one SQLite writer in the driver; with ``out`` the actors
write Parquet shards and a marker per work themselves, and only counts
come back, so the driver's memory does not grow with the corpus.

Ray is imported here only, so saidwhen runs without it.
"""

from __future__ import annotations

import logging
import os
import pickle
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Unpack

from saidwhen.engine.base import IngestOptions, IngestSummary, Options, Result, run_ingest, run_work
from saidwhen.engine.inputs import Work
from saidwhen.errors import SaidwhenError

__all__ = ["RayRunner", "ingest", "require_ray", "start_ray"]

_HINT = "the Ray engine needs Ray: pip install 'saidwhen[ray]'"


def require_ray() -> Any:
    """The ``ray`` module, or a clear error with the pip command."""
    try:
        import ray
    except ImportError:
        raise SaidwhenError(_HINT) from None
    return ray


def start_ray(address: str | None = None, cpus: int | None = None) -> Any:
    """Join ``address`` (``auto``, ``ray://host:port``) or start a local Ray; quiet either way."""
    ray = require_ray()
    if not ray.is_initialized():
        ray.init(
            address=address,
            num_cpus=cpus if address is None else None,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.WARNING,
            runtime_env={"env_vars": {"OMP_NUM_THREADS": "1"}},
        )
    ctx = ray.data.DataContext.get_current()
    # saidwhen draws its own progress bar; Ray Data's would interleave with it
    ctx.enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    return ray


class _Worker:
    """A Ray actor: spaCy loaded once, then work after work."""

    def __init__(self, opts: Options) -> None:
        os.environ["OMP_NUM_THREADS"] = "1"
        from saidwhen.nlp import MODEL_NAME, load_nlp

        load_nlp(opts.model or MODEL_NAME)
        self.opts = opts

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        out = [pickle.dumps(run_work(pickle.loads(w), self.opts)) for w in batch["work"]]
        return {"result": out}


class RayRunner:
    """``workers`` actors of one CPU each, fed by Ray Data."""

    def __init__(self, workers: int | None = None, address: str | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.address = address

    def map(self, works: Iterable[Work], opts: Options) -> Iterator[Result]:
        ray = start_ray(self.address)
        from ray.data import ActorPoolStrategy

        rows = [{"work": pickle.dumps(w)} for w in works]
        if not rows:
            return
        # the writer takes works in the planned order, whichever actor finishes first; shards
        # (``out``) are written by the actors and go in any order
        ray.data.DataContext.get_current().execution_options.preserve_order = opts.out is None
        ds = ray.data.from_items(rows, override_num_blocks=min(len(rows), 200)).map_batches(
            _Worker,
            fn_constructor_args=(opts,),
            compute=ActorPoolStrategy(size=self.workers),
            batch_size=1,
            num_cpus=1,
        )
        for row in ds.iter_rows():
            yield pickle.loads(row["result"])


def ingest(
    paths: Sequence[str | Path],
    db: str | Path | None,
    *,
    workers: int | None = None,
    address: str | None = None,
    **options: Unpack[IngestOptions],
) -> IngestSummary:
    """Like :func:`saidwhen.engine.local.ingest`, with ``workers`` Ray actors.

    ``address`` joins a running cluster (``auto`` or ``ray://host:port``);
    without it a local Ray starts for this run. The summary's ``seconds``
    leave out Ray's start.
    """
    start_ray(address)
    started = time.perf_counter()
    summary = run_ingest(RayRunner(workers, address), paths, db, **options)
    summary.seconds = time.perf_counter() - started
    return summary
