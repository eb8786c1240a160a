"""Quotations with their speaker, cue and channel; merged with reported speech.

Each quoted region (extract/quotes.py) is attributed by looking, in order:
right after the closing mark (``"...," she said``, ``said Smith``), then
before the opening mark in the same sentence (``she wrote, "..."``,
``according to X``), then the verb that governs a quoted fragment
(``thanked them for their "positive energy"``); a quote with no cue of its
own belongs to the quote before it when that one is close (a split quote, a
continuation paragraph).  Reported speech (extract/reported.py) is merged
in: an indirect span that is just a direct quote is dropped, and quoted
fragments inside an indirect span are linked to it.  Reported speech comes
from extract/tagger.py, a CRF trained on PolNeAR train
(``python -m saidwhen.eval.train_tagger``) over the rules of extract/reported.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from saidwhen.extract.lexicon import CHANNEL_WORDS, FRAGMENT_CUES, SPEECH_VERBS
from saidwhen.extract.people import PRONOUNS, PeopleIndex
from saidwhen.extract.quotes import QuoteRegion, find_quote_regions
from saidwhen.extract.reported import find_reported
from saidwhen.extract.tagger import find_tagged
from saidwhen.model import Quote, Span, Speaker
from saidwhen.nlp import doc_text

__all__ = ["find_quotes", "normalise_quote"]

_TITLE_CONTEXT = frozenset(
    [
        "film",
        "movie",
        "book",
        "song",
        "album",
        "show",
        "series",
        "titled",
        "entitled",
        "called",
        "novel",
        "play",
        "episode",
        "article",
        "headline",
        "column",
        "podcast",
        "program",
        "programme",
        "documentary",
        "magazine",
        "memoir",
        "poem",
        "musical",
        "track",
        "single",
        "painting",
        "exhibition",
        "newspaper",
    ]
)
_GENERIC_CHANNELS = frozenset({"post", "posts", "message", "video"})
_SENT_END = {".", "!", "?"}
_RELATIVE = frozenset({"who", "which", "that"})
_NEW_CLAUSE = frozenset({"but", "and", "while", "although", "though", "yet"})
_NO_NAME = frozenset(
    "i me we us you he him she her they them it who which that this these those".split()
)


@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    kind: str
    speaker: Speaker | None = None
    cue: Span | None = None
    cue_token: int | None = None  # token index of the cue, to link split quotes
    channel: str | None = None
    continues_draft: _Draft | None = None
    region: QuoteRegion | None = None
    inherited: bool = False
    is_indirect: bool = False
    said_after: bool = False  # a fragment followed by its own ``," he said``


def normalise_quote(text: str) -> str:
    """Words of a quote for comparison: lower case, no punctuation or quote marks."""
    return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))


def _tokens_in(doc: Any, start: int, end: int) -> list[Any]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _as_one_put_it(tok: Any) -> bool:
    """``As one adviser put it, "..."``: "put it" in an "as" clause reports words."""
    doc = tok.doc
    return (
        tok.lemma_ == "put"
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].lower_ == "it"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
    )


def _is_cue_verb(tok: Any, lexicon: frozenset[str] = SPEECH_VERBS) -> bool:
    if tok.lemma_ == "go" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "on":
        return True  # "Trump went on, ..."
    if _as_one_put_it(tok):
        return True
    return bool(tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lexicon) or (
        tok.lower_ in lexicon and tok.pos_ in ("VERB", "NOUN", "PROPN") and tok.tag_.startswith("V")
    )


def _cue_span(doc: Any, verb: Any) -> Span:
    """The verb with its auxiliaries, negation and particle ("has learned", "opened up")."""
    toks = [verb]
    for child in verb.children:
        if (
            child.dep_ in ("aux", "auxpass", "neg") and child.i < verb.i and verb.i - child.i <= 3
        ) or (child.dep_ == "prt" and child.i == verb.i + 1):
            toks.append(child)
    toks.sort(key=lambda t: t.i)
    # keep the run contiguous around the verb (drop an aux separated by the subject)
    run = [verb]
    for t in reversed([t for t in toks if t.i < verb.i]):
        if run[0].i - t.i <= 2 and all(
            doc[k].pos_ in ("ADV", "PART", "AUX") for k in range(t.i + 1, run[0].i)
        ):
            run.insert(0, t)
    run.extend(t for t in toks if t.i > verb.i)
    s, e = run[0].idx, run[-1].idx + len(run[-1])
    return Span(doc_text(doc)[s:e], s, e)


def _np_span(doc: Any, head: Any, whole: bool = False) -> tuple[int, int]:
    """A subject noun phrase, cut before a comma, relative clause or apposition
    (``whole``: with its clauses and phrases, up to a comma)."""
    left = head.left_edge.i
    right = head.right_edge.i if whole else head.i
    for child in head.rights:
        if (
            child.dep_ in ("compound", "flat", "case", "nummod", "amod", "poss", "appos")
            and (child.dep_ != "appos" or (child.pos_ == "PROPN" and child.i == head.i + 1))
        ) or (child.dep_ == "prep" and child.lower_ == "of"):
            right = max(right, child.right_edge.i)
        else:
            break
    toks = doc[left : right + 1]
    cut = [t.i for t in toks if t.text in (",", "(", "—", "–") and t.i > head.i]
    if cut:
        right = cut[0] - 1
    cut_left = [t.i for t in toks if t.text in (",", "—", "–", '"', "“", "”") and t.i < head.i]
    if cut_left:
        left = cut_left[-1] + 1
    # a noun phrase never crosses a line break ("6:50 p.m.\n\nWith her husband ...")
    for k in range(head.i - 1, left - 1, -1):
        if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
            left = k + 1
            break
    for k in range(head.i, right + 1):
        if "\n" in doc[k].whitespace_ or (k > head.i and "\n" in doc[k].text):
            right = k if "\n" not in doc[k].text else k - 1
            break
    while left < right and doc[left].is_punct:
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right])


# Verbs whose object is the one who then speaks ("prompted Rubio to call ...").
_OBJECT_CONTROL = frozenset(
    "prompt lead ask urge force invite encourage push inspire compel move get".split()
)


def _reported_clause(tok: Any) -> bool:
    """Is ``tok`` the head of the clause a speech verb reports ("said [it was late]")?"""
    if tok.dep_ != "ccomp" or tok.head.i == tok.i or not _is_cue_verb(tok.head):
        return False
    lo, hi = sorted((tok.idx, tok.head.idx))
    return "\n" not in doc_text(tok.doc)[lo:hi]  # a parse run over a paragraph break


def _subject(verb: Any, quoted: frozenset[int] = frozenset()) -> Any | None:
    """The subject of a cue verb, through conjunctions and xcomp chains.

    A subject inside quotation marks is the parser reading the quote as a clause
    ("Michigan, Ohio," Mr. Trump said): it is skipped.  A relative pronoun is kept
    ("Smith, who said"): PolNeAR marks "who" as the source.
    """
    tok = verb
    for _ in range(4):
        subs = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in quoted]
        if subs:
            return subs[0]
        if tok.dep_ == "xcomp" and tok.head.lemma_ in _OBJECT_CONTROL:
            # "prompted the group to state": the object speaks
            objs = [c for c in tok.head.children if c.dep_ == "dobj" and c.i not in quoted]
            if objs and objs[0].pos_ in ("PROPN", "NOUN", "PRON"):
                return objs[0]
        if (
            tok.dep_ in ("conj", "advcl")
            and _reported_clause(tok.head)
            and tok.head.head.i not in quoted
            and _is_cue_verb(tok)
        ):
            # "Lee said it was late and added, ...": the parser tied "added" into what
            # was said; the one who adds is the one who said it
            tok = tok.head.head
        elif tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.i != tok.i:
            tok = tok.head
        elif tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head  # "deflected questions before saying": who deflected
        else:
            break
    return None


def _speaker(doc: Any, people: PeopleIndex, subj: Any, whole: bool = False) -> Speaker:
    names = [c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if subj.pos_ == "NOUN" and names:
        subj = names[0]  # "Her partner, ecologist Priya Raman, said"
    if subj.dep_ == "poss" or subj.lower_ in PRONOUNS:
        s, e = subj.idx, subj.idx + len(subj)
    else:
        s, e = _np_span(doc, subj, whole)
    mention = doc_text(doc)[s:e]
    name = people.resolve(s, e)
    if (
        name is None
        and mention.lower() not in PRONOUNS
        and mention.lower() not in ("i", "we", "they", "it", "you")
    ):
        name = mention
    return Speaker(name, mention, s, e)


def _according_to(doc: Any, toks: list[Any]) -> tuple[Span, Any] | None:
    for tok in toks:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            s, e = tok.idx, to.idx + len(to)
            return Span(doc_text(doc)[s:e], s, e), (objs[0] if objs else None)
    return None


def _channel(doc: Any, sent: Any) -> str | None:
    """Where it was said, from the sentence of the cue: "blog post on Medium", "Instagram"."""
    for tok in sent:
        if tok.lower_ not in CHANNEL_WORDS:
            continue
        if tok.lower_ == "post" and tok.pos_ == "VERB":
            continue
        head = tok
        # "Instagram post": the channel word is a compound of the noun it names
        if tok.dep_ == "compound" and tok.head.lower_ in CHANNEL_WORDS:
            head = tok.head
        words = [t for t in head.lefts if t.dep_ in ("compound", "amod") and t.pos_ != "DET"]
        parts = [*words, head]
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("on", "with", "to", "for"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    obj = objs[0]
                    parts.extend([child, *[t for t in obj.lefts if t.dep_ == "compound"], obj])
                break
        parts.sort(key=lambda t: t.i)
        text = " ".join(t.text for t in parts)
        return text
    return None


def _window_tokens(doc: Any, start: int, end: int) -> list[Any]:
    return [t for t in _tokens_in(doc, start, end) if start <= t.idx < end]


def _loose_cue(tok: Any) -> bool:
    """A finite verb, or a speech verb the tagger took for a noun ("the ad states")."""
    if tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    word = tok.lower_
    return tok.tag_ == "NNS" and (word[:-1] in SPEECH_VERBS or word[:-2] in SPEECH_VERBS)


def _cue_after(doc: Any, region: QuoteRegion, limit: int) -> Any | None:
    """``"...," she said`` / ``said Smith``: a speech verb right after the closing mark."""
    toks = _window_tokens(doc, region.outer_end, limit)
    quoted = doc_text(doc)[region.start : region.end].rstrip("'’ ")
    first_word = next((t for t in toks if not t.is_punct and not t.is_space), None)
    if quoted.endswith(".") and first_word is not None and first_word.text[:1].isupper():
        return None  # the quote closed its sentence: what follows is a new one
    if first_word is not None and first_word.lower_ in _NEW_CLAUSE:
        return None  # ``saying, "...," but he denied ...``: a new clause, not this quote's cue
    # "...," the clause that follows is the report whatever its verb ("he surmised")
    tail = doc_text(doc)[region.start : region.outer_end].rstrip("'’”\" ")
    open_clause = tail.endswith(",") or (
        tail.endswith(("?", "!")) and first_word is not None and first_word.text[:1].islower()
    )
    words = 0
    for tok in toks:
        if tok.text in _SENT_END or tok.text in ('"', "“", "”") or tok.text.startswith("\n"):
            break
        if _is_cue_verb(tok) or (open_clause and _loose_cue(tok)):
            nxt = doc_text(doc)[tok.idx + len(tok) : tok.idx + len(tok) + 4].lstrip(" ,:")
            if quoted.endswith(("?", "!")) and nxt[:1] in ('"', "“"):
                return None  # "Why?" She asked, "..." introduces the next quote
            return tok
        if not tok.is_punct and not tok.is_space:
            words += 1
        if words > 6 and "," not in doc_text(doc)[region.outer_end : tok.idx]:
            break  # past a plain subject; an appositive ("X, a strategist, said") may be longer
        if words > 16:
            break
    return None


def _cue_before(
    doc: Any, region: QuoteRegion, floor: int, quoted: frozenset[int] = frozenset()
) -> tuple[Any, Span | None, Any] | None:
    """``she wrote, "..."``, ``according to X, "..."``: the closest speech verb before."""
    open_tok = _tokens_in(doc, region.open_mark, region.open_mark + 1)
    if not open_tok:
        return None
    sent = open_tok[0].sent
    lo = max(floor, sent.start_char)
    toks = _window_tokens(doc, lo, region.open_mark)
    # a sentence break inside the window ends the search there
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].text in _SENT_END:
            toks = toks[k + 1 :]
            break
    acc = _according_to(doc, toks)
    if acc is not None:
        return acc[1], acc[0], None
    best = None
    for tok in reversed(toks):
        if _is_cue_verb(tok):
            if (subj := _subject(tok, quoted)) is not None:
                return tok, None, subj
            best = best or tok
    if best is not None:
        return best, None, None
    opens_sentence = doc_text(doc)[region.start : region.start + 1].isupper()
    if toks and toks[-1].text == "," and len(toks) >= 2 and opens_sentence:
        # "The crowd chanted back at him, "Send them home"": the clause's verb, whatever it is
        for tok in reversed(toks[:-1]):
            if tok.pos_ == "VERB" and tok.tag_ != "VBN" and (subj := _subject(tok, quoted)):
                return tok, None, subj
    if toks and toks[-1].text == ":" and len(toks) >= 2:
        colon = toks[-1]
        # "Kasich resisted: "..."": the clause's verb and subject introduce the quote
        for tok in reversed(toks[:-1]):
            if tok.pos_ == "VERB" and (subj := _subject(tok, quoted)) is not None:
                return tok, None, subj
        if toks[-2].pos_ in ("PROPN", "NOUN", "PRON"):  # "Smith: "...""
            return colon, Span(":", colon.idx, colon.idx + 1), toks[-2]
    return None


def _nearby_subject(doc: Any, verb: Any, region: QuoteRegion) -> Any | None:
    """When the parse gives a cue verb no subject: a name or pronoun right next to it."""
    if verb.idx >= region.outer_end:  # "..." she says / says Smith
        between = [
            t
            for t in _window_tokens(doc, region.outer_end, verb.idx)
            if not t.is_punct and not t.is_space
        ]
        if between:  # "...," a voice-over in the ad states: the words before the verb
            ids = {t.i for t in between}
            roots = [
                t
                for t in between
                if t.pos_ in ("PRON", "PROPN", "NOUN") and (t.head.i not in ids or t.head is t)
            ]
            return roots[0] if roots else None
        nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if nxt is not None and verb.lemma_ != "tell":
            # "...," wrote a man calling himself X / tweeted another: the parser took
            # the inverted subject for an object
            if nxt.lower_ in ("one", "another"):
                return nxt
            if (
                nxt.pos_ == "DET"
                and nxt.dep_ == "det"
                and nxt.head.pos_ in ("NOUN", "PROPN")
                and verb.i < nxt.head.i <= nxt.i + 4
            ):
                return nxt.head
        if nxt is not None and nxt.pos_ in ("PROPN", "NOUN") and nxt.ent_type_ != "DATE":
            while nxt.dep_ in ("compound", "flat") and verb.i < nxt.head.i <= nxt.i + 4:
                nxt = nxt.head  # "said Robin Maynard": the name's head
            return nxt
        return None
    if (inserted := _subject_before_insertion(doc, verb)) is not None:
        return inserted
    # Smith (R-WI) said "...": skip a bracket back to the name
    k, depth = verb.i - 1, 0
    while k >= verb.sent.start and verb.i - k < 12:
        tok = doc[k]
        depth += tok.text == ")"
        depth -= tok.text == "("
        if depth <= 0 and tok.pos_ in ("PROPN", "PRON") and tok.text != "(":
            return tok
        if (depth <= 0 and tok.pos_ in ("VERB", "AUX")) or tok.text in (",", ";"):
            break
        k -= 1
    return None


def _subject_before_insertion(doc: Any, verb: Any) -> Any | None:
    """``Warren, a military spokesman in Baghdad, said`` / ``Clinton, exasperated,
    responded``: a subject set off from its verb by a phrase between commas, which the
    parser attached elsewhere.  The noun before the inserted phrase, if it opens its
    clause (after the sentence start, a line break or a comma)."""
    start = verb.sent.start
    k = verb.i - 1
    while k > start and doc[k].pos_ == "ADV":
        k -= 1  # "exasperated, famously responded"
    for _ in range(2):  # "Sanders, meanwhile, who sits at zero, said"
        if k <= start or doc[k].text != ",":
            return None
        j = k - 1
        while j > start and doc[j].text not in (",", ";", ":", "(", ")") and k - j <= 15:
            if "\n" in doc[j].text or doc[j].text in _SENT_END or doc[j].is_quote:
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
            continue
        if cand.pos_ not in ("PROPN", "PRON", "NOUN"):
            return None
        m = cand.i
        while m > start and doc[m - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM"):
            m -= 1
        if m > start and doc[m - 1].pos_ == "PRON" and doc[m - 1].tag_ == "PRP$":
            m -= 1
        prev = doc[m - 1] if m > start else None
        if prev is None or prev.text == "," or "\n" in prev.text or prev.text in _SENT_END:
            return cand
        return None
    return None


def _cue_in_sentence_before(
    doc: Any, region: QuoteRegion, quoted: frozenset[int] = frozenset()
) -> tuple[Any | None, Any | None]:
    """``..., Smith says. "Quote."``: the report that ends the sentence just before."""
    text = doc_text(doc)
    before = text[: region.open_mark].rstrip()
    if not before.endswith((".", ":")) or "\n" in text[len(before) : region.open_mark]:
        return None, None
    end_tok = _tokens_in(doc, len(before) - 1, len(before))
    if not end_tok:
        return None, None
    toks = [t for t in end_tok[0].sent if t.i < end_tok[0].i]
    for tok in reversed(toks[-4:]):  # the cue must close that sentence
        if _is_cue_verb(tok) and (subj := _subject(tok, quoted)) is not None:
            if subj.lower_ in _RELATIVE:
                # ``said Smith, who spoke on condition of anonymity.``: the relative
                # clause describes the last speaker; the quote goes on from his
                return None, None
            return tok, subj
    return _report_sentence(toks, quoted)


def _report_sentence(toks: list[Any], quoted: frozenset[int]) -> tuple[Any | None, Any | None]:
    """``Greene added that the Fed wants out before the vote. "Quote."``: a sentence
    whose main verb reports a named speaker's words introduces the quote after it."""
    if not toks or any(t.i in quoted for t in toks):
        return None, None  # a sentence with a quote of its own: its cue is that quote's
    root = toks[0].sent.root
    if root.i not in {t.i for t in toks} or not _is_cue_verb(root):
        return None, None
    subj = _subject(root, quoted)
    if subj is None or subj.lower_ in _RELATIVE or subj.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None, None
    return root, subj


