"""Words passed on by someone else on the web pages and in their JSON twins: a quote card
and the article page say "reported by ...", escaped like the rest; the API returns it.

The bank is written by the store from hand-made records (no spaCy), with the texts kept.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from saidwhen.store import Store
from tests.store_helpers import quote, record
from tests.test_store_reported import SELF_TEXT, TEXT, own_words, reported
from tests.test_web_api import get, run_server
from tests.test_web_pages import text_of

TIDE = "The tide tables are wrong"
HOSTILE_BY = "The <i>dock</i> crew & <script>alert(3)</script>"
HOSTILE_TEXT = f'{HOSTILE_BY} say Mara Quill told them, "{TIDE}."'
ON_RECORD = "The night crossing stays"
PLAIN_TEXT = f'"{ON_RECORD}," Mara Quill said.'


def build(root: Path) -> Path:
    db = root / "reported.db"
    hostile = reported(HOSTILE_TEXT, TIDE, by=None, by_mention=HOSTILE_BY)
    plain = quote(ON_RECORD, "Mara Quill", PLAIN_TEXT.index(ON_RECORD))
    with Store(db) as store:
        for id, date, text, q in [
            ("logs", "2024-03-01", TEXT, reported()),
            ("tide", "2024-03-02", HOSTILE_TEXT, hostile),
            ("night", "2024-03-03", PLAIN_TEXT, plain),
            ("own", "2024-03-04", SELF_TEXT, own_words()),
        ]:
            r = dataclasses.replace(record(id, date, [q], "Bay News"), title=f"On {id}", text=text)
            store.add([r])
    return db


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from run_server(build(tmp_path_factory.mktemp("reportedbank")))


def _hit(base: str, text: str) -> dict[str, Any]:
    (hit,) = get(base, "/api/search", text=text)[2]["results"]
    return hit  # type: ignore[no-any-return]


def test_the_api_returns_who_passes_the_words_on(base: str) -> None:
    hit = _hit(base, "ferry logs")
    assert (hit["speaker"], hit["reported_by"]) == ("Mara Quill", "harbour inspectors")
    assert _hit(base, "night crossing")["reported_by"] is None
    (occ,) = get(base, f"/api/quotes/{hit['id']}")[2]["occurrences"]
    assert occ["reported_by"]["mention"] == "Harbour inspectors"
    assert TEXT[occ["reported_cue"]["start"] : occ["reported_cue"]["end"]] == "say"
    twin = get(base, f"/api/articles/{hit['article_id']}")[2]
    (q,) = twin["quotes"]
    assert q["reported_by"]["name"] == "harbour inspectors"
    assert twin["text"][q["reported_by"]["start"] : q["reported_by"]["end"]] == (
        "Harbour inspectors"
    )


@pytest.mark.parametrize(
    ("words", "shown"),
    [
        ("ferry logs", "Mara Quill (reported by harbour inspectors)"),
        ("tide tables", f"Mara Quill (reported by {HOSTILE_BY})"),  # unresolved: its mention
    ],
)
def test_a_card_and_the_article_say_who_reports_it(base: str, words: str, shown: str) -> None:
    page = get(base, "/", text=words)[2]
    assert shown in text_of(page)
    hit = _hit(base, words)
    article = get(base, f"/articles/{hit['article_id']}")[2]
    assert text_of(article).count(shown) == 1  # the label beside the quote in the text
    for html in (page, article):
        assert "<script>alert(3)" not in html and "<i>dock" not in html  # escaped


@pytest.mark.parametrize("words", ["night crossing", "second ledger"])  # her own words
def test_a_quote_on_the_record_says_nothing_of_the_kind(base: str, words: str) -> None:
    page = get(base, "/", text=words)[2]
    assert "Mara Quill" in text_of(page) and "reported by" not in text_of(page)
    article = get(base, f"/articles/{_hit(base, words)['article_id']}")[2]
    assert "Mara Quill" in text_of(article) and "reported by" not in text_of(article)


# -- in a real browser (Debian's chromium, as tests/test_web_browser.py) ---------------------


@pytest.mark.browser
def test_the_reporter_in_a_browser(base: str, tmp_path: Path) -> None:
    if not os.path.exists("/usr/bin/chromium"):
        pytest.skip("/usr/bin/chromium not found: sudo apt-get install -y chromium")
    from tests.test_web_browser import ARGS, CHROMIUM, _page, shot

    sync_api = pytest.importorskip("playwright.sync_api")
    errors: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for page in _page(browser, errors):
                page.goto(base + "?text=tide")
                card = page.locator("#results li.quote").first
                assert card.locator("a.speaker").text_content() == "Mara Quill"
                assert card.locator(".reported-by").text_content() == f"(reported by {HOSTILE_BY})"
                page.locator("#results a.context").click()
                page.wait_for_url("**/articles/*#q*")
                label = page.locator("mark:target + .label")
                assert f"Mara Quill (reported by {HOSTILE_BY})" in label.inner_text()
                assert page.locator("main script, main i").count() == 0  # text, not markup
                shot(page, tmp_path, "article-reported")
                page.goto(base + "?text=night")
                assert page.locator("#results .reported-by").count() == 0
        finally:
            browser.close()
