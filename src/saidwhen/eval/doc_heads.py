"""Learn which speaking nouns are documents from PolNeAR train: the Source heads (see
:mod:`saidwhen.eval.source_heads`) that are neither a person nor a body and that the
texts show being issued ("released a statement", "a report published by ...").

For every noun, count how often the parse makes it the object of a verb of issuing
(its direct object, its passive subject, or the noun a past participle of issuing
modifies) and how often it is a noun at all; keep the learned Source heads issued at
least ``MIN_COUNT`` times at a rate of at least ``MIN_RATE``, and write them as the
Python module ``saidwhen/extract/_doc_heads.py``::

    python -m saidwhen.eval.doc_heads            # train split, ../shared data (~3 min)

The result is deterministic for a given corpus and spaCy model.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from saidwhen.eval.shared import shared_dir
from saidwhen.eval.source_heads import counts_module
from saidwhen.extract._source_heads import SOURCE_HEADS
from saidwhen.extract.people.names import _ANY_BODY_NOUNS, _ORG_NOUNS, _stem, person_noun

__all__ = ["count_issued", "main", "render_module"]

# Keep nouns issued at least this often ...
MIN_COUNT = 3
# ... at least this share of their uses as a noun ("ad" 37/187, "statement" 51/320 and
# "measure" 3/88 stay; "campaign" 44/1878, a body anyway, would not)
MIN_RATE = 0.025
# what a document is done to when it is issued (PolNeAR's texts: "released a
# statement", "sent an email", "aired an ad", "filed a lawsuit", "put out a video")
_ISSUE = frozenset(
    "release issue publish send post air run write file unveil tweet broadcast circulate "
    "conduct email produce sign distribute launch put".split()
)
_OUT = Path(__file__).resolve().parents[1] / "extract" / "_doc_heads.py"


def count_issued(data_dir: Path) -> tuple[Counter[str], Counter[str]]:
    """(times each noun lemma was issued, times it is a noun), over every text of
    ``data_dir/text``."""
    from saidwhen.nlp import load_nlp, parse

    nlp = load_nlp()
    issued: Counter[str] = Counter()
    nouns: Counter[str] = Counter()
    for path in sorted((data_dir / "text").glob("*.txt")):
        doc = parse(nlp, path.read_text(encoding="utf-8"))
        for tok in doc:
            if tok.pos_ != "NOUN":
                continue
            lemma = tok.lemma_.lower()
            nouns[lemma] += 1
            head = tok.head
            verb = head.lemma_.lower()
            if head.pos_ == "VERB" and verb in _ISSUE and tok.dep_ in ("dobj", "nsubjpass"):
                if verb != "put" or any(c.lower_ == "out" for c in head.children):
                    issued[lemma] += 1
            elif tok.dep_ != "compound" and any(
                c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _ISSUE
                for c in tok.children
            ):
                issued[lemma] += 1  # "a report released Thursday"
    return issued, nouns


def _kept(issued: Counter[str], nouns: Counter[str]) -> dict[str, tuple[int, int]]:
    """The documents among the Source heads, by their singular, with their counts."""
    kept: dict[str, tuple[int, int]] = {}
    for word in SOURCE_HEADS:
        lemma = _stem(word)
        if person_noun(lemma) or lemma in _ORG_NOUNS or lemma in _ANY_BODY_NOUNS:
            continue
        n = issued[lemma] + (issued[word] if word != lemma else 0)
        total = nouns[lemma] + (nouns[word] if word != lemma else 0)
        if n >= MIN_COUNT and n >= MIN_RATE * total:
            kept[lemma] = (n, total)
    return kept


def render_module(issued: Counter[str], nouns: Counter[str]) -> str:
    """The source of ``_doc_heads.py``: the kept nouns with their two counts."""
    kept = _kept(issued, nouns)
    return counts_module(
        "Speaking nouns that are documents",
        "doc_heads",
        "noun: (times the texts issue it, times it is a noun)",
        "DOC_HEADS",
        {w: kept[w] for w in sorted(kept)},
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train")
    parser.add_argument("--out", type=Path, default=_OUT)
    args = parser.parse_args(argv)
    issued, nouns = count_issued(shared_dir() / "data" / "polnear" / args.split)
    args.out.write_text(render_module(issued, nouns), encoding="utf-8")


if __name__ == "__main__":
    main()
