"""Learn the second look at a quote's speaker (:mod:`saidwhen.extract.people.speaker_rank`)
from the realnews tuning sets' gold, and say honestly how well it does.

Each tuning set (realnews-dev, our PolNeAR sets p7-p72, the pages r1-r5 and the newswire
sets t1-t4: :data:`~saidwhen.eval.tuning.TUNING`; never the check set) is
extracted with :func:`~saidwhen.extract.people.speaker_rank.tracing`: every direct quote
and fragment gives its candidate speakers and their features.  A quote is matched to the
gold as the shared scorer matches (``score.spans`` and ``score.match``: overlap of at least
half the shorter span), and a candidate is labelled right when the scorer's ``speaker_ok``
accepts it.  An L2-regularised conditional logit over each quote's candidates (Newton's
method, numpy: deterministic) gives the weights.  The figure to trust is leave-one-set-out:
each set's quotes decided with weights learned on the others, beside the rules' speakers on
the same quotes.  The margin (one number for all sets) is the one whose held-out decisions
are best over all sets, each set included: the figure is a little optimistic for it.

Session 26 (80 sets, 8180 quotes, rules 7686 right and 7388 exact): learning from every set,
7726 and 7425 leave one set out (l2 0.3: 7728 / 7426; l2 3: 7727 / 7427), from
realnews-dev and p7-p64 alone (the stored weights) 7729 and 7428: the weights stay.

    python -m saidwhen.eval.train_speaker [--rows FILE] [--dry-run] [--l2 X] [--margin X]
        [--train SET ...]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from saidwhen.eval.tuning import (
    TUNING,
    article_starts,
    say_left_out,
    traced_articles,
    tuning_rows,
)
from saidwhen.extract.people.speaker_rank import FEATURES, MODEL_PATH, choose, tracing
from saidwhen.extract.weights import write_weights

__all__ = ["cross_validate", "decide", "fit", "labelled_rows", "main"]

_L2 = 1.0
_STEPS = 25
MARGINS = (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 8.0)

# (set, the quote's key, features of one candidate, right by speaker_ok, exact name, name,
# never to be taken)
Row = tuple[str, str, list[float], int, int, str, bool]
_RULES = FEATURES.index("rules")


def labelled_rows(name: str, data_dir: Path) -> list[Row]:
    """The candidates of every direct quote of one set that matches a gold quote with a
    speaker, labelled by the scorer's rule."""
    from saidwhen.eval.realnews import load_scorer

    score = load_scorer()
    out: list[Row] = []
    left_out = Counter[str]()
    for g, rec, rows in traced_articles(data_dir, tracing):
        text = score.Text(g["text"])
        golds = [dict(q) for q in g["quotes"] if q["kind"] in score.DIRECT]
        preds: list[dict[str, Any]] = [
            {"text": q.text, "start": q.start, "end": q.end}
            for q in rec.quotes
            if q.kind in score.DIRECT
        ]
        score.spans(text, golds)
        score.spans(text, preds)
        by_start = {p["start"]: gq for gq, p in score.match(golds, preds)}
        starts = article_starts(g["text"], rows)
        for (*_, cand, feats, barred), at in zip(rows, starts, strict=True):
            if at is None:
                left_out["candidates not placed in their article"] += 1
                continue
            gq = by_start.get(at)
            if gq is None or gq.get("speaker") is None:
                continue  # no gold quote with a speaker: nothing to learn
            ok = score.speaker_ok(cand, gq["speaker"], gq.get("speaker_alt", ()))
            exact = score.tokens(cand) == score.tokens(gq["speaker"])
            out.append((name, f"{g['name']}:{at}", feats, int(ok), int(exact), cand, barred))
    say_left_out(name, left_out)
    return out


def fit(
    x: np.ndarray, y: np.ndarray, groups: Sequence[Sequence[int]], l2: float = _L2
) -> np.ndarray:
    """Weights of an L2-regularised conditional logit: within each group of rows (a quote's
    candidates), the probability of the right ones (``y``) under a softmax of ``x @ w``.
    Groups with no right candidate, or only right ones, teach nothing."""
    used = [list(g) for g in groups if 0 < y[list(g)].sum() < len(g)]
    order = np.array([n for g in used for n in g], dtype=int)
    xs, ys = x[order], y[order]
    starts = np.cumsum([0] + [len(g) for g in used[:-1]])
    gid = np.repeat(np.arange(len(used)), [len(g) for g in used])
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    for _ in range(_STEPS):
        s = xs @ w
        s = s - np.maximum.reduceat(s, starts)[gid]
        e = np.exp(s)
        p = e / np.add.reduceat(e, starts)[gid]
        t = p * ys
        t = t / np.add.reduceat(t, starts)[gid]
        grad = xs.T @ (p - t) + reg * w
        mean = np.add.reduceat(xs * p[:, None], starts)  # each group's expected features
        hess = (xs.T * p) @ xs - mean.T @ mean + np.diag(reg)
        w = w - np.linalg.solve(hess, grad)
    return w


