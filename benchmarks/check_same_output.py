"""Check that a speed change leaves the output byte for byte the same.

    python benchmarks/check_same_output.py dump before.jsonl [--sets dev,train,realnews]
    ... change the code ...
    python benchmarks/check_same_output.py dump after.jsonl
    python benchmarks/check_same_output.py diff before.jsonl after.jsonl

``dump`` writes ``record.to_dict()`` of every article (PolNeAR dev and train,
the real-news pages), one JSON line each with sorted keys, and prints the
SHA-256 of the file.  The parses are cached (``--cache``, default
``/tmp/saidwhen-parse-cache``) as ``Doc.to_bytes`` per set, keyed by the
texts and the installed pipeline, so that a second dump runs only the
extraction; ``--fresh`` parses again (the cached docs give the same records:
check it once with ``--fresh`` and ``diff``).  ``diff`` names the first
articles whose records differ and the first differing key.

    python benchmarks/check_same_output.py time [--sets dev] [--repeat 3]

``time`` runs the extraction stages over the cached parses ``--repeat``
times and prints each stage's least CPU seconds: run it in turn with
``PYTHONPATH`` pointing at two versions of ``src`` to compare them in one
session (the parse, the same for both, is left out).

    python benchmarks/check_same_output.py ab SRC_A SRC_B [--sets dev] [--passes 2]

``ab`` compares two versions of ``src`` more finely than ``time`` run twice: two
processes, one per version, take turns article by article on one core (``--core``),
each handing the other a byte through a pipe when it is done, and each adds up its
own CPU seconds (extraction and ``to_dict``); then again with the other one first.
On a shared machine the load moves between two runs of a minute by 10% or more; in
turn, article by article, both versions see the same load: two runs of one version
against itself came to 1.009 and 1.018 one way, so differences of 2% and more show.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench_profile import STAGES
from bench_profile import time_stages as instrument

SETS = ("dev", "train", "realnews")


def _articles(name: str) -> list[Any]:
    from saidwhen.model import Article

    if name == "realnews":
        from saidwhen.eval.realnews import default_data_dir, load_gold

        data_dir = default_data_dir()
        return [
            Article(
                text=g["text"],
                date=dt.date.fromisoformat(g["date"]),
                id=g["name"],
                source=str(data_dir / f"{g['name']}.json"),
            )
            for g in load_gold(data_dir)
        ]
    from saidwhen.eval import polnear

    scorer, _, _ = polnear.load_scorer()
    gold = scorer.load_split(name, data_dir=str(polnear.default_data_dir()))
    return polnear.articles_from_gold(gold)


def _docs(name: str, arts: list[Any], nlp: Any, cache: Path, fresh: bool) -> list[Any]:
    """The parse of each article (None for one extracted in segments), cached on disk."""
    import pickle

    import spacy
    from spacy.tokens import Doc

    from saidwhen import pipeline
    from saidwhen.nlp import MODEL_NAME, parse_many

    short = [a for a in arts if len(a.text) <= pipeline.SEGMENT_CHARS]
    key = hashlib.sha256()
    for a in short:
        key.update(pipeline._nlp_text(a).encode())
    key.update(f"{spacy.__version__} {MODEL_NAME} {nlp.pipe_names}".encode())
    # the tokenizer's rules are ours too (nlp.py): a change to them is a new parse
    infix = getattr(nlp.tokenizer, "infix_finditer", None)
    key.update(str(getattr(getattr(infix, "__self__", None), "pattern", "")).encode())
    path = cache / f"{name}-{key.hexdigest()[:16]}.pickle"
    if path.exists() and not fresh:
        blobs = pickle.loads(path.read_bytes())
        parsed = [Doc(nlp.vocab).from_bytes(b) for b in blobs]
    else:
        parsed = list(parse_many(nlp, map(pipeline._nlp_text, short)))
        cache.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps([d.to_bytes() for d in parsed]))
    it = iter(parsed)
    return [next(it) if len(a.text) <= pipeline.SEGMENT_CHARS else None for a in arts]


def dump(out: Path, sets: list[str], cache: Path, fresh: bool) -> None:
    from saidwhen import pipeline
    from saidwhen.nlp import load_nlp

    nlp = load_nlp()
    spent = 0.0
    with out.open("w", encoding="utf-8") as fh:
        for name in sets:
            arts = _articles(name)
            docs = _docs(name, arts, nlp, cache, fresh)
            t0 = time.process_time()
            with pipeline.fewer_collections():
                for art, doc in zip(arts, docs, strict=True):
                    if doc is None:
                        rec = pipeline._extract_long(art, nlp, keep_text=False)
                    else:
                        rec = pipeline.record_from_doc(art, doc)
                    line = json.dumps(rec.to_dict(), sort_keys=True, ensure_ascii=False)
                    fh.write(f"{name}\t{art.id}\t{line}\n")
            spent += time.process_time() - t0
            print(f"{name}: {len(arts)} articles", file=sys.stderr)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    print(f"{out}: sha256 {digest} (extraction {spent:.1f} cpu s)")


def time_stages(sets: list[str], cache: Path, repeat: int) -> dict[str, float]:
    """The least CPU seconds of each stage (and in all) over ``repeat`` passes."""
    from saidwhen import pipeline
    from saidwhen.nlp import load_nlp

    nlp = load_nlp()
    work = []
    for name in sets:
        arts = _articles(name)
        work += [(a, d) for a, d in zip(arts, _docs(name, arts, nlp, cache, False), strict=True)]
    spent = instrument(pipeline)
    best: dict[str, float] = {}
    for _ in range(repeat):
        spent.update(dict.fromkeys(STAGES, 0.0))
        t0 = time.process_time()
        with pipeline.fewer_collections():
            for art, doc in work:
                if doc is not None:
                    pipeline.record_from_doc(art, doc)
        spent_all = {**spent, "all": time.process_time() - t0}
        best = {k: min(best.get(k, v), v) for k, v in spent_all.items()}
    return {k: round(v, 3) for k, v in best.items()}


def ab(src_a: Path, src_b: Path, sets: str, passes: int, core: int) -> dict[str, Any]:
    """CPU seconds of each version's extraction, the two run in turn article by article,
    twice: the one that goes second is about 1% slower (A against A: 1.009, 1.018), so
    each version goes first once, and the ratio is the geometric mean of the two."""
    ab_ = _in_turn(src_a, src_b, sets, passes, core)
    ba = _in_turn(src_b, src_a, sets, passes, core)
    return {
        "a": [ab_[0], ba[1]],
        "b": [ab_[1], ba[0]],
        "b/a": round(((ab_[1] / ab_[0]) * (ba[0] / ba[1])) ** 0.5, 4),
    }


def _in_turn(src_a: Path, src_b: Path, sets: str, passes: int, core: int) -> list[float]:
    a_to_b, b_to_a = os.pipe(), os.pipe()
    procs = []
    for role, src, (rfd, wfd) in (
        ("first", src_a, (b_to_a[0], a_to_b[1])),
        ("second", src_b, (a_to_b[0], b_to_a[1])),
    ):
        env = {**os.environ, "PYTHONPATH": str(src.resolve()), "OMP_NUM_THREADS": "1"}
        env["PYTHONHASHSEED"] = "0"  # the same sets in the same order in both
        cmd = [sys.executable, __file__, "_turns", role, str(rfd), str(wfd), sets, str(passes)]
        pin = ["taskset", "-c", str(core)] if core >= 0 else []
        procs.append(
            subprocess.Popen([*pin, *cmd], env=env, stdout=subprocess.PIPE, pass_fds=(rfd, wfd))
        )
    for fd in (*a_to_b, *b_to_a):
        os.close(fd)
    spent = [float(p.communicate()[0]) for p in procs]
    if any(p.returncode for p in procs):
        raise SystemExit("a version failed")
    return [round(s, 3) for s in spent]


def _turns(role: str, rfd: int, wfd: int, sets: str, passes: int) -> None:
    """One side of :func:`ab`: wait for the other's byte, extract one article, pass it on."""
    from saidwhen import pipeline
    from saidwhen.nlp import load_nlp

    nlp = load_nlp()
    work = []
    for name in sets.split(","):
        arts = _articles(name)
        docs = _docs(name, arts, nlp, Path("/tmp/saidwhen-parse-cache"), False)
        work += [(a, d) for a, d in zip(arts, docs, strict=True) if d is not None]
    pipeline.record_from_doc(*work[0])  # lazy loads (the tagger, lexicons) left out
    spent = 0.0
    with os.fdopen(rfd, "rb", buffering=0) as rf, os.fdopen(wfd, "wb", buffering=0) as wf:
        if role == "first":
            wf.write(b".")
        with pipeline.fewer_collections():
            for _ in range(passes):
                for art, doc in work:
                    rf.read(1)
                    t0 = time.process_time()
                    pipeline.record_from_doc(art, doc).to_dict()
                    spent += time.process_time() - t0
                    # after the other side's last turn, its end of the pipe is closed
                    with contextlib.suppress(BrokenPipeError):
                        wf.write(b".")
    print(spent)


