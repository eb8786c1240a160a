"""A web page to browse the quote bank, and the JSON API behind it (``saidwhen serve``).

Example:
    >>> from saidwhen.web import make_server
    >>> with make_server("bank.db", port=0) as server:  # doctest: +SKIP
    ...     print(server.url)
    ...     server.serve_forever()
"""

from saidwhen.web.app import BadParameter, api_quote, api_search, api_speakers, check_bank
from saidwhen.web.server import BankServer, make_server

__all__ = [
    "BadParameter",
    "BankServer",
    "api_quote",
    "api_search",
    "api_speakers",
    "check_bank",
    "make_server",
]
