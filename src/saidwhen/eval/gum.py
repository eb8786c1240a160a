"""How well saidwhen resolves he/she and descriptions to the named person, measured on
GUM's coreference.

``../shared/data/gum-coref`` holds 63 news, interview and biography
documents (GUM, CC BY) with every mention of every person linked into an
entity.  For each he/she/him/her/his that GUM links to a person who has
been named before it, this counts whether :func:`saidwhen.extract.people.find_people`
puts the pronoun with a mention of that same person (the top-level figures, which
the gate's ``accuracy`` floor pins).  The texts are rebuilt from GUM's tokens (one
sentence a line), so offsets are our own.

More classes are counted apart: ``descriptions``, definite descriptions of a
person named before ("the boy", "the site's founder", "The President"), and
``body_descriptions``, the same for an organisation ("the company", "the
church").  A description counts when it refers back: not a predicate ("was the
first woman to ..."), not an apposition (", the founder,"), not plural (by the
parse), and holding no capitalised word but a title ("the Senator").  It is right
when the entity it resolves to holds one of the mentions that named the person.
With ``--quotes``, ``quoted_i``: the speakers of the direct quotes that hold an "I"
GUM links to a named person (the whole pipeline, see :func:`quote_speaker_accuracy`).

    python -m saidwhen.eval.gum [--limit N] [--hand | --learned] [--quotes] [--write-floors FILE]
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from saidwhen.errors import SaidwhenError
from saidwhen.eval.shared import shared_dir

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from saidwhen.extract.people.index import PeopleIndex
    from saidwhen.extract.people.resolver import PronounModel

__all__ = [
    "FLOOR_COMMENT",
    "GumDoc",
    "default_data_dir",
    "gold_descriptions",
    "gold_pronouns",
    "load_docs",
    "pronoun_accuracy",
    "quote_speaker_accuracy",
    "read_conll",
    "score_descriptions",
    "score_doc",
]

_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
# What opens a definite description, and the words before one that make it a
# predicate or an apposition rather than a mention that refers back
_DEFINITE = frozenset({"the", "this", "that"})
_NOT_ANAPHORIC = frozenset(
    "am is was be been being are were became become becomes remains remained as , ( :".split()
)
# Words that open a mention without naming anyone: determiners and pronouns
_UNNAMING = frozenset(
    "the a an this that these those his her its their our my your he she it they we i you".split()
)
_OPEN = re.compile(r"\(([a-z]+)-(\d+)")
_CLOSE = re.compile(r"([a-z]+)-(\d+)(?:-\S*?)?\)")


def default_data_dir() -> Path:
    return shared_dir() / "data" / "gum-coref"


@dataclass(slots=True)
class GumDoc:
    """One GUM document: its rebuilt text and every entity's mention spans."""

    name: str
    text: str
    mentions: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # "person-2" -> spans
    proper: set[tuple[int, int]] = field(default_factory=set)  # spans that hold a capital word


def read_conll(path: Path) -> list[GumDoc]:
    """The documents of one GUM ``.conll`` file."""
    docs: list[GumDoc] = []
    cur: GumDoc | None = None
    pieces: list[str] = []
    pos = 0
    stack: dict[str, list[int]] = {}
    line_start = True
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.startswith("# begin document"):
            cur = GumDoc(raw.split()[-1], "")
            pieces, pos, stack, line_start = [], 0, {}, True
            continue
        if raw.startswith("# end document"):
            if cur is not None:
                cur.text = "".join(pieces)
                docs.append(cur)
            cur = None
            continue
        if cur is None:
            continue
        if not raw.strip():
            if pieces and not line_start:
                pieces.append("\n")
                pos += 1
                line_start = True
            continue
        cols = raw.split("\t")
        if len(cols) < 3:
            raise SaidwhenError(f"{path}:{n}: expected index, token and entity columns")
        token, ents = cols[1], cols[2]
        if not line_start:
            pieces.append(" ")
            pos += 1
        start = pos
        pieces.append(token)
        pos += len(token)
        line_start = False
        for m in _OPEN.finditer(ents):
            stack.setdefault(f"{m.group(1)}-{m.group(2)}", []).append(start)
        for m in _CLOSE.finditer(ents):
            key = f"{m.group(1)}-{m.group(2)}"
            opened = stack.get(key)
            if opened:
                s = opened.pop()
                cur.mentions.setdefault(key, []).append((s, pos))
                if any(w[:1].isupper() for w in "".join(pieces)[s:pos].split()[1:]) or (
                    "".join(pieces)[s:pos][:1].isupper() and pos - s > 3
                ):
                    cur.proper.add((s, pos))
    return docs


def gold_pronouns(gdoc: GumDoc) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """GUM's he/she/him/her/his that refer to a person named before them: each span
    with all the spans of its person."""
    out = {}
    for key, spans in gdoc.mentions.items():
        if not key.startswith("person-"):
            continue
        for s, e in spans:
            if gdoc.text[s:e].lower() not in _PRONOUNS:
                continue
            if any(m[1] <= s and m in gdoc.proper for m in spans):
                out[(s, e)] = spans
    return out