def _cue_in_lead_paragraph(
    doc: Any, region: QuoteRegion, quoted: frozenset[int] = frozenset()
) -> tuple[Any | None, Any | None]:
    """A quote opening a paragraph after "... released the following statement:"."""
    text = doc_text(doc)
    before = text[: region.open_mark].rstrip()
    if not before.endswith(":") or "\n" not in text[len(before) : region.open_mark]:
        return None, None
    colon = _tokens_in(doc, len(before) - 1, len(before))
    if not colon:
        return None, None
    sent = colon[0].sent
    for tok in sorted(sent, key=lambda t: -t.i):
        if tok.pos_ == "VERB" and (subj := _subject(tok, quoted)) is not None:
            return tok, subj
    return None, None


def _governing_verb(doc: Any, region: QuoteRegion) -> Any | None:
    """The verb a quoted fragment hangs from, when it is a verb of saying or judging."""
    toks = _tokens_in(doc, region.start, region.end)
    if not toks:
        return None
    root = min(toks, key=lambda t: len(list(t.ancestors)))
    # the outermost one: "she revealed that she had asked ... "no matter how""
    found = None
    text = doc_text(doc)
    for anc in root.ancestors:
        if "\n" in text[min(anc.idx, region.start) : max(anc.idx, region.end)]:
            continue  # a parse run over a paragraph break: the next paragraph's "X said"
        if anc.pos_ in ("VERB", "AUX") and _is_cue_verb(anc, FRAGMENT_CUES):
            found = anc
            if anc.dep_ == "conj":  # "thanked ... and expressed gratitude for the "amazing""
                break
    return found


