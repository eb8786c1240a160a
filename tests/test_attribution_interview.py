"""Interviews and transcripts: labelled turns are direct speech by their speaker.

Every article here is made up for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.interview import _Holders
from saidwhen.extract.speech.types import ByStart, Draft
from tests.test_attribution import run, who

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


# Questions in a feature story, answered by its narrator, not by anyone interviewed.
FEATURE = (
    "Police interviewed three witnesses after the fire at the harbor on Monday.\n\n"
    "What would you do if your home burned down?\n\n"
    "For Ana Ruiz, the answer was simple. She moved in with her sister.\n\n"
    "Can you rebuild a life in a week?\n\n"
    "The council thinks so. It approved a fund on Tuesday, Mayor Tom Lee said.\n"
)

# An interview whose narration between answers names who says its words.
NARRATED_QA = (
    "Wikinews interviewed Ana Ruiz, the harbor master, about the plan.\n\n"
    "Why do you oppose the sale?\n\n"
    "We built this harbor. I will not sell it to a fund.\n\n"
    "What do you say to the buyers?\n\n"
    "The buyers have not answered. Their lawyer, Tom Lee, said on Monday that the offer "
    "stands.\n\n"
    "Will you talk to them?\n\n"
    "I will talk to anyone who wants to keep the boats here. My door is open.\n"
)


def test_a_feature_answering_its_own_questions_is_no_q_and_a(nlp: Any) -> None:
    rec = run(FEATURE, nlp)
    assert not any(q.kind == "direct" for q in rec.quotes)
    assert any(q.text.startswith("It approved a fund") and who(q) == "Tom Lee" for q in rec.quotes)


def test_a_paragraph_naming_its_speaker_is_no_answer(nlp: Any) -> None:
    rec = run(NARRATED_QA, nlp)
    got = {(q.kind, q.text[:20], who(q)) for q in rec.quotes}
    assert ("direct", "We built this harbor", "Ana Ruiz") in got
    assert ("direct", "I will talk to anyon", "Ana Ruiz") in got
    assert ("indirect", "that the offer stand", "Tom Lee") in got
    assert not any(q.kind == "direct" and "Tom Lee" in q.text for q in rec.quotes)


def test_a_long_q_and_a_gives_every_answer(nlp: Any) -> None:
    pairs = [
        f"What do you make of pier {k}?\n\nI think pier {k} is sound and we will keep it."
        for k in range(60)
    ]
    rec = run("Wikinews interviewed Ana Ruiz about the piers.\n\n" + "\n\n".join(pairs), nlp)
    answers = [q for q in rec.quotes if q.kind == "direct"]
    assert [q.text for q in answers] == [p.split("\n\n")[1] for p in pairs]
    assert {who(q) for q in answers} == {"Ana Ruiz"}


@pytest.mark.parametrize(
    ("spans", "pos", "rank"),
    [
        ([], 5, None),
        ([(0, 4), (10, 20)], 4, None),  # the end is outside
        ([(0, 4), (10, 20)], 10, 1),
        ([(10, 40), (12, 15)], 13, 0),  # both hold it: the first given
        ([(12, 15), (10, 40)], 13, 0),
        ([(12, 15), (10, 40)], 30, 1),  # a long span starting well before
        ([(0, 100), (50, 52), (60, 62)], 99, 0),
    ],
)
def test_holders_give_the_first_span_holding_a_position(
    spans: list[tuple[int, int]], pos: int, rank: int | None
) -> None:
    assert _Holders(spans).first_holding(pos) == rank


@pytest.mark.parametrize(
    ("spans", "start", "end", "hit"),
    [
        ([], 0, 10, False),
        ([(10, 20)], 0, 10, False),  # touching is no overlap
        ([(10, 20)], 20, 30, False),
        ([(10, 20)], 19, 30, True),
        ([(10, 20), (30, 40)], 20, 30, False),
        ([(0, 100), (30, 40)], 50, 60, True),  # a long span that started well before
        ([(30, 40), (0, 5)], 4, 6, True),  # given out of order
    ],
)
def test_overlaps_tell_a_range_overlapping_any_span(
    spans: list[tuple[int, int]], start: int, end: int, hit: bool
) -> None:
    drafts = [Draft(s, e, "direct") for s, e in spans]
    assert bool(ByStart(drafts).overlapping(start, end)) is hit
    assert hit == any(s < end and start < e for s, e in spans)


# An interview whose introduction describes the one interviewed without naming her.
DESCRIBED_QA = (
    "Harbor owner talks about the ferry strike\n\n"
    "Wikinews interviewed one of the owners of a family harbor in Velo about the strike "
    "that stopped the ferries.\n\n"
    "How long has the harbor been yours?\n\n"
    "Since my father died. We have run it for thirty years.\n\n"
    "Do you side with the crews?\n\n"
    "I do. Our crews are paid too little.\n"
)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (DESCRIBED_QA, "one of the owners of a family harbor in Velo"),
        # only the headline describes them
        (
            "An interview with the owners of a harbor\n\n" + DESCRIBED_QA.split("\n\n", 2)[2],
            "the owners of a harbor",
        ),
    ],
)
def test_a_described_interviewee_answers_under_the_description(
    text: str, speaker: str, nlp: Any
) -> None:
    rec = run(text, nlp)
    answers = [q for q in rec.quotes if q.kind == "direct"]
    assert [q.text[:12] for q in answers] == ["Since my fat", "I do. Our cr"]
    assert {who(q) for q in answers} == {speaker}


# The introduction names the interviewee, then a pronoun announces the talk; a caption
# sits between a question and its answer; an answer reports others' words too.
PRONOUN_QA = (
    "Marine biologist Lena Okafor studies the reefs of the northern bay.\n\n"
    "She discusses her work with the Harbor Gazette.\n\n"
    "What drew you to corals?\n\n"
    "The reef near Velo. Divers keep saying it is dying, and I wanted to know why.\n\n"
    "What do you need now?\n\n"
    "A diver at the reef in May. Image: Tom Keller.\n\n"
    "Boats, mostly. We share one with three other teams.\n"
)


def test_a_pronoun_announces_the_interviewee_and_captions_are_no_answers(nlp: Any) -> None:
    rec = run(PRONOUN_QA, nlp)
    answers = [q for q in rec.quotes if q.kind == "direct"]
    assert [q.text[:14] for q in answers] == ["The reef near ", "Boats, mostly."]
    assert {who(q) for q in answers} == {"Lena Okafor"}


def test_an_answer_in_the_first_person_is_an_answer_though_it_reports_others(
    nlp: Any,
) -> None:
    rec = run(NARRATED_QA.replace("My door is open.", "Tom Lee said the offer stands."), nlp)
    got = {(q.kind, q.text[:20], who(q)) for q in rec.quotes}
    assert ("direct", "I will talk to anyon", "Ana Ruiz") in got
    assert not any(q.kind == "direct" and q.text.startswith("The buyers") for q in rec.quotes)


def test_an_answer_quoting_someone_is_the_interviewees_and_a_quoting_question_no_answer(
    nlp: Any,
) -> None:
    text = PRONOUN_QA.replace(
        "Boats, mostly. We share one with three other teams.\n",
        "Boats, mostly. My captain says “no boat, no reef,” and we share one with three "
        "other teams.\n\n"
        "Would a motto like “no boat, no reef” help you raise money?\n\n"
        "I doubt it. Money follows results.\n",
    )
    rec = run(text, nlp)
    answers = [q for q in rec.quotes if q.kind == "direct"]
    assert [q.text[:14] for q in answers] == ["The reef near ", "Boats, mostly.", "I doubt it. Mo"]
    assert {who(q) for q in answers} == {"Lena Okafor"}


# A heading that names the one interviewed before its colon and a nickname after "with";
# the interviewer's prompts without a question mark, one before the first question.
NICKNAMED_QA = (
    "Tom Keller: An interview with the ‘Harbor Poet’\n\n"
    "Monday, May 4, 2015\n\n"
    "You have written a lot about the ferries lately.\n\n"
    "The ferries are my town. I grew up on the pier and I still take the boat each day.\n\n"
    "What do the crews think of your poems?\n\n"
    "Some of them read them aloud in the galley, which is more than I hoped for.\n\n"
    "You have been at it for thirty years, but only the ferry poems made your name.\n\n"
    "How does that feel?\n\n"
    "It is funny. I wrote better poems about my father and nobody read them.\n"
)


def test_a_heading_label_names_the_interviewee_and_prompts_are_questions(nlp: Any) -> None:
    rec = run(NICKNAMED_QA, nlp)
    answers = [q for q in rec.quotes if q.kind == "direct"]
    assert [q.text[:14] for q in answers] == ["The ferries ar", "Some of them r", "It is funny. I"]
    assert {who(q) for q in answers} == {"Tom Keller"}


def test_a_heading_label_of_a_paper_names_the_interviewee(nlp: Any) -> None:
    text = NICKNAMED_QA.replace("Tom Keller: An interview", "The Velo Gazette: An interview")
    rec = run(text, nlp)
    answers = [q for q in rec.quotes if q.kind == "direct"]
    assert answers and {who(q) for q in answers} == {"the Velo Gazette"}
