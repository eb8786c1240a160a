"""A learned second look at the speaker of each direct quote and fragment.

After :func:`~saidwhen.extract.people.speakers.name_speakers`, each quote's candidates are
the speaker the hand rules named, the people and bodies of the
:class:`~saidwhen.extract.people.index.PeopleIndex` mentioned in its paragraph or the one
before or after, and the speakers of the quotes before and after it.  Each candidate gets
the general :data:`FEATURES` below (no word of any one article); a conditional logit
(weights in ``data/speaker_rank.json``, learned from the realnews tuning sets' gold by
``python -m saidwhen.eval.train_speaker``) scores them, and the best one replaces the
rules' speaker only when it scores the stored margin above it, or when the rules named
nobody.  Without stored weights the rules' speaker stands.
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from saidwhen.extract._doc_heads import DOC_HEADS
from saidwhen.extract._source_heads import SOURCE_HEADS
from saidwhen.extract.lexicon import SPEECH_VERBS
from saidwhen.extract.people.names import PRONOUNS, composed, people_noun
from saidwhen.extract.speech.direct import subhead_line
from saidwhen.extract.speech.lexicon import QUOTE_CHARS
from saidwhen.extract.weights import collecting, dot, read_weights
from saidwhen.extract.when.base import PARAGRAPH_BREAK
from saidwhen.extract.when.evidence import lead_end_of
from saidwhen.model import Quote, Speaker
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from saidwhen.extract.people.entity import _Entity
    from saidwhen.extract.people.index import PeopleIndex

__all__ = [
    "FEATURES",
    "FILL_GAP",
    "MARGIN",
    "MODEL_PATH",
    "SpeakerModel",
    "choose",
    "load_model",
    "part_of",
    "rank_speakers",
    "tracing",
]

MODEL_PATH = Path(__file__).resolve().parents[2] / "data" / "speaker_rank.json"

# The features of one candidate speaker of one quote, in the order of the stored weights.
FEATURES = (
    "bias",
    # the quote
    "rules_missing",  # the rules named nobody (or only an unresolved pronoun)
    "no_cue",  # no cue: a run of a speech's quotes, a headline's words
    "bare_paragraph",  # nothing but quoted words in the quote's paragraph
    # the rules' choice
    "rules",  # the rules chose it
    "rules_x_org",  # ... an organisation
    "rules_x_description",  # ... an unnamed source or a group, named by a description
    "rules_x_no_entity",  # ... words that are no entity of the article ("a message")
    "rules_x_no_cue",  # ... for a quote without a cue
    "rules_x_far",  # ... its mention outside the quote's paragraph and the one before
    "rules_x_pronoun",  # ... through a pronoun ("he said")
    # the quotes around
    "prev_speaker",  # the previous quote's speaker (by the rules)
    "next_speaker",  # the next quote's speaker
    "prev_x_nobody_between",  # ... and no other person or body named since that quote
    "prev_x_bare",  # ... and the quote's paragraph is nothing but quoted words
    "prev_x_no_cue",  # ... and the quote has no cue
    "run_share",  # the share of the three quotes before whose speaker it is
    "continued",  # the speaker of the quote this one continues
    # where it is mentioned
    "same_sentence",  # mentioned (outside quotes) in the quote's sentence
    "same_paragraph",  # in the quote's paragraph
    "paragraph_before",
    "paragraph_after",
    "sentences_away",  # sentences from the nearest mention (at most 6, /6)
    "after_quote",  # its nearest mention comes after the quote
    "nearest",  # it owns the mention outside quotes nearest the quote
    "last_named",  # the last person or body mentioned outside quotes before the quote
    "speech_subject",  # a near mention is the subject of a speech verb
    "subject",  # a near mention is the subject of another verb
    "only_quoted",  # near, but only inside quoted words
    "in_quote",  # mentioned inside the quote itself
    # what it is
    "person",
    "organisation",
    "description",  # an unnamed source or a group
    "no_entity",  # words that are no entity of the article
    "mentions",  # log of its mentions in the article (/3)
    "in_lead",  # mentioned in the headline or the lead
    "gender_agrees",  # a he/she cue of the candidate's gender
    "gender_clash",  # a he/she cue of the other gender
    # the head of its mention (the nearest, for an entity)
    "head_source_rate",  # how often the word heads a source in PolNeAR train
    "head_document",  # a document that speaks ("report", "email"), mined from PolNeAR train
    "head_people_noun",  # names a person or a body of people ("aide", "campaign")
    "head_proper",  # a proper noun
    "long_mention",  # more than five words
)

# Words the rules name nobody for are given the best candidate only when it leads the next
# by this much: on the tuning sets (leave one set out) 10 of 14 such picks are right, 18 of
# 36 without it; a quote the text leaves open keeps no speaker.
FILL_GAP = 1.0
MARGIN = 1.0  # how far the best must score above the rules' speaker (leave-one-set-out)
_CAP_SENTENCES = 6
_RUN = 3
_LONG_MENTION = 5
_WORDS = re.compile(r"\w+(?:['’.-]\w+)*")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_DIRECT = frozenset({"direct", "fragment"})
_KINDS = frozenset({"person", "organisation", "unnamed", "group"})
_PRONOUN_GENDER = {"he": "male", "him": "male", "she": "female", "her": "female"}

# (quote start, quote end, quote text, candidate name, features, never to be taken)
TraceRow = tuple[int, int, str, str, list[float], bool]
_TRACE: contextvars.ContextVar[list[TraceRow] | None] = contextvars.ContextVar(
    "speaker_rank_trace", default=None
)


@dataclass(frozen=True, slots=True)
class SpeakerModel:
    """Weights over :data:`FEATURES`; a candidate's score is their dot product."""

    weights: tuple[float, ...]
    margin: float = MARGIN

    def score(self, feats: Sequence[float]) -> float:
        return dot(self.weights, feats)


