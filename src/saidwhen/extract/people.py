"""Who a mention is: the people (and bodies) of an article, and which mentions refer to whom.

A name is a run of proper nouns; its front words that say what someone is
("Finance Minister", "Browns DL", "White House Press Secretary", a
"State" left from "Secretary of State") are cut off as descriptors, so the
canonical name is the person's name alone ("Ana Ruiz").  Each entity has a
type: a person, an organisation (an ORG name, "Lee Research"), a group
("the doctors") or an unnamed source ("a spokesman for the ambulance
service"); places are kept apart and never given as people.

Mentions are grouped by name (surname, first name, a shorter tail of the
full name: "Van Der Beek" is "James Van Der Beek"); he/she pronouns go to
the person who spoke or acted last in view, weighing subjecthood, gender
and quote frames; descriptions ("the fisherman", "the company") go to the
last entity the article described that way (an apposition, a role before
the name), and an indefinite source ("an insider") is the one later "the
insider" refers to.

:func:`find_people` builds the :class:`PeopleIndex`; :meth:`PeopleIndex.resolve`
names a mention span and :func:`name_speakers` gives every quote's speaker
its person (name and type).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

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
from saidwhen.model import EntityType, Person, Quote, Span
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["PRONOUNS", "PeopleIndex", "find_people", "name_speakers"]

Gender = Literal["female", "male"]
PRONOUNS: dict[str, Gender | None] = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
# Words that make a proper-noun run an organisation's name.
_ORG_WORDS = frozenset(
    """
    inc inc. corp corp. co co. llc ltd ltd. plc party campaign committee house senate
    news post times journal university college association foundation institute
    council department agency authority ministry office commission service services
    group records productions studios research partners capital bank company
    corporation administration court police army navy force forces bureau board
    network media press center centre hospital school church union league club
    team fund trust society organization organisation coalition alliance
    systems technologies technology labs laboratories industries holdings airlines
    motors pharmaceuticals solutions enterprises ventures
    """.split()
)
# Nouns that refer back to an organisation ("the company said").
_ORG_NOUNS = frozenset(
    """
    company firm agency label group organization organisation ministry department
    office authority government administration campaign committee team club
    network studio bank council commission union party board court service
    startup maker retailer publisher broadcaster newspaper paper outlet chain
    prosecutors police
    """.split()
)
# Nouns whose "the X" may refer to a person or a group of people.
_PERSON_NOUNS = ROLE_NOUNS | frozenset(
    """
    insider source official officials spokesperson spokesman spokeswoman
    representative witness fisherman farmer man woman boy girl guard guards
    doctors physicians doctor nurse nurses victim suspect defendant plaintiff
    resident residents employee worker workers leader leaders expert experts
    member members critic critics supporter supporters friend friends neighbor
    neighbour colleague partner founder cofounder co-founder chief head
    """.split()
)
_GIVEN_NAMES = FEMALE_NAMES | MALE_NAMES
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Labels that never make a name a person's: spaCy's and the folded ones of
# saidwhen.extract.names (PLACE).
_PLACE_LABELS = {"GPE", "LOC", "FAC", "PLACE", "NORP"}
_NON_NAME_LABELS = _PLACE_LABELS | {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"}
# Documents whose "the statement said" speaks for whoever issued them.
_DOC_NOUNS = frozenset(
    "statement letter release post tweet memo report filing email message note".split()
)
_NOUN_GENDER: dict[str, Gender] = {
    **{w: "female" for w in ("actress", "congresswoman", "chairwoman", "spokeswoman", "woman")},
    **{w: "male" for w in ("actor", "congressman", "chairman", "spokesman", "man")},
}
# How a he/she weighs its candidates (in characters of distance): a person of
# unknown gender is this much farther, the subject of a sentence this much nearer.
UNKNOWN_GENDER_COST = 30
SUBJECT_BONUS = 150
SALIENCE = 0  # per earlier mention of the candidate, up to ten
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_DETS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_PERSON_SUFFIXES = ("ist", "ian", "man", "woman", "person", "ant")
_ROLE_SUFFIXES = ("ist", "ian", "er", "or", "ant", "ent", "man", "woman", "person")


@dataclass(slots=True)
class _Entity:
    tokens: list[str]  # fullest name form, without titles
    type: EntityType = "person"
    mentions: list[tuple[int, int]] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    female: float = 0.0
    male: float = 0.0
    named: bool = True  # False: an unnamed source or a group, named by its description
    org_named: bool = False  # the name holds an organisation word ("Lee Research")
    votes: dict[str, float] = field(default_factory=dict)  # type evidence: person/org/place

    _core_of: tuple[tuple[str, ...], list[str]] | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return " ".join(self.tokens)

    def core(self) -> list[str]:
        """The name's words in lower case without a "Jr." (remembered while they stay)."""
        key = tuple(self.tokens)
        if self._core_of is None or self._core_of[0] != key:
            self._core_of = (key, _core([w.lower() for w in self.tokens]))
        return self._core_of[1]

    @property
    def gender(self) -> Gender | None:
        if self.female > self.male:
            return "female"
        if self.male > self.female:
            return "male"
        return None

    def head_words(self) -> set[str]:
        """The words a description ("the doctors", "the actor") may share with this entity."""
        words = {w for d in self.descriptors for w in re.split(r"[\s-]+", d) if w}
        if self.type != "person":
            words |= {w.lower() for w in self.tokens}
        return words


