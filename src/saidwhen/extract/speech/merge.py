"""Direct and reported speech together: one attribution per statement."""

from __future__ import annotations

import bisect
import re

from saidwhen.extract.people import PeopleIndex
from saidwhen.extract.people.index import same_speaker
from saidwhen.extract.speech.decode import find_tagged
from saidwhen.extract.speech.finders import set_apart
from saidwhen.extract.speech.frames import (
    charged_with,
    cue_head,
    find_as_reports,
    find_clause_reports,
    find_misread_that,
    find_relative_reports,
    heard_in_passing,
    settle_sources,
    split_next_acts,
    split_that_clauses,
)
from saidwhen.extract.speech.headline import headline_reports
from saidwhen.extract.speech.lexicon import (
    CHANNEL_WORDS,
    CLAUSE_VERBS,
    GENERIC_CHANNELS,
    PERSONAL_SUBJECTS,
)
from saidwhen.extract.speech.rules import (
    find_cause_reports,
    find_gerund_reports,
    find_noun_reports,
    find_opening_participles,
    find_phrase_then_clause,
    find_reported,
    find_source_insertions,
)
from saidwhen.extract.speech.syntax import channel_of, highest, is_speech_verb
from saidwhen.extract.speech.types import ByStart, Draft
from saidwhen.extract.speech.view import ArticleView, tokens_in
from saidwhen.model import Span, Speaker
from saidwhen.nlp import doc_text

__all__ = [
    "carry_channels",
    "merge_reported",
    "reported_speech",
]


def _alnum(text: str, start: int, end: int) -> int:
    return sum(c.isalnum() for c in text[start:end])


def _covers(outer: Span | Speaker, inner: Span | Speaker) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _only_frame(text: str, q: Draft, d: Draft) -> bool:
    """Is the report's content nothing but a direct quote's speaker and cue (and "that")?"""
    if d.kind != "direct" or d.speaker is None or d.cue is None:
        return False
    if not (q.start <= d.speaker.start and d.cue.end <= q.end <= d.start):
        return False
    rest = (
        text[q.start : d.speaker.start]
        + text[d.speaker.end : d.cue.start]
        + text[d.cue.end : q.end]
    )
    return not set(re.findall(r"\w+", rest.lower())) - {"that"}


def _frame_reach(text: str, q: Draft) -> int:
    """The last place a direct quote's speaker may start for :func:`_only_frame` to hold:
    no further than 4 characters into the report's first word other than "that" (the
    words before the speaker could no longer all be "that")."""
    for m in re.finditer(r"\w+", text[q.start : q.end]):
        if not "that".startswith(m.group().lower()):
            return q.start + m.start() + 4
    return len(text)


