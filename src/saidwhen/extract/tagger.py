"""Reported speech by sequence tagging: a CRF over spaCy token features.

An alternative to the rules of :mod:`saidwhen.extract.reported`.  Each
paragraph is one sequence; every token gets a BIO label for the three roles
PolNeAR annotates (``SRC`` source, ``CUE`` cue, ``CON`` content).  The
decoder then groups the tagged spans of a paragraph into attributions: each
cue takes the nearest content and the nearest source, preferring those of
its own sentence.

The model is trained by :mod:`saidwhen.eval.train_tagger` and read from
``saidwhen/data/attribution.crfsuite`` (python-crfsuite).

Example:
    >>> doc = load_nlp()("The senator said that taxes would rise.")  # doctest: +SKIP
    >>> find_tagged(doc, None)[0].text  # doctest: +SKIP
    'that taxes would rise'
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from saidwhen.extract.reported import (
    _in_quotes,
    _noun_phrase,
    _trim,
    cue_record,
    doc_frames,
    find_reported,
)
from saidwhen.model import Quote, Span, Speaker
from saidwhen.nlp import doc_text

__all__ = [
    "MODEL_PATH",
    "ROLES",
    "TaggedSpan",
    "TokenTable",
    "decode",
    "find_tagged",
    "labels_from_spans",
    "load_tagger",
    "paragraphs",
    "rule_roles",
    "sequence_features",
    "spans_from_labels",
    "tag_doc",
    "token_table",
]

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "attribution.crfsuite"
# Roles in the order a token keeps when gold spans overlap: a cue or source
# inside another attribution's content is labelled as cue or source.
ROLES = ("CON", "SRC", "CUE")
# A source further than this many tokens from its cue is not taken.
MAX_SOURCE_GAP = 12
# Tokens a content may be from its cue (beyond the cue's own sentence).
MAX_CONTENT_GAP = 40


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A run of tokens with one role: ``doc[start:end]`` (token indices)."""

    role: str
    start: int
    end: int


def paragraphs(doc: Any, start: int = 0) -> list[list[int]]:
    """Token indices of each paragraph, white space left out, from character ``start`` on."""
    out: list[list[int]] = [[]]
    for tok in doc:
        if tok.idx < start:
            continue
        if tok.is_space:
            if "\n" in tok.text and out[-1]:
                out.append([])
            continue
        out[-1].append(tok.i)
        if "\n" in tok.whitespace_ and out[-1]:
            out.append([])
    return [p for p in out if p]


def _rate_bucket(tok: Any, quoted: bool, frame: str) -> str:
    """How often this word, in this frame, was a cue in PolNeAR train (from the lexicon)."""
    rec = cue_record(tok, frame, quoted)
    return "x" if rec is None else f"{min(int(rec[0] / rec[1] * 5), 4)}"


_CHILD_DEPS = ("ccomp", "nsubj", "nsubjpass", "dobj", "xcomp", "mark", "agent", "pobj")


@dataclass(slots=True)
class TokenTable:
    """Per-token values of one doc that the features read, computed in one pass.

    Reading ``doc[i]`` builds a new Token object each time; the features look
    at every token and its neighbours, head and ancestors, so they read
    plain lists instead.
    """

    lower: list[str]
    lemma: list[str]
    pos: list[str]
    dep: list[str]
    head: list[int]
    frame: list[str]
    rate: list[str]
    quoted: Sequence[bool]
    base: list[list[str]]


