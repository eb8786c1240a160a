"""Reported speech on hand-built sentences (issue 10, written fresh, session 16): the
source a parse put elsewhere.

* "X, meanwhile, who ..., said ...": the parse made the relative clause a clause of the
  verb of saying, with the name and "who" both its subjects; the name speaks
  (:func:`saidwhen.extract.speech.syntax.cue_subject`);
* a source whose head cannot speak and names no one ("opened a rally blasting X": the
  tagger took "rally") gives way to the nearest subject up the parse from the cue that
  can (:func:`saidwhen.extract.speech.syntax.speaking_subject_above`, applied by
  :func:`saidwhen.extract.speech.frames.settle_sources`); "according to" keeps what it
  names;
* "both", "both of whom" as a source: the last pair named together before it, as "the
  couple" is (:func:`saidwhen.extract.people.speakers._pair_joint`).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import report_source as _report
from tests.test_attribution import run

_OPENING = "The harbour festival drew record crowds this summer.\n\n"


@pytest.mark.parametrize(
    ("sentence", "words", "name"),
    [
        (
            "Dana Whitfield, meanwhile, who sits on the ferry board, said the new "
            "timetable was unfair to islanders.",
            "unfair to islanders",
            "Dana Whitfield",
        ),
        (
            "Councillor Ruiz, meanwhile, who chairs the budget panel, said that the "
            "fares would rise in May.",
            "fares would rise",
            "Ruiz",
        ),
    ],
)
def test_a_name_before_who_speaks_when_the_parse_hung_the_clause_on_the_verb(
    nlp: Any, sentence: str, words: str, name: str
) -> None:
    said, _ = _report(run(_OPENING + sentence + "\n", nlp), words)
    assert said is not None and said.endswith(name)


@pytest.mark.parametrize(
    ("sentence", "words", "mention"),
    [
        (
            "On Tuesday, the mayor opened a harbour rally blasting the ferry board for "
            "raising fares in the winter.",
            "the ferry board for raising fares",
            "the mayor",
        ),
        (
            # the object of "according to" is the source, whatever its head
            "The town was the fourth to close its pier this year, according to a county "
            "database tracking such closures.",
            "the fourth to close its pier",
            "a county database tracking such closures",
        ),
    ],
)
def test_a_source_that_cannot_speak_gives_way_to_a_subject_above_that_can(
    nlp: Any, sentence: str, words: str, mention: str
) -> None:
    assert _report(run(_OPENING + sentence + "\n", nlp), words)[1] == mention


@pytest.mark.parametrize(
    ("sentence", "mute", "found"),
    [
        ("The mayor opened a rally blasting the board for raising fares.", "rally", "mayor"),
        # a subject inside quotation marks is no source of the sentence's reports
        ('"The mayor opened a rally blasting the board," Lee wrote.', "rally", "lee"),
    ],
)
def test_speaking_subject_above(nlp: Any, sentence: str, mute: str, found: str | None) -> None:
    from saidwhen.extract.speech.syntax import speaking_subject_above
    from saidwhen.extract.speech.view import ArticleView

    view = ArticleView.build(nlp(sentence))
    doc = view.doc
    cue = next(t for t in doc if t.lower_ == "blasting")
    head = next(t for t in doc if t.lower_ == mute)
    words = (cue.idx + len(cue.text) + 1, cue.idx + len(cue.text) + 10)  # "the board"
    subj = speaking_subject_above(cue, head, words, view.quoted)
    assert (subj.text.lower() if subj is not None else None) == found


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "The debate turned to fares between Ortiz and Whitfield, both daughters of "
            "ferry pilots.\n\nAnd both vowed to cut fares before the summer.\n",
            "to cut fares",
            "Ortiz and Whitfield",
        ),
        (
            "The mayor said she had consulted Judge Ana Ruiz and scholar Tom Hale at the "
            "county college, both of whom advised her that the order was lawful.\n",
            "the order was lawful",
            "Ana Ruiz and Tom Hale",
        ),
    ],
)
def test_both_is_the_pair_named_before(nlp: Any, text: str, words: str, name: str) -> None:
    rec = run(_OPENING + text, nlp)
    said = [q.speaker.name for q in rec.quotes if q.text.startswith(words) and q.speaker]
    assert said == [name]


@pytest.mark.parametrize(("quoted", "found"), [(frozenset(), "Lee"), (frozenset((0, 1)), None)])
def test_a_name_before_who_inside_quotation_marks_is_no_subject(
    quoted: frozenset[int], found: str | None
) -> None:
    # a parse built by hand: "Lee, who sits there, said": both subjects of "sits", a
    # clause of "said", which has none
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from saidwhen.extract.speech.syntax import _named_before_who

    words = ["Lee", ",", "who", "sits", "there", ",", "said", "."]
    heads = [3, 3, 3, 6, 3, 6, 6, 6]
    deps = ["nsubj", "punct", "nsubj", "ccomp", "advmod", "punct", "ROOT", "punct"]
    pos = ["PROPN", "PUNCT", "PRON", "VERB", "ADV", "PUNCT", "VERB", "PUNCT"]
    tags = ["NNP", ",", "WP", "VBZ", "RB", ",", "VBD", "."]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    named = _named_before_who(doc[6], quoted)
    assert (named.text if named is not None else None) == found
