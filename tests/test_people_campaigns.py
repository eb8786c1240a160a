"""A candidate's campaign speaks under the name the article gives it as a body: "the
Hale campaign" when the article writes "Hale campaign", else the article's own "Hale's
campaign"; "his campaign" is its owner's campaign only when the article names that
campaign (articles written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who

RIVAL = "Governor Tom Reyes also spoke in Dayton on Monday.\n\n"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Senator Mara Hale toured Ohio on Monday. Hale campaign manager Lee Park "
            "met donors.\n\n"
            f'{RIVAL}"We will win the state by ten points," Hale\'s campaign said in an email.\n',
            "the Hale campaign",
            id="possessive-and-the-article-writes-the-compound",
        ),
        pytest.param(
            "Senator Mara Hale toured Ohio on Monday.\n\n"
            f'{RIVAL}"We will win the state by ten points," Hale\'s campaign said in an email.\n',
            "Hale's campaign",
            id="possessive-only-stays-as-written",
        ),
        pytest.param(
            "Senator Dan Hale toured Ohio on Monday, and the Hale campaign bought ads.\n\n"
            "Hale spoke to farmers in Lima. "
            '"We will win the state by ten points," his campaign said in an email.\n',
            "the Hale campaign",
            id="his-campaign-is-the-owners-named-campaign",
        ),
        pytest.param(
            "Senator Dan Hale toured Ohio on Monday.\n\n"
            "Hale spoke to farmers in Lima. "
            '"We will win the state by ten points," his campaign said in an email.\n',
            "his campaign",
            id="his-campaign-no-campaign-named",
        ),
    ],
)
def test_a_campaign_is_named_as_the_article_names_it(nlp: Any, text: str, speaker: str) -> None:
    (q,) = [q for q in run(text, nlp).quotes if q.text.startswith("We will win")]
    assert who(q) == speaker
