"""Shared fixtures: one spaCy pipeline per test session, the example articles."""

from __future__ import annotations

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


@pytest.fixture(scope="session")
def shared_example() -> Path:
    if not SHARED_EXAMPLE.is_file():
        pytest.skip(f"shared example not found at {SHARED_EXAMPLE}")
    return SHARED_EXAMPLE
