"""The clues a quote's date is read from: the account it belongs to, a dated
document or mention, "yesterday" of a told day, an update's later day, dated
headings (the clues read from the parse are in :mod:`.clauses`)."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from saidwhen.extract.memo import per_article
from saidwhen.extract.people.index import same_speaker
from saidwhen.extract.when.base import (
    _CHANNEL_WORDS,
    _COMMUNICATION,
    _DOCUMENT,
    _EVENT_NOUN,
    PARAGRAPH_BREAK,
    _dated_free,
    _sentence_of,
    _word,
    days_before,
    surname_of,
)
from saidwhen.extract.when.clauses import _group_told, _not_the_account, said_on
from saidwhen.model import DateRange, Quote, Span, Timex
from saidwhen.normalise import SameWords, WordRuns

if TYPE_CHECKING:
    from spacy.tokens import Doc

_WRITTEN = re.compile(
    r"\b(?:statement|e-?mail|release|letter|post|tweet\w*|website|blog|instagram|facebook|twitter)\b",
    re.I,
)


def written(q: Quote) -> bool:
    """The words came in writing, by their cue or channel ("wrote in a statement", "tweeted")."""
    return q.cue is not None and bool(_WRITTEN.search(f"{q.cue.text} {q.channel or ''}"))


# (matched whole): the irregular pasts and the -ing forms by name; every regular simple
# past ("added", "argued", "gushed about", "pledged") by its ending
_PAST_CUE = re.compile(
    r"(?:said|told|wrote|spoke|(?:say|tell|add|not|explain)ing|[a-z]{3,}ed)", re.I
)
_BEFORE_NOW = re.compile(
    r"\b(?:previously|earlier|once|already|formerly|originally|repeatedly|often)\b", re.I
)
_PRESENT_SAY = re.compile(r"\b(?:says|tells|adds|notes|explains|writes|recalls)\b", re.I)
# "has already amended his testimony": the sentence tells of an earlier saying
_OLDER = re.compile(
    r"\b(?:has|have|had|'s|’s|'ve|’ve)\s+(?:\w+ly\s+|also\s+|long\s+|often\s+)?"
    r"\w+(?:ed|en|said|told|made)\b",
    re.I,
)


def _said_then(text: str, cue: Span, frame: str) -> bool:
    """A simple-past saying ("said", "told reporters"), not "has said" nor "says"."""
    # "tearfully asked": the verb after its adverbs; "noting that": the sentence's tense
    if _BEFORE_NOW.search(f"{text[max(0, cue.start - 20) : cue.start]} {cue.text}"):
        return False  # "previously said": another, older occasion
    words = [w.rstrip(":,") for w in cue.text.split() if not w.lower().endswith("ly")]
    if not words or not _PAST_CUE.fullmatch(words[0]) or _PRESENT_SAY.search(frame):
        return False
    before = text[max(0, cue.start - 12) : cue.start]
    if re.search(r"\b(?:has|have|had|would|will|'s|’s|'ve|’ve)\s+$", before, re.I):
        return False
    return not _OLDER.search(frame)


# "during the call", "in the letter", "at Monday's hearing" (the definite one: known already)
_EVENT_REF = re.compile(
    r"\b(?:during|in|at|on|from)\s+(?:the|that|this|his|her|their|its)\s+(?:[\w'’-]+\s+){0,2}?"
    rf"(?P<noun>{_EVENT_NOUN})\b",
    re.I,
)
_EVENT_NEW = re.compile(
    r"\b(?:during|in|at|on)\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:conference\s+call|call\s+with|press\s+conference|briefing|news\s+conference)",
    re.I,
)
_REACH = 1500  # characters back to the event's first, dated mention


def _event_date(
    text: str, s: int, frame: str, timexes: Sequence[Timex], anchor: dt.date
) -> tuple[str | None, DateRange | None] | None:
    """The date of the event a definite reference in the attribution points back to."""
    m = _EVENT_REF.search(frame)
    if m is None:
        if _EVENT_NEW.search(frame):  # "said in a conference call": the lead's event
            day = _news_day(text, timexes, anchor)
            return (day, None) if day is not None else None
        return None
    dated = _mention_date(text, m.group("noun"), s, max(0, s - _REACH), timexes, anchor)
    if dated is not None:
        return dated
    # "earlier in the episode", never dated: the event the story reports, on the lead's day
    day = _news_day(text, timexes, anchor)
    return (day, None) if day is not None else None


_LEAD_PARAGRAPHS = 3
_LEAD_CHARS = 700
_LEAD_MAX = 1500  # a text of one long paragraph (a wire story without its breaks)
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")


_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:\w+\s+){0,2}$")


def _since_clause(text: str, t: Timex) -> bool:
    """ "since introduced on Monday": where a story began, not its news."""
    return (
        re.search(r"\bsince\s+(?:\w+\s+){0,2}$", text[max(0, t.start - 30) : t.start]) is not None
    )


def _own_line(text: str, t: Timex) -> bool:
    """The date is a line of its own ("Wednesday, April 13, 2011" under the headline): the
    page's date line, not a day the lead tells of."""
    a = text.rfind("\n", 0, t.start) + 1
    b = text.find("\n", t.end)
    return not text[a : t.start].strip(" \t.,") and not text[
        t.end : b if b >= 0 else len(text)
    ].strip(" \t.,")


