"""Direct quotes: the cue and speaker of each quoted region."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from saidwhen.extract.lexicon import COURTESY_TITLES, TITLES
from saidwhen.extract.people import PRONOUNS, PeopleIndex
from saidwhen.extract.people.speakers import stacked_title_name
from saidwhen.extract.quotes import QuoteRegion
from saidwhen.extract.speech.finders import (
    FINDERS,
    Found,
    Site,
    find_after,
    find_before,
    find_said_after_fragment,
    introduces,
    nearby_subject,
    opens_on_cue,
)
from saidwhen.extract.speech.headline import headline_cue
from saidwhen.extract.speech.lexicon import CHANNEL_WORDS, DASHES, PHOTO_CREDIT
from saidwhen.extract.speech.nonquote import CHANNEL_TITLE, listed_after, not_speech_regions
from saidwhen.extract.speech.rules import SPEECH_NOUNS
from saidwhen.extract.speech.syntax import (
    according_to,
    channel_of,
    cue_span,
    is_speech_verb,
    np_span,
    subject_of,
)
from saidwhen.extract.speech.types import Draft
from saidwhen.extract.speech.view import ArticleView, tokens_in, window_tokens
from saidwhen.model import Span, Speaker
from saidwhen.nlp import doc_text
from saidwhen.normalise import SameWords, WordRuns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "WORDS_NOUNS",
    "direct_drafts",
    "make_speaker",
    "outer_reporter",
    "outer_source",
    "reporter_of",
    "subhead_line",
    "words_owner",
]


# the forms a sentence may open on before its speaker: "Said Ellis:", "Added Roe,"
def make_speaker(doc: Doc, people: PeopleIndex, subj: Token, whole: bool = False) -> Speaker:
    names = [c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if subj.pos_ in ("NOUN", "NUM") and names:
        # "Her partner, ecologist Priya Raman, said"; "One of the authors, Tom Hale, said"
        subj = names[0]
    elif (stacked := stacked_title_name(subj)) is not None:
        subj = stacked  # "American academic and professor Marc Hill commented"
    if subj.dep_ == "poss" or subj.lower_ in PRONOUNS:
        s, e = subj.idx, subj.idx + len(subj)
    else:
        s, e = np_span(doc, subj, whole)
        first = tokens_in(doc, s, s + 1)
        if first and first[0].i < subj.i and opens_on_cue(first[0]):
            s = doc[first[0].i + 1].idx  # "Said Ellis": the parser made the verb a compound
    cut, e = e, _past_abbreviated_title(doc_text(doc), e)
    mention = doc_text(doc)[s:e]
    # (the name after the title, when the index took the title for one: "Army Capt")
    name = (people.resolve(cut + 2, e) if e > cut else None) or people.resolve(s, e)
    if (
        name is None
        and mention.lower() not in PRONOUNS
        and mention.lower() not in ("i", "we", "they", "it", "you")
    ):
        name = mention
    return Speaker(name, mention, s, e)


# a title cut short at its period and the name after it ("Navy Capt. Jeff Davis", which
# the sentence splitter may end at "Capt.")
_TITLE_THEN_NAME = re.compile(r"\.(?:[^\S\n]+[A-Z][\w'’-]*){1,3}")


def _past_abbreviated_title(text: str, end: int) -> int:
    """The end of a mention that stops at an abbreviated title's period, moved past the
    name that follows it ("said Pentagon spokesman Navy Capt. Jeff Davis")."""
    for _ in range(3):  # titles in a row: "Sgt. Maj. Tom Lee"
        word = text[max(0, end - 6) : end].split()[-1:] if end else []
        if not word or f"{word[0].lower()}." not in TITLES or word[0].lower() in COURTESY_TITLES:
            return end
        m = _TITLE_THEN_NAME.match(text, end)
        if not m:
            return end
        end = m.end()
    return end


# a line that ends in a signature, ``"..." ― Jane Roe``, then a line break
_SIGNED_LINE = re.compile(r"[”\"][^\S\n]*[―—–][^\S\n]*[^\W\d][^\n”\"“]{0,60}\n[^\S\n]*\Z")


def _attribute_region(
    view: ArticleView,
    people: PeopleIndex,
    region: QuoteRegion,
    limit: int,
    floor: int,
    split_from: QuoteRegion | None = None,
    quoted: frozenset[int] = frozenset(),
    titles: frozenset[int] = frozenset(),
) -> Draft:
    doc = view.doc
    text = doc_text(doc)
    words = text[region.start : region.end]
    before = text[max(0, region.open_mark - 2) : region.open_mark].rstrip()
    # a quote opening the line after a signed one ("..." ― Jane Roe) is no fragment
    signed = _SIGNED_LINE.search(text[max(0, region.open_mark - 80) : region.open_mark])
    prev_char = "" if signed else before[-1:]
    fragment = prev_char.isalnum() or (
        words[:1].islower()
        and prev_char not in (":",)
        and region.open_mark > 0
        and text[: region.open_mark].rstrip()[-1:] not in ("\n", "")
    )
    if fragment and split_from is not None:
        fragment = False  # "X," she said, "and y": the second half of a split quote
    draft = Draft(region.start, region.end, "fragment" if fragment else "direct", region=region)
    if (head := headline_cue(view, people, region)) is not None:
        # a headline's capitals mislead the parse: its words name the speaker
        draft.cue_token, draft.cue, draft.speaker = head
        draft.headline = True
        return draft
    site = Site(view, region, limit, floor, quoted)
    found = None
    for _name, for_direct, for_fragment, for_split, finder in FINDERS:
        if (for_fragment if fragment else for_direct) and (split_from is None or for_split):
            found = finder(site)
            if found is not None:
                break
    if (dashed := _set_between_dashes(view, region, quoted)) is not None:
        found = dashed  # 'O'Malley lamented her gaffes - "..." - Democrats said': O'Malley's
    elif found is not None and finder in (find_after, find_said_after_fragment):
        # 'he said, "...," the office said': the verb that opens the quote is its
        # speaker's; the one after it reports the whole sentence
        inner = find_before(site)
        if (
            inner is not None
            and inner[2] is not None
            and not inner[0].is_punct  # 'For example: "...," he told CNN': no "Name:" line
            and introduces(doc, inner[0], region)
        ):
            found = inner
    if found is None and not fragment and split_from is None:
        # a title in the lead-in ('On "Face the Nation," Sanders said') quotes no one
        found = _lead_in_subject(view, people, region, quoted - titles)
    if found is None and (owned := words_owner(view, region, quoted)) is not None:
        found = owned[0], None, owned[1], False  # "his criticism was: "...""
        draft.owned = not _reported_on(*owned, quoted)
    if found is None:
        return draft
    verb, cue, subj, draft.said_after = found
    if fragment and subj is not None and region.start <= subj.idx < region.end:
        return draft  # the quoted words are the speaker, not what was said
    if (
        verb.idx < region.open_mark
        and (owned := words_owner(view, region, quoted)) is not None
        and not _reported_on(*owned, quoted)
    ):
        # "Sanders pushed his promise of "...", "According to aides, her slogans - like
        # "..." - sound tired": the noun's owner says the words
        draft.owned = True
        if not _own_words(verb, subj, *owned):
            verb, cue, subj = owned[0], None, owned[1]
    if (named := _name_hung_on(verb)) is not None and (subj is None or subj.i < named.i):
        subj = named  # '"Cruz," Beck joked': the parse took the name for part of the verb
    inverted = False
    if subj is None and cue is None:
        subj = nearby_subject(view, verb, region)
        # "...," wrote a man calling himself X: the whole noun phrase after the verb
        inverted = subj is not None and subj.i > verb.i and doc[verb.i + 1].pos_ == "DET"
    # '"...," Smith said, according to a transcript': Smith speaks, the transcript
    # only carries it (PolNeAR gives the outer source; readers ask who said it)
    draft.cue = cue or cue_span(doc, verb)
    draft.cue_token = verb.i
    if subj is not None and draft.owned and subj.dep_ == "poss" and subj.pos_ != "PRON":
        draft.speaker = _owner(doc, people, subj)
    elif subj is not None:
        draft.speaker = _with_description(doc, make_speaker(doc, people, subj, inverted), verb)
    draft.channel = channel_of(view.tokens_of(CHANNEL_WORDS, *view.sentence_range(verb.i)))
    return draft


# Nouns for words someone said, whose owner ("Trump's statement", "her messages") says
# the quote they introduce
WORDS_NOUNS = SPEECH_NOUNS | frozenset(
    """
    remark comment criticism message assumption quote quip line tweet post slogan refrain
    mantra description characterization question answer reply response retort joke vow
    charge plea demand word
    """.split()
)
# what stands between such a noun and the quote: "statement about "...", "messages - like
# ''...''", "claim that "..."", "vow: "..."" (not nothing: "called his comments "toxic"",
# "the ministry's claim "is false"" say what someone else thinks of the words)
_OWNED_GAP = re.compile(r"\s*(?:[-—–―:]\s*)?(?:(?:about|of|that|like)\s+)?")
# or a copula: "His assumption, stated on TV, was that "..."", "his criticism was the
# president's choice: ''...''"
_OWNED_COPULA = re.compile(
    r"(?:,[^,\"“”\n]{1,80},)?\s+(?:is|was|are|were|has been|had been)\s+"
    r"(?:that\s+|[^\"“”:\n]{0,60}:\s*)"
)
# how far before the quote such a noun may be (characters)
_OWNED_REACH = 200


def words_owner(
    view: ArticleView, region: QuoteRegion, quoted: frozenset[int]
) -> tuple[Token, Token] | None:
    """``Trump's statement about "thousands of shootings"``, ``His assumption was that
    "..."``: a quote introduced by a noun of saying that someone owns is the owner's, not
    that of the sentence's verb ("Politifact ruled that ..."). The noun and the owner."""
    doc, text = view.doc, view.text
    lo = max(
        text.rfind("\n", max(0, region.open_mark - _OWNED_REACH), region.open_mark) + 1,
        region.open_mark - _OWNED_REACH,
    )
    toks = [t for t in window_tokens(doc, lo, region.open_mark) if t.i not in quoted]
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].text in (".", "!", "?") or toks[k].is_quote:
            toks = toks[k + 1 :]  # this sentence, after any quote of its own
            break
    for noun in reversed(toks):
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in WORDS_NOUNS:
            continue
        gap = text[noun.idx + len(noun) : region.open_mark]
        if not gap.strip() or not (_OWNED_GAP.fullmatch(gap) or _OWNED_COPULA.fullmatch(gap)):
            continue
        owner = [
            c
            for c in noun.children
            if c.dep_ == "poss"
            and c.i not in quoted
            and (c.pos_ in ("PROPN", "NOUN") or c.lower_ in ("his", "her", "their"))
        ]
        if owner and gap.strip() == ":" and _acted_on(noun, owner[0], quoted):
            return None
        return (noun, owner[0]) if owner else None
    return None


