"""The server-rendered pages and their JSON twins, over HTTP (the browser tests drive
the same pages in chromium), and the server's behaviour under misuse (issue 13).

The bank is made by the real ingest from hand-written articles, most with
their text kept (``ingest --keep-text``), one without, and one full of markup.
"""

from __future__ import annotations

import html
import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from saidwhen.web.render import article_segments, timeline
from saidwhen.web.server import SECURITY_HEADERS
from tests.test_web_api import (
    BRIDGE,
    CIDER,
    HOSTILE,
    HOSTILE_QUOTE,
    MARKUP,
    ORCHARDS,
    REPAIRS,
    VOTES,
    build_rich_bank,
    get,
    run_server,
)


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_rich_bank(tmp_path_factory.mktemp("pagesbank"))


@pytest.fixture(scope="module")
def base(bank: Path) -> Iterator[str]:
    yield from run_server(bank)


def people(base: str) -> dict[str, int]:
    return {p["name"]: p["id"] for p in get(base, "/api/")[2]["people"]}


def text_of(page: str) -> str:
    """The page's visible text, roughly: tags out, entities decoded, spaces squeezed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


# -- the search page ---------------------------------------------------------------------


def test_the_landing_page_invites_a_search_and_shows_who_is_quoted_most(base: str) -> None:
    status, headers, page = get(base, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    shown = text_of(page)
    assert "Search what people said" in shown
    assert shown.index("Tomas Brill") < shown.index("Rosa Pemberton")  # by quotes
    assert f'href="/people/{people(base)["Tomas Brill"]}"' in page
    assert "speaker unknown" not in shown and "cue :" not in shown


def test_results_read_as_headlines_outlets_and_dates(base: str) -> None:
    status, _, page = get(base, "/", text="cider")
    assert status == 200
    shown = text_of(page)
    assert "1 quote" in shown and CIDER in shown
    # the first article it appeared in, by headline and outlet, linked to the quote in place
    assert "Orchard town debates a cider tax" in shown and "Valley Ledger" in shown
    assert "orchard-1" not in shown  # no file names or ids
    art = get(base, "/api/search", text="cider")[2]["results"][0]
    assert f'href="/articles/{art["article_id"]}#q{art["occurrence"]}"' in page
    assert "in 2 articles from 2 outlets" in shown
    assert "said on 3 Apr 2023" in shown
    for legend in ("direct", "fragment", "reported"):
        assert legend in shown


def test_the_total_and_paging(base: str) -> None:
    body = get(base, "/api/search", limit=2)[2]
    assert body["total"] == 7 and body["total_exact"] and body["more"]
    page = get(base, "/", to="2023-12-31")[2]  # a search without words: 7 statements
    assert "7 quotes" in text_of(page)
    # the page shows 20 a page: two pages need more quotes; the API pages the same way
    seen = [
        r["text"]
        for o in (0, 2, 4, 6)
        for r in get(base, "/api/search", limit=2, offset=o)[2]["results"]
    ]
    assert seen == [r["text"] for r in get(base, "/api/search")[2]["results"]]
    assert len(set(seen)) == 7


def test_facets_count_and_narrow(base: str) -> None:
    assert get(base, "/api/search", to="2023-12-31")[2]["facets"]["speakers"] == []  # asked for
    body = get(base, "/api/search", to="2023-12-31", facets=1)[2]
    facets = body["facets"]
    speakers = {f["name"]: f["count"] for f in facets["speakers"]}
    assert speakers["Tomas Brill"] == 3 and speakers["Ines Varga"] == 2
    outlets = {f["name"]: f["count"] for f in facets["outlets"]}
    assert outlets == {"Hill Courier": 5, "Valley Ledger": 2, "<i>Evil</i> Times": 1}
    assert {f["year"]: f["count"] for f in facets["years"]} == {2023: 4, 2022: 2, 2021: 1}
    # a facet's link narrows: by person id, by outlet, by the year said
    page = get(base, "/", to="2023-12-31")[2]
    brill = people(base)["Tomas Brill"]
    href = html.unescape(re.search(rf'href="([^"]*person={brill}[^"]*)"', page).group(1))
    narrowed = get(base, href)[2]
    assert text_of(narrowed).count("Tomas Brill") >= 3 and "3 quotes" in text_of(narrowed)
    assert "Remove Speaker filter" in narrowed  # the chip that undoes it
    by_year = get(base, "/api/search", **{"from": "2022-01-01", "to": "2022-12-31"})[2]
    assert sorted(r["text"] for r in by_year["results"]) == sorted([BRIDGE, REPAIRS])
    by_outlet = get(base, "/api/search", outlet="Valley Ledger")[2]
    assert [r["text"] for r in by_outlet["results"]] == [MARKUP, CIDER]


def test_unknown_speakers_and_empty_cues_are_not_shown_as_such(base: str) -> None:
    page = text_of(get(base, "/", to="2030-01-01", topics=1)[2])
    assert "unknown" not in page.lower() and "cue :" not in page and "None" not in page


def test_a_bad_parameter_on_a_page_is_400_with_the_form(base: str) -> None:
    status, headers, page = get(base, "/", **{"from": "yesterday"})
    assert status == 400 and headers["Content-Type"].startswith("text/html")
    assert "from:" in text_of(page) and '<form id="search"' in page
    assert get(base, "/", page="0")[0] == 400
    assert get(base, "/", text="x", page="nine")[0] == 400


# -- the person page -----------------------------------------------------------------------


def test_a_person_page_and_its_twin(base: str) -> None:
    pid = people(base)["Ines Varga"]
    status, _, twin = get(base, f"/api/people/{pid}")
    assert status == 200
    assert twin["name"] == "Ines Varga" and "mayor" in twin["descriptors"]
    assert (twin["statements"], twin["articles"], twin["outlets"]) == (2, 3, 2)
    assert (twin["first_said"], twin["last_said"]) == ("2021-09-09", "2023-04-05")
    assert twin["timeline"] == [
        {"month": "2021-09", "direct": 1, "reported": 0},
        {"month": "2023-04", "direct": 1, "reported": 0},
    ]
    assert [q["text"] for q in twin["quotes"]] == [CIDER, VOTES]
    page = get(base, f"/people/{pid}")[2]
    shown = text_of(page)
    assert "2 statements in 3 articles from 2 outlets" in shown
    assert "between 9 Sep 2021 and 5 Apr 2023" in shown
    assert page.count('<rect class="direct"') == 2 and '<svg id="timeline"' in page
    assert CIDER in shown and VOTES in shown and "Council minutes" in shown


def test_reported_speech_on_the_timeline_by_the_date_said(base: str) -> None:
    # Brill "wrote on Facebook" on Sunday 30 October; the article is of 2 November
    twin = get(base, f"/api/people/{people(base)['Tomas Brill']}")[2]
    assert twin["timeline"] == [
        {"month": "2022-10", "direct": 0, "reported": 1},
        {"month": "2022-11", "direct": 1, "reported": 0},
        {"month": "2023-04", "direct": 1, "reported": 0},
    ]
    assert twin["first_said"] == "2022-10-30"


def test_search_inside_a_persons_quotes(base: str) -> None:
    pid = people(base)["Tomas Brill"]
    twin = get(base, f"/api/people/{pid}", text="bridge")[2]
    assert [q["text"] for q in twin["quotes"]] == [BRIDGE] and twin["total"] == 1
    page = text_of(get(base, f"/people/{pid}", text="orchards")[2])
    assert "1 quote with “orchards”" in page and ORCHARDS in page and BRIDGE not in page


def test_an_unknown_person_is_404(base: str) -> None:
    assert get(base, "/people/999999")[0] == 404
    assert get(base, "/people/99999999999999999999999")[0] == 404


# -- the article page ------------------------------------------------------------------------


def test_an_article_with_its_text_shows_each_quote_in_place(base: str) -> None:
    hit = get(base, "/api/search", text="bridge")[2]["results"][0]
    status, _, twin = get(base, f"/api/articles/{hit['article_id']}")
    assert (
        status == 200 and twin["title"] == "Old bridge closes" and twin["outlet"] == "Hill Courier"
    )
    assert twin["text"] is not None
    for q in twin["quotes"]:  # the offsets hold in the stored text
        assert twin["text"][q["start"] : q["end"]] == q["text"]
    page = get(base, f"/articles/{hit['article_id']}")[2]
    marks = re.findall(r'<mark id="q(\d+)" class="q kind-(\w+)">([^<]*)</mark>', page)
    assert [(k, t) for _, k, t in marks] == [("direct", BRIDGE), ("indirect", REPAIRS)]
    assert f"q{hit['occurrence']}" in {f"q{i}" for i, _, _ in marks}
    shown = text_of(page)
    assert "Tomas Brill said · 2 Nov 2022" in shown
    assert "Tomas Brill wrote on Facebook · 30 Oct 2022 (from the text)" in shown
    assert 'href="https://hillcourier.example/bridge"' in page  # the original
    assert "The county closed the old stone bridge" in shown  # the words around it


def test_an_article_without_its_text_says_so_and_lists_its_quotes(base: str) -> None:
    hit = get(base, "/api/search", text="publish vote")[2]["results"][0]
    twin = get(base, f"/api/articles/{hit['article_id']}")[2]
    assert twin["text"] is None and [q["text"] for q in twin["quotes"]] == [VOTES]
    page = get(base, f"/articles/{hit['article_id']}")[2]
    assert 'id="no-text"' in page and "--keep-text" in page
    # the quote card links here, to the quote's own anchor
    assert f'id="q{hit["occurrence"]}"' in page
    # the sentence around it, rebuilt from what the bank keeps: quote, cue, mention
    assert f"{VOTES} said Ines Varga, the mayor of Pell Hollow." in text_of(page)


def test_an_unknown_article_is_404(base: str) -> None:
    assert get(base, "/articles/999999")[0] == 404


# -- hostile text --------------------------------------------------------------------------


def test_hostile_text_is_escaped_on_every_page(base: str) -> None:
    hit = get(base, "/api/search", speaker="Vera Quist")[2]["results"][0]
    assert hit["text"] == HOSTILE_QUOTE and hit["title"] == HOSTILE["title"]
    pages = [
        get(base, "/", speaker="Vera Quist")[2],
        get(base, f"/articles/{hit['article_id']}")[2],
        get(base, f"/people/{hit['speaker_id']}")[2],
        get(base, "/", outlet=HOSTILE["outlet"])[2],
    ]
    for page in pages:
        assert "<script>alert" not in page and "<i>Evil" not in page and "<b>friends" not in page
        assert "</mark><script>" not in page
        assert 'href="javascript:' not in page
    article = pages[1]
    assert (
        "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; &lt;b&gt;friends&lt;/b&gt;"
        in article
    )
    assert "&lt;/mark&gt;&lt;script&gt;alert(2)&lt;/script&gt; tag &amp; go home" in article
    assert 'class="original"' not in article  # a javascript: URL is not a link
    assert get(base, f"/api/articles/{hit['article_id']}")[2]["url"] == "javascript:alert(1)"


# -- the server under misuse (issue 13) -------------------------------------------------------


def raw(base: str, request: bytes, timeout: float = 20.0, piece: int = 0) -> bytes:
    """The server's reply to bytes sent as they are; in pieces of ``piece`` bytes with a
    pause between them, as a slow client's arrive, when it is given."""
    host, port = base.split("//")[1].strip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as s:
        for at in range(0, len(request), piece or len(request)):
            s.sendall(request[at : at + (piece or len(request))])
            if piece:
                time.sleep(0.05)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def headers_of(reply: bytes) -> dict[str, str]:
    head = reply.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")[1:]
    return {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in head)}


