"""The date of a quote in made-up news, for the tests of ``saidwhen.extract.when``
(2019-11-20 is a Wednesday, so "Tuesday" is the day before)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from saidwhen.model import Quote

NEWS_DAY = "2019-11-20"


def dated(nlp: Any, text: str, quoted: str) -> tuple[str | None, str]:
    """``when`` and ``when_basis`` of the one quote holding ``quoted`` (its direct or
    fragment record when a report holds the words too)."""
    from saidwhen.pipeline import extract

    record = extract(text, NEWS_DAY, nlp=nlp)
    found = [q for q in record.quotes if quoted in q.text]
    (q,) = [q for q in found if q.kind != "indirect"] or found
    return q.when, q.when_basis


def when(q: Quote) -> str | None:
    """A quote's day, or its range as ``START/END``."""
    if q.when_range is not None:
        return f"{q.when_range.start}/{q.when_range.end}"
    return q.when


def assert_quote_dated(nlp: Any, text: str, quoted: str, expected: str | None) -> None:
    """The one direct quote or fragment holding ``quoted`` has the day or range ``expected``,
    read from the text, or (``None``) the article date."""
    from saidwhen.pipeline import extract

    record = extract(text, NEWS_DAY, nlp=nlp)
    (q,) = [q for q in record.quotes if quoted in q.text and q.kind != "indirect"]
    assert when(q) == expected
    assert q.when_basis == ("text" if expected else "article date")
