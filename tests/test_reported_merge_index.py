"""The merge's lookups (drafts overlapping a report, drafts whose speaker starts in a
range) give what a scan of every draft gives, on random drafts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from saidwhen.extract.speech.merge import _BySpeaker, _ByStart, _frame_reach
from saidwhen.extract.speech.types import Draft
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
    assert _ids(_ByStart(ds).overlapping(start, end)) == _ids(scan)


@given(drafts(), st.integers(0, 110), st.integers(0, 40), st.integers(0, 100))
def test_speakers_between_follow_a_changed_speaker(
    ds: list[Draft], start: int, length: int, moved: int
) -> None:
    index = _BySpeaker(ds)
    index.between(0, 0)
    if ds:  # a speaker taken over from a report
        ds[0].speaker = Speaker(None, "y", moved, moved + 1)
        index.stale = True
    end = start + length
    found = {id(d) for d in index.between(start, end)}
    assert found == {id(d) for d in ds if d.speaker and start <= d.speaker.start <= end}


def test_a_speaker_past_the_reports_first_word_cannot_be_its_only_words() -> None:
    text = "He recalled that she said, \u201cno.\u201d"
    report = Draft(text.index("that"), text.index(","), "indirect")
    # "that" is passed over; "she" is the first other word: a speaker starting after
    # its fourth character would leave "she" in the report's own words
    assert _frame_reach(text, report) == text.index("she") + 4
    only_that = Draft(text.index("that"), text.index("that") + 4, "indirect")
    assert _frame_reach(text, only_that) == len(text)
