"""Quotation marks paired into quoted regions, on plain text.

News text is messy: straight and curly marks mixed, stray marks
(``she says."wrote.``), quotes that run over paragraphs with no closing mark
until the last one.  Pairing is done per paragraph with a small state
machine that treats a mark it cannot place as stray instead of letting it
flip every later quote.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from saidwhen.extract.memo import per_article

__all__ = ["HEADLINE_CHARS", "QuoteRegion", "find_quote_regions", "line_near", "paragraphs"]

MarkKind = Literal["open", "close", "either"]

# (two curly single marks are a double one: AP's '“It was odd,’’ Lee said')
_MARKS = re.compile(r"``|''|‘‘|’’|[\"“”„‟«»]")
_OPEN_ONLY = {"“", "„", "‟", "«", "``", "‘‘"}
_CLOSE_ONLY = {"”", "»", "’’"}
_OPENERS_BEFORE = set(" \t\n([{—–-/:;") | {""}
_CLOSERS_AFTER = set(" \t\n)]},.;:!?—–-…") | {""}
# A headline quotes with single marks (AP style: Guns Are 'A Crisis,' Dean Says); a
# single mark elsewhere is an apostrophe or a quote inside a quote. ("''" is NYT's double.)
_SINGLE_MARKS = re.compile(r"[‘’]|(?<!')'(?!')")
# A headline (a subhead, a caption, a line of page furniture) is one short line: a longer
# line is a paragraph (characters; every test of "is this line a headline" reads it)
HEADLINE_CHARS = 300


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """Quoted words: ``text[start:end]``, the marks around them outside the span."""

    start: int  # first character inside the marks
    end: int  # after the last character inside the marks
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph ended first
    paragraph: int
    continues_previous: bool = False  # reopens a quote left open at the last paragraph's end

    @property
    def outer_end(self) -> int:
        return self.close_mark + 1 if self.close_mark is not None else self.end


def paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Non-blank lines of ``text[start:]`` as (start, end): news puts a paragraph on a line."""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:]):
        if m.group().strip():
            out.append((m.start() + start, m.end() + start))
    return out


def line_near(text: str, start: int, end: int, reach: int) -> tuple[int, int] | None:
    """The line holding ``text[start:end]`` as (start, end), when its ends lie within
    ``reach`` characters of it; else None. Looked for only that far: a check on a long
    line stays local, however many times it runs on the line."""
    k = text.rfind("\n", max(0, start - reach), start)
    if k < 0 and start > reach:
        return None
    m = text.find("\n", end, end + reach)
    if m < 0 and len(text) - end > reach:
        return None
    return k + 1, (len(text) if m < 0 else m)


def _kind(text: str, pos: int, mark: str) -> MarkKind:
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + len(mark)] if pos + len(mark) < len(text) else ""
    if mark in _OPEN_ONLY:
        # '"It is odd,“ said Lee', 'called it “odd“ in a tweet': an opening mark set where
        # the closing one belongs, glued to the words it closes
        typo = (
            mark == "“"
            and (before in ".,!?" or before.isalnum())
            and (after.isspace() or after == "" or after in ",.;:")
        )
        return "either" if typo else "open"
    if mark == "”" and _opens_as_typo(text, pos, after):
        return "either"
    if mark in _CLOSE_ONLY:
        return "close"
    opens = before in _OPENERS_BEFORE or before.isspace()
    closes = after in _CLOSERS_AFTER or after.isspace() or before in ".,!?;…"
    # NYT-style texts use '' to open and to close: read it from context like "
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _opens_as_typo(text: str, pos: int, after: str) -> bool:
    """A closing mark set where the opening one belongs: first on its line ('”… the
    train has left,” it wrote') or after a space and glued to the word it opens ('urged
    aides ”to get close,”')."""
    k = pos
    while k and text[k - 1] != "\n" and (text[k - 1].isspace() or _format_char(text[k - 1])):
        k -= 1  # (a direction mark, U+202A, may stand before it)
    if k == 0 or text[k - 1] == "\n":
        end = text.find("\n", pos)
        return bool(text[pos + 1 : len(text) if end < 0 else end].strip())
    return k < pos and after.isalnum()


def _format_char(char: str) -> bool:
    return unicodedata.category(char) == "Cf"


def _single_kind(text: str, pos: int) -> MarkKind | None:
    """A single mark that opens (before a word, after a space) or closes (after a word,
    before a space or punctuation); None for an apostrophe (``Trump’s``, ``rock ’n’ roll``)."""
    mark = text[pos]
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + 1] if pos + 1 < len(text) else ""
    if mark != "’" and (before in _OPENERS_BEFORE or before.isspace()) and after.strip():
        return "open"
    if mark != "‘" and before.strip() and (after in _CLOSERS_AFTER or after.isspace()):
        return "close"
    return None


