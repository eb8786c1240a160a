"""Fuzz: random text, quotation marks and dates through ``extract``; offsets always hold."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from saidwhen.model import Article
from saidwhen.pipeline import extract_articles

_PIECES = [
    '"', "“", "”", "'", "‘", "’", "«", "»", "``", "''", "\n", "\n\n", ",", ".", "?", "!", ":", ";",
    "—", "(", ")", "said", "says", "told reporters", "added", "according to", "he", "she",
    "they", "Ann Lee", "Mr. Okafor", "Dr. Rosa Ruiz", "the mayor", "The council", "Lee",
    "yesterday", "tomorrow", "on Monday", "last week", "next year", "in 2019", "March 3",
    "two days ago", "the 1990s", "Sept. 11, 2001", "at 5 p.m.", "every day", "that",
    "We will win", "It was not me", "I", "a", "of", "in",
]  # fmt: skip
_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_PIECES),
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6),
    ),
    min_size=1,
    max_size=40,
).map(lambda parts: " ".join(parts))


def check_offsets(text: str, rec: Any) -> None:
    """Every span of the record is the input's own characters at its offsets."""
    d = rec.to_dict()
    spans: list[tuple[int, int, str]] = []
    for q in d["quotes"]:
        spans.append((q["start"], q["end"], q["text"]))
        if q["speaker"]:
            sp = q["speaker"]
            spans.append((sp["start"], sp["end"], sp["mention"]))
        if q["cue"]:
            spans.append((q["cue"]["start"], q["cue"]["end"], q["cue"]["text"]))
        for key in ("repeat_of", "continues"):
            assert q[key] is None or 0 <= q[key] < len(d["quotes"])
    spans += [(t["start"], t["end"], t["text"]) for t in d["timexes"]]
    spans += [(m["start"], m["end"], m["text"]) for p in d["people"] for m in p["mentions"]]
    spans += [
        (e["predicate"]["start"], e["predicate"]["end"], e["predicate"]["text"])
        for e in d["events"]
    ]
    for start, end, got in spans:
        assert 0 <= start <= end <= len(text), (start, end, got)
        assert text[start:end] == got, (start, end, got, text[start:end])


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    body=_TEXT,
    date=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    header=st.booleans(),
)
# found by this test: a person's appositive noun began in the blanked date line
@example(body='"\n\n" \U000c7904g¹a\U000e1047k Ann Lee', date=dt.date(2000, 1, 1), header=True)
# found by this test: the week before an article dated 0001-01-02 is off the calendar
@example(body='"', date=dt.date(1, 1, 2), header=False)
def test_random_text_quotes_and_dates_keep_their_offsets(
    nlp: Any, body: str, date: dt.date, header: bool
) -> None:
    head = f"date {date.isoformat()}\n" if header else ""
    art = Article(text=head + body, date=date, id="fuzz", body_start=len(head))
    (rec,) = extract_articles([art], nlp)
    check_offsets(art.text, rec)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(body=st.lists(_TEXT, min_size=2, max_size=5).map("\n\n".join), date=st.dates())
def test_offsets_hold_across_segments(nlp: Any, body: str, date: dt.date) -> None:
    from saidwhen import pipeline

    head = f"date {date.isoformat()}\n"
    art = Article(text=head + body, date=date, id="fuzz", body_start=len(head))
    old = pipeline.SEGMENT_CHARS
    pipeline.SEGMENT_CHARS = 80  # long articles in miniature: many cuts of every kind
    try:
        (rec,) = extract_articles([art], nlp)
    finally:
        pipeline.SEGMENT_CHARS = old
    check_offsets(art.text, rec)
