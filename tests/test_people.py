"""Speakers are people: hand-written articles (made up) for each way the person behind a
quote used to go wrong, run through the real pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.model import ArticleRecord
from saidwhen.pipeline import extract

ARTICLES = {
    "titles": (
        "Finance Minister Ana Ruiz defended the budget on Monday.\n\n"
        '"We will not raise taxes this year," Ruiz told reporters in the capital.\n\n'
        'Secretary of State Karl Venn, who met her later, said the plan was "sound."\n\n'
        "White House Press Secretary Nadia Brisk said the talks would continue."
    ),
    "organisations": (
        "Lee Research, the consulting firm Dana Lee founded in 2004, said on Tuesday that "
        "demand for coastal housing had fallen.\n\n"
        '"Buyers are waiting for the rates to drop," the company said in its quarterly report.\n\n'
        'Dana Lee, who now teaches economics, said the firm\'s forecast was "too gloomy."\n\n'
        "Sponsored Ads"
    ),
    "he_added": (
        "Mayor Tom Bell opened the new pier on Saturday.\n\n"
        '"This pier belongs to everyone," Bell said.\n\n'
        "The harbor master, Ian Cole, watched the ceremony from the dock. Cole has run the "
        "harbor for a decade.\n\n"
        '"It took us twelve years to get here," Cole said. "We are proud of every plank," '
        "he added."
    ),
    "apposition": (
        "Sam Ortiz, a fisherman who has worked the bay for thirty years, pulled up an empty "
        "net on Friday.\n\n"
        "The water near the shore has warmed by two degrees since 2010, according to the "
        "state's marine agency.\n\n"
        '"I have never seen the bay this empty," the fisherman said.'
    ),
    "interview": (
        "In an interview at her bakery, Nora Diaz talked about forty years of bread.\n\n"
        "Diaz learned to bake from her grandmother, Elena Ruiz, who arrived from Spain in "
        "1961.\n\n"
        '"Bread is patience," Diaz says. "My grandmother taught me that," she says, "and I '
        'teach it to my apprentices."'
    ),
    "it_said": (
        "Coral Shipping Group said on Monday that it would close its Pacific routes.\n\n"
        '"The losses on those routes are no longer bearable," it said in a statement.\n\n'
        "The dockworkers said they had not been told.\n\n"
        '"We learned it from the radio," they said.'
    ),
    "acronym": (
        "Officers of the Coastal Safety Administration boarded the ferry on Monday, "
        "according to the Pentagon.\n\n"
        '"No passenger was at risk," CSA said. The agency inspects 300 ferries a year.\n\n'
        'Harbor Freight Co. said the delay would cost it "a week of sailings."'
    ),
    "unnamed": (
        "The county closed two beaches on Sunday after a shark was seen near the pier.\n\n"
        "A spokesman for the county parks department, who asked not to be named, said the "
        "beaches would reopen on Wednesday.\n\n"
        '"We would rather lose a weekend than a swimmer," the spokesman said.'
    ),
}


@pytest.fixture(scope="module")
def records(nlp: Any) -> dict[str, ArticleRecord]:
    return {k: extract(text, "2021-03-02", nlp=nlp) for k, text in ARTICLES.items()}


def _speakers(rec: ArticleRecord, kind: str = "direct") -> list[tuple[str | None, str | None]]:
    return [(q.speaker.name, q.speaker.type) for q in rec.quotes if q.kind == kind and q.speaker]


def _person(rec: ArticleRecord, name: str) -> Any:
    (p,) = [p for p in rec.people if p.name == name]
    return p


def test_titles_become_descriptors(records: dict[str, ArticleRecord]) -> None:
    rec = records["titles"]
    names = {p.name for p in rec.people}
    assert {"Ana Ruiz", "Karl Venn", "Nadia Brisk"} <= names
    assert not any(w in n for n in names for w in ("Minister", "State", "Secretary", "White House"))
    ruiz = _person(rec, "Ana Ruiz")
    assert ruiz.descriptors == ("finance minister",) and "Ruiz" in ruiz.aliases
    assert _person(rec, "Karl Venn").descriptors == ("secretary of state",)
    assert _speakers(rec) == [("Ana Ruiz", "person")]  # said as "Ruiz"
    indirect = [q.speaker.name for q in rec.quotes if q.kind == "indirect" and q.speaker]
    assert {"Karl Venn", "Nadia Brisk"} <= set(indirect)


def test_a_firm_named_after_its_founder_is_not_the_founder(
    records: dict[str, ArticleRecord],
) -> None:
    rec = records["organisations"]
    types = {p.name: p.type for p in rec.people}
    assert types["Lee Research"] == "organisation"
    assert types["Dana Lee"] == "person"
    assert "Sponsored Ads" not in types  # page furniture, not a person
    assert _speakers(rec) == [("Lee Research", "organisation")]  # "the company said"
    said = {q.text: q.speaker.name for q in rec.quotes if q.kind == "indirect" and q.speaker}
    assert said['the firm\'s forecast was "too gloomy."'] == "Dana Lee"


def test_he_added_after_a_new_person_is_that_person(records: dict[str, ArticleRecord]) -> None:
    rec = records["he_added"]
    bell, cole = ("Tom Bell", "person"), ("Ian Cole", "person")
    assert _speakers(rec) == [bell, cole, cole]  # the last one: "he added"
    assert "harbor master" in _person(rec, "Ian Cole").descriptors


def test_a_description_resolves_through_an_apposition(
    records: dict[str, ArticleRecord],
) -> None:
    rec = records["apposition"]
    assert _speakers(rec) == [("Sam Ortiz", "person")]  # "the fisherman said"
    assert "fisherman" in _person(rec, "Sam Ortiz").descriptors
    (agency,) = [q.speaker for q in rec.quotes if q.kind == "indirect" and q.speaker]
    assert agency.type == "organisation"  # "according to the state's marine agency"


def test_in_an_interview_she_says_is_the_interviewee(records: dict[str, ArticleRecord]) -> None:
    rec = records["interview"]
    assert {n for n, _ in _speakers(rec)} == {"Nora Diaz"}
    assert "Bread" not in {p.name for p in rec.people}  # a capital word inside a quote


def test_an_unnamed_source_keeps_its_first_description(
    records: dict[str, ArticleRecord],
) -> None:
    rec = records["unnamed"]
    got = _speakers(rec)
    assert len(got) == 1
    name, kind = got[0]
    assert kind == "unnamed" and name is not None
    assert name.lower().startswith("a spokesman for the county parks department")


def test_it_said_is_the_body_and_they_not_when_people_came_between(
    records: dict[str, ArticleRecord],
) -> None:
    rec = records["it_said"]
    got = _speakers(rec)
    assert got[0] == ("Coral Shipping Group", "organisation")
    assert got[1][0] != "Coral Shipping Group"  # "the dockworkers said ... they said"


def test_a_body_is_named_as_the_article_spells_it(records: dict[str, ArticleRecord]) -> None:
    rec = records["acronym"]
    assert _speakers(rec) == [("Coastal Safety Administration", "organisation")]  # "CSA said"
    said = {q.speaker.name for q in rec.quotes if q.kind == "indirect" and q.speaker}
    assert {"the Pentagon", "Harbor Freight Co."} <= said  # "the" kept, the fullest name
