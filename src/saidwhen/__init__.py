"""saidwhen: who said what, when, in dated news articles.

Example:
    >>> import saidwhen
    >>> record = saidwhen.extract(text, date="2020-10-28")  # doctest: +SKIP
    >>> [(q.speaker.name, q.text) for q in record.quotes]  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

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
from saidwhen.pipeline import extract_articles

if TYPE_CHECKING:
    from saidwhen.pipeline import extract
else:
    # the package of the stages, callable as pipeline.extract: the function bound here
    # would hide the package from "import saidwhen.extract.timexes as t"
    from saidwhen import extract

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
