"""A group given by one named example ("advisers like Dana Kell", "critics such as Nora
Vale") speaks through that person: the quote is hers.  Hand-written articles (made up),
run through the real pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.pipeline import extract

CASES = [
    pytest.param(
        "Dana Kell served two governors before she joined the campaign.\n\n"
        "Leading economic advisers like Dana Kell have warned that the plan is "
        '"a gamble with other people\'s pensions."',
        "a gamble with other",
        "Dana Kell",
        id="like",
    ),
    pytest.param(
        "Some staunch defenders of free trade, like Tomas Ebbing, a senior fellow at the "
        'Hale Institute, say the tariffs would be "a tax on every family."',
        "a tax on every family",
        "Tomas Ebbing",
        id="like-with-an-apposition",
    ),
    pytest.param(
        'Critics such as Nora Vale called the toll "a fine for living out of town."',
        "a fine for living",
        "Nora Vale",
        id="such-as",
    ),
]


@pytest.mark.parametrize(("text", "words", "name"), CASES)
def test_a_group_given_by_one_named_example_speaks_through_it(
    nlp: Any, text: str, words: str, name: str
) -> None:
    rec = extract(text, "2021-03-02", nlp=nlp)
    (q,) = [q for q in rec.quotes if q.kind != "indirect" and q.text.startswith(words)]
    assert q.speaker is not None and q.speaker.name == name
