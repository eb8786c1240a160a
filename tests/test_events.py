"""Dated events: the verb a date hangs from, its actor, and the narrative's "later"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from saidwhen.extract.events import find_events
from saidwhen.extract.timexes import find_timexes
from saidwhen.model import DateRange, Event

ANCHOR = dt.date(2020, 10, 28)

TEXT = (
    "On September 27, the senator announced her resignation. "
    "In May, the committee opened an inquiry and questioned three aides. "
    "She later thanked her staff. "
    '"It was a hard day on Monday," she said.'
)


class People:
    """A stand-in people index: one person, named for any span that covers her mention."""

    def __init__(self, text: str) -> None:
        self.start = text.index("the senator")
        self.end = self.start + len("the senator")

    def resolve(self, start: int, end: int) -> str | None:
        return "Jane Roe" if start <= self.start and self.end <= end else None


@pytest.fixture(scope="module")
def events(nlp: Any) -> dict[str, Event]:
    doc = nlp(TEXT)
    found = find_events(doc, find_timexes(TEXT, ANCHOR, doc=doc), People(TEXT), ANCHOR)
    assert found == sorted(found, key=lambda e: e.predicate.start)
    return {e.predicate.text: e for e in found}


# predicate -> (actor, when, when_range)
EXPECTED = [
    ("announced", "Jane Roe", "2020-09-27", None),
    ("opened", "the committee", "2020-05", None),
    ("questioned", "the committee", "2020-05", None),
    ("thanked", None, None, DateRange("2020-05-01", "2020-10-28")),
]


@pytest.mark.parametrize(("predicate", "actor", "when", "when_range"), EXPECTED)
def test_dated_event(
    events: dict[str, Event],
    predicate: str,
    actor: str | None,
    when: str | None,
    when_range: DateRange | None,
) -> None:
    ev = events[predicate]
    assert (ev.actor, ev.when, ev.when_range) == (actor, when, when_range)
    assert TEXT[ev.predicate.start : ev.predicate.end] == predicate
    assert predicate in ev.text


def test_dates_in_quotes_are_not_events(events: dict[str, Event]) -> None:
    assert "was" not in events and "said" not in events
    assert all(e.when != "2020-10-26" for e in events.values())


def test_event_points_at_its_timex(nlp: Any) -> None:
    doc = nlp(TEXT)
    timexes = find_timexes(TEXT, ANCHOR, doc=doc)
    linked = [ev for ev in find_events(doc, timexes, None, ANCHOR) if ev.timex is not None]
    assert linked
    for ev in linked:
        assert timexes[ev.timex].date == ev.when


def test_no_parse_no_events(nlp: Any) -> None:
    assert find_events(None, [], None, ANCHOR) == []
    # tokens and tags but no dependency parse
    doc = nlp.make_doc(TEXT)
    assert find_events(doc, find_timexes(TEXT, ANCHOR), None, ANCHOR) == []


def test_shared_example_end_to_end(nlp: Any, shared_example: Any) -> None:
    from saidwhen.pipeline import extract

    text = shared_example.read_text(encoding="utf-8")
    rec = extract(text, "2020-10-28", nlp=nlp)
    events = {(e.predicate.text, e.when, e.when_range) for e in rec.events}
    assert ("announced", "2020-08", None) in events  # the pregnancy, in August
    assert ("hospitalised", "2020-09-27", None) in events
    assert ("addressed", "2020-10-28", None) in events  # "Now, in a blog post"
    later = DateRange("2020-09-27", "2020-10-28")
    assert ("revealed", None, later) in events  # "she later revealed on Instagram"

    # The quotes come from the attribution stage; date the ones it found.
    def first(start: str) -> Any:
        return next((q for q in rec.quotes if q.text.startswith(start)), None)

    blog, bleeding = first("I cannot express"), first("We were never able")
    assert blog is not None and bleeding is not None
    assert (blog.when, blog.when_basis) == ("2020-10-28", "text")
    assert (bleeding.when, bleeding.when_range) == (None, later)


def test_event_words_and_purpose_clause_actor(nlp: Any) -> None:
    """A closing mark the parser moved into the next sentence is no part of its event; a
    purpose clause ("to announce") is its verb's subject's act. Written fresh."""
    text = (
        'Lee wrote, "We will open the pier soon."\n\n'
        "In May, Ana Ruiz took to the radio to announce that the pier had closed."
    )
    doc = nlp(text)
    found = {
        e.predicate.text: e
        for e in find_events(doc, find_timexes(text, ANCHOR, doc=doc), None, ANCHOR)
    }
    assert found["took"].text.startswith("In May")
    assert found["announce"].actor == "Ana Ruiz"
    assert found["announce"].when == "2020-05"