def _acted_on(noun: Token, owner: Token, quoted: frozenset[int]) -> bool:
    """``replied to Lee's criticism: "..."``, ``rejected the council's demand: "..."``: the
    noun is what a verb of another subject acts on, and the words after the colon are that
    subject's (not the named owner's)."""
    if owner.pos_ == "PRON":
        return False  # ("said in his statement: "..."": his own, as _own_words reads it)
    x = noun
    while x.dep_ in ("pobj", "prep") and x.head.i != x.i:
        x = x.head
    if x.dep_ == "dobj":
        x = x.head
    if x.i == noun.i or x.pos_ not in ("VERB", "AUX"):
        return False
    subj = subject_of(x, quoted)
    return subj is not None and subj.i != owner.i


def _set_between_dashes(
    view: ArticleView, region: QuoteRegion, quoted: frozenset[int]
) -> Found | None:
    """A quote set between dashes into a sentence (``When Trump wrapped up — "..." — the
    balloons fell``, ``She touted his record—"..."—and promised``) illustrates the phrase
    before it: the subject of that phrase's clause says it, not the subject of the words
    after it."""
    doc, text = view.doc, view.text
    # (walked over white space, not copies of the text around each quote)
    end = region.open_mark
    while end and text[end - 1].isspace():
        end -= 1
    after = region.outer_end
    while after < len(text) and text[after] == " ":
        after += 1
    if not text.endswith(DASHES, max(0, end - 2), end) or not text.startswith(DASHES, after):
        return None
    toks = [
        t
        for t in window_tokens(doc, max(0, end - 120), end - 1)
        if not t.is_space and not t.is_punct
    ]
    if not toks or toks[-1].i in quoted or "\n" in text[toks[-1].idx : region.open_mark]:
        return None
    tok = toks[-1]
    for _ in range(6):  # up to the clause whose subject does it
        if tok.pos_ in ("VERB", "AUX") and (subj := subject_of(tok, quoted)) is not None:
            return tok, None, subj, False
        if tok.head.i == tok.i or tok.head.i > tok.i:
            return None
        tok = tok.head
    return None


