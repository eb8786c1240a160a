"""``saidwhen eval pages``: reading real pages (article text, dates, quotes from pages)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from saidwhen.cli import eval as eval_group
from saidwhen.cli.common import coded_errors, write_floors, write_floors_option

_COMMENT = (
    "Quality-gate floors for `saidwhen eval pages`, checked by tests/test_quality_gate_pages.py. "
    "Raise them with `saidwhen eval pages --write-floors tests/floors/pages.json` (it only "
    "ever moves floors up) in the change that improves them; lowering one is a decision made "
    "by hand in a commit that says why."
)
_PARTS = ("articles", "dates", "quotes")


@eval_group.command("pages")
@click.option(
    "--only",
    type=click.Choice(_PARTS),
    multiple=True,
    help="Measure only this part (repeatable): articles, dates or quotes.",
)
@click.option("--errors", is_flag=True, help="List the scorer's wrong quotes and dates.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@write_floors_option
def pages(only: tuple[str, ...], errors: bool, as_json: bool, floors_path: Path | None) -> None:
    """Score the reading of real pages on the shared data.

    articles: article-body F1 on ../shared/data/article-extraction (the
    benchmark's scorer), beside trafilatura's own extract in the same run;
    dates: article dates of the realnews-dev pages; quotes: direct-quote F1
    and quote dates on realnews-dev, from the clean text and from the page.
    """
    from saidwhen.eval.pages import FLOOR_KEYS, format_pages, run_articles, run_dates, run_quotes

    parts = only or _PARTS
    if floors_path is not None and set(parts) != set(_PARTS):
        raise click.UsageError("--write-floors pins every part: leave out --only")
    metrics: dict[str, Any] = {}
    with coded_errors():
        if "articles" in parts:
            metrics["articles"] = run_articles()
        if "dates" in parts:
            metrics["dates"] = run_dates()
        if "quotes" in parts:
            metrics["quotes"], printout = run_quotes(errors=errors)
            if printout:
                click.echo(printout.rstrip("\n"))
    click.echo(json.dumps(metrics, indent=1) if as_json else format_pages(metrics))
    if floors_path is not None:
        write_floors(floors_path, metrics, FLOOR_KEYS, comment=_COMMENT)
