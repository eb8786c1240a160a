"""The core data model: what saidwhen reads and what it writes.

Every item that comes from the text keeps its character offsets (Python
``str`` indices into the input text exactly as read), so a reader can always
go back to the words.  The classes are frozen, slotted dataclasses; the
record turns into plain JSON-ready dicts with :meth:`ArticleRecord.to_dict`.
"""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass, field, fields
from typing import Any, Literal

QuoteKind = Literal["direct", "fragment", "indirect"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
WhenBasis = Literal["text", "article date"]
# What a speaker is: a named person, an organisation ("the ministry", "Lee Research"),
# a group ("the doctors") or an unnamed source ("a spokesman for the ambulance service").
EntityType = Literal["person", "organisation", "group", "unnamed"]

__all__ = [
    "Article",
    "ArticleRecord",
    "DateRange",
    "EntityType",
    "Event",
    "Person",
    "Quote",
    "QuoteKind",
    "Span",
    "Speaker",
    "Timex",
    "TimexType",
    "WhenBasis",
]


_FIELDS: dict[type, operator.attrgetter[Any]] = {}


class _Pickled:
    """Pickled as the class and its field values, rebuilt by ``__init__``: half the time
    of the dataclass default (a list of fields made per object, then set one by one),
    for records sent from ingest workers."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        cls = type(self)
        get = _FIELDS.get(cls)
        if get is None:
            get = _FIELDS[cls] = operator.attrgetter(*(f.name for f in fields(self)))  # type: ignore[arg-type]
        return cls, get(self)


@dataclass(frozen=True, slots=True)
class Article(_Pickled):
    """One dated input document, as read from a file, a JSONL line, HTML or WARC."""

    text: str
    date: dt.date
    id: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    source: str = ""  # where it was read from ("file.jsonl:12"), for error messages
    body_start: int = 0  # where the article starts in ``text`` (after a date header)
    date_source: str = ""  # the evidence that gave ``date`` ("--date", "url /2019/11/19", ...)


@dataclass(frozen=True, slots=True)
class Span(_Pickled):
    """A piece of the input text: ``input[start:end] == text``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Speaker(_Pickled):
    """Who said it: the canonical person ``name``, the ``mention`` in this text, and its type.

    ``type`` is None when the mention was not resolved (an unresolved "he").
    """

    name: str | None
    mention: str
    start: int
    end: int
    type: EntityType | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mention": self.mention,
            "start": self.start,
            "end": self.end,
            "type": self.type,
        }


@dataclass(frozen=True, slots=True)
class DateRange(_Pickled):
    """An interval of days, both ends included, ISO dates; either end may be open."""

    start: str | None
    end: str | None

    def to_list(self) -> list[str | None]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Quote(_Pickled):
    """One quotation: direct, a quoted fragment, or reported (indirect) speech."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: Span | None = None
    channel: str | None = None
    when: str | None = None
    when_range: DateRange | None = None
    when_basis: WhenBasis = "article date"
    repeat_of: int | None = None
    continues: int | None = None
    topic: bool = False  # indirect content naming what was talked about ("addressed her critics")
    # who passes the words on when they are a report inside a report ("prosecutors say he
    # told an agent ...": the speaker is he, reported_by the prosecutors)
    reported_by: Speaker | None = None
    reported_cue: Span | None = None  # the words by which reported_by reports ("say")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "channel": self.channel,
            "when": self.when,
            "when_range": self.when_range.to_list() if self.when_range else None,
            "when_basis": self.when_basis,
            "repeat_of": self.repeat_of,
            "continues": self.continues,
            "topic": self.topic,
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "reported_cue": self.reported_cue.to_dict() if self.reported_cue else None,
        }


@dataclass(frozen=True, slots=True)
class Person(_Pickled):
    """A person (or a body that speaks) named in the article, with every mention of them.

    ``name`` is canonical: no titles or honorifics ("Ana Ruiz"); the titles and
    roles are ``descriptors`` ("finance minister"); ``aliases`` are the other
    forms the article uses ("Ruiz", "Ms. Ruiz", "the minister").
    """

    name: str
    mentions: tuple[Span, ...] = ()
    descriptors: tuple[str, ...] = ()
    gender: Literal["female", "male"] | None = None
    aliases: tuple[str, ...] = ()
    type: EntityType = "person"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mentions": [m.to_dict() for m in self.mentions],
            "descriptors": list(self.descriptors),
            "gender": self.gender,
            "aliases": list(self.aliases),
            "type": self.type,
        }


@dataclass(frozen=True, slots=True)
class Timex(_Pickled):
    """A temporal expression normalised against the article date (TimeML value)."""

    text: str
    start: int
    end: int
    type: TimexType
    value: str
    date: str | None = None
    date_range: DateRange | None = None
    granularity: str | None = None  # day, week, month, quarter, year, ...
    anchor: str | None = None  # the date it was resolved against

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
            "date": self.date,
            "date_range": self.date_range.to_list() if self.date_range else None,
            "granularity": self.granularity,
            "anchor": self.anchor,
        }


@dataclass(frozen=True, slots=True)
class Event(_Pickled):
    """A reported happening with a date: who did what, when."""

    actor: str | None
    predicate: Span
    text: str = ""  # the clause that describes it, for display
    when: str | None = None
    when_range: DateRange | None = None
    timex: int | None = None  # index into the record's timexes

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "predicate": self.predicate.to_dict(),
            "text": self.text,
            "when": self.when,
            "when_range": self.when_range.to_list() if self.when_range else None,
            "timex": self.timex,
        }


@dataclass(frozen=True, slots=True)
class ArticleRecord(_Pickled):
    """Everything saidwhen found in one article."""

    id: str
    date: dt.date
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    quotes: tuple[Quote, ...] = ()
    people: tuple[Person, ...] = ()
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    source: str = ""
    text: str | None = field(default=None, repr=False)  # kept only when asked

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "date": self.date.isoformat(),
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "quotes": [q.to_dict() for q in self.quotes],
            "people": [p.to_dict() for p in self.people],
            "timexes": [t.to_dict() for t in self.timexes],
            "events": [e.to_dict() for e in self.events],
        }
        if with_text:
            out["text"] = self.text
        return out
