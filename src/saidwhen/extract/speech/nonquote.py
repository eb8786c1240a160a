"""Quoted words that are nobody's speech: titles, names, terms, slogans, scare quotes.

News puts quotation marks around more than what people said: the title of a
song or show (the "Bad Blood" songstress, an episode of "DWTS"), a name given
to something (known as the "Three Amigos", the "one country, two systems"
formula), a term talked about (never used the term "three amigos"), a slogan
on a sign, a label nobody in particular applied (what's been portrayed as
"irregular"). :func:`not_speech_regions` gives each quoted region of an article
the reason it is one of those, or None for words someone said. A fragment of
reported speech ("called it "a disaster"", "described the call as "improper"")
is speech: a naming word counts only where it names (a participle without a
speaker, a title in Title Case), never where a speaker is doing the calling.
Labels, names given and terms are left out with ``labels=False``: the
reading of PolNeAR's annotators (see :func:`not_speech_regions`).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from saidwhen.extract.lexicon import CHANNEL_WORDS, SPEECH_VERBS
from saidwhen.extract.quotes import HEADLINE_CHARS, line_near
from saidwhen.extract.speech.lexicon import TITLE_CONTEXT

if TYPE_CHECKING:
    from saidwhen.extract.quotes import QuoteRegion
    from saidwhen.extract.speech.view import ArticleView

__all__ = [
    "CHANNEL_TITLE",
    "LIST_GAP",
    "TITLE_REASONS",
    "WORD",
    "in_headline",
    "listed_after",
    "not_speech",
    "not_speech_regions",
    "words_key",
]

# the reason given to the programme a quote was said on or to: also the quote's channel
CHANNEL_TITLE = "a title naming a channel or a work"

# a document's classification, quoted as the marking it bears ("emails deemed "top secret"")
_MARKINGS = frozenset(
    [
        "top secret",
        "secret",
        "confidential",
        "classified",
        "unclassified",
        "sensitive but unclassified",
        "for official use only",
    ]
)
# words that name what follows wherever they stand in the clause before it
# ("Ruiz had dubbed the envoy's role ... as "the Ortiz problem"")
_NAMING_VERBS = frozenset(
    ["dubbed", "nicknamed", "titled", "entitled", "christened", "renamed", "trademarked"]
)
# boards that carry printed words ("a sign that read "..."", the slogan "..." on placards)
_SIGN_NOUNS = frozenset(
    ["sign", "signs", "placard", "placards", "banner", "banners", "poster", "posters"]
)
# nouns that, just before the mark, say the quoted words are a term, a slogan or a sign's text
_TERM_NOUNS = frozenset(
    [
        "term",
        "phrase",
        "word",
        "expression",
        "name",
        "nickname",
        "moniker",
        "label",
        "slogan",
        "slogans",
        "motto",
        "hashtag",
        "catchphrase",
        "saying",
        "sayings",
        *_SIGN_NOUNS,
    ]
)
# participles that apply a name or label when no speaker does the naming
# ("what's been portrayed as", "they were known as", "a group called")
_LABEL_VERBS = frozenset(
    [
        "portray",
        "know",
        "call",
        "term",
        "label",
        "brand",
        "bill",
        "describe",
        "characterize",
        "characterise",
        "style",
        "refer",
        "name",
        "dub",
        "nickname",
        "title",
        "entitle",
    ]
)
# nouns a quoted name stands before: the "one country, two systems" formula
_NAME_NOUNS = frozenset(
    [
        "formula",
        "policy",
        "doctrine",
        "principle",
        "slogan",
        "motto",
        "campaign",
        "movement",
        "initiative",
        "zone",
        "agenda",
        "label",
        "brand",
        "franchise",
        "hashtag",
        "nickname",
        "moniker",
        "era",
        "mantra",
        "tagline",
        "meme",
    ]
)
# people named by their work: the "Pose" actor, the "Bad Blood" songstress
_ROLE_NOUNS = frozenset(
    """actor actress star costar co-star alum alumna alumnus singer songstress songwriter
    rapper hitmaker crooner frontman frontwoman host hostess author novelist writer
    director filmmaker creator showrunner producer narrator comedian actors stars
    singers hosts authors creators""".split()
)
# what a programme or a book a title names hangs from, besides sayings and channels
_CHANNEL_HEADS = frozenset(
    "appearance appear interview author co-author coauthor editor co-editor host".split()
)
# a title is what is played, sung or watched ("played "We're Not Gonna Take It"")
_PERFORM_VERBS = frozenset(
    [
        "played",
        "playing",
        "plays",
        "sang",
        "sing",
        "sings",
        "singing",
        "performed",
        "performing",
        "performs",
        "starred",
        "starring",
        "stars",
        "watched",
        "watching",
        "aired",
        "airing",
        "released",
        "hosted",
        "hosts",
        "hosting",
        "covered",
        "directed",
        "produced",
        "read",
        "reading",
    ]
)
# plural nouns of works: a Title Case region in a sentence about them is one of them
_WORKS = frozenset(
    [
        "films",
        "movies",
        "shows",
        "songs",
        "books",
        "albums",
        "series",
        "episodes",
        "novels",
        "plays",
        "titles",
        "franchises",
        "hits",
        "singles",
        "tracks",
        "podcasts",
        "programs",
        "programmes",
        "classics",
    ]
)
# prepositions before a title ("an episode of "DWTS"", "said on "DWTS""); not "as",
# which introduces a fragment ("described the call as "improper"")
_TITLE_PREPS = frozenset(
    ["on", "of", "from", "with", "in", "at", "for", "into", "onto", "about", "to"]
)
# "cries of "Help!"": what follows is said (with ``labels``, a chant named as such is
# read first as a slogan: _chant_or_sign)
_SPOKEN_NOUNS = frozenset(
    ["chant", "chants", "cry", "cries", "shout", "shouts", "shouting", "chorus", "refrain", "words"]
)
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "his", "her", "its", "their", "our"])
# short words a title leaves in lower case
_FUNCTION_WORDS = frozenset(
    "a an and as at but by for from in into of on or nor over the to up via with".split()
)
# what a label verb may not have between it and the mark: an object, another verb
_FILLED = frozenset(["NOUN", "PROPN", "PRON", "VERB", "NUM"])
_MAX_TITLE_WORDS = 8
_MAX_NAMED_TITLE_WORDS = 12
# a term named once is a term wherever it is quoted again ("three amigos")
_MAX_TERM_WORDS = 4
WORD = re.compile(r"[^\W\d_][\w'’.&-]*")


# the reasons that make the quoted words a name wherever else they are quoted
_NAMING_REASONS = frozenset(["a label", "a name given", "a term, slogan or sign"])
# the reasons of a title: the next item of its list, in Title Case, is a title too
TITLE_REASONS = frozenset(
    [
        "a title",
        CHANNEL_TITLE,
        "a title after a preposition",
        "a title among works",
        "a title naming a person",
        "a title before a noun",
        "a title the narration names",
        "a title listed with another",
    ]
)
# ... and those whose next item is the same thing whatever its capitals ('chanting "We
# are here" and "Go home"')
_LISTED_REASONS = frozenset(["a chant", "words on a sign"])
# what may stand between two quoted items of one list (", and", ", but also a", "and,
# potentially,"): the quotes around it are read alike
LIST_GAP = re.compile(
    r"[\s,]*(?:(?:and|or|but|nor)(?:\s+(?:also|not|even))?[\s,]+)?(?:[a-z]+ly,?\s+)?"
    r"(?:(?:an?|the)\s+)?"
)


def listed_after(text: str, last: QuoteRegion, region: QuoteRegion) -> bool:
    """Whether ``region`` is the next item of a list that ``last`` opens or goes on: in the
    same paragraph, only a comma, a conjunction, an adverb and an article between them
    (``"timid" and "lazy"``, ``''Low Tide'' and, possibly, ''Dry Dock''``)."""
    if region.paragraph != last.paragraph:
        return False  # (a list never runs on into the next paragraph)
    return LIST_GAP.fullmatch(text, last.outer_end, region.open_mark) is not None


def not_speech_regions(
    view: ArticleView, regions: list[QuoteRegion], *, labels: bool = True
) -> list[str | None]:
    """The reason each region is a title, name or term rather than speech, or None.

    Args:
        view: the article.
        regions: its quoted regions, in text order.
        labels: also find labels, names given and terms talked about (``what's been
            portrayed as "irregular"``, ``dubbed ... "the Gordon problem"``, ``the term
            "three amigos"``, ``signs with sayings such as "..."``), titles after a
            preposition or before a noun, and the same words quoted again elsewhere.
            The realnews annotation rules (what a reader counts as a quote) say these
            are nobody's quotes; PolNeAR's annotators count most of them as the
            content of an attribution ("X called it a "debate"", a song "sung"), so
            ``False`` follows PolNeAR.  On realnews-dev and realnews-tune every region
            they add is one the annotators listed as not a quote (11 of 11).
    """
    reasons: list[str | None] = []
    insides: list[bool] = []
    for k, r in enumerate(regions):
        prev = regions[k - 1] if k else None
        # inside a quote that goes on, a title is part of someone's words
        inside = prev is not None and prev.close_mark is None and prev.paragraph == r.paragraph
        insides.append(inside)
        reasons.append(not_speech(view, r, labels=labels, inside=inside))
    for k in range(1, len(regions)):
        # a title listed after a title ('films like ''Low Tide,'' ''Dry Dock'' and ...'), a
        # chant after a chant: the words that name the first name the rest
        why, r = reasons[k - 1], regions[k]
        if reasons[k] is not None or insides[k] or not listed_after(view.text, regions[k - 1], r):
            continue
        if why in TITLE_REASONS and _title_case(view.text[r.start : r.end]):
            reasons[k] = "a title listed with another"
        elif why in _LISTED_REASONS:
            reasons[k] = why
    if not labels:
        return reasons
    keys = [words_key(view.text, r) for r in regions]
    named = {key for key, why in zip(keys, reasons, strict=True) if why in _NAMING_REASONS}
    named.discard("")
    for k, key in enumerate(keys):
        if reasons[k] is None and key in named and len(key.split()) <= _MAX_TERM_WORDS:
            reasons[k] = "the same words are a name elsewhere"
    from saidwhen.extract.speech import quote_keep  # (it reads this module's helpers)

    return quote_keep.review(view, regions, reasons, insides, keys, quote_keep.load_model())


def not_speech(
    view: ArticleView, region: QuoteRegion, *, labels: bool = True, inside: bool = False
) -> str | None:
    """Why ``region`` is not anyone's words (a short reason), or None when it may be;
    ``labels`` as for :func:`not_speech_regions`; ``inside``: the region interrupts a
    quote that goes on after it (only markup, scare quotes and a named title count).

    Example: in ``the "Bad Blood" songstress`` the region ``Bad Blood`` gives
    ``"a title naming a person"``.
    """
    text = view.text
    quoted = text[region.start : region.end]
    if text[region.open_mark - 1 : region.open_mark] == "=" or not re.search(r"[^\W\d_]", quoted):
        return "markup"  # attribute values of embedded HTML (id="123"), bare numbers
    if re.fullmatch(r"\s*\([^()]*\)[\s.,]*", quoted):
        return "a stage direction"  # "(CROSSTALK)", "(Laughter.)" in a quoted transcript
    mark = max(bisect.bisect_right(view.idx, region.open_mark) - 1, 0)
    lo = _clause_start(view, mark)
    first = max(lo, mark - 16)
    # (a line break looked for only back to the first word looked at)
    line = view.text.rfind("\n", view.idx[first], region.open_mark) + 1
    before = [i for i in range(first, mark) if not view.is_space[i] and view.idx[i] >= line]
    # only the clause the quote is in: "X, who dubbed Y a liar, said "..."" names
    # nothing; a comma or colon right before the mark opens the quote ("sayings such
    # as, "...""), a full stop there ends the sentence before ("his second term. "...")
    stops = (",", ";", ":", ".", "!", "?")
    ends = (".", "!", "?")
    cut = max(
        (
            n
            for n, i in enumerate(before)
            if view.texts[i] in (ends if n == len(before) - 1 else stops)
        ),
        default=-1,
    )
    before = before[cut + 1 :]
    words = [view.lower[i] for i in before if WORD.fullmatch(view.texts[i])]
    # the word before the mark, past a comma: 'her documentary, "13th,"'
    last = next((i for i in reversed(before) if view.pos[i] != "PUNCT"), None)
    prev = view.lower[last] if last is not None else ""
    # "cries of "Bobby!"": an exclamation or a question is said, whatever its capitals
    titled = _title_case(quoted) and not quoted.rstrip(" ,.").endswith(("!", "?"))
    if prev == "called" and text[max(0, region.open_mark - 12) : region.open_mark].count("so-"):
        return "scare quotes"  # so-called "experts"
    if prev in TITLE_CONTEXT and _title_case(quoted, _MAX_NAMED_TITLE_WORDS):
        return "a title"  # the film "Winter Light"; a long title after its noun
    if inside:
        return None
    if _bylined(text, region):
        return "a title with its byline"
    if labels and (carried := _chant_or_sign(view, before)) is not None:
        return carried
    if labels and (label := _label(view, before, words)) is not None:
        return label
    if labels and words_key(text, region) in _MARKINGS:
        return "a classification marking"
    if (heading := _heading_name(view, region)) is not None:
        return heading
    if not titled:
        return _before_name_noun(view, region, titled, labels)
    if labels and prev in _PERFORM_VERBS:
        return "a title"
    spoken = len(before) > 1 and view.lower[before[-2]] in _SPOKEN_NOUNS
    prep = _prep_before(view, before) if last is not None and last == before[-1] else None
    after_prep = prep is not None
    if after_prep and not spoken and prep is not None and _channel_title(view, prep):
        return CHANNEL_TITLE
    if last is not None and last == before[-1] and _told(view, before):
        return CHANNEL_TITLE  # told (KTV's) "Morning Report": who heard it
    if in_headline(text, region):
        return None  # a headline capitalises every word: its capitals name nothing
    if labels and after_prep and not spoken:
        return "a title after a preposition"
    if any(w in _WORKS for w in words):
        return "a title among works"
    reason = _before_name_noun(view, region, titled, labels)
    if reason is None and labels and _title_in_narration(view, region):
        return "a title the narration names"
    return reason


def _clause_start(view: ArticleView, mark: int) -> int:
    """The first token of the sentence holding the opening mark ``mark``, or of the one
    before when the splitter broke the sentence at the mark (``mocked the plan on KTV’s |
    “Noon,” calling it ...``: no stop, colon or line break before the mark)."""
    lo = view.sent_start[mark]
    if lo != mark or lo == 0:
        return lo
    k = lo - 1
    while k > 0 and view.is_space[k] and "\n" not in view.texts[k]:
        k -= 1
    last = view.texts[k]
    if "\n" in last or last[-1:] in (".", "!", "?", ":", ";", "”", '"', "'", "’", ")"):
        return lo
    return view.sent_start[k]


def _prep_before(view: ArticleView, before: list[int]) -> int | None:
    """The preposition a title follows, right before it or past its owner: ``on "X"``,
    ``on CNN's "X"``."""
    k = _owner_start(view, before)
    if k < 0 or view.pos[before[k]] != "ADP" or view.lower[before[k]] not in _TITLE_PREPS:
        return None
    return before[k]


