"""The people of one article: :class:`PeopleIndex`, its entities, and how a mention
(a name, a pronoun, a description) is resolved to one of them."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from saidwhen.extract.lexicon import ROLE_NOUNS
from saidwhen.extract.people.names import (
    _ANY_BODY_NOUNS,
    _DOC_NOUNS,
    _NOUN_GENDER,
    _ORG_NOUNS,
    _PERSON_NOUNS,
    _PERSON_SUFFIXES,
    _PLACE_LABELS,
    _RELATIVE,
    _SUFFIXES,
    MAIN_SUBJECT_BONUS,
    PRONOUNS,
    RANKS,
    SALIENCE,
    SUBJECT_BONUS,
    TITLE_WORDS,
    UNKNOWN_GENDER_COST,
    Gender,
    _clean_mention,
    _core,
    _same_body,
    _same_person,
    _stem,
)
from saidwhen.model import EntityType, Person, Span
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


# A pull quote: a paragraph of one quote and a short attribution whose words the
# article gives again, later, in full
_PULL_QUOTE_WORDS = 5
_PULL_ATTRIBUTION_WORDS = 12


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def pull_quote_paragraphs(text: str, quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs (char spans) that are pull quotes: ``"Without a bigger
    ferry, ..." Lane said.`` set into a passage about someone else, the same
    words quoted again further on.  A "he continued" after one is not its speaker's."""
    out = []
    for k, (start, end) in enumerate(quoted):
        words = _words(text[start:end])
        if len(words.split()) < _PULL_QUOTE_WORDS:
            continue
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        hi = len(text) if hi < 0 else hi
        others = [q for q in quoted if lo <= q[0] < hi and q != (start, end)]
        rest = text[lo:start] + " " + text[end:hi]
        if others or len(_words(rest).split()) > _PULL_ATTRIBUTION_WORDS:
            continue
        if any(f" {words} " in f" {_words(text[s:e])} " for s, e in quoted[k + 1 :] if s >= hi):
            out.append((lo, hi))
    return out


_AGED = re.compile(r"(?i)the\s+(\d{1,3})\s*-\s*year\s*-\s*old")


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
    # head_words, asked tens of thousands of times per article, with what it was made of
    _heads_of: tuple[tuple[object, ...], frozenset[str]] | None = field(default=None, repr=False)

    def last_before(self, at: int) -> int:
        """Where this entity was last mentioned before ``at`` (-1: not yet)."""
        return max((s for s, _ in self.mentions if s < at), default=-1)

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

    def head_words(self) -> frozenset[str]:
        """The words a description ("the doctors", "the actor") may share with this entity."""
        key = (tuple(self.descriptors), tuple(self.tokens), self.type)
        if self._heads_of is not None and self._heads_of[0] == key:
            return self._heads_of[1]
        words = {w for d in self.descriptors for w in re.split(r"[\s-]+", d) if w}
        words |= {TITLE_WORDS[k] for w in words if (k := w.rstrip(".")) in TITLE_WORDS}
        if any(w.rstrip(".") in RANKS for w in words):
            words.add("officer")  # "Lt. Col. Ann Vick" is an officer
        if self.type != "person":
            words |= {w.lower() for w in self.tokens}
        self._heads_of = (key, frozenset(words))
        return self._heads_of[1]


