"""Who a "he said" goes on with (made-up texts): the one who spoke, not the subject of
what they said ("The levy that Ruiz drew up, Hale said, ..."), and a name set in apposition to its
sentence's subject ("The other driver, his brother Tom Hale, 40, said") is that subject."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, speaker_of
from tests.test_speakers_pronouns_objects import _he

# the speaker of a parenthetical "Hale said" against the subject of what he said
PARENTHETICAL = (
    "Tom Hale, the harbour master, spoke on Monday about the ferry levy. "
    "Like the toll before it, Mr. Hale said, the levy that Dan Ruiz drew up was a mistake. "
    '"Nobody asked the fishermen," he said.\n'
)
# the same said plainly: the subject of the reported clause was never the pick
PLAIN = (
    "Tom Hale, the harbour master, spoke on Monday about the ferry levy. "
    "Mr. Hale said that the levy that Dan Ruiz drew up was a mistake. "
    '"Nobody asked the fishermen," he said.\n'
)
# and one who speaks in the main clause, where the subject is still the pick
MAIN = (
    "Tom Hale, the harbour master, spoke on Monday about the ferry levy. "
    "Later, Dan Ruiz defended the levy in a speech to the council. "
    '"Nobody asked the fishermen," he said.\n'
)
# a name in apposition to the subject, through a second apposition
TWO_APPOSITIONS = (
    "Dan Ruiz had driven the lorry for ten years.\n\n"
    "The other driver, his brother Tom Hale, 40, blamed Mr. Ruiz's boss, Carl Ortiz, "
    "for the delay. "
    '"He never checks the brakes," he said.\n'
)
# a name the parser hangs on the last noun of the subject's phrase
APPOSITION_AFTER_OBJECT = (
    "Dan Ruiz won the county in 2012.\n\n"
    "One farmer backing Mr. Ortiz, Tom Hale of Miller Creek, said he had called "
    "forty neighbours. "
    '"They all want the road paved," he said.\n'
)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a speaker set into the clause they report weighs as a main subject
        ("Tom Hale spoke on Monday. The levy, Mr. Hale said, was a mistake.", 2),
        ("Tom Hale spoke on Monday. The boats sail in turn, Hale noted, so the vote is over.", 2),
        # one in a clause of its own does not
        ("Tom Hale spoke on Monday. The levy that Hale said was too high passed.", 1),
    ],
)
def test_a_parenthetical_speaker_is_a_main_subject(nlp: Any, text: str, level: int) -> None:
    from saidwhen.extract.people import find_people

    people = find_people(nlp(text))
    at = text.rindex("Hale")
    assert people._flags[at][1] == level


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (PARENTHETICAL, "Nobody asked", "Tom Hale"),
        (PLAIN, "Nobody asked", "Tom Hale"),
        (MAIN, "Nobody asked", "Dan Ruiz"),
        (TWO_APPOSITIONS, "He never checks", "Tom Hale"),
        (APPOSITION_AFTER_OBJECT, "They all want", "Tom Hale"),
    ],
)
def test_who_he_goes_on_with(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert speaker_of(run(text, nlp), words) == speaker


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # the one asked is the "he" of the question put to him
        (
            "The hearing opened late. Senator Tom Hale began by asking Dan Ruiz why he "
            "had closed the mill.",
            ["Dan Ruiz"],
        ),
        (
            "Dan Ruiz spoke on Thursday. The host, Tom Hale, asked Ruiz about remarks he "
            "had made the night before.",
            ["Dan Ruiz"],
        ),
        # the person an opening "As for" sets as the topic
        (
            "Dan Ruiz skipped the debate. Tom Hale warned against a brokered convention. "
            '"That would be a disaster," the senator said.\n\n'
            "As for Ruiz, he said the vote was not over.",
            ["Dan Ruiz"],
        ),
        # not the asker when the question is put to no one named
        (
            "Dan Ruiz spoke on Thursday. Tom Hale asked the crowd whether he should run.",
            ["Tom Hale"],
        ),
        # nor in a clause beside the question: a reason, what came next
        (
            "Dan Ruiz spoke on Thursday. Tom Hale asked Dan Ruiz to leave because he was "
            "tired of the noise.",
            ["Tom Hale"],
        ),
        (
            "Dan Ruiz spoke on Thursday. Tom Hale asked Dan Ruiz a question, and he then "
            "left the room.",
            ["Tom Hale"],
        ),
    ],
)
def test_the_one_asked_or_set_as_topic(nlp: Any, text: str, who: list[str | None]) -> None:
    assert _he(nlp, text, "he") == who
