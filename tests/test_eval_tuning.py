"""The trainers' rows: every tuning set labelled once, then read back from the cache file."""

from __future__ import annotations

from pathlib import Path

from saidwhen.eval.tuning import ANNOTATIONS, TUNING, tuning_rows


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
    assert "p48" in TUNING and "p49" not in TUNING and "p57" not in TUNING
