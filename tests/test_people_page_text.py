"""Names in a live blog's page text: a title glued to the end of a line of page
furniture ("... 11:19PM Donald Trump And Marco Rubio Miss The Mark") gives no longer
name ("Marco Rubio Miss"), and page text glued onto a name ("9:52PMBush",
"LevineFlagShareLikeReplyAni Vrabel") is no part of it.  Made-up pages run through
the real pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people.headlines import _title_case_lines
from saidwhen.extract.people.names import unglued
from saidwhen.pipeline import extract

PAGE = (
    "The Latest: Harbour Debate Opens With A Shout.\n\n"
    "Follow the debate with us below.\n\n"
    "12 postsSign in3 people listening Newest | Oldest Tia Rowe 5ptsmoderator"
    "FeaturedMarch 6, 2021 9:40PMDana Holt And Leo Marsh Clash Over The Toll\n"
    "Leo Marsh opened the debate by calling the toll a tax on the poor.\n"
    '"Nobody voted for this toll," Marsh said.\n'
    '"The harbour pays for itself," Dana Holt said. "We need the money."\n'
    "GreenFlagShareLikeReplyTia Rowe 5ptsmoderatorFeaturedMarch 6, 2021 9:52PMMarsh Says "
    "Toll Must Go\n"
    '"I will scrap it on the first day," Marsh told the crowd.\n'
)


def test_a_title_glued_to_page_text_adds_no_name_words(nlp: Any) -> None:
    rec = extract(PAGE, "2021-03-07", nlp=nlp)
    speakers = {q.text: q.speaker.name if q.speaker else None for q in rec.quotes}
    assert speakers["Nobody voted for this toll"] == "Leo Marsh"
    assert speakers["I will scrap it on the first day"] == "Leo Marsh"
    assert speakers["The harbour pays for itself"] == "Dana Holt"
    names = {p.name for p in rec.people}
    assert not any("Clash" in n or "PM" in n or "Flag" in n for n in names), names


@pytest.mark.parametrize(
    ("words", "name"),
    [
        (["9:52PMMarsh"], ["Marsh"]),
        (["2021", "9:12PMDana", "Holt"], ["Dana", "Holt"]),
        (["GreenFlagShareLikeReplyTia", "Rowe"], ["Tia", "Rowe"]),
        (["Ann", "BoltFlagShareLikeReplyTia", "Rowe"], ["Tia", "Rowe"]),
        (["Ronald", "McDonald"], ["Ronald", "McDonald"]),
        (["KellyAnne", "Conway"], ["KellyAnne", "Conway"]),
        (["RealClearPolitics"], ["RealClearPolitics"]),
        (["Beto", "O'Rourke"], ["Beto", "O'Rourke"]),
    ],
)
def test_page_text_glued_onto_a_name(words: list[str], name: list[str]) -> None:
    assert unglued(words) == name


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("12 postsSign in Oldest Tia Rowe 9:40PMDana Holt And Leo Marsh Clash Over The Toll", True),
        ("He met Secretary of State John Kerry", False),  # no small word capitalised
        ("She toured The Museum Of Modern Art", False),  # too few long capitals
        ("then he wrote Holt And Leo Marsh Clash Over The Toll.", False),  # a stop
    ],
)
def test_a_title_at_the_end_of_a_line(line: str, title: bool) -> None:
    spans = _title_case_lines(line)
    assert bool(spans) == title
    if title:
        assert line[spans[0][0] : spans[0][1]] == "Holt And Leo Marsh Clash Over The Toll"
