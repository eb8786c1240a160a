"""Speakers of reported statements found with a wrong or no speaker (issue 10, session
25), on made-up sentences: a maker's name is not its product's fuller name, a "they"
after a party or a nation named as a group is that group, and a participle of saying
the parse conjoined deep inside an earlier participle's words is the same source's.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import report_source, run

# (the words of a report, who said them)
SOURCES = [
    pytest.param(
        "Zentro, Halvik's new video service, opens today. Halvik Zentro costs $10 a "
        "month, and Halvik's Zentro has few games.\n\nHalvik says the service will work "
        "on phones next year.",
        "the service will work on phones",
        "Halvik",
        id="the-maker-that-owns-a-product-named-after-it",
    ),
    pytest.param(
        "Marlin Aerospace bid for the contract. Marlin said it submitted a proposal "
        "that would use the new rocket.",
        "it submitted a proposal",
        "Marlin Aerospace",
        id="a-two-word-body-with-no-product-beside-it-stays-whole",
    ),
    pytest.param(
        "Several senior Republicans close to the mayor pointed to an earlier vote. They "
        "likened his trouble to that of a past governor.",
        "his trouble to that of a past governor",
        "Several senior Republicans close to the mayor",
        id="they-after-a-party-named-as-a-group",
    ),
    pytest.param(
        "Republicans in the state senate met on Tuesday. They said the bill would pass "
        "by the end of the month.",
        "the bill would pass",
        "Republicans in the state senate",
        id="they-after-a-party-in-a-body",
    ),
    pytest.param(
        "Through the spring, Ruiz had kindly praised Vance, noting there was a gain to "
        'having him on the board and chiding the press for "a tired habit" of casting '
        "rivals as foes.",
        "the press for",
        "Ruiz",
        id="a-next-act-conjoined-inside-the-words",
    ),
    pytest.param(
        "Ana Ruiz and Tom Hale met on Monday. One of the editors of that 2017 survey, "
        "Tom Hale, said the city would at last act on its advice.",
        "the city would at last act",
        "Tom Hale",
        id="a-year-inside-a-description-named-in-apposition-closes-nothing",
    ),
]


@pytest.mark.parametrize(("text", "words", "source"), SOURCES)
def test_the_source_of_a_report(nlp: Any, text: str, words: str, source: str) -> None:
    assert report_source(run(text, nlp), words)[0] == source


@pytest.mark.parametrize(
    ("text", "words", "wrong"),
    [
        (
            "Tom Hale may run again. The first man to win a recall vote in the county "
            "claims he doubts Hale will enter the race.",
            "he doubts Hale will enter",
            "Tom Hale",
        ),
    ],
)
def test_a_description_is_not_whom_its_clause_talks_of(
    nlp: Any, text: str, words: str, wrong: str
) -> None:
    assert report_source(run(text, nlp), words)[0] != wrong


def test_a_description_may_be_whom_a_clause_inside_its_words_names(nlp: Any) -> None:
    # a name in a relative clause on a word of what it says is no one it talks of
    text = (
        "Ruiz has praised Vance, saying he was a stronger leader than Governor Tom Hale. "
        '"I hope you find them," Ruiz told reporters. The Republican nominee for the autumn '
        'race later said he had been "joking" in his remarks, which drew alarm and claims '
        "that Ruiz was asking a rival state to meddle."
    )
    assert report_source(run(text, nlp), "he had been")[0] == "Ruiz"
