"""Names across articles: the pure rules of :mod:`saidwhen.store.speakers` and quote merging."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saidwhen.store.merge import is_near_duplicate, normalise, words
from saidwhen.store.speakers import (
    PersonRegistry,
    canonical_name,
    looks_like_name,
    split_name,
)


@pytest.mark.parametrize(
    ("name", "first", "surname", "gender"),
    [
        ("Chrissy Teigen", "chrissy", "teigen", None),
        ("Ms. Teigen", None, "teigen", "female"),
        ("Mr Trump", None, "trump", "male"),
        ("Sen. Elizabeth Warren", "elizabeth", "warren", None),
        ("Martin Luther King Jr.", "martin", "king", None),
        ("Ludwig van Beethoven", "ludwig", "van beethoven", None),
        ("President Obama", None, "obama", None),
        ("Beto O'Rourke", "beto", "o'rourke", None),
    ],
)
def test_split_name(name: str, first: str | None, surname: str, gender: str | None) -> None:
    parts = split_name(name)
    assert parts is not None
    assert (parts.first, parts.surname, parts.gender) == (first, surname, gender)


@pytest.mark.parametrize(
    ("names", "people"),
    [
        (["Chrissy Teigen", "Teigen", "Ms. Teigen"], 1),
        (["Teigen", "Chrissy Teigen"], 1),  # the surname alone stands for the one person
        (["Bill Clinton", "William Clinton", "W. Clinton"], 1),
        (["Bill Clinton", "Hillary Clinton"], 2),
        (["Bill Clinton", "Hillary Clinton", "Clinton"], 3),  # ambiguous: never merged blindly
        (["Clinton", "Bill Clinton", "Hillary Clinton"], 3),  # in any order
        (["Donald Trump", "Ivanka Trump", "Donald J. Trump"], 2),
        (["François Hollande", "Francois Hollande", "Hollande"], 1),  # accents aside
        (["Catherine Aldous", "Kate Aldous"], 1),
        (["Larry Pruett", "Lawrence Pruett"], 1),
    ],
)
def test_registry_merges(names: list[str], people: int) -> None:
    reg = PersonRegistry()
    for n in names:
        reg.resolve(n)
    assert len({reg.target(e).id for e in reg}) == people


def test_a_title_gender_rules_a_person_out() -> None:
    reg = PersonRegistry()
    hillary = reg.resolve("Hillary Clinton", gender="female")
    assert reg.resolve("Mr. Clinton") is not hillary
    assert reg.resolve("Mrs. Clinton") is hillary


def test_descriptors_pick_among_namesakes() -> None:
    reg = PersonRegistry()
    senator = reg.resolve("John Smith", descriptors=["the senator from Ohio"])
    painter = reg.resolve("Jane Smith", descriptors=["a painter"])
    assert reg.resolve("Smith", descriptors=["the Ohio senator"]) is senator
    assert reg.resolve("Smith", descriptors=["the painter"]) is painter
    assert reg.resolve("Smith") not in (senator, painter)


def test_groups_are_matched_on_their_words() -> None:
    reg = PersonRegistry()
    assert not looks_like_name("the harbor council") and looks_like_name("Ms. Teigen")
    council = reg.resolve_group("The harbor council")
    assert council is not None and reg.resolve_group("the Harbor Council") is council
    assert reg.take_changed() == ([council], [council])  # the lower-case start now leads
    assert council.name == "the Harbor Council"


@pytest.mark.parametrize(
    ("forms", "person", "name"),
    [
        ({"Obama": 5, "Barack Obama": 1}, True, "Barack Obama"),  # a full name first
        ({"Bill Clinton": 3, "William Clinton": 2}, True, "Bill Clinton"),  # most frequent
        ({"Barack Obama": 2, "Barack H. Obama": 2}, True, "Barack H. Obama"),  # most words
        ({"Ann Lee": 1, "Anne Lee": 1}, True, "Ann Lee"),  # code-point order
        ({"The president": 2, "the president": 1}, False, "the president"),  # one name
        ({"The White House": 1, "the White House": 1}, False, "the White House"),
        ({"the mayor": 1, "the council": 1}, False, "the council"),
        ({}, True, None),
    ],
)
def test_canonical_name(forms: dict[str, int], person: bool, name: str | None) -> None:
    assert canonical_name(forms, person) == name
    assert canonical_name(dict(reversed(forms.items())), person) == name


@pytest.mark.parametrize(
    "names",
    [
        ["Obama", "President Obama", "Barack Obama", "Barack Obama"],
        ["Teigen", "Ms. Teigen", "Chrissy Teigen"],
        ["The president", "the president", "the President"],
        ["Bill Clinton", "William Clinton", "Bill Clinton"],
    ],
)
def test_names_do_not_depend_on_the_order_of_arrival(names: list[str]) -> None:
    def canonical(order: list[str]) -> list[str]:
        reg = PersonRegistry()
        for n in order:
            reg.resolve_speaker(n)
        reg.take_changed()
        return sorted(e.name for e in reg)

    assert canonical(names) == canonical(names[::-1])


LONG = " ".join(str(i) for i in range(12)) + " one two three four five six"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("I cannot express how little I care", "I cannot express how little I care at all.", True),
        ("“Don’t do it,” — ever", "don't do it ever", None),  # equal after normalisation
        ("We'll see", "We'll see what happens", False),
        ("one two three four five six", LONG, False),  # too small a part of the longer
    ],
)  # fmt: skip
def test_near_duplicates(a: str, b: str, same: bool | None) -> None:
    if same is None:
        assert normalise(a) == normalise(b)
    else:
        assert is_near_duplicate(words(a), words(b)) is same


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


def test_a_description_fits_the_named_person_it_describes() -> None:
    reg = PersonRegistry()
    ortiz = reg.resolve("Sam Ortiz", descriptors=["fisherman"])
    assert ortiz is not None
    fisherman = reg.resolve_speaker("the fisherman", "unnamed")
    farmer = reg.resolve_speaker("the farmer", "unnamed")
    assert fisherman is not None and farmer is not None
    assert reg.same_speaker(fisherman, [ortiz]) == (ortiz, fisherman)
    assert "the fisherman" in ortiz.aliases
    assert reg.same_speaker(farmer, [ortiz]) is None
    # two named people never merge this way, whatever they are called
    other = reg.resolve("Ana Ortiz", descriptors=["fisherman"])
    assert other is not None and other is not ortiz
    assert reg.same_speaker(other, [ortiz]) is None


@pytest.mark.parametrize(
    ("name", "kind", "person"),
    [
        ("Tom Lee", "person", True),
        ("Lee Research", "organisation", False),
        ("the doctors", "group", False),
        ("a spokesman for the ambulance service", "unnamed", False),
        ("Tom Lee", None, True),
        ("the harbor council", None, False),
    ],
)
def test_resolve_speaker_sends_each_kind_its_way(name: str, kind: str | None, person: bool) -> None:
    reg = PersonRegistry()
    entry = reg.resolve_speaker(name, kind)
    assert entry is not None
    assert (entry.first is not None) == person
    assert reg.resolve_speaker(name, kind) is entry


@pytest.mark.parametrize("reverse", [False, True])
def test_a_full_name_is_one_person_whatever_the_gender_hints(reverse: bool) -> None:
    hints = [None, "female", "male", "male"]  # one article's pronouns slipped
    reg = PersonRegistry()
    for g in hints[::-1] if reverse else hints:
        reg.resolve("Dana Voss", gender=g)
    (dana,) = list(reg)
    assert dana.gender == "male"
    assert reg.resolve("Ms. Voss") is not dana and reg.resolve("Mr. Voss") is dana
