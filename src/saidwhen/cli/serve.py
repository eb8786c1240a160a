"""``saidwhen serve``: a web page to browse the quote bank, and its JSON API."""

from __future__ import annotations

import contextlib

import click

from saidwhen.cli import main
from saidwhen.cli.store import db_option
from saidwhen.errors import SaidwhenError


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(min=0, max=65535),
    default=8000,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.option("--quiet", is_flag=True, help="Do not log each request.")
def serve(db: str, host: str, port: int, quiet: bool) -> None:
    """Browse the quote bank in a web browser (read-only; an ingest may run meanwhile).

    Serves the search page at /, a page per person (/people/ID) and per
    article (/articles/ID), and their JSON twins under /api/ (/api/search,
    /api/people/ID, /api/articles/ID, /api/quotes/ID, /api/speakers) until Ctrl-C.
    """
    from saidwhen.web import make_server

    try:
        server = make_server(db, host, port, quiet=quiet)
    except SaidwhenError as err:
        raise click.ClickException(str(err)) from err
    except OSError as err:  # the port is taken, or the address is not this machine's
        raise click.ClickException(f"cannot listen on {host}:{port}: {err}") from err
    with server:
        click.echo(f"saidwhen: serving {db} at {server.url} (Ctrl-C to stop)", err=True)
        with contextlib.suppress(KeyboardInterrupt):  # uvicorn stops cleanly on Ctrl-C
            server.serve_forever()
        click.echo("saidwhen: stopped", err=True)
