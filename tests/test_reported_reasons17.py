"""Verbs of describing and judging mined from PolNeAR train: what they say their object
is ("knocked the toll as unfair", "cited the drought as the cause") and the reason
("charged the mayor with lying") are reported (hand-built sentences, written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.frames import find_as_reports
from tests.test_reported_reasons15 import found_by


@pytest.mark.parametrize(
    ("sentence", "words", "source"),
    [
        (
            "The ferry captains have knocked the new toll as unfair.",
            "the new toll as unfair",
            "The ferry captains",
        ),
        (
            "Ana Ruiz has cited the drought as a reason to delay the vote.",
            "the drought as a reason to delay the vote",
            "Ana Ruiz",
        ),
        (
            "The union charged the mayor with hiding the report.",
            "the mayor with hiding the report",
            "The union",
        ),
        (
            "The council has framed the toll as fair.",
            "the toll as fair",
            "The council",
        ),
    ],
)
def test_mined_verb_reports_what_it_says_of_its_object(
    nlp: Any, sentence: str, words: str, source: str
) -> None:
    assert (words, source) in found_by(find_as_reports, sentence, nlp)
