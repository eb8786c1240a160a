"""The publication date of a news page, as its reader would give it, and the evidence for it.

Evidence, strongest first:

1. ``metadata``: a publication timestamp in the page's metadata (meta tags,
   JSON-LD) with a local offset ("2019-11-19T07:43:27-05:00", "November 19,
   2019, 07:47 PM EST");
2. ``url``: a full date in the page's own URL (``/2019/11/19/``);
3. ``metadata``: a date without a time ("2019-11-18");
4. ``metadata (UTC)``: a UTC timestamp, taken in the outlet's local time when
   the page tells it (a time zone shown next to a time, the page's locale,
   its country domain): an evening story in New York is stamped the next
   day in UTC;
5. ``time element``: the page's own ``<time>`` (marked as the publication,
   else the first one outside links and lists of other stories);
6. ``dateline``: a date written near the headline.

Dates in links, navigation, sidebars, comments and copyright lines are never
read: only the page's metadata, its URL and the text next to its headline.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["DateEvidence", "PageDate", "outlet_from_url", "page_date"]

# Publication (not modification) keys of meta tags, most trusted first.
_META_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "article.published",
    "og:pubdate",
    "originalpublicationdate",
    "displaydate",
)
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|NewsArticle|LiveBlog", re.I)
# Parts of a page whose dates are not the article's.
_NOT_ARTICLE = re.compile(
    r"(?:^|[\s_-])(?:comment|sidebar|related|recommend|footer|nav|menu|promo|teaser|trending|popular|"
    r"most-read|more-from|widget|newsletter|outbrain|taboola|rail|aside)",
    re.I,
)
_SKIP_TAGS = {"nav", "aside", "footer", "script", "style", "noscript", "template", "form"}
_URL_DATE = (
    re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$|[-_.])"),
    re.compile(r"[/_-]((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:/|$|[-_.])"),
    re.compile(r"/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/"),
    re.compile(  # /2019/nov/19/
        r"/((?:19|20)\d\d)/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/"
        r"(0?[1-9]|[12]\d|3[01])(?:/|$|[-_.])",
        re.I,
    ),
)
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        )
    )
    for m in names.split()
}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ZONE = r"(?P<zone>[ECMP][SD]?T|GMT|UTC|BST|CET|CEST)"
_TIME = r"(?P<h>\d{1,2})[:.](?P<mi>\d\d)(?::\d\d)?\s*(?P<ampm>[ap]\.?\s?m\.?)?"
# "November 19, 2019, 07:47 PM EST", "19 Nov 2019 07:09 GMT", "Nov 18, 2019 at 9:24 pm ET"
_TEXT_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y1>(?:19|20)\d\d)"
    r"|" + _MONTH.replace("mon", "mon2") + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"(?P<y2>(?:19|20)\d\d))"
    r"(?:,?\s*(?:at\s+)?" + _TIME + r"(?:\s*" + _ZONE + r")?)?\b",
    re.I,
)
# "11/18/19 11:04 PM EST" (US order)
_NUM_DATE = re.compile(
    r"\b(?P<mo>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)?\d\d)\b"
    r"(?:\s+" + _TIME + r"(?:\s*" + _ZONE + r")?)?",
    re.I,
)
# "2018-08-25 15:24", "2018.08.25" (written the ISO way, as many non-English pages do)
_ISO_TEXT = re.compile(
    r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)[-./](?P<mo>0[1-9]|1[0-2])[-./](?P<d>0[1-9]|[12]\d|3[01])"
    r"(?![\d/.-])(?:\s+" + _TIME + r"(?:\s*" + _ZONE + r")?)?",
    re.I,
)
_TIME_ZONE = re.compile(r"\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?\s?m\.?)?\s*" + _ZONE + r"\b", re.I)
_ZONES = {
    "ET": "America/New_York",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CT": "America/Chicago",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "MT": "America/Denver",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "PT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "GMT": "UTC",
    "UTC": "UTC",
    "BST": "Europe/London",
    "CET": "Europe/Paris",
    "CEST": "Europe/Paris",
}
_LOCALE_ZONES = {
    "us": "America/New_York",
    "gb": "Europe/London",
    "uk": "Europe/London",
    "ie": "Europe/Dublin",
    "au": "Australia/Sydney",
    "nz": "Pacific/Auckland",
    "ca": "America/Toronto",
    "in": "Asia/Kolkata",
    "za": "Africa/Johannesburg",
    "de": "Europe/Berlin",
    "fr": "Europe/Paris",
    "it": "Europe/Rome",
    "es": "Europe/Madrid",
    "nl": "Europe/Amsterdam",
    "pt": "Europe/Lisbon",
    "br": "America/Sao_Paulo",
    "kr": "Asia/Seoul",
    "jp": "Asia/Tokyo",
    "cn": "Asia/Shanghai",
    "id": "Asia/Jakarta",
    "ru": "Europe/Moscow",
    "pl": "Europe/Warsaw",
}
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\W*$", re.I)


@dataclass(frozen=True, slots=True)
class DateEvidence:
    """One piece of evidence: the date it gives, its kind and where it was read."""

    date: dt.date
    kind: str  # metadata, url, metadata (UTC), dateline
    rank: int  # lower is stronger
    detail: str  # "article:published_time 2019-11-19T07:43:27-05:00"
    moment: dt.datetime | None = None  # the time given with its zone, if any

    def describe(self) -> str:
        return f"{self.kind} {self.detail}".strip()


@dataclass(frozen=True, slots=True)
class PageDate:
    """The page's date, the evidence used and the evidence that disagrees."""

    date: dt.date | None
    used: DateEvidence | None
    disagree: tuple[DateEvidence, ...] = ()

    @property
    def source(self) -> str:
        """``date_source``: which evidence gave the date, and any that disagrees."""
        if self.used is None:
            return ""
        text = self.used.describe()
        if self.disagree:
            others = ", ".join(f"{e.kind} {e.date.isoformat()}" for e in self.disagree)
            text += f"; disagrees: {others}"
        return text