def _reported_on(noun: Token, owner: Token, quoted: frozenset[int]) -> bool:
    """``Politifact ruled that Trump's statement about "..." is true``: a speaker of its own
    reports on a named owner's words (realnews annotators give them to Trump, PolNeAR to
    the outer source, Politifact: the outer reading is kept, which PolNeAR's gate holds)."""
    if owner.pos_ == "PRON":
        return False
    tok, clause = noun, False
    while tok.head.i != tok.i:
        clause = clause or tok.dep_ == "ccomp"  # what a verb says or finds
        tok = tok.head
        if clause and tok.pos_ in ("VERB", "AUX"):
            subj = subject_of(tok, quoted)
            if subj is not None and subj.i not in (noun.i, owner.i):
                return True
    return False


def _name_hung_on(verb: Token) -> Token | None:
    """The name right before a cue verb that the parse hangs on the verb as a compound
    ("Beck joked" read as one word), which is the verb's subject."""
    if verb.i == 0 or verb.pos_ != "VERB":
        return None
    prev = verb.doc[verb.i - 1]
    if prev.dep_ != "compound" or prev.head.i != verb.i or prev.pos_ != "PROPN":
        return None
    return prev


def _own_words(verb: Token, subj: Token | None, noun: Token, owner: Token) -> bool:
    """``Trump said in his statement: "..."``, ``Sanders pushed his promise of "..."``:
    the cue's subject owns the words itself (a his/her/their in what the verb governs)."""
    if subj is None or subj.i == noun.i or owner.pos_ != "PRON":
        return False
    return any(a.i == verb.i for a in noun.ancestors)


