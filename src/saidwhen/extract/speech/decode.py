"""From tagged spans to attributions: each cue with its content and its source.

Example:
    >>> view = ArticleView.build(load_nlp()("The senator said that taxes would rise."))
    >>> find_tagged(view)[0].text  # doctest: +SKIP
    'that taxes would rise'
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from saidwhen.extract.speech.bounds import content_bounds, edges
from saidwhen.extract.speech.closing import (
    _closing_body,
    _closing_report,
    _contrast_clause_in,
    _inner_report,
    _main_clause_in,
    _nobody,
    _swallowed_report,
    _trimmed,
    has_word,
)
from saidwhen.extract.speech.crf import MODEL_PATH, load_tagger, tag_doc
from saidwhen.extract.speech.finders import owner_of_next_sentence
from saidwhen.extract.speech.lexicon import (
    INTERRUPTERS,
    NO_SOURCE,
)
from saidwhen.extract.speech.rules import find_reported
from saidwhen.extract.speech.syntax import (
    can_speak,
    cue_subject,
    is_speech_verb,
    noun_phrase,
    span_root,
    trim,
    without_dateline,
)
from saidwhen.extract.speech.types import Draft, TaggedSpan
from saidwhen.extract.speech.view import ArticleView
from saidwhen.model import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "MAX_CONTENT_GAP",
    "MAX_SOURCE_GAP",
    "decode",
    "find_tagged",
    "has_word",
]


# A source further than this many tokens from its cue is not taken.
MAX_SOURCE_GAP = 12


# Tokens a content may be from its cue (beyond the cue's own sentence).
MAX_CONTENT_GAP = 40


def _gap(a: TaggedSpan, b: TaggedSpan) -> int:
    """Tokens between two spans (0 when adjacent or overlapping)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))


class _CuesNear:
    """The cues a content may go to: of its sentence, or at most :data:`MAX_CONTENT_GAP`
    tokens from it; found by where the cues start, not by a scan of all the paragraph's
    cues for each content (a paragraph of a thousand sentences has thousands)."""

    def __init__(
        self, cues: Sequence[TaggedSpan], sent_start: Sequence[int], sent_end: Sequence[int]
    ) -> None:
        self.cues, self.sent_start, self.sent_end = cues, sent_start, sent_end
        self.order = sorted(range(len(cues)), key=lambda k: cues[k].start)
        self.starts = [cues[k].start for k in self.order]
        self.longest = max((c.end - c.start for c in cues), default=0)

    def of(self, con: TaggedSpan) -> list[TaggedSpan]:
        """The cues near ``con``, in the order of the cue list."""
        sent = self.sent_start[con.start]
        windows = (
            (sent, self.sent_end[con.start] - 1),
            (con.start - MAX_CONTENT_GAP - self.longest, con.end + MAX_CONTENT_GAP),
        )
        found = {
            self.order[x]
            for lo, hi in windows
            for x in range(
                bisect.bisect_left(self.starts, lo), bisect.bisect_right(self.starts, hi)
            )
        }
        return [
            self.cues[k]
            for k in sorted(found)
            if self.sent_start[self.cues[k].start] == sent
            or _gap(self.cues[k], con) <= MAX_CONTENT_GAP
        ]


