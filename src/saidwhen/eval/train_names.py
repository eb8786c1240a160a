"""Train the entity CRF (:mod:`saidwhen.extract.names`) on spaCy's own entities.

The texts of PolNeAR train are parsed with the full pipeline; spaCy's ``ner``
output, folded into the tagger's labels, is the (silver) training signal, and
the features come only from the components that stay when ``ner`` is left
out.  Articles are taken in the loader's order and the parameters are fixed,
so a run is deterministic (the same model file, byte for byte).

The run ends with the tagger's agreement with spaCy's ``ner`` on the texts
of PolNeAR dev (entity level, exact token spans, per label) and its speed.

Usage::

    python -m saidwhen.eval.train_names [--cache /tmp/names/train_None.spacy]
        [--dev-cache /tmp/names/dev_None.spacy] [--out FILE]
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
from typing import TYPE_CHECKING, Any

from saidwhen.eval.polnear import default_data_dir, load_scorer
from saidwhen.eval.train_tagger import load_docs
from saidwhen.extract import names
from saidwhen.extract.names import (
    LABELS,
    MODEL_PATH,
    SPACY_LABELS,
    doc_table,
    segments,
    sequence_features,
    tag_entities,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PARAMS", "agreement", "main", "silver_entities", "silver_sequences", "train"]

# L1 keeps the model small (most weights go to zero), L2 smooths the rest;
# rare features are dropped before training.
# c1 1.0 over 0.25 and 0.5: half the size and as good on dev.
PARAMS: dict[str, Any] = {
    "c1": 1.0,
    "c2": 0.01,
    "max_iterations": 300,
    "feature.minfreq": 3,
    "feature.possible_transitions": True,
}


def silver_entities(doc: Doc) -> list[tuple[int, int, str]]:
    """spaCy's entities of a parsed doc, with labels folded as the tagger gives them."""
    return [(e.start, e.end, SPACY_LABELS[e.label_]) for e in doc.ents if e.label_ in SPACY_LABELS]


def silver_sequences(doc: Doc) -> list[tuple[list[list[str]], list[str]]]:
    """(features, BIO labels) of each segment the tagger would tag in ``doc``."""
    bio = ["O"] * len(doc)
    for s, e, lab in silver_entities(doc):
        bio[s] = f"B-{lab}"
        for i in range(s + 1, e):
            bio[i] = f"I-{lab}"
    table = doc_table(doc)
    out = []
    for seq in segments(doc, table):
        labels = bio[seq.start : seq.stop]
        # an entity cut by the segment's start begins there
        if labels and labels[0].startswith("I-"):
            labels[0] = "B-" + labels[0][2:]
        out.append((sequence_features(table, seq), labels))
    return out


def train(docs: Sequence[Any], out: Path, params: dict[str, Any] | None = None) -> int:
    """Train on parsed docs (with spaCy's entities) and write the model; returns its size."""
    # imported by name: python-crfsuite ships no type information
    trainer = importlib.import_module("pycrfsuite").Trainer(verbose=False)
    for doc in docs:
        for xseq, yseq in silver_sequences(doc):
            trainer.append(xseq, yseq)
    trainer.set_params(dict(PARAMS if params is None else params))
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out.stat().st_size


def agreement(docs: Sequence[Any], model: Path) -> dict[str, dict[str, float]]:
    """Entity-level P/R/F1 per label of the tagger against spaCy's entities (exact spans)."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for doc in docs:
        gold = set(silver_entities(doc))
        pred = set(tag_entities(doc, str(model)))
        for s in gold:
            n_gold[s[2]] += 1
        for s in pred:
            n_pred[s[2]] += 1
            tp[s[2]] += s in gold
    out = {}
    for lab in (*LABELS, "ALL"):
        t = sum(tp.values()) if lab == "ALL" else tp[lab]
        p_n = sum(n_pred.values()) if lab == "ALL" else n_pred[lab]
        g_n = sum(n_gold.values()) if lab == "ALL" else n_gold[lab]
        p, r = t / max(1, p_n), t / max(1, g_n)
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[lab] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "n": g_n}
    return out


def coverage(docs: Sequence[Any]) -> dict[str, float]:
    """Share of tokens tagged, and of spaCy's entities wholly inside a tagged segment."""
    toks = tagged = ents = inside = 0
    for doc in docs:
        segs = segments(doc)
        covered = [False] * len(doc)
        for seq in segs:
            for i in seq:
                covered[i] = True
        toks += len(doc)
        tagged += sum(covered)
        for s, e, _ in silver_entities(doc):
            ents += 1
            inside += all(covered[s:e])
    return {"tokens_tagged": round(tagged / max(1, toks), 3), "ents_inside": inside / max(1, ents)}


def speed(docs: Sequence[Any], model: Path, rounds: int = 3) -> dict[str, float]:
    """Milliseconds per article to tag ``docs``: a first round from a cold word cache, the best."""
    names._WORDS.clear()
    names._NAMES.clear()
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for doc in docs:
            tag_entities(doc, str(model))
        times.append((time.perf_counter() - t0) * 1000 / max(1, len(docs)))
    return {"ms_cold": round(times[0], 2), "ms_best": round(min(times), 2)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=None, help="PolNeAR data directory")
    ap.add_argument("--out", type=Path, default=MODEL_PATH, help="model file to write")
    ap.add_argument("--cache", type=Path, default=None, help="DocBin of parsed train")
    ap.add_argument("--dev-cache", type=Path, default=None, help="DocBin of parsed dev")
    ap.add_argument("--params", default=None, help="JSON object overriding the CRF parameters")
    ap.add_argument("--no-train", action="store_true", help="only score the model at --out")
    args = ap.parse_args(argv)
    polnear, _, _ = load_scorer()
    data_dir = str(args.data_dir or default_data_dir())
    t0 = time.time()
    texts = {
        split: [a["text"] for a in polnear.load_split(split, data_dir=data_dir)]
        for split in ("train", "dev")
    }
    # spaCy's whole model: its ``ner`` gives the silver labels
    import spacy

    from saidwhen.nlp import MODEL_NAME

    full = spacy.load(MODEL_NAME)
    train_docs = load_docs(texts["train"], args.cache, full)
    dev_docs = load_docs(texts["dev"], args.dev_cache, full)
    secs = time.time() - t0
    print(f"parsed {len(train_docs)} + {len(dev_docs)} articles in {secs:.0f}s", file=sys.stderr)
    params = dict(PARAMS)
    if args.params:
        params.update(json.loads(args.params))
    if not args.no_train:
        t0 = time.time()
        size = train(train_docs, args.out, params)
        print(f"trained on {len(train_docs)} articles in {time.time() - t0:.0f}s: {size} bytes")
    print(json.dumps({"coverage": coverage(dev_docs)}))
    for lab, row in agreement(dev_docs, args.out).items():
        print(f"{lab:7} P {row['p']:.3f}  R {row['r']:.3f}  F1 {row['f1']:.3f}  (n={row['n']:.0f})")
    print(json.dumps({"speed_ms_per_article": speed(dev_docs, args.out)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