def _owner(doc: Doc, people: PeopleIndex, owner: Token) -> Speaker:
    """The speaker a possessor names, its whole noun phrase without the "'s" ("Mr. Trump",
    "an inspector general")."""
    s, e = owner.left_edge.idx, owner.idx + len(owner)
    mention = doc_text(doc)[s:e]
    return Speaker(people.resolve(s, e) or mention, mention, s, e)


def _with_description(doc: Doc, speaker: Speaker, verb: Token) -> Speaker:
    """``"...," Jane Roe, a fellow at the X Institute, said``: the mention keeps the
    description between the name and the verb, as news annotators mark a source (the
    name stays the person's)."""
    gap = doc_text(doc)[speaker.end : verb.idx]
    if not re.fullmatch(r",[^,\n]{3,200},\s*", gap):
        return speaker
    toks = window_tokens(doc, speaker.end, verb.idx)
    subj = tokens_in(doc, speaker.start, speaker.end)
    ids = {t.i for t in subj}
    if not any(t.dep_ == "appos" and t.head.i in ids for t in toks):
        return speaker
    end = speaker.end + len(gap.rstrip())
    return replace(speaker, mention=doc_text(doc)[speaker.start : end], end=end)


def _lead_in_subject(
    view: ArticleView, people: PeopleIndex, region: QuoteRegion, quoted: frozenset[int]
) -> Found | None:
    """``Ortiz returned to the issue later in the hearing. "What ...?"``: a quote
    with no cue, after a sentence of its own paragraph whose subject is a named
    person (or a he/she that is one: "Why was he out in the heat?"), is that person's
    (not the speaker of the paragraph before)."""
    doc, text = view.doc, view.text
    before = text[: region.open_mark].rstrip()
    para_start = text.rfind("\n", 0, region.open_mark) + 1
    if len(before) <= para_start or not before.endswith((".", "!", "?")):
        return None
    end_tok = tokens_in(doc, len(before) - 1, len(before))
    if not end_tok:
        return None
    # the parser may run a sentence over the paragraph break: this paragraph's part
    sent = [t for t in view.sentence(end_tok[0].i) if t.idx >= para_start]
    if any(t.i in quoted for t in sent):
        return None
    ids = {t.i for t in sent}
    subj = [
        t
        for t in sent
        if t.dep_ == "nsubj"
        and (t.pos_ == "PROPN" or t.lower_ in ("he", "she"))
        and t.head.i in ids
        and t.head.pos_ in ("VERB", "AUX")
        and (t.head.head.i == t.head.i or t.head.head.i not in ids)  # or a run-on's
    ]
    if not subj:
        return None
    s, e = (
        (subj[0].idx, subj[0].idx + len(subj[0]))
        if subj[0].pos_ == "PRON"
        else np_span(doc, subj[0])
    )
    ent = people.entity_at(s, e)
    if ent is None or ent.type != "person" or not ent.named:
        return None
    return subj[0].head, None, subj[0], False


