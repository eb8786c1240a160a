"""Faster drop-in versions of spaCy's attribute ruler and rule lemmatizer: same output.

Both components do per-token work whose result depends only on a few
attributes of the token (and, for a handful of two-token patterns, of its
neighbours): the ruler runs a Matcher of ~180 patterns over every token, the
lemmatizer re-derives the lemma of every occurrence of a word.  Together
they cost a fifth of the parse.  Here each distinct key is worked out once
per process and remembered; ``tests/test_nlp_cache.py`` checks the output is
identical to spaCy's own components.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from thinc.api import NumpyOps

__all__ = ["speed_up", "use_numpy_matmul"]

_KEYS = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
# Caches are cleared past this size, so a long-running process stays bounded.
_MAX_CACHE = 500_000


def _spec_ok(spec: dict[str, Any], vals: dict[str, Any]) -> bool:
    """Whether one token (its LOWER, TAG, DEP, IS_SPACE values) satisfies a Matcher token spec."""
    for key, want in spec.items():
        have = vals[key]
        if isinstance(want, dict):
            for op, arg in want.items():
                if op == "IN" and have not in arg:
                    return False
                if op == "NOT_IN" and have in arg:
                    return False
                if op == "REGEX" and not re.search(arg, have):
                    return False
                if op not in ("IN", "NOT_IN", "REGEX"):
                    raise ValueError(f"unsupported attribute ruler operator {op!r}")
        elif have != want:
            return False
    return True


class _Rule:
    __slots__ = ("index", "patterns")

    def __init__(self, patterns: list[list[dict[str, Any]]], index: int) -> None:
        self.patterns = patterns
        self.index = index


class FastAttributeRuler(AttributeRuler):
    """The attribute ruler with its matches worked out once per distinct token context."""

    def _prepare(self) -> None:
        self._rules: list[_Rule] = []
        # rules indexed by the tag or word they require, so a new token checks only a few
        self._by_tag: dict[str, list[int]] = {}
        self._by_lower: dict[str, list[int]] = {}
        self._anywhere: list[int] = []
        ctx_words: set[str] = set()
        ctx_regex: list[str] = []
        for i in range(len(self.attrs)):
            patterns = self.matcher.get(str(i))[1]
            for pattern in patterns:
                if any(set(spec) - set(_KEYS) for spec in pattern):
                    raise ValueError(f"unsupported attribute ruler pattern {pattern!r}")
                if len(pattern) > 1:
                    # the token a multi-token pattern changes: its neighbours matter
                    own = pattern[self.indices[i]].get("LOWER")
                    if isinstance(own, str):
                        ctx_words.add(own)
                    elif isinstance(own, dict) and "IN" in own:
                        ctx_words.update(own["IN"])
                    elif isinstance(own, dict) and "REGEX" in own:
                        ctx_regex.append(own["REGEX"])
                    else:
                        ctx_regex.append("")  # matches every word: always look around
            self._rules.append(_Rule(patterns, self.indices[i]))
            for pattern in patterns:
                own = pattern[self.indices[i] % len(pattern)]
                if len(pattern) == 1 and isinstance(own.get("TAG"), str):
                    self._by_tag.setdefault(own["TAG"], []).append(i)
                elif len(pattern) == 1 and isinstance(own.get("LOWER"), str):
                    self._by_lower.setdefault(own["LOWER"], []).append(i)
                else:
                    self._anywhere.append(i)
        self._ctx_words = frozenset(ctx_words)
        # Words any pattern names: other words all behave alike, so their results are
        # cached by tag, dependency and white space alone (a handful of keys).
        words: set[str] = set()
        regexes: list[str] = []
        for rule in self._rules:
            for pattern in rule.patterns:
                for spec in pattern:
                    want = spec.get("LOWER")
                    if isinstance(want, str):
                        words.add(want)
                    elif isinstance(want, dict):
                        words.update(want.get("IN", ()), want.get("NOT_IN", ()))
                        if "REGEX" in want:
                            regexes.append(want["REGEX"])
        self._named_words = frozenset(words)
        self._named_regex = re.compile("|".join(f"(?:{r})" for r in regexes)) if regexes else None
        self._ctx_regex = re.compile("|".join(f"(?:{r})" for r in ctx_regex)) if ctx_regex else None
        self._cache: dict[tuple[Any, ...], dict[Any, Any] | None] = {}

    def _attrs_for(self, vals: list[dict[str, Any]], k: int) -> dict[Any, Any] | None:
        """The attributes the ruler gives token ``k`` of ``vals``; later rules win."""
        merged: dict[Any, Any] = {}
        own = vals[k]
        candidates = sorted(
            {
                *self._by_tag.get(own["TAG"], ()),
                *self._by_lower.get(own["LOWER"], ()),
                *self._anywhere,
            }
        )
        for n in candidates:
            rule = self._rules[n]
            for pattern in rule.patterns:
                start = k - (rule.index % len(pattern))
                if start < 0 or start + len(pattern) > len(vals):
                    continue
                if all(_spec_ok(s, vals[start + j]) for j, s in enumerate(pattern)):
                    merged.update(self.attrs[n])
                    break
        return merged or None

    def __call__(self, doc: Doc) -> Doc:
        if not hasattr(self, "_rules"):
            self._prepare()
        strings = doc.vocab.strings
        arr = doc.to_array([LOWER, TAG, DEP, IS_SPACE])
        rows = [tuple(r) for r in arr.tolist()]
        cache = self._cache
        if len(cache) > _MAX_CACHE:
            cache.clear()
        n = len(rows)
        for i, row in enumerate(rows):
            lower = strings[row[0]]
            if lower in self._ctx_words or (self._ctx_regex and self._ctx_regex.search(lower)):
                lo, hi = max(0, i - 1), min(n, i + 2)
                key: tuple[Any, ...] = (*rows[lo:hi], i - lo)
                window = [self._vals(strings, r) for r in rows[lo:hi]]
                k = i - lo
            else:
                named = lower in self._named_words or (
                    self._named_regex is not None and self._named_regex.search(lower)
                )
                key = (row[0] if named else 0, *row[1:])
                window, k = [], 0
            if key not in cache:
                cache[key] = self._attrs_for(window or [self._vals(strings, row)], k)
            attrs = cache[key]
            if attrs:
                set_token_attrs(doc[i], attrs)
        return doc

    @staticmethod
    def _vals(strings: StringStore, row: tuple[int, ...]) -> dict[str, Any]:
        return {
            "LOWER": strings[row[0]],
            "TAG": strings[row[1]] if row[1] else "",
            "DEP": strings[row[2]] if row[2] else "",
            "IS_SPACE": bool(row[3]),
        }


class CachedLemmatizer(EnglishLemmatizer):
    """The rule lemmatizer remembering each (word, POS, morphology) it has lemmatised.

    Its word index comes as lists, which ``form in index`` scans word by word
    (about 0.1 ms a word); they become sets, with the same members.
    """

    def __call__(self, doc: Doc) -> Doc:
        memo: dict[tuple[int, int, int], str] | None = self.__dict__.get("_memo")
        if memo is None:
            index = self.lookups.get_table("lemma_index", {})
            for pos in list(index):
                index[pos] = frozenset(index[pos])
            memo = self.__dict__["_memo"] = {}
        if len(memo) > _MAX_CACHE:
            memo.clear()
        for token in doc:
            if self.overwrite or token.lemma == 0:
                # ``morph.key`` is in spaCy, not in its type stubs
                key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
                lemma = memo.get(key)
                if lemma is None:
                    lemma = memo[key] = self.lemmatize(token)[0]
                token.lemma_ = lemma
        return doc


def speed_up(nlp: Language) -> Language:
    """Swap ``nlp``'s attribute ruler and English rule lemmatizer for the cached versions,
    and let its neural layers multiply matrices with numpy's BLAS."""
    use_numpy_matmul(nlp)
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        if type(ruler) is AttributeRuler:
            ruler.__class__ = FastAttributeRuler
    if "lemmatizer" in nlp.pipe_names:
        lem = nlp.get_pipe("lemmatizer")
        if type(lem) is EnglishLemmatizer and lem.mode == "rule":
            lem.__class__ = CachedLemmatizer
    return nlp


def use_numpy_matmul(nlp: Language) -> None:
    """Run the matrix products of ``nlp``'s models through numpy instead of blis.

    thinc multiplies with blis, which on this kind of CPU reaches about a third
    of numpy's OpenBLAS on the tok2vec layers' shapes (34 vs 101 GFLOPS): the
    tok2vec pass takes half the time.  The parser's per-state steps keep
    blis.  Tags, parses and lemmas were identical on all 81,742 PolNeAR dev
    tokens; ``tests/test_nlp_cache.py`` compares them with the stock pipeline.
    """
    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