def token_table(doc: Any, quoted: Sequence[bool]) -> TokenTable:
    """The :class:`TokenTable` of ``doc`` (``quoted``: which tokens are inside quotation marks)."""
    toks = list(doc)
    n = len(toks)
    sent_of = [0] * n
    sent_end = [0] * n
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            sent_of[i] = sent.start
            sent_end[i] = sent.end
    lower = [t.lower_ for t in toks]
    lemma = [t.lemma_.lower() for t in toks]
    pos = [t.pos_ for t in toks]
    dep = [t.dep_ for t in toks]
    head = [t.head.i for t in toks]
    tag = [t.tag_ for t in toks]
    # children from the heads, in text order as ``Token.children`` gives them
    child_feats: dict[int, list[str]] = {}
    for j in range(n):
        if head[j] != j and dep[j] in _CHILD_DEPS:
            child_feats.setdefault(head[j], []).append(f"c={dep[j]}")
    frame = doc_frames(doc)
    rate = [_rate_bucket(t, quoted[t.i], frame[t.i]) for t in toks]
    base = []
    for i in range(n):
        h = head[i]
        start, end = sent_of[i], sent_end[i]
        rel = (i - start) / max(1, end - start)
        feats = [
            "bias",
            f"w={lower[i]}",
            f"l={lemma[i]}",
            f"p={pos[i]}",
            f"t={tag[i]}",
            f"d={dep[i]}",
            f"hl={lemma[h]}",
            f"hd={dep[h]}",
            f"hp={pos[h]}",
            f"d|hp={dep[i]}|{pos[h]}",
            f"d|hl={dep[i]}|{lemma[h]}",
            f"hdir={'L' if h < i else 'R' if h > i else '0'}",
            f"q={int(quoted[i])}",
            f"rate={rate[i]}",
            f"pos={min(int(rel * 4), 3)}",
            f"frame={frame[i]}",
        ]
        if i == start:
            feats.append("sent_start")
        if i == end - 1:
            feats.append("sent_end")
        if toks[i].is_title:
            feats.append("title")
        if i in child_feats:
            feats.extend(child_feats[i])
        # which kind of word governs this one
        if h != i and head[h] != h:
            feats.append(f"gl={lemma[head[h]]}")
        base.append(feats)
    return TokenTable(lower, lemma, pos, dep, head, frame, rate, quoted, base)


def _cue_path(i: int, table: TokenTable) -> list[str]:
    """Where token ``i`` hangs from the nearest likely cue above it: its subject, its clause ...

    Content is mostly a complement subtree of the cue, the source its subject
    subtree; the dependency of the branch and the side of the cue tell which.
    """
    head, dep = table.head, table.dep
    child, anc = i, head[i]
    for depth in range(8):
        if anc == child:
            return ["path=root"]
        bucket = table.rate[anc]
        if bucket not in ("x", "0", "1"):
            side = "L" if i < anc else "R"
            return [
                f"path={bucket}|{dep[child]}|{side}",
                f"path_l={table.lemma[anc]}|{dep[child]}",
                f"path_d={min(depth, 3)}|{dep[child]}",
                f"path_fr={table.frame[anc]}|{dep[child]}|{side}",
            ]
        child, anc = anc, head[anc]
    return ["path=far"]


def rule_roles(doc: Any, start: int = 0, rules: Sequence[Quote] | None = None) -> list[str]:
    """The role (``B-CUE``, ``I-CON``, ..., ``O``) the rules of ``find_reported`` give each token.

    The tagger reads them as features: it learns where to trust the rules and
    where to go beyond them (a rarer cue, a longer content).  ``rules`` is
    ``find_reported``'s output when the caller has it already.
    """
    spans: list[tuple[str, int, list[tuple[int, int]]]] = []
    found = find_reported(doc, None, start) if rules is None else rules
    for n, q in enumerate(found):
        parts = [("CON", q.start, q.end)]
        if q.cue is not None:
            parts.append(("CUE", q.cue.start, q.cue.end))
        if q.speaker is not None:
            parts.append(("SRC", q.speaker.start, q.speaker.end))
        for role, s, e in parts:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                spans.append((role, n, [(span.start, span.end)]))
    return labels_from_spans(range(len(doc)), spans)


