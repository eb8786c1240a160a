"""date_quotes(): each quote's date, from the evidence in the order the package
docstring gives (:mod:`saidwhen.extract.when`)."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from saidwhen.extract.timexes import period_range
from saidwhen.extract.when.base import (
    _CHANNEL_WORDS,
    _DOCUMENT,
    _LATER,
    _PERFECT,
    PARAGRAPH_BREAK,
    Spans,
    _Dated,
    _dated_free,
    _sentence_of,
    _within_paragraphs,
    _word,
    days_before,
    doc_sentences,
    doc_text,
    first_day,
    said_before_now,
    starts_after,
    starts_by,
    starts_from,
    surname_of,
    timex_when,
)
from saidwhen.extract.when.clauses import (
    _COARSE,
    _aside,
    _dates_a_thing,
    _in_reported,
    _names_a_thing,
    _other_clause,
    _pointed_back,
    _shown_on,
    on_the_cue,
    tied_to_cue,
)
from saidwhen.extract.when.evidence import (
    _ACCOUNT_GAP,
    _ACCOUNT_REACH,
    _NAMED_AUDIENCE,
    _OWN_INTERVIEW,
    _PRESENT_SAY,
    _YESTERDAY,
    _account_date,
    _channel_key,
    _day_after_told,
    _document_date,
    _event_date,
    _frame_channel,
    _headings_dated,
    _news_day,
    _occasion,
    _occasion_goes_on,
    _outside,
    _said_then,
    _same_audience,
    _same_words_dated,
    _since_clause,
    _updated_day,
    _weekday_until,
    lead_end_of,
    written,
)
from saidwhen.extract.when.learned import choose_days
from saidwhen.extract.when.occasions import (
    _OCCASION_NOUN,
    _names_occasion,
    _occasions_dated,
    _sets_occasion,
    interviews_dated,
    lead_at_occasion,
)
from saidwhen.model import DateRange, Quote, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc


def date_quotes(
    doc: Doc | str, quotes: Sequence[Quote], timexes: Sequence[Timex], anchor: dt.date
) -> list[Quote]:
    """The quotes with ``when``/``when_range``/``when_basis`` filled in.

    Args:
        doc: the parsed article (a spaCy doc), or its text.
        quotes: the quotes in text order; ``continues`` indexes into this list.
        timexes: the article's temporal expressions.
        anchor: the article date.
    """
    text = doc_text(doc)
    # A channel the text names only inside someone's words ("said it was a mistake to use
    # private email") is what they spoke of, not how: not a channel to date by.
    spans = Spans([(q.start, q.end) for q in quotes])
    lower = text.lower()
    channels = {q.channel for q in quotes if q.channel}
    topics = {c for c in channels if _spoken_of(lower, spans, c.lower())}
    working = [replace(q, channel=None) if q.channel in topics else q for q in quotes]
    sents = _within_paragraphs(text, doc_sentences(doc))
    working = _channels_told(text, sents, working)
    dated = _date_all(doc, text, working, timexes, anchor, sents)
    return [
        d if d.channel == q.channel else replace(d, channel=q.channel)
        for d, q in zip(dated, quotes, strict=True)
    ]


_DOCUMENT_CHANNEL = re.compile(rf"\b(?:{_DOCUMENT}|video|recording)\b", re.I)


def _channels_told(
    text: str, sents: Sequence[tuple[int, int]], quotes: Sequence[Quote]
) -> list[Quote]:
    """The quotes with the channel only where the text tells it: in the attribution (outside
    the quoted words), or going on from the speaker's words just before in it ("'...,'
    Ruiz wrote on her blog. '...,' she added"); not a channel carried on from words said
    long before ("In another tweet, Lee called ..." does not make Lee's later words at a
    rally a tweet)."""
    out: list[Quote] = []
    last: dict[str, Quote] = {}  # each speaker's last quote, with the channel kept
    for q in quotes:
        name = q.speaker.name if q.speaker is not None and q.speaker.name else ""
        if q.channel and q.continues is None:
            at = q.cue.start if q.cue else q.start
            s, e = _sentence_of(sents, at)
            named = any(k in _channel_key(_outside(text, s, e, q)) for k in _channel_key(q.channel))
            p = last.get(name)
            # a document is quoted on and on ("the doctors stated" after "in a letter"); a
            # post, a show, an interview go on only just after
            near = (
                p is not None
                and p.channel == q.channel
                and (q.start - p.end <= _ACCOUNT_GAP or _DOCUMENT_CHANNEL.search(q.channel))
            )
            if not (named or near):
                q = replace(q, channel=None)
        elif q.continues is not None and 0 <= q.continues < len(out):
            q = replace(q, channel=out[q.continues].channel)
        out.append(q)
        if name:
            last[name] = q
    return out


def _spoken_of(lower: str, spans: Spans, channel: str) -> bool:
    """Every mention of the channel (in the lowercased text) lies inside some quote's words."""
    x = lower.find(channel)
    if x < 0:
        return False
    while x >= 0:
        if x not in spans:
            return False
        x = lower.find(channel, x + 1)
    return True


