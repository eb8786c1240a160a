"""Naming each quote's speaker by the person (or body) its mention refers to."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from saidwhen.extract.lexicon import FEMALE_WORDS, MALE_WORDS, TITLES
from saidwhen.extract.people.described import _KIN_WORDS
from saidwhen.extract.people.entity import _Entity
from saidwhen.extract.people.headlines import _headline_end
from saidwhen.extract.people.index import PeopleIndex, _author_of_work
from saidwhen.extract.people.names import (
    _ANY_BODY_NOUNS,
    _PERSON_NOUNS,
    _PLACE_LABELS,
    PRONOUNS,
    _clean_mention,
    _same_person,
    composed,
    issuer_word,
    person_noun,
)
from saidwhen.model import EntityType, Quote, Speaker
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def name_speakers(doc: Doc, quotes: list[Quote], people: PeopleIndex) -> list[Quote]:
    """Every quote's speaker named by the person (or body) its mention refers to, with its type;
    the one who reports a nested report (``reported_by``) named the same way.

    A description seen first as "an insider" and later as "the insider" is
    one unnamed source, named by its first mention: the last "a"/"another"/"one"
    description of that head before it ("One source said ... Another highly placed
    source said ... the source said": the second).
    """
    out = []
    unnamed: dict[str, str] = {}  # head word and type -> the last indefinite description's words
    last_unnamed: tuple[int, str, EntityType | None] | None = None  # see _unnamed_goes_on
    persons: dict[str, EntityType | None] = {}
    if any(q.speaker is not None for q in quotes):
        persons = {p.name: p.type for p in people.persons()}
    for q in quotes:
        sp = q.speaker
        if sp is None:
            out.append(q)
            continue
        if last_unnamed is not None and (named := _unnamed_goes_on(doc, sp, last_unnamed, people)):
            out.append(replace(q, speaker=replace(sp, name=named[0], type=named[1])))
            continue
        joint = (
            _joint_name(doc, sp.start, sp.end, people)
            or (
                _joint_name(doc, sp.start, wider, people)
                if (wider := _pair_end(doc, sp.start, sp.end)) != sp.end
                else None
            )
            or _they_joint(doc, sp.start, sp.end, people)
            or _pair_joint(doc, sp.start, sp.end, people)
        )
        if joint is not None:
            out.append(replace(q, speaker=replace(sp, name=joint[0], type=joint[1])))
            continue
        ent = (
            _named_after_title(doc, sp, people)
            or people.entity_at(sp.start, sp.end)
            or _named_through_debris(doc, sp, people)
            or _named_last(doc, sp, people)
        )
        plural = ent is not None and _plural_for_one(doc, sp, ent)
        if plural:
            ent = None  # "The lawyers" keep their own words, not a person's name
        if ent is None and (body := _it_body(doc, sp.start, sp.end, people)) is not None:
            out.append(replace(q, speaker=replace(sp, name=body[0], type=body[1])))
            continue
        if (
            ent is None
            and not plural
            and sp.name is not None
            and sp.name != sp.mention
            and sp.name in persons
        ):
            # a name found for a mention the index does not hold (a headline's "Lopez",
            # read from its words: speech/headline) stands when it is someone's
            out.append(replace(q, speaker=replace(sp, type=persons[sp.name])))
            continue
        if ent is not None:
            if ent.type == "unnamed":
                last_unnamed = (sp.end, ent.name, ent.type)
            elif ent.type == "person":
                last_unnamed = None
            name = ent.name
            if ent.type == "organisation":
                name = _campaign_named(doc, sp.start, sp.end, name, people)
            out.append(replace(q, speaker=replace(sp, name=name, type=ent.type)))
            continue
        cleaned = _clean_mention(doc, sp.start, sp.end)
        if cleaned is None:
            out.append(replace(q, speaker=replace(sp, type=None)))
            continue
        name, kind, head = cleaned
        name = _owner_named(doc, sp.start, sp.end, name, people)
        if kind in ("organisation", "group"):
            name = _fuller_before(doc, sp, name, people) or name
        if kind == "organisation":
            name = _campaign_named(doc, sp.start, sp.end, name, people)
        first = name.split()[0].lower()
        # (one source and a group are not one: "a former official ... The officials said")
        key = f"{head} {kind}"
        if kind != "organisation" and first in _INDEFINITE:
            unnamed[key] = name
        elif kind != "organisation" and first == "the" and key in unnamed:
            name = unnamed[key]
        if kind == "unnamed":
            last_unnamed = (sp.end, name, kind)
        out.append(replace(q, speaker=replace(sp, name=name, type=kind)))
    out = _one_mention_one_name(out)
    out = _relative_after_speaker(doc, out)
    if any(q.reported_by is not None for q in out):
        # the reporters named as speakers of their own, in text order
        at = [k for k, q in enumerate(out) if q.reported_by is not None]
        asked = [replace(out[k], speaker=out[k].reported_by, reported_by=None) for k in at]
        for k, reporter in zip(at, name_speakers(doc, asked, people), strict=True):
            out[k] = replace(out[k], reported_by=reporter.speaker)
    return [
        replace(q, speaker=replace(sp, name=composed(sp.name)))
        if (sp := q.speaker) is not None and sp.name is not None and not sp.name.isascii()
        else q
        for q in out
    ]


_PHRASE_DETS = frozenset({"the", "this", "that", "these", "those"})
# a noun's tag and those of the same number, common or proper
_SAME_NUMBER = {"NN": ("NN", "NNP"), "NNS": ("NNS", "NNPS")}


def _fuller_before(doc: Doc, sp: Speaker, name: str, people: PeopleIndex) -> str | None:
    """A body's definite description ("the editorial board", "the Lee campaign") named by
    the fullest phrase before it with the same head noun and its words ("The Daily Star
    editorial board", "the Tom Lee presidential campaign"), else None: the article's
    fullest name for it. Only the words up to the head are taken, so the head stays the
    last word; with several bodies of that noun, the nearest one decides which."""
    span = doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    words = [t for t in doc[root.left_edge.i : root.i] if t.dep_ != "det"]
    if (
        root.pos_ != "NOUN"
        or root.tag_ not in _SAME_NUMBER
        or not name.lower().startswith("the ")
        or root.left_edge.lower_ not in _PHRASE_DETS
        or any(t.pos_ == "PRON" or t.dep_ == "poss" for t in words)
        or any(t.i > root.i and not t.is_punct for t in span)  # "the board of Velo"
    ):
        return None
    own = {t.lower_ for t in words if not t.is_punct}
    found: list[list[Token]] = []
    for i in people.lemma_positions(root.lemma_.lower()):
        if i >= root.i:
            break
        tok = doc[i]
        if tok.tag_ not in _SAME_NUMBER[root.tag_] or (
            tok.pos_ == "PROPN" and any(c.dep_ == "prep" for c in tok.rights)
        ):
            continue  # (not "Velo Board" of "the Velo Board of Elections")
        phrase = [t for t in doc[tok.left_edge.i : tok.i + 1] if not t.is_space]
        if phrase[0].lower_ in ("a", "an") and len(phrase) > 1 and phrase[1].pos_ == "PROPN":
            phrase = phrase[1:]  # "a Velo ballot commission": "Velo ballot commission"
        if any(
            t.pos_ == "PRON" or t.is_quote or t.text in ",;:()" or t.lower_.rstrip(".") in TITLES
            for t in phrase
        ):
            continue  # (not "Mrs. Lee's campaign": a title is no part of a name)
        low = {t.lower_ for t in phrase}
        if own <= low and len(low - own - _PHRASE_DETS) > 1:
            found.append(phrase)
    if not found:
        return None
    near = {t.lower_ for t in found[-1]}
    best = max((f for f in found if near <= {t.lower_ for t in f}), key=len)
    text = doc_text(doc)[best[0].idx : best[-1].idx + len(best[-1])]
    if best[0].lower_ in _PHRASE_DETS:
        # one body, one name: "The" opening a sentence is the same "the"
        return best[0].lower_ + text[len(best[0].text) :]
    return text if best[0].pos_ == "PROPN" else None


def _plural_for_one(doc: Doc, sp: Speaker, ent: _Entity) -> bool:
    """Number agreement: a plural noun mention ("The lawyers", "the sources") never takes
    the name of one person or of one unnamed source, unless it names that one in its own
    words ("advisers like Dana Kell")."""
    if ent.type not in _ONE_KINDS:
        return False
    whole = (sp.start, sp.end)
    if any(sp.start <= s and e <= sp.end and (s, e) != whole for s, e in ent.mentions):
        return False
    cleaned = _clean_mention(doc, sp.start, sp.end)
    if cleaned is None or cleaned[1] != "group":
        return False
    span = doc.char_span(sp.start, sp.end, alignment_mode="expand")
    # a common noun's plural, not a name the tagger took for one ("Sanders")
    return span is not None and span.root.tag_ == "NNS" and span.root.text.islower()


_ONE_KINDS = frozenset(("person", "unnamed"))


def _one_mention_one_name(quotes: list[Quote]) -> list[Quote]:
    """Quotes an unnamed source's one mention gives named alike, by its fullest words: "'...,'
    said a longtime adviser to Lee, who declined to be named. '...'": the second quote's
    speaker, read from a shorter span of the same mention, is "a longtime adviser to Lee"
    too."""
    fullest: dict[int, str] = {}
    persons: dict[int, Speaker] = {}  # a mention's start -> the longest span named a person
    for q in quotes:
        sp = q.speaker
        if sp is not None and sp.type == "unnamed" and sp.name is not None:
            had = fullest.get(sp.start)
            if had is None or _words_extend(sp.name, had):
                fullest[sp.start] = sp.name
        if sp is not None and sp.type == "person":
            longest = persons.get(sp.start)
            if longest is None or sp.end > longest.end:
                persons[sp.start] = sp
    # ("said Oversight ranking Democrat Ana Ruiz. '...'": the next quote's speaker, read
    # from the span's first word alone, is the person the whole span names)
    quotes = [
        replace(q, speaker=replace(sp, name=whole.name, type=whole.type))
        if (sp := q.speaker) is not None
        and sp.type != "person"
        and (whole := persons.get(sp.start)) is not None
        and sp.end < whole.end
        else q
        for q in quotes
    ]
    return [
        replace(q, speaker=replace(sp, name=name))
        if (sp := q.speaker) is not None
        and sp.type == "unnamed"
        and sp.name is not None
        and (name := fullest.get(sp.start, sp.name)) != sp.name
        and _words_extend(name, sp.name)
        else q
        for q in quotes
    ]


def _relative_after_speaker(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """A "who" right after the comma that closes another quote's speaker ("..., said one
    Democrat familiar with the talks, who added that ...") is that speaker, however the
    parser hung the clause (on "talks")."""
    text = doc_text(doc)
    named = [
        sp
        for q in quotes
        if (sp := q.speaker) is not None and sp.name is not None and sp.type is not None
    ]
    out = []
    for q in quotes:
        sp = q.speaker
        if sp is not None and sp.mention.lower() == "who":
            m = _COMMA_BEFORE.search(text, max(0, sp.start - 8), sp.start)
            # (the speaker's span may end at the comma or run on over the clause)
            before = [o for o in named if m is not None and o.start < m.start() <= o.end]
            if before:
                o = max(before, key=lambda o: o.start)
                q = replace(q, speaker=replace(sp, name=o.name, type=o.type))
        out.append(q)
    return out


_COMMA_BEFORE = re.compile(r"\s*,\s*$")


def _words_extend(longer: str, shorter: str) -> bool:
    """``longer`` is ``shorter`` with more words after it ("a longtime adviser to Lee")."""
    a, b = longer.lower().split(), shorter.lower().split()
    return len(a) > len(b) and a[: len(b)] == b


# How far after an unnamed source's words a he/she may still be that source (characters),
# and how long a source's description is at most (words)
_UNNAMED_REACH = 600
_SOURCE_WORDS = 6


def _unnamed_goes_on(
    doc: Doc,
    sp: Speaker,
    last: tuple[int, str, EntityType | None],
    people: PeopleIndex,
) -> tuple[str, EntityType | None] | None:
    """ "An IBM spokeswoman said ... 'We see no problem,' she said": a he/she speaking
    just after an unnamed source of its gender (or of none: "an official") is that
    source, when no named person of that gender came between."""
    text = doc_text(doc)
    word = text[sp.start : sp.end].lower()
    gender = PRONOUNS.get(word)
    at, name, kind = last
    if gender is None or word not in ("he", "she") or not 0 <= sp.start - at <= _UNNAMED_REACH:
        return None
    words = name.lower().split()
    # "a reporter for Agence France-Presse", "a spokesman for the ambulance service": the
    # head noun comes before the phrase that says whose
    of = next((k for k, w in enumerate(words) if k > 1 and w in _SOURCE_PREPS), len(words))
    words = words[:of]
    if (
        not words
        or words[0] not in _INDEFINITE | {"the"}
        or words[-1] not in _PERSON_NOUNS
        or words[-1] in _KIN_WORDS
        or len(words) > _SOURCE_WORDS
    ):
        return None  # a source ("a Sun spokesman", "one official"), not "Elian's father"
    head = words[-1]
    said = "female" if head in FEMALE_WORDS else "male" if head in MALE_WORDS else None
    if said not in (gender, None):
        return None
    for _s, _e, ent in people.mentions_in(at, sp.start):
        if ent.type == "person" and ent.named and ent.gender in (gender, None):
            return None  # someone else of that gender named since
    return name, kind


_INDEFINITE = frozenset({"a", "an", "another", "one"})
# the words that open what follows a source's head noun ("a spokesman for the service")
_SOURCE_PREPS = frozenset({"for", "of", "at", "with", "from", "in", "on"})


def _named_through_debris(doc: Doc, sp: Speaker, people: PeopleIndex) -> _Entity | None:
    """A name stuck to markup left in the text ('">Sanders said', '<p class="x">Sanders
    said'): the person of that name, the last one named before it."""
    mention = doc_text(doc)[sp.start : sp.end]
    words = mention.rsplit(">", 1)[-1].strip(_DEBRIS).split()  # after a tag's end
    if not words or words == mention.split() or len(words) > 3:
        return None
    if not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    low = [w.lower() for w in words]
    best: tuple[int, _Entity] | None = None
    for ent in people._entities:
        if ent.type == "person" and _same_person(low, ent.core()):
            last = ent.last_before(sp.start)
            if last >= 0 and (best is None or last > best[0]):
                best = (last, ent)
    return best[1] if best else None


_DEBRIS = "\"'<>=/;:.,#*[]{}()|"
# what may stand between a name that closes a mention and the mention's end: a party and
# state ("(D-Md.)")
_NAME_CLOSE = re.compile(r"\s*(?:\([^()]{1,12}\))?\s*")


def _named_last(doc: Doc, sp: Speaker, people: PeopleIndex) -> _Entity | None:
    """The person whose name closes a mention of titles and roles the parser took for a
    clause ("Oversight ranking Democrat Ana Ruiz (D-Md.)": "ranking" a verb heading the
    phrase): a person named after words that hold no preposition, conjunction, pronoun or
    punctuation, only names, nouns, adjectives and participles."""
    text = doc_text(doc)
    closing = [
        (s, ent)
        for s, e, ent in people.mentions_in(sp.start, sp.end)
        if _NAME_CLOSE.fullmatch(text, e, sp.end)
    ]
    if not closing:
        return None
    s, ent = closing[0]
    if s == sp.start or ent.type != "person" or len(ent.tokens) < 2:
        return None
    span = doc.char_span(sp.start, s, alignment_mode="expand")
    if span is None or not all(
        t.pos_ in _TITLE_POS or t.tag_ == "VBG" or t.text == "-" for t in span if t.idx < s
    ):
        return None
    return ent


_TITLE_POS = frozenset(("PROPN", "NOUN", "ADJ"))

# an abbreviated title and the name after it, inside a mention ("Army Capt. Dana Ruiz")
_TITLE_DOT = re.compile(r"(?:^|\s)([A-Z][a-z]{1,4})\.\s+(?=[A-Z])")


def _named_after_title(doc: Doc, sp: Speaker, people: PeopleIndex) -> _Entity | None:
    """The person named after an abbreviated title in a mention ("Army Capt. Dana Ruiz"),
    when the index also holds the words before the period as a name of their own."""
    mention = doc_text(doc)[sp.start : sp.end]
    m = _TITLE_DOT.search(mention)
    if m is None or f"{m.group(1).lower()}." not in TITLES:
        return None
    whole = people.entity_at(sp.start, sp.end)
    if whole is None or m.group(1).lower() not in (w.lower().rstrip(".") for w in whole.tokens):
        return None  # the index knows whom the whole mention names
    ent = people.entity_at(sp.start + m.end(), sp.end)
    return ent if ent is not None and ent.type == "person" else None


# "Mrs. Clinton's campaign": an owner named by an honorific and a surname
_HONORIFIC_OWNER = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? [A-Z][\w’'-]+(?=['’]s?\b)")


def _owner_named(doc: Doc, start: int, end: int, name: str, people: PeopleIndex) -> str:
    """A description whose owner is "Mr." or "Mrs." and a surname names the owner as the
    article does in full, without the title ("Mrs. Clinton's campaign" is "Hillary
    Clinton's campaign")."""
    m = _HONORIFIC_OWNER.search(doc_text(doc), start, end)
    if m is None or m.group() not in name:
        return _owner_in_full(doc, start, end, name, people)
    ent = people.entity_at(m.start(), m.end())
    if ent is None or ent.type != "person" or len(ent.tokens) < 2:
        return name
    return name.replace(m.group(), ent.name, 1)


# "Ryan’s office": a description opening on its owner's bare surname
_SURNAME_OWNER = re.compile(r"([A-Z][\w-]+)(['’]s?) (\S.*)")


def _owner_in_full(doc: Doc, start: int, end: int, name: str, people: PeopleIndex) -> str:
    """A description owned by a surname alone under the fuller form the article gives it
    elsewhere ("Ryan’s office" is "Paul Ryan’s office" where the article writes that):
    the fullest form of a description, as of a name."""
    m = _SURNAME_OWNER.fullmatch(name)
    if m is None:
        return name
    text = doc_text(doc)
    at = text.find(m.group(1), start, end)
    ent = people.entity_at(at, at + len(m.group(1))) if at >= 0 else None
    if ent is None or ent.type != "person" or len(ent.tokens) < 2 or ent.tokens[-1] != m.group(1):
        return name
    fuller = rf"\b{re.escape(ent.name)}['’]s? {re.escape(m.group(3))}\b"
    return f"{ent.name}{m.group(2)} {m.group(3)}" if re.search(fuller, text) else name


# "Clinton's campaign", "Sanders’ campaign": a candidate's campaign named by its owner
_OWNED_CAMPAIGN = re.compile(r"(?:.*\s)?([A-Z][\w’'-]*?)(?:['’]s|['’]) campaign")
_OWNER_PRONOUNS = frozenset({"his", "her"})


def _campaign_named(doc: Doc, start: int, end: int, name: str, people: PeopleIndex) -> str:
    """A candidate's campaign under the name the article gives it as a body of its own:
    "his campaign" or "Clinton's campaign" is "the Clinton campaign" when the article
    writes "Clinton campaign" ("the Clinton campaign said", "Clinton campaign manager Ana
    Ruiz"); "his campaign" is its owner's campaign as the article writes it, if it does."""
    m = _OWNED_CAMPAIGN.fullmatch(name)
    surname = m.group(1) if m else None
    if surname is None and name.lower() in {f"{p} campaign" for p in _OWNER_PRONOUNS}:
        owner = _pronoun_owner(doc, start, end, people)
        if owner is None:
            return name
        core = owner.core()
        surname = next((w for w in reversed(owner.tokens) if core and w.lower() == core[-1]), None)
        if surname is None:
            return name
        if not _compound_campaign(doc, surname):
            said = re.search(rf"\b{re.escape(surname)}(?:['’]s|['’]) campaign\b", doc_text(doc))
            # (a campaign the article never gives its owner's name: the he/she may be wrong)
            return said.group() if said is not None else name
    elif surname is None or not _compound_campaign(doc, surname):
        return name
    return f"the {surname} campaign"


def _compound_campaign(doc: Doc, surname: str) -> bool:
    """Whether the article writes "<surname> campaign", the surname as the noun's
    modifier ("the Clinton campaign", "a Clinton campaign memo")."""
    return re.search(rf"\b{re.escape(surname)} campaign\b", doc_text(doc)) is not None


def _pronoun_owner(doc: Doc, start: int, end: int, people: PeopleIndex) -> _Entity | None:
    """The person whose "his"/"her" owns the noun of the mention ``start:end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for c in span.root.children:
        if c.dep_ == "poss" and c.lower_ in _OWNER_PRONOUNS:
            ent = people.entity_at(c.idx, c.idx + len(c))
            return ent if ent is not None and ent.type == "person" else None
    return None


def stacked_title_name(subj: Token) -> Token | None:
    """The name that a bare singular role is joined to by "and" ("academic and professor
    Marc Hill": one person of two roles); not two speakers ("Police and Mayor Ana Ruiz",
    "the council and Ana Ruiz")."""
    if subj.pos_ not in ("NOUN", "ADJ") or subj.tag_ not in ("NN", "JJ"):
        return None
    if any(c.dep_ in ("det", "poss", "nummod") for c in subj.children):
        return None
    conj = [c for c in subj.children if c.dep_ == "conj"]
    cc = [c for c in subj.children if c.dep_ == "cc"]
    if len(conj) != 1 or [c.lower_ for c in cc] != ["and"] or conj[0].pos_ != "PROPN":
        return None
    return conj[0] if conj[0].ent_type_ == "PERSON" else None


def _joint_name(
    doc: Doc, start: int, end: int, people: PeopleIndex
) -> tuple[str, EntityType] | None:
    """Two people speaking together are one speaker: "Noel and Thomas" is "Tova Noel and
    Michael Thomas", each named by their person (or by their words when no one is known)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    who = _author_of_work(root) or (issuer_word(root) if root.pos_ == "NOUN" else None)
    if who is not None and who.conjuncts:
        # "a study by economists Ana Ruiz and Tom Lee": the two who wrote it
        end = who.right_edge.idx + len(who.right_edge)
        return _joint_name(doc, who.left_edge.idx, end, people)
    if (person := stacked_title_name(root)) is not None:
        # "American academic and professor Marc Hill": one person of two roles
        ent = people.entity_at(person.left_edge.idx, person.idx + len(person))
        if ent is not None and ent.type == "person":
            return ent.name, "person"
    if root.pos_ not in ("PROPN", "NOUN") and root.lower_ not in ("he", "she"):
        return None  # (but "She and Jack Goldsmith, a former official,")
    role: Token | None = None
    if root.tag_ == "NNS":
        # "nuclear experts Ana Ruiz and Tom Lee": the two named in apposition to their role
        named = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        listed = [c for c in root.conjuncts if c.i > root.i]
        if named and named[0].conjuncts:
            root = named[0]
        elif (
            len(listed) >= 2
            and all(c.pos_ == "PROPN" for c in listed)
            and doc[listed[0].left_edge.i - 1].text == ","
        ):
            # "two members of Congress, Ana Ruiz and Tom Lee,": the parser's list of three
            role, root = root, listed[0]
    members = [
        root,
        *(
            c
            for c in root.conjuncts
            if start <= c.idx and c.idx + len(c) <= end and (role is None or c.i != role.i)
        ),
    ]
    # (the "and" of a list of three hangs on the one before last: "Ruiz, Lee and Hart")
    if len(members) < 2 or not any(
        c.dep_ == "cc" and c.lower_ == "and" for m in members for c in m.children
    ):
        return None
    if any(m.pos_ not in ("PROPN", "NOUN", "PRON") for m in members):
        return None  # "Vance and has aides" (a slip for "his"): no second person
    appos = [c.i for c in root.children if c.dep_ == "appos" and c.i > root.i]
    if appos and any(m.i > min(appos) and _second_role(m) for m in members[1:]):
        # "Suzanne Lee, a professor at Yale, and a co-editor of ...", "Lee, the front-runner
        # and current poll leader", "..., and a Republican who ...": one person
        return None
    if root.text.islower() and all(
        m.text.islower() and not any(c.dep_ in ("det", "poss") for c in m.children)
        for m in members[1:]
    ):
        return None  # "the former actress and minister": one person, two roles
    if (joined := _after_roles(members, people)) is not None:
        return joined.name, "person"
    text = doc_text(doc)
    names: list[str] = []
    persons: list[_Entity] = []
    bodies: list[str] = []
    for m in sorted(members, key=lambda t: t.i):
        lo = min(t.idx for t in m.lefts) if m.n_lefts else m.idx
        lo = max(lo, start)
        ent = people.entity_at(lo, m.idx + len(m))
        if ent is not None and ent.type == "person":
            names.append(ent.name)
            persons.append(ent)
        else:
            names.append(text[lo : m.idx + len(m)].strip(" ,"))
            if ent is not None and ent.type == "organisation" and ent.named and m.pos_ == "PROPN":
                bodies.append(ent.name)
    if not persons and len(bodies) == len(names):
        # "Fox News and NBC News": two bodies by their names
        return f"{', '.join(bodies[:-1])} and {bodies[-1]}", "group"
    if not persons:
        return None  # "the Russian and Syrian defense ministries", two bodies: left as they are
    if len(persons) == len(names) == 2 and _first_joined(text, persons[1], persons[0]):
        names.reverse()
    first, second = names[0].split(), names[-1].split()
    if len(names) == len(persons) == 2 and len(first) >= 2 and first[-1:] == second[-1:]:
        # "Khizr and Ghazala Khan": a couple of one surname, as the article writes them
        return f"{' '.join(first[:-1])} and {names[-1]}", "group"
    # ("Ana Ruiz, Tom Lee and Eva Hart": a list as the article writes one)
    return f"{', '.join(names[:-1])} and {names[-1]}", "group"


def _pair_end(doc: Doc, start: int, end: int) -> int:
    """Where the names joined to a mention's name end ("David Albright" of "David
    Albright and Serena Kelleher wrote", a mention the quote after theirs took up):
    the last name's end; else ``end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or span.root.pos_ != "PROPN" or span.root.dep_ == "conj":
        return end
    names = [c for c in span.root.conjuncts if c.idx >= end]
    if not names or not all(c.pos_ == "PROPN" and c.ent_type_ == "PERSON" for c in names):
        return end
    return names[-1].idx + len(names[-1])


def _after_roles(members: list[Token], people: PeopleIndex) -> _Entity | None:
    """The person named after roles joined by "and" ("former Gov. and party Chairman Ed
    Rendell", "former operative and Marine John Tiegen"): one person of two roles, not
    the last governor named and Rendell."""
    *roles, last = sorted(members, key=lambda t: t.i)
    if not all(
        (r.lower_ in TITLES or person_noun(r.lemma_.lower()))
        and not any(c.dep_ in ("det", "poss", "nummod") for c in r.children)
        and r.ent_type_ != "PERSON"
        for r in roles
    ):
        return None
    ent = people.entity_at(last.left_edge.idx, last.idx + len(last))
    return ent if ent is not None and ent.type == "person" and ent.named else None


def _second_role(member: Token) -> bool:
    """A conjunct after an apposition that goes on saying what the person is: a noun
    with "a"/"an" ("and a Republican who ...") or a bare lower-case one ("and current
    poll leader"), not a name or someone's ("and his wife", "and the mayor")."""
    dets = [c.lower_ for c in member.children if c.dep_ in ("det", "poss")]
    if dets:
        return dets[0] in ("a", "an")
    return member.text.islower() and member.pos_ == "NOUN"


def _first_joined(text: str, a: _Entity, b: _Entity) -> bool:
    """Whether the article first writes the pair as "a and b" rather than "b and a": two
    people are named together in the order of their first joint mention ("Ruth Ash and
    Tom Lee wrote ... Professors Lee and Ash argue" is "Ruth Ash and Tom Lee")."""
    joined = [
        (s1, first is a)
        for first, second in ((a, b), (b, a))
        for s1, e1 in first.mentions
        for s2, _ in second.mentions
        if text[e1:s2] == " and "
    ]
    return bool(joined) and min(joined)[1]


# How far back (tokens) a "they" looks for a joint subject, and for a group or a body
_JOINT_REACH = 150
_GROUP_REACH = 60


def _they_joint(
    doc: Doc, start: int, end: int, people: PeopleIndex
) -> tuple[str, EntityType] | None:
    """ "they" right after a joint subject ("Noel and Thomas signed ... they said") is
    that joint speaker, when it is the nearest subject before it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].lower_ != "they":
        return None
    they = span[0]
    headline = _headline_end(doc_text(doc))  # its subject is no "they" of the story below
    for k in range(they.i - 1, max(-1, they.i - _JOINT_REACH), -1):
        t = doc[k]
        if t.idx < headline:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "NOUN"):
            edge = t.right_edge
            joint = _joint_name(doc, t.left_edge.idx, edge.idx + len(edge), people)
            if joint is not None:
                return joint
            if they.i - k > _GROUP_REACH:
                # two people named together are taken up further on than a group's noun
                # or a body ("Ana Ruiz and Tom Lee ... published a book. They compare ...
                # Lee told me. Still, they identify ...")
                continue
            if (
                _people_noun(t)
                or (t.tag_ == "NNS" and t.lemma_.lower() in _ANY_BODY_NOUNS)
                or _party_or_nation(t)
            ):
                # "The lawmakers, however, failed to answer. Instead, they ...": that group;
                # "the groups who wrote to her say ... They ask"
                cleaned = _clean_mention(doc, t.left_edge.idx, edge.idx + len(edge))
                return (cleaned[0], "group") if cleaned is not None else None
            if t.pos_ == "PROPN":
                # "Politifact did a check ... they announced": a body named
                ent = people.entity_at(t.idx, t.idx + len(t))
                if ent is not None and ent.type == "organisation":
                    return ent.name, "organisation"
                if ent is None and (
                    t.ent_type_ == "ORG"
                    or (not t.ent_type_ and not t.is_sent_start and doc[t.i - 1].pos_ != "PUNCT")
                ):
                    lo = min((c.idx for c in t.children if c.dep_ == "compound"), default=t.idx)
                    return doc_text(doc)[lo : t.idx + len(t)], "organisation"
            # a person or a thing ("the results confirm ...", "your campaign is") says
            # nothing as "they": an earlier subject may
    return None


def _party_or_nation(tok: Token) -> bool:
    """A plural party or nation named as a group, the subject of a main clause ("Several
    senior Democrats cited ..."; not "a system that Republicans want"), not a country's
    plural name ("the United States")."""
    return (
        tok.tag_ == "NNPS"
        and tok.head.dep_ == "ROOT"
        and tok.ent_type_ in _PLACE_LABELS
        and tok.lower_.endswith("s")
        and not any(c.dep_ == "compound" for c in tok.children)
    )


def _it_body(doc: Doc, start: int, end: int, people: PeopleIndex) -> tuple[str, EntityType] | None:
    """ "it" that no body named before stands for: the last subject before it that is a
    body by its noun ("the company wrote in its statement. It added, ..."), within a
    sentence or two, not a headline's."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].lower_ != "it":
        return None
    it = span[0]
    headline = _headline_end(doc_text(doc))
    for k in range(it.i - 1, max(-1, it.i - 60), -1):
        t = doc[k]
        if t.idx < headline:
            break
        if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ != "NOUN" or t.tag_ != "NN":
            continue
        if t.lemma_.lower() not in _ANY_BODY_NOUNS:
            continue
        edge = t.right_edge
        ent = people.entity_at(t.left_edge.idx, edge.idx + len(edge))
        if ent is not None and ent.named:
            return ent.name, ent.type
        cleaned = _clean_mention(doc, t.left_edge.idx, edge.idx + len(edge))
        return (cleaned[0], "organisation") if cleaned is not None else None
    return None


def _people_noun(tok: Token) -> bool:
    """A plural noun for people ("the lawmakers", "officials"), not things."""
    lemma = tok.lemma_.lower()
    return tok.tag_ == "NNS" and (
        lemma in _PERSON_NOUNS or tok.lower_ in _PERSON_NOUNS or lemma.endswith(_PEOPLE_ENDINGS)
    )


_PEOPLE_ENDINGS = (
    "maker",
    "author",
    "researcher",
    "ist",
    "ian",
    "worker",
    "officer",
    "lawyer",
    "voter",
    "teacher",
    "parent",
    "student",
    "resident",
    "protester",
    "activist",
    "senator",
    "legislator",
    "investor",
)


# "the couple": a description of two people named together before
_PAIR_NOUNS = frozenset({"couple", "pair", "duo", "twosome"})


def _pair_joint(
    doc: Doc, start: int, end: int, people: PeopleIndex, reach: int = 1000
) -> tuple[str, EntityType] | None:
    """ "the couple" after "Teigen and Legend share two children" is those two: the last
    pair of people named together ("X and Y") before it; so is "both" ("both of whom")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    role = None  # a plural role both of the pair hold ("the committee chairmen")
    if root.lower_ != "both":  # ("both", "both of whom": the pair itself)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in root.children):
            return None
        if root.lemma_.lower() not in _PAIR_NOUNS and not (
            # "the two lawmakers": people counted two
            root.tag_ == "NNS"
            and person_noun(root.lemma_.lower())
            and any(c.dep_ == "nummod" and c.lower_ == "two" for c in root.children)
        ):
            if root.tag_ != "NNS" or not person_noun(root.lemma_.lower()):
                return None
            role = root.lemma_.lower()
    for k in range(span.start - 1, -1, -1):
        tok = doc[k]
        if start - tok.idx > reach:
            break
        conj = [c for c in tok.conjuncts if c.i > tok.i]
        if tok.pos_ != "PROPN" or len(conj) != 1 or tok.dep_ == "conj":
            continue
        last = conj[0]
        if role is not None and not all(
            (x := people.entity_at(t.idx, t.idx + len(t))) is not None and role in x.head_words()
            for t in (tok, last)
        ):
            return None  # the last pair named together, not both described so
        joint = _joint_name(doc, tok.left_edge.idx, last.idx + len(last), people)
        if joint is not None and " and " in joint[0] and joint[0].count(" and ") == 1:
            return joint
    return None
