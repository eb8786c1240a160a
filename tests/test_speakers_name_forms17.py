"""The exact name of the person behind a quote, as the article itself gives it.

A quoted nickname inside a name is no part of it and does not cut it ("Carl
“Buzz” Hendry" is Carl Hendry); a second role joined by "and" after an apposition
is the same person ("Dana Pruitt, the front-runner and current poll leader"), and
so are two roles before one name ("former Gov. and party Chairman Ned Harlow",
"former officer and Marine Carl Hendry");
a work by two or three people speaks for all of them ("Ana Ruiz and Tom Lee",
"Ana Ruiz, Tom Lee and Eva Hart"), and so do "She and Jack Orr", "two members,
Ana Ruiz and Tom Lee," and two bodies named together.  A body's name holds its
adjectives ("the Republican Jewish Coalition"), the small words its acronym skips
("... Ethics in Washington (CREW)") and a list that closes it ("of Sciences,
Engineering and Medicine").  An unnamed source keeps what it knows of ("a source
involved in the fund's creation"); a relative named right after the kin word is
that name ("his nephew Karim el Sayed").  Made-up articles run through the real
pipeline, with the names their quotes' speakers must get."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.pipeline import extract

CASES = [
    pytest.param(
        "Retired pilot Carl “Buzz” Hendry spoke at the rally on Monday.\n\n"
        '"We were left alone out there," Hendry said.',
        "We were left alone out there",
        "Carl Hendry",
        id="a-quoted-nickname-inside-the-name",
    ),
    pytest.param(
        "As the paper reported, former police officer and Marine Carl Hendry found both "
        'plans wanting. "Nobody asked us," Hendry said.',
        "Nobody asked us",
        "Carl Hendry",
        id="a-role-after-and-before-a-name",
    ),
    pytest.param(
        '"We will win this state," said Dana Pruitt, the front-runner in the state and '
        "current poll leader in the county.",
        "We will win this state",
        "Dana Pruitt",
        id="an-apposition-goes-on-after-and",
    ),
    pytest.param(
        'The plans are "plainly reckless," said Tom Varga, senior director of budget policy '
        "at the Tully Center, and a Republican who led the committee staff for years.",
        "plainly reckless",
        "Tom Varga",
        id="and-a-role-with-a-relative-clause",
    ),
    pytest.param(
        "Former Gov. Ray Dunn spoke first on Tuesday.\n\n"
        '"He has the touch with voters," said former Ohio Gov. and party Chairman Ned '
        "Harlow.",
        "He has the touch with voters",
        "Ned Harlow",
        id="two-roles-before-one-name",
    ),
    pytest.param(
        "According to a 2014 study by economists Ana Ruiz and Tom Lee, the slump was "
        '"the end of the mill towns."',
        "the end of the mill towns.",
        "Ana Ruiz and Tom Lee",
        id="a-study-by-two-economists",
    ),
    pytest.param(
        "A study by Ana Ruiz, Tom Lee and Eva Hart found that the tolls "
        '"drove trade away from the port."',
        "drove trade away from the port.",
        "Ana Ruiz, Tom Lee and Eva Hart",
        id="a-study-by-three-as-a-list",
    ),
    pytest.param(
        "Rep. Nora Vance spoke on Monday. She and Jack Orr, a former state official, "
        'called the plan "the least bad option we have."',
        "the least bad option we have.",
        "Nora Vance and Jack Orr",
        id="she-and-a-name",
    ),
    pytest.param(
        "In addition to Mr. Hale, two Republican members of Congress from Texas, Ana Ruiz "
        'and Tom Lee, have said the tolls "have to go."',
        "have to go.",
        "Ana Ruiz and Tom Lee",
        id="a-role-then-the-names-it-lists",
    ),
    pytest.param(
        'The Harbour Gazette and the Valley Post each called it "a rough week" for the mayor.',
        "a rough week",
        "the Harbour Gazette and the Valley Post",
        id="two-bodies-by-their-names",
    ),
    pytest.param(
        "“The new tolls would drive trade from the port,” economists Ana Ruiz and Tom Lee "
        "of the Elm Institute wrote in May. “Whether the port can recover is unknown.”",
        "Whether the port can recover is unknown.",
        "Ana Ruiz and Tom Lee",
        id="the-next-quote-of-two-named-together",
    ),
    pytest.param(
        'The Republican Jewish Coalition said the ad was "plainly offensive."',
        "plainly offensive.",
        "the Republican Jewish Coalition",
        id="a-bodys-name-opens-on-an-adjective",
    ),
    pytest.param(
        "The request came from the watchdog group Citizens for Responsibility and Ethics in "
        'Washington (CREW). CREW had asked for "records of every account."',
        "records of every account.",
        "Citizens for Responsibility and Ethics in Washington",
        id="an-acronym-spelt-out-over-in",
    ),
    pytest.param(
        "A report released on Monday by the National Academies of Sciences, Engineering and "
        'Medicine said that "integration increases over time."',
        "integration increases over time.",
        "the National Academies of Sciences, Engineering and Medicine",
        id="a-bodys-name-closing-on-a-list",
    ),
    pytest.param(
        '"It is a way to take part without backing him," says a source involved in the '
        "fund's creation.",
        "It is a way to take part without backing him",
        "a source involved in the fund's creation",
        id="a-source-keeps-what-it-knows-of",
    ),
    pytest.param(
        "Hamid Sayed was on his way to a conference in Cairo.\n\n"
        '"He was happy to be going home," his nephew Karim el Sayed added.',
        "He was happy to be going home",
        "Karim el Sayed",
        id="a-relative-named-after-the-kin-word",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CASES)
def test_the_exact_name(nlp: Any, text: str, words: str, speaker: str) -> None:
    rec = extract(text, "2021-05-03", nlp=nlp)
    found = {q.text: q.speaker.name if q.speaker else None for q in rec.quotes}
    assert found.get(words) == speaker, found
