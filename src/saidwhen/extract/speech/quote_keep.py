"""A learned second look at whether quoted words are someone's speech.

:func:`~saidwhen.extract.speech.nonquote.not_speech_regions` gives each quoted region a
reason it is a title, a name, a term or a scare quote, or None.  Each region (past markup
and stage directions) also gets the general :data:`FEATURES` below (no word of any one
article); a logistic regression (weights in ``data/quote_keep.json``, learned from the
realnews tuning sets' gold by ``python -m saidwhen.eval.train_quote_keep``) gives the odds
the words are someone's, and overrides the rules only where it is sure: it drops a region
the rules keep when its score is below ``-drop``, and keeps one the rules drop when its
score is above ``keep``.  Without stored weights the rules stand.
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import functools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from saidwhen.extract.lexicon import SPEECH_VERBS
from saidwhen.extract.speech.nonquote import TITLE_REASONS, WORD, in_headline
from saidwhen.extract.weights import collecting, dot, read_weights

if TYPE_CHECKING:
    from saidwhen.extract.quotes import QuoteRegion
    from saidwhen.extract.speech.view import ArticleView

__all__ = [
    "FEATURES",
    "LEARNED",
    "MODEL_PATH",
    "KeepModel",
    "features",
    "load_model",
    "tracing",
    "using",
]

MODEL_PATH = Path(__file__).resolve().parents[2] / "data" / "quote_keep.json"

# the reason given to a region the model drops
LEARNED = "not speech by the learned look"

# The features of one quoted region, in the order of the stored weights.
FEATURES = (
    "bias",
    # the rules' reason
    "rule_title",  # a title of a work or a channel
    "rule_label",  # a label, a name given, a term, a name before its noun
    "rule_scare",  # so-called
    # the words
    "words",  # log(1 + words) / 3
    "one_word",
    "two_three_words",
    "capitals",  # the share of its words of four letters or more that are capitalised
    "proper",  # the share of its tokens that are proper nouns
    "has_verb",  # a verb or an auxiliary inside
    "has_subject",  # a subject inside: a clause
    "ends_comma",  # a comma inside the closing mark
    "ends_stop",  # a full stop, ! or ? inside the closing mark
    "lower_start",  # opens in lower case
    "short_capitals",  # three words or fewer, all capitalised: a name
    "short_lower",  # three words or fewer in lower case, no verb: a term or a scare quote
    "unclosed",  # the paragraph ends before a closing mark (a quote running on)
    "continued",  # reopens a quote left open at the last paragraph's end
    # before the mark
    "own_sentence",  # nothing before the mark in its sentence
    "after_colon",  # a colon right before the mark
    "after_comma",  # a comma right before the mark
    "after_called",  # "called", "dubbed", "named"
    "after_so_called",
    "after_determiner",  # "the", "a", "this"
    "after_possessive",  # "Trump's", "his"
    "after_as",
    "after_preposition",  # another preposition
    "after_adjective",
    "after_noun",
    "after_verb",  # a verb other than one of saying
    "after_speech_verb",  # a verb of saying right before the mark ("said "...")
    # the clause
    "speech_above",  # a verb of saying above the quote in the parse
    "speech_after",  # a verb of saying within four words after the mark
    "speech_sentence",  # a verb of saying elsewhere in the sentence, outside quotes
    "cue_rate",  # how often the verb above the quote is a cue in PolNeAR train
    "top_clause",  # the quote's top word is a clause's (a complement, a root)
    "top_noun_phrase",  # ... is a noun phrase's inside the clause (an object, a modifier)
    "speaker_subject",  # a verb of saying in the sentence has a subject outside quotes
    "fragment_no_speech",  # inside a sentence with no verb of saying outside quotes
    "noun_after",  # a noun right after the closing mark (a modifier)
    "in_headline",
    "bare_paragraph",  # nothing but the quote in its paragraph
    "repeated",  # the same words quoted elsewhere in the article
    "quotes_in_article",  # log(1 + quoted regions) / 4
)
_N = len(FEATURES)
_SCARE = "scare quotes"
# reasons no learned look overrides: not words at all
FIXED = frozenset(["markup", "a stage direction"])
_CLAUSE_DEPS = frozenset(["ccomp", "ROOT", "parataxis", "xcomp", "advcl", "conj"])
_PHRASE_DEPS = frozenset(
    ["dobj", "pobj", "compound", "amod", "nmod", "appos", "attr", "oprd", "npadvmod", "nsubj"]
)
_CALLED = frozenset(["called", "dubbed", "named", "labeled", "labelled", "termed", "nicknamed"])
_POSSESSIVES = frozenset(["his", "her", "its", "their", "our", "my", "your"])

# (region start, region end, its words, the rules' reason, features)
TraceRow = tuple[int, int, str, str | None, list[float]]
_TRACE: contextvars.ContextVar[list[TraceRow] | None] = contextvars.ContextVar(
    "quote_keep_trace", default=None
)


@dataclass(frozen=True, slots=True)
class KeepModel:
    """Weights over :data:`FEATURES` (a region's score is their dot product: the log odds
    the words are someone's) and how sure the model must be to override the rules."""

    weights: tuple[float, ...]
    drop: float = math.inf  # drop a region the rules keep below -drop
    keep: float = math.inf  # keep a region the rules drop above keep

    def score(self, feats: Sequence[float]) -> float:
        return dot(self.weights, feats)

    def decide(self, reason: str | None, feats: Sequence[float]) -> str | None:
        """The region's reason after the model's look."""
        s = self.score(feats)
        if reason is None:
            return LEARNED if s < -self.drop else None
        return None if s > self.keep else reason


@functools.lru_cache(maxsize=2)
def load_model(path: str = str(MODEL_PATH)) -> KeepModel | None:
    """The stored weights, or None when there are none (the rules then stand)."""
    read = read_weights(
        path, FEATURES, "quoted words' look", "saidwhen.eval.train_quote_keep", optional=True
    )
    if read is None:
        return None
    weights, data = read
    return KeepModel(weights, float(data.get("drop", math.inf)), float(data.get("keep", math.inf)))


_UNSET = KeepModel(())
_USING: contextvars.ContextVar[KeepModel | None] = contextvars.ContextVar(
    "quote_keep_using", default=_UNSET
)


@contextlib.contextmanager
def using(model: KeepModel | None) -> Iterator[None]:
    """Look with ``model`` (None: the rules alone) instead of the stored weights while the
    block runs (for training)."""
    token = _USING.set(model)
    try:
        yield
    finally:
        _USING.reset(token)


def tracing() -> contextlib.AbstractContextManager[list[TraceRow]]:
    """Collect every quoted region's rules' reason and features (for training)."""
    return collecting(_TRACE)


def review(
    view: ArticleView,
    regions: Sequence[QuoteRegion],
    reasons: list[str | None],
    inside: Sequence[bool],
    keys: Sequence[str],
    model: KeepModel | None,
) -> list[str | None]:
    """``reasons`` after the model's look (and the rows traced, when tracing); ``keys``:
    each region's :func:`~saidwhen.extract.speech.nonquote.words_key`."""
    trace = _TRACE.get()
    chosen = _USING.get()
    if chosen is not _UNSET:
        model = chosen
    if (model is None and trace is None) or not regions:
        return reasons
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    headline_end = _headline_end(view)
    out = list(reasons)
    for n, r in enumerate(regions):
        if reasons[n] in FIXED or inside[n] or r.open_mark <= headline_end:
            # inside a quote that goes on, or in the headline (whose quoted words are
            # mostly someone's), the rules' reading stands
            continue
        # (regions without words share the key "": no repeat of one another)
        repeated = counts[keys[n]] > 1 and keys[n] != ""
        feats = features(view, r, reasons[n], repeated, len(regions))
        if trace is not None:
            trace.append((r.start, r.end, view.text[r.start : r.end], reasons[n], feats))
        if model is not None:
            out[n] = model.decide(reasons[n], feats)
    return out


def _headline_end(view: ArticleView) -> int:
    """Where the body's first line (its headline) ends.  (A long article is extracted in
    segments: a later segment's body starts at 0, so its first line is taken for one too.)"""
    body = view.text[view.start :]
    return view.lines.end(view.start + len(body) - len(body.lstrip()))


def features(
    view: ArticleView,
    region: QuoteRegion,
    reason: str | None,
    repeated: bool,
    n_regions: int,
) -> list[float]:
    """The :data:`FEATURES` of one region."""
    f = [0.0] * _N
    text, lines = view.text, view.lines
    quoted = text[region.start : region.end]

    def put(name: str, value: float | bool = 1.0) -> None:
        f[_INDEX[name]] = float(value)

    put("bias")
    if reason is not None:
        put(
            "rule_title"
            if reason in TITLE_REASONS
            else "rule_scare"
            if reason == _SCARE
            else "rule_label"
        )
    words = WORD.findall(quoted)
    put("words", math.log1p(len(words)) / 3)
    put("one_word", len(words) == 1)
    put("two_three_words", 2 <= len(words) <= 3)
    long = [w for w in words if len(w) > 3]
    if long:
        put("capitals", sum(w[0].isupper() for w in long) / len(long))
    # the region leaves out a comma before its closing mark
    tail = text[region.start : region.close_mark].rstrip()
    put("ends_comma", tail.endswith(","))
    put("ends_stop", tail.endswith((".", "!", "?")))
    put("lower_start", bool(words) and quoted.lstrip()[:1].islower())
    short = 0 < len(words) <= 3
    put("short_capitals", short and all(w[0].isupper() for w in words))
    put("unclosed", region.close_mark is None)
    put("continued", region.continues_previous)
    put("repeated", repeated)
    put("quotes_in_article", math.log1p(n_regions) / 4)
    put("in_headline", in_headline(text, region))

    lo = bisect.bisect_left(view.idx, region.start)
    hi = bisect.bisect_left(view.idx, region.end)
    inner = [i for i in range(lo, hi) if not view.is_space[i]]
    if inner:
        put("proper", sum(view.pos[i] == "PROPN" for i in inner) / len(inner))
        put("has_verb", any(view.pos[i] in ("VERB", "AUX") for i in inner))
        put("has_subject", any(view.dep[i] in ("nsubj", "nsubjpass") for i in inner))
        verb = f[_INDEX["has_verb"]] > 0
        put("short_lower", short and not verb and all(w[0].islower() for w in words))

    mark = max(bisect.bisect_right(view.idx, region.open_mark) - 1, 0)
    sent_lo = view.sent_start[mark]
    before = [i for i in range(max(sent_lo, mark - 4), mark) if not view.is_space[i]]
    before = [i for i in before if view.idx[i] < region.open_mark]
    line = lines.start(region.open_mark)
    put("own_sentence", not lines.has_words(max(line, view.idx[sent_lo]), region.open_mark))
    if before:
        b = before[-1]
        word = view.lower[b]
        if word == ":":
            put("after_colon")
        elif word == ",":
            put("after_comma")
        elif word in _CALLED:
            if text[max(0, view.idx[b] - 3) : view.idx[b]] in ("so-", "so "):
                put("after_so_called")
            else:
                put("after_called")
        elif word == "as":
            put("after_as")
        elif view.tag[b] == "POS" or word in _POSSESSIVES:
            put("after_possessive")
        elif view.pos[b] == "DET":
            put("after_determiner")
        elif view.pos[b] == "ADP":
            put("after_preposition")
        elif view.pos[b] == "ADJ":
            put("after_adjective")
        elif view.pos[b] in ("NOUN", "PROPN"):
            put("after_noun")
        elif view.pos[b] in ("VERB", "AUX"):
            put("after_speech_verb" if view.lemma[b] in SPEECH_VERBS else "after_verb")

    # the verb above the quote: the head of its top token, up to the clause's verb
    top = next((i for i in inner if not lo <= view.head[i] < hi), None)
    if top is not None:
        if view.dep[top] in _CLAUSE_DEPS or view.head[top] == top:
            put("top_clause")
        elif view.dep[top] in _PHRASE_DEPS:
            put("top_noun_phrase")
        i = view.head[top]
        for _ in range(8):
            if view.pos[i] in ("VERB", "AUX"):
                if view.lemma[i] in SPEECH_VERBS:
                    put("speech_above")
                cue = view.cues[i]
                if cue is not None and cue[1]:
                    put("cue_rate", cue[0] / cue[1])
                break
            if view.head[i] == i:
                break
            i = view.head[i]
    end = bisect.bisect_left(view.idx, region.outer_end)
    after = [k for k in range(end, min(end + 8, len(view.idx))) if not view.is_space[k]]
    put(
        "speech_after",
        any(view.pos[k] == "VERB" and view.lemma[k] in SPEECH_VERBS for k in after[:4]),
    )
    if after and view.idx[after[0]] <= region.outer_end + 1 and view.pos[after[0]] == "NOUN":
        put("noun_after")
    sent_hi = view.sent_end[mark]
    said = [
        k
        for k in range(sent_lo, min(sent_hi, len(view.idx)))
        if view.pos[k] == "VERB" and view.lemma[k] in SPEECH_VERBS and not view.in_quotes[k]
    ]
    put("speech_sentence", bool(said))
    put(
        "speaker_subject",
        any(
            view.dep[c] == "nsubj" and not view.in_quotes[c] for k in said for c in view.children[k]
        ),
    )
    if not f[_INDEX["own_sentence"]] and not said:
        put("fragment_no_speech")
    put(
        "bare_paragraph",
        not lines.has_words(line, region.open_mark)
        and not lines.has_words(region.outer_end, lines.end(region.outer_end)),
    )
    return f


_INDEX = {name: n for n, name in enumerate(FEATURES)}
