"""Speakers found away from the quote: a signed line, a report in the paragraph
before, the noun a relative pronoun stands for."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from saidwhen.extract.lexicon import FEMALE_WORDS, MALE_WORDS
from saidwhen.extract.people import PeopleIndex
from saidwhen.extract.people.index import noun_before_comma, same_speaker
from saidwhen.extract.people.names import _ANY_BODY_NOUNS, _PERSON_NOUNS
from saidwhen.extract.quotes import QuoteRegion
from saidwhen.extract.speech.direct import make_speaker
from saidwhen.extract.speech.lexicon import RELATIVE
from saidwhen.extract.speech.syntax import (
    can_speak,
    cue_span,
    cue_subject,
    is_speech_verb,
    np_span,
    speaking_owner,
    speaking_subject_above,
    subject_of,
)
from saidwhen.extract.speech.types import Draft
from saidwhen.extract.speech.view import ArticleView, tokens_in, window_tokens
from saidwhen.model import Span, Speaker
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "attribute_lone_paragraph",
    "last_speaking",
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
    while (
        head.dep_ in ("compound", "flat")
        and head.i < head.head.i <= head.i + 4
        and "\n" not in text[head.idx : head.head.idx]
    ):
        head = head.head
    if head.dep_ in ("compound", "flat") and head.head.i > head.i:
        # the parse ran the name on to the next line ("- Ana Ruiz\nWriting in ..."): the
        # name is the run of proper nouns on the signed line
        while (
            head.i + 1 < len(doc)
            and doc[head.i + 1].pos_ == "PROPN"
            and "\n" not in text[head.idx : doc[head.i + 1].idx]
        ):
            head = doc[head.i + 1]
    return Span(text[dash_at], dash_at, dash_at + 1), head


def _closing_sentence_before(
    view: ArticleView, region: QuoteRegion
) -> tuple[list[Token], int, int] | None:
    """For a quote that opens its line, the sentence that closes the paragraph before
    (its tokens in that paragraph), with where that paragraph starts and ends; None
    unless the sentence ends with a full stop, "!" or "?"."""
    text = view.text
    line_start = text.rfind("\n", 0, region.open_mark) + 1
    if text[line_start : region.open_mark].strip():
        return None
    end = line_start
    while end and text[end - 1].isspace():
        end -= 1  # (not text[:line_start].rstrip(): a copy of the article per quote)
    if not end or text[end - 1] not in ".!?":
        return None
    end_tok = tokens_in(view.doc, end - 1, end)
    if not end_tok:
        return None
    para_start = text.rfind("\n", 0, end) + 1
    return [t for t in view.sentence(end_tok[0].i) if t.idx >= para_start], para_start, end


def _report_in_previous_paragraph(
    view: ArticleView, region: QuoteRegion, quoted: frozenset[int]
) -> Token | None:
    """A paragraph that is nothing but a quote, after one that reports someone's words
    (``Carter said that ... .`` then ``"..."``): the reporter's cue verb."""
    closing = _closing_sentence_before(view, region)
    if closing is None:
        return None
    whole = closing[0]
    sent = [t for t in whole if t.i not in quoted]
    if len(sent) != len(whole):
        return None  # that sentence quotes someone itself: its quote already has a speaker
    for tok in sent:
        if any(c.dep_ == "auxpass" for c in tok.children):
            continue  # "Russia has been accused of ...": the accused says nothing
        # or set into the sentence: "If anything, Ash argued in his email, the rule ..."
        main = tok.dep_ in ("ROOT", "conj", "parataxis")
        if is_speech_verb(tok) and main and subject_of(tok, quoted):
            return tok
    return None


def attribute_lone_paragraph(
    view: ArticleView,
    people: PeopleIndex,
    draft: Draft,
    region: QuoteRegion,
    quoted: frozenset[int],
    last: Draft | None = None,
) -> None:
    """A quote with no cue nearby and no quote before it to continue: a signed line, a
    report in the paragraph before, or a paragraph before about ``last``'s speaker (the
    speaker of the quote before it)."""
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
    elif last is not None and last.speaker is not None and last.speaker.name:
        subj = _subject_of_previous_paragraph(view, region, quoted)
        if subj is not None:
            speaker = make_speaker(doc, people, subj)
            if same_speaker(speaker, last.speaker, people):
                draft.speaker = speaker


# how many paragraphs back the last speaker may have spoken for a paragraph about
# them to hand the quote on
_LAST_SPEAKER_PARAGRAPHS = 2
_PARAGRAPH_START = re.compile(r"\n[^\S\n]*(?=\S)")


def last_speaking(text: str, drafts: list[Draft]) -> Callable[[Draft], Draft | None]:
    """A lookup over ``drafts``: for a draft, the quote that ends last before it starts,
    when that one has a named speaker (read at the time of asking: speakers are found
    as the drafts are gone through) and at most :data:`_LAST_SPEAKER_PARAGRAPHS`
    paragraphs lie between them.  Sorted once: one lookup per quote, not one scan."""
    # by end, the earliest start last; among equals the first of ``drafts`` last
    ended = [
        d
        for _, d in sorted(
            ((d.end, -d.start, -k), d) for k, d in enumerate(drafts) if d.region is not None
        )
    ]
    ends = [d.end for d in ended]

    def before(draft: Draft) -> Draft | None:
        k = bisect.bisect_right(ends, draft.start)
        if not k:
            return None
        last = ended[k - 1]
        if last.speaker is None or not last.speaker.name:
            return None
        breaks = _PARAGRAPH_START.finditer(text, last.end, draft.start)
        if len(list(islice(breaks, _LAST_SPEAKER_PARAGRAPHS + 1))) > _LAST_SPEAKER_PARAGRAPHS:
            return None
        return last

    return before


