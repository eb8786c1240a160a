"""Reported speech by sequence tagging: a CRF over spaCy token features.

Each paragraph is one sequence; every token gets a BIO label for the three
roles PolNeAR annotates (``SRC`` source, ``CUE`` cue, ``CON`` content); the
rules of :mod:`saidwhen.extract.speech.rules` are among the features.  The
spans are grouped into attributions by :mod:`saidwhen.extract.speech.decode`.

The model is trained by :mod:`saidwhen.eval.train_tagger` and read from
``saidwhen/data/attribution.crfsuite`` (python-crfsuite).
"""

from __future__ import annotations

import functools
import hashlib
import importlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from saidwhen.extract._reported_cues import CUE_PREPS, CUE_RATES
from saidwhen.extract.speech.lexicon import cue_record
from saidwhen.extract.speech.rules import find_reported
from saidwhen.extract.speech.types import TaggedSpan
from saidwhen.extract.speech.view import ArticleView
from saidwhen.model import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "MODEL_PATH",
    "ROLES",
    "TaggedSpan",
    "TokenTable",
    "labels_from_spans",
    "load_tagger",
    "rule_roles",
    "sequence_features",
    "spans_from_labels",
    "tag_doc",
    "token_table",
]


MODEL_PATH = Path(__file__).resolve().parents[2] / "data" / "attribution.crfsuite"
# What the model was trained on: the stamp of the features (:func:`feature_stamp`),
# written by saidwhen.eval.train_tagger beside the model.
STAMP_PATH = MODEL_PATH.with_suffix(".stamp.json")
# A made-up article whose features stand for the rules, the lexicon and the feature
# code: when any of them changes what the tagger reads, its stamp changes.
PROBE = (
    "The mayor said on Tuesday that the bridge would reopen in May. "
    '"We are on schedule," she told reporters, adding that costs had risen.\n\n'
    "According to a city report, the repairs cost $4 million. Officials, "
    "speaking on condition of anonymity, warned of delays, which the contractor denied.\n\n"
    "The plan, the council argued, was rushed. Critics led the mayor to admit the "
    "timeline was tight. She was asked by a reporter whether she would resign.\n\n"
    'Mayor Diaz: "No." The union thinks the deal is fair but has not signed it.'
)


# Roles in the order a token keeps when gold spans overlap: a cue or source
# inside another attribution's content is labelled as cue or source.
ROLES = ("CON", "SRC", "CUE")


def _rate_bucket(tok: Token, quoted: bool, frame: str) -> str:
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


def token_table(view: ArticleView) -> TokenTable:
    """The :class:`TokenTable` of an article."""
    toks = list(view.doc)
    n = len(toks)
    quoted = view.in_quotes
    sent_of, sent_end = view.sent_start, view.sent_end
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
    frame = list(view.frames)
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


def rule_roles(view: ArticleView, rules: Sequence[Quote] | None = None) -> list[str]:
    """The role (``B-CUE``, ``I-CON``, ..., ``O``) the rules of ``find_reported`` give each token.

    The tagger reads them as features: it learns where to trust the rules and
    where to go beyond them (a rarer cue, a longer content).  ``rules`` is
    ``find_reported``'s output when the caller has it already.
    """
    spans: list[tuple[str, int, list[tuple[int, int]]]] = []
    doc = view.doc
    found = find_reported(view) if rules is None else rules
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
    view: ArticleView,
    seq: Sequence[int],
    hints: Sequence[str] | None = None,
    table: TokenTable | None = None,
) -> list[list[str]]:
    """The CRF features of each token of one sequence (token indices into the doc).

    ``hints`` are the roles of :func:`rule_roles`, by token index of the doc;
    ``table`` is the article's :func:`token_table`, when the caller has it.
    """
    t = token_table(view) if table is None else table
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


def feature_stamp(doc: Doc) -> str:
    """A hash of the lexicon and of every feature of ``doc`` (parsed :data:`PROBE`).

    The model is stale when this differs from the stamp stored with it: retrain
    (``python -m saidwhen.eval.train_tagger``).
    """
    view = ArticleView.build(doc)
    hints = rule_roles(view)
    table = token_table(view)
    digest = hashlib.sha256()
    for key in sorted(CUE_RATES):
        digest.update(f"{key}={CUE_RATES[key]};".encode())
    for key in sorted(CUE_PREPS):
        digest.update(f"{key}={CUE_PREPS[key]};".encode())
    for seq in view.paragraphs():
        for feats in sequence_features(view, seq, hints, table):
            digest.update("\x1f".join(feats).encode())
            digest.update(b"\x1e")
    return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=2)
def load_tagger(path: str = str(MODEL_PATH)) -> Any:
    """The trained CRF (a ``pycrfsuite.Tagger``), opened once per process."""
    # imported by name: python-crfsuite ships no type information
    tagger = importlib.import_module("pycrfsuite").Tagger()
    tagger.open(path)
    return tagger


def tag_doc(
    view: ArticleView, tagger: Any, rules: Sequence[Quote] | None = None
) -> list[list[TaggedSpan]]:
    """The tagged spans of each paragraph of the article."""
    hints = rule_roles(view, rules)
    table = token_table(view)
    out = []
    for seq in view.paragraphs():
        labels = tagger.tag(sequence_features(view, seq, hints, table))
        out.append(spans_from_labels(seq, labels))
    return out
