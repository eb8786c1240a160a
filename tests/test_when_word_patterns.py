"""Patterns the quote dates ask per quote: a surname as a whole word, compiled once
(``when.base._word``), and an attribution's channel read only where a channel word is
(``_frame_channel`` finds nothing where ``_channel_key`` finds no word)."""

from __future__ import annotations

import pytest

from saidwhen.extract.when.base import _word
from saidwhen.extract.when.evidence import _channel_key, _frame_channel


@pytest.mark.parametrize(
    ("word", "text", "found"),
    [
        ("Ruiz", "Ana Ruiz told the board on Monday.", True),
        ("Ruiz", "Ruiz, the mayor, spoke.", True),
        ("Ruiz", "The Ruizes spoke.", False),
        ("Lee", "Glee clubs met.", False),
        ("O'Neil", "said O'Neil.", True),
        ("Ruiz", "ruiz spoke.", False),  # case counts, as before
    ],
)
def test_word_is_whole(word: str, text: str, found: bool) -> None:
    assert (_word(word).search(text) is not None) is found
    assert _word(word) is _word(word)  # compiled once


@pytest.mark.parametrize(
    "frame",
    [
        "he said in a blog post on Tuesday",
        "she tweeted",
        "Lee posted on Facebook",
        "he told reporters at a press conference",
        "a signer of the letter, told the Gazette",
        "she said",
        "he told reporters",
        "",
    ],
)
def test_no_channel_word_no_channel(frame: str) -> None:
    if not _channel_key(frame):
        assert _frame_channel(frame) == set()
    else:
        assert _frame_channel(frame) <= {w.lower() for w in _channel_key(frame)} | {"tweet", "post"}
