"""The cues a tagged content may go to (of its sentence, or a few tokens from it) are
those a scan of all the paragraph's cues gives, in the cue list's order; and a long
paragraph of many cues is not every cue for every content."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from saidwhen.extract.speech.decode import MAX_CONTENT_GAP, _CuesNear, _gap
from saidwhen.extract.speech.types import TaggedSpan

_N = 400  # tokens


def _sentences(cuts: list[int]) -> tuple[list[int], list[int]]:
    bounds = sorted({0, _N, *cuts})
    start, end = [0] * _N, [0] * _N
    for a, b in itertools.pairwise(bounds):
        for i in range(a, b):
            start[i], end[i] = a, b
    return start, end


spans = st.lists(
    st.tuples(st.integers(0, _N - 1), st.integers(1, 12)).map(
        lambda t: TaggedSpan("CUE", t[0], min(_N, t[0] + t[1]))
    ),
    max_size=15,
)


@given(spans, spans, st.lists(st.integers(1, _N - 1), max_size=20))
def test_near_cues_are_a_scan(
    cues: list[TaggedSpan], cons: list[TaggedSpan], cuts: list[int]
) -> None:
    start, end = _sentences(cuts)
    near = _CuesNear(cues, start, end)
    for con in cons:
        scan = [
            c for c in cues if start[c.start] == start[con.start] or _gap(c, con) <= MAX_CONTENT_GAP
        ]
        assert near.of(con) == scan


def test_a_long_paragraph_gives_each_content_its_neighbours_only() -> None:
    cues = [TaggedSpan("CUE", 10 * k, 10 * k + 1) for k in range(_N // 10)]
    start, end = _sentences(list(range(10, _N, 10)))  # a sentence of 10 tokens each
    near = _CuesNear(cues, start, end)
    assert [len(near.of(TaggedSpan("CON", i, i + 5))) for i in (3, 203)] == [5, 8]
