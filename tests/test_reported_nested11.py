"""Reports inside other reports, on hand-built sentences (issue 10, written fresh):
inside the words a source says, an act ("is seeking", "had attacked"), a verb whose
words are only its object, or a report with no source is part of those words, not a
statement of its own; a nested report of saying keeps its own speaker.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


def _reports(rec: Any) -> list[tuple[str, str | None]]:
    return [(q.text, who(q)) for q in rec.quotes if q.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "speaker", "not_speaker"),
    [
        (
            "Rather, Mr. Ortega said, Dunmore intends to bid for the coming Oregon ferry "
            'contract and is seeking new uses for the boats overseas, where "there is great '
            "demand for small craft.\" He wouldn't elaborate.\n",
            "Ortega",
            "Dunmore",
        ),
        (
            "Ana Ortega runs the mill. The truth, Ortega said then, was that Hale had "
            "personally attacked her daughter, Rosa, and her brother, Luis.\n",
            "Ana Ortega",
            "Hale",
        ),
        (
            'Ana Ortega runs the mill. Ortega also said the tapes were "unclear" and that '
            "the footage released Monday by Hale's family did not show whether he had "
            "something in his pocket.\n",
            "Ana Ortega",
            "the footage",
        ),
    ],
)
def test_an_act_inside_what_a_source_says_is_part_of_its_words(
    nlp: Any, text: str, speaker: str, not_speaker: str
) -> None:
    rec = run(text, nlp)
    reports = _reports(rec)
    assert reports and all(s == speaker for _, s in reports), reports
    # the quoted words inside go to the source too
    assert all(who(q) == speaker for q in rec.quotes if q.kind == "fragment")


def test_a_sourceless_report_inside_a_closing_source_is_the_sources(nlp: Any) -> None:
    reports = _reports(
        run(
            'The governor was expected to order harbor pilots to use "the least force '
            'needed" to stop barges from the north, a state official said.\n',
            nlp,
        )
    )
    assert [s for _, s in reports] == ["a state official"]


def test_a_nested_report_of_saying_keeps_its_speaker(nlp: Any) -> None:
    reports = _reports(
        run("Instead, Rosa Ortega said, her manager told her he had booked a room.\n", nlp)
    )
    assert ("he had booked a room", "her manager") in reports


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The richest families would see their incomes go up by as much as 12 percent, "
            "according to the Harbor Institute, more than twice what it projected for those "
            "in the middle.\n",
            "The richest families would see their incomes go up by as much as 12 percent",
            "the Harbor Institute",
        ),
        (
            "Hale's relatives, including his wife, watched the police videos on Thursday, "
            'according to their lawyers, and said they came away with "more questions than '
            'answers."\n',
            "Hale's relatives, including his wife, watched the police videos on Thursday",
            "their lawyers",
        ),
    ],
)
def test_according_to_gives_the_words_the_tagger_read_as_an_act(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    reports = _reports(run(text, nlp))
    assert any(t.startswith(words) and s == speaker for t, s in reports), reports
    # "would see", "watched": acts told by the source, not reports of the families
    assert not any(s in ("The richest families",) or t.startswith("the police") for t, s in reports)


def test_a_noun_of_saying_inside_another_report_stays_its_owners(nlp: Any) -> None:
    reports = _reports(
        run(
            "Despite Hale's continued insistence that he was at the refuge as a reporter, a "
            "judge kept him in jail after hearing clips of Hale's radio show - proof, the "
            "government argued, of Hale's part in the occupation.\n",
            nlp,
        )
    )
    assert any(t.endswith("he was at the refuge as a reporter") and s == "Hale" for t, s in reports)
