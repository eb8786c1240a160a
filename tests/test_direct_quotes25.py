"""Session 25's direct quotes, on made-up sentences: closing marks set where the opening
ones belong, fragments listed after one with a cue, chants and signs, and headlines cited
with their bylines."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from saidwhen import extract
from saidwhen.extract.quotes import find_quote_regions
from saidwhen.extract.speech.direct import _listed_with
from saidwhen.extract.speech.nonquote import not_speech_regions
from saidwhen.extract.speech.types import Draft
from saidwhen.extract.speech.view import ArticleView
from saidwhen.model import Span, Speaker


def regions(text: str) -> list[str]:
    return [text[r.start : r.end] for r in find_quote_regions(text)]


# a closing mark that opens: first on its line (past a direction mark), or after a space
# and glued to the word it opens; elsewhere it closes, or is stray
CLOSING_MARKS_THAT_OPEN = [
    (
        "The paper was blunt.\n\n” … the ferry is late again,” the editors wrote.\n",
        ["… the ferry is late again"],
    ),
    (
        "Readers answered at once.\n\n\u202a”Fix the dock first!” wrote Ana Ruiz.\n",
        ["Fix the dock first!"],
    ),
    (
        "He blamed the board's refusal to let staff ”work with the mayor on the budget.”\n",
        ["work with the mayor on the budget."],
    ),
    ("“We will build it,” Lee said.\n", ["We will build it"]),
    ("The plan is done,” Lee said, and left.\n", []),
    ("”\n", []),
]


@pytest.mark.parametrize(("text", "expected"), CLOSING_MARKS_THAT_OPEN)
def test_a_closing_mark_set_to_open_opens(text: str, expected: list[str]) -> None:
    assert regions(text) == expected


# quoted words listed after a fragment with a cue are the next items of its list: only a
# comma, a conjunction and an article between them; not words after a new clause
LISTED = [
    ('the work of a "showman," "a performer," but also a "serious critic."', [True, True]),
    ('was "timid" and "out of touch" on housing.', [True]),
    ('was "timid" or even "lazy."', [True]),
    ('was "timid" and the council was "lazy."', [False]),
    ('was "timid." Then came "the vote."', [False]),
    ('was "timid" and\n\n"lazy" on housing.', [False]),
]


@pytest.mark.parametrize(("text", "listed"), LISTED)
def test_a_fragment_listed_after_one_with_a_cue(text: str, listed: list[bool]) -> None:
    found = find_quote_regions(text + "\n")
    drafts = [Draft(r.start, r.end, "fragment", region=r) for r in found]
    drafts[0].cue = Span("said", 0, 4)
    drafts[0].speaker = Speaker("Tom Vance", "Vance", 0, 5)
    said = []
    for last, draft in itertools.pairwise(drafts):
        said.append(_listed_with(text, last, draft))
        draft.cue, draft.speaker = last.cue, last.speaker  # the list goes on
    assert said == listed


def test_a_listed_fragment_is_said_by_the_first_ones_speaker(nlp: Any) -> None:
    text = (
        "The council met on Monday.\n\nAnn Lee, who speaks for the mayor, argued that he"
        ' meant no harm: his posts were those of "a comic," "a showman" and "a critic of the'
        ' council." The vote was put off.\n'
    )
    record = extract(text, "2021-05-04", nlp=nlp)
    said = [(q.text, q.speaker.name if q.speaker else None) for q in record.quotes]
    for words in ("a comic", "a showman", "a critic of the council."):
        assert (words, "Ann Lee") in said


def reasons(text: str, nlp: Any) -> dict[str, str | None]:
    view = ArticleView.build(nlp(text))
    regions = list(view.regions)
    found = not_speech_regions(view, regions)
    return {text[r.start : r.end].strip(" ,."): why for r, why in zip(regions, found, strict=True)}


# a crowd's chant named as such, or the words a sign, a hat or a shirt carries: a slogan;
# a crowd or a person that chants or says the words speaks them
CHANTS_AND_SIGNS = [
    ('The hall broke into chants of "Fix the dock!" as Lee spoke.\n', "Fix the dock!", True),
    ('Then came the loud chant "Four more years!" from the back.\n', "Four more years!", True),
    ('About 40 workers marched outside, chanting "No deal, no vote."\n', "No deal, no vote", False),
    ('Ruiz wore a hat reading "Harbor First" at the rally.\n', "Harbor First", True),
    (
        'Volunteers handed out bottles that said, "Vote Ruiz on Tuesday."\n',
        "Vote Ruiz on Tuesday",
        True,
    ),
    ('A man held a sign that read "Save the Pier" all day.\n', "Save the Pier", True),
    ('Volunteers held banners proclaiming: "Save the pier!"\n', "Save the pier!", True),
    ('The crowd chanted, "Fix the dock!" as Lee spoke.\n', "Fix the dock!", False),
    ('The county\'s new sign read, "Slow down, save a life."\n', "Slow down, save a life", False),
    ('Lee said, "Fix the dock," and left.\n', "Fix the dock", False),
    ('Lee said the sign was "a bad joke" on Monday.\n', "a bad joke", False),
]


@pytest.mark.parametrize(("text", "words", "slogan"), CHANTS_AND_SIGNS)
def test_chants_and_signs_are_no_ones_words(text: str, words: str, slogan: bool, nlp: Any) -> None:
    assert (reasons(text, nlp)[words] is not None) == slogan


# a story cited by its headline and byline at the head of its line (a roundup); words an
# agent said, "by Lee", open no line
BYLINES = [
    (
        'NEW IN TOWN—"Gallery opens across from the pier," by the Post\'s Ann Lee: A gallery'
        " is moving.\n",
        "Gallery opens across from the pier",
        True,
    ),
    (
        '—"Ferry service to end in June," by Times\' Tom Hale: The ferry will stop.\n',
        "Ferry service to end in June",
        True,
    ),
    (
        'Ruiz said the "ugliness of the remarks," by Lee last week, was a shame.\n',
        "ugliness of the remarks",
        False,
    ),
    ('"We will reopen the pier," Lee said on Monday.\n', "We will reopen the pier", False),
    ('"We will know more," by Friday, Lee said.\n', "We will know more", False),
]


@pytest.mark.parametrize(("text", "words", "title"), BYLINES)
def test_a_headline_cited_with_its_byline_is_a_title(
    text: str, words: str, title: bool, nlp: Any
) -> None:
    assert (reasons("Lee spoke on Monday.\n\n" + text, nlp)[words] is not None) == title
