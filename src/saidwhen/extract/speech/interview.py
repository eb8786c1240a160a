"""Interviews and transcripts: paragraphs that open with a speaker's label.

A Q&A interview prints each turn as a paragraph: ``Q: ...`` for the
interviewer, then ``A: ...`` or ``Ruiz: ...`` for the one who answers; a
transcript labels every turn with a name (``MAYOR DIAZ: ...``).  The words
after the label are what that speaker said, as a quotation would give them,
without quotation marks and without a speech verb (an article that quotes a
transcript opens each turn with a quotation mark and closes only the last one:
the marks are the article's, the turns still the labels').  An answer with no label
of its own (the paragraph after a question) is the interviewee's.

A page whose questions lost their bold type on the way to plain text has no labels
at all: an introduction that announces an interview ("Wikinews interviews ...",
"sat down with ..."), then questions (paragraphs ending in "?") each followed by
its answer.  That layout is read too, questions as unlabelled ``question`` turns.

The layout is read only where it is one: at least two labelled turns, so that
a heading such as ``Update: ...`` or ``Profile: Ana Ruiz`` is not a speaker,
and, without questions, turns that speak in the first or second person (a
summary per candidate, ``Clinton: needs a win in Iowa``, is no dialogue).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from saidwhen.extract.people import PeopleIndex
from saidwhen.extract.quotes import paragraphs
from saidwhen.extract.speech.lexicon import PHOTO_CREDIT
from saidwhen.extract.speech.types import ByStart, Draft
from saidwhen.extract.speech.view import ArticleView, window_tokens
from saidwhen.model import Person, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Turn", "interview_drafts", "question_turns", "turns"]

_QUESTION = frozenset({"q", "question", "interviewer"})
_ANSWER = frozenset({"a", "answer"})
# A label is short: a name, a role or Q/A ("Q", "Sen. Ana Ruiz", "MAYOR DIAZ"); an
# article that quotes a transcript opens each turn with a quotation mark (group 1).
_LABEL = re.compile(r"[ \t]*([\"“]?)[ \t]*([^:\n\"“”]{1,40}?)[ \t]*:[ \t]+(?=\S)")
_QUOTE_MARKS = frozenset('"“”„«»')
# Labels that head a paragraph without being anyone's turn.
_NOT_SPEAKERS = frozenset(
    "update updated note editor photo photos video watch read related profile contributing "
    "source sources correction clarification warning disclaimer advertisement sponsored "
    "listen subscribe see also more breaking latest live exclusive h/t via".split()
)
# Words of someone speaking for themselves: a dialogue has them, a summary does not.
_WORD = re.compile(r"\w+")
_PERSONAL = frozenset("i me my we us our you your".split())
_FIRST_PERSON = frozenset("i me my mine we us our ours".split())
_NOT_PEOPLE = frozenset({"GPE", "LOC", "DATE", "TIME", "NORP", "FAC", "EVENT"})
# An introduction announcing an interview layout; "said in an interview" only tells
# where a news story's quotes come from.
_ANNOUNCES = re.compile(
    r"\b(?:interview(?:s|ed|ing)?|Q ?& ?A|sat down with|spoke (?:to|with)"
    r"|talk(?:s|ed) (?:to|with)|discuss(?:es|ed)? (?:[\w’']+ ){0,4}with)\b",
    re.IGNORECASE,
)
_TOLD_WHERE = re.compile(r"\b(?:in|during|from|to) (?:an?|the|his|her|their) (?:\w+ ){0,2}$", re.I)
_PHRASE_ENDS = frozenset({"ADP", "PUNCT", "VERB", "AUX", "SCONJ", "CCONJ", "PART"})
_SENTENCE_END = frozenset('.!?…"”’)')
# Prepositions that tell who a described interviewee is, not what they talk about.
_WHOSE = frozenset({"of", "in", "at", "from"})
_THIRD_PERSON = frozenset({"he", "him", "she", "her"})
_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})


@dataclass(frozen=True, slots=True)
class Turn:
    """One labelled paragraph: the label ``text[label_start:colon]``, the words after it."""

    label_start: int
    colon: int
    start: int  # the words: text[start:end]
    end: int
    role: str  # "question", "answer" (the interviewee, unnamed) or "named"
    quoted: bool = False  # the turn opens with a quotation mark (a quoted transcript)


def _is_name_label(toks: list[Token]) -> bool:
    """A person's name or a transcript's capitals: not a place ("Iowa:"), a group
    ("Insiders:"), a date or a heading word ("Breaking:", "Delegate Update:")."""
    words = [t for t in toks if not t.is_punct]
    if not words or len(words) > 4 or len(words) < len(toks):
        return False
    if any(t.lower_ in _NOT_SPEAKERS or t.ent_type_ in _NOT_PEOPLE for t in words):
        return False
    if words[-1].tag_ in ("NNS", "NNPS") and not words[-1].is_upper:
        return False  # a group; a transcript's capitals often fool the tagger ("RAMOS")
    return all(
        t.pos_ == "PROPN" or t.is_upper or (t.is_title and t.pos_ in ("NOUN", "PROPN"))
        for t in words
    )


def turns(view: ArticleView) -> list[Turn]:
    """The labelled paragraphs of an interview or transcript; [] when there are fewer
    than two (a lone ``Label: ...`` is a heading, not a layout)."""
    text = view.text
    found: list[Turn] = []
    for p_start, p_end in paragraphs(text, view.start):
        m = _LABEL.match(text, p_start, p_end)
        if m is None:
            continue
        label = m.group(2).strip().lower().rstrip(".")
        end = p_end
        while end > m.end() and text[end - 1].isspace():
            end -= 1
        quoted = bool(m.group(1))
        if quoted and text[end - 1] in _QUOTE_MARKS:
            end -= 1  # the closing mark of the last turn quoted
        colon = m.end(2) + text[m.end(2) : m.end()].index(":")
        if label in _QUESTION:
            role = "question"
        elif label in _ANSWER:
            role = "answer"
        elif _is_name_label(list(window_tokens(view.doc, m.start(2), m.end(2)))):
            role = "named"
        else:
            continue
        found.append(Turn(m.start(2), colon, m.end(), end, role, quoted))
    if len(found) < 2:
        return []
    named = [t for t in found if t.role == "named"]
    spoken = [
        t for t in named if _PERSONAL & set(re.findall(r"\w+", text[t.start : t.end].lower()))
    ]
    if named and not any(t.role == "question" for t in found) and 3 * len(spoken) < len(named):
        return []  # "Clinton: needs a win in Iowa": a summary per name, not a dialogue
    return found


def question_turns(view: ArticleView) -> list[Turn]:
    """The questions of an interview printed without labels; [] unless the layout is one.

    The introduction before the first question must announce an interview, there must
    be two questions each followed by a paragraph that is no question, one of them
    must ask "you", and a third of those answers at least must speak in the first
    person: rhetorical questions in a news story or a feature do neither ("What would
    you do if your home burned down?" answered by the narrator's "For Ana Ruiz, the
    answer was simple.").
    """
    text = view.text
    paras = paragraphs(text, view.start)
    asks: list[int] = []
    for k, (s, e) in enumerate(paras):
        para = text[s:e].rstrip()
        if para.endswith("?") and not _QUOTE_MARKS & set(para) and ":" not in para[:40]:
            asks.append(k)
    asked = set(asks)
    answered = [k for k in asks if k + 1 < len(paras) and k + 1 not in asked]
    if len(answered) < 2:
        return []
    if next(_announcements(text, view.start, paras[asks[0]][0]), None) is None:
        return []
    if not _SECOND_PERSON.intersection(_words(text, [paras[k] for k in asks])):
        return []
    spoken = sum(bool(_FIRST_PERSON.intersection(_words(text, [paras[k + 1]]))) for k in answered)
    if 3 * spoken < len(answered):
        return []
    asks = sorted(asks + _prompts(text, paras, asked))
    return [Turn(paras[k][0], paras[k][0], paras[k][0], paras[k][1], "question") for k in asks]


# An interviewer's prompt is short: "You have a long career in poetry." (in words)
_PROMPT_WORDS = 30


def _prompts(text: str, paras: list[tuple[int, int]], asked: set[int]) -> list[int]:
    """The interviewer's prompts without a question mark ("You have received a good deal
    of attention recently."): a short paragraph that says "you" and not "I" or "we",
    with no quotation marks, not right after a question (there it is the answer, "You'd
    serve it with pie."), before an answer in the first person or a question."""
    out = []
    for k in range(len(paras) - 1):
        if k in asked or k - 1 in asked:
            continue
        s, e = paras[k]
        para = text[s:e].rstrip()
        words = list(_words(text, [(s, e)]))
        if (
            len(words) > _PROMPT_WORDS
            or not para.endswith(".")
            or _QUOTE_MARKS & set(para)
            or not _SECOND_PERSON.intersection(words)
            or _FIRST_PERSON.intersection(words)
        ):
            continue
        if k + 1 in asked or _FIRST_PERSON.intersection(_words(text, [paras[k + 1]])):
            out.append(k)
    return out


def _words(text: str, spans: list[tuple[int, int]]) -> Iterator[str]:
    """The words of ``text`` in these spans, in lower case."""
    for s, e in spans:
        for w in _WORD.findall(text, s, e):
            yield w.lower()


def _unlabelled_answers(view: ArticleView, found: list[Turn]) -> list[tuple[int, int]]:
    """Paragraphs with no label right after a question: the answer to it."""
    out: list[tuple[int, int]] = []
    questions = {t.label_start for t in found if t.role == "question"}
    labels = sorted(t.label_start for t in found)  # (a paragraph's label by bisection)
    after_question = False
    for p_start, p_end in paragraphs(view.text, view.start):
        k = bisect.bisect_left(labels, p_start)
        if k < len(labels) and labels[k] < p_end:
            after_question = labels[k] in questions
            continue
        para = view.text[p_start:p_end].rstrip()
        # a heading between answers ("On the budget") is nobody's words, nor is a
        # photo's caption ("The pier in 1990. Image: Ana Ruiz.")
        # a question with quotation marks in it is no answer either
        if (
            after_question
            and para[-1:] in _SENTENCE_END
            and para[-1] != "?"
            and not PHOTO_CREDIT.search(para)
        ):
            out.append((p_start, p_end))
    return out


def interview_drafts(view: ArticleView, people: PeopleIndex, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` with the turns of an interview as direct quotes by their speakers.

    A turn's words in quotation marks are left to the quote finders; a report
    the rules read into a turn (``Ruiz: we will`` as reported speech) gives way.
    """
    found = turns(view) or question_turns(view)
    if not found:
        return drafts
    text = view.text
    named = Counter(text[t.label_start : t.colon].strip() for t in found if t.role == "named")
    interviewee = _interviewee(view, people, found, len(named))
    new: list[Draft] = []
    for t in found:
        # a turn with quotation marks of its own is left to the quote finders, unless the
        # marks are the article's, around the whole turn
        if t.role == "question" or (not t.quoted and _QUOTE_MARKS & set(text[t.start : t.end])):
            continue
        if any(t.start <= r.open_mark < t.end and text[r.open_mark] in "‘'" for r in view.regions):
            continue  # a headline's single marks: "Ruiz: 'It Is Not A Tax' To ..."
        speaker = _label_speaker(view, people, t) if t.role == "named" else interviewee
        cue = Span(":", t.colon, t.colon + 1)
        new.append(Draft(t.start, t.end, "direct", speaker=speaker, cue=cue))
    # with no named turn the answers are the interviewee's, named or not; in a
    # transcript of several names an unlabelled paragraph is anyone's
    if interviewee is not None or not named:
        # a paragraph that names who says its words ("..., Mayor Tom Lee said") is the
        # article's narration, not an answer (but "I told the board" is one, and so is
        # one that says "I" or "we" besides)
        told = sorted(
            d.speaker.start
            for d in drafts
            if d.speaker is not None
            and d.cue is not None
            and d.speaker.mention.lower() not in _PERSONAL
        )
        for s, e in _unlabelled_answers(view, found):
            while e > s and text[e - 1].isspace():
                e -= 1
            if bisect.bisect_left(told, e) > bisect.bisect_left(told, s) and not _speaks_itself(
                view, s, e
            ):
                continue
            if text[s] not in _QUOTE_MARKS:  # (quotes inside an answer are in its words)
                new.append(Draft(s, e, "direct", speaker=interviewee, inherited=True))
    if not new:
        return drafts
    in_turn = ByStart(new)
    return [d for d in drafts if not in_turn.overlapping(d.start, d.end)] + new


def _speaks_itself(view: ArticleView, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` speaks in the first person outside quotation marks:
    an answer may report others ("some folks believe ..."), narration does not say "I".
    (The view knows which tokens are quoted; its arrays, no Token built per word.)"""
    lo = bisect.bisect_left(view.idx, start)
    hi = bisect.bisect_left(view.idx, end, lo=lo)
    lower, quoted = view.lower, view.quoted
    return any(lower[i] in _FIRST_PERSON and i not in quoted for i in range(lo, hi))


def _interviewee(
    view: ArticleView, people: PeopleIndex, found: list[Turn], n_named: int
) -> Speaker | None:
    """Who answers the unlabelled and ``A:`` turns: the one named speaker; with no
    named turn, the person the introduction says is interviewed ("Wikinews spoke with
    Ana Ruiz"), else the person it names most.  An interview announced of someone
    unnamed is that description's ("one of the bar's owners")."""
    if n_named == 1:
        return _label_speaker(view, people, next(t for t in found if t.role == "named"))
    if n_named > 1:
        return None  # a transcript of several speakers: an unlabelled turn is anyone's
    first = found[0].label_start
    persons = [p for p in people.persons() if p.type == "person"]
    announced, who = _announced(view, people, persons, first)
    if announced:
        return who
    best: tuple[int, int] = (0, 0)
    for k, person in enumerate(persons):
        before = [m for m in person.mentions if m.start < first]
        if (len(before), -k) > best:
            best, who = (
                (len(before), -k),
                Speaker(person.name, before[-1].text, before[-1].start, before[-1].end),
            )
    return who


def _announcements(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The words in ``text[lo:hi]`` that announce an interview layout."""
    for m in _ANNOUNCES.finditer(text, lo, hi):
        if not _TOLD_WHERE.search(text, max(lo, m.start() - 40), m.start()):
            yield m


def _announced(
    view: ArticleView, people: PeopleIndex, persons: list[Person], first: int
) -> tuple[bool, Speaker | None]:
    """(whether the introduction announces an interview, the person it names as the
    interviewee): the object of "interviews", "spoke with", "an interview with", or the
    subject of "interviewed by", when a person's name is (or stands in apposition to)
    it; a "he"/"she" subject ("He discusses his work with Wikinews") for the people
    stage to resolve; with no one named, the fullest description of the one
    interviewed ("one of the owners of a bar")."""
    doc = view.doc
    owner = {(s.start, s.end): (p.name, s) for p in persons for s in p.mentions}
    held = _Holders(list(owner))
    values = list(owner.values())
    announced = False
    described: list[list[Token]] = []
    for m in _announcements(view.text, view.start, first):
        announced = True
        labelled = _headline_label(view, people, m.start())
        if labelled is not None:
            return True, labelled
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        # a headline's parse is often wrong ("Wikinews interviews" as a noun): the noun
        # phrase right after the announcing word stands in for the object
        after = _words_after(doc, m.end())
        heads = _interviewed(span[-1] if span else None)
        for tok in [t for h in heads for t in _named_in(h)] + after:
            rank = held.first_holding(tok.idx)
            if rank is not None:
                name, mention = values[rank]
                return True, Speaker(name, mention.text, mention.start, mention.end)
        # "He now discusses his work with Wikinews": the people stage resolves "he"
        third = [h for h in heads if h.lower_ in _THIRD_PERSON]
        if third:
            t = third[0]
            return True, Speaker(None, t.text, t.idx, t.idx + len(t))
        described += [_described(h) for h in heads if h.pos_ in ("NOUN", "NUM")] + [after]
    # no one named: the fullest description of the one interviewed ("one of the owners
    # of a New York City bar" over the headline's "New York bar owner")
    best = max(described, key=len, default=[])
    if not best or not any(t.pos_ == "NOUN" for t in best):
        return announced, None
    s, e = best[0].idx, best[-1].idx + len(best[-1])
    return announced, Speaker(view.text[s:e], view.text[s:e], s, e)


# "Ana Ruiz: An interview with the harbor's poet": the words before the colon of a
# paragraph whose announcement follows it (a name, capitalised, no sentence)
_HEADLINE_LABEL = re.compile(r"([A-Z][^\n:.?!\"“”]{1,50}?)\s*:\s*(?:an?\s+|the\s+)?$", re.I)


def _headline_label(view: ArticleView, people: PeopleIndex, at: int) -> Speaker | None:
    """Who a heading "Ana Ruiz: An interview with the 'Harbor Poet'" says is interviewed:
    the name before the colon, not the nickname after "with"."""
    text = view.text
    lo = text.rfind("\n", view.start, at) + 1 or view.start
    m = _HEADLINE_LABEL.fullmatch(text, max(lo, view.start), at)
    if m is None:
        return None
    toks = [t for t in window_tokens(view.doc, m.start(1), m.end(1)) if not t.is_punct]
    if (
        not toks
        or len(toks) > 5
        or not all(t.text[:1].isupper() or t.lower_ == "the" for t in toks)
    ):
        return None
    if any(t.lower_ in _NOT_SPEAKERS for t in toks):
        return None  # "Exclusive: An interview with ..."
    if toks[0].lower_ == "the" and len(toks) > 1:
        toks = toks[1:]
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
    name = people.resolve(s, e)
    if name is None and not any(t.pos_ == "PROPN" for t in toks):
        return None
    return Speaker(name or text[s:e], text[s:e], s, e)


def _described(head: Token) -> list[Token]:
    """The words of the noun phrase ``head`` heads, with its "of", "in", "at" and "from"
    phrases ("the owners of a dungeon") but not what the interview is about ("about
    the cocktail")."""
    keep = [head]
    todo = [head]
    while todo:
        t = todo.pop()
        for c in t.children:
            if (
                c.dep_ in ("det", "amod", "compound", "nummod", "poss", "case", "nmod")
                or (c.dep_ == "prep" and c.lower_ in _WHOSE)
                or (c.dep_ == "pobj" and t.lower_ in _WHOSE)
            ):
                keep.append(c)
                todo.append(c)
    keep.sort(key=lambda t: t.i)
    lo, hi = keep[0].i, keep[-1].i + 1
    return [t for t in head.doc[lo:hi] if not t.is_space]


class _Holders:
    """Character spans, asked which one holds a position: the first in their order,
    found by bisection over their starts (not by a scan of every span for each word
    asked, which grew with the square of a long introduction)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = sorted((s, rank, e) for rank, (s, e) in enumerate(spans))
        self._starts = [s for s, _, _ in self._spans]
        self._longest = max((e - s for s, e in spans), default=0)

    def first_holding(self, pos: int) -> int | None:
        """The rank (place in the list given) of the first span with ``start <= pos < end``."""
        best = None
        k = bisect.bisect_right(self._starts, pos)
        # only a span starting within the longest span's length of ``pos`` can hold it
        while k > 0 and self._starts[k - 1] > pos - self._longest:
            k -= 1
            _, rank, end = self._spans[k]
            if pos < end and (best is None or rank < best):
                best = rank
        return best


def _interviewed(tok: Token | None) -> list[Token]:
    """Who may be the one interviewed, best first: the object of the announcing verb
    (the noun after its "with"/"to"; the subject of its passive); after "spoke
    with"/"sat down with" someone not named ("spoke to us"), the verb's subject."""
    if tok is None:
        return []
    verb = tok.head if tok.lower_ in ("with", "to") else tok
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        verb = verb.head  # "discusses his work with Wikinews"
    found: list[Token] = []
    if tok.lower_ in ("with", "to"):
        found += [c for c in tok.children if c.dep_ == "pobj"]
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            found.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("with", "to"):
            found += [g for g in c.children if g.dep_ == "pobj"]
    if verb.dep_ in ("acl", "relcl") and verb.head.i != verb.i:
        found.append(verb.head)  # "Jack Herrick, founder, interviewed by Wikinews"
    if verb.lemma_ != "interview":
        found += [c for c in verb.children if c.dep_ == "nsubj"]
    return found


def _words_after(doc: Doc, pos: int) -> list[Token]:
    """The words of the noun phrase that starts at ``pos``, up to a preposition, a
    verb or punctuation ("Ana Ruiz on the strike" -> Ana Ruiz)."""
    out: list[Token] = []
    for tok in window_tokens(doc, pos, pos + 80):
        if tok.pos_ in _PHRASE_ENDS or len(out) == 6 or "\n" in tok.text_with_ws:
            break
        out.append(tok)
    return out


def _named_in(head: Token) -> list[Token]:
    """The tokens of ``head``'s noun phrase that may be a name: itself and the nouns in
    apposition, compound or conjoined with it, not those of its prepositions."""
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ in ("appos", "compound", "conj", "flat")]
    return out


def _label_speaker(view: ArticleView, people: PeopleIndex, turn: Turn) -> Speaker | None:
    toks = [t for t in window_tokens(view.doc, turn.label_start, turn.colon) if not t.is_punct]
    if not toks:
        return None
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
    mention = view.text[s:e]
    return Speaker(people.resolve(s, e) or mention, mention, s, e)
