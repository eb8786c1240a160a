"""``saidwhen serve``'s JSON API: the real server on a free port over a bank ingested here.

The bank is filled by the real ingest (pipeline and store) from a few short
hand-written articles, so the values checked are what a user would see.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner

from saidwhen.cli import main
from saidwhen.engine.local import ingest
from saidwhen.store import Store
from saidwhen.web import make_server
from saidwhen.web.app import open_readonly
from tests.store_helpers import quote, record

CIDER = "A tax on cider is a tax on our grandparents"
ORCHARDS = "Nobody wants the orchards to close"
BRIDGE = "The bridge has carried carts for two hundred years and it deserves a rest"
REPAIRS = "that the repairs would take a year"  # reported speech, dated by the text
MARKUP = "Never put <b>bold</b> tags & 'stray' ampersands in a headline"
TIMETABLE = "the ferry timetable with the council on Thursday"  # a topic: what was talked about

# Hand-written articles: one quote carried by two outlets, a speaker with three
# quotes, a quote with markup in it, and a year-old article whose reported
# speech has a channel and a date of its own ("on Sunday"), and an article whose
# only record is a topic (what was talked about, not what was said).
ARTICLES: list[dict[str, str]] = [
    {
        "id": "orchard-1",
        "date": "2023-04-03",
        "title": "Orchard town debates a cider tax",
        "outlet": "Valley Ledger",
        "url": "https://valleyledger.example/orchard-1",
        "text": "The town board of Pell Hollow met on Monday to debate a tax on cider.\n\n"
        f'"{CIDER}," said Ines Varga, the mayor of Pell Hollow.\n\n'
        "The board will vote again in May.",
    },
    {
        "id": "orchard-2",
        "date": "2023-04-05",
        "title": "Cider tax fight goes on",
        "outlet": "Hill Courier",
        "url": "https://hillcourier.example/cider",
        "text": "The cider debate did not end this week.\n\n"
        f'"{CIDER}," Mayor Ines Varga told reporters.\n\n'
        f'"{ORCHARDS}," said Tomas Brill, the county engineer.',
    },
    {
        "id": "markup-1",
        "date": "2023-06-20",
        "title": "Web rules debated",
        "outlet": "Valley Ledger",
        "url": "https://valleyledger.example/markup",
        "text": "The library's web committee met on Tuesday.\n\n"
        f'"{MARKUP}," said Rosa Pemberton, the head librarian.',
    },
    {
        "id": "bridge-1",
        "date": "2022-11-02",
        "title": "Old bridge closes",
        "outlet": "Hill Courier",
        "url": "https://hillcourier.example/bridge",
        "text": "The county closed the old stone bridge on Wednesday.\n\n"
        f'"{BRIDGE}," said Tomas Brill, the county engineer.\n\n'
        "On Sunday, Brill wrote on Facebook that the repairs would take a year.",
    },
]


ARTICLES.append(
    {
        "id": "ferry-1",
        "date": "2023-05-12",
        "title": "Ferry talks",
        "outlet": "Hill Courier",
        "url": "https://hillcourier.example/ferry",
        "text": "Harbour master Odile Marsh discussed the ferry timetable with the council"
        " on Thursday.",
    }
)


# For the pages: hostile text everywhere a page shows it, and an article stored without
# its text (the rest of the rich bank keeps it, as ``ingest --keep-text`` does).
HOSTILE_QUOTE = "Close the </mark><script>alert(2)</script> tag & go home"
HOSTILE: dict[str, str] = {
    "id": "hostile-1",
    "date": "2023-02-14",
    "title": "<script>alert('title')</script> & <b>friends</b>",
    "outlet": "<i>Evil</i> Times",
    "url": "javascript:alert(1)",
    "text": "A web designer spoke at the fair on Tuesday.\n\n"
    f'"{HOSTILE_QUOTE}," said Vera Quist, a web designer.',
}
VOTES = "We will publish every vote of the council"
NO_TEXT: dict[str, str] = {
    "id": "council-1",
    "date": "2021-09-09",
    "title": "Council minutes",
    "outlet": "Hill Courier",
    "url": "https://hillcourier.example/council",
    "text": "The council met on Thursday.\n\n"
    f'"{VOTES}," said Ines Varga, the mayor of Pell Hollow.',
}


def build_rich_bank(root: Path) -> Path:
    """:data:`ARTICLES` and :data:`HOSTILE` with their text kept, :data:`NO_TEXT` without."""
    kept, bare = root / "kept.jsonl", root / "bare.jsonl"
    kept.write_text("".join(json.dumps(a) + "\n" for a in [*ARTICLES, HOSTILE]), "utf-8")
    bare.write_text(json.dumps(NO_TEXT) + "\n", encoding="utf-8")
    db = root / "rich.db"
    assert ingest([kept], db, workers=1, keep_text=True).to_dict()["stored"] == len(ARTICLES) + 1
    assert ingest([bare], db, workers=1).to_dict()["stored"] == 1
    return db


def build_bank(root: Path) -> Path:
    """A quote bank made by ``ingest`` from :data:`ARTICLES`."""
    src = root / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = root / "bank.db"
    summary = ingest([src], db, workers=1)
    assert summary.to_dict()["stored"] == len(ARTICLES) and not summary.failures
    return db


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_bank(tmp_path_factory.mktemp("webbank"))


def run_server(db: Path) -> Iterator[str]:
    """The real server on a free port, in a thread; yields its URL."""
    server = make_server(db, "127.0.0.1", 0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


@pytest.fixture(scope="module")
def base(bank: Path) -> Iterator[str]:
    yield from run_server(bank)


def _titled(headers: Any) -> dict[str, str]:
    """Header names as ``Content-Type`` (HTTP names are case-insensitive)."""
    return {k.title(): v for k, v in headers.items()}


def get(base: str, path: str, **params: Any) -> tuple[int, dict[str, str], Any]:
    """Status, headers and decoded body (JSON when it is JSON)."""
    url = base.rstrip("/") + path + ("?" + urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=10) as res:
            status, headers, body = res.status, _titled(res.headers), res.read()
    except urllib.error.HTTPError as err:
        status, headers, body = err.code, _titled(err.headers), err.read()
    if headers.get("Content-Type", "").startswith("application/json"):
        return status, headers, json.loads(body)
    return status, headers, body.decode("utf-8")


def texts(base: str, **params: Any) -> list[str]:
    status, _, body = get(base, "/api/search", **params)
    assert status == 200, body
    return [r["text"] for r in body["results"]]


def test_a_quote_with_its_speaker_and_everything_the_page_shows(base: str) -> None:
    status, headers, body = get(base, "/api/search", text="cider grandparents")
    assert status == 200
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    (q,) = body["results"]
    assert q["text"] == CIDER
    assert q["speaker"] == "Ines Varga"
    assert q["cue"] == "said"  # the earliest occurrence's cue
    assert (q["first_seen"], q["last_seen"]) == ("2023-04-03", "2023-04-05")
    assert q["said"] == "2023-04-03"
    assert (q["articles"], q["n_outlets"]) == (2, 2)
    assert sorted(q["outlets"]) == ["Hill Courier", "Valley Ledger"]
    assert body["more"] is False
    assert body["query"]["text"] == "cider grandparents"


def test_the_newest_first_without_filters(base: str) -> None:
    assert texts(base) == [MARKUP, ORCHARDS, CIDER, BRIDGE, REPAIRS]


def test_channel_and_a_date_from_the_text(base: str) -> None:
    (q,) = get(base, "/api/search", text="repairs")[2]["results"]
    assert (q["speaker"], q["cue"]) == ("Tomas Brill", "wrote on Facebook")
    assert q["channel"] == "Facebook"
    # the article is of Wednesday 2 November; "on Sunday" was the 30th of October
    assert (q["said"], q["when"], q["when_basis"]) == ("2022-10-30", "2022-10-30", "text")
    assert q["kind"] == "indirect"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"from": "2023-01-01"}, [MARKUP, ORCHARDS, CIDER]),  # the 2022 quotes are out
        ({"to": "2022-12-31"}, [BRIDGE, REPAIRS]),
        ({"to": "2022-11-01"}, [REPAIRS]),  # said before the article's date
        ({"from": "2023-04-04", "to": "2023-04-30"}, [ORCHARDS, CIDER]),  # CIDER again on the 5th
        ({"speaker": "Brill"}, [ORCHARDS, BRIDGE, REPAIRS]),
        ({"speaker": "Tomas Brill", "text": "bridge"}, [BRIDGE]),
        ({"outlet": "Valley Ledger"}, [MARKUP, CIDER]),
        ({"outlet": "Valley Ledger", "text": "cider"}, [CIDER]),
        ({"text": "headline"}, [MARKUP]),
        ({"text": "<b>bold</b>"}, [MARKUP]),  # markup in a query is words, not syntax
        ({"speaker": "Nobody Atall"}, []),
        ({"text": "cider", "speaker": "Pemberton"}, []),
        ({"text": "   "}, [MARKUP, ORCHARDS, CIDER, BRIDGE, REPAIRS]),  # blank means no filter
    ],
)
def test_filters(base: str, params: dict[str, str], expected: list[str]) -> None:
    assert texts(base, **params) == expected


def test_markup_in_a_quote_comes_back_verbatim(base: str) -> None:
    (q,) = get(base, "/api/search", text="stray ampersands")[2]["results"]
    assert q["text"] == MARKUP and q["speaker"] == "Rosa Pemberton"


def test_pages_cover_every_quote_once(base: str) -> None:
    seen: list[str] = []
    more = []
    for offset in (0, 2, 4):
        body = get(base, "/api/search", limit=2, offset=offset)[2]
        seen += [r["text"] for r in body["results"]]
        more.append(body["more"])
    assert seen == texts(base)
    assert more == [True, True, False]
    assert get(base, "/api/search", limit=2, offset=6)[2]["results"] == []


def test_one_quote_with_its_occurrences(base: str) -> None:
    qid = get(base, "/api/search", text="cider")[2]["results"][0]["id"]
    status, _, q = get(base, f"/api/quotes/{qid}")
    assert status == 200
    assert (q["text"], q["speaker"], q["conflict"]) == (CIDER, "Ines Varga", False)
    occ = {o["article"]: o for o in q["occurrences"]}
    assert sorted(occ) == ["orchard-1", "orchard-2"]
    two = occ["orchard-2"]
    assert (two["outlet"], two["url"], two["date"]) == (
        "Hill Courier",
        "https://hillcourier.example/cider",
        "2023-04-05",
    )
    assert two["cue"] == "told" and two["mention"] == "Mayor Ines Varga"
    # the offsets point at the quote in each article's text
    by_id = {a["id"]: a["text"] for a in ARTICLES}
    for art, o in occ.items():
        assert by_id[art][o["start"] : o["end"]] == CIDER


def test_speakers_and_the_prefix_autocomplete(base: str) -> None:
    people = {p["name"]: p["quotes"] for p in get(base, "/api/speakers")[2]["speakers"]}
    assert people["Tomas Brill"] == 3 and people["Ines Varga"] == 1
    assert "Rosa Pemberton" in people

    def named(prefix: str) -> list[str]:
        return [p["name"] for p in get(base, "/api/speakers", prefix=prefix)[2]["speakers"]]

    assert named("pem") == ["Rosa Pemberton"]  # a surname, any case
    assert named("Ines") == ["Ines Varga"]
    assert named("zz") == []
    assert named("%") == []  # LIKE wildcards are plain characters


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"from": "2023-13-01"}, "from"),
        ({"from": "yesterday"}, "from"),
        ({"to": "20230401"}, "to"),
        ({"from": "2023-05-01", "to": "2023-04-01"}, "from"),
        ({"limit": "-1"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"limit": "1000"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offset": "-5"}, "offset"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(
    base: str, params: dict[str, str], parameter: str
) -> None:
    status, _, body = get(base, "/api/search", **params)
    assert status == 400
    assert body["parameter"] == parameter
    assert parameter in body["error"] or params[parameter] in body["error"]


def test_speakers_limit_is_checked_too(base: str) -> None:
    status, _, body = get(base, "/api/speakers", limit="-3")
    assert (status, body["parameter"]) == (400, "limit")


@pytest.mark.parametrize(
    "path",
    [
        "/api/nope",
        "/api/quotes/999999",
        "/api/quotes/abc",
        "/api/quotes/99999999999999999999999",  # beyond SQLite's integers
        "/api/people/999999",
        "/api/articles/999999",
    ],
)
def test_unknown_api_paths_are_404_in_json(base: str, path: str) -> None:
    status, headers, body = get(base, path)
    assert status == 404
    assert headers["Content-Type"].startswith("application/json") and body["error"]


@pytest.mark.parametrize(
    "path", ["/nope", "/static/../pyproject.toml", "/static/index.html", "/people/abc"]
)
def test_unknown_pages_are_404_in_html(base: str, path: str) -> None:
    status, headers, body = get(base, path)
    assert status == 404
    assert headers["Content-Type"].startswith("text/html") and "Not found" in body


def test_the_page_and_its_files(base: str) -> None:
    status, headers, html = get(base, "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert '<script src="/static/app.js"' in html and '<form id="search"' in html
    # nothing from elsewhere: the machines that use it may be offline
    assert "http://" not in html and "https://" not in html
    assert "script-src" not in headers["Content-Security-Policy"]  # default-src 'self' rules
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    for path, ctype in (("/static/app.js", "text/javascript"), ("/static/style.css", "text/css")):
        status, headers, text = get(base, path)
        assert status == 200 and headers["Content-Type"].startswith(ctype) and text
    js = get(base, "/static/app.js")[2]
    for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write"):
        assert sink not in js  # data reaches the page through textContent only


def test_writes_are_refused(base: str) -> None:
    req = urllib.request.Request(base + "api/search", data=b"x=1", method="POST")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    assert err.value.code == 405


def test_the_connection_is_read_only(bank: Path) -> None:
    conn = open_readonly(bank)
    with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only"):
        conn.execute("DELETE FROM quotes")
    conn.close()


def test_an_ingest_can_write_while_the_server_reads(bank: Path, tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    shutil.copy(bank, db)
    for url in run_server(db):
        assert texts(url, text="ferry") == []
        # the writer takes its lock and writes while the server is up and has answered
        with Store(db) as store:
            store.add([record("late-1", "2023-07-01", [quote("The ferry runs late", "Ada Roe")])])
            assert texts(url, text="ferry") == ["The ferry runs late"]
        assert texts(url, speaker="Ada Roe") == ["The ferry runs late"]


def test_serve_refuses_a_missing_or_foreign_database(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    result = CliRunner().invoke(main, ["serve", "--db", str(missing), "--port", "0"])
    assert result.exit_code != 0
    assert str(missing) in result.output and "no quote bank" in result.output

    junk = tmp_path / "notes.db"
    junk.write_text("not a database at all\n" * 100)
    result = CliRunner().invoke(main, ["serve", "--db", str(junk), "--port", "0"])
    assert result.exit_code != 0
    assert str(junk) in result.output and "not a saidwhen database" in result.output

    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    result = CliRunner().invoke(main, ["serve", "--db", str(other), "--port", "0"])
    assert result.exit_code != 0 and str(other) in result.output


CLI = "from saidwhen.cli import main; main()"


def test_serve_command_end_to_end(bank: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", CLI, "serve", "--db", str(bank), "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()  # "saidwhen: serving PATH at URL (Ctrl-C to stop)"
        assert str(bank) in line, line
        url = line.split(" at ")[-1].split()[0]
        assert texts(url, text="cider") == [CIDER]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_topics_are_left_out_unless_asked(base: str) -> None:
    assert TIMETABLE not in texts(base)
    assert texts(base, topics="1") == [MARKUP, TIMETABLE, ORCHARDS, CIDER, BRIDGE, REPAIRS]
    assert texts(base, topics="0") == texts(base)
    assert texts(base, speaker="Marsh") == []
    status, _, body = get(base, "/api/search", speaker="Marsh", topics="true")
    assert status == 200 and body["query"]["topics"] is True
    (q,) = body["results"]
    assert (q["text"], q["speaker"], q["cue"], q["topic"]) == (
        TIMETABLE,
        "Odile Marsh",
        "discussed",
        True,
    )
    assert all(r["topic"] is False for r in get(base, "/api/search")[2]["results"])


def test_a_topic_with_its_occurrences(base: str) -> None:
    qid = get(base, "/api/search", text="ferry", topics="1")[2]["results"][0]["id"]
    q = get(base, f"/api/quotes/{qid}")[2]
    assert q["topic"] is True and q["kind"] == "indirect"
    assert [(o["article"], o["topic"]) for o in q["occurrences"]] == [("ferry-1", True)]
    cider = get(base, "/api/search", text="cider")[2]["results"][0]["id"]
    assert get(base, f"/api/quotes/{cider}")[2]["topic"] is False


def test_speakers_count_statements_only(base: str) -> None:
    people = {p["name"] for p in get(base, "/api/speakers")[2]["speakers"]}
    assert "Odile Marsh" not in people and "Tomas Brill" in people
    assert get(base, "/api/speakers", prefix="Odile")[2]["speakers"] == []


def test_a_bad_topics_value_is_400(base: str) -> None:
    status, _, body = get(base, "/api/search", topics="maybe")
    assert status == 400 and body["parameter"] == "topics"
