"""The learned second look at quoted words (``saidwhen.extract.speech.quote_keep``):
made-up sentences and made-up models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from saidwhen.errors import SaidwhenError
from saidwhen.eval.train_quote_keep import Row, _counts, cross_validate, fit
from saidwhen.extract.speech.nonquote import not_speech_regions
from saidwhen.extract.speech.quote_keep import (
    FEATURES,
    LEARNED,
    KeepModel,
    load_model,
    review,
    tracing,
    using,
)
from saidwhen.extract.speech.view import ArticleView, Lines


def _traced(text: str, nlp: Any) -> dict[str, dict[str, float]]:
    view = ArticleView.build(nlp(text))
    with using(None), tracing() as rows:
        not_speech_regions(view, list(view.regions))
    return {text[s:e].strip(" ,."): dict(zip(FEATURES, f, strict=True)) for s, e, _, _, f in rows}


def test_features_of_a_title_and_of_speech(nlp: Any) -> None:
    got = _traced(
        "Budget talks.\n\n"
        'Critics loved the film "Winter Light" this year.\n\n"We will win," Lin said.\n',
        nlp,
    )
    title = got["Winter Light"]
    assert title["rule_title"] == 1.0
    assert title["capitals"] == 1.0
    assert title["after_noun"] == 1.0  # "the film"
    assert title["own_sentence"] == 0.0
    said = got["We will win"]
    assert said["rule_title"] == said["rule_label"] == 0.0  # the rules keep it
    assert said["own_sentence"] == 1.0
    assert said["ends_comma"] == 1.0
    assert said["has_subject"] == 1.0
    assert said["speech_after"] == 1.0  # "Lin said"


def test_markup_is_never_looked_at(nlp: Any) -> None:
    text = 'The form had id="4471" in its header.\n'
    view = ArticleView.build(nlp(text))
    with using(None), tracing() as rows:
        found = not_speech_regions(view, list(view.regions))
    assert found == ["markup"]
    assert rows == []


def _model(**weights: float) -> KeepModel:
    w = [0.0] * len(FEATURES)
    for name, v in weights.items():
        w[FEATURES.index(name)] = v
    return KeepModel(tuple(w), drop=2.0, keep=2.0)


@pytest.mark.parametrize(
    ("weights", "want"),
    [
        ({}, None),  # not sure: the rules stand
        ({"bias": -3.0}, LEARNED),  # sure the words are nobody's
        ({"bias": -1.5}, None),  # within the margin
    ],
)
def test_a_model_drops_only_when_sure(nlp: Any, weights: dict[str, float], want: str) -> None:
    text = 'Budget talks.\n\n"We will win," Lin said.\n'
    view = ArticleView.build(nlp(text))
    with using(_model(**weights)):
        assert not_speech_regions(view, list(view.regions)) == [want]


@pytest.mark.parametrize(
    ("score", "reason", "want"),
    [
        (3.0, "a title", None),  # sure it is speech: kept
        (1.0, "a title", "a title"),
        (-3.0, None, LEARNED),
        (-1.0, None, None),
    ],
)
def test_decide(score: float, reason: str | None, want: str | None) -> None:
    model = _model(bias=score)
    assert model.decide(reason, [1.0] + [0.0] * (len(FEATURES) - 1)) == want


def test_fit_learns_the_sign_of_a_feature() -> None:
    x = np.array([[1.0, v] for v in (0, 0, 0, 1, 1, 1, 0, 1)])
    y = np.array([0, 0, 1, 1, 1, 1, 0, 0], float)
    w = fit(x, y, l2=0.1)
    assert w[1] > 0


def _row(reason: str | None, score: float, gold: int, rules: int, kept: int) -> Row:
    return ("s", "a", 0, 5, reason, [score], gold, rules, kept)


def test_counts_follow_the_decisions() -> None:
    totals: Row = ("s", "a", -1, -1, None, [], 5, 7, 6)
    rows = [
        totals,
        _row(None, -3.0, 0, 1, 1),  # a false quote dropped
        _row(None, -3.0, 1, 0, 1),  # dropped, but no record came out of it anyway
        _row("a title", 3.0, 1, 0, 1),  # a missed quote kept
        _row("a title", 3.0, 0, 0, 0),  # kept, but no record would come out of it
    ]
    assert _counts(rows, None, 2.0, 2.0) == (5, 7, 6)
    assert _counts(rows, np.array([1.0]), 2.0, 2.0) == (6, 7, 6)


def test_weights_for_other_features_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"features": ["bias"], "weights": [1.0]}))
    with pytest.raises(SaidwhenError, match="other features"):
        load_model(str(path))


_LINES = 'ab\n" "\nc'  # a line of two letters, one of a quoted blank, one of a letter


@pytest.mark.parametrize(
    ("pos", "start", "end"),
    [(0, 0, 2), (2, 0, 2), (3, 3, 6), (5, 3, 6), (7, 7, 8), (8, 7, 8)],
)
def test_the_line_holding_an_offset(pos: int, start: int, end: int) -> None:
    lines = Lines.of(_LINES)
    assert (lines.start(pos), lines.end(pos)) == (start, end)


@pytest.mark.parametrize(
    ("start", "end", "want"),
    [(0, 3, True), (3, 6, False), (6, 8, True), (7, 7, False), (5, 3, False)],
)
def test_words_between_two_offsets(start: int, end: int, want: bool) -> None:
    assert Lines.of(_LINES).has_words(start, end) is want


def test_a_quote_on_the_first_line_is_left_to_the_rules(nlp: Any) -> None:
    got = _traced('"Ready" for spring\n\nCritics loved the film "Winter Light" this year.\n', nlp)
    assert list(got) == ["Winter Light"]


def test_the_same_words_quoted_again_are_a_repeat(nlp: Any) -> None:
    got = _traced(
        'Budget talks.\n\nCritics called it "the plan" on Monday.\n\n'
        'Lee called it "plan" too, and "a sham" once.\n',
        nlp,
    )
    assert got["the plan"]["repeated"] == got["plan"]["repeated"] == 1.0  # "the" aside
    assert got["a sham"]["repeated"] == 0.0


def test_regions_without_words_are_no_repeat(nlp: Any) -> None:
    view = ArticleView.build(nlp('Budget talks.\n\nLee said "we won" and Tom said "we lost".\n'))
    with using(None), tracing() as rows:
        review(view, view.regions, [None, None], [False, False], ["", ""], None)
    assert [feats[FEATURES.index("repeated")] for *_, feats in rows] == [0.0, 0.0]


def _set(name: str, flagged_speech: int, flagged_not: int) -> list[Row]:
    """A set of quoted regions the rules keep: ``flagged_*`` with a second feature on
    (speech or not), beside three plain speech regions and one plain false quote."""
    regions = [(1.0, 1)] * flagged_speech + [(1.0, 0)] * flagged_not
    regions += [(0.0, 1)] * 3 + [(0.0, 0)]
    gold = sum(g for _, g in regions)
    totals: Row = (name, "a", -1, -1, None, [], gold, len(regions), gold)
    return [totals] + [
        (name, "a", k, k + 1, None, [1.0, f], g, 1, 1) for k, (f, g) in enumerate(regions)
    ]


def test_cross_validation_learns_only_from_the_sets_given() -> None:
    # the flagged regions are false quotes in sets a and b, speech in c (three times as many)
    rows = _set("a", 0, 4) + _set("b", 0, 4) + _set("c", 12, 0)
    _, _, every = cross_validate(rows, drop=0.5)
    _, _, some = cross_validate(rows, drop=0.5, train=frozenset("ab"))
    held = {s: m for s, m, _ in every}["a"]
    assert held == (3, 8, 3)  # learned mostly from c: the rules' decisions stand
    held = {s: m for s, m, _ in some}["a"]
    assert held == (3, 4, 3)  # learned from b alone: the four false quotes dropped
