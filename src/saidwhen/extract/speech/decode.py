"""From tagged spans to attributions: each cue with its content and its source.

Example:
    >>> view = ArticleView.build(load_nlp()("The senator said that taxes would rise."))
    >>> find_tagged(view)[0].text  # doctest: +SKIP
    'that taxes would rise'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from saidwhen.extract.speech.crf import MODEL_PATH, load_tagger, tag_doc
from saidwhen.extract.speech.finders import owner_of_next_sentence
from saidwhen.extract.speech.lexicon import INTERRUPTERS, NO_SOURCE
from saidwhen.extract.speech.rules import find_reported
from saidwhen.extract.speech.syntax import (
    cue_subject,
    is_speech_verb,
    noun_phrase,
    span_root,
    trim,
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


def decode(
    view: ArticleView, spans: Sequence[TaggedSpan]
) -> list[tuple[TaggedSpan, TaggedSpan | None, TaggedSpan]]:
    """Group the tagged spans of one paragraph into ``(cue, source, content)`` attributions.

    Each content goes to its nearest cue (a cue of the same sentence first);
    each cue keeps its nearest content, and takes the nearest source of its
    sentence (a source may serve several cues: "she said ... and added ...").
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
    for con in contents:
        ranked = sorted(cues, key=lambda c: (sent_of(c) != sent_of(con), _gap(c, con), c.start))
        cue = ranked[0]
        if sent_of(cue) != sent_of(con) and _gap(cue, con) > MAX_CONTENT_GAP:
            continue
        assigned.setdefault(cue.start, []).append(con)
    out: list[tuple[TaggedSpan, TaggedSpan | None, TaggedSpan]] = []
    closings: list[tuple[TaggedSpan, TaggedSpan | None, TaggedSpan]] = []
    for cue in cues:
        cands = assigned.get(cue.start, [])
        chosen = min(cands, key=lambda c: _content_rank(cue, c, sent_of)) if cands else None
        src = _subject_source(doc, cue, sources, cues)
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
            src = min(near, key=lambda s: (_gap(s, cue), s.start)) if near else None
        pieces = (
            _parenthetical(view, cue, src, cues) if src is None or _gap(src, cue) == 0 else None
        )
        if pieces is not None and (
            chosen is None or any(p.start <= chosen.start and chosen.end <= p.end for p in pieces)
        ):
            out.extend((cue, src, piece) for piece in pieces)
            continue
        if chosen is None:
            if src is not None and (body := _closing_body(view, cue, src)) is not None:
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


def _reports(doc: Doc, cue: TaggedSpan) -> bool:
    """Whether a tagged cue reports speech: a verb of saying, not a plea in court
    ("pleaded guilty to ...")."""
    verb = span_root(doc, cue)
    if not is_speech_verb(verb):
        return False
    after = verb.nbor(1).lower_ if verb.i + 1 < len(doc) else ""
    return not (verb.lemma_ == "plead" and after in _PLEAS)


_PLEAS = frozenset({"guilty", "innocent", "not", "no"})


def _swallowed_report(
    view: ArticleView, cue: TaggedSpan, con: TaggedSpan
) -> tuple[TaggedSpan, tuple[TaggedSpan, TaggedSpan, TaggedSpan]] | None:
    """``Lopez said she had told him the bridge would close, Kim testified.``: a content
    that runs on into the report closing its sentence.  The content cut before the
    comma, and that report as ``(cue, source, content)``."""
    doc = view.doc
    end = view.sent_end[con.start]
    if any(not (t.is_punct or t.is_space) for t in doc[con.end : end]):
        return None
    for verb in reversed(doc[max(con.start, con.end - 8) : con.end]):
        if cue.start <= verb.i < cue.end or not is_speech_verb(verb):
            continue
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subj or subj[0].left_edge.i <= con.start:
            return None
        lo, hi = subj[0].left_edge.i, subj[0].right_edge.i + 1
        src = TaggedSpan("SRC", lo, hi)
        closing = TaggedSpan("CUE", verb.i, verb.i + 1)
        body = _closing_body(view, closing, src)
        cut = _trimmed(doc, con.start, min(lo, verb.i))
        if body is None or cut is None or cut.start < body.start:
            return None
        return cut, (closing, src, body)
    return None


