"""A headline's reported statement, read from its words (hand-built headlines, written
fresh): ``NAME VERB WORDS``, ``WORDS, NAME VERB``, ``NAME Does X, VERB WORDS`` (the name
that opens the line), ``NAME: WORDS`` (a name the article knows), and a second verb
after a comma as a second statement of the same speaker; the speaker as the body names
them in full.  Headlines with no verb of saying, or a noun of saying ("Lee's Claims"),
give none."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who

BODY = (
    "\n\nMARLOW — Harbour commissioner Petra Vance told the council on Monday that the "
    "ferry fare would rise. The Harbour Board met later. Omar Reyes, a ferry captain, "
    "disagreed.\n"
)


def _reported(headline: str, nlp: Any) -> list[tuple[str | None, str, str | None]]:
    rec = run(headline + BODY, nlp)
    return [
        (who(q), q.text, q.cue.text if q.cue else None)
        for q in rec.quotes
        if q.kind == "indirect" and q.end <= len(headline)
    ]


@pytest.mark.parametrize(
    ("headline", "words", "cue"),
    [
        # the name, the verb, then the words
        ("Vance Urges Council to Drop Fare Rise.", "Council to Drop Fare Rise", "Urges"),
        ("Petra Vance says ferry fare must rise.", "ferry fare must rise", "says"),
        # the words first, then the name and the verb after a comma
        ("Ferry Fare Is ‘Too Low,’ Vance Tells Council.", "Ferry Fare Is ‘Too Low,’", "Tells"),
        ("Fare Rise Is Overdue, Petra Vance Says.", "Fare Rise Is Overdue", "Says"),
        # the verb after a comma: its subject is the name that opens the line
        ("Vance Wades In, Urges Council to Drop Fare.", "Council to Drop Fare", "Urges"),
        # a colon after a name the article knows
        ("Vance: Ferry Fare Will Rise By Spring.", "Ferry Fare Will Rise By Spring", ":"),
        # a title's abbreviation before the name ends no sentence
        ("Sen. Vance Urges Council to Drop Fare Rise.", "Council to Drop Fare Rise", "Urges"),
        ("Mrs. Vance Urges Council to Drop Fare Rise.", "Council to Drop Fare Rise", "Urges"),
        ("Gov. Vance Urges Council to Drop Fare Rise.", "Council to Drop Fare Rise", "Urges"),
    ],
)
def test_headline_statement_is_read_from_its_words(
    nlp: Any, headline: str, words: str, cue: str
) -> None:
    assert ("Petra Vance", words, cue) in _reported(headline, nlp)


def test_second_verb_after_a_comma_is_a_second_statement(nlp: Any) -> None:
    found = _reported("Vance Slams Reyes for Fare Protest, Vows to Raise Fares.", nlp)
    assert ("Petra Vance", "Reyes for Fare Protest", "Slams") in found
    assert ("Petra Vance", "to Raise Fares", "Vows") in found


@pytest.mark.parametrize(
    ("headline", "not_words"),
    [
        # a noun of saying with its owner: no verb of the headline's
        ("Reyes's Claims About Fares Fall Flat.", "About Fares Fall Flat"),
        # no verb of saying
        ("Vance Endorses Reyes For Harbour Board.", "Reyes For Harbour Board"),
        ("Ferry Fares Rise Again In Marlow.", "Again In Marlow"),
    ],
)
def test_other_headlines_are_not_read_as_statements(
    nlp: Any, headline: str, not_words: str
) -> None:
    assert all(words != not_words for _, words, _ in _reported(headline, nlp))
