"""Time and peak memory of ``extract`` by article size: 10 KB up to the reader's limit.

    python benchmarks/bench_limits.py [--sizes 10,30,100,300,1000,...] [--paragraph]
                                      [--json]

Each size runs in a fresh subprocess (so its peak RSS, ``ru_maxrss``, is its
own; the spaCy model alone is about 140 MB of it), pinned to one thread. Time is
the CPU time of reading and extracting (the model load apart), since wall time
on a shared machine says more about the neighbours; wall time is shown too.
The text is made-up news, built here with a seeded generator: sentences with
direct and reported speech, names, roles and dates. ``--paragraph`` makes it
one paragraph (no line breaks at all), the hardest case for cutting; the
default has a paragraph break every few sentences. The last size is the
reader's limit (``saidwhen.io.readers.MAX_ARTICLE_CHARS``) unless --sizes
says otherwise; one size over the limit checks the refusal.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time

_FIRST = "Ann Tom Rosa Ben Maria Omar Lena Ravi Chen Ines Paul Nora".split()
_LAST = "Lee Okafor Ruiz Hart Novak Singh Dube Moreau Silva Kato Berg Walsh".split()
_ROLE = ["the mayor", "a spokeswoman", "the coach", "a senator", "the director", "an analyst"]
_WHEN = ["on Monday", "yesterday", "last week", "on March 3", "in 2019", "two days ago", ""]
_SAID = ["We will open the bridge in spring", "Nobody expected the vote to pass",
         "The budget is not a wish list", "I have never seen a crowd like this",
         "Prices will fall by the end of the year", "We are talking to everyone"]  # fmt: skip
_CLAIM = ["the council would meet again", "taxes would go down", "the plant had closed",
          "the talks were over", "the team needed a new coach", "turnout was higher"]  # fmt: skip
_PLAIN = ["The river rose above the old mark after the storm.",
          "Traffic was slow on the ring road for most of the afternoon.",
          "The report runs to 40 pages and was published in June.",
          "Shops on the high street stayed open late."]  # fmt: skip


def news(n_chars: int, paragraph: bool = False, seed: int = 7) -> str:
    """About ``n_chars`` of made-up news with quotes, names and dates."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n_chars:
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        when = rng.choice(_WHEN)
        kind = rng.random()
        if kind < 0.35:
            s = f'"{rng.choice(_SAID)}," said {name}, {rng.choice(_ROLE)}, {when}.'
        elif kind < 0.6:
            s = f"{name} told reporters {when} that {rng.choice(_CLAIM)}."
        else:
            s = rng.choice(_PLAIN)
        s = s.replace(" ,", ",").replace(", .", ".").replace("  ", " ")
        sep = " " if paragraph or rng.random() < 0.75 else "\n\n"
        out.append(s + sep)
        size += len(s) + len(sep)
    return "".join(out)[:n_chars].rstrip() + "\n"


def _child(n_chars: int, paragraph: bool) -> None:
    import datetime as dt
    import resource

    from saidwhen.errors import InputError
    from saidwhen.io.readers import read_bytes
    from saidwhen.nlp import load_nlp
    from saidwhen.pipeline import extract_articles

    nlp = load_nlp()
    rss_model = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    data = ("date 2024-05-01\n" + news(n_chars, paragraph)).encode()
    t0, c0 = time.perf_counter(), time.process_time()
    items = list(read_bytes(data, "bench.txt", dt.date(2024, 5, 1)))
    if isinstance(items[0], InputError):
        print(json.dumps({"chars": n_chars, "refused": str(items[0])}))
        return
    (rec,) = extract_articles(items, nlp)  # type: ignore[arg-type]
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"chars": n_chars, "cpu_s": round(cpu, 2), "wall_s": round(wall, 2),
                      "peak_mb": round(peak), "model_mb": round(rss_model),
                      "quotes": len(rec.quotes)}))  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", help="sizes in KB, comma-separated (default: 10 KB to the limit)")
    ap.add_argument("--paragraph", action="store_true", help="one paragraph, no line breaks")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        _child(args.child, args.paragraph)
        return
    if args.sizes:
        sizes = [int(float(s) * 1000) for s in args.sizes.split(",")]
    else:
        from saidwhen.io.readers import MAX_ARTICLE_CHARS

        sizes = [10_000, 30_000, 100_000, 300_000, 1_000_000, 2_000_000, 5_000_000]
        sizes = [s for s in sizes if s < MAX_ARTICLE_CHARS] + [MAX_ARTICLE_CHARS - 100]
        sizes.append(MAX_ARTICLE_CHARS + 1000)
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    rows = []
    print(
        f"{'chars':>10} {'CPU s':>8} {'wall s':>8} {'CPU s/100KB':>12} {'peak MB':>8} {'quotes':>7}"
    )
    for n in sizes:
        cmd = [sys.executable, __file__, "--child", str(n)] + (
            ["--paragraph"] if args.paragraph else []
        )
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(f"{n:>10} failed: {out.stderr.strip().splitlines()[-1:]}")
            continue
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        if "refused" in row:
            print(f"{n:>10} refused: {row['refused']}")
            continue
        per = row["cpu_s"] / (n / 100_000)
        print(
            f"{n:>10} {row['cpu_s']:>8.2f} {row['wall_s']:>8.2f} {per:>12.2f} "
            f"{row['peak_mb']:>8} {row['quotes']:>7}"
        )
        sys.stdout.flush()
    if args.json:
        print(json.dumps(rows))


if __name__ == "__main__":
    main()
