"""The syntax of attribution: speech verbs, their cues, subjects and noun phrases."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np

from saidwhen.extract._reported_cues import CUE_PREPS
from saidwhen.extract._source_heads import SOURCE_HEADS
from saidwhen.extract.memo import doc_tokens, per_article
from saidwhen.extract.people.names import people_noun, person_noun
from saidwhen.extract.speech.lexicon import (
    CHANNEL_WORDS,
    CUE_CHANNELS,
    DASHES,
    DESCRIBING_VERBS,
    EDGE_WORDS,
    NO_SOURCE,
    OBJECT_CONTROL,
    QUOTE_CHARS,
    SPEECH_VERBS,
    SUBJ_DEPS,
    WHEN_ENTS,
)
from saidwhen.extract.speech.types import TaggedSpan
from saidwhen.model import Span
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "a_share",
    "according_to",
    "after_break",
    "can_speak",
    "channel_of",
    "contiguous",
    "cue_span",
    "cue_subject",
    "cue_tokens",
    "governing_cue",
    "highest",
    "is_speech_verb",
    "line_after",
    "line_before",
    "lost_subject",
    "noun_phrase",
    "np_span",
    "owner_of_sentence_before",
    "shared_subject",
    "source_tokens",
    "span_root",
    "speaking_owner",
    "speaking_subject_above",
    "speech_report",
    "subject_of",
    "subtree",
    "trim",
    "without_dateline",
]


def _as_one_put_it(tok: Token) -> bool:
    """``As one adviser put it, "..."``: "put it" in an "as" clause reports words."""
    doc = tok.doc
    return (
        tok.lemma_ == "put"
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].lower_ == "it"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
    )


def is_speech_verb(tok: Token, lexicon: frozenset[str] = SPEECH_VERBS) -> bool:
    if tok.lemma_ == "go" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "on":
        return True  # "Trump went on, ..."
    if _as_one_put_it(tok):
        return True
    return bool(tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lexicon) or (
        tok.lower_ in lexicon and tok.pos_ in ("VERB", "NOUN", "PROPN") and tok.tag_.startswith("V")
    )


def cue_span(doc: Doc, verb: Token) -> Span:
    """The cue of ``verb`` (:func:`cue_tokens`) as a character span."""
    toks = cue_tokens(verb)
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
    return Span(doc_text(doc)[s:e], s, e)


def np_span(doc: Doc, head: Token, whole: bool = False) -> tuple[int, int]:
    """A speaker's mention, as the name of a person: the subject noun phrase cut
    before a comma, relative clause or apposition (``whole``: with its clauses and
    phrases, up to a comma).  Meant to differ from :func:`noun_phrase`, the source
    span as PolNeAR annotates it (appositions and relative clauses kept)."""
    left = head.left_edge.i
    right = head.right_edge.i if whole else head.i
    for child in head.rights:
        if (
            child.dep_ in ("compound", "flat", "case", "nummod", "amod", "poss", "appos")
            and (child.dep_ != "appos" or (child.pos_ == "PROPN" and child.i == head.i + 1))
        ) or (child.dep_ == "prep" and child.lower_ == "of"):
            right = max(right, child.right_edge.i)
        else:
            break
    toks = doc[left : right + 1]
    cut = [t.i for t in toks if t.text in (",", "(", "—", "–", "―") and t.i > head.i]
    if cut:
        right = cut[0] - 1
    cut_left = [t.i for t in toks if t.text in (",", "—", "–", "―", '"', "“", "”") and t.i < head.i]
    if cut_left:
        left = cut_left[-1] + 1
    # a noun phrase never crosses a line break ("6:50 p.m.\n\nWith her husband ...")
    for k in range(head.i - 1, left - 1, -1):
        if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
            left = k + 1
            break
    for k in range(head.i, right + 1):
        if "\n" in doc[k].whitespace_ or (k > head.i and "\n" in doc[k].text):
            right = k if "\n" not in doc[k].text else k - 1
            break
    while left < right and doc[left].is_punct:
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def according_to(doc: Doc, toks: Iterable[Token]) -> tuple[Span, Token | None] | None:
    """``according to X``: the cue and X (None when the parse gives no object)."""
    for tok in toks:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            s, e = tok.idx, to.idx + len(to)
            return Span(doc_text(doc)[s:e], s, e), (objs[0] if objs else None)
    return None


def channel_of(words: Iterable[Token]) -> str | None:
    """Where it was said, from the channel words of the cue's sentence ("blog post on
    Medium", "Instagram"): the first that names one."""
    for tok in words:
        if tok.lower_ not in CHANNEL_WORDS:
            continue
        if tok.lower_ == "post" and tok.pos_ == "VERB":
            continue
        head = tok
        # "Instagram post": the channel word is a compound of the noun it names
        if tok.dep_ == "compound" and tok.head.lower_ in CHANNEL_WORDS:
            head = tok.head
        words = [t for t in head.lefts if t.dep_ in ("compound", "amod") and t.pos_ != "DET"]
        parts = [*words, head]
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("on", "with", "to", "for"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    obj = objs[0]
                    parts.extend([child, *[t for t in obj.lefts if t.dep_ == "compound"], obj])
                break
        parts.sort(key=lambda t: t.i)
        text = " ".join(t.text for t in parts)
        return text
    return None


def line_before(tok: Token) -> list[Token]:
    """The tokens between the start of ``tok``'s line and ``tok``, without spaces."""
    toks, i = doc_tokens(tok.doc), tok.i
    while i > 0 and "\n" not in toks[i - 1].text and tok.i - i < 12:
        i -= 1
    return [t for t in toks[i : tok.i] if not t.is_space]


def line_after(tok: Token) -> list[Token]:
    """The tokens after ``tok`` up to the end of its line."""
    toks, i = doc_tokens(tok.doc), tok.i + 1
    while i < len(toks) and "\n" not in toks[i].text:
        i += 1
    return toks[tok.i + 1 : i]


def subtree(tok: Token) -> list[Token]:
    return list(tok.subtree)


def trim(doc: Doc, toks: Sequence[Token]) -> list[Token]:
    """Drop leading/trailing punctuation and dangling conjunctions."""
    lo, hi = 0, len(toks)
    while lo < hi and (
        (toks[lo].is_punct and toks[lo].text not in QUOTE_CHARS)
        or toks[lo].is_space
        or toks[lo].lower_ in EDGE_WORDS
    ):
        lo += 1
    while hi > lo and (
        (toks[hi - 1].is_punct and toks[hi - 1].text not in QUOTE_CHARS)
        or toks[hi - 1].is_space
        or toks[hi - 1].lower_ in EDGE_WORDS
        or toks[hi - 1].dep_ == "cc"
    ):
        hi -= 1
    return list(toks[lo:hi])


def contiguous(toks: Iterable[Token], stop: set[int]) -> list[Token]:
    """The longest run of ``toks`` (sorted) that does not cross a token in ``stop``."""
    runs: list[list[Token]] = [[]]
    prev: int | None = None
    for tok in sorted(toks, key=lambda t: t.i):
        if tok.i in stop or (prev is not None and tok.i != prev + 1):
            runs.append([])
        if tok.i not in stop:
            runs[-1].append(tok)
        prev = tok.i
    return max(runs, key=lambda r: sum(1 for t in r if not t.is_punct))


def _is_channel(prep: Token) -> bool:
    """``in a statement``, ``on Twitter``: how it was said, which PolNeAR puts in the cue."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return (
        prep.lower_ in ("in", "on", "during")
        and bool(objs)
        and objs[0].lower_ in CUE_CHANNELS
        and prep.right_edge.i - prep.i <= 5
    )


def cue_tokens(tok: Token) -> list[Token]:
    """The cue: the head word with its auxiliaries, negation, adverbs, particle and preposition.

    PolNeAR's cue is one contiguous span, so only modifiers next to the head
    (through other modifiers) are taken.
    """
    if tok.pos_ == "PUNCT":
        return [tok]
    if tok.lower_ == "according":
        return [tok, *(c for c in tok.children if c.lower_ == "to")]
    has_clause = any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
    ids = {tok.i}
    for child in tok.children:
        if child.tag_ == "WRB":  # "when asked": not part of the cue
            continue
        if (
            (child.i < tok.i and child.dep_ in ("aux", "auxpass", "neg", "advmod"))
            or (child.i > tok.i and child.dep_ in ("prt", "acomp"))
            or (child.i > tok.i and child.dep_ == "npadvmod" and child.ent_type_ in WHEN_ENTS)
            or (child.i > tok.i and child.dep_ == "advmod" and has_clause)
        ):
            ids.add(child.i)
        elif (
            child.i > tok.i
            and child.dep_ == "prep"
            and CUE_PREPS.get(f"{tok.lower_}|{child.lower_}", 0.0) >= 0.5
        ):
            ids.add(child.i)
            if has_clause:  # "said in a statement that ...": the whole phrase
                ids.update(t.i for t in child.subtree)
        elif child.i > tok.i and child.dep_ == "prep" and _is_channel(child):
            ids.update(t.i for t in child.subtree)
    # keep the contiguous run around the head
    lo = hi = tok.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return doc_tokens(tok.doc)[lo : hi + 1]


def noun_phrase(head: Token) -> list[Token]:
    """A source NP as annotated: its subtree without loose modifiers set off by a comma.

    ``Trump, speaking at a rally,`` and ``Cruz, with delight,`` are cut to the
    name; appositions and relative clauses stay (they identify the source).
    """
    doc = head.doc
    drop: set[int] = set()
    for child in head.children:
        if child.i < head.i:
            continue
        after_comma = child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == ","
        if child.dep_ == "dep" or (
            after_comma and child.dep_ in ("acl", "advmod", "amod", "advcl")
        ):
            drop.update(t.i for t in child.subtree)
    return [t for t in head.subtree if t.i not in drop]


def governing_cue(tok: Token) -> list[Token]:
    """The cue of the verb that ``tok`` is the ``to``-complement of, when next to it.

    ``declined to say`` and ``went on to say`` are one cue when the inner verb
    has content of its own; returns [] otherwise.
    """
    if tok.dep_ != "xcomp" or tok.head.pos_ != "VERB" or tok.head.i > tok.i:
        return []
    if not any(c.dep_ in ("ccomp", "dobj") for c in tok.children):
        return []
    outer = cue_tokens(tok.head)
    between = tok.doc[outer[-1].i + 1 : tok.i]
    if len(between) > 3 or any(t.dep_ not in ("aux", "prt", "advmod", "neg") for t in between):
        return []
    return outer


def after_break(toks: list[Token]) -> list[Token]:
    """The part of a source after its last line break (a heading, a dateline, a tweet)."""
    for k in range(len(toks) - 1, -1, -1):
        if "\n" in toks[k].text:
            return toks[k + 1 :]
    return toks


def source_tokens(tok: Token) -> list[Token]:
    """The full noun phrase of the source of cue ``tok``, or [] when it is implicit."""
    if tok.lower_ == "according":
        for to in tok.children:
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return trim(tok.doc, noun_phrase(obj))
        return []
    if tok.text == ":":  # "Name: words"
        return trim(tok.doc, line_before(tok))
    for child in tok.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return trim(tok.doc, noun_phrase(objs[0]))
    for child in tok.children:
        if child.dep_ in SUBJ_DEPS:
            for subj in _past_dateline(child):
                return without_dateline(trim(tok.doc, noun_phrase(subj)))
    if tok.pos_ in ("NOUN", "PROPN"):
        for child in tok.children:
            if child.dep_ == "poss":
                return [t for t in subtree(child) if t.dep_ != "case"]
        return []
    gov = cue_subject(
        tok,
        subjects=SUBJ_DEPS,
        control=None,
        climb=("xcomp", "conj", "advcl", "acl", "pcomp", "prep"),
        through_prep=False,
        participle_of_noun=True,
        steps=7,
    )
    if gov is not None:
        if gov.dep_ in SUBJ_DEPS:
            return without_dateline(trim(tok.doc, subtree(gov)))
        return [gov]
    return []


def highest(toks: Iterable[Token]) -> Token:
    """The token of ``toks`` nearest the root of the parse (the first of those as near):
    the head of words that need not make one subtree."""
    listed = list(toks)
    depth = _tree_depths(listed[0].doc) if listed else []
    return min(listed, key=lambda t: depth[t.i])


@per_article
def _tree_depths(doc: Doc) -> list[int]:
    """How many ancestors each token has (``len(list(tok.ancestors))``), for all of them
    at once: :func:`highest` asks it of every token of every quote's words."""
    from spacy.attrs import HEAD

    n = len(doc)
    at = np.arange(n, dtype=np.int64)
    # HEAD is an offset from the token, stored unsigned: as int64 the negative ones come back
    heads = doc.to_array(HEAD).astype(np.int64) + at
    depth = np.zeros(n, dtype=np.int64)
    for _ in range(n):  # spaCy's walk up stops after as many steps as tokens
        up = heads[at] != at
        if not up.any():
            break
        depth += up
        at = heads[at]
    return depth.tolist()


# asked again and again for the same cue or token by the rules (see extract/memo.py)
@per_article
def span_root(doc: Doc, span: TaggedSpan) -> Token:
    """The token of ``span`` whose head lies outside it (the first such)."""
    for tok in doc_tokens(doc)[span.start : span.end]:
        if not span.start <= tok.head.i < span.end or tok.head.i == tok.i:
            return tok
    return doc[span.start]


# Which way a passive is read: the subject speaks ("he was quoted as saying"), or the
# ``by`` agent does and the subject is the one spoken to ("she was asked by ...").
Passive = Literal["subject", "agent"]
# "led X to say": ``lexicon``, the object of a verb of OBJECT_CONTROL speaks (a noun or
# pronoun); ``before``, the object before the to-complement of any verb speaks.
Control = Literal["lexicon", "before"]
_NOMINAL = ("PROPN", "NOUN", "PRON")


def can_speak(tok: Token) -> bool:
    """Whether a noun phrase's head can be a speaker: a person, a body, a group, a
    document, a name, a pronoun for one; not a place named on the way ("in Laredo,
    Texas"), nor a thing or an event ("the meeting", "a rally", "his plan")
    that PolNeAR's annotators never or rarely made a Source (:mod:`_source_heads`).
    Only nouns and places are judged; any other word may stand for people ("both",
    "four more", "it")."""
    if tok.ent_type_ in ("PERSON", "ORG"):
        return True
    if tok.ent_type_ == "PLACE":
        # a people ("Democrats"), a state as the subject or owner of an act ("North
        # Korea's claims"); not a place named on the way ("Raleigh, N.C.-based ...")
        return tok.tag_ in ("NNPS", "NNS") or tok.dep_ in ("nsubj", "nsubjpass", "poss")
    if tok.pos_ != "NOUN":
        return True  # (a pronoun may stand for a body: "it wants to release ...")
    lemma = tok.lemma_.lower()
    if tok.lower_ in SOURCE_HEADS or lemma in SOURCE_HEADS or person_noun(lemma):
        return True
    # "a wide array of artists", "a handful of senators": the people the noun counts
    return any(
        g.dep_ == "pobj" and can_speak(g)
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    )


# owners that may speak through what they own: a pronoun for a person or a body
_OWNER_PRONOUNS = frozenset("his her their its".split())


def speaking_owner(head: Token) -> Token | None:
    """The owner a thing speaks for: "Mr. Lee's eyes welled ... and urged", "according
    to her tax plan", "the mayor's report noted" (the owner, not the eyes, the plan, the
    report); None for a person or a body ("Lee's campaign", "her spokesman" speak for
    themselves) or an owner that cannot speak ("the plan's cost")."""
    if (
        head.pos_ != "NOUN"
        or head.ent_type_ in ("PERSON", "ORG")
        or people_noun(head.lemma_.lower())
        or people_noun(head.lower_)
        # "her biggest boosters", "his backers": agents, plural
        or (head.tag_ == "NNS" and head.lemma_.lower().endswith(("er", "or")))
    ):
        return None
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if owner.pos_ == "PRON":
        return owner if owner.lower_ in _OWNER_PRONOUNS else None
    return owner if owner.pos_ in ("PROPN", "NOUN") and can_speak(owner) else None


# nouns for a share of a group: "70 percent of voters", "the bulk of it", "the majority"
_SHARE_NOUNS = frozenset(
    "percent percentage bulk majority minority half third quarter share plurality most".split()
)


def a_share(head: Token) -> bool:
    """Whether a source's head counts a share of a group rather than naming anyone: a
    number ("47 said"), a percentage, "the bulk", "the majority", "most"."""
    # (no entity type helps: the names tagger marks no PERCENT or CARDINAL)
    return head.like_num or head.lemma_.lower() in _SHARE_NOUNS


# pronouns that stand for no speaker of their own ("which", "that" of a relative clause)
_NO_SPEAKER_PRONOUNS = NO_SOURCE | frozenset(("which", "who"))


def speaking_subject_above(
    cue: Token, mute: Token, words: tuple[int, int], quoted: frozenset[int] = frozenset()
) -> Token | None:
    """For a source whose head ``mute`` cannot speak, the nearest subject up the parse
    from ``cue`` that can: "the senator opened a rally blasting X" (not "rally"), "he
    told the AP that his task is to prove ..." (not "his task").  Not a subject inside
    the words (character range ``words``) or quotation marks, not one whose phrase
    holds ``mute``, not a second subject of ``mute``'s verb (the tokenizer cut "ex-wife"
    into three); none for "according to" (its object is what it names)."""
    if cue.lower_ == "according":
        return None
    above = {a.i for a in mute.ancestors}
    for verb in cue.ancestors:
        for c in verb.children:
            if (
                c.dep_ in ("nsubj", "nsubjpass")
                and can_speak(c)
                and c.lower_ not in _NO_SPEAKER_PRONOUNS
                and not words[0] <= c.idx < words[1]
                and c.i not in quoted
                and c.i not in above
                and not (mute.dep_ in ("nsubj", "nsubjpass") and c.head.i == mute.head.i)
            ):
                return c
    return None


def _line_between(a: Token, b: Token) -> bool:
    """A line break between two tokens: the parser ran a sentence over a subhead
    ("Slower growth ahead" then "Lee had said, ...")."""
    lo, hi = sorted((a.i, b.i))
    # (a line break is only ever in a white-space token: read the text between them)
    toks = doc_tokens(a.doc)
    return "\n" in doc_text(a.doc)[toks[lo].idx : toks[hi].idx]


def cue_subject(
    verb: Token,
    *,
    quoted: frozenset[int] = frozenset(),
    subjects: tuple[str, ...] = ("nsubj", "nsubjpass"),
    nearest: bool = False,
    passive: Passive = "subject",
    control: Control | None = "lexicon",
    report: Callable[[Token], bool] | None = None,
    climb: tuple[str, ...] = ("conj", "xcomp", "advcl"),
    through_prep: bool = True,
    participle_of_noun: bool = False,
    steps: int = 4,
) -> Token | None:
    """The one who speaks through ``verb``: its subject, or the subject of the verb it
    is conjoined with or hangs from.  The one walker of the package; its options carry
    the differences between the readings that use it.

    Args:
        verb: the cue.
        quoted: tokens inside quotation marks, never a subject (the parser reads
            ``"Michigan, Ohio," Mr. Trump said`` as a clause).
        subjects: the dependencies that mark a subject.  A relative pronoun is
            kept ("Smith, who said"): PolNeAR marks "who" as the source.
        nearest: of several subjects, the one nearest the verb ("which she said").
        passive: see :data:`Passive`.
        control: see :data:`Control`; None: the object of "led X to say" never speaks.
        report: whether a verb conjoined inside a reported clause is said by the
            reporter ("Lee said it was late and added, ...": the parser tied "added"
            into what was said; the one who adds is the one who said it); the
            walk then climbs to the reporting verb.
        climb: the dependencies the walk climbs through to the governing verb.
        through_prep: "deflected questions before saying": from the ``pcomp`` of a
            preposition to the verb the preposition modifies.
        participle_of_noun: "officials speaking on condition of anonymity": a
            participle modifying a noun is said by that noun.
        steps: how many verbs up the walk goes.
    """
    if verb.lemma_ in _NAMING_VERBS and (agent := _agent(verb)) is not None:
        return agent  # "labeled 'worms' by Castro", "the plan was called 'a disaster' by Lee"
    tok = verb
    # a subject reached by climbing that cannot speak ("He sent an email as the meeting
    # began vowing to ...": the parse hung the participle on the wrong clause): kept
    # only if no clause further up has one that can
    fallback: Token | None = None
    for _ in range(steps):
        subs = [
            c
            for c in tok.children
            if c.dep_ in subjects
            and c.i not in quoted
            and not c.is_punct  # a dash the tagger took for a noun ("made public ― Trump said")
            and c.ent_type_ not in WHEN_ENTS  # "who Beck on Wednesday called ...": no one
            and not _line_between(c, tok)
        ]
        if len(subs) > 1 and subs[0].tag_ in ("WP", "WDT") and subs[1].pos_ in _NOMINAL:
            subs = subs[1:]  # "Pruitt, who Lane called a liar": "who" is the one called
        subs = [u for c in subs for u in _past_dateline(c)]
        if subs:
            subj = min(subs, key=lambda c: abs(c.i - tok.i)) if nearest else subs[0]
            if tok.i == verb.i or can_speak(subj):
                return subj
            fallback = fallback or subj
        if tok.i == verb.i and (inverted := _inverted_object(tok, quoted)) is not None:
            return inverted
        if tok.i == verb.i and not subs and (named := _named_before_who(tok, quoted)) is not None:
            return named
        if tok.dep_ == "acl" and (root := _nominal_root(tok)) is not None:
            # "Mr. Doyle, who trimmed his forecast, called it "justified"": the parser hung
            # the finite verb on a noun before it, and the sentence on its subject
            return root
        if passive == "agent":
            agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children]
            if agents:
                return agents[0]  # "asked by a reporter"
            if any(c.dep_ == "nsubjpass" for c in tok.children):
                return fallback  # "she was asked", "it is expected": not who speaks
            if tok.tag_ == "VBN":
                return fallback  # a passive's subject is the one asked, not the asker
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ == "xcomp" and control == "lexicon" and head.lemma_ in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ == "dobj" and c.i not in quoted]
            if objs and objs[0].pos_ in _NOMINAL:
                return objs[0]  # "prompted the group to state": the object speaks
        elif tok.dep_ == "xcomp" and control == "before":
            objs = [c for c in head.children if c.dep_ == "dobj" and c.i < tok.i]
            if objs:
                return objs[-1]  # "led some to question": the object speaks
        if participle_of_noun and tok.dep_ == "acl" and head.pos_ in _NOMINAL:
            return head if tok.tag_ in ("VBG", "VBN") else fallback
        if (
            report is not None
            and tok.dep_ in ("conj", "advcl")
            and head.dep_ == "ccomp"
            and report(tok)
        ):
            tok = head.head
        elif report is not None and (outer := _next_act_of(tok)) is not None:
            tok = outer
        elif (place := _past_place_clause(tok)) is not None:
            tok = place
        elif tok.dep_ in climb:
            tok = head
        elif through_prep and tok.dep_ == "pcomp" and head.dep_ == "prep":
            tok = head.head
        else:
            break
    return fallback