def _owner_start(view: ArticleView, before: list[int]) -> int:
    """Where in ``before`` the words right before a title end, past a possessive owner
    (``CNN's "X"``: the word before ``CNN``); the last position when there is none."""
    k = len(before) - 1
    if view.tag[before[k]] == "POS":
        k -= 1
        while k > 0 and view.pos[before[k - 1]] == "PROPN":
            k -= 1
        k -= 1
    return k


def _told(view: ArticleView, before: list[int]) -> bool:
    """The title is who was told: ``told "Morning Report"``, ``told ABC's "Today"``."""
    k = _owner_start(view, before)
    return k >= 0 and view.lemma[before[k]] == "tell"


def _channel_title(view: ArticleView, prep: int) -> bool:
    """A title after ``on``/``with``/``of``/``to`` hanging from a saying or a channel:
    ``said on "Meet the Press"``, ``an interview with "Fox News Sunday"``, ``the author
    of "Going Viral"``, ``speaking to KTV's "Morning Report"`` (not ``a clip from "X"``,
    ``fans of "X"``, ``talking about "X"``)."""
    if view.lower[prep] not in ("on", "with", "of", "to"):
        return False
    head = view.head[prep]
    return head != prep and (
        view.lemma[head] in SPEECH_VERBS
        or view.lower[head] in CHANNEL_WORDS
        or view.lemma[head] in _CHANNEL_HEADS
    )


