"""HTML pages from the API's payloads: Jinja2 templates with autoescaping on.

Every value from the bank reaches the page through an escaped template
expression (quotes hold ``<``, ``&`` and quotation marks); links to elsewhere
are only http(s) URLs. What a template cannot do simply (the timeline's
geometry, an article's text cut around its quotes) is computed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import jinja2

__all__ = ["article_segments", "render", "safe_url", "timeline"]

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("saidwhen.web", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

_KIND_LABEL = {"direct": "direct", "fragment": "fragment", "indirect": "reported"}


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s): a ``javascript:`` link in the data must never be one."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def day(iso: str | None) -> str:
    """``2023-04-03`` -> ``3 Apr 2023`` (a month or year stays as it is)."""
    if not iso:
        return ""
    try:
        d = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{d.day} {d:%b %Y}"


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def link(base: str, params: Mapping[str, Any], **change: Any) -> str:
    """``base`` with ``params`` updated by ``change`` (None removes a key), empty ones left out."""
    merged = {**params, **change}
    query = urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})
    return base + ("?" + query if query else "")


_ENV.filters["day"] = day
_ENV.globals.update(plural=plural, link=link, safe_url=safe_url, kind_label=_KIND_LABEL)


def render(template: str, **context: Any) -> str:
    return _ENV.get_template(template).render(**context)


def timeline(months: list[dict[str, Any]], width: int = 800, height: int = 150) -> dict[str, Any]:
    """Bars of statements by month said (by year over long spans), direct under reported.

    Returns the SVG's geometry: ``bars`` (x, width, and the two stacked
    heights with their y), ``ticks`` (year labels) and the tallest count.
    """
    if not months:
        return {"bars": [], "ticks": [], "top": 0, "width": width, "height": height}
    counts = {m["month"]: {"direct": m["direct"], "reported": m["reported"]} for m in months}
    first, last = _month(months[0]["month"]), _month(months[-1]["month"])
    span = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    by_year = span > 15 * 12
    keys: list[str] = []
    if by_year:
        keys = [str(y) for y in range(first[0], last[0] + 1)]
        yearly: dict[str, dict[str, int]] = {}
        for m, c in counts.items():
            year = yearly.setdefault(m[:4], {"direct": 0, "reported": 0})
            year["direct"] += c["direct"]
            year["reported"] += c["reported"]
        counts = yearly
    else:
        y, mo = first
        for _ in range(span):
            keys.append(f"{y:04d}-{mo:02d}")
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    plot = height - 20  # room for the year labels
    top = max(c["direct"] + c["reported"] for c in counts.values()) or 1
    step = width / len(keys)
    bars, ticks = [], []
    for i, key in enumerate(keys):
        c = counts.get(key, {"direct": 0, "reported": 0})
        hd = c["direct"] / top * plot
        hr = c["reported"] / top * plot
        x = i * step
        if c["direct"] or c["reported"]:
            w = min(max(step * 0.8, 1.0), 24.0)  # a few months: slim bars, not slabs
            bars.append(
                {
                    "key": key,
                    "x": round(x + (step - w) / 2, 1),
                    "w": round(w, 1),
                    "yd": round(plot - hd, 1),
                    "hd": round(hd, 1),
                    "yr": round(plot - hd - hr, 1),
                    "hr": round(hr, 1),
                    "direct": c["direct"],
                    "reported": c["reported"],
                }
            )
        if by_year or key.endswith("-01") or i == 0:
            ticks.append({"x": round(x, 1), "label": key[:4]})
    if len(ticks) > 12:  # a label every few years on a long span
        every = -(-len(ticks) // 12)
        ticks = ticks[::every]
    return {"bars": bars, "ticks": ticks, "top": top, "width": width, "height": height}


def _month(key: str) -> tuple[int, int]:
    try:
        return int(key[:4]), int(key[5:7])
    except ValueError:
        return 1, 1


def article_segments(text: str, quotes: list[dict[str, Any]]) -> list[tuple[str, Any]]:
    """The text cut into ``("text", str)`` and ``("quote", occurrence)`` pieces, in order.

    A quote whose offsets do not fit the text, or that overlaps the previous
    one, is left out of the text (it is still listed on the page).
    """
    out: list[tuple[str, Any]] = []
    at = 0
    for q in sorted(quotes, key=lambda q: (q["start"], q["end"])):
        s, e = q["start"], q["end"]
        if not (at <= s < e <= len(text)):
            q["placed"] = False
            continue
        if s > at:
            out.append(("text", text[at:s]))
        out.append(("quote", q))
        q["placed"] = True
        at = e
    if at < len(text):
        out.append(("text", text[at:]))
    return out