@functools.lru_cache(maxsize=2)
def load_model(path: str = str(MODEL_PATH)) -> SpeakerModel | None:
    """The stored weights, or None when there are none (the rules' speakers then stand)."""
    read = read_weights(
        path, FEATURES, "speaker re-ranking", "saidwhen.eval.train_speaker", optional=True
    )
    if read is None:
        return None
    weights, data = read
    return SpeakerModel(weights, float(data.get("margin", MARGIN)))


def tracing() -> contextlib.AbstractContextManager[list[TraceRow]]:
    """Collect every quote's candidates and features (for training)."""
    return collecting(_TRACE)


@dataclass(slots=True)
class _Cand:
    """One candidate: its name, its entity (None: words of the rules or of a quote near),
    and a speaker to give the quote."""

    name: str
    ent: _Entity | None
    speaker: Speaker


class _Article:
    """What every quote of one article asks: paragraphs, quoted stretches, mentions."""

    def __init__(self, doc: Doc, people: PeopleIndex) -> None:
        self.text = doc_text(doc)
        self.people = people
        self.breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(self.text)]
        self.lead_end = lead_end_of(self.text)
        # a mention is asked about by every quote near it, for each of its candidates
        self._mentions: dict[tuple[int, int], tuple[bool, int, int, int]] = {}
        self._heads: dict[tuple[int, int], tuple[float, float, float, float]] = {}
        self._names: dict[int, str] = {}

    def name(self, ent: _Entity) -> str:
        """The entity's name as quotes give it (asked for each of its mentions)."""
        got = self._names.get(id(ent))
        if got is None:
            got = self._names[id(ent)] = composed(ent.name)
        return got

    def mention(self, start: int, end: int) -> tuple[bool, int, int, int]:
        """(in quoted words, paragraph, sentence, subject: 2 of a speech verb, 1 of another
        verb, 0 none) of a mention."""
        got = self._mentions.get((start, end))
        if got is None:
            tok = self.people.token_at(start, end)
            subj = 0
            if tok.dep_ in _SUBJECTS:
                subj = 2 if tok.head.lemma_.lower() in SPEECH_VERBS else 1
            got = (
                self.in_quote(start),
                self.paragraph(start),
                self.people.sentence_of(start),
                subj,
            )
            self._mentions[start, end] = got
        return got

    def head(self, start: int, end: int) -> tuple[float, float, float, float]:
        """The head word of a mention: how often it heads a source in PolNeAR train,
        whether it is a document, a people noun, a proper noun."""
        got = self._heads.get((start, end))
        if got is None:
            tok = self.people.token_at(start, end)
            word, lemma = tok.lower_, tok.lemma_.lower()
            told, seen = SOURCE_HEADS.get(word) or SOURCE_HEADS.get(lemma) or (0, 1)
            got = (
                told / seen,
                float(word in DOC_HEADS or lemma in DOC_HEADS),
                float(bool(lemma) and people_noun(lemma)),
                float(tok.pos_ == "PROPN"),
            )
            self._heads[start, end] = got
        return got

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_left(self.breaks, pos)

    def paragraph_span(self, k: int) -> tuple[int, int]:
        lo = self.breaks[k - 1] if 0 < k <= len(self.breaks) else 0
        hi = self.breaks[k] if k < len(self.breaks) else len(self.text)
        return max(0, lo), hi

    def in_quote(self, pos: int) -> bool:
        return self.people.in_quote(pos)

    def bare(self, k: int) -> bool:
        """Nothing but quoted words (and punctuation) in paragraph ``k``."""
        return self.people.all_quoted(*self.paragraph_span(k))