class PeopleIndex:
    """The people of one article; ``resolve`` maps a mention span to a canonical name."""

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]] | None = None) -> None:
        self._doc = doc
        self._quoted = sorted(quoted or [])  # quoted regions: their "he" lives in another frame
        self._quote_starts = [q[0] for q in self._quoted]
        # mention start -> (in quote, subject: 2 of a main clause, 1 of another, 0 none)
        self._flags: dict[int, tuple[bool, int]] = {}
        self._entities: list[_Entity] = []
        self._by_span: dict[tuple[int, int], _Entity] = {}
        self._mention_starts: list[tuple[int, int, _Entity]] = []  # (start, end, entity)
        self._places: set[str] = set()
        self._unnamed: dict[int, _Entity] = {}  # token index of "a spokesman" -> its source

    # -- building ----------------------------------------------------------
    def _add_mention(self, ent: _Entity, start: int, end: int) -> None:
        if (start, end) not in self._by_span:
            ent.mentions.append((start, end))
            self._by_span[(start, end)] = ent
            self._mention_starts.append((start, end, ent))
            self._flags[start] = (self._in_quote(start), self._is_subject_at(start, end))
            alias = doc_text(self._doc)[start:end]
            if alias not in ent.aliases:
                ent.aliases.append(alias)

    def _entity_for(self, words: list[str], at: int, org_named: bool) -> _Entity:
        """The entity these name words refer to, or a new one.

        Types are decided later, by the votes of all mentions: the entity
        tagger calls one "Trump" a PERSON and the next an ORG.
        """
        low = _core([w.lower() for w in words])
        best: _Entity | None = None
        best_last = -1
        acronym = len(words) == 1 and words[0].isupper()  # "CBP" is not "CBP McAllen"
        for ent in self._entities:
            if not ent.named:
                continue
            ent_low = ent.core()
            if acronym and len(ent_low) > 1 and not (org_named or ent.org_named):
                continue
            if org_named or ent.org_named:
                ok = _same_body(low, ent_low)
            else:
                ok = _same_person(low, ent_low)
            if ok:
                last = max((s for s, _ in ent.mentions if s < at), default=-1)
                if best is None or last > best_last:
                    best, best_last = ent, last
        if best is None:
            best = _Entity(tokens=list(words), org_named=org_named)
            self._entities.append(best)
        elif len(_core(words)) > len(_core(best.tokens)) or (
            len(words) > len(best.tokens) and _core(words) == _core(best.tokens)
        ):
            best.tokens = list(words)
        return best

    # -- queries -------------------------------------------------------------
    def persons(self) -> list[Person]:
        """The people of the article (and the bodies and sources that speak in it)."""
        text = doc_text(self._doc)
        out = []
        for ent in sorted(self._entities, key=lambda e: min(s for s, _ in e.mentions)):
            if ent.type != "person" and not ent.aliases:
                continue
            spans = tuple(Span(text[s:e], s, e) for s, e in sorted(ent.mentions))
            seen = {ent.name.lower()}
            aliases = []
            for a in ent.aliases:  # names and descriptions, not pronouns
                if a.lower() not in seen and a.lower() not in PRONOUNS:
                    seen.add(a.lower())
                    aliases.append(a)
            out.append(
                Person(
                    ent.name,
                    spans,
                    tuple(dict.fromkeys(ent.descriptors)),
                    ent.gender if ent.type == "person" else None,
                    aliases=tuple(aliases),
                    type=ent.type,
                )
            )
        return out

    def entity_at(self, start: int, end: int) -> _Entity | None:
        """The entity a mention span refers to, else None.

        In a longer span ("Her partner, ecologist Priya Raman") a name wins over
        a pronoun inside it; the name that heads the span wins over one in a
        clause that modifies it.
        """
        ent = self._by_span.get((start, end))
        if ent is not None:
            return ent
        doc = self._doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        root = span.root
        if root.lower_ in _RELATIVE and root.head.dep_ == "relcl":
            ante = root.head.head
            return self.entity_at(ante.idx, ante.idx + len(ante))
        inside = [m for m in self._mention_starts if start <= m[0] and m[1] <= end]
        for s, e, x in inside:  # the name that heads the span
            if s <= root.idx < e:
                return x
        for child in root.children:  # "Her partner, ecologist Priya Raman"
            if child.dep_ == "appos":
                lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
                for s, _e, x in inside:
                    if lo <= s < hi and s <= child.idx + len(child):
                        return x
        text = doc_text(doc)
        for s, e, x in inside:
            # a name closing the span: ", Dick Clark Productions,", "China's ambassador
            # to Britain Liu Xiaming", "Wikileaks editor-in-chief Kristinn Hrafnsson"
            if not text[e:end].strip(" ,"):
                last = doc.char_span(s, e, alignment_mode="expand")
                # not "a spokesman for CBP"; but "envoy to Ukraine Kurt Volker" in an apposition
                if last is not None and not (
                    last.root.dep_ == "pobj" and last.root.head.head.i == root.i
                ):
                    return x
        for s, e, x in self._mention_starts:
            if s <= start and end <= e:
                return x
        if root.pos_ == "PRON":
            names = [m for m in inside if text[m[0] : m[1]].lower() not in PRONOUNS]
            if names:
                return names[0][2]
            return self._recent_body(root) if root.lower_ in ("it", "they") else None
        # "Swift's rep", "His office", "Defense attorneys": not the name inside
        return self._described(root, start)

    def resolve(self, start: int, end: int) -> str | None:
        """The canonical name of the entity a mention span refers to, else None."""
        ent = self.entity_at(start, end)
        return ent.name if ent is not None else None

    def pronoun_target(self, token: Token) -> _Entity | None:
        """The person a he/she pronoun most likely refers to."""
        gender = PRONOUNS.get(token.lower_)
        if gender is None:
            return None
        return self._recent(token.idx, gender)

    def _described(self, root: Token, at: int) -> _Entity | None:
        """The entity a description ("the fisherman", "the company") refers to."""
        if root.pos_ not in ("NOUN", "PROPN") or root.ent_type_ in _PLACE_LABELS:
            return None
        # "Swift's rep" is not Swift; "China's ambassador" may be the ambassador named before
        poss = [c for c in root.children if c.dep_ == "poss"]
        owners = {id(o) for c in poss if (o := self._by_span.get((c.idx, c.idx + len(c))))}
        lemma = root.lemma_.lower()
        plural = root.tag_ in ("NNS", "NNPS")
        # what kind of body or person: "production company", "Jordanian government"
        words = {
            _stem(t.lower_)
            for t in root.lefts
            if t.dep_ == "compound" or (t.dep_ == "amod" and t.text[:1].isupper())
        }
        words.add(_stem(lemma))
        dets = {c.lower_ for c in root.children if c.dep_ == "det"}
        if (
            not dets & {"the", "this", "that", "these", "those"}
            and root.pos_ == "NOUN"
            and not poss
        ):
            return None  # "a spokesman", "officials": a new source, not one named before
        best: tuple[float, _Entity] | None = None
        for ent in self._entities:
            if (plural and ent.type == "person") or id(ent) in owners:
                continue
            # the last mention, a subject counted nearer: the likelier antecedent
            last = max(
                (
                    s + 400 * bool(self._flags.get(s, (False, 0))[1])
                    for s, _ in ent.mentions
                    if s < at
                ),
                default=-1,
            )
            if last < 0:
                continue
            heads = ent.head_words()
            stems = {_stem(w) for w in heads}
            if lemma in heads or root.lower_ in heads:
                score = last + 10_000 * len(words & stems)
            elif (
                not poss
                and lemma in _ORG_NOUNS
                and ent.type == "organisation"
                and not plural
                and words - {_stem(lemma)} <= stems
            ):
                # "the company", "the production company": the last body named
                # the body the article is about (named most often so far) over a passer-by
                seen = sum(1 for s, _ in ent.mentions if s < at)
                score = last - 100_000 + 10_000 * len(words & stems) + 200 * seen
            else:
                continue
            if best is None or score > best[0]:
                best = (score, ent)
        if best is None and lemma in _DOC_NOUNS and not plural:
            return self._author(root, at)
        if best is None and not poss and not plural:
            source = self._unnamed_source(root)
            if source is not None:
                return source
        if best is None and lemma in ROLE_NOUNS and not plural and not poss:
            # "said the actor" with no actor named: the person in view
            return self._recent(at, _NOUN_GENDER.get(lemma))
        if best is None:  # a description before the name: "China's ambassador ... Liu said"
            after = [
                (min(s for s, _ in e.mentions), e)
                for e in self._entities
                if (lemma in e.head_words() or root.lower_ in e.head_words())
                and id(e) not in owners
                and not (plural and e.type == "person")
            ]
            after = [a for a in after if at < a[0] < at + 1500]
            if after:
                return min(after, key=lambda a: a[0])[1]
        return best[1] if best else None

    def _unnamed_source(self, root: Token) -> _Entity | None:
        """ "the spokesperson" after "a spokesperson who ...": one unnamed source, named
        by its first, indefinite description."""
        lemma = root.lemma_.lower()
        if lemma not in _PERSON_NOUNS and not lemma.endswith(_PERSON_SUFFIXES):
            return None  # "the agreement" is no source
        for k in range(root.i - 1, max(-1, root.i - 1500), -1):
            tok = self._doc[k]
            if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN":
                continue
            if not any(
                (c.dep_ == "det" and c.lower_ in ("a", "an"))
                or (c.dep_ == "poss" and c.pos_ == "PROPN")  # "Nisan Ahmado's source"
                for c in tok.children
            ):
                continue
            ent = self._unnamed.get(tok.i)
            if ent is None:
                edge = tok.right_edge
                cleaned = _clean_mention(self._doc, tok.left_edge.idx, edge.idx + len(edge))
                if cleaned is None:
                    return None
                name, kind, _ = cleaned
                ent = _Entity(tokens=name.split(), type=kind, named=False)
                ent.descriptors.append(lemma)
                self._unnamed[tok.i] = ent
                self._entities.append(ent)
                self._add_mention(ent, tok.left_edge.idx, tok.idx + len(tok))
            self._add_mention(ent, root.left_edge.idx, root.idx + len(root))
            return ent
        return None

    def _author(self, root: Token, at: int) -> _Entity | None:
        """Who wrote "the statement": the subject that issued the last one ("X said in a
        statement", "X released a statement")."""
        doc = self._doc
        lemma = root.lemma_.lower()
        if any(c.dep_ == "acl" for c in root.children):
            return None  # "the letter signed by seven physicians" says whose it is
        for k in range(root.i - 1, max(-1, root.i - 600), -1):
            tok = doc[k]
            if tok.lemma_.lower() != lemma or tok.dep_ in ("nsubj", "nsubjpass"):
                continue  # "The statement claimed": look for the one that was issued
            head = tok
            for _ in range(4):
                if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                    break
                head = head.head
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj:
                continue
            s0 = subj[0]
            if s0.pos_ == "PRON":
                found = self._by_span.get((s0.idx, s0.idx + len(s0)))
            else:
                found = self.entity_at(s0.left_edge.idx, s0.idx + len(s0))
                for t in s0.subtree if found is None else ():
                    # a misparsed subject ("The company flat-out denied"): its noun
                    if t.pos_ in ("NOUN", "PROPN") and t.i != s0.i:
                        found = self.entity_at(t.left_edge.idx, t.idx + len(t))
                        break
            return found  # the nearest issued one decides, found or not
        return None

    def _recent_body(self, pron: Token, window: int = 1500) -> _Entity | None:
        """The organisation an "it said" or "they said" stands for: the last one named
        outside quotes, unless a plural subject ("the doctors") came between for "they"."""
        at = pron.idx
        if self._in_quote(at):
            return None
        best: tuple[float, int, _Entity] | None = None
        for s, _, ent in self._mention_starts:
            if s >= at or at - s > window or ent.type != "organisation":
                continue
            quoted, subject = self._flags[s]
            if quoted:
                continue
            score = s + (SUBJECT_BONUS if subject else 0)
            if best is None or score > best[0]:
                best = (score, s, ent)
        if best is None:
            return None
        if pron.lower_ == "they":
            doc = self._doc
            lo = doc.char_span(best[1], best[1] + 1, alignment_mode="expand")
            if lo is not None:
                for tok in doc[lo[0].i : pron.i]:
                    if tok.tag_ in ("NNS", "NNPS") and tok.dep_ in ("nsubj", "nsubjpass"):
                        return None  # "the doctors said ... they": not the body
        return best[2]

    def _recent(self, at: int, gender: Gender | None, window: int = 8000) -> _Entity | None:
        best: tuple[float, _Entity] | None = None
        in_quote = self._in_quote(at)
        for s, _, ent in self._mention_starts:
            if s >= at or at - s > window or ent.type != "person":
                continue
            quoted, subject = self._flags[s]
            if quoted != in_quote:
                continue
            if in_quote and at - s > 600:
                continue
            g = ent.gender
            if gender and g and g != gender:
                continue
            if gender and g is None:
                # a full name (or a titled one) of unknown gender may well be he or
                # she; a lone word of no known gender is likelier no person ("Wild")
                weak = len(ent.tokens) == 1 and not ent.votes.get("person_strong")
                score = s - (300 if weak else UNKNOWN_GENDER_COST)
            else:
                score = s
            if subject:
                score += SUBJECT_BONUS  # a main clause's or not: tried apart, no better
            if SALIENCE:
                score += SALIENCE * min(10, sum(1 for m in ent.mentions if m[0] < at))
            if best is None or score > best[0]:
                best = (score, ent)
        return best[1] if best else None

    def _in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quote_starts, pos) - 1
        return k >= 0 and pos < self._quoted[k][1]

    def _is_subject_at(self, start: int, end: int) -> int:
        """2 for the subject of a main clause, 1 of another clause, else 0."""
        span = self._doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return 0
        tok = span.root
        while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return 0
        verb = tok.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        # the subject of the sentence's main verb, or of a clause inside it
        return 2 if verb.dep_ == "ROOT" or verb.head.i == verb.i else 1