def decode(
    view: ArticleView, spans: Sequence[TaggedSpan], rules: Sequence[Draft] = ()
) -> list[tuple[TaggedSpan, TaggedSpan | None, TaggedSpan]]:
    """Group the tagged spans of one paragraph into ``(cue, source, content)`` attributions.

    Each content goes to its nearest cue (a cue of the same sentence first);
    each cue keeps its nearest content, and takes the nearest source of its
    sentence (a source may serve several cues: "she said ... and added ...").
    A cue with a source and no content takes the words the rules gave it
    (``rules``: ``find_reported``'s output).
    """
    doc = view.doc
    cues = [s for s in spans if s.role == "CUE"]
    sources = [s for s in spans if s.role == "SRC"]
    contents = [s for s in spans if s.role == "CON" and has_word(doc, s)]
    if not cues:
        return []

    def sent_of(s: TaggedSpan) -> int:
        return view.sent_start[s.start]

    assigned: dict[int, list[TaggedSpan]] = {}
    cues_near = _CuesNear(cues, view.sent_start, view.sent_end)
    for con in contents:
        # (a cue of another sentence further than MAX_CONTENT_GAP is never taken: left out
        # before ranking, so that a long paragraph is not every cue for every content)
        near = cues_near.of(con)
        ranked = sorted(near, key=lambda c: (sent_of(c) != sent_of(con), _gap(c, con), c.start))
        best = next((c for c in ranked if not _line_between(view, c, con)), None)
        if best is None:
            continue
        assigned.setdefault(best.start, []).append(con)
    out: list[tuple[TaggedSpan, TaggedSpan | None, TaggedSpan]] = []
    closings: list[tuple[TaggedSpan, TaggedSpan | None, TaggedSpan]] = []
    for cue in cues:
        src = _subject_source(doc, cue, sources, cues)
        cands = [c for c in assigned.get(cue.start, []) if not _announced_before(doc, c, cue, src)]
        chosen = min(cands, key=lambda c: _content_rank(cue, c, sent_of)) if cands else None
        if src is None:
            # not a source after both the cue and its words ("... called it "immaterial")
            # and Gannett reportedly laid off ...": another clause's
            # ("Bemoaning X, Trump said": a participle's subject does come after)
            finite = span_root(doc, cue).tag_ in ("VBD", "VBZ", "VBP")
            after = (
                chosen.end if finite and chosen is not None and chosen.start >= cue.end else None
            )
            near = [
                s
                for s in sources
                if sent_of(s) == sent_of(cue)
                and _gap(s, cue) <= MAX_SOURCE_GAP
                and (after is None or s.start < after)
            ]
            # one that can speak before a nearer place or thing ("Raleigh, N.C.-based
            # Salix ... terminated a merger, citing ...": the tagger marked "Raleigh";
            # "... he said, according to audio provided to the paper": the audio only
            # carries his words, as for a direct quote)
            src = min(
                near,
                key=lambda s: (not can_speak(span_root(doc, s)), _gap(s, cue), s.start),
                default=None,
            )
        pieces = (
            _parenthetical(view, cue, src, cues) if src is None or _gap(src, cue) == 0 else None
        )
        if pieces is None and (set_in := _set_in_source(view, cue, src, cues)) is not None:
            src, pieces = set_in
        if (
            pieces is not None
            and (
                chosen is None
                or any(p.start <= chosen.start and chosen.end <= p.end for p in pieces)
                # "The nostalgia, he noted, may be ...": not the next sentence's quote
                or any(t.text in (".", "!", "?") for t in doc[cue.end : chosen.start])
            )
        ):
            out.extend((cue, src, piece) for piece in pieces)
            continue
        if chosen is None:
            if src is not None and (body := _closing_body(view, cue, src)) is not None:
                closings.append((cue, src, body))
            elif src is not None and (body := _rules_content(view, cue, rules)) is not None:
                # "Ruiz told lawmakers no evidence supports it": the tagger read the
                # clause's own verb as a cue and left the words without one
                closings.append((cue, src, body))
            continue
        if (swallowed := _swallowed_report(view, cue, chosen)) is not None:
            chosen, closing = swallowed
            closings.append(closing)
        elif (
            main := _main_clause_in(doc, cue, chosen) or _contrast_clause_in(doc, cue, chosen)
        ) is not None:
            chosen, report = main
            if report is not None:
                out.append(report)
        out.append((cue, src, chosen))
        other = _other_piece(view, cue, src, chosen, cands)
        if other is not None:
            out.append((cue, src, other))
    for cue, src, body in closings:
        # the report closing the sentence owns its words; a tagged act inside them
        # ("pleaded guilty to", "signed") is no report of its own
        out = [
            a
            for a in out
            if not (body.start <= a[0].start and a[0].end <= body.end) or _reports(doc, a[0])
        ]
        out.append((cue, src, body))
    return out


def _rules_content(view: ArticleView, cue: TaggedSpan, rules: Sequence[Draft]) -> TaggedSpan | None:
    """The content the rules found for this cue (the same words of the cue, a source)."""
    doc = view.doc
    k_s, k_e = _char_span(view, cue)
    for r in rules:
        if r.cue is None or r.speaker is None or (r.cue.start, r.cue.end) != (k_s, k_e):
            continue
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        if span is None or span.start < cue.end:
            continue
        body = _trimmed(doc, span.start, span.end)
        if body is not None and not _line_between(view, cue, body):
            return body
    return None


def _line_between(view: ArticleView, cue: TaggedSpan, con: TaggedSpan) -> bool:
    """A line break between a cue and the words after it that no colon announces:
    "The readers wrote in." is not the report of the next paragraph's quotation."""
    if con.start < cue.end or view.para[con.start - 1] == view.para[cue.end - 1]:
        return False  # (view.para counts the tokens holding a line break)
    k = cue.end
    while "\n" not in view.texts[k]:
        k += 1  # the first break
    k -= 1
    while k >= cue.end and view.is_space[k]:
        k -= 1
    return not (k >= cue.end and view.texts[k] == ":")


