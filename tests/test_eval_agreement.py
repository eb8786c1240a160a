"""Agreement of a second annotation with the first, by the shared scorer's own tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from saidwhen.cli import main
from saidwhen.errors import SaidwhenError
from saidwhen.eval.agreement import agreement
from saidwhen.eval.realnews import default_eval_dir
from tests.conftest import require_shared

TEXT = (
    "Mayor Lena Ortiz said on Monday that the bridge would reopen. "
    '"We are nearly there," she said. Critics disagreed.'
)


def _span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def _write(path: Path, doc: dict[str, object]) -> None:
    path.mkdir(parents=True, exist_ok=True)
    (path / "ortiz.json").write_text(json.dumps(doc), encoding="utf-8")


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    require_shared(default_eval_dir() / "score.py", "the realnews scorer")
    reported, quoted = _span("the bridge would reopen"), _span("We are nearly there,")
    gold = {
        "name": "ortiz",
        "date": "2026-03-04",
        "text": TEXT,
        "quotes": [
            {
                "kind": "indirect",
                "start": reported[0],
                "end": reported[1],
                "speaker": "Lena Ortiz",
                "speaker_alt": ["Ortiz"],
                "when": "2026-03-02",
            },
            {
                "kind": "direct",
                "start": quoted[0],
                "end": quoted[1],
                "speaker": "Lena Ortiz",
                "speaker_alt": [],
                "when": "article date",
            },
        ],
        "not_quotes": [],
    }
    second = {
        "name": "ortiz",
        "quotes": [
            # same person by surname, same day
            {
                "kind": "indirect",
                "start": reported[0],
                "end": reported[1],
                "speaker": "Mayor Ortiz",
                "when": "2026-03-02",
            },
            # same person and name, but dated otherwise
            {
                "kind": "direct",
                "start": quoted[0],
                "end": quoted[1],
                "speaker": "Lena Ortiz",
                "when": "before article date",
            },
        ],
    }
    _write(tmp_path / "gold", gold)
    _write(tmp_path / "second", second)
    return tmp_path / "gold", tmp_path / "second"


def test_counts_by_the_scorers_rules(dirs: tuple[Path, Path]) -> None:
    m = agreement(*dirs)
    assert (m["records"], m["missing"]) == (2, 0)
    assert m["speaker"] == 1.0
    assert m["exact"] == 1.0  # on quotations only: the reported record's "Mayor Ortiz" is not
    assert (m["when_ok"], m["dated"]) == (1, 2)


def test_cli_prints_the_figures(dirs: tuple[Path, Path]) -> None:
    gold, second = dirs
    out = CliRunner().invoke(
        main, ["eval", "agreement", "--gold", str(gold), "--second", str(second), "--json"]
    )
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["when"] == 0.5


def test_missing_second_annotation_is_an_error(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    with pytest.raises(SaidwhenError, match="second annotation not found"):
        agreement(dirs[0], tmp_path / "nowhere")
