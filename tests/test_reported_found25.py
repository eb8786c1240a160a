"""Reported statements found in session 25 (issue 10), on made-up sentences: a source's
next act that the parse hung on a bare verb inside the words it reports ("said firms can
be cheaper and cited a study").
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run


def _reports(text: str, nlp: Any) -> list[tuple[str, str | None]]:
    return [
        (q.text, q.cue.text if q.cue else None)
        for q in run(text, nlp).quotes
        if q.kind == "indirect"
    ]


@pytest.mark.parametrize(
    ("text", "first", "act", "cue"),
    [
        # a finite verb after "and" is no coordinate of a bare one under "can" or "to"
        (
            "Mayor Ana Ruiz has said she wants to build a new pier and has expressed "
            "support for a ferry service.",
            "she wants to build a new pier",
            "support for a ferry service",
            "has expressed",
        ),
        (
            "Mayor Ana Ruiz said the firm could cut its prices and announced a plan to "
            "rebuild the pier.",
            "the firm could cut its prices",
            "a plan to rebuild the pier",
            "announced",
        ),
    ],
)
def test_a_finite_act_after_a_bare_verb_is_the_sources_next(
    nlp: Any, text: str, first: str, act: str, cue: str
) -> None:
    found = _reports(text, nlp)
    assert any(words == first for words, _ in found), found
    assert (act, cue) in found


def test_a_negated_next_act_is_no_report(nlp: Any) -> None:
    text = (
        "Mayor Ana Ruiz said she has no plans to sell the pier and would not name any buyer "
        "that could change her mind."
    )
    assert not [w for w, cue in _reports(text, nlp) if cue and "name" in cue]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # both verbs bare under one "can": the words' own
        (
            "Mayor Ana Ruiz said the firm can cut its prices and announce a sale.",
            "the firm can cut its prices and announce a sale",
        ),
        # both finite: the parse's reading stands
        (
            "Mayor Ana Ruiz said the storm damaged the pier and closed the beach for a week.",
            "the storm damaged the pier and closed the beach for a week",
        ),
    ],
)
def test_parallel_verbs_stay_in_the_words(nlp: Any, text: str, words: str) -> None:
    assert words in [w for w, _ in _reports(text, nlp)]