def _reports(doc: Doc, cue: TaggedSpan) -> bool:
    """Whether a tagged cue reports speech: a verb of saying, not a plea in court
    ("pleaded guilty to ...")."""
    verb = span_root(doc, cue)
    if not is_speech_verb(verb):
        return False
    after = verb.nbor(1).lower_ if verb.i + 1 < len(doc) else ""
    return not (verb.lemma_ == "plead" and after in _PLEAS)


_PLEAS = frozenset({"guilty", "innocent", "not", "no"})


def _tagged_cue_subject(doc: Doc, cue: TaggedSpan, cues: Sequence[TaggedSpan]) -> Token | None:
    """The speaker of a tagged cue.  From a verb in the reported clause of another
    cue the walk climbs to that cue ("Lee said the plan was late and urged a vote":
    the parser often ties "urged" to "was")."""

    def is_cue(tok: Token) -> bool:
        outer = tok.head.head.i
        return any(c.start <= outer < c.end for c in cues)

    verb = span_root(doc, cue)
    if not is_speech_verb(verb) and not any(c.dep_ == "dobj" for c in verb.children):
        # "as the talks ended stating that ...": the tagger ran the verb the participle
        # hangs from into the cue; the participle of saying is the cue's verb (not after
        # an object: "used his speech to offer", "spent hours reflecting on")
        verb = next(
            (
                t
                for t in doc[cue.start : cue.end]
                if t.head.i == verb.i and t.tag_ == "VBG" and is_speech_verb(t)
            ),
            verb,
        )
    return cue_subject(
        verb,
        subjects=("nsubj",),
        nearest=True,
        passive="agent",
        control="before",
        report=is_cue,
        steps=6,
    )


def _subject_source(
    doc: Doc, cue: TaggedSpan, sources: Sequence[TaggedSpan], cues: Sequence[TaggedSpan]
) -> TaggedSpan | None:
    """The tagged source that holds the cue's grammatical subject, if one does.

    The nearest source is often the subject of another clause: "Ruiz, who
    praised the plan, voted against it" (``who``), or a name inside the content.
    """
    subj = _tagged_cue_subject(doc, cue, cues)
    if subj is None:
        return None
    held = next((s for s in sources if s.start <= subj.i < s.end), None)
    if held is None and subj.dep_ == "dobj":
        # the tagger rarely marks the object of "led some to question" as a source
        toks = trim(doc, noun_phrase(subj))
        return TaggedSpan("SRC", toks[0].i, toks[-1].i + 1) if toks else None
    return held


def _owner_after(view: ArticleView, con: TaggedSpan) -> TaggedSpan | None:
    """The speaker the next sentence gives this one to ("That's the view voiced by X"),
    as a source span."""
    owner = owner_of_next_sentence(view, view.sent_start[con.start], con.end - 1)
    if owner is None:
        return None
    toks = trim(view.doc, noun_phrase(owner[1]))
    return TaggedSpan("SRC", toks[0].i, toks[-1].i + 1) if toks else None


def _rules_have_source(rules: Sequence[Draft], start: int, end: int) -> bool:
    """Whether a report of the rules with a source overlaps ``start:end`` (it will be kept)."""
    return any(r.speaker is not None and r.start < end and start < r.end for r in rules)


def _subject_phrase(
    doc: Doc, cue: TaggedSpan, cues: Sequence[TaggedSpan], content: TaggedSpan | None
) -> TaggedSpan | None:
    """The noun phrase of the cue's grammatical subject, where the tagger marked no source.

    "Kasich has won endorsements, supporting a path to legal status": the
    tagger often misses the source of a second, coordinated or non-finite cue.
    """
    subj = _tagged_cue_subject(doc, cue, cues)
    if subj is None or subj.lower_ in NO_SOURCE:
        return None
    toks = noun_phrase(subj)
    if subj.i < cue.start:
        # a subject before its cue ends there (the parse may hang the cue and its words
        # on the subject: "Ana Ruiz, who ran the campaign, called it "childish"")
        toks = [t for t in toks if t.i < cue.start]
    toks = without_dateline(trim(doc, toks))
    if not toks:
        return None
    span = TaggedSpan("SRC", toks[0].i, toks[-1].i + 1)
    if _overlaps(span, cue) or (content is not None and _overlaps(span, content)):
        return None
    return None if "\n" in doc[span.start : span.end].text else span


def _overlaps(a: TaggedSpan, b: TaggedSpan) -> bool:
    return a.start < b.end and b.start < a.end


