"""How saidwhen names and types the people of an article, measured on GUM's entities.

``../shared/data/gum-coref`` links every mention of every person,
organisation and place of 63 documents into entities (see
:mod:`saidwhen.eval.gum`).  Nobody tuned names on it, so it checks the name
rules of :mod:`saidwhen.extract.people` independently of the real-news sets.

A GUM mention is a whole noun phrase ("the prominent critic Eduard
Hanslick", "Joshua Abraham Norton ( c. 1818 - ... )").  Its **name form**
is what is left after cutting it at the first comma, bracket, dash, colon or
semicolon, a final possessive (" 's", " '"), a leading determiner or
possessive pronoun, leading lower-case words ("prominent critic"), a
sentence-opening common word (one the document also writes in lower case:
"Mathematician Hermann Weyl") and, for people, leading titles ("Dr.",
"Major - General"; a regnal title stays before a single name: "Emperor
Norton") and post-nominal letters ("FRS").  What is left must be name words
only: capitalised words, initials, name particles (de, van, d'...),
generational suffixes, and for bodies the joining words "of", "for", "and",
"the", "&" inside the name.  A mention that leaves anything else (a quotation
mark, a possessive inside, "in", "who") has no name form.

An entity's **fullest name** is its name form with the most words (hyphens
aside), the first one on a tie: "the fullest name the article gives,
without titles", the real-news annotation rule.  Names are compared word by
word, in lower case, without punctuation or a possessive.

Figures (higher is better):

- ``name_accuracy``: of GUM persons with a name form, the share whose
  fullest name form our index resolves to a person whose canonical name is
  that fullest name.
- ``persons_typed_person``: of the same persons, the share resolved to a
  person at all (not an organisation, a place, or nothing).
- ``orgs_not_people`` / ``places_not_people``: of GUM organisations / places
  with a name form, the share none of whose name forms is a mention or the
  name of one of our persons.
- ``kept_whole``: of GUM persons with two or more name forms resolved to our
  persons, the share resolved to one person only (not split).
- ``kept_apart``: of GUM persons resolved to our persons, the share whose
  person holds no other GUM person (not merged).

    python -m saidwhen.eval.gum_names [--limit N] [--errors] [--write-floors FILE]
"""

from __future__ import annotations

import argparse
import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from saidwhen.errors import SaidwhenError
from saidwhen.eval.gum import GumDoc, default_data_dir, read_conll
from saidwhen.extract.people.names import _lower_case_words

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "FLOOR_COMMENT",
    "FLOOR_KEYS",
    "NameForm",
    "entity_names",
    "name_form",
    "name_key",
    "name_scores",
    "score_names",
]

# Titles cut from the front of a person's name (lower case, without a final dot).
_TITLES = frozenset(
    """
    mr mrs ms miss mlle mme mademoiselle madame mister dr doctor prof professor
    president premier chancellor minister secretary senator sen rep representative
    congressman congresswoman gov governor mayor judge justice sir dame lord lady rev
    reverend father sister saint st inspector general gen major maj colonel col
    lieutenant lt captain capt sergeant sgt admiral adm commander coach chief
    ambassador detective agent prime vice king queen prince princess emperor empress
    pope duke duchess count countess marquis baron baroness earl sheikh tsar czar attorney
    """.split()
)
_REGNAL = frozenset("king queen prince princess emperor empress pope duke duchess".split())
_POST_NOMINALS = frozenset(
    "frs frse mp mep msp obe cbe mbe kbe gbe dbe ra phd md qc kc esq".split()
)
_PARTICLES = frozenset(
    "de du des le la van von der den da di dos del della bin ibn al el y ter ten zu".split()
)
_SUFFIX = re.compile(r"(?:jr|sr|[ivx]+)\.?", re.IGNORECASE)
_INITIAL = re.compile(r"[A-Z]\.(?:[A-Z]\.)*")
_BODY_JOINS = frozenset("of for and the &".split())
_LEADING = frozenset(
    "the a an this that these those his her their its my our your whose both".split()
)
_CUT = frozenset(", ( [ — – ; : ) ]".split())
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_PREPOSITIONS = frozenset(
    "of in at for from over with by to on about among between into like as than under".split()
)
_NOT_NAMES = frozenset(
    """
    he she it they we i you his her their its our my your him them us me both all one who
    whom anyone someone somebody everyone everybody nobody some many none each
    """.split()
)


@dataclass(frozen=True, slots=True)
class NameForm:
    """The name part of one GUM mention: its text and character span."""

    text: str
    start: int
    end: int

    @property
    def size(self) -> int:
        return len([w for w in self.text.split() if w != "-"])


