"""A participle of saying with no subject shares its clause's (issue 10, session 20): one a
preposition ties to the clause (``was fined after claiming that ...``) and one that opens
the sentence before a comma (``Noting that ..., Ruiz said ...``)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.syntax import shared_subject


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        (
            "The coach was fined last week after claiming that the referee was bribed.",
            "claiming",
            "coach",
        ),
        (
            "Mayor Ruiz opened the session by insisting that the budget was balanced.",
            "insisting",
            "Ruiz",
        ),
        ("Noting that sales had fallen, Ruiz told the board to cut costs.", "Noting", "Ruiz"),
        # no comma ends the participle's clause: nothing is shared
        ("The report noting that sales fell was filed.", "noting", None),
    ],
)
def test_participle_shares_its_clause_subject(
    nlp: Any, text: str, verb: str, subject: str | None
) -> None:
    doc = nlp(text)
    found = shared_subject(next(t for t in doc if t.text == verb))
    assert (found.text if found is not None else None) == subject
