"""One person across outlets in the quote bank: hand-written articles through ``ingest``."""

from __future__ import annotations

from pathlib import Path

import pytest

from saidwhen.engine.local import ingest
from saidwhen.store import connect, search, speakers

QUOTE = "The bay has never been this warm in November"
ARTICLES = {
    # one outlet names the fisherman with his title ...
    "coast-herald.txt": (
        "date 2021-11-03\n"
        "Fisherman Sam Ortiz, who has worked the bay for thirty years, came home with an "
        "empty net on Tuesday.\n\n"
        f'"{QUOTE}," Ortiz said.\n'
    ),
    # ... another only calls him the fisherman
    "bay-daily.txt": (
        "date 2021-11-04\n"
        "Boats stayed in the harbor again this week as the water kept warming.\n\n"
        f'"{QUOTE}," the fisherman said. "The fish have gone north."\n'
    ),
    # a namesake: another Ortiz, never the fisherman
    "state-news.txt": (
        "date 2021-11-05\n"
        "Senator Ana Ortiz asked the state to fund a study of the bay.\n\n"
        '"We need numbers before we need slogans," Ortiz said.\n'
    ),
}


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("outlets")
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    db = root / "bank.db"
    ingest([root], db, workers=1)
    return db


def test_one_quote_two_forms_of_one_person_no_conflict(bank: Path) -> None:
    conn = connect(bank, readonly=True)
    (row,) = search(conn, "bay never this warm November")
    assert row["occurrences"] == 2
    assert row["speaker"] == "Sam Ortiz"
    assert not row["conflict"]


def test_namesakes_stay_apart_and_names_are_canonical(bank: Path) -> None:
    conn = connect(bank, readonly=True)
    people = {p["name"]: p for p in speakers(conn)}
    assert {"Sam Ortiz", "Ana Ortiz"} <= set(people)
    assert not any("Fisherman" in n or "Senator" in n for n in people)
    assert "the fisherman" in people["Sam Ortiz"]["aliases"]
    assert {r["speaker"] for r in search(conn, speaker="Ana Ortiz")} == {"Ana Ortiz"}
    assert {r["speaker"] for r in search(conn, speaker="Sam Ortiz")} == {"Sam Ortiz"}
