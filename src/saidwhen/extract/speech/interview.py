"""Interviews and transcripts: paragraphs that open with a speaker's label.

A Q&A interview prints each turn as a paragraph: ``Q: ...`` for the
interviewer, then ``A: ...`` or ``Ruiz: ...`` for the one who answers; a
transcript labels every turn with a name (``MAYOR DIAZ: ...``).  The words
after the label are what that speaker said, as a quotation would give them,
without quotation marks and without a speech verb (an article that quotes a
transcript opens each turn with a quotation mark and closes only the last one:
the marks are the article's, the turns still the labels').  An answer with no label
of its own (the paragraph after a question) is the interviewee's.

The layout is read only where it is one: at least two labelled turns, so that
a heading such as ``Update: ...`` or ``Profile: Ana Ruiz`` is not a speaker,
and, without questions, turns that speak in the first or second person (a
summary per candidate, ``Clinton: needs a win in Iowa``, is no dialogue).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from saidwhen.extract.people import PeopleIndex
from saidwhen.extract.quotes import paragraphs
from saidwhen.extract.speech.types import Draft
from saidwhen.extract.speech.view import ArticleView, window_tokens
from saidwhen.model import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Turn", "interview_drafts", "turns"]

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
_NOT_PEOPLE = frozenset({"GPE", "LOC", "DATE", "TIME", "NORP", "FAC", "EVENT"})


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


def _unlabelled_answers(view: ArticleView, found: list[Turn]) -> list[tuple[int, int]]:
    """Paragraphs with no label right after a question: the answer to it."""
    out: list[tuple[int, int]] = []
    questions = {t.label_start for t in found if t.role == "question"}
    labelled = {t.label_start for t in found}
    after_question = False
    for p_start, p_end in paragraphs(view.text, view.start):
        label_at = next((t.label_start for t in found if p_start <= t.label_start < p_end), None)
        if label_at is not None:
            after_question = label_at in questions
            continue
        if after_question and label_at not in labelled:
            out.append((p_start, p_end))
    return out


def interview_drafts(view: ArticleView, people: PeopleIndex, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` with the turns of an interview as direct quotes by their speakers.

    A turn's words in quotation marks are left to the quote finders; a report
    the rules read into a turn (``Ruiz: we will`` as reported speech) gives way.
    """
    found = turns(view)
    if not any(t.role != "question" for t in found):
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
        speaker = _label_speaker(view, people, t) if t.role == "named" else interviewee
        cue = Span(":", t.colon, t.colon + 1)
        new.append(Draft(t.start, t.end, "direct", speaker=speaker, cue=cue))
    if interviewee is not None:
        for s, e in _unlabelled_answers(view, found):
            while e > s and text[e - 1].isspace():
                e -= 1
            if not _QUOTE_MARKS & set(text[s:e]):
                new.append(Draft(s, e, "direct", speaker=interviewee, inherited=True))
    if not new:
        return drafts
    kept = [d for d in drafts if not any(n.start < d.end and d.start < n.end for n in new)]
    return kept + new


def _interviewee(
    view: ArticleView, people: PeopleIndex, found: list[Turn], n_named: int
) -> Speaker | None:
    """Who answers the unlabelled and ``A:`` turns: the one named speaker, or with no
    named turn, the person the introduction (before the first turn) names most."""
    if n_named == 1:
        return _label_speaker(view, people, next(t for t in found if t.role == "named"))
    if n_named > 1:
        return None  # a transcript of several speakers: an unlabelled turn is anyone's
    first = found[0].label_start
    best: tuple[int, int] = (0, 0)
    who = None
    for k, person in enumerate(people.persons()):
        before = [m for m in person.mentions if m.start < first]
        if (len(before), -k) > best:
            best, who = (len(before), -k), (person.name, before[-1])
    if who is None:
        return None
    name, mention = who
    return Speaker(name, mention.text, mention.start, mention.end)


def _label_speaker(view: ArticleView, people: PeopleIndex, turn: Turn) -> Speaker | None:
    toks = [t for t in window_tokens(view.doc, turn.label_start, turn.colon) if not t.is_punct]
    if not toks:
        return None
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
    mention = view.text[s:e]
    return Speaker(people.resolve(s, e) or mention, mention, s, e)
