"""Reported statements found and not invented (issue 10, session 26), on sentences of our own.

Each case runs the whole pipeline and reads the indirect records it gives.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from saidwhen.model import Article, Quote
from saidwhen.pipeline import record_from_doc


def _reports(nlp: Any, text: str) -> list[Quote]:
    art = Article(text=text, date=dt.date(2021, 3, 2), id="t")
    return [q for q in record_from_doc(art, nlp(text)).quotes if q.kind == "indirect"]


# a topic that only names people (those spoken to or about): no record
PEOPLE_ONLY = [
    "The harbour master addressed her critics at the town hall.",
    "The senator referred to Ines Varga in his speech.",
    "The mayor talked about the governor for an hour.",
    "At the fair the baker mentioned him twice.",
    "The coach addressed the crowd after the final.",
]

# a topic naming a thing, and statements whose words name people, stay
KEPT = [
    ("The senator addressed the concerns of farmers.", "the concerns of farmers"),
    ("The mayor spoke about the ferry in her speech.", "the ferry"),
    ("The baker thanked the nurses for their care.", "the nurses for their care"),
    ("The critic described the painter as a genius.", "the painter as a genius"),
    ("The two hosts had a long debate about the candidates.", "the candidates"),
    ("The senator kept referring to Ines Varga as a baroness.", "Ines Varga as a baroness"),
    ("The paper described him as a candidate adrift.", "him as a candidate adrift"),
    ("The weekly, in a long profile, described a mayor exhausted.", "a mayor exhausted"),
]  # fmt: skip

# the one charged in court is no source of words; "charged X with", "charged that" stay
CHARGES = [
    ("Three clerks were charged with fraud on Monday.", None),
    ("The harbour master has never been charged with any crime.", None),
    # (a charge that is an act of speech: without the rule, a record of its words)
    ("Two aides were charged with making false statements to the board.", None),
    ("He was charged with inciting a riot after the speech.", None),
    ("Prosecutors charged the harbour master with theft.", "the harbour master with theft"),
    ("The senator charged that the mayor had hidden the figures.",
     "that the mayor had hidden the figures"),
]  # fmt: skip

# a participle of a sure frame whose source is a noun that can speak
PARTICIPLES = [
    ("At the rally, speakers took turns urging the crowd to vote in the spring.",
     "to vote in the spring", "speakers"),
    ("The union ran an ad attacking the mayor as a friend of the developers.",
     "the mayor as a friend of the developers", "ad"),
]  # fmt: skip


@pytest.mark.parametrize("text", PEOPLE_ONLY)
def test_topic_of_people_only_is_no_report(nlp: Any, text: str) -> None:
    assert [q.text for q in _reports(nlp, text)] == []


@pytest.mark.parametrize(("text", "content"), KEPT, ids=[c for _, c in KEPT])
def test_other_objects_stay(nlp: Any, text: str, content: str) -> None:
    assert content in [q.text for q in _reports(nlp, text)]


@pytest.mark.parametrize(("text", "content"), CHARGES, ids=[t for t, _ in CHARGES])
def test_charges_in_court(nlp: Any, text: str, content: str | None) -> None:
    assert [q.text for q in _reports(nlp, text)] == ([content] if content else [])


@pytest.mark.parametrize(
    ("text", "content", "source"), PARTICIPLES, ids=[c for _, c, _ in PARTICIPLES]
)
def test_participle_of_a_speaking_noun(nlp: Any, text: str, content: str, source: str) -> None:
    found = [q for q in _reports(nlp, text) if q.text == content]
    assert found, [q.text for q in _reports(nlp, text)]
    assert found[0].speaker is not None and found[0].speaker.mention.endswith(source)
