"""saidwhen's reading of news pages against trafilatura's own ``extract``, on the same pages.

    python benchmarks/bench_reading.py [--data-dir DIR] [--repeat R] [--json]

Over the 100 real pages of ``shared/data/article-extraction`` (read in
place), in one process, one system after the other:

* **saidwhen**: ``saidwhen.io.html.read_page_text``: trafilatura's main text
  (recall settings) with hover cards removed, boilerplate paragraphs and the
  tail of links cut (a second, precision-mode pass), and the date evidence
  of the page read (metadata, URL, dateline).
* **trafilatura**: ``trafilatura.extract(html, url=url)`` with its defaults.

For each: article-body F1, precision and recall from the benchmark's scorer
(``shared/eval/article_text.py``, word 4-gram shingles), and the time per
page (best of ``--repeat`` passes after a warm-up page), so that the
accuracy is never shown without what it costs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from saidwhen.errors import InputError  # noqa: E402
from saidwhen.eval.shared import load_module, shared_dir  # noqa: E402
from saidwhen.io.html import read_page_text  # noqa: E402


def _saidwhen(page: str, key: str, url: str | None) -> str:
    try:
        return read_page_text(page, key, url).text
    except InputError:
        return ""


def _trafilatura(page: str, key: str, url: str | None) -> str:
    import trafilatura

    return str(trafilatura.extract(page, url=url) or "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data-dir", type=Path, default=shared_dir() / "data" / "article-extraction")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    scorer = load_module(
        shared_dir() / "eval" / "article_text.py", "bench_article_text", "article-text scorer"
    )
    truth = json.loads((args.data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {
        k: gzip.decompress((args.data_dir / "html" / f"{k}.html.gz").read_bytes()).decode(
            "utf-8", "replace"
        )
        for k in truth
    }
    systems: dict[str, Callable[[str, str, str | None], str]] = {
        "saidwhen": _saidwhen,
        "trafilatura": _trafilatura,
    }
    rows = {}
    for name, run in systems.items():
        first = next(iter(pages))
        run(pages[first], first, truth[first].get("url"))  # warm-up: imports, caches
        best, pred = float("inf"), {}
        for _ in range(max(1, args.repeat)):
            started = time.perf_counter()
            pred = {k: {"articleBody": run(p, k, truth[k].get("url"))} for k, p in pages.items()}
            best = min(best, time.perf_counter() - started)
        m = scorer.score(truth, pred)
        rows[name] = {
            "f1": round(m["f1"], 4),
            "precision": round(m["precision"], 4),
            "recall": round(m["recall"], 4),
            "ms_per_page": round(1000 * best / len(pages), 1),
        }
    if args.json:
        print(json.dumps({"pages": len(pages), "systems": rows}, indent=1))
        return
    print(f"article-extraction: {len(pages)} pages")
    print(f"{'system':<12} {'F1':>6} {'P':>6} {'R':>6} {'ms/page':>8}")
    for name, r in rows.items():
        print(
            f"{name:<12} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} "
            f"{r['ms_per_page']:8.1f}"
        )


if __name__ == "__main__":
    main()
