"""A headline's quote and its speaker, read from the words.

A Title Case headline capitalises its verbs, and the parser takes "Says", "Tells" or
"Slams" for part of a name: no cue verb, or a name that runs over the verb. Its
layouts are few (``Dean Tells Voters Guns Are 'A Crisis'``, ``Dean: 'A Crisis'``,
``Guns Are 'A Crisis,' Dean Says``), so the words say who speaks: the name right
before a speech verb in its headline form, or before a colon that opens the line.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING

from saidwhen.extract.lexicon import TITLES
from saidwhen.extract.people import PeopleIndex
from saidwhen.extract.quotes import HEADLINE_CHARS, QuoteRegion
from saidwhen.extract.speech.nonquote import in_headline
from saidwhen.extract.speech.types import Draft
from saidwhen.model import Span, Speaker

if TYPE_CHECKING:
    from saidwhen.extract.speech.view import ArticleView

__all__ = ["headline_cue", "headline_reports"]

# Verbs a headline reports speech with (their lemmas); a headline writes them in the
# present's third person: Says, Tells, Slams, Denies, Pushes
_HEADLINE_CUES = frozenset(
    """
    say tell slam blast warn call urge claim insist vow admit deny accuse charge rip knock
    tout defend dismiss reject praise mock attack criticize criticise question ask argue
    predict promise pledge declare announce suggest complain boast concede rebuke lash
    chide scold hail decry denounce condemn blame brand label dub quote tweet write add
    find rule reveal confirm explain stress recall
    """.split()
)
# a word of a name inside it, never its first ("Board of Elections", "Charles de Gaulle")
_NAME_INNER = frozenset("of de del della da van von der la le".split())
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
# a name in a headline is short; one before a colon shorter ("Ruiz Endorses Lee: ..."
# is a headline's clause)
_MOST_NAME_WORDS = 5
_MOST_LABEL_WORDS = 3
# the end of a sentence inside a line ("the tax. Lee", not "Mr. Lee" or "U.S. Lee"; nor a
# title, "Sen. Lee", which _holds_sentence_end looks up)
_SENTENCE_END = re.compile(r"([^\W\d_]*[a-z]{2})[.!?] ")


def _holds_sentence_end(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] ends a sentence before its end: a word of two lower-case
    letters or more and a stop, other than a title's abbreviation ("Gov. Lee Says")."""
    return any(
        m.group(1).lower() not in TITLES and m.group(1).lower() + "." not in TITLES
        for m in _SENTENCE_END.finditer(text, lo, hi)
    )


def _cue_lemma(word: str) -> str | None:
    """The lemma of a speech verb in its headline form ("Says", "Denies"), else None."""
    w = word.rstrip(".").lower()
    for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
        if w.endswith(cut) and w[: len(w) - len(cut)] + add in _HEADLINE_CUES:
            return w[: len(w) - len(cut)] + add
    return None


def _name_word(word: str, inner: bool) -> bool:
    return (word[:1].isupper() and _cue_lemma(word) is None) or (
        inner and word.lower() in _NAME_INNER
    )


def _run_before(words: list[re.Match[str]], k: int, text: str) -> list[re.Match[str]]:
    """The capitalised words right before ``words[k]``, with only spaces between them
    (a comma, a colon or a quotation mark ends a name)."""
    run: list[re.Match[str]] = []
    j = k - 1
    while j >= 0 and len(run) < _MOST_NAME_WORDS:
        after = words[j + 1].start() if j + 1 < len(words) else len(text)
        if text[words[j].end() : after].strip() or not _name_word(words[j].group(), True):
            break
        run.insert(0, words[j])
        j -= 1
    while run and run[0].group().lower() in _NAME_INNER:
        run.pop(0)
    return run


def _speaker(people: PeopleIndex, text: str, run: list[re.Match[str]]) -> Speaker | None:
    """The person a name run names, as the article's people resolve it: its longest
    end that is a mention of someone ("Convention Delegate Ana Ruiz" is Ruiz); a run
    no one is named by stands for itself when it is short."""
    last = run[-1].group()
    end = run[-1].end() - (len(last) > 2 and last.endswith("."))  # "Finds." but "Jr."
    for m in run:
        if (found := _known(people, text, m.start(), end)) is not None:
            return found
    if len(run) > _MOST_LABEL_WORDS:
        return None
    s = run[0].start()
    return Speaker(text[s:end], text[s:end], s, end)


