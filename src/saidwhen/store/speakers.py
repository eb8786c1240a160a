"""One person across articles: "Teigen", "Ms. Teigen" and "Chrissy Teigen".

A name is split into a first name and a surname (titles and suffixes
dropped; a title may give the gender). People are found by surname, then:

- a full name joins the person with a compatible first name ("Bill" and
  "William", "J." and "John"), or upgrades a surname-only person when no
  other person has that surname;
- a surname alone joins the one person with that surname, or, when several
  share it, the one whose descriptors match ("the senator"); otherwise it
  stays with a surname-only person of its own, never merged blindly.

Bodies, groups and unnamed sources ("Big Machine Records", "the doctors",
"a spokesman for the ambulance service") are entries of their own, kept by
their words (:meth:`PersonRegistry.resolve_speaker` sends each kind its
way).  Where one outlet names a quote's speaker and another only describes
them ("the fisherman"), :meth:`PersonRegistry.same_speaker` finds that the
description fits the named person, so that the quote keeps one speaker.

Example:
    >>> reg = PersonRegistry()
    >>> a = reg.resolve("Chrissy Teigen", descriptors=("model",))
    >>> reg.resolve("Ms. Teigen") is a
    True
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from saidwhen.extract.people.names import same_nickname, unmangle

__all__ = [
    "NameParts",
    "PersonEntry",
    "PersonRegistry",
    "acronym",
    "body_base",
    "canonical_name",
    "description_fits",
    "descriptor_words",
    "looks_like_name",
    "proper_name",
    "split_name",
    "unmangle",
]

_FEMALE_TITLES = {"ms", "mrs", "miss", "madam", "dame", "lady"}
_MALE_TITLES = {"mr", "sir", "lord"}
_TITLES = (
    _FEMALE_TITLES
    | _MALE_TITLES
    | {
        "dr",
        "prof",
        "professor",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "president",
        "vice",
        "pres",
        "gen",
        "general",
        "col",
        "capt",
        "lt",
        "sgt",
        "adm",
        "rev",
        "reverend",
        "judge",
        "justice",
        "mayor",
        "secretary",
        "speaker",
        "chancellor",
        "prime",
        "minister",
        "chairman",
        "chairwoman",
        "sheriff",
        "attorney",
        "the",
        "hon",
        "former",
        "candidate",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
    }
)
# A title before a single given name, which is then no surname ("Queen Rania", "Pope Leo")
_REGNAL = {"king", "queen", "prince", "princess", "pope", "emperor", "empress", "sultan", "emir"}
_TITLES |= _REGNAL | {"sheikh"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"}
_PARTICLES = {
    "de",
    "del",
    "della",
    "da",
    "di",
    "van",
    "von",
    "der",
    "den",
    "la",
    "le",
    "al",
    "bin",
    "st",
}
_STOP = {"the", "a", "an", "of", "for", "and", "in", "on", "at", "to", "from", "who", "former", "s"}
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*", re.U)


@dataclass(frozen=True, slots=True)
class NameParts:
    first: str | None  # lower case, no dot
    surname: str  # lower case
    display: str  # the name without titles, as written
    gender: str | None  # from a title (Ms., Mr.)


def _key(token: str) -> str:
    """A word as names are matched: case and diacritics aside ("François", "Francois")."""
    key = token.casefold().strip(".'’-")
    if key.isascii():
        return key
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def split_name(name: str) -> NameParts | None:
    """First name, surname and gender hint of a person's name; None if it has no name word.

    >>> split_name("Sen. Elizabeth Warren")
    NameParts(first='elizabeth', surname='warren', display='Elizabeth Warren', gender=None)
    """
    tokens = _TOKEN.findall(unmangle(name))
    gender: str | None = None
    if len(tokens) == 1 and _key(tokens[0]) in _SUFFIXES:
        return None
    while len(tokens) > 1 and _key(tokens[-1]) in _SUFFIXES:
        tokens.pop()
    while len(tokens) > 1 and _key(tokens[0]) in _TITLES:  # "Mr. King": King is the name
        if _key(tokens[0]) in _REGNAL and len(tokens) == 2:
            # "King Hussein": a given name, not a surname, so the title stays as its first
            return NameParts(_key(tokens[0]), _key(tokens[1]), " ".join(tokens), gender)
        title = _key(tokens.pop(0))
        if title in _FEMALE_TITLES:
            gender = "female"
        elif title in _MALE_TITLES:
            gender = "male"
    if tokens and _key(tokens[0]) in _TITLES and gender is None:
        return None  # a title alone ("the President"), but "Mr. King" is a name
    tokens = [t for t in tokens if _key(t)]
    if not tokens:
        return None
    # "Beto O'Rourke", "Ludwig van Beethoven": a particle belongs to the surname
    cut = len(tokens) - 1
    while cut > 1 and _key(tokens[cut - 1]) in _PARTICLES:
        cut -= 1
    surname = " ".join(_key(t) for t in tokens[cut:])
    first = _key(tokens[0]) if cut > 0 else None
    return NameParts(first, surname, " ".join(tokens), gender)


@functools.lru_cache(maxsize=65536)
def looks_like_name(name: str) -> bool:
    """Every word capitalised, titles aside: "Ms. Teigen" yes, "the harbor council" no."""
    parts = split_name(name)
    if parts is None:
        return False
    return all(t[:1].isupper() or _key(t) in _PARTICLES for t in parts.display.split())


def descriptor_words(descriptors: Iterable[str]) -> set[str]:
    return {w for d in descriptors for w in (_key(t) for t in _TOKEN.findall(d)) if w not in _STOP}


_DETERMINERS = {"the", "a", "an", "this", "that", "some", "another", "one"}


def description_head(name: str) -> str | None:
    """The noun a description turns on: "the fisherman" -> "fisherman", "a spokesman for
    the ambulance service" -> "spokesman"; None for a name ("Tom Lee")."""
    toks = [_key(t) for t in _TOKEN.findall(name)]
    if not toks or (toks[0] not in _DETERMINERS and looks_like_name(name)):
        return None
    words: list[str] = []
    for t in toks:
        if t in ("for", "of", "at", "from", "with", "who", "in", "on"):
            break
        if t and t not in _DETERMINERS:
            words.append(t)
    return words[-1] if words else None


