"""Parsing: long texts are cut into pieces without moving a single offset."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from saidwhen.nlp import _chunks, doc_text, parse_many


def test_chunks_are_consecutive_and_cut_at_paragraphs() -> None:
    text = "".join(f"Paragraph {i} says something.\n\n" for i in range(50))
    pieces = _chunks(text, size=200)
    assert "".join(pieces) == text
    assert all(p.endswith("\n\n") for p in pieces[:-1])
    assert max(len(p) for p in pieces) <= 200


@pytest.mark.parametrize("chunk_chars", [300, 100_000])  # cut in pieces, parsed whole
def test_long_text_parses_with_the_same_offsets(nlp: Any, chunk_chars: int) -> None:
    text = "".join(f'Reporter {i} wrote, "Line {i} is here."\n\n' for i in range(40))
    (doc,) = parse_many(nlp, [text], chunk_chars=chunk_chars)
    # the text parse_many keeps for doc_text is the one spaCy would rebuild
    assert doc_text(doc) == doc.text == text
    for tok in doc:
        assert text[tok.idx : tok.idx + len(tok)] == tok.text


def test_spacy_is_imported_only_to_parse() -> None:
    # the CLI's start, the ingest parent, search and serve parse nothing: spaCy's import
    # alone takes about half a second
    code = (
        "import sys, saidwhen, saidwhen.cli, saidwhen.engine.local, saidwhen.pipeline; "
        "print(sorted(m for m in ('spacy', 'thinc') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("“We will win,”Okoro said.", ["“", "We", "will", "win", ",", "”", "Okoro", "said", "."]),
        ("She said: “No.”The rest", ["She", "said", ":", "“", "No", ".", "”", "The", "rest"]),
        ('"Fine,"Okoro said.', ['"', "Fine", ",", '"', "Okoro", "said", "."]),
        ("the “rigged”vote", ["the", "“", "rigged", "”", "vote"]),
        # an abbreviation keeps its stop, and an inch mark is no quotation mark
        ("in the U.S.”The", ["in", "the", "U.S.", "”", "The"]),
        ('in the U.S."The', ["in", "the", "U.S.", '"', "The"]),
        ('No."The', ["No", ".", '"', "The"]),
        ("a 5'10\" guard", ["a", "5'10", '"', "guard"]),
        # a speaker's label glued to a straight mark; a clock time keeps its colon
        ('Ada Okoro:"We won."', ["Ada", "Okoro", ":", '"', "We", "won", ".", '"']),
        ("at 10:30 today", ["at", "10:30", "today"]),
    ],
)
def test_a_quotation_mark_glued_to_a_word_is_a_token(
    nlp: Any, text: str, tokens: list[str]
) -> None:
    assert [t.text for t in nlp(text)] == tokens


def test_a_speaker_glued_to_the_closing_mark_is_found(nlp: Any) -> None:
    from saidwhen import extract

    text = "Mayor Ada Okoro spoke on Monday.\n\n“The bridge opens in May,”Okoro said."
    record = extract(text, "2024-03-04", nlp=nlp)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in record.quotes] == [
        ("The bridge opens in May", "Ada Okoro")
    ]