def words_key(text: str, region: QuoteRegion) -> str:
    """The region's words, lower case, without a leading "the": the same words quoted
    again have the same key ("" for a region without any)."""
    words = re.findall(r"\w+", text[region.start : region.end].lower())
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _title_case(quoted: str, most: int = 0) -> bool:
    """A title's capitals: every word but short function words capitalised, no sentence
    inside; with ``most``, up to that many words and any words of three letters or less
    (after a word that says a title follows: the column "Why Electing X is Not Y")."""
    words = re.findall(r"[^\W_][\w'’.&-]*", quoted)
    if most:
        return 0 < len(words) <= most and all(
            w[0].isupper() or w[0].isdigit() for w in words if len(w) > 3
        )
    if not words or len(words) > _MAX_TITLE_WORDS or re.search(r"[.?!]\s+\S", quoted):
        return False
    # a word may open with a digit ("13th", "4 Trump")
    return all(w[0].isupper() or w[0].isdigit() for w in words if w.lower() not in _FUNCTION_WORDS)


# a line's lead before a title it cites: a label in capitals, a dash ("NEW IN TOWN—")
_CITATION_LEAD = re.compile(r"[^\S\n]*(?:[A-Z][A-Z' ]*)?[—–-]*[^\S\n]*\Z")
# how far back the line's start is looked for: a lead is a short label
_CITATION_LEAD_REACH = 64
# after the title: its byline up to the colon before the story's summary (", by Times'
# Ann Lee:", ", by the Post's Ann Lee:"); not a time, '"We will know," by Friday, Lee said'
_BYLINE = re.compile(r"[”\"']*,?[^\S\n]+by[^\S\n]+(?:the[^\S\n]+)?[A-Z][^\n:]{0,60}:")