def description_fits(description: str, entry: PersonEntry) -> bool:
    """Does a description ("the fisherman", "the 42-year-old") fit a named person, by the
    descriptors and aliases the articles gave them?"""
    head = description_head(description)
    if head is None or entry.first is None:
        return False
    known = entry._words() | descriptor_words(a for a in entry.aliases if a[:1].islower())
    return head in known or (head.endswith("s") and head[:-1] in known)


# Last words a body's name goes without in another article ("Big Machine Records",
# "Big Machine"); keys as :func:`_key` gives them.
GENERIC_BODY_WORDS = frozenset(
    "records inc corp co ltd llc plc group media company corporation incorporated".split()
)
_JOINING = {"of", "and", "for", "the", "on", "in", "&"}


def body_base(key: str) -> str | None:
    """A body's key without its generic last words, if two or more words are left:
    "big machine records" -> "big machine"; "volkswagen group" stays itself (one word
    left could be anyone's surname); None for one word."""
    words = key.split()
    if words and words[-1] in _JOINING:
        return None
    while len(words) > 2 and words[-1] in GENERIC_BODY_WORDS:
        words.pop()
    return " ".join(words) if len(words) >= 2 else None


def acronym(name: str) -> str | None:
    """The acronym of a body's long name (three or more capitalised words): "National
    Aeronautics and Space Administration" -> "nasa"; None otherwise."""
    words = [t for t in _TOKEN.findall(name) if _key(t) not in _JOINING]
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(_key(w)[:1] for w in words)


