"""How :class:`~saidwhen.extract.people.index.PeopleIndex` resolves a he/she pronoun
(and an "it"/"they" that stands for a body) to one of its entities: the candidates in
view, in the pronoun's quote frame and of its gender, ranked by the hand-weighted score
(recency, subjecthood) or by a :class:`~.resolver.PronounModel`'s weights."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import TYPE_CHECKING

from saidwhen.extract.lexicon import SPEECH_VERBS
from saidwhen.extract.people.entity import _Entity
from saidwhen.extract.people.names import (
    MAIN_SUBJECT_BONUS,
    PRONOUNS,
    SALIENCE,
    SUBJECT_BONUS,
    UNKNOWN_GENDER_COST,
    Gender,
)
from saidwhen.extract.people.resolver import (
    PronounModel,
    Trace,
    candidate_features,
    rank,
)
from saidwhen.extract.speech.view import ArticleView, article_view

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _depth(head: tuple[int, ...], tok: int) -> int:
    """How many heads up token ``tok`` is from its sentence's root (``head``: the view's)."""
    n = 0
    while head[tok] != tok and n < 50:
        tok, n = head[tok], n + 1
    return n


def _subtree(kids: tuple[tuple[int, ...], ...], i: int, out: list[int]) -> list[int]:
    """``Token.subtree`` of token ``i`` as indices, in its order (the left children's
    subtrees, the token, the right children's), appended to ``out``; ``kids``: the
    view's children."""
    for c in kids[i]:
        if c < i:
            _subtree(kids, c, out)
    out.append(i)
    for c in kids[i]:
        if c > i:
            _subtree(kids, c, out)
    return out


# the links from a verb down to its objects and the subjects of the clauses it takes:
# "he told Lee", "he declared Cruz anointed", "she said Lee would win" (not a predicate
# noun, "he was the mayor", an apposition or a possessor, which may be the subject
# itself, nor a name deep in a modifier, "he told X at the event where Trump spoke")
_ARGUMENT_LINKS = frozenset(
    {"dobj", "dative", "nsubj", "nsubjpass", "ccomp", "xcomp", "conj", "pobj", "prep"}
)


def _below(view: ArticleView, tok: int, verb: int) -> bool:
    """Whether token ``tok`` is an argument of token ``verb`` or of a clause it takes."""
    n = 0
    while tok != verb and n < 50:
        dep = view.dep[tok]
        if (
            dep not in _ARGUMENT_LINKS
            or (dep == "pobj" and view.lower[view.head[tok]] == "as")  # "he served as Director"
            or (dep == "conj" and view.pos[tok] not in ("NOUN", "PROPN"))  # a clause's own
        ):
            return False
        tok, n = view.head[tok], n + 1
    return tok == verb


# The most :meth:`_Pronouns._hand_score` adds to a mention's start
_REACH = (
    max(0, SUBJECT_BONUS)
    + max(0, MAIN_SUBJECT_BONUS)
    + max(0, 10 * SALIENCE)
    + max(0, -UNKNOWN_GENDER_COST)
)

# Verbs that go on with what was said: their he/she is the one who spoke last
_GOING_ON = frozenset({"add", "continue"})

# Verbs of asking someone, the links from them down into what was asked, and the links
# that hang what was asked on the verb itself (not "asked Lee to stay because he was
# tired", "asked Lee a question and he left": a clause beside the question)
_ASKING = frozenset({"ask", "press", "question", "quiz"})
_INTO_QUESTION = frozenset({"ccomp", "advcl", "relcl", "pcomp", "pobj", "prep", "conj", "xcomp"})
_QUESTION_OF_ASKING = frozenset({"ccomp", "xcomp", "prep"})

# A list item is short: "He called the protesters thugs." (in tokens)
_LIST_ITEM_TOKENS = 22


def _weak(ent: _Entity) -> bool:
    """A lone word that nothing says is a person's name ("Business" as a subject)."""
    return len(ent.tokens) == 1 and not ent.votes.get("person_strong")


_REFLEXIVES = frozenset(("himself", "herself", "themselves", "itself"))


class _Pronouns:
    """The pronoun half of :class:`~saidwhen.extract.people.index.PeopleIndex`: the
    index's state and methods that it uses are declared here for the type checker."""

    _doc: Doc
    _entities: list[_Entity]
    _model: PronounModel
    _trace: Trace | None
    _flags: dict[int, tuple[bool, int]]
    _mention_starts: list[tuple[int, int, _Entity]]
    _pulled: list[tuple[int, int]]
    _quoted: list[tuple[int, int]]
    _quote_starts: list[int]
    _doc_text: str
    _list_items: dict[str, int]  # "he" -> how many list items it opens
    # gender -> (the _names_added it was counted at, the person named most often): the
    # list items of one article ask it again and again, and pronouns do not change it
    _most_named: dict[Gender, tuple[int, _Entity | None]]
    _names_added: int  # how many mentions other than he/she have been added

    if TYPE_CHECKING:

        def entity_at(self, start: int, end: int) -> _Entity | None: ...

        def mentions_in(self, lo: int, hi: int) -> list[tuple[int, int, _Entity]]: ...

        def in_quote(self, pos: int) -> bool: ...

        def sentence_of(self, pos: int) -> int: ...

        def unit_of(self, pos: int) -> int: ...

        def token_at(self, start: int, end: int) -> Token: ...

        def _indefinite_before(
            self,
            root: Token,
            gender: Gender | None,
            since: int,
            reach: int = 400,
            before_sentence: bool = False,
        ) -> _Entity | None: ...

    def pronoun_target(self, token: Token) -> _Entity | None:
        """The person a he/she pronoun most likely refers to."""
        gender = PRONOUNS.get(token.lower_)
        if gender is None:
            return None
        skip = self._objects_of_verb(token) | self._subjects_of_own_clause(token)
        subject = token.dep_ in ("nsubj", "nsubjpass")
        in_quote = self.in_quote(token.idx)
        newcomer = None if in_quote else self._introduced_before(token, gender)
        if newcomer is None and not in_quote:
            newcomer = self._named_after(token, gender) or self._list_subject(token, gender)
        if newcomer is None and not in_quote:
            newcomer = self._goes_on_speaking(token, gender, skip)
        if newcomer is None and not in_quote:
            newcomer = self._one_asked(token, gender) or self._topic_set(token, gender)
        if newcomer is None and not in_quote:
            newcomer = self._unnamed_newcomer(token, gender, skip)
        if newcomer is not None and id(newcomer) in skip:
            newcomer = None
        if self._model.weights is None and self._trace is None:
            found = newcomer or self._recent(token.idx, gender, skip=skip, subject=subject)
            if found is None and in_quote:
                # no one of its gender named in the quote: someone named outside it
                # (a quoted "he" about a person the article named, a long quote)
                found = self._recent(token.idx, gender, skip=skip, frame=False, subject=subject)
            return found
        return self._ranked(token, gender, skip, newcomer, frame=True) or (
            self._ranked(token, gender, skip, newcomer, frame=False) if in_quote else None
        )

    def _ranked(
        self,
        token: Token,
        gender: Gender,
        skip: frozenset[int],
        newcomer: _Entity | None,
        frame: bool,
    ) -> _Entity | None:
        """The candidate of highest weighted features (the hand score's choice when the
        model has no weights, that is, while a trace is recorded for training)."""
        cands: dict[int, tuple[_Entity, list[tuple[int, int]]]] = {}
        for s, e, ent, _ in self._candidate_mentions(token.idx, gender, skip=skip, frame=frame):
            cands.setdefault(id(ent), (ent, []))[1].append((s, e))
        if not cands:
            return None
        for _, ms in cands.values():
            ms.sort()
        subject = token.dep_ in ("nsubj", "nsubjpass")
        found = newcomer or self._recent(token.idx, gender, skip=skip, frame=frame, subject=subject)
        feats = candidate_features(self, token, gender, cands, newcomer, found)
        if self._trace is not None:
            seen = [(feats[k], cands[k][0].mentions) for k in cands]
            self._trace.rows.append((token.idx, token.idx + len(token), seen))
        if self._model.weights is None:
            return found
        order = sorted(cands, key=lambda k: cands[k][1][-1][0], reverse=True)
        return cands[rank(self._model, feats, order)][0]

    def _goes_on_speaking(
        self, pron: Token, gender: Gender, skip: frozenset[int], reach: int = 1000
    ) -> _Entity | None:
        """The one who spoke last, for a "he added" ("Lee said ... Ruiz, who ..., fits the
        bill, he added"): a verb that goes on with what was said takes up the subject of
        the last verb of saying before it (outside quotes; a he/she there is settled,
        in text order), of its gender, over the subjects between; none when that verb
        names no subject ("..., saying ...")."""
        if pron.dep_ != "nsubj" or pron.head.lemma_.lower() not in _GOING_ON:
            return None
        doc = self._doc
        for k in range(pron.head.i - 1, -1, -1):
            verb = doc[k]
            if pron.idx - verb.idx > reach:
                return None
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS:
                continue
            if self.in_quote(verb.idx) or any(lo <= verb.idx < hi for lo, hi in self._pulled):
                continue  # (a pull quote is no part of the thread)
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj:
                return None
            ent = self.entity_at(subj[0].left_edge.idx, subj[0].idx + len(subj[0]))
            if ent is None or ent.type != "person" or id(ent) in skip:
                return None
            return ent if ent.gender in (gender, None) else None
        return None

    def _unnamed_newcomer(
        self, pron: Token, gender: Gender, skip: frozenset[int]
    ) -> _Entity | None:
        """An unnamed person met as the indefinite subject of a main clause before the
        pronoun's sentence ("At the clinic, a nurse was worried. 'It is bad,' she said"),
        since the person of the pronoun's gender in view was last named, for a he/she that
        says something: the one just described, as "the woman" takes it up
        (:meth:`~saidwhen.extract.people.described._Descriptions._indefinite_before`)."""
        if pron.dep_ not in ("nsubj", "nsubjpass") or pron.head.lemma_.lower() not in SPEECH_VERBS:
            return None
        found = self._recent(pron.idx, gender, skip=skip, subject=True)
        text = self._doc_text
        since = max(
            (
                s
                for s, e in (found.mentions if found is not None else ())
                if s < pron.idx and text[s:e].lower() not in PRONOUNS
            ),
            default=-1,
        )
        return self._indefinite_before(pron, gender, since, before_sentence=True)

    def _one_asked(self, pron: Token, gender: Gender) -> _Entity | None:
        """The person asked, for a subject he/she in what they were asked ("Lee asked Ruiz
        why he had left", "asked Ruiz about statements he made"): the question is about
        the one it is put to."""
        if pron.dep_ not in ("nsubj", "nsubjpass"):
            return None
        tok, n, link = pron.head, 0, ""
        while tok.lemma_.lower() not in _ASKING and n < 4 and tok.head.i != tok.i:
            if tok.dep_ not in _INTO_QUESTION:
                return None
            link, tok, n = tok.dep_, tok.head, n + 1
        if tok.lemma_.lower() not in _ASKING or tok.i > pron.i or link not in _QUESTION_OF_ASKING:
            return None
        for c in tok.children:
            if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN" and c.i < pron.i:
                ent = self.entity_at(c.idx, c.idx + len(c))
                if ent is not None and ent.type == "person" and ent.gender in (gender, None):
                    return ent
        return None

    def _topic_set(self, pron: Token, gender: Gender) -> _Entity | None:
        """The person an opening "As for X," sets as the topic, for a subject he/she in the
        same sentence ("As for Ruiz, he said he was not worried")."""
        if pron.dep_ not in ("nsubj", "nsubjpass"):
            return None
        first = pron.sent.start
        doc = self._doc
        if first + 3 > pron.i or doc[first].lower_ != "as" or doc[first + 1].lower_ != "for":
            return None
        for t in doc[first + 2 : pron.i]:
            if t.text == ",":
                return None
            if t.pos_ == "PROPN" and t.head.i == first + 1:
                ent = self.entity_at(t.idx, t.idx + len(t))
                if ent is not None and ent.type == "person" and ent.gender in (gender, None):
                    return ent
        return None

    def _objects_of_verb(self, pron: Token) -> frozenset[int]:
        """The people a subject pronoun's verb takes as its object or addressee ("he
        told Hannity", "she spoke to Lee"), or names later in the clause it governs
        ("he declared Cruz anointed", "she said Lee would win"): not who the pronoun
        is (a subject is not named again below it; a predicate noun, "he was the
        mayor", or an apposition, "he, the mayor,", may be it)."""
        view = article_view(self._doc)
        p = pron.i
        if view.dep[p] not in ("nsubj", "nsubjpass"):
            return frozenset()
        dep, kids, idx, texts = view.dep, view.children, view.idx, view.texts
        verb = view.head[p]
        out = set()
        for c in kids[verb]:
            if dep[c] in ("dobj", "dative"):
                objs = [c]
            elif dep[c] == "prep" and view.lower[c] in ("to", "with"):
                objs = [g for g in kids[c] if dep[g] == "pobj"]
            else:
                continue
            for o in objs:
                at = idx[o]
                if view.pos[o] == "PROPN" and (ent := self.entity_at(at, at + len(texts[o]))):
                    out.add(id(ent))
        # (the parser may run a sentence over a paragraph break)
        end = self._doc_text.find("\n", idx[p])
        last = view.sent_end[p] - 1  # the last token of its sentence
        end = min(idx[last] + len(texts[last]), len(self._doc_text) if end < 0 else end)
        for t in _subtree(kids, verb, []):
            if t <= p or idx[t] >= end or view.pos[t] != "PROPN" or self.in_quote(idx[t]):
                continue
            if dep[t] in ("compound", "flat") or not _below(view, t, verb):
                continue
            if (ent := self.entity_at(idx[t], idx[t] + len(texts[t]))) and ent.type == "person":
                out.add(id(ent))
        if view.lemma[verb] in SPEECH_VERBS:
            out.update(self._named_in_own_quote(pron, pron.head))
        return frozenset(out)

    def _subjects_of_own_clause(self, pron: Token) -> frozenset[int]:
        """The people named as the subject of the clause an object him/her is in ("Brahms
        and Hanslick made themselves known to him"): not who the pronoun is, which would
        be "himself"; the clause is left no further than through its verb's complements."""
        view = article_view(self._doc)
        p = pron.i
        dep, kids, idx, texts = view.dep, view.children, view.idx, view.texts
        if view.lower[p] not in ("him", "her") or dep[p] not in ("dobj", "dative", "pobj"):
            return frozenset()
        t = view.head[p]
        if dep[p] == "pobj":
            t = view.head[t]
        for _ in range(3):
            subjects = [c for c in kids[t] if dep[c] in ("nsubj", "nsubjpass")]
            # (a small clause's reflexive subject stands for the subject above it)
            reflexive = any(view.lower[c] in _REFLEXIVES for c in subjects)
            if subjects and not reflexive:
                break
            if dep[t] not in ("xcomp", "oprd", "acomp", "prep", "pobj", "dobj") and not (
                reflexive and dep[t] == "ccomp"
            ):
                return frozenset()
            t = view.head[t]
        else:
            return frozenset()
        out = set()
        while subjects:
            s = subjects.pop()
            subjects.extend(c for c in kids[s] if dep[c] == "conj")
            if view.pos[s] == "PROPN" and (ent := self.entity_at(idx[s], idx[s] + len(texts[s]))):
                out.add(id(ent))
        return frozenset(out)

    def _named_in_own_quote(self, pron: Token, verb: Token) -> set[int]:
        """The people named by name inside the quote a "he said" is the cue of (the quote
        closing right before it, or opening right after its verb): a speaker does not
        name themselves ("'... whether Senator Lee's message could win ...,' he said" is
        not Lee's)."""
        text = self._doc_text
        out: set[int] = set()
        k = bisect.bisect_right(self._quote_starts, pron.idx) - 1
        regions = []
        if k >= 0 and 0 <= pron.idx - self._quoted[k][1] <= 4:
            regions.append(self._quoted[k])
        after = verb.idx + len(verb)
        if k + 1 < len(self._quoted) and 0 <= self._quoted[k + 1][0] - after <= 4:
            regions.append(self._quoted[k + 1])
        for lo, hi in regions:
            for s, e, ent in self.mentions_in(lo, hi):
                if ent.type != "person" or text[s:e].lower() in PRONOUNS:
                    continue
                if self.token_at(s, e).dep_ != "compound":  # (not "Lee supporters")
                    out.add(id(ent))
        return out

    def _list_subject(self, pron: Token, gender: Gender) -> _Entity | None:
        """The article's main person for a "He said ..." that makes up a short paragraph of
        one sentence, one of three or more such (a list of what someone did, each item opened
        by the pronoun): the person of that gender named most often."""
        if pron.dep_ not in ("nsubj", "nsubjpass") or not self._opens_list_item(pron):
            return None
        items = self._list_items.get(pron.lower_)
        if items is None:  # counted once per pronoun word
            items = sum(self._opens_list_item(t) for t in self._line_openers(pron.lower_))
            self._list_items[pron.lower_] = items
        if items < 3:
            return None
        cached = self._most_named.get(gender)
        if cached is not None and cached[0] == self._names_added:
            return cached[1]
        found = self._most_named_person(gender)
        self._most_named[gender] = (self._names_added, found)
        return found

    def _most_named_person(self, gender: Gender) -> _Entity | None:
        """The named person of ``gender`` (or of none known) with the most mentions that
        are no pronoun, the first named of those."""
        counts: dict[int, tuple[int, int, _Entity]] = {}
        for s, e, ent in self._mention_starts:
            if ent.type != "person" or not ent.named or ent.gender not in (gender, None):
                continue
            if self._doc_text[s:e].lower() in PRONOUNS:
                continue
            n, first, _ = counts.get(id(ent), (0, -s, ent))
            counts[id(ent)] = (n + 1, first, ent)
        if not counts:
            return None
        return max(counts.values(), key=lambda c: c[:2])[2]

    def _line_openers(self, word: str) -> list[Token]:
        """The tokens ``word`` (lower case) that open a line of the text."""
        text = self._doc_text
        return [
            t for t in self._doc if t.lower_ == word and (t.idx == 0 or text[t.idx - 1] == "\n")
        ]

    def _opens_list_item(self, pron: Token) -> bool:
        """A subject pronoun opening a line that is one sentence, outside quotes."""
        text = self._doc_text
        if (pron.idx and text[pron.idx - 1] != "\n") or pron.dep_ not in ("nsubj", "nsubjpass"):
            return False
        end = text.find("\n", pron.idx)
        end = len(text) if end < 0 else end
        sent = pron.sent
        return (
            sent.start == pron.i
            and sent.end_char >= end - 1
            and len(sent) <= _LIST_ITEM_TOKENS
            and not self.in_quote(pron.idx)
        )

    def _named_after(self, pron: Token, gender: Gender) -> _Entity | None:
        """The subject named after a possessive in the phrase that opens its sentence ("In
        her remarks, Waters said"): the person the pronoun looks ahead to."""
        if pron.dep_ != "poss":
            return None  # (a subject "When she arrived, Ruiz said" looks back as often)
        root = pron.sent.root
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > pron.i]
        if not subj or not subj[0].text[:1].isupper():
            return None
        top = pron
        while top.head.i != root.i and top.head.i != top.i:
            top = top.head
        if top.dep_ not in ("prep", "advcl", "npadvmod") or top.i > subj[0].i:
            return None
        name = subj[0]
        ent = self.entity_at(name.idx, name.idx + len(name))
        if ent is None or ent.type != "person" or ent.gender not in (gender, None):
            return None
        return ent

    def _introduced_before(self, pron: Token, gender: Gender) -> _Entity | None:
        """The one person of the pronoun's gender first named, outside a subject, in the
        sentence right before ("filmed by Dale's wife, Rena Dale. In it she pleads"): the
        newcomer, when no one who may be he or she is a subject in between."""
        view = article_view(self._doc)
        first = view.sent_start[pron.i]
        if first == 0 or any(PRONOUNS.get(w) for w in view.lower[first : pron.i]):
            return None
        lo = view.idx[view.sent_start[first - 1]]  # where the sentence before starts
        found: dict[int, _Entity] = {}
        for s, _, ent in self.mentions_in(lo, pron.idx):
            if ent.type != "person":
                continue
            quoted, subject = self._flags[s]
            if ent.gender not in (gender, None) or quoted:
                continue
            if subject or (ent.gender is None and len(ent.tokens) > 1):
                return None  # one who may be he or she as a subject, or named in full
            if ent.gender is not None:
                found[id(ent)] = ent
        if len(found) != 1:
            return None
        (ent,) = found.values()
        if min(s for s, _ in ent.mentions) < lo:
            return None  # named before: the subject preference knows it
        return ent

    def _recent_body(self, pron: Token, window: int = 1500) -> _Entity | None:
        """The organisation an "it said" or "they said" stands for: the last one named
        outside quotes, unless a plural subject ("the doctors") came between for "they"."""
        at = pron.idx
        if self.in_quote(at):
            return None
        best: tuple[float, int, _Entity] | None = None
        view = article_view(self._doc)
        sent_start = view.idx[view.sent_start[pron.i]]
        for s, _, ent in self.mentions_in(at - window, at):
            if ent.type != "organisation":
                continue
            quoted, subject = self._flags[s]
            if quoted:
                continue
            if sent_start <= s and not subject and pron.dep_ in ("nsubj", "nsubjpass"):
                # "In a statement, the day bids were due to the Authority, it said": the
                # subject is not a body named in its own sentence's opening phrase
                continue
            score = s + (SUBJECT_BONUS if subject else 0)
            if best is None or score > best[0]:
                best = (score, s, ent)
        if best is None:
            return None
        if pron.lower_ == "they":
            doc = self._doc
            lo = doc.char_span(best[1], best[1] + 1, alignment_mode="expand")
            if lo is not None:
                for tok in doc[lo[0].i : pron.i]:
                    if tok.tag_ in ("NNS", "NNPS") and tok.dep_ in ("nsubj", "nsubjpass"):
                        return None  # "the doctors said ... they": not the body
        return best[2]

    def _candidate_mentions(
        self,
        at: int,
        gender: Gender | None,
        window: int = 8000,
        skip: frozenset[int] = frozenset(),
        frame: bool = True,
        latest_first: bool = False,
    ) -> Iterator[tuple[int, int, _Entity, int]]:
        """The mentions of people a pronoun (or a description) at ``at`` may take up:
        ``(start, end, entity, subject level)``, before it, in its quote frame, of its
        gender or of none known; in text order, or the other way with ``latest_first``."""
        in_quote = self.in_quote(at)
        found = self.mentions_in(at - window, at)
        for s, e, ent in reversed(found) if latest_first else found:
            if ent.type != "person":
                continue
            if skip and id(ent) in skip:
                continue
            if self._pulled and any(lo <= s < hi and not lo <= at < hi for lo, hi in self._pulled):
                continue  # a pull quote: set into the text, no part of its thread
            quoted, subject = self._flags[s]
            if frame and (quoted != in_quote or (in_quote and at - s > 600)):
                continue
            g = ent.gender
            if gender and g and g != gender:
                continue
            yield s, e, ent, subject

    def _recent(
        self,
        at: int,
        gender: Gender | None,
        window: int = 8000,
        skip: frozenset[int] = frozenset(),
        frame: bool = True,
        subject: bool = False,
    ) -> _Entity | None:
        """The hand-weighted choice: the last mentioned, with bonuses for subjects.

        For a ``subject`` pronoun, a main clause's subject outranks a subordinate one
        in its own sentence, not in a later one: the subject of the latest sentence
        that has one wins over an earlier sentence's ("Ruiz spoke first. Later, when
        Lee took the stand, he said"); a subject takes up the last one's thread.
        """
        best: tuple[float, int, int, _Entity] | None = None
        subjects: list[tuple[int, int, _Entity]] = []  # latest first
        # The best is the first mention of the highest score, a score its start and at
        # most _REACH more: read latest first, the mentions that start too early to reach
        # the best so far are not scored (nor are their subjects, all before the best)
        for s, e, ent, level in self._candidate_mentions(
            at, gender, window, skip, frame, latest_first=True
        ):
            if best is not None and s + _REACH < best[0]:
                break
            score = self._hand_score(s, ent, level, gender, at)
            if best is None or score >= best[0]:
                best = (score, s, level, ent)
            if subject and level and not (gender and ent.gender is None and _weak(ent)):
                subjects.append((s, e, ent))
        if best is None:
            return None
        if not best[2]:
            return best[3]
        # the latest sentence's subject highest in its tree, then the first: the order
        # of Hobbs' breadth-first, left-to-right search
        unit = self.unit_of(best[1])
        head = article_view(self._doc).head
        latest: tuple[int, int, int, _Entity] | None = None  # (sentence, -depth, -start, entity)
        for s, e, ent in reversed(subjects):
            if s > best[1] and (u := self.unit_of(s)) > unit:
                key = (u, -_depth(head, self.token_at(s, e).i), -s, ent)
                if latest is None or key[:3] > latest[:3]:
                    latest = key
        return latest[3] if latest is not None else best[3]

    @staticmethod
    def _hand_score(s: int, ent: _Entity, subject: int, gender: Gender | None, at: int) -> float:
        """The hand-weighted score of a mention at ``s`` for a pronoun at ``at``."""
        score: float = s
        if gender and ent.gender is None:
            # a full name (or a titled one) of unknown gender may well be he or
            # she; a lone word of no known gender is likelier no person ("Wild")
            score -= 300 if _weak(ent) else UNKNOWN_GENDER_COST
        if subject:
            score += SUBJECT_BONUS + (MAIN_SUBJECT_BONUS if subject == 2 else 0)
        if SALIENCE:
            score += SALIENCE * min(10, sum(1 for m in ent.mentions if m[0] < at))
        return score
