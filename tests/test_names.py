"""The entity CRF that stands in for spaCy's ``ner`` (saidwhen.extract.names)."""

from __future__ import annotations

from typing import Any

from saidwhen.extract import names
from saidwhen.extract.names import (
    LABELS,
    MODEL_PATH,
    SPACY_LABELS,
    doc_table,
    segments,
    sequence_features,
    set_entities,
    spans_from_labels,
    tag_entities,
)

SENTENCE = (
    "Senator Maria Okonkwo said on Tuesday that Brightwater Industries would open "
    "a factory in Cleveland next year."
)


def _labelled(doc: Any, ents: list[tuple[int, int, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s, e, lab in ents:
        out.setdefault(lab, []).append(doc[s:e].text)
    return out


def test_person_company_city_date(nlp: Any) -> None:
    doc = nlp(SENTENCE)
    found = _labelled(doc, tag_entities(doc))
    assert any("Okonkwo" in t for t in found.get("PERSON", [])), found
    assert any("Brightwater" in t for t in found.get("ORG", [])), found
    assert "Cleveland" in found.get("PLACE", []), found
    assert any("Tuesday" in t for t in found.get("TIME", [])), found


def test_person_after_courtesy_title(nlp: Any) -> None:
    doc = nlp("The fund was run by Mr. Haverford until March 2019, when he left for Berlin.")
    found = _labelled(doc, tag_entities(doc))
    assert any("Haverford" in t for t in found.get("PERSON", [])), found
    assert "Berlin" in found.get("PLACE", []), found
    assert any("2019" in t for t in found.get("TIME", [])), found


def test_spans_are_ordered_and_labelled(nlp: Any) -> None:
    doc = nlp(SENTENCE + " Okonkwo, a Democrat, did not answer questions from reporters.")
    ents = tag_entities(doc)
    assert ents == sorted(ents)
    assert all(0 <= s < e <= len(doc) and lab in LABELS for s, e, lab in ents)
    ends = [e for _, e, _ in ents]
    assert all(e <= s for e, (s, _, _) in zip(ends, ents[1:], strict=False))


def test_set_entities_replaces_spacy_labels(nlp: Any) -> None:
    doc = nlp(SENTENCE)
    assert set_entities(doc) is doc
    assert doc.ents, "expected some entities"
    assert {e.label_ for e in doc.ents} <= set(LABELS)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == tag_entities(doc)
    city = next(t for t in doc if t.text == "Cleveland")
    assert city.ent_type_ == "PLACE"
    assert next(t for t in doc if t.text == "factory").ent_type_ == ""


def test_quiet_sentence_is_not_tagged(nlp: Any) -> None:
    doc = nlp("he said it was fine and that they would see what happens.")
    assert segments(doc) == []
    assert tag_entities(doc) == []


def test_segments_cover_candidates(nlp: Any) -> None:
    doc = nlp(
        "it rained. the mayor of Springfield spoke for 20 minutes. "
        "nobody came to the hall, so the event was cut short."
    )
    covered = {i for seq in segments(doc) for i in seq}
    for word in ("Springfield", "20", "minutes"):
        assert next(t.i for t in doc if t.text == word) in covered
    assert next(t.i for t in doc if t.text == "short") not in covered


def test_features_are_deterministic(nlp: Any) -> None:
    doc = nlp(SENTENCE)

    def feats() -> list[list[list[str]]]:
        table = doc_table(doc)
        return [sequence_features(table, seq) for seq in segments(doc, table)]

    first = feats()
    names._WORDS.clear()  # from a cold cache too
    names._NAMES.clear()
    assert feats() == first == feats()
    assert first and all("bias" in f for seq in first for f in seq)


def test_spans_from_labels() -> None:
    seq = range(10, 16)
    labels = ["B-PERSON", "I-PERSON", "O", "I-ORG", "B-TIME", "I-PLACE"]
    assert spans_from_labels(seq, labels) == [
        (10, 12, "PERSON"),
        (13, 14, "ORG"),
        (14, 15, "TIME"),
        (15, 16, "PLACE"),
    ]


def test_label_mapping() -> None:
    assert set(SPACY_LABELS.values()) == set(LABELS)
    assert SPACY_LABELS["GPE"] == SPACY_LABELS["NORP"] == "PLACE"
    assert SPACY_LABELS["DATE"] == "TIME"


def test_the_pipeline_tags_entities_without_spacy_ner(nlp: Any) -> None:
    assert "ner" not in nlp.pipe_names
    assert nlp.pipe_names[-1] == names.COMPONENT
    assert MODEL_PATH.is_file()  # ships with the package
    doc = nlp(SENTENCE)
    assert {e.label_ for e in doc.ents} <= set(LABELS)
    assert any(e.label_ == "PERSON" and "Okonkwo" in e.text for e in doc.ents)