class _BySpeaker:
    """The drafts whose speaker mention starts inside a range, found by bisection; a
    draft whose speaker changes is filed again (``moved``), not the whole list sorted
    again (that grew with the square of the drafts)."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.drafts = drafts
        self.at: dict[int, list[int]] = {}
        for i, d in enumerate(drafts):
            self.at.setdefault(id(d), []).append(i)
        # the speaker start each draft is filed under, and (start, draft) in order
        self.filed = [d.speaker.start if d.speaker else None for d in drafts]
        self.keys = sorted((s, i) for i, s in enumerate(self.filed) if s is not None)

    def moved(self, draft: Draft) -> None:
        """File ``draft`` again after its speaker changed."""
        new = draft.speaker.start if draft.speaker else None
        for i in self.at[id(draft)]:
            old = self.filed[i]
            if old == new:
                continue
            if old is not None:
                del self.keys[bisect.bisect_left(self.keys, (old, i))]
            if new is not None:
                bisect.insort(self.keys, (new, i))
            self.filed[i] = new

    def between(self, start: int, end: int) -> list[Draft]:
        lo = bisect.bisect_left(self.keys, (start, -1))
        hi = bisect.bisect_right(self.keys, (end, len(self.drafts)))
        return [self.drafts[i] for _, i in self.keys[lo:hi]]


def merge_reported(view: ArticleView, drafts: list[Draft], reported: list[Draft]) -> list[Draft]:
    """Add indirect speech; drop what only repeats a direct quote; link fragments."""
    doc = view.doc
    out = list(drafts)
    seen: set[tuple[int, int]] = set()
    by_cue: dict[tuple[int, int], Draft] = {}
    overlap = ByStart(drafts)
    spoken = _BySpeaker(drafts)
    for q in reported:
        if (q.start, q.end) in seen:
            continue  # two cues of one report ("took to Instagram to reveal that ...")
        seen.add((q.start, q.end))
        if q.cue is not None and doc_text(doc)[q.cue.start - 1 : q.cue.start] == "-":
            continue  # "co-wrote the paper" is not a report
        frames = spoken.between(q.start, _frame_reach(doc_text(doc), q))
        if any(_only_frame(doc_text(doc), q, d) for d in frames):
            continue  # "recalled that he said, "..."": "that he said" only opens a quote
        inside = overlap.overlapping(q.start, q.end)
        # A report that is nothing but direct quotes adds nothing; one with words of its
        # own ("called it "a disaster"") is kept, as news annotators mark it.
        text = doc_text(doc)
        covered = sum(_alnum(text, max(d.start, q.start), min(d.end, q.end)) for d in inside)
        # (words quoted right after the cue, "said "there is ..."", are the report's own
        # words in marks: a fragment of it, and the report stays)
        whole = inside and covered >= _alnum(text, q.start, q.end)
        if whole and not all(d.kind == "fragment" and q.start <= d.start for d in inside):
            for d in inside:  # the indirect reading may know the speaker better
                if (q.cue is not None and d.start <= q.cue.start < d.end) or d.headline:
                    continue  # a report inside the quote: words of the quote, not its cue
                if d.speaker is None and q.speaker is not None:
                    d.speaker, d.cue = q.speaker, q.cue or d.cue
                    spoken.moved(d)
                elif d.speaker and q.speaker and _covers(q.speaker, d.speaker):
                    # the same source as a fuller noun phrase ("Smith, a strategist,")
                    d.speaker = Speaker(
                        d.speaker.name, q.speaker.mention, q.speaker.start, q.speaker.end
                    )
                    spoken.moved(d)
                    if q.cue is not None and d.cue is not None and _covers(q.cue, d.cue):
                        d.cue = q.cue
            continue
        ind = q
        if q.cue is not None:
            cue_toks = tokens_in(doc, q.cue.start, q.cue.end)
            if cue_toks:
                sent = view.sentence_range(cue_toks[0].i)
                ind.channel = channel_of(view.tokens_of(CHANNEL_WORDS, *sent))
            # "Too often, Mr. Clarke said, the debate ...": the second piece of one content
            first = by_cue.get((q.cue.start, q.cue.end))
            if first is not None and first.end <= q.cue.start < q.start:
                ind.continues_draft = first
            else:
                by_cue[(q.cue.start, q.cue.end)] = ind
        for d in inside:
            if _introduced_inside(text, q, d):
                # a report closing the sentence around a quote and its own cue: the
                # words are the quote's speaker's ("he said, "...," the office said")
                continue
            if q.start <= d.start and d.end <= q.end + 2:
                d.kind = "fragment"
                d.continues_draft = ind
                own = d.said_after or d.owned or _own_report(view, q, d)
                if d.headline and d.speaker is not None:
                    # the headline's words name the speaker better than its parse
                    ind.speaker, ind.cue = d.speaker, ind.cue or d.cue
                elif q.speaker is not None and not own:
                    d.speaker, d.cue = q.speaker, q.cue  # one attribution
                    spoken.moved(d)
        out.append(ind)
    _unlink_quotes_with_their_own_cue(out)
    return out


def _own_report(view: ArticleView, q: Draft, d: Draft) -> bool:
    """Whether quote ``d``'s own cue verb, with a subject of its own, hangs from report
    ``q``'s cue outside what it reports (``testified about a meeting when Lee told
    them to "deliver"``: Lee's word): :func:`finders.set_apart`."""
    if d.cue_token is None or d.speaker is None or q.cue is None:
        return False
    head = cue_head(view, q.cue)
    if head is None or head.i == d.cue_token:
        return False
    return set_apart(view.doc[d.cue_token], head)


def _introduced_inside(text: str, q: Draft, d: Draft) -> bool:
    """Whether quote ``d`` opens right after a cue and speaker of its own (``he said,
    "..."``) inside report ``q``, which its source closes (``..., the office said``)."""
    if d.cue is None or d.speaker is None or d.region is None or q.cue is None:
        return False
    if not (q.start <= d.speaker.start and q.start <= d.cue.start < d.start <= q.end):
        return False
    gap = text[d.cue.end : d.region.open_mark]
    return q.end <= q.cue.start and re.fullmatch(r"\s*[,:]?\s*", gap) is not None


def _chain_head(draft: Draft) -> Draft:
    seen = {id(draft)}
    while draft.continues_draft is not None and id(draft.continues_draft) not in seen:
        draft = draft.continues_draft
        seen.add(id(draft))
    return draft


