"""The quote bank with hand-made records: idempotence, merging, conflicts, safety."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from saidwhen.errors import InputError, MissingDateError, StoreError
from saidwhen.store import Store, connect, counts, quote_occurrences, search
from saidwhen.store.migrations import SCHEMA_VERSION, migrations
from tests.store_helpers import bank_contents, person, quote, record

CARE = "I cannot express how little I care"
CARE_FULL = "I cannot express how little I care about what the committee decides next week."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "bank.db"


def two_outlets() -> list:
    return [
        record(
            "a1",
            "2021-03-02",
            [quote("“We won, and we won big,”", "Chrissy Teigen")],
            outlet="Daily Planet",
            people=[person("Chrissy Teigen", "model")],
        ),
        record(
            "b7",
            "2021-03-01",
            [quote('"we WON -- and we won big"', "Teigen")],
            outlet="The Bugle",
            people=[person("Teigen")],
        ),
    ]


def test_schema_created_by_numbered_migrations(db: Path) -> None:
    assert [n for n, _, _ in migrations()] == list(range(1, SCHEMA_VERSION + 1))
    with Store(db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(db):  # opening again applies nothing
        pass


def test_newer_schema_is_refused(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_same_records_twice_change_nothing(db: Path) -> None:
    with Store(db) as store:
        first = store.add(two_outlets())
        before = bank_contents(store.conn)
        again = store.add(two_outlets())
        assert bank_contents(store.conn) == before
    assert (first.articles, again.articles, again.skipped) == (2, 0, 2)
    assert before["counts"]["articles"] == 2 and before["counts"]["occurrences"] == 2


def test_same_quote_in_two_outlets_is_one_quote_with_every_occurrence(db: Path) -> None:
    with Store(db) as store:
        store.add(two_outlets())
        rows = search(store.conn, "won big")
    assert len(rows) == 1
    q = rows[0]
    assert q["occurrences"] == 2
    assert q["first_seen"] == "2021-03-01" and q["last_seen"] == "2021-03-02"
    assert sorted(q["outlets"]) == ["Daily Planet", "The Bugle"]
    assert q["speaker"] == "Chrissy Teigen" and not q["conflict"]


@pytest.mark.parametrize("order", [(CARE, CARE_FULL), (CARE_FULL, CARE)])
def test_near_duplicate_keeps_the_longest_form(db: Path, order: tuple[str, str]) -> None:
    recs = [
        record(f"n{i}", f"2020-01-0{i + 1}", [quote(t, "Ann Lee")], outlet=f"O{i}")
        for i, t in enumerate(order)
    ]
    with Store(db) as store:
        stats = store.add(recs)
        rows = search(store.conn, "express little care")
        occ = quote_occurrences(store.conn, rows[0]["id"])
    assert stats.merged_near == 1
    assert [r["text"] for r in rows] == [CARE_FULL]
    assert rows[0]["occurrences"] == 2 and rows[0]["first_seen"] == "2020-01-01"
    assert sorted(o["text"] for o in occ) == sorted(order)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("We'll see.", "We'll see what the voters say in November."),  # too short to be distinctive
        ("I care", "I cannot express how little I care"),
        ("The committee meets on Monday and Tuesday", "Nobody knows when the committee meets"),
    ],
)
def test_different_quotes_stay_apart(db: Path, a: str, b: str) -> None:
    with Store(db) as store:
        store.add(
            [record("x", "2020-01-01", [quote(a, "Ann Lee"), quote(b, "Ann Lee", start=100)])]
        )
        assert counts(store.conn)["quotes"] == 2


def test_same_words_from_different_people_are_flagged(db: Path) -> None:
    recs = [
        record("c1", "2020-02-01", [quote("Read my lips: no new taxes", "George Bush")], "A"),
        record("c2", "2020-02-02", [quote("read my lips, no new taxes!", "George Bush")], "B"),
        record("c3", "2020-02-03", [quote("Read my lips — no new taxes.", "Dan Quayle")], "C"),
    ]
    with Store(db) as store:
        store.add(recs)
        (row,) = search(store.conn, "lips")
    assert row["conflict"] is True
    assert row["speaker"] == "George Bush"
    assert row["speakers"] == [
        {"name": "George Bush", "occurrences": 2},
        {"name": "Dan Quayle", "occurrences": 1},
    ]


def test_speakers_merge_across_articles_but_not_blindly(db: Path) -> None:
    recs = [
        record(
            "p1",
            "2021-01-01",
            [quote("First words from the model here", "Chrissy Teigen")],
            people=[person("Chrissy Teigen", "the model")],
        ),
        record("p2", "2021-01-02", [quote("Second words from the model here", "Ms. Teigen")]),
        record("p3", "2021-01-03", [quote("Third words from the model here", "Teigen")]),
        record(
            "p4",
            "2021-01-04",
            [quote("A senator speaks about budgets", "John Smith")],
            people=[person("John Smith", "the senator from Ohio")],
        ),
        record(
            "p5",
            "2021-01-05",
            [quote("A painter speaks about colours", "Jane Smith")],
            people=[person("Jane Smith", "a painter")],
        ),
        record("p6", "2021-01-06", [quote("Somebody called Smith speaks", "Smith")]),
        record(
            "p7",
            "2021-01-07",
            [quote("The senator speaks once more", "Smith")],
            people=[person("Smith", "the senator")],
        ),
    ]
    with Store(db) as store:
        store.add(recs)
        by_name = {
            n: c
            for n, c in store.conn.execute(
                "SELECT p.name, count(*) FROM quote_speakers s JOIN people p ON p.id = s.person_id"
                " GROUP BY p.id"
            )
        }
        aliases = store.conn.execute(
            "SELECT aliases FROM people WHERE name = 'Chrissy Teigen'"
        ).fetchone()[0]
    assert by_name == {"Chrissy Teigen": 3, "John Smith": 2, "Jane Smith": 1, "Smith": 1}
    assert "Ms. Teigen" in aliases


def test_search_filters(db: Path) -> None:
    recs = [
        record("s1", "2022-01-10", [quote("Taxes will go down for everyone", "Ann Lee")], "Alpha"),
        record(
            "s2", "2022-02-10", [quote("Taxes will go up for nobody at all", "Bob Hart")], "Beta"
        ),
        record(
            "s3",
            "2022-03-10",
            [quote("The bridge opens in spring", "Ann Lee", when="2022-03-01")],
            "Beta",
        ),
    ]
    with Store(db) as store:
        store.add(recs)
        conn = store.conn

        def texts(**kw: object) -> list[str]:
            return sorted(r["text"] for r in search(conn, **kw))  # type: ignore[arg-type]

        assert texts(text="taxes") == [recs[0].quotes[0].text, recs[1].quotes[0].text]
        assert texts(text="taxes", speaker="Lee") == [recs[0].quotes[0].text]
        assert texts(speaker="Ann Lee") == sorted([recs[0].quotes[0].text, recs[2].quotes[0].text])
        assert texts(speaker="Nobody Known") == []
        assert texts(date_from="2022-02-01") == sorted(
            [recs[1].quotes[0].text, recs[2].quotes[0].text]
        )
        assert texts(date_to="2022-01-31") == [recs[0].quotes[0].text]
        # said on the 1st (the quote's own date), reported on the 10th
        assert texts(date_from="2022-03-01", date_to="2022-03-01") == [recs[2].quotes[0].text]
        assert texts(outlet="Beta", text="taxes") == [recs[1].quotes[0].text]
        assert texts(outlet="Beta", date_to="2022-02-28") == [recs[1].quotes[0].text]
        assert texts(text='taxes" OR (NEAR') == []  # FTS5 syntax in the input is inert
        assert len(search(conn, limit=2)) == 2


def test_failures_are_recorded_once(db: Path) -> None:
    errs: list[InputError] = [
        MissingDateError("a.txt", "no date", 1),
        InputError("b.bin", "binary"),
    ]
    with Store(db) as store:
        store.add_failures(errs)
        store.add_failures(errs)
        rows = store.conn.execute("SELECT source, line, code, reason FROM failures ORDER BY source")
        assert list(rows) == [("a.txt", 1, "E104", "no date"), ("b.bin", 0, "E100", "binary")]


def test_a_failed_batch_leaves_nothing_and_the_next_run_completes(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from saidwhen.store import db as dbmod

    def boom(self: object) -> None:
        raise KeyboardInterrupt

    with Store(db) as store:
        store.add(two_outlets()[:1])
        before = bank_contents(store.conn)
        monkeypatch.setattr(dbmod._BatchWriter, "flush", boom)
        with pytest.raises(KeyboardInterrupt):
            store.add(two_outlets())
        assert bank_contents(store.conn) == before
        monkeypatch.undo()
        store.add(two_outlets())
        after = counts(store.conn)
    assert after["articles"] == 2 and after["quotes"] == 1 and after["occurrences"] == 2
    assert after["people"] == 1


def test_one_writer_and_readers_meanwhile(db: Path) -> None:
    with Store(db) as store:
        with pytest.raises(StoreError, match="another saidwhen process"):
            Store(db)
        store.add(two_outlets()[:1])
        reader = connect(db, readonly=True)
        with store._transaction() as cur:  # a write in progress
            cur.execute("DELETE FROM occurrences")
            assert counts(reader)["occurrences"] == 1  # readers see the last commit
            with pytest.raises(sqlite3.OperationalError):
                reader.execute("DELETE FROM quotes")  # and cannot write
            cur.execute("ROLLBACK")
            cur.execute("BEGIN")
        reader.close()


def test_a_missing_or_foreign_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no quote bank"):
        connect(tmp_path / "none.db", readonly=True)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"\[E204\].*not a saidwhen quote bank"):
        Store(junk)


_TEXT = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), min_size=1, max_size=80
).filter(lambda s: any(c.isalnum() for c in s))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(_TEXT, min_size=1, max_size=6))
@example(texts=["ß", "SS"])  # one quote (the same words): found by either form
@example(texts=["a'b", "ab"])  # an apostrophe joins a word, in the bank and in search
def test_round_trip_every_stored_quote_is_found_and_counted(
    tmp_path: Path, texts: list[str]
) -> None:
    db = tmp_path / f"h{abs(hash(tuple(texts)))}.db"
    recs = [
        record(f"h{i}", "2020-05-05", [quote(t, "Ann Lee")], outlet="H")
        for i, t in enumerate(texts)
    ]
    with Store(db) as store:
        stats = store.add(recs)
        c = counts(store.conn)
        total = store.conn.execute("SELECT sum(n_occurrences) FROM people").fetchone()[0]
        for t in texts:
            assert search(store.conn, t), t
    db.unlink()
    assert c["occurrences"] == stats.occurrences == total == len(texts)
    assert c["quotes"] == stats.new_quotes <= len(texts)
