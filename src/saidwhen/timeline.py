"""The events and quotes of one or more articles in date order: data, table, JSON and SVG.

Everything here is a pure function of the records: :func:`build_timeline`
turns records into :class:`TimelineEntry` items sorted by date, and the
``format_*``/``render_svg`` functions turn entries into text. Nothing reads
or writes files.

An entry's date is what the text says: a point with its granularity
("2020-08", "2020-09-27"), a range ("after 2020-09-27, by 2020-10-28"), or,
for a quote the text does not date, only the article date as an upper bound
(``basis == "article date"``).

Example:
    >>> from saidwhen.model import ArticleRecord, Event, Span
    >>> import datetime as dt
    >>> ev = Event("Ada", Span("won", 4, 7), "Ada won", when="2020-08")
    >>> rec = ArticleRecord("a1", dt.date(2020, 10, 28), events=(ev,))
    >>> [(e.when_label, e.who) for e in build_timeline([rec])]
    [('2020-08', 'Ada')]
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal
from xml.sax.saxutils import escape

from saidwhen.model import ArticleRecord, DateRange

__all__ = [
    "TimelineEntry",
    "build_timeline",
    "format_json",
    "format_table",
    "render_svg",
    "span_of",
]

EntryKind = Literal["event", "quote"]


def span_of(when: str | None, rng: DateRange | None, fallback: str) -> tuple[str, str]:
    """First and last day an ISO value ("2020", "2020-08", "2020-08-05") or range covers.

    Open range ends and missing dates fall back to ``fallback`` (the article date).
    """
    if when:
        parts = when[:10].split("-")
        try:
            y = int(parts[0])
            if len(parts) == 1:
                return f"{y}-01-01", f"{y}-12-31"
            m = int(parts[1])
            if len(parts) == 2:
                return f"{y}-{m:02d}-01", f"{y}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"
            return when[:10], when[:10]
        except ValueError:
            return fallback, fallback
    if rng is not None:
        start = rng.start or rng.end or fallback
        return start, rng.end or fallback
    return fallback, fallback


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line of the timeline: an event or a quote of one article, with its date."""

    kind: EntryKind
    article: str
    article_date: str
    who: str | None
    what: str
    when: str | None
    when_range: DateRange | None
    basis: str  # "text": dated by the text; "article date": said by then, no more known
    first: str  # first day it may have happened (ISO)
    last: str  # last day it may have happened (ISO)
    start: int  # offsets into the article
    end: int
    verbatim: bool = False  # a direct quote or quoted fragment, not reported speech

    @property
    def shown(self) -> str:
        """What to print: quotation marks only around words that were quoted."""
        if self.kind != "quote":
            return self.what
        return f"“{self.what}”" if self.verbatim else f"(reported) {self.what}"

    @property
    def when_label(self) -> str:
        """The date as a reader would say it: "2020-08", "after 2020-09-27", "by 2020-10-28"."""
        if self.when:
            return self.when
        rng = self.when_range
        if rng is not None:
            if rng.start and rng.end:
                return f"{rng.start} .. {rng.end}"
            return f"after {rng.start}" if rng.start else f"by {rng.end}"
        return f"by {self.article_date}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "article": self.article,
            "article_date": self.article_date,
            "who": self.who,
            "what": self.what,
            "when": self.when,
            "when_range": self.when_range.to_list() if self.when_range else None,
            "when_basis": self.basis,
            "first": self.first,
            "last": self.last,
            "start": self.start,
            "end": self.end,
            "verbatim": self.verbatim,
        }