def _named(people: PeopleIndex, words: str) -> str | None:
    """The one person of the article whose name ends in ``words`` ("Lopez" of Maria
    Lopez): the parse of a headline often misses the name the body gives in full."""
    want = words.lower().split()
    found = {
        p.name
        for p in people.persons()
        if p.type == "person" and p.name.lower().split()[-len(want) :] == want
    }
    return found.pop() if len(found) == 1 else None


def headline_cue(
    view: ArticleView, people: PeopleIndex, region: QuoteRegion
) -> tuple[int, Span, Speaker] | None:
    """The cue (its token, its span) and speaker of a quote in the article's headline,
    read from the words: ``'...,' NAME VERB``, ``NAME VERB ... '...'``, ``NAME: '...'``;
    None for a quote elsewhere or a headline of another layout."""
    text = view.text
    if region.paragraph != 0 or region.continues_previous or not in_headline(text, region):
        return None
    lo = text.rfind("\n", view.start, region.open_mark) + 1 or view.start
    hi = text.find("\n", region.outer_end)
    hi = len(text) if hi < 0 else hi
    words = [
        m
        for m in _WORD.finditer(text, lo, hi)
        if not region.open_mark <= m.start() < region.outer_end
    ]
    after = [k for k, m in enumerate(words) if m.start() >= region.outer_end]
    # '...,' NAME VERB: a name right after the closing mark, then the verb
    if after and not text[region.outer_end : words[after[0]].start()].strip(" ,"):
        for k in after[: _MOST_NAME_WORDS + 1]:
            if _cue_lemma(words[k].group()) is not None:
                run = _run_before(words, k, text)
                if run and run[0].start() == words[after[0]].start():
                    return _found(view, people, words[k], run)
                break
    before = [k for k, m in enumerate(words) if m.end() <= region.open_mark]
    # NAME VERB ... '...': the last verb before the quote, and the name before it (or
    # before the verb whose subject it shares: "Ruiz Denies Deal, Calls It '...'")
    verb = None
    for k in reversed(before):
        if _cue_lemma(words[k].group()) is not None:
            verb = verb or words[k]
            if run := _run_before(words, k, text):
                return _found(view, people, verb, run)
    # NAME: '...': a name that opens the line, then a colon
    colon = text.find(":", lo, region.open_mark)
    if colon > 0 and (head := _label(text, words, lo, colon)):
        return _colon_found(view, people, colon, head)
    return None


def _label(text: str, words: list[re.Match[str]], lo: int, colon: int) -> list[re.Match[str]]:
    """The words of a name that opens the line at ``lo`` and ends at ``colon`` ("Ruiz"
    of ``Ruiz: ...``); none when the words before the colon are no short name."""
    head = [m for m in words if m.end() <= colon]
    if (
        head
        and head[0].start() == lo
        and len(head) <= _MOST_LABEL_WORDS
        and not text[head[-1].end() : colon].strip()
        and not any(text[a.end() : b.start()].strip() for a, b in itertools.pairwise(head))
        and all(_name_word(m.group(), k > 0) for k, m in enumerate(head))
    ):
        return head
    return []


def _found(
    view: ArticleView, people: PeopleIndex, verb: re.Match[str], run: list[re.Match[str]]
) -> tuple[int, Span, Speaker] | None:
    speaker = _speaker(people, view.text, run)
    tok = _token_at(view, verb.start())
    if speaker is None or tok is None:
        return None
    return tok, _verb_cue(verb), speaker


def _verb_cue(verb: re.Match[str]) -> Span:
    """A headline verb as a cue, without a stop after it ("Says." of a last word)."""
    word = verb.group().rstrip(".")
    return Span(word, verb.start(), verb.start() + len(word))


def _colon_found(
    view: ArticleView, people: PeopleIndex, colon: int, run: list[re.Match[str]]
) -> tuple[int, Span, Speaker] | None:
    speaker = _speaker(people, view.text, run)
    tok = _token_at(view, colon)
    if speaker is None or tok is None:
        return None
    return tok, Span(":", colon, colon + 1), speaker


