"""The timeline: order, table, JSON and SVG from hand-made records; the command end to end."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from saidwhen.cli import main
from saidwhen.model import ArticleRecord, DateRange, Event, Quote, Span, Speaker
from saidwhen.timeline import build_timeline, format_json, format_table, render_svg, span_of


def _quote(text: str, start: int, who: str, **kw: object) -> Quote:
    return Quote(
        text, start, start + len(text), "direct", speaker=Speaker(who, who, 0, len(who)), **kw
    )  # type: ignore[arg-type]


def _records() -> list[ArticleRecord]:
    a = ArticleRecord(
        "harbour",
        dt.date(2021, 4, 10),
        events=(
            Event("Port Authority", Span("opened", 40, 46), "opened the dock", when="2021-02"),
            Event(
                "Ana Ruiz",
                Span("thanked", 90, 97),
                "thanked the crew",
                when_range=DateRange("2021-03-03", "2021-04-10"),
            ),
        ),
        quotes=(
            _quote("It is late", 120, "Ana Ruiz", when="2021-03-03", when_basis="text"),
            _quote(
                "and costly", 140, "Ana Ruiz", when="2021-03-03", when_basis="text", continues=0
            ),
            _quote("We are proud", 200, "Tom Bell"),
        ),
    )
    b = ArticleRecord(
        "bridge",
        dt.date(2021, 3, 20),
        events=(Event("City", Span("closed", 10, 16), "closed the bridge", when="2021-03-04"),),
    )
    return [a, b]


def test_date_order_and_what_is_left_out() -> None:
    entries = build_timeline(_records())
    assert [(e.when_label, e.what) for e in entries] == [
        ("2021-02", "opened the dock"),
        ("2021-03-03", "It is late"),
        ("2021-03-04", "closed the bridge"),
        ("2021-03-03 .. 2021-04-10", "thanked the crew"),
        ("by 2021-04-10", "We are proud"),
    ]
    # the continuation is its quote's, not a line of its own
    assert all(e.what != "and costly" for e in entries)
    undated = entries[-1]
    assert (undated.basis, undated.first, undated.last) == ("article date",) + ("2021-04-10",) * 2


def test_undated_quotes_can_be_left_out() -> None:
    entries = build_timeline(_records(), undated_quotes=False)
    assert all(e.basis == "text" for e in entries)


@pytest.mark.parametrize(
    ("when", "rng", "days"),
    [
        ("2020", None, ("2020-01-01", "2020-12-31")),
        ("2020-02", None, ("2020-02-01", "2020-02-29")),
        ("2020-02-03", None, ("2020-02-03", "2020-02-03")),
        (None, DateRange("2020-01-05", None), ("2020-01-05", "2020-06-01")),
        (None, DateRange(None, "2020-01-05"), ("2020-01-05", "2020-01-05")),
        (None, None, ("2020-06-01", "2020-06-01")),
    ],
)
def test_span_of(when: str | None, rng: DateRange | None, days: tuple[str, str]) -> None:
    assert span_of(when, rng, "2020-06-01") == days


def test_table_and_json() -> None:
    entries = build_timeline(_records())
    table = format_table(entries)
    lines = table.splitlines()
    assert lines[0].split() == ["when", "kind", "who", "what"]
    assert len(lines) == 2 + len(entries)
    assert "[bridge]" in table and "“It is late”" in table
    data = json.loads(format_json(entries))
    assert [d["what"] for d in data] == [e.what for e in entries]
    assert data[3]["when_range"] == ["2021-03-03", "2021-04-10"]
    assert format_table([]).strip() == "(no dated events or quotes)"


def test_svg_is_well_formed_and_shows_every_entry() -> None:
    entries = build_timeline(_records())
    svg = render_svg(entries, title="two ports & a bridge")
    root = ET.fromstring(svg)
    texts = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "two ports & a bridge" in texts
    for e in entries:
        assert e.when_label in texts
    assert "article 2021-04-10" in texts and "article 2021-03-20" in texts
    # a bar for each date that spans days: the month and the "later" range
    bars = [r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("rx")]
    assert len(bars) == len({(e.first, e.last) for e in entries if e.first != e.last}) == 2


def test_timeline_command(tmp_path: Path) -> None:
    art = tmp_path / "mill.txt"
    art.write_text(
        "date 2021-04-10\nOn March 3, the owner said the mill would close. "
        "In February, the workers had protested outside the gates.\n",
        encoding="utf-8",
    )
    svg = tmp_path / "out.svg"
    result = CliRunner().invoke(main, ["timeline", str(art), "--json", "--svg", str(svg)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    whens = [d["when"] for d in data]
    assert whens == sorted(whens) and "2021-02" in whens and "2021-03-03" in whens
    kinds = {d["when"]: d["kind"] for d in data}
    assert kinds["2021-02"] == "event"  # the protest
    ET.fromstring(svg.read_text(encoding="utf-8"))


def test_timeline_help() -> None:
    result = CliRunner().invoke(main, ["timeline", "--help"])
    assert result.exit_code == 0 and "--svg" in result.output


def test_only_quoted_words_get_quotation_marks() -> None:
    rec = ArticleRecord(
        "pier",
        dt.date(2021, 4, 10),
        quotes=(
            _quote("We will rebuild", 10, "Ana Ruiz", when="2021-04-01", when_basis="text"),
            Quote(
                "that the pier would reopen",
                40,
                66,
                "indirect",
                speaker=Speaker("Ana Ruiz", "she", 30, 33),
                when="2021-04-02",
                when_basis="text",
            ),
        ),
    )
    table = format_table(build_timeline([rec]))
    assert "“We will rebuild”" in table
    assert "(reported) that the pier would reopen" in table
    assert "“that the pier" not in table
