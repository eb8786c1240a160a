"""Sources of reported speech, on made-up articles (issue 10, session 19): what
documents show, set into a sentence (``..., records show.``), and a verb of saying
the parse left without a subject (``Mr. Ruiz, whose firm builds boats, said``)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.syntax import shared_subject
from tests.test_attribution import report_source, run


@pytest.mark.parametrize(
    ("text", "words", "source"),
    [
        (
            "The mayor bought the ferry in 2012. The ferry was insured for $3 million "
            "in 2013, records show.\n",
            "insured for $3 million",
            "records",
        ),
        (
            "A firm called Blue Lake Farms gave $5,000 to the fund on June 27, 2014, "
            "campaign finance records show.\n",
            "gave $5,000 to the fund",
            "campaign finance records",
        ),
        (
            "During the same year, county records show, the ferry sailed roughly 200 hours.\n",
            "the ferry sailed roughly 200 hours",
            "county records",
        ),
        (
            "The ferry was insured for $3 million in 2013, court filings show, and "
            "experts say it is worth less now.\n",
            "insured for $3 million",
            "court filings",
        ),
        (
            "The pilot had flown 2,000 hours with the carrier, the airline said on Friday. "
            "He had no known political ties, the airline added, and had passed all checks.\n",
            "He had no known political ties",
            "the airline",
        ),
    ],
)
def test_subject_and_verb_set_in(nlp: Any, text: str, words: str, source: str) -> None:
    assert report_source(run(text, nlp), words)[1] == source


@pytest.mark.parametrize(
    "text",
    [
        "Cooking shows, quiz shows and dramas filled the schedule in 2013.\n",
        "At the fair, two dog shows, a parade and a concert drew large crowds.\n",
    ],
)
def test_show_that_reports_nothing(nlp: Any, text: str) -> None:
    cues = [q.cue.text for q in run(text, nlp).quotes if q.kind == "indirect" and q.cue]
    assert "show" not in cues


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        (
            "Mr. Brand, whose latest venture, Paraloft, builds software for banks, said "
            "the new rules were far too strict.",
            "said",
            "Brand",
        ),
        ("The rules, in short, said nothing new.", "said", None),
    ],
)
def test_subject_the_parse_lost(nlp: Any, text: str, verb: str, subject: str | None) -> None:
    doc = nlp(text)
    found = shared_subject(next(t for t in doc if t.text == verb))
    assert (found.text if found is not None else None) == subject


def test_noun_phrase_ending_at_a_subjectless_verb(nlp: Any) -> None:
    text = (
        "In an interview with radio hosts Tim Sole and Ann Ward, the Ohio senator "
        "stated that the tax plan would hurt farmers.\n"
    )
    assert report_source(run(text, nlp), "the tax plan would hurt farmers")[1] == "the Ohio senator"
