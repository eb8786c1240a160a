"""The columns of one parse that the people steps read, filled once per article.

``doc[i]`` builds a new Token each time, and finding the name runs reads every
capitalised token and its neighbours several times over; these plain tuples (the
speech view's, with the entity labels, the trailing spaces and the sentence starts it
does not hold) are read instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from saidwhen.extract.memo import per_article

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Columns", "columns"]

# ENT_IOB's code for a token inside an entity (0: none set, 2: outside, 3: its first)
_INSIDE = 1


@dataclass(frozen=True, slots=True)
class Columns:
    """Per token of one parse.

    Attributes:
        n: the number of tokens.
        text, lower, pos, tag, dep: ``text``, ``lower_``, ``pos_``, ``tag_``, ``dep_``.
        ent_type: ``ent_type_`` ("" outside an entity).
        inside: ``ent_iob_ == "I"``.
        space: whether a space follows (``bool(whitespace_)``).
        alpha: ``is_alpha``.
        first: ``is_sent_start`` as a truth value.
        idx, head, children, lemma, is_space: the view's (``ArticleView``).
        where: the indices of the tokens of each lower-case word.
    """

    n: int
    text: tuple[str, ...]
    lower: tuple[str, ...]
    pos: tuple[str, ...]
    tag: tuple[str, ...]
    dep: tuple[str, ...]
    ent_type: tuple[str, ...]
    inside: tuple[bool, ...]
    space: tuple[bool, ...]
    alpha: tuple[bool, ...]
    first: tuple[bool, ...]
    idx: tuple[int, ...]
    head: tuple[int, ...]
    children: tuple[tuple[int, ...], ...]
    lemma: tuple[str, ...]
    is_space: tuple[bool, ...]
    where: dict[str, list[int]]


def _build(doc: Doc) -> Columns:
    # (imported here: the speech package reads the people's lexicon as it loads)
    from saidwhen.extract.speech.view import article_view

    view = article_view(doc)
    arr = doc.to_array(["ENT_TYPE", "ENT_IOB", "SPACY", "IS_ALPHA", "SENT_START"])
    # each token's label taken from the distinct ones by code, the flags compared as
    # arrays (not a Python step per token)
    ids, codes = np.unique(arr[:, 0], return_inverse=True)
    labels = np.empty(len(ids), dtype=object)
    labels[:] = [doc.vocab.strings[h] for h in ids.tolist()]
    ent_type = tuple(labels.take(codes.reshape(len(doc))).tolist())
    return Columns(
        n=len(doc),
        text=view.texts,
        lower=view.lower,
        pos=view.pos,
        tag=view.tag,
        dep=view.dep,
        ent_type=ent_type,
        inside=tuple((arr[:, 1] == _INSIDE).tolist()),
        space=tuple(arr[:, 2].astype(bool).tolist()),
        alpha=tuple(arr[:, 3].astype(bool).tolist()),
        first=tuple((arr[:, 4] == 1).tolist()),
        idx=view.idx,
        head=view.head,
        children=view.children,
        lemma=view.lemma,
        is_space=view.is_space,
        where=view.where,
    )


# (built once while its article is extracted)
columns = per_article(_build, maxsize=4)
