"""Quote-date clues read from the parse: a date in a clause about something else, a
date of a thing rather than of the saying, a sentence pointing back to an earlier
account."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from saidwhen.extract.lexicon import FRAGMENT_CUES
from saidwhen.extract.when.base import (
    _CHANNEL_WORDS,
    _COMMUNICATION,
    _DOCUMENT,
    _EVENT_NOUN,
    Spans,
    _dated_free,
    _sentence_of,
    surname_of,
)
from saidwhen.model import DateRange, Quote, Span, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_ITS_OWN_DATE = re.compile(rf"{_CHANNEL_WORDS.pattern}|{_DOCUMENT}|{_EVENT_NOUN}", re.I)


def _other_clause(doc: Doc, t: Timex, cue: Span) -> bool:
    """A date in a clause about something else than the saying: "the budget approved in
    April", "the merger, which became final Tuesday" (not "a statement published Oct. 25").
    """
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    words = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or words is None:
        return False
    said = _clause(words.root)
    of = _modified(span.root)
    if _conjuncts(of, words.root):
        return True  # "She left in 2000, but she said ...": the date is the other clause's
    if _of_topic(span.root, words.root):
        return True  # "she said, referring to the vote on Tuesday": what she spoke of
    if (
        said is not None
        and of.pos_ in ("VERB", "AUX")
        and not said.left_edge.i <= of.i <= said.right_edge.i
    ):
        # "the board is now left with the loans Ms. Ruiz sought": the main verb's
        # date (but "the March 21 call, in which he said": what the clause tells of)
        return True
    x = _clause(span.root)
    if x is None or x.left_edge.i <= words.root.i <= x.right_edge.i:
        return False  # the saying is in that clause
    noun = x.head
    if noun.dep_ in ("nsubj", "nsubjpass"):
        # the speaker "speaking at an event on Monday", not "who was hired in May"
        return _SPEAKING.fullmatch(x.text) is None
    if _setting(noun, words.root):
        return False  # "at a rally held Monday", "told a crowd that gathered Monday"
    return _ITS_OWN_DATE.fullmatch(noun.text) is None


# what a date before a noun may date when it dates a saying ("Tuesday's announcement")
_SAYING_NOUN = re.compile(
    rf"{_ITS_OWN_DATE.pattern}|announcement|remarks?|comments?|address|appearance|profile|"
    r"article|story|column|op-ed|editorial|report|ad|episode|event|session|forum|debate|"
    r"convention|panel|discussion|show",
    re.I,
)
_PREMODIFIER = ("nummod", "compound", "amod", "poss", "nmod")
_COARSE = ("year", "decade", "century")


def _dates_a_thing(doc: Doc, t: Timex, speaker: str = "") -> bool:
    """The date qualifies a thing, not a saying: "Ruiz's 2008 campaign", "the 2011 flood",
    "a deputy in 2012" (but "a 2014 Senate hearing", "Tuesday's announcement")."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in _PREMODIFIER and root.head.pos_ in ("NOUN", "PROPN"):
        return _SAYING_NOUN.fullmatch(root.head.text) is None
    if (
        root.dep_ in ("advmod", "npadvmod")
        and root.head.pos_ in ("NOUN", "PROPN")
        and root.head.dep_ in ("nsubj", "nsubjpass", "appos")
    ):
        # "said Brett Lee, a strategist for her campaign four years ago": the speaker's past
        # (not "at a campaign stop this week": where the words were said)
        return _SAYING_NOUN.fullmatch(root.head.text) is None
    # "an aide in 2012": a year of a person's or a thing's story (a day may be misattached)
    if root.dep_ == "pobj" and t.granularity in _COARSE:
        noun = root.head.head
        if noun.pos_ != "NOUN":
            return False
        return _SAYING_NOUN.fullmatch(noun.text) is None or _spoken_by_another(noun, speaker)
    return False


