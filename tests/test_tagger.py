"""The CRF reported-speech tagger: features, BIO labels, decoding, a train→tag round trip.

Every sentence here is written for these tests.  The ``nlp`` fixture comes
from conftest.py.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pycrfsuite")

from saidwhen.extract.speech import crf
from saidwhen.extract.speech import decode as dec
from saidwhen.extract.speech.view import ArticleView

train_tagger = importlib.import_module("saidwhen.eval.train_tagger")

SENTENCES = [
    # text, source, cue, content
    (
        "The harbour master said that the ferry would sail at dawn.",
        "The harbour master",
        "said",
        "that the ferry would sail at dawn",
    ),
    (
        "Two fishermen claimed the nets had been cut overnight.",
        "Two fishermen",
        "claimed",
        "the nets had been cut overnight",
    ),
    (
        "The lighthouse keeper warned that a storm was coming.",
        "The lighthouse keeper",
        "warned",
        "that a storm was coming",
    ),
]


def _attribution(text: str, source: str, cue: str, content: str) -> dict[str, Any]:
    def span(part: str) -> list[list[int]]:
        s = text.index(part)
        return [[s, s + len(part)]]

    return {"source": span(source), "cue": span(cue), "content": span(content)}


def _features(nlp: Any, text: str) -> tuple[Any, list[int], list[list[str]]]:
    doc = nlp(text)
    seq = ArticleView.build(doc).paragraphs[0]
    return doc, seq, crf.sequence_features(ArticleView.build(doc), seq)


def test_features_of_a_hand_built_sentence(nlp: Any) -> None:
    doc, seq, feats = _features(nlp, 'The mayor said "the bridge is safe" on Monday.')
    assert len(feats) == len(seq) == len(doc)
    said = next(t.i for t in doc if t.text == "said")
    f = set(feats[said])
    assert {"w=said", "l=say", "p=VERB"} <= f
    assert "q=0" in f
    assert "para_start" in feats[0] and "para_end" in feats[-1]
    assert "-2:none" in feats[0] and "2:none" in feats[-1]
    bridge = next(t.i for t in doc if t.text == "bridge")
    assert "q=1" in feats[bridge]  # inside the quotation marks
    # the word the cue lexicon knows best is rated highest
    assert any(x.startswith("rate=") and x != "rate=x" for x in f)


@pytest.mark.parametrize(
    ("text", "outside", "inside"),
    [
        # the inch mark is stray: the quote is the one after it, not '" tall. "'
        ('The sign read 5\'10" tall. "We won," he said.', ["tall", "he", "said"], ["We", "won"]),
        # a quote the paragraph ends before closing is quoted to the paragraph's end
        ('She added, "We will not stop.\n\nThe end.', ["added", "end"], ["We", "stop"]),
    ],
)
def test_quote_flags_follow_the_character_pairer(
    nlp: Any, text: str, outside: list[str], inside: list[str]
) -> None:
    doc = nlp(text)
    view = ArticleView.build(doc)
    feats = {
        doc[i].text: f
        for p in view.paragraphs
        for i, f in zip(p, crf.sequence_features(view, p), strict=True)
    }
    assert all("q=0" in feats[w] for w in outside)
    assert all("q=1" in feats[w] for w in inside)


def test_paragraphs_split_at_blank_lines(nlp: Any) -> None:
    doc = nlp("The keeper spoke.\n\nThe mayor listened.")
    paras = ArticleView.build(doc).paragraphs
    assert [[doc[i].text for i in p] for p in paras] == [
        ["The", "keeper", "spoke", "."],
        ["The", "mayor", "listened", "."],
    ]
    later = ArticleView.build(doc, doc.text.index("The mayor")).paragraphs
    assert len(later) == 1


@pytest.mark.parametrize(
    ("spans", "labels"),
    [
        pytest.param([("CUE", 0, [(1, 2)])], ["O", "B-CUE", "O", "O"], id="one-token"),
        pytest.param(
            [("CON", 0, [(0, 4)]), ("CUE", 1, [(1, 2)])],
            ["B-CON", "B-CUE", "B-CON", "I-CON"],
            id="cue-inside-content",
        ),
        pytest.param(
            [("CON", 0, [(0, 1), (2, 4)])],
            ["B-CON", "O", "B-CON", "I-CON"],
            id="discontinuous",
        ),
        pytest.param(
            [("CON", 0, [(0, 2)]), ("CON", 1, [(2, 4)])],
            ["B-CON", "I-CON", "B-CON", "I-CON"],
            id="two-adjacent-contents",
        ),
    ],
)
def test_labels_from_spans(spans: Any, labels: list[str]) -> None:
    assert crf.labels_from_spans([0, 1, 2, 3], spans) == labels
    assert crf.labels_from_spans(range(4), spans) == labels  # a whole doc, as the rules'
    # a sequence further on in the doc reads the spans at its own tokens
    shifted = [(r, n, [(lo + 5, hi + 5) for lo, hi in p]) for r, n, p in spans]
    assert crf.labels_from_spans((5, 6, 7, 8), shifted) == labels


def test_spans_from_labels_round_trip() -> None:
    seq = [5, 6, 7, 8, 9, 10]
    labels = ["B-SRC", "I-SRC", "B-CUE", "B-CON", "I-CON", "I-SRC"]
    spans = crf.spans_from_labels(seq, labels)
    assert [(s.role, s.start, s.end) for s in spans] == [
        ("SRC", 5, 7),
        ("CUE", 7, 8),
        ("CON", 8, 10),
        ("SRC", 10, 11),  # a stray I opens a span of its own
    ]


def test_decode_groups_the_nearest_source_and_content(nlp: Any) -> None:
    doc = nlp("The keeper said the storm had passed, and the captain agreed.")
    words = [t.text for t in doc]

    def at(role: str, first: str, last: str) -> Any:
        return crf.TaggedSpan(role, words.index(first), words.index(last) + 1)

    spans = [
        at("SRC", "The", "keeper"),
        at("CUE", "said", "said"),
        at("CON", "the", "passed"),
    ]
    [(cue, src, con)] = dec.decode(ArticleView.build(doc), spans)
    assert (cue.start, src.start, con.start) == (spans[1].start, spans[0].start, spans[2].start)
    # a cue without content is no attribution
    assert dec.decode(ArticleView.build(doc), spans[:2]) == []


def _source_of(nlp: Any, text: str, roles: list[tuple[str, str, str]], cue: str) -> str:
    """The source text ``decode`` gives the cue word ``cue``, from hand-tagged spans."""
    doc = nlp(text)
    words = [t.text for t in doc]

    def at(role: str, first: str, last: str) -> Any:
        return crf.TaggedSpan(role, words.index(first), words.index(last) + 1)

    spans = sorted((at(*r) for r in roles), key=lambda s: s.start)
    found = {c.start: s for c, s, _ in dec.decode(ArticleView.build(doc), spans)}
    src = found[words.index(cue)]
    return "" if src is None else str(doc[src.start : src.end].text)


def test_a_cue_tied_into_what_another_cue_reports_takes_that_speaker(nlp: Any) -> None:
    # the parser hangs "asked" on "was", inside what the keeper said
    text = "The keeper said the storm was over and asked the crew to stay ashore."
    roles = [
        ("SRC", "The", "keeper"),
        ("CUE", "said", "said"),
        ("CON", "the", "over"),
        ("SRC", "storm", "storm"),
        ("CUE", "asked", "asked"),
        ("CON", "to", "ashore"),
    ]
    assert _source_of(nlp, text, roles, "asked") == "The keeper"


def test_a_relative_pronoun_is_not_the_source_of_the_main_verb(nlp: Any) -> None:
    text = "The mayor, who praised the budget on Monday, told reporters that taxes would fall."
    roles = [
        ("SRC", "The", "mayor"),
        ("SRC", "who", "who"),
        ("CUE", "told", "told"),
        ("CON", "that", "fall"),
    ]
    assert _source_of(nlp, text, roles, "told") == "The mayor"


def test_the_one_who_asks_is_the_agent_of_asked(nlp: Any) -> None:
    text = "Asked by a reporter whether the bridge would reopen, the mayor said it might."
    roles = [
        ("CUE", "Asked", "Asked"),
        ("SRC", "a", "reporter"),
        ("CON", "whether", "reopen"),
        ("SRC", "mayor", "mayor"),
        ("CUE", "said", "said"),
        ("CON", "it", "might"),
    ]
    assert _source_of(nlp, text, roles, "Asked") == "a reporter"
    assert _source_of(nlp, text, roles, "said") == "mayor"


def test_of_two_subjects_the_one_next_to_the_cue_speaks(nlp: Any) -> None:
    text = "The clerk filed the forms to the board, which she said represented all her work."
    roles = [
        ("SRC", "which", "which"),
        ("SRC", "she", "she"),
        ("CUE", "said", "said"),
        ("CON", "represented", "work"),
    ]
    assert _source_of(nlp, text, roles, "said") == "she"


def test_train_then_tag_round_trip(nlp: Any, tmp_path: Path) -> None:
    items = []
    for text, source, cue, content in SENTENCES:
        items.append((nlp(text), [_attribution(text, source, cue, content)]))
    model = tmp_path / "tiny.crfsuite"
    params = {"c1": 0.0, "c2": 0.001, "max_iterations": 200, "feature.minfreq": 0}
    size = train_tagger.train(items, model, params)
    assert size == model.stat().st_size > 0
    for (doc, _), (_, source, cue, content) in zip(items, SENTENCES, strict=True):
        [quote] = dec.find_tagged(ArticleView.build(doc), model=str(model))
        assert quote.kind == "indirect"
        assert doc.text[quote.start : quote.end] == content
        assert quote.cue is not None and quote.cue.text == cue
        assert quote.speaker is not None and quote.speaker.mention == source


def test_packaged_model_finds_a_plain_report(nlp: Any) -> None:
    assert crf.MODEL_PATH.stat().st_size < 5_000_000
    doc = nlp("The harbour master said that the ferry would sail at dawn.")
    [quote] = dec.find_tagged(ArticleView.build(doc))
    assert doc.text[quote.start : quote.end] == "that the ferry would sail at dawn"
    assert quote.cue is not None and quote.cue.text == "said"


def test_packaged_model_is_trained_on_the_features_of_today(nlp: Any) -> None:
    # the rules, the lexicon and the feature code as the model saw them in training;
    # when this fails, retrain: python -m saidwhen.eval.train_tagger
    stored = json.loads(crf.STAMP_PATH.read_text(encoding="utf-8"))["features"]
    assert crf.feature_stamp(nlp(crf.PROBE)) == stored


def test_the_stamp_moves_with_the_features(nlp: Any) -> None:
    doc = nlp(crf.PROBE)
    before = crf.feature_stamp(doc)
    doc[1].dep_ = "dobj"  # a different parse is different features
    assert crf.feature_stamp(doc) != before


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The new bridge, the harbour master said on Tuesday, would open in spring.",
            "The new bridge",
            "would open in spring",
        ),
        (
            "Too often, Ms. Varga said, the ferry leaves without its last passengers.",
            "Too often",
            "the ferry leaves without its last passengers",
        ),
    ],
)
def test_a_report_interrupted_by_its_source_is_one_content_in_two_pieces(
    nlp: Any, text: str, first: str, second: str
) -> None:
    from saidwhen.pipeline import extract

    rec = extract(text, "2021-03-02", nlp=nlp)
    pieces = [q for q in rec.quotes if q.kind == "indirect"]
    assert [q.text for q in pieces] == [first, second]
    assert pieces[1].continues == rec.quotes.index(pieces[0])
    assert pieces[0].cue is not None and pieces[0].cue.text == "said"
    assert pieces[0].speaker == pieces[1].speaker


def test_commas_alone_do_not_make_a_parenthetical(nlp: Any) -> None:
    # the cue ends the sentence: one content, before it
    doc = nlp("The ferry leaves early, the harbour master said.")
    spans = [s for seq in crf.tag_doc(ArticleView.build(doc), crf.load_tagger()) for s in seq]
    cues = [s for s in spans if s.role == "CUE"]
    assert cues and dec._parenthetical(ArticleView.build(doc), cues[0], None) is None


def test_a_report_interrupted_inside_another_starts_after_its_that(nlp: Any) -> None:
    doc = nlp("Senator Ada Okafor said on Monday that the bridge, the mayor added, would close.")
    said = crf.TaggedSpan("CUE", 3, 4)
    mayor, added = crf.TaggedSpan("SRC", 10, 12), crf.TaggedSpan("CUE", 12, 13)
    assert doc[said.start].text == "said" and doc[added.start].text == "added"
    pieces = dec._parenthetical(ArticleView.build(doc), added, mayor, [said, added])
    assert pieces is not None
    assert [doc[p.start : p.end].text for p in pieces] == ["the bridge", "would close"]


def _cue_and_content(doc: Any, cue: str, first: str, last: str) -> tuple[Any, Any]:
    words = [t.text for t in doc]
    k = words.index(cue)
    return (
        crf.TaggedSpan("CUE", k, k + 1),
        crf.TaggedSpan("CON", words.index(first), words.index(last) + 1),
    )


def test_an_untagged_source_is_the_subject_of_a_coordinated_cue(nlp: Any) -> None:
    doc = nlp("The governor won the vote on Monday, praising the plan as fair.")
    cue, con = _cue_and_content(doc, "praising", "the", "fair")
    con = crf.TaggedSpan("CON", cue.end, con.end)
    src = dec._subject_phrase(doc, cue, [cue], con)
    assert src is not None and doc[src.start : src.end].text == "The governor"


def test_the_subject_of_a_passive_or_empty_cue_is_no_source(nlp: Any) -> None:
    doc = nlp("The minister is expected to announce the budget.")
    cue, con = _cue_and_content(doc, "expected", "announce", "budget")
    assert dec._subject_phrase(doc, cue, [cue], con) is None
    doc = nlp("It appeared that the talks had stalled.")
    cue, con = _cue_and_content(doc, "appeared", "that", "stalled")
    assert dec._subject_phrase(doc, cue, [cue], con) is None


def test_the_rules_source_is_kept_before_the_subject_fallback() -> None:
    from saidwhen.model import Quote, Speaker

    rule = Quote(
        text="the ferry would sail",
        start=20,
        end=40,
        kind="indirect",
        speaker=Speaker(name="Lee", mention="Lee", start=0, end=3),
    )
    assert dec._rules_have_source([rule], 25, 45)
    assert not dec._rules_have_source([rule], 40, 60)
    assert not dec._rules_have_source([replace(rule, speaker=None)], 25, 45)


def test_the_object_of_led_to_say_is_the_source(nlp: Any) -> None:
    text = "The surprise win led the mayor to declare that the race was over."
    roles = [
        ("SRC", "The", "win"),
        ("CUE", "declare", "declare"),
        ("CON", "that", "over"),
    ]
    assert _source_of(nlp, text, roles, "declare") == "the mayor"
