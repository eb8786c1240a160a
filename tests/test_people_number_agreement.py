"""Number agreement in naming a speaker: a plural noun mention ("The lawyers") keeps its
own words when the index would give it one person's (or one unnamed source's) name
(articles written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people, name_speakers
from saidwhen.extract.people.entity import _Entity
from saidwhen.model import EntityType, Quote, Speaker

_TEXT = (
    "Tom Hale, a former mayor of Orla, ran for the Senate in 2010.\n\n"
    "{mention} also said that the court had no power to hear the case.\n"
)


@pytest.mark.parametrize(
    ("mention", "wrong", "kind", "named"),
    [
        # plural common nouns never take one person's name, nor one source's words
        ("The lawyers", "Tom Hale", "person", "The lawyers"),
        ("Top advisers", "Tom Hale", "person", "Top advisers"),
        ("The sources", "a source close to the case", "unnamed", "The sources"),
        # a singular description, a group's name and a surname the tagger may read as a
        # plural ("Sanders") keep what the index gives
        ("The lawyer", "Tom Hale", "person", "Tom Hale"),
        ("The lawyers", "the Orla Bar Association", "organisation", "the Orla Bar Association"),
        ("Hale", "Tom Hale", "person", "Tom Hale"),
        # the plural names its one in its own words: it speaks through that person
        ("Lawyers like Tom Hale", "Tom Hale", "person", "Tom Hale"),
    ],
)
def test_a_plural_mention_keeps_its_words(
    nlp: Any,
    monkeypatch: pytest.MonkeyPatch,
    mention: str,
    wrong: str,
    kind: EntityType,
    named: str,
) -> None:
    text = _TEXT.format(mention=mention)
    doc = nlp(text)
    people = find_people(doc)
    start = text.index(mention)
    end = start + len(mention)
    ent = _Entity(tokens=wrong.split(), type=kind, named=kind != "unnamed")
    if wrong in mention:
        at = text.index(wrong, start)
        ent.mentions.append((at, at + len(wrong)))
    real = people.entity_at
    monkeypatch.setattr(
        people, "entity_at", lambda s, e: ent if (s, e) == (start, end) else real(s, e)
    )
    said = text.index("the court")
    quote = Quote(
        text=text[said : text.index(".", said)],
        start=said,
        end=text.index(".", said),
        kind="indirect",
        speaker=Speaker(name=wrong, mention=mention, start=start, end=end),
    )
    (out,) = name_speakers(doc, [quote], people)
    assert out.speaker is not None
    assert out.speaker.name == named