def tied_to_cue(doc: Doc, t: Timex, cue: Span) -> bool:
    """A year the parse ties to the saying: it hangs on the cue's verb, on a verb the cue
    joins ("Eight years ago, he backed Ruiz and said ..."), or on what the cue's phrase
    holds ("told the Gazette last year", "in a 2013 interview"); not on a description of the
    speaker or a clause about something else ("said Lee, a strategist for her 2012
    campaign", "said of the course, which opened in 1971", "who became a citizen in 2013").
    """
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    words = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or words is None:
        return False
    said = words.root
    x = span.root
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head  # "her 2008 and 2012 campaigns": as the first year
    x = _premodified(x)
    # up from the date's word to the cue, through the phrases a saying holds
    while x.i != said.i:
        if x.head.i == x.i or not (x.dep_ in _HELD_BY_SAYING or _time_clause(x)):
            break
        x = x.head
    if x.i == said.i:
        return True
    # down: the cue is joined to the verb the date hangs on
    y = said
    while y.i != x.i:
        if y.dep_ not in _JOINS_SAYING or y.head.i == y.i:
            return False
        y = y.head
    return True


# how a phrase hangs on the saying that holds it ("told CNN last year", "in a 2013 video")
_HELD_BY_SAYING = frozenset(
    {"prep", "pobj", "dobj", "dative", "npadvmod", "advmod", "obl", "nsubj", "nsubjpass", "agent"}
)
# how a cue is joined to the verb or noun of its clause ("backed Ruiz and said", "a
# statement saying", "It was three years ago that Lee said", "the 1992 convention, when
# Lee called for ...")
_JOINS_SAYING = frozenset(
    {"conj", "advcl", "acl", "relcl", "ccomp", "dobj", "xcomp", "prep", "pobj"}
)


def _time_clause(x: Token) -> bool:
    """``x`` heads a clause that sets the time of the verb above ("When Ali died in 1998,
    Lee released a statement")."""
    return x.dep_ == "advcl" and any(
        c.dep_ == "advmod" and c.lower_ in ("when", "after") for c in x.children
    )


def dates_occasion(doc: Doc, t: Timex, start: int, end: int) -> bool:
    """A year the parse ties to the occasion noun at ``start:end``: before it ("a 2007
    address"), on it ("a speech in 1992", "an interview that year"), or on the verb it sets
    or that gives it ("In 1992, in a speech at the lodge, he ...", "gave an address in
    1865"); not a year of something else told next to it ("came to the town in 2011 after
    interviews with ...")."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    noun = doc.char_span(start, end, alignment_mode="expand")
    if span is None or noun is None:
        return True
    head = noun.root
    of = _premodified(span.root)
    if of.i == head.i:
        return True
    if head.dep_ == "dobj" and head.head.i == of.i:
        return True  # "delivering his address in 1865"
    prep = head.head if head.dep_ == "pobj" else None
    return prep is not None and prep.lower_ in ("in", "at", "during") and prep.head.i == of.i


def _premodified(root: Token) -> Token:
    """The word a date's phrase dates: the noun it stands before, through the words
    between ("a 2014 Senate hearing"), else the word it modifies (:func:`_modified`)."""
    if root.dep_ not in _PREMODIFIER:
        return _modified(root)
    x = root
    while x.dep_ in _PREMODIFIER and x.head.i != x.i:
        x = x.head
    return x


def _names_a_thing(doc: Doc, t: Timex) -> bool:
    """The date is part of a noun's name: "the July 10 meeting", "a September conversation"."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return (
        span is not None
        and span.root.dep_ in _PREMODIFIER
        and (span.root.head.pos_ in ("NOUN", "PROPN") or span.root.head.dep_ in _NOMINAL)
    )


# "the March 3 walk along the docks": the parse may tag the noun a verb, not its role
_NOMINAL = frozenset({"pobj", "dobj", "nsubj", "nsubjpass"})


def _spoken_by_another(noun: Token, speaker: str) -> bool:
    """A speech "by" a person the speaker's surname does not name: "the site of a speech by
    Ada Voss in 1830", when Ruiz speaks (not "a statement released by his office")."""
    surname = speaker.split()[-1] if speaker else ""
    if not surname or noun.lower_ not in ("speech", "address", "sermon", "remarks"):
        return False
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            names = [x for x in prep.children if x.dep_ == "pobj" and x.pos_ == "PROPN"]
            return bool(names) and surname not in " ".join(x.text for x in prep.subtree)
    return False


