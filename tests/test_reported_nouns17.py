"""A noun of saying reports for a ``from`` agent ("an admission from the harbour master
that ...", its cue takes the "from") and for the owner it is equated with ("Ana Ruiz's
argument was that ..."); not a weighed, superlative one ("Ruiz's best argument is that
...") and not a ``to`` clause after a ``from`` agent (hand-built sentences, written
fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.rules import find_noun_reports
from saidwhen.extract.speech.view import ArticleView
from tests.test_attribution import run
from tests.test_reported_reasons15 import found_by


def _found(text: str, nlp: Any) -> list[tuple[str, str | None]]:
    return found_by(find_noun_reports, text, nlp)


@pytest.mark.parametrize(
    ("sentence", "words", "owner"),
    [
        (
            "The column quoted an admission from Tom Reed that the dike would not have held.",
            "the dike would not have held",
            "Tom Reed",
        ),
        (
            "The book repeated an allegation from his first wife, Ana Ruiz, that Mr. Kim had "
            "sold the boat.",
            "Mr. Kim had sold the boat",
            "his first wife, Ana Ruiz,",
        ),
        (
            "Ana Ruiz's argument on Sunday was that the ferry should run all night.",
            "the ferry should run all night",
            "Ana Ruiz",
        ),
        (
            "The harbour master's point was that nobody had been hurt.",
            "nobody had been hurt",
            "The harbour master",
        ),
    ],
)
def test_agent_or_equated_noun_of_saying_reports_its_clause(
    nlp: Any, sentence: str, words: str, owner: str
) -> None:
    assert (words, owner) in _found(sentence, nlp)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        (
            "The column quoted an admission from Tom Reed that the dike would not hold.",
            "admission from",
        ),
        ("The column quoted an admission by Tom Reed that the dike would not hold.", "admission"),
    ],
)
def test_from_agent_is_part_of_the_cue(nlp: Any, sentence: str, cue: str) -> None:
    reports = find_noun_reports(ArticleView.build(nlp(sentence)))
    assert [d.cue.text for d in reports if d.cue is not None] == [cue]


@pytest.mark.parametrize(
    "sentence",
    [
        "The harbour master's problem was that nobody had listened.",
        "Ana Ruiz's best argument is that the ferry keeps the island alive.",
        "The board heard promises from Ana Ruiz to repair the old pier.",
    ],
)
def test_no_report_without_a_said_clause_of_its_own(nlp: Any, sentence: str) -> None:
    assert _found(sentence, nlp) == []


@pytest.mark.parametrize(
    ("text", "cue", "owner"),
    [
        (
            "The pier stays shut.\n\nCouncil member Ted Rao's argument was that the town "
            "should sell the pier first.\n",
            "argument",
            "Council member Ted Rao",
        ),
        (
            "The ferry is late again.\n\nThe harbour master's point was that the crew had "
            "been cut twice this year.\n",
            "point",
            "The harbour master",
        ),
    ],
)
def test_equated_noun_report_is_one_record(nlp: Any, text: str, cue: str, owner: str) -> None:
    # the tagger may read the noun itself as the source, with "was" as its cue
    reported = [q for q in run(text, nlp).quotes if q.kind == "indirect"]
    assert len(reported) == 1
    assert reported[0].cue is not None and reported[0].cue.text == cue
    assert reported[0].speaker is not None and reported[0].speaker.mention == owner
