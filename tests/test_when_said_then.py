"""Quote dates: "she said then", "he told reporters at the time" point back to the time the
narrative told last, an event's date too (made-up news; 2019-11-20 is a Wednesday)."""

from __future__ import annotations

from typing import Any

import pytest

NEWS_DAY = "2019-11-20"
LEVY = "The council voted on the levy in March 2015. Mayor Ana Ruiz was against it.\n\n"


def _dated(nlp: Any, text: str, quoted: str) -> tuple[str | None, Any]:
    from saidwhen.pipeline import extract

    record = extract(text, NEWS_DAY, nlp=nlp)
    found = [q for q in record.quotes if quoted in q.text]
    (q,) = [q for q in found if q.kind != "indirect"] or found
    return q.when, q.when_range


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # an event named by its date: the words said there
        (
            "Mayor Ana Ruiz praised the harbor on Monday. Her praise echoed words she used at "
            'a Nov. 2 rally in Dover.\n\n"The harbor is our future," she said then.',
            "The harbor is our future",
            "2019-11-02",
        ),
        (LEVY + '"We cannot afford it," Ruiz said at the time.', "We cannot afford it", "2015-03"),
        # words between the cue and "back then": the audience
        (
            LEVY + '"We cannot afford it," Ruiz told reporters back then.',
            "We cannot afford it",
            "2015-03",
        ),
    ],
)
def test_said_then_is_the_time_told_last(nlp: Any, text: str, quoted: str, when: str) -> None:
    assert _dated(nlp, text, quoted) == (when, None)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # "then" of the speaker's title, after a comma: not when the words were said
        (LEVY + '"We cannot afford it," said Ruiz, then a councilor.', "We cannot afford it"),
        # "then-Mayor": a title
        (LEVY + '"We cannot afford it," said then-Mayor Tom Ferrell.', "We cannot afford it"),
        # nothing told before: the words stay undated
        ('"We cannot afford it," Ruiz said at the time.', "We cannot afford it"),
    ],
)
def test_then_that_is_not_the_time(nlp: Any, text: str, quoted: str) -> None:
    assert _dated(nlp, text, quoted) == (None, None)