def _in_reported(doc: Doc, t: Timex, q: Quote) -> bool:
    """The date sits in the words reported, after they begin: "Lee noted that Ferrell
    looked tired at his first forum in 1984" (not "said on Tuesday that ...")."""
    if t.start < q.start:
        return False
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    x = span.root if span is not None else None
    while x is not None and x.head.i != x.i:
        if q.cue is not None and q.cue.start <= x.idx < q.cue.end:
            # "as Lee said in April", '"...," Lee tweeted last May, "..."' (the parse may
            # hang the cue on the second half's verb): a date of the cue is the saying's
            return False
        if x.dep_ == "ccomp":
            return True
        x = x.head
    return False


def on_the_cue(doc: Doc, t: Timex, cue: Span) -> bool:
    """The date hangs on the cue's verb itself ("wrote in September", "as Lee said in April
    while ...", "said Tuesday"): when the saying was, whatever quote or report it sits in."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    words = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or words is None:
        return False
    root = span.root
    return _modified(root).i == words.root.i and root.dep_ in _ON_A_VERB


# verbs of the speech lexicon that tell no act of saying when a date hangs on them:
# thinking and feeling ("feared in May"), and acts that are speech only in a phrase ("shot
# back", "fired back", "pressed")
_NOT_A_SAYING = frozenset(
    """believe think feel know hope fear worry expect estimate calculate figure guess begin
    finish open continue remember press shoot fire hit push""".split()
)
_SAYING_VERBS = FRAGMENT_CUES - _NOT_A_SAYING


def said_on(doc: Doc, t: Timex) -> bool:
    """The date hangs on a verb of saying ("slammed the plan on Saturday", "praised the
    crew at a hearing in June"): when an account was given, whatever the verb (the
    lexicon's verbs that govern quoted words, not those of thinking)."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    verb = _modified(span.root)
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _SAYING_VERBS


# how a date hangs on the verb it dates: "in April", "Tuesday", "recently"
_ON_A_VERB = ("pobj", "npadvmod", "advmod", "obl")


def _modified(root: Token) -> Token:
    """The word a date's phrase modifies: the word its preposition hangs on ("said" of
    "said in April"), else its head."""
    return root.head.head if root.dep_ == "pobj" else root.head


def _not_the_account(doc: Doc, t: Timex, speaker: str = "") -> bool:
    """A date of the sentence that is not when its account was given: it qualifies a thing,
    sits in a relative clause ("Lee, who served during the 2000 election") or in the
    words reported ("Lee noted that Ferrell looked tired in 1984")."""
    if _dates_a_thing(doc, t, speaker):
        return True
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    of = _modified(span.root)
    if t.granularity in _COARSE and not (
        said_on(doc, t)
        or any(_COMMUNICATION.fullmatch(w.text) for w in (span.root.head, of))
        or _SAYING_NOUN.fullmatch(span.root.head.text)
    ):
        # "Haddad bought a boat in 2011 after interviews with ...": a year of the
        # speaker's story, not of an account
        return True
    if _COMMUNICATION.fullmatch(of.text) is None and any(
        _COMMUNICATION.fullmatch(w.text) and _conjuncts(of, w) for w in _conjoined(of)
    ):
        return True  # "She left in 2000, but she said ...": the account is the other clause
    x = span.root
    while x.head.i != x.i:
        if x.dep_ in ("relcl", "ccomp") or (x.dep_ == "acl" and x.pos_ == "VERB"):
            # "Ferrell, who wrote the letter in May 2015": that clause's saying
            said = _COMMUNICATION.fullmatch(x.text) or _SAYING_NOUN.fullmatch(x.head.text)
            return said is None
        x = x.head
    return False


# what a group does when it speaks up ("the councilors objected", "officials weighed in")
_GROUP_VERBS = frozenset(
    {"say", "warn", "weigh", "speak", "react", "respond", "chime", "argue", "caution", "urge",
     "criticize", "praise", "comment", "tell", "call", "question", "complain", "pile"}
)  # fmt: skip


def _group_told(doc: Doc, t: Timex) -> bool:
    """A day on which a group spoke up: "Even her allies on the council objected on
    Tuesday that ...", "Other officials weighed in Friday" (a plural subject)."""
    if t.granularity != "day":
        return False
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    verb = _modified(span.root)
    return verb.lemma_ in _GROUP_VERBS and any(
        c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS") for c in verb.children
    )


_SPEAKING = re.compile(
    r"(?:speak|address|testify|testifi|appear|talk|writ|post|tweet|answer|respond|interview)"
    r"\w*|asked|quoted",
    re.I,
)
# how a setting of the saying hangs from its verb: "at a rally", "told a crowd", "speaking at"
_SETTING_DEPS = ("pobj", "prep", "dobj", "dative", "advcl", "pcomp", "npadvmod")


def _conjuncts(a: Token, b: Token) -> bool:
    """Two clauses joined by "and"/"but", the later with a subject of its own: "She left
    in 2000, but she said ..." (not "He retired in 2012 and said ...": one subject, one
    time)."""
    if a.i == b.i:
        return False
    for low, high in ((a, b), (b, a)):
        x = low
        while x.dep_ == "conj" and x.head.i != x.i:
            if x.head.i == high.i:
                return any(c.dep_ in ("nsubj", "nsubjpass") for c in x.children)
            x = x.head
    return False


def _and_theirs(x: Token) -> list[Token]:
    """``x`` and the nouns joined to it by "and" ("Bennett and Sandy Paradis", "Lee, Ruiz
    and Park")."""
    out, k = [x], 0
    while k < len(out):
        out += [c for c in out[k].children if c.dep_ == "conj"]
        k += 1
    return out


def _conjoined(x: Token) -> list[Token]:
    """The clauses joined to ``x`` by "and"/"but": its conjuncts and the ones it is of."""
    out = [c for c in x.children if c.dep_ == "conj"]
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head
        out.append(x)
    return out


def _setting(noun: Token, verb: Token) -> bool:
    """The noun is where, when or to whom the saying verb spoke (not what was said)."""
    x = noun
    while x.i != verb.i:
        if x.dep_ not in _SETTING_DEPS or x.head.i == x.i:
            return False
        x = x.head
    return True


# what the words were about, not where they were said ("referring to", "alluding to")
_OF_TOPIC = frozenset({"refer", "allude"})


def _of_topic(x: Token, said: Token) -> bool:
    """``x`` is in a participle of the saying that tells what it was about ("said, referring
    to the community, standing now at 17 percent")."""
    while x.head.i != x.i and x.i != said.i:
        if x.dep_ == "advcl" and x.head.i == said.i:
            return x.lemma_.lower() in _OF_TOPIC
        x = x.head
    return False


def _aside(doc: Doc, t: Timex) -> bool:
    """The date tells of something else than the narrative's step: a thing ("a speech by Ada
    Voss in 1830"), a relative or participial clause ("Ali, who died three months ago", "the
    curfew it put in place Thursday")."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span is not None and (_dates_a_thing(doc, t) or _clause(span.root) is not None)


def _clause(token: Token) -> Token | None:
    """The head of the relative or participial clause the token is in, if any."""
    x = token
    while x.dep_ not in ("relcl", "acl"):
        if x.head.i == x.i:
            return None
        x = x.head
    return x


_POINTS_BACK = re.compile(
    r"\s*[\"“”']?\s*(?:that|this|those|these|such)(?:'s|’s|\s+(?:is|was|are|were))\b", re.I
)
# an opening mark before "This is ...": the sentence is quoted words, not the narrative's
_OPENS_QUOTE = re.compile(r"^\s*(?:[“‘]|''\w|[\"']\w)")
_VIEW = re.compile(
    r"\b(?:view|words?|remarks?|comments?|message|claim|promise|pitch|mouthed|voiced|put\s+it)\b",
    re.I,
)


def _pointed_back(
    text: str,
    sents: Sequence[tuple[int, int]],
    q: Quote,
    story: Sequence[Timex],
    anchor: dt.date,
) -> tuple[str | None, DateRange | None] | None:
    """The date of the next sentence when it names the speaker and points back to the words."""
    surname = surname_of(q.speaker.name) if q.speaker and q.speaker.name else ""
    if len(surname) < 3:
        return None
    _, e = _sentence_of(sents, q.end - 1)
    after = sents[bisect.bisect_left(sents, (e, -1)) :][:1]
    m = _POINTS_BACK.match(text, after[0][0], after[0][1]) if after else None
    if m is None or _OPENS_QUOTE.search(m.group(0)):
        return None  # ('"This is a campaign of slogans," said Lee': the speaker's own words)
    a, b = after[0]
    sentence = text[a:b]
    # "... by Ana Ruiz on Nov. 14", "That was her message to voters on Monday"; not "That
    # was a change from 2010, when Ruiz lost"
    named = re.search(rf"\b{re.escape(surname)}\b", sentence) and (
        _COMMUNICATION.search(sentence) or _VIEW.search(sentence)
    )
    if not (named or re.search(rf"\b(?:his|her|their|its)\s+{_VIEW.pattern}", sentence, re.I)):
        return None
    for t in story:
        if a <= t.start < b:
            dated = _dated_free(t, anchor)
            if dated is not None:
                return dated
    return None


def _acts_in(doc: Doc, names: set[str], a: int, b: int, said: Spans) -> bool:
    """One of the speaker's ``names``, outside the quoted words ``said``, is the subject of a
    past act in ``a:b`` that is no saying ("Albright accepted the papers", "Rawlings, who
    watched the ceremony", "there in the back was Garcia"): the text places them there."""
    span = doc.char_span(a, b, alignment_mode="expand")
    for t in span if span is not None else ():
        if t.text not in names or t.idx in said:
            continue
        if t.dep_ in ("nsubj", "nsubjpass"):
            verb = t.head
        else:
            verb = next((c for c in t.children if c.dep_ == "relcl"), t)
        if verb.i != t.i and verb.tag_ == "VBD" and verb.lemma_.lower() not in FRAGMENT_CUES:
            return True
    return False


def _shown_on(
    doc: Doc,
    sents: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    story: Sequence[Timex],
    week: str,
    anchor: dt.date,
) -> dict[str, str]:
    """The speakers a caption shows somewhere on a day of the past week: in a sentence that
    tells the day (outside anyone's words), the subjects of a present-tense verb that is no
    saying ("Jim Bennett and Sandy Paradis stand in front of a polling location ... on
    Tuesday."). A surname two speakers share goes to the one the caption names in full."""
    by_surname: dict[str, set[str]] = {}
    for q in quotes:
        if q.speaker is not None and q.speaker.name:
            by_surname.setdefault(surname_of(q.speaker.name), set()).add(q.speaker.name)
    said = Spans([(q.start, q.end) for q in quotes])
    out: dict[str, str] = {}
    for t in story:
        if t.granularity != "day" or not t.date or not week <= t.date < anchor.isoformat():
            continue
        if t.start in said:
            continue
        s, e = _sentence_of(sents, t.start)
        span = doc.char_span(s, e, alignment_mode="expand")
        for subj in span if span is not None else ():
            verb = subj.head
            # (a bare "stand" with a subject is the present too, however tagged)
            if subj.dep_ not in ("nsubj", "nsubjpass") or verb.tag_ not in ("VB", "VBP", "VBZ"):
                continue
            if verb.lemma_.lower() in FRAGMENT_CUES or any(
                c.dep_ in ("aux", "auxpass") for c in verb.children
            ):
                continue  # a saying, or "will stand trial on Monday"
            # "Bennett and Sandy Paradis": each conjunct (not a name inside the subject,
            # "Rubio's poor showings on Tuesday have ...")
            for w in _and_theirs(subj):
                names = by_surname.get(w.text, set())
                full = " ".join([c.text for c in w.lefts if c.dep_ == "compound"] + [w.text])
                if len(names) > 1 and full in names:
                    names = {full}
                if len(names) == 1:
                    out.setdefault(next(iter(names)), t.date)
    return out
