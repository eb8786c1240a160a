"""How :class:`~saidwhen.extract.people.index.PeopleIndex` resolves a description
("the fisherman", "the company", "the statement") to one of its entities."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from saidwhen.extract.lexicon import FEMALE_WORDS, MALE_WORDS, ROLE_NOUNS, SPEECH_VERBS, TITLES
from saidwhen.extract.people.entity import _Entity
from saidwhen.extract.people.names import (
    _ANY_BODY_NOUNS,
    _DOC_NOUNS,
    _ISSUED_NOUNS,
    _NOUN_GENDER,
    _ORG_NOUNS,
    _PERSON_NOUNS,
    _PLACE_LABELS,
    ISSUING_VERBS,
    PRONOUNS,
    Gender,
    _clean_mention,
    _issuer_start,
    _stem,
    issuer_word,
    joint_issuer,
    lowered_at,
    person_noun,
)
from saidwhen.extract.speech.view import article_view
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Token


# nouns for a person's role, or for a woman or a man ("the first lady")
_ROLES = ROLE_NOUNS | FEMALE_WORDS | MALE_WORDS


# a role inside a longer word: "neurosurgeon", "co-founder", "ex-senator"
_ROLE_ENDINGS = tuple(sorted(r for r in ROLE_NOUNS if len(r) >= 5))


# relatives a possessive names ("my husband", "her son"), with their gender
_KIN: dict[str, Gender] = {
    **dict.fromkeys(
        "wife mother daughter sister girlfriend grandmother aunt niece mom mum".split(), "female"
    ),
    **dict.fromkeys(
        "husband father son brother boyfriend grandfather uncle nephew dad".split(), "male"
    ),
}
_KIN_WORDS = frozenset(_KIN)

# how far back (in characters) a person described so was last named for the subject of
# the sentence before to be the likelier one
_FAR = 600

# what says a role was held, not held now: "the former president" is not President Ruiz
_FORMER = frozenset({"former", "ex", "onetime", "one-time", "erstwhile"})

# a party a description or a name's title gives: "the Republican governor" is not
# "Democratic Gov. Paul Brandt"
_PARTIES = {"republican": "R", "gop": "R", "democratic": "D", "democrat": "D"}


# what a plain description of someone calls them, their gender only ("the woman")
_PLAIN_PEOPLE = frozenset({"man", "woman"})
# a he/she a description's verb acts on ("chanted at him") is not the one it describes,
# but for a reflexive ("the impostor praised himself")
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
_REFLEXIVE = frozenset({"himself", "herself"})


def named_in_apposition(root: Token) -> Token | None:
    """The proper name set in apposition to a description, beside its head or beside a
    place or body the description names ("The director of the centre, Ina Kirsch,": the
    parser hangs the name on "centre"), else None."""
    placed = [g for c in root.children if c.dep_ == "prep" for g in c.children]
    for child in [*root.children, *(g for p in placed for g in p.children)]:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i > root.i:
            return child
    return None


def _personal(tok: Token) -> Gender | bool | None:
    """Whether an indefinite subject names a person, with the gender it tells: a
    person's noun ("a cashier ... she has heard": female), one a "who" clause describes,
    a nationality or faith ("another Muslim"); False for none of these."""
    told: Gender | None = _NOUN_GENDER.get(tok.lemma_.lower())
    for t in tok.head.subtree:
        if t.i > tok.i and t.pos_ == "PRON" and (g := PRONOUNS.get(t.lower_)) is not None:
            told = told or g
            break
    who = any(
        c.dep_ == "relcl" and any(g.tag_ == "WP" and g.lower_ == "who" for g in c.children)
        for c in tok.children
    )
    if person_noun(tok.lemma_.lower()) or who or tok.ent_type_ == "NORP" or told is not None:
        return told
    return False


def _place_words(tokens: Iterable[Token]) -> set[str]:
    """The lower-case words of the places among ``tokens`` ("the Texas senator"), not a
    party's ("Republican", which the tagger may call a place)."""
    return {t.lower_ for t in tokens if t.ent_type_ == "PLACE" and t.lower_ not in _PARTIES}


def _agent_noun(noun: str, verb: str) -> bool:
    """Whether ``noun`` names one who does ``verb``: "fisherman" of "fish", "founder" of
    "found", "owner" of "own", "baker" of "bake", "runner" of "run"."""
    if len(verb) < 3 or not verb.isalpha():
        return False
    stem = verb[:-1] if verb.endswith("e") else verb
    if noun in (stem + "er", stem + "or", verb + "sman", verb + "erman"):
        return True
    return noun == verb + verb[-1] + "er" and verb[-1] not in "aeiouwy"


def _agent_verbs(noun: str) -> list[str]:
    """The verbs whose doer ``noun`` names (see :func:`_agent_noun`): "bake" of "baker",
    "run" of "runner"."""
    stem = noun[:-2]
    return [
        v
        for v in dict.fromkeys((stem, stem + "e", noun[:-3], noun[:-4], noun[:-5]))
        if _agent_noun(noun, v)
    ]


def _first(item: tuple[int, int, int]) -> int:
    return item[0]


def _is_role(words: set[str]) -> bool:
    """Whether a description's nouns name a role or a woman or man ("the retired
    neurosurgeon", "the former actress and minister")."""
    return bool(words & _ROLES) or any(w.endswith(_ROLE_ENDINGS) for w in words)


