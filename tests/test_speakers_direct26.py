"""Who is behind a direct quote (session 26): a given name tells the gender of a person
the lexicon's short lists did not know ("Loretta", "Geoff"), so a "she said" after her
takes her up and not an earlier woman whose title ("Mrs.") told her gender; a description
whose own verb acts on a he/she ("The crowd shouted back at him") is not the person that
he/she stands for, so its words stay the description's. Made-up articles run through the
real pipeline, with the names their quotes' speakers must get."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people.names import _MORE_FEMALE, _MORE_MALE
from saidwhen.pipeline import extract

CASES = [
    pytest.param(
        "Ana Ruiz chaired the hearing on Monday. Mrs. Ruiz said the board would decide "
        "soon.\n\n"
        "The fiercest critic was Loretta Quist, a ferry owner from the north shore.\n\n"
        '"This toll will ruin us," she said.',
        ["Loretta Quist"],
        id="she-is-the-woman-named-last-not-the-one-whose-title-told-her-gender",
    ),
    pytest.param(
        "Paul Kramer chaired the hearing on Monday. Mr. Kramer said the board would "
        "decide soon.\n\n"
        "The fiercest critic was Geoff Brandt, a ferry owner from the north shore.\n\n"
        '"This toll will ruin us," he said.',
        ["Geoff Brandt"],
        id="he-is-the-man-named-last-not-the-one-whose-title-told-his-gender",
    ),
    pytest.param(
        "Paul Kramer spoke for an hour at the harbour on Monday. He promised a new pier "
        "and lower fares.\n\n"
        'The crowd shouted back at him, "Build the pier!" and cheered.',
        ["The crowd"],
        id="a-description-whose-verb-acts-on-him-is-not-him",
    ),
    pytest.param(
        "Paul Kramer spoke at the harbour on Monday.\n\n"
        'The audience booed him. "Go home," the audience chanted.',
        ["the audience"],
        id="a-description-that-booed-him-speaks-for-itself",
    ),
]


@pytest.mark.parametrize(("text", "names"), CASES)
def test_speaker_names(nlp: Any, text: str, names: list[str]) -> None:
    rec = extract(text, "2016-09-19", nlp=nlp)
    got = [q.speaker.name if q.speaker else None for q in rec.quotes if q.kind != "indirect"]
    assert got == names


@pytest.mark.parametrize(
    ("name", "female"),
    [("carly", True), ("loretta", True), ("debbie", True), ("josh", False), ("mitt", False)],
)
def test_more_given_names_tell_gender(name: str, female: bool) -> None:
    assert (name in _MORE_FEMALE) == female
    assert (name in _MORE_MALE) != female


@pytest.mark.parametrize("name", ["leslie", "lynn", "marty", "carolina", "chad", "murray"])
def test_names_of_both_or_of_places_tell_nothing(name: str) -> None:
    assert name not in _MORE_FEMALE | _MORE_MALE
