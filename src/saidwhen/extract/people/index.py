"""The people of one article: :class:`PeopleIndex`, its entities, and how a mention
(a name, a pronoun, a description) is resolved to one of them."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from saidwhen.extract.lexicon import (
    COURTESY_TITLES,
    FEMALE_NAMES,
    MALE_NAMES,
    PAPER_WORDS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
)
from saidwhen.extract.people.described import _Descriptions
from saidwhen.extract.people.entity import _Entity
from saidwhen.extract.people.headlines import _headline_end
from saidwhen.extract.people.names import (
    _ANY_GIVEN,
    _CORPORATE_LOW,
    _ENVOYS,
    _MORE_FEMALE,
    _MORE_MALE,
    _RELATIVE,
    _SAID_NOUNS,
    _SUFFIXES,
    _WORK_NOUNS,
    PRONOUNS,
    REGNAL_TITLES,
    Gender,
    _core,
    _first_surname,
    _issuer_start,
    _other_generation,
    _same_body,
    _same_person,
    _time_tail,
    _unaccented,
    composed,
    issuer_word,
    joint_issuer,
    people_noun,
    unglued,
)
from saidwhen.extract.people.pronouns import _Pronouns
from saidwhen.extract.people.resolver import DEFAULT_MODEL, PronounModel, Trace
from saidwhen.extract.speech.lexicon import PERSONAL_SUBJECTS
from saidwhen.model import Person, Span, Speaker
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


# A pull quote: a paragraph of one quote and a short attribution whose words the
# article gives again, later, in full
_PULL_QUOTE_WORDS = 5
_PULL_ATTRIBUTION_WORDS = 12


def _start(mention: tuple[int, int, _Entity]) -> int:
    return mention[0]


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def pull_quote_paragraphs(text: str, quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs (char spans) that are pull quotes: ``"Without a bigger
    ferry, ..." Lane said.`` set into a passage about someone else, the same
    words quoted again further on.  A "he continued" after one is not its speaker's."""
    quoted = sorted(quoted)
    starts = [s for s, _ in quoted]
    said = [_words(text[s:e]) for s, e in quoted]
    # every quote's words, each between spaces, in one string: a search from the
    # first quote after a paragraph looks at all the later ones at once ("\0" is no
    # word, so no match runs across two quotes)
    joined = []
    at = [0]
    for w in said:
        joined.append(f" {w} \0")
        at.append(at[-1] + len(w) + 3)
    later = "".join(joined)
    out = []
    for k, (start, end) in enumerate(quoted):
        words = said[k]
        if len(words.split()) < _PULL_QUOTE_WORDS:
            continue
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        hi = len(text) if hi < 0 else hi
        a, b = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
        if any(quoted[j] != (start, end) for j in range(a, b)):
            continue
        rest = text[lo:start] + " " + text[end:hi]
        if len(_words(rest).split()) > _PULL_ATTRIBUTION_WORDS:
            continue
        if later.find(f" {words} ", at[b]) >= 0:
            out.append((lo, hi))
    return out


# What sets an apposition off after a name ("Tom Lee, a fisherman", "Lee - a fisherman -")
_APPOS_MARKS = frozenset(",-–—(")

_AGED = re.compile(r"(?i)the\s+(\d{1,3})\s*-\s*year\s*-\s*old")


def _gender_of_name(ent: _Entity) -> Gender | None:
    """The gender an entity's titles so far and given name say."""
    first = ent.tokens[0].lower() if ent.tokens else ""
    female = ent.female + (first in FEMALE_NAMES or first in _MORE_FEMALE)
    male = ent.male + (first in MALE_NAMES or first in _MORE_MALE)
    return "female" if female > male else "male" if male > female else None


def _sentence_starts(doc: Doc) -> tuple[Sequence[int], npt.NDArray[np.bool_]]:
    """Each token's character offset, and whether it starts a sentence (a SENT_START of
    1, and the first token), as ``Doc.sents`` reads the parse: the article view's columns,
    not the parse's read again."""
    # (imported here: the speech package reads the people's lexicon as it loads)
    from saidwhen.extract.speech.view import article_view

    view = article_view(doc)
    first = np.zeros(len(view.idx), dtype=bool)
    first[view.sentence_starts] = True
    return view.idx, first


_NOT_INITIALS = ("and", "of", "the", "&", "for")  # as _same_body reads an acronym
_tokens_of = operator.attrgetter("tokens")


def _initials(core: list[str]) -> str:
    return "".join(w[:1] for w in core if w not in _NOT_INITIALS)


