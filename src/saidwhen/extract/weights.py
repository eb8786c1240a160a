"""What the learned components (the pronoun ranking, the quote-date choice, the speaker
re-ranking, the look at quoted words) share: their stored weights (a JSON object whose
``features`` must be the code's and whose ``weights`` hold one finite number per feature),
written by their trainers and read back, a row's score (:func:`dot`), and collecting
their rows for training."""

from __future__ import annotations

import contextlib
import contextvars
import json
import math
import operator
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from saidwhen.errors import SaidwhenError

_Row = TypeVar("_Row")


def read_weights(
    path: str | Path, features: tuple[str, ...], what: str, trainer: str, *, optional: bool = False
) -> tuple[tuple[float, ...], dict[str, Any]] | None:
    """The weights at ``path`` and the whole stored object; None when ``optional`` and there
    is no file. ``what`` names the component and ``trainer`` its training module in errors."""
    p = Path(path)
    if optional and not p.exists():
        return None
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SaidwhenError(f"{p}: cannot read the {what}'s weights: {exc}") from None
    if not isinstance(data, dict):
        raise SaidwhenError(f"{p}: the {what}'s weights are not a JSON object")
    names = data.get("features")
    if not isinstance(names, list) or tuple(names) != features:
        raise SaidwhenError(
            f"{p}: weights for other features than the code's; retrain with python -m {trainer}"
        )
    weights = data.get("weights")
    if (
        not isinstance(weights, list)
        or len(weights) != len(features)
        or not all(isinstance(w, (int, float)) and math.isfinite(w) for w in weights)
    ):
        raise SaidwhenError(
            f"{p}: the {what} needs one number per feature ({len(features)}); "
            f"retrain with python -m {trainer}"
        )
    return tuple(float(w) for w in weights), data


def write_weights(
    path: str | Path,
    features: Iterable[str],
    weights: Iterable[float],
    extra: Mapping[str, Any] | None = None,
) -> None:
    """Store ``weights`` (one per feature, rounded to four places) at ``path`` as
    :func:`read_weights` reads them, followed by ``extra`` (what they were trained on, their
    figures)."""
    data = {
        "features": list(features),
        "weights": [round(float(w), 4) for w in weights],
        **(extra or {}),
    }
    Path(path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def dot(weights: Sequence[float], feats: Sequence[float]) -> float:
    """A row's score: the dot product of the weights and its features (one per feature,
    in the stored order)."""
    if len(weights) != len(feats):
        raise ValueError(f"{len(feats)} features for {len(weights)} weights")
    return float(sum(map(operator.mul, weights, feats)))


@contextlib.contextmanager
def collecting(var: contextvars.ContextVar[list[_Row] | None]) -> Iterator[list[_Row]]:
    """A learned component's rows for training: ``var`` holds a fresh list while the block
    runs (the component appends to it when set), then is reset."""
    rows: list[_Row] = []
    token = var.set(rows)
    try:
        yield rows
    finally:
        var.reset(token)
