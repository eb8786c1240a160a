"""Clues to a quote's date (session 26): a year in the attribution dates the words only
where the parse ties it to the saying ("told the Gazette in 2013", "In 2010, Ruiz said");
a year of the speaker's description or of a clause about something else ("said Lee, a
strategist for her 2012 campaign", "said of the pier, which opened in 1971") is not when
the words were said; nor is the year of a sentence before that tells the speaker's story
rather than an account ("moved to the harbor in 2011 and was soon called ..."), nor one
told next to an occasion but of something else ("bought a boat in 2011 after
interviews with ...").

Made-up articles, end to end (parse, quotes, timexes, dates). The article is of 2019-11-20.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.timexes import find_timexes
from saidwhen.extract.when.clauses import tied_to_cue
from saidwhen.model import Span
from tests.when_helpers import assert_quote_dated

_LEAD = (
    "The county's harbor board will vote next month on a plan to close the old pier.\n\n"
    "The pier has lost money for a decade, and its repairs would cost $4 million.\n\n"
)


@pytest.mark.parametrize(
    ("text", "quoted", "expected"),
    [
        # the account told just before: a year on a verb of saying, or of a saying noun
        (
            _LEAD + "In 2012, Ana Ruiz told the council the pier could not be saved.\n\n"
            "“Every winter it loses another piling,” Ruiz said.",
            "loses another piling",
            "2012",
        ),
        # a year of the speaker's story, near a word of saying: no account
        (
            _LEAD + "Omar Haddad moved to the harbor in 2011 and was soon called the best "
            "fisherman in town.\n\n"
            "“The fishermen here took me in,” Haddad said.",
            "took me in",
            None,
        ),
    ],
)
def test_a_year_tells_the_account_before_only_when_it_dates_a_saying(
    nlp: Any, text: str, quoted: str, expected: str | None
) -> None:
    assert_quote_dated(nlp, text, quoted, expected)


@pytest.mark.parametrize(
    ("text", "quoted", "expected"),
    [
        # a year the parse ties to the occasion: the words said there
        (
            _LEAD + "In a 2007 address to the chamber, Ana Ruiz praised the pier.\n\n"
            "“It is the heart of this town,” Ruiz said.",
            "the heart of this town",
            "2007",
        ),
        # a year of something else told next to an occasion: no occasion of that year
        (
            _LEAD + "Omar Haddad bought a boat in 2011 after interviews with three banks.\n\n"
            "“The fishermen here took me in,” Haddad said.",
            "took me in",
            None,
        ),
    ],
)
def test_a_year_dates_an_occasion_only_when_tied_to_it(
    nlp: Any, text: str, quoted: str, expected: str | None
) -> None:
    assert_quote_dated(nlp, text, quoted, expected)


@pytest.mark.parametrize(
    ("text", "quoted", "expected"),
    [
        # the year hangs on the cue, or on what the cue's phrase holds: when it was said
        (
            _LEAD + "“Nobody will ever close that pier,” Mayor Ana Ruiz told the Gazette in 2013.",
            "Nobody will ever close",
            "2013",
        ),
        (
            _LEAD + "In 2010, Ruiz said of the pier: “It is the heart of this town.”",
            "the heart of this town",
            "2010",
        ),
        (
            _LEAD + "“The pier pays for itself,” Ruiz said in a 2015 interview with the Gazette.",
            "The pier pays for itself",
            "2015",
        ),
        # a year of the speaker's past or of a thing: the words are new to the article
        (
            _LEAD + "“It is time to let it go,” said Tom Lee, a strategist for the mayor's 2012 "
            "campaign.",
            "time to let it go",
            None,
        ),
        (
            _LEAD + "“We wanted to keep the fishermen,” Ruiz said of the pier, which opened in "
            "1971.",
            "keep the fishermen",
            None,
        ),
        (
            _LEAD + "“The board never listens,” said Ana Ruiz, who became the harbor's manager "
            "in 2013.",
            "never listens",
            None,
        ),
    ],
)
def test_a_year_dates_the_words_only_when_tied_to_the_saying(
    nlp: Any, text: str, quoted: str, expected: str | None
) -> None:
    assert_quote_dated(nlp, text, quoted, expected)


@pytest.mark.parametrize(
    ("sentence", "cue", "expected"),
    [
        ("Eight years ago, Ruiz backed the pier and said it would last.", "said", True),
        ("When the old mayor died in 1998, Ruiz released a statement.", "released", True),
        ("Lee, who ran her 2012 campaign, said the pier would close.", "said", False),
        (
            "Ruiz said, recalling the storm that hit the town two years ago, that it was bad.",
            "said",
            False,
        ),
    ],
)
def test_a_year_tied_to_the_cue(nlp: Any, sentence: str, cue: str, expected: bool) -> None:
    import datetime as dt

    doc = nlp(sentence)
    at = sentence.index(cue)
    (t,) = [
        t
        for t in find_timexes(sentence, dt.date(2019, 11, 20), doc=doc)
        if t.granularity in ("year", "decade")
    ]
    assert tied_to_cue(doc, t, Span(cue, at, at + len(cue))) is expected
