"""From an article to its record: parse once, then run the pure extraction stages."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from saidwhen.errors import ExtractionError
from saidwhen.extract.events import find_events
from saidwhen.extract.memo import forget_article
from saidwhen.extract.people import find_people, name_speakers
from saidwhen.extract.people.speaker_rank import rank_speakers
from saidwhen.extract.speech import find_quotes
from saidwhen.extract.speech.view import ArticleView
from saidwhen.extract.timexes import find_timexes
from saidwhen.extract.topics import mark_topics, without_people_topics
from saidwhen.extract.when import date_quotes
from saidwhen.model import Article, ArticleRecord, Event, Person, Quote, Span, Timex
from saidwhen.nlp import CHUNK_CHARS, load_nlp, parse, parse_many
from saidwhen.nlp import cut_points as segments

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "SEGMENT_CHARS",
    "extract",
    "extract_articles",
    "extract_or_fail",
    "fewer_collections",
    "record_from_doc",
    "segment_bounds",
]

# A longer article is extracted in segments of at most this many characters, cut at
# paragraph (else sentence, else word) breaks: some stages grow faster than the text
# (a 200 KB paragraph took 5x the time of 100 KB), and a segment's parse is freed before
# the next, so time stays proportional to the length and memory bounded.
SEGMENT_CHARS = CHUNK_CHARS

# allocations between two young-generation collections while a batch runs (Python: 700)
GC_THRESHOLD = 10_000


def _nlp_text(article: Article) -> str:
    # Blank out a date header rather than cut it, so Doc offsets are input offsets.
    head = article.text[: article.body_start]
    return "".join(c if c in "\r\n" else " " for c in head) + article.text[article.body_start :]


def record_from_doc(article: Article, doc: Doc, *, keep_text: bool = False) -> ArticleRecord:
    """Run every extraction stage over a parsed article."""
    try:
        # one view (and one pairing of quotation marks) for the people and the quotes
        view = ArticleView.build(doc, article.body_start)
        people = find_people(doc, view.regions)
        quotes = find_quotes(doc, people, start=article.body_start, view=view)
        quotes = name_speakers(doc, quotes, people)
        quotes = rank_speakers(doc, quotes, people)
        quotes = mark_topics(doc, quotes)
        timexes = find_timexes(article.text, article.date, start=article.body_start, doc=doc)
        quotes = date_quotes(doc, quotes, timexes, article.date)
        quotes = without_people_topics(doc, quotes)
        events = find_events(doc, timexes, people, article.date)
        return _record(article, quotes, people.persons(), timexes, events, keep_text=keep_text)
    finally:
        forget_article()  # no parse outlives its article in a cache


def _record(
    article: Article,
    quotes: Iterable[Quote],
    people: Iterable[Person],
    timexes: Iterable[Timex],
    events: Iterable[Event],
    *,
    keep_text: bool,
) -> ArticleRecord:
    """The record of an article: its metadata and what the stages found in it."""
    return ArticleRecord(
        id=article.id,
        date=article.date,
        title=article.title,
        url=article.url,
        outlet=article.outlet,
        quotes=tuple(quotes),
        people=tuple(people),
        timexes=tuple(timexes),
        events=tuple(events),
        source=article.source,
        text=article.text if keep_text else None,
    )


def extract_articles(
    articles: Iterable[Article],
    nlp: Language | None = None,
    *,
    keep_text: bool = False,
    batch_size: int = 4,
) -> Iterator[ArticleRecord]:
    """Records for many articles, parsed in batches (one spaCy pipeline per process).

    Small batches keep the parser's peak memory low (batches of 16 took a
    process past 500 MB on PolNeAR, batches of 4 about 300 MB at the same speed).
    An article longer than :data:`SEGMENT_CHARS` is extracted segment by segment.
    """
    nlp = nlp or load_nlp()
    arts = list(articles)
    with fewer_collections():
        i = 0
        while i < len(arts):
            if len(arts[i].text) > SEGMENT_CHARS:
                yield _extract_long(arts[i], nlp, keep_text=keep_text)
                i += 1
                continue
            j = i
            while j < len(arts) and len(arts[j].text) <= SEGMENT_CHARS:
                j += 1
            run = arts[i:j]
            docs = parse_many(nlp, map(_nlp_text, run), batch_size)
            for article, doc in zip(run, docs, strict=True):
                yield record_from_doc(article, doc, keep_text=keep_text)
            i = j


def extract_or_fail(
    articles: Sequence[Article], nlp: Language | None = None, *, keep_text: bool = False
) -> list[ArticleRecord | ExtractionError]:
    """Records in order, an article that breaks the extractor a coded failure in its place.

    The batch runs whole; only when it fails is each article retried alone, to
    find the culprit, so the usual case costs nothing extra.
    """
    nlp = nlp or load_nlp()
    try:
        return list(extract_articles(articles, nlp, keep_text=keep_text))
    except Exception:  # retried one by one below
        pass
    out: list[ArticleRecord | ExtractionError] = []
    for art in articles:
        try:
            out.extend(extract_articles([art], nlp, keep_text=keep_text))
        except Exception as err:  # a bad article must not stop the batch
            where, _, line = (art.source or art.id).rpartition(":")
            source, num = (
                (where, int(line)) if line.isdigit() and where else (art.source or art.id, None)
            )
            out.append(ExtractionError(source, f"extraction failed (a bug): {err!r}", num))
    return out


def _extract_long(article: Article, nlp: Language, *, keep_text: bool) -> ArticleRecord:
    """One record for a long article, from its segments with their offsets moved back."""
    parts: list[ArticleRecord] = []
    bases: list[int] = []
    for lo, hi in segment_bounds(article.text, article.body_start):
        part = Article(
            text=article.text[lo:hi],
            date=article.date,
            id=article.id,
            source=article.source,
            body_start=max(0, article.body_start - lo),
        )
        parts.append(record_from_doc(part, parse(nlp, _nlp_text(part))))
        bases.append(lo)
    return join_records(article, parts, bases, keep_text=keep_text)


def segment_bounds(text: str, body_start: int = 0) -> list[tuple[int, int]]:
    """Where the segments of a long article lie, ``(lo, hi)``, as it is extracted: cut
    every :data:`SEGMENT_CHARS` past its header, without a segment that is header alone."""
    return [
        (lo, hi)
        for lo, hi in segments(text, body_start, SEGMENT_CHARS)
        if text[max(lo, body_start) : hi].strip()
    ]


def join_records(
    article: Article, parts: Sequence[ArticleRecord], bases: Sequence[int], *, keep_text: bool
) -> ArticleRecord:
    """The record of a whole article from the records of its segments starting at ``bases``.

    Offsets and indices (``repeat_of``, ``continues``, an event's ``timex``) are moved
    to the whole article; people of the same name are one person, and a one-word name
    that is the surname of just one person named in full elsewhere becomes that person.
    """
    quotes: list[Quote] = []
    timexes: list[Timex] = []
    events: list[Event] = []
    people: dict[str, Person] = {}
    for part, base in zip(parts, bases, strict=True):
        nq, nt = len(quotes), len(timexes)
        quotes += [_shift_quote(q, base, nq) for q in part.quotes]
        timexes += [
            dataclasses.replace(t, start=t.start + base, end=t.end + base) for t in part.timexes
        ]
        events += [
            dataclasses.replace(
                e,
                predicate=_shift_span(e.predicate, base),
                timex=None if e.timex is None else e.timex + nt,
            )
            for e in part.events
        ]
        for p in part.people:
            mentions = tuple(_shift_span(m, base) for m in p.mentions)
            people[p.name] = _merge_person(
                people.get(p.name), dataclasses.replace(p, mentions=mentions)
            )
    speakers = {q.speaker.name for q in quotes if q.speaker and q.speaker.name}
    rename = _surnames(people, speakers)
    for short, full in rename.items():
        if short in people:
            people[full] = _merge_person(people[full], people.pop(short))
    if rename:
        quotes = [_rename_speaker(q, rename) for q in quotes]
        events = [
            dataclasses.replace(e, actor=rename.get(e.actor, e.actor)) if e.actor else e
            for e in events
        ]
    return _record(article, quotes, people.values(), timexes, events, keep_text=keep_text)


def _shift_span(span: Span, base: int) -> Span:
    return Span(span.text, span.start + base, span.end + base)


def _shift_quote(q: Quote, base: int, n_before: int) -> Quote:
    sp, by = q.speaker, q.reported_by
    return dataclasses.replace(
        q,
        start=q.start + base,
        end=q.end + base,
        speaker=dataclasses.replace(sp, start=sp.start + base, end=sp.end + base) if sp else None,
        reported_by=(
            dataclasses.replace(by, start=by.start + base, end=by.end + base) if by else None
        ),
        cue=_shift_span(q.cue, base) if q.cue else None,
        reported_cue=_shift_span(q.reported_cue, base) if q.reported_cue else None,
        repeat_of=None if q.repeat_of is None else q.repeat_of + n_before,
        continues=None if q.continues is None else q.continues + n_before,
    )


def _merge_person(old: Person | None, new: Person) -> Person:
    if old is None:
        return new
    aliases = old.aliases + tuple(a for a in new.aliases if a not in old.aliases)
    if new.name != old.name and new.name not in aliases:
        aliases += (new.name,)  # a surname alone, joined to the full name
    return dataclasses.replace(
        old,
        mentions=old.mentions + new.mentions,
        descriptors=old.descriptors + tuple(d for d in new.descriptors if d not in old.descriptors),
        gender=old.gender or new.gender,
        aliases=aliases,
    )


def _surnames(people: dict[str, Person], speakers: set[str]) -> dict[str, str]:
    """One-word names that are the last word of exactly one longer name: short -> full."""
    by_last: dict[str, list[str]] = {}
    for name in people:
        words = name.split()
        if len(words) > 1:
            by_last.setdefault(words[-1], []).append(name)
    return {
        name: by_last[name][0]
        for name in people.keys() | speakers
        if " " not in name and len(by_last.get(name, ())) == 1
    }


def _rename_speaker(q: Quote, rename: dict[str, str]) -> Quote:
    sp = q.speaker
    if sp is None or sp.name not in rename:
        return q
    return dataclasses.replace(q, speaker=dataclasses.replace(sp, name=rename[sp.name]))


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
    nlp: Language | None = None,
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
