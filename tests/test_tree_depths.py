"""``highest`` reads each token's depth from one array per article: the depths are the
lengths of spaCy's own ancestor walks, and the first of the highest tokens wins."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from saidwhen.extract.memo import forget_article
from saidwhen.extract.speech.syntax import _tree_depths, highest

# "The mayor said that the council will vote . Then she left ."
WORDS = [
    "The",
    "mayor",
    "said",
    "that",
    "the",
    "council",
    "will",
    "vote",
    ".",
    "Then",
    "she",
    "left",
    ".",
]
HEADS = [1, 2, 2, 7, 5, 7, 7, 2, 2, 11, 11, 11, 11]
DEPS = [
    "det",
    "nsubj",
    "ROOT",
    "mark",
    "det",
    "nsubj",
    "aux",
    "ccomp",
    "punct",
    "advmod",
    "nsubj",
    "ROOT",
    "punct",
]


@pytest.fixture
def doc(nlp: Any) -> Doc:
    forget_article()
    return Doc(nlp.vocab, words=WORDS, heads=HEADS, deps=DEPS)


def test_depths_are_the_ancestor_walks(doc: Doc) -> None:
    assert _tree_depths(doc) == [len(list(t.ancestors)) for t in doc]
    assert _tree_depths(doc) == [2, 1, 0, 2, 3, 2, 2, 1, 1, 1, 1, 0, 1]


@pytest.mark.parametrize(
    ("span", "want"),
    [
        ((3, 8), 7),  # "that the council will vote": the verb
        ((4, 6), 5),  # "the council": the noun
        ((0, 13), 2),  # two sentences: the first root
        ((9, 13), 11),
        ((8, 11), 8),  # ".", "Then", "she" all one step down: the first
    ],
)
def test_highest_is_the_first_nearest_the_root(doc: Doc, span: tuple[int, int], want: int) -> None:
    toks = list(doc[span[0] : span[1]])
    assert highest(toks).i == want
    assert highest(iter(toks)).i == want  # any iterable


def test_highest_of_nothing_is_an_error(doc: Doc) -> None:
    with pytest.raises(ValueError):
        highest([])