def _looks_like_title(text: str, quoted: str, open_mark: int) -> bool:
    before = re.findall(r"[A-Za-z]+", text[max(0, open_mark - 40) : open_mark])
    words = re.findall(r"[A-Za-z']+", quoted)
    if not words or len(words) > 12:
        return False
    if (
        before
        and before[-1].lower() == "called"
        and "so-" in text[max(0, open_mark - 12) : open_mark]
    ):
        return True  # so-called "experts": scare quotes
    capitalised = all(w[0].isupper() for w in words if len(w) > 3)
    return capitalised and bool(before) and before[-1].lower() in _TITLE_CONTEXT


def _is_markup(text: str, region: QuoteRegion) -> bool:
    """Attribute values of embedded HTML (id="123") and bare numbers are not quotes."""
    quoted = text[region.start : region.end]
    return text[region.open_mark - 1 : region.open_mark] == "=" or not re.search(
        r"[^\W\d_]", quoted
    )


def _bare_report(verb: Any, quoted: frozenset[int]) -> bool:
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
    doc: Any, region: QuoteRegion, limit: int, quoted: frozenset[int]
) -> tuple[Any, Any] | None:
    """``described it as "horrendous. It really hurts," he said``: a quote that starts
    mid-sentence but closes on a comma followed by a plain ``he said`` is that
    speaker's, as a full quote would be."""
    text = doc_text(doc)
    if not text[region.start : region.outer_end].rstrip("'’”\" ").endswith(","):
        return None
    if len(text[region.start : region.end].split()) < 5:
        return None  # a short phrase is a fragment of the sentence's own report
    verb = _cue_after(doc, region, limit)
    if verb is None or not _is_cue_verb(verb) or "(" in text[region.outer_end : verb.idx]:
        return None
    subj = _subject(verb, quoted)
    if subj is None or abs(subj.i - verb.i) > 3 or not _bare_report(verb, quoted):
        return None
    return verb, subj


