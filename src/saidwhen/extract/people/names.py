"""Name runs, titles and canonical forms: the words that make a name, and the lexicon behind them.

Also how two name forms are matched ("Van Der Beek" is "James Van Der
Beek"; "CBP" is "Customs and Border Protection") and how a mention no
entity holds is named (:func:`_clean_mention`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING, Literal

from saidwhen.extract._doc_heads import DOC_HEADS
from saidwhen.extract._source_heads import SOURCE_HEADS
from saidwhen.extract.lexicon import (
    FEMALE_NAMES,
    MALE_NAMES,
    PAPER_WORDS,
    ROLE_NOUNS,
    TITLES,
)
from saidwhen.extract.memo import per_article
from saidwhen.extract.people.columns import Columns, columns
from saidwhen.extract.quotes import HEADLINE_CHARS, line_near
from saidwhen.model import EntityType
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

Gender = Literal["female", "male"]
PRONOUNS: dict[str, Gender | None] = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
RANKS = frozenset("lt col gen sgt capt maj adm cpl pvt lieutenant colonel general sergeant".split())
# Words that make a proper-noun run an organisation's name.
_ORG_WORDS = frozenset(
    """
    inc inc. corp corp. co co. cos cos. llc ltd ltd. plc party campaign committee house senate
    news post times journal university college association foundation institute
    council department agency authority ministry office commission service services
    group records productions studios research partners capital bank company
    corporation administration court police army navy force forces bureau board
    network media press center centre hospital school church union league club
    team fund trust society organization organisation coalition alliance
    systems technologies technology labs laboratories industries holdings airlines
    motors pharmaceuticals solutions enterprises ventures magazine tribune herald
    chronicle gazette sports academies
    """.split()
)
# What closes a company's full name ("Vell Data Corp.", "Anheuser-Busch Cos.")
_CORPORATE_SUFFIXES = frozenset("Inc. Corp. Co. Cos. Ltd. LLC PLC Inc Corp Co Cos Ltd".split())
_CORPORATE_LOW = frozenset(w.lower().rstrip(".") for w in _CORPORATE_SUFFIXES)
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
# Of those, the ones any body may be called; "the board", "the ministry" is one so named.
_ANY_BODY_NOUNS = frozenset(
    """
    company firm agency label group organization organisation startup maker retailer
    publisher broadcaster newspaper paper outlet chain network studio bank team club
    """.split()
)
# Nouns whose "the X" may refer to a person or a group of people (the last lines: heads
# of PolNeAR train's sources, three times or more, that no other word here covered).
_PERSON_NOUNS = ROLE_NOUNS | frozenset(
    """
    insider source official officials spokesperson spokesman spokeswoman
    representative rep witness fisherman farmer man woman boy girl guard guards
    doctors physicians doctor nurse nurses victim suspect defendant plaintiff
    resident residents employee worker workers leader leaders expert experts
    member members critic critics supporter supporters friend friends neighbor
    neighbour colleague partner founder cofounder co-founder chief head
    voter admirer opponent rival delegate superdelegate donor backer
    conservative liberal progressive moderate independent observer pundit
    commentator operative staffer speechwriter protester demonstrator
    respondent investigator defender citizen fundraiser counsel neurosurgeon
    allies associates surrogates relative cousin parent grandparent
    """.split()
)
_GIVEN_NAMES = FEMALE_NAMES | MALE_NAMES
# More given names, for a person's gender only (the lexicon's lists are features of the
# name tagger and stay as they are); names given to both are left out.
_MORE_FEMALE = frozenset(
    """
    adriana agnes aisha alicia alison allison alyssa amelia ana angelica angelina anita
    anne annette antonia ava barbra beatrice bella bernadette betsy bianca bonnie
    brianna bridget camila carla carmen caroline cassandra cecilia celeste chloe clara
    claudia colleen connie constance crystal daisy daphne darlene dawn deirdre delores
    dolores eileen elaine eleanor elena eliza elise ella eloise elsa erica erin esther
    eva fatima felicia fiona florence francesca gabriela gabrielle georgia gina gwen
    gwendolyn harriet hazel heidi holly ilhan ingrid irene iris isabel ivy jacinda
    jasmine jeanne jenna jenny joanna jocelyn josephine joy juanita june karla katie
    kate kathy kristen kristin laila layla leah leila lena lillian lily linda lorraine
    lori louise lucia lydia mabel maggie malala mara marcia margot maria marian marina
    marisa marlene martina maureen maxine maya melanie melinda mercedes mia mildred
    miranda miriam molly monica monique muriel nadia naomi natasha nina nora norma olga
    paula pauline penelope phyllis priscilla priya rachael ramona regina renee rita
    roberta rosa rosemary roxanne ruby sabrina sally selena serena sheila simone sofia
    sonia sonya stacy stella sue susanna suzanne sylvia tamara tara tatiana tina tova
    tracy ursula valerie vanessa vera veronica vivian wanda wendy whitney yasmin yolanda
    yvonne zoe
    """.split()
)
_MORE_MALE = frozenset(
    """
    abdul abraham ahmed alberto alfred ali alvin andre andres angelo antonio arnold
    barry bernard boris brad bradley brendan brett bret byron calvin carlos cedric cesar
    charlie clarence claude clayton clifford clint colin conor craig curtis dale damon
    dan danny darnell darren darryl dave dean derek desmond dexter diego dmitri dominic
    don duane dustin dwayne dwight earl ed eddie edgar eduardo elliott emmanuel enrique
    erik ernest ernesto evan felix fernando francis francisco fred freddie frederick
    gavin gene geoffrey gilbert glen glenn gordon graham grant greg guillermo gustavo
    hans harvey hector herbert herman howard hugh hugo ian igor isaac ivan jake javier
    jay jeff jerome jim jimmy joel johnny jon jonah jorge julian julio karl keith ken
    kurt lance leon leonard leroy lloyd luis luke malcolm manuel marcus mario martin
    marvin mateo max melvin mick miguel milton mitchell mohamed mohammed montell morris
    muhammad neil nelson nick nigel norman oliver omar orlando oscar otis owen pablo
    pedro perry pete phil rafael ralph ramon randall raul ray reggie ricardo rick ricky
    roberto rodney rodrigo roland ron ross rudolph salvador sanjay sergei sergio seth
    shane shawn simon stanley stuart ted theodore todd tony travis trevor troy vernon
    victor vladimir wade wallace warren wesley wilbur xavier yusuf zach
    """.split()
)
# every given name known, for where a name starts (not for the tagger's features)
_ANY_GIVEN = _GIVEN_NAMES | _MORE_FEMALE | _MORE_MALE


_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Titles of those sent to or speaking for a place ("Ambassador to the United Nations").
_ENVOYS = frozenset(
    "ambassador ambassadors envoy emissary representative delegate consul attache "
    "attaché liaison commissioner coordinator".split()
)
# Labels that never make a name a person's: spaCy's and the folded ones of
# saidwhen.extract.names (PLACE).
_PLACE_LABELS = {"GPE", "LOC", "FAC", "PLACE", "NORP"}
_NON_NAME_LABELS = _PLACE_LABELS | {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"}
# Documents whose "the statement said" speaks for whoever issued them, even the one
# last said to write or announce something just before ("the party announced ...; the
# release said")
_DOC_NOUNS = frozenset(
    "statement letter release post tweet memo report filing email message note".split()
)
# ... and those learned from PolNeAR train (speaking nouns its texts issue: "ad",
# "survey", "video"), which speak for an issuer the article names with them
_ISSUED_NOUNS = _DOC_NOUNS | frozenset(DOC_HEADS)
# What someone wrote, whose proper-noun compound is its writer ("a Ledger article"),
# unlike "a Fox interview", which Fox did not give
_WRITTEN_NOUNS = _DOC_NOUNS | frozenset(
    "missive essay column book memoir op-ed article story editorial website readout".split()
)
# What someone said or wrote, whose owner ("his response", "Ruiz's letter") said it
_SAID_NOUNS = _WRITTEN_NOUNS | frozenset(
    """
    response answer reply remark comment word speech testimony claim argument retort
    rebuttal explanation complaint warning promise pledge announcement address interview
    """.split()
)


# Work that someone made and that reports what they found ("a survey by Ana Ruiz")
_WORK_NOUNS = _WRITTEN_NOUNS | frozenset(
    """
    survey study analysis research poll review test paper assessment investigation
    calculation estimate projection tally count
    """.split()
)


# Verbs whose subject or "by" agent issued a document ("a letter signed by twelve
# nurses", "a report released by the institute", "figures her campaign released",
# "a declaration filed by the clerk", "documents he submitted")
ISSUING_VERBS = frozenset(
    """
    sign co-sign cosign write issue release send author announce publish post email tweet
    file submit
    """.split()
)


def issuer_word(root: Token) -> Token | None:
    """The word of a document's own phrase that names who issued it, else None: an
    issuing verb's "by" agent or subject ("a report issued by the ministry", "figures
    that the campaign released"), anywhere in the phrase, since the parser may hang the
    verb on a noun after the document's ("a report about immigrants issued by X"); for
    a document's noun, also "from" or "by" ("a statement from the ministry").

    Example:
        "figures her campaign released Friday" -> the "campaign" token
    """
    for tok in root.subtree:
        if tok.dep_ not in ("acl", "relcl") or tok.lemma_.lower() not in ISSUING_VERBS:
            continue
        if tok.dep_ == "relcl" and tok.head.i != root.i:
            continue  # a clause of another noun's is not the document's
        head = tok.head
        while head.i != root.i and head.dep_ in ("prep", "pobj"):
            head = head.head
        if head.i != root.i:
            continue  # (not "the report that says the bill signed by Ruiz ...")
        for c in tok.children:
            if c.dep_ == "agent":
                for who in c.children:
                    if who.dep_ == "pobj" and who.pos_ in ("PROPN", "NOUN", "PRON"):
                        return _named_as(who)
            elif c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP"):
                return _named_as(c)
    if root.lemma_.lower() in _ISSUED_NOUNS:
        # "a statement from the White House", "a report by Bloomberg" (not "exit polls
        # from the primary": a name, or a noun that can speak)
        for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ in ("from", "by")):
            for who in (c for c in prep.children if c.dep_ == "pobj"):
                low = who.lemma_.lower()
                if who.pos_ == "PROPN" or (
                    who.pos_ == "NOUN"
                    and low not in _ISSUED_NOUNS
                    and (person_noun(low) or low in _ORG_NOUNS or low in SOURCE_HEADS)
                ):
                    return who
    return None


def _named_as(who: Token) -> Token:
    """The name a noun is given in its own phrase ("a former staffer named Ana Ruiz"),
    else the noun itself."""
    for acl in who.children:
        if acl.dep_ != "acl" or acl.lemma_.lower() not in ("name", "call"):
            continue
        for name in acl.children:
            if name.dep_ in ("oprd", "dobj", "attr") and name.pos_ == "PROPN":
                return name
    return who


def joint_issuer(who: Token) -> bool:
    """Whether an issuer :func:`issuer_word` found is one of several ("a suit filed by
    Ana Ruiz and Tom Lee", however the parser joined them): no one entity."""
    return bool(who.conjuncts) or any(t.dep_ in ("cc", "conj") for t in who.subtree)


def _issuer_start(who: Token) -> int:
    """Where the mention of an issuer :func:`issuer_word` found starts: a name at its own
    word ("the Organization" of "the Organization for ..." is no "the organisation"), a
    description with its words ("her campaign")."""
    return who.idx if who.pos_ == "PROPN" else who.left_edge.idx


_NOUN_GENDER: dict[str, Gender] = {
    **{w: "female" for w in ("actress", "congresswoman", "chairwoman", "spokeswoman", "woman")},
    **{w: "male" for w in ("actor", "congressman", "chairman", "spokesman", "man")},
}
# How a he/she weighs its candidates (in characters of distance): a person of
# unknown gender is this much farther, the subject of a sentence this much nearer,
# and the subject of a main clause (or its owner: "Mr. Lee's plan is") nearer still
# ("Lane declined to say whether Ortiz slept the night Marsh died. "...," he said").
UNKNOWN_GENDER_COST = 30
SUBJECT_BONUS = 150
MAIN_SUBJECT_BONUS = 250
SALIENCE = 0  # per earlier mention of the candidate, up to ten
_RELATIVE = frozenset({"who", "which", "that", "whom"})
# Abbreviated titles and the role a later description uses ("Gov. Eric Holcomb" ...
# "the governor").
TITLE_WORDS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
    "lt": "lieutenant", "col": "colonel", "sgt": "sergeant", "capt": "captain",
    "prof": "professor", "dr": "doctor", "rev": "reverend", "supt": "superintendent",
    "atty": "attorney", "pres": "president", "amb": "ambassador", "adm": "admiral",
}  # fmt: skip
_DETS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# "Prince Andrew", "Pope Francis": before a lone given name, how the person is named
REGNAL_TITLES = frozenset(
    "king queen prince princess pope duke duchess emperor empress sultan sheikh".split()
)
_PERSON_SUFFIXES = ("ist", "ian", "man", "woman", "person", "ant")


