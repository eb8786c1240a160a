"""Throughput, peak memory and PolNeAR accuracy: saidwhen against textacy's direct quotations.

    python benchmarks/bench_attribution.py [--split dev] [--data-dir DIR] [--limit N]
                                           [--tracemalloc] [--json]
    python benchmarks/bench_attribution.py --marks   # 1,000 against 10,000 quotation marks

Each system runs in its own subprocess (so that peak memory does not mix),
pinned to one core: ``OMP_NUM_THREADS=1`` and friends, and ``taskset -c 0``
when it exists.  Both read the same articles and parse them with the same
spaCy model, ``saidwhen.nlp.MODEL_NAME``:

* saidwhen: ``saidwhen.pipeline.extract_articles`` with ``saidwhen.nlp.load_nlp()``
  (the components saidwhen keeps); the clock covers parsing and every stage
  (people, quotes, reported speech, timexes, events).
* textacy: ``textacy.extract.triples.direct_quotations(doc)`` over docs from
  the model loaded whole, as textacy's documentation loads it
  (``spacy.load(MODEL_NAME)``: every component, the named NER included);
  the clock covers parsing and extraction.  textacy raises ``ValueError`` on
  an odd number of quotation marks in a document: such an article counts as
  having no output.  This is the baseline of the speed target.
* textacy-trim: the same extraction over docs from saidwhen's own pipeline
  (``saidwhen.nlp.load_nlp()``: no NER, the cached attribute ruler and
  lemmatizer), when it keeps what textacy reads.  It shows how much of the
  difference is the parse rather than the extraction.

The report prints each system's pipeline components, so the comparison says
what each one parsed with.  Loading the model is timed apart.  Both outputs
go through the same path to the shared scorer: the saidwhen record shape,
``run_saidwhen.convert``, ``score.score``.  The scorer is read in place from
``shared/eval/polnear_eval``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

SYSTEMS = ("saidwhen", "textacy", "textacy-trim")
DEFAULT_SYSTEMS = ("saidwhen", "textacy")
# Single-threaded numeric libraries: the benchmark measures one core.
ONE_CORE_ENV = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "BLIS_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false",
}
# what direct_quotations reads: pos_ (tagger, attribute_ruler), dep_ and sents (parser), lemma_
TEXTACY_NEEDS = {"tagger", "attribute_ruler", "parser", "lemmatizer"}
MEMORY_LIMIT_MB = 500
SPEEDUP_TARGET = 1.5


# ---------------------------------------------------------------------------
# the two systems, each returning saidwhen-shaped article dicts ({"quotes": [...]})
# ---------------------------------------------------------------------------
def _saidwhen_runner(gold: list[dict[str, Any]]) -> tuple[str, Callable[[], list[dict[str, Any]]]]:
    from saidwhen.eval.polnear import articles_from_gold
    from saidwhen.nlp import load_nlp
    from saidwhen.pipeline import extract_articles

    nlp = load_nlp()
    articles = articles_from_gold(gold)

    def run() -> list[dict[str, Any]]:
        return [rec.to_dict() for rec in extract_articles(articles, nlp)]

    return _describe(nlp), run


def _span(tokens: list[Any]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _textacy_quotes(doc: Any) -> list[dict[str, Any]] | None:
    """textacy's direct quotations of a doc as saidwhen quotes; None when textacy bails out."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # an odd number of quotation marks
        return None
    quotes = []
    for t in triples:
        s_start, s_end = _span(t.speaker)
        c_start, c_end = _span(t.cue)
        mention = doc.text[s_start:s_end]
        quotes.append(
            {
                "text": t.content.text,
                "start": t.content.start_char,
                "end": t.content.end_char,
                "kind": "direct",
                "speaker": {"name": mention, "mention": mention, "start": s_start, "end": s_end},
                "cue": {"text": doc.text[c_start:c_end], "start": c_start, "end": c_end},
                "continues": None,
                "repeat_of": None,
            }
        )
    return quotes


def _textacy_runner(
    gold: list[dict[str, Any]], trim: bool = False
) -> tuple[str, Callable[[], list[dict[str, Any]]]]:
    import spacy

    from saidwhen.nlp import MODEL_NAME, load_nlp, parse_many

    nlp = load_nlp() if trim else None
    if nlp is None or not set(nlp.pipe_names) >= TEXTACY_NEEDS:
        nlp = spacy.load(MODEL_NAME)
        nlp.max_length = 10**8
    texts = [g["text"] for g in gold]

    def run() -> list[dict[str, Any]]:
        out = []
        for g, doc in zip(gold, parse_many(nlp, texts), strict=True):
            quotes = _textacy_quotes(doc)
            out.append({"id": g["filename"], "quotes": quotes or [], "failed": quotes is None})
        return out

    return _describe(nlp), run


def _describe(nlp: Any) -> str:
    return (
        f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']} [{', '.join(nlp.pipe_names)}]"
    )


