"""Engines that run parse + extract over many articles (see :mod:`saidwhen.engine.base`).

- :mod:`saidwhen.engine.local`: a pool of processes on this machine (the default).
- :mod:`saidwhen.engine.ray`: the same steps on a Ray cluster (``pip install 'saidwhen[ray]'``).

Both write to one SQLite bank, or (``out``) to Parquet shards that
:mod:`saidwhen.engine.merge` merges and :mod:`saidwhen.store.load` loads.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Unpack

from saidwhen.engine.base import IngestOptions, IngestSummary
from saidwhen.engine.local import ingest

__all__ = ["IngestOptions", "IngestSummary", "ingest", "ingest_with"]


def ingest_with(
    engine: str,
    paths: Sequence[str | Path],
    db: str | Path | None,
    *,
    workers: int | None = None,
    address: str | None = None,
    **options: Unpack[IngestOptions],
) -> IngestSummary:
    """Ingest with the engine named ``local`` or ``ray`` (``address``: a Ray cluster to join)."""
    if engine == "ray":
        from saidwhen.engine import ray

        return ray.ingest(paths, db, workers=workers, address=address, **options)
    return ingest(paths, db, workers=workers, **options)
