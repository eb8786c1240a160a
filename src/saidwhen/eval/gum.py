"""How well saidwhen resolves he/she to the named person, measured on GUM's coreference.

``../shared/data/gum-coref`` holds 63 news, interview and biography
documents (GUM, CC BY) with every mention of every person linked into an
entity.  For each he/she/him/her/his that GUM links to a person who has
been named before it, this counts whether :func:`saidwhen.extract.people.find_people`
puts the pronoun with a mention of that same person.  The texts are rebuilt
from GUM's tokens (one sentence a line), so offsets are our own.

    python -m saidwhen.eval.gum [--limit N]
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from saidwhen.errors import SaidwhenError
from saidwhen.eval.shared import shared_dir

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["GumDoc", "default_data_dir", "pronoun_accuracy", "read_conll"]

_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
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


def pronoun_accuracy(
    data_dir: Path | None = None, *, nlp: Language | None = None, limit: int | None = None
) -> dict[str, Any]:
    """Share of GUM's resolvable he/she pronouns that saidwhen gives the right person."""
    from saidwhen.extract.people import find_people
    from saidwhen.nlp import load_nlp

    data_dir = data_dir or default_data_dir()
    paths = sorted(data_dir.glob("*.conll"))
    if not paths:
        raise SaidwhenError(f"GUM coreference data not found in {data_dir}")
    docs = [d for p in paths for d in read_conll(p)][:limit]
    nlp = nlp or load_nlp()
    total = right = unresolved = 0
    for gdoc, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        index = find_people(doc)
        for key, spans in gdoc.mentions.items():
            if not key.startswith("person-"):
                continue
            for s, e in spans:
                if gdoc.text[s:e].lower() not in _PRONOUNS:
                    continue
                named = [m for m in spans if m[1] <= s and m in gdoc.proper]
                if not named:
                    continue
                total += 1
                ent = index.entity_at(s, e)
                if ent is None:
                    unresolved += 1
                    continue
                gold = set(spans)
                if any(
                    ms < ge and gs < me
                    for ms, me in ent.mentions
                    for gs, ge in gold
                    if (gs, ge) != (s, e)
                ):
                    right += 1
    return {
        "pronouns": total,
        "right": right,
        "unresolved": unresolved,
        "accuracy": round(right / total, 4) if total else 0.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    print(pronoun_accuracy(limit=args.limit))


if __name__ == "__main__":
    main()
