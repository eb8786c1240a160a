"""A speaker's interview the text dates is where their other undated words were said.

Made-up articles, end to end (parse, quotes, timexes, dates). 2019-11-20 is a Wednesday:
Friday is 2019-11-15, last week 2019-11-11/2019-11-17.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.model import Quote
from tests.when_helpers import NEWS_DAY, assert_quote_dated, when

FRIDAY = "2019-11-15"
WEEK = "2019-11-11/2019-11-17"

_LEAD = (
    "The harbor board wants a new pier, and the state has yet to say how it would pay.\n\n"
    "The board voted in March to ask for bids.\n\n"
    "Three firms have shown interest, and a fourth may bid in the spring.\n\n"
)
_INTERVIEW = (
    _LEAD + "Ana Ruiz, the board's chair, said in an interview on Friday that the old pier could "
    "not last another winter.\n\n"
    "The pier was built in 1931 and has been patched many times since.\n\n"
    "Fishermen have asked for a wider berth for years.\n\n"
)


@pytest.mark.parametrize(
    ("text", "quoted", "expected"),
    [
        # words said paragraphs after the interview the text dates: said in it
        (
            _INTERVIEW + "“We cannot wait for a storm to decide for us,” Ruiz said.",
            "wait for a storm",
            FRIDAY,
        ),
        # ... and before it: the text tells the interview's day later
        (
            _LEAD + "“The pier is older than any of us,” Ana Ruiz said.\n\n"
            "The pier was built in 1931 and has been patched many times since.\n\n"
            "Fishermen have asked for a wider berth for years.\n\n"
            "Ruiz, the board's chair, said in an interview on Friday that the old pier could "
            "not last another winter.",
            "older than any of us",
            FRIDAY,
        ),
        # an interview of last week: its range
        (
            _LEAD + "In a telephone interview last week, Ana Ruiz said the old pier could not last "
            "another winter.\n\n"
            "The pier was built in 1931 and has been patched many times since.\n\n"
            "Fishermen have asked for a wider berth for years.\n\n"
            "“We cannot wait for a storm to decide for us,” Ruiz said.",
            "wait for a storm",
            WEEK,
        ),
        # words in the present: said to the piece, now
        (
            _INTERVIEW + "“We cannot wait for a storm to decide for us,” Ruiz says.",
            "wait for a storm",
            None,
        ),
        # another speaker's words: not at her interview
        (
            _INTERVIEW + "“We cannot wait for a storm to decide for us,” Owen Pratt said.",
            "wait for a storm",
            None,
        ),
    ],
)
def test_dated_interview_holds_for_the_speakers_words(
    nlp: Any, text: str, quoted: str, expected: str | None
) -> None:
    assert_quote_dated(nlp, text, quoted, expected)


# The pass itself, on quotes built by hand: each the words, the speaker, the cue, and the
# date the passes before it gave (None: undated).
_Q = tuple[str, str, str, "str | None"]


def _quotes(text: str, rows: list[_Q]) -> list[Quote]:
    from saidwhen.model import DateRange, Span, Speaker

    out = []
    for words, name, cue, date in rows:
        start = text.index(words)
        rng = None
        when = date
        if date and "/" in date:
            lo, hi = date.split("/")
            rng, when = DateRange(lo, hi), None
        direct = text[start - 1] in '“"'
        # the cue: after the quoted words, before the reported ones
        at = text.index(cue, start + len(words)) if direct else text.rindex(cue, 0, start)
        out.append(
            Quote(
                words,
                start,
                start + len(words),
                "direct" if direct else "indirect",
                speaker=Speaker(name, name, 0, len(name), "person"),
                cue=Span(cue, at, at + len(cue)),
                when=when,
                when_range=rng,
                when_basis="text" if date else "article date",
            )
        )
    return out


_SAT_DOWN = (
    "Ana Ruiz said in an interview on Friday that the pier could not last. "
    "Pratt said the state would pay. "
    "“We cannot wait for a storm,” Ruiz said."
)


@pytest.mark.parametrize(
    ("text", "rows", "expected"),
    [
        # the interview's day, to the speaker's undated words
        (
            _SAT_DOWN,
            [
                ("the pier could not last", "Ana Ruiz", "said", FRIDAY),
                ("the state would pay", "Owen Pratt", "said", None),
                ("We cannot wait for a storm", "Ana Ruiz", "said", None),
            ],
            [FRIDAY, None, FRIDAY],
        ),
        # a date another pass gave stays
        (
            _SAT_DOWN,
            [
                ("the pier could not last", "Ana Ruiz", "said", FRIDAY),
                ("the state would pay", "Owen Pratt", "said", None),
                ("We cannot wait for a storm", "Ana Ruiz", "said", "2019-11-18"),
            ],
            [FRIDAY, None, "2019-11-18"],
        ),
        # an interview of last week: its range
        (
            "In an interview last week, Ana Ruiz said the pier could not last. "
            "“We cannot wait for a storm,” Ruiz said.",
            [
                ("the pier could not last", "Ana Ruiz", "said", WEEK),
                ("We cannot wait for a storm", "Ana Ruiz", "said", None),
            ],
            [WEEK, WEEK],
        ),
        # not in the present, not written, not to another audience
        (
            "Ana Ruiz said in an interview on Friday that the pier could not last. "
            "“We cannot wait,” Ruiz says. “It is late,” Ruiz wrote. “It is old,” Ruiz told CNN.",
            [
                ("the pier could not last", "Ana Ruiz", "said", FRIDAY),
                ("We cannot wait", "Ana Ruiz", "says", None),
                ("It is late", "Ana Ruiz", "wrote", None),
                ("It is old", "Ana Ruiz", "told", None),
            ],
            [FRIDAY, None, None, None],
        ),
        # the interview's day told by the account before, not its own sentence: none
        (
            "On Friday, the board met. Ana Ruiz said in an interview that the pier could not "
            "last. “We cannot wait for a storm,” Ruiz said.",
            [
                ("the pier could not last", "Ana Ruiz", "said", FRIDAY),
                ("We cannot wait for a storm", "Ana Ruiz", "said", None),
            ],
            [FRIDAY, None],
        ),
        # interviews of two days: which one?
        (
            "Ana Ruiz said in an interview on Friday that the pier could not last. "
            "Ruiz said in an interview on Monday that the board had no money. "
            "“We cannot wait for a storm,” Ruiz said.",
            [
                ("the pier could not last", "Ana Ruiz", "said", FRIDAY),
                ("the board had no money", "Ana Ruiz", "said", "2019-11-18"),
                ("We cannot wait for a storm", "Ana Ruiz", "said", None),
            ],
            [FRIDAY, "2019-11-18", None],
        ),
        # an old interview: not the article's
        (
            "Ana Ruiz said in an interview on May 3 that the pier could not last. "
            "“We cannot wait for a storm,” Ruiz said.",
            [
                ("the pier could not last", "Ana Ruiz", "said", "2019-05-03"),
                ("We cannot wait for a storm", "Ana Ruiz", "said", None),
            ],
            ["2019-05-03", None],
        ),
    ],
)
def test_interviews_dated(text: str, rows: list[_Q], expected: list[str | None]) -> None:
    import datetime as dt

    from saidwhen.extract.timexes import find_timexes
    from saidwhen.extract.when.base import doc_sentences
    from saidwhen.extract.when.occasions import interviews_dated

    anchor = dt.date.fromisoformat(NEWS_DAY)
    timexes = find_timexes(text, anchor)
    out = interviews_dated(text, doc_sentences(text), _quotes(text, rows), timexes, anchor)
    assert [when(q) for q in out] == expected
