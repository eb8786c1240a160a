"""The description resolver's lemma index finds what a walk over the tokens finds."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people


@pytest.mark.parametrize("lemma", ["spokesman", "say", "harbor", "nobody"])
def test_lemma_positions_are_the_tokens_of_that_lemma(nlp: Any, lemma: str) -> None:
    doc = nlp(
        "A spokesman for the harbor said the pier would close. Spokesmen often say so.\n\n"
        "The spokesman said later that the Harbor board had agreed.\n"
    )
    index = find_people(doc)
    assert index.lemma_positions(lemma) == [t.i for t in doc if t.lemma_.lower() == lemma]
