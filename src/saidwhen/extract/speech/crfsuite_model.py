"""A trained CRFsuite model read from its file, to tag many sequences at once in numpy.

python-crfsuite tags one sequence per call and turns every feature string
into a C++ string and a dictionary lookup on the way in; on news that cost
more than building the features. Here the model's weights are one array, a
token's features become row numbers (strings the model never saw read a row
of zeros), and the Viterbi search runs over all the paragraphs of an article
in one pass. The arithmetic is CRFsuite's (``crf1dc_viterbi``): the state
scores of a token are its features' weights added in the order of its
features, ties go to the lower label id, so the labels are the same.

The file format is CRFsuite's ``crf1d`` model (``lCRF``/``FOMC``, version 100)
with its two CQDB string tables (labels and attributes).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from pathlib import Path

import numpy as np
import numpy.typing as npt

from saidwhen.errors import SaidwhenError

__all__ = ["CrfModel", "read_model"]

_HEADER = struct.Struct("<4sI4s9I")
_CQDB = struct.Struct("<4s5I")
_CHUNK = struct.Struct("<4sII")
_FEATURE = struct.Struct("<IIId")  # type, source, destination, weight
_STATE, _TRANSITION = 0, 1

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.intp]


def _strings(blob: bytes, off: int) -> list[str]:
    """The strings of a CQDB table at ``off``, by id (its backward array)."""
    chunk, _, _, _, n, bwd = _CQDB.unpack_from(blob, off)
    if chunk != b"CQDB":
        raise struct.error(f"no string table at byte {off}")
    out = []
    for i, rec in enumerate(struct.unpack_from(f"<{n}I", blob, off + bwd)):
        ident, size = struct.unpack_from("<II", blob, off + rec)
        if ident != i:
            raise struct.error(f"string {i} of the table at byte {off} has id {ident}")
        out.append(blob[off + rec + 8 : off + rec + 7 + size].decode())
    return out


@dataclass(frozen=True, slots=True)
class CrfModel:
    """The weights of a linear-chain CRF.

    Attributes:
        labels: the label of each id.
        attrs: the row of ``state`` of each feature string the model knows (from 1).
        state: per row, the weight of the feature for each label; row 0 is zeros.
        trans: ``trans[i, j]``, the weight of label ``j`` after label ``i``.
    """

    labels: tuple[str, ...]
    attrs: dict[str, int]
    state: Floats
    trans: Floats

    def rows(self, feats: Sequence[Sequence[str]]) -> Ints:
        """The rows of each token's features, one token a line, padded with row 0."""
        get = self.attrs.get
        sizes = np.fromiter(map(len, feats), dtype=np.intp, count=len(feats))
        flat = np.fromiter(
            map(get, chain.from_iterable(feats), repeat(0)), dtype=np.intp, count=int(sizes.sum())
        )
        out = np.zeros((len(feats), int(sizes.max(initial=0))), dtype=np.intp)
        token = np.repeat(np.arange(len(feats)), sizes)
        first = np.repeat(np.cumsum(sizes) - sizes, sizes)
        out[token, np.arange(len(flat)) - first] = flat
        return out

    def scores(self, rows: Ints) -> Floats:
        """The state score of each label at each token (``rows`` from :meth:`rows`)."""
        state = self.state
        out = np.zeros((rows.shape[0], len(self.labels)))
        # column by column: each token's weights add up in the order of its features
        for k in range(rows.shape[1]):
            out += state[rows[:, k]]
        return out

    def tag_many(self, scores: Floats, lengths: Sequence[int]) -> list[list[str]]:
        """The best labels of consecutive sequences of ``lengths`` tokens whose state
        scores are the rows of ``scores``, each decoded as CRFsuite's Viterbi does.

        Sequences of like length are decoded together: padding every paragraph to the
        longest one of the article would cost (longest x paragraphs) memory, gigabytes
        for a transcript of one long paragraph and many short ones."""
        starts = np.cumsum(lengths, dtype=np.intp) - np.asarray(lengths, dtype=np.intp)
        out: list[list[str]] = [[] for _ in lengths]
        for group in _like_lengths(lengths):
            rows = np.concatenate([np.arange(starts[i], starts[i] + lengths[i]) for i in group])
            tags = self._viterbi(scores[rows], [lengths[i] for i in group])
            for i, labels in zip(group, tags, strict=True):
                out[i] = labels
        return out

    def _viterbi(self, scores: Floats, lengths: Sequence[int]) -> list[list[str]]:
        """:meth:`tag_many` of sequences padded to the longest of them."""
        if not lengths:
            return []
        n_seq, longest = len(lengths), max(lengths)
        lens = np.asarray(lengths, dtype=np.intp)
        ends = lens - 1
        starts = np.cumsum(lens) - lens
        # state scores by position, [t, sequence, label]; past a sequence's end, zeros
        at = starts[np.newaxis] + np.arange(longest)[:, np.newaxis]
        live = np.arange(longest)[:, np.newaxis] < lens[np.newaxis]
        by_pos = np.where(live[:, :, np.newaxis], scores[np.where(live, at, 0)], 0.0)
        n_lab = len(self.labels)
        back = np.zeros((longest, n_seq, n_lab), dtype=np.intp)
        alpha = by_pos.copy()  # the best score of a path to each label at each position
        # one row per (sequence, label to): the scores of coming from each label
        width = n_seq * n_lab
        before = alpha.reshape(longest, width)
        came_from = (np.arange(width) // n_lab * n_lab)[:, np.newaxis] + np.arange(n_lab)
        trans_to = np.tile(self.trans.T, (n_seq, 1))
        cand = np.empty((width, n_lab))
        rows = np.arange(width)
        back_rows = back.reshape(longest, width)
        for t in range(1, longest):
            np.add(before[t - 1].take(came_from), trans_to, out=cand)
            best = cand.argmax(axis=1)  # the first best, as CRFsuite's strict '<'
            back_rows[t] = best
            before[t] += cand[rows, best]
        # back from each sequence's end: past its end, every label points to its best last one
        every = np.arange(n_seq)
        best_last = alpha[ends, every].argmax(axis=1)
        early = ends < longest - 1
        back[ends[early] + 1, every[early]] = best_last[early, np.newaxis]
        path = np.zeros((longest, n_seq), dtype=np.intp)
        path[-1] = alpha[-1].argmax(axis=1)
        for t in range(longest - 1, 0, -1):
            path[t - 1] = back[t, every, path[t]]
        names = np.array(self.labels, dtype=object)
        return [names[path[:n, s]].tolist() for s, n in enumerate(lengths)]

    def tag(self, feats: Sequence[Sequence[str]]) -> list[str]:
        """The labels of one sequence (as ``pycrfsuite.Tagger.tag``)."""
        if not feats:
            return []
        return self.tag_many(self.scores(self.rows(feats)), [len(feats)])[0]


_PADDED_CELLS = 1 << 16  # (position x sequence) cells decoded at once, past one sequence


def _like_lengths(lengths: Sequence[int]) -> list[list[int]]:
    """Indices of ``lengths`` in groups of like length, shortest first: a group pads at
    most three cells for each of its tokens (fewer, longer groups: each position decoded
    costs some numpy calls, whatever the group's width), and holds at most
    ``_PADDED_CELLS`` cells unless one sequence alone is longer."""
    groups: list[list[int]] = []
    group: list[int] = []
    tokens = 0
    for i in sorted(range(len(lengths)), key=lengths.__getitem__):
        n = lengths[i]
        if n == 0:
            continue
        cells = n * (len(group) + 1)  # sorted: this one is the group's longest
        if group and (cells > 4 * (tokens + n) or cells > _PADDED_CELLS):
            groups.append(group)
            group, tokens = [], 0
        group.append(i)
        tokens += n
    if group:
        groups.append(group)
    return groups


def read_model(path: str | Path) -> CrfModel:
    """The :class:`CrfModel` in a CRFsuite model file (``SaidwhenError`` if it is not one)."""
    blob = Path(path).read_bytes()
    try:
        return _parse(blob, str(path))
    except (struct.error, UnicodeDecodeError, IndexError) as err:
        raise SaidwhenError(f"{path} is not a readable CRFsuite model ({err})") from err


def _parse(blob: bytes, path: str) -> CrfModel:
    magic, _, kind, _, _, n_lab, n_attr, off_f, off_l, off_a, _, _ = _HEADER.unpack_from(blob, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise SaidwhenError(f"{path} is not a CRFsuite CRF1d model")
    labels = _strings(blob, off_l)
    attrs = _strings(blob, off_a)
    if len(labels) != n_lab or len(attrs) != n_attr:
        raise SaidwhenError(f"{path}: the string tables do not match the header")
    chunk, _, n_feat = _CHUNK.unpack_from(blob, off_f)
    if chunk != b"FEAT":
        raise SaidwhenError(f"{path}: no feature table at byte {off_f}")
    state = np.zeros((n_attr + 1, n_lab))
    trans = np.zeros((n_lab, n_lab))
    for kind_f, src, dst, weight in _FEATURE.iter_unpack(
        blob[off_f + _CHUNK.size : off_f + _CHUNK.size + n_feat * _FEATURE.size]
    ):
        if kind_f == _STATE:
            state[src + 1, dst] = weight
        elif kind_f == _TRANSITION:
            trans[src, dst] = weight
        else:
            raise SaidwhenError(f"{path}: feature of unknown type {kind_f}")
    return CrfModel(
        labels=tuple(labels),
        attrs={a: i + 1 for i, a in enumerate(attrs)},
        state=state,
        trans=trans,
    )
