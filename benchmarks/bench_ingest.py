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
import resource
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


def measure(cmd: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds (the whole tree), peak tree RSS and stderr of a command."""
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
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
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return secs, cpu, peak, err.decode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--workers", default="2", help="worker counts to run ingest with")
    ap.add_argument("--pipe", default="1", help="n_process values to run nlp.pipe with")
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
        print(
            "wall time depends on what else runs; CPU seconds of the whole process tree do not."
            " art/cpu-s x cores = articles/s on an idle machine"
        )
        print(
            f"{'variant':<32} {'wall s':>7} {'art/s':>6} {'cpu s':>7} {'art/cpu-s':>9} "
            f"{'peak MB':>8}"
        )

        def show(name: str, secs: float, cpu: float, peak: int) -> None:
            n = args.articles
            print(f"{name:<32} {secs:>7.1f} {n / secs:>6.2f} {cpu:>7.1f} {n / cpu:>9.2f} "
                  f"{peak / 1e6:>8.0f}", flush=True)  # fmt: skip

        for n in sorted(set(map(int, args.pipe.split(",")))):
            secs, cpu, peak, _ = measure([sys.executable, "-c", PIPE, str(corpus), str(n)])
            show(f"nlp.pipe n_process={n}", secs, cpu, peak)
        for n in map(int, args.workers.split(",")):
            db = Path(tmp) / f"bank{n}.db"
            cmd = [str(BIN / "saidwhen"), "ingest", str(corpus), "--db", str(db),
                   "--workers", str(n), "--no-progress"]  # fmt: skip
            secs, cpu, peak, err = measure(cmd)
            show(f"saidwhen ingest --workers {n}", secs, cpu, peak)
            print("   ", err.strip().splitlines()[0])


if __name__ == "__main__":
    main()
