"""The quote bank page in a real browser: Playwright driving Debian's chromium.

Nothing is downloaded (no ``playwright install``): the browser is the
system's ``/usr/bin/chromium``. ``make test`` installs it when run as root;
without it these tests are skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_web_api import (
    BRIDGE,
    CIDER,
    MARKUP,
    ORCHARDS,
    REPAIRS,
    TIMETABLE,
    build_bank,
    run_server,
)

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from run_server(build_bank(tmp_path_factory.mktemp("browserbank")))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.skip(
            f"{CHROMIUM} not found: install Debian's chromium "
            "(sudo apt-get install -y chromium, or run 'make test' as root)"
        )
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright missing: pip install -e '.[dev]'"
    )
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def errors() -> list[str]:
    """The page's script errors and failed loads; a test expecting one removes it."""
    return []


@pytest.fixture
def page(browser: Any, errors: list[str]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    p = context.new_page()
    p.set_default_timeout(10_000)
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield p
    context.close()
    assert errors == []  # no script errors, no blocked resources


def quotes(page: Any) -> list[str]:
    """The quote texts on the page, exactly as the reader sees them (textContent)."""
    return [t for t in page.locator("#results li.quote blockquote").all_text_contents()]


def wait_for_count(page: Any, n: int) -> None:
    page.wait_for_function(
        "n => document.querySelectorAll('#results li.quote').length === n"
        " && !document.getElementById('status').textContent.startsWith('Searching')",
        arg=n,
    )


def test_search_shows_the_quote_and_its_speaker(page: Any, base: str) -> None:
    page.goto(base)
    wait_for_count(page, 5)  # the page opens on the newest quotes
    page.fill("#text", "cider")
    page.click("#go")
    wait_for_count(page, 1)
    item = page.locator("#results li.quote").first
    assert item.locator("blockquote").text_content() == CIDER
    assert item.locator("button.speaker").text_content() == "Ines Varga"
    meta = item.inner_text()
    assert "2 articles, 2 outlets" in meta and "Valley Ledger" in meta and "said" in meta
    assert page.text_content("#status").startswith("1 quote")
    assert "text=cider" in page.url  # a reload shows the same search


def test_channel_and_when_it_was_said(page: Any, base: str) -> None:
    page.goto(base + "?text=repairs")
    wait_for_count(page, 1)
    item = page.locator("#results li.quote").first
    assert item.locator("blockquote").text_content() == REPAIRS
    meta = item.inner_text()
    assert "wrote on Facebook" in meta and "channel Facebook" in meta
    assert "said 2022-10-30 (from the text)" in meta


def test_clicking_a_speaker_filters_by_them(page: Any, base: str) -> None:
    page.goto(base)
    wait_for_count(page, 5)
    page.locator("button.speaker", has_text="Tomas Brill").first.click()
    wait_for_count(page, 3)
    assert quotes(page) == [ORCHARDS, BRIDGE, REPAIRS]
    assert page.input_value("#speaker") == "Tomas Brill"
    assert "by Tomas Brill" in page.text_content("#status")


def test_markup_in_a_quote_shows_literally(page: Any, base: str) -> None:
    page.goto(base + "?text=headline")
    wait_for_count(page, 1)
    quote = page.locator("#results blockquote").first
    assert quote.text_content() == MARKUP
    assert "<b>bold</b>" in quote.inner_text()  # rendered as characters, not as bold
    assert page.locator("#results b").count() == 0  # no element came out of the data
    assert quote.inner_html().count("&lt;b&gt;") == 1 and "&amp;" in quote.inner_html()


def test_paging_with_the_more_button(page: Any, base: str) -> None:
    page.goto(base + "?limit=3")
    wait_for_count(page, 3)
    assert page.is_visible("#more")
    page.click("#more")
    wait_for_count(page, 5)
    assert page.is_hidden("#more")
    assert quotes(page) == [MARKUP, ORCHARDS, CIDER, BRIDGE, REPAIRS]


def test_date_filters_and_a_bad_date_from_the_address(
    page: Any, base: str, errors: list[str]
) -> None:
    page.goto(base)
    wait_for_count(page, 5)
    page.fill("#from", "2023-01-01")
    page.fill("#to", "2023-04-30")
    page.click("#go")
    wait_for_count(page, 2)
    assert quotes(page) == [ORCHARDS, CIDER]
    page.goto(base + "?from=not-a-date")
    page.wait_for_selector("#status.error")
    assert "(from)" in page.text_content("#status")
    assert quotes(page) == []
    assert len(errors) == 1 and "status of 400" in errors[0]  # the browser logs the answer
    errors.clear()


def test_where_a_quote_appeared(page: Any, base: str) -> None:
    page.goto(base + "?text=cider")
    wait_for_count(page, 1)
    page.click("#results details summary")
    rows = page.locator("#results details table tr")
    rows.nth(2).wait_for()
    body = [r.inner_text() for r in rows.all()[1:]]
    assert len(body) == 2
    assert "Valley Ledger" in body[0] and "orchard-1" in body[0] and "said" in body[0]
    assert "Hill Courier" in body[1] and "told" in body[1]
    link = page.locator("#results details a").first
    assert link.get_attribute("href") == "https://valleyledger.example/orchard-1"


def test_topics_are_shown_only_when_asked_and_marked(page: Any, base: str) -> None:
    page.goto(base)
    wait_for_count(page, 5)
    assert TIMETABLE not in quotes(page)
    assert not page.is_checked("#topics")
    page.check("#topics")
    page.click("#go")
    wait_for_count(page, 6)
    assert quotes(page) == [MARKUP, TIMETABLE, ORCHARDS, CIDER, BRIDGE, REPAIRS]
    topic = page.locator("#results li.quote.topic")
    assert topic.count() == 1
    assert topic.locator("blockquote").text_content() == TIMETABLE  # no quotation marks added
    assert topic.locator(".badge").text_content() == "topic"
    assert "talked about" in (topic.locator(".badge").get_attribute("title") or "")
    assert page.locator("#results li.quote:not(.topic) .badge").count() == 0
    assert "topics=1" in page.url and "topics included" in page.text_content("#status")
    page.reload()  # the address keeps the choice
    wait_for_count(page, 6)
    assert page.is_checked("#topics")
    topic.locator("details summary").click()  # where it appeared: kind "topic"
    row = page.locator("#results li.quote.topic details table tr").nth(1)
    row.wait_for()
    assert "topic" in row.inner_text() and "discussed" in row.inner_text()
    page.uncheck("#topics")
    page.click("#go")
    wait_for_count(page, 5)
    assert "topics" not in page.url


def test_screenshot(page: Any, base: str, tmp_path: Path) -> None:
    page.goto(base)
    wait_for_count(page, 5)
    page.click("#results details summary")  # one quote opened, to see the table too
    page.locator("#results details table").first.wait_for()
    shot = tmp_path / "quote-bank.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