def proper_name(name: str) -> bool:
    """A body's proper name: every word capitalised, joining words and a leading
    determiner aside ("the Harbor Fish Co." yes, "the harbor council" no)."""
    words = [t for t in _TOKEN.findall(name) if _key(t) not in _JOINING | _DETERMINERS]
    return bool(words) and all(w[:1].isupper() for w in words)


def _plain(e: PersonEntry) -> bool:
    # a body, or a surname alone nothing else is known of
    return e.first is None and e.gender is None and not e.descriptors


def _regnal(descriptors: Iterable[str]) -> str | None:
    """The regnal title a descriptor is alone ("king", "the queen"), if any."""
    for d in descriptors:
        words = [_key(t) for t in _TOKEN.findall(d) if _key(t) not in _DETERMINERS]
        if len(words) == 1 and words[0] in _REGNAL:
            return words[0]
    return None


def first_names_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    return same_nickname(a, b)


def _name_rank(form: str, count: int, person: bool) -> tuple[int, int, int]:
    if not person:  # a body's forms differ by case, a generic word or an acronym
        words = sum(1 for w in form.split() if w.casefold() not in ("the", "a", "an"))
        return 0, count, words  # ("Big Machine Records" over "Big Machine")
    parts = split_name(form)
    full = int(parts is not None and parts.first is not None)
    words = len(parts.display.split()) if parts is not None else 0
    return full, count, words


def canonical_name(forms: dict[str, int], person: bool) -> str | None:
    """The name an entry goes by, from every form it was named with and how often.

    A total order, so that the bank's names follow from what was ingested, never
    from the order it came in: for a person a full name first ("Barack Obama"
    over "Obama"), then the most frequent, then the most words; forms that differ
    only by case count as one, written with a lower-case start where one was seen
    ("the president": "The" begins a sentence); then the first in code-point order.

    >>> canonical_name({"Obama": 5, "Barack Obama": 1}, person=True)
    'Barack Obama'
    >>> canonical_name({"The president": 2, "the president": 1}, person=False)
    'the president'
    """
    if not forms:
        return None
    groups: dict[str, list[tuple[str, int]]] = {}
    for form, n in forms.items():
        groups.setdefault(form.casefold(), []).append((form, n))
    best: tuple[tuple[int, int, int], tuple[int, ...], str] | None = None
    for key, group in groups.items():
        # one name written in several cases: a lower-case start (not a sentence's), then
        # the most frequent writing
        rep = max(group, key=lambda fn: (fn[0][:1].islower(), fn[1], _neg(fn[0])))[0]
        cand = (_name_rank(rep, sum(n for _, n in group), person), _neg(key), rep)
        if best is None or cand[:2] > best[:2]:
            best = cand
    assert best is not None
    return best[2]


def _neg(text: str) -> tuple[int, ...]:
    # max() over the rank, then min() over the text: code points negated
    return (*(-ord(c) for c in text), 1)


@dataclass(slots=True, eq=False)
class PersonEntry:
    """One person of the quote bank, as the writer keeps it in memory."""

    id: int
    name: str
    first: str | None
    surname: str
    gender: str | None = None
    descriptors: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    # every name it was resolved under (titles dropped) and how often: the canonical name
    names: dict[str, int] = field(default_factory=dict)
    # a surname-only entry ("Teigen"): the one person it stands for, while there is one
    same_as: int | None = None
    # a full name's gender hints and how often: the gender is the most frequent
    genders: dict[str, int] = field(default_factory=dict)
    _firsts: tuple[tuple[int, str | None], set[str]] | None = field(default=None, repr=False)

    def _words(self) -> set[str]:
        return descriptor_words(self.descriptors)

    def first_names(self) -> set[str]:
        """Every first name it was seen under ("Bill", "William")."""
        # aliases only grow, so their number tells whether the memo is current
        if self._firsts is None or self._firsts[0] != (len(self.aliases), self.first):
            names = {
                p.first
                for a in self.aliases
                if looks_like_name(a) and (p := split_name(a)) and p.first
            }  # "the harbor master" is an alias, but "harbor" no first name
            names |= {self.first} if self.first else set()
            self._firsts = ((len(self.aliases), self.first), names)
        return self._firsts[1]


