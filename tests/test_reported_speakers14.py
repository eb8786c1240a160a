"""Reported speech given to the right one (session 14): classes of error seen on real
news, each with hand-made sentences (never text from the evaluation sets)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


def _report(rec: Any, start: str) -> Any:
    (q,) = [q for q in rec.quotes if q.kind == "indirect" and q.text.startswith(start)]
    return q


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # the body speaks before its manager is named
        (
            "Ana Ruiz raised $4 million in March, her campaign announced on Friday. "
            '"We are thrilled," said Tom Hale, Ruiz\'s campaign manager.\n',
            "Ana Ruiz raised",
        ),
        # and after
        (
            '"We are thrilled," said Tom Hale, Ruiz\'s campaign manager.\n\n'
            "Her campaign said she ended March with $2 million in the bank.\n",
            "she ended March",
        ),
        (
            "Pia Lund, the ministry's press officer, took questions on Monday.\n\n"
            "The ministry said the bridge would reopen in June.\n",
            "the bridge would reopen",
        ),
    ],
)
def test_a_body_is_not_the_person_who_works_for_it(nlp: Any, text: str, start: str) -> None:
    q = _report(run(text, nlp), start)
    assert who(q) not in ("Tom Hale", "Pia Lund")
    assert (who(q) or "").split()[-1] in ("campaign", "ministry")


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        # three verbs of one subject: the parse may make the first a clause of the second
        (
            "Mayor Ana Ruiz summed up the budget as “reckless,” denounced its authors and "
            "said the council should vote again.\n",
            "the council should",
            "Ana Ruiz",
        ),
        # the subject hung on the auxiliary of a relative clause
        (
            "The plan suits the mayor, Carl Moss, who is by all accounts enjoying his new "
            "post and is saying he will not step down.\n",
            "he will not step down",
            "Carl Moss",
        ),
    ],
)
def test_a_subject_the_parse_put_elsewhere_is_found(
    nlp: Any, text: str, start: str, speaker: str
) -> None:
    assert who(_report(run(text, nlp), start)) == speaker


def test_a_document_of_an_owned_body_is_the_bodys(nlp: Any) -> None:
    """ "Ruiz's campaign sent out an email ... the email said": the campaign wrote it, not
    Ruiz; "her campaign" after it is the same body."""
    rec = run(
        "Ana Ruiz lost the primary on Tuesday.\n\n"
        "Ruiz's campaign sent out an email appeal that looked ahead. "
        '"We need to win the states ahead," the email said.\n\n'
        "Her campaign also said she would campaign in Ohio.\n",
        nlp,
    )
    (q,) = [q for q in rec.quotes if q.text.startswith("We need")]
    assert who(q) == "Ruiz's campaign"
    assert who(_report(rec, "she would campaign")) == "Ruiz's campaign"