def _named_before_who(verb: Token, quoted: frozenset[int]) -> Token | None:
    """``Lee, meanwhile, who sits on the board, said ...``: the parse made the relative
    clause a clause of the verb, with both the name and "who" its subjects; the name
    is the verb's subject (not one inside quotation marks, ``quoted``, as no subject
    the walk takes is)."""
    for c in verb.children:
        if c.dep_ not in ("ccomp", "advcl") or c.i > verb.i:
            continue
        subs = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        if (
            len(subs) == 2
            and subs[0].pos_ in ("PROPN", "NOUN")
            and subs[1].tag_ == "WP"
            and subs[0].i < subs[1].i
            and subs[0].i not in quoted
        ):
            return subs[0]
    return None


# what a verb the parse took for a participle has after it when it is finite ("called
# Trump's statements "childish"", "named "Veep" as his top show")
_FINITE_OBJECTS = frozenset(("dobj", "oprd", "ccomp", "xcomp"))


def _next_act_of(verb: Token) -> Token | None:
    """``Lee pushed back, saying that the bill was stalled by mistrust - and arguing that
    ...``: a participle of saying conjoined to a verb deep in what an earlier participle
    of saying reports (the parse ran the second act into the first one's words) is the
    same source's next act; that earlier participle (None else)."""
    if verb.dep_ != "conj" or verb.tag_ != "VBG" or not is_speech_verb(verb):
        return None
    clause = verb.head
    while clause.dep_ == "conj" and clause.head.i < clause.i:
        clause = clause.head
    if clause.i == verb.head.i and clause.dep_ in _NOUN_CLAUSE_DEPS:
        # ("stating there was a benefit to having him in the race and chiding the press":
        # conjoined to a gerund under a noun of the words, up to their clause)
        for _ in range(6):
            if clause.dep_ == "ccomp" or clause.head.i == clause.i:
                break
            clause = clause.head
        else:
            return None
    outer = clause.head
    if clause.i == verb.head.i or clause.dep_ != "ccomp" or outer.i > clause.i:
        return None  # (conjoined right to the clause: ``report``'s reading)
    return outer if outer.tag_ == verb.tag_ and is_speech_verb(outer) else None


