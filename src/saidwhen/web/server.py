"""The HTTP layer: a Starlette app under uvicorn, for the pages and their JSON twins.

uvicorn closes idle keep-alive connections (5 s), listens with a real
backlog, drops a client that hangs up without a traceback, and answers a
malformed or oversized request with a 400; every reply, errors included,
carries the security headers below. Database work runs in Starlette's thread
pool, each thread with its own read-only connection (SQLite ``mode=ro``):
the server never writes or holds a write lock, so an ingest can keep writing
to the same bank (WAL) while people browse it.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import os
import socket
import sqlite3
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import h11
import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from saidwhen.errors import SaidwhenError
from saidwhen.store.pages import FACET_SAMPLE
from saidwhen.web.app import (
    MAX_OFFSET,
    PAGE_SIZE,
    BadParameter,
    api_article,
    api_home,
    api_person,
    api_quote,
    api_search,
    api_speakers,
    check_bank,
    open_readonly,
)
from saidwhen.web.render import article_segments, link, render, timeline

__all__ = ["BankServer", "create_app", "make_server"]

# no inline script and nothing from elsewhere: a quote that slipped into markup could not run
_CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
    " frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "content-security-policy": _CSP,
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
_STATIC = {
    "style.css": "text/css; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
}
_SEARCH_KEYS = ("text", "speaker", "person", "from", "to", "outlet", "topics")
_log = logging.getLogger("saidwhen.web")
BACKLOG = 2048  # pending connections the kernel keeps (http.server's 5 stalled 16 clients)
KEEP_ALIVE = 5  # seconds an idle keep-alive connection is kept open after a reply
HEAD_TIMEOUT = 10  # seconds a client has to send a whole request head
# bytes of a request head read before it is whole: room for issue 13's 60,000-character
# query, which the app refuses naming the parameter (h11's own 16 KiB let it through
# only when it came in one read, so a slow client got a hang-up); past it, a 400
MAX_HEAD_BYTES = 64 * 1024


class _Unreadable(Exception):
    """The bank cannot be read (moved, locked past the timeout, damaged): a 503."""


class _Connections:
    """One read-only connection per worker thread, opened on first use.

    A connection that failed is closed and opened again on the next request.
    """

    def __init__(self, db: Path) -> None:
        self.db = db
        self._local = threading.local()

    def get(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = open_readonly(self.db)
            # pages read rows all over the file: map it rather than copy pages in by read()
            conn.execute("PRAGMA mmap_size = 1073741824")
            conn.execute("PRAGMA cache_size = -16384")
            self._local.conn = conn
        return conn

    def drop(self) -> None:
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            conn.close()

    def run(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        try:
            return fn(self.get())
        except BadParameter:  # the request's fault, not the bank's
            raise
        except (SaidwhenError, sqlite3.Error) as err:
            self.drop()
            raise _Unreadable(f"the quote bank cannot be read: {err}") from err


# -- the app ---------------------------------------------------------------------------


@functools.cache
def _static_bytes(name: str) -> bytes:
    """A static file's bytes, read from the package once per process."""
    return resources.files("saidwhen.web").joinpath("static", name).read_bytes()


def _params(request: Request) -> dict[str, str]:
    # the last value of a repeated parameter wins, as in a form
    return dict(request.query_params)


def _json(payload: dict[str, Any], status: int = 200) -> Response:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return Response(body, status, media_type="application/json; charset=utf-8")


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, message: str, parameter: str | None = None) -> Response:
    if _is_api(request):
        payload: dict[str, Any] = {"error": message}
        if parameter:
            payload["parameter"] = parameter
        return _json(payload, status)
    titles = {400: "Bad request", 404: "Not found", 405: "Not allowed", 503: "Unavailable"}
    html = render("error.html", title=titles.get(status, "Error"), message=message)
    return HTMLResponse(html, status)


