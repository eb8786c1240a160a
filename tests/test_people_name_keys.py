"""The index that spares `_entity_for` comparing a name with every person of an article
(`_NameKeys`) must never leave out an entity the name may be: every pair that
`_same_person` or `_same_body` matches is among the candidates."""

from __future__ import annotations

import itertools

import pytest

from saidwhen.extract.people.entity import _Entity
from saidwhen.extract.people.index import _NameKeys
from saidwhen.extract.people.names import _core, _same_body, _same_person

# made-up names: full names, surnames, given names, accents, two surnames, initials,
# bodies, their acronyms and paper names
NAMES = [
    "Ana Ruiz",
    "Ruiz",
    "Ana",
    "François Lemaire",
    "Francois Lemaire",
    "Lemaire",
    "Melba Acosta Febo",
    "Acosta",
    "Melba Acosta",
    "Tom Lee Jr.",
    "Lee",
    "Thomas Lee",
    "J. Lee",
    "Bill Varo",
    "William Varo",
    "Coastal Safety Administration",
    "CSA",
    "Big Machine Records",
    "Big Machine",
    "The Harbour Post",
    "Post",
    "Customs and Border Protection",
    "CBP",
    "Van Der Beek",
    "James Van Der Beek",
]


def _low(name: str) -> list[str]:
    return _core([w.lower() for w in name.split()])


@pytest.mark.parametrize("name", NAMES)
def test_every_matching_entity_is_a_candidate(name: str) -> None:
    ents = [_Entity(tokens=other.split()) for other in NAMES]
    keys = _NameKeys()
    low = _low(name)
    found = {id(e) for e in keys.candidates(ents, low)}
    for ent in ents:
        if _same_person(low, ent.core()) or _same_body(low, ent.core()):
            assert id(ent) in found, (name, ent.tokens)


def test_candidates_keep_list_order_and_follow_renames() -> None:
    ents = [_Entity(tokens=["Ana", "Ruiz"]), _Entity(tokens=["Tom", "Lee"])]
    keys = _NameKeys()
    assert keys.candidates(ents, ["ruiz"]) == [ents[0]]
    ents.append(_Entity(tokens=["Rosa", "Ruiz"]))  # appended: filed on the next question
    assert keys.candidates(ents, ["ruiz"]) == [ents[0], ents[2]]
    ents[1].tokens = ["Tom", "Ruiz"]  # renamed: filed again
    assert keys.candidates(ents, ["ruiz"]) == ents
    assert keys.candidates(ents[:1], ["lee"]) == []  # another list: started again


def test_a_name_of_no_words_is_compared_with_everyone() -> None:
    ents = [_Entity(tokens=[a, b]) for a, b in itertools.product("AB", "CD")]
    assert _NameKeys().candidates(ents, []) == ents
