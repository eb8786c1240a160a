"""An occasion the speaker held, hosted, gave or delivered ("holding a rally in Dover",
"gave a speech") sets the narrative there, as "at a rally" does; one still to come does not.

Made-up articles, end to end (parse, quotes, timexes, dates). 2019-11-20 is a Wednesday:
Saturday is 2019-11-16.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.when.occasions import _sets_occasion
from tests.when_helpers import assert_quote_dated

SATURDAY = "2019-11-16"

_LEAD = (
    "Ana Ruiz won the county's primary on Tuesday, and her rival has asked for a recount.\n\n"
    "The county counts its ballots by hand, and a recount could take a week.\n\n"
)


@pytest.mark.parametrize(
    ("text", "quoted", "expected"),
    [
        # the speaker's rally, dated where the text sets it up: the words said there
        (
            _LEAD + "Ruiz toured the valley on Saturday, holding a rally in Dover that drew "
            "some 2,000 people.\n\n"
            "“The harbor is the heart of this county,” Ruiz told the crowd.",
            "heart of this county",
            SATURDAY,
        ),
        (
            _LEAD + "Ruiz went back to the coast on Saturday and gave a speech to dock workers "
            "in Salem.\n\n"
            "“Nobody will close this port while I am here,” Ruiz said.",
            "close this port",
            SATURDAY,
        ),
        (
            _LEAD + "Ruiz hosted a town hall in Salem on Saturday.\n\n"
            "“Nobody will close this port while I am here,” Ruiz said.",
            "close this port",
            SATURDAY,
        ),
        # someone the text does not place there: a reaction, of the article's day
        (
            _LEAD + "Ruiz toured the valley on Saturday, holding a rally in Dover that drew "
            "some 2,000 people.\n\n"
            "“She has never run anything,” Owen Pratt, her rival, said.",
            "never run anything",
            None,
        ),
        # words in the present: said to the piece, now
        (
            _LEAD + "Ruiz toured the valley on Saturday, holding a rally in Dover that drew "
            "some 2,000 people.\n\n"
            "“The harbor is the heart of this county,” Ruiz says.",
            "heart of this county",
            None,
        ),
    ],
)
def test_an_occasion_the_speaker_holds_dates_the_words_said_there(
    nlp: Any, text: str, quoted: str, expected: str | None
) -> None:
    assert_quote_dated(nlp, text, quoted, expected)


@pytest.mark.parametrize(
    ("attribution", "expected"),
    [
        ("she said while holding a rally in Dover", True),
        ("he held a news conference on Friday", True),
        ("the mayor, who hosted a forum on the budget", True),
        ("she gave a speech to the union", True),
        ("delivering an address to the council", True),
        ("at a rally in Dover", True),
        # what the words were about, not where they were said
        ("she criticized the rally in Dover", False),
        ("he said the debate on taxes was over", False),
        ("she gave the budget a week", False),
        ("a feed that gave readers a glimpse inside the rally", False),
        # one still to come
        ("she intends to deliver an address at the fair", False),
        ("he will hold a rally in Salem", False),
    ],
)
def test_occasion_settings(attribution: str, expected: bool) -> None:
    assert _sets_occasion(attribution) is expected
