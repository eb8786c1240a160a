"""A noun of saying with its owner reports for the owner (hand-built sentences, written
fresh): the ``to`` clause of a noun of promising or urging ("Ruiz's pledge to close
the pier"), and the ``that`` clause of a remark, a recommendation or advice; not the
``to`` clause of a noun that says nothing ("Ruiz's plan to close the pier")."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.rules import find_noun_reports
from tests.test_reported_reasons15 import found_by


def _found(text: str, nlp: Any) -> list[tuple[str, str | None]]:
    return found_by(find_noun_reports, text, nlp)


@pytest.mark.parametrize(
    ("sentence", "words", "owner"),
    [
        (
            "Commissioner Ana Ruiz's pledge to close the old pier by June drew cheers.",
            "to close the old pier by June",
            "Commissioner Ana Ruiz",
        ),
        (
            "Residents cheered Ana Ruiz's call to ban cars from the harbour road.",
            "to ban cars from the harbour road",
            "Ana Ruiz",
        ),
        (
            "The board ignored Ana Ruiz's recommendation that the ferry run all night.",
            "the ferry run all night",
            "Ana Ruiz",
        ),
        (
            "The captains followed Ana Ruiz's advice that they should stay ashore.",
            "they should stay ashore",
            "Ana Ruiz",
        ),
    ],
)
def test_owned_noun_of_saying_reports_its_clause(
    nlp: Any, sentence: str, words: str, owner: str
) -> None:
    assert (words, owner) in _found(sentence, nlp)


def test_a_noun_that_says_nothing_reports_no_clause(nlp: Any) -> None:
    assert _found("Ana Ruiz's plan to close the old pier by June drew cheers.", nlp) == []
