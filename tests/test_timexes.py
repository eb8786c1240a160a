"""Temporal expressions: finding them and normalising them against the article date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from saidwhen.extract.timexes import find_timexes, period_range
from saidwhen.io.readers import read_text_article
from saidwhen.model import DateRange, Timex

ANCHOR = dt.date(2020, 10, 28)  # a Wednesday


def only(sentence: str, anchor: dt.date = ANCHOR, doc: Any = None) -> Timex:
    found = find_timexes(sentence, anchor, doc=doc)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


# sentence, expected text, TimeML value, type, granularity
CASES = [
    ("It happened on September 27.", "September 27", "2020-09-27", "DATE", "day"),
    ("In August this year, they wed.", "August this year", "2020-08", "DATE", "month"),
    ("She called last Tuesday.", "last Tuesday", "2020-10-27", "DATE", "day"),
    ("He left two weeks ago.", "two weeks ago", "2020-W42", "DATE", "week"),
    ("Now, she says, it is over.", "Now", "PRESENT_REF", "DATE", "ref"),
    ("They stayed for a month.", "a month", "P1M", "DURATION", "duration"),
    ("She runs every day.", "every day", "P1D", "SET", "set"),
    ("A month earlier, it rained.", "A month earlier", "2020-09", "DATE", "month"),
    ("The vote was yesterday.", "yesterday", "2020-10-27", "DATE", "day"),
    ("The vote is tomorrow.", "tomorrow", "2020-10-29", "DATE", "day"),
    ("Talks resume next week.", "next week", "2020-W45", "DATE", "week"),
    ("Profits rose last year.", "last year", "2019", "DATE", "year"),
    ("The mill closed in 1998.", "1998", "1998", "DATE", "year"),
    ("Rents soared in the 1990s.", "the 1990s", "199", "DATE", "decade"),
    ("She was born on March 3, 1961.", "March 3, 1961", "1961-03-03", "DATE", "day"),
    ("It was signed 4 July 1776.", "4 July 1776", "1776-07-04", "DATE", "day"),
    ("Polls closed at 10 p.m. Friday.", "10 p.m. Friday", "2020-10-23T22:00", "TIME", "time"),
    ("It snowed this morning.", "this morning", "2020-10-28TMO", "TIME", "part of day"),
    ("Sales fell in the third quarter.", "the third quarter", "2020-Q3", "DATE", "quarter"),
    ("He signed a two-year deal.", "two-year", "P2Y", "DURATION", "duration"),
    ("The paper is printed daily.", "daily", "P1D", "SET", "set"),
    ("Prices have risen recently.", "recently", "PAST_REF", "DATE", "ref"),
    ("We met in the summer.", "the summer", "2020-SU", "DATE", "season"),
    ("The fair was held last weekend.", "last weekend", "2020-W43-WE", "DATE", "weekend"),
    ("They moved away six years ago.", "six years ago", "2014", "DATE", "year"),
    ("The war lasted 2 1/2 years.", "2 1/2 years", "P2Y6M", "DURATION", "duration"),
    ("Earnings beat forecasts this year.", "this year", "2020", "DATE", "year"),
    ("He quit earlier this month.", "earlier this month", "2020-10", "DATE", "month"),
    (
        "She spent the past three months abroad.",
        "the past three months",
        "P3M",
        "DURATION",
        "duration",
    ),
    ("The firm earns $5 million a year.", "a year", "P1Y", "SET", "set"),
    ("Things changed in the nineties.", "the nineties", "199", "DATE", "decade"),
    ("The plan dates from nineteen ninety-six.", "nineteen ninety-six", "1996", "DATE", "year"),
    ("Shops were shut on Christmas Day.", "Christmas Day", "2019-12-25", "DATE", "day"),
    ("Shops will shut on Christmas Day.", "Christmas Day", "2020-12-25", "DATE", "day"),
    (
        "It began in January nineteen ninety-seven.",
        "January nineteen ninety-seven",
        "1997-01",
        "DATE",
        "month",
    ),
    ("Prices fell in the winter of 2009.", "the winter of 2009", "2009-WI", "DATE", "season"),
    (
        "Growth will slow in next year's first quarter.",
        "next year's first quarter",
        "2021-Q1",
        "DATE",
        "quarter",
    ),
    (
        "Losses will last the first half of 2021.",
        "the first half of 2021",
        "2021-H1",
        "DATE",
        "half",
    ),
    ("The strike went on for weeks.", "weeks", "PXW", "DURATION", "duration"),
    ("Talks went on over the next two years.", "the next two years", "P2Y", "DURATION", "duration"),
    ("Voters go to the polls on Election Day.", "Election Day", "2020-11-03", "DATE", "day"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "type_", "granularity"), CASES)
def test_normalises(sentence: str, text: str, value: str, type_: str, granularity: str) -> None:
    t = only(sentence)
    assert (t.text, t.value, t.type, t.granularity) == (text, value, type_, granularity)
    assert sentence[t.start : t.end] == t.text
    assert t.anchor == ANCHOR.isoformat()


# A bare weekday or month: the past one in past tense, the next one when the sentence looks ahead.
TENSE_CASES = [
    ("The court ruled on Tuesday.", "2020-10-27"),
    ("The court will rule on Thursday.", "2020-10-29"),
    ("The court ruled on Thursday.", "2020-10-22"),
    ("Sales fell in December.", "2019-12"),
    ("The store will open in December.", "2020-12"),
    ("The bond matures by March.", "2021-03"),
    ("Profits fell in March.", "2020-03"),
    ("The law takes effect Nov. 5 and lapses later.", "2020-11-05"),
    ("He was hired on Feb. 2.", "2020-02-02"),
]


@pytest.mark.parametrize(("sentence", "value"), TENSE_CASES)
def test_past_or_future(sentence: str, value: str) -> None:
    assert only(sentence).value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "The 5-year-old boy smiled.",
        "She may come, and they march on.",
        "Prices fall when supply grows.",
        "He watched 60 Minutes.",
        "About three-quarters of voters agreed.",
        "She won a second time.",
        "They joined the March for Life.",
        "Jan said hello.",
    ],
)
def test_not_a_timex(sentence: str) -> None:
    assert find_timexes(sentence, ANCHOR) == []


# value -> (first day, last day) for the timeline
RANGE_CASES = [
    ("2020-08", ("2020-08-01", "2020-08-31")),
    ("2020-02", ("2020-02-01", "2020-02-29")),
    ("2020-09-27", ("2020-09-27", "2020-09-27")),
    ("2020-W42", ("2020-10-12", "2020-10-18")),
    ("2020-W43-WE", ("2020-10-24", "2020-10-25")),
    ("2020-Q3", ("2020-07-01", "2020-09-30")),
    ("2020-H1", ("2020-01-01", "2020-06-30")),
    ("2020-SU", ("2020-06-01", "2020-08-31")),
    ("2020-WI", ("2020-12-01", "2021-02-28")),
    ("2020", ("2020-01-01", "2020-12-31")),
    ("199", ("1990-01-01", "1999-12-31")),
    ("2020-10-28TMO", ("2020-10-28", "2020-10-28")),
]


@pytest.mark.parametrize(("value", "days"), RANGE_CASES)
def test_period_range(value: str, days: tuple[str, str]) -> None:
    assert period_range(value) == DateRange(*days)


@pytest.mark.parametrize("value", ["P1M", "PRESENT_REF", "PAST_REF", "XXXX-WXX-1"])
def test_no_period_for_durations_and_references(value: str) -> None:
    assert period_range(value) is None


def test_date_and_range_fields() -> None:
    month = only("In August, sales slowed.")
    assert (month.date, month.date_range) == ("2020-08", DateRange("2020-08-01", "2020-08-31"))
    # "A month earlier" is a month, and about the same day a month back.
    earlier = only("A month earlier, she spoke.")
    assert earlier.date == "2020-09-28"
    assert earlier.date_range == DateRange("2020-09-01", "2020-09-30")
    now = only("Now it is done.")
    assert now.date == ANCHOR.isoformat()
    past = only("She left recently.")
    assert past.date is None and past.date_range == DateRange(None, ANCHOR.isoformat())
    dur = only("It took a week.")
    assert dur.date is None and dur.date_range is None


def test_offsets_respect_start() -> None:
    text = "date 2020-10-28 Today, on Monday, the board met."
    start = len("date 2020-10-28 ")
    found = find_timexes(text, ANCHOR, start=start)
    assert [t.text for t in found] == ["Today", "Monday"]
    assert all(text[t.start : t.end] == t.text and t.start >= start for t in found)
    assert [t.value for t in found] == ["2020-10-28", "2020-10-26"]


def test_anchor_is_the_only_input() -> None:
    # The same text against another anchor gives other values: nothing is cached.
    a = only("It rained yesterday.", dt.date(2020, 1, 1))
    b = only("It rained yesterday.", dt.date(1999, 3, 1))
    assert (a.value, b.value) == ("2019-12-31", "1999-02-28")


def test_that_year_refers_back() -> None:
    found = find_timexes("They met in 1998. That year, she also moved.", ANCHOR)
    assert [(t.text, t.value) for t in found] == [("1998", "1998"), ("That year", "1998")]


def test_a_year_earlier_keeps_the_quarter_of_the_sentence() -> None:
    found = find_timexes("Profit fell in the third quarter from a year earlier.", ANCHOR)
    assert [t.value for t in found] == ["2020-Q3", "2019-Q3"]


def test_spacy_tense_decides_weekday(nlp: Any) -> None:
    text = "The minister will visit the plant on Friday."
    assert only(text, doc=nlp(text)).value == "2020-10-30"
    text = "The minister visited the plant on Friday."
    assert only(text, doc=nlp(text)).value == "2020-10-23"


def test_shared_example(shared_example: Path) -> None:
    art = read_text_article(shared_example.read_text(encoding="utf-8"), str(shared_example))
    found = find_timexes(art.text, art.date, start=art.body_start)
    by_text = {t.text.lower(): t for t in found}
    assert all(art.text[t.start : t.end] == t.text for t in found)
    assert all(t.start >= art.body_start for t in found)
    assert by_text["a month earlier"].date == "2020-09-28"
    assert by_text["a month earlier"].value == "2020-09"
    assert by_text["august this year"].value == "2020-08"
    assert by_text["now"].value == "PRESENT_REF"
    assert by_text["september 27"].value == "2020-09-27"
    assert (by_text["every day"].type, by_text["every day"].value) == ("SET", "P1D")
    # "at the time" in her Instagram post: the August of the sentence before.
    the_time = [t for t in found if t.text.lower() == "the time"]
    assert the_time and the_time[0].value == "2020-08"
    # "from August itself": the August of this year.
    augusts = [t for t in found if t.text == "August"]
    assert augusts and all(t.value == "2020-08" for t in augusts)


@pytest.mark.parametrize(
    "sentence",
    [
        "Schools must prepare children for today's world.",
        'He spoke on the show "This Week" about taxes.',
        "She liked the film High Noon.",
        "These are the leaders of tomorrow.",
        "May I ask a question?",
        "Protesters will March on the capital.",
        "Section 1998 of the code applies.",
    ],
)
def test_looks_like_a_time_but_is_not(sentence: str) -> None:
    assert find_timexes(sentence, ANCHOR) == []


def test_later_counts_from_the_day_told_before() -> None:
    found = find_timexes("On March 3 the dam broke. A day later, the town flooded.", ANCHOR)
    assert [(t.text, t.value) for t in found] == [
        ("March 3", "2020-03-03"),
        ("A day later", "2020-03-04"),
    ]
    # "ago" counts from the article date, whatever came before
    found = find_timexes("On March 3 the dam broke. Two days ago, it rained.", ANCHOR)
    assert found[1].value == "2020-10-26"


def test_a_month_used_as_a_month() -> None:
    assert only("In May the firm grew.").value == "2020-05"


def test_windows_lose_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Searching only around time words finds what searching the whole text finds."""
    from saidwhen.extract import timexes

    filler = "The committee met again and nobody could agree on anything at all. "
    text = "\n\n".join(filler * 3 + s for s, *_ in CASES) + "\nHe rests on Fridays and Saturdays."
    windowed = find_timexes(text, ANCHOR)
    assert len(windowed) >= len(CASES)
    assert len(timexes._windows(text, 0)) > 1  # the filler stays unsearched
    monkeypatch.setattr(timexes, "_windows", lambda text, start: [(start, len(text))])
    assert find_timexes(text, ANCHOR) == windowed


