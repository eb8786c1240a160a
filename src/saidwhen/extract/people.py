"""People named in an article, and which mentions refer to whom.

Entity taggers miss or mislabel many names ("Teigen" as ORG), so a name is
any run of proper nouns that shares a word with a PERSON entity found
anywhere in the article (entities from saidwhen.extract.names, or spaCy's
own NER when a pipeline has it).  Mentions are grouped by
surname and first name; pronouns and definite role nouns ("the model") go to
the most recent compatible person.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from saidwhen.extract.lexicon import (
    CHANNEL_WORDS,
    FEMALE_NAMES,
    FEMALE_WORDS,
    MALE_NAMES,
    MALE_WORDS,
    ROLE_NOUNS,
    TITLES,
)
from saidwhen.extract.quotes import find_quote_regions
from saidwhen.model import Person, Span
from saidwhen.nlp import doc_text

__all__ = ["PRONOUNS", "PeopleIndex", "find_people"]

Gender = Literal["female", "male"]
PRONOUNS: dict[str, Gender | None] = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
_ORG_WORDS = frozenset(
    """
    inc corp co llc ltd party campaign committee house senate news post times
    journal university college association foundation institute council department
    agency
    """.split()
)
_GIVEN_NAMES = FEMALE_NAMES | MALE_NAMES
# spaCy's labels and the folded ones of saidwhen.extract.names (PLACE)
_NON_NAME_LABELS = {
    "GPE", "NORP", "LOC", "FAC", "PLACE", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"
}  # fmt: skip


@dataclass(slots=True)
class _Entity:
    tokens: list[str]  # fullest name form, without titles
    mentions: list[tuple[int, int]] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    female: float = 0.0
    male: float = 0.0

    @property
    def name(self) -> str:
        return " ".join(self.tokens)

    @property
    def gender(self) -> Gender | None:
        if self.female > self.male:
            return "female"
        if self.male > self.female:
            return "male"
        return None


class PeopleIndex:
    """The people of one article; ``resolve`` maps a mention span to a canonical name."""

    def __init__(self, doc: Any, quoted: list[tuple[int, int]] | None = None) -> None:
        self._doc = doc
        self._quoted = sorted(quoted or [])  # quoted regions: their "he" lives in another frame
        self._quote_starts = [q[0] for q in self._quoted]
        self._flags: dict[int, tuple[bool, bool]] = {}  # mention start -> (in quote, subject)
        self._entities: list[_Entity] = []
        self._by_span: dict[tuple[int, int], _Entity] = {}
        self._mention_starts: list[tuple[int, int, _Entity]] = []  # (start, end, entity)

    # -- building ----------------------------------------------------------
    def _add_mention(self, ent: _Entity, start: int, end: int) -> None:
        if (start, end) not in self._by_span:
            ent.mentions.append((start, end))
            self._by_span[(start, end)] = ent
            self._mention_starts.append((start, end, ent))
            self._flags[start] = (self._in_quote(start), self._is_subject_at(start))

    def _entity_for(self, words: list[str], at: int) -> _Entity:
        """The person these name words refer to, or a new one."""
        low = [w.lower() for w in words]
        best: _Entity | None = None
        best_last = -1
        for ent in self._entities:
            ent_low = [w.lower() for w in ent.tokens]
            if len(low) >= 2 and len(ent_low) >= 2:
                ok = low[-1] == ent_low[-1] and (
                    low[0] == ent_low[0] or _initial(low[0], ent_low[0])
                )
            elif len(low) >= 2:
                ok = ent_low[0] in (low[-1], low[0])
            else:
                ok = low[0] in ent_low
            if ok:
                last = max((s for s, _ in ent.mentions if s < at), default=-1)
                if best is None or last > best_last:
                    best, best_last = ent, last
        if best is None:
            best = _Entity(tokens=list(words))
            self._entities.append(best)
        elif len(words) > len(best.tokens):
            best.tokens = list(words)
        return best

    # -- queries -------------------------------------------------------------
    def persons(self) -> list[Person]:
        doc = self._doc
        out = []
        for ent in sorted(self._entities, key=lambda e: min(s for s, _ in e.mentions)):
            spans = tuple(Span(doc_text(doc)[s:e], s, e) for s, e in sorted(ent.mentions))
            out.append(Person(ent.name, spans, tuple(dict.fromkeys(ent.descriptors)), ent.gender))
        return out

    def resolve(self, start: int, end: int) -> str | None:
        """The canonical name of the person a mention span refers to, else None.

        In a longer span ("Her partner, ecologist Priya Raman") a name wins over
        a pronoun inside it.
        """
        ent = self._by_span.get((start, end))
        if ent is not None:
            return ent.name
        text = doc_text(self._doc)
        inside = [(s, e, x) for s, e, x in self._mention_starts if start <= s and e <= end]
        names = [m for m in inside if text[m[0] : m[1]].lower() not in PRONOUNS]
        if names:
            return max(names, key=lambda m: m[1] - m[0])[2].name
        for s, e, x in self._mention_starts:
            if s <= start and end <= e:
                return x.name
        return None

    def pronoun_target(self, token: Any) -> _Entity | None:
        """The person a he/she pronoun most likely refers to."""
        gender = PRONOUNS.get(token.lower_)
        if gender is None:
            return None
        return self._recent(token.idx, gender)

    def _recent(self, at: int, gender: Gender | None, window: int = 8000) -> _Entity | None:
        best: tuple[float, _Entity] | None = None
        in_quote = self._in_quote(at)
        for s, _, ent in self._mention_starts:
            if s >= at or at - s > window:
                continue
            quoted, subject = self._flags[s]
            if quoted != in_quote:
                continue
            if in_quote and at - s > 600:
                continue
            g = ent.gender
            if gender and g and g != gender:
                continue
            score = s - (300 if gender and g is None else 0)
            if subject:
                score += 150
            if best is None or score > best[0]:
                best = (score, ent)
        return best[1] if best else None

    def _in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quote_starts, pos) - 1
        return k >= 0 and pos < self._quoted[k][1]

    def _is_subject_at(self, start: int) -> bool:
        span = self._doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            return False
        tok = span[0]
        while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ in ("nsubj", "nsubjpass")


def _initial(a: str, b: str) -> bool:
    return (len(a) <= 2 and a.rstrip(".") == b[:1]) or (len(b) <= 2 and b.rstrip(".") == a[:1])


def _is_name_token(tok: Any) -> bool:
    return bool(
        (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.text.isalpha())
        or (
            tok.text[:1].isupper()
            and tok.text.rstrip(".").isalpha()
            and len(tok.text) <= 3
            and tok.text.endswith(".")
            and tok.pos_ == "PROPN"
        )
    )


def _name_runs(doc: Any) -> list[tuple[int, int]]:
    """Token ranges of maximal proper-noun runs (candidate names)."""
    runs = []
    i = 0
    n = len(doc)
    while i < n:
        if _is_name_token(doc[i]):
            j = i
            while j + 1 < n and _is_name_token(doc[j + 1]) and doc[j].whitespace_:
                j += 1
            runs.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return runs


def _strip_run(doc: Any, i: int, j: int) -> tuple[int, int, list[str], list[str]]:
    """Drop titles and role nouns at the front (kept as descriptors) and a possessive."""
    descriptors: list[str] = []
    titles: list[str] = []
    while i < j - 1:
        low = doc[i].lower_
        if low in TITLES:
            titles.append(low)
            i += 1
        elif low in ROLE_NOUNS:
            descriptors.append(low)
            i += 1
        else:
            break
    return i, j, descriptors, titles


_ROLE_SUFFIXES = ("ist", "ian", "er", "or", "ant", "ent", "man", "woman", "person")


def _role_like(tok: Any) -> bool:
    """A word that names what someone is; the small model often tags "ecologist" a verb."""
    low = tok.lower_
    if not tok.is_alpha or tok.tag_ in ("VBD", "VBZ", "VBG", "MD") or tok.pos_ == "ADJ":
        return False
    return low in ROLE_NOUNS or tok.pos_ == "NOUN" or low.endswith(_ROLE_SUFFIXES)


def _left_descriptors(doc: Any, i: int) -> list[str]:
    """The words right before a name that say who they are ("marine biologist Dana Okafor")."""
    if i == 0 or not _role_like(doc[i - 1]) or not doc[i - 1].text.islower():
        return []
    words = [doc[i - 1].lower_]
    k = i - 2
    while k >= 0 and len(words) < 3 and doc[k].is_alpha and doc[k].pos_ in ("NOUN", "ADJ", "PROPN"):
        starts = k == 0 or doc[k - 1].is_space or doc[k].is_sent_start
        if doc[k].text[:1].isupper() and not starts:
            break  # a capitalised word inside a sentence is a name, not a role
        words.insert(0, doc[k].lower_)
        k -= 1
    return [" ".join(words)]


def _appositive_descriptors(doc: Any, i: int, j: int) -> list[str]:
    """ "her husband, singer John Legend" and "John Legend, a singer,"."""
    head = doc[j - 1]
    out = []
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        out.append(head.head.lower_)
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= j:
            mods = [t.lower_ for t in child.lefts if t.pos_ in ("NOUN", "ADJ")]
            out.append(" ".join([*mods, child.lower_]))
    return out


def find_people(doc: Any) -> PeopleIndex:
    """Every person of the article with their mentions and descriptors."""
    quoted = [(r.start, r.end) for r in find_quote_regions(doc_text(doc))]
    index = PeopleIndex(doc, quoted)
    name_words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            name_words.update(
                t.lower_ for t in ent if t.text[:1].isupper() and t.lower_ not in TITLES
            )
    runs = []
    for i, j in _name_runs(doc):
        i, j, descriptors, titles = _strip_run(doc, i, j)
        words = [t.text for t in doc[i:j] if t.text not in ("'s", "’s")]
        if not words:
            continue
        low = [w.lower() for w in words]
        labels = {t.ent_type_ for t in doc[i:j]}
        if any(w in _ORG_WORDS or w in CHANNEL_WORDS for w in low) or (
            labels & _NON_NAME_LABELS and not labels & {"PERSON"}
        ):
            continue
        known_first = len(low) >= 2 and low[0] in _GIVEN_NAMES
        if not (known_first or titles or "PERSON" in labels or set(low) & name_words):
            continue
        runs.append((i, j, words, descriptors, titles))
    # Full names first, so that a bare surname joins the right person.
    for i, j, words, descriptors, titles in sorted(runs, key=lambda r: (-len(r[2]), r[0])):
        start = doc[i].idx
        ent = index._entity_for(words, start)
        index._add_mention(ent, start, doc[j - 1].idx + len(doc[j - 1]))
        ent.descriptors.extend(descriptors)
        ent.descriptors.extend(_left_descriptors(doc, i))
        ent.descriptors.extend(_appositive_descriptors(doc, i, j))
        for t in titles:
            ent.female += t in FEMALE_WORDS
            ent.male += t in MALE_WORDS
    for ent in index._entities:
        first = ent.tokens[0].lower()
        ent.female += 0.5 * (first in FEMALE_NAMES)
        ent.male += 0.5 * (first in MALE_NAMES)
        for d in ent.descriptors:
            ent.female += d.split()[-1] in FEMALE_WORDS
            ent.male += d.split()[-1] in MALE_WORDS
    index._mention_starts.sort(key=lambda m: m[0])
    _vote_pronouns(doc, index)
    _link_pronouns_and_roles(doc, index)
    index._mention_starts.sort(key=lambda m: m[0])
    return index


def _vote_pronouns(doc: Any, index: PeopleIndex) -> None:
    """A he/she right after the only person in view tells that person's gender."""
    starts = index._mention_starts
    for sent in doc.sents:
        for tok in sent:
            gender = PRONOUNS.get(tok.lower_)
            if gender is None or tok.pos_ != "PRON":
                continue
            lo = sent.start_char - 400
            seen = {id(e): e for s, _, e in starts if lo <= s < tok.idx}
            if len(seen) == 1:
                (ent,) = seen.values()
                if gender == "female":
                    ent.female += 0.25
                else:
                    ent.male += 0.25


def _link_pronouns_and_roles(doc: Any, index: PeopleIndex) -> None:
    """Add he/she pronouns and "the model"-style mentions to their person, in text order.

    Each link is added at once, so a pronoun after "the model" sees that mention.
    """
    for tok in doc:
        if tok.lower_ in ("he", "she", "him", "her", "his") and tok.pos_ == "PRON":
            ent = index.pronoun_target(tok)
            if ent is not None:
                index._add_mention(ent, tok.idx, tok.idx + len(tok))
        elif tok.lower_ in ROLE_NOUNS and tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass"):
            det = [c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"]
            if not det:
                continue
            span = doc[det[0].i : tok.i + 1]
            words = {w for t in span for w in re.split(r"[-–]", t.lower_) if w}
            ents = [
                e
                for e in index._entities
                if any(w in words for d in e.descriptors for w in d.split())
            ]
            if len(ents) == 1:
                index._add_mention(ents[0], span.start_char, span.end_char)
                compounds = [
                    t.lower_ for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"
                ]
                ents[0].descriptors.append(" ".join([*compounds, tok.lower_]))