def sequence_features(
    doc: Any,
    seq: Sequence[int],
    quoted: Sequence[bool],
    hints: Sequence[str] | None = None,
    table: TokenTable | None = None,
) -> list[list[str]]:
    """The CRF features of each token of one sequence (token indices into ``doc``).

    ``hints`` are the roles of :func:`rule_roles`, by token index of the doc;
    ``table`` is the doc's :func:`token_table`, when the caller has it.
    """
    t = token_table(doc, quoted) if table is None else table
    lower, pos, dep, rate, head = t.lower, t.pos, t.dep, t.rate, t.head
    out: list[list[str]] = []
    n = len(seq)
    for k, i in enumerate(seq):
        feats = list(t.base[i])
        # the head's cue rate: the subject and complement of a likely cue
        feats.append(f"hrate={rate[head[i]]}|{dep[i]}")
        feats.extend(_cue_path(i, t))
        if hints is not None:
            feats.append(f"rule={hints[i]}")
            feats.append(f"rule|w={hints[i]}|{lower[i]}")
            for off in (-1, 1):
                if 0 <= k + off < n:
                    feats.append(f"{off}:rule={hints[seq[k + off]]}")
        if k == 0:
            feats.append("para_start")
        if k == n - 1:
            feats.append("para_end")
        for off in (-2, -1, 1, 2):
            j = k + off
            if 0 <= j < n:
                o = seq[j]
                feats.append(f"{off}:w={lower[o]}")
                feats.append(f"{off}:p={pos[o]}")
                feats.append(f"{off}:q={int(t.quoted[o])}")
                if abs(off) == 1:
                    feats.append(f"{off}:rate={rate[o]}")
                    feats.append(f"{off}:d={dep[o]}")
            else:
                feats.append(f"{off}:none")
        out.append(feats)
    return out


def labels_from_spans(
    seq: Sequence[int], spans: Iterable[tuple[str, int, Sequence[tuple[int, int]]]]
) -> list[str]:
    """BIO labels for one sequence from gold spans.

    Args:
        seq: the token indices of the sequence.
        spans: ``(role, attribution id, [(first token, last token + 1), ...])``;
            each piece of a discontinuous span starts with ``B``.
    """
    pos = {i: k for k, i in enumerate(seq)}
    role_at: list[str | None] = [None] * len(seq)
    piece_at: list[tuple[int, int] | None] = [None] * len(seq)
    for role, ident, pieces in sorted(spans, key=lambda s: ROLES.index(s[0])):
        for n, (lo, hi) in enumerate(pieces):
            for i in range(lo, hi):
                if i in pos:
                    role_at[pos[i]] = role
                    piece_at[pos[i]] = (ident, n)
    labels = []
    for k, here in enumerate(role_at):
        if here is None:
            labels.append("O")
        elif k > 0 and role_at[k - 1] == here and piece_at[k - 1] == piece_at[k]:
            labels.append(f"I-{here}")
        else:
            labels.append(f"B-{here}")
    return labels


def spans_from_labels(seq: Sequence[int], labels: Sequence[str]) -> list[TaggedSpan]:
    """Tagged spans (token indices into the doc) from BIO labels; a stray ``I`` opens a span."""
    out: list[TaggedSpan] = []
    role: str | None = None
    lo = prev = -1
    for i, label in zip(seq, labels, strict=True):
        bio, _, r = label.partition("-")
        cont = bio == "I" and r == role and i == prev + 1
        if role is not None and not cont:
            out.append(TaggedSpan(role, lo, prev + 1))
            role = None
        if bio != "O" and not cont:
            role, lo = r, i
        prev = i
    if role is not None:
        out.append(TaggedSpan(role, lo, prev + 1))
    return out


