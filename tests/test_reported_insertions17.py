"""An "as" clause of saying that closes its sentence ("..., as the board has admitted.")
reports the words before it; not an "as" clause whose verb has an object of its own
(hand-built sentences, written fresh; one set in the sentence: test_reported_insertions17b)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.rules import find_source_insertions
from tests.test_reported_reasons15 import found_by


@pytest.mark.parametrize(
    ("text", "words", "source"),
    [
        (
            "The number of ferry riders fell over the summer, as Ana Ruiz has sometimes admitted.",
            "The number of ferry riders fell over the summer",
            "Ana Ruiz",
        ),
        (
            "The old pier reopened on Monday, as the Island Herald reported on Tuesday.",
            "The old pier reopened on Monday",
            "the Island Herald",
        ),
    ],
)
def test_a_closing_as_clause_of_saying_reports_the_words_before_it(
    nlp: Any, text: str, words: str, source: str
) -> None:
    assert (words, source) in found_by(find_source_insertions, text, nlp)


@pytest.mark.parametrize(
    "text",
    [
        "The crowd cheered, as the mayor explained how hard the race had been.",
        "The fares rose in May, as the board noted how many riders had left the ferry.",
    ],
)
def test_no_closing_report_when_the_as_clause_is_not_one(nlp: Any, text: str) -> None:
    assert found_by(find_source_insertions, text, nlp) == []
