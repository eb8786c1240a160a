"""Shared by the quote-date rules: a timex's value as a date or range, the article's
sentences and paragraphs."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from saidwhen.extract.people.names import _SUFFIXES
from saidwhen.extract.timexes import period_range
from saidwhen.model import DateRange, Span, Timex
from saidwhen.nlp import doc_text as nlp_doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LATER = re.compile(r"\b(?:later|afterwards?|subsequently|since\s+then)\b", re.I)
_PERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+|also\s+|then\s+)?$", re.I)
_HAS = re.compile(r"\b(?:has|have|'ve|’ve)\s+(?:\w+ly\s+|also\s+|long\s+|often\s+)?$", re.I)
_CHANNEL_WORDS = re.compile(
    r"blog|instagram|twitter|tweet|facebook|medium|interview|statement|podcast|post|video|"
    r"letter|e-?mail|speech|press\s+conference|briefing|show|radio|tv|television",
    re.I,
)

# A line break and the white space after it: where one paragraph ends and the next starts.
PARAGRAPH_BREAK = re.compile(r"\n\s*")
_AROUND_REACH = 1500  # characters of the paragraphs around a quote looked at


def around(text: str, start: int, end: int) -> tuple[int, int, int]:
    """The paragraph of the words at ``start:end`` and the one before it: where that one
    starts, where theirs starts, where theirs ends (no further than a reach either way)."""
    here = text.rfind("\n", 0, start) + 1
    # where the paragraph before ends (not len(text[:here].rstrip()): a copy per quote)
    end_before = here
    while end_before and text[end_before - 1].isspace():
        end_before -= 1
    a = max(text.rfind("\n", 0, end_before) + 1, start - _AROUND_REACH)
    b = text.find("\n", end)
    return a, here, min(len(text) if b < 0 else b, end + _AROUND_REACH)


@dataclass(frozen=True, slots=True)
class _Dated:
    """A date told by the text at a position: an ISO value or a range."""

    pos: int
    when: str | None
    when_range: DateRange | None


class Spans:
    """Character spans (overlapping or not), merged: whether a position lies in one, by
    bisection (a text's quotes against its timexes stays about linear)."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for a, b in sorted(s for s in spans if s[0] < s[1]):
            if self._ends and a <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], b)
            else:
                self._starts.append(a)
                self._ends.append(b)

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]


def doc_text(doc: Doc | str | None) -> str:
    """The text of a spaCy doc (computed once per doc), or the string itself."""
    if isinstance(doc, str):
        return doc
    if doc is None:
        return ""
    try:
        return nlp_doc_text(doc)
    except AttributeError:  # not a spaCy doc
        return str(getattr(doc, "text", ""))


def doc_sentences(doc: Doc | str | None) -> list[tuple[int, int]]:
    """Sentence character spans: spaCy's when ``doc`` is a parsed doc, else a plain split."""
    if not isinstance(doc, str) and doc is not None:
        try:
            return [(s.start_char, s.end_char) for s in doc.sents]
        except (AttributeError, ValueError):
            pass
    text = doc_text(doc)
    spans, start = [], 0
    for m in re.finditer(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘A-Z])|\n\s*\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [s for s in spans if s[1] > s[0]]


