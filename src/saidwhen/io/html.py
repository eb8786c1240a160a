"""HTML pages: the main text, title and date, found by trafilatura."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from saidwhen.errors import EmptyInputError, MissingDateError
from saidwhen.model import Article

__all__ = ["read_html"]

log = logging.getLogger(__name__)

# Publication date, not the last-modified one; look hard before giving up.
_DATE_PARAMS = {"original_date": True, "extensive_search": True}


def _extract(html: str, url: str | None) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )


def read_html(
    text: str,
    source: str,
    date: dt.date | None = None,
    *,
    url: str | None = None,
    fallback_date: dt.date | None = None,
) -> Article:
    """One article from an HTML page.

    The page's own date wins over ``date`` (as a date line does for text);
    ``fallback_date`` (a WARC capture date) is used only when neither exists.

    Raises:
        EmptyInputError: trafilatura found no main text.
        MissingDateError: the page has no date and none was given.
    """
    doc = _extract(text, url)
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise EmptyInputError(source, "no main text found in the HTML page")
    page_date: dt.date | None = None
    raw = getattr(doc, "date", None)
    if raw:
        try:
            page_date = dt.date.fromisoformat(str(raw)[:10])
        except ValueError:
            log.debug("%s: unreadable page date %r", source, raw)
    final = page_date or date or fallback_date
    if final is None:
        raise MissingDateError(source, "no date in the HTML page; give --date YYYY-MM-DD")
    return Article(
        text=body,
        date=final,
        id=url or source,
        title=getattr(doc, "title", None) or None,
        url=url or getattr(doc, "url", None) or None,
        outlet=getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or None,
        source=source,
    )
