"""The bank-people measure on hand-built attributions (no spaCy, no bank), and its command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from saidwhen.cli import main
from saidwhen.eval.bank_people import Attributed, format_scores, gold_identity, score_identities


@pytest.mark.parametrize(
    ("name", "body", "identity"),
    [
        ("Dana R. Voss Jr.", False, ("dana", "voss")),
        ("Sen. Dana Voss", False, ("dana", "voss")),
        ("Zoë Marchetti", False, ("zoe", "marchetti")),
        ("Voss", False, ("", "voss")),
        ("the Harbor Fish Records", True, ("", "harbor fish")),
        ("Harbor Fish", True, ("", "harbor fish")),
        ("the crowd", False, None),
        ("A Harbor poll", True, None),
        ("Ana and Luis Ortell", False, None),
    ],
)
def test_gold_identity(name: str, body: bool, identity: tuple[str, str] | None) -> None:
    assert gold_identity(name, body) == identity


def _rows(*rows: tuple[str, str, int]) -> list[Attributed]:
    return [Attributed(g, a, p, body=False) for g, a, p in rows]


def test_kept_whole_and_apart() -> None:
    rows = _rows(
        ("Dana Voss", "a1", 1),
        ("Dana R. Voss", "a2", 1),  # one identity, one person: whole
        ("Kate Ambry", "a1", 2),
        ("Katherine Ambry", "a3", 3),  # one identity (a nickname), two persons: split
        ("Ana Ortell", "a1", 4),
        ("Luis Ortell", "a2", 4),  # namesakes in one person: a false merge
        ("Ortell", "a3", 4),  # a surname alone of a full gold name: no identity
        ("the crowd", "a1", 5),
    )
    s = score_identities(rows)
    assert s["multi_article"] == 2  # Voss and Ambry; each Ortell is in one article
    assert s["kept_whole"] == 0.5
    assert s["namesake_pairs"] == 1 and s["kept_apart"] == 0.0
    assert s["false_merges"] == 1
    assert s["errors"]["split"] == [("kate ambry", [2, 3])]
    s.update(articles=3, data="x")
    assert "false merges (pairs)             1" in format_scores(s)


def test_nothing_to_score_is_no_failure() -> None:
    s = score_identities([])
    assert (s["kept_whole"], s["kept_apart"], s["false_merges"]) == (1.0, 1.0, 0)


def test_cli_refuses_to_pin_floors_on_other_data(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["eval", "bank-people", "--data-dir", str(tmp_path), "--write-floors", "f.json"],
    )
    assert result.exit_code == 2 and "realnews-dev alone" in result.output


def test_cli_names_a_directory_without_articles(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "bank-people", "--data-dir", str(tmp_path)])
    assert result.exit_code != 0 and str(tmp_path) in result.output
    assert "Traceback" not in result.output
