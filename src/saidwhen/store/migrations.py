"""The schema, created and upgraded by numbered SQL files (``NNNN_name.sql``).

``PRAGMA user_version`` holds the number of the last file applied; each file
runs in its own transaction, so an interrupted upgrade leaves the previous
version intact.
"""

from __future__ import annotations

import re
import sqlite3
from importlib import resources

from saidwhen.errors import StoreError
from saidwhen.normalise import normalise

__all__ = ["SCHEMA_VERSION", "migrate", "migrations"]

_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")
_THE_DISK_NOT_THE_SQL = {5, 8, 13}  # SQLite's BUSY, READONLY, FULL


def migrations() -> list[tuple[int, str, str]]:
    """(number, file name, SQL) of every migration, in order."""
    out = []
    for entry in resources.files("saidwhen.store").iterdir():
        m = _NAME.match(entry.name)
        if m:
            out.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(out)


SCHEMA_VERSION = max(n for n, _, _ in migrations())


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the missing migrations; returns the schema version now in place."""
    # for the migrations that compute from the rows (no connection needs it afterwards)
    conn.create_function("normalise", 1, normalise, deterministic=True)
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema {version}, newer than this saidwhen ({SCHEMA_VERSION}); "
            "upgrade saidwhen"
        )
    for number, name, sql in migrations():
        if number <= version:
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            # another process may have upgraded while this one waited for the lock
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if number > version:
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
                version = number
            conn.execute("COMMIT")
        except sqlite3.Error as err:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if getattr(err, "sqlite_errorcode", 0) & 0xFF in _THE_DISK_NOT_THE_SQL:
                raise  # the caller names it (disk full, read-only, busy)
            raise StoreError(f"migration {name} failed: {err}") from err
    return version


def _statements(sql: str) -> list[str]:
    """The statements of a script (a trigger body's semicolons do not end one)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if not buf and line.lstrip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
