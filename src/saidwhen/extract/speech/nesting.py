"""Reports inside reports: whose words they are, and who passes them on.

"Prosecutors say he told an agent, "...": the words are his; the prosecutors
report that he said them.  A reader wants both, so a quote keeps the inner
person as its ``speaker`` and the outer one as ``reported_by``.

One rule, read from the parse, for every draft (direct, fragment, reported)
once its cue and speaker are chosen (:func:`nest`):

- *inward*: between the cue and the words it governs there is a report of its
  own, a verb of saying with a speaker of its own ("say that he **told**",
  "slammed Obama for **suggesting**", "quoted Lee as **saying**") or a noun for
  words with an owner ("Trump's **claim** that"): that report's speaker
  speaks, the cue's speaker reports;
- *outward*: the cue is inside what another verb of saying reports ("Ortega
  said her manager **told** her ...") or its sentence names a source
  ("according to the memo, Mook told donors ..."): the draft keeps its
  speaker, and the outer speaker reports it.

A verb inside the words that reports no one's words ("X said he wants to talk
to Y") is not between the cue and the words: only an ancestor of the words
in the parse is.  A quoted phrase keeps its cue's speaker (annotators give a
word quoted after a nested verb now to the inner speaker, now to the outer),
unless a noun names its owner's words or the frame is "quoted Lee as saying".

A report set inside reported speech that no draft holds ("paid a pilot who
said ...") becomes a draft of its own (:func:`inner_drafts`).

PolNeAR annotates only the outermost report (its guidelines: "No nested
attributions"); :mod:`saidwhen.eval.polnear` gives it ``reported_by`` and
``reported_cue`` where there are, and leaves the inner drafts out.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from saidwhen.extract._reported_cues import CUE_RATES
from saidwhen.extract.memo import doc_tokens
from saidwhen.extract.speech.direct import WORDS_NOUNS, make_speaker, outer_source, reporter_of
from saidwhen.extract.speech.lexicon import CLAUSE_VERBS, NO_SOURCE, likely_cue
from saidwhen.extract.speech.rules import SPEECH_TO_NOUNS, noun_report, owner_of, to_clause
from saidwhen.extract.speech.syntax import (
    a_share,
    cue_span,
    cue_subject,
    highest,
    is_speech_verb,
    np_span,
)
from saidwhen.extract.speech.types import Draft
from saidwhen.extract.speech.view import tokens_in
from saidwhen.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from saidwhen.extract.people import PeopleIndex
    from saidwhen.extract.speech.view import ArticleView
    from saidwhen.model import Speaker

__all__ = ["inner_drafts", "nest", "shares_pass_on"]

# prepositions that hang a verb of saying on a verb whose object says it: "quoted Lee as
# saying", "criticized Lee for saying", "accused Lee of saying"
_SAYING_PREPS = frozenset(("as", "for", "of"))
_NOUNS = ("NOUN", "PROPN")
_VERBS = ("VERB", "AUX")
_NOUN_CLAUSES = frozenset(("acl", "ccomp", "prep"))
# a verb outside the list heads a reported clause when PolNeAR train has it a cue with a
# clause this often ("remarked that")
_MIN_CUES, _MIN_RATE = 5, 0.5
# verbs whose clause is what was said, for a report inside reported speech (not "believe",
# "realize": what someone thinks is part of the words that report it)
_CLAUSE_REPORTS = CLAUSE_VERBS | frozenset(("advise", "indicate", "suggest"))
# nouns for words whose owner said them, for a report inside another report's words
_OWNED_NOUNS = WORDS_NOUNS | SPEECH_TO_NOUNS

# verbs PolNeAR train reads as cues whose quoted word news annotators give the reporter:
# thinking ("lawmakers who think they can "starve" schools") and portraying ("said Lee
# described the deal as "the gold standard"": the reporter's description)
_REPORTERS_WORD = frozenset(
    "believe think feel know hope fear worry expect guess describe portray depict "
    "characterize characterise".split()
)


def nest(
    view: ArticleView, people: PeopleIndex, drafts: list[Draft], quoted: frozenset[int]
) -> None:
    """Set each nested draft's inner ``speaker`` and outer ``reported_by`` (in place)."""
    doc = view.doc
    for d in drafts:
        if d.cue is None or d.speaker is None or d.headline or d.reported_by is not None:
            continue
        verb = _cue_token(doc, d)
        if verb is None:
            continue
        inner = _inner_report(view, people, verb, d.start, d.end, quoted)
        if (
            inner is not None
            and d.kind == "fragment"
            and inner[0].pos_ not in _NOUNS
            and not _said_as(inner[0])
            and not (_says_on(view, inner[0]) and _other(doc, people, d.speaker, inner[1]))
        ):
            # a quoted fragment inside a report of a report goes to the inner speaker
            # when the inner verb is one PolNeAR train mostly reads as a cue in its frame
            # ("said Lee called him a "fraud"", "said Lee told donors "no""), a noun names
            # its owner's words or the report is "quoted Lee as saying"; else it stays
            # its cue's ("said Lee pushed her to be "stronger"")
            inner = None
        if inner is not None and not _within(inner[1], d.speaker.start, d.speaker.end):
            _pass_on(doc, people, d, *inner)
            continue
        own = _own_speaker(view, people, verb, quoted) if _said_as(verb) else None
        if (
            own is not None
            and _from_above(doc, d.speaker, verb)
            and not _within(own, d.speaker.start, d.speaker.end)
        ):
            # "the Herald quoted Lee as saying": the walk from the cue climbed to the one
            # who quotes, though the cue's object says it
            _pass_on(doc, people, d, verb, own)
            continue
        outer = _outer(view, verb, quoted)
        if (
            outer is not None
            and not d.start <= outer[1].idx < d.end
            and not _within(outer[1], d.speaker.start, d.speaker.end)
        ):
            d.reported_by, d.reported_cue = make_speaker(doc, people, outer[1]), outer[0]


