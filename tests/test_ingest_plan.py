"""Planning works: the parent lists and cuts inputs without reading articles; workers read them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from saidwhen.cli import main
from saidwhen.engine.inputs import BATCH, Part, chunk_items, plan, read_work
from saidwhen.errors import InputError
from saidwhen.io.readers import read_paths
from saidwhen.model import Article

DATA = Path(__file__).parent / "data" / "store"


def write_jsonl(path: Path, n: int, bad: set[int]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(1, n + 1):
            if i in bad:
                f.write("{not json\n")
            else:
                rec = {"date": "2024-05-14", "text": f'"Line {i} is here," said Ada Roe.'}
                f.write(json.dumps(rec) + "\n")


def _where(item: Article | InputError) -> tuple[str, str]:
    if isinstance(item, InputError):
        return ("error", f"{item.source}:{item.line}")
    return (item.id, item.source)


@pytest.mark.parametrize(
    ("n", "bad", "piece", "works"),
    [
        (10, set(), 1 << 20, 1),  # one piece
        (70, set(), 1 << 20, 3),  # cut every BATCH records
        (70, {1, 33, 70}, 1 << 20, 3),  # bad lines keep their line numbers in any piece
        (20, {5}, 60, 19),  # cut by bytes: one line of 75 bytes a piece; the short bad
        # line and the next make one
        (20, set(), 200, 7),  # three a piece
    ],
)
def test_jsonl_pieces_read_as_the_whole_file(
    tmp_path: Path, n: int, bad: set[int], piece: int, works: int
) -> None:
    path = tmp_path / "wire.jsonl"
    write_jsonl(path, n, bad)
    planned = list(plan([path], piece=piece))
    assert len(planned) == works
    assert all(len(w.parts) == 1 and w.n <= BATCH for w in planned)
    pieces = [_where(x) for w in planned for x in read_work(w)]
    assert pieces == [_where(x) for x in read_paths([path])]
    assert sum(w.n for w in planned) == n


def test_small_files_are_grouped_sorted_and_listed_once(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.txt"):
        (tmp_path / name).write_text("date 2024-05-14\nThe pier opened, said Ada Roe.\n")
    (tmp_path / ".hidden.txt").write_text("date 2024-05-14\nnot read\n")
    given = [tmp_path / "c.txt", tmp_path, tmp_path / "a.txt"]
    (work,) = plan(given)
    assert [Path(p.path).name for p in work.parts] == ["a.txt", "b.txt", "c.txt"]
    assert work.parts[0] == Part(str(tmp_path / "a.txt"))
    (again,) = plan(list(reversed(given)))
    assert again.id == work.id  # the same work, the same marker


def test_a_file_that_vanished_is_a_failure_of_the_worker(tmp_path: Path) -> None:
    gone = tmp_path / "gone.txt"
    gone.write_text("date 2024-05-14\nText.\n")
    (work,) = plan([gone])
    gone.unlink()
    (err,) = read_work(work)
    assert isinstance(err, InputError) and "cannot read" in str(err) and "gone.txt" in str(err)


def test_items_in_memory_are_chunked_and_their_errors_kept() -> None:
    import datetime as dt

    arts = [Article(text=f"t{i}", date=dt.date(2024, 5, 14), id=str(i)) for i in range(40)]
    bad = InputError("x.jsonl", "broken", 3)
    failures: list[InputError] = []
    works = list(chunk_items([*arts[:5], bad, *arts[5:]], failures))
    assert [len(w.articles) for w in works] == [BATCH, 40 - BATCH]
    assert failures == [bad]
    assert [a for w in works for a in read_work(w)] == arts


def test_bank_commands_have_help_and_refuse_a_foreign_directory(tmp_path: Path) -> None:
    for cmd in (["bank", "load", "--help"], ["bank", "merge", "--help"]):
        result = CliRunner().invoke(main, cmd)
        assert result.exit_code == 0 and "DIR" in result.output
    result = CliRunner().invoke(main, ["bank", "load", str(tmp_path), "--db", str(tmp_path / "b")])
    assert result.exit_code == 1
    assert str(tmp_path) in result.output and "no finished works" in result.output


def test_failures_go_through_the_shards_into_the_bank(tmp_path: Path) -> None:
    import sqlite3

    out, db = tmp_path / "out", tmp_path / "bank.db"
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(DATA / "bad"), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 1, result.output
    assert "1 articles stored" in result.output and "6 failed" in result.output
    result = runner.invoke(main, ["bank", "load", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        codes = sorted(c for (c,) in conn.execute("SELECT code FROM failures"))
        (n,) = conn.execute("SELECT count(*) FROM articles").fetchone()
    assert n == 1
    assert codes == ["E101", "E102", "E103", "E104", "E104", "E105"]


def test_records_come_back_from_the_shards_as_extracted(tmp_path: Path) -> None:
    from saidwhen.engine.base import Options, run_work
    from saidwhen.engine.shards import iter_works

    works = list(plan([DATA / "inputs"]))
    direct = [run_work(w, Options(keep_text=True)) for w in works]
    for w in works:
        run_work(w, Options(keep_text=True, out=str(tmp_path)))
    back = list(iter_works(str(tmp_path)))
    assert [(records, keys) for records, keys, _ in back] == [(r.records, r.keys) for r in direct]
    assert sum(len(rec.quotes) + len(rec.people) for rs, _, _ in back for rec in rs) > 10

    # shards written before a column was added still load: the column reads as empty
    import pyarrow.parquet as pq

    for path in (tmp_path / "people").iterdir():
        pq.write_table(pq.read_table(path).drop_columns(["aliases", "type"]), path)
    older = [rec for rs, _, _ in iter_works(str(tmp_path)) for rec in rs]
    assert all(p.aliases == () and p.type == "person" for rec in older for p in rec.people)
    assert [r.quotes for r in older] == [r.quotes for res in direct for r in res.records]
