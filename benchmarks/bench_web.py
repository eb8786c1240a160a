"""``saidwhen serve`` at scale: every page's latency on a bank of 100,000 articles.

The bank is made up (no spaCy): articles from 40 outlets over ten years, five
records each (direct quotes, fragments, reported speech), 3,000 people quoted
on a Zipf curve, wire copies whose quotes repeat across outlets, the text kept
(``ingest --keep-text``). It is written through the real :class:`Store` once
and cached under ``out/bench-web/`` (gitignored).

Then the real server (uvicorn on a free port, in a child process) answers, one
request at a time, a mix of each page: search by words, by speaker, by outlet
and year (facets included), the landing page, person pages (with and without a
search in their quotes), article pages, and the JSON twins. It prints p50, p95
and p99 per page, then the p99 and the slowest request of 16 clients asking
at once (issue 13: no 1 s stalls).

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/bench_web.py [--articles 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import itertools
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from saidwhen.model import ArticleRecord, Person, Quote, Span, Speaker
from saidwhen.store import Store

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "out" / "bench-web"

_SYL = [c + v for c in "bdklmnrstv" for v in "aeio"]
_FIRST = (
    "Ada Ines Tomas Rosa Odile Marek Lena Pavel Nora Felix Ida Oskar Vera Hugo Alma Emil"
    " Greta Jonas Maja Otto"
).split()
_ROLES = (
    "the mayor",
    "a county engineer",
    "the finance minister",
    "a union leader",
    "the head librarian",
    "a spokesman for the council",
    "the harbour master",
    "a local farmer",
)
_CUES = ("said", "told reporters", "added", "wrote on Facebook", "argued", "warned")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYL) for _ in range(rng.randint(1, 3)))


class Corpus:
    """A made-up news corpus: the same seed gives the same bank."""

    def __init__(self, seed: int = 7) -> None:
        rng = self.rng = random.Random(seed)
        self.vocab = sorted({_word(rng) for _ in range(8000)})
        # Zipf: a few common words (cumulative weights: choices() would add them up each call)
        self.cum = list(itertools.accumulate(1 / (i + 1) for i in range(len(self.vocab))))
        surnames = sorted({_word(rng).capitalize() + _word(rng) for _ in range(4000)})
        self.people = [(f"{rng.choice(_FIRST)} {s}", rng.choice(_ROLES)) for s in surnames[:3000]]
        self.people_cum = list(
            itertools.accumulate(1 / (i + 1) ** 0.8 for i in range(len(self.people)))
        )
        self.outlets = [
            f"{_word(rng).capitalize()} {rng.choice(['Ledger', 'Courier', 'Times', 'Post'])}"
            for _ in range(40)
        ]
        self.wire: list[tuple[str, int]] = []  # quotes that other outlets repeat

    def words(self, n: int) -> str:
        return " ".join(self.rng.choices(self.vocab, cum_weights=self.cum, k=n))

    def article(self, i: int) -> ArticleRecord:
        rng = self.rng
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        outlet = self.outlets[rng.randrange(len(self.outlets))]
        title = self.words(rng.randint(4, 8)).capitalize()
        text = self.words(rng.randint(15, 30)).capitalize() + ".\n\n"
        quotes: list[Quote] = []
        people: dict[str, Person] = {}
        for k in range(5):
            if self.wire and rng.random() < 0.3:
                content, who = self.wire[rng.randrange(len(self.wire))]
            else:
                content = self.words(rng.randint(6, 20))
                who = rng.choices(range(len(self.people)), cum_weights=self.people_cum)[0]
                if rng.random() < 0.2:
                    self.wire.append((content, who))
                    if len(self.wire) > 5000:
                        self.wire.pop(0)
            name, role = self.people[who]
            people[name] = Person(name=name, descriptors=(role,))
            kind = ("direct", "direct", "fragment", "indirect")[k % 4]
            cue = rng.choice(_CUES)
            when = None
            if rng.random() < 0.3:  # said a few days before it was published
                when = (day - dt.timedelta(days=rng.randint(1, 20))).isoformat()
            if kind == "indirect":
                lead = f"{name} {cue} that "
                start = len(text) + len(lead)
                text += lead + content + ".\n\n"
                sp = Speaker(name, name, start - len(lead), start - len(lead) + len(name))
                cue_span = Span(cue, sp.end + 1, sp.end + 1 + len(cue))
            else:
                start = len(text) + 1
                text += f'"{content}," {cue} {name}, {role}.\n\n'
                sp_start = start + len(content) + 3 + len(cue) + 1
                sp = Speaker(name, name, sp_start, sp_start + len(name))
                cue_span = Span(cue, start + len(content) + 3, start + len(content) + 3 + len(cue))
            quotes.append(
                Quote(
                    text=content,
                    start=start,
                    end=start + len(content),
                    kind=kind,  # type: ignore[arg-type]
                    speaker=sp,
                    cue=cue_span,
                    channel="Facebook" if "Facebook" in cue else None,
                    when=when,
                    when_basis="text" if when else "article date",
                )
            )
            text += self.words(rng.randint(10, 25)).capitalize() + ".\n\n"
        return ArticleRecord(
            id=f"a{i}",
            date=day,
            title=title,
            url=f"https://news.example/{i}",
            outlet=outlet,
            quotes=tuple(quotes),
            people=tuple(people.values()),
            text=text,
        )


def build_bank(n: int, cache: Path = CACHE) -> Path:
    """The bank of ``n`` made-up articles, built once and reused."""
    db = cache / f"bank-{n}.db"
    if db.exists():
        return db
    cache.mkdir(parents=True, exist_ok=True)
    tmp = db.with_suffix(".building.db")
    for p in cache.glob(tmp.name + "*"):
        p.unlink()
    corpus = Corpus()
    t0 = time.perf_counter()
    with Store(tmp) as store:
        for i in range(0, n, 1000):
            store.add([corpus.article(j) for j in range(i, min(n, i + 1000))])
            done = min(n, i + 1000)
            rate = done / (time.perf_counter() - t0)
            print(f"\rbuilding {db.name}: {done:,}/{n:,} articles ({rate:,.0f}/s)", end="")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.conn.execute("ANALYZE")
    print()
    tmp.rename(db)
    for p in cache.glob(tmp.name + "*"):  # the writer's lock file
        p.unlink()
    return db


# -- the server and its clients --------------------------------------------------------


def start_server(db: Path) -> tuple[subprocess.Popen[str], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = "from saidwhen.cli import main; main()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "serve", "--db", str(db), "--port", str(port), "--quiet"],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    line = proc.stderr.readline()
    if " at " not in line:
        proc.kill()
        raise SystemExit(f"the server did not start: {line}{proc.stderr.read()}")
    return proc, line.split(" at ")[-1].split()[0]


def fetch(conn: http.client.HTTPConnection, path: str) -> float:
    t = time.perf_counter()
    conn.request("GET", path)
    res = conn.getresponse()
    body = res.read()
    elapsed = time.perf_counter() - t
    if res.status != 200:
        raise SystemExit(f"{path}: {res.status} {body[:300]!r}")
    return elapsed


def pct(samples: list[float], q: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, round(q / 100 * (len(s) - 1)))]


def page_mix(db: Path, rng: random.Random, n: int) -> dict[str, list[str]]:
    """``n`` paths of each page, drawn from what the bank holds."""
    import sqlite3

    conn = sqlite3.connect(db)
    people = [r[0] for r in conn.execute("SELECT id FROM people ORDER BY n_occurrences DESC")]
    names = [r[0] for r in conn.execute("SELECT name FROM people ORDER BY random() LIMIT 200")]
    n_articles = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
    outlets = [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles")]
    sample = [r[0] for r in conn.execute("SELECT text FROM quotes ORDER BY random() LIMIT 500")]
    conn.close()

    def word() -> str:
        return rng.choice(rng.choice(sample).split())

    def person() -> int:  # the most quoted as often as the rest
        return rng.choice(people[:20]) if rng.random() < 0.5 else rng.choice(people)

    year = lambda: rng.randint(2015, 2024)  # noqa: E731
    pages = {
        "/ (landing)": lambda: "/",
        "/?text=word": lambda: "/?" + urlencode({"text": word()}),
        "/?text=two words": lambda: "/?" + urlencode({"text": f"{word()} {word()}"}),
        "/?speaker=": lambda: "/?" + urlencode({"speaker": rng.choice(names)}),
        "/?outlet=&year=": lambda: (
            "/?" + urlencode({"outlet": rng.choice(outlets), "year": year()})
        ),
        "/?text=&page=3": lambda: "/?" + urlencode({"text": word(), "page": 3}),
        "/people/ID": lambda: f"/people/{person()}",
        "/people/ID?text=": lambda: f"/people/{person()}?" + urlencode({"text": word()}),
        "/articles/ID": lambda: f"/articles/{rng.randint(1, n_articles)}",
        "/api/search?text=": lambda: "/api/search?" + urlencode({"text": word()}),
        "/api/people/ID": lambda: f"/api/people/{person()}",
        "/api/articles/ID": lambda: f"/api/articles/{rng.randint(1, n_articles)}",
    }
    return {name: [make() for _ in range(n)] for name, make in pages.items()}


def cpu_seconds(pid: int) -> float:
    """The server's CPU time so far (user + system), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def sequential(
    url: str, mix: dict[str, list[str]], pid: int
) -> tuple[dict[str, list[float]], dict[str, float]]:
    """Latencies per page, and the server's CPU milliseconds per request of each page
    (a figure that other work on the machine does not inflate)."""
    u = urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname or "127.0.0.1", u.port, timeout=30)
    out: dict[str, list[float]] = {}
    cpu: dict[str, float] = {}
    for name, paths in mix.items():
        fetch(conn, paths[0])  # warm
        before = cpu_seconds(pid)
        out[name] = [fetch(conn, p) for p in paths]
        cpu[name] = (cpu_seconds(pid) - before) * 1000 / len(paths)
    conn.close()
    return out, cpu