def lead_end_of(text: str) -> int:
    """Where the lead ends: its first paragraphs, however short (a caption, a one-line
    intro), and at least its first characters."""
    # (the first few paragraph breaks only: asked for each quote, of the whole text)
    found = itertools.islice(PARAGRAPH_BREAK.finditer(text), _LEAD_PARAGRAPHS)
    breaks = [m.end() for m in found]
    end = breaks[_LEAD_PARAGRAPHS - 1] if len(breaks) >= _LEAD_PARAGRAPHS else len(text)
    if end > _LEAD_MAX:
        # paragraphs too long to be a lead: its first sentences, up to _LEAD_CHARS
        m = _SENTENCE_END.search(text, _LEAD_CHARS)
        end = m.end() if m is not None and m.end() < end else end
    return max(end, _LEAD_CHARS)


def _news_day(text: str, timexes: Sequence[Timex], anchor: dt.date) -> str | None:
    """The day the lead reports ("was voted off on Monday"), when in the week before."""
    lead_end = lead_end_of(text)
    week = days_before(anchor, 7)
    for t in timexes:
        if t.start >= lead_end:
            break
        if _since_clause(text, t) or _own_line(text, t):
            continue
        if t.granularity == "day" and t.date == anchor.isoformat():
            return None  # the lead reports the article's own day ("today sought peace")
        if t.granularity == "day" and t.date and week <= t.date < anchor.isoformat():
            return t.date
    return None


