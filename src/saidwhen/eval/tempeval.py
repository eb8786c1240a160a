"""Temporal normalisation scored on TempEval-3 (TimeBank + AQUAINT), with its own scorer.

The scorer (``te3lib.py``) and the data stay where they are shared; this module
imports the scorer in place and runs :func:`saidwhen.extract.timexes.find_timexes`
over the plain ``TEXT`` of each document, anchored at its creation time (DCT).

Example:
    >>> report = run_tempeval(Path("../shared/data/tempeval3-tbaq"))  # doctest: +SKIP
    >>> round(report.scores["value_F1"], 3)  # doctest: +SKIP
    0.84
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from saidwhen.errors import SaidwhenError
from saidwhen.eval.shared import load_module, shared_dir
from saidwhen.extract.timexes import find_timexes

__all__ = [
    "METRICS",
    "TempevalReport",
    "default_data_dir",
    "default_scorer_path",
    "load_scorer",
    "run_tempeval",
]

# The scores pinned as floors, in the scorer's names.
METRICS = ("strict_F1", "relaxed_F1", "type_acc", "value_acc", "value_F1")
SUBSETS = ("TimeBank", "AQUAINT")


def default_data_dir() -> Path:
    """``../shared/data/tempeval3-tbaq``."""
    return shared_dir() / "data" / "tempeval3-tbaq"


def default_scorer_path(data_dir: Path) -> Path:
    """The shared scorer: ``eval/te3lib.py`` two levels above the data directory."""
    return data_dir.resolve().parent.parent / "eval" / "te3lib.py"


def load_scorer(path: Path) -> ModuleType:
    """Import the TempEval-3 scorer from where it lies, without copying it."""
    return load_module(path, "te3lib", "TempEval-3 scorer")


@dataclass(frozen=True, slots=True)
class TempevalReport:
    """Scores (the scorer's dict), timing, and the scorer's error list."""

    scores: dict[str, float]
    documents: int
    seconds: float
    errors: list[tuple[Any, ...]] = field(default_factory=list, repr=False)

    @property
    def ms_per_article(self) -> float:
        return 1000 * self.seconds / self.documents if self.documents else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "scores": self.scores,
            "documents": self.documents,
            "ms_per_article": round(self.ms_per_article, 3),
        }


def run_tempeval(
    data_dir: Path | None = None, *, scorer: Path | None = None, subsets: tuple[str, ...] = SUBSETS
) -> TempevalReport:
    """Find and normalise the timexes of every document and score them.

    Args:
        data_dir: the TBAQ-cleaned directory (with ``TimeBank/`` and ``AQUAINT/``).
        scorer: path of ``te3lib.py``; by default found next to the data.
        subsets: which sub-directories to score.
    """
    data_dir = data_dir or default_data_dir()
    if not data_dir.is_dir():
        raise SaidwhenError(f"TempEval-3 data not found at {data_dir} (use --data-dir)")
    te3 = load_scorer(scorer or default_scorer_path(data_dir))
    docs: list[dict[str, Any]] = []
    for sub in subsets:
        docs.extend(te3.load_dir(str(data_dir / sub)))
    if not docs:
        raise SaidwhenError(f"no .tml documents under {data_dir}")
    system: dict[str, list[dict[str, Any]]] = {}
    t0 = time.perf_counter()
    for d in docs:
        anchor = dt.date.fromisoformat(d["dct"][:10])
        system[d["doc"]] = [
            {"start": t.start, "end": t.end, "type": t.type, "value": t.value}
            for t in find_timexes(d["text"], anchor)
        ]
    seconds = time.perf_counter() - t0
    scores, errors = te3.score(docs, system)
    return TempevalReport(dict(scores), len(docs), seconds, list(errors))