def outlet_from_url(url: str | None) -> str | None:
    """The outlet a URL's host names: ``https://www.nytimes.com/...`` -> ``nytimes.com``."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    host = re.sub(r"^(?:www\d?|m|amp|mobile|edition|eu|us|uk)\.", "", host)
    return host or None


def _zone_name(zone: str | None) -> str | None:
    return _ZONES.get(zone.upper()) if zone else None


@dataclass(frozen=True, slots=True)
class _Stamp:
    """A parsed value: the date, and the time with its offset when given."""

    date: dt.date
    moment: dt.datetime | None  # aware when the zone was given, naive otherwise
    local: bool  # the offset is the outlet's own (not UTC, not missing)


_ISO = re.compile(
    r"((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])"
    r"(?:[T ](\d\d):?(\d\d)(?::?(\d\d)(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d|UTC|GMT)?)?",
    re.I,
)


def _parse(value: str) -> _Stamp | None:
    """An ISO timestamp, or a written date with an optional time and zone."""
    value = value.strip()
    m = _ISO.match(value)
    if m:
        y, mo, d, h, mi, s, off = m.groups()
        day = dt.date(int(y), int(mo), int(d))
        if h is None:
            return _Stamp(day, None, local=True)
        moment = dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
        if off is None:
            return _Stamp(day, moment, local=False)
        if off.upper() in ("Z", "UTC", "GMT"):
            return _Stamp(day, moment.replace(tzinfo=dt.UTC), local=False)
        sign = 1 if off[0] == "+" else -1
        digits = off[1:].replace(":", "")
        delta = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        tz = dt.timezone(sign * delta)
        return _Stamp(day, moment.replace(tzinfo=tz), local=delta != dt.timedelta(0))
    return _parse_text(value)


def _parse_text(value: str) -> _Stamp | None:
    m = _TEXT_DATE.search(value)
    if m:
        mon = (m.group("mon") or m.group("mon2")).lower()
        y, d = m.group("y1") or m.group("y2"), m.group("d1") or m.group("d2")
        try:
            day = dt.date(int(y), _MONTHS[mon], int(d))
        except ValueError:
            return None
        return _with_time(day, m)
    m = _NUM_DATE.search(value) or _ISO_TEXT.search(value)
    if m:
        y = int(m.group("y"))
        y += 2000 if y < 100 else 0
        try:
            day = dt.date(y, int(m.group("mo")), int(m.group("d")))
        except ValueError:
            return None
        return _with_time(day, m)
    return None


def _with_time(day: dt.date, m: re.Match[str]) -> _Stamp:
    if not m.group("h"):
        return _Stamp(day, None, local=True)
    h = int(m.group("h")) % 12 if m.group("ampm") else int(m.group("h"))
    if m.group("ampm") and m.group("ampm").lower().startswith("p"):
        h += 12
    if h > 23 or int(m.group("mi")) > 59:
        return _Stamp(day, None, local=True)
    moment = dt.datetime(day.year, day.month, day.day, h, int(m.group("mi")))
    zone = _zone_name(m.group("zone"))
    if zone is None:  # a written time without a zone is the outlet's own
        return _Stamp(day, None, local=True)
    aware = moment.replace(tzinfo=ZoneInfo(zone))
    return _Stamp(day, aware, local=zone != "UTC")


def _attrs(el: HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _in_article(el: HtmlElement) -> bool:
    """Not inside navigation, a sidebar, comments, related links or a footer."""
    node: Any = el
    while node is not None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP_TAGS or (tag != "html" and _NOT_ARTICLE.search(_attrs(node))):
            return False
        node = node.getparent()
    return True


def _meta_values(tree: HtmlElement) -> Iterator[tuple[int, str, str]]:
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in _META_KEYS and el.get("content"):
            yield _META_KEYS.index(key), key, el.get("content", "")


def _jsonld_objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _jsonld_objects(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), list | dict):
                yield from _jsonld_objects(data[key])


def _jsonld_values(tree: HtmlElement) -> Iterator[tuple[int, str, str]]:
    for el in tree.iter("script"):
        if "ld+json" not in (el.get("type") or "").lower() or not el.text:
            continue
        try:
            data = json.loads(el.text.strip().rstrip(";"))
        except ValueError:
            continue
        for obj in _jsonld_objects(data):
            kind = obj.get("@type")
            kinds = " ".join(kind) if isinstance(kind, list) else str(kind or "")
            value = obj.get("datePublished") or obj.get("dateCreated")
            if isinstance(value, str) and value:
                # an article's own object before a page's or a video's
                yield (0 if _ARTICLE_TYPES.search(kinds) else 1), "JSON-LD datePublished", value


def _in_link(el: HtmlElement) -> bool:
    return any(a.tag == "a" for a in el.iterancestors())


def _time_values(tree: HtmlElement) -> Iterator[tuple[int, str, str]]:
    """The page's own ``<time>``: marked as the publication first, else the first one.

    A time inside a link, or in a list of other stories, dates another page.
    """
    marked = tree.xpath('//*[@itemprop="datePublished"][not(self::meta)]')
    for el in marked:
        value = el.get("content") or el.get("datetime") or ""
        if value and _in_article(el) and not _in_link(el):
            yield 0, "itemprop datePublished", value
    times = [el for el in tree.iter("time") if el.get("datetime") and not _in_link(el)]
    times = [el for el in times if _in_article(el)]
    for el in times:
        if "publish" in f"{el.get('itemprop') or ''} {_attrs(el)}".lower():
            yield 1, "<time>", el.get("datetime", "")
    if times:
        yield 2, "<time>", times[0].get("datetime", "")


def _visible_text(tree: HtmlElement) -> str:
    parts: list[str] = []

    def walk(el: HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP_TAGS or tag == "head" or not isinstance(el.tag, str):
            return
        if tag not in ("html", "body") and _NOT_ARTICLE.search(_attrs(el)):
            return
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in ("p", "div", "h1", "h2", "li", "time", "span", "header", "br"):
            parts.append(" ")

    walk(tree)
    return re.sub(r"\s+", " ", "".join(parts))


def _outlet_zone(tree: HtmlElement, visible: str, url: str | None) -> tuple[str | None, str]:
    """The outlet's time zone, and what told it: a zone shown by a time, the locale, the domain."""
    shown = Counter(_ZONES[z.upper()] for z in _TIME_ZONE.findall(visible))
    local = [z for z, _ in shown.most_common() if z != "UTC"]
    if local:
        return local[0], "time zone shown on the page"
    locales = [tree.get("lang") or ""]
    locales += [
        m.get("content") or "" for m in tree.iter("meta") if m.get("property") == "og:locale"
    ]
    for loc in locales:
        m = re.match(r"[a-z]{2}[-_]([a-z]{2})$", loc.strip(), re.I)
        if m and m.group(1).lower() in _LOCALE_ZONES:
            return _LOCALE_ZONES[m.group(1).lower()], f"locale {loc.strip()}"
    host = outlet_from_url(url) or ""
    tld = host.rsplit(".", 1)[-1]
    if tld in _LOCALE_ZONES and tld not in ("in", "id"):  # .in/.id hosts are often not local
        return _LOCALE_ZONES[tld], f"domain .{tld}"
    if shown:
        return "UTC", "time zone shown on the page"
    return None, ""


