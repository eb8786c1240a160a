"""The training script's figures: ranking recorded candidates, and cross-validation
that leaves one realnews set out at a time."""

from __future__ import annotations

import pytest

from saidwhen.eval.train_resolver import Example, cross_validate_by_set, ranked_right
from saidwhen.extract.people.resolver import FEATURES

HAND_AT = FEATURES.index("hand_choice")
NEAR_AT = FEATURES.index("same_sentence")


def cand(*, hand: bool = False, near: bool = False) -> list[float]:
    feats = [0.0] * len(FEATURES)
    feats[HAND_AT], feats[NEAR_AT] = float(hand), float(near)
    return feats


# the right one is in the pronoun's sentence; the hand rules pick it or not
HAND_RIGHT: Example = [(cand(hand=True, near=True), True), (cand(), False)]
HAND_WRONG: Example = [(cand(near=True), True), (cand(hand=True), False)]


def weights(near: float, hand: float) -> list[float]:
    w = [0.0] * len(FEATURES)
    w[NEAR_AT], w[HAND_AT] = near, hand
    return w


@pytest.mark.parametrize(
    ("data", "w", "expected"),
    [
        ([HAND_RIGHT, HAND_WRONG], weights(1.0, 0.0), (1, 2)),
        ([HAND_RIGHT, HAND_WRONG], weights(0.0, 1.0), (1, 1)),
        ([HAND_WRONG, HAND_WRONG], weights(-1.0, 0.5), (0, 0)),
        ([], weights(1.0, 0.0), (0, 0)),
    ],
)
def test_ranked_right_counts_the_hand_choice_and_the_best_sum(
    data: list[Example], w: list[float], expected: tuple[int, int]
) -> None:
    assert ranked_right(data, w) == expected


def test_each_set_is_ranked_by_weights_learned_without_it() -> None:
    gum = [[HAND_RIGHT], [HAND_WRONG]]
    news = {"a": [HAND_WRONG] * 3, "b": [HAND_WRONG, HAND_RIGHT]}
    rows = cross_validate_by_set(gum, news, folds=2)
    assert [r["group"] for r in rows] == ["gum 0", "gum 1", "a", "b"]
    assert [r["pronouns"] for r in rows] == [1, 1, 3, 2]
    assert [r["hand"] for r in rows] == [1, 0, 0, 1]
    # the other groups teach "the one in the sentence": every pronoun right
    assert all(r["learned"] == r["pronouns"] for r in rows)


def test_news_only_ranks_the_news_sets_alone_with_the_same_weights() -> None:
    gum = [[HAND_RIGHT], [HAND_WRONG]]
    news = {"a": [HAND_WRONG] * 3, "b": [HAND_WRONG, HAND_RIGHT]}
    every = cross_validate_by_set(gum, news, folds=2)
    assert cross_validate_by_set(gum, news, folds=2, news_only=True) == every[2:]