def person_noun(lemma: str) -> bool:
    """Whether a noun's lemma names a person: a role ("spokesman", "voter") or a
    person's ending ("economist", "historian")."""
    return lemma in _PERSON_NOUNS or lemma.endswith(_PERSON_SUFFIXES)


def people_noun(lemma: str) -> bool:
    """Whether a noun's lemma names a person or a body of people ("aide", "campaign",
    "the company"), not a thing ("plan", "report", "eyes")."""
    return person_noun(lemma) or lemma in _ORG_NOUNS


_ROLE_SUFFIXES = ("ist", "ian", "er", "or", "ant", "ent", "man", "woman", "person")
# Parts of speech no role word has ("after", "for" end like "lawyer" and "actor")
_NOT_ROLES = frozenset("ADJ ADP SCONJ CCONJ DET PRON PART ADV NUM AUX".split())
_NOT_ROLE_ENTS = frozenset("DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL".split())


def _stem(word: str) -> str:
    """A crude singular: "productions" -> "production", for matching descriptions to names."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _core(words: list[str]) -> list[str]:
    """Name words without a generational suffix ("Jr.")."""
    out = [w for w in words if w.lower() not in _SUFFIXES]
    return out or words


def _first_surname(low: list[str], ent_low: list[str]) -> bool:
    """ "Acosta" or "Melba Acosta" for "Melba Acosta Febo", "Sada" for "Carlos Manuel Sada
    Solana": given names and two surnames, the first of which names the person alone (not
    "Paul" of "John Paul Jones")."""
    return (
        len(ent_low) in (3, 4)
        and ent_low[-2] not in _ANY_GIVEN
        and len(ent_low[-2]) > 2
        # (a given name first, or none the lexicon knows but a surname last, no role:
        # not "Wells Fargo CEO")
        and (ent_low[0] in _ANY_GIVEN or (len(low) == 1 and ent_low[-1] not in _PERSON_NOUNS))
        and low in ([ent_low[-2]], ent_low[:-1])
    )


def _other_generation(words: list[str], tokens: list[str]) -> bool:
    """ "Donald Trump" and "Donald Trump Jr." (or "Donald J. Trump"): two full names the
    same but for a generational suffix that only one of them has, a father and a son."""
    a = {w.lower().rstrip(".") for w in words} & _BARE_SUFFIXES
    b = {w.lower().rstrip(".") for w in tokens} & _BARE_SUFFIXES
    if a == b:
        return False
    plain_a = [w.lower() for w in _core(words) if not _INITIAL.fullmatch(w)]
    plain_b = [w.lower() for w in _core(tokens) if not _INITIAL.fullmatch(w)]
    return len(plain_a) >= 2 and plain_a == plain_b


_BARE_SUFFIXES = frozenset(w.rstrip(".") for w in _SUFFIXES)


def _unaccented(words: list[str]) -> list[str]:
    """Name words without diacritics: "François" is "Francois" written in a headline."""
    # asked for every pair of a name and a person: one C call for the plain-ASCII case
    if "".join(words).isascii():
        return words
    return [_unaccented_word(w) for w in words]


@functools.lru_cache(maxsize=4096)
def _unaccented_word(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def lowered_at(doc: Doc, words: frozenset[str]) -> list[int]:
    """The indices of the tokens whose lower-case form is one of ``words``, in text order:
    read off the article's index of its words, not a Token object for every token."""
    where = columns(doc).where
    return sorted(i for w in words.intersection(where) for i in where[w])


