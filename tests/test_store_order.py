"""The bank follows from the set of articles ingested, not from their order (issue 12).

Hand-made articles where the order used to decide: a surname-only mention
first and the full name later ("Obama", then "Barack Obama"), a description
capitalised at the start of a sentence in one article and not in another
("The president", "the president"), a quote split evenly between two
speakers, the same words written otherwise, a quote direct in one article and
reported in another, a surname alone with two people of that surname. Each is
written in one writer and in several writers one after another (separate
ingests into one bank), in many orders; the exports must be identical, row
ids aside. The same with the real pipeline: two ``saidwhen ingest`` runs, and
in-memory items, in either order.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from saidwhen.cli import main
from saidwhen.engine.local import ingest
from saidwhen.model import Article, ArticleRecord, Quote
from saidwhen.store import Store, connect, export_quotes
from tests.store_helpers import person, quote, record

ROADS = "We will fix every road in this county before the winter comes."
BUDGET = "The budget is balanced and it will stay balanced."


def _indirect(text: str, speaker: str) -> Quote:
    q = quote(text, speaker)
    return Quote(
        text=q.text, start=q.start, end=q.end, kind="indirect", speaker=q.speaker, cue=q.cue
    )


ARTICLES: list[ArticleRecord] = [
    record("a", "2024-03-01", [quote(ROADS, "Obama")], "Gazette", [person("Obama")]),
    record(
        "b",
        "2024-03-02",
        [quote(ROADS, "Barack Obama"), quote(BUDGET, "The president")],
        "Herald",
        [person("Barack Obama", "the president")],
    ),
    record(
        "c",
        "2024-03-03",
        [quote(BUDGET.upper(), "the president"), quote("Taxes go down.", "Ann Lee")],
        "Courier",
    ),
    record(
        "d",
        "2024-03-04",
        [_indirect("taxes go down", "Zed Moss"), quote("Ports stay open.", "Sam Ortiz")],
        "Tribune",
    ),
    record("e", "2024-03-05", [quote("Ports stay open!", "the harbor master")], "Post"),
    # a surname alone, and two people of that surname: it stands for neither
    record("f", "2024-03-06", [quote("The river is rising.", "Moss")], "Post"),
    record("g", "2024-03-07", [quote("Bridges close at noon.", "Ivy Moss")], "Post"),
]


def export(db: Path) -> list[dict[str, Any]]:
    """The whole export without row ids, in an order ids do not decide."""
    out = []
    for q in export_quotes(connect(db, readonly=True)):
        q.pop("id")
        q["occurrences"] = sorted(q["occurrences"], key=json.dumps)
        out.append(q)
    return sorted(out, key=json.dumps)


def _bank(tmp_path: Path, batches: list[list[ArticleRecord]], name: str) -> list[dict[str, Any]]:
    db = tmp_path / f"{name}.db"
    for batch in batches:  # one writer each: separate ingests into one bank
        with Store(db) as store:
            store.add(batch)
    return export(db)


def test_the_articles_make_the_cases_they_are_meant_to(tmp_path: Path) -> None:
    got = {q["text"]: q for q in _bank(tmp_path, [ARTICLES], "all")}
    assert got[ROADS]["speaker"] == "Barack Obama"
    assert got[BUDGET]["speaker"] == "the president" and not got[BUDGET]["conflict"]
    assert got["Taxes go down."]["conflict"]  # one vote each: the tie goes by name
    assert got["Taxes go down."]["speaker"] == "Ann Lee"
    assert got["Taxes go down."]["kind"] == "direct"
    assert got["The river is rising."]["speaker"] == "Moss"
    assert len(got["Ports stay open!"]["occurrences"]) == 2  # "!" before "." in code points
    assert BUDGET.upper() not in got  # a shouting headline is not the text shown


@pytest.mark.parametrize("order", list(itertools.permutations(range(len(ARTICLES))))[::397])
def test_any_order_in_one_writer_gives_the_same_export(
    tmp_path: Path, order: tuple[int, ...]
) -> None:
    reference = _bank(tmp_path, [ARTICLES], "ref")
    assert _bank(tmp_path, [[ARTICLES[i] for i in order]], "perm") == reference


@pytest.mark.parametrize(
    "order", [(0, 1, 2, 3, 4, 5, 6), (6, 5, 4, 3, 2, 1, 0), (1, 0, 5, 3, 4, 6, 2)]
)
def test_one_writer_per_article_in_any_order_gives_the_same_export(
    tmp_path: Path, order: tuple[int, ...]
) -> None:
    reference = _bank(tmp_path, [ARTICLES], "ref")
    assert _bank(tmp_path, [[ARTICLES[i]] for i in order], "one-by-one") == reference


def test_a_bank_of_the_old_schema_gets_names_counted(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with Store(db) as store:
        store.add(ARTICLES[:1])
        store.conn.execute("UPDATE people SET names = '{}'")  # as migration 0004 leaves them
    with Store(db) as store:
        store.add(ARTICLES[1:])
    assert export(db) == _bank(tmp_path, [ARTICLES], "ref")


GAZETTE = """date 2024-05-14
Boats stay in the harbor

The fisherman stood on the pier on Monday. "Nobody goes out in this wind," the fisherman said.

"The nets can wait until Thursday," said Barack H. Obama, who owns the boat.
"""

HERALD = """date 2024-05-15
Wind keeps boats home

The fisherman said: "Nobody goes out in this wind."

"The nets can wait until Thursday," said Barack Obama.
"""


@pytest.mark.slow
def test_two_ingests_in_either_order_give_the_same_bank(tmp_path: Path) -> None:
    a, b = tmp_path / "gazette.txt", tmp_path / "herald.txt"
    a.write_text(GAZETTE, encoding="utf-8")
    b.write_text(HERALD, encoding="utf-8")
    exports = []
    for name, first, second in (("ab", a, b), ("ba", b, a)):
        db = tmp_path / f"{name}.db"
        for path in (first, second):
            args = ["ingest", str(path), "--db", str(db), "--workers", "1", "--no-progress"]
            result = CliRunner().invoke(main, args)
            assert result.exit_code == 0, result.output
        exports.append(export(db))
    assert exports[0] == exports[1]
    # the fullest name, and the description as written inside a sentence
    assert {q["speaker"] for q in exports[0]} == {"Barack H. Obama", "the fisherman"}


@pytest.mark.slow
def test_in_memory_items_in_either_order_give_the_same_bank(tmp_path: Path) -> None:
    items = [
        Article(text.split("\n", 1)[1], dt.date.fromisoformat(text[5:15]), id=name)
        for name, text in (("gazette", GAZETTE), ("herald", HERALD))
    ]
    exports = []
    for name, order in (("ab", items), ("ba", items[::-1])):
        db = tmp_path / f"{name}.db"
        for item in order:  # one ingest each
            ingest([], db, workers=1, items=[item])
        exports.append(export(db))
    assert exports[0] == exports[1]
    assert {q["speaker"] for q in exports[0]} == {"Barack H. Obama", "the fisherman"}
