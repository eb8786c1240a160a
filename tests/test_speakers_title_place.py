"""A title that names a place before the person: "Ambassador to the Velo Isles Ana Ruiz".

The person is the one named at the end of the phrase, not the title with its place, and
not a spokesman's employer ("a spokesman for Ana Ruiz" is not Ana Ruiz).
Every article here is made up for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.pipeline import extract

CASES = [
    pytest.param(
        "Tarsa's Ambassador to the United Nations Ana Ruiz said the vote was close.",
        "the vote was close",
        "Ana Ruiz",
        id="ambassador-to-a-body",
    ),
    pytest.param(
        "Velo's envoy to Washington Tomas Keller said the talks had gone well.",
        "the talks had gone well",
        "Tomas Keller",
        id="envoy-to-a-city",
    ),
    pytest.param(
        "Special Envoy to Tarsa Elio de Vries said talks would resume in May.",
        "talks would resume in May",
        "Elio de Vries",
        id="a-capitalised-title-and-a-particle",
    ),
    pytest.param(
        "According to Velo's Ambassador to the United States Hamdullah Rezai, the team "
        "will compete.",
        "the team will compete",
        "Hamdullah Rezai",
        id="a-name-the-tagger-runs-into-the-place",
    ),
    pytest.param(
        "A representative for Mr. Tomas Keller said the talks had gone well.",
        "the talks had gone well",
        "A representative for Mr. Tomas Keller",
        id="a-representative-for-a-titled-person-is-not-the-person",
    ),
    pytest.param(
        "A spokesman for Ana Ruiz said the vote was close.",
        "the vote was close",
        "A spokesman for Ana Ruiz",
        id="a-spokesman-for-a-person-is-not-the-person",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CASES)
def test_the_person_after_a_titles_place(nlp: Any, text: str, words: str, speaker: str) -> None:
    rec = extract(text, "2021-05-03", nlp=nlp)
    found = {q.text: q.speaker.name if q.speaker else None for q in rec.quotes}
    assert found[words] == speaker, found


def test_the_envoys_title_is_a_descriptor(nlp: Any) -> None:
    rec = extract(CASES[0].values[0], "2021-05-03", nlp=nlp)
    ruiz = next(p for p in rec.people if p.name == "Ana Ruiz")
    assert ruiz.type == "person"
    assert "ambassador to the united nations" in ruiz.descriptors
    assert not any(
        p.name.startswith(("United", "Ambassador")) and p.type == "person" for p in rec.people
    )


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # two roles of one person joined by "and"
        (
            'French historian and professor Marc Lamont Hale commented, "This is a good day."',
            "This is a good day.",
            "Marc Lamont Hale",
        ),
        # the same, the roles read as an adjective and the speaker given as the whole phrase
        (
            'American academic and professor Marc Lamont Hale said the vote was "a scandal."',
            "a scandal.",
            "Marc Lamont Hale",
        ),
        # two speakers: a body and a person
        (
            "Police and Mayor Ana Ruiz said the road would reopen.",
            "the road would reopen",
            "Police and Ana Ruiz",
        ),
    ],
)
def test_roles_joined_to_a_name(nlp: Any, text: str, words: str, speaker: str) -> None:
    rec = extract(text, "2021-05-03", nlp=nlp)
    found = {q.text: q.speaker.name if q.speaker else None for q in rec.quotes}
    assert found[words] == speaker, found
