"""The realnews quality gate: speakers as people on real news, never below the pinned floors.

One pipeline run per set and session: realnews-dev (real pages, in
``../shared``) and our own realnews-polnear annotations (PolNeAR train
articles, ``annotations/realnews-polnear/p7``-``p10``, their texts read from
``../shared``).  When the shared data is missing the gate fails (a CI
without the data must not pass silently), unless ``SAIDWHEN_SKIP_SHARED=1``
says that the machine has no shared data on purpose.  Raise floors with
``saidwhen eval realnews --write-floors tests/floors/realnews_dev.json`` (and
with the four ``--data-dir annotations/realnews-polnear/pN`` for
``realnews_polnear.json``) in the change that improves them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from saidwhen.eval.realnews import (
    FLOOR_KEYS,
    FLOOR_TOLERANCE,
    default_data_dir,
    default_eval_dir,
    prediction,
    run_realnews,
)
from saidwhen.eval.shared import shared_dir
from tests.conftest import assert_holds_floor, floors_file, require_shared

ANNOTATIONS = Path(__file__).resolve().parents[1] / "annotations" / "realnews-polnear"
PAGES = Path(__file__).resolve().parents[1] / "annotations" / "realnews-pages"
NEWSWIRE = Path(__file__).resolve().parents[1] / "annotations" / "realnews-tbaq"
# floors file -> (the gold directories scored as one set, their articles)
GATES: dict[str, tuple[tuple[Path, ...], int]] = {
    "realnews_dev.json": ((default_data_dir(),), 24),
    "realnews_polnear.json": (tuple(ANNOTATIONS / s for s in ("p7", "p8", "p9", "p10")), 56),
    # fresh in session 14 (scored once at its end), a gate like the others since
    "realnews_polnear_p11_p12.json": ((ANNOTATIONS / "p11", ANNOTATIONS / "p12"), 28),
    # fresh in session 15 (scored once after its first round of rules was merged)
    "realnews_polnear_p13_p16.json": (
        tuple(ANNOTATIONS / s for s in ("p13", "p14", "p15", "p16")),
        56,
    ),
    # fresh in session 16 (scored once after both its rounds of rules were merged)
    "realnews_polnear_p17_p20.json": (
        tuple(ANNOTATIONS / s for s in ("p17", "p18", "p19", "p20")),
        56,
    ),
    # fresh in session 17 (scored once after both its rounds of rules were merged)
    "realnews_polnear_p21_p24.json": (
        tuple(ANNOTATIONS / s for s in ("p21", "p22", "p23", "p24")),
        56,
    ),
    # fresh in session 18 (scored once after all its rules were merged)
    "realnews_polnear_p25_p32.json": (
        tuple(ANNOTATIONS / f"p{k}" for k in range(25, 33)),
        112,
    ),
    # fresh in session 19 (scored once at its start and once after all its merges)
    "realnews_polnear_p33_p40.json": (
        tuple(ANNOTATIONS / f"p{k}" for k in range(33, 41)),
        112,
    ),
    # fresh in session 20 (scored once at its start and once after all its merges)
    "realnews_polnear_p41_p48.json": (
        tuple(ANNOTATIONS / f"p{k}" for k in range(41, 49)),
        112,
    ),
    # fresh in session 21 (scored once at its start and once after all its merges)
    "realnews_polnear_p49_p56.json": (
        tuple(ANNOTATIONS / f"p{k}" for k in range(49, 57)),
        102,
    ),
    # fresh in session 22 (scored once at its start and once after all its merges)
    "realnews_polnear_p57_p64.json": (
        tuple(ANNOTATIONS / f"p{k}" for k in range(57, 65)),
        48,
    ),
    # fresh in session 23 (scored once at its start and once after all its merges)
    "realnews_polnear_p65_p72.json": (
        tuple(ANNOTATIONS / f"p{k}" for k in range(65, 73)),
        48,
    ),
    # real pages of ../shared/data/article-extraction beside realnews-dev's, fresh in
    # session 24 (scored once at its start and once after all its merges)
    "realnews_pages_r1_r5.json": (tuple(PAGES / f"r{k}" for k in range(1, 6)), 36),
    # TempEval-3 newswire of 1989-2000, the check set of session 25 (scored once at its
    # start and once after all its merges)
    "realnews_tbaq_t1_t4.json": (tuple(NEWSWIRE / f"t{k}" for k in range(1, 5)), 32),
    # 32 more of that newswire, the check set of session 26 (scored once at its start and
    # once after all its merges)
    "realnews_tbaq_u1_u4.json": (tuple(NEWSWIRE / f"u{k}" for k in range(1, 5)), 32),
}
FLOORS: dict[str, dict[str, float]] = {name: floors_file(name)["floors"] for name in GATES}


@pytest.mark.parametrize("name", sorted(GATES))
def test_floors_file_pins_every_gate_figure(name: str) -> None:
    assert "Raising" in floors_file(name)["_comment"]
    assert set(FLOOR_KEYS) == set(FLOORS[name])
    assert all(0.0 <= v <= 1.0 for v in FLOORS[name].values())


def test_prediction_gives_the_person_and_a_date() -> None:
    rec = {
        "date": "2020-03-02",
        "quotes": [
            {"text": "a", "start": 0, "end": 1, "kind": "direct", "when": None,
             "when_range": ["2020-02-24", "2020-03-01"], "speaker": {"name": "Ana Ruiz"}},
            {"text": "b", "start": 2, "end": 3, "kind": "indirect", "when": "2020-02-28",
             "when_range": None, "speaker": None},
        ],
    }  # fmt: skip
    pred = prediction("n", rec)
    assert pred["date_used"] == "2020-03-02"
    assert [q["speaker"] for q in pred["quotes"]] == ["Ana Ruiz", None]
    assert [q["when"] for q in pred["quotes"]] == ["2020-02-24/2020-03-01", "2020-02-28"]


@pytest.mark.parametrize(
    ("when_range", "written"),
    [
        (["2018-06-01", "2018-08-31"], "2018-06/2018-08"),  # "last summer": whole months
        (["2018-12-01", "2019-02-28"], "2018-12/2019-02"),  # over the new year
        (["2020-02-01", "2020-02-29"], "2020-02"),  # one whole month is the month
        (["2018-06-01", "2018-08-30"], "2018-06-01/2018-08-30"),  # not whole months
        (["2018-06-04", "2018-06-10"], "2018-06-04/2018-06-10"),  # a week
        (["2018-06-05", "2018-06-05"], "2018-06-05"),
    ],
)
def test_a_range_of_whole_months_is_written_in_months(when_range: list[str], written: str) -> None:
    rec = {"date": "2020-03-02", "quotes": [{"text": "a", "start": 0, "end": 1, "kind": "direct",
           "when": None, "when_range": when_range, "speaker": None}]}  # fmt: skip
    assert prediction("n", rec)["quotes"][0]["when"] == written


@pytest.fixture(scope="module", params=sorted(GATES))
def realnews_metrics(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    name: str = request.param
    require_shared(default_eval_dir() / "score.py", "the realnews scorer")
    require_shared(default_data_dir(), "the realnews-dev data")
    require_shared(shared_dir() / "data" / "polnear", "the PolNeAR texts")
    require_shared(shared_dir() / "data" / "article-extraction", "the article-extraction pages")
    metrics, _, records = run_realnews(GATES[name][0])
    assert len(records) == metrics["docs"]
    return name, metrics


@pytest.mark.slow
def test_every_article_scored(realnews_metrics: tuple[str, dict[str, Any]]) -> None:
    name, metrics = realnews_metrics
    assert metrics["docs"] == GATES[name][1]
    assert metrics["counts"]["missing"] == 0


@pytest.mark.slow
@pytest.mark.parametrize("key", FLOOR_KEYS)
def test_metric_holds_its_floor(realnews_metrics: tuple[str, dict[str, Any]], key: str) -> None:
    name, metrics = realnews_metrics
    assert_holds_floor(metrics, key, FLOORS[name][key], FLOOR_TOLERANCE)


def test_the_command_scores_a_made_up_article(tmp_path: Path) -> None:
    """The CLI end to end on one hand-annotated article in the gold format."""
    from click.testing import CliRunner

    from saidwhen.cli import main

    require_shared(default_eval_dir() / "score.py", "the realnews scorer")
    text = (
        "Finance Minister Ana Ruiz defended the budget on Monday.\n\n"
        '"We will not raise taxes this year," Ruiz said.'
    )
    quote = "We will not raise taxes this year,"
    start = text.index(quote)
    gold = {
        "name": "made-up", "date": "2021-03-01", "text": text, "not_quotes": [],
        "quotes": [{"text": quote, "kind": "direct", "speaker": "Ana Ruiz",
                    "when": "article date", "start": start, "end": start + len(quote)}],
    }  # fmt: skip
    data = tmp_path / "gold"
    data.mkdir()
    (data / "made-up.json").write_text(json.dumps(gold), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["eval", "realnews", "--data-dir", str(data), "--errors", "--json"]
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output[result.output.index("{") :])
    assert metrics["docs"] == 1 and metrics["data"] == "gold"
    summary = CliRunner().invoke(main, ["eval", "realnews", "--data-dir", str(data)])
    assert "gold: 1 articles" in summary.output  # the set scored, not "realnews-dev"
    assert metrics["direct"]["f1"] == 1.0
    assert metrics["speaker"] == {"accuracy": 1.0, "exact": 1.0}  # "Ruiz", canonical


def test_errors_list_wrong_reported_speakers_and_inexact_names(tmp_path: Path) -> None:
    """The scorer counts them but does not list them; ``--errors`` does."""
    import contextlib
    import io

    from saidwhen.eval.realnews import _print_speaker_errors, load_scorer

    require_shared(default_eval_dir() / "score.py", "the realnews scorer")
    text = (
        "The mayor said the bridge would reopen in May. Ruiz said taxes would fall. "
        '"We are ready," said Mayor Tom Lee. "Soon," Ruiz added.'
    )
    said = [
        ("the bridge would reopen in May", "the mayor", "indirect"),
        ("taxes would fall", "Ana Ruiz", "indirect"),
        ("We are ready,", "Tom Lee", "direct"),
        ("Soon,", "Ana Ruiz", "direct"),
    ]
    gold = {"name": "g", "date": "2021-03-01", "text": text, "quotes": [
        {"text": t, "start": text.index(t), "end": text.index(t) + len(t), "kind": kind,
         "speaker": who, "when": "article date"} for t, who, kind in said]}  # fmt: skip
    given = ["Ana Ruiz", "Ana Ruiz", "Mayor Tom Lee", "Ana Ruiz"]
    pred = {"quotes": [{**q, "speaker": who} for q, who in zip(gold["quotes"], given, strict=True)]}  # type: ignore[union-attr]
    (tmp_path / "g.json").write_text(json.dumps(pred), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        _print_speaker_errors(load_scorer(), [gold], tmp_path)
    assert out.getvalue().splitlines() == [
        "  [g] NOT EXACT NAME 'Mayor Tom Lee' for 'Tom Lee': 'We are ready,'",
        "  [g] WRONG SPEAKER indirect 'Ana Ruiz' for 'the mayor': 'the bridge would reopen in May'",
    ]
