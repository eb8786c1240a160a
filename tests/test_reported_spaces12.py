"""Reported speech on hand-built sentences (issue 10, written fresh, session 12): a page's
no-break or double space inside the words, "As X observed," after a short opener, "observed
that", and a source's next act brought by "before"/"after".
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


def _reports(rec: Any) -> list[tuple[str, str | None, str | None]]:
    return [
        (q.text, who(q), q.cue.text if q.cue else None) for q in rec.quotes if q.kind == "indirect"
    ]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The ferry board chair Ana Ruiz responded that\u00a0the council counts so many "
            "repairs as\u00a0wasteful because they lack receipts.\n",
            "that\u00a0the council counts so many repairs as\u00a0wasteful because they lack "
            "receipts",
            "Ana Ruiz",
        ),
        (
            "Tom Keller said  the harbour  will close for two weeks in March.\n",
            "the harbour  will close for two weeks in March",
            "Tom Keller",
        ),
    ],
)
def test_a_space_inside_the_words_does_not_end_them(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    reports = _reports(run(text, nlp))
    assert [(w, s) for w, s, _ in reports] == [(words, speaker)]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Of course, as Dana Whitfield of the Harbour Gazette observed, the real winner "
            "was not the ferry, it was the pier itself.\n",
            "the real winner was not the ferry, it was the pier itself",
            "Dana Whitfield",
        ),
        (
            "But as Omar Haddad points out in a column on the county website, night "
            "crossings give the ferry a large advantage over the bridge.\n",
            "night crossings give the ferry a large advantage over the bridge",
            "Omar Haddad",
        ),
        (
            "As Ms. Lindqvist put it in a letter to my colleague Pat M. Brennan in June, the "
            "mill is ''keeping a promise nobody else will keep.''\n",
            "the mill is ''keeping a promise nobody else will keep",
            "Lindqvist",
        ),
    ],
)
def test_a_source_set_in_with_as_after_a_short_opener(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    reports = _reports(run(text, nlp))
    # one report: the cue's own modifiers ("in a letter to ...") are no words of their own
    assert len(reports) == 1, reports
    assert reports[0][0] == words and str(reports[0][1]).endswith(speaker), reports


def test_as_a_source_observed_stops_at_the_paragraph_end(nlp: Any) -> None:
    text = (
        "As Dana Whitfield of the Harbour Gazette observed, the real winner was the pier:\n\n"
        '"The pier drew more visitors than the boats did all summer," she wrote.\n'
    )
    reports = _reports(run(text, nlp))
    assert [(w, s) for w, s, _ in reports] == [("the real winner was the pier", "Dana Whitfield")]


def test_not_a_source_after_a_clause_of_its_own(nlp: Any) -> None:
    # "as" after a clause of the sentence's own is no source set in at its start
    reports = _reports(
        run(
            "The ferry ran late all week, as Dana Whitfield observed, and the pier stayed "
            "closed.\n",
            nlp,
        )
    )
    assert not any(w.startswith("and the pier") for w, _, _ in reports), reports


def test_observed_that(nlp: Any) -> None:
    reports = _reports(
        run(
            "The Harbour Gazette observed that the hashtag, #SaveTheFerry, had become a "
            "county-wide movement.\n",
            nlp,
        )
    )
    assert [(s, c) for _, s, c in reports] == [("the Harbour Gazette", "observed")]


def test_the_next_act_after_before_is_a_statement_of_its_own(nlp: Any) -> None:
    reports = _reports(
        run(
            "The mayor said the bridge was safe before claiming that the river would never "
            "flood.\n",
            nlp,
        )
    )
    assert reports == [
        ("the bridge was safe", "The mayor", "said"),
        ("that the river would never flood", "The mayor", "claiming"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            "GLEN PARK, Ore. - Rallying hundreds of service workers who are struggling to get "
            "by, Ana Ruiz tried here last week to empathize with their frustrations and "
            "promised to deliver change.\n",
            "Ana Ruiz",
            "Ana Ruiz",
        ),
        (
            "WASHINGTON -- President Lee, dedicating the National Museum of Ferries on "
            "Saturday, said it would tell a story of the sea.\n",
            "Lee",
            "President Lee",
        ),
        (
            "MYRTLE BEACH, S.C. - Sen. Tom Keller (R-Tex.) continued his onslaught against Ana "
            "Ruiz on Saturday, casting her as a false conservative and questioning her "
            "judgment.\n",
            "Tom Keller",
            "Sen. Tom Keller (R-Tex",
        ),
    ],
)
def test_the_dateline_is_no_source(nlp: Any, text: str, speaker: str, mention: str) -> None:
    rec = run(text, nlp)
    reports = [q for q in rec.quotes if q.kind == "indirect"]
    assert reports, rec.quotes
    for q in reports:
        assert q.speaker is not None and (q.speaker.name, q.speaker.mention) == (speaker, mention)


def test_a_hyphen_after_a_capitalised_source_is_no_dateline(nlp: Any) -> None:
    # "NBC ... Ex-FBI": no dateline, so NBC stays the source the next paragraph's quote
    # goes on from
    rec = run(
        "The ferry sank.\n\nNBC reported that night Ex-FBI chief Ana Ruiz testifies the "
        'ferry attack was gang-linked crime.\n\n"The hearing was closed but Mayor Tom '
        "Keller spoke to reporters afterwards and said this conflicted with earlier "
        "accounts.\n",
        nlp,
    )
    assert [who(q) for q in rec.quotes if q.kind == "direct"] == ["NBC"]