def _from_url(url: str | None) -> DateEvidence | None:
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _URL_DATE:
        m = pattern.search(path)
        if m:
            month = m.group(2)
            month = str(_MONTHS[month.lower()]) if month.isalpha() else month
            try:
                day = dt.date(int(m.group(1)), int(month), int(m.group(3)))
            except ValueError:
                continue
            return DateEvidence(day, "url", 20, m.group(0).strip("/-_."))
    return None


def _dateline(visible: str, title: str | None) -> DateEvidence | None:
    """A date written next to the headline (before it or just after), not a copyright line."""
    at = visible.find(title.strip()[:60]) if title else -1
    windows = [(max(0, at - 300), at + len(title or "") + 600)] if at >= 0 else []
    windows.append((0, 1500))
    for lo, hi in windows:
        chunk = visible[lo:hi]
        for pattern in (_TEXT_DATE, _NUM_DATE, _ISO_TEXT):
            for m in pattern.finditer(chunk):
                if _COPYRIGHT.search(chunk[max(0, m.start() - 12) : m.start()]):
                    continue
                stamp = _parse_text(m.group(0))
                if stamp is not None:
                    where = repr(m.group(0).strip())
                    return DateEvidence(stamp.date, "dateline", 50, where, stamp.moment)
    return None


def _mislabelled(meta: DateEvidence, line: DateEvidence) -> bool:
    """The page shows the same clock time in another zone than its metadata declares.

    "Nov 19, 2019, 10:31 pm CST" under the headline and "2019-11-20T04:31:13-06:00" in
    JSON-LD: the metadata wrote UTC hours with a local offset; the reader sees the 19th.
    """
    if meta.kind != "metadata" or meta.moment is None or line.moment is None:
        return False
    if line.date == meta.date or line.moment.tzinfo is None or meta.moment.tzinfo is None:
        return False
    shown, declared = (
        line.moment.replace(second=0, microsecond=0),
        meta.moment.replace(second=0, microsecond=0),
    )
    shift = abs((shown - declared).total_seconds())
    return line.moment.minute == meta.moment.minute and 0 < shift < 86400 and shift % 3600 == 0


