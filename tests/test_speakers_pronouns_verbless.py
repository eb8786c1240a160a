"""A name the parser made its sentence's root, its verb hung below a clause in dashes
("Gov. Ana Ruiz — who is vetted ... — made ..."), is the sentence's subject for the
he/she that follows; "Said Ruiz: ..." and a bare name are not (hand-built parses)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from saidwhen.extract.people.index import _verbless_subject

# (words, heads, deps, pos): the misparse seen on real pages, written fresh
DASHED = (
    "Gov. Ana Ruiz — who is vetted as a mate for Tom Vale — made it a priority .".split(),
    [2, 2, 2, 2, 6, 6, 2, 6, 9, 7, 9, 12, 10, 6, 6, 14, 17, 14, 6],
    "compound compound ROOT punct nsubjpass auxpass relcl prep det pobj prep compound pobj "
    "punct conj dobj det oprd punct".split(),
    "PROPN PROPN PROPN PUNCT PRON AUX VERB ADP DET NOUN ADP PROPN PROPN PUNCT VERB PRON "
    "DET NOUN PUNCT".split(),
)


def _doc(nlp: Any, words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_dashed_clause_root_is_the_subject(nlp: Any) -> None:
    doc = _doc(nlp, *DASHED)
    ruiz = doc[2]
    assert ruiz.dep_ == "ROOT"
    assert _verbless_subject(ruiz, doc[1].i)  # "Ana Ruiz", after the title "Gov."
    assert not _verbless_subject(doc[12], doc[11].i)  # "Tom Vale" is no root


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos"),
    [
        # an inverted attribution: "Said" is no title
        (
            "Said Ruiz : we win .".split(),
            [1, 1, 1, 4, 1, 1],
            "compound ROOT punct nsubj appos punct".split(),
            "PROPN PROPN PUNCT PRON VERB PUNCT".split(),
        ),
        # a name alone on its line: no verb below it
        (
            "Ana Ruiz .".split(),
            [1, 1, 1],
            "compound ROOT punct".split(),
            "PROPN PROPN PUNCT".split(),
        ),
    ],
)
def test_no_subject_without_a_verb_or_after_a_word(
    nlp: Any, words: list[str], heads: list[int], deps: list[str], pos: list[str]
) -> None:
    doc = _doc(nlp, words, heads, deps, pos)
    root = next(t for t in doc if t.dep_ == "ROOT")
    start = root.i - 1 if words[0] == "Ana" else root.i
    assert not _verbless_subject(root, start)