def _main_clause_in(
    doc: Doc, cue: TaggedSpan, con: TaggedSpan
) -> tuple[TaggedSpan, tuple[TaggedSpan, TaggedSpan, TaggedSpan] | None] | None:
    """``Although relatives suggested he was killed, Ruiz told lawmakers no evidence
    supports it``: a content that runs on into the clause its cue depends on.  The
    content cut before that clause, and the clause's own report when its verb is one of
    saying (``(cue, source, content)``)."""
    verb = span_root(doc, cue)
    main = next((a for a in verb.ancestors if con.start <= a.i < con.end), None)
    if main is None or main.i < cue.end:
        return None
    lead = [c for c in main.children if c.i < main.i and c.left_edge.i >= cue.end]
    lo = min((c.left_edge.i for c in lead), default=main.i)
    cut = _trimmed(doc, con.start, lo)
    if cut is None:
        return None
    subj = [c for c in lead if c.dep_ == "nsubj"]
    said = [c for c in main.children if c.dep_ == "ccomp" and c.i > main.i]
    if not subj or not said or not is_speech_verb(main):
        return cut, None
    body = _trimmed(doc, said[0].left_edge.i, min(con.end, said[0].right_edge.i + 1))
    if body is None:
        return cut, None
    source = TaggedSpan("SRC", subj[0].left_edge.i, subj[0].right_edge.i + 1)
    return cut, (TaggedSpan("CUE", main.i, main.i + 1), source, body)


_CONTRAST = frozenset({"while", "whereas", "although", "though"})


def _contrast_clause_in(
    doc: Doc, cue: TaggedSpan, con: TaggedSpan
) -> tuple[TaggedSpan, tuple[TaggedSpan, TaggedSpan, TaggedSpan] | None] | None:
    """``China said it is committed to X, while the police deny it and say they show
    restraint``: a content that runs on into a contrasting clause of the cue's own
    (``while ...``), no part of what was said.  The content cut before it, and that
    clause's report when one of its verbs is one of saying with a clause of its own."""
    verb = span_root(doc, cue)
    side = next(
        (
            c
            for c in verb.children
            if c.dep_ == "advcl"
            and con.start < c.left_edge.i < con.end
            and c.left_edge.lower_ in _CONTRAST
        ),
        None,
    )
    if side is None:
        return None
    cut = _trimmed(doc, con.start, side.left_edge.i)
    if cut is None:
        return None
    subj = [c for c in side.children if c.dep_ == "nsubj" and c.i < side.i]
    for v in (side, *side.conjuncts):
        said = [c for c in v.children if c.dep_ == "ccomp" and c.i > v.i]
        if subj and said and is_speech_verb(v) and v.i < con.end:
            body = _trimmed(doc, said[0].left_edge.i, min(con.end, said[0].right_edge.i + 1))
            if body is not None:
                source = TaggedSpan("SRC", subj[0].left_edge.i, subj[0].right_edge.i + 1)
                return cut, (TaggedSpan("CUE", v.i, v.i + 1), source, body)
    return cut, None


def _closing_body(view: ArticleView, cue: TaggedSpan, src: TaggedSpan) -> TaggedSpan | None:
    """``A man pleaded guilty to theft, prosecutors said.``: what a source and cue
    that close the sentence after a comma report, when the tagger marked no content
    for them: the sentence before the comma."""
    doc = view.doc
    lo, hi = min(cue.start, src.start), max(cue.end, src.end)
    between = doc[min(cue.end, src.end) : max(cue.start, src.start)]
    if any(not (t.is_punct or t.is_space or t.pos_ in ("ADV", "AUX", "PART")) for t in between):
        return None
    if any(i in view.quoted for i in range(lo, hi)):
        return None  # "..., you know," inside someone's words
    first, end = view.sent_start[cue.start], view.sent_end[cue.start]
    verb = span_root(doc, cue)
    # only the cue's own modifiers after it ("in a statement", "on Monday"), not
    # its content ("Mexico said enough")
    if any(not (t.is_punct or t.is_space) and not _modifier(verb, t) for t in doc[hi:end]):
        return None
    k = lo - 1
    while k > first and (doc[k].is_space or doc[k].is_quote):
        k -= 1
    if k <= first or doc[k].text not in INTERRUPTERS:
        return None
    if _bare_quote_before(view, k):
        return None
    # spaCy's sentences run on over a paragraph break after a line with no full stop
    breaks = [t.i for t in doc[first:k] if "\n" in t.text]
    body = _trimmed(doc, breaks[-1] + 1 if breaks else first, k)
    if body is None or body.end - body.start < 4:
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[body.start : body.end]):
        return None
    closing = [t.i for t in doc[k:lo] if t.is_quote]
    if closing and sum(t.is_quote for t in doc[body.start : body.end]) % 2:
        # the words end in a quote closed after the comma: `... skull," X said`
        return TaggedSpan("CON", body.start, closing[0] + 1)
    return body


