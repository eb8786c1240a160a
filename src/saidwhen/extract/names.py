"""Named entities without spaCy's ``ner``: a small CRF distilled from it.

spaCy's entity recogniser is about two fifths of the parse time, and
saidwhen reads only a few of its labels.  This module tags those from what
the rest of the pipeline gives (words, tags, dependencies) with a
python-crfsuite model trained by :mod:`saidwhen.eval.train_names` on
spaCy's own entities over PolNeAR train (silver labels).

spaCy's labels are folded into four:

========  ==================================
label     spaCy labels
========  ==================================
PERSON    PERSON
ORG       ORG
PLACE     GPE, LOC, FAC, NORP
TIME      DATE, TIME
========  ==================================

Every other spaCy label (CARDINAL, MONEY, PERCENT, WORK_OF_ART, ...) is not
tagged.

For speed the tagger reads the doc once through ``Doc.to_array`` (no Token
objects), keeps the word-level features of each word form in a cache, and
tags only the stretches of text around candidate words (a capitalised word
that is not a plain sentence opener, a digit, a time word); the rest of a
doc cannot hold an entity of these labels, or almost never does.

Example:
    >>> doc = load_nlp()("Ms. Rivera visited Ohio on Monday.")  # doctest: +SKIP
    >>> tag_entities(doc)  # doctest: +SKIP
    [(1, 2, 'PERSON'), (3, 4, 'PLACE'), (5, 6, 'TIME')]
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from saidwhen.extract.lexicon import FEMALE_NAMES, MALE_NAMES, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "LABELS",
    "MODEL_PATH",
    "SPACY_LABELS",
    "DocTable",
    "doc_table",
    "load_names",
    "segments",
    "sequence_features",
    "set_entities",
    "spans_from_labels",
    "tag_entities",
]

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "names.crfsuite"
LABELS = ("PERSON", "ORG", "PLACE", "TIME")
# spaCy's entity labels, folded into the ones this tagger gives.
SPACY_LABELS: dict[str, str] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "PLACE",
    "DATE": "TIME",
    "TIME": "TIME",
}
# Tokens tagged on each side of a candidate word: entities reach a little
# beyond their capitalised or numeric words ("the United States", "two days ago").
WINDOW = 3

# Lower-case words that make a stretch of text worth tagging for dates and times.
TIME_WORDS = frozenset(
    """
    today yesterday tomorrow tonight morning afternoon evening night overnight
    noon midnight day days week weeks weekend weekends month months year years
    decade decades century centuries hour hours minute minutes season seasons
    spring summer fall autumn winter ago earlier later past last next recent
    recently annual annually daily weekly monthly yearly quarter era time times
    holiday holidays once now currently night nights o'clock o’clock quarterly
    ages
    """.split()
)
_GIVEN = FEMALE_NAMES | MALE_NAMES

# Cached features of word forms (by ORTH hash); cleared when it grows past
# this many, so a long-running process does not keep every word it met.
_CACHE_MAX = 200_000


@dataclass(frozen=True, slots=True)
class _Word:
    """What the tagger keeps about one word form: its features and candidate flags."""

    own: tuple[str, ...]
    left1: tuple[str, ...]
    right1: tuple[str, ...]
    left2: str
    right2: str
    run_first: str  # as the first word of a run of capitalised words
    run_last: str  # as the last word of such a run
    cap: bool  # starts with a capital letter
    namer: bool  # a given name or a title: the capitalised words after it name a person
    cand: bool  # a digit or a time word: a candidate wherever it stands
    stop: bool  # a function word: as a capitalised sentence opener not a candidate


_WORDS: dict[int, _Word] = {}
# tag, dependency and lemma hashes -> feature strings, one table per prefix
_NAMES: dict[str, dict[int, str]] = {}


def _shape(text: str) -> str:
    """spaCy-like word shape, runs cut to three: "McCain" -> "XxXxxx", "2016" -> "ddd"."""
    out: list[str] = []
    last, run = "", 0
    for c in text:
        s = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        run = run + 1 if s == last else 1
        last = s
        if run <= 3:
            out.append(s)
    return "".join(out)


@functools.cache
def _propn() -> int:
    from spacy.symbols import PROPN

    return int(PROPN)


@functools.cache
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words (imported on first use, like the rest of spaCy here)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _word(orth: int, strings: Any) -> _Word:
    """The cached :class:`_Word` of a word form (ORTH hash)."""
    w = _WORDS.get(orth)
    if w is not None:
        return w
    text = strings[orth]
    low = text.lower()
    shape = _shape(text)
    cap = text[:1].isupper()
    own = [f"w={low}", f"sh={shape}", f"s3={low[-3:]}", f"s2={low[-2:]}", f"p3={low[:3]}"]
    if cap:
        own.append("cap")
    if low in _GIVEN:
        own.append("given")
    if low in TITLES:
        own.append("title")
    if low in TIME_WORDS:
        own.append("timew")
    w = _Word(
        own=tuple(own),
        left1=(f"-1:w={low}", f"-1:sh={shape}"),
        right1=(f"+1:w={low}", f"+1:sh={shape}"),
        left2=f"-2:w={low}",
        right2=f"+2:w={low}",
        run_first=f"rf={low}",
        run_last=f"rl={low}",
        cap=cap,
        namer=low in _GIVEN or low in TITLES,
        cand=any(c.isdigit() for c in text) or low in TIME_WORDS,
        stop=low in _stop_words(),
    )
    if len(_WORDS) >= _CACHE_MAX:
        _WORDS.clear()
    _WORDS[orth] = w
    return w


def _names(prefix: str, keys: Sequence[int], strings: Any) -> list[str]:
    """Cached ``prefix + string`` features for tag, dependency or lemma hashes."""
    table = _NAMES.setdefault(prefix, {})
    if len(table) >= _CACHE_MAX:
        table.clear()
    get = table.get
    out = []
    for k in keys:
        s = get(k)
        if s is None:
            s = table[k] = prefix + strings[k]
        out.append(s)
    return out


@dataclass(slots=True)
class DocTable:
    """Per-token values of one doc, read in one pass through ``Doc.to_array``.

    Hashes stay plain ints; feature strings come from caches, and only for
    the tokens of the segments that get tagged.
    """

    strings: Any
    words: list[_Word]
    tag: list[int]
    pos: list[int]
    dep: list[int]
    head: list[int]  # absolute index of the head
    lemma: list[int]
    sent_start: list[bool]
    named: list[bool]  # the word appears elsewhere in the doc after a given name or title


def doc_table(doc: Doc) -> DocTable:
    """The :class:`DocTable` of ``doc``."""
    from spacy.attrs import DEP, HEAD, LEMMA, ORTH, POS, SENT_START, TAG

    strings = doc.vocab.strings
    if len(doc) == 0:
        return DocTable(strings, [], [], [], [], [], [], [], [])
    orth, tag, pos, dep, lemma = doc.to_array([ORTH, TAG, POS, DEP, LEMMA]).T.tolist()
    # HEAD is a relative offset: as int64 the negative ones come back right
    rel, start = doc.to_array([HEAD, SENT_START]).astype("int64").T.tolist()
    get = _WORDS.get
    words = [get(o) or _word(o, strings) for o in orth]
    sent = [s == 1 for s in start]
    sent[0] = True
    head = [i + r for i, r in enumerate(rel)]
    # a surname alone ("Okafor said") is a person when the doc names her in full
    names: set[int] = set()
    for i in range(len(words) - 1):
        if words[i].namer and words[i + 1].cap:
            names.add(orth[i + 1])
    named = [o in names for o in orth] if names else [False] * len(orth)
    return DocTable(strings, words, tag, pos, dep, head, lemma, sent, named)


def segments(doc: Doc, table: DocTable | None = None) -> list[range]:
    """The stretches of ``doc`` worth tagging: token ranges around candidate words."""
    t = doc_table(doc) if table is None else table
    n = len(t.words)
    sent = t.sent_start
    out: list[range] = []
    lo = hi = -1
    for i, w in enumerate(t.words):
        if not (w.cand or (w.cap and not (sent[i] and w.stop))):
            continue
        a, b = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        if a <= hi:
            hi = b
        else:
            if hi > lo:
                out.append(range(lo, hi))
            lo, hi = a, b
    if hi > lo:
        out.append(range(lo, hi))
    return out


def sequence_features(table: DocTable, seq: range) -> list[list[str]]:
    """The CRF features of each token of one segment."""
    words, sent, strings = table.words, table.sent_start, table.strings
    n = len(words)
    # one token of context on each side, for the neighbours' tags
    lo, hi = max(0, seq.start - 1), min(n, seq.stop + 1)
    tags = _names("t=", table.tag[lo:hi], strings)
    ltags = _names("-1:t=", table.tag[lo:hi], strings)
    rtags = _names("+1:t=", table.tag[lo:hi], strings)
    deps = _names("d=", table.dep[seq.start : seq.stop], strings)
    heads = table.head[seq.start : seq.stop]
    hlemma = _names("hl=", [table.lemma[h] for h in heads], strings)
    hdep = _names("hd=", [table.dep[h] for h in heads], strings)
    pos = table.pos
    propn = _propn()
    # the run of capitalised words each token is in: its first and last word
    run_of: dict[int, tuple[str, str]] = {}
    k = seq.start
    while k < seq.stop:
        if not words[k].cap:
            k += 1
            continue
        a = k
        while a > 0 and words[a - 1].cap and not sent[a]:
            a -= 1
        b = k + 1
        while b < n and words[b].cap and not sent[b]:
            b += 1
        ends = (words[a].run_first, words[b - 1].run_last)
        for j in range(k, min(b, seq.stop)):
            run_of[j] = ends
        k = b
    out: list[list[str]] = []
    for k, i in enumerate(seq):
        w = words[i]
        t = i - lo
        feats = ["bias", *w.own, tags[t], deps[k], hlemma[k], hdep[k], f"{deps[k]}|{hlemma[k]}"]
        if pos[i] == propn:
            feats.append("propn")
        if table.named[i]:
            feats.append("named")
        run = run_of.get(i)
        if run is not None:
            feats += run
        if i > 0:
            feats += words[i - 1].left1
            feats.append(ltags[t - 1])
            if i > 1:
                feats.append(words[i - 2].left2)
        else:
            feats.append("BOD")
        if i + 1 < n:
            feats += words[i + 1].right1
            feats.append(rtags[t + 1])
            if i + 2 < n:
                feats.append(words[i + 2].right2)
        else:
            feats.append("EOD")
        if sent[i]:
            feats.append("sent_start")
        out.append(feats)
    return out


@functools.lru_cache(maxsize=2)
def load_names(path: str = str(MODEL_PATH)) -> Any:
    """The trained CRF (a ``pycrfsuite.Tagger``), opened once per process."""
    # imported by name: python-crfsuite ships no type information
    tagger = importlib.import_module("pycrfsuite").Tagger()
    tagger.open(path)
    return tagger


def spans_from_labels(seq: Sequence[int], labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` token spans from BIO labels; a stray ``I`` opens a span."""
    out: list[tuple[int, int, str]] = []
    cur: str | None = None
    lo = 0
    for i, tag in zip(seq, labels, strict=True):
        bio, _, lab = tag.partition("-")
        if cur is not None and (bio != "I" or lab != cur):
            out.append((lo, i, cur))
            cur = None
        if bio != "O" and cur is None:
            cur, lo = lab, i
    if cur is not None:
        out.append((lo, seq[-1] + 1, cur))
    return out


def tag_entities(doc: Doc, model: str | None = None) -> list[tuple[int, int, str]]:
    """The entities of ``doc`` as ``(first token, last token + 1, label)``, in text order.

    Labels are those of :data:`LABELS` (see the module docstring for how
    spaCy's map onto them); ``model`` is a model file other than the packaged one.
    """
    tagger = load_names(model or str(MODEL_PATH))
    table = doc_table(doc)
    out: list[tuple[int, int, str]] = []
    for seq in segments(doc, table):
        out.extend(spans_from_labels(seq, tagger.tag(sequence_features(table, seq))))
    return out


def set_entities(doc: Doc, model: str | None = None) -> Doc:
    """Set :func:`tag_entities`' spans as ``doc.ents`` (replacing any), and return ``doc``.

    ``tok.ent_type_`` and ``doc.ents`` then read the labels of :data:`LABELS`.
    """
    from spacy.tokens import Span

    ents = [Span(doc, s, e, label=lab) for s, e, lab in tag_entities(doc, model)]
    doc.set_ents(ents, default="outside")
    return doc


# The pipeline component that stands in for spaCy's ``ner`` (see saidwhen.nlp.load_nlp).
COMPONENT = "saidwhen_names"


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, func=set_entities)


_register()
