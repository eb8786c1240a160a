"""The PolNeAR report: the pure formatter on hand-built metrics, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from saidwhen.cli import main
from saidwhen.eval.polnear import default_data_dir
from saidwhen.eval.report import (
    FLOOR_PATHS,
    FLOOR_TOLERANCE,
    TARGETS,
    floor_failures,
    format_summary,
    format_targets,
    metric,
    raised_floors,
)


def prf(tp: int, pred: int, gold: int) -> dict[str, Any]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "pred": pred, "gold": gold, "precision": round(p, 4),
            "recall": round(r, 4), "f1": round(f, 4)}  # fmt: skip


# The shape of score.score()'s dict, with distinct numbers to find in the text.
METRICS: dict[str, Any] = {
    "docs": 5,
    "docs_missing_in_pred": 1,
    "a_detection": {"exact": prf(30, 40, 50), "partial": prf(36, 40, 50)},
    "a_recall_by_gold_kind": {
        "pure": {"gold": 30, "detected": 27, "recall": 0.9},
        "mixed": {"gold": 20, "detected": 9, "recall": 0.45},
    },
    "b_speaker": {
        "matched_quotes": 36,
        "span_accuracy": 0.9444,
        "loose_name_accuracy": 0.9722,
        "span_accuracy_gold_pronoun": 0.8,
        "span_accuracy_gold_nonpronoun": None,
    },
    "c_end_to_end": {"span": prf(34, 40, 50), "loose": prf(35, 40, 50)},
    "e_role_spans": {
        "content": {
            "exact": prf(61, 100, 120),
            "partial": prf(90, 100, 120),
            "recall_by_gold_kind": {
                "direct": {"gold": 40, "exact_tp": 30, "exact_recall": 0.75},
                "indirect": {"gold": 80, "exact_tp": 31, "exact_recall": 0.3875},
            },
        },
        "source": {"exact": prf(95, 100, 110), "partial": prf(99, 100, 110)},
        "cue": {"exact": prf(70, 100, 120), "partial": prf(80, 100, 120)},
    },
    "f_triples": {"exact": prf(44, 100, 120), "partial": prf(77, 100, 120)},
    "conversion": {"quotes": 100, "chains": 3},
}


def test_metric_reads_dotted_paths() -> None:
    assert metric(METRICS, "b_speaker.span_accuracy") == 0.9444
    assert metric(METRICS, "a_detection.exact.tp") == 30.0
    assert metric(METRICS, "b_speaker.span_accuracy_gold_nonpronoun") is None
    assert metric(METRICS, "e_role_spans.nothing.f1") is None
    assert metric({"x": True}, "x") is None  # a flag is not a number
    assert metric({"x": {"y": 1}}, "x") is None  # nor is a section


def test_summary_shows_each_metric_group() -> None:
    text = format_summary(METRICS, split="dev")
    lines = text.splitlines()
    assert lines[0] == "PolNeAR dev: 5 articles (1 without output)"
    for title in ("(a) direct-quote detection", "(b) speaker accuracy over 36 found quotes",
                  "(c) end to end", "(e) role spans", "(f) linked triples"):  # fmt: skip
        assert title in text
    row = next(line for line in lines if line.strip().startswith("exact"))
    assert row.split() == ["exact", "0.7500", "0.6000", "0.6667", "30/40/50"]
    cue = next(line for line in lines if line.strip().startswith("cue exact"))
    assert cue.split()[-2:] == ["0.6364", "70/100/120"]
    assert "span 0.9444" in text and "loose name 0.9722" in text
    assert "gold name n/a" in text
    assert "pure 0.9000 of 30, mixed 0.4500 of 20" in text
    assert "direct 0.7500, indirect 0.3875" in text
    assert "conversion: chains 3, quotes 100" in text


def test_targets_table_sets_goals_beside_measured() -> None:
    lines = format_targets(METRICS).splitlines()
    assert len(lines) == 1 + len(TARGETS)
    by_label = {t.label: line for t, line in zip(TARGETS, lines[1:], strict=True)}
    # source exact F1 is 2*.95*.8636/(.95+.8636) = 0.9048 >= 0.88
    source = by_label["source, exact span F1"].split()
    assert source[-6:] == ["0.9048", ">=", "0.88", "0.832", "CofeNet", "met"]
    # speaker accuracy 0.9444 >= 0.93
    assert by_label["speaker accuracy, found quotes"].rstrip().endswith("met")
    # end-to-end F1 0.7556 < 0.90
    assert by_label["direct quotes, end-to-end F1"].rstrip().endswith("short by 0.144")
    assert "0.51 textacy" in by_label["direct quotes, end-to-end F1"]
    assert "0.729 CofeNet" in by_label["content, exact span F1"]
    assert by_label["linked triples, exact F1"].split()[-1] == "report"


def test_summary_copes_with_a_partial_dict() -> None:
    text = format_summary({"docs": 0})
    assert "PolNeAR split: 0 articles" in text
    assert "n/a" in text


def test_floor_failures_allow_only_float_noise() -> None:
    floors = {"c_end_to_end.span.f1": 0.7556 + FLOOR_TOLERANCE / 2}
    assert floor_failures(METRICS, floors) == []
    floors = {"c_end_to_end.span.f1": 0.7556 + 2 * FLOOR_TOLERANCE}
    assert floor_failures(METRICS, floors) == [
        f"c_end_to_end.span.f1 = 0.7556 < floor {0.7556 + 2 * FLOOR_TOLERANCE}"
    ]


def test_a_floor_cannot_pass_by_going_missing() -> None:
    assert floor_failures(METRICS, {"g_new.f1": 0.1}) == [
        "g_new.f1 missing from the metrics (floor 0.1)"
    ]


def test_floors_only_move_up() -> None:
    old = {"c_end_to_end.span.f1": 0.9, "f_triples.exact.f1": 0.1, "legacy.f1": 0.5}
    new = raised_floors(METRICS, old)
    assert new["c_end_to_end.span.f1"] == 0.9  # measured 0.7556: kept
    assert new["f_triples.exact.f1"] == 0.4  # measured 0.4: raised
    assert new["legacy.f1"] == 0.5  # not measured: kept
    assert set(FLOOR_PATHS) <= set(new)


def test_write_floors_raises_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import saidwhen.eval.polnear as polnear

    monkeypatch.setattr(polnear, "run_split", lambda *a, **k: (METRICS, []))
    path = tmp_path / "floors.json"
    comment = "raise me in the change that improves me"
    old = {"f_triples.exact.f1": 0.5, "a_detection.exact.f1": 0.1}
    path.write_text(json.dumps({"_comment": comment, "floors": old}))
    result = CliRunner().invoke(main, ["eval", "polnear", "--write-floors", str(path)])
    assert result.exit_code == 0, result.output
    written = json.loads(path.read_text())
    assert written["_comment"] == comment
    assert written["floors"]["f_triples.exact.f1"] == 0.5  # measured 0.4, not lowered
    assert written["floors"]["a_detection.exact.f1"] == 0.6667  # raised
    assert written["floors"]["c_end_to_end.span.f1"] == 0.7556  # added


def test_write_floors_needs_the_whole_dev_split(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    result = CliRunner().invoke(
        main, ["eval", "polnear", "--limit", "2", "--write-floors", str(path)]
    )
    assert result.exit_code == 2
    assert "--write-floors" in result.output
    assert not path.exists()


def test_missing_data_is_a_clean_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "polnear", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "PolNeAR data not found" in result.output


needs_polnear = pytest.mark.skipif(
    not (default_data_dir() / "metadata.tsv").is_file(), reason="PolNeAR data not found"
)


@needs_polnear
def test_cli_scores_two_articles(tmp_path: Path) -> None:
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(main, ["eval", "polnear", "--limit", "2", "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    assert "PolNeAR dev: 2 articles" in result.output
    assert "targets (issue 3)" in result.output
    assert errors.is_file()
    for line in errors.read_text(encoding="utf-8").splitlines():
        assert json.loads(line)["kind"] in {"fp", "fn", "speaker", "attr_fn", "attr_fp"}


@needs_polnear
def test_cli_json_is_the_scorers_dict() -> None:
    result = CliRunner().invoke(main, ["eval", "polnear", "--limit", "2", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["split"] == "dev" and out["docs"] == 2
    assert out["a_detection"]["exact"]["gold"] > 0
    for path in FLOOR_PATHS:
        assert metric(out, path) is not None, path
