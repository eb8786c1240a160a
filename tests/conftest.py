"""Shared fixtures: one spaCy pipeline per test session, the example articles."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OWN_EXAMPLE = ROOT / "examples" / "okafor-2021-03-02.txt"
SHARED_EXAMPLE = SHARED / "examples" / "teigen-2020-10-28.txt"


@pytest.fixture(scope="session")
def nlp() -> Any:
    from saidwhen.nlp import load_nlp

    return load_nlp()


# Tests that read ../shared fail without it, so that a CI checkout missing the data
# cannot pass the quality gates by skipping them; a developer without the data says so.
SKIP_SHARED = "SAIDWHEN_SKIP_SHARED"


def require_shared(path: Path, what: str) -> None:
    """Fail (or, with SAIDWHEN_SKIP_SHARED=1, skip) when shared data is missing."""
    if path.exists():
        return
    message = f"{what} not found at {path}"
    if os.environ.get(SKIP_SHARED) == "1":
        pytest.skip(f"{message} ({SKIP_SHARED}=1)")
    pytest.fail(f"{message}: the gate cannot run (set {SKIP_SHARED}=1 to skip it locally)")


def floors_file(name: str) -> dict[str, Any]:
    """A quality gate's floor file (``tests/floors/NAME``), which says how to raise it."""
    doc: dict[str, Any] = json.loads((ROOT / "tests" / "floors" / name).read_text("utf-8"))
    assert "--write-floors" in doc["_comment"], name
    return doc


def assert_holds_floor(metrics: Any, key: str, floor: float, tolerance: float) -> None:
    """A gate's check of one pinned metric; a metric gone missing fails too."""
    from saidwhen.eval.report import floor_failures

    failures = floor_failures(metrics, {key: floor}, tolerance)
    assert not failures, f"{failures[0]} (tolerance {tolerance}; floors only move up)"


@pytest.fixture(scope="session")
def shared_example() -> Path:
    require_shared(SHARED_EXAMPLE, "the shared example")
    return SHARED_EXAMPLE