def name_key(name: str) -> tuple[str, ...]:
    """A name's words in lower case, without punctuation or a possessive, for comparing.

    >>> name_key("Pierre - Simon Laplace's")
    ('pierre', 'simon', 'laplace')
    """
    name = re.sub(r"['’]s\b", "", name.lower())
    return tuple(re.findall(r"[^\W_]+(?:['’][^\W_]+)*", name))


def _described(word: str, lower_words: set[str]) -> bool:
    """A capitalised word before a name that the document also writes in lower case
    and that reads as a role or a description ("Biologist", "Nonpartisan")."""
    low = word.lower()
    return low.endswith("ist") or (
        low in lower_words and low.endswith(("er", "an", "or", "ent", "ant"))
    )


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and any(c.isalpha() for c in word)


def _name_word(word: str, body: bool, inside: bool) -> bool:
    low = word.lower()
    if low in _NOT_NAMES:
        return False
    if _capitalised(word) and (word.replace("'", "").replace("’", "").replace(".", "").isalpha()):
        return True
    if _INITIAL.fullmatch(word) or _SUFFIX.fullmatch(word):
        return True
    if inside and (low in _PARTICLES or word == "-" or low.startswith(("d'", "d’", "l'", "l’"))):
        return True
    return body and inside and low in _BODY_JOINS


def name_form(text: str, start: int, end: int, kind: str, lower_words: set[str]) -> NameForm | None:
    """The name part of the mention ``text[start:end]`` of a GUM entity of type ``kind``
    (person, organization, place), else None (see the module docstring).

    ``lower_words`` are the words the document writes in lower case.
    """
    body = kind != "person"
    # (word, start) of each token; GUM's rebuilt text has one space between tokens
    toks: list[tuple[str, int]] = []
    pos = start
    for w in text[start:end].split(" "):
        if w:
            toks.append((w, pos))
        pos += len(w) + 1
    for k, (w, _) in enumerate(toks):
        if w in _CUT or w == "\n":
            toks = toks[:k]
            break
    if toks and toks[-1][0] in _POSSESSIVE:
        toks = toks[:-1]
    if any(w in _POSSESSIVE for w, _ in toks):
        return None  # "Galois ' cousin": not a name
    while toks and toks[0][0].lower() in _LEADING:
        toks = toks[1:]
    while toks and toks[0][0][:1].islower():
        if toks[0][0] in _PREPOSITIONS:
            return None  # "citizens of San Francisco": a name inside, not the mention's
        toks = toks[1:]
    line_start = bool(toks) and (toks[0][1] == 0 or text[toks[0][1] - 1] == "\n")
    if line_start and toks[0][0].lower() in lower_words:
        if len(toks) == 1:
            return None  # "People", "Mother" opening a sentence: a common word
        toks = toks[1:]  # "Mathematician Hermann Weyl" opening a sentence
    if not body:
        cut = 0
        while cut < len(toks) - 1 and (
            toks[cut][0].lower().rstrip(".") in _TITLES or toks[cut][0] == "-"
        ):
            cut += 1
        for k in range(cut, len(toks) - 2):
            if toks[k][0].lower().rstrip(".") in _TITLES:
                cut = k + 1  # "Home Secretary Suella Braverman": all up to the title
        if len(toks) - cut >= 3 and _described(toks[cut][0], lower_words):
            cut += 1  # "Biologist Nick Bos", "Nonpartisan Paul Tse"
        rest = [w for w, _ in toks[cut:] if not _SUFFIX.fullmatch(w)]
        if cut and len(rest) == 1 and toks[cut - 1][0].lower() in _REGNAL:
            cut -= 1  # "Emperor Norton", "Prince Andrew": the title names him
        toks = toks[cut:]
        while len(toks) > 1 and toks[-1][0].lower().rstrip(".") in _POST_NOMINALS:
            toks = toks[:-1]
    if not toks:
        return None
    last = len(toks) - 1
    for k, (w, _) in enumerate(toks):
        if not _name_word(w, body, 0 < k < last):
            return None
    if not body and toks[0][0].lower().rstrip(".") in _TITLES and len(toks) == 1:
        return None  # a title alone
    lo, hi = toks[0][1], toks[-1][1] + len(toks[-1][0])
    return NameForm(text[lo:hi], lo, hi)


@dataclass(slots=True)
class GoldEntity:
    """A GUM entity with its name forms (in text order)."""

    key: str
    kind: str  # person, organization, place
    forms: list[NameForm] = field(default_factory=list)

    @property
    def fullest(self) -> NameForm:
        return max(self.forms, key=lambda f: (f.size, -f.start))


