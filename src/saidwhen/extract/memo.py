"""Answers kept while one article is extracted, by functions pure in its parse.

The rules ask the same questions of a parse again and again (``span_root``
14,650 times on PolNeAR dev, 12,799 of them a repeat).  A cache keyed by a
``Doc``, ``Token`` or ``Span`` holds that article's parse alive, so these
caches are bounded and :func:`forget_article` empties them once an article's
record is made (:func:`saidwhen.pipeline.record_from_doc`): an answer about one
article is never of use for the next, and no parse outlives its article.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["doc_tokens", "forget_article", "per_article"]

T = TypeVar("T")

_CACHES: list[functools._lru_cache_wrapper[Any]] = []


def per_article(fn: Callable[..., T], maxsize: int = 1024) -> functools._lru_cache_wrapper[T]:
    """``fn`` with its answers kept until :func:`forget_article` (``maxsize`` at most)."""
    cached = functools.lru_cache(maxsize=maxsize)(fn)
    _CACHES.append(cached)
    return cached


def forget_article() -> None:
    """Drop every answer kept about the article just extracted."""
    for cache in _CACHES:
        cache.cache_clear()


@per_article
def doc_tokens(doc: Doc) -> list[Token]:
    """Every Token of ``doc``, made once per article: ``doc[i]`` and a Span's tokens are
    new objects each time they are read (a slice of this list is a list's slice)."""
    return list(doc)