class _NameKeys:
    """The entities a name may be, for :meth:`PeopleIndex._entity_for`: ``_same_person``
    and ``_same_body`` match no two names that share no word (accents aside), but for an
    acronym and the initials of a name.  So a name is compared only with the entities
    that share a word or initials with it, not with every one of the article (quadratic
    in the people of a long article).  Kept in step with the entity list it is asked
    about: entities appended are added, an entity renamed (``tokens`` assigned) is filed
    again under its new name alone, and a list replaced makes it start again."""

    __slots__ = ("_always", "_by_key", "_ents", "_keys_at", "_list", "_tokens")

    def __init__(self) -> None:
        self._list: list[_Entity] | None = None
        self._ents: list[_Entity] = []
        self._tokens: list[list[str]] = []  # the name each entity was filed under
        self._keys_at: list[set[str]] = []  # and its keys
        self._by_key: dict[str, list[int]] = {}  # word or "\0" + initials -> positions
        self._always: set[int] = set()  # entities of no name words: asked every time

    @staticmethod
    def _keys(core: list[str]) -> Iterable[str]:
        yield from core
        yield from _unaccented(core)
        if core and "-" in core[0]:
            yield core[0].split("-", 1)[0]  # "Anheuser" of "Anheuser-Busch"
        if len(core) > 1:  # (one word's initial is no acronym of two letters or more)
            yield "\0" + _initials(core)

    def _file(self, ent: _Entity) -> None:
        self._ents.append(ent)
        self._tokens.append(ent.tokens)
        self._keys_at.append(set())
        self._file_keys(len(self._ents) - 1)

    def _file_keys(self, at: int) -> None:
        core = self._ents[at].core()
        if not core:
            self._always.add(at)
        keys = self._keys_at[at] = set(self._keys(core))
        for key in keys:
            self._by_key.setdefault(key, []).append(at)

    def _refile(self, at: int) -> None:
        """File the entity at ``at`` under the keys of the name it has now."""
        for key in self._keys_at[at]:
            self._by_key[key].remove(at)
        self._always.discard(at)
        self._tokens[at] = self._ents[at].tokens
        self._file_keys(at)

    def candidates(self, entities: list[_Entity], low: list[str]) -> list[_Entity]:
        """The entities (in list order) that the name words ``low`` (lower case, no
        suffix) may be; all of them for a name of no words."""
        if (
            entities is not self._list
            or len(entities) < len(self._ents)
            or any(map(operator.is_not, entities, self._ents))
        ):
            self._list, self._ents, self._tokens, self._keys_at = entities, [], [], []
            self._by_key, self._always = {}, set()
        elif any(map(operator.is_not, map(_tokens_of, self._ents), self._tokens)):
            for at, ent in enumerate(self._ents):
                if ent.tokens is not self._tokens[at]:
                    self._refile(at)
        for ent in entities[len(self._ents) :]:
            self._file(ent)
        if not low:
            return list(entities)
        keys = {*low, *_unaccented(low)}
        if len(low) == 1:
            keys.add("\0" + low[0])
        else:
            keys.add(_initials(low))
        found = set(self._always)
        for key in keys:
            found.update(self._by_key.get(key, ()))
        return [self._ents[p] for p in sorted(found)]


# Verbs whose agent only came by a document ("a letter seen by Sky News", "a memo
# obtained by the Post"): not who wrote it
_READ_VERBS = frozenset("see obtain review receive acquire read".split())


def _author_of_work(root: Token) -> Token | None:
    """The maker of a work named after "by" ("a 2018 survey by Ana Ruiz of ...", "research
    conducted by the Hale Institute"), else None: the work speaks for its maker."""
    if root.pos_ != "NOUN" or root.lemma_.lower() not in _WORK_NOUNS:
        return None
    for c in root.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":  # "conducted by", "carried out by"
            if c.lemma_.lower() in _READ_VERBS:
                continue  # "a letter seen by Sky News": not Sky News's
            by = [a for a in c.children if a.dep_ == "agent"]
        elif c.dep_ == "prep" and c.lower_ == "by":
            by = [c]
        else:
            continue
        for prep in by:
            for who in prep.children:
                if who.dep_ == "pobj" and who.pos_ == "PROPN":
                    return who
    return None


def _company_of(low: list[str], ent_low: list[str]) -> bool:
    """Is ``ent_low`` the name ``low`` with a company's suffix ("Orla Data Corp.")?"""
    return ent_low[: len(low)] == low and all(
        w.rstrip(".") in _CORPORATE_LOW for w in ent_low[len(low) :]
    )


def _named_example(root: Token) -> Token | None:
    """The one person a group is given by ("advisers like Ana Ruiz", "critics, including
    Ana Ruiz,", "critics such as Ana Ruiz"), else None: the words are hers."""
    if root.tag_ not in ("NNS", "NNPS"):
        return None
    for prep in root.children:
        if prep.dep_ != "prep" or not (
            prep.lower_ in ("like", "including")
            or (prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))
        ):
            continue
        names = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
        if len(names) == 1 and not any(c.dep_ == "conj" for c in names[0].children):
            return names[0]
    return None


