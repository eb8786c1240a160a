"""The trainers' rows: every tuning set labelled once, then read back from the cache file."""

from __future__ import annotations

from pathlib import Path

import pytest

from saidwhen.eval.tuning import (
    ANNOTATIONS,
    TUNING,
    article_starts,
    say_left_out,
    tuning_dir,
    tuning_rows,
)
from saidwhen.nlp import cut_points
from saidwhen.pipeline import SEGMENT_CHARS


def test_rows_are_labelled_per_set_then_read_back(tmp_path: Path) -> None:
    seen: list[tuple[str, Path]] = []

    def labelled(name: str, data_dir: Path) -> list[list[object]]:
        seen.append((name, data_dir))
        return [[name, "q1", [1.0, 0.5], 1]]

    cache = tmp_path / "rows.json"
    rows = tuning_rows(cache, labelled)
    assert [n for n, _ in seen] == ["realnews-dev", *TUNING]
    assert seen[1][1] == ANNOTATIONS / "p7"
    assert rows[0] == ("realnews-dev", "q1", [1.0, 0.5], 1)
    assert cache.exists()

    def never(name: str, data_dir: Path) -> list[list[object]]:
        raise AssertionError("the cache should have been read")

    assert tuning_rows(cache, never) == rows


def test_check_and_fresh_sets_are_not_tuning() -> None:
    assert "p72" in TUNING and "p73" not in TUNING
    assert "r5" in TUNING and "t4" in TUNING and "t5" not in TUNING


def test_each_tuning_set_has_its_directory() -> None:
    root = ANNOTATIONS.parent
    assert tuning_dir("p7") == ANNOTATIONS / "p7"
    assert tuning_dir("r1") == root / "realnews-pages" / "r1"
    assert tuning_dir("t4") == root / "realnews-tbaq" / "t4"
    assert all(tuning_dir(s).is_dir() for s in TUNING)


def test_rows_of_a_long_article_are_placed_in_their_segments() -> None:
    filler = "The river rose above the old mark after the storm.\n\n"
    half = filler * (SEGMENT_CHARS // len(filler) // 2)
    text = half + 'Lin said "yes" to it.\n\n' + half + 'Tom said "no" again.\n\n' + half
    bases = [lo for lo, _ in cut_points(text, 0, SEGMENT_CHARS)]
    assert len(bases) == 2  # "no" falls in the second segment
    yes, no = text.index("yes"), text.index('no"')
    rows = [
        (yes, yes + 3, "yes", "a feature"),
        (no - bases[1], no - bases[1] + 2, "no", "a feature"),
        (5, 9, "nowhere", "a feature"),  # words at no segment's offset
    ]
    assert article_starts(text, rows) == [yes, no, None]


def test_rows_of_a_short_article_keep_their_offsets() -> None:
    text = 'Lin said "yes" and "yes" again.'
    assert article_starts(text, [(10, 13, "yes"), (20, 23, "yes")]) == [10, 20]


def test_rows_left_out_are_said(capsys: pytest.CaptureFixture[str]) -> None:
    say_left_out("p7", {"rows not placed": 2, "rows without gold": 0})
    say_left_out("p8", {"rows not placed": 0})
    assert capsys.readouterr().err == "p7: left out 2 rows not placed\n"