def _stem(word: str) -> str:
    """A crude singular: "productions" -> "production", for matching descriptions to names."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _core(words: list[str]) -> list[str]:
    """Name words without a generational suffix ("Jr.")."""
    out = [w for w in words if w.lower() not in _SUFFIXES]
    return out or words


def _same_person(low: list[str], ent_low: list[str]) -> bool:
    """Do these name words (lower case) name the person whose fullest name is ``ent_low``?"""
    if len(low) >= 2 and len(ent_low) >= 2:
        if low[-1] != ent_low[-1]:
            return False
        # "Van Der Beek" in "James Van Der Beek", "Hawk Sawyer" in "Kathleen Hawk Sawyer"
        short, long_ = sorted((low, ent_low), key=len)
        if long_[-len(short) :] == short:
            return True
        return (
            low[0] == ent_low[0] or _initial(low[0], ent_low[0]) or _short_form(low[0], ent_low[0])
        )
    if len(low) >= 2:
        return ent_low[0] in (low[-1], low[0])
    # a surname alone, or a first name alone ("Tom"; "Liu" for "Liu Xiaming")
    return low[0] in (ent_low[-1], ent_low[0])


def _same_body(low: list[str], ent_low: list[str]) -> bool:
    """Do these name words name the body ``ent_low``: the same words, the name without
    its organisation word ("Big Machine" for "Big Machine Records"), or its acronym."""
    short, long_ = sorted((low, ent_low), key=len)
    if short == long_:
        return True
    if long_[: len(short)] == short and all(w in _ORG_WORDS for w in long_[len(short) :]):
        return True
    if len(short) == 1 and len(short[0]) >= 2:
        initials = "".join(w[0] for w in long_ if w not in ("and", "of", "the", "&", "for"))
        return short[0] == initials
    return False


def _short_form(a: str, b: str) -> bool:
    """A first name and its short form: "Pat" and "Patrick", "Alex" and "Alexander"."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and len(long_) > len(short) and long_.startswith(short)


