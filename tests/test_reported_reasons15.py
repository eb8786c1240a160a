"""A verb of judging's object and its reason are what was said (hand-built sentences,
written fresh): "criticized X for Y", "accused X of Y", in any tense, also where the
verb is the second of its subject's; not a verb of judging with no reason, nor a
reason with another preposition, nor a verb that judges nothing, nor a negated verb."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from saidwhen.extract.speech.frames import find_as_reports
from saidwhen.extract.speech.types import Draft
from saidwhen.extract.speech.view import ArticleView


def found_by(
    finder: Callable[[ArticleView], list[Draft]], text: str, nlp: Any
) -> list[tuple[str, str | None]]:
    """(words, source mention) of each report ``finder`` reads in ``text``."""
    view = ArticleView.build(nlp(text))
    return [
        (view.text[d.start : d.end], d.speaker.mention if d.speaker else None) for d in finder(view)
    ]


def _found(text: str, nlp: Any) -> list[tuple[str, str | None]]:
    return found_by(find_as_reports, text, nlp)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "Ines Baptiste berated the harbour board for closing the pier early.",
            "the harbour board for closing the pier early",
        ),
        (
            "Ines Baptiste accused the harbour board of hiding the repair bills.",
            "the harbour board of hiding the repair bills",
        ),
        (
            "Ines Baptiste has spent the week panning the ferry company for its late sailings.",
            "the ferry company for its late sailings",
        ),
        (
            "Ines Baptiste toured the docks and praised the crews for their quick work.",
            "the crews for their quick work",
        ),
    ],
)
def test_object_and_reason_of_a_verb_of_judging(nlp: Any, sentence: str, words: str) -> None:
    assert (words, "Ines Baptiste") in _found(sentence, nlp)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ines Baptiste praised the crews on Monday.",  # no reason after the object
        "Ines Baptiste accused the harbour board for the third time.",  # not the verb's "of"
        "Ines Baptiste thanked the crews for their quick work.",  # a verb that judges nothing
        "Ines Baptiste did not blame the crews for the delay.",  # negated: nothing said
    ],
)
def test_no_reason_read_where_none_is_given(nlp: Any, sentence: str) -> None:
    assert _found(sentence, nlp) == []
