"""A verb of saying that closes its sentence reports the words before it, however the
parser hung the two clauses; not words that go on after the cue, nor a clause of the
saying's time (hand-built sentences, written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.frames import find_clause_reports
from tests.test_reported_reasons15 import found_by


def _found(text: str, nlp: Any) -> list[tuple[str, str | None]]:
    return found_by(find_clause_reports, text, nlp)


@pytest.mark.parametrize(
    ("text", "words", "source"),
    [
        (
            "A ten-year run of rising ferry fares will end this spring, sooner than planned, "
            "the island's Harbour Board reported on Monday -- a turn that surprised the "
            "captains.",
            "A ten-year run of rising ferry fares will end this spring, sooner than planned",
            "the island's Harbour Board",
        ),
        (
            "Ferry Fares to Fall\n\nLISBON -- The old pier will reopen in May after the "
            "repairs, the harbour master told reporters.",
            "The old pier will reopen in May after the repairs",
            "the harbour master",
        ),
    ],
)
def test_a_closing_verb_of_saying_reports_the_words_before_it(
    nlp: Any, text: str, words: str, source: str
) -> None:
    assert (words, source) in _found(text, nlp)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The new pier, Ana Ruiz said, would never be finished.", "The new pier"),
        (
            "But when the council cut the money for the ferry a year later, Ana Ruiz said enough.",
            "when the council cut the money for the ferry a year later",
        ),
    ],
)
def test_no_closing_report_of_words_that_are_not_said(nlp: Any, text: str, words: str) -> None:
    assert all(w != words for w, _ in _found(text, nlp))