def outer_source(
    view: ArticleView, tok: Token, quoted: frozenset[int]
) -> tuple[Span, Token] | None:
    """``"..." Smith said, according to a transcript``: PolNeAR gives the outer report,
    the transcript, as the source.  Only words of the same sentence and paragraph."""
    doc = view.doc
    toks = [
        t
        for t in view.tokens_of(("according",), *view.sentence_range(tok.i))
        if t.i not in quoted and view.para[t.i] == view.para[tok.i]
    ]
    acc = according_to(doc, toks)
    if acc is None or acc[1] is None or acc[1].i in quoted:
        return None
    first = tokens_in(doc, acc[0].start, acc[0].end)
    if first and first[0].i > 0 and doc[first[0].i - 1].lower_ == "that":
        return None  # "said that according to its analysis ...": inside what was said
    return acc[0], acc[1]


def outer_reporter(
    view: ArticleView, fragment: Draft, quoted: frozenset[int]
) -> tuple[Token, Token] | None:
    """``Trump said that Clinton once described the deal as "the gold standard"``: a
    report nested in what another speaker says; the quoted words come to us from the
    outer speaker, whom news annotators give as their source.  The outer verb and
    its subject, in the same paragraph."""
    doc = view.doc
    report = fragment.continues_draft
    if report is None or report.cue is None:
        return None
    cue = doc.char_span(report.cue.start, report.cue.end, alignment_mode="expand")
    if cue is None:
        return None
    found = reporter_of(view, cue.root, quoted)
    if found is None or fragment.start <= found[1].idx < fragment.end:
        return None
    return found


def reporter_of(
    view: ArticleView, verb: Token, quoted: frozenset[int]
) -> tuple[Token, Token] | None:
    """The verb of saying whose reported clause holds ``verb``, and its subject, in the
    same paragraph and sentence: ``Ortega said her manager told her ...`` gives "said"
    and "Ortega" for "told"."""
    doc = view.doc
    text = doc_text(doc)
    tok = verb
    nested = False
    while tok.head.i != tok.i:
        nested = nested or tok.dep_ == "ccomp"
        tok = tok.head
        between = text[min(tok.idx, verb.idx) : max(tok.idx, verb.idx)]
        if "\n" in between or ";" in between:
            return None  # (a semicolon joins two sentences: "Iraq said ...; Lee called")
        if nested and tok.i not in quoted and is_speech_verb(tok):
            subj = subject_of(tok, quoted)
            return None if subj is None else (tok, subj)
    return None


