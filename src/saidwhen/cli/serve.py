"""``saidwhen serve``: a web page to browse the quote bank, and its JSON API."""

from __future__ import annotations

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
def serve(db: str, host: str, port: int) -> None:
    """Browse the quote bank in a web browser (read-only; an ingest may run meanwhile).

    Serves a search page at / and JSON at /api/search, /api/speakers and
    /api/quotes/ID until Ctrl-C.
    """
    from saidwhen.web import make_server

    try:
        server = make_server(db, host, port)
    except SaidwhenError as err:
        raise click.ClickException(str(err)) from err
    except OSError as err:  # the port is taken, or the address is not this machine's
        raise click.ClickException(f"cannot listen on {host}:{port}: {err}") from err
    with server:
        click.echo(f"saidwhen: serving {db} at {server.url} (Ctrl-C to stop)", err=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("saidwhen: stopped", err=True)
