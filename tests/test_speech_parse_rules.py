"""Speaker rules on hand-built parses: the parses the tagger and parser give real pages
now and then (a dash read as a noun subject, an inverted speaker after a verb of
telling, a report in a time clause), built token by token so that each rule is
tested whatever the installed model parses."""

from __future__ import annotations

from typing import Any

import pytest


def _doc(
    nlp: Any, rows: list[tuple[str, int, str, str, str, str]], ents: list[str] | None = None
) -> Any:
    """A parse from rows of (word, head, dep, pos, tag, lemma), with IOB entity tags."""
    from spacy.tokens import Doc

    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows, strict=True))
    return Doc(
        nlp.vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=ents,
    )


def test_a_dash_read_as_a_subject_is_no_speaker(nlp: Any) -> None:
    """``... were made public ― Brask boasted``: the tagger took the dash for a noun."""
    from saidwhen.extract.speech.syntax import cue_subject

    doc = _doc(
        nlp,
        [
            ("public", 1, "amod", "ADJ", "JJ", "public"),
            ("―", 3, "nsubj", "NOUN", "NN", "―"),
            ("Brask", 3, "nsubj", "PROPN", "NNP", "Brask"),
            ("boasted", 3, "ROOT", "VERB", "VBD", "boast"),
        ],
    )
    subj = cue_subject(doc[3])
    assert subj is not None and subj.text == "Brask"


def test_a_day_read_as_a_subject_is_no_speaker(nlp: Any) -> None:
    """``who Beck on Wednesday called ...``: the parser may make the day a subject."""
    from saidwhen.extract.speech.syntax import cue_subject

    doc = _doc(
        nlp,
        [
            ("Wednesday", 2, "nsubj", "PROPN", "NNP", "Wednesday"),
            ("Beck", 2, "nsubj", "PROPN", "NNP", "Beck"),
            ("called", 2, "ROOT", "VERB", "VBD", "call"),
            ("him", 2, "dobj", "PRON", "PRP", "he"),
        ],
        ents=["B-DATE", "O", "O", "O"],
    )
    subj = cue_subject(doc[2])
    assert subj is not None and subj.text == "Beck"


def test_a_relative_pronoun_before_a_subject_is_the_one_spoken_of(nlp: Any) -> None:
    """``Pruitt, who Lane called a liar``: "who" is the object, Lane speaks."""
    from saidwhen.extract.speech.syntax import cue_subject

    doc = _doc(
        nlp,
        [
            ("Pruitt", 0, "ROOT", "PROPN", "NNP", "Pruitt"),
            (",", 0, "punct", "PUNCT", ",", ","),
            ("who", 4, "nsubj", "PRON", "WP", "who"),
            ("Lane", 4, "nsubj", "PROPN", "NNP", "Lane"),
            ("called", 0, "relcl", "VERB", "VBD", "call"),
            ("a", 6, "det", "DET", "DT", "a"),
            ("liar", 4, "oprd", "NOUN", "NN", "liar"),
        ],
    )
    subj = cue_subject(doc[4])
    assert subj is not None and subj.text == "Lane"


@pytest.mark.parametrize(
    ("verb", "lemma", "speaker"),
    [
        ("said", "say", "Courier"),  # "..., said the Courier": the inverted subject
        ("tells", "tell", None),  # "..., tells the Courier": the one who hears it
        ("informs", "inform", None),
    ],
)
def test_an_inverted_object_speaks_unless_it_is_told(
    nlp: Any, verb: str, lemma: str, speaker: str | None
) -> None:
    from saidwhen.extract.speech.syntax import cue_subject

    doc = _doc(
        nlp,
        [
            ("We", 1, "nsubj", "PRON", "PRP", "we"),
            ("won", 3, "ccomp", "VERB", "VBD", "win"),
            (",", 3, "punct", "PUNCT", ",", ","),
            (verb, 3, "ROOT", "VERB", "VBZ", lemma),
            ("the", 5, "det", "DET", "DT", "the"),
            ("Courier", 3, "dobj", "PROPN", "NNP", "Courier"),
        ],
    )
    subj = cue_subject(doc[3])
    assert (subj.text if subj is not None else None) == speaker


@pytest.mark.parametrize(
    ("mark", "dep", "head", "apart"),
    [
        ("when", "advcl", 1, True),  # "testified about a meeting when Ortiz told them"
        ("while", "advcl", 1, True),
        ("until", "advcl", 1, False),  # a condition: the words stay the main clause's
        ("when", "relcl", 4, False),  # PolNeAR gives the outer source of a relative clause
    ],
)
def test_a_report_in_a_time_clause_is_set_apart(
    nlp: Any, mark: str, dep: str, head: int, apart: bool
) -> None:
    from saidwhen.extract.speech.finders import set_apart

    doc = _doc(
        nlp,
        [
            ("He", 1, "nsubj", "PRON", "PRP", "he"),
            ("testified", 1, "ROOT", "VERB", "VBD", "testify"),
            ("about", 1, "prep", "ADP", "IN", "about"),
            ("a", 4, "det", "DET", "DT", "a"),
            ("meeting", 2, "pobj", "NOUN", "NN", "meeting"),
            (mark, 7, "advmod", "SCONJ", "WRB", mark),
            ("Ortiz", 7, "nsubj", "PROPN", "NNP", "Ortiz"),
            ("told", head, dep, "VERB", "VBD", "tell"),
            ("them", 7, "dobj", "PRON", "PRP", "they"),
        ],
    )
    assert set_apart(doc[7], doc[1]) is apart
