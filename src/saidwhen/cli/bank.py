"""``saidwhen bank``: the quote bank from the Parquet output of ``ingest --out``."""

from __future__ import annotations

import click

from saidwhen.cli import main
from saidwhen.cli.common import coded_errors
from saidwhen.cli.store import db_option


@main.group()
def bank() -> None:
    """Build a quote bank from Parquet shards (a cluster's results)."""


@bank.command("load")
@click.argument("directory", metavar="DIR")
@db_option
def load(directory: str, db: str) -> None:
    """Build or update the SQLite bank from DIR, the --out of 'saidwhen ingest'.

    Articles the bank holds are skipped, so loading a later run's shards
    brings a bank up to date.
    """
    from saidwhen.store.load import load as run

    with coded_errors(db):
        s = run(directory, db)
    st = s.stats
    click.echo(
        f"saidwhen: {s.works} works, {st.articles} articles loaded, {st.skipped} already there,"
        f" {st.occurrences} quotes ({st.new_quotes} new), {s.failures} failures"
        f" in {s.seconds:.1f}s -> {db}",
        err=True,
    )


@bank.command("merge")
@click.argument("directory", metavar="DIR")
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="local: in this process; ray: Ray Data group-bys on a cluster.",
)
@click.option("--address", metavar="ADDR", help="A running Ray cluster ('auto', 'ray://h:p').")
def merge(directory: str, engine: str, address: str | None) -> None:
    """Merge the quotes in DIR across articles into DIR/merged (quotes and people, Parquet)."""
    from saidwhen.engine.merge import merge as run

    with coded_errors():
        s = run(directory, engine, address)
    click.echo(
        f"saidwhen: {s.occurrences} occurrences, {s.forms} forms, {s.near_pairs} near pairs"
        f" -> {s.quotes} quotes, {s.people} people in {s.seconds:.1f}s -> {directory}/merged",
        err=True,
    )