def _initial(a: str, b: str) -> bool:
    return (len(a) <= 2 and a.rstrip(".") == b[:1]) or (len(b) <= 2 and b.rstrip(".") == a[:1])


def _is_name_token(tok: Token) -> bool:
    return bool(
        (
            tok.pos_ == "PROPN"
            and tok.text[:1].isupper()
            and (tok.text.isalpha() or (tok.text.replace("-", "").isalpha() and "-" in tok.text))
        )
        or (
            tok.text[:1].isupper()
            and tok.text.rstrip(".").isalpha()
            and len(tok.text) <= 3
            and tok.text.endswith(".")
            and tok.pos_ == "PROPN"
        )
    )


def _name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of maximal proper-noun runs (candidate names); "Eva-Marie" holds together."""
    runs = []
    i = 0
    n = len(doc)
    while i < n:
        # "Doctors for Camp Closure": a capitalised plural inside a sentence opens a body's name
        plural_head = (
            doc[i].tag_ == "NNS"
            and doc[i].text[:1].isupper()
            and not doc[i].is_sent_start
            and _bridge(doc, i) is not None
        )
        if _is_name_token(doc[i]) or plural_head:
            j = i
            while j + 1 < n:
                if _is_name_token(doc[j + 1]) and doc[j].whitespace_:
                    j += 1
                elif _bridge(doc, j) is not None:
                    j = _bridge(doc, j) or j
                elif (
                    j + 2 < n
                    and doc[j + 1].text == "-"
                    and not doc[j].whitespace_
                    and not doc[j + 1].whitespace_
                    and _is_name_token(doc[j + 2])
                ):
                    j += 2
                else:
                    break
            runs.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return runs


def _bridge(doc: Doc, j: int) -> int | None:
    """The next name word after "of"/"for" in a body's name ("Office of the Inspector
    General", "Doctors for Camp Closure"); None when ``doc[j]`` ends no such name part."""
    left = doc[j]
    if j + 2 >= len(doc) or doc[j + 1].lower_ not in ("of", "for") or not left.whitespace_:
        return None
    # "Office for the Western District of New York": a body's name goes on after a bridge
    bridged = any(t.lower_ in ("of", "for") for t in doc[max(0, j - 4) : j])
    plural = left.tag_ in ("NNPS", "NNS") and left.text[:1].isupper()
    if left.lower_ not in _ORG_WORDS and not plural and not bridged:
        return None
    k = j + 2
    if doc[k].lower_ == "the" and k + 1 < len(doc):
        k += 1
    return k if _is_name_token(doc[k]) else None


