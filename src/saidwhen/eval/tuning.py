"""The realnews tuning sets the learned components are trained on, and their labelled rows
kept in a file between runs (extracting every set takes minutes)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

ANNOTATIONS = Path(__file__).resolve().parents[3] / "annotations" / "realnews-polnear"
# realnews-dev and our PolNeAR sets p7-p32; p33 onwards are check and fresh sets
TUNING = tuple(f"p{k}" for k in range(7, 33))


def tuning_rows(
    cache: Path | None, labelled_rows: Callable[[str, Path], list[Any]]
) -> list[tuple[Any, ...]]:
    """Every tuning set's rows by ``labelled_rows(name, data_dir)``, read back from ``cache``
    when it exists, written there when it does not."""
    if cache is not None and cache.exists():
        return [tuple(r) for r in json.loads(cache.read_text())]
    from saidwhen.eval.realnews import default_data_dir

    sets = [("realnews-dev", default_data_dir())] + [(p, ANNOTATIONS / p) for p in TUNING]
    rows = [tuple(r) for name, d in sets for r in labelled_rows(name, d)]
    if cache is not None:
        cache.write_text(json.dumps(rows))
    return rows
