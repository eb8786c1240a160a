"""The quality gate: the dev metrics must not fall below the floors pinned in the repository.

One pipeline run over the 84 dev articles per session (a module-scoped
fixture); each pinned metric is its own test, so a failure names it.
Raise floors with ``saidwhen eval polnear --split dev --write-floors
tests/floors/polnear_dev.json`` in the change that improves them.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.eval.polnear import default_data_dir, run_split
from saidwhen.eval.report import FLOOR_PATHS, FLOOR_TOLERANCE
from tests.conftest import assert_holds_floor, floors_file, require_shared

DOC = floors_file("polnear_dev.json")
FLOORS: dict[str, float] = DOC["floors"]


def test_floors_file_says_how_to_raise_them() -> None:
    assert "Raising" in DOC["_comment"]
    assert DOC["split"] == "dev"
    assert set(FLOOR_PATHS) <= set(FLOORS)
    assert all(0.0 <= v <= 1.0 for v in FLOORS.values())


@pytest.fixture(scope="module")
def dev_metrics() -> dict[str, Any]:
    require_shared(default_data_dir() / "metadata.tsv", "PolNeAR data")
    metrics, _ = run_split("dev")
    return metrics


@pytest.mark.slow
def test_whole_dev_split_scored(dev_metrics: dict[str, Any]) -> None:
    assert dev_metrics["docs"] == 84
    assert dev_metrics["docs_missing_in_pred"] == 0
    # records whose text does not match their offsets mean an offset bug
    assert dev_metrics.get("conversion", {}).get("quote_text_mismatches", 0) == 0


@pytest.mark.slow
@pytest.mark.parametrize("path", sorted(FLOORS))
def test_metric_holds_its_floor(dev_metrics: dict[str, Any], path: str) -> None:
    assert_holds_floor(dev_metrics, path, FLOORS[path], FLOOR_TOLERANCE)
