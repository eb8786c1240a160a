"""The records passed between the steps of speech attribution."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from saidwhen.extract.quotes import QuoteRegion
from saidwhen.model import Quote, QuoteKind, Span, Speaker

__all__ = [
    "ByStart",
    "Draft",
    "TaggedSpan",
]


@dataclass(slots=True)
class Draft:
    """One attribution being built, in character offsets of the article's text.

    The one type passed between the steps of speech attribution (direct
    quotes, the rules, the tagger, the merge, interviews); :func:`find_quotes`
    turns each into a :class:`saidwhen.model.Quote` once, at the end.
    """

    start: int
    end: int
    kind: str
    speaker: Speaker | None = None
    cue: Span | None = None
    cue_token: int | None = None  # token index of the cue, to link split quotes
    channel: str | None = None
    continues_draft: Draft | None = None
    region: QuoteRegion | None = None
    inherited: bool = False
    is_indirect: bool = False
    said_after: bool = False  # a fragment followed by its own ``," he said``
    owned: bool = False  # words of a noun's owner (``Trump's claim that "..."``)
    headline: bool = False  # cue and speaker read from a headline's words (:mod:`headline`)
    reported_by: Speaker | None = None  # the outer speaker of a nested report (:mod:`nesting`)
    reported_cue: Span | None = None  # and its cue

    def to_quote(
        self, text: str, repeat_of: int | None = None, continues: int | None = None
    ) -> Quote:
        """The finished record; ``text`` is the article's whole text."""
        kind: QuoteKind = self.kind  # type: ignore[assignment]
        return Quote(
            text=text[self.start : self.end],
            start=self.start,
            end=self.end,
            kind=kind,
            speaker=self.speaker,
            cue=self.cue,
            channel=self.channel,
            repeat_of=repeat_of,
            continues=continues,
            reported_by=self.reported_by,
            reported_cue=self.reported_cue,
        )


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A run of tokens with one role: ``doc[start:end]`` (token indices)."""

    role: str
    start: int
    end: int


class ByStart:
    """The drafts overlapping a range, in list order, found by bisection (the drafts'
    offsets must not change while it is asked)."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.drafts = drafts
        self.order = sorted(range(len(drafts)), key=lambda i: (drafts[i].start, i))
        self.starts = [drafts[i].start for i in self.order]
        # the greatest end up to each place in start order: ends before a range stop there
        self.reach = list(itertools.accumulate((drafts[i].end for i in self.order), max))

    def overlapping(self, start: int, end: int) -> list[Draft]:
        hi = bisect.bisect_left(self.starts, end)
        lo = bisect.bisect_right(self.reach, start, 0, hi)
        found = sorted(i for i in self.order[lo:hi] if start < self.drafts[i].end)
        return [self.drafts[i] for i in found]
