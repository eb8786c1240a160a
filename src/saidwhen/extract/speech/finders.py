"""Where the cue of a quoted region is: the finders of :data:`FINDERS`, in order.

:func:`saidwhen.extract.speech.direct.direct_drafts` tries them on each quoted
region and keeps the first cue found: after the closing mark (for a fragment, a
plain ``he said`` or an ``as X said`` clause), the verb a fragment hangs from,
before the opening mark in the same sentence, a lead paragraph ending in a colon,
the report that ends the sentence before, the sentence after that gives the quote
away.  Each returns the cue verb (or a cue
that is no verb, "according to") and the speaker's token.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from saidwhen.extract.quotes import QuoteRegion
from saidwhen.extract.speech.lexicon import (
    AS_INSERTION_VERBS,
    FRAGMENT_CUES,
    NEW_CLAUSE,
    RELATIVE,
    SENT_END,
    SPEECH_VERBS,
)
from saidwhen.extract.speech.syntax import (
    according_to,
    can_speak,
    highest,
    is_speech_verb,
    owner_of_sentence_before,
    subject_of,
)
from saidwhen.extract.speech.view import ArticleView, tokens_in, window_tokens
from saidwhen.model import Span
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "FINDERS",
    "Found",
    "Site",
    "find_after",
    "find_before",
    "find_said_after_fragment",
    "introduces",
    "nearby_subject",
    "opens_on_cue",
    "owner_of_next_sentence",
    "set_apart",
]


# words that open a sentence and never a speaker's name ('"...!" After the rally, ...')
_OPENERS = frozenset(
    """
    after before when while in on at during since as if but and then later meanwhile
    yet still now once until despite although though with without for from by
    """.split()
)

# words that open an adverbial clause: '"...," after Lee announced it' is no report of the
# quote ("as" is: '"...," as Lee put it')
_SUBORDINATORS = frozenset("after before when whenever because since until unless once if".split())

# what opens a relative clause on the quote's own last words, never its cue
_RELATIVE_AFTER = frozenset(("which", "whose", "where"))

# the words of a subject noun phrase, however long ("the Post's senior politics editor")
_NOMINAL_WORDS = frozenset(("DET", "PROPN", "NOUN", "ADJ", "PART", "NUM"))

# how far after a quote its cue may be when a description sets the speaker off
# ("X, a senior fellow at the Y Institution and a former ambassador to Z, said")
_MAX_APPOSITIVE_WORDS = 24


def _loose_cue(tok: Token) -> bool:
    """A finite verb, or a speech verb the tagger took for a noun ("the ad states")."""
    if tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    word = tok.lower_
    return tok.tag_ == "NNS" and (word[:-1] in SPEECH_VERBS or word[:-2] in SPEECH_VERBS)


def _cue_after(doc: Doc, region: QuoteRegion, limit: int) -> Token | None:
    """``"...," she said`` / ``said Smith``: a speech verb right after the closing mark."""
    toks = window_tokens(doc, region.outer_end, limit)
    quoted = doc_text(doc)[region.start : region.end].rstrip("'’ ")
    first_word = next((t for t in toks if not t.is_punct and not t.is_space), None)
    # the next word as written: the tokenizer may glue it to the mark ('voters!"After')
    m = re.match(r"[^\w\n]*(\w+)", doc_text(doc)[region.outer_end : limit])
    after = m.group(1) if m else ""
    if quoted.endswith(".") and after[:1].isupper():
        return None  # the quote closed its sentence: what follows is a new one
    if quoted.endswith(("!", "?")) and after[:1].isupper() and after.lower() in _OPENERS:
        return None  # '"...!" After the rally, he went on': a new sentence, not "X asked"
    if quoted.endswith(("!", "?")) and after[:1].isupper() and _introduced(doc, region):
        return None  # 'telling her, "...!" She replied': the quote had its cue before it
    if first_word is not None and first_word.lower_ in NEW_CLAUSE:
        return None  # ``saying, "...," but he denied ...``: a new clause, not this quote's cue
    if first_word is not None and first_word.lower_ in _RELATIVE_AFTER:
        return None  # ``"... through California," which votes in June``: about its last word
    # "...," the clause that follows is the report whatever its verb ("he surmised")
    tail = doc_text(doc)[region.start : region.outer_end].rstrip("'’”\" ")
    open_clause = tail.endswith(",") or (tail.endswith(("?", "!")) and after[:1].islower())
    words = 0
    nominal = True  # every word so far of one noun phrase ("the Post's senior editor Ana Ruiz")
    # '"...," after Lee announced it': that clause's verb reports nothing; a cue may follow
    # it ('"...," when asked, Lee said')
    adverbial = first_word is not None and first_word.lower_ in _SUBORDINATORS
    for tok in toks:
        if tok.text in SENT_END or tok.text in ('"', "“", "”") or tok.text.startswith("\n"):
            break
        if adverbial:
            adverbial = tok.text != ","
            continue
        if tok.tag_ == "VBN" and tok.dep_ == "acl" and region.start <= tok.head.idx < region.end:
            continue  # "... the interests" shared by both towns, he warned: a modifier
        if is_speech_verb(tok) or (open_clause and _loose_cue(tok)):
            nxt = doc_text(doc)[tok.idx + len(tok) : tok.idx + len(tok) + 4].lstrip(" ,:")
            if quoted.endswith(("?", "!")) and nxt[:1] in ('"', "“"):
                return None  # "Why?" She asked, "..." introduces the next quote
            return tok
        if not tok.is_punct and not tok.is_space:
            words += 1
            nominal = nominal and (tok.pos_ in _NOMINAL_WORDS or _joins_name(tok))
        if words > 6 and not nominal and "," not in doc_text(doc)[region.outer_end : tok.idx]:
            break  # past a plain subject; an appositive ("X, a strategist, said") may be longer
        if words > _MAX_APPOSITIVE_WORDS:
            break
    return None


def _introduced(doc: Doc, region: QuoteRegion) -> bool:
    """``telling her, "..."`` / ``she wrote: "..."``: a speech verb and a comma or colon
    right before the opening mark."""
    window = window_tokens(doc, max(0, region.open_mark - 80), region.open_mark)
    before = [t for t in window if not t.is_space]
    if len(before) < 2 or before[-1].text not in (",", ":"):
        return False
    return any(is_speech_verb(t) for t in before[-4:-1])


def _joins_name(tok: Token) -> bool:
    """``Australians for a Constitutional Monarchy``, ``Secretary of State``: "of" or
    "for" inside a name, between capitalised words."""
    doc = tok.doc
    if tok.lower_ not in ("of", "for") or tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    if nxt.lower_ in ("a", "an", "the") and tok.i + 2 < len(doc):
        nxt = doc[tok.i + 2]
    return doc[tok.i - 1].text[:1].isupper() and nxt.text[:1].isupper()


def _cue_before(
    view: ArticleView, region: QuoteRegion, floor: int, quoted: frozenset[int] = frozenset()
) -> tuple[Token | None, Span | None, Token | None] | None:
    """``she wrote, "..."``, ``according to X, "..."``: the closest speech verb before."""
    doc = view.doc
    open_tok = tokens_in(doc, region.open_mark, region.open_mark + 1)
    if not open_tok:
        return None
    # the parser may end a sentence at the colon: "in the words of X" reaches back past it
    if (words := _in_the_words_of(doc, floor, region.open_mark, quoted)) is not None:
        return words
    sent = view.sentence(open_tok[0].i)
    lo = max(floor, sent.start_char)
    toks = window_tokens(doc, lo, region.open_mark)
    # a sentence break inside the window ends the search there
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].text in SENT_END:
            toks = toks[k + 1 :]
            break
    acc = according_to(doc, toks)
    if acc is not None:
        return acc[1], acc[0], acc[1]  # "according to X": X speaks
    bare = [t for t in toks if not t.is_space]
    if (inverted := _opening_cue(bare, quoted)) is not None:
        return inverted[0], None, inverted[1]
    if bare and bare[-1].text == ":" and (by := _statement_by(bare, quoted)) is not None:
        return by[0], None, by[1]
    if bare and bare[-1].text == ":" and (rep := _as_reported(bare, quoted)) is not None:
        return rep[0], None, rep[1]
    best = None
    for tok in reversed(toks):
        if is_speech_verb(tok):
            if (subj := subject_of(tok, quoted)) is not None:
                return tok, None, subj
            best = best or tok
    if best is not None:
        return best, None, None
    opens_sentence = doc_text(doc)[region.start : region.start + 1].isupper()
    # the words up to the mark, past white space on the line ("resisted:  "...""); not
    # a line that ends before the quote ("Here are the highlights:" then a quoted subhead)
    if bare and "\n" in doc_text(doc)[bare[-1].idx : region.open_mark]:
        bare = []
    if bare and bare[-1].text == "," and len(bare) >= 2 and opens_sentence:
        # "The crowd chanted back at him, "Send them home"": the clause's verb, whatever it is
        for tok in reversed(bare[:-1]):
            if tok.pos_ == "VERB" and tok.tag_ != "VBN" and (subj := subject_of(tok, quoted)):
                return tok, None, subj
    if bare and bare[-1].text == ":" and len(bare) >= 2:
        colon = bare[-1]
        # "Kasich resisted: "..."": the clause's verb and subject introduce the quote
        for tok in reversed(bare[:-1]):
            if tok.pos_ == "VERB" and (subj := subject_of(tok, quoted)) is not None:
                return tok, None, subj
        if bare[-2].pos_ in ("PROPN", "NOUN", "PRON"):  # "Smith: "...""
            return colon, Span(":", colon.idx, colon.idx + 1), bare[-2]
    return None


# past forms of verbs of saying whose lemma cutting "-ed" or "-s" does not give
_IRREGULAR_PAST = {"said": "say", "wrote": "write", "told": "tell", "spoke": "speak"}


def opens_on_cue(tok: Token) -> bool:
    """``Said Ellis: "..."``, ``Replied State Department spokesman Tom Hale, "..."``: a
    verb of saying that opens its sentence, before its speaker (tagged a verb, or a
    name: the parser often takes the capitalised verb for part of one)."""
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    opens = prev is None or prev.text in SENT_END or prev.is_quote or "\n" in prev.text
    if not opens or not tok.text[:1].isupper():
        return False
    if tok.pos_ == "VERB" and is_speech_verb(tok):
        return True
    word = tok.lower_
    forms = {_IRREGULAR_PAST.get(word, "")}
    if word.endswith(("ed", "es")):
        forms.add(word[:-2])  # "Added", "Wishes"
    if word.endswith(("d", "s")):
        forms.add(word[:-1])  # "Argued", "Says"
    if word.endswith(("ied", "ies")):
        forms.add(word[:-3] + "y")  # "Replied" (not "Sarah": "say")
    return bool(forms & SPEECH_VERBS)


def _opening_cue(bare: list[Token], quoted: frozenset[int]) -> tuple[Token, Token] | None:
    """The cue and speaker of a sentence that opens on its verb of saying
    (:func:`opens_on_cue`), its speaker's name running up to the comma or colon
    before the quote."""
    if len(bare) < 3 or bare[-1].text not in (",", ":") or bare[0].i in quoted:
        return None
    if not opens_on_cue(bare[0]):
        return None
    names = [t for t in bare[1:-1] if t.pos_ in ("PROPN", "NOUN")]
    if not names or any(t.pos_ in ("VERB", "AUX") for t in bare[1:-1]):
        return None
    return bare[0], names[-1]


def _in_the_words_of(
    doc: Doc, floor: int, open_mark: int, quoted: frozenset[int]
) -> tuple[Token, Span, Token] | None:
    """``in the words of X: "..."`` / ``in her words, "..."`` right before the opening
    mark: X speaks, without a verb."""
    lo = max(floor, open_mark - 120)
    if "words" not in doc_text(doc)[max(lo, 0) : open_mark + 5].lower():
        return None  # (most quotes: no token of the window need be made)
    toks = [t for t in window_tokens(doc, lo, open_mark) if not t.is_space]
    while toks and toks[-1].text in (",", ":"):
        toks.pop()
    # (an owner with a name and a title in apposition: "in the words of the Crown
    # prosecutor, Mark Tedeschi, QC,")
    for tok in reversed(toks[-14:]):
        if tok.lower_ != "words" or tok.head.lower_ != "in":
            continue
        of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
        owners = [g for c in of for g in c.children if g.dep_ == "pobj"]
        owners += [c for c in tok.children if c.dep_ == "poss"]
        edge = tok.right_edge
        while edge.is_punct and edge.i > tok.i:  # (the comma before the mark hangs on it)
            edge = edge.doc[edge.i - 1]
        if not owners or owners[0].i in quoted or edge.i != toks[-1].i:
            return None
        last = of[0] if of else tok
        text = doc_text(doc)
        start, end = tok.head.idx, last.idx + len(last)
        return tok, Span(text[start:end], start, end), owners[0]
    return None


def nearby_subject(view: ArticleView, verb: Token, region: QuoteRegion) -> Token | None:
    """When the parse gives a cue verb no subject: a name or pronoun right next to it."""
    doc = view.doc
    if verb.idx >= region.outer_end:  # "..." she says / says Smith
        between = [
            t
            for t in window_tokens(doc, region.outer_end, verb.idx)
            if not t.is_punct and not t.is_space
        ]
        if between:  # "...," a voice-over in the ad states: the words before the verb
            ids = {t.i for t in between}
            roots = [
                t
                for t in between
                if t.pos_ in ("PRON", "PROPN", "NOUN") and (t.head.i not in ids or t.head.i == t.i)
            ]
            if roots:
                return roots[0]
            last = between[-1]
            if last.i == verb.i - 1 and last.pos_ in ("PROPN", "PRON"):
                # '"...," screenwriter Cole Haddon wrote': the parse hung the name on a
                # title it took for a verb; the name next to the cue speaks
                return last
            if doc[verb.i - 1].text != ",":
                return None
            # '"..." despite a phrase, said another witness': the subject is after the verb
        nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if nxt is not None and verb.lemma_ != "tell":
            # "...," wrote a man calling himself X / tweeted another: the parser took
            # the inverted subject for an object
            if (
                nxt.pos_ == "DET"
                and nxt.dep_ == "det"
                and nxt.head.pos_ in ("NOUN", "PROPN")
                and verb.i < nxt.head.i <= nxt.i + 4
            ):
                return _owned(nxt.head)
            if nxt.lower_ in ("one", "another"):
                return nxt
        if nxt is not None and nxt.pos_ in ("PROPN", "NOUN") and nxt.ent_type_ != "DATE":
            while nxt.dep_ in ("compound", "flat") and verb.i < nxt.head.i <= nxt.i + 4:
                nxt = nxt.head  # "said Robin Maynard": the name's head
            return _owned(nxt)
        return None
    if (inverted := _inverted_opening(view, verb)) is not None:
        return inverted
    if (inserted := _subject_before_insertion(view, verb)) is not None:
        return inserted
    # Smith (R-WI) said "...": skip a bracket back to the name
    k, depth = verb.i - 1, 0
    while k >= view.sent_start[verb.i] and verb.i - k < 12:
        tok = doc[k]
        depth += tok.text == ")"
        depth -= tok.text == "("
        if depth <= 0 and tok.pos_ in ("PROPN", "PRON") and tok.text != "(" and can_speak(tok):
            return tok  # (not a place on the way: "visited Laredo, Texas and explained")
        if (depth <= 0 and tok.pos_ in ("VERB", "AUX")) or tok.text in (",", ";"):
            break
        k -= 1
    return None


def _owned(noun: Token) -> Token:
    """``said the mayor's introducer, X``: not the owner but the noun it owns speaks."""
    while noun.dep_ == "poss" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i > noun.i:
        noun = noun.head
    return noun


