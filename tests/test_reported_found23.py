"""Reported statements the frames read after tagging find where the parse misleads the
tagger (issue 10, session 23), on made-up sentences: a verb of saying whose "that"
clause the parser hung elsewhere, and a clause that opens on a longer subject phrase.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.frames import (
    find_as_reports,
    find_clause_reports,
    find_misread_that,
)
from saidwhen.extract.speech.view import ArticleView
from tests.test_attribution import run, who


def _read(finder: Any, text: str, nlp: Any) -> list[tuple[str, str | None, str | None]]:
    view = ArticleView.build(nlp(text))
    return [
        (view.text[d.start : d.end], d.speaker.mention if d.speaker else None, d.cue.text)
        for d in finder(view)
        if d.cue is not None
    ]


@pytest.mark.parametrize(
    ("text", "words", "source"),
    [
        # a phrase of place between the verb and its clause
        (
            "The council disclosed in court that it asked for the return of the ledgers "
            "in a letter Friday.",
            "it asked for the return of the ledgers in a letter Friday",
            "The council",
        ),
        # the one told and a phrase of occasion between them
        (
            "The harbour master told her in a meeting that the ferry would stop running in May.",
            "the ferry would stop running in May",
            "The harbour master",
        ),
    ],
)
def test_a_that_clause_after_a_phrase_is_the_verbs_words(
    nlp: Any, text: str, words: str, source: str
) -> None:
    found = _read(find_misread_that, text, nlp)
    assert (words, source) in [(w, s) for w, s, _ in found]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz worked late so that her staff could leave early.",
        # the one who learns receives the words
        "Tom Hale learned in a meeting that the ferry would stop running in May.",
        # a denied saying states nothing
        "Tom Hale did not say in the meeting that the ferry would stop running.",
        # no verb of saying before the clause
        "The crew painted the hull in the spring that the ferry sank.",
        # a noun of degree's own clause, under a denied need
        "The mayor does not need to prove her strength to the extent that Tom Hale did.",
    ],
)
def test_no_report_where_no_one_says_the_clause(nlp: Any, text: str) -> None:
    assert _read(find_misread_that, text, nlp) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the clause opens on its subject's whole phrase, a relative clause in it
        (
            "That official said the open hostility the mayor faced from the board "
            "hampered her plans for the pier.",
            "the open hostility the mayor faced from the board hampered her plans for the pier",
        ),
    ],
)
def test_a_clause_opening_on_a_long_subject_is_said(nlp: Any, text: str, words: str) -> None:
    assert words in [w for w, _, _ in _read(find_clause_reports, text, nlp)]


def test_an_infinitive_of_saying_reports_no_clause_of_its_own(nlp: Any) -> None:
    # "her call to admit its plan is wrong": what she called for, not a statement
    text = "The crew complained that the board ignored her call to admit its plan is wrong."
    assert "its plan is wrong" not in [w for w, _, _ in _read(find_clause_reports, text, nlp)]


def test_the_misread_clause_is_a_statement_of_the_article(nlp: Any) -> None:
    rec = run(
        "Port news.\n\nThe council disclosed in court that it asked for the return of the "
        "ledgers in a letter Friday.\n",
        nlp,
    )
    reports = [(q.text, who(q)) for q in rec.quotes if q.kind == "indirect"]
    assert reports == [("it asked for the return of the ledgers in a letter Friday", "The council")]


def _parsed(nlp: Any, rows: list[tuple[str, str, int, str, str]]) -> Any:
    """A parse given by hand, word by word: (word, part of speech, head, dependency,
    lemma); the parse the tagger once gave a sentence of the news."""
    from spacy.tokens import Doc

    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][0] != "." for i in range(len(rows))]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        pos=[r[1] for r in rows],
        heads=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
    )


def test_a_reason_the_parse_hung_on_the_object_is_said(nlp: Any) -> None:
    # "of" under "Hale", so the object's phrase runs to the sentence's end
    doc = _parsed(
        nlp,
        [
            ("She", "PRON", 1, "nsubj", "she"),
            ("accused", "VERB", 1, "ROOT", "accuse"),
            ("rival", "NOUN", 4, "compound", "rival"),
            ("Tom", "PROPN", 4, "compound", "Tom"),
            ("Hale", "PROPN", 1, "dobj", "Hale"),
            ("of", "ADP", 4, "prep", "of"),
            ("hiding", "VERB", 5, "pcomp", "hide"),
            ("the", "DET", 8, "det", "the"),
            ("logs", "NOUN", 6, "dobj", "log"),
            (".", "PUNCT", 1, "punct", "."),
        ],
    )
    found = [
        (doc.text[d.start : d.end], d.cue.text if d.cue else None)
        for d in find_as_reports(ArticleView.build(doc))
    ]
    assert found == [("rival Tom Hale of hiding the logs", "accused")]
