"""Reported speech on hand-built sentences (issue 10, written fresh, session 18): a source
that is a thing someone owns speaks for its owner
(:func:`saidwhen.extract.speech.syntax.speaking_owner`, named by
:func:`saidwhen.extract.speech.frames.settle_sources` and, through a relative pronoun, by
:func:`saidwhen.extract.speech.lone.name_through_relative`); the mention stays the thing,
as PolNeAR marks it.  People and bodies speak for themselves ("her spokesman", "the
mayor's office", "his backers")."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import report_source as _report
from tests.test_attribution import run

_OPENING = "Harbour Mayor Celia Brandt spoke at the ferry terminal on Monday.\n\n"


@pytest.mark.parametrize(
    ("sentence", "words", "name", "thing"),
    [
        # a pronoun owner: the plan is hers
        (
            "According to her harbour plan, ferry operators must repay any grants they received.",
            "ferry operators must repay",
            "Celia Brandt",
            "plan",
        ),
        # a named owner of a body part
        (
            "Brandt's voice cracked during the long speech and urged islanders to back the new "
            "timetable.",
            "islanders to back the new timetable",
            "Brandt",
            "voice",
        ),
        # through a relative pronoun: the plan is the mayor's
        (
            "She sent a memo to the council explaining her plan, which calls for "
            "doubling the ferry fares in winter.",
            "doubling the ferry fares",
            "Celia Brandt",
            "which",
        ),
    ],
)
def test_a_thing_someone_owns_speaks_for_its_owner(
    nlp: Any, sentence: str, words: str, name: str, thing: str
) -> None:
    said, mention = _report(run(_OPENING + sentence + "\n", nlp), words)
    assert said is not None and said.endswith(name)
    assert mention is not None and thing in mention


@pytest.mark.parametrize(
    ("sentence", "words", "mention"),
    [
        ("Brandt's spokesman said the fares would rise in May.", "fares would rise", "spokesman"),
        (
            "Brandt's biggest backers insisted the slump was only temporary.",
            "slump was only temporary",
            "backers",
        ),
        (
            "The mayor's office said the ferry would run until midnight.",
            "ferry would run",
            "office",
        ),
    ],
)
def test_people_and_bodies_speak_for_themselves(
    nlp: Any, sentence: str, words: str, mention: str
) -> None:
    said, _ = _report(run(_OPENING + sentence + "\n", nlp), words)
    assert said is not None and said.endswith(mention)


@pytest.mark.parametrize(
    ("sentence", "words", "name"),
    [
        # a thing before "for <person>, who": the person
        (
            "That kind of friendly stance toward ferry owners is hardly an anomaly for "
            "Celia Brandt, who criticized the harbour board in 2019 for cutting night "
            "crossings.",
            "the harbour board",
            "Celia Brandt",
        ),
        (
            "Such a stance is hardly an anomaly for Dana Ruiz, who criticized the harbour "
            "board in 2019 for cutting night crossings.",
            "the harbour board",
            "Dana Ruiz",
        ),
        # a person noun before "of <person>, who": the person it names
        (
            "Gov. Tom Hale of Maine, a former backer of Sen. Dana Ruiz, who has since called "
            "on islanders to back Brandt, said the race was over.",
            "to back Brandt",
            "Tom Hale",
        ),
    ],
)
def test_who_after_a_person_named_after_a_thing_is_the_person(
    nlp: Any, sentence: str, words: str, name: str
) -> None:
    said, _ = _report(run(_OPENING + sentence + "\n", nlp), words)
    assert said == name


@pytest.mark.parametrize(
    "sentence",
    [
        "She has also called on the state to tax the fuel that powers the cruise ships and "
        "proposed a night ferry for commuters.",
        "Brandt has also called on the council to cut the subsidy that funds the cruise "
        "terminal and proposed a night ferry for commuters.",
    ],
)
def test_a_thing_a_relative_pronoun_stands_for_gives_way_to_the_subject_above(
    nlp: Any, sentence: str
) -> None:
    # the parse hangs "proposed" on the relative clause: the thing cannot propose; the
    # mention stays "that", as PolNeAR marks it
    said, mention = _report(run(_OPENING + sentence + "\n", nlp), "a night ferry")
    assert (said, mention) == ("Celia Brandt", "that")
