"""When each quote was said, from the text around it and the narrative.

The evidence, strongest first:

1. a continuation (``continues`` set) was said when the quote it continues was,
   and so is a quote whose cue lies inside another ("she said that she had
   asked ...");
2. a date in the attribution sentence, outside anyone's quoted words and no
   later than the article ("On September 27, she shared on Instagram that
   ..."; "Now, in a blog post, she wrote ..."; "since last summer" is a range
   from then to the article date); with a parse, not a date in a clause
   about something else ("the budget approved in April", "the merger, which
   became final Tuesday"; but "a statement published Oct. 25" dates its
   words), nor the main verb's date for words in a relative clause ("now
   left with the purchases Trump requested");
3. the narrative: "she later revealed" is after the last date told (outside
   quotes) and before the article (or undated, when what came just before
   is); "she had added" (past perfect) continues the speaker's account
   before it (but "he said later" after words said "at a rally last week" is
   at that rally still); "X added", "the statement continued" go on from the speaker's
   quote just before, dated or not; a document as the speaker ("says the
   letter", "the statement read") is dated where the text dated it ("a Nov. 5
   letter"); words that say "yesterday" of the day the narrative told just
   before were said the next day ("On Thursday, Swift accused them." then
   "'... her statements yesterday ...,' the statement read"); the sentence
   after pointing back ("That's the view voiced by Reed on Nov. 14");
4. an event the attribution points back to: "during the call" is the call
   the text dated before ("the March 21 call"); a definite event never dated
   ("earlier in the episode"), or a press event ("in a conference call with
   reporters"), is the one the lead reports, on its day;
5. the channel: a quote from the same speaker in the same channel ("her blog
   post") as an earlier dated quote shares its date (a channel word that is
   not how the words came, "signatory to the letter, told NBC News", is none);
6. the account just told: the speaker's communication dated in one of the
   two sentences before ("In December 2015, Trump released a letter from Dr.
   Bornstein" -> "'...,' Bornstein wrote"; "According to a 2018 survey by
   Abernathy"), unless the attribution names another audience or channel
   ("told Fox News last week" then "'...,' Ruiz told reporters"), or the
   speaker's dated quoted words before, in the same channel (just before; a
   bare "Robertson said:" further on);
7. yesterday's news: when the lead (its first paragraphs) reports the day before
   the article ("faced criticism on Tuesday" in Wednesday's paper), a quote still
   undated, said in the simple past ("said", "told reporters"; not "says", "has
   said", nor words written for the record, "said in a statement"), was said that
   day. This runs last and never spreads to other quotes through 5 or 6.

An occasion the text sets up once and quotes from over several paragraphs ("At
a House hearing last week, ...", "during a September hearing", "Lynn said after
the game" that the lead dated, "In an interview ..." in a lead that tells of the
weekend) holds for the quotes still undated after it: words said in the past
tense (not "says", "in a statement", "in an interview": another one, "before
the interview"), by speakers the text places there (named where it is set up,
quoted there, answering: "responded"; or the attribution names it: "the other
witness at the hearing"), within two paragraphs of the last words said there and
until another date is told. A speaker placed at another occasion only (a pull
quote of theirs from it, set among another occasion's quotes) takes that one's date.

A subheading that quotes words the text dates elsewhere takes their date. An
update (a post embedded with a date after the article's: "— Rep. Ilhan Omar
(@Ilhan) November 19, 2019") tells of days up to its own: a past weekday is
resolved against it ("posted on Twitter Tuesday").

Without any of these the quote keeps ``when=None`` and ``when_basis="article
date"``: the text says no more than that it was said by the article's date.
Timex dates inside quoted words date what is said, not the saying, and are
never used.

Example:
    >>> import datetime as dt
    >>> from saidwhen.model import Quote, Span, Timex
    >>> text = "On September 27, she wrote that she was fine."
    >>> q = Quote("she was fine", 31, 43, "indirect", cue=Span("wrote", 21, 26))
    >>> t = Timex("September 27", 3, 15, "DATE", "2020-09-27", date="2020-09-27")
    >>> date_quotes(text, [q], [t], dt.date(2020, 10, 28))[0].when
    '2020-09-27'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from saidwhen.extract.timexes import period_range
from saidwhen.model import DateRange, Quote, Span, Timex
from saidwhen.nlp import doc_text as nlp_doc_text
from saidwhen.normalise import normalise

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["date_quotes", "doc_sentences", "doc_text", "first_day", "timex_when"]

_LATER = re.compile(r"\b(?:later|afterwards?|subsequently|since\s+then)\b", re.I)
_PERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+|also\s+|then\s+)?$", re.I)
_CHANNEL_WORDS = re.compile(
    r"blog|instagram|twitter|tweet|facebook|medium|interview|statement|podcast|post|video|"
    r"letter|speech|press\s+conference|briefing|show|radio|tv|television",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Dated:
    """A date told by the text at a position: an ISO value or a range."""

    pos: int
    when: str | None
    when_range: DateRange | None


def doc_text(doc: Any) -> str:
    """The text of a spaCy doc (computed once per doc), or the string itself."""
    if isinstance(doc, str):
        return doc
    if doc is None:
        return ""
    try:
        return nlp_doc_text(doc)
    except AttributeError:  # not a spaCy doc
        return str(getattr(doc, "text", ""))


def doc_sentences(doc: Any) -> list[tuple[int, int]]:
    """Sentence character spans: spaCy's when ``doc`` is a parsed doc, else a plain split."""
    if not isinstance(doc, str) and doc is not None:
        try:
            return [(s.start_char, s.end_char) for s in doc.sents]
        except (AttributeError, ValueError):
            pass
    text = doc_text(doc)
    spans, start = [], 0
    for m in re.finditer(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘A-Z])|\n\s*\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [s for s in spans if s[1] > s[0]]


