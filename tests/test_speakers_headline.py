"""A headline's quote goes to the name before its speech verb, read from the words: a
Title Case headline capitalises "Says" and "Tells", which the parse takes for names
(hand-built headlines, written fresh): ``'...,' NAME VERB``, ``NAME VERB ... '...'``,
``NAME: '...'``, with single or double marks; the name as the article's people resolve
it (the body names the person in full)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.headline import _cue_lemma
from tests.test_attribution import run, who

BODY = (
    "\n\nRIVERTON — State treasurer Nadia Okafor urged lawmakers on Tuesday to drop the "
    'plan. "It would empty the school fund," Okafor said.\n'
)


@pytest.mark.parametrize(
    ("headline", "words", "cue"),
    [
        # the quote first, then the name and the verb (AP style)
        (
            "Toll Hikes Are ‘The Heaviest Burden Of All,’ Nadia Okafor Tells State Panel.",
            "The Heaviest Burden Of All",
            "Tells",
        ),
        ("Toll Hikes Are 'A Disaster,' Okafor Warns.", "A Disaster", "Warns"),
        # the name and the verb, then the quote further on
        ("Okafor Slams Toll Plan As “A Disaster” For Schools.", "A Disaster", "Slams"),
        ("Okafor Blasts Rival Over ‘Reckless’ Budget, Vows To Fight.", "Reckless", "Blasts"),
        # the verb's subject shared by a later verb: the name before the first one
        (
            "Nadia Okafor Denies Deal, Calls Toll Plan ‘Dead On Arrival’.",
            "Dead On Arrival",
            "Calls",
        ),
    ],
)
def test_headline_quote_goes_to_the_name_before_the_verb(
    nlp: Any, headline: str, words: str, cue: str
) -> None:
    rec = run(headline + BODY, nlp)
    q = next(q for q in rec.quotes if q.text == words and q.kind != "indirect")
    assert who(q) == "Nadia Okafor"
    assert q.cue is not None and q.cue.text == cue


def test_headline_colon_names_the_speaker(nlp: Any) -> None:
    rec = run("Nadia Okafor: Toll Plan ‘Will Empty The School Fund’.", nlp)
    q = next(q for q in rec.quotes if q.text == "Will Empty The School Fund")
    assert who(q) == "Nadia Okafor"


def test_a_clause_before_a_colon_is_no_name(nlp: Any) -> None:
    # a verb outside the lexicon makes the words before the colon a clause, not a label
    rec = run(
        "Nadia Okafor Endorses Sam Lee: Toll Plan Is ‘A Disaster’ For Schools.\n\n"
        "RIVERTON — State treasurer Nadia Okafor urged lawmakers on Tuesday to drop the "
        'plan, and backed Sam Lee for mayor. "It would empty the school fund," Okafor said.\n',
        nlp,
    )
    assert all("Endorses" not in q.speaker.mention for q in rec.quotes if q.speaker)


@pytest.mark.parametrize(
    "headline",
    [
        # no verb of saying: the quote is read as before (a name in marks, no speaker here)
        "Toll Plan Dubbed ‘The Big Squeeze’ In Riverton.",
        # a sentence for a first line is no headline: its parse is trusted
        "Riverton's toll plan is 'a disaster' for the schools, the mayor's office says.",
    ],
)
def test_other_first_lines_are_left_to_the_parse(nlp: Any, headline: str) -> None:
    rec = run(headline + BODY, nlp)
    assert all(who(q) != "Nadia Okafor" for q in rec.quotes if q.start < len(headline))


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("Says", "say"),
        ("Tells", "tell"),
        ("Denies", "deny"),
        ("Urges", "urge"),
        ("Finds.", "find"),
        ("Budget", None),
        ("Says'", None),
        ("Sayings", None),
    ],
)
def test_headline_verb_forms(word: str, lemma: str | None) -> None:
    assert _cue_lemma(word) == lemma


def test_a_headline_quote_is_no_interview_turn(nlp: Any) -> None:
    # the article is a dialogue of "Name:" turns, but the headline's "Name: '...'" quotes
    # a few words of its own: they, not the whole line, are the quote
    rec = run(
        "Nadia Okafor: ‘It Is Not A Tax’ To Ask Drivers For Tolls.\n\n"
        "Nadia Okafor: I want the new tolls in place by the spring.\n\n"
        "Sam Lee: We will see about that, and I think we will vote it down.\n",
        nlp,
    )
    first = [q for q in rec.quotes if q.start < 60 and q.kind != "indirect"]
    assert [q.text for q in first] == ["It Is Not A Tax"]
    assert who(first[0]) == "Nadia Okafor"
