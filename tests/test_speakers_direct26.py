"""Who is behind a direct quote (session 26): a description whose own verb acts on a
he/she ("The crowd shouted back at him") is not the person that he/she stands for, so its
words stay the description's. Made-up articles run through the real pipeline, with the
names their quotes' speakers must get."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.pipeline import extract

CASES = [
    pytest.param(
        "Paul Kramer spoke for an hour at the harbour on Monday. He promised a new pier "
        "and lower fares.\n\n"
        'The crowd shouted back at him, "Build the pier!" and cheered.',
        ["The crowd"],
        id="a-description-whose-verb-acts-on-him-is-not-him",
    ),
    pytest.param(
        "Paul Kramer spoke at the harbour on Monday.\n\n"
        'The audience booed him. "Go home," the audience chanted.',
        ["the audience"],
        id="a-description-that-booed-him-speaks-for-itself",
    ),
]


@pytest.mark.parametrize(("text", "names"), CASES)
def test_speaker_names(nlp: Any, text: str, names: list[str]) -> None:
    rec = extract(text, "2016-09-19", nlp=nlp)
    got = [q.speaker.name if q.speaker else None for q in rec.quotes if q.kind != "indirect"]
    assert got == names
