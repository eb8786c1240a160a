"""A "he added" goes on with what was said: its he/she is the subject of the last verb
of saying before it, over a subject named between (made-up texts)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import report_source, run

ADDED_AFTER_SUBJECT = (
    "''We have waited ten years for a new pier,'' Tom Hale said. ''Nobody in the city hall "
    "listens to the fishermen.''\n\n"
    "Dan Ruiz, who has run the port since 2010, fits that bill for many of them, he added.\n"
)
# no verb of saying since the last speaker: the usual choice, the subject
SAID_AFTER_SUBJECT = (
    "''We have waited ten years for a new pier,'' Tom Hale said.\n\n"
    "Dan Ruiz, who has run the port since 2010, wrote a plan for a pier. He "
    "says that the work will start in May.\n"
)
# the last verb of saying names no subject: the usual choice again
ADDED_AFTER_PARTICIPLE = (
    "''We have waited ten years for a new pier,'' Tom Hale said.\n\n"
    "Dan Ruiz has given no details of the plan, saying only that the work will start soon. "
    "He added that the pier would cost less than the old one.\n"
)


@pytest.mark.parametrize(
    ("text", "words", "source"),
    [
        pytest.param(ADDED_AFTER_SUBJECT, "fits that bill", "Tom Hale", id="he-added"),
        pytest.param(SAID_AFTER_SUBJECT, "the work will start", "Dan Ruiz", id="he-says"),
        pytest.param(
            ADDED_AFTER_PARTICIPLE, "would cost less", "Dan Ruiz", id="added-after-saying"
        ),
    ],
)
def test_he_added_goes_on(nlp: Any, text: str, words: str, source: str) -> None:
    assert report_source(run(text, nlp), words)[0] == source