@pytest.mark.parametrize(
    ("name", "request_"),
    [
        # past server.MAX_HEAD_BYTES before the head is whole: refused before the app sees it
        ("a request line too long", b"GET /api/search?text=" + b"a" * 70_000),
        ("headers too large", b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 70_000),
        ("not HTTP", b"HELLO THERE\r\n\r\n"),
    ],
)
def test_malformed_requests_get_json_with_the_security_headers(
    base: str, name: str, request_: bytes
) -> None:
    reply = raw(base, request_)
    assert reply.startswith(b"HTTP/1.1 400"), (name, reply[:80])
    headers = headers_of(reply)
    for key, value in SECURITY_HEADERS.items():
        assert headers[key] == value, (name, key)
    assert headers["content-type"].startswith("application/json")


def test_every_reply_carries_the_security_headers(base: str) -> None:
    for path, status in (
        ("/", 200),
        ("/api/search", 200),
        ("/nope", 404),
        ("/static/style.css", 200),
    ):
        code, headers, _ = get(base, path)
        assert code == status
        for key, value in SECURITY_HEADERS.items():
            assert headers[key.title()] == value, (path, key)
    for method in (b"DELETE", b"FOO"):  # http.server said 501 to an unknown one, in HTML
        request = method + b" /api/search HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        reply = raw(base, request)
        assert reply.startswith(b"HTTP/1.1 405") and set(
            headers_of(reply)["allow"].split(", ")
        ) == {"GET", "HEAD"}
        csp = headers_of(reply)["content-security-policy"]
        assert csp == SECURITY_HEADERS["content-security-policy"]
        assert b'{"error": "' + method + b" is not allowed" in reply
    head = raw(base, b"HEAD /api/search HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200") and head.endswith(b"\r\n\r\n")  # no body