def _date_all(
    doc: Doc | str,
    text: str,
    quotes: Sequence[Quote],
    timexes: Sequence[Timex],
    anchor: dt.date,
    sents: Sequence[tuple[int, int]],
) -> list[Quote]:
    """The quotes dated; ``sents``: the article's sentences cut at paragraph breaks."""
    # An update (an embedded post dated after the article) tells of days up to its own;
    # yesterday's news stays the day before the article.
    updated = _updated_day(text, timexes, anchor)
    limit = anchor if updated is None else updated
    if updated is not None:
        timexes = [_weekday_until(t, anchor, updated) for t in timexes]
    # Dates the narrative has told so far: dated timexes in the text, outside the quoted
    # words (a date a speaker mentions is not a step of the story).
    quoted = Spans([(q.start, q.end) for q in quotes if q.kind != "indirect"])
    told = sorted(
        (
            _Dated(t.start, *timex_when(t, limit))
            for t in timexes
            if timex_when(t, limit) != (None, None)
            and t.value != "PRESENT_REF"
            and t.start not in quoted
        ),
        key=lambda d: d.pos,
    )
    # A date inside anyone's quoted words dates what is said, not a saying; the narrative's
    # own dates are outside reported speech too.
    free = sorted((t for t in timexes if t.start not in quoted), key=lambda t: t.start)
    said = Spans([(q.start, q.end) for q in quotes])
    story = [t for t in free if t.start not in said]
    parsed = None if isinstance(doc, str) or not hasattr(doc, "char_span") else doc
    so_far = _SaidSoFar()
    for i, q in enumerate(quotes):
        so_far.append(_date_one(q, i, so_far, text, sents, free, told, limit, story, parsed))
    out = _same_words_dated(_headings_dated(text, so_far))
    if anchor == dt.date.min:  # no day before it
        return out
    out = _occasions_dated(text, sents, out, free, story, anchor, parsed)
    own = out  # before the passes that choose between the story's day and the article's
    out = _reactions_dated(out, text, sents, story, anchor)
    out = _lead_speakers_dated(out, text, sents, story, anchor, parsed)
    out = _reporting_dated(out, text, sents, story, anchor)
    yesterday = days_before(anchor, 1)
    # the lead's day is the day of the story's words only when the lead sets them at an
    # occasion (a debate, a rally, a call with reporters); words quoted on a day's act or
    # happening (a merger announced, an attack) are reactions, new to the article
    news = _news_day(text, story, anchor) == yesterday
    occasion = lead_at_occasion(text)
    lead_day = news and occasion
    # the dates the narrative tells, in text order ("the hearing Tuesday of three officials")
    # (not an older event named as a thing: "his account of the July 10 meeting")
    week = days_before(anchor, 7)
    days = []
    for t in story:
        when, rng = timex_when(t, anchor)
        if (when, rng) == (None, None) or _since_clause(text, t):
            continue
        thing = parsed is not None and _names_a_thing(parsed, t)
        if not (thing and not starts_from(when, rng, week)):
            days.append(_Day(t.start, when, rng, thing, parsed is not None and _aside(parsed, t)))
    if not lead_day and _lead_says_today(out, text, sents, story, anchor):
        days = []  # the story is of the article's day: a day before it told later is an aside
    out = _yesterday_dated(out, text, sents, days, yesterday, lead_day, reactions=news)
    out = choose_days(own, out, text, sents, story, anchor, news=news, occasion=occasion)
    # last: a speaker's dated interview dates only the words every pass above left undated
    out = interviews_dated(text, sents, out, free, anchor)
    # words quoted again (a headline, a subheading, a fragment of a quote given whole) are
    # one saying with the words the passes above dated
    out = _same_words_dated(_headings_dated(text, out))
    return _round_up_dated(text, out, anchor)


# the paper's own reporting ("Politico interviewed nearly 20 senators over the past week",
# "in interviews this week", "voters surveyed in recent days")
_REPORTING = re.compile(
    r"\b(?:interviewed|(?:in|during)\s+(?:\w+\s+)?interviews|surveyed|polled|"
    r"(?:spoke|talked)\s+(?:with|to))\b",
    re.I,
)


def _reporting_dated(
    quotes: Sequence[Quote],
    text: str,
    sents: Sequence[tuple[int, int]],
    story: Sequence[Timex],
    anchor: dt.date,
) -> list[Quote]:
    """The article's reporting frame ("interviewed nearly 20 senators over the past week")
    dates the words it covers, the ones the text leaves undated, as its range
    (annotations/BRIEF.md, rule 2): after it, and before it too ("none of the scholars I
    interviewed this week thought ..." after their words); not words written for the
    record (a statement, a tweet)."""
    frame = None
    for t in story:
        when, rng = timex_when(t, anchor)
        if rng is None or when is not None or not rng.start or rng.start >= anchor.isoformat():
            continue
        s, e = _sentence_of(sents, t.start)
        m = _REPORTING.search(text, s, e)
        if m is not None and abs(m.start() - t.start) <= _REPORTING_REACH:
            trailing = _TRAILING.fullmatch(t.text)
            if trailing is not None:  # "over the past week": the seven days up to the article
                days = _TRAILING_DAYS[trailing.group(1).lower()]
                rng = DateRange(days_before(anchor, days), anchor.isoformat())
            frame = rng
            break
    if frame is None:
        return list(quotes)
    return [
        replace(q, when=None, when_range=frame, when_basis="text")
        if q.when is None
        and q.when_range is None
        and q.when_basis == "article date"
        and q.cue is not None
        and not written(q)
        and _to_the_paper(q, text, sents)
        else q
        for q in quotes
    ]


def _to_the_paper(q: Quote, text: str, sents: Sequence[tuple[int, int]]) -> bool:
    """Words the attribution leaves to the paper's reporting: not told to another outlet or
    person ("told CNN"), nor said at an occasion or through a channel of their own ("at a
    rally", "on Fox News"), other than the paper's interview ("said in an interview")."""
    s, e = _sentence_of(sents, q.cue.start if q.cue else q.start)
    frame = _outside(text, s, e, q)
    if _NAMED_AUDIENCE.search(frame):
        return False
    if _OWN_INTERVIEW.search(frame):
        return True
    return not _frame_channel(frame) and not _sets_occasion(frame)


_REPORTING_REACH = 80  # characters between the reporting verb and its period
_TRAILING = re.compile(r"(?:the\s+)?past\s+(week|month)", re.I)
_TRAILING_DAYS = {"week": 7, "month": 30}


