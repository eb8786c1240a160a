"""A possessive pronoun the rules take for a source ("mocked for its claim that ...") names
no one: the record keeps the mention, with no name, rather than a speaker called "its".

Every article here is made up for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen import extract


@pytest.mark.parametrize(
    "text",
    [
        "The council's earlier report was widely mocked for its bold claim that the harbor "
        'would be "the busiest port ever built on the coast."',
    ],
)
def test_a_possessive_pronoun_is_no_speakers_name(nlp: Any, text: str) -> None:
    rec = extract(text, "2021-05-03", nlp=nlp)
    spoken = [q for q in rec.quotes if q.speaker is not None]
    assert spoken, [q.text for q in rec.quotes]
    for q in spoken:
        assert q.speaker is not None
        assert (q.speaker.name or "").lower() not in ("its", "their", "my", "our", "his")
