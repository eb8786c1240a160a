"""A noun of saying inside another report's words (issue 10), on hand-built sentences
written fresh: its owner's words are a report of their own, passed on by the outer
speaker ("Ruiz dismissed Lee's claim that ..."), also where the parser reads the
``that`` as a relative pronoun or hangs a ``to`` clause on the noun; a relative clause
on the noun ("the statement that was issued") is no report."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who
from tests.test_reported_nested15 import _by, _one


@pytest.mark.parametrize(
    ("text", "words", "speaker", "reported_by"),
    [
        (  # a noun with its owner and a "that" clause
            "Dana Hale sought to correct Mark Lee's comment that the harbor had been "
            "dredged last spring.\n",
            "the harbor had been dredged",
            "Mark Lee",
            "Dana Hale",
        ),
        (  # the "that" read as a relative pronoun
            "Dana Hale found no fault with Mark Lee's sharp criticism that the harbor "
            "board lied about the dredging costs.\n",
            "the harbor board lied",
            "Mark Lee",
            "Dana Hale",
        ),
        (  # an agent after the noun, and a gerund opening the words
            "Dana Hale dismissed the criticism from Mark Lee that closing the harbor "
            "office made the town less safe.\n",
            "closing the harbor office",
            "Mark Lee",
            "Dana Hale",
        ),
        (  # a "to" clause on a noun of saying
            "Dana Hale mocked Mark Lee's claim to have rebuilt the harbor in a year.\n",
            "to have rebuilt the harbor",
            "Mark Lee",
            "Dana Hale",
        ),
    ],
)
def test_a_noun_report_inside_a_report_is_its_owners(
    nlp: Any, text: str, words: str, speaker: str, reported_by: str
) -> None:
    quotes = list(run(text, nlp).quotes)
    q = _one(quotes, words)
    assert (q.kind, who(q), _by(q)) == ("indirect", speaker, reported_by)
    # the outer report stays, with its own speaker
    outer = [p for p in quotes if p.start < q.start and q.end <= p.end]
    assert outer and who(outer[0]) == reported_by


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause on the noun: what was done with the words, no report
        "Dana Hale praised Mark Lee's statement that was issued on Friday morning.\n",
    ],
)
def test_a_relative_clause_on_a_noun_is_no_report(nlp: Any, text: str) -> None:
    quotes = list(run(text, nlp).quotes)
    assert not any(q.speaker is not None and q.speaker.name == "Mark Lee" for q in quotes)
