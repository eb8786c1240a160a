"""Reported speech by sequence tagging: a CRF over spaCy token features.

Each paragraph is one sequence; every token gets a BIO label for the three
roles PolNeAR annotates (``SRC`` source, ``CUE`` cue, ``CON`` content); the
rules of :mod:`saidwhen.extract.speech.rules` are among the features.  The
spans are grouped into attributions by :mod:`saidwhen.extract.speech.decode`.

The model is trained by :mod:`saidwhen.eval.train_tagger` (python-crfsuite) and
read from ``saidwhen/data/attribution.crfsuite``; tagging does not go through
crfsuite's strings: each feature is a template and a column of values
(:func:`token_table`, :func:`sequence_columns`), a value's row in the model is
looked up once per process, and all the paragraphs of an article are scored
and decoded in one numpy pass (:mod:`.crfsuite_model`), with crfsuite's
arithmetic, so the labels are the same.  :func:`sequence_features` renders the
same columns as the strings the model is trained on.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

import numpy as np
import numpy.typing as npt

from saidwhen.extract._reported_cues import CUE_PREPS, CUE_RATES
from saidwhen.extract.speech.crfsuite_model import CrfModel, read_model
from saidwhen.extract.speech.rules import find_reported
from saidwhen.extract.speech.types import Draft, TaggedSpan
from saidwhen.extract.speech.view import ArticleView

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "MODEL_PATH",
    "ROLES",
    "Pairs",
    "TaggedSpan",
    "Tagger",
    "TokenTable",
    "labels_from_spans",
    "load_tagger",
    "rule_roles",
    "sequence_columns",
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


Ints = npt.NDArray[np.intp]
T = TypeVar("T")
_CHILD_DEPS = ("ccomp", "nsubj", "nsubjpass", "dobj", "xcomp", "mark", "agent", "pobj")


def _render(template: str, value: Any) -> str | None:
    """A feature string: ``None`` leaves the feature out, ``True`` is the template
    as it is, anything else fills its field."""
    if value is None:
        return None
    if value is True:
        return template
    return template.format(value)


@dataclass(frozen=True, slots=True)
class Column:
    """One feature template over tokens.

    The value of token ``k`` is ``values[index[k]]``, or none where ``index[k]``
    is -1; without an ``index``, ``values[k]``.  A value is looked up (or
    rendered) once per column, not once per token that has it.
    """

    template: str
    values: Sequence[Any]
    index: Ints | None = None


def _flags(template: str, n: int, where: Ints | Iterable[int]) -> Column:
    """A feature without a value, present at the tokens ``where``."""
    index = np.full(n, -1, dtype=np.intp)
    index[where if isinstance(where, np.ndarray) else list(where)] = 0
    return Column(template, (True,), index)


def _child_deps(heads: Ints, deps: tuple[Sequence[str], Ints]) -> list[Column]:
    """``c={}``: the dependency of each token's first, second ... child of a kind in
    :data:`_CHILD_DEPS`, in text order (as ``Token.children`` gives them); one column per
    rank, up to the most such children any token has."""
    dep_values, dep_codes = deps
    n = len(heads)
    wanted = np.array([d in _CHILD_DEPS for d in dep_values], dtype=bool)
    kids = np.flatnonzero(wanted[dep_codes] & (heads != np.arange(n))) if n else heads
    # by head, each head's children in text order, and each one's rank among them
    kids = kids[np.argsort(heads[kids], kind="stable")]
    of = heads[kids]
    new = np.ones(len(kids), dtype=bool)
    new[1:] = of[1:] != of[:-1]
    first = np.flatnonzero(new)
    rank = np.arange(len(kids)) - np.repeat(first, np.diff(np.append(first, len(kids))))
    out = []
    for k in range(int(rank.max()) + 1 if len(kids) else 0):
        index = np.full(n, -1, dtype=np.intp)
        index[of[rank == k]] = dep_codes[kids[rank == k]]
        out.append(Column("c={}", dep_values, index))
    return out


class _Rendered(dict[Any, "str | None"]):
    """The feature string of each value of one template, rendered once (a bounded cache)."""

    __slots__ = ("template",)

    def __init__(self, template: str) -> None:
        super().__init__({None: None})
        self.template = template

    def __missing__(self, value: Any) -> str | None:
        if len(self) > _CACHE_SIZE:
            self.clear()
            self[None] = None
        got = self[value] = _render(self.template, value)
        return got


_CACHE_SIZE = 1 << 16
_RENDERED: dict[str, _Rendered] = {}


def _rendered(template: str) -> _Rendered:
    got = _RENDERED.get(template)
    if got is None:
        got = _RENDERED[template] = _Rendered(template)
    return got


@dataclass(slots=True)
class TokenTable:
    """Per-token values of one doc that the features read, computed in one pass.

    ``columns`` are the features of each token that do not depend on its
    paragraph (its word, its head, its path to a likely cue), in the order the
    features are listed; ``near`` the values the tokens around a token are
    described by (``w``, ``p``, ``rate``, ``d``: distinct values, code of each
    token), added per sequence with the rules' roles (:func:`sequence_columns`).
    """

    near: dict[str, tuple[Sequence[str], Ints]]
    columns: list[Column]


def _factor(values: Sequence[T]) -> tuple[list[T], Ints]:
    """The distinct ``values`` and the code of each among them."""
    distinct = list(dict.fromkeys(values))
    code = {v: k for k, v in enumerate(distinct)}
    return distinct, np.fromiter(map(code.__getitem__, values), np.intp, len(values))


class Pairs(Sequence[str]):
    """The distinct values ``left|right`` of a column of pairs, rendered only when read:
    the tagger looks the pairs up by their two parts (:meth:`Tagger.pair_rows`), and
    renders none of those the model does not know (most of them).

    ``ids`` are the pairs' numbers ``l * len(right) + r``, ascending; no ``left`` value
    holds a ``|``, so that a feature string splits into its pair at its first one.
    """

    __slots__ = ("ids", "left", "right")

    def __init__(self, left: Sequence[str], right: Sequence[str], ids: Ints) -> None:
        self.left, self.right, self.ids = left, right, ids

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, k: int) -> str: ...
    @overload
    def __getitem__(self, k: slice) -> list[str]: ...
    def __getitem__(self, k: int | slice) -> str | list[str]:
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self)))]
        left, right = divmod(int(self.ids[k]), len(self.right))
        return f"{self.left[left]}|{self.right[right]}"


def _pairs(
    left: tuple[Sequence[str], Ints], right: tuple[Sequence[str], Ints]
) -> tuple[Sequence[str], Ints]:
    """``left|right`` of each token, as distinct values and codes."""
    (lv, lc), (rv, rc) = left, right
    keys = lc * len(rv) + rc
    size = len(lv) * len(rv)
    if size <= 4 * len(keys) + 1024:
        # np.unique's result without its sort: a flag per possible pair, and each
        # present pair's rank among them
        seen = np.zeros(size, dtype=bool)
        seen[keys] = True
        pair_ids = np.flatnonzero(seen)
        codes = (np.cumsum(seen, dtype=np.intp) - 1)[keys]
    else:
        pair_ids, codes = np.unique(keys, return_inverse=True)
    codes = codes.reshape(len(lc)).astype(np.intp)
    if any("|" in v for v in lv):
        values = [f"{lv[p // len(rv)]}|{rv[p % len(rv)]}" for p in pair_ids.tolist()]
        return values, codes
    return Pairs(lv, rv, pair_ids.astype(np.intp)), codes


def token_table(view: ArticleView) -> TokenTable:
    """The :class:`TokenTable` of an article."""
    n = len(view.texts)
    heads = view.heads
    f = view.factors
    lower, lemma, pos, tag, deps = f["lower"], f["lemma"], f["pos"], f["tag"], f["dep"]
    # each distinct cue record's rate bucket, then the buckets' codes by token
    recs, rec_of = _factor(view.cues)
    rate_values, rate_of = _factor([_rate_bucket(rec) for rec in recs])
    rates = (rate_values, rate_of[rec_of])
    frames = _factor(view.frames)
    at_head = heads if n else np.zeros(0, dtype=np.intp)
    h_pos = (pos[0], pos[1][at_head])
    h_lemma = (lemma[0], lemma[1][at_head])
    # which kind of word governs this one
    grand = np.arange(n) != heads
    grand &= heads[heads] != heads
    g_lemma = np.where(grand, lemma[1][heads[heads]], -1)
    columns = [
        Column("bias", (True,), np.zeros(n, dtype=np.intp)),
        Column("w={}", *lower),
        Column("l={}", *lemma),
        Column("p={}", *pos),
        Column("t={}", *tag),
        Column("d={}", *deps),
        Column("hl={}", *h_lemma),
        Column("hd={}", deps[0], deps[1][at_head]),
        Column("d|hp={}", *_pairs(deps, h_pos)),
        Column("d|hl={}", *_pairs(deps, h_lemma)),
        Column("q={}", ("0", "1"), np.array(view.in_quotes, dtype=np.intp)),
        Column("rate={}", *rates),
        Column("frame={}", *frames),
        _flags("sent_start", n, view.sentence_starts),
        _flags("sent_end", n, np.append(view.sentence_starts[1:], n) - 1 if n else ()),
        _flags("title", n, view.titles),
    ]
    columns += _child_deps(heads, deps)
    columns.append(Column("gl={}", lemma[0], g_lemma))
    # the head's cue rate: the subject and complement of a likely cue
    columns.append(Column("hrate={}", *_pairs((rates[0], rates[1][at_head]), deps)))
    # a path is one feature, or four under a likely cue
    kinds, kind = _cue_paths(heads, deps, rates, lemma, frames)
    columns.append(Column("{}", [p[0] for p in kinds], kind))
    four = np.array([len(p) > 1 for p in kinds], dtype=bool)
    below = np.where(four[kind], kind, -1) if n else kind
    for k in range(1, 4):
        columns.append(Column("{}", [p[k] if len(p) > k else None for p in kinds], below))
    return TokenTable({"w": lower, "p": pos, "rate": rates, "d": deps}, columns)


def sequence_columns(
    table: TokenTable, seqs: Sequence[Sequence[int]], hints: Sequence[str] | None = None
) -> list[Column]:
    """The columns of every feature over the tokens of ``seqs`` one after another
    (each with an ``index`` into the doc's values).

    The words around a token count within its sequence; the neighbours' quote
    flags, the outer ones' tags, the head's tag and side and the place in the
    sentence had the least weight in a model trained with them: without them
    crfsuite takes a quarter fewer strings, at the same held-out scores.
    """
    order = np.fromiter(itertools.chain.from_iterable(seqs), dtype=np.intp)
    n = len(order)
    lens = [len(seq) for seq in seqs if seq]
    firsts = list(itertools.accumulate(lens, initial=0))[:-1]

    def edge(by: int) -> list[int]:
        """The positions with no token ``by`` away in their sequence."""
        d = abs(by)
        return [
            f + j if by < 0 else f + m - 1 - j
            for f, m in zip(firsts, lens, strict=True)
            for j in range(min(d, m))
        ]

    def flags(template: str, where: list[int]) -> Column:
        index = np.full(n, -1, dtype=np.intp)
        index[where] = 0
        return Column(template, (True,), index)

    near_tokens: dict[int, Ints] = {0: order}
    for by in (-2, -1, 1, 2):
        # the token ``by`` away in the same sequence, else -1
        at = np.full(n, -1, dtype=np.intp)
        if by < 0:
            at[-by:] = order[:by]
        else:
            at[: n - by] = order[by:]
        at[edge(by)] = -1
        near_tokens[by] = at

    def column(
        template: str, values: Sequence[Any], index: Ints | None = None, by: int = 0
    ) -> Column:
        at = near_tokens[by]
        if index is not None:
            at = np.where(at >= 0, index[at], -1)
        return Column(template, values, at)

    out = [column(c.template, c.values, c.index) for c in table.columns]
    near = table.near
    if hints is not None:
        hint = _factor(hints)
        out += [
            column("rule={}", *hint),
            column("rule|w={}", *_pairs(hint, near["w"])),
            column("-1:rule={}", *hint, by=-1),
            column("1:rule={}", *hint, by=1),
        ]
    out += [flags("para_start", edge(-1)), flags("para_end", edge(1))]
    for by, names in (
        (-2, ("w",)),
        (-1, ("w", "p", "rate", "d")),
        (1, ("w", "p", "d")),
        (2, ("w",)),
    ):
        # ``-1:none`` where no token comes before, in the place of that token's features
        out.append(flags(f"{by}:none", edge(by)))
        out += [column(f"{by}:{name}={{}}", *near[name], by=by) for name in names]
    return out


def _rows(columns: Sequence[Column]) -> list[list[str]]:
    """Each token's feature strings, in the order of the columns (each with an index)."""
    rendered = []
    for c in columns:
        strings = [*map(_rendered(c.template).__getitem__, c.values), None]
        assert c.index is not None
        rendered.append(list(map(strings.__getitem__, c.index.tolist())))
    return [[f for f in row if f is not None] for row in zip(*rendered, strict=True)]


# How far up the tree the path to a likely cue is followed.
_PATH_DEPTH = 8


def _cue_paths(
    head: Sequence[int] | Ints,
    dep: tuple[Sequence[str], Ints],
    rate: tuple[Sequence[str], Ints],
    lemma: tuple[Sequence[str], Ints],
    frame: tuple[Sequence[str], Ints],
) -> tuple[list[tuple[str, ...]], Ints]:
    """Where each token hangs from the nearest likely cue above it: its subject, its clause ...

    Content is mostly a complement subtree of the cue, the source its subject
    subtree; the dependency of the branch and the side of the cue tell which.
    ``dep``, ``rate``, ``lemma`` and ``frame`` are distinct values and each token's
    code among them; the paths likewise (as :func:`_factor` gives them), each
    distinct one rendered once.  All tokens climb one step at a time together,
    each stopping at the root or below a likely cue, at most :data:`_PATH_DEPTH` up.
    """
    n = len(head)
    if not n:
        return [], np.zeros(0, dtype=np.intp)
    (dep_v, dep_c), (rate_v, rate_c), (frame_v, frame_c) = dep, rate, frame
    # lemmas are lowered: two codes may share one
    lemma_v, lemma_c = _factor(lemma[0])
    lemma_c = lemma_c[lemma[1]]
    heads = np.asarray(head, dtype=np.intp)
    likely = np.array([r not in ("x", "0", "1") for r in rate_v], dtype=bool)[rate_c]
    # per token: the cue (-1 for the root, -2 out of reach), the token below it, the depth
    anc = np.full(n, -2, dtype=np.intp)
    below = np.zeros(n, dtype=np.intp)
    depth = np.zeros(n, dtype=np.intp)
    climbing, at = np.arange(n), np.arange(n)
    for d in range(_PATH_DEPTH):
        up = heads[at]
        root = up == at
        stop = root | likely[up]
        settled = climbing[stop]
        anc[settled] = np.where(root[stop], -1, up[stop])
        below[settled] = at[stop]
        depth[settled] = d
        climbing, at = climbing[~stop], up[~stop]
    # what a path's features read, as one number: far and root apart
    cue = np.maximum(anc, 0)
    parts = (
        rate_c[cue],
        dep_c[below],
        (np.arange(n) > anc).astype(np.intp),
        lemma_c[cue],
        np.minimum(depth, 3),
        frame_c[cue],
    )
    dims = (len(rate_v), len(dep_v), 2, len(lemma_v), 4, len(frame_v))
    key = np.where(anc < 0, anc, np.ravel_multi_index(parts, dims))
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    # the distinct paths in the order they first come, as _factor orders them
    order = np.argsort(first, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    kinds: list[tuple[str, ...]] = []
    for i in first[order].tolist():
        a = int(anc[i])
        if a == -2:
            kinds.append(("path=far",))
        elif a == -1:
            kinds.append(("path=root",))
        else:
            side = "L" if i < a else "R"
            kinds.append(
                _path_feats(
                    rate_v[rate_c[a]],
                    dep_v[dep_c[below[i]]],
                    side,
                    lemma_v[lemma_c[a]],
                    int(depth[i]),
                    frame_v[frame_c[a]],
                )
            )
    return kinds, rank[inverse.reshape(n)]


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
    found = find_reported(view) if rules is None else rules
    for n, q in enumerate(found):
        parts = [("CON", q.start, q.end)]
        if q.cue is not None:
            parts.append(("CUE", q.cue.start, q.cue.end))
        if q.speaker is not None:
            parts.append(("SRC", q.speaker.start, q.speaker.end))
        for role, s, e in parts:
            got = view.token_range(s, e)
            if got is not None:
                spans.append((role, n, [got]))
    return labels_from_spans(range(len(view.texts)), spans)


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
    return _rows(sequence_columns(t, [seq], hints))


def labels_from_spans(
    seq: Sequence[int], spans: Iterable[tuple[str, int, Sequence[tuple[int, int]]]]
) -> list[str]:
    """BIO labels for one sequence from gold spans.

    Args:
        seq: the token indices of the sequence, ascending.
        spans: ``(role, attribution id, [(first token, last token + 1), ...])``;
            each piece of a discontinuous span starts with ``B``.
    """
    m = len(seq)
    # per position: the role (its place in ROLES, -1 for none), the attribution, the piece
    role_at = np.full(m, -1, dtype=np.intp)
    ident_at = np.full(m, -1, dtype=np.intp)
    piece_at = np.full(m, -1, dtype=np.intp)
    for role, ident, pieces in sorted(spans, key=lambda s: ROLES.index(s[0])):
        r = ROLES.index(role)
        for n, (lo, hi) in enumerate(pieces):
            a, b = bisect.bisect_left(seq, lo), bisect.bisect_left(seq, hi)
            role_at[a:b], ident_at[a:b], piece_at[a:b] = r, ident, n
    cont = np.zeros(m, dtype=np.intp)
    if m:
        cont[1:] = (
            (role_at[1:] == role_at[:-1])
            & (ident_at[1:] == ident_at[:-1])
            & (piece_at[1:] == piece_at[:-1])
        )
    codes = np.where(role_at < 0, 0, 1 + 2 * role_at + cont)
    return list(map(_BIO.__getitem__, codes.tolist()))


# the label of each code of labels_from_spans: "O", then B and I of each role
_BIO = ("O", *(f"{bio}-{role}" for role in ROLES for bio in "BI"))


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


def _template_rows(template: str, attrs: dict[str, int], ordered: Sequence[str]) -> dict[Any, int]:
    """The model's row of each value of ``template`` that renders to a feature it knows
    (``ordered``: the feature strings of ``attrs`` sorted, so that those of one prefix are
    found by bisection, not by a scan of all)."""
    if "{}" not in template:
        return {True: attrs[template]} if template in attrs else {}
    prefix, _, suffix = template.partition("{}")
    lo = len(prefix)
    out: dict[Any, int] = {}
    for k in range(bisect.bisect_left(ordered, prefix), len(ordered)):
        a = ordered[k]
        if not a.startswith(prefix):
            break
        if a.endswith(suffix) and len(a) >= lo + len(suffix):
            out[a[lo : len(a) - len(suffix)]] = attrs[a]
    return out


_SCORED_AT_ONCE = 4096  # tokens whose weights are gathered at once (by 50 columns, 7 labels)


class Tagger:
    """The trained CRF (:class:`~saidwhen.extract.speech.crfsuite_model.CrfModel`) and,
    per feature template, the model's row of each value it knows (made on first use from
    the model's feature strings), so that tagging renders no strings."""

    def __init__(self, model: CrfModel) -> None:
        self.model = model
        self._rows: dict[tuple[str, ...], tuple[dict[Any, int], Ints]] = {}
        self._pairs: dict[str, tuple[dict[str, int], dict[str, int], Ints, Ints]] = {}
        self._known: dict[str, dict[Any, int]] = {}
        self._ordered: list[str] | None = None

    def template_rows(self, template: str) -> dict[Any, int]:
        """:func:`_template_rows` of the model, each template's once per process (a
        template goes into several groups of :meth:`_joint_rows`)."""
        got = self._known.get(template)
        if got is None:
            if self._ordered is None:
                self._ordered = sorted(self.model.attrs)
            got = _template_rows(template, self.model.attrs, self._ordered)
            self._known[template] = got
        return got

    def pair_rows(self, template: str, pairs: Pairs) -> Ints:
        """The model's row of each of ``pairs`` under ``template`` (0 for a feature it does
        not know), found by the two parts of each pair: no pair is rendered."""
        got = self._pairs.get(template)
        if got is None:
            lefts: dict[str, int] = {}
            rights: dict[str, int] = {}
            known = []
            for value, row in self.template_rows(template).items():
                left, sep, right = value.partition("|")
                if sep:
                    known.append(
                        (
                            lefts.setdefault(left, len(lefts)),
                            rights.setdefault(right, len(rights)),
                            row,
                        )
                    )
            table = np.array(sorted(known), dtype=np.intp).reshape(-1, 3)
            keys = table[:, 0] * len(rights) + table[:, 1]
            got = self._pairs[template] = (lefts, rights, keys, table[:, 2].copy())
        lefts, rights, keys, rows = got
        if not len(keys):
            return np.zeros(len(pairs), dtype=np.intp)
        left = np.fromiter(map(lefts.get, pairs.left, repeat(-1)), np.intp, len(pairs.left))
        right = np.fromiter(map(rights.get, pairs.right, repeat(-1)), np.intp, len(pairs.right))
        # each pair's parts as the model numbers them (-1: a part it never saw)
        a = left[pairs.ids // len(pairs.right)]
        b = right[pairs.ids % len(pairs.right)]
        key = a * len(rights) + b
        at = np.minimum(np.searchsorted(keys, key), len(keys) - 1)
        hit = (a >= 0) & (b >= 0) & (keys[at] == key)
        return np.where(hit, rows[at], 0)

    def _joint_rows(self, templates: tuple[str, ...]) -> tuple[dict[Any, int], Ints]:
        """For templates over the same values ("w={}", "-1:w={}" ...): the place of each
        value the model knows for any of them, and the model's rows of each place, one
        column per template (a last place of zeros, row 0, for the others)."""
        got = self._rows.get(templates)
        if got is None:
            each = [self.template_rows(t) for t in templates]
            place = {v: k for k, v in enumerate(dict.fromkeys(v for rows in each for v in rows))}
            table = np.zeros((len(place) + 1, len(templates)), dtype=np.intp)
            for j, rows in enumerate(each):
                for v, row in rows.items():
                    table[place[v], j] = row
            got = self._rows[templates] = (place, table)
        return got

    def tag_columns(self, columns: Sequence[Column], lengths: Sequence[int]) -> list[list[str]]:
        """The labels of consecutive sequences of ``lengths`` tokens (columns of
        :func:`sequence_columns` over them)."""
        n = sum(lengths)
        state = self.model.state
        # the model's row of each token's value of each column; the columns over the same
        # values (a word, its neighbours' words) look each value up once
        at_rows = np.empty((len(columns), n), dtype=np.intp)
        shared: dict[int, list[int]] = {}
        for k, c in enumerate(columns):
            shared.setdefault(id(c.values), []).append(k)
        for ks in shared.values():
            values = columns[ks[0]].values
            templates = tuple(columns[k].template for k in ks)
            if isinstance(values, Pairs):
                # (each value's rows, then row 0 for the tokens without a value, index -1)
                found = np.zeros((len(values) + 1, len(ks)), dtype=np.intp)
                for j, template in enumerate(templates):
                    found[:-1, j] = self.pair_rows(template, values)
            else:
                place, table = self._joint_rows(templates)
                at = np.full(len(values) + 1, -1, dtype=np.intp)
                at[:-1] = np.fromiter(map(place.get, values, repeat(-1)), np.intp, len(values))
                found = table.take(at, axis=0)
            for j, k in enumerate(ks):
                index = columns[k].index
                if index is None:
                    at_rows[k] = found[:n, j]
                else:
                    found[:, j].take(index, out=at_rows[k])
        # a token's weights add up in the order of its features, as in crfsuite (a
        # reduction over the first axis adds its rows one after another); some tokens
        # at a time, to bound the gathered weights
        scores = np.empty((n, len(self.model.labels)))
        for lo in range(0, n, _SCORED_AT_ONCE):
            hi = lo + _SCORED_AT_ONCE
            np.add.reduce(state.take(at_rows[:, lo:hi], axis=0), axis=0, out=scores[lo:hi])
        return self.model.tag_many(scores, lengths)

    def tag(self, feats: Sequence[Sequence[str]]) -> list[str]:
        """The labels of one sequence from its feature strings (as ``pycrfsuite.Tagger.tag``)."""
        return self.model.tag(feats)


@functools.lru_cache(maxsize=2)
def load_tagger(path: str = str(MODEL_PATH)) -> Tagger:
    """The trained CRF, read once per process."""
    return Tagger(read_model(path))


def tag_doc(
    view: ArticleView, tagger: Tagger, rules: Sequence[Draft] | None = None
) -> list[list[TaggedSpan]]:
    """The tagged spans of each paragraph of the article."""
    hints = rule_roles(view, rules)
    table = token_table(view)
    seqs = view.paragraphs
    labels = tagger.tag_columns(sequence_columns(table, seqs, hints), [len(s) for s in seqs])
    return [spans_from_labels(seq, lab) for seq, lab in zip(seqs, labels, strict=True)]