def build_timeline(
    records: Iterable[ArticleRecord], *, undated_quotes: bool = True
) -> list[TimelineEntry]:
    """Events and quotes of the records, in date order (then article, then text order).

    Continuations and repeats of a quote are left out: the quote they belong to
    stands for them; so are events told inside a quote (the quote shows them).
    Quotes the text does not date are kept at their article's date unless
    ``undated_quotes`` is false.
    """
    entries: list[TimelineEntry] = []
    for rec in records:
        day = rec.date.isoformat()
        quoted = [(q.start, q.end) for q in rec.quotes]
        for ev in rec.events:
            if any(s <= ev.predicate.start < e for s, e in quoted):
                continue  # the quote that reports it stands for it
            first, last = span_of(ev.when, ev.when_range, day)
            entries.append(
                TimelineEntry(
                    "event",
                    rec.id,
                    day,
                    ev.actor,
                    ev.text or ev.predicate.text,
                    ev.when,
                    ev.when_range,
                    "text",
                    first,
                    last,
                    ev.predicate.start,
                    ev.predicate.end,
                )
            )
        for q in rec.quotes:
            if q.continues is not None or q.repeat_of is not None:
                continue
            if q.when_basis == "article date" and not undated_quotes:
                continue
            first, last = span_of(q.when, q.when_range, day)
            who = q.speaker.name or q.speaker.mention if q.speaker else None
            entries.append(
                TimelineEntry(
                    "quote",
                    rec.id,
                    day,
                    who,
                    q.text,
                    q.when,
                    q.when_range,
                    q.when_basis,
                    first,
                    last,
                    q.start,
                    q.end,
                    verbatim=q.kind != "indirect",
                )
            )
    entries.sort(key=_order)
    return entries


def _order(e: TimelineEntry) -> tuple[str, str, bool, str, str, int]:
    # A range opened by "later" is after its first day: it sorts after a point on that day
    # and the next. What only the article date bounds comes after what the text dates.
    first = e.first
    if e.when is None and e.when_range is not None and e.first != e.last:
        first = (_day(e.first) + dt.timedelta(days=1)).isoformat()
    return first, e.last, e.basis == "article date", e.article_date, e.article, e.start


def format_json(entries: Sequence[TimelineEntry]) -> str:
    """The timeline as a JSON list."""
    return json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=1) + "\n"