def _account_date(
    text: str,
    sents: Sequence[tuple[int, int]],
    s: int,
    q: Quote,
    timexes: Sequence[Timex],
    anchor: dt.date,
    frame: str = "",
    parsed: Doc | None = None,
) -> tuple[str | None, DateRange | None] | None:
    """The date of the speaker's communication told in one of the two sentences before.

    Not when the quote's attribution names another occasion: "told Radio Dover last week"
    then "'...,' Ruiz told reporters" (or "said in a statement"). ``sents`` and
    ``timexes`` are in text order (found by bisection: this runs for every quote).
    """
    name = q.speaker.name if q.speaker else None
    surname = surname_of(name) if name else ""
    if len(surname) < 3:
        return None
    # the sentences before the words, when they open before their attribution ('"I am the
    # one ... Will be such fun!" Trump tweeted': not the quote's own sentences)
    s = min(s, _sentence_of(sents, q.start)[0])
    k = bisect.bisect_right(sents, s, key=lambda x: x[1])  # the sentences ending by s
    for a, b in reversed(sents[max(0, k - 2) : k]):
        lo = bisect.bisect_left(timexes, a, key=lambda t: t.start)
        hi = bisect.bisect_left(timexes, b, key=lambda t: t.start)
        dated = [
            t
            for t in timexes[lo:hi]
            if _dated_free(t, anchor)
            and not (parsed is not None and _not_the_account(parsed, t, name or ""))
        ]
        if not dated:
            continue
        sentence = text[a:b]
        named = _word(surname).search(sentence)
        # "he told me on Friday" then "He said ...": the same pronoun, telling
        he = _PRONOUN.match(text, q.cue.start - 4, q.cue.start) if q.cue else None
        if he and re.search(rf"\b{he.group(1)}\s+{_TELLING}", sentence, re.I):
            named = he
        # told by a word of saying, or by a verb of saying the date hangs on ("On Saturday,
        # Lee slammed the vote.")
        if named and (
            _COMMUNICATION.search(sentence)
            or (parsed is not None and any(said_on(parsed, t) for t in dated))
        ):
            if _other_occasion(frame, sentence):
                return None
            return _dated_free(dated[0], anchor)
        # "Other officials weighed in Friday ..." then one of them: that day's reactions
        if parsed is not None and not named and not _OWN_INTERVIEW.search(frame):
            group = next((t for t in dated if _group_told(parsed, t)), None)
            if group is not None:
                return _dated_free(group, anchor)
        return None  # the narrative's last date is another story's
    return None


# "said in an interview", "said in a phone interview", "told me": the paper's own interview
# (not "in an interview with Channel Five"): not the day's reactions, nor yesterday's news
_OWN_INTERVIEW = re.compile(
    r"\bin\s+an?\s+(?:[\w-]+\s+)?interview\b(?!\s+(?:with|on)\s+[A-Z])|\btold\s+(?:me|us)\b"
)


_PRONOUN = re.compile(r".*\b(he|she)\s+$", re.I | re.S)
_TELLING = r"(?:\w+ly\s+)?(?:told|said|wrote|testified|explained|recalled|insisted)\b"
_ACCOUNT_GAP = 300  # characters between two quotes of one account
_ACCOUNT_REACH = 1500  # ... when the later one names no audience or channel of its own


# a passage between quotation marks of at least three words: someone's words, not the narrative
_OPENING = re.compile(r"(?:''|[\"“‘'])$")
_CLOSING = re.compile(r"[,.;:!?…]?(?:''|[\"”’'])")
_QUOTED = re.compile(
    r"“[^“”]*?(?:\s[^“”\s]+){2,}[^“”]*”"
    r"|''(?:(?!'').)*?(?:\s\S+){2,}.*?''"
    r'|"[^"]*?(?:\s[^"\s]+){2,}[^"]*"'
)


def _outside(text: str, s: int, e: int, q: Quote) -> str:
    """The sentence without the quoted words (whose "later" belongs to the speaker), nor the
    other words it quotes ("'...,' he said, '... could have unfolded.'")."""
    return _outside_of(text, s, e, q.start, q.end)


# asked of the same quote by several of the date passes (40,039 times for 24,697 quotes
# dated on PolNeAR dev and train)
@per_article
def _outside_of(text: str, s: int, e: int, start: int, end: int) -> str:
    # its own marks go with it, so that the others pair up
    opening = _OPENING.search(text, max(0, start - 2), start)
    closing = _CLOSING.match(text, end)
    a = opening.start() if opening else start
    b = closing.end() if closing else end
    frame = text[s : max(s, min(e, a))] + " " + text[min(e, max(s, b)) : e]
    return _QUOTED.sub(" ", frame)


_VIA = re.compile(
    r"\b(?:in|on|via|through|during|at|from)\s+(?:a|an|the|his|her|their|its|this|that)?\s*"
    r"(?:[\w'’-]+\s+){0,3}?(?P<ch>" + _CHANNEL_WORDS.pattern + r")|\b(?P<verb>tweet|post)\w*",
    re.I,
)
# The same patterns (in lower case) without re.I, for text in ASCII lower-cased first: the
# same matches at the same places, several times faster than re.I trying both cases at
# every letter
_VIA_LOWER = re.compile(_VIA.pattern)
_CHANNEL_LOWER = re.compile(_CHANNEL_WORDS.pattern)


