"""Temporal expressions, normalised against the article date (TimeML values).

A fast rule-based finder: a small regular-expression grammar (numbers, units,
months, weekdays, deictic words, modifiers) and one resolver per rule. Every
value keeps its granularity ("2020-08" is a month, "2020-W42" a week) and the
anchor it was resolved against; besides the TimeML ``value`` each date carries
a resolved ``date`` (ISO, as fine as the text says) and a ``date_range`` of
days for the timeline.

Past or future ("Tuesday", "December" without a year) is decided from the
sentence: a future marker (``will``, ``next``, ``expected to``; or the parse's
tense when a spaCy doc is given) picks the next one, otherwise news past tense
picks the latest one.

Example:
    >>> import datetime as dt
    >>> [(t.text, t.value) for t in find_timexes("It rained last Tuesday.", dt.date(2020, 10, 28))]
    [('last Tuesday', '2020-10-27')]
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from saidwhen.model import DateRange, Timex, TimexType

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_timexes", "period_range"]

# ---------------------------------------------------------------- vocabulary

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "last": 4,
}  # fmt: skip
_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1, "a single": 1, "single": 1,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# TimeML unit letters; minutes and hours live after the "T".
_UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "fortnight": ("W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("E", False), "century": ("C", False),
    "centurie": ("C", False), "millennium": ("L", False), "millennia": ("L", False),
}  # fmt: skip
_PART_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "mid-afternoon": "AF", "mid afternoon": "AF",
}  # fmt: skip

# ---------------------------------------------------------------- grammar
# Month and weekday names must be capitalised ("may", "march" are words too).

_MONTH = (
    r"(?-i:(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|Jun\.|"
    r"July|Jul\.|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|"
    r"Dec(?:ember|\.)?))"
)
_WEEKDAY = r"(?-i:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)day)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_NUMWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]"
    r"(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|(?:a|one)\s+hundred|a\s+thousand|two\s+thousand|a\s+dozen|a\s+single)"
)
_NUM = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2)?|{_NUMWORD}(?:\s+and\s+a\s+half)?|"
    r"(?:a\s+)?couple\s+of|a\s+few|several|few|some|many|another|an\s+additional|"
    r"one\s+more|a\s+further|a|an)"
)
_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|"
    r"decades?|centur(?:y|ies)|millenni(?:um|a))"
)
_APPROX = (
    r"(?:(?:about|around|roughly|approximately|nearly|almost|some|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|over|under|just|only|"
    r"barely|within|another|an\s+additional|the\s+first|the\s+last|the\s+past|the\s+next|"
    r"the\s+previous|the\s+following|the\s+coming|the\s+latest|the\s+final|the\s+remaining|"
    r"the\s+same|this\s+past|past|last|next|first|the|these|those)\s+)*"
)
_MOD = (
    r"(?:(?:early|late|mid|the\s+(?:early|late|mid|end\s+of|beginning\s+of|start\s+of|"
    r"middle\s+of|rest\s+of|remainder\s+of)|(?:the\s+)?end\s+of|beginning\s+of|around|about|"
    r"sometime\s+in)[\s-]+)?"
)
_SPOKEN_YEAR = (
    rf"(?:nineteen[\s-]+{_NUMWORD}|two\s+thousand(?:\s+and)?(?:[\s-]+(?:one|two|three|four|five|"
    r"six|seven|eight|nine|ten))?)"
)
_ZONE = r"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|BST|local\s+time))?"
_CLOCK = (
    rf"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)|noon|midnight|midday|"
    rf"(?:[01]?\d|2[0-3]):[0-5]\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    rf"eleven|twelve)\s+o'clock|(?:1[0-2]|[1-9])\s+in\s+the\s+(?:morning|afternoon|evening)){_ZONE}"
)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w$.-])(?:{pattern})(?![\w%]|-\w|\.\d|,\d{{3}})", re.I)


# ---------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class _Val:
    """A resolved expression before it becomes a :class:`Timex`."""

    type: TimexType
    value: str
    granularity: str
    date: str | None = None  # override of the ISO date derived from the value


@dataclass(frozen=True, slots=True)
class _Ctx:
    text: str
    anchor: dt.date
    future: Callable[[int, int], bool | None]  # True: looks ahead, False: past, None: unknown
    found: Sequence[Timex]


def _num(s: str) -> float | None:
    """The number a numeral means; None for vague ones ("several")."""
    s = re.sub(r"\s+", " ", s.lower().strip())
    if s in ("a couple of", "couple of"):
        return 2
    if s in ("another", "an additional", "one more", "a further"):
        return 1
    if s in ("a few", "few", "several", "some", "many"):
        return None
    half = 0.0
    if s.endswith(" and a half"):
        s, half = s[: -len(" and a half")], 0.5
    if s.endswith(" 1/2"):
        s, half = s[:-4], 0.5
    if re.fullmatch(r"\d+(\.\d+)?", s):
        return float(s) + half
    if s in _SMALL:
        return _SMALL[s] + half
    if s in ("a hundred", "one hundred"):
        return 100 + half
    if s in ("a thousand",):
        return 1000
    if s == "two thousand":
        return 2000
    if s == "a dozen":
        return 12
    parts = re.split(r"[\s-]", s)
    if parts[0] in _TENS:
        n = _TENS[parts[0]]
        if len(parts) == 2 and parts[1] in _SMALL:
            n += _SMALL[parts[1]]
        return n + half
    return None


def _unit_key(s: str) -> str:
    s = s.lower()
    for key in _UNITS:
        if s.startswith(key[:5]) or s.startswith(key):
            return key
    return "day"


def _duration(n: float | None, unit: str) -> str:
    letter, is_time = _UNITS[unit]
    if unit == "decade" and n is not None and n == int(n):  # TimeBank writes P20Y
        return f"P{int(n) * 10}Y"
    if unit == "fortnight" and n is not None:
        n *= 2
    if n is None:
        amount = "X"
    elif n == int(n):
        amount = str(int(n))
    else:  # "2 1/2 years" -> P2Y6M
        whole, frac = int(n), n - int(n)
        sub = {"Y": ("M", 12), "D": ("H", 24), "H": ("M", 60), "M": ("D", 30)}.get(letter)
        if sub and not is_time and letter in ("Y", "D"):
            tail = f"{round(frac * sub[1])}{sub[0]}"
            return f"P{whole}{letter}T{tail}" if letter == "D" else f"P{whole}{letter}{tail}"
        if sub and is_time:
            return f"PT{whole}{letter}{round(frac * sub[1])}{sub[0]}"
        amount = str(n)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def _month_of(s: str) -> int:
    return _MONTHS[s.strip(". ").lower()[:3]]


def _weekday_of(s: str) -> int:
    return _WEEKDAYS[s.strip().lower()[:3]]


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _shift(anchor: dt.date, n: int, unit: str) -> tuple[str, str, dt.date]:
    """``anchor`` moved by ``n`` units: (value at the unit's granularity, granularity, day)."""
    if unit in ("day", "night"):
        d = anchor + dt.timedelta(days=n)
        return d.isoformat(), "day", d
    if unit in ("week", "fortnight"):
        d = anchor + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))
        return _iso_week(d), "week", d
    if unit == "month":
        d = _add_months(anchor, n)
        return f"{d.year}-{d.month:02d}", "month", d
    if unit == "quarter":
        d = _add_months(anchor, 3 * n)
        return f"{d.year}-Q{_quarter(d)}", "quarter", d
    if unit == "decade":
        d = _add_months(anchor, 120 * n)
        return f"{d.year // 10}", "decade", d
    if unit in ("century", "centurie"):
        d = _add_months(anchor, 1200 * n)
        return f"{d.year // 100}", "century", d
    if unit in ("hour", "minute", "second"):
        return anchor.isoformat(), "day", anchor
    d = _add_months(anchor, 12 * n)
    return str(d.year), "year", d


