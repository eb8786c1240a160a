"""Reported events with a date, for the timeline.

An event is a verb the text dates: the verb a temporal expression attaches to
in the parse ("On September 27, she *shared* ..."), the verbs coordinated with
it or reported under it ("... that she had *suffered* excessive bleeding and
was getting *hospitalised*"), and verbs the narrative places after a date
("she *later revealed*", "Teigen *then thanked*": after the last date told, by
the article date). The actor is the verb's subject, as the people index names
it when it can.

Dates inside quotation marks belong to the speaker's story, not the
article's narrative, and are left out.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np

from saidwhen.extract.memo import per_article
from saidwhen.extract.quotes import find_quote_regions
from saidwhen.extract.speech.syntax import cue_subject
from saidwhen.extract.speech.view import article_view
from saidwhen.extract.when import first_day, timex_when
from saidwhen.model import DateRange, Event, Span, Timex
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Resolve = Callable[[int, int], str | None]


class Names(Protocol):
    """What events read of the people index (:class:`saidwhen.extract.people.PeopleIndex`)."""

    def resolve(self, start: int, end: int) -> str | None: ...


__all__ = ["find_events"]

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_SPREAD = ("conj", "ccomp", "xcomp", "advcl")
_NARRATIVE = {"later", "then", "afterwards", "afterward", "subsequently"}
# Verbs that carry no happening of their own.
_LIGHT = {"be", "is", "was", "were", "are", "been", "being", "have", "has", "had", "do", "did",
          "does", "get", "got", "getting", "'s", "seem", "seemed"}  # fmt: skip
_MAX_TEXT = 160


def find_events(
    doc: Doc | None, timexes: Sequence[Timex], people: Names | None, anchor: dt.date
) -> list[Event]:
    """Dated happenings: actor, predicate and when.

    Args:
        doc: the parsed article (a spaCy doc with a dependency parse).
        timexes: the article's temporal expressions (``Event.timex`` indexes them).
        people: the people index (``resolve(start, end)`` names a mention), or None.
        anchor: the article date.

    Returns:
        The events in text order.
    """
    if doc is None or not doc.has_annotation("DEP"):
        return []
    text: str = doc_text(doc)
    # the one pairer of quotation marks (an inch mark, 5'10", opens nothing)
    quoted = [(r.open_mark, r.outer_end) for r in find_quote_regions(text)]
    starts = [s for s, _ in quoted]  # in order, not overlapping

    def in_quote(pos: int) -> bool:
        k = bisect.bisect_left(starts, pos) - 1  # the last quotation opened before pos
        return k >= 0 and pos < quoted[k][1]

    resolve = people.resolve if people is not None else None
    found: dict[int, Event] = {}
    dated: list[tuple[int, str | None, DateRange | None]] = []  # (position, when, range)
    for ti, t in enumerate(timexes):
        when, rng = timex_when(t, anchor, text)
        if (when, rng) == (None, None) or in_quote(t.start):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        verb = _governing_verb(span.root)
        if verb is None:
            continue
        dated.append((t.start, when, rng))
        for v in _spread(verb):
            if v.idx in found or in_quote(v.idx) or _speakers_own(v):
                continue
            found[v.idx] = _event(v, when, rng, ti, resolve)
    # The narrative: "she later revealed", "then thanked" (the few such words found
    # through the array of lower-case forms, not a Token built for every word).
    lowers = doc.to_array("LOWER")
    narrative = np.array([doc.vocab.strings[w] for w in _NARRATIVE], dtype=np.uint64)
    for i in np.flatnonzero(np.isin(lowers, narrative)).tolist():
        tok = doc[i]
        if tok.dep_ != "advmod" or in_quote(tok.idx):
            continue
        verb = tok.head
        if verb.pos_ not in ("VERB", "AUX") or verb.idx in found:
            continue
        # After the date told last before it, in the order of the text.
        before = [d for d in dated if d[0] < tok.idx and first_day(d[1], d[2])]
        last = max(before, key=lambda d: d[0]) if before else None
        start = first_day(last[1], last[2]) if last else None
        rng = DateRange(start, anchor.isoformat())
        for v in _spread(verb, follow=("conj",)):
            if v.idx not in found and not in_quote(v.idx) and not _speakers_own(v):
                found[v.idx] = _event(v, None, rng, None, resolve)
        dated.append((tok.idx, None, rng))
    return [found[k] for k in sorted(found)]


# Subjects that mark a speaker's own words or no actor at all ("It didn't make sense to
# him at the time", inside a quotation the quotation marks failed to close).
_NO_ACTOR = {"i", "we", "you", "me", "us", "it", "there", "this", "that"}


def _speakers_own(verb: Token) -> bool:
    subj = _subject(verb)
    return subj is not None and subj.lower_ in _NO_ACTOR


def _governing_verb(tok: Token) -> Token | None:
    """The verb a timex token hangs from, walking up the parse a few steps."""
    for _ in range(6):
        if tok.pos_ == "VERB" and tok.lower_ not in _LIGHT:
            return tok
        if tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    return None


def _spread(verb: Token, follow: tuple[str, ...] = _SPREAD, depth: int = 2) -> list[Token]:
    """The verb and the verbs coordinated with it or reported under it."""
    out = [verb]
    frontier = [verb]
    for _ in range(depth):
        nxt = []
        for v in frontier:
            for c in v.children:
                if c.dep_ in follow and c.pos_ == "VERB" and c.lower_ not in _LIGHT:
                    out.append(c)
                    nxt.append(c)
        frontier = nxt
    return out


@per_article  # asked again for a verb of two events
def _subject(verb: Token) -> Token | None:
    """The actor: the subject of the verb or of the verbs it is conjoined with; a
    passive's subject too ("was hospitalised")."""
    # "advcl": "took to Twitter to announce" (a purpose clause has its verb's subject)
    return cue_subject(
        verb,
        subjects=_SUBJECTS,
        control=None,
        climb=("conj", "xcomp", "advcl"),
        through_prep=False,
    )


def _stranded(tok: Token) -> bool:
    """A space, or a closing quotation mark the parser moved into the next sentence
    ('... a grant report."' + 'In January, ...'): no part of the event's words."""
    if tok.is_space:
        return True
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.is_quote and (bool(tok.whitespace_) or (after is not None and after.is_space))


def _event(
    verb: Token,
    when: str | None,
    rng: DateRange | None,
    ti: int | None,
    resolve: Resolve | None,
) -> Event:
    subj = _subject(verb)
    actor = None
    if subj is not None:
        left, right = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
        if resolve is not None:
            actor = resolve(left, right) or resolve(subj.idx, subj.idx + len(subj))
        if actor is None and subj.pos_ != "PRON":
            actor = doc_text(subj.doc)[left:right]
    # (Token.sent builds a Span each time: the view's sentence bounds instead)
    lo, hi = article_view(verb.doc).sentence_range(verb.i)
    words = [t for t in verb.subtree if lo <= t.i < hi]
    while len(words) > 1 and _stranded(words[0]):
        words.pop(0)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    clause = re.sub(r"\s+", " ", doc_text(verb.doc)[start:end]).strip()
    if len(clause) > _MAX_TEXT:
        clause = clause[: _MAX_TEXT - 1].rstrip() + "…"
    pred = Span(verb.text, verb.idx, verb.idx + len(verb))
    return Event(actor=actor, predicate=pred, text=clause, when=when, when_range=rng, timex=ti)