# a headline that gathers words said in a year ("17 Things Latinos Said In 2015", "The Best
# Quotes Of 2015")
_ROUND_UP = re.compile(
    r"\b(?:things|quotes|quotations|moments)\b(?:.{0,60}?\b(?:said|says)\b)?"
    r".{0,40}?\b(?:in|of)\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
_HEADLINE_CHARS = 200


def _round_up_dated(text: str, quotes: Sequence[Quote], anchor: dt.date) -> list[Quote]:
    """A round-up of the year's words (its headline: "Things Latinos Said In 2015"): the
    words it leaves undated were said in that year, by the article's day."""
    head = text.lstrip()
    end = head.find("\n")
    head = head[: end if end >= 0 else len(head)]
    m = _ROUND_UP.search(head) if len(head) <= _HEADLINE_CHARS else None
    if m is None or int(m.group("year")) > anchor.year:
        return list(quotes)
    year = m.group("year")
    return [
        replace(q, when=year, when_range=None, when_basis="text")
        if q.when is None and q.when_range is None and q.when_basis == "article date"
        else q
        for q in quotes
    ]


def _lead_says_today(
    quotes: Sequence[Quote],
    text: str,
    sents: Sequence[tuple[int, int]],
    story: Sequence[Timex],
    anchor: dt.date,
) -> bool:
    """The lead dates words to the article's own day by their attribution ("Albright said
    on Tuesday that ..." in Tuesday's paper): the story reports that day."""
    lead_end = lead_end_of(text)
    today = anchor.isoformat()
    for p in quotes:
        if p.cue is None or p.cue.start >= lead_end or p.when != today:
            continue
        s, e = _sentence_of(sents, p.cue.start)
        if any(s <= t.start < e and t.date == today and t.granularity == "day" for t in story):
            return True
    return False


def _reactions_dated(
    quotes: Sequence[Quote],
    text: str,
    sents: Sequence[tuple[int, int]],
    story: Sequence[Timex],
    anchor: dt.date,
) -> list[Quote]:
    """Reactions told together: in a paragraph that opens with words dated by their own
    attribution ("Mayor Lee said Friday that ..."), another speaker's words said then
    ("Judge Ferrell said it would be 'unwise'") are of that day too."""
    out = list(quotes)
    starts = [q.start for q in quotes]
    week = days_before(anchor, 7)
    for i, q in enumerate(quotes):
        if q.when or q.when_range or q.continues is not None or q.cue is None:
            continue
        if written(q) or q.speaker is None:
            continue
        a = text.rfind("\n", 0, q.start) + 1
        # (the quotes are in text order: only the paragraph's are looked at)
        before = [
            p
            for p in out[bisect.bisect_left(starts, a, 0, i) : i]
            if p.start >= a
            and p.cue is not None
            and p.continues is None
            and p.speaker is not None
            and p.speaker.name != q.speaker.name
        ]
        first = next((p for p in before if _told_day(text, sents, story, p, week, anchor)), None)
        if first is None or any(p.when != first.when for p in before[before.index(first) :]):
            continue  # no reaction dated by its own words, or another day told since
        s, e = _sentence_of(sents, q.cue.start)
        frame = _outside(text, s, e, q)
        if _said_then(text, q.cue, frame) and not _OWN_INTERVIEW.search(frame):
            out[i] = replace(q, when=first.when, when_range=None, when_basis="text")
    return out


def _lead_speakers_dated(
    quotes: Sequence[Quote],
    text: str,
    sents: Sequence[tuple[int, int]],
    story: Sequence[Timex],
    anchor: dt.date,
    parsed: Doc | None = None,
) -> list[Quote]:
    """A speaker whose words the lead dates by their own attribution to a day of the past
    week ("Ruiz on Tuesday called the plan 'reckless'") said their other words that the
    text leaves undated, in the simple past, that day ("'I stand by it,' Ms.
    Ruiz said"); not words written for the record, nor the paper's own interview. So did
    a speaker a caption shows somewhere on such a day ("Ruiz and Lee stand in front of a
    polling place in Dover on Tuesday."), when the lead dates none of their words."""
    lead_end = lead_end_of(text)
    week = days_before(anchor, 7)
    days: dict[str, str] = {}
    for p in quotes:
        if p.speaker is None or not p.speaker.name or p.cue is None or not p.when:
            continue
        # spoken there, not written ("On Sunday, Lee wrote on her blog that ...")
        lead = p.cue.start < lead_end and p.continues is None and not written(p)
        if lead and _told_day(text, sents, story, p, week, anchor):
            days.setdefault(p.speaker.name, p.when)
    if parsed is not None:
        for name, shown in _shown_on(parsed, sents, quotes, story, week, anchor).items():
            days.setdefault(name, shown)
    out = list(quotes)
    for i, q in enumerate(quotes):
        if q.when or q.when_range or q.continues is not None or q.cue is None:
            continue
        day = days.get(q.speaker.name or "") if q.speaker is not None else None
        # words that tell of "yesterday" are of another day than the one they speak of
        if day is None or written(q) or _YESTERDAY.search(text, q.start, q.end):
            continue
        s, e = _sentence_of(sents, q.cue.start)
        frame = _outside(text, s, e, q)
        # a bare "Ruiz said", not to another audience or in another channel ("told the Gazette")
        if _occasion(frame) != (None, set()) or _OWN_INTERVIEW.search(frame):
            continue
        if _said_then(text, q.cue, frame):
            out[i] = replace(q, when=day, when_range=None, when_basis="text")
    return out


def _told_day(
    text: str,
    sents: Sequence[tuple[int, int]],
    story: Sequence[Timex],
    p: Quote,
    week: str,
    anchor: dt.date,
) -> bool:
    """``p`` is dated, in the past week, by a day its own sentence tells ("said Friday")."""
    if not p.when or not week <= p.when < anchor.isoformat():
        return False
    s, e = _sentence_of(sents, p.cue.start if p.cue else p.start)
    return any(s <= t.start < e and t.date == p.when for t in story)


def _yesterday_dated(
    quotes: Sequence[Quote],
    text: str,
    sents: Sequence[tuple[int, int]],
    days: Sequence[_Day],
    yesterday: str,
    lead: bool,
    reactions: bool = False,
) -> list[Quote]:
    """Quotes the text leaves undated, said ("said", "told") on the day before the article.

    When the lead reports that day at an occasion of speaking (``lead``: words written then
    too: a statement, an email, a post on the day's news), or the last day the narrative
    told before the quote is that day ("follows the hearing Tuesday of three officials"),
    within a paragraph of it or of the words said that day since (unless it is the first past
    day the text tells, and not the day of the lead's act the words react to:
    ``reactions``); or the day before that, told just before as a day of speaking (words
    the text dated to it since, within a paragraph). A pass of its own, after
    the others, so that this day never spreads to other quotes as if the text had dated
    them (through a channel, an account).
    """
    out: list[Quote] = []
    # who spoke on each day told next to their cue ("on Monday, the union said ...", "Over the
    # weekend, Ruiz hit back ..."): for them, not the story's day
    cues = sorted((p.cue.start, i) for i, p in enumerate(quotes) if p.cue and p.speaker)
    whose = [] if lead else [set() if d.thing else _whose_day(text, quotes, cues, d) for d in days]
    said_then = -1  # where the last words said on the day before start
    breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(text)]  # counted by bisection, per quote
    lead_end = lead_end_of(text)
    first = next((d for d in days if d.when and len(d.when) == 10 and d.when <= yesterday), None)
    act: tuple[int, int] | None = None  # the sentence of the lead's act, that day
    # the day before that, told just before the words as a day of speaking (Thursday's
    # paper: "told a radio host on Tuesday", then "'...,' he said")
    day_before = days_before(dt.date.fromisoformat(yesterday), 1)
    said_before = -1  # where the last words said the day before that start
    if reactions and not lead:
        first = None  # the lead's own day, of an act the words react to: no boilerplate's
        day = next((d for d in days if d.when == yesterday and d.pos < lead_end), None)
        act = _sentence_of(sents, day.pos) if day is not None else None
    for q in quotes:
        if q.when == yesterday:
            said_then = max(said_then, q.start)
        elif q.when == day_before:
            said_before = max(said_before, q.start)
        if q.when is not None or q.when_range is not None:
            out.append(q)
            continue
        if q.continues is not None and 0 <= q.continues < len(out):
            prev = out[q.continues]
            out.append(
                replace(q, when=prev.when, when_range=prev.when_range, when_basis=prev.when_basis)
            )
            continue
        at = q.cue.start if q.cue else q.start
        name = q.speaker.name if q.speaker else None
        # the last day the story told, not one of another's words
        last = None
        if not lead:
            last = next(
                (
                    d
                    for d, w in zip(reversed(days), reversed(whose), strict=True)
                    if d.pos < at and not w - {name}
                ),
                None,
            )
        # ... within a paragraph of it or of the words said that day since ("Yesterday, the
        # stock plunged further." two paragraphs before is an aside), unless it is the first
        # past day the story tells (the lead's, after a lead of boilerplate)
        told = (
            last is not None
            and last.when == yesterday
            and (
                last is first
                or bisect.bisect_left(breaks, q.start)
                - bisect.bisect_left(breaks, max(last.pos, said_then))
                <= _TOLD_GAP
            )
        ) or (
            # two days before, only as a day of speaking: words the text dated to it since
            # it was told, within a paragraph (not a primary the words react to)
            last is not None
            and last.when == day_before
            and said_before > last.pos
            and bisect.bisect_left(breaks, q.start) - bisect.bisect_left(breaks, said_before)
            <= _TOLD_GAP
        )
        # the one the lead shows acting that day ("Ruiz rallied dock workers on Tuesday")
        # said their words then; the others' are reactions
        actor = bool(act and name and _word(surname_of(name)).search(text, *act))
        if not (lead or told or actor):
            out.append(q)
            continue
        if (lead or actor) and name and _told_older(days, breaks, at, yesterday):
            # the narrative has gone back to another time ("They first met in 2007 ..."), and
            # the speaker is not one the lead reports on (named in it before the words)
            surname = _word(surname_of(name))
            if not surname.search(text, 0, min(lead_end, text.rfind("\n", 0, q.start) + 1)):
                out.append(q)
                continue
        if q.cue is None:
            out.append(q)
            continue
        s, e = _sentence_of(sents, q.cue.start)
        if _OWN_INTERVIEW.search(_outside(text, s, e, q)):
            out.append(q)  # the paper's own interview, which it does not date
            continue
        if _said_then(text, q.cue, _outside(text, s, e, q)):
            said_on = last.when if told and not lead and last is not None else yesterday
            q = replace(q, when=said_on, when_range=None, when_basis="text")
            if said_on == yesterday:
                said_then = max(said_then, q.start)
            else:
                said_before = max(said_before, q.start)
        out.append(q)
    return out