def _is_descriptor_word(tok: Token, last_label: str, common: set[str]) -> bool:
    """A word in front of a name that says what the person is, not who."""
    low = tok.lower_
    if low in TITLES or low in _PERSON_NOUNS:
        return True
    if low in _GIVEN_NAMES:
        return False
    if low.endswith(("ator", "dent")) and tok.i + 2 < len(tok.doc) and tok.nbor(2).is_alpha:
        return True  # "Administrator Jim Bridenstine", "Superintendent ...": a role in front
    if tok.is_sent_start and (low in common or low.endswith(_PERSON_SUFFIXES)):
        # "Defenseman Jonas Brodin", "Fisherman Sam Ortiz": a common word as an opener
        return True
    if last_label == "PERSON" and tok.ent_type_ not in ("", "PERSON"):
        return True  # "Browns", "White House", "Ukraine" before a person's name
    # "DL", "CEO": a short all-capital word that is not an initial
    return tok.text.isupper() and tok.text.isalpha() and 2 <= len(tok.text) <= 4


def _standalone_labels(doc: Doc, runs: list[tuple[int, int]]) -> dict[str, str]:
    """Words that stand alone as a name run somewhere in the article, with their
    most frequent label ("Ukraine": PLACE)."""
    seen: dict[str, dict[str, int]] = {}
    for i, j in runs:
        if j - i == 1:
            lab = doc[i].ent_type_ or "-"
            c = seen.setdefault(doc[i].text, {})
            c[lab] = c.get(lab, 0) + 1
    return {w: max(c, key=lambda k: c[k]) for w, c in seen.items()}


def _name_start(
    doc: Doc, i: int, j: int, common: set[str], alone: dict[str, str] | None = None
) -> int:
    """Where a person's name starts in the run ``doc[i:j]`` (after titles, roles, bodies)."""
    start = i
    last_label = doc[j - 1].ent_type_
    for k in range(i, j - 1):
        if _is_descriptor_word(doc[k], last_label, common):
            start = k + 1
    # "Ukraine Kurt Volker": a place or body named alone elsewhere, before two more names
    if alone and j - start >= 3 and alone.get(doc[start].text) in ("PLACE", "ORG"):
        start += 1
    # "State Mike Pompeo" (from "Secretary of State"), "Superintendent Jennifer McCormick":
    # a known given name after words that are none starts the name
    for k in range(start + 1, j - 1):
        if doc[k].lower_ in _GIVEN_NAMES:
            first = k - 2 if doc[k - 1].text == "-" else k  # "Eva-Marie Persson"
            before = doc[start:first]
            if (start > 0 and doc[start - 1].lower_ == "of") or all(
                t.lower_ in common or t.lower_.endswith(_ROLE_SUFFIXES) for t in before
            ):
                start = first  # "Superintendent Jennifer McCormick", "Administrator Jim ..."
            break
    return start