def _attribute_region(
    doc: Any,
    people: PeopleIndex,
    region: QuoteRegion,
    limit: int,
    floor: int,
    split_from: QuoteRegion | None = None,
    quoted: frozenset[int] = frozenset(),
) -> _Draft:
    text = doc_text(doc)
    words = text[region.start : region.end]
    before = text[max(0, region.open_mark - 2) : region.open_mark].rstrip()
    prev_char = before[-1:] if before else ""
    fragment = prev_char.isalnum() or (
        words[:1].islower()
        and prev_char not in (":",)
        and region.open_mark > 0
        and text[: region.open_mark].rstrip()[-1:] not in ("\n", "")
    )
    if fragment and split_from is not None:
        fragment = False  # "X," she said, "and y": the second half of a split quote
    draft = _Draft(region.start, region.end, "fragment" if fragment else "direct", region=region)
    verb = None if fragment else _cue_after(doc, region, limit)
    subj = _subject(verb, quoted) if verb is not None else None
    if subj is not None and region.start <= subj.idx < region.end:
        subj = None  # "Meh," wrote a supporter: the parse took the quote as subject
    if fragment and (said := _said_after_fragment(doc, region, limit, quoted)) is not None:
        verb, subj = said
        draft.said_after = True
    cue: Span | None = None
    if verb is None and fragment:
        verb = _governing_verb(doc, region)
        subj = _subject(verb, quoted) if verb is not None else None
    if verb is None:
        found = _cue_before(doc, region, floor, quoted)
        if found is not None:
            verb, cue, subj = found
            if subj is None and verb is not None and cue is None:
                subj = _subject(verb, quoted)
    if verb is None and not fragment:
        verb, subj = _cue_in_lead_paragraph(doc, region, quoted)
    if verb is None and not fragment and split_from is None:
        verb, subj = _cue_in_sentence_before(doc, region, quoted)
    if verb is None:
        return draft
    if fragment and subj is not None and region.start <= subj.idx < region.end:
        return draft  # the quoted words are the speaker, not what was said
    inverted = False
    if subj is None and cue is None:
        subj = _nearby_subject(doc, verb, region)
        # "...," wrote a man calling himself X: the whole noun phrase after the verb
        inverted = subj is not None and subj.i > verb.i and doc[verb.i + 1].pos_ == "DET"
    if cue is None and subj is not None:
        acc = _outer_source(doc, verb, quoted)
        if acc is not None:
            cue, subj = acc
    draft.cue = cue or _cue_span(doc, verb)
    draft.cue_token = verb.i
    if subj is not None:
        draft.speaker = _speaker(doc, people, subj, inverted)
    draft.channel = _channel(doc, verb.sent)
    return draft