def _parenthetical(
    view: ArticleView, cue: TaggedSpan, src: TaggedSpan | None, cues: Sequence[TaggedSpan] = ()
) -> tuple[TaggedSpan, TaggedSpan] | None:
    """The two pieces of a sentence that a source and cue interrupt, set off by commas.

    "The plan, the mayor said on Tuesday, would cost more": content "The plan"
    and "would cost more".  The tagger rarely marks both pieces.
    """
    doc = view.doc
    lo = min(cue.start, src.start) if src is not None else cue.start
    hi = max(cue.end, src.end) if src is not None else cue.end
    # (the sentence's bounds and words from the view: no Span, no Token)
    s_start, s_end = view.sent_start[cue.start], view.sent_end[cue.start]
    texts = view.texts
    # the cue's own modifiers ("on Tuesday", "in a statement") run up to the comma
    while hi < s_end and texts[hi] not in INTERRUPTERS and hi - cue.end < 6:
        hi += 1
    if lo - 1 <= s_start or hi >= s_end - 1:
        return None
    if texts[lo - 1] not in INTERRUPTERS or texts[hi] not in INTERRUPTERS:
        return None
    begin = s_start
    outer = [c for c in cues if s_start <= c.start and c.end < lo]
    if outer:
        # "She said that the bridge, the mayor added, would close": the inner report
        # starts after the outer one's "that"
        marks = [k for k in range(outer[-1].end, lo - 1) if view.dep[k] == "mark"]
        if not marks:
            return None
        begin = marks[-1] + 1
    first = _trimmed(doc, begin, lo - 1)
    second = _trimmed(doc, hi + 1, s_end)
    if first is None or second is None or second.end - second.start < 2:
        return None
    return first, second


def _set_in_source(
    view: ArticleView, cue: TaggedSpan, src: TaggedSpan | None, cues: Sequence[TaggedSpan]
) -> tuple[TaggedSpan, tuple[TaggedSpan, TaggedSpan]] | None:
    """``The new ferry, the mayor said in a statement, will carry 400 cars``: a source the
    tagger ran back over the subject before it ("The new ferry, the mayor") is the part
    after the comma, set into the sentence with its cue, when the words after the cue's
    comma are a predicate missing that subject ("will carry ...")."""
    if src is None or src.end != cue.start:
        return None
    doc = view.doc
    verb = span_root(doc, cue)
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or not is_speech_verb(verb):
        return None
    # (no further than the verb's last dependent: a scan to the end of the article for
    # every cue grew with the square of a paragraph without commas)
    last = verb.right_edge.i + 1
    texts = view.texts
    comma = next((k for k in range(cue.end, last) if texts[k] in INTERRUPTERS), len(doc))
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative") and c.i < comma for c in verb.children):
        return None  # "Lee, a Republican, described himself as ...": no cue set in
    commas = [k for k in range(src.start, src.end) if texts[k] in INTERRUPTERS]
    if not commas or commas[-1] + 1 >= src.end:
        return None
    inner = TaggedSpan(src.role, commas[-1] + 1, src.end)
    pieces = _parenthetical(view, cue, inner, cues)
    if pieces is None:
        return None
    words = [t for t in doc[pieces[1].start : pieces[1].end] if not t.is_quote]
    if not words or words[0].pos_ not in ("AUX", "VERB"):
        return None
    return inner, pieces


def _other_piece(
    view: ArticleView,
    cue: TaggedSpan,
    src: TaggedSpan | None,
    chosen: TaggedSpan,
    cands: Sequence[TaggedSpan],
) -> TaggedSpan | None:
    """The content's second piece when source and cue interrupt it.

    "Too often, Mr. Clarke said, the debate is tribal": one content on both
    sides of "Mr. Clarke said", as PolNeAR marks it (a discontinuous span).
    """
    doc = view.doc
    lo = min(cue.start, src.start) if src is not None else cue.start
    hi = max(cue.end, src.end) if src is not None else cue.end

    def adjacent(span: TaggedSpan) -> bool:
        """Nothing but punctuation between the span and the source-and-cue block."""
        a, b = (span.end, lo) if span.end <= lo else (hi, span.start)
        return a <= b and all(t.is_punct or t.is_space for t in doc[a:b])

    if not adjacent(chosen):
        return None
    before = chosen.end <= lo
    sent = view.sent_start[cue.start]
    for con in cands:
        if con is chosen or (con.end <= lo) == before or view.sent_start[con.start] != sent:
            continue
        if adjacent(con):
            return con
    return None