def _owner_of_words(root: Token) -> Token | None:
    """The owner of a noun for what was said ("his" of "his response", "Ledger" of "a
    Ledger article") or of a work that reports what they found ("PC World's analysis",
    "The Verge's review", "new Crowdpac research"), else None."""
    lemma = root.lemma_.lower()
    if root.pos_ != "NOUN" or (lemma not in _SAID_NOUNS and lemma not in _WORK_NOUNS):
        return None
    owners = [
        c
        for c in root.children
        if c.dep_ == "poss"
        or (
            c.dep_ == "compound"
            and c.pos_ == "PROPN"
            and c.i == root.i - 1
            and root.tag_ == "NN"
            and lemma in _WORK_NOUNS
            and lemma != "poll"  # "the AP-GfK poll" is its own source
        )
    ]
    return owners[0] if owners else None


def _verbless_subject(tok: Token, start: int) -> bool:
    """A name that opens its sentence and that the parser made the sentence's root, its
    verb hung below it ("Gov. Ana Ruiz — who is ... — made ..."): the subject."""
    if tok.dep_ != "ROOT" or tok.pos_ != "PROPN":
        return False
    sent = tok.sent
    # nothing but its title ("Gov."), a conjunction or its owner ("But Smith Barney's
    # Mr. Doyle, who ..., called") before it: not "Said Ruiz: ..."
    owner = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
    lead = [
        t
        for t in tok.doc[sent.start : start]
        if not (
            t.is_punct
            or t.is_space
            or t.i in owner
            or (t.dep_ == "cc" and t.i == sent.start)
            or (t.head.i == tok.i and t.lower_ in TITLES)
        )
    ]
    return not lead and any(t.pos_ in ("VERB", "AUX") for t in tok.subtree if t.i > tok.i)


def _personal_name(ent: _Entity) -> bool:
    """A name its mentions so far call a person's: a given name first, a title, or a
    full name tagged PERSON."""
    return bool(ent.votes.get("person_strong") or ent.votes.get("person_full"))


# How many paragraphs of nothing but quotation "the paragraph before" looks back over
_QUOTED_RUN = 3