def test_a_long_speaker_is_400_naming_it(base: str) -> None:
    status, _, body = get(base, "/api/search", speaker="x" * 5_000)
    assert status == 400 and body["parameter"] == "speaker"
    # the 60,000 characters of issue 13, sent whole: the app answers, naming it
    request = (
        b"GET /api/search?speaker=" + b"x" * 60_000 + b" HTTP/1.1\r\nHost: x\r\n"
        b"Connection: close\r\n\r\n"
    )
    # whole, and in pieces as a slow client's (or a loaded machine's) arrive
    for piece in (0, 20_000):
        reply = raw(base, request, piece=piece)
        assert reply.startswith(b"HTTP/1.1 400") and b'"parameter": "speaker"' in reply


def test_an_idle_connection_is_closed(base: str) -> None:
    host, port = base.split("//")[1].strip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=15) as s:
        t = time.monotonic()
        assert s.recv(1) == b""  # the server hangs up on a client that says nothing
        assert time.monotonic() - t < 12


def test_a_client_that_hangs_up_leaves_no_traceback(
    base: str, capfd: pytest.CaptureFixture[str]
) -> None:
    host, port = base.split("//")[1].strip("/").split(":")
    for _ in range(5):
        with socket.create_connection((host, int(port))) as s:
            s.sendall(b"GET /?text=cider HTTP/1.1\r\nHost: x\r\n\r\n")
    assert get(base, "/api/search", text="cider")[0] == 200  # still serving
    err = capfd.readouterr().err
    assert "Traceback" not in err and "BrokenPipe" not in err


