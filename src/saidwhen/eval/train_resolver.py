"""Learn the weights of the he/she ranking (:mod:`saidwhen.extract.people.resolver`)
from GUM's coreference, and say honestly how well they do.

For each he/she/him/her/his of ``../shared/data/gum-coref`` that refers to a
person named before it, :func:`~saidwhen.extract.people.find_people` is run
with a :class:`~saidwhen.extract.people.resolver.Trace`: the candidates are
the people our own index offers at that point, with the features the ranking
reads; a candidate is right when one of its mentions is a mention of the
pronoun's person in GUM (as :mod:`saidwhen.eval.gum` counts).  A logistic
regression on the differences between a right and a wrong candidate's
features (a ranking: no intercept) gives the weights.  The figure to trust
is the document-level cross-validation (each fold's documents resolved with
weights learned on the other folds), beside the hand-weighted score on the
same folds.

    python -m saidwhen.eval.train_resolver [--folds 5] [--realnews DIR ...] [--dry-run]

scikit-learn (installed with textacy) is used here only; saidwhen scores the
stored weights with a plain sum.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from saidwhen.errors import SaidwhenError
from saidwhen.eval.gum import GumDoc, gold_pronouns, load_docs, score_doc
from saidwhen.extract.people.resolver import FEATURES, HAND, MODEL_PATH, PronounModel, Trace
from saidwhen.extract.weights import dot, write_weights

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["cross_validate", "cross_validate_by_set", "examples", "fit", "main", "ranked_right"]

# One pronoun: each candidate's features, and whether it is the pronoun's person.
Example = list[tuple[list[float], bool]]


def examples(gdoc: GumDoc, doc: Doc, model: PronounModel = HAND) -> list[Example]:
    """The ranking's choices in one document, labelled by GUM (pronouns with no right
    candidate, or no wrong one, teach nothing and are left out)."""
    from saidwhen.extract.people import find_people

    trace = Trace()
    find_people(doc, model=model, trace=trace)
    gold = gold_pronouns(gdoc)
    out = []
    for start, end, cands in trace.rows:
        spans = gold.get((start, end))
        if spans is None:
            continue
        others = [g for g in spans if g != (start, end)]
        labelled = []
        for feats, mentions in cands:
            # as the evaluation counts: any other mention of the candidate is one of GUM's
            right = any(
                s < ge and gs < e
                for s, e in mentions
                if (s, e) != (start, end)
                for gs, ge in others
            )
            labelled.append((feats, right))
        if any(r for _, r in labelled) and not all(r for _, r in labelled):
            out.append(labelled)
    return out


def realnews_examples(data_dir: Path, nlp: Language) -> list[Example]:
    """Examples from a realnews tuning set's speakers: each quote whose speaker we read as
    he/she, the candidates labelled by the scorer's rule (the gold speaker's name, or
    the same surname)."""
    from saidwhen.eval.realnews import load_gold, load_scorer
    from saidwhen.extract.people import find_people, name_speakers
    from saidwhen.extract.speech import find_quotes
    from saidwhen.extract.speech.view import ArticleView
    from saidwhen.nlp import parse

    scorer = load_scorer()
    out = []
    for gold in load_gold(data_dir):
        doc = parse(nlp, gold["text"])
        view = ArticleView.build(doc, 0)
        trace = Trace()
        index = find_people(doc, view.regions, model=HAND, trace=trace)
        quotes = name_speakers(doc, find_quotes(doc, index, start=0, view=view), index)
        rows = {(s, e): cands for s, e, cands in trace.rows}
        for q in quotes:
            sp = q.speaker
            if sp is None or (sp.start, sp.end) not in rows or not gold["quotes"]:
                continue
            best = max(
                gold["quotes"],
                key=lambda g: min(q.end, g["end"]) - max(q.start, g["start"]),
            )
            if min(q.end, best["end"]) <= max(q.start, best["start"]) or not best.get("speaker"):
                continue
            alts = best.get("speaker_alt") or ()
            labelled = []
            for feats, mentions in rows[(sp.start, sp.end)]:
                ent = index.entity_at(*mentions[0])
                name = ent.name if ent is not None else ""
                labelled.append((feats, bool(scorer.speaker_ok(name, best["speaker"], alts))))
            if any(r for _, r in labelled) and not all(r for _, r in labelled):
                out.append(labelled)
    return out


def fit(
    data: Sequence[Example], c: float = 1.0, without: frozenset[str] = frozenset()
) -> tuple[float, ...]:
    """Weights from pairs (right minus wrong: 1, wrong minus right: 0), each pronoun
    weighing the same; the features ``without`` weigh nothing."""
    import numpy as np

    # scikit-learn (installed with textacy) ships no type information: imported by name
    logistic = importlib.import_module("sklearn.linear_model").LogisticRegression

    keep = [n not in without for n in FEATURES]
    data = [[([x for x, k in zip(f, keep, strict=True) if k], r) for f, r in ex] for ex in data]

    xs, ys, ws = [], [], []
    for ex in data:
        pos = [f for f, r in ex if r]
        neg = [f for f, r in ex if not r]
        w = 1.0 / (len(pos) * len(neg))
        for p in pos:
            for n in neg:
                d = np.subtract(p, n)
                xs.extend([d, -d])
                ys.extend([1, 0])
                ws.extend([w, w])
    if not xs:
        raise SaidwhenError("no training examples: is the GUM data there?")
    clf = logistic(C=c, fit_intercept=False, max_iter=2000)
    clf.fit(np.array(xs), np.array(ys), sample_weight=np.array(ws))
    learned = iter(clf.coef_[0])
    return tuple(round(float(next(learned)), 4) if k else 0.0 for k in keep)


def _score(docs: Sequence[tuple[GumDoc, Doc]], model: PronounModel) -> tuple[int, int]:
    total = right = 0
    for gdoc, doc in docs:
        t, r, _ = score_doc(gdoc, doc, model)
        total, right = total + t, right + r
    return total, right


def cross_validate(
    docs: Sequence[tuple[GumDoc, Doc]],
    folds: int = 5,
    c: float = 1.0,
    *,
    extra: Sequence[Example] = (),
    without: frozenset[str] = frozenset(),
) -> list[dict[str, Any]]:
    """Per fold (documents ``k``, ``k + folds``, ... in name order, so each fold holds
    every genre): pronouns, right with the hand score, right with weights learned on
    the other folds (and on ``extra``)."""
    data = [examples(g, d) for g, d in docs]
    out = []
    for k in range(folds):
        train = [ex for n, exs in enumerate(data) if n % folds != k for ex in exs]
        test = [dd for n, dd in enumerate(docs) if n % folds == k]
        learned = PronounModel(fit([*train, *extra], c, without), f"fold {k}")
        total, hand = _score(test, HAND)
        _, right = _score(test, learned)
        out.append(
            {"fold": k, "docs": len(test), "pronouns": total, "hand": hand, "learned": right}
        )
    return out


def ranked_right(data: Sequence[Example], weights: Sequence[float]) -> tuple[int, int]:
    """How many of the pronouns the hand score and ``weights`` give a right candidate,
    ranked on the recorded features (the later choices of the index left as they were)."""
    hand_at = FEATURES.index("hand_choice")
    hand = learned = 0
    for ex in data:
        hand += any(r and f[hand_at] == 1 for f, r in ex)
        scores = [dot(weights, f) for f, _ in ex]
        learned += ex[scores.index(max(scores))][1]
    return hand, learned


def cross_validate_by_set(
    gum: Sequence[Sequence[Example]],
    news: dict[str, list[Example]],
    folds: int = 5,
    c: float = 1.0,
    without: frozenset[str] = frozenset(),
    *,
    news_only: bool = False,
) -> list[dict[str, Any]]:
    """Leave one group out: GUM's documents in ``folds`` folds (as :func:`cross_validate`)
    and each realnews set on its own, each ranked with weights learned on all the others
    (``news_only``: the realnews sets alone held out and ranked, the GUM folds only learned
    from)."""
    groups = {
        f"gum {k}": [ex for n, exs in enumerate(gum) if n % folds == k for ex in exs]
        for k in range(folds)
    } | dict(news)
    out = []
    for name, test in groups.items():
        if news_only and name not in news:
            continue
        train = [ex for other, exs in groups.items() if other != name for ex in exs]
        hand, learned = ranked_right(test, fit(train, c, without))
        out.append({"group": name, "pronouns": len(test), "hand": hand, "learned": learned})
    return out


def _print_by_set(rows: Sequence[dict[str, Any]]) -> None:
    print("group            pronouns  hand  learned")
    for r in rows:
        print(f"{r['group']:<16} {r['pronouns']:>8}  {r['hand']:>4}  {r['learned']:>7}")
    for kind in ("gum", "news"):
        part = [r for r in rows if r["group"].startswith("gum ") == (kind == "gum")]
        n = sum(r["pronouns"] for r in part)
        if n:
            hand, learned = (sum(r[k] for r in part) for k in ("hand", "learned"))
            shares = f"({hand / n:.4f} / {learned / n:.4f})"
            print(f"all {kind:<12} {n:>8}  {hand:>4}  {learned:>7}  {shares}")


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("-C", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument(
        "--realnews",
        action="append",
        default=[],
        metavar="DIR",
        help="also learn from the pronoun speakers of this realnews tuning set (repeatable)",
    )
    ap.add_argument(
        "--without", action="append", default=[], choices=FEATURES, help="a feature left out"
    )
    ap.add_argument("--dry-run", action="store_true", help="cross-validate, write nothing")
    ap.add_argument(
        "--by-set",
        action="store_true",
        help="cross-validate leaving out one realnews set (or GUM fold) at a time, "
        "on the recorded candidates; write nothing",
    )
    args = ap.parse_args(argv)
    from saidwhen.nlp import load_nlp

    nlp = load_nlp()
    docs = load_docs(nlp=nlp)
    without = frozenset(args.without)
    news = {d: realnews_examples(Path(d), nlp) for d in args.realnews}
    extra = [ex for exs in news.values() for ex in exs]
    if args.by_set:
        gum = [examples(g, d) for g, d in docs]
        _print_by_set(cross_validate_by_set(gum, news, args.folds, args.C, without))
        return
    rows = cross_validate(docs, args.folds, args.C, extra=extra, without=without)
    print("fold  docs  pronouns  hand    learned")
    for r in rows:
        print(
            f"{r['fold']:>4}  {r['docs']:>4}  {r['pronouns']:>8}  "
            f"{r['hand'] / r['pronouns']:.4f}  {r['learned'] / r['pronouns']:.4f}"
        )
    total = sum(r["pronouns"] for r in rows)
    hand = sum(r["hand"] for r in rows) / total
    learned = sum(r["learned"] for r in rows) / total
    print(f" all  {len(docs):>4}  {total:>8}  {hand:.4f}  {learned:.4f}")
    gum = [examples(g, d) for g, d in docs]
    data = [ex for exs in gum for ex in exs]
    weights = fit([*data, *extra], args.C, without)
    for name, w in zip(FEATURES, weights, strict=True):
        print(f"  {name:<22} {w:+.3f}")
    if args.dry_run:
        return
    # the figure that decides whether the weights may be the default: each realnews set
    # ranked with weights learned on GUM and the other sets, beside the hand score
    held_out = cross_validate_by_set(gum, news, args.folds, args.C, without, news_only=True)
    stamp = {
        "trained": dt.date.today().isoformat(),
        "data": "gum-coref (63 documents)",
        "examples": len(data),
        "realnews": [Path(d).name for d in args.realnews],
        "realnews_examples": len(extra),
        "without": sorted(without),
        "C": args.C,
        "cv_folds": args.folds,
        "cv_hand": round(hand, 4),
        "cv_learned": round(learned, 4),
        "by_set_news_pronouns": sum(r["pronouns"] for r in held_out),
        "by_set_news_hand": sum(r["hand"] for r in held_out),
        "by_set_news_learned": sum(r["learned"] for r in held_out),
    }
    write_weights(MODEL_PATH, FEATURES, weights, {"stamp": stamp})
    print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
