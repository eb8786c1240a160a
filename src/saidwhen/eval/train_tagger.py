"""Train the reported-speech CRF (:mod:`saidwhen.extract.speech.crf`) on PolNeAR train.

The train split is read in place through the shared scorer's loader; each
paragraph becomes one sequence labelled from the gold Source, Cue and
Content spans.  Articles are taken in file-name order and the parameters are
fixed, so a run is deterministic.

Usage::

    python -m saidwhen.eval.train_tagger [--data-dir DIR] [--out FILE]
        [--cache /tmp/polnear_train.spacy] [--heldout-every K]

With ``--heldout-every K`` every K-th article is left out of training and
the tagger alone is scored on them with the shared scorer (for tuning
without touching dev).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from saidwhen.eval.polnear import default_data_dir, load_scorer
from saidwhen.extract.names import set_entities
from saidwhen.extract.speech.crf import (
    MODEL_PATH,
    PROBE,
    STAMP_PATH,
    feature_stamp,
    labels_from_spans,
    rule_roles,
    sequence_features,
    token_table,
)
from saidwhen.extract.speech.decode import find_tagged
from saidwhen.extract.speech.view import ArticleView

__all__ = ["PARAMS", "gold_sequences", "load_docs", "main", "train", "write_stamp"]

# L1 keeps the model small (most weights go to zero); L2 smooths the rest.
# Tuned on train with every 5th article held out (c1 0.3 -> 1 -> 2: smaller and better;
# without spaCy's NER, 3 beat 1, 2, 5 and 8; with the one quote pairer 3 beat 2).
# L-BFGS stops at max_iterations: 400 rather than 200 gave a smaller model and
# held-out cue, source and triples +0.002-0.004 (the weakest feature templates left out).
PARAMS: dict[str, Any] = {
    "c1": 3.0,
    "c2": 0.01,
    "max_iterations": 400,
    "feature.minfreq": 3,
    "feature.possible_transitions": True,
}


def _token_range(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    toks = [t.i for t in doc if t.idx < end and t.idx + len(t.text) > start and not t.is_space]
    return (toks[0], toks[-1] + 1) if toks else None


def gold_sequences(
    doc: Any, attributions: Sequence[dict[str, Any]]
) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) of each paragraph of a parsed article, from its gold attributions."""
    spans: list[tuple[str, int, list[tuple[int, int]]]] = []
    for n, attr in enumerate(attributions):
        for role, key in (("SRC", "source"), ("CUE", "cue"), ("CON", "content")):
            pieces = [_token_range(doc, s, e) for s, e in attr.get(key) or []]
            kept = [p for p in pieces if p is not None]
            if kept:
                spans.append((role, n, kept))
    view = ArticleView.build(doc)
    hints = rule_roles(view)
    table = token_table(view)
    out = []
    for seq in view.paragraphs:
        feats = sequence_features(view, seq, hints, table)
        out.append((feats, labels_from_spans(seq, spans)))
    return out


def load_docs(texts: Sequence[str], cache: Path | None, nlp: Any = None) -> list[Any]:
    """Parsed docs for ``texts``, read from (or written to) a DocBin ``cache``.

    ``nlp`` is the pipeline to parse with; by default saidwhen's own.
    """
    from spacy.tokens import DocBin

    from saidwhen.nlp import load_nlp, parse_many

    nlp = nlp or load_nlp()
    if cache is not None and cache.is_file():
        by_text = {d.text: d for d in DocBin().from_disk(cache).get_docs(nlp.vocab)}
        if all(t in by_text for t in texts):
            return [by_text[t] for t in texts]
    docs = list(parse_many(nlp, texts))
    if cache is not None:
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        db.to_disk(cache)
    return docs


def train(
    items: Sequence[tuple[Any, Sequence[dict[str, Any]]]],
    out: Path,
    params: dict[str, Any] | None = None,
) -> int:
    """Train on ``(doc, gold attributions)`` pairs and write the model; returns its size."""
    # imported by name: python-crfsuite ships no type information
    trainer = importlib.import_module("pycrfsuite").Trainer(verbose=False)
    for doc, attributions in items:
        for xseq, yseq in gold_sequences(doc, attributions):
            trainer.append(xseq, yseq)
    trainer.set_params(dict(PARAMS if params is None else params))
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out.stat().st_size


def write_stamp(path: Path) -> str:
    """Store the features' stamp (:func:`~saidwhen.extract.speech.crf.feature_stamp`)
    the model is trained on; tests/test_tagger.py fails when the code has moved on."""
    from saidwhen.nlp import load_nlp

    stamp = feature_stamp(load_nlp()(PROBE))
    path.write_text(json.dumps({"features": stamp}, indent=1) + "\n", encoding="utf-8")
    return stamp


def score_tagger(
    articles: Sequence[dict[str, Any]], docs: Sequence[Any], model: Path
) -> dict[str, Any]:
    """The shared scorer's metrics for the tagger alone on parsed ``articles``."""
    _, run_saidwhen, score = load_scorer()
    stats: Counter[str] = Counter()
    pred = {}
    for art, doc in zip(articles, docs, strict=True):
        view = ArticleView.build(doc)
        found = find_tagged(view, model=str(model))
        quotes = [d.to_quote(view.text).to_dict() for d in found]
        record = {"id": art["filename"], "quotes": quotes}
        q, a = run_saidwhen.convert(art["text"], record, stats)
        pred[art["filename"]] = {"quotes": q, "attributions": a}
    result: dict[str, Any] = score.score(list(articles), pred)
    return result


def _summary(result: dict[str, Any]) -> dict[str, Any]:
    e = result["e_role_spans"]
    return {
        "e_" + role: round(e[role]["exact"]["f1"], 3) for role in ("content", "source", "cue")
    } | {"f_triples": round(result["f_triples"]["exact"]["f1"], 3)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=None, help="PolNeAR data directory")
    ap.add_argument("--out", type=Path, default=MODEL_PATH, help="model file to write")
    ap.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed split")
    ap.add_argument("--split", default="train", help="the split to train on")
    ap.add_argument("--heldout-every", type=int, default=0, help="hold out every K-th article")
    ap.add_argument("--params", default=None, help="JSON object overriding the CRF parameters")
    args = ap.parse_args(argv)
    polnear, _, _ = load_scorer()
    data_dir = args.data_dir or default_data_dir()
    articles = sorted(
        polnear.load_split(args.split, data_dir=str(data_dir)), key=lambda a: a["filename"]
    )
    t0 = time.time()
    # a cache parsed with spaCy's NER: the pipeline's own entities replace them
    docs = [set_entities(d) for d in load_docs([a["text"] for a in articles], args.cache)]
    print(f"parsed {len(docs)} articles in {time.time() - t0:.0f}s", file=sys.stderr)
    k = args.heldout_every
    keep = [i for i in range(len(articles)) if not k or i % k != k - 1]
    held = [i for i in range(len(articles)) if k and i % k == k - 1]
    params = dict(PARAMS)
    if args.params:
        params.update(json.loads(args.params))
    t0 = time.time()
    size = train([(docs[i], articles[i]["attributions"]) for i in keep], args.out, params)
    print(f"trained on {len(keep)} articles in {time.time() - t0:.0f}s: {size} bytes")
    if args.out == MODEL_PATH:
        write_stamp(STAMP_PATH)
    if held:
        t0 = time.time()
        result = score_tagger([articles[i] for i in held], [docs[i] for i in held], args.out)
        secs = (time.time() - t0) / len(held)
        print(json.dumps(_summary(result) | {"sec_per_article": round(secs, 3)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
