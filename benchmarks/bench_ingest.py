"""End to end: ``saidwhen ingest`` of PolNeAR articles beside a plain ``nlp.pipe``.

PolNeAR train+dev (924 articles) is repeated to ``--articles`` (2,000), each
copy a new id, written as one JSONL file. Each variant runs as its own process
(tree); the figures are wall time, articles per second and the peak resident
memory of the whole process tree (parent and workers, sampled every 0.1 s).

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_ingest.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_store import polnear_articles

BIN = Path(sys.executable).parent

PIPE = """
import json, sys
from saidwhen.nlp import load_nlp
nlp = load_nlp()
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
n = 0
for doc in nlp.pipe(texts, batch_size=16, n_process=int(sys.argv[2])):
    n += len(doc)
print(n)
"""


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and every descendant."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{d}/statm") as f:
                rss[int(d)] = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(d))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def measure(cmd: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak tree RSS and stderr of a command."""
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.1)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    secs = time.perf_counter() - t0
    done.set()
    t.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed:\n{err.decode()}")
    return secs, peak, err.decode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--workers", default="2,1", help="worker counts to run ingest with")
    args = ap.parse_args()
    base = polnear_articles()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "polnear.jsonl"
        with corpus.open("w", encoding="utf-8") as f:
            for i in range(args.articles):
                a = base[i % len(base)]
                k = i // len(base)
                row = {"id": f"{a.id}#{k}", "date": a.date.isoformat(), "title": a.title,
                       "outlet": f"{a.outlet}-{k}", "text": a.text}  # fmt: skip
                f.write(json.dumps(row) + "\n")
        chars = sum(len(base[i % len(base)].text) for i in range(args.articles))
        print(f"{args.articles} articles, {chars / 1e6:.1f} M characters, {os.cpu_count()} cores")
        print(f"{'variant':<34} {'seconds':>8} {'art/s':>7} {'peak MB':>8}")
        rows = []
        for n in sorted({1, *map(int, args.workers.split(","))}):
            cmd = [sys.executable, "-c", PIPE, str(corpus), str(n)]
            rows.append((f"nlp.pipe n_process={n}", *measure(cmd)[:2]))
            print(f"{rows[-1][0]:<34} {rows[-1][1]:>8.1f} {args.articles / rows[-1][1]:>7.2f} "
                  f"{rows[-1][2] / 1e6:>8.0f}", flush=True)  # fmt: skip
        for n in map(int, args.workers.split(",")):
            db = Path(tmp) / f"bank{n}.db"
            cmd = [str(BIN / "saidwhen"), "ingest", str(corpus), "--db", str(db),
                   "--workers", str(n), "--no-progress"]  # fmt: skip
            secs, peak, err = measure(cmd)
            print(f"{'saidwhen ingest --workers ' + str(n):<34} {secs:>8.1f} "
                  f"{args.articles / secs:>7.2f} {peak / 1e6:>8.0f}", flush=True)  # fmt: skip
            print("   ", err.strip().splitlines()[0])


if __name__ == "__main__":
    main()
