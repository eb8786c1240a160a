"""Faults found by attacking saidwhen (issue 13): each reproduced with the real thing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from saidwhen.cli import main
from saidwhen.errors import MalformedRecordError
from saidwhen.io.readers import read_bytes
from saidwhen.model import Article


def invoke(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


GOOD_1 = {"id": "g1", "date": "2024-05-21", "text": '"We open Monday," said Ana Ruiz.'}
GOOD_2 = {"id": "g2", "date": "2024-05-22", "text": '"It rained," said Tom Bell.'}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("url", [1, 2]),
        ("title", {"a": 1}),
        ("outlet", 3.5),
        ("id", ["x"]),
        ("date", ["2024-05-21"]),
        ("title", True),
    ],
)
def test_a_wrong_typed_field_is_a_coded_error_naming_line_and_field(
    field: str, value: object
) -> None:
    bad = {**GOOD_1, "id": "bad", field: value}
    data = "\n".join(json.dumps(r) for r in (GOOD_1, bad, GOOD_2)).encode()
    items = list(read_bytes(data, "feed.jsonl"))
    assert [type(i).__name__ for i in items] == ["Article", "MalformedRecordError", "Article"]
    err = items[1]
    assert isinstance(err, MalformedRecordError) and err.line == 2
    assert "feed.jsonl:2" in str(err) and repr(field) in str(err)


def test_a_number_id_is_read_as_text() -> None:
    (art,) = read_bytes(json.dumps({**GOOD_1, "id": 17}).encode(), "feed.jsonl")
    assert isinstance(art, Article) and art.id == "17"


def _feed(tmp_path: Path) -> Path:
    bad_url = {**GOOD_1, "id": "bad-url", "url": [1, 2], "text": '"No," said Al Fox.'}
    bad_title = {**GOOD_2, "id": "bad-title", "title": {"a": 1}, "text": '"Yes," said Al Fox.'}
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (GOOD_1, bad_url, bad_title, GOOD_2)) + "\n")
    return path


def test_ingest_stores_the_good_records_beside_wrong_typed_ones(tmp_path: Path) -> None:
    db = tmp_path / "bank.db"
    code, _, err = invoke("ingest", str(_feed(tmp_path)), "--db", str(db), "--workers", "1")
    assert code == 1, err
    assert "Traceback" not in err
    assert "feed.jsonl:2" in err and "feed.jsonl:3" in err and "[E105]" in err
    with sqlite3.connect(db) as conn:
        ids = sorted(i for (i,) in conn.execute("SELECT ext_id FROM articles"))
    assert ids == ["g1", "g2"]


def test_extract_validates_fields_and_prints_the_good_records(tmp_path: Path) -> None:
    code, out, err = invoke("extract", str(_feed(tmp_path)), "--format", "jsonl")
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["g1", "g2"]
    assert "feed.jsonl:2" in err and "'url'" in err


EDGE_PHRASES = (
    "tomorrow, yesterday, next year, last year, next week, last month, in two days, "
    "three years ago, the next decade, next century, two weeks from now, this weekend, "
    "on Monday, last Friday, in December, next spring, the coming months, 9999, the 10000s"
)


@pytest.mark.parametrize("anchor", ["9999-12-31", "9999-12-25", "0001-01-01", "0001-01-06"])
def test_relative_dates_at_the_calendar_edges_do_not_overflow(anchor: str) -> None:
    import datetime as dt

    from saidwhen.extract.timexes import find_timexes

    text = f"She said it {EDGE_PHRASES}."
    found = find_timexes(text, dt.date.fromisoformat(anchor))
    assert found  # what stays on the calendar is still read
    for t in found:
        assert text[t.start : t.end] == t.text


def test_extract_and_timeline_go_on_after_an_article_at_the_calendar_edge(
    tmp_path: Path,
) -> None:
    paths = []
    for name, date in (("late", "9999-12-31"), ("early", "0001-01-01"), ("usual", "2021-03-02")):
        path = tmp_path / f"{name}.txt"
        path.write_text(f'date {date}\n"We open tomorrow," said Ann Lee yesterday.\n')
        paths.append(str(path))
    code, out, err = invoke("extract", *paths, "--format", "jsonl")
    assert code == 0, err
    assert [json.loads(line)["date"] for line in out.splitlines()] == [
        "9999-12-31",
        "0001-01-01",
        "2021-03-02",
    ]
    code, out, err = invoke("timeline", *paths, "--json")
    assert code == 0, err
    assert {e["article"] for e in json.loads(out)} >= {"late", "early", "usual"}
