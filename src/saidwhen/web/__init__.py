"""Web pages to browse the quote bank, each with a JSON twin (``saidwhen serve``).

Example:
    >>> from saidwhen.web import make_server
    >>> with make_server("bank.db", port=0) as server:  # doctest: +SKIP
    ...     print(server.url)
    ...     server.serve_forever()
"""

from saidwhen.web.app import (
    BadParameter,
    api_article,
    api_person,
    api_quote,
    api_search,
    api_speakers,
    check_bank,
)
from saidwhen.web.server import BankServer, create_app, make_server

__all__ = [
    "BadParameter",
    "BankServer",
    "api_article",
    "api_person",
    "api_quote",
    "api_search",
    "api_speakers",
    "check_bank",
    "create_app",
    "make_server",
]
