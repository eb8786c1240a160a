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
