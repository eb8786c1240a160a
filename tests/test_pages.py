"""Reading news pages as a reader does: the date with its evidence, the article, the outlet.

Every page here is made up by hand, a few lines of HTML.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from saidwhen.cli import main
from saidwhen.errors import MissingDateError
from saidwhen.io.html import clean_paragraphs, read_html
from saidwhen.io.pagedate import outlet_from_url, page_date
from saidwhen.io.readers import read_bytes
from saidwhen.model import Article

LEAD = (
    "<p>HARBOUR CITY - The council voted on Tuesday to close the old pier for repairs, "
    "a decision that surprised the fishermen who use it every morning.</p>"
)
BODY = (
    '<p>"We were never asked," said Mara Quinlan, who has fished from the pier for twenty '
    "years. She said the boats would have to moor across the bay until the work is done.</p>"
    "<p>The council said the repairs would take about eight months and cost less than a new "
    "pier. Engineers found cracks in three of the pillars during an inspection in the "
    "spring, according to a report published by the harbour office.</p>"
    '<p>Some residents welcomed the plan. "It is about time," said Tom Ferrell, who lives '
    "near the harbour and walks there with his dog. Others worried about the summer "
    "festival, which has been held on the pier since the town was founded.</p>"
)
HEADLINE = "Council closes old pier for repairs"


def make_page(
    head: str = "",
    top: str = "",
    body: str = LEAD + BODY,
    after: str = "",
    lang: str = "en",
) -> str:
    return (
        f'<html lang="{lang}"><head><title>{HEADLINE} | Harbour Gazette</title>{head}</head>'
        f'<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article><h1>{HEADLINE}</h1>{top}{body}</article>{after}"
        "</body></html>"
    )


SIDEBAR = (
    '<aside class="sidebar"><h3>Most read</h3><ul>'
    '<li><a href="/2023/01/05/storm-hits-coast/">Storm hits coast</a> January 5, 2023</li>'
    '<li><a href="/2023/01/06/ferry-strike/">Ferry strike ends</a> Jan. 6, 2023</li>'
    "</ul></aside>"
)
LOCAL = '<meta property="article:published_time" content="2021-03-03T09:00:00-05:00">'
COPYRIGHT = "<footer><p>© 2023 Harbour Gazette. All rights reserved.</p></footer>"


def dated(tree_html: str, url: str | None = None) -> tuple[str | None, str]:
    found = page_date(lxml_html.document_fromstring(tree_html), url, HEADLINE)
    return (found.date.isoformat() if found.date else None), found.source


def test_dateline_wins_over_sidebar_links_and_copyright() -> None:
    byline = "<p class='byline'>By Ana Ruiz, March 3, 2021</p>"
    page = make_page(top=byline, after=SIDEBAR + COPYRIGHT)
    art = read_html(page, "pier.html", url="https://harbourgazette.example/news/pier-closes")
    assert art.date == dt.date(2021, 3, 3)
    assert art.date_source.startswith("dateline")


def test_only_sidebar_and_copyright_dates_give_no_date() -> None:
    page = make_page(after=SIDEBAR + COPYRIGHT)
    with pytest.raises(MissingDateError):
        read_html(page, "pier.html", url="https://harbourgazette.example/news/pier-closes")
    art = read_html(page, "pier.html", dt.date(2021, 3, 3))
    assert art.date == dt.date(2021, 3, 3) and art.date_source == "--date"


@pytest.mark.parametrize(
    ("head", "body_extra", "lang", "url", "want", "source"),
    [
        # an evening story in New York, stamped the next day in UTC
        (
            '<meta property="article:published_time" content="2021-03-04T01:30:00Z">',
            "<p class='byline'>Updated 8:30 pm ET</p>",
            "en",
            None,
            "2021-03-03",
            "America/New_York (time zone shown on the page)",
        ),
        (
            '<meta property="article:published_time" content="2021-03-04T01:30:00Z">',
            "",
            "en-US",
            None,
            "2021-03-03",
            "America/New_York (locale en-US)",
        ),
        (
            '<meta property="article:published_time" content="2021-03-04T01:30:00Z">',
            "",
            "en-GB",
            None,
            "2021-03-04",
            "2021-03-04T01:30:00Z in Europe/London",
        ),
        # the outlet's own offset is its local time
        (
            '<meta property="article:published_time" content="2021-03-03T21:30:00-05:00">',
            "",
            "en",
            None,
            "2021-03-03",
            "metadata article:published_time",
        ),
        # the URL's date beats a UTC stamp of a later edit
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2021-03-04T06:07:00Z"}</script>',
            "",
            "en",
            "https://harbourgazette.example/2021/03/03/pier-closes/",
            "2021-03-03",
            "url 2021/03/03; disagrees: metadata (UTC) 2021-03-04",
        ),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "datePublished": '
            '"2020-01-01"}, {"@type": "NewsArticle", "datePublished": "2021-03-03"}]}</script>',
            "",
            "en",
            None,
            "2021-03-03",
            "JSON-LD datePublished 2021-03-03",
        ),
    ],
)
def test_metadata_in_the_outlets_time(
    head: str, body_extra: str, lang: str, url: str | None, want: str, source: str
) -> None:
    day, how = dated(make_page(head=head, top=body_extra, lang=lang), url)
    assert day == want
    assert source in how


def test_times_of_other_stories_are_not_the_page_date() -> None:
    teasers = "".join(
        f'<div class="HeroText"><a href="/story/{i}">Story {i}</a>'
        f'<time datetime="2021-03-0{i}T09:00:00-05:00">March {i}, 2021</time></div>'
        for i in (5, 6, 7)
    )
    head = '<meta property="article:published_time" content="2021-03-03T15:00:00">'
    day, how = dated(make_page(head=head, after=teasers))
    assert day == "2021-03-03"
    assert how.startswith("metadata (UTC) article:published_time")
    linked = '<p><a href="/x"><time datetime="2021-03-09">March 9</time></a></p>'
    assert dated(make_page(after=linked))[0] is None


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://a.example/2019/11/19/story/", "2019-11-19"),
        ("https://a.example/stories/2019/nov/19/story/", "2019-11-19"),
        ("https://a.example/news/story-2019-11-19/", "2019-11-19"),
        ("https://a.example/2019/11/story", None),
        ("https://a.example/2019/13/40/story", None),
    ],
)
def test_date_from_the_url(url: str, day: str | None) -> None:
    assert dated(make_page(), url)[0] == day


def test_the_time_shown_wins_over_metadata_with_a_wrong_offset() -> None:
    # the JSON-LD wrote UTC hours with the local offset; the byline shows the reader's day
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2021-03-04T04:31:13-06:00"}</script>'
    )
    byline = "<p class='byline'>Ana Ruiz - Mar 3, 2021, 10:31 pm CST</p>"
    day, how = dated(make_page(head=head, top=byline))
    assert day == "2021-03-03"
    assert how.startswith("dateline 'Mar 3, 2021, 10:31 pm CST' (the metadata's offset")
    # a byline at another minute is another moment: the metadata stands
    other = "<p class='byline'>Ana Ruiz - Mar 3, 2021, 10:15 pm CST</p>"
    assert dated(make_page(head=head, top=other))[0] == "2021-03-04"


def test_a_dateline_written_the_iso_way() -> None:
    day, how = dated(make_page(top="<p class='info'>기사입력 :[ 2018-08-25 15:24 ]</p>"))
    assert day == "2018-08-25" and how.startswith("dateline")


def test_date_override_for_every_input_kind() -> None:
    given = dt.date(2022, 2, 2)
    page = make_page(head=LOCAL)
    inputs = {
        "a.html": page.encode(),
        "a.txt": b"date 2021-03-03\nThe mayor said it was late.",
        "a.jsonl": json.dumps({"date": "2021-03-03", "text": "The mayor said so."}).encode(),
    }
    for name, data in inputs.items():
        (art,) = read_bytes(data, name, given)
        assert isinstance(art, Article)
        assert art.date == given, name
        assert art.date_source.startswith("--date"), name
    (art,) = read_bytes(inputs["a.txt"], "a.txt")
    assert isinstance(art, Article) and art.date_source == "date line"


def test_headline_is_the_title_and_deck_and_lead_stay() -> None:
    deck = "<p class='deck'>Fishermen say they were never asked about the eight-month closure.</p>"
    page = make_page(
        head=LOCAL,
        top=deck,
    )
    art = read_html(page, "pier.html")
    assert art.title is not None and art.title.startswith(HEADLINE)
    assert not art.text.startswith(HEADLINE)
    assert "Fishermen say they were never asked" in art.text
    lead = art.text.index("HARBOUR CITY - The council voted")
    assert lead < art.text.index("We were never asked")


def test_a_lead_the_extractor_dropped_comes_back_from_the_description() -> None:
    from saidwhen.io.html import _with_lead

    lead = "Fishermen in Harbour City say nobody asked them before the council closed the pier."
    page = make_page(top=f'<div class="article__summary summary">{lead}</div>')
    tree = lxml_html.document_fromstring(page)
    body = ["The council said the repairs would take about eight months."]
    assert _with_lead(tree, body, lead, None) == [lead, *body]
    # already there, or not shown on the page: nothing to add
    assert _with_lead(tree, [lead, *body], lead, None) == [lead, *body]
    assert _with_lead(tree, body, "A description the page never shows to its reader.", None) == body


def test_footer_prompts_related_lists_and_credits_are_out() -> None:
    junk = (
        "<p>Questions? Comments? Email us at news@harbourgazette.example</p>"
        "<p>Sign up for our morning newsletter</p>"
        "<p>(Photo by Ana Ruiz / Harbour Gazette)</p>"
        "<p>Ana Ruiz contributed to this report.</p>"
    )
    page = make_page(
        head=LOCAL,
        body=LEAD + BODY + junk,
    )
    art = read_html(page, "pier.html")
    assert "Tom Ferrell" in art.text
    for words in ("Questions?", "newsletter", "Photo by", "contributed"):
        assert words not in art.text


@pytest.mark.parametrize(
    ("paragraphs", "want"),
    [
        (
            ["Pier closes", "The pier closes.", "Questions? Comments? Email us"],
            ["The pier closes."],
        ),
        (["The pier closes.", "- Storm hits coast", "- Ferry strike ends"], ["The pier closes."]),
        (["The pier closes.", "Related:", "SEE MORE: Storm hits coast"], ["The pier closes."]),
        (["The pier closes.", "© 2023 Harbour Gazette"], ["The pier closes."]),
        # a list inside the article stays
        (
            ["Steps:", "- Moor here", "The pier closes."],
            ["Steps:", "- Moor here", "The pier closes."],
        ),
    ],
)
def test_clean_paragraphs(paragraphs: list[str], want: list[str]) -> None:
    assert clean_paragraphs(paragraphs, "Pier closes", None) == want


def test_a_headline_link_line_is_out_a_product_link_stays() -> None:
    links = frozenset({"storm hits coast and ferries stop all week", "wacaco nanopresso"})
    got = clean_paragraphs(
        ["The pier closes.", "Storm hits coast and ferries stop all week", "Wacaco Nanopresso"],
        None,
        None,
        links,
    )
    assert got == ["The pier closes.", "Wacaco Nanopresso"]


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.harbourgazette.example/news/pier", "harbourgazette.example"),
        ("http://m.news.example.co.uk/a", "news.example.co.uk"),
        ("harbourgazette.example/x", "harbourgazette.example"),
        (None, None),
    ],
)
def test_outlet_from_url(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


def test_outlet_from_url_for_jsonl_and_html() -> None:
    line = {"date": "2021-03-03", "url": "https://www.harbourgazette.example/pier", "text": "Hi."}
    (art,) = read_bytes(json.dumps(line).encode(), "a.jsonl")
    assert isinstance(art, Article) and art.outlet == "harbourgazette.example"
    (art,) = read_bytes(json.dumps({**line, "outlet": "Gazette"}).encode(), "a.jsonl")
    assert isinstance(art, Article) and art.outlet == "Gazette"
    page = f"<html><body><article>{LEAD}{BODY}</article></body></html>"
    art2 = read_html(
        page, "p.html", dt.date(2021, 3, 3), url="https://www.harbourgazette.example/p"
    )
    assert art2.outlet == "harbourgazette.example"


def test_read_command_json_and_table(tmp_path: Path) -> None:
    path = tmp_path / "pier.html"
    path.write_text(make_page(head=LOCAL), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(main, ["read", str(path), "--format", "json"])
    assert res.exit_code == 0, res.output
    (row,) = json.loads(res.output)
    assert set(row) == {"source", "url", "outlet", "title", "date", "date_source", "text"}
    assert row["date"] == "2021-03-03"
    assert row["date_source"].startswith("metadata article:published_time")
    res = runner.invoke(main, ["read", str(path), "--date", "2020-01-01"])
    assert res.exit_code == 0
    assert "date: 2020-01-01" in res.output and "date_source: --date" in res.output
    res = runner.invoke(main, ["read", str(tmp_path / "missing.html")])
    assert res.exit_code == 1 and "missing.html" in res.output


def test_warc_records_carry_the_outlet_the_date_evidence_and_the_override() -> None:
    from tests.test_io_html_warc import make_warc

    page = make_page(head=LOCAL).encode()
    url = "https://www.harbourgazette.example/news/pier"
    data = make_warc(False, [(url, page, "text/html; charset=utf-8")])
    (art,) = read_bytes(data, "crawl.warc")
    assert isinstance(art, Article)
    assert art.outlet == "harbourgazette.example" and art.url == url
    assert art.date == dt.date(2021, 3, 3) and art.date_source.startswith("metadata")
    (art,) = read_bytes(data, "crawl.warc", dt.date(2020, 1, 1))
    assert isinstance(art, Article) and art.date == dt.date(2020, 1, 1)
    plain = make_warc(False, [(url, b"The mayor said so.", "text/plain")])
    (art,) = read_bytes(plain, "crawl.warc")
    assert isinstance(art, Article) and art.date_source == "capture date (WARC-Date)"
    assert art.outlet == "harbourgazette.example"
