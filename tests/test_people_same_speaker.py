"""One answer to "are these two mentions the same speaker?" (merge, lone quotes and the
dates of a heading's words all ask it): the people index's entity where it knows both
mentions, else the same known name (texts written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people
from saidwhen.extract.people.index import same_speaker
from saidwhen.model import Speaker

TEXT = (
    "Rosa Pinel opened the bakery on Monday. Pinel said the rent had doubled. "
    "Her neighbour, Omar Dale, said he would help.\n"
)


def _at(text: str, word: str, name: str | None, nth: int = 0) -> Speaker:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Speaker(name, word, start, start + len(word))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # a record's speakers, each named by the index: a resolved "she" is her
        (Speaker("Ana Ruiz", "Ruiz", 0, 4), Speaker("Ana Ruiz", "she", 40, 43), True),
        (Speaker("Ana Ruiz", "Ruiz", 0, 4), Speaker("Tom Lee", "Lee", 40, 43), False),
        # unresolved: "he" and "he" may be two men
        (Speaker(None, "he", 0, 2), Speaker(None, "he", 40, 42), False),
        (Speaker("", "", 0, 0), Speaker("", "", 4, 4), False),
    ],
)
def test_by_name_without_an_index(a: Speaker, b: Speaker, same: bool) -> None:
    assert same_speaker(a, b) is same
    assert same_speaker(b, a) is same


def test_by_entity_with_the_index(nlp: Any) -> None:
    doc = nlp(TEXT)
    people = find_people(doc)
    rosa = _at(TEXT, "Rosa Pinel", "Rosa Pinel")
    pinel = _at(TEXT, "Pinel", "Rosa Pinel", nth=1)
    omar = _at(TEXT, "Omar Dale", "Omar Dale")
    assert same_speaker(rosa, pinel, people)
    assert not same_speaker(rosa, omar, people)
    # the index's entity wins over a name written differently on one mention
    assert same_speaker(rosa, Speaker("R. Pinel", "Pinel", pinel.start, pinel.end), people)
    # a pronoun the index does not know at its span: its name is no proof
    at = TEXT.index("bakery")  # (a span that is no one)
    he = Speaker("Omar Dale", "he", at, at + 6)
    assert people.entity_at(he.start, he.end) is None
    assert not same_speaker(he, omar, people)
    assert same_speaker(he, omar)