def _subject_of_previous_paragraph(
    view: ArticleView, region: QuoteRegion, quoted: frozenset[int]
) -> Token | None:
    """The subject of the main verb that ends the paragraph before a quote's own
    paragraph (``Lee is upbeat about the vote.``), when it is a name or he/she and that
    paragraph quotes no one."""
    closing = _closing_sentence_before(view, region)
    if closing is None:
        return None  # words before the quote ("Here's Lee in 1992:") say whose it is
    sent, para_start, end = closing
    para = tokens_in(view.doc, para_start, end)
    if any(t.i in quoted for t in para):
        return None
    ids = {t.i for t in sent}
    root = next((t for t in sent if t.head.i == t.i or t.head.i not in ids), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    subj = [c for c in root.children if c.dep_ == "nsubj" and c.i in ids]
    if not subj or not (subj[0].pos_ == "PROPN" or subj[0].lower_ in ("he", "she")):
        return None
    return subj[0]


def name_through_relative(view: ArticleView, people: PeopleIndex, speaker: Speaker) -> Speaker:
    """``a career Army officer who described it as "improper"``: news annotators mark
    "who" as the source; a reader asks who that is.  The mention stays, the name is
    the one the relative pronoun stands for (the noun its clause describes)."""
    if speaker.mention.lower() not in RELATIVE:
        return speaker
    toks = window_tokens(view.doc, speaker.start, speaker.end)
    if len(toks) != 1:
        return speaker
    clause = toks[0].head
    if clause.dep_ in ("aux", "auxpass"):
        clause = clause.head  # "who is by all accounts enjoying": "who" hung on "is"
    if clause.dep_ != "relcl":
        return speaker
    noun = clause.head
    if noun.i == clause.i or noun.pos_ not in ("NOUN", "PROPN"):
        return speaker
    noun = _described(noun_before_comma(toks[0]) or noun)
    noun = speaking_owner(noun) or noun  # "Lee's plan, which calls for": Lee's
    if toks[0].lower_ != "who" and not can_speak(noun):
        # "attack the oil that funds X and proposed ...": the parse made a thing the
        # subject of the next verb; a subject further up that can speak is the speaker
        noun = speaking_subject_above(clause, noun, (0, 0), view.quoted) or noun
    s, e = np_span(view.doc, noun)
    name = people.resolve(s, e)
    if name is None and _bare_thing(noun):
        # "Bundy says to Santilli on camera, who responds": a thing is no "who"; the
        # person named last before it in the sentence is
        name = _person_before(view, people, noun)
    return replace(speaker, name=name or view.text[s:e])


# nouns a "who" may stand for: people and the bodies of people
_WHO_NOUNS = _PERSON_NOUNS | _ANY_BODY_NOUNS | FEMALE_WORDS | MALE_WORDS


def _bare_thing(noun: Token) -> bool:
    """A singular noun with no determiner or owner ("on camera", "on air"), that names
    no person: no one a "who" is said of ("an architect who", "a refugee who" may be)."""
    return (
        noun.tag_ == "NN"
        and noun.lemma_.lower() not in _WHO_NOUNS
        and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in noun.children)
    )


def _person_before(view: ArticleView, people: PeopleIndex, noun: Token) -> str | None:
    """The person last named before ``noun`` in its sentence."""
    doc = view.doc
    for k in range(noun.i - 1, noun.sent.start - 1, -1):
        tok = doc[k]
        if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "flat"):
            continue
        s, e = np_span(doc, tok)
        ent = people.entity_at(s, e)
        if ent is not None and ent.type == "person":
            return ent.name
    return None


_NOUNS = ("NOUN", "PROPN")


def _described(noun: Token) -> Token:
    """The person a description before a relative clause describes: ``Ana Lee, a
    baker and former mayor who``, ``Lee is a fierce critic who`` (the name it is set
    beside, the subject it is said of); else the noun itself."""
    head = noun
    while head.pos_ in _NOUNS and head.dep_ == "conj" and head.head.pos_ == "NOUN":
        # "a baker and former mayor": the first of the descriptions (a description the
        # tagger took for a name too: "a liar, rampant xenophobe ... who")
        head = head.head
    while head.pos_ == "NOUN" and head.dep_ == "appos" and head.head.pos_ == "NOUN":
        head = head.head  # "a serial liar, fierce critic, ... who"
    if head.pos_ == "NOUN" and head.dep_ == "appos" and head.head.pos_ == "PROPN":
        return head.head
    if head.pos_ == "NOUN" and head.dep_ == "attr" and head.head.lemma_ == "be":
        subj = cue_subject(head.head)
        if subj is not None and subj.pos_ == "PROPN":
            return subj
    return noun
