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


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The new ferry, the mayor said in a statement, will carry 400 cars.\n", "the mayor"),
        ("The new ferry, Ruiz said in a statement, will carry 400 cars.\n", "Ruiz"),
        (
            "The new ferry, a city spokesman said on Monday, will carry 400 cars.\n",
            "a city spokesman",
        ),
        ("The bakers, the union said in a letter, were paid well.\n", "the union"),
    ],
)
def test_a_source_set_into_the_sentence_with_its_cues_modifiers(
    nlp: Any, text: str, speaker: str
) -> None:
    reports = _reports(run(text, nlp))
    # both pieces of the words are the source's; the subject before the comma is no source
    assert len(reports) == 2 and all(s == speaker for _, s in reports), reports


def test_an_apposition_before_a_verb_with_an_object_is_no_set_in_source(nlp: Any) -> None:
    reports = _reports(
        run("Carlos Ruiz, a Republican, described himself as a devout baker, not a rebel.\n", nlp)
    )
    assert all(s == "Carlos Ruiz" for _, s in reports), reports


@pytest.mark.parametrize(
    ("text", "not_words"),
    [
        (
            "Ruiz seems to see the problem: she told the Herald that her task is to prove to "
            "voters that she is tough enough to lead.\n",
            "Ruiz seems to see the problem",
        ),
        (
            "It is an unlikely turn; the mayor's team says she will go on with the tour.\n",
            "It is an unlikely turn",
        ),
        (
            "Hale seems to see his problem on farm policy \u2014 he told the Herald that his "
            "task is to prove to voters that he is tough enough to lead.\n",
            "Hale seems to see his problem on farm policy",
        ),
    ],
)
def test_a_clause_before_a_colon_or_dash_is_not_the_words_of_the_source_after_it(
    nlp: Any, text: str, not_words: str
) -> None:
    reports = _reports(run(text, nlp))
    assert not any(t.startswith(not_words) for t, _ in reports), reports
