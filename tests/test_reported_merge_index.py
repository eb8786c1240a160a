"""The merge's lookups (drafts overlapping a report, drafts whose speaker starts in a
range) give what a scan of every draft gives, on random drafts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from saidwhen.extract.speech.merge import _BySpeaker, _frame_reach
from saidwhen.extract.speech.types import ByStart, Draft
from saidwhen.model import Speaker


@st.composite
def drafts(draw: st.DrawFn) -> list[Draft]:
    out = []
    for _ in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, 80))
        end = start + draw(st.integers(1, 30))
        speaker = None
        if draw(st.booleans()):
            s = draw(st.integers(0, 100))
            speaker = Speaker(None, "x", s, s + 1)
        out.append(Draft(start, end, "direct", speaker=speaker))
    return out


def _ids(ds: list[Draft]) -> list[int]:
    return [id(d) for d in ds]


@given(drafts(), st.integers(0, 110), st.integers(1, 40))
def test_overlapping_is_a_scan_in_list_order(ds: list[Draft], start: int, length: int) -> None:
    end = start + length
    scan = [d for d in ds if d.start < end and start < d.end]
    assert _ids(ByStart(ds).overlapping(start, end)) == _ids(scan)


@given(
    drafts(),
    st.integers(0, 110),
    st.integers(0, 40),
    st.lists(st.tuples(st.integers(0, 11), st.one_of(st.none(), st.integers(0, 100))), max_size=6),
)
def test_speakers_between_follow_changed_speakers(
    ds: list[Draft], start: int, length: int, moves: list[tuple[int, int | None]]
) -> None:
    index = _BySpeaker(ds)
    index.between(0, 0)
    for k, moved in moves:  # speakers taken over from reports (or, here, dropped)
        if k < len(ds):
            ds[k].speaker = None if moved is None else Speaker(None, "y", moved, moved + 1)
            index.moved(ds[k])
    end = start + length
    # in order of the speaker's start, then of the list
    scan = sorted(
        (d.speaker.start, i)
        for i, d in enumerate(ds)
        if d.speaker and start <= d.speaker.start <= end
    )
    assert _ids(index.between(start, end)) == [id(ds[i]) for _, i in scan]


def test_a_speaker_past_the_reports_first_word_cannot_be_its_only_words() -> None:
    text = "He recalled that she said, \u201cno.\u201d"
    report = Draft(text.index("that"), text.index(","), "indirect")
    # "that" is passed over; "she" is the first other word: a speaker starting after
    # its fourth character would leave "she" in the report's own words
    assert _frame_reach(text, report) == text.index("she") + 4
    only_that = Draft(text.index("that"), text.index("that") + 4, "indirect")
    assert _frame_reach(text, only_that) == len(text)
