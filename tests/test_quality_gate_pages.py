"""The page-reading gate: article text, article dates and quotes from pages keep their floors.

One run of each part over the shared data (``saidwhen eval pages``); each
pinned metric is its own test, so a failure names it. Raise the floors with
``saidwhen eval pages --write-floors tests/floors/pages.json`` in the change
that improves them.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.eval.pages import FLOOR_KEYS, run_articles, run_dates, run_quotes
from saidwhen.eval.shared import shared_dir
from tests.conftest import assert_holds_floor, floors_file, require_shared

FLOORS: dict[str, float] = floors_file("pages.json")["floors"]
TOLERANCE = 0.0001  # float rounding only: the runs are deterministic
DATA = shared_dir() / "data"


def test_floors_file_pins_every_metric() -> None:
    assert set(FLOOR_KEYS) == set(FLOORS)


@pytest.fixture(scope="module")
def measured(nlp: Any) -> dict[str, Any]:
    require_shared(DATA / "article-extraction", "the article-extraction data")
    require_shared(DATA / "realnews-dev", "the realnews-dev data")
    quotes, _ = run_quotes(nlp=nlp)
    return {"articles": run_articles(), "dates": run_dates(), "quotes": quotes}


@pytest.mark.slow
@pytest.mark.parametrize("key", FLOOR_KEYS)
def test_metric_keeps_its_floor(measured: dict[str, Any], key: str) -> None:
    assert_holds_floor(measured, key, FLOORS[key], TOLERANCE)


@pytest.mark.slow
def test_issue_targets(measured: dict[str, Any]) -> None:
    a = measured["articles"]
    assert a["saidwhen"]["f1"] >= 0.965 and a["margin"] > 0
    assert measured["dates"]["accuracy"] >= 0.98
    assert measured["quotes"]["page_minus_text_f1"] >= -0.01
