"""A woman's given name keeps her a woman when the he's of a passage about a man fall
right after her name ("... drawn Hillary Grant too, but he has never met Grant"); a
name of no known gender still takes its gender from the first he/she after it
(articles written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people

FILL = (
    "He has toured every town in the valley this year, and he has met farmers, teachers "
    "and nurses at each stop along the way. "
)


@pytest.mark.parametrize(
    ("rival", "gender"),
    [
        ("Hillary Grant", "female"),  # the given name says so
        ("Sasha Grant", "male"),  # no known given name: the he's after the name say so
    ],
)
def test_pronoun_votes_after_a_name(nlp: Any, rival: str, gender: str) -> None:
    text = (
        "Tom Vale opened his campaign in Elton on Monday.\n\n" + FILL * 4 + "\n\n"
        f"The race has drawn {rival} as well, but he has never met Grant. "
        "He says he will not debate Grant, and he means it.\n\n"
    )
    people = {p.name: p.gender for p in find_people(nlp(text)).persons()}
    assert people["Tom Vale"] == "male"
    assert people[rival] == gender


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        # a surname ending in -man is no role of a man, told again as "Feldman Ross"
        (
            "Rep. Dora Feldman Ross, the party's chair, opened the meeting. "
            "Feldman Ross said the rules would stay.",
            "Dora Feldman Ross",
            None,
        ),
        # a role ending in -man still is: "the fisherman"
        ("Alex Brand, a fisherman from the bay, said the catch was small.", "Alex Brand", "male"),
        ("Alex Brand, a councilwoman, said the vote was close.", "Alex Brand", "female"),
    ],
)
def test_name_words_are_no_roles(nlp: Any, text: str, name: str, gender: str | None) -> None:
    people = {p.name: p.gender for p in find_people(nlp(text)).persons()}
    assert people[name] == gender


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        # a speaker's quoted "she" is about someone else: it tells nothing of Sasha Korin
        (
            'Sasha Korin watched the vote from the back row. "She should never have run," '
            "Korin said of the mayor.",
            "Sasha Korin",
            None,
        ),
        # the quote names the woman it goes on about: its "she" tells her gender
        (
            'Tom Vale spoke first. "I have known Sasha Korin for years. She is honest," Vale said.',
            "Sasha Korin",
            "female",
        ),
    ],
)
def test_quoted_pronoun_votes_only_for_a_quoted_name(
    nlp: Any, text: str, name: str, gender: str | None
) -> None:
    people = {p.name: p.gender for p in find_people(nlp(text)).persons()}
    assert people[name] == gender