def _outer_source(doc: Any, tok: Any, quoted: frozenset[int]) -> tuple[Span, Any] | None:
    """``"..." Smith said, according to a transcript``: PolNeAR gives the outer report,
    the transcript, as the source.  Only words of the same sentence and paragraph."""
    text = doc_text(doc)
    toks = [
        t
        for t in tok.sent
        if t.i not in quoted and "\n" not in text[min(t.idx, tok.idx) : max(t.idx, tok.idx)]
    ]
    acc = _according_to(doc, toks)
    if acc is None or acc[1] is None or acc[1].i in quoted:
        return None
    first = _tokens_in(doc, acc[0].start, acc[0].end)
    if first and first[0].i > 0 and doc[first[0].i - 1].lower_ == "that":
        return None  # "said that according to its analysis ...": inside what was said
    return acc[0], acc[1]


def _outer_reporter(doc: Any, fragment: _Draft, quoted: frozenset[int]) -> tuple[Any, Any] | None:
    """``Trump said that Clinton once described the deal as "the gold standard"``: a
    report nested in what another speaker says; the quoted words come to us from the
    outer speaker, whom news annotators give as their source.  The outer verb and
    its subject, in the same paragraph."""
    report = fragment.continues_draft
    if report is None or report.cue is None:
        return None
    cue = doc.char_span(report.cue.start, report.cue.end, alignment_mode="expand")
    if cue is None:
        return None
    text = doc_text(doc)
    verb = tok = cue.root
    nested = False
    while tok.head.i != tok.i:
        nested = nested or tok.dep_ == "ccomp"
        tok = tok.head
        if "\n" in text[min(tok.idx, verb.idx) : max(tok.idx, verb.idx)]:
            return None
        if nested and tok.i not in quoted and _is_cue_verb(tok):
            subj = _subject(tok, quoted)
            if subj is None or fragment.start <= subj.idx < fragment.end:
                return None
            return tok, subj
    return None


