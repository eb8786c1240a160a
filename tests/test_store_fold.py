"""Search compares words as the bank merges them (schema 5): the 0005 migration, hand cases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from saidwhen.normalise import normalise
from saidwhen.store import Store, connect, counts, search
from saidwhen.store.merge import text_hash
from saidwhen.store.migrations import SCHEMA_VERSION, migrations
from saidwhen.store.pages import search_page
from saidwhen.store.search import Filters, fts_query
from tests.store_helpers import quote, record


def _texts(conn: sqlite3.Connection, text: str) -> list[str]:
    return [r["text"] for r in search(conn, text)]


def _index_is_sound(conn: sqlite3.Connection) -> None:
    """FTS5's own check of the index against the content it was built from (raises if not)."""
    conn.execute("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)")


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("Die Straße bleibt zu", "STRASSE"),  # ß folds to ss
        ("WE CLOSE THE STRASSE", "straße"),
        ("The ﬁnal offer stands", "final offer"),  # a ligature
        ("the final offer stands", "ﬁnal"),
        ("ΟΔΟΣ κλειστη", "οδος"),  # Greek final sigma
        ("We Won Big", "we won big"),  # capitals, as before
        ("Le résumé est prêt", "resume est pret"),  # accents, as before
        ("le resume est pret", "Résumé"),
        ("I don't care", "dont care"),  # an apostrophe joins, as in the merge key
        ("I dont care", "don't"),
        ("Ｆｕｌｌ width", "full width"),  # NFKC
        ("the state-run port", "state-run"),  # a chunk stays a phrase
    ],
)
def test_search_finds_every_form_the_bank_folds(tmp_path: Path, stored: str, query: str) -> None:
    with Store(tmp_path / "bank.db") as store:
        store.add([record("a", "2021-01-01", [quote(stored, "Ann Lee")])])
        assert _texts(store.conn, query) == [stored]
        page = search_page(store.conn, Filters(text=query))
        assert [r["text"] for r in page["results"]] == [stored]


def test_words_that_are_not_there_are_not_found(tmp_path: Path) -> None:
    with Store(tmp_path / "bank.db") as store:
        store.add([record("a", "2021-01-01", [quote("the state-run port is open", "Ann Lee")])])
        assert _texts(store.conn, "run state") == ["the state-run port is open"]  # both words
        assert _texts(store.conn, "run-state") == []  # a phrase, in this order
        assert _texts(store.conn, "port closed") == []
        assert fts_query("— “ ” !") is None  # no words: no text condition


def test_merged_forms_are_one_quote_found_by_either(tmp_path: Path) -> None:
    with Store(tmp_path / "bank.db") as store:
        store.add([record("a", "2021-01-01", [quote("Die Straße ist zu", "Ann Lee")])])
        store.add([record("b", "2021-01-02", [quote("DIE STRASSE IST ZU", "Ann Lee")])])
        assert counts(store.conn)["quotes"] == 1
        for q in ("straße", "STRASSE", "Strasse ist"):
            assert len(search(store.conn, q)) == 1, q
        _index_is_sound(store.conn)


def test_a_longer_form_replacing_the_text_is_indexed_in_its_place(tmp_path: Path) -> None:
    short = "Die Straße bleibt bis Mai gesperrt"
    long = "Die Straße bleibt bis Mai gesperrt, sagte der Bürgermeister der Stadt"
    with Store(tmp_path / "bank.db") as store:
        store.add([record("a", "2021-01-01", [quote(short, "Ann Lee")])])
        store.add([record("b", "2021-01-02", [quote(long, "Ann Lee")])])
        assert counts(store.conn)["quotes"] == 1
        assert _texts(store.conn, "BÜRGERMEISTER strasse") == [long]
        _index_is_sound(store.conn)


def _version_4_bank(path: Path) -> None:
    """A bank as saidwhen wrote it before schema 5: its index holds the quotes' text."""
    conn = sqlite3.connect(path)
    for number, _, sql in migrations():
        if number <= 4:
            conn.executescript(sql)
    conn.executescript(
        "INSERT INTO articles (id, key, ext_id, outlet, date, content_hash, n_quotes)"
        " VALUES (1, 'k1', 'old-1', 'Bay News', '2021-03-04', 'h1', 2);"
        "INSERT INTO people (id, name, first, surname, n_occurrences)"
        " VALUES (1, 'Lena Ort', 'Lena', 'Ort', 2);"
        "INSERT INTO quotes (id, text, kind, first_seen, speaker_id, n_speakers)"
        " VALUES (1, 'Die Straße am Hafen bleibt offen', 'direct', '2021-03-04', 1, 1),"
        " (2, 'the ﬁnal offer', 'indirect', '2021-03-04', 1, 1);"
        "INSERT INTO quote_speakers VALUES (1, 1), (2, 1);"
        "INSERT INTO occurrences (quote_id, article_id, start, end, kind, speaker_id, said)"
        " VALUES (1, 1, 0, 20, 'direct', 1, '2021-03-04'),"
        " (2, 1, 30, 46, 'indirect', 1, '2021-03-04');"
    )
    for qid, text in conn.execute("SELECT id, text FROM quotes").fetchall():
        conn.execute("INSERT INTO quote_keys VALUES (?, ?)", (text_hash(normalise(text)), qid))
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()


def test_a_version_4_bank_searches_as_before_and_upgrades_to_folded_words(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v4.db"
    _version_4_bank(path)
    old = connect(path, readonly=True)  # a reader never upgrades: the text as indexed
    before = counts(old)
    assert _texts(old, "Straße am Hafen") == ["Die Straße am Hafen bleibt offen"]
    assert _texts(old, "ﬁnal offer") == ["the ﬁnal offer"]
    old.close()
    with Store(path) as store:  # the writer upgrades: old rows are indexed by their words
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 5
        assert counts(store.conn) == before
        words = store.conn.execute("SELECT words FROM quotes ORDER BY id").fetchall()
        assert words == [("die strasse am hafen bleibt offen",), ("the final offer",)]
        _index_is_sound(store.conn)
        store.add([record("new", "2022-01-01", [quote("DIE STRASSE AM HAFEN BLEIBT OFFEN")])])
        assert counts(store.conn)["quotes"] == 2  # merged with the old row
    conn = connect(path, readonly=True)
    assert _texts(conn, "STRASSE hafen") == ["Die Straße am Hafen bleibt offen"]
    assert _texts(conn, "Straße") == ["Die Straße am Hafen bleibt offen"]
    assert _texts(conn, "final") == ["the ﬁnal offer"]
    assert _texts(conn, "ﬁnal offer") == ["the ﬁnal offer"]
    conn.close()
