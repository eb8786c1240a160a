"""``ingest`` end to end with the real pipeline: hand-written articles, bad inputs, re-runs."""

from __future__ import annotations

import shutil
import sqlite3
import sys
import zlib
from pathlib import Path

import pytest

from saidwhen.engine.local import ingest
from saidwhen.store import connect, search, speakers
from tests.store_helpers import bank_contents
from tests.test_io_html_warc import PAGES, make_warc

DATA = Path(__file__).parent / "data" / "store"

BAD = {
    "empty.txt": "E101",
    "blob.txt": "E102",
    "latin1.txt": "E103",
    "nodate.txt": "E104",
    "lines.jsonl:2": "E105",
    "lines.jsonl:3": "E104",
    "cut.warc.gz": "E105",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(DATA / "inputs", root / "inputs")
    shutil.copytree(DATA / "bad", root / "bad")
    warc = make_warc(True, PAGES[:3], extra_request=False)
    # cut inside the last record's gzip member: a cut that falls exactly between two
    # members leaves a whole, shorter WARC, which no reader can tell from the real thing
    start = 0
    while True:
        member = zlib.decompressobj(31)
        member.decompress(warc[start:])
        if not member.unused_data:
            break
        start = len(warc) - len(member.unused_data)
    (root / "bad" / "cut.warc.gz").write_bytes(warc[: (start + len(warc)) // 2])
    return root


@pytest.fixture(scope="module")
def ingested(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    db = tmp_path_factory.mktemp("bank") / "bank.db"
    summary = ingest([corpus / "inputs", corpus / "bad"], db, workers=1)
    return db, summary


def _where(err: object) -> str:
    source, line = err.source, err.line  # type: ignore[attr-defined]
    name = Path(source.split("@")[0]).name
    return f"{name}:{line}" if line and name.endswith(".jsonl") else name


def test_every_bad_input_is_skipped_with_its_reason(ingested: tuple[Path, object]) -> None:
    db, summary = ingested
    got = {_where(e): e.code for e in summary.failures}  # type: ignore[attr-defined]
    assert got == BAD
    with sqlite3.connect(db) as conn:
        stored = {
            Path(s.split("@")[0]).name for (s,) in conn.execute("SELECT source FROM failures")
        }
    assert stored == {k.split(":")[0] for k in BAD}
    # 5 good inputs, and the good records of partly bad files: 1 JSONL line, 2 WARC records
    assert summary.to_dict()["stored"] == 8  # type: ignore[attr-defined]


def test_the_same_quote_from_three_outlets_is_merged(ingested: tuple[Path, object]) -> None:
    db, _ = ingested
    conn = connect(db, readonly=True)
    (row,) = search(conn, "commuters rain boat")
    assert row["occurrences"] == 3
    # the Gazette (2024-05-14) tells of the council's meeting "on Monday" and gives the words
    # to its chair: said at the meeting, a day before the earliest article
    assert row["first_seen"] == "2024-05-13"
    assert row["speaker"] == "Marta Quillon" and not row["conflict"]
    assert "Coast Wire" in row["outlets"]
    (longest,) = search(conn, "most useful thing")
    assert longest["text"].endswith("proud of it.")
    assert longest["occurrences"] == 2


def test_people_merge_by_surname_only_when_unambiguous(ingested: tuple[Path, object]) -> None:
    db, _ = ingested
    conn = connect(db, readonly=True)
    people = {p["name"]: p for p in speakers(conn)}
    assert "Quillon" in people["Marta Quillon"]["aliases"]
    assert "Quillon" not in people
    assert {"Dov Brenner", "Ada Brenner"} <= set(people)
    assert [r["speaker"] for r in search(conn, speaker="Ada Brenner")] == ["Ada Brenner"]


def test_ingesting_again_changes_nothing(ingested: tuple[Path, object], corpus: Path) -> None:
    db, first = ingested
    before = bank_contents(connect(db, readonly=True))
    assert before["quotes"]
    again = ingest([corpus / "inputs", corpus / "bad", corpus / "inputs"], db, workers=1)
    assert bank_contents(connect(db, readonly=True)) == before
    d = again.to_dict()
    # inputs/ was given twice: its files are listed, and read, once
    assert d["stored"] == 0 and d["already_stored"] == 8
    assert len(again.failures) == len(first.failures)  # type: ignore[attr-defined]


def test_worker_processes_give_the_same_bank(
    ingested: tuple[Path, object], corpus: Path, tmp_path: Path
) -> None:
    db, _ = ingested
    pooled = tmp_path / "pooled.db"
    ingest([corpus / "inputs", corpus / "bad"], pooled, workers=2)
    assert bank_contents(connect(pooled, readonly=True)) == bank_contents(
        connect(db, readonly=True)
    )


def _pipelines_loaded() -> int:
    from saidwhen.nlp import _load

    return _load.cache_info().currsize


def test_workers_start_with_the_pipeline_loaded() -> None:
    """Forked from the server that loaded it (each worker used to import and load it: 1.3 s)."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_all_start_methods

    from saidwhen.engine.local import _context

    if not sys.platform.startswith("linux") or "forkserver" not in get_all_start_methods():
        pytest.skip("workers are spawned here, and load the pipeline themselves")
    with ProcessPoolExecutor(1, mp_context=_context(None)) as pool:
        assert pool.submit(_pipelines_loaded).result() == 1
