"""The quote bank pages in a real browser: Playwright driving Debian's chromium.

Nothing is downloaded (no ``playwright install``): the browser is the
system's ``/usr/bin/chromium``. ``make test`` installs it when run as root;
without it these tests are skipped. The pages are rendered on the server:
most tests would pass with JavaScript off, and one checks that they do.

``SAIDWHEN_SHOTS=DIR`` keeps the screenshots of the pages in DIR.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_web_api import (
    BRIDGE,
    CIDER,
    HOSTILE,
    HOSTILE_QUOTE,
    ORCHARDS,
    REPAIRS,
    VOTES,
    build_rich_bank,
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
    yield from run_server(build_rich_bank(tmp_path_factory.mktemp("browserbank")))


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
    """The page's script errors, failed loads and dialogs; a test expecting one removes it."""
    return []


def _page(browser: Any, errors: list[str], **options: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1100, "height": 900}, **options)
    p = context.new_page()
    p.set_default_timeout(10_000)
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    p.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield p
    context.close()
    assert errors == []  # no script errors, no blocked resources, no alert() ran


@pytest.fixture
def page(browser: Any, errors: list[str]) -> Iterator[Any]:
    yield from _page(browser, errors)


def cards(page: Any) -> list[str]:
    """The quote texts on the page, exactly as the reader sees them (textContent)."""
    return list(page.locator("#results li.quote blockquote").all_text_contents())


def shot(page: Any, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    if keep := os.environ.get("SAIDWHEN_SHOTS"):
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)


def test_a_search_from_the_landing_page(page: Any, base: str, tmp_path: Path) -> None:
    page.goto(base)
    assert (
        page.locator(".welcome h2").text_content()
        == "Search what people said, and when they said it"
    )
    assert page.locator(".people a").first.text_content() in ("Tomas Brill", "Ines Varga")
    shot(page, tmp_path, "landing")
    page.fill("#text", "cider")
    page.click("#go")
    page.wait_for_url("**/?text=cider")
    assert cards(page) == [CIDER]
    card = page.locator("#results li.quote").first
    assert card.locator("a.speaker").text_content() == "Ines Varga"
    assert card.locator("a.context").text_content() == "Orchard town debates a cider tax"
    assert "in 2 articles from 2 outlets" in card.inner_text()
    assert page.text_content("#status").strip().startswith("1 quote")
    assert page.locator(".legend").is_visible()


def test_facets_narrow_the_results_and_a_chip_undoes_it(
    page: Any, base: str, tmp_path: Path
) -> None:
    page.goto(base + "?to=2023-12-31")
    assert len(cards(page)) == 7
    shot(page, tmp_path, "search-facets")
    outlets = page.locator("#facet-outlets li")
    assert outlets.first.inner_text().split() == ["Hill", "Courier", "5"]
    page.locator("#facet-outlets a", has_text="Valley Ledger").click()
    page.wait_for_url("**outlet=Valley+Ledger**")
    assert len(cards(page)) == 2 and page.input_value("#outlet") == "Valley Ledger"
    page.locator("#facet-speakers a", has_text="Ines Varga").click()
    assert cards(page) == [CIDER]
    assert "Ines Varga" in page.locator(".chips").inner_text()
    page.locator(".chips a[aria-label='Remove Speaker filter']").click()
    assert len(cards(page)) == 2
    page.locator("#facet-years a", has_text="2023").click()
    assert page.input_value("#from") == "2023-01-01" and page.input_value("#to") == "2023-12-31"


def test_a_person_page_with_its_timeline(page: Any, base: str, tmp_path: Path) -> None:
    page.goto(base + "?text=bridge")
    page.locator("#results a.speaker", has_text="Tomas Brill").click()
    page.wait_for_url("**/people/*")
    assert page.text_content("#name") == "Tomas Brill"
    stats = " ".join(page.text_content("#stats").split())
    assert (
        stats
        == "3 statements in 2 articles from 1 outlet, said between 30 Oct 2022 and 5 Apr 2023."
    )
    svg = page.locator("#timeline")
    assert svg.is_visible()
    assert svg.locator("rect.direct").count() == 2 and svg.locator("rect.reported").count() == 1
    box = svg.bounding_box()
    assert box["width"] > 500 and box["height"] > 60  # drawn, not collapsed
    assert cards(page) == [ORCHARDS, BRIDGE, REPAIRS]
    shot(page, tmp_path, "person")
    page.fill("#text", "repairs")
    page.click("#go")
    assert cards(page) == [REPAIRS]
    assert "1 quote with “repairs”" in page.text_content("#status")