def _local_day(moment: dt.datetime, zone: str | None) -> dt.date:
    """The day of a UTC (or zone-less) moment in the outlet's zone, when known."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(ZoneInfo(zone)).date() if zone else aware.date()


def page_date(tree: HtmlElement, url: str | None, title: str | None = None) -> PageDate:
    """The page's publication date in the outlet's time, from the strongest evidence.

    Example:
        >>> from lxml import html
        >>> page = html.fromstring('<html><head><meta property="article:published_time" '
        ...     'content="2019-11-20T02:07:18Z"></head><body><p>At 9:07 pm EST.</p></body></html>')
        >>> found = page_date(page, "https://example.com/story")
        >>> found.date.isoformat(), found.used.kind
        ('2019-11-19', 'metadata (UTC)')
    """
    visible = _visible_text(tree)
    found: list[DateEvidence] = []
    # Metadata (meta tags, then JSON-LD) in its own order of trust, then the page's <time>:
    # a time element shown on the page is weaker than what the page declares.
    structured = sorted([*_meta_values(tree), *_jsonld_values(tree)], key=lambda v: v[0])
    shown = sorted(_time_values(tree), key=lambda v: v[0])
    values = [(False, k, raw) for _, k, raw in structured] + [(True, k, raw) for _, k, raw in shown]
    zone: tuple[str | None, str] | None = None
    for is_time, key, raw in values:
        stamp = _parse(raw)
        if stamp is None:
            continue
        detail = f"{key} {raw.strip()}"
        if is_time:  # below every kind of metadata, above a dateline
            day = stamp.date
            if stamp.moment is not None and not stamp.local:
                zone = zone or _outlet_zone(tree, visible, url)
                day = _local_day(stamp.moment, zone[0])
            elif stamp.moment is not None:
                day = stamp.moment.date()
            found.append(DateEvidence(day, "time element", 45, detail))
        elif stamp.moment is None:
            found.append(DateEvidence(stamp.date, "metadata", 30, detail))
        elif stamp.local and stamp.moment.tzinfo is not None:
            found.append(DateEvidence(stamp.moment.date(), "metadata", 10, detail, stamp.moment))
        else:
            zone = zone or _outlet_zone(tree, visible, url)
            how = f" in {zone[0]} ({zone[1]})" if zone[0] and zone[0] != "UTC" else ""
            found.append(
                DateEvidence(_local_day(stamp.moment, zone[0]), "metadata (UTC)", 40, detail + how)
            )
    by_url = _from_url(url)
    if by_url is not None:
        found.append(by_url)
    line = _dateline(visible, title)
    if line is not None:
        found.append(line)
    if not found:
        return PageDate(None, None)
    used = min(found, key=lambda e: e.rank)  # the first of the strongest kind
    if line is not None and _mislabelled(used, line):
        used = replace(line, detail=f"{line.detail} (the metadata's offset disagrees with it)")
    seen: dict[str, DateEvidence] = {}
    for e in found:
        if e.date != used.date and e.kind not in seen:
            seen[e.kind] = e
    return PageDate(used.date, used, tuple(seen.values()))