def _opener_end(doc: Doc, i: int, j: int, common: set[str]) -> int:
    """Skip a sentence opener that is no name ("Hosting Cook at ...", "Asked, Lee said")."""
    first = doc[i]
    if (
        j - i >= 2
        and (first.is_sent_start or i == 0)
        and first.lower_ not in _GIVEN_NAMES
        and (
            first.lower_.endswith("ing")
            or first.tag_ in ("VBG", "VBN", "VB", "VBD")
            or (first.lower_ in common and first.lower_ not in TITLES)
        )
    ):
        return i + 1
    return i


def _alone_on_line(doc: Doc, i: int, j: int) -> bool:
    """A name that is a whole line: page furniture ("Sponsored Ads") or a byline."""
    text = doc_text(doc)
    lo = text.rfind("\n", 0, doc[i].idx) + 1
    hi = text.find("\n", doc[j - 1].idx)
    hi = len(text) if hi < 0 else hi
    return (
        not text[lo : doc[i].idx].strip()
        and not text[doc[j - 1].idx + len(doc[j - 1]) : hi].strip()
    )


def _personal(doc: Doc, i0: int, i: int, j: int, name_words: set[str]) -> bool:
    """Does the tail ``doc[i:j]`` of a run cut at ``i`` look like a person's name?"""
    if any(t.lower_ in TITLES or t.lower_ in ROLE_NOUNS for t in doc[i0:i]):
        return True
    return any(
        t.ent_type_ == "PERSON" or t.lower_ in name_words or t.lower_ in _GIVEN_NAMES
        for t in doc[i:j]
    )


def _role_like(tok: Token) -> bool:
    """A word that names what someone is; the small model often tags "ecologist" a verb."""
    low = tok.lower_
    if not tok.is_alpha or tok.tag_ in ("VBD", "VBZ", "VBG", "MD") or tok.pos_ == "ADJ":
        return False
    return low in ROLE_NOUNS or tok.pos_ == "NOUN" or low.endswith(_ROLE_SUFFIXES)


def _left_descriptors(doc: Doc, i: int) -> list[str]:
    """The words right before a name that say who they are ("marine biologist Dana Okafor")."""
    if i == 0 or not _role_like(doc[i - 1]) or not doc[i - 1].text.islower():
        return []
    role = doc[i - 1]
    if role.head.i < i and role.dep_ == "appos" and role.head.pos_ == "PROPN":
        # "Lee Research, the firm Dana Lee founded": the firm is not what Dana Lee is
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