# where a gerund the parse conjoined a next act to sits inside the words reported
_NOUN_CLAUSE_DEPS = frozenset(("pcomp", "pobj"))


def _nominal_root(verb: Token) -> Token | None:
    """``Stuart Lee, who ran the 2012 campaign, called it "childish"``, ``Ana Ruiz, for
    example, named "Veep" as her show``: a sentence the parse rooted in its subject noun,
    the finite verb hung as a participle (``acl``) on that noun or on a noun after it,
    right after a comma; the root noun (None else).  A participle of the past takes its
    own object ("called it ..."), no agent: "Lee, praised by all, ..." is no act of his."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBN") or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    if verb.tag_ == "VBN" and (
        not any(c.dep_ in _FINITE_OBJECTS and c.i > verb.i for c in verb.children)
        or any(c.dep_ in ("agent", "auxpass") for c in verb.children)
    ):
        return None
    root = verb.head
    for _ in range(8):
        if root.dep_ == "ROOT":
            break
        root = root.head
    if root.dep_ != "ROOT" or root.pos_ not in _NOMINAL or root.i > verb.i:
        return None
    return root


@per_article
def _dateline_dash(tok: Token) -> int | None:
    """The dash that ends the dateline opening ``tok``'s paragraph ("BUENA PARK, Calif. -",
    "WASHINGTON --"), when ``tok`` lies within 8 tokens of it; None without one."""
    toks = doc_tokens(tok.doc)
    first = tok.i
    while first > 0 and tok.i - first <= 8 and "\n" not in toks[first - 1].text_with_ws:
        first -= 1
    if tok.i - first > 8 or not (toks[first].is_alpha and toks[first].is_upper):
        return None
    # a dash set apart by spaces, not the hyphen of "CNN reported Ex-CIA chief ..."
    return next(
        (t.i for t in toks[first : first + 8] if t.text in DASHES and toks[t.i - 1].whitespace_),
        None,
    )


def _past_dateline(subj: Token) -> list[Token]:
    """A subject that is the dateline ("BUENA PARK, Calif. - Rallying workers, Ana Ruiz
    promised ..."; "WASHINGTON -- President Lee, ..., said") is no one: [] or the
    noun the parser set beside it after the dash; [subj] for any other subject."""
    dash = _dateline_dash(subj.left_edge)
    if dash is None or subj.i > dash:
        return [subj]
    return [c for c in subj.children if c.dep_ == "appos" and c.i > dash]


def without_dateline(toks: list[Token]) -> list[Token]:
    """A source's words without the dateline the parser ran into them ("S.C. - Sen. Tom
    Keller")."""
    dash = _dateline_dash(toks[0]) if toks else None
    if dash is None or not toks[0].i < dash < toks[-1].i:
        return toks
    return [t for t in toks if t.i > dash]


def _past_place_clause(tok: Token) -> Token | None:
    """``protesters marched outside the stadium where the Panthers played, chanting
    "..."``: a participle after a comma (or "while") that the parser hung on a clause
    of place or time belongs to the clause that names the place; the verb of that
    clause."""
    head = tok.head
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.i < head.i:
        return None
    if head.dep_ not in ("relcl", "ccomp", "advcl"):
        return None
    if tok.i == 0 or tok.doc[tok.i - 1].text not in (",", "while", "-", "—", "–"):
        return None
    if not any(c.tag_ == "WRB" and c.lower_ in ("where", "when") for c in head.children):
        return None
    up = head.head
    for _ in range(4):
        if up.pos_ in ("VERB", "AUX"):
            return up
        if up.head.i == up.i:
            return None
        up = up.head
    return None


# verbs that name or judge what they are said of: their "by" agent is who said it
_NAMING_VERBS = DESCRIBING_VERBS | frozenset("call label dub term name".split())


def _agent(verb: Token) -> Token | None:
    """The ``by`` agent of a passive verb (the parser may hang it on the verb's object:
    ``labeled "worms" and "traitors" by Castro``)."""
    if verb.tag_ != "VBN":
        return None
    for by in verb.subtree:
        if by.lower_ != "by" or by.i < verb.i or by.dep_ not in ("agent", "prep"):
            continue
        head = by.head
        while head.i != verb.i and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        objs = [g for g in by.children if g.dep_ == "pobj"]
        if head.i == verb.i and objs:
            return objs[0]
    return None


# verbs of saying whose object is the one addressed, never the speaker
_ADDRESSING = frozenset(("tell", "inform", "assure", "remind", "notify"))


def _inverted_object(verb: Token, quoted: frozenset[int]) -> Token | None:
    """``..., said another witness``: after the clause it reports, a speech verb's
    inverted subject, which the parser takes for its object."""
    if verb.i == 0 or verb.doc[verb.i - 1].text != "," or not is_speech_verb(verb):
        return None
    if verb.lemma_ in _ADDRESSING:
        return None  # "..., Lee tells the Herald": the object is who hears it
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.i not in quoted]
    return objs[0] if objs and objs[0].pos_ in ("NOUN", "PROPN") else None