def _title_words() -> frozenset[str]:
    from saidwhen.extract.lexicon import ROLE_NOUNS, TITLES

    return TITLES | ROLE_NOUNS


def _names_someone(text: str) -> bool:
    """A mention that holds a name: a capital word, past an opening determiner or pronoun."""
    words = text.split()
    if words and words[0].lower() in _UNNAMING:
        words = words[1:]
    return any(w[:1].isupper() and w.isalpha() and w != "I" for w in words)


def _is_description(text: str, before: str) -> bool:
    """A definite description that refers back ("the boy", "the Home Secretary"), given
    the text before it."""
    words = text.split()
    if len(words) < 2 or words[0].lower() not in _DEFINITE:
        return False
    prev = before.split()[-1:]
    if prev and prev[0].lower() in _NOT_ANAPHORIC:
        return False
    titles = _title_words()
    rest = words[1:]
    for k, w in enumerate(rest):
        # a capital word only in a title: "the Prime Minister", not "the Star Wars lead"
        if w[:1].isupper() and not any(x.lower() in titles for x in rest[k:]):
            return False
    return True


def gold_descriptions(
    gdoc: GumDoc, kind: str = "person"
) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """GUM's definite descriptions of an entity of ``kind`` ("person", "organization")
    named before them: each span with the earlier spans that named it."""
    out = {}
    for key, spans in gdoc.mentions.items():
        if not key.startswith(f"{kind}-"):
            continue
        for s, e in spans:
            if not _is_description(gdoc.text[s:e], gdoc.text[max(0, s - 40) : s]):
                continue
            named = [m for m in spans if m[1] <= s and _names_someone(gdoc.text[m[0] : m[1]])]
            if named:
                out[(s, e)] = named
    return out


def _overlaps(mentions: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]]) -> bool:
    gold = list(gold)
    return any(ms < ge and gs < me for ms, me in mentions for gs, ge in gold)


def score_doc(
    gdoc: GumDoc, doc: Doc, model: PronounModel | None = None, index: PeopleIndex | None = None
) -> tuple[int, int, int]:
    """``(pronouns, right, unresolved)`` of one GUM document (``index``: its people,
    found with ``model`` when not given)."""
    from saidwhen.extract.people import find_people

    index = index if index is not None else find_people(doc, model=model)
    total = right = unresolved = 0
    for (s, e), spans in gold_pronouns(gdoc).items():
        total += 1
        ent = index.entity_at(s, e)
        if ent is None:
            unresolved += 1
        elif _overlaps(ent.mentions, [g for g in spans if g != (s, e)]):
            right += 1
    return total, right, unresolved


def score_descriptions(
    gdoc: GumDoc, doc: Doc, kind: str = "person", index: PeopleIndex | None = None
) -> tuple[int, int, int]:
    """``(descriptions, right, unresolved)`` of one GUM document; plural descriptions
    (by the parse: "the parents") are left out."""
    from saidwhen.extract.people import find_people

    total = right = unresolved = 0
    for (s, e), named in gold_descriptions(gdoc, kind).items():
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or span.root.tag_ in ("NNS", "NNPS", "CD"):
            continue
        index = index if index is not None else find_people(doc)
        total += 1
        ent = index.entity_at(s, e)
        if ent is None:
            unresolved += 1
        elif _overlaps(ent.mentions, named):
            right += 1
    return total, right, unresolved


def load_docs(
    data_dir: Path | None = None, *, nlp: Language | None = None, limit: int | None = None
) -> list[tuple[GumDoc, Doc]]:
    """GUM's documents with their parses."""
    from saidwhen.nlp import load_nlp

    data_dir = data_dir or default_data_dir()
    paths = sorted(data_dir.glob("*.conll"))
    if not paths:
        raise SaidwhenError(f"GUM coreference data not found in {data_dir}")
    docs = [d for p in paths for d in read_conll(p)][:limit]
    nlp = nlp or load_nlp()
    return list(zip(docs, nlp.pipe(d.text for d in docs), strict=True))