def _roles_gender(roles: set[str]) -> Gender | None:
    """The gender the nouns of a description give ("actress", "lady")."""
    for w in sorted(roles):
        if w in _NOUN_GENDER:
            return _NOUN_GENDER[w]
        if w in FEMALE_WORDS:
            return "female"
        if w in MALE_WORDS:
            return "male"
    return None


def _shares_word(ent: _Entity, lemma: str, lower: str) -> bool:
    """Whether a description's noun (its lower-case lemma and form) is one of the
    entity's words (:meth:`head_words`); a body's noun never names a person ("the
    campaign" is not its "campaign manager"), nor does a document's ("the poll" is no
    one's descriptor read off "Poll: Ruiz ...")."""
    if ent.type == "person" and lemma in _ORG_NOUNS and lemma not in _PERSON_NOUNS:
        return False
    if ent.type == "person" and lemma in _ISSUED_NOUNS:
        return False
    heads = ent.head_words()
    if not (lemma in heads or lower in heads):
        return False
    if ent.type == "person" or _name_head(ent.tokens) in (lemma, lower):
        return True
    # a body's other words name no kind of it ("his campaign" is no "Campaign Legal
    # Center"), its descriptors may
    told = {w for d in ent.descriptors for w in re.split(r"[\s-]+", d.lower()) if w}
    return lemma in told or lower in told


# the words that end a body's head before what follows it ("Bank of Velo")
_NAME_LINKS = frozenset("of for to on in at and &".split())


def _name_head(tokens: list[str]) -> str:
    """The lower-case word that says what kind of body a name is: its last word before a
    linking word ("Bureau" of "Federal Bureau of Investigation", "Center" of "Campaign
    Legal Center")."""
    low = [w.lower() for w in tokens]
    for k in range(1, len(low)):
        if low[k] in _NAME_LINKS:
            return low[k - 1]
    return low[-1] if low else ""


def _trade(lemma: str) -> bool:
    """Whether a noun names a trade or a role ("physician", "pediatrician", "senator"),
    not what people do or think ("supporter", "critic")."""
    return lemma in ROLE_NOUNS or lemma.endswith(("ist", "ian"))


def _told_alike(ent: _Entity, lemma: str, mods: frozenset[str]) -> bool:
    """Whether a person's description before their name (its noun's lemma, and the
    adjectives before it, :func:`_told_mods`) says what their own descriptor says in
    other words: a modifier of both ("Lazar's public defense counsel", then "public
    defender Ana Ruiz") or a woman's or man's role ("Clinton's right-hand woman", then
    "vice chairwoman Ana Ruiz")."""
    if ent.type != "person" or not person_noun(lemma):
        return False  # (not "the executive team", "Rubio's campaign")
    heads = ent.head_words()
    if lemma in ("woman", "man") and any(
        h.endswith(lemma) and (lemma == "woman" or not h.endswith("woman")) for h in heads
    ):
        return True
    return bool(mods & heads)


def _told_mods(root: Token) -> frozenset[str]:
    """The adjectives before a description's noun that :func:`_told_alike` compares: an
    adjective, not a noun's ("Trump's campaign manager" is not "campaign chairman Chad
    Sweet"), also a modifier's ("public" of "public defense"), not "former"."""
    mods = {
        c.lower_
        for c in root.subtree
        if c.i < root.i and c.dep_ == "amod" and c.is_alpha and c.is_lower and len(c) > 3
    }
    return frozenset(mods - _FORMER)


# what a company is called in a description ("the company", "the firm")
_COMPANY_NOUNS = frozenset("company firm startup maker retailer chain label".split())
# the last word of a body's name that says it is no company ("Missouri Senate",
# "Justice Department", "Democratic Party", "the Stock Exchange")
_NO_COMPANY = (_ORG_NOUNS - _ANY_BODY_NOUNS) | frozenset(
    "senate house assembly congress parliament legislature university school".split()
    # a market and its figures ("the New York Stock Exchange", "the Nasdaq Composite
    # Index") are named beside the companies that trade there
    + "exchange index average".split()
)


def _other_kind(ent: _Entity, lemma: str) -> bool:
    """Whether a body's name says it is of another kind than a company description
    ("the company" is not the "Missouri Senate")."""
    return lemma in _COMPANY_NOUNS and bool(ent.tokens) and ent.tokens[-1].lower() in _NO_COMPANY


def _other_office(ent: _Entity, root: Token) -> bool:
    """Whether ``ent`` holds an office other than the one a description names ("Mayor
    Ann Cole" is no "the fisherman")."""
    words = {w.rstrip(".") for d in ent.descriptors for w in d.split()}
    return bool(words & TITLES) and root.lemma_.lower() not in words


