"""The quality gate: the dev metrics must not fall below the floors pinned in the repository.

One pipeline run over the 84 dev articles per session (a module-scoped
fixture); each pinned metric is its own test, so a failure names it.
Raise floors with ``saidwhen eval polnear --split dev --write-floors
tests/floors/polnear_dev.json`` in the change that improves them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from saidwhen.eval.polnear import default_data_dir, run_split
from saidwhen.eval.report import FLOOR_PATHS, FLOOR_TOLERANCE, floor_failures, metric
from tests.conftest import require_shared

FLOORS_FILE = Path(__file__).parent / "floors" / "polnear_dev.json"
FLOORS: dict[str, float] = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))["floors"]


def test_floors_file_says_how_to_raise_them() -> None:
    doc = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    assert "--write-floors" in doc["_comment"] and "Raising" in doc["_comment"]
    assert doc["split"] == "dev"
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
    value = metric(dev_metrics, path)
    assert value is not None, f"{path} is no longer reported by the scorer"
    assert not floor_failures(dev_metrics, {path: FLOORS[path]}), (
        f"{path} fell to {value}, below its floor {FLOORS[path]} (tolerance {FLOOR_TOLERANCE})"
    )
