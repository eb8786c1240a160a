"""Parse only the sentences a stage needs (prototype)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import DEP, HEAD

from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.language import Language

_QUOTES = frozenset('“ ” " ‘ ’ `` \'\' «  »'.split())
_ENDS = frozenset(". ! ? ... …".split())
_CLOSERS = frozenset('” " ’ \' ) ]'.split())


@functools.lru_cache(maxsize=1)
def cue_forms() -> frozenset[str]:
    from saidwhen.extract._reported_cues import CUE_RATES
    from saidwhen.extract.lexicon import SPEECH_VERBS

    import os

    forms: set[str] = set()
    if os.environ.get("SEL_CUES") == "all":
        forms = {k.split("|", 1)[0] for k in CUE_RATES if not k.startswith("~")}
        forms.discard(":")
    forms.add("according")
    if os.environ.get("SEL_CUES") == "none":
        return frozenset()
    for lemma in SPEECH_VERBS:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms.update({lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"})
        if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou":
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    forms.update("said told wrote spoke thought felt knew began added".split())
    return frozenset(forms)


def units(doc: Doc) -> list[tuple[int, int]]:
    """Cheap sentences: cut after . ! ? (and closing marks) or a line break."""
    out: list[tuple[int, int]] = []
    n = len(doc)
    lo = 0
    i = 0
    words = words_of(doc)
    while i < n:
        w = words[i]
        end = False
        if "\n" in w:
            end = True
        elif w in _ENDS:
            while i + 1 < n and words[i + 1] in _CLOSERS:
                i += 1
            end = True
        if end:
            while i + 1 < n and words[i + 1].isspace():
                i += 1
            out.append((lo, i + 1))
            lo = i + 1
        i += 1
    if lo < n:
        out.append((lo, n))
    return out


def needs_parse(words: list[str], lowers: list[str]) -> bool:
    cues = cue_forms()
    return any(w in _QUOTES or w == ":" for w in words) or any(w in cues for w in lowers)


def plan(doc: Doc, neighbours: int) -> list[tuple[int, int, bool]]:
    """Regions (start, end, parse?) covering the doc."""
    us = units(doc)
    words = words_of(doc)
    lowers = [t.lower_ for t in doc]
    need = [needs_parse(words[a:b], lowers[a:b]) for a, b in us]
    keep = list(need)
    for k, nd in enumerate(need):
        if nd:
            after = int(os.environ.get("SEL_AFTER", neighbours))
            for j in range(max(0, k - neighbours), min(len(us), k + after + 1)):
                keep[j] = True
    regions: list[tuple[int, int, bool]] = []
    for (a, b), kp in zip(us, keep):
        if regions and regions[-1][2] == kp and kp:
            regions[-1] = (regions[-1][0], b, kp)
        else:
            regions.append((a, b, kp))
    return regions


def _flat(doc: Doc, a: int, b: int, heads: np.ndarray, deps: np.ndarray, dep_id: int, root_id: int) -> None:
    root = a
    for t in doc[a:b]:
        if t.tag_.startswith("VB"):
            root = t.i
            break
    else:
        for t in doc[a:b]:
            if not t.is_punct and not t.is_space:
                root = t.i
                break
    for i in range(a, b):
        heads[i] = root - i
        deps[i] = dep_id
    deps[root] = root_id


def words_of(doc):
    w = doc.user_data.get("sel.w")
    if w is None:
        w = doc.user_data["sel.w"] = [t.text for t in doc]
    return w


def spaces_of(doc):
    w = doc.user_data.get("sel.s")
    if w is None:
        w = doc.user_data["sel.s"] = [bool(t.whitespace_) for t in doc]
    return w


def parse_selected(parser, docs: list[Doc], neighbours: int, batch_size: int) -> list[Doc]:
    jobs = []
    subs = []
    plans = []
    for doc in docs:
        regions = plan(doc, neighbours)
        plans.append(regions)
        for a, b, kp in regions:
            if kp:
                sub = Doc(doc.vocab, words=words_of(doc)[a:b], spaces=spaces_of(doc)[a:b])
                sub.tensor = doc.tensor[a:b]
                subs.append(sub)
    parsed = iter(parser.pipe(subs, batch_size=batch_size * 8))
    strings = docs[0].vocab.strings if docs else None
    for doc, regions in zip(docs, plans):
        n = len(doc)
        heads = np.zeros(n, dtype="int64")
        deps = np.zeros(n, dtype="uint64")
        dep_id = doc.vocab.strings.add("dep")
        root_id = doc.vocab.strings.add("ROOT")
        for a, b, kp in regions:
            if kp:
                sub = next(parsed)
                arr = sub.to_array([HEAD, DEP]).astype("int64")
                heads[a:b] = arr[:, 0]
                deps[a:b] = arr[:, 1].astype("uint64")
            else:
                _flat(doc, a, b, heads, deps, dep_id, root_id)
        doc.user_data.pop("sel.w", None)
        doc.user_data.pop("sel.s", None)
        doc.from_array([HEAD, DEP], np.stack([heads.astype("uint64"), deps], axis=1))
    return docs


def pipe(nlp: Language, texts: Iterable[str], batch_size: int, neighbours: int) -> Iterator[Doc]:
    def batches(it: Iterable[str]) -> Iterator[list[str]]:
        buf: list[str] = []
        for t in it:
            buf.append(t)
            if len(buf) >= batch_size:
                yield buf
                buf = []
        if buf:
            yield buf

    if os.environ.get("SEL_NAMES_FULL"):
        # attribution: names (and the ruler, lemmas) from the full parse, then flat trees
        for doc in nlp.pipe(texts, batch_size=batch_size):
            n = len(doc)
            arr = doc.to_array([HEAD, DEP]).astype("int64")
            heads = arr[:, 0].copy()
            deps = arr[:, 1].astype("uint64")
            dep_id = doc.vocab.strings.add("dep")
            root_id = doc.vocab.strings.add("ROOT")
            for a, b, kp in plan(doc, neighbours):
                if not kp:
                    _flat(doc, a, b, heads, deps, dep_id, root_id)
                elif a > 0 and doc[a - 1].sent_start is not None:
                    pass
            # a parsed region's tokens may hang on a skipped one: root them at their region
            doc.user_data.pop("sel.w", None)
            doc.from_array([HEAD, DEP], np.stack([heads.astype("uint64"), deps], axis=1))
            yield doc
        return
    for texts_b in batches(texts):
        docs = [nlp.make_doc(t) for t in texts_b]
        for name, proc in nlp.pipeline:
            if name == "parser":
                docs = parse_selected(proc, docs, neighbours, batch_size)
            else:
                pipe_ = getattr(proc, "pipe", None)
                docs = list(pipe_(docs, batch_size=batch_size)) if pipe_ else [proc(d) for d in docs]
        yield from docs
