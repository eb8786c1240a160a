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
from saidwhen.extract.speech.rules import find_reported
from saidwhen.extract.speech.types import Draft, TaggedSpan
from saidwhen.extract.speech.view import ArticleView

if TYPE_CHECKING:
    from spacy.tokens import Doc

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
    'Mayor Diaz: "No." The union thinks the deal is fair but has not signed it.\n\n'
    # a stray mark (inches) and a quote the paragraph ends before closing
    'The sign read 5\'10" tall. "We won," he said. She added, "We will not stop.'
)


# Roles in the order a token keeps when gold spans overlap: a cue or source
# inside another attribution's content is labelled as cue or source.
ROLES = ("CON", "SRC", "CUE")


def _rate_bucket(rec: tuple[int, int] | None) -> str:
    """How often this word, in this frame, was a cue in PolNeAR train (from the lexicon)."""
    return "x" if rec is None else f"{min(int(rec[0] / rec[1] * 5), 4)}"


_CHILD_DEPS = ("ccomp", "nsubj", "nsubjpass", "dobj", "xcomp", "mark", "agent", "pobj")


@dataclass(slots=True)
class TokenTable:
    """Per-token values of one doc that the features read, computed in one pass.

    ``fixed`` holds the features of each token that do not depend on its
    paragraph (its word, its head, its path to a likely cue); ``neighbour``
    what each token says of the tokens -2, -1, 1 and 2 away from it, built
    once per distinct token in a process (a bounded cache) and shared.
    """

    lower: Sequence[str]
    lemma: Sequence[str]
    pos: Sequence[str]
    dep: Sequence[str]
    head: Sequence[int]
    frame: Sequence[str]
    rate: Sequence[str]
    quoted: Sequence[bool]
    fixed: list[list[str]]
    neighbour: list[tuple[tuple[str, ...], ...]]


def token_table(view: ArticleView) -> TokenTable:
    """The :class:`TokenTable` of an article."""
    n = len(view.texts)
    quoted = view.in_quotes
    sent_of, sent_end = view.sent_start, view.sent_end
    lower, lemma, pos, dep, tag = view.lower, view.lemma, view.pos, view.dep, view.tag
    head = view.head
    # children in text order, as ``Token.children`` gives them
    child_feats: dict[int, list[str]] = {}
    for j in range(n):
        if head[j] != j and dep[j] in _CHILD_DEPS:
            child_feats.setdefault(head[j], []).append(f"c={dep[j]}")
    frame = view.frames
    buckets: dict[tuple[int, int] | None, str] = {}
    rate = []
    for rec in view.cues:
        got = buckets.get(rec)
        if got is None:
            got = buckets[rec] = _rate_bucket(rec)
        rate.append(got)
    title = view.is_title
    paths = _cue_paths(head, dep, rate, lemma, frame)
    fixed = []
    for i in range(n):
        h = head[i]
        start, end = sent_of[i], sent_end[i]
        feats = [
            "bias",
            f"w={lower[i]}",
            f"l={lemma[i]}",
            f"p={pos[i]}",
            f"t={tag[i]}",
            f"d={dep[i]}",
            f"hl={lemma[h]}",
            f"hd={dep[h]}",
            f"d|hp={dep[i]}|{pos[h]}",
            f"d|hl={dep[i]}|{lemma[h]}",
            f"q={int(quoted[i])}",
            f"rate={rate[i]}",
            f"frame={frame[i]}",
        ]
        if i == start:
            feats.append("sent_start")
        if i == end - 1:
            feats.append("sent_end")
        if title[i]:
            feats.append("title")
        if i in child_feats:
            feats.extend(child_feats[i])
        # which kind of word governs this one
        if h != i and head[h] != h:
            feats.append(f"gl={lemma[head[h]]}")
        # the head's cue rate: the subject and complement of a likely cue
        feats.append(f"hrate={rate[h]}|{dep[i]}")
        feats.extend(paths[i])
        fixed.append(feats)
    neighbour = list(map(_neighbour_feats, lower, pos, rate, dep))
    return TokenTable(lower, lemma, pos, dep, head, frame, rate, quoted, fixed, neighbour)


_OFFSETS = (-2, -1, 1, 2)


