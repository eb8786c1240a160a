"""The article view: its per-token lists are what spaCy's Token objects say.

The view reads ``Doc.to_array`` once instead of building Token objects; these
tests hold it to the Token attributes on hand-written text.  The ``nlp``
fixture comes from conftest.py.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from saidwhen.extract.speech.lexicon import SUBJ_DEPS, cue_keys, cue_record
from saidwhen.extract.speech.view import ArticleView, _children, _groups, _subject_pos_of

TEXTS = [
    'date 2021-03-02\n\nThe harbour master said on Monday that "the ferry will sail."\n\n'
    "MAYOR DIAZ: We are ready.\nUpdate: the pier reopened, the council announced.",
    "Nets were cut, two fishermen claimed.  The keeper, who spoke first, warned of a storm.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_token_lists_match_the_tokens(nlp: Any, text: str) -> None:
    doc = nlp(text)
    view = ArticleView.build(doc)
    assert view.texts == tuple(t.text for t in doc)
    assert view.lower == tuple(t.lower_ for t in doc)
    assert view.lemma == tuple(t.lemma_.lower() for t in doc)
    assert view.pos == tuple(t.pos_ for t in doc)
    assert view.tag == tuple(t.tag_ for t in doc)
    assert view.dep == tuple(t.dep_ for t in doc)
    assert view.head == tuple(t.head.i for t in doc)
    assert view.children == tuple(tuple(c.i for c in t.children) for t in doc)
    assert view.idx == tuple(t.idx for t in doc)
    assert view.is_space == tuple(t.is_space for t in doc)
    assert view.is_title == tuple(t.is_title for t in doc)
    where: dict[str, list[int]] = {}
    for t in doc:
        where.setdefault(t.lower_, []).append(t.i)
    assert view.where == where


@pytest.mark.parametrize("text", TEXTS[:2])
def test_cue_records_are_the_lexicon_lookup_of_each_token(nlp: Any, text: str) -> None:
    doc = nlp(text)
    view = ArticleView.build(doc)
    for tok in doc:
        subj = next((c.pos_ for c in tok.children if c.dep_ in SUBJ_DEPS), "x")
        args = (tok.lower_, tok.lemma_.lower(), view.frames[tok.i], view.in_quotes[tok.i], subj)
        assert view.cue_keys(tok.i) == cue_keys(*args)
        assert view.cues[tok.i] == cue_record(*args)
    said = next(t.i for t in doc if t.text in ("said", "claimed"))
    assert view.cues[said] is not None


def test_frames_of_a_hand_built_article(nlp: Any) -> None:
    doc = nlp(TEXTS[0])
    view = ArticleView.build(doc)
    frame = {t.text: view.frames[t.i] for t in doc}
    assert frame["said"] == "ccomp"
    colons = [view.frames[t.i] for t in doc if t.text == ":"]
    # "MAYOR DIAZ:" names a speaker, "Update:" does not
    assert colons == ["colon_name", "colon_line"]


def test_paragraphs_and_quoted_tokens(nlp: Any) -> None:
    text = TEXTS[0]
    doc = nlp(text)
    start = text.index("The harbour")
    view = ArticleView.build(doc, start)
    paras = [[doc[i].text for i in p] for p in view.paragraphs]
    assert paras[0][:3] == ["The", "harbour", "master"]
    assert paras[1][:2] == ["MAYOR", "DIAZ"]
    assert all(not doc[i].is_space for p in view.paragraphs for i in p)
    inside = {doc[i].text for i in view.quoted}
    assert {"ferry", "sail"} <= inside
    assert not {"master", "said", '"'} & inside


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        # the inch mark is stray: the quote after it is the one in marks
        ('The sign read 5\'10" tall. "We won," he said.', '"We won,"'),
        ('"First half," he said, "second half."', '"First half," "second half."'),
        ("“Curly,” he said. ``Old style,'' she said.", "“Curly,” ``Old style,''"),
        # a mark glued to the word before it still opens (the token holds both)
        ('He waxed poetic about"joint work." He left.', 'about"joint work."'),
        # a quote the paragraph ends before closing runs to the paragraph's end
        ('She added, "We will not stop.\n\nThe end.', '"We will not stop.'),
        # one that goes on in the next paragraph is one range, the break included
        ('"We will build it.\n\n"And pay," he said.', '"We will build it.\n\n"And pay,"'),
        ("No quotes here, isn't it.", ""),
    ],
)
def test_token_mask_follows_the_character_pairer(nlp: Any, text: str, inside: str) -> None:
    doc = nlp(text)
    view = ArticleView.build(doc)
    assert " ".join(t.text for t in doc if view.in_quotes[t.i]) == " ".join(
        t.text for t in nlp.make_doc(inside)
    )
    # every token range runs from a token holding an opening mark of a region
    for (lo, _), r in zip(view.token_regions, view.regions, strict=False):
        assert doc[lo].idx <= r.open_mark < doc[lo].idx + len(doc[lo])


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("One two.\n\nThree.", 0, [["One", "two", "."], ["Three", "."]]),
        # a single line break is a paragraph break too; a blank line holds none
        ("One.\n   \nTwo.\nThree.", 0, [["One", "."], ["Two", "."], ["Three", "."]]),
        # from ``start`` on, a token cut by it left out
        ("Header line\nBody  here.", 5, [["line"], ["Body", "here", "."]]),
    ],
)
def test_paragraphs_are_the_lines_of_the_text(
    nlp: Any, text: str, start: int, expected: list[list[str]]
) -> None:
    doc = nlp(text)
    view = ArticleView.build(doc, start)
    assert [[doc[i].text for i in p] for p in view.paragraphs] == expected


def test_article_view_is_the_view_built_for_the_article(nlp: Any) -> None:
    from saidwhen.extract.memo import forget_article
    from saidwhen.extract.speech.view import article_view

    doc = nlp("The keeper said the pier would reopen.\n\nShe was sure of it.")
    forget_article()
    built = ArticleView.build(doc, 4)
    assert article_view(doc) is built  # the stages read the same arrays
    forget_article()
    fresh = article_view(doc)  # after its article: a view of its own, built once
    assert fresh is not built and fresh.start == 0 and fresh.head == built.head
    assert article_view(doc) is fresh
    forget_article()


@pytest.mark.parametrize(
    ("heads", "children"),
    [
        ([0], [()]),
        ([1, 1, 1], [(), (0, 2), ()]),
        # a second root, and children on both sides, in text order
        ([2, 2, 2, 3, 5, 3, 5], [(), (), (0, 1), (5,), (), (4, 6), ()]),
        ([], []),
    ],
)
def test_children_from_heads(heads: list[int], children: list[tuple[int, ...]]) -> None:
    assert _children(np.array(heads, dtype=np.intp)) == tuple(children)


@pytest.mark.parametrize(
    ("codes", "groups"),
    [
        ([0, 1, 0, 2, 1, 0], [[0, 2, 5], [1, 4], [3]]),
        ([0], [[0]]),
        ([], []),
    ],
)
def test_groups_of_codes(codes: list[int], groups: list[list[int]]) -> None:
    assert _groups(np.array(codes, dtype=np.intp)) == groups


@pytest.mark.parametrize("text", TEXTS)
def test_arrays_match_the_tokens(nlp: Any, text: str) -> None:
    doc = nlp(text)
    view = ArticleView.build(doc)
    assert view.heads.tolist() == [t.head.i for t in doc]
    assert view.sentence_starts.tolist() == [s.start for s in doc.sents]
    assert view.titles.tolist() == [t.i for t in doc if t.is_title]


@pytest.mark.parametrize(
    "text",
    [
        "Nets were cut,  two fishermen claimed.\n\nThe keeper warned.  ",
        " A  lone  word\n",
        "x",
    ],
)
def test_token_range_is_the_expanded_char_span(nlp: Any, text: str) -> None:
    doc = nlp(text)
    view = ArticleView.build(doc)
    for start in range(-1, len(text) + 2):
        for end in range(start + 1, len(text) + 2):
            span = doc.char_span(start, end, alignment_mode="expand")
            want = None if span is None else (span.start, span.end)
            assert view.token_range(start, end) == want, (start, end)


@pytest.mark.parametrize("text", TEXTS)
def test_subject_pos_of_every_token(nlp: Any, text: str) -> None:
    doc = nlp(text)
    view = ArticleView.build(doc)
    want = [next((c.pos_ for c in t.children if c.dep_ in SUBJ_DEPS), "x") for t in doc]
    assert _subject_pos_of(view.heads, view.factors) == want
    assert ("x" in want and len(set(want)) > 1) or not want  # some tokens have a subject


@pytest.mark.parametrize("text", TEXTS)
def test_span_text_is_the_spans_text(nlp: Any, text: str) -> None:
    doc = nlp(text)
    view = ArticleView.build(doc)
    n = len(doc)
    for lo in range(-1, n + 2):
        for hi in range(lo - 1, n + 2):
            assert view.span_text(lo, hi) == doc[max(0, lo) : max(0, hi)].text, (lo, hi)


def test_a_line_break_between_two_tokens_is_read_from_the_text(nlp: Any) -> None:
    from saidwhen.extract.speech.syntax import _line_between

    doc = nlp("Slower growth ahead\n\nLee had said, at noon, that  the mill\r\nwould close.")
    for a in doc:
        for b in doc:
            lo, hi = sorted((a.i, b.i))
            said = any("\n" in t.text for t in doc[lo:hi] if t.is_space)
            assert _line_between(a, b) == said, (a.i, b.i)
