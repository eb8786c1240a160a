"""A person's name after a body's possessive is a person's (session 20; the speakers'
exact names of that session are rows of tests/test_speakers_which_person.py)."""

from __future__ import annotations

from typing import Any

from saidwhen.extract.people import find_people
from saidwhen.nlp import parse


def test_a_person_owned_by_a_body_is_a_person(nlp: Any) -> None:
    """ "the Chicago Tribune's Arun Mehtab": the tagger's ORG label over the whole
    phrase does not make him a body."""
    doc = parse(nlp, "The plan failed, the Chicago Tribune’s Arun Mehtab wrote on Monday.")
    kinds = {e.name: e.type for e in find_people(doc)._entities}
    assert kinds == {"the Chicago Tribune": "organisation", "Arun Mehtab": "person"}
