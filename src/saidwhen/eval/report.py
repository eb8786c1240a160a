"""What ``saidwhen eval polnear`` shows of the scorer's metrics, and the quality-gate floors.

The shared scorer (``shared/eval/polnear_eval/score.py``) computes every
number; this module only chooses which of its keys to show, sets them
beside the targets of issue 3, and compares them with pinned floors.  All
functions are pure: a metrics dict in, text or data out.

Example:
    >>> m = {"docs": 2, "c_end_to_end": {"span": {"precision": 0.5, "recall": 0.25,
    ...      "f1": 0.3333, "tp": 1, "pred": 2, "gold": 4}}}
    >>> metric(m, "c_end_to_end.span.f1")
    0.3333
    >>> floor_failures(m, {"c_end_to_end.span.f1": 0.4})
    ['c_end_to_end.span.f1 = 0.3333 < floor 0.4']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "FLOOR_PATHS",
    "FLOOR_TOLERANCE",
    "TARGETS",
    "Target",
    "floor_failures",
    "format_summary",
    "format_targets",
    "metric",
    "raised_floors",
]

# A run of the same code can move a metric by one or two matched items: spaCy's
# parse of a sentence may differ with the batch it is parsed in, the BLAS build
# or the CPU.  One item of ~900 gold quotes (or ~2200 attributions) is about
# 0.001; the scorer rounds to 4 decimals.  0.002 absorbs that noise and nothing
# larger: a real regression of a few items still fails the gate.
FLOOR_TOLERANCE = 0.002

# The metrics the quality gate pins: every F1 the issue names, and the speaker
# accuracy.  Precision and recall alone are not pinned, so that a change may
# trade one for the other when F1 does not drop.
FLOOR_PATHS: tuple[str, ...] = (
    "a_detection.exact.f1",
    "a_detection.partial.f1",
    "b_speaker.span_accuracy",
    "c_end_to_end.span.f1",
    "c_end_to_end.loose.f1",
    "e_role_spans.content.exact.f1",
    "e_role_spans.content.partial.f1",
    "e_role_spans.source.exact.f1",
    "e_role_spans.source.partial.f1",
    "e_role_spans.cue.exact.f1",
    "e_role_spans.cue.partial.f1",
    "f_triples.exact.f1",
    "f_triples.partial.f1",
)


@dataclass(frozen=True, slots=True)
class Target:
    """One line of the issue's target table: a scorer key, its goal and a published baseline."""

    label: str
    path: str
    goal: float | None  # None: reported, no goal yet
    baseline: float | None = None
    baseline_name: str = ""


TARGETS: tuple[Target, ...] = (
    Target("direct quotes, end-to-end F1", "c_end_to_end.span.f1", 0.90, 0.51, "textacy"),
    Target("speaker accuracy, found quotes", "b_speaker.span_accuracy", 0.93, 0.83, "textacy"),
    Target("content, exact span F1", "e_role_spans.content.exact.f1", 0.80, 0.729, "CofeNet"),
    Target("source, exact span F1", "e_role_spans.source.exact.f1", 0.88, 0.832, "CofeNet"),
    Target("cue, exact span F1", "e_role_spans.cue.exact.f1", 0.85, 0.753, "CofeNet"),
    Target("linked triples, exact F1", "f_triples.exact.f1", None),
)


def metric(metrics: Mapping[str, Any], path: str) -> float | None:
    """The number at a dotted ``path`` of the scorer's dict, or None when absent."""
    node: Any = metrics
    for key in path.split("."):
        if not isinstance(node, Mapping) or key not in node:
            return None
        node = node[key]
    if isinstance(node, bool) or not isinstance(node, int | float):
        return None
    return float(node) if isinstance(node, int) else node


def _num(value: float | None, width: int = 6) -> str:
    return f"{value:>{width}.4f}" if value is not None else f"{'n/a':>{width}}"


def _prf(metrics: Mapping[str, Any], label: str, path: str) -> str:
    """``label  P  R  F1  tp/pred/gold`` for a precision/recall/F1 dict of the scorer."""
    cells = " ".join(_num(metric(metrics, f"{path}.{k}")) for k in ("precision", "recall", "f1"))
    counts = [metric(metrics, f"{path}.{k}") for k in ("tp", "pred", "gold")]
    tally = "/".join(str(int(c)) if c is not None else "?" for c in counts)
    return f"    {label:<22} {cells}   {tally}"


def _header(title: str) -> str:
    return f"{title:<26} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold"


