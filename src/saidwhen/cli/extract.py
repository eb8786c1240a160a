"""``saidwhen extract``: one record per article, printed."""

from __future__ import annotations

import datetime as dt

import click

from saidwhen.cli import main
from saidwhen.cli.common import (
    coded_errors,
    format_option,
    input_files,
    read_inputs,
    report_failures,
)
from saidwhen.errors import InputError
from saidwhen.io.writers import format_records


@main.command()
@input_files
@format_option(
    "json",
    "jsonl",
    "table",
    help="json: one object per file (a list for several); jsonl: one line per article.",
)
def extract(files: tuple[str, ...], date: dt.date | None, fmt: str) -> None:
    """Find every quotation, its speaker and date in FILES ('-' reads standard input).

    FILES are dated text (first line 'date YYYY-MM-DD'), plain text with
    --date, JSONL (id, date, title, url, text per line), HTML or WARC.
    """
    from saidwhen.pipeline import extract_or_fail

    failures: list[InputError] = []
    with coded_errors():
        articles = list(read_inputs(files, date, failures))
        records = []
        for i in range(0, len(articles), _BATCH):
            for record in extract_or_fail(articles[i : i + _BATCH]):
                if isinstance(record, InputError):
                    click.echo(f"saidwhen: error: {record}", err=True)
                    failures.append(record)
                elif fmt == "jsonl":
                    click.echo(format_records([record], fmt), nl=False)
                else:
                    records.append(record)
    if fmt != "jsonl":
        many = len(files) > 1 or len(records) > 1
        click.echo(format_records(records, fmt, many=many), nl=False)
    report_failures(failures, len(articles) + len(failures))


_BATCH = 16  # articles parsed together; a failure retries only its batch