def _unlink_quotes_with_their_own_cue(drafts: list[Draft]) -> None:
    """``Conceding that ... "down the line," he warned: "..."``: a full quote after a
    report, introduced by a cue of its own, is a new attribution, not more of that
    report (a quote with no cue of its own, or the report's own cue, goes on with it)."""
    for d in drafts:
        head = _chain_head(d)
        if (
            d.kind == "direct"
            and not d.inherited
            and head.is_indirect
            and head.cue is not None
            and d.cue is not None
            and d.start >= head.end
            and (d.cue.start, d.cue.end) != (head.cue.start, head.cue.end)
        ):
            d.continues_draft = None


def carry_channels(drafts: list[Draft]) -> None:
    """A channel holds for the quotes that follow from the same speaker until another is named."""
    current: dict[str | None, str] = {}
    for d in drafts:
        who = d.speaker.name if d.speaker else None
        if d.channel and who in current:
            words = set(d.channel.lower().split())
            if d.channel.lower() in GENERIC_CHANNELS or words <= set(current[who].lower().split()):
                d.channel = None  # "in her post" refers back to the post already named
        if d.channel:
            current[who] = d.channel
        elif d.continues_draft is not None and d.continues_draft.channel:
            d.channel = d.continues_draft.channel
        elif who in current:
            d.channel = current[who]


def reported_speech(view: ArticleView, people: PeopleIndex) -> list[Draft]:
    """Reported speech from the CRF tagger, which reads the rules of extract/speech/rules.py
    as features: on PolNeAR dev it beats the rules alone on every role (and the two
    together).  Where the tagger found content but no source and the rules found
    both, the rules' reading wins.
    """
    rules = find_reported(view, people)
    tagged = find_tagged(view, people, rules=rules)
    out = list(tagged)
    # of the rules' readings of a report the tagger found no source for, the one that
    # reads its words ("confirmed that its approach uses X", not "its approach uses X")
    # (the readings overlapping a range found by bisection, in list order: a scan of
    # every tagged report for every rule grew with the square of the reports)
    rules_at, tagged_at = ByStart(rules), ByStart(tagged)
    best = {
        id(t): min(
            (r for r in rules_at.overlapping(t.start, t.end) if r.speaker is not None),
            key=lambda r: abs(r.start - t.start) + abs(r.end - t.end),
            default=None,
        )
        for t in tagged
        if t.speaker is None
    }
    for r in rules:
        over = tagged_at.overlapping(r.start, r.end)
        if not over and r.speaker is not None and view.text[r.start : r.end].startswith("that "):
            out.append(r)  # "she shared on Instagram that ...": the surest frame of all
        elif (
            over
            and r.speaker is not None
            and all(t.speaker is None for t in over)
            and any(best[id(t)] is r for t in over)
        ):
            out = [t for t in out if t not in over]
            out.append(r)
    out = _with_insertions(out, find_source_insertions(view, people))
    for r in headline_reports(view, people):
        # the headline's words name its speaker better than the tagger's parse of it
        out = [q for q in out if not (q.start < r.end and r.start < q.end)]
        out.append(r)
    for r in [
        *find_phrase_then_clause(view, people),
        *find_gerund_reports(view, people),
        *find_cause_reports(view, people),
        *find_opening_participles(view, people),
    ]:
        if not any(_same_report(q, r) or (q.start < r.end and r.start < q.end) for q in out):
            out.append(r)
    taken = _cue_tokens(view, out)
    for r in [
        *find_clause_reports(view, people, taken),
        *find_as_reports(view, people, taken),
    ]:
        # a sure frame inside another report's words is a report of its own: "the paper
        # reported that the editor told her that the piece was "not in line ...""
        nests = _says_who(view, r)
        if not any(
            _same_report(q, r)
            or (q.start < r.end and r.start < q.end and not (nests and _nested(people, r, q)))
            for q in out
        ):
            out.append(r)
    for r in find_relative_reports(view, people, taken):
        # a statement of its own inside any report, the same source's too ("accused the
        # board of blocking a rule that he said would ...")
        if not any(_same_report(q, r) for q in out):
            out.append(r)
    for r in find_misread_that(view, people, taken):
        # (only where nothing else reads the words: the parse that misread the clause
        # is no sure guide to a report inside another's)
        if not any(_same_report(q, r) or (q.start < r.end and r.start < q.end) for q in out):
            out.append(r)
    for r in find_noun_reports(view, people):
        # a reading whose source is the noun itself ("Lee's argument" of "Lee's argument
        # was that ...") is this report with the wrong cue ("was")
        same = [q for q in out if _same_report(q, r) or _source_holds(q, r.cue)]
        if any(q.speaker is not None and not _source_holds(q, r.cue) for q in same):
            continue
        out = [q for q in out if q not in same]  # the tagger's reading knew no owner
        words = [q for q in same if q.start <= r.start and r.end <= q.end]
        if words:  # ... but its words, learned from PolNeAR ("that ..."), stand
            r.start, r.end = words[0].start, words[0].end
        # "Lee's announcement that the firms had reached a deal": "had reached" is
        # no report of its own
        out = [q for q in out if not _inside(q, r) or _says(view, q)]
        out.append(r)
    settle_sources(view, people, out)
    out = [q for q in out if not heard_in_passing(view, q) and not charged_with(view, q)]
    out = split_next_acts(view, out)
    out = split_that_clauses(view, out)
    out = _without_acts_in_reports(view, out, rules)
    return sorted(out, key=lambda q: (q.start, q.end))


