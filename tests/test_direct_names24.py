"""Session 24's direct quotes, on made-up sentences: opening marks set as closing ones,
words a heading quotes from the body, and titles after a sentence break the splitter put
at the opening mark."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from saidwhen import extract
from saidwhen.extract.quotes import find_quote_regions
from saidwhen.extract.speech.nonquote import _clause_start


def regions(text: str) -> list[str]:
    return [text[r.start : r.end] for r in find_quote_regions(text)]


# an opening mark glued to the end of the words it closes
TYPO_CLOSES = [
    ("Ruiz called the fee “unfair“ in a post on Monday.\n", ["unfair"]),
    (
        "She backed a site called “Harbor Town If Lee Wins“ that courts new residents.\n",
        ["Harbor Town If Lee Wins"],
    ),
    ("Lee said the dam was “the best in the state“ and “worth the wait.”\n", None),
]


@pytest.mark.parametrize(("text", "expected"), TYPO_CLOSES)
def test_an_opening_mark_glued_to_words_closes_them(text: str, expected: list[str] | None) -> None:
    found = regions(text)
    if expected is None:
        assert found == ["the best in the state", "worth the wait."]
    else:
        assert found == expected


# a heading's quoted words that the body quotes with a cue are that speaker's
HEADING_ECHOES = [
    (
        "Ortiz 'proud of the crew' after long race.\n\n"
        'Dana Ortiz ended her campaign on Monday. "I am proud of the crew we had," Ortiz said.\n',
        "proud of the crew",
        "Dana Ortiz",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), HEADING_ECHOES)
def test_a_heading_echo_is_the_body_speakers(text: str, words: str, speaker: str, nlp: Any) -> None:
    rec = extract(text, "2021-05-04", nlp=nlp)
    said = {q.text.strip(" .,"): q.speaker.name if q.speaker else None for q in rec.quotes}
    assert said.get(words) == speaker


# a heading's words quoted nowhere else, a slogan (a verb's bare form first), or a whole
# slogan the body quotes as it is: no one's words for the heading
HEADING_SCARES = [
    (
        "Ortiz 'proud of the crew' after long race.\n\nDana Ortiz ended her campaign on Monday.\n",
        "proud of the crew",
    ),
    (
        "Crowds at the fair chant 'fix every road' at Ortiz.\n\n"
        'Dana Ortiz sent voters a text: "Will you fix every road with me? Reply YES."\n',
        "fix every road",
    ),
    (
        "Lee and Ortiz wear 'Fix Every Road Now' hats at a rally.\n\n"
        'Dana Ortiz wore a hat reading, "Fix Every Road Now," Lee said on Monday.\n',
        "Fix Every Road Now",
    ),
]


@pytest.mark.parametrize(("text", "words"), HEADING_SCARES)
def test_a_heading_scare_quote_stays_out(text: str, words: str, nlp: Any) -> None:
    rec = extract(text, "2021-05-04", nlp=nlp)
    heading = text.index("\n")
    assert not any(q.text.strip(" .,") == words and q.start < heading for q in rec.quotes)


def _view(texts: list[str], starts: list[bool]) -> SimpleNamespace:
    sent_start, first = [], 0
    for k, s in enumerate(starts):
        first = k if s else first
        sent_start.append(first)
    return SimpleNamespace(
        texts=texts, is_space=[t.isspace() for t in texts], sent_start=sent_start
    )


# (tokens, sentence starts, the opening mark's index, where its clause starts)
CLAUSES = [
    # the splitter broke at the mark: the sentence before it goes on
    (
        ["Lee", "mocked", "it", "on", "KTV", "’s", "“", "Noon", "”"],
        [1, 0, 0, 0, 0, 0, 1, 0, 0],
        6,
        0,
    ),
    # a stop, a colon or a line break before the mark: a sentence of its own
    (["Lee", "left", ".", "“", "Go", "”"], [1, 0, 0, 1, 0, 0], 3, 3),
    (["Lee", "said", ":", "“", "Go", "”"], [1, 0, 0, 1, 0, 0], 3, 3),
    (["Lee", "left", "\n\n", "“", "Go", "”"], [1, 0, 0, 1, 0, 0], 3, 3),
    # the mark inside its sentence
    (["Lee", "called", "it", "“", "odd", "”"], [1, 0, 0, 0, 0, 0], 3, 0),
]


@pytest.mark.parametrize(("texts", "starts", "mark", "start"), CLAUSES)
def test_a_title_reads_its_clause_past_a_break_at_its_mark(
    texts: list[str], starts: list[int], mark: int, start: int
) -> None:
    view = _view(texts, [bool(s) for s in starts])
    assert _clause_start(view, mark) == start  # type: ignore[arg-type]
