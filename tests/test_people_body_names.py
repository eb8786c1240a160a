"""A body's canonical name is the fullest name the article gives, as the article writes it:
with the "the" the article mostly puts before it, its company suffix ("Corp."), an acronym
that opens it, and the "and" inside it; a survey or a study speaks for whoever made it.
Hand-written articles (made up), each with the name a quote's speaker must get, run
through the real pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.pipeline import extract

CASES = [
    pytest.param(
        "The nonpartisan Harlow Budget Office released its estimate on Monday.\n\n"
        'The plan "would add $40 billion to the deficit," the Harlow Budget Office said.',
        "would add $40 billion",
        "the Harlow Budget Office",
        id="the-before-a-long-name",
    ),
    pytest.param(
        "The plank on trade drew fire from unions on Monday.\n\n"
        '"The plank stays as written," the Democrat platform committee said in a statement.',
        "The plank stays",
        "the Democrat platform committee",
        id="the-before-a-body-no-name-run-holds",
    ),
    pytest.param(
        "Rivermouth Shipping Group cut two routes on Monday.\n\n"
        '"The winter fares do not cover the fuel," Rivermouth Shipping Group said.',
        "The winter fares",
        "Rivermouth Shipping Group",
        id="no-the-where-the-article-writes-none",
    ),
    pytest.param(
        "The militia had urged such attacks before, according to the KERN Monitoring Group, "
        'which tracks its channels. "The call went out twice," the KERN Monitoring Group '
        "said.",
        "The call went out twice",
        "the KERN Monitoring Group",
        id="an-acronym-opening-the-name",
    ),
    pytest.param(
        "Fox News and Valley News carried the speech live.\n\n"
        '"The mayor spoke for an hour," WKRV News reported on Tuesday.',
        "The mayor spoke for an hour",
        "WKRV News",
        id="a-station-is-not-news-alone",
    ),
    pytest.param(
        "Vell-Marten Cos. said on Tuesday it would cut the price of its lagers.\n\n"
        "Vell-Marten shares fell 4% on the news.\n\n"
        '"We will match every rival in every market," Vell-Marten said.',
        "We will match every rival",
        "Vell-Marten Cos.",
        id="a-company-suffix-and-its-short-form",
    ),
    pytest.param(
        "Orla Data Corp. reported its first loss in a decade.\n\n"
        '"The mainframe business is shrinking," Orla Data said in a filing.',
        "The mainframe business",
        "Orla Data Corp.",
        id="a-company-suffix-after-two-words",
    ),
    pytest.param(
        "The chain cut staff again this year. According to a 2019 survey by Dana Kell of the "
        "State University, the chain's habit has been to “merge copy desks” at a central "
        "hub.",
        "merge copy desks",
        "Dana Kell",
        id="a-survey-speaks-for-its-author",
    ),
    pytest.param(
        "The coverage leaned one way, research conducted by the Lindqvist Center for Media "
        'and Public Affairs found. "Nine stories in ten were negative," the Lindqvist Center '
        "for Media and Public Affairs said.",
        "Nine stories in ten",
        "the Lindqvist Center for Media and Public Affairs",
        id="an-and-inside-a-body-name",
    ),
]


@pytest.mark.parametrize(("text", "words", "name"), CASES)
def test_a_body_is_named_as_the_article_names_it(
    nlp: Any, text: str, words: str, name: str
) -> None:
    rec = extract(text, "2021-03-02", nlp=nlp)
    (q,) = [q for q in rec.quotes if q.kind != "indirect" and q.text.startswith(words)]
    assert q.speaker is not None and q.speaker.name == name


def test_a_company_short_form_is_one_body_with_its_full_name(nlp: Any) -> None:
    """ "Vell-Marten" and "Vell" after "Vell-Marten Cos.": one company, not three."""
    rec = extract(
        "Vell-Marten Cos. said on Tuesday it would cut prices.\n\n"
        "Vell-Marten said its shares fell. Analysts said Vell would gain market share.",
        "2021-03-02",
        nlp=nlp,
    )
    bodies = [p for p in rec.people if "Vell" in p.name]
    assert [p.name for p in bodies] == ["Vell-Marten Cos."]
    assert {m.text for m in bodies[0].mentions} >= {"Vell-Marten Cos.", "Vell-Marten", "Vell"}


def test_a_person_is_not_the_short_form_of_a_body_named_after_her(nlp: Any) -> None:
    """ "Maria Ostrander" after "the Maria Ostrander Foundation" is the photographer, not
    the foundation: her quote is hers, and the foundation stays a body."""
    rec = extract(
        "The Maria Ostrander Foundation gave the museum 150 of her photographs on Monday.\n\n"
        'Maria Ostrander took them in the 1970s. "I shot what I could afford," Ostrander '
        "told a radio host in 1998.",
        "2021-03-02",
        nlp=nlp,
    )
    (q,) = [q for q in rec.quotes if q.text.startswith("I shot")]
    assert q.speaker is not None and q.speaker.name == "Maria Ostrander"
    kinds = {p.name: p.type for p in rec.people}
    assert kinds.get("the Maria Ostrander Foundation") == "organisation"


def test_a_bridge_before_a_name_does_not_open_it_to_a_body(nlp: Any) -> None:
    """ "words for Tom Ortega of Valley News": the "for" before the name is no part of
    a body's name, so the name stops before "of" (a body's own bridge still joins:
    "the Office for the Western District of Ohio")."""
    rec = extract(
        "The mayor had kind words for Tom Ortega of Valley News, who will chair the forum.\n\n"
        '"I will ask about the bridge first," Ortega said.',
        "2021-03-02",
        nlp=nlp,
    )
    (q,) = [q for q in rec.quotes if q.text.startswith("I will ask")]
    assert q.speaker is not None and q.speaker.name == "Tom Ortega"
