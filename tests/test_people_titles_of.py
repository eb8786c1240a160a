"""A person named after a title "of" a body or a place ("Minister of Education Ines
Varga", "CEO of the Harbour Council Enver Dalton") is that person, named without the
title; a work or words owned by a name ("the Ledger's analysis") speak for the owner; a
document only seen or obtained by someone ("a letter seen by Radio Velo") is not theirs;
a name the tagger calls a body as often as a person is a person unless a descriptor or
its own words say a body.  Hand-written articles (made up), run through the real
pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people
from saidwhen.extract.people.build import _settle_type
from saidwhen.extract.people.entity import _Entity
from saidwhen.pipeline import extract

CASES = [
    pytest.param(
        "The schools will reopen in March.\n\n"
        'Minister of Education Ines Varga said a "more general reflection" is needed.',
        "more general reflection",
        "Ines Varga",
        id="minister-of-a-field",
    ),
    pytest.param(
        "The port will close for a week.\n\n"
        "After the leak, CEO of the Harbour Council Enver Dalton told reporters the plan "
        '"must be well thought out".',
        "must be well thought out",
        "Enver Dalton",
        id="ceo-of-a-body",
    ),
    pytest.param(
        "The museum opened a new hall on Friday.\n\n"
        "In a statement, Governor of Oregon Brenna Stoltz said, "
        '"The museum put a tremendous amount of effort into this hall."',
        "The museum put a tremendous",
        "Brenna Stoltz",
        id="governor-of-a-state",
    ),
    pytest.param(
        "The wards will open in May.\n\n"
        '"The wards are ready," said Minister for Health Aoife Brannigan on Monday.',
        "The wards are ready",
        "Aoife Brannigan",
        id="minister-for-a-field",
    ),
    pytest.param(
        "Browsers keep changing places.\n\n"
        "The Ledger's recent analysis of its own web traffic found that "
        '"the old browser is still the most used one at work."',
        "the old browser",
        "The Ledger",
        id="a-work-speaks-for-its-owner",
    ),
]


@pytest.mark.parametrize(("text", "words", "name"), CASES)
def test_the_speaker_is_named_without_the_title_of_a_body(
    nlp: Any, text: str, words: str, name: str
) -> None:
    rec = extract(text, "2021-03-02", nlp=nlp)
    (q,) = [q for q in rec.quotes if q.kind != "indirect" and q.text.startswith(words)]
    assert q.speaker is not None and q.speaker.name == name


@pytest.mark.parametrize(
    "text",
    [
        'The Governor of New South Wales said "no" on Monday.',
        'The Mayor of Salt Lake City said "no" on Monday.',
    ],
)
def test_a_place_after_a_title_is_no_person(nlp: Any, text: str) -> None:
    """ "Governor of New South Wales": the place's last words are nobody's name."""
    assert not [p for p in find_people(nlp(text)).persons() if p.type == "person"]


def test_a_title_of_a_body_is_a_descriptor_of_the_person(nlp: Any) -> None:
    """The title and its body are what the person is, and the body's word ("council")
    in it does not make the person a body."""
    doc = nlp(
        "The port will close for a week. Later, CEO of the Harbour Council Enver Dalton "
        'added: "No."'
    )
    (person,) = [p for p in find_people(doc).persons() if "Dalton" in p.name]
    assert person.name == "Enver Dalton"
    assert person.type == "person"
    assert "ceo of the harbour council" in person.descriptors


def test_a_document_seen_by_a_broadcaster_is_not_the_broadcasters(nlp: Any) -> None:
    """ "A leaked letter seen by Radio Velo says ...": Radio Velo read it, did not write it."""
    text = (
        "The ministry wants answers within a month.\n\n"
        "A leaked internal letter seen by Radio Velo says the forms must be "
        '"returned within twenty days".'
    )
    doc = nlp(text)
    index = find_people(doc)
    start = text.index("A leaked")
    end = text.index(" says")
    found = index.entity_at(start, end)
    assert found is None or "Velo" not in found.name


@pytest.mark.parametrize(
    ("votes", "descriptors", "org_named", "kind"),
    [
        # "Trump" called a person nine times and a body nine ("the Trump troops"): a person
        ({"person": 9.5, "org": 9.0}, [], False, "person"),
        # described as a body ("the group that owns her music, Big Machine"): a body
        ({"person": 9.5, "org": 9.0}, ["group"], False, "organisation"),
        # a body's name ("the Hale Foundation") that labels call a person as often: a body
        ({"person": 9.5, "org": 9.0}, [], True, "organisation"),
        # a title "of" a body names a person, not the body ("ceo of the harbour council")
        (
            {"person": 4.0, "person_strong": 2.0, "org": 1.0},
            ["ceo of the harbour council"],
            False,
            "person",
        ),
    ],
)
def test_person_labels_are_capped_only_against_a_body_named_or_described(
    votes: dict[str, float], descriptors: list[str], org_named: bool, kind: str
) -> None:
    """The cap on a person's labels weighs them against what says a body (a descriptor,
    the name's own body word), not against the tagger's body labels alone."""
    ent = _Entity(
        ["Hartigan"], votes=dict(votes), descriptors=list(descriptors), org_named=org_named
    )
    assert _settle_type(ent) == kind


def test_a_day_that_owns_a_memo_is_not_its_author(nlp: Any) -> None:
    """ "Thursday's memo from the panel": the day owns no words; the panel issued them."""
    rec = extract(
        "The inquiry is into its second year.\n\n"
        "Thursday's memo from the panel said the new rules were "
        '"aimed at bolstering the case".',
        "2021-03-02",
        nlp=nlp,
    )
    (q,) = [q for q in rec.quotes if q.kind != "indirect" and q.text.startswith("aimed")]
    assert q.speaker is not None and "Thursday" not in q.speaker.name


@pytest.mark.parametrize(
    ("text", "mention", "who"),
    [
        pytest.param(
            "Ana Ruiz spoke in Leeds on Monday. Eleven groups wrote to her on Thursday. "
            "The groups who wrote to her on Thursday want a clear answer.",
            "The groups who wrote to her on Thursday",
            None,
            id="a-pronoun-in-a-relative-clause",
        ),
        pytest.param(
            "Ana Ruiz spoke in Leeds on Monday. The farmers who met Ana Ruiz want a clear answer.",
            "The farmers who met Ana Ruiz",
            None,
            id="a-name-in-a-relative-clause",
        ),
        pytest.param(
            "The Tamsin Review is read widely. The results of the Iodine Survey published "
            "in the Tamsin Review show a gap.",
            "The results of the Iodine Survey published in the Tamsin Review",
            None,
            id="where-a-study-appeared",
        ),
        pytest.param(
            "The Pentagon spoke on Monday. A statement issued by the Pentagon on Monday said no.",
            "A statement issued by the Pentagon",
            "the Pentagon",
            id="the-maker-of-a-statement",
        ),
        pytest.param(
            "Harlow Media Group runs the awards. The company that runs the awards, Harlow "
            "Media Group, said no.",
            "The company that runs the awards, Harlow Media Group",
            "Harlow Media Group",
            id="an-apposition-after-a-relative-clause",
        ),
        pytest.param(
            "Ana Ruiz spoke in Leeds on Monday about a speech Ana Ruiz gave last year.",
            "a speech Ana Ruiz",
            "Ana Ruiz",
            id="the-subject-of-a-relative-clause",
        ),
    ],
)
def test_a_name_in_a_clause_on_the_head_is_not_the_mention(
    nlp: Any, text: str, mention: str, who: str | None
) -> None:
    """ "The groups who wrote to her": the groups, not the woman they wrote to; but the
    agent that issued a statement, an apposition and the subject of the clause are."""
    doc = nlp(text)
    start = text.index(mention)
    found = find_people(doc).entity_at(start, start + len(mention))
    if who is None:
        assert found is None or ("Ruiz" not in found.name and "Review" not in found.name)
    else:
        assert found is not None and found.name == who
