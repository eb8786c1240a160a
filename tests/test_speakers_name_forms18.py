"""The exact name of an unnamed source, the same for every quote its one mention gives.

"'...,' said a longtime adviser to Lee, who declined to be named. '...'": both quotes are
the adviser's, and both take the fullest words of the one mention ("a longtime adviser to
Lee"), not the shorter span the second quote was read from.  A body's website speaks for
the body, named with the "the" the article writes before it ("the Hale Institute website"
is the Hale Institute's).  Made-up articles run through
the real pipeline, with the names their quotes' speakers must get."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.pipeline import extract

CASES = [
    pytest.param(
        "Mayor Ellen Park faced a hard week.\n\n"
        '"The budget is a mess," said a longtime adviser to Park, who declined to be '
        'identified. "She knows it."',
        "She knows it.",
        "a longtime adviser to Park",
        id="the-second-quote-of-one-mention",
    ),
    pytest.param(
        "Mayor Ellen Park faced a hard week.\n\n"
        '"The budget is a mess," said a longtime adviser to Park, who declined to be '
        'identified. "She knows it."',
        "The budget is a mess",
        "a longtime adviser to Park",
        id="the-first-quote-of-one-mention",
    ),
    pytest.param(
        "The council met on Monday.\n\n"
        '"We lost the vote," said a Republican consultant in the city. "We knew it."',
        "We knew it.",
        "a Republican consultant in the city",
        id="a-place-after-the-source",
    ),
    pytest.param(
        "Tariq Selim was on the flight.\n\n"
        'His cousin Osman Abu Laban posted a prayer. "Lord, have mercy on them," Abu Laban '
        "wrote.",
        "Lord, have mercy on them",
        "Osman Abu Laban",
        id="a-named-person-is-not-changed",
    ),
    pytest.param(
        "The Hale Institute released its figures on Monday.\n\n"
        '"Growth is slowing," the Hale Institute website says.',
        "Growth is slowing",
        "the Hale Institute",
        id="a-bodys-website-speaks-for-it",
    ),
    pytest.param(
        '"We will not back down," the Sierra Club website said on Tuesday.',
        "We will not back down",
        "the Sierra Club",
        id="the-before-a-name-only-seen-before-a-noun",
    ),
    pytest.param(
        'Sierra Club members met on Monday. "We will not back down," the Sierra Club website said.',
        "We will not back down",
        "Sierra Club",
        id="no-the-when-the-article-writes-none",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CASES)
def test_one_mention_one_name(nlp: Any, text: str, words: str, speaker: str) -> None:
    rec = extract(text, "2021-05-03", nlp=nlp)
    found = {q.text: q.speaker.name if q.speaker else None for q in rec.quotes}
    assert found.get(words) == speaker, found
