"""Records out: JSON, JSON lines and a readable terminal table."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from collections.abc import Sequence

from saidwhen.model import ArticleRecord

__all__ = ["format_records", "format_table", "printable"]

# Characters a terminal acts on rather than shows: C0 (ESC starts "clear the screen" or
# "set the window title"), DEL, C1, and the bidirectional overrides that reorder a line.
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    r"""``text`` safe for a terminal: each control character but the newline as ``\xNN``.

    Example:
        >>> printable("a\x1b[2Jb")
        'a\\x1b[2Jb'
    """
    return _CONTROLS.sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    n = ord(m.group())
    return f"\\x{n:02x}" if n < 256 else f"\\u{n:04x}"


def format_records(records: Sequence[ArticleRecord], fmt: str, *, many: bool = False) -> str:
    """``json`` prints one object for one input (a list when ``many``), ``jsonl`` one per line."""
    if fmt == "jsonl":
        return "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records)
    if fmt == "json":
        dicts = [r.to_dict() for r in records]
        obj = dicts if many or len(dicts) != 1 else dicts[0]
        return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
    if fmt == "table":
        return printable("\n".join(format_table(r) for r in records))
    raise ValueError(f"unknown format: {fmt}")


def _cell(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(record: ArticleRecord, width: int | None = None) -> str:
    """speaker | when | quote, the quote wrapped to the terminal width."""
    width = width or shutil.get_terminal_size((120, 24)).columns
    sp_w, when_w, kind_w = 18, 23, 8
    quote_w = max(30, width - sp_w - when_w - kind_w - 9)
    title = f" — {record.title}" if record.title else ""
    topics = sum(1 for q in record.quotes if q.topic)
    said = len(record.quotes) - topics
    count = f"{said} quote{'s' * (said != 1)}" + (
        f", {topics} topic{'s' * (topics != 1)}" if topics else ""
    )
    lines = [f"{record.id} ({record.date.isoformat()}){title}: {count}"]
    lines.append(f"{'speaker':<{sp_w}} | {'when':<{when_w}} | {'kind':<{kind_w}} | quote")
    lines.append("-" * min(width, sp_w + when_w + kind_w + quote_w + 9))
    for q in record.quotes:
        speaker = q.speaker.name or q.speaker.mention if q.speaker else "?"
        if q.when:
            when = q.when
        elif q.when_range:
            when = f"{q.when_range.start or '…'}..{q.when_range.end or '…'}"
        else:
            when = record.date.isoformat() + "*"
        body = textwrap.wrap(" ".join(q.text.split()), quote_w) or [""]
        if q.repeat_of is not None:  # the table has no row numbers to point at
            body = textwrap.wrap(" ".join(body) + " (repeats an earlier row)", quote_w)
        # a long name (two speakers together) wraps like the quote instead of being cut
        names = textwrap.wrap(" ".join(speaker.split()), sp_w, break_on_hyphens=False) or [""]
        kind = "topic" if q.topic else q.kind  # reported, but names what was talked about
        for i in range(max(len(body), len(names))):
            cells = (
                f"{names[i] if i < len(names) else '':<{sp_w}}",
                f"{_cell(when, when_w) if i == 0 else '':<{when_w}}",
                f"{kind if i == 0 else '':<{kind_w}}",
                body[i] if i < len(body) else "",
            )
            lines.append(" | ".join(cells).rstrip())
    lines.append("* the article date: the text gives no earlier date")
    if any(q.topic for q in record.quotes):
        lines.append("topic: reported speech that names what was talked about, not what was said")
    return "\n".join(lines) + "\n"
