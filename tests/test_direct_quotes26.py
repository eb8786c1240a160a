"""Session 26's direct quotes, on made-up sentences: a quote inside a quote."""

from __future__ import annotations

import pytest

from saidwhen.extract.quotes import find_quote_regions


def regions(text: str) -> list[str]:
    return [text[r.start : r.end] for r in find_quote_regions(text)]


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
