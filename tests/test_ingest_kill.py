"""An ingest killed half-way (kill -9, Ctrl-C) leaves a consistent bank; a re-run finishes it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

# enough batches that the ingest still runs when the signal comes, on a busy machine too
N = 480
NAMES = ["Marta Quillon", "Dov Brenner", "Lena Okafor", "Ada Brenner", "Ben Ode", "Ines Varga"]
LINES = [
    "We will finish the bridge before the winter storms arrive",
    "Nobody on this council wants the ferry fares to go up again",
    "The festival brings more visitors to the pier than any other weekend",
    "Our harbor has waited long enough for a proper breakwater",
]
SAIDWHEN = [str(Path(sys.executable).parent / "saidwhen")]


def write_corpus(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(N):
            who, other = NAMES[i % len(NAMES)], NAMES[(i + 1) % len(NAMES)]
            line = LINES[i % len(LINES)]
            text = (
                f'"{line}," said {who}, speaking on day {i}.\n\n'
                f"{other.split()[-1]} disagreed. "
                f'"Article {i} is not the place for that promise," {other} said.'
            )
            rec = {"id": f"k{i}", "date": f"2024-0{1 + i % 9}-{10 + i % 18}", "text": text}
            f.write(json.dumps({**rec, "outlet": f"Outlet {i % 3}"}) + "\n")


def count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=10) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def _as_from_a_terminal() -> None:
    # A shell starts background jobs with Ctrl-C ignored, and an ignored SIGINT is
    # inherited: under `make test &` the ingest would never see the Ctrl-C sent here.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    cmd = [*SAIDWHEN, "ingest", str(corpus), "--db", str(db), "--workers", "2", "--no-progress"]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    return subprocess.Popen(
        cmd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_as_from_a_terminal,
    )


def running(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    """An ingest with its workers at work: a first batch is committed, more to come."""
    proc = run(corpus, db)
    deadline = time.monotonic() + 120
    while count(db) < 32 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest ended before it could be interrupted"
    return proc


def children(pid: int) -> list[int]:
    """Every descendant of ``pid``: the workers are the fork server's children."""
    kids: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        try:
            stat = (d / "stat").read_text()
            kids.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(d.name))
        except (OSError, ValueError):
            continue
    out, todo = [], list(kids.get(pid, []))
    while todo:
        out.append(todo.pop())
        todo.extend(kids.get(out[-1], []))
    return out


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def snapshot(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as conn:
        q = conn.execute
        return {
            "integrity": q("PRAGMA integrity_check").fetchone()[0],
            "articles": q("SELECT count(*) FROM articles").fetchone()[0],
            "distinct_ids": q("SELECT count(DISTINCT ext_id) FROM articles").fetchone()[0],
            "quotes": q("SELECT count(*) FROM quotes").fetchone()[0],
            "occurrences": q("SELECT count(*) FROM occurrences").fetchone()[0],
            "counted": q("SELECT coalesce(sum(n_occurrences), 0) FROM people").fetchone()[0],
            "attributed": q(
                "SELECT count(*) FROM occurrences WHERE speaker_id IS NOT NULL"
            ).fetchone()[0],
            "doubled": q(
                "SELECT count(*) FROM (SELECT 1 FROM occurrences"
                " GROUP BY article_id, start, end HAVING count(*) > 1)"
            ).fetchone()[0],
            "orphans": q(
                "SELECT count(*) FROM occurrences WHERE article_id NOT IN (SELECT id FROM articles)"
                " OR quote_id NOT IN (SELECT id FROM quotes)"
            ).fetchone()[0],
            "people": q("SELECT count(*) FROM people").fetchone()[0],
        }


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    root = tmp_path_factory.mktemp("kill")
    corpus = root / "corpus.jsonl"
    write_corpus(corpus)
    db = root / "clean.db"
    from saidwhen.engine.local import ingest

    ingest([corpus], db, workers=1)  # in this process: the same steps, one run, no kill
    return corpus, snapshot(db)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_interrupted_ingest_resumes_without_duplicates(
    reference: tuple[Path, dict[str, object]], tmp_path: Path, sig: signal.Signals
) -> None:
    corpus, clean = reference
    assert clean["articles"] == N and clean["occurrences"]
    db = tmp_path / "bank.db"
    proc = running(corpus, db)
    workers = children(proc.pid)
    if sig == signal.SIGINT:
        # what Ctrl-C does in a terminal: the signal goes to the whole process group
        proc.send_signal(sig)
    else:
        proc.kill()
    proc.wait(timeout=60)
    assert proc.returncode == (130 if sig == signal.SIGINT else -signal.SIGKILL)
    deadline = time.monotonic() + 10
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(alive, workers)), "worker processes outlived the ingest"

    partial = snapshot(db)
    assert partial["integrity"] == "ok"
    assert 0 < partial["articles"] < N  # type: ignore[operator]
    assert partial["counted"] == partial["attributed"]
    assert partial["doubled"] == partial["orphans"] == 0

    again = run(corpus, db)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    assert f"{partial['articles']} already there" in err.decode()
    assert snapshot(db) == clean


