"""The learned second look at a quote's speaker (``saidwhen.extract.people.speaker_rank``):
made-up news."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from saidwhen.errors import SaidwhenError
from saidwhen.eval.train_speaker import Row, cross_validate, decide, fit
from saidwhen.extract.people import speaker_rank
from saidwhen.extract.people.speaker_rank import (
    FEATURES,
    MODEL_PATH,
    SpeakerModel,
    choose,
    load_model,
    tracing,
)

_BRIDGE = (
    "Mayor Ana Ruiz opened the new bridge over the Tesk river on Monday.\n\n"
    '"This bridge joins two towns that have waited a long time," Ruiz said.\n\n'
    '"It took us nine years to build it, and every one of them was worth it."\n\n'
    "Tom Ferrell, who sits on the county council, was not convinced by the cost.\n\n"
    '"We paid twice what the plan said," Ferrell said.'
)


def _feats(rows: list[Any], quoted: str, name: str) -> dict[str, float]:
    got = [r[4] for r in rows if r[2].startswith(quoted) and r[3] == name]
    assert len(got) == 1, (quoted, name, [(r[2][:20], r[3]) for r in rows])
    return dict(zip(FEATURES, got[0], strict=True))


def test_features_of_a_run_of_quotes(nlp: Any) -> None:
    from saidwhen.pipeline import extract

    with tracing() as rows:
        extract(_BRIDGE, "2019-11-20", nlp=nlp)
    carried = _feats(rows, "It took us", "Ana Ruiz")
    assert carried["rules"] == 1.0  # the rules carry the speaker on
    assert carried["prev_speaker"] == 1.0
    assert carried["prev_x_bare"] == 1.0  # nothing but the quote in its paragraph
    assert carried["continued"] == 1.0  # the rules read it as going on from the first
    assert carried["run_share"] == pytest.approx(1 / 3)
    assert carried["paragraph_before"] == 1.0
    assert carried["in_lead"] == 1.0
    other = _feats(rows, "It took us", "Tom Ferrell")
    assert other["rules"] == 0.0
    assert other["prev_speaker"] == 0.0
    assert other["next_speaker"] == 1.0
    assert other["paragraph_after"] == 1.0
    assert other["after_quote"] == 1.0
    cued = _feats(rows, "We paid twice", "Tom Ferrell")
    assert cued["same_sentence"] == 1.0
    assert cued["speech_subject"] == 1.0  # "Ferrell said"


@pytest.mark.parametrize(
    ("margin", "speaker"),
    [
        (2.0, "Tom Ferrell"),  # the model is sure enough: its candidate replaces the rules'
        (6.0, "Ana Ruiz"),  # not sure enough: the rules' speaker stands
    ],
)
def test_one_decision(nlp: Any, monkeypatch: Any, margin: float, speaker: str) -> None:
    from saidwhen.pipeline import extract

    weights = [0.0] * len(FEATURES)
    weights[FEATURES.index("paragraph_after")] = 5.0  # a made-up model: the one named after
    model = SpeakerModel(tuple(weights), margin)
    monkeypatch.setattr(speaker_rank, "load_model", lambda: model)
    rec = extract(_BRIDGE, "2019-11-20", nlp=nlp)
    q = next(q for q in rec.quotes if q.text.startswith("It took us"))
    assert q.speaker is not None
    assert q.speaker.name == speaker


def test_stored_weights_match_the_features() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES
    model = load_model()
    assert model is not None
    assert len(model.weights) == len(FEATURES)
    assert data["cv_model"] >= data["cv_rules"]  # kept only while it beats the rules


def test_stale_weights_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "speakers.json"
    path.write_text(json.dumps({"features": ["bias"], "weights": [0.0]}), encoding="utf-8")
    with pytest.raises(SaidwhenError, match="retrain"):
        load_model(str(path))


def test_no_weights_leave_the_rules(tmp_path: Path) -> None:
    assert load_model(str(tmp_path / "none.json")) is None


def _row(key: str, right: int, rules: bool, score: float, barred: bool = False) -> Row:
    feats = [0.0] * len(FEATURES)
    feats[FEATURES.index("rules")] = float(rules)
    feats[FEATURES.index("bias")] = score
    return ("set", key, feats, right, right, "Ana Ruiz" if rules else "Tom Ferrell", barred)


def test_fit_ranks_the_right_candidate_first() -> None:
    # two candidates a quote: the right one is the previous quote's speaker
    x = np.array([[1.0, 0.0], [0.0, 1.0]] * 20)
    y = np.array([1.0, 0.0] * 20)
    w = fit(x, y, [[2 * k, 2 * k + 1] for k in range(20)])
    assert w[0] > w[1]


@pytest.mark.parametrize(
    ("rules_score", "margin", "pick"),
    [
        (0.0, 1.0, 1),  # the other scores 2 above the rules': it is taken
        (1.5, 1.0, 0),  # only 0.5 above: the rules stand
    ],
)
def test_decide_overrides_only_past_the_margin(
    rules_score: float, margin: float, pick: int
) -> None:
    rows = [_row("q", 0, True, rules_score), _row("q", 1, False, 2.0)]
    w = np.zeros(len(FEATURES))
    w[FEATURES.index("bias")] = 1.0
    assert decide(w, rows, margin)["q"] == pick


@pytest.mark.parametrize(
    ("other", "pick"),
    [
        (-5.0, 1),  # the best leads the next by 2: it speaks
        (-3.5, None),  # by 0.5: the words keep no speaker
    ],
)
def test_decide_without_the_rules_takes_a_clear_best(other: float, pick: int | None) -> None:
    rows = [_row("q", 0, False, other), _row("q", 1, False, -3.0)]
    w = np.zeros(len(FEATURES))
    w[FEATURES.index("bias")] = 1.0
    assert decide(w, rows, 8.0)["q"] == pick


@pytest.mark.parametrize(
    ("scores", "rules", "barred", "pick"),
    [
        ([0.0, 3.0], 0, [False, False], 1),  # 3 above the rules': taken
        ([0.0, 3.0], 0, [False, True], 0),  # barred (the rules' own entity): the rules stand
        ([0.0, 0.5], 0, [False, False], 0),  # within the margin
        ([-3.0, 0.0], None, [False, False], 1),  # nobody named, a clear best
        ([-3.0, 0.0], None, [False, True], None),  # ... but barred (a subhead): nobody
        ([], None, [], None),
    ],
)
def test_choose(
    scores: list[float], rules: int | None, barred: list[bool], pick: int | None
) -> None:
    assert choose(scores, rules, barred, 1.0) == pick


def test_decide_never_takes_a_barred_candidate() -> None:
    rows = [_row("q", 0, True, 0.0), _row("q", 1, False, 9.0, barred=True)]
    w = np.zeros(len(FEATURES))
    w[FEATURES.index("bias")] = 1.0
    assert decide(w, rows, 1.0)["q"] == 0


def _quote(name: str, key: str, rules_right: bool) -> list[Row]:
    """A quote of set ``name`` with two candidates, the rules' and the previous speaker,
    the rules' right or not."""
    rules, prev = [0.0] * len(FEATURES), [0.0] * len(FEATURES)
    rules[FEATURES.index("rules")] = 1.0
    prev[FEATURES.index("prev_speaker")] = 1.0
    r, p = int(rules_right), int(not rules_right)
    return [
        (name, f"{name}:{key}", rules, r, r, "Ana Ruiz", False),
        (name, f"{name}:{key}", prev, p, p, "Tom Ferrell", False),
    ]


def test_cross_validation_learns_only_from_the_sets_given() -> None:
    # in sets a and b the previous speaker is right, in c (three times as many) the rules
    rows = [r for k in range(4) for s in "ab" for r in _quote(s, str(k), False)]
    rows += [r for k in range(12) for r in _quote("c", str(k), True)]
    _, every = cross_validate(rows, margin=0.0)
    _, some = cross_validate(rows, margin=0.0, train=frozenset("ab"))
    assert {c[0]: c[2] for c in every}["a"] == 0  # learned mostly from c
    assert {c[0]: c[2] for c in some}["a"] == 4  # learned from b alone
    assert {c[0]: c[3] for c in some}["a"] == 0  # the rules' figure is the same either way
