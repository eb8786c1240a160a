"""The speaker's exact name (session 20): the fullest name the article gives, without
titles, owners or roles the parser ran into it; "the" as the article writes it before a
body's full name; a pair the article names together for "the two lawmakers".  Made-up
articles run through the real pipeline; each row lists the speakers of its quotes."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people
from saidwhen.nlp import parse
from saidwhen.pipeline import extract

CASES = [
    pytest.param(
        'Pope Benedict visited Lisbon on Sunday.\n\n"The poor come first," Benedict said at '
        "the cathedral.",
        ["Benedict"],
        id="a-regnal-title-dropped-when-the-article-names-him-bare",
    ),
    pytest.param(
        'King Harald opened the bridge in Oslo on Sunday.\n\n"The fjord is ours," King '
        "Harald said.",
        ["King Harald"],
        id="a-regnal-title-kept-when-never-dropped",
    ),
    pytest.param(
        '"They have wasted a year on this," said Finance ranking Republican Maria Velline '
        '(R-Ohio). "They should stop."',
        ["Maria Velline", "Maria Velline"],
        id="roles-the-parser-read-as-a-clause-before-a-name",
    ),
    pytest.param(
        '"We had a big issue with the trade part," United Dock Workers Secretary-Treasurer '
        "Gary Holmberg said.",
        ["Gary Holmberg"],
        id="a-hyphenated-title",
    ),
    pytest.param(
        "Senator Ana Velt and Senator Tom Brask sent a letter to the agency on Monday.\n\n"
        '"We expect an answer by Friday," the two lawmakers wrote.',
        ["Ana Velt and Tom Brask"],
        id="the-two-lawmakers-are-the-pair",
    ),
    pytest.param(
        "Finance Committee Chairman Ana Velt (R-Ohio) and Budget Committee Chairman Tom "
        "Brask (R-Iowa) sent the referral to the agency on Monday.\n\n"
        '"The numbers do not add up," the committee chairmen wrote.',
        ["Ana Velt and Tom Brask"],
        id="a-plural-role-both-of-the-pair-hold",
    ),
    pytest.param(
        "Ana Velt and Tom Brask sent the referral to the agency on Monday.\n\n"
        '"The numbers do not add up," the committee chairmen wrote.',
        ["the committee chairmen"],
        id="a-plural-role-the-pair-is-not-given",
    ),
    pytest.param(
        "Ruiz worked at Labor for years, and Labor kept her files. The Labor Department "
        'said on Monday that Labor had released them all.\n\n"We have released every '
        'page," the Labor Department said in a statement.',
        ["the Labor Department"],
        id="the-counted-over-the-full-name-not-a-short-form",
    ),
    pytest.param(
        '"It was not a serious plan," said one Republican familiar with the negotiations, '
        'who added that the governor seemed "rattled" by the vote.',
        ["one Republican familiar with the negotiations"] * 2,
        id="a-who-after-a-speakers-comma-is-that-speaker",
    ),
]


@pytest.mark.parametrize(("text", "names"), CASES)
def test_the_speaker_gets_the_exact_name(nlp: Any, text: str, names: list[str]) -> None:
    rec = extract(text, "2021-03-02", nlp=nlp)
    said = [q.speaker.name if q.speaker else None for q in rec.quotes if q.kind != "indirect"]
    assert said == names


def test_a_person_owned_by_a_body_is_a_person(nlp: Any) -> None:
    """ "the Chicago Tribune's Arun Mehtab": the tagger's ORG label over the whole
    phrase does not make him a body."""
    doc = parse(nlp, "The plan failed, the Chicago Tribune’s Arun Mehtab wrote on Monday.")
    kinds = {e.name: e.type for e in find_people(doc)._entities}
    assert kinds == {"the Chicago Tribune": "organisation", "Arun Mehtab": "person"}
