"""Reported speech on hand-built sentences (issue 10, written fresh, session 16): the
source a parse put elsewhere.

* "X, meanwhile, who ..., said ...": the parse made the relative clause a clause of the
  verb of saying, with the name and "who" both its subjects; the name speaks
  (:func:`saidwhen.extract.speech.syntax.cue_subject`).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run

_OPENING = "The harbour festival drew record crowds this summer.\n\n"


def _report(rec: Any, words: str) -> tuple[str | None, str | None]:
    """The (name, mention) of the source of the report holding ``words``."""
    found = [q for q in rec.quotes if q.kind == "indirect" and words in q.text]
    assert found, [q.text for q in rec.quotes]
    sp = found[0].speaker
    return (sp.name, sp.mention) if sp is not None else (None, None)


@pytest.mark.parametrize(
    ("sentence", "words", "name"),
    [
        (
            "Dana Whitfield, meanwhile, who sits on the ferry board, said the new "
            "timetable was unfair to islanders.",
            "unfair to islanders",
            "Dana Whitfield",
        ),
        (
            "Councillor Ruiz, meanwhile, who chairs the budget panel, said that the "
            "fares would rise in May.",
            "fares would rise",
            "Ruiz",
        ),
    ],
)
def test_a_name_before_who_speaks_when_the_parse_hung_the_clause_on_the_verb(
    nlp: Any, sentence: str, words: str, name: str
) -> None:
    said, _ = _report(run(_OPENING + sentence + "\n", nlp), words)
    assert said is not None and said.endswith(name)
