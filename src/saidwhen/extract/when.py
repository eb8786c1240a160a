"""When each quote was said, from the text around it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from saidwhen.model import Quote, Timex

__all__ = ["date_quotes"]


def date_quotes(
    doc: Any, quotes: Sequence[Quote], timexes: Sequence[Timex], anchor: dt.date
) -> list[Quote]:
    """The quotes with ``when``/``when_range``/``when_basis`` filled in."""
    return list(quotes)
