"""The learned components' stored weights (``saidwhen.extract.weights``): one writer for
every trainer, read back by the one reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saidwhen.errors import SaidwhenError
from saidwhen.extract.weights import dot, read_weights, write_weights

DATA = Path(__file__).resolve().parents[1] / "src" / "saidwhen" / "data"


def test_written_weights_read_back(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    write_weights(path, ("bias", "long"), [0.123456, -2.0], {"margin": 0.5})
    read = read_weights(path, ("bias", "long"), "test", "nothing")
    assert read is not None
    weights, data = read
    assert weights == (0.1235, -2.0)  # four places
    assert data["margin"] == 0.5


def test_the_written_layout(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    write_weights(path, ["a"], [1], {"trained_on": ["x"]})
    assert path.read_text(encoding="utf-8") == (
        '{\n "features": [\n  "a"\n ],\n "weights": [\n  1.0\n ],\n "trained_on": [\n  "x"\n ]\n}\n'
    )


def test_weights_for_other_features_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    write_weights(path, ["a"], [1.0])
    with pytest.raises(SaidwhenError, match="other features"):
        read_weights(path, ("a", "b"), "test", "nothing")


@pytest.mark.parametrize("name", ["quote_keep", "resolver", "speaker_rank", "when_learned"])
def test_each_stored_file_is_as_the_writer_writes_it(tmp_path: Path, name: str) -> None:
    stored = (DATA / f"{name}.json").read_text(encoding="utf-8")
    data = json.loads(stored)
    path = tmp_path / "w.json"
    write_weights(path, data.pop("features"), data.pop("weights"), data)
    assert path.read_text(encoding="utf-8") == stored


def test_a_rows_score_is_the_dot_product_of_its_features() -> None:
    assert dot((0.5, -2.0, 1.0), (2.0, 1.0, 0.0)) == -1.0
    assert dot((), ()) == 0.0
    with pytest.raises(ValueError):
        dot((1.0, 2.0), (1.0,))  # a row of other features than the weights'
