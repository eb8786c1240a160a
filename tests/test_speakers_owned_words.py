"""A quote introduced by a noun of saying that someone owns ("Ruiz's claim about "...",
"her lines - like "..."", "His promise was that "..."") is the owner's words, not those
of the verb that reports on them ("the panel ruled that ..."); a quote that only says
what someone thinks of the words ("called Ruiz's remarks "toxic"") is not (realnews
tuning sets, several outlets; written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


def _speaker_of(text: str, nlp: Any, words: str) -> str | None:
    qs = [q for q in run(text, nlp).quotes if q.kind != "indirect" and q.text.startswith(words)]
    assert qs, words
    return who(qs[0])


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Fact checkers weigh in on the mayor.\n\n"
            "The Harbor Review looked at Mayor Ana Ruiz's figures on Monday. Ruiz's "
            "claim about \u201cdozens of closed clinics\u201d in the county drew a "
            "rebuke from the panel, which found only four.\n",
            "dozens of closed clinics",
            "Ana Ruiz",
        ),
        (
            "A senator's long road.\n\n"
            "Senator Tom Keller won his first race in 1998. Friends say he rarely "
            "changed course. His promise, repeated at every stop that spring, was that "
            "\u201cno farm will close while I am in office,\u201d and voters believed "
            "him.\n",
            "no farm will close",
            "Tom Keller",
        ),
        (
            "The candidate changes her tune.\n\n"
            "According to aides, Governor Lena Park has worried for weeks that her "
            "stock lines - like \u201cI keep my word, and I get things done\u201d - sound "
            "tired to young voters.\n",
            "I keep my word",
            "Lena Park",
        ),
        (
            "A builder turns on the council.\n\n"
            "Until last year, developer Tom Keller had hardly said a word against the "
            "council. His complaint, according to an interview with a local paper at the "
            "time, was the council's choice of site: \u201cThey picked a swamp! I mean, "
            "terrible choice.\u201d\n",
            "They picked a swamp",
            "Tom Keller",
        ),
    ],
)
def test_the_owner_of_the_words_speaks(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert _speaker_of(text, nlp, words) == speaker


def test_a_judgement_of_the_words_is_not_theirs(nlp: Any) -> None:
    text = (
        "Council members split over the remarks.\n\n"
        "Councillor Dan Hale, who has called Mayor Ana Ruiz's remarks \u201cdeeply "
        "unfair,\u201d said he would vote against the plan.\n"
    )
    assert _speaker_of(text, nlp, "deeply unfair") == "Dan Hale"
