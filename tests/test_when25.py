"""Clues to a quote's date (session 25): the speaker's account told just before by a verb
of saying the date hangs on ("On Saturday, Ruiz slammed the plan ..."); "earlier this year"
as the range from the year's first day to the day before the article; the paper's
reporting frame told after the words it covers.

Made-up articles, end to end (parse, quotes, timexes, dates). 2019-11-20 is a Wednesday:
Saturday is 2019-11-16.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from saidwhen.extract.timexes import find_timexes
from saidwhen.extract.when.base import timex_when
from saidwhen.extract.when.clauses import said_on
from saidwhen.model import DateRange, Timex
from tests.when_helpers import assert_quote_dated

SATURDAY = "2019-11-16"

_LEAD = (
    "The county's harbor board will vote next month on a plan to close the old pier.\n\n"
    "The pier has lost money for a decade, and its repairs would cost $4 million.\n\n"
)


@pytest.mark.parametrize(
    ("text", "quoted", "expected"),
    [
        # the date hangs on a verb of saying the speaker did: their account, that day
        (
            _LEAD + "Mayor Ana Ruiz slammed the plan on Saturday at a meeting of fishermen.\n\n"
            "“Nobody asked the people who work on that pier,” Ruiz said.",
            "Nobody asked the people",
            SATURDAY,
        ),
        (
            _LEAD + "On Saturday, Councilor Tom Hale criticized the board for its haste.\n\n"
            "“They want it gone before anyone can read the numbers,” Hale said.",
            "before anyone can read",
            SATURDAY,
        ),
        # another speaker's account: not theirs
        (
            _LEAD + "Mayor Ana Ruiz slammed the plan on Saturday at a meeting of fishermen.\n\n"
            "“The numbers speak for themselves,” said Owen Pratt, the board's chairman.",
            "speak for themselves",
            None,
        ),
    ],
)
def test_an_account_told_by_a_verb_of_saying_dates_the_words_after_it(
    nlp: Any, text: str, quoted: str, expected: str | None
) -> None:
    assert_quote_dated(nlp, text, quoted, expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mayor Ana Ruiz slammed the plan on Saturday.", True),
        ("On Saturday, Councilor Tom Hale criticized the board for its haste.", True),
        ("Ruiz praised the fishermen at the meeting on Saturday.", True),
        # a verb of thinking, an act, a date of a thing: no telling
        ("Councilor Tom Hale feared on Saturday that the vote would come early.", False),
        ("Councilor Tom Hale sold his boat on Saturday.", False),
        ("Ruiz read Saturday's report on the pier.", False),
    ],
)
def test_a_date_on_a_verb_of_saying(nlp: Any, sentence: str, expected: bool) -> None:
    doc = nlp(sentence)
    (t,) = [t for t in find_timexes(sentence, _ANCHOR, doc=doc) if "Saturday" in t.text]
    assert said_on(doc, t) is expected


_ANCHOR = dt.date(2019, 11, 20)


def _timex(text: str, value: str, granularity: str) -> Timex:
    return Timex(text, 0, len(text), "DATE", value, date=value, granularity=granularity)


@pytest.mark.parametrize(
    ("timex", "expected"),
    [
        # earlier in the period: from its first day to the day before the article
        (
            _timex("earlier this year", "2019", "year"),
            (None, DateRange("2019-01-01", "2019-11-19")),
        ),
        (
            _timex("Earlier in the year", "2019", "year"),
            (None, DateRange("2019-01-01", "2019-11-19")),
        ),
        # the period itself, or its first days: no more precise than the text
        (_timex("this year", "2019", "year"), ("2019", None)),
        (_timex("early this year", "2019", "year"), ("2019", None)),
        (_timex("earlier this month", "2019-11", "month"), ("2019-11", None)),
        (_timex("last year", "2018", "year"), ("2018", None)),
    ],
)
def test_earlier_this_year_is_a_range_up_to_the_day_before(
    timex: Timex, expected: tuple[str | None, DateRange | None]
) -> None:
    assert timex_when(timex, _ANCHOR) == expected


def test_earlier_this_year_on_its_first_day_is_no_range() -> None:
    # nothing of the year lies before the article's day: the year, as the text says
    assert timex_when(_timex("earlier this year", "2019", "year"), dt.date(2019, 1, 1)) == (
        "2019",
        None,
    )


_WORDS = (
    "“The nets come up empty every morning,” said Tom Ferrell, who fishes for cod.\n\n"
    "The port authority blamed the fuel prices. “We cannot lower fuel prices,” it said in a "
    "statement.\n\n"
)


@pytest.mark.parametrize(
    ("frame", "quoted", "expected"),
    [
        # the paper's reporting told after the words it covers dates them as its range
        (
            "None of the fishermen I interviewed this week expected the catch to recover.",
            "nets come up empty",
            "2019-11-18/2019-11-20",
        ),
        (
            "The Gazette interviewed a dozen fishermen over the past week.",
            "nets come up empty",
            "2019-11-13/2019-11-20",
        ),
        # ... not words written for the record
        (
            "None of the fishermen I interviewed this week expected the catch to recover.",
            "lower fuel prices",
            None,
        ),
        # a week told of something else is no frame
        ("The fishermen voted this week to strike.", "nets come up empty", None),
    ],
)
def test_a_reporting_frame_after_the_words_dates_them(
    nlp: Any, frame: str, quoted: str, expected: str | None
) -> None:
    assert_quote_dated(nlp, _LEAD + _WORDS + frame, quoted, expected)