def _headline_regions(text: str, p_start: int, p_end: int) -> list[QuoteRegion]:
    """The single-quoted regions of a headline line with no double marks: each opening
    mark paired with the next closing one (a closing mark with none open is an
    apostrophe: ``the Smiths’ house``)."""
    if p_end - p_start > HEADLINE_CHARS or _MARKS.search(text, p_start, p_end):
        return []
    out: list[QuoteRegion] = []
    open_at: int | None = None
    for m in _SINGLE_MARKS.finditer(text, p_start, p_end):
        kind = _single_kind(text, m.start())
        if kind == "open" and open_at is None:
            open_at = m.start()
        elif kind == "close" and open_at is not None:
            s, e = _trim(text, open_at + 1, m.start())
            if e > s:
                out.append(QuoteRegion(s, e, open_at, m.start(), 0))
            open_at = None
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",—–"):
        end -= 1
    return start, end


def _nested(kinds: list[MarkKind], k: int) -> bool:
    """Whether the opening mark ``k``, met while a quote is open, opens a quote inside it:
    the next two marks can both close (the inner quote's, then the outer one's), and the one
    after them does not close as well (``“We saw “Stop” signs,” Lee said``; not ``“We won.
    “Next,” he said``, where the first quote lost its closing mark)."""
    after = kinds[k + 1 : k + 4]
    return len(after) >= 2 and "open" not in after[:2] and after[2:3] != ["close"]


def find_quote_regions(text: str, start: int = 0) -> list[QuoteRegion]:
    """Every quoted region in ``text[start:]``, in text order; in its first line (a
    headline), single marks quote too."""
    return list(_paired(text, start))


def _regions(text: str, start: int) -> tuple[QuoteRegion, ...]:
    regions: list[QuoteRegion] = []
    left_open = False
    for p_index, (p_start, p_end) in enumerate(paragraphs(text, start)):
        if p_index == 0:
            regions.extend(_headline_regions(text, p_start, p_end))
        marks = [(m.start(), m.group()) for m in _MARKS.finditer(text, p_start, p_end)]
        kinds = [_kind(text, pos, mark) for pos, mark in marks]
        first_region = True
        reopened = left_open and bool(marks) and text[p_start : marks[0][0]].strip() == ""
        left_open = False
        open_at: tuple[int, str] | None = None
        skip = 0
        for k, ((pos, mark), kind) in enumerate(zip(marks, kinds, strict=True)):
            if skip:
                skip -= 1  # the marks of a quote inside the quote that is open
                continue
            if open_at is None:
                if kind == "close":
                    continue  # a closing mark with nothing open: stray
                if kind == "either" and k + 1 < len(kinds) and kinds[k + 1] == "open":
                    continue  # the next mark clearly opens: this one is stray
                if kind == "either" and k + 1 == len(kinds) and pos + len(mark) >= p_end - 1:
                    continue  # a lone mark at the paragraph's very end
                open_at = (pos, mark)
                continue
            doubled = not text[open_at[0] + len(open_at[1]) : pos].strip()  # '"“We won,”"'
            if kind == "open" and not doubled and _nested(kinds, k):
                skip = 1  # '"He said "no" twice," Lee said': its words go on past the inner quote
                continue
            if kind == "open":
                # Two openings in a row: the first quote lost its closing mark.
                s, e = _trim(text, open_at[0] + len(open_at[1]), pos)
                if e > s:
                    regions.append(
                        QuoteRegion(s, e, open_at[0], None, p_index, reopened and first_region)
                    )
                    first_region = False
                open_at = (pos, mark)
                continue
            s, e = _trim(text, open_at[0] + len(open_at[1]), pos)
            if e > s:
                regions.append(
                    QuoteRegion(s, e, open_at[0], pos, p_index, reopened and first_region)
                )
                first_region = False
            open_at = None
        if open_at is not None:
            s, e = _trim(text, open_at[0] + len(open_at[1]), p_end)
            if e > s:
                regions.append(
                    QuoteRegion(s, e, open_at[0], None, p_index, reopened and first_region)
                )
                left_open = True
    return tuple(regions)


# The regions of an article's text are paired once while it is extracted: the speech
# view and the events both ask (a pure function of the text; the same str, hashed once).
_paired = per_article(_regions, maxsize=4)