def part_of(name: str, whole: str) -> bool:
    """Whether ``name`` is ``whole`` or named inside it: one of a pair ("Tom Keller and Dana
    Lee"), the body of a source ("a Lindmark spokeswoman"), which the rules' speaker keeps."""
    words = _WORDS.findall(whole.lower())
    part = _WORDS.findall(name.lower())
    return bool(part) and any(words[i : i + len(part)] == part for i in range(len(words)))


def _subhead(text: str, q: Quote) -> bool:
    """A subhead in quotation marks, which the quote finder names only when its words are
    said in full (speech.direct)."""
    lo, hi = q.start, q.end
    while lo > 0 and text[lo - 1] in QUOTE_CHARS:
        lo -= 1
    while hi < len(text) and text[hi] in QUOTE_CHARS:
        hi += 1
    return subhead_line(text, lo, hi, q.start, q.end)


def _passed_on(nested: Sequence[Quote], q: Quote, rules_name: str | None) -> set[str]:
    """Speakers of the reports around ``q`` (of ``nested``: reports someone passes on)
    that ``rules_name`` passes on."""
    if rules_name is None:
        return set()
    return {
        r.speaker.name
        for r in nested
        if r.start <= q.start
        and q.end <= r.end
        and r.speaker is not None
        and r.speaker.name
        and r.reported_by is not None
        and r.reported_by.name == rules_name
    }


def choose(
    scores: Sequence[float], rules: int | None, barred: Sequence[bool], margin: float
) -> int | None:
    """The candidate a quote is given (an index of ``scores``; None: nobody): the best when
    it may be taken and scores ``margin`` above the rules' candidate ``rules``, or, when the
    rules have none, :data:`FILL_GAP` above the next; else the rules'.  Run time and the
    trainer decide by it alike."""
    if not scores:
        return rules
    best = max(range(len(scores)), key=lambda n: (scores[n], -n))
    if best == rules or barred[best]:
        return rules
    if rules is None:
        second = max((v for n, v in enumerate(scores) if n != best), default=-math.inf)
        return best if scores[best] - second >= FILL_GAP else None
    return best if scores[best] - scores[rules] > margin else rules


def _name_of(q: Quote) -> str | None:
    return q.speaker.name if q.speaker is not None else None


def _is_pronoun(words: str) -> bool:
    return words.strip().lower() in PRONOUNS