def shares_pass_on(view: ArticleView, drafts: list[Draft]) -> None:
    """A share of a group inside a report speaks through the one who reports it: "a poll
    found that 70 percent of voters said they ...", "the bulk of it ..., according to X"
    are the poll's, X's: the reporter speaks (``reported_by``, else the report whose words
    hold the draft; in place)."""
    doc = view.doc
    reports = [r for r in drafts if r.kind == "indirect" and r.speaker is not None]
    for d in reports:
        assert d.speaker is not None
        toks = tokens_in(doc, d.speaker.start, d.speaker.end)
        if not toks or not a_share(highest(toks)):
            continue
        by = d.reported_by
        if by is None:
            outer = [
                r
                for r in reports
                if r.start <= d.start and d.end <= r.end and (r.start, r.end) != (d.start, d.end)
            ]
            by = outer[-1].speaker if outer else None
        if by is not None and not a_share(highest(tokens_in(doc, by.start, by.end))):
            # (a reporter set stays: PolNeAR reads its attribution from it)
            d.speaker = by


def _says_on(view: ArticleView, verb: Token) -> bool:
    """Whether a verb inside reported speech says words of its own that a quoted fragment
    may be: one PolNeAR train mostly reads as a cue in its frame ("told", "called"), not a
    verb of thinking or portraying (:data:`_REPORTERS_WORD`)."""
    return verb.lemma_.lower() not in _REPORTERS_WORD and likely_cue(view.cues[verb.i])


def _other(doc: Doc, people: PeopleIndex, speaker: Speaker, tok: Token) -> bool:
    """Whether ``tok`` names someone other than ``speaker`` ("she said she had asked":
    no one passes on her own words)."""
    name = make_speaker(doc, people, tok).name
    return name is None or name != speaker.name


def _pass_on(doc: Doc, people: PeopleIndex, d: Draft, report: Token, speaker: Token) -> None:
    """Make the draft's speaker and cue the ones who pass the words on, and ``speaker``,
    by ``report``, the one who said them."""
    d.reported_by, d.reported_cue = d.speaker, d.cue
    d.speaker = make_speaker(doc, people, speaker)
    d.cue, d.cue_token = cue_span(doc, report), report.i


def _said_as(verb: Token) -> bool:
    """``quoted Lee as saying``, ``criticized Lee for saying``: a verb of saying hung on
    another verb by a preposition, said by that verb's object."""
    return verb.dep_ == "pcomp" and verb.head.lower_ in _SAYING_PREPS


def _from_above(doc: Doc, speaker: Speaker, verb: Token) -> bool:
    """Whether the speaker's mention hangs on a verb above ``verb`` in the parse."""
    toks = tokens_in(doc, speaker.start, speaker.end)
    if not toks:
        return False
    head = highest(toks).head
    return any(a.i == head.i for a in verb.ancestors)


