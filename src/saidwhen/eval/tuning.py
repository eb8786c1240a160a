"""The realnews tuning sets the learned components are trained on: each article extracted
with its traced rows, and the labelled rows kept in a file between runs (extracting every set
takes minutes)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

if TYPE_CHECKING:
    from saidwhen.model import ArticleRecord

_Row = TypeVar("_Row")

_ROOT = Path(__file__).resolve().parents[3] / "annotations"
ANNOTATIONS = _ROOT / "realnews-polnear"
# beside realnews-dev: our PolNeAR sets p7-p72 (p73 onwards would be check and fresh sets),
# the real pages r1-r5 and the newswire sets t1-t4 (tbaq2, the check set, is not here)
POLNEAR = tuple(f"p{k}" for k in range(7, 73))
PAGES = tuple(f"r{k}" for k in range(1, 6))
TBAQ = tuple(f"t{k}" for k in range(1, 5))
TUNING = POLNEAR + PAGES + TBAQ
_HOMES = {"p": "realnews-polnear", "r": "realnews-pages", "t": "realnews-tbaq"}


def tuning_dir(name: str) -> Path:
    """The annotation directory of the tuning set ``name`` ("p7", "r1", "t1")."""
    return _ROOT / _HOMES[name[0]] / name


def logistic_fit(
    x: np.ndarray,
    y: np.ndarray,
    l2: float,
    steps: int,
    *,
    weight: np.ndarray | None = None,
    bias_l2: float = 0.0,
    ridge: float = 0.0,
) -> np.ndarray:
    """Weights of an L2-regularised logistic regression of ``y`` on ``x`` by Newton's method
    (deterministic): the bias, column 0, shrunk by ``bias_l2`` only; ``weight``, each row's
    share of the loss; ``ridge`` added to the Hessian's diagonal."""
    sw = np.ones(x.shape[0]) if weight is None else weight
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = bias_l2
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (sw * (p - y)) + reg * w
        hess = (x.T * (sw * p * (1 - p))) @ x + np.diag(reg + ridge)
        w = w - np.linalg.solve(hess, grad)
    return w


def tuning_rows(
    cache: Path | None,
    labelled_rows: Callable[[str, Path], list[Any]],
    sets: Sequence[str] = TUNING,
) -> list[tuple[Any, ...]]:
    """Every tuning set's rows by ``labelled_rows(name, data_dir)`` (realnews-dev and
    ``sets``), read back from ``cache`` when it exists, written there when it does not."""
    if cache is not None and cache.exists():
        return [tuple(r) for r in json.loads(cache.read_text())]
    from saidwhen.eval.realnews import default_data_dir

    dirs = [("realnews-dev", default_data_dir())] + [(p, tuning_dir(p)) for p in sets]
    rows = [tuple(r) for name, d in dirs for r in labelled_rows(name, d)]
    if cache is not None:
        cache.write_text(json.dumps(rows))
    return rows


def say_left_out(name: str, left_out: Mapping[str, int]) -> None:
    """Print (to stderr) how many rows of set ``name`` a trainer leaves out, by why: a row
    it cannot place or label is counted, not dropped silently."""
    said = ", ".join(f"{n} {why}" for why, n in left_out.items() if n)
    if said:
        print(f"{name}: left out {said}", file=sys.stderr)


def article_starts(text: str, rows: Iterable[Sequence[Any]]) -> list[int | None]:
    """Each traced row's start in the whole article ``text`` (read from its start, as
    :func:`traced_articles` reads it).  An article longer than ``SEGMENT_CHARS`` is
    extracted in segments (:func:`~saidwhen.pipeline.segment_bounds`, its text having no
    header here) whose rows count from the segment's start: each row, ``(start,
    end, the words there, ...)`` in the order traced, is placed in the first segment, from
    the last row's on, that holds its words there (None when none does)."""
    from saidwhen.pipeline import segment_bounds

    bases = [lo for lo, _ in segment_bounds(text)]
    out: list[int | None] = []
    k = 0
    for start, end, words, *_ in rows:
        at = next(
            (j for j in range(k, len(bases)) if text[start + bases[j] : end + bases[j]] == words),
            None,
        )
        if at is not None:
            k = at
        out.append(None if at is None else start + bases[at])
    return out


def traced_articles(
    data_dir: Path, tracing: Callable[[], contextlib.AbstractContextManager[list[_Row]]]
) -> Iterator[tuple[dict[str, Any], ArticleRecord, list[_Row]]]:
    """Every gold article of ``data_dir`` with saidwhen's record of it and the rows a
    component's ``tracing`` collected while that article was extracted."""
    from saidwhen.eval.realnews import load_gold
    from saidwhen.model import Article
    from saidwhen.nlp import load_nlp
    from saidwhen.pipeline import extract_articles

    gold = load_gold(data_dir)
    arts = [
        Article(text=g["text"], date=dt.date.fromisoformat(g["date"]), id=g["name"]) for g in gold
    ]
    with tracing() as trace:
        seen = 0
        for g, rec in zip(gold, extract_articles(arts, load_nlp()), strict=True):
            rows = trace[seen:]
            seen = len(trace)
            yield g, rec, rows
