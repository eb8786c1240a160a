"""Reported events with a date, for the timeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from saidwhen.model import Event, Timex

__all__ = ["find_events"]


def find_events(doc: Any, timexes: Sequence[Timex], people: Any, anchor: dt.date) -> list[Event]:
    """Dated happenings: actor, predicate and when."""
    return []
