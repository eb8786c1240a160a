"""The batch path of the pipeline: collector thresholds are restored however a batch ends."""

from __future__ import annotations

import datetime as dt
import gc
from typing import Any

import pytest

from saidwhen.model import Article
from saidwhen.pipeline import GC_THRESHOLD, extract_articles, fewer_collections

DAY = dt.date(2021, 3, 2)


def _articles(n: int) -> list[Article]:
    return [
        Article(text=f'"We open on Monday," the librarian said. Item {k}.', date=DAY)
        for k in range(n)
    ]


def test_threshold_raised_during_batch_and_restored_after(nlp: Any) -> None:
    before = gc.get_threshold()
    seen = []
    for record in extract_articles(_articles(2), nlp):
        seen.append(gc.get_threshold()[0])
        assert record.quotes[0].text == "We open on Monday"
    assert seen == [GC_THRESHOLD, GC_THRESHOLD]
    assert gc.get_threshold() == before


def test_threshold_restored_when_consumer_stops_early(nlp: Any) -> None:
    before = gc.get_threshold()
    batch = extract_articles(_articles(3), nlp)
    next(batch)
    batch.close()
    assert gc.get_threshold() == before


def test_threshold_restored_after_an_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(ValueError), fewer_collections(5_000):
        assert gc.get_threshold()[0] == 5_000
        raise ValueError("boom")
    assert gc.get_threshold() == before
