"""The CRFsuite model read by saidwhen itself: the same weights and the same labels as
python-crfsuite, and the features it reads the same strings the tagger was trained on.

The articles are made up for these tests; the ``nlp`` fixture comes from conftest.py.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from saidwhen.errors import SaidwhenError
from saidwhen.extract.speech import crf
from saidwhen.extract.speech.crfsuite_model import CrfModel, _like_lengths, read_model
from saidwhen.extract.speech.view import ArticleView

pycrfsuite = pytest.importorskip("pycrfsuite")

ARTICLES = [
    crf.PROBE,
    'The ferry company said on Friday that crossings would resume. "We apologise," a '
    "spokeswoman told the harbour council.\n\nAccording to the port authority, two ships "
    'were damaged.\n\nA\n\nThe captain: "Nobody was hurt." Engineers, who asked not to be '
    "named, warned that repairs could take months, a claim the owners denied.",
    'Short.\n\nOne two.\n\n"Quoted words only."\n\nShe said: yes.',
]


@pytest.fixture(scope="module")
def reference() -> Any:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(crf.MODEL_PATH))
    return tagger


def test_weights_and_labels_are_those_python_crfsuite_reads(reference: Any) -> None:
    model = read_model(crf.MODEL_PATH)
    assert list(model.labels) == reference.labels()
    info = reference.info()
    # the dump python-crfsuite parses prints six decimals
    for (attr, label), weight in info.state_features.items():
        got = model.state[model.attrs[attr], model.labels.index(label)]
        assert got == pytest.approx(weight, abs=1e-6)
    for (a, b), weight in info.transitions.items():
        got = model.trans[model.labels.index(a), model.labels.index(b)]
        assert got == pytest.approx(weight, abs=1e-6)
    assert len(info.state_features) == np.count_nonzero(model.state)


@pytest.mark.parametrize("text", ARTICLES)
def test_labels_are_python_crfsuites(nlp: Any, reference: Any, text: str) -> None:
    view = ArticleView.build(nlp(text))
    hints = crf.rule_roles(view)
    table = crf.token_table(view)
    want = [reference.tag(crf.sequence_features(view, p, hints, table)) for p in view.paragraphs]
    tagger = crf.load_tagger()
    lengths = [len(p) for p in view.paragraphs]
    got = tagger.tag_columns(crf.sequence_columns(table, view.paragraphs, hints), lengths)
    assert got == want
    # and one sequence at a time, from the strings
    assert [tagger.tag(crf.sequence_features(view, p, hints, table)) for p in view.paragraphs] == (
        want
    )
    assert any(label != "O" for labels in want for label in labels)


@pytest.mark.parametrize("text", ARTICLES)
def test_columns_of_many_sequences_are_those_of_each(nlp: Any, text: str) -> None:
    view = ArticleView.build(nlp(text))
    hints = crf.rule_roles(view)
    table = crf.token_table(view)
    paras = view.paragraphs
    rows = crf._rows(crf.sequence_columns(table, paras, hints))
    bounds = list(itertools.accumulate(map(len, paras), initial=0))
    for p, lo, hi in zip(paras, bounds, bounds[1:], strict=False):
        assert rows[lo:hi] == crf.sequence_features(view, p, hints, table)


def _brute_force(state: np.ndarray, trans: np.ndarray) -> list[int]:
    best, path = -np.inf, None
    for labels in itertools.product(range(state.shape[1]), repeat=state.shape[0]):
        score = state[0, labels[0]] + sum(
            trans[a, b] + state[t + 1, b] for t, (a, b) in enumerate(itertools.pairwise(labels))
        )
        if score > best:
            best, path = score, list(labels)
    assert path is not None
    return path


def test_viterbi_finds_the_best_path_of_each_sequence() -> None:
    rng = np.random.default_rng(7)
    labels = ("A", "B", "C")
    model = CrfModel(labels, {}, np.zeros((1, 3)), rng.normal(size=(3, 3)))
    lengths = [1, 4, 2, 3, 1]
    scores = rng.normal(size=(sum(lengths), 3))
    got = model.tag_many(scores, lengths)
    starts = list(itertools.accumulate(lengths, initial=0))
    for lab, lo, n in zip(got, starts, lengths, strict=False):
        want = _brute_force(scores[lo : lo + n], model.trans)
        assert lab == [labels[j] for j in want]
    assert model.tag_many(scores, []) == []
    assert model.tag([]) == []


@pytest.mark.parametrize(
    "lengths",
    [
        [4000] + [3] * 800,  # a transcript: one long paragraph and many short ones
        [5, 0, 7, 5, 120, 1, 1, 60],
        [50] * 3000,
    ],
)
def test_sequences_are_decoded_in_groups_of_like_length(lengths: list[int]) -> None:
    groups = _like_lengths(lengths)
    assert sorted(i for g in groups for i in g) == [i for i, n in enumerate(lengths) if n]
    for g in groups:
        cells = max(lengths[i] for i in g) * len(g)
        # padding no more than the tokens, and a bounded block unless one sequence is longer
        assert len(g) == 1 or (cells <= 2 * sum(lengths[i] for i in g) and cells <= 1 << 16)


def test_grouped_decoding_is_each_sequence_decoded_alone() -> None:
    rng = np.random.default_rng(11)
    labels = ("A", "B", "C", "D")
    model = CrfModel(labels, {}, np.zeros((1, 4)), rng.normal(size=(4, 4)))
    lengths = [300, 0, 2, 9, 2, 40, 1, 7, 2]
    scores = rng.normal(size=(sum(lengths), 4))
    starts = list(itertools.accumulate(lengths, initial=0))
    alone = [
        model._viterbi(scores[lo : lo + n], [n])[0] if n else []
        for lo, n in zip(starts, lengths, strict=False)
    ]
    assert model.tag_many(scores, lengths) == alone


def test_a_file_that_is_not_a_model_is_a_coded_error(tmp_path: Path) -> None:
    bad = tmp_path / "model.crfsuite"
    bad.write_bytes(b"lCRF" + bytes(20))
    with pytest.raises(SaidwhenError, match=r"\[E000\].*model\.crfsuite"):
        read_model(bad)
    bad.write_text("not a model at all, but long enough for a header" * 2, encoding="utf-8")
    with pytest.raises(SaidwhenError, match="CRF1d"):
        read_model(bad)


def _paths(head: list[int], deps: list[str], rate: list[str], lemma: list[str]) -> list[Any]:
    frame = ["none"] * len(head)
    factors = [crf._factor(v) for v in (deps, rate, lemma, frame)]
    kinds, kind = crf._cue_paths(head, *factors)
    assert len(set(kinds)) == len(kinds)  # each distinct path once, as _factor gives them
    return [kinds[k] for k in kind.tolist()]


def test_cue_paths_of_a_hand_built_tree() -> None:
    # 1 is the root, 2 a likely cue (rate "3") whose object 3 has 4 and 5 below it;
    # 6 a second root; 0 hangs from the root
    head = [1, 1, 1, 2, 3, 4, 6]
    deps = ["nsubj", "ROOT", "ccomp", "dobj", "prep", "pobj", "ROOT"]
    rate = ["x", "x", "3", "x", "0", "1", "x"]
    lemma = ["we", "be", "say", "it", "of", "plan", "ok"]
    root = ("path=root",)
    below = [crf._path_feats("3", "dobj", "R", "say", d, "none") for d in range(3)]
    assert _paths(head, deps, rate, lemma) == [root, root, root, *below, root]


def test_cue_paths_beyond_reach_are_far() -> None:
    # a chain of 11 tokens, each the child of the one before: 8 steps up and more is far
    head = [0, *range(10)]
    paths = _paths(head, ["dep"] * 11, ["x"] * 11, ["w"] * 11)
    assert paths == [("path=root",)] * 8 + [("path=far",)] * 3


def test_cue_paths_left_of_the_cue_and_of_an_empty_doc() -> None:
    # "Smith said": the subject left of its cue
    paths = _paths([1, 1], ["nsubj", "ROOT"], ["x", "5"], ["smith", "say"])
    assert paths == [crf._path_feats("5", "nsubj", "L", "say", 0, "none"), ("path=root",)]
    assert _paths([], [], [], []) == []


def test_child_columns_are_the_kinds_of_children_in_text_order(nlp: Any) -> None:
    doc = nlp("The mayor said that the bridge, which she built, would reopen in May.")
    view = ArticleView.build(doc)
    columns = crf._child_deps(view.heads, view.factors["dep"])
    for t in doc:
        kinds = [c.dep_ for c in t.children if c.dep_ in crf._CHILD_DEPS]
        got = [c.values[c.index[t.i]] for c in columns if c.index is not None and c.index[t.i] >= 0]
        assert got == kinds, t.text
    assert any(c.index is not None and (c.index >= 0).sum() for c in columns[1:])


def test_pairs_render_each_value_as_left_bar_right() -> None:
    left, right = ("nsubj", "dobj"), ("say", "|", "plan")
    pairs = crf.Pairs(left, right, np.array([0, 4, 5], dtype=np.intp))
    assert list(pairs) == ["nsubj|say", "dobj||", "dobj|plan"]
    assert pairs[1:] == ["dobj||", "dobj|plan"]
    assert len(pairs) == 3


def test_pair_rows_are_the_rows_of_the_rendered_pairs(nlp: Any) -> None:
    view = ArticleView.build(nlp("The mayor said the bridge would reopen, officials told us."))
    deps, lemma = view.factors["dep"], view.factors["lemma"]
    values, codes = crf._pairs(deps, (lemma[0], lemma[1][view.heads]))
    assert isinstance(values, crf.Pairs) and len(codes) == len(view.texts)
    tagger = crf.load_tagger()
    # every feature the model knows under the template, by a scan of all of them
    known = {
        a[len("d|hl=") :]: row for a, row in tagger.model.attrs.items() if a.startswith("d|hl=")
    }
    got = tagger.pair_rows("d|hl={}", values).tolist()
    assert got == [known.get(v, 0) for v in values]
    assert any(got) and not all(got)  # some pairs the model knows, some it does not
    # a left value with a bar in it: the pairs are rendered as they are
    rendered, _ = crf._pairs((("a|b", "c"), codes * 0), lemma)
    assert rendered == [f"a|b|{lemma[0][k]}" for k in sorted(set(lemma[1].tolist()))]