# "the letter signed by seven physicians": verbs whose agent wrote the document
_AUTHORED = frozenset("sign co-sign cosign write issue release send author".split())


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
        self._pulled = pull_quote_paragraphs(doc_text(doc), self._quoted)

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
        suffix = {w.lower().rstrip(".") for w in words} & _SUFFIXES
        best: _Entity | None = None
        best_last = -1
        acronym = len(words) == 1 and words[0].isupper()  # "CBP" is not "CBP McAllen"
        for ent in self._entities:
            if not ent.named:
                continue
            ent_low = ent.core()
            if (
                acronym
                and len(ent_low) > 1
                and not (org_named or ent.org_named)
                and words[0].title() not in ent.tokens  # a transcript's "PENCE" is Pence
            ):
                continue
            if org_named or ent.org_named:
                ok = _same_body(low, ent_low)
            else:
                ok = _same_person(low, ent_low)
            if ok:
                last = ent.last_before(at)
                if len(words) == 1 and not (org_named or ent.org_named) and last >= 0:
                    # a bare surname two people share: the one named first, the story's
                    last = 10_000_000 - min(s for s, _ in ent.mentions)
                if suffix and suffix <= {w.lower().rstrip(".") for w in ent.tokens}:
                    last += 1_000_000  # "King Jr." is Martin Luther King Jr., not Dexter King
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
            found = self.entity_at(ante.idx, ante.idx + len(ante))
            if root.lower_ == "which" and found is not None and found.type == "person":
                # "..., Ruiz told Lane, which meant ...": "which" is no person; it takes
                # up what the clause before says, and its subject
                subj = [c for c in ante.head.children if c.dep_ == "nsubj" and c.i != ante.i]
                if ante.dep_ not in ("dobj", "dative", "pobj") or not subj:
                    return None
                return self.entity_at(subj[0].idx, subj[0].idx + len(subj[0]))
            return found
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
                # not "a spokesman for the port"; but "envoy to Velo Tom Ortiz" in an apposition
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
        named = self._by_name_words(span)
        if named is not None:
            return named
        if (age := _AGED.fullmatch(text[start:end])) is not None:
            return self._aged(f"{age.group(1)}-year-old", start)
        # "Ruiz's rep", "His office", "Defense attorneys": not the name inside
        return self._described(root, start)

    def _aged(self, descriptor: str, at: int) -> _Entity | None:
        """ "the 42-year-old" is the last person named with that age ("Tom Hale, 42,")."""
        best: tuple[int, _Entity] | None = None
        for ent in self._entities:
            if ent.type != "person" or descriptor not in ent.descriptors:
                continue
            last = ent.last_before(at)
            if last >= 0 and (best is None or last > best[0]):
                best = (last, ent)
        return best[1] if best else None

    def _by_name_words(self, span: SpacySpan) -> _Entity | None:
        """The person whose name holds a mention's capitalised words that the parser
        did not take for a name ("says Early." after "Chris Early"): the last one named."""
        words = [t.text for t in span if not t.is_punct]
        if not words or len(words) > 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
            return None
        low = _core([w.lower() for w in words])
        best: tuple[int, _Entity] | None = None
        for ent in self._entities:
            if ent.type != "person" or not ent.named or len(ent.tokens) < 2:
                continue
            if _same_person(low, ent.core()):
                last = ent.last_before(span.start_char)
                if last >= 0 and (best is None or last > best[0]):
                    best = (last, ent)
        return best[1] if best else None

    def resolve(self, start: int, end: int) -> str | None:
        """The canonical name of the entity a mention span refers to, else None."""
        ent = self.entity_at(start, end)
        return ent.name if ent is not None else None

    def pronoun_target(self, token: Token) -> _Entity | None:
        """The person a he/she pronoun most likely refers to."""
        gender = PRONOUNS.get(token.lower_)
        if gender is None:
            return None
        if not self._in_quote(token.idx):
            newcomer = self._introduced_before(token, gender)
            if newcomer is not None:
                return newcomer
        return self._recent(token.idx, gender)

    def _introduced_before(self, pron: Token, gender: Gender) -> _Entity | None:
        """The one person of the pronoun's gender first named, outside a subject, in the
        sentence right before ("filmed by Dale's wife, Rena Dale. In it she pleads"): the
        newcomer, when no one who may be he or she is a subject in between."""
        doc = self._doc
        sent = pron.sent
        if sent.start == 0 or any(PRONOUNS.get(t.lower_) for t in doc[sent.start : pron.i]):
            return None
        prev = doc[sent.start - 1].sent
        lo = prev.start_char
        found: dict[int, _Entity] = {}
        for s, _, ent in self._mention_starts:
            if not lo <= s < pron.idx or ent.type != "person":
                continue
            quoted, subject = self._flags[s]
            if ent.gender not in (gender, None) or quoted:
                continue
            if subject or (ent.gender is None and len(ent.tokens) > 1):
                return None  # one who may be he or she as a subject, or named in full
            if ent.gender is not None:
                found[id(ent)] = ent
        if len(found) != 1:
            return None
        (ent,) = found.values()
        if min(s for s, _ in ent.mentions) < lo:
            return None  # named before: the subject preference knows it
        return ent

    def _described(self, root: Token, at: int) -> _Entity | None:
        """The entity a description ("the fisherman", "the company") refers to."""
        if root.pos_ not in ("NOUN", "PROPN") or root.ent_type_ in _PLACE_LABELS:
            return None
        # "Ruiz's rep" is not Ruiz; "Velo's ambassador" may be the ambassador named before
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
        if any(c.dep_ == "nummod" and c.lower_ == "one" for c in root.children):
            dets.add("a")  # "one neo-bank CEO": one of many, a new source
        members = [
            w
            for prep in root.children
            if prep.dep_ == "prep" and prep.lower_ == "of" and lemma in ("group", "coalition")
            for w in prep.children
            if w.dep_ == "pobj" and w.tag_ == "NNS"
        ]  # "a group of physicians"
        if (plural or members) and not poss:
            body = self._people_body(members[0].lemma_.lower() if members else lemma)
            if body is not None:
                return body  # "the physicians" of "Doctors for Camp Closure"
        if root.dep_ == "compound":  # "the office release": the article's "the" is the head's
            dets |= {c.lower_ for c in root.head.children if c.dep_ == "det"}
        if (
            not dets & {"the", "this", "that", "these", "those"}
            and (root.pos_ == "NOUN" or lemma in ROLE_NOUNS)  # "CEO" is tagged PROPN
            and not poss
        ):
            if dets & {"a", "an"} and not plural:
                # "a career Army officer who ..." then "Lt. Col. Ann Vick told ...": the
                # person named next with that description
                return self._named_next(at, words)
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
                and lemma in _ANY_BODY_NOUNS
            ):
                # "the company", "the production company": the last body named (not
                # "the board", "the ministry": a body of that name, else no one named)
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

    def _named_next(self, at: int, words: set[str], reach: int = 600) -> _Entity | None:
        """The person first named right after an indefinite description and described
        by one of its words (an apposition, a title: "officer" for "Lt. Col.")."""
        best: tuple[int, _Entity] | None = None
        for ent in self._entities:
            if ent.type != "person" or not ent.named:
                continue
            first = min(s for s, _ in ent.mentions)
            if not at < first < at + reach or (best is not None and first >= best[0]):
                continue
            if words & {_stem(w) for w in ent.head_words()}:
                best = (first, ent)
        return best[1] if best else None

    def _people_body(self, lemma: str) -> _Entity | None:
        """The one body of the article named after the people in it ("Doctors for Camp
        Closure", "Parents Against the Mine") that plural people ("the physicians") are."""
        if lemma not in _PERSON_NOUNS and not lemma.endswith(_PERSON_SUFFIXES):
            return None
        bodies = [
            e
            for e in self._entities
            if e.type == "organisation"
            and len(e.tokens) >= 2
            and e.tokens[0][:1].isupper()
            and e.tokens[0].lower().endswith("s")
            and _stem(e.tokens[0].lower()) in _PERSON_NOUNS
        ]
        return bodies[0] if len(bodies) == 1 else None

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
                lo = tok.left_edge.idx
                for c in tok.children:
                    if c.dep_ == "poss" and c.pos_ == "PROPN":
                        # "A VOA reporter Nisan Ahmado's source": named from the owner's name
                        lo = next((s for s, e, _ in self._mention_starts if s <= c.idx < e), lo)
                cleaned = _clean_mention(self._doc, lo, edge.idx + len(edge))
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
        for body in (c for c in root.children if c.dep_ == "compound" and c.pos_ == "NOUN"):
            # "the office release", "the ministry statement": the body named before
            if body.lemma_.lower() in _ORG_NOUNS:
                return self._described(body, at)
        for acl in (c for c in root.children if c.dep_ == "acl"):
            # "the letter signed by seven physicians" says whose it is
            if acl.lemma_.lower() not in _AUTHORED:
                return None  # "the statement obtained by Variety": not Variety's
            for agent in (c for c in acl.children if c.dep_ == "agent"):
                for who in (c for c in agent.children if c.dep_ == "pobj"):
                    return self.entity_at(who.left_edge.idx, who.idx + len(who))
            return None
        for k in range(root.i - 1, max(-1, root.i - 600), -1):
            tok = doc[k]
            if tok.lemma_.lower() != lemma or tok.dep_ in ("nsubj", "nsubjpass"):
                continue  # "The statement claimed": look for the one that was issued
            if tok.dep_ != "dobj" and any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children
            ):
                continue  # "The statement, which ..." misparsed: a reference, not an issue
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
        sent_start = pron.sent.start_char
        for s, _, ent in self._mention_starts:
            if s >= at or at - s > window or ent.type != "organisation":
                continue
            quoted, subject = self._flags[s]
            if quoted:
                continue
            if sent_start <= s and not subject and pron.dep_ in ("nsubj", "nsubjpass"):
                # "In a statement, the day bids were due to the Authority, it said": the
                # subject is not a body named in its own sentence's opening phrase
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
            if any(lo <= s < hi and not lo <= at < hi for lo, hi in self._pulled):
                continue  # a pull quote: set into the text, no part of its thread
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
                score += SUBJECT_BONUS + (MAIN_SUBJECT_BONUS if subject == 2 else 0)
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
        if tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"):
            tok = tok.head  # "Mr. Trump's embrace is ...": the owner of the subject
        elif (
            tok.dep_ == "appos"
            and tok.head.dep_ in ("nsubj", "nsubjpass")
            and tok.head.pos_ == "NOUN"
        ):
            tok = tok.head  # "A third critic, councilman Dan Ortiz, was blunter"
        if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
            return 2  # "According to treasurer Bob Klein, ...": the one who speaks
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return 0
        verb = tok.head
        while verb.dep_ in ("conj", "aux", "auxpass") and verb.head.i != verb.i:
            verb = verb.head
        # the subject of the sentence's main verb, or of a clause inside it
        return 2 if verb.dep_ == "ROOT" or verb.head.i == verb.i else 1
