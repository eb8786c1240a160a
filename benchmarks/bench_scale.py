"""Scale-out, side by side in one run: local 1 and 2 workers, Ray on 2 CPUs, merge vs writer.

1. Throughput and peak memory over ``--n`` PolNeAR articles (train+dev
   repeated, each copy a new id), one JSONL file: ``nlp.pipe`` with 2
   processes, ``saidwhen ingest --workers 1`` and ``--workers 2``, and
   ``--engine ray --workers 2 --out DIR`` (Parquet shards; the rate "once
   started" leaves out Ray's start, as the summary line does).
2. The driver's peak memory (the ``saidwhen`` process alone, not its workers
   or Ray's) of ``--engine ray --out`` over ``--small`` and 10x as many short
   made-up articles: it must not grow with the corpus.
3. The merge of the Ray run's shards (``bank merge``, in-process and on Ray)
   against the SQLite writer on the same records (``bank load``).

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_scale.py [--n 2000] [--small 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_ingest import PIPE, measure
from bench_store import polnear_articles

BIN = Path(sys.executable).parent

MERGE = """
import sys, time
from saidwhen.engine.merge import merge
from saidwhen.engine.shards import iter_works
from saidwhen.store.db import Store
out, db = sys.argv[1], sys.argv[2]
works = list(iter_works(out))  # the records, built before the clock starts
n = sum(len(k) for _, k, _ in works)
occ = sum(len(r.quotes) for rs, _, _ in works for r in rs)
t = time.perf_counter()
with Store(db) as store:
    for records, keys, _ in works:
        store.add(records, keys)
writer = time.perf_counter() - t
print(f"  SQLite writer (Store.add): {writer:6.2f} s  {occ / writer:8.0f} occurrences/s"
      f"  ({n} articles, {occ} occurrences)")
merge(out, "local")  # warm: imports
for engine in ("local", "ray"):
    merge(out, engine)  # warm: Ray's start and its workers' imports
    s = merge(out, engine)
    print(f"  merge --engine {engine:<5}:      {s.seconds:6.2f} s  {occ / s.seconds:8.0f}"
          f" occurrences/s  ({s.quotes} quotes, {s.near_pairs} near pairs, {s.people} people)")