# With CASES, at least one match of every rule (test_every_match_holds_its_rule_words).
MORE_RULES = (
    "Filed 2020-10-05 and 10/5/20. In the 19th century. Morning yesterday, and overnight. "
    "In the near future. In fiscal 2019, by year-end. The quarter fell from the year-ago "
    "quarter and the same period last year. He rests on Fridays. That day, at the time, "
    "and the following month. Yesterday, at the tİme; today, at the tıme. The day before, "
    "the next day."
)


def test_every_match_holds_its_rule_words() -> None:
    """A rule skips a window without its words (``_RULE_NEEDS``): sound only if every
    match holds one word of each group, as the patterns are read."""
    from saidwhen.extract import timexes

    text = "\n".join([c[0] for c in CASES] + [MORE_RULES])
    for rank, (rx, resolver) in enumerate(timexes._RULES):
        matches = [m.group(0) for m in rx.finditer(text)]
        assert matches, f"rule {rank} ({resolver.__name__}) matches nothing here"
        for m in matches:
            folded = timexes._fold(m) + (" #" if any(c.isdigit() for c in m) else "")
            for group in timexes._RULE_NEEDS[rank]:
                assert any(w in folded for w in group), (rank, m, group)


def test_rule_words_lose_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Searching each window with only the rules whose words it holds finds the same."""
    from saidwhen.extract import timexes

    text = "\n\n".join([c[0] for c in CASES] + [MORE_RULES])
    found = find_timexes(text, ANCHOR)
    monkeypatch.setattr(timexes, "_GROUPS", tuple(() for _ in timexes._RULES))
    assert find_timexes(text, ANCHOR) == found
