"""Engines that run parse + extract over many articles (see :mod:`saidwhen.engine.base`).

- :mod:`saidwhen.engine.local`: a pool of processes on this machine (the default).
- :mod:`saidwhen.engine.ray`: the same steps on a Ray cluster (``pip install 'saidwhen[ray]'``).

Both write to one SQLite bank, or (``out``) to Parquet shards that
:mod:`saidwhen.engine.merge` merges and :mod:`saidwhen.store.load` loads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from saidwhen.engine.base import IngestSummary, Progress
from saidwhen.engine.local import ingest
from saidwhen.errors import InputError
from saidwhen.model import Article

__all__ = ["IngestSummary", "ingest", "ingest_with"]


def ingest_with(
    engine: str,
    paths: Sequence[str | Path],
    db: str | Path | None,
    *,
    workers: int | None = None,
    date: dt.date | None = None,
    keep_text: bool = False,
    progress: Progress | None = None,
    items: Iterable[Article | InputError] | None = None,
    out: str | Path | None = None,
    address: str | None = None,
) -> IngestSummary:
    """Ingest with the engine named ``local`` or ``ray``."""
    if engine == "ray":
        from saidwhen.engine import ray

        return ray.ingest(
            paths, db, workers=workers, date=date, keep_text=keep_text, progress=progress,
            items=items, out=out, address=address,
        )  # fmt: skip
    return ingest(
        paths, db, workers=workers, date=date, keep_text=keep_text, progress=progress,
        items=items, out=out,
    )  # fmt: skip
