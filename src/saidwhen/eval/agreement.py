"""How far two human annotators agree on speakers and dates: the ceiling of the realnews figures.

A second annotator, given an annotated set's statements (spans and kinds) without their
speakers and dates, fills those in on their own. Each second file holds, per record, its
``start``/``end``/``kind`` and the second ``speaker``, ``speaker_alt`` and ``when``. The first
annotation is the gold; the comparison uses the shared realnews scorer's own tests
(``speaker_ok``, ``when_ok``, ``dated``), so the figures read like the system's:
speaker right (name or surname, against the gold's name and alternatives), the exact name
(on quotations, as the scorer counts it), and dates on the records whose gold date the
scorer counts.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

from saidwhen.errors import SaidwhenError
from saidwhen.eval.realnews import load_gold, load_scorer

__all__ = ["agreement", "format_agreement"]


def _second(path: Path) -> dict[tuple[int, int, str], dict[str, Any]]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise SaidwhenError(f"cannot read second annotation {path}: {err}") from None
    out = {}
    for i, q in enumerate(doc.get("quotes", [])):
        try:
            out[(int(q["start"]), int(q["end"]), str(q["kind"]))] = q
        except (KeyError, TypeError, ValueError):
            raise SaidwhenError(f"{path}: record {i} needs start, end and kind") from None
    return out


def agreement(gold_dir: Path, second_dir: Path, scorer: ModuleType | None = None) -> dict[str, Any]:
    """Counts and ratios of the second annotation against the gold, over the records both hold."""
    if not second_dir.is_dir():
        raise SaidwhenError(f"second annotation not found: {second_dir}")
    score = scorer or load_scorer()
    t = dict(records=0, missing=0, speaker_ok=0, speaker_exact=0, dated=0, when_ok=0)
    kinds: dict[str, list[int]] = {"direct": [0, 0], "indirect": [0, 0]}
    for doc in load_gold(gold_dir):
        path = second_dir / f"{doc['name']}.json"
        second = _second(path) if path.exists() else {}
        for q in doc["quotes"]:
            s = second.get((q["start"], q["end"], q["kind"]))
            if s is None:
                t["missing"] += 1
                continue
            t["records"] += 1
            ok = bool(
                score.speaker_ok(
                    s.get("speaker") or "", q.get("speaker") or "", q.get("speaker_alt", ())
                )
            )
            t["speaker_ok"] += ok
            direct = q["kind"] != "indirect"
            # exact names, like the scorer's, on quotations only
            same = score.tokens(s.get("speaker")) == score.tokens(q.get("speaker"))
            t["speaker_exact"] += direct and same
            k = kinds["direct" if direct else "indirect"]
            k[0] += 1
            k[1] += ok
            if score.dated(q.get("when")):
                t["dated"] += 1
                t["when_ok"] += bool(
                    score.when_ok(s.get("when") or "", q["when"], doc["date"], doc["date"])
                )

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    return {
        **t,
        "speaker": ratio(t["speaker_ok"], t["records"]),
        "exact": ratio(t["speaker_exact"], kinds["direct"][0]),
        "direct_speaker": ratio(kinds["direct"][1], kinds["direct"][0]),
        "indirect_speaker": ratio(kinds["indirect"][1], kinds["indirect"][0]),
        "when": ratio(t["when_ok"], t["dated"]),
    }


def format_agreement(m: dict[str, Any]) -> str:
    return (
        f"records compared          {m['records']} ({m['missing']} without a second reading)\n"
        f"speaker agrees            {m['speaker']:.3f} (direct and fragments "
        f"{m['direct_speaker']:.3f}, reported {m['indirect_speaker']:.3f})\n"
        f"same name exactly         {m['exact']:.3f} (quotations)\n"
        f"date agrees               {m['when']:.3f} ({m['when_ok']}/{m['dated']} dated by the gold)"
    )