def format_summary(metrics: Mapping[str, Any], *, split: str = "") -> str:
    """A readable report of the scorer's metrics (a)-(c), (e) and (f), then the targets.

    Missing sections print as ``n/a``, so a partial dict (or a newer scorer
    with fewer keys) never breaks the report.
    """
    docs = metric(metrics, "docs")
    missing = metric(metrics, "docs_missing_in_pred")
    head = f"PolNeAR {split or 'split'}: {int(docs) if docs is not None else '?'} articles"
    if missing:
        head += f" ({int(missing)} without output)"
    lines = [head, ""]

    lines.append(_header("(a) direct-quote detection"))
    lines.append(_prf(metrics, "exact", "a_detection.exact"))
    lines.append(_prf(metrics, "partial", "a_detection.partial"))
    kinds = []
    for kind in ("pure", "mixed"):
        rec = metric(metrics, f"a_recall_by_gold_kind.{kind}.recall")
        gold = metric(metrics, f"a_recall_by_gold_kind.{kind}.gold")
        if gold is not None:
            kinds.append(f"{kind} {_num(rec, 0)} of {int(gold)}")
    if kinds:
        lines.append("    recall by gold kind: " + ", ".join(kinds))

    matched = metric(metrics, "b_speaker.matched_quotes")
    lines.append("")
    lines.append(
        f"(b) speaker accuracy over {int(matched) if matched is not None else '?'} found quotes"
    )
    accuracies = (
        ("span", "span_accuracy"),
        ("loose name", "loose_name_accuracy"),
        ("gold pronoun", "span_accuracy_gold_pronoun"),
        ("gold name", "span_accuracy_gold_nonpronoun"),
    )
    lines.append(
        "    "
        + "   ".join(f"{lab} {_num(metric(metrics, f'b_speaker.{k}'), 0)}" for lab, k in accuracies)
    )

    lines.append("")
    lines.append(_header("(c) end to end"))
    lines.append(_prf(metrics, "span (speaker span)", "c_end_to_end.span"))
    lines.append(_prf(metrics, "loose (speaker name)", "c_end_to_end.loose"))

    lines.append("")
    lines.append(_header("(e) role spans"))
    for role in ("content", "source", "cue"):
        for match in ("exact", "partial"):
            lines.append(_prf(metrics, f"{role} {match}", f"e_role_spans.{role}.{match}"))
    by_kind = []
    for kind in ("direct", "indirect"):
        rec = metric(metrics, f"e_role_spans.content.recall_by_gold_kind.{kind}.exact_recall")
        by_kind.append(f"{kind} {_num(rec, 0)}")
    lines.append("    content exact recall by gold kind: " + ", ".join(by_kind))

    lines.append("")
    lines.append(_header("(f) linked triples"))
    lines.append(_prf(metrics, "exact", "f_triples.exact"))
    lines.append(_prf(metrics, "partial", "f_triples.partial"))

    conversion = metrics.get("conversion")
    if isinstance(conversion, Mapping) and conversion:
        lines.append("")
        lines.append("conversion: " + ", ".join(f"{k} {v}" for k, v in sorted(conversion.items())))
    lines.append("")
    lines.append(format_targets(metrics))
    return "\n".join(lines)


def format_targets(metrics: Mapping[str, Any]) -> str:
    """The issue's target table with the measured value of each line beside it."""
    lines = [f"{'targets (issue 3)':<35} {'measured':>8} {'target':>8}   baseline"]
    for t in TARGETS:
        value = metric(metrics, t.path)
        goal = f">= {t.goal:.2f}" if t.goal is not None else "report"
        base = f"{t.baseline:.3g} {t.baseline_name}" if t.baseline is not None else ""
        if t.goal is None or value is None:
            verdict = ""
        else:
            verdict = "met" if value >= t.goal else f"short by {t.goal - value:.3f}"
        row = f"    {t.label:<31} {_num(value, 8)} {goal:>8}   {base:<14} {verdict}"
        lines.append(row.rstrip())
    return "\n".join(lines)


def floor_failures(
    metrics: Mapping[str, Any],
    floors: Mapping[str, float],
    tolerance: float = FLOOR_TOLERANCE,
) -> list[str]:
    """Each pinned metric that fell below its floor (less ``tolerance``), as a message.

    A pinned metric the scorer no longer reports is a failure too: a floor
    must not pass by going missing.
    """
    failures = []
    for path, floor in sorted(floors.items()):
        value = metric(metrics, path)
        if value is None:
            failures.append(f"{path} missing from the metrics (floor {floor})")
        elif value < floor - tolerance:
            failures.append(f"{path} = {value} < floor {floor}")
    return failures


def raised_floors(
    metrics: Mapping[str, Any], floors: Mapping[str, float], paths: tuple[str, ...] = FLOOR_PATHS
) -> dict[str, float]:
    """Floors moved up to the measured values, never down.

    Every path of ``floors`` and of ``paths`` is kept; one the metrics lack
    keeps its old floor (or 0.0 when new).
    """
    out: dict[str, float] = {}
    for path in (*floors, *(p for p in paths if p not in floors)):
        old = float(floors.get(path, 0.0))
        value = metric(metrics, path)
        out[path] = max(old, value) if value is not None else old
    return out
