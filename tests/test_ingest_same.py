"""The same bank everywhere: local engine, Parquet shards + ``bank load``, Ray; any input order.

The corpus: the hand-written store inputs (text, JSONL, HTML) and PolNeAR
dev articles (read in place) as JSONL pieces and dated text files. Exports
are compared whole (quotes, speakers, occurrences, dates), row ids aside.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from saidwhen.cli import main
from saidwhen.engine.local import ingest
from saidwhen.store import connect, export_quotes

DATA = Path(__file__).parent / "data" / "store" / "inputs"
POLNEAR = Path(__file__).parents[2] / "shared" / "data" / "polnear"
N_POLNEAR = 10

RAY = pytest.mark.skipif(
    not os.environ.get("SAIDWHEN_RAY_TESTS"),
    reason="starts a local Ray (about half a minute on 2 cores); set SAIDWHEN_RAY_TESTS=1",
)


def _polnear(n: int) -> list[dict[str, str]]:
    import csv

    meta = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["filename"]] = row
    out = []
    for path in sorted((POLNEAR / "dev" / "text").glob("*.txt")):
        if path.stem in meta:
            date = meta[path.stem]["publication_date"]
            out.append({"id": path.stem, "date": date, "text": path.read_text(encoding="utf-8")})
        if len(out) == n:
            break
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not POLNEAR.is_dir():
        pytest.skip("PolNeAR is not beside the project (../shared/data/polnear)")
    root = tmp_path_factory.mktemp("same") / "corpus"
    shutil.copytree(DATA, root)
    arts = _polnear(N_POLNEAR)
    half = len(arts) // 2
    with (root / "polnear-a.jsonl").open("w", encoding="utf-8") as f:
        f.writelines(json.dumps(a) + "\n" for a in arts[:half])
    for a in arts[half:]:  # as dated text files, one a file
        (root / "dated").mkdir(exist_ok=True)
        (root / "dated" / f"{a['id']}.txt").write_text(f"date {a['date']}\n{a['text']}")
    return root


def inputs_in_order(corpus: Path, reverse: bool) -> list[Path]:
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    return files[::-1] if reverse else files


def export(db: Path) -> list[dict[str, Any]]:
    """The whole export without row ids, in an order that ids do not decide."""
    out = []
    for q in export_quotes(connect(db, readonly=True)):
        q.pop("id")
        q["occurrences"] = sorted(q["occurrences"], key=json.dumps)
        out.append(q)
    return sorted(out, key=json.dumps)


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    ingest(inputs_in_order(corpus, False), db, workers=1)
    return export(db)


def test_the_reference_bank_has_merged_quotes_and_speakers(
    reference: list[dict[str, Any]],
) -> None:
    assert len(reference) > 100
    assert sum(q["occurrences"].__len__() > 1 for q in reference) >= 1
    assert sum(q["speaker"] is not None for q in reference) > len(reference) // 2


@pytest.mark.slow
def test_inputs_in_another_order_and_two_workers_give_the_same_export(
    corpus: Path, reference: list[dict[str, Any]], tmp_path: Path
) -> None:
    db = tmp_path / "reversed.db"
    ingest(inputs_in_order(corpus, True), db, workers=2)
    assert export(db) == reference


def _shards_then_load(paths: list[Path], tmp_path: Path, engine: str) -> tuple[Path, Path]:
    out, db = tmp_path / "out", tmp_path / "loaded.db"
    args = ["ingest", *map(str, paths), "--out", str(out), "--engine", engine, "--workers", "2"]
    result = CliRunner().invoke(main, [*args, "--no-progress"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["bank", "load", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return out, db


@pytest.mark.slow
def test_parquet_shards_loaded_into_a_bank_give_the_same_export(
    corpus: Path, reference: list[dict[str, Any]], tmp_path: Path
) -> None:
    out, db = _shards_then_load(inputs_in_order(corpus, True), tmp_path, "local")
    assert export(db) == reference
    check_merged(out, reference)


def check_merged(out: Path, reference: list[dict[str, Any]]) -> None:
    """The merged Parquet quotes: the reference's quotes, occurrences, dates and speakers.

    Of forms that normalise alike the merge keeps the longest (then the first in sorted
    order), the bank the first written: texts are compared normalised.
    """
    from saidwhen.engine.merge import read_merged
    from saidwhen.store.merge import normalise

    merged = read_merged(str(out), "quotes")
    got = {normalise(q["text"]): (q["first_seen"], q["last_seen"], q["n_occurrences"])
           for q in merged}  # fmt: skip
    want = {normalise(q["text"]): (q["first_seen"], q["last_seen"], len(q["occurrences"]))
            for q in reference}  # fmt: skip
    assert got == want
    spoken = {normalise(q["text"]) for q in merged if q["speaker"]}
    assert spoken == {normalise(q["text"]) for q in reference if q["speaker"]}


@pytest.mark.slow
@RAY
def test_ray_engine_bank_and_ray_shards_give_the_same_export(
    corpus: Path, reference: list[dict[str, Any]], tmp_path: Path
) -> None:
    pytest.importorskip("ray")
    from saidwhen.engine.ray import ingest as ray_ingest

    db = tmp_path / "ray.db"
    summary = ray_ingest(inputs_in_order(corpus, True), db, workers=2)
    assert not summary.failures
    assert export(db) == reference
    out, loaded = _shards_then_load(inputs_in_order(corpus, False), tmp_path, "ray")
    assert export(loaded) == reference
    check_merged(out, reference)


@pytest.mark.slow
def test_a_run_killed_part_way_resumes_to_the_same_shards_and_bank(
    corpus: Path, reference: list[dict[str, Any]], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    ingest(inputs_in_order(corpus, False), None, workers=1, out=out)
    done = sorted((out / "_done").iterdir())
    # what a kill leaves: the works after some point have no marker, one a shard half written
    lost = done[len(done) // 2 :]
    for marker in lost:
        marker.unlink()
    (out / "quotes" / f"{lost[0].stem}.parquet").write_bytes(b"PAR1 cut short")
    again = ingest(inputs_in_order(corpus, True), None, workers=1, out=out)
    assert again.works == len(lost) and again.works_done_before == len(done) - len(lost)
    db = tmp_path / "resumed.db"
    result = CliRunner().invoke(main, ["bank", "load", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert export(db) == reference