def headline_reports(view: ArticleView, people: PeopleIndex) -> list[Draft]:
    """The reported statements of the article's headline, read from its words as
    :func:`headline_cue` reads a quote's: ``Ruiz Urges Council to Drop Fare Rise`` (the
    words after the verb), ``Fare Rise Is Unfair, Ruiz Says`` (the words before the name),
    ``Ruiz Wades In, Urges Council to ...`` (the name that opens the line), ``Ruiz: Fare
    Rise Is Unfair`` (a known name before a colon); a second verb after a comma is a
    second statement (``Ruiz Slams Fare Rise, Urges Council to ...``)."""
    text = view.text
    lo = view.start
    while lo < len(text) and text[lo].isspace():
        lo += 1
    hi = text.find("\n", lo)
    hi = len(text) if hi < 0 else hi
    if not lo < hi <= lo + HEADLINE_CHARS or not text[hi:].strip():
        return []  # no line of its own before the body
    if _holds_sentence_end(text, lo, hi):
        return []  # sentences, not a headline ("Take the tax. Lee says that ...")
    words = list(_WORD.finditer(text, lo, hi))
    verbs = [k for k, m in enumerate(words) if k > 0 and _cue_lemma(m.group()) is not None]
    out: list[Draft] = []
    for n, k in enumerate(verbs):
        verb = words[k]
        gap = text[words[k - 1].end() : verb.start()].strip()
        if out and gap not in (",", ":"):
            continue  # a verb inside the words said ("Ruiz Says Lee Claims ...")
        run = _run_before(words, k, text)
        later = [
            j
            for j in verbs[n + 1 :]
            if text[words[j - 1].end() : words[j].start()].strip() in (",", ":")
        ]
        end = words[later[0]].start() if later else hi
        start = words[k + 1].start() if k + 1 < len(words) else end
        if run and run[-1].group().endswith(("'s", "’s")):
            continue  # "Lee's Claims About ...": a noun
        if run:
            speaker = _speaker(people, text, run)
            if text[lo : run[0].start()].rstrip(" '’\"”").endswith(","):
                start, end = lo, run[0].start()  # "Fare Rise Is Unfair, Ruiz Says"
        elif gap in (",", ":"):
            # "Ruiz Slams X, Urges Y": the same speaker; "Ruiz Wades In, Urges Y": the
            # name that opens the line
            speaker = out[-1].speaker if out else _opening_name(people, text, words)
        else:
            continue
        span = _trimmed(text, start, end)
        if speaker is None or span is None:
            continue
        out.append(_headline_draft(span, speaker, _verb_cue(verb), _token_at(view, verb.start())))
    if not out:
        out = _colon_report(view, people, words, lo, hi)
    return out


def _colon_report(
    view: ArticleView, people: PeopleIndex, words: list[re.Match[str]], lo: int, hi: int
) -> list[Draft]:
    """``Ruiz: Fare Rise Is Unfair``: a headline opening on a known name and a colon."""
    text = view.text
    colon = text.find(":", lo, hi)
    head = _label(text, words, lo, colon) if colon >= 0 else []
    if not head:
        return []
    speaker = _known(people, text, head[0].start(), head[-1].end())
    span = _trimmed(text, colon + 1, hi)
    if speaker is None or span is None:
        return []
    cue = Span(":", colon, colon + 1)
    return [_headline_draft(span, speaker, cue, _token_at(view, colon))]


def _opening_name(people: PeopleIndex, text: str, words: list[re.Match[str]]) -> Speaker | None:
    """The known name that opens the headline ("Ruiz" of ``Ruiz Wades In, Urges ...``):
    its longest run of first words that names someone of the article."""
    for n in range(min(_MOST_LABEL_WORDS, len(words)), 0, -1):
        head = words[:n]
        if all(not text[a.end() : b.start()].strip() for a, b in itertools.pairwise(head)):
            found = _known(people, text, head[0].start(), head[-1].end())
            if found is not None:
                return found
    return None


def _known(people: PeopleIndex, text: str, start: int, end: int) -> Speaker | None:
    """The speaker a name of the headline stands for, when the article knows it."""
    name = people.resolve(start, end) or _named(people, text[start:end])
    return Speaker(name, text[start:end], start, end) if name is not None else None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]`` without the spaces and the commas, colons and stops at its
    edges; None when fewer than two words are left."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return (start, end) if len(text[start:end].split()) >= 2 else None


def _headline_draft(span: tuple[int, int], speaker: Speaker, cue: Span, token: int | None) -> Draft:
    return Draft(
        span[0],
        span[1],
        "indirect",
        speaker,
        cue,
        cue_token=token,
        is_indirect=True,
        headline=True,
    )


def _token_at(view: ArticleView, at: int) -> int | None:
    """The index of the token that starts at character ``at``."""
    k = bisect.bisect_left(view.idx, at)
    return k if k < len(view.idx) and view.idx[k] == at else None
