"""Speakers found away from the quote: a signed line, a report in the paragraph
before, the noun a relative pronoun stands for."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from saidwhen.extract.people import PeopleIndex
from saidwhen.extract.quotes import QuoteRegion
from saidwhen.extract.speech.direct import make_speaker
from saidwhen.extract.speech.lexicon import RELATIVE
from saidwhen.extract.speech.syntax import cue_span, is_speech_verb, np_span, subject_of
from saidwhen.extract.speech.types import Draft
from saidwhen.extract.speech.view import ArticleView, tokens_in, window_tokens
from saidwhen.model import Span, Speaker
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "attribute_lone_paragraph",
    "name_through_relative",
    "sign_off",
]


def sign_off(doc: Doc, region: QuoteRegion) -> tuple[Span, Token] | None:
    """``"..."`` then a line ``- Hillary Clinton.``: the name signs the quote."""
    text = doc_text(doc)
    window = text[region.outer_end : region.outer_end + 80]
    m = re.match(r"[^\w\n]*\n\s*([-—–―])\s*", window)
    # or on the quote's own line when the name ends it: ``"..." ― Jane Roe``
    m = m or re.match(r"[^\w\n]*?([—–―]|\s-)[^\n]{1,50}(\n|$)", window)
    if m is None:
        return None
    dash_at = region.outer_end + m.start(1) + (window[m.start(1)] == " ")
    end = min(len(text), dash_at + 60)
    after = [t for t in window_tokens(doc, dash_at + 1, end) if not t.is_space]
    if not after or after[0].pos_ not in ("PROPN", "NOUN"):
        return None
    head = after[0]
    while head.dep_ in ("compound", "flat") and head.i < head.head.i <= head.i + 4:
        head = head.head
    return Span(text[dash_at], dash_at, dash_at + 1), head


def _report_in_previous_paragraph(
    view: ArticleView, region: QuoteRegion, quoted: frozenset[int]
) -> Token | None:
    """A paragraph that is nothing but a quote, after one that reports someone's words
    (``Carter said that ... .`` then ``"..."``): the reporter's cue verb."""
    doc = view.doc
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, region.open_mark) + 1
    if text[line_start : region.open_mark].strip():
        return None
    before = text[:line_start].rstrip()
    if not before.endswith((".", "!", "?")):
        return None
    end_tok = tokens_in(doc, len(before) - 1, len(before))
    if not end_tok:
        return None
    para_start = text.rfind("\n", 0, len(before)) + 1
    whole = [t for t in view.sentence(end_tok[0].i) if t.idx >= para_start]
    sent = [t for t in whole if t.i not in quoted]
    if len(sent) != len(whole):
        return None  # that sentence quotes someone itself: its quote already has a speaker
    for tok in sent:
        if any(c.dep_ == "auxpass" for c in tok.children):
            continue  # "Russia has been accused of ...": the accused says nothing
        if is_speech_verb(tok) and tok.dep_ in ("ROOT", "conj") and subject_of(tok, quoted):
            return tok
    return None


def attribute_lone_paragraph(
    view: ArticleView,
    people: PeopleIndex,
    draft: Draft,
    region: QuoteRegion,
    quoted: frozenset[int],
) -> None:
    """A quote with no cue nearby and no quote before it to continue."""
    doc = view.doc
    signed = sign_off(doc, region)
    if signed is not None:
        draft.cue, draft.speaker = signed[0], make_speaker(doc, people, signed[1])
        return
    if draft.continues_draft is not None:
        return
    text = doc_text(doc)
    line_end = text.find("\n", region.outer_end)
    rest = window_tokens(doc, region.outer_end, line_end if line_end >= 0 else len(text))
    if any(t.i not in quoted and t.is_alpha for t in rest):
        return  # words after the quote: its cue is there, if anywhere
    verb = _report_in_previous_paragraph(view, region, quoted)
    subj = subject_of(verb, quoted) if verb is not None else None
    if verb is not None and subj is not None:
        draft.speaker = make_speaker(doc, people, subj)
        draft.cue, draft.cue_token = cue_span(doc, verb), verb.i


def name_through_relative(view: ArticleView, people: PeopleIndex, speaker: Speaker) -> Speaker:
    """``a career Army officer who described it as "improper"``: news annotators mark
    "who" as the source; a reader asks who that is.  The mention stays, the name is
    the one the relative pronoun stands for (the noun its clause describes)."""
    if speaker.mention.lower() not in RELATIVE:
        return speaker
    toks = window_tokens(view.doc, speaker.start, speaker.end)
    if len(toks) != 1 or toks[0].head.dep_ != "relcl":
        return speaker
    noun = toks[0].head.head
    if noun.i == toks[0].head.i or noun.pos_ not in ("NOUN", "PROPN"):
        return speaker
    s, e = np_span(view.doc, noun)
    return replace(speaker, name=people.resolve(s, e) or view.text[s:e])
