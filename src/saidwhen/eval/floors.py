"""The quality gate's floor files (``tests/floors/*.json``): raised, never lowered.

A floor file is ``{"_comment": ..., <header fields>, "floors": {key: value}}``.
The comment already in a file wins over the default, so that a hand-edited
note survives a rewrite.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from saidwhen.errors import InputError
from saidwhen.eval.report import raised_floors

__all__ = ["FloorUpdate", "write_floors"]


@dataclass(frozen=True, slots=True)
class FloorUpdate:
    """The floors of a file before and after a rewrite."""

    path: Path
    before: dict[str, float]
    after: dict[str, float]

    @property
    def raised(self) -> list[str]:
        return sorted(k for k, v in self.after.items() if k in self.before and v > self.before[k])

    @property
    def added(self) -> list[str]:
        return sorted(k for k in self.after if k not in self.before)


def write_floors(
    path: Path,
    metrics: Mapping[str, Any],
    keys: tuple[str, ...],
    *,
    comment: str,
    header: Mapping[str, Any] | None = None,
) -> FloorUpdate:
    """Raise the floors of ``keys`` in the file at ``path`` to ``metrics`` and write it.

    Raises:
        InputError: the existing file is not readable JSON.
    """
    old: dict[str, Any] = {}
    if path.exists():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise InputError(str(path), f"cannot read floors: {err}") from None
    before: dict[str, float] = old.get("floors", {})
    floors = raised_floors(metrics, before, keys)
    out = {"_comment": old.get("_comment", comment), **(header or {}), "floors": floors}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return FloorUpdate(path, before, floors)
