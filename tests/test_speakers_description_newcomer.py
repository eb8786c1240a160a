"""A subject description ("the actor") after a sentence whose main subject is a person
named for the first time since the one it describes was last named, in an earlier
paragraph ("star Marco Diaz turned the tables ... the actor held"), is that newcomer,
however near the other was named (realnews-polnear-train2 trap, written fresh); with no
newcomer, or a newcomer of another office ("Mayor Ann Cole"), the one described stays."""

from __future__ import annotations

from typing import Any

from tests.test_attribution import run, who

LEAD = (
    "Stars speak out on casting.\n\n6\nLee Asked Why White Actors Play Characters Of Color."
    "\n\nGetty.\n\nA studio received a wave of criticism after it cast actor Tom Reyes as the "
    'Iron Giant in the "Steel City" remake. Some fans did not like a black actor playing a '
    "hero first drawn with red hair. In response, Ann Lee pointed out that critics should "
    "instead ask about all the times white actors have played characters of color.\n\n"
)
ACTOR = (
    'With the help of "Turn the Page with Dana Hunt", the actor held a fake audition and '
    'asked white actors to act "whiter." Watch the full stunt here.\n'
)


def _whiter(text: str, nlp: Any) -> str | None:
    (q,) = [q for q in run(text, nlp).quotes if q.kind == "fragment" and q.text == "whiter."]
    return who(q)


def test_the_newcomer_subject(nlp: Any) -> None:
    text = (
        LEAD + '7\n"Bright Lights" Star Asked Actors To Act Whiter.\n\nGetty.\n\n'
        '"Bright Lights" star Marco Diaz turned the tables when it came to typecasting at '
        "auditions. " + ACTOR
    )
    assert _whiter(text, nlp) == "Marco Diaz"


def test_no_newcomer(nlp: Any) -> None:
    text = LEAD + "Reyes turned the tables when it came to typecasting at auditions. " + ACTOR
    assert _whiter(text, nlp) == "Tom Reyes"
