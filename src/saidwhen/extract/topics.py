"""Topics: reported-speech records that name what was talked about, not what was said.

PolNeAR's annotators mark ``Teigen had documented her pregnancy`` as an
attribution whose Content is ``her pregnancy``; a journalist would not call
those words a statement. Such records stay (the benchmark counts them) but carry
``topic=True``, so a reader or a search can tell them apart.

The rule, over the parse of an indirect record's content:

* an indirect question is a topic (``opened up on why she shared the
  photos``, ``did not say when the vote is``): the answer is not in the
  text. Not when the speaker asked it (``asked whether the shop was open``):
  then the question is what was said.
* a clause of its own (``that they would name the baby Jack``, ``he would
  vote no``, ``to resign``) or a small clause (``called the plan a
  disaster``, ``described him as a liar``) is a statement.
* what is left has no verb of its own: a noun phrase (or a bare gerund). It
  is a topic when the cue only says that someone talked about something
  (``addressed the concerns of farmers``, ``documented her pregnancy``,
  ``mentioned the weather``, ``spoke about the economy``, ``asked about the
  budget``). With a
  cue that carries the speaker's act or stance the noun phrase is what they
  said: ``thanked her followers for their support`` says "thank you for
  your support", ``denied the allegations`` says "they are false", likewise
  ``expressed gratitude``, ``announced his resignation``, ``called for a
  moratorium``, ``praised the director``.

A topic that only names people (``addressed her critics``, ``referred to
Cruz``) names those spoken to or about and nothing said: such records are
left out once the quotes are dated (:func:`without_people_topics`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from saidwhen.extract.memo import doc_tokens
from saidwhen.extract.people.names import person_noun
from saidwhen.extract.speech.view import article_view
from saidwhen.model import Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "TALKING_ABOUT",
    "cue_word",
    "is_topic",
    "mark_topics",
    "names_people_only",
    "without_people_topics",
]

# Verbs (lemmas) that say only that someone talked about something.
TALKING_ABOUT = frozenset(
    "address discuss mention talk speak comment describe document detail refer reference "
    "raise broach recount reflect touch open elaborate outline explain testify muse ponder "
    "weigh respond reply react answer blog".split()
)
# Nouns of talk whose object is a topic: "his remarks on the economy", "questions about".
_TALK_NOUNS = frozenset(
    "remark comment statement speech discussion debate conversation question testimony "
    "talk interview lecture briefing".split()
)
# Verbs of plain saying: a topic only through "about", "of", "on" ("asked about the budget").
_PLAIN_SAYING = frozenset("say tell ask write post tweet".split())
_ABOUT = frozenset("about of on regarding concerning".split())
# Cues whose indirect question is what was said: the speaker asked it.
_ASKING = frozenset("ask inquire enquire query question wonder know".split())
# Words that open an indirect question ("why she left", "whether it works").
_QUESTION_WORDS = frozenset("who whom whose what which when where why how whether if".split())
# "what he called a breach" names a thing, it asks nothing
_NAMING = frozenset("call dub term label describe".split())
# Dependents that give an object a predicate of its own: "the plan a disaster".
_PREDICATES = frozenset({"oprd", "acomp", "xcomp", "ccomp", "attr"})
# A content of only this word is a clause cut short ("responded that").
_CUT_OFF = frozenset("that which what".split())
_QUOTE_MARKS = frozenset("\"'“”‘’„«»`")
# Who a topic may name as those spoken to or about (with person nouns: "her critics")
_PEOPLE_PRONOUNS = frozenset("him her them me us you himself herself themselves".split())
_AUDIENCES = frozenset("audience crowd follower fan viewer listener reader".split())


def mark_topics(doc: Doc, quotes: Iterable[Quote]) -> list[Quote]:
    """The quotes, each indirect one flagged ``topic`` when :func:`is_topic` says so.

    Direct quotes and fragments are a speaker's own words: never topics.
    """
    return [
        dataclasses.replace(q, topic=True) if q.kind == "indirect" and is_topic(doc, q) else q
        for q in quotes
    ]


def is_topic(doc: Doc, quote: Quote) -> bool:
    """Whether an indirect record's content names what was talked about (module docstring)."""
    return _is_topic(doc, quote.start, quote.end, quote.cue)


