"""Reported statements the frames read after tagging found where the parse misleads them
(issue 10, session 24), on made-up sentences: a verb of urging whose one urged the parse
made the subject of its "to" clause, a verb of describing whose object the parse cut in
two, and a verb of saying far from its "that".
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.frames import (
    find_as_reports,
    find_clause_reports,
    find_misread_that,
)
from tests.test_reported_reasons15 import found_by


@pytest.mark.parametrize(
    ("text", "words", "source"),
    [
        # the one urged read as the subject of the "to" clause
        (
            "Harbour board chairman Tom Hale has also implored local fishermen to unite "
            "and focus on the new pier.",
            "to unite and focus on the new pier",
            "Harbour board chairman Tom Hale",
        ),
        (
            "Ruiz exhorted the fishermen to vote against the new pier.",
            "to vote against the new pier",
            "Ruiz",
        ),
    ],
)
def test_a_to_clause_of_urging_is_what_was_urged(
    nlp: Any, text: str, words: str, source: str
) -> None:
    assert (words, source) in found_by(find_clause_reports, text, nlp)


@pytest.mark.parametrize(
    "text",
    [
        # no one urged: the "to" clause is the speaker's own purpose
        "Mr. Okafor pleaded guilty to avoid a long trial.",
        "Tom Hale asked whether the pier would open in May.",
    ],
)
def test_no_urging_without_someone_urged(nlp: Any, text: str) -> None:
    assert not [w for w, _ in found_by(find_clause_reports, text, nlp) if w.startswith("to ")]


def test_a_name_cut_in_two_objects_is_still_what_is_described(nlp: Any) -> None:
    text = (
        "At the harbour hall, Ana Ruiz on Monday dismissed Harbour Master Tom Hale as "
        "an ineffective manager of the port."
    )
    words = [w for w, _ in found_by(find_as_reports, text, nlp)]
    assert any(
        w.endswith("as an ineffective manager of the port") and "Tom Hale" in w for w in words
    )


def test_a_that_far_from_its_verb_of_saying(nlp: Any) -> None:
    text = (
        "The harbour master said in one of a series of messages on Twitter that the ferry "
        "would stop running in May."
    )
    found = found_by(find_misread_that, text, nlp)
    assert ("the ferry would stop running in May", "The harbour master") in found
