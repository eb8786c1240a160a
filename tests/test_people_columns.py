"""The people's token columns and name words say what the Token objects say."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.memo import forget_article
from saidwhen.extract.people.columns import columns
from saidwhen.extract.people.names import _name_words

TEXTS = [
    "Gov. Ana Ruiz of the Harbor Fishing Co. met Tom O'Malley in Valdera on Monday.\n\n"
    "He said the Republican Jewish Coalition would back her.",
    "Kim Jong-un and \u201cTig\u201d Lane spoke to the SITE Intelligence Group. She left.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_columns_are_the_tokens_attributes(nlp: Any, text: str) -> None:
    doc = nlp(text)
    try:
        c = columns(doc)
        assert c.n == len(doc)
        for t in doc:
            i = t.i
            got = (c.text[i], c.lower[i], c.pos[i], c.tag[i], c.dep[i], c.ent_type[i])
            assert got == (t.text, t.lower_, t.pos_, t.tag_, t.dep_, t.ent_type_)
            assert c.inside[i] == (t.ent_iob_ == "I")
            assert c.space[i] == bool(t.whitespace_)
            assert c.alpha[i] == t.is_alpha
            assert c.first[i] == bool(t.is_sent_start)
    finally:
        forget_article()


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Ana Ruiz said the plan was sound.", "Ruiz", True),
        ("Ana Ruiz said the plan was sound.", "plan", False),
        ("Tom O\u2019Malley spoke on Friday.", "O\u2019Malley", True),
        ("J.J. Vance said so.", "J.J.", True),
    ],
)
def test_name_words(nlp: Any, text: str, word: str, expected: bool) -> None:
    doc = nlp(text)
    try:
        (i,) = [t.i for t in doc if t.text == word]
        assert _name_words(doc)[i] is expected
    finally:
        forget_article()