def _frame_channel(frame: str) -> set[str]:
    """The channel the attribution says the words came through ("in a blog post", "tweeted").

    Not a channel word elsewhere in it ("a signer of the letter, told the Gazette").
    """
    if frame.isascii():
        return {m.group("ch") or m.group("verb") for m in _VIA_LOWER.finditer(frame.lower())}
    return {(m.group("ch") or m.group("verb")).lower() for m in _VIA.finditer(frame)}


@functools.lru_cache(maxsize=4096)
def _channel_key(s: str) -> frozenset[str]:
    # "her post" is the blog post or the photo post: the medium, when named, decides.
    # Cached: asked of every earlier quote's channel for each quote.
    if s.isascii():
        return frozenset(m.group(0) for m in _CHANNEL_LOWER.finditer(s.lower()))
    return frozenset(m.group(0).lower() for m in _CHANNEL_WORDS.finditer(s))


_GOES_ON = re.compile(r"(?:added|adds|continued|continues|went\s+on|goes\s+on|concluded)\b", re.I)


def _occasion_goes_on(q: Quote, done: Sequence[Quote]) -> Quote | None:
    """The speaker's quote just before, when "added"/"continued" goes on from it."""
    if q.cue is None or not _GOES_ON.match(q.cue.text) or q.speaker is None:
        return None
    for p in reversed(done):
        if p.start >= q.start or p.topic:
            continue  # (what was talked about is not words that go on: "talking about X")
        if p.speaker is None or p.speaker.name != q.speaker.name:
            return None  # another speaker came between
        if q.start - p.end > _ACCOUNT_GAP:
            return None
        return p
    return None


# "says the letter signed by ...", "the statement read": the document as the speaker
_DOC_WORDS = r"(?:[\w'’-]+\s+){0,2}?"
_DOC_AFTER = re.compile(rf"\s*(?:the|this|that)\s+{_DOC_WORDS}(?P<noun>{_DOCUMENT})\b", re.I)
# (a name's: "Hoff's letter makes the case: ...")
_DOC_BEFORE = re.compile(
    rf"(?:\b(?:the|this|that|its|their|his|her)\s+|\w['’]s\s+){_DOC_WORDS}(?P<noun>{_DOCUMENT})\s+$",
    re.I,
)


def _document_date(
    text: str, q: Quote, timexes: Sequence[Timex], anchor: dt.date
) -> tuple[str | None, DateRange | None] | None:
    """The date of the document the cue names as its speaker, from its dated mention before."""
    if q.cue is None:
        return None
    m = _DOC_AFTER.match(text, q.cue.end, min(len(text), q.cue.end + 40)) or _DOC_BEFORE.search(
        text, max(0, q.cue.start - 40), q.cue.start
    )
    # the document must be the one speaking, outside the words said: in "Lee said the
    # report was wrong" the report is what Lee spoke of
    if m is not None and not q.start <= m.start("noun") < q.end:
        return _mention_date(text, m.group("noun"), min(q.start, q.cue.start), 0, timexes, anchor)
    # words the text gives as the speaker's document (the channel: "Hoff proposes in her
    # letter ..."), dated where the text tells of that document, before the words or after
    # ("A letter ... calls for ...", then "Hoff's letter, emailed on Thursday"): annotations
    # BRIEF.md, rule 1
    d = re.search(rf"\b{_DOCUMENT}\b", q.channel or "", re.I)
    surname = surname_of(q.speaker.name) if q.speaker and q.speaker.name else ""
    if d is None or len(surname) < 3:
        return None
    noun = d.group(0)
    told = re.compile(rf"\b{re.escape(surname)}\b(?:['’]s)?\s+(?:[\w'’-]+\s+){{0,2}}{noun}\b", re.I)
    for x in told.finditer(text):
        dated = _mention_date(text, noun, x.end(), x.end() - len(noun), timexes, anchor)
        if dated is not None:
            return dated
    return None


