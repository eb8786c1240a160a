"""One person or body across articles under two forms of its name, and namesakes kept apart.

Made-up names throughout; each table row is one rule of
:mod:`saidwhen.store.speakers` (see :mod:`saidwhen.eval.bank_people` for the measure).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from saidwhen.model import Person
from saidwhen.store import Store, connect, search, speakers
from saidwhen.store.speakers import PersonRegistry, acronym, body_base, split_name, unmangle
from tests.store_helpers import quote, record


def _bodies(names: list[str]) -> int:
    reg = PersonRegistry()
    for n in names:
        reg.resolve_speaker(n, "organisation")
    return len({reg.target(e).id for e in reg})


@pytest.mark.parametrize(
    ("names", "bodies"),
    [
        (["Harbor Fish Records", "Harbor Fish"], 1),  # a generic last word
        (["Harbor Fish", "Harbor Fish Records"], 1),  # in either order
        (["Quillon Data Corp.", "Quillon Data"], 1),
        (["Quillon Data Inc.", "Quillon Data Corp."], 1),  # two generic words, one base
        (["the Tessel Media Group", "Tessel Media"], 1),
        (["Harbor Fish Co.", "Harbor Fish Records", "Harbor Fish"], 1),
        (["Coastal Fishing Authority", "CFA"], 1),  # an acronym of the long form
        (["CFA", "the Coastal Fishing Authority"], 1),
        (["Coastal Fishing Authority", "Central Farming Association", "CFA"], 3),  # which?
        (["Volta Group", "Volta"], 2),  # one word left could be a surname: kept apart
        (["Harbor Fish", "Harbor Fish Market"], 2),  # "Market" says more than a form
        (["a spokesman for the company", "a spokesman for the media"], 2),  # descriptions
        (["the media group", "the media"], 2),
    ],
)
def test_two_forms_of_a_body(names: list[str], bodies: int) -> None:
    assert _bodies(names) == bodies


@pytest.mark.parametrize(
    ("key", "base"),
    [
        ("harbor fish records", "harbor fish"),
        ("quillon data corp co", "quillon data"),
        ("volta group", "volta group"),
        ("volta", None),
        ("spokesman for", None),
    ],
)
def test_body_base(key: str, base: str | None) -> None:
    assert body_base(key) == base


def test_acronym() -> None:
    assert acronym("the National Office of Tide Records") == "notr"
    assert acronym("Harbor Fish") is None  # too short to stand for
    assert acronym("the harbor fishing council") is None  # no proper name


@pytest.mark.parametrize(
    ("names", "people"),
    [
        (["Dana R. Voss", "Dana Voss"], 1),  # a middle initial
        (["Tom Quill Jr.", "Tom Quill"], 1),  # a suffix
        (["Kate Ambry", "Katherine Ambry"], 1),  # a nickname
        (["Zoë Marchetti", "Zoe Marchetti"], 1),  # diacritics
        (["José Ruizabal", "JosÃ© Ruizabal"], 1),  # UTF-8 read as Windows-1252
        (["Ana Ortell", "Luis Ortell"], 2),  # one surname, other first names
        (["Tariq Hamdan", "King Hamdan"], 2),  # a king's given name is no surname
        (["King Hamdan", "Hamdan", "Tariq Hamdan"], 3),  # "Hamdan" alone: which one?
        (["King Hamdan", "Hamdan"], 2),  # a given name alone is not the king's
        (["Ada King", "Ms. King"], 1),  # "King" the surname, after an honorific
    ],
)
def test_two_forms_of_a_person(names: list[str], people: int) -> None:
    for order in (names, names[::-1]):
        reg = PersonRegistry()
        for n in order:
            assert reg.resolve(n) is not None, n
        assert len({reg.target(e).id for e in reg}) == people


@pytest.mark.parametrize(
    ("name", "first", "surname"),
    [
        ("King Hamdan", "king", "hamdan"),
        ("Queen Ilse II", "queen", "ilse"),
        ("Mr. King", None, "king"),
        ("JosÃ© Ruizabal", "jose", "ruizabal"),
    ],
)
def test_split_name_titles_and_encoding(name: str, first: str | None, surname: str) -> None:
    parts = split_name(name)
    assert parts is not None and (parts.first, parts.surname) == (first, surname)


@pytest.mark.parametrize("name", ["the President", "Prince", "Jr."])
def test_a_title_or_suffix_alone_is_no_name(name: str) -> None:
    assert split_name(name) is None


def test_unmangle_leaves_good_text_alone() -> None:
    assert unmangle("Ã…sa Lind") == "Åsa Lind"
    for text in ("José", "Ã is a letter", "plain"):
        assert unmangle(text) in (text, "José")
    assert unmangle("José") == "José"


def _said_by(q: str, name: str, kind: str, start: int = 0) -> object:
    base = quote(q, name, start)
    assert base.speaker is not None
    return dataclasses.replace(base, speaker=dataclasses.replace(base.speaker, type=kind))


def test_a_body_under_two_forms_is_one_speaker_in_the_bank(tmp_path: Path) -> None:
    db = tmp_path / "bank.db"
    label = Person("Harbor Fish Records", type="organisation")
    short = Person("Harbor Fish", type="organisation")
    with Store(db) as store:
        store.add(
            [
                record("a", "2022-03-01", [_said_by("We signed the band", "Harbor Fish Records",
                                                    "organisation")], "Coast Herald", [label]),
                record("b", "2022-03-02", [_said_by("The tour starts in May", "Harbor Fish",
                                                    "organisation")], "Bay Daily", [short]),
            ]
        )  # fmt: skip
    conn = connect(db, readonly=True)
    (body,) = [p for p in speakers(conn) if "Harbor" in p["name"]]
    assert body["quotes"] == 2
    assert body["name"] == "Harbor Fish Records"  # as often as the short form, fuller
    found = {r["speaker"] for r in search(conn, speaker="Harbor Fish")}
    assert found == {body["name"]}


def test_a_king_known_by_one_name_is_no_namesake_s_surname() -> None:
    reg = PersonRegistry()
    tariq = reg.resolve("Tariq Hamdan")
    king = reg.resolve("Hamdan", descriptors=["the king"])
    assert king is not None and king is not tariq and king.name == "King Hamdan"
    assert reg.resolve("King Hamdan") is king
    assert reg.resolve("Hamdan") not in (king, tariq)  # which one, the name alone does not say


def test_a_given_name_alone_is_not_the_king_of_that_name() -> None:
    reg = PersonRegistry()
    king = reg.resolve("Oswin", descriptors=["king"])
    assert king is not None and king.name == "King Oswin"
    assert reg.resolve("Oswin") is not king  # another article's Oswin, who may be anyone
    assert reg.resolve("Oswin", descriptors=["the king"]) is king
