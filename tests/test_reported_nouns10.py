"""A noun of saying reports for its owner even as the object of another verb, on
made-up sentences (issue 10, session 10): ``knocked a statement by actor Ana Ruiz
that ...`` is Ruiz's report, ``did not rebut Ruiz's point, that ...`` too; the
quoted words inside go to her.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "On Monday, Tom Hale knocked a statement by actor Ana Ruiz that an "
            '"obscene amount of money" was raised at the gala.\n',
            'an "obscene amount of money" was raised at the gala',
            "Ana Ruiz",
        ),
        (
            "The answer did not rebut Ruiz's point, that Hale might be beholden to donors "
            "because he has accepted millions from banks.\n",
            "Hale might be beholden to donors because he has accepted millions from banks",
            "Ruiz",
        ),
    ],
)
def test_an_object_noun_of_saying_is_its_owners_report(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    reports = [(q.text, who(q)) for q in run(text, nlp).quotes if q.kind == "indirect"]
    assert (words, speaker) in reports


def test_the_quoted_words_of_an_owned_statement_are_the_owners(nlp: Any) -> None:
    rec = run(
        "On Monday, Tom Hale knocked a statement by actor Ana Ruiz that an "
        '"obscene amount of money" was raised at the gala.\n',
        nlp,
    )
    fragments = [(q.text, who(q)) for q in rec.quotes if q.kind == "fragment"]
    assert fragments == [("obscene amount of money", "Ana Ruiz")]


def test_a_plain_object_with_a_that_clause_is_no_noun_report(nlp: Any) -> None:
    # "the news" is no noun of saying: the clause stays the verb's report
    rec = run("Ana Ruiz told him the news that the mill had closed.\n", nlp)
    assert {who(q) for q in rec.quotes if q.kind == "indirect"} == {"Ana Ruiz"}
