"""The quote bank: articles, people, merged quotes and their occurrences in SQLite.

Example:
    >>> from saidwhen.store import Store, connect, search
    >>> with Store("bank.db") as store:  # doctest: +SKIP
    ...     store.add(records)
    >>> search(connect("bank.db", readonly=True), "little I care")  # doctest: +SKIP
"""

from saidwhen.store.db import DEFAULT_DB, Store, WriteStats, article_key, connect, content_hash
from saidwhen.store.search import (
    counts,
    export_quotes,
    find_people,
    has_topics,
    quote_occurrences,
    search,
    speakers,
)

__all__ = [
    "DEFAULT_DB",
    "Store",
    "WriteStats",
    "article_key",
    "connect",
    "content_hash",
    "counts",
    "export_quotes",
    "find_people",
    "has_topics",
    "quote_occurrences",
    "search",
    "speakers",
]
