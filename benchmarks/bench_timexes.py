"""Time per article of saidwhen's timex finder against named baselines, on TempEval-3.

    python benchmarks/bench_timexes.py [--data-dir DIR] [--limit N] [--repeat R] [--json]

Systems, over the same documents (plain TEXT of TimeBank + AQUAINT, anchored
at each document's creation time), in one process, one after the other:

* **saidwhen**: ``saidwhen.extract.timexes.find_timexes(text, dct)``: finding
  and normalising (TimeML values, dates, ranges).
* **dateparser**: ``dateparser.search.search_dates(text, settings=
  {"RELATIVE_BASE": dct})`` (the library STYLE.md cites), when installed.
  It is slow, so it runs over the first ``--limit`` documents only (30 by
  default); saidwhen is timed on the same subset too.
* **regex**: one pass of a plain regular expression for month names,
  weekdays and years, finding only: a floor for the cost of reading the
  text at all.

Each system's time is the best of ``--repeat`` runs (after a warm-up run),
reported as ms per article, with the relaxed span F1 and value F1 of its
output from the shared scorer (``shared/eval/te3lib.py``, read in place), so
that speed is never shown without what it buys.  The issue's target is
< 20 ms per article (HeidelTime takes about 3 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from saidwhen.eval.tempeval import (  # noqa: E402
    default_data_dir,
    default_scorer_path,
    load_scorer,
)
from saidwhen.extract.timexes import find_timexes  # noqa: E402

TARGET_MS = 20.0
Doc = dict[str, Any]
System = Callable[[Doc], list[dict[str, Any]]]

_PLAIN = re.compile(
    r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2})?"
    r"(?:,\s+\d{4})?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:19|20)\d\d|today|yesterday|"
    r"tomorrow|now)\b"
)


def _dct(d: Doc) -> dt.date:
    return dt.date.fromisoformat(d["dct"][:10])


def run_saidwhen(d: Doc) -> list[dict[str, Any]]:
    return [
        {"start": t.start, "end": t.end, "type": t.type, "value": t.value}
        for t in find_timexes(d["text"], _dct(d))
    ]


def run_regex(d: Doc) -> list[dict[str, Any]]:
    return [
        {"start": m.start(), "end": m.end(), "type": "DATE", "value": None}
        for m in _PLAIN.finditer(d["text"])
    ]


def make_dateparser() -> System | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None

    def run(d: Doc) -> list[dict[str, Any]]:
        base = dt.datetime.combine(_dct(d), dt.time())
        found = search_dates(d["text"], languages=["en"], settings={"RELATIVE_BASE": base}) or []
        out, pos = [], 0
        for text, when in found:  # no offsets: find each in turn
            at = d["text"].find(text, pos)
            if at == -1:
                continue
            pos = at + len(text)
            out.append({"start": at, "end": pos, "type": "DATE", "value": when.date().isoformat()})
        return out

    return run


def measure(system: System, docs: list[Doc], repeat: int) -> tuple[float, dict[str, list[Any]]]:
    """Best-of-``repeat`` seconds for one pass over ``docs``, and the output of the last."""
    out = {d["doc"]: system(d) for d in docs}  # warm-up (imports, compiled patterns)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = {d["doc"]: system(d) for d in docs}
        best = min(best, time.perf_counter() - t0)
    return best, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data-dir", type=Path, default=default_data_dir())
    ap.add_argument("--limit", type=int, default=30, help="documents for the dateparser run")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    te3 = load_scorer(default_scorer_path(args.data_dir))
    docs: list[Doc] = []
    for sub in ("TimeBank", "AQUAINT"):
        docs.extend(te3.load_dir(str(args.data_dir / sub)))
    if not docs:
        raise SystemExit(f"no TempEval-3 documents under {args.data_dir}")
    subset = docs[: args.limit]

    rows = []
    plan: list[tuple[str, System | None, list[Doc], int]] = [
        ("saidwhen", run_saidwhen, docs, args.repeat),
        ("regex (find only)", run_regex, docs, args.repeat),
        (f"saidwhen, first {len(subset)}", run_saidwhen, subset, args.repeat),
        (f"dateparser, first {len(subset)}", make_dateparser(), subset, 1),
    ]
    for name, system, these, repeat in plan:
        if system is None:
            rows.append({"system": name, "skipped": "not installed"})
            continue
        seconds, out = measure(system, these, repeat)
        scores, _ = te3.score(these, out)
        rows.append(
            {
                "system": name,
                "documents": len(these),
                "ms_per_article": round(1000 * seconds / len(these), 3),
                "relaxed_F1": round(scores["relaxed_F1"], 4),
                "value_F1": round(scores["value_F1"], 4),
            }
        )
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"TempEval-3 TBAQ, {len(docs)} documents; best of {args.repeat} runs after a warm-up")
    print(f"{'system':<28} {'docs':>5} {'ms/article':>11} {'relaxed F1':>11} {'value F1':>9}")
    for r in rows:
        if "skipped" in r:
            print(f"{r['system']:<28} skipped: {r['skipped']}")
            continue
        print(
            f"{r['system']:<28} {r['documents']:>5} {r['ms_per_article']:>11.3f} "
            f"{r['relaxed_F1']:>11.4f} {r['value_F1']:>9.4f}"
        )
    ms = rows[0]["ms_per_article"]
    verdict = "met" if ms < TARGET_MS else "NOT met"
    print(f"target < {TARGET_MS:.0f} ms per article: {verdict} ({ms:.2f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
