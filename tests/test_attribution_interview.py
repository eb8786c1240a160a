"""Interviews and transcripts: labelled turns are direct speech by their speaker.

Every article here is made up for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run

QA = (
    "Harbour master Ana Ruiz has run the port of Velo for ten years. Ruiz spoke to us "
    "on Monday about the ferry.\n\n"
    "Q: Why did the ferry stop running?\n\n"
    "A: The engines failed twice in one week.\n\n"
    "Q: Will it sail again this year?\n\n"
    "We hope so, by the spring at the latest.\n"
)

TRANSCRIPT = (
    "The council met on Tuesday to discuss the bridge.\n\n"
    "MAYOR DIAZ: We will reopen the bridge in May.\n\n"
    "Tom Lee: That is what you said last year.\n\n"
    "MAYOR DIAZ: This time the money is there.\n"
)

# An article quoting a transcript: every turn opens with a quotation mark, only the
# last one closes (the convention for a quotation over several paragraphs).
QUOTED_TRANSCRIPT = (
    "The station aired the exchange on Sunday. Part of it went as follows:\n\n"
    '"HOST: Will the council reopen the bridge?\n\n'
    '"MAYOR DIAZ: We will reopen it in May, you have my word.\n\n'
    '"TOM LEE: That is what you told us last year.\n\n'
    '"REYES: Mayor Diaz, will you resign if it slips?\n\n'
    '"MAYOR DIAZ: This time the money is there."\n\n'
    "The bridge has been closed since March.\n"
)


def turns_of(text: str, nlp: Any) -> list[tuple[str, str | None, str]]:
    rec = run(text, nlp)
    return [
        (q.text, q.speaker.name if q.speaker else None, q.kind)
        for q in rec.quotes
        if q.cue is None or q.cue.text == ":" or q.kind == "direct"
    ]


def test_answers_of_a_q_and_a_are_the_interviewees_words(nlp: Any) -> None:
    got = turns_of(QA, nlp)
    assert ("The engines failed twice in one week.", "Ana Ruiz", "direct") in got
    # an answer with no label, after a question, is the interviewee's too
    assert ("We hope so, by the spring at the latest.", "Ana Ruiz", "direct") in got
    # the questions are nobody's quotes
    assert not any("Why did the ferry" in t for t, _, _ in got)


def test_a_transcript_gives_each_turn_to_its_label(nlp: Any) -> None:
    rec = run(TRANSCRIPT, nlp)
    turns = [q for q in rec.quotes if q.start > TRANSCRIPT.index("MAYOR")]
    direct = [(q.text, q.speaker.mention if q.speaker else None) for q in turns]
    assert direct == [
        ("We will reopen the bridge in May.", "MAYOR DIAZ"),
        ("That is what you said last year.", "Tom Lee"),
        ("This time the money is there.", "MAYOR DIAZ"),
    ]
    assert all(q.kind == "direct" and q.cue is not None and q.cue.text == ":" for q in turns)


def test_a_transcript_label_in_capitals_is_the_person_named_before(nlp: Any) -> None:
    text = (
        "Mayor Ana Diaz met reporters on Tuesday.\n\n"
        "DIAZ: We will reopen the bridge in May.\n\n"
        "REYES: Mayor Diaz, will you resign if it slips?\n\n"
        "DIAZ: I will not resign.\n"
    )
    rec = run(text, nlp)
    got = [(q.text, q.speaker.name if q.speaker else None) for q in rec.quotes]
    assert got == [
        ("We will reopen the bridge in May.", "Ana Diaz"),
        # the name right after a label is who is spoken to, not the label
        ("Mayor Diaz, will you resign if it slips?", "REYES"),
        ("I will not resign.", "Ana Diaz"),
    ]


def test_a_quoted_transcript_gives_each_turn_to_its_label(nlp: Any) -> None:
    rec = run(QUOTED_TRANSCRIPT, nlp)
    turns = [q for q in rec.quotes if q.start > QUOTED_TRANSCRIPT.index("HOST")]
    got = [(q.text, q.speaker.mention if q.speaker else None) for q in turns]
    assert got == [
        ("Will the council reopen the bridge?", "HOST"),
        ("We will reopen it in May, you have my word.", "MAYOR DIAZ"),
        ("That is what you told us last year.", "TOM LEE"),
        ("Mayor Diaz, will you resign if it slips?", "REYES"),
        ("This time the money is there.", "MAYOR DIAZ"),
    ]
    assert all(q.kind == "direct" for q in turns)
    # the words exclude the label and the article's quotation marks
    assert all(QUOTED_TRANSCRIPT[q.start : q.end] == q.text for q in turns)


def test_a_lone_label_is_a_heading_not_a_speaker(nlp: Any) -> None:
    rec = run(
        "Profile: Ana Ruiz\n\nRuiz has run the port of Velo for ten years. "
        "She said the ferry would sail again.\n",
        nlp,
    )
    assert all(q.kind == "indirect" for q in rec.quotes)
    assert not any(q.text == "Ana Ruiz" for q in rec.quotes)


# A Q&A page whose questions lost their bold type: no labels, only the questions' "?".
UNLABELLED_QA = (
    "Ferry captain tells the Velo Courier about the strike\n\n"
    "Friday, May 3, 2024\n\n"
    "Captain Ana Ruiz has sailed the Velo ferry for twenty years. On Tuesday she sat "
    "down with the Courier to talk about the strike.\n\n"
    "Why did your crew stop work?\n\n"
    "The owners cut our pay twice in one winter. Nobody could live on it.\n\n"
    "On the future\n\n"
    "Will you sail again this summer?\n\n"
    "I hope so. The island needs the boat more than the owners do.\n\n"
    "We will be back when the contract is fair.\n"
)

# A news story with rhetorical questions and quotes from an interview: no Q&A layout.
RHETORICAL = (
    "The ferry strike entered its second week on Monday.\n\n"
    "Captain Ana Ruiz said in an interview that the crew would hold out.\n\n"
    "Will the island run out of fuel?\n\n"
    "The harbour office says stocks last a month.\n\n"
    "And who pays for the delay?\n\n"
    "The council has not decided.\n"
)


def test_answers_of_an_unlabelled_q_and_a_are_the_interviewees(nlp: Any) -> None:
    rec = run(UNLABELLED_QA, nlp)
    got = {(q.text, q.speaker.name if q.speaker else None) for q in rec.quotes}
    assert (
        "The owners cut our pay twice in one winter. Nobody could live on it.",
        "Ana Ruiz",
    ) in got
    assert ("We will be back when the contract is fair.", "Ana Ruiz") in got
    assert not any("Why did your crew" in q.text or q.text == "On the future" for q in rec.quotes)


@pytest.mark.parametrize(
    "text",
    [
        RHETORICAL,
        # an interview announced, but its questions ask nobody ("you")
        RHETORICAL.replace("said in an interview that", "sat down with us. She said"),
    ],
)
def test_rhetorical_questions_make_no_q_and_a(text: str, nlp: Any) -> None:
    rec = run(text, nlp)
    assert not any(
        q.text.startswith("The council") or q.text.startswith("The harbour") for q in rec.quotes
    )