class PeopleIndex(_Descriptions, _Pronouns):
    """The people of one article; ``resolve`` maps a mention span to a canonical name."""

    def __init__(
        self,
        doc: Doc,
        quoted: list[tuple[int, int]] | None = None,
        model: PronounModel | None = None,
        trace: Trace | None = None,
    ) -> None:
        self._doc = doc
        self._doc_text = doc_text(doc)
        self._list_items: dict[str, int] = {}
        self._most_named: dict[Gender, tuple[int, _Entity | None]] = {}
        self._names_added = 0
        self._model = model if model is not None else DEFAULT_MODEL
        self._trace = trace  # training: what the pronoun ranking saw
        self._tok_starts: Sequence[int] = []  # token char starts, and each token's sentence
        self._tok_sent: list[int] = []
        self._unit_marks: tuple[list[int], list[int]] = ([], [])  # see unit_of
        self._roots: dict[tuple[int, int], Token] = {}
        self._quoted = sorted(quoted or [])  # quoted regions: their "he" lives in another frame
        self._quote_starts = [q[0] for q in self._quoted]
        # mention start -> (in quote, subject: 2 of a main clause, 1 of another, 0 none)
        self._flags: dict[int, tuple[bool, int]] = {}
        self._entities: list[_Entity] = []
        self._name_keys = _NameKeys()  # which entities _entity_for compares a name with
        self._by_span: dict[tuple[int, int], _Entity] = {}
        # (start, end, entity), kept in order of start so that a stretch of text is a
        # slice found by bisection (see mentions_in), not a scan of every mention
        self._mention_starts: list[tuple[int, int, _Entity]] = []
        self._longest = 0  # the longest mention's length: how far back one may start
        self._doers: dict[str, list[tuple[int, int, int]]] = {}  # see _Descriptions._doer
        self._doers_filed = 0
        self._undone: list[tuple[int, int]] = []
        self._places: set[str] = set()
        self._unnamed: dict[int, _Entity] = {}  # token index of "a spokesman" -> its source
        # entity_at's answers once the index is built (see settle), and a count of the
        # mentions added, which makes them stale
        self._answers: dict[tuple[int, int], _Entity | None] | None = None
        self._added = 0
        self._pulled = pull_quote_paragraphs(doc_text(doc), self._quoted)
        # a headline's subject ("Trump's Supporters May Be ...") is no subject the
        # article's first he/she takes up
        self._headline_end = _headline_end(self._doc_text)

    # -- building ----------------------------------------------------------
    def settle(self) -> None:
        """The index is built: from now on :meth:`entity_at` remembers its answers (the
        quotes, their dates and the events ask about the same spans again and again).

        What changes the index after this must add a mention (:meth:`_add_mention`, as
        a description's unnamed source does), which forgets them.
        """
        self._answers = {}

    def _add_mention(self, ent: _Entity, start: int, end: int) -> None:
        self._added += 1
        if self._answers:
            self._answers = {}
        if (start, end) not in self._by_span:
            ent.mentions.append((start, end))
            self._by_span[(start, end)] = ent
            bisect.insort_right(self._mention_starts, (start, end, ent), key=_start)
            self._undone.append((start, end))
            self._longest = max(self._longest, end - start)
            level = 0 if start < self._headline_end else self._is_subject_at(start, end)
            self._flags[start] = (self.in_quote(start), level)
            alias = self._doc_text[start:end]
            self._names_added += alias.lower() not in PRONOUNS  # see _Pronouns._list_subject
            if alias not in ent.aliases:
                ent.aliases.append(alias)

    def _entity_for(
        self,
        words: list[str],
        at: int,
        org_named: bool,
        gender: Gender | None = None,
        titled: bool = False,
    ) -> _Entity:
        """The entity these name words refer to, or a new one.

        Types are decided later, by the votes of all mentions: the entity
        tagger calls one "Tano" a PERSON and the next an ORG.  A mention whose
        title gives a gender ("Mr. Tano") is no one of the other gender
        ("Elena Tano").
        """
        low = _core([w.lower() for w in words])
        suffix = {w.lower().rstrip(".") for w in words} & _SUFFIXES
        best: _Entity | None = None
        best_last = -1
        acronym = len(words) == 1 and words[0].isupper()  # "CBP" is not "CBP McAllen"
        # "Marlow" after "Lena Marlow Quist" and "Tom Marlow": the man whose surname it
        # is, unless a title says the woman ("Ms. Marlow")
        # (made when first asked: most names match no one)
        surnames: set[str] | None = None
        # "the Post" after "the Harbour Post" and "the Valley Post": neither of them
        papers: set[int] = set()
        if len(low) == 1 and low[0] in PAPER_WORDS:
            papers = {
                id(e)
                for e in self._entities
                if e.named and len(e.core()) > 1 and e.core()[-1] == low[0]
            }
        for ent in self._name_keys.candidates(self._entities, low):
            if not ent.named or (len(papers) > 1 and id(ent) in papers):
                continue
            ent_low = ent.core()
            if (
                acronym
                and len(ent_low) > 1
                and not (org_named or ent.org_named)
                and words[0].title() not in ent.tokens  # a transcript's "PENCE" is Pence
            ):
                continue
            if gender is not None and _gender_of_name(ent) not in (gender, None):
                continue
            if org_named or ent.org_named:
                # (a person's full name is not the short form of a body named after
                # them: "Maria Lee" of "the Maria Lee Foundation"; but "Orla Data" of
                # "Orla Data Corp.")
                ok = _same_body(low, ent_low) and (
                    org_named
                    or len(low) < 2
                    or low[0] not in _ANY_GIVEN
                    or low == ent_low
                    or _company_of(low, ent_low)
                )
            else:
                ok = _same_person(low, ent_low)
                if ok and low[-1] != ent_low[-1] and _first_surname(low, ent_low):
                    if surnames is None:
                        surnames = {
                            e.core()[-1]
                            for e in self._entities
                            if e.named and not e.org_named and gender is None
                        }
                    # (and only after the full name: a "Chao" before "Rulan Chao Pian" is
                    # her father)
                    ok = low[-1] not in surnames and ent.last_before(at) >= 0
                ok = ok and not _other_generation(words, ent.tokens)
            if ok:
                last = ent.last_before(at)
                if len(words) == 1 and not (org_named or ent.org_named):
                    # a bare surname two people share: the one named first, the story's
                    # (also for a surname before both: a headline's "Tano"); a person's
                    # name over a body's ("Maria Vance", not "Team Vance")
                    ordered = ent.by_start()
                    last = 10_000_000 - ordered[0][0]
                    last += 20_000_000 * _personal_name(ent)
                    # unless only the other one was named in this paragraph before it,
                    # or was the subject of a main clause in the paragraph before ("Bill
                    # Clinton told ... / '...,' Clinton said" after Hillary Clinton; but
                    # "Governor Tano" is whom the title names)
                    if _personal_name(ent) and not acronym:
                        para, before = self._paragraphs_before(at)
                        lo, mid, hi = (
                            bisect.bisect_left(ordered, (p,)) for p in (before, para, at)
                        )
                        if mid < hi:
                            last += 80_000_000
                        elif (
                            not titled
                            and any(
                                not self.in_quote(s)
                                and self._is_subject_at(s, e) == 2
                                and self.token_at(s, e).dep_ != "poss"  # "Eric Trump's comments"
                                for s, e in ordered[lo:mid]
                            )
                        ):
                            last += 40_000_000
                    if len(ent.tokens) == 2 and ent.tokens[0].lower() in REGNAL_TITLES:
                        # a bare "Hussein" after "King Hussein" and "Saddam Hussein": the
                        # whole name of the one, only the surname of the other
                        last += 30_000_000
                if suffix and suffix <= {w.lower().rstrip(".") for w in ent.tokens}:
                    last += 1_000_000  # "Adler Jr." is Samuel Elroy Adler Jr., not Peter Adler
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

    def _paragraphs_before(self, at: int) -> tuple[int, int]:
        """Where the paragraph holding ``at`` starts, and where the one before it starts:
        the one before the paragraphs of nothing but quotation that come between (a
        speaker's words running on: "'...,' Smith said. / '...' / '...,' Smith said")."""
        text = self._doc_text
        para = start = text.rfind("\n", 0, at) + 1
        for _ in range(_QUOTED_RUN + 1):
            end = start - 1
            while end > 0 and text[end - 1].isspace():
                end -= 1
            if end <= 0:
                return para, start
            start = text.rfind("\n", 0, end) + 1
            if not self.all_quoted(start, end):
                break
        return para, start

    def all_quoted(self, start: int, end: int) -> bool:
        """Whether the text ``start:end`` is quotation, with no word outside it."""
        text = self._doc_text
        k = bisect.bisect_right(self._quote_starts, start) - 1
        pos, covered = start, False
        for q0, q1 in self._quoted[max(k, 0) :]:
            if q0 >= end:
                break
            if q1 <= pos:
                continue
            if any(c.isalnum() for c in text[pos:q0]):
                return False
            covered, pos = True, max(pos, q1)
        return covered and not any(c.isalnum() for c in text[pos:end])

    # -- queries -------------------------------------------------------------
    def persons(self) -> list[Person]:
        """The people of the article (and the bodies and sources that speak in it)."""
        text = doc_text(self._doc)
        out = []
        for ent in sorted(self._entities, key=lambda e: min(s for s, _ in e.mentions)):
            if ent.type != "person" and not ent.aliases:
                continue
            spans = tuple(Span(text[s:e], s, e) for s, e in sorted(ent.mentions))
            name = composed(ent.name)
            seen = {name.lower()}
            aliases = []
            for a in map(composed, ent.aliases):  # names and descriptions, not pronouns
                if a.lower() not in seen and a.lower() not in PRONOUNS:
                    seen.add(a.lower())
                    aliases.append(a)
            out.append(
                Person(
                    name,
                    spans,
                    tuple(d for d in dict.fromkeys(ent.descriptors) if d not in COURTESY_TITLES),
                    ent.gender if ent.type == "person" else None,
                    aliases=tuple(aliases),
                    type=ent.type,
                )
            )
        return out

    def mentions_in(self, lo: int, hi: int) -> list[tuple[int, int, _Entity]]:
        """The mentions that start in ``lo:hi``, in text order."""
        m = self._mention_starts
        a = bisect.bisect_left(m, lo, key=_start)
        return m[a : bisect.bisect_left(m, hi, lo=a, key=_start)]

    def entity_at(self, start: int, end: int) -> _Entity | None:
        """The entity a mention span refers to, else None.

        In a longer span ("Her partner, ecologist Priya Raman") a name wins over
        a pronoun inside it; the name that heads the span wins over one in a
        clause that modifies it.
        """
        if self._answers is None:
            return self._entity_at(start, end)
        if (start, end) in self._answers:
            return self._answers[start, end]
        added = self._added
        ent = self._entity_at(start, end)
        if self._added == added:  # (else the answer may be of the index before the change)
            self._answers[start, end] = ent
        return ent

    def _entity_at(self, start: int, end: int) -> _Entity | None:
        ent = self._by_span.get((start, end))
        if ent is not None:
            return ent
        doc = self._doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        root = span.root
        if root.pos_ == "DET":
            # the parser hung the phrase on a word after it ("the email read" taken for
            # one noun phrase): its own noun heads it
            nouns = [
                t for t in span if t.pos_ in ("NOUN", "PROPN") and not start <= t.head.idx < end
            ]
            root = nouns[-1] if nouns else root
        if (cut := _time_tail(span)) < end:
            return self.entity_at(start, cut)  # "Tano this week"
        if root.lower_ in _RELATIVE and root.head.dep_ == "relcl":
            ante = noun_before_comma(root, names_only=True) or root.head.head
            found = self.entity_at(ante.idx, ante.idx + len(ante))
            if root.lower_ == "which" and found is not None and found.type == "person":
                # "..., Ruiz told Lane, which meant ...": "which" is no person; it takes
                # up what the clause before says, and its subject
                subj = [c for c in ante.head.children if c.dep_ == "nsubj" and c.i != ante.i]
                if ante.dep_ not in ("dobj", "dative", "pobj") or not subj:
                    return None
                return self.entity_at(subj[0].idx, subj[0].idx + len(subj[0]))
            return found
        inside = [m for m in self.mentions_in(start, end) if m[1] <= end]
        for s, e, x in inside:  # the name that heads the span
            if s <= root.idx < e:
                return x
        example = _named_example(root)
        if example is not None:
            found = self.entity_at(example.idx, example.idx + len(example))
            if found is not None and found.named and found.type == "person":
                return found
        text = doc_text(doc)
        for s, e, x in inside[:1]:
            # "Deborah Reynolds - Santilli's girlfriend and co-host -": a person's name
            # opening the span, then what she is
            rest = text[e:end]
            mark = rest.lstrip()[:1]
            # (a dash or a bracket set off by a space: not "Pro-Clinton")
            if (
                s == start
                and x.type == "person"
                and mark in _APPOS_MARKS
                and (mark == "," or rest[:1].isspace())
            ):
                return x
        # "Her partner, ecologist Priya Raman"; "The ambassador to Poland, Dan Fried, who
        # ..." (the parser sets the name beside the place)
        placed = [g for c in root.children if c.dep_ == "prep" for g in c.children]
        for child in [*root.children, *(g for p in placed for g in p.children)]:
            if child.dep_ == "appos" and (child.head.i == root.i or child.pos_ == "PROPN"):
                lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
                for s, e, x in inside:
                    # (not an owner's pronoun: "The second driver, his brother Tom Ash")
                    if lo <= s < hi and s <= child.idx + len(child):
                        if text[s:e].lower() in PRONOUNS and e < hi:
                            continue
                        return x
        # a work's maker, before a name closing its phrase ("calculations by Ana Ruiz of
        # the Hale Institute": hers, not the institute's)
        author = _author_of_work(root)
        if author is not None:
            found = self.entity_at(author.idx, author.idx + len(author))
            if found is not None and found.named and found.type in ("person", "organisation"):
                return found
        for s, e, x in inside:
            # a name closing the span: ", Dick Clark Productions,", "China's ambassador
            # to Britain Liu Xiaming", "Wikileaks editor-in-chief Kristinn Hrafnsson"
            if not text[e:end].strip(" ,") and text[s:e].lower() not in PRONOUNS:
                last = doc.char_span(s, e, alignment_mode="expand")
                if last is not None and _in_clause(last.root, root):
                    continue
                # not "a spokesman for the port"; but "envoy to Velo Tom Ortiz" in an
                # apposition, and a person named after the place of a title ("Ambassador
                # to the United Nations Samantha Power"; not "a spokesman for Ana Ruiz")
                if (
                    last is not None
                    and not _reader_of(last)
                    and (
                        not (last.root.dep_ == "pobj" and last.root.head.head.i == root.i)
                        or (x.type == "person" and _named_after_place(doc, last))
                    )
                ):
                    return x
        # a longer mention holding the span, unless the span is a name that owns it
        # ("Galois'" of "Galois' cousin, Gabriel Demante" is not the cousin; but "Service"
        # of "the Immigration and Naturalization Service's decision" is the service)
        owns = root.dep_ == "poss" and root.pos_ == "PROPN"
        owned = root.right_edge.idx + len(root.right_edge)  # (the possessive's end)
        for s, e, x in self.mentions_in(end - self._longest, start + 1):
            if end <= e and not (owns and (s == start or e > owned)):
                return x
        if root.pos_ == "PRON":
            # "some of Ruiz's allies" are the allies, not Ruiz (but "one of his aides, Tom
            # Lee" is Lee)
            part_of = [
                w
                for p in root.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for w in p.children
                if w.dep_ == "pobj" and w.pos_ == "NOUN"
            ]
            names = [
                m
                for m in inside
                if text[m[0] : m[1]].lower() not in PRONOUNS
                and not any(w.left_edge.idx <= m[0] < w.idx for w in part_of)
            ]
            if names:
                return names[0][2]
            return self._recent_body(root) if root.lower_ in ("it", "they") else None
        issuer = issuer_word(root) if root.pos_ == "NOUN" else None
        if issuer is not None and not joint_issuer(issuer):
            # "figures released Thursday by Crowdpac", "figures her campaign released" (two
            # issuers are no one entity: "a suit filed by Ruiz and Lee")
            found = self.entity_at(_issuer_start(issuer), issuer.idx + len(issuer))
            if found is not None and found.type in ("person", "organisation"):
                return found
        owner = _owner_of_words(root)
        if owner is not None:
            # "his response", "Ruiz's remarks": the words speak for their owner
            return self.entity_at(owner.left_edge.idx, owner.idx + len(owner))
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
        words = unglued([t.text for t in span if not t.is_punct])  # not "9:52PMBush"
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

    def sentence_of(self, pos: int) -> int:
        """The number of the sentence the character at ``pos`` is in."""
        if not self._tok_starts:
            # (from the arrays, as Doc.sents reads them: no Token object per token)
            idx, first = _sentence_starts(self._doc)
            self._tok_starts = idx
            self._tok_sent = (np.cumsum(first) - 1).tolist()
        k = bisect.bisect_right(self._tok_starts, pos) - 1
        return self._tok_sent[max(0, k)]

    def unit_of(self, pos: int) -> int:
        """A number that grows at each sentence start and each line break up to ``pos``:
        a sentence that the parser runs over a paragraph break (after a closing quote)
        counts as two."""
        if not self._unit_marks[0]:
            idx, first = _sentence_starts(self._doc)
            self._unit_marks = (
                [i for i, f in zip(idx, first.tolist(), strict=True) if f],
                [m.start() for m in re.finditer("\n", doc_text(self._doc))],
            )
        starts, breaks = self._unit_marks
        return bisect.bisect_right(starts, pos) + bisect.bisect_left(breaks, pos)

    def token_at(self, start: int, end: int) -> Token:
        """The head token of a mention span."""
        tok = self._roots.get((start, end))
        if tok is None:
            span = self._doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                self.sentence_of(start)  # fills the token starts
                tok = self._doc[max(0, bisect.bisect_right(self._tok_starts, start) - 1)]
            else:
                tok = span.root
            self._roots[(start, end)] = tok
        return tok

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quote_starts, pos) - 1
        return k >= 0 and pos < self._quoted[k][1]

    def _is_subject_at(self, start: int, end: int) -> int:
        """2 for the subject of a main clause, 1 of another clause, else 0."""
        span = self._doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return 0
        tok = span.root
        while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
            if tok.head.pos_ == "NOUN" and not span.start <= tok.head.i < span.end:
                return 0  # "Sanders campaign manager Jeff Weaver said": Weaver's subject
            tok = tok.head
        if tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"):
            tok = tok.head  # "Mr. Tano's plan is ...": the owner of the subject
        elif tok.dep_ == "appos" and (noun := _subject_in_apposition(tok)) is not None:
            tok = noun  # "A third critic, councilman Dan Ortiz, was blunter"
        if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
            return 2  # "According to treasurer Bob Klein, ...": the one who speaks
        if _verbless_subject(tok, span.start):
            return 2
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return 1 if _who_subject(tok) else 0
        verb = tok.head
        while verb.dep_ in ("conj", "aux", "auxpass") and verb.head.i != verb.i:
            verb = verb.head
        # the subject of the sentence's main verb (or of a clause that opens it: "When
        # Tano was asked, his answer ..."), or of a clause inside it
        if verb.dep_ == "advcl" and verb.i < verb.head.i and verb.head.dep_ == "ROOT":
            return 2
        if _parenthetical_saying(verb):
            return 2  # "The levy, Hale said, was a mistake": the one who speaks
        return 2 if verb.dep_ == "ROOT" or verb.head.i == verb.i else 1