def _first_diff(a: Any, b: Any, path: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(a.keys() | b.keys()):
            if a.get(k) != b.get(k):
                return _first_diff(a.get(k), b.get(k), f"{path}.{k}")
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return _first_diff(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            return f"{path}: {len(a)} items -> {len(b)}"
    return f"{path}: {json.dumps(a)[:200]} -> {json.dumps(b)[:200]}"


def diff(before: Path, after: Path, show: int = 10) -> int:
    lines_a = before.read_text(encoding="utf-8").splitlines()
    lines_b = after.read_text(encoding="utf-8").splitlines()
    if len(lines_a) != len(lines_b):
        print(f"{len(lines_a)} records -> {len(lines_b)}")
    differ = 0
    for la, lb in zip(lines_a, lines_b, strict=False):
        if la == lb:
            continue
        differ += 1
        if differ <= show:
            name, ident, ja = la.split("\t", 2)
            jb = lb.split("\t", 2)[2]
            print(f"{name} {ident}: {_first_diff(json.loads(ja), json.loads(jb))}")
    print(f"{differ} of {len(lines_a)} records differ")
    return 1 if differ or len(lines_a) != len(lines_b) else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--sets", default=",".join(SETS))
    d.add_argument("--cache", type=Path, default=Path("/tmp/saidwhen-parse-cache"))
    d.add_argument("--fresh", action="store_true", help="parse again, ignoring the cache")
    t = sub.add_parser("time")
    t.add_argument("--sets", default="dev")
    t.add_argument("--cache", type=Path, default=Path("/tmp/saidwhen-parse-cache"))
    t.add_argument("--repeat", type=int, default=3)
    b = sub.add_parser("ab")
    b.add_argument("src_a", type=Path)
    b.add_argument("src_b", type=Path)
    b.add_argument("--sets", default="dev")
    b.add_argument("--passes", type=int, default=2)
    b.add_argument("--core", type=int, default=0, help="-1: not pinned")
    t2 = sub.add_parser("_turns")
    for name in ("role", "rfd", "wfd", "sets", "passes"):
        t2.add_argument(name)
    c = sub.add_parser("diff")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.out, args.sets.split(","), args.cache, args.fresh)
    elif args.cmd == "ab":
        print(json.dumps(ab(args.src_a, args.src_b, args.sets, args.passes, args.core)))
    elif args.cmd == "_turns":
        _turns(args.role, int(args.rfd), int(args.wfd), args.sets, int(args.passes))
    elif args.cmd == "time":
        print(json.dumps(time_stages(args.sets.split(","), args.cache, args.repeat)))
    else:
        sys.exit(diff(args.before, args.after))


if __name__ == "__main__":
    main()
