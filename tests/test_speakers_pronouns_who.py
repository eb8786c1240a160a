"""A person named as the subject of a relative clause ("there was Tom Lee, who said
...", "thanks to Ana Ruiz, a delegate who dressed up ...") is a subject for the he/she
after it: the one the paragraph is about, over a person named in passing (made-up
texts)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run
from tests.test_speakers_pronouns_near import _speaker_of

# Lee is no subject of the verb ("there was"); Hale and Park are named after him, in
# passing, as objects
EXISTENTIAL_WHO = (
    "Mayor Dan Hale has run Velo for ten years.\n\n"
    "First there was the harbour engineer Tom Lee, who, after a quarrel with Mr. Park over "
    "Mr. Hale, said on the radio that the port was ''sinking into the mud.''\n\n"
    "Those who keep dredging it, he said, are wasting the city's money.\n"
)
# a newcomer in an apposition with a "who" clause, then a quote with "he said"
APPOSITION_WHO = (
    "Mayor Dan Hale spoke for an hour. He promised a new ferry and he thanked the crew.\n\n"
    "Ana Ruiz made an appearance of sorts, courtesy of Tarn Okafor, a delegate from Orla "
    "who dressed up as a lobster.\n\n"
    '"I thought it would be funny to come as what I catch," he said.\n'
)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        pytest.param(EXISTENTIAL_WHO, "Those who keep", "Tom Lee", id="there-was-x-who-said"),
        pytest.param(APPOSITION_WHO, "I thought it", "Tarn Okafor", id="x-a-delegate-who"),
    ],
)
def test_a_who_clauses_subject_is_a_subject(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert _speaker_of(run(text, nlp), words) == speaker