def same_speaker(a: Speaker, b: Speaker, people: PeopleIndex | None = None) -> bool:
    """Whether two speaker mentions are one speaker.

    While the quotes are found (``people``, the article's index): the same entity where
    the index knows both mentions; else the same name, but for a personal pronoun ("he"
    and "he" may be two men; a "he" the index does not know at its span is no surer a
    match for being named "Lee").  Without the index (the quotes of a record, each
    speaker named by it): the same known name.
    """
    if people is None:
        return bool(a.name) and a.name == b.name
    ent_a, ent_b = people.entity_at(a.start, a.end), people.entity_at(b.start, b.end)
    if ent_a is not None and ent_b is not None:
        return ent_a is ent_b
    pronoun = {a.mention.lower(), b.mention.lower()} & PERSONAL_SUBJECTS
    return a.name == b.name and not pronoun


def _subject_in_apposition(name: Token) -> Token | None:
    """The common-noun subject a name stands in apposition to: "A third critic, councilman
    Dan Ortiz, was blunter", through another apposition ("The last driver, her uncle Tom
    Lee, 40, said"), or hung by the parser on the last noun of the subject's phrase ("One
    pastor backing Mr. Ruiz, Tom Lee of ..., said": the verb follows the name's phrase)."""
    tok = name
    while tok.dep_ == "appos" and tok.head.pos_ == "NOUN" and tok.head.i != tok.i:
        tok = tok.head
    if tok.i != name.i and tok.dep_ in ("nsubj", "nsubjpass"):
        return tok
    doc = name.doc
    k = name.right_edge.i + 1
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    verb = doc[k + 1]
    while verb.dep_ in ("aux", "auxpass") and verb.head.i > verb.i:
        verb = verb.head
    for c in verb.children:
        if (
            c.dep_ in ("nsubj", "nsubjpass")
            and c.pos_ == "NOUN"
            and c.i < name.head.i <= c.right_edge.i
        ):
            return c
    return None


