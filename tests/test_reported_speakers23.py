"""Reported statements: who their source mention names (session 23, issue 10).
Hand-written sentences; the ``nlp`` fixture is in conftest.py."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


def _speakers(text: str, words: str, nlp: Any) -> list[str | None]:
    """The speakers of the reported statements whose words are ``words``."""
    return [who(q) for q in run(text, nlp).quotes if q.kind == "indirect" and q.text == words]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Senator Ted Cruz spoke in Iowa. Ted Cruz's associates insist that he will stay "
            "in the race.",
            "that he will stay in the race",
            "Ted Cruz's associates",
        ),
        (
            "Senator Ted Cruz spoke in Iowa. The Texas senator's allies say he will win the state.",
            "he will win the state",
            "The Texas senator's allies",
        ),
        # a thing someone owns still speaks for its owner
        (
            "Senator Ted Cruz spoke in Iowa. Cruz's tax plan says that rates will fall.",
            "that rates will fall",
            "Ted Cruz",
        ),
    ],
)
def test_people_someone_has_speak_for_themselves(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert _speakers(text, words, nlp) == [speaker]