def create_app(db: str | os.PathLike[str]) -> ASGIApp:
    """The ASGI app over the bank at ``db`` (read-only); every reply, a crash's
    included, carries :data:`SECURITY_HEADERS`."""
    conns = _Connections(Path(db))

    async def home(request: Request) -> Response:
        params = _params(request)
        kept = {k: params[k].strip() for k in _SEARCH_KEYS if params.get(k, "").strip()}
        blank = dict.fromkeys(("text", "speaker", "person", "from", "to", "outlet"))
        try:
            page = _page_number(params)
        except BadParameter as err:  # the form again, with the reason
            q = blank | kept | {"topics": bool(kept.get("topics"))}
            html = render("search.html", q=q, searched=True, error=f"{err}", api="/api/search")
            return HTMLResponse(html, 400)
        api_args = kept | {"limit": str(PAGE_SIZE), "offset": str((page - 1) * PAGE_SIZE)}
        api_args["facets"] = "1"
        if not any(k != "topics" for k in kept):
            data = await _run(conns, api_home)
            q = blank | {"topics": bool(kept.get("topics"))}
            return _page("search.html", q=q, searched=False, people=data["people"], api="/api/")
        try:
            data = await _run(conns, lambda c: api_search(c, api_args))
        except BadParameter as err:
            q = blank | kept | {"topics": bool(kept.get("topics"))}
            html = render("search.html", q=q, searched=True, error=f"{err}", api="/api/search")
            return HTMLResponse(html, 400)
        names = {f["id"]: f["name"] for f in data["facets"]["speakers"]}
        return _page(
            "search.html",
            q=data["query"],
            searched=True,
            total=data["total"],
            total_exact=data["total_exact"],
            results=data["results"],
            facets=data["facets"],
            facets_sampled=data["facets_sampled"],
            facet_sample=FACET_SAMPLE,
            params=kept,
            chips=_chips(kept, names, data["results"]),
            api="/api/search?" + urlencode(api_args),
        )

    async def person(request: Request) -> Response:
        pid = request.path_params["id"]
        params = _params(request)
        page = _page_number(params)
        kept = {k: params[k] for k in ("text", "topics") if params.get(k, "").strip()}
        api_args = kept | {"offset": str((page - 1) * PAGE_SIZE)}
        data = await _run(conns, lambda c: api_person(c, pid, api_args))
        if data is None:
            return _error(request, 404, f"no person {pid}")
        return _page(
            "person.html",
            p=data,
            chart=timeline(data["timeline"]),
            params=kept,
            api=f"/api/people/{pid}" + ("?" + urlencode(api_args) if kept else ""),
        )

    async def article(request: Request) -> Response:
        aid = request.path_params["id"]
        data = await _run(conns, lambda c: api_article(c, aid))
        if data is None:
            return _error(request, 404, f"no article {aid}")
        for q in data["quotes"]:
            q["placed"] = False
        segments = article_segments(data["text"], data["quotes"]) if data["text"] else None
        return _page("article.html", a=data, segments=segments, api=f"/api/articles/{aid}")

    async def search_json(request: Request) -> Response:
        params = _params(request)
        return _json(await _run(conns, lambda c: api_search(c, params)))

    async def speakers_json(request: Request) -> Response:
        params = _params(request)
        return _json(await _run(conns, lambda c: api_speakers(c, params)))

    async def home_json(request: Request) -> Response:
        return _json(await _run(conns, api_home))

    async def quote_json(request: Request) -> Response:
        qid = request.path_params["id"]
        data = await _run(conns, lambda c: api_quote(c, qid))
        return _error(request, 404, f"no quote {qid}") if data is None else _json(data)

    async def person_json(request: Request) -> Response:
        pid = request.path_params["id"]
        params = _params(request)
        data = await _run(conns, lambda c: api_person(c, pid, params))
        return _error(request, 404, f"no person {pid}") if data is None else _json(data)

    async def article_json(request: Request) -> Response:
        aid = request.path_params["id"]
        data = await _run(conns, lambda c: api_article(c, aid))
        return _error(request, 404, f"no article {aid}") if data is None else _json(data)

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        ctype = _STATIC.get(name)
        if ctype is None:  # nothing else on disk is ever served
            raise HTTPException(404, f"no such file: {name}")
        return Response(_static_bytes(name), media_type=ctype)

    async def no_icon(request: Request) -> Response:  # a browser asks, for the JSON pages too
        return Response(status_code=204)

    async def bad_parameter(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, BadParameter)
        return _error(request, 400, f"{exc.parameter}: {exc.reason}", exc.parameter)

    async def unreadable(request: Request, exc: Exception) -> Response:
        return _error(request, 503, str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            message = f"no such page: {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed; the quote bank is read-only"
        else:
            message = exc.detail
        response = _error(request, exc.status_code, message)
        response.headers.update(exc.headers or {})
        if exc.status_code == 405:  # Starlette lists them from a set: one order, always
            response.headers["allow"] = "GET, HEAD"
        return response

    async def internal(request: Request, exc: Exception) -> Response:  # a bug: say so in JSON
        _log.error("%s failed: %r", request.url.path, exc)
        return _error(request, 500, f"internal error: {exc.__class__.__name__}")

    get = ["GET", "HEAD"]
    routes = [
        Route("/", home, methods=get),
        Route("/index.html", home, methods=get),
        Route("/people/{id:int}", person, methods=get),
        Route("/articles/{id:int}", article, methods=get),
        Route("/api/", home_json, methods=get),
        Route("/api/search", search_json, methods=get),
        Route("/api/speakers", speakers_json, methods=get),
        Route("/api/quotes/{id:int}", quote_json, methods=get),
        Route("/api/people/{id:int}", person_json, methods=get),
        Route("/api/articles/{id:int}", article_json, methods=get),
        Route("/static/{name}", static, methods=get),
        Route("/favicon.ico", no_icon, methods=get),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            BadParameter: bad_parameter,
            _Unreadable: unreadable,
            HTTPException: http_error,
            Exception: internal,
        },
    )
    return _SecurityHeaders(app)


