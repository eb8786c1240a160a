"""Options and helpers shared by several commands: one error handler, one date option."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from saidwhen.errors import InputError, SaidwhenError
from saidwhen.model import Article

F = TypeVar("F", bound=Callable[..., Any])

__all__ = [
    "coded_errors",
    "date_option",
    "format_option",
    "input_files",
    "read_inputs",
    "report_failures",
    "warn",
    "write_floors",
    "write_floors_option",
]


@contextmanager
def coded_errors(bank: str | None = None) -> Iterator[None]:
    """Every command's error handler: a coded error is a one-line message and exit 1.

    With ``bank``, SQLite's own errors on it (damaged, not a bank, disk full) become
    coded errors naming it, rather than tracebacks.
    """
    import sqlite3

    from saidwhen.store.db import bank_errors

    try:
        if bank is None:
            yield
        else:
            with bank_errors(bank):
                yield
    except SaidwhenError as err:
        raise click.ClickException(str(err)) from err
    except sqlite3.Error as err:  # not about a bank given: still no traceback
        raise click.ClickException(f"[E200] {err}") from err


def warn(message: str) -> None:
    click.echo(f"saidwhen: warning: {message}", err=True)


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


_DATE_HELP = "Article date: wins over the input's own (date line, JSONL field, page evidence)."


def date_option(
    flag: str = "--date", dest: str = "date", help: str = _DATE_HELP
) -> Callable[[F], F]:
    """A ``YYYY-MM-DD`` option that reaches the command as a ``datetime.date``.

    Example:
        >>> @date_option("--from", "date_from", help="Said on or after.")  # doctest: +SKIP
    """

    def decorate(f: F) -> F:
        return click.option(flag, dest, callback=_parse_date, metavar="YYYY-MM-DD", help=help)(f)

    return decorate


def input_files(f: F) -> F:
    """``FILES...`` and ``--date``: the inputs of the commands that read articles."""
    return click.argument("files", nargs=-1, required=True)(date_option()(f))


def format_option(*choices: str, help: str | None = None) -> Callable[[F], F]:
    """``--format`` (reaching the command as ``fmt``) of the commands that print; the first
    choice is the default.
    """
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=help,
    )


def write_floors_option(f: F) -> F:
    """``--write-floors FILE`` of the evaluation commands (the quality gate's floors)."""
    return click.option(
        "--write-floors",
        "floors_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Raise the quality-gate floors in this file to the measured values (never lowers).",
    )(f)


def write_floors(
    path: Path,
    metrics: Mapping[str, Any],
    keys: tuple[str, ...],
    *,
    comment: str,
    header: Mapping[str, Any] | None = None,
) -> None:
    """``--write-floors``: raise the floor file to ``metrics`` and say which floors moved."""
    from saidwhen.eval.floors import write_floors as write
    from saidwhen.eval.report import floor_failures

    with coded_errors():
        update = write(path, metrics, keys, comment=comment, header=header)
    raised, added = update.raised, update.added
    click.echo(f"floors in {path}: {len(raised)} raised, {len(added)} added", err=True)
    for k in raised + added:
        click.echo(f"  {k}: {update.before.get(k)} -> {update.after[k]}", err=True)
    still = floor_failures(metrics, update.after)
    if still:
        click.echo("below their (kept) floors: " + "; ".join(still), err=True)


def read_inputs(
    paths: Iterable[str], date: dt.date | None, failures: list[InputError]
) -> Iterator[Article]:
    """Articles from the paths; each failure is printed at once and kept for the summary."""
    from saidwhen.io.readers import read_paths

    stdin = sys.stdin.buffer.read() if "-" in paths else None
    for item in read_paths(paths, date, stdin=stdin):
        if isinstance(item, InputError):
            click.echo(f"saidwhen: error: {item}", err=True)
            failures.append(item)
        else:
            yield item


def report_failures(failures: list[InputError], total: int) -> None:
    """A closing summary on stderr, and a non-zero exit when anything failed."""
    if failures:
        click.echo(f"saidwhen: {len(failures)} of {total} inputs failed:", err=True)
        for err in failures:
            click.echo(f"  {err}", err=True)
        sys.exit(1)
