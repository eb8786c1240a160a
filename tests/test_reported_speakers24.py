"""Reported statements: who their source mention names (session 24, issue 10).
Hand-written sentences; the ``nlp`` fixture is in conftest.py."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


def _speakers(text: str, words: str, nlp: Any) -> list[str | None]:
    """The speakers of the reported statements whose words hold ``words``."""
    return [who(q) for q in run(text, nlp).quotes if q.kind == "indirect" and words in q.text]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # what its own clause says someone issued speaks for them
        (
            "Ana Ruiz, a developer, spoke on Monday. Ruiz has invested in three of the firms "
            "she criticizes, according to new financial documents she submitted to the state.",
            "Ruiz has invested",
            "Ana Ruiz",
        ),
        (
            "Marc Okafor worked for the ministry. He was paid $2 million last year, according "
            "to reports Mr. Okafor filed as a registered lobbyist.",
            "He was paid",
            "Marc Okafor",
        ),
        (
            "Staff searched the files of three aides, according to a declaration filed in "
            "federal court by John Hale, director of the records office.",
            "Staff searched",
            "John Hale",
        ),
        (
            "Casino revenue fell 4 percent in May, according to data released Friday by "
            "state gaming regulators.",
            "Casino revenue fell",
            "state gaming regulators",
        ),
        # a work's maker, not the place named after the maker
        (
            "A fair wage for a single adult in the county is about $15 an hour, according to "
            "calculations by Dana Whitfield of the Harbor Institute.",
            "A fair wage",
            "Dana Whitfield",
        ),
        # a thing no one is said to issue keeps its own words
        (
            "Turnout fell in the north, according to figures from the last census.",
            "Turnout fell",
            "figures from the last census",
        ),
    ],
)
def test_a_document_speaks_for_who_issued_it(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert _speakers(text, words, nlp) == [speaker]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a word inside a body's name is no kind of it ...
        (
            "The Campaign Legal Center has asked for the records. Mike Huckabee has given "
            "paid speeches. Huckabee's campaign said he has not accepted any new gigs.",
            "he has not accepted",
            "Huckabee's campaign",
        ),
        # ... the word that heads it is
        (
            "The Federal Bureau of Investigation opened a case. The bureau said that it would "
            "finish by May.",
            "that it would finish",
            "the Federal Bureau of Investigation",
        ),
    ],
)
def test_a_body_is_described_by_its_head_word(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert _speakers(text, words, nlp) == [speaker]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # some of someone's people are those people, not the one they belong to ...
        (
            "Senator Ana Ruiz changed her position on trade. Some of Ruiz's longtime allies "
            "said they have come to accept it.",
            "they have come to accept it",
            "Some of Ruiz's longtime allies",
        ),
        # ... but one of them named in apposition is that one
        (
            "Senator Ana Ruiz changed her position on trade. One of her advisers, Tom Lee, "
            "said the senator had not changed her mind.",
            "the senator had not changed",
            "Tom Lee",
        ),
    ],
)
def test_some_of_someones_people_speak_for_themselves(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert _speakers(text, words, nlp) == [speaker]