# ---------------------------------------------------------------------------
# worker: one system in this process
# ---------------------------------------------------------------------------
def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux, in bytes on macOS
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def worker(
    system: str, split: str, data_dir: Path | None, limit: int | None, trace: bool, repeat: int
) -> dict[str, Any]:
    from saidwhen.eval.polnear import default_data_dir, load_scorer

    polnear, run_saidwhen, score = load_scorer()
    gold = polnear.load_split(split, data_dir=str(data_dir or default_data_dir()))
    if limit:
        gold = gold[:limit]
    words = sum(len(g["text"].split()) for g in gold)

    started = time.perf_counter()
    if system == "saidwhen":
        pipeline, run = _saidwhen_runner(gold)
    else:
        pipeline, run = _textacy_runner(gold, trim=system == "textacy-trim")
    load_s = time.perf_counter() - started

    # The best of `repeat` passes: on a shared machine, other load only ever slows a pass.
    wall = cpu = float("inf")
    for _ in range(max(1, repeat)):
        cpu0, started = time.process_time(), time.perf_counter()
        out = run()
        wall = min(wall, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - cpu0)
    peak_rss = _peak_rss_mb()

    traced = None
    if trace:  # a second, untimed pass: tracemalloc slows Python down several times
        tracemalloc.start()
        run()
        traced = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()

    stats: Counter[str] = Counter()
    pred = {}
    for g, obj in zip(gold, out, strict=True):
        quotes, attributions = run_saidwhen.convert(g["text"], obj, stats)
        pred[g["filename"]] = {"quotes": quotes, "attributions": attributions}
    metrics = score.score(gold, pred)
    return {
        "system": system,
        "pipeline": pipeline,
        "articles": len(gold),
        "words": words,
        "load_s": round(load_s, 2),
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "repeat": max(1, repeat),
        "articles_per_s": round(len(gold) / wall, 3),
        "words_per_s": round(words / wall),
        "articles_per_cpu_s": round(len(gold) / cpu, 3),
        "words_per_cpu_s": round(words / cpu),
        "peak_rss_mb": round(peak_rss, 1),
        "tracemalloc_peak_mb": round(traced, 1) if traced is not None else None,
        "quotes": sum(len(o["quotes"]) for o in out),
        "direct_quotes": sum(q.get("kind") != "indirect" for o in out for q in o["quotes"]),
        "articles_without_output": sum(bool(o.get("failed")) for o in out),
        "cpu_affinity": sorted(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else None,
        "metrics": {
            "e2e_f1": metrics["c_end_to_end"]["span"]["f1"],
            "e2e_precision": metrics["c_end_to_end"]["span"]["precision"],
            "e2e_recall": metrics["c_end_to_end"]["span"]["recall"],
            "detection_partial_f1": metrics["a_detection"]["partial"]["f1"],
            "speaker_accuracy": metrics["b_speaker"]["span_accuracy"],
            "content_exact_f1": metrics["e_role_spans"]["content"]["exact"]["f1"],
            "source_exact_f1": metrics["e_role_spans"]["source"]["exact"]["f1"],
            "cue_exact_f1": metrics["e_role_spans"]["cue"]["exact"]["f1"],
            "triples_exact_f1": metrics["f_triples"]["exact"]["f1"],
        },
    }


# ---------------------------------------------------------------------------
# parent: one subprocess per system, one core each, then the comparison
# ---------------------------------------------------------------------------
def spawn(system: str, args: argparse.Namespace) -> dict[str, Any]:
    argv = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        system,
        "--split",
        args.split,
    ]
    if args.data_dir:
        argv += ["--data-dir", str(args.data_dir)]
    if args.limit:
        argv += ["--limit", str(args.limit)]
    if args.tracemalloc:
        argv.append("--tracemalloc")
    argv += ["--repeat", str(args.repeat)]
    if shutil.which("taskset"):
        argv = ["taskset", "-c", str(args.core), *argv]
    proc = subprocess.run(
        argv, env={**os.environ, **ONE_CORE_ENV}, capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        sys.exit(f"{system} worker failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["taskset"] = bool(shutil.which("taskset"))
    return result


def report(results: list[dict[str, Any]]) -> str:
    by = {r["system"]: r for r in results}
    n = results[0]
    lines = [
        f"PolNeAR {n['split']}: {n['articles']} articles, {n['words']} words; one core "
        f"(OMP_NUM_THREADS=1{', taskset -c ' + str(n['cpu_affinity'][0]) if n['taskset'] else ''})",
        "",
    ]
    for r in results:
        lines.append(f"{r['system']:<9} pipeline {r['pipeline']}")
    lines.append("")
    # CPU seconds of the pinned, single-threaded worker: what an idle core would take.
    # Wall-clock rates are shown too; they drop when other work shares the core.
    cols = "art/s words/s art/s_wall CPU_s wall_s load_s RSS_MB heap_MB quotes no_out".split()
    lines.append(f"{'':<9}" + "".join(f"{c:>11}" for c in cols))
    for r in results:
        heap = r["tracemalloc_peak_mb"]
        cells = (
            f"{r['articles_per_cpu_s']:.2f}",
            f"{r['words_per_cpu_s']}",
            f"{r['articles_per_s']:.2f}",
            f"{r['cpu_s']:.1f}",
            f"{r['wall_s']:.1f}",
            f"{r['load_s']:.1f}",
            f"{r['peak_rss_mb']:.0f}",
            f"{heap:.0f}" if heap is not None else "-",
            f"{r['quotes']}",
            f"{r['articles_without_output']}",
        )
        lines.append(f"{r['system']:<9}" + "".join(f"{c:>11}" for c in cells))
    lines.append("")
    keys = list(results[0]["metrics"])
    lines.append(f"{'':<22}" + "".join(f"{r['system']:>10}" for r in results))
    for k in keys:
        lines.append(f"{k:<22}" + "".join(f"{r['metrics'][k]:>10.4f}" for r in results))
    if "saidwhen" in by and "textacy" in by:
        s, t = by["saidwhen"], by["textacy"]
        ratio = s["articles_per_s"] / t["articles_per_s"]
        cpu_ratio = s["articles_per_cpu_s"] / t["articles_per_cpu_s"]
        lines.append("")
        lines.append(
            f"saidwhen/textacy articles/s: {cpu_ratio:.2f}x by CPU time, {ratio:.2f}x wall "
            f"(target >= {SPEEDUP_TARGET}x: {'met' if cpu_ratio >= SPEEDUP_TARGET else 'not met'})"
        )
        if "textacy-trim" in by:
            trim = s["articles_per_cpu_s"] / by["textacy-trim"]["articles_per_cpu_s"]
            lines.append(f"saidwhen/textacy-trim articles/s: {trim:.2f}x by CPU time")
        for r in results:
            ok = "met" if r["peak_rss_mb"] <= MEMORY_LIMIT_MB else "not met"
            lines.append(
                f"{r['system']} peak RSS {r['peak_rss_mb']:.0f} MB "
                f"(target <= {MEMORY_LIMIT_MB} MB: {ok})"
            )
    return "\n".join(lines)


MARKS_RATIO_TARGET = 20.0


def marks_curve(counts: tuple[int, ...] = (1_000, 10_000)) -> str:
    """``extract`` time on one paragraph of many short quotes (``"a" b "a" b ...``, 3
    characters a mark): the cost per mark must not grow with their number (issue 13:
    10,000 marks no more than 20x the time of 1,000)."""
    from saidwhen import extract
    from saidwhen.nlp import load_nlp

    nlp = load_nlp()
    extract("warm up", "2020-01-01", nlp=nlp)
    secs = []
    lines = []
    for n in counts:
        text = '"a" b ' * (n // 2)
        t0 = time.process_time()
        extract(text, "2020-01-01", nlp=nlp)
        secs.append(time.process_time() - t0)
        lines.append(f"{n} quotation marks ({len(text) // 1000} KB): {secs[-1]:.2f} s CPU")
    ratio = secs[-1] / max(secs[0], 1e-9)
    ok = "met" if ratio <= MARKS_RATIO_TARGET else "not met"
    lines.append(
        f"{counts[-1]} vs {counts[0]} marks: {ratio:.1f}x "
        f"(target <= {MARKS_RATIO_TARGET:.0f}x: {ok})"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--data-dir", type=Path, help="PolNeAR data (default: ../shared/data/polnear)")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument(
        "--systems",
        default=",".join(DEFAULT_SYSTEMS),
        help=f"comma-separated, of: {', '.join(SYSTEMS)}",
    )
    ap.add_argument("--core", type=int, default=0, help="the CPU to pin each worker to (taskset)")
    ap.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also the Python heap peak, in an extra untimed pass (slow: minutes)",
    )
    ap.add_argument("--repeat", type=int, default=1,
                    help="timed passes per system; the fastest counts (default 1)")  # fmt: skip
    ap.add_argument("--json", action="store_true", help="print the raw results as JSON")
    ap.add_argument(
        "--marks", action="store_true", help="only time 1,000 against 10,000 quotation marks"
    )
    ap.add_argument("--worker", choices=SYSTEMS, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        out = worker(
            args.worker, args.split, args.data_dir, args.limit, args.tracemalloc, args.repeat
        )
        print(json.dumps({**out, "split": args.split}))
        return
    if args.marks:
        print(marks_curve())
        return
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = sorted(set(systems) - set(SYSTEMS))
    if unknown:
        ap.error(f"unknown systems: {', '.join(unknown)}")
    results = []
    for system in systems:  # one after the other, so they never share the core
        print(f"running {system} ...", file=sys.stderr, flush=True)
        results.append(spawn(system, args))
    print(json.dumps(results, indent=1) if args.json else report(results))


if __name__ == "__main__":
    main()