def _announced_before(doc: Doc, con: TaggedSpan, cue: TaggedSpan, src: TaggedSpan | None) -> bool:
    """``Ruiz sees the problem: she told the Herald that ...``: a clause before a colon,
    a semicolon or a dash is not the words of a source and cue after it."""
    end = min(cue.start, src.start) if src is not None else cue.start
    if con.end > end:
        return False
    between = [t.text for t in doc[con.end : end]]
    # a dash right before the source opens a new clause too ("... security — he told the AP")
    return any(t in (":", ";") for t in between) or between in (["—"], ["–"], ["--"])


def _content_rank(
    cue: TaggedSpan, con: TaggedSpan, sent_of: Callable[[TaggedSpan], int]
) -> tuple[bool, int, int]:
    return (sent_of(cue) != sent_of(con), _gap(cue, con), -(con.end - con.start))


def _char_span(view: ArticleView, span: TaggedSpan) -> tuple[int, int]:
    """The characters from the span's first token that is no white space to its last
    (a span of white space only: its own characters, never an error)."""
    space = view.is_space
    lo = next((i for i in range(span.start, span.end) if not space[i]), span.start)
    hi = next((i for i in range(span.end - 1, lo - 1, -1) if not space[i]), lo)
    return view.idx[lo], view.idx[hi] + len(view.texts[hi])


def _joined_over_spaces(view: ArticleView, spans: Sequence[TaggedSpan]) -> list[TaggedSpan]:
    """Spans of one role that only white space inside a line parts, as one span: the
    tagger, trained on single spaces, often stops at a page's no-break or double space
    ("responded that\xa0the website cites ...": the content was "that")."""
    out: list[TaggedSpan] = []
    for span in spans:
        last = out[-1] if out else None
        if (
            last is not None
            and last.role == span.role
            and last.end < span.start
            and all(_inline_space(view, k) for k in range(last.end, span.start))
        ):
            out[-1] = TaggedSpan(span.role, last.start, span.end)
        else:
            out.append(span)
    return out


def _inline_space(view: ArticleView, k: int) -> bool:
    return view.is_space[k] and "\n" not in view.texts[k]


def find_tagged(
    view: ArticleView,
    people: Any = None,
    *,
    model: str | None = None,
    rules: Sequence[Draft] | None = None,
) -> list[Draft]:
    """Reported-speech attributions found by the CRF tagger, like ``find_reported``.

    Args:
        view: the article (:meth:`ArticleView.build`).
        people: the article's people index (its ``resolve(start, end)`` names a source).
        model: a model file other than the packaged one.
        rules: ``find_reported``'s output for this doc, when the caller has it.

    Returns:
        ``Draft(kind="indirect")`` items in text order.
    """
    tagger = load_tagger(model or str(MODEL_PATH))
    resolve: Callable[[int, int], str | None] | None = getattr(people, "resolve", None)
    doc, text = view.doc, view.text
    out: list[Draft] = []
    seen: set[tuple[int, int]] = set()
    rules = find_reported(view) if rules is None else rules
    for tagged in tag_doc(view, tagger, rules):
        spans = _joined_over_spaces(view, tagged)
        cues = [s for s in spans if s.role == "CUE"]
        for cue, src, con in decode(view, spans, rules):
            con = content_bounds(view, cue, con)
            c_s, c_e = _char_span(view, con)
            if (c_s, c_e) in seen:
                continue
            if src is None and not _rules_have_source(rules, c_s, c_e):
                src = _subject_phrase(doc, cue, cues, con)
            if not is_speech_verb(span_root(doc, cue)):
                # "The merger will create ... ." then "That's the view voiced by X"
                src = _owner_after(view, con) or src
            if (inner := _inner_report(doc, cue, con)) is not None:
                cue, src, con = inner
                c_s, c_e = _char_span(view, con)
            elif (src is None or _nobody(doc, src)) and (
                closing := _closing_report(doc, cue, con, src is not None)
            ) is not None:
                cue, src, con = closing
                c_s, c_e = _char_span(view, con)
            con = edges(view, con)
            src = None if src is None else edges(view, src)
            c_s, c_e = _char_span(view, con)
            seen.add((c_s, c_e))
            k_s, k_e = _char_span(view, cue)
            speaker = None
            if src is not None:
                s_s, s_e = _char_span(view, src)
                mention = text[s_s:s_e]
                name = resolve(s_s, s_e) if resolve is not None else None
                speaker = Speaker(name=name or mention, mention=mention, start=s_s, end=s_e)
            cue_span = Span(text=text[k_s:k_e], start=k_s, end=k_e)
            out.append(Draft(c_s, c_e, "indirect", speaker, cue_span, is_indirect=True))
    out.sort(key=lambda q: (q.start, q.end))
    return out
