"""One person across articles: the quote bank's people, measured on the real-news sets.

The articles of one or more realnews directories (JSON with ``text``, ``date``
and ``quotes[]`` whose gold ``speaker`` names a person or a body) are
extracted and written into one temporary quote bank.  Each gold quote is
matched to the bank occurrence of its article as the realnews scorer matches
spans (overlap of half the shorter), and counts only where our speaker is the
gold one (the scorer's ``speaker_ok``, or for a body one name's words inside
the other's: "Big Machine" for "Big Machine Records"): the bank's job is to
join what the articles named, not to name it.

A person's quote counts where the scorer's speaker_ok holds and our first name
is not another one than the gold's ("Saddam Hussein" for "King Hussein").

Gold speakers are grouped into **identities**: a capitalised name by its
first and last word, diacritics, titles, middle names and suffixes aside
("Donald J. Trump" is "Donald Trump"), a known nickname counting as its
first name ("Geoff", "Geoffrey").  Lower-case descriptions ("the crowd",
"a spokesman"), names of two speakers ("X and Y") and a surname alone
that is the surname of a full gold name ("Clinton") are no identity.

Figures:

- ``kept_whole``: of identities quoted in two or more articles, the share
  whose quotes all went to one bank person.
- ``kept_apart``: of pairs of identities sharing a surname (last word),
  both quoted, the share whose bank people are disjoint.
- ``false_merges``: pairs of identities that share a bank person (any).
- ``bodies_split``: identities our extraction typed as a body (not a
  person), quoted in two or more articles, split between bank entries.

    saidwhen eval bank-people --data-dir DIR [--data-dir DIR ...] [--errors]
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from saidwhen.eval.realnews import default_data_dir, load_gold, load_scorer
from saidwhen.extract.people.names import same_nickname
from saidwhen.model import Article

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "FLOOR_COMMENT",
    "FLOOR_KEYS",
    "Attributed",
    "format_scores",
    "gold_identity",
    "run_bank_people",
    "score_identities",
]

FLOOR_KEYS: tuple[str, ...] = ("kept_whole", "kept_apart")
FLOOR_COMMENT = (
    "Quality-gate floors for `saidwhen eval bank-people` on realnews-dev, checked by "
    "tests/test_quality_gate_bank_people.py.  Raising a floor is part of the change that "
    "improves the figure: run `saidwhen eval bank-people --write-floors "
    "tests/floors/bank_people.json` (it only ever moves floors up) and commit the file with "
    "the change.  Lowering one is a decision, made by hand in a commit that says why."
)

_WORD = re.compile(r"[^\W_][\w'’.-]*", re.U)
_TITLES = frozenset(
    "mr mrs ms miss dr prof sen rep gov president senator governor mayor gen "
    "secretary minister judge justice rev sir dame lord lady".split()
)
_SUFFIXES = frozenset("jr sr ii iii iv phd md esq".split())
_QUANTIFIERS = frozenset("a an one some another two three several many most".split())
# last words a body's name may go without ("Big Machine Records", "Big Machine")
_GENERIC = frozenset("records inc corp co ltd llc plc group media company corporation".split())


def _fold(word: str) -> str:
    word = unicodedata.normalize("NFKD", word.casefold().strip(".'’-"))
    return "".join(c for c in word if not unicodedata.combining(c))


def gold_identity(name: str, body: bool = False) -> tuple[str, str] | None:
    """A capitalised gold name's identity; None for a description or a pair.

    A person is their (first, last) words; a body its words without a leading
    "the" or a generic last word ("Records", "Inc.").

    >>> gold_identity("Donald J. Trump Jr.")
    ('donald', 'trump')
    >>> gold_identity("the Harbor Fish Co.", body=True)
    ('', 'harbor fish')
    >>> gold_identity("the crowd") is None, gold_identity("Ed and Al Lee") is None
    (True, True)
    """
    words = _WORD.findall(name)
    if words and words[0].casefold() == "the":
        words = words[1:]
    if not words or any(w.casefold() in ("and", "&") for w in words):
        return None
    if not words[0][:1].isupper() or _fold(words[0]) in _QUANTIFIERS:
        return None
    folded = [_fold(w) for w in words]
    if body:
        while len(folded) > 1 and folded[-1] in _GENERIC:
            folded.pop()
        return ("", " ".join(w for w in folded if w))
    while len(folded) > 1 and folded[0] in _TITLES:
        folded.pop(0)
    while len(folded) > 1 and folded[-1] in _SUFFIXES:
        folded.pop()
    folded = [w for w in folded if w]
    if not folded:
        return None
    return (folded[0] if len(folded) > 1 else "", folded[-1])


@dataclass(frozen=True, slots=True)
class Attributed:
    """A gold quote our bank holds with the right speaker."""

    gold: str  # the gold speaker's name
    article: str
    person: int  # the bank person (or body) it went to
    body: bool  # our extraction typed the speaker as no person


def _identities(golds: dict[str, bool]) -> dict[str, tuple[str, str]]:
    """Gold name (and whether it is a body) -> identity; nicknames folded to one first
    name, lone surnames dropped."""
    ids = {g: i for g, body in golds.items() if (i := gold_identity(g, body)) is not None}
    full_surnames = {last for first, last in ids.values() if first}
    by_last: dict[str, set[str]] = defaultdict(set)
    for first, last in ids.values():
        if first:
            by_last[last].add(first)
    out: dict[str, tuple[str, str]] = {}
    for g, (first, last) in ids.items():
        if not first and last in full_surnames:
            continue  # "Clinton": which one, the gold does not say
        # a nickname goes to the first in order of its group's names
        same = sorted(f for f in by_last[last] if f == first or same_nickname(f, first))
        out[g] = (same[0] if same else first, last)
    return out


def score_identities(rows: Sequence[Attributed]) -> dict[str, Any]:
    """The figures of this module from the attributed gold quotes."""
    votes: dict[str, list[bool]] = defaultdict(list)
    for r in rows:
        votes[r.gold].append(r.body)
    ids = _identities({g: sum(v) * 2 > len(v) for g, v in votes.items()})
    people: dict[tuple[str, str], set[int]] = defaultdict(set)
    articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    bodies: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for r in rows:
        ident = ids.get(r.gold)
        if ident is None:
            continue
        people[ident].add(r.person)
        articles[ident].add(r.article)
        bodies[ident].append(r.body)
    multi = sorted(i for i, arts in articles.items() if len(arts) > 1)
    split = [i for i in multi if len(people[i]) > 1]
    body_multi = [i for i in multi if sum(bodies[i]) * 2 > len(bodies[i])]
    by_last: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for i in sorted(people):
        by_last[i[1]].append(i)
    namesakes = [p for group in by_last.values() for p in combinations(group, 2)]
    merged_namesakes = [(a, b) for a, b in namesakes if people[a] & people[b]]
    holders: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for i, pids in people.items():
        for pid in pids:
            holders[pid].add(i)
    merges = sorted({(*p, pid) for pid, h in holders.items() for p in combinations(sorted(h), 2)})
    return {
        "identities": len(people),
        "multi_article": len(multi),
        "kept_whole": round(1 - len(split) / len(multi), 4) if multi else 1.0,
        "namesake_pairs": len(namesakes),
        "kept_apart": (round(1 - len(merged_namesakes) / len(namesakes), 4) if namesakes else 1.0),
        "false_merges": len({m[:2] for m in merges}),
        "bodies_multi_article": len(body_multi),
        "bodies_split": sum(1 for i in body_multi if len(people[i]) > 1),
        "quotes": len(rows),
        "errors": {
            "split": [(" ".join(i).strip(), sorted(people[i])) for i in split],
            "merged": [(" ".join(a).strip(), " ".join(b).strip(), p) for a, b, p in merges],
        },
    }


def _same_first(pred: str, gold: str) -> bool:
    """Not two first names of one surname (the scorer's surname rule takes "Saddam
    Hussein" for "King Hussein": right for the article, not one person for the bank)."""
    p, g = gold_identity(pred), gold_identity(gold)
    if p is None or g is None or not p[0] or not g[0]:
        return True
    initial = min(len(p[0]), len(g[0])) == 1 and p[0][0] == g[0][0]
    return p[0] == g[0] or same_nickname(p[0], g[0]) or initial


def _body_match(pred: str, gold: str) -> bool:
    p = [_fold(w) for w in _WORD.findall(pred)]
    g = [_fold(w) for w in _WORD.findall(gold)]
    p = [w for w in p if w != "the"]
    g = [w for w in g if w != "the"]
    if not p or not g:
        return False
    short, long_ = (p, g) if len(p) <= len(g) else (g, p)
    return long_[: len(short)] == short


def _attributed(
    gold: list[dict[str, Any]],
    records: Sequence[Any],
    occ: dict[tuple[str, int, int], int | None],
) -> list[Attributed]:
    score = load_scorer()
    out = []
    for g, rec in zip(gold, records, strict=True):
        text = score.Text(g["text"])
        golds = score.spans(text, [dict(q) for q in g["quotes"]])
        preds = score.spans(
            text,
            [
                {
                    "text": q.text,
                    "start": q.start,
                    "end": q.end,
                    "speaker": q.speaker.name if q.speaker else None,
                    "type": q.speaker.type if q.speaker else None,
                }
                for q in rec.quotes
            ],
        )
        for gq, pq in score.match(golds, preds):
            name, gname = pq["speaker"], gq.get("speaker")
            if not name or not gname:
                continue
            pid = occ.get((g["_id"], pq["start"], pq["end"]))
            if pid is None:
                continue
            body = pq["type"] not in (None, "person")
            # the gold name's own forms (not its alternatives: a description the
            # article gives is for the article to resolve, not the bank)
            if (score.speaker_ok(name, gname) and _same_first(name, gname)) or (
                body and _body_match(name, gname)
            ):
                out.append(Attributed(gname, g["_id"], pid, body))
    return out


def run_bank_people(
    data_dirs: Sequence[Path] = (),
    *,
    nlp: Language | None = None,
    bank: Path | None = None,
) -> dict[str, Any]:
    """Extract every article of the directories into one bank and score its people."""
    from saidwhen.pipeline import extract_articles
    from saidwhen.store.db import Store

    dirs = list(data_dirs) or [default_data_dir()]
    gold: list[dict[str, Any]] = []
    for d in dirs:
        for g in load_gold(d):
            g["_id"] = f"{d.name}/{g['name']}"
            gold.append(g)
    arts = [
        Article(text=g["text"], date=dt.date.fromisoformat(g["date"]), id=g["_id"]) for g in gold
    ]
    records = list(extract_articles(arts, nlp))
    with tempfile.TemporaryDirectory(prefix="bank-people-") as tmp:
        path = bank or Path(tmp) / "bank.db"
        with Store(path) as store:
            store.add(records)
        conn = sqlite3.connect(path)
        try:
            occ = {
                (ext, s, e): pid
                for ext, s, e, pid in conn.execute(
                    "SELECT a.ext_id, o.start, o.end, o.speaker_id FROM occurrences o"
                    " JOIN articles a ON a.id = o.article_id"
                )
            }
            names = dict(conn.execute("SELECT id, name FROM people"))
        finally:
            conn.close()
    result = score_identities(_attributed(gold, records, occ))
    result["errors"]["split"] = [
        (i, [names.get(p, str(p)) for p in pids]) for i, pids in result["errors"]["split"]
    ]
    result["errors"]["merged"] = [
        (a, b, names.get(p, str(p))) for a, b, p in result["errors"]["merged"]
    ]
    result["articles"] = len(gold)
    result["data"] = ", ".join(d.name for d in dirs)
    return result


def format_scores(result: dict[str, Any], *, errors: bool = False) -> str:
    """The figures, one a line (and the split and merged identities, with ``errors``)."""
    lines = [
        f"{result['data']}: {result['articles']} articles, {result['quotes']} gold quotes"
        f" with the right speaker, {result['identities']} identities",
        f"  kept whole (one bank person)     {result['kept_whole']:.3f}"
        f"  (of {result['multi_article']} in 2+ articles)",
        f"  namesakes kept apart             {result['kept_apart']:.3f}"
        f"  (of {result['namesake_pairs']} pairs)",
        f"  false merges (pairs)             {result['false_merges']}",
        f"  bodies split                     {result['bodies_split']}"
        f"  (of {result['bodies_multi_article']} in 2+ articles)",
    ]
    if errors:
        lines += [f"  split: {i} -> {names}" for i, names in result["errors"]["split"]]
        lines += [f"  merged: {a} + {b} in {p}" for a, b, p in result["errors"]["merged"]]
    return "\n".join(lines)
