"""Who a he/she outside quotes is when the sentence right before introduces one
person of that gender outside a subject position (realnews-polnear-tune traps,
written fresh), and when a subject there still wins."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who

LEAD = (
    "Protests continued in Charlotte on Thursday after the shooting of Ken Dale by police.\n\n"
    "Charlotte police released a video on Friday. "
    "Charlotte Mayor Ann Roberts said the city would heal.\n\n"
)
QUOTES = '"Don\'t shoot him," she says. "He has no gun."\n'

# the one woman named, by an apposition, in the sentence just before "she"
NEWCOMER = (
    LEAD + "The video was filmed by Dale's wife, Rena Dale. In it she pleads with officers.\n\n"
)
# a woman who is a subject in that sentence is still the likelier "she"
SUBJECT_THERE = (
    LEAD + "Roberts later met Dale's wife, Rena Dale. At the meeting she pleaded for calm.\n\n"
)
# named before that sentence: no newcomer, the subject preference decides
NAMED_BEFORE = (
    "Rena Dale, the wife of Ken Dale, was at home when police arrived.\n\n"
    + LEAD
    + "Roberts spoke after a video filmed by Rena Dale was shown. "
    "At the hearing she pleaded for calm.\n\n"
)


def _speaker_of(rec: Any, words: str) -> str | None:
    qs = [q for q in rec.quotes if q.text.startswith(words)]
    assert qs, words
    return who(qs[0])


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (NEWCOMER + QUOTES, "Don't shoot him", "Rena Dale"),
        (NEWCOMER + QUOTES, "He has no gun", "Rena Dale"),
        (SUBJECT_THERE + QUOTES, "Don't shoot him", "Ann Roberts"),
        (NAMED_BEFORE + QUOTES, "Don't shoot him", "Ann Roberts"),
        # a man introduced just before is no "she"
        (
            LEAD
            + "The video was filmed by Dale's brother, Tom Dale. In it she pleads for calm.\n\n"
            + QUOTES,
            "Don't shoot him",
            "Ann Roberts",
        ),
    ],
)
def test_a_pronoun_after_a_newcomer(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert _speaker_of(run(text, nlp), words) == speaker


def test_the_subject_wins_with_two_women_introduced(nlp: Any) -> None:
    text = (
        LEAD + "The video was filmed by Dale's wife, Rena Dale, and his sister, Mae Dale. "
        "In it she pleads with officers.\n\n" + QUOTES
    )
    assert _speaker_of(run(text, nlp), "Don't shoot him") == "Ann Roberts"