def _gap(a: TaggedSpan, b: TaggedSpan) -> int:
    """Tokens between two spans (0 when adjacent or overlapping)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def decode(
    doc: Any, spans: Sequence[TaggedSpan]
) -> list[tuple[TaggedSpan, TaggedSpan | None, TaggedSpan]]:
    """Group the tagged spans of one paragraph into ``(cue, source, content)`` attributions.

    Each content goes to its nearest cue (a cue of the same sentence first);
    each cue keeps its nearest content, and takes the nearest source of its
    sentence (a source may serve several cues: "she said ... and added ...").
    """
    cues = [s for s in spans if s.role == "CUE"]
    sources = [s for s in spans if s.role == "SRC"]
    contents = [s for s in spans if s.role == "CON" and _has_word(doc, s)]
    if not cues:
        return []

    memo: dict[int, int] = {}

    def sent_of(s: TaggedSpan) -> int:
        if s.start not in memo:
            memo[s.start] = int(doc[s.start].sent.start)
        return memo[s.start]

    assigned: dict[int, list[TaggedSpan]] = {}
    for con in contents:
        ranked = sorted(cues, key=lambda c: (sent_of(c) != sent_of(con), _gap(c, con), c.start))
        cue = ranked[0]
        if sent_of(cue) != sent_of(con) and _gap(cue, con) > MAX_CONTENT_GAP:
            continue
        assigned.setdefault(cue.start, []).append(con)
    out: list[tuple[TaggedSpan, TaggedSpan | None, TaggedSpan]] = []
    for cue in cues:
        cands = assigned.get(cue.start, [])
        src = _subject_source(doc, cue, sources, cues)
        if src is None:
            near = [
                s for s in sources if sent_of(s) == sent_of(cue) and _gap(s, cue) <= MAX_SOURCE_GAP
            ]
            src = min(near, key=lambda s: (_gap(s, cue), s.start)) if near else None
        chosen = min(cands, key=lambda c: _content_rank(cue, c, sent_of)) if cands else None
        pieces = _parenthetical(doc, cue, src, cues) if src is None or _gap(src, cue) == 0 else None
        if pieces is not None and (
            chosen is None or any(p.start <= chosen.start and chosen.end <= p.end for p in pieces)
        ):
            out.extend((cue, src, piece) for piece in pieces)
            continue
        if chosen is None:
            continue
        out.append((cue, src, chosen))
        other = _other_piece(doc, cue, src, chosen, cands)
        if other is not None:
            out.append((cue, src, other))
    return out


def _span_root(doc: Any, span: TaggedSpan) -> Any:
    """The token of ``span`` whose head lies outside it (the first such)."""
    for tok in doc[span.start : span.end]:
        if not span.start <= tok.head.i < span.end or tok.head.i == tok.i:
            return tok
    return doc[span.start]


def _cue_subject(doc: Any, cue: TaggedSpan, cues: Sequence[TaggedSpan]) -> Any | None:
    """The grammatical subject of a cue, through the verbs it is conjoined with or hangs from.

    "Lee said the plan was late and urged a vote": the parser often ties "urged"
    to "was", inside what Lee said; the one who urges is the one who said it,
    so from a verb in the reported clause of another cue we climb to that cue.
    """

    def is_cue(tok: Any) -> bool:
        return any(c.start <= tok.i < c.end for c in cues)

    tok = _span_root(doc, cue)
    for _ in range(6):
        subs = [c for c in tok.children if c.dep_ == "nsubj"]
        if subs:
            # "which she said": the one nearest the verb speaks
            return min(subs, key=lambda c: abs(c.i - tok.i))
        agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children]
        if agents:
            return agents[0]  # "asked by a reporter"
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            return None  # "she was asked", "it is expected": not who speaks
        head = tok.head
        if head.i == tok.i or tok.tag_ == "VBN":
            return None  # a passive's subject is the one asked, not the asker
        objs = [c for c in head.children if c.dep_ == "dobj" and c.i < tok.i]
        if tok.dep_ == "xcomp" and objs:
            return objs[-1]  # "led some to question": the object speaks
        if tok.dep_ in ("conj", "advcl") and head.dep_ == "ccomp" and is_cue(head.head):
            tok = head.head
        elif tok.dep_ in ("conj", "xcomp", "advcl"):
            tok = head
        elif tok.dep_ == "pcomp" and head.dep_ == "prep":
            tok = head.head  # "left before saying": who left
        else:
            return None
    return None


def _subject_source(
    doc: Any, cue: TaggedSpan, sources: Sequence[TaggedSpan], cues: Sequence[TaggedSpan]
) -> TaggedSpan | None:
    """The tagged source that holds the cue's grammatical subject, if one does.

    The nearest source is often the subject of another clause: "Ruiz, who
    praised the plan, voted against it" (``who``), or a name inside the content.
    """
    subj = _cue_subject(doc, cue, cues)
    if subj is None:
        return None
    held = next((s for s in sources if s.start <= subj.i < s.end), None)
    if held is None and subj.dep_ == "dobj":
        # the tagger rarely marks the object of "led some to question" as a source
        toks = _trim(doc, _noun_phrase(subj))
        return TaggedSpan("SRC", toks[0].i, toks[-1].i + 1) if toks else None
    return held


def _rules_have_source(rules: Sequence[Quote], start: int, end: int) -> bool:
    """Whether a report of the rules with a source overlaps ``start:end`` (it will be kept)."""
    return any(r.speaker is not None and r.start < end and start < r.end for r in rules)


# subjects that name no one ("it appeared", "what seemed")
_NO_SOURCE = frozenset({"it", "this", "that", "what"})


def _subject_phrase(
    doc: Any, cue: TaggedSpan, cues: Sequence[TaggedSpan], content: TaggedSpan | None
) -> TaggedSpan | None:
    """The noun phrase of the cue's grammatical subject, where the tagger marked no source.

    "Kasich has won endorsements, supporting a path to legal status": the
    tagger often misses the source of a second, coordinated or non-finite cue.
    """
    subj = _cue_subject(doc, cue, cues)
    if subj is None or subj.lower_ in _NO_SOURCE:
        return None
    toks = _trim(doc, _noun_phrase(subj))
    if not toks:
        return None
    span = TaggedSpan("SRC", toks[0].i, toks[-1].i + 1)
    if _overlaps(span, cue) or (content is not None and _overlaps(span, content)):
        return None
    return None if "\n" in doc[span.start : span.end].text else span


def _overlaps(a: TaggedSpan, b: TaggedSpan) -> bool:
    return a.start < b.end and b.start < a.end


_INTERRUPTERS = frozenset({",", "—", "–", "--"})


def _parenthetical(
    doc: Any, cue: TaggedSpan, src: TaggedSpan | None, cues: Sequence[TaggedSpan] = ()
) -> tuple[TaggedSpan, TaggedSpan] | None:
    """The two pieces of a sentence that a source and cue interrupt, set off by commas.

    "The plan, the mayor said on Tuesday, would cost more": content "The plan"
    and "would cost more".  The tagger rarely marks both pieces.
    """
    lo = min(cue.start, src.start) if src is not None else cue.start
    hi = max(cue.end, src.end) if src is not None else cue.end
    sent = doc[cue.start].sent
    # the cue's own modifiers ("on Tuesday", "in a statement") run up to the comma
    while hi < sent.end and doc[hi].text not in _INTERRUPTERS and hi - cue.end < 6:
        hi += 1
    if lo - 1 <= sent.start or hi >= sent.end - 1:
        return None
    if doc[lo - 1].text not in _INTERRUPTERS or doc[hi].text not in _INTERRUPTERS:
        return None
    begin = sent.start
    outer = [c for c in cues if sent.start <= c.start and c.end < lo]
    if outer:
        # "She said that the bridge, the mayor added, would close": the inner report
        # starts after the outer one's "that"
        marks = [t.i for t in doc[outer[-1].end : lo - 1] if t.dep_ == "mark"]
        if not marks:
            return None
        begin = marks[-1] + 1
    first = _trimmed(doc, begin, lo - 1)
    second = _trimmed(doc, hi + 1, sent.end)
    if first is None or second is None or second.end - second.start < 2:
        return None
    return first, second


def _trimmed(doc: Any, start: int, end: int) -> TaggedSpan | None:
    """``doc[start:end]`` without punctuation and white space at its edges, as content."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    span = TaggedSpan("CON", start, end)
    return span if end > start and _has_word(doc, span) else None