def without_people_topics(doc: Doc, quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes without the topics that only name people (:func:`names_people_only`),
    the indices of the others (``continues``, ``repeat_of``) renumbered.  Run once the
    quotes are dated: "Lee was asked about the mayor" tells when Lee spoke."""
    drop = {
        k
        for k, q in enumerate(quotes)
        if q.kind == "indirect" and names_people_only(doc, q.start, q.end, q.cue)
    }
    if not drop:
        return list(quotes)
    new: dict[int, int] = {}  # old index -> new
    for k in range(len(quotes)):
        if k not in drop:
            new[k] = len(new)

    def moved(k: int | None) -> int | None:
        return None if k is None else new.get(k)

    return [
        dataclasses.replace(q, continues=moved(q.continues), repeat_of=moved(q.repeat_of))
        for k, q in enumerate(quotes)
        if k not in drop
    ]


def names_people_only(doc: Doc, start: int, end: int, cue: Span | None) -> bool:
    """Whether the words ``doc[start:end]`` (character offsets), reported by ``cue``, are
    a topic that only names people: those spoken to or about ("addressed her critics",
    "referred to Cruz", "talked about the governor"), no statement.  Not after a noun of
    talk ("a heated debate about the nominees": PolNeAR marks it), nor a description's
    either side ("referring to X as ...", "described him as a hero", "described a
    candidate aggrieved").  On the realnews
    tuning sets 1 of 37 such records is a gold statement; on PolNeAR dev none of 2."""
    if not _is_topic(doc, start, end, cue):
        return False
    words = _words(doc, start, end)
    if _beside_as(doc, words):
        return False
    tops = _tops(words)
    # the noun phrase, with no more than a phrase of place or channel ("in his speech")
    if not tops or any(t.dep_ != "prep" or t.lower_ in _ABOUT for t in tops[1:]):
        return False
    head = tops[0]
    if head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    if head.head.pos_ == "NOUN" or (head.head.pos_ == "ADP" and head.head.head.pos_ == "NOUN"):
        return False  # the cue is a noun of talk
    if any(c.dep_ == "acl" for c in head.children):
        return False  # "described a candidate aggrieved": what the person is said to be
    lemma = head.lemma_.lower()
    return (
        head.ent_type_ == "PERSON"
        or head.lower_ in _PEOPLE_PRONOUNS
        or (head.pos_ == "NOUN" and (person_noun(lemma) or lemma in _AUDIENCES))
    )


def _beside_as(doc: Doc, words: Sequence[Token]) -> bool:
    """Whether "as" stands right before or after the words, past punctuation."""
    if not words:
        return False
    k = words[0].i - 1
    while k >= 0 and (doc[k].is_punct or doc[k].is_space):
        k -= 1
    j = words[-1].i + 1
    while j < len(doc) and (doc[j].is_punct or doc[j].is_space):
        j += 1
    return (k >= 0 and doc[k].lower_ == "as") or (j < len(doc) and doc[j].lower_ == "as")


def _is_topic(doc: Doc, start: int, end: int, quote_cue: Span | None) -> bool:
    if quote_cue is None or quote_cue.text in (":", "according to"):
        return False
    content = _words(doc, start, end)
    if not content:
        return False
    if len(content) == 1 and content[0].lower_ in _CUT_OFF:
        return False  # "responded that": a clause the parser cut off, not a topic
    tops = _tops(content)
    cue = _cue_word(doc, quote_cue, content)
    if cue is None:
        return False
    if _asks(content, tops):
        return cue.lemma_.lower() not in _ASKING
    if _has_clause(tops) or _has_predicate(tops) or _cue_has_as(doc, quote_cue):
        return False
    return _talks_about(cue, tops)


def _words(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens of ``doc[start:end]`` (character offsets) without punctuation."""
    view = article_view(doc)
    got = view.token_range(start, end)
    if got is None:
        return []
    # (read from the view's columns: a Token made only for the words kept)
    punct, texts = view.is_punct, view.texts
    toks = doc_tokens(doc)
    return [toks[i] for i in range(*got) if not punct[i] and texts[i] not in _QUOTE_MARKS]


def _tops(toks: Sequence[Token]) -> list[Token]:
    """The content's own heads: its tokens governed from outside it."""
    if not toks:
        return []
    head = article_view(toks[0].doc).head
    ids = {t.i for t in toks}
    return [t for t in toks if head[t.i] not in ids or head[t.i] == t.i]


def cue_word(doc: Doc, quote: Quote, content: Sequence[Token]) -> Token | None:
    """The word of the cue that governs the content: "say" in "refused to say",
    "opened" in "opened up on", "questions" in "raised questions about"."""
    return None if quote.cue is None else _cue_word(doc, quote.cue, content)


def _cue_word(doc: Doc, quote_cue: Span, content: Sequence[Token]) -> Token | None:
    cue = _words(doc, quote_cue.start, quote_cue.end)
    ids = {t.i for t in cue}
    for top in _tops(content):
        tok = top
        for _ in range(4):  # content -> (preposition ->) cue word
            if tok.i in ids or tok.head.i == tok.i:
                break
            tok = tok.head
        if tok.i in ids:
            while tok.pos_ == "ADP" and tok.head.i in ids and tok.head.i != tok.i:
                tok = tok.head
            return tok
    heads = [t for t in cue if t.pos_ in ("VERB", "NOUN")]
    return heads[-1] if heads else None


def _asks(content: Sequence[Token], tops: Sequence[Token]) -> bool:
    """An indirect question: a lower-case wh-word (or whether/if) first, belonging to
    the content's own verb ("why she left"; not "if it rains, we stay")."""
    first = content[0]
    if first.text not in _QUESTION_WORDS:  # lower case: never a sentence's start
        return False
    verbs = [t for t in tops if t.pos_ in ("VERB", "AUX")]
    if len(verbs) != 1 or verbs[0].dep_ == "advcl":  # "said when she resigned that ..."
        return False
    verb = verbs[0]
    tok = first
    while tok.i != verb.i:
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.i != verb.i:
            return False  # the wh-word opens a clause inside the content
    if first.lower_ == "how" and first.i + 1 < len(first.doc) and first.nbor().pos_ == "ADJ":
        return False  # "how important it is": an exclamation, it says how important
    return not (first.lower_ == "what" and verb.lemma_.lower() in _NAMING)


def _has_clause(tops: Sequence[Token]) -> bool:
    """A verb of its own, other than a gerund without a subject ("talked about leaving")."""
    for t in tops:
        if t.pos_ in ("VERB", "AUX"):
            subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            if t.tag_ != "VBG" or subject:
                return True
    return False


def _has_predicate(tops: Sequence[Token]) -> bool:
    """An object with a predicate: "the plan a disaster", "him as a liar"."""
    return any(t.dep_ in _PREDICATES or (t.dep_ == "prep" and t.lower_ == "as") for t in tops)


def _cue_has_as(doc: Doc, cue: Span) -> bool:
    """The predicate came with the cue: "is describing as 'unhinged' a tweet"."""
    return any(t.lower_ == "as" for t in _words(doc, cue.start, cue.end))


def _talks_about(cue: Token, tops: Sequence[Token]) -> bool:
    """The cue says only that someone talked about the content's noun phrase."""
    lemma = cue.lemma_.lower()
    if cue.pos_ == "NOUN":
        return lemma in _TALK_NOUNS
    if lemma in TALKING_ABOUT:
        return True
    return lemma in _PLAIN_SAYING and any(_after_about(t) for t in tops)


def _after_about(tok: Token) -> bool:
    """``about the budget``: the token is "about" (of, on ...) or its object."""
    if tok.dep_ == "prep":
        return tok.lower_ in _ABOUT
    return tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in _ABOUT