def direct_drafts(
    view: ArticleView,
    people: PeopleIndex,
    start: int,
    regions: list[QuoteRegion],
    in_quotes: frozenset[int],
) -> list[Draft]:
    doc = view.doc
    text = doc_text(doc)
    drafts: list[Draft] = []
    names = not_speech_regions(view, regions)
    titles = frozenset(
        t.i
        for r, why in zip(regions, names, strict=True)
        if why is not None
        for t in tokens_in(doc, r.open_mark, r.outer_end)
    )
    for k, region in enumerate(regions):
        if names[k] is not None:
            continue  # a title, name, term or slogan: nobody's words
        nxt = regions[k + 1] if k + 1 < len(regions) else None
        limit = (
            nxt.open_mark if nxt is not None and nxt.paragraph == region.paragraph else len(text)
        )
        prev = regions[k - 1] if k > 0 else None
        floor = prev.outer_end if prev is not None and prev.paragraph == region.paragraph else start
        gap = text[prev.outer_end : region.open_mark] if prev is not None else ""
        split_from = (
            prev
            if prev is not None
            and prev.paragraph == region.paragraph
            and len(gap) < 200
            and gap.rstrip().endswith((",", ":"))
            else None
        )
        draft = _attribute_region(view, people, region, limit, floor, split_from, in_quotes, titles)
        last = _thread_of(text, drafts, region)
        if _is_subhead(text, region) and draft.cue is None:
            drafts.append(draft)  # a new section: not the quote before it going on
            continue
        if last is not None and last.region is not None:
            same_cue = draft.cue_token is not None and draft.cue_token == last.cue_token
            near = region.paragraph - last.region.paragraph <= 1 or _captions_between(
                text, last.region.outer_end, region.open_mark
            )
            if (
                same_cue
                or region.continues_previous
                or (draft.cue is None and near and draft.kind == "direct")
            ):
                draft.continues_draft = last
            if draft.speaker is None and draft.continues_draft is not None:
                draft.speaker, draft.inherited = last.speaker, True
                draft.cue = draft.cue or last.cue
            elif draft.cue is None and _listed_with(text, last, draft):
                # 'the work of a "showman," "a performer," but also a "critic"': one cue
                # says every fragment of the list
                draft.cue, draft.cue_token, draft.speaker = last.cue, last.cue_token, last.speaker
        # A fragment with no cue of its own is kept only if reported speech claims it
        # (see find_quotes): otherwise it is a scare quote or a name in quotes.
        drafts.append(draft)
    _name_subheads(view, drafts)
    _name_pulled(text, drafts)
    _channels_from_titles(
        view, drafts, [r for r, why in zip(regions, names, strict=True) if why == CHANNEL_TITLE]
    )
    return drafts


def _listed_with(text: str, last: Draft, draft: Draft) -> bool:
    """Whether the fragment ``draft``, which has no cue, is the next item of a list of
    quoted words after the fragment ``last``, which has one (:func:`listed_after`)."""
    if draft.kind != "fragment" or last.kind != "fragment" or last.region is None:
        return False
    if last.cue is None or last.speaker is None or draft.region is None:
        return False
    return listed_after(text, last.region, draft.region)


def _channels_from_titles(view: ArticleView, drafts: list[Draft], shows: list[QuoteRegion]) -> None:
    """A quote said on or to a programme in its cue's sentence (``told "Morning Report"``)
    was said there: the programme is its channel, when no channel word gave one."""
    for d in drafts:
        if d.channel is not None or d.cue_token is None or not shows:
            continue
        lo, hi = view.sentence_range(d.cue_token)
        first, end = view.idx[lo], view.idx[hi - 1] + len(view.texts[hi - 1])
        show = next((r for r in shows if first <= r.open_mark < end), None)
        if show is not None:
            d.channel = view.text[show.start : show.end].rstrip(".,;:")


