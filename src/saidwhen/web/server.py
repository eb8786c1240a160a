"""The HTTP layer: a standard-library threading server for the page and the API.

Each request opens its own read-only connection and closes it when done, so
the server holds no SQLite lock between requests and an ingest can keep
writing to the same bank (WAL) while people browse it.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable, Mapping
from contextlib import closing
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from saidwhen.errors import SaidwhenError
from saidwhen.web.app import (
    BadParameter,
    api_quote,
    api_search,
    api_speakers,
    check_bank,
    open_readonly,
)

__all__ = ["BankServer", "make_server"]

# the page's files, by URL path; nothing else on disk is ever served
_STATIC = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/static/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/static/style.css": ("style.css", "text/css; charset=utf-8"),
}
_ENDPOINTS: dict[str, Callable[[sqlite3.Connection, Mapping[str, str]], dict[str, Any]]] = {
    "/api/search": api_search,
    "/api/speakers": api_speakers,
}
_QUOTE_PATH = re.compile(r"/api/quotes/(\d{1,18})")  # fullmatch
# no inline script and nothing from elsewhere: a quote that slipped into markup could not run
_CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'"

Payload = tuple[int, dict[str, Any]]


class BankServer(ThreadingHTTPServer):
    """A threading HTTP server that knows its quote bank."""

    daemon_threads = True  # a slow client never keeps the process alive at exit

    def __init__(self, address: tuple[str, int], db: Path, *, quiet: bool = False) -> None:
        self.db = db
        self.quiet = quiet
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = host if isinstance(host, str) else host.decode()
        if ":" in shown:
            shown = f"[{shown}]"
        return f"http://{shown}:{port}/"


class _Handler(BaseHTTPRequestHandler):
    server: BankServer
    server_version = "saidwhen"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _not_allowed(self) -> None:
        self.close_connection = True  # its body is never read: do not parse it as a request
        self._send_json(
            HTTPStatus.METHOD_NOT_ALLOWED,
            {"error": f"{self.command} is not allowed; the quote bank is read-only"},
            head=False,
            extra={"Allow": "GET, HEAD"},
        )

    do_POST = do_PUT = do_DELETE = do_PATCH = _not_allowed

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)

    # -- routing ---------------------------------------------------------------------
    def _respond(self, head: bool) -> None:
        url = urlsplit(self.path)
        static = _STATIC.get(url.path)
        if static is not None:
            name, ctype = static
            body = resources.files("saidwhen.web").joinpath("static", name).read_bytes()
            self._send(HTTPStatus.OK, body, ctype, head=head)
            return
        # the last value of a repeated parameter wins, as in a form
        params = dict(parse_qsl(url.query, keep_blank_values=True))
        try:
            status, payload = self._api(url.path, params)
        except Exception as err:  # a bug: answer in JSON, keep serving, log it
            self.log_error("%s failed: %r", self.path, err)
            status, payload = 500, {"error": f"internal error: {err.__class__.__name__}"}
        self._send_json(status, payload, head=head)

    def _api(self, path: str, params: dict[str, str]) -> Payload:
        endpoint = _ENDPOINTS.get(path)
        m = _QUOTE_PATH.fullmatch(path)
        if endpoint is None and m is None:
            return 404, {"error": f"no such page: {path}"}
        try:
            with closing(open_readonly(self.server.db)) as conn:
                if endpoint is not None:
                    return 200, endpoint(conn, params)
                assert m is not None
                quote = api_quote(conn, int(m.group(1)))
        except BadParameter as err:
            return 400, {"error": err.message, "parameter": err.parameter}
        except (SaidwhenError, sqlite3.Error) as err:
            # the bank was moved, is locked for longer than the timeout, or is damaged
            return 503, {"error": f"the quote bank cannot be read: {err}"}
        if quote is None:
            return 404, {"error": f"no quote {m.group(1)}"}
        return 200, quote

    # -- writing the answer ------------------------------------------------------------
    def _send_json(
        self,
        status: int,
        payload: dict[str, Any],
        *,
        head: bool,
        extra: dict[str, str] | None = None,
    ) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8", head=head, extra=extra)

    def _send(
        self,
        status: int,
        body: bytes,
        ctype: str,
        *,
        head: bool,
        extra: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", _CSP)
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if not head:
            self.wfile.write(body)


def make_server(
    db: str | os.PathLike[str], host: str = "127.0.0.1", port: int = 8000, *, quiet: bool = False
) -> BankServer:
    """A server for the bank at ``db`` (checked first: :class:`StoreError` names the path).

    ``port=0`` picks a free port; the chosen one is in ``server.url``.
    """
    path = Path(db)
    check_bank(path)
    return BankServer((host, port), path, quiet=quiet)
