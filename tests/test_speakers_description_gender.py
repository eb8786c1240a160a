"""A role named by no one ("The former prosecutor opened her speech") is the person in
view of the gender its own he/she tells, a subject taking up the last subject's thread,
not the one whose "his name" came last (realnews-polnear-train3 trap, written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who

TEXT = (
    "Governor takes aim at rival.\n\n"
    "Governor {governor} went after {her} rival, Senator {rival}, on Monday, saying {his} "
    'plan is "reckless" and {he} is a "bully," all without speaking {his} name.\n\n'
    "The former prosecutor opened {her} speech to the teachers union by mocking lawmakers "
    'who think they can "starve" schools into reform.\n'
)


@pytest.mark.parametrize(
    ("governor", "rival", "her", "his", "he"),
    [
        ("Lena Park", "Tom Keller", "her", "his", "he"),
        ("Tom Keller", "Lena Park", "his", "her", "she"),
    ],
)
def test_a_role_takes_the_gender_of_its_own_pronoun(
    nlp: Any, governor: str, rival: str, her: str, his: str, he: str
) -> None:
    text = TEXT.format(governor=governor, rival=rival, her=her, his=his, he=he)
    (q,) = [q for q in run(text, nlp).quotes if q.kind == "fragment" and q.text == "starve"]
    assert who(q) == governor
