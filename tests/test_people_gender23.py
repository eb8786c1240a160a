"""A person's gender and who an object pronoun is (issue 10, session 23): a relative's
noun ("whose husband", "Brill's son") is no word about the name; an office in "-man"
weighs less than a woman's given name; an object him/her is not the subject of its own
clause. Articles made up for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        pytest.param(
            "Mara Quill, whose husband, Navy pilot Teo Quill, died in 2012, spoke on Monday.",
            "Mara Quill",
            "female",
            id="whose-husband-is-no-word-about-her",
        ),
        pytest.param(
            "Campaign spokesman Nadia Pell said the schedule would not change.",
            "Nadia Pell",
            "female",
            id="an-office-in-man-weighs-less-than-her-name",
        ),
        pytest.param(
            "Campaign spokesman Orrin Vell said the schedule would not change.",
            "Orrin Vell",
            "male",
            id="an-office-in-man-still-tells-when-nothing-else-does",
        ),
    ],
)
def test_person_gender(nlp: Any, text: str, name: str, gender: str | None) -> None:
    people = {p.name: p.gender for p in find_people(nlp(text)).persons()}
    assert people[name] == gender


@pytest.mark.parametrize(
    ("text", "pronoun", "who"),
    [
        pytest.param(
            "Walter Penn wrote his first opera in 1874. Later that year Karl Moser sent a "
            "letter to him.",
            "him",
            "Walter Penn",
            id="an-object-is-not-its-clauses-subject",
        ),
        pytest.param(
            "Walter Penn wrote his first opera in 1874. The prize went to Penn in 1876, "
            "when Karl Moser and the critic Ivo Brandt made themselves known to him.",
            "him",
            "Walter Penn",
            id="nor-the-subject-a-small-clauses-reflexive-stands-for",
        ),
    ],
)
def test_object_pronoun(nlp: Any, text: str, pronoun: str, who: str) -> None:
    index = find_people(nlp(text))
    at = text.rindex(f" {pronoun}") + 1
    ent = index.entity_at(at, at + len(pronoun))
    assert ent is not None and ent.name == who
