"""``saidwhen ingest``, ``search``, ``speakers``, ``export``: the quote bank from the shell."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from saidwhen.cli import main
from saidwhen.cli.common import coded_errors, date_option, warn
from saidwhen.io.writers import printable

F = TypeVar("F", bound=Callable[..., Any])


def db_option(f: F) -> F:
    return click.option(
        "--db",
        "db",
        default="saidwhen.db",
        show_default=True,
        metavar="PATH",
        envvar="SAIDWHEN_DB",
        help="The quote bank (an SQLite file; env SAIDWHEN_DB).",
    )(f)


def _open_bank(db: str) -> sqlite3.Connection:
    """A read-only connection, with a warning when the bank is newer than this saidwhen."""
    from saidwhen.store import connect
    from saidwhen.store.db import schema_version
    from saidwhen.store.migrations import SCHEMA_VERSION

    conn = connect(db, readonly=True)
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        warn(
            f"{db} has schema {version}, newer than this saidwhen reads ({SCHEMA_VERSION}); "
            "results may be incomplete: upgrade saidwhen"
        )
    return conn


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[int, int | None], None] | None]:
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(unit="art", dynamic_ncols=True, file=sys.stderr, smoothing=0.1)

    def update(done: int, total: int | None) -> None:
        if total is not None and bar.total != max(total, done):
            bar.total = max(total, done)
        bar.update(done - bar.n)

    try:
        yield update
    finally:
        bar.close()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@date_option()
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: every core).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="local: processes on this machine; ray: a Ray cluster (pip install 'saidwhen[ray]').",
)
@click.option("--keep-text", is_flag=True, help="Store each article's text too.")
@click.option(
    "--out",
    metavar="DIR",
    help="Write Parquet shards to DIR (a path or URI) instead of the bank, then merge the"
    " quotes there; load them with 'saidwhen bank load DIR'.",
)
@click.option("--address", metavar="ADDR", help="Ray: a running cluster ('auto', 'ray://h:p').")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="A progress bar (default: when standard error is a terminal).",
)
def ingest(
    paths: tuple[str, ...],
    db: str,
    date: dt.date | None,
    workers: int | None,
    engine: str,
    keep_text: bool,
    out: str | None,
    address: str | None,
    progress: bool | None,
) -> None:
    """Read PATHS into the quote bank: files, directories (recursively), JSONL, HTML, WARC.

    Running it again on the same inputs changes nothing; after an interrupted
    run, it stores what is missing. Unreadable inputs are skipped, listed at
    the end with the reason, and make the exit status 1.
    """
    show = sys.stderr.isatty() if progress is None else progress
    with coded_errors(None if out else db), _progress_bar(show) as bar:
        from saidwhen.engine import ingest_with

        summary = ingest_with(
            engine, paths, db, workers=workers, date=date, keep_text=keep_text, progress=bar,
            out=out, address=address,
        )  # fmt: skip
        if out and not summary.interrupted:
            from saidwhen.engine.merge import merge

            merged = merge(out, engine, address)
    s = summary.to_dict()
    rate = s["stored"] / s["seconds"] if s["seconds"] else 0.0
    click.echo(
        f"saidwhen: {s['stored']} articles stored, {s['already_stored']} already there, "
        f"{s['failed']} failed; {s['occurrences']} quotes ({s['new_quotes']} new, "
        f"{s['merged_exact'] + s['merged_near']} merged) in {s['seconds']:.1f}s "
        f"({rate:.1f} articles/s) -> {out or db}",
        err=True,
    )
    if out and summary.works_done_before:
        click.echo(f"saidwhen: {summary.works_done_before} works done by an earlier run", err=True)
    if out and not summary.interrupted:
        click.echo(
            f"saidwhen: merged into {merged.quotes} quotes and {merged.people} people"
            f" in {merged.seconds:.1f}s -> {out}/merged; 'saidwhen bank load {out}' builds a bank",
            err=True,
        )
    for err in summary.failures:
        click.echo(f"  skipped {err}", err=True)
    if summary.interrupted:
        click.echo("saidwhen: interrupted; run the same command again to finish", err=True)
        sys.exit(130)
    if summary.failures:
        sys.exit(1)


_COLUMNS = ("first_seen", "speaker", "occurrences", "outlets", "text")


def _format(rows: list[dict[str, Any]], fmt: str, columns: tuple[str, ...]) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    flat = [{c: _cell(r.get(c)) for c in columns} for r in rows]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
        w.writeheader()
        w.writerows(flat)
        return buf.getvalue()
    # the speaker wider: "Mara Quill (reported by harbour inspectors)" must be read whole
    widths = {
        c: min(60 if c == "speaker" else 40, max([len(c)] + [len(f[c]) for f in flat]))
        for c in columns[:-1]
    }
    lines = [" | ".join(c.ljust(widths.get(c, 0)) for c in columns).rstrip()]
    lines.append("-" * len(lines[0]))
    for f in flat:
        cells = [f[c][: widths[c]].ljust(widths[c]) for c in columns[:-1]]
        lines.append(" | ".join([*cells, f[columns[-1]]]))
    return printable("\n".join(lines) + "\n")


def reported_speaker(speaker: str | None, reported_by: str | None) -> str | None:
    """The speaker as a reader should see them: "Lazar (reported by prosecutors)".

    >>> reported_speaker("Lazar", "prosecutors")
    'Lazar (reported by prosecutors)'
    >>> reported_speaker("Lazar", None)
    'Lazar'
    """
    if not reported_by:
        return speaker
    return f"{speaker or 'unknown'} (reported by {reported_by})"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return " ".join(str(value).split())


_FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv"]),
    default="table",
    show_default=True,
)


@main.command()
@click.argument("text", required=False)
@click.option("--speaker", metavar="NAME", help="Said by this person ('Teigen', 'Chrissy Teigen').")
@date_option("--from", "date_from", help="Said on or after.")
@date_option("--to", "date_to", help="Said on or before.")
@click.option("--outlet", metavar="X", help="Carried by this outlet.")
@click.option(
    "--topics/--no-topics",
    default=False,
    show_default=True,
    help="Also reported speech that names what was talked about, not what was said "
    "('addressed her critics'); such rows show kind 'topic'.",
)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@_FORMAT
@db_option
def search(
    text: str | None,
    speaker: str | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    outlet: str | None,
    topics: bool,
    limit: int,
    fmt: str,
    db: str,
) -> None:
    """Quotes in the bank containing every word of TEXT, newest first (statements only
    unless --topics)."""
    from saidwhen.store import search as run

    with coded_errors(db):
        rows = run(
            _open_bank(db),
            text,
            speaker=speaker,
            date_from=date_from.isoformat() if date_from else None,
            date_to=date_to.isoformat() if date_to else None,
            outlet=outlet,
            topics=topics,
            limit=limit,
        )
    columns: tuple[str, ...] = _COLUMNS
    if fmt == "table":  # the words are not the speaker's on the record: say who passes them on
        rows = [{**r, "speaker": reported_speaker(r["speaker"], r["reported_by"])} for r in rows]
    elif fmt == "csv":
        columns = (*_COLUMNS[:2], "reported_by", *_COLUMNS[2:])
    if topics and fmt in ("table", "csv"):  # topics asked for: a column shows which rows are
        rows = [{**r, "kind": "topic" if r["topic"] else r["kind"]} for r in rows]
        columns = (*columns[:-1], "kind", columns[-1])
    click.echo(_format(rows, fmt, columns), nl=False)


@main.command()
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@_FORMAT
@db_option
def speakers(limit: int, fmt: str, db: str) -> None:
    """People in the bank by the number of quotes attributed to them."""
    from saidwhen.store import speakers as run

    with coded_errors(db):
        rows = run(_open_bank(db), limit)
    click.echo(_format(rows, fmt, ("quotes", "occurrences", "name", "aliases")), nl=False)


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "parquet"]),
    default="jsonl",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Output file (jsonl: default standard output; parquet: required).",
)
@db_option
def export(fmt: str, output: str | None, db: str) -> None:
    """Every quote with its speakers and occurrences (one per line, or a Parquet table)."""
    from saidwhen.store.export import write_jsonl, write_parquet

    with coded_errors(db):
        conn = _open_bank(db)
        if fmt == "parquet":
            if not output:
                raise click.UsageError("--format parquet needs --output FILE")
            n = write_parquet(conn, output)
        else:
            n = write_jsonl(conn, output)
    click.echo(f"saidwhen: {n} quotes exported", err=True)
