"""Topic records in the quote bank: the 0002 migration, the flags at ingest, the search filter."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from saidwhen.cli import main
from saidwhen.model import Quote
from saidwhen.store import Store, connect, counts, quote_occurrences, search
from saidwhen.store.migrations import SCHEMA_VERSION, migrations
from tests.store_helpers import quote, record

STATEMENT = "The ferry will run every hour from April"
TOPIC = "the ferry timetable"


def topic(text: str, speaker: str | None = None) -> Quote:
    return dataclasses.replace(quote(text, speaker), kind="indirect", topic=True)


def said(text: str, speaker: str | None = None) -> Quote:
    return dataclasses.replace(quote(text, speaker), kind="indirect")


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "bank.db"
    with Store(path) as store:
        store.add(
            [
                record("a", "2022-05-01", [quote(STATEMENT, "Lena Ort"), topic(TOPIC, "Lena Ort")]),
                record("b", "2022-05-03", [topic("the harbour fees", "Lena Ort")], "Bay News"),
            ]
        )
    return path


def texts(path: Path, **kw: object) -> list[str]:
    return [r["text"] for r in search(connect(path, readonly=True), **kw)]  # type: ignore[arg-type]


def test_search_leaves_topics_out_unless_asked(bank: Path) -> None:
    assert texts(bank) == [STATEMENT]
    assert texts(bank, topics=True) == ["the harbour fees", TOPIC, STATEMENT]
    rows = search(connect(bank, readonly=True), "ferry", topics=True)
    assert {r["text"]: r["topic"] for r in rows} == {STATEMENT: False, TOPIC: True}


def test_dates_and_outlet_filters_leave_topics_out_too(bank: Path) -> None:
    assert texts(bank, date_from="2022-05-02") == []
    assert texts(bank, date_from="2022-05-02", topics=True) == ["the harbour fees"]
    assert texts(bank, outlet="Bay News") == []
    assert texts(bank, speaker="Ort") == [STATEMENT]


def test_occurrences_keep_their_flag_and_a_statement_clears_the_quote(bank: Path) -> None:
    with Store(bank) as store:  # the same words, said this time (another article)
        store.add([record("c", "2022-06-01", [said(TOPIC, "Lena Ort")], "Bay News")])
    conn = connect(bank, readonly=True)
    assert TOPIC in texts(bank)
    (row,) = search(conn, "timetable")
    assert row["topic"] is False
    assert [o["topic"] for o in quote_occurrences(conn, row["id"])] == [True, False]
    # ... and a topic occurrence of a statement leaves it a statement
    with Store(bank) as store:
        store.add([record("d", "2022-06-02", [topic(STATEMENT, "Lena Ort")])])
    assert STATEMENT in texts(bank)


def test_a_statement_and_its_topic_in_one_batch(tmp_path: Path) -> None:
    path = tmp_path / "one.db"
    with Store(path) as store:
        store.add(
            [record("a", "2022-01-01", [topic(TOPIC)]), record("b", "2022-01-02", [said(TOPIC)])]
        )
    assert texts(path) == [TOPIC]


def _version_1_bank(path: Path) -> None:
    """A bank as saidwhen wrote it before topics: schema 0001 only, rows by hand."""
    number, _, sql = migrations()[0]
    assert number == 1
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.executescript(
        "INSERT INTO articles (id, key, ext_id, outlet, date, content_hash, n_quotes)"
        " VALUES (1, 'k1', 'old-1', 'Bay News', '2021-03-04', 'h1', 2);"
        "INSERT INTO people (id, name, first, surname, n_occurrences)"
        " VALUES (1, 'Lena Ort', 'Lena', 'Ort', 2);"
        "INSERT INTO quotes (id, text, kind, first_seen, speaker_id, n_speakers)"
        " VALUES (1, 'The old pier is safe', 'direct', '2021-03-04', 1, 1),"
        " (2, 'the pier repairs', 'indirect', '2021-03-04', 1, 1);"
        "INSERT INTO quote_speakers VALUES (1, 1), (2, 1);"
        "INSERT INTO occurrences (quote_id, article_id, start, end, kind, speaker_id, said)"
        " VALUES (1, 1, 0, 20, 'direct', 1, '2021-03-04'),"
        " (2, 1, 30, 46, 'indirect', 1, '2021-03-04');"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_a_version_1_bank_is_read_as_is_and_upgrades_without_loss(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    _version_1_bank(path)
    # a reader never writes: it reads the old bank, every record a statement
    old = connect(path, readonly=True)
    before = counts(old)
    rows = search(old, topics=False)
    assert [(r["text"], r["topic"]) for r in rows] == [
        ("the pier repairs", False),
        ("The old pier is safe", False),
    ]
    assert quote_occurrences(old, 2)[0]["topic"] is False
    old.close()
    # the writer upgrades it: one more column each, nothing lost
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
        assert counts(store.conn) == before
        store.add([record("new", "2022-01-01", [topic("the ferry fares", "Lena Ort")])])
    conn = connect(path, readonly=True)
    assert conn.execute("SELECT topic FROM quotes ORDER BY id").fetchall() == [(0,), (0,), (1,)]
    assert texts(path) == ["the pier repairs", "The old pier is safe"]
    assert texts(path, speaker="Lena Ort", topics=True)[0] == "the ferry fares"
    old_person = conn.execute("SELECT name, n_occurrences FROM people WHERE id = 1").fetchone()
    assert old_person == ("Lena Ort", 2)


def test_cli_search_topics_flag_and_kind_column(bank: Path) -> None:
    run = CliRunner().invoke
    default = run(main, ["search", "--db", str(bank), "--format", "json"])
    assert [r["text"] for r in json.loads(default.output)] == [STATEMENT]
    table = run(main, ["search", "--db", str(bank), "--topics"])
    assert table.exit_code == 0, table.output
    head, _, *rows = table.output.splitlines()
    assert "kind" in [h.strip() for h in head.split(" | ")]
    assert any("| topic" in r and TOPIC in r for r in rows)
    assert any("| direct" in r and STATEMENT in r for r in rows)


def test_export_carries_the_flag(bank: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    result = CliRunner().invoke(main, ["export", "--db", str(bank), "-o", str(out)])
    assert result.exit_code == 0, result.output
    flags = {q["text"]: q["topic"] for q in map(json.loads, out.read_text().splitlines())}
    assert flags == {STATEMENT: False, TOPIC: True, "the harbour fees": True}