def _same_person(low: list[str], ent_low: list[str]) -> bool:
    """Do these name words (lower case) name the person whose fullest name is ``ent_low``?"""
    low, ent_low = _unaccented(low), _unaccented(ent_low)
    n, m = len(low), len(ent_low)
    if n >= 2 and m >= 2:
        if low[-1] != ent_low[-1]:
            return n + m == 5 and (_first_surname(low, ent_low) or _first_surname(ent_low, low))
        # "Van Der Beek" in "James Van Der Beek", "Hawk Sawyer" in "Kathleen Hawk Sawyer"
        short, long_ = sorted((low, ent_low), key=len)
        if long_[-len(short) :] == short:
            return True
        return (
            low[0] == ent_low[0] or _initial(low[0], ent_low[0]) or _short_form(low[0], ent_low[0])
        )
    if n >= 2:
        return ent_low[0] in (low[-1], low[0]) or (n == 3 and _first_surname(ent_low, low))
    if m in (3, 4) and _first_surname(low, ent_low):
        return True
    # a surname alone, or a first name alone ("Tom"; "Liu" for "Liu Xiaming")
    return low[0] in (ent_low[-1], ent_low[0])


def _same_body(low: list[str], ent_low: list[str]) -> bool:
    """Do these name words name the body ``ent_low``: the same words, the name without
    its organisation word ("Big Machine" for "Big Machine Records"), or its acronym."""
    # (without the "the" a body's name takes from the article's use: "the Harlow Institute")
    low, ent_low = (
        [w for k, w in enumerate(low) if k or w != "the"],
        [w for k, w in enumerate(ent_low) if k or w != "the"],
    )
    short, long_ = sorted((low, ent_low), key=len)
    if not short:
        return False
    if short == long_:
        return True
    if long_[: len(short)] == short and all(w in _ORG_WORDS for w in long_[len(short) :]):
        return True
    if len(short) == 1 and short[0] in PAPER_WORDS and long_[-1] == short[0]:
        return True  # "the Times" of "The New York Times"
    if len(short) == 1 and long_[0].startswith(f"{short[0]}-") and len(short[0]) >= 4:
        return True  # "Anheuser" of "Anheuser-Busch"
    if len(long_) >= 2 and long_[-1].rstrip(".") in _CORPORATE_LOW:
        # "Vell" or "Vell Data" for "Vell Data Corp.": a company goes by its first word
        return short == long_[:-1] or (len(short) == 1 and short[0] == long_[0])
    if len(short) == 1 and len(short[0]) >= 2:
        initials = "".join(w[0] for w in long_ if w not in ("and", "of", "the", "&", "for"))
        return short[0] == initials
    return False


def _short_form(a: str, b: str) -> bool:
    """A first name and its short form: "Pat" and "Patrick", "Alex" and "Alexander",
    and the nicknames that are no beginning of the name ("Bill" and "William")."""
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and len(long_) > len(short) and long_.startswith(short):
        return True
    return same_nickname(a, b)


def same_nickname(a: str, b: str) -> bool:
    """Are these first names (lower case) one name and a nickname of it ("bill",
    "william"), or two nicknames of one name ("bob", "bobby")?"""
    return a != b and bool(_NICKNAME_GROUPS.get(a, set()) & _NICKNAME_GROUPS.get(b, set()))


# A first name and its nicknames; one group a line
NICKNAMES = tuple(
    frozenset(line.split())
    for line in """
    william bill billy will willie
    robert bob bobby rob
    richard dick rick ricky rich
    michael mike mickey
    james jim jimmy
    joseph joe
    thomas tom tommy
    christopher chris
    edward ted ed teddy ned
    theodore ted teddy
    elizabeth liz beth betsy betty
    katherine kathy kate
    catherine cathy kate
    kathryn kathy kate
    jennifer jen jenny
    charles chuck charlie
    anthony tony
    daniel dan danny
    donald don
    hillary hilary
    benjamin ben
    samuel sam
    nicholas nick
    stephen steve
    steven steve
    timothy tim
    alexander alex
    patrick pat
    margaret maggie peggy meg
    rebecca becky
    susan sue
    andrew andy drew
    jeffrey jeff
    lawrence larry
    laurence larry
    john jack johnny
    henry hank harry
    harold harry
    gerald jerry
    jerome jerry
    rudolph rudy
    sandra sandy
    newton newt
    bernard bernie
    peter pete
    mitchell mitch
    deborah debbie
    """.strip().splitlines()
)
# name -> its groups: a nickname may stand for two names (ted: edward, theodore), which
# are not one another's
_NICKNAME_GROUPS: dict[str, set[int]] = {}
for _k, _group in enumerate(NICKNAMES):
    for _name in _group:
        _NICKNAME_GROUPS.setdefault(_name, set()).add(_k)


# a name's word with page text glued before it: a time ("9:52PMBush"), or a run of
# capitalised words with no space ("LevineFlagShareLikeReplyAni", a live blog's buttons)
_GLUED_TAIL = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?$")
_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")