def _sign_off(doc: Any, region: QuoteRegion) -> tuple[Span, Any] | None:
    """``"..."`` then a line ``- Hillary Clinton.``: the name signs the quote."""
    text = doc_text(doc)
    window = text[region.outer_end : region.outer_end + 80]
    m = re.match(r"[^\w\n]*\n\s*([-—–―])\s*", window)
    # or on the quote's own line when the name ends it: ``"..." ― Jane Roe``
    m = m or re.match(r"[^\w\n]*?([—–―]|\s-)[^\n]{1,50}(\n|$)", window)
    if m is None:
        return None
    dash_at = region.outer_end + m.start(1) + (window[m.start(1)] == " ")
    end = min(len(text), dash_at + 60)
    after = [t for t in _window_tokens(doc, dash_at + 1, end) if not t.is_space]
    if not after or after[0].pos_ not in ("PROPN", "NOUN"):
        return None
    head = after[0]
    while head.dep_ in ("compound", "flat") and head.i < head.head.i <= head.i + 4:
        head = head.head
    return Span(text[dash_at], dash_at, dash_at + 1), head


def _report_in_previous_paragraph(doc: Any, region: QuoteRegion, quoted: frozenset[int]) -> Any:
    """A paragraph that is nothing but a quote, after one that reports someone's words
    (``Carter said that ... .`` then ``"..."``): the reporter's cue verb."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, region.open_mark) + 1
    if text[line_start : region.open_mark].strip():
        return None
    before = text[:line_start].rstrip()
    if not before.endswith((".", "!", "?")):
        return None
    end_tok = _tokens_in(doc, len(before) - 1, len(before))
    if not end_tok:
        return None
    para_start = text.rfind("\n", 0, len(before)) + 1
    sent = [t for t in end_tok[0].sent if t.idx >= para_start and t.i not in quoted]
    if len(sent) != len([t for t in end_tok[0].sent if t.idx >= para_start]):
        return None  # that sentence quotes someone itself: its quote already has a speaker
    for tok in sent:
        if _is_cue_verb(tok) and tok.dep_ in ("ROOT", "conj") and _subject(tok, quoted):
            return tok
    return None


def _attribute_lone_paragraph(
    doc: Any, people: PeopleIndex, draft: _Draft, region: QuoteRegion, quoted: frozenset[int]
) -> None:
    """A quote with no cue nearby and no quote before it to continue."""
    signed = _sign_off(doc, region)
    if signed is not None:
        draft.cue, draft.speaker = signed[0], _speaker(doc, people, signed[1])
        return
    if draft.continues_draft is not None:
        return
    text = doc_text(doc)
    line_end = text.find("\n", region.outer_end)
    rest = _window_tokens(doc, region.outer_end, line_end if line_end >= 0 else len(text))
    if any(t.i not in quoted and t.is_alpha for t in rest):
        return  # words after the quote: its cue is there, if anywhere
    verb = _report_in_previous_paragraph(doc, region, quoted)
    subj = _subject(verb, quoted) if verb is not None else None
    if verb is not None and subj is not None:
        draft.speaker = _speaker(doc, people, subj)
        draft.cue, draft.cue_token = _cue_span(doc, verb), verb.i


def _quoted_tokens(doc: Any, regions: list[QuoteRegion]) -> frozenset[int]:
    """Indices of the tokens inside quotation marks: never the speaker of a quote."""
    out: set[int] = set()
    for r in regions:
        out.update(t.i for t in _tokens_in(doc, r.start, r.end) if r.start <= t.idx < r.end)
    return frozenset(out)


def _direct_drafts(
    doc: Any, people: PeopleIndex, start: int, regions: list[QuoteRegion], in_quotes: frozenset[int]
) -> list[_Draft]:
    text = doc_text(doc)
    drafts: list[_Draft] = []
    for k, region in enumerate(regions):
        quoted = text[region.start : region.end]
        if _looks_like_title(text, quoted, region.open_mark) or _is_markup(text, region):
            continue
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
        draft = _attribute_region(doc, people, region, limit, floor, split_from, in_quotes)
        last = drafts[-1] if drafts else None
        if last is not None and last.region is not None:
            same_cue = draft.cue_token is not None and draft.cue_token == last.cue_token
            near = region.paragraph - last.region.paragraph <= 1
            if (
                same_cue
                or region.continues_previous
                or (draft.cue is None and near and draft.kind == "direct")
            ):
                draft.continues_draft = last
            if draft.speaker is None and draft.continues_draft is not None:
                draft.speaker, draft.inherited = last.speaker, True
                draft.cue = draft.cue or last.cue
        # A fragment with no cue of its own is kept only if reported speech claims it
        # (see find_quotes): otherwise it is a scare quote or a name in quotes.
        drafts.append(draft)
    return drafts


def _alnum(text: str, start: int, end: int) -> int:
    return sum(c.isalnum() for c in text[start:end])


def _covers(outer: Span | Speaker, inner: Span | Speaker) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _merge_reported(doc: Any, drafts: list[_Draft], reported: list[Quote]) -> list[_Draft]:
    """Add indirect speech; drop what only repeats a direct quote; link fragments."""
    out = list(drafts)
    seen: set[tuple[int, int]] = set()
    by_cue: dict[tuple[int, int], _Draft] = {}
    for q in reported:
        if (q.start, q.end) in seen:
            continue  # two cues of one report ("took to Instagram to reveal that ...")
        seen.add((q.start, q.end))
        if q.cue is not None and doc_text(doc)[q.cue.start - 1 : q.cue.start] == "-":
            continue  # "co-wrote the paper" is not a report
        inside = [d for d in drafts if d.start < q.end and q.start < d.end]
        # A report that is nothing but direct quotes adds nothing; one with words of its
        # own ("called it "a disaster"") is kept, as news annotators mark it.
        text = doc_text(doc)
        covered = sum(_alnum(text, max(d.start, q.start), min(d.end, q.end)) for d in inside)
        if inside and covered >= _alnum(text, q.start, q.end):
            for d in inside:  # the indirect reading may know the speaker better
                if d.speaker is None and q.speaker is not None:
                    d.speaker, d.cue = q.speaker, q.cue or d.cue
                elif d.speaker and q.speaker and _covers(q.speaker, d.speaker):
                    # the same source as a fuller noun phrase ("Smith, a strategist,")
                    d.speaker = Speaker(
                        d.speaker.name, q.speaker.mention, q.speaker.start, q.speaker.end
                    )
                    if q.cue is not None and d.cue is not None and _covers(q.cue, d.cue):
                        d.cue = q.cue
            continue
        ind = _Draft(q.start, q.end, "indirect", q.speaker, q.cue, is_indirect=True)
        if q.cue is not None:
            cue_toks = _tokens_in(doc, q.cue.start, q.cue.end)
            ind.channel = _channel(doc, cue_toks[0].sent) if cue_toks else None
            # "Too often, Mr. Clarke said, the debate ...": the second piece of one content
            first = by_cue.get((q.cue.start, q.cue.end))
            if first is not None and first.end <= q.cue.start < q.start:
                ind.continues_draft = first
            else:
                by_cue[(q.cue.start, q.cue.end)] = ind
        for d in inside:
            owner = d.continues_draft
            if (
                owner is not None
                and owner.is_indirect
                and owner.start <= q.start
                and q.end <= owner.end
            ):
                continue  # the outermost report owns the fragment
            if q.start <= d.start and d.end <= q.end + 2:
                d.kind = "fragment"
                d.continues_draft = ind
                if q.speaker is not None and not d.said_after:  # one attribution
                    d.speaker, d.cue = q.speaker, q.cue
        out.append(ind)
    _unlink_quotes_with_their_own_cue(out)
    return out


def _chain_head(draft: _Draft) -> _Draft:
    seen = {id(draft)}
    while draft.continues_draft is not None and id(draft.continues_draft) not in seen:
        draft = draft.continues_draft
        seen.add(id(draft))
    return draft


def _unlink_quotes_with_their_own_cue(drafts: list[_Draft]) -> None:
    """``Conceding that ... "down the line," he warned: "..."``: a full quote after a
    report, introduced by a cue of its own, is a new attribution, not more of that
    report (a quote with no cue of its own, or the report's own cue, goes on with it)."""
    for d in drafts:
        head = _chain_head(d)
        if (
            d.kind == "direct"
            and not d.inherited
            and head.is_indirect
            and head.cue is not None
            and d.cue is not None
            and d.start >= head.end
            and (d.cue.start, d.cue.end) != (head.cue.start, head.cue.end)
        ):
            d.continues_draft = None


def _carry_channels(drafts: list[_Draft]) -> None:
    """A channel holds for the quotes that follow from the same speaker until another is named."""
    current: dict[str | None, str] = {}
    for d in drafts:
        who = d.speaker.name if d.speaker else None
        if d.channel and who in current:
            words = set(d.channel.lower().split())
            if d.channel.lower() in _GENERIC_CHANNELS or words <= set(current[who].lower().split()):
                d.channel = None  # "in her post" refers back to the post already named
        if d.channel:
            current[who] = d.channel
        elif d.continues_draft is not None and d.continues_draft.channel:
            d.channel = d.continues_draft.channel
        elif who in current:
            d.channel = current[who]


def _reported_speech(doc: Any, people: PeopleIndex, start: int) -> list[Quote]:
    """Reported speech from the CRF tagger, which reads the rules of extract/reported.py
    as features: on PolNeAR dev it beats the rules alone on every role (and the two
    together).  Where the tagger found content but no source and the rules found
    both, the rules' reading wins.
    """
    rules = find_reported(doc, people, start)
    tagged = find_tagged(doc, people, start, rules=rules)
    out = list(tagged)
    for r in rules:
        over = [t for t in tagged if t.start < r.end and r.start < t.end]
        if not over and r.speaker is not None and r.text.startswith("that "):
            out.append(r)  # "she shared on Instagram that ...": the surest frame of all
        elif over and r.speaker is not None and all(t.speaker is None for t in over):
            out = [t for t in out if t not in over]
            out.append(r)
    return sorted(out, key=lambda q: (q.start, q.end))


def find_quotes(doc: Any, people: PeopleIndex, start: int = 0) -> list[Quote]:
    """Every quotation of the article, in text order, with indices linking them."""
    regions = find_quote_regions(doc_text(doc), start)
    quoted = _quoted_tokens(doc, regions)
    drafts = _direct_drafts(doc, people, start, regions, quoted)
    drafts = _merge_reported(doc, drafts, _reported_speech(doc, people, start))
    for d in drafts:
        if d.kind != "direct" or d.region is None:
            continue
        if d.inherited and (signed := _sign_off(doc, d.region)) is not None:
            d.cue, d.speaker = signed[0], _speaker(doc, people, signed[1])
        elif d.speaker is None and d.cue is None:
            _attribute_lone_paragraph(doc, people, d, d.region, quoted)
    for d in drafts:
        if d.kind == "fragment" and d.continues_draft is not None and d.continues_draft.is_indirect:
            # a fragment of reported speech: "according to X" there names the source too
            toks = _tokens_in(doc, d.start, d.end)
            acc = _outer_source(doc, toks[0], quoted) if toks else None
            if acc is not None:
                d.cue, d.speaker = acc[0], _speaker(doc, people, acc[1])
            elif not d.said_after and (outer := _outer_reporter(doc, d, quoted)) is not None:
                d.cue, d.speaker = _cue_span(doc, outer[0]), _speaker(doc, people, outer[1])
    drafts = [d for d in drafts if d.cue is not None or d.kind != "fragment"]
    drafts.sort(key=lambda d: (d.start, d.end))
    _carry_channels(drafts)
    index = {id(d): i for i, d in enumerate(drafts)}
    seen: dict[str, int] = {}
    # reported speech repeats only the same speaker's same words ("revealed that she
    # had lost the baby ... after learning that she had lost the baby")
    seen_reports: dict[tuple[str, str], int] = {}
    quotes = []
    text = doc_text(doc)
    for i, d in enumerate(drafts):
        words = normalise_quote(text[d.start : d.end])
        repeat = seen.get(words) if d.kind != "indirect" and len(words.split()) >= 4 else None
        if repeat is None and words:
            seen.setdefault(words, i)
        if d.kind == "indirect" and d.speaker is not None and d.speaker.name and words:
            report = (d.speaker.name, words)
            repeat = seen_reports.get(report) if len(words.split()) >= 4 else None
            seen_reports.setdefault(report, i)
        if d.speaker is not None and d.speaker.name and d.speaker.name.lower() in _NO_NAME:
            d.speaker = replace(d.speaker, name=None)  # "they" names nobody
        cont = index.get(id(d.continues_draft)) if d.continues_draft is not None else None
        quotes.append(
            Quote(
                text=text[d.start : d.end],
                start=d.start,
                end=d.end,
                kind=d.kind,  # type: ignore[arg-type]
                speaker=d.speaker,
                cue=d.cue,
                channel=d.channel,
                repeat_of=repeat,
                continues=cont if cont is not None and cont < i else None,
            )
        )
    return quotes