def _other_piece(
    doc: Any,
    cue: TaggedSpan,
    src: TaggedSpan | None,
    chosen: TaggedSpan,
    cands: Sequence[TaggedSpan],
) -> TaggedSpan | None:
    """The content's second piece when source and cue interrupt it.

    "Too often, Mr. Clarke said, the debate is tribal": one content on both
    sides of "Mr. Clarke said", as PolNeAR marks it (a discontinuous span).
    """
    lo = min(cue.start, src.start) if src is not None else cue.start
    hi = max(cue.end, src.end) if src is not None else cue.end

    def adjacent(span: TaggedSpan) -> bool:
        """Nothing but punctuation between the span and the source-and-cue block."""
        a, b = (span.end, lo) if span.end <= lo else (hi, span.start)
        return a <= b and all(t.is_punct or t.is_space for t in doc[a:b])

    if not adjacent(chosen):
        return None
    before = chosen.end <= lo
    sent = doc[cue.start].sent.start
    for con in cands:
        if con is chosen or (con.end <= lo) == before or doc[con.start].sent.start != sent:
            continue
        if adjacent(con):
            return con
    return None


def _content_rank(
    cue: TaggedSpan, con: TaggedSpan, sent_of: Callable[[TaggedSpan], int]
) -> tuple[bool, int, int]:
    return (sent_of(cue) != sent_of(con), _gap(cue, con), -(con.end - con.start))