def _bylined(text: str, region: QuoteRegion) -> bool:
    """A story cited by its headline and byline at the head of its line, as a roundup
    lists the day's stories: ``NEW IN TOWN—"Gallery opens uptown," by the Post's Ann
    Lee: ...``. (Not the words an agent said, ``"the ugliness of it," by Lee``: the
    words open no line.)"""
    reach = _CITATION_LEAD_REACH
    line = text.rfind("\n", max(0, region.open_mark - reach), region.open_mark) + 1
    if not line and region.open_mark > reach:
        return False
    if _CITATION_LEAD.match(text, line, region.open_mark) is None:
        return False
    quoted = text[region.start : region.close_mark or region.end].rstrip()
    after = _BYLINE.match(text, region.outer_end)
    if after is None:
        return False
    return quoted.endswith(",") or after.group().lstrip("”\"'").startswith(",")


# a crowd's chant, named as such ("chants of "...", "the chant "...""): a slogan
_CHANT_NOUNS = frozenset(["chant", "chants"])
# things that carry printed words ("a sign that read "...", "a hat reading "..."")
_CARRIERS = _SIGN_NOUNS | frozenset(
    """hat hats cap caps shirt shirts t-shirt t-shirts bottle bottles sticker stickers button
    buttons billboard billboards""".split()
)
_CARRIER_VERBS = frozenset(["read", "say", "proclaim", "bear", "declare"])


