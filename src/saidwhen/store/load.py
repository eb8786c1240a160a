"""The quote bank from Parquet shards (``saidwhen bank load``): a cluster's results in SQLite.

The works are written in the order of the run that made them, one
transaction each, exactly as a local ingest writes them: the bank loaded from
a Ray run's shards is the bank a local ingest of the same inputs builds.
Loading again skips the articles the bank holds, so a bank can be brought
up to date with the shards of a later run.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from saidwhen.errors import InputError, StoreError
from saidwhen.store.db import Store, WriteStats

__all__ = ["LoadSummary", "load"]


@dataclass(slots=True)
class LoadSummary:
    works: int = 0
    stats: WriteStats = field(default_factory=WriteStats)
    failures: int = 0
    seconds: float = 0.0


def load(out: str | Path, db: str | Path) -> LoadSummary:
    """Write every finished work of the Parquet directory ``out`` into the bank ``db``."""
    from saidwhen.engine.shards import iter_works, markers, parent_failures

    started = time.perf_counter()
    summary = LoadSummary()
    src = str(out)
    if "://" not in src and not Path(src, "_done").is_dir():
        raise StoreError(f"{src}: no finished works (not the --out of 'saidwhen ingest')")
    with Store(db) as store:
        fails: list[InputError] = parent_failures(src)
        for records, keys, failures in iter_works(src):
            summary.works += 1
            fails.extend(failures)
            if records:
                known = store.known(k for k, _ in keys)
                fresh = [(r, k) for r, k in zip(records, keys, strict=True) if k[0] not in known]
                summary.stats.skipped += len(records) - len(fresh)
                if fresh:
                    summary.stats.add(store.add([r for r, _ in fresh], [k for _, k in fresh]))
        summary.failures = store.add_failures(fails)
    if summary.works == 0 and not markers(src):
        raise StoreError(f"{src}: no finished works")
    summary.seconds = time.perf_counter() - started
    return summary
