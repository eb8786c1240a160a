"""The GUM names gate: people named in full and typed right, never below the pinned floors.

GUM's 63 news, interview and biography documents (``../shared/data/gum-coref``)
run through :func:`saidwhen.extract.people.find_people`; see
:mod:`saidwhen.eval.gum_names` for what each figure counts.  The gate fails
when the data is missing, unless ``SAIDWHEN_SKIP_SHARED=1``.  Raise the floors
with ``python -m saidwhen.eval.gum_names --write-floors tests/floors/gum_names.json``.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.eval.gum import default_data_dir
from saidwhen.eval.gum_names import FLOOR_KEYS, name_scores
from tests.conftest import assert_holds_floor, floors_file, require_shared

DOC = floors_file("gum_names.json")


@pytest.mark.slow
def test_gum_names_hold_their_floors(nlp: Any) -> None:
    require_shared(default_data_dir(), "the GUM coreference data")
    result = name_scores(nlp=nlp)
    assert result["persons"] > 450 and result["organisations"] > 300  # every document was read
    assert set(FLOOR_KEYS) <= set(DOC["floors"])
    for key, floor in DOC["floors"].items():
        assert_holds_floor(result, key, floor, 0.0)
