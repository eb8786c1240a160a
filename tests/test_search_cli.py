"""``search``, ``speakers``, ``export`` and ``ingest`` on the command line (CliRunner)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from saidwhen.cli import main
from saidwhen.store import Store
from tests.store_helpers import person, quote, record

DATA = Path(__file__).parent / "data" / "store"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "bank.db"
    with Store(path) as store:
        lee = person("Ann Lee", "the mayor")
        taxes = "Taxes will go down for everyone"
        store.add(
            [
                record("a", "2022-01-10", [quote(taxes, "Ann Lee")], "Alpha", [lee]),
                record("b", "2022-02-10", [quote(taxes.lower() + "!", "Lee")], "Beta"),
                record(
                    "c", "2022-03-10", [quote("The bridge opens in spring", "Bob Hart")], "Beta"
                ),
            ]
        )
    return str(path)


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["taxes"], ["Taxes will go down for everyone"]),
        (["--speaker", "Lee"], ["Taxes will go down for everyone"]),
        (["--speaker", "Bob Hart"], ["The bridge opens in spring"]),
        (["--from", "2022-03-01"], ["The bridge opens in spring"]),
        (["--to", "2022-01-31"], ["Taxes will go down for everyone"]),
        (["--outlet", "Beta", "--to", "2022-02-28"], ["Taxes will go down for everyone"]),
        (["--outlet", "Gamma"], []),
        (["bridge", "--speaker", "Lee"], []),
        ([], ["The bridge opens in spring", "Taxes will go down for everyone"]),
    ],
)
def test_search_filters_as_json(db: str, args: list[str], expected: list[str]) -> None:
    code, out = invoke("search", *args, "--db", db, "--format", "json")
    assert code == 0, out
    assert [r["text"] for r in json.loads(out)] == expected


def test_search_formats(db: str) -> None:
    _, jsonl = invoke("search", "taxes", "--db", db, "--format", "jsonl")
    (row,) = [json.loads(line) for line in jsonl.splitlines()]
    assert row["occurrences"] == 2 and row["speaker"] == "Ann Lee"
    assert sorted(row["outlets"]) == ["Alpha", "Beta"]
    _, text = invoke("search", "taxes", "--db", db, "--format", "csv")
    (line,) = list(csv.DictReader(io.StringIO(text)))
    assert line["speaker"] == "Ann Lee" and line["occurrences"] == "2"
    _, table = invoke("search", "taxes", "--db", db)
    assert "Ann Lee" in table and "Taxes will go down" in table


def test_search_rejects_a_bad_date_and_a_missing_bank(tmp_path: Path, db: str) -> None:
    code, out = invoke("search", "--from", "March", "--db", db)
    assert code == 2 and "not a date" in out
    code, out = invoke("search", "x", "--db", str(tmp_path / "nope.db"))
    assert code == 1 and "no quote bank" in out


def test_speakers_by_number_of_quotes(db: str) -> None:
    code, out = invoke("speakers", "--db", db, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["name"], r["quotes"], r["occurrences"]) for r in rows] == [
        ("Ann Lee", 1, 2),
        ("Bob Hart", 1, 1),
    ]
    assert "Lee" in rows[0]["aliases"]


def test_export_jsonl_and_parquet(db: str, tmp_path: Path) -> None:
    code, out = invoke("export", "--db", db)
    assert code == 0
    quotes = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert len(quotes) == 2
    assert sum(len(q["occurrences"]) for q in quotes) == 3
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "bank.parquet"
    code, out = invoke("export", "--db", db, "--format", "parquet", "-o", str(target))
    assert code == 0, out
    table = pq.read_table(target)
    assert table.num_rows == 3
    assert sorted(set(table.column("outlet").to_pylist())) == ["Alpha", "Beta"]
    code, out = invoke("export", "--db", db, "--format", "parquet")
    assert code == 2 and "--output" in out


@pytest.mark.parametrize("command", ["ingest", "search", "speakers", "export"])
def test_every_command_has_help(command: str) -> None:
    code, out = invoke(command, "--help")
    assert code == 0 and "--db" in out


def test_ingest_command_reports_skips_and_exits_1(tmp_path: Path) -> None:
    db = str(tmp_path / "bank.db")
    code, out = invoke("ingest", str(DATA / "bad"), "--db", db, "--workers", "1", "--progress")
    assert code == 1
    assert "art/s]" in out  # the bar: count, rate and ETA
    assert "1 articles stored" in out and "6 failed" in out
    assert "skipped [E103]" in out and "latin1.txt:2" in out
    code, out = invoke("ingest", str(DATA / "bad"), "--db", db, "--workers", "1")
    assert "0 articles stored, 1 already there" in out


def test_ray_engine_without_ray_gives_the_pip_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from saidwhen.engine.ray import require_ray
    from saidwhen.errors import SaidwhenError

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(SaidwhenError, match=r"pip install 'saidwhen\[ray\]'"):
        require_ray()