def _year_for(month: int, day: int | None, ctx: _Ctx, s: int, e: int) -> int:
    """The year of a month (and day) given without one: the past one, unless the sentence
    looks ahead; very near future dates stay in the anchor's year."""
    a = ctx.anchor
    if day is None and month == a.month:
        return a.year

    def on(y: int) -> dt.date:
        return dt.date(y, month, min(day or 15, calendar.monthrange(y, month)[1]))

    past_now = day is None and _past_clause(ctx.text, s)  # "fell in December"
    tense = False if past_now else ctx.future(s, e)
    through = re.search(r"\bthrough\s+$", ctx.text[max(0, s - 10) : s], re.I)
    if (tense is None and day is not None) or through:
        # No tense to go by: the nearest one (TimeBank and AQUAINT agree better with it
        # than with always the past one).
        return min((a.year - 1, a.year, a.year + 1), key=lambda y: abs((on(y) - a).days))
    this = dt.date(a.year, month, min(day or 1, calendar.monthrange(a.year, month)[1]))
    if this <= a:
        return a.year + 1 if tense and (a - this).days > 60 else a.year
    # In the future of the anchor this year: near dates stay unless the clause is past.
    # (so near, it is rarely a year back, unless the verb right before says so)
    if tense or ((this - a).days <= 62 and not past_now):
        return a.year
    return a.year - 1


_PAST_VERB = re.compile(
    r"(?<!\bbe\s)(?<!\bbeen\s)\b(?:was|were|did|fell|rose|grew|won|lost|said|began|came|went|"
    r"(?!expected|scheduled|planned)\w+ed)\s+(?:\w+ly\s+)?"
    r"in\s+$",
    re.I,
)


def _past_clause(text: str, s: int) -> bool:
    """A past-tense verb right before "in" and a month ("Sales fell in December")."""
    return bool(_PAST_VERB.search(text, max(0, s - 40), s))


def _weekday_date(wd: int, ctx: _Ctx, s: int, e: int, rel: str = "") -> dt.date:
    a = ctx.anchor
    back = (a.isoweekday() - wd) % 7
    ahead = (wd - a.isoweekday()) % 7
    if rel in ("last", "past", "previous"):
        return a - dt.timedelta(days=back or 7)
    if rel in ("next", "coming", "following"):
        return a + dt.timedelta(days=ahead or 7)
    if rel == "this":
        return a + dt.timedelta(days=ahead) if ctx.future(s, e) else a - dt.timedelta(days=back)
    if ctx.future(s, e):
        return a + dt.timedelta(days=ahead)
    return a - dt.timedelta(days=back)


# ---------------------------------------------------------------- resolvers
# Each takes the match and the context and returns a value, or None to skip.

Resolver = Callable[[re.Match[str], _Ctx], _Val | None]


def _g(m: re.Match[str], name: str) -> str:
    return m.groupdict().get(name) or ""


def _full_date(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    month, day, year = _month_of(_g(m, "mon")), int(re.sub(r"\D", "", _g(m, "day"))), _g(m, "year")
    y = int(year) if year else _year_for(month, day, ctx, m.start(), m.end())
    if day > calendar.monthrange(y, month)[1]:
        return None
    return _Val("DATE", f"{y}-{month:02d}-{day:02d}", "day")


def _month_year(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    month, year = _month_of(_g(m, "mon")), _g(m, "year")
    rel = _g(m, "rel").lower()
    a = ctx.anchor
    yrel = _g(m, "yrel").lower()
    year = year or _spoken(_g(m, "spoken"))
    if year:
        y = int(year)
    elif yrel:
        y = a.year + {"this": 0, "last": -1, "next": 1}[yrel]
    elif rel in ("last", "past", "previous"):
        y = a.year if month < a.month else a.year - 1
    elif rel in ("next", "coming", "following"):
        y = a.year if month > a.month else a.year + 1
    elif rel == "this":
        y = a.year
    else:
        if re.fullmatch(r"[A-Z][a-z]{2}", _g(m, "mon")) and _g(m, "mon") != "May":
            return None  # "Jan" without a dot or a day is a name
        if _g(m, "mon") in ("May", "March") and not rel and _verb_like(ctx.text, m):
            return None  # "May I ask", "they will March on"
        y = _year_for(month, None, ctx, m.start(), m.end())
    return _Val("DATE", f"{y}-{month:02d}", "month")


_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|can|could|to|may|might|must|should|shall|did|not|they|we|you|I)\s+$", re.I
)
_PRONOUN_AFTER = re.compile(
    r"\s+(?:I|we|you|he|she|it|they|the|a|an|not|be|have|this|that|God)\b(?!\s*\d)"
)
_NUMBER_NOUN = re.compile(
    r"\b(?:section|no\.|number|room|route|flight|highway|chapter|article|page|pages|p\.|"
    r"item|rule|resolution|bill|model|version|code|form|suite|box|exit|interstate)\s+$",
    re.I,
)


def _verb_like(text: str, m: re.Match[str]) -> bool:
    """A capitalised "May"/"March" used as a verb: after a modal, or before a subject."""
    if re.search(
        r"\b(?:in|since|until|by|during|of|from|through|early|late|mid)[\s-]+$",
        text[max(0, m.start() - 10) : m.start()],
        re.I,
    ):
        return False  # "in May the firm grew"
    return bool(
        _MODAL_BEFORE.search(text, max(0, m.start() - 12), m.start())
        or (_g(m, "mon") == "May" and _PRONOUN_AFTER.match(text, m.end()))
    )


