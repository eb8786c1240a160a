"""Readers: dated text, JSONL, and every kind of bad input as data, not a crash."""

from __future__ import annotations

import datetime as dt

import pytest

from saidwhen.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    MalformedRecordError,
    MissingDateError,
)
from saidwhen.io.readers import read_bytes
from saidwhen.model import Article


def read(data: bytes, source: str = "a.txt", date: dt.date | None = None) -> list[object]:
    return list(read_bytes(data, source, date))


def test_date_header_on_its_own_line() -> None:
    (art,) = read(b"date 2020-10-28\nShe spoke.\n")
    assert isinstance(art, Article)
    assert art.date == dt.date(2020, 10, 28)
    assert art.text.startswith("date") and art.text[art.body_start :] == "She spoke.\n"


def test_date_header_sharing_the_first_line() -> None:
    (art,) = read(b" date 2020-10-28 Model Jane Doe said hello.\n")
    assert isinstance(art, Article)
    assert art.text[art.body_start :].startswith("Model Jane Doe")


def test_explicit_date_for_plain_text() -> None:
    (art,) = read(b"No header here.", date=dt.date(2016, 9, 1))
    assert isinstance(art, Article) and art.date == dt.date(2016, 9, 1)


@pytest.mark.parametrize(
    ("data", "error", "needle"),
    [
        (b"", EmptyInputError, "empty"),
        (b"   \n\n", EmptyInputError, "empty"),
        (b"\x00\x01\x02binary", BinaryInputError, "binary"),
        (b"date 2020-01-01\ncaf\xe9 au lait", EncodingError, "not UTF-8"),
        (b"Text without any date.", MissingDateError, "no date"),
        (b"date 2020-13-45\nBad month.", MissingDateError, "not a date"),
    ],
)
def test_bad_input_names_the_file(data: bytes, error: type[InputError], needle: str) -> None:
    (err,) = read(data, "bad.txt")
    assert isinstance(err, error)
    assert "bad.txt" in str(err) and needle in str(err)


def test_jsonl_bad_line_does_not_stop_the_rest() -> None:
    data = (
        b'{"id": "a", "date": "2020-01-01", "text": "One."}\n'
        b"{not json\n"
        b'{"id": "c", "text": "No date."}\n'
        b'{"id": "d", "date": "2020-01-02", "text": "Four."}\n'
    )
    items = read(data, "batch.jsonl")
    assert [type(i).__name__ for i in items] == [
        "Article",
        "MalformedRecordError",
        "MissingDateError",
        "Article",
    ]
    assert isinstance(items[1], MalformedRecordError) and items[1].line == 2
    assert "batch.jsonl:2" in str(items[1])
    assert isinstance(items[3], Article) and items[3].id == "d"