def _within_paragraphs(text: str, sents: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences cut at paragraph breaks (a parse may run one over a blank line)."""
    out: list[tuple[int, int]] = []
    for s, e in sents:
        a = s
        for m in re.finditer(r"\n\s*\n", text[s:e]):
            if s + m.start() > a:
                out.append((a, s + m.start()))
            a = s + m.end()
        if e > a:
            out.append((a, e))
    return out


_END = 1 << 62  # after any offset: (pos, _END) sorts after every sentence starting at pos


def _sentence_of(sents: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The sentence (in text order, not overlapping) that holds ``pos``."""
    i = bisect.bisect_right(sents, (pos, _END)) - 1
    if i >= 0 and sents[i][0] <= pos < sents[i][1]:
        return sents[i]
    return pos, pos


def said_before_now(text: str, cue: Span) -> bool:
    """The cue is in the present perfect ("has argued", "have often said"): said some time
    before the article, on no occasion the text dates."""
    return bool(
        _HAS.search(text, max(0, cue.start - 24), cue.start)
        or re.match(r"(?:has|have)\s", cue.text, re.I)
    )


_SINCE = re.compile(r"\b(?:since|from|starting)\s+(?:early\s+|late\s+|mid-?)?$", re.I)


_CALENDAR = re.compile(r"\d{4}(?:-\d\d)?")
# "earlier this year", "earlier in the year" (not "early this year": its first months; nor
# "earlier this month", which the annotators write as the month as often as the range)
_EARLIER_THIS = re.compile(r"earlier\s+(?:this|in\s+the)\s+year", re.I)


def timex_when(
    t: Timex, anchor: dt.date, text: str | None = None
) -> tuple[str | None, DateRange | None]:
    """The date a timex gives a saying or an event: an ISO value (granularity kept) or a range.

    Durations, sets and vague references (PAST_REF, FUTURE_REF) give none. With
    the ``text``, "since last summer" is a range from then to the article date.
    "Earlier this year" is the range from the year's first day to the day before.
    """
    if t.type not in ("DATE", "TIME"):
        return None, None
    if text is not None and _SINCE.search(text, max(0, t.start - 16), t.start):
        when, rng = timex_when(t, anchor)
        start = first_day(when, rng)
        if start and start <= anchor.isoformat():
            return None, DateRange(start, anchor.isoformat())
    if t.value == "PRESENT_REF":
        return anchor.isoformat(), None
    if t.value in ("PAST_REF", "FUTURE_REF"):
        return None, None
    if _EARLIER_THIS.fullmatch(t.text) and t.date and t.granularity == "year":
        # "earlier this year": from the year's first day to the day before the article
        days = period_range(t.value)
        if days is not None and days.start and days.start < anchor.isoformat():
            return None, DateRange(days.start, days_before(anchor, 1))
    if t.date and t.granularity in ("month", "year") and _CALENDAR.fullmatch(t.value):
        # "a month earlier" is September, not the 28th: no more precise than the text
        return t.value, None
    if t.date:
        return t.date, None
    rng = t.date_range
    if rng and rng.start and rng.end and rng.start <= anchor.isoformat() < rng.end:
        # "this week": what happened in it happened by the article's day
        return None, DateRange(rng.start, anchor.isoformat())
    if rng and (rng.start or rng.end):
        return None, rng
    return None, None


def days_before(anchor: dt.date, days: int) -> str:
    """The ISO day ``days`` before ``anchor``; the calendar's first day when that is before
    it (a made-up date in year 1 must not raise)."""
    step = dt.timedelta(days=days)
    return (max(anchor, dt.date.min + step) - step).isoformat()


def first_day(when: str | None, rng: DateRange | None) -> str | None:
    """The first day a date may be: "2020-08" -> "2020-08-01"."""
    if when:
        days = period_range(when)
        return days.start if days else when
    return rng.start if rng else None


def starts_by(when: str | None, rng: DateRange | None, day: str) -> bool:
    """The date's first day is known and no later than ``day`` (ISO)."""
    start = first_day(when, rng)
    return start is not None and start <= day


def starts_after(when: str | None, rng: DateRange | None, day: str) -> bool:
    """The date's first day is known and later than ``day`` (ISO)."""
    start = first_day(when, rng)
    return start is not None and start > day


def starts_from(when: str | None, rng: DateRange | None, day: str) -> bool:
    """The date's first day is known and no earlier than ``day`` (ISO)."""
    start = first_day(when, rng)
    return start is not None and start >= day


_EVENT_NOUN = (
    r"(?:phone\s+call|call|interview|letter|statement|hearing|meeting|speech|press\s+"
    r"conference|conference|rally|episode|testimony|briefing|session|deposition|podcast)"
)


_COMMUNICATION = re.compile(
    r"\b(?:said|says|told|tells|revealed|testified|wrote|writes|stated|announced|acknowledged|"
    r"admitted|tweeted|posted|released|published|issued|recalled|described|called|explained|"
    r"insisted|argued|declared|claimed|warned|noted|responded|replied|boasted|"
    r"letter|statement|interview|testimony|speech|call|according|report|survey|study|poll)\b",
    re.I,
)


_DOCUMENT = r"(?:letter|statement|report|release|memo|filing|complaint|lawsuit|study|survey)"


def _dated_free(t: Timex, anchor: dt.date) -> tuple[str | None, DateRange | None] | None:
    """The date of a timex, if it gives one no later than the article (a saying's date)."""
    when, rng = timex_when(t, anchor)
    start = first_day(when, rng)
    if start is None or start > anchor.isoformat():
        return None
    return when, rng


@functools.lru_cache(maxsize=256)
def _word(word: str) -> re.Pattern[str]:
    """The word, whole, as a pattern (compiled once per word: a pattern made
    anew for each quote overflows ``re``'s own cache, which then compiles again)."""
    return re.compile(rf"\b{re.escape(word)}\b")


def surname_of(name: str) -> str:
    """The speaker's surname as the text writes it: the name's last word but a suffix
    ("Biden" of "Joseph R. Biden Jr."); "" for no name."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in _SUFFIXES:
        words.pop()
    return words[-1].rstrip(",") if words else ""
