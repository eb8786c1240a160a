"""A quote with no cue and no speaker that the article gives again, with its speaker
(a pull quote set into the text, here signed on its own line inside the marks), is that
speaker's (realnews-polnear-train3 trap, written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.direct import _name_pulled
from saidwhen.extract.speech.types import Draft
from saidwhen.model import Span, Speaker
from tests.test_attribution import run, who

TEXT = (
    "Economists warn on debt talk.\n\n"
    "The campaign has pushed the debt issue all month.\n\n"
    '"I worry that we may see a return of leaders singing the praises of tight budgets.\n'
    'Dana Lee, Center for Budget Studies."\n\n'
    "The debate goes on. Critics say the framing misleads.\n\n"
    "\u201cI worry that we may see a return of leaders singing the praises of tight "
    "budgets,\u201d said Dana Lee, an economist at the Center for Budget Studies.\n"
)


def test_a_pull_quote_is_the_speaker_of_the_words_given_again(nlp: Any) -> None:
    qs = [q for q in run(TEXT, nlp).quotes if q.text.startswith("I worry")]
    assert [who(q) for q in qs] == ["Dana Lee", "Dana Lee"]


@pytest.mark.parametrize(
    ("pulled", "attributed", "named"),
    [
        # the pull quote is part of the words given later
        ("we will rebuild the pier by May", "we will rebuild the pier by May and open it", True),
        # the words given later are part of the pull quote
        ("so we will rebuild the pier by May and open it", "we will rebuild the pier by May", True),
        # six words shared, but neither holds the other
        ("we will rebuild the pier by May", "then we will rebuild the pier by June", False),
        # fewer than six words
        ("rebuild the pier by May", "we will rebuild the pier by May", False),
    ],
)
def test_a_pull_quote_is_matched_by_words_held_either_way(
    pulled: str, attributed: str, named: bool
) -> None:
    text = f"{pulled} || {attributed}"
    first = Draft(0, len(pulled), "direct")
    second = Draft(len(pulled) + 4, len(text), "direct")
    second.speaker, second.cue = Speaker("Ana Ruiz", "Ruiz", 0, 4), Span("said", 0, 4)
    _name_pulled(text, [first, second])
    assert (first.speaker is not None) is named
