"""An "as" clause of saying set in its sentence between two commas or dashes ("Kim --
as the board noted -- rode on") reports the words on both sides of it, or only those
before it when a new clause follows ("..., as the board noted, and she ..."); not one
whose source is the speaker or a listener ("as you pointed out"), nor one the sentence
goes on after without a second comma (hand-built sentences, written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.rules import find_source_insertions
from tests.test_reported_reasons15 import found_by


@pytest.mark.parametrize(
    ("text", "words", "source"),
    [
        (
            "Harbour pilot Mara Lind -- as the union noted this week -- even praised the new"
            " tug on the radio.",
            "Harbour pilot Mara Lind -- as the union noted this week -- even praised the new"
            " tug on the radio",
            "the union",
        ),
        (
            "The old ferry, as the Island Herald reported on Monday, will sail again in May.",
            "The old ferry, as the Island Herald reported on Monday, will sail again in May",
            "the Island Herald",
        ),
        (
            "Dale Frost also met the harbour master that day, as the Island Herald reported"
            " on Tuesday, and he will join the board in June.",
            "Dale Frost also met the harbour master that day",
            "the Island Herald",
        ),
    ],
)
def test_an_as_clause_of_saying_set_in_the_sentence_reports_the_words_around_it(
    nlp: Any, text: str, words: str, source: str
) -> None:
    assert (words, source) in found_by(find_source_insertions, text, nlp)


@pytest.mark.parametrize(
    "text",
    [
        "The tide came in early, as you pointed out, Laura, and the boats stayed in port.",
        "The fares rose in May, as the board noted how many riders had left, and fell again.",
        "The fares rose in May as the board noted in its letter to the riders.",
    ],
)
def test_no_report_from_an_as_clause_that_is_not_an_insertion(nlp: Any, text: str) -> None:
    assert found_by(find_source_insertions, text, nlp) == []
