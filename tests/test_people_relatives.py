"""A relative a possessive names and no name goes with ("my husband", "his son") is an
unnamed person of that gender whom a he/she after it may be; a relative the article
names ("his wife, Rena Lee") stays that person (articles written fresh)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from saidwhen.extract.people import find_people


@pytest.mark.parametrize(
    ("text", "pronoun", "person"),
    [
        # in an interviewee's quote: her husband, not a man named outside it
        ('"My husband met the girls first," Ana Ruiz said. "He liked them."', "He", "my husband"),
        (
            "Mayor Tom Cole spoke on Monday. His son was at the fair, and he said it was fun.",
            "he",
            "his son",
        ),
        # named in an apposition: the name
        (
            "Tom Lee arrived late. His wife, Rena Lee, stayed home. Later she called.",
            "she",
            "Rena Lee",
        ),
        # named in a predicate: the name
        (
            "Mayor Tom Cole spoke on Monday. Sam Vale is his son, and he said it was fun.",
            "he",
            "Sam Vale",
        ),
    ],
)
def test_a_pronoun_after_a_relative(nlp: Any, text: str, pronoun: str, person: str) -> None:
    index = find_people(nlp(text))
    m = re.search(rf"\b{pronoun}\b", text)
    assert m is not None
    assert index.resolve(m.start(), m.end()) == person


def test_a_relative_is_a_person_of_the_noun_gender(nlp: Any) -> None:
    text = "Mayor Tom Cole spoke on Monday. His daughter was at the fair."
    people = {p.name: p for p in find_people(nlp(text)).persons()}
    assert people["his daughter"].gender == "female"
    assert people["his daughter"].type == "person"
    # the relative a name goes with is no second person
    named = "Mayor Tom Cole spoke on Monday. His daughter, Ana Cole, was at the fair."
    assert "his daughter" not in {p.name for p in find_people(nlp(named)).persons()}
