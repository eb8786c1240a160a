"""Where a tagged span starts and ends: the tagger's guess corrected by the parse and
the quotation marks.

:mod:`saidwhen.extract.speech.decode` asks :func:`content_bounds` for each content it
keeps and :func:`edges` for each content and source.  Each rule was chosen on PolNeAR
train with every 5th article held out (the whole pipeline scored), never on dev.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from saidwhen.extract.speech.closing import _trimmed
from saidwhen.extract.speech.lexicon import (
    CUE_CHANNELS,
    DASHES,
    EDGE_WORDS,
    QUOTE_CHARS,
    WHEN_ENTS,
)
from saidwhen.extract.speech.syntax import is_speech_verb, span_root
from saidwhen.extract.speech.types import TaggedSpan
from saidwhen.extract.speech.view import ArticleView

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["content_bounds", "edges"]


def _without_cue_words(doc: Doc, cue: TaggedSpan, con: TaggedSpan) -> TaggedSpan:
    """The content without lone words of the cue verb's own at its edges: "take the
    controversy personally" (not "personally"), "pressed about how ..." (not "about")."""
    verb = span_root(doc, cue)
    start, end = con.start, con.end
    while end - start > 1 and _cue_word(doc[end - 1], verb) and doc[end - 1].pos_ in _LONE:
        end -= 1
    if end - start > 1 and _cue_word(doc[start], verb) and doc[start].pos_ == "ADP":
        start += 1
    return con if (start, end) == (con.start, con.end) else TaggedSpan("CON", start, end)


_LONE = frozenset({"ADV", "ADP"})