# how far apart two quotes with only photo captions between them may be (characters)
_CAPTIONS_REACH = 400


def _captions_between(text: str, end: int, start: int) -> bool:
    """Whether only photos' captions ("In 2008, the shuttles await. Image: NASA.") stand
    between two quotes, in paragraphs of their own: a quote resumed after one goes on."""
    if start - end > _CAPTIONS_REACH:
        return False
    paras = [p.strip() for p in text[end:start].split("\n")]
    inner = [p for p in paras[1:-1] if p]
    return bool(inner) and not paras[-1] and all(PHOTO_CREDIT.search(p) for p in inner)


def _thread_of(text: str, drafts: list[Draft], region: QuoteRegion) -> Draft | None:
    """The quote a quote ``region`` with no cue goes on from: the last one, or, when
    ``region`` opens a later paragraph and the last one is a fragment in a paragraph
    that a quote opens (a block quote's ``a doctor had typed "homicidal ideation."``),
    that paragraph's quote: the block goes on, not the words it quotes."""
    last = drafts[-1] if drafts else None
    if last is None or last.kind != "fragment" or last.region is None:
        return last
    if last.region.paragraph == region.paragraph:
        return last
    para = last.region.paragraph
    for d in reversed(drafts[:-1]):
        if d.region is None or d.region.paragraph != para:
            return last
        if d.kind == "direct":
            line = text.rfind("\n", 0, d.region.open_mark) + 1
            opens = not text[line : d.region.open_mark].strip()
            return d if opens and _other_speaker(d, last) else last
    return last


def _other_speaker(a: Draft, b: Draft) -> bool:
    """Whether two drafts have speakers, of different names."""
    return bool(a.speaker and b.speaker and a.speaker.name and a.speaker.name != b.speaker.name)


# A subhead quoting someone: a line of a few words that is nothing but a quote.
_SUBHEAD_WORDS = 12


def _is_subhead(text: str, region: QuoteRegion) -> bool:
    """A quote that is a whole line of a few words without a sentence's end
    (a line "Alarming mortality rate" between two paragraphs): a subhead."""
    if region.close_mark is None or region.continues_previous:
        return False  # a quote running over paragraphs ("(CROSSTALK.)" in a transcript)
    return subhead_line(text, region.open_mark, region.outer_end, region.start, region.end)


def subhead_line(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether the words ``start:end``, quoted by the marks ``lo:hi``, are a subhead: the
    whole line, a few words without a sentence's end."""
    line_start = text.rfind("\n", 0, lo) + 1
    line_end = text.find("\n", hi)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:lo].strip() or text[hi:line_end].strip():
        return False
    words = text[start:end].strip()
    return 0 < len(words.split()) <= _SUBHEAD_WORDS and not words.endswith(tuple(".?!,;:"))


