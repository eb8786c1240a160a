"""A possessive in the phrase that opens a sentence looks ahead to the sentence's subject
("In her remarks, Ruiz said"), when that subject is a person of its gender; otherwise it
looks back as before (articles written fresh)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from saidwhen.extract.people import find_people

LEAD = "Mayor Lena Cole opened the fair on Monday. "


@pytest.mark.parametrize(
    ("text", "pronoun", "person"),
    [
        (LEAD + "In her remarks to the crowd, Ana Ruiz praised the farmers.", "her", "Ana Ruiz"),
        (
            "Sam Cole spoke first. During his visit to the plant, Tom Vale met the workers.",
            "his",
            "Tom Vale",
        ),
        # the subject is no woman: "her" looks back
        (LEAD + "In her absence, Tom Vale praised the farmers.", "her", "Lena Cole"),
        # inside the subject, not in a phrase before it
        (LEAD + "Her deputy, Ana Ruiz, praised the farmers.", "Her", "Lena Cole"),
        # no name as the subject
        (LEAD + "In her remarks, the speaker praised the farmers.", "her", "Lena Cole"),
    ],
)
def test_a_possessive_before_the_subject(nlp: Any, text: str, pronoun: str, person: str) -> None:
    index = find_people(nlp(text))
    m = re.search(rf"\b{pronoun}\b", text)
    assert m is not None
    assert index.resolve(m.start(), m.end()) == person
