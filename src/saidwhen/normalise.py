"""When two quotations say the same words: one normal form for the whole package.

The extraction marks a quote that repeats an earlier one of the article
(``Quote.repeat_of``); the quote bank merges the same quote from two
articles.  Both compare this form, so they agree on what "the same" is.

Example:
    >>> normalise("“I CANNOT express — how little I care,” ")
    'i cannot express how little i care'
    >>> normalise("I don’t care")
    'i dont care'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = ["SameWords", "WordRuns", "normalise"]

# Apostrophes join a word ("don't" -> "dont"); any other non-word character splits.
_APOS = re.compile(r"['’ʼ`´]")
_NON_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """Lower case, no punctuation or quote marks, single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _APOS.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


class SameWords:
    """The normal forms of some texts (quotes' words), made when first needed, with a space
    at each end: one holds another only word for word ("poor choice of words" in "a poor
    choice of words indeed", not "art" in "party")."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self._forms: dict[int, str] = {}

    def __call__(self, k: int) -> str:
        if k not in self._forms:
            self._forms[k] = f" {normalise(self.texts[k])} "
        return self._forms[k]

    def same(self, i: int, j: int, min_words: int) -> bool:
        """Do texts ``i`` and ``j`` say the same words, the shorter of ``min_words`` words at
        least, inside the other?"""
        a, b = self(i), self(j)
        return len(min(a, b, key=len).split()) >= min_words and (a in b or b in a)

    def grams(self, k: int, n: int) -> set[tuple[str, ...]]:
        """The runs of ``n`` words of text ``k``: a text inside another has all of its
        runs in it."""
        w = self(k).split()
        return {tuple(w[x : x + n]) for x in range(len(w) - n + 1)}


class WordRuns:
    """The quotes of ``among`` that may hold a quote's words or lie inside them, when the
    shorter has ``n`` words at least: found by their runs of ``n`` words, not by comparing
    each quote with every other one (a long transcript of one speaker has thousands)."""

    def __init__(self, forms: SameWords, among: Sequence[int], n: int) -> None:
        self.forms, self.n = forms, n
        self.by_gram: dict[tuple[str, ...], list[int]] = {}
        for j in among:
            for g in forms.grams(j, n):
                self.by_gram.setdefault(g, []).append(j)
        # each quote under its rarest run: a quote inside quote i has it among i's runs
        self.by_key: dict[tuple[str, ...], list[int]] = {}
        for j in among:
            grams = forms.grams(j, n)
            if grams:
                # (the rarest, the first in sorted order of those as rare: no sort needed)
                key = min(grams, key=lambda g: (len(self.by_gram[g]), g))
                self.by_key.setdefault(key, []).append(j)

    def candidates(self, i: int) -> list[int]:
        """The quotes to compare with quote ``i``, by index."""
        grams = self.forms.grams(i, self.n)
        if not grams:
            return []
        found: set[int] = set()
        rarest = min(grams, key=lambda g: (len(self.by_gram.get(g, ())), g))
        found.update(self.by_gram.get(rarest, ()))  # the quotes that may hold i
        for g in grams:
            found.update(self.by_key.get(g, ()))  # those that may lie inside i
        return sorted(found)