def _within_paragraphs(text: str, sents: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences cut at paragraph breaks (a parse may run one over a blank line)."""
    out: list[tuple[int, int]] = []
    for s, e in sents:
        a = s
        for m in re.finditer(r"\n\s*\n", text[s:e]):
            if s + m.start() > a:
                out.append((a, s + m.start()))
            a = s + m.end()
        if e > a:
            out.append((a, e))
    return out


def _sentence_of(sents: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in sents:
        if s <= pos < e:
            return s, e
    return pos, pos


_SINCE = re.compile(r"\b(?:since|from|starting)\s+(?:early\s+|late\s+|mid-?)?$", re.I)


_CALENDAR = re.compile(r"\d{4}(?:-\d\d)?")


def timex_when(
    t: Timex, anchor: dt.date, text: str | None = None
) -> tuple[str | None, DateRange | None]:
    """The date a timex gives a saying or an event: an ISO value (granularity kept) or a range.

    Durations, sets and vague references (PAST_REF, FUTURE_REF) give none. With
    the ``text``, "since last summer" is a range from then to the article date.
    """
    if t.type not in ("DATE", "TIME"):
        return None, None
    if text is not None and _SINCE.search(text, max(0, t.start - 16), t.start):
        when, rng = timex_when(t, anchor)
        start = first_day(when, rng)
        if start and start <= anchor.isoformat():
            return None, DateRange(start, anchor.isoformat())
    if t.value == "PRESENT_REF":
        return anchor.isoformat(), None
    if t.value in ("PAST_REF", "FUTURE_REF"):
        return None, None
    if t.date and t.granularity in ("month", "year") and _CALENDAR.fullmatch(t.value):
        # "a month earlier" is September, not the 28th: no more precise than the text
        return t.value, None
    if t.date:
        return t.date, None
    if t.date_range and (t.date_range.start or t.date_range.end):
        return None, t.date_range
    return None, None


def first_day(when: str | None, rng: DateRange | None) -> str | None:
    """The first day a date may be: "2020-08" -> "2020-08-01"."""
    if when:
        days = period_range(when)
        return days.start if days else when
    return rng.start if rng else None


def date_quotes(
    doc: Any, quotes: Sequence[Quote], timexes: Sequence[Timex], anchor: dt.date
) -> list[Quote]:
    """The quotes with ``when``/``when_range``/``when_basis`` filled in.

    Args:
        doc: the parsed article (a spaCy doc), or its text.
        quotes: the quotes in text order; ``continues`` indexes into this list.
        timexes: the article's temporal expressions.
        anchor: the article date.
    """
    text = doc_text(doc)
    sents = _within_paragraphs(text, doc_sentences(doc))
    # An update (an embedded post dated after the article) tells of days up to its own;
    # yesterday's news stays the day before the article.
    updated = _updated_day(text, timexes, anchor)
    limit = anchor if updated is None else updated
    if updated is not None:
        timexes = [_weekday_until(t, anchor, updated) for t in timexes]
    # Dates the narrative has told so far: dated timexes in the text, outside the quoted
    # words (a date a speaker mentions is not a step of the story).
    quoted = [(q.start, q.end) for q in quotes if q.kind != "indirect"]
    told = [
        _Dated(t.start, *timex_when(t, limit))
        for t in timexes
        if timex_when(t, limit) != (None, None)
        and t.value != "PRESENT_REF"
        and not any(s <= t.start < e for s, e in quoted)
    ]
    # A date inside anyone's quoted words dates what is said, not a saying; the narrative's
    # own dates are outside reported speech too.
    free = [t for t in timexes if not any(s <= t.start < e for s, e in quoted)]
    said = [(q.start, q.end) for q in quotes]
    story = [t for t in free if not any(s <= t.start < e for s, e in said)]
    parsed = None if isinstance(doc, str) or not hasattr(doc, "char_span") else doc
    out: list[Quote] = []
    for i, q in enumerate(quotes):
        dated = _date_one(q, i, out, text, sents, free, told, limit, story, parsed)
        out.append(dated)
    out = _headings_dated(text, out)
    if anchor == dt.date.min:  # no day before it
        return out
    out = _occasions_dated(text, sents, out, free, story, anchor)
    yesterday = (anchor - dt.timedelta(days=1)).isoformat()
    lead_day = _news_day(text, story, anchor) == yesterday
    # the dates the narrative tells, in text order ("the testimony Tuesday of four officials")
    days = [
        (t.start, timex_when(t, anchor)[0])
        for t in story
        if timex_when(t, anchor) != (None, None) and not _since_clause(text, t)
    ]
    return _yesterday_dated(out, text, sents, days, yesterday, lead_day)


def _yesterday_dated(
    quotes: Sequence[Quote],
    text: str,
    sents: Sequence[tuple[int, int]],
    days: Sequence[tuple[int, str | None]],
    yesterday: str,
    lead: bool,
) -> list[Quote]:
    """Quotes the text leaves undated, said ("said", "told") on the day before the article.

    When the lead reports that day, or the last day the narrative told before the quote is
    that day ("follows the testimony Tuesday of four officials"). A pass of its own, after
    the others, so that this day never spreads to other quotes as if the text had dated
    them (through a channel, an account).
    """
    out: list[Quote] = []
    for q in quotes:
        if q.when is not None or q.when_range is not None:
            out.append(q)
            continue
        if q.continues is not None and 0 <= q.continues < len(out):
            prev = out[q.continues]
            out.append(
                replace(q, when=prev.when, when_range=prev.when_range, when_basis=prev.when_basis)
            )
            continue
        at = q.cue.start if q.cue else q.start
        last = max((d for d in days if d[0] < at), default=None, key=lambda d: d[0])
        if not (lead or (last is not None and last[1] == yesterday)):
            out.append(q)
            continue
        if q.cue is None or _WRITTEN.search(f"{q.cue.text} {q.channel or ''}"):
            out.append(q)
            continue
        s, e = _sentence_of(sents, q.cue.start)
        if _said_then(text, q.cue, _outside(text, s, e, q)):
            q = replace(q, when=yesterday, when_range=None, when_basis="text")
        out.append(q)
    return out


def _date_one(
    q: Quote,
    i: int,
    done: Sequence[Quote],
    text: str,
    sents: Sequence[tuple[int, int]],
    timexes: Sequence[Timex],
    told: Sequence[_Dated],
    anchor: dt.date,
    story: Sequence[Timex] = (),
    parsed: Doc | None = None,
) -> Quote:
    if q.continues is not None and 0 <= q.continues < len(done):
        prev = done[q.continues]
        return replace(q, when=prev.when, when_range=prev.when_range, when_basis=prev.when_basis)
    at = q.cue.start if q.cue else q.start
    # A cue inside another quote ("she said that she had asked ...") is that quote's.
    for p in reversed(done):
        if q.cue and p.start <= q.cue.start < p.end and p is not q:
            return replace(q, when=p.when, when_range=p.when_range, when_basis=p.when_basis)
    s, e = _sentence_of(sents, at)
    if q.cue is None:  # the sentence of the quote itself
        s, e = _sentence_of(sents, q.start)
    # 2. A date in the attribution sentence, outside the quoted words, nearest the cue.
    # Words already said: never a date after the article's ("will speak next spring").
    here = [
        t
        for t in timexes
        if s <= t.start < e
        and not (q.start <= t.start < q.end)
        and timex_when(t, anchor) != (None, None)
        and (first_day(*timex_when(t, anchor)) or "") <= anchor.isoformat()
        and not (parsed is not None and q.cue and _other_clause(parsed, t, q.cue))
    ]
    if any(t.value != "PRESENT_REF" for t in here):
        # "said Doug Cooke, now a consultant, during a September hearing": not "now"
        here = [t for t in here if t.value != "PRESENT_REF"]
    if here:
        t = min(here, key=lambda t: abs(t.start - at))
        when, rng = timex_when(t, anchor, text)
        return replace(q, when=when, when_range=rng, when_basis="text")
    frame = _outside(text, s, e, q)
    # 3a. "later": after the last date told before it, by the article date.
    if _LATER.search(frame):
        # "'...,' Trump said at a rally last week" then "'...,' he said later": at it still
        own = _own(done, q)
        if (
            own
            and q.start - own[-1].end <= _ACCOUNT_GAP
            and own[-1].when_basis == "text"
            and (own[-1].when or own[-1].when_range)
            and _names_occasion(text, sents, own[-1])
        ):
            return replace(q, when=own[-1].when, when_range=own[-1].when_range, when_basis="text")
        # After what was told last before it, in the order of the text: a date, or the
        # speaker's previous quote (when that one has no date, neither has this).
        before = [d for d in told if d.pos < at and first_day(d.when, d.when_range)]
        before += [
            _Dated(p.cue.start if p.cue else p.start, p.when, p.when_range) for p in _own(done, q)
        ]
        before = [d for d in before if d.pos < at]
        last = max(before, key=lambda d: d.pos) if before else None
        start = first_day(last.when, last.when_range) if last else None
        if last is not None and start is None:
            return replace(q, when=None, when_range=None, when_basis="article date")
        return replace(
            q, when=None, when_range=DateRange(start, anchor.isoformat()), when_basis="text"
        )
    # 3b. "she had added": the account before it goes on ("had documented her
    # pregnancy from August": unless a date follows the cue at once).
    cue_start = q.cue.start if q.cue else at
    if q.cue and (
        _PERFECT.search(text, max(0, cue_start - 20), cue_start)
        or q.cue.text.lower().startswith("had ")
    ):
        soon = [
            t
            for t in timexes
            if q.cue.end <= t.start < q.cue.end + 60 and timex_when(t, anchor) != (None, None)
        ]
        if soon:
            when, rng = timex_when(soon[0], anchor, text)
            return replace(q, when=when, when_range=rng, when_basis="text")
        own = _own(done, q)
        if own:  # the speaker's account goes on, dated or not
            p = own[-1]
            return replace(q, when=p.when, when_range=p.when_range, when_basis=p.when_basis)
    # 3c. "Arroyo added", "the statement continued": the occasion of the speaker's quote
    # just before goes on, dated or not.
    same = _occasion_goes_on(q, done)
    if same is not None:
        return replace(q, when=same.when, when_range=same.when_range, when_basis=same.when_basis)
    # 3d. "says the letter", "the statement read": the document the text dated before.
    doc_date = _document_date(text, q, timexes, anchor)
    if doc_date is not None:
        return replace(q, when=doc_date[0], when_range=doc_date[1], when_basis="text")
    # 3e. Words that speak of "yesterday" the day the narrative just told were said the next
    # day ("On Thursday, Swift accused them." "'... her statements yesterday ...'").
    next_day = _day_after_told(text, sents, q, timexes, anchor)
    if next_day is not None:
        return replace(q, when=next_day, when_range=None, when_basis="text")
    # 3f. The sentence after points back to the words: "That's the view mouthed by Michael
    # Reed on Nov. 14."
    back = _pointed_back(text, sents, q, story, anchor)
    if back is not None:
        return replace(q, when=back[0], when_range=back[1], when_basis="text")
    # 4a. "During the call": the call the text dated before ("the March 21 call").
    event = _event_date(text, s, frame, story, anchor)
    if event is not None:
        return replace(q, when=event[0], when_range=event[1], when_basis="text")
    # 4b. The same speaker in the same channel as an earlier dated quote.
    # a channel word in the attribution that is not how the words came ("signatory to the
    # letter, told NBC News") is not the quote's channel
    via = _frame_channel(frame)
    channel = (_channel_key(q.channel or "") - (_channel_key(frame) - via)) or via
    if channel:
        weak = None
        for p in reversed(done):
            if not (p.when or p.when_range) or p.when_basis != "text":
                continue
            if q.speaker and p.speaker and q.speaker.name != p.speaker.name:
                continue
            shared = channel & _channel_key(p.channel or "")
            if shared - {"post"} or (shared and channel == {"post"}):
                weak = p
                break
            if shared and weak is None:
                weak = p
        if weak is not None:
            return replace(q, when=weak.when, when_range=weak.when_range, when_basis="text")
    # 5. The account the narrative just dated: "Last week Holmes revealed ..." then
    # "'...,' Holmes testified"; "In December 2015, Trump released a letter from Dr.
    # Bornstein" then "'...,' Bornstein wrote".
    account = _account_date(text, sents, s, q, story, anchor, frame)
    if account is not None:
        return replace(q, when=account[0], when_range=account[1], when_basis="text")
    # 6. The speaker's account goes on from their quote just before ("... noting he had
    # lived every parent's 'worst nightmare.'" then "'...,' Van Der Beek said").
    if q.speaker is not None and q.speaker.name:
        for p in reversed(done):
            if p.start >= q.start or p.speaker is None or p.speaker.name != q.speaker.name:
                continue
            # a quoted word, not a reported act ("who lobbied on Thursday for ..."), goes on,
            # in the same channel (a podcast then a newsletter are two occasions)
            other_channel = q.channel and p.channel and q.channel != p.channel
            # a bare "Robertson said:" further on goes on from the speaker's dated words; an
            # attribution naming an audience or channel may be another occasion
            bare = _occasion(frame) == (None, set())
            if (
                q.start - p.end <= (_ACCOUNT_REACH if bare else _ACCOUNT_GAP)
                and p.when_basis == "text"
                and p.kind != "indirect"
                and not other_channel
            ):
                return replace(q, when=p.when, when_range=p.when_range, when_basis="text")
            break
    return replace(q, when=None, when_range=None, when_basis="article date")


# words written for the record ("said in a statement", "in an email") date themselves: the
# article's day, unless the text says otherwise
_WRITTEN = re.compile(
    r"\b(?:statement|e-?mail|release|letter|post|tweet\w*|website|blog|instagram|facebook|twitter)\b",
    re.I,
)
_PAST_CUE = re.compile(
    r"(?:said|told|added|wrote|testified|stated|explained|noted|continued|recalled|"
    r"insisted|argued|warned|replied|asked|declared|announced|answered|acknowledged|"
    r"admitted|conceded|remarked|responded|commented|cautioned|urged|stressed|described|"
    r"revealed|joked|quipped|(?:say|tell|add|not|explain)ing)",
    re.I,
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
    words = [w for w in cue.text.split() if not w.lower().endswith("ly")]
    if not words or not _PAST_CUE.fullmatch(words[0]) or _PRESENT_SAY.search(frame):
        return False
    before = text[max(0, cue.start - 12) : cue.start]
    if re.search(r"\b(?:has|have|had|would|will|'s|’s|'ve|’ve)\s+$", before, re.I):
        return False
    return not _OLDER.search(frame)


_EVENT_NOUN = (
    r"(?:phone\s+call|call|interview|letter|statement|hearing|meeting|speech|press\s+"
    r"conference|conference|rally|episode|testimony|briefing|session|deposition|podcast)"
)
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


def _dated_free(t: Timex, anchor: dt.date) -> tuple[str | None, DateRange | None] | None:
    """The date of a timex, if it gives one no later than the article (a saying's date)."""
    when, rng = timex_when(t, anchor)
    start = first_day(when, rng)
    if start is None or start > anchor.isoformat():
        return None
    return when, rng


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


_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:\w+\s+){0,2}$")


def _since_clause(text: str, t: Timex) -> bool:
    """ "since introduced on Monday": where a story began, not its news."""
    return (
        re.search(r"\bsince\s+(?:\w+\s+){0,2}$", text[max(0, t.start - 30) : t.start]) is not None
    )


def _news_day(text: str, timexes: Sequence[Timex], anchor: dt.date) -> str | None:
    """The day the lead reports ("was voted off on Monday"), when in the week before."""
    # the first paragraphs, however short (a caption, a one-line intro)
    breaks = [m.end() for m in re.finditer(r"\n\s*", text)]
    lead_end = breaks[_LEAD_PARAGRAPHS - 1] if len(breaks) >= _LEAD_PARAGRAPHS else len(text)
    lead_end = max(lead_end, _LEAD_CHARS)
    week = (max(anchor, dt.date.min + dt.timedelta(days=7)) - dt.timedelta(days=7)).isoformat()
    for t in timexes:
        if t.start >= lead_end:
            break
        if _since_clause(text, t):
            continue
        if t.granularity == "day" and t.date and week <= t.date < anchor.isoformat():
            return t.date
    return None


_COMMUNICATION = re.compile(
    r"\b(?:said|says|told|tells|revealed|testified|wrote|writes|stated|announced|acknowledged|"
    r"admitted|tweeted|posted|released|published|issued|recalled|described|called|"
    r"letter|statement|interview|testimony|speech|call|according|report|survey|study|poll)\b",
    re.I,
)


def _account_date(
    text: str,
    sents: Sequence[tuple[int, int]],
    s: int,
    q: Quote,
    timexes: Sequence[Timex],
    anchor: dt.date,
    frame: str = "",
) -> tuple[str | None, DateRange | None] | None:
    """The date of the speaker's communication told in one of the two sentences before.

    Not when the quote's attribution names another occasion: "told Fox News last week"
    then "'...,' Ruiz told reporters" (or "said in a statement").
    """
    name = q.speaker.name if q.speaker else None
    surname = name.split()[-1] if name else ""
    if len(surname) < 3:
        return None
    before = [(a, b) for a, b in sents if b <= s][-2:]
    for a, b in reversed(before):
        dated = [t for t in timexes if a <= t.start < b and _dated_free(t, anchor)]
        if not dated:
            continue
        sentence = text[a:b]
        if re.search(rf"\b{re.escape(surname)}\b", sentence) and _COMMUNICATION.search(sentence):
            if _other_occasion(frame, sentence):
                return None
            return _dated_free(dated[0], anchor)
        return None  # the narrative's last date is another story's
    return None


_ACCOUNT_GAP = 300  # characters between two quotes of one account
_ACCOUNT_REACH = 1500  # ... when the later one names no audience or channel of its own


def _own(done: Sequence[Quote], q: Quote) -> list[Quote]:
    """The earlier quotes of the same speaker (all, when the speaker is unknown)."""
    name = q.speaker.name if q.speaker else None
    return [
        p
        for p in done
        if p.continues is None
        and p.start < q.start
        and (name is None or (p.speaker is not None and p.speaker.name == name))
    ]


def _outside(text: str, s: int, e: int, q: Quote) -> str:
    """The sentence without the quoted words (whose "later" belongs to the speaker)."""
    return text[s : max(s, min(e, q.start))] + " " + text[min(e, max(s, q.end)) : e]


_VIA = re.compile(
    r"\b(?:in|on|via|through|during|at|from)\s+(?:a|an|the|his|her|their|its|this|that)?\s*"
    r"(?:[\w'’-]+\s+){0,3}?(?P<ch>" + _CHANNEL_WORDS.pattern + r")|\b(?P<verb>tweet|post)\w*",
    re.I,
)


def _frame_channel(frame: str) -> set[str]:
    """The channel the attribution says the words came through ("in a blog post", "tweeted").

    Not a channel word elsewhere in it ("signatory to the letter, told NBC News").
    """
    return {(m.group("ch") or m.group("verb")).lower() for m in _VIA.finditer(frame)}


def _channel_key(s: str) -> set[str]:
    # "her post" is the blog post or the Instagram post: the medium, when named, decides.
    return {m.group(0).lower() for m in _CHANNEL_WORDS.finditer(s)}


_GOES_ON = re.compile(r"(?:added|adds|continued|continues|went\s+on|goes\s+on|concluded)\b", re.I)


def _occasion_goes_on(q: Quote, done: Sequence[Quote]) -> Quote | None:
    """The speaker's quote just before, when "added"/"continued" goes on from it."""
    if q.cue is None or not _GOES_ON.match(q.cue.text) or q.speaker is None:
        return None
    for p in reversed(done):
        if p.start >= q.start:
            continue
        if p.speaker is None or p.speaker.name != q.speaker.name:
            return None  # another speaker came between
        if q.start - p.end > _ACCOUNT_GAP:
            return None
        return p
    return None


_DOCUMENT = r"(?:letter|statement|report|release|memo|filing|complaint|lawsuit|study|survey)"
# "says the letter signed by ...", "the statement read": the document as the speaker
_DOC_WORDS = r"(?:[\w'’-]+\s+){0,2}?"
_DOC_AFTER = re.compile(rf"\s*(?:the|this|that)\s+{_DOC_WORDS}(?P<noun>{_DOCUMENT})\b", re.I)
_DOC_BEFORE = re.compile(
    rf"\b(?:the|this|that|its|their|his|her)\s+{_DOC_WORDS}(?P<noun>{_DOCUMENT})\s+$", re.I
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
    if m is None:
        return None
    return _mention_date(text, m.group("noun"), min(q.start, q.cue.start), 0, timexes, anchor)


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
    if not anchor - dt.timedelta(days=7) <= day < anchor:
        return None
    return (day + dt.timedelta(days=1)).isoformat()


_ITS_OWN_DATE = re.compile(rf"{_CHANNEL_WORDS.pattern}|{_DOCUMENT}|{_EVENT_NOUN}", re.I)


def _other_clause(doc: Doc, t: Timex, cue: Span) -> bool:
    """A date in a clause about something else than the saying: "the budget approved in
    April", "the merger, which became final Tuesday" (not "a statement published Oct. 25").
    """
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    words = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or words is None:
        return False
    said = _clause(words.root)
    of = span.root.head.head if span.root.dep_ == "pobj" else span.root.head
    if (
        said is not None
        and of.pos_ in ("VERB", "AUX")
        and not said.left_edge.i <= of.i <= said.right_edge.i
    ):
        # "negotiators are now left with the purchases Mr. Trump requested": the main verb's
        # date (but "the March 21 call, in which he said": what the clause tells of)
        return True
    x = _clause(span.root)
    if x is None or x.left_edge.i <= words.root.i <= x.right_edge.i:
        return False  # the saying is in that clause
    noun = x.head
    if noun.dep_ in ("nsubj", "nsubjpass"):
        # the speaker "speaking at an event on Monday", not "who was hired in May"
        return _SPEAKING.fullmatch(x.text) is None
    if _setting(noun, words.root):
        return False  # "at a rally held Monday", "told a crowd that gathered Monday"
    return _ITS_OWN_DATE.fullmatch(noun.text) is None


_SPEAKING = re.compile(
    r"(?:speak|address|testify|testifi|appear|talk|writ|post|tweet|answer|respond|interview)"
    r"\w*|asked|quoted",
    re.I,
)
# how a setting of the saying hangs from its verb: "at a rally", "told a crowd", "speaking at"
_SETTING_DEPS = ("pobj", "prep", "dobj", "dative", "advcl", "pcomp", "npadvmod")


def _setting(noun: Token, verb: Token) -> bool:
    """The noun is where, when or to whom the saying verb spoke (not what was said)."""
    x = noun
    while x.i != verb.i:
        if x.dep_ not in _SETTING_DEPS or x.head.i == x.i:
            return False
        x = x.head
    return True


def _clause(token: Token) -> Token | None:
    """The head of the relative or participial clause the token is in, if any."""
    x = token
    while x.dep_ not in ("relcl", "acl"):
        if x.head.i == x.i:
            return None
        x = x.head
    return x


_POINTS_BACK = re.compile(
    r"\s*[\"“”']?\s*(?:that|this|those|these|such)(?:'s|’s|\s+(?:is|was|are|were))\b", re.I
)
_VIEW = re.compile(
    r"\b(?:view|words?|remarks?|comments?|message|claim|promise|pitch|mouthed|voiced|put\s+it)\b",
    re.I,
)


def _pointed_back(
    text: str,
    sents: Sequence[tuple[int, int]],
    q: Quote,
    story: Sequence[Timex],
    anchor: dt.date,
) -> tuple[str | None, DateRange | None] | None:
    """The date of the next sentence when it names the speaker and points back to the words."""
    surname = q.speaker.name.split()[-1] if q.speaker and q.speaker.name else ""
    if len(surname) < 3:
        return None
    _, e = _sentence_of(sents, q.end - 1)
    after = [(a, b) for a, b in sents if a >= e][:1]
    if not after or not _POINTS_BACK.match(text, after[0][0], after[0][1]):
        return None
    a, b = after[0]
    sentence = text[a:b]
    # "... by Michael Reed on Nov. 14", "That was her message to voters on Monday"; not "That
    # was a change from 2010, when Reed lost"
    named = re.search(rf"\b{re.escape(surname)}\b", sentence) and (
        _COMMUNICATION.search(sentence) or _VIEW.search(sentence)
    )
    if not (named or re.search(rf"\b(?:his|her|their|its)\s+{_VIEW.pattern}", sentence, re.I)):
        return None
    for t in story:
        if a <= t.start < b:
            dated = _dated_free(t, anchor)
            if dated is not None:
                return dated
    return None


# "— Rep. Ilhan Omar (@Ilhan) November 19, 2019": an embedded post's signature
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
    later = [d for d in days if anchor < d <= anchor + dt.timedelta(days=_UPDATE_DAYS)]
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


# "told Fox News", "in an interview with CNN", "told reporters": to whom the words were said
# ("told the network" refers back: no new audience)
_AUDIENCE = re.compile(
    r"\b(?i:told|tells|telling|interview\s+with|speaking\s+(?:to|with))\s+"
    r"(?P<who>[A-Z][\w.&'’-]*|(?i:reporters|journalists|lawmakers|investigators|congress))"
)


def _occasion(s: str) -> tuple[str | None, set[str]]:
    m = _AUDIENCE.search(s)
    return (m.group("who").lower() if m else None), _frame_channel(s)


def _other_occasion(frame: str, account: str) -> bool:
    """The attribution names an audience or channel that the account does not."""
    (who, via), (then_who, then_via) = _occasion(frame), _occasion(account)
    if who and then_who:
        return who != then_who
    if via and then_via:
        return not via & then_via
    return bool((who and then_via) or (via and then_who))


def _stands_alone(text: str, q: Quote) -> bool:
    """The quote is a paragraph of its own (a subheading: “U.S.-controlled bandit formations”)."""
    a = text.rfind("\n", 0, q.start) + 1
    b = text.find("\n", q.end)
    b = len(text) if b < 0 else b
    return not re.search(r"\w", text[a : q.start] + text[q.end : b])


def _headings_dated(text: str, quotes: Sequence[Quote]) -> list[Quote]:
    """A quote standing as a subheading, undated, takes the date of its words said in the text."""
    out = list(quotes)
    words = [f" {normalise(q.text)} " for q in quotes]
    for i, q in enumerate(quotes):
        if q.when or q.when_range or q.kind == "indirect" or not _stands_alone(text, q):
            continue
        same = [
            p
            for j, p in enumerate(quotes)
            if j != i
            and p.when_basis == "text"
            and (p.when or p.when_range)
            and len(min(words[i], words[j], key=len).split()) >= 2
            and (words[i] in words[j] or words[j] in words[i])
        ]
        if same:
            p = min(same, key=lambda p: abs(p.start - q.start))
            out[i] = replace(q, when=p.when, when_range=p.when_range, when_basis="text")
    return out


# An occasion the text sets up once and then quotes from over several paragraphs.
_OCCASION_NOUN = (
    r"(?:hearing|testimony|interview|press\s+conference|news\s+conference|game|match|speech|"
    r"meeting|debate|rally|town\s+hall|briefing|summit|forum)"
)
_OCCASION = re.compile(rf"\b(?P<noun>{_OCCASION_NOUN})s?\b", re.I)
# "the hearing", "his testimony", "earlier in the same hearing": one told already
_DEFINITE = re.compile(
    r"\b(?:the|that|this|those|his|her|their|its|same)\s+(?:[\w'’-]+\s+){0,2}$", re.I
)
# "said before the interview": not at it
_BEFORE_IT = re.compile(
    rf"\b(?:before|ahead\s+of|prior\s+to)\s+(?:the|that|this|his|her|their|its|a|an)\s+"
    rf"(?:[\w'’-]+\s+){{0,2}}{_OCCASION_NOUN}",
    re.I,
)
# where the words were said ("at a rally", "during a September hearing", "in his testimony",
# "after the game"), not what they were about ("an account of the July 10 meeting")
_SETTING = re.compile(r"\b(?:at|during|in|after|following|from)\s+(?:[\w'’-]+\s+){0,4}$", re.I)
_BREAK = re.compile(r"\n\s*")
_OCCASION_GAP = 2  # paragraphs from the last words said at it
_NEAR_BEFORE = 25  # "last week's hearing", "that October appropriations hearing"
_NEAR_AFTER = 40  # "a hearing last month of ...", "a rally in Louisiana last week"


@dataclass(frozen=True, slots=True)
class _Frame:
    """From ``pos`` on, the narrative is at an occasion of this date (or at none: ``None``)."""

    pos: int
    date: tuple[str | None, DateRange | None] | None
    noun: str = ""


def _lead_period(text: str, story: Sequence[Timex], anchor: dt.date) -> _Frame | None:
    """The day or weekend of the past week the lead tells of ("spent the weekend watching")."""
    lead_end = max(_LEAD_CHARS, _paragraph_end(text, _LEAD_PARAGRAPHS))
    week = (anchor - dt.timedelta(days=7)).isoformat()
    for t in story:
        if t.start >= lead_end:
            break
        if t.granularity not in ("day", "weekend") or _since_clause(text, t):
            continue
        dated = _dated_free(t, anchor)
        start = first_day(*dated) if dated else None
        if dated and start and week <= start < anchor.isoformat():
            return _Frame(t.start, dated)
    return None


def _paragraph_end(text: str, n: int) -> int:
    breaks = [m.end() for m in re.finditer(r"\n\s*", text)]
    return breaks[n - 1] if len(breaks) >= n else len(text)


def _occasion_frames(
    text: str,
    sents: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    free: Sequence[Timex],
    story: Sequence[Timex],
    anchor: dt.date,
) -> list[_Frame]:
    """Where the narrative moves to a dated occasion, and where it leaves it (another date).

    An occasion is dated next to its mention ("last week's hearing", "a hearing last month");
    told before ("the hearing"), by its earlier dated mention, else, named in an attribution
    ("Lynn said after the game that ..."), by the day the lead reports; the first one, new
    ("In an interview about ..."), in the lead, by the day or weekend the lead tells of.
    """
    # an occasion in reported words places the speaker at it ("referred to them at last
    # week's hearing"); one in quoted words is the speaker's
    said = [(q.start, q.end) for q in quotes if q.kind != "indirect"]
    news_day = _news_day(text, story, anchor)
    used: set[int] = set()
    frames: list[_Frame] = []
    lead = _lead_period(text, story, anchor)
    lead_end = max(_LEAD_CHARS, _paragraph_end(text, _LEAD_PARAGRAPHS))
    for m in _OCCASION.finditer(text):
        pos, end = m.start(), m.end()
        if any(a <= pos < b for a, b in said):
            continue
        if not _SETTING.search(text, max(0, pos - 50), pos):
            continue
        s, e = _sentence_of(sents, pos)
        cues = [q for q in quotes if q.cue and s <= q.cue.start < e]
        date = None
        for t in free:
            near = pos - _NEAR_BEFORE <= t.end <= pos or (
                end <= t.start <= end + _NEAR_AFTER and t.start < e
            )
            if near and _dated_free(t, anchor) is not None:
                date = _dated_free(t, anchor)
                used.add(t.start)
                break
        noun = m.group("noun").lower()
        if date is None and _DEFINITE.search(text, max(0, pos - 40), pos):
            told = [f for f in frames if f.noun == noun and f.date is not None]
            if told:
                date = told[-1].date
            elif news_day is not None and cues:
                # "Lynn said after the game that ...": the one the lead reports
                date = (news_day, None)
        elif date is None and lead is not None and pos < lead_end and not frames:
            # "In an interview about ...": a new occasion, of the day the lead tells
            date = lead.date
        if date is not None and first_day(*date) == anchor.isoformat():
            frames.append(_Frame(pos, None))  # "the day's testimony": back to the present
        elif date is not None:
            frames.append(_Frame(pos, date, noun))
    # another date told, outside any occasion: the narrative has moved on
    for t in story:
        if t.start not in used and _dated_free(t, anchor) is not None:
            frames.append(_Frame(t.start, None))
    return sorted(frames, key=lambda f: f.pos)


_ANOTHER = re.compile(rf"\b(?:a|an|another)\s+(?:[\w'’-]+\s+){{0,2}}?{_OCCASION_NOUN}\b", re.I)


def _at_occasion(text: str, sents: Sequence[tuple[int, int]], q: Quote, at: _Frame) -> bool:
    """Words said in the narrative's past, as the occasion went on (not "says", "in a statement",
    "said before the interview", "has said", "said in an interview": another one, nor to
    another audience)."""
    if q.cue is None or q.kind == "fragment":
        return False
    s, e = _sentence_of(sents, q.cue.start)
    frame = _outside(text, s, e, q)
    for m in _ANOTHER.finditer(text, s, e):
        if not (m.start() <= at.pos < m.end() or q.start <= m.start() < q.end):
            return False
    if _PRESENT_SAY.search(q.cue.text) or _WRITTEN.search(f"{q.cue.text} {q.channel or ''}"):
        return False
    if _BEFORE_IT.search(frame) or _BEFORE_NOW.search(
        f"{text[max(0, q.cue.start - 20) : q.cue.start]} {q.cue.text}"
    ):
        return False
    return _AUDIENCE.search(frame) is None


def _occasions_dated(
    text: str,
    sents: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    free: Sequence[Timex],
    story: Sequence[Timex],
    anchor: dt.date,
) -> list[Quote]:
    """Undated quotes the narrative places at the dated occasion it last set up.

    "At a House hearing last week, ..." holds for the quotes after it, within a few
    paragraphs of the last words said there, until another date is told: the words of
    those the text places at it (named where it sets it up, quoted at it, or answering
    there: "responded", "the other witness at the hearing"). A speaker the text places at
    another occasion only (a pull quote from it) takes that one's date.
    """
    frames = _occasion_frames(text, sents, quotes, free, story, anchor)
    if not any(f.date for f in frames):
        return list(quotes)
    out = list(quotes)
    at: dict[int, int] = {}  # quote index -> frame index: placed there
    stray: dict[int, int] = {}  # ... not placed there: maybe at another occasion
    last: dict[int, int] = {}  # frame index -> where the narrative was last at it
    # an occasion (its noun and date, however often told) -> (where, who) quoted there
    present: dict[_Key, list[tuple[int, str]]] = {}
    for i, q in enumerate(quotes):
        pos = q.cue.start if q.cue else q.start
        k = max((j for j, f in enumerate(frames) if f.pos < min(pos, q.start)), default=None)
        if k is None or frames[k].date is None or q.continues is not None:
            continue
        key = _key(frames[k])
        since = last.get(k, frames[k].pos)
        if len(_BREAK.findall(text, since, q.start)) > _OCCASION_GAP:
            continue  # paragraphs away from it: the narrative has moved on
        if q.when or q.when_range or q.when_basis != "article date":
            if (q.when, q.when_range) == frames[k].date:
                last[k] = q.start
                present.setdefault(key, []).extend((q.start, n) for n in _names(q))
            continue
        if not _at_occasion(text, sents, q, frames[k]):
            continue
        there = {n for _, n in present.get(key, [])}
        openers = [f.pos for f in frames if f.date is not None and _key(f) == key]
        if _placed(text, sents, q, frames[k], there, openers):
            at[i] = k
            last[k] = q.start
            present.setdefault(key, []).extend((q.start, n) for n in _names(q))
        else:
            stray[i] = k
    for i, k in {**at, **stray}.items():
        speaker = quotes[i].speaker
        name = speaker.name if speaker else None
        date = frames[k].date
        # others there, outside the quote's own paragraph (a pull quote's "X said")
        a, e = _paragraph(text, quotes[i].start)
        here = {n for pos, n in present.get(_key(frames[k]), []) if not a <= pos < e}
        if name and name not in here:
            elsewhere = [
                key
                for key, said in present.items()
                if key[1] != date and name in {n for _, n in said}
            ]
            if elsewhere:
                date = min(
                    elsewhere,
                    key=lambda key: min(abs(p - quotes[i].start) for p, _ in present[key]),
                )[1]
            elif i in stray:
                continue
        when, rng = date or (None, None)
        out[i] = replace(quotes[i], when=when, when_range=rng, when_basis="text")
    for i, q in enumerate(out):  # continuations follow
        if q.continues is not None and 0 <= q.continues < i:
            p = out[q.continues]
            if (p.when or p.when_range) and not (q.when or q.when_range):
                out[i] = replace(q, when=p.when, when_range=p.when_range, when_basis=p.when_basis)
    return out


_Key = tuple[str, "tuple[str | None, DateRange | None] | None"]


def _key(f: _Frame) -> _Key:
    return f.noun, f.date


_REPLY = re.compile(
    r"\b(?:respond|repl|answer|ask|agree|counter|interject|retort|shot\s+back)\w*", re.I
)


def _placed(
    text: str,
    sents: Sequence[tuple[int, int]],
    q: Quote,
    at: _Frame,
    quoted: set[str],
    openers: Sequence[int],
) -> bool:
    """The text places the speaker at the occasion: named where it is set up, quoted there
    already, answering there, or the attribution names it ("the other witness at the hearing").
    """
    name = q.speaker.name if q.speaker else None
    if not name or name in quoted or q.cue is None:
        return True
    surname = re.compile(rf"\b{re.escape(name.split()[-1])}\b")
    if any(surname.search(text, *_paragraph(text, pos)) for pos in openers):
        return True
    s, e = _sentence_of(sents, q.cue.start)
    frame = _outside(text, s, e, q)
    return bool(_REPLY.match(q.cue.text) or re.search(rf"\b{at.noun}\b", frame, re.I))


def _names_occasion(text: str, sents: Sequence[tuple[int, int]], q: Quote) -> bool:
    """The quote's attribution says at which occasion the words were said ("at a rally")."""
    s, e = _sentence_of(sents, q.cue.start if q.cue else q.start)
    frame = _outside(text, s, e, q)
    return any(
        _SETTING.search(frame, max(0, m.start() - 50), m.start()) for m in _OCCASION.finditer(frame)
    )


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    b = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if b < 0 else b


def _names(q: Quote) -> set[str]:
    return {q.speaker.name} if q.speaker and q.speaker.name else set()
