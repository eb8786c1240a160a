"""A thing named after someone ("the Ana Vell Show") gives that person's name, not a
longer one with the thing's word in it (made-up texts)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people
from saidwhen.nlp import parse


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a show: the host's name is the run without its last word
        (
            'Sitting down with "The Megan Dorsey Show" on Monday, the mayor spoke of the '
            'budget. "Is that a promise?" Dorsey asked.',
            "Megan Dorsey",
        ),
        # a body's word stays in a body's name: the foundation is no person
        (
            "The Megan Dorsey Foundation gave the school a grant. Dorsey said it was small.",
            "Megan Dorsey Foundation",
        ),
    ],
)
def test_a_thing_named_after_someone(nlp: Any, text: str, named: str) -> None:
    names = {
        e.name.removeprefix("the ").removeprefix("The ")
        for e in find_people(parse(nlp, text))._entities
    }
    assert named in names
    assert "Megan Dorsey Show" not in names
