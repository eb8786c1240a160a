"""A sure frame that is no verb with a clause, inside another source's report (issue
10), on hand-built sentences written fresh: "urged members to ...", "slammed X for ...",
"compared X to ..." said by someone named is a report of its own, beside the outer one;
the same source's next act inside its own words adds no report of its own."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # a directive frame
            "Dana Hale said Mark Lee urged the harbor board to close the north pier "
            "before winter.\n",
            "to close the north pier",
            "Mark Lee",
        ),
        (  # a frame of blame with a reason
            "The Harbor Gazette reported that Mark Lee criticized the harbor board for "
            "raising the mooring fees twice this year.\n",
            "raising the mooring fees",
            "Mark Lee",
        ),
    ],
)
def test_a_frame_inside_another_sources_report_is_its_own(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    quotes = [q for q in run(text, nlp).quotes if q.kind == "indirect"]
    inner = [q for q in quotes if words in q.text and who(q) == speaker]
    assert inner, [(q.text, who(q)) for q in quotes]
    # the outer report stays, with its own speaker
    outer = [p for p in quotes if p.start < inner[0].start and inner[0].end <= p.end]
    assert outer and who(outer[0]) != speaker


def test_the_same_sources_next_act_is_no_nested_report(nlp: Any) -> None:
    text = (
        "Mark Lee said he had read the harbor report and slammed the mooring fees as "
        "a burden on fishermen.\n"
    )
    quotes = [q for q in run(text, nlp).quotes if q.kind == "indirect"]
    assert quotes
    assert all(who(q) == "Mark Lee" for q in quotes)
    # no report of his inside another report of his
    assert not any(
        p is not q and p.start <= q.start and q.end <= p.end for p in quotes for q in quotes
    )
