"""Which cue a quotation belongs to, on made-up articles (issue 10, session 10):
the words after a closing mark are not its report when they open a new sentence
or an adverbial clause, and a speaker named after the cue is the noun an owner
stands before, not the owner.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


def _quoted(text: str, nlp: Any) -> list[tuple[str, str | None]]:
    return [(q.text, who(q)) for q in run(text, nlp).quotes if q.kind != "indirect"]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the quote had its cue before it; "She replied" opens the next sentence
        (
            "In May, after Ruiz fell ill, Paul Lee emailed her flowers, telling her, "
            '"You are a fighter and we need you back!" She replied to him that it was kind.\n',
            "You are a fighter and we need you back!",
            "Paul Lee",
        ),
        (
            'At the meeting Dana Ortiz asked the board: "Who will pay for the bridge?" '
            "Mayor Tom Hale answered that the county would.\n",
            "Who will pay for the bridge?",
            "Dana Ortiz",
        ),
    ],
)
def test_a_new_sentence_after_an_introduced_quote_is_not_its_cue(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert (words, speaker) in _quoted(text, nlp)


def test_without_a_cue_before_it_the_next_words_still_name_the_speaker(nlp: Any) -> None:
    # '"...!" Smith said' with a capital after the mark: no cue before the quote, so the
    # words after it are its report
    text = 'The crowd waited for an hour. "We are not going anywhere!" Dana Ortiz said.\n'
    assert ("We are not going anywhere!", "Dana Ortiz") in _quoted(text, nlp)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the second half of a split quote, then an adverbial clause with another verb
        (
            '"In good news," Dana Ortiz wrote on Monday, "the bridge is open again," after '
            "city engineer Paul Lee announced the repairs online.\n",
            "the bridge is open again",
            "Dana Ortiz",
        ),
        (
            '"The vote is a mistake," Mayor Ana Ruiz said on Friday, "and we will appeal," '
            "before council member Tom Hale replied that the vote stands.\n",
            "and we will appeal",
            "Ana Ruiz",
        ),
    ],
)
def test_an_adverbial_clause_after_a_quote_is_not_its_report(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert (words, speaker) in _quoted(text, nlp)


def test_a_cue_after_an_adverbial_clause_still_counts(nlp: Any) -> None:
    text = 'The plan was dropped. "It was never funded," when asked, Ana Ruiz said.\n'
    assert ("It was never funded", "Ana Ruiz") in _quoted(text, nlp)


@pytest.mark.parametrize(
    ("text", "words", "mention"),
    [
        (
            'The rally began late. "We owe them a lot," exhorted Ruiz\'s introducer, '
            "singer Tom Hale.\n",
            "We owe them a lot",
            "singer Tom Hale",
        ),
        (
            'The mayor thanked the crews. "We owe them a lot," exhorted the mayor\'s '
            "introducer, actress Maria Gomez.\n",
            "We owe them a lot",
            "actress Maria Gomez",
        ),
    ],
)
def test_after_the_cue_the_owned_noun_speaks_not_its_owner(
    nlp: Any, text: str, words: str, mention: str
) -> None:
    found = [q for q in run(text, nlp).quotes if q.text == words]
    assert found and found[0].speaker is not None
    assert found[0].speaker.mention == mention


@pytest.mark.parametrize(
    ("text", "words", "speaker", "mention"),
    [
        # the parser takes the capitalised verb for part of the name
        (
            '"We continue to pray," Ana Ruiz said. She called the soldiers occupiers. '
            'Replied State Department deputy spokesman Tom Hale, "We have not really '
            'analyzed the statement in detail."\n',
            "We have not really analyzed the statement in detail.",
            "Tom Hale",
            "State Department deputy spokesman Tom Hale",
        ),
        ('Said Ellis: "We will not pay."\n', "We will not pay.", "Ellis", "Ellis"),
    ],
)
def test_a_sentence_opening_on_its_cue_names_the_speaker_after_it(
    nlp: Any, text: str, words: str, speaker: str, mention: str
) -> None:
    found = [q for q in run(text, nlp).quotes if q.text == words]
    assert found and found[0].speaker is not None
    assert (who(found[0]), found[0].speaker.mention) == (speaker, mention)


def test_a_long_name_with_for_before_the_cue_is_the_speaker(nlp: Any) -> None:
    text = (
        'Monarchists hope to defeat the republic at the referendum. "The phony war has '
        'finished," Australians for a Constitutional Monarchy executive director Kerry '
        "Jones said.\n"
    )
    assert ("The phony war has finished", "Kerry Jones") in _quoted(text, nlp)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the parser hangs "by Castro" on the last word named
        (
            'Labeled "worms" and "traitors" by Ruiz, many were not able to visit their '
            "relatives for years.\n",
            "Ruiz",
        ),
        # no passive: "by any measure" is no agent
        ('Tom Lee called the plan "a disaster" by any measure.\n', "Tom Lee"),
    ],
)
def test_the_agent_of_a_passive_naming_verb_said_the_words(
    nlp: Any, text: str, speaker: str
) -> None:
    fragments = {who(q) for q in run(text, nlp).quotes if q.kind == "fragment"}
    assert fragments == {speaker}


def test_a_finite_cue_the_parser_hung_on_its_subject_keeps_that_subject(nlp: Any) -> None:
    # the parser took "Mr. Doyle" for the sentence's root and "called" for a modifier
    text = (
        "But Smith Barney's Mr. Doyle, who yesterday trimmed his Anheuser earnings "
        'projection to $2.95 a share from $3.10, called the market\'s reaction "justified."\n'
    )
    fragments = [(q.text, who(q)) for q in run(text, nlp).quotes if q.kind == "fragment"]
    assert fragments == [("justified.", "Doyle")]
