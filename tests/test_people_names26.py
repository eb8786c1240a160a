"""Speakers that are no one (a day of the week) and names cut or run together (session
26): a day owns no words and is no body's name; a bracketed acronym closes the body's
name it spells, so the name after it is a person's own; the last word of a body's name,
owning a noun, is that body; a role the parser reads as a proper noun still says a
person.  Hand-written articles (made up), run through the real pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people
from saidwhen.extract.people.build import _called_a_person
from saidwhen.extract.people.columns import columns
from saidwhen.pipeline import extract

SPEAKERS = [
    pytest.param(
        "Tom Hale can keep his boat after a state appeals court Monday declined to hear "
        "the city's case.\n\n"
        '"Nothing here is new," the court wrote.',
        "Nothing here is new",
        "Monday",
        id="a-day-after-a-subject-is-no-body",
    ),
    pytest.param(
        "The Orlin move follows Tuesday's announcement by Hale Motor Co. that it is ready "
        "to buy the whole firm.",
        "it is ready to buy",
        "Tuesday",
        id="a-day-owns-no-announcement",
    ),
]


@pytest.mark.parametrize(("text", "words", "nobody"), SPEAKERS)
def test_a_day_is_no_speaker(nlp: Any, text: str, words: str, nobody: str) -> None:
    rec = extract(text, "2021-03-04", nlp=nlp)
    found = [q for q in rec.quotes if q.text.startswith(words)]
    assert found
    for q in found:
        assert q.speaker is None or q.speaker.name is None or nobody not in q.speaker.name


NAMED = [
    pytest.param(
        "Director of the National Bureau of Statistics (NBS) Tomas Ruelle said on Friday "
        "that prices had held.\n\n"
        '"Prices are steady," Ruelle said.',
        "Prices are steady",
        "Tomas Ruelle",
        id="a-bracketed-acronym-closes-the-body",
    ),
    pytest.param(
        "Head of the Coastal Safety Office (CSO) Mirela Dancu visited the port.\n\n"
        '"We will be back in a week," Dancu told reporters.',
        "We will be back",
        "Mirela Dancu",
        id="the-person-after-the-acronym",
    ),
]


@pytest.mark.parametrize(("text", "words", "name"), NAMED)
def test_the_person_after_a_bodys_acronym_is_named_in_full(
    nlp: Any, text: str, words: str, name: str
) -> None:
    rec = extract(text, "2021-03-04", nlp=nlp)
    (q,) = [q for q in rec.quotes if q.kind != "indirect" and q.text.startswith(words)]
    assert q.speaker is not None and q.speaker.name == name


TAILS = [
    pytest.param(
        "The port stays shut.\n\n"
        "The Harbour and Coastal Safety Service's decision to close the port was upheld. "
        "The HCSS did not comment.",
        "Service",
        "Coastal Safety Service",
        id="the-last-word-of-a-body-owning-a-noun",
    ),
]


@pytest.mark.parametrize(("text", "word", "name"), TAILS)
def test_the_last_word_of_a_bodys_name_is_the_body(
    nlp: Any, text: str, word: str, name: str
) -> None:
    """ "Service" of "the ... Service's decision" is the service, named in full."""
    index = find_people(nlp(text))
    at = text.index(word)
    found = index.entity_at(at, at + len(word))
    assert found is not None and found.name.endswith(name)


@pytest.mark.parametrize(
    "text",
    [
        "Reyes, the former Orvell Data CEO who quit the race in May, made a surprise visit.",
        "Marr, the departing Kestrel Foods CEO, spoke on Tuesday.",
    ],
)
def test_a_role_read_as_a_proper_noun_says_a_person(nlp: Any, text: str) -> None:
    """ "X, the former Velo Systems CEO": the role says a person, however it is tagged."""
    doc = nlp(text)
    assert any(t.dep_ == "appos" and t.pos_ == "PROPN" for t in doc)
    assert _called_a_person(columns(doc), 0)


COUPLES = [
    pytest.param(
        "The row began when the parents, Daniel and Maria Orsini, spoke at the hall.\n\n"
        '"We gave our son," Mr. Orsini said.\n\n'
        '"I felt the pain," Ms. Orsini said.',
        {"We gave our son": "Daniel Orsini", "I felt the pain": "Maria Orsini"},
        id="a-couple-of-one-surname-is-two-people",
    ),
    pytest.param(
        'Trump and Mike Pence spoke on Monday. "Fine," Trump said.',
        {"Fine": "Trump"},
        id="a-surname-before-and-takes-no-other",
    ),
]


@pytest.mark.parametrize(("text", "speakers"), COUPLES)
def test_a_given_name_before_and_takes_the_full_names_surname(
    nlp: Any, text: str, speakers: dict[str, str]
) -> None:
    """ "Daniel and Maria Orsini": Daniel Orsini and Maria Orsini, each their own "Mr." or
    "Ms." later; a surname said alone elsewhere is no given name ("Trump and Mike Pence")."""
    rec = extract(text, "2021-03-04", nlp=nlp)
    got = {q.text: q.speaker.name if q.speaker else None for q in rec.quotes}
    for words, name in speakers.items():
        assert got[words] == name


def test_a_couple_speaking_together_is_written_as_the_article_does(nlp: Any) -> None:
    """ "Mark and Julia Brennan wrote": one joint speaker, their shared surname once."""
    rec = extract(
        'Historians Mark and Julia Brennan wrote that the party "had lost its way."',
        "2021-03-04",
        nlp=nlp,
    )
    names = {q.speaker.name for q in rec.quotes if q.speaker is not None}
    assert names == {"Mark and Julia Brennan"}
    people = {p.name for p in find_people(nlp("Mark and Julia Brennan wrote.")).persons()}
    assert "Mark Brennan" in people


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'The U.S. Court of Appeals for the 3rd Circuit ruled on Monday that the law "cannot '
            'stand."',
            "the U.S. Court of Appeals for the 3rd Circuit",
        ),
    ],
)
def test_a_numbered_part_of_a_bodys_name_stays_in_it(nlp: Any, text: str, name: str) -> None:
    """ "... for the 3rd Circuit": the ordinal and the words after it are the court's name."""
    rec = extract(text, "2021-03-04", nlp=nlp)
    assert {q.speaker.name for q in rec.quotes if q.speaker is not None} == {name}
