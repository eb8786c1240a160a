"""Where a headline ends: a short title-case first line, never a long paragraph."""

from __future__ import annotations

import pytest

from saidwhen.extract.people.headlines import _headline_end


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Harbor Board Backs New Pier Plan\n\nThe board voted on Monday.\n", True),
        ("The board voted on Monday to back the plan.\n\nIt added more.\n", False),
        # a page of one paragraph in capitals is no headline, however it is written
        (" ".join(["Harbor Board Backs Plan"] * 40) + "\n\nThe board voted.\n", False),
        ("Harbor Board Backs New Pier Plan", False),  # no line break: no headline
    ],
)
def test_headline_end(text: str, headline: bool) -> None:
    end = _headline_end(text)
    assert (end == text.index("\n")) if headline else end == 0
