"""Session 26's direct quotes, on made-up sentences: a quote inside a quote, titles and
chants listed after one another, a crowd named by its chant, a sign by what it demands."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_direct_names24 import regions
from tests.test_nonquote import reasons

# an opening mark met while a quote is open opens a quote inside it when the next two marks
# close (the inner quote's, then the outer one's); not when the first lost its closing mark
NESTED = [
    (
        "“Voters came in “Fix the Pier” shirts to our hall. #harbor”\n",
        ["Voters came in “Fix the Pier” shirts to our hall. #harbor"],
    ),
    (
        'Lee wrote, "Reports say the driver yelled "Stop!" before the crash." It was late.\n',
        ['Reports say the driver yelled "Stop!" before the crash.'],
    ),
    (
        'Ruiz shook his head.\n\n"If a man asks, "May I have a barrel of fuel," you wonder," he'
        " said.\n",
        ['If a man asks, "May I have a barrel of fuel," you wonder'],
    ),
    (
        "“We saw “Stop” signs,” Lee said. “Then we left,” she added.\n",
        ["We saw “Stop” signs", "Then we left"],
    ),
    # a doubled mark wraps a quote: no words of its own
    ('Lee spoke.\n\n"“We won,” Lee said, adding that the vote was close."\n', ["We won"]),
    # the first quote lost its closing mark: two quotes, not one inside the other
    ("“We won. “Next question,” he said.\n", ["We won.", "Next question"]),
    ("“We won. “Next,” he said, “and then lunch.”\n", ["We won.", "Next", "and then lunch."]),
    ('"First," he said, "second."\n', ["First", "second."]),
    ('He called it "odd" and "late" on Monday.\n', ["odd", "late"]),
]


@pytest.mark.parametrize(("text", "expected"), NESTED)
def test_a_quote_inside_a_quote_is_part_of_it(text: str, expected: list[str]) -> None:
    assert regions(text) == expected


# the next item of a list of titles, in Title Case, is a title; the next chant a chant
LISTED = [
    # (an adverb set off by commas after the conjunction)
    (
        'Mr. Vance, who starred in "Low Tide" and, briefly, "Winter at the Pier," posted'
        " the clip.\n",
        {"Low Tide": True, "Winter at the Pier": True},
    ),
    (
        'Ms. Ortiz, who starred in "Dockside" and "Winter at the Pier," posted the clip.\n',
        {"Dockside": True, "Winter at the Pier": True},
    ),
    (
        'The street was full, with hundreds of fishermen chanting "Save the pier" and'
        ' "No new tolls." Then it rained.\n',
        {"Save the pier": True, "No new tolls": True},
    ),
    (
        'Ms. Ortiz said the plan was "Reckless" and "Dangerous" on Monday.\n',
        {"Reckless": False, "Dangerous": False},
    ),
]


@pytest.mark.parametrize(("text", "expected"), LISTED)
def test_a_list_goes_on_as_it_began(text: str, expected: dict[str, bool], nlp: Any) -> None:
    found = reasons(text, nlp)
    assert {words: found[words] is not None for words in expected} == expected


# a crowd named by its chant, a sign by what it demands: a slogan; a crowd that chants
# as its own act speaks
CHANTS_AND_SIGNS = [
    ('Dozens of fishermen chanting "Save the pier!" blocked the road.\n', "Save the pier!", True),
    ('Some of them carried signs demanding "Free the ferry" all day.\n', "Free the ferry", True),
    ('Volunteers held banners urging "Vote on Tuesday" at the gate.\n', "Vote on Tuesday", True),
    ('The fishermen marched to the hall, chanting "Save the pier!"\n', "Save the pier!", False),
    ('The workers gathered while chanting, "No deal, no vote."\n', "No deal, no vote", False),
    ('The fishermen chanted "Save the pier!" for an hour.\n', "Save the pier!", False),
    ('Ruiz held up a sign and said "We will win" to the crowd.\n', "We will win", False),
]


@pytest.mark.parametrize(("text", "words", "slogan"), CHANTS_AND_SIGNS)
def test_a_crowd_named_by_its_chant(text: str, words: str, slogan: bool, nlp: Any) -> None:
    assert (reasons(text, nlp)[words] is not None) == slogan
