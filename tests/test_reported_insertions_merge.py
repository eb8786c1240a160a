"""Source insertions ("As Ana Ruiz observed, ...") join the reports as a scan of every
report for each insertion joins them: those that overlap no report, dropping the
reports inside their cue; and an article of many insertions is no scan for each."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saidwhen.extract.speech import merge
from saidwhen.extract.speech.merge import _with_insertions, _within
from saidwhen.extract.speech.types import Draft
from saidwhen.model import Span


@st.composite
def drafts(draw: st.DrawFn) -> list[Draft]:
    out = []
    for _ in range(draw(st.integers(0, 10))):
        start = draw(st.integers(0, 80))
        d = Draft(start, start + draw(st.integers(1, 25)), "indirect")
        if draw(st.booleans()):
            c = draw(st.integers(0, 100))
            d.cue = Span("as", c, c + draw(st.integers(1, 6)))
        out.append(d)
    return out


def _scan(out: list[Draft], insertions: list[Draft]) -> list[Draft]:
    for r in insertions:
        if not any(q.start < r.end and r.start < q.end for q in out):
            out = [q for q in out if not (r.cue is not None and _within(q, r.cue.start, r.start))]
            out.append(r)
    return out


@given(drafts(), drafts())
def test_insertions_join_as_a_scan_joins_them(reports: list[Draft], ins: list[Draft]) -> None:
    assert [id(d) for d in _with_insertions(reports, ins)] == [id(d) for d in _scan(reports, ins)]


def test_many_insertions_look_at_their_neighbours_only(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = merge._within

    def counted(report: Draft, start: int, end: int) -> bool:
        seen.append(1)
        return real(report, start, end)

    monkeypatch.setattr(merge, "_within", counted)
    # "But as Ana Ruiz observed in a letter to the board, item 7 is late.": a report
    # inside each insertion's cue, then the insertion's words
    reports = [Draft(100 * k + 20, 100 * k + 30, "indirect") for k in range(300)]
    ins = []
    for k in range(300):
        d = Draft(100 * k + 40, 100 * k + 90, "indirect")
        d.cue = Span("as observed in", 100 * k, 100 * k + 35)
        ins.append(d)
    kept = _with_insertions(reports, ins)
    assert [(d.start, d.end) for d in kept] == [(d.start, d.end) for d in ins]
    assert len(seen) <= 2 * len(ins)
