"""A subject description of an occupation ("The actress explained") goes to the subject
of the sentence right before when the one the article described so was named far back
(a list of people, one per item); an office ("the president") keeps its one holder, and
a description named near keeps it (articles written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people

FILLER = (
    "The festival drew record crowds this year, with food stalls, music stages and a "
    "parade through the old town that lasted well into the evening. "
) * 5


@pytest.mark.parametrize(
    ("text", "description", "person"),
    [
        (
            "Ana Ruiz, an actress, opened the festival on Friday.\n\n" + FILLER + "\n\n"
            "Television star Lena Park spoke about her childhood in a long interview. "
            "The actress explained that she grew up poor.",
            "The actress",
            "Lena Park",
        ),
        # an office has one holder, however far back
        (
            "President Ana Ruiz opened the festival on Friday.\n\n" + FILLER + "\n\n"
            "Senator Lena Park spoke about her childhood in a long interview. "
            "The president declined to comment.",
            "The president",
            "Ana Ruiz",
        ),
        # named near: the one described so
        (
            "Ana Ruiz, an actress, opened the festival on Friday. Television star Lena Park "
            "spoke about her childhood. The actress explained that she grew up poor.",
            "The actress",
            "Ana Ruiz",
        ),
    ],
)
def test_a_subject_description_and_the_subject_before(
    nlp: Any, text: str, description: str, person: str
) -> None:
    index = find_people(nlp(text))
    start = text.index(description)
    assert index.resolve(start, start + len(description)) == person
