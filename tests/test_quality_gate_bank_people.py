"""The bank-people gate: one bank person per real person across realnews-dev's articles.

realnews-dev's articles are written into one temporary quote bank; see
:mod:`saidwhen.eval.bank_people` for what each figure counts.  The gate fails
when the data is missing, unless ``SAIDWHEN_SKIP_SHARED=1``.  Raise the floors
with ``saidwhen eval bank-people --write-floors tests/floors/bank_people.json``.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.eval.bank_people import FLOOR_KEYS, run_bank_people
from saidwhen.eval.realnews import default_data_dir
from tests.conftest import assert_holds_floor, floors_file, require_shared

DOC = floors_file("bank_people.json")


def test_floors_file_pins_every_gate_figure() -> None:
    assert set(FLOOR_KEYS) == set(DOC["floors"])
    assert all(0.0 <= v <= 1.0 for v in DOC["floors"].values())


@pytest.mark.slow
def test_bank_people_hold_their_floors(nlp: Any) -> None:
    require_shared(default_data_dir(), "realnews-dev")
    result = run_bank_people(nlp=nlp)
    # every article was read, and people quoted across articles were found
    assert result["articles"] == 24 and result["multi_article"] >= 10
    for key, floor in DOC["floors"].items():
        assert_holds_floor(result, key, floor, 0.0)
