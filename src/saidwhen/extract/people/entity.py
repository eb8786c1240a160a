"""An entity of an article's people index: a person, a body or a place, with its
mentions, descriptors, aliases and the evidence for its gender and type."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from saidwhen.extract.people.names import (
    RANKS,
    TITLE_WORDS,
    Gender,
    _core,
)
from saidwhen.model import EntityType


@dataclass(slots=True)
class _Entity:
    tokens: list[str]  # fullest name form, without titles
    type: EntityType = "person"
    mentions: list[tuple[int, int]] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    female: float = 0.0
    male: float = 0.0
    named: bool = True  # False: an unnamed source or a group, named by its description
    org_named: bool = False  # the name holds an organisation word ("Lee Research")
    votes: dict[str, float] = field(default_factory=dict)  # type evidence: person/org/place

    _core_of: tuple[tuple[str, ...], list[str]] | None = field(default=None, repr=False)
    # head_words, asked tens of thousands of times per article, with what it was made of
    _heads_of: tuple[tuple[object, ...], frozenset[str]] | None = field(default=None, repr=False)

    # the mentions in text order, with the list and how many of it they were sorted from
    _sorted_of: tuple[list[tuple[int, int]], int, list[tuple[int, int]]] | None = field(
        default=None, repr=False
    )

    def by_start(self) -> list[tuple[int, int]]:
        """The mentions in text order (those appended since the last call filed in by
        bisection: asked for every mention of a name, a scan of them all grew with the
        square of the mentions)."""
        got = self._sorted_of
        if got is None or got[0] is not self.mentions or got[1] > len(self.mentions):
            got = (self.mentions, 0, [])
        _, filed, ordered = got
        for m in self.mentions[filed:]:
            bisect.insort(ordered, m)
        self._sorted_of = (self.mentions, len(self.mentions), ordered)
        return ordered

    def last_before(self, at: int) -> int:
        """Where this entity was last mentioned before ``at`` (-1: not yet)."""
        ordered = self.by_start()
        k = bisect.bisect_left(ordered, (at,))
        return ordered[k - 1][0] if k else -1

    @property
    def name(self) -> str:
        return " ".join(self.tokens)

    def core(self) -> list[str]:
        """The name's words in lower case without a "Jr." (remembered while they stay)."""
        key = tuple(self.tokens)
        if self._core_of is None or self._core_of[0] != key:
            self._core_of = (key, _core([w.lower() for w in self.tokens]))
        return self._core_of[1]

    @property
    def gender(self) -> Gender | None:
        if self.female > self.male:
            return "female"
        if self.male > self.female:
            return "male"
        return None

    def head_words(self) -> frozenset[str]:
        """The words a description ("the doctors", "the actor") may share with this entity."""
        key = (tuple(self.descriptors), tuple(self.tokens), self.type)
        if self._heads_of is not None and self._heads_of[0] == key:
            return self._heads_of[1]
        words = {w for d in self.descriptors for w in re.split(r"[\s-]+", d) if w}
        words |= {TITLE_WORDS[k] for w in words if (k := w.rstrip(".")) in TITLE_WORDS}
        if any(w.rstrip(".") in RANKS for w in words):
            words.add("officer")  # "Lt. Col. Ann Vick" is an officer
        if self.type != "person":
            words |= {w.lower() for w in self.tokens}
        self._heads_of = (key, frozenset(words))
        return self._heads_of[1]