def _cut(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def format_table(entries: Sequence[TimelineEntry], *, width: int = 110) -> str:
    """A plain-text table: when, kind, who, what (quotes in quotation marks)."""
    if not entries:
        return "(no dated events or quotes)\n"
    w_when = max(10, min(26, max(len(e.when_label) for e in entries)))
    w_who = max(3, min(18, max(len(e.who or "?") for e in entries)))
    w_what = max(20, width - w_when - w_who - 12)
    head = f"{'when':<{w_when}}  {'kind':<5}  {'who':<{w_who}}  what"
    lines = [head, "-" * min(width, len(head) + w_what)]
    many = len({e.article for e in entries}) > 1
    for e in entries:
        what = e.shown
        if many:
            what = f"[{e.article}] {what}"
        lines.append(
            f"{_cut(e.when_label, w_when):<{w_when}}  {e.kind:<5}  "
            f"{_cut(e.who or '?', w_who):<{w_who}}  {_cut(what, w_what)}"
        )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- SVG

_COLOURS = {"event": "#1d4ed8", "quote": "#c2410c", "undated": "#9ca3af"}
_FONT = "font-family='DejaVu Sans, Helvetica, Arial, sans-serif'"


def _day(s: str) -> dt.date:
    return dt.date.fromisoformat(s[:10])


def _lanes(spans: Sequence[tuple[float, float]], gap: float = 18.0) -> list[int]:
    """A lane for each horizontal span so that spans in one lane do not touch."""
    ends: list[float] = []
    out = []
    for x0, x1 in spans:
        for i, end in enumerate(ends):
            if x0 > end + gap:
                ends[i] = max(x1, x0)
                out.append(i)
                break
        else:
            ends.append(max(x1, x0))
            out.append(len(ends) - 1)
    return out


def _ticks(lo: dt.date, hi: dt.date) -> list[tuple[dt.date, str]]:
    """Month ticks (or year ticks for long spans, day ticks for short ones)."""
    days = (hi - lo).days
    out: list[tuple[dt.date, str]] = []
    if days <= 45:
        d = lo
        while d <= hi:
            if d.weekday() == 0:
                out.append((d, d.strftime("%d %b")))
            d += dt.timedelta(days=1)
        return out
    if days > 3 * 366:
        for y in range(lo.year + 1, hi.year + 1):
            out.append((dt.date(y, 1, 1), str(y)))
        return out
    y, m = lo.year, lo.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        d = dt.date(y, m, 1)
        if d > hi:
            break
        out.append((d, d.strftime("%b %Y") if m == 1 or not out else d.strftime("%b")))
    return out


def _groups(entries: Sequence[TimelineEntry]) -> list[list[TimelineEntry]]:
    """Consecutive entries with the same date, one group each (entries are in date order)."""
    out: list[list[TimelineEntry]] = []
    for e in entries:
        key = (e.first, e.last, e.when_label, e.basis)
        if out and (out[-1][0].first, out[-1][0].last, out[-1][0].when_label,
                    out[-1][0].basis) == key:  # fmt: skip
            out[-1].append(e)
        else:
            out.append([e])
    return out


def render_svg(entries: Sequence[TimelineEntry], *, width: int = 1100, title: str = "") -> str:
    """An SVG picture: a time axis with one mark per date, and the entries listed by date.

    A date the text gives as a point is a dot, a range ("later": after one date,
    by the article's) is a bar from its first to its last day; quotes the text
    does not date are grey, at their article's date. Article dates are dashed
    lines. Each mark carries its number, which heads its group in the list.
    """
    pad_l, pad_r = 40, 40
    groups = _groups(entries)
    days = [_day(e.first) for e in entries] + [_day(e.last) for e in entries]
    days += [_day(e.article_date) for e in entries]
    lo = min(days) if days else dt.date.today()
    hi = max(days) if days else lo
    span = max(1, (hi - lo).days)
    lo -= dt.timedelta(days=max(2, span // 20))
    hi += dt.timedelta(days=max(2, span // 20))
    total = max(1, (hi - lo).days)
    axis_w = width - pad_l - pad_r

    def x_of(d: dt.date) -> float:
        return pad_l + axis_w * (d - lo).days / total

    def colour(e: TimelineEntry) -> str:
        return _COLOURS["undated" if e.basis == "article date" else e.kind]

    marks = []
    for g in groups:
        x0 = x_of(_day(g[0].first))
        x1 = max(x0, x_of(_day(g[0].last)))
        label = f"{g[0].when_label}  ({len(g)})"
        marks.append((x0, x1, label))
    # Lanes: a mark takes its bar and its label's width.
    order = sorted(range(len(marks)), key=lambda i: marks[i][0])
    flip = {i: marks[i][0] + 20 + 7 * len(marks[i][2]) > width for i in range(len(marks))}
    reach = []
    for i in order:
        x0, x1, label = marks[i]
        tw = 14 + 7 * len(label)
        reach.append((x0 - tw, x1) if flip[i] else (x0, max(x1, x0 + tw)))
    lanes_sorted = _lanes(reach, gap=6)
    lane = {i: lanes_sorted[k] for k, i in enumerate(order)}
    n_lanes = max(lane.values(), default=0) + 1
    lane_h = 26
    top = 70
    axis_y = top + n_lanes * lane_h + 8
    list_y = axis_y + 56
    row_h, head_h = 20, 28
    height = list_y + len(entries) * row_h + len(groups) * head_h + 20

    n = len(entries)
    n_ev = sum(e.kind == "event" for e in entries)
    arts = len({e.article for e in entries})
    out = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' {_FONT} font-size='13'>",
        f"<rect width='{width}' height='{height}' fill='white'/>",
        f"<text x='{pad_l}' y='28' font-size='18' font-weight='bold'>"
        f"{escape(title or 'saidwhen timeline')}</text>",
        f"<text x='{pad_l}' y='50' fill='#4b5563'>{n_ev} events, {n - n_ev} quotes, "
        f"{arts} article{'s' if arts != 1 else ''}   "
        f"<tspan fill='{_COLOURS['event']}'>● event</tspan>   "
        f"<tspan fill='{_COLOURS['quote']}'>● quote</tspan>   "
        f"<tspan fill='{_COLOURS['undated']}'>● quote dated only by its article</tspan>   "
        f"<tspan fill='#4b5563'>▬ a range: after one date, by another</tspan></text>",
    ]
    for d, label in _ticks(lo, hi):
        x = x_of(d)
        out.append(
            f"<line x1='{x:.1f}' y1='{top - 8}' x2='{x:.1f}' y2='{axis_y + 5}' stroke='#e5e7eb'/>"
            f"<text x='{x + 3:.1f}' y='{axis_y + 18}' fill='#374151' font-size='12'>"
            f"{escape(label)}</text>"
        )
    out.append(
        f"<line x1='{pad_l}' y1='{axis_y}' x2='{width - pad_r}' y2='{axis_y}' "
        "stroke='#111827' stroke-width='1.5'/>"
    )
    for art_day in sorted({e.article_date for e in entries}):
        x = x_of(_day(art_day))
        out.append(
            f"<line x1='{x:.1f}' y1='{top - 8}' x2='{x:.1f}' y2='{axis_y}' stroke='#6b7280' "
            f"stroke-dasharray='4 3'/><text x='{x:.1f}' y='{axis_y + 34}' fill='#6b7280' "
            f"font-size='11' text-anchor='middle'>article {art_day}</text>"
        )
    for gi, (g, (x0, x1, label)) in enumerate(zip(groups, marks, strict=True)):
        kinds = {colour(e) for e in g}
        c = kinds.pop() if len(kinds) == 1 else "#7c3aed"
        y = top + lane[gi] * lane_h + lane_h / 2
        out.append(
            f"<line x1='{x0:.1f}' y1='{y:.1f}' x2='{x0:.1f}' y2='{axis_y}' stroke='{c}' "
            "stroke-opacity='0.35'/>"
        )
        if x1 - x0 >= 4:
            out.append(
                f"<rect x='{x0:.1f}' y='{y - 5:.1f}' width='{x1 - x0:.1f}' height='10' rx='5' "
                f"fill='{c}' fill-opacity='0.3' stroke='{c}'/>"
            )
        out.append(
            f"<circle cx='{x0:.1f}' cy='{y:.1f}' r='9' fill='{c}'/>"
            f"<text x='{x0:.1f}' y='{y + 4:.1f}' fill='white' font-size='10' "
            f"font-weight='bold' text-anchor='middle'>{gi + 1}</text>"
            f"<text x='{x0 - 13 if flip[gi] else x0 + 13:.1f}' "
            f"y='{y - 8 if x1 - x0 >= 4 else y + 4:.1f}' font-size='12' fill='#111827' "
            f"text-anchor='{'end' if flip[gi] else 'start'}'>{escape(label)}</text>"
        )
    many = arts > 1
    y = list_y
    text_chars = max(30, (width - pad_l - 230) // 7)
    for gi, g in enumerate(groups):
        kinds = {colour(e) for e in g}
        c = kinds.pop() if len(kinds) == 1 else "#7c3aed"
        out.append(
            f"<circle cx='{pad_l + 9}' cy='{y - 4}' r='9' fill='{c}'/>"
            f"<text x='{pad_l + 9}' y='{y}' fill='white' font-size='10' font-weight='bold' "
            f"text-anchor='middle'>{gi + 1}</text>"
            f"<text x='{pad_l + 26}' y='{y}' font-weight='bold' font-size='14'>"
            f"{escape(g[0].when_label)}</text>"
        )
        y += row_h + 2
        for e in g:
            what = e.shown
            if many:
                what = f"[{e.article}] {what}"
            out.append(
                f"<circle cx='{pad_l + 32}' cy='{y - 4}' r='4' fill='{colour(e)}'/>"
                f"<text x='{pad_l + 44}' y='{y}' font-weight='bold'>"
                f"{escape(_cut(e.who or '?', 24))}</text>"
                f"<text x='{pad_l + 230}' y='{y}'>{escape(_cut(what, text_chars))}</text>"
            )
            y += row_h
        y += head_h - row_h
    out.append("</svg>")
    return "\n".join(out) + "\n"
