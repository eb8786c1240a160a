"""A name for a mention no entity holds, from its head phrase (people/names.py)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people.names import _clean_mention


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        # a dash that opens an aside, or a signature's dash, is no part of the name
        (
            "The harbor fund - which plans to spend $9 million - said it would wait.\n",
            "The harbor fund - which plans to spend $9 million",
            "The harbor fund",
        ),
        (
            "Apple, a giant industrial producer, said it would wait.\n",
            "Apple, a giant industrial producer,",
            "Apple",
        ),
    ],
)
def test_clean_mention_name(text: str, mention: str, name: str, nlp: Any) -> None:
    doc = nlp(text)
    start = text.index(mention)
    found = _clean_mention(doc, start, start + len(mention))
    assert found is not None and found[0] == name