MAX_ALIASES = 30
MAX_DESCRIPTORS = 30
MAX_NAMES = 100  # forms counted per entry; past it, only those already counted grow


class PersonRegistry:
    """People by surname, and the rules that decide when two names are one person."""

    def __init__(self, entries: Iterable[PersonEntry] = ()) -> None:
        self._by_surname: dict[str, list[PersonEntry]] = defaultdict(list)
        self._next_id = 1
        self._full: dict[str, PersonEntry] = {}  # cache: a full name always resolves alike
        self._dirty: dict[int, PersonEntry] = {}
        self._groups: dict[str, PersonEntry] = {}  # a group's name always resolves alike
        self._by_id: dict[int, PersonEntry] = {}
        self._surnames: set[str] = set()  # where a full-named person came or changed
        self._bodies: dict[str, PersonEntry] = {}  # a body by its name's base (body_base)
        self._acronyms: dict[str, list[PersonEntry]] = {}  # long-named bodies by acronym
        for e in entries:
            self._add(e)
        self._surnames.clear()

    def _body_form(self, name: str, key: str) -> PersonEntry | None:
        """The body a name is another form of: without a generic last word ("Big Machine",
        "Big Machine Records"), or its acronym ("NASA"), where one body alone fits."""
        if not proper_name(name):  # "a spokesman for the company": a description
            return None
        base = body_base(key)
        if base is not None and (found := self._bodies.get(base)) is not None:
            return found
        acr = acronym(name)
        if acr is not None:  # the long form of a short one
            if not self._acronyms.get(acr):
                for e in self._by_surname.get(acr, ()):
                    if _plain(e):
                        self._acronyms[acr] = [e]  # a second long form stays apart
                        return e
        elif len(key) >= 2 and key.isalpha() and name.strip().isupper():
            claim = self._acronyms.get(key, ())
            if len(claim) == 1:  # the short form of one long one
                return claim[0]
        return None

    def _add(self, entry: PersonEntry) -> None:
        if _plain(entry) and proper_name(entry.name):
            base = body_base(entry.surname)
            if base is not None:
                self._bodies.setdefault(base, entry)
            acr = acronym(entry.name)
            if acr is not None and entry not in self._acronyms.get(acr, []):
                self._acronyms.setdefault(acr, []).append(entry)
        self._surnames.add(entry.surname)
        self._by_surname[entry.surname].append(entry)
        self._by_id[entry.id] = entry
        self._next_id = max(self._next_id, entry.id + 1)

    def __iter__(self) -> Iterator[PersonEntry]:
        return (e for group in self._by_surname.values() for e in group)

    def take_changed(self) -> tuple[list[PersonEntry], list[PersonEntry]]:
        """The people created or changed since the last call (to be saved), and those of
        them whose canonical name changed, which is settled here: once per batch."""
        out = list(self._dirty.values())
        self._dirty.clear()
        renamed = []
        for e in out:
            name = canonical_name(e.names, e.first is not None)
            if name is None or name == e.name:
                continue
            e.name = name
            if e.first is not None and (p := split_name(name)) and p.first:
                e.first = p.first
            renamed.append(e)
        return out, renamed

    def target(self, entry: PersonEntry) -> PersonEntry:
        """The person an entry's mentions go to: a surname-only entry ("Teigen", "Ms.
        Teigen") stands for the one full-named person of that surname (and a compatible
        gender) while there is exactly one, whenever either came; otherwise for itself."""
        if entry.first is not None:
            return entry
        words = entry._words()
        full = [
            c
            for c in self._by_surname.get(entry.surname, ())
            if c.first and (entry.gender is None or c.gender in (None, entry.gender))
        ]
        if len(full) == 1 and (full[0].first not in _REGNAL or full[0].first in words):
            return full[0]  # but "George" alone is no King George: a given name, not his alone
        if len(full) > 1 and words:  # namesakes: the one the descriptions fit best
            scored = sorted(((len(words & c._words()), c.id, c) for c in full), key=lambda t: -t[0])
            if scored[0][0] > 0 and scored[1][0] < scored[0][0]:
                return scored[0][2]
        return entry

    def take_retargeted(self) -> list[tuple[PersonEntry, int, int]]:
        """Surname-only entries whose person changed since the last call (a second
        namesake came, or the first): ``(entry, old person id, new person id)``."""
        out = []
        for surname in self._surnames:
            for e in self._by_surname.get(surname, ()):
                if e.first is not None:
                    continue
                old, new = e.same_as or e.id, self.target(e).id
                if old != new:
                    e.same_as = None if new == e.id else new
                    self._dirty[e.id] = e
                    self._to_target(e)
                    out.append((e, old, new))
        self._surnames.clear()
        return out

    def _count(self, e: PersonEntry, form: str) -> None:
        if form in e.names or len(e.names) < MAX_NAMES:
            e.names[form] = e.names.get(form, 0) + 1
            self._dirty[e.id] = e

    def resolve(
        self,
        name: str,
        gender: str | None = None,
        descriptors: Iterable[str] = (),
        aliases: Iterable[str] = (),
    ) -> PersonEntry | None:
        """The person called ``name`` (created if new); None for a name without a name word."""
        named = self.resolve_named(name, gender, descriptors, aliases)
        return None if named is None else self.target(named)

    def _to_target(self, named: PersonEntry) -> None:
        # what a surname alone was called, its person was too (not its descriptions: they
        # choose among namesakes, and must not vote for the one they went to first)
        t = self.target(named)
        if t is not named:
            self._enrich(t, t.name, None, (), named.aliases)

    def resolve_named(
        self,
        name: str,
        gender: str | None = None,
        descriptors: Iterable[str] = (),
        aliases: Iterable[str] = (),
    ) -> PersonEntry | None:
        """The entry ``name`` itself resolves to: for a surname alone, the surname-only
        entry, whose person :meth:`target` gives (the bank keeps both, so that a
        namesake coming later can take the mentions back to the surname)."""
        parts = split_name(name)
        if parts is None:
            return None
        descriptors = tuple(descriptors)
        if parts.first is None and descriptors and (reign := _regnal(descriptors)) is not None:
            # "Hussein", "the king": King Hussein, never the surname of a Saddam Hussein
            name = f"{reign.capitalize()} {parts.display}"
            parts = split_name(name)
            assert parts is not None
        cached = self._full.get(name)
        if cached is not None:
            entry = cached
        else:
            gender = gender or parts.gender
            found = self._find(parts, gender, descriptor_words(descriptors))
            if found is not None:
                entry = found
            else:
                entry = PersonEntry(
                    self._next_id, parts.display, parts.first, parts.surname, gender
                )
                entry.aliases.add(name)
                self._dirty[entry.id] = entry
                self._add(entry)
            if parts.first and entry.first == parts.first:
                self._full[name] = entry
        self._count(entry, parts.display)
        self._enrich(entry, name, gender, descriptors, aliases)
        if entry.first is None:
            self._to_target(entry)
        return entry

    def resolve_speaker(
        self,
        name: str,
        kind: str | None = None,
        gender: str | None = None,
        descriptors: Iterable[str] = (),
        aliases: Iterable[str] = (),
    ) -> PersonEntry | None:
        """The entry of a speaker of this kind (a record's ``Person.type`` or
        ``Speaker.type``): a person by the naming rules, anything else by its words.
        Without a kind, a name that looks like a person's is taken for one."""
        named = self.resolve_speaker_named(name, kind, gender, descriptors, aliases)
        return None if named is None else self.target(named)

    def resolve_speaker_named(
        self,
        name: str,
        kind: str | None = None,
        gender: str | None = None,
        descriptors: Iterable[str] = (),
        aliases: Iterable[str] = (),
    ) -> PersonEntry | None:
        """:meth:`resolve_speaker`, before a surname-only entry goes to its person."""
        if kind == "person" or (kind is None and looks_like_name(name)):
            return self.resolve_named(name, gender, descriptors, aliases)
        return self.resolve_group(name)

    def by_id(self, pid: int) -> PersonEntry | None:
        """The entry with this id, if the registry holds it."""
        return self._by_id.get(pid)

    def same_speaker(
        self, new: PersonEntry, others: Iterable[PersonEntry]
    ) -> tuple[PersonEntry, PersonEntry] | None:
        """Two speakers of one quote that are one person: a description and the named
        person it fits ("the fisherman" and "Tom Lee", a fisherman).

        Returns ``(kept, dropped)``: the named person and the description, whose
        words become an alias of the person; None when they stay apart.
        """
        for other in others:
            if other.id == new.id:
                continue
            for named, desc in ((other, new), (new, other)):
                if desc.first is None and description_fits(desc.name, named):
                    self._enrich(named, named.name, None, (), (desc.name,))
                    return named, desc
        return None

    def resolve_group(self, name: str) -> PersonEntry | None:
        """A speaker that is not a person's name ("the harbor council"): same words, same entry."""
        found = self._groups.get(name)
        if found is None:
            found = self._group(name)
            if found is None:
                return None
            self._groups[name] = found
        self._count(found, name.strip())
        return found

    def _group(self, name: str) -> PersonEntry | None:
        name = unmangle(name)
        key = " ".join(_key(t) for t in _TOKEN.findall(name) if _key(t) not in ("the", "a", "an"))
        if not key:
            return None
        for e in self._by_surname.get(key, ()):
            if _plain(e):
                return e
        found = self._body_form(name, key)
        if found is not None:
            return found
        entry = PersonEntry(self._next_id, name.strip(), None, key)
        entry.aliases.add(name)
        self._dirty[entry.id] = entry
        self._add(entry)
        return entry

    def _enrich(
        self,
        e: PersonEntry,
        name: str,
        gender: str | None,
        descs: Iterable[str],
        aliases: Iterable[str],
    ) -> None:
        if gender and e.first is not None:  # a surname alone is kept by its gender hint
            e.genders[gender] = e.genders.get(gender, 0) + 1
            self._dirty[e.id] = e
            voted = max(e.genders.items(), key=lambda kv: (kv[1], kv[0]))[0]
            if voted != e.gender:  # whichever hint came first, a slip of one article
                e.gender = voted  # does not outvote the rest
                self._surnames.add(e.surname)
        for alias in (name, *aliases):
            if alias not in e.aliases and len(e.aliases) < MAX_ALIASES:
                e.aliases.add(alias)
                self._dirty[e.id] = e
        for d in descs:
            if d not in e.descriptors and len(e.descriptors) < MAX_DESCRIPTORS:
                e.descriptors.add(d)
                self._dirty[e.id] = e
                if e.first is not None:  # may now fit a surname's description
                    self._surnames.add(e.surname)

    def _find(self, p: NameParts, gender: str | None, desc: set[str]) -> PersonEntry | None:
        cands = [
            c
            for c in self._by_surname.get(p.surname, ())
            if gender in (None, c.gender) or c.gender is None
        ]
        full = [c for c in cands if c.first]
        if p.first:
            # a full name is one person whatever gender an article's pronouns gave them
            full = [c for c in self._by_surname.get(p.surname, ()) if c.first]
            same = [c for c in full if any(first_names_match(f, p.first) for f in c.first_names())]
            if same:
                return max(same, key=lambda c: (c.first == p.first, len(desc & c._words())))
            return None
        # the surname alone: its own entry, one per gender hint and description ("Smith,
        # the senator"), whose person :meth:`target` finds among every full name of the
        # surname, whatever their order
        for c in self._by_surname.get(p.surname, ()):
            if c.first is None and c.gender == gender and c._words() == desc:
                return c
        return None