_CHANNEL_PREPS = frozenset({"in", "on", "via", "during"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _without_channel(view: ArticleView, cue: TaggedSpan, con: TaggedSpan) -> TaggedSpan:
    """The content without the channel the words came in, told after them: "asked for a
    light sentence in a letter posted on Twitter Thursday" (not "in a letter ...")."""
    doc = view.doc
    if con.start < cue.end:
        return con
    for k in range(con.start + 2, con.end - 1):
        if view.dep[k] != "prep" or view.lower[k] not in _CHANNEL_PREPS or k in view.quoted:
            continue
        prep = doc[k]
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if not objs or objs[0].lower_ not in CUE_CHANNELS:
            continue
        if prep.right_edge.i + 1 < con.end or any(
            t.dep_ == "mark" or t.tag_ in _FINITE for t in doc[objs[0].i : con.end]
        ):
            return con  # words of the content go on after the channel ("a statement that")
        cut = _trimmed(doc, con.start, k)
        return con if cut is None else cut
    return con


def _without_cue_clause(doc: Doc, cue: TaggedSpan, con: TaggedSpan) -> TaggedSpan:
    """The content without a clause at its end that joins the cue's verb, not the words:
    'did not want to stay in the ward, but was treated at home', 'said that ... and
    suggested that ...', 'pledged that ..., forcing them to wait'."""
    verb = span_root(doc, cue)
    if con.start < cue.end:
        return con
    for kid in verb.children:
        if kid.i <= con.start or kid.i >= con.end:
            continue
        joins = kid.dep_ == "conj" or (kid.dep_ == "advcl" and kid.tag_ == "VBG")
        lo = kid.left_edge.i
        while lo > con.start and (doc[lo - 1].dep_ == "cc" or doc[lo - 1].is_punct):
            lo -= 1
        if joins and con.start < lo < kid.left_edge.i and kid.right_edge.i + 1 >= con.end:
            cut = _trimmed(doc, con.start, lo)
            return con if cut is None else cut
    return con


def _after_announcement(view: ArticleView, cue: TaggedSpan, con: TaggedSpan) -> TaggedSpan:
    """'Sen. Quist scolded him: "It is late," she said': a content before its cue that
    opens with a saying announcing the quotation (by a colon) is the quotation alone."""
    doc = view.doc
    if con.end > cue.start:
        return con
    opens = {lo for lo, _ in view.regions_from(con.start + 2, con.end)}
    for k in range(con.start + 1, con.end - 1):
        text = view.texts[k]
        if text == ":" and k + 1 in opens:
            if any(is_speech_verb(t) for t in doc[con.start : k]):
                return TaggedSpan("CON", k + 1, con.end)
            break
        dash = text in DASHES and bool(doc[k - 1].whitespace_)
        if dash and k + 1 in opens and _closes_at_end(view, k + 1, con):
            # 'Neither man was swayed - "Born rich," Elkins said': the quotation alone
            return TaggedSpan("CON", k + 1, con.end)
    return con


def _closes_at_end(view: ArticleView, opening: int, con: TaggedSpan) -> bool:
    """The quotation opened at token ``opening`` closes where the content ends."""
    doc = view.doc
    found = view.regions_from(opening, opening + 1)
    return bool(found) and all(t.is_punct or t.is_space for t in doc[found[0][1] + 1 : con.end])


_TELLING = frozenset({"tell", "assure", "inform", "remind", "warn", "advise", "notify"})


def content_bounds(view: ArticleView, cue: TaggedSpan, con: TaggedSpan) -> TaggedSpan:
    """Where a tagged content starts and ends, the tagger's guess corrected by the parse."""
    con = _after_announcement(view, cue, con)
    con = _without_addressee(view.doc, cue, _before_next_quote(view, cue, con))
    con = _quotation_alone(view, con)
    con = _before_dashed_report(view, cue, con)
    con = _without_cue_words(view.doc, cue, _past_quote(view, cue, con))
    con = _without_cue_clause(view.doc, cue, con)
    return _without_channel(view, cue, con)


def _without_addressee(doc: Doc, cue: TaggedSpan, con: TaggedSpan) -> TaggedSpan:
    """'told one of his aides on a regular basis that terror is the answer': the content
    is the clause told, not the one told it ('that terror is the answer')."""
    verb = span_root(doc, cue)
    if verb.lemma_ not in _TELLING or con.start < cue.end:
        return con
    told = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i >= con.start]
    if not told:
        return con
    said = [c.left_edge.i for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    # "told The Hill in a statement that ...": the parse may hang the clause on the channel
    said += [t.i for t in doc[told[0].right_edge.i + 1 : con.end] if t.lower_ == "that"
             and t.dep_ == "mark"]  # fmt: skip
    if not said:
        return con
    lo = said[0]
    if told[0].left_edge.i != con.start or not told[0].right_edge.i < lo < con.end:
        return con
    return TaggedSpan("CON", lo, con.end)


def _before_dashed_report(view: ArticleView, cue: TaggedSpan, con: TaggedSpan) -> TaggedSpan:
    """A content cut at a dash after which someone else says something: 'urged the
    mayor to act -- a delay the councilor said would cost millions'."""
    if con.start < cue.end:
        return con
    doc, texts = view.doc, view.texts
    dash = next(
        (
            k
            for k in range(con.start + 1, con.end - 1)
            if texts[k] in DASHES and doc[k - 1].whitespace_  # not "well-connected"
        ),
        None,
    )
    if dash is None:
        return con
    for verb in doc[dash + 1 : con.end]:
        subj = [c for c in verb.children if c.dep_ == "nsubj" and dash < c.i < verb.i]
        if subj and verb.lemma_ in ("say", "tell", "add", "claim", "argue", "write"):
            cut = _trimmed(doc, con.start, dash)
            return con if cut is None else cut
    return con


def _quotation_alone(view: ArticleView, con: TaggedSpan) -> TaggedSpan:
    """A content that opens with a quotation ends at its close when a new sentence
    starts after it: '"I would like to answer," he said. When I began ...'."""
    doc = view.doc
    for _lo, hi in view.regions_from(con.start - 1, con.start + 1):
        if not hi + 1 < con.end:
            continue
        k = hi + 1
        while k < con.end and (doc[k].is_punct or doc[k].is_space):
            k += 1
        if k < con.end and view.sent_start[k] == k:
            return TaggedSpan("CON", con.start, hi + 1)
    return con


def _before_next_quote(view: ArticleView, cue: TaggedSpan, con: TaggedSpan) -> TaggedSpan:
    """A content cut where its sentence ends when the next sentence opens a quotation:
    'He conceded that it would happen again. "That, sadly," he said, "is life."' (the
    quotation is the next report's, not more of this one)."""
    doc = view.doc
    end = view.sent_end[con.start]
    if con.end <= end or cue.start >= end:
        return con
    opens = {lo for lo, _ in view.regions_from(end - 1, con.end + 1)}
    k = end
    while k < con.end and doc[k].is_space:
        k += 1
    if end - 1 in opens and end - 1 > con.start:
        end -= 1  # the parse ended the sentence after the opening mark ('again. "That')
    elif k not in opens:
        return con
    cut = _trimmed(doc, con.start, end)
    return con if cut is None else cut


def _past_quote(view: ArticleView, cue: TaggedSpan, con: TaggedSpan) -> TaggedSpan:
    """A content of words and a quotation in them, that the tagger ended at the quotation's
    close although the clause goes on: 'Lee said the plan is "a mess" because it costs
    too much' (the words after hang from the content's own)."""
    doc = view.doc
    last = con.end - 1
    closes = any(hi == last for _lo, hi in view.regions_from(con.start + 1, last + 1))
    if cue.start >= con.end or not closes:
        return con
    end = view.sent_end[con.start]
    inside = set(range(con.start, con.end))
    k = con.end
    while k < end:
        t = doc[k]
        if t.is_punct or "\n" in t.text or k in view.quoted:
            break
        if k == con.end and t.ent_type_ in WHEN_ENTS:
            break  # a day right after the quotation is the saying's, whatever the parse says
        if t.dep_ == "prep" and any(c.lower_ in CUE_CHANNELS for c in t.children):
            break  # '"kept us safe" on Twitter': the channel of the saying
        anc, ok = t.head, False
        for _ in range(12):
            if anc.i in inside:
                ok = True
                break
            if anc.head.i == anc.i or not con.start <= anc.i < end:
                break
            anc = anc.head
        if not ok:
            break
        inside.add(k)
        k += 1
    while k > con.end and (doc[k - 1].is_space or doc[k - 1].dep_ == "cc"):
        k -= 1
    return con if k <= con.end else TaggedSpan("CON", con.start, k)


def _cue_word(tok: Token, verb: Token) -> bool:
    """A word that hangs from the cue verb itself, with nothing of its own."""
    return tok.head.i == verb.i and tok.i != verb.i and tok.n_lefts + tok.n_rights <= 1


def edges(view: ArticleView, span: TaggedSpan) -> TaggedSpan:
    """The span without commas, brackets it does not open or close, dashes and dangling
    conjunctions at its edges ("her bakery later admitted that she had burned the rye)"),
    and with the close of a quotation it opens ('dismissed them as "grumblers,"')."""
    doc = view.doc
    start, end = span.start, span.end

    def loose(tok: Token, opening: str, closing: str, words: frozenset[str]) -> bool:
        if tok.is_space or tok.lower_ in words:
            return True
        if not tok.is_punct or any(c in QUOTE_CHARS for c in tok.text):
            return False
        if tok.text in opening:  # a bracket that pairs with one inside stays
            return not any(t.text in closing for t in doc[start:end])
        return True

    while end - start > 1 and loose(doc[end - 1], ")]", "([", EDGE_WORDS):
        end -= 1
    # "But", "So" often open the words themselves; a joining "and" does not
    while end - start > 1 and loose(doc[start], "([", ")]", _JOINING):
        start += 1
    for _lo, hi in view.regions_from(start, end - 1):
        if end - 1 < hi and all(t.is_punct for t in doc[end:hi]):
            end = hi + 1
    return span if (start, end) == (span.start, span.end) else TaggedSpan(span.role, start, end)


_JOINING = frozenset({"and", "--", "—", "–", "-"})