def _features(
    art: _Article,
    q: Quote,
    cand: _Cand,
    *,
    rules_name: str | None,
    rules_far: bool,
    bare: bool,
    prev: Quote | None,
    next_: Quote | None,
    run: Sequence[str | None],
    continued: str | None,
    named_between: set[str],
    last_named: str | None,
    nearest: str | None,
    cue_gender: str | None,
) -> list[float]:
    people = art.people
    par = art.paragraph(q.start)
    sent = people.sentence_of(q.start)
    ent = cand.ent
    is_rules = cand.name == rules_name
    rules_type = q.speaker.type if q.speaker is not None else None
    no_cue = q.cue is None
    same_sent = same_par = before = after = speech_subj = subj = only_quoted = inside = False
    away = _CAP_SENTENCES
    after_quote = False
    best_dist = None
    mentions = 0
    in_lead = False
    if ent is not None:
        mentions = len(ent.mentions)
        lo, _ = art.paragraph_span(max(0, par - 1))
        _, hi = art.paragraph_span(par + 1)
        outside_near = False
        ordered = ent.by_start()
        in_lead = bool(ordered) and ordered[0][0] < art.lead_end
        k = bisect.bisect_left(ordered, (q.start,))
        inside = k < len(ordered) and ordered[k][0] < q.end
        a = bisect.bisect_left(ordered, (lo,))
        for s, e in ordered[a : bisect.bisect_left(ordered, (hi,), lo=a)]:
            if q.start <= s < q.end:
                continue
            quoted, p, sn, sj = art.mention(s, e)
            if quoted:
                only_quoted = True
                continue
            outside_near = True
            same_par |= p == par
            before |= p == par - 1
            after |= p == par + 1
            d = abs(sn - sent)
            same_sent |= d == 0
            if best_dist is None or d < best_dist:
                best_dist, after_quote = d, s >= q.end
            speech_subj |= sj == 2
            subj |= sj == 1
        only_quoted = only_quoted and not outside_near
        if best_dist is not None:
            away = min(best_dist, _CAP_SENTENCES)
    elif cand.speaker.end > cand.speaker.start and q.speaker is not None and is_rules:
        p = art.paragraph(cand.speaker.start)
        same_par, before = p == par, p == par - 1
    ctype = ent.type if ent is not None else cand.speaker.type
    prev_sp = prev is not None and prev.speaker is not None and prev.speaker.name == cand.name
    next_sp = next_ is not None and next_.speaker is not None and next_.speaker.name == cand.name
    gender = ent.gender if ent is not None and ent.type == "person" else None
    csp = cand.speaker
    heads = art.head(csp.start, csp.end) if csp.end > csp.start else (0.0, 0.0, 0.0, 0.0)
    return [
        1.0,
        float(rules_name is None),
        float(no_cue),
        float(bare),
        float(is_rules),
        float(is_rules and rules_type == "organisation"),
        float(is_rules and rules_type in ("unnamed", "group")),
        float(is_rules and ent is None),
        float(is_rules and no_cue),
        float(is_rules and rules_far),
        float(is_rules and q.speaker is not None and _is_pronoun(q.speaker.mention)),
        float(prev_sp),
        float(next_sp),
        float(prev_sp and not (named_between - {cand.name})),
        float(prev_sp and bare),
        float(prev_sp and no_cue),
        sum(r == cand.name for r in run) / _RUN,
        float(continued == cand.name),
        float(same_sent),
        float(same_par),
        float(before),
        float(after),
        away / _CAP_SENTENCES,
        float(after_quote),
        float(cand.name == nearest),
        float(cand.name == last_named),
        float(speech_subj),
        float(subj),
        float(only_quoted),
        float(inside),
        float(ctype == "person"),
        float(ctype == "organisation"),
        float(ctype in ("unnamed", "group")),
        float(ent is None),
        math.log1p(mentions) / 3,
        float(in_lead),
        float(cue_gender is not None and gender == cue_gender),
        float(cue_gender is not None and gender is not None and gender != cue_gender),
        *heads,
        float(len(csp.mention.split()) > _LONG_MENTION),
    ]


def _entity_speaker(ent: _Entity, art: _Article, at: int) -> Speaker:
    """The entity as a speaker, with its mention nearest ``at`` outside quotes (else its
    nearest; the earlier on a tie)."""
    ordered = ent.by_start()
    k = bisect.bisect_left(ordered, (at,))
    for free in (True, False):
        left = next(
            (j for j in range(k - 1, -1, -1) if not free or not art.in_quote(ordered[j][0])), None
        )
        right = next(
            (j for j in range(k, len(ordered)) if not free or not art.in_quote(ordered[j][0])), None
        )
        if left is not None:
            while left > 0 and ordered[left - 1][0] == ordered[left][0]:
                left -= 1  # of mentions at one start, the shortest (the first in order)
        if left is not None and (right is None or at - ordered[left][0] <= ordered[right][0] - at):
            s, e = ordered[left]
        elif right is not None:
            s, e = ordered[right]
        else:
            continue
        return Speaker(composed(ent.name), art.text[s:e], s, e, ent.type)
    return Speaker(composed(ent.name), "", at, at, ent.type)  # (no entity lacks mentions)


