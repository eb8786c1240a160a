"""A title-case headline's subject ("Vale's Supporters May Be The Real Puppetmasters")
is no subject that the article's first he/she takes up: the man named just before it is
(articles written fresh)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from saidwhen.extract.people import find_people

BODY = (
    "Scenes from Tom Vale's rally at the Elton arena Tuesday will keep the writer Sam Reed, "
    "a teacher at Elton College, awake at night.\n"
    "It wasn't just the cries from the crowd that rattled Reed. It wasn't even that he "
    "heard so many of them.\n"
)


@pytest.mark.parametrize(
    ("headline", "person"),
    [
        (
            "Vale's Supporters May Be The Real Puppetmasters Of His Hateful Campaign.\n\n",
            "Sam Reed",
        ),
        # a sentence for a first line is read as any other: its subject weighs
        ("Tom Vale has supporters who may be the real bosses of his campaign.\n\n", "Tom Vale"),
    ],
)
def test_a_headline_subject_is_no_subject(nlp: Any, headline: str, person: str) -> None:
    text = headline + BODY
    m = re.search(r"\bhe heard\b", text)
    assert m is not None
    assert find_people(nlp(text)).resolve(m.start(), m.start() + 2) == person
