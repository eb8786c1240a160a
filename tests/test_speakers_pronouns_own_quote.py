"""A speaker does not name themselves in their own quote: the he/she of a quote's cue is
none of the people the quote names by name (a possessive, a subject), though a name that
only modifies a noun ("Lee supporters") says nothing (made-up texts)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run
from tests.test_speakers_pronouns_near import _speaker_of

# Hale spoke last, but the quote names him: his campaign manager speaks
NAMED_INSIDE = (
    "Tom Hale won the Velo primary on Tuesday by twelve points. His campaign manager, "
    "Dan Ruiz, spoke to reporters after the count.\n\n"
    "He should get a lift from the win, Hale said.\n\n"
    "\"Many voters asked whether Senator Hale's message could carry the city, and I "
    'think tonight he proved that it could," he said.\n'
)
# a name as a modifier in the quote: still the one who speaks
MODIFIER_INSIDE = (
    "Mayor Tom Hale held a rally in Orla, and then Dan Ruiz took to Twitter.\n\n"
    '"The thugs who attacked the peaceful Ruiz supporters were paid," he tweeted.\n'
)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        pytest.param(NAMED_INSIDE, "Many voters", "Dan Ruiz", id="named-inside-the-quote"),
        pytest.param(MODIFIER_INSIDE, "The thugs", "Dan Ruiz", id="a-name-as-a-modifier"),
    ],
)
def test_the_quote_names_someone_else(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert _speaker_of(run(text, nlp), words) == speaker