def _has_word(doc: Any, span: TaggedSpan) -> bool:
    return any(t.is_alpha or t.is_digit for t in doc[span.start : span.end])


@functools.lru_cache(maxsize=2)
def load_tagger(path: str = str(MODEL_PATH)) -> Any:
    """The trained CRF (a ``pycrfsuite.Tagger``), opened once per process."""
    # imported by name: python-crfsuite ships no type information
    tagger = importlib.import_module("pycrfsuite").Tagger()
    tagger.open(path)
    return tagger


def tag_doc(
    doc: Any, tagger: Any, start: int = 0, rules: Sequence[Quote] | None = None
) -> list[list[TaggedSpan]]:
    """The tagged spans of each paragraph of ``doc``."""
    quoted = _in_quotes(doc)
    hints = rule_roles(doc, start, rules)
    table = token_table(doc, quoted)
    out = []
    for seq in paragraphs(doc, start):
        labels = tagger.tag(sequence_features(doc, seq, quoted, hints, table))
        out.append(spans_from_labels(seq, labels))
    return out


def _char_span(doc: Any, span: TaggedSpan) -> tuple[int, int]:
    toks = [t for t in doc[span.start : span.end] if not t.is_space]
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def find_tagged(
    doc: Any,
    people: Any,
    start: int = 0,
    *,
    model: str | None = None,
    rules: Sequence[Quote] | None = None,
) -> list[Quote]:
    """Reported-speech attributions found by the CRF tagger, like ``find_reported``.

    Args:
        doc: a parsed spaCy ``Doc`` whose character offsets are the input's.
        people: the article's people index (its ``resolve(start, end)`` names a source).
        start: ignore text before this offset (a date header).
        model: a model file other than the packaged one.
        rules: ``find_reported``'s output for this doc, when the caller has it.

    Returns:
        ``Quote(kind="indirect")`` items in text order.
    """
    tagger = load_tagger(model or str(MODEL_PATH))
    resolve: Callable[[int, int], str | None] | None = getattr(people, "resolve", None)
    text = doc_text(doc)
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    rules = find_reported(doc, None, start) if rules is None else rules
    for spans in tag_doc(doc, tagger, start, rules):
        cues = [s for s in spans if s.role == "CUE"]
        for cue, src, con in decode(doc, spans):
            c_s, c_e = _char_span(doc, con)
            if (c_s, c_e) in seen:
                continue
            if src is None and not _rules_have_source(rules, c_s, c_e):
                src = _subject_phrase(doc, cue, cues, con)
            seen.add((c_s, c_e))
            k_s, k_e = _char_span(doc, cue)
            speaker = None
            if src is not None:
                s_s, s_e = _char_span(doc, src)
                mention = text[s_s:s_e]
                name = resolve(s_s, s_e) if resolve is not None else None
                speaker = Speaker(name=name or mention, mention=mention, start=s_s, end=s_e)
            out.append(
                Quote(
                    text=text[c_s:c_e],
                    start=c_s,
                    end=c_e,
                    kind="indirect",
                    speaker=speaker,
                    cue=Span(text=text[k_s:k_e], start=k_s, end=k_e),
                )
            )
    out.sort(key=lambda q: (q.start, q.end))
    return out
