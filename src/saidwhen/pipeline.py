"""From an article to its record: parse once, then run the pure extraction stages."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterable, Iterator
from typing import Any

from saidwhen.extract.attribution import find_quotes
from saidwhen.extract.events import find_events
from saidwhen.extract.people import find_people, name_speakers
from saidwhen.extract.timexes import find_timexes
from saidwhen.extract.topics import mark_topics
from saidwhen.extract.when import date_quotes
from saidwhen.model import Article, ArticleRecord
from saidwhen.nlp import load_nlp, parse_many

__all__ = ["extract", "extract_articles", "fewer_collections", "record_from_doc"]

# allocations between two young-generation collections while a batch runs (Python: 700)
GC_THRESHOLD = 10_000


def _nlp_text(article: Article) -> str:
    # Blank out a date header rather than cut it, so Doc offsets are input offsets.
    head = article.text[: article.body_start]
    return "".join(c if c in "\r\n" else " " for c in head) + article.text[article.body_start :]


def record_from_doc(article: Article, doc: Any, *, keep_text: bool = False) -> ArticleRecord:
    """Run every extraction stage over a parsed article."""
    text = article.text
    people = find_people(doc)
    quotes = find_quotes(doc, people, start=article.body_start)
    quotes = name_speakers(doc, quotes, people)
    quotes = mark_topics(doc, quotes)
    timexes = find_timexes(text, article.date, start=article.body_start, doc=doc)
    quotes = date_quotes(doc, quotes, timexes, article.date)
    events = find_events(doc, timexes, people, article.date)
    return ArticleRecord(
        id=article.id,
        date=article.date,
        title=article.title,
        url=article.url,
        outlet=article.outlet,
        quotes=tuple(quotes),
        people=tuple(people.persons()),
        timexes=tuple(timexes),
        events=tuple(events),
        source=article.source,
        text=text if keep_text else None,
    )


def extract_articles(
    articles: Iterable[Article], nlp: Any = None, *, keep_text: bool = False, batch_size: int = 4
) -> Iterator[ArticleRecord]:
    """Records for many articles, parsed in batches (one spaCy pipeline per process).

    Small batches keep the parser's peak memory low (batches of 16 took a
    process past 500 MB on PolNeAR, batches of 4 about 300 MB at the same speed).
    """
    nlp = nlp or load_nlp()
    arts = list(articles)
    with fewer_collections():
        docs = parse_many(nlp, map(_nlp_text, arts), batch_size)
        for article, doc in zip(arts, docs, strict=True):
            yield record_from_doc(article, doc, keep_text=keep_text)


@contextlib.contextmanager
def fewer_collections(threshold: int = GC_THRESHOLD) -> Iterator[None]:
    """Run the cyclic garbage collector less often while a batch is extracted.

    Parsing and extraction allocate millions of short-lived lists and strings
    and almost no cycles; at Python's default (a collection every 700
    allocations) the collector took about 5% of the time on PolNeAR dev.
    """
    old = gc.get_threshold()
    gc.set_threshold(threshold, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def extract(
    text: str,
    date: dt.date | str,
    *,
    id: str = "",
    title: str | None = None,
    url: str | None = None,
    nlp: Any = None,
) -> ArticleRecord:
    """Who said what, when, in one article.

    Args:
        text: the article; a first line ``date YYYY-MM-DD`` is read as its date
            and kept in the offsets.
        date: the article's publication date (ISO string or ``date``).

    Example:
        >>> rec = extract('"We won," she said.', "2020-10-28")  # doctest: +SKIP
        >>> rec.quotes[0].text
        'We won,'
    """
    from saidwhen.io.readers import read_text_article

    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    art = read_text_article(text, id or "<text>", date)
    art = Article(
        text=art.text, date=art.date, id=id, title=title, url=url, body_start=art.body_start
    )
    return next(extract_articles([art], nlp))
