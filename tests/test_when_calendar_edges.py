"""Quote dates at the ends of the calendar: a made-up article dated in year 1 or 9999 is dated
without an overflow (the week before year 1's first days does not exist)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from saidwhen.extract.when.base import days_before
from saidwhen.model import Article
from saidwhen.pipeline import extract_articles


@pytest.mark.parametrize(
    ("anchor", "days", "want"),
    [
        (dt.date(2024, 3, 5), 7, "2024-02-27"),
        (dt.date(2024, 3, 5), 1, "2024-03-04"),
        (dt.date(1, 1, 2), 7, "0001-01-01"),
        (dt.date(1, 1, 1), 1, "0001-01-01"),
    ],
)
def test_days_before(anchor: dt.date, days: int, want: str) -> None:
    assert days_before(anchor, days) == want


@pytest.mark.parametrize("day", [dt.date(1, 1, 2), dt.date(9999, 12, 31)])
def test_article_dated_at_the_calendar_ends(nlp: Any, day: dt.date) -> None:
    text = (
        "The council met on Monday in a debate over the harbour.\n\n"
        '"We will rebuild the pier," said Ann Lee at the debate on Monday.\n\n'
        "Lee told reporters over the past week that the work would start soon."
    )
    (rec,) = extract_articles([Article(text=text, date=day, id="edge")], nlp)
    quotes = rec.to_dict()["quotes"]
    assert any(q["text"].startswith("We will rebuild the pier") for q in quotes)
    for q in quotes:
        assert q["when"] is None or q["when"] <= day.isoformat()
