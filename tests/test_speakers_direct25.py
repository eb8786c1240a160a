"""The person behind a direct quote through a he/she (session 25, issue 10): one that
speaks after an unnamed newcomer, met as the indefinite subject of a main clause ("One
shopper was worried ... '...,' she said"), since the person of its gender in view was
last named, is that newcomer. Sentences written fresh."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, speaker_of

MARKET = "Mayor Ann Lee opened the new fish market on Saturday.\n\nAt the market, "
QUOTE_SHE = '"Nobody is buying today," she said.\n'


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a he/she that speaks after an unnamed newcomer, met as the indefinite subject
        # of a clause since the woman in view was last named: the newcomer
        (MARKET + "a young mother was worried about prices. " + QUOTE_SHE, "a young mother"),
        # the newcomer is a man: not her
        (MARKET + "a young man was worried about prices. " + QUOTE_SHE, "Ann Lee"),
        # the subject of a clause inside another is no newcomer the text turns to
        (
            "Mayor Ann Lee opened the new fish market on Saturday. She was pressed on prices "
            "when a young mother asked why fish cost more.\n\n" + QUOTE_SHE,
            "Ann Lee",
        ),
        # a woman named after the newcomer: the one named
        (
            MARKET
            + "a young mother was worried about prices. Lee disagreed with her. "
            + QUOTE_SHE,
            "Ann Lee",
        ),
    ],
)
def test_a_pronoun_after_an_unnamed_newcomer(nlp: Any, text: str, speaker: str) -> None:
    assert speaker_of(run(text, nlp), "Nobody is buying") == speaker
