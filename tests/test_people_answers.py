"""Once find_people has built the index, entity_at remembers its answers: the same as the
index gives without remembering, asked once or twice, and forgotten when a mention is
added (articles written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people

TEXT = (
    "Mayor Ann Cole opened the new harbour on Monday. Cole, 58, said the quotas would "
    "stay. Her deputy, Tom Lee, disagreed, and a spokesman for the fishermen said they "
    "would appeal. The spokesman added that the mayor had not listened.\n"
)


def _spans(doc: Any) -> list[tuple[int, int]]:
    """Every token, and every noun phrase, as a character span."""
    out = [(t.idx, t.idx + len(t)) for t in doc if not t.is_space]
    out += [(c.start_char, c.end_char) for c in doc.noun_chunks]
    return out


def _name(ent: Any) -> str | None:
    return None if ent is None else ent.name


@pytest.mark.parametrize("rounds", [1, 2, 3])
def test_remembered_answers_are_the_answers(nlp: Any, rounds: int) -> None:
    # the same questions in the same order (an answer may add a description's source,
    # which changes later answers)
    doc = nlp(TEXT)
    fresh = find_people(doc)
    fresh._answers = None  # works out every answer
    settled = find_people(doc)
    questions = _spans(doc) * rounds
    want = [_name(fresh.entity_at(s, e)) for s, e in questions]
    got = [_name(settled.entity_at(s, e)) for s, e in questions]
    assert got == want
    assert "Ann Cole" in got
    assert settled._answers


def test_a_mention_added_is_an_answer(nlp: Any) -> None:
    doc = nlp(TEXT)
    people = find_people(doc)
    at = TEXT.index("harbour")
    span = (at, at + len("harbour"))
    assert people.entity_at(*span) is None
    cole = people.entity_at(TEXT.index("Ann Cole"), TEXT.index("Ann Cole") + len("Ann Cole"))
    assert cole is not None
    people._add_mention(cole, *span)
    assert people.entity_at(*span) is cole
