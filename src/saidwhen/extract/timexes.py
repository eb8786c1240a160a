"""Temporal expressions, normalised against the article date (TimeML values)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from saidwhen.model import Timex

__all__ = ["find_timexes"]


def find_timexes(text: str, anchor: dt.date, start: int = 0, doc: Any = None) -> list[Timex]:
    """Every temporal expression in ``text[start:]``, offsets into ``text``."""
    return []
