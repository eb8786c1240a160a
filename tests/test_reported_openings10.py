"""A participle of saying that opens the sentence reports the clause before the main
clause's comma, for that clause's subject, on made-up sentences (issue 10, session
10): the parser often takes ``Claiming the criticism ...`` for the subject of the
clause's own verb, and the tagger reads only ``Claiming that ...``.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


def _reports(text: str, nlp: Any) -> list[tuple[str, str | None, str | None]]:
    return [
        (q.text, who(q), q.cue.text if q.cue else None)
        for q in run(text, nlp).quotes
        if q.kind == "indirect"
    ]


@pytest.mark.parametrize(
    ("text", "report"),
    [
        (
            "Claiming the criticism of the judge is designed to pressure the jury, "
            'Mayor Tom Hale told reporters that "the trial was rigged."\n',
            ("the criticism of the judge is designed to pressure the jury", "Tom Hale", "Claiming"),
        ),
        (
            "Insisting the bridge was safe, Mayor Ana Ruiz reopened it on Monday.\n",
            ("the bridge was safe", "Ana Ruiz", "Insisting"),
        ),
    ],
)
def test_an_opening_participle_of_saying_reports_its_clause(
    nlp: Any, text: str, report: tuple[str, str, str]
) -> None:
    assert report in _reports(text, nlp)


def test_an_opening_participle_with_a_noun_is_no_clause_report(nlp: Any) -> None:
    # "Saying goodbye": no clause of its own, nothing said beyond the noun
    reports = _reports("Saying goodbye to the crowd, Mayor Ana Ruiz left the stage.\n", nlp)
    assert [r for r in reports if r[2] == "Saying"] == []
