"""Report frames read after tagging: sure readings the tagger may miss.

The tagger (:mod:`crf`) learned its cues from PolNeAR, word form by syntactic
frame; a verb of saying in a frame it rarely saw there (a relative clause, a
parenthesis) or a frame PolNeAR annotates differently goes unread.  These
frames are read over the parse alone, and the merge
(:func:`saidwhen.extract.speech.merge.reported_speech`) adds a reading only
where no other reading of the words exists.  Not among the tagger's features.

* :func:`find_clause_reports`: a verb of saying and the ``that`` clause with a
  subject of its own it governs (``(her bakery later admitted that she had
  burned the rye)``), a verb of promising and its ``to`` clause (``who has vowed
  to paint every lighthouse``);
* :func:`find_as_reports`: a verb of describing or judging whose object is
  said to be something (``described the plan as a disaster``, ``has kept
  branding the warden as a "tin baron"``).

Negated verbs are left out: "did not say that ..." states nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection
from dataclasses import replace
from typing import TYPE_CHECKING

from saidwhen.extract.memo import per_article
from saidwhen.extract.speech.lexicon import (
    CLAUSE_VERBS,
    COMPARING_VERBS,
    DASHES,
    DESCRIBING_VERBS,
    DIRECTIVE_PREPS,
    DIRECTIVE_VERBS,
    NAMING_VERBS,
    NEGATIONS,
    NEXT_ACTS,
    NO_SOURCE,
    NOT_AS_DESCRIPTION,
    PROMISE_VERBS,
    REASON_VERBS,
    RECEIVING_VERBS,
    RELATIVE,
    SUBJ_DEPS,
    WHEN_ENTS,
    cue_record,
    likely_cue,
)
from saidwhen.extract.speech.rules import (
    SPEECH_NOUNS,
    Resolver,
    owner_of,
    owner_words,
    reported_draft,
    source_speaker,
)
from saidwhen.extract.speech.syntax import (
    after_break,
    can_speak,
    cue_tokens,
    highest,
    noun_phrase,
    np_span,
    shared_subject,
    source_tokens,
    speaking_owner,
    speaking_subject_above,
    subtree,
    trim,
    without_dateline,
)
from saidwhen.extract.speech.types import Draft
from saidwhen.extract.speech.view import ArticleView, tokens_in
from saidwhen.model import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as Span_

__all__ = [
    "charged_with",
    "cue_head",
    "find_as_reports",
    "find_clause_reports",
    "find_misread_that",
    "find_relative_reports",
    "heard_in_passing",
    "settle_sources",
    "split_next_acts",
    "split_that_clauses",
]


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))
# a clause's own subject, "there" too ("there was a benefit")
_SUBJECTS = frozenset(("nsubj", "nsubjpass", "expl"))


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in verb.children if c.i < verb.i)


def _across_paragraphs(text: str, toks: list[Token]) -> bool:
    """Whether tokens lie on both sides of a blank line (a heading the parse ran in).

    A blank line, not any line break (``view.para``): wrapped lines inside one paragraph
    (PolNeAR's texts have them) hold one frame; by line, PolNeAR dev lost a matched
    report (end-to-end span F1 0.908 -> 0.907)."""
    lo = min(t.idx for t in toks)
    hi = max(t.idx for t in toks)
    return _BLANK_LINE.search(text, lo, hi) is not None


def _frames(
    view: ArticleView,
    people: Resolver | None,
    lemmas: frozenset[str],
    said: Callable[[Token], list[Token] | None],
    needs: tuple[str, ...],
    taken: Collection[int],
    after: bool = True,
) -> list[Draft]:
    """Reports of the verbs of ``lemmas`` (outside quotes, not negated, not in ``taken``,
    with a source of their own and a dependent ``needs`` after them, or before them when
    not ``after``) whose words ``said`` finds."""
    resolve = people.resolve if people is not None else None
    doc, text = view.doc, view.text
    lemma, pos, dep, children = view.lemma, view.pos, view.dep, view.children
    out: list[Draft] = []
    first = bisect.bisect_left(view.idx, view.start)
    cands = [
        i
        for i in view.with_lemmas(lemmas, first)
        if pos[i] == "VERB"
        and any(dep[c] in needs and (c > i) == after for c in children[i])
        and i not in view.quoted
        and i not in taken
    ]
    for i in cands:
        verb = doc[i]
        if _negated(verb):
            continue
        words = said(verb)
        if not words:
            continue
        if verb.dep_ == "relcl" and not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in verb.children
        ):
            continue  # "the money he says he raised": a gap, not a statement
        source = source_tokens(verb)
        if not source or (len(source) == 1 and source[0].lower_ in NO_SOURCE):
            continue
        if (
            verb.dep_ != "conj"
            and not any(c.dep_ in SUBJ_DEPS for c in verb.children)
            and not any(t.pos_ in ("PROPN", "PRON") for t in source)
            and not _speaking_participle(verb, source)
        ):
            continue  # a subject reached through other verbs must name someone
        content = trim(doc, words)
        if len(content) < 2 or _across_paragraphs(text, [*content, *source]):
            continue
        cue = cue_tokens(verb)
        if lemma[i] in NAMING_VERBS and cue[-1].i < content[0].i:
            cue = [*cue, *trim(doc, list(doc[cue[-1].i + 1 : content[0].i]))]  # + the object
        drafted = reported_draft(text, resolve, content, cue, source)
        if drafted is not None:
            out.append(drafted)
    return out


def _speaking_participle(verb: Token, source: list[Token]) -> bool:
    """A participle whose source is a noun that can speak: "parliamentary reports urging
    ministers to ...", "speakers took turns urging the crowd to ...", "an ad attacking
    the mayor as ..." (the frame says what was said; its source need not be named)."""
    if verb.tag_ != "VBG" or not source:
        return False
    head = highest(source)
    return head.pos_ == "NOUN" and can_speak(head)


def _clause(verb: Token) -> list[Token] | None:
    """The ``that`` clause of a verb of saying, with a subject of its own."""
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i < verb.i:
            continue
        marks = [m for m in c.children if m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i]
        subj = [s for s in c.children if s.dep_ in _SUBJECTS and s.i < c.i]
        if marks and subj and marks[0].i == c.left_edge.i:
            return subtree(c)
        if subj and subj[0].i == c.left_edge.i and c.right_edge.i - c.left_edge.i >= 3:
            return subtree(c)  # "said he would run again", not "said he told them"
        if subj and subj[0].left_edge.i == c.left_edge.i and _finite_said(verb):
            return subtree(c)  # "That person said the hostility he faced hurt him"
    return None


def _finite_said(verb: Token) -> bool:
    """A finite verb with a subject of its own: not an infinitive ("her call to admit its
    plan is wrong" is no statement), nor a verb conjoined to another's subject, whose
    source the next act reads (:func:`split_next_acts`)."""
    return verb.tag_ in _FINITE and any(c.dep_ in SUBJ_DEPS for c in verb.children)


def _promised(verb: Token) -> list[Token] | None:
    """The ``to`` clause of a verb of promising (``vowed to paint every lighthouse``)."""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.i > verb.i and c.tag_ == "VB":
            to = [a for a in c.children if a.dep_ == "aux" and a.lower_ == "to"]
            if to:
                return subtree(c)
    return None


def _directed(verb: Token) -> list[Token] | None:
    """``to accept the offer`` (of ``urged the council to accept the offer``): the ``to``
    clause of a verb of urging with someone urged."""
    prep_word = DIRECTIVE_PREPS.get(verb.lemma_.lower())
    if prep_word is None:
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    else:
        objs = [
            g
            for c in verb.children
            if c.dep_ in ("prep", "prt") and c.lower_ == prep_word and c.i > verb.i
            for g in (*c.children, *verb.children)
            if g.dep_ in ("pobj", "dobj") and g.i > c.i
        ]
    clauses = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
    if not objs and not clauses:
        # "implored the club's members to stay": the parse made the one urged the
        # subject of the "to" clause; the words from "to" on
        for c in verb.children:
            to = [a for a in c.children if a.dep_ == "aux" and a.lower_ == "to"]
            subj = [s for s in c.children if s.dep_ == "nsubj" and s.i < c.i]
            if c.dep_ == "ccomp" and c.i > verb.i and to and subj and subj[0].i < to[0].i:
                return [t for t in subtree(c) if t.i >= to[0].i]
        return None
    if not objs or not clauses or clauses[0].i < objs[0].i:
        return None
    if not any(a.dep_ == "aux" and a.lower_ == "to" for a in clauses[0].children):
        return None
    return subtree(clauses[0])  # the "to" clause, as PolNeAR marks it


# What may follow a verb of saying that closes its sentence: when, where and to whom
# ("..., the board told the paper on Tuesday.")
_CLOSING_DEPS = frozenset(("prep", "npadvmod", "advmod", "dative", "punct"))


def _closed(verb: Token) -> list[Token] | None:
    """``the bridge will close in May`` (of ``The bridge will close in May, the board
    said on Tuesday.``): the words before a verb of saying that closes its sentence, its
    subject after a comma between them, however the parser hung the two clauses."""
    doc, sent = verb.doc, verb.sent
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    comma = subj[0].left_edge.i - 1 if subj else 0
    if comma <= sent.start or doc[comma].text not in (",", *DASHES):
        return None
    rest = [c for c in verb.children if c.i > verb.i and not c.is_punct]
    told = verb.lemma_ == "tell"  # "..., the board told the paper"
    if any(c.dep_ not in _CLOSING_DEPS and not (told and c.dep_ == "dobj") for c in rest):
        return None
    end = max((c.right_edge.i for c in rest), default=verb.i) + 1
    while end < sent.end and (doc[end].is_space or doc[end].is_quote):
        end += 1
    if end < sent.end and doc[end].text not in (".", "!", "?", *DASHES):
        return None  # "The plan, Kim said, would fail": the words go on after the cue
    # from the line the report is on (a heading the parse ran in stays out), past a dateline
    lo = max((k + 1 for k in range(sent.start, comma) if "\n" in doc[k].text_with_ws), default=0)
    words = without_dateline(trim(doc, list(doc[max(lo, sent.start) : comma])))
    if any(t.is_quote for t in words) or not any(t.pos_ in ("VERB", "AUX") for t in words):
        return None  # quoted words are direct speech, read elsewhere
    ids = {t.i for t in words}
    if any(t.dep_ == "advcl" and t.head.i == verb.i and t.head.i not in ids for t in words):
        return None  # "When the funds ran out, Kim said enough": a clause of the saying's time
    return words


def find_clause_reports(
    view: ArticleView, people: Resolver | None = None, taken: Collection[int] = ()
) -> list[Draft]:
    """``(her bakery later admitted that she had burned the rye)``, ``Brantle, who has
    vowed to paint every lighthouse``: a verb of saying and its ``that`` clause, a verb
    of promising and its ``to`` clause; ``The pier will close, the board said.``: the
    words before a verb of saying that closes the sentence."""
    return [
        *_frames(view, people, CLAUSE_VERBS, _clause, ("ccomp",), taken),
        *_frames(view, people, CLAUSE_VERBS, _closed, ("nsubj",), taken, after=False),
        *_frames(view, people, PROMISE_VERBS, _promised, ("xcomp",), taken),
        *_frames(view, people, DIRECTIVE_VERBS, _directed, ("xcomp", "ccomp"), taken),
    ]


def find_relative_reports(
    view: ArticleView, people: Resolver | None = None, taken: Collection[int] = ()
) -> list[Draft]:
    """``a rule change that he said would make it harder to ...``: a verb of saying in a
    relative clause whose own clause has the relative word for its subject says that
    clause, whatever report holds the noun (the same source's or another's).  Not ``the
    money he says he raised`` (the word is the clause's object: what he raised, not a
    statement)."""
    resolve = people.resolve if people is not None else None
    doc, text = view.doc, view.text
    out: list[Draft] = []
    first = bisect.bisect_left(view.idx, view.start)
    for i in view.with_lemmas(CLAUSE_VERBS, first):
        if view.dep[i] != "relcl" or view.pos[i] != "VERB" or i in view.quoted or i in taken:
            continue
        verb = doc[i]
        subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < i]
        if not subj or _negated(verb):
            continue
        clause = next(
            (
                c
                for c in verb.children
                if c.dep_ == "ccomp"
                and c.i > i
                and any(
                    g.dep_ in ("nsubj", "nsubjpass") and g.i < i and g.lower_ in RELATIVE
                    for g in c.children
                )
                # (no subject of its own: "that he says the club raised" is its object)
                and not any(g.dep_ in _SUBJECTS and g.i > i for g in c.children)
            ),
            None,
        )
        if clause is None:
            continue
        content = trim(doc, [t for t in subtree(clause) if t.i > i])
        source = trim(doc, noun_phrase(subj[0]))
        if len(content) < 2 or not source or source[0].lower_ in NO_SOURCE:
            continue
        drafted = reported_draft(text, resolve, content, cue_tokens(verb), source)
        if drafted is not None:
            out.append(drafted)
    return out


