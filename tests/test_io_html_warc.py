"""HTML pages and WARC files into articles; every broken input becomes a failure, not a crash."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

from saidwhen.errors import (
    EmptyInputError,
    EncodingError,
    InputError,
    MalformedRecordError,
    MissingDateError,
)
from saidwhen.io.html import read_html
from saidwhen.io.readers import read_bytes
from saidwhen.io.warc import read_warc
from saidwhen.model import Article

DATA = Path(__file__).parent / "data" / "store"
PAGE = (DATA / "inputs" / "page.html").read_text(encoding="utf-8")
BODY = (
    "<p>The pier festival will return this summer, organisers said.</p>"
    '<p>"People have asked us every single week when the music is coming back," '
    "said Lena Okafor, who runs the festival.</p>" * 3
)


def page(head: str = "", body: str = BODY) -> str:
    head = f"<head><title>Festival</title>{head}</head>"
    return f"<html>{head}<body><article>{body}</article></body></html>"


def test_html_main_text_title_date_and_outlet() -> None:
    art = read_html(PAGE, "page.html")
    assert art.date == dt.date(2024, 5, 18)
    assert art.title and "Pier festival" in art.title
    assert art.outlet == "Bay Herald"
    assert "Lena Okafor" in art.text
    assert "Copyright" not in art.text and "Home" not in art.text


def test_html_given_date_wins_and_page_date_fills_in() -> None:
    dated = page('<meta name="date" content="2023-07-01">')
    art = read_html(dated, "p.html", dt.date(2020, 1, 1))
    assert art.date == dt.date(2020, 1, 1)
    assert art.date_source == "--date (page: metadata date 2023-07-01)"
    assert read_html(dated, "p.html").date == dt.date(2023, 7, 1)
    assert read_html(page(), "p.html", dt.date(2020, 1, 1)).date == dt.date(2020, 1, 1)


@pytest.mark.parametrize(
    ("html", "error"),
    [
        (page(), MissingDateError),
        (page('<meta name="date" content="2023-07-01">', body=""), EmptyInputError),
        ("<html><body></body></html>", EmptyInputError),
    ],
)
def test_html_failures(html: str, error: type[InputError]) -> None:
    with pytest.raises(error) as info:
        read_html(html, "bad.html")
    assert "bad.html" in str(info.value)


def test_read_bytes_dispatches_html() -> None:
    (art,) = read_bytes(PAGE.encode(), "x/page.html")
    assert isinstance(art, Article) and art.date == dt.date(2024, 5, 18)


def make_warc(gzip: bool, pages: list[tuple[str, bytes, str]], extra_request: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gzip)
    for url, payload, ctype in pages:
        if extra_request:
            req = w.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
            w.write_record(req)
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = w.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(payload),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-06-01T10:00:00Z"},
        )
        w.write_record(rec)
    return buf.getvalue()


PAGES = [
    (
        "https://bay.example/a",
        page('<meta name="date" content="2024-05-18">').encode(),
        "text/html; charset=utf-8",
    ),
    ("https://bay.example/b", page().encode(), "text/html"),  # no page date: the capture date
    ("https://bay.example/c", b'date 2024-05-10\n"Fine," said Ben Ode.', "text/plain"),
    ("https://bay.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),  # not an article
]


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_reads_response_records_only(gzip: bool) -> None:
    items = list(read_warc(make_warc(gzip, PAGES), "crawl.warc"))
    assert all(isinstance(i, Article) for i in items), items
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in arts] == [
        "https://bay.example/a",
        "https://bay.example/b",
        "https://bay.example/c",
    ]
    assert [a.date.isoformat() for a in arts] == ["2024-05-18", "2024-06-01", "2024-05-10"]
    assert arts[2].text[arts[2].body_start :].startswith('"Fine,"')


@pytest.mark.parametrize("gzip", [False, True])
@pytest.mark.parametrize("cut", [0.5, 0.9, 0.99])
def test_truncated_warc_keeps_whole_records_and_names_the_broken_one(
    gzip: bool, cut: float
) -> None:
    data = make_warc(gzip, PAGES[:3], extra_request=False)
    items = list(read_warc(data[: int(len(data) * cut)], "crawl.warc.gz"))
    errors = [i for i in items if isinstance(i, InputError)]
    arts = [i for i in items if isinstance(i, Article)]
    assert len(errors) == 1 and isinstance(errors[0], MalformedRecordError)
    assert "crawl.warc.gz@" in str(errors[0]) and "truncated" in str(errors[0])
    assert len(arts) < 3
    assert [a.url for a in arts] == [u for u, _, _ in PAGES[: len(arts)]]


def test_warc_payload_in_a_wrong_charset() -> None:
    bad = make_warc(
        False,
        [("https://x.example/", b"date 2024-01-01\nCaf\xe9 \xff\xfe", "text/plain; charset=utf-8")],
    )
    (err,) = read_warc(bad, "c.warc")
    assert isinstance(err, EncodingError)


@pytest.mark.parametrize("data", [b"WARC/1.0\r\nnot really", b"\x1f\x8b\x08\x00garbage-gzip"])
def test_not_a_warc(data: bytes) -> None:
    items = list(read_bytes(data, "junk.warc.gz"))
    assert len(items) == 1 and isinstance(items[0], MalformedRecordError)


def _cuts_inside_records(warc: bytes, gzip: bool) -> list[int]:
    """Cut points that fall inside a record (never on a boundary between two)."""
    import zlib

    if not gzip:
        starts = [m.start() for m in re.finditer(rb"WARC/1\.\d\r\n", warc)]
        return [s + k for s in starts[1:] for k in (5, 60, 200)]
    cuts, pos = [], 0
    while pos < len(warc):
        d = zlib.decompressobj(31)
        d.decompress(warc[pos:])
        end = len(warc) - len(d.unused_data)
        cuts += [pos + 5, (pos + end) // 2, end - 3]
        pos = end
    return cuts


@pytest.mark.parametrize("gzip", [False, True])
def test_every_cut_inside_a_record_is_reported(gzip: bool) -> None:
    warc = make_warc(gzip, PAGES)
    for cut in _cuts_inside_records(warc, gzip):
        items = list(read_warc(warc[:cut], "cut.warc"))
        errors = [i for i in items if isinstance(i, MalformedRecordError)]
        assert errors, f"a cut at byte {cut} of {len(warc)} went unnoticed"
        assert "truncated" in str(errors[-1])
        # the whole records before the cut are still read
        assert all(isinstance(i, Article) for i in items[:-1])
