"""A person whose name the tagger takes for a place or a body: what the text says of
her (a given name, "a retired nurse") makes her a person, unless the name is a place
one is in or goes to (made-up texts)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who

PARIS = (
    "Nadia Paris, a retired nurse, says the clinic in Velo closed without notice.\n\n"
    "Paris was born in Spain but moved to Velo when she was six. Paris claims that her "
    "letters were never answered.\n\n"
    '"We had no warning at all," she says.\n'
)


def test_a_surname_the_tagger_calls_a_city(nlp: Any) -> None:
    rec = run(PARIS, nlp)
    (quote,) = [q for q in rec.quotes if q.text.startswith("We had no warning")]
    assert who(quote) == "Nadia Paris"


def test_a_full_name_tagged_org_whose_given_name_people_knows(nlp: Any) -> None:
    """ "Tina Vell" tagged ORG: "tina" is in people's own list of given names (kept for
    gender), not in the name tagger's; it makes the name a person's all the same."""
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan

    from saidwhen.extract.people.build import _settle_type, _vote
    from saidwhen.extract.people.entity import _Entity

    doc = SpacyDoc(nlp.vocab, words=["Tina", "Vell", "had", "a", "question", "."])
    doc.ents = [SpacySpan(doc, 0, 2, label="ORG")]
    ent = _Entity(tokens=["Tina", "Vell"])
    _vote(ent, doc, 0, 2, titles=False, name_words=set())
    assert _settle_type(ent) == "person"


@pytest.mark.parametrize(
    ("votes", "settled"),
    [
        # a given name or title said it (person_strong), the tagger said place more often
        ({"person_strong": 1.0, "place": 3.0}, "person"),
        # ... but the name is also a place one is in or goes to ("moved to Jordan")
        ({"person_strong": 1.0, "place": 3.0, "in_place": 1.0}, None),
        # nothing says a person: the place stays a place
        ({"place": 3.0}, None),
    ],
)
def test_a_place_one_goes_to_is_no_person(votes: dict[str, float], settled: str | None) -> None:
    from saidwhen.extract.people.build import _settle_type
    from saidwhen.extract.people.entity import _Entity

    ent = _Entity(tokens=["Maya", "Jordan"])
    ent.votes.update(votes)
    assert _settle_type(ent) == settled


@pytest.mark.parametrize(
    ("votes", "descriptors", "kind"),
    [
        # named often, labelled a person most times and a town a few times: a person
        ({"person_full": 2.0, "person": 14.5, "place": 8.0, "in_place": 1.0}, [], "person"),
        # labelled a town more often than a person: a place
        ({"person": 3.0, "place": 6.0}, [], None),
        # described as a body ("the label that owns her music, Velo Sound"): the person
        # labels weigh no more than four against it
        ({"person": 8.0, "org": 6.0}, ["label"], "organisation"),
    ],
)
def test_person_labels_against_place_labels(
    votes: dict[str, float], descriptors: list[str], kind: str | None
) -> None:
    from saidwhen.extract.people.build import _settle_type
    from saidwhen.extract.people.entity import _Entity

    ent = _Entity(tokens=["Evan", "Marlowe"], votes=dict(votes), descriptors=list(descriptors))
    assert _settle_type(ent) == kind


def test_a_full_name_said_only_inside_a_quote_is_a_person(nlp: Any) -> None:
    """One capital word inside a quote is no one ("Bread is patience"); a full name the
    tagger reads as a person's is someone, though only the speaker names him."""
    rec = run(
        "Ana Ruiz runs the ferry line across the bay.\n\n"
        '"I learned the trade from Orin Vale, who ran the boats before me," Ruiz said.\n',
        nlp,
    )
    assert "Orin Vale" in {p.name for p in rec.people if p.type == "person"}


@pytest.mark.parametrize(
    ("votes", "descriptors", "org_named", "kind"),
    [
        # a given name or title and a body's descriptor gathered beside it ("party
        # committee chairman Ivo Brandt" leaves "committee"): the name says a person
        ({"person_full": 1.0, "person": 3.0, "person_strong": 2.0}, ["publisher"], False, "person"),
        ({"person": 21.0, "person_strong": 4.0}, ["committee", "authority"], False, "person"),
        # the tagger also labelled the name a body: the descriptor still counts
        ({"person": 3.0, "person_strong": 2.0, "org": 1.0}, ["publisher"], False, "organisation"),
        # a body's word in the name ("Ivo Brandt Group"): the descriptor still counts
        ({"person": 3.0, "person_strong": 2.0}, ["group"], True, "organisation"),
        # no given name nor title: a body by its description ("Velo Sound, the label")
        ({"person_full": 2.0, "person": 4.0}, ["label"], False, "organisation"),
    ],
)
def test_a_body_descriptor_against_a_persons_own_name(
    votes: dict[str, float], descriptors: list[str], org_named: bool, kind: str
) -> None:
    from saidwhen.extract.people.build import _settle_type
    from saidwhen.extract.people.entity import _Entity

    ent = _Entity(
        tokens=["Ivo", "Brandt"],
        votes=dict(votes),
        descriptors=list(descriptors),
        org_named=org_named,
    )
    assert _settle_type(ent) == kind