_TOLD_GAP = 1  # paragraph breaks from the day told, or the last words said that day


def _told_older(days: Sequence[_Day], breaks: Sequence[int], at: int, yesterday: str) -> bool:
    """The last date the narrative told before ``at``, within a paragraph of it, ended before
    the lead's day ("They first met in 2007 ..." then "'...,' said Rhodes"): words told there
    are not of the day's news. ``days`` and ``breaks`` in text order."""
    k = bisect.bisect_left(days, at, key=lambda d: d.pos)
    if not k:
        return False
    last = days[k - 1]
    if last.thing or last.aside:
        return False
    if bisect.bisect_left(breaks, at) - bisect.bisect_left(breaks, last.pos) > _TOLD_GAP:
        return False
    end = last.when_range.end if last.when_range else None
    if last.when:
        span = period_range(last.when)
        end = span.end if span else last.when
    return end is not None and end < yesterday


@dataclass(frozen=True, slots=True)
class _Day:
    """A date the narrative tells at ``pos``; ``thing``: as part of a noun ("the Saturday
    debate")."""

    pos: int
    when: str | None
    when_range: DateRange | None
    thing: bool
    aside: bool = False  # in a clause about something else ("Ali, who died in June")


def _whose_day(
    text: str, quotes: Sequence[Quote], cues: Sequence[tuple[int, int]], day: _Day
) -> set[str | None]:
    """The speakers whose saying the day is told of, next to its cue ("on Monday, the union said
    ..."), not as an event of the story ("the hearing Tuesday of three officials").
    ``cues``: (where, which quote) of the quotes with a cue and a speaker, in text order."""
    out: set[str | None] = set()
    a = bisect.bisect_left(cues, (day.pos - _NEAR_CUE, -1))
    b = bisect.bisect_right(cues, (day.pos + _NEAR_CUE, len(quotes)))
    for _, i in cues[a:b]:
        p = quotes[i]
        if p.cue is None or p.speaker is None:
            continue
        if (p.when, p.when_range) != (day.when, day.when_range):
            continue
        a, b = sorted((day.pos, p.cue.start))
        if len(text[a:b].split()) <= _NEXT_TO_CUE and not re.search(r"[\"“”]|''", text[a:b]):
            out.add(p.speaker.name)
    return out


