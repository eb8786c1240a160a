"""Words passed on by someone else in the quote bank (schema 6): "Inspectors say Mara Quill
told a clerk, '...'" is Quill's, reported by the inspectors, not on her record.

The store keeps each occurrence's reporter and its cue; search, export, ``bank load``
and ``bank merge`` carry them; an older bank opens with every row first hand.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from saidwhen.cli import main
from saidwhen.model import ArticleRecord, Quote, Span, Speaker
from saidwhen.store import Store, connect, counts, export_quotes, quote_occurrences, search
from saidwhen.store.migrations import SCHEMA_VERSION, migrations
from tests.store_helpers import quote, record

LOGS = "The ferry logs were rewritten twice"
TEXT = f'Harbour inspectors say Mara Quill told a clerk, "{LOGS}."'
PLAIN = "The night crossing stays"


def reported(
    text: str = TEXT,
    words: str = LOGS,
    speaker: str = "Mara Quill",
    mention: str = "Mara Quill",
    by: str | None = "harbour inspectors",
    by_mention: str = "Harbour inspectors",
    cue: str = "say",
) -> Quote:
    """A quote of ``text`` reported by ``by_mention`` (resolved to ``by``) with ``cue``."""
    s = text.index(words)
    m = text.index(mention)
    b = text.index(by_mention)
    c = text.index(cue, b + len(by_mention))
    return Quote(
        text=words,
        start=s,
        end=s + len(words),
        kind="direct",
        speaker=Speaker(speaker, mention, m, m + len(mention), "person"),
        cue=Span("told", text.index("told"), text.index("told") + 4),
        reported_by=Speaker(by, by_mention, b, b + len(by_mention), "group"),
        reported_cue=Span(cue, c, c + len(cue)),
    )


def article(id: str, date: str, quotes: list[Quote], outlet: str = "Bay News") -> ArticleRecord:
    return record(id, date, quotes, outlet)


EXPECTED_BY = {
    "name": "harbour inspectors",
    "mention": "Harbour inspectors",
    "start": 0,
    "end": 18,
    "type": "group",
}
EXPECTED_CUE = {"text": "say", "start": 19, "end": 22}


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "bank.db"
    with Store(path) as store:
        store.add([article("a", "2024-03-01", [reported(), quote(PLAIN, "Mara Quill", 80)])])
    return path


def test_an_occurrence_keeps_who_reports_it_and_by_which_cue(bank: Path) -> None:
    conn = connect(bank, readonly=True)
    (row,) = search(conn, "ferry logs")
    assert (row["speaker"], row["reported_by"]) == ("Mara Quill", "harbour inspectors")
    (occ,) = quote_occurrences(conn, row["id"])
    assert occ["reported_by"] == EXPECTED_BY
    assert occ["reported_cue"] == EXPECTED_CUE
    assert TEXT[occ["reported_cue"]["start"] : occ["reported_cue"]["end"]] == "say"
    (plain,) = search(conn, "night crossing")
    assert plain["reported_by"] is None  # on her record
    (occ,) = quote_occurrences(conn, plain["id"])
    assert (occ["reported_by"], occ["reported_cue"]) == (None, None)


@pytest.mark.parametrize(
    ("others", "expected"),
    [
        ([], "harbour inspectors"),
        # another outlet has her say it first hand: the words are hers on the record
        ([quote(LOGS, "Mara Quill")], None),
        # two reporters: the most frequent
        (
            [
                reported(f"Port staff say Mara Quill told a clerk, '{LOGS}'", by="port staff",
                         by_mention="Port staff"),
                reported(by="harbour inspectors"),
            ],
            "harbour inspectors",
        ),
        # an unresolved reporter ("they") is shown by its mention
        ([reported(f"They say Mara Quill told a clerk: {LOGS}", by=None, by_mention="They")]
         * 2, "They"),
    ],
)  # fmt: skip
def test_a_quote_carried_by_several_articles_is_reported_while_none_has_it_first_hand(
    tmp_path: Path, others: list[Quote], expected: str | None
) -> None:
    with Store(tmp_path / "bank.db") as store:
        store.add([article("a", "2024-03-01", [reported()])])
        for i, q in enumerate(others):
            store.add([article(f"o{i}", "2024-03-02", [q], outlet=f"Outlet {i}")])
        (row,) = search(store.conn, "ferry logs")
        assert row["occurrences"] == len(others) + 1 and not row["conflict"]
        assert row["reported_by"] == expected


SECOND = "The clerk kept a second ledger"
SELF_TEXT = f'Mara Quill said she told a clerk, "{SECOND}."'


def own_words() -> Quote:
    return reported(SELF_TEXT, SECOND, by="Mara Quill", by_mention="Mara Quill", cue="said")


def test_a_speaker_recounting_their_own_words_has_them_on_the_record(tmp_path: Path) -> None:
    with Store(tmp_path / "bank.db") as store:
        store.add([article("a", "2024-03-01", [own_words()])])
        (row,) = search(store.conn, "second ledger")
        assert row["reported_by"] is None
        (occ,) = quote_occurrences(store.conn, row["id"])
        assert occ["reported_by"]["name"] == "Mara Quill"  # kept as extracted


def _version_5_bank(path: Path) -> None:
    """A bank as saidwhen wrote it before schema 6: occurrences without a reporter."""
    with Store(path) as store:
        store.add([article("old", "2023-01-05", [quote(PLAIN, "Mara Quill")])])
    conn = sqlite3.connect(path)
    # drop the reporter columns as a version-5 bank never had them
    for col in (
        "reported_by", "reported_mention", "reported_start", "reported_end", "reported_type",
        "reported_cue", "reported_cue_start",
    ):  # fmt: skip
        conn.execute(f"ALTER TABLE occurrences DROP COLUMN {col}")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()


def test_an_old_bank_reads_as_first_hand_and_upgrades_without_loss(tmp_path: Path) -> None:
    assert [n for n, _, _ in migrations()][-1] == SCHEMA_VERSION >= 6
    path = tmp_path / "v5.db"
    _version_5_bank(path)
    old = connect(path, readonly=True)  # a reader never upgrades
    before = counts(old)
    (row,) = search(old, "night crossing")
    assert row["reported_by"] is None
    assert [o["reported_by"] for o in quote_occurrences(old, row["id"])] == [None]
    old_export = list(export_quotes(old))
    old.close()
    with Store(path) as store:  # the writer upgrades: nothing lost, old rows first hand
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert counts(store.conn) == before
        assert list(export_quotes(store.conn)) == old_export
        store.add([article("new", "2024-03-01", [reported()])])
    conn = connect(path, readonly=True)
    assert search(conn, "ferry logs")[0]["reported_by"] == "harbour inspectors"
    assert search(conn, "night crossing")[0]["reported_by"] is None


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_search_table_shows_the_reporter_and_csv_and_json_carry_it(bank: Path) -> None:
    table = _cli("search", "--db", str(bank))
    (line,) = [x for x in table.splitlines() if LOGS in x]
    assert "Mara Quill (reported by harbour inspectors)" in line
    (plain,) = [x for x in table.splitlines() if PLAIN in x]
    assert "reported by" not in plain
    rows = list(csv.DictReader(io.StringIO(_cli("search", "--db", str(bank), "--format", "csv"))))
    assert {r["text"]: (r["speaker"], r["reported_by"]) for r in rows} == {
        LOGS: ("Mara Quill", "harbour inspectors"),
        PLAIN: ("Mara Quill", ""),
    }
    for fmt in ("json", "jsonl"):
        out = _cli("search", "ferry", "--db", str(bank), "--format", fmt)
        (r,) = json.loads(out) if fmt == "json" else [json.loads(x) for x in out.splitlines()]
        assert r["reported_by"] == "harbour inspectors"


def test_export_jsonl_and_parquet_carry_the_reporter(bank: Path, tmp_path: Path) -> None:
    lines = [json.loads(x) for x in _cli("export", "--db", str(bank)).splitlines()]
    by_text = {q["text"]: q for q in lines}
    assert by_text[LOGS]["reported_by"] == "harbour inspectors"
    assert by_text[LOGS]["occurrences"][0]["reported_by"] == EXPECTED_BY
    assert by_text[LOGS]["occurrences"][0]["reported_cue"] == EXPECTED_CUE
    assert by_text[PLAIN]["occurrences"][0]["reported_by"] is None
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "bank.parquet"
    _cli("export", "--db", str(bank), "--format", "parquet", "-o", str(out))
    rows = {r["text"]: r for r in pq.read_table(out).to_pylist()}
    assert (rows[LOGS]["reported_by"], rows[LOGS]["reported_mention"]) == (
        "harbour inspectors",
        "Harbour inspectors",
    )
    assert (rows[LOGS]["reported_cue"], rows[LOGS]["reported_cue_start"]) == ("say", 19)
    assert rows[PLAIN]["reported_by"] is None


def _shards(out: Path, records: list[ArticleRecord]) -> None:
    from saidwhen.engine.base import Result
    from saidwhen.engine.inputs import Work
    from saidwhen.engine.shards import write_shard

    for i, r in enumerate(records):  # one work an article, as a run over three files writes
        work = Work(id=f"w{i}", order=(f"in{i}", 0))
        write_shard(str(out), work, Result(work.id, records=[r], keys=[(f"k{i}", f"h{i}")]))


def test_bank_load_and_bank_merge_carry_the_reporter(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from saidwhen.engine.merge import merge, read_merged
    from saidwhen.store.load import load

    out = tmp_path / "shards"
    first_hand = f'Mara Quill said: "{PLAIN}."'
    _shards(
        out,
        [
            article("a", "2024-03-01", [reported()]),
            article("b", "2024-03-02", [reported(by="harbour inspectors")], outlet="Tide"),
            article("c", "2024-03-03", [quote(PLAIN, "Mara Quill", first_hand.index(PLAIN))]),
            article("d", "2024-03-04", [own_words()]),
        ],
    )
    load(out, tmp_path / "bank.db")
    conn = connect(tmp_path / "bank.db", readonly=True)
    (row,) = search(conn, "ferry logs")
    assert row["reported_by"] == "harbour inspectors" and row["occurrences"] == 2
    assert [o["reported_cue"] for o in quote_occurrences(conn, row["id"])] == [EXPECTED_CUE] * 2
    merge(str(out))
    merged: dict[str, Any] = {q["text"]: q for q in read_merged(str(out), "quotes")}
    assert merged[LOGS]["reported_by"] == "harbour inspectors"
    assert merged[LOGS]["n_occurrences"] == 2 and merged[LOGS]["speaker"] == "Mara Quill"
    assert merged[PLAIN]["reported_by"] is None
    assert merged[SECOND]["reported_by"] is None  # her own words
