"""The quality gates cannot pass by skipping: missing shared data fails unless allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SKIP_SHARED, require_shared


def test_missing_shared_data_fails_the_gate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(SKIP_SHARED, raising=False)
    with pytest.raises(pytest.fail.Exception, match="the gate cannot run"):
        require_shared(tmp_path / "missing", "PolNeAR data")


def test_missing_shared_data_skips_only_when_allowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SKIP_SHARED, "1")
    with pytest.raises(pytest.skip.Exception, match=SKIP_SHARED):
        require_shared(tmp_path / "missing", "PolNeAR data")
    require_shared(tmp_path, "a directory that exists")  # present: neither
