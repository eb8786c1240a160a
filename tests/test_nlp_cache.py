"""The cached attribute ruler and lemmatizer give exactly what spaCy's own components give."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.nlp import MODEL_NAME
from saidwhen.nlp_cache import CachedLemmatizer, FastAttributeRuler

TEXTS = [
    "Senator Ada Okafor said on Tuesday that the bill \u201cwould not pass\u201d.\n\n"
    "\u201cWe ain't gonna wait,\u201d she told reporters. Y'all know it, c'mon.",
    "There's nothin' wrong, let's go. I gotta run, he said; it was doin' fine.\n"
    "  The mayor's office, which declined to comment, did not say.   ",
    "Did she? Do they have it? It has been done: I told you, and you saw it.",
    "",
]


def _attrs(doc: Any) -> list[tuple[str, ...]]:
    return [(t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph), str(t.head.i)) for t in doc]


@pytest.fixture(scope="module")
def stock() -> Any:
    import spacy

    return spacy.load(MODEL_NAME, exclude=["ner"])


def test_the_pipeline_uses_the_cached_components(nlp: Any) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)


def test_same_tokens_attributes_as_spacy(nlp: Any, stock: Any) -> None:
    # twice: the second pass reads everything from the caches
    for _ in range(2):
        for text in TEXTS:
            assert _attrs(nlp(text)) == _attrs(stock(text)), text


def test_batches_give_the_same_as_single_docs(nlp: Any, stock: Any) -> None:
    fast = [_attrs(d) for d in nlp.pipe(TEXTS, batch_size=2)]
    assert fast == [_attrs(stock(t)) for t in TEXTS]


def test_neural_layers_multiply_with_numpy(nlp: Any) -> None:
    # blis ran the tok2vec layers at a third of numpy's speed here (nlp_cache.use_numpy_matmul)
    models = [getattr(proc, "model", None) for _, proc in nlp.pipeline]
    models = [m for m in models if hasattr(m, "walk")]
    assert models
    assert all(not node.ops.use_blis for model in models for node in model.walk())