def speech_report(quoted: frozenset[int]) -> Callable[[Token], bool]:
    """:func:`cue_subject`'s ``report`` for a speech verb in the clause another speech
    verb reports, in the same paragraph."""

    def reports(tok: Token) -> bool:
        clause, outer = tok.head, tok.head.head
        if outer.i == clause.i or outer.i in quoted:
            return False
        if not (is_speech_verb(outer) and is_speech_verb(tok)):
            return False
        if (
            tok.dep_ == "conj"
            and is_speech_verb(clause)
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i not in quoted for c in clause.children)
        ):
            return False  # "he asked about X and said, ..., the office said": he says it
        lo, hi = sorted((clause.idx, outer.idx))
        return "\n" not in doc_text(tok.doc)[lo:hi]  # a parse run over a paragraph break

    return reports


def subject_of(verb: Token, quoted: frozenset[int] = frozenset()) -> Token | None:
    """The speaker of a direct quote's cue verb (:func:`cue_subject`'s defaults)."""
    return cue_subject(verb, quoted=quoted, report=speech_report(quoted))


def shared_subject(verb: Token) -> Token | None:
    """The subject a cue without one shares with the clause it hangs from: ``Two guards were
    charged with forging records, stating they had ...`` (a comma participle), ``Lopez was
    forced into a retreat and said that ...`` (conjoined to a passive), ``Noting that ..., Lee
    said`` and ``was fined after claiming that ...`` (:func:`_participle_clause_head`); else
    lost_subject."""
    doc = verb.doc
    opened = _participle_clause_head(verb)
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.i < verb.i:
        if verb.left_edge.i != verb.i or verb.i == 0 or doc[verb.i - 1].text != ",":
            return None
        head = verb.head
    elif opened is not None:
        head = opened
    elif (
        verb.dep_ == "conj"
        and verb.head.i < verb.i
        and verb.head.pos_ in ("VERB", "AUX")
        and is_speech_verb(verb)
    ):
        head = verb.head
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
    else:
        return lost_subject(verb)
    subj = _clause_subjects(head)
    if not subj and verb.dep_ == "conj" and head.i != verb.i:
        # "..., criticizing the pipeline and calling for a ban": the second verb shares
        # whatever subject the first one shares
        first = shared_subject(head)
        subj = [first] if first is not None else []
    if not subj or subj[0].lower_ in NO_SOURCE or subj[0].i in (t.i for t in verb.subtree):
        return None
    return subj[0]


