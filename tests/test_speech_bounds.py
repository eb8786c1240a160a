"""Where a tagged content starts and ends: the tagger's guess corrected by the parse.

Every sentence here is made up.  The spans are tagged by hand, so these tests
read the decoding rules of ``saidwhen.extract.speech.decode``, not the model.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech import bounds
from saidwhen.extract.speech import decode as dec
from saidwhen.extract.speech.types import Draft, TaggedSpan
from saidwhen.extract.speech.view import ArticleView
from saidwhen.model import Span, Speaker


def _span(doc: Any, role: str, words: str, after: int = 0) -> TaggedSpan:
    """The tokens of ``words`` (first occurrence at or after token ``after``)."""
    at = doc.text.find(words, doc[after].idx if after < len(doc) else len(doc.text))
    span = doc.char_span(at, at + len(words)) if at >= 0 else None
    assert span is not None, f"{words!r} not in {doc.text!r}"
    return TaggedSpan(role, span.start, span.end)


def _text(doc: Any, span: TaggedSpan) -> str:
    return str(doc[span.start : span.end].text)


@pytest.mark.parametrize(
    ("text", "cue", "tagged", "bounded"),
    [
        # the tagger stopped at the close of a quotation the clause goes on after
        (
            'Ms. Oduya said the ferry is "a floating ruin" because nobody paints it.',
            "said",
            'the ferry is "a floating ruin"',
            'the ferry is "a floating ruin" because nobody paints it',
        ),
        # the channel told after the words is the saying's, not the words
        (
            "Mr. Pell asked for a quiet hearing in a letter to the harbour board.",
            "asked for",
            "a quiet hearing in a letter to the harbour board",
            "a quiet hearing",
        ),
        # the one told is not what was told
        (
            "The warden told the keepers every winter that the lamp must stay lit.",
            "told",
            "the keepers every winter that the lamp must stay lit",
            "that the lamp must stay lit",
        ),
        # the next sentence opens a quotation: the next report's words
        (
            'Lena Marsh conceded that the tide had won. "That, sadly," she said, "is the sea."',
            "conceded",
            'that the tide had won. "That, sadly,"',
            "that the tide had won",
        ),
        # a dash that sets off another one's report ends the words; a hyphen does not
        (
            "Ms. Varga urged the board to act -- a delay the treasurer said would cost millions.",
            "urged",
            "the board to act -- a delay the treasurer said would cost millions",
            "the board to act",
        ),
        (
            "Mr. Pell claimed that a well-connected clerk said the pier was sold.",
            "claimed",
            "that a well-connected clerk said the pier was sold",
            "that a well-connected clerk said the pier was sold",
        ),
    ],
)
def test_content_bounds(nlp: Any, text: str, cue: str, tagged: str, bounded: str) -> None:
    doc = nlp(text)
    view = ArticleView.build(doc)
    k = _span(doc, "CUE", cue)
    con = bounds.content_bounds(view, k, _span(doc, "CON", tagged, k.end))
    assert _text(doc, con) == bounded


@pytest.mark.parametrize(
    ("text", "tagged", "role", "edged"),
    [
        # a bracket closed, never opened, inside the words
        ("Her bakery (she admitted that the rye burned) closed.", "that the rye burned)", "CON",
         "that the rye burned"),
        # a bracket the words open and close stays
        ("Sen. Ada Voss (D-Ore.) said so.", "Sen. Ada Voss (D-Ore.)", "SRC",
         "Sen. Ada Voss (D-Ore.)"),
        # the comma after an appositive, a joining "and" at the start
        ("Tom Ferrell, a welder, said so.", "Tom Ferrell, a welder,", "SRC",
         "Tom Ferrell, a welder"),
        ("He said the pier is old and the boats are new.", "and the boats are new", "CON",
         "the boats are new"),
        # the close of a quotation the words open is theirs
        ('She called the plan "a mess," and left.', 'the plan "a mess', "CON",
         'the plan "a mess,"'),
    ],
)  # fmt: skip
def test_edges(nlp: Any, text: str, tagged: str, role: str, edged: str) -> None:
    doc = nlp(text)
    assert _text(doc, bounds.edges(ArticleView.build(doc), _span(doc, role, tagged))) == edged


def test_a_cue_without_tagged_words_takes_the_rules_words(nlp: Any) -> None:
    text = "Although critics hinted at foul play, Ines Varga told the board no record shows it."
    doc = nlp(text)
    view = ArticleView.build(doc)
    told = _span(doc, "CUE", "told")
    spans = [
        _span(doc, "SRC", "Ines Varga"),
        told,
        _span(doc, "SRC", "no record"),
        _span(doc, "CUE", "shows"),
        _span(doc, "CON", "it", told.end),
    ]
    words = "no record shows it"
    at = text.index(words)
    rule = Draft(
        at,
        at + len(words),
        "indirect",
        Speaker(name="Ines Varga", mention="Ines Varga", start=text.index("Ines"), end=0),
        Span(text="told", start=text.index("told"), end=text.index("told") + 4),
        is_indirect=True,
    )
    found = {_text(doc, c): (_text(doc, s) if s else None, _text(doc, n)) for c, s, n in
             dec.decode(view, spans, [rule])}  # fmt: skip
    assert found["told"] == ("Ines Varga", words)
    assert "shows" not in found  # inside the words told, and no verb of saying
    # without the rules' words the cue has none
    assert "told" not in {_text(doc, c) for c, _, _ in dec.decode(view, spans)}


def test_a_name_next_to_a_cue_the_parse_left_without_subject_speaks(nlp: Any) -> None:
    from saidwhen.extract.speech.finders import nearby_subject

    # the parse takes "screenwriter" for a verb and hangs the name on it
    text = (
        "\"Just saw the mayor's new boat. I'm impressed by his ability to find a way to sink "
        'literally every kind of vessel ever built," screenwriter Tobin Marlow wrote on Twitter.'
    )
    doc = nlp(text)
    view = ArticleView.build(doc)
    wrote = next(t for t in doc if t.text == "wrote")
    assert not [c for c in wrote.children if c.dep_ == "nsubj"]
    subj = nearby_subject(view, wrote, view.regions[0])
    assert subj is not None and subj.text == "Marlow"
