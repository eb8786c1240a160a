"""Learn the cue lexicon of :mod:`saidwhen.extract.speech.rules` from PolNeAR train.

For every word form in every syntactic frame (``said`` with a clausal
complement, ``called`` with an object, ...), inside or outside quotation
marks, count how often the annotators made it the head of a Cue, and write
the counts as the Python module ``saidwhen/extract/_reported_cues.py``::

    python -m saidwhen.eval.reported_cues            # train split, ../shared data

The result is deterministic for a given corpus and spaCy pipeline.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["count_cues", "cue_head", "main", "render_module"]

# Keep (form, frame) keys that were a cue at least this often.
MIN_COUNT = 2
# Keep a quoted/unquoted split of a key only when its cue rate differs by this much.
SPLIT_MIN_GAIN = 0.15
# ... and not when both rates are below this (far from any sensible threshold).
NEVER_CUE = 0.2
_OUT = Path(__file__).resolve().parents[1] / "extract" / "_reported_cues.py"


def _tokens(doc: Doc, frags: Iterable[Sequence[int]]) -> list[Any]:
    out: dict[int, Any] = {}
    for s, e in frags:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.update((t.i, t) for t in span)
    return [out[i] for i in sorted(out)]


def cue_head(toks: Sequence[Any]) -> Any | None:
    """The token of a gold cue that the extractor keys on (the main verb, mostly)."""
    if not toks:
        return None
    for tok in toks:
        if tok.lower_ == "according":
            return tok
    verbs = [t for t in toks if t.pos_ == "VERB"]
    if verbs:
        return verbs[-1]
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    return heads[0] if heads else toks[0]


def count_cues(
    pairs: Iterable[tuple[Any, list[dict[str, Any]]]],
) -> tuple[dict[str, tuple[int, int]], dict[str, float]]:
    """Cue rates per ``form|frame|q`` and ``form|frame`` key, and per ``form|prep``.

    Args:
        pairs: (parsed Doc, PolNeAR gold attributions of that article).
    """
    from saidwhen.extract.speech.view import ArticleView

    cue: Counter[str] = Counter()
    total: Counter[str] = Counter()
    prep_in: Counter[str] = Counter()
    prep_all: Counter[str] = Counter()
    lemma_of: dict[str, str] = {}
    for doc, attributions in pairs:
        heads: dict[int, set[int]] = {}
        for attr in attributions:
            toks = _tokens(doc, attr["cue"])
            head = cue_head(toks)
            if head is not None:
                heads.setdefault(head.i, set()).update(t.i for t in toks)
        view = ArticleView.build(doc)
        for tok in doc:
            if tok.is_space or (tok.is_punct and tok.text != ":"):
                continue
            keys = view.cue_keys(tok.i)
            is_cue = tok.i in heads
            if len(keys) > 3:  # the form's keys fall back to its lemma's
                lemma_of[keys[2]] = keys[-1]
            for key in keys:
                total[key] += 1
                cue[key] += is_cue
            for child in tok.children:
                if child.dep_ == "prep" and child.i > tok.i:
                    key = f"{tok.lower_}|{child.lower_}"
                    if is_cue:
                        prep_all[key] += 1
                        prep_in[key] += child.i in heads[tok.i]
    rates = {k: (cue[k], total[k]) for k in sorted(cue) if cue[k] >= MIN_COUNT}
    # a key split by quotation ('|q', '|n') is kept only where the split matters
    for key in sorted(rates, key=lambda k: k.count("|")):
        if key.count("|") < 2:
            continue
        parent_key = key.rsplit("|", 1)[0]
        while parent_key not in rates and parent_key.count("|") > 1:
            parent_key = parent_key.rsplit("|", 1)[0]
        parent = rates.get(parent_key)
        n_cue, n_all = rates[key]
        if parent is None:
            continue
        rate, p_rate = n_cue / n_all, parent[0] / parent[1]
        # the split matters only where it moves the rate, and not among sure non-cues
        if abs(rate - p_rate) < SPLIT_MIN_GAIN or max(rate, p_rate) < NEVER_CUE:
            del rates[key]
    # a form that is (almost) never a cue needs no entry when its lemma is not one either
    for key in [k for k in rates if k.count("|") == 1 and not k.startswith("~")]:
        n_cue, n_all = rates[key]
        lemma = rates.get(lemma_of.get(key, ""), (0, 1))
        if max(n_cue / n_all, lemma[0] / lemma[1]) < NEVER_CUE:
            del rates[key]
    preps = {
        k: round(prep_in[k] / prep_all[k], 2)
        for k in sorted(prep_all)
        if prep_in[k] >= MIN_COUNT and prep_in[k] / prep_all[k] >= 0.5
    }
    return rates, preps


def render_module(rates: dict[str, tuple[int, int]], preps: dict[str, float], split: str) -> str:
    """The source text of ``_reported_cues.py``, one entry a line (stable under ruff format)."""
    rate_lines = "".join(f"    {json.dumps(k)}: ({a}, {b}),\n" for k, (a, b) in rates.items())
    prep_lines = "".join(f"    {json.dumps(k)}: {v},\n" for k, v in preps.items())
    return (
        f'"""Cue counts learned from PolNeAR {split}; generated by saidwhen.eval.reported_cues.\n\n'
        "Do not edit by hand: run ``python -m saidwhen.eval.reported_cues``.\n"
        '"""\n\n'
        "# key: 'form|frame' or 'form|frame|q' (q: inside quotation marks, n: outside);\n"
        "# '~lemma|frame' and '~lemma|frame|q' back off to the lemma for unseen forms\n"
        "# value: (times it headed a gold Cue, times it occurred in that frame)\n"
        f"CUE_RATES: dict[str, tuple[int, int]] = {{\n{rate_lines}}}\n\n"
        "# 'form|preposition': share of cues with that form that include the preposition\n"
        f"CUE_PREPS: dict[str, float] = {{\n{prep_lines}}}\n"
    )


def main(argv: list[str] | None = None) -> None:
    """Parse the split, count cues, and write ``_reported_cues.py``."""
    from saidwhen.eval.polnear import default_data_dir, load_scorer
    from saidwhen.eval.train_tagger import load_docs
    from saidwhen.nlp import load_nlp, parse_many

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="train")
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=_OUT)
    ap.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed split")
    args = ap.parse_args(argv)
    polnear, _, _ = load_scorer()
    gold = polnear.load_split(args.split, data_dir=str(args.data_dir or default_data_dir()))
    texts = [g["text"] for g in gold]
    docs = load_docs(texts, args.cache) if args.cache else parse_many(load_nlp(), texts)
    rates, preps = count_cues(zip(docs, (g["attributions"] for g in gold), strict=True))
    args.out.write_text(render_module(rates, preps, args.split), encoding="utf-8")
    print(f"{args.out}: {len(rates)} cue keys, {len(preps)} cue prepositions")


if __name__ == "__main__":
    main()