def _chant_or_sign(view: ArticleView, before: list[int]) -> str | None:
    """A crowd's chant or the words on a sign: ``chants of "Lock her up"``, ``the chant
    "..."``, ``fans chanting "..." blocked the road``, ``a hat reading "..."``, ``signs
    demanding "..."``, ``bottles that said, "..."``. A crowd that chants (``the crowd
    chanted, "..."``, ``marched, chanting "..."``) speaks, as PolNeAR's annotators read it
    too; so does a sign in a clause of its own, ``the agency's sign read, "..."``, as the
    realnews annotators read it."""
    words = [i for i in before if view.pos[i] != "PUNCT"][-4:]
    if not words:
        return None
    for i in reversed(words):
        if view.lower[i] in _CHANT_NOUNS and view.pos[i] == "NOUN":
            return "a chant"
        if view.lower[i] not in ("of", "to", "for") and view.pos[i] not in ("DET", "ADJ"):
            break
    last = words[-1]
    if view.lemma[last] == "chant" and view.tag[last] == "VBG" and _names_crowd(view, last):
        return "a chant"
    if (
        view.tag[last] in ("VBG", "VBN")
        and len(words) > 1
        and view.lower[words[-2]] in _CARRIERS
        and view.pos[words[-2]] == "NOUN"
    ):
        return "words on a sign"  # "signs demanding "...", "a banner urging "...""
    if view.lemma[last] not in _CARRIER_VERBS or view.pos[last] not in ("VERB", "AUX"):
        return None
    k = len(words) - 2
    if k >= 0 and view.lower[words[k]] in ("that", "which"):
        k -= 1
    elif view.tag[last] not in ("VBG", "VBN"):
        return None  # "The agency's sign read, "...": the thing's own clause quotes it
    return "words on a sign" if k >= 0 and view.lower[words[k]] in _CARRIERS else None


