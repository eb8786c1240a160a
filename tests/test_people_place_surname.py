"""A person whose name the tagger takes for a place or a body: what the text says of
her (a given name, "a retired nurse") makes her a person, unless the name is a place
one is in or goes to (made-up texts)."""

from __future__ import annotations

from typing import Any

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