def unglued(words: list[str]) -> list[str]:
    """The name words from the last one with page text glued before it: that word's
    own tail ("Ani" of "LevineFlagShareLikeReplyAni"); "McDonald", "KellyAnne" and
    "RealClearPolitics" stay as they are."""
    for k in range(len(words) - 1, -1, -1):
        tail = _GLUED_TAIL.search(words[k])
        if tail is None or tail.start() == 0:
            continue
        head = words[k][: tail.start()]
        if any(c.isdigit() for c in head) or len(_HUMP.findall(words[k])) >= 3:
            return [words[k][tail.start() :], *words[k + 1 :]]
    return words


def _initial(a: str, b: str) -> bool:
    return (len(a) <= 2 and a.rstrip(".") == b[:1]) or (len(b) <= 2 and b.rstrip(".") == a[:1])


@functools.lru_cache(maxsize=1 << 14)
def _name_word(text: str, pos: str, ent_type: str) -> bool:
    """Whether a token (its text, ``pos_`` and ``ent_type_``) may be a word of a name;
    every such word opens with a capital letter."""
    return bool(
        (
            pos == "PROPN"
            and text[:1].isupper()
            and (text.isalpha() or (text.replace("-", "").isalpha() and "-" in text))
        )
        or (
            text[:1].isupper()
            and text.rstrip(".").isalpha()
            and len(text) <= 3
            and text.endswith(".")
            and pos == "PROPN"
        )
        # initials for a given name: "J.J. MacNab", "P.J. Fleck"
        or (pos == "PROPN" and _INITIALS.fullmatch(text) is not None)
        # "O'Malley", "O’Rourke", "L'Enfant": the tagger often takes the curly ones for nouns
        or (pos in ("PROPN", "NOUN") and _ELIDED.fullmatch(text) is not None)
        # "PeÃ±a": "Peña" read in the wrong encoding, as some pages are (which the tagger
        # may take for a noun: "Paulo CarreÃ±o King")
        # (or for a verb: "TomÃ¡s Regalado", a given name the tagger labels a person's)
        or (
            (pos == "PROPN" or (_decoded_wrong(text) and (pos == "NOUN" or ent_type == "PERSON")))
            and text[:1].isupper()
            and _mangled_letters(text)
        )
    )


def _name_words_of(doc: Doc) -> tuple[bool, ...]:
    c = columns(doc)
    return tuple(
        t[:1].isupper() and _name_word(t, p, e)
        for t, p, e in zip(c.text, c.pos, c.ent_type, strict=True)
    )


# per token, whether it may be a word of a name (:func:`_name_word`), once per article
_name_words = per_article(_name_words_of, maxsize=4)


# C1 control characters: what a wrong decoding leaves where it had no letter for a byte
_C1 = dict.fromkeys(range(0x80, 0xA0))


def _mangled_letters(word: str) -> bool:
    """Whether a word read in the wrong encoding is letters: once repaired ("PeÃ±a"), or
    with a control character where a letter was lost ("JesÃ\x83Âos", read wrong twice).

    >>> _mangled_letters("PeÃ±a"), _mangled_letters("JesÃ\x83Âos"), _mangled_letters("Ã·2")
    (True, True, False)
    """
    return unmangle(word).translate(_C1).isalpha()


def _decoded_wrong(word: str) -> bool:
    """Whether a word shows a wrong decoding: one :func:`unmangle` repairs, or a control
    character left for a lost letter (a noun with an accent, "Piñatas", is just a noun).

    >>> _decoded_wrong("CarreÃ±o"), _decoded_wrong("JesÃ\x83Âos"), _decoded_wrong("Piñatas")
    (True, True, False)
    """
    if word.isascii():
        return False
    word = composed(word)
    return unmangle(word) != word or word.translate(_C1) != word


def composed(name: str) -> str:
    """A name as the article writes it, its accents composed: a text that gives "Ã" as
    "A" and a combining tilde keeps its letters, but names are compared and stored in
    one form (the scorer's, the bank's, the reader's).

    >>> composed("Jose\u0301 Ruiz") == "Jos\u00e9 Ruiz"
    True
    """
    return name if name.isascii() else unicodedata.normalize("NFC", name)


def unmangle(text: str) -> str:
    """UTF-8 text that was decoded as Windows-1252, repaired ("PeÃ±a" -> "Peña"), twice
    when it was read wrong twice; other text as it is (the article's names here, the
    quote bank's speakers too).

    >>> unmangle("JosÃ© MartÃ­nez"), unmangle("Ã…sa"), unmangle("Åsa")
    ('José Martínez', 'Åsa', 'Åsa')
    >>> unmangle("BasÃ\x83Â¡Ã\x83Â±ez")
    'Basáñez'
    """
    if text.isascii():
        return text
    text = composed(text)  # (an "Ã" may come as "A" and a tilde)
    for _ in range(2):
        if not any(c in _MANGLED_LEADS for c in text):
            break
        text = _decoded_again(text)
    return text


def _decoded_again(text: str) -> str:
    for wrong in ("cp1252", "latin-1"):
        try:
            return text.encode(wrong).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return text


_MANGLED_LEADS = frozenset("ÃÂÅÄÐÑâ")


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


def _lower_case_words(text: str) -> set[str]:
    """The words ``text`` writes in lower case somewhere: where it capitalises one, that
    is a sentence's or a title's capital, not a name's."""
    return set(_LOWER_WORD.findall(text))


