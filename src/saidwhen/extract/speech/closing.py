"""Reports that close a sentence (``..., the board said``) and the clauses a content
runs on into: where one report's words end and another's begin.

:mod:`saidwhen.extract.speech.decode` groups tagged spans into attributions and
asks this module where a content must be cut.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from saidwhen.extract.memo import doc_tokens
from saidwhen.extract.speech.lexicon import INTERRUPTERS
from saidwhen.extract.speech.syntax import is_speech_verb, span_root
from saidwhen.extract.speech.types import TaggedSpan
from saidwhen.extract.speech.view import ArticleView

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _swallowed_report(
    view: ArticleView, cue: TaggedSpan, con: TaggedSpan
) -> tuple[TaggedSpan, tuple[TaggedSpan, TaggedSpan, TaggedSpan]] | None:
    """``Lopez said she had told him the bridge would close, Kim testified.``: a content
    that runs on into the report closing its sentence.  The content cut before the
    comma, and that report as ``(cue, source, content)``."""
    doc = view.doc
    end = view.sent_end[con.start]
    punct, space = view.is_punct, view.is_space
    if any(not (punct[i] or space[i]) for i in range(con.end, end)):
        return None
    for verb in reversed(doc_tokens(doc)[max(con.start, con.end - 8) : con.end]):
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
    words = [t.lower_ for t in doc_tokens(doc)[src.start : src.end]]
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


def _trimmed(doc: Doc, start: int, end: int) -> TaggedSpan | None:
    """``doc[start:end]`` without punctuation and white space at its edges, as content."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    span = TaggedSpan("CON", start, end)
    return span if end > start and has_word(doc, span) else None


def has_word(doc: Doc, span: TaggedSpan) -> bool:
    return any(t.is_alpha or t.is_digit for t in doc_tokens(doc)[span.start : span.end])
