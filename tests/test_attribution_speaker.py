"""Speakers of direct quotes: the rules added for PolNeAR's annotation conventions."""

from __future__ import annotations

from typing import Any

from saidwhen.model import Quote
from tests.test_attribution import direct, run


def mention(q: Quote) -> str | None:
    return q.speaker.mention if q.speaker else None


def test_speaker_is_never_inside_the_quote(nlp: Any) -> None:
    rec = run('"Ohio, Iowa and Nevada," Governor Ellen Park said, "are all in play."\n', nlp)
    qs = direct(rec)
    assert qs and all(mention(q) and "Park" in (mention(q) or "") for q in qs)


def test_noun_phrase_between_quote_and_a_verb_of_any_kind(nlp: Any) -> None:
    rec = run(
        'The mayor spoke on Monday.\n\n"We fixed the bridges, and we fixed the roads," '
        "a narrator in the campaign video proclaims.\n",
        nlp,
    )
    qs = direct(rec)
    assert len(qs) == 1 and "narrator" in (mention(qs[0]) or "")


def test_according_to_gives_the_outer_source(nlp: Any) -> None:
    rec = run(
        'The meeting ran late.\n\n"We will not back down," Tom Baker said, '
        "according to a recording obtained by the newspaper.\n",
        nlp,
    )
    qs = direct(rec)
    assert len(qs) == 1 and (mention(qs[0]) or "").startswith("a recording")
    assert qs[0].cue is not None and qs[0].cue.text.lower() == "according to"


def test_quote_paragraph_after_a_report(nlp: Any) -> None:
    rec = run(
        "Nora Quinn said that the budget would be cut again next year.\n\n"
        '"There is simply no money left for new schools."\n',
        nlp,
    )
    qs = direct(rec)
    assert len(qs) == 1 and mention(qs[0]) == "Nora Quinn"


def test_dash_signs_a_quote(nlp: Any) -> None:
    rec = run(
        'The readers wrote in.\n\n"The park should stay open all year."\n\n- Sam Ortiz.\n\n'
        '"Close it in winter, it is too cold." ― Priya Das\n',
        nlp,
    )
    qs = direct(rec)
    assert [mention(q) for q in qs] == ["Sam Ortiz", "Priya Das"]
