"""The GUM gate: he/she resolved to the right named person, never below the pinned floor.

GUM's 63 news, interview and biography documents (``../shared/data/gum-coref``)
run through :func:`saidwhen.extract.people.find_people`; the gate fails when the
data is missing, unless ``SAIDWHEN_SKIP_SHARED=1``.  Raise the floor with
``python -m saidwhen.eval.gum --write-floors tests/floors/gum.json``.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.eval.gum import default_data_dir, pronoun_accuracy
from tests.conftest import assert_holds_floor, floors_file, require_shared

DOC = floors_file("gum.json")


@pytest.mark.slow
def test_gum_pronouns_hold_their_floor(nlp: Any) -> None:
    require_shared(default_data_dir(), "the GUM coreference data")
    result = pronoun_accuracy(nlp=nlp)
    assert result["pronouns"] > 800  # every document was read
    for key, floor in DOC["floors"].items():
        assert_holds_floor(result, key, floor, 0.0)
