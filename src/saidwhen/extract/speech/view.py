"""What every step reads of one article, worked out once: tokens, quotation marks,
paragraphs, sentences, the syntactic frame and cue rate of each token.

Reading ``doc[i]`` builds a new Token object each time, and the steps look at
every token many times; they read these plain lists instead, filled from
``Doc.to_array`` in one pass.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from saidwhen.extract.memo import per_article
from saidwhen.extract.quotes import QuoteRegion, find_quote_regions, paragraphs
from saidwhen.extract.speech.lexicon import CUE_FORMS, SUBJ_DEPS, cue_keys, cue_record
from saidwhen.extract.speech.syntax import line_before
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "ArticleView",
    "Lines",
    "article_view",
    "in_quotes",
    "quoted_tokens",
    "tokens_in",
    "window_tokens",
]

_ATTRS = (
    "ORTH",
    "LOWER",
    "LEMMA",
    "POS",
    "TAG",
    "DEP",
    "HEAD",
    "IDX",
    "IS_SPACE",
    "IS_TITLE",
    "SENT_START",
    "IS_PUNCT",
)
# the first attributes are ids of strings: the names of their codes in ``ArticleView.factors``
_FACTORS = ("orth", "lower", "lemma", "pos", "tag", "dep")
# The string of each id the articles' columns hold, kept from one article to the next:
# an id is its string's hash, the same in every vocabulary, and reading the string
# store costs more than a dict (emptied between two articles past this size).
_STRINGS: dict[int, str] = {}
_STRINGS_MAX = 1 << 17
# A token's cue record depends on five strings only: each combination looked up once
_cue_record = functools.lru_cache(maxsize=1 << 15)(cue_record)
# the dependents that decide a token's frame, in the order they are tried
_FRAME_DEPS = ("ccomp", "xcomp", "dobj", "oprd", "prep", "agent")
_FRAME_RANK = {d: k for k, d in enumerate(_FRAME_DEPS)}
_CHAINED = frozenset(("parataxis", "advcl", "conj"))  # a "parataxis" frame, after their head


Ints = npt.NDArray[np.intp]


def _opening(region: tuple[int, int]) -> int:
    return region[0]


@dataclass(frozen=True, slots=True)
class Lines:
    """An article's line breaks and running count of letters and digits: what a region's
    line holds is looked up rather than scanned (a long line with many quotes stays
    linear)."""

    size: int
    breaks: list[int]  # where each "\n" is
    alnum: list[int]  # the letters and digits before each offset

    @classmethod
    def of(cls, text: str) -> Lines:
        return cls(
            len(text),
            [m.start() for m in re.finditer("\n", text)],
            list(itertools.accumulate(map(str.isalnum, text), initial=0)),
        )

    def start(self, pos: int) -> int:
        """Where the line holding ``pos`` starts."""
        k = bisect.bisect_left(self.breaks, pos)
        return self.breaks[k - 1] + 1 if k else 0

    def end(self, pos: int) -> int:
        """The first line break at or after ``pos`` (the text's end when there is none)."""
        k = bisect.bisect_left(self.breaks, pos)
        return self.breaks[k] if k < len(self.breaks) else self.size

    def has_words(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds a letter or a digit."""
        return end > start and self.alnum[end] > self.alnum[start]


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One parsed article as the speech steps read it.

    Attributes:
        doc: the parse; its character offsets are the article's.
        text: the article's text.
        start: where the body starts (text before it, a date header, is skipped).
        regions: the quoted regions (:func:`saidwhen.extract.quotes.find_quote_regions`).
        quoted: indices of the tokens inside those regions.
        token_regions: the token ranges ``(open mark, close mark)`` of ``regions``, a
            quote that goes on over paragraphs as one range (:func:`token_quote_regions`).
        in_quotes: per token, whether it lies inside ``token_regions``, marks included.
        texts: the text of each token.
        lower, lemma, pos, tag, dep: per token ``lower_``, ``lemma_.lower()``,
            ``pos_``, ``tag_``, ``dep_``.
        head: per token, the index of its head (its own for a root).
        children: per token, the indices of its children in text order.
        idx: per token, its character offset.
        is_space, is_title, is_punct: per token, ``is_space``, ``is_title`` and
            ``is_punct``.
        para: the paragraph number of each token (a token with a line break opens one).
        paragraphs: the token indices of each paragraph from ``start`` on, white space
            left out.
        sent_start: the index of the first token of each token's sentence.
        sent_end: the index after the last token of each token's sentence.
        frames: the syntactic frame of each token as a candidate cue.
        cues: per token, ``(cue occurrences, all occurrences)`` in PolNeAR train of
            its most specific cue-lexicon key, or None.
        where: the indices of the tokens of each lower-case word.
        lemma_where: the indices of the tokens of each lower-case lemma.
        factors: for ``orth``, ``lower``, ``lemma``, ``pos``, ``tag`` and ``dep``, the
            distinct values in the article and the code of each token's value among
            them (a feature is looked up once per value, not once per token).
        heads: ``head`` as an array.
        sentence_starts: the first token of each sentence, in text order.
        titles: the indices of the tokens that are ``is_title``.
        lines: the text's line breaks and letters (:class:`Lines`).
    """

    doc: Doc
    text: str
    start: int
    regions: tuple[QuoteRegion, ...]
    quoted: frozenset[int]
    token_regions: tuple[tuple[int, int], ...]
    in_quotes: tuple[bool, ...]
    texts: tuple[str, ...]
    lower: tuple[str, ...]
    lemma: tuple[str, ...]
    pos: tuple[str, ...]
    tag: tuple[str, ...]
    dep: tuple[str, ...]
    head: tuple[int, ...]
    children: tuple[tuple[int, ...], ...]
    idx: tuple[int, ...]
    is_space: tuple[bool, ...]
    is_title: tuple[bool, ...]
    is_punct: tuple[bool, ...]
    para: tuple[int, ...]
    paragraphs: tuple[tuple[int, ...], ...]
    sent_start: tuple[int, ...]
    sent_end: tuple[int, ...]
    frames: tuple[str, ...]
    cues: tuple[tuple[int, int] | None, ...]
    where: dict[str, list[int]]
    lemma_where: dict[str, list[int]]
    factors: dict[str, tuple[tuple[str, ...], Ints]]
    heads: Ints
    sentence_starts: Ints
    titles: Ints
    lines: Lines

    def regions_from(self, lo: int, hi: int) -> tuple[tuple[int, int], ...]:
        """The ``token_regions`` that open at a token in ``lo:hi``, in text order (found
        by bisection: asked for each report, a scan would grow with the square of them)."""
        r = self.token_regions
        a = bisect.bisect_left(r, lo, key=_opening)
        return r[a : bisect.bisect_left(r, hi, lo=a, key=_opening)]

    def sentence(self, i: int) -> SpacySpan:
        """The sentence of token ``i`` (``Token.sent`` walks the whole sentence each time)."""
        return self.doc[self.sent_start[i] : self.sent_end[i]]

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """``(first, last + 1)``: the tokens that overlap characters ``start:end``, as
        ``Doc.char_span(start, end, alignment_mode="expand")`` finds them (None where it
        finds none), read from the offsets without a Span or a Token."""
        size = len(self.text)
        if not (0 <= start < size and 0 <= end - 1 < size):
            return None
        idx = self.idx
        first = bisect.bisect_right(idx, start) - 1
        if start == idx[first] + len(self.texts[first]):
            first += 1  # the white space after a token is no part of it
        return first, bisect.bisect_right(idx, end - 1)

    def span_text(self, lo: int, hi: int) -> str:
        """``doc[lo:hi].text`` read from the offsets (a Span's text joins a new Token's
        text for each of its tokens)."""
        lo, hi = max(0, lo), min(hi, len(self.idx))
        if lo >= hi:
            return ""
        return self.text[self.idx[lo] : self.idx[hi - 1] + len(self.texts[hi - 1])]

    def sentence_range(self, i: int) -> tuple[int, int]:
        """``(first, last + 1)``: the token indices of the sentence of token ``i``."""
        return self.sent_start[i], self.sent_end[i]

    def tokens_of(self, words: Iterable[str], lo: int, hi: int) -> list[Token]:
        """The tokens of ``doc[lo:hi]`` that are one of ``words`` (lower case), in text
        order; found through an index, so that a long sentence costs no more than a short one."""
        found: list[int] = []
        for w in words:
            at = self.where.get(w)
            if at:
                k = bisect.bisect_left(at, lo)
                while k < len(at) and at[k] < hi:
                    found.append(at[k])
                    k += 1
        return [self.doc[i] for i in sorted(found)]

    def with_lemmas(self, lemmas: Collection[str], lo: int = 0) -> list[int]:
        """The indices from ``lo`` on of the tokens whose lower-case lemma is one of
        ``lemmas``, in text order (through an index: rules that look for their verbs
        over the whole article each built no Token and read no word they do not want)."""
        where = self.lemma_where
        if isinstance(lemmas, (set, frozenset)) and len(lemmas) < len(where):
            keys: Iterable[str] = lemmas
        else:
            keys = [w for w in where if w in lemmas]
        found: list[int] = []
        for w in keys:
            at = where.get(w)
            if at:
                found += at[bisect.bisect_left(at, lo) :] if lo else at
        found.sort()
        return found

    @classmethod
    def build(cls, doc: Doc, start: int = 0) -> ArticleView:
        """The view of ``doc``, whose body starts at character ``start``."""
        text = doc_text(doc)
        n = len(doc)
        arr = doc.to_array(list(_ATTRS))
        strings = doc.vocab.strings
        # each distinct string id read once from the string store (see _STRINGS); per
        # attribute, the distinct values and the code of each token's value among them
        names = _STRINGS
        if len(names) > _STRINGS_MAX:
            names.clear()
        factors: dict[str, tuple[tuple[str, ...], Ints]] = {}
        # per attribute, each token's string: the distinct ones taken by code (an
        # array's take, not a dict lookup per token)
        per_token: dict[str, tuple[str, ...]] = {}
        for col, attr in enumerate(_FACTORS):
            ids, codes = np.unique(arr[:, col], return_inverse=True)
            id_list = ids.tolist()
            for k in set(id_list).difference(names):
                names[k] = strings[k]
            got = list(map(names.__getitem__, id_list))
            if attr == "lemma":
                got = [g.lower() for g in got]
            codes = codes.reshape(n).astype(np.intp)
            factors[attr] = (tuple(got), codes)
            distinct = np.empty(len(got), dtype=object)
            distinct[:] = got
            per_token[attr] = tuple(distinct.take(codes).tolist())
        idx = arr[:, 7].tolist()
        texts = per_token["orth"]
        # HEAD is an offset from the token, stored unsigned
        heads = arr[:, 6].astype(np.intp) + np.arange(n, dtype=np.intp)
        head = tuple(heads.tolist())
        regions = tuple(find_quote_regions(text, start))
        token_regions = token_quote_regions(regions, idx)
        inside = [False] * n
        for lo, hi in token_regions:
            inside[lo : hi + 1] = [True] * (hi + 1 - lo)
        # a token with a line break opens a paragraph (each distinct text looked at once)
        orth_values, orth_codes = factors["orth"]
        breaks = np.array(["\n" in t for t in orth_values], dtype=bool)
        para = np.cumsum(breaks[orth_codes]).tolist()
        firsts, sent_start, sent_end = _sentence_bounds(arr[:, 10])
        quoted = tuple(inside)
        lowers, lemma_l = per_token["lower"], per_token["lemma"]
        poses, deps = per_token["pos"], per_token["dep"]
        children = _children(heads)
        where = dict(zip(factors["lower"][0], _groups(factors["lower"][1]), strict=True))
        lemma_where: dict[str, list[int]] = {}
        lemma_values, lemma_codes = factors["lemma"]
        for m, at in zip(lemma_values, _groups(lemma_codes), strict=True):
            # (two lemmas may lower to one: "Say" and "say")
            lemma_where[m] = sorted(lemma_where[m] + at) if m in lemma_where else at
        frames = _frames(doc, lowers, poses, deps, head, factors, where)
        is_space = tuple(arr[:, 8].astype(bool).tolist())
        view = cls(
            doc=doc,
            text=text,
            start=start,
            regions=regions,
            quoted=quoted_tokens(doc, regions, idx),
            token_regions=token_regions,
            in_quotes=quoted,
            texts=texts,
            lower=lowers,
            lemma=lemma_l,
            pos=poses,
            tag=per_token["tag"],
            dep=deps,
            head=head,
            children=children,
            idx=tuple(idx),
            is_space=is_space,
            is_title=tuple(arr[:, 9].astype(bool).tolist()),
            is_punct=tuple(arr[:, 11].astype(bool).tolist()),
            para=tuple(para),
            paragraphs=_paragraphs(text, idx, np.flatnonzero(arr[:, 8] == 0), start),
            sent_start=sent_start,
            sent_end=sent_end,
            frames=frames,
            cues=_cue_records(lowers, lemma_l, frames, quoted, heads, factors),
            where=where,
            lemma_where=lemma_where,
            factors=factors,
            heads=heads,
            sentence_starts=firsts,
            titles=np.flatnonzero(arr[:, 9]),
            lines=Lines.of(text),
        )
        _built(doc).append(view)
        return view

    def cue_keys(self, i: int) -> tuple[str, ...]:
        """The cue-lexicon keys of token ``i`` (:func:`lexicon.cue_keys`)."""
        subj = _subject_pos(i, self.pos, self.dep, self.children)
        return cue_keys(self.lower[i], self.lemma[i], self.frames[i], self.in_quotes[i], subj)


def _views_of(doc: Doc) -> list[ArticleView]:
    return []


# The views built of a doc while its article is extracted (emptied with the rest; a
# caller that never forgets its articles, an evaluation, holds the last few docs only).
_built = per_article(_views_of, maxsize=4)


def article_view(doc: Doc) -> ArticleView:
    """The view of ``doc`` built for its article, else a new one: the stages that get only
    the parse read its token arrays (``head``, ``lower``, ``pos`` ...) instead of a Token
    each (``start``, ``regions`` and ``paragraphs`` are those of the first view built)."""
    built = _built(doc)
    return built[0] if built else ArticleView.build(doc)


def _groups(codes: Ints) -> list[list[int]]:
    """The indices of each code's items in ascending order, one list per code ``0 ...
    codes.max()`` (a stable sort, not an append per item)."""
    order = np.argsort(codes, kind="stable").tolist()
    ends = np.cumsum(np.bincount(codes)).tolist()
    return [order[a:b] for a, b in zip([0, *ends][:-1], ends, strict=True)]


def _children(heads: Ints) -> tuple[tuple[int, ...], ...]:
    """Each token's children in text order (``Token.children``), from each token's head
    (its own for a root)."""
    n = len(heads)
    out: list[tuple[int, ...]] = [()] * n
    dependents = np.flatnonzero(heads != np.arange(n))
    if not len(dependents):
        return tuple(out)
    by_head = dependents[np.argsort(heads[dependents], kind="stable")].tolist()
    counts = np.bincount(heads[dependents], minlength=n)
    ends = np.cumsum(counts)
    has = counts > 0
    starts, stops = (ends - counts)[has].tolist(), ends[has].tolist()
    for h, a, b in zip(np.flatnonzero(has).tolist(), starts, stops, strict=True):
        out[h] = tuple(by_head[a:b])
    return tuple(out)


def _sentence_bounds(
    sent_start: npt.NDArray[Any],
) -> tuple[Ints, tuple[int, ...], tuple[int, ...]]:
    """The first token of each sentence, and of each token's sentence the first token and
    the token after its last, from the SENT_START column as ``Doc.sents`` reads it (a
    sentence starts where the value is 1), without making a Span per sentence."""
    n = len(sent_start)
    first = sent_start == 1
    first[:1] = True
    at = np.arange(n)
    starts = np.maximum.accumulate(np.where(first, at, 0))
    firsts = np.flatnonzero(first)
    ends = np.append(firsts[1:], n)[np.cumsum(first) - 1]
    return firsts, tuple(starts.tolist()), tuple(ends.tolist())


def _subject_pos(
    i: int, pos: tuple[str, ...], dep: tuple[str, ...], children: tuple[tuple[int, ...], ...]
) -> str:
    """The part of speech of token ``i``'s first subject (``x`` without one)."""
    return next((pos[c] for c in children[i] if dep[c] in SUBJ_DEPS), "x")


def _frames(
    doc: Doc,
    lower: tuple[str, ...],
    pos: tuple[str, ...],
    dep: tuple[str, ...],
    head: tuple[int, ...],
    factors: dict[str, tuple[tuple[str, ...], Ints]],
    where: dict[str, list[int]],
) -> tuple[str, ...]:
    """The syntactic frame each token appears in as a candidate cue, the key of its cue rate.

    A colon has a frame of its own; a noun with a clause "that" opens, ``noun_that``; any
    other word the first of :data:`_FRAME_DEPS` among its children's dependencies; a word
    without one that goes on from its head (:data:`_CHAINED`), ``parataxis``; else
    ``none``. (Worked out over the dependency codes, not token by token.)
    """
    n = len(head)
    at = np.arange(n)
    heads = np.array(head, dtype=np.intp)
    is_child = heads != at
    dep_values, dep_codes = factors["dep"]
    none = len(_FRAME_DEPS)
    rank = np.array([_FRAME_RANK.get(d, none) for d in dep_values], dtype=np.intp)[dep_codes]
    # each head's best rank among its children's
    best = np.full(n, none, dtype=np.intp)
    ranked = is_child & (rank < none)
    np.minimum.at(best, heads[ranked], rank[ranked])
    names = (*_FRAME_DEPS, "none")
    out = [names[k] for k in best.tolist()]
    for m in where.get("that", ()):
        # "the claim that ...": a noun whose clausal child "that" opens
        c = head[m]
        clausal = dep[m] == "mark" and c != m and dep[c] in ("acl", "ccomp") and head[c] != c
        if clausal and pos[head[c]] == "NOUN":
            out[head[c]] = "noun_that"
    chained = np.array([d in _CHAINED for d in dep_values], dtype=bool)[dep_codes]
    for i in np.flatnonzero(chained & (heads < at)).tolist():
        if out[i] == "none":
            out[i] = "parataxis"
    orth_values, orth_codes = factors["orth"]
    if ":" in orth_values:
        for i in np.flatnonzero(orth_codes == orth_values.index(":")).tolist():
            out[i] = _colon_frame(doc[i])
    return tuple(out)


def _colon_frame(tok: Token) -> str:
    """A colon's frame: after a verb, a name or speaker tag, other words of its line."""
    left = line_before(tok)
    if left and left[-1].pos_ in ("VERB", "AUX"):
        return "colon_verb"
    if 0 < len(left) <= 4 and any(t.pos_ in ("PROPN", "NOUN") for t in left):
        # a name or an all-caps speaker tag ("Mayor Diaz:", "SMITH:") vs "Update:"
        named = all(t.pos_ == "PROPN" or t.is_upper or t.is_punct for t in left)
        return "colon_name" if named and len(left[0]) > 1 else "colon_line"
    return "colon"


def _cue_records(
    lower: tuple[str, ...],
    lemma: tuple[str, ...],
    frames: tuple[str, ...],
    quoted: tuple[bool, ...],
    heads: Ints,
    factors: dict[str, tuple[tuple[str, ...], Ints]],
) -> tuple[tuple[int, int] | None, ...]:
    """The cue record of every token; only the tokens whose word or lemma the lexicon
    knows (each distinct one looked up once) are read."""
    n = len(lower)
    out: list[tuple[int, int] | None] = [None] * n
    (words, word_of), (lemmas, lemma_of) = factors["lower"], factors["lemma"]
    known_word = np.array([w in CUE_FORMS for w in words], dtype=bool)
    known_lemma = np.array([m in _CUE_LEMMAS for m in lemmas], dtype=bool)
    cands = np.flatnonzero(known_word[word_of] | known_lemma[lemma_of]).tolist()
    if not cands:
        return tuple(out)
    subj = _subject_pos_of(heads, factors)
    for i in cands:
        out[i] = _cue_record(lower[i], lemma[i], frames[i], quoted[i], subj[i])
    return tuple(out)


# the lemmas of the cue lexicon (its keys ``~lemma``)
_CUE_LEMMAS = frozenset(f[1:] for f in CUE_FORMS if f.startswith("~"))


def _subject_pos_of(heads: Ints, factors: dict[str, tuple[tuple[str, ...], Ints]]) -> list[str]:
    """:func:`_subject_pos` of every token: the part of speech of its first child (in
    text order) of a dependency in ``SUBJ_DEPS``, ``x`` without one."""
    n = len(heads)
    (dep_values, dep_of), (pos_values, pos_of) = factors["dep"], factors["pos"]
    is_subj = np.array([d in SUBJ_DEPS for d in dep_values], dtype=bool)
    subj = np.flatnonzero(is_subj[dep_of] & (heads != np.arange(n)))
    # the first subject of each head: subjects come in text order
    owners, first = np.unique(heads[subj], return_index=True)
    code = np.full(n, len(pos_values), dtype=np.intp)
    code[owners] = pos_of[subj[first]]
    names = np.empty(len(pos_values) + 1, dtype=object)
    names[:] = [*pos_values, "x"]
    return names.take(code).tolist()  # type: ignore[no-any-return]


def _paragraphs(text: str, idx: list[int], words: Ints, start: int) -> tuple[tuple[int, ...], ...]:
    """Token indices of each paragraph (:func:`saidwhen.extract.quotes.paragraphs`), white
    space left out (``words``: the indices of the tokens that are not), from character
    ``start`` on."""
    out = []
    for p_start, p_end in paragraphs(text, start):
        lo, hi = bisect.bisect_left(idx, p_start), bisect.bisect_left(idx, p_end)
        a, b = np.searchsorted(words, (lo, hi)).tolist()
        if a < b:
            out.append(tuple(words[a:b].tolist()))
    return tuple(out)


# asked again for the same spans by the rules (15,934 of 24,657 times on PolNeAR dev)
@per_article
def tokens_in(doc: Doc, start: int, end: int) -> Span:
    """The tokens that overlap characters ``start:end`` (a Span: its tokens are built
    only as they are read, so a caller that stops early pays for what it read)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else doc[0:0]


def window_tokens(doc: Doc, start: int, end: int) -> Span:
    """The tokens that start within characters ``start:end``."""
    span = tokens_in(doc, start, end)
    # only the first token of the overlap can start before ``start``
    return span[1:] if len(span) and span[0].idx < start else span


def quoted_tokens(
    doc: Doc,
    regions: tuple[QuoteRegion, ...] | list[QuoteRegion],
    idx: list[int] | tuple[int, ...] | None = None,
) -> frozenset[int]:
    """Indices of the tokens inside quotation marks: never the speaker of a quote.

    ``idx`` is the character offset of each token, when the caller has it.
    """
    offsets = [t.idx for t in doc] if idx is None else idx
    out: set[int] = set()
    for r in regions:
        # the tokens that start inside the region
        out.update(range(bisect.bisect_left(offsets, r.start), bisect.bisect_left(offsets, r.end)))
    return frozenset(out)


def token_quote_regions(
    regions: Sequence[QuoteRegion], idx: Sequence[int]
) -> tuple[tuple[int, int], ...]:
    """The token ranges ``(open mark, close mark)`` of the quoted ``regions``.

    ``idx`` is the character offset of each token.  A quote the paragraph ends
    before closing runs to its last token; one that goes on in the next
    paragraph (``continues_previous``) is one range with it, over the break.
    """
    out: list[tuple[int, int]] = []
    left_open = False
    for r in regions:
        lo = bisect.bisect_right(idx, r.open_mark) - 1
        last = r.close_mark if r.close_mark is not None else r.end - 1
        hi = bisect.bisect_right(idx, last) - 1
        if r.continues_previous and left_open and out:
            lo = out.pop()[0]
        out.append((lo, hi))
        left_open = r.close_mark is None
    return tuple(out)


def in_quotes(doc: Doc) -> list[bool]:
    """Which tokens lie inside double quotation marks (for callers without a view)."""
    return list(ArticleView.build(doc).in_quotes)
