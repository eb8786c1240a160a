"""Lines set in title case (a headline, a caption, a subhead) and the names in them: a
title capitalises every word, so a name run there holds only the words the rest of
the article also gives in a name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from saidwhen.extract.people.names import _ANY_GIVEN
from saidwhen.extract.quotes import HEADLINE_CHARS
from saidwhen.extract.speech.view import article_view
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc


# the words a title leaves in lower case; every other word is capitalised in a title
# ("Ortiz Slam ...", "Governor Tano Remarks at ...")
_TITLE_SMALL = frozenset(
    "a an the and but or nor for of in on at to by as if vs via per up out off with from "
    "into onto over than that this upon about after amid is are was be".split()
)


_EDGES = "\"'“”‘’()[]{}.,:;!?*"


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """The lines set in title case (a headline, a caption, a subhead): char spans; and
    a title glued to the end of a line of page text (a live blog's entry: "... 11:19PM
    Donald Trump And Marco Rubio Miss The Mark")."""
    out = []
    lo = 0
    for line in text.split("\n"):
        if len(line) <= HEADLINE_CHARS and _in_title_case(line):
            out.append((lo, lo + len(line)))
        elif (tail := _title_tail(line)) < len(line):
            out.append((lo + tail, lo + len(line)))
        lo += len(line) + 1
    return out


def _title_tail(line: str) -> int:
    """Where a title that ends the line starts (``len(line)``: none): its words as in
    :func:`_in_title_case`, with a small word capitalised inside it ("And", "The"),
    which no sentence does, and no closing stop."""
    if line.rstrip()[-1:] in (".", "!", "?", ":", ";", ",", '"', "”"):
        return len(line)
    words = list(re.finditer(r"\S+", line))
    start = len(line)
    capitals = small = count = 0
    for m in reversed(words):
        w = m.group().strip(_EDGES)
        if not w[:1].isalpha() or (w[0].islower() and w not in _TITLE_SMALL):
            break
        if not w.isalpha() and "-" not in w and "'" not in w and "’" not in w:
            break  # page text glued on ("11:19PMDonald")
        if w[0].isupper() and w.lower() in _TITLE_SMALL and count:
            small += 1
        capitals += w[0].isupper() and len(w) >= 4
        count += 1
        start = m.start()
    if count >= 4 and capitals >= 3 and small and start > 0:
        return start
    return len(line)


def _in_title_case(line: str) -> bool:
    """Every word capitalised but the small ones, at least three long ones among four."""
    words = capitals = 0
    for raw in line.split():
        w = raw.strip(_EDGES)
        if not w[:1].isalpha():
            continue  # a number ("2nd"), a dash
        if w[0].islower():
            if w not in _TITLE_SMALL:
                return False  # a sentence's word: most lines stop here
        elif len(w) >= 4:
            capitals += 1
        words += 1
    return words >= 4 and capitals >= 3


def _headline_end(text: str) -> int:
    """Where a title-case first line ends (0: none). Looser than :func:`_in_title_case`
    (four in five long words capitalised, small words unchecked): it only keeps a
    headline's names from being subjects for a later he/she, and was measured so."""
    # (a longer first line is a paragraph, and is not read again for each "it", "they")
    end = text.find("\n", 0, HEADLINE_CHARS + 1)
    if end < 0:
        return 0  # (no line break, or a first line too long to be a headline)
    words = re.findall(r"[A-Za-z][\w'’-]*", text[:end])
    if len(words) < 3:
        return 0
    capital = sum(w[:1].isupper() for w in words if len(w) > 3)
    long = sum(len(w) > 3 for w in words)
    return end if long and capital >= 0.8 * long else 0


def _headline_runs_cut(
    doc: Doc,
    runs: list[tuple[int, int]],
    lines: list[tuple[int, int]],
    common: set[str],
) -> list[tuple[int, int]]:
    """Name runs of a line in title case cut to the words the rest of the article also
    gives in a name (and given names): a title capitalises every word, so "Ortiz Slam"
    (of "Vance and Ortiz Slam ...") is Ortiz, and "Dozens of Floods" no one.

    ``lines`` are the article's title-case lines (:func:`_title_case_lines`), ``common``
    the words it writes in lower case (:func:`names._lower_case_words`)."""
    if not lines:
        return runs

    view = article_view(doc)

    def titled(i: int) -> bool:
        at = view.idx[i]
        return any(lo <= at < hi for lo, hi in lines)

    named = {view.texts[k] for i, j in runs if not titled(i) for k in range(i, j)}
    out = []
    for i, j in runs:
        if not titled(i):
            out.append((i, j))
            continue
        best: tuple[int, int] | None = None
        a = i
        while a < j:
            b = a
            while b < j and (doc[b].text in named or doc[b].lower_ in _ANY_GIVEN):
                b += 1
            if b > a and (best is None or b - a > best[1] - best[0]):
                best = (a, b)
            a = b + 1
        if best is not None and any(t.text in named for t in doc[best[0] : best[1]]):
            lo = best[0]
            before = doc[lo - 1]
            if (
                lo > i
                and before.pos_ == "PROPN"
                and before.lower_ not in common
                and (before.ent_type_ == "PERSON" or _opens_line(doc, lo - 1))
            ):
                lo -= 1  # "Salma Hayek Described ...": a given name no list knows
            out.append((lo, best[1]))
    return out


def _opens_line(doc: Doc, i: int) -> bool:
    """``doc[i]`` is the first word of its line (after a list number: "2 Salma ...")."""
    text = doc_text(doc)
    lo = text.rfind("\n", 0, doc[i].idx) + 1
    return not text[lo : doc[i].idx].strip(" .)0123456789")
