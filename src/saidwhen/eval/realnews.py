"""Score saidwhen on realnews-dev with the scorer in ``shared/eval/realnews``.

realnews-dev holds real news pages with every quote annotated by hand, its
speaker given as a person by name.  The scorer defines the numbers; this
module runs the pipeline over the articles, writes the scorer's PRED_DIR
format and calls its ``score_system`` in place.

Example:
    >>> rec = {"date": "2019-11-19", "quotes": [{"text": "no", "start": 1, "end": 3,
    ...        "kind": "direct", "speaker": {"name": "Ana Ruiz", "mention": "she"},
    ...        "when": None, "when_range": None}]}
    >>> prediction("x", rec)["quotes"][0]["speaker"], prediction("x", rec)["quotes"][0]["when"]
    ('Ana Ruiz', 'article date')
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from saidwhen.errors import SaidwhenError
from saidwhen.eval.report import metric
from saidwhen.eval.shared import load_module, shared_dir
from saidwhen.eval.standoff import unpack, write_gold_dir
from saidwhen.extract.timexes import period_range
from saidwhen.model import Article, ArticleRecord

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "FLOOR_KEYS",
    "FLOOR_TOLERANCE",
    "METRICS",
    "default_data_dir",
    "default_eval_dir",
    "format_metrics",
    "load_gold",
    "load_scorer",
    "metric",
    "prediction",
    "run_realnews",
]

# The figures the command prints and the gate pins: (key, label).
METRICS: tuple[tuple[str, str], ...] = (
    ("direct.f1", "direct quotes F1"),
    ("direct.precision", "direct quotes precision"),
    ("direct.recall", "direct quotes recall"),
    ("speaker.accuracy", "speaker right (name or same surname)"),
    ("speaker.exact", "speaker's canonical name exactly right"),
    ("indirect.recall", "reported statements found"),
    ("indirect.speaker", "reported statements with the right speaker"),
    ("when.accuracy", "quote dates right"),
)
# The figures pinned as quality-gate floors (precision and recall alone may trade).
FLOOR_KEYS: tuple[str, ...] = (
    "direct.f1",
    "speaker.accuracy",
    "speaker.exact",
    "indirect.recall",
    "indirect.speaker",
    "when.accuracy",
)
# One quote of the ~290 matched is 0.0034; a parse that differs with the batch
# may move one, and nothing larger should pass.
FLOOR_TOLERANCE = 0.004
_ISO = re.compile(r"\d{4}(-\d\d){0,2}$")


def default_data_dir() -> Path:
    return shared_dir() / "data" / "realnews-dev"


def default_eval_dir() -> Path:
    return shared_dir() / "eval" / "realnews"


def load_scorer(eval_dir: Path | None = None) -> ModuleType:
    """The shared ``score.py``, imported in place under a name of its own."""
    path = (eval_dir or default_eval_dir()) / "score.py"
    return load_module(path, "saidwhen_realnews_score", "realnews scorer")


def load_gold(data_dir: Path | None = None) -> list[dict[str, Any]]:
    """Every gold article of the directory, in name order, with its text.

    A standoff file (our own annotations of a text in ``../shared``, see
    :mod:`saidwhen.eval.standoff`) comes back whole, its text read in place.
    """
    data_dir = data_dir or default_data_dir()
    paths = sorted(data_dir.glob("*.json"))
    if not paths:
        raise SaidwhenError(f"realnews data not found in {data_dir} (use --data-dir)")
    out = []
    for p in paths:
        try:
            out.append(unpack(json.loads(p.read_text(encoding="utf-8"))))
        except (OSError, json.JSONDecodeError) as err:
            raise SaidwhenError(f"cannot read gold article {p}: {err}") from None
    return out


def _when(q: dict[str, Any]) -> str:
    """The scorer's notation of a quote's date: a day, a month, a range, or "article date".

    A range of whole months is written in months, as the annotation writes a season
    ("last summer": ``2015-06/2015-08``, not ``2015-06-01/2015-08-31``).

    Example:
        >>> _when({"when": None, "when_range": ["2015-06-01", "2015-08-31"]})
        '2015-06/2015-08'
        >>> _when({"when": None, "when_range": ["2015-06-01", "2015-06-30"]})
        '2015-06'
        >>> _when({"when": None, "when_range": ["2015-06-02", "2015-08-31"]})
        '2015-06-02/2015-08-31'
    """
    when, rng = q.get("when"), q.get("when_range")
    if when and _ISO.match(when):
        return str(when)
    if rng and rng[0] and rng[1]:
        lo, hi = str(rng[0]), str(rng[1])
        first, last = period_range(lo[:7]), period_range(hi[:7])
        if first is not None and last is not None and (first.start, last.end) == (lo, hi):
            lo, hi = lo[:7], hi[:7]  # whole months
        return lo if lo == hi else f"{lo}/{hi}"
    return "article date"


def prediction(name: str, rec: dict[str, Any], *, offsets: bool = True) -> dict[str, Any]:
    """One article's record in the scorer's PRED_DIR format.

    Without ``offsets`` the scorer matches quotes by their text alone (the
    offsets of a text read from a page are not those of the gold text).
    """
    quotes = [
        {
            "text": q["text"],
            "start": q["start"] if offsets else None,
            "end": q["end"] if offsets else None,
            "kind": q["kind"],
            "speaker": (q.get("speaker") or {}).get("name"),
            "when": _when(q),
        }
        for q in rec["quotes"]
    ]
    return {"name": name, "date_used": rec["date"], "quotes": quotes}


def _metrics(score: ModuleType, tot: dict[str, int]) -> dict[str, Any]:
    p, r, f = score.prf(tot)

    def ratio(a: str, b: str) -> float:
        return round(tot[a] / tot[b], 4) if tot[b] else 0.0

    return {
        "docs": tot.get("docs", 0),
        "direct": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)},
        "speaker": {"accuracy": ratio("sp_ok", "sp_n"), "exact": ratio("sp_exact", "sp_n")},
        "indirect": {"recall": ratio("ind_span", "ind_n"), "speaker": ratio("ind_ok", "ind_n")},
        "when": {"accuracy": ratio("when_ok", "when_n")},
        "counts": {k: v for k, v in tot.items() if isinstance(v, int)},
    }


def run_realnews(
    data_dir: Path | Sequence[Path] | None = None,
    *,
    nlp: Language | None = None,
    errors: bool = False,
    by_article: bool = False,
    pred_dir: Path | None = None,
) -> tuple[dict[str, Any], str, list[ArticleRecord]]:
    """Extract every article and score it; returns (metrics, scorer's printout, records).

    The printout holds the scorer's ``--errors`` and ``--by-article`` lines when asked.
    Several directories are scored as one set: the gold files, standoff ones
    made whole, are written to one temporary directory for the scorer.
    """
    from saidwhen.pipeline import extract_articles

    score = load_scorer()
    dirs = [data_dir] if isinstance(data_dir, Path) else list(data_dir or [default_data_dir()])
    gold, sources = [], []
    for d in dirs:
        for g in load_gold(d):
            gold.append(g)
            sources.append(str(d / f"{g['name']}.json"))
    names = [g["name"] for g in gold]
    if len(set(names)) != len(names):
        raise SaidwhenError("the same article name in two gold directories")
    arts = [
        Article(text=g["text"], date=dt.date.fromisoformat(g["date"]), id=g["name"], source=src)
        for g, src in zip(gold, sources, strict=True)
    ]
    records = list(extract_articles(arts, nlp))
    with contextlib.ExitStack() as stack:
        gold_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="gold-")))
        write_gold_dir(gold, gold_dir)
        if pred_dir is None:
            pred_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="realnews-")))
        pred_dir.mkdir(parents=True, exist_ok=True)
        for g, rec in zip(gold, records, strict=True):
            pred = prediction(g["name"], rec.to_dict())
            (pred_dir / f"{g['name']}.json").write_text(
                json.dumps(pred, ensure_ascii=False), encoding="utf-8"
            )
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            tot = score.score_system(str(gold_dir), str(pred_dir), by_article, errors)
            if errors:
                _print_speaker_errors(score, gold, pred_dir)
    tot["docs"] = len(gold)
    metrics = _metrics(score, tot)
    metrics["data"] = "+".join(d.name for d in dirs)  # the summary names the sets scored
    return metrics, out.getvalue(), records


def _print_speaker_errors(score: ModuleType, gold: list[dict[str, Any]], pred_dir: Path) -> None:
    """What the scorer counts but does not list, matched by its own rules: reported
    statements found with a wrong speaker, and direct quotes whose speaker is the right
    person under a name that is not the gold's canonical one."""
    for g in gold:
        text = score.Text(g["text"])
        pred = json.loads((pred_dir / f"{g['name']}.json").read_text(encoding="utf-8"))
        for kinds in (score.DIRECT, {"indirect"}):
            golds = [dict(q) for q in g["quotes"] if q["kind"] in kinds]
            preds = [q for q in pred["quotes"] if q.get("kind", "direct") in kinds]
            score.spans(text, golds)
            score.spans(text, preds)
            for gq, pq in score.match(golds, preds):
                said, alts = pq.get("speaker"), gq.get("speaker_alt", ())
                who = f"{said!r} for {gq['speaker']!r}"
                right = score.speaker_ok(said, gq["speaker"], alts)
                if "indirect" in kinds:
                    if not right:
                        print(f"  [{g['name']}] WRONG SPEAKER indirect {who}: {gq['text'][:70]!r}")
                elif right and score.tokens(said) != score.tokens(gq["speaker"]):
                    print(f"  [{g['name']}] NOT EXACT NAME {who}: {gq['text'][:70]!r}")


def format_metrics(metrics: dict[str, Any]) -> str:
    """The figures of :data:`METRICS`, one a line, with the scorer's counts."""
    c = metrics["counts"]
    counts = {
        "direct.f1": f"gold {c['gold']}, pred {c['pred']}, match {c['match']}",
        "speaker.accuracy": f"{c['sp_ok']}/{c['sp_n']}",
        "speaker.exact": f"{c['sp_exact']}/{c['sp_n']}",
        "indirect.recall": f"{c['ind_span']}/{c['ind_n']}",
        "indirect.speaker": f"{c['ind_ok']}/{c['ind_n']}",
        "when.accuracy": f"{c['when_ok']}/{c['when_n']}",
    }
    lines = [f"{metrics.get('data', 'realnews-dev')}: {metrics['docs']} articles"]
    for key, label in METRICS:
        value = metric(metrics, key)
        extra = f"  ({counts[key]})" if key in counts else ""
        lines.append(f"  {label:45} {value:.3f}{extra}")
    return "\n".join(lines)
