"""A quoted fragment inside a report of a report (issue 10), on hand-built sentences
written fresh: it goes to the inner speaker when the inner verb is one PolNeAR train
mostly reads as a cue in its frame ("told", "called"), and stays the outer cue's when
the inner verb is rarely one ("pushed the board")."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.lexicon import likely_cue
from tests.test_attribution import run, who
from tests.test_reported_nested15 import _by, _one


@pytest.mark.parametrize(
    ("text", "words", "speaker", "reported_by"),
    [
        (  # "X said Y told Z "...""
            'Dana Hale said Mark Lee had told the pilots there would be "no exceptions" '
            "this winter.\n",
            "no exceptions",
            "Mark Lee",
            "Dana Hale",
        ),
        (  # "X said Y called Z "...""
            'Ana Ruiz said that Mark Lee called the harbor board "a bunch of amateurs" '
            "at the hearing.\n",
            "a bunch of amateurs",
            "Mark Lee",
            "Ana Ruiz",
        ),
    ],
)
def test_a_fragment_after_an_inner_cue_is_the_inner_speakers(
    nlp: Any, text: str, words: str, speaker: str, reported_by: str
) -> None:
    q = _one(list(run(text, nlp).quotes), words)
    assert (who(q), _by(q)) == (speaker, reported_by)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # "pushed" with an object is seldom a cue: the fragment is the reporter's
            'Ana Ruiz said Mark Lee had pushed the board toward a "bolder" budget.\n',
            "bolder",
            "Ana Ruiz",
        ),
    ],
)
def test_a_fragment_after_a_rare_cue_stays_the_outer_speakers(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    q = _one(list(run(text, nlp).quotes), words)
    assert who(q) == speaker
    assert _by(q) is None


@pytest.mark.parametrize(
    ("rec", "likely"),
    [
        (None, False),  # a word the lexicon does not know
        ((1, 1), False),  # once is not enough to trust
        ((7, 20), False),  # a cue a third of the time
        ((40, 50), True),
    ],
)
def test_likely_cue(rec: tuple[int, int] | None, likely: bool) -> None:
    assert likely_cue(rec) is likely


@pytest.mark.parametrize(
    ("rec", "likely"),
    [
        ((4, 5), False),  # under the count asked
        ((5, 11), False),  # under the rate asked
        ((5, 10), True),
    ],
)
def test_likely_cue_with_its_own_thresholds(rec: tuple[int, int], likely: bool) -> None:
    # a verb heading a clause inside reported words asks more of the lexicon
    assert likely_cue(rec, count=5, rate=0.5) is likely
