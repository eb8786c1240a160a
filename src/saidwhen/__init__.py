"""saidwhen: who said what, when, in dated news articles.

Example:
    >>> import saidwhen
    >>> record = saidwhen.extract(text, date="2020-10-28")  # doctest: +SKIP
    >>> [(q.speaker.name, q.text) for q in record.quotes]  # doctest: +SKIP
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from saidwhen.errors import InputError, SaidwhenError, StoreError
from saidwhen.model import (
    Article,
    ArticleRecord,
    DateRange,
    Event,
    Person,
    Quote,
    Span,
    Speaker,
    Timex,
)
from saidwhen.pipeline import extract, extract_articles

logging.getLogger("saidwhen").addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "ArticleRecord",
    "DateRange",
    "Event",
    "InputError",
    "Person",
    "Quote",
    "SaidwhenError",
    "Span",
    "Speaker",
    "StoreError",
    "Timex",
    "__version__",
    "extract",
    "extract_articles",
]
