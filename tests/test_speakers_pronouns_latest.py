"""A subject pronoun takes up the subject of the latest sentence that has one, even a
subordinate clause's, over a main subject a sentence earlier; within one sentence the
subject highest in the parse wins (made-up texts)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, speaker_of

# Hale is the main subject; the next sentence's only person subject is Ruiz, in a
# clause under "there are pages"
LATER_SUBORDINATE = (
    '"The harbour is too shallow for the new ferries," says Tom Hale, who runs the port.\n\n'
    "In his report there are pages where Dan Ruiz lists the costs. "
    '"We cannot wait another year," he says.\n'
)
# the same, the subordinate subject in the pronoun's own sentence
OWN_SENTENCE = (
    '"The harbour is too shallow for the new ferries," says Tom Hale, who runs the port.\n\n'
    'When Dan Ruiz was asked about the costs, "We cannot wait another year," he said.\n'
)
# one sentence, a main subject and a subordinate one: the main subject still wins
SAME_SENTENCE = (
    "Tom Hale said on Monday that Dan Ruiz had reported the costs.\n\n"
    '"We cannot wait another year," he said.\n'
)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [(LATER_SUBORDINATE, "Dan Ruiz"), (OWN_SENTENCE, "Dan Ruiz"), (SAME_SENTENCE, "Tom Hale")],
)
def test_the_latest_sentences_subject(nlp: Any, text: str, speaker: str) -> None:
    assert speaker_of(run(text, nlp), "We cannot wait") == speaker
