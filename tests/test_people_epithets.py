"""A description of no one named so ("the old crooner") that a he/she takes up in its
clause or as the next sentence's subject is the person that pronoun would be; without
one, or naming a body ("the Vale campaign"), it stays unresolved (articles written
fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people

LEAD = (
    "Mayor Ann Cole opened the fair in Elton on Monday. Tom Vale, who sang there in the "
    "1980s, came back for the evening show.\n\n"
)


@pytest.mark.parametrize(
    ("text", "description", "person"),
    [
        (LEAD + "The old crooner thanked his fans for coming.", "The old crooner", "Tom Vale"),
        (LEAD + "The old crooner waved. He left at nine.", "The old crooner", "Tom Vale"),
        # a she: the woman in view
        (LEAD + "The longtime organiser thanked her staff.", "The longtime organiser", "Ann Cole"),
        # no pronoun takes it up
        (LEAD + "The old crooner waved to the crowd.", "The old crooner", None),
        # someone named before the pronoun may be its person
        (LEAD + "The old crooner told Sam Reed that he was tired.", "The old crooner", None),
        # a body, named after its candidate
        (LEAD + "The Vale campaign said it had paid him.", "The Vale campaign", None),
    ],
)
def test_an_epithet_taken_up_by_a_pronoun(
    nlp: Any, text: str, description: str, person: str | None
) -> None:
    index = find_people(nlp(text))
    start = text.index(description)
    found = index.entity_at(start, start + len(description))
    assert (found.name if found is not None and found.type == "person" else None) == person
