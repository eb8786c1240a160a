"""Sources of reports (issue 10, session 22), on hand-built sentences written fresh: a verb
of saying conjoined to a participle shares the subject the participle shares ("...,
praising X and calling for Y"); two source mentions are one source when the people index
gives them one entity, and two personal pronoun mentions it knows nothing of are not; a
verb PolNeAR train mostly reads as a cue, conjoined after a report's words, is its source's
next act ("said the pier was safe and asked residents to ...")."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people.index import same_speaker
from saidwhen.extract.speech.syntax import shared_subject
from saidwhen.model import Speaker
from tests.test_attribution import run, who


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        (
            "The governor has moved to the center on energy, praising the pipeline and "
            "calling for new drilling off the coast.",
            "calling",
            "governor",
        ),
        (
            "The union stepped up its campaign on Monday, denouncing the cuts and "
            "demanding that the board resign.",
            "demanding",
            "union",
        ),
        (
            "Lopez spent the week on the road, attacking her rival and insisting that she "
            "would win.",
            "insisting",
            "Lopez",
        ),
        # a first verb with a subject of its own: that subject, as before
        (
            "The senator, who left early, thanked the staff and said the bill would pass.",
            "said",
            "senator",
        ),
    ],
)
def test_a_conjoined_verb_shares_the_first_verbs_subject(
    nlp: Any, text: str, verb: str, subject: str
) -> None:
    doc = nlp(text)
    found = shared_subject(next(t for t in doc if t.text == verb))
    assert found is not None and found.text == subject


class _People:
    """A stand-in people index: the entity (any object) of each known mention span."""

    def __init__(self, known: dict[tuple[int, int], object]) -> None:
        self.known = known

    def entity_at(self, start: int, end: int) -> object | None:
        return self.known.get((start, end))


_LEE, _ORTIZ = object(), object()


def _sp(name: str, mention: str, start: int) -> Speaker:
    return Speaker(name=name, mention=mention, start=start, end=start + len(mention))


@pytest.mark.parametrize(
    ("known", "a", "b", "same"),
    [
        # one entity under two mentions
        ({(0, 3): _LEE, (40, 42): _LEE}, _sp("Lee", "Lee", 0), _sp("Lee", "he", 40), True),
        # two entities
        ({(0, 3): _LEE, (40, 45): _ORTIZ}, _sp("Lee", "Lee", 0), _sp("Ortiz", "Ortiz", 40), False),
        # two pronouns the index does not know: nothing says they are one man
        ({}, _sp("he", "he", 0), _sp("he", "he", 40), False),
        # the same words the index does not know, not a pronoun: one source
        ({}, _sp("the board", "the board", 0), _sp("the board", "the board", 40), True),
        # one known, one not: by the name
        ({(0, 3): _LEE}, _sp("Lee", "Lee", 0), _sp("Lee", "Lee", 40), True),
        ({(0, 3): _LEE}, _sp("Lee", "Lee", 0), _sp("he", "he", 40), False),
        # a pronoun named "Lee" is no surer a match on either side
        ({}, _sp("Lee", "Lee", 0), _sp("Lee", "he", 40), False),
        ({}, _sp("Lee", "he", 0), _sp("Lee", "Lee", 40), False),
    ],
)
def test_one_source_is_one_entity(
    known: dict[tuple[int, int], object], a: Speaker, b: Speaker, same: bool
) -> None:
    assert same_speaker(a, b, _People(known)) is same  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (  # "ask" is no listed next act; PolNeAR train reads it mostly as a cue
            "Mayor Ruiz said on Tuesday that the pier was safe and asked residents to "
            "return to the beach.\n",
            "the pier was safe",
            "residents to return to the beach",
        ),
        (
            "The coach said after the game that his players had been tired and told "
            "reporters that the team would rest on Sunday.\n",
            "his players had been tired",
            "the team would rest on Sunday",
        ),
    ],
)
def test_a_verb_read_as_a_cue_is_the_sources_next_act(
    nlp: Any, text: str, first: str, second: str
) -> None:
    quotes = [q for q in run(text, nlp).quotes if q.kind == "indirect"]
    one = [q for q in quotes if first in q.text]
    two = [q for q in quotes if second in q.text]
    assert one and two, [(q.text, who(q)) for q in quotes]
    assert second not in one[0].text  # the first report ends before the next act
    assert who(one[0]) == who(two[0])


def test_a_verb_not_read_as_a_cue_stays_in_the_words(nlp: Any) -> None:
    text = "Mayor Ruiz said on Tuesday that the pier was safe and reopened the beach.\n"
    quotes = [q for q in run(text, nlp).quotes if q.kind == "indirect"]
    assert len(quotes) == 1, [(q.text, who(q)) for q in quotes]