# A worker stopped while it sends a large result: the pool must still shut down.
_STOPPED_MID_SEND = """
import threading, time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from saidwhen.engine.local import _terminate

def big(mb):
    return b"x" * (mb << 20)

if __name__ == "__main__":
    for delay in (0.0, 0.05, 0.1):
        pool = ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn"))
        futures = [pool.submit(big, 128) for _ in range(6)]
        futures[0].result()
        time.sleep(delay)
        _terminate(pool)
        pool.shutdown(wait=True, cancel_futures=True)
    print("shut down")
"""


def test_stopping_workers_mid_reply_does_not_hang_the_pool(tmp_path: Path) -> None:
    script = tmp_path / "stop_mid_send.py"
    script.write_text(_STOPPED_MID_SEND)
    # before the fix, shutdown waited for ever on the half-read reply (3 of 3 here)
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "shut down"


def _fork_server(pid: int) -> int | None:
    for kid in children(pid):
        try:
            if b"forkserver" in Path(f"/proc/{kid}/cmdline").read_bytes():
                return kid
        except OSError:
            continue
    return None


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_while_the_workers_start_prints_no_traceback(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group, the fork server loading the pipeline too."""
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus)
    cmd = [*SAIDWHEN, "ingest", str(corpus), "--db", str(tmp_path / "b.db"), "--workers", "2"]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    proc = subprocess.Popen(
        [*cmd, "--no-progress"],
        env=env,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_as_from_a_terminal,
    )
    deadline = time.monotonic() + 60
    while _fork_server(proc.pid) is None and time.monotonic() < deadline:
        time.sleep(0.01)
    server = _fork_server(proc.pid)
    assert server is not None, "no fork server started"
    workers = children(proc.pid)
    os.killpg(proc.pid, signal.SIGINT)  # before it has loaded spaCy (1-2 s)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err.decode(), err.decode()
    deadline = time.monotonic() + 10
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(alive, workers)), "the fork server or a worker outlived the ingest"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_killed_is_a_coded_error_and_the_rerun_finishes(
    reference: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    """The out-of-memory killer, say: the ingest stops with a coded error, no traceback."""
    corpus, clean = reference
    db = tmp_path / "bank.db"
    proc = running(corpus, db)
    server = _fork_server(proc.pid)
    assert server is not None
    os.kill(children(server)[0], signal.SIGKILL)  # a worker: the fork server's child
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert "[E400] a worker process died" in err.decode()
    assert "Traceback" not in err.decode(), err.decode()
    assert 0 < snapshot(db)["articles"] < N  # type: ignore[operator]
    again = run(corpus, db)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    assert snapshot(db) == clean
