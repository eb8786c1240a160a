"""The records passed between the steps of speech attribution."""

from __future__ import annotations

from dataclasses import dataclass

from saidwhen.extract.quotes import QuoteRegion
from saidwhen.model import Span, Speaker

__all__ = [
    "Draft",
    "TaggedSpan",
]


@dataclass(slots=True)
class Draft:
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


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A run of tokens with one role: ``doc[start:end]`` (token indices)."""

    role: str
    start: int
    end: int