def _appositive_descriptors(doc: Doc, i: int, j: int) -> list[str]:
    """ "her husband, singer John Legend", "John Legend, a singer," and "Lee, 42, a fisherman"."""
    head = doc[j - 1]
    out = []
    # (not when the noun is itself in apposition to another name: "Lee Research, the
    # firm Dana Lee founded" is parsed so)
    if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.dep_ != "appos":
        noun = head.head
        mods = [t.lower_ for t in noun.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"]
        out.append(" ".join([*mods, noun.lower_]))
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= j:
            mods = [t.lower_ for t in child.lefts if t.pos_ in ("NOUN", "ADJ")]
            out.append(" ".join([*mods, child.lower_]))
        elif child.dep_ == "appos" and child.like_num and child.i >= j:
            out.append(f"{child.text}-year-old")
    return out


def _vote(ent: _Entity, doc: Doc, i: int, j: int, titles: bool, name_words: set[str]) -> None:
    """Add one mention's evidence of what the entity is to its votes."""
    low = [t.lower_ for t in doc[i:j]]
    labels = [t.ent_type_ for t in doc[i:j]]
    v = ent.votes
    last = labels[-1]
    if last == "PERSON" or "PERSON" in labels:
        v["person"] = v.get("person", 0.0) + 1
    elif last == "ORG":
        v["org"] = v.get("org", 0.0) + 1
    elif last in _PLACE_LABELS:
        v["place"] = v.get("place", 0.0) + 1
    if titles:
        v["person"] = v.get("person", 0.0) + 2
        v["person_strong"] = v.get("person_strong", 0.0) + 2
    if len(low) >= 2 and low[0] in _GIVEN_NAMES:
        v["person"] = v.get("person", 0.0) + 2
        v["person_strong"] = v.get("person_strong", 0.0) + 2
    if last == "" and set(low) & name_words:
        v["person"] = v.get("person", 0.0) + 0.5
    if any(w in _ORG_WORDS for w in low) or "of" in low[1:] or "for" in low[1:]:
        v["org"] = v.get("org", 0.0) + 3  # "Office of the Inspector General"
    if any(w in CHANNEL_WORDS for w in low):
        v["channel"] = v.get("channel", 0.0) + 3


def _settle_type(ent: _Entity) -> EntityType | None:
    """The entity's type by its votes; None for a place or a thing (dropped)."""
    v = ent.votes
    person, org = v.get("person", 0.0), v.get("org", 0.0)
    # "The group that owns her music, Big Machine": described as a body, which the
    # tagger's labels (often PERSON for a two-word name) do not outweigh
    person = min(person, v.get("person_strong", 0.0) + 4)
    org += 5 * sum(1 for d in ent.descriptors if d and _stem(d.split()[-1]) in _ORG_NOUNS)
    place, channel = v.get("place", 0.0), v.get("channel", 0.0)
    if channel > max(person, org):
        return None
    if person > 0 and person >= org and person >= place:
        return "person"
    if org >= 2 and org >= place:  # one ORG label alone is too weak ("Marine biologist")
        return "organisation"
    return None


def find_people(doc: Doc) -> PeopleIndex:
    """Every person and organisation of the article with their mentions and descriptors."""
    quoted = [(r.start, r.end) for r in find_quote_regions(doc_text(doc))]
    index = PeopleIndex(doc, quoted)
    name_words: set[str] = set()
    for tagged in doc.ents:
        if tagged.label_ == "PERSON":
            name_words.update(
                t.lower_ for t in tagged if t.text[:1].isupper() and t.lower_ not in TITLES
            )
    # words the article also writes in lower case: common words, not names
    common = set(re.findall(r"(?<![\w'’-])[a-z]+(?![\w'’-])", doc_text(doc)))
    name_runs = _name_runs(doc)
    alone = _standalone_labels(doc, name_runs)
    runs = []
    for i0, j in name_runs:
        i0 = _opener_end(doc, i0, j, common)
        org_named = doc[j - 1].lower_ in _ORG_WORDS or any(
            t.lower_ in ("of", "for") for t in doc[i0:j]
        )
        i = i0 if org_named else _name_start(doc, i0, j, common, alone)
        if i > i0 and not _personal(doc, i0, i, j, name_words):
            i = i0  # "BBC Radio" is a body's name, not "Radio" described as BBC
        front = [t for t in doc[i0:i] if t.text[:1].isupper() or t.lower_ in TITLES]
        titles = [t.lower_ for t in front if t.lower_ in TITLES]
        lo = i0
        if i > i0 and i0 >= 2 and doc[i0 - 1].lower_ == "of" and doc[i0 - 2].lower_ in TITLES:
            lo = i0 - 2  # "Secretary of State Mike Pompeo": the whole title
        descriptors = [" ".join(t.lower_ for t in doc[lo:i])] if i > i0 else []
        words = [w for w in doc[i:j].text.split() if w not in ("'s", "’s")]
        words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
        if words and not _alone_on_line(doc, i0, j):
            runs.append((i, j, words, descriptors, titles, org_named))
    # Full names first, so that a bare surname joins the right person.
    for i, j, words, descriptors, titles, org_named in sorted(
        runs, key=lambda r: (-len(r[2]), r[0])
    ):
        start = doc[i].idx
        ent = index._entity_for(words, start, org_named)
        _vote(ent, doc, i, j, bool(titles), name_words)
        ent.mentions.append((start, doc[j - 1].idx + len(doc[j - 1])))
        ent.descriptors.extend(descriptors)
        ent.descriptors.extend(_left_descriptors(doc, i))
        ent.descriptors.extend(_appositive_descriptors(doc, i, j))
        head = doc[j - 1]
        if (
            head.dep_ == "appos"
            and head.head.pos_ == "NOUN"
            and head.head.i < i
            and head.head.dep_ != "appos"
        ):
            # "The group that owns her music, Big Machine, says": the group is Big Machine
            noun = head.head
            left = noun.left_edge.i
            while left < noun.i and (doc[left].is_space or doc[left].is_punct):
                left += 1  # not white space (a blanked date line) or quotation marks
            ent.mentions.append((doc[left].idx, noun.idx + len(noun)))
        for t in titles:
            ent.female += t in FEMALE_WORDS
            ent.male += t in MALE_WORDS
    kept = []
    for ent in index._entities:
        kind = _settle_type(ent)
        if (
            kind is not None
            and not ent.votes.get("person_strong")
            and all(index._in_quote(s0) for s0, _ in ent.mentions)
            and len(ent.mentions) < 2
        ):
            kind = None  # "Bread is patience": a capital word inside a quote, once
        if kind is None:
            index._places.add(ent.name)
            continue
        ent.type = kind
        spans, ent.mentions = ent.mentions, []
        for s0, e0 in spans:
            index._add_mention(ent, s0, e0)
        kept.append(ent)
    index._entities = kept
    _expand_acronyms(doc, index)
    for ent in index._entities:
        if ent.type == "organisation":
            ent.tokens = _body_name(doc, ent)
    for ent in index._entities:
        if ent.type != "person":
            continue
        first = ent.tokens[0].lower()
        ent.female += 0.5 * (first in FEMALE_NAMES)
        ent.male += 0.5 * (first in MALE_NAMES)
        for d in ent.descriptors:
            if d:
                ent.female += d.split()[-1] in FEMALE_WORDS
                ent.male += d.split()[-1] in MALE_WORDS
    index._mention_starts.sort(key=lambda m: m[0])
    _vote_pronouns(doc, index)
    _link_pronouns_and_roles(doc, index)
    index._mention_starts.sort(key=lambda m: m[0])
    return index


_CORPORATE = frozenset({"co", "co.", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc", "plc"})


def _body_name(doc: Doc, ent: _Entity) -> list[str]:
    """A body's name as the article uses it: no "Co." or "Inc." after it ("McClatchy"),
    and with "the" before it when the article mostly writes it so ("the Pentagon")."""
    words = list(ent.tokens)
    while len(words) > 1 and words[-1].lower().rstrip(",") in _CORPORATE:
        words.pop()
    text = doc_text(doc)
    if len(words) >= 2 and words[0].isupper() and words[0].isalpha() and len(words[0]) <= 5:
        rest = " ".join(words[1:])  # "VOA Pentagon correspondent": the Pentagon, named alone too
        if len(re.findall(rf"\b{re.escape(rest)}\b", text)) > len(ent.mentions) // 2 + 1:
            words = words[1:]
    if words[0].lower() == "the" or len(words) > 2:
        return words
    heads = []  # mentions that head their noun phrase, not "White House press secretary"
    for s, e in ent.mentions:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and span.root.dep_ != "compound":
            heads.append(s)
    with_the = sum(text[max(0, s - 4) : s].lower() == "the " for s in heads)
    if heads and 2 * with_the > len(heads):
        return ["the", *words]
    return words


def _expand_acronyms(doc: Doc, index: PeopleIndex) -> None:
    """Name a body known by its acronym by the words the article spells it out with
    ("CBP": "Customs and Border Protection"), taking in the mentions of those words."""
    text = doc_text(doc)
    for ent in index._entities:
        if len(ent.tokens) != 1 or not ent.tokens[0].isupper() or ent.type == "person":
            continue
        acro = ent.tokens[0]
        if not 2 <= len(acro) <= 6 or not acro.isalpha():
            continue
        for m in re.finditer(
            rf"\b{acro[0]}[\w'’-]*(?:\s+(?:and|of|for|the|&)?\s*[A-Z][\w'’-]*)+", text
        ):
            words = m.group().split()
            initials = "".join(w[0] for w in words if w[:1].isupper())
            if initials[: len(acro)] != acro:
                continue
            n, keep = 0, []
            for w in words:
                keep.append(w)
                n += w[:1].isupper()
                if n == len(acro):
                    break
            lo, hi = m.start(), m.start() + len(" ".join(keep))
            if text[lo:hi] != " ".join(keep):
                continue
            ent.tokens = keep
            for other in index._entities:  # "Customs" of "Customs and Border Protection"
                if other is not ent and all(lo <= s and e <= hi for s, e in other.mentions):
                    for s, e in other.mentions:
                        index._by_span[(s, e)] = ent
                        ent.mentions.append((s, e))
                    other.mentions = []
                    index._mention_starts = [
                        (s, e, ent if x is other else x) for s, e, x in index._mention_starts
                    ]
            index._add_mention(ent, lo, hi)
            break
    index._entities = [e for e in index._entities if e.mentions]


def _vote_pronouns(doc: Doc, index: PeopleIndex) -> None:
    """A he/she right after the only person in view tells that person's gender."""
    starts = [m for m in index._mention_starts if m[2].type == "person"]
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


def _link_pronouns_and_roles(doc: Doc, index: PeopleIndex) -> None:
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
                if e.type == "person" and any(w in words for d in e.descriptors for w in d.split())
            ]
            if len(ents) == 1:
                index._add_mention(ents[0], span.start_char, span.end_char)
                compounds = [
                    t.lower_ for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"
                ]
                ents[0].descriptors.append(" ".join([*compounds, tok.lower_]))


# -- speakers ----------------------------------------------------------------


def _clean_mention(doc: Doc, start: int, end: int) -> tuple[str, EntityType, str] | None:
    """A name for a mention no entity holds: the words of its head phrase, without a
    trailing apposition or clause ("Apple, a giant industrial producer," -> "Apple")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.pos_ == "PRON" or root.lower_ in _RELATIVE:
        return None
    cut = end
    for t in span:
        if t.i > root.i and t.text in (",", "(", "—", "–"):
            cut = t.idx
            break
    for child in root.rights:
        if child.dep_ in ("relcl", "acl") and child.left_edge.idx < cut:
            cut = child.left_edge.idx
    text = doc_text(doc)[start:cut].strip(" ,")
    toks = [t for t in span if t.idx < cut]
    if not text or not toks:
        return None
    propn = root.pos_ == "PROPN"
    if propn and toks[0].lower_ == "the" and len(toks) > 3:
        # "the Swedish Prosecution Authority" is named without it; "the Pentagon" with it
        text = text[len(toks[0].text) :].lstrip()
    head = root.lemma_.lower()
    if (
        root.ent_type_ in _PLACE_LABELS
        or root.ent_type_ == "ORG"
        or (propn and root.tag_ != "NNPS")
    ):
        return text, "organisation", head
    if root.tag_ in ("NNS", "NNPS"):
        return text, "group", head
    if head in _ORG_NOUNS:
        return text, "organisation", head  # "the state's marine agency"
    return text, "unnamed", head


def name_speakers(doc: Doc, quotes: list[Quote], people: PeopleIndex) -> list[Quote]:
    """Every quote's speaker named by the person (or body) its mention refers to, with its type.

    A description seen first as "an insider" and later as "the insider" is
    one unnamed source, named by its first mention.
    """
    out = []
    unnamed: dict[str, str] = {}  # head word -> the first description's words
    for q in quotes:
        sp = q.speaker
        if sp is None:
            out.append(q)
            continue
        ent = people.entity_at(sp.start, sp.end)
        if ent is not None:
            out.append(replace(q, speaker=replace(sp, name=ent.name, type=ent.type)))
            continue
        cleaned = _clean_mention(doc, sp.start, sp.end)
        if cleaned is None:
            out.append(replace(q, speaker=replace(sp, type=None)))
            continue
        name, kind, head = cleaned
        first = name.split()[0].lower()
        if kind != "organisation" and first in ("a", "an"):
            unnamed.setdefault(head, name)
        elif kind != "organisation" and first == "the" and head in unnamed:
            name = unnamed[head]
        out.append(replace(q, speaker=replace(sp, name=name, type=kind)))
    return out