@functools.lru_cache(maxsize=1 << 16)
def _neighbour_feats(word: str, pos: str, rate: str, dep: str) -> tuple[tuple[str, ...], ...]:
    """What a token says of the token at each of ``_OFFSETS`` from it."""
    # the neighbours' quote flags, the outer ones' tags, the head's tag and side and
    # the place in the sentence had the least weight in a model trained with them:
    # without them crfsuite takes a quarter fewer strings, at the same held-out scores
    return (
        (f"-2:w={word}",),
        (f"-1:w={word}", f"-1:p={pos}", f"-1:rate={rate}", f"-1:d={dep}"),
        (f"1:w={word}", f"1:p={pos}", f"1:d={dep}"),
        (f"2:w={word}",),
    )


# How far up the tree the path to a likely cue is followed.
_PATH_DEPTH = 8
_FAR = (-2, -1, _PATH_DEPTH)


def _cue_paths(
    head: Sequence[int],
    dep: Sequence[str],
    rate: Sequence[str],
    lemma: Sequence[str],
    frame: Sequence[str],
) -> list[tuple[str, ...]]:
    """Where each token hangs from the nearest likely cue above it: its subject, its clause ...

    Content is mostly a complement subtree of the cue, the source its subject
    subtree; the dependency of the branch and the side of the cue tell which.
    A token's path is its head's one step longer, so each is walked once.
    """
    likely = [r not in ("x", "0", "1") for r in rate]
    # per token: (the cue, or -1 for the root; the token below it on the path; depth)
    found: list[tuple[int, int, int] | None] = [None] * len(head)
    for i in range(len(head)):
        chain: list[int] = []
        j, got = i, found[i]
        while got is None and len(chain) < _PATH_DEPTH:
            h = head[j]
            if h == j:
                got = found[j] = (-1, j, 0)
            elif likely[h]:
                got = found[j] = (h, j, 0)
            else:
                chain.append(j)
                j = h
                got = found[j]
        if got is None:  # nothing within reach (the tokens between are walked on their own)
            found[i] = _FAR
            continue
        for c in reversed(chain):
            got = (got[0], got[1], got[2] + 1)
            found[c] = got
    out: list[tuple[str, ...]] = []
    for i, (anc, child, depth) in enumerate(found):  # type: ignore[misc]
        if depth >= _PATH_DEPTH:
            out.append(("path=far",))
        elif anc < 0:
            out.append(("path=root",))
        else:
            side = "L" if i < anc else "R"
            out.append(_path_feats(rate[anc], dep[child], side, lemma[anc], depth, frame[anc]))
    return out


@functools.lru_cache(maxsize=1 << 16)
def _path_feats(
    rate: str, dep: str, side: str, lemma: str, depth: int, frame: str
) -> tuple[str, ...]:
    return (
        f"path={rate}|{dep}|{side}",
        f"path_l={lemma}|{dep}",
        f"path_d={min(depth, 3)}|{dep}",
        f"path_fr={frame}|{dep}|{side}",
    )


def rule_roles(view: ArticleView, rules: Sequence[Draft] | None = None) -> list[str]:
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
    lower, fixed, nb = t.lower, t.fixed, t.neighbour
    out: list[list[str]] = []
    last = len(seq) - 1
    for k, i in enumerate(seq):
        feats = fixed[i].copy()
        if hints is not None:
            hint = hints[i]
            feats.append(f"rule={hint}")
            feats.append(f"rule|w={hint}|{lower[i]}")
            if k > 0:
                feats.append(f"-1:rule={hints[seq[k - 1]]}")
            if k < last:
                feats.append(f"1:rule={hints[seq[k + 1]]}")
        if k == 0:
            feats.append("para_start")
        if k == last:
            feats.append("para_end")
        feats.extend(nb[seq[k - 2]][0] if k >= 2 else ("-2:none",))
        feats.extend(nb[seq[k - 1]][1] if k >= 1 else ("-1:none",))
        feats.extend(nb[seq[k + 1]][2] if k < last else ("1:none",))
        feats.extend(nb[seq[k + 2]][3] if k < last - 1 else ("2:none",))
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
    for seq in view.paragraphs:
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
    view: ArticleView, tagger: Any, rules: Sequence[Draft] | None = None
) -> list[list[TaggedSpan]]:
    """The tagged spans of each paragraph of the article."""
    hints = rule_roles(view, rules)
    table = token_table(view)
    out = []
    for seq in view.paragraphs:
        labels = tagger.tag(sequence_features(view, seq, hints, table))
        out.append(spans_from_labels(seq, labels))
    return out
