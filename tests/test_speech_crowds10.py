"""Crowds chanting, on made-up articles (issue 10, session 10): "chant" is a verb of
saying, and a participle the parser hung on a clause of place ("the stadium where the
Panthers played, chanting ...") is the marchers'."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "In the old town, hundreds of children marched around the park chanting "
            '"We will save the mill!" A small group of girls wore paper hats.\n',
            "We will save the mill!",
            "hundreds of children",
        ),
        (
            "Small groups of protesters took to the streets again Sunday to call for the "
            "release of the footage and to march outside the stadium where the Glenmoor "
            'Owls played, chanting "no justice, no peace."\n',
            "no justice, no peace.",
            "Small groups of protesters",
        ),
    ],
)
def test_a_crowd_chanting_says_the_words(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert {q.text: who(q) for q in run(text, nlp).quotes}.get(words) == speaker
