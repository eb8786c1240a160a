"""The quote bank under faults: a symlink, a full disk, read-only media, a damaged file."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from saidwhen.cli import main
from saidwhen.errors import (
    BankBusyError,
    DamagedBankError,
    DiskFullError,
    NotABankError,
    ReadOnlyBankError,
)
from saidwhen.store import Store, connect
from tests.store_helpers import person, quote, record


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _records(n: int, start: int = 0, words: int = 8) -> list[object]:
    out = []
    for i in range(start, start + n):
        text = " ".join(f"word{i}x{j}" for j in range(words))
        out.append(
            record(f"a{i}", "2022-01-10", [quote(text, "Ann Lee")], "Alpha", [person("Ann Lee")])
        )
    return out


def _fill(path: Path, n: int = 30) -> None:
    with Store(path) as store:
        store.add(_records(n))  # type: ignore[arg-type]


def _export(db: Path | str) -> list[dict[str, object]]:
    code, out, err = invoke("export", "--db", str(db))
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    """A real, small tmpfs mounted at ``where`` (needs root: CAP_SYS_ADMIN)."""
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (not root?): {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _remount_readonly(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)


# -- 5. one writer per real file ---------------------------------------------------------


def test_a_second_writer_through_a_symlink_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "bank.db"
    link = tmp_path / "other" / "alias.db"
    link.parent.mkdir()
    link.symlink_to(real)
    with Store(real), pytest.raises(BankBusyError, match="another saidwhen process"):
        Store(link)
    with Store(link), pytest.raises(BankBusyError):  # either way round
        Store(real)


# -- 6. disk full ------------------------------------------------------------------------


def _full_then_valid(db: Path, store: Store) -> None:
    stored_before = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    with pytest.raises(DiskFullError, match=r"\[E202\].*no room left"):
        for i in range(200):
            store.add(_records(20, start=1000 + 20 * i, words=200))  # type: ignore[arg-type]
    after = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert after >= stored_before and after % 20 == stored_before % 20  # whole batches only
    store.close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (after,)


def test_disk_full_on_a_real_small_filesystem_is_a_coded_error_and_the_bank_stays_valid(
    tmp_path: Path,
) -> None:
    with tmpfs(tmp_path / "mnt", "600k") as mnt:
        db = mnt / "bank.db"
        _fill(db)
        _full_then_valid(db, Store(db))


def test_disk_full_simulated_by_sqlite_max_page_count(tmp_path: Path) -> None:
    # SQLite answers SQLITE_FULL when a file reaches max_page_count, as on a full disk
    db = tmp_path / "bank.db"
    _fill(db)
    store = Store(db)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 40}")
    _full_then_valid(db, store)


def test_ingest_onto_a_full_disk_ends_in_a_coded_error(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"id": f"n{i}", "date": "2024-01-02", "text": f'"Item {i} " said Ann Lee. ' * 40}
        for i in range(40)
    ]
    feed.write_text("\n".join(json.dumps(r) for r in lines) + "\n")
    with tmpfs(tmp_path / "mnt", "200k") as mnt:
        code, _, err = invoke("ingest", str(feed), "--db", str(mnt / "bank.db"), "--workers", "1")
        assert code == 1
        assert "[E202]" in err and "Traceback" not in err
        with sqlite3.connect(mnt / "bank.db") as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


# -- 7. read-only media ------------------------------------------------------------------


def test_a_bank_on_read_only_media_is_read_and_not_written(tmp_path: Path) -> None:
    src = tmp_path / "src.db"
    _fill(src, 5)
    want = _export(src)
    with tmpfs(tmp_path / "mnt", "4m") as mnt:
        db = mnt / "bank.db"
        _fill(db, 5)
        _remount_readonly(mnt)
        assert not (mnt / "bank.db-shm").exists()
        assert _export(db) == want
        code, out, err = invoke("search", "word1x1", "--db", str(db), "--format", "json")
        assert code == 0, err
        assert [r["text"] for r in json.loads(out)] == [
            "word1x0 " + " ".join(f"word1x{j}" for j in range(1, 8))
        ]
        code, out, err = invoke("speakers", "--db", str(db), "--format", "json")
        assert code == 0 and json.loads(out)[0]["name"] == "Ann Lee", err
        code, out, err = invoke("search", "--speaker", "Lee", "--db", str(db), "--format", "json")
        assert code == 0 and len(json.loads(out)) == 5, err
        feed = tmp_path / "a.txt"
        feed.write_text('date 2024-01-01\n"Hi," said Ann Lee.\n')
        code, _, err = invoke("ingest", str(feed), "--db", str(db), "--workers", "1")
        assert code == 1 and "[E203]" in err and "read-only" in err
        assert "Traceback" not in err
        with pytest.raises(ReadOnlyBankError):
            Store(db)


# -- 8. damaged banks and files that are not banks -----------------------------------------


def _damage(db: Path) -> None:
    """Overwrite the second half of the pages (the data, not the schema) with junk."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(db.read_bytes())
    junk = bytes(range(256)) * (page // 256)
    for off in range(page * (len(data) // page // 2), len(data), page):
        data[off : off + page] = junk[: len(data) - off]
    db.write_bytes(bytes(data))


READERS = [
    ["search", "--speaker", "Lee"],
    ["search", "word1x1"],
    ["speakers"],
    ["export"],
    ["export", "--format", "parquet", "-o", "{tmp}/out.parquet"],
]


@pytest.mark.parametrize("args", READERS, ids=lambda a: " ".join(a[:2]))
def test_a_damaged_bank_is_a_coded_error(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "bank.db"
    _fill(db, 300)
    _damage(db)
    connect(db, readonly=True).close()  # the schema is whole: the damage shows in a query
    code, _, err = invoke(*[a.format(tmp=tmp_path) for a in args], "--db", str(db))
    assert code == 1, err
    assert "Traceback" not in err
    assert "[E205]" in err and "damaged" in err and str(db) in err


@pytest.mark.parametrize("kind", ["empty", "other-sqlite", "text"])
@pytest.mark.parametrize("args", READERS, ids=lambda a: " ".join(a[:2]))
def test_a_file_that_is_not_a_bank_is_a_coded_error(
    tmp_path: Path, args: list[str], kind: str
) -> None:
    db = tmp_path / "bank.db"
    if kind == "empty":
        db.write_bytes(b"")
    elif kind == "other-sqlite":
        with sqlite3.connect(db) as conn:
            conn.execute("CREATE TABLE notes (x)")
    else:
        db.write_text("just some words, not a database at all\n" * 100)
    code, _, err = invoke(*[a.format(tmp=tmp_path) for a in args], "--db", str(db))
    assert code == 1, err
    assert "Traceback" not in err and "[E204]" in err and "not a saidwhen quote bank" in err


def test_readers_refuse_what_is_not_a_bank_in_the_library_too(tmp_path: Path) -> None:
    with pytest.raises(NotABankError, match="no quote bank"):
        connect(tmp_path / "missing.db", readonly=True)
    (tmp_path / "empty.db").write_bytes(b"")
    with pytest.raises(NotABankError):
        connect(tmp_path / "empty.db", readonly=True)
    db = tmp_path / "bank.db"
    _fill(db, 300)
    _damage(db)
    with pytest.raises(DamagedBankError):
        Store(db).add(_records(3, 500))  # type: ignore[arg-type]
    assert os.path.exists(db)


# -- 10. smaller ones ---------------------------------------------------------------------


def test_a_bank_of_a_newer_schema_is_read_with_a_warning(tmp_path: Path) -> None:
    from saidwhen.store.migrations import SCHEMA_VERSION

    db = tmp_path / "bank.db"
    _fill(db, 3)
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    for args in (["search", "word1x1"], ["speakers"]):
        code, out, err = invoke(*args, "--db", str(db), "--format", "json")
        assert code == 0 and json.loads(out), err
        assert "warning" in err and f"schema {SCHEMA_VERSION + 1}" in err


def test_ingest_goes_on_past_a_missing_path(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text('date 2024-01-01\n"We won," said Ann Lee.\n')
    missing = tmp_path / "missing.txt"
    db = tmp_path / "bank.db"
    code, _, err = invoke("ingest", str(missing), str(good), "--db", str(db), "--workers", "1")
    assert code == 1
    assert "1 articles stored" in err and "[E100]" in err and "missing.txt" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT source FROM articles").fetchall() == [(str(good),)]


def test_an_extractor_crash_has_its_own_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # no input is known to break the extractor (the fuzz test looks for one): a stand-in bug
    from saidwhen import pipeline

    real = pipeline.find_people

    def find_people(doc: object, *args: object) -> object:
        if "BOOM" in str(doc):
            raise RuntimeError("a bug")
        return real(doc, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "find_people", find_people)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "a", "date": "2024-01-01", "text": '"Fine," said Ann Lee.'})
        + "\n"
        + json.dumps({"id": "b", "date": "2024-01-01", "text": '"BOOM," said Ann Lee.'})
        + "\n"
    )
    code, out, err = invoke("extract", str(feed), "--format", "jsonl")
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a"]
    assert "[E107]" in err and "feed.jsonl:2" in err and "[E105]" not in err
    db = tmp_path / "bank.db"
    code, _, err = invoke("ingest", str(feed), "--db", str(db), "--workers", "1")
    assert code == 1 and "[E107]" in err and "1 articles stored" in err


@pytest.mark.parametrize("wildcard", ["%", "_", "%%", "_ _", "\\"])
def test_like_wildcards_in_a_speaker_match_only_themselves(tmp_path: Path, wildcard: str) -> None:
    db = tmp_path / "bank.db"
    _fill(db, 3)
    code, out, err = invoke("search", "--speaker", wildcard, "--db", str(db), "--format", "json")
    assert code == 0, err
    assert json.loads(out) == []
    code, out, err = invoke("search", "--speaker", "nn L", "--db", str(db), "--format", "json")
    assert len(json.loads(out)) == 3  # a part of a name still finds it


HOSTILE = "Stop\x1b[2J\x1b]0;pwned\x07 now\x9b31m \u202eevil"


def _hostile_bank(tmp_path: Path) -> Path:
    db = tmp_path / "bank.db"
    with Store(db) as store:
        store.add([record("h", "2022-01-10", [quote(HOSTILE, "Ann\x1b[31m Lee")], "Out\x1blet")])
    return db


@pytest.mark.parametrize(
    "args", [["search", "Stop"], ["speakers"], ["search", "Stop", "--topics"]], ids=str
)
def test_tables_escape_terminal_control_characters(tmp_path: Path, args: list[str]) -> None:
    db = _hostile_bank(tmp_path)
    code, out, err = invoke(*args, "--db", str(db), "--format", "table")
    assert code == 0, err
    assert out.strip()
    assert not any(c in out for c in "\x1b\x07\x9b\u202e")
    if args[0] == "search":
        assert "\\x1b[2J" in out and "\\u202e" in out


def test_extract_and_timeline_tables_escape_terminal_control_characters(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text(f'date 2024-01-01\n"{HOSTILE}," said Ann Lee on Monday.\n')
    for args in (["extract", str(art), "--format", "table"], ["timeline", str(art)]):
        code, out, err = invoke(*args)
        assert code == 0, err
        assert "Ann Lee" in out and "\\x1b[2J" in out
        assert not any(c in out for c in "\x1b\x07\x9b\u202e")


def test_the_read_table_escapes_terminal_control_characters(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text(f'date 2024-01-01\n"{HOSTILE}," said Ann Lee.\n')
    code, out, err = invoke("read", str(art))
    assert code == 0, err
    assert "\\x1b[2J" in out and not any(c in out for c in "\x1b\x07\x9b\u202e")


def test_serve_reads_a_bank_on_read_only_media(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from saidwhen.web.server import create_app

    with tmpfs(tmp_path / "mnt", "4m") as mnt:
        db = mnt / "bank.db"
        _fill(db, 5)
        _remount_readonly(mnt)
        with TestClient(create_app(str(db))) as client:
            got = client.get("/api/search", params={"speaker": "Lee"})
            assert got.status_code == 200, got.text
            assert len(got.json()["results"]) == 5
            bad = client.get("/api/search", params={"limit": "x"})
            assert bad.status_code == 400 and "limit" in bad.text