async def _run(conns: _Connections, fn: Callable[[sqlite3.Connection], Any]) -> Any:
    """``fn(connection)`` in the thread pool: SQLite never blocks the event loop."""
    return await run_in_threadpool(conns.run, fn)


def _page_number(params: dict[str, str]) -> int:
    """``page`` (from 1), within the deepest page the API serves."""
    value = params.get("page", "").strip() or "1"
    last = MAX_OFFSET // PAGE_SIZE + 1
    if not (value.isdigit() and 1 <= int(value[:9]) <= last):
        raise BadParameter("page", f"{value[:20]!r} is not a page number (1 to {last})")
    return int(value)


def _page(template: str, **context: Any) -> Response:
    context.setdefault("max_offset", MAX_OFFSET)
    context.setdefault("error", None)
    return HTMLResponse(render(template, **context))


def _chips(
    kept: dict[str, str], names: dict[int, str], results: list[dict[str, Any]]
) -> list[dict[str, str]]:
    """The active filters, each with a link that removes it."""
    labels = {"text": "Words", "speaker": "Speaker", "from": "Said from", "to": "Said to"}
    labels |= {"outlet": "Outlet", "person": "Speaker", "topics": "Topics"}
    chips = []
    for key, value in kept.items():
        shown = value
        if key == "person":
            pid = int(value) if value.isdigit() else 0
            by_result = {r["speaker_id"]: r["speaker"] for r in results}
            shown = names.get(pid) or by_result.get(pid) or f"person {value}"
        elif key == "topics":
            shown = "included"
        remove = link("/", kept, **{key: None})
        chips.append({"label": labels[key], "value": shown, "remove": remove})
    return chips


class _SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every reply of the app."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for k, v in SECURITY_HEADERS.items():
                    headers[k] = v
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, whose own replies (a malformed request, a request
    line or headers too long) carry the security headers and a JSON body too, and
    which hangs up on a client that does not send a whole request head within
    :data:`HEAD_TIMEOUT` (uvicorn times out idle keep-alive connections only after
    a first request; a connection that says nothing, or drips its head, stayed open)."""

    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._deadline is not None and not self._waiting():
            self._deadline.cancel()
            self._deadline = None

    def connection_lost(self, exc: Exception | None) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        super().connection_lost(exc)

    def _waiting(self) -> bool:
        """No request in progress: the next one's head has not come in whole."""
        return self.cycle is None or self.cycle.response_complete

    def _arm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline = self.loop.call_later(HEAD_TIMEOUT, self._too_slow)

    def _too_slow(self) -> None:
        self._deadline = None
        if self._waiting() and not self.transport.is_closing():
            self.transport.close()

    def send_400_response(self, msg: str) -> None:
        body = json.dumps({"error": f"bad request: {msg}"}).encode()
        headers = [
            (b"content-type", b"application/json; charset=utf-8"),
            (b"connection", b"close"),
            *((k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()),
        ]
        self.transport.write(self.conn.send(h11.Response(status_code=400, headers=headers)))
        self.transport.write(self.conn.send(h11.Data(data=body)))
        self.transport.write(self.conn.send(h11.EndOfMessage()))
        self.transport.close()


# -- the server ------------------------------------------------------------------------


class BankServer:
    """uvicorn serving :func:`create_app` on a socket bound at construction.

    Binding first means a taken port fails in :func:`make_server`, and
    ``port=0`` has its real port in :attr:`url` before serving starts.
    """

    def __init__(self, host: str, port: int, db: Path, *, quiet: bool = False) -> None:
        self.db = db
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        # proto named: asyncio turns Nagle off only on sockets that say TCP, and with it
        # on, a reply's body waited 40 ms for the ACK of its headers
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
            sock.listen(BACKLOG)
        except OSError:
            sock.close()
            raise
        self.socket = sock
        config = uvicorn.Config(
            create_app(db),
            http=_Protocol,
            lifespan="off",
            timeout_keep_alive=KEEP_ALIVE,
            backlog=BACKLOG,
            server_header=False,
            h11_max_incomplete_event_size=MAX_HEAD_BYTES,
            access_log=not quiet,
            log_level="warning" if quiet else "info",
            log_config=None if quiet else uvicorn.config.LOGGING_CONFIG,
        )
        self._server = uvicorn.Server(config)

    @property
    def url(self) -> str:
        host, port = self.socket.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def serve_forever(self) -> None:
        """Serve until :meth:`shutdown` (or Ctrl-C in the main thread)."""
        self._server.run(sockets=[self.socket])

    def shutdown(self) -> None:
        self._server.should_exit = True

    def server_close(self) -> None:
        self.socket.close()

    def __enter__(self) -> BankServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.server_close()


def make_server(
    db: str | os.PathLike[str], host: str = "127.0.0.1", port: int = 8000, *, quiet: bool = False
) -> BankServer:
    """A server for the bank at ``db`` (checked first: :class:`StoreError` names the path).

    ``port=0`` picks a free port; the chosen one is in ``server.url``.
    """
    path = Path(db)
    check_bank(path)
    return BankServer(host, port, path, quiet=quiet)