def _names_crowd(view: ArticleView, verb: int) -> bool:
    """A participle that describes the crowd it follows, "Hundreds of fans chanting "..."
    blocked the road", "with fans chanting "..."": the chant names who they are, no act of
    theirs ("marched, chanting "..."", "while chanting, "..."" speak)."""
    head = view.head[verb]
    return view.dep[verb] == "acl" or (view.dep[verb] == "pcomp" and view.lower[head] == "with")


def _label(view: ArticleView, before: list[int], words: list[str]) -> str | None:
    if any(w in _NAMING_VERBS for w in words[-12:]):
        return "a name given"
    for n in range(len(before) - 1, max(len(before) - 5, -1), -1):
        i = before[n]
        filled = view.pos[i] in _FILLED or view.pos[i] in ("ADV", "AUX") or view.lower[i] == "that"
        if filled and view.lower[i] not in _TERM_NOUNS:
            break  # "sees issues as "black and white"", "a sign yet that "..."": not the term's
        if view.lower[i] in _TERM_NOUNS and view.pos[i] == "NOUN":
            return "a term, slogan or sign"
    return _label_verb(view, before)


def _label_verb(view: ArticleView, before: list[int]) -> str | None:
    """A naming participle with no speaker of its own a few words before the mark:
    ``what's been portrayed as an outside or "irregular"``, ``a group called "X"``."""
    for n in range(len(before) - 1, max(len(before) - 7, -1), -1):
        i = before[n]
        if view.pos[i] in ("VERB", "AUX") and view.lemma[i] not in _LABEL_VERBS:
            return None  # "known for telling others "...": the quote is the telling's
        if view.lemma[i] not in _LABEL_VERBS or view.tag[i] != "VBN":
            continue
        if view.text[max(view.idx[i] - 3, 0) : view.idx[i]] in ("so-", "so "):
            continue  # "the so-called TPP as "the gold standard"": not what names the quote
        if any(view.pos[j] in _FILLED or view.texts[j] in ",.;" for j in before[n + 1 :]):
            return None  # "called AP's report a "rush"", "Freddy, as he was known, "...""
        kids = {view.dep[c] for c in view.children[i]}
        if kids & {"agent", "nsubj"}:
            return None  # "described as "perfect" by Trump": someone's words
        if "auxpass" in kids or view.dep[i] in ("acl", "amod"):
            return "a label"
        return None
    return None


