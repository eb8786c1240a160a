"""Reported speech whose source is set into the sentence: "per X", "As X reports", ", reports X"."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.rules import find_source_insertions
from saidwhen.extract.speech.view import ArticleView
from tests.test_attribution import run

# text, content, source, cue
CASES = [
    pytest.param(
        "The blight, per the Orchard Board, is mostly spread by beetles and their larvae.",
        "The blight, per the Orchard Board, is mostly spread by beetles and their larvae",
        "the Orchard Board",
        "per",
        id="per-inserted",
    ),
    pytest.param(
        "As Tilda Marsh reports, the first pears went brown last week in the valley.",
        "the first pears went brown last week in the valley",
        "Tilda Marsh",
        "As Tilda Marsh reports",
        id="as-x-reports",
    ),
    pytest.param(
        "The valley has lost 12 orchards to the blight in recent years, reports Orchard Weekly.",
        "The valley has lost 12 orchards to the blight in recent years",
        "Orchard Weekly",
        "reports",
        id="reports-x-at-the-end",
    ),
]


@pytest.mark.parametrize(("text", "content", "source", "cue"), CASES)
def test_insertion_spans(nlp: Any, text: str, content: str, source: str, cue: str) -> None:
    found = find_source_insertions(ArticleView.build(nlp(text), 0))
    assert [(text[q.start : q.end], q.speaker.mention if q.speaker else None) for q in found] == [
        (content, source)
    ]
    assert found[0].cue is not None and found[0].cue.text == cue


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose by 3 per cent in May, and shares cost $5 per share.",
        "As the river rose, the town closed its bridges.",
        "The council met on Monday, reports of a fire having reached it.",
    ],
)
def test_no_insertion_in_plain_narrative(nlp: Any, text: str) -> None:
    assert find_source_insertions(ArticleView.build(nlp(text), 0)) == []


def test_insertion_reaches_the_article_as_reported_speech(nlp: Any) -> None:
    rec = run(
        "The blight spread fast.\n\n"
        "The blight, per the Orchard Board, is mostly spread by beetles and their larvae.\n",
        nlp,
    )
    reported = [q for q in rec.quotes if q.kind == "indirect"]
    assert [q.speaker.mention if q.speaker else None for q in reported] == ["the Orchard Board"]