_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
_INITIAL = re.compile(r"[A-Z]\.")  # one initial: "A." of "Julie A. Diaz"
_ELIDED = re.compile(r"[A-Z][a-z]?['’][A-Z][a-z]+(?:-[A-Z][a-z]+)?")
# Lower-case words inside a name ("Ursula von der Leyen", "Charles de Gaulle", "Abd
# al-Karim Qasim"), and "d'Alembert"
_NAME_PARTICLES = frozenset(
    "von van der den de du des da dos das del della di le la al el bin ibn".split()
)
_ELIDED_PARTICLE = re.compile(r"[dl]['’][A-Z][a-z]+")
_POST_NOMINALS = frozenset("FRS FRSE DBE CBE OBE MBE KBE GBE RA MP MEP MSP QC KC".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


# what follows a hyphen in a compound word, not in a name ("Tano-era", "Yun-led")
_COMPOUND_ENDS = frozenset("era led style like born made run based backed type".split())


def _syllable_name(c: Columns, i: int, j: int) -> bool:
    """Token ``j`` is the capitalised first syllable of a hyphenated given name after a
    surname (``Kim Jong-un``), the second in lower case: tokens ``j+1:j+3`` are ``-un``."""
    if j == i or j + 2 >= c.n or c.text[j + 1] != "-":
        return False
    first, second = c.text[j], c.text[j + 2]
    return (
        not c.space[j]
        and not c.space[j + 1]
        and len(first) <= 4
        and first.isalpha()
        and second.isalpha()
        and second.islower()
        and len(second) <= 4
        and second not in _COMPOUND_ENDS
    )


def _given_by_tagger(c: Columns, name: tuple[bool, ...], i: int) -> bool:
    """A capitalised word the parser reads as no proper noun ("Will" a modal) that the
    name tagger opens a person's name with, inside a sentence: "said Will Doyle"."""
    return (
        i + 1 < c.n
        and c.ent_type[i] == "PERSON"
        and not c.inside[i]
        and c.inside[i + 1]
        and name[i + 1]
        and c.space[i]
        and not c.first[i]
        and c.alpha[i]
        and c.text[i][:1].isupper()
        and c.text[i][1:].islower()
        and c.lower[i] not in TITLES
    )


def _name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of maximal proper-noun runs (candidate names); "Eva-Marie" holds together."""
    runs = []
    i = 0
    c = columns(doc)
    n, text, space = c.n, c.text, c.space
    name = _name_words(doc)
    while i < n:
        # every way into a run needs a capital first letter
        if not text[i][:1].isupper():
            i += 1
            continue
        # "Nurses for Clean Water": a capitalised plural inside a sentence opens a body's name
        plural_head = c.tag[i] == "NNS" and not c.first[i] and _bridge(c, name, i) is not None
        if (
            name[i]
            or plural_head
            or _given_by_tagger(c, name, i)
            or _surname_he(c, name, i)
            or _acronym_opens(c, name, i)
            or _body_adjective(c, i)
        ):
            j = i
            while j + 1 < n:
                word = name[j + 1] or _body_adjective(c, j + 1)
                if word and space[j]:
                    j += 1
                elif (
                    not space[j]
                    and not text[j].isascii()
                    and _mangled_letters(text[j] + text[j + 1])
                ):
                    j += 1  # "JosÃ" + "©": "José" mangled and cut in two
                elif (k := _bridge(c, name, j, i)) is not None:
                    j = k
                elif (k := _listed_fields(c, name, i, j)) is not None:
                    j = k  # "the National Academies of Sciences, Engineering and Medicine"
                elif j + 2 < n and not space[j] and text[j + 1] == "\xa0" and name[j + 2]:
                    j += 2  # "James\xa0Comey": a web page's no-break space, a token of its own
                elif (
                    j + 4 < n
                    and text[j + 1] == "("
                    and name[j + 2]
                    and not text[j + 2].isupper()
                    and text[j + 3] == ")"
                    and name[j + 4]
                ):
                    # "Coach (Frank) Vogel": a name put in by the writer; but an acronym
                    # closes the body's name it spells ("the Bureau (FBI) Lou Hale")
                    j += 4
                elif (k := _nickname_end(c, name, j)) is not None:
                    j = k  # "John “Tig” Tiegen": a nickname in quotation marks
                elif (
                    j + 2 < n
                    and text[j + 1] == "-"
                    and not space[j]
                    and not space[j + 1]
                    and name[j + 2]
                ):
                    j += 2
                elif _syllable_name(c, i, j):
                    j += 2  # "Ban Ki-moon", "Moon Jae-in": a given name of two syllables
                elif (
                    j + 2 < n
                    and _INITIAL.fullmatch(text[j + 1])
                    and space[j]
                    and space[j + 1]
                    and name[j + 2]
                ):
                    j += 2  # "Julie A. Diaz": a middle initial the tagger took for a noun
                elif (k := _after_particles(c, name, j)) is not None:
                    j = k  # "Ursula von der Leyen", "Jean d'Alembert"
                else:
                    break
            while j > i and c.lower[j] in _WEEKDAYS:
                j -= 1  # "interviewed Dana Ruiz Tuesday": the day is no part of her name
            if j == i and c.lower[i] in _WEEKDAYS:
                i += 1  # "a court Thursday refused": a day is no one
                continue
            while j > i + 1 and text[j] in _POST_NOMINALS:
                j -= 1  # "Jane Okafor OBE", "Tom Hale MP": letters after the name
            if j + 1 < n and space[j] and text[j + 1] in _CORPORATE_SUFFIXES:
                j += 1  # "Vell Data Corp.": the company's full name
            if (
                j > i
                and text[j] in _CORPORATE_SUFFIXES
                and j + 1 < n
                and text[j + 1] == "."
                and not space[j]
            ):
                j += 1  # (the tokenizer's "Cos" ".")
            runs.extend(_twice_named(c, i, j + 1))
            i = j + 1
        else:
            i += 1
    return runs


_NICK_OPEN = frozenset({"“", '"', "``", "''", "‘", "'"})
_NICK_CLOSE = frozenset({"”", '"', "''", "’", "'"})
# a nickname as one word of a name's text, marks included ("“Tig”", "''Bud''")
_QUOTED_NICKNAME = re.compile(
    "(?:{})[^\\s“”\"']+(?:{})".format(
        "|".join(map(re.escape, sorted(_NICK_OPEN))), "|".join(map(re.escape, sorted(_NICK_CLOSE)))
    )
)


def quoted_nickname(word: str) -> bool:
    """Whether a word of a name's text is a nickname in quotation marks ("“Tig”")."""
    return _QUOTED_NICKNAME.fullmatch(word) is not None


def _nickname_end(c: Columns, name: tuple[bool, ...], j: int) -> int | None:
    """The surname after a quoted nickname between a given name and it ("John “Tig”
    Tiegen", "Lloyd ''Bud'' Cole"), else None: the run goes on to the surname."""
    k = j + 1
    if k + 3 >= c.n or not c.space[j] or c.text[k] not in _NICK_OPEN:
        return None
    end = k + 1
    while end < min(k + 4, c.n) and name[end]:
        end += 1
    if end == k + 1 or end + 1 >= c.n or c.text[end] not in _NICK_CLOSE:
        return None
    # (marks tight around the nickname, a space on each side: not a quote that opens
    # after a name, "Lee “Gone” said")
    if c.space[k] or c.space[end - 1] or not c.space[end]:
        return None
    return end + 1 if name[end + 1] and c.pos[end + 1] == "PROPN" else None


def _listed_fields(c: Columns, name: tuple[bool, ...], i: int, j: int) -> int | None:
    """The last word of a list that closes a body's name after its "of" or "for" ("of
    Sciences, Engineering and Medicine", "of Alcohol, Tobacco, Firearms and
    Explosives"): one word a field, each joined to the one before it, the last by "and";
    else None."""
    if not any(w in ("of", "for") for w in c.lower[i:j]):
        return None
    n, text = c.n, c.text
    k, fields = j, 0
    while k + 2 < n and text[k + 1] == "," and name[k + 2] and c.dep[k + 2] == "conj":
        k, fields = k + 2, fields + 1
    at = k + 1
    if at + 1 < n and text[at] == ",":
        at += 1  # (the serial comma)
    if fields and at + 1 < n and c.lower[at] == "and" and name[at + 1] and c.dep[at + 1] == "conj":
        return at + 1
    return None


def _body_adjective(c: Columns, i: int) -> bool:
    """A capitalised adjective inside a body's name, which the tagger reads as one
    ("the Republican Jewish Coalition", "the Democratic Senatorial Campaign Committee"):
    a word of the name, not a description of the body."""
    return (
        c.pos[i] == "ADJ"
        and c.ent_type[i] == "ORG"
        and c.text[i][:1].isupper()
        and c.alpha[i]
        and c.space[i]
        and i + 1 < c.n
        and c.ent_type[i + 1] == "ORG"
        and c.inside[i + 1]
        and c.text[i + 1][:1].isupper()
    )


def _acronym_opens(c: Columns, name: tuple[bool, ...], i: int) -> bool:
    """An acronym the parser took for a common noun, opening a body's name that the
    tagger reads as one ("the SITE Intelligence Group")."""
    text = c.text[i]
    return (
        i + 1 < c.n
        and text.isupper()
        and text.isalpha()
        and 2 <= len(text) <= 6
        and c.ent_type[i] == "ORG"
        and c.space[i]
        and c.inside[i + 1]
        and name[i + 1]
    )


def _after_particles(c: Columns, name: tuple[bool, ...], j: int) -> int | None:
    """The name word after the lower-case particles that follow token ``j`` ("von der
    Leyen", "al-Karim", "d'Alembert"), else None."""
    n, text, space = c.n, c.text, c.space
    k = j + 1
    if not space[j] or k >= n:
        return None
    if _ELIDED_PARTICLE.fullmatch(text[k]) and c.pos[k] in ("PROPN", "NOUN"):
        return k
    seen = 0
    while k < n and text[k] in _NAME_PARTICLES and seen < 2:
        seen += 1
        if k + 2 < n and text[k + 1] == "-" and not space[k]:
            if not space[k + 1] and name[k + 2]:
                return k + 2  # "al-Karim"
            return None
        if not space[k]:
            return None
        k += 1
    if seen and k < n and name[k] and text[k][:1].isupper():
        return k
    return None


def _twice_named(c: Columns, i: int, j: int) -> list[tuple[int, int]]:
    """A run that gives one name twice ("Daniel Bernoulli Daniel Bernoulli", a heading run
    into the first line; "Otto Jespersen Jens Otto Harry Jespersen") as two runs: cut
    after an earlier word the same as the run's last (no letters: "FRS" aside)."""
    out: list[tuple[int, int]] = []
    text, space = c.text, c.space
    todo = [(i, j)]  # the pieces still to cut, leftmost last (a loop: a run may be long)
    while todo:
        i, j = todo.pop()
        last = j - 1
        while last > i and text[last].isupper() and len(text[last]) > 1:
            last -= 1
        # "Holt Holt": a heading's name run into a sentence that opens with it
        twice = next(
            (k for k in range(i, last) if text[k] == text[k + 1] and space[k] and c.alpha[k]),
            None,
        )
        if twice is not None:
            todo += [(twice + 1, j), (i, twice + 1)]
            continue
        surname = text[last]
        again = next(
            (
                k
                for k in range(i + 1, last - 1)
                if text[k] == surname and space[k] and text[k + 1][:1].isupper()
            ),
            None,
        )
        if again is None:
            out.append((i, j))
        else:
            out.append((i, again + 1))
            todo.append((again + 1, j))
    return out


def _surname_he(c: Columns, name: tuple[bool, ...], i: int) -> bool:
    """ "He Jianxiong": the surname He, not the pronoun, before a person's given name."""
    return (
        c.text[i] == "He"
        and i + 1 < c.n
        and c.space[i]
        and c.ent_type[i + 1] == "PERSON"
        and name[i + 1]
    )


def _surname_he_at(doc: Doc, i: int) -> bool:
    """:func:`_surname_he` of token ``i`` of ``doc``."""
    return _surname_he(columns(doc), _name_words(doc), i)


def _bridge(c: Columns, name: tuple[bool, ...], j: int, start: int | None = None) -> int | None:
    """The next name word after "of"/"for" in a body's name ("Office of the Inspector
    General", "Nurses for Clean Water"), or after an "and" that goes on such a name; None
    when token ``j`` ends no such name part.  ``start``: where the run began (a bridge
    before a person's name, "words for Chris Wallace of ...", is none of its own)."""
    if j + 2 >= c.n or not c.space[j]:
        return None
    low = c.lower
    # "Office for the Western District of New York": a body's name goes on after a bridge
    lo = max(0, j - 4) if start is None or c.ent_type[j] != "PERSON" else max(start, j - 4)
    bridged = any(w in ("of", "for") for w in low[lo:j])
    if low[j + 1] == "and":
        # "Center for Media and Public Affairs": an "and" inside a body's name that the
        # tagger reads as one
        inside = all(c.inside[k] and c.ent_type[k] == "ORG" for k in (j + 1, j + 2))
        return j + 2 if bridged and inside and name[j + 2] else None
    if low[j + 1] not in ("of", "for"):
        return None
    plural = c.tag[j] in ("NNPS", "NNS") and c.text[j][:1].isupper()
    if low[j] not in _ORG_WORDS and not plural and not bridged:
        return None
    k = j + 2
    if k + 1 < c.n and (
        low[k] == "the"
        # "Committee for a Responsible Budget", as the tagger reads it
        or (low[k] in ("a", "an") and c.inside[k] and c.ent_type[k] == "ORG")
    ):
        k += 1
    if _ORDINAL.fullmatch(c.text[k]) and k + 1 < c.n and c.space[k] and name[k + 1]:
        return k  # "Court of Appeals for the 3rd Circuit": a numbered part of its name
    return k if name[k] else None


# "3rd", "11th": an ordinal in digits
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")


def _is_descriptor_word(
    c: Columns, name: tuple[bool, ...], k: int, last_label: str, common: set[str]
) -> bool:
    """A word (token ``k``) in front of a name that says what the person is, not who."""
    low = c.lower[k]
    if _surname_he(c, name, k):
        return False
    if low in TITLES or low in _PERSON_NOUNS or _stem(low) in _PERSON_NOUNS:
        # "Lawyers Fiona Marsh and Derek Hale" (a plural role too), "Majority Whip Tom
        # Harlan", "Ranking Democrat Nora Vale"
        return True
    label = c.ent_type[k]
    if low in _GIVEN_NAMES or (low in _ANY_GIVEN and label == "PERSON"):
        return False  # (also "Grant Young", though the article grants a loan)
    if low.endswith(("ator", "dent")) and k + 2 < c.n and c.alpha[k + 2]:
        return True  # "Administrator Tom Lee", "Superintendent ...": a role in front
    if c.first[k] and (low in common or low.endswith(_PERSON_SUFFIXES)):
        # "Defenseman Jonas Brodin", "Fisherman Sam Ortiz": a common word as an opener
        return True
    if last_label == "PERSON" and label not in ("", "PERSON"):
        return True  # "Browns", "White House", "Ukraine" before a person's name
    # "DL", "CEO": a short all-capital word that is not an initial
    text = c.text[k]
    return text.isupper() and text.isalpha() and 2 <= len(text) <= 4


def _standalone_labels(doc: Doc, runs: list[tuple[int, int]]) -> dict[str, str]:
    """Words that stand alone as a name run somewhere in the article, with their
    most frequent label ("Ukraine": PLACE)."""
    seen: dict[str, dict[str, int]] = {}
    col = columns(doc)
    for i, j in runs:
        if j - i == 1:
            lab = col.ent_type[i] or "-"
            c = seen.setdefault(col.text[i], {})
            c[lab] = c.get(lab, 0) + 1
    return {w: max(c, key=lambda k: c[k]) for w, c in seen.items()}


def _name_start(
    doc: Doc, i: int, j: int, common: set[str], alone: dict[str, str] | None = None
) -> int:
    """Where a person's name starts in the run ``doc[i:j]`` (after titles, roles, bodies)."""
    c = columns(doc)
    name = _name_words(doc)
    low = c.lower
    start = prev = i
    last_label = c.ent_type[j - 1]
    for k in range(i, j - 1):
        if _is_descriptor_word(c, name, k, last_label, common):
            start, prev = k + 1, start
    if all(w in _SUFFIXES for w in low[start:j]):
        start = prev  # "Martin Luther King Jr.": "King" is his name here, not a title
    # "Velo Tom Ortiz": a place or body named alone elsewhere, before two more names
    # (a word of its own: not "Vell" of "Vell-Marten")
    if alone and j - start >= 3 and c.space[start] and alone.get(c.text[start]) in ("PLACE", "ORG"):
        start += 1
    # "State Mike Pompeo" (from "Secretary of State"), "Superintendent Jennifer McCormick":
    # a known given name after words that are none starts the name
    for k in range(start + 1, j - 1):
        if low[k] in _ANY_GIVEN:
            first = k - 2 if c.text[k - 1] == "-" else k  # "Eva-Marie Persson"
            before = low[start:first]
            # (after "of" of a title, or a contest's "Miss": "Miss Universe Alicia Vega")
            after_title = start > 0 and (
                low[start - 1] == "of"
                or (start == i and title_of(doc, start) is not None)
                # "former operative and Marine John Tiegen": one more role of a list
                or (start == i and _after_role_and(doc, start))
                or (
                    low[start - 1] in ("miss", "mister")
                    and not any(w in _ANY_GIVEN for w in before)
                )
            )
            if after_title or all(
                w in common
                # (a given name is none: "Peter Charles L'Enfant")
                or (w.endswith(_ROLE_SUFFIXES) and w not in _ANY_GIVEN)
                or w == "-"  # "Secretary-Treasurer Gary Vell": a title in two
                for w in before
            ):
                start = first  # "Superintendent Jennifer McCormick", "Administrator Jim ..."
            break
    else:
        if start == i and j - i >= 3 and title_of(doc, i) is not None:
            # "Minister of Education Stefania Giannini", "CEO of the Refugee Council Enver
            # Solomon": a title's body or place, then a name whose given name the lexicon
            # does not know: the last two words (and a particle before them)
            cut = j - 2
            while cut - 1 > i and low[cut - 1] in _NAME_PARTICLES:
                cut -= 1
            words = [k for k in range(cut, j) if low[k] not in _NAME_PARTICLES]
            # (not a place's name: "Governor of New South Wales", "Mayor of Salt Lake City")
            if all(
                c.text[k][:1].isupper()
                and c.alpha[k]
                and low[k] not in _ORG_WORDS
                and low[k] not in common
                and c.ent_type[k] not in _PLACE_LABELS
                for k in words
            ):
                start = cut
    return start


def _after_role_and(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` follows "and" after a lower-case role ("a former operative and
    Marine ...", "a lawyer and Democrat ..."): the words from it are roles too."""
    if i < 2 or doc[i - 1].lower_ != "and":
        return False
    role = doc[i - 2]
    return role.pos_ == "NOUN" and role.text.islower() and person_noun(role.lemma_.lower())


def title_of(doc: Doc, i: int) -> int | None:
    """Where the title is that ``doc[i]`` follows after "of" or "for" (and "the"):
    "Minister of | Education ...", "CEO of the | Refugee Council ...", "Minister for |
    Health ..."; else None."""
    c = columns(doc)
    k = i - 1
    if k >= 0 and c.lower[k] == "the":
        k -= 1
    if k < 1 or c.lower[k] not in ("of", "for"):
        return None
    title = c.lower[k - 1]
    if c.text[k - 1][:1].isupper() and (title in TITLES or title in ROLE_NOUNS):
        return k - 1
    return None


# Sentence openers the tagger may take for a name's first word ("First Tano went ...")
_OPENER_WORDS = frozenset(
    """
    first then now also still even only just yet though although unlike like
    meanwhile perhaps indeed instead besides top next last once while whereas
    """.split()
)


def _opener_end(doc: Doc, i: int, j: int, common: set[str]) -> int:
    """Skip a sentence opener that is no name ("Hosting Cook at ...", "Asked, Lee said",
    "First Tano went ...")."""
    c = columns(doc)
    low = c.lower[i]
    if (
        j - i >= 2
        and not _surname_he_at(doc, i)
        and (c.first[i] or i == 0)
        and low not in _GIVEN_NAMES
        # "Grant Young, a strategist, said": a given name the tagger puts in a person's name
        and not (low in _ANY_GIVEN and c.ent_type[i] == "PERSON")
        and (
            low.endswith("ing")
            or c.tag[i] in ("VBG", "VBN", "VB", "VBD")
            or low in _OPENER_WORDS
            or (low in common and low not in TITLES)
        )
    ):
        return i + 1
    return i


def _alone_on_line(doc: Doc, i: int, j: int) -> bool:
    """A name that is a whole line: page furniture ("Sponsored Ads") or a byline; or
    one in a subhead set in capitals ("VOLKSWAGEN ID. SPACE VIZZION CONCEPT"), whose
    words run a body's name into the model's. Only ``HEADLINE_CHARS`` characters on
    each side of the name are read: a longer line is a paragraph, neither furniture
    nor a subhead (and is not read again per name)."""
    text = doc_text(doc)
    c = columns(doc)
    start, end = c.idx[i], c.idx[j - 1] + len(c.text[j - 1])
    bounds = line_near(text, start, end, HEADLINE_CHARS)
    if bounds is None:
        return False
    lo, hi = bounds
    line = text[lo:hi]
    if len(line.split()) > 1 and not any(map(str.islower, line)):
        return True
    return not text[lo:start].strip() and not text[end:hi].strip()


def _personal(doc: Doc, i0: int, i: int, j: int, name_words: set[str]) -> bool:
    """Does the tail ``doc[i:j]`` of a run cut at ``i`` look like a person's name?"""
    c = columns(doc)
    if any(w in TITLES or w in ROLE_NOUNS for w in c.lower[i0:i]):
        return True
    return any(
        c.ent_type[k] == "PERSON" or c.lower[k] in name_words or c.lower[k] in _GIVEN_NAMES
        for k in range(i, j)
    )


def _role_like(c: Columns, k: int) -> bool:
    """A word (token ``k``) that names what someone is; the small model often tags
    "ecologist" a verb."""
    low, pos = c.lower[k], c.pos[k]
    if not c.alpha[k] or c.tag[k] in ("VBD", "VBZ", "VBG", "MD") or pos in _NOT_ROLES:
        return False
    if c.ent_type[k] in _NOT_ROLE_ENTS:
        return False  # "last week", "5%": no one
    return low in ROLE_NOUNS or pos == "NOUN" or low.endswith(_ROLE_SUFFIXES)


def _one(c: Columns, k: int) -> str:
    """A role word (token ``k``) as said of one person: "rivals Ana Ruiz and Tom Lee"
    makes each a rival."""
    return c.lemma[k] if c.tag[k] == "NNS" else c.lower[k]


def _left_descriptors(doc: Doc, i: int) -> list[str]:
    """The words right before a name that say who they are ("marine biologist Dana Okafor")."""
    c = columns(doc)
    r = i - 1
    if i == 0 or not _role_like(c, r) or not c.text[r].islower():
        return []
    head, dep = c.head[r], c.dep[r]
    if head < r and dep not in ("compound", "appos", "amod"):
        return []  # "the first time Ortiz had ...": a noun of the clause before, no role
    if head < i and dep == "appos" and c.pos[head] == "PROPN":
        # "Lee Research, the firm Dana Lee founded": the firm is not what Dana Lee is
        return []
    words = [_one(c, r)]
    k = i - 2
    while k >= 0 and len(words) < 3 and c.alpha[k] and c.pos[k] in ("NOUN", "ADJ", "PROPN"):
        starts = k == 0 or c.is_space[k - 1] or c.first[k]
        if c.text[k][:1].isupper() and not starts:
            break  # a capitalised word inside a sentence is a name, not a role
        words.insert(0, c.lower[k])
        k -= 1
    return [" ".join(words)]


def _appositive_descriptors(doc: Doc, i: int, j: int) -> list[str]:
    """ "her husband, singer John Legend", "John Legend, a singer," and "Lee, 42, a fisherman"."""
    c = columns(doc)
    head = j - 1
    out = []
    # (not when the noun is itself in apposition to another name: "Lee Research, the
    # firm Dana Lee founded" is parsed so)
    noun = c.head[head]
    if (
        c.dep[head] == "appos"
        and c.pos[noun] == "NOUN"
        and c.dep[noun] != "appos"
        and _role_like(c, noun)
    ):
        mods = [
            c.lower[t]
            for t in c.children[noun]
            if t < noun and c.dep[t] == "compound" and c.pos[t] == "NOUN"
        ]
        out.append(" ".join([*mods, _one(c, noun)]))
    for child in c.children[head]:
        if c.dep[child] == "appos" and c.pos[child] == "NOUN" and child >= j:
            if _role_like(c, child) and not _someone_elses(c, child):
                mods = [
                    c.lower[t]
                    for t in c.children[child]
                    if t < child and c.pos[t] in ("NOUN", "ADJ")
                ]
                out.append(" ".join([*mods, _one(c, child)]))
        elif (
            c.dep[child] == "appos"
            # (isdecimal: "²", a note's mark, is a digit int() cannot read)
            and c.text[child].isdecimal()
            and 0 < int(c.text[child]) < 120  # an age, not "Trump, 2016"
            and child >= j
            and c.text[child - 1] == ","
        ):
            out.append(f"{c.text[child]}-year-old")
    return out


def _someone_elses(c: Columns, noun: int) -> bool:
    """An appositive noun that names someone of the name's, not the name: "Dana Lee,
    whose husband, ..." and "Lee’s son, Tom" (the parse makes "son" Lee's appositive)."""
    if any(c.dep[t] == "poss" and c.lower[t] == "whose" for t in c.children[noun]):
        return True
    left = min([noun, *(t for t in c.children[noun] if t < noun)])
    return left > 0 and c.text[left - 1] in ("’", "'", "’s", "'s")


def _time_tail(span: SpacySpan) -> int:
    """Where a time closing a mention starts ("A group of doctors in 2015", "A Monmouth
    poll out Monday", "Tano this week": no part of who), else the span's end."""
    root = span.root
    doc = span.doc
    for t in span:
        if t.i > root.i and t.ent_type_ in ("DATE", "TIME"):
            if t.i < t.head.i < span.end and t.head.pos_ in ("NOUN", "PROPN"):
                continue  # a time that qualifies a noun after it ("that 2019 report")
            k = t.i
            while k - 1 > root.i and doc[k - 1].pos_ in ("ADP", "ADV", "DET", "ADJ"):
                k -= 1
            return doc[k].idx
    return span.end_char


def _knows_of(root: Token, child: Token) -> bool:
    """Whether ``child`` tells how unnamed people know what they say: a participle or
    adjective with a preposition after a person noun ("people briefed on the talks",
    "officials familiar with the plan", "a source involved in the deal", "one Democrat
    familiar with the talks")."""
    lemma = root.lemma_.lower()
    return (
        (root.pos_ == "NOUN" or (root.pos_ == "PROPN" and root.lower_ in _PARTY_MEMBERS))
        and (person_noun(lemma) or lemma in ("people", "person") or lemma in _PARTY_MEMBERS)
        and (
            (child.dep_ == "acl" and child.tag_ in ("VBN", "VBD"))
            or (child.dep_ == "amod" and child.i > root.i)
        )
        and any(c.dep_ == "prep" for c in child.children)
    )


# a party's member as an unnamed source's head ("one Democrat familiar with ...")
_PARTY_MEMBERS = frozenset("democrat democrats republican republicans".split())


def _clean_mention(doc: Doc, start: int, end: int) -> tuple[str, EntityType, str] | None:
    """A name for a mention no entity holds: the words of its head phrase, without a
    trailing apposition or clause ("Apple, a giant industrial producer," -> "Apple")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.pos_ == "PRON" or root.lower_ in _RELATIVE:
        return None
    lemma = root.lemma_.lower()
    if lemma in _SAID_NOUNS or lemma in _WORK_NOUNS:
        # "PC World's analysis", "Ruiz's letter": the words speak for their owner
        # (not a day's: "Thursday's memo from the panel")
        for owner in (
            c
            for c in root.children
            if c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "TIME")
        ):
            return _clean_mention(doc, owner.left_edge.idx, owner.idx + len(owner))
    # a document's issuer; for another thing, only one its own clause says issued it
    # ("figures her campaign released", "data released by the regulators")
    issued = lemma in _ISSUED_NOUNS or (root.pos_ == "NOUN" and not people_noun(lemma))
    if issued and (who := issuer_word(root)) is not None and who.idx < end:
        return _clean_mention(doc, who.left_edge.idx, who.right_edge.idx + len(who.right_edge))
    # "people briefed on the talks", "officials familiar with the server": unnamed
    # sources keep what they know (and when: "veterans interviewed this week"), without
    # the clauses of that ("the talks held in ...")
    known = [c for c in root.rights if _knows_of(root, c)]
    told = {t.i for k in known for t in k.subtree}
    cut = end
    for t in span:
        if t.i > root.i and t.text in (",", "(", "—", "–"):
            cut = t.idx
            break
        if t.i > root.i and t.ent_type_ in ("DATE", "TIME") and t.i not in told:
            cut = _time_tail(span)
            break
    for child in root.rights:
        if child.dep_ in ("relcl", "acl") and child.left_edge.idx < cut and child not in known:
            cut = child.left_edge.idx
    for what in (o for k in known for p in k.children if p.dep_ == "prep" for o in p.children):
        for child in what.rights:
            if child.dep_ in ("relcl", "acl") and child.left_edge.idx < cut:
                cut = child.left_edge.idx
    last = [t for t in span if t.idx < cut and not t.is_space]
    if (
        len(last) > 1
        and last[-1].dep_ == "acl"
        and last[-1].tag_ in ("VBN", "VBG")
        and last[-1].right_edge.idx >= cut
    ):
        # "the latest poll released Wednesday": not "the latest poll released" once the
        # day is cut off
        cut = last[-1].idx
        last = last[:-1]
    if len(last) > 1 and last[-1].dep_ == "case":
        cut = last[-1].idx  # "Ruiz's", owner of "announcement": Ruiz
    text = doc_text(doc)[start:cut].strip(" ,-–—")
    toks = [t for t in span if t.idx < cut]
    if not text or not toks:
        return None
    propn = root.pos_ == "PROPN"
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
