"""Who a he/she is: the people in view, ranked by their features.

For a pronoun, the candidates are the person entities of the
:class:`~saidwhen.extract.people.index.PeopleIndex` that the hand rules
allow (named before it, of its gender or of none known, in its quote frame).
The hand-weighted score (:data:`HAND`, the default) picks the last one
mentioned, with bonuses for subjects.  A :class:`PronounModel` with weights
gives each candidate the :data:`FEATURES` below and picks the highest
weighted sum; the weights in ``data/resolver.json`` are learned from GUM's
coreference and the realnews tuning sets' speakers (``python -m
saidwhen.eval.train_resolver``), and scoring them is a plain sum.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from saidwhen.extract.lexicon import SPEECH_VERBS
from saidwhen.extract.weights import dot, read_weights
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Token

    from saidwhen.extract.people.entity import _Entity
    from saidwhen.extract.people.names import Gender
    from saidwhen.extract.people.pronouns import _Pronouns

__all__ = [
    "DEFAULT_MODEL",
    "FEATURES",
    "HAND",
    "MODEL_PATH",
    "PronounModel",
    "Trace",
    "load_model",
    "rank",
]

MODEL_PATH = Path(__file__).resolve().parents[2] / "data" / "resolver.json"

# The features of one candidate for one pronoun, in the order of the stored weights.
FEATURES = (
    "recent_1",  # the candidate mentioned last of all candidates
    "recent_2",  # second last
    "recent_3",  # third last
    "same_sentence",  # its last mention is in the pronoun's sentence
    "previous_sentence",
    "sentences_2_3",  # two or three sentences back
    "log_chars",  # log of the distance in characters from its last mention
    "subject_main",  # its last mention is the subject of a main clause
    "subject_other",  # of another clause
    "subject_in_view",  # a subject in the pronoun's sentence or the one before
    "subject_nearest",  # the last of the candidates to be a subject
    "gender_unknown",  # no gender known for the candidate
    "gender_unknown_weak",  # and a lone word, no title: likelier no person
    "log_mentions",  # how often it was mentioned before
    "most_mentioned",  # the most mentioned candidate so far
    "first_named",  # the first person the article names
    "newcomer",  # first named, outside a subject, in the sentence right before
    "last_is_pronoun",  # its last mention is a pronoun: a chain goes on
    "full_name",  # its name has two words or more
    "speech_subject",  # its last mention is the subject of a speech verb
    "parallel_role",  # subject for a subject pronoun, possessor for a possessive
    "possessor",  # its last mention owns a noun ("Ruiz's mother ... she")
    "same_verb",  # subject of the verb the pronoun is the object of ("Ruiz saw her")
    "kilochars",  # the distance in thousands of characters (up to 8)
    "hand_choice",  # the hand rules' choice
    "hand_margin",  # its hand-weighted score below the best one's, in thousands
    # the same for a pronoun that is the subject of a speech verb ("he said"): a speaker
    # is the one who spoke last more often than the article's main person
    "said_recent_1",
    "said_log_mentions",
    "said_first_named",
    "said_subject_nearest",
    "said_hand_choice",
)


@dataclass(frozen=True, slots=True)
class PronounModel:
    """Weights for :data:`FEATURES` (``None``: the hand-weighted score of
    :meth:`PeopleIndex._recent`, kept to compare against)."""

    weights: tuple[float, ...] | None
    stamp: str = ""


@dataclass(slots=True)
class Trace:
    """What the ranking saw, for training: per pronoun, its char offsets and each
    candidate's features and mentions (the entity's list, complete once the index is)."""

    rows: list[tuple[int, int, list[tuple[list[float], list[tuple[int, int]]]]]] = field(
        default_factory=list
    )


HAND = PronounModel(None, "hand")
# What an index ranks with unless told: the hand-weighted score.  The learned weights
# win 3 of GUM's 889 pronouns (cross-validated) and lose 1 of 2316 on the realnews tuning
# sets held out one at a time (see docs/history.md), so they stay an option
# (``find_people(doc, model=load_model())``).
DEFAULT_MODEL = HAND


@functools.lru_cache(maxsize=2)
def load_model(path: str = str(MODEL_PATH)) -> PronounModel:
    """The stored weights, read once per process."""
    read = read_weights(path, FEATURES, "pronoun resolver", "saidwhen.eval.train_resolver")
    assert read is not None  # not optional
    weights, data = read
    return PronounModel(weights, str(data.get("stamp", "")))


_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECTS = ("dobj", "dative", "pobj")


def candidate_features(
    index: _Pronouns,
    pron: Token,
    gender: Gender | None,
    cands: dict[int, tuple[_Entity, list[tuple[int, int]]]],
    newcomer: _Entity | None,
    hand_choice: _Entity | None,
) -> dict[int, list[float]]:
    """The feature vector of each candidate (by ``id`` of its entity); ``cands`` maps
    each to its entity and its mentions before the pronoun (in text order);
    ``hand_choice`` is the hand rules' answer."""
    at = pron.idx
    p_sent = index.sentence_of(at)
    order = sorted(cands, key=lambda k: cands[k][1][-1][0], reverse=True)
    rank = {k: n for n, k in enumerate(order)}
    counts = {k: len(ms) for k, (_, ms) in cands.items()}
    top = max(counts.values())
    first = min(
        (min(s for s, _ in e.mentions), id(e)) for e in index._entities if e.type == "person"
    )[1]
    last_subject = {
        k: max((s for s, _ in ms if index._flags[s][1]), default=-1) for k, (_, ms) in cands.items()
    }
    nearest_subject = max(last_subject, key=lambda k: last_subject[k])
    hand = {
        k: max(index._hand_score(s, ent, index._flags[s][1], gender, at) for s, _ in ms)
        for k, (ent, ms) in cands.items()
    }
    hand_top = max(hand.values())
    hand_pick = id(hand_choice) if hand_choice is not None else max(hand, key=lambda k: hand[k])
    p_dep = pron.dep_
    said = float(p_dep in _SUBJECTS and pron.head.lemma_.lower() in SPEECH_VERBS)
    text = doc_text(index._doc)
    p_role = "subject" if p_dep in _SUBJECTS else "poss" if p_dep == "poss" else "other"
    out = {}
    for k, (ent, ms) in cands.items():
        s, e = ms[-1]
        tok = index.token_at(s, e)
        subject = index._flags[s][1]
        sent = index.sentence_of(s)
        gap = p_sent - sent
        role = "subject" if tok.dep_ in _SUBJECTS else "poss" if tok.dep_ == "poss" else "other"
        unknown = ent.gender is None
        weak = unknown and len(ent.tokens) == 1 and not ent.votes.get("person_strong")
        subj_view = any(
            index._flags[m][1] and index.sentence_of(m) >= p_sent - 1 for m, _ in ms[-3:]
        )
        same_verb = (
            gap == 0
            and tok.dep_ in _SUBJECTS
            and p_dep in _OBJECTS
            and (pron.head.i == tok.head.i or pron.head.head.i == tok.head.i)
        )
        out[k] = [
            float(rank[k] == 0),
            float(rank[k] == 1),
            float(rank[k] == 2),
            float(gap == 0),
            float(gap == 1),
            float(2 <= gap <= 3),
            math.log1p(max(0, at - e)) / 10,
            float(subject == 2),
            float(subject == 1),
            float(subj_view),
            float(k == nearest_subject and last_subject[k] >= 0),
            float(unknown),
            float(weak),
            math.log1p(counts[k]),
            float(counts[k] == top),
            float(k == first),
            float(newcomer is not None and id(newcomer) == k),
            float(text[s:e].lower() in _PRONOUN_WORDS),
            float(len(ent.tokens) > 1),
            float(tok.dep_ in _SUBJECTS and tok.head.lemma_.lower() in SPEECH_VERBS),
            float(role == p_role and role != "other"),
            float(tok.dep_ == "poss" and tok.pos_ == "PROPN"),
            float(same_verb),
            min(8.0, (at - e) / 1000),
            float(k == hand_pick),
            (hand[k] - hand_top) / 1000,
            said * (rank[k] == 0),
            said * math.log1p(counts[k]),
            said * (k == first),
            said * (k == nearest_subject and last_subject[k] >= 0),
            said * (k == hand_pick),
        ]
    return out


_PRONOUN_WORDS = frozenset({"he", "she", "him", "her", "his", "himself", "herself", "hers"})


def rank(model: PronounModel, feats: dict[int, list[float]], order: list[int]) -> int:
    """The candidate (``id`` of its entity) with the highest score; on a tie, the first
    in ``order``."""
    assert model.weights is not None
    weights = model.weights
    best, best_score = order[0], -math.inf
    for k in order:
        score = dot(weights, feats[k])
        if score > best_score:
            best, best_score = k, score
    return best