def entity_names(gdoc: GumDoc, doc: Doc | None = None) -> list[GoldEntity]:
    """The person, organisation and place entities of a GUM document that have a name form.

    With the document's parse, a "person" named by a plural ("the Huguenots", "Film
    Critics") that no he or she takes up is a group, and left out.
    """
    text = gdoc.text
    lower_words = _lower_case_words(text)
    out = []
    for key, spans in gdoc.mentions.items():
        kind = key.split("-", 1)[0]
        if kind not in ("person", "organization", "place"):
            continue
        ent = GoldEntity(key, kind)
        for s, e in sorted(spans):
            form = name_form(text, s, e, kind, lower_words)
            if form is not None:
                ent.forms.append(form)
        if ent.forms and not (kind == "person" and doc is not None and _group(ent, spans, doc)):
            out.append(ent)
    # a person named only inside a body's or a place's name ("the Croucher Foundation",
    # "Ross Sea") is not named as a person
    bodies = [(f.start, f.end) for g in out if g.kind != "person" for f in g.forms]
    for g in out:
        if g.kind == "person":
            g.forms = [f for f in g.forms if not _inside(f, bodies)]
    return [g for g in out if g.forms]


def _inside(form: NameForm, spans: list[tuple[int, int]]) -> bool:
    return any(
        s <= form.start and form.end <= e and e - s > form.end - form.start for s, e in spans
    )


_SINGULAR = frozenset("he she him her his himself herself".split())


def _group(ent: GoldEntity, spans: list[tuple[int, int]], doc: Doc) -> bool:
    text = doc.text
    if any(text[s:e].lower() in _SINGULAR for s, e in spans):
        return False
    full = ent.fullest
    last = doc.char_span(full.start, full.end, alignment_mode="expand")
    return last is not None and len(last) > 0 and last[-1].tag_ in ("NNS", "NNPS")


@dataclass(slots=True)
class NameCounts:
    """The counts behind :func:`name_scores`, and what went wrong where (``errors``)."""

    persons: int = 0
    named_right: int = 0
    typed_person: int = 0
    orgs: int = 0
    orgs_as_people: int = 0
    places: int = 0
    places_as_people: int = 0
    multi: int = 0  # persons with two or more forms resolved to our persons
    split: int = 0
    resolved: int = 0  # persons with a form resolved to one of our persons
    merged: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: NameCounts) -> None:
        for f in fields(self):
            if f.name == "errors":
                self.errors.extend(other.errors)
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def score_names(gdoc: GumDoc, doc: Doc) -> NameCounts:
    """The name and typing counts of one GUM document."""
    from saidwhen.extract.people import find_people

    index = find_people(doc)
    counts = NameCounts()
    gold = entity_names(gdoc, doc)
    # a span that is a name form of two GUM entities says nothing of merging
    owners: dict[tuple[int, int], set[str]] = {}
    for g in gold:
        for f in g.forms:
            owners.setdefault((f.start, f.end), set()).add(g.key)
    holds: dict[int, set[str]] = {}  # our person (id) -> the GUM persons it holds
    names: dict[int, str] = {}

    def note(what: str, g: GoldEntity, detail: str) -> None:
        counts.errors.append(f"[{gdoc.name}] {what} {g.key}: {detail}")

    for g in gold:
        found = [(f, index.entity_at(f.start, f.end)) for f in g.forms]
        people = {id(e): e for _, e in found if e is not None and e.type == "person"}
        if g.kind == "organization" or g.kind == "place":
            # listed as a person: one of our persons has the name form as a mention of its
            # own or as its name (not a person whose description holds it: "Tunisia's coach")
            as_person = [
                f.text
                for f, e in found
                if e is not None
                and e.type == "person"
                and ((f.start, f.end) in e.mentions or name_key(e.name) == name_key(f.text))
            ]
            if g.kind == "organization":
                counts.orgs += 1
                counts.orgs_as_people += bool(as_person)
            else:
                counts.places += 1
                counts.places_as_people += bool(as_person)
            if as_person:
                note(f"{g.kind.upper()} AS PERSON", g, " | ".join(dict.fromkeys(as_person)))
            continue
        counts.persons += 1
        full = g.fullest
        ent = index.entity_at(full.start, full.end)
        if ent is not None and ent.type == "person":
            counts.typed_person += 1
            if name_key(ent.name) == name_key(full.text):
                counts.named_right += 1
            else:
                note("NAME", g, f"{ent.name!r} for {full.text!r}")
        elif ent is not None:
            note("PERSON TYPED", g, f"{ent.type} {ent.name!r} for {full.text!r}")
        else:
            note("PERSON MISSED", g, f"{full.text!r}")
        resolved = [f for f, e in found if e is not None and e.type == "person"]
        if people:
            counts.resolved += 1
        if len(resolved) >= 2:
            counts.multi += 1
            if len(people) > 1:
                counts.split += 1
                note("SPLIT", g, " | ".join(sorted({e.name for e in people.values()})))
        for f, e in found:
            if e is not None and e.type == "person" and len(owners[(f.start, f.end)]) == 1:
                holds.setdefault(id(e), set()).add(g.key)
                names[id(e)] = e.name
    for k, keys in holds.items():
        if len(keys) > 1:
            counts.merged += len(keys)
            counts.errors.append(f"[{gdoc.name}] MERGED {names[k]!r}: {', '.join(sorted(keys))}")
    return counts


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


