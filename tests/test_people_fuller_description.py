"""A body's definite description ("the editorial board") is named by the fullest phrase
the article gave it before, with the same head noun (articles written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        pytest.param(
            "The Harbor Ledger editorial board took aim at the mayor on Sunday.\n\n"
            '"The ferry plan is a fantasy," the editorial board wrote.\n',
            "The ferry plan",
            # the "The" that opens a sentence is the same "the": one body, one name
            "the Harbor Ledger editorial board",
            id="the-board-named-by-its-fuller-phrase",
        ),
        pytest.param(
            "Aides to the Ana Ruiz mayoral campaign met donors on Friday.\n\n"
            '"We are ahead in every ward," the Ruiz campaign said.\n',
            "We are ahead",
            "the Ana Ruiz mayoral campaign",
            id="a-campaign-named-by-its-fullest-form",
        ),
        pytest.param(
            # the words after the head are no part of it: the head stays the last word
            "The Velo port board of trustees voted on Friday.\n\n"
            '"Fees will rise," the board said.\n',
            "Fees will rise",
            "the Velo port board",
            id="only-the-words-up-to-the-head",
        ),
        pytest.param(
            "In March a Velo County ballot commission heard the case.\n\n"
            '"The papers are in order," the commission said.\n',
            "The papers",
            "Velo County ballot commission",
            id="an-indefinite-name-without-its-article",
        ),
        pytest.param(
            "The Velo Board of Elections met on Friday.\n\n"
            '"The papers are in order," the board said.\n',
            "The papers",
            "the Velo Board of Elections",
            id="a-name-is-not-cut-before-its-end",
        ),
        pytest.param(
            # a title is no part of a name ("Mrs. Ruiz's campaign")
            "Mrs. Ruiz's mayoral campaign opened an office on Friday.\n\n"
            '"We are ahead," the mayoral campaign said.\n',
            "We are ahead",
            "the mayoral campaign",
            id="no-title-taken",
        ),
        pytest.param(
            # nothing fuller before: the description stays
            '"Fees will rise," the board said.\n',
            "Fees will rise",
            "the board",
            id="nothing-before",
        ),
    ],
)
def test_a_body_takes_the_fullest_phrase_before(
    nlp: Any, text: str, start: str, speaker: str
) -> None:
    qs = [q for q in run(text, nlp).quotes if q.text.startswith(start)]
    assert qs
    assert who(qs[0]) == speaker