class _Descriptions:
    """The description half of :class:`~saidwhen.extract.people.index.PeopleIndex`:
    the index's state and methods that it uses are declared here for the type checker."""

    _doc: Doc
    _entities: list[_Entity]
    _by_span: dict[tuple[int, int], _Entity]
    _flags: dict[int, tuple[bool, int]]
    _mention_starts: list[tuple[int, int, _Entity]]
    _unnamed: dict[int, _Entity]
    _longest: int
    _doc_text: str
    # a verb's lemma -> (start, order filed, end) of the mentions of those who do it
    _doers: dict[str, list[tuple[int, int, int]]]
    _doers_filed: int
    _undone: list[tuple[int, int]]  # mentions not yet filed under their verbs

    if TYPE_CHECKING:

        def entity_at(self, start: int, end: int) -> _Entity | None: ...

        def _recent(
            self,
            at: int,
            gender: Gender | None,
            window: int = 8000,
            skip: frozenset[int] = frozenset(),
            frame: bool = True,
            subject: bool = False,
        ) -> _Entity | None: ...

        def _add_mention(self, ent: _Entity, start: int, end: int) -> None: ...

        def token_at(self, start: int, end: int) -> Token: ...

        def mentions_in(self, lo: int, hi: int) -> list[tuple[int, int, _Entity]]: ...

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
        party = {_PARTIES[t.lower_] for t in root.lefts if t.lower_ in _PARTIES}
        former = any(c.dep_ == "amod" and c.lower_ in _FORMER for c in root.children)
        places = _place_words(t for t in root.subtree if t.i < root.i)
        if any(c.dep_ == "nummod" and c.lower_ == "one" for c in root.children):
            dets.add("a")  # "one neo-bank CEO": one of many, a new source
        members = [
            w
            for prep in root.children
            if prep.dep_ == "prep" and prep.lower_ == "of" and lemma in ("group", "coalition")
            for w in prep.children
            if w.dep_ == "pobj" and w.tag_ == "NNS"
        ]  # "a group of nurses"
        if (plural or members) and not poss:
            body = self._people_body(members[0].lemma_.lower() if members else lemma)
            if body is not None:
                return body  # "the nurses" of "Nurses for Clean Water"
        if root.dep_ == "compound":  # "the office release": the article's "the" is the head's
            dets |= {c.lower_ for c in root.head.children if c.dep_ == "det"}
        if (
            not dets & {"the", "this", "that", "these", "those"}
            and (root.pos_ == "NOUN" or lemma in ROLE_NOUNS)  # "CEO" is tagged PROPN
            and not poss
        ):
            if dets & {"a", "an"} and not plural:
                # "a career Army officer who ..." then "Lt. Col. Ann Vick told ...": the
                # person named next with that description; a person's noun must be the
                # one named ("A Treasury spokesman" is not "Treasury Secretary Lew"),
                # a document's author may share its other words ("a campaign memo")
                found = self._named_next(at, {_stem(lemma)} if person_noun(lemma) else words)
                if found is None and lemma in _ISSUED_NOUNS:
                    found = self._issued_here(root, at)
                return found
            return None  # "a spokesman", "officials": a new source, not one named before
        best: tuple[float, _Entity] | None = None
        low = root.lower_
        # "the company", "the production company": the last body named (not "the board",
        # "the ministry": a body of that name, else no one named)
        body_noun = not poss and lemma in _ORG_NOUNS and not plural and lemma in _ANY_BODY_NOUNS
        for ent in self._entities:
            if (plural and ent.type in ("person", "unnamed")) or id(ent) in owners:
                continue  # (an unnamed source is one: "a senior adviser" is no "advisers")
            named = _shares_word(ent, lemma, low)
            if not named and not (
                body_noun and ent.type == "organisation" and not _other_kind(ent, lemma)
            ):
                continue  # checked first: the mentions are read only for a candidate
            stems = {_stem(w) for w in ent.head_words()}
            if not named and not words - {_stem(lemma)} <= stems:
                continue
            if former and named and not self._held_formerly(ent, at):
                continue  # "President Ruiz" is no "former president"
            if named and self._other_party(ent, party):
                continue
            # "the New Jersey governor": not "former Florida governor Jeb Bush"
            homes = self._homes(ent, at) if named and places else set()
            if homes and not homes & places:
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
            if named:
                score = last + 10_000 * (len(words & stems) + bool(homes))
            else:
                # the body the article is about (named most often so far) over a passer-by
                seen = sum(1 for s, _ in ent.mentions if s < at)
                score = last - 100_000 + 10_000 * len(words & stems) + 200 * seen
            if best is None or score > best[0]:
                best = (score, ent)
        if best is None and lemma in _ISSUED_NOUNS and not plural:
            return self._author(root, at, nearest=lemma in _DOC_NOUNS)
        if best is None and not poss:
            source = self._unnamed_source(root, plural)
            if source is not None:
                return source
        if best is None and not plural and root.pos_ == "NOUN":
            doer = self._doer(lemma, at)
            if doer is not None:
                return doer
        roles = {lemma, *(c.lemma_.lower() for c in root.conjuncts)}
        if best is None and _is_role(roles) and not plural and not poss:
            # "said the actor" with no actor named, "the former actress and minister
            # said": the person in view, if not of another gender than its own he/she
            # tells ("The former senator began her speech")
            subject = root.dep_ in ("nsubj", "nsubjpass")
            found = self._recent(at, _roles_gender(roles), subject=subject)
            told = self._own_pronoun(root)
            if found is not None and told is not None and found.gender not in (told, None):
                found = self._recent(at, told, subject=subject)
            talked_of = self._named_in_own_clause(root) if subject else frozenset()
            if found is not None and id(found) in talked_of:
                # "The last man to run as a third party says he doubts Vance will run": not
                # Vance, whom the description's own clause talks of
                found = self._recent(at, told or _roles_gender(roles), skip=talked_of, subject=True)
            if lemma in _PLAIN_PEOPLE and dets & {"the"}:
                # "a middle-aged cashier was shaken ... said the woman": the unnamed one
                # met since the person in view was last named (not a he/she: the
                # cashier's own "she" may have been read as that person's)
                text = self._doc_text
                since = max(
                    (
                        s
                        for s, e in (found.mentions if found is not None else ())
                        if s < at and text[s:e].lower() not in PRONOUNS
                    ),
                    default=-1,
                )
                source = self._indefinite_before(root, _NOUN_GENDER.get(lemma), since)
                if source is not None:
                    return source
            if found is not None and self._other_party(found, party):
                return None  # "the Republican front-runner" is not the Democrat in view
            return found
        if best is None:  # a description before the name: "Velo's ambassador ... Kano said"
            told_mods = frozenset() if plural else _told_mods(root)
            after = [
                (min(s for s, _ in e.mentions), e)
                for e in self._entities
                if (
                    _shares_word(e, lemma, low) or (not plural and _told_alike(e, lemma, told_mods))
                )
                and id(e) not in owners
                and not (plural and e.type == "person")
                and not self._other_party(e, party)
            ]
            after = [a for a in after if at < a[0] < at + 1500]
            if after:
                return min(after, key=lambda a: a[0])[1]
            if (
                not plural
                and not poss
                and root.pos_ == "NOUN"
                and dets & {"the", "this"}
                and lemma not in _ORG_NOUNS
                and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in root.children)
            ):
                return self._epithet(root, at)  # (not "the Trump campaign": a body)
        if best is not None and best[1].type == "person" and not poss and not plural:
            return self._in_view_over(best[1], root, at)
        return best[1] if best else None

    def _epithet(self, root: Token, at: int) -> _Entity | None:
        """ "The radio talker ... his speeches", "The impostor gushed ... He pledged": a
        description of no one named so that a he/she takes up in its own clause or as the
        next sentence's subject is the person that he/she would be, in view before it."""
        gender = self._taken_up(root)
        return self._recent(at, gender) if gender is not None else None

    def _taken_up(self, root: Token) -> Gender | None:
        """The gender of the he/she that takes up a description: in the clause it is the
        subject of ("The talker filled his speeches"), or the subject of the next sentence,
        with no one named in between."""
        if root.dep_ not in ("nsubj", "nsubjpass"):
            return None
        doc = self._doc
        verb = root.head
        nxt = root.sent.end
        cands = [t for t in verb.subtree if t.i > root.i]
        if nxt < len(doc):
            cands += [t for t in doc[nxt].sent if t.dep_ in ("nsubj", "nsubjpass")][:1]
        for tok in cands:
            if tok.pos_ == "PRON" and (gender := PRONOUNS.get(tok.lower_)) is not None:
                acts = tok.head.head if tok.dep_ == "pobj" else tok.head
                if tok.dep_ in _OBJECT_DEPS and acts.i == verb.i and tok.lower_ not in _REFLEXIVE:
                    # "The crowd chanted back at him": the one its verb acts on is another
                    return None
                return gender
            if tok.ent_type_ == "PERSON" or self._by_span.get((tok.idx, tok.idx + len(tok))):
                return None  # someone named between: the pronoun may be theirs
        return None

    def _named_in_own_clause(self, root: Token) -> frozenset[int]:
        """The ids of the entities named in the clause a subject description opens, after
        the description itself: the ones it talks of, not the one it describes."""
        verb = root.head
        lo = root.right_edge.idx + len(root.right_edge)
        hi = verb.right_edge.idx + len(verb.right_edge)
        # (not in a clause on a word of it: "his comments, which drew criticism that Vance
        # ...")
        aside = [
            (t.left_edge.idx, t.right_edge.idx + len(t.right_edge))
            for t in verb.subtree
            if t.dep_ in ("relcl", "acl") and t.i > root.i
        ]
        return frozenset(
            id(x)
            for s, e, x in self.mentions_in(lo, hi)
            if self._doc_text[s:e].lower() not in PRONOUNS and not any(a <= s < b for a, b in aside)
        )

    def _own_pronoun(self, root: Token) -> Gender | None:
        """The gender of the his/her a subject description's clause gives it ("The former
        senator began her speech"; not an object, "the businessman had praised her"),
        when no one is named before it in the clause."""
        if root.dep_ not in ("nsubj", "nsubjpass"):
            return None
        for tok in root.head.subtree:
            if tok.i <= root.i:
                continue
            if tok.dep_ == "poss" and (gender := PRONOUNS.get(tok.lower_)) is not None:
                return gender
            if tok.ent_type_ == "PERSON" or self._by_span.get((tok.idx, tok.idx + len(tok))):
                return None
        return None

    def add_relatives(self) -> None:
        """Add the relatives a possessive names and no name goes with ("my husband", "her
        son", not "his wife, Rena Dale") as unnamed people of their gender, for a he/she
        after them ("My husband met them, and he said ...")."""
        doc = self._doc
        for i in lowered_at(doc, _KIN_WORDS):
            tok = doc[i]
            gender = _KIN[tok.lower_]
            if tok.pos_ != "NOUN" or tok.tag_ != "NN":
                continue
            poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"]
            if not poss or any(c.dep_ in ("appos", "relcl", "acl") for c in tok.children):
                continue
            if tok.dep_ == "appos" or (tok.dep_ in ("attr", "compound")):
                continue  # "Lee, her husband,", "Lee is my husband": the named one
            nxt = tok.i + 1
            while nxt < len(doc) and doc[nxt].is_space:
                nxt += 1  # (a page's no-break space: "his nephew\xa0Ali Soheil")
            if nxt < len(doc) and self.mentions_in(doc[nxt].idx, doc[nxt].idx + 1):
                continue  # "his nephew Ali Soheil": the named one
            lo, hi = poss[0].idx, tok.idx + len(tok)
            if any(lo < e for _, e, _ in self.mentions_in(lo - self._longest, hi)):
                continue  # a name's mention ("Her Majesty"), or a noun joined to one
            if (known := self._described(tok, lo)) is not None and known.type == "person":
                continue  # "Trump's son Eric ... his son": the son named
            # (no descriptor: "Lee's wife" is not the "his wife" of another man)
            ent = _Entity(tokens=doc_text(doc)[lo:hi].lower().split(), named=False)
            if gender == "female":
                ent.female += 1
            else:
                ent.male += 1
            self._entities.append(ent)
            self._add_mention(ent, lo, hi)

    def link_role(self, tok: Token) -> None:
        """Add a subject "the model", "the former chief" to the one person described by
        one of its words (and that word to their descriptors); a "former" role only to
        one who held it before."""
        det = [c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"]
        if not det or named_in_apposition(tok) is not None:
            return  # "The director of the centre, Ina Kirsch, said": the name tells who
        doc = self._doc
        span = doc[det[0].i : tok.i + 1]
        subject = tok.dep_ in ("nsubj", "nsubjpass") or tok.head.dep_ in ("nsubj", "nsubjpass")
        # (not its "the": a descriptor "the former mayor of X" shares that with any)
        words = {w for t in span[1:] for w in re.split(r"[-–]", t.lower_) if w}
        former = bool(words & _FORMER)
        party = {_PARTIES[w] for w in words if w in _PARTIES}
        ents = [
            e
            for e in self._entities
            if e.type == "person"
            and (
                words & e.head_words()  # (a title told as its role: "Sen." is a senator)
                if e.last_before(span.start_char) >= 0
                # one named after it only from a heading, a line of one sentence ("Ten
                # things the mayor said"): the text below tells who
                else self._heading(tok)
                and any(w in words for d in e.descriptors for w in d.split())
            )
            and not (former and not self._held_formerly(e, span.start_char))
            and not self._other_party(e, party)
            # an object shares its noun, not only a modifier ("serving as the de facto
            # campaign manager" is not "campaign chairman Paul Manafort")
            and (subject or tok.lower_ in e.head_words())
        ]
        found = None
        if len(ents) == 1:
            found = self._in_view_over(ents[0], tok, span.start_char)
        elif not ents and tok.tag_ == "NN" and not any(c.dep_ == "poss" for c in tok.children):
            # no one described so yet: the person "the Vermont senator said" stands for
            # is then the senator of a later "the senator" (not whoever spoke last)
            spoke = subject and tok.head.lemma_.lower() in SPEECH_VERBS
            found = self.entity_at(span.start_char, span.end_char)
            if found is not None and (
                found.type != "person" or not found.named or found.last_before(span.start_char) < 0
            ):
                found = None  # (one named after it is no one it takes up)
            if found is not None and not spoke and not self._main_person(found, tok):
                found = None
        if found is not None:
            self._add_mention(found, span.start_char, span.end_char)
            compounds = [t.lower_ for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"]
            found.descriptors.append(" ".join([*compounds, tok.lower_]))

    def _main_person(self, ent: _Entity, tok: Token) -> bool:
        """Whether a role met elsewhere than as a speaker ("to caricature the Texas
        senator", "talk about the candidate's plan") is safely the person in view: the one
        named most often before it, and, but for a possessive, not its own clause's subject
        ("she's to the left of the Vermont senator" is no senator she)."""
        at = tok.idx
        seen = {
            id(e): n
            for e in self._entities
            if e.type == "person" and (n := sum(1 for s, _ in e.mentions if s < at))
        }
        if seen.get(id(ent), 0) < max(seen.values(), default=0):
            return False
        if tok.dep_ == "poss":
            return True
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        return not any(
            self.entity_at(c.idx, c.idx + len(c)) is ent
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass")
        )

    def _heading(self, tok: Token) -> bool:
        """Whether a token's sentence is a line of its own."""
        text, view = self._doc_text, article_view(tok.doc)
        a, b = view.sentence_range(tok.i)
        lo, end = view.idx[a], view.idx[b - 1] + len(view.texts[b - 1])
        hi = lo + len(text[lo:end].rstrip())  # (the parser keeps the line break in it)
        return (lo == 0 or text[lo - 1] == "\n") and text[hi : hi + 1] in ("", "\n")

    def _in_view_over(self, described: _Entity, root: Token, at: int) -> _Entity:
        """The main subject of the sentence right before a subject description, over the
        one it describes when that one was last named far back ("star Selenis Leyva
        opened up ... The actress explained", an actress named items before); not for
        an office ("the president")."""
        if root.dep_ not in ("nsubj", "nsubjpass"):
            return described
        last = described.last_before(at)
        # named near by: in this paragraph, not far back (a newcomer in a paragraph since
        # takes the description over: "actor Tom Reyes ... \n\n star Marco Diaz ...
        # the actor held")
        near = last > at - _FAR and "\n" not in self._doc_text[last:at]
        if root.lemma_.lower() in TITLES:
            return described  # an office has one holder: "the president" named far back
        doc = self._doc
        sent = root.sent
        if sent.start == 0:
            return described
        prev = doc[sent.start - 1].sent
        gender = _roles_gender({root.lemma_.lower()})
        for s, _, ent in self.mentions_in(prev.start_char, sent.start_char):
            quoted, level = self._flags.get(s, (False, 0))
            if level and not quoted and ent.type == "person" and ent.named:
                if last > at - _FAR and (
                    near or min(m for m, _ in ent.mentions) < last or _other_office(ent, root)
                ):
                    break  # named near by, and no newcomer since: the one described
                if ent.gender in (gender, None) or gender is None:
                    return ent
                break
        return described

    def _other_party(self, ent: _Entity, party: set[str]) -> bool:
        """Whether the person's names give a party and none of ``party``, the parties a
        description gives ("the state's Republican governor", then "Democratic Gov.
        Paul Brandt")."""
        if not party or ent.type != "person":
            return False
        found: set[str] = set()
        for s, e in ent.mentions:
            tok = self.token_at(s, e)
            found |= {
                _PARTIES[t.lower_] for t in tok.subtree if t.i < tok.i and t.lower_ in _PARTIES
            }
        return bool(found) and not found & party

    def _homes(self, ent: _Entity, at: int) -> set[str]:
        """The places the article puts before a person's name up to ``at`` ("New Jersey
        Gov. Chris Christie", "former Florida governor Jeb Bush"): their lower-case words."""
        found: set[str] = set()
        if ent.type != "person":
            return found
        for s, e in ent.mentions:
            if s < at:
                tok = self.token_at(s, e)
                found |= _place_words(t for t in tok.subtree if t.i < tok.i)
        return found

    def _held_formerly(self, ent: _Entity, at: int) -> bool:
        """Whether the article gave a person a role as held before ("former President
        Tano", "Tano, a former minister") by the time of ``at``."""
        if any(_FORMER & set(d.split()) for d in ent.descriptors):
            return True
        for s, e in ent.mentions:
            if s >= at:
                continue
            tok = self.token_at(s, e)
            if any(t.lower_ in _FORMER for t in tok.subtree if t.i < tok.i):
                return True
        return False

    def _doer(self, noun: str, at: int) -> _Entity | None:
        """The person last said to do what ``noun`` names ("Lee, who has fished the bay"
        or "Lee founded the firm", then "the fisherman", "the founder"): the subject of the
        verb, or the name a relative clause of that verb describes."""
        return self._last_doer(_agent_verbs(noun), at, ("person",))

    def _last_doer(
        self, verbs: Iterable[str], at: int, types: tuple[str, ...], reach: int | None = None
    ) -> _Entity | None:
        """The entity of one of ``types`` last filed before ``at`` (no further back than
        ``reach`` characters) as the subject of one of ``verbs`` (see :meth:`_index_doers`)."""
        self._index_doers()
        doers = self._doers
        if isinstance(verbs, frozenset) and len(verbs) > len(doers):
            verbs = [v for v in doers if v in verbs]  # (the best does not hang on the order)
        best: tuple[int, int, _Entity] | None = None
        for verb in verbs:
            spans = doers.get(verb, [])
            # the last mention before ``at`` that is still of a type (types settle late)
            for k in range(bisect.bisect_left(spans, at, key=_first) - 1, -1, -1):
                s, order, e = spans[k]
                if reach is not None and s < at - reach:
                    break
                ent = self._by_span.get((s, e))
                if ent is not None and ent.type in types:
                    if best is None or (s, order) > best[:2]:
                        best = (s, order, ent)
                    break
        return best[2] if best else None

    def _index_doers(self) -> None:
        """File the mentions added since the last call under the verbs they do (see
        :meth:`_doer`): each mention is read once, not once a description."""
        if not self._undone:
            return
        view = article_view(self._doc)
        dep, kids = view.dep, view.children
        for s, e in self._undone:
            k = self.token_at(s, e).i
            # "Lee, who has fished ...", "Lee founded ... and runs ..."
            verbs = [
                v
                for v in kids[k]
                if dep[v] == "relcl"
                and any(dep[c] == "nsubj" and view.tag[c] == "WP" for c in kids[v])
            ]
            if dep[k] == "nsubj":
                verbs.append(view.head[k])
            verbs += [c for v in list(verbs) for c in kids[v] if dep[c] == "conj"]
            self._doers_filed += 1
            for lemma in {view.lemma[v] for v in verbs if view.pos[v] == "VERB"}:
                bisect.insort_right(
                    self._doers.setdefault(lemma, []), (s, self._doers_filed, e), key=_first
                )
        self._undone.clear()

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
        """The one body of the article named after the people in it ("Nurses for Clean
        Water", "Parents Against the Mine") that plural people ("the nurses") are."""
        if not person_noun(lemma):
            return None
        bodies = [
            e
            for e in self._entities
            if e.type == "organisation"
            and len(e.tokens) >= 2
            and e.tokens[0][:1].isupper()
            and e.tokens[0].lower().endswith("s")
            and _stem(e.tokens[0].lower()) in _PERSON_NOUNS
            # its people are these, or of a trade as they are ("the physicians" of "Doctors
            # for ..."): "the supporters" are not "Friends of the Valley"
            and (
                _stem(e.tokens[0].lower()) == _stem(lemma)
                or (_stem(e.tokens[0].lower()) in ROLE_NOUNS and _trade(lemma))
            )
        ]
        return bodies[0] if len(bodies) == 1 else None

    def _unnamed_source(self, root: Token, plural: bool = False) -> _Entity | None:
        """ "the spokesperson" after "a spokesperson who ...": one unnamed source, named
        by its first, indefinite description; ``plural``: "the lawyers" after "Cruz's
        lawyers", a group named by its owner."""
        lemma = root.lemma_.lower()
        if not person_noun(lemma):
            return None  # "the agreement" is no source
        if plural and any(c.dep_ in ("relcl", "acl") for c in root.children):
            return None  # "the voters who backed Ruiz": a group its clause makes, not one before
        at = self.lemma_positions(lemma)
        lo = bisect.bisect_left(at, root.i - 1499)
        for k in reversed(at[lo : bisect.bisect_left(at, root.i, lo=lo)]):
            tok = self._doc[k]
            if tok.pos_ != "NOUN" or (tok.tag_ in ("NNS", "NNPS")) != plural:
                continue
            if not any(
                (c.dep_ == "det" and c.lower_ in ("a", "an") and not plural)
                or (c.dep_ == "poss" and c.pos_ == "PROPN")  # "Amina Diallo's source"
                for c in tok.children
            ):
                continue
            return self._unnamed_at(tok, root)
        return None

    def _unnamed_at(self, tok: Token, root: Token) -> _Entity | None:
        """The unnamed source first described at ``tok`` ("a spokesperson who ..."), made
        once, with ``root`` (its later description) added as a mention of it."""
        ent = self._unnamed.get(tok.i)
        if ent is None:
            edge = tok.right_edge
            lo = tok.left_edge.idx
            for c in tok.children:
                if c.dep_ == "poss" and c.pos_ == "PROPN":
                    # "a Radio Sahel reporter Amina Diallo's source": from the owner's name
                    lo = next((s for s, e, _ in self._mention_starts if s <= c.idx < e), lo)
            cleaned = _clean_mention(self._doc, lo, edge.idx + len(edge))
            if cleaned is None:
                return None
            name, kind, _ = cleaned
            ent = _Entity(tokens=name.split(), type=kind, named=False)
            ent.descriptors.append(tok.lemma_.lower())
            self._unnamed[tok.i] = ent
            self._entities.append(ent)
            self._add_mention(ent, tok.left_edge.idx, tok.idx + len(tok))
        self._add_mention(ent, root.left_edge.idx, root.idx + len(root))
        return ent

    def _indefinite_before(
        self,
        root: Token,
        gender: Gender | None,
        since: int,
        reach: int = 400,
        before_sentence: bool = False,
    ) -> _Entity | None:
        """The unnamed person a plain "the woman", "the man" takes up: the last one met
        as the indefinite subject of a clause ("a middle-aged cashier was shaken", "One
        woman adopted from Iran did not learn", "Another worshiper ... said") after
        ``since`` (a character offset) and within ``reach`` tokens, of no other gender;
        as one unnamed source, named by that description.  With ``before_sentence`` (for a
        he/she), only the subject of a main clause before ``root``'s sentence whose noun
        names a person (not one its own he/she would tell: "A video of ... she" is no one)."""
        doc = self._doc
        # (with before_sentence, from before root's sentence: its own tokens are never
        # taken, and the walk stops at ``since`` just the same)
        top = root.sent.start if before_sentence else root.i
        for k in range(top - 1, max(-1, root.i - reach), -1):
            tok = doc[k]
            if tok.idx <= since:
                return None
            if before_sentence and (tok.head.dep_ != "ROOT" or not person_noun(tok.lemma_.lower())):
                continue  # (a subordinate one, "when a reporter asked", is no topic)
            if (
                tok.dep_ not in ("nsubj", "nsubjpass")
                or tok.tag_ not in ("NN", "NNP")
                or not any(
                    (c.dep_ == "det" and c.lower_ in ("a", "an", "another"))
                    or (c.dep_ == "nummod" and c.lower_ == "one")
                    for c in tok.children
                )
                or self.mentions_in(tok.idx, tok.idx + len(tok))
            ):
                continue
            told = _personal(tok)
            if told is False or (told and gender and told != gender):
                continue
            ent = self._unnamed_at(tok, root)
            if ent is not None and ent.type == "organisation":
                ent.type = "unnamed"  # ("Another Muslim": capitalised, one person)
            return ent
        return None

    def _owned_body(self, noun: Token) -> _Entity | None:
        """The body an owner's name gives ("Ruiz's campaign", "the Senate's committee",
        "the Cruz campaign"), as an unnamed body of that name (the same one each time it
        is met)."""
        if not any(c.dep_ in ("poss", "compound") and c.pos_ == "PROPN" for c in noun.children):
            return None
        ent = self._unnamed.get(noun.i)
        if ent is None:
            lo, hi = noun.left_edge.idx, noun.idx + len(noun)
            cleaned = _clean_mention(self._doc, lo, hi)
            if cleaned is None:
                return None
            ent = _Entity(tokens=cleaned[0].split(), type="organisation", named=False)
            self._unnamed[noun.i] = ent
            self._entities.append(ent)
            self._add_mention(ent, lo, hi)
        return ent

    def lemma_positions(self, lemma: str) -> list[int]:
        """The indices of the tokens whose lower-case lemma is ``lemma``, in text order
        (the view's index: a walk back over 1,500 tokens for each description built a
        Token object for each)."""
        return article_view(self._doc).lemma_where.get(lemma, [])

    def _issued_here(self, root: Token, at: int) -> _Entity | None:
        """Who issued a new document, by its own sentence: the body its compound names
        ("a campaign ad" after the campaign), or the subject of the verb that issues it
        ("Ruiz released a video that said"); else None."""
        for body in (c for c in root.children if c.dep_ == "compound" and c.pos_ == "NOUN"):
            if body.lemma_.lower() in _ORG_NOUNS:
                return self._described(body, at)
        verb = root.head
        if root.dep_ != "dobj" or verb.lemma_.lower() not in ISSUING_VERBS:
            return None
        subj = [c for c in verb.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")]
        if not subj:
            return None
        found = self.entity_at(_issuer_start(subj[0]), subj[0].idx + len(subj[0]))
        return found if found is not None and found.type in ("person", "organisation") else None

    def _author(self, root: Token, at: int, nearest: bool = True) -> _Entity | None:
        """Who wrote "the statement": the subject that issued the last one ("X said in a
        statement", "X released a statement"); with ``nearest``, else the one last said
        to write or announce something."""
        doc = self._doc
        lemma = root.lemma_.lower()
        for body in (c for c in root.children if c.dep_ == "compound" and c.pos_ == "NOUN"):
            # "the office release", "the ministry statement": the body named before
            if body.lemma_.lower() in _ORG_NOUNS:
                return self._described(body, at)
        for acl in (c for c in root.children if c.dep_ == "acl"):
            # "the letter signed by twelve nurses" says whose it is
            if acl.lemma_.lower() not in ISSUING_VERBS:
                return None  # "the statement obtained by the Ledger": not the Ledger's
            who = issuer_word(root)
            if who is not None:
                return self.entity_at(_issuer_start(who), who.idx + len(who))
            # "Ruiz wrote in an email. The message, sent to Lee, ...": issued, by no one
            # named in its own words: by the one before
        for k in range(root.i - 1, max(-1, root.i - 600), -1):
            tok = doc[k]
            if tok.lemma_.lower() != lemma:
                continue
            if (issuer := issuer_word(tok)) is not None and not joint_issuer(issuer):
                # "A report released by the academies noted ... the report concluded" (not
                # "a lawsuit filed by Ruiz and Lee": no one of them)
                return self.entity_at(_issuer_start(issuer), issuer.idx + len(issuer))
            if tok.dep_ in ("nsubj", "nsubjpass"):
                # "'...,' the release said. ... '...,' the release added": the one the
                # same document was before, else look for the one that was issued
                before = self.entity_at(tok.left_edge.idx, tok.idx + len(tok))
                if before is not None and before.type in ("person", "organisation"):
                    return before
                continue
            if not nearest and not (
                tok.dep_ == "dobj" and tok.head.lemma_.lower() in ISSUING_VERBS
            ):
                continue  # a learned document is its issuer's ("X released a poll"), not
                # any subject's ("Lee leads in the poll", "Lee said on the website")
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
            if joint_issuer(s0):
                return None  # "Ruiz and Lee filed a suit. The suit says": no one of them
            if s0.pos_ == "PRON":
                found = self._by_span.get((s0.idx, s0.idx + len(s0)))
            else:
                found = self.entity_at(s0.left_edge.idx, s0.idx + len(s0))
                of_body = s0.lemma_.lower() in _ORG_NOUNS  # "Ruiz's campaign": not Ruiz
                if found is None and of_body:
                    found = self._owned_body(s0)  # the campaign, as a body of its own
                for t in s0.subtree if found is None and not of_body else ():
                    # a misparsed subject ("The company flat-out denied"): its noun
                    if t.pos_ in ("NOUN", "PROPN") and t.i != s0.i:
                        found = self.entity_at(t.left_edge.idx, t.idx + len(t))
                        break
            return found  # the nearest issued one decides, found or not
        # "Mook wrote. '...,' the memo stated": no one issued it; the one who wrote just
        # before did
        return self._writer(at) if nearest else None

    def _writer(self, at: int, reach: int = 600) -> _Entity | None:
        """The person or body last said to write, issue or announce something, up to
        ``reach`` characters before ``at``: "Mook wrote. '...,' the memo stated", "the
        state party announced ... '...,' the release said"."""
        return self._last_doer(ISSUING_VERBS, at, ("person", "organisation"), reach)
