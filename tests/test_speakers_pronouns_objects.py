"""A subject he/she is not a person its own clause names again as an argument ("He has
declared Keller to be anointed", "He said Keller would win"): realnews-polnear-train2
traps, written fresh.  A predicate noun, an apposition, a clause of its own and a name
deep in a modifier do not count."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people


def _he(nlp: Any, text: str, word: str = "He") -> list[str | None]:
    """The person each ``word`` ("He") of ``text`` is resolved to."""
    doc = nlp(text)
    people = find_people(doc)
    return [
        getattr(people.entity_at(t.idx, t.idx + len(t)), "name", None)
        for t in doc
        if t.text == word
    ]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # the man the verb declares something of is no "he"
        (
            "Paul Ostrander spoke in Dayton on Sunday. He praised the crowd.\n\n"
            "The speeches for Senator Tom Keller were long. "
            "He has declared Keller to be anointed by God.",
            ["Paul Ostrander", "Paul Ostrander"],
        ),
        # nor the subject of the clause "he said" takes
        (
            "Paul Ostrander hosts a radio show. Last week the show turned to Senator Tom "
            "Keller. He said Keller would win Ohio.",
            ["Paul Ostrander"],
        ),
    ],
)
def test_not_a_name_in_its_own_clause(nlp: Any, text: str, who: list[str]) -> None:
    assert _he(nlp, text) == who


@pytest.mark.parametrize(
    "text",
    [
        # a clause with a subject of its own, joined by "and"
        "Senator Tom Keller arrived in Dayton on Sunday. "
        "He met Ann Lee at the airport, and Keller said it was warm.",
        # a name deep in a modifier
        "Senator Tom Keller arrived late on Sunday. "
        "He spoke at the hall where Keller first ran for office.",
        # a role the subject holds
        "Senator Tom Keller arrived late on Sunday. "
        "He served as the Director of Keller Farms for years.",
    ],
)
def test_names_that_may_be_the_subject(nlp: Any, text: str) -> None:
    assert _he(nlp, text) == ["Tom Keller"]
