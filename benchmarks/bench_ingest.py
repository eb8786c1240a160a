"""Issue 16's ingest ratios in one run: ``saidwhen ingest`` against a plain ``nlp.pipe``.

PolNeAR train+dev (924 articles) is repeated to ``--articles`` (300), each
copy a new id, written as one JSONL file. Each variant runs as its own process
tree, one after the other: ``nlp.pipe`` of saidwhen's pipeline
(``saidwhen.nlp.load_nlp``) with 1 and 2 processes, then ``saidwhen ingest``
with 1 and 2 workers. Printed for each: wall time, articles per second, the
CPU seconds of the whole tree and of its first process alone (the ingest
parent, which writes the bank), articles per CPU second, the peak resident
memory of the tree (sampled every 0.1 s) and, of the parent's CPU seconds,
those of its imports and of its writes to the bank; then the ratios of the issue's
targets (``--workers 2`` against ``nlp.pipe`` with 2 processes, >= 0.8, and
against ``--workers 1``, >= 1.8x) by wall time, which is what they mean, and by
CPU seconds, which other work on the machine does not change (2 x the CPU of 1
worker / the CPU of 2 bounds the speed-up of 2 workers on an idle machine).
The load average before and after is printed: wall-clock ratios from a loaded
machine say little. With ``--repeat N`` the variants run N times in turn and
the ratios take each one's least wall and least CPU time.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_ingest.py [--articles 300] [--repeat 1]
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
# ``saidwhen ingest`` as the CLI runs it, then this process's own CPU seconds on stderr:
# all of them, those of its imports, and those of the bank's writes (``Store.add``, timed
# here by wrapping it: the library has no timer of its own)
INGEST = """
import resource, sys, time
def cpu():
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime
from saidwhen.cli import main
from saidwhen.store.db import Store
imports, writes, add = cpu(), [0.0], Store.add
def timed_add(self, *args, **kwargs):
    t = time.thread_time()
    try:
        return add(self, *args, **kwargs)
    finally:
        writes[0] += time.thread_time() - t
Store.add = timed_add
try:
    main(sys.argv[1:], prog_name="saidwhen")
finally:
    print(f"parent cpu {cpu():.3f} imports {imports:.3f} writes {writes[0]:.3f}", file=sys.stderr)
"""


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and every descendant: the proportional set size (each
    shared page divided among the processes sharing it), else the resident set."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(d))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _resident(pid)
        todo.extend(children.get(pid, []))
    return total


def _resident(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _subreaper() -> None:
    """Adopt this process's orphaned descendants (Linux), so that their CPU counts.

    The ingest's workers are forked from a fork server that outlives the
    ingest process by a moment; orphaned, it would go to init and its
    workers' CPU seconds, which it collects, would be lost to ``RUSAGE_CHILDREN``.
    """
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _reap_orphans() -> None:
    """Wait for every adopted descendant (the fork server ends when the ingest does)."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def measure(cmd: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds (the whole tree), peak tree RSS and stderr of a command."""
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    _subreaper()
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
    _reap_orphans()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return secs, cpu, peak, err.decode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--workers", default="1,2", help="worker counts to run ingest with")
    ap.add_argument("--pipe", default="1,2", help="n_process values to run nlp.pipe with")
    ap.add_argument("--repeat", type=int, default=1, help="run the variants N times in turn")
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
        print(f"{args.articles} articles, {chars / 1e6:.1f} M characters, {os.cpu_count()} cores;"
              f" load average {os.getloadavg()[0]:.1f}")  # fmt: skip
        print(
            f"{'variant':<28} {'wall s':>7} {'art/s':>6} {'cpu s':>7} {'parent':>7} "
            f"{'art/cpu-s':>9} {'peak MB':>8} {'imports':>7} {'writes':>7}"
        )
        n = args.articles
        rows: dict[str, tuple[float, float]] = {}  # variant -> least (wall s, tree cpu s)

        def show(name: str, secs: float, cpu: float, parent: list[float], peak: int) -> None:
            old = rows.get(name, (secs, cpu))
            rows[name] = (min(old[0], secs), min(old[1], cpu))
            own, parts = (f"{parent[0]:>7.1f}", "".join(f" {x:>7.2f}" for x in parent[1:])) if (
                parent
            ) else (f"{'':>7}", "")  # fmt: skip
            print(f"{name:<28} {secs:>7.1f} {n / secs:>6.2f} {cpu:>7.1f} {own} {n / cpu:>9.2f} "
                  f"{peak / 1e6:>8.0f}{parts}", flush=True)  # fmt: skip

        for _ in range(args.repeat):  # the variants in turn, so that load shifts hit all
            for k in sorted(set(map(int, args.pipe.split(",")))):
                secs, cpu, peak, _err = measure([sys.executable, "-c", PIPE, str(corpus), str(k)])
                show(f"nlp.pipe n_process={k}", secs, cpu, [], peak)
            for k in map(int, args.workers.split(",")):
                db = Path(tmp) / f"bank{k}.db"
                for old in Path(tmp).glob(f"bank{k}.db*"):  # a fresh bank each time
                    old.unlink()
                cmd = [sys.executable, "-c", INGEST, "ingest", str(corpus), "--db", str(db),
                       "--workers", str(k), "--no-progress"]  # fmt: skip
                secs, cpu, peak, err = measure(cmd)
                lines = err.strip().splitlines()
                # "parent cpu T imports I writes W"
                parent = next(
                    (
                        [float(v) for v in x.split()[2::2]]
                        for x in lines
                        if x.startswith("parent cpu")
                    ),
                    [],
                )
                show(f"saidwhen ingest --workers {k}", secs, cpu, parent, peak)
                print("   ", lines[0] if lines else "")
        print(f"load average after: {os.getloadavg()[0]:.1f}")
        if args.repeat > 1:
            print(f"least of {args.repeat} runs (wall and CPU each):")
        _ratios(rows)


def _ratios(rows: dict[str, tuple[float, float]]) -> None:
    """The issue's targets, by wall time and by CPU seconds, for the variants that ran."""
    pipe2, w1, w2 = (
        rows.get(k) for k in ("nlp.pipe n_process=2", "saidwhen ingest --workers 1",
                              "saidwhen ingest --workers 2")
    )  # fmt: skip
    if w2 and pipe2:
        print(
            f"ingest --workers 2 / nlp.pipe 2 processes (target >= 0.8): wall "
            f"{pipe2[0] / w2[0]:.2f}, cpu {pipe2[1] / w2[1]:.2f}"
        )
    if w2 and w1:
        print(
            f"ingest --workers 2 / --workers 1 (target >= 1.8x): wall {w1[0] / w2[0]:.2f}x, "
            f"cpu bound on an idle machine {2 * w1[1] / w2[1]:.2f}x"
        )


if __name__ == "__main__":
    main()
