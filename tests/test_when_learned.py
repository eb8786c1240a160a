"""The learned choice between the story's event day and the article's day
(``saidwhen.extract.when.learned``): made-up news, 2019-11-20 a Wednesday."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from saidwhen.errors import SaidwhenError
from saidwhen.eval.train_when import cross_validate, fit
from saidwhen.extract.when.learned import FEATURES, MODEL_PATH, _dated_with, load_model, tracing
from saidwhen.model import Quote
from tests.when_helpers import NEWS_DAY, dated

_DEBATE = (
    "Rivals clash over the harbor.\n\n"
    "Mayor Ana Ruiz and her challenger, Tom Ferrell, squared off in a televised debate on "
    "Tuesday night at the Dover high school.\n\n"
    "The two sparred over the cost of dredging the harbor and the town's pension fund.\n\n"
    '"The harbor is silting up while the mayor waits," Ferrell said.\n\n'
    "Ruiz defended her record on the docks and the budget.\n\n"
    '"We balanced four budgets in a row without raising a single fee," Ruiz said.\n\n'
    '"I will not apologize for being careful with your money," she added.'
)

_REACTION = (
    "Council sells the old ferry terminal.\n\n"
    "The Dover council approved the sale of the old ferry terminal to a hotel chain on "
    "Tuesday, ending a fight of six years.\n\n"
    "Neighbors who had fought the sale were dismayed.\n\n"
    '"This is a sad day for the people who use the waterfront," said Jo Park, who leads '
    "a tenants' group, in a statement.\n\n"
    "The hotel chain's spokesman welcomed the vote.\n\n"
    '"We look forward to opening the doors in two years," the spokesman, Sam Lee, said '
    "in an email."
)


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # an article framed by one event: the words said there take its day
        (_DEBATE, "The harbor is silting up", "2019-11-19"),
        (_DEBATE, "We balanced four budgets", "2019-11-19"),
        (_DEBATE, "I will not apologize", "2019-11-19"),
        # a day's act and the reactions to it: new to the article, of its day
        (_REACTION, "This is a sad day", None),
        (_REACTION, "We look forward", None),
    ],
)
def test_event_day_or_article_day(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted)[0] == when


def test_stored_weights_match_the_features() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES
    model = load_model()
    assert model is not None
    assert len(model.weights) == len(FEATURES)
    assert data["cv_model"] >= data["cv_rules"]  # kept only while it beats the hand rules


def test_stale_weights_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "when.json"
    path.write_text(json.dumps({"features": ["bias"], "weights": [0.0]}), encoding="utf-8")
    with pytest.raises(SaidwhenError, match="retrain"):
        load_model(str(path))


def test_no_weights_leave_the_rules(tmp_path: Path) -> None:
    assert load_model(str(tmp_path / "none.json")) is None


def test_tracing_collects_each_candidate(nlp: Any) -> None:
    from saidwhen.pipeline import extract

    with tracing() as rows:
        extract(_DEBATE, NEWS_DAY, nlp=nlp)
    assert rows
    assert all(len(feats) == len(FEATURES) for *_, feats, _ruled, _n in rows)
    assert {cand for _s, _e, _t, cand, _f, _r, _n in rows} == {"2019-11-19"}
    assert all(n >= 1 for *_, n in rows)  # a choice dates its own words at least


@pytest.mark.parametrize(
    ("continues", "lines"),
    [
        ((None, None, None), [1, 1, 1]),
        ((None, 0, None), [2, 0, 1]),
        ((None, 0, 1), [3, 0, 0]),  # a chain: all three take the first one's date
        ((None, None, 0), [2, 1, 0]),
    ],
)
def test_dated_with_counts_each_choice_s_quotes(
    continues: tuple[int | None, ...], lines: list[int]
) -> None:
    quotes = [
        Quote(text="x", start=10 * k, end=10 * k + 5, kind="direct", continues=c)
        for k, c in enumerate(continues)
    ]
    assert _dated_with(quotes) == lines


def test_fit_weighs_a_row_as_its_copies() -> None:
    x = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 1.0], [1.0, 0.0]])
    y = np.array([0.0, 1.0, 0.0, 1.0])
    weighed = fit(x[:3], y[:3], weight=np.array([2.0, 1.0, 1.0]))
    copied = fit(np.vstack([x[:3], x[:1]]), np.append(y[:3], 0.0))
    assert np.allclose(weighed, copied)


def test_cross_validation_counts_choices_and_quotes() -> None:
    # two sets, one choice each (two candidate rows), the first dating three quotes
    rows = [
        ("a", "a:1", [1.0, 1.0], 1, 1, 3),
        ("a", "a:1", [1.0, 0.0], 0, 0, 3),
        ("b", "b:1", [1.0, 1.0], 1, 1, 1),
        ("b", "b:1", [1.0, 0.0], 0, 0, 1),
    ]
    cv = {name: counts for name, *counts in cross_validate(rows)}
    assert cv["a"][0] == 1 and cv["a"][3] == 3
    assert cv["a"][2] == 1 and cv["a"][5] == 3  # the rules' pick is the gold


_COMMENT = (
    "Mayor unveils a harbor plan.\n\n"
    "Mayor Ana Ruiz on Tuesday unveiled her costly plan for the harbor.\n\n"
    '"The harbor is our future," Ruiz said.\n\n'
    '"It is a bold plan, but the numbers are thin," said Lee Park, an analyst at the '
    "Dover Institute."
)
_RALLY = _COMMENT.replace("harbor.", "harbor before a rally of dock workers.")


@pytest.mark.parametrize(
    ("text", "quoted", "feature", "value"),
    [
        # the speaker named where the day is told; at an occasion or not
        (_RALLY, "The harbor is our future", "speaker_with_day", 1.0),
        (_RALLY, "The harbor is our future", "day_at_occasion", 1.0),
        (_COMMENT, "The harbor is our future", "speaker_with_day", 1.0),
        (_COMMENT, "The harbor is our future", "day_at_occasion", 0.0),
        (_COMMENT, "The harbor is our future", "speaker_new", 0.0),
        (_COMMENT, "The harbor is our future", "commentator", 0.0),
        # a source brought in to comment, named nowhere before
        (_COMMENT, "It is a bold plan", "speaker_with_day", 0.0),
        (_COMMENT, "It is a bold plan", "speaker_new", 1.0),
        (_COMMENT, "It is a bold plan", "commentator", 1.0),
    ],
)
def test_features_of_the_speaker_and_the_day(
    nlp: Any, text: str, quoted: str, feature: str, value: float
) -> None:
    from saidwhen.pipeline import extract

    with tracing() as rows:
        extract(text, NEWS_DAY, nlp=nlp)
    feats = [f for _s, _e, said, _c, f, _r, _n in rows if said.startswith(quoted)]
    assert len(feats) == 1
    assert feats[0][FEATURES.index(feature)] == value