def _with_insertions(reports: list[Draft], insertions: list[Draft]) -> list[Draft]:
    """The reports with each source insertion that overlaps none of them, in turn; an
    insertion drops the reports inside its cue: "As Ms. Lee put it in a letter to Tom Hale
    in July, ..." ("Tom Hale in July", cue "put it in a letter to") has no words of their
    own. (The reports near an insertion found by bisection, not by a scan of all.)"""
    kept = _Kept(reports)
    for r in insertions:
        if kept.overlapping(r.start, r.end):
            continue
        if r.cue is not None:
            for q in kept.overlapping(r.cue.start - 1, r.start + 1):
                if _within(q, r.cue.start, r.start):
                    kept.drop(q)
        kept.add(r)
    return kept.drafts()


class _Kept:
    """Drafts to which drafts are added and from which they are dropped, with those
    overlapping a range found by bisection; in list order, the added ones last."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.first, self.at = drafts, ByStart(drafts)
        self.added: list[Draft] = []
        self.added_at: list[tuple[int, int]] = []  # (start, place in added), sorted
        self.longest = 0  # of the added drafts
        self.dropped: set[int] = set()  # ids

    def overlapping(self, start: int, end: int) -> list[Draft]:
        lo = bisect.bisect_left(self.added_at, (start - self.longest, -1))
        hi = bisect.bisect_left(self.added_at, (end, -1))
        added = [self.added[k] for _, k in sorted(self.added_at[lo:hi], key=lambda x: x[1])]
        return [
            d
            for d in self.at.overlapping(start, end) + added
            if id(d) not in self.dropped and d.start < end and start < d.end
        ]

    def drop(self, draft: Draft) -> None:
        self.dropped.add(id(draft))

    def add(self, draft: Draft) -> None:
        bisect.insort(self.added_at, (draft.start, len(self.added)))
        self.added.append(draft)
        self.longest = max(self.longest, draft.end - draft.start)

    def drafts(self) -> list[Draft]:
        return [d for d in self.first + self.added if id(d) not in self.dropped]


def _within(report: Draft, start: int, end: int) -> bool:
    """Whether a report's words and cue lie between ``start`` and ``end``."""
    cue = report.cue
    inside = start <= report.start and report.end <= end
    return inside and (cue is None or (start <= cue.start and cue.end <= end))


def _without_acts_in_reports(
    view: ArticleView, reports: list[Draft], readings: list[Draft]
) -> list[Draft]:
    """``Mr. Perlman said Control Data will bid and is seeking new buyers``, ``the senator
    said Trump had attacked his wife``: inside the words another source says, a report
    whose cue is no verb of saying ("is seeking") or whose words are only its verb's
    object ("his wife") is part of those words, not a statement of its own (a nested
    report of saying stays one: "she said her boss told her he had booked a room").
    Where the tagger read only the act (``The top earners would see a cut, according to
    the institute``) and not the source at all, the rules' "according to" reading
    (``readings``) takes its place (their other readings of a cue the tagger passed over
    run on too far: measured on PolNeAR dev)."""
    said = [_says(view, q) for q in reports]
    # the reports of saying and the "according to" readings that may hold a report, by
    # bisection (a scan of every one for every report grew with the square of them)
    saying = ByStart([q for q, says in zip(reports, said, strict=True) if says])
    according = ByStart([r for r in readings if r.speaker and _according(r)])
    given: dict[int, bool] = {}  # a reading that one of the reports gives already
    out: list[Draft] = []
    added: set[int] = set()
    for q, says in zip(reports, said, strict=True):
        states = _states(view, q)
        if states or any(r is not q and _inside(q, r) for r in saying.overlapping(q.start, q.end)):
            if states:
                out.append(q)
            continue
        if says:
            out.append(q)  # "told the farmers": a verb of saying, no act
            continue
        outer = None
        for r in according.overlapping(q.start, q.end):
            if not _inside(q, r):
                continue
            if id(r) not in given:
                given[id(r)] = any(_same_report(p, r) for p in reports)
            if not given[id(r)]:
                outer = r
                break
        if outer is None:
            out.append(q)
        elif id(outer) not in added:
            added.add(id(outer))
            out.append(outer)
    return out