_NEAR_CUE = 120  # characters: no cue further than this is four words from a day
_NEXT_TO_CUE = 4  # words from a day to the cue it dates ("on Monday, the network said")


def _moved_on(
    text: str, sents: Sequence[tuple[int, int]], told: Sequence[_Dated], p: Quote, at: int
) -> bool:
    """Between the speaker's words ``p`` and the attribution at ``at``, the narrative told
    another date of the speaker ("Park asked Ruiz Wednesday ..." after her words of
    December): a new account, not the old one going on. ``told`` in text order."""
    name = p.speaker.name if p.speaker else ""
    if not name:
        return False
    a = bisect.bisect_left(told, p.end, key=lambda d: d.pos)
    b = bisect.bisect_left(told, at, key=lambda d: d.pos)
    between = [d for d in told[a:b] if (d.when, d.when_range) != (p.when, p.when_range)]
    if not between:
        return False
    surname = _word(surname_of(name))
    return any(surname.search(text, *_sentence_of(sents, d.pos)) for d in between)


def _starting_in(timexes: Sequence[Timex], s: int, e: int) -> Sequence[Timex]:
    """The timexes (in text order) that start in ``s:e``."""
    a = bisect.bisect_left(timexes, s, key=lambda t: t.start)
    return timexes[a : bisect.bisect_left(timexes, e, lo=a, key=lambda t: t.start)]


def _closing(p: Quote) -> bool:
    """Whether ``p`` is a report whose cue follows its words ("..., prosecutors said"):
    it tells when the source told of them, not when what it tells of was said."""
    return p.kind == "indirect" and p.cue is not None and p.cue.start >= p.end


# "Minutes later", "an hour later": no day has passed
_SAME_DAY = re.compile(
    r"\b(?:(?:seconds|minutes|moments|hours)|(?:a|an|one|two|three|few)\s+(?:few\s+)?"
    r"(?:seconds?|minutes?|moments?|hours?))\s+later\b",
    re.I,
)
# "said then", "told reporters at the time" (not "said Lee, then a senator": a comma between)
_THEN = re.compile(
    r"(?:\s+[\w'’]+){0,2}?\s+(?:back\s+)?(?:then|at\s+(?:the|that)\s+time)\b(?![\w-])", re.I
)
_THEN_REACH = 40  # characters after the cue
# "exclaimed Albright, who as a child fled and later became a citizen": that clause's "later"
_RELATIVE_CLAUSE = re.compile(r"\b(?:who|whom|whose|which)\b[^,;:]*", re.I)


def _in_anothers_report(p: Quote, done: Sequence[Quote]) -> bool:
    """``p`` is quoted words inside a report ``done`` holds whose speaker is not p's."""
    if p.kind != "fragment" or p.continues is None or not 0 <= p.continues < len(done):
        return False
    report = done[p.continues].speaker
    return report is None or p.speaker is None or report.name != p.speaker.name


class _SaidSoFar(list[Quote]):
    """The quotes dated so far, in text order, with what each next quote asks of them kept at
    hand, so that a text's quotes are dated in about linear time: each speaker's quotes, and
    how far the quotes up to each one reach."""

    def __init__(self) -> None:
        super().__init__()
        self._reach: list[int] = []  # _reach[k]: the furthest end of self[: k + 1]
        self._main: list[Quote] = []  # not continuations
        self._by_speaker: dict[str, list[Quote]] = {}  # every quote of each named speaker
        self._main_by_speaker: dict[str, list[Quote]] = {}

    def append(self, q: Quote) -> None:
        super().append(q)
        self._reach.append(max(self._reach[-1], q.end) if self._reach else q.end)
        name = q.speaker.name if q.speaker is not None else None
        if name is not None:
            self._by_speaker.setdefault(name, []).append(q)
        if q.continues is None:
            self._main.append(q)
            if name is not None:
                self._main_by_speaker.setdefault(name, []).append(q)

    def holding(self, pos: int) -> Quote | None:
        """The last quote whose words hold ``pos`` ("she said that she had asked ..."), not
        a report closed by its source ("he said, '...', prosecutors said")."""
        for k in range(len(self) - 1, -1, -1):
            if self._reach[k] <= pos:
                return None  # none of the quotes up to it reaches so far
            p = self[k]
            if p.start <= pos < p.end and not _closing(p):
                return p
        return None

    def before(self, q: Quote) -> int:
        """How many of the quotes so far start before ``q``: ``self[k - 1]`` is the words
        just before it (anyone's)."""
        k = len(self)
        while k and self[k - 1].start >= q.start:
            k -= 1
        return k

    def of_speaker(self, name: str) -> list[Quote]:
        """The speaker's quotes so far, continuations too."""
        return self._by_speaker.get(name, [])

    def own(self, q: Quote) -> list[Quote]:
        """The quotes of the same speaker before ``q``, not continuations (all, when the
        speaker is unknown)."""
        name = q.speaker.name if q.speaker else None
        found = self._main if name is None else self._main_by_speaker.get(name, [])
        k = len(found)
        while k and found[k - 1].start >= q.start:
            k -= 1
        return found if k == len(found) else found[:k]