def concurrent(url: str, paths: list[str], clients: int) -> list[float]:
    u = urlsplit(url)
    times: list[float] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        conn = http.client.HTTPConnection(u.hostname or "127.0.0.1", u.port, timeout=30)
        mine = [fetch(conn, p) for p in paths[k::clients]]
        conn.close()
        with lock:
            times.extend(mine)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=100, help="per page")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = ap.parse_args()

    db = build_bank(args.articles, args.cache)
    rng = random.Random(11)
    mix = page_mix(db, rng, args.requests)
    proc, url = start_server(db)
    try:
        seq, cpu = sequential(url, mix, proc.pid)
        # every client on its own keep-alive connection: light pages (an article, a speaker's
        # search, the landing page), then a heavier mix (word searches, person pages, articles)
        pools = {
            "light": ("/articles/ID", "/api/articles/ID", "/?speaker=", "/ (landing)"),
            "mixed": ("/?text=word", "/people/ID", "/articles/ID"),
        }
        conc: dict[str, list[float]] = {}
        for label, names in pools.items():
            pool = [p for name in names for p in mix[name]] * 2
            rng.shuffle(pool)
            conc[label] = concurrent(url, pool, args.clients)
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    size = db.stat().st_size / 1e6
    load = os.getloadavg()[0]
    print(f"bank: {args.articles:,} articles ({size:,.0f} MB), {args.requests} requests per page")
    print(
        f"load average at the end: {load:.1f} on {os.cpu_count()} cores (latencies are wall"
        " clock; cpu: the server's CPU time per request, mean)"
    )
    print(f"{'page':<22} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'cpu ms':>8}")
    figures: dict[str, dict[str, float]] = {}
    for name, times in seq.items():
        ms = [t * 1000 for t in times]
        row = {str(q): pct(ms, q) for q in (50, 95, 99)} | {"max": max(ms), "cpu": cpu[name]}
        figures[name] = row
        print(
            f"{name:<22} {row['50']:8.1f} {row['95']:8.1f} {row['99']:8.1f} {row['max']:8.1f}"
            f" {row['cpu']:8.1f}"
        )
    conc_fig = {}
    for label, times in conc.items():
        ms = [t * 1000 for t in times]
        conc_fig[label] = {"p50": pct(ms, 50), "p99": pct(ms, 99), "max": max(ms)}
        print(
            f"{args.clients} clients at once, {label} pages, {len(ms)} requests:"
            f" p50 {pct(ms, 50):.1f} ms, p99 {pct(ms, 99):.1f} ms, max {max(ms):.1f} ms,"
            f" mean {statistics.mean(ms):.1f} ms"
        )
    if args.json:
        print(json.dumps({"pages": figures, "concurrent": conc_fig}, indent=1))


if __name__ == "__main__":
    main()