def _participle_clause_head(verb: Token) -> Token | None:
    """The clause whose subject a participle of saying with no subject of its own shares:
    the one it opens, set off by a comma (``Noting that ..., Lee said ...``), or the one a
    preposition ties it to (``Lee was fined after claiming that ...``)."""
    if verb.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    prep = verb.head
    if verb.dep_ == "pcomp" and prep.dep_ == "prep" and prep.i == verb.i - 1:
        # "was suspended after slamming ...": the one who does the clause's act
        return prep.head if prep.head.pos_ in ("VERB", "AUX") else None
    clause, head = verb, verb.head
    if clause.dep_ != "advcl" or clause.left_edge.i != verb.sent.start or head.i <= clause.i:
        return None
    if not any(t.text == "," for t in verb.doc[clause.right_edge.i : head.i]):
        return None
    return head if head.pos_ in ("VERB", "AUX") else None


def _clause_subjects(verb: Token) -> list[Token]:
    """The subjects of ``verb``'s clause, with two the parse put elsewhere: on its
    auxiliary (``who is by all accounts enjoying it and is saying ...``: "who" hangs on
    "is") and, for a verb with none, on a clause before it that no conjunction opens
    (``Lee summed up the plan, denounced it and said ...``: the parse made "summed" a
    clause of "denounced", not the first of three verbs of one subject, whose subject
    is the one who says)."""
    deps = ("nsubj", "nsubjpass")
    subj = [c for c in verb.children if c.dep_ in deps]
    subj += [
        g
        for a in verb.children
        if a.dep_ in ("aux", "auxpass")
        for g in a.children
        if g.dep_ in deps
    ]
    if subj:
        return subj
    for c in verb.children:
        if (
            c.dep_ in ("advcl", "ccomp")
            and c.i < verb.i
            and c.tag_ in ("VBD", "VBZ", "VBP")
            and not any(m.dep_ == "mark" or m.tag_ == "WRB" for m in c.children)
        ):
            return [g for g in c.children if g.dep_ in deps]
    return []


