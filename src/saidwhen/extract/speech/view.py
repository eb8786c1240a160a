"""What every step reads of one article, worked out once: tokens, quotation marks,
paragraphs, sentences and the syntactic frame of each token.

Reading ``doc[i]`` builds a new Token object each time, and the steps look at
every token many times; they read these plain lists instead.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from saidwhen.extract.quotes import QuoteRegion, find_quote_regions
from saidwhen.extract.speech.syntax import cue_frame
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "ArticleView",
    "in_quotes",
    "quoted_tokens",
    "token_quote_regions",
    "tokens_in",
    "window_tokens",
]


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One parsed article as the speech steps read it.

    Attributes:
        doc: the parse; its character offsets are the article's.
        text: the article's text.
        start: where the body starts (text before it, a date header, is skipped).
        regions: the quoted regions (:func:`saidwhen.extract.quotes.find_quote_regions`).
        quoted: indices of the tokens inside those regions.
        token_regions: token ranges ``(open mark, close mark)`` of quoted passages.
        in_quotes: per token, whether it lies inside ``token_regions``.
        texts: the text of each token.
        para: the paragraph number of each token (a token with a line break opens one).
        sent_start: the index of the first token of each token's sentence.
        sent_end: the index after the last token of each token's sentence.
        frames: the syntactic frame of each token as a candidate cue.
        where: the indices of the tokens of each lower-case word.
    """

    doc: Doc
    text: str
    start: int
    regions: tuple[QuoteRegion, ...]
    quoted: frozenset[int]
    token_regions: tuple[tuple[int, int], ...]
    in_quotes: tuple[bool, ...]
    texts: tuple[str, ...]
    para: tuple[int, ...]
    sent_start: tuple[int, ...]
    sent_end: tuple[int, ...]
    frames: tuple[str, ...]
    where: dict[str, list[int]]

    def sentence(self, i: int) -> SpacySpan:
        """The sentence of token ``i`` (``Token.sent`` walks the whole sentence each time)."""
        return self.doc[self.sent_start[i] : self.sent_end[i]]

    def sentence_range(self, i: int) -> tuple[int, int]:
        """``(first, last + 1)``: the token indices of the sentence of token ``i``."""
        return self.sent_start[i], self.sent_end[i]

    def paragraphs(self) -> list[list[int]]:
        """The token indices of each paragraph of the body, white space left out."""
        out: dict[int, list[int]] = {}
        for i, text in enumerate(self.texts):
            if not text.isspace() and self.doc[i].idx >= self.start:
                out.setdefault(self.para[i], []).append(i)
        return list(out.values())

    def tokens_of(self, words: Iterable[str], lo: int, hi: int) -> list[Token]:
        """The tokens of ``doc[lo:hi]`` that are one of ``words`` (lower case), in text
        order; found through an index, so that a long sentence costs no more than a short one."""
        found: list[int] = []
        for w in words:
            at = self.where.get(w)
            if at:
                k = bisect_left(at, lo)
                while k < len(at) and at[k] < hi:
                    found.append(at[k])
                    k += 1
        return [self.doc[i] for i in sorted(found)]

    @classmethod
    def build(cls, doc: Doc, start: int = 0) -> ArticleView:
        """The view of ``doc``, whose body starts at character ``start``."""
        text = doc_text(doc)
        texts = tuple(t.text for t in doc)
        where: dict[str, list[int]] = {}
        for tok in doc:
            where.setdefault(tok.lower_, []).append(tok.i)
        regions = tuple(find_quote_regions(text, start))
        token_regions = tuple(token_quote_regions(texts))
        n = len(texts)
        inside = [False] * n
        for lo, hi in token_regions:
            inside[lo : hi + 1] = [True] * (hi + 1 - lo)
        para, p = [], 0
        for t in texts:
            p += "\n" in t
            para.append(p)
        sent_start, sent_end = [0] * n, [0] * n
        for sent in doc.sents:
            sent_start[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
            sent_end[sent.start : sent.end] = [sent.end] * (sent.end - sent.start)
        return cls(
            doc=doc,
            text=text,
            start=start,
            regions=regions,
            quoted=quoted_tokens(doc, regions),
            token_regions=token_regions,
            in_quotes=tuple(inside),
            texts=texts,
            para=tuple(para),
            sent_start=tuple(sent_start),
            sent_end=tuple(sent_end),
            frames=tuple(cue_frame(t) for t in doc),
            where=where,
        )


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def window_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    return [t for t in tokens_in(doc, start, end) if start <= t.idx < end]


def quoted_tokens(doc: Doc, regions: tuple[QuoteRegion, ...] | list[QuoteRegion]) -> frozenset[int]:
    """Indices of the tokens inside quotation marks: never the speaker of a quote."""
    out: set[int] = set()
    for r in regions:
        out.update(t.i for t in tokens_in(doc, r.start, r.end) if r.start <= t.idx < r.end)
    return frozenset(out)


def token_quote_regions(texts: tuple[str, ...]) -> list[tuple[int, int]]:
    """Token ranges ``(open, close)`` of double-quoted passages, paired within a paragraph.

    A passage left open at a paragraph end goes on when the next paragraph
    opens with a quotation mark (the news convention for long quotes).
    """
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    carry: int | None = None
    for i, text in enumerate(texts):
        if "\n" in text:
            carry, open_at = open_at, None
            continue
        if text in ("“", "``", "„", "«") or (open_at is None and text in ('"', "''")):
            # a long quote goes on where the previous paragraph left it open
            open_at = carry if carry is not None and i > 0 and "\n" in texts[i - 1] else i
            carry = None
        elif text in ("”", "»", '"', "''") and open_at is not None:
            regions.append((open_at, i))
            open_at = None
        elif text.strip():
            carry = None
    return regions


def in_quotes(doc: Doc) -> list[bool]:
    """Which tokens lie inside double quotation marks (for callers without a view)."""
    return list(ArticleView.build(doc).in_quotes)