def _parenthetical_saying(verb: Token) -> bool:
    """A verb of saying set into its main clause with a subject of its own ("The jabs,
    Graham said, were unacceptable"): the main clause is what its subject said."""
    return (
        verb.dep_ == "parataxis"
        and verb.head.dep_ == "ROOT"
        and verb.lemma_.lower() in SPEECH_VERBS
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _who_subject(tok: Token) -> bool:
    """Whether a name is the subject of a relative clause on it or on its apposition
    ("there was Tom Lee, who said ...", "thanks to Ana Ruiz, a delegate who dressed up
    ..."): the one the clause is about, as a subject is."""
    nouns = [tok, *(c for c in tok.rights if c.dep_ == "appos")]
    return any(
        c.dep_ == "relcl"
        and any(w.dep_ in ("nsubj", "nsubjpass") and w.lower_ in ("who", "that") for w in c.lefts)
        for n in nouns
        for c in n.rights
    )


def noun_before_comma(rel: Token, *, names_only: bool = False) -> Token | None:
    """What a relative pronoun after a comma stands for: the noun right before the comma
    (``..., Patti Lane and Stevie Ward, who joked``: the parser may hang the clause on
    the head of the list or on a noun further back), or what a name in a phrase there
    belongs to (``Sen. Jeff Flake, Republican of Arizona, who``: the senator, not the
    state; ``nervous Democrats on Capitol Hill, who``).  ``names_only``: a proper name
    or nothing."""
    doc = rel.doc
    k = rel.i - 1
    if k < 1 or doc[k].text != ",":
        return None
    k -= 1
    while k > 0 and doc[k].pos_ == "ADV":
        k -= 1  # "demonstrators here, who"
    near = doc[k]
    if near.pos_ not in (("PROPN",) if names_only else ("NOUN", "PROPN")):
        return None
    while near.dep_ in ("compound", "flat") and near.i < near.head.i < rel.i:
        near = near.head
    prep = near.head
    if (
        near.pos_ == "PROPN"
        and near.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.head.pos_ in ("PROPN", "NOUN")
        # "an anomaly for Kaine, who": a person, not a thing ("a backer of Ted Cruz, who":
        # the backer)
        and (near.ent_type_ != "PERSON" or people_noun(prep.head.lemma_.lower()))
    ):
        near = prep.head
        while near.dep_ == "appos" and near.head.i < near.i:
            near = near.head  # "Jeff Flake, Republican of Arizona, who"
        if names_only and near.pos_ != "PROPN":
            return None
    return near


def _in_clause(tok: Token, head: Token) -> bool:
    """Is ``tok`` inside a clause on a word below ``head``: a relative clause ("the groups
    who wrote to | her", "the man who met | Ana Ruiz") or a participle's ("a study
    published in | the Medical Journal"), but not as the agent that made what it
    describes ("a statement issued by | the Pentagon"; not "seen by Sky News"), nor
    before its verb, nor after a comma in it (the parser hangs an apposition there:
    "The company that runs the AMAs, | Dick Clark Productions")?"""
    name, prev = tok, tok
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD")):
            # (VBD: the tagger's slip for a participle; a name before the verb is its
            # subject, who may well speak: "a speech Mrs. Clinton gave")
            if name.i < tok.i:
                return False
            doc = tok.doc
            if any(t.text == "," for t in doc[tok.left_edge.i : name.left_edge.i]):
                return False
            if tok.dep_ == "relcl":
                return True
            return not (prev.dep_ == "agent" and tok.lemma_.lower() not in _READ_VERBS)
        prev, tok = tok, tok.head
    return False


def _reader_of(name: SpacySpan) -> bool:
    """A name that is the agent of a participle of reading or getting: "a letter seen by
    | Sky News", "papers obtained by | our correspondent"."""
    by = name.root.head
    return (
        name.root.dep_ == "pobj"
        and by.lower_ == "by"
        and by.head.tag_ == "VBN"
        and by.head.lemma_.lower() in _READ_VERBS
    )


def _named_after_place(doc: Doc, name: SpacySpan) -> bool:
    """A person's name that follows a place or body's name in one phrase after an
    envoy's title or a title "of" it: "Ambassador to the United Nations | Samantha
    Power", "envoy to Syria | Ana Ruiz", "Governor of Washington | Chris Gregoire",
    "Minister for Health | Simon Hale",
    "CEO of the Refugee Council | Enver Solomon" (not "supporters of Democrat Hillary
    Clinton")."""
    prep = name.root.head
    title = prep.head.lower_
    if not (
        (prep.lower_ in ("to", "for") and title in _ENVOYS)
        or (prep.lower_ in ("of", "for") and (title in TITLES or title in ROLE_NOUNS))
    ):
        return False
    left = name.root.left_edge.i
    before = [t for t in doc[left : name.start] if t.lower_ != "the"]
    # (not a title of the name's own: "a representative for Mr. Pinchuk")
    return bool(before) and all(
        (t.pos_ == "PROPN" or t.is_title) and t.lower_ not in TITLES for t in before
    )
