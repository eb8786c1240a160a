"""A share of a group as a source (issue 10, written fresh, session 18): "70 percent of
voters said ..." inside what a poll found, "the bulk of it ..., according to X" are the
poll's and X's words (:func:`saidwhen.extract.speech.nesting.shares_pass_on`); what counts
a share is :func:`saidwhen.extract.speech.syntax.a_share`."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.nesting import shares_pass_on
from saidwhen.extract.speech.syntax import a_share
from saidwhen.extract.speech.types import Draft
from saidwhen.extract.speech.view import ArticleView
from saidwhen.model import Span, Speaker


@pytest.mark.parametrize(
    ("sentence", "word", "share"),
    [
        ("Sixty percent of the islanders said no.", "percent", True),
        ("The bulk of the money went to ads.", "bulk", True),
        ("Most said they were worried.", "Most", True),
        ("47 said they would vote again.", "47", True),
        ("The majority of members backed the plan.", "majority", True),
        ("The islanders said no.", "islanders", False),
        ("A new harbour survey found a drop.", "survey", False),
        ("The mayor said the ferry would run.", "mayor", False),
    ],
)
def test_a_share_counts_a_part_of_a_group(nlp: Any, sentence: str, word: str, share: bool) -> None:
    tok = next(t for t in nlp(sentence) if t.text == word)
    assert a_share(tok) is share


def _speaker(text: str, mention: str) -> Speaker:
    at = text.index(mention)
    return Speaker(name=mention, mention=mention, start=at, end=at + len(mention))


def _span(text: str, words: str) -> Span:
    at = text.index(words)
    return Span(text=words, start=at, end=at + len(words))


_POLL = (
    "A harbour survey released Friday found that 70 percent of island voters said they "
    "would back the ferry tax."
)


def _drafts(text: str, inner_source: str) -> tuple[Draft, Draft]:
    outer_words = "that 70 percent of island voters said they would back the ferry tax"
    inner_words = "they would back the ferry tax"
    o, i = text.index(outer_words), text.index(inner_words)
    outer = Draft(
        o,
        o + len(outer_words),
        "indirect",
        _speaker(text, "A harbour survey released Friday"),
        _span(text, "found"),
        is_indirect=True,
    )
    inner = Draft(
        i,
        i + len(inner_words),
        "indirect",
        _speaker(text, inner_source),
        _span(text, "said"),
        is_indirect=True,
    )
    return outer, inner


def test_a_share_inside_a_report_speaks_through_its_reporter(nlp: Any) -> None:
    view = ArticleView.build(nlp(_POLL))
    outer, inner = _drafts(_POLL, "70 percent of island voters")
    shares_pass_on(view, [outer, inner])
    assert inner.speaker == outer.speaker
    assert outer.speaker is not None and outer.speaker.mention.startswith("A harbour survey")


def test_a_share_reported_by_another_speaks_through_the_reporter(nlp: Any) -> None:
    text = "The group spent $5 million, the bulk of it attacking Ruiz, according to the Ledger."
    view = ArticleView.build(nlp(text))
    words = "the bulk of it attacking Ruiz"
    at = text.index(words)
    ledger = _speaker(text, "the Ledger")
    draft = Draft(
        at,
        at + len(words),
        "indirect",
        _speaker(text, "the bulk"),
        _span(text, "attacking"),
        is_indirect=True,
        reported_by=ledger,
        reported_cue=_span(text, "according to"),
    )
    shares_pass_on(view, [draft])
    assert draft.speaker == ledger and draft.reported_by == ledger


def test_a_group_inside_a_report_keeps_speaking(nlp: Any) -> None:
    view = ArticleView.build(nlp(_POLL))
    outer, inner = _drafts(_POLL, "island voters")
    shares_pass_on(view, [outer, inner])
    assert inner.speaker is not None and inner.speaker.mention == "island voters"