def rank_speakers(doc: Doc, quotes: list[Quote], people: PeopleIndex) -> list[Quote]:
    """``quotes`` with the speaker of a direct quote or fragment replaced where the stored
    model is sure another candidate said it."""
    trace = _TRACE.get()
    model = load_model() if trace is None else None
    if (model is None and trace is None) or not quotes:
        return quotes
    art = _Article(doc, people)
    direct = [k for k, q in enumerate(quotes) if q.kind in _DIRECT]
    nested = [r for r in quotes if r.kind == "indirect" and r.reported_by is not None]
    out = list(quotes)
    for n, k in enumerate(direct):
        q = quotes[k]
        prev = quotes[direct[n - 1]] if n > 0 else None
        next_ = quotes[direct[n + 1]] if n + 1 < len(direct) else None
        sp = q.speaker
        rules_name = (
            sp.name
            if sp is not None and sp.name and not (sp.type is None and _is_pronoun(sp.name))
            else None
        )
        par = art.paragraph(q.start)
        lo, _ = art.paragraph_span(max(0, par - 1))
        _, hi = art.paragraph_span(par + 1)
        cands: dict[str, _Cand] = {}
        if rules_name is not None and sp is not None:
            ent = people.entity_at(sp.start, sp.end) if sp.end > sp.start else None
            if ent is not None and art.name(ent) != rules_name:
                ent = None
            cands[rules_name] = _Cand(rules_name, ent, sp)
        for _s, _e, ent in people.mentions_in(lo, hi):
            name = art.name(ent)
            if name not in cands and ent.type in _KINDS:
                cands[name] = _Cand(name, ent, _entity_speaker(ent, art, q.start))
        for other in (prev, next_):
            osp = other.speaker if other is not None else None
            if osp is not None and osp.name and osp.name not in cands and osp.type is not None:
                ent = people.entity_at(osp.start, osp.end) if osp.end > osp.start else None
                if ent is not None and art.name(ent) != osp.name:
                    ent = None
                cands[osp.name] = _Cand(osp.name, ent, osp)
        if not cands:
            continue
        since = prev.end if prev is not None else 0
        between = [
            (s, art.name(ent))
            for s, _e, ent in people.mentions_in(since, q.start)
            if ent.type in _KINDS and not art.in_quote(s)
        ]
        named_between = {name for _, name in between}
        before_q = people.mentions_in(max(0, q.start - 2000), q.start)
        last_named = next(
            (art.name(ent) for s, _e, ent in reversed(before_q) if not art.in_quote(s)),
            None,
        )
        rules_far = sp is not None and (
            sp.end <= sp.start or art.paragraph(sp.start) not in (par, par - 1)
        )
        mention = sp.mention.strip().lower() if sp is not None else ""
        cue_gender = _PRONOUN_GENDER.get(mention)
        run = [_name_of(quotes[direct[j]]) for j in range(max(0, n - _RUN), n)]
        c = q.continues
        continued = _name_of(quotes[c]) if c is not None and 0 <= c < len(quotes) else None
        near = [
            (min(abs(s - q.start), abs(s - q.end)), art.name(ent))
            for s, _e, ent in people.mentions_in(lo, hi)
            if not art.in_quote(s) and not q.start <= s < q.end and ent.type in _KINDS
        ]
        nearest = min(near)[1] if near else None
        bare = art.bare(par)
        # the rules named someone else than the index reads their own mention as (a "he"
        # going on from an unnamed source): that reading is theirs on purpose
        own = (
            people.entity_at(sp.start, sp.end)
            if sp is not None and rules_name is not None and sp.end > sp.start
            else None
        )
        subhead = rules_name is None and _subhead(art.text, q)
        passed_on = _passed_on(nested, q, rules_name)
        listed = list(cands.values())
        scores: list[float] = []
        barred: list[bool] = []
        for cand in listed:
            feats = _features(
                art,
                q,
                cand,
                rules_name=rules_name,
                rules_far=rules_far,
                bare=bare,
                prev=prev,
                next_=next_,
                run=run,
                continued=continued,
                named_between=named_between,
                last_named=last_named,
                nearest=nearest,
                cue_gender=cue_gender,
            )
            # never taken: a part of the rules' speaker, the entity their own mention is
            # read as, a speaker for a subhead nobody is named for, the source of a report
            # the rules' speaker passes on around the words (news annotators give the outer
            # source: "Lee said that Ruiz called it "a mess"" is Lee's)
            bar = (
                (rules_name is not None and part_of(cand.name, rules_name))
                or (cand.ent is not None and cand.ent is own)
                or subhead
                or cand.name in passed_on
            )
            barred.append(bar)
            if trace is not None:
                trace.append((q.start, q.end, q.text, cand.name, feats, bar))
            if model is not None:
                scores.append(model.score(feats))
        if model is None:
            continue
        rules_at = next((n for n, c in enumerate(listed) if c.name == rules_name), None)
        pick = choose(scores, rules_at, barred, model.margin)
        if pick is not None and pick != rules_at:
            # the words that attribute the quote stay its mention ("he", "a message"): who
            # is behind them changes, not where the text names the source; words that
            # nothing attributes get no mention (their speaker is read from around them)
            who = listed[pick].speaker
            where = sp if sp is not None and sp.end > sp.start else None
            out[k] = replace(
                q,
                speaker=replace(where, name=who.name, type=who.type)
                if where is not None
                else Speaker(who.name, "", q.start, q.start, who.type),
            )
    return out