# a reply to the words before ("shot back", "replied", "fired back", "retorted")
_ANSWERS = re.compile(
    r"(?:\w+ly\s+)?(?:repl(?:ied|ies)|retort(?:ed|s)|shot\s+back|fired\s+back|hit\s+back|"
    r"answered|responded|countered)\b",
    re.I,
)


# a question put to someone ("Okafor asked Ruiz whether ...", "pressed her on")
_ASKS = re.compile(r"(?:\w+ly\s+)?(?:ask(?:ed|s)?|question(?:ed|s)?|press(?:ed|es)?)\b", re.I)


def _answered(q: Quote, done: _SaidSoFar, text: str) -> Quote | None:
    """The other speaker's quote just before, dated by the text, that ``q`` answers ("'Look
    at all these supporters,' Paradis said. '...,' Bennett shot back."), or the question
    put to the speaker just before ("On Tuesday, Okafor asked Ruiz whether ..." then
    "'...,' Ruiz said")."""
    if q.cue is None or q.speaker is None:
        return None
    if not _ANSWERS.match(q.cue.text) and not _asked(q, done, text):
        return None
    k = done.before(q)
    while k and done[k - 1].continues is not None:
        k -= 1  # the other speaker's words, from where they begin
    if not k:
        return None
    p = done[k - 1]
    if p.speaker is None or p.speaker.name == q.speaker.name or p.when_basis != "text":
        return None
    last = max(x.end for x in done[k - 1 :] if x.start < q.start)
    if q.start - last > _ACCOUNT_GAP or not (p.when or p.when_range):
        return None
    return p


def _asked(q: Quote, done: _SaidSoFar, text: str) -> bool:
    """The words just before are a question put to ``q``'s speaker, named after the asking
    verb ("Okafor asked Ruiz whether ...")."""
    k = done.before(q)
    if not k or q.speaker is None or not q.speaker.name:
        return False
    p = done[k - 1]
    if p.cue is None or not _ASKS.match(p.cue.text):
        return False
    return _word(surname_of(q.speaker.name)).search(text, p.cue.end, p.start) is not None


def _finer_account(
    q: Quote,
    done: _SaidSoFar,
    when: str | None,
    text: str,
    sents: Sequence[tuple[int, int]],
    told: Sequence[_Dated],
    at: int,
) -> Quote | None:
    """The speaker's words just before, dated to a day within the year or month the
    attribution tells ("a letter ... sent out Friday", then "He then listed the qualities of a
    nominee in 2016:"): the same account, told more finely."""
    if not when or len(when) not in (4, 7):
        return None
    own = done.own(q)
    if not own:
        return None
    p = own[-1]
    if (
        p.when_basis != "text"
        or not p.when
        or len(p.when) != 10
        or not p.when.startswith(when)
        or q.start - p.end > _ACCOUNT_REACH
        or _moved_on(text, sents, told, p, at)
    ):
        return None
    return p


def _said_that_day(q: Quote, done: _SaidSoFar, next_day: str) -> bool:
    """The speaker's words just before were said on the day told ("At a rally yesterday, Beck
    said, ..."): these go on there, and their "last night" is the night before it."""
    own = done.own(q)
    day = (dt.date.fromisoformat(next_day) - dt.timedelta(days=1)).isoformat()
    return bool(own) and own[-1].when == day and q.start - own[-1].end <= _ACCOUNT_GAP


def _on_own_cue(
    doc: Doc,
    text: str,
    q: Quote,
    sents: Sequence[tuple[int, int]],
    timexes: Sequence[Timex],
    anchor: dt.date,
) -> tuple[str | None, DateRange | None] | None:
    """The date the parse hangs on the quote's cue verb, outside the quoted words and no
    later than the article."""
    if q.cue is None:
        return None
    for t in _starting_in(timexes, *_sentence_of(sents, q.cue.start)):
        if q.start <= t.start < q.end or t.value == "PRESENT_REF":
            continue
        if _dated_free(t, anchor) is not None and on_the_cue(doc, t, q.cue):
            return timex_when(t, anchor, text)
    return None


# "later on the same show", "in the same interview": an occasion or a channel of speaking,
# not "in the same vein", "on the same issue" (the same thought, said anywhere)
_SAME_OCCASION = re.compile(
    rf"\b(?:on|in|at|during)\s+the\s+same\s+(?:{_OCCASION_NOUN}|{_CHANNEL_WORDS.pattern}|"
    r"stage|program(?:me)?|call|event|session|episode|appearance|broadcast)s?\b",
    re.I,
)


