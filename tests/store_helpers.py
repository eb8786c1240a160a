"""Hand-made records for the quote bank tests (no spaCy needed)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from saidwhen.model import ArticleRecord, Person, Quote, Span, Speaker


def quote(text: str, speaker: str | None = None, start: int = 0, when: str | None = None) -> Quote:
    sp = Speaker(speaker, speaker or "", start + len(text) + 3, start + len(text) + 10)
    return Quote(
        text=text,
        start=start,
        end=start + len(text),
        kind="direct",
        speaker=sp if speaker else None,
        cue=Span("said", start + len(text) + 12, start + len(text) + 16),
        when=when,
    )


def record(
    id: str,
    date: str,
    quotes: list[Quote],
    outlet: str | None = None,
    people: list[Person] | None = None,
) -> ArticleRecord:
    return ArticleRecord(
        id=id,
        date=dt.date.fromisoformat(date),
        outlet=outlet,
        url=f"https://{(outlet or 'x').lower().replace(' ', '')}.example/{id}",
        quotes=tuple(quotes),
        people=tuple(people or ()),
    )


def person(name: str, *descriptors: str, gender: str | None = None) -> Person:
    return Person(name=name, descriptors=descriptors, gender=gender)  # type: ignore[arg-type]


def bank_contents(conn: sqlite3.Connection) -> dict[str, Any]:
    """What a bank holds, for "the same bank" checks: the full export and the row counts."""
    from saidwhen.store import counts, export_quotes

    return {"quotes": list(export_quotes(conn)), "counts": counts(conn)}