def _groups(rows: Sequence[Row]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for n, r in enumerate(rows):
        out.setdefault(r[1], []).append(n)
    return out


def decide(w: np.ndarray | None, rows: Sequence[Row], margin: float) -> dict[str, int | None]:
    """Each quote's pick (a row's index, None: nobody) by run time's
    :func:`~saidwhen.extract.people.speaker_rank.choose` (without weights: the rules')."""
    out: dict[str, int | None] = {}
    all_scores = np.array([r[2] for r in rows]) @ w if w is not None else None
    for key, ns in _groups(rows).items():
        rule = next((k for k, n in enumerate(ns) if rows[n][2][_RULES] > 0), None)
        if all_scores is None:
            out[key] = ns[rule] if rule is not None else None
            continue
        scores = [float(all_scores[n]) for n in ns]
        pick = choose(scores, rule, [rows[n][6] for n in ns], margin)
        out[key] = ns[pick] if pick is not None else None
    return out


def _right(rows: Sequence[Row], pick: dict[str, int | None], exact: bool = False) -> int:
    """Quotes whose pick is right (``exact``: by the exact name)."""
    return sum(rows[n][4] if exact else rows[n][3] for n in pick.values() if n is not None)


def _fit_rows(rows: Sequence[Row], l2: float) -> np.ndarray:
    x = np.array([r[2] for r in rows])
    return fit(x, np.array([r[3] for r in rows], float), list(_groups(rows).values()), l2)


def cross_validate(
    rows: Sequence[Row],
    l2: float = _L2,
    margin: float | None = None,
    train: frozenset[str] | None = None,
) -> tuple[float, list[tuple[str, int, int, int, int, int]]]:
    """Leave one set out: each set's quotes scored by weights learned on the others (of
    ``train`` only, when given); the margin (unless given) the one of :data:`MARGINS` that
    decides those held-out scores best.  Returns it and, per set: (set, quotes, right by the
    model, by the rules, exact by the model, by the rules)."""
    sets = sorted({r[0] for r in rows})
    tests = {s: [r for r in rows if r[0] == s] for s in sets}
    ws = {
        s: _fit_rows([r for r in rows if r[0] != s and (train is None or r[0] in train)], l2)
        for s in sets
    }

    def total(m: float) -> int:
        return sum(_right(tests[s], decide(ws[s], tests[s], m)) for s in sets)

    if margin is None:
        margin = max(MARGINS, key=lambda m: (total(m), m))
    out = []
    for s in sets:
        test = tests[s]
        model, rules = decide(ws[s], test, margin), decide(None, test, margin)
        out.append(
            (
                s,
                len(rules),
                _right(test, model),
                _right(test, rules),
                _right(test, model, exact=True),
                _right(test, rules, exact=True),
            )
        )
    return margin, out


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--rows", type=Path, help="keep (or read back) the labelled candidates here")
    ap.add_argument("--dry-run", action="store_true", help="report, do not write the weights")
    ap.add_argument("--l2", type=float, default=_L2)
    ap.add_argument("--margin", type=float, help="a fixed margin (default: chosen by sets)")
    ap.add_argument("--train", nargs="+", metavar="SET", help="learn from these sets only")
    args = ap.parse_args(argv)
    rows: list[Row] = tuning_rows(args.rows, labelled_rows)
    if any(len(r[2]) != len(FEATURES) for r in rows):
        raise SystemExit("the rows' features are not speaker_rank.FEATURES: extract them again")
    train = frozenset(args.train) if args.train else None
    margin, cv = cross_validate(rows, args.l2, args.margin, train)
    for name, n, m, h, me, he in cv:
        print(
            f"{name:13} {n:4} quotes  model {m / n:.3f}  rules {h / n:.3f}"
            f"  exact {me / n:.3f} / {he / n:.3f}"
        )
    n, m, h = sum(c[1] for c in cv), sum(c[2] for c in cv), sum(c[3] for c in cv)
    me, he = sum(c[4] for c in cv), sum(c[5] for c in cv)
    print(
        f"{'all':13} {n:4} quotes  model {m / n:.3f}  rules {h / n:.3f}"
        f"  exact {me / n:.3f} / {he / n:.3f} (leave one set out)"
    )
    learned = [r for r in rows if train is None or r[0] in train]
    w = _fit_rows(learned, args.l2)
    for f, v in zip(FEATURES, w, strict=True):
        print(f"  {f:22} {v:+.3f}")
    print(f"  margin {margin:+.1f}")
    if not args.dry_run:
        data = {
            "margin": margin,
            "trained_on": [s for s in ("realnews-dev", *TUNING) if s in {r[0] for r in learned}],
            "quotes": n,
            "cv_model": round(m / n, 4),
            "cv_rules": round(h / n, 4),
            "cv_model_exact": round(me / n, 4),
            "cv_rules_exact": round(he / n, 4),
        }
        write_weights(MODEL_PATH, FEATURES, w, data)
        print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