def _name_subheads(view: ArticleView, drafts: list[Draft]) -> None:
    """A subhead without a cue quotes words the article gives in full elsewhere ("this
    alarming mortality rate constitutes an emergency," the doctors wrote), or holds a
    phrase quoted elsewhere: it is that quote's speaker's. So are two words or more quoted
    inside a heading ("Ruiz 'proud of the crew' after race", a subtitle 'Lee blasts "a cruel
    plan"') that are part of a quote the article gives with a cue."""
    text = view.text
    forms = SameWords([text[d.start : d.end] for d in drafts])  # the package's "same words"
    for i, d in enumerate(drafts):
        if d.region is None or d.cue is not None:
            continue
        words = forms(i)
        # a quote that is not a whole line is read only as words a heading quotes
        subhead = _is_subhead(text, d.region)
        if not subhead and (
            d.kind != "fragment"  # (a heading's quote of its own is read as any other)
            or d.speaker is not None
            or len(words.split()) < _HEADING_ECHO_WORDS
            or not _in_heading(view, d.region)
            or _imperative(view, d.region)
        ):
            continue  # (a single word a heading quotes is mostly a scare quote: 'Unity')
        if not words.strip():
            continue
        for j, other in enumerate(drafts):
            if other is d or other.speaker is None or other.cue is None:
                continue
            said = forms(j)
            if not subhead:
                # a heading quotes a part of the words ("'proud of the crew'" of "I am
                # proud of the crew we had"), not a whole slogan the body quotes too
                if words in said and words != said:
                    d.speaker, d.cue = other.speaker, other.cue
                    break
            # or a quoted phrase of the article (two words at least) is in it ("bandit
            # formations" in "U.S.-controlled bandit formations")
            elif words in said or (said.count(" ") >= 3 and said in words):
                d.speaker, d.cue = other.speaker, other.cue
                break


# the words a heading quotes from the body, at least
_HEADING_ECHO_WORDS = 2


def _imperative(view: ArticleView, region: QuoteRegion) -> bool:
    """Whether the quoted words open on a verb's bare form: a slogan ('fix every road',
    'build the wall'), not words someone said of themselves."""
    k = bisect.bisect_left(view.idx, region.start)
    return k < len(view.idx) and view.tag[k] == "VB"


# a heading: one of the body's first lines (a headline, a subtitle), or a line this short
_HEADING_LINES = 3
_HEADING_WORDS = 20
_SUBHEAD_LINE_WORDS = 8


def _in_heading(view: ArticleView, region: QuoteRegion) -> bool:
    """Whether ``region`` lies in a heading: a line of one sentence at most
    ``_HEADING_WORDS`` words long among the body's first ``_HEADING_LINES`` lines, or of
    at most ``_SUBHEAD_LINE_WORDS`` words anywhere ('Wary of "total chaos."')."""
    if region.close_mark is None or region.continues_previous:
        return False
    text, body = view.text, view.start
    line_start, line_end = view.lines.start(region.open_mark), view.lines.end(region.outer_end)
    words = text[line_start:line_end].split()
    if len(words) > _HEADING_WORDS or _SENTENCE_INSIDE.search(text, line_start, line_end):
        return False
    if len(words) <= _SUBHEAD_LINE_WORDS:
        return True
    seen, at = 0, body  # the non-blank lines above it, counted up to _HEADING_LINES
    while at < line_start and seen < _HEADING_LINES:
        nxt = text.find("\n", at, line_start)
        nxt = line_start if nxt < 0 else nxt
        seen += bool(text[at:nxt].strip())
        at = nxt + 1
    return seen < _HEADING_LINES


# a sentence ending before a line's end ("... the tax. Lee ...")
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?][’'\"”]?\s+[A-Z]")


# how many words a pulled quote shares with the quote it repeats, at least
_PULLED_WORDS = 6


def _name_pulled(text: str, drafts: list[Draft]) -> None:
    """A quote with no cue and no speaker that the article gives again with its speaker
    (a pull quote set into the text, signed or not: ""I worry that ...\nDean Baker,
    Center for ..."" and later ""I worry that ...," said Dean Baker") is that speaker's."""
    bare = [
        i
        for i, d in enumerate(drafts)
        if d.kind == "direct" and d.speaker is None and d.cue is None and d.continues_draft is None
    ]
    if not bare:
        return  # (most articles: the index of the others' words is not built)
    forms = SameWords([text[d.start : d.end] for d in drafts])
    said = [k for k, d in enumerate(drafts) if d.speaker is not None and d.cue is not None]
    holding = WordRuns(forms, said, _PULLED_WORDS)
    for i in bare:
        d = drafts[i]
        for j in holding.candidates(i):
            if forms.same(i, j, _PULLED_WORDS):
                d.speaker, d.cue = drafts[j].speaker, drafts[j].cue
                break