def _year(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    if m.group(0) == _g(m, "year") and _NUMBER_NOUN.search(
        ctx.text, max(0, m.start() - 14), m.start()
    ):
        return None  # "Section 1998", "Flight 2020": a number
    if _g(m, "noun"):  # "the 1988 period": the quarter the text is about, that year
        q = _recent_quarter(ctx, m.start())
        qn = q[1] if q else _last_quarter(ctx.anchor)[1]
        return _Val("DATE", f"{_g(m, 'year')}-Q{qn}", "quarter")
    return _Val("DATE", _g(m, "year"), "year")


def _decade(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    y = _g(m, "dec").lstrip("'’")
    if len(y) == 2:  # '80s
        y = ("19" if int(y) > 20 else "20") + y
    return _Val("DATE", y[:3], "decade")


def _century(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    n = (
        int(re.sub(r"\D", "", _g(m, "n")) or 0)
        if _g(m, "n")[:1].isdigit()
        else _ORDINALS.get(_g(m, "n").lower(), 0)
    )
    return _Val("DATE", f"{n - 1:02d}", "century") if n else None


def _numeric_date(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    if _g(m, "iy"):
        y, mo, d = int(_g(m, "iy")), int(_g(m, "im")), int(_g(m, "id"))
    else:
        mo, d, yy = int(_g(m, "um")), int(_g(m, "ud")), _g(m, "uy")
        y = int(yy) if len(yy) == 4 else (1900 + int(yy) if int(yy) > 30 else 2000 + int(yy))
    try:
        day = dt.date(y, mo, d)
    except ValueError:
        return None
    return _Val("DATE", day.isoformat(), "day")


def _deictic_day(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    word = _g(m, "w").lower()
    off = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[word]
    d = ctx.anchor + dt.timedelta(days=off)
    pod = _g(m, "pod").lower()
    if word == "tonight":
        return _Val("TIME", f"{d.isoformat()}TNI", "part of day")
    if pod:
        return _Val("TIME", f"{d.isoformat()}T{_PART_OF_DAY[_norm_pod(pod)]}", "part of day")
    return _Val("DATE", d.isoformat(), "day")


def _norm_pod(s: str) -> str:
    s = re.sub(r"\s+", " ", s.lower())
    return s if s in _PART_OF_DAY else s.split()[-1]


def _this_pod(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    rel = _g(m, "rel").lower()
    d = ctx.anchor - dt.timedelta(days=1) if rel == "last" else ctx.anchor
    return _Val("TIME", f"{d.isoformat()}T{_PART_OF_DAY[_norm_pod(_g(m, 'pod'))]}", "part of day")


def _ref(value: str) -> Resolver:
    def resolve(m: re.Match[str], ctx: _Ctx) -> _Val | None:
        return _Val("DATE", value, "ref")

    return resolve


# "Friday Night Lights", "Saturday Night Live": a title, not a day.
_TITLE_AFTER = re.compile(r"(?-i:\s+[A-Z][a-z]+)")
_TITLE_POD = re.compile(r"(?-i:\b(?:Night|Morning|Evening|Afternoon)\b)")
# "Saturday is the anniversary": the day as the subject of a present or future verb.
_COMING = re.compile(r"\s+(?:is|will|marks|would\s+mark)\b", re.I)
_CLAUSE_START = re.compile(r"(?:^|[.!?:;\"“‘(]\s*|\n\s*)$")


def _weekday(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    if _TITLE_POD.search(m.group(0)) and _TITLE_AFTER.match(ctx.text, m.end()):
        return None
    wd = _weekday_of(_g(m, "wd"))
    rel = _g(m, "rel").lower().split()[-1] if _g(m, "rel") else ""
    d = _weekday_date(wd, ctx, m.start(), m.end(), rel)
    if (
        not rel
        and _COMING.match(ctx.text, m.end())
        and _CLAUSE_START.search(ctx.text[max(0, m.start() - 3) : m.start()])
    ):
        d = ctx.anchor + dt.timedelta(days=(wd - ctx.anchor.isoweekday()) % 7)
    clock = _g(m, "clock")
    if clock:
        return _Val("TIME", f"{d.isoformat()}T{_clock(clock)}", "time")
    # "Friday night": TimeBank mostly gives the day; the part of the day stays in the text.
    return _Val("DATE", d.isoformat(), "day")


def _clock(s: str) -> str:
    s = re.sub(_ZONE + "$", "", s.strip(), flags=re.I).lower().strip()
    if s in ("noon", "midday"):
        return "12:00"
    if s == "midnight":
        return "24:00"
    if "o'clock" in s:
        return f"{_SMALL[s.split()[0]]:02d}:00"
    if " in the " in s:  # "4 in the morning", "7 in the evening"
        h = int(s.split()[0])
        return f"{h + 12 if h < 12 and not s.endswith('morning') else h:02d}:00"
    mm = re.match(r"(\d+)(?::(\d\d))?\s*([ap])?", s)
    if not mm:
        return "XX:XX"
    h, mi = int(mm.group(1)), int(mm.group(2) or 0)
    if mm.group(3) == "p" and h < 12:
        h += 12
    if mm.group(3) == "a" and h == 12:
        h = 0
    return f"{h:02d}:{mi:02d}"


def _time(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    clock = _g(m, "clock")
    if not re.search(r"[ap]\.?m|noon|midnight|midday|o'clock|:|in the", clock, re.I):
        return None
    day = ctx.anchor
    if _g(m, "wd"):
        day = _weekday_date(_weekday_of(_g(m, "wd")), ctx, m.start(), m.end())
    elif _g(m, "mon"):
        month, dd = _month_of(_g(m, "mon")), int(re.sub(r"\D", "", _g(m, "day")))
        day = dt.date(_year_for(month, dd, ctx, m.start(), m.end()), month, dd)
    elif _g(m, "w"):
        day = ctx.anchor + dt.timedelta(
            days={"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[_g(m, "w").lower()]
        )
    return _Val("TIME", f"{day.isoformat()}T{_clock(clock)}", "time")


def _relative_unit(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    """last/this/next + week, month, year, quarter, weekend, season, decade."""
    rel = re.sub(r"\s+", " ", _g(m, "rel").lower()).replace("the ", "")
    unit = _g(m, "unit").lower()
    a = ctx.anchor
    step = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1,
            "coming": 1, "following": 1}.get(rel, 0)  # fmt: skip
    if unit in _SEASONS:
        code = _SEASONS[unit]
        y = a.year
        start_m = _SEASON_MONTHS[code][0]
        if rel in ("last", "previous"):
            y = a.year - 1 if a.month < start_m + 3 or code == "WI" else a.year
            if a.month <= start_m:
                y = a.year - 1
        elif rel == "this past":
            y = a.year if a.month > start_m else a.year - 1
        elif step > 0:
            y = a.year if a.month < start_m else a.year + 1
        return _Val("DATE", f"{y}-{code}", "season")
    if unit == "weekend":
        d = a + dt.timedelta(weeks=step)
        if rel == "this" and a.isoweekday() < 6 and ctx.future(m.start(), m.end()) is False:
            d = a - dt.timedelta(days=a.isoweekday())  # "told them this weekend": just past
        return _Val("DATE", f"{_iso_week(d)}-WE", "weekend")
    key = _unit_key(unit)
    if rel in ("current", "present") or (rel == "this" and key != "day"):
        step = 0
    if key == "day":
        return None
    value, gran, _ = _shift(a, step, key)
    return _Val("DATE", value, gran)


def _ago(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    """ "two weeks ago", "a year earlier", "three days later", "a month from now"."""
    n, unit, dirn = _num(_g(m, "n")), _unit_key(_g(m, "unit")), _g(m, "dir").lower()
    sign = -1 if dirn in ("ago", "earlier", "before", "back", "previously") else 1
    if n is None:
        if dirn == "ago" and sign < 0:
            return _Val("DATE", "PAST_REF", "ref")
        return None
    ref = ctx.anchor
    if unit == "year" and n == 1:
        q = _recent_quarter(ctx, m.start())
        if q is not None:
            y, qn = q
            return _Val("DATE", f"{y + sign}-Q{qn}", "quarter")
    if dirn in ("earlier", "later"):
        # "earlier"/"later" count from the date the text last named, "ago" from the anchor.
        ref = _day_before(ctx, m.start(), unit=unit) or ref
    days = {"day": 1, "night": 1, "week": 7, "fortnight": 14}.get(unit)
    if days is not None:
        d = ref + dt.timedelta(days=sign * int(n * days))
        value = d.isoformat() if unit in ("day", "night") else _iso_week(d)
        return _Val("DATE", value, "day" if unit in ("day", "night") else "week", d.isoformat())
    if unit in ("hour", "minute", "second"):
        return _Val("DURATION", _duration(n, unit), "duration")
    value, gran, d = _shift(ref, sign * int(n), unit)
    return _Val("DATE", value, gran, d.isoformat())


_NAMED = {
    "year": re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?"),
    "month": re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?"),
}
_DAY_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


def _day_before(ctx: _Ctx, pos: int, reach: int = 300, unit: str = "day") -> dt.date | None:
    """The date named last before ``pos`` (within ``reach`` characters), if any.

    Counting years ("nine years later"), a year the text named will do; months,
    a month; days and weeks need a day.
    """
    pattern = _NAMED.get(unit, _DAY_VALUE)
    for t in reversed(ctx.found):
        if pos - t.end > reach:
            break
        m = pattern.fullmatch(t.value)
        if m:
            y, mo, d = m.group(1), m.group(2), m.group(3)
            return dt.date(int(y), int(mo or 1), int(d or 1))
    return None


def _current_quarter(value: str, anchor: dt.date) -> bool:
    """A quarter ("1989-Q3") of the anchor's reporting year that has begun by the anchor."""
    y, q = int(value[:4]), int(value[-1])
    return _last_quarter(anchor)[0] <= y and dt.date(y, 3 * q - 2, 1) <= anchor


def _recent_quarter(ctx: _Ctx, pos: int) -> tuple[int, int] | None:
    """The quarter the sentence (or the one before) is about, for "a year earlier".

    A quarter already a year back ("the year-ago quarter") is not a reference point,
    nor is one still to come ("losses through the third quarter of 1990").
    """
    for t in reversed(ctx.found):
        if re.fullmatch(r"\d{4}-Q\d", t.value) and not _current_quarter(t.value, ctx.anchor):
            continue
        if t.start >= pos:
            continue
        if pos - t.end > 400:
            break
        mm = re.fullmatch(r"(\d{4})-Q(\d)", t.value)
        if mm:
            return int(mm.group(1)), int(mm.group(2))
    return None


def _year_ago_adj(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    """ "year-earlier", "the year-ago quarter"."""
    q = _recent_quarter(ctx, m.start())
    noun = _g(m, "noun").lower()
    if q is not None and (not noun or noun in ("quarter", "period")):
        return _Val("DATE", f"{q[0] - 1}-Q{q[1]}", "quarter")
    if noun in ("quarter", "period"):
        y, qn = _last_quarter(ctx.anchor)
        return _Val("DATE", f"{y - 1}-Q{qn}", "quarter")
    return _Val("DATE", str(ctx.anchor.year - 1), "year")


def _last_quarter(a: dt.date) -> tuple[int, int]:
    d = _add_months(a, -3)
    return d.year, _quarter(d)


def _quarter_rule(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    a = ctx.anchor
    if _g(m, "year2"):  # "the third quarter of 1984"
        return _Val("DATE", f"{_g(m, 'year2')}-Q{_quarter_num(_g(m, 'ord'))}", "quarter")
    ordw = _g(m, "ord").lower().replace("fiscal", "").strip(" -")
    year = _g(m, "year")
    rel = _g(m, "rel").lower()
    if ordw:
        qn = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
              "3rd": 3, "4th": 4, "final": 4, "last": 4}[ordw]  # fmt: skip
        if year:
            y = int(year)
        elif _g(m, "yp"):  # "next year's first quarter"
            y = a.year + {"this": 0, "last": -1, "next": 1}[_g(m, "yp").lower()]
        elif rel == "year-ago" or rel == "year-earlier":
            y = a.year - 1
        else:
            y = a.year if dt.date(a.year, 3 * qn - 2, 1) <= a else a.year - 1
        return _Val("DATE", f"{y}-Q{qn}", "quarter")
    if rel in ("current", "this"):
        return _Val("DATE", f"{a.year}-Q{_quarter(a)}", "quarter")
    if rel in ("next", "coming"):
        v, g, _ = _shift(a, 1, "quarter")
        return _Val("DATE", v, g)
    if rel in ("last", "previous", "past") and not _g(m, "latest"):
        v, g, _ = _shift(a, -1, "quarter")
        return _Val("DATE", v, g)
    # "the quarter": the one the article has been talking about, else the last one.
    for t in reversed(ctx.found if rel != "latest" else ()):
        if m.start() - t.end > 1500:
            break
        if re.fullmatch(r"\d{4}-Q\d", t.value) and _current_quarter(t.value, a):
            return _Val("DATE", t.value, "quarter")
    y, qn = _last_quarter(a)
    return _Val("DATE", f"{y}-Q{qn}", "quarter")


def _half(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    """ "the first half of 1990", "the last two quarters": a half-year."""
    if "quarters" in m.group(0).lower() and not _g(m, "year"):
        return None  # "the first two quarters" alone is a duration
    h = 1 if _g(m, "ord").lower() == "first" else 2
    y = int(_g(m, "year")) if _g(m, "year") else ctx.anchor.year
    return _Val("DATE", f"{y}-H{h}", "half")


def _this_year(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    if re.match(r"\s+end(?:ed|ing)\b", ctx.text[m.end() : m.end() + 8], re.I):
        return _Val("DURATION", "P1Y", "duration")  # "the year ended June 30"
    return _Val("DATE", str(ctx.anchor.year), "year")


def _fiscal(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    return _Val("DATE", _g(m, "year"), "year")


def _year_end(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    if "-" in m.group(0):  # "year-end": the last day
        return _Val("DATE", f"{ctx.anchor.year}-12-31", "day")
    return _Val("DATE", str(ctx.anchor.year), "year")  # "by year's end": the year


def _duration_rule(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    n = _num(_g(m, "n")) if _g(m, "n") else None
    unit_word = _g(m, "unit") or _g(m, "unit2") or _g(m, "unit3")
    unit = _unit_key(unit_word)
    words = m.group(0).lower()
    if not _g(m, "n") and not re.search(r"s$", unit_word.lower()):
        n = 1.0
    if _g(m, "n").lower() in ("a", "an") and unit_word.lower().endswith("s"):
        return None
    if re.match(r"(?:the\s+)?(?:past|last)\b", words) and n is None and unit == "year":
        return _Val("DATE", "PAST_REF", "ref")
    if unit_word[:1].isupper() and not words[:1].isalpha():
        return None  # "60 Minutes": a title
    after = ctx.text[m.end() : m.end() + 4].lower()
    vague = _g(m, "n").lower() in ("several", "few", "a few", "many", "some", "")
    if unit == "quarter" and ((after.startswith(" of") and not vague) or "-quarter" in words):
        return None  # "a quarter of", "three-quarters": a fraction
    if unit == "second" and not unit_word.lower().endswith("s"):
        return None  # "a second time": an ordinal
    if _g(m, "n").lower() in ("a", "an") and re.search(
        r"(?:\d|%|\b(?:cents?|dollars?|euros?|pounds?|shares?|times|once|twice|million|"
        r"billion|thousand|percent|tons?|barrels?))\W{0,3}$",
        ctx.text[max(0, m.start() - 30) : m.start()],
    ):
        return _Val("SET", _duration(1.0, unit), "set")  # "$5 million a year"
    return _Val("DURATION", _duration(n, unit), "duration")


def _set_rule(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    word = m.group(0).lower()
    adverbs = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
               "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M"}  # fmt: skip
    if word in adverbs:
        return _Val("SET", adverbs[word], "set")
    if _g(m, "wd"):
        return _Val("SET", f"XXXX-WXX-{_weekday_of(_g(m, 'wd'))}", "set")
    if _g(m, "mon"):
        return _Val("SET", f"XXXX-{_month_of(_g(m, 'mon')):02d}", "set")
    n = (2.0 if _g(m, "n").lower() == "other" else _num(_g(m, "n"))) if _g(m, "n") else 1.0
    return _Val("SET", _duration(n, _unit_key(_g(m, "unit"))), "set")


def _season(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    code = _SEASONS[(_g(m, "season") or _g(m, "season2")).lower()]
    year = _g(m, "year") or _g(m, "year2") or _spoken(_g(m, "spoken") or _g(m, "spoken1"))
    y = int(year) if year else ctx.anchor.year
    return _Val("DATE", f"{y}-{code}", "season")


def _holiday(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    name = re.sub(r"\W+", " ", _g(m, "hol").lower()).strip()
    y = int(_g(m, "year")) if _g(m, "year") else ctx.anchor.year
    if not _g(m, "year"):
        this = _holiday_date(name, y)
        tense = ctx.future(m.start(), m.end())
        if this is not None and tense is None:  # no tense to go by: the nearest one
            days = {yy: _holiday_date(name, yy) for yy in (y - 1, y, y + 1)}
            y = min(days, key=lambda yy: abs((days[yy] or this) - ctx.anchor))
        elif this is not None and this > ctx.anchor and not tense:
            y -= 1
        elif this is not None and this < ctx.anchor and tense:
            y += 1
    day = _holiday_date(name, y)
    return _Val("DATE", day.isoformat(), "day") if day else None


def _holiday_date(name: str, y: int) -> dt.date | None:
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year s day": (1, 1), "new year s eve": (12, 31), "halloween": (10, 31),
             "independence day": (7, 4), "valentine s day": (2, 14),
             "veterans day": (11, 11)}  # fmt: skip
    if name in fixed:
        mo, d = fixed[name]
    elif name == "election day":  # the Tuesday after the first Monday of November
        first = dt.date(y, 11, 1)
        d = 2 + (0 - first.weekday()) % 7
        mo = 11
    elif name.startswith("thanksgiving"):
        first = dt.date(y, 11, 1)
        d = 1 + (3 - first.weekday()) % 7 + 21
        mo = 11
    else:
        return None
    return dt.date(y, mo, d)


def _anaphor(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    """ "that year", "the same day", "at the time": the date mentioned before."""
    unit = _g(m, "unit").lower()
    want = {"day": 10, "month": 7, "year": 4, "week": 8}.get(unit)
    for t in reversed(ctx.found):
        if t.start >= m.start() or t.type not in ("DATE", "TIME"):
            continue
        if not re.match(r"\d{4}", t.value) or m.start() - t.end > 1500:
            continue
        if want is None:
            return _Val("DATE", t.value[:10], t.granularity or "day", t.date)
        if want == 8:
            continue
        if len(t.value) >= want and t.value[4:5] in ("", "-") and "W" not in t.value:
            return _Val("DATE", t.value[:want], {10: "day", 7: "month", 4: "year"}[want])
    if unit == "":
        return _Val("DATE", "PAST_REF", "ref")
    return None


def _month_anaphor(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    """ "The following month", "the previous month": relative to the date mentioned before."""
    rel = _g(m, "rel").lower()
    step = 1 if rel in ("following", "next") else -1
    for t in reversed(ctx.found):
        if t.start < m.start() and re.fullmatch(r"\d{4}-\d\d(-\d\d)?", t.value):
            d = dt.date(int(t.value[:4]), int(t.value[5:7]), 1)
            d = _add_months(d, step)
            return _Val("DATE", f"{d.year}-{d.month:02d}", "month")
    return None


_ANAPHOR_REACH = 5000  # characters (a few pages' paragraphs): further back, no anchor


def _day_anaphor(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    """ "The day before,", "the next day", "the previous night": a day from the day mentioned
    before."""
    step = -1 if (_g(m, "rel") or _g(m, "rel2")).lower() in ("before", "previous") else 1
    for t in reversed(ctx.found):
        if t.start < m.start() and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value[:10]):
            if m.start() - t.end > _ANAPHOR_REACH:  # the last day told, if not pages back
                return None
            d = dt.date.fromisoformat(t.value[:10]) + dt.timedelta(days=step)
            if (_g(m, "unit") or _g(m, "unit2")).lower() == "night":
                return _Val("TIME", f"{d.isoformat()}TNI", "part of day")  # "the previous night"
            return _Val("DATE", d.isoformat(), "day")
    return None


def _weekend(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    """The weekend just past (or the coming one, in a sentence about the future)."""
    a = ctx.anchor
    if a.isoweekday() >= 6:
        d = a
    elif ctx.future(m.start(), m.end()) and "past" not in m.group(0).lower():
        d = a + dt.timedelta(days=6 - a.isoweekday())
    else:
        d = a - dt.timedelta(days=a.isoweekday())
    return _Val("DATE", f"{_iso_week(d)}-WE", "weekend")


def _spoken(words: str) -> str:
    """ "nineteen ninety-six" -> "1996"; "" when it is not a year."""
    words = re.sub(r"\s+", " ", words.lower())
    if not words:
        return ""
    if words.startswith("nineteen"):
        n = _num(words[len("nineteen") :].strip(" -"))
        return str(1900 + int(n)) if n and n < 100 else ""
    tail = re.sub(r"^two thousand(?: and)?", "", words).strip(" -")
    n = _num(tail) if tail else 0
    return str(2000 + int(n)) if n is not None else ""


def _spoken_year(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    year = _spoken(_g(m, "spoken"))
    return _Val("DATE", year, "year") if year else None


def _decade_word(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
            "seventies": 7, "eighties": 8, "nineties": 9}[_g(m, "decw").lower()]  # fmt: skip
    return _Val("DATE", f"19{tens}", "decade")


def _quarter_num(s: str) -> int:
    return {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "final": 4}[s.lower()]  # fmt: skip


def _early_this(m: re.Match[str], ctx: _Ctx) -> _Val | None:
    words = m.group(0).lower()
    a = ctx.anchor
    if re.match(r"\s+end(?:ed|ing)\b", ctx.text[m.end() : m.end() + 8], re.I):
        return _Val("DURATION", "P1Y", "duration")  # "the fiscal year ended June 30"
    if words.endswith("month"):
        return _Val("DATE", f"{a.year}-{a.month:02d}", "month")
    if words.endswith("week"):
        return _Val("DATE", _iso_week(a), "week")
    return _Val("DATE", str(a.year), "year")


# ---------------------------------------------------------------- rules
# (pattern, resolver). Overlaps go to the longest match, then to the earlier rule.

_DATE_TAIL = rf"(?P<mon>{_MONTH})\.?\s+(?P<day>{_DAYNUM})(?:,?\s+(?P<year>{_YEAR}))?"
_RULES: tuple[tuple[re.Pattern[str], Resolver], ...] = (
    # Times of day, optionally with their day.
    (
        _rx(
            rf"(?:(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after)"
            rf"|after|before|until|at|by)\s+)?(?P<clock>{_CLOCK})"
            rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{_WEEKDAY})|(?P<mon>{_MONTH})\.?\s+(?P<day>{_DAYNUM})"
            rf"|(?P<w>yesterday|today|tomorrow|tonight)))?"
        ),
        _time,
    ),
    # Dates: "September 27, 2020", "Friday, Oct. 13", "27 September 2020".
    (_rx(rf"{_MOD}(?:{_WEEKDAY},?\s+)?{_DATE_TAIL}"), _full_date),
    (
        _rx(
            rf"{_MOD}(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{_DAYNUM})\s+(?:of\s+)?(?P<mon>{_MONTH})"
            rf"\.?(?:,?\s+(?P<year>{_YEAR}))?"
        ),
        _full_date,
    ),
    (
        _rx(
            r"(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)|"
            r"(?P<um>1[0-2]|0?[1-9])/(?P<ud>[12]\d|3[01]|0?[1-9])/(?P<uy>(?:19|20)?\d\d)"
        ),
        _numeric_date,
    ),
    # Months: "August 2020", "last April", "In August", "early September".
    (
        _rx(
            rf"{_MOD}(?:(?P<rel>last|this|next|this\s+past|the\s+coming|past|coming|previous)\s+)?"
            rf"(?P<mon>{_MONTH})(?!\s+\d{{1,2}}\b|\s+(?:for|of)\s+(?:the\s+)?(?-i:[A-Z]))"
            rf"(?:,?\s+(?:of\s+)?(?:(?P<year>{_YEAR})|(?P<spoken>{_SPOKEN_YEAR}))|"
            rf"\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)?"
        ),
        _month_year,
    ),
    # Years, decades, centuries.
    (
        _rx(
            rf"{_MOD}(?:(?:the|calendar|fiscal|fiscal\s+year|FY)\s+)?(?P<year>{_YEAR})"
            r"(?:\s+(?:(?P<noun>period|quarter)|fiscal\s+year|calendar\s+year))?"
        ),
        _year,
    ),
    (
        _rx(r"(?:(?:the\s+)?(?:early|late|mid)[\s-]+|the\s+)?(?P<dec>(?:1[6-9]|20)\d0|'\d0)s"),
        _decade,
    ),
    (
        _rx(
            r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|first|second|"
            r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
            r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
            r"twenty-first)[\s-]+century"
        ),
        _century,
    ),
    # Deictic days and parts of days.
    (
        _rx(
            r"(?:(?:early|late|later|earlier)\s+)?(?P<w>yesterday|today|tomorrow|tonight)"
            r"(?:\s+(?P<pod>morning|afternoon|evening|night))?"
        ),
        _deictic_day,
    ),
    (
        _rx(
            r"(?:(?:early|late|later|earlier)\s+)?(?:in\s+)?(?:the\s+)?(?P<pod>morning|afternoon|"
            r"evening|night|mid-afternoon)\s+(?P<w>yesterday|today|tomorrow)"
        ),
        _deictic_day,
    ),
    (
        _rx(
            r"(?:later\s+|earlier\s+)?(?P<rel>this|last)\s+(?P<pod>morning|afternoon|evening|night)"
        ),
        _this_pod,
    ),
    (_rx(r"(?P<pod>overnight|mid[\s-]afternoon)"), _this_pod),
    # Weekdays: "last Tuesday", "Friday morning", "10 p.m. Wednesday" (above).
    (
        _rx(
            rf"{_MOD}(?:(?P<rel>last|this|next|this\s+past|the\s+previous|the\s+following|"
            rf"the\s+coming|coming|past|previous)\s+)?(?P<wd>{_WEEKDAY})(?!s)"
            rf"(?:\s+(?P<pod>morning|afternoon|evening|night)|(?:\s+at)?\s+(?P<clock>{_CLOCK}))?"
        ),
        _weekday,
    ),
    # Present, past and future references.
    (
        _rx(
            r"(?:right\s+|just\s+|until\s+|by\s+|even\s+)?now|currently|these\s+days|nowadays|"
            r"at\s+present|presently|at\s+the\s+moment|at\s+this\s+point|for\s+the\s+time\s+being|"
            r"the\s+present|(?<!the\s)current(?!\s+(?:account|affairs|events|and|assets|"
            r"liabilities|dollars|prices|of|ratio|system|law|policy))"
        ),
        _ref("PRESENT_REF"),
    ),
    (
        _rx(
            r"(?:more\s+|most\s+|until\s+|only\s+)?recently|lately|formerly|"
            r"(?:in\s+)?the\s+past(?!\s+(?:\w+\s+){0,3}(?:days?|weeks?|months?|years?|"
            r"decades?|quarters?|centur|summers?))|recent\s+years|in\s+years\s+past|some\s+time\s+ago|long\s+ago|"
            r"(?:several|some|a\s+few|many)\s+(?:days|weeks|months|years)\s+ago|years\s+ago"
        ),
        _ref("PAST_REF"),
    ),
    (
        _rx(
            r"(?:the|in\s+the)\s+(?:near\s+|distant\s+|foreseeable\s+)?future|"
            r"(?:the\s+)?(?:near|short|long)\s+term|as\s+soon\s+as\s+possible|"
            r"before\s+long|coming\s+(?:months|years|quarters|weeks|days)|a\s+later\s+date"
        ),
        _ref("FUTURE_REF"),
    ),
    # last/this/next week, month, year, quarter, weekend, season.
    (
        _rx(
            rf"{_MOD}(?P<rel>last|this|next|the\s+past|this\s+past|the\s+coming|the\s+previous|"
            r"the\s+following|the\s+current|current|coming|past|previous|following)\s+"
            r"(?P<unit>week|month|year|weekend|decade|century|spring|summer|fall|autumn|winter)"
            r"(?!s|-)"
        ),
        _relative_unit,
    ),
    (
        _rx(
            rf"(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bsince\s)|"
            rf"(?<=\bthrough\s))(?:(?:early|late|mid)[\s-]+)?(?:the\s+)?"
            rf"(?:(?:early|late|mid)[\s-]+)?(?P<season>spring|summer|fall|autumn|winter)"
            rf"(?:\s+(?:of\s+)?(?:(?P<year>{_YEAR})|(?P<spoken1>{_SPOKEN_YEAR})))?|"
            rf"(?:the\s+)?(?P<season2>spring|summer|fall|autumn|"
            rf"winter)\s+(?:of\s+)?(?:(?P<year2>{_YEAR})|(?P<spoken>{_SPOKEN_YEAR}))(?!\s+(?:collection|season|games|olympics|"
            r"camp|school|break|session))"
        ),
        _season,
    ),
    (
        _rx(
            r"(?:early\s+|late\s+|later\s+|earlier\s+)(?:this|the)\s+(?:year|month|week)"
            r"|earlier\s+in\s+the\s+(?:year|month|week)|the\s+(?:current|full|calendar|fiscal)\s+"
            r"year|the\s+current\s+fiscal\s+year|(?:the\s+)?end\s+of\s+(?:the|this)\s+year|"
            r"(?:the\s+)?(?:beginning|start|end|middle)\s+of\s+(?:the|this)\s+(?:year|month|week)"
        ),
        _early_this,
    ),
    (_rx(rf"(?:the\s+)?fiscal(?:\s+year)?\s+(?P<year>{_YEAR})"), _fiscal),
    (_rx(r"(?:around\s+|at\s+|by\s+)?(?:the\s+)?year(?:'s)?[\s-]end"), _year_end),
    # Quarters and halves.
    (
        _rx(
            rf"(?:(?:the|its|(?P<yp>this|last|next)\s+year's|a\s+flat)\s+)?(?:(?P<rel>year-ago|"
            rf"year-earlier|latest|last|current|this|next|coming|previous|past)\s+)?"
            rf"(?:(?P<year>{_YEAR})\s+)?(?:fiscal[\s-]+)?"
            r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+quarter(?!s)"
            rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year2>{_YEAR}))?"
        ),
        _quarter_rule,
    ),
    (
        _rx(
            r"(?:the|this|its)\s+(?P<rel>latest|current|last|previous|past|next|coming)?\s*"
            r"(?P<latest>)quarter(?!s|ly)|(?:the|this)\s+(?P<rel2>latest)\s+period"
        ),
        _quarter_rule,
    ),
    (
        _rx(
            rf"(?:the\s+)?(?P<ord>first|second|last)\s+(?:half|two\s+quarters)\s+(?:of\s+)?"
            rf"(?P<year>{_YEAR})?(?(year)|(?=\W))"
        ),
        _half,
    ),
    (_rx(r"(?:this|the)\s+year(?!s|-|\s+(?:ago|earlier|before|later))(?=\W)"), _this_year),
    (_rx(r"(?P<rel>this|the\s+current|current)\s+(?P<unit>month|week)(?!s|-)"), _relative_unit),
    # "two weeks ago", "a year earlier", "three days later".
    (
        _rx(
            rf"{_APPROX}(?P<n>{_NUM})[\s-]+(?P<unit>{_UNIT})\s+(?P<dir>ago|earlier|later|"
            r"before(?=\s*[,.;])|after(?=\s*[,.;])|from\s+now|hence|back(?=\s*[,.;]))"
        ),
        _ago,
    ),
    (
        _rx(
            r"(?:(?:the|a|its|their)\s+)?(?:comparable\s+)?(?:year-(?:ago|earlier)|"
            r"(?:a\s+)?year\s+earlier)(?:\s+(?:(?:fiscal\s+)?(?:first|second|third|fourth)\s+)?"
            r"(?P<noun>quarter|period|nine\s+months|year))?"
        ),
        _year_ago_adj,
    ),
    (
        _rx(
            r"(?:the\s+)?(?:corresponding|same)\s+(?:period|quarter)\s+(?:a\s+year\s+(?:ago|earlier)"
            r"|last\s+year)|the\s+quarter\s+a\s+year\s+(?:ago|earlier)"
        ),
        _year_ago_adj,
    ),
    # Sets: "every day", "each Thursday", "daily".
    (
        _rx(
            rf"(?:every|each|per)\s+(?:(?P<n>{_NUMWORD}|\d+|other)\s+)?(?:(?P<wd>{_WEEKDAY})|"
            rf"(?P<mon>{_MONTH})|(?P<unit>{_UNIT}))|daily|weekly|monthly|yearly|hourly|"
            r"nightly"
        ),
        _set_rule,
    ),
    (_rx(r"(?P<wd>(?-i:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days))"), _set_rule),
    # Durations: "a month", "the past two years", "two-year", "the first nine months".
    (
        _rx(
            rf"{_APPROX}(?P<n>{_NUM})[\s-]+(?:more\s+|full\s+|straight\s+|consecutive\s+|"
            rf"long\s+|trading\s+|business\s+|working\s+|calendar\s+)?(?P<unit>{_UNIT})"
            r"(?:-long)?(?![\s-]+olds?\b)"
        ),
        _duration_rule,
    ),
    (
        _rx(
            r"(?:recent|coming|the\s+coming|in\s+recent)\s+(?P<n>)(?P<unit>days|weeks|months|"
            r"quarters|decades)|(?P<unit2>decades|centuries|day|week|month|year)[\s-]long|"
            r"(?:(?<=\bfor\s)|(?<=\bwithin\s))(?P<unit3>days|weeks|months|years|decades)"
            r"(?!\s+(?:of|ago|old|later|earlier|before|after|to)\b)"
        ),
        _duration_rule,
    ),
    (
        _rx(
            r"(?P<hol>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|Halloween|"
            r"Independence\s+Day|Valentine's\s+Day|Veterans\s+Day|Election\s+Day|"
            r"Thanksgiving(?:\s+Day)?)"
            rf"(?:\s+(?P<year>{_YEAR}))?"
        ),
        _holiday,
    ),
    (_rx(r"(?:(?:this|the)\s+)?(?:past\s+)?weekend(?!s)"), _weekend),
    (_rx(rf"(?:the\s+year\s+)?(?P<spoken>{_SPOKEN_YEAR})"), _spoken_year),
    (
        _rx(
            r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<decw>twenties|thirties|forties|fifties|"
            r"sixties|seventies|eighties|nineties)"
        ),
        _decade_word,
    ),
    (
        _rx(
            rf"(?:the|this)\s+(?:(?:early|late)\s+)?(?P<season>summer|winter|autumn|spring)(?!\s+of\s+(?!{_YEAR}))"
            r"(?!\s+(?:collection|season|games|olympics|camp|school|break|session|meeting|offensive))"
        ),
        _season,
    ),
    # Anaphora: "that year", "the same day", "at the time".
    (_rx(r"(?:that|the\s+same|the\s+very\s+same)\s+(?P<unit>day|month|year|week)(?!s)"), _anaphor),
    (_rx(r"at\s+(?:the|that)\s+time(?!s)(?P<unit>)"), _anaphor),
    (_rx(r"(?:the|a)\s+(?P<rel>following|next|previous)\s+month"), _month_anaphor),
    (
        _rx(
            r"the\s+(?P<rel>following|next|previous)\s+(?P<unit>day|night)"
            r"|the\s+(?P<unit2>day|night)\s+(?P<rel2>before|after)(?=\s*[,.;])"
        ),
        _day_anaphor,
    ),
)


# What each rule's every match holds, case-folded: one string of each group (``#``: a
# digit). A window without them is not searched by that rule: the rules, each trying
# every position of a window, were most of this stage's time. Read off the patterns
# above (a month or weekday by its first three letters); one line per rule, in order.
_MON = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WD = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_UNIT_WORDS = ("second", "minute", "hour", "day", "night", "week", "fortnight", "month",
               "quarter", "year", "decade", "centur", "millenni")  # fmt: skip
# fmt: off
_RULE_NEEDS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("#", "noon", "midnight", "midday", "clock"),),  # _time
    (_MON, ("#",)),  # _full_date: month day
    (_MON, ("#",)),  # _full_date: day month
    (("#",),),  # _numeric_date
    (_MON,),  # _month_year
    (("#",),),  # _year
    (("#",),),  # _decade
    (("century",),),  # _century
    (("yesterday", "today", "tomorrow", "tonight"),),  # _deictic_day
    (("yesterday", "today", "tomorrow"),),  # _deictic_day: "morning yesterday"
    (("morning", "afternoon", "evening", "night"),),  # _this_pod
    (("overnight", "afternoon"),),  # _this_pod
    (_WD,),  # _weekday
    # PRESENT_REF
    (("now", "currently", "days", "present", "moment", "point", "being", "current"),),
    (("recently", "lately", "formerly", "past", "years", "ago"),),  # PAST_REF
    (("future", "term", "possible", "long", "coming", "date"),),  # FUTURE_REF
    (("week", "month", "year", "decade", "century", "spring", "summer", "fall", "autumn",
      "winter"),),  # _relative_unit
    (("spring", "summer", "fall", "autumn", "winter"),),  # _season
    (("year", "month", "week"),),  # _early_this
    (("fiscal",), ("#",)),  # _fiscal
    (("year",),),  # _year_end
    (("quarter",),),  # _quarter_rule
    (("quarter", "period"),),  # _quarter_rule: "the latest quarter"
    (("half", "quarters"),),  # _half
    (("year",),),  # _this_year
    (("month", "week"),),  # _relative_unit: "this month"
    (_UNIT_WORDS, ("ago", "earlier", "later", "before", "after", "now", "hence", "back")),
    (("year",),),  # _year_ago_adj
    (("year",),),  # _year_ago_adj: "the same period last year"
    (("every", "each", "per", "daily", "weekly", "monthly", "yearly", "hourly", "nightly"),),
    (_WD,),  # _set_rule: "Fridays"
    (_UNIT_WORDS,),  # _duration_rule
    (("days", "weeks", "months", "quarters", "decades", "centuries", "day", "week", "month",
      "year"),),  # _duration_rule: "in recent weeks", "decades-long"
    (("christmas", "year", "halloween", "day", "thanksgiving"),),  # _holiday
    (("weekend",),),  # _weekend
    (("nineteen", "thousand"),),  # _spoken_year
    (("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
      "nineties"),),  # _decade_word
    (("summer", "winter", "autumn", "spring"),),  # _season: "this summer"
    (("day", "month", "year", "week"),),  # _anaphor
    (("time",),),  # _anaphor: "at the time"
    (("month",),),  # _month_anaphor
    (("day", "night"),),  # _day_anaphor
)
# fmt: on
assert len(_RULE_NEEDS) == len(_RULES)
_NEEDLES = tuple(sorted({w for rule in _RULE_NEEDS for group in rule for w in group} - {"#"}))
_GROUPS = tuple(tuple(frozenset(group) for group in rule) for rule in _RULE_NEEDS)
_DIGIT = re.compile(r"\d")


def _fold(s: str) -> str:
    """``s`` case-folded so that whatever a rule (``re.I``) matches holds its words."""
    # "ı" and "İ" are an i to the rules, not to casefold() ("İ" -> "i" + U+0307)
    return s.casefold().replace("ı", "i").replace("\u0307", "")


# ---------------------------------------------------------------- tense

# Tense markers: the one nearest the expression decides ("was announced Wednesday, they
# will appeal" is past; "plans to leave on Thursday" is future).
_TENSE = re.compile(
    r"\b(?:(?P<fut>will|won't|'ll|shall|would|going\s+to|plans?\s+to|planned\s+(?:to|for)|"
    r"planning\s+to|scheduled|expected\s+to|expects?\s+to|set\s+to|due\s+to|due|upcoming|"
    r"is\s+to|are\s+to|to\s+be|hopes?\s+to|intends?\s+to|next|expected|set\s+(?:to|for))|"
    r"(?P<past>(?:was|were|had\s+been)\s+(?:due|scheduled|expected|set|supposed|planned)|"
    r"since|was|were|had|did|said|told|ago|last|earlier|"
    # a participle after "be" ("will be held") is no past
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?:set(?!\s+(?:to|for))|began|came|went|met|"
    r"left|took|made|fell|rose|grew|won|lost|got|gave|sent|held|found|saw|spoke|wrote|led|"
    r"fled|struck|shot|broke|became|brought|bought|built|caught|chose|drove|felt|fought|flew|"
    r"froze|heard|kept|knew|paid|ran|sold|sought|spent|stood|taught|thought|threw|"
    r"(?-i:[a-z]+ed))))\b",
    re.I,
)


def _sentence_bounds(text: str, s: int, e: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s), text.rfind("? ", 0, s))
    right_c = [i for i in (text.find(". ", e), text.find("\n", e)) if i != -1]
    return left + 1, min(right_c) if right_c else len(text)


_FUTURE_PREP = re.compile(
    r"(?:\b(?:by|until|till|before|starting|beginning|effective|as\s+early\s+as|"
    r"as\s+soon\s+as|no\s+later\s+than)\s+(?:on\s+|in\s+)?)$",
    re.I,
)


def _future_prep(text: str, s: int) -> bool:
    """ "by March", "until Friday", "effective Feb. 1" (but "had filed by Friday" is past)."""
    m = _FUTURE_PREP.search(text, max(0, s - 25), s)
    if not m:
        return False
    had = re.search(r"\bhad\b", text[max(0, s - 80) : s])
    return not (m.group(0).lower().startswith("by") and had)


def _future_from_text(text: str) -> Callable[[int, int], bool | None]:
    def future(s: int, e: int) -> bool | None:
        if _future_prep(text, s):
            return True
        if text.startswith("'s", e) or text.startswith("’s", e):
            return False  # "Wednesday's ruling": a thing already done
        a, b = _sentence_bounds(text, s, e)
        before = list(_TENSE.finditer(text, max(a, s - 100), s))
        if before:
            return before[-1].group("fut") is not None
        after = _TENSE.search(text, e, min(b, e + 80))
        return None if after is None else after.group("fut") is not None

    return future


def _future_from_doc(doc: Doc, text: str) -> Callable[[int, int], bool | None]:
    """Tense from the parse: the verb the expression hangs from, and its auxiliaries."""
    fallback = _future_from_text(text)

    def future(s: int, e: int) -> bool | None:
        if _future_prep(text, s):
            return True
        try:
            span = doc.char_span(s, e, alignment_mode="expand")
        except (AttributeError, ValueError):
            span = None
        if span is None:
            return fallback(s, e)
        verb = span.root
        for _ in range(6):  # up to the governing verb
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return fallback(s, e)
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & {"will", "'ll", "shall", "wo", "would", "'d"} or (
            verb.tag_ == "VBG" and aux & {"is", "are", "'s", "'re"}
        ):
            return True  # "will visit", "is visiting on Friday"
        if verb.tag_ == "VBD" or aux & {"had", "was", "were", "did", "has", "have"}:
            return False
        return fallback(s, e)

    return future


# ---------------------------------------------------------------- periods


def period_range(value: str) -> DateRange | None:
    """The days a TimeML date value covers ("2020-08" -> 2020-08-01..2020-08-31)."""
    mm = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d)|-Q(\d)|-H(\d)|-(SP|SU|FA|WI))?", value)
    if not mm or (len(value) > 10 and "T" not in value and "-WE" not in value):
        if re.fullmatch(r"\d{3}", value):  # a decade
            y = int(value) * 10
            return DateRange(f"{y}-01-01", f"{y + 9}-12-31")
        if re.fullmatch(r"\d{2}", value):  # a century
            y = int(value) * 100
            return DateRange(f"{y}-01-01", f"{y + 99}-12-31")
        return None
    y = int(mm.group(1))
    if mm.group(3):
        d = dt.date(y, int(mm.group(2)), int(mm.group(3)))
        return DateRange(d.isoformat(), d.isoformat())
    if mm.group(2):
        mo = int(mm.group(2))
        last = calendar.monthrange(y, mo)[1]
        return DateRange(f"{y}-{mo:02d}-01", f"{y}-{mo:02d}-{last:02d}")
    if mm.group(4):
        monday = dt.date.fromisocalendar(y, int(mm.group(4)), 1)
        if value.endswith("-WE"):
            sat, sun = monday + dt.timedelta(5), monday + dt.timedelta(6)
            return DateRange(sat.isoformat(), sun.isoformat())
        return DateRange(monday.isoformat(), (monday + dt.timedelta(6)).isoformat())
    if mm.group(5):
        q = int(mm.group(5))
        last = calendar.monthrange(y, 3 * q)[1]
        return DateRange(f"{y}-{3 * q - 2:02d}-01", f"{y}-{3 * q:02d}-{last:02d}")
    if mm.group(6):
        h = int(mm.group(6))
        return DateRange(f"{y}-{6 * h - 5:02d}-01", f"{y}-{6 * h:02d}-{30 if h == 1 else 31}")
    if mm.group(7):
        lo, hi = _SEASON_MONTHS[mm.group(7)]
        hy = y + 1 if hi < lo else y
        last = calendar.monthrange(hy, hi)[1]
        return DateRange(f"{y}-{lo:02d}-01", f"{hy}-{hi:02d}-{last:02d}")
    return DateRange(f"{y}-01-01", f"{y}-12-31")


def _date_fields(v: _Val, anchor: dt.date) -> tuple[str | None, DateRange | None]:
    if v.type in ("DURATION", "SET"):
        return None, None
    if v.value == "PRESENT_REF":
        return anchor.isoformat(), DateRange(anchor.isoformat(), anchor.isoformat())
    if v.value == "PAST_REF":
        return None, DateRange(None, anchor.isoformat())
    if v.value == "FUTURE_REF":
        return None, DateRange(anchor.isoformat(), None)
    rng = period_range(v.value)
    date = v.date
    if date is None and re.fullmatch(r"\d{4}(-\d\d){0,2}", v.value):
        date = v.value
    elif date is None and "T" in v.value:
        date = v.value[:10]
    return date, rng


# ---------------------------------------------------------------- finder


def find_timexes(text: str, anchor: dt.date, start: int = 0, doc: Doc | None = None) -> list[Timex]:
    """Every temporal expression in ``text[start:]``, offsets into ``text``.

    Args:
        text: the article text.
        anchor: the article date every relative expression is resolved against.
        start: where the article starts (the part before is a date header).
        doc: the spaCy doc of ``text``, if there is one, for the tense of a sentence.

    Example:
        >>> import datetime as dt
        >>> [t.value for t in find_timexes("Two weeks ago, every day.", dt.date(2020, 10, 28))]
        ['2020-W42', 'P1D']
    """
    future = _future_from_doc(doc, text) if doc is not None else _future_from_text(text)
    cands: list[tuple[int, int, int, re.Match[str]]] = []
    windows = _windows(text, start)
    for lo, hi in windows:
        folded = _fold(text[lo:hi])
        present = {w for w in _NEEDLES if w in folded}
        if _DIGIT.search(text, lo, hi):
            present.add("#")
        for rank, (rx, _) in enumerate(_RULES):
            if any(group.isdisjoint(present) for group in _GROUPS[rank]):
                continue  # no match of this rule can be here
            for m in rx.finditer(text, lo, hi):
                if m.end() > m.start():
                    cands.append((m.start(), -(m.end() - m.start()), rank, m))
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    found: list[Timex] = []
    end = -1
    for s, _, rank, m in cands:
        if s < end:  # overlaps the one taken: the earlier, longer one wins
            continue
        if _not_a_time(text, m):
            continue
        try:
            val = _RULES[rank][1](m, _Ctx(text, anchor, future, found))
            if val is None:  # a rule may refuse; a shorter candidate may still fit
                continue
            date, rng = _date_fields(val, anchor)
        except (OverflowError, ValueError):  # off the calendar: "tomorrow" of 9999-12-31
            continue
        end = m.end()
        s, e = _trim(text, m.start(), m.end())
        found.append(
            Timex(
                text=text[s:e],
                start=s,
                end=e,
                type=val.type,
                value=val.value,
                date=date,
                date_range=rng,
                granularity=val.granularity,
                anchor=anchor.isoformat(),
            )
        )
    return found


# Words one of which (or a digit) every time expression the rules find contains;
# checked against the rules on TempEval-3 and PolNeAR (tests/test_timexes.py).
_TRIGGERS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun weekday weekdays
    second seconds minute minutes hour hours day days week weeks weekend weekends month
    months year years decade decades century centuries millennium millennia quarter quarters
    season seasons fortnight fortnights night nights morning mornings afternoon afternoons
    evening evenings noon midnight midday overnight tonight today tomorrow yesterday
    now nowadays currently recently lately formerly presently soon ago hence daily weekly
    monthly yearly annually hourly nightly quarterly spring springs summer summers autumn
    fall winter winters christmas thanksgiving halloween eve valentine time times moment
    past future present point date sometime earlier later latest recent current previous
    twenties thirties forties fifties sixties seventies eighties nineties teens term
    eighteen nineteen twenty hundred thousand
    """.split()
)
_WORD_OR_DIGIT = re.compile(r"[^\W\d_]+|\d+")
# Text this far around a trigger is searched: no expression reaches further from
# its nearest time word or digit (checked on TempEval-3 and PolNeAR: same output).
_MARGIN = 40


def _windows(text: str, start: int) -> list[tuple[int, int]]:
    """The stretches of ``text[start:]`` that can hold a time expression, merged, in order.

    Forty-odd rules each scanning the whole text were most of this stage's
    time; most sentences hold no time word at all.
    """
    out: list[tuple[int, int]] = []
    for m in _WORD_OR_DIGIT.finditer(text, start):
        w = m.group(0).lower()
        if not (w.isdigit() or w in _TRIGGERS or (w[-1] == "s" and w[:-1] in _TRIGGERS)):
            continue
        lo = max(start, m.start() - _MARGIN)
        hi = min(len(text), m.end() + _MARGIN)
        # cut at white space, so no rule sees a word broken at a window's edge
        while lo > start and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


_GENERIC = re.compile(
    r"(?:today|tomorrow)(?:'s|’s)\s+(?:world|youth|society|standards|generation|children|"
    r"personal|young|market|economy|people)\b|(?<=\bof\s)tomorrow\b|(?<=\bhigh\s)noon\b",
    re.I,
)


def _not_a_time(text: str, m: re.Match[str]) -> bool:
    """Words that look like times and are not: "today's world", "High Noon", a
    capitalised title such as ABC's "This Week"."""
    s = m.start()
    if _GENERIC.match(text, s):
        return True
    words = m.group(0).split()
    # "This Week" in mid-sentence: a title, not a week.
    return (
        len(words) == 2
        and all(w[:1].isupper() for w in words)
        and words[0].lower() in ("this", "next", "last")
        and s > 0
        and not re.search(r"(?:[.!?]\s+|^|\n\s*)[\"“‘'`]*$", text[max(0, s - 4) : s])
    )


_LEAD = re.compile(
    r"(?:(?:at(?!\s+(?:least|most))|by|until|after|before|on|in|since|from|during|of|for|"
    r"over|within)\s+)+",
    re.I,
)


# A determiner before a bare year or a hyphenated adjective is not part of the timex.
_BARE_DET = re.compile(r"(?:the|its|a)\s+(?=(?:\d{4}|\w+-quarter|year-(?:ago|earlier))$)", re.I)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop leading prepositions and trailing punctuation from a span."""
    while s < e and text[s].isspace():
        s += 1
    lead = _LEAD.match(text, s, e)
    if lead and lead.end() < e:
        s = lead.end()
    det = _BARE_DET.match(text[s:e])
    if det:
        s += det.end()
    while e > s and text[e - 1] in " ,;:":
        e -= 1
    return s, e