def inner_drafts(
    view: ArticleView, people: PeopleIndex, drafts: list[Draft], quoted: frozenset[int]
) -> list[Draft]:
    """The reports set inside reported speech that no draft holds yet, as drafts of their
    own: in "Sherman reported that Fox paid a booker who said Ailes had harassed her",
    "Ailes had harassed her" is the booker's, reported by Sherman; so is the report that
    is the whole of the words ("Klein said two women said they ...": theirs, by Klein)."""
    doc = view.doc
    # what a report or a whole quote holds (a quoted phrase may sit inside a new report)
    have = {(d.start, d.end) for d in drafts if d.kind != "fragment"}
    out: list[Draft] = []
    for d in drafts:
        if d.kind != "indirect" or d.cue is None or d.speaker is None or d.reported_by:
            continue
        toks = tokens_in(doc, d.start, d.end)
        if not toks:
            continue
        # the report that is the whole of the words ("Klein said two women said they had
        # ...") is a record too: annotators keep both the outer and the inner one
        for tok in toks:
            if tok.i in quoted or tok.pos_ != "VERB" or not _reports_clause(tok):
                continue
            clauses = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]
            if len(clauses) != 1:
                continue
            span = _clause_span(clauses[0])
            if span is None or span[1] > d.end or _held(span, have, d):
                continue
            if not _may_report(view, tok, clauses[0], span[0], quoted):
                continue
            subj = _own_speaker(view, people, tok, quoted)
            same = subj is None or _within(subj, d.speaker.start, d.speaker.end)
            if same and (cut := _run_on(tok, d)) is not None:
                # "warned that the vote could fail, noting that ...": the words ran on
                # into the speaker's next statement, a record of its own
                d.end = cut
                more = Draft(*span, "indirect", d.speaker, cue_span(doc, tok))
                more.cue_token, more.is_indirect = tok.i, True
                have.add(span)
                out.append(more)
                break
            if (
                subj is None
                or span[0] <= subj.idx < span[1]
                or _within(subj, d.speaker.start, d.speaker.end)
            ):
                continue
            inner = Draft(*span, "indirect", make_speaker(doc, people, subj), cue_span(doc, tok))
            inner.cue_token, inner.is_indirect = tok.i, True
            inner.reported_by, inner.reported_cue = d.speaker, d.cue
            have.add(span)
            out.append(inner)
        out += _owned_inside(view, people, d, toks, have, quoted)
    return out


def _owned_inside(
    view: ArticleView,
    people: PeopleIndex,
    outer: Draft,
    toks: Iterable[Token],
    have: set[tuple[int, int]],
    quoted: frozenset[int],
) -> list[Draft]:
    """The reports a noun of saying gives its owner inside another report's words: in
    "Biden rubbished Trump's claim that he understands workers", "he understands
    workers" is Trump's, reported by Biden (annotators keep both)."""
    doc = view.doc
    assert outer.speaker is not None
    out: list[Draft] = []
    for noun in toks:
        if noun.pos_ != "NOUN" or noun.i in quoted or noun.lemma_.lower() not in _OWNED_NOUNS:
            continue
        parts = noun_report(noun) or _loose_noun_report(noun, outer.end)
        if parts is None:
            continue
        owner, words = parts
        if owner.i in quoted or not _speaks(view, people, owner):
            continue
        if _within(owner, outer.speaker.start, outer.speaker.end):
            continue
        span = (words[0].idx, words[-1].idx + len(words[-1])) if words else None
        if span is None or span[1] > outer.end or span[0] < outer.start or _held(span, have, outer):
            continue
        speaker = make_speaker(doc, people, owner)
        cue = Span(noun.text, noun.idx, noun.idx + len(noun))
        inner = Draft(*span, "indirect", speaker, cue)
        inner.cue_token, inner.is_indirect = noun.i, True
        inner.reported_by, inner.reported_cue = outer.speaker, outer.cue
        have.add(span)
        out.append(inner)
    return out


