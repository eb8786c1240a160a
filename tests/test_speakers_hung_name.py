"""A name right before a cue verb that the parse hangs on the verb as a compound ("Glenn
joked" read as one word, the verb made part of the clause before: '"Ruiz," Glenn
joked, "..."') is the verb's subject, not the subject of that clause
(realnews-polnear-train2 trap, written fresh). The parser makes this slip only in some
contexts, so the parse is built by hand here."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from saidwhen.extract.speech.direct import _name_hung_on

WORDS = ["someone", "shouted", ",", "Ruiz", ",", "Glenn", "joked", ",", "Amen"]
POS = ["PRON", "VERB", "PUNCT", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT", "INTJ"]


def _doc(nlp: Any, name_dep: str, name_head: int) -> Doc:
    heads = [1, 1, 1, 1, 3, name_head, 1, 6, 6]
    deps = ["nsubj", "ROOT", "punct", "dobj", "punct", name_dep, "xcomp", "punct", "intj"]
    return Doc(nlp.vocab, words=WORDS, heads=heads, deps=deps, pos=POS)


def test_a_name_hung_on_the_cue_verb_is_its_subject(nlp: Any) -> None:
    doc = _doc(nlp, "compound", 6)
    named = _name_hung_on(doc[6])
    assert named is not None and named.text == "Glenn"


@pytest.mark.parametrize(("dep", "head"), [("nsubj", 6), ("compound", 3), ("appos", 6)])
def test_other_readings_leave_the_subject_alone(nlp: Any, dep: str, head: int) -> None:
    assert _name_hung_on(_doc(nlp, dep, head)[6]) is None