_AFTER_MENTION = 40  # "a letter posted on Twitter Tuesday"


def _mention_date(
    text: str, noun: str, end: int, start: int, timexes: Sequence[Timex], anchor: dt.date
) -> tuple[str | None, DateRange | None] | None:
    """The date next to the last mention of ``noun`` before ``end`` ("the March 21 call")."""
    word = re.compile(r"\b" + re.escape(noun.split()[-1]) + r"\b", re.I)
    mentions = [x.start() for x in word.finditer(text, start, end)]
    for pos in reversed(mentions):
        for t in timexes:
            # "the March 21 call", "Monday's hearing", "a call on July 25"
            if pos - 25 <= t.end <= pos or (
                pos < t.start <= pos + len(noun) + _AFTER_MENTION
                and not re.search(r"[.!?]\s", text[pos : t.start])
            ):
                dated = _dated_free(t, anchor)
                if dated is not None:
                    return dated
    return None


_YESTERDAY = re.compile(r"\b(?:yesterday|last\s+night)\b", re.I)
_TOLD_BACK = 3  # sentences before the quote's where the narrative's day is looked for


def _day_after_told(
    text: str,
    sents: Sequence[tuple[int, int]],
    q: Quote,
    timexes: Sequence[Timex],
    anchor: dt.date,
) -> str | None:
    """The day after the day the narrative told just before, when the words say "yesterday".

    The day may sit in reported words ("accused the label of lying on Sunday").
    """
    if not _YESTERDAY.search(text, q.start, q.end):
        return None
    s, _ = _sentence_of(sents, q.start)
    before = [(a, b) for a, b in sents if b <= s][-_TOLD_BACK:]
    if not before:
        return None
    days = [t for t in timexes if before[0][0] <= t.start < s and t.granularity == "day" and t.date]
    if not days:
        return None
    day = dt.date.fromisoformat(days[-1].date or "")
    if not days_before(anchor, 7) <= day.isoformat() < anchor.isoformat():
        return None
    return (day + dt.timedelta(days=1)).isoformat()