FLOOR_KEYS = (
    "name_accuracy",
    "persons_typed_person",
    "orgs_not_people",
    "places_not_people",
    "kept_whole",
    "kept_apart",
)


def _gum_docs(data_dir: Path | None, limit: int | None) -> list[GumDoc]:
    data_dir = data_dir or default_data_dir()
    paths = sorted(data_dir.glob("*.conll"))
    if not paths:
        raise SaidwhenError(f"GUM coreference data not found in {data_dir}")
    return [d for p in paths for d in read_conll(p)][:limit]


def joined_hyphens(gdoc: GumDoc) -> GumDoc:
    """The document with GUM's tokenised hyphens joined again ("Pierre - Simon" ->
    "Pierre-Simon"), as news text writes them; mention spans moved to match."""
    text = gdoc.text
    cuts = [k for m in re.finditer(r"(?<=\w) - (?=\w)", text) for k in (m.start(), m.start() + 2)]
    if not cuts:
        return gdoc

    def moved(pos: int) -> int:
        return pos - bisect.bisect_left(cuts, pos)

    gone = set(cuts)
    out = GumDoc(gdoc.name, "".join(c for k, c in enumerate(text) if k not in gone))
    out.mentions = {k: [(moved(s), moved(e)) for s, e in v] for k, v in gdoc.mentions.items()}
    out.proper = {(moved(s), moved(e)) for s, e in gdoc.proper}
    return out


def name_scores(
    data_dir: Path | None = None,
    *,
    nlp: Language | None = None,
    limit: int | None = None,
    docs: Iterable[tuple[GumDoc, Doc]] | None = None,
    errors: list[str] | None = None,
) -> dict[str, Any]:
    """The figures of the module docstring over GUM's documents (``errors``, when given,
    collects one line per miss)."""
    if docs is None:
        from saidwhen.nlp import load_nlp

        gdocs = [joined_hyphens(g) for g in _gum_docs(data_dir, limit)]
        nlp = nlp or load_nlp()
        docs = list(zip(gdocs, nlp.pipe(g.text for g in gdocs), strict=True))
    pairs = docs
    total = NameCounts()
    for gdoc, doc in pairs:
        total.add(score_names(gdoc, doc))
    if errors is not None:
        errors.extend(total.errors)
    return {
        "persons": total.persons,
        "organisations": total.orgs,
        "places": total.places,
        "name_accuracy": _share(total.named_right, total.persons),
        "persons_typed_person": _share(total.typed_person, total.persons),
        "orgs_not_people": _share(total.orgs - total.orgs_as_people, total.orgs),
        "places_not_people": _share(total.places - total.places_as_people, total.places),
        "kept_whole": _share(total.multi - total.split, total.multi),
        "kept_apart": _share(total.resolved - total.merged, total.resolved),
    }


FLOOR_COMMENT = (
    "Quality-gate floors for naming and typing GUM's people, checked by "
    "tests/test_quality_gate_gum_names.py. Raising them is part of the change that improves "
    "a figure: run `python -m saidwhen.eval.gum_names --write-floors "
    "tests/floors/gum_names.json` (it only ever moves floors up) and commit the file with the "
    "change.  Lowering one is a decision, made by hand in a commit that says why."
)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--errors", action="store_true", help="list every miss")
    ap.add_argument("--write-floors", type=Path, metavar="FILE", help="raise the gate's floors")
    args = ap.parse_args(argv)
    from saidwhen.eval.floors import write_floors

    errors: list[str] | None = [] if args.errors else None
    result = name_scores(limit=args.limit, errors=errors)
    for line in errors or []:
        print(line)
    print(result)
    if args.write_floors:
        update = write_floors(args.write_floors, result, FLOOR_KEYS, comment=FLOOR_COMMENT)
        print(f"{update.path}: {update.before} -> {update.after}")


if __name__ == "__main__":
    main()
