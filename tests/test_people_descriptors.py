"""What a person's descriptors say: their titles and roles ("secretary", "marine biologist"),
never a courtesy title or a word before the name that is no role ("a month after Ana Ruiz
...", "it is hard for Tom Lee ..."). Articles written fresh."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people


def _descriptors(nlp: Any, text: str, name: str) -> tuple[str, ...]:
    people = {p.name: p for p in find_people(nlp(text)).persons()}
    return people[name].descriptors


@pytest.mark.parametrize(
    ("text", "name", "kept", "dropped"),
    [
        (
            "Marine biologist Ana Ruiz spoke on Monday. Ms. Ruiz said the reef was dying.",
            "Ana Ruiz",
            "marine biologist",
            "ms.",
        ),
        (
            "Mr. Tom Lee, a fisherman, came home. Mr. Lee said the catch was poor.",
            "Tom Lee",
            "fisherman",
            "mr.",
        ),
        (
            "A month after Ana Ruiz, the mayor, left office, she said she missed it.",
            "Ana Ruiz",
            "mayor",
            "month after",
        ),
        (
            "It was hard for Tom Lee, the coach, to watch. Lee said so on Sunday.",
            "Tom Lee",
            "coach",
            "hard for",
        ),
        # a plural role said of two people is each one's role
        (
            "Mayor Tom Lee and Ana Ruiz, longtime rivals, met on Monday. Lee said it went well.",
            "Ana Ruiz",
            "longtime rival",
            "rivals",
        ),
        # a year in apposition is no age
        (
            "Tom Lee, 2016, the coach of the year, said he was proud. Lee, 54, smiled.",
            "Tom Lee",
            "54-year-old",
            "2016-year-old",
        ),
    ],
)
def test_descriptors_are_titles_and_roles(
    nlp: Any, text: str, name: str, kept: str, dropped: str
) -> None:
    descriptors = _descriptors(nlp, text, name)
    assert kept in descriptors
    assert not any(dropped in d for d in descriptors)


@pytest.mark.parametrize("mark", ["²", "³"])
def test_a_note_mark_in_apposition_is_no_age(nlp: Any, mark: str) -> None:
    """A superscript note mark the parser sets beside a name ("Tom Lee, ², smiled") is a
    digit to str.isdigit but no number int() reads: no age, and no crash."""
    text = f"Tom Lee, {mark}, smiled on Monday. Lee, 54, said so."
    assert _descriptors(nlp, text, "Tom Lee") == ("54-year-old",)