# "— Rep. Ana Ruiz (@ruiz_ana) May 4, 2021": an embedded post's signature
_EMBED_SIGNATURE = re.compile(r"\(@\w+\)\s*$")
_WEEKDAY = re.compile(r"(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UPDATE_DAYS = 7


def _updated_day(text: str, timexes: Sequence[Timex], anchor: dt.date) -> dt.date | None:
    """The day the text was last updated, when it embeds a post dated after the article."""
    days = [
        dt.date.fromisoformat(t.date)
        for t in timexes
        if t.date
        and t.granularity == "day"
        and _EMBED_SIGNATURE.search(text, max(0, t.start - 40), t.start)
    ]
    later = [d for d in days if anchor < d and (d - anchor).days <= _UPDATE_DAYS]
    return max(later, default=None)


def _weekday_until(t: Timex, anchor: dt.date, updated: dt.date) -> Timex:
    """A past weekday resolved against the article date, resolved again against its update."""
    m = _WEEKDAY.fullmatch(t.text)
    if m is None or not t.date or t.date >= anchor.isoformat():
        return t
    wd = _WEEKDAYS.index(m.group(1).lower())
    day = updated - dt.timedelta(days=(updated.weekday() - wd) % 7)
    if day <= anchor:
        return t
    return replace(t, value=day.isoformat(), date=day.isoformat(), anchor=updated.isoformat())


# "told Radio Dover", "in an interview with the Gazette", "told reporters": to whom the
# words were said
# ("told the network" refers back: no new audience)
_AUDIENCE = re.compile(
    r"\b(?i:told|tells|telling|interview\s+with|speaking\s+(?:to|with))\s+"
    r"(?P<who>[A-Z][\w.&'’-]*|(?i:reporters|journalists|lawmakers|investigators|congress))"
)


# the named audience: "told Jo Park of Radio Dover", "telling Park", "told Radio Dover"
_NAMED_AUDIENCE = re.compile(
    r"\b(?i:told|telling|interview\s+with|speaking\s+(?:to|with))\s+"
    r"(?P<who>[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,4})"
)


def _audience_names(frame: str) -> set[str]:
    """The names of the audience the attribution says the words were told to."""
    m = _NAMED_AUDIENCE.search(frame)
    if m is None:
        return set()
    return {w for w in re.findall(r"[A-Z][\w&'’-]+", m.group("who")) if len(w) > 2}


def _same_audience(
    text: str, sents: Sequence[tuple[int, int]], q: Quote, frame: str, done: Sequence[Quote]
) -> Quote | None:
    """The speaker's earlier dated words told to the same named audience: "told Jo
    Park of Radio Dover this week" then "told Radio Dover that ..." (one interview)."""
    names = _audience_names(frame)
    if not names or q.speaker is None:
        return None
    for p in reversed(done):
        if p.speaker is None or p.speaker.name != q.speaker.name or p.cue is None:
            continue
        if p.when_basis != "text" or not (p.when or p.when_range):
            continue
        s, e = _sentence_of(sents, p.cue.start)
        if names & _audience_names(_outside(text, s, e, p)):
            return p
    return None


def _occasion(s: str) -> tuple[str | None, set[str]]:
    m = _AUDIENCE.search(s)
    return (m.group("who").lower() if m else None), _frame_channel(s)


def _other_occasion(frame: str, account: str) -> bool:
    """The attribution names an audience or channel that the account does not."""
    (who, via), (then_who, then_via) = _occasion(frame), _occasion(account)
    if who and then_who:
        return who != then_who
    # "posted a photo of himself online" then "he tweeted": one post
    via, then_via = _posts(via), _posts(then_via)
    if via and then_via:
        return not via & then_via
    if via and not via & _posts(_channel_key(account)):
        # "said in an interview" after "began taking calls on his radio program": the account
        # never speaks of that channel
        return True
    return bool((who and then_via) or (via and then_who))


_POSTS = frozenset({"tweet", "twitter", "post", "instagram", "facebook"})


def _posts(channels: Iterable[str]) -> set[str]:
    """Channels, a post on social media of whatever kind as one ("post")."""
    return {"post" if c in _POSTS else c for c in channels}


def _stands_alone(text: str, q: Quote) -> bool:
    """The quote is a paragraph of its own (a subheading: “Army-controlled bandit formations”)."""
    a = text.rfind("\n", 0, q.start) + 1
    b = text.find("\n", q.end)
    b = len(text) if b < 0 else b
    return not re.search(r"\w", text[a : q.start] + text[q.end : b])


def _heading_line(text: str, q: Quote) -> bool:
    """The quote's paragraph is one short line, a subheading over the account below it
    ("She called the fishermen \u201cpirates\u201d without proof.")."""
    a = text.rfind("\n", 0, q.start) + 1
    b = text.find("\n", q.end)
    b = len(text) if b < 0 else b
    line = text[a:b].strip()
    return len(line) <= _HEADING_CHARS and not re.search(r"[.!?][\"”’']?\s+\S", line)


_HEADING_CHARS = 120
_HEADING_REACH = 3  # paragraphs below a subheading that it sums up


def _headings_dated(text: str, quotes: Sequence[Quote]) -> list[Quote]:
    """A quote standing as a subheading, undated, takes the date of its words said in the text:
    anywhere when it stands alone; said just below a one-line subheading that quotes them
    (a single word too: "pirates" over "Half of these pirates never paid," she wrote), by the
    same speaker."""
    out = list(quotes)
    forms = SameWords([q.text for q in quotes])
    # the quotes the text dates, by where they start
    dated = sorted(
        (p.start, j)
        for j, p in enumerate(quotes)
        if p.when_basis == "text" and (p.when or p.when_range)
    )
    holding: WordRuns | None = None  # made for the first quote that stands alone
    for i, q in enumerate(quotes):
        if q.when or q.when_range or q.kind == "indirect":
            continue
        alone = _stands_alone(text, q)
        if not alone and not _heading_line(text, q):
            continue
        if alone:  # (anywhere: the quotes that share its runs of two words)
            if holding is None:
                holding = WordRuns(forms, [j for _, j in dated], 2)
            near = sorted(holding.candidates(i), key=lambda j: (quotes[j].start, j))
        else:
            below = _paragraphs_on(text, q.end, _HEADING_REACH)
            a = bisect.bisect_left(dated, (q.end, -1))
            b = bisect.bisect_left(dated, (below, -1))
            # (by the same speaker: "No," one says; "no money," says another)
            near = [
                j
                for _, j in dated[a:b]
                if q.speaker is not None
                and (who := quotes[j].speaker) is not None
                and same_speaker(q.speaker, who)
            ]
        same = [quotes[j] for j in near if j != i and forms.same(i, j, 2 if alone else 1)]
        if same:
            p = min(same, key=lambda p: abs(p.start - q.start))
            out[i] = replace(q, when=p.when, when_range=p.when_range, when_basis="text")
    return out


_SAME_WORDS_MIN = 3  # words of the shorter quote: "poor choice of words", not "true"


def _same_words_dated(quotes: Sequence[Quote]) -> list[Quote]:
    """Words the text quotes twice, once dated ("saying she had made a 'poor choice of
    words'" on Tuesday, then "'... That was a poor choice of words ...,' Clinton wrote"):
    one saying, the undated quote of the same speaker takes the date."""
    out = list(quotes)
    forms = SameWords([q.text for q in quotes])
    by_speaker: dict[str, list[int]] = {}
    for k, p in enumerate(quotes):
        if p.kind != "indirect" and p.speaker is not None and p.speaker.name:
            by_speaker.setdefault(p.speaker.name, []).append(k)
    for ks in by_speaker.values():
        dated = [
            k
            for k in ks
            if quotes[k].when_basis == "text" and (quotes[k].when or quotes[k].when_range)
        ]
        if not dated:
            continue
        holding: WordRuns | None = None  # made for the first quote to date
        for i in ks:
            q = quotes[i]
            if q.when or q.when_range or q.when_basis != "article date" or q.continues is not None:
                continue
            if q.cue is not None and _PRESENT_SAY.match(q.cue.text):
                continue  # "she writes" now, in her newsletter, what she said in a podcast
            if holding is None:
                holding = WordRuns(forms, dated, _SAME_WORDS_MIN)
            same = [
                quotes[j]
                for j in holding.candidates(i)
                if forms.same(i, j, _SAME_WORDS_MIN)
                and not (q.channel and quotes[j].channel and q.channel != quotes[j].channel)
            ]
            if same:
                p = min(same, key=lambda p: abs(p.start - q.start))
                out[i] = replace(q, when=p.when, when_range=p.when_range, when_basis="text")
    return continuations_follow(quotes, out)


def continuations_follow(before: Sequence[Quote], out: list[Quote]) -> list[Quote]:
    """A quote that goes on from one a pass dated (``out[j]``, no longer ``before[j]``)
    takes its date, where the text gave it none of its own."""
    for i, q in enumerate(out):
        j = q.continues
        if j is None or not 0 <= j < i or q.when_basis != "article date":
            continue
        p = out[j]
        if p is not before[j] and (p.when or p.when_range) and not (q.when or q.when_range):
            out[i] = replace(q, when=p.when, when_range=p.when_range, when_basis=p.when_basis)
    return out


def _paragraphs_on(text: str, pos: int, n: int) -> int:
    """Where the ``n``-th paragraph after ``pos`` ends."""
    for _ in range(n + 1):
        b = text.find("\n", pos)
        if b < 0:
            return len(text)
        pos = b + 1
        while pos < len(text) and text[pos] in " \t\n":
            pos += 1
    return pos


# An occasion the text sets up once and then quotes from over several paragraphs.
