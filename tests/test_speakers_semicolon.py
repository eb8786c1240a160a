"""Words quoted in a clause after a semicolon are not the report before the semicolon's
("Iraq said ...; minister Tom Reyes called the order "grave and sinister.""): the
semicolon joins two sentences (realnews-tbaq trap, written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who

TEXT = (
    "Ministers trade words over the order.\n\n"
    "Concern rose over the safety of Americans and other foreigners stuck in Kuwait. "
    "Iraqi army officers told all Americans and Britons in Kuwait to gather at a hotel, "
    "officials said. “Hardly any” of the 2,000 Americans in Kuwait obeyed the order, a "
    "senior U.S. official told reporters. {owner} said the roundup was meant to shield them "
    "from unnamed threats; British junior minister {name} called the order “grave and "
    "sinister.” “We fear they will be held somewhere,” {name} said.\n"
)


@pytest.mark.parametrize("owner", ["Iraq", "Baghdad"])
@pytest.mark.parametrize("name", ["Tom Reyes", "Ann Lee"])
def test_a_fragment_after_a_semicolon(nlp: Any, owner: str, name: str) -> None:
    rec = run(TEXT.format(owner=owner, name=name), nlp)
    (frag,) = [q for q in rec.quotes if q.kind == "fragment" and "sinister" in q.text]
    assert who(frag) == name
