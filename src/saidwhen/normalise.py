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

__all__ = ["normalise"]

# Apostrophes join a word ("don't" -> "dont"); any other non-word character splits.
_APOS = re.compile(r"['’ʼ`´]")
_NON_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """Lower case, no punctuation or quote marks, single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _APOS.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())