def test_a_quote_card_opens_the_article_at_the_quote(page: Any, base: str, tmp_path: Path) -> None:
    page.goto(base + "?text=repairs")
    page.locator("#results a.context").first.click()
    page.wait_for_url("**/articles/*#q*")
    assert page.text_content("#headline") == "Old bridge closes"
    target = page.locator("mark:target")
    assert target.text_content() == REPAIRS
    assert "kind-indirect" in (target.get_attribute("class") or "")
    label = target.locator("xpath=following-sibling::span[1]")
    assert label.inner_text() == "Tomas Brill wrote on Facebook · 30 Oct 2022 (from the text)"
    marks = page.locator("#article-text mark")
    assert marks.all_text_contents() == [BRIDGE, REPAIRS]
    assert "The county closed the old stone bridge" in page.text_content("#article-text")
    assert page.get_attribute("a.original", "href") == "https://hillcourier.example/bridge"
    shot(page, tmp_path, "article")


def test_an_article_without_its_text(page: Any, base: str, tmp_path: Path) -> None:
    page.goto(base + "?text=vote")
    page.locator("#results a.context").first.click()
    assert page.locator("#no-text").is_visible()
    assert page.locator(".in-article li:target .text").text_content() == VOTES
    shot(page, tmp_path, "article-no-text")


def test_json_twins(page: Any, base: str) -> None:
    for path in ("?text=cider", "people/1", "articles/1"):
        page.goto(base + path)
        html_title = page.title()
        page.click("footer a")  # "This page as JSON"
        twin = json.loads(page.locator("body").inner_text())
        if "text=" in path:
            assert [r["text"] for r in twin["results"]] == [CIDER]
        elif path.startswith("people"):
            assert html_title.startswith(twin["name"])
        else:
            assert html_title.startswith(twin["title"])


def test_hostile_text_stays_text(page: Any, base: str, tmp_path: Path) -> None:
    page.goto(base + "?speaker=Vera+Quist")
    assert cards(page) == [HOSTILE_QUOTE]
    assert page.locator("#results a.context").text_content() == HOSTILE["title"]
    page.locator("#results a.context").click()
    assert page.text_content("#headline") == HOSTILE["title"]
    assert page.locator(".byline .outlet").text_content() == HOSTILE["outlet"]
    assert page.locator("mark").text_content() == HOSTILE_QUOTE
    assert page.locator("main script, main i, main b").count() == 0  # no element from the data
    assert page.locator("a.original").count() == 0  # javascript: is never a link
    shot(page, tmp_path, "hostile")
    page.goto(
        base + "people/" + page.locator("mark + .label a").get_attribute("href").split("/")[-1]
    )
    assert page.locator("main script").count() == 0 and cards(page) == [HOSTILE_QUOTE]


def test_the_pages_work_without_javascript(browser: Any, base: str, errors: list[str]) -> None:
    for p in _page(browser, errors, java_script_enabled=False):
        p.goto(base)
        p.fill("#text", "orchards")
        p.click("#go")
        assert cards(p) == [ORCHARDS]
        p.locator("#results a.speaker").click()
        assert p.text_content("#name") == "Tomas Brill"
        assert p.locator("#timeline rect").count() == 3


def test_the_speaker_box_suggests_names(page: Any, base: str) -> None:
    page.goto(base)
    page.type("#speaker", "Bri", delay=30)
    page.wait_for_function(
        "() => [...document.querySelectorAll('#speaker-list option')]"
        ".some(o => o.value === 'Tomas Brill')"
    )
