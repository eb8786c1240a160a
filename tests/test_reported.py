"""Reported speech: exact content, source and cue spans on hand-written sentences.

The ``nlp`` fixture (one spaCy pipeline per session) comes from conftest.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.rules import find_reported
from saidwhen.extract.speech.view import ArticleView
from saidwhen.model import Quote


def _find(nlp: Any, text: str, start: int = 0) -> list[Quote]:
    return [d.to_quote(text) for d in find_reported(ArticleView.build(nlp(text), start))]


# text, content, source (None: implicit), cue
CASES = [
    pytest.param(
        "The mayor said that the bridge would reopen in May.",
        "that the bridge would reopen in May",
        "The mayor",
        "said",
        id="verb-that-clause",
    ),
    pytest.param(
        "The bridge will reopen in May, said the mayor.",
        "The bridge will reopen in May",
        "the mayor",
        "said",
        id="inverted",
    ),
    pytest.param(
        "The bridge will reopen in May, officials said.",
        "The bridge will reopen in May",
        "officials",
        "said",
        id="parenthetical",
    ),
    pytest.param(
        "According to the city engineer, the bridge is safe.",
        "the bridge is safe",
        "the city engineer",
        "According to",
        id="according-to",
    ),
    pytest.param(
        "Mayor Diaz: Bridge will reopen in May\n\nThe city is pleased.",
        "Bridge will reopen in May",
        "Mayor Diaz",
        ":",
        id="colon-headline",
    ),
    pytest.param(
        "She told reporters that the budget was balanced.",
        "that the budget was balanced",
        "She",
        "told",
        id="pronoun-source",
    ),
    pytest.param(
        "It was reported that the factory would close.",
        "that the factory would close",
        None,
        "was reported",
        id="passive",
    ),
    pytest.param(
        "The senator did not say whether she would run again.",
        "whether she would run again",
        "The senator",
        "did not say",
        id="negation",
    ),
    pytest.param(
        "The campaign has argued that the ads were fair.",
        "that the ads were fair",
        "The campaign",
        "has argued",
        id="organisation-auxiliary",
    ),
    pytest.param(
        '"We will win," the coach said.',
        '"We will win,"',
        "the coach",
        "said",
        id="quoted-content",
    ),
    pytest.param(
        "The governor spoke on Monday, warning that taxes would rise.",
        "that taxes would rise",
        "The governor",
        "warning",
        id="participle-inherits-subject",
    ),
    pytest.param(
        "Aides believe the governor will sign the bill.",
        "the governor will sign the bill",
        "Aides",
        "believe",
        id="cognition-verb",
    ),
    pytest.param(
        "The report found that schools were underfunded.",
        "that schools were underfunded",
        "The report",
        "found",
        id="artifact-source",
    ),
]


@pytest.mark.parametrize(("text", "content", "source", "cue"), CASES)
def test_spans(nlp: Any, text: str, content: str, source: str | None, cue: str) -> None:
    quotes = [q for q in _find(nlp, text) if q.cue is not None and q.cue.text == cue]
    assert len(quotes) == 1, [q.to_dict() for q in _find(nlp, text)]
    q = quotes[0]
    assert q.kind == "indirect"
    assert q.text == content
    assert text[q.start : q.end] == content
    if source is None:
        assert q.speaker is None
    else:
        assert q.speaker is not None
        assert (q.speaker.mention, text[q.speaker.start : q.speaker.end]) == (source, source)
        assert q.speaker.name == source  # no people index: the mention itself
    assert q.cue is not None and text[q.cue.start : q.cue.end] == cue


def test_ignores_text_before_start(nlp: Any) -> None:
    text = "The mayor said the bridge was safe. The engineer said it was not."
    quotes = _find(nlp, text, start=text.index("The engineer"))
    assert [q.speaker.mention for q in quotes if q.speaker] == ["The engineer"]


def test_resolves_speaker_name_through_people(nlp: Any) -> None:
    class People:
        def resolve(self, start: int, end: int) -> str | None:
            return "Ana Diaz"

    doc = nlp("She said the bridge was safe.")
    (q,) = find_reported(ArticleView.build(doc), People())
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.mention) == ("Ana Diaz", "She")


def test_no_attribution_in_plain_narrative(nlp: Any) -> None:
    assert _find(nlp, "The bridge reopened in May after repairs.") == []


def test_cue_lexicon_counts_gold_cues(nlp: Any) -> None:
    from saidwhen.eval.reported_cues import count_cues, render_module

    text = "The mayor said that the bridge was safe. The mayor said that it was old."
    doc = nlp(text)
    gold = [
        {"cue": [[text.index("said"), text.index("said") + 4]]},
        {"cue": [[text.rindex("said"), text.rindex("said") + 4]]},
    ]
    rates, _ = count_cues([(doc, gold)])
    assert rates["said|ccomp"] == (2, 2)
    assert "said|ccomp|n" not in rates  # the quoted/unquoted split adds nothing here
    if doc[2].lemma_:
        assert rates["~say|ccomp"] == (2, 2)
    source = render_module(rates, {}, "test")
    namespace: dict[str, Any] = {}
    exec(source, namespace)
    assert namespace["CUE_RATES"]["said|ccomp"] == (2, 2)


def test_a_quote_over_two_paragraphs_is_one_token_range(nlp: Any) -> None:
    doc = nlp('"We will build it.\n\n"And we will pay for it," the mayor said.')
    view = ArticleView.build(doc)
    [(lo, hi)] = view.token_regions
    assert lo == 0 and [t.text for t in doc[hi - 2 : hi + 1]] == ["it", ",", '"']
