"""Naming each quote's speaker by the person (or body) its mention refers to."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from saidwhen.extract.people.index import PeopleIndex
from saidwhen.extract.people.names import _clean_mention
from saidwhen.model import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc


def name_speakers(doc: Doc, quotes: list[Quote], people: PeopleIndex) -> list[Quote]:
    """Every quote's speaker named by the person (or body) its mention refers to, with its type.

    A description seen first as "an insider" and later as "the insider" is
    one unnamed source, named by its first mention.
    """
    out = []
    unnamed: dict[str, str] = {}  # head word -> the first description's words
    for q in quotes:
        sp = q.speaker
        if sp is None:
            out.append(q)
            continue
        ent = people.entity_at(sp.start, sp.end)
        if ent is not None:
            out.append(replace(q, speaker=replace(sp, name=ent.name, type=ent.type)))
            continue
        cleaned = _clean_mention(doc, sp.start, sp.end)
        if cleaned is None:
            out.append(replace(q, speaker=replace(sp, type=None)))
            continue
        name, kind, head = cleaned
        first = name.split()[0].lower()
        if kind != "organisation" and first in ("a", "an"):
            unnamed.setdefault(head, name)
        elif kind != "organisation" and first == "the" and head in unnamed:
            name = unnamed[head]
        out.append(replace(q, speaker=replace(sp, name=name, type=kind)))
    return out
