"""Session 25's direct quotes, on made-up sentences: closing marks set where the opening
ones belong, and fragments listed after one with a cue."""

from __future__ import annotations

import itertools

import pytest

from saidwhen.extract.quotes import find_quote_regions
from saidwhen.extract.speech.direct import _listed_with
from saidwhen.extract.speech.types import Draft
from saidwhen.model import Span, Speaker


def regions(text: str) -> list[str]:
    return [text[r.start : r.end] for r in find_quote_regions(text)]


# a closing mark that opens: first on its line (past a direction mark), or after a space
# and glued to the word it opens; elsewhere it closes, or is stray
CLOSING_MARKS_THAT_OPEN = [
    (
        "The paper was blunt.\n\n” … the ferry is late again,” the editors wrote.\n",
        ["… the ferry is late again"],
    ),
    (
        "Readers answered at once.\n\n\u202a”Fix the dock first!” wrote Ana Ruiz.\n",
        ["Fix the dock first!"],
    ),
    (
        "He blamed the board's refusal to let staff ”work with the mayor on the budget.”\n",
        ["work with the mayor on the budget."],
    ),
    ("“We will build it,” Lee said.\n", ["We will build it"]),
    ("The plan is done,” Lee said, and left.\n", []),
    ("”\n", []),
]


@pytest.mark.parametrize(("text", "expected"), CLOSING_MARKS_THAT_OPEN)
def test_a_closing_mark_set_to_open_opens(text: str, expected: list[str]) -> None:
    assert regions(text) == expected


# quoted words listed after a fragment with a cue are the next items of its list: only a
# comma, a conjunction and an article between them; not words after a new clause
LISTED = [
    ('the work of a "showman," "a performer," but also a "serious critic."', [True, True]),
    ('was "timid" and "out of touch" on housing.', [True]),
    ('was "timid" or even "lazy."', [True]),
    ('was "timid" and the council was "lazy."', [False]),
    ('was "timid." Then came "the vote."', [False]),
]


@pytest.mark.parametrize(("text", "listed"), LISTED)
def test_a_fragment_listed_after_one_with_a_cue(text: str, listed: list[bool]) -> None:
    found = find_quote_regions(text + "\n")
    drafts = [Draft(r.start, r.end, "fragment", region=r) for r in found]
    drafts[0].cue = Span("said", 0, 4)
    drafts[0].speaker = Speaker("Tom Vance", "Vance", 0, 5)
    said = []
    for last, draft in itertools.pairwise(drafts):
        said.append(_listed_with(text, last, draft))
        draft.cue, draft.speaker = last.cue, last.speaker  # the list goes on
    assert said == listed
