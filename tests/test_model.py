"""The data model: records survive a pickle (how ingest workers send them) unchanged."""

from __future__ import annotations

import datetime as dt
import pickle

from saidwhen.model import (
    Article,
    ArticleRecord,
    DateRange,
    Event,
    Person,
    Quote,
    Span,
    Speaker,
    Timex,
)


def _record() -> ArticleRecord:
    text = '"We won," said Ana Ruiz on Tuesday. Ruiz thanked voters.'
    quote = Quote(
        text="We won,",
        start=1,
        end=8,
        kind="direct",
        speaker=Speaker("Ana Ruiz", "Ana Ruiz", 15, 23, "person"),
        cue=Span("said", 10, 14),
        channel="speech",
        when="2020-10-27",
        when_range=DateRange("2020-10-20", None),
        when_basis="text",
        continues=None,
        topic=False,
    )
    person = Person(
        "Ana Ruiz", (Span("Ana Ruiz", 15, 23), Span("Ruiz", 36, 40)), ("mayor",), "female"
    )
    timex = Timex("Tuesday", 27, 34, "DATE", "2020-10-27", "2020-10-27", None, "day", "2020-10-28")
    event = Event("Ana Ruiz", Span("thanked", 41, 48), "Ruiz thanked voters", None, None, 0)
    return ArticleRecord(
        id="a1",
        date=dt.date(2020, 10, 28),
        title="Ruiz wins",
        quotes=(quote, Quote("voters", 49, 55, "indirect")),
        people=(person,),
        timexes=(timex,),
        events=(event,),
        source="in.jsonl:3",
        text=text,
    )


def test_a_record_survives_a_pickle() -> None:
    rec = _record()
    back = pickle.loads(pickle.dumps(rec, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == rec
    assert back.text == rec.text  # not compared by ==
    assert back.to_dict(with_text=True) == rec.to_dict(with_text=True)


def test_each_class_pickles_as_its_field_values() -> None:
    """Rebuilt through ``__init__`` from the values in field order (not one by one)."""
    rec = _record()
    art = Article(text="x", date=rec.date, id="a1", body_start=0, date_source="--date")
    for obj in (rec, rec.quotes[0], rec.quotes[0].speaker, rec.people[0], rec.timexes[0],
                rec.events[0], rec.quotes[0].when_range, art):  # fmt: skip
        cls, values = obj.__reduce__()
        assert cls is type(obj)
        assert cls(*values) == obj
        assert pickle.loads(pickle.dumps(obj)) == obj