def _before_name_noun(
    view: ArticleView, region: QuoteRegion, titled: bool, labels: bool
) -> str | None:
    """``the "one country, two systems" formula``; ``the "Pose" actor`` (a title naming
    a person by their work; with ``labels``, a title before any noun). A quoted modifier
    in lower case before another noun is often a speaker's word (a "historic"
    agreement), so only naming nouns count for it."""
    quoted = view.text[region.start : region.end].rstrip()
    if region.close_mark is None or quoted.endswith((".", ",", "!", "?", ":", ";")):
        return None
    k = bisect.bisect_left(view.idx, region.outer_end)
    while k < len(view.idx) and view.is_space[k]:
        k += 1
    if k >= len(view.idx) or view.idx[k] > region.outer_end + 1:
        return None
    nxt = view.lower[k]
    if nxt in _NAME_NOUNS and view.dep[k] != "compound":
        return "a name before its noun"
    mark = max(bisect.bisect_right(view.idx, region.open_mark) - 1, 0)
    lead = [i for i in range(max(mark - 4, 0), mark) if not view.is_space[i]][-2:]
    # "the "Pose" actor", "Disney's "Frozen" sequel", "the former "Dawson's Creek" star"
    owner = any(view.lower[i] in _DETERMINERS or view.tag[i] == "POS" for i in lead) and (
        view.lower[lead[-1]] in _DETERMINERS
        or view.tag[lead[-1]] == "POS"
        or view.pos[lead[-1]] == "ADJ"
    )
    lo, hi = bisect.bisect_left(view.idx, region.start), bisect.bisect_left(view.idx, region.end)
    adjectives = all(view.pos[i] in ("ADJ", "PUNCT") for i in range(lo, hi))
    if titled and owner and not adjectives and view.pos[k] == "NOUN" and view.texts[k].islower():
        if nxt in _ROLE_NOUNS:
            return "a title naming a person"
        return "a title before a noun" if labels else None  # not "his "Mexican" lunch"
    return None


# a heading's line before its quote: white space and a section's number ("6. ")
_HEADING_LEAD = re.compile(r"(?:^|\n)[^\S\n]*(?:\d{1,2}[.)])?[^\S\n]*\Z")
# the rest of a line that ends with the quote
_LINE_REST = re.compile(r"[^\S\n]*(?:\n|\Z)")


