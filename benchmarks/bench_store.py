"""The quote bank at scale: PolNeAR train+dev records, repeated to 100,000 articles.

Each copy of an article gets a new id and outlet, so its quotes merge with the
earlier copies' (as a wire story's quotes do across outlets). Prints, at each
checkpoint: records written per second, database bytes per quote occurrence,
and the 95th percentile of search by text, by speaker and by date range.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_store.py [--articles 100000]

The records come from the real pipeline run over the PolNeAR texts (cached in
``--cache`` after the first run).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import gc
import os
import pickle
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from saidwhen.model import Article, ArticleRecord
from saidwhen.store import Store, connect, search
from saidwhen.store.merge import words

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


def polnear_articles(data: Path = SHARED) -> list[Article]:
    """PolNeAR train+dev texts with their dates (metadata.tsv)."""
    meta: dict[str, dict[str, str]] = {}
    with (data / "metadata.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["filename"]] = row
    arts = []
    for split in ("train", "dev"):
        for path in sorted((data / split / "text").glob("*.txt")):
            m = meta.get(path.stem)
            if not m:
                continue
            arts.append(
                Article(
                    text=path.read_text(encoding="utf-8"),
                    date=dt.date.fromisoformat(m["publication_date"]),
                    id=path.stem,
                    title=m.get("title"),
                    outlet=m.get("publisher"),
                    source=str(path),
                )
            )
    return arts


def polnear_records(cache: Path) -> list[ArticleRecord]:
    if cache.exists():
        with cache.open("rb") as f:
            recs: list[ArticleRecord] = pickle.load(f)
            return recs
    from saidwhen.pipeline import extract_articles

    t0 = time.perf_counter()
    recs = list(extract_articles(polnear_articles()))
    print(f"extracted {len(recs)} records in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    cache.parent.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as f:
        pickle.dump(recs, f)
    return recs


def copies(records: list[ArticleRecord], n: int) -> list[ArticleRecord]:
    out = []
    for i in range(n):
        base = records[i % len(records)]
        k = i // len(records)
        out.append(dataclasses.replace(base, id=f"{base.id}#{k}", outlet=f"{base.outlet}-{k}"))
    return out


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18] * 1000


def query_latencies(db: Path, records: list[ArticleRecord], n: int = 200) -> dict[str, float]:
    rng = random.Random(7)
    conn = connect(db, readonly=True)
    texts, speakers = [], []
    for r in records:
        for q in r.quotes:
            ws = [w for w in words(q.text) if len(w) > 3]
            if len(ws) >= 2:
                texts.append(" ".join(rng.sample(ws, 2)))
            if q.speaker and q.speaker.name:
                speakers.append(q.speaker.name)
    days = sorted({r.date for r in records})
    out = {}
    cases = {
        "text": lambda: search(conn, rng.choice(texts)),
        "speaker": lambda: search(conn, speaker=rng.choice(speakers)),
        "date": lambda: _date_query(conn, rng, days),
        "text+speaker+date": lambda: search(
            conn, rng.choice(texts), speaker=rng.choice(speakers), date_from="2016-01-01"
        ),
    }
    for name, fn in cases.items():
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        out[name] = p95(times)
    conn.close()
    return out


def _date_query(conn: sqlite3.Connection, rng: random.Random, days: list[dt.date]) -> object:
    start = rng.choice(days)
    end = start + dt.timedelta(days=rng.choice((1, 7, 30)))
    return search(conn, date_from=start.isoformat(), date_to=end.isoformat())


def db_bytes(db: Path) -> int:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--checkpoints", default="10000,100000")
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "saidwhen-bench" / "polnear_records.pkl",
    )
    ap.add_argument("--db", type=Path, default=None)
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    base = polnear_records(args.cache)
    nq = sum(len(r.quotes) for r in base)
    print(
        f"PolNeAR train+dev: {len(base)} records, {nq} quotes, "
        f"{sum(len(r.people) for r in base)} people, {sum(len(r.timexes) for r in base)} timexes"
    )
    records = copies(base, args.articles)
    # An ingest holds a batch of records at a time, not 100,000: keep the garbage
    # collector from walking this pile on every collection, as it never would there.
    gc.collect()
    gc.freeze()
    checkpoints = sorted(int(c) for c in args.checkpoints.split(","))
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bank.db"
    store = Store(db)
    written, elapsed, cpu, occ = 0, 0.0, 0.0, 0
    last_written, last_elapsed = 0, 0.0
    print(
        f"{'articles':>9} {'rec/s all':>9} {'rec/s last':>10} {'rec/cpu-s':>9} {'occurrences':>11} "
        f"{'quotes':>7} {'B/occ':>6} {'MB':>7} {'p95 text':>9} {'speaker':>8} "
        f"{'date':>7} {'all3':>7}"
    )
    for cp in checkpoints:
        while written < min(cp, len(records)):
            batch = records[written : min(written + args.batch, cp)]
            t0, c0 = time.perf_counter(), time.process_time()
            stats = store.add(batch)
            elapsed += time.perf_counter() - t0
            cpu += time.process_time() - c0
            written += len(batch)
            occ += stats.occurrences
        size = db_bytes(db)
        nquotes = store.conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
        lat = query_latencies(db, base)
        rate_all = written / elapsed
        rate_last = (written - last_written) / (elapsed - last_elapsed)
        last_written, last_elapsed = written, elapsed
        print(
            f"{written:>9} {rate_all:>9.0f} {rate_last:>10.0f} {written / cpu:>9.0f} "
            f"{occ:>11} {nquotes:>7} "
            f"{size / max(occ, 1):>6.0f} {size / 1e6:>7.1f} {lat['text']:>7.1f}ms "
            f"{lat['speaker']:>6.1f}ms {lat['date']:>5.1f}ms {lat['text+speaker+date']:>5.1f}ms",
            flush=True,
        )
    store.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