def _according(report: Draft) -> bool:
    return report.cue is not None and report.cue.text.lower().startswith("according")


def _states(view: ArticleView, report: Draft) -> bool:
    """Whether a report states something of its own: a noun of saying ("Sanders's point,
    that ..."), or a verb of saying with a source, whose words hold a verb or a quotation
    ("told her he had booked"; not "had attacked his wife", nor "Bush was expected to
    ...", nobody's statement)."""
    if report.cue is None:
        return True
    if report.speaker is None:
        return False
    verb = cue_head(view, report.cue)
    cue = tokens_in(view.doc, report.cue.start, report.cue.end)
    if verb is None or cue[-1].pos_ in ("NOUN", "PROPN"):
        return True  # "'s continued insistence"
    words = tokens_in(view.doc, report.start, report.end)
    saying = is_speech_verb(verb) or verb.lemma_.lower() in CLAUSE_VERBS
    # words with a verb, or quoted ones ("called the plan "a scam""), not a bare object
    return saying and any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in words)


def _same_report(a: Draft, b: Draft) -> bool:
    """Whether two readings give one report: the same words, or one cue."""
    if (a.start, a.end) == (b.start, b.end):
        return True
    return a.cue is not None and b.cue is not None and _overlap(a.cue, b.cue)


def _source_holds(q: Draft, cue: Span | None) -> bool:
    """Whether ``q``'s source mention holds ``cue`` (a noun of saying)."""
    s = q.speaker
    return s is not None and cue is not None and s.start <= cue.start and cue.end <= s.end


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _cue_tokens(view: ArticleView, reports: list[Draft]) -> set[int]:
    """The token indices of the reports' cues."""
    out: set[int] = set()
    for q in reports:
        if q.cue is not None:
            lo = bisect.bisect_left(view.idx, q.cue.start)
            hi = bisect.bisect_left(view.idx, q.cue.end)
            out.update(range(lo, hi))
    return out


def _says_who(view: ArticleView, report: Draft) -> bool:
    """Whether a sure frame's report is said by someone named or a person's pronoun, the
    head of its source: "Ana Ruiz told her that ...", "Lee urged members to ...", "Lee
    slammed X for ...", not "a scan revealed that ...", "Lee's tweets accusing X of ...".
    Any sure frame counts, not only a verb with a clause: on the realnews tuning sets 10
    more nested reports found with their speaker, 1 fewer."""
    if report.speaker is None or report.cue is None:
        return False
    toks = tokens_in(view.doc, report.speaker.start, report.speaker.end)
    if not toks:
        return False
    head = highest(toks)  # (not "Lee's tweets"; "the curator, Ines Varga" by its apposition)
    named = [head, *(c for c in head.children if c.dep_ == "appos")]
    return any(t.pos_ == "PROPN" or t.lower_ in PERSONAL_SUBJECTS for t in named)


def _nested(people: PeopleIndex, inner: Draft, outer: Draft) -> bool:
    """Whether a report, its source and cue lie inside what another source reports (the
    same source's next act inside its own words, "Lee said he had watched it and slammed
    the hearings as a "disgrace"", is one statement, or two by :func:`split_next_acts`)."""
    a, b = inner.speaker, outer.speaker
    if a is not None and b is not None and same_speaker(a, b, people):
        return False
    parts = [p for p in (inner.speaker, inner.cue) if p is not None]
    return _inside(inner, outer) and all(outer.start <= p.start for p in parts)


def _inside(inner: Draft, outer: Draft) -> bool:
    """Whether a report (its words and cue) lies inside what another reports."""
    inside = outer.start <= inner.start and inner.end <= outer.end
    cue = inner.cue
    return inside and (cue is None or (outer.start <= cue.start and cue.end <= outer.end))


def _says(view: ArticleView, report: Draft) -> bool:
    """Whether a report's cue is a verb or noun of saying ("said", "alleged"; not
    "had reached", "did not intend")."""
    if report.cue is None:
        return False
    head = cue_head(view, report.cue)
    return head is not None and is_speech_verb(head)