# -- the pieces ------------------------------------------------------------------------------


def test_timeline_geometry() -> None:
    chart = timeline(
        [
            {"month": "2022-11", "direct": 2, "reported": 1},
            {"month": "2023-02", "direct": 0, "reported": 3},
        ]
    )
    assert [b["key"] for b in chart["bars"]] == ["2022-11", "2023-02"]
    assert chart["top"] == 3
    first, last = chart["bars"]
    assert first["hd"] == pytest.approx(2 / 3 * 130, abs=0.1) and first["hr"] == pytest.approx(
        130 / 3, abs=0.1
    )
    assert last["hd"] == 0 and last["yr"] == 0  # the tallest bar reaches the top
    assert last["x"] > first["x"]  # four months apart: two empty months between
    assert [t["label"] for t in chart["ticks"]] == ["2022", "2023"]
    years = timeline(
        [
            {"month": "1990-01", "direct": 1, "reported": 0},
            {"month": "2020-06", "direct": 1, "reported": 0},
        ]
    )
    assert len(years["bars"]) == 2 and years["bars"][0]["key"] == "1990"  # by year on a long span
    assert timeline([])["bars"] == []


@pytest.mark.parametrize(
    ("spans", "placed"),
    [
        ([(0, 5)], [True]),
        ([(0, 5), (3, 8)], [True, False]),  # an overlap: the second stays out of the text
        ([(2, 99)], [False]),  # beyond the text
        ([(6, 9), (0, 4)], [True, True]),  # any order
    ],
)
def test_article_segments(spans: list[tuple[int, int]], placed: list[bool]) -> None:
    text = "abcdefghijkl"
    quotes: list[dict[str, Any]] = [{"start": s, "end": e} for s, e in spans]
    pieces = article_segments(text, quotes)
    assert [q["placed"] for q in quotes] == placed
    assert "".join(p if k == "text" else text[p["start"] : p["end"]] for k, p in pieces) == text
