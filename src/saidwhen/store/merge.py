"""When two quotations are the same: normalisation, hashing and near duplicates.

Two quotes are *the same* when their normalised forms are equal (case,
punctuation, quote marks, dashes and whitespace ignored), and *near
duplicates* when one is a contiguous run of the other's words that is long
enough to be distinctive (an outlet trimmed or extended the quote). Candidates
for the second test come from shared word shingles, never from all pairs.

Example:
    >>> normalise("“I CANNOT express — how little I care,” ")
    'i cannot express how little i care'
    >>> contains(words("I cannot express how little I care"),
    ...          words("I cannot express how little I care about this race."))
    True
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from saidwhen.normalise import normalise

__all__ = [
    "MIN_NEAR_WORDS",
    "SHINGLE",
    "contains",
    "is_near_duplicate",
    "normalise",
    "preferred_form",
    "shingles",
    "text_hash",
    "words",
]

SHINGLE = 4  # words per shingle
MIN_NEAR_WORDS = 6  # shorter quotes must match exactly: "we'll see" is not distinctive
MIN_NEAR_SHARE = 0.4  # the shorter form covers at least this share of the longer


def preferred_form(a: str, b: str) -> str:
    """Of two writings of the same words, the one a quote shows, whichever came first: not
    a shouting headline, then one that starts as a sentence does, then the first in
    code-point order.

    >>> preferred_form("WE WILL SEE.", "We will see.")
    'We will see.'
    >>> preferred_form("we will see", "We will see!")
    'We will see!'
    """
    ra, rb = _form_rank(a), _form_rank(b)
    if ra != rb:
        return a if ra > rb else b
    return min(a, b)


def _form_rank(text: str) -> tuple[bool, bool]:
    letters = [c for c in text if c.isalpha()]
    shouting = sum(c.isupper() for c in letters) * 2 > len(letters)
    return not shouting, text[:1].isupper()


def words(text: str) -> list[str]:
    return normalise(text).split()


def _h64(data: str) -> int:
    # A signed 64-bit integer: SQLite stores it in 8 bytes, an index key stays small.
    return int.from_bytes(
        hashlib.blake2b(data.encode(), digest_size=8).digest(), "big", signed=True
    )


def text_hash(norm: str) -> int:
    """The key of a normalised quote."""
    return _h64(norm)


def shingles(tokens: Sequence[str], k: int = SHINGLE) -> list[int]:
    """Hashes of every run of ``k`` words (the whole text when it is shorter)."""
    if len(tokens) < k:
        return [_h64("\x1f" + " ".join(tokens))] if tokens else []
    return list(
        dict.fromkeys(
            _h64("\x1f" + " ".join(tokens[i : i + k])) for i in range(len(tokens) - k + 1)
        )
    )


def contains(short: Sequence[str], long: Sequence[str]) -> bool:
    """Is ``short`` a contiguous run of words of ``long``?"""
    n = len(short)
    if n == 0 or n > len(long):
        return False
    first = short[0]
    for i in range(len(long) - n + 1):
        if long[i] == first and list(long[i : i + n]) == list(short):
            return True
    return False


def is_near_duplicate(a: Sequence[str], b: Sequence[str]) -> bool:
    """One form is the other trimmed or extended by a few words."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < MIN_NEAR_WORDS or len(short) < MIN_NEAR_SHARE * len(long):
        return False
    return contains(short, long)
