"""Who a he/she outside quotes is when the sentence right before introduces one
person of that gender outside a subject position (realnews-polnear-tune traps,
written fresh), when a subject there still wins, and a surname the tagger calls ORG."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, speaker_of

LEAD = (
    "Protests continued in Millbrook on Thursday after the arrest of Ken Dale by wardens.\n\n"
    "Millbrook wardens released a video on Friday. "
    "Millbrook Mayor Ann Roberts said the town would heal.\n\n"
)
QUOTES = '"Let him go," she says. "He has a permit."\n'

# the one woman named, by an apposition, in the sentence just before "she"
NEWCOMER = (
    LEAD + "The video was filmed by Dale's wife, Rena Dale. In it she pleads with wardens.\n\n"
)
# a woman who is a subject in that sentence is still the likelier "she"
SUBJECT_THERE = (
    LEAD + "Roberts later met Dale's wife, Rena Dale. At the meeting she pleaded for calm.\n\n"
)
# named before that sentence: no newcomer, the subject preference decides
NAMED_BEFORE = (
    "Rena Dale, the wife of Ken Dale, was at home when wardens arrived.\n\n"
    + LEAD
    + "Roberts spoke after a video filmed by Rena Dale was shown. "
    "At the hearing she pleaded for calm.\n\n"
)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (NEWCOMER + QUOTES, "Let him go", "Rena Dale"),
        (NEWCOMER + QUOTES, "He has a permit", "Rena Dale"),
        (SUBJECT_THERE + QUOTES, "Let him go", "Ann Roberts"),
        (NAMED_BEFORE + QUOTES, "Let him go", "Ann Roberts"),
        # a man introduced just before is no "she"
        (
            LEAD
            + "The video was filmed by Dale's brother, Tom Dale. In it she pleads for calm.\n\n"
            + QUOTES,
            "Let him go",
            "Ann Roberts",
        ),
    ],
)
def test_a_pronoun_after_a_newcomer(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert speaker_of(run(text, nlp), words) == speaker


def test_the_subject_wins_with_two_women_introduced(nlp: Any) -> None:
    text = (
        LEAD + "The video was filmed by Dale's wife, Rena Dale, and his sister, Mae Dale. "
        "In it she pleads with wardens.\n\n" + QUOTES
    )
    assert speaker_of(run(text, nlp), "Let him go") == "Ann Roberts"


def _typed(nlp: Any, words: list[str], mentions: list[tuple[int, int, str]]) -> str | None:
    """The type settled for one entity named by these mentions, labelled as given."""
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan

    from saidwhen.extract.people.build import _settle_type, _vote
    from saidwhen.extract.people.entity import _Entity

    doc = SpacyDoc(nlp.vocab, words=words)
    doc.ents = [SpacySpan(doc, i, j, label=lab) for i, j, lab in mentions]
    ent = _Entity(tokens=words[mentions[0][0] : mentions[0][1]])
    for i, j, _ in mentions:
        _vote(ent, doc, i, j, titles=False, name_words=set())
    return _settle_type(ent)


# the tagger often calls a bare surname ORG ("Tano's plan"); a person named in full
# (a known given name, or a full name tagged PERSON) stays a person, a body stays a body
@pytest.mark.parametrize(
    ("first", "label", "typed"),
    [
        (["Paul", "Tano"], "PERSON", "person"),
        (["Rena", "Dale"], "PERSON", "person"),
        (["Coral", "Shipping"], "ORG", "organisation"),
    ],
)
def test_a_surname_tagged_org_keeps_its_person(
    nlp: Any, first: list[str], label: str, typed: str
) -> None:
    bare = first[-1]
    words = [*first, "said", ".", *[w for _ in range(6) for w in (bare, "'s", "plan", ".")]]
    mentions = [(0, 2, label)] + [(3 + 4 * k + 1, 3 + 4 * k + 2, "ORG") for k in range(6)]
    assert _typed(nlp, words, mentions) == typed


# a relative named later shares the surname: the bare surname stays the story's man,
# so the relative keeps her gender and her "she"
SHARED_SURNAME = (
    "Wardens arrested Ken Dale, 43, on Tuesday in Millbrook. Dale was sitting in his boat.\n\n"
    "A neighbor filmed the encounter. Rena Dale can be heard calling to the wardens that "
    "her husband had a permit.\n\n"
    '"Let him go," she says.\n\n'
    "Dale's family has asked for the wardens' video. "
    '"I have the paper here," Dale told the wardens, according to the family.\n'
)


@pytest.mark.parametrize(
    ("words", "speaker"), [("Let him go", "Rena Dale"), ("I have the paper here", "Ken Dale")]
)
def test_a_bare_surname_two_people_share(nlp: Any, words: str, speaker: str) -> None:
    assert speaker_of(run(SHARED_SURNAME, nlp), words) == speaker
