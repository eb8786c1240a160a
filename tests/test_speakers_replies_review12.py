"""A reply after a colon is the replier's, not the owner of the words replied to; "as" of
time is no source ("As Ana Ruiz observed the boats, ..."). Found in review (session 12).

Every article here is made up for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen import extract


@pytest.mark.parametrize(
    "text",
    [
        'Ana Ruiz replied to Tom Lee\'s criticism: "The pier will be rebuilt by May."',
        'Ana Ruiz rejected the council\'s demand: "The pier will be rebuilt by May."',
    ],
)
def test_a_reply_after_a_colon_is_the_repliers(nlp: Any, text: str) -> None:
    rec = extract(text, "2021-05-03", nlp=nlp)
    got = {q.text: q.speaker.name if q.speaker else None for q in rec.quotes}
    assert got["The pier will be rebuilt by May."] == "Ana Ruiz", got


def test_his_own_statement_after_a_colon_stays_his(nlp: Any) -> None:
    text = 'Tom Lee said in his statement: "The pier will be rebuilt by May."'
    rec = extract(text, "2021-05-03", nlp=nlp)
    got = {q.text: q.speaker.name if q.speaker else None for q in rec.quotes}
    assert got["The pier will be rebuilt by May."] == "Tom Lee", got


def test_as_of_time_is_no_source(nlp: Any) -> None:
    text = (
        "As Ana Ruiz observed the boats from the pier, the storm moved in over the bay.\n\n"
        "But as Tom Lee warned, the harbor will flood again."
    )
    rec = extract(text, "2021-05-03", nlp=nlp)
    got = {(q.text, q.speaker.name if q.speaker else None) for q in rec.quotes}
    assert not any(name == "Ana Ruiz" for _, name in got), got
    assert any(name == "Tom Lee" and "flood" in words for words, name in got), got
