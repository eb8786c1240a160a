"""A source and cue set into a sentence report the words around them, not the next
sentence's quote, on made-up articles (issue 10, session 10)."""

from __future__ import annotations

from typing import Any

from tests.test_attribution import run


def test_an_interrupting_cue_reports_its_own_sentence(nlp: Any) -> None:
    text = (
        "The nostalgia, Ana Ruiz noted, may be on the studios' end, rather than viewers'. "
        "''There's nothing as helpful to a programmer as a title,'' she said.\n"
    )
    reports = [
        (q.text, q.cue.text if q.cue else None)
        for q in run(text, nlp).quotes
        if q.kind == "indirect"
    ]
    assert reports == [
        ("The nostalgia", "noted"),
        ("may be on the studios' end, rather than viewers", "noted"),
    ]
