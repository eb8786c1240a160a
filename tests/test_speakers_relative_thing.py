"""A "who" the parser hangs on a bare thing ("Hunt says to Castellano on camera, who
responds: 'Okay!'") stands for the person named last before it in the sentence; a
"who" after a noun for a person ("an architect who said") stays that person's
(realnews-polnear-train trap, written fresh)."""

from __future__ import annotations

from typing import Any

from tests.test_attribution import run, speaker_of

LEAD = (
    "Activist held over refuge march.\n\n"
    "Tom Castellano traveled from his home in Dayton to the refuge on Jan. 2. "
    "In his own videos, Castellano is seen speaking during a march with Dale Hunt about "
    'taking a "hard stand" at the refuge. '
)


def test_who_after_a_bare_thing(nlp: Any) -> None:
    text = (
        LEAD + "\"Let everybody know that they're to go to the Millbrook National Wildlife "
        'Refuge," Hunt says to Castellano on camera, who responds enthusiastically: '
        '"Okay!"\n'
    )
    assert speaker_of(run(text, nlp), "Okay") == "Tom Castellano"


def test_who_after_a_person_noun(nlp: Any) -> None:
    text = (
        "Mayor Ann Lee defended the budget on Tuesday. She would not pay an architect "
        'who said he was "cheated out of a year\'s work" on the new library.\n'
    )
    assert speaker_of(run(text, nlp), "cheated out") == "an architect"
