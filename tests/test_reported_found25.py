"""Reported statements found in session 25 (issue 10), on made-up sentences: a source's
next act that the parse hung on a bare verb inside the words it reports ("said the firm
could cut prices and announced a plan"); a verb of saying in a relative clause whose
subject is the relative word ("a rule that he said would make it harder"); a second
"that" clause the parse read as a determiner.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.frames import find_relative_reports
from saidwhen.extract.speech.view import ArticleView
from tests.test_attribution import run


def _reports(text: str, nlp: Any) -> list[tuple[str, str | None]]:
    return [
        (q.text, q.cue.text if q.cue else None)
        for q in run(text, nlp).quotes
        if q.kind == "indirect"
    ]


@pytest.mark.parametrize(
    ("text", "first", "act", "cue"),
    [
        # a finite verb after "and" is no coordinate of a bare one under "can" or "to"
        (
            "Mayor Ana Ruiz has said she hopes to reopen the old market and has voiced "
            "backing for a night bus.",
            "she hopes to reopen the old market",
            "backing for a night bus",
            "has voiced",
        ),
        (
            "Mayor Ana Ruiz said the firm could cut its prices and announced a plan to "
            "rebuild the pier.",
            "the firm could cut its prices",
            "a plan to rebuild the pier",
            "announced",
        ),
    ],
)
def test_a_finite_act_after_a_bare_verb_is_the_sources_next(
    nlp: Any, text: str, first: str, act: str, cue: str
) -> None:
    found = _reports(text, nlp)
    assert any(words == first for words, _ in found), found
    assert (act, cue) in found


def test_a_negated_next_act_is_no_report(nlp: Any) -> None:
    text = (
        "Mayor Ana Ruiz said she has no plans to sell the pier and would not name any buyer "
        "that could change her mind."
    )
    assert not [w for w, cue in _reports(text, nlp) if cue and "name" in cue]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # both finite: the parse's reading stands
        (
            "Mayor Ana Ruiz said the storm damaged the pier and closed the beach for a week.",
            "the storm damaged the pier and closed the beach for a week",
        ),
    ],
)
def test_parallel_verbs_stay_in_the_words(nlp: Any, text: str, words: str) -> None:
    assert words in [w for w, _ in _reports(text, nlp)]


@pytest.mark.parametrize(
    ("text", "words", "source"),
    [
        # the relative word is the subject of what was said
        (
            "The fishermen oppose a harbor plan that Mayor Ana Ruiz said would save the old pier.",
            "would save the old pier",
            "Mayor Ana Ruiz",
        ),
        (
            "The board voted for a budget which Tom Lee says has helped the largest landlords "
            "at the expense of tenants.",
            "has helped the largest landlords at the expense of tenants",
            "Tom Lee",
        ),
    ],
)
def test_a_relative_clause_of_saying_reports_its_clause(
    nlp: Any, text: str, words: str, source: str
) -> None:
    view = ArticleView.build(nlp(text))
    found = [
        (view.text[d.start : d.end], d.speaker.mention if d.speaker else None)
        for d in find_relative_reports(view)
    ]
    assert (words, source) in found


@pytest.mark.parametrize(
    "text",
    [
        # the relative word is the object: what was raised, not a statement
        "He cited the money that he says the club raised last year.",
        "The board did not back a plan that Tom Lee never said would save the pier.",
    ],
)
def test_no_relative_report_without_a_subject_gap(nlp: Any, text: str) -> None:
    assert not find_relative_reports(ArticleView.build(nlp(text)))


def test_a_relative_report_inside_the_same_sources_report(nlp: Any) -> None:
    text = (
        "Ana Ruiz accused the board of a breach of trust in trying to block a rule that "
        "Ruiz said would make it harder to rebuild the pier."
    )
    found = [q.text for q in run(text, nlp).quotes if q.kind == "indirect"]
    assert "would make it harder to rebuild the pier" in found


def test_a_second_that_read_as_a_determiner_opens_a_second_statement(nlp: Any) -> None:
    text = (
        "Ana Ruiz, a close adviser to Mr. Lee, said that she had received many calls from "
        "tenants planning a rent strike, and that news of trouble in the union over Mr. Hale "
        "obscured the wide splits among dockers."
    )
    found = _reports(text, nlp)
    first = "that she had received many calls from tenants planning a rent strike"
    assert (first, "said") in found
    assert any(w.startswith("and that news of trouble") for w, _ in found), found