def _loose_noun_report(noun: Token, end: int) -> tuple[Token, list[Token]] | None:
    """A noun of saying's owner and words where the parse did not hang a clause on the
    noun: its ``to`` clause ("Korea's claim to have tested"), or the words after a
    ``that`` right after it or its agent, which the parser often reads as a relative
    pronoun ("attacks from Bush that he was not a conservative"), up to ``end``; not a
    relative clause ("the statement that was issued")."""
    owner = owner_of(noun)
    if owner is None:
        return None
    doc = noun.doc
    if owner.i < noun.i and (clause := to_clause(noun)) is not None:
        return owner, list(clause.subtree)
    # the first "that" past the noun and its agent, with no verb between
    k = noun.i + 1
    while k < min(len(doc), noun.i + 12) and doc[k].lower_ != "that":
        if doc[k].pos_ in _VERBS or doc[k].text in ".;:":
            return None
        k += 1
    after = doc[k + 1] if k + 1 < len(doc) else None
    if after is None or doc[k].lower_ != "that" or (after.pos_ in _VERBS and after.tag_ != "VBG"):
        return None
    words = []
    for t in doc[k + 1 :]:
        if t.idx >= end:
            break
        if not t.is_space:
            words.append(t)
    while words and words[-1].is_punct:
        words.pop()
    return (owner, words) if len(words) >= 3 else None


def _reports_clause(tok: Token) -> bool:
    """A verb of saying whose clause is what was said: listed, or in PolNeAR train
    mostly a cue in its frame ("remarked that", "estimated that")."""
    if tok.lemma_ in _CLAUSE_REPORTS:
        return True
    lemma = tok.lemma_.lower()
    rec = CUE_RATES.get(f"~{lemma}|ccomp") or CUE_RATES.get(f"{lemma}|ccomp")
    return likely_cue(rec, _MIN_CUES, _MIN_RATE)


def _run_on(tok: Token, outer: Draft) -> int | None:
    """Where the outer words end when ``tok``, a participle of saying inside them set
    off by a comma and with no subject of its own, starts the speaker's next statement
    (the parse hangs it from the reported verb): the end of the words before the comma."""
    doc = tok.doc
    if tok.tag_ != "VBG" or tok.dep_ != "advcl" or tok.i < 2 or doc[tok.i - 1].text != ",":
        return None
    last = tok.right_edge
    if not outer.start <= tok.head.idx < outer.end or last.idx + len(last) < outer.end:
        return None  # not the last part of the words
    before = doc[tok.i - 2]
    end = before.idx + len(before)
    return end if end > outer.start else None


def _held(span: tuple[int, int], have: set[tuple[int, int]], outer: Draft) -> bool:
    """Whether a record other than the outer one already holds most of the clause
    ("that his actions were ..." for "his actions were ...", a quote for its words)."""
    start, end = span
    for s, e in have:
        if (s, e) == (outer.start, outer.end):
            continue
        if min(e, end) - max(s, start) > (end - start) / 2:
            return True
    return False


def _clause_span(clause: Token) -> tuple[int, int] | None:
    """A reported clause's characters, without its "that" and a final mark."""
    toks = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)]
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _cue_token(doc: Doc, d: Draft) -> Token | None:
    """The cue's head word (read from its span: a step after the cue was found may have
    moved the cue, "fragments of reported speech take the outer source")."""
    assert d.cue is not None
    toks = list(tokens_in(doc, d.cue.start, d.cue.end))
    toks = [t for t in toks if is_speech_verb(t)] or toks  # "closed stating": "stating"
    if toks:
        return highest(toks)
    return doc[d.cue_token] if d.cue_token is not None else None


def _within(tok: Token, start: int, end: int) -> bool:
    """Whether the token is part of the mention at ``start:end``."""
    return start <= tok.idx < end or tok.idx <= start < tok.idx + len(tok)


def _inner_report(
    view: ArticleView,
    people: PeopleIndex,
    cue: Token,
    start: int,
    end: int,
    quoted: frozenset[int],
) -> tuple[Token, Token] | None:
    """The report between ``cue`` and the words at ``start:end`` that it governs, and
    its speaker: the nearest ancestor of the words, below the cue, that reports speech
    with a speaker of its own outside the words.  ``according to X, Lee said "..."``:
    below the clause the source is set into."""
    doc = view.doc
    toks, at = doc_tokens(doc), view.token_range(start, end) or (0, 0)
    words = [toks[i] for i in range(*at) if not view.is_space[i] and not view.is_punct[i]]
    if not words:
        return None
    root = highest(words)
    top = cue.head if _set_into(cue) else cue
    chain = [root, *root.ancestors]
    if top.i not in {t.i for t in chain}:
        return None
    para = view.para[cue.i]
    for below, tok in itertools.pairwise(chain):
        if tok.i == top.i and top.i == cue.i:
            return None
        if _may_report(view, tok, below, start, quoted) and view.para[tok.i] == para:
            subj = _own_speaker(view, people, tok, quoted)
            if subj is not None and not start <= subj.idx < end and subj.i not in quoted:
                return tok, subj
        if tok.i == top.i:
            return None
    return None


