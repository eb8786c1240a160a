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


SURROGATE_FEED = (
    b'{"id": "s", "date": "2024-01-01", "text": "\\"Bad \\ud800 mark,\\" said Al Fox."}\n'
    b'{"id": "ok", "date": "2024-01-01", "text": "\\"Fine,\\" said Al Fox."}\n'
)


def test_a_lone_surrogate_becomes_a_replacement_character_and_the_line_beside_is_read(
    tmp_path: Path,
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(SURROGATE_FEED)
    code, out, err = invoke("extract", str(feed), "--format", "jsonl")
    assert code == 0, err
    recs = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in recs] == ["s", "ok"]
    assert recs[0]["quotes"][0]["text"].startswith("Bad \ufffd mark")
    db = tmp_path / "bank.db"
    code, _, err = invoke("ingest", str(feed), "--db", str(db), "--workers", "1")
    assert code == 0, err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (2,)


def test_a_surrogate_given_to_the_library_keeps_its_offsets() -> None:
    from saidwhen.io.readers import read_text_article

    art = read_text_article("date 2024-01-01\nA \ud800 b.", "x")
    assert art.text == "date 2024-01-01\nA \ufffd b."


ARTICLE = 'date 2024-03-01\n"We won," said Ann Lee.\n'


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be"], ids=["bom", "le-no-bom", "be-no-bom"]
)
def test_utf16_text_is_read(encoding: str) -> None:
    (art,) = read_bytes(ARTICLE.encode(encoding), "a.txt")
    assert isinstance(art, Article), art
    assert art.text == ARTICLE and art.date.isoformat() == "2024-03-01"


def test_utf16_jsonl_is_read() -> None:
    data = json.dumps(GOOD_1).encode("utf-16")
    (art,) = read_bytes(data, "feed.jsonl")
    assert isinstance(art, Article) and art.id == "g1"


def test_a_nul_byte_past_the_first_8kb_is_a_coded_error_naming_the_line() -> None:
    from saidwhen.errors import BinaryInputError

    text = ARTICLE + ("Filler words here.\n" * 600) + "bad\x00 line\n"
    assert text.index("\x00") > 8192
    (err,) = read_bytes(text.encode(), "long.txt")
    assert isinstance(err, BinaryInputError) and err.code == "E102"
    assert err.line == text[: text.index("\x00")].count("\n") + 1
    assert f"long.txt:{err.line}" in str(err)


def test_a_nul_character_in_one_jsonl_record_refuses_that_record_only() -> None:
    bad = {**GOOD_1, "id": "nul", "text": "A\x00B said so."}
    data = "\n".join(json.dumps(r) for r in (bad, GOOD_2)).encode()
    items = list(read_bytes(data, "feed.jsonl"))
    assert [type(i).__name__ for i in items] == ["BinaryInputError", "Article"]
    assert "feed.jsonl:1" in str(items[0])


# -- long inputs: extracted in segments, or refused over the documented limit -----------


@pytest.mark.parametrize(
    ("text", "size", "cuts"),
    [
        ("aaaa bbbb\n\ncccc dddd\n\neeee", 14, ["aaaa bbbb\n\n", "cccc dddd\n\n", "eeee"]),
        ("One two. Three four. Five six.", 22, ["One two. Three four. ", "Five six."]),
        ("One two three four five six", 12, ["One two ", "three four ", "five six"]),
        ("abcdefghijklmnop", 5, ["abcde", "fghij", "klmno", "p"]),
        ("short", 100, ["short"]),
    ],
)
def test_segments_cut_at_paragraphs_then_sentences_then_words(
    text: str, size: int, cuts: list[str]
) -> None:
    from saidwhen.pipeline import segments

    got = [text[lo:hi] for lo, hi in segments(text, 0, size)]
    assert got == cuts
    assert "".join(got) == text


def _offsets_hold(text: str, rec: object) -> None:
    d = rec.to_dict()  # type: ignore[attr-defined]
    for q in d["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        if q["speaker"]:
            sp = q["speaker"]
            assert text[sp["start"] : sp["end"]] == sp["mention"]
        if q["cue"]:
            assert text[q["cue"]["start"] : q["cue"]["end"]] == q["cue"]["text"]
        for key in ("repeat_of", "continues"):
            assert q[key] is None or 0 <= q[key] < len(d["quotes"])
    for t in d["timexes"]:
        assert text[t["start"] : t["end"]] == t["text"]
    for p in d["people"]:
        for m in p["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for e in d["events"]:
        pred = e["predicate"]
        assert text[pred["start"] : pred["end"]] == pred["text"]
        assert e["timex"] is None or 0 <= e["timex"] < len(d["timexes"])


def test_a_long_article_is_extracted_in_segments_with_input_offsets(
    nlp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from saidwhen import pipeline

    paras = [
        'Mayor Ann Okafor spoke on Monday. "We open the bridge in spring," said Ann Okafor.',
        'Tom Hart, a senator, disagreed. "Nobody expected it," Hart said on Tuesday.',
        '"Prices will fall," Okafor told reporters yesterday.',
        'The river rose. "It rained all week," said Hart.',
    ]
    text = "date 2024-05-01\n" + "\n\n".join(paras * 3) + "\n"
    art = Article(text=text, date=dt.date(2024, 5, 1), id="long", body_start=16)
    monkeypatch.setattr(pipeline, "SEGMENT_CHARS", 250)
    assert len(pipeline.segments(text, 16, 250)) >= 4
    (rec,) = pipeline.extract_articles([art], nlp)
    _offsets_hold(text, rec)
    assert len(rec.quotes) >= 12
    names = {p.name for p in rec.people}
    assert {"Ann Okafor", "Tom Hart"} <= names and not names & {"Okafor", "Hart"}
    assert {q.speaker.name for q in rec.quotes if q.speaker} <= names
    assert rec.timexes and all(t.anchor == "2024-05-01" for t in rec.timexes)


def test_an_article_over_the_limit_is_refused_with_a_coded_error(tmp_path: Path) -> None:
    from saidwhen.errors import TooLargeError
    from saidwhen.io.readers import MAX_ARTICLE_CHARS, MAX_TEXT_FILE_BYTES, read_paths

    body = "Word " * (MAX_ARTICLE_CHARS // 5 + 1)
    (err,) = read_bytes(("date 2024-01-01\n" + body).encode(), "big.txt")
    assert isinstance(err, TooLargeError) and err.code == "E106" and "big.txt" in str(err)
    line = json.dumps({"id": "big", "date": "2024-01-01", "text": body})
    items = list(read_bytes((json.dumps(GOOD_1) + "\n" + line).encode(), "feed.jsonl"))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], TooLargeError) and items[1].line == 2
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:  # refused before it is read whole
        f.write(b"date 2024-01-01\n")
        f.truncate(MAX_TEXT_FILE_BYTES + 1)
    (err,) = read_paths([big])
    assert isinstance(err, TooLargeError) and "huge.txt" in str(err)