# What may stand between a verb of saying and the "that" of its clause: the one told
# and a phrase of place, time or channel ("told her in a debate that", "disclosed in
# court that", "said before attending the town hall that")
_BEFORE_THAT = frozenset(("ADP", "DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "ADV", "PART"))
_THAT_REACH = 12  # words between the verb and "that" ("said in one of a series of tweets that")
# nouns of degree, time and manner whose "that" clause is their own ("to the extent
# that", "the day that", "in a way that")
_OWN_THAT = frozenset("extent degree time day moment year way manner place reason".split())


def _says_clause(verb: Token) -> bool:
    """Whether a verb reports its "that" clause: one of CLAUSE_VERBS, or a word PolNeAR
    train mostly reads as a cue with a clause ("noting", "reminding", "argued")."""
    if verb.lemma_.lower() in CLAUSE_VERBS:
        return True
    rec = cue_record(verb.lower_, verb.lemma_.lower(), "ccomp", False, "x")
    return likely_cue(rec, count=3, rate=0.6)


def _that_clause_words(that: Token) -> list[Token]:
    """The clause a "that" opens, to its end: its head's subtree after it, or where the
    parse took "that" for a preposition or a relative word ("noting that at one point
    he had trailed"), up to the sentence's end or a semicolon, colon or dash."""
    doc = that.doc
    head = that.head
    if that.dep_ == "mark" and head.i > that.i:
        return [t for t in subtree(head) if t.i > that.i]
    out = []
    for t in doc[that.i + 1 : that.sent.end]:
        if t.text in (";", ":", *DASHES):
            break
        out.append(t)
    return out


def _that_head(that: Token) -> Token | None:
    """The verb or noun of saying a "that" follows, past the one told and a phrase of
    place, time or channel: a verb, or a noun of saying; None when a possessive stands
    between ("seeking evidence of his father's assertion that": the assertion's)."""
    doc = that.doc
    if that.i and doc[that.i - 1].lemma_.lower() in _OWN_THAT:
        return None  # "to the extent that Obama did": the noun's clause
    for j in range(that.i - 1, max(that.sent.start, that.i - _THAT_REACH) - 1, -1):
        tok = doc[j]
        if tok.pos_ == "VERB":
            return tok
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_NOUNS:
            return tok
        if tok.pos_ not in _BEFORE_THAT or tok.is_punct or tok.dep_ == "case":
            return None
    return None


def find_misread_that(
    view: ArticleView, people: Resolver | None = None, taken: Collection[int] = ()
) -> list[Draft]:
    """``he said, noting that at one point he had trailed by 50 points``, ``told her in a
    debate that she should ...``: a verb of saying whose "that" clause the parser did
    not make its complement (it read "that" as a preposition, or hung the clause on
    the noun of a phrase between them); a noun of saying and its owner likewise
    ("his father's assertion that ...").  The clause must hold a subject and a finite
    verb of its own."""
    resolve = people.resolve if people is not None else None
    doc, text = view.doc, view.text
    out: list[Draft] = []
    first = bisect.bisect_left(view.idx, view.start)
    for k in range(first, len(doc)):
        if view.lower[k] != "that" or view.pos[k] != "SCONJ" or k in view.quoted:
            continue
        that = doc[k]
        head = _that_head(that)
        if head is None or head.i in taken or head.i in view.quoted:
            continue
        if head.pos_ == "NOUN":  # "his father's assertion that ...": its owner's words
            owner = owner_of(head)
            if owner is None:
                continue
            source = owner_words(owner, head)
            cue = [head]
        elif (
            _negated(head)
            or (head.dep_ == "xcomp" and _negated(head.head))  # "does not need to show"
            or not _says_clause(head)
            or head.lemma_.lower() in RECEIVING_VERBS
        ):
            continue
        else:
            source, cue = source_tokens(head), cue_tokens(head)
            if not any(c.dep_ in SUBJ_DEPS for c in head.children) and not any(
                t.pos_ in ("PROPN", "PRON") for t in source
            ):
                continue  # a subject reached through other verbs must name someone
        words = _that_clause_words(that)
        clause = [t for t in words if not t.is_punct]
        if not any(t.dep_ in _SUBJECTS for t in clause) and not any(
            t.pos_ in ("PRON", "PROPN", "NOUN") for t in clause[:4]
        ):
            continue
        if not any(t.tag_ in _FINITE for t in clause):
            continue
        if not source or (len(source) == 1 and source[0].lower_ in NO_SOURCE):
            continue
        content = trim(doc, words)
        if len(content) < 3 or _across_paragraphs(text, [*content, *source]):
            continue
        drafted = reported_draft(text, resolve, content, cue, source)
        if drafted is not None:
            out.append(drafted)
    return out


def _as_object(verb: Token) -> list[Token] | None:
    """``the plan as a disaster``: the verb's object and the ``as`` phrase right after it
    that says what it is."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if verb.lemma_ == "refer":  # "referred to the tourists as vandals"
        objs = [g for c in verb.children if c.lower_ == "to" for g in c.children]
        objs = [g for g in objs if g.dep_ == "pobj"]
    if not objs:
        return None
    doc, obj = verb.doc, objs[0]
    if len(objs) > 1 and objs[-1].left_edge.i == obj.right_edge.i + 1:
        # "dismissed Harbour Master Tom Hale as ...": the parse cut one name into
        # two objects side by side; the "as" follows the last
        obj = objs[-1]
    k = obj.right_edge.i + 1
    while k < len(doc) and doc[k].is_space:
        # any space token spaCy kept apart ("beekeepers\xa0as": a page's no-break space);
        # the text is not normalised, as offsets and quoted words must stay the page's
        k += 1
    if k >= len(doc) or doc[k].lower_ != "as" or doc[k].i in (t.i for t in obj.subtree):
        return None
    pobj = [c for c in doc[k].children if c.dep_ == "pobj"]
    if doc[k].dep_ == "prep" and pobj:
        head, end = pobj[0], doc[k].right_edge.i
    else:  # the parse read "as a liar" as a clause, or lost it: the noun phrase by its words
        end = k
        while end + 1 < len(doc) and (
            doc[end + 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or doc[end + 1].is_quote
        ):
            end += 1
        nouns = [t for t in doc[k + 1 : end + 1] if t.pos_ in ("NOUN", "PROPN", "ADJ")]
        if not nouns:
            return None
        head = nouns[-1]
    if head.lower_ in NOT_AS_DESCRIPTION or head.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    if verb.lemma_ == "cast" and head.pos_ == "PROPN":
        return None  # "cast Lee as Hamlet": a part in a play, no description
    return list(doc[objs[0].left_edge.i : end + 1])


# the parts after a verb of naming or comparing that say what its object is or is like
_NAMED_DEPS = frozenset(("dobj", "oprd", "ccomp", "xcomp"))
# "called it quits", "called it a day": idioms, no description of the object
_NOT_NAMED = frozenset(("quits", "day", "night"))


def _named(verb: Token) -> list[Token] | None:
    """``the real heroes of the summer`` (of ``called the lifeguards the real heroes of
    the summer``): what a verb of naming names its object (the object goes with the cue,
    as PolNeAR marks it); ``the ferry fare to highway robbery`` (of ``compared the ferry
    fare to ...``): a verb of comparing with its object and the ``to`` phrase."""
    args = [c for c in verb.children if c.i > verb.i and c.dep_ in _NAMED_DEPS]
    if not args or args[0].left_edge.i != verb.i + 1:
        return None  # "called on Friday for ...", "called back": no object right after
    if args[0].pos_ not in ("NOUN", "PROPN", "PRON", "VERB", "DET"):
        return None
    doc = verb.doc
    end = max(a.right_edge.i for a in args)
    if verb.lemma_.lower() in COMPARING_VERBS:
        # the "to" phrase, on the verb or (as the parse may hang it) inside the object
        to = [c for c in verb.children if c.lower_ == "to" and c.i > args[0].i]
        to += [c for c in args[0].children if c.lower_ == "to" and c.dep_ == "prep"]
        if not to or to[0].dep_ != "prep":
            return None  # "compared notes", "compared with last year"
        end = max(end, to[0].right_edge.i)
        return list(doc[args[0].left_edge.i : end + 1])
    if len(args) < 2 or any(t.lower_ in _NOT_NAMED for t in args[1].subtree):
        return None  # "called the harbour master": no name given
    # the name alone: PolNeAR's cue takes the object ("branded North Korea")
    return list(doc[args[1].left_edge.i : end + 1])


def _with_reason(verb: Token) -> list[Token] | None:
    """``the mayor for closing the pier`` (of ``criticized the mayor for closing the
    pier``): a verb of judging's object and the reason right after it, as the realnews
    sets and PolNeAR mark the words."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objs:
        return None
    doc, obj = verb.doc, objs[0]
    word = REASON_VERBS.get(verb.lemma_.lower())
    k = obj.right_edge.i + 1
    # the parse may hang the reason on the object ("accused Ana Ruiz of showing support
    # for the mayor": "of" under "Ruiz", the object's phrase running to its end)
    held = [c for c in obj.children if c.dep_ == "prep" and c.lower_ == word and c.i > obj.i]
    if held and held[0].i == min((c.i for c in obj.children if c.i > obj.i), default=-1):
        k = held[0].i
    if k >= len(doc) or doc[k].lower_ != word:
        return None
    if doc[k].head.i not in (verb.i, obj.i) or doc[k].dep_ != "prep":
        return None
    if not any(c.dep_ in ("pobj", "pcomp") for c in doc[k].children):
        return None
    return list(doc[obj.left_edge.i : doc[k].right_edge.i + 1])


def find_as_reports(
    view: ArticleView, people: Resolver | None = None, taken: Collection[int] = ()
) -> list[Draft]:
    """``Kim described the plan as a disaster``, ``Varga has kept branding the warden
    as a "tin baron"``: what a verb of describing or judging says its object is; ``Kim
    called the plan a disaster``, ``Kim compared the plan to a shipwreck``: what a verb
    of naming or comparing says it is or is like; ``Kim criticized the mayor for closing
    the pier``: a verb of judging's object and its reason."""
    return [
        *_frames(view, people, DESCRIBING_VERBS, _as_object, ("dobj", "prep"), taken),
        *_frames(view, people, NAMING_VERBS | COMPARING_VERBS, _named, tuple(_NAMED_DEPS), taken),
        *_frames(view, people, frozenset(REASON_VERBS), _with_reason, ("dobj",), taken),
    ]


def cue_head(view: ArticleView, cue: Span) -> Token | None:
    """The head token of a cue span ("said" of "has also said"), None for no token."""
    return _cue_head(view.doc, cue.start, cue.end)


@per_article  # asked again for each cue (5,938 of 7,851 times on dev)
def _cue_head(doc: Doc, start: int, end: int) -> Token | None:
    toks = tokens_in(doc, start, end)
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    return heads[0] if heads else None


def _whole_subject(view: ArticleView, report: Draft, mention: list[Token]) -> list[Token]:
    """The cue's subject noun phrase when the mention stops inside it (``a welder who
    dreaded the foreman and``: the tagger's span ran out in a relative clause); [] else."""
    last = mention[-1].i if mention else -1
    if report.cue is None or not any(
        t.dep_ in ("relcl", "acl") and t.right_edge.i > last for t in mention
    ):
        return []
    verb = cue_head(view, report.cue)
    subj = [c for c in verb.children if c.dep_ in SUBJ_DEPS] if verb is not None else []
    ids = {t.i for t in mention}
    if not subj or subj[0].i not in ids or subj[0].right_edge.i <= mention[-1].i:
        return []
    return trim(view.doc, noun_phrase(subj[0]))


def _relative_alone(toks: list[Token]) -> list[Token]:
    """A relative pronoun the parse gave a phrase of the clause (``which in the wake of
    the drought``): the pronoun alone is the mention; but a second subject of its verb
    there is the one who speaks (``Pruitt, who Lane on Wednesday called ...``: "who" is
    the one called)."""
    if len(toks) > 1 and toks[0].lower_ in ("who", "which") and toks[0].dep_ in SUBJ_DEPS:
        ids = {t.i for t in toks}
        other = [t for t in toks[1:] if t.dep_ in SUBJ_DEPS and t.head.i == toks[0].head.i]
        if other and other[0].pos_ in ("PROPN", "NOUN", "PRON"):
            return [t for t in noun_phrase(other[0]) if t.i in ids] or toks[:1]
        return toks[:1]
    return toks


def _without_time(toks: list[Token]) -> list[Token]:
    """A source mention without the time phrase the parse hung on it or on the verb
    (``Marlow this week``, ``A group of beekeepers in 2011``); not one inside a clause of
    the mention (``who argued for it on Sunday``)."""
    k = len(toks)
    while k > 1 and toks[k - 1].ent_type_ in WHEN_ENTS:
        k -= 1
    if k < len(toks) and k > 1 and toks[k - 1].pos_ == "ADP":
        k -= 1
    if k == len(toks):
        return toks
    ids = {t.i for t in toks}
    run = {t.i for t in toks[k:]}
    tops = [t for t in toks[k:] if t.head.i not in run]
    roots = {t.i for t in toks if t.head.i not in ids}
    inner = ids - roots

    def in_clause(tok: Token) -> bool:
        # "who argued for the curfew on Sunday": a verb of the mention above the phrase
        while tok.head.i in inner and tok.head.i != tok.i:
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                return True
        return False

    if any(in_clause(t) for t in tops):
        return toks
    kept = trim(toks[0].doc, toks[:k])
    while len(kept) > 1 and kept[-1].pos_ in ("ADP", "ADV", "PART"):
        kept = kept[:-1]  # "A poll out Monday": "out" went with the date
    return kept if kept and kept[-1].is_alpha and kept[-1].pos_ != "DET" else toks


# what records, polls and papers do ("documents show", "emails showing that")
_SHOWING = frozenset("show shows showed shown showing reveal reveals revealed revealing".split())
_NOUNISH = frozenset(("NOUN", "PROPN", "ADJ", "NUM", "DET"))


def _shower(verb: Token) -> list[Token]:
    """``leaked documents from his 1995 tax return`` (of ``after leaked documents from his
    1995 tax return show he took a loss``), ``emails that night`` (of ``There were also
    emails that night showing that ...``): the noun phrase right before a verb of showing
    that the parse gave no subject (it took "show" for a noun, or hung it on "were")."""
    doc = verb.doc
    if verb.lower_ not in _SHOWING or verb.i == 0 or doc[verb.i - 1].pos_ != "NOUN":
        return []
    if verb.pos_ == "NOUN" and verb.dep_ in ("pobj", "dobj", "nsubj", "conj", "appos", "attr"):
        return []  # "went on the talk shows": a noun indeed

    def in_phrase(prev: Token, nxt: Token) -> bool:
        if prev.pos_ in _NOUNISH or prev.tag_ in ("PRP$", "POS") or prev.dep_ == "det":
            return True
        if prev.tag_ == "VBN":
            return nxt.pos_ in ("NOUN", "ADJ")  # "leaked documents"
        return prev.lower_ in ("of", "from") and nxt.i < verb.i

    k = verb.i
    while k > 0 and in_phrase(doc[k - 1], doc[k]):
        k -= 1
    words = list(doc[k : verb.i])
    while words and words[0].pos_ == "ADP":
        words = words[1:]
    # the first noun phrase: its words up to its first run of nouns ("emails", not
    # "emails that night"; "leaked documents" of "... from his tax return")
    nouns = [j for j, t in enumerate(words) if t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return []
    end = nouns[0]
    while end + 1 < len(words) and words[end + 1].pos_ in ("NOUN", "PROPN"):
        end += 1
    return trim(doc, words[: end + 1])


def settle_sources(view: ArticleView, people: Resolver | None, drafts: list[Draft]) -> None:
    """The source mentions of the reports, settled after tagging: a report read without a
    source gets the subject it shares with the clause it hangs from
    (:func:`syntax.shared_subject`); a time phrase is cut off a mention (:func:`_without_time`),
    and what a relative pronoun's mention runs on into (:func:`_relative_alone`)."""
    resolve = people.resolve if people is not None else None
    doc, text = view.doc, view.text
    for d in drafts:
        if d.cue is None:
            continue
        source: list[Token] = []
        if d.speaker is None:
            verb = cue_head(view, d.cue)
            subj = shared_subject(verb) if verb is not None else None
            if subj is not None and subj.i not in view.quoted:
                source = trim(doc, after_break(noun_phrase(subj)))
            elif verb is not None:
                source = [t for t in _shower(verb) if t.i not in view.quoted]
        else:
            mention = list(tokens_in(doc, d.speaker.start, d.speaker.end))
            cut = _relative_alone(_without_time(mention)) if mention else mention
            source = cut if len(cut) < len(mention) else _whole_subject(view, d, mention)
            source = _speaking_instead(view, d, source or mention) or source
        if source and not _across_paragraphs(text, source):
            span = (source[0].idx, source[-1].idx + len(source[-1]))
            d.speaker = source_speaker(text, resolve, span)
        if d.speaker is not None:
            d.speaker = _named_by_owner(view, resolve, d.speaker)


def _speaking_instead(view: ArticleView, report: Draft, source: list[Token]) -> list[Token]:
    """A source whose head cannot speak, that names no one the article knows and is not
    the cue's own subject (:func:`_own_subject`): "rally" of "opened a rally blasting X",
    "his task" of "told the AP that his task is to prove ...".  It gives way to the
    nearest subject up the parse from the cue that can
    (:func:`syntax.speaking_subject_above`); [] when it stays.  (Dropping such a source
    instead lost more right speakers than wrong ones: its head is often a role or a
    body the learned list lacks.)"""
    assert report.cue is not None and report.speaker is not None
    if not source or report.speaker.name != report.speaker.mention:
        return []
    head = highest(source)
    verb = cue_head(view, report.cue)
    if verb is None or can_speak(head) or _own_subject(verb, head):
        return []
    words = (report.start, report.end)
    subj = speaking_subject_above(verb, head, words, view.quoted)
    return trim(view.doc, after_break(noun_phrase(subj))) if subj is not None else []


def _named_by_owner(
    view: ArticleView, resolve: Callable[[int, int], str | None] | None, speaker: Speaker
) -> Speaker:
    """A source that is a thing someone owns speaks for its owner
    (:func:`syntax.speaking_owner`): "her tax plan" is named by "her".  The mention stays
    (PolNeAR's annotators mark the thing as the source); a mention that names someone
    already stays as it is."""
    if speaker.name != speaker.mention:
        return speaker
    toks = tokens_in(view.doc, speaker.start, speaker.end)
    owner = speaking_owner(highest(toks)) if toks else None
    if owner is None:
        return speaker
    s, e = np_span(view.doc, owner)
    s = max(s, speaker.start)
    name = resolve(s, e) if resolve is not None else None
    return replace(speaker, name=name or view.text[s:e])


def _own_subject(verb: Token, subj: Token) -> bool:
    """Whether ``subj`` is the subject of ``verb`` or of a verb it is conjoined to: "her
    bakery admitted that ...", "the yard would not disclose it but called it ..."."""
    if subj.dep_ not in SUBJ_DEPS:
        return False
    while subj.head.i != verb.i and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return subj.head.i == verb.i


def heard_in_passing(view: ArticleView, report: Draft) -> bool:
    """``The juggler left the fair early after learning that his tent had
    flooded``, ``Upon hearing that the ferry would stop, islanders grumbled``: a
    verb of coming to know in a participle phrase tells what happened to its subject,
    not what anyone stated (unlike ``The Post has learned that ...``, a claim)."""
    if report.cue is None:
        return False
    verb = cue_head(view, report.cue)
    if verb is None or verb.lemma_.lower() not in RECEIVING_VERBS or verb.tag_ != "VBG":
        return False
    return verb.dep_ in ("pcomp", "advcl") and verb.left_edge.i >= verb.i - 1


def charged_with(view: ArticleView, report: Draft) -> bool:
    """``Three clerks were charged with fraud``: the one charged in court is no source and
    the charge no words anyone said (PolNeAR dev: 0 of 5 such records a gold content).
    The active ``police charged him with theft`` stays, the realnews sets mark it."""
    if report.cue is None:
        return False
    verb = cue_head(view, report.cue)
    if verb is None or verb.lemma_.lower() != "charge":
        return False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return passive and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)


def _next_act(
    view: ArticleView, content: Span_, speaker_ids: set[int], cue: Token | None
) -> Token | None:
    """A verb of saying with no subject of its own that the parse hung inside a report's
    words, though it is the source's next act: conjoined to the words' main verb
    (``said the plan was late and urged a vote``), conjoined to a verb inside them in the
    cue's own form (``saying he has been a pioneer in promoting women and calling him
    "a feminist"``), a participle set off by a comma (``denied that a shakeup is
    coming, explaining that ...``) or brought by "before" or "after" (``said the
    deadlock had kept them safe before claiming that ...``)."""
    doc = content.doc
    head, pos = view.head, view.pos
    lo, hi = content.start, content.end
    roots = [i for i in range(lo, hi) if not lo <= head[i] < hi and pos[i] in ("VERB", "AUX")]
    if len(roots) != 1:
        return None
    for k in range(lo, hi):
        if pos[k] != "VERB":
            continue
        v = doc[k]
        if (
            not _next_act_verb(view, v)
            or v.i <= content.start
            or _negated(v)  # "and would not name the firm" states nothing
            or any(c.dep_ in _SUBJECTS for c in v.children)
            or speaker_ids & {t.i for t in v.subtree}
        ):
            continue
        conj = v.dep_ == "conj" and any(
            c.dep_ == "cc" and c.i == v.left_edge.i - 1 for c in v.head.children
        )  # ("and has voiced support": the conjunction before the verb's own auxiliary)
        if conj and v.head.i == roots[0]:
            return v
        if conj and cue is not None and v.tag_ == cue.tag_ and v.tag_ in ("VBG", "VBD"):
            return v
        if conj and cue is not None and v.head.tag_ == "VB" and _finite(v) and _finite(cue):
            # a finite verb is no coordinate of a bare one ("could cut prices and
            # announced a plan", "wants to build a pier and has voiced support"): the cue's is
            return v
        if (
            v.dep_ == "advcl"
            and v.tag_ == "VBG"
            and doc[v.i - 1].text == ","
            and v.left_edge.i == v.i
            and v.right_edge.i >= content.end - 2
        ):
            return v
        if (
            v.dep_ == "pcomp"
            and v.tag_ == "VBG"
            and v.head.i == v.i - 1
            and v.head.lower_ in _NEXT_TIME
            and v.right_edge.i >= max(t.i for t in content if not (t.is_punct or t.is_space))
        ):
            return v  # "said the deadlock had "kept us safe" before claiming that ..."
    return None


def _finite(verb: Token) -> bool:
    """Whether a verb is finite, by its own form or by an auxiliary of its own ("has
    said", "will vote")."""
    return verb.tag_ in _FINITE or any(c.dep_ == "aux" and c.tag_ in _FINITE for c in verb.children)


def _next_act_verb(view: ArticleView, verb: Token) -> bool:
    """A verb of saying that may be a source's next act: listed, or one with words of its
    own (a clause, a "to" clause) that PolNeAR train mostly reads as a cue in that frame
    ("and asked residents to ...", "and told reporters that ..."); a verb of describing
    only with what it says its object is ("and slammed the hearings as a "disgrace"",
    not "and slammed the inquiry")."""
    lemma = verb.lemma_.lower()
    if lemma in NEXT_ACTS:
        return True
    if view.frames[verb.i] in _NEXT_FRAMES and lemma not in DESCRIBING_VERBS:
        return likely_cue(view.cues[verb.i], _NEXT_CUES, _NEXT_RATE)
    return lemma in DESCRIBING_VERBS and _as_object(verb) is not None


# how often, and how mostly, PolNeAR train read an unlisted verb as a cue in its frame
# for it to be a source's next act
_NEXT_CUES, _NEXT_RATE = 5, 0.5
_NEXT_FRAMES = frozenset(("ccomp", "xcomp", "dobj"))


# prepositions that bring the source's next act ("before claiming that ...")
_NEXT_TIME = frozenset(("before", "after"))


def split_next_acts(view: ArticleView, drafts: list[Draft]) -> list[Draft]:
    """``Brantle said the lottery favoured millers and identified two bakeries as its
    winners``: a report whose words run on into its source's next act of saying ends
    before the "and"; the act is a report of its own, by the same source."""
    doc, text = view.doc, view.text
    out: list[Draft] = []
    starts = sorted(e.start for e in drafts)  # (a split act starts after its cue)
    for d in drafts:
        out.append(d)
        if d.speaker is None or d.cue is None or not d.is_indirect:
            continue
        content = tokens_in(doc, d.start, d.end)
        if not len(content):
            continue
        ids = {t.i for t in tokens_in(doc, d.speaker.start, d.speaker.end)}
        verb = _next_act(view, content, ids, cue_head(view, d.cue))
        if verb is None or verb.i in view.quoted:
            continue
        cue = cue_tokens(verb)
        first = trim(doc, list(doc[content.start : verb.left_edge.i - 1]))
        words = trim(doc, [t for t in verb.subtree if t.i > cue[-1].i])
        if len(first) < 2 or len(words) < 2:
            continue
        d.end = first[-1].idx + len(first[-1])
        w0, w1 = words[0].idx, words[-1].idx + len(words[-1])
        at = bisect.bisect_left(starts, w0)
        if at < len(starts) and starts[at] < w1:
            continue  # the act is a report already ("... and called the plan a "mess."")
        k = (cue[0].idx, cue[-1].idx + len(cue[-1]))
        out.append(
            Draft(
                w0,
                w1,
                "indirect",
                d.speaker,
                Span(text=text[k[0] : k[1]], start=k[0], end=k[1]),
                # a description goes on from the statement (dated with it); a verb of
                # saying is a statement of its own (PolNeAR dev: linked, content exact
                # F1 0.6209 -> 0.6181)
                continues_draft=None if verb.lemma_.lower() in NEXT_ACTS else d,
                is_indirect=True,
            )
        )
    return out


def split_that_clauses(view: ArticleView, drafts: list[Draft]) -> list[Draft]:
    """``Brooks has said that he would consider X and that he favored Y``: two clauses
    of one verb of saying, each with its own "that", are two statements (a reader
    lists them apart); the second ("and that ...") continues the first, with the same
    source and cue."""
    doc = view.doc
    out: list[Draft] = []
    for d in drafts:
        out.append(d)
        if d.cue is None or not d.is_indirect:
            continue  # (a source not named yet is named for both later)
        content = tokens_in(doc, d.start, d.end)
        ids = set(range(content.start, content.end))
        for i in range(content.start, content.end):
            if view.lower[i] != "that" or i in view.quoted:
                continue
            t = doc[i]
            second = t.head
            if t.dep_ == "det" and view.lower[content.start] == "that":
                # "said that A, and that talk of B masked C": after a first "that" clause,
                # the parse read the second "that" as its subject's determiner
                if second.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                second = second.head
            elif t.dep_ != "mark":
                continue
            if second.dep_ != "conj" or second.head.i not in ids or second.i < t.i:
                continue
            k = t.i - 1
            while k in ids and doc[k].is_space:
                k -= 1
            if k not in ids or doc[k].lower_ not in ("and", "but"):
                continue
            first = trim(doc, [u for u in content if u.i < k])
            # the second keeps its "and": together the two are the words of the whole
            words = [u for u in content if u.i >= k]
            if len(first) < 3 or len(words) < 3:
                continue
            d.end = first[-1].idx + len(first[-1])
            rest = Draft(
                words[0].idx,
                words[-1].idx + len(words[-1]),
                "indirect",
                d.speaker,
                d.cue,
                channel=d.channel,
                continues_draft=d,
                is_indirect=True,
            )
            out.append(rest)
            break
    return out