def pronoun_accuracy(
    data_dir: Path | None = None,
    *,
    nlp: Language | None = None,
    limit: int | None = None,
    model: PronounModel | None = None,
    docs: list[tuple[GumDoc, Doc]] | None = None,
) -> dict[str, Any]:
    """Share of GUM's resolvable he/she pronouns that saidwhen gives the right person
    (with ``model``'s ranking: the hand-weighted score when not given), and of its
    descriptions of people (``descriptions``) and of bodies (``body_descriptions``)."""
    from saidwhen.extract.people import find_people

    docs = docs if docs is not None else load_docs(data_dir, nlp=nlp, limit=limit)
    counts = {key: [0, 0, 0] for key in ("pronouns", "descriptions", "body_descriptions")}
    for gdoc, doc in docs:
        index = find_people(doc, model=model)
        found = {
            "pronouns": score_doc(gdoc, doc, index=index),
            "descriptions": score_descriptions(gdoc, doc, "person", index),
            "body_descriptions": score_descriptions(gdoc, doc, "organization", index),
        }
        for key, row in found.items():
            counts[key] = [a + b for a, b in zip(counts[key], row, strict=True)]

    def ratio(key: str) -> float:
        return round(counts[key][1] / counts[key][0], 4) if counts[key][0] else 0.0

    total, right, unresolved = counts["pronouns"]
    return {
        "pronouns": total,
        "right": right,
        "unresolved": unresolved,
        "accuracy": ratio("pronouns"),
        **{
            key: {
                "total": counts[key][0],
                "right": counts[key][1],
                "unresolved": counts[key][2],
                "accuracy": ratio(key),
            }
            for key in ("descriptions", "body_descriptions")
        },
    }


_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})


def quote_speaker_accuracy(
    data_dir: Path | None = None, *, nlp: Language | None = None, limit: int | None = None
) -> dict[str, Any]:
    """``quoted_i``: of the direct quotes saidwhen finds in GUM that hold an "I" (me, my)
    GUM links to a person named in the document, the share whose speaker is that person
    (the speaker's entity holds one of the person's mentions). A check of whole speaker
    attribution on text no speaker rule was tuned on."""
    import datetime as dt

    from saidwhen.model import Article
    from saidwhen.pipeline import extract_articles

    data_dir = data_dir or default_data_dir()
    gdocs = [d for p in sorted(data_dir.glob("*.conll")) for d in read_conll(p)][:limit]
    if not gdocs:
        raise SaidwhenError(f"GUM coreference data not found in {data_dir}")
    arts = [Article(text=g.text, date=dt.date(2000, 1, 1), id=g.name) for g in gdocs]
    total = right = unresolved = 0
    for gdoc, rec in zip(gdocs, extract_articles(arts, nlp), strict=True):
        firsts: list[tuple[int, str]] = []  # (start, entity) of each linked "I"
        for key, spans in gdoc.mentions.items():
            if key.startswith("person-") and any(_names_someone(gdoc.text[s:e]) for s, e in spans):
                firsts += [(s, key) for s, e in spans if gdoc.text[s:e].lower() in _FIRST_PERSON]
        people = {p.name: p for p in rec.people}
        for q in rec.quotes:
            keys = {k for s, k in firsts if q.start <= s < q.end}
            if q.kind != "direct" or len(keys) != 1:
                continue  # no "I", or the I's of two people (a quoted exchange)
            (key,) = keys
            total += 1
            person = people.get(q.speaker.name) if q.speaker and q.speaker.name else None
            if person is None:
                unresolved += 1
            elif _overlaps([(m.start, m.end) for m in person.mentions], gdoc.mentions[key]):
                right += 1
    return {
        "quoted_i": {
            "total": total,
            "right": right,
            "unresolved": unresolved,
            "accuracy": round(right / total, 4) if total else 0.0,
        }
    }


FLOOR_COMMENT = (
    "Quality-gate floors for GUM's he/she resolution (accuracy), its descriptions of "
    "people and bodies (descriptions.accuracy, body_descriptions.accuracy) and the speakers "
    "of its quotes with an I (quoted_i.accuracy, written with --quotes), checked by "
    "tests/test_quality_gate_gum.py. "
    "Raising it is part of the change that improves the figure: run `python -m "
    "saidwhen.eval.gum --write-floors tests/floors/gum.json` (it only ever moves floors up) and "
    "commit the file with the change.  Lowering it is a decision, made by hand in a commit "
    "that says why."
)


_FLOOR_KEYS = (
    "accuracy",
    "descriptions.accuracy",
    "body_descriptions.accuracy",
    "quoted_i.accuracy",
)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--hand", action="store_true", help="the hand-weighted score, to compare")
    ap.add_argument("--learned", action="store_true", help="the learned weights, to compare")
    ap.add_argument(
        "--quotes", action="store_true", help="also the speakers of quotes with an I (slower)"
    )
    ap.add_argument("--write-floors", type=Path, metavar="FILE", help="raise the gate's floor")
    args = ap.parse_args(argv)
    from saidwhen.eval.floors import write_floors
    from saidwhen.extract.people.resolver import HAND, load_model

    model = HAND if args.hand else load_model() if args.learned else None
    result = pronoun_accuracy(limit=args.limit, model=model)
    if args.quotes:
        result.update(quote_speaker_accuracy(limit=args.limit))
    print(result)
    if args.write_floors:
        update = write_floors(args.write_floors, result, _FLOOR_KEYS, comment=FLOOR_COMMENT)
        print(f"{update.path}: {update.before} -> {update.after}")


if __name__ == "__main__":
    main()