def _inverted_opening(view: ArticleView, verb: Token) -> Token | None:
    """``Said Ellis: "..."`` / ``Added Smith, "..."``: a sentence that opens on the cue
    verb names its speaker right after it (the parser may take the name for an object)."""
    doc = view.doc
    if not opens_on_cue(verb) or verb.i + 1 >= len(doc):
        return None
    name = doc[verb.i + 1]
    proper = name.pos_ == "PROPN" or (name.pos_ == "NOUN" and name.text[:1].isupper())
    if not proper or name.ent_type_ in ("DATE", "TIME"):
        return None
    while name.dep_ in ("compound", "flat") and verb.i < name.head.i <= name.i + 4:
        name = name.head  # "Said Ryan Ellis": the name's head
    return name


def _subject_before_insertion(view: ArticleView, verb: Token) -> Token | None:
    """``Warren, a military spokesman in Baghdad, said`` / ``Clinton, exasperated,
    responded``: a subject set off from its verb by a phrase between commas, which the
    parser attached elsewhere.  The noun before the inserted phrase, if it opens its
    clause (after the sentence start, a line break or a comma)."""
    doc = view.doc
    start = view.sent_start[verb.i]
    k = verb.i - 1
    while k > start and doc[k].pos_ == "ADV":
        k -= 1  # "exasperated, famously responded"
    for _ in range(2):  # "Sanders, meanwhile, who sits at zero, said"
        if k <= start or doc[k].text != ",":
            return None
        j = k - 1
        while j > start and doc[j].text not in (",", ";", ":", "(", ")") and k - j <= 15:
            if "\n" in doc[j].text or doc[j].text in SENT_END or doc[j].is_quote:
                return None
            j -= 1
        if doc[j].text != "," or j == k - 1:
            return None  # no inserted phrase
        if doc[j + 1].tag_ in ("VBZ", "VBP", "MD") or (doc[j + 1].tag_ == "VBD" and j + 2 < k):
            return None  # a clause of its own ("whose start-up, Paradata, uses ..."), not
            # a participle ("Clinton, exasperated, responded")
        cand = doc[j - 1]
        if cand.pos_ == "ADV" and j - 2 > start:
            k = j - 2
            if doc[k].text == "," and doc[k - 1].pos_ in ("PROPN", "PRON", "NOUN"):
                cand = doc[k - 1]  # "Sanders, meanwhile, who sits at zero, said"
            else:
                continue
        if cand.pos_ not in ("PROPN", "PRON", "NOUN"):
            return None
        m = cand.i
        while m > start and doc[m - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM"):
            m -= 1
        if m > start and doc[m - 1].pos_ == "PRON" and doc[m - 1].tag_ == "PRP$":
            m -= 1
        prev = doc[m - 1] if m > start else None
        if prev is None or prev.text == "," or "\n" in prev.text or prev.text in SENT_END:
            return cand
        return None
    return None


def _cue_in_sentence_before(
    view: ArticleView, region: QuoteRegion, quoted: frozenset[int] = frozenset()
) -> tuple[Token | None, Token | None]:
    """``..., Smith says. "Quote."``: the report that ends the sentence just before."""
    doc = view.doc
    text = doc_text(doc)
    before = text[: region.open_mark].rstrip()
    if not before.endswith((".", ":")) or "\n" in text[len(before) : region.open_mark]:
        return None, None
    end_tok = tokens_in(doc, len(before) - 1, len(before))
    if not end_tok:
        return None, None
    toks = [t for t in view.sentence(end_tok[0].i) if t.i < end_tok[0].i]
    for tok in reversed(toks[-4:]):  # the cue must close that sentence
        if _not_a_report(tok):
            continue
        if is_speech_verb(tok) and (subj := subject_of(tok, quoted)) is not None:
            if subj.lower_ in RELATIVE or tok.dep_ == "relcl":
                # ``said Smith, who spoke on condition of anonymity.``, ``said Smith at
                # the gala, where Lee also spoke.``: the relative clause describes the
                # last speaker or place; the quote goes on from the last speaker
                return None, None
            return tok, subj
    return _report_sentence(view, toks, quoted)


def _not_a_report(verb: Token) -> bool:
    """``wrote after the figures were released.``: a passive verb (what was released is
    no speaker) or the verb of a clause of time or cause closes the sentence, not its
    report."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in verb.children
    )


def _report_sentence(
    view: ArticleView, toks: list[Token], quoted: frozenset[int]
) -> tuple[Token | None, Token | None]:
    """``Greene added that the Fed wants out before the vote. "Quote."``: a sentence
    whose main verb reports a named speaker's words introduces the quote after it."""
    if not toks or any(t.i in quoted for t in toks):
        return None, None  # a sentence with a quote of its own: its cue is that quote's
    root = view.sentence(toks[0].i).root
    if root.i not in {t.i for t in toks}:
        return None, None
    if not is_speech_verb(root):
        # ``At current rates, Ortiz said, there will be three.``: a report set
        # into the sentence
        inserted = [c for c in root.children if c.dep_ == "parataxis" and is_speech_verb(c)]
        if not inserted:
            return None, None
        root = inserted[0]
    subj = subject_of(root, quoted)
    if subj is None or subj.lower_ in RELATIVE or subj.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None, None
    return root, subj


def _cue_in_lead_paragraph(
    view: ArticleView, region: QuoteRegion, quoted: frozenset[int] = frozenset()
) -> tuple[Token | None, Token | None]:
    """A quote opening a paragraph after "... released the following statement:"."""
    doc = view.doc
    text = doc_text(doc)
    before = text[: region.open_mark].rstrip()
    if not before.endswith(":") or "\n" not in text[len(before) : region.open_mark]:
        return None, None
    colon = tokens_in(doc, len(before) - 1, len(before))
    if not colon:
        return None, None
    sent = view.sentence(colon[0].i)
    if (by := _statement_by(list(sent), quoted) or _as_reported(list(sent), quoted)) is not None:
        return by
    for tok in sorted(sent, key=lambda t: -t.i):
        if tok.pos_ == "VERB" and (subj := subject_of(tok, quoted)) is not None:
            return tok, subj
    return None, None


def _statement_by(toks: list[Token], quoted: frozenset[int]) -> tuple[Token, Token] | None:
    """``... rated this statement by Trump on June 11:``: the words' author, named after
    "by", before a colon that opens the quote."""
    for tok in toks:
        if tok.lemma_.lower() not in _STATEMENT_NOUNS or tok.i in quoted:
            continue
        # "by" under the noun, or right after it under its verb (the parser's choice)
        preps = [*tok.children, *(c for c in tok.head.children if c.i == tok.i + 1)]
        by = [g for c in preps if c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
        if by and by[0].pos_ in ("PROPN", "PRON") and by[0].i not in quoted:
            return tok, by[0]
    return None


def _as_reported(toks: list[Token], quoted: frozenset[int]) -> tuple[Token, Token] | None:
    """``As the Herald reported, the board was refusing to call it a failure:``: before
    a colon that opens the quote, the one whose report the sentence passes on."""
    for tok in toks:
        if tok.i in quoted or not is_speech_verb(tok):
            continue
        if any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
            subj = subject_of(tok, quoted)
            return (tok, subj) if subj is not None else None
    return None


# what a lead paragraph may name as words someone said or wrote: "a statement by X:"
_STATEMENT_NOUNS = frozenset(
    ["statement", "remark", "comment", "tweet", "post", "message", "speech", "answer"]
)


def _governing_verb(doc: Doc, region: QuoteRegion) -> Token | None:
    """The verb a quoted fragment hangs from, when it is a verb of saying or judging."""
    toks = tokens_in(doc, region.start, region.end)
    if not toks:
        return None
    root = highest(toks)
    # the outermost one: "she revealed that she had asked ... "no matter how""
    found: list[Token] = []
    text = doc_text(doc)
    for anc in root.ancestors:
        if "\n" in text[min(anc.idx, region.start) : max(anc.idx, region.end)]:
            continue  # a parse run over a paragraph break: the next paragraph's "X said"
        if anc.pos_ in ("VERB", "AUX") and is_speech_verb(anc, FRAGMENT_CUES):
            found.append(anc)
            if anc.dep_ == "conj":  # "thanked ... and expressed gratitude for the "amazing""
                break
    if len(found) > 1 and set_apart(found[0], found[-1]):
        return found[0]
    return found[-1] if found else None


def set_apart(inner: Token, outer: Token) -> bool:
    """Whether a verb of saying with a subject of its own hangs from an outer one by a
    time clause, outside what the outer one says: ``testified about a meeting when Lee
    told them to "deliver"`` (Lee's word; not ``revealed that she had asked ...``, what
    is revealed).  Only a time clause: in a relative clause (``tweets in which he
    called her "disgusting"``, ``a clip that Judge Ruiz called "distasteful"``) PolNeAR
    gives the outer source and the real-news annotators the inner one."""
    return (
        inner.dep_ == "advcl"
        and inner.head.i == outer.i
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in inner.children)
        and any(c.lower_ in _TIME_MARKS and c.i < inner.i for c in inner.children)
    )


# the words that open a time clause in which something is said ("until X agreed to pay
# "$5 billion"": a condition, whose words are the main clause's)
_TIME_MARKS = frozenset(("when", "while"))


def introduces(doc: Doc, verb: Token, region: QuoteRegion) -> bool:
    """``said, "..."`` / ``said: "..."``: the verb right before the opening mark, even
    inside another report (``recalled that he said, "..."``: the words are his, the
    outer speaker only passes them on, as readers and realnews annotators take it)."""
    gap = doc_text(doc)[verb.idx + len(verb) : region.open_mark]
    return re.fullmatch(r"\s*[,:]?\s*", gap) is not None


def _bare_report(verb: Token, quoted: frozenset[int]) -> bool:
    """``he said``, not ``he said he would`` nor ``as she put it``: the verb reports
    nothing but what comes before it (no object or clause after it, no ``as``)."""
    if verb.dep_ in ("relcl", "acl"):
        return False
    return not any(
        c.i not in quoted
        and (c.dep_ == "mark" or (c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i))
        for c in verb.children
    )


def _said_after_fragment(
    doc: Doc, region: QuoteRegion, limit: int, quoted: frozenset[int]
) -> tuple[Token, Token] | None:
    """``described it as "horrendous. It really hurts," he said``: a quote that starts
    mid-sentence but closes on a comma followed by a plain ``he said`` is that
    speaker's, as a full quote would be."""
    text = doc_text(doc)
    if not text[region.start : region.outer_end].rstrip("'’”\" ").endswith(","):
        return None
    if len(text[region.start : region.end].split()) < 5:
        return None  # a short phrase is a fragment of the sentence's own report
    verb = _cue_after(doc, region, limit)
    if verb is None or not is_speech_verb(verb) or "(" in text[region.outer_end : verb.idx]:
        return None
    subj = subject_of(verb, quoted)
    if subj is None or abs(subj.i - verb.i) > 3 or not _bare_report(verb, quoted):
        return None
    return verb, subj


# how many words an "as" insertion may hold before its verb ("as the host Ana Ruiz
# said", "as a senior adviser to the governor put it")
_AS_REACH = 9


def _as_said_after(
    doc: Doc, region: QuoteRegion, limit: int, quoted: frozenset[int]
) -> tuple[Token, Token] | None:
    """``called it "a giveaway," as Senator Lee said``, ``"a lifeline," as Ruiz put
    it``, ``claim that "...," as Lee did``: an "as" clause set right after the closing
    mark names the one whose words these are, whoever reports the sentence."""
    text = doc_text(doc)
    after = re.match(r"""(?:[^\S\n]|['’”"])*(,?)[^\S\n]*as\s""", text[region.outer_end : limit])
    if after is None:
        return None
    if not (after.group(1) or text[region.start : region.outer_end].rstrip("'’”\" ").endswith(",")):
        return None  # '"open" as in free': no insertion set off by a comma
    toks = [t for t in window_tokens(doc, region.outer_end, limit) if not t.is_space]
    toks = [t for t in toks if not t.is_punct or t.text == ","]
    if toks and toks[0].text == ",":
        toks = toks[1:]
    if not toks or toks[0].lower_ != "as":
        return None
    for tok in toks[1 : 1 + _AS_REACH]:
        if tok.text == ",":
            return None
        said = tok.lemma_ in AS_INSERTION_VERBS or is_speech_verb(tok) or tok.lemma_ == "do"
        if tok.pos_ not in ("VERB", "AUX") or not said:
            continue
        if not any(c.i == toks[0].i for c in tok.children):
            return None  # the "as" belongs to something else ("as much as ... said")
        subj = subject_of(tok, quoted)
        if subj is None or not toks[0].i < subj.i < tok.i:
            return None
        return tok, subj
    return None


@dataclass(frozen=True, slots=True)
class Site:
    """A quoted region as the cue finders read it."""

    view: ArticleView
    region: QuoteRegion
    limit: int  # where the next quote of the paragraph opens
    floor: int  # where the previous quote of the paragraph closed
    quoted: frozenset[int]


# What a finder returns: the cue verb, a cue that is not a verb ("according to"),
# the speaker's token, and whether a fragment is followed by its own "he said".
Found = tuple["Token", "Span | None", "Token | None", bool]


def find_after(site: Site) -> Found | None:
    """``"...," she said`` / ``said Smith``."""
    verb = _cue_after(site.view.doc, site.region, site.limit)
    if verb is None:
        return None
    subj = subject_of(verb, site.quoted)
    if subj is not None and site.region.start <= subj.idx < site.region.end:
        subj = None  # "Meh," wrote a supporter: the parse took the quote as subject
    return verb, None, subj, False


def find_said_after_fragment(site: Site) -> Found | None:
    said = _said_after_fragment(site.view.doc, site.region, site.limit, site.quoted)
    return (said[0], None, said[1], True) if said is not None else None


def _find_as_said_after(site: Site) -> Found | None:
    said = _as_said_after(site.view.doc, site.region, site.limit, site.quoted)
    return (said[0], None, said[1], True) if said is not None else None


def _find_governing_verb(site: Site) -> Found | None:
    verb = _governing_verb(site.view.doc, site.region)
    return (verb, None, subject_of(verb, site.quoted), False) if verb is not None else None


def find_before(site: Site) -> Found | None:
    found = _cue_before(site.view, site.region, site.floor, site.quoted)
    if found is None:
        return None
    verb, cue, subj = found
    if verb is None:
        return None
    if subj is None and cue is None:
        subj = subject_of(verb, site.quoted)
    return verb, cue, subj, False


def _find_lead_paragraph(site: Site) -> Found | None:
    verb, subj = _cue_in_lead_paragraph(site.view, site.region, site.quoted)
    return (verb, None, subj, False) if verb is not None else None


def _find_sentence_before(site: Site) -> Found | None:
    verb, subj = _cue_in_sentence_before(site.view, site.region, site.quoted)
    return (verb, None, subj, False) if verb is not None else None


def owner_of_next_sentence(view: ArticleView, since: int, last: int) -> tuple[Token, Token] | None:
    """The cue and speaker's tokens of the sentence after token ``last`` when it gives the
    words before it to a speaker ("That's the view voiced by X"); none when more than two
    line breaks lie between token ``since`` and it."""
    nxt, space = view.sent_end[last], view.is_space
    while nxt < len(space) and space[nxt]:
        nxt += 1
    # (the text of tokens since:nxt, read from the offsets: no Token, no Span's text)
    if nxt >= len(space) or view.text[view.idx[since] : view.idx[nxt]].count("\n") > 2:
        return None
    return owner_of_sentence_before(view.sentence(nxt))


def _find_sentence_after(site: Site) -> Found | None:
    """``"..." That's the promise made by Ana Ruiz.``: the next sentence gives it away."""
    toks = tokens_in(site.view.doc, site.region.start, site.region.end)
    if not toks:
        return None
    owner = owner_of_next_sentence(site.view, toks[-1].i, toks[-1].i)
    return (owner[0], None, owner[1], False) if owner is not None else None


# The cue of a quoted region: the first of these finders that finds one, in this
# order.  (name, reads direct quotes, reads fragments, reads the second half of a
# split quote, finder).
FINDERS: tuple[tuple[str, bool, bool, bool, Callable[[Site], Found | None]], ...] = (
    ("after the closing mark", True, False, True, find_after),
    ('fragment, then ", he said"', False, True, True, find_said_after_fragment),
    ('fragment, then ", as X said"', False, True, True, _find_as_said_after),
    ("the verb a fragment hangs from", False, True, True, _find_governing_verb),
    ("before the opening mark", True, True, True, find_before),
    ("a lead paragraph ending in a colon", True, False, True, _find_lead_paragraph),
    ("the report that ends the sentence before", True, False, False, _find_sentence_before),
    ('the sentence after: "That\'s the view voiced by X"', True, True, False, _find_sentence_after),
)