def _heading_name(view: ArticleView, region: QuoteRegion) -> str | None:
    """A heading line that is only a noun phrase in quotes (``6. "The Gordon problem"``)
    whose words the article uses elsewhere as the name of a thing (``the "Giuliani
    problem"``): a section named after a term, not a quote of someone."""
    text = view.text
    # only a number, or nothing, before the mark on its line, and nothing after the quote
    # (matched near the marks: a long line is no heading)
    opened = _HEADING_LEAD.search(text, max(0, region.open_mark - 64), region.open_mark)
    if opened is None or _LINE_REST.match(text, region.outer_end) is None:
        return None
    line_start = opened.start() + (text[opened.start()] == "\n")
    line_end = text.find("\n", region.outer_end)
    line_end = len(text) if line_end < 0 else line_end
    lo = bisect.bisect_left(view.idx, region.start)
    hi = bisect.bisect_left(view.idx, region.end)
    if any(view.pos[i] in ("VERB", "AUX") for i in range(lo, hi)):
        return None  # a clause: words someone said
    key = words_key(text, region)
    if not key:
        return None
    pattern = r"\bthe\W{0,3}" + r"\W+".join(re.escape(w) for w in key.split()) + r"\b"
    for m in re.finditer(pattern, text, flags=re.IGNORECASE):
        if not line_start <= m.start() < line_end:
            return "a heading naming a term"
    return None


def _title_in_narration(view: ArticleView, region: QuoteRegion) -> bool:
    """Words in Title Case that the narration uses as a noun, with no one saying them:
    ``''Friends'' has been a hit``, ``films like "Taken"``, ``she likes "Veep"``. A
    speaker's words in capitals have a verb of saying above them or right after them
    (``"Hallelujah," Ana exclaimed``, ``called him "Stalinist"``) or a speaker's label
    (``referred to the US as the "Great Satan"``); a line in Title Case (a headline)
    says nothing by its capitals; a quote that is its own sentence is someone's words.
    """
    if region.close_mark is None or region.continues_previous:
        return False
    text = view.text
    # the last character before the mark on its line ("" when the quote opens it)
    k = region.open_mark
    while k and text[k - 1] != "\n" and text[k - 1].isspace():
        k -= 1
    lead = text[k - 1] if k and text[k - 1] != "\n" else ""
    if lead == ":":
        return False  # 'one message: "Dump Trump."'
    if text[region.start : region.end].rstrip().endswith((".", "!", "?")) and (
        not lead or lead in (".", "!", "?", "”", '"', "'")
    ):
        return False  # a sentence of its own: '... Burton said. "Donald Trump."'
    if in_headline(text, region):
        return False
    lo = bisect.bisect_left(view.idx, region.open_mark)
    hi = bisect.bisect_left(view.idx, region.outer_end)
    inner = [i for i in range(lo, hi) if not view.is_space[i] and view.idx[i] >= region.start]
    top = next((i for i in inner if not lo <= view.head[i] < hi), None)
    if top is None:
        return False  # the quote is a sentence of its own
    verb_seen = False
    i = view.head[top]
    for _ in range(64):  # up the tree to the root (a guard against a cycle)
        if view.lemma[i] in SPEECH_VERBS:
            return False
        if view.pos[i] in ("VERB", "AUX"):
            verb_seen = True
        elif not verb_seen and view.lower[i] == "as" and view.pos[i] in ("ADP", "SCONJ"):
            return False  # a label someone gives: 'described Ruiz as a "Rising Star"'
        if view.head[i] == i:
            break
        i = view.head[i]
    after = [k for k in range(hi, min(hi + 8, len(view.idx))) if not view.is_space[k]][:4]
    return not any(view.pos[k] == "VERB" and view.lemma[k] in SPEECH_VERBS for k in after)


def in_headline(text: str, region: QuoteRegion) -> bool:
    """Whether ``region`` is in a headline: a short line of capitalised words."""
    line = _short_line(text, region.open_mark, region.outer_end)
    long_words = [w for w in WORD.findall(line or "") if len(w) > 3]
    return len(long_words) > 2 and sum(w[0].isupper() for w in long_words) > 0.8 * len(long_words)


def _short_line(text: str, start: int, end: int) -> str | None:
    """The line holding ``text[start:end]`` when it is at most ``HEADLINE_CHARS`` long,
    else None (looked for only that far: a region's checks stay local in a long line)."""
    bounds = line_near(text, start, end, HEADLINE_CHARS)
    if bounds is None or bounds[1] - bounds[0] > HEADLINE_CHARS:
        return None
    return text[bounds[0] : bounds[1]]
