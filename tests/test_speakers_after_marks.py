"""What after a quote names its speaker and what does not, on hand-built sentences
(written fresh, after error classes of the real-news tuning sets): a fragment closed by
an "as" clause that names a speaker (``called it "a giveaway," as Senator Dunn said``)
is that speaker's, whoever reports the sentence around it; a passive verb or a clause
of time closing the sentence before a quote is no report of it; a relative clause after
the closing mark is no cue, nor a given name that looks like a verb of saying cut short
("Sarah" is no "say")."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.finders import opens_on_cue
from tests.test_attribution import run, who


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # inside a report of a vague group: the "as" clause names who said it
        (
            'Radio hosts rarely hesitate to claim that "the numbers are made up," as '
            'Tom Brack did last week, or that the critics are "paid by the industry," '
            "as the host Ellen Marsh said in May.\n",
            "the numbers are made up",
            "Tom Brack",
        ),
        (
            'Radio hosts rarely hesitate to claim that "the numbers are made up," as '
            'Tom Brack did last week, or that the critics are "paid by the industry," '
            "as the host Ellen Marsh said in May.\n",
            "paid by the industry",
            "Ellen Marsh",
        ),
        # a fragment with no cue of its own but the "as" clause ("as X put it")
        (
            'The fund is "a lifeline for small towns," as Governor Amy Reyes put it on Monday.\n',
            "a lifeline for small towns",
            "Amy Reyes",
        ),
        # the one the words are about is not the one who said them
        (
            'Critics call the plan "a giveaway," as Senator Paul Dunn said in March.\n',
            "a giveaway",
            "Paul Dunn",
        ),
        # two apostrophes for marks, the comma inside them
        (
            "Its anchors often say that ''the vote was rigged,'' as Dana Wick recently did.\n",
            "the vote was rigged",
            "Dana Wick",
        ),
    ],
)
def test_an_as_clause_after_the_marks_names_the_speaker(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    qs = [q for q in run(text, nlp).quotes if q.kind == "fragment" and q.text.startswith(words)]
    assert qs, words
    assert who(qs[0]) == speaker


@pytest.mark.parametrize(
    "text",
    [
        # "as long as" opens a condition, not a report
        'Mayor Tina Sol called the deal "fair" as long as the terms hold.\n',
        # "as far as she could tell" names no speaker either
        'Mayor Tina Sol said the budget was "as good as it gets," as far as she could tell.\n',
    ],
)
def test_an_as_clause_that_reports_nothing_keeps_the_reporter(nlp: Any, text: str) -> None:
    frags = [q for q in run(text, nlp).quotes if q.kind == "fragment"]
    assert frags
    assert all(who(q) == "Tina Sol" for q in frags)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the sentence before ends on a clause of time whose verb is passive
        (
            "''Exports rose by the most in four years,'' Paula Menk, a trade adviser to "
            "the governor and former head of the port authority, wrote after the trade "
            "figures were released. ''This is real progress for workers.''\n",
            "Paula Menk",
        ),
        # ... or on a clause of time whose subject only spoke before
        (
            '"We have a path to the nomination," added the campaign manager Rosa Vint, '
            'speaking to reporters after the governor spoke. "It runs through Ohio."\n',
            "Rosa Vint",
        ),
    ],
)
def test_a_clause_of_time_closing_the_sentence_before_is_not_its_report(
    nlp: Any, text: str, speaker: str
) -> None:
    qs = [q for q in run(text, nlp).quotes if q.kind == "direct"]
    assert len(qs) == 2
    assert [who(q) for q in qs] == [speaker, speaker]


def test_a_relative_clause_after_the_marks_is_no_cue(nlp: Any) -> None:
    # "which votes in May" is about the quote's last word, not who said it
    rec = run(
        "''The board is in good shape whatever happens in Ohio,'' said Lena Park, a "
        "senior adviser to the campaign. ''We could gain ground in Iowa, and we have real "
        "chances all the way through Oregon,'' which votes May 17. Still, Ms. Park "
        "conceded, ''we need big wins.''\n",
        nlp,
    )
    qs = [q for q in rec.quotes if q.kind == "direct" and q.text.startswith("We could")]
    assert [who(q) for q in qs] == ["Lena Park"]


@pytest.mark.parametrize(
    "name",
    # a given name that only looks like a verb of saying cut short ("Sarah" -> "say",
    # "Warner" -> "warn")
    ["Sarah Holm", "Warner Fisk"],
)
def test_a_name_after_the_marks_is_no_cue_verb(nlp: Any, name: str) -> None:
    rec = run(
        f'"We will not accept another delay of the vote by the council," {name}, a '
        "housing advocate for the city's Tenant Union, said on Monday.\n",
        nlp,
    )
    qs = [q for q in rec.quotes if q.kind == "direct"]
    assert [who(q) for q in qs] == [name]
    assert qs[0].speaker is not None
    assert qs[0].speaker.mention.startswith(name)


@pytest.mark.parametrize(
    ("word", "cue"),
    [
        ("Said", True),
        ("Says", True),
        ("Added", True),
        ("Argued", True),
        ("Replied", True),
        ("Sarah", False),
        ("Warner", False),
        ("Addison", False),
    ],
)
def test_a_capitalised_opening_word_is_a_cue(nlp: Any, word: str, cue: bool) -> None:
    doc = nlp(f'"We won." {word} Lane Ortiz, a coach.')
    tok = next(t for t in doc if t.text == word)
    assert opens_on_cue(tok) is cue
