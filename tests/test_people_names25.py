"""A speaker's exact canonical name (session 25, issue 10): a royal's title of birth
kept, also where the name tagger leaves it out of the name; a given name the parser
reads as a common word kept where the name tagger opens the name with it; a quote closed
by two curly single marks ("’’") ends there, so the name after it is its speaker."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.pipeline import extract

CASES = [
    pytest.param(
        "The real Prince Edmund was busy on Monday. The host pressed Edmund on the point.\n\n"
        '"I have no memory of that," Edmund said. "It never happened."',
        "I have no memory of that",
        "Prince Edmund",
        id="a-prince-named-bare-too-keeps-his-title",
    ),
    pytest.param(
        "Princess Maren of Velo opened the bridge on Friday. Maren thanked the builders.\n\n"
        '"It took us six years," Maren said.',
        "It took us six years",
        "Princess Maren",
        id="a-princess-too",
    ),
    pytest.param(
        "Pope Tomas spoke to a radio station on Saturday.\n\n"
        '"I did not see the letter," Tomas said.',
        "I did not see the letter",
        "Tomas",
        id="an-office-still-goes-where-the-name-is-written-bare",
    ),
    pytest.param(
        "The party hopes to win Harwick.\n\n"
        '"We have to win here," Will Tarrant, the chairman for the county party, said.\n\n'
        '"Nobody will pay that," Tarrant said.',
        "Nobody will pay that",
        "Will Tarrant",
        id="a-given-name-that-is-a-modal-verb",
    ),
    pytest.param(
        "The ferry company's plan drew fire at once.\n\n"
        "“The timetable makes no sense,’’ Ada Brook, who leads the riders' union, told a local "
        "paper. “We will fight it at every meeting.”",
        "The timetable makes no sense",
        "Ada Brook",
        id="two-curly-single-marks-close-a-quote",
    ),
    pytest.param(
        "Harbour Board Chair Tom Varley’s office said the meeting would go ahead.\n\n"
        "“We look forward to it,” Varley’s office said in a statement.",
        "We look forward to it",
        "Tom Varley’s office",
        id="an-owner-by-surname-named-as-the-article-names-the-description-in-full",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CASES)
def test_the_speaker_is_named_in_full(nlp: Any, text: str, words: str, speaker: str) -> None:
    rec = extract(text, "2019-11-20", nlp=nlp)
    found = {q.text: q.speaker.name if q.speaker else None for q in rec.quotes}
    assert found[words] == speaker
