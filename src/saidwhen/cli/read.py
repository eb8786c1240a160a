"""``saidwhen read``: what saidwhen read from each input, before any extraction."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import click

from saidwhen.cli import main
from saidwhen.cli.common import format_option, input_files, read_inputs, report_failures
from saidwhen.errors import InputError
from saidwhen.io.writers import printable
from saidwhen.model import Article

__all__ = ["reading"]

_FIELDS = ("source", "url", "outlet", "title", "date", "date_source", "text")


def reading(art: Article) -> dict[str, Any]:
    """The reading of one input: where from, its outlet, title, date with its evidence, text."""
    return {
        "source": art.source,
        "url": art.url,
        "outlet": art.outlet,
        "title": art.title,
        "date": art.date.isoformat(),
        "date_source": art.date_source or None,
        "text": art.text[art.body_start :],
    }


def _table(rows: list[dict[str, Any]]) -> str:
    out = []
    for row in rows:
        text = " ".join(str(row["text"]).split())
        out.append(f"== {row['source']}")
        for key in _FIELDS[1:-1]:
            out.append(f"{key:>11}: {row[key] if row[key] is not None else '-'}")
        words = len(text.split())
        out.append(f"{'text':>11}: {text[:160]}{' ...' if len(text) > 160 else ''} ({words} words)")
    return "\n".join(out) + ("\n" if out else "")


@main.command("read")
@input_files
@format_option(
    "table",
    "json",
    "jsonl",
    help="table: a block per input, text cut short; json: a list; jsonl: one object a line.",
)
def read(files: tuple[str, ...], date: dt.date | None, fmt: str) -> None:
    """Show what saidwhen reads from FILES: source, url, outlet, title, date and its evidence, text.

    Check a page here before trusting its quotes: the date and which evidence
    gave it (date_source: page metadata with its time zone, the URL, a
    dateline, the date line of a text, --date), the headline, and the text
    quotes will be found in.
    """
    failures: list[InputError] = []
    rows = []
    for art in read_inputs(files, date, failures):
        row = reading(art)
        if fmt == "jsonl":
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            rows.append(row)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "table":
        click.echo(printable(_table(rows)), nl=False)
    report_failures(failures, len(rows) + len(failures))
