"""Ingest on a Ray cluster: the same steps as :mod:`saidwhen.engine.local`.

Reading, the resume check and writing stay in this (the driver) process; only
parse + extract run on the cluster, in an actor pool whose actors load spaCy
once. Ray is imported here only, so saidwhen runs without it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import pickle
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from saidwhen.engine.local import (
    BATCH,
    IngestSummary,
    Progress,
    count_inputs,
    plan_batches,
    store_results,
)
from saidwhen.errors import InputError, SaidwhenError
from saidwhen.model import ArticleRecord
from saidwhen.store.db import Store

__all__ = ["ingest", "require_ray"]

_HINT = "the Ray engine needs Ray: pip install 'saidwhen[ray]'"


def require_ray() -> Any:
    """The ``ray`` module, or a clear error with the pip command."""
    try:
        import ray
    except ImportError:
        raise SaidwhenError(_HINT) from None
    return ray


class _Extractor:
    """A Ray actor: spaCy loaded once, then batch after batch of pickled articles."""

    def __init__(self, keep_text: bool, model: str | None) -> None:
        os.environ["OMP_NUM_THREADS"] = "1"
        from saidwhen.nlp import MODEL_NAME, load_nlp

        load_nlp(model or MODEL_NAME)
        self.keep_text, self.model = keep_text, model

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        from saidwhen.engine.local import extract_batch

        out = []
        for blob in batch["blob"]:
            arts, keys = pickle.loads(blob)
            records = extract_batch(arts, self.keep_text, self.model)
            out.append(pickle.dumps((records, keys)))
        return {"blob": out}


def ingest(
    paths: Sequence[str | Path],
    db: str | Path,
    *,
    workers: int | None = None,
    date: dt.date | None = None,
    keep_text: bool = False,
    model: str | None = None,
    progress: Progress | None = None,
    address: str | None = None,
) -> IngestSummary:
    """Like :func:`saidwhen.engine.local.ingest`, with ``workers`` Ray actors.

    ``address`` joins a running cluster (``auto`` or ``ray://host:port``);
    without it a local Ray starts for this run.
    """
    from saidwhen.io.readers import read_paths

    ray = require_ray()
    from ray.data import ActorPoolStrategy

    summary = IngestSummary()
    started = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    total = count_inputs(paths) if progress else None
    if not ray.is_initialized():
        ray.init(
            address=address,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.WARNING,
            runtime_env={"env_vars": {"OMP_NUM_THREADS": "1"}},
        )
    # saidwhen draws its own progress bar; Ray Data's would interleave with it
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    with Store(db) as store:
        try:
            blobs = [
                {"blob": pickle.dumps(b)}
                for b in plan_batches(read_paths(paths, date), store, summary, BATCH)
            ]
            if blobs:
                ds = ray.data.from_items(blobs).map_batches(
                    _Extractor,
                    fn_constructor_args=(keep_text, model),
                    compute=ActorPoolStrategy(size=workers),
                    batch_size=1,
                    num_cpus=1,
                )
                store_results(store, _unpickle(ds.iter_rows()), summary, progress, total)
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            store.add_failures(summary.failures)
            summary.seconds = time.perf_counter() - started
    return summary


def _unpickle(
    rows: Any,
) -> Iterator[tuple[list[ArticleRecord | InputError], list[tuple[str, str]]]]:
    for row in rows:
        records, keys = pickle.loads(row["blob"])
        yield records, keys
