"""The TempEval-3 gate: normalisation scores must not fall below the pinned floors.

One run over TimeBank + AQUAINT (256 documents, a few seconds) per module;
each pinned metric is its own test, so a failure names it. Raise floors with
``saidwhen eval tempeval --write-floors tests/floors/tempeval.json`` in the
change that improves them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from saidwhen.cli import main
from saidwhen.eval.tempeval import METRICS, TempevalReport, default_data_dir, run_tempeval
from tests.conftest import assert_holds_floor, floors_file, require_shared

DOC = floors_file("tempeval.json")
FLOORS: dict[str, float] = DOC["floors"]
# The scores are deterministic (no model): only float rounding is tolerated.
TOLERANCE = 0.0001


def test_floors_file_says_how_to_raise_them() -> None:
    assert "Raising" in DOC["_comment"]
    assert set(METRICS) == set(FLOORS)
    assert all(0.5 <= v <= 1.0 for v in FLOORS.values())


@pytest.fixture(scope="module")
def report() -> TempevalReport:
    require_shared(default_data_dir() / "TimeBank", "TempEval-3 data")
    return run_tempeval()


def test_whole_corpus_scored(report: TempevalReport) -> None:
    assert report.documents == 256
    assert report.scores["gold"] == 1822
    assert report.ms_per_article > 0  # timed (the speed is a benchmark, not a test)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_metric_holds_its_floor(report: TempevalReport, name: str) -> None:
    assert_holds_floor(report.scores, name, FLOORS[name], TOLERANCE)


def test_eval_command(tmp_path: Path) -> None:
    require_shared(default_data_dir() / "TimeBank", "TempEval-3 data")
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"value_F1": 0.99}}), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "tempeval", "--json", "--write-floors", str(floors)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)["scores"]
    written = json.loads(floors.read_text(encoding="utf-8"))["floors"]
    assert written["value_F1"] == 0.99  # a floor is never lowered
    assert written["strict_F1"] <= scores["strict_F1"]


def test_eval_command_without_data(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "tempeval", "--data-dir", str(tmp_path)])
    assert result.exit_code != 0 and "TempEval-3" in result.output