def _may_report(
    view: ArticleView, tok: Token, below: Token, start: int, quoted: frozenset[int]
) -> bool:
    """Whether ``tok``, an ancestor of the words at ``start``, may be a report that holds
    them: outside the quotation marks, before the words and not parted from them by a
    colon or semicolon ("a candidate who promised deportation: "...""), and not by an
    infinitive, which names an act ("proposed to "dismantle" it", "pushed her to be
    "stronger""); a noun holds only the words its clause or preposition gives ("Ruiz's
    claim that ...", not a judgement of them: "called Ruiz's remarks "unfair"")."""
    if tok.i in quoted or tok.idx >= start:
        return False
    if below.dep_ == "xcomp" or (tok.pos_ in _NOUNS and below.dep_ not in _NOUN_CLAUSES):
        return False
    return not any(c in view.text[tok.idx : start] for c in ":;")


def _set_into(cue: Token) -> bool:
    """A source set into the clause it reports: "according to X", "as X said"."""
    if cue.lower_ == "according":
        return True
    return cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)


def _own_speaker(
    view: ArticleView, people: PeopleIndex, tok: Token, quoted: frozenset[int]
) -> Token | None:
    """Who speaks through ``tok`` when it reports words with a speaker of its own: the
    subject of a verb of saying (or the object of "quoted Lee as saying"), the owner
    of a noun for words ("Trump's claim")."""
    if tok.pos_ in _NOUNS:
        if tok.lemma_.lower() not in WORDS_NOUNS:
            return None
        owners = [c for c in tok.children if c.dep_ == "poss" and c.i not in quoted]
        return owners[0] if owners and _speaks(view, people, owners[0]) else None
    if tok.pos_ not in _VERBS or not is_speech_verb(tok):
        return None
    if tok.dep_ == "xcomp" or any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children):
        # "asked her to say that ...", "the platform should reiterate ...": what
        # someone would say, not what was said
        return None
    if _said_as(tok):
        verb = tok.head.head
        for _ in range(4):  # "slammed Lee as out of touch for saying": up to the verb
            if verb.pos_ == "VERB" or verb.head.i == verb.i:
                break
            verb = verb.head
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i not in quoted]
        if objs and _speaks(view, people, objs[0]):
            return objs[0]
    subj = next(
        (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in quoted), None
    )
    if subj is None:
        # (not the object of "urged Democrats to moderate ... and to say": one urged)
        subj = cue_subject(
            tok,
            quoted=quoted,
            climb=("conj",),
            passive="agent",
            control=None,
            through_prep=False,
            steps=2,
        )
    return subj if subj is not None and _speaks(view, people, subj) else None


def _speaks(view: ArticleView, people: PeopleIndex, tok: Token) -> bool:
    """A pronoun, a name, or a noun phrase the article's people index knows as someone
    (not "the plan" of "Lee said the plan was late and urged a vote")."""
    if tok.lower_ in NO_SOURCE:
        return False
    if tok.pos_ in ("PRON", "PROPN"):
        return True
    return tok.pos_ == "NOUN" and people.entity_at(*np_span(view.doc, tok)) is not None


def _outer(view: ArticleView, cue: Token, quoted: frozenset[int]) -> tuple[Span, Token] | None:
    """The cue and speaker of the report the cue is inside: the verb of saying whose
    reported clause it heads, before it ("Ortega said her manager told her ..."), or
    the source an "according to" sets into its sentence."""
    if _set_into(cue):
        return None
    # only the verb whose reported clause the cue heads: a cue conjoined inside it has
    # usually been hung there by the parse ("She said ..., and when pressed, the
    # mother of three replied, "...""); and the report before its cue ("You winning?"
    # she said, but ... Melanie said yes": no report of a report)
    outer = reporter_of(view, cue, quoted) if cue.dep_ == "ccomp" else None
    if outer is not None:
        verb, subj = outer
        # the one clause it reports (a second one is a sentence the parse ran on into:
        # "... said it was taking steps to increase oversight The S.E.C. said ...")
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        ok = verb.i == cue.head.i and verb.i < cue.i and len(clauses) == 1
        return (cue_span(view.doc, verb), subj) if ok else None
    return outer_source(view, cue, quoted)
