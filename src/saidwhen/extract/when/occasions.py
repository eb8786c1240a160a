"""Occasions (a hearing, an interview, a game) dated in the text, and the quotes
the text places at them."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from saidwhen.extract.when.base import (
    PARAGRAPH_BREAK,
    Spans,
    _dated_free,
    _sentence_of,
    _word,
    around,
    days_before,
    first_day,
    said_before_now,
    starts_from,
    surname_of,
)
from saidwhen.extract.when.clauses import _COARSE, _acts_in, dates_occasion
from saidwhen.extract.when.evidence import (
    _AUDIENCE,
    _BEFORE_NOW,
    _EVENT_NEW,
    _PRESENT_SAY,
    _news_day,
    _outside,
    _said_then,
    _since_clause,
    continuations_follow,
    lead_end_of,
    written,
)
from saidwhen.model import DateRange, Quote, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc

_OCCASION_NOUNS = (
    *("hearing", "testimony", "interview", r"press\s+conference", r"news\s+conference"),
    *("game", "match", "speech", "meeting", "debate", "rally", r"town\s+hall", "briefing"),
    *("summit", "forum", "address"),
)
_OCCASION_NOUN = f"(?:{'|'.join(_OCCASION_NOUNS)})"
# (the look-ahead at the nouns' first letters lets the scan of a whole article pass over
# most positions without trying each noun: half its time)
_OCCASION = re.compile(
    rf"\b(?=[{''.join(sorted({n[0] for n in _OCCASION_NOUNS}))}])(?P<noun>{_OCCASION_NOUN})s?\b",
    re.I,
)
# "the hearing", "his testimony", "earlier in the same hearing": one told already
_DEFINITE = re.compile(
    r"\b(?:the|that|this|those|his|her|their|its|same)\s+(?:[\w'’-]+\s+){0,2}$", re.I
)
# "said before the interview": not at it
_BEFORE_IT = re.compile(
    rf"\b(?:before|ahead\s+of|prior\s+to)\s+(?:the|that|this|his|her|their|its|a|an)\s+"
    rf"(?:[\w'’-]+\s+){{0,2}}{_OCCASION_NOUN}",
    re.I,
)
# where the words were said ("at a rally", "during a September hearing", "in his testimony",
# "after the game"; "holding a rally", "gave a speech": the speaker's own occasion, held
# already and its object: not "intends to deliver an address", "gave users a glimpse inside
# the rally"), not what they were about ("an account of the July 10 meeting")
_SETTING = re.compile(
    r"\b(?:(?:at|during|in|after|following|from|attend(?:ed|ing|s)?)\s+(?:[\w'’-]+\s+){0,5}"
    r"|(?:held|holding|host(?:ed|ing)|gave|giving|deliver(?:ed|ing))\s+"
    r"(?:a|an|the|his|her|their|its)\s+(?:[\w'’-]+\s+){0,2})$",
    re.I,
)
# "In Buena Park last Wednesday, Clinton's rally at a union hall ...": the sentence opens at it
_OPENING_SETTING = re.compile(r"\s*(?:In|At)\s+[^.;,]{1,60},\s+(?:[\w'’-]+\s+){0,3}$")
_OCCASION_GAP = 2  # paragraphs from the last words said at it
_NEAR_BEFORE = 25  # "last week's hearing", "that October appropriations hearing"
_NEAR_AFTER = 48  # "a rally in Dover last week", "a speech at the state fair in July"


_Date = tuple[str | None, DateRange | None]


@dataclass(frozen=True, slots=True)
class _Frame:
    """From ``pos`` on, the narrative is at an occasion of this date (or at none: ``None``)."""

    pos: int
    date: tuple[str | None, DateRange | None] | None
    noun: str = ""


@dataclass(frozen=True, slots=True)
class _Place:
    """A place where an occasion of ``date`` was held, told at ``pos`` (the dateline's city:
    the day the lead tells of)."""

    date: _Date
    pos: int
    dateline: bool = False


def _lead_period(text: str, story: Sequence[Timex], anchor: dt.date) -> _Frame | None:
    """The day or weekend of the past week the lead tells of ("spent the weekend watching")."""
    lead_end = lead_end_of(text)
    week = days_before(anchor, 7)
    for t in story:
        if t.start >= lead_end:
            break
        if t.granularity not in ("day", "weekend") or _since_clause(text, t):
            continue
        dated = _dated_free(t, anchor)
        start = first_day(*dated) if dated else None
        if dated and start and week <= start < anchor.isoformat():
            return _Frame(t.start, dated)
    return None


def _occasion_frames(
    text: str,
    sents: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    free: Sequence[Timex],
    story: Sequence[Timex],
    anchor: dt.date,
    parsed: Doc | None = None,
) -> tuple[list[_Frame], dict[str, _Place]]:
    """Where the narrative moves to a dated occasion, and where it leaves it (another date);
    the places of the dated occasions ("a rally in Dover, Del.", the dateline's city).

    An occasion is dated next to its mention ("last week's hearing", "a hearing last month");
    told before ("the hearing"), by its earlier dated mention, else, named in an attribution
    ("Lee said after the game that ..."), by the day the lead reports; the first one, new
    ("In an interview about ..."), in the lead, by the day or weekend the lead tells of.
    """
    # an occasion in reported words places the speaker at it ("referred to them at last
    # week's hearing"); one in quoted words is the speaker's
    said = [(q.start, q.end) for q in quotes if q.kind != "indirect"]
    news_day = _news_day(text, story, anchor)
    used: set[int] = set()
    frames: list[_Frame] = []
    lead = _lead_period(text, story, anchor)
    lead_end = lead_end_of(text)
    places = _dateline(text, lead)
    quoted = Spans(said)
    ends = sorted((t.end, k) for k, t in enumerate(free))  # ``free`` is in text order
    cue_starts = sorted(q.cue.start for q in quotes if q.cue)
    for m in _OCCASION.finditer(text):
        pos, end = m.start(), m.end()
        if pos in quoted:
            continue
        s, e = _sentence_of(sents, pos)
        if not (
            _SETTING.search(text, max(0, pos - 50), pos) or _OPENING_SETTING.match(text, s, pos)
        ):
            continue
        cues = bisect.bisect_left(cue_starts, e) > bisect.bisect_left(cue_starts, s)
        date = None
        # the first (in the text's order) date next to it: ending just before, starting
        # just after in its sentence
        a = bisect.bisect_left(ends, (pos - _NEAR_BEFORE, -1))
        near = {k for _, k in ends[a : bisect.bisect_right(ends, (pos, len(free)))]}
        a = bisect.bisect_left(free, end, key=lambda t: t.start)
        b = bisect.bisect_right(free, min(end + _NEAR_AFTER, e - 1), key=lambda t: t.start)
        near.update(range(a, max(a, b)))
        for k in sorted(near):
            if (
                parsed is not None
                and free[k].granularity in _COARSE
                and not dates_occasion(parsed, free[k], pos, end)
            ):
                continue  # a year of something else told next to it
            if (date := _dated_free(free[k], anchor)) is not None:
                used.add(free[k].start)
                break
        noun = m.group("noun").lower()
        if date is None and _DEFINITE.search(text, max(0, pos - 40), pos):
            told = [f for f in frames if f.noun == noun and f.date is not None]
            if told:
                date = told[-1].date
            elif news_day is not None and cues:
                # "Lee said after the game that ...": the one the lead reports
                date = (news_day, None)
        elif date is None and lead is not None and pos < lead_end and not frames:
            # "In an interview about ...": a new occasion, of the day the lead tells
            date = lead.date
        place = _PLACE.match(text, end)
        if place is not None and any(t.start < place.end() and place.start() < t.end for t in free):
            place = None  # "a rally in July": a date, not a place
        if date is None and place is not None:
            # "At one rally, in Dover, ...": the place told again moves its reach on
            told_at = places.get(place.group("place"))
            date = told_at.date if told_at else None
            if told_at:
                places[place.group("place")] = replace(told_at, pos=pos)
        elif date is not None and place is not None:
            places.setdefault(place.group("place"), _Place(date, pos))  # "a rally in Dover, Del."
        if date is not None and first_day(*date) == anchor.isoformat():
            frames.append(_Frame(pos, None))  # "the day's testimony": back to the present
        elif date is not None:
            frames.append(_Frame(pos, date, noun))
    frames = _refined(text, frames, free, anchor)
    # another date told, outside any occasion: the narrative has moved on; the day of an
    # occasion of the past week told again ("Saturday's went badly" after "the
    # Saturday debate") is back at it
    week = days_before(anchor, 7)
    recent = [f for f in frames if f.noun and f.date and starts_from(*f.date, week)]
    for t in story:
        date = _dated_free(t, anchor) if t.start not in used else None
        if date is not None:
            back = [f for f in recent if f.pos < t.start and _within(f.date, date)]
            if back and starts_from(*date, week):
                frames.append(_Frame(t.start, back[-1].date, back[-1].noun))
            else:
                frames.append(_Frame(t.start, None))
    return sorted(frames, key=lambda f: f.pos), places


def _within(
    day: tuple[str | None, DateRange | None] | None, date: tuple[str | None, DateRange | None]
) -> bool:
    """The occasion's date is the one told, or a day in it ("Saturday" in "the weekend")."""
    if day is None or day == date:
        return day is not None
    rng = date[1]
    return bool(day[0] and rng and rng.start and rng.end and rng.start <= day[0] <= rng.end)


# "a rally in Dover, Del.", "At one rally, in Dover": where an occasion was held
_PLACE = re.compile(r",?\s+in\s+(?P<place>[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?)\b")
# "SALEM, Ore. - On Friday morning, ...": the place the lead's day is told from
_DATELINE = re.compile(r"^(?P<city>[A-Z][A-Z.' ]{2,}[A-Z])(?:,\s*[\w. ]+?)?\s+[-–—]+\s", re.M)


def _dateline(text: str, lead: _Frame | None) -> dict[str, _Place]:
    """The dateline's place, of the day the lead tells of, and where that day is told."""
    m = _DATELINE.search(text, 0, lead_end_of(text))
    if m is None or lead is None or lead.date is None:
        return {}
    return {m.group("city").title(): _Place(lead.date, lead.pos, dateline=True)}


def _placed_by_name(
    text: str,
    sents: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    places: dict[str, _Place],
    timexes: Sequence[Timex],
) -> list[Quote]:
    """Undated words said, by the attribution, at the place of a dated occasion ("Ruiz
    said in Dover", "who showed up in Salem to hear Ruiz"), with no date of their own
    sentence ("who met her in Salem in 2009": another time there); an occasion's place
    within the occasion's reach (as for the occasion itself), the dateline's anywhere
    (the whole story is told from there)."""
    out = list(quotes)
    if not places:
        return out
    where = re.compile(r"\b(?:in|at)\s+(?P<place>" + "|".join(map(re.escape, places)) + r")\b")
    for i, q in enumerate(quotes):
        if q.when or q.when_range or q.when_basis != "article date" or q.continues is not None:
            continue
        if q.cue is None or _PRESENT_SAY.search(q.cue.text):
            continue
        s, e = _sentence_of(sents, q.cue.start)
        frame = _outside(text, s, e, q)
        m = where.search(frame)
        if m is None or written(q):
            continue
        place = places[m.group("place")]
        far = len(PARAGRAPH_BREAK.findall(text, place.pos, q.start)) > _OCCASION_GAP
        if place.pos > q.start or (far and not place.dateline):
            continue
        if _dated_sentence(timexes, s, e, q):
            continue
        out[i] = replace(q, when=place.date[0], when_range=place.date[1], when_basis="text")
    return out


def _dated_sentence(timexes: Sequence[Timex], s: int, e: int, q: Quote) -> bool:
    """A date in the sentence ``s:e``, outside the quote's words."""
    return any(s <= t.start < e and not q.start <= t.start < q.end for t in timexes)


def _refined(
    text: str, frames: Sequence[_Frame], free: Sequence[Timex], anchor: dt.date
) -> list[_Frame]:
    """An occasion dated by a range ("the debate over the weekend") takes the day the text
    gives it elsewhere ("the Saturday debate"), when that day is in the range."""
    out = list(frames)
    # the days told, by where they end, and each noun's mentions: found once
    ends = sorted((t.end, k) for k, t in enumerate(free) if t.granularity == "day")
    mentions: dict[str, list[int]] = {}
    for i, f in enumerate(frames):
        rng = f.date[1] if f.date is not None and f.date[0] is None else None
        if rng is None or not (rng.start and rng.end):
            continue
        if f.noun not in mentions:
            found = re.finditer(rf"\b{re.escape(f.noun)}\b", text, re.I)
            mentions[f.noun] = [m.start() for m in found]
        days: set[str] = set()
        here = _places_near(text, f.pos)
        for pos in mentions[f.noun]:
            there = _places_near(text, pos)
            if here and there and not here & there:
                continue  # "a rally last week in Salinas", "In Buena Park, Clinton's rally"
            a = bisect.bisect_left(ends, (pos - _NEAR_BEFORE, -1))
            b = bisect.bisect_right(ends, (pos, len(free)))
            for _, k in ends[a:b]:  # "the Saturday debate", "Saturday's debate"
                day = (_dated_free(free[k], anchor) or (None, None))[0]
                if day and rng.start <= day <= rng.end:
                    days.add(day)
        if len(days) == 1:
            out[i] = _Frame(f.pos, (days.pop(), None), f.noun)
    return out


# (not a month or a day of the week: "In March the council voted" tells no place)
_IN_PLACE = re.compile(
    r"\b[Ii]n\s+(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"(?P<place>[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?)\b"
)
_PLACE_REACH = 60  # characters around an occasion's mention where its place is told


def _places_near(text: str, pos: int) -> set[str]:
    """The places told next to a mention of an occasion ("in Salinas", "In Buena Park")."""
    a, b = max(0, pos - _PLACE_REACH), min(len(text), pos + _PLACE_REACH)
    return {m.group("place") for m in _IN_PLACE.finditer(text, a, b)}


_ANOTHER = re.compile(rf"\b(?:a|an|another)\s+(?:[\w'’-]+\s+){{0,2}}?{_OCCASION_NOUN}\b", re.I)


def _at_occasion(text: str, sents: Sequence[tuple[int, int]], q: Quote, at: _Frame) -> bool:
    """Words said in the narrative's past, as the occasion went on (not "says", "in a statement",
    "said before the interview", "has said", "said in an interview": another one, nor to
    another audience)."""
    if q.cue is None or q.kind == "fragment":
        return False
    s, e = _sentence_of(sents, q.cue.start)
    frame = _outside(text, s, e, q)
    for m in _ANOTHER.finditer(text, s, e):
        if not (m.start() <= at.pos < m.end() or q.start <= m.start() < q.end):
            return False
    if _PRESENT_SAY.search(q.cue.text) or written(q):
        return False
    if _BEFORE_IT.search(frame) or _BEFORE_NOW.search(
        f"{text[max(0, q.cue.start - 20) : q.cue.start]} {q.cue.text}"
    ):
        return False
    if said_before_now(text, q.cue):
        return False  # "has argued": some time before the article, not there
    return _AUDIENCE.search(frame) is None


def _occasions_dated(
    text: str,
    sents: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    free: Sequence[Timex],
    story: Sequence[Timex],
    anchor: dt.date,
    parsed: Doc | None = None,
) -> list[Quote]:
    """Undated quotes the narrative places at the dated occasion it last set up.

    "At a council hearing last week, ..." holds for the quotes after it, within a few
    paragraphs of the last words said there, until another date is told: the words of
    those the text places at it (named where it sets it up, quoted at it, or answering
    there: "responded", "the other witness at the hearing"). A speaker the text places at
    another occasion only (a pull quote from it) takes that one's date.
    """
    frames, places = _occasion_frames(text, sents, quotes, free, story, anchor, parsed)
    said = Spans([(q.start, q.end) for q in quotes if q.kind != "indirect"])
    quotes = _placed_by_name(text, sents, quotes, places, free)  # the place named wins
    out = list(quotes)
    if not any(f.date for f in frames):
        return out
    at: dict[int, int] = {}  # quote index -> frame index: placed there
    stray: dict[int, int] = {}  # ... not placed there: maybe at another occasion
    last: dict[int, int] = {}  # frame index -> where the narrative was last at it
    going_on: dict[int, int] = {}  # continuation index -> frame index: words going on there
    # an occasion (its noun and date, however often told) -> (where, who) quoted there
    present: dict[_Key, list[tuple[int, str]]] = {}
    starts = [f.pos for f in frames]  # in text order
    opened: dict[_Key, list[int]] = {}  # an occasion -> where the text sets it up
    for f in frames:
        if f.date is not None:
            opened.setdefault(_key(f), []).append(f.pos)
    for i, q in enumerate(quotes):
        pos = q.cue.start if q.cue else q.start
        k = bisect.bisect_left(starts, min(pos, q.start)) - 1  # the last frame before it
        if k < 0 or frames[k].date is None:
            continue
        key = _key(frames[k])
        since = last.get(k, frames[k].pos)
        if len(PARAGRAPH_BREAK.findall(text, since, q.start)) > _OCCASION_GAP:
            continue  # paragraphs away from it: the narrative has moved on
        if q.continues is not None:
            if (
                going_on.get(q.continues, at.get(q.continues)) == k
                or (
                    q.when,
                    q.when_range,
                )
                == frames[k].date
            ):
                going_on[i] = k
                last[k] = q.start  # words going on there ('"Yesssss!"' after '"Nooooo!"')
            continue
        if q.when or q.when_range or q.when_basis != "article date":
            if (q.when, q.when_range) == frames[k].date:
                last[k] = q.start
                present.setdefault(key, []).extend((q.start, n) for n in _names(q))
            continue
        if not _at_occasion(text, sents, q, frames[k]):
            continue
        there = {n for _, n in present.get(key, [])}
        openers = opened.get(key, [])
        if _placed(text, sents, q, frames[k], there, openers) or _acts_there(parsed, text, q, said):
            at[i] = k
            last[k] = q.start
            present.setdefault(key, []).extend((q.start, n) for n in _names(q))
        else:
            stray[i] = k
    for i, k in {**at, **stray}.items():
        speaker = quotes[i].speaker
        name = speaker.name if speaker else None
        date = frames[k].date
        # others there, outside the quote's own paragraph (a pull quote's "X said")
        a, e = _paragraph(text, quotes[i].start)
        here = {n for pos, n in present.get(_key(frames[k]), []) if not a <= pos < e}
        # named where this one is set up ("Trump coined it during a Saturday rally"): there
        if name and name not in here and not _named_at(text, name, opened.get(_key(frames[k]), [])):
            elsewhere = [
                key
                for key, said in present.items()
                if key[1] != date and name in {n for _, n in said}
            ]
            if elsewhere:
                date = min(
                    elsewhere,
                    key=lambda key: min(abs(p - quotes[i].start) for p, _ in present[key]),
                )[1]
            elif i in stray:
                continue
        when, rng = date or (None, None)
        out[i] = replace(quotes[i], when=when, when_range=rng, when_basis="text")
    for i, q in enumerate(out):  # continuations follow
        if q.continues is not None and 0 <= q.continues < i:
            p = out[q.continues]
            if (p.when or p.when_range) and not (q.when or q.when_range):
                out[i] = replace(q, when=p.when, when_range=p.when_range, when_basis=p.when_basis)
    return out


_Key = tuple[str, "tuple[str | None, DateRange | None] | None"]


def _key(f: _Frame) -> _Key:
    return f.noun, f.date


# answering there, or putting it to someone there ("scolded him", "pressed the witness")
_CROWD = re.compile(r"\b(?:crowd|audience|spectators|onlookers)\b", re.I)
_REPLY = re.compile(
    r"\b(?:respond|repl|answer|ask|agree|counter|interject|retort|shot\s+back|scold|press|"
    r"grill|question|challeng|confront|rebuk|interrupt)\w*",
    re.I,
)


def _placed(
    text: str,
    sents: Sequence[tuple[int, int]],
    q: Quote,
    at: _Frame,
    quoted: set[str],
    openers: Sequence[int],
) -> bool:
    """The text places the speaker at the occasion: named where it is set up, quoted there
    already, answering there, or the attribution names it ("the other witness at the hearing").
    """
    name = q.speaker.name if q.speaker else None
    if not name or name in quoted or q.cue is None or _CROWD.search(name):
        return True  # (the crowd, the audience: there by what they are)
    if _named_at(text, name, openers):
        return True
    s, e = _sentence_of(sents, q.cue.start)
    frame = _outside(text, s, e, q)
    return bool(
        _REPLY.match(q.cue.text)
        or _REPLY.search(frame)
        or re.search(rf"\b{at.noun}\b", frame, re.I)
    )


def _acts_there(doc: Doc | None, text: str, q: Quote, said: Spans) -> bool:
    """In the quote's paragraph or the one before, the speaker does something there other
    than speak ("Yet there in the back was Garcia", "Lee handed out leaflets")."""
    name = q.speaker.name if q.speaker else None
    if doc is None or not name:
        return False
    names = {w for w in re.findall(r"[\w'’-]+", name) if len(w) > 2 and w[0].isupper()}
    a, _, b = around(text, q.start, q.end)
    return bool(names) and _acts_in(doc, names, a, b, said)


def _named_at(text: str, name: str, openers: Sequence[int]) -> bool:
    """The speaker's surname is in a paragraph where the occasion is set up."""
    surname = _word(surname_of(name))
    return any(surname.search(text, *_paragraph(text, pos)) for pos in openers)


def _names_occasion(text: str, sents: Sequence[tuple[int, int]], q: Quote) -> bool:
    """The quote's attribution says at which occasion the words were said ("at a rally")."""
    s, e = _sentence_of(sents, q.cue.start if q.cue else q.start)
    return _sets_occasion(_outside(text, s, e, q))


def _sets_occasion(text: str, start: int = 0, end: int | None = None) -> bool:
    """``text[start:end]`` says where words were said: "at a rally", "in a debate Thursday
    night", "during the hearing" (not what they were about: "the debate on migrants")."""
    end = len(text) if end is None else end
    return any(
        _SETTING.search(text, max(start, m.start() - 50), m.start())
        for m in _OCCASION.finditer(text, start, end)
    )


def lead_at_occasion(text: str) -> bool:
    """The lead sets the story at an occasion of speaking ("squared off in a debate
    Thursday night", "said in a conference call with reporters"), not at an act or a happening
    (a merger announced, a vote, an attack), to which the words quoted are reactions."""
    # through the paragraph the lead ends at or in: its first attribution often names the
    # occasion ("..., Clarke said in a conference call with media")
    end = _paragraph(text, lead_end_of(text))[1]
    return _EVENT_NEW.search(text, 0, end) is not None or _sets_occasion(text, 0, end)


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    b = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if b < 0 else b


def _names(q: Quote) -> set[str]:
    return {q.speaker.name} if q.speaker and q.speaker.name else set()


_INTERVIEW = re.compile(r"\binterview\b", re.I)
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_NOT_SAID = re.compile(r"(?:refus|declin|fail|would\s+not|did\s+not|didn[’']t)", re.I)
_WROTE = re.compile(r"\bwr(?:o|i)te", re.I)
_INTERVIEW_WEEKS = 2  # how far back a range ("last week", "this week") may start


def _recent(date: _Date, anchor: dt.date) -> bool:
    """A day of the past week, or a range of days ("last week") that starts in the last two
    weeks and ends by the article: the interview the article reports, not an old one."""
    when, rng = date
    if when is not None:
        return bool(_DAY.fullmatch(when)) and days_before(anchor, 7) <= when < anchor.isoformat()
    if rng is None or not (rng.start and rng.end) or not _DAY.fullmatch(rng.start):
        return False
    today = anchor.isoformat()
    return days_before(anchor, 7 * _INTERVIEW_WEEKS) <= rng.start < today and rng.end <= today


def _interview_days(
    text: str,
    sents: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    free: Sequence[Timex],
    anchor: dt.date,
) -> dict[str, tuple[_Date, str | None]]:
    """Each speaker's one recent interview the text dates by the words' own sentence ("Ruiz
    said in an interview on Friday that ...", "In a telephone interview last week, Ruiz
    said ...", "told the Gazette in an interview Monday"): its date, and the audience named
    there ("the Gazette"), by the speaker's name."""
    told: dict[str, set[tuple[_Date, str | None]]] = {}
    for q in quotes:
        if not (q.speaker and q.speaker.name and q.cue and q.when_basis == "text"):
            continue
        date = (q.when, q.when_range)
        if not _recent(date, anchor):
            continue  # an older interview ("in a 1999 interview"): not the article's
        s, e = _sentence_of(sents, q.cue.start)
        frame = _outside(text, s, e, q)
        if not _INTERVIEW.search(frame) or _BEFORE_IT.search(frame):
            continue
        if not _said_then(text, q.cue, frame) or _NOT_SAID.match(q.cue.text):
            continue  # "refused to say in an interview", "would not rule out": nothing said there
        if not _dated_sentence(free, s, e, q):
            continue  # dated by the account around it, not where the interview is told
        audience = _AUDIENCE.search(frame)
        told.setdefault(q.speaker.name, set()).add(
            (date, audience.group("who") if audience else None)
        )
    out: dict[str, tuple[_Date, str | None]] = {}
    for name, seen in told.items():
        # a day told wins over a range told elsewhere ("this week"); two days: which one?
        days = {d for d in seen if d[0][0] is not None} or seen
        if len({d for d, _ in days}) == 1:
            out[name] = next(iter(days))
    return out


def interviews_dated(
    text: str,
    sents: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    free: Sequence[Timex],
    anchor: dt.date,
) -> list[Quote]:
    """A speaker's recent interview the text dates ("said in an interview on Friday") is where
    their undated words in the article were said, before or after it (annotations/BRIEF.md,
    rules 1 and 2: words said at an occasion take its date wherever the text gives it; a
    frame of the paper's reporting, "last week", its range): words in the simple past, not
    "says" or "has said", not written, not at another occasion ("at a rally") nor told to
    another audience ("told CNN" after an interview with the Gazette).
    """
    told = _interview_days(text, sents, quotes, free, anchor)
    if not told:
        return list(quotes)
    out = list(quotes)
    for i, q in enumerate(quotes):
        if q.when or q.when_range or q.when_basis != "article date" or q.continues is not None:
            continue
        name = q.speaker.name if q.speaker else None
        if name not in told or q.cue is None:
            continue
        (when, rng), who = told[name]
        if _PRESENT_SAY.search(q.cue.text) or said_before_now(text, q.cue) or written(q):
            continue
        if _WROTE.search(q.cue.text):
            continue  # written, not said in an interview ("wrote in an op-ed")
        s, e = _sentence_of(sents, q.cue.start)
        frame = _outside(text, s, e, q)
        if _sets_occasion(frame) and not _INTERVIEW.search(frame):
            continue  # "at a rally": another occasion
        audience = _AUDIENCE.search(frame)
        if audience is not None and audience.group("who") != who:
            continue
        out[i] = replace(q, when=when, when_range=rng, when_basis="text")
    return continuations_follow(quotes, out)
