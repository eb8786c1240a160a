"""people/names.py: a name for a mention no entity holds; a name alone on its line."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people.names import _alone_on_line, _clean_mention


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


@pytest.mark.parametrize(
    ("text", "name", "alone"),
    [
        ("The board met.\n\nAna Ruiz\n\nThe vote was close.\n", "Ana Ruiz", True),
        (
            "The board met.\n\nHARBOR BOARD BACKS PIER\n\nThe vote was close.\n",
            "HARBOR BOARD",
            True,
        ),
        ("The board met and Ana Ruiz spoke.\n", "Ana Ruiz", False),
        # a paragraph, however long, is no line of furniture
        (
            "The board met. " * 40 + "Ana Ruiz spoke. " + "The vote was close. " * 40,
            "Ana Ruiz",
            False,
        ),
    ],
)
def test_alone_on_line(text: str, name: str, alone: bool, nlp: Any) -> None:
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    assert _alone_on_line(doc, span.start, span.end) is alone
