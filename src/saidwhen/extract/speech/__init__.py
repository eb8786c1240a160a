"""Who said what: quotations and reported speech, each with its speaker and cue.

:func:`find_quotes` reads an article in this order:

1. the quoted regions (:mod:`saidwhen.extract.quotes`, paired once in
   :class:`view.ArticleView`); those that are nobody's speech (titles,
   names, terms, slogans: :mod:`nonquote`) are left out;
2. each region's cue and speaker (:func:`direct.direct_drafts`): the first
   finder of the ordered table :data:`finders.FINDERS` that finds a cue:
   right after the closing mark (``"...," she said``, ``said Smith``), the
   verb a fragment hangs from, before the opening mark in the same sentence
   (``she wrote, "..."``, ``according to X``), a lead paragraph ending in a
   colon, the report that ends the sentence before, the sentence after
   (``That's the view voiced by X``); a quote with no cue of its own
   belongs to the quote before it when that one is close;
3. reported speech (:func:`merge.reported_speech`): a CRF tagger
   (:mod:`crf`, :mod:`decode`) over the rules of :mod:`rules`, and the sources
   set into a sentence (``per X``, ``As X reports``: :func:`rules.find_source_insertions`)
   where the tagger found nothing; merged in
   (:func:`merge.merge_reported`): an indirect span that is just a direct
   quote is dropped, quoted fragments inside it are linked to it;
4. interviews and transcripts (:mod:`interview`): ``Q:``/``A:`` and
   ``Name:`` turns are direct speech by their speaker, an unlabelled answer
   the interviewee's;
5. quotes still without a speaker (:mod:`lone`): a signed line, a report in
   the paragraph before; fragments of reported speech take the outer source;
6. reports inside reports (:mod:`nesting`): the inner speaker speaks, the
   outer one is ``reported_by``; a report set inside reported speech that no
   draft holds becomes one;
7. channels carried on, repeats marked; a relative pronoun as the speaker
   ("an officer who said") is named by its noun
   (:func:`lone.name_through_relative`); records built.

Every step passes :class:`types.Draft` (character offsets); each becomes a
:class:`saidwhen.model.Quote` once, at the end.

Where a speaker is chosen: :func:`syntax.cue_subject` (the one walker from a
cue verb to its subject) and :func:`direct.make_speaker` (the mention and
the person it names) for direct quotes; :mod:`decode` for the tagger's
sources; :mod:`rules` (``syntax.source_tokens``) for the rules'.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from saidwhen.extract.people import PeopleIndex
from saidwhen.extract.speech.direct import (
    direct_drafts,
    make_speaker,
    outer_reporter,
    outer_source,
)
from saidwhen.extract.speech.interview import interview_drafts
from saidwhen.extract.speech.lexicon import NO_NAME
from saidwhen.extract.speech.lone import (
    attribute_lone_paragraph,
    last_speaking,
    name_through_relative,
    sign_off,
)
from saidwhen.extract.speech.merge import (
    carry_channels,
    merge_reported,
    reported_speech,
)
from saidwhen.extract.speech.nesting import inner_drafts, nest, shares_pass_on
from saidwhen.extract.speech.syntax import cue_span
from saidwhen.extract.speech.view import ArticleView, tokens_in
from saidwhen.model import Quote
from saidwhen.nlp import doc_text
from saidwhen.normalise import normalise

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_quotes"]


def find_quotes(
    doc: Doc, people: PeopleIndex, start: int = 0, *, view: ArticleView | None = None
) -> list[Quote]:
    """Every quotation of the article, in text order, with indices linking them.

    ``view`` is the article's :class:`ArticleView` (of ``doc`` from ``start``), when
    the caller has built it.
    """
    if view is None:
        view = ArticleView.build(doc, start)
    regions, quoted = list(view.regions), view.quoted
    drafts = direct_drafts(view, people, start, regions, quoted)
    drafts = merge_reported(view, drafts, reported_speech(view, people))
    drafts = interview_drafts(view, people, drafts)
    speaking_before = last_speaking(view.text, drafts)
    for d in sorted(drafts, key=lambda d: d.start):
        last = d.continues_draft
        if d.inherited and d.speaker is None and last is not None and last.speaker is not None:
            # it goes on from a quote whose speaker was found since (by a report, a
            # paragraph before)
            d.speaker, d.cue = last.speaker, d.cue or last.cue
        if d.kind != "direct" or d.region is None:
            continue
        if d.inherited and (signed := sign_off(doc, d.region)) is not None:
            d.cue, d.speaker = signed[0], make_speaker(doc, people, signed[1])
            d.continues_draft, d.inherited = None, False  # signed: a quote of its own
        elif d.speaker is None and d.cue is None:
            last = speaking_before(d)
            attribute_lone_paragraph(view, people, d, d.region, quoted, last)
    for d in drafts:
        if d.owned or d.headline:
            continue  # 'Trump\'s claim that "..."': the owner's words, whoever reports them
        if d.kind == "fragment" and d.continues_draft is not None and d.continues_draft.is_indirect:
            # a fragment of reported speech: "according to X" there names the source too
            toks = tokens_in(doc, d.start, d.end)
            acc = outer_source(view, toks[0], quoted) if toks else None
            if acc is not None:
                d.cue, d.speaker = acc[0], make_speaker(doc, people, acc[1])
            elif not d.said_after and (outer := outer_reporter(view, d, quoted)) is not None:
                d.cue, d.speaker = cue_span(doc, outer[0]), make_speaker(doc, people, outer[1])
    drafts = [d for d in drafts if d.cue is not None or d.kind != "fragment"]
    nest(view, people, drafts, quoted)
    drafts += inner_drafts(view, people, drafts, quoted)
    shares_pass_on(view, drafts)
    drafts.sort(key=lambda d: (d.start, d.end))
    carry_channels(drafts)
    index = {id(d): i for i, d in enumerate(drafts)}
    seen: dict[str, int] = {}
    # reported speech repeats only the same speaker's same words ("revealed that she
    # had lost the baby ... after learning that she had lost the baby")
    seen_reports: dict[tuple[str, str], int] = {}
    quotes = []
    text = doc_text(doc)
    for i, d in enumerate(drafts):
        words = normalise(text[d.start : d.end])
        repeat = seen.get(words) if d.kind != "indirect" and len(words.split()) >= 4 else None
        if repeat is None and words:
            seen.setdefault(words, i)
        if d.kind == "indirect" and d.speaker is not None and d.speaker.name and words:
            report = (d.speaker.name, words)
            repeat = seen_reports.get(report) if len(words.split()) >= 4 else None
            seen_reports.setdefault(report, i)
        if d.speaker is not None:
            d.speaker = name_through_relative(view, people, d.speaker)
        if d.reported_by is not None:
            d.reported_by = name_through_relative(view, people, d.reported_by)
        if d.speaker is not None and d.speaker.name and d.speaker.name.lower() in NO_NAME:
            d.speaker = replace(d.speaker, name=None)  # "they" names nobody
        cont = index.get(id(d.continues_draft)) if d.continues_draft is not None else None
        quotes.append(d.to_quote(text, repeat, cont if cont is not None and cont < i else None))
    return quotes
