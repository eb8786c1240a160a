"""A quote set between dashes into a sentence illustrates the phrase before the first
dash: the subject of that phrase's clause says it, not the subject of the words after
the second dash ("When Keller wrapped up — "..." — the confetti fell"; realnews
tuning sets, two outlets; written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Rally ends in confetti.\n\n"
            "Senator Tom Keller spoke for an hour. When Keller finally wrapped up \u2014 "
            "\u201cWe will win this state, and we will win it big!\u201d \u2014 the "
            "confetti fell on the crowd.\n",
            "We will win this state",
            "Tom Keller",
        ),
        (
            "Mayor stumbles in debate.\n\n"
            "And although former council member Dan Hale lamented her habit of "
            'misspeaking - "why does she keep handing them the story?" - voters who '
            "watched the debate said they did not mind.\n",
            "why does she keep handing",
            "Dan Hale",
        ),
    ],
)
def test_a_quote_between_dashes_is_the_clause_before(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    qs = [q for q in run(text, nlp).quotes if q.kind != "indirect" and q.text.startswith(words)]
    assert [who(q) for q in qs] == [speaker]