def lost_subject(verb: Token) -> Token | None:
    """``A welder who asked not to be named, said that ...``: a speech verb with no subject
    whose paragraph opens with one noun phrase up to it (the parse hung it on the one before)."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or not is_speech_verb(verb):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    end = verb.i - 1 if verb.i > 0 and doc[verb.i - 1].text == "," else verb.i
    start = end - 1
    while start > 0 and "\n" not in doc[start - 1].text and verb.i - start < 60:
        start -= 1
    if start > 0 and "\n" not in doc[start - 1].text:
        return None
    span = doc[start:end]
    for tok in span:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.right_edge.i != end - 1:
            continue
        if all(t.i == tok.i or tok.i in {a.i for a in t.ancestors} for t in span):
            return tok
    return _person_before(verb, start) or _subject_before(verb, start)


def _subject_before(verb: Token, start: int) -> Token | None:
    """The speaker of a verb of saying the parse left without a subject, read from the
    words just before it: ``Mr. Ruiz, whose firm builds boats, said``, where the parse
    made the name the subject of a clause before the verb ("builds" hung on "said"), and
    ``In a talk with two hosts, the Ohio senator stated``, where it hung the noun phrase
    on a name before it.  A subject of a clause before the verb comes first; then a noun
    phrase ending at the verb whose head can speak and is no one's object."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ == "ccomp" and start <= c.i < verb.i and c.tag_ in ("VBD", "VBZ", "VBP"):
            subs = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
            # (a clause that opens with a name: "Lee, whose ..., uses")
            if subs and subs[0].left_edge.i == c.left_edge.i and subs[0].pos_ == "PROPN":
                return subs[0] if can_speak(subs[0]) else None
    k = verb.i - 1
    if k <= start:
        return None
    tok = doc[k]
    if tok.pos_ != "NOUN" or tok.dep_ not in ("appos", "conj", "ROOT", "npadvmod"):
        return None
    if not any(c.dep_ == "det" and c.i == tok.left_edge.i for c in tok.children):
        return None
    return tok if can_speak(tok) else None