"""
SAIDWHEN = str(BIN / "saidwhen")


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def driver_peak(cmd: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS of the command's own process (not its children), stderr."""
    import subprocess

    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak, done = 0, threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _rss(proc.pid))
            time.sleep(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    done.set()
    t.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed:\n{err.decode()}")
    return time.perf_counter() - t0, peak, err.decode()


def _seconds(err: str, after: str) -> float:
    """The seconds a saidwhen summary line reports (``... in 12.3s``)."""
    for line in err.splitlines():
        if after in line and (m := re.search(r" in ([0-9.]+)s", line)):
            return float(m.group(1))
    raise SystemExit(f"no '{after}' summary in:\n{err}")


def write_polnear(path: Path, n: int) -> int:
    base = polnear_articles()
    chars = 0
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            a, k = base[i % len(base)], i // len(base)
            row = {"id": f"{a.id}#{k}", "date": a.date.isoformat(), "title": a.title,
                   "outlet": f"{a.outlet}-{k}", "text": a.text}  # fmt: skip
            f.write(json.dumps(row) + "\n")
            chars += len(a.text)
    return chars


def write_small(path: Path, n: int) -> None:
    """Short made-up articles: a quote and a speaker each, quick to parse."""
    names = ["Marta Quillon", "Dov Brenner", "Lena Okafor", "Ines Varga"]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = f'"The harbor plan {i % 50} is late," said {names[i % 4]} on Monday.'
            f.write(json.dumps({"id": f"s{i}", "date": "2024-05-14", "text": text}) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="PolNeAR articles for part 1")
    ap.add_argument("--small", type=int, default=2000, help="short articles for part 2 (and 10x)")
    ap.add_argument(
        "--skip", default="", help="comma list of parts to leave out: 1,2,3, or ray (Ray's runs)"
    )
    args = ap.parse_args()
    skip = set(args.skip.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = root / "polnear.jsonl"
        chars = write_polnear(corpus, args.n)
        print(f"{args.n} PolNeAR articles, {chars / 1e6:.1f} M characters, {os.cpu_count()} cores")
        print(f"{'variant':<36} {'wall s':>7} {'art/s':>6} {'started':>8} {'cpu s':>7} "
              f"{'peak MB':>8}")  # fmt: skip
        rates: dict[str, float] = {}

        def show(name: str, secs: float, inner: float | None, cpu: float, peak: int) -> None:
            rate = args.n / (inner or secs)
            rates[name] = rate
            started = f"{rate:8.2f}" if inner else f"{'':>8}"
            print(f"{name:<36} {secs:>7.1f} {args.n / secs:>6.2f} {started} {cpu:>7.1f} "
                  f"{peak / 1e6:>8.0f}", flush=True)  # fmt: skip

        out = root / "shards"
        if "1" not in skip:
            secs, cpu, peak, _ = measure([sys.executable, "-c", PIPE, str(corpus), "2"])
            show("nlp.pipe n_process=2", secs, None, cpu, peak)
            for w in (1, 2):
                cmd = [SAIDWHEN, "ingest", str(corpus), "--db", str(root / f"w{w}.db"),
                       "--workers", str(w), "--no-progress"]  # fmt: skip
                secs, cpu, peak, err = measure(cmd)
                show(f"ingest --workers {w}", secs, _seconds(err, "stored"), cpu, peak)
            if "ray" not in skip:
                cmd = [SAIDWHEN, "ingest", str(corpus), "--engine", "ray", "--workers", "2",
                       "--out", str(out), "--no-progress"]  # fmt: skip
                secs, cpu, peak, err = measure(cmd)
                show("ingest --engine ray --workers 2 --out", secs, _seconds(err, "stored"),
                     cpu, peak)  # fmt: skip
            r1, r2 = rates["ingest --workers 1"], rates["ingest --workers 2"]
            pipe = rates["nlp.pipe n_process=2"]
            print(f"local 2 workers / 1 worker: {r2 / r1:.2f}x (target >= 1.8)")
            print(f"ingest --workers 2 / nlp.pipe 2 processes: {r2 / pipe:.2f} (target >= 0.8)")
            if "ray" not in skip:
                ray = rates["ingest --engine ray --workers 2 --out"] / r2
                print(f"Ray 2 CPUs (once started) / local 2 workers: {ray:.2f} (target >= 0.85)")
        if "2" not in skip:
            print(f"\ndriver peak memory, --engine ray --out, {args.small} and "
                  f"{10 * args.small} short articles")  # fmt: skip
            peaks = []
            for n in (args.small, 10 * args.small):
                small = root / f"small{n}.jsonl"
                write_small(small, n)
                cmd = [SAIDWHEN, "ingest", str(small), "--engine", "ray", "--workers", "2",
                       "--out", str(root / f"small{n}"), "--no-progress"]  # fmt: skip
                secs, peak, err = driver_peak(cmd)
                peaks.append(peak)
                print(f"  {n:>7} articles: driver peak {peak / 1e6:6.0f} MB, {secs:6.1f} s wall")
            print(f"  ratio {peaks[1] / peaks[0]:.2f}x (target < 1.2)")
        if "3" not in skip and out.exists():
            print("\nmerge of the Ray run's shards against the SQLite writer on the same records"
                  " (in one process, imports and Ray's start left out)")  # fmt: skip
            import subprocess

            env = {**os.environ, "OMP_NUM_THREADS": "1"}
            res = subprocess.run([sys.executable, "-c", MERGE, str(out), str(root / "m.db")],
                                 env=env, capture_output=True, text=True, check=True)  # fmt: skip
            print(res.stdout.rstrip())


if __name__ == "__main__":
    main()
