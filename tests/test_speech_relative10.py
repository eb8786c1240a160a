"""A relative pronoun after a list or a title names the one right before its comma, on
made-up sentences (issue 10, session 10; the person is named in people/index.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the parser hangs the clause on the head of the list
        (
            "The gala featured stars like Tom Hanks, Meryl Streep and Stevie Wonder, who "
            'joked of the hall, "I have not seen it yet, but I will."\n',
            "I have not seen it yet, but I will.",
            "Stevie Wonder",
        ),
        # the name before "of": the senator, not the state
        (
            "Others agreed, among them Senator Tom Hale, Republican of Ohio, who said the "
            "plan was a mistake.\n",
            "the plan was a mistake",
            "Tom Hale",
        ),
    ],
)
def test_who_names_the_one_before_its_comma(nlp: Any, text: str, words: str, speaker: str) -> None:
    quotes = {q.text: who(q) for q in run(text, nlp).quotes}
    assert quotes.get(words) == speaker