# how far back a person named before a verb that lost its subject may be
_PERSON_REACH = 25


def _person_before(verb: Token, start: int) -> Token | None:
    """``WASHINGTON -- President Obama, opening the museum on Saturday, said ...``,
    ``Speaking for the defence, Tom Lee, SC, said that ...``: the nearest person's name
    before a verb of saying that the parse left without a subject (it hung the name on
    a dateline or an opening participle), in its paragraph, with no clause of its own
    between them; not a name that is an object ("a letter to Tom Lee ... said")."""
    doc = verb.doc
    for k in range(verb.i - 1, max(start, verb.i - _PERSON_REACH) - 1, -1):
        tok = doc[k]
        if tok.tag_ in ("VBD", "VBZ", "VBP", "MD") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children
        ):
            return None  # a clause with a subject of its own comes between
        if tok.ent_type_ != "PERSON" or (k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I"):
            continue  # (a name's last word)
        head = tok
        for _ in range(4):
            if head.dep_ not in ("conj", "appos", "compound") or head.head.i == head.i:
                break
            head = head.head
        if (
            head.dep_ in ("pobj", "dobj", "poss", "dative", "attr")
            and not _line_between(head, head.head)
            and not _set_off_after_opener(tok, head, verb)
        ):
            return None  # (an object of a headline's verb is the parse running over a line)
        return tok
    return None


# the links by which an opening phrase hangs on the verb it opens ("As part of his plea,",
# "Alarmed by the unrest in Nevada,")
_OPENER_DEPS = frozenset(("prep", "pobj", "advcl", "pcomp", "dobj", "npadvmod", "agent"))


def _set_off_after_opener(name: Token, obj: Token, verb: Token) -> bool:
    """``As part of his plea, Tom Lee, 44, said``: a name set off by a comma after the
    opening phrase of its verb's sentence, which the parse joined to that phrase's last
    noun (as an apposition or a conjunct), not the object itself ("a letter to Tom Lee")."""
    first = name
    while first.dep_ == "compound" and first.head.i > first.i:
        first = first.head
    if first.i == obj.i or min(t.i for t in first.subtree) != name.left_edge.i:
        return False
    left = name.left_edge.i
    if left == 0 or name.doc[left - 1].text != ",":
        return False
    up = obj
    while up.i != verb.i:
        if up.dep_ not in _OPENER_DEPS or up.head.i == up.i or up.i > verb.i:
            return False
        up = up.head
    return True


# "That's the view voiced by X": nouns for what someone holds or says
_VIEW_NOUNS = frozenset(
    """
    view assessment argument opinion message position case verdict conclusion claim
    pitch promise line thinking take prediction warning vision belief explanation
    account picture sentiment hope assurance forecast contention reasoning
    """.split()
)


def owner_of_sentence_before(sent: SpacySpan) -> tuple[Token, Token] | None:
    """``That's the view voiced by Michael Reed.`` / ``That's what Ana Ruiz told
    reporters.`` / ``So says Tom Lee.``: a sentence that gives the sentence before it
    to a speaker.  Its cue token and the speaker's token, else None."""
    toks = [t for t in sent if not t.is_space]
    if len(toks) < 3:
        return None
    first = toks[0]
    root = first.head  # not the sentence's root: a clause after it may be taken for it
    if root.lemma_ == "say" and first.lower_ == "so" and root.i == first.i + 1:
        subj = [c for c in root.children if c.dep_ == "nsubj"]
        return (root, subj[0]) if subj else None
    copula = root.lemma_ == "be" or root.lower_ in ("'s", "’s")  # "That’s": no lemma "be"
    if first.lower_ not in ("that", "this", "such") or first.dep_ != "nsubj" or not copula:
        return None
    for child in root.children:
        if child.dep_ == "ccomp" and any(c.lower_ == "what" for c in child.children):
            subj = [c for c in child.children if c.dep_ == "nsubj"]  # "That's what X said"
            if subj and is_speech_verb(child):
                return child, subj[0]
        if child.dep_ in ("attr", "dobj") and child.lemma_.lower() in _VIEW_NOUNS:
            # "the view voiced by X": the participle hangs from the noun or the root
            verbs = [*child.children, *(c for c in root.children if c.dep_ == "advcl")]
            for verb in (v for v in verbs if v.tag_ == "VBN"):
                for agent in (c for c in verb.children if c.dep_ == "agent"):
                    who = [g for g in agent.children if g.dep_ == "pobj"]
                    if who:
                        return verb, who[0]
    return None