@pytest.mark.parametrize(
    ("words", "pos", "deps", "subject"),
    [
        # "Vell himself was pleased": the surname tagged a verb, parsed as the subject
        (
            ["Vell", "himself", "was", "pleased"],
            ["VERB", "PRON", "AUX", "ADJ"],
            ["nsubj", "dobj", "ROOT", "acomp"],
            True,
        ),
        # before a noun it is a modifier, not the subject ("Vell senior adviser Ann Roe")
        (["Vell", "adviser", "spoke"], ["VERB", "NOUN", "VERB"], ["nsubj", "dobj", "ROOT"], False),
        # an object the tagger calls a verb stays out
        (["They", "Vell", "often"], ["PRON", "VERB", "ADV"], ["nsubj", "dobj", "advmod"], False),
    ],
)
def test_a_surname_tagged_a_verb_as_subject(
    nlp: Any, words: list[str], pos: list[str], deps: list[str], subject: bool
) -> None:
    from spacy.tokens import Doc as SpacyDoc

    from saidwhen.extract.people.build import _verb_for_subject

    doc = SpacyDoc(nlp.vocab, words=words, pos=pos, deps=deps, heads=[0] * len(words))
    at = 1 if words[0] == "They" else 0
    assert _verb_for_subject(doc, at) is subject


def _voted(nlp: Any, words: list[str], heads: list[int], deps: list[str], **kw: Any) -> Any:
    """The votes of one mention, ``kw["at"]`` (token range), of an entity ``kw["tokens"]``,
    in a hand-parsed sentence whose name tokens the tagger labelled ``kw["label"]``."""
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan

    from saidwhen.extract.people.build import _vote
    from saidwhen.extract.people.entity import _Entity

    lemmas = [w.lower() for w in words]
    for k, lemma in kw.get("lemmas", {}).items():
        lemmas[k] = lemma
    doc = SpacyDoc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)
    i, j = kw["at"]
    doc.ents = [SpacySpan(doc, i, j, label=kw["label"])]
    ent = _Entity(tokens=kw["tokens"])
    _vote(ent, doc, i, j, titles=False, name_words=set())
    return ent.votes


def test_the_surname_of_a_full_name_that_speaks_is_a_person(nlp: Any) -> None:
    """ "Nadia Vell ... Vell wrote", the tagger calling "Vell" a place each time: the
    surname of a longer name that speaks is a person's; "Velo said" (a place's one-word
    name) gains nothing."""
    from saidwhen.extract.people.build import _settle_type
    from saidwhen.extract.people.entity import _Entity

    words, heads, deps = (
        ["Vell", "wrote", "back", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "advmod", "punct"],
    )
    votes = _voted(
        nlp,
        words,
        heads,
        deps,
        at=(0, 1),
        label="GPE",
        tokens=["Nadia", "Vell"],
        lemmas={1: "write"},
    )
    assert votes.get("person_strong")
    ent = _Entity(tokens=["Nadia", "Vell"])
    ent.votes.update(votes)
    ent.votes["place"] = ent.votes.get("place", 0.0) + 3
    assert _settle_type(ent) == "person"
    town = _voted(
        nlp, words, heads, deps, at=(0, 1), label="GPE", tokens=["Vell"], lemmas={1: "write"}
    )
    assert not town.get("person_strong")


@pytest.mark.parametrize(
    ("words", "heads", "deps", "at", "in_place"),
    [
        # "moved to Vell": a place one goes to
        (
            ["She", "moved", "to", "Vell", "."],
            [1, 1, 1, 2, 1],
            ["nsubj", "ROOT", "prep", "pobj", "punct"],
            (3, 4),
            True,
        ),
        # "an email from Vell": the sender of words
        (
            ["an", "email", "from", "Vell", "."],
            [1, 1, 1, 2, 1],
            ["det", "ROOT", "prep", "pobj", "punct"],
            (3, 4),
            False,
        ),
        # "a speech in Vell": words said in a place; the place is one they were said in
        (
            ["a", "speech", "in", "Vell", "."],
            [1, 1, 1, 2, 1],
            ["det", "ROOT", "prep", "pobj", "punct"],
            (3, 4),
            True,
        ),
        # "a letter to Vell": the addressee of words
        (
            ["a", "letter", "to", "Vell", "."],
            [1, 1, 1, 2, 1],
            ["det", "ROOT", "prep", "pobj", "punct"],
            (3, 4),
            False,
        ),
        # "tied it to Vell's firing": the owner, taken by the parse for the object of "to"
        (
            ["tied", "it", "to", "Vell", "'s", "firing"],
            [0, 0, 0, 2, 3, 2],
            ["ROOT", "dobj", "prep", "pobj", "case", "pobj"],
            (3, 4),
            False,
        ),
    ],
)
def test_a_place_one_is_in_or_goes_to(
    nlp: Any,
    words: list[str],
    heads: list[int],
    deps: list[str],
    at: tuple[int, int],
    in_place: bool,
) -> None:
    votes = _voted(nlp, words, heads, deps, at=at, label="GPE", tokens=["Nadia", "Vell"])
    assert bool(votes.get("in_place")) is in_place