def _date_one(
    q: Quote,
    i: int,
    done: _SaidSoFar,
    text: str,
    sents: Sequence[tuple[int, int]],
    timexes: Sequence[Timex],
    told: Sequence[_Dated],
    anchor: dt.date,
    story: Sequence[Timex] = (),
    parsed: Doc | None = None,
) -> Quote:
    # A continuation is said when the quote it continues was; a cue inside another quote
    # ("she said that she had asked ...") is that quote's; not inside a report closed by
    # its source ("he said, "...", prosecutors said").
    if q.continues is not None and 0 <= q.continues < len(done):
        held: Quote | None = done[q.continues]
    else:
        held = done.holding(q.cue.start) if q.cue else None
    if held is not None:
        # unless the parse hangs a date on the quote's own cue ("'...,' two experts wrote
        # in September" joined to a report before, "as Lee said in April" inside another's);
        # a cue the two share was weighed for the first ("said in 2015" told more finely)
        own_cue = q.cue is not None and (held.cue is None or held.cue.start != q.cue.start)
        mine = None
        if parsed is not None and own_cue:
            mine = _on_own_cue(parsed, text, q, sents, timexes, anchor)
        if mine is not None:
            return replace(q, when=mine[0], when_range=mine[1], when_basis="text")
        return replace(q, when=held.when, when_range=held.when_range, when_basis=held.when_basis)
    at = q.cue.start if q.cue else q.start
    if q.cue is not None and _PRESENT_SAY.match(q.cue.text):
        # "Lee says that ...: Ferrell, in 2013, asked ...": words said to the
        # piece, now; a document speaks in the present too ("says the letter signed by ...")
        doc_date = _document_date(text, q, timexes, anchor)
        if doc_date is not None:
            return replace(q, when=doc_date[0], when_range=doc_date[1], when_basis="text")
        return replace(q, when=None, when_range=None, when_basis="article date")
    s, e = _sentence_of(sents, at)
    if q.cue is None:  # the sentence of the quote itself
        s, e = _sentence_of(sents, q.start)
    if q.cue is not None and q.cue.end <= q.start < e < q.end:
        # the sentence goes on after the words, broken inside them ('tweeted, "Thank you
        # Dover! #Ruiz" on Friday afternoon')
        s2, e2 = _sentence_of(sents, q.end - 1)
        if q.start < s2 < q.end:
            e = max(e, e2)
    # 2. A date in the attribution sentence, outside the quoted words, nearest the cue.
    # Words already said: never a date after the article's ("will speak next spring").
    here = [
        t
        for t in _starting_in(timexes, s, e)
        if not (q.start <= t.start < q.end)
        and timex_when(t, anchor) != (None, None)
        and not starts_after(*timex_when(t, anchor), anchor.isoformat())
        and not (
            parsed is not None
            and (
                _dates_a_thing(parsed, t)
                or _in_reported(parsed, t, q)
                or (q.cue and _other_clause(parsed, t, q.cue))
                # a year tells a speaker's or a thing's past unless the parse ties it to
                # the saying
                or (q.cue and t.granularity in _COARSE and not tied_to_cue(parsed, t, q.cue))
            )
        )
    ]
    if any(t.value != "PRESENT_REF" for t in here):
        # "said Tom Lee, now a consultant, during a September hearing": not "now"
        here = [t for t in here if t.value != "PRESENT_REF"]
    if here:
        t = min(here, key=lambda t: abs(t.start - at))
        when, rng = timex_when(t, anchor, text)
        # (a year by its number only: "earlier this year" tells a time of its own)
        finer = _finer_account(q, done, when, text, sents, told, at) if t.text.isdigit() else None
        if finer is not None:
            return replace(q, when=finer.when, when_range=None, when_basis="text")
        return replace(q, when=when, when_range=rng, when_basis="text")
    frame = _outside(text, s, e, q)
    # 3a0. "later on the same show", "in the same interview": the occasion of the words just
    # before goes on, dated or not (another speaker's too)
    if _SAME_OCCASION.search(frame):
        k = done.before(q)
        p = done[k - 1] if k else None
        if p is not None and q.start - p.end <= _ACCOUNT_REACH:
            return replace(q, when=p.when, when_range=p.when_range, when_basis=p.when_basis)
    # 3a. "later": after the last date told before it, by the article date.
    if _LATER.search(_RELATIVE_CLAUSE.sub(" ", frame)):
        # "'...,' Ruiz said at a rally last week" then "'...,' he said later": at it still
        own = done.own(q)
        if (
            own
            and q.start - own[-1].end <= _ACCOUNT_GAP
            and own[-1].when_basis == "text"
            and (own[-1].when or own[-1].when_range)
            and _names_occasion(text, sents, own[-1])
        ):
            return replace(q, when=own[-1].when, when_range=own[-1].when_range, when_basis="text")
        # After what was told last before it, in the order of the text: a date, or the
        # speaker's previous quote (when that one has no date, neither has this).
        # (a date after the article's is what is planned, not a step of the story)
        before = [
            d for d in told if d.pos < at and starts_by(d.when, d.when_range, anchor.isoformat())
        ]
        before += [
            _Dated(p.cue.start if p.cue else p.start, p.when, p.when_range) for p in done.own(q)
        ]
        before = [d for d in before if d.pos < at]
        last = max(before, key=lambda d: d.pos) if before else None
        start = first_day(last.when, last.when_range) if last else None
        if last is not None and start is None:
            return replace(q, when=None, when_range=None, when_basis="article date")
        if last is not None and last.when and len(last.when) == 10 and _SAME_DAY.search(frame):
            # "Minutes later, she sent an email": still the day told last
            return replace(q, when=last.when, when_range=None, when_basis="text")
        return replace(
            q, when=None, when_range=DateRange(start, anchor.isoformat()), when_basis="text"
        )
    # 3a'. "he said then", "she wrote at the time": the time the narrative told last, an
    # event's too ("those Lee made at a May 4 rally ... '...,' she said then")
    if q.cue is not None and _THEN.match(text, q.cue.end, q.cue.end + _THEN_REACH):
        last = max(
            (
                d
                for d in told
                if at - _ACCOUNT_REACH <= d.pos < at
                and starts_by(d.when, d.when_range, anchor.isoformat())
            ),
            key=lambda d: d.pos,
            default=None,
        )
        if last is not None:
            return replace(q, when=last.when, when_range=last.when_range, when_basis="text")
    # 3a''. "has argued", "have said": some time before the article, no account's date
    if q.cue and said_before_now(text, q.cue):
        return replace(q, when=None, when_range=None, when_basis="article date")
    # 3b. "she had added": the account before it goes on ("had documented her
    # pregnancy from August": unless a date follows the cue at once).
    cue_start = q.cue.start if q.cue else at
    if q.cue and (
        _PERFECT.search(text, max(0, cue_start - 20), cue_start)
        or q.cue.text.lower().startswith("had ")
    ):
        soon = [
            t
            for t in timexes
            if q.cue.end <= t.start < q.cue.end + 60 and timex_when(t, anchor) != (None, None)
        ]
        if soon:
            when, rng = timex_when(soon[0], anchor, text)
            return replace(q, when=when, when_range=rng, when_basis="text")
        own = done.own(q)
        if own:  # the speaker's account goes on, dated or not
            p = own[-1]
            return replace(q, when=p.when, when_range=p.when_range, when_basis=p.when_basis)
    # 3c. "Lee added", "the statement continued": the occasion of the speaker's quote
    # just before goes on, dated or not.
    same = _occasion_goes_on(q, done)
    if same is not None:
        return replace(q, when=same.when, when_range=same.when_range, when_basis=same.when_basis)
    # 3d. "says the letter", "the statement read": the document the text dated before.
    doc_date = _document_date(text, q, timexes, anchor)
    if doc_date is not None:
        return replace(q, when=doc_date[0], when_range=doc_date[1], when_basis="text")
    # 3e. Words that speak of "yesterday" the day the narrative just told were said the next
    # day ("On Thursday, Ruiz accused them." "'... her statements yesterday ...'").
    next_day = _day_after_told(text, sents, q, timexes, anchor)
    if next_day is not None and not _said_that_day(q, done, next_day):
        return replace(q, when=next_day, when_range=None, when_basis="text")
    # 3f. The sentence after points back to the words: "That's the view Ferrell gave on
    # Nov. 14."
    back = _pointed_back(text, sents, q, story, anchor)
    if back is not None:
        return replace(q, when=back[0], when_range=back[1], when_basis="text")
    # 4a. "During the call": the call the text dated before ("the March 21 call").
    event = _event_date(text, s, frame, story, anchor)
    if event is not None:
        return replace(q, when=event[0], when_range=event[1], when_basis="text")
    # 4b. The same speaker, told to the same named audience as earlier dated words.
    told_there = _same_audience(text, sents, q, frame, done)
    if told_there is not None:
        p = told_there
        return replace(q, when=p.when, when_range=p.when_range, when_basis="text")
    # 4c. The same speaker in the same channel as an earlier dated quote.
    # a channel word in the attribution that is not how the words came ("a signer of the
    # letter, told the Gazette") is not the quote's channel
    # (a channel named in it is among its channel words: read it only then)
    via = _frame_channel(frame) if _channel_key(frame) else set()
    channel = (_channel_key(q.channel or "") - (_channel_key(frame) - via)) or via
    if channel:
        weak = None
        for p in reversed(done):
            if not (p.when or p.when_range) or p.when_basis != "text":
                continue
            if q.speaker and p.speaker and q.speaker.name != p.speaker.name:
                continue
            shared = channel & _channel_key(p.channel or "")
            named = shared - {"post"}  # "post" alone may be a blog post or a photo post
            # a date told in between ends the account, unless the attribution names the
            # same medium again ("In her blog post on Medium, she revealed" after "her
            # Instagram post at the time" came between two quotes of the blog post)
            if not (via & named) and _moved_on(text, sents, told, p, at):
                break
            if named or (shared and channel == {"post"}):
                weak = p
                break
            if shared and weak is None:
                weak = p
        if weak is not None:
            return replace(q, when=weak.when, when_range=weak.when_range, when_basis="text")
    # 5. The account the narrative just dated: "Last week Lee revealed ..." then
    # "'...,' Lee testified"; "In May 2015, Ruiz released a letter from Dr.
    # Ferrell" then "'...,' Ferrell wrote".
    account = _account_date(text, sents, s, q, story, anchor, frame, parsed)
    if account is not None:
        return replace(q, when=account[0], when_range=account[1], when_basis="text")
    # 6. The speaker's account goes on from their quote just before ("... noting she had
    # lost 'every single vote.'" then "'...,' Ruiz said").
    if q.speaker is not None and q.speaker.name:
        for p in reversed(done.of_speaker(q.speaker.name)):
            if p.start >= q.start:
                continue
            if p.kind == "indirect" and p.continues is not None:
                continue  # "... and that ...": the second clause of a report before
            if _in_anothers_report(p, done):
                continue  # a title quoted in a report of no one's or someone else's
            # a quoted word, not a reported act ("who lobbied on Thursday for ..."), goes on,
            # in the same channel (a podcast then a newsletter are two occasions)
            other_channel = q.channel and p.channel and q.channel != p.channel
            # a bare "Ferrell said:" further on goes on from the speaker's dated words; an
            # attribution naming an audience or channel may be another occasion
            bare = _occasion(frame) == (None, set())
            if (
                not _moved_on(text, sents, told, p, at)
                and q.start - p.end <= (_ACCOUNT_REACH if bare else _ACCOUNT_GAP)
                and p.when_basis == "text"
                and p.kind != "indirect"
                and not other_channel
            ):
                return replace(q, when=p.when, when_range=p.when_range, when_basis="text")
            break
    # 7. "Lee shot back", "she replied to him": the exchange of the other speaker's words
    # just before, when the text dated them.
    asked = _answered(q, done, text)
    if asked is not None and asked.when != anchor.isoformat():
        return replace(q, when=asked.when, when_range=asked.when_range, when_basis="text")
    return replace(q, when=None, when_range=None, when_basis="article date")


# words written for the record ("said in a statement", "in an email") date themselves: the
# article's day, unless the text says otherwise
