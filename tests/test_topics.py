"""Topics: indirect records that name what was talked about, on hand-written sentences.

Each case runs the whole pipeline, so it checks what our extractor really
outputs for the sentence, then the flag on the record whose content is given.
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import pytest

from saidwhen.model import Article, Quote, Span
from saidwhen.pipeline import record_from_doc

topics = importlib.import_module("saidwhen.extract.topics")


def _quotes(nlp: Any, text: str) -> list[Quote]:
    art = Article(text=text, date=dt.date(2021, 3, 2), id="t")
    return list(record_from_doc(art, nlp(text)).quotes)


def _record(nlp: Any, text: str, content: str) -> Quote:
    found = [q for q in _quotes(nlp, text) if q.text == content]
    assert found, f"no record {content!r} in {[q.text for q in _quotes(nlp, text)]}"
    return found[0]


# sentence, the record's content: a topic
TOPICS = [
    ("The senator addressed the concerns of farmers.", "the concerns of farmers"),
    ("The diarist had documented his illness since June.", "his illness since June"),
    ("The mayor discussed the budget with the council.", "the budget with the council"),
    ("The pianist mentioned the weather.", "the weather"),
    ("He talked about his childhood in Ohio.", "his childhood in Ohio"),
    ("The mayor commented on the strike.", "the strike"),
    ("The lawyer described the conditions in the prison.", "the conditions in the prison"),
    ("He talked about leaving the party.", "leaving the party"),
    ("The minister opened up about why he resigned from the cabinet.",
     "why he resigned from the cabinet"),
    ("The governor discussed whether the bridge should be closed.",
     "whether the bridge should be closed"),
    ("The coach explained how the team had lost the final.", "how the team had lost the final"),
    ("The minister refused to say when the election would be held.",
     "when the election would be held"),
    ("The mayor said what she thought of the plan.", "what she thought of the plan"),
]  # fmt: skip

# sentence, the record's content: a statement
STATEMENTS = [
    ("She said the plan was a disaster.", "the plan was a disaster"),
    ("She revealed that the couple had split.", "that the couple had split"),
    ("The coach explained that the team had been tired.", "that the team had been tired"),
    ("The singer called the plan a disaster.", "the plan a disaster"),
    ("He called the report misleading.", "the report misleading"),
    ("The critic described the film as a triumph.", "the film as a triumph"),
    ("The baker thanked the nurses for their care.", "the nurses for their care"),
    ("The chef expressed regret for the delays.", "regret for the delays"),
    ("Officials denied the allegations.", "the allegations"),
    ("He announced his resignation.", "his resignation"),
    ("She promised a full inquiry.", "a full inquiry"),
    ("The actor apologized for his remarks.", "his remarks"),
    ("The actor praised the director's patience.", "the director's patience"),
    ("He asked whether the shop was open.", "whether the shop was open"),
    ("She wondered why the train was late.", "why the train was late"),
    ("The poet said what mattered most was family.", "what mattered most was family"),
]


@pytest.mark.parametrize(("text", "content"), TOPICS, ids=[c for _, c in TOPICS])
def test_topic(nlp: Any, text: str, content: str) -> None:
    q = _record(nlp, text, content)
    assert q.kind == "indirect"
    assert q.topic
    assert q.to_dict()["topic"] is True


@pytest.mark.parametrize(("text", "content"), STATEMENTS, ids=[c for _, c in STATEMENTS])
def test_statement(nlp: Any, text: str, content: str) -> None:
    q = _record(nlp, text, content)
    assert not q.topic
    assert q.to_dict()["topic"] is False


def test_direct_quotes_and_fragments_are_never_topics(nlp: Any) -> None:
    text = 'The mayor talked about "the mess downtown". "We will fix it," she said.'
    found = _quotes(nlp, text)
    assert {q.kind for q in found} >= {"direct", "fragment"}
    assert not any(q.topic for q in found if q.kind != "indirect")


def test_mark_topics_leaves_records_without_a_cue_alone(nlp: Any) -> None:
    text = "The mayor mentioned the weather."
    doc = nlp(text)
    bare = Quote("the weather", 19, 30, "indirect")
    cued = Quote("the weather", 19, 30, "indirect", cue=Span("mentioned", 9, 18))
    direct = Quote("the weather", 19, 30, "direct", cue=Span("mentioned", 9, 18))
    assert [q.topic for q in topics.mark_topics(doc, [bare, cued, direct])] == [False, True, False]
