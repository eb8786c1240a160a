"""What the GUM names check takes for an entity's name: hand-built mentions."""

from __future__ import annotations

import pytest

from saidwhen.eval.gum import GumDoc
from saidwhen.eval.gum_names import entity_names, joined_hyphens, name_form, name_key

LOWER = {"mathematician", "people", "critic", "wrote"}


@pytest.mark.parametrize(
    ("mention", "kind", "form"),
    [
        ("Daniel Bernoulli", "person", "Daniel Bernoulli"),
        ("the prominent critic Eduard Hanslick", "person", "Eduard Hanslick"),
        ("Dr. William Glennie", "person", "William Glennie"),
        ("Major - General Scott", "person", "Scott"),
        ("Emperor Norton", "person", "Emperor Norton"),
        ("Home Secretary Suella Braverman", "person", "Suella Braverman"),
        ("Biologist Nick Bos", "person", "Nick Bos"),
        ("Joshua Abraham Norton ( c. 1818 - 1880 )", "person", "Joshua Abraham Norton"),
        ("Daniel Bernoulli FRS", "person", "Daniel Bernoulli"),
        ("Isaac Newton 's", "person", "Isaac Newton"),
        (
            "Pierre Augustin Caron de Beaumarchais",
            "person",
            "Pierre Augustin Caron de Beaumarchais",
        ),
        ("W. W. Rouse Ball", "person", "W. W. Rouse Ball"),
        ("citizens of San Francisco", "person", None),
        ("Galois ' cousin", "person", None),
        ('Finley " Finn " Polmar', "person", None),
        ("Charles Ryder in Julian Jarrold 's adaptation", "person", None),
        ("Niklaus and Johann II", "person", None),
        ("Dr.", "person", None),
        ("the University of California", "organization", "University of California"),
        ("the Bernoulli family", "organization", None),
    ],
)
def test_the_name_form_of_a_mention(mention: str, kind: str, form: str | None) -> None:
    text = f"He met {mention} there ."
    got = name_form(text, 7, 7 + len(mention), kind, LOWER)
    assert (got.text if got else None) == form
    if got is not None:
        assert text[got.start : got.end] == got.text


def test_a_common_word_opening_a_line_is_no_name() -> None:
    text = "Mathematician Hermann Weyl wrote .\nPeople wrote ."
    assert name_form(text, 0, 26, "person", LOWER).text == "Hermann Weyl"  # type: ignore[union-attr]
    assert name_form(text, 35, 41, "person", LOWER) is None


def test_the_fullest_name_is_the_longest_form_first_on_a_tie() -> None:
    text = "Ada Lind wrote . Ada May Lind and Ada Kay Lind met Lind ."
    gdoc = GumDoc("d", text)
    gdoc.mentions["person-1"] = [(0, 8), (17, 29), (34, 46), (51, 55)]
    (ent,) = entity_names(gdoc)
    assert [f.text for f in ent.forms] == ["Ada Lind", "Ada May Lind", "Ada Kay Lind", "Lind"]
    assert ent.fullest.text == "Ada May Lind"


def test_a_person_named_only_inside_a_body_is_left_out() -> None:
    text = "the Croucher Foundation paid ."
    gdoc = GumDoc("d", text)
    gdoc.mentions = {"organization-1": [(0, 23)], "person-2": [(4, 12)]}
    assert [e.key for e in entity_names(gdoc)] == ["organization-1"]


def test_hyphens_are_joined_and_spans_moved() -> None:
    text = "Pierre - Simon Laplace met Jean - Louis ."
    gdoc = GumDoc("d", text)
    gdoc.mentions = {"person-1": [(0, 22)], "person-2": [(27, 39)]}
    out = joined_hyphens(gdoc)
    assert out.text == "Pierre-Simon Laplace met Jean-Louis ."
    assert [out.text[s:e] for s, e in out.mentions["person-1"] + out.mentions["person-2"]] == [
        "Pierre-Simon Laplace",
        "Jean-Louis",
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bernoulli 's", "bernoulli"),
        ("Pierre-Simon Laplace", "Pierre - Simon  Laplace"),
        ("Antonín Dvořák", "ANTONÍN DVOŘÁK"),
    ],
)
def test_names_compare_word_by_word(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)