_MODIFIERS = frozenset({"prep", "npadvmod", "dative", "agent", "advmod"})
# adverbs that are what was said ("Mexico said enough", "she said so"), not how or when
_SAID_WORDS = frozenset(
    {"so", "enough", "otherwise", "yes", "no", "much", "little", "more", "less"}
)


def _modifier(verb: Token, tok: Token) -> bool:
    """Whether ``tok`` hangs from ``verb`` through a modifier of it: a time, a place,
    a channel, an audience ("told reporters")."""
    while tok.head.i != verb.i:
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    if tok.dep_ == "dobj":
        return tok.pos_ in ("NOUN", "PROPN", "PRON")
    return tok.dep_ in _MODIFIERS and tok.lower_ not in _SAID_WORDS


def _bare_quote_before(view: ArticleView, comma: int) -> bool:
    """``... the workplace: "We open doors," the union wrote.``: the words before the
    comma end in a quote set off by a colon or comma with no verb of saying of its own;
    the closing report gives that quote, not the sentence."""
    doc = view.doc
    region = next((r for r in view.token_regions if r[0] < comma <= r[1] + 1), None)
    if region is None:
        return False
    k = region[0] - 1
    while k > 0 and doc[k].is_space:
        k -= 1
    if k <= 0 or doc[k].text not in (",", ":"):
        return False
    return not is_speech_verb(doc[k - 1])


