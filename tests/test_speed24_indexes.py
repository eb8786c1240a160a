"""Indexes that replace scans give what the scans gave: the view's tokens by lemma, and
whether a surname is written before a point (the learned date choice)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from saidwhen.extract.speech.view import ArticleView
from saidwhen.extract.when.base import _word
from saidwhen.extract.when.learned import _named_by

_TEXT = (
    "Mayor Okafor said the ferry would run. Okafor's aides disagreed, and the council "
    "says it will vote.\n\nSaying so, the clerk said nothing more. Okafors and Okafor."
)


@pytest.mark.parametrize(
    ("lemmas", "lo"),
    [
        (frozenset({"say"}), 0),
        (frozenset({"say", "disagree", "vote"}), 5),
        (frozenset({"say", "nothing-here"}), 12),
        (["run", "say"], 0),
        (frozenset(), 0),
    ],
)
def test_with_lemmas_is_the_scan(nlp: Any, lemmas: Any, lo: int) -> None:
    view = ArticleView.build(nlp(_TEXT))
    scan = [i for i in range(lo, len(view.lemma)) if view.lemma[i] in lemmas]
    assert view.with_lemmas(lemmas, lo) == scan


@pytest.mark.parametrize("word", ["Okafor", "council", "clerk", "Mayor", "ferry", "absent"])
def test_named_by_is_a_search_up_to_the_end(word: str) -> None:
    said = _word(word)
    first: dict[re.Pattern[str], int] = {}
    for end in range(len(_TEXT) + 1):
        # a search cut at ``end`` also finds "Okafor" in "Okafors" cut after its "r"
        assert _named_by(said, _TEXT, end, first) == (said.search(_TEXT, 0, end) is not None)
