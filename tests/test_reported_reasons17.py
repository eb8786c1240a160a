"""Verbs of describing and judging mined from PolNeAR train: what they say their object
is ("knocked the toll as unfair", "cited the drought as a reason") are reported, and the
acts of saying whose ``that`` clause is what was said ("joked that ...") (hand-built
sentences, written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.frames import find_as_reports, find_clause_reports
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


@pytest.mark.parametrize(
    ("sentence", "words", "source"),
    [
        (
            "Ana Ruiz joked that the ferry had never once left on time.",
            "that the ferry had never once left on time",
            "Ana Ruiz",
        ),
        (
            "The harbour board estimates that the new pier will cost two million.",
            "that the new pier will cost two million",
            "The harbour board",
        ),
        (
            "Tom Reed recalled that the old bridge had closed every winter.",
            "that the old bridge had closed every winter",
            "Tom Reed",
        ),
    ],
)
def test_mined_act_of_saying_reports_its_that_clause(
    nlp: Any, sentence: str, words: str, source: str
) -> None:
    assert (words, source) in found_by(find_clause_reports, sentence, nlp)