def _tagged_cue_subject(doc: Doc, cue: TaggedSpan, cues: Sequence[TaggedSpan]) -> Token | None:
    """The speaker of a tagged cue.  From a verb in the reported clause of another
    cue the walk climbs to that cue ("Lee said the plan was late and urged a vote":
    the parser often ties "urged" to "was")."""

    def is_cue(tok: Token) -> bool:
        outer = tok.head.head.i
        return any(c.start <= outer < c.end for c in cues)

    return cue_subject(
        span_root(doc, cue),
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


def _closing(
    doc: Doc, report: Token, subj: Token, floor: int, body_start: int
) -> tuple[TaggedSpan, TaggedSpan, TaggedSpan] | None:
    """A report set off by a comma after what it reports (``..., the board said``):
    its cue, its source and the words from ``body_start`` to the comma (not before
    ``floor``)."""
    lo = subj.left_edge.i
    comma = lo - 1
    while comma > floor and (doc[comma].is_space or doc[comma].is_quote):
        comma -= 1
    if doc[comma].text != ",":
        return None
    body = _trimmed(doc, body_start, comma)
    if body is None:
        return None
    return TaggedSpan("CUE", report.i, report.i + 1), TaggedSpan("SRC", lo, subj.i + 1), body


def _inner_report(
    doc: Doc, cue: TaggedSpan, con: TaggedSpan
) -> tuple[TaggedSpan, TaggedSpan, TaggedSpan] | None:
    """``..., the board said, according to Reuters``: the content of "according to" ends
    in the report of the one who said it; that speaker, cue and the words before."""
    if doc[cue.start].lower_ != "according" or cue.start < con.end:
        return None
    k = con.end - 1
    while k > con.start and (doc[k].is_punct or doc[k].is_space):
        k -= 1
    if k + 1 < cue.start and doc[k + 1].text != ",":
        return None
    # "the board said", "the ministry said on Tuesday": the verb among the last words
    window = doc[max(con.start, k - 4) : k + 1]
    verb = next((t for t in reversed(window) if is_speech_verb(t)), None)
    if verb is None:
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subj or subj[0].left_edge.i <= con.start:
        return None
    return _closing(doc, verb, subj[0], con.start, con.start)


_NOBODY = frozenset({"nobody", "none", "nothing", "noone"})


def _nobody(doc: Doc, src: TaggedSpan) -> bool:
    """A subject that says no one ("No one", "none of them"): nobody's claim."""
    words = [t.lower_ for t in doc[src.start : src.end]]
    return bool(words) and (words[0] in _NOBODY or words[0] == "no")


def _closing_report(
    doc: Doc, cue: TaggedSpan, con: TaggedSpan, nobody: bool
) -> tuple[TaggedSpan, TaggedSpan, TaggedSpan] | None:
    """``No one has shown symptoms, so far, the commission said.``: a tagged cue that
    is no verb of saying (or whose subject is nobody), in a clause that a report
    closing the sentence takes as what was said; that report's speaker and cue, the
    clause its content."""
    verb = span_root(doc, cue)
    if is_speech_verb(verb) and not nobody:
        return None
    if verb.dep_ != "ccomp" or not is_speech_verb(verb.head):
        return None
    report = verb.head
    subj = [c for c in report.children if c.dep_ == "nsubj" and verb.i < c.i < report.i]
    if not subj:
        return None
    return _closing(doc, report, subj[0], verb.i, min(verb.left_edge.i, con.start))


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
    toks = trim(doc, noun_phrase(subj))
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
    sent = doc[view.sent_start[cue.start] : view.sent_end[cue.start]]
    # the cue's own modifiers ("on Tuesday", "in a statement") run up to the comma
    while hi < sent.end and doc[hi].text not in INTERRUPTERS and hi - cue.end < 6:
        hi += 1
    if lo - 1 <= sent.start or hi >= sent.end - 1:
        return None
    if doc[lo - 1].text not in INTERRUPTERS or doc[hi].text not in INTERRUPTERS:
        return None
    begin = sent.start
    outer = [c for c in cues if sent.start <= c.start and c.end < lo]
    if outer:
        # "She said that the bridge, the mayor added, would close": the inner report
        # starts after the outer one's "that"
        marks = [t.i for t in doc[outer[-1].end : lo - 1] if t.dep_ == "mark"]
        if not marks:
            return None
        begin = marks[-1] + 1
    first = _trimmed(doc, begin, lo - 1)
    second = _trimmed(doc, hi + 1, sent.end)
    if first is None or second is None or second.end - second.start < 2:
        return None
    return first, second


def _trimmed(doc: Doc, start: int, end: int) -> TaggedSpan | None:
    """``doc[start:end]`` without punctuation and white space at its edges, as content."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    span = TaggedSpan("CON", start, end)
    return span if end > start and has_word(doc, span) else None


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


def _content_rank(
    cue: TaggedSpan, con: TaggedSpan, sent_of: Callable[[TaggedSpan], int]
) -> tuple[bool, int, int]:
    return (sent_of(cue) != sent_of(con), _gap(cue, con), -(con.end - con.start))


def _without_cue_words(doc: Doc, cue: TaggedSpan, con: TaggedSpan) -> TaggedSpan:
    """The content without lone words of the cue verb's own at its edges: "take the
    controversy personally" (not "personally"), "pressed about how ..." (not "about")."""
    verb = span_root(doc, cue)
    start, end = con.start, con.end
    while end - start > 1 and _cue_word(doc[end - 1], verb) and doc[end - 1].pos_ in _LONE:
        end -= 1
    if end - start > 1 and _cue_word(doc[start], verb) and doc[start].pos_ == "ADP":
        start += 1
    return con if (start, end) == (con.start, con.end) else TaggedSpan("CON", start, end)


_LONE = frozenset({"ADV", "ADP"})


def _cue_word(tok: Token, verb: Token) -> bool:
    """A word that hangs from the cue verb itself, with nothing of its own."""
    return tok.head.i == verb.i and tok.i != verb.i and tok.n_lefts + tok.n_rights <= 1


def has_word(doc: Doc, span: TaggedSpan) -> bool:
    return any(t.is_alpha or t.is_digit for t in doc[span.start : span.end])


def _char_span(doc: Doc, span: TaggedSpan) -> tuple[int, int]:
    toks = [t for t in doc[span.start : span.end] if not t.is_space]
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


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
    for spans in tag_doc(view, tagger, rules):
        cues = [s for s in spans if s.role == "CUE"]
        for cue, src, con in decode(view, spans):
            con = _without_cue_words(doc, cue, con)
            c_s, c_e = _char_span(doc, con)
            if (c_s, c_e) in seen:
                continue
            if src is None and not _rules_have_source(rules, c_s, c_e):
                src = _subject_phrase(doc, cue, cues, con)
            if not is_speech_verb(span_root(doc, cue)):
                # "The merger will create ... ." then "That's the view voiced by X"
                src = _owner_after(view, con) or src
            if (inner := _inner_report(doc, cue, con)) is not None:
                cue, src, con = inner
                c_s, c_e = _char_span(doc, con)
            elif (src is None or _nobody(doc, src)) and (
                closing := _closing_report(doc, cue, con, src is not None)
            ) is not None:
                cue, src, con = closing
                c_s, c_e = _char_span(doc, con)
            seen.add((c_s, c_e))
            k_s, k_e = _char_span(doc, cue)
            speaker = None
            if src is not None:
                s_s, s_e = _char_span(doc, src)
                mention = text[s_s:s_e]
                name = resolve(s_s, s_e) if resolve is not None else None
                speaker = Speaker(name=name or mention, mention=mention, start=s_s, end=s_e)
            cue_span = Span(text=text[k_s:k_e], start=k_s, end=k_e)
            out.append(Draft(c_s, c_e, "indirect", speaker, cue_span, is_indirect=True))
    out.sort(key=lambda q: (q.start, q.end))
    return out
